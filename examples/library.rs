//! The library as another program uses it (the README's "The library"
//! shows this file): `cargo run --example library`.

use lts_policy::answers::{Tag, TagTarget};
use lts_policy::{Policy, parse_date};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let kestra = Policy::kestra()?; // or Policy::from_json(&text)?
    let on = parse_date("2026-11-25")?;
    for supported in kestra.supported_on(on)? {
        let info = &supported.info;
        let roles: Vec<String> = supported.roles.iter().map(ToString::to_string).collect();
        // A line without an end day is one whose history says it ended on
        // a day it does not give, or one nothing ends.
        let eol = info
            .eol
            .map_or("no known day".to_owned(), |eol| eol.to_string());
        println!(
            "{} ({}) until {eol}, from the {}",
            info.line,
            roles.join(", "),
            info.eol_source
        );
    }
    let status = kestra.status("1.3.7".parse()?, on)?;
    if let Some(days) = status.days_left {
        println!("1.3.7: {:?}, {days} days left", status.state);
    }
    if let TagTarget::Version { patch, .. } = kestra.tag(Tag::LatestLts, on)? {
        println!("latest-lts: {} ({})", patch.version, patch.source);
    }
    // The calendar is worked out as it is read.
    for info in kestra
        .releases(Some(on), Some(parse_date("2027-06-30")?), on)?
        .lines()
    {
        let info = info?;
        println!(
            "{} on {}, from the {}",
            info.line, info.released, info.released_source
        );
    }
    Ok(())
}
