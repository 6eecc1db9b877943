<?php
// config/cors.php  (Laravel 9.2+: HandleCors is global middleware; Laravel 11: php artisan config:publish cors)
return [
    'paths' => ['api/*', 'sanctum/csrf-cookie'],
    'allowed_methods' => [{{METHODS}}],
    'allowed_origins' => [{{ORIGINS}}],
    'allowed_origins_patterns' => [{{PATTERNS_RE_PCRE|'#$#'}}],
    'allowed_headers' => [{{HEADERS}}],
    'exposed_headers' => [{{EXPOSE}}],
    'max_age' => {{MAX_AGE}},
    'supports_credentials' => {{CREDENTIALS}},
];
