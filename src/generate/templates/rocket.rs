// main.rs (rocket 0.5, rocket_cors 0.6)
use rocket::http::Method;
use rocket_cors::{AllowedHeaders, AllowedOrigins, CorsOptions};

#[rocket::get("/api/health")]
fn health() -> &'static str {
    "{\"ok\":true}"
}

#[rocket::launch]
fn rocket() -> _ {
    let cors = CorsOptions {
        allowed_origins: AllowedOrigins::some_exact(&[{{ORIGINS}}]),
        allowed_methods: vec![{{METHODS_ROCKET|$}}].into_iter().map(From::from).collect(),
        allowed_headers: AllowedHeaders::some(&[{{HEADERS}}]),
        expose_headers: [{{EXPOSE|"$".to_string()}}].into_iter().collect(), {{?EXPOSE}}
        allow_credentials: {{CREDENTIALS}},
        max_age: Some({{MAX_AGE}}), {{?MAX_AGE}}
        ..Default::default() // the default alone would allow every origin
    }
    .to_cors()
    .expect("valid CORS options");
    rocket::build().mount("/", rocket::routes![health]).attach(cors)
}
