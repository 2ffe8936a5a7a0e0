import type { NormalisedStatus } from '../contract.ts';
import { parseReceiptText } from '../smpp/receipt-text.ts';
import { outcomeOf } from '../smpp/statuses.ts';

/**
 * Kannel's delivery report types (the `%d` of a dlr-url, bits of dlr-mask): 1 delivered to the
 * phone, 2 not delivered to the phone, 4 queued on the SMSC, 8 delivered to (acknowledged by)
 * the SMSC, 16 refused by the SMSC.
 */
export const DLR = {
  delivered: 1,
  undelivered: 2,
  queued: 4,
  acknowledged: 8,
  refused: 16,
} as const;

/** Every report type: Kannel calls back on each step, which the harness records. */
export const DLR_MASK = 31;

export interface DlrOutcome {
  readonly status: NormalisedStatus;
  readonly final: boolean;
  /** The SMSC's own words where Kannel passed them on (`%A`), else the report type. */
  readonly providerStatus: string;
}

/**
 * A Kannel report onto the normalised statuses. A report 2 carries the SMSC receipt's text in
 * `%A`, so its `stat` and `err` tell a temporary failure from a permanent one, as for SMPP
 * itself; without a readable receipt it is taken as permanent, which is what "not delivered to
 * phone" says. A report 16 never reached a network: a technical failure.
 */
export function dlrOutcome(type: number, answer: string): DlrOutcome {
  const receipt = parseReceiptText(answer);
  const words = receipt.stat ? `${receipt.stat} err:${receipt.err ?? '?'}` : answer.trim();
  const providerStatus = `kannel ${type}${words ? `: ${words}` : ''}`;

  switch (type) {
    case DLR.delivered:
      return { status: 'delivered', final: true, providerStatus };
    case DLR.undelivered: {
      const err = receipt.err && /^\d+$/.test(receipt.err) ? Number(receipt.err) : undefined;
      const said = receipt.stat ? outcomeOf(receipt.stat, err).status : undefined;
      // Kannel's own "not delivered" wins over a receipt text that says otherwise.
      const status = said?.endsWith('-failure') ? said : 'permanent-failure';
      return { status, final: true, providerStatus };
    }
    case DLR.refused:
      return { status: 'technical-failure', final: true, providerStatus };
    case DLR.queued:
    case DLR.acknowledged:
      return { status: 'sending', final: false, providerStatus };
    default:
      return { status: 'technical-failure', final: true, providerStatus };
  }
}
