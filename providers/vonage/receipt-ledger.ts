import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../../core/errors.ts';
import { FINAL_STATUSES, NORMALISED_STATUSES, type MessageState } from '../contract.ts';
import { trusting } from '../http/trusted-agent.ts';

const InspectSchema = z.object({
  callbacks: z.array(
    z.object({
      receivedAt: z.number(),
      receipt: z
        .object({
          messageId: z.string(),
          status: z.enum(NORMALISED_STATUSES),
          providerStatus: z.string(),
          reference: z.string().optional(),
          price: z
            .object({
              segments: z.number(),
              perSegment: z.number(),
              multiplier: z.number(),
              total: z.number(),
            })
            .optional(),
        })
        .optional(),
    }),
  ),
});

/** Where the harness's callback receiver lets a worker read what arrived for a target. */
export interface ReceiverInspection {
  readonly inspectUrl: string;
  readonly inspectToken: string;
  readonly trustedCa?: readonly string[] | undefined;
}

/**
 * Vonage's SMS API has no message lookup: a service knows a text's status only from the
 * receipts Vonage posted it. This reads them from the harness's receiver, which took them as a
 * service would; whether each was genuine is judged there and reported on its own (RCPT-03),
 * so what a receipt said counts here either way.
 */
export class ReceiptLedger {
  readonly #inspection: ReceiverInspection;

  constructor(inspection: ReceiverInspection) {
    this.#inspection = inspection;
  }

  /** The newest final receipt for the message, else the newest of any; none: undefined. */
  async stateOf(messageId: string): Promise<MessageState | undefined> {
    return newestOf(messageId, await this.#read(messageId));
  }

  /** Every message whose receipts echo `clientRef`, each as its newest receipt says. */
  async withClientRef(clientRef: string): Promise<MessageState[]> {
    const echoed = (await this.#read()).filter((c) => c.receipt?.reference === clientRef);
    const ids = new Set(echoed.flatMap((c) => (c.receipt ? [c.receipt.messageId] : [])));
    return [...ids].flatMap((id) => newestOf(id, echoed) ?? []);
  }

  async #read(messageId?: string) {
    const { inspectUrl, inspectToken, trustedCa } = this.#inspection;
    const query = messageId === undefined ? '' : `?messageId=${encodeURIComponent(messageId)}`;
    const url = `${inspectUrl}${query}`;
    try {
      const reply = await request(url, {
        ...trusting(trustedCa),
        headers: { 'x-inspect-token': inspectToken },
      });
      return InspectSchema.parse(await reply.body.json()).callbacks;
    } catch (error) {
      throw new HarnessError(
        'ASSURE_RECEIVER_UNREADABLE',
        `cannot read the receipts the callback receiver took (${messageId ?? 'all messages'})`,
        { cause: error },
      );
    }
  }
}

type Received = z.infer<typeof InspectSchema>['callbacks'];

function newestOf(messageId: string, received: Received): MessageState | undefined {
  const receipts = received
    .flatMap((c) =>
      c.receipt?.messageId === messageId ? [{ ...c.receipt, at: c.receivedAt }] : [],
    )
    .sort((a, b) => b.at - a.at);
  const chosen = receipts.find((r) => FINAL_STATUSES.has(r.status)) ?? receipts[0];
  if (!chosen) return undefined;

  return {
    id: messageId,
    status: chosen.status,
    providerStatus: chosen.providerStatus,
    ...(chosen.reference ? { reference: chosen.reference } : {}),
    ...(chosen.price ? { price: chosen.price } : {}),
  };
}
