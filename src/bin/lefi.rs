//! The `lefi` command-line tool: a thin shell over the `lefi` library.
fn main() {
    std::process::exit(1);
}
