//! Parser speed: a typical 3-line paste, 1 MB of mixed console output with a few CORS errors in
//! it, and adversarial pastes at 1 MB and 8 MB (time per MB must stay flat: the parser is linear).
//! Run: cargo bench --bench parse
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const TYPICAL: &str = "index.html:1 Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.
GET https://api.example.com/v1/orders net::ERR_FAILED 500 (Internal Server Error)
Uncaught (in promise) TypeError: Failed to fetch";

/// About 1 MB of realistic console output: framework noise, logs with URLs and errors, and a
/// CORS failure every 200 lines.
fn mixed_megabyte() -> String {
    let noise = [
        "[HMR] Waiting for update signal from WDS...",
        "Download the React DevTools for a better development experience: https://reactjs.org/link/react-devtools",
        "Warning: Each child in a list should have a unique \"key\" prop. Check the render method of `OrderList`.",
        "[vite] connected.",
        "GET http://localhost:5173/src/main.tsx 200 (OK)",
        "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
        "    at OrderList (OrderList.jsx:12:20)",
        "user clicked button #submit at 2026-11-28T10:12:01.123Z with payload {\"id\":42,\"items\":[1,2,3]}",
    ];
    let mut out = String::with_capacity(1 << 20);
    let mut i = 0;
    while out.len() < 1 << 20 {
        if i % 200 == 199 {
            out.push_str(TYPICAL);
        } else {
            out.push_str(noise[i % noise.len()]);
        }
        out.push('\n');
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    // Compile the patterns outside the measurement, as the app does once at start-up.
    black_box(cors_doctor::parse::diagnose(TYPICAL));
    let mut group = c.benchmark_group("diagnose");
    group.throughput(Throughput::Bytes(TYPICAL.len() as u64));
    group.bench_function("typical 3-line paste", |b| {
        b.iter(|| cors_doctor::parse::diagnose(black_box(TYPICAL)))
    });
    let big = mixed_megabyte();
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(20);
    group.bench_function("1 MB mixed console output", |b| {
        b.iter(|| cors_doctor::parse::diagnose(black_box(&big)))
    });
    group.finish();

    // Pasted curl -v output of a preflight and its request: read and checked (Fetch standard).
    let exchange = include_str!("../tests/evidence/curl-v-passing.txt");
    let mut evidence = c.benchmark_group("evidence");
    evidence.bench_function("read and check one exchange (curl -v)", |b| {
        b.iter(|| cors_doctor::parse::diagnose(black_box(exchange)))
    });
    evidence.bench_function("check one parsed exchange", |b| {
        let ex = cors_doctor::evidence::exchanges(exchange);
        b.iter(|| cors_doctor::check::check(black_box(&ex[0])))
    });
    // A HAR file of about 20 MB (the fixture's entries repeated with distinct URLs): read,
    // paired with preflights, checked and grouped.
    let fixture = std::fs::read_to_string("tests/evidence/chrome-export.har").expect("fixture");
    let (head, rest) = fixture.split_once("\"entries\": [").expect("entries");
    let body = rest.rsplit_once(']').expect("end of entries").0;
    let mut entries = String::new();
    for i in 0.. {
        if entries.len() > 20 << 20 {
            break;
        }
        if i > 0 {
            entries.push(',');
        }
        entries.push_str(&body.replace("/v1/", &format!("/v{i}/")));
    }
    let har = format!("{head}\"entries\": [{entries}]}}}}");
    let report = cors_doctor::parse::diagnose(&har);
    assert!(
        report.problem.is_none() && report.evidence.len() > 1_000,
        "the bench's HAR reads"
    );
    evidence.sample_size(10);
    evidence.throughput(Throughput::Bytes(har.len() as u64));
    evidence.bench_function("HAR file, 20 MB", |b| {
        b.iter(|| cors_doctor::parse::diagnose(black_box(&har)))
    });
    evidence.finish();

    let mut adversarial = c.benchmark_group("adversarial");
    adversarial.sample_size(10);
    for (name, make) in ADVERSARIAL {
        for mb in [1usize, 8] {
            let text = make(mb << 20);
            adversarial.throughput(Throughput::Bytes(text.len() as u64));
            adversarial.bench_function(format!("{name}, {mb} MB"), |b| {
                b.iter(|| cors_doctor::parse::diagnose(black_box(&text)))
            });
        }
    }
    // Localized Firefox messages (src/l10n.rs): real ones, and near misses, lines holding the
    // anchors of several templates whose endings are broken, so every candidate is tried in
    // full and fails (the worst case for the translator).
    let templates: Vec<String> = cors_doctor::l10n::catalog()
        .expect("compiled in")
        .templates()
        .map(|(_, _, t, _)| t)
        .collect();
    let localized = |n: usize, broken: bool| {
        fill(n, |i| {
            let mut line = String::new();
            for k in 0..if broken { 3 } else { 1 } {
                let t = &templates[(i * 7 + k * 131) % templates.len()];
                let mut m = t
                    .replace("%1$S", &format!("https://api{i}.example.com/x"))
                    .replace("%2$S", "404")
                    .replace("%S", "https://a.example");
                if broken {
                    let cut = m.char_indices().rev().nth(3).map_or(0, |(at, _)| at);
                    m.truncate(cut);
                    m.push_str("~~~ ");
                }
                line.push_str(&m);
            }
            line
        })
    };
    for (name, broken) in [
        ("localized Firefox errors", false),
        ("localized near misses", true),
    ] {
        for mb in [1usize, 8] {
            let text = localized(mb << 20, broken);
            adversarial.throughput(Throughput::Bytes(text.len() as u64));
            adversarial.bench_function(format!("{name}, {mb} MB"), |b| {
                b.iter(|| cors_doctor::parse::diagnose(black_box(&text)))
            });
        }
    }
    adversarial.finish();

    // The page's regex engine (src/re.rs) on its worst pattern (a lazy counted class before a
    // literal that never comes), over 1 MB and 8 MB of lines that keep it busy.
    let mut engine = c.benchmark_group("page regex engine");
    engine.sample_size(10);
    let worst = cors_doctor::catalog::patterns::all()[0].regex;
    let re = cors_doctor::re::Regex::new(worst).expect("compiles");
    for mb in [1usize, 8] {
        let text = fill(mb << 20, |i| {
            format!("Access to {} at '{i}' from origin '", "Ab ".repeat(60))
        });
        engine.throughput(Throughput::Bytes(text.len() as u64));
        engine.bench_function(format!("adversarial lines, {mb} MB"), |b| {
            b.iter(|| text.lines().filter(|l| re.is_match(black_box(l))).count())
        });
    }
    engine.finish();
}

/// Repeats `line(i)` for i = 0, 1, ... until the text holds about `bytes` bytes.
fn fill(bytes: usize, line: impl Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(bytes + 512);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&line(i));
        out.push('\n');
        i += 1;
    }
    out
}

