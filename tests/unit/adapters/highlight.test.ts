import { afterEach, describe, expect, test } from 'vitest';
import { HIGHLIGHT_CSS, highlightCss, highlightEntities, MARK_TAG } from '../../../adapters/highlight';
import { MARK_TRANSITION } from '../../../adapters/orphan-cleanup';
import type { Entity, EntityType } from '../../../lib/analyze';

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

function setUp(html = ARTICLE) {
  document.body.innerHTML = `<article>${html}</article>`;
  const blocks = [...document.querySelectorAll('article > p, article > pre')];
  const before = blocks.map((p) => p.innerHTML);
  return { blocks, before };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const markTexts = (root: ParentNode) => [...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('highlightEntities', () => {
  test('wraps names in backstory-mark elements carrying the entity', () => {
    const { blocks } = setUp();
    const { marks } = highlightEntities(blocks, ENTITIES);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toHaveLength(document.querySelectorAll(MARK_TAG).length);
    for (const mark of marks) {
      expect(mark.tagName.toLowerCase()).toBe('backstory-mark');
      expect(mark.getAttribute('tabindex')).toBe('0');
      expect(mark.getAttribute('role')).toBe('button');
      expect(mark.dataset.entityId).toMatch(/^e\d$/);
      // Its look comes from the extension's stylesheet, which the browser drops with the extension; its own style only
      // carries the transition that reports that (adapters/orphan-cleanup.ts).
      expect(mark.getAttribute('style')).toBe(`transition: ${MARK_TRANSITION} !important;`);
    }
  });

  test.each([
    ['Jeff Rathke', 'e1', 'PER'],
    ['Rathke', 'e1', 'PER'],
    ['State Department', 'e2', 'ORG'],
    ['North Waziristan', 'e3', 'LOC'],
    ['Waziristan', 'e3', 'LOC'],
    ['Zarb-e-Azb (op.)', 'e4', 'MISC'],
  ])('"%s" → data-entity-id %s, data-entity-type %s', (text, id, type) => {
    const { blocks } = setUp();
    const { marks } = highlightEntities(blocks, ENTITIES);
    const found = marks.filter((m) => m.textContent === text);
    expect(found.length).toBeGreaterThan(0);
    for (const mark of found) {
      expect(mark.getAttribute('data-entity-id')).toBe(id);
      expect(mark.getAttribute('data-entity-type')).toBe(type);
    }
  });

  test('the longest variant wins and word boundaries are respected', () => {
    const { blocks } = setUp();
    highlightEntities(blocks, ENTITIES);
    // "Jeff Rathke" is one mark, not "Rathke" inside it; "Rathkee" and "JeffRathke" are left alone
    expect(markTexts(byId('p1'))).toEqual(['Jeff Rathke', 'State Department', 'Rathke']);
    expect(byId('p1').querySelector(`${MARK_TAG} ${MARK_TAG}`)).toBeNull();
    expect(byId('p1').textContent).toContain('Rathkee, and JeffRathke, are not names.');
  });

  test('marks names inside inline elements and before punctuation', () => {
    const { blocks } = setUp();
    highlightEntities(blocks, ENTITIES);
    expect(markTexts(byId('p2'))).toEqual(['North Waziristan', 'Rathke', 'Waziristan', 'Zarb-e-Azb (op.)']);
    expect(byId('p2').querySelector(`b > ${MARK_TAG}`)?.textContent).toBe('North Waziristan');
  });

  test.each([
    ['a contenteditable paragraph', 'p3'],
    ['textarea and code', 'p4'],
    ['a pre block', 'p7'],
    ['an editable span and a button', 'p5'],
  ])('leaves %s untouched', (_, id) => {
    const { blocks, before } = setUp();
    const index = blocks.findIndex((b) => b.id === id);
    highlightEntities(blocks, ENTITIES);
    expect(markTexts(byId(id))).toEqual([]);
    expect(byId(id).innerHTML).toBe(before[index]);
  });

  // SKIP lists 'SVG', but an <svg> element in an HTML document has the lower-case tagName 'svg'
  test('leaves text inside inline SVG untouched', () => {
    const { blocks } = setUp();
    highlightEntities(blocks, ENTITIES);
    expect(byId('p6').querySelector(`svg ${MARK_TAG}`)).toBeNull();
  });

  test('undo restores every paragraph exactly and leaves no mark', () => {
    const { blocks, before } = setUp();
    const highlights = highlightEntities(blocks, ENTITIES);
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    highlights.undo();
    expect(blocks.map((p) => p.innerHTML)).toEqual(before);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(highlights.marks).toHaveLength(0);
    // each paragraph's text is back in as few text nodes as before (no leftover empty or split nodes)
    expect(byId('p1').childNodes).toHaveLength(1);
    highlights.undo(); // a second undo is harmless
    expect(blocks.map((p) => p.innerHTML)).toEqual(before);
  });

  test('a block given twice, or nested in another block, is marked once', () => {
    const { blocks, before } = setUp('<p id="p1">Jeff Rathke spoke.</p>');
    const article = document.querySelector('article') as Element;
    const p = blocks[0] as Element;
    const highlights = highlightEntities([article, p, p], ENTITIES);
    expect(highlights.marks).toHaveLength(1);
    expect(markTexts(article)).toEqual(['Jeff Rathke']);
    highlights.undo();
    expect(p.innerHTML).toBe(before[0]);
  });

  test.each([
    ['no entities', []],
    ['entities without variants', [{ ...ENTITIES[0], variants: [] }]],
  ])('%s: no marks and undo is a no-op', (_, entities) => {
    const { blocks, before } = setUp();
    const highlights = highlightEntities(blocks, entities as Entity[]);
    expect(highlights.marks).toEqual([]);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    highlights.undo();
    expect(blocks.map((p) => p.innerHTML)).toEqual(before);
  });
});

describe('highlightEntities in slices', () => {
  test('a long article is done in slices that yield between them; undo stops the rest', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p id="q${i}">Jeff Rathke spoke in North Waziristan, paragraph ${i}.</p>`).join('');
    document.body.innerHTML = `<article>${paragraphs}</article>`;
    const blocks = [...document.querySelectorAll('article > p')];
    let clock = 0;
    const pending: (() => void)[] = [];
    // Each block "costs" 1 ms on this clock; slices of 10 ms leave 20 slices.
    const highlights = highlightEntities(blocks, ENTITIES, {
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
    const again = highlightEntities([...document.querySelectorAll('article > p')], ENTITIES, {
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
    const { blocks, before } = setUp();
    breakSecondBlock();
    expect(() => highlightEntities(blocks, ENTITIES)).toThrow('broken');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(blocks.map((p) => p.innerHTML)).toEqual(before);
  });

  test('in slices, the error rejects `done` after undoing every slice before it', async () => {
    const { blocks, before } = setUp();
    breakSecondBlock();
    const pending: (() => void)[] = [];
    let clock = 0;
    const highlights = highlightEntities(blocks, ENTITIES, { sliceMs: 2, later: (next) => pending.push(next), now: () => clock++ });
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    const settled = highlights.done.then(
      () => 'done',
      (error: Error) => error.message,
    );
    while (pending.length) (pending.shift() as () => void)();
    expect(await settled).toContain('broken');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(blocks.map((p) => p.innerHTML)).toEqual(before);
  });

  test('marks take the given element name, and the stylesheet is for that name only', () => {
    const { blocks } = setUp();
    const { marks } = highlightEntities(blocks, ENTITIES, undefined, 'backstory-mark-k2x9q7w1zz');
    expect(marks.length).toBeGreaterThan(0);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(document.querySelectorAll('backstory-mark-k2x9q7w1zz')).toHaveLength(marks.length);
    expect(highlightCss('backstory-mark-k2x9q7w1zz')).not.toMatch(/backstory-mark[{:]/);
  });
});
