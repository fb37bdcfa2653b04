import { expect } from 'chai';
import { Connection, openStoreDb } from '../../src/store/connection.ts';
import { IdbUpdateLog } from '../../src/store/update-log.ts';
import type { StoreError } from '../../src/store/errors.ts';
import { deleteDb, quotaError, stub, uniqueDbName } from './helpers.ts';

const bytes = (...xs: number[]) => new Uint8Array(xs);

describe('IdbUpdateLog', () => {
  let dbName: string;
  let connections: Connection[] = [];
  const connect = async () => {
    const opened = await openStoreDb({ name: dbName });
    if (!opened.ok) throw new Error(opened.error.code);
    const c = new Connection({ name: dbName }, opened.value);
    connections.push(c);
    return c;
  };
  beforeEach(() => {
    dbName = uniqueDbName('log');
  });
  afterEach(async () => {
    for (const c of connections) c.close();
    connections = [];
    await deleteDb(dbName);
  });

  it('keeps an update another tab appended while this one compacts', async () => {
    const a = new IdbUpdateLog(await connect(), 's1');
    const b = new IdbUpdateLog(await connect(), 's1');
    await a.append(bytes(1));
    await a.append(bytes(2));
    expect(await b.load()).to.deep.equal([bytes(1), bytes(2)]);
    await b.append(bytes(3));
    // a has seen 1 and 2 only: its merged update replaces exactly those.
    await a.replace(bytes(12));
    const after = await new IdbUpdateLog(await connect(), 's1').load();
    expect(after).to.deep.equal([bytes(3), bytes(12)]);
    expect(await new IdbUpdateLog(await connect(), 'other').load()).to.deep.equal([]);
  });

  it('seeds an empty log exactly once across two tabs', async () => {
    const a = new IdbUpdateLog(await connect(), 's2');
    const b = new IdbUpdateLog(await connect(), 's2');
    const [sa, sb] = await Promise.all([a.seed(bytes(9)), b.seed(bytes(8))]);
    expect([sa, sb].filter(Boolean)).to.have.length(1);
    expect(await a.load()).to.have.length(1);
  });

  it('keeps failed writes pending, reports them, and writes them together on the next try', async () => {
    const errors: StoreError[] = [];
    const saved: number[] = [];
    const log = new IdbUpdateLog(await connect(), 's3', { onError: (e) => errors.push(e), onSaved: (s) => saved.push(s.updates) });
    const undo = stub(IDBObjectStore.prototype, 'add', function () { throw quotaError(); });
    try {
      await log.append(bytes(1));
      await log.append(bytes(2));
    } finally {
      undo();
    }
    expect(errors.map((e) => e.code)).to.deep.equal(['quota', 'quota']);
    expect(log.unsaved).to.equal(2);
    await log.append(bytes(3));
    expect(saved).to.deep.equal([3]);
    expect(log.unsaved).to.equal(0);
    expect(await new IdbUpdateLog(await connect(), 's3').load()).to.deep.equal([bytes(1), bytes(2), bytes(3)]);
  });
});
