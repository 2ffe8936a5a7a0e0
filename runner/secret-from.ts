import { ConfigError } from '../core/errors.ts';
import type { ResolveOptions } from './resolve-targets.ts';

/** A secret a configuration names by environment variable; `field` is where it was named. */
export function secretFrom(env: string, field: string, options: ResolveOptions): string {
  const value = options.env[env];
  if (!value) {
    throw new ConfigError(options.source, [
      `${field}: environment variable ${env} is not set (or is empty)`,
    ]);
  }
  return value;
}
