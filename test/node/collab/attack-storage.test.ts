import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import {
  EDITOR,
  freePort,
  health,
  join,
  sleep,
  startMain,
  startServer,
  stopped,
  synced,
  tempDir,
  waitFor,
} from './helpers.ts';

/*
 * A disk that fails (full, read-only, an NFS hiccup) must not take the server down: before
 * issue 15, one failed write threw inside Hocuspocus' store timer and the process died with every
 * other room's unsaved edits.
 */

/** Makes every file the server could write for `room` unwritable: a directory where the file goes. */
function breakRoom(dataDir: string, room: string, instance = 'main'): () => void {
  const paths = ['ydoc', 'ylog'].map((ext) => joinPath(dataDir, room, `${instance}.${ext}`));
  for (const p of paths) {
    mkdirSync(p, { recursive: true });
    writeFileSync(joinPath(p, 'in-the-way'), 'x');
  }
  return () => {
    for (const p of paths) rmSync(p, { recursive: true, force: true });
  };
}

test('a failing disk: the server stays up, says so on /health, keeps the room, stores once the disk is back', async () => {
  const data = tempDir();
  const port = await freePort();
  const env = {
    RP_COLLAB_HOST: '127.0.0.1',
    RP_COLLAB_PORT: String(port),
    RP_COLLAB_DATA_DIR: data.path,
    RP_COLLAB_TOKENS: JSON.stringify({ [EDITOR]: 'editor' }),
    RP_COLLAB_STORE_RETRY_MS: '100',
  };
  let main = await startMain(env);
  const url = `ws://127.0.0.1:${port}`;
  try {
    const a = join(url, 'plan-disk');
    const b = join(url, 'plan-other');
    await waitFor(() => synced(a) && synced(b), 'connected');
    const repair = breakRoom(data.path, 'plan-disk');
    a.doc.getMap('m').set('while-broken', 'kept');
    b.doc.getMap('m').set('other-room', 'also kept');
    await waitFor(() => synced(a) && synced(b), 'acknowledged');
    await sleep(2500); // past the store debounce: the store fails
    assert.equal(main.child.exitCode, null, `the server is still running:\n${main.output().slice(-600)}`);
    const sick = await health(port);
    assert.equal(sick.status, 503);
    assert.equal(sick.body.ok, false);
    assert.equal(sick.body.storesFailing, 1);
    assert.match(main.output(), /plan-disk.*(store|write).*fail/i, 'logged');
    a.leave();
    b.leave();
    await sleep(1500);
    assert.equal((await health(port)).body.rooms, 1, 'the unsaved room stays loaded; the stored one is unloaded');
    repair();
    await waitFor(() => main.output().includes('stored again'), 'retried', 5000);
    const well = await health(port);
    assert.equal(well.status, 200);
    assert.equal(well.body.ok, true);
    for (let i = 0; i < 50 && (await health(port)).body.rooms !== 0; i++) await sleep(100);
    assert.equal((await health(port)).body.rooms, 0, 'stored, so unloaded');
    assert.equal(await stopped(main.child), 0);
    main = await startMain(env);
    const c = join(url, 'plan-disk');
    const d = join(url, 'plan-other');
    await waitFor(
      () => c.doc.getMap('m').get('while-broken') === 'kept' && d.doc.getMap('m').get('other-room') === 'also kept',
      'both rooms stored',
    );
    c.leave();
    d.leave();
  } finally {
    await stopped(main.child);
    data.remove();
  }
});

test('in process: a failing store never rejects into Hocuspocus; retried with back-off until it works', async () => {
  const data = tempDir();
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  const server = await startServer({
    dataDir: data.path,
    storeDebounceMs: 50,
    storeMaxDebounceMs: 100,
    storeRetryMs: 50,
  } as never);
  try {
    const a = join(server.url, 'plan-fail');
    await waitFor(() => synced(a), 'connected');
    const repair = breakRoom(data.path, 'plan-fail');
    a.doc.getMap('m').set('k', 1);
    await waitFor(() => server.logs.some((l) => /plan-fail.*fail/i.test(l)), 'store failed and was logged');
    const sick = await health(server.port);
    assert.equal(sick.status, 503);
    a.leave();
    await sleep(400);
    assert.equal(server.stats().rooms, 1, 'kept in memory while it cannot be stored');
    const attempts = server.logs.filter((l) => /plan-fail.*fail/i.test(l)).length;
    assert.ok(attempts >= 2, `retried (${attempts} attempts logged)`);
    repair();
    await waitFor(() => server.stats().rooms === 0, 'stored, then unloaded', 5000);
    assert.equal((await health(server.port)).status, 200);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await server.close();
    data.remove();
  }
});

test('an unhandled rejection is logged, and the server keeps serving', async () => {
  const data = tempDir();
  const port = await freePort();
  // Something in the process (a library hook, a dropped socket) rejects with nobody listening: here
  // on a signal, once the server is up.
  const stray = `data:text/javascript,process.on('SIGUSR2', () => { Promise.reject(new Error('stray rejection')); });`;
  const main = await startMain(
    {
      RP_COLLAB_HOST: '127.0.0.1',
      RP_COLLAB_PORT: String(port),
      RP_COLLAB_DATA_DIR: data.path,
      RP_COLLAB_TOKENS: JSON.stringify({ [EDITOR]: 'editor' }),
    },
    ['--import', stray],
  );
  try {
    main.child.kill('SIGUSR2');
    await waitFor(
      () => main.output().includes('stray rejection') || main.child.exitCode !== null,
      'the rejection happened',
      5000,
    );
    await sleep(200);
    assert.equal(main.child.exitCode, null, `still running:\n${main.output().slice(-400)}`);
    assert.match(main.output(), /unhandled rejection \(server keeps running\).*stray rejection/);
    const a = join(`ws://127.0.0.1:${port}`, 'plan-stray');
    await waitFor(() => synced(a), 'still serves');
    a.leave();
  } finally {
    await stopped(main.child);
    data.remove();
  }
});
