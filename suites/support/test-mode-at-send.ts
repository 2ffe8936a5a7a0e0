import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderAdapter } from '../../providers/contract.ts';
import type { CheckContext } from './check.ts';
import { handsetInbox } from './handset.ts';
import { first, sendTracked } from './send-tracked.ts';

/**
 * TEST-02 where test credentials answer only the send (Twilio): a text to an ordinary number is
 * accepted and reaches no one, and each number the supplier reserves for its test credentials
 * is refused with the code it documents. Nothing can be read back, so on the simulator the
 * handset is watched until the receipt deadline instead.
 */
export async function testModeAtSend(c: CheckContext, testAdapter: ProviderAdapter) {
  const number = first(c.target.numbers.delivered, 'delivered');
  const sent = await sendTracked(c, number, 'test-mode', undefined, testAdapter);
  c.note(`the text sent with test credentials was answered ${sent.providerStatus}`);

  for (const { to, code } of c.adapter.capabilities.testRejections ?? []) {
    const refusal = await refusalOf(() =>
      sendTracked(c, to, 'test-rejection', undefined, testAdapter),
    );
    if (!refusal?.includes(code)) {
      c.finding({
        code: 'test_rejection_wrong',
        requirement: 'TEST-02',
        message: 'a number reserved for test credentials did not give its documented error',
        expected: `refused with ${code}`,
        actual: refusal ?? 'accepted',
      });
    }
  }

  if (!c.target.simulator) {
    c.note('handsets of a real supplier cannot be read: partial evidence');
    return;
  }
  if (await reachesHandset(c, number, sent.body, sent.sentAt + c.target.receiptDeadlineMs)) {
    testTextReachedHandset(c);
  }
}

export function testTextReachedHandset(c: CheckContext): void {
  c.finding({
    code: 'test_message_reached_handset',
    requirement: 'TEST-02',
    message: 'a text sent with test credentials reached the handset',
    expected: 'nothing on the handset',
    actual: 'the test text was received',
  });
}

/** The error message of a send expected to be refused, or undefined if it was accepted. */
async function refusalOf(send: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await send();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function reachesHandset(c: CheckContext, number: string, body: string, deadline: number) {
  for (;;) {
    if ((await handsetInbox(c, number)).some((m) => m.body === body)) return true;
    if (Date.now() + c.target.pollIntervalMs > deadline) return false;
    await sleep(c.target.pollIntervalMs);
  }
}
