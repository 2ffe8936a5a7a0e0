import { ConfigError, ProviderResponseError, TargetSetupError } from '../../core/errors.ts';
import { errorFromReply } from '../http/error-reply.ts';
import type { HttpReply, RecordingClient } from '../http/recording-client.ts';
import {
  FINAL_STATUSES,
  type Capabilities,
  type InboundText,
  type ListQuery,
  type MessagePage,
  type MessageState,
  type ProviderAdapter,
  type SendRequest,
  type SentMessage,
} from '../contract.ts';
import { authorizationHeaders } from './auth-headers.ts';
import type { Description, ReceiptAuthDescription } from './description.ts';
import { destinationSpellings } from './destination.ts';
import { readField } from './read-field.ts';
import type { ReceiptSource } from './receiver-receipts.ts';
import { fill, type TemplateValues } from './template.ts';

export interface DeclarativeAdapterOptions {
  readonly description: Description;
  readonly baseUrl: string;
  readonly credentials: Readonly<Record<string, string>>;
  /** The sender used when a send names none. */
  readonly sender?: string;
  readonly callbackUrl?: string;
  readonly client: RecordingClient;
  /** Where receipts are read back; without one, states cannot be looked up at all. */
  readonly receipts?: ReceiptSource;
}

/**
 * An adapter made from a description: it sends as the description says and reads the answer
 * where it says. Such APIs offer no lookup the harness knows of, so receipts come by callback.
 */
export class DeclarativeAdapter implements ProviderAdapter {
  readonly dialect: string;
  readonly capabilities: Capabilities = {
    receipts: ['callback'],
    testMode: false,
    listing: false,
    priceData: false,
    inbound: false,
    readBack: false,
    // A described API has no lookup the harness knows of: status is what the receipts said.
    statusSource: 'receipts',
  };

  readonly #options: DeclarativeAdapterOptions;
  /** The ids this adapter sent: any other is unknown to it, as to the supplier's receipts. */
  readonly #sent = new Set<string>();

  constructor(options: DeclarativeAdapterOptions) {
    const missing = options.description.credentials.filter((n) => !options.credentials[n]);
    if (missing.length > 0) {
      throw new ConfigError(`description ${options.description.name}`, [
        ...missing.map((name) => `credentials.${name}: the target supplies no value`),
      ]);
    }
    this.dialect = options.description.name;
    this.#options = options;
  }

