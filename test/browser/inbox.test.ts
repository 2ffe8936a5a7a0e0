import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSimulator, type SmsSender, type StartedSimulator } from '../../simulators/index.ts';
import {
  startReceiver,
  type TestReceiver,
} from '../../simulators/test-support/callback-receiver.ts';
import { inboxOf } from '../../simulators/test-support/handsets.ts';
import { call, callAs, sendText } from '../../simulators/test-support/notify-http.ts';
import { describeViolations, seriousViolations } from './accessibility.ts';
import {
  ARTIFACTS_DIR,
  browserSuite,
  chromiumMissing,
  freshContext,
  launchChromium,
  pageErrors,
} from './chromium.ts';

const HANDSET = '+447700900731';
const TOKEN = 'browser-inbound-token-0123';
const FROM_INBOUND = 'Your GP appointment is on Tuesday at 09:30. Reply to this number to move it.';
const FROM_DEFAULT = 'Your prescription is ready to collect from the pharmacy.';
const REPLY = 'Could we make it Wednesday instead?';

interface ReceivedText {
  readonly id: string;
  readonly user_number: string;
  readonly notify_number: string;
  readonly content: string;
}

describe.skipIf(chromiumMissing !== undefined)(
  browserSuite("the simulator's handset inbox"),
  () => {
    let simulator: StartedSimulator;
    let receiver: TestReceiver;
    let browser: Browser;
    let inbound: SmsSender;
    let fallback: SmsSender;

    beforeAll(async () => {
      simulator = await startSimulator({ timeScale: 1000, profile: 'compliant' });
      receiver = await startReceiver();
      inbound = senderWhere(simulator, (s) => s.inbound, 'an inbound sender');
      fallback = senderWhere(simulator, (s) => s.isDefault, 'a default sender');

      const callback = await call(simulator, 'PUT', '/_sim/notify/inbound-callback', {
        body: { url: receiver.url, bearerToken: TOKEN },
      });
      expect(callback.status).toBe(200);

      const { liveKey } = simulator.notify;
      const sends = [
        await sendText(simulator, liveKey, '07700 900731', {
          personalisation: { body: FROM_INBOUND },
          sms_sender_id: inbound.id,
        }),
        await sendText(simulator, liveKey, '07700 900731', {
          personalisation: { body: FROM_DEFAULT },
        }),
      ];
      expect(sends.map((s) => s.status)).toEqual([201, 201]);

      // Delivery takes a few simulated seconds; the handset shows a text only once it arrives.
      await vi.waitFor(
        async () => {
          const bodies = (await inboxOf(simulator, HANDSET)).messages.map((m) => m.body);
          expect(bodies).toEqual(expect.arrayContaining([FROM_INBOUND, FROM_DEFAULT]));
        },
        { timeout: 10_000, interval: 20 },
      );

      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await receiver?.close();
      await simulator?.stop();
    });

    test('a text shows in the thread of its sender, and a reply typed there reaches the service', async () => {
      await using context = await freshContext(browser);
      const page = await context.newPage();
      const errors = pageErrors(page);

      await page.goto(`${simulator.controlUrl}/inbox`);
      await page
        .getByRole('navigation', { name: 'Handsets' })
        .getByRole('link', { name: HANDSET })
        .click();
      await page.getByRole('heading', { level: 2, name: `Texts on ${HANDSET}` }).waitFor();

      const thread = threadOf(page, inbound);
      expect(await thread.locator('.received .text').allTextContents()).toEqual([FROM_INBOUND]);
      expect(await threadOf(page, fallback).locator('.received .text').allTextContents()).toEqual([
        FROM_DEFAULT,
      ]);
      expect(await threadOf(page, fallback).getByRole('textbox').count()).toBe(0);

      await thread.getByRole('textbox', { name: `Reply to ${inbound.text}` }).fill(REPLY);
      await thread.getByRole('button', { name: 'Send reply' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Reply sent to ${inbound.text}.` })
        .waitFor();
      expect(await thread.locator('.sent .text').allTextContents()).toEqual([REPLY]);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'inbox.png'), fullPage: true });

      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
      const [arrived] = receiver.received;
      expect(arrived?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(arrived?.body).toMatchObject({
        source_number: HANDSET.slice(1),
        destination_number: inbound.text,
        message: REPLY,
      });

      const listed = await callAs(
        simulator,
        simulator.notify.liveKey,
        'GET',
        '/v2/received-text-messages',
      );
      expect(listed.status).toBe(200);
      const texts = (listed.json as { received_text_messages: ReceivedText[] })
        .received_text_messages;
      expect(texts).toContainEqual(
        expect.objectContaining({
          id: arrived?.body.id,
          user_number: HANDSET.slice(1),
          notify_number: inbound.text,
          content: REPLY,
        }),
      );
      expect(errors).toEqual([]);
    });

    test('the handset page has no serious or critical accessibility violations', async () => {
      await using context = await freshContext(browser);
      const page = await context.newPage();
      await page.goto(`${simulator.controlUrl}/inbox?number=${encodeURIComponent(HANDSET)}`);

      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  },
);

function threadOf(page: Page, sender: SmsSender) {
  return page.getByRole('article', { name: sender.text, exact: true });
}

function senderWhere(
  simulator: StartedSimulator,
  wanted: (sender: SmsSender) => boolean,
  what: string,
): SmsSender {
  const sender = simulator.notify.senders.find(wanted);
  if (!sender) throw new Error(`The simulator's Notify service has no ${what}`);
  return sender;
}
