import type { Severity } from '../../core/evidence.ts';
import type { Endpoint } from './endpoint.ts';
import { describeHandshake, handshake } from './handshake.ts';
import { emptyResult, type ProbeResult } from './probe-result.ts';

interface CipherFamily {
  readonly name: string;
  /** OpenSSL's name for the family in a cipher list. */
  readonly spec: string;
  readonly severity: Severity;
  readonly why: string;
}

/** The families no server should agree to, each offered alone so the answer is about it. */
export const WEAK_FAMILIES: readonly CipherFamily[] = [
  { name: 'NULL', spec: 'eNULL', severity: 'critical', why: 'no encryption at all' },
  { name: 'EXPORT', spec: 'EXP', severity: 'critical', why: '40- and 56-bit export keys' },
  { name: 'RC4', spec: 'RC4', severity: 'high', why: 'a broken stream cipher (RFC 7465)' },
  { name: '3DES', spec: '3DES', severity: 'medium', why: '64-bit blocks (Sweet32)' },
  {
    name: 'no forward secrecy',
    spec: 'kRSA',
    severity: 'medium',
    why: 'a stolen server key would decrypt recorded traffic',
  },
];

/**
 * Offers each weak family alone, up to TLS 1.2 (TLS 1.3's suites are all sound, and its
 * handshake ignores this list). A family this machine's OpenSSL cannot propose is reported as
 * not probed, never as refused.
 */
export async function probeCipherFamilies(endpoint: Endpoint): Promise<ProbeResult> {
  const result = emptyResult();
  const outcomes = await Promise.all(
    WEAK_FAMILIES.map((family) =>
      handshake(endpoint, {
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.2',
        ciphers: `${family.spec}:@SECLEVEL=0`,
      }),
    ),
  );

  for (const [index, outcome] of outcomes.entries()) {
    const family = WEAK_FAMILIES[index] as CipherFamily;
    if (outcome.kind === 'not-offered') {
      result.warnings.push(`${family.name} suites: ${describeHandshake(outcome)}`);
      continue;
    }
    result.notes.push(`${family.name} suites: ${describeHandshake(outcome)}`);
    if (outcome.kind === 'accepted') {
      result.findings.push({
        code: 'weak_cipher_accepted',
        severity: family.severity,
        message: `the server agrees to a ${family.name} cipher suite: ${family.why}`,
        expected: `${family.name} suites refused`,
        actual: `${outcome.cipher} over ${outcome.protocol}`,
      });
    }
  }
  return result;
}
