import type { Socket } from 'node:net';
import { TransportError } from '../../core/errors.ts';

/** How long a probe waits for the TCP connection, then for the server's answer. */
export const PROBE_TIMEOUT_MS = 5_000;

/** What a probe socket is waiting for, and how it ends. */
export interface ProbeSocket<T> {
  /** Whether the TCP connection was made: failures before it are the network's, not the host's. */
  readonly connected: () => boolean;
  /** Settles the probe once; the socket is closed and deaf to any late error. */
  readonly end: (result: T | Error) => void;
}

/**
 * Watches a probe's socket: it settles once, and a stall fails as a transport error that says
 * whether the connection or the handshake stalled, never as the server's refusal.
 */
export function watchProbeSocket<T>(
  socket: Socket,
  where: string,
  resolve: (result: T) => void,
  reject: (error: Error) => void,
): ProbeSocket<T> {
  let connected = false;
  const end = (result: T | Error) => {
    socket.removeAllListeners();
    socket.on('error', () => undefined);
    socket.destroy();
    if (result instanceof Error) reject(result);
    else resolve(result);
  };

  socket.setTimeout(PROBE_TIMEOUT_MS, () => {
    const stage = connected ? 'the TLS handshake' : 'the TCP connection';
    end(new TransportError(`${where}: ${stage} took over ${PROBE_TIMEOUT_MS} ms`));
  });
  socket.once('connect', () => (connected = true));
  return { connected: () => connected, end };
}
