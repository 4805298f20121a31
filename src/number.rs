//! Numbers in option values, read as strace reads them.

/// Parses a number as strace's `string_to_uint` does (`strtol` in base 10: leading blanks and a
/// sign allowed, nothing after the digits), within `0..=max`.
pub fn parse_uint(word: &str, max: u64) -> Option<u64> {
    let t = word.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u64 = digits.parse().ok()?;
    if negative && value != 0 {
        return None;
    }
    (value <= max).then_some(value)
}
