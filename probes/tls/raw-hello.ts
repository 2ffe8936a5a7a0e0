import { randomBytes } from 'node:crypto';
import { connect, isIP } from 'node:net';
import { TransportError } from '../../core/errors.ts';
import { authority, type Endpoint } from './endpoint.ts';
import type { Handshake } from './handshake.ts';
import { watchProbeSocket } from './probe-socket.ts';

const HANDSHAKE = 0x16;
const ALERT = 0x15;
const CLIENT_HELLO = 0x01;
const SERVER_HELLO = 0x02;
const TLS_1_2 = [0x03, 0x03];

/** Protocol versions by their wire value, as a ServerHello names the one chosen. */
const VERSIONS: Readonly<Record<number, string>> = {
  0x0301: 'TLSv1',
  0x0302: 'TLSv1.1',
  0x0303: 'TLSv1.2',
};

/**
 * Asks whether the server would choose one of `suites` (IANA code points), for suites this
 * machine's OpenSSL no longer carries and so cannot propose (3DES, RC4, EXPORT). It writes a
 * TLS 1.2 ClientHello offering only those suites and reads the server's first record: a
 * ServerHello means it chose one (the connection is then dropped, as nothing could follow), an
 * alert or a closed connection means it refused. Nothing is ever encrypted or sent after it.
 */
export function offerSuites(endpoint: Endpoint, suites: readonly number[]): Promise<Handshake> {
  const where = authority(endpoint);

  return new Promise((resolve, reject) => {
    const socket = connect({ host: endpoint.host, port: endpoint.port });
    const { connected, end } = watchProbeSocket<Handshake>(socket, where, resolve, reject);
    let received = Buffer.alloc(0);

    socket.once('connect', () => {
      socket.write(clientHello(endpoint.host, suites));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = readServerAnswer(received);
      if (answer) end(answer);
    });
    socket.once('error', (error) => {
      const code = (error as { code?: unknown }).code;
      const reason = typeof code === 'string' ? code : error.message;
      if (connected()) end({ kind: 'refused', reason });
      else end(new TransportError(`${where}: cannot connect (${reason})`, { cause: error }));
    });
    socket.once('end', () => end({ kind: 'refused', reason: 'closed during the handshake' }));
  });
}

/** A TLS 1.2 ClientHello offering only `suites`, with the extensions servers expect. */
export function clientHello(host: string, suites: readonly number[]): Buffer {
  const extensions = Buffer.concat([
    ...(isIP(host) ? [] : [serverNameExtension(host)]),
    extension(0x000a, vector(2, u16s([0x001d, 0x0017, 0x0018]))), // supported groups
    extension(0x000b, vector(1, Buffer.from([0x00]))), // EC point formats: uncompressed
    // Signature algorithms, SHA-1 included, since servers old enough for these suites want it.
    extension(0x000d, vector(2, u16s([0x0401, 0x0804, 0x0403, 0x0501, 0x0201, 0x0203]))),
    extension(0xff01, vector(1, Buffer.alloc(0))), // secure renegotiation, initial
  ]);
  const body = Buffer.concat([
    Buffer.from(TLS_1_2),
    randomBytes(32),
    vector(1, Buffer.alloc(0)), // no session id
    vector(2, u16s(suites)),
    vector(1, Buffer.from([0x00])), // null compression only
    vector(2, extensions),
  ]);
  const message = Buffer.concat([Buffer.from([CLIENT_HELLO]), u24(body.length), body]);
  // Record version 1.0, as clients write it for the widest reach.
  return Buffer.concat([Buffer.from([HANDSHAKE, 0x03, 0x01]), u16(message.length), message]);
}

/** The server's verdict once its first record is complete; undefined until then. */
export function readServerAnswer(bytes: Buffer): Handshake | undefined {
  if (bytes.length < 5) return undefined;
  const type = bytes[0];
  const length = bytes.readUInt16BE(3);
  if (bytes.length < 5 + length) return undefined;
  const record = bytes.subarray(5, 5 + length);

  if (type === ALERT) return { kind: 'refused', reason: `alert ${record[1] ?? '?'}` };
  if (type !== HANDSHAKE || record[0] !== SERVER_HELLO || record.length < 39) {
    return { kind: 'refused', reason: 'no ServerHello' };
  }

  const version = record.readUInt16BE(4);
  const sessionIdLength = record[38] ?? 0;
  const suiteAt = 39 + sessionIdLength;
  if (record.length < suiteAt + 2) return { kind: 'refused', reason: 'truncated ServerHello' };
  const suite = record.readUInt16BE(suiteAt);
  return {
    kind: 'accepted',
    protocol: VERSIONS[version] ?? `0x${version.toString(16)}`,
    cipher: `0x${suite.toString(16).padStart(4, '0')}`,
    chain: [],
  };
}

function serverNameExtension(host: string): Buffer {
  const name = Buffer.from(host, 'ascii');
  const entry = Buffer.concat([Buffer.from([0x00]), vector(2, name)]); // 0: host_name
  return extension(0x0000, vector(2, entry));
}

function extension(type: number, data: Buffer): Buffer {
  return Buffer.concat([u16(type), vector(2, data)]);
}

function vector(lengthBytes: 1 | 2, data: Buffer): Buffer {
  const length = lengthBytes === 1 ? Buffer.from([data.length]) : u16(data.length);
  return Buffer.concat([length, data]);
}

function u16s(values: readonly number[]): Buffer {
  return Buffer.concat(values.map(u16));
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u24(value: number): Buffer {
  return Buffer.from([(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
}
