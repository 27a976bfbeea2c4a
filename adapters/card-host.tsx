import { render } from 'preact';
import cardCss from '../components/card.css?inline';
import { EntityCard } from '../components/EntityCard';
import type { AnalysisResult, Entity, Quote } from '../lib/analyze';
import { MARK_TAG } from './highlight';

const HOST_TAG = 'backstory-card';
const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 250;
const CARD_WIDTH = 320;

/**
 * Opens the entity card next to a highlighted name on hover, keyboard focus or tap, in a shadow root so page CSS
 * cannot reach it; closes on Esc and on leaving. `destroy` removes the card and every listener.
 */
export function attachCards(doc: Document, result: AnalysisResult): { destroy(): void } {
  const entities = new Map<string, Entity>(result.entities.map((e) => [e.id, e]));
  const quotesBySpeaker = new Map<string, Quote[]>();
  for (const q of result.quotes) if (q.speakerId) quotesBySpeaker.set(q.speakerId, [...(quotesBySpeaker.get(q.speakerId) ?? []), q]);

  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all:initial!important;position:fixed!important;z-index:2147483647!important;top:0;left:0;display:none');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = cardCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.append(host);

  let openFor: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  const close = () => {
    clearTimeout(timer);
    if (!openFor) return;
    openFor.removeAttribute('aria-expanded');
    openFor = null;
    render(null, container);
    host.style.display = 'none';
  };

  const open = (mark: HTMLElement) => {
    const entity = entities.get(mark.dataset.entityId ?? '');
    if (!entity) return;
    if (openFor && openFor !== mark) openFor.removeAttribute('aria-expanded');
    openFor = mark;
    mark.setAttribute('aria-expanded', 'true');
    render(<EntityCard entity={entity} quotes={quotesBySpeaker.get(entity.id) ?? []} onClose={close} />, container);
    host.style.display = 'block';
    const view = doc.defaultView;
    const rect = mark.getBoundingClientRect();
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const cardHeight = host.getBoundingClientRect().height || 200;
    const left = Math.max(8, Math.min(rect.left, width - CARD_WIDTH - 8));
    const below = rect.bottom + 6;
    const top =
      below + cardHeight > height - 8 && rect.top - cardHeight - 6 > 8
        ? rect.top - cardHeight - 6
        : Math.min(below, Math.max(8, height - cardHeight - 8));
    host.style.left = `${left}px`;
    host.style.top = `${top}px`;
  };

  const markOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest(MARK_TAG) as HTMLElement | null) : null);
  const onOver = (event: Event) => {
    const mark = markOf(event.target);
    if (mark) schedule(() => open(mark), event.type === 'focusin' ? 0 : OPEN_DELAY_MS);
  };
  const onOut = (event: Event) => {
    if (markOf(event.target) && openFor) schedule(close, CLOSE_DELAY_MS);
    else if (markOf(event.target)) clearTimeout(timer);
  };
  const onClick = (event: Event) => {
    const mark = markOf(event.target);
    if (mark) open(mark); // a tap on touch screens
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && openFor) {
      const mark = openFor;
      close();
      mark.focus();
    } else if ((event.key === 'Enter' || event.key === ' ') && markOf(event.target)) {
      event.preventDefault();
      open(markOf(event.target) as HTMLElement);
    }
  };
  const keepOpen = () => clearTimeout(timer);
  const leaveCard = () => schedule(close, CLOSE_DELAY_MS);

  doc.addEventListener('mouseover', onOver);
  doc.addEventListener('focusin', onOver);
  doc.addEventListener('mouseout', onOut);
  doc.addEventListener('focusout', onOut);
  doc.addEventListener('click', onClick);
  doc.addEventListener('keydown', onKey);
  host.addEventListener('mouseenter', keepOpen);
  host.addEventListener('mouseleave', leaveCard);
  host.addEventListener('focusin', keepOpen);

  return {
    destroy() {
      close();
      doc.removeEventListener('mouseover', onOver);
      doc.removeEventListener('focusin', onOver);
      doc.removeEventListener('mouseout', onOut);
      doc.removeEventListener('focusout', onOut);
      doc.removeEventListener('click', onClick);
      doc.removeEventListener('keydown', onKey);
      host.remove();
    },
  };
}
