import { debuglog } from 'node:util';
import type { RouteHandler, RouteRequest, RouteResponse, Router } from '../../aggregator/router.ts';
import type { VonageContext } from './context.ts';
import { VonageRefusal } from './refusal.ts';
import { sendSms } from './send-message.ts';

const debug = debuglog('sms-assure:simulator');

/** The Vonage SMS API route the simulator speaks. */
export function addVonageRoutes(router: Router, context: VonageContext): void {
  router.add('POST', '/sms/json', vonageRoute(context, sendSms));
}

/** Turns refusals, and anything unexpected, into the SMS API's per-message status. */
function vonageRoute(
  context: VonageContext,
  handler: (context: VonageContext, request: RouteRequest) => Promise<RouteResponse>,
): RouteHandler {
  return async (request) => {
    try {
      return await handler(context, request);
    } catch (error) {
      if (error instanceof VonageRefusal) return error.toResponse();

      debug('%s %s failed: %o', request.method, request.path, error);
      return new VonageRefusal('5', 'Internal Error').toResponse();
    }
  };
}
