import { X509Certificate } from 'node:crypto';
import { expect, test } from 'vitest';
import { createLocalCa, serialNumber } from './local-ca.ts';

test('every serial is a positive integer in minimal DER: first byte 0x40-0x7f', () => {
  const firstBytes = Array.from({ length: 4096 }, () => parseInt(serialNumber().slice(0, 2), 16));

  expect(firstBytes.every((b) => b >= 0x40 && b <= 0x7f)).toBe(true);
});

test('a server certificate names the loopback hosts and chains to its authority', () => {
  const ca = createLocalCa('sms-assure test CA');
  const server = ca.issueServer();

  const leaf = new X509Certificate(server.cert);
  expect(leaf.subjectAltName).toContain('IP Address:127.0.0.1');
  expect(leaf.subjectAltName).toContain('DNS:localhost');
  expect(leaf.verify(new X509Certificate(ca.cert).publicKey)).toBe(true);
  expect(leaf.serialNumber.length).toBe(32);
});
