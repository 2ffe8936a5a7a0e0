import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PDU } from 'smpp';
import { ProviderResponseError } from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import type * as Contract from '../contract.ts';
import { SMPP_CAPABILITIES } from './capabilities.ts';
import { SmppConnection, type SmppEndpoint } from './connection.ts';
import { recordPdu } from './pdu-evidence.ts';
import { messageText } from './mobile-originated.ts';
import { combineParts, type PartReport } from './parts.ts';
import { deliverKind, parseReceipt } from './receipt-parser.ts';
import { reportOf, SentMessages, type SentPart } from './sent-messages.ts';
import { splitText } from './split-text.ts';
import { hex, submitRefusal } from './submit-refusal.ts';
import { MESSAGE_STATES, outcomeOf } from './statuses.ts';

export interface SmppAdapterOptions {
  readonly endpoint: SmppEndpoint;
  /** source_addr: an alphanumeric sender, or a number in international form. */
  readonly sender: string;
  readonly sink?: Contract.ExchangeSink;
  readonly redactor?: Redactor;
  /** Submits retried after ESME_RTHROTTLED before giving up. @default 5 */
  readonly throttleRetries?: number;
  /**
   * One transceiver session, or a transmitter for submits and queries beside a receiver for
   * receipts and replies, for SMSCs that offer only those. @default 'transceiver'
   */
  readonly bindMode?: SmppBindMode;
  /** source_addr_ton and _npi; by default 1/1 for a number, 5/0 for an alphanumeric sender. */
  readonly sourceTon?: number;
  readonly sourceNpi?: number;
}

export type SmppBindMode = 'transceiver' | 'transmitter-receiver';

const ESME_RTHROTTLED = 0x58;
const ESME_RQUERYFAIL = 0x67;
const ESME_RINVMSGID = 0x0c;
const REGISTERED_DELIVERY_FINAL = 0x01;

/**
 * An SMPP 3.4 client as a provider adapter: it binds as a transceiver, submits each part with
 * a receipt requested, and reads states from the receipts that come back, asking query_sm for
 * parts that have none yet. Receipts are filed by the message id they name, whatever its form.
 */
export class SmppAdapter implements Contract.ProviderAdapter {
  readonly dialect = 'smpp';
  readonly capabilities = SMPP_CAPABILITIES;
  readonly #options: SmppAdapterOptions;
  readonly #connection: SmppConnection;
  /** The receiver of a transmitter and receiver pair; absent for a transceiver. */
  readonly #receiver: SmppConnection | undefined;
  readonly #sent = new SentMessages();
  readonly #inbound: Contract.InboundText[] = [];
  readonly #redactor: Redactor;

