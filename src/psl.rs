//! The Public Suffix List: which names anyone can register under (`com`, `co.uk`, `github.io`,
//! `vercel.app` ...), so that an origin pattern like `https://*.com` is refused.
//!
//! The list is `psl/rules.txt`, written by `scripts/update-psl.py` from the maintained `psl`
//! crate's rules (a test compares this lookup with that crate's on every rule). The decision a
//! reader would not guess: the page does not carry the list in its wasm (about 35 KB brotli, more
//! than the rest of this wave's budget); it loads `psl.js` (written by the post-build hook from
//! the same file) only when someone types an origin pattern, and until then a pattern is
//! "pending", never accepted. The command line has the list compiled in.

use std::sync::OnceLock;

use crate::buckets::Buckets;

/// The rules, as `scripts/update-psl.py` writes them (the native build compiles them in).
#[cfg(not(target_arch = "wasm32"))]
pub const RULES: &str = include_str!("psl/rules.txt");

/// What the list says of a host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The host is a registrable domain or below one: someone owns it.
    Owned,
    /// The host is itself a public suffix (the string), so `*.host` covers other people's sites.
    PublicSuffix(String),
    /// The list is not loaded yet (the page loads it on demand).
    Pending,
}

/// The parsed rules: each rule as written (`co.uk`, `*.ck`, `!www.ck`).
pub struct SuffixList {
    rules: Vec<String>,
    index: Buckets,
}

impl SuffixList {
    /// Reads the compact format (`tld:rest,rest`; `#` lines are comments).
    pub fn parse(text: &str) -> SuffixList {
        let mut list = SuffixList {
            rules: Vec::new(),
            index: Buckets::default(),
        };
        for line in text.lines() {
            let Some((tld, rests)) = line.split_once(':') else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            for rest in rests.split(',') {
                let rule = if rest.is_empty() {
                    tld.to_string()
                } else {
                    format!("{rest}.{tld}")
                };
                if !list.contains(&rule) {
                    list.index.insert(&rule.as_str(), list.rules.len());
                    list.rules.push(rule);
                }
            }
        }
        list
    }

    /// True when the list holds exactly this rule.
    fn contains(&self, rule: &str) -> bool {
        self.index.find(&rule, |i| self.rules[i] == rule).is_some()
    }

    /// How many rules the list holds.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when the list holds no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The public suffix of a lower-case ASCII host, by the list's algorithm: an exception rule
    /// wins; else the longest matching rule (a `*` label matches any one label); else the last
    /// label (the implicit `*` rule).
    pub fn suffix<'h>(&self, host: &'h str) -> &'h str {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(host.match_indices('.').map(|(i, _)| i + 1))
            .collect();
        for &s in &starts {
            if self.contains(&format!("!{}", &host[s..])) {
                // An exception's suffix is the rule without its first label.
                return host[s..].split_once('.').map_or("", |(_, rest)| rest);
            }
        }
        for (n, &s) in starts.iter().enumerate() {
            let candidate = &host[s..];
            let wildcard = starts
                .get(n + 1)
                .is_some_and(|&next| self.contains(&format!("*.{}", &host[next..])));
            if wildcard || self.contains(candidate) {
                return candidate;
            }
        }
        starts.last().map_or(host, |&s| &host[s..])
    }
}

static LIST: OnceLock<SuffixList> = OnceLock::new();

/// Makes the list available (the page calls it once `psl.js` has loaded). Later calls are
/// ignored.
pub fn install(text: &str) {
    let _ = LIST.set(SuffixList::parse(text));
}

/// True once the list can be consulted.
pub fn is_loaded() -> bool {
    list().is_some()
}

/// True for an IP address as origins write hosts: dotted digits, or bracketed IPv6. Its own
/// site: no suffix list applies to it.
pub fn is_ip(host: &str) -> bool {
    host.starts_with('[') || host.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// The site of a lower-case host (#concept-site, schemelessly): its registrable domain, the
/// public suffix and one label more; the host itself when it is a suffix or an IP address.
/// `None` until the list is loaded.
pub fn site(host: &str) -> Option<&str> {
    let suffix = list()?.suffix(host);
    if host.len() == suffix.len() || is_ip(host) {
        return Some(host);
    }
    let head = &host[..host.len() - suffix.len() - 1];
    Some(&host[head.rfind('.').map_or(0, |i| i + 1)..])
}

fn list() -> Option<&'static SuffixList> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(LIST.get_or_init(|| SuffixList::parse(RULES)));
    #[cfg(target_arch = "wasm32")]
    return LIST.get();
}

/// What the list says of `host` (lower-case ASCII, as a serialized origin holds it).
pub fn check(host: &str) -> Verdict {
    let Some(list) = list() else {
        return Verdict::Pending;
    };
    let suffix = list.suffix(host);
    if suffix.len() >= host.len() {
        Verdict::PublicSuffix(host.to_string())
    } else {
        Verdict::Owned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_the_registrable_domain() {
        for (host, want) in [
            ("api.example.com", "example.com"),
            ("example.com", "example.com"),
            ("a.b.example.co.uk", "example.co.uk"),
            ("me.github.io", "me.github.io"),
            ("com", "com"),
            ("127.0.0.1", "127.0.0.1"),
            ("localhost", "localhost"),
        ] {
            assert_eq!(site(host), Some(want), "{host}");
        }
    }

    #[test]
    fn public_suffixes_are_refused_and_owned_domains_pass() {
        for suffix in [
            "com",
            "co.uk",
            "github.io",
            "vercel.app",
            "x",
            "1",
            "ck",
            "anything.ck",
        ] {
            assert_eq!(
                check(suffix),
                Verdict::PublicSuffix(suffix.to_string()),
                "{suffix}"
            );
        }
        for owned in [
            "example.com",
            "a.b.example.co.uk",
            "me.github.io",
            "app.vercel.app",
            "example.x",
            "www.ck",
        ] {
            assert_eq!(check(owned), Verdict::Owned, "{owned}");
        }
    }

    /// The list we ship gives the same suffix as the maintained `psl` crate, for every rule
    /// (wildcards and exceptions instantiated) and for a name below each.
    #[test]
    fn agrees_with_the_psl_crate_on_every_rule() {
        let list = list().expect("compiled in natively");
        assert!(
            list.len() > 9_000,
            "the list looks truncated: {}",
            list.len()
        );
        let mut hosts = Vec::new();
        for rule in &list.rules {
            let base = rule.trim_start_matches('!').replace('*', "wild-card-label");
            hosts.push(base.clone());
            hosts.push(format!("owner-name.{base}"));
            hosts.push(format!("sub.owner-name.{base}"));
        }
        let mut checked = 0;
        for host in &hosts {
            let ours = list.suffix(host);
            let theirs = psl::suffix(host.as_bytes()).map(|s| s.as_bytes().to_vec());
            assert_eq!(
                Some(ours.as_bytes().to_vec()),
                theirs,
                "public suffix of {host}: ours {ours:?}"
            );
            checked += 1;
        }
        assert!(checked > 27_000);
    }
}
