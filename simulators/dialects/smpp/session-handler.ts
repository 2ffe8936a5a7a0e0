import { debuglog } from 'node:util';
import type { PDU, Session } from 'smpp';
import { timingSafeEqual } from 'node:crypto';
import type { BindKind, BoundSessions } from './bound-sessions.ts';
import { SmscRefusal, STATUS } from './command-status.ts';
import { answerQuery, type QueryContext } from './query.ts';
import type { FaultInjector } from '../../aggregator/faults/injector.ts';
import { withRequestFaults } from './request-faults.ts';
import { acceptSubmit, type SubmitContext } from './submit.ts';
import { Throttle } from './throttle.ts';

const debug = debuglog('sms-assure:smpp');

export interface SmscAccount {
  readonly systemId: string;
  readonly password: string;
}

export interface SessionContext extends SubmitContext, QueryContext {
  readonly account: SmscAccount;
  readonly sessions: BoundSessions;
  readonly submitsPerSecond: number;
  /** The control API's fault plan, which the SMSC meets as the HTTP API does. */
  readonly faults?: FaultInjector;
}

const BINDS: Readonly<Record<string, BindKind>> = {
  bind_transmitter: 'transmitter',
  bind_receiver: 'receiver',
  bind_transceiver: 'transceiver',
};

/** PDUs a client may send that this SMSC answers; any other gets ESME_RINVCMDID. */
const HANDLED = new Set([...Object.keys(BINDS), 'submit_sm', 'query_sm', 'enquire_link', 'unbind']);

/**
 * One client connection: it binds once with the account's credentials, then submits (if it
 * bound to transmit), queries, keeps the link alive and unbinds. A refused bind is answered
 * with the status that says why, then the connection is closed.
 */
export function handleSession(context: SessionContext, session: Session): void {
  const throttle = new Throttle(context.submitsPerSecond);
  const reply = (pdu: PDU, fields: Record<string, unknown> = {}) =>
    session.send(pdu.response(fields));

  session.on('error', (error: Error) => debug('session error: %s', error.message));
  session.on('close', () => context.sessions.remove(session));

  for (const [command, kind] of Object.entries(BINDS)) {
    session.on(command, (pdu: PDU) => bind(context, session, pdu, kind));
  }
  const submit = (pdu: PDU) =>
    void answer(pdu, reply, () =>
      acceptSubmit(context, { systemId: context.account.systemId, session }, pdu),
    );
  const query = (pdu: PDU) =>
    void answer(pdu, reply, async () => answerQuery(context, context.account.systemId, pdu));

  session.on('submit_sm', (pdu: PDU) => {
    const kind = context.sessions.isBound(session);
    if (kind !== 'transmitter' && kind !== 'transceiver') {
      reply(pdu, { command_status: STATUS.invalidBindStatus });
    } else if (!throttle.take()) {
      reply(pdu, { command_status: STATUS.throttled });
    } else {
      withRequestFaults(context.faults, session, reply, submit)(pdu);
    }
  });
  session.on('query_sm', (pdu: PDU) => {
    if (!context.sessions.isBound(session)) {
      reply(pdu, { command_status: STATUS.invalidBindStatus });
    } else {
      withRequestFaults(context.faults, session, reply, query)(pdu);
    }
  });
  session.on('enquire_link', (pdu: PDU) => reply(pdu));
  session.on('unbind', (pdu: PDU) => {
    context.sessions.remove(session);
    session.send(pdu.response(), () => session.close());
  });
  session.on('pdu', (pdu: PDU) => {
    if (!pdu.isResponse() && !HANDLED.has(pdu.command)) {
      reply(pdu, { command_status: STATUS.invalidCommandId });
    }
  });
}

function bind(context: SessionContext, session: Session, pdu: PDU, kind: BindKind) {
  const refusal = bindRefusal(context, session, pdu);
  if (refusal !== undefined) {
    session.send(pdu.response({ command_status: refusal }), () => session.close());
    return;
  }
  session.send(pdu.response({ system_id: 'SMSASSURE' }));
  context.sessions.add({ session, systemId: context.account.systemId, kind });
}

function bindRefusal(context: SessionContext, session: Session, pdu: PDU): number | undefined {
  if (context.sessions.isBound(session)) return STATUS.alreadyBound;
  if (String(pdu['system_id'] ?? '') !== context.account.systemId) return STATUS.invalidSystemId;
  if (!sameSecret(String(pdu['password'] ?? ''), context.account.password)) {
    return STATUS.invalidPassword;
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers a PDU with what `work` returns, or with the status of the refusal it throws. */
async function answer(
  pdu: PDU,
  reply: (pdu: PDU, fields?: Record<string, unknown>) => boolean,
  work: () => Promise<string | Record<string, unknown>>,
) {
  try {
    const result = await work();
    reply(pdu, typeof result === 'string' ? { message_id: result } : result);
  } catch (error) {
    if (error instanceof SmscRefusal) {
      debug('%s refused: %s', pdu.command, error.message);
      reply(pdu, { command_status: error.commandStatus });
      return;
    }
    debug('%s failed: %o', pdu.command, error);
    reply(pdu, { command_status: STATUS.systemError });
  }
}
