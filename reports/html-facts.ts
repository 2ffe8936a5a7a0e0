import { html, type Html, type HtmlValue } from './html-template.ts';

/** A fact as a term and its value; `false` leaves out a fact that does not apply. */
export type Fact = readonly [term: string, value: HtmlValue] | false;

/** Facts as a description list, laid out as two columns on screen and on paper. */
export function renderFacts(facts: readonly Fact[]): Html {
  const items = facts
    .filter((fact) => fact !== false)
    .map(
      ([term, value]) =>
        html`<dt>${term}</dt>
          <dd>${value}</dd>`,
    );

  return html`<dl class="facts">${items}</dl>`;
}
