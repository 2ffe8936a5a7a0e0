import type { SecureVersion } from 'node:tls';
import type { Endpoint } from './endpoint.ts';
import { describeHandshake, handshake } from './handshake.ts';
import { emptyResult, type ProbeResult } from './probe-result.ts';

/** Versions with known weaknesses (BEAST, SHA-1 and MD5 in the handshake), retired by RFC 8996. */
const RETIRED: readonly SecureVersion[] = ['TLSv1', 'TLSv1.1'];
const CURRENT: readonly SecureVersion[] = ['TLSv1.2', 'TLSv1.3'];

// OpenSSL 3 will not even propose TLS 1.0 or 1.1 above security level 0.
const ANY_CIPHER = 'DEFAULT@SECLEVEL=0';

/** Offers each protocol version alone: 1.0 and 1.1 must be refused, 1.2 or 1.3 accepted. */
export async function probeVersions(endpoint: Endpoint): Promise<ProbeResult> {
  const result = emptyResult();
  const versions = [...RETIRED, ...CURRENT];
  const outcomes = await Promise.all(
    versions.map((version) =>
      handshake(endpoint, { minVersion: version, maxVersion: version, ciphers: ANY_CIPHER }),
    ),
  );

  const accepted = new Set<SecureVersion>();
  for (const [index, outcome] of outcomes.entries()) {
    const version = versions[index] as SecureVersion;
    if (outcome.kind === 'accepted') accepted.add(version);
    result.notes.push(`${version}: ${describeHandshake(outcome)}`);
  }

  for (const version of RETIRED.filter((v) => accepted.has(v))) {
    result.findings.push({
      code: 'retired_tls_version_accepted',
      severity: 'high',
      message: `the server agrees to ${version}, which RFC 8996 retired`,
      expected: 'TLSv1 and TLSv1.1 refused',
      actual: `${version} accepted`,
    });
  }
  if (!CURRENT.some((v) => accepted.has(v))) {
    result.findings.push({
      code: 'no_current_tls_version',
      severity: 'critical',
      message: 'the server agrees to neither TLS 1.2 nor TLS 1.3',
      expected: 'TLSv1.2 or TLSv1.3 accepted',
      actual: `accepted: ${[...accepted].join(', ') || 'none'}`,
    });
  }
  return result;
}
