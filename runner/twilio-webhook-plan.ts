import type { ObserverConfig } from '../core/config/truth-schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import type { ObserverPlan } from '../core/truth-plan.ts';
import { TwilioCallbackAuthority } from '../providers/twilio/callback-authority.ts';
import type { ResolveOptions } from './resolve-targets.ts';
import { secretFrom } from './secret-from.ts';
import { pointTwilioNumberAt } from './twilio-sms-url.ts';

type TwilioWebhookConfig = Extract<ObserverConfig, { kind: 'twilio-webhook' }>;

/**
 * A Twilio number observed through its incoming-message webhook. The receiver takes the
 * webhooks under a name of the observer's own (`<target>.truth`: target names have no dots),
 * judged by the account's Auth Token. On a simulator the harness points the number's SmsUrl
 * there itself; a real number's SmsUrl is the team's to set, to the relay's URL that the error
 * and the README name, as the harness changes nothing in a real account.
 */
export async function twilioWebhookPlan(
  observer: TwilioWebhookConfig,
  target: ResolvedTarget,
  where: string,
  options: ResolveOptions,
): Promise<ObserverPlan> {
  const own = target.simulator?.twilioNumber;
  const account = accountOf(observer, own, where, options);
  const number = observer.number ?? own?.number;
  if (!account || !number) {
    throw new ConfigError(options.source, [
      `${where}: name the number and its account (credentials): no simulator account to default to`,
    ]);
  }

  // A simulated Twilio target's number already posts to its own inbound URL, judged by its own
  // authority: watched there, the replies suite keeps it.
  const itself = target.dialect === 'twilio' && own !== undefined && account === own;
  const key = itself ? target.name : `${target.name}.truth`;
  const path = `/callbacks/${key}/inbound`;
  const url = `${options.receiver.baseUrl}${path}`;
  if (!itself) {
    // Twilio signs the URL it calls: the relay's, when one passes the webhooks on.
    const called = observer.relay ? new URL(path, observer.relay).toString() : url;
    options.receiver.register(key, new TwilioCallbackAuthority(account, called));
  }
  if (own && !itself && !observer.relay && account.accountSid === own.accountSid) {
    await pointTwilioNumberAt({ ...own, trustedCa: target.trustedCa ?? [] }, number, url);
  }

  return {
    kind: 'twilio-webhook',
    number,
    inspectUrl: `${options.receiver.baseUrl}/inspect/${key}`,
    inspectToken: options.receiver.inspectToken,
  };
}

function accountOf(
  observer: TwilioWebhookConfig,
  own: NonNullable<ResolvedTarget['simulator']>['twilioNumber'],
  where: string,
  options: ResolveOptions,
) {
  const { credentials } = observer;
  if (!credentials) return own;
  return {
    accountSid: secretFrom(credentials.accountSid.env, `${where}.credentials.accountSid`, options),
    authToken: secretFrom(credentials.authToken.env, `${where}.credentials.authToken`, options),
  };
}
