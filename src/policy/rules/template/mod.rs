//! Templates of names: branch names (`releases/v{major}.{minor}.x`) and the
//! policy's own floating tags (`lts-v{major}.{minor}`), each checked to make
//! names git (and, for tags, a container registry) accepts, one per line.

mod branch;
mod error;
mod name_rules;
mod names;
mod parts;
mod runs;
mod same_name;
mod tag;

pub use branch::BranchTemplate;
pub use error::{TemplateError, TemplateKind, TemplateProblem};
pub(crate) use name_rules::branch_name_rule_broken;
pub(crate) use names::Names;
pub use parts::BranchName;
pub use same_name::{LinesProblem, SameName};
pub use tag::TagTemplate;
