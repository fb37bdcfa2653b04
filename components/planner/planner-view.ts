import type { TemplateResult, nothing } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { t, type UiKey } from '../../src/i18n/index.ts';
import type { ScenarioStore, StoreError } from '../../src/store/types.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { WorkshopView } from './workshop.ts';
import type { InputController } from './input-controller.ts';
import type { NegotiationController } from './negotiation-controller.ts';

/*
 * The one view object the planner's templates are functions of: the element (view-controller.ts)
 * gathers it from its properties and controllers and wires the handlers.
 */

export type SectionKey = 'details' | 'targetGroups' | 'parties' | 'activities' | 'split' | 'export';
export type View = 'edit' | 'flow' | 'compare';

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

/** A planner string in the view's language. */
export const tr = (v: PlannerView, key: UiKey, vars?: Record<string, string | number>): string =>
  t(v.locale, key, vars);
