import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig, parseConfig } from './load.ts';

const DESCRIBED = [
  'targets:',
  '  - name: described',
  '    dialect: declarative',
  '    description: suppliers/firetext.yaml',
  '    baseUrl: https://www.firetext.co.uk',
  '    credentials:',
  '      apiKey: { env: FIRETEXT_KEY }',
  '      receiptUser: { env: FIRETEXT_RECEIPT_USER }',
];

test('a declarative target names its description relative to the config file', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'sms-assure-config-'));
  await writeFile(join(folder, 'assure.yaml'), DESCRIBED.join('\n'));

  const config = await loadConfig(join(folder, 'assure.yaml'));

  expect(config.targets[0]?.description).toBe(join(folder, 'suppliers', 'firetext.yaml'));
  expect(config.targets[0]?.credentials?.['receiptUser']).toEqual({ env: 'FIRETEXT_RECEIPT_USER' });
});

test('a declarative target without a description, or a real one without a URL, is refused', () => {
  const text = 'targets:\n  - name: described\n    dialect: declarative\n';

  expect(() => parseConfig(text, 'assure.yaml')).toThrow(
    expect.objectContaining({
      problems: [
        expect.stringMatching(/^targets\.0\.description \(line 2\): required/),
        expect.stringMatching(/^targets\.0\.baseUrl \(line 2\): required/),
      ],
    }),
  );
});

test('a simulated declarative target may say which face of the simulator it speaks to', () => {
  const text = [
    'targets:',
    '  - name: my-gateway',
    '    dialect: declarative',
    '    description: my-kannel.yaml',
    '    simulator: { profile: no-receipts, speaks: kannel }',
  ].join('\n');

  expect(parseConfig(text, 'x').targets[0]?.simulator).toEqual({
    profile: 'no-receipts',
    speaks: 'kannel',
  });
});