/// The adversarial pastes: each is one diagnosis (or one event) per line in its own way.
#[allow(clippy::type_complexity)]
const ADVERSARIAL: [(&str, fn(usize) -> String); 4] = [
    // DevTools network lines, every one a different request.
    ("network line flood", |n| {
        fill(n, |i| format!("GET https://a{i}.co CORS error"))
    }),
    // Distinct real errors with their wrapper, network line and exception.
    ("distinct errors", |n| {
        fill(n, |i| {
            format!(
                "index.html:1 Access to fetch at 'https://api{i}.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nGET https://api{i}.example.com/v1/orders net::ERR_FAILED 500 (Internal Server Error)\nUncaught (in promise) TypeError: Failed to fetch"
            )
        })
    }),
    // One error repeated: every line collapses into the same diagnosis.
    ("repeats", |n| fill(n, |_| TYPICAL.to_string())),
    // One short diagnosis per line, alternating kinds and engines.
    ("one diagnosis per line", |n| {
        fill(n, |i| {
            match i % 3 {
            0 => format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://x{i}.example/. (Reason: CORS header 'Access-Control-Allow-Origin' missing). Status code: 200."),
            1 => format!("Origin http://localhost:{} is not allowed by Access-Control-Allow-Origin. Status code: 200", 1000 + i % 60000),
            _ => format!("Access to XMLHttpRequest at 'https://y{i}.example/a' from origin 'https://app.example' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."),
        }
        })
    }),
];

criterion_group!(benches, bench);
criterion_main!(benches);
