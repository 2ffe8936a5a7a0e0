import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { latestResult, runCli, scratchDir, verdictOf } from '../support/run-cli.ts';

const FAKE_KEY =
  'assure_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';

test('the default run on the compliant simulator exits 0, saying where reports are', async () => {
  const run = await runCli(['run', '--out', '$OUT', '--suite', 'smoke']);

  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/pass .*TEST-01/);
  expect(run.stdout).toMatch(/report\.html/);
  expect(run.stdout).toMatch(/exit 0: nothing required failed/);
}, 60_000);

test('a malformed config exits 3 and names the field and line', async () => {
  const missing = await runCli(['run', '--config', '$OUT/absent.yaml']);
  expect(missing.code).toBe(3);
  expect(missing.stderr).toMatch(/absent\.yaml.*cannot read/s);

  const file = join(await scratchDir(), 'bad.yaml');
  await writeFile(
    file,
    'targets:\n  - name: sim\n    dialect: notify\n    simulator: {}\n    timeout: 5\n',
  );
  const again = await runCli(['run', '--config', file]);

  expect(again.code).toBe(3);
  expect(again.stderr).toMatch(/bad\.yaml/);
  expect(again.stderr).toMatch(/targets\.0 \(line 2\).*timeout/);
});

test('an unknown flag, suite or target exits 3 with a pointer to --help', async () => {
  for (const args of [['--colour'], ['--suite', 'nope'], ['--target', 'nope']]) {
    const run = await runCli(['run', ...args]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--help|choose from|configured/);
  }
});

test('an unreachable target is an error with exit 2, never a fail', async () => {
  const config = join(await scratchDir(), 'unreachable.yaml');
  await writeFile(
    config,
    [
      'targets:',
      '  - name: nowhere',
      '    dialect: notify',
      '    baseUrl: http://127.0.0.1:9',
      '    credentials: { apiKey: { env: ASSURE_E2E_KEY } }',
      '    options: { templateId: f33517ff-2a88-4f6e-b855-c550268ce08a }',
      '    pollIntervalSeconds: 0.05',
      '    receiptDeadlineSeconds: 1',
    ].join('\n'),
  );
  const unreachable = await runCli(['run', '--config', config, '--out', '$OUT'], {
    ASSURE_E2E_KEY: FAKE_KEY,
  });
  const result = await latestResult(unreachable.outDir);

  expect(unreachable.code, unreachable.stderr).toBe(2);
  expect(verdictOf(result, 'nowhere', 'RCPT-01')).toBe('error');
  expect(result.checks.some((c) => c.outcome === 'fail')).toBe(false);
  for (const requirement of ['RCPT-02', 'ERR-01', 'ERR-02', 'TEST-01']) {
    expect(verdictOf(result, 'nowhere', requirement)).toBe('error');
  }
  expect(JSON.stringify(result)).not.toContain(FAKE_KEY.slice(-36));
}, 60_000);

test('a missing credential variable is bad configuration, exit 3', async () => {
  const config = join(await scratchDir(), 'real.yaml');
  await writeFile(
    config,
    [
      'targets:',
      '  - name: sandbox',
      '    dialect: notify',
      '    baseUrl: https://api.notifications.service.gov.uk',
      '    credentials: { apiKey: { env: ASSURE_E2E_UNSET_KEY } }',
      '    options: { templateId: f33517ff-2a88-4f6e-b855-c550268ce08a }',
    ].join('\n'),
  );
  const missing = await runCli(['run', '--config', config]);

  expect(missing.code).toBe(3);
  expect(missing.stderr).toMatch(/ASSURE_E2E_UNSET_KEY is not set/);
});
