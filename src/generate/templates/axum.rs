// main.rs (axum 0.8, tower-http 0.6 with the "cors" feature)
use std::time::Duration;

use axum::{http::{HeaderName, HeaderValue, Method}, routing::get, Json, Router};
use tower_http::cors::CorsLayer;

#[tokio::main]
async fn main() {
    let cors = CorsLayer::new()
        .allow_origin([{{ORIGINS|HeaderValue::from_static("$")}}])
        .allow_methods([{{METHODS_RUST|$}}])
        .allow_headers([{{HEADERS_LOWER|HeaderName::from_static("$")}}])
        .expose_headers([{{EXPOSE_LOWER|HeaderName::from_static("$")}}]) {{?EXPOSE}}
        .allow_credentials(true) {{?CREDENTIALS}}
        .max_age(Duration::from_secs({{MAX_AGE}})); // sends Vary: Origin (and the request headers)

    let app = Router::new()
        .route("/api/health", get(|| async { Json(serde_json::json!({ "ok": true })) }))
        // .layer(auth_layer) goes here: layers added later run first
        .layer(cors); // after the routes it covers; last = outermost

    let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
