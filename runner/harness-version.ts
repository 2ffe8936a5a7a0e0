import { readFileSync } from 'node:fs';

/** The version in package.json, read once: it goes on every report's cover. */
export const HARNESS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
