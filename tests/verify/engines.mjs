// The three browser engines the verification matrix runs in, behind one interface:
//
//   const engine = await launch('chromium' | 'firefox' | 'webkit');
//   const { value, lines, devtools } = await engine.run(url, fn, arg);
//   await engine.close();
//
// run() opens `url` in a fresh tab, calls `fn(arg)` in the page (an async function; its result
// must be JSON), waits for the console to settle and closes the tab. `lines` are the console's
// errors and warnings (what a developer would copy), `devtools` the CorsError classes DevTools
// reported (Chromium only; null elsewhere). Every call is bounded in time.
//
// Chromium: Debian's chromium through playwright-core (CDP). Firefox: Debian's firefox-esr
// through puppeteer-core (WebDriver BiDi). WebKit (Safari's engine): Debian's WebKitGTK through
// tests/verify/webkit_driver.py under Xvfb. Each gets a fresh profile, removed by close().
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUN_SECONDS = 30;
const SETTLE_MS = 300;
// Debian's Chromium as root, headless, with nothing phoning home: every test that drives it.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];
export const ENGINE_LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const bounded = (promise, what) => Promise.race([promise,
  new Promise((_, no) => setTimeout(() => no(new Error(`${what} took over ${RUN_SECONDS} s`)), RUN_SECONDS * 1000))]);

export async function launch(name) {
  const profile = await mkdtemp(join(tmpdir(), `cors-verify-${name}-`));
  const cleanup = () => rm(profile, { recursive: true, force: true });
  if (name === 'chromium') return launchChromium(profile, cleanup);
  if (name === 'firefox') return launchFirefox(profile, cleanup);
  if (name === 'webkit') return launchWebKit(cleanup);
  throw new Error(`unknown engine ${name}: use ${ENGINE_NAMES.join(', ')}`);
}

async function launchChromium(profile, cleanup) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const version = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  return {
    name: 'chromium', version, context,
    async run(url, fn, arg) {
      const page = await context.newPage();
      const lines = [];
      const devtools = [];
      page.on('console', (m) => { if (m.type() === 'error') lines.push(m.text()); });
      // DevTools' own classification (Audits.issueAdded: the CorsError class of each failure).
      const cdp = await context.newCDPSession(page);
      cdp.on('Audits.issueAdded', (e) => {
        const d = e.issue?.details?.corsIssueDetails;
        if (d) devtools.push(d.corsErrorStatus?.corsError);
      });
      await cdp.send('Audits.enable');
      try {
        await bounded(page.goto(url), 'loading the page');
        const value = await bounded(page.evaluate(fn, arg), 'the page script');
        await sleep(SETTLE_MS);
        return { value, lines, devtools };
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    },
    async close() { await context.close(); await cleanup(); },
  };
}

async function launchFirefox(profile, cleanup) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: profile, args: ['--no-remote'] });
  const version = `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`;
  return {
    name: 'firefox', version,
    async run(url, fn, arg) {
      const page = await browser.newPage();
      const lines = [];
      page.on('console', (m) => { if (['error', 'warn', 'warning'].includes(m.type())) lines.push(m.text()); });
      // Firefox's CORS and security messages are script errors, not console calls: BiDi
      // reports them as log entries of type javascript, which puppeteer names page errors.
      page.on('pageerror', (e) => lines.push(e.message));
      try {
        await bounded(page.goto(url), 'loading the page');
        const value = await bounded(page.evaluate(fn, arg), 'the page script');
        await sleep(SETTLE_MS);
        return { value, lines, devtools: null };
      } finally {
        await page.close();
      }
    },
    async close() { await browser.close(); await cleanup(); },
  };
}

// The WebKit driver is one long-lived process (one Xvfb): commands on its stdin, answers on its
// stdout, the engine's console on its stderr.
async function launchWebKit(cleanup) {
  const child = spawn('xvfb-run', ['-a', '/usr/bin/python3', join(HERE, 'webkit_driver.py')], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let out = '';
  let console = [];
  let waiting = null;
  child.stderr.on('data', (d) => { for (const l of String(d).split('\n')) if (l.includes('CONSOLE')) console.push(l); });
  child.stdout.on('data', (d) => {
    out += d;
    let i;
    while ((i = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, i);
      out = out.slice(i + 1);
      const m = line.match(/^@@(READY|RESULT) (.*)$/);
      if (m && waiting) { const w = waiting; waiting = null; w(JSON.parse(m[2])); }
    }
  });
  const next = () => new Promise((ok) => { waiting = ok; });
  const ready = await bounded(next(), 'starting WebKit');
  return {
    name: 'webkit', version: `WebKitGTK ${ready.version}`,
    async run(url, fn, arg) {
      console = [];
      const answer = next();
      child.stdin.write(JSON.stringify({ url, body: `return await (${fn.toString()})(arg);`, args: { arg } }) + '\n');
      const r = await bounded(answer, 'the WebKit page');
      if (r.error && r.value === null && !/^(TypeError|Error)/.test(r.error)) throw new Error(`WebKit: ${r.error}`);
      return { value: r.value, lines: console.slice(), devtools: null };
    },
    async close() {
      child.stdin.end();
      for (let i = 0; i < 30 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }
      await cleanup();
    },
  };
}
