import { afterEach, describe, expect, test } from 'vitest';
import { HIGHLIGHT_CSS, highlightCss, highlightEntities, MARK_TAG } from '../../../adapters/highlight';
import { MARK_TRANSITION } from '../../../adapters/orphan-cleanup';
import type { Entity, EntityType } from '../../../lib/analyze';
import { analyse } from './analysed-blocks';

function entity(id: string, type: EntityType, variants: string[]): Entity {
  return { id, name: variants[0] ?? '', type, mentions: [], variants, titles: [] };
}

const ENTITIES = [
  entity('e1', 'PER', ['Jeff Rathke', 'Rathke']),
  entity('e2', 'ORG', ['State Department']),
  entity('e3', 'LOC', ['North Waziristan', 'Waziristan']),
  entity('e4', 'MISC', ['Zarb-e-Azb (op.)']), // regex metacharacters in a name
];

const ARTICLE = `
  <p id="p1">Jeff Rathke said the State Department was watching. Rathke added that Rathkee, and JeffRathke, are not names.</p>
  <p id="p2">In <b>North Waziristan</b>, Rathke’s office &amp; <i>Waziristan</i> officials met. Operation Zarb-e-Azb (op.) began.</p>
  <p id="p3" contenteditable="true">Jeff Rathke in an editable paragraph.</p>
  <p id="p4">Form: <textarea>Jeff Rathke typed here</textarea> and <code>Rathke()</code></p>
  <p id="p5">Inline <span contenteditable="plaintext-only">Rathke editable span</span> <button>Rathke button</button></p>
  <p id="p6"><svg><text>Jeff Rathke in a drawing</text></svg> after the drawing</p>
  <pre id="p7">Rathke(); // a code block given as a block</pre>
`;

