import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { join, startServer, synced, tempDir, waitFor, sameDoc } from './helpers.ts';

/*
 * Scale-out as deployed: two server instances share rooms through Redis (Debian's redis-server,
 * started here on a free port and stopped after), with a shared data dir. A load balancer may send
 * the people of one workshop to different instances; they must still see each other.
 */

function requireRedis(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) {
    throw new Error(
      'redis-server is not installed: `apt-get install -y redis-server` (Debian). scripts/test.mjs installs it on CI.',
    );
  }
  return path;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const ping = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => resolve(false));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      resolve(String(d).startsWith('+PONG'));
      s.destroy();
    });
  });

async function startRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  const bin = requireRedis();
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const until = Date.now() + 10_000;
  while (!(await ping(port))) {
    if (Date.now() > until) {
      child.kill();
      throw new Error('redis-server did not start');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

test('two instances behind a load balancer share a room through Redis', async () => {
  const redis = await startRedis();
  const data = tempDir();
  const redisUrl = `redis://127.0.0.1:${redis.port}`;
  const one = await startServer({ redisUrl, dataDir: data.path, instance: 'one' });
  const two = await startServer({ redisUrl, dataDir: data.path, instance: 'two' });
  try {
    const anna = join(one.url, 'plan-lb', { userName: 'Anna' });
    const bram = join(two.url, 'plan-lb', { userName: 'Bram' });
    await waitFor(() => synced(anna) && synced(bram), 'both connected');
    anna.doc.getMap('m').set('anna', 1);
    await waitFor(() => bram.doc.getMap('m').get('anna') === 1, 'instance one → two');
    bram.doc.getMap('m').set('bram', 2);
    await waitFor(() => anna.doc.getMap('m').get('bram') === 2, 'instance two → one');
    // Concurrent edits to one cell from both sides end the same everywhere.
    anna.doc.getMap('m').set('same', 'anna');
    bram.doc.getMap('m').set('same', 'bram');
    await waitFor(() => sameDoc(anna.doc, bram.doc), 'converged');
    await waitFor(
      () => anna.peers().some((p) => p.name === 'Bram') && bram.peers().some((p) => p.name === 'Anna'),
      'presence across instances',
    );
    anna.session.setSelection({ section: 'activities', rowId: 'a1', field: 'name' });
    await waitFor(
      () => bram.peers().find((p) => p.name === 'Anna')?.selection?.rowId === 'a1',
      'selection across instances',
    );
    anna.leave();
    bram.leave();
  } finally {
    await one.close();
    await two.close();
    await redis.stop();
  }
  // Each instance wrote its own file; a single server later loads their union.
  assert.deepEqual(readdirSync(joinPath(data.path, 'plan-lb')).sort(), ['one.ydoc', 'two.ydoc']);
  const solo = await startServer({ dataDir: data.path });
  const late = join(solo.url, 'plan-lb');
  await waitFor(
    () => late.doc.getMap('m').get('anna') === 1 && late.doc.getMap('m').get('bram') === 2,
    'everything stored',
  );
  late.leave();
  await solo.close();
  data.remove();
});
