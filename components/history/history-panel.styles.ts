import { css } from 'lit';

export const historyPanelStyles = css`
  :host { display: contents; }
  * { box-sizing: border-box; }
  dialog {
    width: min(36rem, calc(100vw - 2rem)); max-height: min(40rem, calc(100vh - 2rem)); padding: 1rem 1.125rem;
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_text);
    font: inherit; font-size: var(--_font-size);
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  header { display: flex; gap: 0.5rem; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
  h2 { font-size: 1.0625em; margin: 0; }
  h2:focus { outline: none; }
  p { margin: 0.25rem 0; }
  .muted { color: var(--_muted); font-size: 0.8125em; }
  ol { list-style: none; margin: 0.75rem 0 0; padding: 0; display: grid; gap: 0.375rem; }
  li { border: 1px solid var(--_border); border-left: 4px solid var(--_accent); border-radius: var(--_radius); padding: 0.4rem 0.6rem; display: grid; grid-template-columns: 1fr auto; gap: 0.25rem 0.75rem; align-items: center; }
  li.current { border-left-color: var(--_border); }
  li.version, li.stored-version { border-left-style: double; border-left-width: 5px; }
  .by { font-size: 0.8125em; color: var(--_muted); }
  .what { overflow-wrap: anywhere; }
  button {
    font: inherit; font-size: 0.875em; cursor: pointer; border-radius: var(--_radius); padding: 0.25rem 0.6rem;
    border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
  }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; box-shadow: var(--_focus); }
  .actions { display: flex; gap: 0.375rem; flex-wrap: wrap; justify-content: flex-end; }
  dialog:has(section.compare) { width: min(72rem, calc(100vw - 2rem)); }
  section.compare { margin-top: 0.75rem; border-top: 1px solid var(--_border); padding-top: 0.5rem; }
  section.compare header { justify-content: flex-end; }
  h3 { font-size: 1em; margin: 0; }
  [role='status'] { min-height: 1.2em; }
  @media (forced-colors: active) { li { border-left-color: CanvasText; } }
`;
