import { parseYaml, readYamlFile } from '../../core/config/parse-yaml.ts';
import { DescriptionSchema, type Description } from './description.ts';

/** Reads a supplier description; every problem names the field and its line. */
export async function loadDescription(file: string): Promise<Description> {
  return parseYaml(await readYamlFile(file), file, DescriptionSchema);
}
