// Verification matrix targets: axum, actix-web and Rocket, built in a cache crate outside the clone (tests/verify/rust).
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { ROOT, must, version } from '../lib.mjs';

export const RUST = [
  ...['axum', 'actix-web', 'rocket'].map((id) => ({
    id,
    server: () => `${{ axum: 'axum 0.8 + tower-http 0.6', 'actix-web': 'actix-web 4 + actix-cors 0.7', rocket: 'Rocket 0.5 + rocket_cors 0.6' }[id]} (${version('rustc', ['--version'], /(rustc \S+)/)})`,
    async prepare(dir, cfg, port, backend, variant) {
      const routes = {
        axum: [`.route("/api/health", get(|| async { Json(serde_json::json!({ "ok": true })) }))`,
          `.route("/api/data", get(|| async { ([("x-request-id", "42")], Json(serde_json::json!({ "ok": true }))) }))\n        .route("/api/items/1", axum::routing::put(|| async { Json(serde_json::json!({ "updated": true })) }))\n        .route("/api/error", get(|| async { (axum::http::StatusCode::INTERNAL_SERVER_ERROR, Json(serde_json::json!({ "error": true }))) }))`],
        'actix-web': [`.route("/api/health", web::get().to(|| async { HttpResponse::Ok().json(serde_json::json!({ "ok": true })) }))`,
          `.route("/api/data", web::get().to(|| async { HttpResponse::Ok().insert_header(("X-Request-Id", "42")).json(serde_json::json!({ "ok": true })) }))\n            .route("/api/items/1", web::put().to(|| async { HttpResponse::Ok().json(serde_json::json!({ "updated": true })) }))\n            .route("/api/error", web::get().to(|| async { HttpResponse::InternalServerError().json(serde_json::json!({ "error": true })) }))`],
        rocket: [`#[rocket::get("/api/health")]\nfn health() -> &'static str {\n    "{\\"ok\\":true}"\n}`,
          `#[derive(rocket::Responder)]\n#[response(content_type = "json")]\nstruct Data(&'static str, rocket::http::Header<'static>);\n\n#[rocket::get("/api/data")]\nfn health() -> Data {\n    Data("{\\"ok\\":true}", rocket::http::Header::new("X-Request-Id", "42"))\n}\n\n#[rocket::put("/api/items/1")]\nfn update() -> (rocket::http::ContentType, &'static str) {\n    (rocket::http::ContentType::JSON, "{\\"updated\\":true}")\n}\n\n#[rocket::get("/api/error")]\nfn fail() -> (rocket::http::Status, (rocket::http::ContentType, &'static str)) {\n    (rocket::http::Status::InternalServerError, (rocket::http::ContentType::JSON, "{\\"error\\":true}"))\n}`],
      }[id];
      let t = must(cfg, routes[0], routes[1]);
      if (id === 'axum') t = must(t, `bind("127.0.0.1:8080")`, `bind("127.0.0.1:${port}")`);
      if (id === 'actix-web') t = must(t, `.bind(("127.0.0.1", 8080))`, `.bind(("127.0.0.1", ${port}))`);
      if (id === 'rocket') t = must(t, `rocket::routes![health]`, `rocket::routes![health, update, fail]`);
      // Build outside the clone (a cache), bounded in time.
      const crate = join(homedir(), '.cache/cors-doctor/verify-rust');
      await mkdir(join(crate, 'src/bin'), { recursive: true });
      for (const f of ['Cargo.toml', 'Cargo.lock', 'src/main.rs']) await writeFile(join(crate, f), await readFile(join(ROOT, 'tests/verify/rust', f)));
      const bin = id.replace('-', '_') + variant;
      await writeFile(join(crate, 'src/bin', `${bin}.rs`), t);
      execFileSync('cargo', ['build', '--quiet', '--bin', bin], { cwd: crate, timeout: 900_000, stdio: ['ignore', 'ignore', 'pipe'] });
      return [join(crate, 'target/debug', bin), []];
    },
    env: (port) => ({ ROCKET_ADDRESS: '127.0.0.1', ROCKET_PORT: String(port), ROCKET_LOG_LEVEL: 'off' }),
  })),
];
