import type { CheckRecord } from '../core/check-record.ts';
import type { FailoverEvidence } from '../core/evidence.ts';
import type { RunResult } from '../core/run-result.ts';
import { html, type Html } from './html-template.ts';

/**
 * The failover scenarios of a run: for each, the figures, the breakers' timeline as a small SVG
 * (drawn with presentation attributes only, which the page's CSP allows) with the same changes
 * as a table, and every message's route. Empty when the run had no failover suite.
 */
const BREAKER_CHART_LABEL =
  'Breaker states over time, the fault window shaded; the same changes are in the table below';

export function renderFailover(run: RunResult): Html {
  const scenarios = run.checks.flatMap((check) =>
    check.evidence
      .filter((e): e is FailoverEvidence => e.kind === 'failover')
      .map((evidence) => ({ check, evidence })),
  );
  if (scenarios.length === 0) return html``;

  return html`<section id="failover" aria-labelledby="failover-title">
    <h2 id="failover-title">Failover</h2>
    <p>
      Each scenario sends messages at a steady pace through a failover sender while the primary
      fails. Lost and duplicated messages are counted at the handsets where the simulator shows
      them, otherwise from what the suppliers reported.
    </p>
    ${scenarios.map(({ check, evidence }) => scenario(check, evidence))}
  </section>`;
}

function scenario(check: CheckRecord, evidence: FailoverEvidence): Html {
  const { figures } = evidence;
  const ms = (value: number | null) => (value === null ? 'never' : `${Math.round(value)} ms`);

  return html`<article>
    <h3>${check.target} · ${evidence.scenario} (${check.outcome})</h3>
    <table>
      <caption>
        Figures: primary ${evidence.primary}, secondary ${evidence.secondary ?? 'none'}, counted at
        the ${evidence.countedAt === 'handsets' ? 'handsets' : 'sender'}
      </caption>
      <tbody>
        <tr>
          <th scope="row">Messages sent</th>
          <td>${figures.sent}</td>
        </tr>
        <tr>
          <th scope="row">Time to switch</th>
          <td>${ms(figures.timeToSwitchMs)}</td>
        </tr>
        <tr>
          <th scope="row">Messages lost</th>
          <td>${figures.lost}</td>
        </tr>
        <tr>
          <th scope="row">Delivered twice</th>
          <td>${figures.duplicated}</td>
        </tr>
        <tr>
          <th scope="row">Time to recover</th>
          <td>${ms(figures.timeToRecoverMs)}</td>
        </tr>
      </tbody>
    </table>
    ${timelineChart(evidence)}
    <details>
      <summary>Breaker timeline</summary>
      ${timelineTable(evidence)}
    </details>
    <details>
      <summary>Route of each message (${evidence.routes.length})</summary>
      ${routesTable(evidence)}
    </details>
  </article>`;
}

const STATE_COLOURS: Readonly<Record<string, string>> = {
  closed: '#2e7d32',
  'half-open': '#b26a00',
  open: '#c62828',
  demoted: '#6a1b9a',
};

const WIDTH = 640;
const LABEL = 150;
const ROW = 22;

function timelineChart(evidence: FailoverEvidence): Html {
  const targets = [...new Set(evidence.timeline.map((c) => c.target))];
  const end =
    Math.max(
      evidence.faultWindow.endMs,
      ...evidence.timeline.map((c) => c.atMs),
      ...evidence.routes.map((r) => r.submittedAtMs),
    ) * 1.05 || 1;
  const x = (atMs: number) => LABEL + ((WIDTH - LABEL - 10) * atMs) / end;
  const height = ROW * (targets.length + 1) + 24;
  const { startMs, endMs } = evidence.faultWindow;

  const lanes = targets.map((target, row) => {
    const changes = evidence.timeline.filter((c) => c.target === target);
    const y = 20 + row * ROW;
    const segments = changes.map((change, i) => {
      const until = changes[i + 1]?.atMs ?? end;
      return html`<rect
        x="${x(change.atMs)}"
        y="${y}"
        width="${Math.max(1, x(until) - x(change.atMs))}"
        height="14"
        fill="${STATE_COLOURS[change.state] ?? '#505050'}"
        ><title>
          ${target}: ${change.state} from ${Math.round(change.atMs)} ms (${change.reason})
        </title></rect
      >`;
    });
    return html`<text x="4" y="${y + 11}" font-size="11">${target}</text>${segments}`;
  });

  const messagesY = 20 + targets.length * ROW;
  const ticks = evidence.routes.map((route) => {
    const colour =
      route.holder === evidence.primary ? '#1d4ed8' : route.holder ? '#0f766e' : '#c62828';
    return html`<rect
      x="${x(route.submittedAtMs)}"
      y="${messagesY}"
      width="2"
      height="14"
      fill="${colour}"
      ><title>${route.reference}: ${route.holder ?? route.state}</title></rect
    >`;
  });

  return html`<svg
      role="img"
      aria-label="${BREAKER_CHART_LABEL}"
      width="${WIDTH}"
      height="${height}"
      viewBox="0 0 ${WIDTH} ${height}"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect
        x="${x(startMs)}"
        y="10"
        width="${Math.max(1, x(endMs) - x(startMs))}"
        height="${height - 20}"
        fill="#ececec"
      >
        <title>fault from ${Math.round(startMs)} to ${Math.round(endMs)} ms</title>
      </rect>
      ${lanes}
      <text x="4" y="${messagesY + 11}" font-size="11">messages</text>
      ${ticks}
      <text x="${LABEL}" y="${height - 2}" font-size="10">0 ms</text>
      <text x="${WIDTH - 70}" y="${height - 2}" font-size="10">${Math.round(end)} ms</text>
    </svg>
    <p class="meta">
      Green closed, amber half-open, red open, purple demoted for slow delivery; grey the fault.
      Messages: blue went through the primary, teal through the secondary, red through neither.
    </p>`;
}

function timelineTable(evidence: FailoverEvidence): Html {
  const rows = evidence.timeline.map(
    (c) =>
      html`<tr>
        <td>${Math.round(c.atMs)}</td>
        <th scope="row">${c.target}</th>
        <td>${c.state}</td>
        <td>${c.reason}</td>
      </tr>`,
  );
  return html`<table>
    <thead>
      <tr>
        <th scope="col">At (ms)</th>
        <th scope="col">Target</th>
        <th scope="col">State</th>
        <th scope="col">Why</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function routesTable(evidence: FailoverEvidence): Html {
  const rows = evidence.routes.map(
    (r) =>
      html`<tr>
        <th scope="row"><code>${r.reference}</code></th>
        <td>${Math.round(r.submittedAtMs)}</td>
        <td>${r.attempts.join(' → ')}</td>
        <td>${r.state}</td>
        <td>${r.handsetCount ?? 'not seen'}</td>
      </tr>`,
  );
  return html`<table>
    <thead>
      <tr>
        <th scope="col">Reference</th>
        <th scope="col">Sent at (ms)</th>
        <th scope="col">Attempts</th>
        <th scope="col">State</th>
        <th scope="col">On the handset</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
