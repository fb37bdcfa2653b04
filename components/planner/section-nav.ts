import { html, nothing, type TemplateResult } from 'lit';
import type { Section } from '../../src/model/finding.ts';
import type { UiKey } from '../../src/i18n/index.ts';
import { tr, type PlannerView, type SectionKey, type View } from './planner-view.ts';

/** The spreadsheet parts first: they are what people come for; the forms behind them set the scene. */
export const SECTIONS: readonly { key: SectionKey; findings: readonly Section[] }[] = [
  { key: 'activities', findings: ['activities'] },
  { key: 'split', findings: ['split', 'domains'] },
  { key: 'parties', findings: ['providers', 'funders'] },
  { key: 'targetGroups', findings: ['targetGroups'] },
  { key: 'details', findings: ['plan'] },
  { key: 'export', findings: [] },
];

/** The choice of view: editing, the money flows, the comparison of scenarios. */
export function viewTabs(v: PlannerView): TemplateResult {
  const tab = (view: View, key: UiKey) =>
    html`<button type="button" aria-pressed=${v.view === view ? 'true' : 'false'} @click=${() => v.on.view(view)}>
      ${tr(v, key)}
    </button>`;
  return html`<div class="views" role="group" aria-label=${tr(v, 'planner.view.label')}>
    ${tab('edit', 'planner.view.edit')}${tab('flow', 'planner.view.flow')}${tab('compare', 'planner.view.compare')}
  </div>`;
}

/** A button per section, with the count of the findings in it. */
export function sectionNav(v: PlannerView): TemplateResult {
  return html`<nav class="nav" aria-label=${tr(v, 'planner.sections')}>
    ${SECTIONS.map(({ key, findings }) => {
      const n = v.findings.filter((f) => findings.includes(f.location.section)).length;
      return html`<button type="button" @click=${() => v.on.section(key)}>
        ${tr(v, `planner.section.${key}` as UiKey)}${n ? html` <span class="count" aria-hidden="true">${n}</span><span class="visually-hidden">, ${tr(v, n === 1 ? 'planner.nav.count.one' : 'planner.nav.count.other', { n })}</span>` : nothing}
      </button>`;
    })}
  </nav>`;
}
