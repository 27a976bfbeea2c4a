/** What Backstory keeps on the device: the reading history's record format, its checks, export and import. */
export {
  exportHistory,
  HISTORY_FORMAT,
  HISTORY_VERSION,
  type HistoryExport,
  ImportError,
  isExcluded,
  parseHistoryExport,
  validRecord,
} from './history';
