import { HarnessError, TransportError } from '../../core/errors.ts';
import { judgeCertificate } from './certificate.ts';
import { probeCipherFamilies } from './cipher-families.ts';
import { authority, endpointOf, type Endpoint } from './endpoint.ts';
import { describeHandshake, handshake } from './handshake.ts';
import { probeHsts } from './hsts.ts';
import { askInClear, probePlainHttp } from './plain-http.ts';
import { merge, type ProbeResult } from './probe-result.ts';
import { probeVersions } from './protocol-versions.ts';

export interface TlsProbeOptions {
  /** Authorities (PEM) trusted besides the system's. */
  readonly ca?: readonly string[];
  /** The moment certificates are judged at. @default now */
  readonly now?: Date;
}

/**
 * Probes the transport security of an API host (ENC-01): the protocol versions and weak cipher
 * families it agrees to, its certificate, HSTS, and what it does with plain HTTP. Connections
 * that cannot be made throw a TransportError; everything the server chose is in the result.
 */
export async function probeTls(
  baseUrl: string,
  options: TlsProbeOptions = {},
): Promise<ProbeResult> {
  const endpoint = endpointOf(baseUrl, options.ca);
  if (endpoint.scheme === 'http:') return probePlainApi(endpoint);

  const layer = await probeTlsLayer(endpoint, options);
  const hsts = await probeHsts(endpoint);
  const plain = await probePlainHttp(endpoint);
  return merge([layer, hsts, plain]);
}

/**
 * What any TLS server is asked, whatever it speaks inside: the handshake a client of today
 * makes, the certificate, the protocol versions and the weak cipher families it agrees to.
 */
export async function probeTlsLayer(
  endpoint: Endpoint,
  options: TlsProbeOptions = {},
): Promise<ProbeResult> {
  const modern = await handshake(endpoint, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
  if (modern.kind === 'not-offered') {
    throw new HarnessError('ASSURE_TLS_CLIENT', `cannot offer TLS 1.2: ${modern.reason}`);
  }
  const first = {
    findings: [],
    warnings: [],
    notes: [`a client of today (TLS 1.2 to 1.3, default suites): ${describeHandshake(modern)}`],
  };
  const certificate =
    modern.kind === 'accepted'
      ? judgeCertificate(endpoint, modern, options.now)
      : { findings: [], warnings: ['certificate not judged: no handshake completed'], notes: [] };

  // One part at a time: a small server should not see a burst of handshakes from its tester.
  const versions = await probeVersions(endpoint);
  const ciphers = await probeCipherFamilies(endpoint);
  return merge([first, certificate, versions, ciphers]);
}

/** A base URL that is http://: a finding once the API is seen answering in clear, not before. */
async function probePlainApi(endpoint: Endpoint): Promise<ProbeResult> {
  const where = authority(endpoint);
  const answer = await askInClear(endpoint.host, endpoint.port, where);
  if (answer.kind === 'none') {
    throw new TransportError(`${where}: no plain HTTP answer (${answer.reason})`);
  }

  return {
    findings: [
      {
        code: 'api_over_plain_http',
        severity: 'critical',
        message: 'the API is served over plain HTTP: keys, numbers and texts cross in clear',
        expected: 'an https:// API',
        actual: `HTTP ${answer.status} in clear from http://${where}`,
      },
    ],
    warnings: [],
    notes: [],
  };
}
