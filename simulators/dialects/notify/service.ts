import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HarnessError } from '../../../core/errors.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { NotifySenders, SmsSender } from './senders.ts';

/** Notify's key types; `normal` is what the documentation calls a live key. */
export type KeyType = 'test' | 'team' | 'normal';

const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['test', 'team', 'normal']),
  secret: z.string(),
  revoked: z.boolean(),
});

const ServiceSchema = z.object({
  serviceId: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  templateContent: z.string(),
  senderId: z.string(),
  senderText: z.string(),
  teamNumbers: z.array(z.string()),
  keys: z.array(ApiKeySchema),
});

export type ApiKey = z.infer<typeof ApiKeySchema>;

/** The one simulated Notify service: its template, sender, team and API keys. */
export type NotifyService = z.infer<typeof ServiceSchema>;

const META_KEY = 'notify.service';

/** Team members' phones, all in the drama range; the last three answer with failures. */
const TEAM_NUMBERS = [
  '+447700900100',
  '+447700900101',
  '+447700900002',
  '+447700900003',
  '+447700900004',
];

/**
 * Loads the service kept in the store, or creates one. API keys are issued afresh at every start
 * and the previous start's keys are revoked, unless `keepKeys` asks to reuse them.
 */
export function openNotifyService(store: SimulatorStore, keepKeys: boolean): NotifyService {
  const stored = store.readMeta(META_KEY);
  const existing = stored === undefined ? undefined : ServiceSchema.parse(JSON.parse(stored));

  const service = existing
    ? keepKeys
      ? existing
      : { ...existing, keys: [...freshKeys(), ...revoked(existing.keys)] }
    : newService();

  store.writeMeta(META_KEY, JSON.stringify(service));
  return service;
}

/** The key string a client is given: `{name}-{serviceId}-{secret}`. */
export function keyString(service: NotifyService, type: KeyType): string {
  const key = service.keys.find((k) => k.type === type && !k.revoked);
  if (!key) {
    throw new HarnessError(
      'ASSURE_SIMULATOR_NO_KEY',
      `the simulated Notify service has no ${type} key`,
    );
  }
  return `${key.name}-${service.serviceId}-${key.secret}`;
}

function newService(): NotifyService {
  return {
    serviceId: randomUUID(),
    templateId: randomUUID(),
    templateVersion: 1,
    templateContent: '((body))',
    senderId: randomUUID(),
    senderText: 'ASSURE',
    teamNumbers: TEAM_NUMBERS,
    keys: freshKeys(),
  };
}

function freshKeys(): ApiKey[] {
  return (['test', 'team', 'normal'] as const).map((type) => ({
    id: randomUUID(),
    name: `sms-assure-${type === 'normal' ? 'live' : type}`,
    type,
    secret: randomUUID(),
    revoked: false,
  }));
}

/** Only the last generation is kept, revoked, so that old keys give a clear answer. */
function revoked(keys: readonly ApiKey[]): ApiKey[] {
  return keys.filter((k) => !k.revoked).map((k) => ({ ...k, revoked: true }));
}

/** What a client of the simulated service needs. Keys are Notify-format key strings. */
export interface NotifyCredentials {
  readonly serviceId: string;
  readonly testKey: string;
  readonly teamKey: string;
  readonly liveKey: string;
  /** A text template whose content is `((body))`. */
  readonly templateId: string;
  /** The default SMS sender's id; its text is `ASSURE`. */
  readonly senderId: string;
  /**
   * The service's SMS senders, for `sms_sender_id`: `ASSURE` (the default), the inbound UK
   * mobile `07700900500` that takes replies, and the shortcode `60000`.
   */
  readonly senders: SmsSender[];
  /** Numbers a team key may text, in E.164 and in the drama range. */
  readonly teamNumbers: string[];
}

export function notifyCredentials(
  service: NotifyService,
  senders: NotifySenders,
): NotifyCredentials {
  return {
    serviceId: service.serviceId,
    testKey: keyString(service, 'test'),
    teamKey: keyString(service, 'team'),
    liveKey: keyString(service, 'normal'),
    templateId: service.templateId,
    senderId: senders.default().id,
    senders: senders.list().map((sender) => ({ ...sender })),
    teamNumbers: [...service.teamNumbers],
  };
}
