//! Search of the portal's whole archive from static files.
//!
//! - [`text`]: Vietnamese text handling (NFC/NFD, case, folded and accented keys, syllables).
//!
//! No dependencies and no I/O: the writer returns files as bytes, the query
//! engine is handed the files it asked for, so the same code runs natively
//! (the prerender writes the index) and in the browser (a Web Worker).

pub mod text;
