import { ConfigError } from '../core/errors.ts';
import type { Dispatcher } from 'undici';
import type { Redactor } from '../core/redact.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { AllowListGuard } from './allow-list-guard.ts';
import type { CallbackAuthority, ExchangeSink, ProviderAdapter } from './contract.ts';
import { RecordingClient } from './http/recording-client.ts';
import { notifyDialect } from './notify/index.ts';

export interface AdapterContext {
  readonly redactor: Redactor;
  readonly sink: ExchangeSink;
  /** The undici dispatcher requests go through; client-side fault injection steps in here. */
  readonly dispatcher?: Dispatcher;
}

/** What each dialect contributes: its adapter, its callback authority and its test numbers. */
export interface Dialect {
  readonly name: string;
  /** Throws a ConfigError naming the field when the target's credentials cannot be right. */
  checkCredentials(target: ResolvedTarget, source: string): void;
  createAdapter(target: ResolvedTarget, client: RecordingClient): ProviderAdapter;
  createCallbackAuthority(target: ResolvedTarget): CallbackAuthority | undefined;
  readonly defaultNumbers: ResolvedTarget['numbers'];
  readonly defaultReceiptDeadlineMs: number;
  /** How many segments the supplier should bill for a text, by its own documented counting. */
  billedSegments(text: string): number;
}

const DIALECTS: ReadonlyMap<string, Dialect> = new Map([[notifyDialect.name, notifyDialect]]);

export function dialectOf(name: string): Dialect {
  const dialect = DIALECTS.get(name);
  if (!dialect) {
    throw new ConfigError('target', [
      `dialect: '${name}' is not one of ${[...DIALECTS.keys()].join(', ')}`,
    ]);
  }
  return dialect;
}

export function createAdapter(target: ResolvedTarget, context: AdapterContext): ProviderAdapter {
  const client = new RecordingClient({
    redactor: context.redactor,
    sink: context.sink,
    ...(context.dispatcher ? { dispatcher: context.dispatcher } : {}),
  });
  const adapter = dialectOf(target.dialect).createAdapter(target, client);
  return new AllowListGuard(adapter, target);
}
