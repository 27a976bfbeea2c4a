import { render } from 'preact';
import { type BackgroundState, stateFromResponse } from '../components/background';
import cardCss from '../components/card.css?inline';
import { EntityCard } from '../components/EntityCard';
import type { AnalysisResult, Entity, Quote } from '../lib/analyze';
import type { KnowledgeResponse } from '../lib/messaging';
import { INTERACTIVE } from './highlight';
import { CARD_TAG, MARK_TAG } from './orphan-cleanup';

/** A pointer resting on a name this long opens its card (one passing over it does not). */
const OPEN_DELAY_MS = 120;
/** A name the reader tabs to opens its card only if focus stays this long: tabbing through a paragraph opens nothing. */
export const FOCUS_OPEN_DELAY_MS = 600;
const CLOSE_DELAY_MS = 250;
const CARD_WIDTH = 320;
/** A focus opens a card only this soon after the reader pressed Tab (a script's focus() is no reader's action). */
const KEYBOARD_FOCUS_MS = 1000;
/** Where a highlight is inside a link (or another control), the control keeps the focus; this key opens the card there. */
export const CARD_SHORTCUT = { key: 'ArrowDown', altKey: true } as const;

export type LookUp = (entity: Entity) => Promise<KnowledgeResponse>;
/** A note's picture as a data: URL (fetched by the background, so no page's CSP or script comes into it), or null. */
export type FetchThumbnail = (url: string) => Promise<string | null>;

export interface CardOptions {
  /** the highlights' and the card host's element names (per install in the extension) */
  tags?: { mark: string; card: string };
  /** whether an event is the reader's own; the browser's `isTrusted` (tests of the card's logic may stand in for it) */
  isTrusted?: (event: Event) => boolean;
  /** the picture of a note the reader looked up; without it, notes show no picture */
  fetchThumbnail?: FetchThumbnail;
}

export interface Cards {
  /** Opens the card of a highlight and moves focus into it (the context menu's look-up); false when it is none of ours. */
  openFor(mark: HTMLElement): boolean;
  destroy(): void;
}

/**
 * Opens the entity card next to a highlighted name on the reader's hover, tap, Enter or Space, or a keyboard focus that
 * rests on the name, in a closed shadow root so page CSS cannot reach it and page scripts cannot read it. The card stays
 * by its name while the page scrolls and closes when the name leaves the screen; it closes on Esc, its close button and
 * on leaving, and focus goes back to the name (or the link the name is in). Events a page script makes (a dispatched
 * mouseover, click() or Enter, or focus() without a key press) open nothing and look nothing up. Throws when the host
 * cannot be made (the run's highlights are then undone by the caller); `destroy` removes the card and every listener.
 */
