import { dirname } from 'node:path';
import { ConfigError } from '../errors.ts';
import { withDescriptionsFrom } from './declarative-schema.ts';
import { parseYaml, readYamlFile } from './parse-yaml.ts';
import { ConfigSchema, type Config } from './schema.ts';

/**
 * Reads a YAML or JSON config file (JSON is YAML) and validates it. Every problem names the
 * field's path and, where the file has it, its line.
 */
export async function loadConfig(file: string): Promise<Config> {
  return withDescriptionsFrom(dirname(file), parseConfig(await readYamlFile(file), file));
}

export function parseConfig(text: string, source: string): Config {
  return parseYaml(text, source, ConfigSchema);
}

export function validateConfig(value: unknown, source: string): Config {
  const parsed = ConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    source,
    parsed.error.issues.map(
      (i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`,
    ),
  );
}
