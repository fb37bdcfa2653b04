import { expect } from 'chai';
import {
  DB_VERSION,
  openScenarioStore,
  warnBeforeUnloadWhileUnsaved,
  type ScenarioStore,
  type StoreError,
  type StoreEvent,
} from '../../src/store/index.ts';
import { newPlan } from '../../src/model/plan.ts';
import type { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import { createV1Db, deleteDb, nextEvent, quotaError, readAll, stub, uniqueDbName } from './helpers.ts';
import { loadV1Fixture, type StoredV1 } from './helpers.ts';

let fixture: StoredV1;
before(async () => {
  fixture = await loadV1Fixture();
});

describe('store failures', () => {
  let dbName: string;
  const stores: ScenarioStore[] = [];
  const undo: (() => void)[] = [];
  beforeEach(() => {
    dbName = uniqueDbName('failures');
  });
  afterEach(async () => {
    for (const u of undo.splice(0)) u();
    for (const s of stores.splice(0)) await s.close();
    await deleteDb(dbName);
  });
  const open = async (options: Partial<Parameters<typeof openScenarioStore>[0]> = {}) => {
    const store = await openScenarioStore({ planId: 'p', dbName, debounceMs: 10, ...options });
    stores.push(store);
    return store;
  };

  it('runs in memory with a message when indexedDB does not exist', async () => {
    const errors: StoreError[] = [];
    const store = await open({ indexedDB: undefined, onError: (e) => errors.push(e) });
    expect(store.mode).to.equal('memory');
    expect(store.error?.code).to.equal('unavailable');
    expect(store.error?.message.nl).to.match(/privévenster/);
    expect(errors.map((e) => e.code)).to.deep.equal(['unavailable']);

    const created = await store.create('In het geheugen');
    if (!created.ok) throw new Error('create failed');
    const live = await store.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Twente' }]);
    const plan = await store.readPlan(created.value.id);
    expect(plan.ok && plan.value.region).to.equal('Twente');
    expect(store.lastSavedAt).to.equal(null);
    expect(store.unsaved).to.equal(true, 'the edit exists only in this window');
  });

  it('runs in memory when opening fails', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = await open({ indexedDB: refusing });
    expect(store.mode).to.equal('memory');
    expect(store.error?.code).to.equal('unavailable');
  });

  it('runs in memory when the stored database is newer than this code (open error)', async () => {
    const request = indexedDB.open(dbName, 7);
    await new Promise((resolve) => {
      request.onsuccess = resolve;
    });
    request.result.close();
    const store = await open();
    expect(store.mode).to.equal('memory');
    expect(store.error?.code).to.equal('unavailable');
    expect(store.error?.cause).to.match(/VersionError/);
  });

  it('gives up on an upgrade blocked by an old tab without damaging its data', async () => {
    const old = await createV1Db(dbName, fixture);
    // The old tab ignores versionchange, as v1 code did.
    const store = await open({ blockedTimeoutMs: 200 });
    expect(store.mode).to.equal('memory');
    expect(store.error?.code).to.equal('blocked');
    expect(store.error?.message.en).to.match(/Close that tab/);
    expect(await readAll(old, 'scenarios')).to.have.length(2);
    old.close();
    // Once the old tab is gone the next store upgrades normally.
    await new Promise((r) => setTimeout(r, 50));
    const later = await open({ planId: 'dementie-eindhoven' });
    expect(later.mode).to.equal('idb');
    expect((await later.list()).map((s) => s.name).sort()).to.deep.equal(['60/25/15', '70/20/10']);
  });

  it('closes its own connection when a newer version needs it (never blocks)', async () => {
    const store = await open();
    expect((await store.create('A')).ok).to.equal(true);
    const request = indexedDB.open(dbName, DB_VERSION + 1);
    request.onupgradeneeded = () => undefined;
    const blocked = await new Promise<boolean>((resolve) => {
      request.onblocked = () => resolve(true);
      request.onsuccess = () => resolve(false);
    });
    expect(blocked).to.equal(false);
    request.result.close();
  });

  it('keeps editing on a full disk, says so, and saves once space is back', async () => {
    const store = await open();
    const created = await store.create('Vol');
    if (!created.ok) throw new Error('create failed');
    const live = await store.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');

    const add = IDBObjectStore.prototype.add;
    const put = IDBObjectStore.prototype.put;
    undo.push(
      stub(IDBObjectStore.prototype, 'add', function () {
        throw quotaError();
      }),
    );
    undo.push(
      stub(IDBObjectStore.prototype, 'put', function () {
        throw quotaError();
      }),
    );

    const failed = nextEvent<StoreEvent>((l) => store.subscribe(l), 'error');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Vol' }]);
    const event = await failed;
    expect(event.type === 'error' && event.error.code).to.equal('quota');
    expect(store.mode).to.equal('memory');
    expect(store.error?.message.nl).to.match(/vol/);
    expect(live.value.state.plan.region).to.equal('Vol');
    const rename = await store.rename(created.value.id, 'Andere naam');
    expect(!rename.ok && rename.error.code).to.equal('quota');

    IDBObjectStore.prototype.add = add;
    IDBObjectStore.prototype.put = put;
    await live.value.flush();
    expect(store.mode).to.equal('idb');
    expect(store.error).to.equal(null);
    const other = await open();
    const plan = await other.readPlan(created.value.id);
    expect(plan.ok && plan.value.region).to.equal('Vol');
    expect((await other.list())[0]!.name).to.equal('Vol');
  });

  /** Whether a beforeunload on `target` is cancelled (the browser would ask "leave this page?"). */
  const wouldWarn = (target: EventTarget): boolean => {
    const event = new Event('beforeunload', { cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };
  const until = async (condition: () => boolean, ms = 5000): Promise<void> => {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('waits behind an upgrade an old tab blocks, warns before unload meanwhile, and stores the work once the tab lets go', async () => {
    const old = await createV1Db(dbName, fixture);
    const planId = 'dementie-eindhoven';
    const store = await open({ planId, blockedTimeoutMs: 200 });
    expect(store.mode).to.equal('memory');
    expect(store.error?.code).to.equal('blocked');
    const page = new EventTarget();
    undo.push(warnBeforeUnloadWhileUnsaved(store, page as unknown as Window));

    // The host's plan alone is nothing to lose; an edit is.
    const created = await store.ensureScenario('Tijdelijk', newPlan(planId, 'Tijdelijk'));
    if (!created.ok) throw new Error('create failed');
    expect(store.unsaved).to.equal(false);
    expect(wouldWarn(page)).to.equal(false);
    const live = await store.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Geblokkeerd' }]);
    await until(() => store.unsaved);
    expect(wouldWarn(page)).to.equal(true);
    expect(await readAll(old, 'scenarios')).to.have.length(2);

    old.close();
    await until(() => store.mode === 'idb' && !store.unsaved);
    expect(store.error).to.equal(null);
    expect(wouldWarn(page)).to.equal(false);
    expect((await store.list()).map((s) => s.name).sort()).to.deep.equal(['60/25/15', '70/20/10', 'Tijdelijk']);
    // The open scenario carries on, now saved to IndexedDB.
    live.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Daarna' }]);
    await live.value.flush();

    const reloaded = await open({ planId });
    expect(reloaded.mode).to.equal('idb');
    const plan = await reloaded.readPlan(created.value.id);
    expect(plan.ok && [plan.value.region, plan.value.collaboration]).to.deep.equal(['Geblokkeerd', 'Daarna']);
  });

  it('keeps every edit when a write aborts at commit with a full disk, says so, and stores it on the retry', async () => {
    const store = await open();
    const page = new EventTarget();
    undo.push(warnBeforeUnloadWhileUnsaved(store, page as unknown as Window));
    const created = await store.create('Vol bij commit');
    if (!created.ok) throw new Error('create failed');
    const live = await store.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Eerst' }]);
    // In the log: the live state built (a flush alone may keep the edit beside the log until then).
    await (live.value.state as DeferredPlanState).settle();
    await live.value.flush();

    // Every request succeeds; the transaction then aborts as a browser does when the commit does not fit.
    const add = IDBObjectStore.prototype.add;
    const restore = stub(
      IDBObjectStore.prototype,
      'add',
      function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        const request = add.apply(this, args);
        const tx = this.transaction;
        request.addEventListener('success', () => {
          Object.defineProperty(tx, 'error', { value: quotaError(), configurable: true });
          tx.abort();
        });
        return request;
      },
    );
    undo.push(restore);
    const failed = nextEvent<StoreEvent>((l) => store.subscribe(l), 'error');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Tweede' }]);
    live.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Derde' }]);
    const event = await failed;
    expect(event.type === 'error' && event.error.code).to.equal('quota');
    expect(store.error?.code).to.equal('quota');
    expect(store.unsaved).to.equal(true);
    expect(wouldWarn(page)).to.equal(true);
    expect(live.value.state.plan.region).to.equal('Tweede');
    const meanwhile = await open();
    const stored = await meanwhile.readPlan(created.value.id);
    expect(stored.ok && stored.value.region).to.equal('Eerst', 'the aborted commit stored nothing');

    restore();
    await store.flush();
    expect(store.unsaved).to.equal(false);
    expect(store.error).to.equal(null);
    expect(wouldWarn(page)).to.equal(false);
    const reloaded = await open();
    const plan = await reloaded.readPlan(created.value.id);
    expect(plan.ok && [plan.value.region, plan.value.collaboration]).to.deep.equal(['Tweede', 'Derde']);
  });
});
