import { z } from 'zod';
import { isFictionNumber } from '../../numbering/index.ts';
import type { SimClock } from './clock.ts';
import { CONTROL_PREFIX, controlRoute } from './control-api.ts';
import { toE164 } from './e164.ts';
import { clearInboxes, listHandsets, readInbox } from './handsets.ts';
import { renderInbox } from './inbox-page.ts';
import { jsonBody } from './json-body.ts';
import type { MessageLifecycle } from './lifecycle.ts';
import { newMessageId } from './message-id.ts';
import type { InboundDirectory } from './reply.ts';
import type { RouteRequest, RouteResponse, Router } from './router.ts';
import type { SimulatorStore } from './store.ts';

export interface HandsetContext {
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly lifecycle: MessageLifecycle;
  /** Which service, if any, receives texts at a number. */
  readonly directory: InboundDirectory;
}

/** Replies are capped like Notify's own texts: six concatenated parts. */
const ReplySchema = z.object({
  to: z.string().trim().min(1),
  text: z.string().min(1).max(918),
});

/** The fictional handsets: what they received, what they sent, and their web inbox. */
export function addHandsetRoutes(router: Router, context: HandsetContext): void {
  const { store, clock } = context;
  const handsets = `${CONTROL_PREFIX}/handsets`;
  router
    .add(
      'GET',
      handsets,
      controlRoute(() => ({
        status: 200,
        json: { handsets: listHandsets(store, clock.nowMicros()) },
      })),
    )
    .add(
      'GET',
      `${handsets}/:number`,
      controlRoute((request) => {
        const number = toE164(request.params.number ?? '');
        if (!number) return { status: 400, json: { error: 'not a phone number' } };
        return { status: 200, json: readInbox(store, number, clock.nowMicros()) };
      }),
    )
    .add(
      'DELETE',
      handsets,
      controlRoute(() => {
        clearInboxes(store, clock.nowMicros());
        return { status: 204 };
      }),
    )
    .add(
      'POST',
      `${handsets}/:number/reply`,
      controlRoute((request) => reply(context, request)),
    )
    .add(
      'GET',
      `${CONTROL_PREFIX}/inbox`,
      controlRoute((request) => inboxPage(context, request)),
    );
}

/** A handset texts a service's number; only fictional handsets exist, so only they can. */
async function reply(context: HandsetContext, request: RouteRequest): Promise<RouteResponse> {
  const number = toE164(request.params.number ?? '');
  if (!number || !isFictionNumber(number)) {
    return { status: 400, json: { error: 'not a fictional handset: use a drama-range number' } };
  }

  const form = ReplySchema.safeParse(jsonBody(request));
  if (!form.success) {
    return { status: 400, json: { error: 'expected {to, text}: text of 1 to 918 characters' } };
  }

  const { to, text } = form.data;
  const inbound = context.directory.findInbound(to);
  if (!inbound) return { status: 404, json: { error: `no service receives texts at ${to}` } };

  const sent = await context.lifecycle.receiveReply({
    id: newMessageId(),
    dialect: inbound.dialect,
    accountId: inbound.accountId,
    handset: number,
    serviceNumber: inbound.number,
    addressedTo: to,
    body: text,
  });
  const sentAt = new Date(Math.floor(sent.sentAt / 1000)).toISOString();
  return { status: 201, json: { id: sent.id, from: number, to, text, sentAt } };
}

function inboxPage(context: HandsetContext, request: RouteRequest): RouteResponse {
  const { store, clock, directory } = context;
  const now = clock.nowMicros();
  const asked = request.query.get('number');
  const number = asked === null ? undefined : toE164(asked);

  const html = renderInbox({
    handsets: listHandsets(store, now),
    asked: asked ?? undefined,
    inbox: number === undefined ? undefined : readInbox(store, number, now),
    takesReplies: (address) => directory.findInbound(address) !== undefined,
  });
  return { status: 200, text: html, contentType: 'text/html; charset=utf-8' };
}
