import { describe, expect, test } from 'vitest';
import { isFictionNumber } from '../../numbering/index.ts';
import { startSimulator, type ProfileName } from '../index.ts';
import { inboxOf, sendersShown } from '../test-support/handsets.ts';
import { call, sendText, settled } from '../test-support/notify-http.ts';
import { threadsOf } from './threads.ts';
import { variantOf } from './shown-senders.ts';

async function simulatorWith(profile: ProfileName) {
  return startSimulator({ profile, timeScale: 10_000 });
}

describe('sender-altered', () => {
  test.each([
    ['compliant', false],
    ['sender-altered', true],
  ] as const)('%s: handsets show a random long number: %s', async (profile, altered) => {
    await using simulator = await simulatorWith(profile);

    const sent = await sendText(simulator, simulator.notify.liveKey, '07700900601');
    await sendText(simulator, simulator.notify.liveKey, '07700900601');
    await settled(simulator);
    const shown = await sendersShown(simulator, '07700900601');

    // The API still names the chosen sender: only the handset tells.
    expect(sent.json).toMatchObject({ content: { from_number: 'ASSURE' } });
    if (!altered) {
      expect(shown).toEqual(['ASSURE', 'ASSURE']);
      return;
    }
    for (const from of shown) {
      expect(from).toMatch(/^\+1\d{3}55501\d{2}$/);
      expect(isFictionNumber(from)).toBe(true);
    }
  });

  test('a thread from an altered number takes no reply', async () => {
    await using simulator = await simulatorWith('sender-altered');
    await sendText(simulator, simulator.notify.liveKey, '07700900602', {
      sms_sender_id: simulator.notify.senders.find((s) => s.inbound)?.id,
    });
    await settled(simulator);

    const [from = ''] = await sendersShown(simulator, '07700900602');
    const page = await call(simulator, 'GET', '/_sim/inbox?number=07700900602');

    expect(from).not.toBe('07700900500');
    expect(page.text).toContain('does not take replies');
    expect(page.text).not.toContain('<form');
  });
});

describe('sender-inconsistent', () => {
  test.each([
    ['compliant', ['ASSURE', 'ASSURE', 'ASSURE'], 1],
    ['sender-inconsistent', ['ASSURE', 'ASSURE2', 'ASSURE'], 2],
  ] as const)('%s: a handset shows %j in %i thread(s)', async (profile, expected, threads) => {
    await using simulator = await simulatorWith(profile);

    for (const body of ['one', 'two', 'three']) {
      await sendText(simulator, simulator.notify.liveKey, '07700900611', {
        personalisation: { body },
      });
      await settled(simulator);
    }
    const inbox = await inboxOf(simulator, '07700900611');

    expect(inbox.messages.map((m) => m.from)).toEqual(expected);
    expect(threadsOf(inbox)).toHaveLength(threads);
  });

  test('variants stay one character away, and numbers stay in their range', () => {
    expect(variantOf('ASSURE')).toBe('ASSURE2');
    expect(variantOf('NorthCounci')).toBe('NorthCounc2');
    expect(variantOf('07700900509')).toBe('07700900500');
    expect(variantOf('60000')).toBe('60001');
  });
});

describe('sender-truncated', () => {
  test.each([
    [
      'compliant',
      400,
      { errors: [{ error: 'ValidationError', message: 'Notify allows at most 11 characters.' }] },
    ],
    ['sender-truncated', 201, { id: expect.any(String), text: 'NorthCounci' }],
  ] as const)('%s: an over-long sender is answered %i', async (profile, status, body) => {
    await using simulator = await simulatorWith(profile);

    const reply = await call(simulator, 'POST', '/_sim/notify/senders', {
      body: { text: 'NorthCouncilTax' },
    });

    expect(reply.status).toBe(status);
    expect(reply.json).toEqual(body);
  });

  test('still refuses what is wrong for other reasons, and never cuts a number', async () => {
    await using simulator = await simulatorWith('sender-truncated');
    const post = (text: string) =>
      call(simulator, 'POST', '/_sim/notify/senders', { body: { text } });

    expect((await post('Verify')).status).toBe(400);
    expect((await post('077009005001')).status).toBe(400);
  });
});
