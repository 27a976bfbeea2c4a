// The README's size figures, checked against the build (sizes are deterministic; timings are `npm run bench`'s): a figure
// that went stale fails here with the figure it should be. KB are 1,024 bytes, as `npm run bench` prints them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const README = readFileSync('README.md', 'utf8');
const CHROME = '.output/chrome-mv3';
const KB = 1024;

/** The number the README gives in the first match of `pattern` (its first group), commas dropped. */
function stated(pattern: RegExp): number {
  const match = pattern.exec(README);
  if (!match?.[1]) throw new Error(`The README no longer says ${pattern}: update this test with the sentence that replaced it.`);
  return Number(match[1].replaceAll(',', ''));
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const size = (path: string) => statSync(path).size;
const deflatedSizes = new Map<string, number>();
const deflated = (path: string) => {
  const known = deflatedSizes.get(path) ?? deflateRawSync(readFileSync(path), { level: 9 }).length;
  deflatedSizes.set(path, known);
  return known;
};

/**
 * The size of the store package `wxt zip` writes for a build: every file deflated at level 9, with a zip's local and
 * central headers and its end record (within a few hundred bytes of WXT's own, which uses the same compression).
 */
function zipSize(dir: string): number {
  return (
    files(dir).reduce((sum, file) => {
      const name = Buffer.byteLength(relative(dir, file));
      return sum + deflated(file) + 30 + name + 46 + name;
    }, 0) + 22
  );
}

describe('the README’s size figures match the build', () => {
  test.each([
    [
      'the gate in the bench table',
      /Always-injected script \(`gate\.js`\), minified\s*\|\s*([\d.]+) KB/,
      () => size(`${CHROME}/content-scripts/gate.js`) / KB,
      1,
    ],
    [
      'the analyser in the bench table',
      /Analyser injected into articles \(`analyzer\.js`\)\s*\|\s*([\d.]+) KB/,
      () => size(`${CHROME}/analyzer.js`) / KB,
      1,
    ],
    ['the analyser in "How it works"', /the \*\*analyser\*\* \(about ([\d.]+) KB\)/, () => size(`${CHROME}/analyzer.js`) / KB, 0],
    [
      'the name model in the bench table (MB of 10^6 bytes, as the bench prints)',
      /Name models on disk[^|]*\|\s*English ([\d.]+) MB/,
      () => size(`${CHROME}/ner-en.bin`) / 1e6,
      2,
    ],
    [
      'the name model in "Names"',
      /writes `lib\/entities\/model\/ner-en\.bin` \(([\d.]+) MB/,
      () => size('lib/entities/model/ner-en.bin') / KB / KB,
      1,
    ],
    [
      'the model in the Chrome package, compressed',
      /the English model is ([\d.]+) MB of it, gzipped/,
      () => deflated(`${CHROME}/ner-en.bin`) / KB / KB,
      1,
    ],
  ] as const)('%s', (_, pattern, actual, decimals) => {
    expect(stated(pattern), `the README should say ${actual().toFixed(decimals)}`).toBe(Number(actual().toFixed(decimals)));
  });

  test('the Chrome store package (within 1 %: the README rounds, WXT zips with its own deflate)', () => {
    const actual = zipSize(CHROME) / KB;
    const said = stated(/Chrome ([\d,]+) KB \(the English model is/);
    expect(Math.abs(said - actual) / actual, `the README should say about ${Math.round(actual).toLocaleString('en')} KB`).toBeLessThanOrEqual(0.01);
  });
});
