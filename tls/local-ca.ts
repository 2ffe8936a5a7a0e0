import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** What a TLS server needs, and the certificate its clients must trust to reach it. */
export interface ServerCredentials {
  readonly key: string;
  readonly cert: string;
  /** The issuing authority's certificate (PEM): give it to clients as their `ca`. */
  readonly ca: string;
}

export interface ServerCertificateOptions {
  /** Names and addresses the certificate is for. @default LOOPBACK_NAMES */
  readonly hosts?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** RSA modulus length. @default 2048 */
  readonly keyBits?: number;
  /** The hash the authority signs with; SHA-1 only to test a probe refuses it. @default 'sha256' */
  readonly hash?: 'sha256' | 'sha1';
}

/** A certificate authority made for one process's life; its key never leaves memory. */
export interface LocalCa {
  /** The authority's certificate, PEM. */
  readonly cert: string;
  issueServer(options?: ServerCertificateOptions): ServerCredentials;
}

/** Every way a loopback client may name a server the harness starts. */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'] as const;

const DAY_MS = 86_400_000;
const CLOCK_SKEW_MS = 60_000;

/**
 * Makes a fresh authority. Nothing is written to disk: a run's servers and clients share the
 * certificate in memory, so no trust outlives the process that made it.
 */
export function createLocalCa(commonName: string, validDays = 90): LocalCa {
  const { publicKey, privateKey } = rsaKeys(2048);
  const subject = [{ name: 'commonName', value: commonName }];
  const ca = forge.pki.createCertificate();
  ca.publicKey = publicKey;
  ca.serialNumber = serialNumber();
  ca.validity.notBefore = new Date(Date.now() - CLOCK_SKEW_MS);
  ca.validity.notAfter = new Date(Date.now() + validDays * DAY_MS);
  ca.setSubject(subject);
  ca.setIssuer(subject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(privateKey, forge.md.sha256.create());
  const caPem = forge.pki.certificateToPem(ca);

  return {
    cert: caPem,
    issueServer: (options = {}) => {
      const hosts = options.hosts ?? LOOPBACK_NAMES;
      const leafKeys = rsaKeys(options.keyBits ?? 2048);
      const leaf = forge.pki.createCertificate();
      leaf.publicKey = leafKeys.publicKey;
      leaf.serialNumber = serialNumber();
      leaf.validity.notBefore = options.notBefore ?? new Date(Date.now() - CLOCK_SKEW_MS);
      leaf.validity.notAfter = options.notAfter ?? new Date(Date.now() + (validDays - 1) * DAY_MS);
      leaf.setSubject([{ name: 'commonName', value: hosts[0] ?? commonName }]);
      leaf.setIssuer(subject);
      leaf.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: hosts.map(altName) },
        {
          name: 'authorityKeyIdentifier',
          keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes(),
        },
      ]);
      const hash = options.hash === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create();
      leaf.sign(privateKey, hash);
      return { key: leafKeys.pem, cert: forge.pki.certificateToPem(leaf), ca: caPem };
    },
  };
}

/** An authority and one loopback server certificate from it: what a local HTTPS server needs. */
export function loopbackCredentials(commonName: string): ServerCredentials {
  return createLocalCa(commonName).issueServer();
}

const shared = new Map<string, ServerCredentials>();

/**
 * Like `loopbackCredentials`, made once per process and name: a run that starts fifteen
 * simulators makes two RSA keys, not thirty, and none of them outlives the process.
 */
export function sharedLoopbackCredentials(commonName: string): ServerCredentials {
  let credentials = shared.get(commonName);
  if (!credentials) {
    credentials = loopbackCredentials(commonName);
    shared.set(commonName, credentials);
  }
  return credentials;
}

// Node makes the keys (fast, native); forge only builds and signs the certificates.
function rsaKeys(bits: number) {
  const pair = generateKeyPairSync('rsa', { modulusLength: bits });
  const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    pem,
    privateKey: forge.pki.privateKeyFromPem(pem),
    publicKey: forge.pki.publicKeyFromPem(publicPem),
  };
}

/**
 * Positive and unique enough that no two certificates share one. The first byte is kept in
 * 0x40-0x7f: a clear top bit keeps the integer positive, and a non-zero byte keeps its DER
 * minimal, which OpenSSL insists on ("illegal padding" otherwise, once in some 256 keys).
 */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return bytes.toString('hex');
}

function altName(host: string) {
  // 7 is iPAddress and 2 is dNSName in RFC 5280's GeneralName.
  return isIP(host) ? { type: 7, ip: host } : { type: 2, value: host };
}
