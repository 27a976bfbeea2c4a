import type { AccessMode } from '../lib/control';

export interface AccessChoiceProps {
  /** the mode in force (null while it is being read) */
  mode: AccessMode | null;
  /** the reader picked a mode; for 'everywhere' the browser then asks them */
  onChoose: (mode: AccessMode) => void;
  /** the reader picked 'everywhere' but the browser's question was declined */
  declined?: boolean;
  /** heading level: the onboarding page's section or the settings' */
  headingId: string;
}

/** The two ways Backstory may reach pages, offered on the onboarding page and in the settings. */
export function AccessChoice({ mode, onChoose, declined, headingId }: AccessChoiceProps) {
  const option = (value: AccessMode, title: string, detail: string) => (
    <label class={`access-option${mode === value ? ' chosen' : ''}`}>
      <input type="radio" name="access" value={value} checked={mode === value} disabled={mode === null} onChange={() => onChoose(value)} />
      <span>
        <strong>{title}</strong>
        <span class="muted">{detail}</span>
      </span>
    </label>
  );
  return (
    <fieldset class="access" aria-describedby={`${headingId}-note`}>
      <legend id={headingId}>Where should Backstory work?</legend>
      {option(
        'everywhere',
        'On all news sites, automatically',
        'Your browser will ask to let Backstory read the sites you visit. It looks at each page on your device to tell a news article from the rest, and highlights names only in articles. Nothing is sent.',
      )}
      {option(
        'on-click',
        'Only when I click the button',
        'Backstory asks for no access to your sites. Nothing runs in a page until you click the Backstory button in the toolbar (or press the shortcut) on it, and then only on that page.',
      )}
      <p id={`${headingId}-note`} class="muted">
        {declined
          ? 'Your browser did not give Backstory access to all sites, so it works only when you click the button.'
          : 'You can change this at any time in the settings, or in your browser’s extension settings.'}
      </p>
    </fieldset>
  );
}
