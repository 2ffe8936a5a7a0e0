import { randomUUID } from 'node:crypto';
import { debuglog } from 'node:util';
import type { RouteRequest, RouteResponse, Router } from '../../aggregator/router.ts';
import { SNS_REGION } from './account.ts';
import type { SignedCall, SnsContext } from './context.ts';
import { SnsApiError } from './errors.ts';
import { publish } from './publish.ts';
import { verifySignature } from './sigv4.ts';
import { getSmsAttributes, setSmsAttributes } from './sms-attribute-actions.ts';

const debug = debuglog('sms-assure:simulator');

type Action = (context: SnsContext, call: SignedCall) => RouteResponse | Promise<RouteResponse>;

const ACTIONS: Readonly<Record<string, Action>> = {
  Publish: publish,
  SetSMSAttributes: setSmsAttributes,
  GetSMSAttributes: getSmsAttributes,
};

/** LocalStack's developer endpoint for texts published to numbers, which tests read back. */
export const SMS_MESSAGES_PATH = '/_aws/sns/sms-messages';

/**
 * The SNS Query API at `POST /` (the form names the action, as @aws-sdk/client-sns sends it),
 * and the LocalStack-compatible read-back of published texts.
 */
export function addSnsRoutes(router: Router, context: SnsContext): void {
  router
    .add('POST', '/', (request) => queryApi(context, request))
    .add('GET', SMS_MESSAGES_PATH, (request) => listSms(context, request))
    .add('DELETE', SMS_MESSAGES_PATH, (request) => discardSms(context, request));
}

/** Signature first, then the action; thrown SNS errors, and anything unexpected, as AWS XML. */
async function queryApi(context: SnsContext, request: RouteRequest): Promise<RouteResponse> {
  try {
    const { region } = verifySignature(context.account, request, Date.now());
    const form = new URLSearchParams(request.body.toString('utf8'));
    const name = form.get('Action') ?? '';
    const action = ACTIONS[name];
    if (!action) {
      throw new SnsApiError(
        400,
        'InvalidAction',
        `The action ${name} is not valid for this web service.`,
      );
    }
    return await action(context, { form, region, requestId: randomUUID() });
  } catch (error) {
    if (error instanceof SnsApiError) return error.toResponse();

    debug('%s %s failed: %o', request.method, request.path, error);
    return new SnsApiError(500, 'InternalError', 'Internal Error', 'Receiver').toResponse();
  }
}

function listSms(context: SnsContext, request: RouteRequest): RouteResponse {
  const filter = filterOf(context, request);
  return {
    status: 200,
    json: { sms_messages: context.log.byNumber(filter), region: filter.region },
  };
}

function discardSms(context: SnsContext, request: RouteRequest): RouteResponse {
  context.log.discard(filterOf(context, request));
  return { status: 204, text: '', contentType: 'text/plain' };
}

/** LocalStack's query: `accountId`, `region` (default: this account, us-east-1), `phoneNumber`. */
function filterOf(context: SnsContext, request: RouteRequest) {
  return {
    accountId: request.query.get('accountId') ?? context.account.accountId,
    region: request.query.get('region') ?? SNS_REGION,
    phoneNumber: request.query.get('phoneNumber') ?? undefined,
  };
}
