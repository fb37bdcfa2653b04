import { html, nothing, type TemplateResult } from 'lit';
import type { Finding, Section } from '../../src/model/finding.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { t } from '../../src/i18n/index.ts';

/** Where a form field sits in the plan: which section, which row (if any), which property. */
export interface FieldRef {
  section: Section;
  rowId?: string;
  field: string;
}

/**
 * Rows just added that the user has not left yet (issue #13): their findings wait until the user
 * leaves the row or tries to export, so a new, still empty row does not greet them with errors
 * ("AGB-code van 8 cijfers nodig" on a provider not yet typed). Row ids are random and unique,
 * so one registry serves every element on the page. `change` is dispatched when rows are released.
 */
class FreshRows extends EventTarget {
  private readonly ids = new Set<string>();
  private listening = false;

  get size(): number {
    return this.ids.size;
  }

  has(rowId: string | undefined): boolean {
    return rowId !== undefined && this.ids.has(rowId);
  }

  /** A row was just added by the user: its findings wait. */
  add(rowId: string): void {
    this.ids.add(rowId);
    if (!this.listening && typeof document !== 'undefined') {
      // Trying to export shows everything: the refusal lists what is wrong, new rows included.
      this.listening = true;
      for (const type of ['rp-export', 'rp-export-error', 'rp-export-start'])
        document.addEventListener(type, () => this.releaseAll(), true);
    }
  }

  /** The user left the row: its findings show from now on. */
  leave(rowId: string): void {
    if (this.ids.delete(rowId)) this.dispatchEvent(new Event('change'));
  }

  releaseAll(): void {
    if (this.ids.size === 0) return;
    this.ids.clear();
    this.dispatchEvent(new Event('change'));
  }
}

export const freshRows = new FreshRows();

/** The findings to show now: all but those of rows still fresh (the same array when none are). */
export function shownFindings<F extends Finding>(findings: readonly F[]): readonly F[] {
  if (freshRows.size === 0 || !findings.some((f) => freshRows.has(f.location.rowId))) return findings;
  return findings.filter((f) => !freshRows.has(f.location.rowId));
}

/**
 * The findings that point at one field. A finding whose field is `period.start` belongs to the
 * `period` field as well, and a row finding without a field marks the row's first field (`name`).
 * A row still fresh (just added, not yet left) shows none.
 */
export function findingsFor(findings: readonly Finding[], ref: FieldRef): Finding[] {
  if (freshRows.has(ref.rowId)) return [];
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
export const fieldId = (ref: FieldRef): string =>
  ['f', ref.section, ref.rowId ?? '', ref.field.replace(/\./g, '_')].join('-');
export const markId = (ref: FieldRef): string => `${fieldId(ref)}-mark`;

/** Attributes a marked field carries: `aria-invalid` and `aria-describedby` point at the mark text. */
export function markAttrs(
  found: readonly Finding[],
  ref: FieldRef,
): { invalid: 'true' | 'false'; describedBy: string | typeof nothing; cls: string } {
  if (found.length === 0) return { invalid: 'false', describedBy: nothing, cls: '' };
  const hasError = found.some((f) => f.severity === 'error');
  return { invalid: 'true', describedBy: markId(ref), cls: hasError ? '' : 'warn' };
}

const errorIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
  <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.75 3.5h1.5v5h-1.5v-5zm0 6.25h1.5v1.5h-1.5v-1.5z" />
</svg>`;
const warningIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
  <path d="M8 1.2 15.3 14H.7L8 1.2zm-.75 4.3v4.25h1.5V5.5h-1.5zm0 5.5v1.5h1.5V11h-1.5z" />
</svg>`;

/** The visible finding text under a field: icon + severity word + message (never colour alone). */
export function renderMark(found: readonly Finding[], ref: FieldRef, locale: Locale): TemplateResult | typeof nothing {
  if (found.length === 0) return nothing;
  const hasError = found.some((f) => f.severity === 'error');
  return html`<div class="mark ${hasError ? 'error' : 'warning'}" id=${markId(ref)} part="field-finding">
    ${hasError ? errorIcon : warningIcon}
    <span
      ><strong>${t(locale, hasError ? 'form.error' : 'form.warning')}:</strong>
      ${found.map((f, i) => html`${i > 0 ? ' ' : ''}${f.message[locale]}`)}</span
    >
  </div>`;
}
