import { createHash, generateKeyPairSync } from 'node:crypto';
import { appendFile, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli, scratchDir } from '../support/run-cli.ts';

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

test('a signed run verifies; a manifest rewritten to hide a change fails its check', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const run = await runCli(['run', '--quiet', '--out', '$OUT', '--suite', 'smoke'], {
    SMS_ASSURE_SIGNING_KEY: pem,
  });
  const folder = join(run.outDir, await readlink(join(run.outDir, 'latest')));
  const keyFile = join(await scratchDir(), 'public.pem');
  await writeFile(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));

  const signed = await runCli(['verify', folder, '--public-key', keyFile]);
  await forgeSummary(folder);
  const forged = await runCli(['verify', folder]);

  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('manifest.sig.json');
  expect(signed.code, signed.stdout).toBe(0);
  expect(signed.stdout).toContain('matches its signature by the given public key');
  expect(forged.code).toBe(1);
  expect(forged.stdout).toContain('every file matches its manifest');
  expect(forged.stdout).toMatch(/signature check failed: manifest\.json does not match/);
}, 60_000);

test('verify --public-key fails a run signed by another key', async () => {
  const signer = generateKeyPairSync('ed25519').privateKey;
  const run = await runCli(['run', '--quiet', '--out', '$OUT', '--suite', 'smoke'], {
    SMS_ASSURE_SIGNING_KEY: signer.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  const folder = join(run.outDir, await readlink(join(run.outDir, 'latest')));
  const other = generateKeyPairSync('ed25519').publicKey;
  const keyFile = join(await scratchDir(), 'other.pem');
  await writeFile(keyFile, other.export({ type: 'spki', format: 'pem' }));

  const check = await runCli(['verify', folder, '--public-key', keyFile]);

  expect(check.code).toBe(1);
  expect(check.stdout).toMatch(/manifest\.json was signed by SHA256:\S+, not by the given key/);
}, 60_000);

test('a malformed signing key stops the run before it starts, naming the variable', async () => {
  const run = await runCli(['run', '--quiet', '--out', '$OUT', '--suite', 'smoke'], {
    SMS_ASSURE_SIGNING_KEY: 'hunter2-not-a-key',
  });

  expect(run.code).toBe(3);
  expect(run.stderr).toContain('SMS_ASSURE_SIGNING_KEY');
  expect(run.stderr).not.toContain('hunter2');
});

/** Changes a report and rewrites its hash in the manifest, as a careful forger would. */
async function forgeSummary(folder: string): Promise<void> {
  const summary = join(folder, 'summary.md');
  await appendFile(summary, '\nAll good, honestly.\n');

  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.files['summary.md'] = createHash('sha256')
    .update(await readFile(summary))
    .digest('hex');
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
