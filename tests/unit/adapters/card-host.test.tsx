import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { attachCards } from '../../../adapters/card-host';
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

let cards: { destroy(): void };

const host = () => document.querySelector('backstory-card') as HTMLElement | null;
const card = () => host()?.shadowRoot?.querySelector('.card') ?? null;
const mark = (text: string) => [...document.querySelectorAll<HTMLElement>(MARK_TAG)].find((m) => m.textContent === text) as HTMLElement;

const fire = {
  focusin: (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true })),
  focusout: (el: Element) => el.dispatchEvent(new FocusEvent('focusout', { bubbles: true })),
  mouseover: (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })),
  mouseout: (el: Element) => el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true })),
  mouseenter: (el: Element) => el.dispatchEvent(new MouseEvent('mouseenter')),
  click: (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
  key: (el: EventTarget, key: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })),
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<article><p>Jeff Rathke said the State Department was watching.</p></article>';
  const { blocks, entities } = analyse([...document.querySelectorAll('p')], RESULT.entities);
  highlightEntities(blocks, entities);
  cards = attachCards(document, RESULT);
});

afterEach(() => {
  cards.destroy();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('attachCards', () => {
  test('adds one hidden host with an open shadow root', () => {
    expect(document.querySelectorAll('backstory-card')).toHaveLength(1);
    expect(host()?.shadowRoot).not.toBeNull();
    expect(host()?.shadowRoot?.querySelector('style')).not.toBeNull();
    expect(host()?.style.getPropertyValue('display')).toBe('none');
    expect(card()).toBeNull();
  });

  test('focus opens the card at once', () => {
    fire.focusin(mark('Jeff Rathke'));
    vi.advanceTimersByTime(0);
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

  test('Escape closes the card, and it stays closed while focus stays on the name', () => {
    const name = mark('Jeff Rathke');
    fire.focusin(name);
    vi.advanceTimersByTime(0);
    expect(card()).not.toBeNull();
    fire.key(document, 'Escape');
    expect(card()).toBeNull();
    expect(name.hasAttribute('aria-expanded')).toBe(false);
    fire.focusin(name);
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
