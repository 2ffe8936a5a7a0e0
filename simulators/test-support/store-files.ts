import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kek } from '../aggregator/kek.ts';

/** A key-encryption key made for one test; never written anywhere but the test's own folder. */
export function testKek(source = 'test key'): Kek {
  return { key: randomBytes(32), source };
}

/** Every byte the store's files hold (database, write-ahead log, shared memory), together. */
export async function storeBytes(dir: string): Promise<Buffer> {
  const names = (await readdir(dir)).filter((name) => name.startsWith('simulator.sqlite'));
  return Buffer.concat(await Promise.all(names.map((name) => readFile(join(dir, name)))));
}
