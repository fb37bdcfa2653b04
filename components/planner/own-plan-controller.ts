import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { newPlan, type Plan } from '../../src/model/plan.ts';
import type { PlanInfo, ScenarioStore } from '../../src/store/types.ts';
import type { Msg } from '../../src/i18n/locale.ts';
import { fill } from '../../src/i18n/index.ts';
import { storeUi } from '../../src/i18n/store.ts';
import { emptyOwnPlan, isOwnPlanId, openOwnPlanFile, templateOwnPlan, type OwnPlan } from '../../src/files/own-plan.ts';
import { emit, type RpPlanOpenDetail } from '../shared/events.ts';
import { ownPlanBar } from './own-plan-bar.ts';
import type { PlannerControllers, PlannerParts } from './planner-controllers.ts';

/** What the plan bar reads from the element. */
export interface OwnPlanHost extends PlannerParts, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The host lets people start or open a plan of their own (`allow-new-plan`). */
  readonly allowNewPlan: boolean;
}

/** A message in both languages from a store string, with `vars` filled per language. */
const both = (
  key: keyof typeof storeUi,
  vars: { nl: Record<string, string | number>; en: Record<string, string | number> },
): Msg => ({
  nl: fill(storeUi[key].nl, vars.nl),
  en: fill(storeUi[key].en, vars.en),
});

/**
 * The user's own plans: "Nieuw plan" (empty, or from the handleiding's example) and "Plan openen
 * (.json)", each under a plan id of its own, stored at once, and the way back to the site's plan.
 * The host hears `rp-plan-open` and `rp-change`; a refused file changes nothing, says why (nl and
 * en) and is reported as `rp-error`. Inert while the planner is read-only; absent unless allowed.
 */
export class OwnPlanController implements ReactiveController {
  private menu = false;
  private message: { ok: boolean; text: Msg } | null = null;
  /** The user's plans in the store's database, read again whenever the store changes. */
  private mine: readonly PlanInfo[] = [];
  private listed: ScenarioStore | null = null;

  constructor(
    private readonly host: OwnPlanHost,
    private readonly parts: PlannerControllers,
    private readonly locked: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdate(): void {
    const store = this.parts.scenarios.store;
    if (!this.host.allowNewPlan || !store || store === this.listed) return;
    this.listed = store;
    void store.listPlans().then((all) => {
      if (this.listed !== store) return;
      this.mine = all.filter((p) => isOwnPlanId(p.id));
      this.host.requestUpdate();
    });
  }

  render(): TemplateResult | typeof nothing {
    if (!this.host.allowNewPlan) return nothing;
    const s = this.parts.scenarios;
    const host = s.hostPlanAside;
    return ownPlanBar({
      locale: this.host.locale,
      locked: this.locked(),
      own: isOwnPlanId(s.state?.plan.id ?? ''),
      hostName: host ? host.name : null,
      menu: this.menu,
      mine: this.mine.filter((p) => p.id !== s.state?.plan.id),
      message: this.message,
      on: {
        menu: (open) => this.set({ menu: open }),
        newPlan: (kind) => void this.newPlan(kind),
        open: (file) => void this.open(file),
        reopen: (plan) => this.reopen(plan),
        back: () => this.back(),
        dismiss: () => this.set({ message: null }),
      },
    });
  }

  private set(part: { menu?: boolean; message?: { ok: boolean; text: Msg } | null }): void {
    if (part.menu !== undefined) this.menu = part.menu;
    if (part.message !== undefined) this.message = part.message;
    this.host.requestUpdate();
  }

  private get allowed(): boolean {
    return this.host.allowNewPlan && !this.locked();
  }

  private async newPlan(kind: 'empty' | 'template'): Promise<void> {
    if (!this.allowed) return;
    const l = this.host.locale;
    let own: OwnPlan;
    try {
      own =
        kind === 'empty'
          ? emptyOwnPlan(fill(storeUi['own.emptyName'][l]))
          : await templateOwnPlan(fill(storeUi['own.templateName'][l]));
    } catch {
      // The example is loaded on demand: a lost connection leaves everything as it was, and says so.
      return this.set({ message: { ok: false, text: storeUi['own.templateFailed'] } });
    }
    this.show(own, kind === 'empty' ? 'new' : 'template', null);
  }

  private async open(file: File): Promise<void> {
    if (!this.allowed) return;
    const read = await openOwnPlanFile(file);
    if (!read.ok) {
      const reason = read.error.message;
      const text = both('own.refused', {
        nl: { file: file.name, reason: reason.nl },
        en: { file: file.name, reason: reason.en },
      });
      this.set({ message: { ok: false, text } });
      emit(this.host, 'rp-error', { code: 'plan-invalid', message: text, issues: [read.error.code] });
      return;
    }
    const count = read.value.scenarios.length;
    const opened = both('own.opened', { nl: { file: file.name, count }, en: { file: file.name, count } });
    this.show(read.value, 'file', { ok: true, text: opened });
  }

  /** One of the user's stored plans: its stored scenario opens (nothing new is written). */
  private reopen(info: PlanInfo): void {
    if (!this.allowed || !isOwnPlanId(info.id)) return;
    this.parts.scenarios.openOwn(newPlan(info.id, info.name));
    this.set({ menu: false, message: null });
    this.announce('own');
  }

  private back(): void {
    this.parts.scenarios.backToHost();
    this.announce('host');
  }

  private show(own: OwnPlan, source: RpPlanOpenDetail['source'], message: { ok: boolean; text: Msg } | null): void {
    const chose = this.menu;
    this.parts.scenarios.openOwn(own);
    this.set({ menu: false, message });
    this.announce(source);
    // The choice the keyboard was on is gone: focus goes back to "Nieuw plan", not to the page.
    if (chose)
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.own-new')?.focus());
  }

  /** Tells the host which plan is now in view (rp-plan-open), and its content and findings (rp-change). */
  private announce(source: RpPlanOpenDetail['source']): void {
    const plan: Plan | undefined = this.parts.scenarios.state?.plan;
    if (!plan) return;
    emit(this.host, 'rp-plan-open', { plan, source });
    emit(this.host, 'rp-change', { plan, findings: this.parts.engine.findings });
  }
}
