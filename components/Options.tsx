import { useState } from 'preact/hooks';
import type { Settings } from '../lib/messaging';

export interface OptionsProps {
  settings: Settings;
  defaults: Settings;
  onSave: (settings: Settings) => void;
  /** shown after a save */
  saved: boolean;
}

const isHttpUrl = (value: string) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value.trim());

/** Where background notes come from: Wikidata and Wikipedia by default, or a mirror the reader trusts. */
export function Options({ settings, defaults, onSave, saved }: OptionsProps) {
  const [wikidataBase, setWikidata] = useState(settings.wikidataBase);
  const [wikipediaBase, setWikipedia] = useState(settings.wikipediaBase);
  const valid = isHttpUrl(wikidataBase) && isHttpUrl(wikipediaBase);
  const submit = (event: Event) => {
    event.preventDefault();
    if (valid) onSave({ wikidataBase: wikidataBase.trim().replace(/\/+$/, ''), wikipediaBase: wikipediaBase.trim().replace(/\/+$/, '') });
  };
  return (
    <form class="options" onSubmit={submit}>
      <h1>Backstory settings</h1>
      <p class="muted">Background notes are looked up only when you hover or focus a name, and only the name is sent. These are the servers asked.</p>
      <label>
        Wikidata
        <input name="wikidataBase" type="url" value={wikidataBase} onInput={(e) => setWikidata((e.target as HTMLInputElement).value)} required />
      </label>
      <label>
        Wikipedia
        <input name="wikipediaBase" type="url" value={wikipediaBase} onInput={(e) => setWikipedia((e.target as HTMLInputElement).value)} required />
      </label>
      {!valid && <p class="problem">Both must be http(s) addresses.</p>}
      <div class="actions">
        <button type="submit" disabled={!valid}>
          Save
        </button>
        <button
          type="button"
          onClick={() => {
            setWikidata(defaults.wikidataBase);
            setWikipedia(defaults.wikipediaBase);
          }}
        >
          Use Wikimedia's own
        </button>
        {saved && <span class="saved">Saved.</span>}
      </div>
    </form>
  );
}
