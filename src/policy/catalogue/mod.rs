//! The catalogue: a policy for every product of endoflife.date's records,
//! made from each product's file by the same steps anyone can run
//! (`policy --from-endoflife`): its history from the cycles, the rules its
//! comments state where its own recorded ends bear them out
//! ([`StatedRule`]), the vendor's published rules where they are encoded
//! by hand, the fit for the rest; and the `product` section that says
//! what it is and where each rule comes from ([`Product`]).

mod embedded;
mod generate;
pub(crate) mod product;
mod stated;
mod vendor;

pub use embedded::{BackTest, Entry};
#[cfg(embedded_policy)]
pub use embedded::{by_identifier, entries, entry, similar_names};
pub(crate) use embedded::{identifying_part, purl_version};
pub use generate::ProductRecord;
pub use product::{Product, Provenance, RuleFrom, StatedNote};
pub use stated::{AGREE_DAYS, EndAgainstRule, StatedField, StatedLines, StatedRule, StatedTerm};
pub use vendor::vendor_rules;
