import { ProviderResponseError, TargetSetupError } from '../../core/errors.ts';
import { ukE164 } from '../e164.ts';
import type * as Contract from '../contract.ts';
import { errorFromReply } from '../http/error-reply.ts';
import type { HttpReply, RecordingClient } from '../http/recording-client.ts';
import type { SnsAuth } from './credentials.ts';
import { ErrorResponseSchema, PublishResultSchema } from './schemas.ts';
import { SnsSigner } from './signer.ts';
import { errorFor, PUBLISHED } from './statuses.ts';
import { parseXmlReply } from './xml-reply.ts';

/** Why SNS gives no receipts, for every check that wanted one. */
export const SNS_RECEIPTS_NOTE =
  'SNS writes delivery status only to CloudWatch Logs in the sending account ' +
  '(with DeliveryStatusIAMRole set); its API has no status call and no callback';

export interface SnsAdapterOptions {
  /** The SNS endpoint, e.g. https://sns.eu-west-2.amazonaws.com (no default: never guessed). */
  readonly baseUrl: string;
  readonly region: string;
  readonly auth: SnsAuth;
  /** `AWS.SNS.SMS.SenderID` for every text whose request names none; the account's otherwise. */
  readonly senderId?: string;
  /** `AWS.SNS.SMS.SMSType`. @default 'Transactional' */
  readonly smsType?: 'Transactional' | 'Promotional';
  readonly client: RecordingClient;
}

/**
 * AWS SNS `Publish` to a phone number, over the Query API with SigV4. SNS answers a publish
 * with a message id and nothing more: no status, no listing, no read-back, no replies. What
 * the adapter knows of a text is that SNS took it.
 */
export class SnsAdapter implements Contract.ProviderAdapter {
  readonly dialect = 'sns';
  readonly capabilities: Contract.Capabilities = {
    receipts: [],
    receiptsNote: SNS_RECEIPTS_NOTE,
    testMode: false,
    listing: false,
    priceData: false,
    inbound: false,
    references: false,
    readBack: false,
  };

  readonly #options: SnsAdapterOptions;
  readonly #signer: SnsSigner;
  readonly #url: URL;
  readonly #published = new Set<string>();

  constructor(options: SnsAdapterOptions) {
    this.#options = options;
    this.#signer = new SnsSigner(options.auth, options.region);
    this.#url = new URL('/', options.baseUrl);
  }

  async send(request: Contract.SendRequest): Promise<Contract.SentMessage> {
    const senderId = request.senderId ?? this.#options.senderId;
    const attributes: [string, string][] = [
      ['AWS.SNS.SMS.SMSType', this.#options.smsType ?? 'Transactional'],
      ...(senderId ? [['AWS.SNS.SMS.SenderID', senderId] as [string, string]] : []),
    ];
    const form = new URLSearchParams({
      Action: 'Publish',
      Version: '2010-03-31',
      // SNS takes E.164 only; the harness's own numbers may be written nationally.
      PhoneNumber: ukE164(request.to),
      Message: request.body,
    });
    attributes.forEach(([name, value], i) => {
      form.set(`MessageAttributes.entry.${i + 1}.Name`, name);
      form.set(`MessageAttributes.entry.${i + 1}.Value.DataType`, 'String');
      form.set(`MessageAttributes.entry.${i + 1}.Value.StringValue`, value);
    });

    const reply = await this.#call('send', form.toString());
    if (reply.status !== 200) throw failure(reply, 'send');
    const result = parseXmlReply(reply.body, 'PublishResponse', PublishResultSchema);
    if (!result) {
      throw new ProviderResponseError(
        'malformed_response',
        'send: SNS answered 200 without a PublishResponse holding a MessageId and RequestId',
        'PublishResponse',
      );
    }
    this.#published.add(result.MessageId);
    return { id: result.MessageId, ...PUBLISHED, ...(senderId ? { sender: senderId } : {}) };
  }

  /**
   * SNS has no status call: a text this adapter published is as SNS left it, accepted; any
   * other id is unknown to the harness, as SNS would not say either way.
   */
  status(id: string): Promise<Contract.MessageState | undefined> {
    return Promise.resolve(this.#published.has(id) ? { id, ...PUBLISHED } : undefined);
  }

  list(): Promise<Contract.MessagePage> {
    return Promise.resolve({ messages: [] });
  }

  inbound(): Promise<readonly never[]> {
    return Promise.resolve([]);
  }

  async #call(label: string, body: string): Promise<HttpReply> {
    const headers = await this.#signer.sign(this.#url, body);
    return this.#options.client.call({
      label,
      method: 'POST',
      url: this.#url.toString(),
      headers: { ...headers, 'user-agent': 'sms-assure' },
      body,
    });
  }
}

function failure(reply: HttpReply, what: string): Error {
  const error = parseXmlReply(reply.body, 'ErrorResponse', ErrorResponseSchema);
  if (error) return errorFor(error, reply.status, what);
  if (reply.status === 404) {
    return new TargetSetupError(`${what}: HTTP 404 is not SNS's own answer; check baseUrl`);
  }
  return errorFromReply(reply, what, 'no SNS ErrorResponse in the body');
}
