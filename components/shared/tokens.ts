import { css } from 'lit';

/**
 * Design tokens. Every value is a `--rp-*` custom property with a fallback, so a host page themes
 * the elements by setting the property on any ancestor; fonts inherit from the host page.
 */
export const tokens = css`
  :host {
    --_bg: var(--rp-color-bg, #ffffff);
    --_surface: var(--rp-color-surface, #f7f8fa);
    --_text: var(--rp-color-text, #1c2430);
    --_muted: var(--rp-color-text-muted, #5b6676);
    --_border: var(--rp-color-border, #d5dbe3);
    --_accent: var(--rp-color-accent, #0b5cad);
    --_accent-text: var(--rp-color-accent-contrast, #ffffff);
    --_error: var(--rp-color-error, #b42318);
    --_error-bg: var(--rp-color-error-bg, #fdecea);
    --_warning: var(--rp-color-warning, #8a5300);
    --_warning-bg: var(--rp-color-warning-bg, #fff4e0);
    --_ok: var(--rp-color-ok, #1f7a3f);
    --_ok-bg: var(--rp-color-ok-bg, #e8f5ec);
    --_focus: var(--rp-focus-ring, 0 0 0 3px color-mix(in srgb, var(--rp-color-accent, #0b5cad) 45%, transparent));
    --_radius: var(--rp-radius, 6px);
    --_gap: var(--rp-space, 0.75rem);
    --_font-size: var(--rp-font-size, 0.9375rem);
    color: var(--_text);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
`;
