import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { runResultFixture } from './fixtures/run-result.ts';
import { verifyManifest, writeReports } from './index.ts';
import {
  fingerprintOf,
  readSigningKey,
  verifyManifestSignature,
  SIGNING_KEY_FILE_VARIABLE,
  SIGNING_KEY_VARIABLE,
} from './manifest-signature.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sms-assure-signature-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const pemOf = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

async function signedRun(privateKey: KeyObject): Promise<string> {
  const folder = join(root, 'run-1');
  await writeReports(runResultFixture(), folder, {
    env: { [SIGNING_KEY_VARIABLE]: pemOf(privateKey) },
  });
  return folder;
}

test('a signed run verifies, with and without the expected public key', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const folder = await signedRun(privateKey);

  const signature = JSON.parse(await readFile(join(folder, 'manifest.sig.json'), 'utf8'));

  expect(signature.algorithm).toBe('ed25519');
  expect(signature.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  expect(await verifyManifestSignature(folder)).toEqual({
    status: 'valid',
    fingerprint: fingerprintOf(publicKey),
  });
  expect((await verifyManifestSignature(folder, publicKey)).status).toBe('valid');
  expect(await verifyManifest(folder)).toEqual({ changed: [], missing: [], added: [] });
});

test('the private key is written nowhere in the run folder', async () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const folder = await signedRun(privateKey);
  const secret = pemOf(privateKey).split('\n')[1] ?? '';

  const files = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')),
  );

  expect(secret.length).toBeGreaterThan(20);
  expect(texts.filter((text) => text.includes(secret))).toEqual([]);
});

test('a manifest rewritten after signing fails, naming manifest.json', async () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const folder = await signedRun(privateKey);
  const path = join(folder, 'manifest.json');

  await writeFile(
    path,
    (await readFile(path, 'utf8')).replace(/"[0-9a-f]{64}"/, `"${'0'.repeat(64)}"`),
  );

  expect(await verifyManifestSignature(folder)).toEqual({
    status: 'invalid',
    reason: 'manifest.json does not match its signature',
  });
});

test('a signature by another key fails when the expected public key is given', async () => {
  const signer = generateKeyPairSync('ed25519');
  const expected = generateKeyPairSync('ed25519');
  const folder = await signedRun(signer.privateKey);

  const check = await verifyManifestSignature(folder, expected.publicKey);

  expect(check).toEqual({
    status: 'invalid',
    reason: `manifest.json was signed by ${fingerprintOf(signer.publicKey)}, not by the given key`,
  });
});

test('an unsigned run is unsigned, unless a public key says it must be signed', async () => {
  const folder = join(root, 'run-1');
  await writeReports(runResultFixture(), folder, { env: {} });

  expect(await readdir(folder)).not.toContain('manifest.sig.json');
  expect(await verifyManifestSignature(folder)).toEqual({ status: 'unsigned' });
  expect(await verifyManifestSignature(folder, generateKeyPairSync('ed25519').publicKey)).toEqual({
    status: 'invalid',
    reason: 'manifest.json is not signed: no manifest.sig.json',
  });
});

test('the key can come from a file named by the environment', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const file = join(root, 'signing.pem');
  await writeFile(file, pemOf(privateKey));

  const key = await readSigningKey({ [SIGNING_KEY_FILE_VARIABLE]: file });

  expect(key && fingerprintOf(key)).toBe(fingerprintOf(publicKey));
});

test.each([
  ['not PEM', 'hunter2'],
  [
    'a public key',
    generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
  ],
  ['an RSA key', pemOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey)],
])('a malformed key (%s) is a configuration error naming the variable', async (_, pem) => {
  const reading = readSigningKey({ [SIGNING_KEY_VARIABLE]: pem.toString() });

  await expect(reading).rejects.toThrow(ConfigError);
  await expect(reading).rejects.toThrow(SIGNING_KEY_VARIABLE);
});

test('a malformed key writes no report at all', async () => {
  const folder = join(root, 'run-1');

  const writing = writeReports(runResultFixture(), folder, {
    env: { [SIGNING_KEY_VARIABLE]: 'x' },
  });

  await expect(writing).rejects.toThrow(ConfigError);
  await expect(readdir(folder)).rejects.toThrow(/ENOENT/);
});

test('a key file that cannot be read is a configuration error naming the variable', async () => {
  const reading = readSigningKey({ [SIGNING_KEY_FILE_VARIABLE]: join(root, 'absent.pem') });

  await expect(reading).rejects.toThrow(SIGNING_KEY_FILE_VARIABLE);
});
