import { describe, expect, test } from 'vitest';
import { NetworkModel } from './network-model.ts';

describe('NetworkModel', () => {
  test('default rules: three failing handsets, everyone else delivered', () => {
    const network = new NetworkModel();
    expect(network.outcomeFor('+447700900002')).toBe('permanent-failure');
    expect(network.outcomeFor('+447700900003')).toBe('temporary-failure');
    expect(network.outcomeFor('+447700900004')).toBe('technical-failure');
    expect(network.outcomeFor('+447700900005')).toBe('delivered');
  });

  test('exact numbers beat prefixes, and longer prefixes beat shorter ones', () => {
    const network = new NetworkModel([
      { number: '+4477009001', prefix: true, outcome: 'temporary-failure' },
      { number: '+44770090', prefix: true, outcome: 'permanent-failure' },
      { number: '+447700900150', outcome: 'delivered' },
    ]);
    expect(network.outcomeFor('+447700900123')).toBe('temporary-failure');
    expect(network.outcomeFor('+447700900150')).toBe('delivered');
    expect(network.outcomeFor('+447700900999')).toBe('permanent-failure');
  });

  test('receipt delays are a few simulated seconds, drawn from a small table', () => {
    const draws = [0, 0.7, 0.95, 0.99];
    const network = new NetworkModel(undefined, () => draws.shift() ?? 0);
    expect([1, 2, 3, 4].map(() => network.receiptDelayMs())).toEqual([2_000, 4_000, 8_000, 20_000]);
  });
});