  constructor(options: SmppAdapterOptions) {
    this.#options = options;
    this.#redactor = options.redactor ?? new Redactor().secret(options.endpoint.password);
    const onDeliver = (pdu: PDU) => this.#delivered(pdu);
    const paired = options.bindMode === 'transmitter-receiver';
    this.#connection = new SmppConnection(options.endpoint, {
      onDeliver,
      bind: paired ? 'transmitter' : 'transceiver',
    });
    this.#receiver = paired
      ? new SmppConnection(options.endpoint, { onDeliver, bind: 'receiver' })
      : undefined;
  }

  async send(request: Contract.SendRequest): Promise<Contract.SentMessage> {
    const { dataCoding, parts } = splitText(request.body, randomInt(256));
    const sender = request.senderId ?? this.#options.sender;
    const numeric = /^\+?\d+$/.test(sender);
    const ids: string[] = [];
    // The receipts come to the receiver, so it is bound before anything is submitted.
    await this.#receiver?.open();

    for (const part of parts) {
      const response = await this.#submit({
        source_addr_ton: this.#options.sourceTon ?? (numeric ? 1 : 5),
        source_addr_npi: this.#options.sourceNpi ?? (numeric ? 1 : 0),
        source_addr: sender.replace(/^\+/, ''),
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        destination_addr: internationalDigits(request.to),
        registered_delivery: REGISTERED_DELIVERY_FINAL,
        data_coding: dataCoding,
        short_message: part.udh ? { udh: part.udh, message: part.text } : { message: part.text },
      });
      ids.push(String(response['message_id'] ?? ''));
    }

    const id = this.#sent.add(ids);
    return { id, status: 'accepted', providerStatus: 'ESME_ROK' };
  }

  /**
   * The message's state from its parts' receipts; a part without a final receipt is asked
   * about with query_sm. An id this adapter never sent is asked about as it stands.
   */
  async status(id: string): Promise<Contract.MessageState | undefined> {
    const parts: readonly SentPart[] = this.#sent.parts(id) ?? [{ id, part: 1, of: 1 }];
    const reports: PartReport[] = [];

    for (const part of parts) {
      const known = reportOf(part);
      const report = known?.final ? known : await this.#query(part.id, part.part, part.of);
      if (!report) return undefined;
      reports.push(report);
    }

    const combined = combineParts(reports);
    return { id, status: combined.status, providerStatus: combined.providerStatus };
  }

  async list(_query: Contract.ListQuery): Promise<Contract.MessagePage> {
    return { messages: [] };
  }

  async inbound(): Promise<readonly Contract.InboundText[]> {
    return [...this.#inbound].reverse();
  }

  /** Unbinds; the adapter sends nothing more. */
  async close(): Promise<void> {
    await Promise.all([this.#connection.close(), this.#receiver?.close()]);
  }

  async #submit(fields: Record<string, unknown>): Promise<PDU> {
    const retries = this.#options.throttleRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#request('submit_sm', fields);
      const status = response.command_status;
      if (status === 0) return response;
      if (status !== ESME_RTHROTTLED || attempt >= retries) throw submitRefusal(status);
      // Throttled: the SMSC asks for a slower rate, so wait longer each time before retrying.
      await sleep(100 * 2 ** attempt);
    }
  }

  async #query(id: string, part: number, of: number): Promise<PartReport | undefined> {
    const response = await this.#request('query_sm', { message_id: id });
    const status = response.command_status;
    if (status === ESME_RQUERYFAIL || status === ESME_RINVMSGID) return undefined;
    if (status !== 0) {
      throw new ProviderResponseError(
        'smpp_query_refused',
        `query_sm was refused with command_status ${hex(status)}`,
        'command_status',
      );
    }

    const state = Number(response['message_state']);
    const word = MESSAGE_STATES[state] ?? `message_state ${state}`;
    const err = Number(response['error_code'] ?? 0);
    const outcome = outcomeOf(word, err);
    const providerStatus = `${word} err:${String(err).padStart(3, '0')}`;
    return { part, of, ...outcome, providerStatus };
  }

  async #request(command: string, fields: Record<string, unknown>): Promise<PDU> {
    const { sink } = this.#options;
    const started = Date.now();
    const url = this.#options.endpoint.url;
    try {
      const response = await this.#connection.request(command, fields);
      if (sink) recordPdu(sink, this.#redactor, { url, command, fields, started, response });
      return response;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (sink) recordPdu(sink, this.#redactor, { url, command, fields, started, error: reason });
      throw error;
    }
  }

  #delivered(pdu: PDU): void {
    const esmClass = Number(pdu['esm_class'] ?? 0);
    const text = messageText(pdu);
    if (deliverKind(esmClass) === 'mobile-originated') {
      this.#inbound.push({
        id: `${pdu['source_addr']}-${Date.now()}-${this.#inbound.length}`,
        from: `+${String(pdu['source_addr'] ?? '')}`,
        to: `+${String(pdu['destination_addr'] ?? '')}`,
        text,
        receivedAt: new Date().toISOString(),
      });
      return;
    }

    const receipt = parseReceipt({
      esmClass,
      text,
      ...optional('receiptedMessageId', pdu['receipted_message_id'], String),
      ...optional('messageState', pdu['message_state'], Number),
      ...(Buffer.isBuffer(pdu['network_error_code'])
        ? { networkErrorCode: pdu['network_error_code'] }
        : {}),
    });
    if (receipt) this.#sent.file(receipt);
  }
}

function optional<K extends string, T>(key: K, value: unknown, read: (v: unknown) => T) {
  return value === undefined || value === null || value === '' ? {} : { [key]: read(value) };
}

/** A number as SMPP carries it with TON 1: country code first, no `+`, no trunk 0. */
export function internationalDigits(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits.slice(1);
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return `44${digits.slice(1)}`;
  return digits;
}
