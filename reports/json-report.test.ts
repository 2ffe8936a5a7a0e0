import { expect, test } from 'vitest';
import { RunResultSchema } from '../core/run-result.ts';
import { runResultFixture } from './fixtures/run-result.ts';
import { renderResultJson, renderSchemaJson } from './json-report.ts';
import { parseRun } from './parse-run.ts';
import { renderSuppressionList } from './suppression-list.ts';

test('result.json round-trips through the run schema', () => {
  const run = runResultFixture();

  const parsed = RunResultSchema.parse(JSON.parse(renderResultJson(run)));

  expect(parsed).toEqual(run);
});

test('schema.json is a JSON Schema with every top-level property of a run', () => {
  const schema = JSON.parse(renderSchemaJson());

  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.type).toBe('object');
  expect(Object.keys(schema.properties)).toEqual(Object.keys(RunResultSchema.shape));
  expect(schema.required).toEqual(expect.arrayContaining(['runId', 'targets', 'checks']));
  expect(schema.properties.schemaVersion).toEqual({ type: 'number', const: 1 });
});

test('fields outside the schema never reach result.json', () => {
  const run = { ...runResultFixture(), apiKey: 'canary-key-9f3e' };

  const json = renderResultJson(parseRun(run));

  expect(json).not.toContain('canary-key-9f3e');
});

test('suppression-list.json is the run list, with numbers masked', () => {
  const run = runResultFixture();

  const list = JSON.parse(renderSuppressionList(run));

  expect(list).toEqual(run.suppressions);
  expect(list[0].maskedNumber).toBe('tel:…999');
  expect(JSON.stringify(list)).not.toMatch(/07\d{3}\s?\d{6}|\+447\d{9}/);
});
