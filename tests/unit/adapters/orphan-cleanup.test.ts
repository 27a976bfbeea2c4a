import { afterEach, describe, expect, test } from 'vitest';
import { highlightEntities } from '../../../adapters/highlight';
import { CARD_TAG, cleanUpWhenOrphaned, LIVE_PROPERTY, MARK_TAG, removeLeftovers, WATCHED_PROPERTY } from '../../../adapters/orphan-cleanup';
import type { Entity } from '../../../lib/analyze';
import { analyse } from './analysed-blocks';

const rathke: Entity = { id: 'e1', name: 'Jeff Rathke', type: 'PER', mentions: [], variants: ['Jeff Rathke', 'Rathke'], titles: [] };
const HTML = '<p>Jeff Rathke said <b>Rathke</b> would go.</p><p>Nothing here.</p>';

function page(): HTMLElement {
  document.body.innerHTML = `<div id="story">${HTML}</div>`;
  const story = document.getElementById('story') as HTMLElement;
  const { blocks, entities } = analyse([...story.querySelectorAll('p')], [rathke]);
  highlightEntities(blocks, entities);
  const card = document.createElement(CARD_TAG);
  document.body.append(card);
  return story;
}

/** The event a browser fires when a highlight's watched style starts to change. */
function transitionRun(target: Element, propertyName = WATCHED_PROPERTY): Event {
  const event = new Event('transitionrun', { bubbles: true });
  Object.defineProperty(event, 'propertyName', { value: propertyName });
  target.dispatchEvent(event);
  return event;
}

/** What the extension's stylesheet gives each highlight while it is there. */
function styleSheet(present: boolean) {
  document.getElementById('live')?.remove();
  if (!present) return;
  const style = document.createElement('style');
  style.id = 'live';
  style.textContent = `${MARK_TAG}{${LIVE_PROPERTY}:1}`;
  document.head.append(style);
}

afterEach(() => {
  document.body.innerHTML = '';
  styleSheet(false);
});

describe('clean-up in the page world when the extension is gone', () => {
  test('each highlight carries the transition that reports its stylesheet leaving', () => {
    page();
    for (const mark of document.querySelectorAll<HTMLElement>(MARK_TAG))
      expect(mark.style.getPropertyValue('transition')).toContain(WATCHED_PROPERTY);
  });

  test('removeLeftovers puts the text back node for node and removes the cards', () => {
    const story = page();
    expect(story.querySelectorAll(MARK_TAG)).toHaveLength(2);
    removeLeftovers(document);
    expect(story.innerHTML).toBe(HTML);
    expect(story.querySelector('p')?.childNodes).toHaveLength(3);
    expect(document.querySelector(CARD_TAG)).toBeNull();
  });

  test('while the stylesheet is there, a transition changes nothing', () => {
    const story = page();
    styleSheet(true);
    cleanUpWhenOrphaned(document);
    transitionRun(story.querySelector(MARK_TAG) as Element);
    expect(story.querySelectorAll(MARK_TAG)).toHaveLength(2);
  });

  test('once the stylesheet is gone, the first transition of a highlight cleans the page up, once', () => {
    const story = page();
    cleanUpWhenOrphaned(document);
    cleanUpWhenOrphaned(document);
    transitionRun(story.querySelector('p') as Element);
    transitionRun(story.querySelector(MARK_TAG) as Element, 'color');
    expect(story.querySelectorAll(MARK_TAG)).toHaveLength(2);
    transitionRun(story.querySelector(MARK_TAG) as Element);
    expect(story.innerHTML).toBe(HTML);
    expect(document.querySelector(CARD_TAG)).toBeNull();
  });
});

test('the clean-up finds highlights and cards by this install’s suffixed names', () => {
  document.body.innerHTML = `<div id="story">${HTML}</div>`;
  const story = document.getElementById('story') as HTMLElement;
  const { blocks, entities } = analyse([...story.querySelectorAll('p')], [rathke]);
  highlightEntities(blocks, entities, undefined, `${MARK_TAG}-abc123xyz0`);
  document.body.append(document.createElement(`${CARD_TAG}-abc123xyz0`));
  // A page's own element of the base name is not ours, and stays.
  document.body.append(document.createElement(CARD_TAG));
  cleanUpWhenOrphaned(document);
  transitionRun(story.querySelector(`${MARK_TAG}-abc123xyz0`) as Element);
  expect(story.innerHTML).toBe(HTML);
  expect(document.querySelector(`${CARD_TAG}-abc123xyz0`)).toBeNull();
  expect(document.querySelector(CARD_TAG)).not.toBeNull();
});
