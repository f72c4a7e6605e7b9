//! Rebuilds the shipped sample (`data/` news documents, stand-in images and
//! `config.json`) from the hand-written sources in `content/`.
//!
//! Run from the repository root: `cargo run -p portal-builder --bin build_sample`.
//! `tests/content.rs` fails when the committed files and this output differ.

use portal_builder::{write_sample, DirSink, SAMPLE_OUTPUTS};
use std::{fs, path::Path};

fn main() {
    // The repository root, whatever the folder it is run from: builder/'s parent.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("builder/ lies in the repository");
    // Start clean so an article removed from the sources leaves no stale document.
    for output in SAMPLE_OUTPUTS {
        let path = root.join(output);
        let removed = if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
        if let Err(error) = removed {
            if error.kind() != std::io::ErrorKind::NotFound {
                panic!("cannot remove {}: {error}", path.display());
            }
        }
    }
    match write_sample(&root.join("content"), &mut DirSink::new(root)) {
        Ok(written) => println!("wrote {} files, {} bytes", written.files, written.bytes),
        Err(error) => {
            eprintln!("build_sample: {error}");
            std::process::exit(1);
        }
    }
}
