import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { ConfigError } from '../core/errors.ts';

/**
 * Reads the authority a real target's certificate chains to (`tls.ca`), so the harness can
 * trust it beside the system's without ever turning verification off. The file must hold at
 * least one PEM certificate; anything else is bad configuration named by file and field.
 */
export function readTargetCa(file: string, field: string, where: { source: string }): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(where.source, [`${field}: cannot read ${file}: ${reason}`]);
  }

  try {
    new X509Certificate(pem);
  } catch {
    throw new ConfigError(where.source, [
      `${field}: ${file} holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)`,
    ]);
  }
  return pem;
}
