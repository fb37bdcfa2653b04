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
  .columns {
    display: flex;
    margin-block-end: 0.5rem;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .legend {
    flex: 1 1 20rem;
    margin: 0;
    font-size: 0.8125em;
    color: var(--rp-grid-muted-color, #5f6368);
  }
`;
