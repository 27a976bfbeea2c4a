import type { AccessMode } from '../lib/control';
import { AccessChoice } from './AccessChoice';
import { t } from './i18n';

export interface WelcomeProps {
  /** the access mode in force (null while it is read) */
  mode: AccessMode | null;
  onChoose: (mode: AccessMode) => void;
  declined?: boolean;
  /** the keyboard shortcut as the browser has it set (null: none set) */
  shortcut: string | null;
  /** the extension's icon */
  iconUrl: string;
  onOpenSettings: () => void;
}

/** The page a new reader sees on install: what Backstory does, how to use it, what it keeps and sends, and the choice. */
export function Welcome({ mode, onChoose, declined, shortcut, iconUrl, onOpenSettings }: WelcomeProps) {
  return (
    <main class="welcome">
      <header>
        <img src={iconUrl} alt="" width={48} height={48} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="lead">{t('welcomeLead')}</p>

      <section class="use" aria-labelledby="use-heading">
        <h2 id="use-heading">{t('welcomeHowTo')}</h2>
        <ul class="plain">
          <li>
            <strong>{t('welcomeNamesStrong')}</strong> {t('welcomeNames')}
          </li>
          <li>
            <strong>{t('welcomeButtonStrong')}</strong> {t('welcomeButton')}
          </li>
          <li>
            <strong>{t('welcomeShortcutStrong', shortcut ?? t('welcomeNoShortcut'))}</strong> {t('welcomeShortcut')}
          </li>
          <li>
            <strong>{t('welcomeMenuStrong')}</strong> {t('welcomeMenu')}
          </li>
        </ul>
      </section>

      <section class="sent" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('welcomePrivacy')}</h2>
        <ul class="plain">
          <li>
            <strong>{t('welcomeStaysStrong')}</strong> {t('welcomeStays')}
          </li>
          <li>
            <strong>{t('welcomeNameStrong')}</strong> {t('welcomeName')}
          </li>
          <li>
            <strong>{t('welcomeSearchStrong')}</strong> {t('welcomeSearch')}
          </li>
        </ul>
      </section>

      <section class="choice" aria-labelledby="choice-heading">
        <h2 id="choice-heading">{t('welcomeChoice')}</h2>
        <AccessChoice mode={mode} onChoose={onChoose} declined={declined} headingId="access-heading" />
      </section>

      <p class="actions">
        <button type="button" onClick={onOpenSettings}>
          {t('welcomeOpenSettings')}
        </button>
        <span class="muted">{t('welcomeSettingsNote')}</span>
      </p>
    </main>
  );
}
