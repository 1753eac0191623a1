//! A job posting as it really arrives: a Markdown page, a job-board page
//! with bold labels, a plain-text paste, requirements written as prose. The
//! reader finds its company and role, its requirement items in the
//! posting's own words, and the lists of names it gives, each with the
//! posting line it came from, so every conclusion can be checked.

mod coverage;
mod lexicon;
mod lines;
mod lists;
mod read;
mod shape;
mod terms;
mod text;
mod title;

pub use coverage::{coverage, Coverage, Judgement, PostingMatch};
pub use lists::NameList;
pub use read::{Posting, PostingError, Requirement};
pub use terms::Term;
pub use text::{normalize, quotations, straighten};
pub use title::{same_company, Stated};
