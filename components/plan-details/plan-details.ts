import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { PlanField } from '../../src/model/ops.ts';
import { PaymentTitle, ExecutionModel, type Clauses } from '../../src/model/plan.ts';
import { Granularity } from '../../src/model/activities.ts';
import type { UiKey } from '../../src/i18n/index.ts';
import { SectionElement } from '../shared/section-element.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles } from '../shared/form.styles.ts';
import { fieldId, type FieldRef } from '../shared/field-findings.ts';

const CLAUSES: readonly (keyof Clauses)[] = ['declaration', 'informationExchange', 'evaluation', 'controls', 'quality', 'doubleFunding'];
const TEXT_FIELDS = ['name', 'region', 'collaboration'] as const;

/**
 * The plan's own details as an accessible form: identity, payment title and other titles, deductible,
 * period and payment granularity, market-share reference date, execution model and lead organisation,
 * and the free-text clauses of the contract annex. Text commits on `change` (leaving the field or Enter).
 * It has no slots: the planner gives it its heading and hint.
 *
 * @event rp-edit - `{ ops: PlanOp[] }` for each committed change; bubbles, composed.
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
@customElement('rp-plan-details')
export class RpPlanDetails extends SectionElement {
  static override styles = [
    tokens,
    formStyles,
    css`
      details { border-top: 1px solid var(--_border); padding-top: 0.75rem; }
      summary { cursor: pointer; font-weight: 600; margin-bottom: 0.75rem; }
      .lead[hidden] { display: none; }
    `,
  ];

  private ref(field: string): FieldRef {
    return { section: 'plan', field };
  }

  private set(field: PlanField, value: unknown): void {
    this.emit([{ op: 'set-field', field, value } as never]);
  }

  private textField(field: (typeof TEXT_FIELDS)[number], label: UiKey): TemplateResult {
    const plan = this.plan!;
    const ref = this.ref(field);
    const m = this.mark(ref);
    return html`<div class="field">
      <label for=${fieldId(ref)}>${this.t(label)}</label>
      <input id=${fieldId(ref)} type="text" maxlength="200" class=${m.cls}
        data-section="plan" data-field=${field}
        .value=${live(plan[field])} ?readonly=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @change=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)} />
      ${m.text}
    </div>`;
  }

  private selectField<T extends string>(field: PlanField, label: UiKey, options: readonly T[], labelPrefix: string, value: T): TemplateResult {
    const ref = this.ref(field);
    const m = this.mark(ref);
    return html`<div class="field">
      <label for=${fieldId(ref)}>${this.t(label)}</label>
      <select id=${fieldId(ref)} class=${m.cls} data-section="plan" data-field=${field} ?disabled=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${this.t(`${labelPrefix}.${o}` as UiKey)}</option>`)}
      </select>
      ${m.text}
    </div>`;
  }

  private dateField(field: string, label: UiKey, value: string | null, commit: (v: string | null) => void, hint?: UiKey): TemplateResult {
    const ref = this.ref(field);
    const m = this.mark(ref);
    const hintId = `${fieldId(ref)}-hint`;
    const describedBy = [hint ? hintId : '', typeof m.describedBy === 'string' ? m.describedBy : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${fieldId(ref)}>${this.t(label)}</label>
      <input id=${fieldId(ref)} type="date" class=${m.cls} data-section="plan" data-field=${field}
        .value=${live(value ?? '')} ?readonly=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          commit(v === '' ? null : v);
        }} />
      ${hint ? html`<p class="hint" id=${hintId}>${this.t(hint)}</p>` : ''}
      ${m.text}
    </div>`;
  }

  private otherTitles(): TemplateResult {
    const plan = this.plan!;
    const ref = this.ref('otherTitles');
    const m = this.mark(ref);
    const toggle = (title: string, on: boolean) => {
      const next = PaymentTitle.options.filter((o) => (o === title ? on : plan.otherTitles.includes(o)));
      this.set('otherTitles', next);
    };
    return html`<fieldset class="field wide" aria-describedby=${`${fieldId(ref)}-hint`}>
      <legend class="label">${this.t('details.otherTitles')}</legend>
      <p class="hint" id=${`${fieldId(ref)}-hint`}>${this.t('details.otherTitles.hint')}</p>
      <div class="checks">
        ${PaymentTitle.options
          .filter((o) => o !== plan.paymentTitle)
          .map((o, i) => html`<label class="check">
            <input type="checkbox" data-section="plan" data-field=${i === 0 ? 'otherTitles' : `otherTitles.${o}`}
              .checked=${live(plan.otherTitles.includes(o))} ?disabled=${this.readonly}
              aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
              @change=${(e: Event) => toggle(o, (e.target as HTMLInputElement).checked)} />
            ${this.t(`paymentTitle.${o}` as UiKey)}</label>`)}
      </div>
      ${m.text}
    </fieldset>`;
  }

  private leadField(): TemplateResult {
    const plan = this.plan!;
    const ref = this.ref('leadProviderId');
    const m = this.mark(ref);
    return html`<div class="field">
      <label for=${fieldId(ref)}>${this.t('details.leadProvider')}</label>
      <select id=${fieldId(ref)} class=${m.cls} data-section="plan" data-field="leadProviderId" ?disabled=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.set('leadProviderId', v === '' ? null : v);
        }}>
        <option value="" ?selected=${plan.leadProviderId === null}>${this.t('form.none')}</option>
        ${plan.providers.map((p) => html`<option value=${p.id} ?selected=${p.id === plan.leadProviderId}>${p.name || p.id}</option>`)}
      </select>
      ${m.text}
    </div>`;
  }

  private clauses(): TemplateResult {
    const plan = this.plan!;
    const anyMarked = CLAUSES.some((c) => this.mark(this.ref(`clauses.${c}`)).invalid === 'true');
    return html`<details ?open=${anyMarked}>
      <summary>${this.t('details.clauses')}</summary>
      <div class="fields">
        ${CLAUSES.map((c) => {
          const ref = this.ref(`clauses.${c}`);
          const m = this.mark(ref);
          return html`<div class="field">
            <label for=${fieldId(ref)}>${this.t(`details.clause.${c}` as UiKey)}</label>
            <textarea id=${fieldId(ref)} rows="3" maxlength="20000" class=${m.cls} data-section="plan" data-field=${`clauses.${c}`}
              .value=${live(plan.clauses[c])} ?readonly=${this.readonly}
              aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
              @change=${(e: Event) => this.set('clauses', { ...plan.clauses, [c]: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${m.text}
          </div>`;
        })}
      </div>
    </details>`;
  }

  protected override render(): unknown {
    const plan = this.plan;
    if (!plan) return html``;
    return html`
      <fieldset>
        <legend>${this.t('details.identity')}</legend>
        <div class="fields">
          ${this.textField('name', 'details.name')}
          ${this.textField('region', 'details.region')}
          ${this.textField('collaboration', 'details.collaboration')}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('details.payment')}</legend>
        <div class="fields">
          ${this.selectField('paymentTitle', 'details.paymentTitle', PaymentTitle.options, 'paymentTitle', plan.paymentTitle)}
          <div class="field">
            <span class="label" aria-hidden="true">&nbsp;</span>
            ${this.deductible()}
          </div>
          ${this.otherTitles()}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('details.period')}</legend>
        <div class="fields">
          ${this.dateField('period.start', 'details.periodStart', plan.period.start, (v) => v && this.set('period', { ...plan.period, start: v }))}
          ${this.dateField('period.end', 'details.periodEnd', plan.period.end, (v) => v && this.set('period', { ...plan.period, end: v }))}
          ${this.selectField('granularity', 'details.granularity', Granularity.options, 'granularity', plan.granularity)}
          ${this.dateField('marketShareDate', 'details.marketShareDate', plan.marketShareDate, (v) => this.set('marketShareDate', v), 'details.marketShareDate.hint')}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('details.execution')}</legend>
        <div class="fields">
          ${this.selectField('executionModel', 'details.executionModel', ExecutionModel.options, 'executionModel', plan.executionModel)}
          ${this.leadField()}
        </div>
      </fieldset>
      ${this.clauses()}
    `;
  }

  private deductible(): TemplateResult {
    const plan = this.plan!;
    const ref = this.ref('deductibleCharged');
    const m = this.mark(ref);
    return html`<label class="check">
        <input type="checkbox" data-section="plan" data-field="deductibleCharged"
          .checked=${live(plan.deductibleCharged)} ?disabled=${this.readonly}
          aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
          @change=${(e: Event) => this.set('deductibleCharged', (e.target as HTMLInputElement).checked)} />
        ${this.t('details.deductibleCharged')}</label>
      ${m.text}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-plan-details': RpPlanDetails;
  }
}
