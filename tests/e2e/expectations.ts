import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE_ROUTES } from './earlier-articles';

/** What both browsers must show on the demo article (the seed, Dawn, 19 Nov 2014). */
export const SEED_HIGHLIGHTS = [
  'Jeff Rathke',
  'Sartaj Aziz',
  'Raheel Sharif',
  'Haqqani network',
  'Pakistani Taliban',
  'North Waziristan',
  'Islamabad',
  'Pakistan',
];

export const SEED_ENTITIES = {
  PER: ['Jeff Rathke', 'Sartaj Aziz', 'Raheel Sharif'],
  ORG: ['Haqqani network', 'Pakistani Taliban', 'US State Department'],
  LOC: ['Pakistan', 'North Waziristan', 'Islamabad'],
};

export const SEED_RELATED_LINKS = [
  { label: 'Also read', text: 'Militants not dangerous to Pakistan should not be targeted, says Sartaj' },
  { label: 'More on this', text: 'Sartaj Aziz statement on militant groups taken out of context: FO' },
];

/** Text of the page furniture that must never be highlighted or analysed. */
export const BOILERPLATE = ["Today's Paper", 'Read Comments', 'IHC grants Imran bail', 'Next Story'];

/** Set by `npm run screenshots`: the tests' screenshots then replace the committed ones. */
export const WRITE_SCREENSHOTS = process.env.BACKSTORY_SCREENSHOTS === '1';

/**
 * Where a test saves a screenshot: in the repository (`dir`, docs/screenshots/ by default) only when asked
 * (WRITE_SCREENSHOTS), else in a temporary folder, so that `npm test` leaves the tree as it found it.
 */
export function screenshotPath(name: string, dir = 'docs/screenshots'): string {
  const folder = WRITE_SCREENSHOTS ? fileURLToPath(new URL(`../../${dir}/`, import.meta.url)) : join(tmpdir(), 'backstory-screenshots', dir);
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}

/** Test-only pages served beside the demo: a single-page app whose article arrives after load. */
export const LATE_ARTICLE_PATH = '/spa/2014/11/19/late-article';
const page = (name: string) => fileURLToPath(new URL(`./pages/${name}.html`, import.meta.url));

/** Host-page safety: hostile markup and styles, a page that rebuilds its article, a pushState app, a strict CSP. */
export const HOSTILE_PATH = '/2014/11/18/reporter-questions-officials';
export const REWRITE_PATH = '/2014/11/18/army-chief-in-washington';
export const SPA_NAV_PATH = '/spa-nav/2014/11/18/foreign-office-clarifies';
export const SPA_NAV_NEXT_PATH = '/spa-nav/2014/11/19/next-story';
export const STRICT_CSP_PATH = '/csp/2014/11/19/haqqani-network-strict-csp';
/** A page the gate refuses (no sign of a story, an address that names no document) with prose and names in it. */
export const NOT_NEWS_PATH = '/about';
/** A short article whose names also stand inside links: the Tab order test's fixture. */
export const LINKS_ARTICLE_PATH = '/2014/11/20/army-chief-meets-officials';
/** A made-up article whose quotes stand in <blockquote>s: one without marks, an embedded post, one with its own marks. */
export const BLOCKQUOTES_PATH = '/2021/05/04/harbour-bridge-to-close-for-repairs';
export const BLOCKQUOTE_SPEAKERS = [
  {
    speaker: 'Dana Whitfield',
    quote: 'We did not take this lightly. The cables are forty years old, and the engineers told us plainly that they would not last another winter.',
  },
  {
    speaker: 'Port Ellery Harbour Authority',
    quote: 'Extra ferries will sail every twenty minutes from Monday, from six in the morning until midnight. Tickets are free for residents.',
  },
  { speaker: 'Omar Haddad', quote: '“Six weeks without the bridge will cost us half our customers,”' },
];

/** A made-up German article (tests/fixtures/pages/german-news): German names and quotes, from the German model. */
export const GERMAN_PATH = '/lokales/neustadt/strassenbahn-linie-4-stadtrat-stimmt-zu-12345678.html';
export const GERMAN_HIGHLIGHTS = ['Karin Albrecht', 'Thomas Berger'];
export const GERMAN_SPEAKERS = [
  { speaker: 'Karin Albrecht', quote: '„Das ist ein guter Tag für alle, die täglich zwischen Nordufer und Innenstadt pendeln“' },
  { speaker: 'Thomas Berger', quote: '„Wir halten die Kostenschätzung für zu optimistisch“' },
];

/**
 * A made-up French article (tests/fixtures/pages/french-news): French names, and quotes in guillemets set off by narrow
 * no-break spaces, from the French model and its word lists (fetched with it).
 */
export const FRENCH_PATH = '/local/villeneuve/le-tramway-ira-jusquaux-rives-23456789.html';
export const FRENCH_HIGHLIGHTS = ['Hélène Garnier', 'Julien Mercier'];
export const FRENCH_SPEAKERS = [
  {
    speaker: 'Hélène Garnier',
    quote: '« C’est une bonne nouvelle pour tous ceux qui font chaque jour le trajet entre les Rives et le centre-ville »',
  },
  { speaker: 'Julien Mercier', quote: '« Nous trouvons cette estimation beaucoup trop optimiste »' },
];

export const E2E_ROUTES = {
  [GERMAN_PATH]: fileURLToPath(new URL('../fixtures/pages/german-news/source.html', import.meta.url)),
  [FRENCH_PATH]: fileURLToPath(new URL('../fixtures/pages/french-news/source.html', import.meta.url)),
  [LATE_ARTICLE_PATH]: page('late-article'),
  [HOSTILE_PATH]: page('hostile'),
  [REWRITE_PATH]: page('rewrite'),
  [SPA_NAV_PATH]: page('spa-nav'),
  [SPA_NAV_NEXT_PATH]: page('spa-nav'),
  [NOT_NEWS_PATH]: page('not-news'),
  [LINKS_ARTICLE_PATH]: page('links-article'),
  [BLOCKQUOTES_PATH]: page('blockquotes'),
  [STRICT_CSP_PATH]: {
    body: readFileSync(fileURLToPath(new URL('../../assets/demo/dawn-haqqani.html', import.meta.url))),
    type: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'none'; connect-src 'none'" },
  },
  ...ARTICLE_ROUTES,
};

/** Settings that point every outside service at the tests' local stand-ins. */
export function localSettings(wikimediaOrigin: string, newsOrigin: string) {
  return {
    wikidataBase: wikimediaOrigin,
    wikipediaBase: wikimediaOrigin,
    news: { googleNewsBase: newsOrigin, gdeltBase: newsOrigin, guardianBase: newsOrigin, nytBase: newsOrigin },
  };
}
