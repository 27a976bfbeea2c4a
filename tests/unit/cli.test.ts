import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseArgs } from '../../cli/args';
import { MAX_LINE_BYTES, readLines } from '../../cli/input';
import { analyzeBatchLine, parseDocument } from '../../cli/main';
import { forTerminal } from '../../cli/terminal';
import type { AnalysisResult } from '../../lib/analyze';
import { seedBody } from '../fixtures/seed';

describe('batch lines', () => {
  test.each([
    ['not JSON', '{oops', null, /JSON|Unexpected|Expected/],
    ['no html or text', '{"id":"a"}', 'a', /"html" or "text"/],
  ])('%s gives an error object, not a crash', (_, line, id, message) => {
    const out = analyzeBatchLine(line);
    expect(out.id).toBe(id);
    expect(String(out.error)).toMatch(message);
  });

  test('a text line gives the evaluation contract with offsets into the text', () => {
    const text = seedBody();
    const out = analyzeBatchLine(JSON.stringify({ id: 'seed', text, published: '2014-11-19' })) as unknown as AnalysisResult & { id: string };
    expect(out.id).toBe('seed');
    expect(out.isArticle).toBe(true);
    expect(out.article?.published).toBe('2014-11-19');
    expect(out.quotes).toHaveLength(7);
    for (const e of out.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('an html line is gated: a home page full of links is not an article', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/news/${i}/story-${i}">Headline number ${i} about the news today</a></li>`).join(
      '',
    );
    const out = analyzeBatchLine(JSON.stringify({ id: 'home', url: 'https://news.example/', html: `<html><body><ul>${links}</ul></body></html>` }));
    expect(out.isArticle).toBe(false);
    expect(out.entities).toEqual([]);
  });
});

describe('the backstory command', () => {
  const bin = join(process.cwd(), 'bin/backstory.mjs');
  let dir: string;
  beforeAll(() => {
    spawnSync('node', ['scripts/build-cli.mjs'], { stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
  });

  test('--batch answers every line in order and survives a bad one', () => {
    const input = [
      JSON.stringify({ id: 1, text: 'Jeff Rathke spoke in Islamabad.' }),
      'not json',
      JSON.stringify({ id: 3, text: 'Sartaj Aziz.' }),
    ].join('\n');
    const run = spawnSync('node', [bin, 'analyze', '--batch'], { input, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([1, null, 3]);
    expect(lines[1].error).toBeTruthy();
    expect(lines[0].entities.map((e: { name: string }) => e.name)).toEqual(['Jeff Rathke', 'Islamabad']);
  });

  test('--text FILE --json and the readable summary', () => {
    const file = join(dir, 'seed.txt');
    writeFileSync(file, seedBody());
    const json = spawnSync('node', [bin, 'analyze', '--text', file, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(json.stdout).quotes).toHaveLength(7);
    const summary = spawnSync('node', [bin, 'analyze', '--text', file], { encoding: 'utf8' });
    expect(summary.stdout).toContain('Jeff Rathke (also Rathke)');
    expect(summary.stdout).toContain('Quotes:');
  });

  test('--link prints background notes from the configured Wikimedia server, and only asks it for names', async () => {
    const { startFakeWikimedia } = await import('../fixtures/wikimedia/server.mjs');
    const server = await startFakeWikimedia();
    try {
      const file = join(dir, 'seed-link.txt');
      writeFileSync(file, seedBody());
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile('node', [bin, 'analyze', '--text', file, '--link', '--wikimedia-base', server.origin], (error, out) =>
          error ? reject(error) : resolve(out),
        ),
      );
      expect(stdout).toContain('Chief of Army Staff, Nov 2013 – Nov 2016');
      expect(stdout).toContain('no confident match');
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests.every((r) => r.headers['api-user-agent']?.toString().startsWith('Backstory/'))).toBe(true);
      expect(JSON.stringify(server.requests.map((r) => r.params))).not.toContain('reminded');
    } finally {
      await server.close();
    }
  });

  test('a missing file is a clear error with a non-zero exit', () => {
    const run = spawnSync('node', [bin, 'analyze', join(dir, 'nope.html')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot read');
  });
});

test.each([
  [
    'a stray <meta> before <html>',
    '\t<meta property="og:type" content="article"><html><head><title>T</title></head><body><p>Body words.</p></body></html>',
  ],
  ['a PHP warning first', '<br />\n<b>Warning</b>: mysql failed<html><body><p>Body words.</p></body></html>'],
  ['<head> without <html>', '<!DOCTYPE html><head><title>T</title></head><body><p>Body words.</p></body>'],
])('a page that opens with %s is parsed as a browser would, with html, head and body', (_, html) => {
  const document = parseDocument(html);
  expect(document.documentElement.tagName).toBe('HTML');
  expect(document.body?.textContent).toContain('Body words.');
});

describe('strict flags, with clear errors', () => {
  test.each([
    [
      ['analyze', 'page.html'],
      { kind: 'file', file: 'page.html', text: false, url: null, json: false, link: false, wikimediaBase: null, published: null, fetched: null },
    ],
    [
      ['analyze', '--wikimedia-base', 'http://127.0.0.1:9', 'page.html', '--link'],
      {
        kind: 'file',
        file: 'page.html',
        text: false,
        url: null,
        json: false,
        link: true,
        wikimediaBase: 'http://127.0.0.1:9',
        published: null,
        fetched: null,
      },
    ],
    [
      ['analyze', '--link', '--wikimedia-base=http://127.0.0.1:9', '--json', 'page.html'],
      {
        kind: 'file',
        file: 'page.html',
        text: false,
        url: null,
        json: true,
        link: true,
        wikimediaBase: 'http://127.0.0.1:9',
        published: null,
        fetched: null,
      },
    ],
    [
      ['analyze', '--text', 'a.txt'],
      { kind: 'file', file: 'a.txt', text: true, url: null, json: false, link: false, wikimediaBase: null, published: null, fetched: null },
    ],
    [
      ['analyze', '--', '--odd-name.html'],
      {
        kind: 'file',
        file: '--odd-name.html',
        text: false,
        url: null,
        json: false,
        link: false,
        wikimediaBase: null,
        published: null,
        fetched: null,
      },
    ],
    [
      ['analyze', '--text', 'a.txt', '--published', '1969-07-21'],
      { kind: 'file', file: 'a.txt', text: true, url: null, json: false, link: false, wikimediaBase: null, published: '1969-07-21', fetched: null },
    ],
    [['analyze', '--batch'], { kind: 'batch' }],
    [['--help'], { kind: 'help' }],
  ])('%j parses', (argv, command) => {
    expect(parseArgs(argv)).toEqual(command);
  });

  test.each([
    [['analyze', 'page.html', '--link', '--wikimedia-base'], '--wikimedia-base needs a value (a URL)'],
    [['analyze', '--link', '--wikimedia-base', '--json', 'page.html'], '--wikimedia-base needs a value (a URL)'],
    [['analyze', 'page.html', '--link', '--wikimedia-base', 'wikidata.org'], '--wikimedia-base must be an http(s) address, not "wikidata.org"'],
    [['analyze', 'page.html', '--wikimedia-base', 'http://x.example'], '--wikimedia-base goes with --link'],
    [['analyze', 'page.html', '--url'], '--url needs a value (a URL)'],
    [['analyze', 'page.html', '--jsn'], 'unknown option --jsn'],
    [['analyze', 'a.html', 'b.html'], 'one file at a time (got 2)'],
    [['analyze'], 'no file given'],
    [['analyze', '--batch', 'page.html'], '--batch reads JSON lines from standard input and takes no file'],
    [['analyze', '--text', 'a.txt', 'b.html'], 'give either FILE.html or --text FILE.txt, not both (b.html)'],
    [['analyse', 'page.html'], 'unknown command "analyse"'],
    [['analyze', '--json=yes', 'page.html'], '--json takes no value'],
    [['analyze', 'page.html', '--published'], '--published needs a value (a date)'],
    [['analyze', 'page.html', '--fetched', 'yesterday'], '--fetched wants an ISO date or date-time, not "yesterday"'],
    [['analyze', '--text', 'a.txt', '--fetched', '2024-05-01'], '--fetched is for a saved page, not for --text'],
    [['analyze', 'page.html', '--published', 'July 1969'], '--published wants a date as YYYY, YYYY-MM or YYYY-MM-DD, not "July 1969"'],
  ])('%j is an error: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

test.each([
  ['ESC sequences', 'Title\u001b]0;pwned\u0007 end\u001b[2J', 'Title\\x1b]0;pwned\\x07 end\\x1b[2J'],
  ['a right-to-left override', 'Nice \u202eexe.txt', 'Nice \\u202eexe.txt'],
  ['isolates and marks', '\u2066a\u2069 \u200f \u061c', '\\u2066a\\u2069 \\u200f \\u061c'],
  ['C1 controls and DEL', 'a\u009bb\u007f', 'a\\x9bb\\x7f'],
  ['line breaks, tabs and ordinary text', 'Line one\n\tLine two – “quoted” ✓', 'Line one\n\tLine two – “quoted” ✓'],
])('terminal text: %s', (_, text, shown) => {
  expect(forTerminal(text)).toBe(shown);
});

describe('batch input, line by line with bounded memory', () => {
  async function* chunks(...parts: (string | Buffer)[]) {
    for (const part of parts) yield Buffer.from(part);
  }
  const all = async (input: AsyncIterable<Uint8Array>, max?: number) => {
    const out = [];
    for await (const line of readLines(input, max)) out.push(line);
    return out;
  };

  test('lines split across chunks come out whole; CRLF and a last line without a newline too', async () => {
    expect(await all(chunks('{"id":1', '}\r\n{"id":', '2}\n', '{"id":3}'))).toEqual([
      { line: '{"id":1}' },
      { line: '{"id":2}' },
      { line: '{"id":3}' },
    ]);
  });

  test('a line over the limit is skipped, not kept: its size and its head come out instead', async () => {
    const long = `{"id":"big","html":"${'x'.repeat(5000)}"}`;
    const out = await all(chunks(`{"id":1}\n${long.slice(0, 3000)}`, `${long.slice(3000)}\n{"id":3}\n`), 1000);
    expect(out[0]).toEqual({ line: '{"id":1}' });
    expect(out[1]).toMatchObject({ tooLong: long.length });
    expect((out[1] as { head: string }).head.startsWith('{"id":"big"')).toBe(true);
    expect(out[2]).toEqual({ line: '{"id":3}' });
  });
});

describe('the command on files and servers', () => {
  const bin = join(process.cwd(), 'bin/backstory.mjs');
  const paragraph =
    '<p>Jeff Rathke said in Washington that the talks with Pakistan would go on for a long while yet, officials in the region told reporters on Tuesday.</p>';
  const page = (title: string) =>
    `<html><head><meta property="og:type" content="article"><meta property="article:published_time" content="2014-11-19"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraph.repeat(12)}</article></body></html>`;
  let dir: string;
  beforeAll(() => {
    spawnSync('node', ['scripts/build-cli.mjs'], { stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'backstory-cli-files-'));
    mkdirSync(join(dir, 'saved'));
    writeFileSync(join(dir, 'saved', 'page.html'), page('Talks go on'));
    writeFileSync(join(dir, 'saved', 'hostile.html'), page('Talks \u001b]0;pwned\u0007 go on \u202eevil'));
  });

  test('a relative path is read from the working folder, and the page is analysed as the article it is', () => {
    const run = spawnSync('node', [bin, 'analyze', 'saved/page.html', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.isArticle).toBe(true);
    expect(result.reason).not.toMatch(/home page/);
    expect(result.entities.map((e: { name: string }) => e.name)).toContain('Jeff Rathke');
  });

  test('a flag without its value is an error with exit 2, and nothing is asked of any server', () => {
    const run = spawnSync('node', [bin, 'analyze', 'saved/page.html', '--link', '--wikimedia-base'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('backstory: --wikimedia-base needs a value (a URL)');
    expect(run.stdout).toBe('');
  });

  test('page text with ESC sequences and U+202E reaches the terminal escaped; --json keeps it, JSON-escaped', () => {
    const summary = spawnSync('node', [bin, 'analyze', 'saved/hostile.html'], { cwd: dir, encoding: 'utf8' });
    expect(summary.stdout).toContain('Talks \\x1b]0;pwned\\x07 go on \\u202eevil');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach the terminal
    expect(summary.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    const json = spawnSync('node', [bin, 'analyze', 'saved/hostile.html', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(json.stdout).toContain('\\u001b]0;pwned\\u0007');
    expect(JSON.parse(json.stdout).article.title).toBe('Talks \u001b]0;pwned\u0007 go on \u202eevil');
  });

  test('--link: a failing look-up is marked, the rest of the analysis and notes print, exit 3; server text is escaped', async () => {
    const { startFakeWikimedia } = await import('../fixtures/wikimedia/server.mjs');
    const wikimedia = await startFakeWikimedia();
    // In front of it: the search for Pakistan fails, and descriptions carry a terminal escape.
    const front = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.searchParams.get('search') === 'Pakistan') {
        res.writeHead(500).end();
        return;
      }
      const answer = await (await fetch(`${wikimedia.origin}${url.pathname}${url.search}`)).text();
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer.replaceAll('Pakistani general', 'Pakistani \\u001b[31mgeneral'));
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(front.address() as { port: number }).port}`;
    try {
      const file = join(dir, 'seed-link.txt');
      writeFileSync(file, seedBody());
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile('node', [bin, 'analyze', '--text', file, '--link', '--wikimedia-base', base], (_error, stdout, stderr) =>
          resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
      expect(run.code).toBe(3);
      expect(run.stdout).toContain('Quotes:');
      expect(run.stdout).toMatch(/Pakistan ×\d+\n {6}\[look-up failed: 127\.0\.0\.1:\d+ answered 500\]/);
      expect(run.stdout).toContain('Pakistani \\x1b[31mgeneral');
      expect(run.stdout).toContain('Chief of Army Staff, Nov 2013 – Nov 2016');
      expect(run.stderr).toMatch(/backstory: 1 of \d+ look-ups failed/);
    } finally {
      front.closeAllConnections();
      await new Promise((r) => front.close(r));
      await wikimedia.close();
    }
  });

  test('--batch answers each line as it comes, and skips a line over the limit with an error naming its id', async () => {
    const child = spawn('node', [bin, 'analyze', '--batch']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdin.write(`${JSON.stringify({ id: 1, text: 'Jeff Rathke spoke in Islamabad.' })}\n`);
    // The first answer comes before the input ends: lines are handled as they arrive.
    const deadline = Date.now() + 20_000;
    while (!out.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse(out.split('\n')[0] ?? '').id).toBe(1);
    child.stdin.write(`{"id":"too-big","html":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}\n`);
    child.stdin.end(`${JSON.stringify({ id: 3, text: 'Sartaj Aziz.' })}\n`);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([1, 'too-big', 3]);
    expect(lines[1].error).toMatch(/over the 24 MB a line may have: skipped/);
  }, 30_000);

  test('a page bigger than the limits is read and parsed in part, and the output says so', () => {
    const big = `<html><head><meta property="og:type" content="article"><title>Long</title></head><body><article><h1>Long</h1>${paragraph.repeat(150_000)}</article></body></html>`;
    writeFileSync(join(dir, 'big.html'), big);
    const run = spawnSync('node', [bin, 'analyze', 'big.html'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Only the first 16 MB of this 2\d MB file were read\.\nOnly the first 4\.0 MB of this page's 16 MB of HTML/);
    expect(run.stdout).toMatch(/Only the first [\d,]+ paragraphs \([\d,]+ characters\) were analysed/);
  }, 60_000);
});
