import type { NormalisedStatus } from '../contract.ts';

/** What is known of one part of a sent message: its own receipt or query answer, if any yet. */
export interface PartReport {
  readonly part: number;
  readonly of: number;
  readonly status: NormalisedStatus;
  readonly final: boolean;
  readonly providerStatus: string;
}

export interface CombinedState {
  readonly status: NormalisedStatus;
  readonly final: boolean;
  /** Each part's own word, saying which part it covers when there are several. */
  readonly providerStatus: string;
}

/** Which failure wins when parts fail differently: the one that needs the most action. */
const SEVERITY: readonly NormalisedStatus[] = [
  'permanent-failure',
  'technical-failure',
  'temporary-failure',
];

/**
 * One state for a message sent in parts. A failed part sticks: the message failed even when a
 * later part's receipt says delivered, and that part's error is kept (BR-23). The message is
 * delivered only once every part is.
 */
export function combineParts(parts: readonly PartReport[]): CombinedState {
  const providerStatus = parts.map(describe).join('; ');
  const failed = parts.filter((p) => p.final && p.status !== 'delivered');
  const worst = SEVERITY.find((s) => failed.some((p) => p.status === s));
  if (worst) return { status: worst, final: true, providerStatus };

  const delivered = parts.length > 0 && parts.every((p) => p.final && p.status === 'delivered');
  if (delivered) return { status: 'delivered', final: true, providerStatus };

  const sending = parts.some((p) => p.status === 'sending');
  return { status: sending ? 'sending' : 'accepted', final: false, providerStatus };
}

function describe(report: PartReport): string {
  return report.of > 1
    ? `${report.providerStatus} (part ${report.part} of ${report.of})`
    : report.providerStatus;
}
