import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { HarnessError } from '../core/errors.ts';
import { runResultFixture } from './fixtures/run-result.ts';
import { REPORT_FILE_NAMES, verifyManifest, writeReports } from './index.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sms-assure-reports-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('writes every report into a new folder and returns where each went', async () => {
  const folder = join(root, 'nested', 'run-1');

  const files = await writeReports(runResultFixture(), folder);

  expect(files).toEqual(
    Object.fromEntries(
      Object.entries(REPORT_FILE_NAMES).map(([kind, name]) => [kind, join(folder, name)]),
    ),
  );
  expect((await readdir(folder)).sort()).toEqual(Object.values(REPORT_FILE_NAMES).sort());
});

test('the manifest holds the SHA-256 of every other file and the run id', async () => {
  const folder = join(root, 'run-1');
  const files = await writeReports(runResultFixture(), folder);

  const manifest = JSON.parse(await readFile(files.manifest, 'utf8'));
  const others = (await readdir(folder)).filter((f) => f !== REPORT_FILE_NAMES.manifest).sort();
  const expected = Object.fromEntries(
    await Promise.all(others.map(async (f) => [f, sha256(await readFile(join(folder, f)))])),
  );

  expect(manifest.runId).toBe('run-20250314-092653-7f3a');
  expect(manifest.algorithm).toBe('sha256');
  expect(manifest.files).toEqual(expected);
});

test('the manifest reveals a file changed, removed or added after the run', async () => {
  const folder = join(root, 'run-1');
  const files = await writeReports(runResultFixture(), folder);
  expect(await verifyManifest(folder)).toEqual({ changed: [], missing: [], added: [] });

  await writeFile(files.summary, '# All green\n');
  await rm(files.junit);
  await writeFile(join(folder, 'extra.txt'), 'slipped in later');

  expect(await verifyManifest(folder)).toEqual({
    changed: [REPORT_FILE_NAMES.summary],
    missing: [REPORT_FILE_NAMES.junit],
    added: ['extra.txt'],
  });
});

test('the manifest covers files other writers put in the folder, in subfolders too', async () => {
  const folder = join(root, 'run-1');
  await mkdir(join(folder, 'allure-results'), { recursive: true });
  await writeFile(join(folder, 'allure-results', 'result.json'), '{}');
  await writeReports(runResultFixture(), folder);

  const manifest = JSON.parse(await readFile(join(folder, REPORT_FILE_NAMES.manifest), 'utf8'));

  expect(Object.keys(manifest.files)).toContain('allure-results/result.json');
  expect(Object.keys(manifest.files)).not.toContain(REPORT_FILE_NAMES.manifest);
});

test('refuses a run that does not match the schema, and writes nothing', async () => {
  const folder = join(root, 'run-bad');
  const run = { ...runResultFixture(), exitCode: 'one' } as unknown as Parameters<
    typeof writeReports
  >[0];

  const written = writeReports(run, folder);

  await expect(written).rejects.toBeInstanceOf(HarnessError);
  await expect(written).rejects.toMatchObject({ code: 'ASSURE_REPORT_INVALID_RUN' });
  await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
});

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
