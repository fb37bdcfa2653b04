import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TargetGroup } from '../../src/model/target-group.ts';
import type { UiKey } from '../../src/i18n/index.ts';
import { SectionElement } from '../shared/section-element.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles } from '../shared/form.styles.ts';
import { fieldId, type FieldRef } from '../shared/field-findings.ts';
import { newId } from '../shared/new-id.ts';
import { formatPostcodes, parsePostcodes } from './postcodes.ts';
import { readWholeNumber, wholeNumberToText } from './whole-number.ts';
import { dateToText, readDate } from '../plan-details/date-text.ts';
import { typedValue } from '../shared/typed-value.ts';

/**
 * The plan's target groups, one card each: name, care characteristics, service area as PC4
 * postcodes and ranges typed as text ("5611, 5612-5658"), estimated size and reference date.
 * It has no slots: the planner gives it its heading and hint.
 *
 * @event rp-edit - `{ ops: PlanOp[] }` for each committed change, add or remove; bubbles, composed.
 *
 * @cssprop --rp-color-bg - Background of fields and buttons.
 * @cssprop --rp-color-surface - Read-only fields and table headers.
 * @cssprop --rp-color-text - Text.
 * @cssprop --rp-color-text-muted - Labels and hints.
 * @cssprop --rp-color-border - Border of fields and tables.
 * @cssprop --rp-color-accent - Focus ring and primary buttons.
 * @cssprop --rp-color-error - Frame and finding text of fields with an error (on --rp-color-error-bg).
 * @cssprop --rp-color-warning - Frame and finding text of fields with a warning (on --rp-color-warning-bg).
 * @cssprop --rp-radius - Corner radius of fields and buttons.
 * @cssprop --rp-space - Gap between fields.
 *
 * @csspart field-finding - The finding text shown under a field.
 */
@customElement('rp-target-groups')
export class RpTargetGroups extends SectionElement {
  static override styles = [
    tokens,
    formStyles,
    css`
      .group {
        border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75rem 1rem 0.25rem;
        margin-bottom: 0.75rem; background: var(--_bg);
      }
      .group > legend { padding: 0 0.25rem; margin-bottom: 0; }
      .group-head { display: flex; justify-content: flex-end; margin-bottom: 0.25rem; }
      :host { container-type: inline-size; }
      @container (min-width: 44rem) {
        .group .fields { grid-template-columns: repeat(3, minmax(0, 1fr)); }
        .group .field.wide { grid-column: span 1; }
        .group .field.characteristics { grid-column: span 2; }
      }
    `,
  ];

  private ref(row: string, field: string): FieldRef {
    return { section: 'targetGroups', rowId: row, field };
  }

  private patch(id: string, patch: Partial<TargetGroup>): void {
    this.emit([{ op: 'update-row', collection: 'targetGroups', id, patch }]);
  }

  private add(): void {
    const row: TargetGroup = {
      id: newId('tg'),
      name: '',
      characteristics: '',
      postcodes: [],
      estimatedSize: null,
      referenceDate: null,
    };
    this.emit([{ op: 'insert-row', collection: 'targetGroups', row }]);
    this.focusWhenShown({ section: 'targetGroups', rowId: row.id, field: 'name' });
  }

  /** Typed dates that could not be read, kept so they can be corrected (the plan keeps its old value). */
  private dateDrafts = new Map<string, string>();

  /** A reference date typed as text: stored only when complete and real, else an error at the field. */
  private commitDate(g: TargetGroup, ref: FieldRef, text: string): void {
    const read = readDate(text);
    if (read.ok) this.dateDrafts.delete(fieldId(ref));
    else this.dateDrafts.set(fieldId(ref), text);
    this.setInputError(ref, read.ok ? null : read.error);
    if (read.ok && read.value !== g.referenceDate) this.patch(g.id, { referenceDate: read.value });
  }

  private removeRow(id: string): void {
    this.emit([{ op: 'remove-row', collection: 'targetGroups', id }]);
  }

  private field(
    g: TargetGroup,
    field: string,
    label: UiKey,
    control: (ref: FieldRef, m: ReturnType<SectionElement['mark']>, hintId?: string) => TemplateResult,
    opts: { wide?: boolean; hint?: UiKey; cls?: string } = {},
  ): TemplateResult {
    const ref = this.ref(g.id, field);
    const m = this.mark(ref);
    const hintId = opts.hint ? `${fieldId(ref)}-hint` : undefined;
    return html`<div class="field ${opts.wide ? 'wide' : ''} ${opts.cls ?? ''}">
      <label for=${fieldId(ref)}>${this.t(label)}</label>
      ${control(ref, m, hintId)}
      ${opts.hint ? html`<p class="hint" id=${hintId!}>${this.t(opts.hint)}</p>` : nothing}
      ${m.text}
    </div>`;
  }

