import type { PDU } from 'smpp';
import type { Redactor } from '../../core/redact.ts';
import type { ExchangeSink } from '../contract.ts';

/**
 * Records one SMPP request and its response as an exchange: the command stands where an HTTP
 * method would, command_status where the HTTP status would. Fields are redacted like bodies.
 */
export function recordPdu(
  sink: ExchangeSink,
  redactor: Redactor,
  exchange: {
    readonly url: string;
    readonly command: string;
    readonly fields: Record<string, unknown>;
    readonly started: number;
    readonly response?: PDU;
    readonly error?: string;
  },
): void {
  const { url, command, fields, started, response, error } = exchange;
  sink({
    kind: 'exchange',
    label: command,
    at: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    request: { method: command, url, headers: {}, body: redactor.payload(describe(fields)) },
    ...(response
      ? {
          response: {
            status: response.command_status,
            headers: {},
            body: redactor.payload(describe(response)),
          },
        }
      : {}),
    ...(error ? { error: redactor.text(error) } : {}),
  });
}

const HEAD = new Set(['command', 'command_length', 'command_id', 'sequence_number']);

function describe(fields: Record<string, unknown> | PDU): string {
  const shown: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (HEAD.has(name) || typeof value === 'function') continue;
    shown[name] = readable(value);
  }
  return JSON.stringify(shown);
}

function readable(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  if (value && typeof value === 'object' && 'message' in value) {
    const { udh, message } = value as { udh?: Buffer | readonly Buffer[]; message: unknown };
    return {
      ...(udh ? { udh: readable(Buffer.concat([udh].flat())) } : {}),
      message: readable(message),
    };
  }
  return value;
}
