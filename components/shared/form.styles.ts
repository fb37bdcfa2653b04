import { css } from 'lit';

/** Form controls, tables and field marks shared by the form sections (details, target groups, parties). */
export const formStyles = css`
  :host {
    display: block;
  }
  * {
    box-sizing: border-box;
  }
  fieldset {
    border: 0;
    margin: 0 0 1.25rem;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.5rem;
    font-size: 1em;
  }
  .fields {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label,
  .label {
    font-size: 0.875em;
    font-weight: 500;
    color: var(--_muted);
  }
  .hint {
    font-size: 0.8125em;
    color: var(--_muted);
    margin: 0;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input[type='text'],
  input[type='date'],
  input:not([type]),
  select,
  textarea {
    width: 100%;
    min-height: 2.25rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  textarea {
    min-height: 4.5rem;
    resize: vertical;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
    box-shadow: var(--_focus);
  }
  input[readonly],
  textarea[readonly],
  select:disabled,
  input:disabled {
    background: var(--_surface);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 1em;
    color: var(--_text);
    font-weight: 400;
  }
  .check input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }

  /* As specific as the field rules above (which set the 1px border), and later, so a mark shows. */
  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  :is(input, select, textarea)[aria-invalid='true'].warn {
    border-color: var(--_warning);
  }
  .mark {
    display: flex;
    align-items: flex-start;
    gap: 0.375rem;
    margin: 0.125rem 0 0;
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    font-size: 0.8125em;
    line-height: 1.35;
  }
  .mark svg {
    flex: none;
    width: 1em;
    height: 1em;
    margin-top: 0.1em;
  }
  .mark.error {
    color: var(--_error);
    background: var(--_error-bg);
  }
  .mark.warning {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  .mark strong {
    font-weight: 600;
  }

  button {
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    padding: 0.375rem 0.75rem;
    min-height: 2.25rem;
  }
  button:hover {
    background: var(--_surface);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
  }
  button.primary:hover {
    filter: brightness(1.08);
  }
  button.icon {
    padding: 0.25rem 0.5rem;
    color: var(--_muted);
  }
  button.icon:hover {
    color: var(--_error);
  }
  .section-marks {
    margin-bottom: 0.75rem;
  }
  .empty {
    color: var(--_muted);
    font-style: italic;
    margin: 0 0 0.75rem;
  }

  .table-wrap {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-bottom: 0.75rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375em;
  }
  th {
    text-align: left;
    font-weight: 600;
    font-size: 0.8125em;
    color: var(--_muted);
    background: var(--_surface);
    padding: 0.5rem;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  td {
    padding: 0.375rem 0.375rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  tr:last-child td {
    border-bottom: 0;
  }
  td input,
  td select {
    min-width: 8.5rem;
  }
  td.name input {
    min-width: 13rem;
  }
  td.narrow input {
    min-width: 6rem;
    width: 7rem;
  }
  td.wide input {
    min-width: 14rem;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /*
   * Forced colours make error and warning borders the same colour: a warning's border turns
   * dashed, and the finding text under a field, whose tint is dropped, keeps a frame.
   */
  @media (forced-colors: active) {
    :is(input, select, textarea)[aria-invalid='true'].warn {
      border-style: dashed;
    }
    .mark {
      border: 1px solid CanvasText;
    }
    .mark.warning {
      border-style: dashed;
    }
  }
`;
