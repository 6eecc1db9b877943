//! The patterns no one kind owns: the wrappers a reason is printed in ("Access to fetch at ...
//! has been blocked by CORS policy:", "Cross-Origin Request Blocked: ..."), lines that carry
//! facts only, network log lines and DevTools' CorsError names. They come before every kind's
//! patterns; among them, the first wrapper that matches a record names its fallback kind.

use super::kinds::prelude::*;

patterns! {
    p(Frame(CorsOther), CR, NONE, "has been blocked by CORS policy",
      r"Access to (?P<resource_kind>[A-Za-z][A-Za-z ]{0,40}?) at '(?P<url>[^']*)'(?: \(redirected from '(?P<redirected_from>[^']*)'\))? from origin '(?P<origin>[^']*)' has been blocked by CORS policy:")
        => { yes: ["Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: The response is invalid."], no: ["'http://localhost:5173' has been blocked by CORS policy: Response to preflight"] },
    p(Frame(RedirectNotAllowed), CR, NONE, "has been blocked by CORS policy",
      r"Redirect from '(?P<redirected_from>[^']*)' to '(?P<url>[^']*)' has been blocked by CORS policy:")
        => { yes: ["Redirect from 'https://api.example.com/v1/items' to 'https://user:pw@cdn.example.com/x' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."], no: ["'http://localhost:5173' has been blocked by CORS policy: Response to preflight"] },
    p(Frame(RedirectNotAllowed), CR, NONE, "has been blocked by CORS policy",
      r"Redirect from '(?P<url>[^']*)' has been blocked by CORS policy:")
        => { yes: ["Redirect from 'https://api.example.com/v1/items' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."], no: ["'http://localhost:5173' has been blocked by CORS policy: Response to preflight"] },
    p(Frame(CorsOther), CR, NONE, "Access blocked by CORS policy:",
      r"Access blocked by CORS policy:")
        => { yes: ["Access blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."], no: [] },
    p(Frame(CorsOther), CR, NONE, "has been blocked from loading by Cross-Origin Resource Sharing policy",
      r"(?P<resource_kind>[A-Z][A-Za-z ]{0,40}?) from origin '[^']*' has been blocked from loading by Cross-Origin Resource Sharing policy:")
        => { yes: ["Image from origin 'https://api.example.com' has been blocked from loading by Cross-Origin Resource Sharing policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."], no: ["has been blocked from loading by Cross-Origin Resource Sharing policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."] },
    p(Frame(CorsOther), FF, NONE, "Cross-Origin Request Blocked:",
      r"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at '?(?P<url>\S+?)'?\.(?: |$)")
        => { yes: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: CORS disabled)."], no: ["Cross-Origin Request Blocked:"] },
    p(Frame(CorsOther), FF, NONE, "Cross-Origin Request Warning:",
      r"Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at (?P<url>\S+) soon")
        => { yes: ["Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.example.com/v1/me soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."], no: ["Cross-Origin Request Warning:"] },
    p(Frame(CorsOther), WK, NONE, "due to access control checks",
      r"(?P<resource_kind>Fetch API|XMLHttpRequest|EventSource) cannot load (?P<url>\S+) due to access control checks")
        => { yes: ["Fetch API cannot load https://api.example.com/v1/items due to access control checks."], no: ["Cannot load https://api.example.com/v1/items due to access control checks."] },
    p(Frame(CorsOther), WK, NONE, "due to access control checks",
      r"Cannot load (?:(?P<resource_kind>image|script|stylesheet|font|media|text track) )?(?P<url>\S+) due to access control checks")
        => { yes: ["Cannot load https://api.example.com/v1/items due to access control checks."], no: ["Fetch API cannot load https://api.example.com/v1/items due to access control checks."] },
    // The redirect's target is not the request: the "Fetch API cannot load" line WebKit prints
    // next names the URL the page requested, and both lines are one diagnosis with it.
    p(Frame(RedirectNotAllowed), WK, NONE, "Cross-origin redirection to",
      r"Cross-origin redirection to \S+ denied by Cross-Origin Resource Sharing policy")
        => { yes: ["Cross-origin redirection to https://user:pw@cdn.example.com/x denied by Cross-Origin Resource Sharing policy: Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin."], no: [] },
    p(Frame(CorsOther), CR, NONE, "Failed to load ",
      r"^Failed to load (?P<url>[a-z][a-z0-9+.-]*:[^\s']*?): ")
        => { yes: ["Failed to load https://api.example.com/v1/items: No 'Access-Control-Allow-Origin' header is present on the requested resource."], no: ["Failed to load resource: net::ERR_FAILED"] },
    p(Frame(CorsOther), ANY, NONE, "is therefore not allowed access",
      r"Origin '(?P<origin>[^']*)' is therefore not allowed access")
        => { yes: ["Invalid response. Origin 'http://localhost:3000' is therefore not allowed access."], no: ["is therefore not allowed access."] },
    p(Frame(CorsOther), CR, PRE, "Response to preflight request doesn't pass access control check",
      r"Response to preflight request doesn't pass access control check")
        => { yes: ["Response to preflight request doesn't pass access control check: It does not have HTTP ok status."], no: [] },
    p(Frame(CorsOther), ANY, NONE, "cannot load ",
      r"(?P<resource_kind>Fetch API|XMLHttpRequest) cannot load (?P<url>[a-z][a-z0-9+.-]*:\S*?)(?:\. |\.$)")
        => { yes: ["Fetch API cannot load https://api.example.com/v1/items. Redirect failed."], no: ["Fetch API cannot load https://api.example.com/v1/items due to access control checks."] },
    p(FactOnly, CR, NONE, "Failed to load '",
      r"Failed to load '(?P<url>[^']*)': ")
        => { yes: ["Failed to load 'https://api.example.com/v1/items': Cross origin requests are not allowed by request mode."], no: ["Failed to load '"] },
    p(FactOnly, ANY, NONE, "Status code: ",
      r"Status code: (?P<status>\d{3})")
        => { yes: ["Preflight response is not successful. Status code: 500"], no: ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://127.0.0.1:8000/api/items. (Reason: CORS request did not succeed). Status code: (null)."] },
    p(Network, CR, NONE, "net::",
      r"(?P<method>[A-Z]{3,10}) (?P<url>[a-z][a-z0-9+.-]*://\S+) net::[A-Z_]+(?:\.[A-Za-z]+)?(?: (?P<status>\d{3}))?")
        => { yes: ["GET https://auth.example.com/session net::ERR_FAILED 200 (OK)"], no: ["net::ERR_BLOCKED_BY_ORB"] },
    p(Network, CR, NONE, "://",
      r"^(?P<method>GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (?P<url>[a-z][a-z0-9+.-]*://\S+) (?P<status>[45]\d\d) \(")
        => { yes: ["GET https://api.example.com/v1/items 500 (Internal Server Error)"], no: ["Server listening on http://localhost:8080"] },
    p(Network, CR, NONE, " failed loading: ",
      r#"(?P<resource_kind>Fetch|XHR) failed loading: (?P<method>[A-Z]+) "(?P<url>[^"]*)""#)
        => { yes: [r#"Fetch failed loading: PUT "https://api.example.com/v1/items"."#], no: [] },
    p(Network, ANY, NONE, "Failed to load resource: the server responded with a status of",
      r"Failed to load resource: the server responded with a status of (?P<status>\d{3})")
        => { yes: ["Failed to load resource: the server responded with a status of 500 (Internal Server Error)"], no: ["Failed to load resource: the server responded with a status of"] },
    p(Network, ANY, NONE, "Failed to load resource:",
      r"Failed to load resource:")
        => { yes: ["Failed to load resource: net::ERR_FAILED"], no: [] },
    p(Frame(CorsOther), CR, NONE, "CORS error",
      r"^(?:(?P<method>[A-Z]{3,10}) )?(?:(?P<url>[a-z][a-z0-9+.-]*://\S+) )?CORS error$")
        => { yes: ["CORS error"], no: ["CORS error, code 3"] },
    p(Role::CorsErrorName, CR, NONE, "Cross-Origin Resource Sharing error: ",
      r"Cross-Origin Resource Sharing error: (?P<cors_error>[A-Za-z]+)")
        => { yes: ["Cross-Origin Resource Sharing error: PreflightMissingAllowOriginHeader"], no: [] },
}
