import { analyse } from '../../content/segments.ts';
import { ConfigError } from '../../core/errors.ts';
import { configuredFrom } from '../drama-outcomes.ts';
import type { Dialect } from '../registry.ts';
import { smppDialect } from '../smpp/index.ts';
import { DeclarativeAdapter } from './adapter.ts';
import { DeclarativeCallbackAuthority } from './callback-authority.ts';
import { ReceiverReceipts } from './receiver-receipts.ts';

/**
 * A supplier the harness has no code for, described in a file (description.ts): the target
 * names the file, and its credentials are those the description lists. Senders and callback
 * URLs travel with each message, as every described API so far takes them.
 */
export const declarativeDialect: Dialect = {
  name: 'declarative',
  displayName: 'Described supplier',
  senderIds: 'per-message',
  callbackUrls: 'per-message',

  checkCredentials(target, source) {
    if (!target.description) {
      throw new ConfigError(source, [
        'description: required for a declarative target: the file that describes the API',
      ]);
    }

    const { file, api } = target.description;
    const missing = api.credentials.filter((name) => !target.credentials[name]);
    if (missing.length > 0) {
      throw new ConfigError(
        source,
        missing.map(
          (name) =>
            `credentials.${name}: ${file} lists it under credentials; ` +
            'name the environment variable that holds it',
        ),
      );
    }
  },

  createAdapter(target, client) {
    const api = target.description?.api;
    if (!api) throw new ConfigError(target.name, ['description: required']);
    // The described supplier names its text field itself (MMG's `msg`): redact it too.
    for (const [field, value] of Object.entries(api.send.fields)) {
      if (typeof value === 'string' && value.includes('{{body}}')) client.redactor.bodyField(field);
    }

    return new DeclarativeAdapter({
      description: api,
      baseUrl: target.baseUrl,
      credentials: target.credentials,
      client,
      ...definedSender(configuredFrom(target)),
      ...(target.callback
        ? {
            callbackUrl: target.callback.url,
            receipts: new ReceiverReceipts(
              { url: target.callback.inspectUrl, token: target.callback.inspectToken },
              target.trustedCa,
            ),
          }
        : definedCallbackUrl(target.options['callbackUrl'])),
    });
  },

  createCallbackAuthority(target) {
    const api = target.description?.api;
    return api ? new DeclarativeCallbackAuthority(api, target.credentials) : undefined;
  },

  // The simulator's fiction numbers, whichever face it shows; a real target names its own.
  defaultNumbers: smppDialect.defaultNumbers,
  defaultReceiptDeadlineMs: 120_000,
  billedSegments: (text) => analyse(text).segments,
};

function definedSender(sender: string | undefined): { sender?: string } {
  return sender ? { sender } : {};
}

function definedCallbackUrl(url: string | undefined): { callbackUrl?: string } {
  return url ? { callbackUrl: url } : {};
}
