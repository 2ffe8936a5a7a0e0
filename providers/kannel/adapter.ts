import { randomUUID } from 'node:crypto';
import { ProviderResponseError } from '../../core/errors.ts';
import { analyse } from '../../content/segments.ts';
import type * as Contract from '../contract.ts';
import type { RecordingClient } from '../http/recording-client.ts';
import { internationalDigits } from '../smpp/adapter.ts';
import { parseReceiptText } from '../smpp/receipt-text.ts';
import { splitText } from '../smpp/split-text.ts';
import { coveredPart } from './covered-part.ts';
import type { DlrChannel } from './dlr-listener.ts';
import { DLR_MASK, dlrOutcome } from './dlr-status.ts';

export interface KannelAdapterOptions {
  /** smsbox's sendsms interface: `http://127.0.0.1:13013`. */
  readonly sendsmsUrl: string;
  readonly username: string;
  readonly password: string;
  /** The `from` of every text. */
  readonly sender: string;
  readonly client: RecordingClient;
  readonly dlr: DlrChannel;
}

/**
 * Kannel's sendsms interface: it submits over SMPP (or whatever the SMSC speaks) and reports
 * back on the dlr-url, which names the message by an id the adapter chose. Kannel keeps no
 * message a client could ask about later, so states come from those reports alone.
 */
export class KannelAdapter implements Contract.ProviderAdapter {
  readonly dialect = 'kannel';
  readonly capabilities: Contract.Capabilities = {
    receipts: ['callback'],
    testMode: false,
    listing: false,
    priceData: false,
    inbound: false,
    readBack: false,
    // Kannel answers no lookup: a message's status is what its delivery reports said.
    statusSource: 'receipts',
  };
  readonly #options: KannelAdapterOptions;
  readonly #parts = new Map<string, readonly string[]>();

  constructor(options: KannelAdapterOptions) {
    this.#options = options;
  }

  async send(request: Contract.SendRequest): Promise<Contract.SentMessage> {
    const { sendsmsUrl, username, password, sender, client, dlr } = this.#options;
    const id = randomUUID();
    const gsm = analyse(request.body).encoding === 'GSM-7';
    const query = new URLSearchParams({
      username,
      password,
      from: request.senderId ?? sender,
      to: internationalDigits(request.to),
      text: request.body,
      charset: 'UTF-8',
      coding: gsm ? '0' : '2',
      'dlr-mask': String(DLR_MASK),
      'dlr-url': dlr.urlFor(id),
    });

    const url = `${sendsmsUrl}/cgi-bin/sendsms?${query}`;
    const reply = await client.call({ label: 'sendsms', method: 'GET', url });
    if (reply.status !== 202) {
      throw new ProviderResponseError(
        'kannel_sendsms_refused',
        `Kannel's sendsms answered ${reply.status}: ${reply.body.trim()}`,
      );
    }

    this.#parts.set(
      id,
      splitText(request.body, 0).parts.map((p) => p.text),
    );
    return { id, status: 'accepted', providerStatus: reply.body.trim() };
  }

  /**
   * The latest final report, else the latest of any kind. A report about a long text says which
   * part its receipt covered: Kannel asks the SMSC for a receipt on the first part only.
   */
  async status(id: string): Promise<Contract.MessageState | undefined> {
    const parts = this.#parts.get(id);
    if (!parts) return undefined;

    const reports = (await this.#options.dlr.reportsFor(id)).map((r) => ({
      ...dlrOutcome(r.type, r.answer),
      answer: r.answer,
    }));
    const report = reports.findLast((r) => r.final) ?? reports.at(-1);
    if (!report) return { id, status: 'accepted', providerStatus: 'no report yet' };

    const part = coveredPart(parseReceiptText(report.answer).text, parts);
    const covers =
      parts.length > 1 && report.final ? ` (covers part ${part ?? '?'} of ${parts.length})` : '';
    return { id, status: report.status, providerStatus: `${report.providerStatus}${covers}` };
  }

  async list(): Promise<Contract.MessagePage> {
    return { messages: [] };
  }

  async inbound(): Promise<readonly Contract.InboundText[]> {
    return [];
  }
}
