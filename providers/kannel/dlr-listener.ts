import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../../core/errors.ts';

/** One dlr-url call as Kannel made it. */
export interface KannelDlr {
  /** The adapter's own id for the message, which it put in the dlr-url. */
  readonly id: string;
  readonly type: number;
  /** `%A`: `ACK/`, `NACK/…`, or the SMSC receipt's text. */
  readonly answer: string;
  /** `%F`: the message id the SMSC gave (for a long text, its first part's). */
  readonly smscId: string;
  readonly receivedAt: number;
}

/** Where an adapter asks Kannel to report, and where it reads what Kannel reported. */
export interface DlrChannel {
  /** The dlr-url for a message: Kannel fills in the `%` placeholders. */
  urlFor(id: string): string;
  reportsFor(id: string): Promise<readonly KannelDlr[]>;
}

/** What a listener hands to adapters in other processes: its address and its token. */
export interface DlrChannelAddress {
  /** The listener on loopback, where adapters read reports back. */
  readonly baseUrl: string;
  readonly token: string;
  /**
   * Where Kannel reaches the listener, when not at `baseUrl`: a Kannel on another machine
   * calls a public address that forwards to the loopback listener. @default baseUrl
   */
  readonly publicUrl?: string;
}

/**
 * The service side of Kannel's delivery reports: a loopback HTTP server that Kannel calls on
 * each dlr-url, keeping every report by the message it names. The dlr-url carries a token, so a
 * report nobody asked for is refused; adapters in vitest workers read reports back with it.
 */
export class KannelDlrListener implements DlrChannel {
  readonly #reports: KannelDlr[] = [];
  readonly #server: Server;
  readonly #token = randomBytes(18).toString('base64url');

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Listens on 127.0.0.1, on `port` or, by default, a free one. */
  static async start(port = 0): Promise<KannelDlrListener> {
    const server = createServer();
    const listener = new KannelDlrListener(server);
    server.on('request', (req, res) => listener.#handle(req, res));
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return listener;
  }

  get address(): DlrChannelAddress {
    const { port } = this.#server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, token: this.#token };
  }

  urlFor(id: string): string {
    return dlrUrl(this.address, id);
  }

  async reportsFor(id: string): Promise<readonly KannelDlr[]> {
    return this.#reports.filter((r) => r.id === id);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://listener');
    const token = url.pathname === '/dlr' ? url.searchParams.get('token') : req.headers['x-token'];
    if (typeof token !== 'string' || !sameToken(token, this.#token)) {
      res.writeHead(401).end();
      return;
    }

    if (url.pathname === '/reports') {
      const id = url.searchParams.get('id') ?? '';
      const body = JSON.stringify(this.#reports.filter((r) => r.id === id));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const report = url.pathname === '/dlr' ? readReport(url.searchParams) : undefined;
    if (report) this.#reports.push(report);
    res.writeHead(report ? 200 : 400, { 'content-type': 'text/plain' }).end();
  }
}

/** A listener's channel as seen from another process. */
export class RemoteDlrChannel implements DlrChannel {
  constructor(private readonly address: DlrChannelAddress) {}

  urlFor(id: string): string {
    return dlrUrl(this.address, id);
  }

  async reportsFor(id: string): Promise<readonly KannelDlr[]> {
    const url = `${this.address.baseUrl}/reports?id=${encodeURIComponent(id)}`;
    try {
      const reply = await request(url, { headers: { 'x-token': this.address.token } });
      return ReportsSchema.parse(await reply.body.json());
    } catch (error) {
      throw new HarnessError('ASSURE_DLR_UNREADABLE', 'cannot read the Kannel report listener', {
        cause: error,
      });
    }
  }
}

const ReportsSchema = z.array(
  z.object({
    id: z.string(),
    type: z.number(),
    answer: z.string(),
    smscId: z.string(),
    receivedAt: z.number(),
  }),
);

function dlrUrl(address: DlrChannelAddress, id: string): string {
  const { baseUrl, token, publicUrl } = address;
  const fixed = new URLSearchParams({ token, id });
  return `${(publicUrl ?? baseUrl).replace(/\/$/, '')}/dlr?${fixed}&type=%d&answer=%A&smsc=%F`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readReport(params: URLSearchParams): KannelDlr | undefined {
  const id = params.get('id');
  const type = Number(params.get('type'));
  if (!id || !Number.isInteger(type)) return undefined;
  return {
    id,
    type,
    answer: params.get('answer') ?? '',
    smscId: params.get('smsc') ?? '',
    receivedAt: Date.now(),
  };
}
