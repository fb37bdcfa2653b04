import type * as Y from 'yjs';
import { safely } from '../safely.ts';
import {
  chooseShared,
  localIdOf,
  readScenarioList,
  removeShared,
  renameShared,
  shareScenario,
  sharedIdOf,
  type SharedScenario,
} from './scenario-list.ts';

/*
 * Keeps a participant's own scenario list (the scenario store) and the workshop's shared list
 * (scenario-list.ts) the same, both ways:
 *
 * - a shared scenario this participant does not have is created locally under the same id, with the
 *   content its room holds (fetched; while the room is still empty it is tried again later);
 * - a rename, delete, restore or choice on either side is made on the other; when both changed the
 *   same thing since they last agreed, the shared list wins;
 * - a scenario created or duplicated here during the workshop is added to the shared list; the
 *   scenario seeded from the host's plan is the shared `main`;
 * - local scenarios made before joining are only OFFERED (`offered`): `share(id)` adds one.
 *
 * Each round reads both lists and compares them with what they were when they last agreed, so it does
 * not matter which side fired; rounds never overlap, and a change during a round runs one more.
 */

export interface LocalScenario {
  id: string;
  name: string;
  chosen: boolean;
  deleted: boolean;
  createdAt: number;
}

/** The participant's own scenarios (the planner's scenario store). Failures are ignored: the next round tries again. */
export interface LocalScenarios {
  /** Every scenario of the plan, deleted ones included. */
  list(): Promise<LocalScenario[]>;
  create(id: string, name: string, content: Uint8Array): Promise<unknown>;
  rename(id: string, name: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  restore(id: string): Promise<unknown>;
  choose(id: string): Promise<unknown>;
}

export interface ScenarioSyncOptions {
  /** The list room's doc (kept in sync with the room by a collab session). */
  doc: Y.Doc;
  local: LocalScenarios;
  /** The local id of the scenario seeded from the host's plan (shared as `main`). */
  seededId: string | null;
  /** The content of a shared scenario's room (one update), or null while it has none. */
  fetchContent(sharedId: string): Promise<Uint8Array | null>;
  /** The local scenarios offered to the workshop changed. */
  onOffered?(offered: readonly LocalScenario[]): void;
  /** How long to wait before asking an empty room again. */
  retryMs?: number;
}

type Snapshot<T> = Map<string, T>;

export class ScenarioSync {
  offered: readonly LocalScenario[] = [];
  private before: Set<string> | null = null;
  private readonly accepted = new Set<string>();
  private lastLocal: Snapshot<LocalScenario> = new Map();
  private lastShared: Snapshot<SharedScenario> = new Map();
  private lastChosen: { local: string | null; shared: string | null } | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onDoc = () => this.changed();

  constructor(private readonly options: ScenarioSyncOptions) {}

  /** Call once the list room has synced: from then on both lists are kept the same. */
  start(): Promise<void> {
    this.options.doc.on('update', this.onDoc);
    return this.changed();
  }

  /** Either list changed: run a round (or one more after the current). */
  changed(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.round();
        } catch {
          // A store failure: the next change tries again.
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Adds an offered local scenario to the workshop. */
  share(localId: string): Promise<void> {
    this.accepted.add(localId);
    return this.changed();
  }

  stop(): void {
    this.stopped = true;
    this.options.doc.off('update', this.onDoc);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
  }

  private async round(): Promise<void> {
    const { doc, local, seededId } = this.options;
    const mine = await local.list();
    if (this.stopped) return;
    if (this.before === null) this.before = new Set(mine.map((s) => s.id));
    const shared = readScenarioList(doc);
    const byShared = new Map(shared.entries.map((e) => [e.id, e]));
    const localIds = new Set(mine.map((s) => s.id));
    const offered: LocalScenario[] = [];
    let waiting = false;

    for (const s of mine) {
      const sid = sharedIdOf(s.id, seededId);
      const e = byShared.get(sid);
      const prevL = this.lastLocal.get(s.id);
      const prevE = this.lastShared.get(sid);
      if (!e) {
        if (s.deleted) continue;
        const madeHere = !this.before.has(s.id) && prevL === undefined;
        if (s.id === seededId || madeHere || this.accepted.has(s.id))
          shareScenario(doc, { id: sid, name: s.name, order: s.id === seededId ? 0 : s.createdAt });
        else offered.push(s);
        continue;
      }
      const sharedMoved = (f: (x: { name: string; deleted: boolean }) => unknown) =>
        prevE === undefined || f(prevE) !== f(e);
      const localMoved = (f: (x: { name: string; deleted: boolean }) => unknown) =>
        prevL !== undefined && f(prevL) !== f(s);
      if (s.name !== e.name) {
        if (!sharedMoved((x) => x.name) && localMoved((x) => x.name)) renameShared(doc, sid, s.name);
        else await local.rename(s.id, e.name);
      }
      if (s.deleted !== e.deleted) {
        if (!sharedMoved((x) => x.deleted) && localMoved((x) => x.deleted)) {
          if (s.deleted) removeShared(doc, sid);
          else shareScenario(doc, { id: sid, name: s.name, order: e.order });
        } else if (e.deleted) await local.remove(s.id);
        else await local.restore(s.id);
      }
    }

    for (const e of shared.entries) {
      const id = localIdOf(e.id, seededId);
      if (e.deleted || localIds.has(id)) continue;
      const content = await this.options.fetchContent(e.id);
      if (this.stopped) return;
      if (content) await local.create(id, e.name, content);
      else waiting = true;
    }

    await this.syncChosen(mine, shared.chosen);

    const now = await local.list();
    if (this.stopped) return;
    this.lastLocal = new Map(now.map((s) => [s.id, s]));
    const agreed = readScenarioList(doc);
    this.lastShared = new Map(agreed.entries.map((e) => [e.id, e]));
    this.lastChosen = { local: chosenOf(now, seededId), shared: agreed.chosen };
    const offeredNow = offered.filter((s) => !this.accepted.has(s.id));
    if (offeredNow.map((s) => s.id).join() !== this.offered.map((s) => s.id).join()) {
      this.offered = offeredNow;
      safely(() => this.options.onOffered?.(offeredNow));
    }
    if (waiting && this.retryTimer === null) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.changed();
      }, this.options.retryMs ?? 3000);
    }
  }

  /** The chosen scenario: the side that changed since they last agreed wins; else the shared list. */
  private async syncChosen(mine: readonly LocalScenario[], sharedChosen: string | null): Promise<void> {
    const { doc, local, seededId } = this.options;
    const localChosen = chosenOf(mine, seededId);
    if (localChosen === sharedChosen) return;
    const last = this.lastChosen;
    const localMoved = last !== null && last.local !== localChosen;
    const sharedMoved = last === null || last.shared !== sharedChosen;
    if ((localMoved && !sharedMoved) || (sharedChosen === null && last === null)) {
      if (localChosen !== null) chooseShared(doc, localChosen);
    } else if (sharedChosen !== null) {
      await local.choose(localIdOf(sharedChosen, seededId));
    }
  }
}

const chosenOf = (list: readonly LocalScenario[], seededId: string | null): string | null => {
  const c = list.find((s) => s.chosen && !s.deleted);
  return c ? sharedIdOf(c.id, seededId) : null;
};
