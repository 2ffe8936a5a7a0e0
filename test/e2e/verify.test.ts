import { appendFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

test('verify passes an untouched run and names the file that was changed after it', async () => {
  const run = await runCli(['run', '--quiet', '--out', '$OUT', '--suite', 'smoke']);
  const folder = join(run.outDir, await readlink(join(run.outDir, 'latest')));

  const untouched = await runCli(['verify', folder]);
  await appendFile(join(folder, 'summary.md'), '\nAll good, honestly.\n');
  const tampered = await runCli(['verify', folder]);

  expect(untouched.code, untouched.stderr).toBe(0);
  expect(tampered.code).toBe(1);
  expect(tampered.stdout).toMatch(/changed {2}summary\.md/);
}, 60_000);

test('verify of a folder with no manifest is a usage error', async () => {
  const run = await runCli(['verify', '/nonexistent-run-folder']);

  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/manifest\.json/);
});
