import { whenMutationsSettle } from './settled-mutations';

/**
 * Pages that build their article after load (single-page apps) fail the gate at first. This watches the page for a
 * while and asks again when a good deal of text has arrived; it gives up after `timeoutMs` and costs nothing after.
 */
export interface LateContentOptions {
  timeoutMs?: number;
  debounceMs?: number;
  /** how many characters of new text make a new look worthwhile */
  minGrowth?: number;
}

export function watchForLateArticle(
  document: Document,
  isArticleNow: () => boolean,
  onArticle: () => void,
  options: LateContentOptions = {},
): () => void {
  const { timeoutMs = 15_000, debounceMs = 400, minGrowth = 800 } = options;
  if (!document.defaultView || !document.body) return () => {};
  const textLength = () => document.body?.textContent?.length ?? 0;
  let lastLength = textLength();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopObserving();
    clearTimeout(deadline);
  };
  const stopObserving = whenMutationsSettle(document, debounceMs, () => {
    const length = textLength();
    if (length - lastLength < minGrowth) return;
    lastLength = length;
    if (isArticleNow()) {
      stop();
      onArticle();
    }
  });
  const deadline = setTimeout(stop, timeoutMs);
  return stop;
}
