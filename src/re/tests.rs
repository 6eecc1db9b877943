//! Unit tests of [`super`] (crate::re).

use super::*;

fn find(re: &str, text: &str) -> Option<(usize, usize)> {
    let re = Regex::new(re).unwrap();
    let c = re.captures(text)?;
    let m = c.get(0)?;
    Some((m.start(), m.end()))
}

#[test]
fn leftmost_first_greedy_and_lazy() {
    assert_eq!(find("a+", "baaa"), Some((1, 4)));
    assert_eq!(find("a+?", "baaa"), Some((1, 2)));
    assert_eq!(find("a|ab", "ab"), Some((0, 1)));
    assert_eq!(find("ab|a", "ab"), Some((0, 2)));
    assert_eq!(find(r"x\d{3}", "x12 x123"), Some((4, 8)));
    assert_eq!(find(r"^b", "ab"), None);
    assert_eq!(find(r"b$", "ab"), Some((1, 2)));
    assert_eq!(find(r"\bcat\b", "concat cat"), Some((7, 10)));
    assert_eq!(find(r"[^']*'", "é'"), Some((0, 3)));
    assert_eq!(find(r"[A-Z][a-z ]{0,3}?x", "Ab x"), Some((0, 4)));
}

#[test]
fn named_groups() {
    let re = Regex::new(r"at '(?P<url>[^']*)' from (?:origin )?'(?P<origin>[^']*)'").unwrap();
    let c = re
        .captures("x at 'http://a' from origin 'http://b'")
        .unwrap();
    assert_eq!(c.name("url").unwrap().as_str(), "http://a");
    assert_eq!(c.name("origin").unwrap().as_str(), "http://b");
    let names: Vec<_> = re.capture_names().collect();
    assert_eq!(names, [None, Some("url"), Some("origin")]);
}

#[test]
fn iterates_non_overlapping_matches() {
    let re = Regex::new(r"\d+").unwrap();
    let all: Vec<_> = re
        .captures_iter("1 22 333")
        .map(|c| c.get(0).unwrap().as_str().to_string())
        .collect();
    assert_eq!(all, ["1", "22", "333"]);
}

#[test]
fn refuses_what_it_does_not_read() {
    for bad in ["(", ")", "[a", "a{2,1}", "*", r"\w", "(?i)a", "a{9999}"] {
        assert!(Regex::new(bad).is_err(), "{bad}");
    }
}
