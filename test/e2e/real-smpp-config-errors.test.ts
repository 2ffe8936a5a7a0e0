import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../simulators/index.ts';
import { latestResult, runCli, scratchDir } from '../support/run-cli.ts';

/**
 * What a real SMPP target is missing is said before anything is sent (exit 3, naming the
 * field), and an SMSC whose certificate the harness cannot trust is a harness-side error
 * (exit 2), never a supplier failure and never a connection with verification turned off.
 */

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ smpp: { tls: true } });
});

afterAll(async () => {
  await simulator.stop();
});

async function configFile(baseUrl: string, keyType = 'live'): Promise<string> {
  const file = join(await scratchDir(), 'assure.yaml');
  const lines = [
    'suites: [send]',
    'targets:',
    '  - name: smsc',
    '    dialect: smpp',
    `    baseUrl: ${baseUrl}`,
    `    keyType: ${keyType}`,
    '    credentials: { systemId: { env: SMSC_ID }, password: { env: SMSC_PASSWORD } }',
    '    receiptDeadlineSeconds: 30',
  ];
  await writeFile(file, lines.join('\n'));
  return file;
}

function credentials(password: string) {
  return { SMSC_ID: simulator.smpp?.systemId ?? '', SMSC_PASSWORD: password };
}

const run = (config: string, env: Record<string, string>, ...flags: string[]) =>
  runCli(['run', '--quiet', '--config', config, '--out', '$OUT', ...flags], env);

test('a credential missing from the environment is named by field and variable', async () => {
  const config = await configFile(simulator.smpp?.url ?? '');
  const { code, stderr } = await run(config, credentials(''), '--allow-live');

  expect(code).toBe(3);
  expect(stderr).toContain(
    'targets.0.credentials.password: environment variable SMSC_PASSWORD is not set',
  );
});

test('an address that is not smpp(s)://host:port is named by field and line', async () => {
  const config = await configFile('smpp://127.0.0.1');
  const { code, stderr } = await run(config, credentials('x'), '--allow-live');

  expect(code).toBe(3);
  expect(stderr).toMatch(/targets\.0\.baseUrl \(line 5\): expected smpp:\/\/HOST:PORT/);
});

test('a live SMSC account needs --allow-live, as a live HTTP key does', async () => {
  const config = await configFile(simulator.smpp?.url ?? '');
  const { code, stderr } = await run(config, credentials(simulator.smpp?.password ?? ''));

  expect(code).toBe(3);
  expect(stderr).toContain('targets.0.keyType: live credentials text real people');
});

test('an smpps:// SMSC whose authority is not given is refused as a harness error', async () => {
  const config = await configFile(simulator.smpp?.url ?? '');
  const cli = await run(config, credentials(simulator.smpp?.password ?? ''), '--allow-live');
  const result = await latestResult(cli.outDir);
  // The checks SMPP cannot run at all (reading a text back, listing) end not-applicable.
  const sends = result.checks.filter((c) => c.suite === 'send' && c.outcome !== 'not-applicable');

  expect(cli.code, cli.stderr).toBe(2);
  expect(sends.length).toBeGreaterThan(0);
  for (const check of sends) {
    expect(check.outcome).toBe('error');
    expect(check.reason).toMatch(/cannot connect to smpps:.*certificate/);
    expect(check.findings).toEqual([]);
  }
});
