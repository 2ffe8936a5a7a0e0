import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loopbackCredentials } from '../tls/local-ca.ts';
import type {
  CallbackAuthority,
  CallbackReceipt,
  InboundText,
  IncomingCallback,
} from './contract.ts';
import { HarnessError } from '../core/errors.ts';
import { WebhookIntake } from './observers/webhook-intake.ts';

/** One callback as the receiver judged it. The raw body stays here; workers get the verdicts. */
export interface ReceivedCallback {
  readonly target: string;
  /** `receipt` for delivery-status callbacks, `inbound` for replies from handsets. */
  readonly kind: CallbackKind;
  readonly receivedAt: number;
  readonly authenticated: boolean;
  /** A genuine callback seen before: acknowledged, not counted again. */
  readonly replayed?: boolean;
  /** Whether it arrived over TLS; the plain listener exists only to catch those that did not. */
  readonly overTls: boolean;
  readonly rejection?: { readonly code: string; readonly reason: string };
  readonly receipt?: CallbackReceipt;
  readonly inbound?: InboundText;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface StartedReceiver extends AsyncDisposable {
  /**
   * Where a target posts its callbacks: `${baseUrl}/callbacks/<target>` for receipts and
   * `${baseUrl}/callbacks/<target>/inbound` for replies.
   */
  readonly baseUrl: string;
  /** The authority (PEM) behind the receiver's certificate: the one a target must trust. */
  readonly ca: string;
  /**
   * The same paths over plain HTTP. No target is ever given this address: it is a trap, there to
   * see whether a supplier that was handed an http:// URL would post to it in clear.
   */
  readonly plainBaseUrl: string;
  /** The token a worker presents to read what arrived. */
  readonly inspectToken: string;
  register(target: string, authority: CallbackAuthority): void;
  /** Takes texts a test phone's forwarding app posts to `${baseUrl}/observed/<target>`. */
  observe(target: string, bearerToken: string): void;
  received(target: string): readonly ReceivedCallback[];
  stop(): Promise<void>;
}

export type CallbackKind = 'receipt' | 'inbound';

const MAX_BODY_BYTES = 256 * 1024;
const MAX_KEPT_BODY_CHARS = 4 * 1024;

/**
 * The service side of receipts: a loopback HTTPS server, with a certificate from an authority
 * made at start, that takes each target's callbacks, authenticates and parses them with the
 * target's own rules, and answers as a careful service would (401 unauthenticated, 400
 * unreadable, 200 otherwise, duplicates included).
 */
export async function startCallbackReceiver(
  host = '127.0.0.1',
  listenPort = 0,
): Promise<StartedReceiver> {
  const authorities = new Map<string, CallbackAuthority>();
  const observed = new WebhookIntake();
  const log: ReceivedCallback[] = [];
  const inspectToken = randomUUID();
  const credentials = loopbackCredentials('sms-assure callback receiver CA');

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => answer(res, 500, { error: 'receiver failure' }));
  };
  const server = createTlsServer({ key: credentials.key, cert: credentials.cert }, onRequest);
  const plainServer = createServer(onRequest);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://receiver');
    const [, area, target, sub] = url.pathname.split('/');
    const overTls = 'encrypted' in req.socket && req.socket.encrypted === true;

    if (area === 'inspect' && target && req.method === 'GET' && overTls) {
      if (req.headers['x-inspect-token'] !== inspectToken) return answer(res, 403, {});
      if (url.searchParams.get('kind') === 'observed') {
        return answer(res, 200, { texts: observed.list(target) });
      }
      const kind = url.searchParams.get('kind') === 'inbound' ? 'inbound' : 'receipt';
      const messageId = url.searchParams.get('messageId');
      return answer(res, 200, { callbacks: inspect(target, kind, messageId) });
    }
    if (area === 'observed' && target && req.method === 'POST') {
      const body = await readBody(req);
      if (body === undefined) return answer(res, 413, { error: 'body too large' });
      const outcome = observed.accept(target, flatten(req.headers), body);
      return answer(res, outcome.status, outcome.json);
    }
    const kind: CallbackKind | undefined =
      sub === undefined ? 'receipt' : sub === 'inbound' ? 'inbound' : undefined;
    // Some gateways (Kannel, Vonage by choice) deliver receipts as GET with a query string.
    const method = req.method === 'GET' || req.method === 'POST' ? req.method : undefined;
    if (area !== 'callbacks' || !target || !kind || !method) {
      return answer(res, 404, {});
    }

    const authority = authorities.get(target);
    if (!authority) return answer(res, 404, { error: `no target named ${target}` });

    const body = await readBody(req);
    if (body === undefined) return answer(res, 413, { error: 'body too large' });
    const callback: IncomingCallback = {
      path: `${url.pathname}${url.search}`,
      method,
      headers: flatten(req.headers),
      body,
    };
    const record = { ...judge(target, kind, authority, callback), overTls };
    // Verdicts are all the checks read; a flood of large bodies must not fill memory.
    log.push({ ...record, body: record.body.slice(0, MAX_KEPT_BODY_CHARS) });

    if (!record.authenticated) return answer(res, 401, { error: record.rejection?.reason });
    if (!record.receipt && !record.inbound)
      return answer(res, 400, { error: record.rejection?.reason });
    return answer(res, 200, { ok: true });
  }

  function inspect(target: string, kind: CallbackKind, messageId: string | null) {
    return log
      .filter((r) => r.target === target && r.kind === kind)
      .filter((r) => !messageId || r.receipt?.messageId === messageId)
      .map(({ headers: _headers, body: _body, ...verdicts }) => verdicts);
  }

  const port = await listenOn(server, host, listenPort);
  const plainPort = await listenOn(plainServer, host, 0);
  const stop = async () => {
    await Promise.all([close(server), close(plainServer)]);
  };

  return {
    baseUrl: `https://${host}:${port}`,
    ca: credentials.ca,
    plainBaseUrl: `http://${host}:${plainPort}`,
    inspectToken,
    register: (target, authority) => void authorities.set(target, authority),
    observe: (target, bearerToken) => observed.watch(target, bearerToken),
    received: (target) => log.filter((r) => r.target === target),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function judge(
  target: string,
  kind: CallbackKind,
  authority: CallbackAuthority,
  callback: IncomingCallback,
): Omit<ReceivedCallback, 'overTls'> {
  const auth = authority.authenticate(callback);
  const parsed = kind === 'inbound' ? authority.parseInbound(callback) : authority.parse(callback);
  const rejection = !auth.ok ? auth : !parsed.ok ? parsed : undefined;

  return {
    target,
    kind,
    receivedAt: Date.now(),
    authenticated: auth.ok,
    ...(auth.ok && auth.replayed ? { replayed: true } : {}),
    ...(rejection ? { rejection: { code: rejection.code, reason: rejection.reason } } : {}),
    ...(parsed.ok && 'receipt' in parsed ? { receipt: parsed.receipt } : {}),
    ...(parsed.ok && 'inbound' in parsed ? { inbound: parsed.inbound } : {}),
    headers: callback.headers,
    body: callback.body,
  };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Listens on `port` (0: any free one) and resolves with the port taken. */
function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const detail = `the callback receiver cannot listen on ${host}:${port} (${error.code})`;
      reject(new HarnessError('ASSURE_RECEIVER_PORT', `${detail}: choose another receiverPort`));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
