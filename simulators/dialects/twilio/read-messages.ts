import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import type { ListFilter } from '../../aggregator/store.ts';
import { authenticate, refuseTestCredentials } from './auth.ts';
import type { TwilioContext } from './context.ts';
import { invalidParameter, notFound } from './errors.ts';
import { inboundResource, inboundSid, replyIdOf } from './inbound-messages.ts';
import { receivedTexts } from './received-texts.ts';
import { readRecipient } from './recipient.ts';
import { API_VERSION, messageResource } from './serialise.ts';
import { twilioStateAt } from './statuses.ts';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** `GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json` */
export function fetchMessage(context: TwilioContext, request: RouteRequest): RouteResponse {
  const accountSid = request.params['accountSid'] ?? '';
  const caller = authenticate(context.account, request.headers, accountSid, request.path);
  refuseTestCredentials(caller);

  const file = request.params['file'] ?? '';
  const sid = file.endsWith('.json') ? file.slice(0, -'.json'.length) : undefined;
  const message = sid === undefined ? undefined : context.store.findMessage(accountSid, sid);
  if (message) {
    const state = twilioStateAt(message, context.clock.nowMicros());
    return { status: 200, json: messageResource(message, state) };
  }

  const received = sid === undefined ? undefined : findReceived(context, accountSid, sid);
  if (!received) throw notFound(request.path);
  return { status: 200, json: inboundResource(received) };
}

/** A text one of the account's numbers received, by its SID; none if it was dropped. */
function findReceived(context: TwilioContext, accountSid: string, sid: string) {
  const id = replyIdOf(sid);
  const reply = id === undefined ? undefined : context.store.findReply(id);
  return reply?.accountId === accountSid && reply.received ? reply : undefined;
}

/**
 * `GET /2010-04-01/Accounts/{AccountSid}/Messages.json`: texts sent and texts received
 * (`direction` inbound), newest first, filtered by `To`, `From` and `DateSent` (`DateSent<`,
 * `DateSent>`), paged by `PageSize` with `next_page_uri` carrying a `PageToken` that names the
 * last message of the page.
 */
export function listMessages(context: TwilioContext, request: RouteRequest): RouteResponse {
  const accountSid = request.params['accountSid'] ?? '';
  const caller = authenticate(context.account, request.headers, accountSid, request.path);
  refuseTestCredentials(caller);

  const { query } = request;
  const pageSize = readPageSize(query.get('PageSize'));
  const page = Number(query.get('Page') ?? '0') || 0;
  const token = query.get('PageToken');
  const nowMicros = context.clock.nowMicros();
  const cursor = token ? pageCursor(context, accountSid, token.replace(/^PA/, '')) : {};
  const filter: ListFilter = {
    accountId: accountSid,
    keyType: 'live',
    nowMicros,
    limit: pageSize + 1,
    ...cursor.messages,
    ...optional('number', query.get('To'), (to) => readRecipient(to).e164),
    ...optional('sender', query.get('From'), (from) => from),
    ...dateSent(query),
  };
  const sent = context.store.listMessages(filter).map((m) => ({
    at: m.createdAt,
    sid: m.id,
    json: messageResource(m, twilioStateAt(m, nowMicros)),
  }));
  const received = receivedTexts(context.store, {
    accountId: accountSid,
    limit: pageSize + 1,
    ...optional('to', query.get('To'), (to) => to),
    ...optional('from', query.get('From'), (from) => from),
    ...(filter.sent ? { sent: filter.sent } : {}),
    ...(cursor.before === undefined ? {} : { before: cursor.before }),
  }).map((r) => ({ at: r.sentAt, sid: inboundSid(r), json: inboundResource(r) }));
  const rows = [...sent, ...received].sort((a, b) => b.at - a.at).slice(0, pageSize + 1);
  const messages = rows.slice(0, pageSize);

  const uri = (extra: Record<string, string>) => pageUri(accountSid, query, pageSize, extra);
  const last = messages.at(-1);
  return {
    status: 200,
    json: {
      messages: messages.map((m) => m.json),
      start: page * pageSize,
      end: page * pageSize + Math.max(messages.length - 1, 0),
      page,
      page_size: pageSize,
      uri: uri({ Page: String(page), ...(token ? { PageToken: token } : {}) }),
      first_page_uri: uri({ Page: '0' }),
      previous_page_uri: null,
      next_page_uri:
        rows.length > pageSize && last
          ? uri({ Page: String(page + 1), PageToken: `PA${last.sid}` })
          : null,
    },
  };
}

/**
 * Where the page after the text `sid` starts: sent texts older than it, received texts that
 * came before it. A SID that names nothing gives an empty page, as it always did.
 */
function pageCursor(
  context: TwilioContext,
  accountSid: string,
  sid: string,
): { messages?: Pick<ListFilter, 'olderThan' | 'createdBefore'>; before?: number } {
  const message = context.store.findMessage(accountSid, sid);
  if (message) return { messages: { olderThan: sid }, before: message.createdAt };

  const reply = findReceived(context, accountSid, sid);
  if (reply) return { messages: { createdBefore: reply.sentAt }, before: reply.sentAt };
  return { messages: { olderThan: sid }, before: 0 };
}

function readPageSize(raw: string | null): number {
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw invalidParameter(20001, `Invalid PageSize: ${raw}`);
  }
  return Math.min(size, MAX_PAGE_SIZE);
}

function optional<K extends string>(key: K, raw: string | null, read: (raw: string) => string) {
  return raw === null ? {} : ({ [key]: read(raw) } as Record<K, string>);
}

/**
 * `DateSent=` a day (or a moment, read as its day), `DateSent<` before, `DateSent>` on or after,
 * as epoch µs bounds; none when no date filter is given.
 */
function dateSent(query: URLSearchParams): { sent?: { from: number; until: number } } {
  const on = query.get('DateSent');
  const before = query.get('DateSent<');
  const after = query.get('DateSent>');
  if (on === null && before === null && after === null) return {};

  let from = 0;
  let until = Number.MAX_SAFE_INTEGER;
  if (on !== null) {
    from = dayStart(on);
    until = from + 86_400_000_000;
  }
  if (after !== null) from = Math.max(from, instant(after, 'DateSent>'));
  if (before !== null) until = Math.min(until, instant(before, 'DateSent<'));
  return { sent: { from, until } };
}

function instant(raw: string, name: string): number {
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw invalidParameter(20001, `Invalid ${name}: ${raw}`);
  return ms * 1000;
}

function dayStart(raw: string): number {
  const micros = instant(raw, 'DateSent');
  return micros - (micros % 86_400_000_000);
}

function pageUri(
  accountSid: string,
  query: URLSearchParams,
  pageSize: number,
  extra: Record<string, string>,
): string {
  const params = new URLSearchParams();
  for (const key of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
    const value = query.get(key);
    if (value !== null) params.set(key, value);
  }
  params.set('PageSize', String(pageSize));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/${API_VERSION}/Accounts/${accountSid}/Messages.json?${params.toString()}`;
}
