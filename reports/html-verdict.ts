import { CHECK_OUTCOMES, VERDICTS } from '../core/verdict.ts';
import { html, type Html } from './html-template.ts';
import { renderTable } from './html-table.ts';
import {
  OUTCOME_WORDING,
  VERDICT_WORDING,
  wordingOf,
  type Judgement,
  type Wording,
} from './verdict-wording.ts';

/** A badge: symbol and words, so colour only ever repeats what the text says. */
export function verdictBadge(judgement: Judgement): Html {
  const { symbol, label } = wordingOf(judgement);
  return html`<span class="verdict verdict-${judgement}"
    ><span aria-hidden="true">${symbol}</span> ${label}</span
  >`;
}

export function verdictKey(): Html {
  return html`<section id="verdict-key" aria-labelledby="verdict-key-title">
    <h2 id="verdict-key-title">How to read the verdicts</h2>
    ${keyTable(
      'What a verdict means for a requirement',
      'Verdict',
      VERDICTS.map((v) => [v, VERDICT_WORDING[v]]),
    )}
    ${keyTable(
      'What an outcome means for a single check',
      'Outcome',
      CHECK_OUTCOMES.map((o) => [o, OUTCOME_WORDING[o]]),
    )}
  </section>`;
}

function keyTable(
  caption: string,
  heading: string,
  entries: readonly (readonly [Judgement, Wording])[],
): Html {
  const rows = entries.map(([judgement, wording]) => [verdictBadge(judgement), wording.meaning]);
  return renderTable(caption, [heading, 'Meaning'], rows);
}
