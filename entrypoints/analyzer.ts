import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { attachCards, type Cards } from '../adapters/card-host';
import type { ElementNames } from '../adapters/element-names';
import { readGateSignals } from '../adapters/gate-signals';
import { highlightBlocks, highlightEntities } from '../adapters/highlight';
import { whenExtensionGone } from '../adapters/lifetime';
import { sendMessage } from '../adapters/messaging';
import { buildPageTree } from '../adapters/page-tree';
import { watchForRewrite } from '../adapters/rewrite-watch';
import type { AnalysisResult, Entity, TextAnalysis } from '../lib/analyze';
// The page half only: importing lib/analyze's index would bundle the NLP lexicons into every article tab.
import { sections, WHOLE_TEXT_CHARS } from '../lib/analyze/bounds';
import { entityNamed, highlightedEntities } from '../lib/analyze/highlighted';
import { extractPage, type PageExtraction } from '../lib/analyze/page';
import type { GateSignals } from '../lib/detect';
// The module itself: the folder's index would bring the linker into the page.
import { namesForLookUp } from '../lib/knowledge/provider';
import { unpackAnalysis } from '../lib/messaging';

export interface AnalyserInjection {
  names: ElementNames;
  readerAsked: boolean;
}

interface PageSession {
  undo(): void;
  /** opens the card of the name the reader selected (the context menu); false when the page highlights no such name */
  openCardFor(text: string): boolean;
}

declare global {
  // Globals of the content scripts' isolated world (not the page's): a second injection is a no-op, and the gate
  // script undoes the session when a single-page app navigates.
  var __backstorySession: PageSession | undefined;
  /**
   * What the background gives the analyser it injects: this install's element names, and whether the reader asked for
   * this page to be analysed whatever the gate said. Set by a script the background sends along with this one.
   */
  var __backstoryInjection: AnalyserInjection | undefined;
  /** set by an analyser that ran before its injection's settings came: the background's setter starts it with them */
  var __backstoryStart: ((injection: AnalyserInjection) => void) | undefined;
  /** the gate's last reading of this page (see gate.content.ts) */
  var __backstoryGateSignals: GateSignals | undefined;
}

/** A page that keeps rebuilding its article is analysed again this many times at most. */
const MAX_REANALYSES = 3;
/** Highlighting works in slices of about this long, yielding to the page between them: no long task on big pages. */
const SLICE_MS = 8;

/**
 * Names and quotes are found in the background (message passing, on the device): the lexicons load once there instead
 * of into every article tab, and the page's main thread never waits on them. This is a long article's first part,
 * shown while the whole is analysed.
 */
async function firstPartAnalysis(page: PageExtraction, upTo: number): Promise<TextAnalysis> {
  if (!page.isArticle || !page.article) return { entities: [], quotes: [], nlp: page.nlp };
  const text = page.article.text.slice(0, upTo);
  const blockQuotes = page.blockQuotes.filter((b) => b.end <= text.length);
  return unpackAnalysis(text, await sendMessage('text/analyse', { text, language: page.article.lang, blockQuotes }));
}

/**
 * The page's extraction goes to the background once: it analyses the article, keeps the whole result for this tab (the
 * popup and the history read it there) and answers with the names and quotes to show, by their offsets in the text.
 */
async function wholeAnalysis(page: PageExtraction, url: string): Promise<TextAnalysis> {
  const { isArticle, reason, nlp, blockQuotes } = page;
  // Of a page that is not an article, only the verdict: nothing is kept of it.
  const article = isArticle ? page.article : null;
  const packed = await sendMessage('page/extracted', { url, isArticle, reason, nlp, article, blockQuotes: isArticle ? blockQuotes : [] });
  return unpackAnalysis(article?.text ?? '', packed);
}

/** A long article's first part is highlighted at once, while the background works through the rest (in sections). */
const FIRST_PART_CHARS = 10_000;

/** What a run on screen offers the session: its undo, and its cards for the context menu's look-up. */
interface Shown {
  undo(): void;
  openCardFor(text: string): boolean;
}

