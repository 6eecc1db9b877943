// npm install fastify@5 @fastify/cors@11
import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();

// Register at the root (not inside an encapsulated plugin), before auth hooks.
await app.register(cors, {
  origin: [{{ORIGINS}}], // exact allowlist; sends Vary: Origin {{?!PATTERNS}}
  origin: [{{ORIGINS}}, {{PATTERNS_JS|$}}], // exact allowlist; sends Vary: Origin {{?PATTERNS}}
  methods: [{{METHODS}}], // v11 defaults to GET, HEAD, POST only
  allowedHeaders: [{{HEADERS}}],
  exposedHeaders: [{{EXPOSE}}], {{?EXPOSE}}
  credentials: true, {{?CREDENTIALS}}
  maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
});

app.get('/api/health', async () => ({ ok: true }));

await app.listen({ host: '127.0.0.1', port: 8080 });
