//! Micro-benchmarks of the policy model's hot paths (divan):
//! `cargo bench --bench policy`.

use chrono::{Datelike, Days, NaiveDate};
use divan::black_box;
use lts_policy::audit::AuditScope;
use lts_policy::fit::Draft;
use lts_policy::{Policy, parse_date};

fn main() {
    divan::main();
}

fn kestra() -> Policy {
    Policy::kestra().unwrap()
}

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

/// Decoding the embedded policy, as every run does (the build checked it).
#[divan::bench]
fn decode_embedded_policy() -> Policy {
    kestra()
}

/// Reading and checking the same policy from its file, as `--policy
/// examples/kestra.json` does.
#[divan::bench]
fn read_kestra_file() -> Policy {
    Policy::from_json(black_box(include_str!("../examples/kestra.json"))).unwrap()
}

/// Roles on a date near the history.
#[divan::bench]
fn supported_on_a_known_date(bencher: divan::Bencher) {
    let policy = kestra();
    let on = date("2026-03-01");
    bencher.bench(|| policy.supported_on(black_box(on)).unwrap());
}

/// Roles on a date 8,000 years of projections away.
#[divan::bench]
fn supported_on_a_far_date(bencher: divan::Bencher) {
    let policy = kestra();
    let on = date("9999-12-31");
    bencher.bench(|| policy.supported_on(black_box(on)).unwrap());
}

/// Finding the latest line on a far date: one step, not one per line.
#[divan::bench]
fn latest_line_on_a_far_date(bencher: divan::Bencher) {
    let policy = kestra();
    let on = date("9999-12-31");
    bencher.bench(|| policy.latest_on(black_box(on)).unwrap());
}

/// Counts the lines of `policy`'s calendar from 2025 to `to`, asked on `on`.
fn count_lines(bencher: divan::Bencher, policy: &Policy, to: &str, on: &str) {
    let (from, to, on) = (date("2025-01-01"), date(to), date(on));
    bencher.bench(|| {
        let calendar = policy
            .releases(Some(from), Some(black_box(to)), on)
            .unwrap();
        calendar.lines().map(Result::unwrap).count()
    });
}

/// The calendar over 1x, 10x and 100x as many lines (480, 4,800, 48,000).
#[divan::bench(args = ["2105-12-31", "2825-12-31", "9999-12-31"])]
fn releases_to(bencher: divan::Bencher, to: &str) {
    count_lines(bencher, &kestra(), to, "2026-03-01");
}

fn example(json: &str) -> Policy {
    Policy::from_json(json).unwrap()
}

/// Node.js: lines that are majors, in April and October up to 26 (even
/// ones LTS), then one a year in April, each LTS from October: rules that
/// change from a line on.
fn nodejs() -> Policy {
    example(include_str!("../examples/nodejs.json"))
}

/// GitLab: monthly on the 3rd Thursday, a new major every May (found year
/// by year, once).
fn gitlab() -> Policy {
    example(include_str!("../examples/gitlab.json"))
}

/// The calendar of a policy of major lines whose rules change, 80 and
/// 8,000 years out (82 and 7,976 lines).
#[divan::bench(args = ["2105-12-31", "9999-12-31"])]
fn nodejs_releases_to(bencher: divan::Bencher, to: &str) {
    count_lines(bencher, &nodejs(), to, "2026-08-22");
}

/// A calendar of monthly lines with a new major every May, 80 and 8,000
/// years out (960 and 95,000 lines).
#[divan::bench(args = ["2105-12-31", "9999-12-31"])]
fn gitlab_releases_to(bencher: divan::Bencher, to: &str) {
    count_lines(bencher, &gitlab(), to, "2026-08-22");
}

/// Supported lines in 2026 and 8,000 years out, for each shape (a fresh
/// policy each time, so that GitLab finds its majors from scratch). In
/// 2026 Node.js's 25 lines are under its first rules, before the change
/// at 27: only those whose ends can reach the day are described.
#[divan::bench(args = [
    "nodejs 2026-03-01", "nodejs 9999-12-31", "gitlab 2026-03-01", "gitlab 9999-12-31",
])]
fn supported_by_shape(bencher: divan::Bencher, shape_and_day: &str) {
    let (name, on) = shape_and_day.split_once(' ').unwrap();
    let json = match name {
        "nodejs" => include_str!("../examples/nodejs.json"),
        _ => include_str!("../examples/gitlab.json"),
    };
    let on = date(on);
    bencher
        .with_inputs(|| example(json))
        .bench_values(|policy| policy.supported_on(black_box(on)).unwrap().len());
}

