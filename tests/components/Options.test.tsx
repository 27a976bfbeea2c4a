import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { Options } from '../../components/Options';

const DEFAULTS = { wikidataBase: 'https://www.wikidata.org', wikipediaBase: 'https://en.wikipedia.org' };

function mount(onSave = vi.fn()) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <Options
      settings={{ wikidataBase: 'http://127.0.0.1:9/', wikipediaBase: 'http://127.0.0.1:9' }}
      defaults={DEFAULTS}
      onSave={onSave}
      saved={false}
    />,
    container,
  );
  return { container, onSave };
}

const type = async (input: HTMLInputElement, value: string) => {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

describe('Options', () => {
  test('saves both addresses without trailing slashes', async () => {
    const { container, onSave } = mount();
    await act(() => {
      container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith({ wikidataBase: 'http://127.0.0.1:9', wikipediaBase: 'http://127.0.0.1:9' });
  });

  test('refuses an address that is not http(s)', async () => {
    const { container, onSave } = mount();
    await type(container.querySelector('input[name="wikidataBase"]') as HTMLInputElement, 'javascript:alert(1)');
    expect(container.textContent).toContain('Both must be http(s) addresses.');
    expect((container.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);
    await act(() => {
      container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).not.toHaveBeenCalled();
  });

  test("one click puts Wikimedia's own servers back", async () => {
    const { container } = mount();
    await act(() => {
      (container.querySelector('button[type="button"]') as HTMLButtonElement).click();
    });
    expect((container.querySelector('input[name="wikipediaBase"]') as HTMLInputElement).value).toBe('https://en.wikipedia.org');
  });
});
