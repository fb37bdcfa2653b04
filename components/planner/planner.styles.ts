import { css } from 'lit';

/*
 * Layout of the planner. Sizes respond to the element's own width (container queries), not the
 * viewport, because the host page decides how wide the planner is.
 */
export const plannerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--rp-font-family, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
  }
  button:focus-visible,
  h3:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    box-shadow: var(--_focus);
  }

  .toolbar {
    display: grid;
    gap: 0.75rem 1.5rem;
    align-items: center;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'title' 'figures' 'status' 'actions';
    padding: 1rem 1.25rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
  }
  @container (min-width: 36rem) {
    .toolbar {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'title actions' 'figures figures' 'status status';
    }
  }
  /* Wide: the plan's name keeps the whole first row (a long name stays on one or two lines), the
     figures and the status share the second, so the card stays low and the grids start higher. */
  @container (min-width: 60rem) {
    .toolbar {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'title actions' 'figures status';
    }
    .status {
      justify-self: end;
    }
  }
  .title {
    grid-area: title;
    min-width: 0;
  }
  .title h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .subtitle {
    margin: 0.125rem 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .figures {
    grid-area: figures;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
  }
  .figures div {
    display: flex;
    flex-direction: column;
  }
  .figures dt {
    font-size: 0.75em;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .figures dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .status {
    grid-area: status;
    justify-self: start;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.25rem 0.625rem;
    border-radius: 999px;
    white-space: nowrap;
  }
  .status.ok {
    background: var(--_ok-bg);
    color: var(--_ok);
  }
  .status.warn {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .status.bad {
    background: var(--_error-bg);
    color: var(--_error);
  }
  .actions {
    grid-area: actions;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-self: start;
  }
  @container (min-width: 36rem) {
    .actions {
      justify-self: end;
    }
  }
  .actions button {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    cursor: pointer;
    min-height: 2.25rem;
    padding: 0.375rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
  }
  .actions button:hover:not(:disabled) {
    background: var(--_surface);
  }
  .actions button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .actions svg {
    width: 1em;
    height: 1em;
  }
  .badge {
    font-size: 0.8125em;
    padding: 0.25rem 0.625rem;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
  }

  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0.75rem 0;
  }
  .nav button {
    cursor: pointer;
    border: 1px solid transparent;
    background: transparent;
    color: var(--_muted);
    padding: 0.3rem 0.7rem;
    border-radius: 999px;
    font-size: 0.875em;
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  .nav button:hover {
    background: var(--_bg);
    border-color: var(--_border);
    color: var(--_text);
  }
  .nav .count {
    background: var(--_error-bg);
    color: var(--_error);
    border-radius: 999px;
    padding: 0 0.45rem;
    font-size: 0.8125em;
    font-weight: 600;
  }

  .layout {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }
  .findings {
    order: -1;
  }
  @container (min-width: 68rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) 19rem;
      align-items: start;
    }
    .findings {
      order: 0;
      position: sticky;
      top: var(--rp-sticky-top, 1rem);
      max-height: calc(100vh - var(--rp-sticky-top, 1rem) - 1rem);
      overflow: auto;
    }
    /* Collapsed findings give their column to the grids: a narrow strip with the title and count. */
    .layout:has(rp-findings[collapsed]) {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .findings:has(rp-findings[collapsed]) {
      padding: 0.5rem 0.25rem;
    }
    rp-findings[collapsed]::part(toggle) {
      writing-mode: vertical-rl;
      margin: 0;
    }
    /* The comments beside the findings fold away with them. */
    .findings:has(rp-findings[collapsed]) rp-comments-panel {
      display: none;
    }
  }
  .sections {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    min-width: 0;
  }
  .card,
  .findings {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    padding: clamp(0.75rem, 2.5cqi, 1.25rem);
    min-width: 0;
  }
  .card h3 {
    margin: 0;
    font-size: 1.0625em;
  }
  .card .hint {
    margin: 0.125rem 0 1rem;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .refused,
  .notice {
    display: flex;
    gap: 1rem;
    align-items: flex-start;
    justify-content: space-between;
    margin-bottom: 0.75rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
  }
  .refused {
    color: var(--_error);
    background: var(--_error-bg);
  }
  .notice {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  .refused button,
  .notice button {
    flex: none;
    cursor: pointer;
    background: var(--_bg);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.25rem 0.625rem;
  }
  /* The site's newer plan: the message, its three buttons, and the comparison below them. */
  .notice.published {
    flex-wrap: wrap;
    color: var(--_text);
    background: var(--_bg);
  }
  .published .offer-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .published .offer-actions button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .published rp-compare {
    flex-basis: 100%;
  }
  .empty {
    color: var(--_muted);
    font-style: italic;
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
`;

/** Scenario bar, view switch and workshop status above the toolbar. */
export const plannerChromeStyles = css`
  rp-scenario-bar.scenarios {
    margin-bottom: 0.75rem;
  }
  .views {
    display: inline-flex;
    gap: 0;
    margin: 0.75rem 0 0;
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
    background: var(--_bg);
  }
  .views button {
    cursor: pointer;
    border: 0;
    background: transparent;
    padding: 0.4rem 1rem;
    font-size: 0.9375em;
    color: var(--_muted);
  }
  .views button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .views button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .card.compare,
  .card.flow {
    margin-top: 0.75rem;
  }
  .workshop {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-bottom: 0.75rem;
    padding: 0.5rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    font-size: 0.875em;
  }
  .pill {
    font-weight: 600;
    padding: 0.2rem 0.625rem;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
  }
  .pill.connected {
    background: var(--_ok-bg);
    color: var(--_ok);
  }
  .pill.offline {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .pill.refused {
    background: var(--_error-bg);
    color: var(--_error);
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem 0.875rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .people li {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .people .me {
    color: var(--_muted);
  }
  .dot {
    width: 0.7rem;
    height: 0.7rem;
    border-radius: 50%;
    display: inline-block;
  }
  .observer {
    color: var(--_warning);
  }
  .workshop-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_error);
  }
  .workshop-offer {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }
  .workshop-offer ul {
    display: contents;
    list-style: none;
  }
  /*
   * Forced colours drop backgrounds: the chosen view keeps the system highlight, and the status
   * and count pills keep a frame (their words already say what they mean).
   */
  @media (forced-colors: active) {
    .views button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .status,
    .pill,
    .nav .count,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
