// server.js: CORS for {{ORIGIN_LIST}}
// npm install express@5 cors@2
const express = require('express');
const cors = require('cors');

const app = express();

// Mount CORS first, before auth and routers: the browser's preflight (OPTIONS) carries no
// cookies or Authorization header, so auth middleware would reject it.
app.use(cors({
  origin: [{{ORIGINS}}], // exact allowlist; cors echoes the matching origin and sends Vary: Origin
  methods: [{{METHODS}}],
  allowedHeaders: [{{HEADERS}}],
{{OPTIONAL}}  optionsSuccessStatus: 204,
}));

// ... your routes, after the CORS middleware:
app.get('/health', (req, res) => res.json({ ok: true }));

app.listen(8080, '127.0.0.1');
