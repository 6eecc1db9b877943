//! Unit tests of [`super`] (crate::facts).

use super::*;

#[test]
fn origins() {
    for ok in [
        "http://localhost:3000",
        "https://app.example.com",
        "null",
        "http://[::1]:8080",
        "http://127.0.0.1",
    ] {
        assert!(valid_origin(ok).is_some(), "{ok}");
    }
    for bad in [
        "http://localhost:3000/",
        "https://a.com/path",
        "localhost:3000",
        "http://*.a.com",
        "https://a.com:99999",
        "http://a b",
        "",
        "https://-a.com",
        "http://a.com\n",
    ] {
        assert!(valid_origin(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn urls() {
    for ok in [
        "https://api.example.com/v1/items?id=7",
        "http://127.0.0.1:8080/",
        "file:///C:/x.html",
        "data:text/plain,hi",
        "https://user:pw@a.com/",
    ] {
        assert!(valid_url(ok).is_some(), "{ok}");
    }
    for bad in [
        "https://a.com/'onerror",
        "https://a .com",
        "api.example.com/x",
        "https://",
        "https://a.com/<script>",
        "1https://a.com",
    ] {
        assert!(valid_url(bad).is_none(), "{bad:?}");
    }
    assert_eq!(
        origin_of("https://App.Example.com:8443/x?y").as_deref(),
        Some("https://app.example.com:8443")
    );
    // A page URL with user info and the default port gives the origin a browser sends.
    assert_eq!(
        origin_of("https://user@a.com:443/x").as_deref(),
        Some("https://a.com")
    );
    // Schemes no page origin has are not origins, whatever a paste says.
    assert_eq!(valid_origin("a+b.c-d://evil.com:1"), None);
    assert_eq!(valid_origin("javascript://a.com"), None);
}

#[test]
fn tokens_and_status() {
    assert_eq!(valid_token("X-Api-Key").as_deref(), Some("X-Api-Key"));
    assert!(valid_token("x key").is_none());
    assert!(valid_token("a;b").is_none());
    assert!(valid_token("").is_none());
    assert_eq!(valid_status("404"), Some(404));
    assert_eq!(valid_status("600"), None);
    assert_eq!(valid_status("40"), None);
}

#[test]
fn offer_keeps_first_value_and_reports_rejects() {
    let mut f = Facts::default();
    assert!(f.offer(Fact::PageOrigin, "http://a.com").is_ok());
    assert!(f.offer(Fact::PageOrigin, "http://b.com").is_ok());
    assert_eq!(f.page_origin.as_deref(), Some("http://a.com"));
    let err = f.offer(Fact::Method, "GET /").unwrap_err();
    assert_eq!(err.fact, Fact::Method);
    assert!(f
        .offer(Fact::PageUrl, "https://shop.example/cart?x=1")
        .is_ok());
    assert_eq!(f.page_origin.as_deref(), Some("http://a.com"));
    let mut g = Facts::default();
    g.offer(Fact::Header, "'X-Token'").unwrap();
    assert_eq!(g.header.as_deref(), Some("X-Token"), "unquoted, case kept");
}
