import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import type { Entity, Mention, Quote } from '../../lib/analyze';

const XSS = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>';

function mentions(n: number): Mention[] {
  return Array.from({ length: n }, (_, i) => ({ start: i * 20, end: i * 20 + 6, text: 'Rathke' }));
}

function entity(overrides: Partial<Entity> = {}): Entity {
  return {
    id: 'e1',
    name: 'Jeff Rathke',
    type: 'PER',
    mentions: mentions(3),
    variants: ['Jeff Rathke', 'Rathke', 'Mr Rathke'],
    titles: ['State Department', 'spokesman'],
    ...overrides,
  };
}

function quote(start: number, text: string): Quote {
  return {
    start,
    end: start + text.length,
    text,
    speaker: 'Jeff Rathke',
    speakerText: 'Rathke',
    speakerId: 'e1',
    partial: false,
    continuesPrevious: false,
  };
}

let container: HTMLElement;

function show(props: { entity?: Entity; quotes?: Quote[]; onClose?: () => void }) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(<EntityCard entity={props.entity ?? entity()} quotes={props.quotes ?? []} onClose={props.onClose ?? (() => {})} />, container);
  });
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
  delete (globalThis as { __xss?: unknown }).__xss;
});

describe('EntityCard', () => {
  test('shows the name, the type label and the titles', () => {
    const el = show({});
    expect(el.querySelector('.card')?.getAttribute('data-entity-id')).toBe('e1');
    expect(el.querySelector('.name')?.textContent).toBe('Jeff Rathke');
    const type = el.querySelector('.type');
    expect(type?.getAttribute('data-type')).toBe('PER');
    expect(type?.textContent).toBe('Person · State Department spokesman');
  });

  test('is a dialog labelled by the name and described by what it is, that takes focus from a script only (not by Tab)', () => {
    const el = show({});
    const card = el.querySelector('.card') as HTMLElement;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(el.querySelector(`#${card.getAttribute('aria-labelledby')}`)?.textContent).toBe('Jeff Rathke');
    expect(el.querySelector(`#${card.getAttribute('aria-describedby')}`)?.textContent).toBe('Person · State Department spokesman');
    expect(card.getAttribute('tabindex')).toBe('-1');
  });

  test('titles are shown as the article writes them, final dot and case kept', () => {
    const el = show({ entity: entity({ titles: ['U.S.', 'Defense', 'Secretary'] }) });
    expect(el.querySelector('.type')?.textContent).toBe('Person · U.S. Defense Secretary');
  });

  test.each([
    ['PER', 'Person'],
    ['ORG', 'Organisation'],
    ['LOC', 'Place'],
    ['MISC', 'Other'],
  ] as const)('type %s is labelled %s, with no title suffix when there are no titles', (type, label) => {
    const el = show({ entity: entity({ type, titles: [] }) });
    expect(el.querySelector('.type')?.textContent).toBe(label);
  });

  test.each([
    [1, 'Mentioned 1 time in this article'],
    [3, 'Mentioned 3 times in this article'],
  ])('%i mention(s) → "%s"', (n, text) => {
    const el = show({ entity: entity({ mentions: mentions(n) }) });
    expect(el.querySelector('.mentions')?.textContent).toContain(text);
  });

  test('lists the variants other than the canonical name', () => {
    const el = show({});
    const variants = el.querySelector('.variants');
    expect(variants?.textContent).toBe(' (also as Rathke, Mr Rathke)');
  });

  test('no variants line when the canonical name is the only form', () => {
    const el = show({ entity: entity({ variants: ['Jeff Rathke'] }) });
    expect(el.querySelector('.variants')).toBeNull();
  });

  test('lists the quotes only when there are some', () => {
    const none = show({});
    expect(none.querySelector('.quotes')).toBeNull();
    render(null, none);
    none.remove();

    const el = show({ quotes: [quote(10, '“We are concerned.”'), quote(90, '“We will respond.”')] });
    const items = [...el.querySelectorAll('.quotes li')].map((li) => li.textContent);
    expect(items).toEqual(['“We are concerned.”', '“We will respond.”']);
    expect(el.querySelector('.quotes h3')?.textContent).toBe('Said in this article');
  });

  test('has a Background section', () => {
    const el = show({});
    const section = el.querySelector('section.background');
    expect(section?.getAttribute('aria-label')).toBe('Background');
    expect(section?.querySelector('h3')?.textContent).toBe('Background');
  });

  test('the close button calls onClose', () => {
    const onClose = vi.fn();
    const el = show({ onClose });
    const button = el.querySelector<HTMLButtonElement>('button.close');
    expect(button?.getAttribute('aria-label')).toBe('Close');
    act(() => button?.click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('renders HTML in names and quotes as text', () => {
    const el = show({
      entity: entity({ name: `Evil ${XSS}`, variants: [`Evil ${XSS}`, XSS], titles: [XSS] }),
      quotes: [quote(0, `“${XSS}”`)],
    });
    expect(el.querySelector('.name')?.textContent).toBe(`Evil ${XSS}`);
    expect(el.querySelector('.quotes li')?.textContent).toBe(`“${XSS}”`);
    expect(el.textContent).toContain(XSS);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect((globalThis as { __xss?: unknown }).__xss).toBeUndefined();
  });
});
