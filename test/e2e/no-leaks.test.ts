import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli, scratchDir } from '../support/run-cli.ts';

/** Fiction numbers (07700 900xxx) used as canaries: none may leave the run unmasked. */
const CANARY_NUMBERS = ['7700900777', '7700900779'];
const CANARY_SECRET = 'canary-secret-5b0d6f1e9a7c4d2b8e3f';

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

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LEAKS: readonly [string, RegExp][] = [
  ['a JWT', /eyJ[\w-]+\./],
  ['a bearer token', /Bearer (?!\[REDACTED\])[\w.~+/=-]+/],
  ['a Notify API key', new RegExp(`-${UUID}-${UUID}`, 'i')],
  ['the secret in the environment', new RegExp(CANARY_SECRET)],
  ...CANARY_NUMBERS.map((n): [string, RegExp] => [`the number ${n}`, spelledAnyWay(n)]),
];

test('no file a run writes holds a key, a token, a secret or a number in the clear', async () => {
  const config = join(await scratchDir(), 'canary.yaml');
  await writeFile(config, CONFIG);

  const run = await runCli(['run', '--config', config, '--out', '$OUT'], {
    SMS_ASSURE_CANARY_API_KEY: CANARY_SECRET,
  });
  const files = await filesUnder(run.outDir);
  const texts = await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as const));

  expect(run.code, run.stderr).toBe(0);
  expect(files.some((f) => f.includes('allure-results'))).toBe(true);
  // The canaries were really used, so finding none of them means they were masked.
  expect(texts.some(([, text]) => text.includes('tel:…777'))).toBe(true);
  const found = texts.flatMap(([file, text]) =>
    LEAKS.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${what} in ${file}`),
  );
  expect(found).toEqual([]);
}, 180_000);

/** Every spelling of a UK number: 07…, 447…, +447…, bare, with spaces, dots or dashes. */
function spelledAnyWay(national: string): RegExp {
  return new RegExp([...national].join('[\\s.()-]?'));
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
