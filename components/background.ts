import type { BackgroundNote } from '../lib/knowledge';

/** What the card knows of a name's background, from "not asked yet" to a note, no match, or a failure to retry. */
export type BackgroundState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; note: BackgroundNote }
  | { status: 'no-match'; searchUrl: string }
  | { status: 'error'; message: string }
  | { status: 'offline' };
