import { css, unsafeCSS } from 'lit';
// The core CSS is adopted into each grid's shadow root instead of injected into the page's head.
import coreCss from 'handsontable/styles/handsontable.min.css?inline';

export const handsontableCoreStyles = unsafeCSS(coreCss);

/** Layout, cell marks and status line shared by every Handsontable-based grid. */
export const gridStyles = css`
  :host {
    display: block;
    font: inherit;
    /* Text and background from the tokens, so a dark grid stays readable on a light page. */
    color: var(--rp-grid-text, var(--rp-color-text, inherit));
    background: var(--rp-color-bg, transparent);
    --rp-grid-error-color: var(--rp-color-error, #b3261e);
    --rp-grid-error-bg: var(--rp-color-error-bg, #fde7e5);
    --rp-grid-warning-color: var(--rp-color-warning, #7a5200);
    --rp-grid-warning-bg: var(--rp-color-warning-bg, #fff4d6);
    --rp-grid-muted-color: var(--rp-color-text-muted, #5f6368);
    --rp-grid-total-bg: var(--rp-color-surface, #f1f3f4);
  }
  :host([hidden]) { display: none; }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block-end: 0.5rem;
  }
  :is(.toolbar, .above-grid) button {
    font: inherit;
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--rp-grid-border, var(--rp-color-border, #9aa0a6));
    border-radius: 4px;
    background: var(--rp-grid-button-bg, var(--rp-color-surface, #fff));
    color: inherit;
    cursor: pointer;
  }
  :is(.toolbar, .above-grid) button:disabled { opacity: 0.5; cursor: default; }
  :is(.toolbar, .above-grid) button:focus-visible {
    outline: 2px solid var(--rp-grid-focus, var(--rp-color-accent, #1a73e8));
    outline-offset: 1px;
  }
  .grid {
    height: var(--rp-grid-height, 420px);
    width: 100%;
    overflow: hidden;
  }
  .status {
    min-height: 1.5em;
    margin-block-start: 0.4rem;
    font-size: 0.9em;
  }
  .status.refused { color: var(--rp-grid-error-color); }
  .status .icon { font-weight: bold; margin-inline-end: 0.3em; }

  /*
   * Cell state is carried by data attributes, never by classes, and every rule below that can
   * match a body cell keys on them. Handsontable clears each rendered cell's class list and its
   * role and aria-* attributes on every render; a class or role that some rule here names would
   * make every visible cell restyle after each edit. Attributes it leaves alone are written only
   * when they change, so an edit restyles only the cells whose state changed.
   * data-rp: what the cell is (num, inherited, total, na, ro); data-rp-mark: error or warning.
   */
  /* Handsontable's read-only look (its htDimmed rule), which would otherwise hang on a class; a
     marked cell (a row total at 99 %) keeps its mark's colours. */
  .handsontable td[data-rp~='ro']:not([data-rp-mark]) {
    color: var(--ht-read-only-color) !important;
    background-color: var(--ht-cell-read-only-background-color) !important;
  }
  /* What Handsontable's wordWrap: false would do through a class. */
  .handsontable td { white-space: nowrap; }
  /* A header wraps onto the lines its level has room for (GridShape.headerHeights), never cut. */
  .handsontable thead th .colHeader { white-space: normal; line-height: 1.2; }
  /* Group headers (every level but the last) stay on one line: their height is one line. */
  .handsontable thead tr:not(:last-child) th .colHeader { white-space: nowrap; }
  .handsontable thead th { vertical-align: middle; }
  /*
   * Marks: colour plus an icon and a pattern, so they never rely on colour alone. Backgrounds are
   * set through \`tr > td\`, as strong as Handsontable's own row rule (tr.ht__row_even > td), and
   * win by coming later.
   */
  .handsontable tr > td[data-rp-mark='error'] {
    background-color: var(--rp-grid-error-bg);
    box-shadow: inset 3px 0 0 var(--rp-grid-error-color);
    color: var(--rp-grid-error-color);
  }
  .handsontable td[data-rp-mark='error']::before { content: var(--rp-mark-error-icon, '⚠\\FE0E') '\\00A0'; font-weight: bold; }
  .handsontable td[data-rp-mark='warning'] {
    background-image: var(--rp-mark-warning-pattern, repeating-linear-gradient(
      135deg, var(--rp-grid-warning-bg) 0 6px, transparent 6px 10px));
    box-shadow: inset 3px 0 0 var(--rp-grid-warning-color);
    color: var(--rp-grid-warning-color);
  }
  .handsontable td[data-rp-mark='warning']::before { content: var(--rp-mark-warning-icon, '△') '\\00A0'; }
  .handsontable td[data-rp-refused] {
    outline: 2px dashed var(--rp-grid-error-color);
    outline-offset: -3px;
  }
  .handsontable td[data-rp-refused]::after { content: '\\00A0✕'; color: var(--rp-grid-error-color); }
  .handsontable td[data-rp~='inherited'] { color: var(--rp-grid-muted-color); font-style: italic; }
  .handsontable tr > td[data-rp~='na'] { color: var(--rp-grid-muted-color); background: var(--rp-grid-total-bg); }
  .handsontable td[data-rp~='total'] { font-weight: 600; background-color: var(--rp-grid-total-bg); }
  /* Another participant's selected cell: an outline in their colour and their name as a small tag. */
  .handsontable td[data-rp-presence] { position: relative; overflow: hidden; }
  .rp-presence {
    position: absolute;
    inset: 0;
    border: 2px solid var(--rp-presence-color, #1f77b4);
    pointer-events: none;
    z-index: 1;
  }
  .rp-presence::after {
    content: attr(data-names);
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    max-width: 12em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding: 0 3px;
    font-size: 10px;
    line-height: 12px;
    font-weight: 600;
    font-style: normal;
    text-align: start;
    /* Dark text on white whatever the participant's colour, so the name stays readable. */
    background: var(--rp-presence-tag-bg, #fff);
    color: var(--rp-presence-tag-text, #202124);
    border: 1px solid var(--rp-presence-color, #1f77b4);
    border-inline-start-width: 4px;
  }
  /* Open comment threads: a triangle in the cell's top corner (a shape, and "1 opmerking" in the
     cell's description), clickable to open the thread. */
  .handsontable td[data-rp-comment] { position: relative; }
  .rp-comment {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    inline-size: 10px;
    block-size: 10px;
    background: var(--rp-comment-mark-color, var(--rp-color-accent, #0b5cad));
    clip-path: polygon(0 0, 100% 0, 100% 100%);
    cursor: pointer;
    z-index: 2;
  }
  .rp-comment::after {
    /* A larger target than the mark itself. */
    content: '';
    position: absolute;
    inset: -4px -4px -8px -8px;
  }
  @media (forced-colors: active) {
    .rp-comment { forced-color-adjust: none; background: CanvasText; }
  }
  .handsontable td[data-rp~='num'] { text-align: end; font-variant-numeric: tabular-nums; }
`;
