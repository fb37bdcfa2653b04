import { css } from 'lit';

export const signoffPanelStyles = css`
  :host { display: block; }
  * { box-sizing: border-box; }
  h2 { font-size: 1.0625em; margin: 0 0 0.5rem; }
  p { margin: 0 0 0.5rem; }
  .muted { color: var(--_muted); font-size: 0.875em; }
  code { font-size: 0.8125em; word-break: break-all; background: var(--_surface); padding: 0.05rem 0.3rem; border-radius: 4px; }
  .summary { padding: 0.5rem 0.75rem; border-radius: var(--_radius); font-size: 0.875em; }
  .summary.complete { color: var(--_ok); background: var(--_ok-bg); }
  .summary.incomplete { color: var(--_warning); background: var(--_warning-bg); }
  table { border-collapse: collapse; width: 100%; font-size: 0.875em; margin: 0.5rem 0; }
  th, td { text-align: left; vertical-align: top; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--_border); }
  th { color: var(--_muted); font-weight: 600; }
  .state { display: inline-block; border-radius: 999px; padding: 0.05rem 0.55rem; font-weight: 600; font-size: 0.875em; }
  .state.valid { color: var(--_ok); background: var(--_ok-bg); }
  .state.outdated { color: var(--_warning); background: var(--_warning-bg); }
  .state.missing { color: var(--_muted); background: var(--_surface); }
  button {
    font: inherit; cursor: pointer; border-radius: var(--_radius); padding: 0.3rem 0.7rem;
    border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
  }
  button.primary { background: var(--_accent); color: var(--_accent-text); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible, input:focus-visible, summary:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; box-shadow: var(--_focus); }
  form { display: grid; gap: 0.5rem; grid-template-columns: 1fr 1fr auto auto; align-items: end; margin-top: 0.375rem; }
  label { display: grid; gap: 0.2rem; font-size: 0.875em; color: var(--_muted); }
  input { font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.45rem; }
  .error { color: var(--_error); font-size: 0.875em; grid-column: 1 / -1; margin: 0; }
  details { margin-top: 0.25rem; }
  summary { cursor: pointer; color: var(--_accent); }
  ul { margin: 0.25rem 0 0; padding-left: 1.1rem; }
  li { margin: 0.1rem 0; }
  .note { font-size: 0.8125em; color: var(--_muted); font-style: italic; }
`;
