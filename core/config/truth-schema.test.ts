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
