import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { attestedConfig, EXAMPLE_ANSWERS } from '../support/attested-config.ts';
import { latestResult, runCli, verdictOf } from '../support/run-cli.ts';

async function configWith(answers: string): Promise<string> {
  return (await attestedConfig(answers)).config;
}

test('accepted attestations give verdicts no check could, and the reports say so', async () => {
  const config = await configWith(EXAMPLE_ANSWERS);

  const run = await runCli(['run', '--config', config, '--out', '$OUT', '--suite', 'smoke']);
  const result = await latestResult(run.outDir);
  const html = await readFile(join(run.outDir, 'latest', 'report.html'), 'utf8');

  expect(run.code, run.stderr).toBe(0);
  expect(verdictOf(result, 'sim', 'AGG-02')).toBe('pass');
  expect(verdictOf(result, 'sim', 'ENC-02')).toBe('partial');
  expect(verdictOf(result, 'sim', 'FOV-02')).toBe('not-evidenced');
  expect(html).toContain('Attested: Texts go through a Tier 1 aggregator');
  expect(html).toContain('Attested, not accepted: Support answers within one hour');
}, 60_000);

test('an answer to a requirement that can only be tested exits 3 with its line', async () => {
  const config = await configWith(EXAMPLE_ANSWERS.replace('FOV-02', 'RCPT-01'));

  const run = await runCli(['run', '--config', config, '--out', '$OUT', '--suite', 'smoke']);

  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/answers\.yaml/);
  expect(run.stderr).toMatch(/answers\.2\.requirement \(line 11\): RCPT-01 can only be tested/);
});
