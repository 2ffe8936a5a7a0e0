/**
 * Chart rules, appended to the report's one stylesheet. Charts scale with the page (and the
 * paper): the SVG's viewBox keeps proportions, and a printed chart is never split across pages.
 */
export const CHART_CSS = `
figure.chart{margin:1rem 0 1.5rem;max-width:48rem}
svg.chart{display:block;width:100%;height:auto;font-size:11px;font-family:inherit}
svg.chart .grid{stroke:#d0d0d0;stroke-width:1}
svg.chart .baseline{stroke:#505050;stroke-width:1}
svg.chart text{fill:#1b1b1b}
svg.chart .tick,svg.chart .lane-label{fill:#505050}
svg.chart .event{fill:#1b1b1b}
details.chart-data>summary{cursor:pointer;margin:.25rem 0}
.charts{display:block}
@media print{
  figure.chart{break-inside:avoid;max-width:none}
  svg.chart{max-height:9cm}
  svg.chart *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
  table{break-inside:auto}
  thead{display:table-header-group}
  td,th,caption{overflow-wrap:anywhere}
}
`;
