// Entry point of the browser tests (npm run test:e2e, and the Maven `integration-test` phase).
// Skips loudly, with exit code 0, only when chromium cannot be found; everything else must pass.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, chromiumAvailable } from './browser.js';

// The project installs what its tests need: as root with apt-get, fetch Debian's chromium once.
if (!chromiumAvailable() && process.getuid?.() === 0 && process.env.E2E_INSTALL_CHROMIUM !== 'false') {
  console.log('chromium is missing: installing it with apt-get (set E2E_INSTALL_CHROMIUM=false to skip)');
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  const installed = () => spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet).status === 0;
  if (!installed()) {
    spawnSync('apt-get', ['update', '-qq'], quiet);
    installed();
  }
}

if (!chromiumAvailable()) {
  const line = '='.repeat(78);
  console.warn(`${line}\nBROWSER TESTS SKIPPED: chromium not found at ${CHROMIUM}.\nInstall it with 'apt-get install -y chromium' (or set CHROMIUM_PATH) and run 'npm run test:e2e'.\n${line}`);
  process.exit(0);
}
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('dist/index.html is missing: run "npm run build" first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'e2e/'], { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname });
process.exit(result.status ?? 1);
