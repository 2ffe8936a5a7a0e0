import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MANIFEST_SIGNATURE_FILE, REPORT_FILE_NAMES } from './report-files.ts';

/**
 * `manifest.json`: the SHA-256 of every file in a run's folder, so that a reviewer can tell
 * whether anything changed after the run. It covers every file present when it is written,
 * including files other writers put in the folder, and never itself or its signature.
 */
export interface Manifest {
  readonly runId: string;
  readonly algorithm: 'sha256';
  /** Relative path with forward slashes → lowercase hex digest. */
  readonly files: Readonly<Record<string, string>>;
}

/** What differs between a folder and its manifest; all empty means unchanged. */
export interface ManifestCheck {
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly added: readonly string[];
}

export async function writeManifest(folder: string, runId: string): Promise<string> {
  const manifest: Manifest = { runId, algorithm: 'sha256', files: await hashFolder(folder) };
  const path = join(folder, REPORT_FILE_NAMES.manifest);

  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

export async function verifyManifest(folder: string): Promise<ManifestCheck> {
  const text = await readFile(join(folder, REPORT_FILE_NAMES.manifest), 'utf8');
  const recorded = (JSON.parse(text) as Manifest).files;
  const actual = await hashFolder(folder);

  return {
    changed: Object.keys(recorded).filter((f) => f in actual && actual[f] !== recorded[f]),
    missing: Object.keys(recorded).filter((f) => !(f in actual)),
    added: Object.keys(actual).filter((f) => !(f in recorded)),
  };
}

const UNHASHED = new Set<string>([REPORT_FILE_NAMES.manifest, MANIFEST_SIGNATURE_FILE]);

async function hashFolder(folder: string): Promise<Record<string, string>> {
  const files = (await listFiles(folder))
    .map((path) => relative(folder, path).split(sep).join('/'))
    .filter((path) => !UNHASHED.has(path))
    .sort();

  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file] = sha256(await readFile(join(folder, file)));
  return hashes;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return listFiles(path);
      return Promise.resolve(entry.isFile() ? [path] : []);
    }),
  );
  return nested.flat();
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
