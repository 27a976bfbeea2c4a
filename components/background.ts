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
  const found = Object.hasOwn(response.results, entityId) ? response.results[entityId] : undefined;
  if (found?.status === 'linked') return { status: 'loaded', note: found.note };
  if (found?.status === 'failed') return { status: 'error', message: found.message };
  return { status: 'no-match', searchUrl: found?.searchUrl ?? '' };
}
