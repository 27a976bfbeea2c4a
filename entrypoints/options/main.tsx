import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { readControl, watchControl, writeControl } from '../../adapters/control';
import { askToTransmit } from '../../adapters/data-consent';
import { sendMessage } from '../../adapters/messaging';
import { readSettings, writeSettings } from '../../adapters/settings';
import { useAccessMode } from '../../adapters/use-access-mode';
import { exportMessage, importMessage } from '../../components/HistoryControls';
import { Options } from '../../components/Options';
import '../../components/options.css';
import { t, tn, uiLocale } from '../../components/i18n';
import { DEFAULT_CONTROL, type ReaderControl } from '../../lib/control';
import type { HistorySummary } from '../../lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

/** Saves text as a file the reader downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  // A new form when a save changed what the reader chose (a consent refused): the form shows what was saved.
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState(false);
  const [summary, setSummary] = useState<HistorySummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () =>
    sendMessage('history/summary', {})
      .then(setSummary)
      .catch((error: unknown) => setMessage(t('optHistoryUnreadable', String(error))));
  const [control, setControl] = useState<ReaderControl | null>(null);
  const { mode, declined, choose } = useAccessMode();
  useEffect(() => {
    readSettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
    void refresh();
    readControl().then(setControl, () => setControl(DEFAULT_CONTROL));
    // The popup may change the pause or a site while this page is open.
    return watchControl(setControl);
  }, []);
  if (!settings) return null;
  const history = {
    summary,
    message,
    onExport: () => {
      sendMessage('history/export', {}).then(
        ({ json, exported, skipped }) => {
          download(`backstory-history-${new Date().toISOString().slice(0, 10)}.json`, json);
          setMessage(exportMessage(exported, skipped));
        },
        (error: unknown) => setMessage(t('optExportFailed', String(error))),
      );
    },
    onImport: (json: string) => {
      sendMessage('history/import', { json }).then((outcome) => {
        setMessage(outcome.ok ? importMessage(outcome) : outcome.error);
        void refresh();
      });
    },
    onClear: () => {
      sendMessage('history/clear', {}).then(({ removed }) => {
        setMessage(tn('optDeleted', removed));
        void refresh();
      });
    },
  };
  return (
    <Options
      key={revision}
      settings={settings}
      defaults={DEFAULT_SETTINGS}
      saved={saved}
      history={history}
      control={control ?? undefined}
      access={{ mode, declined, onChoose: choose }}
      onControl={(next) => {
        setControl(next);
        void writeControl(next);
      }}
      onSave={(next) => {
        setSaved(false);
        // Searching the publisher's own site sends its domain: Firefox asks the reader's consent first (asked here,
        // from the click on Save, as it must be).
        const consent = next.news.sameSite && !settings.news.sameSite ? askToTransmit('browsingActivity') : Promise.resolve(true);
        consent.then((given) => {
          const kept = given ? next : { ...next, news: { ...next.news, sameSite: false } };
          if (!given) {
            setMessage(t('optNoConsent'));
            setRevision((r) => r + 1);
          }
          setSettings(kept);
          return writeSettings(kept).then(() => setSaved(true));
        });
      }}
    />
  );
}

document.documentElement.lang = uiLocale();
document.title = t('optTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
