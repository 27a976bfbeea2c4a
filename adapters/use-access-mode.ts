import { useEffect, useState } from 'preact/hooks';
import type { AccessMode } from '../lib/control';
import { accessMode, chooseAccessMode, watchAccessMode } from './host-access';

/** The access mode in force, followed as it changes (here, in the settings or the browser's own settings). */
export function useAccessMode() {
  const [mode, setMode] = useState<AccessMode | null>(null);
  const [declined, setDeclined] = useState(false);
  useEffect(() => {
    void accessMode().then(setMode);
    return watchAccessMode(setMode);
  }, []);
  // Called straight from the reader's click: the browser asks for host access only then.
  const choose = (wanted: AccessMode) => {
    void chooseAccessMode(wanted).then((now) => {
      setMode(now);
      setDeclined(wanted === 'everywhere' && now !== 'everywhere');
    });
  };
  return { mode, declined, choose };
}
