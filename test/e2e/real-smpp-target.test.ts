import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import { startSimulator, type StartedSimulator } from '../../simulators/index.ts';
import { latestResult, runCli, scratchDir, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * SMSCs configured as real targets: the test starts each simulator with its SMSC itself, and
 * the CLI, given only addresses and credentials from the environment, binds to them as it
 * would to a supplier's SMSC. One binds in plain SMPP as a transceiver; one over TLS, trusting
 * the authority named in the config, as a transmitter and receiver pair with a system_type;
 * one breaks a requirement, so that a real target is seen to fail it too.
 */

const SUITES = ['send', 'receipts', 'delivery-errors', 'transport'];
const simulators: StartedSimulator[] = [];
let run: CliRun;
let result: RunResult;

async function smsc(profile: 'compliant' | 'permanent-as-temporary' | 'tls-weak', tls = false) {
  const simulator = await startSimulator({ profile, smpp: { tls } });
  simulators.push(simulator);
  const smpp = simulator.smpp;
  if (!smpp) throw new Error('the simulator started no SMSC');
  return { simulator, smpp };
}

function target(name: string, url: string, env: string, extra: readonly string[] = []) {
  return [
    `  - name: ${name}`,
    '    dialect: smpp',
    `    baseUrl: ${url}`,
    '    keyType: live',
    `    credentials: { systemId: { env: ${env}_ID }, password: { env: ${env}_PASSWORD } }`,
    '    options: { from: ExampleCncl }',
    '    receiptDeadlineSeconds: 60',
    '    pollIntervalSeconds: 0.2',
    ...extra,
  ];
}

beforeAll(async () => {
  const plain = await smsc('compliant');
  const secure = await smsc('compliant', true);
  const faulty = await smsc('permanent-as-temporary');
  const weak = await smsc('tls-weak', true);
  const dir = await scratchDir();
  const caFile = join(dir, 'smsc-ca.pem');
  // Both TLS SMSCs hold certificates from the one authority the simulators of a process share.
  await writeFile(caFile, secure.smpp.ca ?? '');

  const config = join(dir, 'assure.yaml');
  await writeFile(
    config,
    [
      `suites: [${SUITES.join(', ')}]`,
      'targets:',
      ...target('smsc', plain.smpp.url, 'PLAIN'),
      ...target('smsc-tls', secure.smpp.url, 'SECURE', [
        '    smpp: { systemType: VMA, bindMode: transmitter-receiver }',
        `    tls: { ca: ${JSON.stringify(caFile)} }`,
      ]),
      ...target('smsc-faulty', faulty.smpp.url, 'FAULTY'),
      ...target('smsc-weak-tls', weak.smpp.url, 'WEAK', [
        `    tls: { ca: ${JSON.stringify(caFile)} }`,
      ]),
    ].join('\n'),
  );

  run = await runCli(['run', '--quiet', '--allow-live', '--config', config, '--out', '$OUT'], {
    PLAIN_ID: plain.smpp.systemId,
    PLAIN_PASSWORD: plain.smpp.password,
    SECURE_ID: secure.smpp.systemId,
    SECURE_PASSWORD: secure.smpp.password,
    FAULTY_ID: faulty.smpp.systemId,
    FAULTY_PASSWORD: faulty.smpp.password,
    WEAK_ID: weak.smpp.systemId,
    WEAK_PASSWORD: weak.smpp.password,
  });
  result = await latestResult(run.outDir);
}, 900_000);

afterAll(async () => {
  await Promise.all(simulators.map((s) => s.stop()));
});

test('the run finds the faulty SMSC out (exit 1), with no harness error', () => {
  expect(run.code, run.stderr).toBe(1);
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

describe.each(['smsc', 'smsc-tls', 'smsc-weak-tls'])('the SMSC as the real target %s', (name) => {
  test.each(['RCPT-01', 'RCPT-02', 'ERR-01', 'ERR-02'])('passes %s', (requirement) => {
    expect(verdictOf(result, name, requirement)).toBe('pass');
  });

  test('is bound, not simulated: no simulator is reported for it', () => {
    const reported = result.targets.find((t) => t.name === name);

    expect(reported).toMatchObject({ dialect: 'smpp', simulated: false });
    expect(reported?.baseUrl).toMatch(name === 'smsc' ? /^smpp:\/\/127/ : /^smpps:\/\/127/);
    expect(result.checks.filter((c) => c.target === name && c.outcome === 'error')).toEqual([]);
  });
});

test.each([
  ['ERR-01', 'fail'],
  ['RCPT-02', 'fail'],
  ['ERR-02', 'pass'],
  ['RCPT-01', 'pass'],
])('the SMSC that words permanent failures as temporary: %s is %s', (requirement, expected) => {
  expect(verdictOf(result, 'smsc-faulty', requirement)).toBe(expected);
});

test.each([
  ['smsc-tls', 'pass', []],
  ['smsc', 'fail', ['smpp_in_clear']],
  ['smsc-weak-tls', 'fail', ['retired_tls_version_accepted', 'weak_cipher_accepted']],
])('ENC-01 over SMPP: %s is %s', (name, expected, codes) => {
  const probe = result.checks.find((c) => c.target === name && c.id === 'transport/api-tls');
  const found = probe?.findings.map((f) => f.code) ?? [];

  expect(verdictOf(result, name, 'ENC-01')).toBe(expected);
  expect(found).toEqual(expect.arrayContaining(codes));
});

test('the texts reached the handsets of the SMSCs the test started, from the sender', async () => {
  for (const simulator of simulators) {
    // The tls-weak simulator serves its control API over (weak) TLS as well.
    const trust = trusting(simulator.ca ? [simulator.ca] : []);
    const reply = await request(`${simulator.controlUrl}/handsets/07700900123`, trust);
    const inbox = (await reply.body.json()) as { messages: { from: string }[] };

    expect(inbox.messages.length).toBeGreaterThan(0);
    expect(inbox.messages.every((m) => m.from === 'ExampleCncl')).toBe(true);
  }
});

test('the SMPP password is redacted from every record', () => {
  const text = JSON.stringify(result);

  for (const simulator of simulators) expect(text).not.toContain(simulator.smpp?.password);
});
