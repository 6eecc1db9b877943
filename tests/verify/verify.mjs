// The verification matrix: every target that runs on this machine is started as a real server
// with the config cors-doctor generated, and three real browser engines (Chromium, Firefox ESR
// and WebKitGTK, Safari's engine; tests/verify/engines.mjs), from another origin, make the
// requests that failed. Per target, engine and scenario it records whether the fix works, and
// whether another origin is still refused. A baseline run per engine against the same backend
// without CORS checks that the parser names the errors each engine prints.
//
// Usage: node tests/verify/verify.mjs [--only=id,id] [--engines=chromium,firefox,webkit]
// Needs: target/debug/cors-doctor, Debian's chromium, firefox-esr, gir1.2-webkit2-4.1,
// python3-gi, xvfb, nginx/haproxy/apache2/php-cli, the npm devDependencies, and a Python venv
// with flask, flask-cors, fastapi, uvicorn (scripts/setup.sh --test installs all of them).
// Servers listen on 127.0.0.1 only; every process started here is stopped here, by PID. A full
// run (every target, every engine) writes tests/verify/matrix.json, src/generate/verified.tsv
// and the README's matrix section.
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, ENGINE_NAMES, ENGINE_LABELS } from './engines.mjs';

import { CLI, ROOT, ROUTES_JS, TARGET_SECONDS, dir_home, freePort, generate, must, rawRequest, running, setWorkHome, start, stop, version, waitForPort } from './lib.mjs';
import { JAVASCRIPT } from './targets/javascript.mjs';
import { PYTHON } from './targets/python.mjs';
import { PHP_RUBY_JAVA } from './targets/php-ruby-java.mjs';
import { GO } from './targets/go.mjs';
import { RUST } from './targets/rust.mjs';
import { PROXIES } from './targets/proxies.mjs';
import { STORAGE } from './targets/storage.mjs';

const ONLY = (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '').split(',').filter(Boolean);
// --engines=chromium,firefox,webkit (the default: all three).
const ENGINES = (process.argv.find((a) => a.startsWith('--engines='))?.slice(10) ?? ENGINE_NAMES.join(',')).split(',').filter(Boolean);
for (const e of ENGINES) if (!ENGINE_NAMES.includes(e)) { console.error(`unknown engine ${e}: use ${ENGINE_NAMES.join(', ')}`); process.exit(2); }

const configFor = (t, origin, full = null) => (t.generate ? t.generate(origin, full) : generate(t.id, origin, full));

// ---- targets: how each becomes a running server (tests/verify/targets/*.mjs) -----------------
const TARGETS = [...JAVASCRIPT, ...PYTHON, ...PHP_RUBY_JAVA, ...GO, ...RUST, ...PROXIES, ...STORAGE];

// ---- the browser side ----------------------------------------------------------------------
// Targets whose generated config matches origin patterns (generate::targets::supports_patterns).
const PATTERN_TARGETS = new Set(JSON.parse(execFileSync(CLI, ['frameworks', '--json'], { encoding: 'utf8' })).filter((f) => f.patterns).map((f) => f.id));
const SCENARIOS = ['broken-detected', 'simple-get', 'credentialed-get', 'put-with-preflight', 'exposed-header', 'error-500', 'other-origin-refused', 'pattern-origin', 'pattern-lookalikes-refused', 'single-allow-origin', 'check-cli'];

// Every answer to the allowed origin (the request, the preflight, the error) carries exactly
// one Access-Control-Allow-Origin line with one value: two layers adding it (an app behind a
// proxy) is the multiple-allow-origin failure. Returns the answers that did not.
async function notSingleAllowOrigin(api, origin, probe) {
  const bad = [];
  const ask = async (name, path, init) => {
    const r = await rawRequest(api + path, init);
    const values = r.headers.filter(([k]) => k.toLowerCase() === 'access-control-allow-origin').map(([, v]) => v);
    if (values.length !== 1 || values[0].includes(',')) bad.push(`${name}: ${JSON.stringify(values)}`);
  };
  await ask('GET', probe.data, { headers: { Origin: origin } });
  await ask('preflight', probe.put, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type' } });
  await ask('error', probe.error, { headers: { Origin: origin } });
  return bad;
}

// `cors-doctor check` against the running server, the PUT with Authorization and credentials
// (preflight, then the request): returns { code, kind, audit } from its JSON.
function checkCli(url, origin, { audit = false, credentials = true } = {}) {
  const args = ['check', url, '--origin', origin, '--method', 'PUT', '--header', 'Authorization: Bearer t', '--header', 'Content-Type: application/json', '--json'];
  if (credentials) args.push('--credentials');
  if (audit) args.push('--audit');
  // Asynchronous: the audit controls' servers run in this process and must keep answering.
  return new Promise((ok) => {
    execFile(CLI, args, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      let json = {};
      try { json = JSON.parse(stdout); } catch {}
      ok({ code: error ? error.code : 0, kind: json.kind ?? null, audit: (json.audit ?? []).map((a) => a.origin), stderr: (stderr ?? '').slice(0, 300) });
    });
  });
}

