/*
 * The stylesheet of the printable annex (the document the browser's "print to PDF" turns into a
 * clean annex). Plain CSS text: it goes into a separate print document, not a shadow root.
 * Fixed-position elements repeat on every printed page, which is how the draft mark reaches every
 * page; the running footer and page numbers are page-margin boxes (see pageMarginCss).
 */
export const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 22mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.4 system-ui, "Segoe UI", Arial, sans-serif; color: #000; background: #fff; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 0.5pt solid #444; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; orphans: 3; widows: 3; }
.meta { color: #333; font-size: 9pt; margin: 0; }
.fingerprint { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.caption { font-weight: 600; margin: 3mm 0 1mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; font-size: 9pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.date { white-space: nowrap; }
/* Every funder's annex in one print starts on a page of its own. */
article.annex + article.annex { break-before: page; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
/* A header (a payee's name) wraps, so only the amounts decide how wide a column is. */
th.num { white-space: normal; overflow-wrap: anywhere; }
tfoot td { font-weight: 700; }
.strong { font-weight: 700; }
.draft-mark { position: fixed; top: 0; right: 0; color: #c00000; font-weight: 700; font-size: 14pt; letter-spacing: 0.1em; }
.draft-watermark {
  position: fixed; top: 40%; left: 0; right: 0; text-align: center; pointer-events: none;
  font-size: 90pt; font-weight: 700; color: rgba(192, 0, 0, 0.12); transform: rotate(-30deg);
}
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 6mm; }
table.signature { break-inside: avoid; margin: 0; }
table.signature caption { text-align: left; font-weight: 700; padding-bottom: 1mm; }
table.signature th { width: 28%; background: none; font-weight: 400; }
table.signature td { height: 7mm; }
table.signature tr:last-child td { height: 16mm; }
.page-footer { margin-top: 8mm; font-size: 8pt; color: #444; text-align: center; }
@media screen {
  body { max-width: 190mm; margin: 10mm auto; padding: 0 8mm 20mm; }
}
`;

/** A CSS string literal for any text: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
  return `"${text.replace(/[\\"\r\n\u2028\u2029]|[\u0000-\u001f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** Running footer (plan, scenario, fingerprint), page x / y and, for a draft, the mark on every page. */
export function pageMarginCss(footer: string, draftMark: string | null): string {
  return `@page {
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt system-ui, sans-serif; color: #444; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #444; }
  ${draftMark ? `@top-center { content: ${cssString(draftMark)}; font: 700 14pt system-ui, sans-serif; color: #c00000; }` : ''}
}`;
}
