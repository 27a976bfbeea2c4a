import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { attachCards, type Cards, FOCUS_OPEN_DELAY_MS } from '../../../adapters/card-host';
import { highlightEntities, MARK_TAG } from '../../../adapters/highlight';
import type { AnalysisResult, Entity, EntityType, Quote } from '../../../lib/analyze';
import { analyse } from './analysed-blocks';

function entity(id: string, type: EntityType, variants: string[], count: number): Entity {
  const name = variants[0] ?? '';
  const mentions = Array.from({ length: count }, (_, i) => ({ start: i * 40, end: i * 40 + name.length, text: name }));
  return { id, name, type, mentions, variants, titles: [] };
}

function quote(start: number, text: string, speaker: string | null, speakerId: string | null): Quote {
  return { start, end: start + text.length, text, speaker, speakerText: speaker, speakerId, partial: false, continuesPrevious: false };
}

const RESULT: AnalysisResult = {
  isArticle: true,
  nlp: { language: 'en', supported: true, notice: null },
  reason: 'news article',
  article: null,
  entities: [entity('e1', 'PER', ['Jeff Rathke', 'Rathke'], 3), entity('e2', 'ORG', ['State Department'], 1)],
  quotes: [
    quote(0, '“We are monitoring the situation.”', 'Jeff Rathke', 'e1'),
    quote(100, '“We urge restraint.”', 'Jeff Rathke', 'e1'),
    quote(200, '“Nobody said this.”', null, null),
  ],
};

let cards: Cards;

// The card's shadow root is closed: the test keeps the one attachShadow returns, as only the card's own code can.
const roots = new Map<Element, ShadowRoot>();
const attachShadow = HTMLElement.prototype.attachShadow;
const host = () => document.querySelector('backstory-card') as HTMLElement | null;
const root = () => roots.get(host() as HTMLElement) ?? null;
const card = () => root()?.querySelector('.card') ?? null;
/** The reader's own events: in the browser, `isTrusted`; here every test event stands for one unless a test says not. */
const trusted = (event: Event) => !(event as Event & { untrusted?: boolean }).untrusted;
const mark = (text: string) => [...document.querySelectorAll<HTMLElement>(MARK_TAG)].find((m) => m.textContent === text) as HTMLElement;

const fire = {
  focusin: (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true })),
  focusout: (el: Element) => el.dispatchEvent(new FocusEvent('focusout', { bubbles: true })),
  mouseover: (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })),
  mouseout: (el: Element) => el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true })),
  mouseenter: (el: Element) => el.dispatchEvent(new MouseEvent('mouseenter')),
  click: (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
  key: (el: EventTarget, key: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })),
  /** the reader's Tab, then the focus it moves */
  tabTo: (el: Element) => {
    fire.key(document, 'Tab');
    fire.focusin(el);
  },
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const shadow = attachShadow.call(this, init);
    roots.set(this, shadow);
    return shadow;
  });
  document.body.innerHTML = '<article><p>Jeff Rathke said the State Department was watching.</p></article>';
  const { blocks, entities } = analyse([...document.querySelectorAll('p')], RESULT.entities);
  highlightEntities(blocks, entities);
  cards = attachCards(document, RESULT, undefined, { isTrusted: trusted });
});

afterEach(() => {
  cards.destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
  roots.clear();
  document.body.innerHTML = '';
});

