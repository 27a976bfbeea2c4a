import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cleanUpWhenOrphaned } from '../adapters/orphan-cleanup';

// Injected into the page's main world next to the analyser (see adapters/orphan-cleanup.ts); no extension API here.
export default defineUnlistedScript(() => cleanUpWhenOrphaned(document));
