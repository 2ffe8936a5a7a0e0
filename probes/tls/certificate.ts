import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { Endpoint } from './endpoint.ts';
import type { Handshake } from './handshake.ts';
import { emptyResult, type ProbeFinding, type ProbeResult } from './probe-result.ts';
import { signatureAlgorithm } from './signature-algorithm.ts';

const DAY_MS = 86_400_000;
/** Expiry closer than this is a warning: renewal should already be under way. */
export const EXPIRY_WARNING_DAYS = 30;

/** OpenSSL's words for a chain that leads to no trusted authority. */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
]);
/** Judged below from the certificate itself, so not reported twice. */
const JUDGED_APART = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Judges the certificates of a completed handshake: a chain to a trusted authority, the host
 * name, the validity dates, the key and the signature algorithms.
 */
export function judgeCertificate(
  endpoint: Endpoint,
  outcome: Extract<Handshake, { kind: 'accepted' }>,
  now = new Date(),
): ProbeResult {
  const result = emptyResult();
  const [leaf, ...issuers] = outcome.chain;
  if (!leaf) {
    result.findings.push(
      finding('certificate_missing', 'critical', 'the server sent no certificate'),
    );
    return result;
  }
  result.notes.push(
    `certificate for ${leaf.subjectAltName ?? leaf.subject}, issued by ${oneLine(leaf.issuer)}, ` +
      `valid ${leaf.validFrom} to ${leaf.validTo}`,
  );

  const error = outcome.verifyError;
  if (error && UNTRUSTED.has(error)) {
    result.findings.push(
      finding('certificate_untrusted', 'critical', 'the chain leads to no trusted authority', {
        expected: 'a chain to a trusted authority',
        actual: error,
      }),
    );
  } else if (error && !JUDGED_APART.has(error)) {
    result.findings.push(
      finding('certificate_invalid', 'critical', 'the certificate failed verification', {
        actual: error,
      }),
    );
  }

  judgeHost(endpoint, leaf, result);
  judgeDates(leaf, now, result);
  judgeKey(leaf, result);
  // The root's own signature proves nothing; what it signed, and what they signed, does.
  for (const certificate of [leaf, ...issuers.filter((c) => c.issuer !== c.subject)]) {
    judgeSignature(certificate, result);
  }
  return result;
}

function judgeHost(endpoint: Endpoint, leaf: X509Certificate, result: ProbeResult) {
  const matches = isIP(endpoint.host)
    ? leaf.checkIP(endpoint.host) !== undefined
    : leaf.checkHost(endpoint.host) !== undefined;
  if (!matches) {
    result.findings.push(
      finding('certificate_host_mismatch', 'critical', 'the certificate is for another host', {
        expected: endpoint.host,
        actual: leaf.subjectAltName ?? oneLine(leaf.subject),
      }),
    );
  }
}

function judgeDates(leaf: X509Certificate, now: Date, result: ProbeResult) {
  const notAfter = new Date(leaf.validTo);
  const notBefore = new Date(leaf.validFrom);
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);

  if (notAfter <= now) {
    result.findings.push(
      finding('certificate_expired', 'critical', 'the certificate has expired', {
        expected: `valid on ${now.toISOString()}`,
        actual: `expired ${notAfter.toISOString()}`,
      }),
    );
  } else if (notBefore > now) {
    result.findings.push(
      finding('certificate_not_yet_valid', 'high', 'the certificate is not valid yet', {
        actual: `valid from ${notBefore.toISOString()}`,
      }),
    );
  } else if (daysLeft < EXPIRY_WARNING_DAYS) {
    result.warnings.push(
      `the certificate expires in ${daysLeft} day(s), on ${notAfter.toISOString()}: ` +
        `renew it before then`,
    );
  }
}

function judgeKey(leaf: X509Certificate, result: ProbeResult) {
  const key = leaf.publicKey;
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  const description =
    type === 'rsa' || type === 'rsa-pss'
      ? `RSA ${details.modulusLength ?? '?'} bits`
      : type === 'ec'
        ? `EC ${details.namedCurve ?? '?'}`
        : type;
  result.notes.push(`server key: ${description}`);

  const weak =
    ((type === 'rsa' || type === 'rsa-pss') && (details.modulusLength ?? 0) < 2048) ||
    (type === 'ec' &&
      !['prime256v1', 'secp384r1', 'secp521r1'].includes(details.namedCurve ?? '')) ||
    type === 'dsa';
  if (weak) {
    result.findings.push(
      finding('weak_server_key', 'high', 'the server key is too weak', {
        expected: 'RSA of 2048 bits or more, EC P-256 or stronger, or Ed25519',
        actual: description,
      }),
    );
  }
}

function judgeSignature(certificate: X509Certificate, result: ProbeResult) {
  const algorithm = signatureAlgorithm(certificate);
  const who = oneLine(certificate.subject);
  if (algorithm.sound === undefined) {
    result.warnings.push(
      `${who} is signed with an algorithm the probe does not know: ${algorithm.oid}`,
    );
  } else if (!algorithm.sound) {
    result.findings.push(
      finding('weak_signature_algorithm', 'high', `${who} is signed with a broken hash`, {
        expected: 'SHA-256 or stronger',
        actual: algorithm.name,
      }),
    );
  } else {
    result.notes.push(`${who} signed with ${algorithm.name}`);
  }
}

function finding(
  code: ProbeFinding['code'],
  severity: ProbeFinding['severity'],
  message: string,
  values: { expected?: string; actual?: string } = {},
): ProbeFinding {
  return { code, severity, message, ...values };
}

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}
