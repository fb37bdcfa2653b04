import { html, nothing, type TemplateResult } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding, Section } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { t, count, type UiKey } from '../../src/i18n/index.ts';
import { ct } from '../../src/i18n/collab.ts';
import { formatMoney } from '../../src/money/format.ts';
import type { ScenarioStore, StoreError } from '../../src/store/types.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { WorkshopView } from './workshop.ts';
import type { InputController } from './input-controller.ts';
import type { NegotiationController } from './negotiation-controller.ts';
import type { CommentThread } from '../../src/negotiation/index.ts';
import { signoffSection } from '../signoff/signoff-section.ts';
import { commentsAside } from '../comments/comments-aside.ts';
import { historyButton as historyOpener, historyDialog } from '../history/history-dialog.ts';
import '../plan-details/plan-details.ts';
import '../target-groups/target-groups.ts';
import '../parties/parties.ts';
import '../findings/findings.ts';
import '../split-grid/split-grid.ts';
import '../budget-grid/budget-grid.ts';
import '../scenario-bar/scenario-bar.ts';
import '../export-menu/export-menu.ts';
import '../compare/compare.ts';
import '../flow/flow.ts';

/*
 * What the planner shows, as functions of one view: the element (planner.ts) gathers the view from
 * its properties and controllers and wires the handlers; nothing here holds state.
 */

export type SectionKey = 'details' | 'targetGroups' | 'parties' | 'activities' | 'split' | 'export';
export type View = 'edit' | 'flow' | 'compare';

/** The spreadsheet parts first: they are what people come for; the forms behind them set the scene. */
const SECTIONS: readonly { key: SectionKey; findings: readonly Section[] }[] = [
  { key: 'activities', findings: ['activities'] },
  { key: 'split', findings: ['split', 'domains'] },
  { key: 'parties', findings: ['providers', 'funders'] },
  { key: 'targetGroups', findings: ['targetGroups'] },
  { key: 'details', findings: ['plan'] },
  { key: 'export', findings: [] },
];

/**
 * A grid as tall as its rows (headers included), between a small minimum and a cap after which it
 * scrolls, so that a short plan does not leave an empty box and a long one keeps the page usable.
 */
const gridHeight = (rows: number): string => `--rp-grid-height: ${Math.min(560, Math.max(100, rows * 29 + 24))}px`;

export interface PlannerView {
  plan: Plan | null;
  locale: Locale;
  locked: boolean;
  licenseKey: string;
  userName: string;
  findings: readonly Finding[];
  allocation: Allocation | null;
  canUndo: boolean;
  canRedo: boolean;
  refused: Msg | null;
  notice: Msg | null;
  storeError: StoreError | null;
  /** The store holding this plan's scenarios; null while nothing is stored. */
  store: ScenarioStore | null;
  scenarioId: string;
  scenarioName: string;
  workshop: WorkshopView | null;
  view: View;
  /** The site's new file, offered to compare and adopt. */
  published: Plan | null;
  comparingPublished: boolean;
  on: {
    undo(): void;
    redo(): void;
    dismiss(what: 'refused' | 'notice' | 'storeError'): void;
    view(view: View): void;
    section(key: SectionKey): void;
    flowSelect(): void;
    published(action: 'compare' | 'adopt' | 'keep'): void;
  };
  /** The wrapper's listeners for what the sections send up. */
  input: InputController;
  /** Sign-offs and comment threads of the open scenario. */
  negotiation?: NegotiationController;
  /** The plan bar: the user's own plans (own-plan-bar.ts), when the host allows them. */
  ownPlans: TemplateResult | typeof nothing;
  /** The open scenario's state: the compare view compares two moments of its history. */
  state?: PlanState | null;
}

const tr = (v: PlannerView, key: UiKey, vars?: Record<string, string | number>) => t(v.locale, key, vars);