describe('attachCards', () => {
  test('adds one hidden host with a closed shadow root, which the page cannot open', () => {
    expect(document.querySelectorAll('backstory-card')).toHaveLength(1);
    expect(host()?.shadowRoot).toBeNull();
    expect(root()?.mode).toBe('closed');
    expect(root()?.querySelector('style')).not.toBeNull();
    expect(host()?.style.getPropertyValue('display')).toBe('none');
    expect(card()).toBeNull();
  });

  test('focus after the reader pressed Tab opens the card once it rests on the name', () => {
    fire.tabTo(mark('Jeff Rathke'));
    vi.advanceTimersByTime(FOCUS_OPEN_DELAY_MS - 10);
    expect(card()).toBeNull();
    vi.advanceTimersByTime(10);
    expect(card()?.querySelector('.name')?.textContent).toBe('Jeff Rathke');
    expect(card()?.getAttribute('data-entity-id')).toBe('e1');
    expect(host()?.style.getPropertyValue('display')).toBe('block');
    expect(mark('Jeff Rathke').getAttribute('aria-expanded')).toBe('true');
  });

  test('hover opens the card after a short delay', () => {
    fire.mouseover(mark('State Department'));
    vi.advanceTimersByTime(100);
    expect(card()).toBeNull();
    vi.advanceTimersByTime(20);
    expect(card()?.querySelector('.name')?.textContent).toBe('State Department');
  });

  test('a hover that leaves before the delay opens nothing', () => {
    fire.mouseover(mark('State Department'));
    vi.advanceTimersByTime(50);
    fire.mouseout(mark('State Department'));
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
  });

  test('leaving the name closes the card, unless the pointer moves onto the card', () => {
    const name = mark('Jeff Rathke');
    fire.mouseover(name);
    vi.advanceTimersByTime(120);
    fire.mouseout(name);
    fire.mouseenter(host() as HTMLElement);
    vi.advanceTimersByTime(1000);
    expect(card()).not.toBeNull();

    fire.mouseout(name);
    vi.advanceTimersByTime(250);
    expect(card()).toBeNull();
    expect(name.hasAttribute('aria-expanded')).toBe(false);
    expect(host()?.style.getPropertyValue('display')).toBe('none');
  });

  test('tabbing on past a name before the delay opens nothing and looks nothing up', () => {
    cards.destroy();
    const lookUp = vi.fn(() => new Promise<never>(() => {}));
    cards = attachCards(document, RESULT, lookUp, { isTrusted: trusted });
    fire.tabTo(mark('Jeff Rathke'));
    vi.advanceTimersByTime(200);
    fire.focusout(mark('Jeff Rathke'));
    fire.tabTo(mark('State Department'));
    vi.advanceTimersByTime(200);
    fire.focusout(mark('State Department'));
    vi.advanceTimersByTime(2000);
    expect(card()).toBeNull();
    expect(lookUp).not.toHaveBeenCalled();
  });

  test('Escape closes the card, and it stays closed while focus stays on the name', () => {
    const name = mark('Jeff Rathke');
    fire.tabTo(name);
    vi.advanceTimersByTime(FOCUS_OPEN_DELAY_MS);
    expect(card()).not.toBeNull();
    fire.key(document, 'Escape');
    expect(card()).toBeNull();
    expect(name.hasAttribute('aria-expanded')).toBe(false);
    fire.tabTo(name);
    vi.advanceTimersByTime(200);
    expect(card()).toBeNull();
  });

  test.each([
    ['click', (el: Element) => fire.click(el)],
    ['Enter', (el: Element) => fire.key(el, 'Enter')],
    ['Space', (el: Element) => fire.key(el, ' ')],
  ])('%s on a name opens the card at once', (_, act) => {
    act(mark('State Department'));
    expect(card()?.querySelector('.name')?.textContent).toBe('State Department');
  });

  test('a click reopens a card closed with Escape', () => {
    const name = mark('Jeff Rathke');
    fire.click(name);
    fire.key(document, 'Escape');
    expect(card()).toBeNull();
    fire.click(name);
    expect(card()).not.toBeNull();
  });

  test('the card lists what that speaker said, and only that', () => {
    fire.click(mark('Jeff Rathke'));
    const quotes = [...(card()?.querySelectorAll('.quotes li') ?? [])].map((li) => li.textContent);
    expect(quotes).toEqual(['“We are monitoring the situation.”', '“We urge restraint.”']);
    expect(card()?.querySelector('.mentions')?.textContent).toContain('Mentioned 3 times');

    fire.click(mark('State Department'));
    expect(card()?.querySelector('.name')?.textContent).toBe('State Department');
    expect(card()?.querySelector('.quotes')).toBeNull();
    expect(mark('Jeff Rathke').hasAttribute('aria-expanded')).toBe(false);
  });

  test('the close button closes the card', () => {
    fire.click(mark('Jeff Rathke'));
    card()?.querySelector<HTMLButtonElement>('button.close')?.click();
    expect(card()).toBeNull();
  });

  test('a mark of an unknown entity opens nothing', () => {
    const stray = document.createElement(MARK_TAG);
    stray.dataset.entityId = 'nope';
    stray.textContent = 'Nobody';
    document.body.append(stray);
    fire.click(stray);
    expect(card()).toBeNull();
  });

  test('destroy removes the host and every listener', () => {
    fire.mouseover(mark('Jeff Rathke')); // a pending open must not fire after destroy
    cards.destroy();
    vi.advanceTimersByTime(1000);
    expect(host()).toBeNull();

    const name = mark('Jeff Rathke');
    fire.focusin(name);
    fire.click(name);
    fire.key(name, 'Enter');
    vi.advanceTimersByTime(1000);
    expect(host()).toBeNull();
    expect(name.hasAttribute('aria-expanded')).toBe(false);
  });

  test('destroy closes an open card', () => {
    fire.click(mark('Jeff Rathke'));
    cards.destroy();
    expect(host()).toBeNull();
    expect(mark('Jeff Rathke').hasAttribute('aria-expanded')).toBe(false);
  });
});

