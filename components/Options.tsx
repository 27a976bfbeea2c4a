import { useState } from 'preact/hooks';
import type { NewsSettings } from '../lib/coverage';
import type { Settings } from '../lib/messaging';
import { HistoryControls, type HistoryControlsProps } from './HistoryControls';

export interface OptionsProps {
  settings: Settings;
  defaults: Settings;
  onSave: (settings: Settings) => void;
  /** shown after a save */
  saved: boolean;
  /** the reading history's size and controls; absent where there is no history to manage */
  history?: HistoryControlsProps;
}

const isHttpUrl = (value: string) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value.trim());
const clean = (url: string) => url.trim().replace(/\/+$/, '');

type NewsBase = 'googleNewsBase' | 'gdeltBase' | 'guardianBase' | 'nytBase';
const NEWS_SERVERS: [NewsBase, string][] = [
  ['googleNewsBase', 'Google News'],
  ['gdeltBase', 'GDELT'],
  ['guardianBase', 'The Guardian API'],
  ['nytBase', 'The New York Times API'],
];

const value = (e: Event) => (e.target as HTMLInputElement).value;
const checked = (e: Event) => (e.target as HTMLInputElement).checked;

/** The reader's settings: where notes and news come from, API keys, and what the reading history records. */
export function Options({ settings, defaults, onSave, saved, history }: OptionsProps) {
  const [draft, setDraft] = useState<Settings>(settings);
  const [sites, setSites] = useState(settings.history.excludedSites.join('\n'));
  // Functional updates: two changes before a render must not undo each other.
  const news = (patch: Partial<NewsSettings>) => setDraft((d) => ({ ...d, news: { ...d.news, ...patch } }));
  const set = (patch: Partial<Settings>) => setDraft((d) => ({ ...d, ...patch }));
  const servers = [draft.wikidataBase, draft.wikipediaBase, ...NEWS_SERVERS.map(([key]) => draft.news[key])];
  const valid = servers.every(isHttpUrl) && draft.news.windowDays >= 1 && draft.news.windowDays <= 365;
  const submit = (event: Event) => {
    event.preventDefault();
    if (!valid) return;
    const excludedSites = sites
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const newsBases = Object.fromEntries(NEWS_SERVERS.map(([key]) => [key, clean(draft.news[key])]));
    onSave({
      ...draft,
      wikidataBase: clean(draft.wikidataBase),
      wikipediaBase: clean(draft.wikipediaBase),
      history: { ...draft.history, excludedSites },
      news: { ...draft.news, ...newsBases, guardianKey: draft.news.guardianKey.trim(), nytKey: draft.news.nytKey.trim() },
    });
  };
  return (
    <main>
      <form class="options" onSubmit={submit}>
        <h1>Backstory settings</h1>

        <h2>Background notes</h2>
        <p class="muted">
          Background notes are looked up only when you hover or focus a name, and only the name is sent. These are the servers asked.
        </p>
        <label>
          Wikidata
          <input name="wikidataBase" type="url" value={draft.wikidataBase} onInput={(e) => set({ wikidataBase: value(e) })} required />
        </label>
        <label>
          Wikipedia
          <input name="wikipediaBase" type="url" value={draft.wikipediaBase} onInput={(e) => set({ wikipediaBase: value(e) })} required />
        </label>
        <button
          type="button"
          class="wikimedia-defaults"
          onClick={() => set({ wikidataBase: defaults.wikidataBase, wikipediaBase: defaults.wikipediaBase })}
        >
          Use Wikimedia's own
        </button>
        <label class="check">
          <input name="prefetchNotes" type="checkbox" checked={draft.prefetchNotes} onChange={(e) => set({ prefetchNotes: checked(e) })} />
          Look up the notes of an article's main names as soon as I open it (sends those names to the servers above without a hover)
        </label>

        <h2>Reading history</h2>
        <p class="muted">
          Articles you open are recorded on this device only, to show you earlier articles on the same people. Nothing of it is sent.
        </p>
        <label class="check">
          <input
            name="recordHistory"
            type="checkbox"
            checked={!draft.history.paused}
            onChange={(e) => {
              const paused = !checked(e);
              setDraft((d) => ({ ...d, history: { ...d.history, paused } }));
            }}
          />
          Record the articles I open
        </label>
        <label>
          Never record these sites (one per line)
          <textarea name="excludedSites" rows={3} value={sites} onInput={(e) => setSites((e.target as HTMLTextAreaElement).value)} />
        </label>
        {history && <HistoryControls {...history} />}

        <h2>News search</h2>
        <p class="muted">
          Runs only when you click “Search news” in the popup, and sends only the names searched for and the dates. Google News needs no key; GDELT
          covers the last three months; The Guardian and The New York Times need your own free API key.
        </p>
        <label>
          The Guardian API key
          <input
            name="guardianKey"
            type="password"
            autoComplete="off"
            value={draft.news.guardianKey}
            onInput={(e) => news({ guardianKey: value(e) })}
          />
        </label>
        <label>
          The New York Times API key
          <input name="nytKey" type="password" autoComplete="off" value={draft.news.nytKey} onInput={(e) => news({ nytKey: value(e) })} />
        </label>
        <label>
          Days before the article to search
          <input
            name="windowDays"
            type="number"
            min={1}
            max={365}
            value={draft.news.windowDays}
            onInput={(e) => news({ windowDays: Number(value(e)) })}
          />
        </label>
        <label class="check">
          <input name="sameSite" type="checkbox" checked={draft.news.sameSite} onChange={(e) => news({ sameSite: checked(e) })} />
          Search only the article's own publisher
        </label>
        <details>
          <summary>Servers</summary>
          {NEWS_SERVERS.map(([key, label]) => (
            <label key={key}>
              {label}
              <input name={key} type="url" value={draft.news[key]} onInput={(e) => news({ [key]: value(e) })} required />
            </label>
          ))}
          <button type="button" onClick={() => news(Object.fromEntries(NEWS_SERVERS.map(([key]) => [key, defaults.news[key]])))}>
            Use the services' own
          </button>
        </details>

        {!valid && <p class="problem">Every server must be an http(s) address, and the search window 1 to 365 days.</p>}
        <div class="actions">
          <button type="submit" disabled={!valid}>
            Save
          </button>
          {saved && <span class="saved">Saved.</span>}
        </div>
      </form>
    </main>
  );
}
