// app/api/data/route.ts (App Router). Every route handler that is called cross-origin needs
// the OPTIONS export and the headers on its responses.
const ALLOWED = new Set([{{ORIGINS}}]);
const PATTERNS = [{{PATTERNS_JS|$}}]; // subdomain patterns, anchored {{?PATTERNS}}

function corsHeaders(req: Request): Headers {
  const origin = req.headers.get('origin') ?? '';
  const headers = new Headers({ Vary: 'Origin' });
  if (ALLOWED.has(origin)) { {{?!PATTERNS}}
  if (ALLOWED.has(origin) || PATTERNS.some((p) => p.test(origin))) { {{?PATTERNS}}
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true'); {{?CREDENTIALS}}
    headers.set('Access-Control-Expose-Headers', '{{EXPOSE|$}}'); {{?EXPOSE}}
  }
  return headers;
}

export async function OPTIONS(req: Request) {
  const headers = corsHeaders(req);
  headers.set('Access-Control-Allow-Methods', '{{METHODS|$}}');
  headers.set('Access-Control-Allow-Headers', '{{HEADERS|$}}');
  headers.set('Access-Control-Max-Age', '{{MAX_AGE}}'); {{?MAX_AGE}}
  return new Response(null, { status: 204, headers });
}

export async function GET(req: Request) {
  return Response.json({ ok: true }, { headers: corsHeaders(req) });
}
