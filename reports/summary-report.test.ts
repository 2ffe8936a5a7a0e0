import { expect, test } from 'vitest';
import { runResultFixture } from './fixtures/run-result.ts';
import { renderSummary } from './summary-report.ts';

test('summarises the run for a CI job page', () => {
  const run = runResultFixture();

  const summary = renderSummary(run).replaceAll(run.runId, '<run-id>');

  expect(summary).toMatchInlineSnapshot(`
    "# sms-assure run <run-id>

    **Exit code 1** — new findings: a must or should requirement failed, or an API contract check found a fault.

    2 targets, 8 checks.

    | Verdict | Requirements | Checks |
    | --- | ---: | ---: |
    | ✓ Pass | 5 | 4 |
    | ✗ Fail | 1 | 1 |
    | ◐ Partial | 1 |  |
    | ○ Not evidenced | 41 |  |
    | – Not applicable | 1 | 1 |
    | ⚠ Could not be judged: harness or network error | 1 | 1 |
    | ↷ Skipped |  | 1 |

    ## notify-sim

    GOV.UK Notify · notify · simulator, profile sender-id-altered · http://127.0.0.1:4010

    | Requirement | Level | Verdict |
    | --- | --- | --- |
    | SID-01 A sender ID is set up and carried by every message | must | ✗ Fail |
    | AGG-02 Uses a Tier 1 aggregator with direct network connections | should | ✓ Pass |
    | RCPT-01 Every accepted message reaches a readable final status in time | should | ✓ Pass |
    | RCPT-02 Receipts tell permanent, temporary and technical failures apart | should | ◐ Partial |
    | RCPT-03 Receipt callbacks are authenticated and sent over TLS | should | ⚠ Could not be judged: harness or network error |
    | ERR-01 Permanently failing numbers are reported as permanent | should | ✓ Pass |
    | TEST-02 A smoke test is possible without sending real messages | should | ✓ Pass |

    ○ Not evidenced (no check ran and no attestation was accepted): SID-02, SID-06, SID-07, AGG-01, FOV-01, FOV-02, ENC-01, ENC-02, IA-01, INTL-02, SID-03, SID-04, SID-05, ERR-02, TEST-01, CONT-01, AGG-03, INTL-01.

    Attestations by the supplier (stated, not tested):

    - AGG-02: Attested: Texts go through a Tier 1 aggregator with direct network connections. (evidence: Example Telecom network statement 2026, accepted by A. Reviewer on 2026-11-20)

    ## notify-sandbox

    GOV.UK Notify · notify · real endpoint · https://api.notifications.service.gov.uk

    | Requirement | Level | Verdict |
    | --- | --- | --- |
    | ERR-02 Temporary failures are reported as temporary | should | – Not applicable |
    | TEST-01 The integration is smoke tested regularly and fails loudly | should | ✓ Pass |

    ○ Not evidenced (no check ran and no attestation was accepted): SID-01, SID-02, SID-06, SID-07, AGG-01, AGG-02, RCPT-01, RCPT-02, RCPT-03, FOV-01, FOV-02, ENC-01, ENC-02, IA-01, INTL-02, SID-03, SID-04, SID-05, ERR-01, TEST-02, CONT-01, AGG-03, INTL-01.

    Attestations by the supplier (stated, not tested):

    - ENC-02: Attested, not accepted: Numbers and bodies are encrypted at rest. (evidence: https://example.test/security)

    ## Failing findings

    - notify-sim · SID-01 · sender\\_id\\_altered: The handset received the message from a different sender ID. (expected GOVUK; actual GOVUK-SMS)
      What to do: Set up a sender ID and make sure every message carries it; ask the supplier why it did not.

    ## Harness errors

    Failures of the harness or the network, not of any supplier.

    - Callback receiver on 127.0.0.1:4011 stopped answering after 2 s; receipt callbacks for notify-sim could not be judged.

    ## Files

    [result.json](result.json) · [schema.json](schema.json) · [report.html](report.html) · [junit.xml](junit.xml) · [suppression-list.json](suppression-list.json) · [manifest.json](manifest.json)
    "
  `);
});

test('provider text cannot break the Markdown or inject HTML', () => {
  const run = runResultFixture();
  run.checks[1]!.findings[0]!.message = 'Bad | cell\n# heading <img src=x> [link](http://x) *bold*';

  const summary = renderSummary(run);
  const line = summary.split('\n').find((l) => l.includes('Bad'));

  expect(line).toBe(
    '- notify-sim · SID-01 · sender\\_id\\_altered: Bad \\| cell # heading \\<img src=x\\> ' +
      '\\[link\\](http://x) \\*bold\\* (expected GOVUK; actual GOVUK-SMS)',
  );
});

test('lists at most twenty findings and points at the HTML report for the rest', () => {
  const run = runResultFixture();
  const [finding] = run.checks[1]!.findings;
  run.checks[1]!.findings = Array.from({ length: 25 }, () => finding!);

  const lines = renderSummary(run).split('\n');

  expect(lines.filter((l) => l.startsWith('- notify-sim · SID-01'))).toHaveLength(20);
  expect(lines).toContain('- … and 5 more in [the HTML report](report.html)');
});

test("shows a finding's severity where it has one", () => {
  const run = runResultFixture();
  run.checks[1]!.findings[0]!.severity = 'high';

  const line = renderSummary(run)
    .split('\n')
    .find((l) => l.includes('sender\\_id\\_altered'));

  expect(line).toMatch(/^- notify-sim · SID-01 · sender\\_id\\_altered \(high\): /);
});
