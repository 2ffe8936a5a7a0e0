import { CHART_CSS } from './charts/chart-styles.ts';
import { JUDGEMENT_COLOURS, PAGE_COLOURS } from './html-palette.ts';
import { JUDGEMENTS } from './verdict-wording.ts';

const { body, muted, link, code, header } = PAGE_COLOURS;

const verdictRules = JUDGEMENTS.map((judgement) => {
  const colours = JUDGEMENT_COLOURS[judgement];
  return `.verdict-${judgement}{color:${colours.text};background:${colours.background}}`;
}).join('\n');

/**
 * The report's only stylesheet, inlined: reviewers may read the file offline, and system fonts
 * keep it free of downloads. Print rules open every check and keep table rows whole.
 */
export const REPORT_CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.45}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem;
  color:${body.text};background:${body.background}}
a{color:${link.text}}
h1{font-size:1.8rem;margin:.5rem 0 1rem}
h2{font-size:1.45rem;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #8a8a8a}
h3{font-size:1.2rem;margin:1.75rem 0 .5rem}
h4{font-size:1.05rem;margin:1.25rem 0 .5rem}
h5,h6{font-size:1rem;margin:1rem 0 .4rem}
.kicker,.meta,.note{color:${muted.text}}
.attestation{margin:.25rem 0}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:${body.background};padding:.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #b8b8b8;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:${header.background};color:${header.text}}
tbody th{font-weight:600;white-space:nowrap}
th[scope=rowgroup]{white-space:normal;font-size:1.05rem;border-top:2px solid #8a8a8a}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
code{background:${code.background};color:${code.text};padding:0 .2rem}
pre{background:${code.background};color:${code.text};padding:.5rem .75rem;margin:.25rem 0 .75rem;
  white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #8a8a8a}
.verdict{display:inline-block;padding:0 .4rem;border:1px solid currentColor;border-radius:.25rem;
  font-weight:600}
ul.tally{list-style:none;margin:0;padding:0}
ul.tally li{margin:.1rem 0}
${verdictRules}
details.check{border:1px solid #b8b8b8;border-radius:.25rem;margin:.5rem 0;padding:0 .75rem}
details.check>summary{cursor:pointer;padding:.5rem 0;font-weight:600}
details.check[open]>summary{border-bottom:1px solid #d0d0d0;margin-bottom:.5rem}
figure{margin:0 0 .5rem}
figcaption{font-weight:600}
.exchange{border-top:1px dashed #b8b8b8;padding-top:.25rem}
@media print{
  @page{margin:15mm}
  body{max-width:none;padding:0;font-size:10pt}
  nav,.skip{display:none}
  a{color:inherit;text-decoration:none}
  h2,th[scope=rowgroup]{break-after:avoid}
  table.findings tbody th{white-space:normal}
  tr,figure{break-inside:avoid}
  .target{break-before:page}
  details::details-content{content-visibility:visible}
  .verdict,thead th{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
${CHART_CSS}`.trimStart();

/**
 * Opens every check before printing and restores the page after. Browsers without
 * `::details-content` need it; without scripts the page still reads, with checks closed.
 */
export const PRINT_SCRIPT = `
(function(){var opened=[];
addEventListener('beforeprint',function(){document.querySelectorAll('details:not([open])')
.forEach(function(d){d.open=true;opened.push(d)})});
addEventListener('afterprint',function(){opened.forEach(function(d){d.open=false});opened=[]})})();
`.trimStart();
