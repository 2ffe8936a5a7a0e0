import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
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

const SUITE = browserSuite("the simulator's handset inbox");
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

describe.skipIf(chromiumMissing !== undefined)(SUITE, () => {
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

  test('the handset shows each text in the thread of the sender that sent it', async () => {
    await using context = await freshContext(browser);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await chooseHandset(page);

    expect(await texts(threadOf(page, inbound), 'received')).toEqual([FROM_INBOUND]);
    expect(await texts(threadOf(page, fallback), 'received')).toEqual([FROM_DEFAULT]);
    expect(await threadOf(page, fallback).getByRole('textbox').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a reply typed in the thread reaches the service, by callback and in the API', async () => {
    await using context = await freshContext(browser);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await chooseHandset(page);

    const thread = threadOf(page, inbound);
    await thread.getByRole('textbox', { name: `Reply to ${inbound.text}` }).fill(REPLY);
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Reply sent to ${inbound.text}.` })
      .waitFor();
    expect(await texts(thread, 'sent')).toEqual([REPLY]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'inbox.png'), fullPage: true });

    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    const [arrived] = receiver.received;
    expect(arrived?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(arrived?.body).toMatchObject({
      source_number: HANDSET.slice(1),
      destination_number: inbound.text,
      message: REPLY,
    });
    expect(await receivedTexts()).toContainEqual(
      expect.objectContaining({
        id: arrived?.body.id,
        user_number: HANDSET.slice(1),
        notify_number: inbound.text,
        content: REPLY,
      }),
    );
    expect(errors).toEqual([]);
  });

  test.each([
    ['list of handsets', ''],
    ['handset page', `?number=${encodeURIComponent(HANDSET)}`],
  ])('the %s has no serious or critical accessibility violations', async (_page, query) => {
    await using context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(`${simulator.controlUrl}/inbox${query}`);

    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  /** Opens the inbox and picks the handset from its list, as a tester would. */
  async function chooseHandset(page: Page): Promise<void> {
    await page.goto(`${simulator.controlUrl}/inbox`);
    const handsets = page.getByRole('navigation', { name: 'Handsets' });
    await handsets.getByRole('link', { name: HANDSET, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `Texts on ${HANDSET}` }).waitFor();
  }

  /** The service's received texts, as Notify's API lists them (newest first). */
  async function receivedTexts(): Promise<ReceivedText[]> {
    const { liveKey } = simulator.notify;
    const reply = await callAs(simulator, liveKey, 'GET', '/v2/received-text-messages');
    expect(reply.status).toBe(200);
    return (reply.json as { received_text_messages: ReceivedText[] }).received_text_messages;
  }
});

/** A thread is an article named by its sender, as the phone shows the sender. */
function threadOf(page: Page, sender: SmsSender): Locator {
  return page.getByRole('article', { name: sender.text, exact: true });
}

async function texts(thread: Locator, kind: 'received' | 'sent'): Promise<string[]> {
  return thread.locator(`.${kind} .text`).allTextContents();
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
