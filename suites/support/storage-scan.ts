import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { encodedForms, numberSpellings } from './canary-encodings.ts';

/** A value the harness planted, named by a label that never shows the value itself. */
export interface Canary {
  readonly label: string;
  readonly spellings: readonly { readonly name: string; readonly text: string }[];
}

export interface Sighting {
  /** The file, relative to the folder scanned. */
  readonly file: string;
  readonly canary: string;
  readonly spelling: string;
  readonly encoding: string;
}

export interface ScannedFile {
  readonly file: string;
  readonly bytes: number;
}

export function numberCanary(label: string, e164: string): Canary {
  return { label, spellings: numberSpellings(e164) };
}

export function textCanary(label: string, text: string): Canary {
  return { label, spellings: [{ name: 'as sent', text }] };
}

/**
 * Reads every file under `dir` (a database, its write-ahead log, shared memory and journal, and
 * anything else kept there) and reports each canary found in any spelling and encoding: one
 * sighting per file, canary and encoding.
 */
export async function scanStorage(
  dir: string,
  canaries: readonly Canary[],
): Promise<{ files: ScannedFile[]; sightings: Sighting[] }> {
  const paths = await filesUnder(dir);
  const files: ScannedFile[] = [];
  const sightings: Sighting[] = [];
  const needles = canaries.flatMap((canary) =>
    canary.spellings.flatMap((spelling) =>
      encodedForms(spelling.text).map((form) => ({ canary, spelling, form })),
    ),
  );

  for (const path of paths) {
    const content = await readIfThere(path);
    if (!content) continue;
    const file = relative(dir, path);
    files.push({ file, bytes: content.length });

    const seen = new Set<string>();
    for (const { canary, spelling, form } of needles) {
      const key = `${canary.label}\0${form.encoding}`;
      if (seen.has(key) || !content.includes(form.bytes)) continue;
      seen.add(key);
      sightings.push({
        file,
        canary: canary.label,
        spelling: spelling.name,
        encoding: form.encoding,
      });
    }
  }
  return { files, sightings };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** SQLite removes a journal once its transaction ends: a file may go between listing and read. */
async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
