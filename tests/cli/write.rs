//! `policy --write FILE` replaces exactly the file it was given, safely:
//! never through a link another user planted, never over a device, a FIFO
//! or a directory, through the links that lead to the file, keeping its
//! mode and owner, leaving nothing behind when it fails or is stopped, and
//! never writing a file that `--policy` cannot read back.

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{KESTRA_FLAT, Scratch, in_sh, kestra_flat, kestra_flat_file};

/// `policy --write target` on the test policy: its exit code and stderr.
fn write_kestra_flat(target: &Path) -> (Option<i32>, String) {
    let output = kestra_flat(&["policy", "--write", target.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.stdout.is_empty());
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// What `policy` prints for the test policy: what `--write` must write.
fn kestra_flat_printed() -> String {
    let output = kestra_flat(&["policy"]).output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn links_planted_at_the_names_of_the_old_scheme_are_never_followed() {
    let scratch = Scratch::new("planted");
    let victim = scratch.join("victim");
    fs::write(&victim, "root-only").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).unwrap();
    // The temporary name was `.policy.json.PID.tmp`: links at the names the
    // next few hundred processes would pick.
    let last = fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .ok()
        .and_then(|text| text.trim().parse::<u32>().ok())
        .unwrap_or(1);
    for pid in last..last + 400 {
        let planted = scratch.join(&format!(".policy.json.{pid}.tmp"));
        std::os::unix::fs::symlink(&victim, planted).unwrap();
    }
    let target = scratch.join("policy.json");
    assert_eq!(write_kestra_flat(&target), (Some(0), String::new()));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "root-only");
    assert_eq!(fs::read_to_string(&target).unwrap(), kestra_flat_printed());
    // Only the planted links, the victim and the new file.
    assert_eq!(scratch.names().len(), 400 + 2);
}

#[test]
fn a_write_keeps_its_code_on_a_closed_stdout() {
    // It writes nothing to stdout, so a closed one is no reason to fail.
    let scratch = Scratch::new("closed");
    let target = scratch.join("policy.json");
    let status = in_sh(
        "exec \"$0\" --policy \"$1\" policy --write \"$2\" >&-",
        &[KESTRA_FLAT, target.to_str().unwrap()],
    )
    .status;
    assert_eq!(status.code(), Some(0));
    assert_eq!(fs::read_to_string(&target).unwrap(), kestra_flat_printed());
}

#[test]
fn a_target_that_is_not_a_regular_file_is_refused() {
    let scratch = Scratch::new("special");
    let fifo = scratch.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let socket = scratch.join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let directory = scratch.join("directory");
    fs::create_dir(&directory).unwrap();
    for (target, kind) in [
        (&fifo, "a FIFO"),
        (&socket, "a socket"),
        (&directory, "a directory"),
    ] {
        let (code, stderr) = write_kestra_flat(target);
        assert_eq!(code, Some(2), "{kind}");
        assert_eq!(
            stderr,
            format!(
                "error: cannot write {}: it is {kind}, not a regular file; policy --write \
                 replaces a file\n",
                target.display()
            )
        );
    }
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(fs::metadata(&socket).unwrap().file_type().is_socket());
    assert!(fs::metadata(&directory).unwrap().is_dir());
    assert_eq!(scratch.names(), ["directory", "fifo", "socket"]);
    // A link to a device is refused as the device is.
    let null = scratch.join("null");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    let (code, stderr) = write_kestra_flat(&null);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("it is a device, not a regular file"),
        "{stderr}"
    );
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_target_reached_through_links_is_replaced_where_they_lead() {
    let scratch = Scratch::new("links");
    fs::create_dir(scratch.join("real")).unwrap();
    let real = scratch.join("real/policy.json");
    fs::write(&real, "old").unwrap();
    // A chain of two links, one of them relative.
    std::os::unix::fs::symlink("real/policy.json", scratch.join("first")).unwrap();
    std::os::unix::fs::symlink(scratch.join("first"), scratch.join("second")).unwrap();
    assert_eq!(
        write_kestra_flat(&scratch.join("second")),
        (Some(0), String::new())
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), kestra_flat_printed());
    for link in ["first", "second"] {
        let metadata = fs::symlink_metadata(scratch.join(link)).unwrap();
        assert!(metadata.file_type().is_symlink(), "{link}");
    }
    // A link to a file not there yet creates the file.
    std::os::unix::fs::symlink("real/new.json", scratch.join("dangling")).unwrap();
    assert_eq!(
        write_kestra_flat(&scratch.join("dangling")),
        (Some(0), String::new())
    );
    assert_eq!(
        fs::read_to_string(scratch.join("real/new.json")).unwrap(),
        kestra_flat_printed()
    );
    assert_eq!(
        fs::read_dir(scratch.join("real")).unwrap().count(),
        2,
        "no temporary file is left"
    );
}

