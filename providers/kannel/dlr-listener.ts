import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';

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

/**
 * The service side of Kannel's delivery reports: a loopback HTTP server that Kannel calls on
 * each dlr-url, keeping every report by the message it names.
 */
export class KannelDlrListener {
  readonly #reports: KannelDlr[] = [];
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<KannelDlrListener> {
    const server = createServer();
    const listener = new KannelDlrListener(server);
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://listener');
      const report = readReport(url.searchParams);
      if (report) listener.#reports.push(report);
      res
        .writeHead(report ? 200 : 400, { 'content-type': 'text/plain' })
        .end(report ? 'ok' : 'bad');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return listener;
  }

  /** The dlr-url for a message: Kannel fills in the `%` placeholders. */
  urlFor(id: string): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/dlr?id=${encodeURIComponent(id)}&type=%d&answer=%A&smsc=%F`;
  }

  reportsFor(id: string): readonly KannelDlr[] {
    return this.#reports.filter((r) => r.id === id);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
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
