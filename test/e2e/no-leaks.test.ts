import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startSimulator } from '../../simulators/index.ts';
import { latestResult, runCli, scratchDir } from '../support/run-cli.ts';

/** Fiction numbers (07700 900xxx) used as canaries: none may leave the run unmasked. */
const CANARY_NUMBERS = ['7700900777', '7700900779'];

const CONFIG = [
  'targets:',
  '  - name: canary',
  '    dialect: notify',
  '    simulator: {}',
  '    numbers:',
  "      delivered: ['07700900777']",
  '    content:',
  '      serviceName: Example Council',
  '      samples:',
  '        - "Example Council: call 07700 900779 if your bin is missed. Canary text."',
].join('\n');

/** Every text the harness sends reads "sms-assure <purpose> <token>"; none may be shown. */
const BODY = /sms-assure (?:[a-z][\w-]* )+(?:[0-9a-f]{6,}|\d+\b)/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LEAKS: readonly [string, RegExp][] = [
  ['a JWT', /eyJ[\w-]+\./],
  ['a bearer token', /Bearer (?!\[REDACTED\])[\w.~+/=-]+/],
  ['a Notify API key', new RegExp(`-${UUID}-${UUID}`, 'i')],
  ...CANARY_NUMBERS.map((n): [string, RegExp] => [`the number ${n}`, spelledAnyWay(n)]),
  ['a message body', BODY],
];

test('no file a run writes holds a key, a token, a number or a text in the clear', async () => {
  const config = join(await scratchDir(), 'canary.yaml');
  await writeFile(config, CONFIG);

  const run = await runCli(['run', '--config', config, '--out', '$OUT']);
  const files = await filesUnder(run.outDir);
  const texts = [
    ['stdout', run.stdout] as const,
    ['stderr', run.stderr] as const,
    ...(await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as const))),
  ];

  expect(run.code, run.stderr).toBe(0);
  expect(files.some((f) => f.includes('allure-results'))).toBe(true);
  // The canaries were really used, so finding none of them means they were masked.
  expect(texts.some(([, text]) => text.includes('tel:…777'))).toBe(true);
  const found = texts.flatMap(([file, text]) =>
    LEAKS.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${what} in ${file}`),
  );
  expect(found).toEqual([]);
}, 180_000);

test("a real target's secrets, and its texts, appear in no output", async () => {
  // The simulator stands in for two real suppliers, so the secrets are real: they sign tokens
  // and authenticate requests, and the run cannot work without using them.
  await using simulator = await startSimulator({ timeScale: 1000 });
  const { notify, twilio } = simulator;
  const config = join(await scratchDir(), 'real.yaml');
  await writeFile(config, realTargets(simulator.baseUrl, notify.templateId));
  const env = {
    ASSURE_NOTIFY_KEY: notify.testKey,
    ASSURE_TWILIO: `${twilio.accountSid}:${twilio.authToken}`,
  };
  // The part of a Notify key that signs, and the Twilio token as itself and as basic auth.
  const secrets = [
    notify.testKey.slice(-36),
    twilio.authToken,
    Buffer.from(env.ASSURE_TWILIO).toString('base64'),
  ];

  const run = await runCli(
    ['run', '--config', config, '--suite', 'send', '--suite', 'receipts', '--out', '$OUT'],
    env,
  );
  const result = await latestResult(run.outDir);
  const files = await filesUnder(run.outDir);
  const outputs = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ...(await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as const))),
  ];

  expect(run.code, run.stderr).toBe(0);
  // Both targets really sent, so their secrets were really used.
  for (const target of ['notify-real', 'twilio-real']) {
    const passed = result.checks.filter((c) => c.target === target && c.outcome === 'pass');
    expect(passed.length, target).toBeGreaterThan(0);
  }
  const found = outputs.flatMap(([where, text]) => [
    ...secrets.filter((secret) => text.includes(secret)).map(() => `a secret in ${where}`),
    ...(BODY.test(text) ? [`a message body in ${where}`] : []),
  ]);
  expect(found).toEqual([]);
}, 180_000);

function realTargets(baseUrl: string, templateId: string): string {
  return [
    'targets:',
    '  - name: notify-real',
    '    dialect: notify',
    `    baseUrl: ${baseUrl}`,
    '    keyType: test',
    '    credentials: { apiKey: { env: ASSURE_NOTIFY_KEY } }',
    `    options: { templateId: ${templateId} }`,
    '    receiptDeadlineSeconds: 30',
    '    pollIntervalSeconds: 1',
    '  - name: twilio-real',
    '    dialect: twilio',
    `    baseUrl: ${baseUrl}`,
    '    keyType: test',
    '    credentials: { apiKey: { env: ASSURE_TWILIO } }',
    '    options: { from: ASSURE }',
    '    receiptDeadlineSeconds: 30',
    '    pollIntervalSeconds: 1',
  ].join('\n');
}

/** Every spelling of a UK number: 07…, 447…, +447…, bare, with spaces, dots or dashes. */
function spelledAnyWay(national: string): RegExp {
  return new RegExp([...national].join('[\\s.()-]?'));
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
