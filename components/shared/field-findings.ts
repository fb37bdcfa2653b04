import { html, nothing, type TemplateResult } from 'lit';
import type { Finding, Section } from '../../src/model/finding.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { t } from '../../src/i18n/index.ts';

/** Where a form field sits in the plan: which section, which row (if any), which property. */
export interface FieldRef { section: Section; rowId?: string; field: string }

/**
 * The findings that point at one field. A finding whose field is `period.start` belongs to the
 * `period` field as well, and a row finding without a field marks the row's first field (`name`).
 */
export function findingsFor(findings: readonly Finding[], ref: FieldRef): Finding[] {
  return findings.filter((f) => {
    const loc = f.location;
    if (loc.section !== ref.section) return false;
    if (ref.rowId !== undefined && loc.rowId !== ref.rowId) return false;
    if (ref.rowId === undefined && loc.rowId !== undefined && ref.section !== 'plan') return false;
    if (loc.field === undefined) return ref.field === 'name' && ref.rowId !== undefined;
    return loc.field === ref.field || loc.field.startsWith(`${ref.field}.`) || ref.field.startsWith(`${loc.field}.`);
  });
}

/** A stable DOM id for a field and for its finding text (ids are Id-safe: [A-Za-z0-9_-]). */
export const fieldId = (ref: FieldRef): string => ['f', ref.section, ref.rowId ?? '', ref.field.replace(/\./g, '_')].join('-');
export const markId = (ref: FieldRef): string => `${fieldId(ref)}-mark`;

/** Attributes a marked field carries: `aria-invalid` and `aria-describedby` point at the mark text. */
export function markAttrs(found: readonly Finding[], ref: FieldRef): { invalid: 'true' | 'false'; describedBy: string | typeof nothing; cls: string } {
  if (found.length === 0) return { invalid: 'false', describedBy: nothing, cls: '' };
  const hasError = found.some((f) => f.severity === 'error');
  return { invalid: 'true', describedBy: markId(ref), cls: hasError ? '' : 'warn' };
}

const errorIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor"><path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.75 3.5h1.5v5h-1.5v-5zm0 6.25h1.5v1.5h-1.5v-1.5z"/></svg>`;
const warningIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor"><path d="M8 1.2 15.3 14H.7L8 1.2zm-.75 4.3v4.25h1.5V5.5h-1.5zm0 5.5v1.5h1.5V11h-1.5z"/></svg>`;

/** The visible finding text under a field: icon + severity word + message (never colour alone). */
export function renderMark(found: readonly Finding[], ref: FieldRef, locale: Locale): TemplateResult | typeof nothing {
  if (found.length === 0) return nothing;
  const hasError = found.some((f) => f.severity === 'error');
  return html`<div class="mark ${hasError ? 'error' : 'warning'}" id=${markId(ref)} part="field-finding">
    ${hasError ? errorIcon : warningIcon}
    <span><strong>${t(locale, hasError ? 'form.error' : 'form.warning')}:</strong>
      ${found.map((f, i) => html`${i > 0 ? ' ' : ''}${f.message[locale]}`)}</span>
  </div>`;
}
