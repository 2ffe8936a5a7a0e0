import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseYaml } from '../../core/config/parse-yaml.ts';
import { ConfigError } from '../../core/errors.ts';
import { DescriptionSchema } from './description.ts';
import { loadDescription } from './load-description.ts';

const EXAMPLES = join(import.meta.dirname, 'examples');

function problems(text: string): string[] {
  try {
    parseYaml(text, 'supplier.yaml', DescriptionSchema);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const MINIMAL = [
  'name: example',
  'send:',
  '  method: POST',
  '  path: /send',
  '  encoding: json',
  '  fields: { to: "{{to.e164}}", text: "{{body}}" }',
  '  accepted: { httpStatus: [201] }',
  '  messageId: { field: id }',
  'receipts:',
  '  encoding: json',
  '  messageId: id',
  '  status: state',
  '  statuses: { ok: delivered }',
];

test.each(['firetext.yaml', 'mmg.yaml', 'kannel.yaml'])('the example %s is valid', async (file) => {
  const description = await loadDescription(join(EXAMPLES, file));

  expect(description.name).toBe(file.replace('.yaml', ''));
});

test('every example in the folder is one the tests know', async () => {
  expect((await readdir(EXAMPLES)).sort()).toEqual(['firetext.yaml', 'kannel.yaml', 'mmg.yaml']);
});

test('a minimal description is valid, with the defaults filled in', () => {
  const description = parseYaml(MINIMAL.join('\n'), 'supplier.yaml', DescriptionSchema);

  expect(description.send.auth).toEqual({ scheme: 'none' });
  expect(description.receipts.pending).toEqual([]);
});

test('a misspelt template variable is named with its field and line', () => {
  const text = MINIMAL.join('\n').replace('{{body}}', '{{bodee}}');

  expect(problems(text)).toEqual([
    'send.fields.text (line 6): unknown template variable {{bodee}}',
  ]);
});

test('a secret the templates name but the credentials do not list is named with its line', () => {
  const text = ['credentials: [apiKey]', ...MINIMAL]
    .join('\n')
    .replace('text: "{{body}}"', 'text: "{{body}}", key: "{{credentials.apiKee}}"');

  expect(problems(text)).toEqual([
    'send.fields.key (line 7): {{credentials.apiKee}} names a secret missing from credentials: ' +
      'list it there',
  ]);
});

test('a status that is not a normalised one is named with its line', () => {
  const text = MINIMAL.join('\n').replace('ok: delivered', 'ok: arrived');

  expect(problems(text)[0]).toMatch(/^receipts\.statuses\.ok \(line 13\): /);
});

test('a pattern without a capture group for the id is refused', () => {
  const text = MINIMAL.join('\n').replace('{ field: id }', "{ pattern: 'ID: \\d+' }");

  expect(problems(text).join('\n')).toMatch(/capture group/);
});

test('an accepted pattern that is not a regular expression is refused', () => {
  const text = MINIMAL.join('\n').replace('httpStatus: [201]', "httpStatus: [201], matches: '(('");

  expect(problems(text).join('\n')).toMatch(/send\.accepted\.matches.*not a valid regular/);
});

test('an unknown key is refused rather than ignored', () => {
  expect(problems([...MINIMAL, 'retries: 3'].join('\n'))[0]).toMatch(/retries|Unrecognized/);
});
