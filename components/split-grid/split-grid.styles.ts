import { css } from 'lit';

export const splitGridStyles = css`
  .view-toggle { display: inline-flex; }
  .view-toggle button + button { margin-inline-start: -1px; }
  .view-toggle button[aria-pressed='true'] {
    background: var(--rp-grid-accent, var(--rp-color-accent, #1a73e8));
    border-color: var(--rp-grid-accent, var(--rp-color-accent, #1a73e8));
    color: var(--rp-color-accent-contrast, #fff);
  }
  .spacer { flex: 1; }
  .legend {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.8125em;
    color: var(--rp-grid-muted-color, #5f6368);
  }
`;