/// `count` patches of `major.minor`, a week apart from its release.
fn weekly_patches(major: u32, minor: u32, released: NaiveDate, count: u64) -> Vec<String> {
    (1..=count)
        .map(|patch| {
            let day = released
                .checked_add_days(chrono::Days::new(patch * 7))
                .unwrap();
            format!(r#"{{"version": "{major}.{minor}.{patch}", "released": "{day}"}}"#)
        })
        .collect()
}

/// A long history: 2,000 lines, a month apart, with 4 patches each.
fn long_history() -> String {
    let mut history = Vec::new();
    let mut released = date("1860-01-06");
    for n in 0..2000u32 {
        let (major, minor) = (1 + n / 10, n % 10);
        let patches = weekly_patches(major, minor, released, 4);
        history.push(format!(
            r#"{{"line": "{major}.{minor}", "released": "{released}", "patches": [{}]}}"#,
            patches.join(", ")
        ));
        released = released.checked_add_months(chrono::Months::new(1)).unwrap();
    }
    format!(
        r#"{{"name": "long", "releases": {{"every_months": 1, "on": "Friday"}},
            "lts": {{"every": 6, "support": {{"months": 24, "until_next": 3}}}},
            "branch_template": "b/{{major}}.{{minor}}", "history": [{}]}}"#,
        history.join(", ")
    )
}

/// Reading a 2,000-line history with 8,000 patches.
#[divan::bench]
fn parse_long_history(bencher: divan::Bencher) {
    let json = long_history();
    bencher.bench(|| example(black_box(&json)));
}

/// Supported lines inside and past a 2,000-line history.
#[divan::bench(args = ["1990-06-01", "2030-06-01"])]
fn long_history_supported_on(bencher: divan::Bencher, on: &str) {
    let policy = example(&long_history());
    let on = date(on);
    bencher.bench(|| policy.supported_on(black_box(on)).unwrap());
}

/// Every line of a 2,000-line history, worked out.
#[divan::bench]
fn long_history_calendar(bencher: divan::Bencher) {
    let policy = example(&long_history());
    let (from, to) = (date("1860-01-01"), date("2030-01-01"));
    bencher.bench(|| {
        let calendar = policy.releases(Some(from), Some(to), to).unwrap();
        calendar.lines().map(Result::unwrap).count()
    });
}

/// A history to fit: 1,000 lines a month apart on the 2nd Tuesday, every
/// 4th LTS, with 10 weekly patches each (10,000), and recorded ends: two
/// lines later, two years for LTS lines.
fn history_to_fit() -> Policy {
    let mut history = Vec::new();
    let first = date("1900-01-01");
    let released_at = |n: u32| {
        let month = first.checked_add_months(chrono::Months::new(n)).unwrap();
        NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), chrono::Weekday::Tue, 2)
            .unwrap()
    };
    for n in 0..1000u32 {
        let (major, minor) = (1 + n / 10, n % 10);
        let released = released_at(n);
        let patches = weekly_patches(major, minor, released, 10);
        let lts = n.is_multiple_of(4);
        let eol = if lts {
            released
                .checked_add_months(chrono::Months::new(24))
                .unwrap()
        } else {
            released_at(n + 2)
        };
        history.push(format!(
            r#"{{"line": "{major}.{minor}", "released": "{released}", "lts": {lts}, "eol": "{eol}", "patches": [{}]}}"#,
            patches.join(", ")
        ));
    }
    example(&format!(
        r#"{{"name": "fit", "releases": {{"every_months": 1}},
            "lts": {{"every": 4, "support": {{"months": 24}}}},
            "branch_template": "b/{{major}}.{{minor}}", "history": [{}]}}"#,
        history.join(", ")
    ))
}

/// Fitting every rule to 1,000 lines and 10,000 patches (the goal: well
/// under a second).
#[divan::bench]
fn fit_long_history(bencher: divan::Bencher) {
    let draft = lts_policy::fit::Draft::of_history(&history_to_fit());
    bencher.bench(|| black_box(&draft).fit().unwrap());
}

/// `lines` LTS lines a week apart, the newest on 2025-12-30, each with its
/// end recorded 52 weeks on, as `bench/history.py --eol` writes them.
fn weekly_lts_lines(lines: u32) -> String {
    let newest = date("2025-12-30");
    let entries: Vec<String> = (0..lines)
        .map(|n| {
            let weeks_back = u64::from(lines - 1 - n) * 7;
            let released = newest.checked_sub_days(Days::new(weeks_back)).unwrap();
            let eol = released.checked_add_days(Days::new(52 * 7)).unwrap();
            let line = format!("{}.{}", 1 + n / 10, n % 10);
            format!(
                r#"{{"line": "{line}", "released": "{released}", "lts": true, "eol": "{eol}"}}"#
            )
        })
        .collect();
    entries.join(",\n")
}

