import { join } from 'node:path';
import { expect, test } from 'vitest';
import { TargetConfigSchema } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { StartedReceiver } from '../providers/callback-receiver.ts';
import { declarativeTarget } from './declarative-target.ts';

const FIRETEXT = join(import.meta.dirname, '../providers/declarative/examples/firetext.yaml');

/** A real Firetext target giving one of the three secrets its description lists. */
const config = TargetConfigSchema.parse({
  name: 'firetext-live',
  dialect: 'declarative',
  description: FIRETEXT,
  baseUrl: 'https://sms.example.test',
  keyType: 'live',
  credentials: { apiKey: { env: 'FIRETEXT_KEY' } },
});

async function problemsOf(env: Record<string, string>): Promise<readonly string[]> {
  const options = {
    source: 'assure.yaml',
    timeScale: 1,
    allowLive: false,
    env,
    receiver: {} as StartedReceiver,
  };
  const error: unknown = await declarativeTarget(config, 0, options, {
    targets: [],
    simulators: [],
  }).catch((e: unknown) => e);
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${error}`);
  return error.problems;
}

test('a real described target hears every problem at once, the unnamed secrets first', async () => {
  const problems = await problemsOf({});

  expect(problems).toEqual([
    expect.stringMatching(/^targets\.0\.credentials\.receiptUser: .*firetext\.yaml lists it/),
    expect.stringMatching(/^targets\.0\.credentials\.receiptPassword: .*firetext\.yaml lists/),
    expect.stringMatching(/^targets\.0\.credentials\.apiKey: .*FIRETEXT_KEY is not set/),
    expect.stringMatching(/^targets\.0\.keyType: .*--allow-live/),
  ]);
});

test('with the variable set, only what is still wrong is named', async () => {
  const problems = await problemsOf({ FIRETEXT_KEY: 'k' });

  expect(problems.map((p) => p.split(':')[0])).toEqual([
    'targets.0.credentials.receiptUser',
    'targets.0.credentials.receiptPassword',
    'targets.0.keyType',
  ]);
});
