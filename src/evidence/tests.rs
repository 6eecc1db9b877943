//! Unit tests of [`super`] (crate::evidence).

use super::*;

#[test]
fn curl_verbose_preflight_and_request() {
    let text = "*   Trying 127.0.0.1:8080...\n> OPTIONS /api/items HTTP/1.1\n> Host: api.example.com\n> Origin: http://localhost:3000\n> Access-Control-Request-Method: PUT\n> Access-Control-Request-Headers: authorization\n>\n< HTTP/1.1 204 No Content\n< Access-Control-Allow-Origin: http://localhost:3000\n< Access-Control-Allow-Methods: GET, PUT\n<\n";
    let ex = exchanges(text);
    assert_eq!(ex.len(), 1);
    let e = &ex[0];
    assert_eq!(e.request.method, "PUT");
    assert_eq!(e.request.origin.as_deref(), Some("http://localhost:3000"));
    assert_eq!(
        e.request.url.as_deref(),
        Some("https://api.example.com/api/items")
    );
    assert_eq!(e.preflight.as_ref().map(|p| p.status), Some(204));
    assert_eq!(e.request.unsafe_header_names(), ["authorization"]);
}

#[test]
fn copy_as_curl_then_curl_i_output() {
    let text = "curl 'https://api.example.com/me' \\\n  -H 'accept: */*' \\\n  -H 'origin: https://app.example.com' \\\n  -b 'session=1' \\\n  -H 'sec-fetch-mode: cors'\nHTTP/2 200\ncontent-type: application/json\naccess-control-allow-origin: *\n\n{\"ok\":true}\n";
    let ex = exchanges(text);
    assert_eq!(ex.len(), 1, "{ex:?}");
    assert!(ex[0].request.credentials, "a cookie makes it credentialed");
    assert_eq!(ex[0].request.method, "GET");
    assert_eq!(
        ex[0]
            .actual
            .as_ref()
            .unwrap()
            .get("Access-Control-Allow-Origin")
            .as_deref(),
        Some("*")
    );
}

#[test]
fn console_text_is_not_evidence() {
    assert!(!looks_like_evidence("Access to fetch at 'https://a.com/' from origin 'http://b.com' has been blocked by CORS policy"));
    assert!(
        exchanges("GET https://a.com/x net::ERR_FAILED 500 (Internal Server Error)").is_empty()
    );
}
