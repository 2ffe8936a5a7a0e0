import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createServer as createTlsServer,
  type ServerOptions as TlsServerOptions,
} from 'node:https';
import type { AddressInfo } from 'node:net';
import { debuglog } from 'node:util';
import type { RequestFault } from './faults/injector.ts';
import type { RouteResponse, Router } from './router.ts';

const debug = debuglog('sms-assure:simulator');

/** Large enough for any SMS request; anything bigger is refused before it is buffered. */
const MAX_BODY_BYTES = 1024 * 1024;

// Flask's wording, since the dialects imitate Flask services.
const NOT_FOUND =
  'The requested URL was not found on the server. If you entered the URL manually please check ' +
  'your spelling and try again.';
const WRONG_METHOD = 'The method is not allowed for the requested URL.';

/** A year, as browsers' preload list asks; the simulator has no subdomains to cover. */
const HSTS = 'max-age=31536000';

/** Key, certificate and the protocol limits to serve HTTPS with; absent means plain HTTP. */
export type TlsSettings = Pick<
  TlsServerOptions,
  'key' | 'cert' | 'minVersion' | 'maxVersion' | 'ciphers'
>;

/** Lets fault injection decide a request's fate before its handler runs. */
export type RequestIntercept = (method: string, path: string) => RequestFault;

export interface ListeningServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Serves a route table over HTTPS, or plain HTTP without `tls`. Handlers never crash it. */
export async function listen(
  router: Router,
  host: string,
  port: number,
  tls?: TlsSettings,
  intercept?: RequestIntercept,
): Promise<ListeningServer> {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (tls) res.setHeader('strict-transport-security', HSTS);
    void handle(router, req, res, intercept);
  };
  const server = tls ? createTlsServer(tls, onRequest) : createServer(onRequest);
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const scheme = tls ? 'https' : 'http';
  return {
    baseUrl: `${scheme}://${urlHost(host)}:${address.port}`,
    close: () => closeServer(server),
  };
}

async function handle(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  intercept: RequestIntercept | undefined,
): Promise<void> {
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const method = req.method ?? 'GET';

  const fault = intercept?.(method, path);
  if (fault && fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault?.action.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault?.action.kind === 'respond') {
    req.resume();
    send(res, { status: fault.action.status, json: fault.action.json }, fault.action.headers);
    return;
  }

  const match = router.match(method, path);
  if (match.kind !== 'found') {
    req.resume();
    const status = match.kind === 'none' ? 404 : 405;
    send(res, {
      status,
      json: { result: 'error', message: status === 404 ? NOT_FOUND : WRONG_METHOD },
    });
    return;
  }

  try {
    const body = await readBody(req);
    if (body === undefined) {
      send(res, { status: 413, json: { result: 'error', message: 'Request body too large' } });
      return;
    }

    const response = await match.handler({
      method,
      path,
      query: new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)),
      params: match.params,
      headers: req.headers,
      body,
      remoteAddress: req.socket.remoteAddress,
      encrypted: 'encrypted' in req.socket && req.socket.encrypted === true,
    });
    // The request took effect; only its answer is lost, as when a connection breaks late.
    if (fault?.action.kind === 'drop-reply') req.socket.destroy();
    else send(res, response);
  } catch (error) {
    debug('%s %s failed: %o', method, path, error);
    send(res, { status: 500, json: { result: 'error', message: 'Internal server error' } });
  }
}

/** The whole body, or undefined once it grows past the limit (the rest is read and dropped). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return Promise.resolve(Buffer.alloc(0));
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) resolve(undefined);
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  response: RouteResponse,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent || res.destroyed) return;

  if ('text' in response) {
    const payload = Buffer.from(response.text);
    res.writeHead(response.status, {
      'content-type': response.contentType,
      'content-length': payload.length,
    });
    res.end(payload);
    return;
  }

  if (response.json === undefined) {
    res.writeHead(response.status, { ...headers, 'content-length': 0 });
    res.end();
    return;
  }

  const payload = Buffer.from(JSON.stringify(response.json));
  res.writeHead(response.status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': payload.length,
  });
  res.end(payload);
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
