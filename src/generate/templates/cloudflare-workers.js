// src/index.js (wrangler)
const ALLOWED = new Set([{{ORIGINS}}]);
const PATTERNS = [{{PATTERNS_JS|$}}]; // subdomain patterns, anchored {{?PATTERNS}}

function corsHeaders(request) {
  const origin = request.headers.get('Origin');
  const headers = new Headers({ Vary: 'Origin' });
  if (origin && ALLOWED.has(origin)) { {{?!PATTERNS}}
  if (origin && (ALLOWED.has(origin) || PATTERNS.some((p) => p.test(origin)))) { {{?PATTERNS}}
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true'); {{?CREDENTIALS}}
    headers.set('Access-Control-Expose-Headers', '{{EXPOSE|$}}'); {{?EXPOSE}}
  }
  return headers;
}

export default {
  async fetch(request, env, ctx) {
    const cors = corsHeaders(request);
    if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')) {
      cors.set('Access-Control-Allow-Methods', '{{METHODS|$}}');
      cors.set('Access-Control-Allow-Headers', '{{HEADERS|$}}');
      cors.set('Access-Control-Max-Age', '{{MAX_AGE}}'); {{?MAX_AGE}}
      return new Response(null, { status: 204, headers: cors });
    }
    let response;
    try {
      response = await handle(request, env, ctx);
    } catch (err) {
      response = Response.json({ error: 'internal error' }, { status: 500 }); // keep CORS on errors
    }
    response = new Response(response.body, response); // fetch() responses have immutable headers
    for (const [key, value] of cors) {
      if (key === 'vary') response.headers.append(key, value);
      else response.headers.set(key, value);
    }
    return response;
  },
};

async function handle(request, env, ctx) {
  return Response.json({ ok: true });
}
