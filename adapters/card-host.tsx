import { render } from 'preact';
import { type BackgroundState, stateFromResponse } from '../components/background';
import cardCss from '../components/card.css?inline';
import { EntityCard } from '../components/EntityCard';
import type { AnalysisResult, Entity, Quote } from '../lib/analyze';
import type { KnowledgeResponse } from '../lib/messaging';
import { CARD_TAG, MARK_TAG } from './orphan-cleanup';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 250;
const CARD_WIDTH = 320;
/** A focus opens a card only this soon after the reader pressed Tab (a script's focus() is no reader's action). */
const KEYBOARD_FOCUS_MS = 1000;

export type LookUp = (entity: Entity) => Promise<KnowledgeResponse>;

export interface CardOptions {
  /** the highlights' and the card host's element names (per install in the extension) */
  tags?: { mark: string; card: string };
  /** whether an event is the reader's own; the browser's `isTrusted` (tests of the card's logic may stand in for it) */
  isTrusted?: (event: Event) => boolean;
}

/**
 * Opens the entity card next to a highlighted name on the reader's hover, keyboard focus or tap, in a closed shadow
 * root so page CSS cannot reach it and page scripts cannot read it; closes on Esc and on leaving. Events a page script
 * makes (a dispatched mouseover, click() or Enter, or focus() without a key press) open nothing and look nothing up.
 * Throws when the host cannot be made (the run's highlights are then undone by the caller); `destroy` removes the card
 * and every listener.
 */
export function attachCards(doc: Document, result: AnalysisResult, lookUp?: LookUp, options: CardOptions = {}): { destroy(): void } {
  const { tags = { mark: MARK_TAG, card: CARD_TAG }, isTrusted = (event: Event) => event.isTrusted } = options;
  const entities = new Map<string, Entity>(result.entities.map((e) => [e.id, e]));
  const quotesBySpeaker = new Map<string, Quote[]>();
  for (const q of result.quotes) if (q.speakerId) quotesBySpeaker.set(q.speakerId, [...(quotesBySpeaker.get(q.speakerId) ?? []), q]);

  const host = doc.createElement(tags.card);
  // Important inline styles, so page rules (even `* { … !important }`) cannot move, hide or dress the card's host.
  const place = (props: Record<string, string>) => {
    for (const [name, value] of Object.entries(props)) host.style.setProperty(name, value, 'important');
  };
  place({ position: 'fixed', 'z-index': '2147483647', top: '0', left: '0', display: 'none', margin: '0', padding: '0', border: '0' });
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = cardCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  /** The page may remove the host; it comes back with the next card. */
  const mount = () => {
    if (!host.isConnected) doc.documentElement?.append(host);
  };
  mount();

  let openFor: HTMLElement | null = null;
  // Background notes, asked for when a card first opens (the reader's action), kept for the page's life.
  const backgrounds = new Map<string, BackgroundState>();
  const requests = new Map<string, number>();
  let requestCount = 0;
  // A card closed with Esc stays closed while the pointer or focus is still on its name.
  let dismissed: HTMLElement | null = null;
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
    place({ display: 'none' });
  };

  const renderCard = (entity: Entity) =>
    render(
      <EntityCard
        entity={entity}
        quotes={quotesBySpeaker.get(entity.id) ?? []}
        background={backgrounds.get(entity.id) ?? { status: 'idle' }}
        onClose={close}
        onRetry={() => fetchBackground(entity)}
      />,
      container,
    );
  // A note arriving changes the card's height: place it again so it still fits beside the name.
  const rerenderIfOpen = (entity: Entity) => {
    if (openFor?.dataset.entityId !== entity.id) return;
    renderCard(entity);
    position(openFor);
  };
  const fetchBackground = (entity: Entity) => {
    if (!lookUp) return;
    const token = ++requestCount;
    requests.set(entity.id, token);
    backgrounds.set(entity.id, { status: 'loading' });
    rerenderIfOpen(entity);
    const settle = (state: BackgroundState) => {
      if (requests.get(entity.id) !== token) return; // a newer request (a retry) answers instead
      backgrounds.set(entity.id, state);
      rerenderIfOpen(entity);
    };
    lookUp(entity).then(
      (response) => settle(stateFromResponse(response, entity.id)),
      (error: unknown) => settle({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  /** Below the name if it fits, else above, else on the roomier side with the card scrolling: never over the name. */
  const position = (mark: HTMLElement) => {
    place({ display: 'block' });
    const view = doc.defaultView;
    const rect = mark.getBoundingClientRect();
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const spaceBelow = height - rect.bottom - 14;
    const spaceAbove = rect.top - 14;
    host.style.removeProperty('--backstory-max-height');
    let cardHeight = host.getBoundingClientRect().height || 200;
    const below = cardHeight <= spaceBelow || (cardHeight > spaceAbove && spaceBelow >= spaceAbove);
    if (cardHeight > (below ? spaceBelow : spaceAbove)) {
      cardHeight = Math.max(120, below ? spaceBelow : spaceAbove);
      host.style.setProperty('--backstory-max-height', `${cardHeight}px`);
    }
    const left = Math.max(8, Math.min(rect.left, width - CARD_WIDTH - 8));
    const top = below ? rect.bottom + 6 : rect.top - 6 - cardHeight;
    place({ left: `${left}px`, top: `${top}px` });
  };

  const open = (mark: HTMLElement) => {
    const entity = entities.get(mark.dataset.entityId ?? '');
    if (!entity) return;
    mount();
    if (openFor && openFor !== mark) openFor.removeAttribute('aria-expanded');
    openFor = mark;
    mark.setAttribute('aria-expanded', 'true');
    const known = backgrounds.get(entity.id)?.status;
    if (!known || known === 'error' || known === 'offline') fetchBackground(entity);
    renderCard(entity);
    position(mark);
  };

  const markOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest(tags.mark) as HTMLElement | null) : null);
  // When the reader last pressed Tab: the focus it moves opens a card, a script's focus() does not.
  let tabbedAt = Number.NEGATIVE_INFINITY;
  const onOver = (event: Event) => {
    const mark = markOf(event.target);
    if (!mark || mark === dismissed || !isTrusted(event)) return;
    if (event.type === 'focusin') {
      if (event.timeStamp - tabbedAt > KEYBOARD_FOCUS_MS) return;
      tabbedAt = Number.NEGATIVE_INFINITY;
    }
    schedule(() => open(mark), event.type === 'focusin' ? 0 : OPEN_DELAY_MS);
  };
  const onOut = (event: Event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    if (mark === dismissed) dismissed = null;
    if (openFor) schedule(close, CLOSE_DELAY_MS);
    else clearTimeout(timer);
  };
  const onClick = (event: Event) => {
    const mark = markOf(event.target);
    if (mark && isTrusted(event)) {
      dismissed = null;
      open(mark); // a tap on touch screens
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (!isTrusted(event)) return;
    if (event.key === 'Tab') tabbedAt = event.timeStamp;
    if (event.key === 'Escape' && openFor) {
      const mark = openFor;
      dismissed = mark;
      const focusInCard = host.contains(doc.activeElement) || shadow.activeElement;
      close();
      if (focusInCard) mark.focus();
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
  // In the capture phase: a page that stops the key's propagation still lets the reader's Tab count.
  doc.addEventListener('keydown', onKey, true);
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
      doc.removeEventListener('keydown', onKey, true);
      host.remove();
    },
  };
}
