import { connect } from 'node:net';
import { authority, type Endpoint } from './endpoint.ts';
import { emptyResult, type ProbeResult } from './probe-result.ts';

const TIMEOUT_MS = 5_000;
const MAX_HEAD_BYTES = 16 * 1024;

/**
 * What a plain HTTP request got: no HTTP answer at all (`connected` says whether a TCP
 * connection was even made), or the answer's status and Location.
 */
export type PlainAnswer =
  | { readonly kind: 'none'; readonly reason: string; readonly connected?: boolean }
  | { readonly kind: 'http'; readonly status: number; readonly location?: string };

/**
 * Sends a plain HTTP request to the API's port (and to port 80 when the API is on 443): each
 * must be refused, or redirected to HTTPS. An API that answers in clear has let the request,
 * and any key in it, cross the network unencrypted.
 */
export async function probePlainHttp(endpoint: Endpoint): Promise<ProbeResult> {
  const result = emptyResult();
  const ports = endpoint.port === 443 ? [443, 80] : [endpoint.port];

  for (const port of ports) {
    const where = authority({ ...endpoint, port });
    const answer = await askInClear(endpoint.host, port, where);
    if (answer.kind === 'none') {
      result.notes.push(`plain HTTP to ${where}: refused (${answer.reason})`);
    } else if (
      answer.status >= 300 &&
      answer.status < 400 &&
      answer.location?.startsWith('https:')
    ) {
      result.notes.push(`plain HTTP to ${where}: redirected to ${answer.location}`);
    } else if (answer.status === 400 || answer.status === 426) {
      result.notes.push(`plain HTTP to ${where}: refused with HTTP ${answer.status}`);
    } else {
      result.findings.push({
        code: 'plain_http_served',
        severity: 'high',
        message: `the server answers plain HTTP on ${where} instead of refusing or redirecting`,
        expected: 'no answer, 400, 426, or a redirect to https://',
        actual: `HTTP ${answer.status}${answer.location ? ` to ${answer.location}` : ''}`,
      });
    }
  }
  return result;
}

/** One `GET /` in clear text, read up to the end of the response head. */
export function askInClear(host: string, port: number, where: string): Promise<PlainAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let head = '';
    let connected = false;
    const done = (answer: PlainAnswer) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(answer);
    };

    socket.setTimeout(TIMEOUT_MS, () =>
      done(parseHead(head) ?? { kind: 'none', reason: 'no answer' }),
    );
    socket.once('connect', () => {
      connected = true;
      socket.write(`GET / HTTP/1.1\r\nHost: ${where}\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const answer = parseHead(head);
      if (answer || head.length > MAX_HEAD_BYTES)
        done(answer ?? { kind: 'none', reason: 'not HTTP' });
    });
    socket.once('error', (error) => {
      const code = (error as { code?: unknown }).code;
      done({ kind: 'none', reason: typeof code === 'string' ? code : error.message, connected });
    });
    socket.once('end', () =>
      done(parseHead(head) ?? { kind: 'none', reason: 'closed unanswered' }),
    );
  });
}

/** The status and Location of a complete response head, or undefined until there is one. */
function parseHead(text: string): PlainAnswer | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return undefined;

  const [statusLine = '', ...headers] = text.slice(0, end).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) return { kind: 'none', reason: 'not HTTP' };
  const location = headers
    .find((h) => h.toLowerCase().startsWith('location:'))
    ?.slice('location:'.length)
    .trim();
  return { kind: 'http', status: Number(status), ...(location ? { location } : {}) };
}
