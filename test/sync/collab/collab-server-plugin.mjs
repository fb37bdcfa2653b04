// A web-test-runner plugin that runs the collaboration server (server/main.ts) beside the browser
// tests, on a free loopback port with a throw-away data dir and the development tokens. Tests ask
// for its address with executeServerCommand('rp-collab-server') and may restart it with
// executeServerCommand('rp-collab-restart'). Add `plugins: [collabServerPlugin()]` to the config.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export function collabServerPlugin() {
  let child = null;
  let port = 0;
  let dataDir = '';

  const start = () =>
    new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          RP_COLLAB_HOST: '127.0.0.1',
          RP_COLLAB_PORT: String(port),
          RP_COLLAB_DATA_DIR: dataDir,
          RP_COLLAB_TOKENS: '',
          RP_COLLAB_TOKENS_FILE: '',
          NODE_ENV: 'test',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      const timer = setTimeout(() => reject(new Error(`collaboration server did not start:\n${out}`)), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`collaboration server exited (${code}):\n${out}`));
      });
    });

  const stop = () =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  return {
    name: 'rp-collab-server',
    async serverStart() {
      port = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'rp-collab-wtr-'));
      await start();
    },
    async serverStop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async executeCommand({ command }) {
      if (command === 'rp-collab-server')
        return { url: `ws://127.0.0.1:${port}`, editor: 'dev-editor', observer: 'dev-observer' };
      if (command === 'rp-collab-restart') {
        await stop();
        await start();
        return true;
      }
      return undefined;
    },
  };
}