/// Auditing 400, 4,000 and 40,000 LTS lines, each maintained less than
/// the year promised (a finding), and looking up each finding's rules as
/// a report of it does: the cost grows as the lines, not their square.
#[divan::bench(args = [400, 4_000, 40_000], sample_count = 20)]
fn audit_lts_lines(bencher: divan::Bencher, lines: u32) {
    let policy = example(&format!(
        r#"{{"name": "bench", "releases": {{"every_weeks": 1, "on": "Tuesday"}},
            "support": {{"until_next": 1}},
            "lts": {{"every": 1, "support": {{"months": 12, "until_next": 2}}}},
            "branch_template": "b/{{major}}.{{minor}}", "history": [{}]}}"#,
        weekly_lts_lines(lines)
    ));
    let on = date("2026-01-01");
    bencher.bench(|| {
        let audit = policy.audit(black_box(on), AuditScope::History).unwrap();
        let subjects = audit.findings.iter().map(|found| found.finding.subject());
        subjects
            .filter_map(|subject| subject.lines.first().cloned())
            .filter(|line| policy.rules_of(line).is_ok())
            .count()
    });
}

/// Fitting every rule to 200, 2,000 and 20,000 LTS lines with recorded
/// ends: the cost grows as the lines, not their square.
#[divan::bench(args = [200, 2_000, 20_000], sample_count = 20)]
fn fit_lts_lines(bencher: divan::Bencher, lines: u32) {
    let json = format!(
        r#"{{"name": "bench", "history": [{}]}}"#,
        weekly_lts_lines(lines)
    );
    let draft = Draft::from_json(&json).unwrap();
    bencher.bench(|| black_box(&draft).fit().unwrap());
}

/// Weekly lines, each supported until the next, and every 100 years an
/// LTS line kept for 100 years: few lines are supported on any day, but
/// the LTS line among them came out up to 5,200 lines before.
fn weekly_under_a_century_lts() -> Policy {
    example(
        r#"{"name": "weekly", "releases": {"every_weeks": 1},
            "lts": {"every_months": 1200, "support": {"months": 1200}},
            "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2026-01-06"}]}"#,
    )
}

/// The patch days of 4, 40 and 400 years of that policy, which the
/// iCalendar export walks: linear in the range, where each release once
/// had the lines supported worked out again back to the LTS line.
#[divan::bench(args = ["2030-01-01", "2066-01-01", "2426-01-01"])]
fn century_lts_patch_days_to(bencher: divan::Bencher, to: &str) {
    let policy = weekly_under_a_century_lts();
    let (from, to) = (date("2026-01-01"), date(to));
    bencher.bench(|| {
        let days = policy.patch_days(from, black_box(to));
        days.map(|day| day.unwrap().patches.len()).sum::<usize>()
    });
}

/// A CycloneDX SBOM of `components` components, one in 20 of a product
/// the program carries (the rest unknown, as in real SBOMs: Juice Shop has
/// 2 of 840).
fn sbom_of(components: usize) -> String {
    const KNOWN: [&str; 4] = [
        "pkg:npm/express@4.17.1",
        "pkg:npm/grunt@1.2.1",
        "pkg:maven/org.eclipse.jetty/jetty-server@9.4.18.v20190429",
        "pkg:pypi/django@4.2.11",
    ];
    let items: Vec<String> = (0..components)
        .map(|at| {
            let purl = if at % 20 == 0 {
                KNOWN[at / 20 % KNOWN.len()].to_owned()
            } else {
                format!("pkg:npm/package-{at}@1.{at}.0")
            };
            format!(
                r#"{{"type": "library", "bom-ref": "{purl}", "name": "c{at}", "version": "1.0", "purl": "{purl}"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"bomFormat": "CycloneDX", "specVersion": "1.4", "components": [{}]}}"#,
        items.join(",")
    )
}

/// Scanning SBOMs of 500, 5,000 and 50,000 components: reading, matching
/// and each known component's status, as `scan` does; linear in the
/// components, each a hash look-up, each product decoded once.
#[divan::bench(args = [500, 5_000, 50_000])]
fn scan_sbom(bencher: divan::Bencher, components: usize) {
    use lts_policy::stack::{Matcher, read_file};
    let text = sbom_of(components);
    let on = date("2026-12-07");
    bencher.bench(|| {
        let found = read_file("bom.json", black_box(&text)).unwrap();
        let mut matcher = Matcher::new();
        found
            .components
            .iter()
            .map(|component| matcher.verdict(component, on).unwrap())
            .count()
    });
}
