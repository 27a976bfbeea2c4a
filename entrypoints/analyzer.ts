import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { attachCards } from '../adapters/card-host';
import { readGateSignals } from '../adapters/gate-signals';
import { highlightEntities } from '../adapters/highlight';
import { whenExtensionGone } from '../adapters/lifetime';
import { sendMessage } from '../adapters/messaging';
import { buildPageTree } from '../adapters/page-tree';
import { watchForRewrite } from '../adapters/rewrite-watch';
import type { AnalysisResult, Entity, TextAnalysis } from '../lib/analyze';
// The page half only: importing lib/analyze's index would bundle the NLP lexicons into every article tab.
import { extractPage, type PageExtraction } from '../lib/analyze/page';
import { namesForLookUp } from '../lib/knowledge';

interface PageSession {
  undo(): void;
}

declare global {
  // A global of the content scripts' isolated world (not the page's): a second injection is a no-op, and the gate
  // script undoes the session when a single-page app navigates.
  var __backstorySession: PageSession | undefined;
}

/** A page that keeps rebuilding its article is analysed again this many times at most. */
const MAX_REANALYSES = 3;
/** Highlighting works in slices of about this long, yielding to the page between them: no long task on big pages. */
const SLICE_MS = 8;

/**
 * Names and quotes are found in the background (message passing, on the device): the lexicons load once there instead
 * of into every article tab, and the page's main thread never waits on them.
 */
function textAnalysis(page: PageExtraction): Promise<TextAnalysis> {
  if (!page.isArticle || !page.article) return Promise.resolve({ entities: [], quotes: [], nlp: page.nlp });
  return sendMessage('text/analyse', { text: page.article.text, language: page.article.lang, blockQuotes: page.blockQuotes });
}

/** Analyses the page, highlights the names, wires the cards and reports back; returns how to undo all of it. */
function analyse(onRewrite: () => void): () => void {
  const url = location.href;
  const undos: (() => void)[] = [];
  let undone = false;
  const { doc, elements } = buildPageTree(document, url);
  // Relative dates ("2 hours ago") are read against when the page loaded.
  doc.fetchedAt = performance.timeOrigin;
  const page = extractPage(doc, readGateSignals(document, url));

  const show = (result: AnalysisResult) => {
    if (undone) return;
    if (result.isArticle && page.extraction) {
      const blocks = page.extraction.blocks.map((b) => elements[b.elementIndex]).filter((el): el is Element => !!el);
      const highlights = highlightEntities(
        blocks,
        result.entities.filter((e) => e.type !== 'MISC'),
        { sliceMs: SLICE_MS, later: (next) => setTimeout(next, 0) },
      );
      // Names only: the hovered one and the article's places (for context), never the page's URL or text.
      const lookUp = (entity: Entity) =>
        sendMessage('knowledge/link', { names: namesForLookUp(entity, result.entities), date: result.article?.published ?? null });
      const cards = attachCards(document, result, lookUp);
      undos.push(
        () => cards.destroy(),
        () => highlights.undo(),
      );
      // Watching for a rebuilt article starts once our own changes are done.
      void highlights.done.then(() => {
        if (!undone) undos.push(watchForRewrite(document, highlights.marks, onRewrite));
      });
    }
    sendMessage('page/analysed', { url, result }).catch(() => {
      // The background is gone (extension reloading): the highlights still work on their own.
    });
  };

  textAnalysis(page).then(
    (text) => show({ isArticle: page.isArticle, reason: page.reason, article: page.article, ...text }),
    () => {
      // The background is gone (extension reloading): the page stays as it is.
    },
  );
  return () => {
    undone = true;
    for (const undo of undos.splice(0)) undo();
  };
}

/** Injected by the background into pages the gate passed. */
export default defineUnlistedScript(() => {
  if (globalThis.__backstorySession) return;
  let reanalyses = 0;
  let undoCurrent = () => {};
  const run = () => {
    undoCurrent = analyse(() => {
      undoCurrent();
      if (reanalyses++ < MAX_REANALYSES) run();
    });
  };
  run();
  let stopLifetime = () => {};
  const session: PageSession = {
    undo() {
      undoCurrent();
      undoCurrent = () => {};
      stopLifetime();
      globalThis.__backstorySession = undefined;
    },
  };
  globalThis.__backstorySession = session;
  // Disabling, removing or updating the extension takes the highlights and the card away with it.
  stopLifetime = whenExtensionGone(() => session.undo());
});
