import { html, nothing, type TemplateResult } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { UiKey } from '../../src/i18n/index.ts';
import { ct } from '../../src/i18n/collab.ts';
import type { WorkshopView } from './workshop.ts';
import { signoffSection } from '../signoff/signoff-section.ts';
import { commentsAside } from '../comments/comments-aside.ts';
import { historyButton as historyOpener, historyDialog } from '../history/history-dialog.ts';
import { tr, type PlannerView, type SectionKey } from './planner-view.ts';
import { planSummary, undoButton } from './toolbar.ts';
import { workshopStatus } from './workshop-bar.ts';
import { publishedChoice } from './published-offer.ts';
import { SECTIONS, sectionNav, viewTabs } from './section-nav.ts';
import { sectionBody } from './edit-sections.ts';
import '../findings/findings.ts';
import '../scenario-bar/scenario-bar.ts';
import '../flow/flow.ts';

/*
 * What the planner shows, as functions of one view (planner-view.ts): the element
 * (view-controller.ts) gathers the view from its properties and controllers and wires the
 * handlers; nothing here holds state. This file lays out the whole and names its parts and slots;
 * the pieces inside them have files of their own.
 */

function toolbar(v: PlannerView, plan: Plan): TemplateResult {
  return html`<header class="toolbar" part="toolbar">
    ${planSummary(v, plan)}
    <div class="actions">
      ${
        v.locked
          ? html`<span class="badge">${tr(v, 'planner.readonly')}</span>`
          : html`${undoButton(v, 'undo')} ${undoButton(v, 'redo')}`
      }
      ${v.store && v.negotiation && !v.locked ? historyOpener(v.negotiation.history, v) : nothing}
      <slot name="actions"></slot>
    </div>
  </header>`;
}

/** Status of the workshop connection and who else is in it. */
function workshopBar(v: PlannerView, w: WorkshopView): TemplateResult {
  return html`<div
    class="workshop"
    part="workshop"
    role="group"
    aria-label=${ct(v.locale, 'collab.peers', { count: w.peers.length + 1 })}
  >
    ${workshopStatus(v, w)}
  </div>`;
}

/** The site's new file: the user's edits stay; compare, adopt (one undo step) or keep one's own. */
function publishedOffer(v: PlannerView, published: Plan, plan: Plan): TemplateResult {
  return html`<div class="notice published" role="status" part="published">
    ${publishedChoice(v, published, plan)}
  </div>`;
}

function section(v: PlannerView, key: SectionKey, body: TemplateResult): TemplateResult {
  return html`<section class="card" part="section" id=${`section-${key}`} aria-labelledby=${`title-${key}`}>
    <h3 id=${`title-${key}`} tabindex="-1">${tr(v, `planner.section.${key}` as UiKey)}</h3>
    <p class="hint">${tr(v, `planner.section.${key}.hint` as UiKey)}</p>
    ${body}
  </section>`;
}

function editView(v: PlannerView, plan: Plan): TemplateResult {
  const { locale: l, findings } = v;
  return html` ${sectionNav(v)}
    <div class="layout">
      <div class="sections">
        ${SECTIONS.map(({ key }) => section(v, key, sectionBody(v, plan, key)))}
        ${v.store && v.negotiation ? signoffSection(v.negotiation.signoffView(v)) : nothing}
      </div>
      <aside class="findings" part="findings">
        <rp-findings .findings=${findings} .plan=${plan} .locale=${l}></rp-findings>
        ${v.negotiation ? commentsAside(v.negotiation.commentsView(v, plan)) : nothing}
      </aside>
      ${v.negotiation ? historyDialog(v.negotiation.history, v, plan) : nothing}
    </div>`;
}

/** The planner's own messages: a refused plan, a notice, a storage failure; each can be dismissed. */
function message(v: PlannerView, what: 'refused' | 'notice' | 'storeError'): TemplateResult | typeof nothing {
  const l = v.locale;
  const dismiss = html`<button type="button" @click=${() => v.on.dismiss(what)}>${tr(v, 'planner.dismiss')}</button>`;
  if (what === 'refused' && v.refused) {
    return html`<div class="refused" role="alert" part="error"><span>${v.refused[l]}</span>${dismiss}</div>`;
  }
  if (what === 'notice' && v.notice) {
    return html`<div class="notice" role="status"><span>${v.notice[l]}</span>${dismiss}</div>`;
  }
  if (what === 'storeError' && v.storeError) {
    return html`<div class="notice store-error" role="alert" part="store-error">
      <span>${v.storeError.message[l]}</span>${dismiss}
    </div>`;
  }
  return nothing;
}

/** The scenario views: compare (from the store), money flows, or editing. */
function mainView(v: PlannerView, plan: Plan): TemplateResult {
  const l = v.locale;
  if (v.view === 'compare') {
    return html`<section class="card compare" part="section" aria-label=${tr(v, 'planner.view.compare')}>
      ${
        v.store
          ? html`${customElements.get('rp-planner-compare') ? nothing : html`<p class="empty" role="status">${tr(v, 'planner.compare.loading')}</p>`}
              <rp-planner-compare .store=${v.store} .current=${v.scenarioId} .locale=${l} .state=${v.state ?? null}></rp-planner-compare>`
          : html`<p class="empty">${tr(v, 'planner.compare.tooFew')}</p>`
      }
    </section>`;
  }
  if (v.view === 'flow') {
    return html`<section class="card flow" part="section" aria-label=${tr(v, 'planner.view.flow')}>
      <rp-flow .plan=${plan} .allocation=${v.allocation} .locale=${l} @rp-flow-select=${v.on.flowSelect}></rp-flow>
    </section>`;
  }
  return editView(v, plan);
}

/** The whole planner. Its wrapper hears what the sections send up (input-controller.ts). */
export function plannerBody(v: PlannerView): TemplateResult {
  const plan = v.plan;
  const i = v.input;
  // prettier-ignore
  return html`<div class="planner" lang=${v.locale}
      @rp-edit=${i.onEdit} @rp-undo=${i.onUndo} @rp-redo=${i.onUndo} @rp-focus-finding=${i.onFocusFinding}
      @rp-select=${i.onSelect} @rp-scenario-select=${i.onScenarioSelect} @rp-saved=${i.swallow} @rp-store-error=${i.swallow}>
    <slot name="intro"></slot>
    ${message(v, 'refused')}
    ${message(v, 'notice')}
    ${message(v, 'storeError')}
    ${v.ownPlans}
    ${!plan
      ? html`<slot name="empty"><p class="empty">${tr(v, 'planner.noPlan')}</p></slot>`
      : html`
        ${v.store
          ? html`<rp-scenario-bar class="scenarios" .store=${v.store} .current=${v.scenarioId} .locale=${v.locale} ?readonly=${v.locked}></rp-scenario-bar>`
          : nothing}
        ${v.published ? publishedOffer(v, v.published, plan) : nothing}
        ${v.workshop ? workshopBar(v, v.workshop) : nothing}
        ${toolbar(v, plan)}
        ${viewTabs(v)}
        ${mainView(v, plan)}`}
  </div>`;
}
