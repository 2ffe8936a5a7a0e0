import { expect, test } from 'vitest';
import { ConfigError } from '../errors.ts';
import { parseConfig } from './load.ts';

const REAL = [
  'targets:',
  '  - name: real',
  '    dialect: notify',
  '    baseUrl: https://example.test',
  '    credentials: { apiKey: { env: NOTIFY_API_KEY } }',
  '    options: { templateId: 00000000-0000-4000-8000-000000000000 }',
  '    keyType: team',
];

function problems(lines: readonly string[]): string[] {
  try {
    parseConfig(lines.join('\n'), 'assure.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

test('a simulated target takes a sample size and the default observer', () => {
  const config = parseConfig(
    'targets:\n  - name: sim\n    dialect: notify\n    simulator: {}\n    truth: {}\n',
    'x',
  );
  expect(config.targets[0]?.truth).toEqual({ sampleSize: 59, arrivalGraceSeconds: 60 });
});

test('a webhook phone on a real target must be in its allowList', () => {
  const lines = [
    ...REAL,
    '    allowList: ["07700900456"]',
    '    truth:',
    '      observer: { kind: webhook, numbers: ["07700900456", "07700900457"], token: { env: T } }',
  ];
  expect(problems(lines)).toEqual([
    expect.stringMatching(/^targets\.0\.truth\.observer\.numbers\.1 .*also list it in allowList/),
  ]);
});

test('a real target has no handsets, and its inbound number needs its API and key', () => {
  expect(problems([...REAL, '    truth: { observer: { kind: handsets } }'])).toEqual([
    expect.stringMatching(/truth\.observer .*only a simulated target has handsets/),
  ]);
  const inbound = problems([...REAL, '    truth: { observer: { kind: received-texts } }']);
  expect(inbound.map((p) => p.split(' ')[0])).toEqual([
    'targets.0.truth.observer.number',
    'targets.0.truth.observer.baseUrl',
    'targets.0.truth.observer.credentials',
  ]);
});

test('an unknown observer and a sample out of range are refused', () => {
  const sim = ['targets:', '  - name: sim', '    dialect: notify', '    simulator: {}'];
  expect(problems([...sim, '    truth: { observer: { kind: carrier-pigeon } }'])).toHaveLength(1);
  expect(problems([...sim, '    truth: { sampleSize: 0 }'])[0]).toMatch(/truth\.sampleSize/);
});

const SMPP_OBSERVER = [
  '    truth:',
  '      observer:',
  '        kind: smpp',
  '        number: "+447700900700"',
  '        url: smpps://smsc.example.test:3550',
  '        credentials: { systemId: { env: OBS_ID }, password: { env: OBS_PASSWORD } }',
];

test('an SMPP observer on a real target names its number, SMSC and account', () => {
  const missing = problems([...REAL, '    truth: { observer: { kind: smpp } }']);
  expect(missing.map((p) => p.split(' ')[0])).toEqual([
    'targets.0.truth.observer.number',
    'targets.0.truth.observer.url',
    'targets.0.truth.observer.credentials',
  ]);

  expect(problems([...REAL, '    allowList: ["07700900700"]', ...SMPP_OBSERVER])).toEqual([]);
  expect(problems([...REAL, '    allowList: ["07700900701"]', ...SMPP_OBSERVER])).toEqual([
    expect.stringMatching(/^targets\.0\.truth\.observer\.number \(line 12\).*allowList/),
  ]);
});

test("an SMPP observer's SMSC is an smpp:// or smpps:// address, and its bind a kind", () => {
  const sim = ['targets:', '  - name: sim', '    dialect: notify', '    simulator: {}'];
  const url = problems([...sim, '    truth: { observer: { kind: smpp, url: "https://x:1" } }']);
  expect(url).toEqual([expect.stringMatching(/truth\.observer\.url .*smpp:\/\/host:port/)]);
  const bind = problems([...sim, '    truth: { observer: { kind: smpp, bind: transmitter } }']);
  expect(bind).toEqual([expect.stringMatching(/truth\.observer\.bind /)]);
});

test('a Twilio webhook observer on a real target names its number, account and relay', () => {
  const missing = problems([...REAL, '    truth: { observer: { kind: twilio-webhook } }']);
  expect(missing.map((p) => p.split(' ')[0])).toEqual([
    'targets.0.truth.observer.number',
    'targets.0.truth.observer.credentials',
    'targets.0.truth.observer.relay',
  ]);

  const observer = [
    '    allowList: ["+447700900600"]',
    '    truth:',
    '      observer:',
    '        kind: twilio-webhook',
    '        number: "+447700900600"',
    '        credentials: { accountSid: { env: OBS_SID }, authToken: { env: OBS_TOKEN } }',
  ];
  expect(problems([...REAL, ...observer, '        relay: https://relay.example.test'])).toEqual([]);
  expect(problems([...REAL, ...observer, '        relay: http://relay.example.test'])).toEqual([
    expect.stringMatching(/truth\.observer\.relay /),
  ]);
});
