import type { Severity } from '../../core/evidence.ts';
import type { Endpoint } from './endpoint.ts';
import { describeHandshake, handshake, type Handshake } from './handshake.ts';
import { emptyResult, type ProbeResult } from './probe-result.ts';
import { offerSuites } from './raw-hello.ts';

interface CipherFamily {
  readonly name: string;
  /** OpenSSL's name for the family in a cipher list. */
  readonly spec: string;
  readonly severity: Severity;
  readonly why: string;
  /**
   * IANA code points of the family, offered in a hand-written ClientHello where this machine's
   * OpenSSL cannot propose the family itself.
   */
  readonly suites: Readonly<Record<number, string>>;
}

/** The families no server should agree to, each offered alone so the answer is about it. */
export const WEAK_FAMILIES: readonly CipherFamily[] = [
  {
    name: 'NULL',
    spec: 'eNULL',
    severity: 'critical',
    why: 'no encryption at all',
    suites: { 0x0002: 'NULL-SHA', 0x003b: 'NULL-SHA256', 0xc010: 'ECDHE-RSA-NULL-SHA' },
  },
  {
    name: 'EXPORT',
    spec: 'EXP',
    severity: 'critical',
    why: '40- and 56-bit export keys',
    suites: {
      0x0003: 'EXP-RC4-MD5',
      0x0006: 'EXP-RC2-CBC-MD5',
      0x0008: 'EXP-DES-CBC-SHA',
      0x0014: 'EXP-EDH-RSA-DES-CBC-SHA',
    },
  },
  {
    name: 'RC4',
    spec: 'RC4',
    severity: 'high',
    why: 'a broken stream cipher (RFC 7465)',
    suites: { 0x0004: 'RC4-MD5', 0x0005: 'RC4-SHA', 0xc011: 'ECDHE-RSA-RC4-SHA' },
  },
  {
    name: '3DES',
    spec: '3DES',
    severity: 'medium',
    why: '64-bit blocks (Sweet32)',
    suites: {
      0x000a: 'DES-CBC3-SHA',
      0x0016: 'EDH-RSA-DES-CBC3-SHA',
      0xc012: 'ECDHE-RSA-DES-CBC3-SHA',
    },
  },
  {
    name: 'no forward secrecy',
    spec: 'kRSA',
    severity: 'medium',
    why: 'a stolen server key would decrypt recorded traffic',
    suites: { 0x002f: 'AES128-SHA', 0x0035: 'AES256-SHA', 0x009c: 'AES128-GCM-SHA256' },
  },
];

/**
 * Offers each weak family alone, up to TLS 1.2 (TLS 1.3's suites are all sound, and its
 * handshake ignores this list): through OpenSSL where it can still propose the family, else in a
 * ClientHello written by hand, so a family is never taken as refused for want of a client.
 */
export async function probeCipherFamilies(endpoint: Endpoint): Promise<ProbeResult> {
  const result = emptyResult();
  const outcomes = await Promise.all(WEAK_FAMILIES.map((family) => offerFamily(endpoint, family)));

  for (const [index, outcome] of outcomes.entries()) {
    const family = WEAK_FAMILIES[index] as CipherFamily;
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

async function offerFamily(endpoint: Endpoint, family: CipherFamily): Promise<Handshake> {
  const offer = { minVersion: 'TLSv1', maxVersion: 'TLSv1.2' } as const;
  const outcome = await handshake(endpoint, { ...offer, ciphers: `${family.spec}:@SECLEVEL=0` });
  if (outcome.kind !== 'not-offered') return outcome;

  const written = await offerSuites(endpoint, Object.keys(family.suites).map(Number));
  if (written.kind !== 'accepted') return { ...written, reason: `${written.reason}, by hand` };
  const code = Number.parseInt(written.cipher, 16);
  return { ...written, cipher: `${family.suites[code] ?? written.cipher}, offered by hand` };
}
