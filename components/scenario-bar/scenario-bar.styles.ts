import { css } from 'lit';

export const scenarioBarStyles = css`
  :host {
    display: block;
  }
  * {
    box-sizing: border-box;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  label {
    font-weight: 600;
  }
  select,
  input,
  button {
    font: inherit;
    color: inherit;
  }
  select,
  input {
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  button {
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button:hover {
    background: var(--_bg);
  }
  button[aria-pressed='true'] {
    border-color: var(--_ok);
  }
  :is(button, select, input, summary):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
    box-shadow: var(--_focus);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    color: var(--_ok);
    background: var(--_ok-bg);
    border: 1px solid currentColor;
  }
  .status {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .status.memory,
  .error {
    color: var(--_error);
  }
  .error {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    background: var(--_error-bg);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  .toast {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-top: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_bg);
    width: fit-content;
  }
  .toast button {
    background: transparent;
    color: inherit;
    border-color: currentColor;
  }
  form {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  details {
    margin-top: 0.5rem;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    width: fit-content;
  }
  ol {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25rem;
  }
  li {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* Forced colours: the pressed "chosen" button keeps a thicker frame instead of its tint. */
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;
