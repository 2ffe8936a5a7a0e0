import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExpectationFileSchema } from '../expectations.ts';
import { loadExpectations } from './load-expectations.ts';
import { TargetConfigSchema } from './schema.ts';
import { yamlProblems } from '../../test/support/yaml-problems.ts';

function problems(text: string): string[] {
  return yamlProblems(text, 'notify.yaml', ExpectationFileSchema);
}

function simulated(name: string, expectations?: string) {
  return TargetConfigSchema.parse({
    name,
    dialect: 'notify',
    simulator: {},
    ...(expectations && { expectations }),
  });
}

test("a target's deviations come from its file, or from the command line's over it", async () => {
  const folder = await mkdtemp(join(tmpdir(), 'sms-assure-expect-'));
  const configured = join(folder, 'configured.yaml');
  const given = join(folder, 'given.yaml');
  await writeFile(configured, 'deviations:\n  - requirement: SID-01\n    reason: known\n');
  await writeFile(given, 'deviations:\n  - code: receipt_timeout\n    reason: slow supplier\n');

  const fromConfig = await loadExpectations([simulated('a', configured), simulated('b')]);
  const overridden = await loadExpectations([simulated('a', configured)], new Map([['a', given]]));

  expect(fromConfig.get('a')).toEqual({
    file: configured,
    deviations: [{ requirement: 'SID-01', reason: 'known' }],
  });
  expect(fromConfig.has('b')).toBe(false);
  expect(overridden.get('a')?.deviations).toEqual([
    { code: 'receipt_timeout', reason: 'slow supplier' },
  ]);
});

test('each problem names the field and its line', () => {
  const text = [
    'supplier: Example',
    'deviations:',
    '  - requirement: SID-01',
    '    reason: fine',
    '  - requirement: XYZ-99',
    '    reason: not in the catalogue',
    '  - reason: names nothing',
    '  - code: Not-Snake',
    '    reason: bad code',
    '  - requirement: SID-02',
    '    reason: fine',
    '    until: 2027-01-01',
  ].join('\n');

  expect(problems(text)).toEqual([
    'deviations.1.requirement (line 5): not in the requirement catalogue',
    'deviations.2 (line 7): name a requirement, a finding code, or both',
    'deviations.3.code (line 8): a finding code: snake_case',
    expect.stringMatching(/^deviations\.4 \(line 10\): .*until/),
  ]);
  expect(problems('deviations:\n  - requirement: SID-01\n')).toEqual([
    expect.stringMatching(/^deviations\.0\.reason \(line 2\)/),
  ]);
});

test('--expectations for a target the run does not have is bad configuration', async () => {
  await expect(loadExpectations([simulated('a')], new Map([['zz', 'x.yaml']]))).rejects.toThrow(
    /no target named zz/,
  );
});
