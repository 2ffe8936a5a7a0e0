import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, test } from 'vitest';
import { trusting } from '../../providers/http/trusted-agent.ts';
import { CA_LINE, parseBanner } from './simulator-banner.ts';

const BIN = fileURLToPath(new URL('../../bin/sms-assure.js', import.meta.url));

/** The banner as the CLI prints it today (cli/simulator-command.ts), with made-up values. */
const BANNER = [
  'simulator listening on https://127.0.0.1:18025 (profile no-receipts, time x100)',
  'control API        https://127.0.0.1:18025/_sim',
  'Notify test key    sms-assure-test-aaaa-1111',
  'Notify team key    sms-assure-team-aaaa-2222',
  'Notify live key    sms-assure-live-aaaa-3333',
  'Notify template id 0f9f3421-d147-481e-b688-13b248836b3a  (content: ((body)))',
  'Twilio account     AC0123456789abcdef0123456789abcdef:feedbeef  (From ASSURE)',
  'Twilio test creds  ACffffffffffffffffffffffffffffffff:cafe',
  'Keys are fresh at every start and work only against this simulator. Ctrl-C stops it.',
  'CA certificate     /tmp/sim-x/ca.pem  (Node clients: NODE_EXTRA_CA_CERTS=/tmp/sim-x/ca.pem)',
].join('\n');

describe('the simulator banner', () => {
  test('gives the addresses, keys, template and CA file the simulator printed', () => {
    expect(parseBanner(BANNER)).toEqual({
      baseUrl: 'https://127.0.0.1:18025',
      controlUrl: 'https://127.0.0.1:18025/_sim',
      profile: 'no-receipts',
      notify: {
        testKey: 'sms-assure-test-aaaa-1111',
        teamKey: 'sms-assure-team-aaaa-2222',
        liveKey: 'sms-assure-live-aaaa-3333',
        templateId: '0f9f3421-d147-481e-b688-13b248836b3a',
      },
      twilio: { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'feedbeef' },
      caFile: '/tmp/sim-x/ca.pem',
    });
  });

  test('has no CA file over plain HTTP', () => {
    const http = BANNER.split('\n').slice(0, -1).join('\n');
    expect(parseBanner(http).caFile).toBeUndefined();
  });

  test('names the line it could not find, with what was printed', () => {
    const noKeys = BANNER.replace(/^Notify team key.*$/m, '');
    expect(() => parseBanner(noKeys)).toThrow(
      /no teamKey line .*it printed:\nsimulator listening/s,
    );
  });

  test('reads what the real command prints, and its CA file trusts the API', async () => {
    const child = spawn(process.execPath, [BIN, 'simulator', '--profile', 'no-receipts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let out = '';
      for await (const chunk of child.stdout) {
        out += String(chunk);
        if (CA_LINE.test(out)) break;
      }
      const banner = parseBanner(out);
      const ca = await readFile(banner.caFile ?? '', 'utf8');
      const health = await request(`${banner.controlUrl}/health`, trusting([ca]));

      expect(banner.profile).toBe('no-receipts');
      expect(banner.notify.testKey).toMatch(/^sms-assure-test-/);
      expect(await health.body.json()).toMatchObject({ ok: true, profile: 'no-receipts' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
