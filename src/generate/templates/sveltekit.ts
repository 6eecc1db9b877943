// src/hooks.server.ts (SvelteKit): runs before every endpoint, OPTIONS included.
import type { Handle } from '@sveltejs/kit';

const ALLOWED = new Set([{{ORIGINS}}]);
const PATTERNS = [{{PATTERNS_JS|$}}]; {{?PATTERNS}}
const allowed = (o: string | null): o is string => !!o && ALLOWED.has(o); {{?!PATTERNS}}
const allowed = (o: string | null): o is string => !!o && (ALLOWED.has(o) || PATTERNS.some((p) => p.test(o))); {{?PATTERNS}}

export const handle: Handle = async ({ event, resolve }) => {
  if (!event.url.pathname.startsWith('/api')) return resolve(event);
  const origin = event.request.headers.get('origin');
  if (event.request.method === 'OPTIONS') {
    const headers = new Headers({ Vary: 'Origin' });
    if (allowed(origin)) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Allow-Methods', '{{METHODS|$}}');
      headers.set('Access-Control-Allow-Headers', '{{HEADERS|$}}');
      headers.set('Access-Control-Allow-Credentials', 'true'); {{?CREDENTIALS}}
      headers.set('Access-Control-Max-Age', '{{MAX_AGE}}'); {{?MAX_AGE}}
    }
    return new Response(null, { status: 204, headers });
  }
  const response = await resolve(event);
  response.headers.append('Vary', 'Origin');
  if (allowed(origin)) {
    response.headers.set('Access-Control-Allow-Origin', origin);
    response.headers.set('Access-Control-Allow-Credentials', 'true'); {{?CREDENTIALS}}
    response.headers.set('Access-Control-Expose-Headers', '{{EXPOSE|$}}'); {{?EXPOSE}}
  }
  return response;
};
