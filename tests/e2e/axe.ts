import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's source, evaluated into a page (evaluation is not subject to the page's CSP, unlike a script tag). */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs in the page: axe on the given context (shadow-piercing selector lists), violations in a compact form. */
export async function runAxeInPage(context: unknown): Promise<AxeViolation[]> {
  const axe = (
    globalThis as unknown as {
      axe: {
        run(
          context: unknown,
          options: object,
        ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
      };
    }
  ).axe;
  const result = await axe.run(context ?? document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
}
