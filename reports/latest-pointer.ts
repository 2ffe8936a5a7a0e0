import { randomBytes } from 'node:crypto';
import { rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** How `latest` was made to point at the newest run. */
export interface LatestPointer {
  readonly kind: 'symlink' | 'file';
  readonly path: string;
}

const LINK_NAME = 'latest';
const FILE_NAME = 'latest.json';

/**
 * Points `<reportsRoot>/latest` at a run's folder with a relative symlink, so the tree can move
 * as a whole. Where a symlink cannot be made (no privilege, a file system without links, or a
 * real folder already called `latest`), `<reportsRoot>/latest.json` records the path instead.
 */
export async function writeLatestPointer(
  reportsRoot: string,
  runFolder: string,
): Promise<LatestPointer> {
  const target = relative(reportsRoot, runFolder) || '.';
  const link = join(reportsRoot, LINK_NAME);

  if (await replaceSymlink(target, link)) {
    await rm(join(reportsRoot, FILE_NAME), { force: true });
    return { kind: 'symlink', path: link };
  }

  const file = join(reportsRoot, FILE_NAME);
  await writeFile(file, `${JSON.stringify({ path: target.split(sep).join('/') }, null, 2)}\n`);
  return { kind: 'file', path: file };
}

/** Swaps the link in one rename, so a reader never finds `latest` missing or half made. */
async function replaceSymlink(target: string, link: string): Promise<boolean> {
  const staging = `${link}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await rm(staging, { force: true });
    await symlink(target, staging, 'junction');
    await rename(staging, link);
    return true;
  } catch {
    await rm(staging, { force: true });
    return false;
  }
}
