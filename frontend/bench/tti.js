// Time to interactive of the chat screen in headless chromium: from navigation start until the
// message box is enabled with a model selected (config, session, settings and models loaded,
// socket connecting). Runs against the e2e stand-in backend, so it measures the SPA, not the services.
// The stand-in serves the precompressed files like the gateway (gzip on): the bytes reported are
// what the browser received for the first load.
// Usage: npm run build && node bench/tti.js [runs]   (BENCH_DIST=/path/to/dist/ for another build)
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { launch } from '../e2e/browser.js';
import { startStandIn } from '../e2e/stand-in-backend.js';

const runs = Number(process.argv[2] ?? 10);
// BENCH_DIST measures another build (e.g. of an older commit) with the same stand-in and browser.
const dist = process.env.BENCH_DIST ?? new URL('../dist/', import.meta.url).pathname;
const backend = await startStandIn({ staticDir: dist });
const chrome = await launch({ viewport: { width: 1280, height: 820 } });
try {
  const res = await fetch(`${backend.url}/api/v1/auths/signup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Bench', email: 'bench@example.com', password: 'x' }) });
  const { token } = await res.json();
  const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.addInitScript((t) => localStorage.setItem('token', t), token);
  const cdp = await chrome.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let received = 0;
  const isApp = (url) => /^\/(assets\/|$)/.test(new URL(url).pathname);
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url && isApp(url)) received += e.encodedDataLength;
  });

  const times = [];
  let loaded = new Set();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/' || path.startsWith('/assets/')) loaded.add(path);
  });
  for (let i = 0; i < runs + 1; i++) {
    loaded = new Set();
    received = 0;
    await page.goto(`${backend.url}/`);
    await page.waitForFunction(() => {
      const box = document.querySelector('#chat-input');
      return box && !box.disabled && document.querySelector('[aria-label="Select a model"]');
    });
    const t = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    if (i > 0) times.push(t); // the first run warms up the server and the browser
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  // What the chat screen actually fetched (lazily loaded screens are not part of the first load).
  const files = [...loaded].map((p) => (p === '/' ? `${dist}index.html` : `${dist}${p.slice(1)}`));
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  const all = readdirSync(`${dist}assets`).filter((f) => !f.endsWith('.gz')).reduce((n, f) => n + gzipSync(readFileSync(`${dist}assets/${f}`)).length, 0);
  console.log(`first load: ${(received / 1024).toFixed(1)} kB received with gzip on, headers included (${files.length} files; ${(gz / 1024).toFixed(1)} kB as gzip -6); all assets: ${(all / 1024).toFixed(1)} kB gzip`);
  console.log(`time to interactive (cache disabled, ${runs} runs): median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
} finally {
  await chrome.close();
  await backend.close();
}
