import { describe, expect, test } from 'vitest';
import { validateConfig } from '../core/config/load.ts';
import { ConfigError } from '../core/errors.ts';
import { selectTargets } from './target-selectors.ts';

const CONFIG = validateConfig(
  { targets: [{ name: 'simulator', dialect: 'notify', simulator: { profile: 'compliant' } }] },
  'test config',
);

/** The problems a selection is refused with, or the targets' names when it is taken. */
function select(...selectors: string[]): string[] {
  try {
    return selectTargets(CONFIG, selectors).targets.map((t) => t.name);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `refused: ${p}`);
    throw error;
  }
}

describe('--target selectors', () => {
  test('pick configured targets and add simulated ones, in the order given', () => {
    expect(select('sim:twilio:no-receipts', 'simulator')).toEqual([
      'sim-twilio-no-receipts',
      'simulator',
    ]);
  });

  test.each([
    [['sim:notify', 'sim:notify:compliant'], '--target sim:notify:compliant: given twice'],
    [['sim:fax'], '--target sim:fax: no such dialect'],
    [['sim:notify:bogus'], "--target sim:notify:bogus: no simulator profile 'bogus'"],
    [['elsewhere'], '--target elsewhere: no such target (configured: simulator;'],
  ])('%j is refused, named by the flag', (selectors, problem) => {
    const problems = select(...selectors);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`refused: ${problem}`);
    expect(problems[0]).not.toMatch(/targets\.\d/);
  });
});