describe('only the reader opens cards and look-ups', () => {
  const untrusted = <T extends Event>(event: T): T => Object.assign(event, { untrusted: true });

  test.each([
    ['a dispatched mouseover', (el: Element) => el.dispatchEvent(untrusted(new MouseEvent('mouseover', { bubbles: true })))],
    ['a dispatched click', (el: Element) => el.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true })))],
    ['a dispatched Enter', (el: Element) => el.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })))],
    ['focus() with no key pressed', (el: Element) => fire.focusin(el)],
    [
      'focus() after a dispatched Tab',
      (el: Element) => {
        document.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
        fire.focusin(el);
      },
    ],
  ])('%s opens no card and looks nothing up', (_, act) => {
    cards.destroy();
    const lookUp = vi.fn(() => new Promise<never>(() => {}));
    cards = attachCards(document, RESULT, lookUp, { isTrusted: trusted });
    act(mark('Jeff Rathke'));
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
    expect(lookUp).not.toHaveBeenCalled();
  });

  test('by default the browser says what is trusted: events a script makes are not', () => {
    cards.destroy();
    const lookUp = vi.fn(() => new Promise<never>(() => {}));
    cards = attachCards(document, RESULT, lookUp);
    fire.mouseover(mark('Jeff Rathke'));
    fire.click(mark('Jeff Rathke'));
    fire.key(mark('Jeff Rathke'), 'Enter');
    vi.advanceTimersByTime(1000);
    expect(lookUp).not.toHaveBeenCalled();
  });

  test('a Tab counts for the one focus that follows it within a second', () => {
    const at = <T extends Event>(event: T, timeStamp: number): T => Object.defineProperty(event, 'timeStamp', { value: timeStamp });
    const tab = (t: number) => document.dispatchEvent(at(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }), t));
    const focus = (el: Element, t: number) => el.dispatchEvent(at(new FocusEvent('focusin', { bubbles: true }), t));
    tab(1000);
    focus(mark('Jeff Rathke'), 3000);
    vi.advanceTimersByTime(10);
    expect(card()).toBeNull();
    tab(4000);
    focus(mark('Jeff Rathke'), 4010);
    vi.advanceTimersByTime(FOCUS_OPEN_DELAY_MS);
    expect(card()?.querySelector('.name')?.textContent).toBe('Jeff Rathke');
    focus(mark('State Department'), 4020);
    vi.advanceTimersByTime(FOCUS_OPEN_DELAY_MS);
    expect(card()?.querySelector('.name')?.textContent).toBe('Jeff Rathke');
  });

  test('a host the page removed comes back with the next card', () => {
    host()?.remove();
    expect(host()).toBeNull();
    fire.click(mark('Jeff Rathke'));
    expect(host()).not.toBeNull();
    expect(card()?.querySelector('.name')?.textContent).toBe('Jeff Rathke');
  });
});

test('a host that cannot be made throws, so the caller can undo the run', () => {
  cards.destroy();
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(() => {
    throw new DOMException('Shadow root cannot be created on a host which already hosts a shadow tree.', 'NotSupportedError');
  });
  expect(() => attachCards(document, RESULT)).toThrow(/shadow/i);
  cards = { destroy() {}, openFor: () => false };
});

