import type { BackgroundNote } from '../lib/knowledge';
import type { KnowledgeResponse } from '../lib/messaging';

/** What the card knows of a name's background, from "not asked yet" to a note, no match, or a failure to retry. */
export type BackgroundState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; note: BackgroundNote }
  | { status: 'no-match'; searchUrl: string }
  | { status: 'error'; message: string }
  | { status: 'offline' };

/** The state a look-up's answer puts an entity's background in. */
export function stateFromResponse(response: KnowledgeResponse, entityId: string): BackgroundState {
  if (!response.ok) return response.offline ? { status: 'offline' } : { status: 'error', message: response.error };
  const found = response.results[entityId];
  return found?.status === 'linked' ? { status: 'loaded', note: found.note } : { status: 'no-match', searchUrl: found?.searchUrl ?? '' };
}
