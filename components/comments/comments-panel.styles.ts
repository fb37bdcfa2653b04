import { css } from 'lit';

export const commentsPanelStyles = css`
  :host { display: block; margin-top: 1.25rem; padding-top: 1rem; border-top: 1px solid var(--_border); }
  * { box-sizing: border-box; }
  h2 { font-size: 1.0625em; margin: 0 0 0.5rem; display: flex; gap: 0.5rem; align-items: center; }
  .count { font-weight: 600; font-size: 0.8125em; border-radius: 999px; padding: 0.05rem 0.55rem; background: var(--_surface); color: var(--_muted); }
  p { margin: 0 0 0.5rem; }
  .muted { color: var(--_muted); font-size: 0.875em; }
  ul.threads { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
  article { border: 1px solid var(--_border); border-left: 4px solid var(--_accent); border-radius: var(--_radius); padding: 0.5rem 0.625rem; background: var(--_bg); }
  article.resolved { border-left-color: var(--_border); opacity: 0.85; }
  article.orphaned { border-left-color: var(--_warning); border-left-style: dashed; }
  .where { font-size: 0.8125em; color: var(--_muted); display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
  .orphan { color: var(--_warning); font-size: 0.8125em; margin: 0.25rem 0; }
  ol { list-style: none; margin: 0.375rem 0; padding: 0; display: grid; gap: 0.375rem; }
  .by { font-size: 0.8125em; color: var(--_muted); }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.1rem 0 0; }
  .actions { display: flex; gap: 0.375rem; flex-wrap: wrap; align-items: flex-end; }
  button {
    font: inherit; font-size: 0.875em; cursor: pointer; border-radius: var(--_radius); padding: 0.25rem 0.6rem;
    border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
  }
  button.primary { background: var(--_accent); color: var(--_accent-text); }
  button.link { border: 0; padding: 0; background: none; text-decoration: underline; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; box-shadow: var(--_focus); }
  form { display: grid; gap: 0.375rem; margin-top: 0.375rem; }
  label { font-size: 0.875em; color: var(--_muted); display: grid; gap: 0.2rem; }
  textarea { font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.35rem 0.45rem; min-height: 3.2rem; resize: vertical; width: 100%; }
  .limit { font-size: 0.75em; color: var(--_muted); }
  .limit.over { color: var(--_error); }
  .error { color: var(--_error); font-size: 0.875em; margin: 0; }
  .new { border-top: 1px solid var(--_border); margin-top: 0.75rem; padding-top: 0.5rem; }
  .toggle { font-size: 0.875em; display: flex; gap: 0.375rem; align-items: center; margin: 0.25rem 0 0.5rem; }
`;
