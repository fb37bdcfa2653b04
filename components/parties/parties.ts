import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ProviderRole, FunderKind, type Provider, type Funder, type FunderShare } from '../../src/model/parties.ts';
import type { Domain } from '../../src/model/catalogue.ts';
import type { Collection } from '../../src/model/ops.ts';
import type { UiKey } from '../../src/i18n/index.ts';
import { SectionElement } from '../shared/section-element.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles } from '../shared/form.styles.ts';
import { fieldId, type FieldRef } from '../shared/field-findings.ts';
import { newId } from '../shared/new-id.ts';
import { decimalToText, readDecimal } from '../shared/decimal-text.ts';
import { typedValue } from '../shared/typed-value.ts';

type Mark = ReturnType<SectionElement['mark']>;

/**
 * Providers (name, AGB, domain, sector, role, contribution, share) and funders (name, kind, UZOVI,
 * domain, market share as a count or a percentage), each as an editable table with add and remove.
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
@customElement('rp-parties')
export class RpParties extends SectionElement {
  static override styles = [
    tokens,
    formStyles,
    css`
      h4 { font-size: 1em; margin: 0 0 0.5rem; }
      .block { margin-bottom: 1.5rem; }
      .section-marks { margin-bottom: 0.5rem; }
    `,
  ];

  /** Refused text of a share field (by field id), shown instead of the stored value until corrected. */
  private drafts = new Map<string, string>();

  /** Forgets what was refused in a field whose kind changed (a funder share set to another basis). */
  private dropDraft(ref: FieldRef): void {
    this.drafts.delete(fieldId(ref));
    this.setInputError(ref, null);
  }

  private patch(collection: 'providers' | 'funders', id: string, patch: Partial<Provider> | Partial<Funder>): void {
    this.emit([{ op: 'update-row', collection, id, patch }]);
  }

  private removeRow(collection: Collection, id: string): void {
    this.emit([{ op: 'remove-row', collection, id }]);
  }

  private defaultDomain(kind: 'zvw' | 'any'): Domain | undefined {
    const domains = this.plan?.domains ?? [];
    return (kind === 'zvw' ? domains.find((d) => d.kind === 'zvw') : undefined) ?? domains[0];
  }

  private addProvider(): void {
    const domain = this.defaultDomain('any');
    const row: Provider = {
      id: newId('p'),
      name: '',
      agb: '',
      domainId: domain?.id ?? 'zvw',
      sectorId: domain?.sectors[0]?.id ?? null,
      role: 'partner',
      contribution: '',
      share: null,
    };
    this.emit([{ op: 'insert-row', collection: 'providers', row }]);
    this.focusWhenShown({ section: 'providers', rowId: row.id, field: 'name' });
  }

  private addFunder(): void {
    const domain = this.defaultDomain('zvw');
    const row: Funder = {
      id: newId('f'),
      name: '',
      kind: 'insurer',
      uzovi: '',
      domainId: domain?.id ?? 'zvw',
      share: null,
    };
    this.emit([{ op: 'insert-row', collection: 'funders', row }]);
    this.focusWhenShown({ section: 'funders', rowId: row.id, field: 'name' });
  }

  private text(
    section: 'providers' | 'funders',
    row: Provider | Funder,
    field: 'name' | 'agb' | 'uzovi' | 'contribution',
    label: string,
    max: number,
  ): TemplateResult {
    const ref: FieldRef = { section, rowId: row.id, field };
    const m = this.mark(ref);
    const value = (row as Record<string, unknown>)[field] as string;
    return this.cell(
      m,
      html`<input id=${fieldId(ref)} type="text" maxlength=${max} class=${m.cls}
      data-section=${section} data-row=${row.id} data-field=${field} aria-label=${label}
      .value=${typedValue(value)} ?readonly=${this.readonly} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
      @change=${(e: Event) => this.patch(section, row.id, { [field]: (e.target as HTMLInputElement).value })} />`,
      field === 'name' ? 'name' : field === 'agb' || field === 'uzovi' ? 'narrow' : 'wide',
    );
  }

  private cell(m: Mark, control: TemplateResult, cls = ''): TemplateResult {
    return html`<td class=${cls}>${control}${m.text}</td>`;
  }

  private select(
    section: 'providers' | 'funders',
    row: Provider | Funder,
    field: string,
    label: string,
    options: readonly { value: string; label: string }[],
    value: string,
    onChange: (v: string) => void,
    disabled = false,
  ): TemplateResult {
    const ref: FieldRef = { section, rowId: row.id, field };
    const m = this.mark(ref);
    return this.cell(
      m,
      html`<select id=${fieldId(ref)} class=${m.cls} data-section=${section} data-row=${row.id} data-field=${field}
      aria-label=${label} ?disabled=${this.readonly || disabled} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>`,
    );
  }

  private decimalCell(
    section: 'providers' | 'funders',
    row: Provider | Funder,
    field: string,
    label: string,
    value: string | null,
    kind: 'percent' | 'number',
    commit: (v: string | null) => void,
    disabled = false,
  ): TemplateResult {
    const ref: FieldRef = { section, rowId: row.id, field };
    const m = this.mark(ref);
    return this.cell(
      m,
      html`<input id=${fieldId(ref)} type="text" inputmode="decimal" class=${m.cls}
      data-section=${section} data-row=${row.id} data-field=${field} aria-label=${label}
      .value=${typedValue(this.drafts.get(fieldId(ref)) ?? decimalToText(value, this.locale))} ?readonly=${this.readonly}
      ?disabled=${disabled} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
      @change=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        const read = readDecimal(text, this.locale, kind);
        // Refused text stays in the field beside its message; readable text (also an emptied
        // field) clears both, so no message outlives the text it is about.
        if (read.ok) this.drafts.delete(fieldId(ref));
        else this.drafts.set(fieldId(ref), text);
        this.setInputError(ref, read.ok ? null : read.error);
        if (read.ok && read.value !== value) commit(read.value);
      }} />`,
      'narrow',
    );
  }

  private rowName(row: Provider | Funder): string {
    return row.name || this.t('parties.unnamed');
  }

  private removeCell(collection: 'providers' | 'funders', row: Provider | Funder): TemplateResult | typeof nothing {
    if (this.readonly) return nothing;
    return html`<td><button type="button" class="icon" aria-label=${this.t('parties.removeRow', { name: this.rowName(row) })}
      title=${this.t('parties.removeRow', { name: this.rowName(row) })} @click=${() => this.removeRow(collection, row.id)}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="currentColor"><path d="M6 2h4l.5 1H14v1.5H2V3h3.5L6 2zm-2.5 4h9l-.7 8.2a1 1 0 0 1-1 .8H5.2a1 1 0 0 1-1-.8L3.5 6z"/></svg>
    </button></td>`;
  }

  private label(column: UiKey, row: Provider | Funder): string {
    return `${this.t(column)}, ${this.rowName(row)}`;
  }

  private domainOptions(): { value: string; label: string }[] {
    return (this.plan?.domains ?? []).map((d) => ({ value: d.id, label: d.name }));
  }

  private providerRow(p: Provider): TemplateResult {
    const domain = this.plan!.domains.find((d) => d.id === p.domainId);
    const sectors = domain?.sectors ?? [];
    const sectorOptions = sectors.length
      ? sectors.map((s) => ({ value: s.id, label: s.name }))
      : [{ value: '', label: this.t('parties.noSector') }];
    return html`<tr>
      ${this.text('providers', p, 'name', this.label('parties.name', p), 200)}
      ${this.text('providers', p, 'agb', this.label('parties.agb', p), 20)}
      ${this.select(
        'providers',
        p,
        'domainId',
        this.label('parties.domain', p),
        this.domainOptions(),
        p.domainId,
        (v) => {
          const next = this.plan!.domains.find((d) => d.id === v);
          this.patch('providers', p.id, { domainId: v, sectorId: next?.sectors[0]?.id ?? null });
        },
      )}
      ${this.select(
        'providers',
        p,
        'sectorId',
        this.label('parties.sector', p),
        sectorOptions,
        p.sectorId ?? '',
        (v) => this.patch('providers', p.id, { sectorId: v === '' ? null : v }),
        sectors.length === 0,
      )}
      ${this.select(
        'providers',
        p,
        'role',
        this.label('parties.role', p),
        ProviderRole.options.map((r) => ({ value: r, label: this.t(this.roleLabel(r)) })),
        p.role,
        (v) => this.patch('providers', p.id, { role: v as Provider['role'] }),
      )}
      ${this.text('providers', p, 'contribution', this.label('parties.contribution', p), 2000)}
      ${this.decimalCell('providers', p, 'share', this.label('parties.share', p), p.share, 'percent', (v) =>
        this.patch('providers', p.id, { share: v }),
      )}
      ${this.removeCell('providers', p)}
    </tr>`;
  }

  /** Under a main contractor the other providers are its subcontractors (onderaannemers). */
  private roleLabel(role: Provider['role']): UiKey {
    return role === 'partner' && this.plan?.executionModel === 'main-contractor'
      ? 'role.subcontractor'
      : `role.${role}`;
  }

  /** An insurer's count is of insured persons, a municipality's of inhabitants; percentages are of all of them in the area. */
  private basisLabel(basis: 'none' | 'count' | 'percent', f: Funder): UiKey {
    if (basis === 'none') return 'shareBasis.none';
    const who = f.kind === 'insurer' ? 'insured' : f.kind === 'municipality' ? 'inhabitants' : 'other';
    return `shareBasis.${basis}.${who}`;
  }

  private funderRow(f: Funder): TemplateResult {
    const basis = f.share?.basis ?? 'none';
    const shareValue = f.share === null ? null : f.share.basis === 'count' ? f.share.count : f.share.percent;
    const setShare = (b: string, v: string | null): void => {
      const share: FunderShare | null =
        b === 'count'
          ? { basis: 'count', count: v ?? '0' }
          : b === 'percent'
            ? { basis: 'percent', percent: v ?? '0' }
            : null;
      this.patch('funders', f.id, { share });
    };
    return html`<tr>
      ${this.text('funders', f, 'name', this.label('parties.name', f), 200)}
      ${this.select(
        'funders',
        f,
        'kind',
        this.label('parties.kind', f),
        FunderKind.options.map((k) => ({ value: k, label: this.t(`funderKind.${k}` as UiKey) })),
        f.kind,
        (v) => this.patch('funders', f.id, { kind: v as Funder['kind'] }),
      )}
      ${this.text('funders', f, 'uzovi', this.label('parties.uzovi', f), 10)}
      ${this.select('funders', f, 'domainId', this.label('parties.domain', f), this.domainOptions(), f.domainId, (v) =>
        this.patch('funders', f.id, { domainId: v }),
      )}
      ${this.select(
        'funders',
        f,
        'shareBasis',
        this.label('parties.shareBasis', f),
        (['none', 'count', 'percent'] as const).map((b) => ({ value: b, label: this.t(this.basisLabel(b, f)) })),
        basis,
        (v) => {
          this.dropDraft({ section: 'funders', rowId: f.id, field: 'share' });
          setShare(v, v === 'none' ? null : shareValue);
        },
      )}
      ${this.decimalCell(
        'funders',
        f,
        'share',
        this.label('parties.shareValue', f),
        shareValue,
        basis === 'percent' ? 'percent' : 'number',
        (v) => setShare(basis, v),
        basis === 'none',
      )}
      ${this.removeCell('funders', f)}
    </tr>`;
  }

  protected override render(): unknown {
    const plan = this.plan;
    if (!plan) return html``;
    const th = (k: UiKey) => html`<th scope="col">${this.t(k)}</th>`;
    const actions = this.readonly
      ? nothing
      : html`<th scope="col"><span class="visually-hidden">${this.t('parties.actions')}</span></th>`;
    return html`
      <div class="block">
        <h4 id="providers-title">${this.t('parties.providers')}</h4>
        ${this.sectionMarks('providers')}
        ${
          plan.providers.length === 0
            ? html`<p class="empty">${this.t('parties.providers.empty')}</p>`
            : html`<div class="table-wrap"><table aria-labelledby="providers-title">
              <thead><tr>${th('parties.name')}${th('parties.agb')}${th('parties.domain')}${th('parties.sector')}${th('parties.role')}
                ${th('parties.contribution')}<th scope="col" title=${this.t('parties.share.hint')}>${this.t('parties.share')}</th>${actions}</tr></thead>
              <tbody>${repeat(
                plan.providers,
                (p) => p.id,
                (p) => this.providerRow(p),
              )}</tbody>
            </table></div>`
        }
        ${this.readonly ? nothing : html`<button type="button" class="primary" @click=${() => this.addProvider()}>${this.t('parties.addProvider')}</button>`}
      </div>
      <div class="block">
        <h4 id="funders-title">${this.t('parties.funders')}</h4>
        ${this.sectionMarks('funders')}
        ${
          plan.funders.length === 0
            ? html`<p class="empty">${this.t('parties.funders.empty')}</p>`
            : html`<div class="table-wrap"><table aria-labelledby="funders-title">
              <thead><tr>${th('parties.name')}${th('parties.kind')}${th('parties.uzovi')}${th('parties.domain')}${th('parties.shareBasis')}
                ${th('parties.shareValue')}${actions}</tr></thead>
              <tbody>${repeat(
                plan.funders,
                (f) => f.id,
                (f) => this.funderRow(f),
              )}</tbody>
            </table></div>`
        }
        ${this.readonly ? nothing : html`<button type="button" class="primary" @click=${() => this.addFunder()}>${this.t('parties.addFunder')}</button>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-parties': RpParties;
  }
}
