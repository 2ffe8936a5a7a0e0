import { describe, expect, test } from 'vitest';
import { deliverKind, parseReceipt } from './receipt-parser.ts';
import { parseReceiptText } from './receipt-text.ts';

const receipt = (text: string, extra: Partial<Parameters<typeof parseReceipt>[0]> = {}) =>
  parseReceipt({ esmClass: 0x04, text, ...extra });

describe('vendor variants of the Appendix B text (BR-15)', () => {
  test('no sub or dlvrd: the id and state still read, the counts are absent', () => {
    const text =
      'id:7F3A21 submit date:2401150930 done date:2401150931 stat:DELIVRD err:000 text:Hello';
    const parsed = parseReceiptText(text);

    expect(parsed).toEqual({
      id: '7F3A21',
      submitDate: '2024-01-15T09:30:00Z',
      doneDate: '2024-01-15T09:31:00Z',
      stat: 'DELIVRD',
      err: '000',
      text: 'Hello',
    });
    expect(receipt(text)?.status).toBe('delivered');
  });

  test('dates with seconds (YYMMDDhhmmss) and an empty lowercase text', () => {
    const text =
      'id:7F3A22 sub:001 dlvrd:001 submit date:240115093012 done date:240115093107 ' +
      'stat:DELIVRD err:000 text:';

    expect(parseReceiptText(text)).toMatchObject({
      submitDate: '2024-01-15T09:30:12Z',
      doneDate: '2024-01-15T09:31:07Z',
      text: '',
    });
    expect(receipt(text)?.status).toBe('delivered');
  });

  test('a four-digit err', () => {
    const text =
      'id:7F3A23 sub:001 dlvrd:001 submit date:2401150930 done date:2401150930 ' +
      'stat:DELIVRD err:0000 text:Hi';

    expect(parseReceiptText(text).err).toBe('0000');
    expect(receipt(text)?.status).toBe('delivered');
  });

  test('field names in another case, extra fields, and field names inside the text', () => {
    const text = 'ID:ab12 SUB:001 DLVRD:001 Stat:DELIVRD mccmnc:23415 Err:000 Text:stat:UNDELIV';

    expect(parseReceiptText(text)).toEqual({
      id: 'ab12',
      sub: '001',
      dlvrd: '001',
      stat: 'DELIVRD',
      err: '000',
      text: 'stat:UNDELIV',
    });
  });

  test.each(['', 'garbage', 'id:', 'stat: err:', 'submit date:2413450000 stat:DELIVRD'])(
    '%j parses without throwing',
    (text) => {
      expect(() => receipt(text)).not.toThrow();
      expect(parseReceiptText(text).submitDate).toBeUndefined();
    },
  );
});

describe('esm_class is a bit field (BR-16)', () => {
  test('0x04 with stat:UNDELIV is a final receipt that is not delivered', () => {
    const parsed = receipt('id:1 stat:UNDELIV err:001');
    expect([parsed?.kind, parsed?.final, parsed?.status]).toEqual([
      'receipt',
      true,
      'permanent-failure',
    ]);
  });

  test('0x44 (UDH indicator with receipt) is still a receipt', () => {
    expect(deliverKind(0x44)).toBe('receipt');
    expect(parseReceipt({ esmClass: 0x44, text: 'id:1 stat:DELIVRD' })?.status).toBe('delivered');
  });

  test('0x20 is an intermediate notification, never final', () => {
    const parsed = parseReceipt({ esmClass: 0x20, text: 'id:1 stat:DELIVRD' });
    expect([parsed?.kind, parsed?.final]).toEqual(['intermediate', false]);
  });

  test('0x00 is a text from a handset, not a receipt', () => {
    expect(parseReceipt({ esmClass: 0x00, text: 'id:1 stat:DELIVRD' })).toBeUndefined();
  });

  test('TLVs receipted_message_id 7F3A24 and message_state 5 read as undeliverable', () => {
    const parsed = receipt('', { receiptedMessageId: '7F3A24', messageState: 5 });
    expect(parsed).toMatchObject({
      messageId: '7F3A24',
      providerStatus: 'UNDELIV',
      final: true,
      stateFrom: 'tlv',
    });
    expect(parsed?.status).not.toBe('delivered');
  });
});

describe('TLVs are preferred over the text', () => {
  test('message_state wins over stat, and the disagreement is kept', () => {
    const parsed = receipt('id:9 stat:DELIVRD err:000', { messageState: 5 });
    expect(parsed?.status).toBe('permanent-failure');
    expect(parsed?.disagreement).toMatch(/stat:DELIVRD.*UNDELIV/);
  });

  test('receipted_message_id wins over the text id; network_error_code over err', () => {
    const parsed = receipt('id:WRONG stat:UNDELIV err:001', {
      receiptedMessageId: 'RIGHT',
      networkErrorCode: Buffer.from([3, 0, 27]),
    });
    expect([parsed?.messageId, parsed?.status]).toEqual(['RIGHT', 'temporary-failure']);
  });

  test('the text fills in what the TLVs leave out', () => {
    expect(receipt('id:77 stat:EXPIRED')).toMatchObject({
      messageId: '77',
      status: 'temporary-failure',
      stateFrom: 'text',
    });
  });
});

describe('non-standard stat and contradictory err (BR-18)', () => {
  test('stat:FAILED with an all-zero done date is a final failure, the date absent', () => {
    const text =
      'id:7F3A25 sub:001 dlvrd:001 submit date:2401150930 done date:0000000000 ' +
      'stat:FAILED err:002 text:';
    const parsed = receipt(text);

    expect(parsed?.final).toBe(true);
    expect(parsed?.status).toBe('technical-failure');
    expect(parsed?.text.doneDate).toBeUndefined();
  });

  test('stat:DELIVRD with err:002 is delivered: stat decides', () => {
    const text =
      'id:7F3A26 sub:001 dlvrd:001 submit date:2401150930 done date:2401150931 ' +
      'stat:DELIVRD err:002 text:';
    expect(receipt(text)?.status).toBe('delivered');
  });

  test('a receipt with no state at all is a failure of no known kind, never a pass', () => {
    expect(receipt('id:5 text:hello')).toMatchObject({ status: 'technical-failure', final: true });
  });
});
