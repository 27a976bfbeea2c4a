import { useState } from 'preact/hooks';
import type { Entity, Quote } from '../lib/analyze';
// From age.ts itself: lib/analyze's index brings the whole analyser (200 KB of lexicons), which UI bundles must not load.
import { formatAge, formatDate } from '../lib/analyze/age';
import type { BackgroundNote } from '../lib/knowledge';
import type { TabState } from '../lib/messaging';
// The module itself, not the folder's index, which would bring the entity lexicon into the page's bundle.
import { passages } from '../lib/quotes/passages';
import { BackgroundSection } from './BackgroundSection';
import type { BackgroundState } from './background';
import { Coverage, type CoverageProps } from './Coverage';
import { TYPE_GROUP, TYPE_LABEL, TYPE_ORDER } from './labels';

export interface PopupProps {
  /** null while loading or when nothing is known of the tab */
  state: TabState | null;
  loading: boolean;
  now: Date;
  /** background notes of the entities the reader opened */
  backgrounds?: Record<string, BackgroundState>;
  /** the reader opens an entity (or retries): look up its background note */
  onExpand?: (entity: Entity) => void;
  /** the outlet behind the page, from Wikidata, when found */
  publisher?: BackgroundNote | null;
  /** earlier coverage from the reader's history and news search */
  coverage?: Pick<CoverageProps, 'history' | 'search' | 'onSearch' | 'searchPreview'>;
}

const NO_COVERAGE: Pick<CoverageProps, 'history' | 'search' | 'onSearch' | 'searchPreview'> = {
  history: { matches: [], recording: 'on' },
  search: { status: 'idle' },
  onSearch: () => {},
  searchPreview: null,
};

interface SpeakerGroup {
  key: string;
  speaker: string;
  entity: Entity | undefined;
  quotes: Quote[];
}

const nameWords = (name: string) =>
  name
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** "Rathke" is "Jeff Rathke": every word of the shorter name in the longer one, the same last word. */
function sameName(short: string, long: string): boolean {
  const a = nameWords(short);
  const b = nameWords(long);
  return a.length > 0 && a.length <= b.length && a.at(-1) === b.at(-1) && a.every((w) => b.includes(w));
}

/**
 * Quotes grouped by who said them: one group per speaker entity, a shorter form of a person's name (an entity the
 * recogniser kept apart, or a name as written) joining the fuller one; descriptions of unnamed sources by their
 * words; unattributed quotes last.
 */
export function groupBySpeaker(quotes: Quote[], entities: Entity[]): SpeakerGroup[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const groups = new Map<string, SpeakerGroup>();
  for (const q of passages(quotes)) {
    const entity = q.speakerId ? byId.get(q.speakerId) : undefined;
    const key = q.speakerId ?? (q.speaker ? `as-written:${q.speaker.toLowerCase()}` : '');
    const group = groups.get(key) ?? { key, speaker: q.speaker ?? 'Unattributed', entity, quotes: [] };
    group.quotes.push(q);
    groups.set(key, group);
  }
  // Fold each group into the one with the fullest name it is a shorter form of (people and names as written only).
  const list = [...groups.values()];
  const person = (g: SpeakerGroup) => g.key !== '' && (!g.entity || g.entity.type === 'PER');
  for (const g of list) {
    if (!person(g)) continue;
    const fuller = list
      .filter(
        (h) => h !== g && person(h) && h.quotes.length && sameName(g.speaker, h.speaker) && nameWords(h.speaker).length > nameWords(g.speaker).length,
      )
      .sort((a, b) => nameWords(b.speaker).length - nameWords(a.speaker).length)[0];
    if (!fuller) continue;
    fuller.quotes.push(...g.quotes);
    fuller.quotes.sort((a, b) => a.start - b.start);
    g.quotes = [];
  }
  return list
    .filter((g) => g.quotes.length)
    .sort((a, b) =>
      a.key === '' ? 1 : b.key === '' ? -1 : b.quotes.length - a.quotes.length || (a.quotes[0]?.start ?? 0) - (b.quotes[0]?.start ?? 0),
    );
}

interface EntityGroupsProps {
  entities: Entity[];
  backgrounds: Record<string, BackgroundState>;
  onExpand: (entity: Entity) => void;
}

