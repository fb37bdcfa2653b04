import { css } from 'lit';

/** The plan bar: the user's own plans ("Nieuw plan", "Plan openen") and where the shown plan comes from. */
export const ownPlanStyles = css`
  .own-plans {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
  }
  .own-plans > button,
  .own-choice button {
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.75rem;
  }
  .own-plans button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .own-plans button:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .own-choice {
    display: inline-flex;
    gap: 0.375rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .own-badge {
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.25rem 0.625rem;
    border-radius: 999px;
    color: var(--_accent-text);
    background: var(--_accent);
  }
  .own-plans .own-message {
    flex-basis: 100%;
    margin: 0;
  }
  .own-message.ok {
    color: var(--_ok);
    background: var(--_ok-bg);
  }
  .own-message.bad {
    color: var(--_error);
    background: var(--_error-bg);
  }
`;
