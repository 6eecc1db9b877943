//! Diagnoses -> cards: what the page and the CLI show for a report.
//!
//! A paste of thousands of failed requests usually holds a handful of distinct problems: the
//! same kind, engine, stage and facts, only the request URL differs. Those become one card that
//! says how many requests failed that way and lists their URLs compactly, so the output stays
//! proportional to the number of distinct problems, not to the paste. The JSON keeps every
//! diagnosis; only the human views group.
//!
//! The decision a reader might not guess: the grouping key leaves out the URLs (request and
//! redirect source) and nothing else, so two cards never differ only by URL, and a card's first
//! diagnosis (whose facts it shows) is the first in paste order.

use crate::buckets::Buckets;

/// How many exchanges that pass every step are shown with their steps (a HAR file holds
/// thousands); the others are counted.
pub const MAX_PASSING_SHOWN: usize = 3;
use crate::facts::Facts;
use crate::parse::{Diagnosis, Report};

/// How many distinct URLs a card lists before it says "and N more".
pub const MAX_CARD_URLS: usize = 5;

/// One card: diagnoses that differ only in their URLs.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The card's first diagnosis, whose kind and facts it shows (index into the report).
    pub first: usize,
    /// How many failed requests the card stands for (the sum of the diagnoses' counts).
    pub requests: u64,
    /// The distinct request URLs of its diagnoses, in paste order, at most [`MAX_CARD_URLS`].
    pub urls: Vec<String>,
    /// How many more distinct URLs there are beyond `urls`.
    pub more_urls: usize,
}

impl Card {
    /// True when the card stands for more than one distinct request URL.
    pub fn is_group(&self) -> bool {
        self.urls.len() + self.more_urls > 1
    }

    /// The facts the card lists, labelled, in order, the absent ones left out: one list for the
    /// page's table and the command line's lines.
    pub fn fact_rows(&self, d: &Diagnosis) -> Vec<(&'static str, String)> {
        let f = &d.facts;
        let urls = if self.is_group() {
            let mut list = self.urls.join(", ");
            if self.more_urls > 0 {
                list.push_str(&format!(" and {} more", self.more_urls));
            }
            ("Request URLs", Some(list))
        } else {
            ("Request URL", f.request_url.clone())
        };
        [
            urls,
            ("Page origin", f.page_origin.clone()),
            ("Redirected from", f.redirected_from.clone()),
            ("Method", f.method.clone()),
            ("Header", f.header.clone()),
            ("Status", f.status.map(|s| s.to_string())),
            ("Allow-Origin sent", f.allow_origin.clone()),
            ("Resource", f.resource_kind.clone()),
            ("Address space", f.address_space.clone()),
            ("Failed request", d.stage.map(|s| s.id().to_string())),
        ]
        .into_iter()
        .filter_map(|(label, v)| v.map(|v| (label, v)))
        .collect()
    }
}

/// The grouping key: everything but the URLs.
#[derive(PartialEq, Eq, Hash)]
struct Shape<'a> {
    kind: crate::catalog::KindId,
    engine: Option<crate::catalog::Engine>,
    stage: Option<crate::catalog::Stage>,
    matched: crate::parse::Match,
    facts: Facts,
    dropped: Vec<(&'static str, &'a str)>,
}

fn shape(d: &Diagnosis) -> Shape<'_> {
    let mut facts = d.facts.clone();
    facts.request_url = None;
    facts.redirected_from = None;
    Shape {
        kind: d.kind,
        engine: d.engine,
        stage: d.stage,
        matched: d.matched,
        facts,
        dropped: d
            .dropped
            .iter()
            .map(|x| (x.fact.name(), x.value.as_str()))
            .collect(),
    }
}

/// Groups a report's diagnoses into cards, in paste order of each card's first diagnosis.
/// Linear in the number of diagnoses (one hash lookup each).
pub fn cards(report: &Report) -> Vec<Card> {
    let mut out: Vec<Card> = Vec::new();
    let mut by_shape = Buckets::default();
    for (i, d) in report.diagnoses.iter().enumerate() {
        let key = shape(d);
        let found = by_shape.find(&key, |c| shape(&report.diagnoses[out[c].first]) == key);
        let at = match found {
            Some(c) => c,
            None => {
                by_shape.insert(&key, out.len());
                out.push(Card {
                    first: i,
                    requests: 0,
                    urls: Vec::new(),
                    more_urls: 0,
                });
                out.len() - 1
            }
        };
        let card = &mut out[at];
        card.requests += u64::from(d.count);
        if let Some(url) = &d.facts.request_url {
            if card.urls.contains(url) {
                continue;
            }
            if card.urls.len() < MAX_CARD_URLS {
                card.urls.push(url.clone());
            } else {
                card.more_urls += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::diagnose;

    #[test]
    fn many_requests_failing_the_same_way_are_one_card() {
        let paste: String = (0..40)
            .map(|i| format!("Access to fetch at 'https://api.example.com/item/{i}' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"))
            .collect();
        let report = diagnose(&paste);
        assert_eq!(report.diagnoses.len(), 40, "the JSON keeps every diagnosis");
        let cards = cards(&report);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].requests, 40);
        assert_eq!(cards[0].urls.len(), MAX_CARD_URLS);
        assert_eq!(cards[0].urls[0], "https://api.example.com/item/0");
        assert_eq!(cards[0].more_urls, 40 - MAX_CARD_URLS);
        assert!(cards[0].is_group());
    }

    #[test]
    fn different_origins_or_kinds_stay_apart_and_repeats_count() {
        let a = "Access to fetch at 'https://api.example.com/a' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
        let b = a.replace("localhost:3000", "localhost:4000");
        let c = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/a. (Reason: CORS header 'Access-Control-Allow-Origin' missing). Status code: 200.";
        let report = diagnose(&format!("{a}\n{b}\n{a}\n{c}\n"));
        let cards = cards(&report);
        assert_eq!(cards.len(), 3);
        assert_eq!(
            cards[0].requests, 2,
            "the repeat is counted, its URL listed once"
        );
        assert_eq!(cards[0].urls, vec!["https://api.example.com/a".to_string()]);
        assert!(!cards[0].is_group());
        assert_eq!(cards[1].first, 1);
    }
}
