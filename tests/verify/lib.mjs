// Shared by the verification matrix's runner (verify.mjs) and its targets (targets/*.mjs): the
// application every target serves, the generator call, version probes and the process and
// network helpers. Servers listen on 127.0.0.1 only; every process started is stopped by PID.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { join, resolve, dirname } from 'node:path';
import { tmpdir, homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = process.env.CORS_DOCTOR_BIN ?? join(ROOT, 'target/debug/cors-doctor');
export const VENV = process.env.CORS_DOCTOR_VENV ?? join(homedir(), '.cache/cors-doctor/venv');
export const TARGET_SECONDS = 60;

// ---- the application every target serves --------------------------------------------------
// GET /api/data: JSON and an X-Request-Id header the page must be able to read;
// PUT /api/items/1: JSON (the page sends Authorization and application/json: a preflight);
// GET /api/error: a 500 that must still carry the CORS headers.
export const ROUTES_JS = `
exports.reply = (method, path) => {
  if (method === 'GET' && path === '/api/data') return [200, { ok: true }, { 'X-Request-Id': '42' }];
  if (method === 'PUT' && path === '/api/items/1') return [200, { updated: true }, {}];
  if (method === 'GET' && path === '/api/error') return [500, { error: true }, {}];
  return [404, { error: 'not found' }, {}];
};
exports.handle = (req, res) => {
  const [status, body, headers] = exports.reply(req.method, req.url.split('?')[0]);
  req.resume();
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
exports.express = (app) => app.all('/api/{*rest}', (req, res) => {
  const [status, body, headers] = exports.reply(req.method, req.path);
  res.status(status).set(headers).json(body);
});
exports.koa = async (ctx) => {
  const [status, body, headers] = exports.reply(ctx.method, ctx.path);
  ctx.status = status; ctx.set(headers); ctx.body = body;
};
`;
export const ROUTES_PY = `
from flask import jsonify

def reply(method, path):
    if method == "GET" and path == "/api/data":
        return 200, {"ok": True}, {"X-Request-Id": "42"}
    if method == "PUT" and path == "/api/items/1":
        return 200, {"updated": True}, {}
    if method == "GET" and path == "/api/error":
        return 500, {"error": True}, {}
    return 404, {"error": "not found"}, {}
`;

export function must(text, from, to) {
  if (!text.includes(from)) throw new Error(`the template no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

// The config for a target: the full policy of the scenarios, or (no `full`) the classic
// half-done fix, the page origin allowed and everything else left at the defaults.
export function generate(id, origin, full = null) {
  const policy = full ? ['--pattern', full.pattern, '--method', 'PUT', '--header', 'Authorization', '--header', 'Content-Type',
    '--expose', full.expose ?? 'X-Request-Id', '--credentials', '--max-age', '600'] : [];
  return execFileSync(CLI, ['config', '--framework', id, '--origin', origin, ...policy], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// A target's config; a layered pair generates one config per layer.

export function version(cmd, args, pattern) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.match(pattern)?.[1] ?? 'unknown';
}
export const npmVersion = (pkg) => JSON.parse(execFileSync('node', ['-p', `JSON.stringify(require(require('node:path').join('${ROOT}', 'node_modules', '${pkg}', 'package.json')).version)`], { encoding: 'utf8' }));
export const pyVersion = (pkg) => execFileSync(join(VENV, 'bin/python'), ['-c', `import importlib.metadata as m; print(m.version('${pkg}'))`], { encoding: 'utf8' }).trim();

// Azurite's well-known development account (documented by Microsoft for the emulator).
export const AZURE_ACCOUNT = 'devstoreaccount1';
export const AZURE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

// ---- process and network helpers --------------------------------------------------------------

// One Blob REST call signed with Shared Key (learn.microsoft.com: "Authorize with Shared Key").
export async function azure(api, method, path, query, headers, body = '') {
  const { createHmac } = await import('node:crypto');
  const h = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-12-02', ...headers };
  const length = Buffer.byteLength(body);
  const url = new URL(api + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const lower = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = Object.keys(lower).filter((k) => k.startsWith('x-ms-')).sort().map((k) => `${k}:${lower[k]}\n`).join('');
  const canonicalResource = `/${AZURE_ACCOUNT}${url.pathname}${Object.keys(query).sort().map((k) => `\n${k}:${query[k]}`).join('')}`;
  const toSign = [method, '', '', length ? String(length) : '', '', lower['content-type'] ?? '', '', '', '', '', '', ''].join('\n') + '\n' + canonicalHeaders + canonicalResource;
  const signature = createHmac('sha256', Buffer.from(AZURE_KEY, 'base64')).update(toSign, 'utf8').digest('base64');
  const r = await fetch(url, { method, headers: { ...h, Authorization: `SharedKey ${AZURE_ACCOUNT}:${signature}` }, body: length ? body : undefined });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`Azurite ${method} ${url.pathname}${url.search}: ${r.status} ${text.slice(0, 300)}`);
  return text;
}

export function freePort() {
  return new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
}

// A private HOME for tools that write state there (wrangler), inside the work directory.
let WORK_HOME = tmpdir();
export const dir_home = () => WORK_HOME;
export const setWorkHome = (dir) => { WORK_HOME = dir; };

export function start(cmd, args, cwd, extraEnv = {}, group = false) {
  // group: the server starts children of its own (wrangler -> workerd); it gets its own process
  // group, and stop() signals the group through the PID we started.
  const child = spawn(cmd, args, { cwd, detached: group, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), PYTHONDONTWRITEBYTECODE: '1', ...extraEnv } });
  child.group = group;
  child.log = '';
  child.stdout.on('data', (d) => { child.log += d; });
  child.stderr.on('data', (d) => { child.log += d; });
  return child;
}

export const running = (child) => child.exitCode === null && child.signalCode === null;

export async function stop(child) {
  if (!child) return;
  const signal = (s) => { try { if (child.group) process.kill(-child.pid, s); else child.kill(s); } catch {} };
  if (running(child)) {
    signal('SIGTERM');
    for (let i = 0; i < 50 && running(child); i++) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (child.group) signal('SIGKILL'); // children left in the group
  else if (running(child)) child.kill('SIGKILL');
}

export async function waitForPort(port, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (!running(child)) throw new Error(`server exited (${child.exitCode ?? child.signalCode}): ${child.log.slice(-800)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/data`).then(() => true, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer on port ${port} within ${seconds} s: ${child.log.slice(-800)}`);
}

// One HTTP request from Node with the response's header lines as sent (fetch joins repeats).
export function rawRequest(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((ok, no) => {
    const req = httpRequest(url, { method, headers, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => {
        const lines = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        ok({ status: res.statusCode, headers: lines });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', no);
    req.end();
  });
}
