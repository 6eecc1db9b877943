// Differential test of the Fetch-standard checker (src/check.rs) against headless Chromium and
// Firefox ESR.
// A generator makes cases: a request (method, headers, credentials mode) and the server's answers
// (the preflight's and the request's status and Access-Control-* headers, with their variants:
// repeated, `*`, `null`, another origin, a trailing slash, odd case, invalid tokens; a third of
// the requests redirected, to the same origin, to another one, to data: or to a URL with a
// password, and the answer where the redirect leads); a fifth are no-cors loads instead, answered
// with a Cross-Origin-Resource-Policy variant (absent, same-origin, same-site, cross-origin, odd
// case, unknown) from the page's host on another port (same site) or from localhost (another
// site). Each case
// runs in Chromium against a loopback server that answers exactly so; the server records the
// requests that really arrived, and those exchanges, as raw headers, go through the CLI's
// checker. The checker must agree with the browser: the page could read the response, or not, and
// the kind it names must be the one of the CorsError DevTools reported (Chromium) or of the
// reason Firefox printed in its console (read by our own parser).
// Usage: node tests/differential/differential.mjs [chromium|firefox] [cases] [seed]
//        (defaults: chromium, 1000 cases, a fixed seed)
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS as ARGS } from '../verify/engines.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.CORS_DOCTOR_BIN ?? join(ROOT, 'target/debug/cors-doctor');
const BROWSER = process.argv[2] ?? 'chromium';
const CASES = Number(process.argv[3] ?? 1000);
const SEED = Number(process.argv[4] ?? 20261202);

