// Captures the console messages a real headless browser prints for misconfigured CORS servers,
// and writes each scenario's messages to <out-dir>/real-<browser>-<scenario>.txt (verbatim, one
// message per line, as the browser's automation protocol reports them). Chromium is driven by
// playwright-core (CDP), Firefox ESR by puppeteer-core (WebDriver BiDi). Servers listen on
// 127.0.0.1 only and are closed at the end.
// Firefox in another language: `firefox:de` (the language pack must be installed, e.g. Debian's
// firefox-esr-l10n-de; it is selected with intl.locale.requested) writes real-firefox-de-*.txt.
// Usage: node tests/capture/capture.mjs chromium|firefox|firefox:<lang> [out-dir]
import { createServer } from 'node:http';
import { writeFile, mkdtemp, rm, mkdir, copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS as ARGS } from '../verify/engines.mjs';

const [browserName, variant] = (process.argv[2] ?? 'chromium').split(':');
const lna = variant === 'lna';
const language = lna ? undefined : variant;
const label = variant ? `${browserName}-${variant}` : browserName;
const out = resolve(process.argv[3] ?? 'tests/corpus');

// Each scenario: how the API answers, and the request the page makes.
const SCENARIOS = {
  'missing-allow-origin': { api: (req, res, o) => res.writeHead(200).end('{}'), call: `fetch(API + '/data')` },
  'missing-allow-origin-500': { api: (req, res) => res.writeHead(500).end('boom'), call: `fetch(API + '/data')` },
  'origin-mismatch': { api: (req, res) => res.writeHead(200, { 'Access-Control-Allow-Origin': 'https://app.example.com' }).end('{}'), call: `fetch(API + '/data')` },
  'multiple-allow-origin': { api: (req, res, o) => { res.setHeader('Access-Control-Allow-Origin', [o, o]); res.writeHead(200).end('{}'); }, call: `fetch(API + '/data')` },
  'origin-trailing-slash': { api: (req, res, o) => res.writeHead(200, { 'Access-Control-Allow-Origin': o + '/' }).end('{}'), call: `fetch(API + '/data')` },
  'wildcard-with-credentials': { api: (req, res) => res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}'), call: `fetch(API + '/data', { credentials: 'include' })` },
  'credentials-not-true': { api: (req, res, o) => res.writeHead(200, { 'Access-Control-Allow-Origin': o }).end('{}'), call: `fetch(API + '/data', { credentials: 'include' })` },
  'preflight-bad-status': { api: (req, res, o) => req.method === 'OPTIONS' ? res.writeHead(401, { 'Access-Control-Allow-Origin': o }).end() : res.writeHead(200).end(), call: `fetch(API + '/items/1', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })` },
  'preflight-404-no-headers': { api: (req, res) => req.method === 'OPTIONS' ? res.writeHead(404).end() : res.writeHead(200).end(), call: `fetch(API + '/items/1', { method: 'DELETE' })` },
  'preflight-redirect': { api: (req, res, o) => req.method === 'OPTIONS' ? res.writeHead(301, { Location: '/other', 'Access-Control-Allow-Origin': o }).end() : res.writeHead(200).end(), call: `fetch(API + '/items', { method: 'PUT' })` },
  'method-not-allowed': { api: (req, res, o) => res.writeHead(204, { 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Methods': 'GET, POST' }).end(), call: `fetch(API + '/items/1', { method: 'PATCH' })` },
  'header-not-allowed': { api: (req, res, o) => res.writeHead(204, { 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Methods': 'GET, POST' }).end(), call: `fetch(API + '/items', { headers: { Authorization: 'Bearer x' } })` },
  'redirect-credentials': { api: (req, res, o) => res.writeHead(302, { Location: API_URL_WITH_CREDENTIALS, 'Access-Control-Allow-Origin': o }).end(), call: `fetch(API + '/r')` },
  'network-error': { api: null, call: `fetch(CLOSED + '/refused')` },
  'xhr-missing-allow-origin': { api: (req, res) => res.writeHead(200).end('{}'), call: `new Promise((ok) => { const x = new XMLHttpRequest(); x.open('GET', API + '/xhr'); x.onloadend = ok; x.send(); })` },
  // ---- The rarer classes: look-alikes and non-HTTP cases (the recognition issue, item 3) -----
  // A page whose Content-Security-Policy forbids the request.
  'csp-connect-src': { page: { 'Content-Security-Policy': "connect-src 'self'" }, api: (req, res, o) => res.writeHead(200, { 'Access-Control-Allow-Origin': o }).end('{}'), call: `fetch(API + '/data')` },
  'csp-img-src': { page: { 'Content-Security-Policy': "img-src 'self'" }, api: (req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG), call: IMAGE(`API + '/img.png'`, false) },
  'csp-frame-ancestors': { api: (req, res) => res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': "frame-ancestors 'none'" }).end('<p>framed</p>'), call: `new Promise((ok) => { const f = document.createElement('iframe'); f.onload = ok; f.src = API + '/frame'; document.body.append(f); setTimeout(ok, 1500); })` },
  // A port browsers never connect to (6000, X11).
  'restricted-port': { api: null, call: `fetch('http://127.0.0.1:6000/data')` },
  // A CORS redirect to a scheme a fetch may not follow.
  'redirect-to-data': { api: (req, res, o) => res.writeHead(302, { Location: 'data:text/plain,hi', 'Access-Control-Allow-Origin': o }).end(), call: `fetch(API + '/r')` },
  // Reading back a canvas holding a cross-origin image drawn without CORS.
  'canvas-taint': { api: (req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG), call: `new Promise((ok, fail) => { const i = new Image(); i.onload = () => { try { const c = document.createElement('canvas'); c.width = c.height = 1; c.getContext('2d').drawImage(i, 0, 0); c.toDataURL(); ok(); } catch (e) { fail(e); } }; i.onerror = ok; i.src = API + '/img.png'; })` },
  // An image requested with crossorigin, answered without Allow-Origin.
  'image-crossorigin-missing-allow-origin': { api: (req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG), call: IMAGE(`API + '/img.png'`, true) },
  // Schemes a fetch does not support, from an http page.
  'fetch-file-scheme': { api: null, call: `fetch('file:///etc/hostname')` },
  'fetch-ftp-scheme': { api: null, call: `fetch('ftp://127.0.0.1/file.txt')` },
  // A local file linked from an http page.
  'image-file-scheme': { api: null, call: IMAGE(`'file:///etc/hostname'`, false) },
  // A page whose origin is null (opened from a file) calling an API.
  // Local Network Access: run with `chromium:lna` / `firefox:lna`, which makes the page's
  // address public to the browser, so its call to 127.0.0.1 reaches a more private space.
  'local-network-access': { lnaOnly: true, api: (req, res, o) => res.writeHead(200, { 'Access-Control-Allow-Origin': o }).end('{}'), call: `fetch(CLOSED_OR_API + '/data')` },
  'null-origin-file-page': { pageUrl: 'file', api: (req, res) => res.writeHead(200).end('{}'), call: `fetch(API + '/data')` },
};
// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/// A call that loads an image (with crossorigin="anonymous" when `cors`) and waits for it.
function IMAGE(src, cors) {
  return `new Promise((ok) => { const i = new Image(); ${cors ? "i.crossOrigin = 'anonymous'; " : ''}i.onload = i.onerror = ok; i.src = ${src}; document.body.append(i); })`;
}
let API_URL_WITH_CREDENTIALS = '';

function listen(handler) {
  const server = createServer(handler);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const page = await listen((req, res) => res.writeHead(200, { 'content-type': 'text/html', ...(SCENARIOS[scenario]?.page ?? {}) }).end('<!doctype html><title>capture</title>'));
const pageOrigin = `http://127.0.0.1:${page.address().port}`;
let scenario = null;
const api = await listen((req, res) => { const s = SCENARIOS[scenario]; if (s?.api) s.api(req, res, pageOrigin); else res.writeHead(500).end(); });
const API = `http://localhost:${api.address().port}`;
API_URL_WITH_CREDENTIALS = `http://user:pw@localhost:${api.address().port}/x`;

// A port that was just free: nothing listens there, so the connection is refused.
const closed = await listen(() => {});
const CLOSED = `http://127.0.0.1:${closed.address().port}`;
await new Promise((ok) => closed.close(ok));

const profile = await mkdtemp(join(tmpdir(), 'cors-capture-'));

/// Opens a tab with console capture; returns { goto, evaluate, wait, close, lines }.
async function launch() {
  if (browserName === 'firefox') {
    // A language pack is an extension in the application's scope: enable that scope, and ask
    // for the language.
    const extraPrefsFirefox = language
      ? { 'intl.locale.requested': language, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 }
      : lna
        ? { 'network.lna.enabled': true, 'network.lna.blocking': true, 'network.lna.address_space.public.override': `127.0.0.1:${page.address().port}` }
        : {};
    const options = { browser: 'firefox', executablePath: '/usr/bin/firefox-esr',
      headless: true, userDataDir: profile, args: ['--no-remote'], extraPrefsFirefox };
    if (language) {
      // Installed into the profile; Firefox picks the language at startup from the packs it
      // knew at the previous one, so start it once before the real run.
      const xpi = `langpack-${language}@firefox-esr.mozilla.org.xpi`;
      await mkdir(join(profile, 'extensions'), { recursive: true });
      await copyFile(join('/usr/lib/firefox-esr/browser/extensions', xpi), join(profile, 'extensions', xpi));
      await (await puppeteer.launch(options)).close();
    }
    const browser = await puppeteer.launch(options);
    console.log(`firefox ${await browser.version()} ${language ?? ''}`);
    return {
      close: () => browser.close(),
      async tab() {
        const tab = await browser.newPage();
        const lines = [];
        tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') lines.push(m.text()); });
        tab.on('pageerror', (e) => lines.push(`Uncaught ${e.message}`));
        return { lines, goto: (u) => tab.goto(u), evaluate: (js) => tab.evaluate(js), close: () => tab.close() };
      },
    };
  }
  const lnaArgs = lna ? [`--ip-address-space-overrides=127.0.0.1:${page.address().port}=public`] : [];
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: [...ARGS, ...lnaArgs] });
  return {
    close: () => context.close(),
    async tab() {
      const tab = await context.newPage();
      const lines = [];
      tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') lines.push(m.text()); });
      tab.on('pageerror', (e) => lines.push(`Uncaught ${e.message}`));
      return { lines, goto: (u) => tab.goto(u), evaluate: (js) => tab.evaluate(js), close: () => tab.close() };
    },
  };
}

const browser = await launch();
try {
  // `--only=a,b` runs those scenarios only.
  const only = (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '').split(',').filter(Boolean);
  for (const name of Object.keys(SCENARIOS).filter((n) => (!only.length || only.includes(n)) && !!SCENARIOS[n].lnaOnly === lna)) {
    scenario = name;
    const tab = await browser.tab();
    if (SCENARIOS[name].pageUrl === 'file') {
      // A page opened from a file: its origin is null.
      const file = join(profile, 'page.html');
      await writeFile(file, '<!doctype html><title>capture</title>');
      await tab.goto('file://' + file);
    } else {
      await tab.goto(pageOrigin + '/');
    }
    await tab.evaluate(`const API = ${JSON.stringify(API)}; const CLOSED = ${JSON.stringify(CLOSED)}; const CLOSED_OR_API = ${JSON.stringify(API.replace('localhost', '127.0.0.1'))}; (async () => { try { await ${SCENARIOS[name].call}; } catch (e) { console.error(String(e)); } })()`);
    await new Promise((ok) => setTimeout(ok, 1000));
    await tab.close();
    const file = join(out, `real-${label}-${name}.txt`);
    await writeFile(file, tab.lines.join('\n') + '\n');
    console.log(`${name}: ${tab.lines.length} lines -> ${file}`);
  }
} finally {
  await browser.close();
  page.close(); api.close();
  await rm(profile, { recursive: true, force: true });
}