#[test]
fn the_mode_and_the_owner_of_the_old_file_are_kept() {
    let scratch = Scratch::new("mode");
    for mode in [0o600, 0o640, 0o444, 0o664] {
        let target = scratch.join(&format!("policy-{mode:o}.json"));
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(mode)).unwrap();
        assert_eq!(
            write_kestra_flat(&target),
            (Some(0), String::new()),
            "{mode:o}"
        );
        let metadata = fs::metadata(&target).unwrap();
        assert_eq!(metadata.mode() & 0o7777, mode, "{mode:o}");
        assert_eq!(fs::read_to_string(&target).unwrap(), kestra_flat_printed());
    }
    // A new file is created as any file is: 0666 less the umask (022 here).
    let new = scratch.join("new.json");
    let status = in_sh(
        "umask 022 && exec \"$0\" --policy \"$1\" policy --write \"$2\"",
        &[KESTRA_FLAT, new.to_str().unwrap()],
    )
    .status;
    assert!(status.success());
    assert_eq!(fs::metadata(&new).unwrap().mode() & 0o7777, 0o644);
    // Owner and group, where the process may set them: root may.
    let owned = scratch.join("owned.json");
    fs::write(&owned, "old").unwrap();
    if fs::metadata(&owned).unwrap().uid() != 0 {
        eprintln!("skipped: keeping another user's ownership is tested as root only");
        return;
    }
    std::os::unix::fs::chown(&owned, Some(1234), Some(5678)).unwrap();
    assert_eq!(write_kestra_flat(&owned), (Some(0), String::new()));
    let metadata = fs::metadata(&owned).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (1234, 5678));
}

#[test]
fn a_long_name_is_written_and_a_stopped_write_leaves_nothing_behind() {
    let scratch = Scratch::new("stop");
    // 250 bytes: valid, but too long with `.` and `.PID.tmp` around it.
    let long = scratch.join(&format!("{}.json", "p".repeat(245)));
    assert_eq!(write_kestra_flat(&long), (Some(0), String::new()));
    assert_eq!(fs::read_to_string(&long).unwrap(), kestra_flat_printed());
    fs::remove_file(&long).unwrap();
    // A policy whose file takes a while to write: 100,000 lines.
    let big = scratch.join("big-input.json");
    fs::write(&big, history_of(100_000, false)).unwrap();
    let target = scratch.join("policy.json");
    fs::write(&target, "old").unwrap();
    let mut stopped = 0;
    for delay in [0, 20, 60, 120, 200, 300, 450, 600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lts-policy"))
            .args(["--policy", big.to_str().unwrap()])
            .args(["policy", "--write", target.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        // Stopped by the signal, or done before it came.
        assert!(
            status.signal() == Some(15) || status.success(),
            "{delay} ms: {status:?}"
        );
        stopped += usize::from(status.signal() == Some(15));
        assert_eq!(
            scratch.names(),
            ["big-input.json", "policy.json"],
            "{delay} ms"
        );
        let text = fs::read_to_string(&target).unwrap();
        assert!(
            text == "old" || text.ends_with("}\n"),
            "{delay} ms: a whole file"
        );
    }
    assert!(stopped > 0, "no write was stopped");
}

/// A policy of Kestra's rules over `lines` lines, one a day from 1800, as
/// compact JSON; with `patches`, ten patches a line.
fn history_of(lines: u32, patches: bool) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(1800, 1, 7).unwrap();
    let mut history = String::new();
    for index in 0..lines {
        let (major, minor) = (1 + index / 1000, index % 1000);
        let released = first + chrono::Days::new(u64::from(index) * 11);
        if index > 0 {
            history.push(',');
        }
        history.push_str(&format!(
            r#"{{"line":"{major}.{minor}","released":"{released}""#
        ));
        if index == 0 {
            history.push_str(r#","lts":true"#);
        }
        if patches {
            history.push_str(r#","patches":["#);
            for patch in 1..=10_u32 {
                let day = released + chrono::Days::new(u64::from(patch));
                let comma = if patch > 1 { "," } else { "" };
                history.push_str(&format!(
                    r#"{comma}{{"version":"{major}.{minor}.{patch}","released":"{day}"}}"#
                ));
            }
            history.push(']');
        }
        history.push('}');
    }
    let mut policy = kestra_flat_file();
    policy["history"] = serde_json::Value::Null;
    policy
        .to_string()
        .replace("\"history\":null", &format!("\"history\":[{history}]"))
}

#[test]
fn whatever_policy_writes_policy_reads() {
    let scratch = Scratch::new("size");
    // 100,000 lines: written as the examples are laid out, under 8 MiB.
    let input = scratch.join("input.json");
    fs::write(&input, history_of(100_000, false)).unwrap();
    let target = scratch.join("policy.json");
    let input_arg = input.to_str().unwrap();
    let written = kestra_flat(&[
        "--policy",
        input_arg,
        "policy",
        "--write",
        target.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    let size = fs::metadata(&target).unwrap().len();
    assert!(size < 8 << 20, "{size} bytes");
    let answer = |policy: &str| {
        kestra_flat(&[
            "--policy",
            policy,
            "supported",
            "--on",
            "2900-01-01",
            "--json",
        ])
        .output()
        .unwrap()
    };
    let (from_input, from_written) = (answer(input_arg), answer(target.to_str().unwrap()));
    assert_eq!(from_written.status.code(), Some(0), "{from_written:?}");
    assert_eq!(from_input.stdout, from_written.stdout);
    // 14,000 lines of ten patches each: 7.4 MB compact, more than 8 MiB as
    // the file `policy` writes; refused rather than written unreadable.
    fs::write(&input, history_of(14_000, true)).unwrap();
    assert!(fs::metadata(&input).unwrap().len() < 8 << 20);
    for args in [
        &[
            "--policy",
            input_arg,
            "policy",
            "--write",
            target.to_str().unwrap(),
        ][..],
        &["--policy", input_arg, "policy"],
    ] {
        let output = kestra_flat(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("error: the policy would take ")
                && stderr.ends_with(
                    " MiB as a file, more than the 8 MiB --policy reads (14000 lines in its \
                     history)\n"
                ),
            "{stderr}"
        );
    }
    assert_eq!(
        fs::read_to_string(&target).unwrap().len() as u64,
        size,
        "the old file stays"
    );
}
