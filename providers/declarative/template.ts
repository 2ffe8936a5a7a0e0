import { TargetSetupError } from '../../core/errors.ts';

/**
 * `{{name}}` placeholders in a description. The names are fixed: a typo is found when the
 * description is read, not when a message goes out with `{{refernce}}` in it.
 */
export const TEMPLATE_VARIABLE =
  /^(to\.(e164|msisdn|national)|body|reference|sender|callbackUrl|credentials\.[a-zA-Z]\w*)$/;

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

export function templateVariables(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

export type TemplateValues = Readonly<Record<string, string>>;

/** Fills every placeholder; a variable with no value is an error naming it. */
export function fill(text: string, values: TemplateValues, where: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new TargetSetupError(`${where}: {{${name}}} has no value for this target`);
    }
    return value;
  });
}
