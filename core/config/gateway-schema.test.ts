import { expect, test } from 'vitest';
import { yamlProblems } from '../../test/support/yaml-problems.ts';
import { parseConfig } from './load.ts';
import { ConfigSchema } from './schema.ts';

function problems(lines: readonly string[]): string[] {
  return yamlProblems(['targets:', ...lines].join('\n'), 'assure.yaml', ConfigSchema);
}

const SMSC = [
  '  - name: smsc',
  '    dialect: smpp',
  '    keyType: live',
  '    credentials: { systemId: { env: SMPP_ID }, password: { env: SMPP_PASSWORD } }',
];

test('a real SMPP target is configured by address, credentials and bind settings', () => {
  const text = [
    'targets:',
    ...SMSC,
    '    baseUrl: smpps://127.0.0.1:3550',
    '    smpp: { systemType: VMA, bindMode: transmitter-receiver, sourceTon: 5, sourceNpi: 0 }',
    '    tls: { ca: smsc-ca.pem }',
  ].join('\n');

  const [target] = parseConfig(text, 'assure.yaml').targets;

  expect(target?.smpp).toEqual({
    systemType: 'VMA',
    bindMode: 'transmitter-receiver',
    sourceTon: 5,
    sourceNpi: 0,
  });
  expect(target?.tls?.ca).toBe('smsc-ca.pem');
});

test('an SMPP address that is not smpp(s)://host:port is named with its line', () => {
  expect(problems([...SMSC, '    baseUrl: https://127.0.0.1:2775'])).toEqual([
    expect.stringMatching(/^targets\.0\.baseUrl \(line 6\): expected smpp:\/\/HOST:PORT/),
  ]);
  expect(problems([...SMSC, '    baseUrl: smpp://127.0.0.1'])[0]).toMatch(/^targets\.0\.baseUrl/);
});

test('a real SMPP target without its secrets or a live key type says which field', () => {
  const text = ['  - name: smsc', '    dialect: smpp', '    baseUrl: smpp://127.0.0.1:2775'];

  expect(problems(text)).toEqual([
    expect.stringMatching(/^targets\.0\.credentials\.systemId.*required for a smpp target/),
    expect.stringMatching(/^targets\.0\.credentials\.password/),
    expect.stringMatching(/^targets\.0\.keyType.*no test mode.*--allow-live/),
  ]);
});

test('a real Kannel target needs a sendsms address, a user name and a password', () => {
  const text = ['  - name: gateway', '    dialect: kannel', '    keyType: live'];

  expect(problems([...text, '    baseUrl: smpp://127.0.0.1:13013'])).toEqual([
    expect.stringMatching(/^targets\.0\.baseUrl.*expected http\(s\)/),
    expect.stringMatching(/^targets\.0\.credentials\.username/),
    expect.stringMatching(/^targets\.0\.credentials\.password/),
  ]);
});

test('bind and listener settings belong to a real target of their own dialect', () => {
  const found = problems([
    '  - { name: a, dialect: notify, simulator: {}, smpp: { systemType: VMA } }',
    '  - { name: b, dialect: kannel, simulator: {}, kannel: { dlrPort: 8098 } }',
    ...SMSC.map((line) => line.replace('smsc', 'c')),
    '    baseUrl: smpp://127.0.0.1:2775',
    '    smpp: { bindMode: receiver }',
  ]).join('\n');

  expect(found).toMatch(/targets\.0\.smpp.*only for a smpp target/);
  expect(found).toMatch(/targets\.1\.kannel.*only for a real target/);
  expect(found).toMatch(/targets\.2\.smpp\.bindMode/);
});

test('smpp:// is no address for an HTTP supplier', () => {
  const text = [
    '  - name: real',
    '    dialect: notify',
    '    baseUrl: smpp://127.0.0.1:2775',
    '    credentials: { apiKey: { env: NOTIFY_API_KEY } }',
    '    options: { templateId: 00000000-0000-4000-8000-000000000000 }',
  ];

  expect(problems(text)).toEqual([expect.stringMatching(/^targets\.0\.baseUrl.*http\(s\)/)]);
});
