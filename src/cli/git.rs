//! Running the `git` program: without the caller's repository-local
//! variables, reading nothing, and stopped when it takes too long.

use std::ffi::OsStr;
use std::io::{self, ErrorKind, Read};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};

/// How long one run of git may take. Listing 5,000 tags takes 34 ms; a
/// named pipe where git reads a file (`.git/packed-refs`, a config
/// include) makes it wait for a writer forever.
const GIT_TIME_LIMIT: Duration = Duration::from_secs(30);

/// Runs git with `args`, and what it printed. The repository-local
/// environment variables (`GIT_DIR`, `GIT_WORK_TREE`, ... as `git rev-parse
/// --local-env-vars` lists them) are removed, so that a caller's (a git
/// hook's `GIT_DIR=.`) cannot replace the repository asked for.
pub fn git(args: &[&OsStr], local_variables: &[String]) -> Result<Output> {
    git_within(args, local_variables, GIT_TIME_LIMIT)
}

/// [`git`], stopped after `limit`.
fn git_within(args: &[&OsStr], local_variables: &[String], limit: Duration) -> Result<Output> {
    let mut command = Command::new("git");
    for variable in local_variables {
        command.env_remove(variable);
    }
    let output = output_within(command.args(args), limit).map_err(|err| match err.kind() {
        ErrorKind::NotFound => {
            anyhow!("git is not installed: no git program on PATH to read the tags with")
        }
        _ => anyhow!("cannot run git: {err}"),
    })?;
    output.ok_or_else(|| {
        // Up to the subcommand: `-C DIR` names the repository.
        let named = if args.first() == Some(&OsStr::new("-C")) {
            3
        } else {
            1
        };
        let run: Vec<_> = args
            .iter()
            .take(named)
            .map(|arg| arg.to_string_lossy())
            .collect();
        anyhow!(
            "git {} did not finish within {limit:?} and was stopped: a named pipe where git \
             reads a file (.git/packed-refs, a config include) makes it wait forever",
            run.join(" ")
        )
    })
}

/// What `command` printed and how it ended, or `None` when it was still
/// running after `limit` and has been killed. It reads nothing: its
/// standard input is `/dev/null`.
fn output_within(command: &mut Command, limit: Duration) -> io::Result<Option<Output>> {
    let deadline = Instant::now() + limit;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = read_to_end_aside(child.stdout.take());
    let stderr = read_to_end_aside(child.stderr.take());
    // Both pipes end when the program does (or closes them first).
    let read = |pipe: mpsc::Receiver<Vec<u8>>| {
        pipe.recv_timeout(deadline.saturating_duration_since(Instant::now()))
    };
    match read(stdout).and_then(|stdout| Ok((stdout, read(stderr)?))) {
        Ok((stdout, stderr)) => Ok(Some(Output {
            status: child.wait()?,
            stdout,
            stderr,
        })),
        Err(_) => {
            // It may have ended since: the time is up either way.
            let _ = child.kill();
            child.wait()?;
            Ok(None)
        }
    }
}

/// The bytes of `pipe`, read to its end on a thread of their own.
fn read_to_end_aside(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // A pipe that fails gives what was read: git's status tells.
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = sender.send(bytes);
    });
    receiver
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository with one release tag, in a directory of its own,
    /// removed at the end of the test.
    struct Repository(std::path::PathBuf);

    impl Repository {
        fn new(name: &str) -> Self {
            let path =
                std::env::temp_dir().join(format!("lts-policy-git-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            let repository = Self(path);
            repository.run("git", &["init", "--quiet"]);
            let author = ["-c", "user.name=t", "-c", "user.email=t@t"];
            let commit = ["commit", "--quiet", "--allow-empty", "-m", "first"];
            repository.run("git", &[&author[..], &commit].concat());
            repository.run("git", &["tag", "v1.0.0"]);
            repository
        }

        /// Runs `program` with `args` in the repository's directory.
        fn run(&self, program: &str, args: &[&str]) {
            let mut command = Command::new(program);
            command.args(args).current_dir(&self.0);
            assert!(command.status().unwrap().success(), "{program} {args:?}");
        }

        /// `git for-each-ref` of its tags, stopped after `limit`.
        fn tags_within(&self, limit: Duration) -> Result<Output> {
            let args = [
                OsStr::new("-C"),
                self.0.as_os_str(),
                OsStr::new("for-each-ref"),
                OsStr::new("refs/tags"),
            ];
            git_within(&args, &[], limit)
        }

        /// Lists the tags, then again after `make_it_wait`, which puts a
        /// named pipe no one writes where git reads: that run is stopped at
        /// the limit, not at git's end, which never comes.
        fn assert_stopped_after(&self, make_it_wait: &[&str]) {
            let limit = Duration::from_millis(300);
            let listed = self.tags_within(limit).unwrap();
            assert!(String::from_utf8_lossy(&listed.stdout).contains("refs/tags/v1.0.0"));
            self.run("sh", &["-c", &make_it_wait.join(" && ")]);
            let started = Instant::now();
            let err = self.tags_within(limit).unwrap_err();
            assert!(started.elapsed() < Duration::from_secs(10));
            assert_eq!(
                err.to_string(),
                format!(
                    "git -C {} for-each-ref did not finish within 300ms and was stopped: a named \
                     pipe where git reads a file (.git/packed-refs, a config include) makes it \
                     wait forever",
                    self.0.display()
                )
            );
        }
    }

    impl Drop for Repository {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn git_waiting_on_a_named_pipe_for_packed_refs_is_stopped() {
        Repository::new("packed-refs").assert_stopped_after(&["mkfifo .git/packed-refs"]);
    }

    #[test]
    fn git_waiting_on_a_named_pipe_a_config_includes_is_stopped() {
        Repository::new("include")
            .assert_stopped_after(&["mkfifo .git/included", "git config include.path included"]);
    }
}
