/**
 * How a target's truth check sees what arrived, fully resolved. It crosses into vitest workers,
 * so it holds plain data only.
 */
export type ObserverPlan =
  /** The simulator's fictional handsets: any fiction number can be read, so each run draws new. */
  | { readonly kind: 'handsets'; readonly controlUrl: string }
  /** An inbound number at a provider, read through its received-texts API. */
  | {
      readonly kind: 'received-texts';
      readonly dialect: string;
      readonly number: string;
      readonly baseUrl: string;
      readonly apiKey: string;
    }
  /** Test phones whose forwarding app posts to `url`, read back through the receiver. */
  | {
      readonly kind: 'webhook';
      readonly numbers: readonly string[];
      /** Where the app posts: the receiver's `/observed/<target>`. */
      readonly url: string;
      readonly inspectUrl: string;
      readonly inspectToken: string;
    }
  /** An inbound number at an SMSC: a bind of the observer's own hears its texts as deliver_sm. */
  | {
      readonly kind: 'smpp';
      readonly number: string;
      /** `smpp://host:port` or `smpps://host:port` */
      readonly url: string;
      readonly systemId: string;
      readonly password: string;
      readonly bind: 'receiver' | 'transceiver';
      /** Authorities (PEM) an smpps:// SMSC's certificate may come from, besides the system's. */
      readonly ca?: readonly string[];
    }
  /** A Twilio number whose SmsUrl is the receiver's: signed webhooks, read back through it. */
  | {
      readonly kind: 'twilio-webhook';
      readonly number: string;
      readonly inspectUrl: string;
      readonly inspectToken: string;
    };

export interface TruthPlan {
  readonly sampleSize: number;
  /** How long after its receipt a text may take to show at the observer (harness time). */
  readonly arrivalGraceMs: number;
  readonly observer: ObserverPlan;
}
