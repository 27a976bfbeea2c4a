// The dev set of tests/fixtures/linking, end to end: the CLI as `backstory analyze FILE --link --json --wikimedia-base
// URL` on each article, against the local stand-in for Wikidata and Wikipedia, scored as `npm run eval:link` scores it.
// The floors sit a little under the measured figures (README), so a change that makes linking worse fails here.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { nerModelPath } from '../../cli/ner-model';
import { buildCli } from '../../scripts/build-cli.mjs';
import { evaluateLinking, type LinkingEvaluation } from '../../scripts/eval-link.mjs';

describe('linking the dev set through the CLI', () => {
  let result: LinkingEvaluation;
  beforeAll(async () => {
    // A copy of the CLI built elsewhere finds the repository's name model through the variable the CLI reads.
    process.env.BACKSTORY_NER_MODEL ??= nerModelPath();
    const cli = join(mkdtempSync(join(tmpdir(), 'backstory-link-')), 'cli.mjs');
    await buildCli(cli);
    result = await evaluateLinking({ cli, build: false });
  }, 240_000);

  test('accuracy, precision of links, no-match correctness and offices at the date, on all articles and on the test half', () => {
    const { all, test: held } = result.figures;
    expect(all.accuracy).toBeGreaterThanOrEqual(0.86);
    expect(all.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.noMatch).toBeGreaterThanOrEqual(0.9);
    expect(all.office).toBeGreaterThanOrEqual(0.93);
    expect(held.accuracy).toBeGreaterThanOrEqual(0.82);
    expect(held.precision).toBeGreaterThanOrEqual(0.95);
  });

  test('odd shapes in the answers (no candidates, a missing item, no P31, an office without dates, no page) are handled', () => {
    expect(result.figures.robustness.cases.filter((c) => !c.ok)).toEqual([]);
  });

  test('requests stay lean: at most two per looked-up name on average', () => {
    expect(result.figures.all.requestsPerName).toBeLessThanOrEqual(2);
  });
});
