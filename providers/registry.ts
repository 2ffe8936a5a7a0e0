import { ConfigError } from '../core/errors.ts';
import type { Dispatcher } from 'undici';
import type { Redactor } from '../core/redact.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { AllowListGuard } from './allow-list-guard.ts';
import type { CallbackAuthority, ExchangeSink, ProviderAdapter } from './contract.ts';
import { RecordingClient } from './http/recording-client.ts';
import { trusting } from './http/trusted-agent.ts';
import { declarativeDialect } from './declarative/index.ts';
import { kannelDialect } from './kannel/index.ts';
import { notifyDialect } from './notify/index.ts';
import { smppDialect } from './smpp/index.ts';
import { snsDialect } from './sns/index.ts';
import { twilioDialect } from './twilio/index.ts';
import { vonageDialect } from './vonage/index.ts';

export interface AdapterContext {
  readonly redactor: Redactor;
  readonly sink: ExchangeSink;
  /** The undici dispatcher requests go through; client-side fault injection steps in here. */
  readonly dispatcher?: Dispatcher;
}

/** What each dialect contributes: its adapter, its callback authority and its test numbers. */
export interface Dialect {
  readonly name: string;
  /** The supplier or gateway the dialect speaks to, as a report names it. */
  readonly displayName: string;
  /** Throws a ConfigError naming the field when the target's credentials cannot be right. */
  checkCredentials(target: ResolvedTarget, source: string): void;
  createAdapter(
    target: ResolvedTarget,
    client: RecordingClient,
    context?: AdapterContext,
  ): ProviderAdapter;
  createCallbackAuthority(target: ResolvedTarget): CallbackAuthority | undefined;
  readonly defaultNumbers: ResolvedTarget['numbers'];
  readonly defaultReceiptDeadlineMs: number;
  /**
   * Where the service sets its callback URLs: once, in the account's settings (Notify), where
   * the supplier can refuse an http:// one; or with each message (Twilio's StatusCallback),
   * where the service alone decides. @default 'account'
   */
  readonly callbackUrls?: 'account' | 'per-message';
  /**
   * Where a sender is chosen: set up once in the account (Notify, Twilio), or named afresh on
   * each message (SMPP's source_addr, Kannel's from), so that each send is the trial of it.
   * @default 'account'
   */
  readonly senderIds?: 'account' | 'per-message';
  /** How many segments the supplier should bill for a text, by its own documented counting. */
  billedSegments(text: string): number;
}

const DIALECTS: ReadonlyMap<string, Dialect> = new Map([
  [notifyDialect.name, notifyDialect],
  [twilioDialect.name, twilioDialect],
  [smppDialect.name, smppDialect],
  [kannelDialect.name, kannelDialect],
  [vonageDialect.name, vonageDialect],
  [snsDialect.name, snsDialect],
  [declarativeDialect.name, declarativeDialect],
]);

export function dialectOf(name: string): Dialect {
  const dialect = DIALECTS.get(name);
  if (!dialect) {
    throw new ConfigError('target', [
      `dialect: '${name}' is not one of ${[...DIALECTS.keys()].join(', ')}`,
    ]);
  }
  return dialect;
}

/** The supplier a target speaks to, by name: a described one by its description's name. */
export function supplierName(target: ResolvedTarget): string {
  return target.description?.api.name ?? dialectOf(target.dialect).displayName;
}

export function createAdapter(target: ResolvedTarget, context: AdapterContext): ProviderAdapter {
  const client = new RecordingClient({
    redactor: context.redactor,
    sink: context.sink,
    // A fault-injecting dispatcher, where given, carries the trust of its own agent.
    ...(context.dispatcher ? { dispatcher: context.dispatcher } : trusting(target.trustedCa)),
  });
  const adapter = dialectOf(target.dialect).createAdapter(target, client, context);
  return new AllowListGuard(adapter, target);
}
