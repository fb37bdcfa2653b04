import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { PlanField } from '../../src/model/ops.ts';
import { PaymentTitle, ExecutionModel, type Clauses } from '../../src/model/plan.ts';
import { Granularity } from '../../src/model/activities.ts';
import type { UiKey } from '../../src/i18n/index.ts';
import type { Msg } from '../../src/i18n/locale.ts';
import { SectionElement } from '../shared/section-element.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles } from '../shared/form.styles.ts';
import { fieldId, type FieldRef } from '../shared/field-findings.ts';
import { decimalToText, readDecimal } from '../shared/decimal-text.ts';
import { dateToText, readDate } from './date-text.ts';
import { marketShareFields } from './market-share-fields.ts';
import { agreementFields } from './agreement-fields.ts';
import { typedValue } from '../shared/typed-value.ts';

const CLAUSES: readonly (keyof Clauses)[] = [
  'declaration',
  'informationExchange',
  'evaluation',
  'controls',
  'quality',
  'doubleFunding',
];
type TextField = 'name' | 'region' | 'collaboration';

/**
 * The plan's own details as an accessible form: identity, payment title and other titles, deductible,
 * period and payment granularity, execution model and lead organisation (named by the model), the
 * insurers' market shares as the handleiding defines them (reference date, total of insured in the
 * area, agreed definition, later calendar years), the §4 agreements (patients' representation,
 * evaluation moments) and the free-text clauses of the contract annex. Text commits on `change`
 * (leaving the field or Enter); a date or number that cannot be read is not stored and says why at
 * the field.
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
      .lead[hidden] { display: none; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 0.25rem; vertical-align: top; }
      th { font-size: 0.875em; font-weight: 500; color: var(--_muted); }
      .moments td:first-child { width: 11rem; }
      .moments td:last-child { width: 3rem; }
    `,
  ];

  /** Text typed into a date or number field that could not be read, kept so it can be corrected. */
  private drafts = new Map<string, string>();

  private ref(field: string): FieldRef {
    return { section: 'plan', field };
  }

  /** @internal for market-share-fields.ts */
  set(field: PlanField, value: unknown): void {
    this.emit([{ op: 'set-field', field, value } as never]);
  }

  private textField(field: TextField, label: UiKey): TemplateResult {
    const plan = this.plan!;
    const ref = this.ref(field);
    const m = this.mark(ref);
    return html`<div class="field">
      <label for=${fieldId(ref)}>${this.t(label)}</label>
      <input id=${fieldId(ref)} type="text" maxlength="200" class=${m.cls}
        data-section="plan" data-field=${field}
        .value=${typedValue(plan[field])} ?readonly=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @change=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)} />
      ${m.text}
    </div>`;
  }

  private selectField<T extends string>(
    field: PlanField,
    label: UiKey,
    options: readonly T[],
    labelPrefix: string,
    value: T,
  ): TemplateResult {
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

  /** @internal A date typed as text (dd-mm-jjjj or ISO), stored only when complete and real. */
  dateField(
    field: string,
    label: string,
    value: string | null,
    commit: (v: string | null) => void,
    hint?: UiKey,
  ): TemplateResult {
    return this.readField(field, label, value, dateToText(value), readDate, commit, hint, this.t('date.placeholder'));
  }

  /** @internal A whole number typed in either locale; empty is null. */
  numberField(
    field: string,
    label: string,
    value: string | null,
    commit: (v: string | null) => void,
    hint?: UiKey,
  ): TemplateResult {
    return this.readField(
      field,
      label,
      value,
      decimalToText(value, this.locale),
      (text) => readDecimal(text, this.locale, 'number'),
      commit,
      hint,
    );
  }

  /**
   * A typed value read on change: stored only when it reads, else the text stays for correcting
   * and the reason shows at the field (the plan keeps its old value).
   */
  private readField(
    field: string,
    label: string,
    value: string | null,
    shown: string,
    read: (text: string) => { ok: true; value: string | null } | { ok: false; error: Msg },
    commit: (v: string | null) => void,
    hint?: UiKey,
    placeholder?: string,
  ): TemplateResult {
    const ref = this.ref(field);
    const m = this.mark(ref);
    const id = fieldId(ref);
    const hintId = `${id}-hint`;
    const describedBy = [hint ? hintId : '', typeof m.describedBy === 'string' ? m.describedBy : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type="text" inputmode="numeric" autocomplete="off" class=${m.cls} data-section="plan" data-field=${field}
        placeholder=${placeholder ?? nothing} .value=${typedValue(this.drafts.get(id) ?? shown)} ?readonly=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          const result = read(text);
          if (result.ok) this.drafts.delete(id);
          else this.drafts.set(id, text);
          this.setInputError(ref, result.ok ? null : result.error);
          if (result.ok && result.value !== value) commit(result.value);
        }} />
      ${hint ? html`<p class="hint" id=${hintId}>${this.t(hint)}</p>` : ''}
      ${m.text}
    </div>`;
  }

  /** @internal A long text field committed on change. */
  textArea(field: string, label: UiKey, value: string, commit: (v: string) => void, hint?: UiKey): TemplateResult {
    const ref = this.ref(field);
    const m = this.mark(ref);
    const id = fieldId(ref);
    const hintId = `${id}-hint`;
    const describedBy = [hint ? hintId : '', typeof m.describedBy === 'string' ? m.describedBy : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field wide">
      <label for=${id}>${this.t(label)}</label>
      <textarea id=${id} rows="3" maxlength="20000" class=${m.cls} data-section="plan" data-field=${field}
        .value=${typedValue(value)} ?readonly=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => commit((e.target as HTMLTextAreaElement).value)}></textarea>
      ${hint ? html`<p class="hint" id=${hintId}>${this.t(hint)}</p>` : ''}
      ${m.text}
    </div>`;
  }

  /** @internal */
  tr(key: UiKey, vars?: Record<string, string | number>): string {
    return this.t(key, vars);
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
          .map(
            (o, i) => html`<label class="check">
            <input type="checkbox" data-section="plan" data-field=${i === 0 ? 'otherTitles' : `otherTitles.${o}`}
              .checked=${live(plan.otherTitles.includes(o))} ?disabled=${this.readonly}
              aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
              @change=${(e: Event) => toggle(o, (e.target as HTMLInputElement).checked)} />
            ${this.t(`paymentTitle.${o}` as UiKey)}</label>`,
          )}
      </div>
      ${m.text}
    </fieldset>`;
  }

  private leadField(): TemplateResult {
    const plan = this.plan!;
    const ref = this.ref('leadProviderId');
    const m = this.mark(ref);
    const model = plan.executionModel;
    const led = model === 'main-contractor' || model === 'cashier';
    // Hidden for equal partners unless one is still chosen (a finding asks to clear it).
    if (!led && plan.leadProviderId === null) return html``;
    return html`<div class="field">
      <label for=${fieldId(ref)}>${this.t(led ? `details.lead.${model}` : 'details.leadProvider')}</label>
      <select id=${fieldId(ref)} class=${m.cls} data-section="plan" data-field="leadProviderId" ?disabled=${this.readonly}
        aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.set('leadProviderId', v === '' ? null : v);
        }}>
        <option value="" ?selected=${plan.leadProviderId === null}>${this.t('form.none')}</option>
        ${plan.providers.map((p, i) => html`<option value=${p.id} ?selected=${p.id === plan.leadProviderId}>${p.name || this.t('details.unnamedProvider', { row: i + 1 })}</option>`)}
      </select>
      ${led ? html`<p class="hint">${this.t(`details.lead.hint.${model}`)}</p>` : ''}
      ${m.text}
    </div>`;
  }

  private clauses(): TemplateResult {
    const plan = this.plan!;
    // Always open: the clauses are what the annex says, and the export menu links to each one.
    return html`<fieldset>
      <legend>${this.t('details.clauses')}</legend>
      <div class="fields">
        ${CLAUSES.map((c) => {
          const ref = this.ref(`clauses.${c}`);
          const m = this.mark(ref);
          return html`<div class="field">
            <label for=${fieldId(ref)}>${this.t(`details.clause.${c}` as UiKey)}</label>
            <textarea id=${fieldId(ref)} rows="3" maxlength="20000" class=${m.cls} data-section="plan" data-field=${`clauses.${c}`}
              .value=${typedValue(plan.clauses[c])} ?readonly=${this.readonly}
              aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
              @change=${(e: Event) => this.set('clauses', { ...plan.clauses, [c]: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${m.text}
          </div>`;
        })}
      </div>
    </fieldset>`;
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
          ${this.dateField('period.start', this.t('details.periodStart'), plan.period.start, (v) => v && this.set('period', { ...plan.period, start: v }))}
          ${this.dateField('period.end', this.t('details.periodEnd'), plan.period.end, (v) => v && this.set('period', { ...plan.period, end: v }))}
          ${this.selectField('granularity', 'details.granularity', Granularity.options, 'granularity', plan.granularity)}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('details.execution')}</legend>
        <div class="fields">
          ${this.selectField('executionModel', 'details.executionModel', ExecutionModel.options, 'executionModel', plan.executionModel)}
          ${this.leadField()}
        </div>
      </fieldset>
      ${marketShareFields(this, plan)}
      ${agreementFields(this, plan)}
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
