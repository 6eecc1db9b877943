//! The registry of targets, in the order the picker lists them. Each entry names its template
//! (a real file in the target's own syntax, beside this one in `templates/`) and its pitfalls,
//! taken from each middleware's own docs and issue trackers.

use super::{Framework, OwnList, Policy, Syntax, Vary};

/// A template's text: compiled in natively; the page loads it on demand (see
/// `Framework::script`), so its wasm carries none.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! template {
    ($tpl:literal) => {
        include_str!(concat!("templates/", $tpl))
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! template {
    ($tpl:literal) => {
        ""
    };
}

/// A target's own list formats: none unless its entry ends with `lists: &[...]`.
macro_rules! own_lists {
    () => {
        &[]
    };
    ($lists:expr) => {
        $lists
    };
}

macro_rules! target {
    ($id:literal, $label:literal, $file:literal, $tpl:literal, $syntax:ident, $vary:ident, $origins:ident,
     $keywords:literal, $placement:literal, [$($note:literal),* $(,)?] $(, lists: $lists:expr)?) => {
        Framework {
            id: $id,
            label: $label,
            file: $file,
            placement: $placement,
            syntax: Syntax::$syntax,
            template: template!($tpl),
            script: concat!("t/", $id, ".js"),
            vary: Vary::$vary,
            patterns: matches!(Origins::$origins, Origins::Patterns),
            notes: &[$($note),*],
            keywords: $keywords,
            lists: own_lists!($($lists)?),
        }
    };
}

/// How a target's mechanism matches origins: a list of exact origins only, or also patterns
/// (a regex, a wildcard subdomain, or code).
enum Origins {
    Listed,
    Patterns,
}

/// The standard methods, the ones Rust's http crate and Rocket name as constants or variants.
const STANDARD_METHODS: [&str; 9] = [
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE",
];

/// S3 and R2: `AllowedMethods` accepts only these five.
const S3_METHODS: OwnList = ("METHODS_S3", |p| {
    p.methods
        .iter()
        .filter(|m| ["GET", "PUT", "POST", "DELETE", "HEAD"].contains(&m.as_str()))
        .cloned()
        .collect()
});

/// Axum (the http crate): a constant for a standard method, `from_bytes` for any other.
const RUST_METHODS: OwnList = ("METHODS_RUST", |p| {
    p.methods
        .iter()
        .map(|m| {
            if STANDARD_METHODS.contains(&m.as_str()) {
                format!("Method::{m}")
            } else {
                format!("Method::from_bytes(b\"{m}\").expect(\"valid method\")")
            }
        })
        .collect()
});

/// rocket::http::Method has a variant for the standard methods only.
const ROCKET_METHODS: OwnList = ("METHODS_ROCKET", |p| {
    p.methods
        .iter()
        .filter(|m| STANDARD_METHODS.contains(&m.as_str()))
        .map(|m| {
            let mut c = m.chars();
            let first = c.next().map(|f| f.to_string()).unwrap_or_default();
            format!("Method::{first}{}", c.as_str().to_ascii_lowercase())
        })
        .collect()
});

/// GCS uses one list for allowed request headers and exposed response headers.
const GCS_HEADERS: OwnList = ("HEADERS_AND_EXPOSE", |p: &Policy| {
    let mut all = p.headers.clone();
    for e in &p.expose {
        if !all.iter().any(|h| h.eq_ignore_ascii_case(e)) {
            all.push(e.clone());
        }
    }
    all
});

/// Every target.
pub static FRAMEWORKS: &[Framework] = &[
    target!("express", "Express (cors)", "server.js", "express.js", SingleQuoted, Library, Patterns,
        "node javascript typescript", "app.use(cors(...)) before auth middleware and routers.",
        ["origin: true or a function returning true reflects every origin; with credentials that lets any site read your users' data.",
         "Express 5 crashes on app.options('*', ...); app.use(cors(...)) already answers every preflight.",
         "An origin callback that throws turns every response into a 500; call back with (null, false) instead."]),
    target!("fastify", "Fastify (@fastify/cors)", "server.mjs", "fastify.mjs", SingleQuoted, Library, Patterns,
        "node javascript typescript", "Registered at the root instance, before auth hooks.",
        ["@fastify/cors 11 allows only GET, HEAD and POST by default: list PUT, PATCH and DELETE.",
         "Registered inside an encapsulated plugin, it only covers that plugin's routes.",
         "strictPreflight (default) answers 400 to an OPTIONS without Origin or Access-Control-Request-Method."]),
    target!("koa", "Koa (@koa/cors)", "server.js", "koa.js", SingleQuoted, Library, Patterns,
        "node javascript", "The first app.use().",
        ["@koa/cors 5 defaults to origin '*', and with credentials: true it then reflects the request's origin.",
         "Without keepHeadersOnError, errors thrown downstream lose the CORS headers."]),
    target!("nestjs", "NestJS", "src/main.ts", "nestjs.ts", SingleQuoted, Library, Patterns,
        "node typescript", "In bootstrap(), before app.listen().",
        ["origin: true with credentials reflects every origin.",
         "A GraphQL driver's own cors option adds a second set of headers: configure CORS in one place."]),
    target!("nextjs", "Next.js (route handler)", "app/api/data/route.ts", "nextjs.ts", SingleQuoted, Config, Patterns,
        "react node typescript vercel", "In each route handler file called cross-origin (or a shared helper).",
        ["next.config headers() cannot echo the request's origin: it serves one fixed value.",
         "Pages-router API routes must answer OPTIONS themselves.",
         "A static export ignores headers() entirely."]),
    target!("hono", "Hono", "src/index.ts", "hono.ts", SingleQuoted, Library, Patterns,
        "node bun deno cloudflare typescript", "app.use() before the routes it covers.",
        ["origin '*' (the default) with credentials: true makes Hono reflect every origin.",
         "Middleware registered after a route does not run for it."]),
    target!("node-http", "Node.js http (no framework)", "server.js", "node-http.js", SingleQuoted, Config, Patterns,
        "node javascript", "Wrap the request handler, so every response passes through it.",
        ["Set the headers before writeHead(); headers added after the body is sent are lost."]),
    target!("flask", "Flask (flask-cors)", "app.py", "flask.py", Python, Library, Patterns,
        "python", "Right after creating the app.",
        ["supports_credentials=True with the default origins='*' reflects every origin.",
         "A @before_request auth check answers the preflight with 401: skip OPTIONS there.",
         "Werkzeug redirects /api/items to /api/items/ for routes defined with a slash, and the preflight fails on the redirect."]),
    target!("django", "Django (django-cors-headers)", "settings.py", "django.py", Python, Library, Patterns,
        "python", "CorsMiddleware first in MIDDLEWARE, above CommonMiddleware.",
        ["APPEND_SLASH's 301 breaks preflights to URLs without the trailing slash.",
         "CORS_ALLOW_ALL_ORIGINS with CORS_ALLOW_CREDENTIALS reflects every origin.",
         "CSRF is separate: credentialed POSTs also need CSRF_TRUSTED_ORIGINS."]),
    target!("fastapi", "FastAPI / Starlette", "main.py", "fastapi.py", Python, Library, Patterns,
        "python starlette uvicorn", "add_middleware after the others (the last added runs first).",
        ["allow_methods defaults to GET only.",
         "An unhandled exception becomes a 500 without CORS headers (the error middleware sits outside CORS).",
         "allow_origins=['*'] with allow_credentials=True reflects every origin."]),
    target!("rails", "Ruby on Rails (rack-cors)", "config/initializers/cors.rb", "rails.rb", SingleQuoted, Library, Patterns,
        "ruby rack", "insert_before 0: ahead of Devise/Warden.",
        ["origins '*' with credentials: true raises at boot.",
         "nginx in front adding its own Access-Control-Allow-Origin produces duplicates."]),
    target!("laravel", "Laravel", "config/cors.php", "laravel.php", SingleQuoted, Library, Patterns,
        "php", "config/cors.php; the HandleCors middleware is global since Laravel 9.2.",
        ["paths must include every route called cross-origin (api/*, sanctum/csrf-cookie).",
         "After editing, clear the cached config: php artisan config:clear.",
         "A dd(), echo or fatal error before the response means no CORS headers."]),
    target!("php", "PHP (no framework)", "index.php", "php.php", SingleQuoted, Config, Patterns,
        "php apache fpm", "At the very top of the entry script, before any output.",
        ["Any output before header() (a BOM, whitespace, an echo) makes PHP drop the headers.",
         "header('Vary: Origin') without false as second argument replaces other Vary values.",
         "Behind nginx, OPTIONS may never reach PHP: check the location rules."]),
    target!("spring-boot", "Spring Boot (Spring Security)", "CorsConfig.java", "spring-boot.java", DoubleQuoted, Library, Patterns,
        "java kotlin spring", "A CorsConfigurationSource bean plus http.cors() in the security chain.",
        ["Without http.cors(...), Spring Security answers the preflight with 401 or 403.",
         "allowedOrigins(\"*\") with allowCredentials(true) throws; use exact origins.",
         "A disallowed origin gets 403 Invalid CORS request."]),
    target!("tomcat", "Apache Tomcat (CorsFilter)", "WEB-INF/web.xml", "tomcat.xml", DoubleQuoted, Library, Listed,
        "java servlet jakarta", "The first filter in web.xml.",
        ["The default allowed headers lack Authorization.",
         "A disallowed origin, method or header gets 403.",
         "A <security-constraint> runs before filters: exclude OPTIONS from it."]),
    target!("aspnet-core", "ASP.NET Core", "Program.cs", "aspnet-core.cs", DoubleQuoted, Library, Patterns,
        "dotnet csharp c#", "app.UseCors after UseRouting and before UseAuthentication.",
        ["AllowAnyOrigin() with AllowCredentials() throws at startup.",
         "WithOrigins(\"https://app.example.com/\") with a trailing slash never matches.",
         "On IIS, the WebDAV module can swallow OPTIONS."]),
    target!("go-net-http", "Go net/http", "cors.go", "go-net-http.go", DoubleQuoted, Config, Patterns,
        "golang", "Wrap the outermost handler: withCORS(mux).",
        ["The mux answers an OPTIONS it has no route for with 404 or 405 unless the wrapper answers first.",
         "Header().Set(\"Vary\", ...) drops other Vary values; use Add."]),
    target!("gin", "Gin (gin-contrib/cors)", "main.go", "gin.go", DoubleQuoted, Library, Patterns,
        "golang", "r.Use(cors.New(...)) before routes and auth.",
        ["A disallowed origin gets 403.",
         "cors.Default() allows every origin."]),
    target!("rs-cors", "Go (rs/cors)", "main.go", "rs-cors.go", DoubleQuoted, Library, Patterns,
        "golang net/http chi", "c.Handler(mux) around everything, auth inside it.",
        ["Left out, AllowedMethods is GET, POST and HEAD only: a PUT preflight fails.",
         "\"*\" with AllowCredentials is not reflected, so credentialed requests fail."]),
    target!("axum", "Axum (tower-http CorsLayer)", "src/main.rs", "axum.rs", DoubleQuoted, Library, Listed,
        "rust tokio tower", ".layer(cors) after the routes it covers.",
        [".layer() only wraps routes added before it: later routes answer OPTIONS with 405.",
         "allow_credentials(true) with any Any (origin, methods or headers) panics at startup."], lists: &[RUST_METHODS]),
    target!("actix-web", "Actix Web (actix-cors)", "src/main.rs", "actix-web.rs", DoubleQuoted, Library, Listed,
        "rust", ".wrap(cors) last, so it runs first.",
        ["The last .wrap() runs first: CORS wrapped before auth runs inside it and the preflight gets 401.",
         "Cors::permissive() allows every origin with credentials."]),
    target!("rocket", "Rocket (rocket_cors)", "src/main.rs", "rocket.rs", DoubleQuoted, Library, Listed,
        "rust", ".attach(cors) on the Rocket builder.",
        ["CorsOptions::default() alone allows every origin and header.",
         "rocket_cors can only list the standard methods; a custom method (PROPFIND ...) is left out."], lists: &[ROCKET_METHODS]),
    target!("nginx", "nginx", "nginx.conf", "nginx.conf", DoubleQuoted, Config, Patterns,
        "proxy reverse-proxy", "The map in http {}, the headers in the location.",
        ["An add_header in an inner block (location, if) drops every inherited add_header: repeat them all.",
         "Without always, 4xx and 5xx responses get no CORS headers.",
         "If the app behind also sends CORS headers, hide them (proxy_hide_header) or you get duplicates."]),
    target!("apache", "Apache httpd", "httpd.conf / .htaccess", "apache.conf", DoubleQuoted, Config, Patterns,
        "httpd htaccess", "In the VirtualHost or .htaccess of the API.",
        ["Header set without always misses error responses; Header set Vary clobbers other values (merge).",
         "Require valid-user answers the preflight with 401 unless OPTIONS is exempted."]),
    target!("caddy", "Caddy v2", "Caddyfile", "caddy.Caddyfile", DoubleQuoted, Config, Patterns,
        "proxy reverse-proxy", "Inside the site block of the API.",
        ["Caddy v1's cors directive does not exist in v2.",
         "handle_errors responses do not get these header rules."]),
    target!("haproxy", "HAProxy", "haproxy.cfg", "haproxy.cfg", DoubleQuoted, Config, Patterns,
        "proxy load-balancer", "In the frontend that receives browser traffic.",
        ["http-response does not run on responses HAProxy generates; http-after-response does (2.2+).",
         "add-header duplicates the backend's CORS headers; set-header replaces them."]),
    target!("traefik", "Traefik", "dynamic.yml", "traefik.yml", DoubleQuoted, Library, Patterns,
        "proxy kubernetes docker", "A headers middleware attached to the router, before auth middlewares.",
        ["addVaryHeader defaults to false.",
         "forwardAuth listed before cors answers preflights with 401."]),
    target!("iis", "IIS (CORS Module)", "web.config", "iis.config", DoubleQuoted, Library, Listed,
        "windows asp.net", "system.webServer in web.config; the module runs before authentication.",
        ["customHeaders cannot vary by origin and duplicates the app's headers.",
         "WebDAVModule or OPTIONSVerbHandler can swallow OPTIONS."]),
    target!("aws-s3", "AWS S3 bucket CORS", "cors.json", "aws-s3.json", DoubleQuoted, Library, Patterns,
        "amazon cloudfront bucket", "aws s3api put-bucket-cors --bucket BUCKET --cors-configuration file://cors.json",
        ["AllowedMethods accepts only GET, PUT, POST, DELETE and HEAD.",
         "Behind CloudFront, include Origin in the cache key and allow OPTIONS, or cached answers go to the wrong origin.",
         "S3 sends Access-Control-Allow-Credentials: true for any matched origin."], lists: &[S3_METHODS]),
    target!("aws-api-gateway", "AWS API Gateway (HTTP API)", "template.yaml", "aws-api-gateway.yaml", DoubleQuoted, Library, Listed,
        "amazon lambda sam cloudformation", "CorsConfiguration on the AWS::ApiGatewayV2::Api.",
        ["With CorsConfiguration set, the gateway ignores CORS headers from your Lambda.",
         "A REST API needs its OPTIONS method and Gateway Responses configured instead.",
         "An authorizer on ANY /{proxy+} can capture OPTIONS."]),
    target!("cloudflare-workers", "Cloudflare Workers", "src/index.js", "cloudflare-workers.js", SingleQuoted, Config, Patterns,
        "wrangler edge", "Around your fetch handler.",
        ["Responses from fetch() have immutable headers: copy them into a new Response.",
         "An uncaught exception gives an error page without CORS headers; catch it."]),
    target!("netlify", "Netlify (_headers)", "_headers", "netlify.headers", DoubleQuoted, Static, Listed,
        "static jamstack", "The _headers file in the publish directory.",
        ["Static headers: one fixed origin, no allowlist. For several origins use an Edge Function.",
         "Responses from Netlify Functions do not get these headers: set them in the function."]),
    target!("vercel", "Vercel (vercel.json)", "vercel.json", "vercel.json", DoubleQuoted, Static, Listed,
        "static serverless", "vercel.json at the project root.",
        ["Static headers: one rule per allowed origin, matched on the Origin header.",
         "Serverless Functions must answer OPTIONS themselves."]),
    target!("firebase-hosting", "Firebase Hosting", "firebase.json", "firebase-hosting.json", DoubleQuoted, Static, Listed,
        "google static", "hosting.headers in firebase.json.",
        ["Static headers: one fixed origin only.",
         "Rewrites to Cloud Functions or Cloud Run need CORS in the function."]),
    target!("gcs", "Google Cloud Storage", "cors.json", "gcs.json", DoubleQuoted, Library, Listed,
        "google bucket gcloud", "gcloud storage buckets update gs://BUCKET --cors-file=cors.json",
        ["responseHeader lists both allowed request headers and exposed response headers.",
         "Changes can take a while to apply; the authenticated download host ignores bucket CORS."], lists: &[GCS_HEADERS]),
    target!("azure-blob", "Azure Blob Storage", "cors.xml", "azure-blob.xml", DoubleQuoted, Library, Listed,
        "microsoft storage", "Blob service properties (portal, az storage cors add, or the SDK).",
        ["At most 5 rules; the first matching rule wins.",
         "An unmatched preflight gets 403 CorsPreflightFailure."]),
    target!("spring-webflux", "Spring WebFlux (CorsWebFilter)", "CorsConfig.java", "spring-webflux.java", DoubleQuoted, Library, Patterns,
        "java kotlin reactive spring security", "A @Configuration class; with Spring Security, also http.cors(Customizer.withDefaults()).",
        ["Without cors() in Spring Security's chain, the security filter answers the preflight with 401 or 403 before CorsWebFilter runs.",
         "allowCredentials(true) with allowedOrigins(\"*\") throws at startup: list the origins (or use allowedOriginPatterns).",
         "A disallowed origin gets 403 \"Invalid CORS request\", which looks like an auth failure."]),
    target!("spring-cloud-gateway", "Spring Cloud Gateway (globalcors)", "application.yml", "spring-cloud-gateway.yml", DoubleQuoted, Library, Patterns,
        "java spring gateway kubernetes", "application.yml of the gateway; the services behind it should not add CORS headers.",
        ["The gateway and a Spring service behind it both adding Access-Control-Allow-Origin send it twice: configure CORS in the gateway only (or keep DedupeResponseHeader).",
         "Without add-to-simple-url-handler-mapping, preflights to paths that match no route get no CORS headers.",
         "Since Spring Cloud Gateway 4.3 the prefix is spring.cloud.gateway.server.webflux."]),
    target!("supabase-edge-functions", "Supabase Edge Functions", "supabase/functions/api/index.ts", "supabase-edge-functions.ts", SingleQuoted, Config, Patterns,
        "deno supabase typescript edge", "In each function's Deno.serve handler (or a shared _shared/cors.ts).",
        ["supabase-js sends authorization, x-client-info, apikey and content-type: allow the ones your client sends.",
         "An uncaught error returns a 500 without your CORS headers: catch errors and add them.",
         "Copy-pasted examples use Access-Control-Allow-Origin: *, which fails as soon as credentials are sent."]),
    target!("firebase-functions", "Cloud Functions for Firebase", "functions/index.js", "firebase-functions.js", SingleQuoted, Library, Patterns,
        "google firebase gcp node serverless", "Wrap the handler of each onRequest function called cross-origin.",
        ["onRequest's own cors option (true reflects any origin) and the cors package together send duplicate headers: use one.",
         "Callable functions (onCall) handle CORS themselves; this is for onRequest.",
         "A function that does not exist (wrong region or name) answers 404 without CORS headers, reported as a CORS error."]),
    target!("aws-lambda-url", "AWS Lambda function URL", "cors.json", "aws-lambda-url.json", DoubleQuoted, Library, Listed,
        "amazon serverless", "aws lambda update-function-url-config --function-name FN --cors file://cors.json",
        ["With CORS set on the function URL, Lambda answers preflights and adds the headers: do not also add them in your code.",
         "An Application Load Balancer in front has no CORS settings of its own: the function (or this config) must answer OPTIONS.",
         "MaxAge is capped at 86400 seconds."]),
    target!("ingress-nginx", "Kubernetes ingress-nginx (annotations)", "ingress.yaml", "ingress-nginx.yaml", DoubleQuoted, Library, Patterns,
        "kubernetes k8s nginx helm", "Annotations on the Ingress in front of the service; the service itself should not add CORS headers.",
        ["cors-allow-credentials defaults to \"true\": it is written out here.",
         "The app behind the ingress adding its own Access-Control-Allow-Origin gives two headers: configure CORS in one place."]),
    target!("socket-io", "Socket.IO server", "server.js", "socket-io.js", SingleQuoted, Library, Patterns,
        "node websocket realtime", "The cors option of new Server(); an Express app sharing the server needs its own.",
        ["cors is off by default since Socket.IO 3: the polling transport then fails with a CORS error.",
         "origin: true with credentials: true reflects every origin.",
         "The client's withCredentials needs credentials: true here, and then an exact origin list."]),
    target!("signalr", "ASP.NET Core SignalR", "Program.cs", "signalr.cs", DoubleQuoted, Library, Patterns,
        "dotnet csharp websocket realtime", "UseCors between UseRouting and UseAuthentication, and RequireCors on the hub.",
        ["The JavaScript client sends credentials by default: AllowCredentials is needed, and never with AllowAnyOrigin.",
         "Negotiation (POST /hub/negotiate) is a CORS request with a preflight; WebSockets then skip CORS.",
         "Azure SignalR Service has its own CORS settings for the service endpoint."]),
    target!("cloudflare-r2", "Cloudflare R2 bucket CORS", "cors.json", "cloudflare-r2.json", DoubleQuoted, Library, Listed,
        "cloudflare bucket storage presigned upload", "The bucket's Settings > CORS Policy in the dashboard (or wrangler r2 bucket cors set).",
        ["Presigned PUT uploads from the browser need PUT allowed and the Content-Type header listed.",
         "A custom domain with caching: include Origin in the cache key, or cached answers go to the wrong origin.",
         "R2 has no credentials setting: presigned URLs carry their authorization in the query."], lists: &[S3_METHODS]),
    target!("cloudfront", "Amazon CloudFront (response headers policy)", "template.yaml", "cloudfront.yaml", DoubleQuoted, Library, Listed,
        "amazon cdn aws cache", "A response headers policy and a cache policy on the distribution's cache behavior.",
        ["The cache key must include Origin (or the origin must send Vary: Origin), or one origin's answer is served to another.",
         "The cache behavior must allow OPTIONS, or preflights get 403.",
         "AccessControlAllowMethods takes only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS."]),
    target!("kong", "Kong Gateway (cors plugin)", "kong.yaml", "kong.yaml", DoubleQuoted, Library, Listed,
        "api gateway lua decK", "The cors plugin on the service or route (declarative kong.yaml or the Admin API).",
        ["An upstream adding its own Access-Control-Allow-Origin gives duplicates: let Kong answer alone.",
         "preflight_continue: true forwards preflights to the upstream, which must then answer them."]),
    target!("quarkus", "Quarkus", "src/main/resources/application.properties", "quarkus.properties", DoubleQuoted, Library, Listed,
        "java kotlin microprofile", "application.properties; the HTTP layer's filter runs before security.",
        ["Without the origins property, recent Quarkus allows only the same origin (older versions allowed any).",
         "Origins in slashes are regular expressions; in application.properties every backslash must be doubled, so patterns are left to a custom filter here."]),
    target!("symfony-nelmio", "Symfony (NelmioCorsBundle)", "config/packages/nelmio_cors.yaml", "symfony-nelmio.yaml", SingleQuoted, Library, Patterns,
        "php", "config/packages/nelmio_cors.yaml; the bundle's listener runs before the firewall.",
        ["paths must match the API routes, or those routes get no headers.",
         "With origin_regex: true every allow_origin entry is a regex: dots escaped and anchored, as here.",
         "Clear the cache after editing: bin/console cache:clear."]),
    target!("echo", "Go Echo (middleware.CORS)", "main.go", "echo.go", DoubleQuoted, Library, Patterns,
        "golang", "e.Use() before routes and auth middleware.",
        ["AllowOriginFunc replaces AllowOrigins when set: it must check the exact origins too, as here.",
         "A route group's own middleware runs after the top-level CORS middleware."]),
    target!("fiber", "Go Fiber (cors middleware)", "main.go", "fiber.go", DoubleQuoted, Library, Patterns,
        "golang fasthttp", "app.Use() before routes and auth middleware.",
        ["Fiber panics at startup when AllowCredentials is true with AllowOrigins \"*\".",
         "Fiber v3 takes the lists as []string instead of comma-separated strings."]),
    target!("sveltekit", "SvelteKit (hooks.server.ts)", "src/hooks.server.ts", "sveltekit.ts", SingleQuoted, Config, Patterns,
        "svelte node vite typescript", "src/hooks.server.ts: handle runs before every endpoint.",
        ["Prerendered routes never run hooks: their headers come from the host.",
         "A response from fetch() passed through may have immutable headers: copy it into a new Response.",
         "The adapter's platform (Vercel, Netlify, Cloudflare) may add headers too: configure CORS in one place."]),
    target!("elysia", "Elysia (@elysiajs/cors)", "src/index.ts", "elysia.ts", SingleQuoted, Library, Patterns,
        "bun typescript", ".use(cors(...)) before the routes.",
        ["@elysiajs/cors defaults to reflecting every origin with credentials: both are written out here.",
         "Plugins registered after a route do not apply to it."]),
    target!("vite-proxy", "Vite dev server proxy (development)", "vite.config.ts", "vite-proxy.ts", SingleQuoted, Library, Listed,
        "react vue svelte development", "server.proxy in vite.config.ts.",
        ["Only for development: the production build needs the server fix or a same-origin deployment."]),
    target!("webpack-dev-server", "webpack dev server proxy (development)", "webpack.config.js", "webpack-dev-server.js", SingleQuoted, Library, Listed,
        "react angular development", "devServer.proxy in webpack.config.js.",
        ["Only for development: the production build needs the server fix or a same-origin deployment."]),
];
