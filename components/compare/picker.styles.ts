import { css } from 'lit';

/** The framed pickers of the compare view (scenarios to compare, two moments of one scenario). */
export const pickerStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem 0.75rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  label {
    display: inline-flex;
    align-items: center;
  }
  .note {
    color: var(--_muted);
    margin: 0.5rem 0 0;
  }
  .error {
    color: var(--_error);
  }
`;
