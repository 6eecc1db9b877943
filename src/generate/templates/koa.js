// npm install koa@3 @koa/cors@5
const Koa = require('koa');
const cors = require('@koa/cors');

const ALLOWED = new Set([{{ORIGINS}}]);
const PATTERNS = [{{PATTERNS_JS|$}}]; // subdomain patterns, anchored {{?PATTERNS}}
const app = new Koa();

// First middleware. The origin function returns '' for unknown origins, so they get no
// CORS headers (never the request's own Origin, which would allow every site).
app.use(cors({
  origin: (ctx) => (ALLOWED.has(ctx.get('Origin')) ? ctx.get('Origin') : ''), {{?!PATTERNS}}
  origin: (ctx) => (ALLOWED.has(ctx.get('Origin')) || PATTERNS.some((p) => p.test(ctx.get('Origin'))) ? ctx.get('Origin') : ''), {{?PATTERNS}}
  allowMethods: [{{METHODS}}],
  allowHeaders: [{{HEADERS}}],
  exposeHeaders: [{{EXPOSE}}], {{?EXPOSE}}
  credentials: true, {{?CREDENTIALS}}
  maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
  keepHeadersOnError: true, // errors thrown by later middleware keep the CORS headers
}));

app.use((ctx) => { ctx.body = { ok: true }; });

app.listen(8080, '127.0.0.1');
