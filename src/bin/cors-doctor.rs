//! The command-line front end; all logic lives in `cors_doctor::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cors_doctor::cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
