import { css } from 'lit';

export const flowStyles = css`
  :host {
    display: block; font-family: var(--rp-font-family, inherit);
    /* Paints its own background so a dark theme stays readable on a light host page. */
    background: var(--_bg); color: var(--_text);
    /* Domain colours; dark-theme and host values come in through --rp-flow-color-N. */
    --_flow-1: #0b5cad; --_flow-2: #1f7a3f; --_flow-3: #8a5300; --_flow-4: #7a2e8e; --_flow-5: #b42318; --_flow-6: #2f6f7e;
  }
  :host([hidden]) { display: none; }
  figure { margin: 0; }
  /* Labels are measured and given room (flow.ts), so nothing needs to spill out of the box. */
  svg { display: block; width: 100%; height: auto; overflow: hidden; }
  .node { fill: var(--_text); }
  .link { fill: var(--_flow-color); opacity: 0.45; cursor: pointer; transition: opacity 120ms; }
  .link:hover { opacity: 0.7; }
  .link:focus { outline: none; }
  .link:focus-visible { opacity: 0.85; stroke: var(--_accent); stroke-width: 3px; }
  .has-selection .link { opacity: 0.18; }
  .has-selection .link.selected { opacity: 0.9; stroke: var(--_text); stroke-width: 1.5px; }
  text { fill: var(--_text); font-size: 12px; }
  /* A label over the bands (the middle columns) keeps a halo of the background, so it stays readable. */
  text.label { paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; stroke-linejoin: round; }
  .heading { font-weight: 600; fill: var(--_muted); }
  .toolbar { display: flex; justify-content: flex-end; margin-block-end: 0.25rem; }
  button {
    font: inherit; color: var(--_accent); background: none; border: 1px solid var(--_border);
    border-radius: var(--_radius); padding: 0.25rem 0.6rem; cursor: pointer;
  }
  button:focus-visible { outline: none; box-shadow: var(--_focus); }
  table { border-collapse: collapse; margin-block-start: 0.5rem; width: 100%; }
  caption { text-align: start; font-weight: 600; }
  th, td { text-align: start; padding: 0.2rem 0.5rem; border-bottom: 1px solid var(--_border); }
  td.amount { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .empty { color: var(--_muted); }
  @media (forced-colors: active) {
    .link { fill: CanvasText; }
    .has-selection .link.selected { fill: Highlight; }
  }
`;
