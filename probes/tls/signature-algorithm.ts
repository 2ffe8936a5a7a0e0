import type { X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** Signature algorithms by OID, and whether a certificate signed with one can be trusted. */
const ALGORITHMS: Readonly<Record<string, { readonly name: string; readonly sound: boolean }>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', sound: false },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', sound: false },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', sound: false },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', sound: false },
  '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', sound: false },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', sound: true },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', sound: true },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', sound: true },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', sound: true },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', sound: true },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', sound: true },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', sound: true },
  '1.3.101.112': { name: 'Ed25519', sound: true },
  '1.3.101.113': { name: 'Ed448', sound: true },
};

export interface SignatureAlgorithm {
  readonly oid: string;
  readonly name: string;
  /** Undefined for an algorithm this table does not know. */
  readonly sound: boolean | undefined;
}

/**
 * The algorithm the issuer signed the certificate with. Node 20's X509Certificate does not say,
 * so it is read from the DER: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, … }.
 */
export function signatureAlgorithm(certificate: X509Certificate): SignatureAlgorithm {
  const der = forge.util.createBuffer(certificate.raw.toString('binary'));
  const parsed = forge.asn1.fromDer(der) as { value: { value: { value: string }[] }[] };
  const oid = forge.asn1.derToOid(parsed.value[1]?.value[0]?.value ?? '');
  const known = ALGORITHMS[oid];
  return { oid, name: known?.name ?? oid, sound: known?.sound };
}
