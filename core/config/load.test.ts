import { expect, test } from 'vitest';
import { ConfigError } from '../errors.ts';
import { parseConfig } from './load.ts';

function problems(text: string): string[] {
  try {
    parseConfig(text, 'assure.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('a simulated target needs nothing but a name and a dialect', () => {
  const config = parseConfig(
    'targets:\n  - name: sim\n    dialect: notify\n    simulator: {}\n',
    'x',
  );

  expect(config.targets[0]?.simulator?.profile).toBe('compliant');
  expect(config.timeScale).toBe(100);
});

test('a wrong field is named by its path and line', () => {
  const text = [
    'timeScale: 100',
    'targets:',
    '  - name: notify-sandbox',
    '    dialect: notify',
    '    baseUrl: not a url',
  ].join('\n');

  expect(problems(text)).toContainEqual(expect.stringMatching(/^targets\.0\.baseUrl \(line 5\): /));
});

test('a real target lists everything it is missing', () => {
  const text = 'targets:\n  - name: real\n    dialect: notify\n    baseUrl: https://example.test\n';

  expect(problems(text)).toEqual([
    expect.stringMatching(/^targets\.0\.credentials\.apiKey/),
    expect.stringMatching(/^targets\.0\.options\.templateId.*\(\(body\)\)/),
  ]);
});

test('unknown keys, unknown dialects and duplicate names are refused', () => {
  const text = [
    'targets:',
    '  - { name: a, dialect: notify, simulator: {} }',
    '  - { name: a, dialect: carrier-pigeon, simulator: {} }',
    'colour: blue',
  ].join('\n');

  const found = problems(text).join('\n');

  expect(found).toMatch(/targets\.1\.dialect \(line 3\)/);
  expect(found).toMatch(/colour/);
});

test('YAML syntax errors give the line', () => {
  expect(problems('targets:\n  - name: [unclosed\n')[0]).toMatch(/^line \d+: /);
});
