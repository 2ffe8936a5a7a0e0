import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('./files', import.meta.url));

/** `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the golden files from this output. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares output with its committed golden file, or rewrites the file when updating. A missing
 * golden file fails with the command that makes it.
 */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN_DIR, name);
  if (UPDATING) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }

  const golden = await readFile(file, 'utf8').catch(() => undefined);
  if (golden === undefined) {
    throw new Error(`no golden file ${file}; run UPDATE_GOLDEN=1 npx vitest run test/golden`);
  }
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(golden);
}
