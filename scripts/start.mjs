// `npm start`: install what is missing, start the collaboration server and the demo on loopback.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureNodeModules } from './ensure.mjs';

ensureNodeModules();

const host = '127.0.0.1';
const demoPort = Number(process.env.RP_DEMO_PORT ?? 5173);
const collabPort = Number(process.env.RP_COLLAB_PORT ?? 1234);
const children = [];

if (existsSync('server/main.ts')) {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, RP_COLLAB_HOST: host, RP_COLLAB_PORT: String(collabPort) },
  });
  children.push(server);
}

const { createServer } = await import('vite');
const vite = await createServer({
  configFile: 'vite.config.ts',
  server: { host, port: demoPort, strictPort: false },
  define: { 'import.meta.env.RP_COLLAB_URL': JSON.stringify(`ws://${host}:${collabPort}`) },
});
await vite.listen();
const url = `http://${host}:${vite.config.server.port}/demo/`;
console.log(`\n  regioplan demo: ${url}\n`);

const stop = () => {
  for (const c of children) c.kill();
  vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
