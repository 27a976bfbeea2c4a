// The command line on a huge page: wall time and peak memory of `backstory analyze FILE` in a fresh process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliRun {
  megabytes: number;
  seconds: number;
  peakMb: number;
  /** the first lines printed (what the CLI says about the parts it left out) */
  head: string;
}

/** Runs the built CLI on `html` written to a file; the peak is the process's maximum resident set size. */
export function benchCliOnPage(html: string): CliRun | null {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-bench-'));
  try {
    const file = join(dir, 'huge.html');
    writeFileSync(file, html);
    const peak = join(dir, 'peak.mjs');
    writeFileSync(peak, "process.on('exit', () => process.stderr.write('peak ' + process.resourceUsage().maxRSS + '\\n'));");
    const t = performance.now();
    const run = spawnSync(process.execPath, ['--import', peak, join(process.cwd(), 'dist/cli.mjs'), 'analyze', file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - t) / 1000;
    const kb = Number(/peak (\d+)/.exec(run.stderr)?.[1]);
    if (run.status !== 0 || !kb) return null;
    return { megabytes: html.length / 1048576, seconds, peakMb: kb / 1024, head: run.stdout.split('\n').slice(0, 2).join(' / ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
