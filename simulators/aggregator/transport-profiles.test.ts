import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { request } from 'undici';
import { describe, expect, test, vi } from 'vitest';
import { createLocalCa } from '../../tls/local-ca.ts';
import { startSimulator } from '../index.ts';
import { call, sendText } from '../test-support/notify-http.ts';

const TOKEN = 'transport-token-0123456789';

describe('over HTTPS', () => {
  test('serves the API with a certificate from its own authority, and HSTS', async () => {
    await using simulator = await startSimulator({ transport: 'https' });
    const health = await call(simulator, 'GET', '/_sim/health');

    expect(simulator.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(simulator.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  test('is refused by a client that does not trust that authority', async () => {
    await using simulator = await startSimulator({ transport: 'https' });

    await expect(request(`${simulator.baseUrl}/_sim/health`)).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  test('links in replies are https', async () => {
    await using simulator = await startSimulator({ transport: 'https' });
    const sent = await sendText(simulator, simulator.notify.testKey, '07700900123');

    expect((sent.json as { uri: string }).uri).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2\//);
  });

  test('refuses an http:// callback URL with Notify words, and takes an https:// one', async () => {
    await using simulator = await startSimulator({ transport: 'https' });
    const refused = await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: 'http://127.0.0.1:9/callbacks', bearerToken: TOKEN },
    });
    const taken = await call(simulator, 'PUT', '/_sim/notify/inbound-callback', {
      body: { url: 'https://127.0.0.1:9/callbacks', bearerToken: TOKEN },
    });

    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      error: 'invalid callback settings: url: Must be a valid https URL',
    });
    expect(taken.status).toBe(200);
  });

  test('posts callbacks over TLS to a receiver whose authority it was told to trust', async () => {
    const receiverCa = createLocalCa('receiver test CA');
    const { key, cert } = receiverCa.issueServer();
    const arrived: boolean[] = [];
    const receiver = createServer({ key, cert }, (req, res) => {
      arrived.push('encrypted' in req.socket && req.socket.encrypted === true);
      req.resume().on('end', () => res.end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;

    try {
      await using simulator = await startSimulator({
        transport: 'https',
        timeScale: 10_000,
        callbackCa: [receiverCa.cert],
      });
      await call(simulator, 'PUT', '/_sim/notify/callback', {
        body: { url: `https://127.0.0.1:${port}/callbacks`, bearerToken: TOKEN },
      });
      await sendText(simulator, simulator.notify.testKey, '07700900123');

      await vi.waitFor(() => expect(arrived).toEqual([true]), { timeout: 10_000 });
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe('embedded without asking for HTTPS', () => {
  test('serves plain HTTP and takes http:// callback URLs, so tests need no TLS', async () => {
    await using simulator = await startSimulator();
    const taken = await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: 'http://127.0.0.1:9/callbacks', bearerToken: TOKEN },
    });

    expect(simulator.baseUrl).toMatch(/^http:\/\//);
    expect(simulator.ca).toBeUndefined();
    expect(taken.status).toBe(200);
  });
});

/** Whether the server completes a handshake of exactly this version. */
function agreesTo(url: string, ca: string, version: 'TLSv1' | 'TLSv1.2') {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = connect({
      host: hostname,
      port: Number(port),
      ca,
      minVersion: version,
      maxVersion: version,
      // OpenSSL 3 proposes TLS 1.0 only at security level 0.
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const settle = (agreed: boolean) => {
      socket.destroy();
      resolve(agreed);
    };
    socket.once('secureConnect', () => settle(true));
    socket.once('error', () => settle(false));
  });
}

describe('transport profiles', () => {
  test('compliant refuses TLS 1.0; tls-weak takes it, even when HTTPS is not asked', async () => {
    await using compliant = await startSimulator({ transport: 'https' });
    await using weak = await startSimulator({ profile: 'tls-weak' });

    expect(await agreesTo(compliant.baseUrl, compliant.ca ?? '', 'TLSv1')).toBe(false);
    expect(await agreesTo(compliant.baseUrl, compliant.ca ?? '', 'TLSv1.2')).toBe(true);
    expect(weak.baseUrl).toMatch(/^https:/);
    expect(await agreesTo(weak.baseUrl, weak.ca ?? '', 'TLSv1')).toBe(true);
  });

  test('plain-http serves plain HTTP when HTTPS is asked, and refuses http callbacks', async () => {
    await using simulator = await startSimulator({ profile: 'plain-http', transport: 'https' });
    const refused = await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: 'http://127.0.0.1:9/callbacks', bearerToken: TOKEN },
    });

    expect(simulator.baseUrl).toMatch(/^http:\/\//);
    expect(simulator.ca).toBeUndefined();
    expect(refused.status).toBe(400);
  });

  test('callbacks-over-http takes an http:// callback URL over HTTPS', async () => {
    await using simulator = await startSimulator({
      profile: 'callbacks-over-http',
      transport: 'https',
    });
    const taken = await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: 'http://127.0.0.1:9/callbacks', bearerToken: TOKEN },
    });

    expect(simulator.baseUrl).toMatch(/^https:/);
    expect(taken.status).toBe(200);
  });
});
