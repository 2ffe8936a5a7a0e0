import type { z } from 'zod';
import type {
  AuthVerdict,
  CallbackAuthority,
  CallbackRejection,
  CallbackVerdict,
  InboundVerdict,
  IncomingCallback,
  Price,
} from '../contract.ts';
import { callbackParams } from './callback-params.ts';
import { DeliveryReceiptSchema, InboundSmsSchema } from './schemas.ts';
import { sameSignature, vonageSignature, type SignatureMethod } from './signature.ts';
import { normaliseVonageReceipt } from './statuses.ts';

export interface VonageCallbackOptions {
  /** The account's signature secret; without one no callback can prove where it came from. */
  readonly signatureSecret?: string;
  readonly signatureMethod?: SignatureMethod;
  /** How far a signed `timestamp` may be from now before the callback is refused as stale. */
  readonly maxSkewMs?: number;
  readonly now?: () => number;
}

const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

/**
 * Vonage signs webhooks with a `sig` over the other parameters, a `timestamp` and a `nonce`.
 * A stale timestamp is refused; a nonce seen before is a replay: acknowledged, so the supplier
 * stops resending, but marked so that nothing counts it twice.
 */
export class VonageCallbackAuthority implements CallbackAuthority {
  readonly #options: VonageCallbackOptions;
  readonly #nonces = new Set<string>();

  constructor(options: VonageCallbackOptions = {}) {
    this.#options = options;
  }

  authenticate(callback: IncomingCallback): AuthVerdict {
    const params = callbackParams(callback);
    if (!params) return reject('callback_unreadable', 'callback parameters cannot be read');

    const { signatureSecret, signatureMethod = 'md5hash' } = this.#options;
    if (!signatureSecret) return reject('callback_unsigned', 'no signature secret is configured');
    const sig = params['sig'];
    if (!sig) return reject('callback_unauthenticated', 'the callback carries no sig');

    const expected = vonageSignature(params, signatureSecret, signatureMethod);
    if (!sameSignature(sig, expected)) return reject('callback_bad_signature', 'sig is wrong');

    return this.#fresh(params);
  }

  parse(callback: IncomingCallback): CallbackVerdict {
    const read = readParams(callback, DeliveryReceiptSchema);
    if (!read.ok) return read;

    const receipt = read.data;
    const status = normaliseVonageReceipt(receipt.status, receipt['err-code']);
    if (!status) return reject('callback_unknown_status', `unknown status '${receipt.status}'`);

    const errCode = receipt['err-code'];
    const reference = receipt['client-ref'];
    return {
      ok: true,
      receipt: {
        messageId: receipt.messageId,
        status,
        providerStatus: errCode ? `${receipt.status} (err-code ${errCode})` : receipt.status,
        ...(reference ? { reference } : {}),
        ...priceOf(receipt.price),
      },
    };
  }

  parseInbound(callback: IncomingCallback): InboundVerdict {
    const read = readParams(callback, InboundSmsSchema);
    if (!read.ok) return read;

    const text = read.data;
    return {
      ok: true,
      inbound: {
        id: text.messageId,
        from: text.msisdn,
        to: text.to,
        text: text.text,
        receivedAt: text['message-timestamp'] ?? '',
      },
    };
  }

  #fresh(params: Record<string, string>): AuthVerdict {
    const now = this.#options.now?.() ?? Date.now();
    const maxSkew = this.#options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
    const signedAt = Number(params['timestamp']) * 1000;
    if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > maxSkew) {
      return reject('callback_stale', 'the signed timestamp is missing or too far from now');
    }

    const nonce = params['nonce'];
    if (!nonce) return reject('callback_no_nonce', 'a signed callback must carry a nonce');
    if (this.#nonces.has(nonce)) return { ok: true, replayed: true };
    this.#nonces.add(nonce);
    return { ok: true };
  }
}

function readParams<T>(
  callback: IncomingCallback,
  schema: z.ZodType<T>,
): { ok: true; data: T } | CallbackRejection {
  const params = callbackParams(callback);
  if (!params) return reject('callback_unreadable', 'callback parameters cannot be read');

  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, data: parsed.data };

  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || '(root)';
  return reject('callback_shape', `callback invalid at '${where}': ${issue?.message}`);
}

/** A receipt is about one part, so its `price` is one segment's, at whatever rate applies. */
function priceOf(price: string | undefined): { price?: Price } {
  const perSegment = Number(price);
  if (price === undefined || price === '' || !Number.isFinite(perSegment)) return {};
  return { price: { segments: 1, perSegment, multiplier: 1, total: perSegment } };
}

function reject(code: string, reason: string): CallbackRejection {
  return { ok: false, code, reason };
}
