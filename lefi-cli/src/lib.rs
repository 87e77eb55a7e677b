//! What the `lefi` command does beyond the `lefi` library, kept out of the library because it
//! touches the file system: [`batch`] conversion of directories.
//!
//! The `lefi` library itself does no I/O; `lefi-client` talks to the services, and this crate
//! (the `lefi` binary and this library) works with files.

pub mod batch;
