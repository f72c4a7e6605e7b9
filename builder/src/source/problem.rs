//! A problem in a source file, as the office reads it in the build log:
//! `content/tin/2023/x.md:4: category: no category "tin-hoat-dong"`.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file's path from the repository root (or as given on the command line).
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole (a bad name).
    pub line: usize,
    /// The field (`category`, `entries[2].date`); empty for the file's syntax.
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, line: usize, field: &str, message: impl Into<String>) -> Problem {
        Problem { file: file.to_string(), line, field: field.to_string(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Problems and warnings gathered while reading one file.
#[derive(Default, Debug)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// Things the builder accepts but the office should fix (an image without alt text).
    pub warnings: Vec<Problem>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn absorb(&mut self, other: Report) {
        self.problems.extend(other.problems);
        self.warnings.extend(other.warnings);
    }
}
