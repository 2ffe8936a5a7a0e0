import { randomBytes } from 'node:crypto';

/** `run-20261204T154003Z-3fa9`: sorts by time, unique enough for one machine's runs. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `run-${stamp}-${randomBytes(2).toString('hex')}`;
}
