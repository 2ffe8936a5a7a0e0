import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SnsAuth } from './credentials.ts';

/** What the request carries once signed: the headers to send with the body as it is. */
export type SignedHeaders = Record<string, string>;

/**
 * Signs SNS Query API calls with AWS Signature Version 4 (the @smithy signer the AWS SDK
 * uses), for the region the target names. The simulator checks signatures with its own code,
 * so each side tests the other.
 */
export class SnsSigner {
  readonly #signer: SignatureV4;

  constructor(auth: SnsAuth, region: string) {
    this.#signer = new SignatureV4({
      service: 'sns',
      region,
      credentials: auth,
      sha256: Hash.bind(null, 'sha256'),
    });
  }

  async sign(url: URL, body: string): Promise<SignedHeaders> {
    const signed = await this.#signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
      body,
    });
    return { ...signed.headers };
  }
}
