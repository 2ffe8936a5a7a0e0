import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { TransportError } from '../../core/errors.ts';
import { createLocalCa, type ServerCertificateOptions } from '../../tls/local-ca.ts';
import { probePlainHttp } from './plain-http.ts';
import { endpointOf } from './endpoint.ts';
import { probeTls } from './probe-tls.ts';

const ca = createLocalCa('probe test CA');
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

const SOUND = { minVersion: 'TLSv1.2', ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20' } as const;
const WEAK = {
  minVersion: 'TLSv1',
  ciphers: 'ECDHE+AESGCM:ECDHE+AES:AES128-SHA:NULL-SHA256:@SECLEVEL=0',
} as const;

/** An HTTPS server on loopback with a certificate from `ca` (or as given), sending HSTS. */
async function tlsServer(
  tls: Partial<ServerOptions> = SOUND,
  certificate: ServerCertificateOptions = {},
  headers: Record<string, string> = { 'strict-transport-security': 'max-age=31536000' },
) {
  const { key, cert } = ca.issueServer(certificate);
  const server = createServer({ key, cert, ...tls }, (_req, res) =>
    res.writeHead(404, headers).end(),
  );
  return `https://127.0.0.1:${await listen(server)}`;
}

async function plainServer(listener: RequestListener) {
  return `http://127.0.0.1:${await listen(createHttpServer(listener))}`;
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const codes = (result: Awaited<ReturnType<typeof probeTls>>) => result.findings.map((f) => f.code);

describe('a sound server', () => {
  test('has no findings, and the evidence shows what was refused', async () => {
    const result = await probeTls(await tlsServer(), { ca: [ca.cert] });

    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TLSv1: refused/),
        expect.stringMatching(/^TLSv1\.1: refused/),
        expect.stringMatching(/^TLSv1\.2: accepted/),
        expect.stringMatching(/^TLSv1\.3: accepted/),
        expect.stringMatching(/^no forward secrecy suites: refused/),
        expect.stringMatching(/^plain HTTP to 127\.0\.0\.1:\d+: refused/),
      ]),
    );
  });
});

describe('a weak server', () => {
  test('is caught agreeing to TLS 1.0, 1.1 and weak suites, each with a severity', async () => {
    const result = await probeTls(await tlsServer(WEAK), { ca: [ca.cert] });

    expect(result.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'retired_tls_version_accepted', actual: 'TLSv1 accepted' }),
        expect.objectContaining({
          code: 'retired_tls_version_accepted',
          actual: 'TLSv1.1 accepted',
        }),
        expect.objectContaining({ code: 'weak_cipher_accepted', severity: 'critical' }),
        expect.objectContaining({ code: 'weak_cipher_accepted', severity: 'medium' }),
      ]),
    );
    expect(result.findings.every((f) => f.severity !== undefined)).toBe(true);
  });
});

describe('certificates', () => {
  test('an expired one is a critical finding', async () => {
    const url = await tlsServer(SOUND, {
      notBefore: new Date(Date.now() - 90 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    const result = await probeTls(url, { ca: [ca.cert] });

    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'certificate_expired', severity: 'critical' }),
    ]);
  });

  test('one for another host name is a finding', async () => {
    const url = await tlsServer(SOUND, { hosts: ['api.example.test'] });
    const result = await probeTls(url, { ca: [ca.cert] });

    expect(codes(result)).toEqual(['certificate_host_mismatch']);
    expect(result.findings[0]?.actual).toContain('api.example.test');
  });

  test('one from an authority nobody trusts is a finding', async () => {
    const result = await probeTls(await tlsServer(), { ca: [] });

    expect(codes(result)).toEqual(['certificate_untrusted']);
    expect(result.findings[0]?.actual).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  test('one expiring within 30 days is a warning, not a finding', async () => {
    const url = await tlsServer(SOUND, { notAfter: new Date(Date.now() + 10 * 86_400_000) });
    const result = await probeTls(url, { ca: [ca.cert] });

    expect(result.findings).toEqual([]);
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^the certificate expires in 9 day/)]),
    );
  });

  test('a short key and a SHA-1 signature are findings', async () => {
    // OpenSSL will not even serve such a certificate above security level 0.
    const lenient = { ...SOUND, ciphers: `${SOUND.ciphers}:@SECLEVEL=0` };
    const url = await tlsServer(lenient, { keyBits: 1024, hash: 'sha1' });
    const result = await probeTls(url, { ca: [ca.cert] });

    expect(codes(result)).toEqual(
      expect.arrayContaining(['weak_server_key', 'weak_signature_algorithm']),
    );
    expect(result.findings.find((f) => f.code === 'weak_server_key')?.actual).toBe('RSA 1024 bits');
  });
});

describe('HSTS and plain HTTP', () => {
  test('HTTPS responses without Strict-Transport-Security are a medium finding', async () => {
    const result = await probeTls(await tlsServer(SOUND, {}, {}), { ca: [ca.cert] });

    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'hsts_missing', severity: 'medium' }),
    ]);
  });

  test('a short max-age is a low finding', async () => {
    const url = await tlsServer(SOUND, {}, { 'strict-transport-security': 'max-age=300' });
    const result = await probeTls(url, { ca: [ca.cert] });

    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'hsts_too_short', severity: 'low' }),
    ]);
  });

  test('an API whose base URL is plain HTTP is a critical finding', async () => {
    const url = await plainServer((_req, res) => res.end('{}'));
    const result = await probeTls(url);

    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'api_over_plain_http', severity: 'critical' }),
    ]);
  });

  test('plain HTTP answered is a finding; redirected to https, or refused, is not', async () => {
    const answered = await plainServer((_req, res) => res.end('{}'));
    const redirected = await plainServer((_req, res) =>
      res.writeHead(301, { location: 'https://127.0.0.1/' }).end(),
    );
    const refused = await plainServer((_req, res) => res.writeHead(400).end());

    expect(codes(await probePlainHttp(endpointOf(answered)))).toEqual(['plain_http_served']);
    expect((await probePlainHttp(endpointOf(redirected))).findings).toEqual([]);
    expect((await probePlainHttp(endpointOf(refused))).findings).toEqual([]);
  });
});

test('a port nobody listens on is a network error, never a finding', async () => {
  const url = await tlsServer();
  const plainUrl = await plainServer((_req, res) => res.end('{}'));
  await Promise.all(servers.splice(0).map(close));

  await expect(probeTls(url, { ca: [ca.cert] })).rejects.toBeInstanceOf(TransportError);
  await expect(probeTls(plainUrl)).rejects.toBeInstanceOf(TransportError);
});
