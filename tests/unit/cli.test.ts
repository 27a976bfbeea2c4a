import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeBatchLine, parseDocument } from '../../cli/main';
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
      const { execFile } = await import('node:child_process');
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
