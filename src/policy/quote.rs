//! How a message quotes what it was given: a bounded part of it, so that
//! an error about an 8 MB value is still one short line.

use std::fmt;

/// How many characters of a value a message quotes: enough to recognise
/// it, few enough that a message stays one short line.
const QUOTED_CHARS: usize = 64;

/// How many characters of a path or a name a message repeats.
const EXCERPT_CHARS: usize = 200;

/// A value a message quotes from its input, as Rust quotes a string (its
/// control characters and line separators escaped), cut after
/// [`QUOTED_CHARS`] characters with `…`.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kept, cut) = cut(self.0, QUOTED_CHARS);
        write!(f, "{kept:?}")?;
        if cut { f.write_str("…") } else { Ok(()) }
    }
}

/// A name a message repeats between single quotes, its control and
/// invisible characters escaped as Rust escapes them, cut after
/// [`QUOTED_CHARS`] characters with `…`.
pub(crate) struct Named<'a>(pub(crate) &'a str);

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kept, cut) = cut(self.0, QUOTED_CHARS);
        write!(f, "'{}", kept.escape_debug())?;
        f.write_str(if cut { "…'" } else { "'" })
    }
}

/// A path or a name a message repeats as it is, cut after
/// [`EXCERPT_CHARS`] characters with `…`; its control characters are the
/// terminal's writer's to escape.
pub(crate) struct Excerpt<'a>(pub(crate) &'a str);

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kept, cut) = cut(self.0, EXCERPT_CHARS);
        f.write_str(kept)?;
        if cut { f.write_str("…") } else { Ok(()) }
    }
}

/// The first `chars` characters of `text`, and whether any were left out.
fn cut(text: &str, chars: usize) -> (&str, bool) {
    match text.char_indices().nth(chars) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// Whether `c` is a character a reader cannot see where it stands, or
/// that changes how what follows is shown: whitespace, control characters
/// and Unicode's invisible format characters (bidirectional overrides and
/// isolates, zero-width joiners, the byte-order mark). Names a file or a
/// record gives (lines, prefixes) hold none, so that no output has to
/// show them.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}
