import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.ts';
import { KEY_BYTES } from './envelope.ts';

/** Environment variables that give the simulator its key-encryption key. */
export const KEK_ENV = 'SMS_ASSURE_SIM_KEK';
export const KEY_FILE_ENV = 'SMS_ASSURE_SIM_KEY_FILE';

/** The key file the simulator writes in a data folder given without a key. */
export const DATA_DIR_KEY_FILE = 'simulator.kek';

/** A key-encryption key and where it came from, for error messages (never the key itself). */
export interface Kek {
  readonly key: Buffer;
  readonly source: string;
}

export interface KekRequest {
  /** Base64 of 32 bytes, or the bytes. */
  readonly kek?: string | Buffer | undefined;
  readonly keyFile?: string | undefined;
  readonly dataDir: string;
  /** Whether the folder is a temporary one the simulator removes when it stops. */
  readonly ownsDataDir: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The key-encryption key, from the first of: the option, the key file option, `SMS_ASSURE_SIM_KEK`,
 * `SMS_ASSURE_SIM_KEY_FILE`. Without any, a key is generated: kept in memory for a temporary
 * folder (the data dies with the run), or in `simulator.kek` in a folder the caller keeps, so
 * that a restart can read its store again.
 */
export async function resolveKek(request: KekRequest): Promise<Kek> {
  if (request.kek !== undefined) {
    return { key: parseKey(request.kek, 'kek option'), source: 'kek option' };
  }
  if (request.keyFile !== undefined) return readKeyFile(request.keyFile);

  const fromEnv = await kekFromEnv(request.env ?? process.env);
  if (fromEnv) return fromEnv;

  if (request.ownsDataDir) {
    return { key: randomBytes(KEY_BYTES), source: 'a key generated for this run' };
  }
  return (await readOrCreateKeyFile(join(request.dataDir, DATA_DIR_KEY_FILE))).kek;
}

/** The key `SMS_ASSURE_SIM_KEK` or `SMS_ASSURE_SIM_KEY_FILE` gives, if either is set. */
export async function kekFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Kek | undefined> {
  const value = env[KEK_ENV];
  if (value !== undefined && value !== '')
    return { key: parseKey(value, KEK_ENV), source: KEK_ENV };
  const file = env[KEY_FILE_ENV];
  if (file !== undefined && file !== '') return readKeyFile(file, KEY_FILE_ENV);
  return undefined;
}

export async function readKeyFile(path: string, via?: string): Promise<Kek> {
  const source = via ? `${via} ${path}` : `key file ${path}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(source, [`cannot read the key-encryption key: ${code}`]);
  }
  return { key: parseKey(text, source), source };
}

/** Writes a fresh key to `path`, which must not exist yet; readable by its owner only. */
export async function writeNewKeyFile(path: string): Promise<Kek> {
  const key = randomBytes(KEY_BYTES);
  try {
    await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`key file ${path}`, [`cannot create the key file: ${code}`]);
  }
  return { key, source: `key file ${path}` };
}

/** The key in `path`, or a fresh one written there when the file does not exist yet. */
export async function readOrCreateKeyFile(
  path: string,
): Promise<{ readonly kek: Kek; readonly created: boolean }> {
  try {
    return { kek: await readKeyFile(path), created: false };
  } catch (error) {
    if (!(error instanceof ConfigError) || !error.message.includes('ENOENT')) throw error;
    return { kek: await writeNewKeyFile(path), created: true };
  }
}

function parseKey(value: string | Buffer, source: string): Buffer {
  const key = typeof value === 'string' ? Buffer.from(value.trim(), 'base64') : value;
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(source, [
      `the key-encryption key must be ${KEY_BYTES} bytes (base64, 44 characters); ` +
        `got ${key.length} bytes. Make one with: openssl rand -base64 32`,
    ]);
  }
  return key;
}
