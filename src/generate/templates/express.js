// npm install express@5 cors@2
const express = require('express');
const cors = require('cors');

const app = express();

// First, before auth and routers: preflights carry no cookies or Authorization header.
app.use(cors({
  origin: [{{ORIGINS}}], // exact allowlist; cors echoes the match and sends Vary: Origin {{?!PATTERNS}}
  origin: [{{ORIGINS}}, {{PATTERNS_JS|$}}], // exact allowlist; cors echoes the match and sends Vary: Origin {{?PATTERNS}}
  methods: [{{METHODS}}],
  allowedHeaders: [{{HEADERS}}],
  exposedHeaders: [{{EXPOSE}}], {{?EXPOSE}}
  credentials: true, {{?CREDENTIALS}}
  maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
  optionsSuccessStatus: 204,
}));

// ... your routes and auth middleware after this line
app.get('/api/health', (req, res) => res.json({ ok: true }));

app.listen(8080, '127.0.0.1');
