/** The bench's timers and its printed rows, shared by its parts. */
export const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

const now = () => performance.now();
export function time(fn: () => void): number {
  const t = now();
  fn();
  return now() - t;
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? 0;
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), total: s.reduce((a, b) => a + b, 0) };
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
export const row = (name: string, samples: number[], extra = '') => {
  const { median, p10, p90 } = stats(samples);
  console.log(`  ${name.padEnd(44)} median ${fmt(median).padStart(10)}   p10–p90 ${fmt(p10)} – ${fmt(p90)}${extra ? `   ${extra}` : ''}`);
  return median;
};

export const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
