//! The page matches the catalog's patterns with our own engine (src/re.rs), the command line with
//! the `regex` crate. Both must find the same matches with the same groups: every pattern is run
//! in both over every line of the corpus, the paraphrase and evidence sets and the examples, and
//! over mutated copies of those lines (a fixed seed; `REGEX_SEED` picks another).
#![cfg(not(target_arch = "wasm32"))]

use cors_doctor::catalog::kinds::SOURCES;
use cors_doctor::catalog::patterns;
use cors_doctor::parse::{native_regex, normalize};
use cors_doctor::re;

fn lines() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["tests/corpus", "tests/paraphrase", "tests/evidence"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                if path.extension().is_some_and(|e| e == "json") {
                    continue;
                }
                out.extend(text.lines().map(|l| normalize(l).into_owned()));
            }
        }
    }
    // Each kind's example pastes, and every pattern's samples and look-alikes.
    for s in SOURCES {
        for (_, text) in s.examples {
            out.extend(text.lines().map(|l| normalize(l).into_owned()));
        }
        for samples in s.samples {
            let texts = samples.yes.iter().chain(samples.no);
            out.extend(texts.map(|t| normalize(t).into_owned()));
        }
    }
    out.retain(|l| !l.is_empty());
    out.sort();
    out.dedup();
    out
}

/// A small xorshift generator: the same mutations on every run with the same seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A line with a random change: a span cut, doubled or moved, a quote or digit put in.
fn mutate(line: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = line.chars().collect();
    let (a, b) = {
        let x = rng.below(chars.len() + 1);
        let y = rng.below(chars.len() + 1);
        (x.min(y), x.max(y))
    };
    let span: String = chars[a..b].iter().collect();
    let (head, tail): (String, String) = (chars[..a].iter().collect(), chars[b..].iter().collect());
    match rng.below(5) {
        0 => format!("{head}{tail}"),
        1 => format!("{head}{span}{span}{tail}"),
        2 => format!("{tail} {head}{span}"),
        3 => format!("{head}'{span}\"{tail}"),
        _ => format!("{head}{} {span}é{tail}", rng.below(1000)),
    }
}

/// Every match of a pattern, with every group's span, in one engine.
fn ours(re: &re::Regex, text: &str, groups: usize) -> Vec<Vec<Option<(usize, usize)>>> {
    re.captures_iter(text)
        .map(|c| {
            (0..groups)
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
        .collect()
}

fn theirs(re: &regex::Regex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
    re.captures_iter(text)
        .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
        .collect()
}

#[test]
fn both_engines_find_the_same_matches() {
    let seed = std::env::var("REGEX_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_cafe);
    let mut rng = Rng(seed);
    let base = lines();
    let mut texts = base.clone();
    for _ in 0..3 {
        for l in &base {
            texts.push(mutate(l, &mut rng));
        }
    }
    let compiled: Vec<(re::Regex, regex::Regex)> = patterns::all()
        .iter()
        .map(|p| {
            let o = re::Regex::new(p.regex).unwrap_or_else(|e| panic!("{}: {e}", p.regex));
            let t = regex::Regex::new(&native_regex(p.regex)).unwrap();
            assert_eq!(
                o.capture_names().collect::<Vec<_>>(),
                t.capture_names().collect::<Vec<_>>(),
                "{}",
                p.regex
            );
            (o, t)
        })
        .collect();
    let (mut compared, mut matched) = (0usize, 0usize);
    let mut failures = Vec::new();
    for text in &texts {
        for (i, (p, (o, t))) in patterns::all().iter().zip(&compiled).enumerate() {
            // Every pattern whose needle the line holds, and a sample of the others.
            if !text.contains(p.needle) && rng.below(20) != 0 {
                continue;
            }
            let want = theirs(t, text);
            let got = ours(o, text, t.captures_len());
            compared += 1;
            matched += usize::from(!want.is_empty());
            if got != want && failures.len() < 10 {
                failures.push(format!(
                    "pattern {i} {}\n  text {text:?}\n  ours   {got:?}\n  regex  {want:?}",
                    p.regex
                ));
            }
        }
    }
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
    assert!(
        matched > 500,
        "only {matched} matches among {compared} comparisons"
    );
    eprintln!(
        "seed {seed}: {} texts, {compared} comparisons, {matched} with matches, all alike",
        texts.len()
    );
}
