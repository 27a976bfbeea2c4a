import { whenMutationsSettle } from './settled-mutations';

/**
 * Some pages rebuild their article after load (hydration, a live update), which drops the highlights with the old
 * nodes. This watches the page and calls `onRewrite` once most highlights are gone from it, after the page settles.
 */
export function watchForRewrite(document: Document, marks: Element[], onRewrite: () => void, { debounceMs = 500 } = {}): () => void {
  if (!marks.length) return () => {};
  const stop = whenMutationsSettle(document, debounceMs, () => {
    const kept = marks.filter((m) => m.isConnected).length;
    if (kept < marks.length / 2) {
      stop();
      onRewrite();
    }
  });
  return stop;
}
