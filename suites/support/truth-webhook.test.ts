import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Redactor } from '../../core/redact.ts';
import type { TruthPlan } from '../../core/truth-plan.ts';
import { startCallbackReceiver, type StartedReceiver } from '../../providers/callback-receiver.ts';
import { RecordingClient } from '../../providers/http/recording-client.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import { NotifyAdapter } from '../../providers/notify/adapter.ts';
import { parseNotifyKey } from '../../providers/notify/api-key.ts';
import { WebhookObserver } from '../../providers/observers/webhook-observer.ts';
import { startSimulator, type HandsetInbox, type ProfileName } from '../../simulators/index.ts';
import { judgeTruth } from './truth-judge.ts';
import { sendProbes } from './truth-probes.ts';
import { watchProbes } from './truth-watch.ts';

/**
 * The webhook observer end to end: texts go through the simulator to two handsets, and a relay
 * standing in for each phone's SMS-forwarding app posts every text it gets to the receiver, as
 * the app would. The truth check then reads them back through the receiver alone.
 */
const PHONES = ['07700900456', '07700900457'];
const TOKEN = 'forwarding-app-token';

let receiver: StartedReceiver;

beforeEach(async () => {
  receiver = await startCallbackReceiver();
  receiver.observe('phone-target', TOKEN);
});

afterEach(() => receiver.stop());

/** Polls the handsets and posts each new text to the webhook, until stopped. */
function forwardingApps(controlUrl: string): { stop(): Promise<void> } {
  const posted = new Set<string>();
  let inFlight: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = Promise.all([inFlight, ...PHONES.map((p) => forward(controlUrl, p, posted))]);
  }, 20);
  return {
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}

async function forward(controlUrl: string, phone: string, posted: Set<string>) {
  const reply = await request(`${controlUrl}/handsets/${encodeURIComponent(phone)}`);
  const inbox = (await reply.body.json()) as HandsetInbox;
  for (const text of inbox.messages.filter((m) => !posted.has(m.id))) {
    posted.add(text.id);
    const post = await request(`${receiver.baseUrl}/observed/phone-target`, {
      ...trusting([receiver.ca]),
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        from: text.from,
        to: phone,
        text: text.body,
        receivedAt: text.receivedAt,
      }),
    });
    await post.body.dump();
  }
}

async function truthThrough(profile: ProfileName) {
  await using simulator = await startSimulator({ profile, timeScale: 1000 });
  const adapter = new NotifyAdapter({
    baseUrl: simulator.baseUrl,
    key: parseNotifyKey(simulator.notify.liveKey, 'test'),
    templateId: simulator.notify.templateId,
    client: new RecordingClient({ redactor: new Redactor(), sink: () => undefined }),
  });
  const observer = new WebhookObserver({
    numbers: PHONES,
    inspectUrl: `${receiver.baseUrl}/inspect/phone-target`,
    inspectToken: receiver.inspectToken,
    ca: [receiver.ca],
  });
  const plan: TruthPlan = {
    sampleSize: 12,
    arrivalGraceMs: 500,
    observer: { kind: 'webhook', numbers: PHONES, url: '', inspectUrl: '', inspectToken: '' },
  };

  const apps = forwardingApps(simulator.controlUrl);
  try {
    const targets = observer.destinations(12).map((to) => ({ to, group: 'sample' as const }));
    const sent = await sendProbes(adapter, targets);
    const watched = await watchProbes(adapter, observer, sent, plan, {
      receiptDeadlineMs: 3000,
      pollIntervalMs: 20,
    });
    return judgeTruth(watched, {
      observer: observer.description,
      freshNumbers: false,
      senderExpected: 'ASSURE',
      arrivalGraceMs: plan.arrivalGraceMs,
      redact: (text) => text,
    });
  } finally {
    await apps.stop();
  }
}

describe('the webhook observer', () => {
  test('sees every text a compliant route delivers, from its sender, intact', async () => {
    const judgement = await truthThrough('compliant');

    expect(judgement.findings).toEqual([]);
    expect(judgement.evidence.fakeReceipts).toMatchObject({ fakes: 0, judged: 12 });
    expect(judgement.evidence.probes.every((p) => p.senderShown === 'ASSURE')).toBe(true);
  });

  test('catches a route whose receipts are all fake', async () => {
    const judgement = await truthThrough('fake-receipts-all');

    expect(judgement.findings.map((f) => f.code)).toEqual(['fake_receipt']);
    expect(judgement.evidence.fakeReceipts).toMatchObject({ fakes: 12, judged: 12 });
  });
});
