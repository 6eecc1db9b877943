<?php
// At the very top of the entry script (index.php), before any output.
$allowed = [{{ORIGINS}}];
$patterns = [{{PATTERNS_RE_PCRE|'#$#'}}]; // subdomain patterns, anchored {{?PATTERNS}}
$origin = $_SERVER['HTTP_ORIGIN'] ?? '';
header('Vary: Origin', false); // false: keep other Vary values
if (in_array($origin, $allowed, true)) { {{?!PATTERNS}}
if (in_array($origin, $allowed, true) || array_filter($patterns, fn ($p) => preg_match($p, $origin))) { {{?PATTERNS}}
    header('Access-Control-Allow-Origin: ' . $origin);
    header('Access-Control-Allow-Credentials: true'); {{?CREDENTIALS}}
    header('Access-Control-Expose-Headers: {{EXPOSE|$}}'); {{?EXPOSE}}
}
if (($_SERVER['REQUEST_METHOD'] ?? '') === 'OPTIONS' && isset($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_METHOD'])) {
    header('Access-Control-Allow-Methods: {{METHODS|$}}');
    header('Access-Control-Allow-Headers: {{HEADERS|$}}');
    header('Access-Control-Max-Age: {{MAX_AGE}}'); {{?MAX_AGE}}
    http_response_code(204);
    exit;
}

header('Content-Type: application/json');
echo json_encode(['ok' => true]);