/** Analyses the page, highlights the names, wires the cards and reports back; returns how to undo all of it. */
function analyse(names: ElementNames, onRewrite: () => void, readerAsked: boolean): Shown {
  const url = location.href;
  let undone = false;
  let finalShown = false;
  /** the undo of the highlights and cards on screen */
  let undoShown: (() => void) | null = null;
  let shownCards: Cards | null = null;
  let shownEntities: Entity[] = [];
  let shownMarks: HTMLElement[] = [];
  const { doc, elements } = buildPageTree(document, url);
  // Relative dates ("2 hours ago") are read against when the page loaded.
  doc.fetchedAt = performance.timeOrigin;
  const gateSignals = globalThis.__backstoryGateSignals;
  const page = extractPage(doc, gateSignals?.url === url ? gateSignals : readGateSignals(document, url), { readerAsked });

  const undoAll = () => {
    undone = true;
    undoShown?.();
    undoShown = null;
    shownCards = null;
  };
  const failed = (error: unknown) => {
    undoAll();
    console.warn('Backstory could not highlight this page; it is left as it was.', error);
  };
  /** Highlights and cards for a result: the first part's, replaced by the whole article's when that comes. */
  const show = (result: AnalysisResult, final: boolean) => {
    if (undone || finalShown) return;
    finalShown = final;
    undoShown?.();
    undoShown = null;
    if (!result.isArticle || !page.extraction) return;
    const undos: (() => void)[] = [];
    const undoRun = () => {
      for (const undo of undos.splice(0).reverse()) undo();
    };
    // Highlighting and the card are one transaction: a page that makes either fail (its own element of our name, a
    // DOM method it broke) gets its text back as it was, never highlights without cards or cards without an undo.
    try {
      // The analysis' own mentions, placed by their offsets in the article text.
      const highlights = highlightEntities(
        highlightBlocks(page.extraction, elements),
        highlightedEntities(result.entities),
        { sliceMs: SLICE_MS, later: (next) => setTimeout(next, 0) },
        names.mark,
      );
      undos.push(() => highlights.undo());
      // Names only go out: the hovered one and the article's places, never the page's URL or text. The background builds
      // the article's context from the analysis it keeps for this tab, to choose among namesakes.
      const lookUp = (entity: Entity) =>
        sendMessage('knowledge/link', { names: namesForLookUp(entity, result.entities), date: result.article?.published ?? null });
      // The note's picture comes from the background as a data: URL: the page's CSP cannot block it, nor its scripts read it.
      const fetchThumbnail = (thumbnailUrl: string) =>
        sendMessage('knowledge/thumbnail', { url: thumbnailUrl }).then((answer) => (answer.ok ? answer.dataUrl : null));
      const cards = attachCards(document, result, lookUp, { tags: names, fetchThumbnail });
      undos.push(() => cards.destroy());
      undoShown = () => {
        shownCards = null;
        undoRun();
      };
      shownCards = cards;
      shownEntities = result.entities;
      shownMarks = highlights.marks;
      // Watching for a rebuilt article starts once our own changes are done.
      highlights.done.then(
        () => {
          if (final && !undone && shownCards === cards) undos.push(watchForRewrite(document, highlights.marks, onRewrite));
        },
        (error: unknown) => failed(error),
      );
    } catch (error) {
      undoRun();
      failed(error);
    }
  };

  const resultOf = (text: TextAnalysis): AnalysisResult => ({ isArticle: page.isArticle, reason: page.reason, article: page.article, ...text });
  const whole = page.article?.text.length ?? 0;
  if (page.isArticle && whole > WHOLE_TEXT_CHARS) {
    const firstPart = sections(page.article?.text ?? '', FIRST_PART_CHARS)[0]?.end ?? whole;
    firstPartAnalysis(page, firstPart).then(
      (text) => show(resultOf(text), false),
      () => {},
    );
  }
  wholeAnalysis(page, url).then(
    (text) => {
      if (!undone) show(resultOf(text), true);
    },
    () => {
      // The background is gone (extension reloading): the page stays as it is.
    },
  );
  const openCardFor = (text: string) => {
    const entity = entityNamed(shownEntities, text);
    if (!shownCards || !entity) return false;
    const marks = shownMarks.filter((m) => m.isConnected && m.dataset.entityId === entity.id);
    // The highlight in the reader's selection, else the first on screen, else the first.
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const inView = (m: HTMLElement) => {
      const r = m.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    };
    const mark = marks.find((m) => range?.intersectsNode(m)) ?? marks.find(inView) ?? marks[0];
    return !!mark && shownCards.openFor(mark);
  };
  return { undo: undoAll, openCardFor };
}

/** Injected by the background into pages the gate passed (or the reader asked for), with its settings. */
export default defineUnlistedScript(() => {
  if (globalThis.__backstorySession) return;
  const injection = globalThis.__backstoryInjection;
  globalThis.__backstoryInjection = undefined;
  if (injection) startSession(injection);
  // The background sends the settings and this script together (one round trip less before the first highlight):
  // where this one runs first, the settings' script starts it.
  else globalThis.__backstoryStart = startSession;
});

/** The page's session: analysed, highlighted, and analysed again (a few times) when the page rebuilds its article. */
function startSession({ names, readerAsked }: AnalyserInjection): void {
  if (globalThis.__backstorySession) return;
  let reanalyses = 0;
  const none: Shown = { undo() {}, openCardFor: () => false };
  let current = none;
  const run = () => {
    current = analyse(
      names,
      () => {
        current.undo();
        if (reanalyses++ < MAX_REANALYSES) run();
      },
      readerAsked,
    );
  };
  run();
  let stopLifetime = () => {};
  const session: PageSession = {
    undo() {
      current.undo();
      current = none;
      stopLifetime();
      globalThis.__backstorySession = undefined;
    },
    openCardFor: (text) => current.openCardFor(text),
  };
  globalThis.__backstorySession = session;
  // Disabling, removing or updating the extension takes the highlights and the card away with it.
  stopLifetime = whenExtensionGone(() => session.undo());
}
