// functions/index.js (Cloud Functions for Firebase, 2nd gen); npm install cors@2
const { onRequest } = require('firebase-functions/v2/https');
const cors = require('cors')({
  origin: [{{ORIGINS}}], // exact allowlist; cors echoes the match and sends Vary: Origin {{?!PATTERNS}}
  origin: [{{ORIGINS}}, {{PATTERNS_JS|$}}], // exact allowlist; cors echoes the match and sends Vary: Origin {{?PATTERNS}}
  methods: [{{METHODS}}],
  allowedHeaders: [{{HEADERS}}],
  exposedHeaders: [{{EXPOSE}}], {{?EXPOSE}}
  credentials: true, {{?CREDENTIALS}}
  maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
  optionsSuccessStatus: 204,
});

// Leave onRequest's own cors option unset: one layer sends the headers.
exports.api = onRequest((req, res) => cors(req, res, () => {
  res.json({ ok: true });
}));
