/**
 * Runs in the page's own world, where it outlives the extension. Firefox unloads content scripts without a last word
 * when the extension is disabled, removed or updated, but it drops the extension's stylesheet too: each highlight then
 * changes a style it had only from that sheet, and the transition it carries on its own element (set by the highlighter)
 * reports the change. That is the signal to put the text back as it was and take any card away.
 */
export const MARK_TAG = 'backstory-mark';
export const CARD_TAG = 'backstory-card';
/**
 * The extension's elements carry a per-install suffix (adapters/element-names.ts), so no page can define, style or
 * forge them in advance: `backstory-mark-k3x…`. The base names serve tests and the CLI's bench.
 */
export const isOurs = (localName: string, base: string) => localName === base || localName.startsWith(`${base}-`);
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

/** Unwraps every highlight and removes every card of the given names. */
export function removeLeftovers(doc: Document, markTag = MARK_TAG, cardTag = CARD_TAG): void {
  unwrapMarks(Array.from(doc.getElementsByTagName(markTag)));
  for (const card of Array.from(doc.getElementsByTagName(cardTag))) card.remove();
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
    if (!target || !isOurs(target.localName, MARK_TAG) || (event as TransitionEvent).propertyName !== WATCHED_PROPERTY) return;
    if (view.getComputedStyle(target).getPropertyValue(LIVE_PROPERTY).trim()) return;
    doc.removeEventListener('transitionrun', onTransition, true);
    watched[WATCHING] = false;
    // The card's name carries the same suffix as the highlight's.
    removeLeftovers(doc, target.localName, CARD_TAG + target.localName.slice(MARK_TAG.length));
  };
  doc.addEventListener('transitionrun', onTransition, true);
}
