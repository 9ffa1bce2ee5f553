//! Text a file or a tag controls, escaped for a terminal: it reaches
//! answers, messages and the policy file the program writes.

/// Whether a terminal acts on `c` instead of showing it: a control
/// character (C0, DEL, C1), a bidirectional control that reorders the
/// text around it, or the line and paragraph separators (U+2028, U+2029)
/// that editors, log viewers and JavaScript take for line breaks. Text a
/// file controls shows these escaped, wherever it goes.
pub fn acts_on_a_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// JSON whose strings show what a terminal acts on as `\uXXXX` escapes
/// (serde_json escapes C0 controls only), the same string to any JSON
/// reader: the policy file `policy` prints or writes.
pub fn json_for_terminal(json: &str) -> String {
    let mut escaped = String::with_capacity(json.len());
    for c in json.chars() {
        if acts_on_a_terminal(c) && c != '\n' {
            escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// Text for a terminal, where a value a file controls could otherwise move
/// the cursor, retitle the window or forge a line: control characters
/// (C0, DEL, C1) and the bidirectional controls that reorder what is shown
/// are written as escapes, `\u{1b}`.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = acts_on_a_terminal;
    if !text.contains(unsafe_char) {
        return text.into();
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            escaped.push_str(&c.escape_unicode().to_string());
        } else {
            escaped.push(c);
        }
    }
    escaped.into()
}
