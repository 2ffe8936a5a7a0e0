import type { FinalStatus } from '../../aggregator/message.ts';

/** A delivery receipt's `status` and `err-code`, as Vonage words an outcome. */
export interface VonageOutcome {
  readonly status: 'delivered' | 'failed' | 'unknown';
  readonly errCode: string;
}

/**
 * The aggregator's outcomes on Vonage's receipts (facts §3.3). Which err-code stands for which
 * kind is the facts file's classification: 2 an absent subscriber who may come back
 * (temporary), 3 a number no longer in service (permanent), and `unknown` with 99 where the
 * supplier cannot say what became of the text.
 */
const OUTCOMES: Readonly<Record<FinalStatus, VonageOutcome>> = {
  delivered: { status: 'delivered', errCode: '0' },
  'temporary-failure': { status: 'failed', errCode: '2' },
  'permanent-failure': { status: 'failed', errCode: '3' },
  'technical-failure': { status: 'unknown', errCode: '99' },
};

export function vonageOutcome(reported: FinalStatus): VonageOutcome {
  return OUTCOMES[reported];
}

/** The MCCMNC of the simulated network each country's handsets are on. */
const NETWORKS: Readonly<Record<string, string>> = {
  GB: '23410',
  US: '310260',
  CA: '302720',
  AU: '50501',
};

export function networkCode(country: string): string {
  return NETWORKS[country] ?? '';
}

/** What one part costs at home, in euros, written as Vonage writes prices. */
export const PART_PRICE = 0.0333;

export function vonagePrice(value: number): string {
  return value.toFixed(8);
}
