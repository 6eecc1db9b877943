// Syntax checks for the generated targets that tests/generate.rs cannot parse with the tools
// Rust tests have: YAML (traefik, aws-api-gateway) with the `yaml` package, and TypeScript
// (nestjs, nextjs, hono) with the TypeScript compiler's syntactic diagnostics. Each target is
// (and the other YAML and TypeScript targets) rendered by the real CLI under the same policies as the snapshot tests. Exits 1 on any error.
// Usage: node tests/syntax/check.mjs
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.CORS_DOCTOR_BIN ?? join(ROOT, 'target/debug/cors-doctor');
const POLICIES = [
  ['--origin', 'http://localhost:3000'],
  ['--origin', 'https://app.example.com', '--origin', 'http://localhost:5173', '--max-age', '600'],
  ['--origin', 'https://app.example.com', '--method', 'PUT', '--header', 'Authorization', '--credentials'],
  ['--origin', 'https://app.example.com', '--pattern', 'https://*.example.com', '--expose', 'X-Request-Id', '--credentials'],
];
const render = (id, args) => execFileSync(CLI, ['config', '--framework', id, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

let failures = 0;
let checked = 0;
for (const id of ['traefik', 'aws-api-gateway', 'spring-cloud-gateway', 'ingress-nginx', 'cloudfront', 'kong', 'symfony-nelmio']) {
  for (const args of POLICIES) {
    const text = render(id, args);
    const doc = YAML.parseDocument(text);
    checked++;
    if (doc.errors.length) { failures++; console.error(`${id} ${args.join(' ')}: ${doc.errors.map(String).join('; ')}`); }
  }
}
for (const id of ['nestjs', 'nextjs', 'hono', 'supabase-edge-functions', 'sveltekit', 'elysia']) {
  for (const args of POLICIES) {
    const text = render(id, args);
    const out = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    checked++;
    const errors = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    if (errors.length) { failures++; console.error(`${id} ${args.join(' ')}: ${errors.join('; ')}`); }
  }
}
console.log(`syntax: ${checked} YAML and TypeScript renderings checked, ${failures} with errors`);
process.exit(failures ? 1 : 0);