  async send(request: SendRequest): Promise<SentMessage> {
    const { send } = this.#options.description;
    const values = this.#values(request);
    const fields = Object.fromEntries(
      Object.entries(send.fields).map(([name, value]) => [
        name,
        typeof value === 'string' ? fill(value, values, `send.fields.${name}`) : value,
      ]),
    );

    const reply = await this.#options.client.call({
      label: 'send',
      method: send.method,
      url: this.#url(fill(send.path, values, 'send.path'), send.encoding === 'query', fields),
      headers: {
        ...authorizationHeaders(send.auth, values),
        ...contentType(send.encoding),
        'user-agent': 'sms-assure',
      },
      ...(send.encoding === 'query' ? {} : { body: encodeBody(send.encoding, fields) }),
    });

    const id = this.#accept(reply, request);
    this.#sent.add(id);
    return { id, status: 'accepted', providerStatus: 'accepted' };
  }

  /** The last final receipt heard for the message, else the latest of any kind. */
  async status(id: string): Promise<MessageState | undefined> {
    const { receipts } = this.#options;
    if (!receipts) throw noLookup(this.dialect, `status of ${id}`);
    if (!this.#sent.has(id)) return undefined;

    const heard = await receipts.receiptsFor(id);
    const receipt = heard.findLast((r) => FINAL_STATUSES.has(r.status)) ?? heard.at(-1);
    if (!receipt) return { id, status: 'accepted', providerStatus: 'no receipt yet' };
    return { id, status: receipt.status, providerStatus: receipt.providerStatus };
  }

  list(query: ListQuery): Promise<MessagePage> {
    return Promise.reject(noLookup(this.dialect, `list ${JSON.stringify(query)}`));
  }

  inbound(): Promise<readonly InboundText[]> {
    return Promise.resolve([]);
  }

  #values(request: SendRequest): TemplateValues {
    const { credentials, callbackUrl, description } = this.#options;
    const sender = request.senderId ?? this.#options.sender;
    const secrets = Object.fromEntries(
      Object.entries(credentials).map(([k, v]) => [`credentials.${k}`, v]),
    );
    return {
      ...destinationSpellings(request.to),
      body: request.body,
      reference: request.reference,
      ...(sender ? { sender } : {}),
      ...(callbackUrl
        ? { callbackUrl: receiptUrl(callbackUrl, description.receipts.auth, secrets) }
        : {}),
      ...secrets,
    };
  }

  #url(path: string, withQuery: boolean, fields: Record<string, unknown>): string {
    const url = new URL(path, `${this.#options.baseUrl.replace(/\/+$/, '')}/`);
    if (withQuery) {
      for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** The message id of an accepted send; a refusal is the supplier's answer, kept as such. */
  #accept(reply: HttpReply, request: SendRequest): string {
    const { accepted, messageId, response } = this.#options.description.send;
    if (!accepted.httpStatus.includes(reply.status)) {
      throw errorFromReply(reply, 'send', `HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
    }

    const answer = response === 'json' ? parseJson(reply) : reply.body;
    const verdict = accepted.field ? readField(answer, accepted.field) : reply.body;
    const refused =
      (accepted.equals && !accepted.equals.includes(verdict ?? '')) ||
      (accepted.matches && !new RegExp(accepted.matches).test(verdict ?? ''));
    if (refused) {
      throw new ProviderResponseError(
        'request_rejected',
        `send: the answer says the message was not accepted (${verdict ?? 'no value'})`,
        accepted.field,
      );
    }

    if ('reference' in messageId) return request.reference;
    const id =
      'field' in messageId
        ? readField(answer, messageId.field)
        : new RegExp(messageId.pattern).exec(reply.body)?.[1];
    if (!id) {
      throw new ProviderResponseError(
        'response_shape',
        'send: the answer has no message id where the description says it is',
        'field' in messageId ? messageId.field : undefined,
      );
    }
    return id;
  }
}

/**
 * The callback URL as the supplier is given it: with the receipt credentials as its user-info
 * where the description says the supplier takes them from there (as Firetext does).
 */
function receiptUrl(url: string, auth: ReceiptAuthDescription, secrets: TemplateValues): string {
  if (auth.scheme !== 'basic' || !auth.inCallbackUrl) return url;

  const withUser = new URL(url);
  withUser.username = encodeURIComponent(fill(auth.username, secrets, 'receipts.auth.username'));
  withUser.password = encodeURIComponent(fill(auth.password, secrets, 'receipts.auth.password'));
  return withUser.toString();
}

function parseJson(reply: HttpReply): unknown {
  try {
    return JSON.parse(reply.body);
  } catch {
    throw new ProviderResponseError('response_not_json', 'send: the answer is not valid JSON');
  }
}

function contentType(encoding: Description['send']['encoding']): Record<string, string> {
  if (encoding === 'json') return { 'content-type': 'application/json' };
  if (encoding === 'form') return { 'content-type': 'application/x-www-form-urlencoded' };
  return {};
}

function encodeBody(encoding: 'json' | 'form', fields: Record<string, unknown>): string {
  if (encoding === 'json') return JSON.stringify(fields);
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return form.toString();
}

function noLookup(dialect: string, what: string): TargetSetupError {
  return new TargetSetupError(
    `${what}: the description of ${dialect} names no message lookup; receipts come only by ` +
      'callback, so give the target a callback receiver',
  );
}
