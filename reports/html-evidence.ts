import type { Evidence } from '../core/evidence.ts';
import { html, type Html } from './html-template.ts';
import { renderExchange } from './html-exchange.ts';

type Of<K extends Evidence['kind']> = Extract<Evidence, { kind: K }>;

/**
 * A check's evidence, grouped by kind: exchanges in the order they happened, then receipts as
 * one table, timeouts, notes and measurements.
 */
export function renderEvidence(evidence: readonly Evidence[]): Html {
  if (evidence.length === 0) return html`<p>No evidence was recorded.</p>`;

  const of = <K extends Evidence['kind']>(kind: K): Of<K>[] =>
    evidence.filter((e): e is Of<K> => e.kind === kind);

  return html`${of('exchange').map(renderExchange)} ${receipts(of('receipt'))}
  ${timeouts(of('timeout'))} ${notes(of('note'))} ${measurements(of('measurement'))}`;
}

function receipts(items: readonly Of<'receipt'>[]): Html {
  if (items.length === 0) return html``;

  const rows = items.map(
    (r) =>
      html`<tr>
        <th scope="row"><code>${r.messageId}</code></th>
        <td>${r.via}</td>
        <td><code>${r.providerStatus}</code></td>
        <td>${r.status}</td>
        <td>${r.latencyMs}</td>
        <td>${authenticated(r.authenticated)}</td>
      </tr>`,
  );

  return html`<table>
    <caption>
      Receipts
    </caption>
    <thead>
      <tr>
        <th scope="col">Message id</th>
        <th scope="col">Via</th>
        <th scope="col">Provider status</th>
        <th scope="col">Normalised status</th>
        <th scope="col">Latency (ms)</th>
        <th scope="col">Authenticated</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function timeouts(items: readonly Of<'timeout'>[]): Html {
  if (items.length === 0) return html``;

  const entries = items.map(
    (t) =>
      html`<li>
        Waited ${t.deadlineMs} ms for ${t.waitingFor}; last seen: ${t.lastSeen ?? 'nothing'}.
      </li>`,
  );
  return html`<h6>Timeouts</h6>
    <ul>
      ${entries}
    </ul>`;
}

function notes(items: readonly Of<'note'>[]): Html {
  if (items.length === 0) return html``;

  return html`<h6>Notes</h6>
    <ul>
      ${items.map((n) => html`<li>${n.text}</li>`)}
    </ul>`;
}

function measurements(items: readonly Of<'measurement'>[]): Html {
  if (items.length === 0) return html``;

  const rows = items.map(
    (m) =>
      html`<tr>
        <th scope="row">${m.name}</th>
        <td>${m.value}</td>
        <td>${m.unit}</td>
      </tr>`,
  );

  return html`<table>
    <caption>
      Measurements
    </caption>
    <thead>
      <tr>
        <th scope="col">Measurement</th>
        <th scope="col">Value</th>
        <th scope="col">Unit</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function authenticated(value: boolean | undefined): string {
  if (value === undefined) return 'not checked';
  return value ? 'yes' : 'no';
}
