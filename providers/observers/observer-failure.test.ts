import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { HarnessError, ProviderResponseError, faultKindOf } from '../../core/errors.ts';
import type { ProviderAdapter } from '../contract.ts';
import { HandsetObserver } from './handset-observer.ts';
import { ReceivedTextsObserver } from './received-texts-observer.ts';

const PROBE = [{ token: 'a1b2c3d4e5f6', to: '+447700900601' }];

/** A loopback port nothing listens on: bound, then closed again. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/_sim`;
}

test('handsets that cannot be read are the harness failing, never the supplier', async () => {
  const observer = new HandsetObserver(await deadUrl());
  const failure = await observer.look(PROBE).catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(HarnessError);
  expect(faultKindOf(failure)).toBe('harness');
  expect((failure as HarnessError).message).toMatch(/cannot read the simulator handset 601/);
});

test("an observing provider's bad answer is the harness's error, not a finding", async () => {
  const adapter = {
    dialect: 'notify',
    inbound: () => Promise.reject(new ProviderResponseError('response_not_json', 'half a body')),
  } as unknown as ProviderAdapter;
  const failure = await new ReceivedTextsObserver(adapter, '07700900500')
    .look(PROBE)
    .catch((error: unknown) => error);

  expect(faultKindOf(failure)).toBe('harness');
  expect((failure as HarnessError).code).toBe('ASSURE_OBSERVER');
  expect((failure as HarnessError).message).toMatch(/inbound number at a notify service: half/);
});
