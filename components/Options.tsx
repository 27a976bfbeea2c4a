import { useState } from 'preact/hooks';
import type { AccessMode, ReaderControl } from '../lib/control';
import type { NewsSettings } from '../lib/coverage';
import type { Settings } from '../lib/settings';
import { AccessChoice } from './AccessChoice';
import { HistoryControls, type HistoryControlsProps } from './HistoryControls';
import { t } from './i18n';

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
      <h2 id="highlighting-heading">{t('optHighlighting')}</h2>
      <label class="check">
        <input name="paused" type="checkbox" checked={control.paused} onChange={(e) => onControl({ ...control, paused: checked(e) })} />
        {t('optPause')}
      </label>
      {control.offSites.length === 0 ? (
        <p class="muted">{t('optEverySite')}</p>
      ) : (
        <>
          <p class="muted">{t('optOffSites')}</p>
          <ul class="off-sites">
            {control.offSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => onControl({ ...control, offSites: control.offSites.filter((s) => s !== site) })}>
                  {t('optHighlightAgain')}
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
        <h1>{t('optTitle')}</h1>
        <p class="lead">{t('optLead')}</p>
        {access && (
          <section aria-labelledby="access-section-heading">
            <h2 id="access-section-heading">{t('optWhereWorks')}</h2>
            <AccessChoice {...access} headingId="access-legend" />
          </section>
        )}
        {control && onControl && <HighlightingControls control={control} onControl={onControl} />}
      </div>
      <form class="options" onSubmit={submit}>
        <h2>{t('optKeeps')}</h2>
        <ul class="plain">
          <li>{t('optKeepsAnalysis')}</li>
          <li>{t('optKeepsAnswers')}</li>
          <li>{t('optKeepsHistory')}</li>
          <li>{t('optKeepsSettings')}</li>
        </ul>

        <h2>{t('optSent')}</h2>
        <ul class="plain">
          <li>
            <strong>{t('optSentHoverStrong')}</strong> {t('optSentHover')}
          </li>
          <li>
            <strong>{t('optSentPopupStrong')}</strong>
            {t('optSentPopup')}
          </li>
          <li>
            <strong>{t('optSentSearchStrong')}</strong>
            {t('optSentSearch')}
          </li>
        </ul>
        <label class="check">
          <input name="prefetchNotes" type="checkbox" checked={draft.prefetchNotes} onChange={(e) => set({ prefetchNotes: checked(e) })} />
          {t('optPrefetch')}
        </label>

        <h2>{t('optHistory')}</h2>
        <p class="muted">{t('optHistoryNote')}</p>
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
          {t('optRecord')}
        </label>
        <label>
          {t('optNeverRecord')}
          <textarea name="excludedSites" rows={3} value={sites} onInput={(e) => setSites((e.target as HTMLTextAreaElement).value)} />
        </label>
        {history && <HistoryControls {...history} />}

        <h2>{t('optNews')}</h2>
        <p class="muted">{t('optNewsNote')}</p>
        <label>
          {t('optGuardianKey')}
          <input
            name="guardianKey"
            type="password"
            autoComplete="off"
            value={draft.news.guardianKey}
            onInput={(e) => news({ guardianKey: value(e) })}
          />
        </label>
        <label>
          {t('optNytKey')}
          <input name="nytKey" type="password" autoComplete="off" value={draft.news.nytKey} onInput={(e) => news({ nytKey: value(e) })} />
        </label>
        <label>
          {t('optWindow')}
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
          {t('optSameSite')}
        </label>

        <details class="advanced" open={!valid || serversChanged}>
          <summary>{t('optAdvanced')}</summary>
          <p class="muted">{t('optAdvancedNote')}</p>
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
            {t('optWikimediaDefaults')}
          </button>
          {NEWS_SERVERS.map(([key, label]) => (
            <label key={key}>
              {label}
              <input name={key} type="url" value={draft.news[key]} onInput={(e) => news({ [key]: value(e) })} required />
            </label>
          ))}
          <button type="button" onClick={() => news(Object.fromEntries(NEWS_SERVERS.map(([key]) => [key, defaults.news[key]])))}>
            {t('optNewsDefaults')}
          </button>
        </details>

        {!valid && <p class="problem">{t('optInvalid')}</p>}
        <div class="actions">
          <button type="submit" disabled={!valid}>
            {t('optSave')}
          </button>
          {saved && <span class="saved">{t('optSaved')}</span>}
        </div>
      </form>
    </main>
  );
}
