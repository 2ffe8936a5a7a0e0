import type { z } from 'zod';
import { parseYaml } from '../../core/config/parse-yaml.ts';
import { ConfigError } from '../../core/errors.ts';

/** The problems `parseYaml` names for a text that must not validate. */
export function yamlProblems<T>(text: string, source: string, schema: z.ZodType<T>): string[] {
  try {
    parseYaml(text, source, schema);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}
