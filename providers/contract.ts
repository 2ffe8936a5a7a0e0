import type { Exchange } from '../core/evidence.ts';

/**
 * The contract every provider adapter implements. Shared code never asks which provider it
 * holds: differences are declared as capabilities.
 */
export const NORMALISED_STATUSES = [
  'accepted',
  'sending',
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const;

export type NormalisedStatus = (typeof NORMALISED_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<NormalisedStatus> = new Set([
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
]);

export interface Capabilities {
  /** How the supplier reports receipts: pushed to a callback URL, read by polling, or both. */
  readonly receipts: readonly ('callback' | 'polling')[];
  /** A test mode that answers realistically without texting anyone. */
  readonly testMode: boolean;
  readonly listing: boolean;
  readonly priceData: boolean;
  readonly inbound: boolean;
}

export interface SendRequest {
  readonly to: string;
  readonly body: string;
  readonly reference: string;
  readonly senderId?: string;
}

export interface SentMessage {
  readonly id: string;
  readonly status: NormalisedStatus;
  readonly providerStatus: string;
}

export interface MessageState {
  readonly id: string;
  readonly status: NormalisedStatus;
  readonly providerStatus: string;
  readonly reference?: string;
  readonly to?: string;
  readonly body?: string;
}

export interface ListQuery {
  readonly reference?: string;
  readonly status?: string;
  readonly olderThan?: string;
}

export interface MessagePage {
  readonly messages: readonly MessageState[];
  readonly next?: string;
}

/** A receipt callback as the harness's receiver saw it, before any judgement. */
export interface IncomingCallback {
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface CallbackReceipt {
  readonly messageId: string;
  readonly reference?: string;
  readonly status: NormalisedStatus;
  readonly providerStatus: string;
}

export interface CallbackRejection {
  readonly ok: false;
  readonly code: string;
  readonly reason: string;
}

export type AuthVerdict = { readonly ok: true } | CallbackRejection;

export type CallbackVerdict =
  { readonly ok: true; readonly receipt: CallbackReceipt } | CallbackRejection;

/** Judges receipt callbacks for one target; runs inside the receiver, not in the suites. */
export interface CallbackAuthority {
  authenticate(callback: IncomingCallback): AuthVerdict;
  parse(callback: IncomingCallback): CallbackVerdict;
}

export interface ProviderAdapter {
  readonly dialect: string;
  readonly capabilities: Capabilities;
  send(request: SendRequest): Promise<SentMessage>;
  /** `undefined` when the supplier says it has no such message. */
  status(id: string): Promise<MessageState | undefined>;
  list(query: ListQuery): Promise<MessagePage>;
}

/** Where an adapter reports each HTTP exchange, already redacted. */
export type ExchangeSink = (exchange: Exchange) => void;
