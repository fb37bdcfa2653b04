import type { ReactiveControllerHost } from 'lit';
import type { FindingLocation } from '../../src/model/finding.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { fillMsg, ui } from '../../src/i18n/index.ts';
import { emit } from '../shared/events.ts';
import { InputController } from './input-controller.ts';
import { WorkshopController, type WorkshopHost } from './workshop.ts';
import { ScenarioController } from './scenario-controller.ts';
import { EngineController } from './engine-controller.ts';
import { NegotiationController } from './negotiation-controller.ts';
import type { StorageMode } from './storage.ts';
import { editorName } from '../../src/negotiation/editor-name.ts';

/** What the planner's controllers read from and do on the element. */
export interface PlannerParts extends WorkshopHost, ReactiveControllerHost {
  readonly storage: StorageMode;
  readonly storageName: string;
  readonly locale: Locale;
  undo(): void;
  redo(): void;
  focusFinding(location: FindingLocation): boolean;
}

export interface PlannerControllers {
  workshop: WorkshopController;
  input: InputController;
  engine: EngineController;
  scenarios: ScenarioController;
  negotiation: NegotiationController;
}

/**
 * The planner's controllers and how they talk: edits from the sections go to the open scenario
 * (unless locked), its states to the engine and the workshop, and the host hears rp-change,
 * rp-error, rp-saved and rp-store-error.
 */
export function plannerControllers(
  host: PlannerParts & HTMLElement,
  locked: () => boolean,
  notice: (message: Msg) => void,
): PlannerControllers {
  const workshop = new WorkshopController(host);
  const connect = () => workshop.follow(host, scenarios);
  const input = new InputController(host, {
    edit: (ops) => {
      if (!locked()) scenarios.edit(ops);
    },
    undo: () => host.undo(),
    redo: () => host.redo(),
    focus: (location) => host.focusFinding(location),
    switchScenario: (id) => scenarios.switchTo(id),
    select: (cell) => workshop.select(cell),
    prepare: () => {
      if (!locked()) scenarios.prepare();
    },
  });
  const engine = new EngineController(
    host,
    (plan) => emit(host, 'rp-change', { plan, findings: engine.findings }),
    () => notice(fillMsg(ui['planner.engineFailed'])),
  );
  const scenarios: ScenarioController = new ScenarioController(
    host,
    () => ({
      storage: host.storage,
      storageName: host.storageName,
      locale: host.locale,
      shareAtOnce: !!host.collabUrl,
    }),
    {
      stateChanged: (state) => {
        workshop.disconnect();
        engine.watch(state);
      },
      ready: connect,
      problem: (p) => {
        notice(p.message);
        emit(host, 'rp-error', { code: p.code, message: p.message });
      },
      saved: (info) => emit(host, 'rp-saved', info),
      storeError: (error) => emit(host, 'rp-store-error', error),
    },
  );
  // Sign-offs and comments of the open scenario (its Y.Doc); a comment before anything is stored stores it.
  const negotiation = new NegotiationController(
    host,
    () => ({
      state: scenarios.state,
      store: scenarios.storedScenarios,
      scenarioId: scenarios.scenarioId,
      userName: host.userName,
      // In a workshop a sign-off goes under the name the server assigned to this editor's token.
      // Null in a workshop whose token names nobody (it cannot sign there); undefined outside one.
      signer: workshop.view?.identity ? workshop.view.identity.name : undefined,
      // In a workshop with a token, edits are named once the server has said who this is.
      editor: editorName({
        userName: host.userName,
        workshop: !!host.collabUrl && !!host.collabToken,
        assigned: workshop.view?.identity ? workshop.view.identity.name : undefined,
        refused: workshop.view?.status === 'refused',
      }),
      locked: locked(),
    }),
    {
      focus: (location) => host.focusFinding(location),
      store: () => scenarios.share(),
      problem: (p) => notice(p.message),
    },
  );
  return { workshop, input, engine, scenarios, negotiation };
}
