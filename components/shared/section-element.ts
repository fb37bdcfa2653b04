import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { Finding, FindingLocation, Section } from '../../src/model/finding.ts';
import { DEFAULT_LOCALE, asLocale, type Locale, type Msg } from '../../src/i18n/locale.ts';
import { fillMsg, t, ui, type UiKey, type MsgVars } from '../../src/i18n/index.ts';
import { emitEdit, type FocusableSection } from './edit-event.ts';
import { findingsFor, markAttrs, renderMark, fieldId, type FieldRef } from './field-findings.ts';
import { focusControl } from './focus-field.ts';

/**
 * Common ground of the form sections: the four inputs every section takes (plan, findings, locale,
 * readonly), the `rp-edit` emitter, field marks for findings and for unreadable input, and focus by
 * finding location.
 */
export class SectionElement extends LitElement implements FocusableSection {
  /** The plan to show; the section never changes it, it emits `rp-edit` with ops instead. */
  @property({ attribute: false }) plan: Plan | null = null;
  /** The engine's findings for the whole plan; the section marks the ones that point at its fields. */
  @property({ attribute: false }) findings: readonly Finding[] = [];
  @property({ converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Text a person typed that could not be read, per field id; the plan keeps its old value. */
  @state() protected inputErrors: ReadonlyMap<string, Msg> = new Map();

  protected t(key: UiKey, vars?: MsgVars): string {
    return t(this.locale, key, vars);
  }

  /** A UI message in both languages, for errors that must follow a later locale switch. */
  protected bilingual(key: UiKey, vars?: MsgVars): Msg {
    return fillMsg(ui[key], vars);
  }

  protected emit(ops: PlanOp[]): void {
    if (this.readonly) return;
    emitEdit(this, ops);
  }

  protected setInputError(ref: FieldRef, error: Msg | null): void {
    const id = fieldId(ref);
    if (!error && !this.inputErrors.has(id)) return;
    const next = new Map(this.inputErrors);
    if (error) next.set(id, error);
    else next.delete(id);
    this.inputErrors = next;
  }

  /** Attributes and the visible text for a field: engine findings plus local unreadable-input errors. */
  protected mark(ref: FieldRef): {
    invalid: 'true' | 'false';
    describedBy: string | typeof nothing;
    cls: string;
    text: TemplateResult | typeof nothing;
  } {
    const found = findingsFor(this.findings, ref);
    const local = this.inputErrors.get(fieldId(ref));
    const all: Finding[] = local
      ? [
          {
            code: 'amount-invalid',
            severity: 'error',
            location: { section: ref.section, field: ref.field },
            message: local,
          },
          ...found,
        ]
      : found;
    return { ...markAttrs(all, ref), text: renderMark(all, ref, this.locale) };
  }

  /** Findings about a whole section rather than one row (e.g. "no target groups", market shares). */
  protected sectionMarks(section: Section): TemplateResult | typeof nothing {
    const found = this.findings.filter((f) => f.location.section === section && f.location.rowId === undefined);
    return found.length
      ? html`<div class="section-marks">${renderMark(found, { section, field: 'section' }, this.locale)}</div>`
      : nothing;
  }

  focusField(location: FindingLocation): boolean {
    return focusControl(this.renderRoot as ShadowRoot, location);
  }

  /** A row just added appears only when the owner hands back the new plan: focus it then. */
  private pendingFocus: FindingLocation | null = null;

  protected focusWhenShown(location: FindingLocation): void {
    this.pendingFocus = location;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pendingFocus && changed.has('plan')) {
      this.focusField(this.pendingFocus);
      this.pendingFocus = null;
    }
  }

  protected override render(): unknown {
    return html``;
  }
}
