import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../lib/extract';
import { dateFromUrl, parseDate } from '../../lib/extract/dates';
import { localDay, readMetadata } from '../../lib/extract/metadata';
import { chooseTitle, stripSiteName } from '../../lib/extract/title';
import { loadPage } from '../fixtures/pages';

/** The published date read from a German page with this body. */
const germanPagePublished = (body: string) =>
  readMetadata(loadPage(`<html lang="de"><body>${body}</body></html>`, 'https://news.example/story').doc).published;

describe('parseDate', () => {
  test.each([
    ['2014-11-19T17:14:00+05:00', null, '2014-11-19T17:14:00+05:00'],
    ['2014-11-19', null, '2014-11-19'],
    ['Updated 19 Nov, 2014 05:14pm', null, '2014-11-19T17:14'],
    ['Published November 19, 2014', null, '2014-11-19'],
    ['Nov. 19th, 2014 at 12:05 am', null, '2014-11-19T00:05'],
    ['09.12.2020', 'de', '2020-12-09'],
    ['Am 9. Dezember 2020', 'de', '2020-12-09'],
    ['4. Juni 2021 , Tobias Wendrich', 'de', '2021-06-04'],
    ['19 novembre 2014', 'fr', '2014-11-19'],
    ['19 de noviembre de 2014', 'es', '2014-11-19'],
    ['11/19/2014', 'en-US', '2014-11-19'],
    ['19/11/2014', 'en-GB', '2014-11-19'],
    ['2014/11/19', null, '2014-11-19'],
    ['1988', null, null],
    ['Chapter 12.5.3', null, null],
    ['32.13.2020', 'de', null],
    ['2021-08-3T12:00:00.000Z', null, '2021-08-03T12:00:00.000Z'],
    ['2021-10-12 03:00:00 ', null, '2021-10-12T03:00:00'],
    ['23 сентября 2017, 09:27', 'ru', '2017-09-23T09:27'],
    ['12 листопада 2021', 'uk', '2021-11-12'],
    ['3 października 2019', 'pl', '2019-10-03'],
    ['1. listopadu 2021', 'cs', '2021-11-01'],
  ])('%s (%s) → %s', (text, lang, expected) => {
    expect(parseDate(text, lang)).toBe(expected);
  });
});

test.each([
  ['https://news.example/2014/11/19/haqqani-threat', '2014-11-19'],
  ['https://news.example/world/20141119/story.html', '2014-11-19'],
  ['https://news.example/news/1145345/haqqani', null],
])('dateFromUrl(%s) = %s', (url, expected) => {
  expect(dateFromUrl(url)).toBe(expected);
});

describe('dates on a page', () => {
  const published = (html: string, url = 'https://site.example/news/1/a') => extractArticle(loadPage(html, url).doc).article.published;

  test("the article's date wins over a print-edition date in the site header", () => {
    const html = `<html><body><header><span class="date">Today's Paper | November 22, 2024</span></header>
      <article><h1>A headline for the test</h1><p class="story__time">Updated 19 Nov, 2014 05:14pm</p><p>Body text.</p></article></body></html>`;
    expect(published(html)).toBe('2014-11-19T17:14');
  });

  test('a labelled published date beats an updated one', () => {
    const html =
      '<html><body><article><h1>Headline words here</h1><p>Updated March 3, 2021</p><p>Published March 1, 2021</p></article></body></html>';
    expect(published(html)).toBe('2021-03-01');
  });

  test('the URL date is the last resort', () => {
    expect(published('<html><body><p>No dates at all.</p></body></html>', 'https://site.example/2019/05/06/story')).toBe('2019-05-06');
  });
});

