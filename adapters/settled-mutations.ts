/**
 * Calls `onSettled` each time the page's body has changed and then stayed still for `debounceMs`, so watchers look at
 * a page once it has finished a burst of changes. Returns how to stop; a document without a window or body gives a no-op.
 */
export function whenMutationsSettle(document: Document, debounceMs: number, onSettled: () => void): () => void {
  const view = document.defaultView;
  if (!view || !document.body) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new view.MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(onSettled, debounceMs);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
