import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import smpp, { type Session } from 'smpp';
import { apiTls } from '../../aggregator/api-tls.ts';
import type { SimClock } from '../../aggregator/clock.ts';
import type { FaultInjector } from '../../aggregator/faults/injector.ts';
import { toE164 } from '../../aggregator/e164.ts';
import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { InboundDirectory, InboundNumber } from '../../aggregator/reply.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { BoundSessions } from './bound-sessions.ts';
import { SmppHooks } from './hooks.ts';
import type { NewMessage } from '../../aggregator/message.ts';
import { MessageBook, type SmscMessage } from './message-book.ts';
import { handleSession, type SmscAccount } from './session-handler.ts';

export interface SmppOptions {
  /** @default '127.0.0.1' */
  readonly host?: string | undefined;
  /** @default 0, a free port */
  readonly port?: number | undefined;
  /** Submits a second each session may make before it is answered ESME_RTHROTTLED. @default 200 */
  readonly submitsPerSecond?: number | undefined;
  /**
   * Serve SMPP over TLS (`smpps://`) with a certificate from the authority the API's is from,
   * which `ca` on the credentials holds for clients to trust. The transport profiles apply as
   * to the API: `tls-weak` accepts old versions and suites, `plain-http` serves it in clear.
   * @default false
   */
  readonly tls?: boolean | undefined;
}

/** How a client reaches the SMSC: fresh credentials at every start, as with Notify's keys. */
export interface SmppCredentials {
  /** `smpp://127.0.0.1:PORT`, or `smpps://…` over TLS */
  readonly url: string;
  /** Over TLS, the authority behind the SMSC's certificate (PEM). */
  readonly ca?: string;
  readonly host: string;
  readonly port: number;
  readonly systemId: string;
  /** Eight characters: SMPP 3.4 allows no more. */
  readonly password: string;
  /** The number handsets reply to; deliver_sm carries their texts to the account. */
  readonly inboundNumber: string;
}

/** The SMSC's single account. */
export const SMPP_SYSTEM_ID = 'smsassure';
// Handsets share one network with every dialect, so each inbound number has one owner only.
const INBOUND_NUMBER = '+447700900700';
const PASSWORD_KEY = 'smpp:password';

/**
 * The SMPP face, in two steps: its hooks exist before the lifecycle does (the lifecycle asks
 * them about each message), and its server starts once the lifecycle exists to take messages.
 */
export class SmppFace implements InboundDirectory {
  readonly book: MessageBook;
  readonly sessions = new BoundSessions();
  readonly hooks: SmppHooks;
  readonly account: SmscAccount;

  /**
   * Given the store, the book of messages is kept there too, and with `keepKeys` the password
   * stored at the last start is used again, as Notify's keys are; otherwise it is fresh.
   */
  constructor(store?: SimulatorStore, keepKeys = false) {
    this.book = new MessageBook(store);
    this.hooks = new SmppHooks(this.book, this.sessions);
    const kept = keepKeys ? store?.readMeta(PASSWORD_KEY) : undefined;
    const password = kept ?? randomBytes(6).toString('base64url');
    store?.writeMeta(PASSWORD_KEY, password);
    this.account = { systemId: SMPP_SYSTEM_ID, password };
  }

  findInbound(address: string): InboundNumber | undefined {
    if (toE164(address) !== INBOUND_NUMBER) return undefined;
    return { dialect: 'smpp', accountId: SMPP_SYSTEM_ID, number: INBOUND_NUMBER };
  }

  async listen(
    options: SmppOptions,
    deps: {
      store: SimulatorStore;
      clock: SimClock;
      lifecycle: MessageLifecycle;
      profile: ProfileBehaviour;
      faults?: FaultInjector;
    },
  ): Promise<StartedSmsc> {
    const context = {
      ...deps,
      book: this.book,
      sessions: this.sessions,
      account: this.account,
      submitsPerSecond: options.submitsPerSecond ?? 200,
      onAccepted: (message: SmscMessage, accepted: NewMessage) =>
        this.hooks.enRoute(message, accepted),
    };
    const handler = (session: Session) => handleSession(context, session);
    // Over TLS the SMSC is served as the API is: the tls-weak and plain-http profiles apply.
    const tls = options.tls ? apiTls('https', deps.profile.apiTransport) : {};
    const server = tls.settings
      ? smpp.createServer(tls.settings, handler)
      : smpp.createServer(handler);
    const host = options.host ?? '127.0.0.1';
    server.listen(options.port ?? 0, host);
    await once(server, 'listening');

    const { port } = server.address() as AddressInfo;
    return {
      credentials: {
        url: `${tls.settings ? 'smpps' : 'smpp'}://${host}:${port}`,
        ...(tls.ca ? { ca: tls.ca } : {}),
        host,
        port,
        systemId: this.account.systemId,
        password: this.account.password,
        inboundNumber: INBOUND_NUMBER,
      },
      close: async () => {
        this.hooks.stop();
        this.book.flush();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await this.sessions.closeAll([...server.sessions]);
        await closed;
      },
    };
  }
}

export interface StartedSmsc {
  readonly credentials: SmppCredentials;
  close(): Promise<void>;
}
