import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Entity, Quote } from '../lib/analyze';
// From age.ts itself: lib/analyze's index brings the whole analyser (200 KB of lexicons), which UI bundles must not load.
import { articleAge } from '../lib/analyze/age';
import { entityNamed, highlightedEntities } from '../lib/analyze/highlighted';
import { SUPPORTED_LANGUAGES } from '../lib/analyze/language';
import { cleanByline, cleanPublisher, otherNames } from '../lib/display';
import type { BackgroundNote } from '../lib/knowledge';
import type { TabState } from '../lib/messaging';
// The module itself, not the folder's index, which would bring the entity lexicon into the page's bundle.
import { passages } from '../lib/quotes/passages';
import { centralPeople } from '../lib/salience';
import { BackgroundSection } from './BackgroundSection';
import type { BackgroundState } from './background';
import { Controls, type ControlsProps } from './Controls';
import { Coverage, type CoverageProps } from './Coverage';
import { ageText, formatDay, formatNumber, languageList, t, tn } from './i18n';
import { TYPE_ORDER, typeGroup, typeLabel } from './labels';

export interface PopupProps {
  /** null while loading or when nothing is known of the tab */
  state: TabState | null;
  loading: boolean;
  now: Date;
  /** background notes of the entities the reader opened */
  backgrounds?: Record<string, BackgroundState>;
  /** the pictures of those notes, by entity id, as data: URLs */
  thumbnails?: Record<string, string | null>;
  /** the reader opens an entity (or retries): look up its background note */
  onExpand?: (entity: Entity) => void;
  /** the outlet behind the page, from Wikidata, when found */
  publisher?: BackgroundNote | null;
  /** earlier coverage from the reader's history and news search */
  coverage?: Pick<CoverageProps, 'history' | 'search' | 'onSearch' | 'searchPreview'>;
  /** highlighting on this site, the pause, and "Analyse this page"; absent where the popup cannot change them */
  controls?: ControlsProps;
  /** a name the reader chose to look up from the context menu */
  askedName?: string | null;
  /** where the settings page opens from (the reader's click) */
  onOpenSettings?: () => void;
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
    const group = groups.get(key) ?? { key, speaker: q.speaker ?? t('popupUnattributed'), entity, quotes: [] };
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

/** Who the speaker is, as the card says it: type, titles in the article, how often named. */
function SpeakerLine({ entity }: { entity: Entity | undefined }) {
  if (!entity) return null;
  const parts = [typeLabel(entity.type), entity.titles.join(' '), t('popupNamedTimes', entity.mentions.length)].filter(Boolean);
  return <p class="speaker-meta">{parts.join(' · ')}</p>;
}

/** A list the reader can fold away: a disclosure whose summary says what is in it and how many. */
function Fold({
  name,
  title,
  count,
  open = false,
  children,
}: {
  name: string;
  title: string;
  count?: number;
  open?: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class={`fold ${name}`} open={open}>
      <summary>
        <h2>{title}</h2>
        {count !== undefined && <span class="fold-count">{count}</span>}
      </summary>
      {children}
    </details>
  );
}

interface NamesProps {
  /** which list this is: a name opened in one list is not opened in the others */
  list: string;
  open: Set<string>;
  toggle: (entity: Entity, list: string) => void;
  backgrounds: Record<string, BackgroundState>;
  thumbnails: Record<string, string | null>;
  onExpand: (entity: Entity) => void;
}

/** One name: a button that opens its background note in place. */
function EntityItem({ entity, detail, list, open, toggle, backgrounds, thumbnails, onExpand }: NamesProps & { entity: Entity; detail?: string }) {
  const expanded = open.has(`${list}:${entity.id}`);
  return (
    <li data-entity-id={entity.id}>
      <button type="button" class="entity-toggle" aria-expanded={expanded} onClick={() => toggle(entity, list)}>
        <span class="entity-name">{entity.name}</span> <span class="count">×{entity.mentions.length}</span>
        {detail && <span class="entity-detail"> · {detail}</span>}
      </button>
      {expanded && (
        <BackgroundSection
          state={backgrounds[entity.id] ?? { status: 'loading' }}
          onRetry={() => onExpand(entity)}
          thumbnail={thumbnails[entity.id] ?? null}
        />
      )}
    </li>
  );
}

function EntityGroups({ entities, ...names }: NamesProps & { entities: Entity[] }) {
  return (
    <>
      {TYPE_ORDER.map((type) => {
        const group = entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
        if (!group.length) return null;
        return (
          <details class="entity-group" data-type={type} key={type} open>
            <summary>
              <h3>{typeGroup(type)}</h3> <span class="fold-count">{group.length}</span>
            </summary>
            <ul>
              {group.map((e) => (
                <EntityItem key={e.id} entity={e} {...names} />
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}

/** The toolbar popup: the article's age and publisher, who is in it, who said what, and what came before. */
export function Popup({
  state,
  loading,
  now,
  backgrounds = {},
  thumbnails = {},
  onExpand = () => {},
  publisher = null,
  coverage = NO_COVERAGE,
  controls,
  askedName = null,
  onOpenSettings,
}: PopupProps) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (e: Entity, list: string) => {
    const next = new Set(open);
    const key = `${list}:${e.id}`;
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      if (!backgrounds[e.id] || backgrounds[e.id]?.status === 'error' || backgrounds[e.id]?.status === 'offline') onExpand(e);
    }
    setOpen(next);
  };
  const footer = (
    <footer class="popup-footer">
      {controls && <Controls {...controls} />}
      <a
        class="settings-link"
        href="/options.html"
        target="_blank"
        rel="noopener"
        onClick={
          onOpenSettings &&
          ((event) => {
            event.preventDefault();
            onOpenSettings();
          })
        }
      >
        {t('popupSettingsLink')}
      </a>
    </footer>
  );
  if (loading)
    return (
      <main class="popup">
        <p class="status">{t('popupReading')}</p>
      </main>
    );
  if (!state) {
    return (
      <main class="popup">
        <p class="status" data-status="unknown">
          {t('popupNotSeen')}
        </p>
        {footer}
      </main>
    );
  }
  if (!state.isArticle || !state.result) {
    const status = state.problem ? 'problem' : state.isArticle ? 'analysing' : state.off ? `off-${state.off}` : 'not-article';
    const message =
      state.problem ??
      (state.isArticle ? t('popupAnalysingArticle') : state.off ? t(state.off === 'paused' ? 'offPaused' : 'offSite') : t('popupNotArticle'));
    return (
      <main class="popup">
        <p class="status" data-status={status}>
          {message}
        </p>
        {!state.isArticle && !state.off && <p class="muted">{t('popupNotArticleNote')}</p>}
        {askedName && <p class="asked muted">{t('popupAskedUnread', askedName)}</p>}
        {footer}
      </main>
    );
  }
  const { article, entities, quotes, nlp } = state.result;
  const age = ageText(articleAge(article?.published ?? null, now));
  const publisherName = cleanPublisher(article?.siteName, state.url);
  const byline = cleanByline(article?.byline, publisherName);
  const central = centralPeople(state.result);
  const highlighted = highlightedEntities(entities).length;
  const listed = [...highlightedEntities(entities), ...otherNames(state.result)];
  const asked = askedName ? entityNamed(entities, askedName) : null;
  const names = (list: string): NamesProps => ({ list, open, toggle, backgrounds, thumbnails, onExpand });
  const facts = publisher?.facts.filter((f) => !/^Newspaper$/i.test(f)) ?? [];
  return (
    <main class="popup">
      <header>
        <h1 class="title">{article?.title ?? t('popupUntitled')}</h1>
        <p class="meta">{[publisherName, formatDay(article?.published ?? null), age].filter(Boolean).join(' · ')}</p>
        {byline && <p class="byline">{t('popupBy', byline)}</p>}
        {publisher && (
          <p class="publisher" title={facts.join(' · ') || undefined}>
            <span class="publisher-label">{publisher.label}</span>
            {[publisher.description, ...facts].filter(Boolean).map((part) => ` · ${part}`)}
          </p>
        )}
      </header>
      {!nlp.supported && (
        <p class="notice" data-language={nlp.language ?? ''}>
          {t('popupLanguageNotice', languageList(SUPPORTED_LANGUAGES))}
        </p>
      )}
      {article?.limited && (
        <p class="notice limited">
          {t('popupLimited', formatNumber(article.limited.paragraphs), formatNumber(Math.round(article.limited.chars / 1000)))}
        </p>
      )}
      {askedName && (
        <section class="asked" aria-label={t('popupAskedLabel')}>
          <h2>{t('popupAskedHeading', askedName)}</h2>
          {asked ? (
            <ul>
              <EntityItem entity={asked} {...names('asked')} />
            </ul>
          ) : (
            <p class="muted">{t('popupAskedNotFound')}</p>
          )}
        </section>
      )}
      <Fold name="central" title={t('popupWhoIsInIt')} open>
        {central.length ? (
          <ul class="central-list">
            {central.map((s) => (
              <EntityItem
                key={s.entity.id}
                entity={s.entity}
                detail={[typeLabel(s.entity.type), s.inHeadline ? t('popupInHeadline') : s.inLede ? t('popupInFirstParagraph') : '']
                  .filter(Boolean)
                  .join(', ')}
                {...names('central')}
              />
            ))}
          </ul>
        ) : (
          <p class="muted">{t('popupNoPeople')}</p>
        )}
        <p class="badge-note muted">
          {highlighted ? tn('badgeCount', highlighted).replace(/^./, (c) => c.toUpperCase()) : t('badgeNone')}
          {highlighted > 0 && t('popupBadgeNumber')}
        </p>
      </Fold>
      <section class="entities" aria-label={t('popupNamesLabel')}>
        <Fold name="all-names" title={t('popupAllNames')} count={listed.length}>
          {listed.length ? <EntityGroups entities={listed} {...names('all')} /> : <p class="muted">{t('popupNoNames')}</p>}
        </Fold>
      </section>
      <section class="quotes" aria-label={t('quotesLabel')}>
        <Fold name="all-quotes" title={t('popupWhoSaidWhat')} count={passages(quotes).length}>
          {quotes.length === 0 && <p class="muted">{t('popupNoQuotes')}</p>}
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
        </Fold>
      </section>
      <Fold name="earlier" title={t('popupEarlier')}>
        <Coverage
          links={article?.relatedLinks ?? []}
          history={coverage.history}
          search={coverage.search}
          onSearch={coverage.onSearch}
          searchPreview={coverage.searchPreview}
          current={{ url: article?.canonicalUrl ?? state.url, title: article?.title ?? t('popupThisArticle'), date: article?.published ?? null }}
          onOpenSettings={onOpenSettings}
        />
      </Fold>
      {footer}
    </main>
  );
}
