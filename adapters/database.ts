import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { t } from '../components/i18n';

export const DB_NAME = 'backstory';
/** Raise it with a new step in MIGRATIONS; a browser holding an older database upgrades it step by step on open. */
export const DB_VERSION = 3;

type Migration = (db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void;

/** Schema steps, by the version they lead to. A step never drops data an earlier version stored. */
export const MIGRATIONS: Record<number, Migration> = {
  // v1: Wikimedia answers by request URL ({ value, storedAt }).
  1: (db) => {
    db.createObjectStore('answers');
  },
  // v2: the reading history, one record per canonical URL, oldest first by readAt for pruning.
  2: (db) => {
    const history = db.createObjectStore('history', { keyPath: 'url' });
    history.createIndex('readAt', 'readAt');
  },
  // v3: the analyses of open tabs, by a key their session-storage entry holds (see adapters/tab-state.ts).
  3: (db) => {
    db.createObjectStore('tabResults');
  },
};

/** The database was upgraded by a newer Backstory (one that was installed, then replaced by this older one). */
export class DatabaseTooNewError extends Error {
  constructor() {
    super(t('historyTooNew'));
    this.name = 'DatabaseTooNewError';
  }
}

const tooNew = (error: unknown) => error instanceof Error && error.name === 'VersionError';

let opened: Promise<IDBPDatabase> | null = null;

/** Opens (and upgrades) Backstory's database; `version` is for tests that build an older one. */
export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase> {
  // An older version cannot open what a newer one upgraded: that is said, not taken for a passing failure.
  return openDB(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion + 1; v <= version; v++) MIGRATIONS[v]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // A newer version (an update) wants to upgrade: let it, and reopen on the next use.
      (event.target as IDBDatabase).close();
      opened = null;
    },
  }).catch((error: unknown) => {
    throw tooNew(error) ? new DatabaseTooNewError() : error;
  });
}

/** The shared connection of this extension context. */
export function database(): Promise<IDBPDatabase> {
  opened ??= openDatabase().catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}
