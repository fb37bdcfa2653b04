import { html, type TemplateResult } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { CommentThread } from '../../src/negotiation/index.ts';
import type { PlannerView, SectionKey } from './planner-view.ts';
import '../plan-details/plan-details.ts';
import '../target-groups/target-groups.ts';
import '../parties/parties.ts';
import '../split-grid/split-grid.ts';
import '../budget-grid/budget-grid.ts';
import '../export-menu/export-menu.ts';

/*
 * What each section card of the edit view holds (the cards: planner.templates.ts), in the order
 * of section-nav.ts: the grids, the forms, the export menu.
 */

/**
 * A grid as tall as its rows (headers included), between a small minimum and a cap after which it
 * scrolls, so that a short plan does not leave an empty box and a long one keeps the page usable.
 */
const gridHeight = (rows: number): string => `--rp-grid-height: ${Math.min(560, Math.max(100, rows * 29 + 24))}px`;

/** No comment threads (one array, so the grids see no change). */
const NO_THREADS: readonly CommentThread[] = [];

export function sectionBody(v: PlannerView, plan: Plan, key: SectionKey): TemplateResult {
  const { locale: l, locked, findings, allocation } = v;
  const presence = v.workshop?.peers ?? [];
  const comments = v.negotiation?.threads ?? NO_THREADS;
  switch (key) {
    case 'activities':
      return html`<rp-budget-grid
        style=${gridHeight(1 + plan.activities.length + 1)}
        .plan=${plan}
        .allocation=${allocation}
        .findings=${findings}
        .locale=${l}
        ?readonly=${locked}
        .licenseKey=${v.licenseKey}
        .presence=${presence}
        .comments=${comments}
      ></rp-budget-grid>`;
    case 'split':
      return html`<rp-split-grid
        style=${gridHeight(2 + 1 + plan.activities.length)}
        .plan=${plan}
        .allocation=${allocation}
        .findings=${findings}
        .locale=${l}
        ?readonly=${locked}
        .licenseKey=${v.licenseKey}
        .presence=${presence}
        .comments=${comments}
      ></rp-split-grid>`;
    case 'parties':
      return html`<rp-parties .plan=${plan} .findings=${findings} .locale=${l} ?readonly=${locked}></rp-parties>`;
    case 'targetGroups':
      return html`<rp-target-groups .plan=${plan} .findings=${findings} .locale=${l} ?readonly=${locked}></rp-target-groups>`;
    case 'details':
      return html`<rp-plan-details .plan=${plan} .findings=${findings} .locale=${l} ?readonly=${locked}></rp-plan-details>`;
    case 'export':
      // prettier-ignore
      return html`<rp-export-menu .plan=${plan} .findings=${findings} scenario-name=${v.scenarioName || plan.name} locale=${l} .signoffs=${v.negotiation?.exportSignoffs ?? null} .comments=${v.negotiation?.threads ?? null}></rp-export-menu>`;
  }
}
