import { request } from 'undici';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { trusting } from '../http/trusted-agent.ts';
import { startCallbackReceiver, type StartedReceiver } from '../callback-receiver.ts';
import { WebhookObserver } from './webhook-observer.ts';

const TOKEN = 'phone-webhook-test-token';

let receiver: StartedReceiver;

beforeEach(async () => {
  receiver = await startCallbackReceiver();
  receiver.observe('phone', TOKEN);
});

afterEach(() => receiver.stop());

async function post(body: string, authorization = `Bearer ${TOKEN}`, target = 'phone') {
  const reply = await request(`${receiver.baseUrl}/observed/${target}`, {
    ...trusting([receiver.ca]),
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body,
  });
  return { status: reply.statusCode, json: (await reply.body.json()) as { error?: string } };
}

function observer() {
  return new WebhookObserver({
    numbers: ['07700900456'],
    inspectUrl: `${receiver.baseUrl}/inspect/phone`,
    inspectToken: receiver.inspectToken,
    ca: [receiver.ca],
  });
}

test('a text the phone posts is found by its token, with the sender and time given', async () => {
  const text = {
    from: 'ASSURE',
    to: '07700900456',
    text: 'a1b2c3d4e5f6 sms-assure truth check',
    receivedAt: '2026-12-04T10:00:00Z',
  };
  expect((await post(JSON.stringify(text))).status).toBe(200);

  const seen = await observer().look([{ token: 'a1b2c3d4e5f6', to: '07700900456' }]);
  expect(seen.get('a1b2c3d4e5f6')).toEqual({
    from: 'ASSURE',
    to: '07700900456',
    text: text.text,
    arrivedAt: Date.parse('2026-12-04T10:00:00Z'),
  });
});

test('a post without the token is refused and kept nowhere', async () => {
  const answer = await post(JSON.stringify({ from: 'ASSURE', text: 'x' }), 'Bearer wrong-token');

  expect(answer.status).toBe(401);
  expect(answer.json.error).toMatch(/without its bearer token/);
  expect((await observer().look([{ token: 'x', to: '07700900456' }])).size).toBe(0);
});

test.each([
  ['{not json', /observed text for target phone: the body is not JSON/],
  [JSON.stringify({ from: 'ASSURE' }), /observed text for target phone: text: /],
  [JSON.stringify({ from: '', text: 'x' }), /from: /],
  [JSON.stringify({ from: 'A', text: 'x', receivedAt: 'yesterday' }), /receivedAt: /],
])('a malformed post (%s) is refused with a 400 naming the field', async (body, error) => {
  const answer = await post(body);

  expect(answer.status).toBe(400);
  expect(answer.json.error).toMatch(error);
});

test('a post for a target without a webhook observer is a 404', async () => {
  const answer = await post(JSON.stringify({ from: 'A', text: 'x' }), `Bearer ${TOKEN}`, 'other');
  expect(answer.status).toBe(404);
});

test('texts go to the configured phones only', () => {
  const numbers = observer().destinations(20);
  expect(new Set(numbers)).toEqual(new Set(['07700900456']));
});
