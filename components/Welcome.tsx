import type { AccessMode } from '../lib/control';
import { AccessChoice } from './AccessChoice';

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
        <h1>Welcome to Backstory</h1>
      </header>
      <p class="lead">
        Backstory gives you the context of the news article in front of you: who the people, organisations and places are, who said what, and what
        came before. It reads the article on your device.
      </p>

      <section class="use" aria-labelledby="use-heading">
        <h2 id="use-heading">How to use it</h2>
        <ul class="plain">
          <li>
            <strong>Names are highlighted</strong> in the article. Hover over one, move to it with the Tab key, or tap it, to see who or what it is,
            as of the article’s date.
          </li>
          <li>
            <strong>Click the Backstory button</strong> in the toolbar for the article’s date and publisher, who is in it, who said what, and earlier
            coverage of the same people.
          </li>
          <li>
            <strong>Press {shortcut ?? 'the keyboard shortcut (set one in your browser’s extension shortcuts)'}</strong> to take the highlights away,
            or to analyse a page Backstory left alone.
          </li>
          <li>
            <strong>Select a name and right-click</strong> to look it up in Backstory.
          </li>
        </ul>
      </section>

      <section class="sent" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">What stays on your device, and what is sent</h2>
        <ul class="plain">
          <li>
            <strong>Stays on your device:</strong> the analysis of every article, your reading history (used to find earlier articles on the same
            people), and your settings. Nothing is sent when a page loads.
          </li>
          <li>
            <strong>When you open a name:</strong> that name, and the article’s place names, go to Wikidata and Wikipedia for its background note.
            Never the page’s address or text.
          </li>
          <li>
            <strong>When you click “Search news”:</strong> the article’s two most central names and its date go to the news services you chose.
          </li>
        </ul>
      </section>

      <section class="choice" aria-labelledby="choice-heading">
        <h2 id="choice-heading">Your choice</h2>
        <AccessChoice mode={mode} onChoose={onChoose} declined={declined} headingId="access-heading" />
      </section>

      <p class="actions">
        <button type="button" onClick={onOpenSettings}>
          Open the settings
        </button>
        <span class="muted">The settings are also a click away in the Backstory button’s window.</span>
      </p>
    </main>
  );
}
