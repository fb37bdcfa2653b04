import { css, unsafeCSS } from 'lit';
// Handsontable's main theme as a stylesheet (its CSS theme), pruned at build time like the core CSS
// (scripts/handsontable-css.ts): the JS theme engine that would build the same variables is not shipped.
import mainThemeCss from 'handsontable/styles/ht-theme-main-no-icons.min.css?inline';

/** The theme's class name, given to Handsontable as its `theme` (handsontable.ts). */
export const HOT_THEME = 'ht-theme-main';

/*
 * Handsontable's main theme declares its sizes and colours as `--ht-*` custom properties on
 * `.ht-theme-main`, which Handsontable puts on its root wrapper and portal; its colours are light
 * ones there (its dark variants are pruned). Here the colours the grids use are mapped onto our
 * `--rp-*` tokens on those two elements, so a grid follows the theme (light, dark, the host's own
 * colours) like every other element, and `color-scheme` is inherited from the page so native
 * controls follow the page too. Derived tokens (headers, read-only cells, editor, selection
 * border) refer to these and follow. The colours are custom properties on those two elements; the
 * forced-colours rules further down key on the marks' data attributes only.
 */
export const hotThemeStyles = css`
  ${unsafeCSS(mainThemeCss)}
  :host .ht-root-wrapper,
  :host .ht-portal {
    color-scheme: inherit;
    font-family: var(--rp-font-family, inherit);
    --ht-background-color: var(--rp-color-bg, #ffffff);
    --ht-background-secondary-color: var(--rp-color-surface, #f7f8fa);
    --ht-foreground-color: var(--rp-color-text, #1c2430);
    --ht-foreground-secondary-color: var(--rp-color-text-muted, #5b6676);
    --ht-border-color: var(--rp-color-border, #d5dbe3);
    --ht-accent-color: var(--rp-color-accent, #0b5cad);
    --ht-placeholder-color: var(--ht-foreground-secondary-color);
    --ht-read-only-color: var(--ht-foreground-secondary-color);
    --ht-disabled-color: var(--ht-foreground-secondary-color);
    --ht-shadow-color: var(--ht-foreground-color);
    --ht-cell-selection-background-color: var(--ht-accent-color);
    --ht-cell-editor-foreground-color: var(--ht-foreground-color);
    --ht-cell-error-background-color: var(--rp-color-error-bg, #fdecea);
    --ht-cell-success-background-color: var(--rp-color-ok-bg, #e8f5ec);
    --ht-header-highlighted-foreground-color: var(--ht-foreground-color);
    --ht-header-highlighted-background-color: var(--ht-border-color);
    --ht-header-row-highlighted-foreground-color: var(--ht-foreground-color);
    --ht-header-row-highlighted-background-color: var(--ht-border-color);
    --ht-header-active-border-color: var(--ht-accent-color);
    --ht-header-active-foreground-color: var(--rp-color-accent-contrast, #ffffff);
    --ht-header-row-active-foreground-color: var(--rp-color-accent-contrast, #ffffff);
    --ht-input-disabled-background-color: var(--ht-background-secondary-color);
    --ht-link-color: var(--ht-accent-color);
    --ht-move-backlight-color: var(--ht-foreground-color);
    --ht-resize-indicator-color: var(--ht-foreground-secondary-color);
    --ht-hidden-indicator-color: var(--ht-foreground-secondary-color);
    --ht-scrollbar-thumb-color: var(--ht-foreground-secondary-color);
    --ht-menu-shadow-color: var(--ht-foreground-color);
    --ht-menu-item-hover-color: var(--ht-foreground-color);
    --ht-dialog-semi-transparent-background-color: var(--ht-background-color);
    --ht-dialog-solid-background-color: var(--ht-background-color);
  }
  /* Handsontable names its own font on every table clone; the grid takes the host page's. */
  :host .handsontable { font-family: var(--rp-font-family, inherit); }

  /*
   * Forced colours (Windows high contrast): the user's palette replaces ours, box shadows and
   * gradient patterns are dropped, so the marks' edge bars and stripes vanish. Outlines survive:
   * an error is a solid frame, a warning a dotted one, refused input keeps its dashed frame; the
   * icons stay as they are. The selection frame is drawn with element backgrounds, which forced
   * colours would paint as Canvas: it keeps the system highlight colour instead.
   */
  @media (forced-colors: active) {
    :host .ht-root-wrapper, :host .ht-portal {
      --ht-cell-selection-border-color: Highlight;
      --ht-cell-editor-border-color: Highlight;
    }
    :host .wtBorder { forced-color-adjust: none; }
    .handsontable td[data-rp-mark='error'] { outline: 2px solid CanvasText; outline-offset: -2px; }
    .handsontable td[data-rp-mark='warning'] { outline: 2px dotted CanvasText; outline-offset: -2px; }
    .handsontable td[data-rp-refused] { outline: 2px dashed CanvasText; outline-offset: -3px; }
    :host :is(.toolbar, .above-grid) button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
  }
`;
