import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { urlRoot, type NotifyContext } from './context.ts';
import { validationError } from './errors.ts';
import { additionalProperties } from './schemas.ts';
import { receivedTextJson } from './serialise.ts';
import { parseUuid } from './uuid.ts';

/** Notify's `API_PAGE_SIZE`. */
const PAGE_SIZE = 250;

/**
 * `GET /v2/received-text-messages`: texts handsets sent to the service's inbound numbers, newest
 * first, a page at a time. Any key of the service may read them.
 */
export async function listReceivedTexts(
  context: NotifyContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const { service } = await context.auth.authenticate(request.headers.authorization);
  const olderThan = checkQuery(request.query);

  // A text sent to the inbound number is stored when accepted and shows once it has arrived.
  const now = context.clock.nowMicros();
  const replies = context.store
    .receivedReplies({
      accountId: service.serviceId,
      limit: PAGE_SIZE,
      ...(olderThan !== undefined && { olderThan }),
    })
    .filter((reply) => reply.sentAt <= now);

  const self = `${urlRoot(request)}v2/received-text-messages`;
  const last = replies.at(-1);
  return {
    status: 200,
    json: {
      received_text_messages: replies.map(receivedTextJson),
      links: { current: self, ...(last && { next: `${self}?older_than=${last.id}` }) },
    },
  };
}

/** Flask's `request.args.to_dict()` keeps the first value of each key. */
function checkQuery(query: URLSearchParams): string | undefined {
  const olderThan = query.get('older_than') ?? undefined;
  const problems = [
    ...(olderThan !== undefined && !parseUuid(olderThan) ? ['older_than is not a valid UUID'] : []),
    ...additionalProperties([...new Set(query.keys())], ['older_than']),
  ];
  if (problems.length > 0) throw validationError(problems);
  return olderThan === undefined ? undefined : parseUuid(olderThan);
}
