//! Colour sequences in expected lines, shared by the unit tests of the coloured text
//! (`src/render/color_tests.rs`) and the end-to-end ones (`tests/color.rs`).

/// An expected line with strace 7's default sequences written as a letter each: `@S`
/// syscall, `@P` punctuation, `@V` argument value, `@C` constant, `@N` name, `@M` comment,
/// `@T` return value, `@E` error, `@R` reset, `@K` call.
pub fn seqs(s: &str) -> String {
    [
        ("@S", "33"),
        ("@P", "0"),
        ("@V", "35"),
        ("@C", "34"),
        ("@N", "39"),
        ("@M", "36"),
        ("@T", "32"),
        ("@E", "31"),
        ("@R", "0"),
        ("@K", "33"),
    ]
    .iter()
    .fold(s.to_string(), |s, (k, v)| {
        s.replace(k, &format!("\x1b[{v}m"))
    })
}

/// The text without its escape sequences.
pub fn stripped(s: &str) -> String {
    let mut out = String::new();
    let mut in_seq = false;
    for c in s.chars() {
        match (in_seq, c) {
            (false, '\x1b') => in_seq = true,
            (false, c) => out.push(c),
            (true, 'm') => in_seq = false,
            (true, _) => {}
        }
    }
    out
}
