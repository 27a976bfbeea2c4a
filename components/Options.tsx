import { useState } from 'preact/hooks';
import type { AccessMode, ReaderControl } from '../lib/control';
import type { NewsSettings } from '../lib/coverage';
import type { Settings } from '../lib/messaging';
import { AccessChoice } from './AccessChoice';
import { HistoryControls, type HistoryControlsProps } from './HistoryControls';

export interface OptionsProps {
  settings: Settings;
  defaults: Settings;
  onSave: (settings: Settings) => void;
  /** shown after a save */
  saved: boolean;
  /** the reading history's size and controls; absent where there is no history to manage */
  history?: HistoryControlsProps;
  /** the pause and the sites where names are not highlighted; changed at once, not with Save */
  control?: ReaderControl;
  onControl?: (control: ReaderControl) => void;
  /** how Backstory reaches pages (the browser's host permission); changed at once, not with Save */
  access?: { mode: AccessMode | null; declined: boolean; onChoose: (mode: AccessMode) => void };
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

/** Highlighting: the pause, and the sites turned off from the popup (each can be turned back on here). */
function HighlightingControls({ control, onControl }: { control: ReaderControl; onControl: (control: ReaderControl) => void }) {
  return (
    <section class="highlighting" aria-labelledby="highlighting-heading">
      <h2 id="highlighting-heading">Highlighting</h2>
      <label class="check">
        <input name="paused" type="checkbox" checked={control.paused} onChange={(e) => onControl({ ...control, paused: checked(e) })} />
        Pause Backstory on every site (nothing is read or highlighted until you turn this off)
      </label>
      {control.offSites.length === 0 ? (
        <p class="muted">Names are highlighted on every news site. You can turn a site off from the toolbar popup.</p>
      ) : (
        <>
          <p class="muted">Names are not highlighted on these sites:</p>
          <ul class="off-sites">
            {control.offSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => onControl({ ...control, offSites: control.offSites.filter((s) => s !== site) })}>
                  Highlight again
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The reader's settings, in plain words: what is stored, what is sent and when, the history, and (under Advanced) servers. */
export function Options({ settings, defaults, onSave, saved, history, control, onControl, access }: OptionsProps) {
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
  const serversChanged = draft.wikidataBase !== defaults.wikidataBase || draft.wikipediaBase !== defaults.wikipediaBase;
  return (
    <main>
      <div class="options">
        <h1>Backstory settings</h1>
        <p class="lead">
          Backstory reads news articles on this device. Nothing leaves it when a page loads: names are sent only when you ask about them, as set out
          below.
        </p>
        {access && (
          <section aria-labelledby="access-section-heading">
            <h2 id="access-section-heading">Where Backstory works</h2>
            <AccessChoice {...access} headingId="access-legend" />
          </section>
        )}
        {control && onControl && <HighlightingControls control={control} onControl={onControl} />}
      </div>
      <form class="options" onSubmit={submit}>
        <h2>What Backstory keeps on this device</h2>
        <ul class="plain">
          <li>The analysis of each article you have open, until you close its tab.</li>
          <li>Background notes and news search results it fetched for you, so they are not asked for twice; kept up to 90 days.</li>
          <li>Your reading history (below): each article's address, headline, publisher, date and main names, until you clear it.</li>
          <li>These settings.</li>
        </ul>

        <h2>What is sent, and when</h2>
        <ul class="plain">
          <li>
            <strong>When you hover, focus or tap a name</strong> (or open it in the popup): that name, and the article's place names, go to Wikidata
            and Wikipedia for its background note, and its picture comes from Wikimedia. Never the page's address or text.
          </li>
          <li>
            <strong>When you open the popup</strong>: the publisher's name, as far as the page's address spells it, to find the outlet.
          </li>
          <li>
            <strong>When you click “Search news”</strong>: the article's two most central names and its date, to the news services below.
          </li>
        </ul>
        <label class="check">
          <input name="prefetchNotes" type="checkbox" checked={draft.prefetchNotes} onChange={(e) => set({ prefetchNotes: checked(e) })} />
          Look up the notes of an article's main names as soon as I open it (sends those names without a hover)
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
          Google News needs no key; GDELT covers the last three months; The Guardian and The New York Times need your own free API key, which is sent
          to them with each search.
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
          Search only the article's own publisher (sends its domain with the search)
        </label>

        <details class="advanced" open={!valid || serversChanged}>
          <summary>Advanced: the servers asked</summary>
          <p class="muted">Backstory asks Wikimedia's and the news services' own servers. Point it at others (a mirror, a local copy) here.</p>
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
