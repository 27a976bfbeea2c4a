import { readFileSync } from 'node:fs';

/** The seed's body paragraphs, reused to build articles of any length for the scaling figures. */
const SEED_PARAGRAPHS = readFileSync('assets/demo/seed.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 80);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An article page of about `words` words made of the seed's paragraphs, or of `paragraphs` short paragraphs when that is
 * given (the many-paragraphs case). Served by the browser bench at `path`.
 */
export function syntheticArticle(words: number, paragraphs = 0) {
  const body: string[] = [];
  let count = 0;
  if (paragraphs) {
    for (let i = 0; i < paragraphs; i++) {
      const text = `Jeff Rathke said in Washington on day ${i} that the talks with Pakistan would go on.`;
      body.push(text);
      count += text.split(/\s+/).length;
    }
  } else {
    for (let i = 0; count < words; i++) {
      const text = SEED_PARAGRAPHS[i % SEED_PARAGRAPHS.length] as string;
      body.push(text);
      count += text.split(/\s+/).length;
    }
  }
  const name = paragraphs ? `${paragraphs.toLocaleString('en')}-paragraph page` : `${words.toLocaleString('en')}-word article`;
  const path = `/bench/2014/11/19/${paragraphs ? `p${paragraphs}` : `w${words}`}-article`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} | Bench</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2014-11-19T05:00:00Z"></head>
<body><main><article><h1>Haqqani network as much a threat as any other terrorist group: US</h1>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article></main></body></html>`;
  return { name, path, words: count, html, body: html, url: `http://127.0.0.1${path}` };
}

/**
 * A huge article page: `paragraphs` paragraphs of about 200 characters, each a quote with its speaker and further names
 * (50,000 make about 10 MB). It tests the bounds on work, not the analysis: what must stay fast is the first highlight,
 * the background's other tabs, and the CLI's time and memory.
 */
export function hugeArticle(paragraphs: number) {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++)
    body.push(
      `“The talks will go on,” Jeff Rathke said in Washington on day ${i}, adding that Sartaj Aziz had met officials of the State Department in Islamabad before the talks with Pakistan resumed.`,
    );
  const name = `${(paragraphs / 1000).toLocaleString('en')}k-paragraph page`;
  const path = `/bench/2014/11/19/huge-${paragraphs}-article`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} | Bench</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2014-11-19T05:00:00Z"></head>
<body><main><article><h1>Haqqani network as much a threat as any other terrorist group: US</h1>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article></main></body></html>`;
  return { name, path, html, body: html, url: `http://127.0.0.1${path}` };
}
