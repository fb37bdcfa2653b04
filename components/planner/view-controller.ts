import type { ReactiveController, TemplateResult } from 'lit';
import type { Msg } from '../../src/i18n/locale.ts';
import { goToSection } from './focus-finding.ts';
import { emit, type RpEvent } from '../shared/events.ts';
import type { PlanInput } from './plan-input.ts';
import { plannerBody } from './planner.templates.ts';
import type { PlannerView, View } from './planner-view.ts';
import type { PlannerControllers } from './planner-controllers.ts';
import { OwnPlanController, type OwnPlanHost } from './own-plan-controller.ts';
import { ui } from '../../src/i18n/ui.ts';

/** The compare view's panel, once its chunk has been asked for (one request for every planner). */
let comparePanel: Promise<unknown> | undefined;

/** What the view reads from the element on each render. */
export interface ViewHost extends OwnPlanHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  readonly licenseKey: string;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/**
 * What the planner shows beyond the plan: the refusal of a host's plan, a notice, the chosen view
 * (edit, flow, compare), the comparison with a newer published file; and the handlers of the
 * toolbar and banners. Renders the planner's body from the element and its controllers.
 */
export class ViewController implements ReactiveController {
  refused: Msg | null = null;
  notice: Msg | null = null;
  view: View = 'edit';
  comparingPublished = false;
  private readonly on: PlannerView['on'];
  private readonly own: OwnPlanController;

  constructor(
    private readonly host: ViewHost,
    private readonly parts: PlannerControllers,
    private readonly locked: () => boolean,
  ) {
    host.addController(this);
    this.own = new OwnPlanController(host, parts, locked);
    const s = parts.scenarios;
    this.on = {
      undo: () => host.undo(),
      redo: () => host.redo(),
      dismiss: (what) => this.set(what === 'storeError' ? {} : { [what]: null }, () => (s.storeError = null)),
      view: (view) => this.set({ view }),
      section: (key) => goToSection(host.renderRoot, key),
      // A chosen flow leads to the split that makes it, where it can be changed.
      flowSelect: async () => {
        this.set({ view: 'edit' });
        await host.updateComplete;
        goToSection(host.renderRoot, 'split');
      },
      published: (action) => {
        if (action === 'compare') this.set({ comparingPublished: !this.comparingPublished });
        else if (!locked() && action === 'adopt') s.published.adopt(s.state);
        else if (!locked()) s.published.keep();
      },
    };
  }

  hostConnected(): void {
    this.host.addEventListener('rp-history-request', this.onHistoryRequest);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('rp-history-request', this.onHistoryRequest);
  }

  /** A history entry to compare with another moment: the compare view opens with it picked. */
  private readonly onHistoryRequest = (e: Event): void => {
    const r = (e as RpEvent<'rp-history-request'>).detail;
    if (r.action === 'compare-moments') void this.compareMoments(r.id);
  };

  private async compareMoments(id: string): Promise<void> {
    this.set({ view: 'compare' });
    await this.host.updateComplete;
    await customElements.whenDefined('rp-planner-compare');
    await this.host.updateComplete;
    const panel = this.host.renderRoot.querySelector<HTMLElement & { compareMoments(from: string): Promise<void> }>(
      'rp-planner-compare',
    );
    if (this.view !== 'compare' || !panel) return;
    await panel.compareMoments(id);
    // On to the pickers, where another moment is chosen.
    const moments = panel.shadowRoot?.querySelector<HTMLElement & { focusPicker(): Promise<void> }>(
      'rp-compare-moments',
    );
    await moments?.focusPicker();
  }

  /** A host's set was read: a refusal is shown and reported (rp-error); a plan clears the messages. */
  hostSet(read: PlanInput): void {
    if (read.ok) return this.set({ refused: null, notice: null, comparingPublished: false });
    this.set({ refused: read.message });
    emit(this.host, 'rp-error', { code: 'plan-invalid', message: read.message, issues: read.issues });
  }

  /**
   * The compare view's panel (and its timeline) is loaded when the view is first chosen: until it
   * is defined the view says it is loading, as the panel does while it reads the scenarios.
   */
  private loadComparePanel(): void {
    if (customElements.get('rp-planner-compare')) return;
    comparePanel ??= import('./compare-panel.ts');
    void comparePanel.then(
      () => this.host.requestUpdate(),
      () => {
        // Offline or the file moved: say so, and ask again the next time the view is chosen.
        comparePanel = undefined;
        this.set({ notice: ui['planner.viewLoadFailed'], view: 'edit' });
      },
    );
  }

  /** Changes what is shown (and runs `also`), then renders again. */
  set(
    part: Partial<Pick<ViewController, 'refused' | 'notice' | 'view' | 'comparingPublished'>>,
    also?: () => void,
  ): void {
    Object.assign(this, part);
    also?.();
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const { host, parts } = this;
    if (this.view === 'compare') this.loadComparePanel();
    const { engine, scenarios: s, workshop } = parts;
    // prettier-ignore
    return plannerBody({
      plan: s.viewPlan, locale: host.locale, locked: this.locked(), licenseKey: host.licenseKey,
      userName: host.userName, findings: engine.findings, allocation: engine.shownAllocation, canUndo: host.canUndo,
      canRedo: host.canRedo, refused: this.refused, notice: this.notice, storeError: s.storeError,
      store: s.storedScenarios, scenarioId: s.scenarioId, scenarioName: s.scenarioName, workshop: workshop.view,
      view: this.view, published: s.published.plan, comparingPublished: this.comparingPublished, on: this.on,
      input: parts.input, negotiation: parts.negotiation, ownPlans: this.own.render(), state: s.state,
    });
  }
}
