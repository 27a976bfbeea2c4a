// The interface in the reader's language: the popup, the card and the onboarding page in German, French, Spanish and
// Portuguese, with dates, numbers and plural forms as each writes them (the browser's i18n played by the locale files).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { failureMessage, isUnreachable, UnreachableError } from '../../adapters/http';
import { EntityCard } from '../../components/EntityCard';
import { Popup } from '../../components/Popup';
import { Welcome } from '../../components/Welcome';
import type { AnalysisResult, Entity } from '../../lib/analyze';
import { ServerAskedToWait } from '../../lib/knowledge';
import { readLocales, substitute } from '../../scripts/locales.mjs';

const locales = readLocales();
const g = globalThis as { chrome?: { i18n?: unknown } };
const english = g.chrome?.i18n;

/** The browser's i18n as it is for a reader whose browser speaks `uiLanguage`. */
function speak(language: string, uiLanguage: string) {
  const strings = locales[language] as Record<string, string>;
  g.chrome = {
    ...g.chrome,
    i18n: {
      getMessage: (key: string, subs: string | string[] = []) => (key in strings ? substitute(strings[key] as string, [subs].flat()) : ''),
      getUILanguage: () => uiLanguage,
    },
  };
}

const person = (id: string, name: string, count: number): Entity => ({
  id,
  name,
  type: 'PER',
  mentions: Array.from({ length: count }, (_, i) => ({ start: i * 40, end: i * 40 + name.length, text: name })),
  variants: [name],
  titles: [],
});

const RESULT: AnalysisResult = {
  isArticle: true,
  nlp: { language: 'en', supported: true, notice: null },
  reason: 'news article',
  article: {
    title: 'US concerned over Pakistan’s military operation',
    byline: 'Anwar Iqbal',
    siteName: 'Dawn',
    published: '2014-11-19T12:14:00Z',
    updated: null,
    canonicalUrl: 'https://www.dawn.com/news/1',
    publisherUrl: 'https://www.dawn.com',
    lang: 'en',
    text: '…',
    relatedLinks: [],
    limited: { paragraphs: 2000, chars: 200_000, totalParagraphs: 2500, totalChars: 250_000 },
  },
  entities: [person('e1', 'Jeff Rathke', 3), person('e2', 'Sartaj Aziz', 1)],
  quotes: [],
};

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  g.chrome = { ...g.chrome, i18n: english };
});

const popup = () => {
  render(
    <Popup
      state={{ url: 'https://www.dawn.com/news/1', isArticle: true, reason: '', result: RESULT, analysedAt: 1 }}
      loading={false}
      now={new Date('2026-11-28T12:00:00Z')}
    />,
    container,
  );
  return container;
};

describe('the interface in the reader’s language', () => {
  test.each([
    ['de', 'de-DE', 'Wer vorkommt', '19. Nov. 2014', '12 Jahre alt', '2.000'],
    ['fr', 'fr-FR', 'Qui y figure', '19 nov. 2014', 'il y a 12 ans', '2 000'],
    ['es', 'es-ES', 'Quién aparece', '19 nov 2014', 'hace 12 años', '2000'],
    ['pt', 'pt-BR', 'Quem aparece', '19 de nov. de 2014', 'há 12 anos', '2.000'],
    ['en', 'en-GB', 'Who is in it', '19 Nov 2014', '12 years old', '2,000'],
  ])('%s (%s): the popup’s headings, the date, the age and numbers', (language, ui, heading, date, age, thousands) => {
    speak(language, ui);
    const el = popup();
    expect(el.querySelector('.fold.central h2')?.textContent).toBe(heading);
    const meta = (el.querySelector('.meta')?.textContent ?? '').replace(/\s/g, ' ');
    expect(meta).toBe(`Dawn · ${date} · ${age}`);
    expect((el.querySelector('.notice.limited')?.textContent ?? '').replace(/\s/g, ' ')).toContain(thousands);
  });

  test('plural forms follow the language: one mention, three mentions', () => {
    speak('de', 'de-DE');
    render(<EntityCard entity={person('e1', 'Jeff Rathke', 1)} quotes={[]} onClose={() => {}} />, container);
    expect(container.querySelector('.mentions')?.textContent).toBe('1-mal in diesem Artikel erwähnt');
    speak('es', 'es-ES');
    render(<EntityCard entity={person('e1', 'Jeff Rathke', 3)} quotes={[]} onClose={() => {}} />, container);
    expect(container.querySelector('.mentions')?.textContent).toBe('Mencionado 3 veces en este artículo');
    render(<EntityCard entity={person('e1', 'Jeff Rathke', 1)} quotes={[]} onClose={() => {}} />, container);
    expect(container.querySelector('.mentions')?.textContent).toBe('Mencionado 1 vez en este artículo');
  });

  test('where the browser speaks a language Backstory does not, the strings and the dates are English together', () => {
    speak('en', 'ja-JP');
    const el = popup();
    expect(el.querySelector('.meta')?.textContent).toBe('Dawn · Nov 19, 2014 · 12 years old');
  });

  test('the language notice names the languages read, in the reader’s language', () => {
    speak('de', 'de-DE');
    render(
      <Popup
        state={{
          url: 'https://x.example/a',
          isArticle: true,
          reason: '',
          result: { ...RESULT, nlp: { language: 'it', supported: false, notice: 'Names and quotes: … only for now.' } },
          analysedAt: 1,
        }}
        loading={false}
        now={new Date('2026-11-28T12:00:00Z')}
      />,
      container,
    );
    expect(container.querySelector('.notice')?.textContent).toMatch(
      /^Namen und Zitate: vorerst nur Englisch, Deutsch, .*Portugiesisch und Russisch\.$/,
    );
  });

  test('a service’s failure reaches the reader in the reader’s language', () => {
    speak('fr', 'fr-FR');
    expect(failureMessage(new DOMException('late', 'TimeoutError'))).toBe('Le serveur n’a pas répondu à temps.');
    expect(new UnreachableError('api.example').message).toBe('api.example est injoignable');
    expect(isUnreachable(new UnreachableError('api.example').message)).toBe(true);
    expect(isUnreachable('api.example a répondu 500')).toBe(false);
    // A request refused because the server asked for a pause (Retry-After) is told in the reader's language too.
    expect(failureMessage(new ServerAskedToWait(60))).toBe('Le serveur a demandé d’attendre 60 s avant d’autres requêtes.');
  });

  test('the onboarding page in French, with the shortcut the browser has set', () => {
    speak('fr', 'fr-FR');
    render(<Welcome mode="on-click" onChoose={() => {}} shortcut="Alt+Shift+H" iconUrl="/icon/96.png" onOpenSettings={() => {}} />, container);
    expect(container.querySelector('h1')?.textContent).toBe('Bienvenue dans Backstory');
    expect(container.textContent).toContain('Appuyez sur Alt+Shift+H');
    expect(container.querySelector('legend')?.textContent).toBe('Où Backstory doit-il fonctionner ?');
  });
});
