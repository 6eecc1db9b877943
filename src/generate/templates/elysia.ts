// bun add elysia @elysiajs/cors
import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';

new Elysia()
  .use(cors({
    origin: [{{ORIGINS}}], // the plugin's default reflects every origin {{?!PATTERNS}}
    origin: [{{ORIGINS}}, {{PATTERNS_JS|$}}], // the plugin's default reflects every origin {{?PATTERNS}}
    methods: [{{METHODS}}],
    allowedHeaders: [{{HEADERS}}],
    exposeHeaders: [{{EXPOSE}}], {{?EXPOSE}}
    credentials: {{CREDENTIALS}}, // the plugin's default is true
    maxAge: {{MAX_AGE}},
    preflight: true,
  }))
  .get('/api/health', () => ({ ok: true }))
  .listen({ hostname: '127.0.0.1', port: 3000 });
