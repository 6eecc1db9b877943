// Verification matrix targets: JavaScript and TypeScript servers: Node.js frameworks, Next.js and SvelteKit builds, Firebase Functions in the Functions Framework, Socket.IO, Elysia on Bun, Supabase Edge Functions on Deno, Cloudflare Workers in workerd.
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { CLI, ROOT, dir_home, must, npmVersion, start, version } from '../lib.mjs';

export const JAVASCRIPT = [
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
];
