import { z } from 'zod';
import { CONTROL_PREFIX, controlRoute } from '../../aggregator/control-api.ts';
import { jsonBody } from '../../aggregator/json-body.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { RouteResponse, Router } from '../../aggregator/router.ts';
import {
  CallbackSettingsSchema,
  type CallbackSetting,
  type NotifyCallbacks,
} from './callback-settings.ts';
import { priceTable } from './prices.ts';
import { registerSender } from './register-sender.ts';
import type { NotifySenders } from './senders.ts';

export interface NotifyControlContext {
  readonly callbacks: NotifyCallbacks;
  readonly senders: NotifySenders;
  readonly profile: ProfileBehaviour;
  /** Whether http:// callback URLs are taken; Notify takes https only. */
  readonly httpCallbacks: boolean;
}

const NewSenderSchema = z.object({ text: z.string() });

/** What a service sets up in Notify's admin pages, set through the control API. */
export function addNotifyControlRoutes(router: Router, context: NotifyControlContext): void {
  const { callbacks, senders, profile, httpCallbacks } = context;
  const callbackRoute = (path: string, setting: CallbackSetting) =>
    addCallbackRoutes(router, `${CONTROL_PREFIX}/notify/${path}`, setting, httpCallbacks);
  callbackRoute('callback', callbacks.delivery);
  callbackRoute('inbound-callback', callbacks.receivedTexts);

  router
    .add(
      'GET',
      `${CONTROL_PREFIX}/notify/senders`,
      controlRoute(() => ({ status: 200, json: { senders: senders.list() } })),
    )
    .add(
      'POST',
      `${CONTROL_PREFIX}/notify/senders`,
      controlRoute((request) => {
        const form = NewSenderSchema.safeParse(jsonBody(request));
        if (!form.success) return senderErrors(['text: expected a string']);

        const registration = registerSender(senders, form.data.text, profile.truncatesLongSenders);
        if (!registration.ok) return senderErrors(registration.messages);
        const { id, text } = registration.sender;
        return { status: 201, json: { id, text } };
      }),
    )
    .add(
      'GET',
      `${CONTROL_PREFIX}/prices`,
      controlRoute(() => ({ status: 200, json: priceTable(profile.surchargesAbroad) })),
    );
}

function addCallbackRoutes(
  router: Router,
  path: string,
  setting: CallbackSetting,
  httpCallbacks: boolean,
): void {
  router
    .add(
      'PUT',
      path,
      controlRoute((request) => {
        const settings = CallbackSettingsSchema.safeParse(jsonBody(request));
        const problems = settings.success
          ? callbackUrlProblems(settings.data.url, httpCallbacks)
          : settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
        if (!settings.success || problems.length > 0) {
          return {
            status: 400,
            json: { error: `invalid callback settings: ${problems.join('; ')}` },
          };
        }

        setting.set(settings.data);
        return { status: 200, json: { url: settings.data.url } };
      }),
    )
    .add(
      'DELETE',
      path,
      controlRoute(() => {
        setting.clear();
        return { status: 204 };
      }),
    );
}

/** Refusals in the shape of Notify's validation errors. */
function senderErrors(messages: readonly string[]): RouteResponse {
  return {
    status: 400,
    json: { errors: messages.map((message) => ({ error: 'ValidationError', message })) },
  };
}

/** Notify's admin form takes only https callback URLs, in these words. */
function callbackUrlProblems(url: string, httpCallbacks: boolean): string[] {
  if (httpCallbacks || url.startsWith('https:')) return [];
  return ['url: Must be a valid https URL'];
}
