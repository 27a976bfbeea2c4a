import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useAccessMode } from '../../adapters/use-access-mode';
import { Welcome } from '../../components/Welcome';
import '../../components/welcome.css';
import { t, uiLocale } from '../../components/i18n';

function App() {
  const { mode, declined, choose } = useAccessMode();
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then((commands) => setShortcut(commands.find((c) => c.name === 'toggle-highlights')?.shortcut || null));
  }, []);
  return (
    <Welcome
      mode={mode}
      declined={declined}
      onChoose={choose}
      shortcut={shortcut}
      iconUrl="/icon/96.png"
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
    />
  );
}

document.documentElement.lang = uiLocale();
document.title = t('welcomeTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
