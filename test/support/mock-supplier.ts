import { MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import type { Exchange } from '../../core/evidence.ts';
import type { Redactor } from '../../core/redact.ts';
import { RecordingClient } from '../../providers/http/recording-client.ts';

export interface MockSupplier {
  /** The agent of the current test: intercepts are set on it. */
  readonly agent: () => MockAgent;
  /** What the recording client recorded in the current test, already redacted. */
  readonly exchanges: () => readonly Exchange[];
  /** A client whose requests reach only the mock, recording through `redactor`. */
  readonly client: (redactor: Redactor) => RecordingClient;
  /** Answers the next `method path` on `origin` with `status` and a JSON body. */
  reply(method: string, path: string, status: number, body: string | object): void;
}

/**
 * A supplier faked with undici's MockAgent for the tests of one file: a fresh agent per test,
 * no real network, and every exchange recorded as the adapter would record it.
 */
export function mockSupplier(origin: string): MockSupplier {
  let agent = new MockAgent();
  let exchanges: Exchange[] = [];

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    exchanges = [];
  });
  afterEach(() => agent.close());

  return {
    agent: () => agent,
    exchanges: () => exchanges,
    client: (redactor) =>
      new RecordingClient({ redactor, sink: (e) => exchanges.push(e), dispatcher: agent }),
    reply(method, path, status, body) {
      agent
        .get(origin)
        .intercept({ path, method })
        .reply(status, body, { headers: { 'content-type': 'application/json' } });
    },
  };
}
