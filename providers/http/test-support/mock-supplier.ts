import { MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import type { Exchange } from '../../../core/evidence.ts';
import type { Redactor } from '../../../core/redact.ts';
import { RecordingClient } from '../recording-client.ts';

export interface MockSupplier {
  /** A fresh MockAgent for each test, refusing every request no interceptor answers. */
  readonly agent: MockAgent;
  /** The exchanges the adapter under test recorded, in order. */
  readonly exchanges: Exchange[];
  client(redactor: Redactor): RecordingClient;
  /** Answers the next `method path` on the supplier's origin with `status` and a JSON body. */
  reply(method: string, path: string, status: number, body: string | object): void;
}

/**
 * Stands a supplier's documented answers in for its host in adapter tests: nothing leaves the
 * process, and what the adapter recorded is kept for the test to read.
 */
export function useMockSupplier(origin = 'https://supplier.example.test'): MockSupplier {
  let agent = new MockAgent();
  let exchanges: Exchange[] = [];

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    exchanges = [];
  });

  afterEach(async () => {
    await agent.close();
  });

  return {
    get agent() {
      return agent;
    },
    get exchanges() {
      return exchanges;
    },
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
