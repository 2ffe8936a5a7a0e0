import { createServer as createTlsServer } from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { createLocalCa } from '../../tls/local-ca.ts';
import { probeCipherFamilies } from './cipher-families.ts';
import { endpointOf } from './endpoint.ts';
import { clientHello, offerSuites, readServerAnswer } from './raw-hello.ts';

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The suites a ClientHello offers, read back from its bytes. */
function offered(hello: Buffer): number[] {
  const sessionIdLength = hello[5 + 4 + 2 + 32] ?? 0;
  const at = 5 + 4 + 2 + 32 + 1 + sessionIdLength;
  const length = hello.readUInt16BE(at);
  return Array.from({ length: length / 2 }, (_, i) => hello.readUInt16BE(at + 2 + i * 2));
}

/** A ServerHello record choosing `suite` in `version`. */
function serverHello(suite: number, version = 0x0303): Buffer {
  const body = Buffer.alloc(2 + 32 + 1 + 2 + 1);
  body.writeUInt16BE(version, 0);
  body.writeUInt16BE(suite, 35);
  const message = Buffer.concat([Buffer.from([0x02, 0, 0, body.length]), body]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0, message.length]), message]);
}

/**
 * An old server, as this machine's OpenSSL cannot be: it chooses the first suite offered when it
 * is 3DES, and answers anything else with a handshake_failure alert.
 */
function old3desServer(): Server {
  return createServer((socket: Socket) => {
    socket.once('data', (hello: Buffer) => {
      const [suite] = offered(hello);
      const answer =
        suite === 0x000a ? serverHello(suite) : Buffer.from([0x15, 0x03, 0x03, 0, 2, 2, 40]);
      socket.end(answer);
    });
    socket.on('error', () => undefined);
  });
}

test('the hand-written ClientHello offers exactly the suites asked for, and names the host', () => {
  const hello = clientHello('api.example.test', [0x000a, 0xc012]);

  expect(hello[0]).toBe(0x16);
  expect(hello.readUInt16BE(3)).toBe(hello.length - 5);
  expect(offered(hello)).toEqual([0x000a, 0xc012]);
  expect(hello.includes(Buffer.from('api.example.test'))).toBe(true);
});

test('a ServerHello is read as the suite and version chosen; an alert as a refusal', () => {
  expect(readServerAnswer(serverHello(0x000a, 0x0301))).toMatchObject({
    kind: 'accepted',
    protocol: 'TLSv1',
    cipher: '0x000a',
  });
  expect(readServerAnswer(Buffer.from([0x15, 0x03, 0x03, 0, 2, 2, 40]))).toEqual({
    kind: 'refused',
    reason: 'alert 40',
  });
  expect(readServerAnswer(serverHello(0x000a).subarray(0, 20))).toBeUndefined();
});

test("OpenSSL understands it: a real server's own suite is chosen, 3DES refused", async () => {
  const { key, cert } = createLocalCa('raw hello test CA').issueServer();
  const url = await listen(
    createTlsServer({ key, cert, ciphers: 'ECDHE+AESGCM' }, (_req, res) => res.end()),
  );

  expect(await offerSuites(endpointOf(url), [0xc02f])).toMatchObject({
    kind: 'accepted',
    cipher: '0xc02f',
  });
  expect(await offerSuites(endpointOf(url), [0x000a, 0xc012])).toMatchObject({ kind: 'refused' });
});

test('a server agreeing to 3DES is caught, though this OpenSSL cannot offer 3DES', async () => {
  const url = await listen(old3desServer());

  const result = await probeCipherFamilies(endpointOf(url));

  expect(result.findings).toEqual([
    expect.objectContaining({
      code: 'weak_cipher_accepted',
      severity: 'medium',
      actual: 'DES-CBC3-SHA, offered by hand over TLSv1.2',
    }),
  ]);
});
