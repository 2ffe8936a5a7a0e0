import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import { resolveKek } from './kek.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sms-assure-kek-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = () => ({ dataDir: dir, ownsDataDir: false, env: {} });

test('the option wins, then the key file, then the environment', async () => {
  const option = randomBytes(32);
  const file = join(dir, 'given.kek');
  const fromFile = randomBytes(32);
  await writeFile(file, fromFile.toString('base64'));
  const env = { SMS_ASSURE_SIM_KEK: randomBytes(32).toString('base64') };

  expect((await resolveKek({ ...base(), env, kek: option, keyFile: file })).key).toEqual(option);
  expect((await resolveKek({ ...base(), env, keyFile: file })).key).toEqual(fromFile);
  expect((await resolveKek({ ...base(), env })).key.toString('base64')).toBe(
    env.SMS_ASSURE_SIM_KEK,
  );
  const viaEnvFile = await resolveKek({ ...base(), env: { SMS_ASSURE_SIM_KEY_FILE: file } });
  expect(viaEnvFile).toEqual({ key: fromFile, source: `SMS_ASSURE_SIM_KEY_FILE ${file}` });
});

test('without a key, a kept data folder gets its own key file, read again next time', async () => {
  const first = await resolveKek(base());
  const second = await resolveKek(base());

  expect(second.key).toEqual(first.key);
  const path = join(dir, 'simulator.kek');
  expect(Buffer.from(await readFile(path, 'utf8'), 'base64')).toEqual(first.key);
  expect((await stat(path)).mode & 0o077).toBe(0);
});

test('without a key, a temporary folder gets a key kept in memory only', async () => {
  const generated = await resolveKek({ ...base(), ownsDataDir: true });

  expect(generated.key).toHaveLength(32);
  await expect(stat(join(dir, 'simulator.kek'))).rejects.toThrow(/ENOENT/);
});

test.each([
  [{ env: { SMS_ASSURE_SIM_KEK: 'c2hvcnQ=' } }, /SMS_ASSURE_SIM_KEK[\s\S]*got 5 bytes/],
  [{ keyFile: '/nonexistent/sms-assure.kek' }, /key file \/nonexistent[\s\S]*ENOENT/],
])('a bad key is a configuration error naming where it came from', async (given, problem) => {
  const failure = resolveKek({ ...base(), ...given });
  await expect(failure).rejects.toBeInstanceOf(ConfigError);
  await expect(failure).rejects.toThrow(problem);
});
