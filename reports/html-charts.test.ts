import { describe, expect, test } from 'vitest';
import type { CheckRecord } from '../core/check-record.ts';
import { findAll, parseMarkup, textOf } from './fixtures/parse-markup.ts';
import { renderTargetCharts } from './html-charts.ts';
import { latencyHistogram } from './latency-histogram.ts';
import { messageTimelines } from './message-timelines.ts';
import { latencyPercentiles } from './receipt-latency.ts';
import { sendThroughput } from './throughput.ts';

const T0 = Date.parse('2026-12-04T10:00:00.000Z');

function exchange(label: string, atMs: number, url: string, body: object, status = 200) {
  return {
    kind: 'exchange' as const,
    label,
    at: new Date(atMs).toISOString(),
    durationMs: 5,
    request: { method: label === 'send' ? 'POST' : 'GET', url, headers: {} },
    response: { status, headers: {}, body: JSON.stringify(body) },
  };
}

/** A check that sent two texts: one delivered after two polls, one never final. */
const check: CheckRecord = {
  id: 'receipts/final-status',
  title: 'final status',
  suite: 'receipts',
  target: 'sim',
  covers: [{ id: 'RCPT-01', scope: 'full' }],
  outcome: 'fail',
  findings: [],
  durationMs: 3000,
  evidence: [
    exchange('send', T0, 'http://127.0.0.1:1/v2/notifications/sms', { id: 'msg-aaaa0001' }, 201),
    exchange('status', T0 + 100, 'http://127.0.0.1:1/v2/notifications/msg-aaaa0001', {
      status: 'sending',
    }),
    exchange('status', T0 + 300, 'http://127.0.0.1:1/v2/notifications/msg-aaaa0001', {
      status: 'delivered',
    }),
    {
      kind: 'receipt',
      messageId: 'msg-aaaa0001',
      via: 'status-api',
      providerStatus: 'delivered',
      status: 'delivered',
      latencyMs: 320,
    },
    exchange(
      'send',
      T0 + 2500,
      'http://127.0.0.1:1/v2/notifications/sms',
      { id: 'msg-bbbb0002' },
      201,
    ),
    exchange('status', T0 + 2600, 'http://127.0.0.1:1/v2/notifications/msg-bbbb0002', {
      status: 'created',
    }),
  ],
};

describe('chart data', () => {
  test('nearest-rank percentiles are latencies that were observed', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => (i + 1) * 10);

    expect(latencyPercentiles(latencies)).toEqual({ count: 100, p50: 500, p95: 950, p99: 990 });
    expect(latencyPercentiles([42])).toEqual({ count: 1, p50: 42, p95: 42, p99: 42 });
    expect(latencyPercentiles([])).toBeUndefined();
  });

  test('the histogram counts every latency once, in round bins', () => {
    const bins = latencyHistogram([5, 12, 18, 95, 250]);

    expect(bins.reduce((sum, b) => sum + b.value, 0)).toBe(5);
    expect(bins[0]).toMatchObject({ from: 0 });
    expect(bins.every((b) => b.to - b.from === bins[0]!.to - bins[0]!.from)).toBe(true);
  });

  test('a timeline runs from the send through each status to the receipt', () => {
    const [delivered, pending] = messageTimelines([check]);

    expect(delivered?.intervals.map((i) => [i.state, i.startMs, i.endMs])).toEqual([
      ['sent', 0, 100],
      ['sending', 100, 320],
    ]);
    expect(delivered?.events).toEqual([{ label: 'delivered (status-api)', atMs: 320 }]);
    expect(pending?.intervals.map((i) => i.state)).toEqual(['sent', 'created']);
    expect(pending?.events).toEqual([]);
  });

  test('throughput counts sends per second from the first send', () => {
    const { bars, binMs } = sendThroughput([check]);

    expect(binMs).toBe(1000);
    expect(bars.map((b) => b.value)).toEqual([1, 0, 1]);
  });
});

describe('chart markup', () => {
  const markup = parseMarkup(`<div>${renderTargetCharts([check], 0).value}</div>`, 'xml');
  const svgs = findAll(markup, 'svg');

  test('each chart is an SVG image named by its title and description', () => {
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      const [title, desc] = (svg.attributes['aria-labelledby'] ?? '').split(' ');
      expect(svg.attributes.role).toBe('img');
      expect(findAll(svg, 'title')[0]?.attributes.id).toBe(title);
      expect(findAll(svg, 'desc')[0]?.attributes.id).toBe(desc);
    }
    expect(textOf(findAll(svgs[0]!, 'desc')[0]!)).toContain('median 320 ms');
  });

  test('each chart has its data as a table', () => {
    const tables = findAll(markup, 'table');

    expect(tables).toHaveLength(3);
    expect(textOf(tables[1]!)).toContain('sending');
    expect(textOf(tables[1]!)).toContain('delivered (status-api)');
  });

  test('a run that sent nothing says so instead of drawing empty axes', () => {
    const empty = renderTargetCharts([], 1).value;

    expect(empty).not.toContain('<svg');
    expect(empty).toContain('No receipt arrived');
  });
});
