import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join as joinPath } from 'node:path';
import { EDITOR, join, startServer, synced, tempDir, waitFor, sameDoc } from './helpers.ts';

test('a server restart in the middle of editing loses nothing', async () => {
  const data = tempDir();
  let server = await startServer({ dataDir: data.path });
  const port = server.port;
  const a = join(server.url, 'plan-r');
  const b = join(server.url, 'plan-r');
  await waitFor(() => synced(a) && synced(b), 'connected');
  a.doc.getMap('m').set('before', 'a');
  b.doc.getArray('rows').push(['b1']);
  await waitFor(() => synced(a) && synced(b) && sameDoc(a.doc, b.doc), 'shared before restart');

  await server.close();
  await waitFor(() => a.session.status === 'offline' && b.session.status === 'offline', 'clients notice');
  assert.equal(a.errors.length, 0, 'a restart is not an error to show');
  // Both keep editing while the server is down.
  a.doc.getMap('m').set('during', 'a');
  b.doc.getArray('rows').push(['b2']);

  server = await startServer({ dataDir: data.path, port });
  await waitFor(() => synced(a) && synced(b) && sameDoc(a.doc, b.doc), 'reconnected and merged', 20_000);
  assert.deepEqual(a.doc.getMap('m').toJSON(), { before: 'a', during: 'a' });
  assert.deepEqual(a.doc.getArray('rows').toArray(), ['b1', 'b2']);
  a.leave();
  b.leave();
  await server.close();

  // Nobody holds the document any more: only the disk has it.
  server = await startServer({ dataDir: data.path });
  const fresh = join(server.url, 'plan-r');
  await waitFor(() => fresh.doc.getArray('rows').length === 2, 'loaded from disk');
  assert.deepEqual(fresh.doc.getMap('m').toJSON(), { before: 'a', during: 'a' });
  fresh.leave();
  await server.close();
  data.remove();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startMain(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server/main.ts did not start:\n${out}`)), 20_000);
    const check = () => {
      if (out.includes('listening on')) {
        clearTimeout(t);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', () => {
      clearTimeout(t);
      reject(new Error(`server/main.ts exited:\n${out}`));
    });
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<number | null>((r) => {
    child.once('exit', (code) => r(code));
    child.kill('SIGTERM');
  });

test('server/main.ts: configured by environment, stores every room on SIGTERM, loads it after', async () => {
  const data = tempDir();
  const port = await freePort();
  const env = {
    RP_COLLAB_HOST: '127.0.0.1',
    RP_COLLAB_PORT: String(port),
    RP_COLLAB_DATA_DIR: data.path,
    RP_COLLAB_TOKENS: JSON.stringify({ [EDITOR]: 'editor' }),
  };
  let main = await startMain(env);
  const url = `ws://127.0.0.1:${port}`;
  const a = join(url, 'plan-main');
  await waitFor(() => synced(a), 'connected');
  a.doc.getMap('m').set('k', 'stored');
  await waitFor(() => synced(a), 'acknowledged');
  assert.equal(await stopped(main.child), 0, 'clean exit');
  assert.ok(existsSync(joinPath(data.path, 'plan-main', 'main.ydoc')));
  assert.deepEqual(readdirSync(joinPath(data.path, 'plan-main')), ['main.ydoc'], 'no temporary file left');
  a.leave();

  main = await startMain(env);
  const b = join(url, 'plan-main');
  await waitFor(() => b.doc.getMap('m').get('k') === 'stored', 'loaded after restart');
  const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
  assert.deepEqual(
    { ...health, rss: typeof health.rss, heapUsed: typeof health.heapUsed },
    {
      ok: true,
      rooms: 1,
      connections: 1,
      sockets: 1,
      storesFailing: 0,
      storesUnsaved: 0,
      rss: 'number',
      heapUsed: 'number',
    },
  );
  b.leave();
  await stopped(main.child);
  data.remove();
});

test('server/main.ts refuses to start with a bad token configuration, naming the problem', async () => {
  await assert.rejects(
    startMain({ RP_COLLAB_PORT: '0', RP_COLLAB_TOKENS: '{"short": "editor"}' }),
    /at least 8 characters/,
  );
  await assert.rejects(
    startMain({ RP_COLLAB_PORT: '0', RP_COLLAB_TOKENS: '', NODE_ENV: 'production' }),
    /development tokens are refused in production/,
  );
});

test('a session left while the server is away stays closed when the server comes back', async () => {
  let server = await startServer();
  const port = server.port;
  const a = join(server.url, 'plan-left');
  await waitFor(() => synced(a), 'connected');
  await server.close();
  await waitFor(() => a.session.status === 'offline', 'offline');
  a.leave();
  await new Promise((r) => setTimeout(r, 1500)); // past the provider's reconnect delay
  server = await startServer({ port });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(server.stats().sockets, 0, 'no reconnect from a closed session');
  await server.close();
});
