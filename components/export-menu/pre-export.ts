import { html, nothing, type TemplateResult } from 'lit';
import type { Clauses, Finding, Plan } from '../../src/model/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { tm, type ExportMenuMsgKey } from '../../src/i18n/export-menu.ts';

/*
 * What a contract manager checks before exporting, shown where the export is: the agreements the
 * annex carries (filled in or empty, each with a way to its field) and the findings that would
 * refuse the export or end up as a gap in the annex. Nothing is hidden in a collapsed section.
 */

/** The annex's free-text agreements, in the order the annex prints them. */
const CLAUSES: readonly { key: keyof Clauses; label: ExportMenuMsgKey }[] = [
  { key: 'declaration', label: 'clauseDeclaration' },
  { key: 'informationExchange', label: 'clauseInformation' },
  { key: 'evaluation', label: 'clauseEvaluation' },
  { key: 'controls', label: 'clauseControls' },
  { key: 'quality', label: 'clauseQuality' },
  { key: 'doubleFunding', label: 'doubleFundingMeasures' },
];

const EXCERPT = 60;
/** Findings listed before export; the findings panel has the rest. */
const MAX_LISTED = 12;
const excerpt = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT - 1)}…` : t;
};

/** `go(finding)` moves focus to the field a finding points at (the planner handles rp-focus-finding). */
export function preExport(
  plan: Plan,
  findings: readonly Finding[],
  l: Locale,
  go: (f: Finding) => void,
): TemplateResult {
  const byField = new Map(
    findings.filter((f) => f.code === 'clause-empty').map((f) => [f.location.field ?? '', f] as const),
  );
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const link = (f: Finding, label: string) =>
    html`<button type="button" class="link" @click=${() => go(f)}>${label}</button>`;
  return html`<div class="pre-export">
    <h3 id="clauses-title">${tm('menuClauses', l)}</h3>
    <ul class="clauses" aria-labelledby="clauses-title">
      ${CLAUSES.map(({ key, label }) => {
        const value = plan.clauses[key] ?? '';
        const empty = value.trim() === '';
        const f = byField.get(`clauses.${key}`);
        return html`<li class=${empty ? (f ? 'empty warn' : 'empty') : 'filled'}>
          <span class="name">${tm(label, l)}</span>
          <span class="state">${empty ? tm(f ? 'menuClauseEmpty' : 'menuClauseOptional', l) : excerpt(value)}</span>
          ${f ? link(f, tm('menuGoToField', l)) : nothing}
        </li>`;
      })}
    </ul>
    ${
      errors.length + warnings.length === 0
        ? nothing
        : html`<h3 id="checks-title">${tm('menuBeforeExport', l, { errors: errors.length, warnings: warnings.length })}</h3>
    <ul class="checks" aria-labelledby="checks-title">
      ${[...errors, ...warnings].slice(0, MAX_LISTED).map(
        (f) => html`<li class=${f.severity}>
          <span class="sev">${tm(`sev.${f.severity}`, l)}</span>
          ${link(f, f.message[l])}
        </li>`,
      )}
      ${
        errors.length + warnings.length > MAX_LISTED
          ? html`<li>${tm('menuMoreFindings', l, { n: errors.length + warnings.length - MAX_LISTED })}</li>`
          : nothing
      }
    </ul>`
    }
  </div>`;
}