// The audit's controls: a server that reflects every origin with credentials, and one that
// allows origins by an unanchored regular expression. `check --audit` must flag both.
async function auditControls() {
  // A site origin (the controls only read the Origin header; no name is resolved).
  const pageOrigin = 'https://app.example.com';
  const allowed = /https:\/\/app\.example\.com/; // no ^ and no $: the classic mistake
  const servers = {
    reflecting: (req) => req.headers.origin,
    unanchored: (req) => (allowed.test(req.headers.origin ?? '') ? req.headers.origin : null),
  };
  const out = {};
  for (const [name, pick] of Object.entries(servers)) {
    const server = createServer((req, res) => {
      const o = pick(req);
      const h = o ? { 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Authorization, Content-Type' } : {};
      req.resume();
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, h).end('{}');
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const r = await checkCli(`http://127.0.0.1:${server.address().port}/api/items/1`, pageOrigin, { audit: true });
      out[name] = { ...r, ok: r.code === 1 && r.audit.length > 0 };
    } finally {
      server.close();
    }
  }
  return out;
}


// Origins an attacker can own that a loose pattern would let in, for the pattern
// http://*.localhost:PORT: no dot before the fixed part, the fixed part as a prefix of another
// name, text after the port, another scheme, and the fixed part alone. The server must not
// answer any of them with that origin (or *). The generator itself refuses patterns over a
// public suffix (`*.com`, `*.co.uk`, `*.github.io`: tests/hostile.rs), so this is what is left.
function lookalikes(port) {
  return [`http://evillocalhost:${port}`, `http://app.localhost.evil.example:${port}`, `http://app.localhost:${port}.evil.example`,
    `https://app.localhost:${port}`, `http://localhost:${port}`, `http://app.localhost:1${port}`];
}

async function lookalikesRefused(api, port) {
  const accepted = [];
  for (const origin of lookalikes(port)) {
    const r = await fetch(api + '/api/data', { headers: { Origin: origin }, redirect: 'manual' });
    await r.arrayBuffer();
    const acao = r.headers.get('access-control-allow-origin');
    if (acao === origin || acao === '*') accepted.push(origin);
  }
  return accepted;
}

// What the page asks for and what counts as success. The application (APP): JSON routes.
// Storage targets (blob/object stores) serve files, not the application: the exposed header is
// the object's metadata header, a PUT without the store's own signature is refused by the store
// (the check is that its answer is readable, i.e. the preflight passed and the CORS headers are
// on the error), and the error response is a 404 for a missing object. A target may name its
// own (Socket.IO: the polling transport's handshake).
const APP = { data: '/api/data', put: '/api/items/1', error: '/api/error', errorStatus: 500, expose: 'X-Request-Id',
  ok: (text) => /"ok":\s*true/.test(text), putOk: (status, text) => status === 200 && /"updated":\s*true/.test(text) };
const probeOf = (t) => t.probe ?? (t.storage
  ? { ...APP, error: '/api/missing', errorStatus: 404, expose: t.storage.expose, putOk: (status) => Number.isInteger(status) }
  : APP);

async function runScenarios(engine, pageBase, otherBase, api, patternBase, probe = APP) {
  const { data, put, error, expose } = probe;
  const { value: r } = await engine.run(pageBase, async ({ api, data, put, error, expose }) => {
    const out = {};
    const attempt = async (name, fn) => { try { out[name] = await fn(); } catch (e) { out[name] = { error: String(e) }; } };
    await attempt('simple', async () => { const r = await fetch(api + data); return { status: r.status, text: (await r.text()).slice(0, 200), exposed: r.headers.get(expose) }; });
    await attempt('credentialed', async () => { const r = await fetch(api + data, { credentials: 'include' }); return { status: r.status, text: (await r.text()).slice(0, 200) }; });
    await attempt('put', async () => { const r = await fetch(api + put, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer token' }, body: '{"n":1}' }); return { status: r.status, text: (await r.text()).slice(0, 200) }; });
    await attempt('error', async () => { const r = await fetch(api + error); return { status: r.status }; });
    return out;
  }, { api, data, put, error, expose });
  const { value: refused } = await engine.run(otherBase, async ({ api, data }) => { try { await fetch(api + data); return false; } catch { return true; } }, { api, data });
  // A subdomain page allowed only by the pattern http://*.localhost:PORT (Chromium and Firefox
  // resolve *.localhost to loopback; WebKit reaches it through its driver's proxy).
  let patternOk = null;
  if (patternBase) {
    ({ value: patternOk } = await engine.run(patternBase, async ({ api, data }) => { try { const r = await fetch(api + data); return { status: r.status, text: await r.text() }; } catch { return null; } }, { api, data }));
    patternOk = patternOk?.status === 200 && probe.ok(patternOk.text);
  }
  return {
    'pattern-origin': patternOk,
    'simple-get': r.simple?.status === 200 && probe.ok(r.simple.text),
    'credentialed-get': r.credentialed?.status === 200 && probe.ok(r.credentialed.text),
    'put-with-preflight': Number.isInteger(r.put?.status) && probe.putOk(r.put.status, r.put.text),
    'exposed-header': r.simple?.exposed === '42',
    'error-500': r.error?.status === probe.errorStatus,
    'other-origin-refused': refused,
    detail: r,
  };
}

// ---- the broken side, per target -----------------------------------------------------------
// An independent oracle: the Fetch standard's CORS check (https://fetch.spec.whatwg.org/#cors-check)
// applied to the raw HTTP answers of the running server, from Node (no browser involved). It
// says which error kind the browser must report for a page on `origin`.
function corsCheck(h, origin, credentials) {
  const acao = h.get('access-control-allow-origin');
  if (acao === null) return 'missing-allow-origin';
  if (acao.includes(',')) return 'multiple-allow-origin';
  if (acao === '*') return credentials ? 'wildcard-with-credentials' : null;
  if (acao !== origin) return 'origin-mismatch';
  if (credentials && h.get('access-control-allow-credentials') !== 'true') return 'credentials-not-true';
  return null;
}

// The engines check in different orders and word the same failure differently; the oracle says
// what each must report. WebKit checks a preflight's status before its Allow-Origin, and prints
// one text ("Origin X is not allowed by Access-Control-Allow-Origin") for a missing and a wrong
// Allow-Origin, so the parser can only name it missing-allow-origin. Firefox and WebKit do not
// say whether the preflight or the request lacked Allow-Origin: no stage for those kinds.
const ALLOW_ORIGIN_KINDS = new Set(['missing-allow-origin', 'origin-mismatch', 'multiple-allow-origin', 'wildcard-with-credentials', 'credentials-not-true']);
function asEngineSays(engine, kind, stage) {
  if (engine === 'chromium' || !ALLOW_ORIGIN_KINDS.has(kind)) return `${kind}/${stage}`;
  return `${engine === 'webkit' && kind === 'origin-mismatch' ? 'missing-allow-origin' : kind}/null`;
}

async function oracle(engine, api, origin, paths) {
  const expected = [];
  const get = await fetch(api + paths.get, { headers: { Origin: origin }, redirect: 'manual' });
  await get.arrayBuffer();
  const actual = corsCheck(get.headers, origin, false);
  if (actual) expected.push(asEngineSays(engine, actual, 'actual'));
  const pre = await fetch(api + paths.put, { method: 'OPTIONS', redirect: 'manual', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type' } });
  await pre.arrayBuffer();
  const list = (name) => (pre.headers.get(name) ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  const badStatus = pre.status >= 300 && pre.status < 400 ? 'preflight-redirect' : pre.status < 200 || pre.status > 299 ? 'preflight-bad-status' : null;
  let kind = engine === 'webkit' && badStatus === 'preflight-bad-status' ? badStatus : corsCheck(pre.headers, origin, false);
  if (!kind && badStatus) kind = badStatus;
  else if (!kind && !list('access-control-allow-methods').some((m) => m === 'put' || m === '*')) kind = 'method-not-allowed';
  else if (!kind && !list('access-control-allow-headers').includes('authorization')) kind = list('access-control-allow-headers').includes('*') ? 'authorization-not-covered-by-wildcard' : 'header-not-allowed';
  if (kind) expected.push(asEngineSays(engine, kind, 'preflight'));
  return expected.sort();
}

// The page on a refused origin makes the GET and the PUT; the engine's console text goes to the
// parser, which must name exactly the kinds the oracle derived from the raw answers, with the
// request URL (and the page origin, where the engine prints it) read back as facts. In
// Chromium, the CorsError classes DevTools reported must give the same kinds.
async function broken(engine, otherBase, api, paths) {
  const origin = new URL(otherBase).origin;
  const expected = await oracle(engine.name, api, origin, paths);
  const { lines, devtools } = await engine.run(otherBase, async ({ api, paths }) => {
    try { await fetch(api + paths.get); } catch {}
    try { await fetch(api + paths.put, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' }, body: '{}' }); } catch {}
    return null;
  }, { api, paths });
  const text = lines.join('\n');
  const json = JSON.parse(execFileSync(CLI, ['explain', '--json'], { input: text, encoding: 'utf8' }));
  const named = json.diagnoses.map((d) => `${d.kind}/${d.stage}`).sort();
  const pageOriginOk = (d) => d.facts.page_origin === origin || (engine.name !== 'chromium' && d.facts.page_origin == null);
  const factsOk = json.diagnoses.every((d) => pageOriginOk(d) && [api + paths.get, api + paths.put].includes(d.facts.request_url));
  // The same failures as DevTools' Issues panel names them ("Cross-Origin Resource Sharing
  // error: PreflightMissingAllowOriginHeader"): the parser must give the same kinds.
  let issuesOk = true;
  const issues = devtools ? [...new Set(devtools)] : null;
  if (issues) {
    const issueText = issues.map((c) => `Cross-Origin Resource Sharing error: ${c}`).join('\n');
    const fromIssues = issueText ? JSON.parse(execFileSync(CLI, ['explain', '--json'], { input: issueText, encoding: 'utf8' })).diagnoses.map((d) => d.kind) : [];
    issuesOk = fromIssues.length > 0 && [...new Set(fromIssues)].sort().join() === [...new Set(json.diagnoses.map((d) => d.kind))].sort().join();
  }
  const ok = expected.length > 0 && JSON.stringify(named) === JSON.stringify(expected) && factsOk && issuesOk && json.unrecognized.length === 0;
  return { ok, expected, named, factsOk, issues, issuesOk, text };
}

async function baseline(engine, pageBase, backendPort) {
  // The same backend without any CORS: the engine's console text must be named by the parser
  // as the oracle predicts for that engine.
  const named = await broken(engine, pageBase, `http://localhost:${backendPort}`, { get: '/api/data', put: '/api/items/1' });
  // Negative control: the same checks against the backend without CORS must fail, or the
  // matrix could not tell a working config from none.
  const control = await runScenarios(engine, pageBase, pageBase.replace('127.0.0.1', 'localhost'), `http://127.0.0.1:${backendPort}`);
  const controlFails = ['simple-get', 'credentialed-get', 'put-with-preflight', 'exposed-header', 'error-500'].every((s) => !control[s]);
  return { text: named.text, kinds: named.named, expected: named.expected, controlFails, ok: controlFails && named.ok };
}

// ---- main ------------------------------------------------------------------------------------
const started = Date.now();
const work = await mkdtemp(join(tmpdir(), 'cors-verify-'));
setWorkHome(join(work, 'home'));
await mkdir(dir_home(), { recursive: true });
const pagePort = await freePort();
const pageServer = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>verify</title>'));
await new Promise((ok) => pageServer.listen(pagePort, '127.0.0.1', ok));
const pageOrigin = `http://127.0.0.1:${pagePort}`;
const otherBase = `http://localhost:${pagePort}/`; // same server, another origin: must be refused
await writeFile(join(work, 'routes.js'), ROUTES_JS);
const backendPort = await freePort();
const backend = start('node', ['-e', `require('node:http').createServer(require('./routes.js').handle).listen(${backendPort}, '127.0.0.1')`], work);
const engines = [];
const results = [];
const baselines = {};
let audit = null;
try {
  for (const name of ENGINES) engines.push(await launch(name));
  await waitForPort(backendPort, backend, 15);
  for (const engine of engines) {
    baselines[engine.name] = await baseline(engine, `${pageOrigin}/`, backendPort);
    const b = baselines[engine.name];
    console.log(`baseline in ${engine.version} (no CORS): parser named ${b.kinds.join(', ')}; the fix checks all fail without CORS: ${b.controlFails} -> ${b.ok ? 'ok' : 'FAILED'}`);
  }
  audit = await auditControls();
  console.log(`check --audit flags a reflecting server: ${audit.reflecting.ok} (${audit.reflecting.audit.length} origins accepted), an unanchored regex: ${audit.unanchored.ok} (${audit.unanchored.audit.join(', ')})`);
  for (const t of TARGETS.filter((t) => !ONLY.length || ONLY.includes(t.id))) {
    const t0 = Date.now();
    let child = null;
    const helpers = []; // processes a target starts besides its server (the app behind a proxy)
    const stopAll = async () => { await stop(child); child = null; while (helpers.length) await stop(helpers.pop()); };
    const row = { id: t.id, server: '', engines: {}, seconds: 0, error: null, layers: t.layers ?? null };
    // Prepares and starts the target with one generated config; returns its base URL.
    const serve = async (variant, cfg) => {
      const dir = join(work, t.id + variant);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'routes.js'), ROUTES_JS);
      await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules')); // ES modules ignore NODE_PATH
      const port = await freePort();
      const [cmd, args, cwd] = await t.prepare(dir, cfg, port, backendPort, variant, helpers);
      child = start(cmd, args, cwd ?? dir, t.env ? t.env(port, dir) : {}, Boolean(t.group));
      await waitForPort(port, child, t.startSeconds ?? TARGET_SECONDS / 2);
      const api = `http://127.0.0.1:${port}${t.storage?.base ?? ''}`;
      if (t.setup) await t.setup(api, cfg);
      return api;
    };
    const paths = { get: probeOf(t).data, put: probeOf(t).put };
    const withPattern = (t.layers ?? [t.id]).every((id) => PATTERN_TARGETS.has(id));
    try {
      row.server = t.server();
      const api = await serve('', configFor(t, pageOrigin, { pattern: `http://*.localhost:${pagePort}`, expose: probeOf(t).expose }));
      // Server-side, the same for every engine: origins a loose pattern would let in (Node).
      const lookalikeAccepted = withPattern ? await lookalikesRefused(api, pagePort) : null;
      const notSingle = await notSingleAllowOrigin(api, pageOrigin, probeOf(t));
      // The CLI's live probe: the fixed server passes, and its audit finds nothing.
      // (Storage: without credentials, as a presigned upload is made; s3rver answers a credentialed
      // preflight with *.)
      const checked = await checkCli(api + probeOf(t).put, pageOrigin, { audit: true, credentials: !t.storage });
      row.check = { fixed: checked };
      for (const engine of engines) {
        const r = await Promise.race([
          runScenarios(engine, `${pageOrigin}/`, otherBase, api, withPattern ? `http://app.localhost:${pagePort}/` : null, probeOf(t)),
          new Promise((_, no) => setTimeout(() => no(new Error(`${engine.name}: scenarios timed out`)), TARGET_SECONDS * 1000)),
        ]);
        const e = row.engines[engine.name] = { scenarios: {}, detail: { ...r.detail, lookalikeAccepted, notSingle } };
        for (const s of SCENARIOS) e.scenarios[s] = r[s];
        e.scenarios['pattern-lookalikes-refused'] = lookalikeAccepted && lookalikeAccepted.length === 0;
        e.scenarios['single-allow-origin'] = notSingle.length === 0;
        e.scenarios['check-cli'] = checked.code === 0 && checked.kind === null && checked.audit.length === 0;
        e.detail.check = checked;
        // Broken, first way: the fixed server seen from a refused origin.
        e.refused = await broken(engine, otherBase, api, paths);
      }
      await stopAll();
      // Broken, second way: the target configured for the page origin only (the defaults: no
      // PUT, no Authorization), the classic half-done fix.
      const narrowApi = await serve('_narrow', configFor(t, pageOrigin));
      // ... and the narrow one fails with the kind Chromium reported for the same PUT.
      // (Chromium's kind: what the oracle predicts for Chromium, which the Chromium run checks.)
      row.check.narrow = await checkCli(narrowApi + probeOf(t).put, pageOrigin, { credentials: false });
      row.check.chromiumKind = (await oracle('chromium', narrowApi, pageOrigin, paths)).find((k) => k.endsWith('/preflight'))?.split('/')[0] ?? null;
      row.check.narrowOk = row.check.narrow.code === 1 && row.check.chromiumKind !== null && row.check.narrow.kind === row.check.chromiumKind;
      for (const engine of engines) {
        const e = row.engines[engine.name];
        const narrow = await broken(engine, `${pageOrigin}/`, narrowApi, paths);
        e.broken = { refused: e.refused.named, narrow: narrow.named, devtools: [...(e.refused.issues ?? []), ...(narrow.issues ?? [])], console: [e.refused.text, narrow.text] };
        e.scenarios['broken-detected'] = e.refused.ok && narrow.ok;
        e.scenarios['check-cli'] = e.scenarios['check-cli'] && row.check.narrowOk;
        if (!e.scenarios['broken-detected']) e.detail = { ...e.detail, refused: e.refused, narrow };
        delete e.refused;
      }
    } catch (e) {
      row.error = String(e.message ?? e).slice(0, 600);
    } finally {
      await stopAll();
      row.seconds = Math.round((Date.now() - t0) / 100) / 10;
    }
    const summary = engines.map((engine) => {
      const e = row.engines[engine.name];
      if (!e) return `${engine.name} -`;
      const applicable = SCENARIOS.filter((s) => e.scenarios[s] !== null);
      const failed = applicable.filter((s) => !e.scenarios[s]);
      return `${engine.name} ${applicable.length - failed.length}/${applicable.length}${failed.length ? ` FAILED ${failed.join(',')} ${JSON.stringify(e.detail).slice(0, 1500)}` : ''}; named ${e.broken?.refused.join(', ') ?? '-'}; ${e.broken?.narrow.join(', ') ?? '-'}`;
    });
    console.log(`${t.id.padEnd(10)} ${row.server.padEnd(50)} ${row.seconds} s${row.error ? ` ERROR ${row.error}` : ''}\n    ${summary.join('\n    ')}`);
    results.push(row);
  }
} finally {
  for (const engine of engines) await engine.close().catch(() => {});
  await stop(backend);
  pageServer.close();
  await rm(work, { recursive: true, force: true });
}

// ---- reports ---------------------------------------------------------------------------------
const total = Math.round((Date.now() - started) / 1000);
const passedOf = (r, name) => {
  const e = r.engines[name];
  if (!e || r.error) return null;
  const a = SCENARIOS.filter((s) => e.scenarios[s] !== null);
  return `${a.filter((s) => e.scenarios[s]).length}/${a.length}`;
};
const versions = Object.fromEntries(engines.map((e) => [e.name, e.version]));
const matrix = { generated: new Date().toISOString().slice(0, 10), engines: versions, seconds: total, auditControls: audit,
  baseline: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, { kinds: b.kinds, controlFails: b.controlFails, ok: b.ok, console: b.text }])),
  scenarios: SCENARIOS, targets: results.map((r) => ({ ...r, engines: Object.fromEntries(Object.entries(r.engines).map(([k, { detail, ...e }]) => [k, e])) })) };
const complete = !ONLY.length && ENGINES.length === ENGINE_NAMES.length;
if (complete) {
  await writeFile(join(ROOT, 'tests/verify/matrix.json'), JSON.stringify(matrix, null, 2) + '\n');
  // For the page and the CLI: the server, then the scenarios passed per engine (a layered pair
  // is not a target of its own).
  const tsv = results.filter((r) => !r.layers).map((r) => `${r.id}\t${r.server.replace(/ \(.*\)$/, '')}\t${ENGINE_NAMES.map((n) => `${ENGINE_LABELS[n]} ${passedOf(r, n) ?? 'error'}`).join(', ')}`).join('\n');
  await writeFile(join(ROOT, 'src/generate/verified.tsv'), tsv + '\n');
  const cell = (r, name) => {
    const e = r.engines[name];
    if (r.error || !e) return 'error';
    const failed = SCENARIOS.filter((s) => e.scenarios[s] === false);
    return `${passedOf(r, name)}${failed.length ? ` **FAIL** ${failed.join(', ')}` : ''}`;
  };
  const named = (r, name) => r.engines[name]?.broken ? `${r.engines[name].broken.refused.join(', ')}; ${r.engines[name].broken.narrow.join(', ')}` : '';
  const table = [
    `Verified on ${matrix.generated} in ${ENGINE_NAMES.map((n) => versions[n]).join(', ')}: ${results.filter((r) => !r.layers).length} targets and ${results.filter((r) => r.layers).length} layered pair, ${total} s in all (\`node tests/verify/verify.mjs\`, run by \`make test\`).`,
    `Baseline: the same backend without CORS fails every fix check in every engine (${Object.values(baselines).every((b) => b.controlFails) ? 'as it must' : '**it did not**'}), and the parser named the errors each engine printed for it: ${ENGINE_NAMES.map((n) => `${ENGINE_LABELS[n]} ${baselines[n]?.kinds.join(', ')}`).join('; ')}.`,
    '',
    `Scenarios per engine (${SCENARIOS.join(', ')}); WebKit loads the pattern's page (app.localhost) through a loopback proxy in its driver (WebKitGTK asks the system resolver, which has no answer for it here); pattern-lookalikes-refused (the server's answer to six look-alike origins) and single-allow-origin (exactly one Allow-Origin line with one value on the request, the preflight and the error answer, counted in the raw response) and check-cli (\`cors-doctor check --audit\` on the PUT with credentials passes with no audit finding, and on the narrow config fails with the kind Chromium reports) are the server's answers, checked once from Node. The audit's controls: a server reflecting every origin ${audit?.reflecting.ok ? 'is flagged' : '**is not flagged**'} (${audit?.reflecting.audit.length} hostile origins accepted), one allowing origins by an unanchored regex ${audit?.unanchored.ok ? 'is flagged' : '**is not flagged**'} (${audit?.unanchored.audit.join(', ')}). nginx+express is the layers scenario: the generated nginx config in front of an Express app that keeps its own generated CORS config.`,
    '',
    'broken-detected: twice per target and engine, (1) the fixed server seen from a refused origin and (2) the target configured for the page origin only, with the defaults (no PUT, no Authorization), the engine\'s console text for a GET and a PUT with Authorization is named by the parser exactly as an independent Fetch-standard check of the raw HTTP answers predicts for that engine, with the request URL (and the page origin where the engine prints it) as facts; in Chromium also the same kinds as the CorsError classes DevTools reports (Audits.issueAdded). The engines differ, and the check expects it: WebKit checks a preflight\'s status before its Allow-Origin and prints one text for a missing and a wrong Allow-Origin (so both read as missing-allow-origin), and neither Firefox nor WebKit says whether the preflight or the request lacked Allow-Origin (stage null). The kinds each engine\'s text was read as are in the last columns; the console texts are in tests/verify/matrix.json.',
    '',
    `| target | server | ${ENGINE_NAMES.map((n) => ENGINE_LABELS[n]).join(' | ')} | seconds | named from Chromium (refused origin; narrow policy) | from Firefox | from WebKit |`,
    `|---|---|${ENGINE_NAMES.map(() => '---').join('|')}|---:|---|---|---|`,
    ...results.map((r) => `| ${r.id} | ${r.server} | ${ENGINE_NAMES.map((n) => cell(r, n)).join(' | ')} | ${r.seconds} | ${ENGINE_NAMES.map((n) => named(r, n)).join(' | ')} |`),
  ].join('\n');
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const re = /(<!-- verify-matrix:start -->\n)[\s\S]*?(<!-- verify-matrix:end -->)/;
  if (re.test(readme)) await writeFile(join(ROOT, 'README.md'), readme.replace(re, `$1${table}\n$2`));
}
const failed = results.filter((r) => r.error || engines.some((e) => !r.engines[e.name] || SCENARIOS.some((s) => r.engines[e.name].scenarios[s] === false || r.engines[e.name].scenarios[s] === undefined)));
const baseFailed = engines.filter((e) => !baselines[e.name]?.ok).map((e) => e.name);
if (!audit?.reflecting.ok || !audit?.unanchored.ok) baseFailed.push('the audit controls');
if (baseFailed.length || failed.length) {
  console.error(`verification FAILED: ${failed.map((r) => r.id).join(', ')}${baseFailed.length ? ` (baseline: ${baseFailed.join(', ')})` : ''}`);
  process.exit(1);
}
console.log(`verification passed: ${results.length} targets x ${SCENARIOS.length} scenarios x ${engines.length} engines in ${total} s`);
process.exit(0); // do not wait for idle keep-alive sockets to time out
