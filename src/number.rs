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

/// Appends `v`'s decimal digits: the numbers of nearly every line, without `fmt`'s machinery,
/// which took a sixth of the tracer's instructions (callgrind, 20 processes running /bin/true).
/// The divisor is a constant, so each digit costs a multiplication, not a division. Never
/// inlined: a copy at each caller made the binary 9 KB larger.
#[inline(never)]
pub fn push_decimal(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends `v`'s hexadecimal digits, lower case, four bits at a time (one copy, as above).
#[inline(never)]
pub fn push_hex(out: &mut Vec<u8>, v: u64) {
    let mut digits = [0u8; 16];
    let len = ((67 - (v | 1).leading_zeros()) / 4) as usize;
    for (i, d) in digits[..len].iter_mut().rev().enumerate() {
        *d = b"0123456789abcdef"[((v >> (4 * i)) & 0xf) as usize];
    }
    out.extend_from_slice(&digits[..len]);
}

/// `%lld`.
pub fn push_signed(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    push_decimal(out, v.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As `%llu` and `%llx` write them, at every length and at the edges.
    #[test]
    fn digits_as_printf_writes_them() {
        let mut values = vec![
            0,
            1,
            9,
            10,
            15,
            16,
            99,
            100,
            255,
            256,
            u64::MAX,
            u64::MAX - 1,
        ];
        for shift in 0..64 {
            values.extend([1u64 << shift, (1u64 << shift) - 1, (1u64 << shift) + 1]);
        }
        let mut tens = 1u64;
        while let Some(next) = tens.checked_mul(10) {
            values.extend([tens - 1, tens, next - 1]);
            tens = next;
        }
        for v in values {
            let (mut dec, mut hex) = (Vec::new(), Vec::new());
            push_decimal(&mut dec, v);
            push_hex(&mut hex, v);
            assert_eq!(dec, format!("{v}").into_bytes(), "{v}");
            assert_eq!(hex, format!("{v:x}").into_bytes(), "{v:#x}");
        }
    }
}
