import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { latestResult, runCli, scratchDir, verdictOf } from '../support/run-cli.ts';

const ANSWERS = [
  'supplier: Example Telecom Ltd',
  'answers:',
  '  - requirement: AGG-02',
  '    statement: Texts go through a Tier 1 aggregator with direct network connections.',
  '    evidence: Example Telecom network statement 2026',
  '    accepted: { by: A. Reviewer, on: 2026-11-20 }',
  '  - requirement: ENC-02',
  '    statement: Numbers and bodies are encrypted at rest.',
  '    evidence: Example Telecom security statement v3',
  '    accepted: { by: A. Reviewer, on: 2026-11-20 }',
  '  - requirement: FOV-02',
  '    statement: Support answers within one hour, day and night.',
  '    evidence: Example Telecom support terms',
].join('\n');

async function configWith(answers: string): Promise<string> {
  const folder = await scratchDir();
  await writeFile(join(folder, 'answers.yaml'), answers);
  const config = join(folder, 'assure.yaml');
  await writeFile(
    config,
    [
      'targets:',
      '  - name: sim',
      '    dialect: notify',
      '    simulator: {}',
      `    attestations: ${join(folder, 'answers.yaml')}`,
    ].join('\n'),
  );
  return config;
}

test('accepted attestations give verdicts no check could, and the reports say so', async () => {
  const config = await configWith(ANSWERS);

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
  const config = await configWith(ANSWERS.replace('FOV-02', 'RCPT-01'));

  const run = await runCli(['run', '--config', config, '--out', '$OUT', '--suite', 'smoke']);

  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/answers\.yaml/);
  expect(run.stderr).toMatch(/answers\.2\.requirement \(line 11\): RCPT-01 can only be tested/);
});