// A small deterministic generator (xorshift32), so a seed gives the same cases.
let state = SEED >>> 0 || 1;
const rand = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 2 ** 32; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const listen = (handler) => new Promise((ok) => { const s = createServer(handler); s.listen(0, '127.0.0.1', () => ok(s)); });
const page = await listen((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>differential</title>'));
const ORIGIN = `http://127.0.0.1:${page.address().port}`;

function originVariant() {
  return pick([null, ORIGIN, ORIGIN, ORIGIN, '*', '*', 'null', 'http://127.0.0.1:1', ORIGIN + '/', ORIGIN.toUpperCase(), [ORIGIN, ORIGIN], [ORIGIN, '*'], ` ${ORIGIN}`]);
}

function makeCase(id) {
  if (rand() < 1 / 5) {
    // A no-cors load: no CORS check, the resource's Cross-Origin-Resource-Policy decides.
    const actual = { status: 200, acao: null, acac: null, corp: pick([null, 'same-origin', 'same-site', 'same-site', 'cross-origin', 'Same-Origin', 'bogus']) };
    return { id, noCors: true, host: pick(['127.0.0.1', 'localhost']), method: pick(['GET', 'GET', 'POST']), headers: {}, credentials: pick(['omit', 'include']), actual, redirect: null };
  }
  const method = pick(['GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
  const headers = pick([{}, {}, { 'X-Api-Key': 'k' }, { Authorization: 'Bearer x' }, { 'Content-Type': 'application/json' }, { 'Content-Type': 'text/plain' }]);
  const credentials = pick(['omit', 'same-origin', 'include']);
  const answer = () => ({
    status: pick([200, 200, 204, 204, 401, 404, 500]),
    acao: originVariant(),
    acac: pick([null, null, 'true', 'True', 'false']),
    acam: pick([null, method, '*', 'GET, POST', `${method}, OPTIONS`, 'PUT;']),
    acah: pick([null, Object.keys(headers)[0] ?? 'x-other', '*', 'x-other', 'x(y)']),
  });
  const preflight = answer();
  preflight.status = pick([200, 204, 204, 401, 404, 500]);
  const actual = answer();
  // A third of the requests are redirected: to the same origin, to another origin (the browser
  // then sends Origin: null, the tainted origin), to a data: URL, or to a URL with a password.
  let redirect = null;
  let final = null;
  if (rand() < 1 / 3) {
    redirect = pick(['same', 'cross', 'cross', 'data', 'userinfo']);
    actual.status = pick([301, 302, 307, 308]);
    // Mostly a redirect the CORS check lets through, so the answer where it leads matters.
    actual.acao = pick([ORIGIN, ORIGIN, '*', actual.acao]);
    final = answer();
    final.acao = pick([null, ORIGIN, '*', 'null', 'null', ['null', 'null']]);
    final.status = pick([200, 200, 500]);
  }
  return { id, method, headers, credentials, preflight, actual, redirect, final };
}

const cases = Array.from({ length: CASES }, (_, i) => makeCase(i));
const seen = new Map(); // id -> [{ method, headers, answer }]
const api = await listen((req, res) => {
  const [, , idText, final] = req.url.split('/');
  const id = Number(idText);
  const c = cases[id];
  if (!c) return res.writeHead(404).end();
  const a = req.method === 'OPTIONS' ? c.preflight : final ? c.final : c.actual;
  const out = {};
  if (req.method !== 'OPTIONS' && !final && c.redirect) {
    const port = api.address().port;
    out.Location = { same: `/c/${id}/final`, cross: `http://localhost:${port}/c/${id}/final`, data: 'data:text/plain,hi', userinfo: `http://u:p@127.0.0.1:${port}/c/${id}/final` }[c.redirect];
  }
  if (a.corp) out['Cross-Origin-Resource-Policy'] = a.corp;
  if (a.acao !== null) out['Access-Control-Allow-Origin'] = a.acao;
  if (a.acac !== null) out['Access-Control-Allow-Credentials'] = a.acac;
  if (req.method === 'OPTIONS') {
    if (a.acam !== null) out['Access-Control-Allow-Methods'] = a.acam;
    if (a.acah !== null) out['Access-Control-Allow-Headers'] = a.acah;
  }
  (seen.get(id) ?? seen.set(id, []).get(id)).push({ method: req.method, url: req.url, headers: req.rawHeaders, status: a.status, sent: out });
  req.resume();
  res.writeHead(a.status, out).end(a.status === 204 ? undefined : '{}');
});
const API_PORT = api.address().port;
const API = `http://127.0.0.1:${API_PORT}`;

const profile = await mkdtemp(join(tmpdir(), 'cors-differential-'));
const corsErrors = new Map(); // case id -> Chromium's CorsError name
const consoleLines = new Map(); // case id -> what Firefox printed
const outcomes = [];
const started = Date.now();
const run = async (evaluate) => {
  for (const c of cases) {
    const ok = await evaluate(async ({ url, method, headers, credentials, mode }) => {
      try {
        const body = method === 'GET' ? undefined : '{}';
        await fetch(url, { method, headers, credentials, body, mode, cache: 'no-store' });
        return true;
      } catch { return false; }
    }, { url: `${c.noCors ? `http://${c.host}:${API_PORT}` : API}/c/${c.id}`, method: c.method, headers: c.headers, credentials: c.credentials, mode: c.noCors ? 'no-cors' : 'cors' }, c.id);
    outcomes.push(ok);
  }
};
if (BROWSER === 'firefox') {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: profile, args: ['--no-remote'] });
  const tab = await browser.newPage();
  let current = -1;
  const record = (text) => { if (current >= 0) (consoleLines.get(current) ?? consoleLines.set(current, []).get(current)).push(text); };
  tab.on('console', (m) => record(m.text()));
  tab.on('pageerror', (e) => record(e.message));
  await tab.goto(ORIGIN + '/');
  await run(async (fn, arg, id) => {
    current = id;
    const ok = await tab.evaluate(fn, arg);
    await new Promise((r) => setTimeout(r, 30)); // the console message follows the rejection
    return ok;
  });
  current = -1;
  await browser.close();
} else {
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const tab = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFailed', (e) => {
    const m = (urls.get(e.requestId) ?? '').match(/\/c\/(\d+)/);
    if (m && e.corsErrorStatus) corsErrors.set(Number(m[1]), e.corsErrorStatus.corsError);
    // A no-cors load blocked by its Cross-Origin-Resource-Policy: DevTools' BlockedReason.
    if (m && /^corp-/.test(e.blockedReason ?? '')) corsErrors.set(Number(m[1]), e.blockedReason);
  });
  await tab.goto(ORIGIN + '/');
  await run((fn, arg) => tab.evaluate(fn, arg));
  await new Promise((r) => setTimeout(r, 300)); // the last loadingFailed events
  await context.close();
}
page.close(); api.close();

// Each case's real exchanges as raw headers (what DevTools shows), checked by the CLI.
const dir = await mkdtemp(join(tmpdir(), 'cors-differential-cases-'));
const kindOf = new Map(); // CorsError name -> our kind id
const kindOfError = (name) => {
  if (name.startsWith('corp-')) return 'corp-blocked';
  if (!kindOf.has(name)) {
    const out = JSON.parse(execFileSync(CLI, ['explain', '--json', '-'], { input: `Cross-Origin Resource Sharing error: ${name}`, encoding: 'utf8' }).toString() || '{}');
    kindOf.set(name, out.diagnoses?.[0]?.kind ?? null);
  }
  return kindOf.get(name);
};
// The kind of Firefox's console reason, read by our parser (the generic NetworkError aside).
const firefoxKind = (lines, noCors) => {
  const reasons = noCors ? lines : lines.filter((l) => l.includes('Cross-Origin Request Blocked'));
  if (!reasons.length) return null;
  const out = JSON.parse(execFileSync(CLI, ['explain', '--json', '-'], { input: reasons.join('\n'), encoding: 'utf8' }).toString() || '{}');
  return out.diagnoses?.find((d) => d.kind !== 'generic-fetch-failure')?.kind ?? null;
};
let agree = 0;
let notComparable = 0;
let engineNoted = 0;
const disagreements = [];
for (const c of cases) {
  const arrived = seen.get(c.id) ?? [];
  // The request itself, when its preflight failed and it was never sent: its headers (and the
  // cookie of a credentialed request) are what DevTools shows for it, with no answer.
  const never = arrived.length && arrived.every((x) => x.method === 'OPTIONS')
    ? [[`${c.method} /c/${c.id} HTTP/1.1`, `Host: ${API.slice(7)}`, `Origin: ${ORIGIN}`,
      ...Object.entries(c.headers).map(([k, v]) => `${k}: ${v}`),
      ...(c.credentials === 'include' ? ['Cookie: differential=1'] : [])].join('\n') + '\n']
    : [];
  const exchanges = arrived.map((x) => {
    // A no-cors load's request line names the whole URL: its scheme decides CORP same-site.
    const target = c.noCors ? `http://${c.host}:${API_PORT}${x.url}` : x.url;
    const lines = [`${x.method} ${target} HTTP/1.1`];
    for (let i = 0; i < x.headers.length; i += 2) lines.push(`${x.headers[i]}: ${x.headers[i + 1]}`);
    // The request's credentials mode is not a header; a cookie line says "include".
    if (c.credentials === 'include' && x.method !== 'OPTIONS') lines.push('Cookie: differential=1');
    lines.push('', `HTTP/1.1 ${x.status} X`);
    for (const [k, v] of Object.entries(x.sent)) for (const one of [v].flat()) lines.push(`${k}: ${one}`);
    return lines.join('\n') + '\n';
  });
  if (!exchanges.length) { disagreements.push({ c, why: 'no request reached the server' }); continue; }
  const file = join(dir, `${c.id}.txt`);
  await writeFile(file, [...exchanges, ...never].join('\n'));
  let report;
  try {
    report = JSON.parse(execFileSync(CLI, ['explain', '--json', file], { encoding: 'utf8' }));
  } catch (e) {
    report = JSON.parse(e.stdout?.toString() || '{"diagnoses":[]}');
  }
  // The diagnoses the checker decided (their "evidence" holds its steps).
  const failing = (report.diagnoses ?? []).filter((d) => d.evidence);
  const checkerOk = failing.length === 0;
  const browserOk = outcomes[c.id];
  const expectedKind = BROWSER === 'firefox'
    ? firefoxKind(consoleLines.get(c.id) ?? [], c.noCors)
    : corsErrors.has(c.id) ? kindOfError(corsErrors.get(c.id)) : null;
  // Firefox's "CORS request did not succeed" is its reason for any request that got no CORS
  // answer at all (a redirect to data: among them): no kind to compare.
  const comparable = !(BROWSER === 'firefox' && expectedKind === 'network-error');
  if (!browserOk && !checkerOk && !comparable) notComparable++;
  const kindOk = browserOk || !expectedKind || !comparable || failing[0]?.kind === expectedKind;
  // Where the checker names Firefox in its engine notes, it says what Firefox does instead.
  const noted = BROWSER === 'firefox' && failing[0]?.evidence?.engines?.some((e) => e.startsWith('Firefox'));
  if (checkerOk === browserOk && kindOk) agree++;
  else if (noted) { agree++; engineNoted++; }
  else disagreements.push({ c, browserOk, corsError: corsErrors.get(c.id), expectedKind, checker: failing.map((d) => d.kind), exchange: exchanges.join('\n') });
}
await rm(dir, { recursive: true, force: true });
await rm(profile, { recursive: true, force: true });

const redirected = cases.filter((c) => c.redirect);
const noCors = cases.filter((c) => c.noCors);
console.log(`differential (seed ${SEED}): ${CASES} cases in ${BROWSER}, ${agree} agree (${(100 * agree / CASES).toFixed(1)}%), ${disagreements.length} disagree; ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (engineNoted) console.log(`  ${engineNoted} of them where the checker follows Chromium and its engine note says what Firefox does instead`);
if (notComparable) console.log(`  ${notComparable} failures agree on pass/fail where Firefox's reason is its generic "CORS request did not succeed" (no kind to compare)`);
console.log(`  the page could read ${outcomes.filter(Boolean).length} of them; ${redirected.length} were redirected (${['same', 'cross', 'data', 'userinfo'].map((k) => `${k} ${redirected.filter((c) => c.redirect === k).length}`).join(', ')}), ${redirected.filter((c) => outcomes[c.id]).length} of those readable in the end; ${noCors.length} were no-cors loads (${noCors.filter((c) => !disagreements.some((d) => d.c === c)).length} agree, ${noCors.filter((c) => !outcomes[c.id]).length} blocked by their Cross-Origin-Resource-Policy)`);
for (const d of disagreements.slice(0, 15)) {
  console.log(`--- case ${d.c.id}: ${BROWSER} ${d.browserOk ? 'read it' : `failed (${d.corsError ?? 'its reason'} -> ${d.expectedKind})`}, checker: ${d.checker?.join(', ') || 'passes'}${d.why ? ` (${d.why})` : ''}`);
  if (d.exchange) console.log(d.exchange.trim().split('\n').map((l) => '    ' + l).join('\n'));
}
process.exit(disagreements.length ? 1 : 0);
