import { CONTROL_PREFIX, controlRoute } from '../../aggregator/control-api.ts';
import type { Router } from '../../aggregator/router.ts';
import { CallbackSettingsSchema, type NotifyCallbacks } from './callback-settings.ts';

/** What a service sets on Notify's "API integration" page, set through the control API. */
export function addNotifyControlRoutes(router: Router, callbacks: NotifyCallbacks): void {
  const path = `${CONTROL_PREFIX}/notify/callback`;
  router
    .add(
      'PUT',
      path,
      controlRoute((request) => {
        const settings = CallbackSettingsSchema.safeParse(parseJson(request.body.toString('utf8')));
        if (!settings.success) {
          const problems = settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
          return {
            status: 400,
            json: { error: `invalid callback settings: ${problems.join('; ')}` },
          };
        }

        callbacks.set(settings.data);
        return { status: 200, json: { url: settings.data.url } };
      }),
    )
    .add(
      'DELETE',
      path,
      controlRoute(() => {
        callbacks.clear();
        return { status: 204 };
      }),
    );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
