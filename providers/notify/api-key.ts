import { ConfigError } from '../../core/errors.ts';

export interface NotifyKey {
  readonly serviceId: string;
  readonly secret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Splits a Notify API key, `{name}-{service id}-{secret}`. It is read from the end because the
 * key's name may itself contain hyphens.
 */
export function parseNotifyKey(key: string, source: string): NotifyKey {
  const secret = key.slice(-36);
  const serviceId = key.slice(-73, -37);

  if (key.length < 74 || !UUID.test(secret) || !UUID.test(serviceId) || key.at(-37) !== '-') {
    throw new ConfigError(source, [
      'credentials.apiKey: the value is not a GOV.UK Notify API key; expected ' +
        '{key name}-{service id}-{secret}, both ids UUIDs (copy the whole key from Notify)',
    ]);
  }
  return { serviceId, secret };
}