describe('keyboard and focus', () => {
  /** the reader's key on whatever has focus (inside the card's root when focus is there) */
  const press = (key: string, init: KeyboardEventInit = {}) => {
    const at = (root()?.activeElement as HTMLElement | null) ?? (document.activeElement as HTMLElement);
    at.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init }));
  };

  test('Enter opens the card and moves focus into the dialog; Esc closes it and focus goes back to the name', () => {
    const name = mark('Jeff Rathke');
    name.focus();
    press('Enter');
    expect(card()).not.toBeNull();
    expect(root()?.activeElement).toBe(card());
    press('Escape');
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(name);
  });

  test('the close button, and Tab past the card’s last control, close it with focus back on the name', () => {
    const name = mark('Jeff Rathke');
    name.focus();
    press('Enter');
    const closeButton = card()?.querySelector('button.close') as HTMLButtonElement;
    closeButton.focus();
    closeButton.click();
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(name);

    press('Enter');
    const controls = [...(card()?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];
    (controls[controls.length - 1] as HTMLElement).focus();
    press('Tab');
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(name);
  });

  test('a name inside a link: a click follows the link, Alt+↓ on the link opens the card, and Esc goes back to the link', () => {
    cards.destroy();
    document.body.innerHTML = '<article><p>Read <a href="#profile">Jeff Rathke’s profile</a> today.</p></article>';
    const { blocks, entities } = analyse([...document.querySelectorAll('p')], RESULT.entities);
    highlightEntities(blocks, entities);
    cards = attachCards(document, RESULT, undefined, { isTrusted: trusted });
    const name = mark('Jeff Rathke');
    expect(name.hasAttribute('tabindex')).toBe(false);
    fire.click(name);
    expect(card()).toBeNull();
    const link = document.querySelector('a') as HTMLAnchorElement;
    link.focus();
    press('ArrowDown', { altKey: true });
    expect(card()?.querySelector('.name')?.textContent).toBe('Jeff Rathke');
    press('Escape');
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(link);
    fire.mouseout(name);
    fire.mouseover(name);
    vi.advanceTimersByTime(120);
    expect(card()).not.toBeNull();
  });

  test('the context menu’s look-up opens the card of a highlight with focus in it', () => {
    expect(cards.openFor(mark('State Department'))).toBe(true);
    expect(card()?.querySelector('.name')?.textContent).toBe('State Department');
    expect(root()?.activeElement).toBe(card());
    const stray = document.createElement(MARK_TAG);
    stray.dataset.entityId = 'nope';
    expect(cards.openFor(stray)).toBe(false);
  });
});

describe('the card by its name', () => {
  const rect = (top: number) => ({ top, bottom: top + 20, left: 100, right: 200, width: 100, height: 20, x: 100, y: top }) as DOMRect;

  test('follows the name when the page scrolls or the window changes size, and closes when the name leaves the screen', () => {
    const name = mark('Jeff Rathke');
    let top = 300;
    vi.spyOn(name, 'getBoundingClientRect').mockImplementation(() => rect(top));
    fire.click(name);
    expect(host()?.style.getPropertyValue('top')).toBe('326px');
    top = 120;
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(50);
    expect(host()?.style.getPropertyValue('top')).toBe('146px');
    top = 200;
    window.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(50);
    expect(host()?.style.getPropertyValue('top')).toBe('226px');
    top = -200;
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(50);
    expect(card()).toBeNull();
  });
});

describe('the note’s picture', () => {
  const NOTE = {
    qid: 'Q1',
    label: 'Jeff Rathke',
    description: 'American diplomat',
    summary: null,
    thumbnail: 'https://upload.wikimedia.org/jeff.jpg',
    wikipediaUrl: null,
    wikidataUrl: 'https://www.wikidata.org/wiki/Q1',
    attribution: null,
    facts: [],
    offices: [],
  };

  test('is asked for only once the reader looked the name up, and shown from the data: URL the background gave', async () => {
    cards.destroy();
    const lookUp = vi.fn(async () => ({ ok: true as const, results: { e1: { status: 'linked' as const, note: NOTE } } }));
    const fetchThumbnail = vi.fn(async () => 'data:image/png;base64,AAAA');
    cards = attachCards(document, RESULT, lookUp, { isTrusted: trusted, fetchThumbnail });
    expect(fetchThumbnail).not.toHaveBeenCalled();
    fire.click(mark('Jeff Rathke'));
    await vi.runAllTimersAsync();
    expect(fetchThumbnail).toHaveBeenCalledWith('https://upload.wikimedia.org/jeff.jpg');
    expect(card()?.querySelector('img.thumbnail')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    fire.key(document, 'Escape');
    fire.click(mark('Jeff Rathke'));
    await vi.runAllTimersAsync();
    expect(fetchThumbnail).toHaveBeenCalledTimes(1);
  });
});
