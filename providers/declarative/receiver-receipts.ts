import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../../core/errors.ts';
import { NORMALISED_STATUSES, type CallbackReceipt } from '../contract.ts';
import { trusting } from '../http/trusted-agent.ts';

/** Where a declarative adapter learns what became of its messages. */
export interface ReceiptSource {
  /** The receipts heard for one message, oldest first. */
  receiptsFor(messageId: string): Promise<readonly CallbackReceipt[]>;
}

const HeardSchema = z.object({
  callbacks: z.array(
    z.object({
      receipt: z
        .object({
          messageId: z.string(),
          status: z.enum(NORMALISED_STATUSES),
          providerStatus: z.string(),
        })
        .optional(),
    }),
  ),
});

/**
 * The harness's callback receiver, read through its inspect endpoint: a described supplier
 * offers no lookup, so its receipts are the only word on a message. Every receipt the receiver
 * could read counts, authenticated or not: whether it was authenticated is RCPT-03's question,
 * judged apart, and a missing signature must not hide what the supplier said.
 */
export class ReceiverReceipts implements ReceiptSource {
  constructor(
    private readonly inspect: { readonly url: string; readonly token: string },
    private readonly trustedCa: readonly string[] | undefined,
  ) {}

  async receiptsFor(messageId: string): Promise<readonly CallbackReceipt[]> {
    const url = `${this.inspect.url}?messageId=${encodeURIComponent(messageId)}`;
    try {
      const reply = await request(url, {
        ...trusting(this.trustedCa),
        headers: { 'x-inspect-token': this.inspect.token },
      });
      const heard = HeardSchema.parse(await reply.body.json());
      return heard.callbacks.flatMap((c) => (c.receipt ? [c.receipt] : []));
    } catch (error) {
      throw new HarnessError('ASSURE_RECEIVER_UNREADABLE', 'cannot read the callback receiver', {
        cause: error,
      });
    }
  }
}
