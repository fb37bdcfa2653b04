// Installs what a fresh clone on a fresh machine lacks: node modules, and Debian packages we run.
import { existsSync, lstatSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

export function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (stale && existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink()) {
    // npm ci empties node_modules first: through a link that would be another checkout's install.
    console.log('[regioplan] node_modules is a link to another install: not reinstalling it (run npm ci there)');
    return;
  }
  if (stale) {
    console.log('[regioplan] installing node modules (npm ci)…');
    run('npm ci --no-audit --no-fund');
  }
}

let aptUpdated = false;
/** Installs Debian packages whose binary is missing; root or sudo needed, as on the CI machine. */
export function ensureDebian(pkgs) {
  const missing = pkgs.filter(([bin]) => !has(bin)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`[regioplan] installing ${missing.join(', ')} with apt-get…`);
  const env = 'DEBIAN_FRONTEND=noninteractive';
  if (!aptUpdated) {
    run(`${sudo}env ${env} apt-get update -qq`);
    aptUpdated = true;
  }
  run(`${sudo}env ${env} apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`);
}

export const CHROMIUM = ['chromium', 'chromium'];
export const REDIS = ['redis-server', 'redis-server'];
export const OFFICE = ['soffice', 'libreoffice-calc libreoffice-writer'];
