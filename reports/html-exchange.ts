import { STATUS_CODES } from 'node:http';
import type { Exchange } from '../core/evidence.ts';
import { formatDuration, formatTimestamp } from './format-time.ts';
import { html, type Html } from './html-template.ts';

/** Past this many characters a body is cut in the HTML; `result.json` always holds all of it. */
const MAX_BODY_CHARS = 32_000;

/** One HTTP exchange as a reviewer would read it on the wire: start line, headers, body. */
export function renderExchange(exchange: Exchange): Html {
  const { request, response } = exchange;
  const requestText = message(`${request.method} ${request.url}`, request.headers, request.body);

  return html`<section class="exchange">
    <h6>Exchange: ${exchange.label}</h6>
    <p class="meta">
      At ${formatTimestamp(exchange.at)}, took ${formatDuration(exchange.durationMs)}
    </p>
    ${figure('Request', requestText, request.body)}
    ${
      response
        ? figure(
            'Response',
            message(statusLine(response.status), response.headers, response.body),
            response.body,
          )
        : html`<p><strong>No response.</strong></p>`
    }
    ${
      exchange.error !== undefined &&
      html`<p><strong>The exchange failed:</strong> ${exchange.error}</p>`
    }
  </section>`;
}

function figure(caption: string, text: string, body: string | undefined): Html {
  return html`<figure>
    <figcaption>${caption}${bodyNote(body)}</figcaption>
    <pre>${text}</pre>
  </figure>`;
}

function message(startLine: string, headers: Record<string, string>, body?: string): string {
  const headerLines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  const parts = [[startLine, ...headerLines].join('\n')];
  if (body !== undefined && body !== '') parts.push(readable(body).slice(0, MAX_BODY_CHARS));

  return parts.join('\n\n');
}

function bodyNote(body: string | undefined): string {
  if (body === undefined || body === '') return ' (no body)';

  const shown = readable(body);
  const notes = [
    shown !== body && 'JSON body re-indented for reading; result.json holds it as recorded',
    shown.length > MAX_BODY_CHARS &&
      `body cut at ${MAX_BODY_CHARS} characters; result.json holds all of it`,
  ].filter((note) => note !== false);

  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

/** JSON on one line is re-indented; anything else is shown exactly as recorded. */
function readable(body: string): string {
  if (body.includes('\n')) return body;

  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function statusLine(status: number): string {
  const reason = STATUS_CODES[status];
  return reason === undefined ? `HTTP ${status}` : `HTTP ${status} ${reason}`;
}
