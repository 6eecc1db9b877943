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
import { spawn, spawnSync, execFile, execFileSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { mkdtemp, writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { tmpdir, homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launch, ENGINE_NAMES, ENGINE_LABELS } from './engines.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.CORS_DOCTOR_BIN ?? join(ROOT, 'target/debug/cors-doctor');
const VENV = process.env.CORS_DOCTOR_VENV ?? join(homedir(), '.cache/cors-doctor/venv');
const ONLY = (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '').split(',').filter(Boolean);
const TARGET_SECONDS = 60;
// --engines=chromium,firefox,webkit (the default: all three).
const ENGINES = (process.argv.find((a) => a.startsWith('--engines='))?.slice(10) ?? ENGINE_NAMES.join(',')).split(',').filter(Boolean);
for (const e of ENGINES) if (!ENGINE_NAMES.includes(e)) { console.error(`unknown engine ${e}: use ${ENGINE_NAMES.join(', ')}`); process.exit(2); }

// ---- the application every target serves --------------------------------------------------
// GET /api/data: JSON and an X-Request-Id header the page must be able to read;
// PUT /api/items/1: JSON (the page sends Authorization and application/json: a preflight);
// GET /api/error: a 500 that must still carry the CORS headers.
const ROUTES_JS = `
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
const ROUTES_PY = `
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

function must(text, from, to) {
  if (!text.includes(from)) throw new Error(`the template no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

// The config for a target: the full policy of the scenarios, or (no `full`) the classic
// half-done fix, the page origin allowed and everything else left at the defaults.
function generate(id, origin, full = null) {
  const policy = full ? ['--pattern', full.pattern, '--method', 'PUT', '--header', 'Authorization', '--header', 'Content-Type',
    '--expose', full.expose ?? 'X-Request-Id', '--credentials', '--max-age', '600'] : [];
  return execFileSync(CLI, ['config', '--framework', id, '--origin', origin, ...policy], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// A target's config; a layered pair generates one config per layer.
const configFor = (t, origin, full = null) => (t.generate ? t.generate(origin, full) : generate(t.id, origin, full));

function version(cmd, args, pattern) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.match(pattern)?.[1] ?? 'unknown';
}
const npmVersion = (pkg) => JSON.parse(execFileSync('node', ['-p', `JSON.stringify(require(require('node:path').join('${ROOT}', 'node_modules', '${pkg}', 'package.json')).version)`], { encoding: 'utf8' }));
const pyVersion = (pkg) => execFileSync(join(VENV, 'bin/python'), ['-c', `import importlib.metadata as m; print(m.version('${pkg}'))`], { encoding: 'utf8' }).trim();

// Azurite's well-known development account (documented by Microsoft for the emulator).
const AZURE_ACCOUNT = 'devstoreaccount1';
const AZURE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

// ---- targets: how each becomes a running server ----------------------------------------------
// prepare(dir, config, port, backend) writes the files and returns [command, args].
const TARGETS = [
  { id: 'node-http', server: () => `Node.js ${process.version}`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `http.createServer(withCors((req, res) => {\n  res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');\n}))`, `http.createServer(withCors(require('./routes.js').handle))`);
      t = must(t, `.listen(8080, '127.0.0.1')`, `.listen(${port}, '127.0.0.1')`);
      await writeFile(join(dir, 'server.js'), t);
      return ['node', ['server.js']];
    } },
  { id: 'express', server: () => `Express ${npmVersion('express')} + cors ${npmVersion('cors')}`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `app.get('/api/health', (req, res) => res.json({ ok: true }));`, `require('./routes.js').express(app);`);
      t = must(t, `app.listen(8080, '127.0.0.1')`, `app.listen(${port}, '127.0.0.1')`);
      await writeFile(join(dir, 'server.js'), t);
      return ['node', ['server.js']];
    } },
  { id: 'koa', server: () => `Koa ${npmVersion('koa')} + @koa/cors ${npmVersion('@koa/cors')}`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `app.use((ctx) => { ctx.body = { ok: true }; });`, `app.use(require('./routes.js').koa);`);
      t = must(t, `app.listen(8080, '127.0.0.1')`, `app.listen(${port}, '127.0.0.1')`);
      await writeFile(join(dir, 'server.js'), t);
      return ['node', ['server.js']];
    } },
  { id: 'fastify', server: () => `Fastify ${npmVersion('fastify')} + @fastify/cors ${npmVersion('@fastify/cors')}`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `app.get('/api/health', async () => ({ ok: true }));`,
        `import { createRequire } from 'node:module';\nconst routes = createRequire(import.meta.url)('./routes.js');\napp.route({ method: ['GET', 'PUT'], url: '/api/*', handler: async (req, reply) => { const [s, b, h] = routes.reply(req.method, req.url.split('?')[0]); reply.code(s).headers(h); return b; } });`);
      t = must(t, `port: 8080`, `port: ${port}`);
      await writeFile(join(dir, 'server.mjs'), t);
      return ['node', ['server.mjs']];
    } },
  { id: 'hono', server: () => `Hono ${npmVersion('hono')} on @hono/node-server ${npmVersion('@hono/node-server')}`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `app.get('/api/health', (c) => c.json({ ok: true }));`,
        `import { createRequire } from 'node:module';\nconst routes = createRequire(import.meta.url)('./routes.js');\napp.all('/api/*', (c) => { const [s, b, h] = routes.reply(c.req.method, c.req.path); for (const [k, v] of Object.entries(h)) c.header(k, v); return c.json(b, s); });`);
      t = must(t, `port: 8787`, `port: ${port}`);
      await writeFile(join(dir, 'server.mjs'), t);
      return ['node', ['server.mjs']];
    } },
  { id: 'nestjs', server: () => `NestJS ${npmVersion('@nestjs/core')} (Express adapter)`,
    async prepare(dir, cfg, port) {
      const ts = (await import('typescript')).default;
      const compile = (source) => ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true } }).outputText;
      const main = must(cfg, `await app.listen(8080, '127.0.0.1');`, `await app.listen(${port}, '127.0.0.1');`);
      const module = `import 'reflect-metadata';\nimport { Controller, Get, Put, Header, HttpException, Module } from '@nestjs/common';\n\n@Controller('api')\nclass ApiController {\n  @Get('data') @Header('X-Request-Id', '42') data() { return { ok: true }; }\n  @Put('items/1') update() { return { updated: true }; }\n  @Get('error') fail() { throw new HttpException({ error: true }, 500); }\n}\n\n@Module({ controllers: [ApiController] })\nexport class AppModule {}\n`;
      await writeFile(join(dir, 'main.js'), compile(`import 'reflect-metadata';\n${main}`));
      await writeFile(join(dir, 'app.module.js'), compile(module));
      return ['node', ['main.js']];
    } },
  { id: 'nextjs', server: () => `Next.js ${npmVersion('next')} (next start, App Router route handlers)`, startSeconds: 60,
    async prepare(dir, cfg, port) {
      // Next's bundler resolves `next` by walking up from the app, and does not follow our
      // node_modules symlink: build under target/ (ignored by git), below the project's
      // node_modules.
      dir = join(ROOT, 'target/verify-nextjs');
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      // The generated file is one route handler; the app needs three routes, each its own file
      // with the same CORS helper and OPTIONS export.
      const get = `export async function GET(req: Request) {\n  return Response.json({ ok: true }, { headers: corsHeaders(req) });\n}`;
      const routes = {
        'data': `export async function GET(req: Request) {\n  const headers = corsHeaders(req);\n  headers.set('X-Request-Id', '42');\n  return Response.json({ ok: true }, { headers });\n}`,
        'items/1': `export async function PUT(req: Request) {\n  return Response.json({ updated: true }, { headers: corsHeaders(req) });\n}`,
        'error': `export async function GET(req: Request) {\n  return Response.json({ error: true }, { status: 500, headers: corsHeaders(req) });\n}`,
      };
      for (const [path, handler] of Object.entries(routes)) {
        await mkdir(join(dir, 'app/api', path), { recursive: true });
        await writeFile(join(dir, 'app/api', path, 'route.ts'), must(cfg, get, handler));
      }
      await writeFile(join(dir, 'app/layout.tsx'), 'export default function Root({ children }: { children: React.ReactNode }) { return <html><body>{children}</body></html>; }\n');
      await writeFile(join(dir, 'next.config.mjs'), 'export default { typescript: { ignoreBuildErrors: true } };\n');
      execFileSync(join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: dir, timeout: 300_000, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
      return [join(ROOT, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(port)], dir];
    },
    env: () => ({ NEXT_TELEMETRY_DISABLED: '1' }),
    group: true,
  },
  { id: 'sveltekit', server: () => `SvelteKit ${npmVersion('@sveltejs/kit')} + adapter-node ${npmVersion('@sveltejs/adapter-node')} (vite build, node build)`, startSeconds: 30,
    async prepare(dir, cfg, port) {
      // Like Next.js, built below the project's node_modules (the bundler does not follow our
      // symlink); the generated hook is src/hooks.server.ts, the three routes +server.ts files.
      dir = join(ROOT, 'target/verify-sveltekit');
      await rm(dir, { recursive: true, force: true });
      const routes = {
        'data': `export const GET = () => json({ ok: true }, { headers: { 'X-Request-Id': '42' } });`,
        'items/1': `export const PUT = () => json({ updated: true });`,
        'error': `export const GET = () => json({ error: true }, { status: 500 });`,
      };
      for (const [path, handler] of Object.entries(routes)) {
        await mkdir(join(dir, 'src/routes/api', path), { recursive: true });
        await writeFile(join(dir, 'src/routes/api', path, '+server.ts'), `import { json } from '@sveltejs/kit';\n\n${handler}\n`);
      }
      await writeFile(join(dir, 'src/hooks.server.ts'), cfg);
      await writeFile(join(dir, 'src/app.html'), '<!doctype html><html><head>%sveltekit.head%</head><body>%sveltekit.body%</body></html>\n');
      await writeFile(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
      await writeFile(join(dir, 'svelte.config.js'), `import adapter from '@sveltejs/adapter-node';\nexport default { kit: { adapter: adapter() } };\n`);
      await writeFile(join(dir, 'vite.config.js'), `import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()], logLevel: 'error' };\n`);
      execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], { cwd: dir, timeout: 300_000, stdio: ['ignore', 'ignore', 'pipe'] });
      return ['node', ['build'], dir];
    },
    env: (port) => ({ HOST: '127.0.0.1', PORT: String(port), ORIGIN: `http://127.0.0.1:${port}` }) },
  // Cloud Functions for Firebase (2nd gen) run an onRequest handler in Google's Functions
  // Framework (Express); served here by that framework's own server, bound to loopback.
  { id: 'firebase-functions', server: () => `firebase-functions ${npmVersion('firebase-functions')} on @google-cloud/functions-framework ${npmVersion('@google-cloud/functions-framework')}`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `  res.json({ ok: true });`, `  const [status, body, headers] = require('./routes.js').reply(req.method, req.path);\n  res.status(status).set(headers).json(body);`);
      await writeFile(join(dir, 'index.js'), t);
      await writeFile(join(dir, 'serve.js'), `const framework = require('@google-cloud/functions-framework');\nframework.http('api', require('./index.js').api);\nrequire('@google-cloud/functions-framework/testing').getTestServer('api').listen(${port}, '127.0.0.1');\n`);
      return ['node', ['serve.js']];
    } },
  { id: 'flask', server: () => `Flask ${pyVersion('flask')} + flask-cors ${pyVersion('flask-cors')}`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `@app.get("/api/health")\ndef health():\n    return {"ok": True}`,
        `from routes import reply\nfrom flask import request\n\n\n@app.route("/api/<path:rest>", methods=["GET", "PUT"])\ndef api(rest):\n    status, body, headers = reply(request.method, request.path)\n    return body, status, headers`);
      await writeFile(join(dir, 'app.py'), t);
      await writeFile(join(dir, 'routes.py'), ROUTES_PY);
      return [join(VENV, 'bin/flask'), ['--app', 'app', 'run', '-h', '127.0.0.1', '-p', String(port)]];
    } },
  { id: 'fastapi', server: () => `FastAPI ${pyVersion('fastapi')} (Starlette ${pyVersion('starlette')}) on uvicorn ${pyVersion('uvicorn')}`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `@app.get("/api/health")\ndef health():\n    return {"ok": True}`,
        `from fastapi import Request\nfrom fastapi.responses import JSONResponse\nfrom routes import reply\n\n\n@app.api_route("/api/{rest:path}", methods=["GET", "PUT"])\ndef api(rest: str, request: Request):\n    status, body, headers = reply(request.method, request.url.path)\n    return JSONResponse(body, status_code=status, headers=headers)`);
      await writeFile(join(dir, 'main.py'), t);
      await writeFile(join(dir, 'routes.py'), ROUTES_PY.replace('from flask import jsonify\n', ''));
      return [join(VENV, 'bin/uvicorn'), ['main:app', '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning']];
    } },
  { id: 'php', server: () => `PHP ${version('php', ['-v'], /PHP (\S+)/)} built-in server`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `header('Content-Type: application/json');\necho json_encode(['ok' => true]);`,
        `$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);\n$method = $_SERVER['REQUEST_METHOD'];\nheader('Content-Type: application/json');\nif ($method === 'GET' && $path === '/api/data') { header('X-Request-Id: 42'); echo json_encode(['ok' => true]); }\nelseif ($method === 'PUT' && $path === '/api/items/1') { echo json_encode(['updated' => true]); }\nelseif ($method === 'GET' && $path === '/api/error') { http_response_code(500); echo json_encode(['error' => true]); }\nelse { http_response_code(404); echo '{}'; }`);
      await writeFile(join(dir, 'index.php'), t);
      return ['php', ['-S', `127.0.0.1:${port}`, 'index.php']];
    } },
  { id: 'django', server: () => `Django ${pyVersion('django')} + django-cors-headers ${pyVersion('django-cors-headers')}`,
    async prepare(dir, cfg, port) {
      const base = `SECRET_KEY = "verify-only"\nDEBUG = False\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\nROOT_URLCONF = "urls"\nINSTALLED_APPS = ["django.contrib.contenttypes"]\nMIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nUSE_TZ = True\n\n`;
      await writeFile(join(dir, 'settings.py'), base + cfg);
      await writeFile(join(dir, 'routes.py'), ROUTES_PY.replace('from flask import jsonify\n', ''));
      await writeFile(join(dir, 'urls.py'), `from django.http import JsonResponse\nfrom django.urls import path\nfrom routes import reply\n\n\ndef api(request, rest):\n    status, body, headers = reply(request.method, request.path)\n    response = JsonResponse(body, status=status)\n    for key, value in headers.items():\n        response[key] = value\n    return response\n\n\nurlpatterns = [path("api/<path:rest>", api)]\n`);
      return [join(VENV, 'bin/python'), ['-m', 'django', 'runserver', `127.0.0.1:${port}`, '--noreload', '--settings=settings']];
    } },
  { id: 'go-net-http', server: () => `Go ${version('go', ['version'], /go(\d+\.\d+(?:\.\d+)?)/)} net/http`,
    async prepare(dir, cfg, port) {
      await writeFile(join(dir, 'cors.go'), cfg);
      await writeFile(join(dir, 'main.go'), `package main\n\nimport (\n\t"net/http"\n)\n\nfunc main() {\n\thandler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tw.Header().Set("Content-Type", "application/json")\n\t\tswitch {\n\t\tcase r.Method == "GET" && r.URL.Path == "/api/data":\n\t\t\tw.Header().Set("X-Request-Id", "42")\n\t\t\tw.Write([]byte(\`{"ok":true}\`))\n\t\tcase r.Method == "PUT" && r.URL.Path == "/api/items/1":\n\t\t\tw.Write([]byte(\`{"updated":true}\`))\n\t\tcase r.Method == "GET" && r.URL.Path == "/api/error":\n\t\t\tw.WriteHeader(500)\n\t\t\tw.Write([]byte(\`{"error":true}\`))\n\t\tdefault:\n\t\t\tw.WriteHeader(404)\n\t\t}\n\t})\n\tpanic(http.ListenAndServe("127.0.0.1:${port}", withCORS(handler)))\n}\n`);
      await writeFile(join(dir, 'go.mod'), 'module verify\n\ngo 1.19\n');
      execFileSync('go', ['build', '-o', 'server', '.'], { cwd: dir, env: { ...process.env, GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '-mod=mod', GOPROXY: 'off' } });
      return [join(dir, 'server'), []];
    } },
  { id: 'gin', server: () => `Gin ${version('dpkg-query', ['-W', 'golang-github-gin-gonic-gin-dev'], /gin-dev\s+(\S+)/)} + gin-contrib/cors ${version('dpkg-query', ['-W', 'golang-github-gin-contrib-cors-dev'], /cors-dev\s+(\S+)/)} (Debian)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `	r.GET("/api/health", func(c *gin.Context) { c.JSON(200, gin.H{"ok": true}) })`,
        `	r.GET("/api/data", func(c *gin.Context) { c.Header("X-Request-Id", "42"); c.JSON(200, gin.H{"ok": true}) })\n	r.PUT("/api/items/1", func(c *gin.Context) { c.JSON(200, gin.H{"updated": true}) })\n	r.GET("/api/error", func(c *gin.Context) { c.JSON(500, gin.H{"error": true}) })`);
      t = must(t, `r.Run("127.0.0.1:8080")`, `r.Run("127.0.0.1:${port}")`);
      await writeFile(join(dir, 'main.go'), t);
      // Debian packages the Go modules in a GOPATH tree; no module download.
      execFileSync('go', ['build', '-o', 'server', 'main.go'], { cwd: dir, env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '' } });
      return [join(dir, 'server'), []];
    } },
  { id: 'rs-cors', server: () => `rs/cors ${version('dpkg-query', ['-W', 'golang-github-rs-cors-dev'], /cors-dev\s+(\S+)/)} on Go ${version('go', ['version'], /go(\d+\.\d+(?:\.\d+)?)/)} net/http (Debian)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `	mux.HandleFunc("/api/health", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.Write([]byte(\`{"ok":true}\`))\n	})`,
        `	mux.HandleFunc("/api/data", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.Header().Set("X-Request-Id", "42")\n		w.Write([]byte(\`{"ok":true}\`))\n	})\n	mux.HandleFunc("/api/items/1", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.Write([]byte(\`{"updated":true}\`))\n	})\n	mux.HandleFunc("/api/error", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.WriteHeader(500)\n		w.Write([]byte(\`{"error":true}\`))\n	})`);
      t = must(t, `http.ListenAndServe("127.0.0.1:8080"`, `http.ListenAndServe("127.0.0.1:${port}"`);
      await writeFile(join(dir, 'main.go'), t);
      execFileSync('go', ['build', '-o', 'server', 'main.go'], { cwd: dir, env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '' } });
      return [join(dir, 'server'), []];
    } },
  ...['axum', 'actix-web', 'rocket'].map((id) => ({
    id,
    server: () => `${{ axum: 'axum 0.8 + tower-http 0.6', 'actix-web': 'actix-web 4 + actix-cors 0.7', rocket: 'Rocket 0.5 + rocket_cors 0.6' }[id]} (${version('rustc', ['--version'], /(rustc \S+)/)})`,
    async prepare(dir, cfg, port, backend, variant) {
      const routes = {
        axum: [`.route("/api/health", get(|| async { Json(serde_json::json!({ "ok": true })) }))`,
          `.route("/api/data", get(|| async { ([("x-request-id", "42")], Json(serde_json::json!({ "ok": true }))) }))\n        .route("/api/items/1", axum::routing::put(|| async { Json(serde_json::json!({ "updated": true })) }))\n        .route("/api/error", get(|| async { (axum::http::StatusCode::INTERNAL_SERVER_ERROR, Json(serde_json::json!({ "error": true }))) }))`],
        'actix-web': [`.route("/api/health", web::get().to(|| async { HttpResponse::Ok().json(serde_json::json!({ "ok": true })) }))`,
          `.route("/api/data", web::get().to(|| async { HttpResponse::Ok().insert_header(("X-Request-Id", "42")).json(serde_json::json!({ "ok": true })) }))\n            .route("/api/items/1", web::put().to(|| async { HttpResponse::Ok().json(serde_json::json!({ "updated": true })) }))\n            .route("/api/error", web::get().to(|| async { HttpResponse::InternalServerError().json(serde_json::json!({ "error": true })) }))`],
        rocket: [`#[rocket::get("/api/health")]\nfn health() -> &'static str {\n    "{\\"ok\\":true}"\n}`,
          `#[derive(rocket::Responder)]\n#[response(content_type = "json")]\nstruct Data(&'static str, rocket::http::Header<'static>);\n\n#[rocket::get("/api/data")]\nfn health() -> Data {\n    Data("{\\"ok\\":true}", rocket::http::Header::new("X-Request-Id", "42"))\n}\n\n#[rocket::put("/api/items/1")]\nfn update() -> (rocket::http::ContentType, &'static str) {\n    (rocket::http::ContentType::JSON, "{\\"updated\\":true}")\n}\n\n#[rocket::get("/api/error")]\nfn fail() -> (rocket::http::Status, (rocket::http::ContentType, &'static str)) {\n    (rocket::http::Status::InternalServerError, (rocket::http::ContentType::JSON, "{\\"error\\":true}"))\n}`],
      }[id];
      let t = must(cfg, routes[0], routes[1]);
      if (id === 'axum') t = must(t, `bind("127.0.0.1:8080")`, `bind("127.0.0.1:${port}")`);
      if (id === 'actix-web') t = must(t, `.bind(("127.0.0.1", 8080))`, `.bind(("127.0.0.1", ${port}))`);
      if (id === 'rocket') t = must(t, `rocket::routes![health]`, `rocket::routes![health, update, fail]`);
      // Build outside the clone (a cache), bounded in time.
      const crate = join(homedir(), '.cache/cors-doctor/verify-rust');
      await mkdir(join(crate, 'src/bin'), { recursive: true });
      for (const f of ['Cargo.toml', 'Cargo.lock', 'src/main.rs']) await writeFile(join(crate, f), await readFile(join(ROOT, 'tests/verify/rust', f)));
      const bin = id.replace('-', '_') + variant;
      await writeFile(join(crate, 'src/bin', `${bin}.rs`), t);
      execFileSync('cargo', ['build', '--quiet', '--bin', bin], { cwd: crate, timeout: 900_000, stdio: ['ignore', 'ignore', 'pipe'] });
      return [join(crate, 'target/debug', bin), []];
    },
    env: (port) => ({ ROCKET_ADDRESS: '127.0.0.1', ROCKET_PORT: String(port), ROCKET_LOG_LEVEL: 'off' }),
  })),
  { id: 'cloudflare-workers', server: () => `workerd via wrangler ${npmVersion('wrangler')} (local mode)`, group: true,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `async function handle(request, env, ctx) {\n  return Response.json({ ok: true });\n}`,
        `async function handle(request, env, ctx) {\n  const { pathname } = new URL(request.url);\n  if (request.method === 'GET' && pathname === '/api/data') return Response.json({ ok: true }, { headers: { 'X-Request-Id': '42' } });\n  if (request.method === 'PUT' && pathname === '/api/items/1') return Response.json({ updated: true });\n  if (request.method === 'GET' && pathname === '/api/error') return Response.json({ error: true }, { status: 500 });\n  return new Response('', { status: 404 });\n}`);
      await mkdir(join(dir, 'src'), { recursive: true });
      await writeFile(join(dir, 'src/index.js'), t);
      await writeFile(join(dir, 'wrangler.toml'), 'name = "verify"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n');
      return [join(ROOT, 'node_modules/.bin/wrangler'), ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port)]];
    },
    env: () => ({ WRANGLER_SEND_METRICS: 'false', CI: '1', HOME: dir_home() }),
  },
  { id: 'caddy', server: () => `Caddy ${version(join(VENV, 'bin/caddy'), ['version'], /v(\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      let t = must(cfg, `http://127.0.0.1:8080 {`, `http://127.0.0.1:${port} {`);
      t = must(t, `reverse_proxy 127.0.0.1:9000 {`, `reverse_proxy 127.0.0.1:${backend} {`);
      await writeFile(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tpersist_config off\n}\n${t}`);
      return [join(VENV, 'bin/caddy'), ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile']];
    } },
  { id: 'rails', server: () => `Rack::Cors ${version('dpkg-query', ['-W', 'ruby-rack-cors'], /ruby-rack-cors\s+(\S+)/)} on Rack ${version('dpkg-query', ['-W', 'ruby-rack'], /ruby-rack\s+(\S+)/)} (WEBrick)`,
    async prepare(dir, cfg, port) {
      // The initializer's Rack::Cors block, mounted in a plain Rack app (a full Rails app is
      // not needed to exercise rack-cors).
      const t = must(cfg, `Rails.application.config.middleware.insert_before 0, Rack::Cors do`, `use Rack::Cors do`);
      const app = `require 'json'\nrequire 'rack/cors'\n${t}\nrun lambda { |env|\n  m, p = env['REQUEST_METHOD'], env['PATH_INFO']\n  if m == 'GET' && p == '/api/data' then [200, { 'Content-Type' => 'application/json', 'X-Request-Id' => '42' }, ['{"ok":true}']]\n  elsif m == 'PUT' && p == '/api/items/1' then [200, { 'Content-Type' => 'application/json' }, ['{"updated":true}']]\n  elsif m == 'GET' && p == '/api/error' then [500, { 'Content-Type' => 'application/json' }, ['{"error":true}']]\n  else [404, {}, ['']] end\n}\n`;
      await writeFile(join(dir, 'config.ru'), app);
      return ['rackup', ['-s', 'webrick', '-o', '127.0.0.1', '-p', String(port), join(dir, 'config.ru')]];
    } },
  { id: 'tomcat', server: () => `Apache Tomcat ${version('dpkg-query', ['-W', 'tomcat10'], /tomcat10\s+(\S+)/)} (Debian tomcat10)`, group: true, startSeconds: 60,
    async prepare(dir, cfg, port) {
      // A private CATALINA_BASE: a minimal server.xml on 127.0.0.1, Debian's default web.xml,
      // and a ROOT webapp whose web.xml holds the generated CorsFilter and a small servlet.
      const base = join(dir, 'tc');
      const web = join(base, 'webapps/ROOT/WEB-INF');
      for (const d of ['conf', 'logs', 'temp', 'work', 'webapps/ROOT/WEB-INF/classes']) await mkdir(join(base, d), { recursive: true });
      await writeFile(join(base, 'conf/server.xml'), `<Server port="-1" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n    <Connector port="${port}" address="127.0.0.1" protocol="HTTP/1.1" />\n    <Engine name="Catalina" defaultHost="localhost">\n      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false" />\n    </Engine>\n  </Service>\n</Server>\n`);
      await writeFile(join(base, 'conf/web.xml'), await readFile('/etc/tomcat10/web.xml'));
      await writeFile(join(web, 'web.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">\n${cfg}\n<servlet><servlet-name>api</servlet-name><servlet-class>Api</servlet-class></servlet>\n<servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>\n</web-app>\n`);
      const java = `import jakarta.servlet.http.*;\nimport java.io.IOException;\n\npublic class Api extends HttpServlet {\n  protected void doGet(HttpServletRequest q, HttpServletResponse r) throws IOException {\n    r.setContentType("application/json");\n    if (q.getRequestURI().equals("/api/data")) { r.setHeader("X-Request-Id", "42"); r.getWriter().write("{\\"ok\\":true}"); }\n    else if (q.getRequestURI().equals("/api/error")) { r.setStatus(500); r.getWriter().write("{\\"error\\":true}"); }\n    else r.setStatus(404);\n  }\n  protected void doPut(HttpServletRequest q, HttpServletResponse r) throws IOException {\n    r.setContentType("application/json");\n    if (q.getRequestURI().equals("/api/items/1")) r.getWriter().write("{\\"updated\\":true}"); else r.setStatus(404);\n  }\n}\n`;
      await writeFile(join(dir, 'Api.java'), java);
      execFileSync('javac', ['-cp', '/usr/share/tomcat10/lib/servlet-api.jar', '-d', join(web, 'classes'), join(dir, 'Api.java')], { timeout: 120_000 });
      return ['/usr/share/tomcat10/bin/catalina.sh', ['run']];
    },
    env: (port, dir) => ({ CATALINA_HOME: '/usr/share/tomcat10', CATALINA_BASE: join(dir, 'tc') }),
  },
  { id: 'aws-s3', server: () => `s3rver ${npmVersion('s3rver')} S3 emulator (the bucket CORS JSON sent as the XML that put-bucket-cors sends)`,
    storage: { expose: 'x-amz-meta-request-id' },
    async prepare(dir, cfg, port) {
      // What `aws s3api put-bucket-cors --cors-configuration file://cors.json` does: the JSON
      // rules become the API's XML body.
      const rules = JSON.parse(cfg).CORSRules;
      const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const xml = `<CORSConfiguration>${rules.map((r) => `<CORSRule>${[['AllowedOrigins', 'AllowedOrigin'], ['AllowedMethods', 'AllowedMethod'], ['AllowedHeaders', 'AllowedHeader'], ['ExposeHeaders', 'ExposeHeader']].map(([k, tag]) => (r[k] ?? []).map((v) => `<${tag}>${esc(v)}</${tag}>`).join('')).join('')}${r.MaxAgeSeconds === undefined ? '' : `<MaxAgeSeconds>${r.MaxAgeSeconds}</MaxAgeSeconds>`}</CORSRule>`).join('')}</CORSConfiguration>`;
      await writeFile(join(dir, 'cors.xml'), xml);
      return ['node', [join(ROOT, 'node_modules/s3rver/bin/s3rver.js'), '-d', join(dir, 'data'), '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', 'api', join(dir, 'cors.xml')]];
    },
    async setup(api) {
      const put = await fetch(`${api}/api/data`, { method: 'PUT', body: '{"ok":true}', headers: { 'Content-Type': 'application/json', 'x-amz-meta-request-id': '42' } });
      if (put.status !== 200) throw new Error(`s3rver refused the object upload: ${put.status}`);
    } },
  { id: 'azure-blob', server: () => `Azurite ${npmVersion('azurite')} Azure Blob emulator (the XML sent as Set Blob Service Properties)`,
    storage: { base: `/${AZURE_ACCOUNT}`, expose: 'x-ms-meta-requestid' },
    async prepare(dir, cfg, port) {
      return [join(ROOT, 'node_modules/.bin/azurite-blob'), ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', join(dir, 'az'), '--silent', '--skipApiVersionCheck', '--disableTelemetry']];
    },
    async setup(api, cfg) {
      // The generated XML is exactly the body of Set Blob Service Properties.
      await azure(api, 'PUT', '', { restype: 'service', comp: 'properties' }, { 'Content-Type': 'application/xml' }, cfg);
      await azure(api, 'PUT', '/api', { restype: 'container' }, { 'x-ms-blob-public-access': 'blob' });
      await azure(api, 'PUT', '/api/data', {}, { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': 'application/json', 'x-ms-meta-requestid': '42' }, '{"ok":true}');
    } },
  // Socket.IO's cors option covers its own HTTP endpoint (the long-polling transport, plain
  // CORS), not the routes of the server it is attached to: the page talks to /socket.io/. The
  // handshake carries X-Request-Id (engine.io's initial_headers hook); PUT is not a transport
  // method, so its answer (400) must be readable after the preflight; an unknown session id is
  // the error answer (400).
  { id: 'socket-io', server: () => `Socket.IO ${npmVersion('socket.io')} (engine.io ${npmVersion('engine.io')}, polling transport)`,
    probe: { data: '/socket.io/?EIO=4&transport=polling', put: '/socket.io/?EIO=4&transport=polling', error: '/socket.io/?EIO=4&transport=polling&sid=unknown', errorStatus: 400, expose: 'X-Request-Id',
      ok: (text) => /^0\{"sid"/.test(text), putOk: (status) => status === 400 },
    async prepare(dir, cfg, port) {
      let t = must(cfg, `const httpServer = createServer();`, `const httpServer = createServer(require('./routes.js').handle);`);
      t = must(t, `io.on('connection', (socket) => socket.emit('hello'));`, `io.on('connection', (socket) => socket.emit('hello'));\nio.engine.on('initial_headers', (headers) => { headers['X-Request-Id'] = '42'; });`);
      t = must(t, `httpServer.listen(3000, '127.0.0.1');`, `httpServer.listen(${port}, '127.0.0.1');`);
      await writeFile(join(dir, 'server.js'), t);
      return ['node', ['server.js']];
    } },
  // Elysia runs on Bun (npm's bun package ships the binary).
  { id: 'elysia', server: () => `Elysia ${npmVersion('elysia')} + @elysiajs/cors ${npmVersion('@elysiajs/cors')} on Bun ${npmVersion('bun')}`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `  .get('/api/health', () => ({ ok: true }))`,
        `  .all('/api/*', ({ request, path, set }) => { const [s, b, h] = require('./routes.js').reply(request.method, path); set.status = s; Object.assign(set.headers, h); return b; })`);
      t = must(t, `.listen({ hostname: '127.0.0.1', port: 3000 })`, `.listen({ hostname: '127.0.0.1', port: ${port} })`);
      await writeFile(join(dir, 'index.ts'), t);
      return [join(ROOT, 'node_modules/.bin/bun'), ['run', 'index.ts']];
    },
    env: (port, dir) => ({ BUN_INSTALL_CACHE_DIR: join(dir, 'bun-cache'), DO_NOT_TRACK: '1' }) },
  // Supabase Edge Functions are Deno.serve handlers: run under Deno (npm's deno package ships
  // the binary), as `supabase functions serve` runs them, without the Supabase CLI's gateway.
  { id: 'supabase-edge-functions', server: () => `Deno ${npmVersion('deno')} (Deno.serve, as the Edge Runtime runs it)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `Deno.serve(async (req) => {`, `Deno.serve({ hostname: '127.0.0.1', port: ${port} }, async (req) => {`);
      t = must(t, `  return Response.json({ ok: true }, { headers: corsHeaders(origin) });`,
        `  const path = new URL(req.url).pathname;\n  const [status, body, extra]: [number, unknown, Record<string, string>] =\n    req.method === 'GET' && path === '/api/data' ? [200, { ok: true }, { 'X-Request-Id': '42' }]\n    : req.method === 'PUT' && path === '/api/items/1' ? [200, { updated: true }, {}]\n    : req.method === 'GET' && path === '/api/error' ? [500, { error: true }, {}]\n    : [404, { error: 'not found' }, {}];\n  return Response.json(body, { status, headers: { ...corsHeaders(origin), ...extra } });`);
      await writeFile(join(dir, 'index.ts'), t);
      return [join(ROOT, 'node_modules/.bin/deno'), ['run', '--allow-net=127.0.0.1', '--no-prompt', '--no-remote', 'index.ts']];
    },
    env: (port, dir) => ({ DENO_DIR: join(dir, 'deno'), DENO_NO_UPDATE_CHECK: '1' }) },
  // Echo from Debian's GOPATH tree; its /v4 import path is a link made in the work directory.
  { id: 'echo', server: () => `Echo ${version('dpkg-query', ['-W', 'golang-github-labstack-echo-dev'], /echo-dev\s+(\S+)/)} (Debian)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `	e.GET("/api/health", func(c echo.Context) error {\n		return c.JSON(http.StatusOK, map[string]bool{"ok": true})\n	})`,
        `	e.GET("/api/data", func(c echo.Context) error {\n		c.Response().Header().Set("X-Request-Id", "42")\n		return c.JSON(http.StatusOK, map[string]bool{"ok": true})\n	})\n	e.PUT("/api/items/1", func(c echo.Context) error { return c.JSON(http.StatusOK, map[string]bool{"updated": true}) })\n	e.GET("/api/error", func(c echo.Context) error { return c.JSON(http.StatusInternalServerError, map[string]bool{"error": true}) })`);
      t = must(t, `e.Start("127.0.0.1:8080")`, `e.Start("127.0.0.1:${port}")`);
      const gopath = join(dir, 'gopath');
      await mkdir(join(gopath, 'src/github.com/labstack/echo'), { recursive: true });
      await symlink('/usr/share/gocode/src/github.com/labstack/echo', join(gopath, 'src/github.com/labstack/echo/v4'));
      await writeFile(join(dir, 'main.go'), t);
      execFileSync('go', ['build', '-o', 'server', 'main.go'], { cwd: dir, env: { ...process.env, GO111MODULE: 'off', GOPATH: `${gopath}:/usr/share/gocode`, GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '' } });
      return [join(dir, 'server'), []];
    } },
  { id: 'nginx', server: () => `nginx ${version('nginx', ['-v'], /nginx\/(\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      let t = must(cfg, `listen 127.0.0.1:8080;`, `listen 127.0.0.1:${port};`);
      t = must(t, `proxy_pass http://127.0.0.1:9000;`, `proxy_pass http://127.0.0.1:${backend};`);
      await mkdir(join(dir, 'tmp'), { recursive: true });
      await writeFile(join(dir, 'nginx.conf'), `worker_processes 1;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/tmp/body;\n  proxy_temp_path ${dir}/tmp/proxy;\n  fastcgi_temp_path ${dir}/tmp/fcgi;\n  uwsgi_temp_path ${dir}/tmp/uwsgi;\n  scgi_temp_path ${dir}/tmp/scgi;\n${t}\n}\n`);
      return ['nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')]];
    } },
  // Layers: nginx in front of an Express app, both configured by cors-doctor for the same
  // policy (the app's own config left in place, as it usually is). The pair must still send
  // exactly one Allow-Origin (the generated nginx config hides the app's): scenario
  // single-allow-origin. Not a target of its own: the two generated configs together.
  { id: 'nginx+express', layers: ['nginx', 'express'], server: () => `nginx ${version('nginx', ['-v'], /nginx\/(\S+)/)} in front of Express ${npmVersion('express')} + cors ${npmVersion('cors')}`,
    generate: (origin, full) => JSON.stringify({ origin, nginx: generate('nginx', origin, full), express: generate('express', origin, full) }),
    async prepare(dir, cfg, port, backend, variant, helpers) {
      const { nginx, express } = JSON.parse(cfg);
      const appPort = await freePort();
      let app = must(express, `app.get('/api/health', (req, res) => res.json({ ok: true }));`, `require('./routes.js').express(app);`);
      app = must(app, `app.listen(8080, '127.0.0.1')`, `app.listen(${appPort}, '127.0.0.1')`);
      await writeFile(join(dir, 'app.js'), app);
      const child = start('node', ['app.js'], dir);
      helpers.push(child);
      await waitForPort(appPort, child, TARGET_SECONDS / 2);
      // The control: the app alone does send Allow-Origin, so one header from the pair means
      // the proxy's config removed the app's, not that only one layer was configured.
      const alone = await rawRequest(`http://127.0.0.1:${appPort}/api/data`, { headers: { Origin: JSON.parse(cfg).origin } });
      if (!alone.headers.some(([k]) => k.toLowerCase() === 'access-control-allow-origin')) throw new Error('the app behind nginx sends no Allow-Origin of its own: the layers scenario would prove nothing');
      return TARGETS.find((t) => t.id === 'nginx').prepare(dir, nginx, port, appPort);
    } },
  { id: 'haproxy', server: () => `HAProxy ${version('haproxy', ['-v'], /version (\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      let t = must(cfg, `bind 127.0.0.1:8080`, `bind 127.0.0.1:${port}`);
      t = must(t, `server app1 127.0.0.1:9000`, `server app1 127.0.0.1:${backend}`);
      await writeFile(join(dir, 'haproxy.cfg'), t);
      return ['haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db']];
    } },
  { id: 'apache', server: () => `Apache httpd ${version('apache2', ['-v'], /Apache\/(\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      const mods = ['mpm_event', 'authz_core', 'headers', 'setenvif', 'rewrite', 'proxy', 'proxy_http'];
      const conf = [
        `ServerRoot ${dir}`, `Listen 127.0.0.1:${port}`, `PidFile ${dir}/httpd.pid`, `ErrorLog ${dir}/error.log`,
        `ServerName 127.0.0.1`, `User www-data`, `Group www-data`, `DefaultRuntimeDir ${dir}`,
        ...mods.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
        `ProxyPass /api/ http://127.0.0.1:${backend}/api/`,
        cfg,
      ].join('\n');
      await writeFile(join(dir, 'httpd.conf'), conf);
      return ['apache2', ['-X', '-d', dir, '-f', join(dir, 'httpd.conf')]];
    } },
];

// ---- process and network helpers --------------------------------------------------------------

// One Blob REST call signed with Shared Key (learn.microsoft.com: "Authorize with Shared Key").
async function azure(api, method, path, query, headers, body = '') {
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

function freePort() {
  return new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
}

// A private HOME for tools that write state there (wrangler), inside the work directory.
let WORK_HOME = tmpdir();
const dir_home = () => WORK_HOME;

function start(cmd, args, cwd, extraEnv = {}, group = false) {
  // group: the server starts children of its own (wrangler -> workerd); it gets its own process
  // group, and stop() signals the group through the PID we started.
  const child = spawn(cmd, args, { cwd, detached: group, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), PYTHONDONTWRITEBYTECODE: '1', ...extraEnv } });
  child.group = group;
  child.log = '';
  child.stdout.on('data', (d) => { child.log += d; });
  child.stderr.on('data', (d) => { child.log += d; });
  return child;
}

const running = (child) => child.exitCode === null && child.signalCode === null;

async function stop(child) {
  if (!child) return;
  const signal = (s) => { try { if (child.group) process.kill(-child.pid, s); else child.kill(s); } catch {} };
  if (running(child)) {
    signal('SIGTERM');
    for (let i = 0; i < 50 && running(child); i++) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (child.group) signal('SIGKILL'); // children left in the group
  else if (running(child)) child.kill('SIGKILL');
}

async function waitForPort(port, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (!running(child)) throw new Error(`server exited (${child.exitCode ?? child.signalCode}): ${child.log.slice(-800)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/data`).then(() => true, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer on port ${port} within ${seconds} s: ${child.log.slice(-800)}`);
}

// ---- the browser side ----------------------------------------------------------------------
// Targets whose generated config matches origin patterns (generate::targets::supports_patterns).
const PATTERN_TARGETS = new Set(JSON.parse(execFileSync(CLI, ['frameworks', '--json'], { encoding: 'utf8' })).filter((f) => f.patterns).map((f) => f.id));
const SCENARIOS = ['broken-detected', 'simple-get', 'credentialed-get', 'put-with-preflight', 'exposed-header', 'error-500', 'other-origin-refused', 'pattern-origin', 'pattern-lookalikes-refused', 'single-allow-origin', 'check-cli'];
// Checked once from Node, the server's answer whatever the engine.
const SERVER_SCENARIOS = new Set(['pattern-lookalikes-refused', 'single-allow-origin', 'check-cli']);

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

// One HTTP request from Node with the response's header lines as sent (fetch joins repeats).
function rawRequest(url, { method = 'GET', headers = {} } = {}) {
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
WORK_HOME = join(work, 'home');
await mkdir(WORK_HOME, { recursive: true });
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
    `Verified on ${matrix.generated} in ${ENGINE_NAMES.map((n) => versions[n]).join(', ')}: ${results.length} targets, ${total} s in all (\`node tests/verify/verify.mjs\`, run by \`make test\`).`,
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
