import { z } from 'zod';
import { RunResultSchema, type RunResult } from '../core/run-result.ts';

/** `result.json`: the run exactly as validated, for tools and for later comparison reports. */
export function renderResultJson(run: RunResult): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

/** `schema.json`: the JSON Schema that `result.json` conforms to, generated from the zod schema. */
export function renderSchemaJson(): string {
  const schema = {
    ...z.toJSONSchema(RunResultSchema),
    title: 'sms-assure run result',
    description: 'One run of the sms-assure harness: targets, verdicts, checks and evidence.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
