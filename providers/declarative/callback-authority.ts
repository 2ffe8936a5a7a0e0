import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  AuthVerdict,
  CallbackAuthority,
  CallbackRejection,
  CallbackVerdict,
  InboundVerdict,
  IncomingCallback,
  NormalisedStatus,
} from '../contract.ts';
import { authorizationHeaders } from './auth-headers.ts';
import type { Description, ReceiptAuthDescription } from './description.ts';
import { readField } from './read-field.ts';
import { fill, type TemplateValues } from './template.ts';

/**
 * Judges receipts as a description says they come. The authority remembers which messages it
 * saw pending, because some suppliers send one bare failure status for two kinds of failure.
 */
export class DeclarativeCallbackAuthority implements CallbackAuthority {
  readonly #receipts: Description['receipts'];
  /** The header a genuine receipt carries, or the HMAC key; filled once, when the run starts. */
  readonly #expected: { readonly header: string; readonly value: string } | undefined;
  readonly #pending = new Set<string>();

  constructor(description: Description, credentials: Readonly<Record<string, string>>) {
    this.#receipts = description.receipts;
    const secrets: TemplateValues = Object.fromEntries(
      Object.entries(credentials).map(([name, value]) => [`credentials.${name}`, value]),
    );
    this.#expected = expectedCredential(description.receipts.auth, secrets);
  }

  authenticate(callback: IncomingCallback): AuthVerdict {
    const auth = this.#receipts.auth;
    if (!this.#expected) {
      return reject('callback_unauthenticated', 'the supplier offers no way to prove a receipt');
    }

    const { header, value } = this.#expected;
    if (auth.scheme === 'query') {
      const given = new URL(callback.path, 'http://receiver').searchParams.get(header);
      if (!given) return reject('callback_unauthenticated', `no ${header} parameter`);
      return same(given, value) ? { ok: true } : reject('callback_wrong_token', `${header} wrong`);
    }

    const offered = callback.headers[header];
    if (!offered) return reject('callback_unauthenticated', `no ${header} header`);

    if (auth.scheme === 'hmac') {
      const expected = createHmac(auth.algorithm, value).update(callback.body).digest(auth.digest);
      return same(offered, expected)
        ? { ok: true }
        : reject('callback_bad_signature', `${header} does not sign this body`);
    }
    return same(offered, value) ? { ok: true } : reject('callback_wrong_token', `${header} wrong`);
  }

  parse(callback: IncomingCallback): CallbackVerdict {
    const params = this.#params(callback);
    if (!params.ok) return params;

    const { messageId: idField, status: statusField, code: codeField } = this.#receipts;
    const messageId = readField(params.data, idField);
    const raw = readField(params.data, statusField);
    if (!messageId) return reject('callback_shape', `the receipt has no '${idField}'`);
    if (raw === undefined) return reject('callback_shape', `the receipt has no '${statusField}'`);

    const code = codeField ? readCode(params.data, codeField) : undefined;
    const status = this.#normalise(messageId, raw, code);
    if (!status) return reject('callback_unknown_status', `unknown status '${raw}'`);
    return {
      ok: true,
      receipt: {
        messageId,
        reference: messageId,
        status,
        providerStatus: code ? `${raw} (code ${code})` : raw,
      },
    };
  }

  parseInbound(): InboundVerdict {
    return reject('callback_not_described', 'the description says nothing of inbound texts');
  }

  #normalise(messageId: string, raw: string, code: string | undefined) {
    const rule = this.#receipts.statuses[raw];
    const wasPending = this.#pending.has(messageId);
    if (this.#receipts.pending.includes(raw)) this.#pending.add(messageId);
    if (rule === undefined || typeof rule === 'string') return rule;

    const byCode: NormalisedStatus | undefined = code ? rule.byCode[code] : undefined;
    if (byCode) return byCode;
    return wasPending && rule.afterPending ? rule.afterPending : rule.otherwise;
  }

  #params(callback: IncomingCallback): { ok: true; data: unknown } | CallbackRejection {
    const encoding = this.#receipts.encoding;
    if (encoding === 'query') {
      const query = new URL(callback.path, 'http://receiver').searchParams;
      return { ok: true, data: Object.fromEntries(query) };
    }
    if (encoding === 'form') {
      return { ok: true, data: Object.fromEntries(new URLSearchParams(callback.body)) };
    }
    try {
      return { ok: true, data: JSON.parse(callback.body) as unknown };
    } catch {
      return reject('callback_not_json', 'the receipt body is not valid JSON');
    }
  }
}

/** The detail code, read whole from a field or as the first group a pattern captures in it. */
function readCode(data: unknown, code: NonNullable<Description['receipts']['code']>) {
  if (typeof code === 'string') return readField(data, code);

  const text = readField(data, code.field);
  return text === undefined ? undefined : new RegExp(code.pattern).exec(text)?.[1];
}

/** What a genuine receipt carries: a header (or, for `query`, a parameter) and its value. */
function expectedCredential(auth: ReceiptAuthDescription, secrets: TemplateValues) {
  if (auth.scheme === 'none') return undefined;
  if (auth.scheme === 'hmac') {
    return {
      header: auth.header.toLowerCase(),
      value: fill(auth.secret, secrets, 'receipts.auth.secret'),
    };
  }
  if (auth.scheme === 'query') {
    return { header: auth.parameter, value: fill(auth.value, secrets, 'receipts.auth.value') };
  }

  const [header, value] = Object.entries(authorizationHeaders(auth, secrets))[0] ?? [];
  return header && value ? { header, value } : undefined;
}

function same(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reject(code: string, reason: string): CallbackRejection {
  return { ok: false, code, reason };
}
