import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { exportMessage, HistoryControls, type HistoryControlsProps, importMessage } from '../../components/HistoryControls';
import { Options } from '../../components/Options';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

const LOCAL: Settings = { ...DEFAULT_SETTINGS, wikidataBase: 'http://127.0.0.1:9/', wikipediaBase: 'http://127.0.0.1:9' };

function mount(onSave = vi.fn(), settings = LOCAL) {
  const container = document.createElement('div');
  document.body.append(container);
  render(<Options settings={settings} defaults={DEFAULT_SETTINGS} onSave={onSave} saved={false} />, container);
  return { container, onSave };
}

const input = (container: HTMLElement, name: string) => container.querySelector(`[name="${name}"]`) as HTMLInputElement;
const type = async (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const submit = (container: HTMLElement) =>
  act(() => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

describe('Options', () => {
  test('saves every setting, addresses without trailing slashes', async () => {
    const { container, onSave } = mount();
    await submit(container);
    expect(onSave).toHaveBeenCalledWith({ ...LOCAL, wikidataBase: 'http://127.0.0.1:9', wikipediaBase: 'http://127.0.0.1:9' });
  });

  test('refuses an address that is not http(s)', async () => {
    const { container, onSave } = mount();
    await type(input(container, 'wikidataBase'), 'javascript:alert(1)');
    expect(container.textContent).toContain('Every server must be an http(s) address');
    expect((container.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);
    await submit(container);
    expect(onSave).not.toHaveBeenCalled();
  });

  test("one click puts Wikimedia's own servers back", async () => {
    const { container } = mount();
    await act(() => {
      (container.querySelector('.wikimedia-defaults') as HTMLButtonElement).click();
    });
    expect(input(container, 'wikipediaBase').value).toBe('https://en.wikipedia.org');
  });

  test('history can be paused and sites excluded; news keys, window and servers are saved', async () => {
    const { container, onSave } = mount();
    await act(() => {
      input(container, 'recordHistory').click();
      input(container, 'sameSite').click();
      input(container, 'prefetchNotes').click();
    });
    await type(container.querySelector('[name="excludedSites"]') as HTMLTextAreaElement, 'bank.example\n\n  mail.example , health.example');
    await type(input(container, 'guardianKey'), ' key-1 ');
    await type(input(container, 'windowDays'), '14');
    await type(input(container, 'googleNewsBase'), 'http://127.0.0.1:7/');
    await submit(container);
    const saved = onSave.mock.calls[0]?.[0] as Settings;
    expect(saved.history).toEqual({ paused: true, excludedSites: ['bank.example', 'mail.example', 'health.example'] });
    expect(saved.news).toMatchObject({ guardianKey: 'key-1', windowDays: 14, sameSite: true, googleNewsBase: 'http://127.0.0.1:7' });
    expect(saved.prefetchNotes).toBe(true);
  });

  test('in plain words: what is kept and what is sent; the servers under “Advanced”, folded while they are Wikimedia’s own', () => {
    const { container } = mount(vi.fn(), DEFAULT_SETTINGS);
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'What Backstory keeps on this device',
      'What is sent, and when',
      'Reading history',
      'News search',
    ]);
    const advanced = container.querySelector('details.advanced') as HTMLDetailsElement;
    expect(advanced.querySelector('summary')?.textContent).toBe('Advanced: the servers asked');
    expect(advanced.open).toBe(false);
    expect(advanced.querySelector('[name="wikidataBase"]')).not.toBeNull();
    expect(advanced.querySelector('[name="googleNewsBase"]')).not.toBeNull();
    // A reader who pointed Backstory elsewhere sees where.
    expect((mount().container.querySelector('details.advanced') as HTMLDetailsElement).open).toBe(true);
  });

  test('highlighting: the pause, and each site turned off can be turned back on, at once', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const onControl = vi.fn();
    render(
      <Options
        settings={LOCAL}
        defaults={DEFAULT_SETTINGS}
        onSave={vi.fn()}
        saved={false}
        control={{ paused: false, offSites: ['dawn.com', 'bbc.co.uk'] }}
        onControl={onControl}
      />,
      container,
    );
    expect([...container.querySelectorAll('.off-sites li')].map((li) => li.firstChild?.textContent)).toEqual(['dawn.com', 'bbc.co.uk']);
    await act(() => (container.querySelector('.off-sites li button') as HTMLButtonElement).click());
    expect(onControl).toHaveBeenLastCalledWith({ paused: false, offSites: ['bbc.co.uk'] });
    await act(() => input(container, 'paused').click());
    expect(onControl).toHaveBeenLastCalledWith({ paused: true, offSites: ['dawn.com', 'bbc.co.uk'] });
  });

  test('a search window outside 1–365 days is refused', async () => {
    const { container, onSave } = mount();
    await type(input(container, 'windowDays'), '0');
    await submit(container);
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('HistoryControls', () => {
  function controls(props: Partial<HistoryControlsProps> = {}) {
    const container = document.createElement('div');
    document.body.append(container);
    const all: HistoryControlsProps = {
      summary: { count: 3, corrupted: 1, notice: 'The 2 oldest articles were removed.' },
      onExport: vi.fn(),
      onImport: vi.fn(),
      onClear: vi.fn(),
      message: null,
      ...props,
    };
    render(<HistoryControls {...all} />, container);
    return { container, ...all };
  }

  test('shows the size, damaged records and the quota notice', () => {
    const { container } = controls();
    expect(container.querySelector('.history-count')?.textContent).toBe('3 articles in your history.');
    expect(container.textContent).toContain('1 damaged record was skipped');
    expect(container.querySelector('.history-notice')?.textContent).toBe('The 2 oldest articles were removed.');
  });

  test('clearing asks once more before it deletes', async () => {
    const { container, onClear } = controls();
    await act(() => (container.querySelector('.clear-history') as HTMLButtonElement).click());
    expect(onClear).not.toHaveBeenCalled();
    expect(container.querySelector('.confirm-clear')?.textContent).toBe('Delete 3 articles for good');
    await act(() => (container.querySelector('.confirm-clear') as HTMLButtonElement).click());
    expect(onClear).toHaveBeenCalledOnce();
  });

  test('export calls out; an empty history cannot be exported or cleared', async () => {
    const { container, onExport } = controls();
    await act(() => (container.querySelector('.export-history') as HTMLButtonElement).click());
    expect(onExport).toHaveBeenCalledOnce();
    const empty = controls({ summary: { count: 0, corrupted: 0, notice: null } });
    expect((empty.container.querySelector('.export-history') as HTMLButtonElement).disabled).toBe(true);
    expect((empty.container.querySelector('.clear-history') as HTMLButtonElement).disabled).toBe(true);
  });

  test('a chosen file is read and handed on as text', async () => {
    const { container, onImport } = controls();
    const file = new File(['{"format":"backstory-history"}'], 'h.json', { type: 'application/json' });
    const picker = container.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(picker, 'files', { value: [file] });
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledWith('{"format":"backstory-history"}'));
  });
});

describe('what the history controls tell the reader', () => {
  test.each([
    [{ imported: 20, skipped: 0, pruned: 0 }, 'Imported 20 articles.'],
    [{ imported: 20, skipped: 3, pruned: 0 }, 'Imported 20 articles; skipped 3 damaged ones.'],
    [{ imported: 20, skipped: 0, pruned: 36 }, 'Imported 20 articles; to make room, the 36 oldest articles of your history were removed.'],
  ])('an import of %o', (outcome, message) => {
    expect(importMessage(outcome)).toBe(message);
  });

  test('an export that left damaged records out says so', () => {
    expect(exportMessage(12, 0)).toBe('Exported 12 articles.');
    expect(exportMessage(12, 2)).toBe('Exported 12 articles; 2 damaged records could not be exported and are left as they were.');
  });
});
