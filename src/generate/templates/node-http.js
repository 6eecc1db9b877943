// server.js: Node's built-in http module, no dependencies.
const http = require('node:http');

const ALLOWED = new Set([{{ORIGINS}}]);
const PATTERNS = [{{PATTERNS_JS|$}}]; // subdomain patterns, anchored {{?PATTERNS}}

function withCors(handler) {
  return (req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (origin && ALLOWED.has(origin)) { {{?!PATTERNS}}
    if (origin && (ALLOWED.has(origin) || PATTERNS.some((p) => p.test(origin)))) { {{?PATTERNS}}
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true'); {{?CREDENTIALS}}
      res.setHeader('Access-Control-Expose-Headers', '{{EXPOSE|$}}'); {{?EXPOSE}}
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', '{{METHODS|$}}');
      res.setHeader('Access-Control-Allow-Headers', '{{HEADERS|$}}');
      res.setHeader('Access-Control-Max-Age', '{{MAX_AGE}}'); {{?MAX_AGE}}
      res.writeHead(204).end();
      return;
    }
    handler(req, res);
  };
}

http.createServer(withCors((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
})).listen(8080, '127.0.0.1');
