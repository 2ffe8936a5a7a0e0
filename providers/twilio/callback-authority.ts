import type { z } from 'zod';
import type {
  AuthVerdict,
  CallbackAuthority,
  CallbackRejection,
  CallbackVerdict,
  InboundVerdict,
  IncomingCallback,
} from '../contract.ts';
import type { TwilioAuth } from './credentials.ts';
import { InboundWebhookSchema, StatusCallbackSchema } from './schemas.ts';
import { requestSigned } from './signature.ts';
import { normaliseTwilioStatus, twilioProviderStatus } from './statuses.ts';

/**
 * Twilio authenticates a status callback with `X-Twilio-Signature`: an HMAC-SHA1 under the
 * account's Auth Token of the URL it was told to call and every form parameter. Anything
 * unsigned, signed for other content, or from another account is refused. A number's
 * incoming-message webhook is signed the same way; with `SmsMethod` GET its keys are in the URL.
 */
export class TwilioCallbackAuthority implements CallbackAuthority {
  readonly #auth: TwilioAuth;
  /** As given: Twilio signs the URL it was told, not a parser's rewriting of it. */
  readonly #callbackUrl: string;
  readonly #callbackPath: string;
  readonly #origin: string;

  /** `callbackUrl` is the StatusCallback the adapter gives Twilio with every send. */
  constructor(auth: TwilioAuth, callbackUrl: string) {
    this.#auth = auth;
    this.#callbackUrl = callbackUrl;
    const parsed = new URL(callbackUrl);
    this.#callbackPath = parsed.pathname + parsed.search;
    this.#origin = /^[a-z][\w+.-]*:\/\/[^/?#]+/i.exec(callbackUrl)?.[0] ?? parsed.origin;
  }

  authenticate(callback: IncomingCallback): AuthVerdict {
    const signature = callback.headers['x-twilio-signature'];
    if (!signature) return reject('callback_unsigned', 'no X-Twilio-Signature header');

    const url = this.#urlCalled(callback.path);
    return requestSigned(signature, this.#auth.authToken, url, callback.body)
      ? { ok: true }
      : reject('callback_bad_signature', 'X-Twilio-Signature does not match the request');
  }

  parse(callback: IncomingCallback): CallbackVerdict {
    const parsed = StatusCallbackSchema.safeParse(
      Object.fromEntries(new URLSearchParams(callback.body)),
    );
    if (!parsed.success) return shapeRejection(parsed.error, 'callback');

    const { AccountSid, MessageSid, MessageStatus, ErrorCode } = parsed.data;
    if (AccountSid !== this.#auth.accountSid) {
      return reject('callback_wrong_account', 'the callback names another account');
    }
    const code = ErrorCode === undefined ? null : Number(ErrorCode);
    const status = normaliseTwilioStatus(MessageStatus, code);
    if (!status) return reject('callback_unknown_status', `unknown status '${MessageStatus}'`);
    return {
      ok: true,
      receipt: {
        messageId: MessageSid,
        status,
        providerStatus: twilioProviderStatus(MessageStatus, code),
      },
    };
  }

  /** The number's SmsUrl is the receiver's inbound URL, so its webhook is read here. */
  parseInbound(callback: IncomingCallback): InboundVerdict {
    const parsed = InboundWebhookSchema.safeParse(Object.fromEntries(webhookParams(callback)));
    if (!parsed.success) return shapeRejection(parsed.error, 'incoming-message webhook');

    const { AccountSid, MessageSid, From, To, Body } = parsed.data;
    if (AccountSid !== this.#auth.accountSid) {
      return reject('callback_wrong_account', 'the incoming-message webhook names another account');
    }
    // The webhook carries no time of its own: Twilio calls it as the text arrives.
    const receivedAt = new Date().toISOString();
    return { ok: true, inbound: { id: MessageSid, from: From, to: To, text: Body, receivedAt } };
  }

  /** The URL as the supplier was told it: the receiver sees only the path it was called on. */
  #urlCalled(path: string): string {
    if (path === this.#callbackPath || path === new URL(this.#callbackUrl).pathname) {
      return this.#callbackUrl;
    }
    return this.#origin + path;
  }
}

/** A POST's form, or for a GET the query string of the URL called. */
function webhookParams(callback: IncomingCallback): URLSearchParams {
  if (callback.method !== 'GET') return new URLSearchParams(callback.body);
  return new URL(callback.path, 'https://receiver').searchParams;
}

function shapeRejection(error: z.ZodError, what: string): CallbackRejection {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.') || '(root)';
  return reject('callback_shape', `${what} form invalid at '${where}': ${issue?.message}`);
}

function reject(code: string, reason: string): CallbackRejection {
  return { ok: false, code, reason };
}
