import { viewAt } from '../../aggregator/message.ts';
import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { urlRoot, type NotifyContext } from './context.ts';
import { noResultFound, validationError } from './errors.ts';
import { validateListQuery } from './list-query.ts';
import { notificationJson } from './serialise.ts';
import { parseUuid } from './uuid.ts';

/** Notify's `API_PAGE_SIZE`. */
const PAGE_SIZE = 250;

/** `GET /v2/notifications/{id}`: any key of the service may read any of its messages. */
export async function getNotification(
  context: NotifyContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const { service } = await context.auth.authenticate(request.headers.authorization);

  const id = parseUuid(request.params.id);
  if (!id) throw validationError(['notification_id is not a valid UUID']);

  const message = context.store.findMessage(service.serviceId, id);
  if (!message) throw noResultFound();

  const view = viewAt(message, context.clock.nowMicros());
  return { status: 200, json: notificationJson(view, urlRoot(request)) };
}

/**
 * `GET /v2/notifications`: newest first, a page at a time, only messages sent with the same
 * type of key as the caller's.
 */
export async function listNotifications(
  context: NotifyContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const { service, key } = await context.auth.authenticate(request.headers.authorization);
  const query = validateListQuery(request.query);

  // Every simulated message is a text: other template types match nothing.
  const wantsSms = query.templateTypes.length === 0 || query.templateTypes.includes('sms');
  const now = context.clock.nowMicros();
  const messages = !wantsSms
    ? []
    : context.store.listMessages({
        accountId: service.serviceId,
        keyType: key.type,
        nowMicros: now,
        limit: PAGE_SIZE,
        ...(query.statuses && { statuses: query.statuses }),
        ...(query.reference !== undefined && { reference: query.reference }),
        ...(query.olderThan !== undefined && { olderThan: query.olderThan }),
      });

  const root = urlRoot(request);
  const self = `${root}v2/notifications`;
  const last = messages.at(-1);
  return {
    status: 200,
    json: {
      notifications: messages.map((m) => notificationJson(viewAt(m, now), root)),
      links: {
        current: withQuery(self, query.echo),
        ...(last && { next: withQuery(self, replaced(query.echo, 'older_than', last.id)) }),
      },
    },
  };
}

function withQuery(url: string, pairs: readonly (readonly [string, string])[]): string {
  const query = new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString();
  return query === '' ? url : `${url}?${query}`;
}

/** The pairs with `key` set to `value`, in place if present, else at the end. */
function replaced(
  pairs: readonly (readonly [string, string])[],
  key: string,
  value: string,
): (readonly [string, string])[] {
  if (!pairs.some(([k]) => k === key)) return [...pairs, [key, value]];
  return pairs.map(([k, v]) => [k, k === key ? value : v] as const);
}
