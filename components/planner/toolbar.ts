import { html, nothing, type TemplateResult } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import { count } from '../../src/i18n/index.ts';
import { formatMoney } from '../../src/money/format.ts';
import { tr, type PlannerView } from './planner-view.ts';

/*
 * What the planner's toolbar shows: the plan's name, its totals, how it stands against the
 * findings, and the undo and redo buttons (the frame and the host's slot: planner.templates.ts).
 */

/** The undo or redo button: the same shape, mirrored arrow. */
const ARROW = {
  undo: 'M6 3 2 7l4 4M2.5 7H10a4 4 0 0 1 0 8H8',
  redo: 'm10 3 4 4-4 4m3.5-4H6a4 4 0 0 0 0 8h2',
} as const;

export function undoButton(v: PlannerView, which: 'undo' | 'redo'): TemplateResult {
  return html`<button
    type="button"
    class=${which}
    title=${tr(v, `planner.${which}Hint`)}
    ?disabled=${which === 'undo' ? !v.canUndo : !v.canRedo}
    @click=${v.on[which]}
  >
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d=${ARROW[which]} fill="none" stroke="currentColor" stroke-width="1.6" />
    </svg>
    ${tr(v, `planner.${which}`)}
  </button>`;
}

/** The plan's name and region, its totals and the count of its findings. */
export function planSummary(v: PlannerView, plan: Plan): TemplateResult {
  const l = v.locale;
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  const warnings = v.findings.length - errors;
  const a = v.allocation;
  const subtitle = [plan.region, plan.collaboration].filter(Boolean).join(' · ');
  return html`<div class="title">
      <h2>${plan.name || tr(v, 'planner.untitled')}</h2>
      ${subtitle ? html`<p class="subtitle">${subtitle}</p>` : nothing}
    </div>
    <dl class="figures">
      <div>
        <dt>${tr(v, 'planner.annualTotal')}</dt>
        <dd>${a ? formatMoney(a.annualTotal.toString(), l) : '—'}</dd>
      </div>
      <div>
        <dt>${tr(v, 'planner.planTotal')}</dt>
        <dd>${a ? formatMoney(a.planTotal.toString(), l) : '—'}</dd>
      </div>
      <div>
        <dt>${tr(v, 'planner.activityCount')}</dt>
        <dd>${plan.activities.length}</dd>
      </div>
    </dl>
    <div class="status ${errors ? 'bad' : warnings ? 'warn' : 'ok'}">
      ${
        errors + warnings === 0
          ? tr(v, 'planner.status.ok')
          : [errors ? count(l, errors, 'error') : '', warnings ? count(l, warnings, 'warning') : '']
              .filter(Boolean)
              .join(', ')
      }
    </div>`;
}