  private describedBy(m: ReturnType<SectionElement['mark']>, hintId?: string): string | typeof nothing {
    const ids = [hintId ?? '', typeof m.describedBy === 'string' ? m.describedBy : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private group(g: TargetGroup, index: number): TemplateResult {
    const title = g.name || this.t('targetGroups.unnamed', { n: index + 1 });
    return html`<fieldset class="group">
      <legend>${title}</legend>
      ${
        this.readonly
          ? nothing
          : html`<div class="group-head">
            <button type="button" class="icon" @click=${() => this.removeRow(g.id)}>${this.t('targetGroups.remove', { name: title })}</button>
          </div>`
      }
      <div class="fields">
        ${this.field(
          g,
          'name',
          'targetGroups.name',
          (ref, m) => html`<input id=${fieldId(ref)} type="text" maxlength="200"
          class=${m.cls} data-section="targetGroups" data-row=${g.id} data-field="name" .value=${typedValue(g.name)} ?readonly=${this.readonly}
          aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
          @change=${(e: Event) => this.patch(g.id, { name: (e.target as HTMLInputElement).value })} />`,
        )}
        ${this.field(
          g,
          'estimatedSize',
          'targetGroups.estimatedSize',
          (ref, m) => html`<input id=${fieldId(ref)} type="text"
          inputmode="numeric" class=${m.cls} data-section="targetGroups" data-row=${g.id} data-field="estimatedSize"
          .value=${typedValue(wholeNumberToText(g.estimatedSize, this.locale))} ?readonly=${this.readonly}
          aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
          @change=${(e: Event) => this.commitSize(g, ref, (e.target as HTMLInputElement).value)} />`,
        )}
        ${this.field(
          g,
          'referenceDate',
          'targetGroups.referenceDate',
          (ref, m) => html`<input id=${fieldId(ref)} type="text"
          inputmode="numeric" autocomplete="off" placeholder=${this.t('date.placeholder')}
          class=${m.cls} data-section="targetGroups" data-row=${g.id} data-field="referenceDate"
          .value=${typedValue(this.dateDrafts.get(fieldId(ref)) ?? dateToText(g.referenceDate))} ?readonly=${this.readonly}
          aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
          @change=${(e: Event) => this.commitDate(g, ref, (e.target as HTMLInputElement).value)} />`,
        )}
        ${this.field(
          g,
          'characteristics',
          'targetGroups.characteristics',
          (ref, m) => html`<textarea id=${fieldId(ref)} rows="2"
          maxlength="4000" class=${m.cls} data-section="targetGroups" data-row=${g.id} data-field="characteristics"
          .value=${typedValue(g.characteristics)} ?readonly=${this.readonly}
          aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
          @change=${(e: Event) => this.patch(g.id, { characteristics: (e.target as HTMLTextAreaElement).value })}></textarea>`,
          { wide: true, cls: 'characteristics' },
        )}
        ${this.field(
          g,
          'postcodes',
          'targetGroups.postcodes',
          (ref, m, hintId) => html`<textarea id=${fieldId(ref)} rows="2"
          class=${m.cls} data-section="targetGroups" data-row=${g.id} data-field="postcodes"
          .value=${typedValue(formatPostcodes(g.postcodes))} ?readonly=${this.readonly}
          aria-invalid=${m.invalid} aria-describedby=${this.describedBy(m, hintId)}
          @change=${(e: Event) => this.patch(g.id, { postcodes: parsePostcodes((e.target as HTMLTextAreaElement).value).slice(0, 2000) })}></textarea>`,
          { wide: true, hint: 'targetGroups.postcodes.hint' },
        )}
      </div>
    </fieldset>`;
  }

  private commitSize(g: TargetGroup, ref: FieldRef, text: string): void {
    const n = readWholeNumber(text, this.locale);
    if (n === undefined) {
      this.setInputError(ref, this.bilingual('form.notAWholeNumber', { value: text.trim().slice(0, 24) }));
      return;
    }
    this.setInputError(ref, null);
    if (n !== g.estimatedSize) this.patch(g.id, { estimatedSize: n });
  }

  protected override render(): unknown {
    const plan = this.plan;
    if (!plan) return html``;
    return html`
      ${this.sectionMarks('targetGroups')}
      ${plan.targetGroups.length === 0 ? html`<p class="empty">${this.t('targetGroups.empty')}</p>` : nothing}
      ${repeat(
        plan.targetGroups,
        (g) => g.id,
        (g, i) => this.group(g, i),
      )}
      ${this.readonly ? nothing : html`<button type="button" class="primary" @click=${() => this.add()}>${this.t('targetGroups.add')}</button>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-target-groups': RpTargetGroups;
  }
}
