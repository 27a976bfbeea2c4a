import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { readSettings, writeSettings } from '../../adapters/settings';
import { Options } from '../../components/Options';
import '../../components/options.css';
import { DEFAULT_WIKIMEDIA } from '../../lib/knowledge';
import type { Settings } from '../../lib/messaging';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    readSettings().then(setSettings, () => setSettings(DEFAULT_WIKIMEDIA));
  }, []);
  if (!settings) return null;
  return (
    <Options
      settings={settings}
      defaults={DEFAULT_WIKIMEDIA}
      saved={saved}
      onSave={(next) => {
        setSaved(false);
        writeSettings(next).then(() => setSaved(true));
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
