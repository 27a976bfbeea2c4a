/**
 * Runs in the page's own world, where it outlives the extension. Firefox unloads content scripts without a last word
 * when the extension is disabled, removed or updated, but it drops the extension's stylesheet too: each highlight then
 * changes a style it had only from that sheet, and the transition it carries on its own element (set by the highlighter)
 * reports the change. That is the signal to put the text back as it was and take any card away.
 */
export const MARK_TAG = 'backstory-mark';
export const CARD_TAG = 'backstory-card';
/** Set on every highlight by the extension's stylesheet only: gone from the computed style once the sheet is gone. */
export const LIVE_PROPERTY = '--backstory-live';
/** The style whose change is watched: none of the highlight's looks, and without effect on an inline element. */
export const WATCHED_PROPERTY = 'text-indent';
export const MARK_TRANSITION = `${WATCHED_PROPERTY} 1ms linear`;
const WATCHING = Symbol.for('backstory.orphan-watch');

/** Puts each highlight's text back in its place and merges the text nodes around it, as the page had them. */
export function unwrapMarks(marks: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(mark.ownerDocument.createTextNode(mark.textContent ?? ''));
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/** Unwraps every highlight and removes every card. */
export function removeLeftovers(doc: Document): void {
  unwrapMarks(Array.from(doc.getElementsByTagName(MARK_TAG)));
  for (const card of Array.from(doc.getElementsByTagName(CARD_TAG))) card.remove();
}

/** Listens (once per page) for the extension's stylesheet to leave, then cleans up and stops listening. */
export function cleanUpWhenOrphaned(doc: Document): void {
  const view = doc.defaultView;
  // A second injection (a new analysis) adds no second listener; a property on the document, not an attribute, so the
  // page's markup is not touched.
  const watched = doc as Document & { [WATCHING]?: boolean };
  if (!view || watched[WATCHING]) return;
  watched[WATCHING] = true;
  const onTransition = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.localName !== MARK_TAG || (event as TransitionEvent).propertyName !== WATCHED_PROPERTY) return;
    if (view.getComputedStyle(target).getPropertyValue(LIVE_PROPERTY).trim()) return;
    doc.removeEventListener('transitionrun', onTransition, true);
    watched[WATCHING] = false;
    removeLeftovers(doc);
  };
  doc.addEventListener('transitionrun', onTransition, true);
}
