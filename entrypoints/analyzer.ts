import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { attachCards } from '../adapters/card-host';
import { readGateSignals } from '../adapters/gate-signals';
import { highlightEntities } from '../adapters/highlight';
import { whenExtensionGone } from '../adapters/lifetime';
import { sendMessage } from '../adapters/messaging';
import { buildPageTree } from '../adapters/page-tree';
import { watchForRewrite } from '../adapters/rewrite-watch';
import { analyzePage, type Entity, toResult } from '../lib/analyze';
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

/** Analyses the page, highlights the names, wires the cards and reports back; returns how to undo all of it. */
function analyse(onRewrite: () => void): () => void {
  const url = location.href;
  const { doc, elements } = buildPageTree(document, url);
  const analysis = analyzePage(doc, readGateSignals(document, url));
  const result = toResult(analysis);
  const undos: (() => void)[] = [];
  if (analysis.isArticle && analysis.extraction) {
    const blocks = analysis.extraction.blocks.map((b) => elements[b.elementIndex]).filter((el): el is Element => !!el);
    const highlights = highlightEntities(
      blocks,
      result.entities.filter((e) => e.type !== 'MISC'),
    );
    // Names only: the hovered one and the article's places (for context), never the page's URL or text.
    const lookUp = (entity: Entity) =>
      sendMessage('knowledge/link', { names: namesForLookUp(entity, result.entities), date: result.article?.published ?? null });
    const cards = attachCards(document, result, lookUp);
    const stopWatching = watchForRewrite(document, highlights.marks, onRewrite);
    undos.push(
      stopWatching,
      () => cards.destroy(),
      () => highlights.undo(),
    );
  }
  sendMessage('page/analysed', { url, result }).catch(() => {
    // The background is gone (extension reloading): the highlights still work on their own.
  });
  return () => {
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
