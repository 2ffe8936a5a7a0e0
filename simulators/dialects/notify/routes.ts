import { debuglog } from 'node:util';
import type { RouteHandler, RouteRequest, RouteResponse, Router } from '../../aggregator/router.ts';
import type { NotifyContext } from './context.ts';
import { NotifyApiError } from './errors.ts';
import { getNotification, listNotifications } from './read-notifications.ts';
import { listReceivedTexts } from './received-texts.ts';
import { sendSms } from './send-sms.ts';

const debug = debuglog('sms-assure:simulator');

type NotifyHandler = (context: NotifyContext, request: RouteRequest) => Promise<RouteResponse>;

/** The GOV.UK Notify API v2 routes the simulator speaks. */
export function addNotifyRoutes(router: Router, context: NotifyContext): void {
  router
    .add('POST', '/v2/notifications/sms', notifyRoute(context, sendSms))
    .add('GET', '/v2/notifications', notifyRoute(context, listNotifications))
    .add('GET', '/v2/notifications/:id', notifyRoute(context, getNotification))
    .add('GET', '/v2/received-text-messages', notifyRoute(context, listReceivedTexts));
}

/** Turns thrown Notify errors, and anything unexpected, into Notify's v2 error bodies. */
function notifyRoute(context: NotifyContext, handler: NotifyHandler): RouteHandler {
  return async (request) => {
    try {
      return await handler(context, request);
    } catch (error) {
      if (error instanceof NotifyApiError) return error.toResponse();

      debug('%s %s failed: %o', request.method, request.path, error);
      const internal = { error: 'Exception', message: 'Internal server error' };
      return new NotifyApiError(500, [internal]).toResponse();
    }
  };
}