/** The undo or redo button: the same shape, mirrored arrow. */
const ARROW = {
  undo: 'M6 3 2 7l4 4M2.5 7H10a4 4 0 0 1 0 8H8',
  redo: 'm10 3 4 4-4 4m3.5-4H6a4 4 0 0 0 0 8h2',
} as const;

function historyButton(v: PlannerView, which: 'undo' | 'redo'): TemplateResult {
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

function toolbar(v: PlannerView, plan: Plan): TemplateResult {
  const l = v.locale;
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  const warnings = v.findings.length - errors;
  const a = v.allocation;
  const subtitle = [plan.region, plan.collaboration].filter(Boolean).join(' · ');
  return html`<header class="toolbar" part="toolbar">
    <div class="title">
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
    </div>
    <div class="actions">
      ${
        v.locked
          ? html`<span class="badge">${tr(v, 'planner.readonly')}</span>`
          : html`${historyButton(v, 'undo')} ${historyButton(v, 'redo')}`
      }
      ${v.store && v.negotiation && !v.locked ? historyOpener(v.negotiation.history, v) : nothing}
      <slot name="actions"></slot>
    </div>
  </header>`;
}

/** Status of the workshop connection and who else is in it. */
function workshopBar(v: PlannerView, w: WorkshopView): TemplateResult {
  const l = v.locale;
  return html`<div
    class="workshop"
    part="workshop"
    role="group"
    aria-label=${ct(l, 'collab.peers', { count: w.peers.length + 1 })}
  >
    <span class="pill ${w.status}" role="status">${ct(l, `collab.status.${w.status}`)}</span>
    <ul class="people" aria-label=${tr(v, 'planner.collab.participants')}>
      <li class="me">${tr(v, 'planner.collab.you', { name: v.userName || ct(l, 'collab.anonymous') })}</li>
      ${w.peers.map((p) => html`<li><span class="dot" style=${`background:${p.color}`} aria-hidden="true"></span>${p.name || ct(l, 'collab.anonymous')}</li>`)}
    </ul>
    ${w.readOnly ? html`<span class="observer">${ct(l, 'collab.readOnly')}</span>` : nothing}
    ${w.error ? html`<p class="workshop-error" role="alert">${w.error.message[l]}</p>` : nothing}
    ${
      w.offered.length > 0
        ? html`<div class="workshop-offer"><span id="workshop-offer-label">${ct(l, 'collab.offer.label')}:</span>
      <ul aria-labelledby="workshop-offer-label">${w.offered.map((s) => html`<li>${s.name} <button type="button" aria-label=${ct(l, 'collab.offer.shareNamed', { name: s.name })} @click=${() => w.share(s.id)}>${ct(l, 'collab.offer.share')}</button></li>`)}</ul>
    </div>`
        : nothing
    }
  </div>`;
}

/** The site's new file: the user's edits stay; compare, adopt (one undo step) or keep one's own. */
function publishedOffer(v: PlannerView, published: Plan, plan: Plan): TemplateResult {
  return html`<div class="notice published" role="status" part="published">
    <span>${tr(v, 'planner.published.notice')}</span>
    <span class="offer-actions">
      <button
        type="button"
        aria-expanded=${v.comparingPublished ? 'true' : 'false'}
        @click=${() => v.on.published('compare')}
      >
        ${tr(v, v.comparingPublished ? 'planner.published.hideCompare' : 'planner.published.compare')}
      </button>
      <button type="button" ?disabled=${v.locked} @click=${() => v.on.published('adopt')}>
        ${tr(v, 'planner.published.adopt')}
      </button>
      <button type="button" ?disabled=${v.locked} @click=${() => v.on.published('keep')}>
        ${tr(v, 'planner.published.keep')}
      </button>
    </span>
    ${
      v.comparingPublished
        ? html`<rp-compare
            class="published-compare"
            locale=${v.locale}
            .scenarios=${[
              { name: `${tr(v, 'planner.published.mine')}: ${plan.name}`, plan },
              { name: `${tr(v, 'planner.published.theirs')}: ${published.name}`, plan: published },
            ]}
          ></rp-compare>`
        : nothing
    }
  </div>`;
}

function views(v: PlannerView): TemplateResult {
  const tab = (view: View, key: UiKey) =>
    html`<button type="button" aria-pressed=${v.view === view ? 'true' : 'false'} @click=${() => v.on.view(view)}>
      ${tr(v, key)}
    </button>`;
  return html`<div class="views" role="group" aria-label=${tr(v, 'planner.view.label')}>
    ${tab('edit', 'planner.view.edit')}${tab('flow', 'planner.view.flow')}${tab('compare', 'planner.view.compare')}
  </div>`;
}

function nav(v: PlannerView): TemplateResult {
  return html`<nav class="nav" aria-label=${tr(v, 'planner.sections')}>
    ${SECTIONS.map(({ key, findings }) => {
      const n = v.findings.filter((f) => findings.includes(f.location.section)).length;
      return html`<button type="button" @click=${() => v.on.section(key)}>
        ${tr(v, `planner.section.${key}` as UiKey)}${n ? html` <span class="count" aria-hidden="true">${n}</span><span class="visually-hidden">, ${tr(v, n === 1 ? 'planner.nav.count.one' : 'planner.nav.count.other', { n })}</span>` : nothing}
      </button>`;
    })}
  </nav>`;
}

function section(v: PlannerView, key: SectionKey, body: TemplateResult): TemplateResult {
  return html`<section class="card" part="section" id=${`section-${key}`} aria-labelledby=${`title-${key}`}>
    <h3 id=${`title-${key}`} tabindex="-1">${tr(v, `planner.section.${key}` as UiKey)}</h3>
    <p class="hint">${tr(v, `planner.section.${key}.hint` as UiKey)}</p>
    ${body}
  </section>`;
}

/** No comment threads (one array, so the grids see no change). */
const NO_THREADS: readonly CommentThread[] = [];

function editView(v: PlannerView, plan: Plan): TemplateResult {
  const { locale: l, locked, findings, allocation } = v;
  const presence = v.workshop?.peers ?? [];
  const comments = v.negotiation?.threads ?? NO_THREADS;
  return html` ${nav(v)}
    <div class="layout">
      <div class="sections">
        ${section(
          v,
          'activities',
          html`<rp-budget-grid
            style=${gridHeight(1 + plan.activities.length + 1)}
            .plan=${plan}
            .allocation=${allocation}
            .findings=${findings}
            .locale=${l}
            ?readonly=${locked}
            .licenseKey=${v.licenseKey}
            .presence=${presence}
            .comments=${comments}
          ></rp-budget-grid>`,
        )}
        ${section(
          v,
          'split',
          html`<rp-split-grid
            style=${gridHeight(2 + 1 + plan.activities.length)}
            .plan=${plan}
            .allocation=${allocation}
            .findings=${findings}
            .locale=${l}
            ?readonly=${locked}
            .licenseKey=${v.licenseKey}
            .presence=${presence}
            .comments=${comments}
          ></rp-split-grid>`,
        )}
        ${section(v, 'parties', html`<rp-parties .plan=${plan} .findings=${findings} .locale=${l} ?readonly=${locked}></rp-parties>`)}
        ${section(v, 'targetGroups', html`<rp-target-groups .plan=${plan} .findings=${findings} .locale=${l} ?readonly=${locked}></rp-target-groups>`)}
        ${section(v, 'details', html`<rp-plan-details .plan=${plan} .findings=${findings} .locale=${l} ?readonly=${locked}></rp-plan-details>`)}
        ${section(v, 'export', html`<rp-export-menu .plan=${plan} .findings=${findings} scenario-name=${v.scenarioName || plan.name} locale=${l} .signoffs=${v.negotiation?.exportSignoffs ?? null} .comments=${v.negotiation?.threads ?? null}></rp-export-menu>`)}
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
        ${views(v)}
        ${mainView(v, plan)}`}
  </div>`;
}
