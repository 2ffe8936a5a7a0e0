import { debuglog } from 'node:util';
import type { RouteHandler, RouteRequest, RouteResponse, Router } from '../../aggregator/router.ts';
import type { TwilioContext } from './context.ts';
import { TwilioApiError } from './errors.ts';
import { fetchPhoneNumber, listPhoneNumbers, updatePhoneNumber } from './incoming-phone-numbers.ts';
import { fetchMessage, listMessages } from './read-messages.ts';
import { sendMessage } from './send-message.ts';

const debug = debuglog('sms-assure:simulator');

type TwilioHandler = (
  context: TwilioContext,
  request: RouteRequest,
) => RouteResponse | Promise<RouteResponse>;

const MESSAGES = '/2010-04-01/Accounts/:accountSid/Messages';
const NUMBERS = '/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers';

/** The Twilio Programmable Messaging routes the simulator speaks. */
export function addTwilioRoutes(router: Router, context: TwilioContext): void {
  router
    .add('POST', `${MESSAGES}.json`, twilioRoute(context, sendMessage))
    .add('GET', `${MESSAGES}.json`, twilioRoute(context, listMessages))
    .add('GET', `${MESSAGES}/:file`, twilioRoute(context, fetchMessage))
    .add('GET', `${NUMBERS}.json`, twilioRoute(context, listPhoneNumbers))
    .add('GET', `${NUMBERS}/:file`, twilioRoute(context, fetchPhoneNumber))
    .add('POST', `${NUMBERS}/:file`, twilioRoute(context, updatePhoneNumber));
}

/** Turns thrown Twilio errors, and anything unexpected, into Twilio's error bodies. */
function twilioRoute(context: TwilioContext, handler: TwilioHandler): RouteHandler {
  return async (request) => {
    try {
      return await handler(context, request);
    } catch (error) {
      if (error instanceof TwilioApiError) return error.toResponse();

      debug('%s %s failed: %o', request.method, request.path, error);
      return new TwilioApiError(500, 20500, 'Internal Server Error').toResponse();
    }
  };
}
