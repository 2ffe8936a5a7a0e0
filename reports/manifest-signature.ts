import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { MANIFEST_SIGNATURE_FILE, REPORT_FILE_NAMES } from './report-files.ts';

/**
 * `manifest.sig.json`: an Ed25519 signature over the exact bytes of `manifest.json`, with the
 * public key that checks it. The manifest's hashes show a file changed; the signature shows the
 * manifest itself was not rewritten to match. Only the public half of the key is ever written.
 */
export const ManifestSignatureSchema = z.object({
  algorithm: z.literal('ed25519'),
  publicKey: z.string(),
  signature: z.string(),
});

export type ManifestSignature = z.infer<typeof ManifestSignatureSchema>;

export const SIGNING_KEY_VARIABLE = 'SMS_ASSURE_SIGNING_KEY';
export const SIGNING_KEY_FILE_VARIABLE = 'SMS_ASSURE_SIGNING_KEY_FILE';

/** What a run folder's signature says; `invalid` names what does not match. */
export type SignatureCheck =
  | { readonly status: 'unsigned' }
  | { readonly status: 'valid'; readonly fingerprint: string }
  | { readonly status: 'invalid'; readonly reason: string };

/** The run's signing key, from the PEM in one variable or the file another names; or none. */
export async function readSigningKey(env: NodeJS.ProcessEnv): Promise<KeyObject | undefined> {
  const inline = env[SIGNING_KEY_VARIABLE];
  const file = env[SIGNING_KEY_FILE_VARIABLE];
  if (inline !== undefined && file !== undefined) {
    const problem = `set ${SIGNING_KEY_VARIABLE} or ${SIGNING_KEY_FILE_VARIABLE}, not both`;
    throw new ConfigError('the environment', [problem]);
  }

  if (inline !== undefined)
    return privateKeyOf(inline, `environment variable ${SIGNING_KEY_VARIABLE}`);
  if (file === undefined) return undefined;
  return privateKeyOf(
    await readKeyFile(file),
    `environment variable ${SIGNING_KEY_FILE_VARIABLE} (${file})`,
  );
}

/** Signs the folder's `manifest.json` as it is on disk and returns the signature's path. */
export async function signManifest(folder: string, key: KeyObject): Promise<string> {
  const manifest = await readFile(join(folder, REPORT_FILE_NAMES.manifest));
  const signature: ManifestSignature = {
    algorithm: 'ed25519',
    publicKey: publicHalf(key).export({ type: 'spki', format: 'pem' }).toString(),
    signature: sign(null, manifest, key).toString('base64'),
  };

  const path = join(folder, MANIFEST_SIGNATURE_FILE);
  await writeFile(path, `${JSON.stringify(signature, null, 2)}\n`);
  return path;
}

/**
 * Checks `manifest.json` against `manifest.sig.json`. With `trusted`, the signature must also be
 * that key's: anyone who rewrites a manifest can sign it again with a key of their own.
 */
export async function verifyManifestSignature(
  folder: string,
  trusted?: KeyObject,
): Promise<SignatureCheck> {
  const recorded = await readSignature(folder);
  if (recorded === 'missing') {
    if (!trusted) return { status: 'unsigned' };
    return invalid(`${REPORT_FILE_NAMES.manifest} is not signed: no ${MANIFEST_SIGNATURE_FILE}`);
  }
  if (recorded === 'unreadable') {
    return invalid(`${MANIFEST_SIGNATURE_FILE} is not a signature this harness wrote`);
  }

  const manifest = await readFile(join(folder, REPORT_FILE_NAMES.manifest));
  if (!verify(null, manifest, recorded.key, recorded.signature)) {
    return invalid(`${REPORT_FILE_NAMES.manifest} does not match its signature`);
  }

  const fingerprint = fingerprintOf(recorded.key);
  if (trusted && fingerprintOf(trusted) !== fingerprint) {
    return invalid(
      `${REPORT_FILE_NAMES.manifest} was signed by ${fingerprint}, not by the given key`,
    );
  }
  return { status: 'valid', fingerprint };
}

/** A public key as the `--public-key` file holds it; a private key gives its public half. */
export function publicKeyOf(pem: string, source: string): KeyObject {
  try {
    return ed25519Only(createPublicKey(pem), source);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(source, ['not a PEM Ed25519 public key']);
  }
}

/** `SHA256:` and the base64 digest of the key's SPKI form, as ssh-keygen -l shows keys. */
export function fingerprintOf(key: KeyObject): string {
  const spki = publicHalf(key).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(spki).digest('base64').replace(/=+$/, '')}`;
}

function publicHalf(key: KeyObject): KeyObject {
  return key.type === 'public' ? key : createPublicKey(key);
}

function privateKeyOf(pem: string, source: string): KeyObject {
  try {
    return ed25519Only(createPrivateKey(pem), source);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Node's message is kept out: it says nothing useful, and the text may hold key material.
    throw new ConfigError(source, ['not a PEM Ed25519 private key (unencrypted PKCS#8)']);
  }
}

function ed25519Only(key: KeyObject, source: string): KeyObject {
  if (key.asymmetricKeyType === 'ed25519') return key;
  throw new ConfigError(source, [`an ${key.asymmetricKeyType ?? 'unknown'} key; expected Ed25519`]);
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`environment variable ${SIGNING_KEY_FILE_VARIABLE} (${file})`, [
      `cannot read it: ${code}`,
    ]);
  }
}

type RecordedSignature = { key: KeyObject; signature: Buffer } | 'missing' | 'unreadable';

async function readSignature(folder: string): Promise<RecordedSignature> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_SIGNATURE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }

  try {
    const parsed = ManifestSignatureSchema.parse(JSON.parse(text));
    const key = ed25519Only(createPublicKey(parsed.publicKey), MANIFEST_SIGNATURE_FILE);
    return { key, signature: Buffer.from(parsed.signature, 'base64') };
  } catch {
    return 'unreadable';
  }
}

function invalid(reason: string): SignatureCheck {
  return { status: 'invalid', reason };
}
