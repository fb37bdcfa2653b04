import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlanState } from '../../src/sync/state.ts';
import type { CollabSession, CollabStatus, CollabTarget } from '../../src/sync/collab/connect.ts';
import { collabError, type CollabError } from '../../src/sync/collab/errors.ts';
import type { CellRef, Peer } from '../../src/sync/collab/presence.ts';
import { liveStateOf } from '../../src/sync/deferred-state.ts';
import { collabRoom } from './storage.ts';

/** What decides whether and where a planner joins a workshop. */
export interface WorkshopHost {
  collabUrl: string;
  collabToken: string;
  userName: string;
  isConnected: boolean;
}
export interface WorkshopScenario {
  state: PlanState | null;
  /** The state is the one to share (the stored scenario's, or the memory one when storing failed). */
  final: boolean;
  scenarioId: string;
  seededId: string | null;
}

export interface WorkshopOptions {
  url: string;
  room: string;
  token: string;
  userName: string;
}

/** What the planner shows of a workshop: status, the others, whether we may edit, the last error. */
export interface WorkshopView {
  status: CollabStatus;
  peers: readonly Peer[];
  readOnly: boolean;
  error: CollabError | null;
  room: string;
}

/**
 * One planner's workshop connection, as a reactive controller: a change of status, peers or error
 * asks the host to render again. The collaboration client (Hocuspocus) is loaded only when a host
 * sets a collab-url, so a planner used alone stays light. A later connect or a disconnect makes any
 * callback of an earlier session a no-op; a planner removed from the page leaves its room.
 */
export class WorkshopController implements ReactiveController {
  view: WorkshopView | null = null;
  private session: CollabSession | null = null;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  /** A workshop shares the Yjs document itself: a plain-first state (deferred-state.ts) is made live first. */
  async connect(state: PlanState, options: WorkshopOptions): Promise<void> {
    this.disconnect();
    const generation = this.generation;
    this.view = { status: 'connecting', peers: [], readOnly: false, error: null, room: options.room };
    this.changed();
    let collab: typeof import('../../src/sync/collab/index.ts');
    let target: CollabTarget;
    try {
      [collab, target] = await Promise.all([import('../../src/sync/collab/index.ts'), liveStateOf(state)]);
    } catch (e) {
      if (generation === this.generation)
        this.update({ status: 'refused', error: collabError('refused', String(e).slice(0, 80)) });
      return;
    }
    if (generation !== this.generation) return;
    const live = () => generation === this.generation;
    this.session = collab.connectCollab(target, {
      ...options,
      onStatus: (status) => {
        if (live())
          this.update({
            status,
            readOnly: this.session?.readOnly ?? false,
            ...(status === 'connected' ? { error: null } : {}),
          });
      },
      onPresence: (peers) => {
        if (live()) this.update({ peers });
      },
      onError: (error) => {
        if (live()) this.update({ error });
      },
    });
    // A bad url is refused inside connectCollab, before `session` was assigned.
    if (this.session.status === 'refused') this.update({ status: 'refused' });
  }

  /** Joins the open scenario's room when there is one to share (a collab-url, a final state, on the page); else leaves. */
  follow(host: WorkshopHost, scenario: WorkshopScenario): void {
    this.disconnect();
    const state = scenario.state;
    if (!host.collabUrl || !state || !scenario.final || !host.isConnected) return;
    void this.connect(state, {
      url: host.collabUrl,
      room: collabRoom(state.plan.id, scenario.scenarioId || null, scenario.seededId),
      token: host.collabToken,
      userName: host.userName,
    });
  }

  select(cell: CellRef | null): void {
    this.session?.setSelection(cell);
  }

  disconnect(): void {
    this.generation++;
    const had = this.session !== null || this.view !== null;
    this.session?.disconnect();
    this.session = null;
    this.view = null;
    if (had) this.changed();
  }

  private update(part: Partial<WorkshopView>): void {
    if (!this.view) return;
    this.view = { ...this.view, ...part };
    this.changed();
  }
}
