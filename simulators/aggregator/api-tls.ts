import { sharedLoopbackCredentials } from '../../tls/local-ca.ts';
import type { ApiTransport } from './profiles.ts';
import type { TlsSettings } from './server.ts';

/** What the simulator was asked to serve; a profile about transport overrides it. */
export type RequestedTransport = 'https' | 'http';

export interface ApiTls {
  /** Absent: plain HTTP. */
  readonly settings?: TlsSettings;
  /** The certificate clients must trust, PEM; absent over plain HTTP. */
  readonly ca?: string;
}

/** Forward-secret AEAD suites only; TLS 1.3's own suites are Node's defaults, all sound. */
const SOUND_CIPHERS = 'ECDHE+AESGCM:ECDHE+CHACHA20';

/**
 * TLS 1.0 needs security level 0 in OpenSSL 3; the static-RSA suites (no forward secrecy) are
 * the weakest this Node's OpenSSL still carries (it has no 3DES, RC4 or EXPORT suites at all).
 */
const WEAK_CIPHERS = 'ECDHE+AESGCM:ECDHE+AES:AES128-SHA:AES256-SHA:@SECLEVEL=0';

/**
 * Decides how the API is served; over TLS, with a certificate from an authority made at the
 * first start in this process.
 */
export function apiTls(requested: RequestedTransport, profile: ApiTransport): ApiTls {
  if (profile === 'plain-http' || (profile === 'sound-tls' && requested === 'http')) return {};

  // The simulators of one process share an authority: keys are the slow part of a start.
  const credentials = sharedLoopbackCredentials('sms-assure simulator CA');
  const common = { key: credentials.key, cert: credentials.cert };
  const settings: TlsSettings =
    profile === 'weak-tls'
      ? { ...common, minVersion: 'TLSv1', ciphers: WEAK_CIPHERS }
      : { ...common, minVersion: 'TLSv1.2', ciphers: SOUND_CIPHERS };
  return { settings, ca: credentials.ca };
}
