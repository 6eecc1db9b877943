// supabase/functions/api/index.ts (Supabase Edge Functions, Deno)
const ALLOWED = new Set([{{ORIGINS}}]);
const PATTERNS = [{{PATTERNS_JS|$}}]; {{?PATTERNS}}

function corsHeaders(origin: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'Vary': 'Origin' };
  if (origin && ALLOWED.has(origin)) { {{?!PATTERNS}}
  if (origin && (ALLOWED.has(origin) || PATTERNS.some((p) => p.test(origin)))) { {{?PATTERNS}}
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Allow-Credentials'] = 'true'; {{?CREDENTIALS}}
    headers['Access-Control-Expose-Headers'] = '{{EXPOSE|$}}'; {{?EXPOSE}}
  }
  return headers;
}

Deno.serve(async (req) => {
  const origin = req.headers.get('Origin');
  if (req.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: {
        ...corsHeaders(origin),
        'Access-Control-Allow-Methods': '{{METHODS|$}}',
        'Access-Control-Allow-Headers': '{{HEADERS|$}}',
        'Access-Control-Max-Age': '{{MAX_AGE}}', {{?MAX_AGE}}
      },
    });
  }
  // Your handler; every response, errors included, carries corsHeaders(origin).
  return Response.json({ ok: true }, { headers: corsHeaders(origin) });
});
