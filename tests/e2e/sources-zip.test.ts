// The sources zip AMO asks for (`npm run zip`): what a reviewer needs to rebuild the extension, and no build output.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/** The names of the files in a zip archive, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the sources zip for AMO', () => {
  const OUT = '.output';
  let names: string[] = [];

  beforeAll(() => {
    // A production build, as `npm run zip` makes it: vitest's NODE_ENV=test would otherwise leave Preact's development
    // code in the rebuilt .output/firefox-mv3, which the size tests read after this one.
    const run = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    expect(run.status, run.stderr || run.stdout).toBe(0);
    const sources = readdirSync(OUT).find((f) => f.endsWith('-sources.zip'));
    if (!sources) throw new Error('wxt zip wrote no sources zip');
    names = zipEntries(readFileSync(join(OUT, sources)));
  }, 120_000);

  afterAll(() => {
    for (const f of readdirSync(OUT).filter((f) => f.endsWith('.zip'))) rmSync(join(OUT, f));
  });

  test('holds what the build needs', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'entrypoints/background.ts',
      'lib/entities/model/ner-en.bin',
      'README.md',
    ])
      expect(names).toContain(file);
  });

  test('holds no build output, dependencies or local files', () => {
    const unwanted = names.filter((n) => /^(dist|\.output|\.wxt|node_modules|web-ext-artifacts)\/|\.log$|(^|\/)\./.test(n));
    expect(unwanted).toEqual([]);
  });
});
