// main.rs (actix-web 4, actix-cors 0.7)
use actix_cors::Cors;
use actix_web::{web, App, HttpResponse, HttpServer};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    HttpServer::new(|| {
        let cors = Cors::default()
            .allowed_origin("{{ORIGINS|$|")\n            .allowed_origin("}}")
            .allowed_methods(vec![{{METHODS}}])
            .allowed_headers(vec![{{HEADERS}}])
            .expose_headers(vec![{{EXPOSE}}]) {{?EXPOSE}}
            .supports_credentials() {{?CREDENTIALS}}
            .max_age({{MAX_AGE}}); // Vary: Origin is sent by actix-cors
        App::new()
            // .wrap(auth) before this line: the LAST .wrap() runs FIRST
            .wrap(cors)
            .route("/api/health", web::get().to(|| async { HttpResponse::Ok().json(serde_json::json!({ "ok": true })) }))
    })
    .bind(("127.0.0.1", 8080))?
    .run()
    .await
}
