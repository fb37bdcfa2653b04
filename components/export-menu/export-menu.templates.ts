import { html, nothing, type TemplateResult } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { tm, type ExportMenuMsgKey } from '../../src/i18n/export-menu.ts';
import { nt } from '../../src/i18n/negotiation-panels.ts';
import {
  CSV_TABLES,
  EXPORT_FORMATS,
  type CsvTable,
  type ExportError,
  type ExportFormat,
  type CommentExport,
  type SignoffExport,
} from '../../src/export/index.ts';
import { exportMenuStyles } from './export-menu.styles.ts';
import { preExport } from './pre-export.ts';

/*
 * What <rp-export-menu> shows: the format and its choices, the checks before export, the progress
 * and the refusal box. Its own chunk, loaded when the first export menu is connected.
 */

export const viewStyles = [exportMenuStyles];

/** Funder choice meaning "one annex per funder, together in one zip file". */
const ALL_FUNDERS = '';

/** What the user chose in the menu (the element keeps it). */
export interface ExportChoices {
  format: ExportFormat;
  funderId: string;
  table: CsvTable;
  withComments: boolean;
  draft: boolean;
  final: boolean;
  error: ExportError | null;
}

/** What the menu's view reads from its element. */
export interface ExportMenuView extends ExportChoices {
  plan: Plan | null;
  l: Locale;
  comments: readonly CommentExport[] | null;
  signoffs: (SignoffExport & { complete: boolean }) | null;
  busy: boolean;
  done: string[];
  findings: (plan: Plan) => readonly Finding[];
  set: (choices: Partial<ExportChoices>) => void;
  download: () => void;
  print: () => void;
  focusFinding: (f: Finding) => void;
}

export function renderExportMenu(v: ExportMenuView): TemplateResult {
  return new ExportMenuTemplates(v).render();
}

class ExportMenuTemplates {
  constructor(private readonly v: ExportMenuView) {}

  private t(key: ExportMenuMsgKey, params?: Record<string, string | number>): string {
    return tm(key, this.v.l, params);
  }

  render(): TemplateResult {
    const plan = this.v.plan;
    return html`
      <section aria-labelledby="title" aria-busy=${this.v.busy ? 'true' : 'false'}>
        <h2 id="title">${this.t('menuTitle')}</h2>
        ${plan ? this.renderForm(plan) : html`<p>${this.t('menuNoPlan')}</p>`}
        <div class="status" role="status" aria-live="polite">
          ${
            this.v.busy
              ? html`<progress aria-label=${this.t('menuBusy')}></progress><span>${this.t('menuBusy')}</span>`
              : this.v.done.length > 0
                ? html`<span>${this.v.done.map((f) => this.t('menuDone', { file: f })).join(' ')}</span>`
                : nothing
          }
        </div>
        ${this.v.error ? this.renderError(this.v.error) : nothing}
      </section>
    `;
  }

  private renderForm(plan: Plan): TemplateResult {
    const funderSelect = this.v.format === 'funder-annex-docx';
    return html`
      <div class="field">
        <label for="format">${this.t('menuFormat')}</label>
        <select id="format" .value=${this.v.format} @change=${(e: Event) => {
          this.v.set({ format: (e.target as HTMLSelectElement).value as ExportFormat, error: null });
        }}>
          ${EXPORT_FORMATS.map((f) => html`<option value=${f} ?selected=${f === this.v.format}>${this.t(`format.${f}`)}</option>`)}
        </select>
      </div>
      ${
        funderSelect
          ? html`
        <div class="field">
          <label for="funder">${this.t('menuFunder')}</label>
          <select id="funder" @change=${(e: Event) => {
            this.v.set({ funderId: (e.target as HTMLSelectElement).value });
          }}>
            <option value=${ALL_FUNDERS} ?selected=${this.v.funderId === ALL_FUNDERS}>${this.t('menuAllFunders')}</option>
            ${plan.funders.map((f) => html`<option value=${f.id} ?selected=${f.id === this.v.funderId}>${funderOption(plan, f)}</option>`)}
          </select>
        </div>`
          : nothing
      }
      ${
        this.v.format === 'csv'
          ? html`
        <div class="field">
          <label for="table">${this.t('menuTable')}</label>
          <select id="table" @change=${(e: Event) => {
            this.v.set({ table: (e.target as HTMLSelectElement).value as CsvTable });
          }}>
            ${CSV_TABLES.map((c) => html`<option value=${c} ?selected=${c === this.v.table}>${this.t(`table.${c}`)}</option>`)}
          </select>
        </div>`
          : nothing
      }
      ${
        this.v.format === 'xlsx' && this.v.comments
          ? html`<label class="check">
        <input id="comments" type="checkbox" .checked=${this.v.withComments} @change=${(e: Event) => {
          this.v.set({ withComments: (e.target as HTMLInputElement).checked });
        }} />
        ${this.t('menuComments')}
      </label>`
          : nothing
      }
      <label class="check">
        <input id="draft" type="checkbox" .checked=${this.v.draft} @change=${(e: Event) => {
          this.v.set({ draft: (e.target as HTMLInputElement).checked });
        }} />
        ${this.t('menuDraft')}
      </label>
      ${
        this.v.signoffs && !this.v.signoffs.complete
          ? html`<p class="signoff-concept">${nt(this.v.l, 'export.concept')}</p>
        <label class="check">
          <input id="final" type="checkbox" .checked=${this.v.final} @change=${(e: Event) => {
            this.v.set({ final: (e.target as HTMLInputElement).checked });
          }} />
          ${nt(this.v.l, 'export.final')}
        </label>`
          : nothing
      }
      <div class="actions">
        <button id="download" class="primary" type="button" ?disabled=${this.v.busy} @click=${this.v.download}>${this.t('menuDownload')}</button>
        ${
          this.v.format === 'annex-docx' || this.v.format === 'lead-annex-docx' || this.v.format === 'funder-annex-docx'
            ? html`
          <button id="print" type="button" ?disabled=${this.v.busy} @click=${this.v.print}>${this.t('menuPrint')}</button>`
            : nothing
        }
        <slot name="actions"></slot>
      </div>
      ${preExport(plan, this.v.findings(plan), this.v.l, this.v.focusFinding)}
    `;
  }

  private renderError(error: ExportError): TemplateResult {
    return html`
      <div class="refusal" part="refusal" role="alert">
        <p>${error.code === 'has-errors' ? this.t('menuRefused') : ''} ${error.messages[this.v.l]}</p>
        ${error.findings.length > 0 ? html`<ul>${error.findings.map((f) => html`<li>${f.message[this.v.l]}</li>`)}</ul>` : nothing}
      </div>
    `;
  }
}

/** "Gemeente Havenstad (Wmo 2015)", "CZ (Zvw, UZOVI 9664)": one municipality often funds two domains. */
function funderOption(plan: Plan, f: Plan['funders'][number]): string {
  const domain = plan.domains.find((d) => d.id === f.domainId)?.name ?? f.domainId;
  return `${f.name} (${domain}${f.uzovi ? `, UZOVI ${f.uzovi}` : ''})`;
}