function setUp(html = ARTICLE, entities: Entity[] = ENTITIES) {
  document.body.innerHTML = `<article>${html}</article>`;
  const elements = [...document.querySelectorAll('article > p, article > pre')];
  const before = elements.map((p) => p.innerHTML);
  return { elements, before, ...analyse(elements, entities) };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const markTexts = (root: ParentNode) => [...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('highlightEntities', () => {
  test('wraps names in backstory-mark elements carrying the entity', () => {
    const { blocks, entities } = setUp();
    const { marks } = highlightEntities(blocks, entities);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toHaveLength(document.querySelectorAll(MARK_TAG).length);
    for (const mark of marks) {
      expect(mark.tagName.toLowerCase()).toBe('backstory-mark');
      expect(mark.dataset.entityId).toMatch(/^e\d$/);
      // Its look comes from the extension's stylesheet, which the browser drops with the extension; its own style only
      // carries the transition that reports that (adapters/orphan-cleanup.ts).
      expect(mark.getAttribute('style')).toBe(`transition: ${MARK_TRANSITION} !important;`);
    }
  });

  test('one Tab stop per entity, at its first mention: a button that opens a dialog; the other mentions are no controls', () => {
    const { blocks, entities } = setUp();
    const { marks } = highlightEntities(blocks, entities);
    const stops = marks.filter((m) => m.getAttribute('tabindex') === '0');
    expect(stops.map((m) => m.dataset.entityId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(stops.map((m) => m.textContent)).toEqual(['Jeff Rathke', 'State Department', 'North Waziristan', 'Zarb-e-Azb (op.)']);
    for (const stop of stops) {
      expect(stop.getAttribute('role')).toBe('button');
      expect(stop.getAttribute('aria-haspopup')).toBe('dialog');
    }
    for (const other of marks.filter((m) => !stops.includes(m))) {
      expect(other.hasAttribute('tabindex')).toBe(false);
      expect(other.hasAttribute('role')).toBe(false);
    }
  });

  test('a name inside a link (or another control) is no Tab stop: the link stays the control, the next mention takes the stop', () => {
    const html = `<p id="p1">The <a href="/rathke">Jeff Rathke</a> profile, and <span tabindex="0">Waziristan</span> news.</p>
      <p id="p2">Later Rathke spoke, in <span tabindex="-1">North Waziristan</span>.</p>`;
    const { blocks, entities } = setUp(html);
    const { marks } = highlightEntities(blocks, entities);
    const inLink = marks.find((m) => m.closest('a')) as HTMLElement;
    expect(inLink.textContent).toBe('Jeff Rathke');
    expect(inLink.hasAttribute('tabindex')).toBe(false);
    expect(inLink.hasAttribute('role')).toBe(false);
    const stops = marks.filter((m) => m.getAttribute('tabindex') === '0').map((m) => m.textContent);
    // "Waziristan" in a focusable span is not one; "North Waziristan" under tabindex="-1" (a skip-link target) is.
    expect(stops).toEqual(['Rathke', 'North Waziristan']);
  });

  test.each([
    ['Jeff Rathke', 'e1', 'PER'],
    ['Rathke', 'e1', 'PER'],
    ['State Department', 'e2', 'ORG'],
    ['North Waziristan', 'e3', 'LOC'],
    ['Waziristan', 'e3', 'LOC'],
    ['Zarb-e-Azb (op.)', 'e4', 'MISC'],
  ])('"%s" → data-entity-id %s, data-entity-type %s', (text, id, type) => {
    const { blocks, entities } = setUp();
    const { marks } = highlightEntities(blocks, entities);
    const found = marks.filter((m) => m.textContent === text);
    expect(found.length).toBeGreaterThan(0);
    for (const mark of found) {
      expect(mark.getAttribute('data-entity-id')).toBe(id);
      expect(mark.getAttribute('data-entity-type')).toBe(type);
    }
  });

  test('exactly the mentions the analysis found are marked', () => {
    const { blocks, entities } = setUp();
    highlightEntities(blocks, entities);
    // "Jeff Rathke" is one mark, not "Rathke" inside it; "Rathkee" and "JeffRathke" are left alone
    expect(markTexts(byId('p1'))).toEqual(['Jeff Rathke', 'State Department', 'Rathke']);
    expect(byId('p1').querySelector(`${MARK_TAG} ${MARK_TAG}`)).toBeNull();
    expect(byId('p1').textContent).toContain('Rathkee, and JeffRathke, are not names.');
  });

  test('marks names inside inline elements and before punctuation', () => {
    const { blocks, entities } = setUp();
    highlightEntities(blocks, entities);
    expect(markTexts(byId('p2'))).toEqual(['North Waziristan', 'Rathke', 'Waziristan', 'Zarb-e-Azb (op.)']);
    expect(byId('p2').querySelector(`b > ${MARK_TAG}`)?.textContent).toBe('North Waziristan');
  });

  test.each([
    ['a contenteditable paragraph', 'p3'],
    ['textarea and code', 'p4'],
    ['a pre block', 'p7'],
    ['an editable span and a button', 'p5'],
  ])('leaves %s untouched', (_, id) => {
    const { blocks, before, elements, entities } = setUp();
    const index = elements.findIndex((b) => b.id === id);
    highlightEntities(blocks, entities);
    expect(markTexts(byId(id))).toEqual([]);
    expect(byId(id).innerHTML).toBe(before[index]);
  });

  // SKIP lists 'SVG', but an <svg> element in an HTML document has the lower-case tagName 'svg'
  test('leaves text inside inline SVG untouched', () => {
    const { blocks, entities } = setUp();
    highlightEntities(blocks, entities);
    expect(byId('p6').querySelector(`svg ${MARK_TAG}`)).toBeNull();
  });

  test('undo restores every paragraph exactly and leaves no mark', () => {
    const { blocks, before, elements, entities } = setUp();
    const highlights = highlightEntities(blocks, entities);
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    highlights.undo();
    expect(elements.map((p) => p.innerHTML)).toEqual(before);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(highlights.marks).toHaveLength(0);
    // each paragraph's text is back in as few text nodes as before (no leftover empty or split nodes)
    expect(byId('p1').childNodes).toHaveLength(1);
    highlights.undo(); // a second undo is harmless
    expect(elements.map((p) => p.innerHTML)).toEqual(before);
  });

  test('a name inside a longer one is never marked on its own', () => {
    const html = '<p id="p1">The Paris Agreement was signed in Paris.</p>';
    const { blocks, entities } = setUp(html, [entity('e1', 'MISC', ['Paris Agreement']), entity('e2', 'LOC', ['Paris'])]);
    highlightEntities(blocks, entities);
    expect(markTexts(byId('p1'))).toEqual(['Paris Agreement', 'Paris']);
    expect(byId('p1').querySelector(`${MARK_TAG} ${MARK_TAG}`)).toBeNull();
    // Only the mentions given: without the longer one's mention, its words stay plain.
    document.body.innerHTML = '';
    const second = setUp(html, [entity('e2', 'LOC', ['Paris'])]);
    second.entities[0]?.mentions.splice(0, 1);
    highlightEntities(second.blocks, second.entities);
    expect(markTexts(byId('p1'))).toEqual(['Paris']);
    expect((byId('p1').querySelector(MARK_TAG)?.previousSibling?.textContent ?? '').endsWith('signed in ')).toBe(true);
  });

  test('a name split over elements and extra whitespace is marked piece by piece', () => {
    const { blocks, entities } = setUp('<p id="p1">Said <a href="#">Jeff</a>\n   Rathke, today.</p>');
    highlightEntities(blocks, entities);
    expect(markTexts(byId('p1'))).toEqual(['Jeff', 'Rathke']);
    expect(new Set([...byId('p1').querySelectorAll(MARK_TAG)].map((m) => (m as HTMLElement).dataset.entityId))).toEqual(new Set(['e1']));
  });

  test('offsets that no longer fit the page mark nothing', () => {
    const { blocks, entities } = setUp('<p id="p1">Jeff Rathke spoke.</p>');
    byId('p1').textContent = 'Someone else spoke at length.';
    const highlights = highlightEntities(blocks, entities);
    expect(highlights.marks).toHaveLength(0);
  });

  test.each([
    ['no entities', []],
    ['entities without mentions', ENTITIES],
  ])('%s: no marks and undo is a no-op', (_, given) => {
    const { blocks, before, elements } = setUp(ARTICLE, given as Entity[]);
    const highlights = highlightEntities(blocks, given as Entity[]);
    expect(highlights.marks).toEqual([]);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    highlights.undo();
    expect(elements.map((p) => p.innerHTML)).toEqual(before);
  });
});

describe('highlightEntities in slices', () => {
  test('a long article is done in slices that yield between them; undo stops the rest', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p id="q${i}">Jeff Rathke spoke in North Waziristan, paragraph ${i}.</p>`).join('');
    document.body.innerHTML = `<article>${paragraphs}</article>`;
    const { blocks, entities } = analyse([...document.querySelectorAll('article > p')], ENTITIES);
    let clock = 0;
    const pending: (() => void)[] = [];
    // Each block "costs" 1 ms on this clock; slices of 10 ms leave 20 slices.
    const highlights = highlightEntities(blocks, entities, {
      sliceMs: 10,
      later: (next) => pending.push(next),
      now: () => clock++,
    });
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    expect(document.querySelectorAll(MARK_TAG).length).toBeLessThan(400);
    let slices = 1;
    while (pending.length) {
      (pending.shift() as () => void)();
      slices++;
    }
    await highlights.done;
    expect(slices).toBeGreaterThan(5);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(400);

    document.body.innerHTML = `<article>${paragraphs}</article>`;
    const fresh = analyse([...document.querySelectorAll('article > p')], ENTITIES);
    const again = highlightEntities(fresh.blocks, fresh.entities, {
      sliceMs: 10,
      later: (next) => pending.push(next),
      now: () => clock++,
    });
    const first = document.querySelectorAll(MARK_TAG).length;
    again.undo();
    (pending.shift() as () => void)();
    await again.done;
    expect(first).toBeGreaterThan(0);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
  });
});

test('the highlight stylesheet targets only backstory-mark, every rule !important', () => {
  const rules = HIGHLIGHT_CSS.split('}').filter(Boolean);
  for (const rule of rules) {
    expect(rule.startsWith(MARK_TAG)).toBe(true);
    for (const declaration of (rule.split('{')[1] ?? '').split(';')) expect(declaration).toMatch(/!important$/);
  }
});

describe('a run is all or nothing', () => {
  const breakSecondBlock = () => {
    // A page that broke a DOM method under the highlighter: the second paragraph's text cannot be replaced.
    const walker = document.createTreeWalker(byId('p2'), 4);
    let text = walker.nextNode() as Text;
    while (!text.nodeValue?.includes('Rathke')) text = walker.nextNode() as Text;
    text.replaceWith = () => {
      throw new Error('replaceWith is broken here');
    };
  };

  test('an error in one block undoes the blocks done before it, then throws', () => {
    const { blocks, entities, elements, before } = setUp();
    breakSecondBlock();
    expect(() => highlightEntities(blocks, entities)).toThrow('broken');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(elements.map((p) => p.innerHTML)).toEqual(before);
  });

  test('in slices, the error rejects `done` after undoing every slice before it', async () => {
    const { blocks, entities, elements, before } = setUp();
    breakSecondBlock();
    const pending: (() => void)[] = [];
    let clock = 0;
    const highlights = highlightEntities(blocks, entities, { sliceMs: 2, later: (next) => pending.push(next), now: () => clock++ });
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    const settled = highlights.done.then(
      () => 'done',
      (error: Error) => error.message,
    );
    while (pending.length) (pending.shift() as () => void)();
    expect(await settled).toContain('broken');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(elements.map((p) => p.innerHTML)).toEqual(before);
  });

  test('marks take the given element name, and the stylesheet is for that name only', () => {
    const { blocks, entities } = setUp();
    const { marks } = highlightEntities(blocks, entities, undefined, 'backstory-mark-k2x9q7w1zz');
    expect(marks.length).toBeGreaterThan(0);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(document.querySelectorAll('backstory-mark-k2x9q7w1zz')).toHaveLength(marks.length);
    expect(highlightCss('backstory-mark-k2x9q7w1zz')).not.toMatch(/backstory-mark[{:]/);
  });
});
