//! Parser speed: a typical 3-line paste, and 1 MB of mixed console output with a few CORS
//! errors in it. Run: cargo bench --bench parse
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
