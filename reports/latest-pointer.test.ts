import { mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeLatestPointer } from './latest-pointer.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sms-assure-latest-'));
  for (const run of ['run-a', 'run-b']) {
    await mkdir(join(root, run));
    await writeFile(join(root, run, 'summary.md'), `# ${run}\n`);
  }
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('points latest at the newest run with a relative symlink', async () => {
  await writeLatestPointer(root, join(root, 'run-a'));

  const pointer = await writeLatestPointer(root, join(root, 'run-b'));

  expect(pointer).toEqual({ kind: 'symlink', path: join(root, 'latest') });
  expect(await readlink(join(root, 'latest'))).toBe('run-b');
  expect(await readFile(join(root, 'latest', 'summary.md'), 'utf8')).toBe('# run-b\n');
});

test('removes a stale latest.json once a symlink works', async () => {
  await writeFile(join(root, 'latest.json'), '{"path":"run-a"}\n');

  await writeLatestPointer(root, join(root, 'run-b'));

  await expect(readFile(join(root, 'latest.json'))).rejects.toMatchObject({ code: 'ENOENT' });
});

test('writes latest.json when no symlink can be made, and leaves a real folder alone', async () => {
  await mkdir(join(root, 'latest'));
  await writeFile(join(root, 'latest', 'keep.txt'), 'mine');

  const pointer = await writeLatestPointer(root, join(root, 'run-b'));

  expect(pointer).toEqual({ kind: 'file', path: join(root, 'latest.json') });
  expect(JSON.parse(await readFile(join(root, 'latest.json'), 'utf8'))).toEqual({ path: 'run-b' });
  expect(await readFile(join(root, 'latest', 'keep.txt'), 'utf8')).toBe('mine');
});
