import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import smpp, { type ConnectOptions, type PDU, type Session } from 'smpp';
import { CredentialsError, ProviderResponseError, TransportError } from '../../core/errors.ts';

export interface SmppEndpoint {
  /** `smpp://host:port`, or `smpps://host:port` for SMPP over TLS */
  readonly url: string;
  readonly systemId: string;
  readonly password: string;
  /** The bind's system_type, where the SMSC asks for one. @default '' */
  readonly systemType?: string;
  /** Authorities (PEM) trusted for an smpps:// SMSC besides the system's; never fewer checks. */
  readonly ca?: readonly string[];
}

/** How the session binds: a transceiver, or one half of a transmitter and receiver pair. */
export type BindKind = 'transceiver' | 'transmitter' | 'receiver';

export interface ConnectionOptions {
  /** Called with every deliver_sm, after it has been answered. */
  readonly onDeliver: (pdu: PDU) => void;
  /** @default 10_000 */
  readonly timeoutMs?: number;
  /** Binds tried in a row before giving up. @default 4 */
  readonly attempts?: number;
  /** Real milliseconds before the first retry; each later one waits twice as long. @default 100 */
  readonly retryDelayMs?: number;
  /** @default 'transceiver' */
  readonly bind?: BindKind;
}

/** Bind refusals that mean the credentials are wrong, not that the SMSC misbehaved. */
const CREDENTIAL_REFUSALS = new Set([0x0d, 0x0e, 0x0f]);

/**
 * One transceiver bind to an SMSC, made when first needed and made again when the connection
 * drops: at once in the background (so receipts the SMSC kept come in), and before the next
 * request otherwise. The socket never keeps the process alive on its own.
 */
export class SmppConnection {
  readonly #endpoint: SmppEndpoint;
  readonly #options: ConnectionOptions;
  #session: Promise<Session> | undefined;
  #closed = false;

  constructor(endpoint: SmppEndpoint, options: ConnectionOptions) {
    this.#endpoint = endpoint;
    this.#options = options;
  }

  /** Sends a request PDU on the bound session and resolves with its response. */
  async request(command: string, fields: Record<string, unknown>): Promise<PDU> {
    const session = await this.#bound();
    const timeoutMs = this.#options.timeoutMs ?? 10_000;

    return new Promise<PDU>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new TransportError(`${command} to ${this.#endpoint.url}: no answer in ${timeoutMs} ms`),
        );
      }, timeoutMs);
      const closed = () => {
        clearTimeout(timer);
        reject(new TransportError(`${command} to ${this.#endpoint.url}: the connection closed`));
      };
      session.socket.once('close', closed);

      const sent = session.send(new smpp.PDU(command, fields), (response) => {
        clearTimeout(timer);
        session.socket.off('close', closed);
        resolve(response);
      });
      if (!sent) closed();
    });
  }

  /** Binds now rather than at the first request: a receiver must be bound before it is needed. */
  async open(): Promise<void> {
    await this.#bound();
  }

  /** Unbinds politely, then closes; no reconnect follows. */
  async close(): Promise<void> {
    this.#closed = true;
    const session = await this.#session?.catch(() => undefined);
    if (!session || session.socket.destroyed) return;

    // Heard from the start: an SMSC answering the unbind may close the socket straight after.
    const closed = once(session.socket, 'close').then(
      () => undefined,
      () => undefined,
    );
    const unbound = new Promise<void>((resolve) => session.unbind({}, () => resolve()));
    await Promise.race([unbound, closed, sleep(500)]);
    session.destroy();
    await closed;
  }

  #bound(): Promise<Session> {
    if (this.#closed) {
      return Promise.reject(new TransportError(`${this.#endpoint.url}: the adapter was closed`));
    }
    this.#session ??= this.#bindWithRetries();
    // A failed bind is not remembered: the next request tries again.
    this.#session.catch(() => (this.#session = undefined));
    return this.#session;
  }

  async #bindWithRetries(): Promise<Session> {
    const attempts = this.#options.attempts ?? 4;
    let delay = this.#options.retryDelayMs ?? 100;

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#bindOnce();
      } catch (error) {
        if (!(error instanceof TransportError) || attempt >= attempts) throw error;
        // Unref'd: a rebind nobody waits for must not keep the process alive.
        await sleep(delay, undefined, { ref: false });
        delay *= 2;
      }
    }
  }

  async #bindOnce(): Promise<Session> {
    const { url, systemId, password } = this.#endpoint;
    const session = smpp.connect(connectOptions(this.#endpoint));
    let reason = '';
    session.on('error', (error: Error) => (reason ||= `: ${error.message}`));
    const failed = once(session.socket, 'close').then(() => {
      throw new TransportError(`cannot connect to ${url}${reason}`);
    });
    // `once` rejects with the session's own error (a refused certificate, say): named as ours.
    const ready = once(session, isTls(url) ? 'secureConnect' : 'connect').catch(
      (error: unknown) => {
        throw new TransportError(`cannot connect to ${url}: ${String(error)}`);
      },
    );
    await Promise.race([ready, failed]);
    session.socket.unref();
    // Heard from before the bind: an SMSC may send what it kept in the same read as bind_resp,
    // and a deliver_sm nobody listens for is lost.
    this.#answer(session);

    const bind = `bind_${this.#options.bind ?? 'transceiver'}`;
    const fields = {
      system_id: systemId,
      password,
      system_type: this.#endpoint.systemType ?? '',
      interface_version: 0x34,
    };
    const response = await Promise.race([
      new Promise<PDU>((resolve) => session.send(new smpp.PDU(bind, fields), resolve)),
      failed,
    ]);
    failed.catch(() => undefined);
    if (response.command_status !== 0) {
      session.destroy();
      throw bindRefusal(url, systemId, response.command_status);
    }

    this.#watch(session);
    return session;
  }

  #answer(session: Session): void {
    session.on('deliver_sm', (pdu: PDU) => {
      session.send(pdu.response());
      this.#options.onDeliver(pdu);
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => session.send(pdu.response(), () => session.close()));
  }

  #watch(session: Session): void {
    session.socket.once('close', () => {
      this.#session = undefined;
      // Rebind straight away, so that receipts the SMSC kept while we were away come in.
      if (!this.#closed) this.#bound().catch(() => undefined);
    });
  }
}

function isTls(url: string): boolean {
  return url.startsWith('smpps:');
}

/**
 * Where and how to connect. The package only knows its own `ssmpp://` scheme for TLS, so the
 * host and port are handed over apart; certificate verification stays on, with `ca` added.
 */
function connectOptions(endpoint: SmppEndpoint): ConnectOptions {
  const { hostname, port } = new URL(endpoint.url);
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isTls(endpoint.url)) return { host, port: Number(port) };
  return { host, port: Number(port), tls: true, ...(endpoint.ca ? { ca: endpoint.ca } : {}) };
}

function bindRefusal(url: string, systemId: string, status: number): Error {
  const code = `0x${status.toString(16).padStart(8, '0')}`;
  if (CREDENTIAL_REFUSALS.has(status)) {
    return new CredentialsError(
      `${url} refused the bind of ${systemId} (${code}): check the credentials`,
    );
  }
  return new ProviderResponseError('smpp_bind_refused', `${url} refused the bind with ${code}`);
}
