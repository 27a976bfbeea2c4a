/**
 * Invented articles for the earlier-coverage tests, written for this repository: three earlier stories that share
 * people and organisations with the demo article (Dawn, 19 Nov 2014) and one that shares only a country.
 */
export interface EarlierArticle {
  path: string;
  title: string;
  published: string;
  paragraphs: string[];
}

export const EARLIER_ARTICLES: EarlierArticle[] = [
  {
    path: '/2014/11/05/us-presses-pakistan-on-haqqani-network',
    title: 'US presses Pakistan to act against the Haqqani network',
    published: '2014-11-05T09:00:00+05:00',
    paragraphs: [
      'WASHINGTON: The United States on Tuesday urged Pakistan to move against the Haqqani network, a day after a series of attacks in eastern Afghanistan.',
      '“We continue to raise the Haqqani network at every level with our Pakistani partners,” Jeff Rathke, a spokesman for the State Department, told reporters at the daily briefing.',
      'Rathke said the administration wanted to see steps that were lasting rather than symbolic, and declined to say whether aid would be tied to them.',
      'Officials in Islamabad said the military operation in the tribal areas was aimed at every armed group without exception, and that the Haqqani network had lost its bases there.',
      'Analysts in Washington said the question would come up again when senior Pakistani officials visit later this month.',
    ],
  },
  {
    path: '/2014/11/12/army-chief-raheel-sharif-to-visit-washington',
    title: 'Army chief Raheel Sharif to visit Washington next week',
    published: '2014-11-12T10:30:00+05:00',
    paragraphs: [
      'RAWALPINDI: Chief of Army Staff General Raheel Sharif will travel to the United States next week for talks with senior military and civilian leaders, the military said on Wednesday.',
      'General Raheel is expected to brief his hosts on the operation in North Waziristan and on security along the border with Afghanistan.',
      'It will be his first visit to Washington since he took command of the army a year ago, and officials said it would last about two weeks.',
      'A spokesman said the army chief would also meet members of Congress and visit several military installations during the trip.',
      'Diplomats in Islamabad said the visit was a sign that relations between the two militaries had improved after a difficult period, though differences over the Haqqani network remained.',
      'The military did not say whether General Raheel Sharif would meet the president during his stay.',
    ],
  },
  {
    path: '/2014/11/17/sartaj-aziz-interview-draws-criticism',
    title: 'Sartaj Aziz interview draws criticism in Washington',
    published: '2014-11-17T18:00:00+05:00',
    paragraphs: [
      'ISLAMABAD: Remarks by National Security Advisor Sartaj Aziz in an interview with BBCUrdu drew criticism from commentators in the United States on Monday.',
      'Aziz had said that Pakistan should not take on militant groups that did not threaten the state, according to the broadcaster.',
      'The Foreign Office said the advisor had been speaking about the past and that the Haqqani network was among the groups targeted by the current operation.',
      'Sartaj Aziz is expected to clarify his remarks in parliament later this week.',
      'Opposition members said they would ask the government to explain its policy on militant groups in full, and called for a debate in the Senate.',
      'Officials close to the advisor said his words had been taken out of context and that the interview had covered events of several years ago.',
    ],
  },
];

/** Shares only a country with the demo article: not earlier coverage of the same people. */
export const UNRELATED_ARTICLE: EarlierArticle = {
  path: '/2014/11/14/karachi-port-traffic-rises',
  title: 'Karachi port traffic rises for a third month',
  published: '2014-11-14T08:00:00+05:00',
  paragraphs: [
    'KARACHI: Cargo handled at Karachi port rose for a third month in a row in October, the port authority said on Friday.',
    'Container traffic grew by nine per cent compared with the same month last year, helped by higher imports of machinery.',
    'Port officials said new berths due to open next year would let Pakistan handle larger ships without delays.',
    'Shipping agents welcomed the figures but warned that congestion on the roads leading to the port remained a problem.',
    'Exporters of textiles and rice said faster handling had cut their costs, and asked for longer opening hours at the customs offices.',
    'The authority expects traffic to keep growing through the winter as demand for imported fuel rises.',
  ],
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The article as a news site would serve it: JSON-LD, Open Graph, a headline, a byline and paragraphs. */
export function articleHtml(a: EarlierArticle): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.published,
    publisher: { '@type': 'Organization', name: 'Example Times' },
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | Example Times</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="${a.published}">
<script type="application/ld+json">${jsonLd}</script></head>
<body><header><a href="/">Example Times</a></header>
<main><article><h1>${escapeHtml(a.title)}</h1><p class="byline">By a staff reporter</p>
${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><footer>© Example Times</footer></body></html>`;
}

export const ARTICLE_ROUTES = Object.fromEntries(
  [...EARLIER_ARTICLES, UNRELATED_ARTICLE].map((a) => [a.path, { body: articleHtml(a), type: 'text/html; charset=utf-8' }]),
);
