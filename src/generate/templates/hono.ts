// npm install hono @hono/node-server
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';

const app = new Hono();

// Register before the routes it covers.
app.use('/api/*', cors({
  origin: [{{ORIGINS}}], // exact allowlist; with credentials, the default wildcard makes Hono reflect any origin {{?!PATTERNS}}
  origin: (origin) => ([{{ORIGINS}}].includes(origin) || [{{PATTERNS_JS|$}}].some((p) => p.test(origin)) ? origin : null), {{?PATTERNS}}
  allowMethods: [{{METHODS}}],
  allowHeaders: [{{HEADERS}}],
  exposeHeaders: [{{EXPOSE}}], {{?EXPOSE}}
  credentials: true, {{?CREDENTIALS}}
  maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
}));

app.get('/api/health', (c) => c.json({ ok: true }));

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 8787 });
