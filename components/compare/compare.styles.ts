import { css } from 'lit';

export const compareStyles = css`
  :host { display: block; }
  * { box-sizing: border-box; }
  h2 { font-size: 1.125em; margin: 0 0 0.5rem; }
  h3 { font-size: 1em; margin: 1.25rem 0 0.5rem; }
  .controls { display: flex; gap: 1rem; align-items: center; margin-bottom: 0.5rem; }
  input[type='checkbox']:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; min-width: 100%; font-size: 0.875em; }
  caption { text-align: left; font-weight: 600; padding: 0.5rem 0 0.25rem; }
  th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--_border); text-align: left; vertical-align: top; }
  td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  thead th { background: var(--_surface); position: sticky; top: 0; }
  tbody th { font-weight: normal; }
  .group { color: var(--_muted); font-size: 0.875em; display: block; }
  tr.changed { background: var(--rp-compare-changed-bg, var(--rp-color-warning-bg, #fff7d6)); }
  tr.changed th, td.differs { font-weight: 700; }
  .mark { display: inline-block; min-width: 1.1em; font-weight: 700; }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .findings { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
  .findings section { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.75rem; }
  .findings h4 { margin: 0 0 0.25rem; font-size: 0.9375em; }
  .findings ul { margin: 0; padding-left: 1.1rem; font-size: 0.8125em; }
  .error { color: var(--_error); }
  .warning { color: var(--_warning); }
  svg { max-width: 100%; height: auto; display: block; }
  svg .name { font-size: 12px; fill: var(--_text); }
  .legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0; font-size: 0.8125em; }
  .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: -0.1em; border-radius: 2px; }
  .message { padding: 0.75rem; background: var(--_surface); border-radius: var(--_radius); }
`;
