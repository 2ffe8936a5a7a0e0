import { once } from 'node:events';
import smpp, { type PDU, type Session } from 'smpp';

/**
 * A bare SMPP client for tests of the SMSC: it sends exactly the PDUs a test writes, answers
 * each deliver_sm, and keeps every deliver_sm it was sent for the test to wait on.
 */
export class TestEsme {
  readonly delivered: PDU[] = [];
  readonly #waiters: (() => void)[] = [];

  private constructor(readonly session: Session) {
    session.on('deliver_sm', (pdu: PDU) => {
      session.send(pdu.response());
      this.delivered.push(pdu);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    session.on('error', () => undefined);
  }

  static async connect(url: string): Promise<TestEsme> {
    const session = smpp.connect({ url });
    await once(session, 'connect');
    return new TestEsme(session);
  }

  /** Sends a request PDU and resolves with its response. */
  request(command: string, fields: Record<string, unknown> = {}): Promise<PDU> {
    return new Promise((resolve, reject) => {
      const sent = this.session.send(new smpp.PDU(command, fields), resolve);
      if (!sent) reject(new Error(`could not send ${command}: the socket is closed`));
    });
  }

  async bind(kind: string, systemId: string, password: string): Promise<PDU> {
    return this.request(`bind_${kind}`, { system_id: systemId, password });
  }

  /** Waits for `count` deliver_sm PDUs matching `match`, failing after `timeoutMs`. */
  async deliveries(match: (pdu: PDU) => boolean, count = 1, timeoutMs = 5_000): Promise<PDU[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.delivered.filter(match);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${found.length} of ${count} deliver_sm arrived`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    if (this.session.socket.destroyed) return;
    await new Promise<void>((resolve) => this.session.destroy(resolve));
  }
}

/** The text of a PDU's short_message, as the package decoded it. */
export function textOf(pdu: PDU, field = 'short_message'): string {
  const value = pdu[field] as { message: string | Buffer } | undefined;
  return value === undefined ? '' : value.message.toString();
}
