import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
  /** The body as it arrived: what a signature covers. */
  readonly raw: string;
  readonly path: string;
}

export interface TestReceiver extends AsyncDisposable {
  readonly url: string;
  readonly received: ReceivedCallback[];
  close(): Promise<void>;
}

/**
 * A service's callback endpoint for tests: records every POST (and GET) and answers with the
 * next status from `statuses`, then with the last one for ever. A status of 0 never answers.
 */
export async function startReceiver(statuses: readonly number[] = [200]): Promise<TestReceiver> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
      // A GET (Twilio's SmsMethod GET) carries its keys in the query string.
      const query = new URL(req.url ?? '/', 'http://receiver').searchParams;
      received.push({
        headers: req.headers,
        body:
          req.method === 'GET'
            ? Object.fromEntries(query)
            : form
              ? Object.fromEntries(new URLSearchParams(raw))
              : (JSON.parse(raw) as Record<string, unknown>),
        raw,
        path: req.url ?? '/',
      });
      const status = statuses[Math.min(received.length, statuses.length) - 1] ?? 200;
      if (status === 0) return;
      res.statusCode = status;
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    received,
    close,
    [Symbol.asyncDispose]: close,
  };
}
