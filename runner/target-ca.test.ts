import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { TargetConfigSchema } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { StartedReceiver } from '../providers/callback-receiver.ts';
import { createLocalCa } from '../tls/local-ca.ts';
import { realTarget } from './real-target.ts';

let folder: string;
let caPem: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sms-assure-target-ca-'));
  caPem = createLocalCa('target-ca test').cert;
  await writeFile(join(folder, 'ca.pem'), caPem);
  await writeFile(join(folder, 'key.txt'), 'not a certificate\n');
});

function resolve(tls: { ca: string } | undefined) {
  const config = TargetConfigSchema.parse({
    name: 'sandbox',
    dialect: 'notify',
    baseUrl: 'https://127.0.0.1:8025',
    credentials: { apiKey: { env: 'NOTIFY_KEY' } },
    options: { templateId: '00000000-0000-4000-8000-000000000000' },
    ...(tls ? { tls } : {}),
  });
  return realTarget(config, 2, {
    source: 'assure.yaml',
    timeScale: 1,
    allowLive: false,
    env: { NOTIFY_KEY: 'key' },
    receiver: {} as StartedReceiver,
  });
}

describe("a real target's tls.ca", () => {
  test('is trusted beside the system authorities', () => {
    expect(resolve({ ca: join(folder, 'ca.pem') }).trustedCa).toEqual([caPem]);
  });

  test('adds nothing when absent', () => {
    expect(resolve(undefined).trustedCa).toBeUndefined();
  });

  test('is bad configuration naming the field and file when it cannot be read', () => {
    const missing = join(folder, 'nowhere.pem');
    expect(() => resolve({ ca: missing })).toThrow(ConfigError);
    expect(() => resolve({ ca: missing })).toThrow(`targets.2.tls.ca: cannot read ${missing}`);
  });

  test('is bad configuration when the file holds no certificate', () => {
    expect(() => resolve({ ca: join(folder, 'key.txt') })).toThrow(/targets\.2\.tls\.ca: .*no PEM/);
  });
});