function EntityGroups({ entities, backgrounds, onExpand }: EntityGroupsProps) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (e: Entity) => {
    const next = new Set(open);
    if (next.has(e.id)) next.delete(e.id);
    else {
      next.add(e.id);
      if (!backgrounds[e.id] || backgrounds[e.id]?.status === 'error' || backgrounds[e.id]?.status === 'offline') onExpand(e);
    }
    setOpen(next);
  };
  return (
    <>
      {TYPE_ORDER.map((type) => {
        const group = entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
        if (!group.length) return null;
        return (
          <div class="entity-group" data-type={type} key={type}>
            <h3>{TYPE_GROUP[type]}</h3>
            <ul>
              {group.map((e) => (
                <li key={e.id} data-entity-id={e.id}>
                  <button type="button" class="entity-toggle" aria-expanded={open.has(e.id)} onClick={() => toggle(e)}>
                    <span class="entity-name">{e.name}</span> <span class="count">×{e.mentions.length}</span>
                  </button>
                  {open.has(e.id) && <BackgroundSection state={backgrounds[e.id] ?? { status: 'loading' }} onRetry={() => onExpand(e)} />}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/** Who the speaker is, as the card says it: type, titles in the article, how often named. */
function SpeakerLine({ entity }: { entity: Entity | undefined }) {
  if (!entity) return null;
  const parts = [TYPE_LABEL[entity.type], entity.titles.join(' '), `named ${entity.mentions.length}×`].filter(Boolean);
  return <p class="speaker-meta">{parts.join(' · ')}</p>;
}

/** The toolbar popup: the article's age and publisher, who is in it, who said what, and what came before. */
export function Popup({ state, loading, now, backgrounds = {}, onExpand = () => {}, publisher = null, coverage = NO_COVERAGE }: PopupProps) {
  if (loading)
    return (
      <main class="popup">
        <p class="status">Reading this page…</p>
      </main>
    );
  if (!state) {
    return (
      <main class="popup">
        <p class="status" data-status="unknown">
          Backstory has not seen this page yet. Reload it to analyse it.
        </p>
      </main>
    );
  }
  if (!state.isArticle || !state.result) {
    return (
      <main class="popup">
        <p class="status" data-status={state.problem ? 'problem' : state.isArticle ? 'analysing' : 'not-article'}>
          {state.problem ?? (state.isArticle ? 'Analysing this article…' : 'Not a news article.')}
        </p>
        {!state.isArticle && <p class="muted">Backstory only reads article pages; it did nothing on this one.</p>}
      </main>
    );
  }
  const { article, entities, quotes, nlp } = state.result;
  const age = formatAge(article?.published ?? null, now);
  return (
    <main class="popup">
      <header>
        <h1 class="title">{article?.title ?? 'Untitled article'}</h1>
        <p class="meta">{[article?.siteName, formatDate(article?.published ?? null), age].filter(Boolean).join(' · ')}</p>
        {article?.byline && <p class="byline">By {article.byline}</p>}
        {publisher && (
          <p class="publisher">
            <span class="publisher-label">{publisher.label}</span>
            {[publisher.description, ...publisher.facts.filter((f) => !/^Newspaper$/i.test(f))].filter(Boolean).map((part) => ` · ${part}`)}
          </p>
        )}
      </header>
      {nlp.notice && (
        <p class="notice" data-language={nlp.language ?? ''}>
          {nlp.notice}
        </p>
      )}
      {article?.limited && (
        <p class="notice limited">
          {`This page is very long: Backstory read its first ${article.limited.paragraphs.toLocaleString('en')} paragraphs (${Math.round(article.limited.chars / 1000).toLocaleString('en')} thousand characters, its limit) and highlighted the names in those only.`}
        </p>
      )}
      <section class="entities" aria-label="Names in this article">
        <h2>Who and what</h2>
        {entities.length ? <EntityGroups entities={entities} backgrounds={backgrounds} onExpand={onExpand} /> : <p class="muted">No names found.</p>}
      </section>
      <section class="quotes" aria-label="Quotes">
        <h2>Who said what</h2>
        {quotes.length === 0 && <p class="muted">No quotes in this article.</p>}
        {groupBySpeaker(quotes, entities).map((g) => (
          <div class="speaker-group" key={g.key} data-speaker={g.speaker}>
            <h3>{g.speaker}</h3>
            <SpeakerLine entity={g.entity} />
            <ul>
              {g.quotes.map((q) => (
                <li key={q.start} class="quote">
                  {q.text}
                  {q.speakerText && q.speakerText !== g.speaker && <span class="as-written"> ({q.speakerText})</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <Coverage
        links={article?.relatedLinks ?? []}
        history={coverage.history}
        search={coverage.search}
        onSearch={coverage.onSearch}
        searchPreview={coverage.searchPreview}
        current={{ url: article?.canonicalUrl ?? state.url, title: article?.title ?? 'This article', date: article?.published ?? null }}
      />
    </main>
  );
}
