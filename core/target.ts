import type { Description } from '../providers/declarative/description.ts';
import type { TruthPlan } from './truth-plan.ts';

/**
 * A target as the suites see it: a configured adapter, fully resolved, with nothing left to
 * look up. It crosses into vitest workers, so it holds plain data only.
 */
export interface TestNumbers {
  readonly delivered: readonly string[];
  readonly temporaryFailure: readonly string[];
  readonly permanentFailure: readonly string[];
  /** Numbers whose texts fail before reaching a network; empty where none can be provoked. */
  readonly technicalFailure: readonly string[];
  /** Numbers the supplier accepts but never sends to or stores (Notify's smoke-test numbers). */
  readonly smoke: readonly string[];
}

export interface SenderPlan {
  /** The sender text every message should show on the handset. */
  readonly expected?: string;
  /** Where replies are wanted: the sender to send from, and how handsets see it. */
  readonly replies?: { readonly senderId?: string; readonly shown: string };
}

export interface ContentPlan {
  readonly serviceName?: string;
  /** The service's own message texts, linted for CONT-01. */
  readonly samples: readonly string[];
}

export interface ResolvedTarget {
  readonly name: string;
  readonly dialect: string;
  readonly baseUrl: string;
  readonly keyType: 'test' | 'team' | 'live';
  readonly credentials: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly numbers: TestNumbers;
  /** The only numbers a send may go to; the harness refuses anything else. */
  readonly allowList: readonly string[];
  readonly receiptDeadlineMs: number;
  readonly pollIntervalMs: number;
  readonly sender: SenderPlan;
  /** Reply keywords on a shared number, each to the service that owns it. */
  readonly keywords: Readonly<Record<string, string>>;
  /** ISO country codes the service must reach abroad (INTL-01). */
  readonly countries: readonly string[];
  readonly content: ContentPlan;
  readonly callback?: {
    readonly url: string;
    readonly inspectUrl: string;
    readonly inspectToken: string;
    readonly bearerToken: string;
    readonly inboundUrl: string;
    /**
     * The receiver's plain-HTTP twin of `url`, never configured anywhere: a check offers it to
     * the supplier to see whether an http:// callback URL is refused.
     */
    readonly plainUrl?: string;
  };
  /**
   * Authorities (PEM) trusted, besides the system's, for this target's API, its control API and
   * the callback receiver: those a simulator and the receiver made at start.
   */
  readonly trustedCa?: readonly string[];
  /**
   * The service's failover set-up for the failover suite: the second aggregator to fail over
   * to, or none (a failover sender configured without one). Absent: not configured. A
   * simulated target also gets `primary`, the same profile on a simulator of its own, so the
   * faults the suite injects touch no other suite's messages.
   */
  readonly failover?: { readonly primary?: ResolvedTarget; readonly secondary?: ResolvedTarget };
  readonly simulator?: {
    readonly controlUrl: string;
    /**
     * A gateway the harness runs on loopback between itself and the simulator (Kannel): the
     * target's API is that gateway's, not the simulated supplier's.
     */
    readonly gateway?: string;
    readonly profile: string;
    readonly timeScale: number;
    /** The folder holding the simulator's storage files, which the at-rest check reads. */
    readonly dataDir?: string;
    /**
     * The same simulator's services that read received texts, by dialect: where a truth
     * observer of another dialect looks when its configuration names no account of its own.
     */
    readonly inboxes?: Readonly<
      Record<string, { readonly apiKey: string; readonly number: string }>
    >;
    /**
     * The same simulator's SMSC, where it serves one: an `smpp` truth observer binds to it when
     * its configuration names no SMSC of its own.
     */
    readonly smsc?: {
      readonly url: string;
      readonly ca?: string;
      readonly systemId: string;
      readonly password: string;
      readonly number: string;
    };
    /**
     * The same simulator's Twilio account and the number it owns: a `twilio-webhook` truth
     * observer points that number's SmsUrl at the receiver when told of no account of its own.
     */
    readonly twilioNumber?: {
      readonly baseUrl: string;
      readonly accountSid: string;
      readonly authToken: string;
      readonly number: string;
    };
  };
  /** What the truth check sends and where it looks; absent when nothing can be observed. */
  readonly truth?: TruthPlan;
  /**
   * A `declarative` target's supplier description: the file it was read from, and what it
   * says, validated (providers/declarative/description.ts).
   */
  readonly description?: { readonly file: string; readonly api: Description };
}
