import type { AccessMode } from '../lib/control';
import { t } from './i18n';

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
      <legend id={headingId}>{t('accessLegend')}</legend>
      {option('everywhere', t('accessEverywhere'), t('accessEverywhereNote'))}
      {option('on-click', t('accessOnClick'), t('accessOnClickNote'))}
      <p id={`${headingId}-note`} class="muted">
        {declined ? t('accessDeclined') : t('accessChangeLater')}
      </p>
    </fieldset>
  );
}
