//! The layout of a document, indented or compact, and the characters it
//! escapes beyond what serde_json does.

use std::io::{self, Write};

use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::session::acts_on_a_terminal;

/// Indented or compact, decided as the document is written: one serializer
/// per document type instead of two keeps the binary, all of which ends up
/// resident, smaller.
pub enum Layout {
    Pretty(PrettyFormatter<'static>),
    Compact(CompactFormatter),
}

impl Layout {
    pub fn new(pretty: bool) -> Self {
        if pretty {
            Self::Pretty(PrettyFormatter::new())
        } else {
            Self::Compact(CompactFormatter)
        }
    }
}

/// Forwards each call to the layout's formatter.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)+) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                match self {
                    Self::Pretty(formatter) => formatter.$method(writer $(, $arg)*),
                    Self::Compact(formatter) => formatter.$method(writer $(, $arg)*),
                }
            }
        )+
    };
}

/// Forwards each call of a borrowed layout to the layout.
macro_rules! forward_borrowed {
    ($($method:ident($($arg:ident: $ty:ty),*);)+) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                (**self).$method(writer $(, $arg)*)
            }
        )+
    };
}

/// Each call that [`Layout`] makes its own, whichever writer calls it.
macro_rules! layout_calls {
    ($forward:ident) => {
        $forward! {
            begin_array();
            end_array();
            begin_array_value(first: bool);
            end_array_value();
            begin_object();
            end_object();
            begin_object_key(first: bool);
            end_object_key();
            begin_object_value();
            end_object_value();
        }
    };
}

impl Formatter for Layout {
    /// A string's text: the characters a terminal acts on that JSON lets
    /// through raw (DEL, C1 and bidirectional controls; serde_json escapes
    /// C0) as `\uXXXX`, the same string to any reader. The direct writer
    /// writes printable ASCII without calling this (`out.rs`,
    /// `is_unescaped`): nothing in that range may be escaped here.
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // serde_json escapes C0 itself: only DEL and what is not ASCII can be
        // left, and dates, lines and versions have neither.
        if !fragment.bytes().any(|byte| byte >= 0x7f) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(at) = rest.find(acts_on_a_terminal) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    layout_calls!(forward);
}

/// The layout lent to serde_json for one value of a document the direct
/// writer writes, its indentation carried on.
impl Formatter for &mut Layout {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        (**self).write_string_fragment(writer, fragment)
    }

    layout_calls!(forward_borrowed);
}
