import { browser } from 'wxt/browser';
import { CARD_TAG, MARK_TAG } from './orphan-cleanup';

/** The names of the extension's own elements in pages: the highlights and the card's host. */
export interface ElementNames {
  mark: string;
  card: string;
}

const KEY = 'elementSuffix';
const SUFFIX = /^[a-z][a-z0-9]{9}$/;

export const namesFor = (suffix: string): ElementNames => ({ mark: `${MARK_TAG}-${suffix}`, card: `${CARD_TAG}-${suffix}` });

/** Ten letters and digits, starting with a letter: valid in a custom element's name, and not guessable. */
export function randomSuffix(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = random(new Uint8Array(10));
  return Array.from(bytes, (b, i) => (i === 0 ? alphabet[b % 26] : alphabet[b % 36])).join('');
}

let cached: Promise<ElementNames> | null = null;

/**
 * The per-install names, made on first use. A page that defines `backstory-card` or `backstory-mark` itself (or styles
 * them) cannot reach ours: it cannot know the suffix before the extension has run on it.
 */
export function elementNames(): Promise<ElementNames> {
  cached ??= (async () => {
    const stored = (await browser.storage.local.get(KEY))[KEY];
    if (typeof stored === 'string' && SUFFIX.test(stored)) return namesFor(stored);
    const suffix = randomSuffix();
    await browser.storage.local.set({ [KEY]: suffix });
    return namesFor(suffix);
  })().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
