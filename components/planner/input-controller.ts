import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlanOp } from '../../src/model/ops.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import type { RpEvent, RpSelectDetail } from '../shared/events.ts';
import { fromGrid, undoCommand } from './undo-keys.ts';

/** What the planner does with what its sections send up. */
export interface PlannerInput {
  edit(ops: readonly PlanOp[]): void;
  undo(): void;
  redo(): void;
  focus(location: FindingLocation): void;
  switchScenario(id: string): void;
  select(cell: RpSelectDetail): void;
  /** Someone is about to edit: have the live state ready before the first edit. */
  prepare(): void;
}

/** The sections that edit the plan. */
const EDITORS = new Set(['rp-budget-grid', 'rp-split-grid', 'rp-plan-details', 'rp-parties', 'rp-target-groups']);

/**
 * The planner's inward events: the sections' rp-edit, rp-undo/rp-redo, rp-focus-finding, rp-select,
 * the scenario bar's choice, and Ctrl/Cmd+Z/Y on the planner itself. They are handled on the
 * wrapper inside the shadow root and go no further: the host page hears rp-change, not rp-edit.
 * (Read-only is checked where the edit is applied.)
 */
export class InputController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly input: PlannerInput,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('focusin', this.onFocusIn);
  }

  /*
   * Focus anywhere in the sections that edit the plan (a field, a grid cell, "Activiteit
   * toevoegen") is the sign someone is about to edit: the live (Yjs) state is built then, in idle
   * time, so the first edit does not wait for it. A page that is only looked at, or only exported
   * or compared, loads no Yjs.
   */
  private readonly onFocusIn = (e: FocusEvent): void => {
    if (e.composedPath().some((n) => n instanceof HTMLElement && EDITORS.has(n.localName))) this.input.prepare();
  };

  readonly onEdit = (e: RpEvent<'rp-edit'>): void => {
    e.stopPropagation();
    const ops = e.detail?.ops;
    if (Array.isArray(ops) && ops.length > 0) this.input.edit(ops);
  };

  readonly onUndo = (e: Event): void => {
    e.stopPropagation();
    if (e.type === 'rp-undo') this.input.undo();
    else this.input.redo();
  };

  readonly onFocusFinding = (e: RpEvent<'rp-focus-finding'>): void => {
    e.stopPropagation();
    if (e.detail?.location) this.input.focus(e.detail.location);
  };

  readonly onScenarioSelect = (e: RpEvent<'rp-scenario-select'>): void => {
    const id = e.detail?.id;
    if (typeof id === 'string' && id) this.input.switchScenario(id);
  };

  readonly onSelect = (e: RpEvent<'rp-select'>): void => {
    this.input.select(e.detail ?? null);
  };

  /** The scenario bar's own rp-saved/rp-store-error are replaced by the planner's (one event each). */
  readonly swallow = (e: Event): void => {
    e.stopPropagation();
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const command = undoCommand(e);
    // Grids handle their own shortcuts and send rp-undo / rp-redo.
    if (!command || e.defaultPrevented || fromGrid(e)) return;
    e.preventDefault();
    if (command === 'undo') this.input.undo();
    else this.input.redo();
  };
}