export function attachCards(doc: Document, result: AnalysisResult, lookUp?: LookUp, options: CardOptions = {}): Cards {
  const { tags = { mark: MARK_TAG, card: CARD_TAG }, isTrusted = (event: Event) => event.isTrusted, fetchThumbnail } = options;
  const view = doc.defaultView;
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
  /** the pointer is over the card (mouseenter/mouseleave on its host) */
  let pointerOnCard = false;
  /** where focus goes back to when the card closes: the name, or the link it is in, or what had focus before */
  let returnFocus: HTMLElement | null = null;
  // Background notes, asked for when a card first opens (the reader's action), kept for the page's life.
  const backgrounds = new Map<string, BackgroundState>();
  const requests = new Map<string, number>();
  let requestCount = 0;
  /** pictures by URL: a data: URL, null when there is none to show, 'loading' while asked for */
  const thumbnails = new Map<string, string | null>();
  // A card closed with Esc stays closed while the pointer or focus is still on its name.
  let dismissed: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  const focusInCard = () => host.contains(doc.activeElement) || !!shadow.activeElement;
  /** The element that takes focus for a highlight: the highlight itself (a Tab stop), or the control it is in. */
  const focusTargetOf = (mark: HTMLElement): HTMLElement | null => {
    if (mark.tabIndex >= 0 && mark.hasAttribute('tabindex')) return mark;
    return mark.parentElement?.closest<HTMLElement>(INTERACTIVE) ?? null;
  };

  const close = (restoreFocus = false) => {
    clearTimeout(timer);
    if (!openFor) return;
    const back = restoreFocus || focusInCard() ? returnFocus : null;
    openFor.removeAttribute('aria-expanded');
    openFor = null;
    returnFocus = null;
    pointerOnCard = false;
    stopFollowing();
    render(null, container);
    place({ display: 'none' });
    if (back?.isConnected) back.focus({ preventScroll: true });
  };

  const thumbnailOf = (state: BackgroundState | undefined): string | null => {
    const url = state?.status === 'loaded' ? state.note.thumbnail : null;
    if (!url || !fetchThumbnail) return null;
    if (!thumbnails.has(url)) {
      thumbnails.set(url, 'loading');
      fetchThumbnail(url).then(
        (data) => {
          thumbnails.set(url, data);
          const shown = openFor ? entities.get(openFor.dataset.entityId ?? '') : undefined;
          if (shown) rerenderIfOpen(shown);
        },
        () => thumbnails.set(url, null),
      );
    }
    const data = thumbnails.get(url);
    return data && data !== 'loading' ? data : null;
  };

  const renderCard = (entity: Entity) => {
    const background = backgrounds.get(entity.id) ?? { status: 'idle' };
    render(
      <EntityCard
        entity={entity}
        quotes={quotesBySpeaker.get(entity.id) ?? []}
        background={background}
        thumbnail={thumbnailOf(background)}
        onClose={() => close(true)}
        onRetry={() => fetchBackground(entity)}
      />,
      container,
    );
  };
  // A note arriving changes the card's height: place it again so it still fits beside the name. The control the
  // reader pressed may go with the old state ("Retry"): focus then stays in the card, on the card itself.
  const rerenderIfOpen = (entity: Entity) => {
    if (openFor?.dataset.entityId !== entity.id) return;
    const hadFocus = focusInCard();
    renderCard(entity);
    if (hadFocus && !focusInCard()) container.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
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

  const viewport = () => ({ width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 });
  const onScreen = (rect: DOMRect) => {
    const { width, height } = viewport();
    return (rect.width > 0 || rect.height > 0) && rect.bottom > 0 && rect.top < height && rect.right > 0 && rect.left < width;
  };

  /** Below the name if it fits, else above, else on the roomier side with the card scrolling: never over the name. */
  const position = (mark: HTMLElement) => {
    place({ display: 'block' });
    const rect = mark.getBoundingClientRect();
    const { width, height } = viewport();
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

  // The card follows its name while the page (or a box in it) scrolls or the window changes size, once a frame; it
  // closes when the name is gone from the screen (a reader in the card gets their focus back on the name, unscrolled).
  let frame = 0;
  const follow = () => {
    if (frame) return;
    const next = view?.requestAnimationFrame?.bind(view) ?? ((fn: () => void) => setTimeout(fn, 16) as unknown as number);
    frame = next(() => {
      frame = 0;
      const mark = openFor;
      if (!mark) return;
      if (!mark.isConnected || !onScreen(mark.getBoundingClientRect())) close(true);
      else position(mark);
    });
  };
  let following = false;
  const startFollowing = () => {
    if (following || !view) return;
    following = true;
    view.addEventListener('scroll', follow, { capture: true, passive: true });
    view.addEventListener('resize', follow, { passive: true });
  };
  function stopFollowing() {
    if (!following || !view) return;
    following = false;
    view.removeEventListener('scroll', follow, { capture: true });
    view.removeEventListener('resize', follow);
    if (frame) (view.cancelAnimationFrame?.bind(view) ?? clearTimeout)(frame);
    frame = 0;
  }

  /** Opens the card by `mark`; `focusCard` moves the focus into it (a keyboard or menu request), to come back to `back`. */
  const open = (mark: HTMLElement, focusCard = false, back: HTMLElement | null = null) => {
    const entity = entities.get(mark.dataset.entityId ?? '');
    if (!entity) return false;
    mount();
    if (openFor && openFor !== mark) openFor.removeAttribute('aria-expanded');
    openFor = mark;
    returnFocus = back ?? focusTargetOf(mark);
    mark.setAttribute('aria-expanded', 'true');
    const known = backgrounds.get(entity.id)?.status;
    if (!known || known === 'error' || known === 'offline') fetchBackground(entity);
    renderCard(entity);
    position(mark);
    startFollowing();
    if (focusCard) container.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
    return true;
  };

  const markOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest(tags.mark) as HTMLElement | null) : null);
  const insideControl = (mark: HTMLElement) => !!mark.parentElement?.closest(INTERACTIVE);
  // When the reader last pressed Tab: the focus it moves opens a card, a script's focus() does not.
  let tabbedAt = Number.NEGATIVE_INFINITY;
  const onOver = (event: Event) => {
    const mark = markOf(event.target);
    if (!mark || mark === dismissed || !isTrusted(event)) return;
    if (event.type === 'focusin') {
      if (event.timeStamp - tabbedAt > KEYBOARD_FOCUS_MS) return;
      tabbedAt = Number.NEGATIVE_INFINITY;
    }
    schedule(() => open(mark), event.type === 'focusin' ? FOCUS_OPEN_DELAY_MS : OPEN_DELAY_MS);
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
    // A name inside a link is the link's: a click follows it (the card opens there on hover or the shortcut).
    if (mark && isTrusted(event) && !insideControl(mark)) {
      dismissed = null;
      open(mark); // a tap on touch screens
    }
  };
  /** The highlight a keyboard shortcut is about: the focused one, or the first in the focused link. */
  const markAtFocus = (target: EventTarget | null): HTMLElement | null =>
    markOf(target) ?? (target instanceof Element ? target.querySelector<HTMLElement>(`${tags.mark}[data-entity-id]`) : null);
  const onKey = (event: KeyboardEvent) => {
    if (!isTrusted(event)) return;
    if (event.key === 'Tab') tabbedAt = event.timeStamp;
    if (event.key === 'Escape' && openFor) {
      dismissed = openFor;
      close();
      return;
    }
    const mark = markOf(event.target);
    if ((event.key === 'Enter' || event.key === ' ') && mark && !insideControl(mark)) {
      event.preventDefault();
      dismissed = null;
      open(mark, true);
    } else if (event.key === CARD_SHORTCUT.key && event.altKey === CARD_SHORTCUT.altKey && !event.ctrlKey && !event.metaKey) {
      const target = markAtFocus(event.target);
      if (!target) return;
      event.preventDefault();
      dismissed = null;
      open(target, true, event.target instanceof HTMLElement ? event.target : null);
    }
  };
  // Inside the card: Tab past its last control (or Shift+Tab before its first) closes it and goes back to the name.
  const onCardKey = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !openFor) return;
    const controls = [...container.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    const at = shadow.activeElement;
    const leaving = event.shiftKey ? at === controls[0] || at === container.querySelector('.card') : at === controls[controls.length - 1];
    if (!leaving && controls.length) return;
    event.preventDefault();
    close(true);
  };
  const keepOpen = () => clearTimeout(timer);
  const enterCard = () => {
    pointerOnCard = true;
    keepOpen();
  };
  const leaveCard = () => {
    pointerOnCard = false;
    if (!focusInCard()) schedule(close, CLOSE_DELAY_MS);
  };
  // Focus leaving the card for the page (a click or Tab elsewhere) closes it, without taking focus back; not while the
  // pointer is on the card (a button pressed there that went with the card's old state leaves focus nowhere).
  const onCardFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (to instanceof Node && (host.contains(to) || shadow.contains(to))) return;
    if ((to && openFor && to === openFor) || pointerOnCard) return;
    schedule(close, CLOSE_DELAY_MS);
  };

  doc.addEventListener('mouseover', onOver);
  doc.addEventListener('focusin', onOver);
  doc.addEventListener('mouseout', onOut);
  doc.addEventListener('focusout', onOut);
  doc.addEventListener('click', onClick);
  // In the capture phase: a page that stops the key's propagation still lets the reader's Tab count.
  doc.addEventListener('keydown', onKey, true);
  container.addEventListener('keydown', onCardKey);
  host.addEventListener('mouseenter', enterCard);
  host.addEventListener('mouseleave', leaveCard);
  host.addEventListener('focusin', keepOpen);
  container.addEventListener('focusout', onCardFocusOut);

  return {
    openFor(mark) {
      dismissed = null;
      const before = doc.activeElement instanceof HTMLElement && doc.activeElement !== doc.body ? doc.activeElement : null;
      if (!onScreen(mark.getBoundingClientRect())) mark.scrollIntoView?.({ block: 'center' });
      return open(mark, true, focusTargetOf(mark) ?? before);
    },
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
