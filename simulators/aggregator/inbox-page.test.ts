import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../index.ts';
import { replyFrom } from '../test-support/handsets.ts';
import { call, sendText, settled } from '../test-support/notify-http.ts';
import { renderInbox } from './inbox-page.ts';

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 10_000 });
  const inbound = simulator.notify.senders.find((s) => s.inbound)?.id;

  await sendText(simulator, simulator.notify.liveKey, '07700900701', {
    personalisation: { body: '<script>alert("boo")</script> & \'quotes\'' },
  });
  await sendText(simulator, simulator.notify.liveKey, '07700900701', {
    personalisation: { body: 'Reply YES to confirm' },
    sms_sender_id: inbound,
  });
  await settled(simulator);
});

afterAll(async () => {
  await simulator.stop();
});

async function page(query = ''): Promise<{ status: number; type: unknown; text: string }> {
  const reply = await call(simulator, 'GET', `/_sim/inbox${query}`);
  return { status: reply.status, type: reply.headers['content-type'], text: reply.text };
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('GET /_sim/inbox', () => {
  test('is one HTML page, in English, titled, with one main heading', async () => {
    const { status, type, text } = await page();

    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    expect(text).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(text).toContain('<title>Handset inbox – sms-assure simulator</title>');
    expect(count(text, '<h1>')).toBe(1);
    expect(count(text, '<main>')).toBe(1);
  });

  test('lists the handsets, each a link to its texts', async () => {
    const { text } = await page();

    expect(text).toContain('<a href="/_sim/inbox?number=%2B447700900701">+447700900701</a>');
    expect(text).toContain('2 texts, 0 replies');
    expect(text).toContain('Choose a handset to see its texts.');
  });

  test('threads texts by sender, with time, encoding, fragments and status', async () => {
    const { text } = await page('?number=07700900701');

    expect(text).toContain('aria-current="page">+447700900701</a>');
    expect(count(text, '<article class="thread"')).toBe(2);
    expect(text).toContain('<h3 id="thread-0">07700900500</h3>');
    expect(text).toContain('<h3 id="thread-1">ASSURE</h3>');
    const time = /<time datetime="[^"]+Z">[\d-]+ [\d:]+ UTC<\/time>/.source;
    const details = 'Received · GSM-7 · 1 fragment · status delivered';
    expect(text).toMatch(new RegExp(`${time} · ${details}`));
  });

  test('offers a labelled reply box only on threads whose sender takes replies', async () => {
    const { text } = await page('?number=07700900701');

    expect(count(text, '<form class="reply"')).toBe(1);
    expect(text).toContain('<label for="reply-0">Reply to 07700900500</label>');
    expect(text).toContain('<textarea id="reply-0" name="text"');
    expect(text).toContain('data-number="+447700900701" data-to="07700900500"');
    expect(text).toContain('<p class="no-reply">ASSURE does not take replies.</p>');
  });

  test('escapes what handsets received, and loads nothing from any network', async () => {
    const { text } = await page('?number=07700900701');

    expect(text).toContain(
      '&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;',
    );
    expect(count(text, '<script')).toBe(1);
    expect(text).not.toMatch(/https?:\/\//);
  });

  test('shows a reply sent through the reply route in its thread', async () => {
    await replyFrom(simulator, '07700900701', '+447700900500', 'YES <b>please</b>');
    const { text } = await page('?number=%2B447700900701');

    const reply = '<li class="sent"><p class="text">YES &lt;b&gt;please&lt;/b&gt;</p>';
    expect(text).toContain(reply);
    expect(text.slice(text.indexOf(reply))).toMatch(
      /^[^\n]+\n<p class="meta"><time[^>]+>[^<]+<\/time> · You replied/,
    );
    expect(count(text, '<article class="thread"')).toBe(2);
  });

  test('says so when asked for something that is not a number, escaped', async () => {
    const { text } = await page('?number=%3Cb%3E');
    expect(text).toContain('&lt;b&gt; is not a phone number.');
  });
});

describe('renderInbox', () => {
  test('escapes sender texts in content and in attributes', () => {
    const from = '"><img src=x>';
    const text = renderInbox({
      handsets: [{ number: '+447700900702', messages: 1, replies: 0 }],
      asked: '+447700900702',
      inbox: {
        number: '+447700900702',
        messages: [
          {
            id: 'm1',
            from,
            body: 'hi',
            receivedAt: '2026-01-01T10:00:00.000Z',
            encoding: 'GSM-7',
            fragments: 1,
            status: 'delivered',
          },
        ],
        replies: [],
      },
      takesReplies: () => true,
    });

    expect(text).not.toContain('<img');
    expect(text).toContain('data-to="&quot;&gt;&lt;img src=x&gt;"');
    expect(text).toContain('<h2 id="phone-heading">Texts on +447700900702</h2>');
  });
});

describe('the handsets read back as JSON', () => {
  test('GET /_sim/handsets counts texts and replies per handset', async () => {
    const reply = await call(simulator, 'GET', '/_sim/handsets');
    expect(reply.json).toMatchObject({
      handsets: expect.arrayContaining([{ number: '+447700900701', messages: 2, replies: 1 }]),
    });
  });

  test('a handset shows texts as they arrived: sanitised, with encoding, fragments', async () => {
    await sendText(simulator, simulator.notify.liveKey, '07700900703', {
      personalisation: { body: 'Cofion cynnes, ŵyr' },
    });
    await settled(simulator);
    await sendText(simulator, simulator.notify.liveKey, '07700900703', {
      personalisation: { body: `“Thanks” 👍 ${'a'.repeat(150)}` },
    });
    await settled(simulator);

    const reply = await call(simulator, 'GET', '/_sim/handsets/07700900703');
    expect(reply.json).toMatchObject({
      messages: [
        { body: 'Cofion cynnes, ŵyr', encoding: 'UCS-2', fragments: 1, status: 'delivered' },
        { body: `"Thanks" ? ${'a'.repeat(150)}`, encoding: 'GSM-7', fragments: 2 },
      ],
    });
  });
});
