import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type {
  AuthVerdict,
  CallbackAuthority,
  CallbackRejection,
  CallbackVerdict,
  InboundVerdict,
  IncomingCallback,
} from '../contract.ts';
import { DeliveryCallbackSchema, ReceivedTextCallbackSchema } from './schemas.ts';
import { normaliseNotifyStatus } from './statuses.ts';

/**
 * Notify authenticates a delivery-status callback with the bearer token the service configured;
 * nothing else in the request is signed.
 */
export class NotifyCallbackAuthority implements CallbackAuthority {
  readonly #token: Buffer;

  constructor(bearerToken: string) {
    this.#token = Buffer.from(bearerToken);
  }

  authenticate(callback: IncomingCallback): AuthVerdict {
    const header = callback.headers['authorization'];
    if (!header) return reject('callback_unauthenticated', 'no Authorization header');

    const match = /^Bearer (.+)$/i.exec(header);
    if (!match?.[1]) return reject('callback_wrong_scheme', 'Authorization is not a bearer token');

    const offered = Buffer.from(match[1]);
    const same = offered.length === this.#token.length && timingSafeEqual(offered, this.#token);
    return same ? { ok: true } : reject('callback_wrong_token', 'bearer token does not match');
  }

  parseInbound(callback: IncomingCallback): InboundVerdict {
    const read = readBody(callback, ReceivedTextCallbackSchema);
    if (!read.ok) return read;

    const { id, source_number, destination_number, message, date_received } = read.data;
    return {
      ok: true,
      inbound: {
        id,
        from: source_number,
        to: destination_number,
        text: message,
        receivedAt: date_received,
      },
    };
  }

  parse(callback: IncomingCallback): CallbackVerdict {
    const read = readBody(callback, DeliveryCallbackSchema);
    if (!read.ok) return read;

    const { id, reference, status: notifyStatus } = read.data;
    const status = normaliseNotifyStatus(notifyStatus);
    if (!status) return reject('callback_unknown_status', `unknown status '${notifyStatus}'`);
    return {
      ok: true,
      receipt: {
        messageId: id,
        status,
        providerStatus: notifyStatus,
        ...(reference === null ? {} : { reference }),
      },
    };
  }
}

/** A callback body against its documented shape; never throws, whatever arrives. */
function readBody<T>(
  callback: IncomingCallback,
  schema: z.ZodType<T>,
): { ok: true; data: T } | CallbackRejection {
  let data: unknown;
  try {
    data = JSON.parse(callback.body);
  } catch {
    return reject('callback_not_json', 'callback body is not valid JSON');
  }

  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };

  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || '(root)';
  return reject('callback_shape', `callback body invalid at '${where}': ${issue?.message}`);
}

function reject(code: string, reason: string): CallbackRejection {
  return { ok: false, code, reason };
}
