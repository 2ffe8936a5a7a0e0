import { rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import {
  DATA_DIR_KEY_FILE,
  kekFromEnv,
  readKeyFile,
  readOrCreateKeyFile,
  type Kek,
} from '../simulators/aggregator/kek.ts';
import { assertStore, rotateStoreKey } from '../simulators/aggregator/rotate-key.ts';
import { ROTATE_KEY_HELP } from './help.ts';
import { parseOptions } from './parse-options.ts';

/** `sms-assure simulator rotate-key`: re-wraps a store's data keys; bad input exits 3. */
export async function rotateKeyCommand(argv: readonly string[]): Promise<number> {
  const values = parseOptions(argv, {
    'data-dir': { type: 'string' },
    'key-file': { type: 'string' },
    'new-key-file': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(ROTATE_KEY_HELP);
    return 0;
  }
  const dataDir = values['data-dir'];
  const newKeyFile = values['new-key-file'];
  if (dataDir === undefined || newKeyFile === undefined) {
    throw new ConfigError('command line', [
      'rotate-key: give --data-dir and --new-key-file; see --help',
    ]);
  }

  const file = join(dataDir, 'simulator.sqlite');
  assertStore(file);
  const ownKeyFile = resolve(dataDir, DATA_DIR_KEY_FILE);
  const oldKek = await oldKey(values['key-file'], ownKeyFile);
  const { kek: newKek, created } = await readOrCreateKeyFile(resolve(newKeyFile));
  let rotation;
  try {
    rotation = rotateStoreKey(file, oldKek, newKek);
  } catch (error) {
    // A key made for a rotation that did not happen would only mislead.
    if (created) await rm(resolve(newKeyFile), { force: true });
    throw error;
  }

  // The folder's own key file is what the simulator reads when given no key: it follows.
  if (oldKek.source === `key file ${ownKeyFile}`) await replaceKeyFile(ownKeyFile, newKek);
  console.log(
    `rotated ${file}: ${rotation.dataKeys} data keys re-wrapped from key-encryption key ` +
      `${rotation.from} to ${rotation.to}; the old key no longer opens the store`,
  );
  return 0;
}

async function oldKey(keyFile: string | undefined, ownKeyFile: string): Promise<Kek> {
  if (keyFile !== undefined) return readKeyFile(resolve(keyFile));
  return (await kekFromEnv()) ?? readKeyFile(ownKeyFile);
}

async function replaceKeyFile(path: string, kek: Kek): Promise<void> {
  const next = `${path}.next`;
  await writeFile(next, `${kek.key.toString('base64')}\n`, { mode: 0o600 });
  await rename(next, path);
}
