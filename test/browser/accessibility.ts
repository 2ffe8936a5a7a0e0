import axe from 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** One broken axe rule, with the elements that break it. */
export interface Violation {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** The impacts that fail a test; minor and moderate ones are left to review. */
const BLOCKING = new Set(['serious', 'critical']);

const RUN_OPTIONS: RunOptions = { resultTypes: ['violations'] };

/**
 * Runs axe-core in the page as it stands and returns its serious and critical violations. The
 * script goes in through the DevTools protocol, which a page's content security policy does not
 * govern, so a page that allows no scripts of ours is checked unchanged.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (options) => {
    const { axe } = globalThis as unknown as { axe: { run(o: RunOptions): Promise<AxeResults> } };
    const results = await axe.run(options);
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, RUN_OPTIONS);

  return violations.filter((v) => BLOCKING.has(v.impact));
}

/** Violations as a reader wants them in a failed test: rule, impact, help, then each element. */
export function describeViolations(violations: readonly Violation[]): string {
  const lines = violations.flatMap((v) => [
    `${v.rule} (${v.impact}): ${v.help} <${v.helpUrl}>`,
    ...v.nodes.map((n) => `  ${n.target}: ${n.summary.replace(/\s+/g, ' ')}`),
  ]);
  return ['axe-core found serious or critical violations:', ...lines].join('\n');
}
