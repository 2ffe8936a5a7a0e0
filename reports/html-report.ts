import { createHash } from 'node:crypto';
import type { RunResult } from '../core/run-result.ts';
import { CheckAnchors } from './check-anchors.ts';
import { groupChecks, type CheckGroup } from './check-groups.ts';
import { renderCover } from './html-cover.ts';
import { renderExpectations } from './html-expectations.ts';
import { renderFailover } from './html-failover.ts';
import { renderHarnessErrors } from './html-harness-errors.ts';
import { PRINT_SCRIPT, REPORT_CSS } from './html-styles.ts';
import { renderSuppressions } from './html-suppressions.ts';
import { renderCheckGroups, renderTarget } from './html-target.ts';
import { renderTrends } from './html-trends.ts';
import type { History } from './history.ts';
import { renderTruth } from './html-truth.ts';
import { html, trusted, type Html } from './html-template.ts';
import { verdictKey } from './html-verdict.ts';
import { REPORT_FILE_NAMES } from './report-files.ts';

/**
 * `report.html`: one self-contained page for reviewers. Its content security policy allows only
 * the inline style and script below, by hash, so even text that escaped escaping could neither
 * run nor fetch anything.
 */
export function renderHtmlReport(run: RunResult, extras: ReportExtras = {}): string {
  const groups = groupChecks(run);
  const anchors = new CheckAnchors(run.checks);
  const listed = new Set(run.targets.map((t) => t.name));
  const unlisted = groups.filter((g) => !listed.has(g.target));

  const main = html`${renderCover(run)}
    <main id="content">
      ${verdictKey()}
      ${run.targets.map((target, index) =>
        renderTarget(target, index, groupsOf(groups, target.name), anchors),
      )}
      ${unlisted.length > 0 && unlistedChecks(unlisted, anchors)} ${renderTruth(run)}
      ${renderFailover(run)} ${renderSuppressions(run)} ${renderHarnessErrors(run)}
      ${renderExpectations(run)} ${renderTrends(run, extras.history)}
    </main>
    ${footer(run)}`;

  return page(run, main).value;
}

/** What a report shows beyond the run itself. */
export interface ReportExtras {
  /** Earlier runs under the same reports folder, this one included, for the trends. */
  readonly history?: History | undefined;
}

function page(run: RunResult, content: Html): Html {
  return html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />
        <meta name="generator" content="sms-assure ${run.harnessVersion}" />
        <title>sms-assure report: run ${run.runId}</title>
        ${trusted(`<style>${REPORT_CSS}</style>`)}
      </head>
      <body>
        <a class="skip" href="#content">Skip to the verdicts</a>
        ${navigation(run)} ${content} ${trusted(`<script>${PRINT_SCRIPT}</script>`)}
      </body>
    </html>`;
}

function navigation(run: RunResult): Html {
  const targets = run.targets.map(
    (target, index) => html`<li><a href="#target-${index}">Target: ${target.name}</a></li>`,
  );

  return html`<nav aria-label="Contents">
    <ul>
      <li><a href="#run">Run</a></li>
      <li><a href="#verdict-key">How to read the verdicts</a></li>
      ${targets}
      <li><a href="#suppressions">Suppression list</a></li>
      <li><a href="#harness-errors">Harness errors</a></li>
      <li><a href="#expectations">Known deviations</a></li>
      <li><a href="#trends">Trends across runs</a></li>
    </ul>
  </nav>`;
}

function unlistedChecks(groups: readonly CheckGroup[], anchors: CheckAnchors): Html {
  return html`<section id="unlisted" aria-labelledby="unlisted-title">
    <h2 id="unlisted-title">Checks for targets the run does not list</h2>
    ${renderCheckGroups(groups, anchors)}
  </section>`;
}

function footer(run: RunResult): Html {
  const others = [
    REPORT_FILE_NAMES.result,
    REPORT_FILE_NAMES.schema,
    REPORT_FILE_NAMES.junit,
    REPORT_FILE_NAMES.summary,
  ];
  const links = others.map((file, i) => html`${i > 0 && ' · '}<a href="${file}">${file}</a>`);

  return html`<footer>
    <p class="meta">
      Written by sms-assure ${run.harnessVersion}. ${REPORT_FILE_NAMES.manifest} in this folder
      holds the SHA-256 of every file of the run, so any later change can be detected. The same run
      in other formats: ${links}.
    </p>
  </footer>`;
}

function groupsOf(groups: readonly CheckGroup[], target: string): CheckGroup[] {
  return groups.filter((group) => group.target === target);
}

function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src '${sha256(REPORT_CSS)}'`,
    `script-src '${sha256(PRINT_SCRIPT)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
