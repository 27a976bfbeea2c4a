/**
 * Some pages rebuild their article after load (hydration, a live update), which drops the highlights with the old
 * nodes. This watches the page and calls `onRewrite` once most highlights are gone from it, after the page settles.
 */
export function watchForRewrite(document: Document, marks: Element[], onRewrite: () => void, { debounceMs = 500 } = {}): () => void {
  const view = document.defaultView;
  if (!view || !document.body || !marks.length) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    const kept = marks.filter((m) => m.isConnected).length;
    if (kept < marks.length / 2) {
      stop();
      onRewrite();
    }
  };
  const observer = new view.MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(look, debounceMs);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
