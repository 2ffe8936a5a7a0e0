import { timingSafeEqual } from 'node:crypto';
import type {
  AuthVerdict,
  CallbackAuthority,
  CallbackRejection,
  CallbackVerdict,
  IncomingCallback,
} from '../contract.ts';
import { DeliveryCallbackSchema } from './schemas.ts';
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

    const match = /^Bearer (.+)$/.exec(header);
    if (!match?.[1]) return reject('callback_wrong_scheme', 'Authorization is not a bearer token');

    const offered = Buffer.from(match[1]);
    const same = offered.length === this.#token.length && timingSafeEqual(offered, this.#token);
    return same ? { ok: true } : reject('callback_wrong_token', 'bearer token does not match');
  }

  parse(callback: IncomingCallback): CallbackVerdict {
    let data: unknown;
    try {
      data = JSON.parse(callback.body);
    } catch {
      return reject('callback_not_json', 'callback body is not valid JSON');
    }

    const parsed = DeliveryCallbackSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join('.') || '(root)';
      return reject('callback_shape', `callback body invalid at '${where}': ${issue?.message}`);
    }

    const status = normaliseNotifyStatus(parsed.data.status);
    if (!status) return reject('callback_unknown_status', `unknown status '${parsed.data.status}'`);
    return {
      ok: true,
      receipt: {
        messageId: parsed.data.id,
        status,
        providerStatus: parsed.data.status,
        ...(parsed.data.reference === null ? {} : { reference: parsed.data.reference }),
      },
    };
  }
}

function reject(code: string, reason: string): CallbackRejection {
  return { ok: false, code, reason };
}
