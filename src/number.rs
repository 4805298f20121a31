//! Numbers: read from option values as strace reads them, and written into trace lines.

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

/// Appends `v`'s digits in `base` (10 or 16, lower case): the numbers of nearly every line,
/// without `fmt`'s machinery, which took a sixth of the tracer's instructions (callgrind,
/// 20 processes running /bin/true).
pub fn push_digits(out: &mut Vec<u8>, mut v: u64, base: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b"0123456789abcdef"[(v % base) as usize];
        v /= base;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// `%lld`.
pub fn push_signed(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    push_digits(out, v.unsigned_abs(), 10);
}
