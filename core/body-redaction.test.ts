import { expect, test } from 'vitest';
import { Redactor } from './redact.ts';

const TEXT = 'Your appointment is at 10:15 on Tuesday';
const MARK = /\[body: \d+ chars #[0-9a-f]{8}\]/;

test('a JSON body loses its texts at any depth and keeps everything else', () => {
  const redactor = new Redactor();
  const notify = JSON.stringify({
    id: 'n-1',
    reference: 'assure-1',
    content: { body: TEXT, from_number: 'GOVUK' },
    personalisation: { body: TEXT },
  });

  const out = JSON.parse(redactor.payload(notify));

  expect(out.content.body).toMatch(MARK);
  expect(out.personalisation.body).toBe(out.content.body);
  expect(out.content.from_number).toBe('GOVUK');
  expect(out.reference).toBe('assure-1');
  expect(JSON.stringify(out)).not.toContain('appointment');
});

test('a list of messages, as Twilio and Notify return them, keeps no text', () => {
  const list = JSON.stringify({ messages: [{ body: TEXT }, { body: 'Reply STOP to end' }] });

  const out = new Redactor().payload(list);

  expect(out).not.toContain('appointment');
  expect(out).not.toContain('STOP');
  expect(out.match(new RegExp(MARK, 'g'))).toHaveLength(2);
});

test('a form body (Twilio Body, SNS Message, Vonage text) loses its text', () => {
  const form = new URLSearchParams({ To: '+447700900123', Body: TEXT, From: 'ACME' }).toString();
  const sns = new URLSearchParams({ Action: 'Publish', Message: TEXT }).toString();

  const redactor = new Redactor();
  const twilio = new URLSearchParams(redactor.payload(form));
  const published = new URLSearchParams(redactor.payload(sns));

  expect(twilio.get('Body')).toMatch(MARK);
  expect(twilio.get('From')).toBe('ACME');
  expect(published.get('Message')).toBe(twilio.get('Body'));
});

test("an error's message is evidence, not a text: it stays", () => {
  const error = JSON.stringify({ code: 21211, message: "The 'To' number is not valid" });

  expect(new Redactor().payload(error)).toBe(error);
});

test('a GET-only gateway (Kannel sendsms) loses the text from its URL query', () => {
  const url = `http://127.0.0.1:13013/cgi-bin/sendsms?username=u&text=${encodeURIComponent(TEXT)}`;

  const out = new Redactor().url(url);

  expect(out).not.toContain('appointment');
  expect(new URL(out).searchParams.get('text')).toMatch(MARK);
  expect(new URL(out).searchParams.get('username')).toBe('u');
});

test('SMPP: a part keeps its UDH, a receipt keeps all but the start of the text', () => {
  const part = JSON.stringify({ short_message: { udh: '0x050003aa0201', message: TEXT } });
  const receipt = JSON.stringify({
    esm_class: 4,
    short_message: 'id:0a1b sub:001 dlvrd:001 stat:DELIVRD err:000 text:Your appointment ',
  });

  const redactor = new Redactor();
  const shownPart = JSON.parse(redactor.payload(part));
  const shownReceipt = JSON.parse(redactor.payload(receipt));

  expect(shownPart.short_message.udh).toBe('0x050003aa0201');
  expect(shownPart.short_message.message).toMatch(MARK);
  expect(shownReceipt.short_message).toMatch(
    /^id:0a1b sub:001 .* stat:DELIVRD err:000 text:\[body/,
  );
  expect(shownReceipt.short_message).not.toContain('appointment');
});

test('a described supplier names its own text field', () => {
  const form = new URLSearchParams({ msg: TEXT, to: '447700900123' }).toString();

  expect(new Redactor().payload(form)).toContain('appointment');
  expect(new Redactor().bodyField('msg').payload(form)).not.toContain('appointment');
});

test('fingerprints match within one run and differ between runs', () => {
  const body = JSON.stringify({ body: TEXT });
  const first = new Redactor();

  expect(first.payload(body)).toBe(first.payload(body));
  expect(new Redactor().payload(body)).not.toBe(first.payload(body));
});

test('a payload without a text field comes back byte for byte', () => {
  const pretty = '{\n  "id": "x",\n  "status": "delivered"\n}';
  const plain = '0: Accepted for delivery';

  expect(new Redactor().payload(pretty)).toBe(pretty);
  expect(new Redactor().payload(plain)).toBe(plain);
});
