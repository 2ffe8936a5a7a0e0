import { X509Certificate } from 'node:crypto';
import {
  connect,
  rootCertificates,
  type DetailedPeerCertificate,
  type SecureVersion,
  type TLSSocket,
} from 'node:tls';
import { TransportError } from '../../core/errors.ts';
import { authority, serverName, type Endpoint } from './endpoint.ts';
import { watchProbeSocket } from './probe-socket.ts';

/** What the probe's client proposes: a range of protocol versions and an OpenSSL cipher list. */
export interface Offer {
  readonly minVersion: SecureVersion;
  readonly maxVersion: SecureVersion;
  readonly ciphers?: string;
}

/**
 * How a handshake ended. `accepted`: the server chose a version and suite and sent its
 * certificates; `verifyError` says why the client then refused them, if it did. `refused`: the
 * server would not agree to the offer. `not-offered`: this machine's OpenSSL cannot even propose
 * it, so nothing is known.
 */
export type Handshake =
  | {
      readonly kind: 'accepted';
      readonly protocol: string;
      readonly cipher: string;
      /** The server's certificates, its own first. */
      readonly chain: readonly X509Certificate[];
      readonly verifyError?: string;
    }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'not-offered'; readonly reason: string };

/**
 * One TLS handshake, closed as soon as it ends; no application data is ever sent. Verification
 * stays on: certificates are read as they arrive, before the client judges them, so a server
 * whose certificate is refused still shows what it offered. A connection that cannot be made,
 * or a server that never answers, is a TransportError: it says nothing about the supplier.
 */
export function handshake(endpoint: Endpoint, offer: Offer): Promise<Handshake> {
  const where = authority(endpoint);
  let socket: TLSSocket;
  try {
    socket = connect({
      host: endpoint.host,
      port: endpoint.port,
      ...serverName(endpoint),
      ...(endpoint.ca.length > 0 ? { ca: [...rootCertificates, ...endpoint.ca] } : {}),
      minVersion: offer.minVersion,
      maxVersion: offer.maxVersion,
      ...(offer.ciphers ? { ciphers: offer.ciphers } : {}),
    });
  } catch (error) {
    return Promise.resolve({ kind: 'not-offered', reason: codeOf(error) });
  }

  return new Promise((resolve, reject) => {
    const { connected, end } = watchProbeSocket<Handshake>(socket, where, resolve, reject);
    let seen: Extract<Handshake, { kind: 'accepted' }> | undefined;

    // Fired once the handshake is done and before the client judges the certificates.
    socket.prependOnceListener('secure', () => {
      seen = {
        kind: 'accepted',
        protocol: socket.getProtocol() ?? 'unknown',
        cipher: socket.getCipher().name,
        chain: peerChain(socket),
      };
    });
    socket.once('secureConnect', () => end(seen ?? acceptedNow(socket)));
    socket.once('error', (error) => {
      if (!connected()) {
        end(new TransportError(`${where}: cannot connect (${codeOf(error)})`, { cause: error }));
      } else if (seen) {
        end({ ...seen, verifyError: codeOf(error) });
      } else {
        end({ kind: 'refused', reason: codeOf(error) });
      }
    });
    socket.once('close', () => end({ kind: 'refused', reason: 'closed during the handshake' }));
  });
}

/** One line for the evidence. */
export function describeHandshake(outcome: Handshake): string {
  if (outcome.kind === 'accepted') return `accepted (${outcome.protocol}, ${outcome.cipher})`;
  if (outcome.kind === 'refused') return `refused (${outcome.reason})`;
  return `not probed: this machine's OpenSSL cannot offer it (${outcome.reason})`;
}

function acceptedNow(socket: TLSSocket): Handshake {
  return {
    kind: 'accepted',
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: socket.getCipher().name,
    chain: peerChain(socket),
  };
}

/** The certificates the server sent, leaf first, up to a self-signed one. */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (current?.raw) {
    chain.push(new X509Certificate(current.raw));
    const next: DetailedPeerCertificate | undefined = current.issuerCertificate;
    if (!next || next === current || next.fingerprint256 === current.fingerprint256) break;
    current = next;
  }
  return chain;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
