import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlanState } from '../../src/sync/state.ts';
import type { CollabSession, CollabStatus, CollabTarget } from '../../src/sync/collab/connect.ts';
import { collabError, type CollabError } from '../../src/sync/collab/errors.ts';
import type { AssignedIdentity, CellRef, Peer } from '../../src/sync/collab/presence.ts';
import { liveStateOf } from '../../src/sync/deferred-state.ts';
import type { ListSession } from '../../src/sync/collab/list-session.ts';
import type { LocalScenario, LocalScenarios } from '../../src/sync/collab/scenario-sync.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
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
  /** The store when it holds the plan's scenarios: the workshop shares their list. */
  storedScenarios: ScenarioStore | null;
  /** Opens another stored scenario. */
  switchTo(id: string): void;
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
  /** Scenarios made here before joining: offered to the workshop, never shared by themselves. */
  offered: readonly { id: string; name: string }[];
  /** Shares an offered scenario with the workshop. */
  share(id: string): void;
  /** Who the server takes us for (role, and the name a personal token carries); null until it said. */
  identity?: AssignedIdentity | null;
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
  /** The plan's shared scenario list: kept while the workshop is on this plan, across scenario switches. */
  private list: {
    key: string;
    store: ScenarioStore;
    session: ListSession | null;
    off: () => void;
    open: (id: string) => void;
  } | null = null;
  private offered: readonly { id: string; name: string }[] = [];
  /** Shares an offered scenario and opens it: its room gets its content as it joins. */
  private readonly share = (id: string) => {
    const list = this.list;
    if (!list?.session) return;
    void list.session.share(id).then(() => {
      if (this.list === list) list.open(id);
    });
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.disconnect();
    this.leaveList();
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  /** A workshop shares the Yjs document itself: a plain-first state (deferred-state.ts) is made live first. */
  async connect(state: PlanState, options: WorkshopOptions): Promise<void> {
    this.disconnect();
    const generation = this.generation;
    this.view = {
      status: 'connecting',
      peers: [],
      readOnly: false,
      error: null,
      room: options.room,
      offered: this.offered,
      share: this.share,
    };
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
      onIdentity: (identity) => {
        if (live()) this.update({ identity });
      },
    });
    // A bad url is refused inside connectCollab, before `session` was assigned.
    if (this.session.status === 'refused') this.update({ status: 'refused' });
  }

  /** Joins the open scenario's room when there is one to share (a collab-url, a final state, on the page); else leaves. */
  follow(host: WorkshopHost, scenario: WorkshopScenario): void {
    this.disconnect();
    const state = scenario.state;
    if (!host.collabUrl || !state || !scenario.final || !host.isConnected) return this.leaveList();
    this.followList(host, state.plan.id, scenario);
    void this.connect(state, {
      url: host.collabUrl,
      room: collabRoom(state.plan.id, scenario.scenarioId || null, scenario.seededId),
      token: host.collabToken,
      userName: host.userName,
    });
  }

  /** Joins the plan's scenario list (once per plan, url and token; a scenario switch keeps it). */
  private followList(host: WorkshopHost, planId: string, scenario: WorkshopScenario): void {
    const store = scenario.storedScenarios;
    const key = JSON.stringify([host.collabUrl, host.collabToken, planId, scenario.seededId]);
    if (this.list && this.list.key === key && this.list.store === store) return;
    this.leaveList();
    if (!store) return;
    const entry: NonNullable<WorkshopController['list']> = {
      key,
      store,
      session: null,
      off: () => {},
      open: (id) => scenario.switchTo(id),
    };
    this.list = entry;
    entry.off = store.subscribe((event) => {
      if (event.type === 'list') entry.session?.changed();
    });
    void import('../../src/sync/collab/list-session.ts').then(({ joinScenarioList }) => {
      if (this.list !== entry) return;
      entry.session = joinScenarioList({
        url: host.collabUrl,
        planId,
        token: host.collabToken,
        userName: host.userName,
        local: localScenarios(store, scenario),
        seededId: scenario.seededId,
        onOffered: (offered) => {
          if (this.list !== entry) return;
          this.offered = offered.map((s) => ({ id: s.id, name: s.name }));
          this.update({ offered: this.offered });
        },
      });
    });
  }

  private leaveList(): void {
    const list = this.list;
    this.list = null;
    if (!list) return;
    list.off();
    list.session?.leave();
    if (this.offered.length > 0) {
      this.offered = [];
      this.update({ offered: [] });
    }
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

/**
 * The planner's scenario store as the shared list sees it. The open scenario deleted in the
 * workshop is left for the first one remaining (as the scenario bar does after a delete).
 */
function localScenarios(store: ScenarioStore, open: WorkshopScenario): LocalScenarios {
  return {
    list: async () =>
      (await store.list({ includeDeleted: true })).map((s): LocalScenario => ({
        id: s.id,
        name: s.name,
        chosen: s.chosen,
        deleted: s.deletedAt !== null,
        createdAt: s.createdAt,
      })),
    create: (id, name, content) => store.adopt(id, name, content),
    rename: (id, name) => store.rename(id, name),
    remove: async (id) => {
      const removed = await store.remove(id);
      if (removed.ok && open.scenarioId === id) {
        const next = (await store.list())[0];
        if (next) open.switchTo(next.id);
      }
      return removed;
    },
    restore: (id) => store.restore(id),
    choose: (id) => store.markChosen(id),
  };
}
