import { css } from 'lit';

export const exportMenuStyles = css`
  :host { display: block; }
  * { box-sizing: border-box; }
  section { display: grid; gap: var(--_gap); }
  h2 { font-size: 1.0625em; margin: 0; }
  .field { display: grid; gap: 0.25rem; }
  label { font-weight: 600; font-size: 0.875em; }
  select, button { font: inherit; color: inherit; }
  select { padding: 0.375rem 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); }
  .check { display: flex; gap: 0.5rem; align-items: center; font-weight: normal; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  button {
    cursor: pointer; padding: 0.45rem 0.9rem; border-radius: var(--_radius);
    border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
  }
  button.primary { background: var(--_accent); color: var(--_accent-text); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  select:focus-visible, button:focus-visible, input:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; box-shadow: var(--_focus); }
  .status { min-height: 1.5em; display: flex; gap: 0.5rem; align-items: center; font-size: 0.875em; color: var(--_muted); }
  progress { width: 8rem; }
  .refusal { border: 1px solid var(--_error); border-left-width: 4px; background: var(--_error-bg); color: var(--_error);
    border-radius: var(--_radius); padding: 0.5rem 0.75rem; font-size: 0.875em; }
  .refusal p { margin: 0 0 0.25rem; font-weight: 600; }
  .refusal ul { margin: 0; padding-left: 1.25rem; color: var(--_text); }
  .pre-export { display: grid; gap: 0.5rem; border-top: 1px solid var(--_border); padding-top: 0.75rem; }
  h3 { font-size: 0.9375em; margin: 0; }
  .pre-export ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; font-size: 0.875em; }
  .clauses li { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr auto; gap: 0.5rem; align-items: baseline; }
  .clauses .name { font-weight: 600; }
  .clauses .state { color: var(--_muted); overflow-wrap: anywhere; }
  .clauses .warn .state { color: var(--_warning); font-weight: 600; }
  .checks li { display: flex; gap: 0.5rem; align-items: baseline; }
  .checks .sev { flex: none; font-weight: 600; }
  .checks .error .sev { color: var(--_error); }
  button.link { border: 0; background: none; padding: 0; color: var(--_accent); text-decoration: underline; text-align: left; }
  iframe.print { position: absolute; width: 0; height: 0; border: 0; left: -9999px; }
`;
