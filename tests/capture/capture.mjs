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

const [browserName, language] = (process.argv[2] ?? 'chromium').split(':');
const label = language ? `${browserName}-${language}` : browserName;
const out = resolve(process.argv[3] ?? 'tests/corpus');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

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
};
let API_URL_WITH_CREDENTIALS = '';

function listen(handler) {
  const server = createServer(handler);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const page = await listen((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>capture</title>'));
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
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
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
  for (const name of Object.keys(SCENARIOS)) {
    scenario = name;
    const tab = await browser.tab();
    await tab.goto(pageOrigin + '/');
    await tab.evaluate(`const API = ${JSON.stringify(API)}; const CLOSED = ${JSON.stringify(CLOSED)}; (async () => { try { await ${SCENARIOS[name].call}; } catch (e) { console.error(String(e)); } })()`);
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