describe('stripSiteName', () => {
  test.each([
    ['Headline words here - DAWN.COM', 'DAWN.COM', 'Headline words here'],
    ['Dawn | Headline words here', 'Dawn', 'Headline words here'],
    ['Rhabarber-Tarte mit Baiserhaube Rezept | KOCHFREUDE', null, 'Rhabarber-Tarte mit Baiserhaube Rezept'],
    ['Bahncard oder Auto – was kommt günstiger?', null, 'Bahncard oder Auto – was kommt günstiger?'],
    ['No separators in this one', 'Site', 'No separators in this one'],
    ['Der Sommer kann kommen… | Lesesaal 3.0 und mehr', null, 'Der Sommer kann kommen…'],
    ['Blog Archive - Caching of Short Strings in Lua', null, 'Caching of Short Strings in Lua'],
    ['Probierpaket bestellen: kostenlos probieren │ Crème Basar', 'Crème Basar', 'Probierpaket bestellen: kostenlos probieren'],
    ['Weekly Edition for October 14 [Hill News]', 'Hill News', 'Weekly Edition for October 14'],
    ['Chapter 1 - Kings [Archive of Tales]', 'Archive of Tales', 'Chapter 1 - Kings'],
    ['The [Redacted] Files [Redacted]', 'Hill News', 'The [Redacted] Files [Redacted]'],
    ['山区连续一周降雨，多条道路中断！-山城网', null, '山区连续一周降雨，多条道路中断！'],
    ['山区连续一周降雨 多条道路中断_社会_山城网', null, '山区连续一周降雨 多条道路中断'],
    ['北京-上海高铁', null, '北京-上海高铁'],
    ['2020年-2021年经济展望', null, '2020年-2021年经济展望'],
  ])('%s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

test.each([
  ['Was ist ein Compiler - Kodwerk Community Forum', 'kodwerk', 'Was ist ein Compiler'],
  ['Harriet Quellmann’s Digital Home | Gitlet’s Road to Plugin Hooks', 'harrietquellmann', 'Gitlet’s Road to Plugin Hooks'],
  ['Kodwerk users gather in Berlin for the first time - Report', 'kodwerk', 'Kodwerk users gather in Berlin for the first time - Report'],
])('with no site name declared, the part named after the address goes: %s', (title, hostLabel, expected) => {
  expect(stripSiteName(title, null, true, hostLabel)).toBe(expected);
});

test.each([
  ['Tesla unveils a new car | Tesla', 'tesla', 'Tesla unveils a new car'],
  ['Tesla | Tesla unveils a new car', 'tesla', 'Tesla unveils a new car'],
])('of two parts that open with the address’s name, the shorter is the site’s: %s', (title, hostLabel, expected) => {
  expect(stripSiteName(title, null, true, hostLabel)).toBe(expected);
});

describe('a site’s banner in the <h1> is not the headline', () => {
  const choose = (c: Partial<Parameters<typeof chooseTitle>[0]>) =>
    chooseTitle({ headline: null, ogTitle: null, h1s: [], titleTag: null, siteName: null, ...c });

  test('the blog’s name in the <h1>, the post’s title beside it in the <title>', () => {
    expect(choose({ h1s: ['TamboBlog'], titleTag: 'Was ist Guerilla-Werbung? | TamboBlog', hostLabel: 'tambo' })).toBe('Was ist Guerilla-Werbung?');
    expect(choose({ h1s: ['Kniffwerk.de'], titleTag: 'Kniffwerk.de » Blog Archiv » Hörbücher in Jellyfin einbinden', hostLabel: 'kniffwerk' })).toBe(
      'Hörbücher in Jellyfin einbinden',
    );
  });

  test('the post’s og:title picks the second <h1> over the blog’s name in the first', () => {
    expect(
      choose({
        h1s: ['VIMLAND The Whole Editing Workbench', 'Macro-Writing In Vim Using autocmd'],
        titleTag: 'VIMLAND The Whole Editing Workbench: Macro-Writing In Vim Using Autocmd',
        ogTitle: 'Macro-Writing In Vim Using Autocmd',
      }),
    ).toBe('Macro-Writing In Vim Using autocmd');
  });

  test('an old site name in the <h1> goes when the metadata gives the headline without it', () => {
    expect(
      choose({
        h1s: ['Was wir über Nachbarn nie sagen würden | KLAPPTEXT.NET'],
        ogTitle: 'Was wir über Nachbarn nie sagen würden',
        siteName: 'ZEILENWERK.IO',
      }),
    ).toBe('Was wir über Nachbarn nie sagen würden');
  });

  test('a declared site name that is the whole title says nothing', () => {
    const title = 'Pokal-Vorschau: Beim TV Kerbach hofft man auf eine volle Halle - Handball Alpen';
    expect(
      choose({
        h1s: ['Pokal-Vorschau: Beim TV Kerbach hofft man auf eine volle Halle'],
        ogTitle: title,
        titleTag: title,
        siteName: title,
        hostLabel: 'handball',
      }),
    ).toBe('Pokal-Vorschau: Beim TV Kerbach hofft man auf eine volle Halle');
  });
});

describe('the visible headline', () => {
  const choose = (c: Partial<Parameters<typeof chooseTitle>[0]>) =>
    chooseTitle({ headline: null, ogTitle: null, h1s: [], titleTag: null, siteName: null, ...c });

  test('an <h1> on the same subject wins over a social title worded for sharing', () => {
    expect(choose({ h1s: ['Dienstwagen: Kaufen oder mieten?'], ogTitle: 'Dienstwagen: Kauf oder Miete? Was sich rechnet' })).toBe(
      'Dienstwagen: Kaufen oder mieten?',
    );
  });

  test('a short <h1> agrees with a social title that inflects its words', () => {
    expect(choose({ h1s: ['Nachhaltig leben'], ogTitle: 'Nachhaltiger leben', titleTag: 'Nachhaltiger leben im Alltag | Umweltbund' })).toBe(
      'Nachhaltig leben',
    );
    // Words that only open alike are not one word inflected.
    expect(choose({ h1s: ['Bauen lernen'], ogTitle: 'Bauernhof lernen' })).toBe('Bauernhof lernen');
  });

  test('but not an <h1> on something else, nor one of a series of headings on a listing page', () => {
    expect(choose({ h1s: ['Newsletter abonnieren'], ogTitle: 'Dienstwagen: Kauf oder Miete?' })).toBe('Dienstwagen: Kauf oder Miete?');
    expect(choose({ h1s: ['Mieder – Europa', 'Mieder – Übersee'], ogTitle: 'Mieder – Läden, Marken, online kaufen' })).toBe(
      'Mieder – Läden, Marken, online kaufen',
    );
  });

  test('an <h1> with the date line glued on ends where the metadata’s headline does', () => {
    expect(choose({ h1s: ['Fans kehren in die Hallen zurück 02.02.2022 • Verband, Presse'], ogTitle: 'Fans kehren in die Hallen zurück' })).toBe(
      'Fans kehren in die Hallen zurück',
    );
  });

  test('with no headline in an <h1>, the <h2> that covers the metadata title', () => {
    expect(choose({ h2s: ['Recent posts', 'Der alte Leuchtturm'], ogTitle: 'Der alte Leuchtturm (2021/5)' })).toBe('Der alte Leuchtturm');
    expect(choose({ h2s: ['Bürgermeister nennt Plan "mutig"'], ogTitle: 'Bürgermeister nennt Plan ' })).toBe('Bürgermeister nennt Plan "mutig"');
    // The first of two that cover it: the comments' heading quotes the headline too.
    const title = 'How to Root a Fig Cutting | Step-by-Step Guide';
    expect(choose({ h2s: [title, `12 thoughts on “${title}”`], ogTitle: title, siteName: 'Garden Notes' })).toBe(title);
  });

  test('an <h2> that is only a part of the metadata title is a section’s', () => {
    expect(choose({ h2s: ['Open Data Project:'], ogTitle: 'The Open Data Project: Better Public Records' })).toBe(
      'The Open Data Project: Better Public Records',
    );
  });

  test('an <h1> that is a later part of the <title> is the site’s banner', () => {
    expect(choose({ h1s: ['Brot Rezepte'], h2s: ['Brot Grundrezept'], titleTag: 'Brot Grundrezept : Brot Rezepte' })).toBe('Brot Grundrezept');
    expect(
      choose({ h1s: ['Hafenblog-Archiv'], titleTag: 'Das kleinste Museum der Stadt : Hafenblog-Archiv | Notizen seit 2007 | 4. Jahrgang' }),
    ).toBe('Das kleinste Museum der Stadt');
  });
});

test.each([
  [
    'a forum thread’s prefix label',
    '<h1><a href="/t/1"><span class="label label--blue">Patch Notes</span> Patch 4.47 - Bugfix Build</a></h1>',
    'Patch 4.47 - Bugfix Build',
  ],
  [
    'a smaller sub-heading set first',
    '<h1 class="entry-title"><span class=\'sub-heading\'>Energiewende am See:</span><br> Klimavorreiter am See?</h1>',
    'Klimavorreiter am See?',
  ],
  [
    'a topic styled as a smaller heading',
    '<h1><span class="fake-h5">Mieten</span><span class="invisible">: </span><span class="headline">Land deckelt Nebenkosten</span></h1>',
    'Land deckelt Nebenkosten',
  ],
  [
    'an overline named with the site’s own prefix',
    '<h1><span class="articleoverline">Das Finale am Sonntag</span> <span class="articleheadline">Zweimal im Powerplay: Gastgeber gewinnen</span></h1>',
    'Zweimal im Powerplay: Gastgeber gewinnen',
  ],
  [
    'a permalink sign after the heading',
    '<h1><a href="#id4">Layered Build Caches</a><a class="headerlink" href="#layered-build-caches">¶</a></h1>',
    'Layered Build Caches',
  ],
])('a kicker in the <h1>: %s', (_, h1, expected) => {
  const html = `<html><head><title>x</title></head><body>${h1}<p>Text.</p></body></html>`;
  expect(readMetadata(loadPage(html, 'https://news.example/story').doc).title).toBe(expected);
});

describe('an <h1> that is all one link to the front page or a section above is the site’s banner', () => {
  const titleOf = (h1: string, url: string) =>
    readMetadata(
      loadPage(
        `<html><head><title>Rain in the Hills Blog: A week of rain in the hills</title><meta property="og:title" content="A week of rain in the hills"></head><body>${h1}<h3>A week of rain in the hills</h3><p>Text.</p></body></html>`,
        url,
      ).doc,
    ).title;
  test.each([
    ['<h1 class="title"><a href="http://hills.example/">Rain in the Hills Blog</a></h1>', 'http://hills.example/2018/06/rain.html'],
    ['<h1><a href="/"><span>Rain in the Hills Blog</span> <sup>beta</sup></a></h1>', 'https://hills.example/works/1/chapters/2'],
    ['<h1><a href="index.html">Rain in the Hills Blog</a></h1>', 'https://docs.example/guide/rain.html'],
  ])('%s', (h1, url) => {
    expect(titleOf(h1, url)).toBe('A week of rain in the hills');
  });

  test('a heading that links to the page itself, or to another site, is the headline', () => {
    const page = 'https://hills.example/2018/06/rain/';
    expect(titleOf('<h1><a href="/2018/06/rain/">A week of rain</a></h1>', page)).toBe('A week of rain');
    expect(titleOf('<h1><a href="https://other.example/">A week of rain</a></h1>', page)).toBe('A week of rain');
  });
});

test('a kicker marked as such inside the <h1> is no part of the headline', () => {
  const html = `<html><head><meta property="og:title" content="Verkehr: Warten, bis der Zug kommt"></head><body>
    <h1><span class="article-heading__kicker">Verkehr</span><span class="visually-hidden">: </span><span class="article-heading__title">Warten, bis der Zug kommt</span></h1>
    <p>Text.</p></body></html>`;
  expect(readMetadata(loadPage(html, 'https://news.example/story').doc).title).toBe('Warten, bis der Zug kommt');
});

describe('chooseTitle leaves no separator dangling', () => {
  const only = (titleTag: string, siteName: string | null = null) => chooseTitle({ headline: null, ogTitle: null, h1s: [], titleTag, siteName });
  test.each([
    ['Kanupolo bei den Spielen 2032 dabei -', 'Kanupolo bei den Spielen 2032 dabei'],
    [': Stadtumbau und bezahlbares Wohnen', 'Stadtumbau und bezahlbares Wohnen'],
    ['Headline words here |', 'Headline words here'],
    ['»Die Gebühr wird als Service verkauft«', '»Die Gebühr wird als Service verkauft«'],
    ['« Les fermetures de gares sont une erreur d’aménagement »', '« Les fermetures de gares sont une erreur d’aménagement »'],
    ['Covid-19: what we know', 'Covid-19: what we know'],
  ])('%s', (titleTag, expected) => {
    expect(only(titleTag)).toBe(expected);
  });
});

test('an <h1> that copies the <title> loses the site name, but keeps a label that may be the headline’s', () => {
  const title = (h1: string) =>
    chooseTitle({
      headline: null,
      ogTitle: 'Bauordnung: Holzbau und Lehm sind förderfähig',
      h1s: [h1],
      titleTag: null,
      siteName: 'Baubundesamt',
    });
  expect(title('Bauordnung: Holzbau und Lehm sind förderfähig | Baubundesamt')).toBe('Bauordnung: Holzbau und Lehm sind förderfähig');
  expect(title('Holzbau | Holzbau und Lehm sind förderfähig')).toBe('Holzbau | Holzbau und Lehm sind förderfähig');
});

test('markup in a metadata title is dropped, so the visible headline still agrees with it', () => {
  const title = chooseTitle({
    headline: 'Reporter <script>window.__xss=1</script> questions officials',
    ogTitle: null,
    h1s: ['Reporter questions officials'],
    titleTag: null,
    siteName: null,
  });
  expect(title).toBe('Reporter questions officials');
});

test('a short <h1> that is the blog’s or section’s name is not the headline', () => {
  const title = (h1: string, ogTitle: string, titleTag: string) => chooseTitle({ headline: null, ogTitle, h1s: [h1], titleTag, siteName: null });
  const post = 'Open synthesis flow for tiny mixed-signal programmable arrays';
  expect(title('Gates Unlatched', post, `Gates Unlatched: ${post}`)).toBe(post);
  expect(title('Bridge closes', 'Bridge closes', 'Bridge closes | The Daily Example')).toBe('Bridge closes');
  // Set after the title's colon, a short heading is the headline.
  expect(
    title(
      'Holmqvist vertröstet Brandtner',
      'Werft und Reederei: Holmqvist vertröstet Brandtner',
      'Werft und Reederei: Holmqvist vertröstet Brandtner',
    ),
  ).toBe('Holmqvist vertröstet Brandtner');
});

test('a short <h1> sharing no word with a long <title> names the section, not the story', () => {
  const title = (h1: string, titleTag: string) => chooseTitle({ headline: null, ogTitle: null, h1s: [h1], titleTag, siteName: 'MedPage' });
  expect(title('Parenting Health Corner', 'Toddlers Who Nap Late May Sleep Less at Night - MedPage')).toBe(
    'Toddlers Who Nap Late May Sleep Less at Night',
  );
  // A compound counts as a shared word.
  expect(title('Vereinsgeschichte', 'Geschichte - Turnverein Eichenau am Lech')).toBe('Vereinsgeschichte');
});

describe('a kicker before the headline in the <h1> is left out', () => {
  test.each([
    ['Wohnungsmarkt Baufirma Quellbach in Not', 'Baufirma Quellbach in Not | Handelsblatt', 'Baufirma Quellbach in Not'],
    ['Energie: Graben, bis es warm wird', 'Graben, bis es warm wird', 'Graben, bis es warm wird'],
    [
      'Local News | Brothel busted in Boston after long probe',
      'Brothel busted in Boston after long probe',
      'Brothel busted in Boston after long probe',
    ],
    ['Covid-19: what we know so far', 'Covid-19: what we know so far', 'Covid-19: what we know so far'],
    [
      'Seven words of a sentence before the colon: the council voted to close the old bridge for repairs after engineers found cracks',
      'the council voted to close the old bridge for repairs after engineers found cracks',
      'Seven words of a sentence before the colon: the council voted to close the old bridge for repairs after engineers found cracks',
    ],
  ])('%s', (h1, ogTitle, expected) => {
    expect(chooseTitle({ headline: null, ogTitle, h1s: [h1], titleTag: null, siteName: 'Handelsblatt' })).toBe(expected);
  });
});

describe('localDay: a UTC stamp near midnight yields to the day the page prints', () => {
  test.each([
    ['2021-02-14T23:00:00.000Z', ['2021-02-15'], '2021-02-15'],
    ['2022-06-23T05:12:41Z', ['2022-06-22'], '2022-06-22'],
    ['2020-03-18T23:41:07', [null, '2020-03-19'], '2020-03-19'],
    ['2014-11-19T05:14:00+05:00', ['2014-11-18'], '2014-11-19T05:14:00+05:00'],
    ['2019-05-08T21:27:36Z', ['2019-05-06'], '2019-05-08T21:27:36Z'],
    ['2019-05-08T21:27:36Z', ['2019-05-08'], '2019-05-08T21:27:36Z'],
    ['2019-05-08', ['2019-05-09'], '2019-05-08'],
    [null, ['2019-05-09'], null],
  ])('%s with %j → %s', (stamp, hints, expected) => {
    expect(localDay(stamp, hints)).toBe(expected);
  });

  test("a date line under the headline that agrees with the stamp settles it against a related story's date", () => {
    expect(localDay('2022-01-18T12:00:00+00:00', ['2022-01-17'], '2022-01-18')).toBe('2022-01-18T12:00:00+00:00');
    expect(localDay('2018-04-21T03:00:00.000Z', [null, '2018-04-20'], '2018-04-21T05:00')).toBe('2018-04-21T03:00:00.000Z');
  });
});

describe('a date the page shows beats metadata whose day the page never shows', () => {
  const withMeta = (meta: string, body: string) =>
    readMetadata(loadPage(`<html lang="de"><head>${meta}</head><body>${body}</body></html>`, 'https://news.example/story').doc).published;
  const created = '<meta property="article:published_time" content="2020-10-27T15:42:18+00:00">';
  const story = (line: string) =>
    `<article><h1>Haben Fische Schmerzen?</h1><p>${line}</p><p>Ob Fische Schmerzen empfinden, ist umstritten.</p></article>`;

  test.each([
    ['a later date under the headline (a CMS draft stamp in the metadata)', created, story('09.12.2020'), '2020-12-09'],
    [
      'the metadata day shown anywhere keeps the metadata',
      created,
      `${story('09.12.2020')}<aside><p>27.10.2020</p></aside>`,
      '2020-10-27T15:42:18+00:00',
    ],
    ['an earlier shown date is not the story going out', created, story('09.09.2020'), '2020-10-27T15:42:18+00:00'],
    [
      'a shown date that is the modified day is an update',
      `${created}<meta property="article:modified_time" content="2020-12-09T08:00:00+01:00">`,
      story('09.12.2020'),
      '2020-10-27T15:42:18+00:00',
    ],
    [
      'one day later, from a stamp near midnight UTC, is the same instant',
      '<meta property="article:published_time" content="2017-09-04T23:00:00.000Z">',
      story('05.09.2017'),
      '2017-09-04T23:00:00.000Z',
    ],
    [
      'one day later from a stamp at midday is another day',
      '<meta property="article:published_time" content="2019-12-09T12:00:49+01:00">',
      story('10.12.2019'),
      '2019-12-10',
    ],
  ])('%s', (_, meta, body, expected) => {
    expect(withMeta(meta, body)).toBe(expected);
  });
});

test.each([
  [
    'the dates of other stories in a list',
    '<h2>Ein Bericht</h2><ul class="menu"><li><span>12.03.2020</span></li></ul><p>Text ohne Datum, aber lang genug.</p>',
    null,
  ],
  [
    'the dates of teaser <article>s beside the one holding the headline',
    '<main><article><h1>Gelassen durch den Winter</h1><p>Text der Geschichte, lang genug für einen Absatz.</p></article><section><article><h2><a href="/b">Andere Geschichte</a></h2><footer><span class="teaser-date">03. August 2019</span></footer></article><article><h2><a href="/c">Noch eine</a></h2><footer><span class="teaser-date">21. Juli 2019</span></footer></article></section></main>',
    null,
  ],
  [
    'a bold date inside running prose after the date line',
    '<div><h1>Das Brettspiel bekommt eine Erweiterung</h1><p class="info">14.03.2018 16:05 Uhr</p><p><strong>Am 2. April 2018</strong> erscheint die Sammlerausgabe des Spiels.</p></div>',
    '2018-03-14T16:05',
  ],
])('not the article’s date: %s', (_, body, expected) => {
  expect(germanPagePublished(body)).toBe(expected);
});

test('a wiki page dated only by its last edit takes that date', () => {
  const body =
    '<div id="content"><h1>Spieleabend</h1><p>Das nächste Treffen ist im Gemeindehaus.</p></div><div id="footer"><ul><li id="footer-info-lastmod"> Diese Seite wurde zuletzt am 17. Mai 2019 um 08:41 Uhr geändert.</li></ul></div>';
  const meta = readMetadata(loadPage(`<html lang="de"><body>${body}</body></html>`, 'https://wiki.example/Spieleabend').doc);
  expect(meta.updated).toBe('2019-05-17T08:41');
  expect(meta.published).toBe('2019-05-17T08:41');
});

test('JSON-LD with raw tabs and line breaks inside strings (invalid JSON, common on sites) is still read', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline\twith a tab","description":"two
lines","datePublished":"2023-03-07T10:52:00+01:00"}</script></head><body><h1>A headline</h1></body></html>`;
  const { doc } = loadPage(html, 'https://news.example/story');
  expect(readMetadata(doc).published).toBe('2023-03-07T10:52:00+01:00');
});

test.each([
  [
    'an element holding only a date',
    '<article><h1>Bericht zur Wasserqualität</h1><p>Einleitung ohne Datum, aber mit etwas Text.</p><h3>17.02.2023</h3><p>Text.</p></article>',
    '2023-02-17',
  ],
  [
    'a date and time in an <em>',
    '<article><h1>Mitteilung des Sportvereins</h1><p><em> 05.06.2024 09:20 </em></p><p>Text.</p></article>',
    '2024-06-05T09:20',
  ],
  [
    'a dateline opening a paragraph',
    '<article><h1>Hafenfest</h1><p>Von Greta Vollmer</p><p>8.7.2022 - Beim Hafenfest wird oft übersehen, wer die Bühnen aufbaut.</p></article>',
    '2022-07-08',
  ],
  [
    'a dateline opening a long paragraph',
    `<article><h1>Hafenfest</h1><p>8.7.2022 - Beim Hafenfest ${'wird oft übersehen, wer die Bühnen aufbaut. '.repeat(5)}</p></article>`,
    '2022-07-08',
  ],
  [
    'a date in parentheses opening a paragraph',
    '<article><h1>Wassergebühren</h1><p>(12. Mai 2022) Mieter bekommen eine neue Abrechnung nach der anderen.</p></article>',
    '2022-05-12',
  ],
  [
    'a date with a month name, and a bar after it',
    '<article><h1>Mitteilung</h1><p class="category">3. April 2021 |</p><p>Text.</p></article>',
    '2021-04-03',
  ],
  [
    'a date and its section label above the headline',
    '<article><p class="category"> 3. April 2021 | <a href="/presse">Mitteilungen</a></p><h1>Künstlerin gestaltet Plakat</h1><p>Text.</p></article>',
    '2021-04-03',
  ],
])('a visible date with no label: %s', (_, body, expected) => {
  const { doc } = loadPage(`<html lang="de"><body><header>Seite</header>${body}</body></html>`, 'https://news.example/story');
  expect(readMetadata(doc).published).toBe(expected);
});

test.each([
  [
    'a date under the headline of a page without <article>',
    '<div class="col"><h1>Mitteilung des Sportvereins</h1><div><em>05.06.2024 09:20</em></div><p>Text.</p></div>',
    '2024-06-05T09:20',
  ],
  [
    'a date line set just above the headline',
    '<ul class="menu"><li>11.09.2020</li></ul><div class="main"><span>19. Jan. 2023</span><h1>Neue Radwege für die Innenstadt</h1><p>Text.</p></div>',
    '2023-01-19',
  ],
  [
    'a date on a page with no <h1>, outside any list',
    '<ul class="menu"><li>11.09.2020</li></ul><div class="main"><h3>17.02.2023</h3><p>Der Jahresbericht ist erschienen.</p></div>',
    '2023-02-17',
  ],
])('a bare date beyond <article>: %s', (_, body, expected) => {
  expect(germanPagePublished(body)).toBe(expected);
});

test.each([
  ['wrapped in CDATA', '<![CDATA[{"@type":"Article","datePublished":"2003-04-15T06:27:51Z"}]]>', '2003-04-15T06:27:51Z'],
  ['wrapped in commented CDATA', '//<![CDATA[\n{"@type":"Article","datePublished":"2003-04-15T06:27:51Z"}\n//]]>', '2003-04-15T06:27:51Z'],
  [
    'on the WebPage node of a Yoast @graph',
    '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"CC"},{"@type":"WebPage","datePublished":"2015-09-22T04:18:09+00:00"}]}',
    '2015-09-22T04:18:09+00:00',
  ],
])('JSON-LD dates %s are read', (_, json, expected) => {
  const { doc } = loadPage(
    `<html><head><script type="application/ld+json">${json}</script></head><body><h1>A headline</h1></body></html>`,
    'https://news.example/story',
  );
  expect(readMetadata(doc).published).toBe(expected);
});

describe('dates from 1800 on, in six languages and more', () => {
  test.each([
    ['July 20, 1969', 'en', '1969-07-20'],
    ['20. Juli 1969', 'de', '1969-07-20'],
    ['1er mars 1871', 'fr', '1871-03-01'],
    ['15 dicembre 1890', 'it', '1890-12-15'],
    ['5 de março de 1889', 'pt', '1889-03-05'],
    ['3 de noviembre del 2019', 'es', '2019-11-03'],
    ['5th of March, 2020', 'en', '2020-03-05'],
    ['14 févr. 2023', 'fr', '2023-02-14'],
    ['12 gen 2021', 'it', '2021-01-12'],
    ['7 set. 2020', 'pt', '2020-09-07'],
    ['1799-12-31', null, null],
    ['1850-06-01T12:00:00Z', null, '1850-06-01T12:00:00Z'],
    ['2021-07-14T09:31:45:207Z', null, '2021-07-14T09:31:45Z'],
  ])('%s (%s) → %s', (text, lang, expected) => {
    expect(parseDate(text, lang)).toBe(expected);
  });

  test('a two-digit year is of this century unless that puts it after the fetch', () => {
    const fetched = Date.parse('2024-05-10T12:00:00Z');
    expect(parseDate('09.12.20', 'de', fetched)).toBe('2020-12-09');
    expect(parseDate('01.02.98', 'de', fetched)).toBe('1998-02-01');
  });

  test('an old article keeps its date, and the URL gives one from before 1990', () => {
    expect(dateFromUrl('https://archive.example/1969/07/21/men-walk-on-the-moon')).toBe('1969-07-21');
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"1969-07-21"}</script></head><body><article><h1>Men walk on the Moon</h1><p>Two men walked on the Moon.</p></article></body></html>`;
    expect(extractArticle(loadPage(html, 'https://archive.example/moon').doc).article.published).toBe('1969-07-21');
  });
});

describe('relative dates, read against the fetch time', () => {
  const fetched = Date.parse('2024-05-10T12:00:00Z');
  test.each([
    ['2 hours ago', '2024-05-10T10:00Z'],
    ['an hour ago', '2024-05-10T11:00Z'],
    ['Updated 5 minutes ago', '2024-05-10T11:55Z'],
    ['yesterday at 5:30 pm', '2024-05-09T17:30'],
    ['3 days ago', '2024-05-07'],
    ['vor 3 Stunden', '2024-05-10T09:00Z'],
    ['vor einem Tag', '2024-05-09'],
    ['gestern, 17:30 Uhr', '2024-05-09T17:30'],
    ['il y a 2 jours', '2024-05-08'],
    ['il y a 3 mois', '2024-02-10'],
    ['hace 5 minutos', '2024-05-10T11:55Z'],
    ['hace un año', '2023-05-10'],
    ['há 3 dias', '2024-05-07'],
    ['3 dias atrás', '2024-05-07'],
    ['3 ore fa', '2024-05-10T09:00Z'],
    ['ieri', '2024-05-09'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text, null, fetched)).toBe(expected);
  });

  test('without a fetch time, and inside running prose, they are no dates', () => {
    expect(parseDate('2 hours ago', null)).toBeNull();
    expect(parseDate('The minister said two days ago that the talks would go on until the end of the month.', 'en', fetched)).toBeNull();
  });

  test('on a page: the date by the byline, against the fetch time', () => {
    const { doc } = loadPage(
      '<html lang="de"><body><article><h1>Neue Radwege für die Altstadt</h1><div class="meta"><span class="autor">Von Anna Schmidt</span> <span>vor 3 Stunden</span></div><p>Der Stadtrat hat neue Radwege beschlossen.</p></article></body></html>',
      'https://lokal.example/region/radwege',
    );
    doc.fetchedAt = fetched;
    const article = extractArticle(doc).article;
    expect(article.published).toBe('2024-05-10T09:00Z');
    expect(article.dateShown).toBe('2024-05-10T09:00Z');
    expect(article.publishedFrom).toBe('page');
  });
});

describe('published, updated and shown dates, in their order of precedence', () => {
  const article = (head: string, body: string, url = 'https://news.example/story') =>
    extractArticle(loadPage(`<html><head>${head}</head><body>${body}</body></html>`, url).doc).article;
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

  test('the metadata’s publication date first, with the date shown by the byline beside it', () => {
    const a = article(
      ld('{"@type":"NewsArticle","datePublished":"2024-03-01T08:00:00Z","dateModified":"2024-03-02T10:00:00Z"}'),
      '<article><h1>A headline for the story</h1><p class="byline">By Jane Roe</p><p>March 2, 2024</p><p>Text.</p></article>',
    );
    expect(a.published).toBe('2024-03-01T08:00:00Z');
    expect(a.updated).toBe('2024-03-02T10:00:00Z');
    expect(a.dateShown).toBe('2024-03-02');
    expect(a.publishedFrom).toBe('metadata');
  });

  test('then a date the page shows, then the address; an update date only when nothing else says', () => {
    expect(article('', '<article><h1>A headline for the story</h1><p>Published March 1, 2024</p><p>Text.</p></article>').publishedFrom).toBe('page');
    const dated = article(
      '',
      '<article><h1>A headline for the story</h1><p>Updated March 3, 2024</p><p>Text.</p></article>',
      'https://news.example/2024/02/28/story',
    );
    expect(dated.published).toBe('2024-02-28');
    expect(dated.publishedFrom).toBe('address');
    expect(dated.updated).toBe('2024-03-03');
  });

  test('a live blog that gives only the start of its coverage', () => {
    const a = article(ld('{"@type":"LiveBlogPosting","coverageStartTime":"2024-02-08T08:00:00Z"}'), '<h1>Storm latest</h1><p>Text.</p>');
    expect(a.published).toBe('2024-02-08T08:00:00Z');
  });

  test('a date more than a day after the fetch is not the story’s', () => {
    const { doc } = loadPage(
      `<html><head>${ld('{"@type":"NewsArticle","datePublished":"2031-01-01"}')}</head><body><h1>A headline</h1><p>Text.</p></body></html>`,
      'https://news.example/2024/05/01/story',
    );
    doc.fetchedAt = Date.parse('2024-05-10T12:00:00Z');
    expect(extractArticle(doc).article.published).toBe('2024-05-01');
  });
});
