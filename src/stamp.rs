//! Timestamps on trace lines (`-t`, `-tt`, `-ttt`, `--timestamps`, `-r`) and time spent in
//! syscalls (`-T`, `--syscall-times`), formatted as strace formats them.

use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How many fraction digits a time shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    S,
    Ms,
    Us,
    Ns,
}

impl Precision {
    fn digits(self) -> usize {
        match self {
            Precision::S => 0,
            Precision::Ms => 3,
            Precision::Us => 6,
            Precision::Ns => 9,
        }
    }

    /// strace's precision words: `s`, `ms`, `us`, `ns`.
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "s" => Some(Precision::S),
            "ms" => Some(Precision::Ms),
            "us" => Some(Precision::Us),
            "ns" => Some(Precision::Ns),
            _ => None,
        }
    }
}

/// The absolute timestamp before each line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absolute {
    /// Local wall-clock time, `01:38:40` (and a fraction).
    Time(Precision),
    /// Seconds since the epoch, `1795829920.665617`.
    Unix(Precision),
}

/// The timestamps a line starts with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamps {
    pub absolute: Option<Absolute>,
    /// `-r`: the time since the previous line started.
    pub relative: Option<Precision>,
}

/// `.ddd` with `digits` digits of `nanos` (truncated, as strace prints them).
fn write_fraction(buf: &mut Vec<u8>, nanos: u32, digits: usize) {
    if digits > 0 {
        let scaled = nanos / 10u32.pow(9 - digits as u32);
        let _ = write!(buf, ".{scaled:0digits$}");
    }
}

/// Writes the absolute stamp for `now` and a space.
pub fn write_absolute(buf: &mut Vec<u8>, now: SystemTime, absolute: Absolute) {
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    match absolute {
        Absolute::Unix(p) => {
            let _ = write!(buf, "{}", since_epoch.as_secs());
            write_fraction(buf, since_epoch.subsec_nanos(), p.digits());
        }
        Absolute::Time(p) => {
            let (h, m, s) = crate::datetime::local_time(since_epoch.as_secs() as i64)
                .map_or((0, 0, 0), |tm| (tm.tm_hour, tm.tm_min, tm.tm_sec));
            let _ = write!(buf, "{h:02}:{m:02}:{s:02}");
            write_fraction(buf, since_epoch.subsec_nanos(), p.digits());
        }
    }
    buf.push(b' ');
}

/// Writes a `-r` stamp: seconds right-aligned in six columns, the fraction, a space.
pub fn write_relative(buf: &mut Vec<u8>, delta: Duration, precision: Precision) {
    let _ = write!(buf, "{:>6}", delta.as_secs());
    write_fraction(buf, delta.subsec_nanos(), precision.digits());
    buf.push(b' ');
}

/// Writes ` <0.000012>`: the time a syscall took.
pub fn write_duration(buf: &mut Vec<u8>, spent: Duration, precision: Precision) {
    buf.extend_from_slice(b" <");
    write_seconds(buf, spent, precision);
    buf.push(b'>');
}

/// The seconds of `-T`'s ` <0.000012>`.
pub fn write_seconds(buf: &mut Vec<u8>, spent: Duration, precision: Precision) {
    let _ = write!(buf, "{}", spent.as_secs());
    write_fraction(buf, spent.subsec_nanos(), precision.digits());
}

/// When an event happened, as every event carries it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stamp {
    /// Nanoseconds since the epoch.
    pub ts: u64,
    /// `-r`: nanoseconds since the previous event of the same output.
    pub rel: Option<u64>,
}

/// A duration as strace's parse_ts reads it (`-O`, `delay_enter=`): a number, in
/// microseconds unless it says `s`, `ms`, `us` or `ns`. A number with a point or an exponent
/// (`4.5e2ms`) is read as a C `strtod` reads it.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let span = |accept: &str| {
        s.bytes()
            .take_while(|b| accept.as_bytes().contains(b))
            .count()
    };
    let float = span("eE.-+0123456789") > span("+0123456789");
    let number_len = if float {
        float_prefix(s)
    } else {
        let sign = usize::from(s.starts_with('+'));
        sign + s[sign..].bytes().take_while(u8::is_ascii_digit).count()
    };
    let (number, unit) = s.split_at(number_len);
    let ns_per_unit: f64 = match unit {
        "" | "us" => 1e3,
        "s" => 1e9,
        "ms" => 1e6,
        "ns" => 1.0,
        _ => return None,
    };
    if !float {
        let n = number
            .parse::<u64>()
            .ok()
            .filter(|n| *n <= i64::MAX as u64)?;
        return Some(Duration::from_nanos(n.saturating_mul(ns_per_unit as u64)));
    }
    let f = strtod(number)?;
    (f >= 0.0 && f.is_finite()).then(|| Duration::from_nanos((f * ns_per_unit) as u64))
}

/// C's `strtod` on the whole of `number` (libc's, already linked: Rust's float parser would
/// add 30 KB to the binary for this one option).
fn strtod(number: &str) -> Option<f64> {
    let c = std::ffi::CString::new(number).ok()?;
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: `c` is NUL-terminated; strtod writes only `end`, a pointer into `c`.
    let f = unsafe { libc::strtod(c.as_ptr(), &mut end) };
    // SAFETY: strtod leaves `end` within `c`, at most at its NUL.
    let read = unsafe { end.offset_from(c.as_ptr()) };
    (read == number.len() as isize).then_some(f)
}

/// The length of the decimal number `strtod` would read at the start of `s`:
/// `[+-]?(DIGITS[.DIGITS]|.DIGITS)([eE][+-]?DIGITS)?`; 0 when there is none.
fn float_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut at = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let whole = digits(at);
    at += whole;
    let mut fraction = 0;
    if b.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        if whole + fraction > 0 {
            at += 1 + fraction;
        }
    }
    if whole + fraction == 0 {
        return 0;
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(at + 1), Some(b'+' | b'-')));
        let exponent = digits(at + 1 + sign);
        if exponent > 0 {
            at += 1 + sign + exponent;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut buf = Vec::new();
        f(&mut buf);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn durations_as_strace_reads_them() {
        let us = |n| Some(Duration::from_micros(n));
        assert_eq!(parse_duration("4.5e2ms"), us(450_000));
        assert_eq!(parse_duration("1.5"), Some(Duration::from_nanos(1500)));
        assert_eq!(parse_duration("+7us"), us(7));
        assert_eq!(parse_duration("2s"), us(2_000_000));
        assert_eq!(parse_duration(".5s"), us(500_000));
        assert_eq!(parse_duration("1e3"), us(1000));
        assert_eq!(parse_duration("1e"), None);
        assert_eq!(parse_duration("-1"), None);
        assert_eq!(parse_duration("-1.5"), None);
        assert_eq!(parse_duration("1.5x"), None);
        assert_eq!(parse_duration(""), None);
        assert_eq!(parse_duration("."), None);
    }

    #[test]
    fn formats_like_strace() {
        let t = UNIX_EPOCH + Duration::new(1795829920, 665617123);
        assert_eq!(
            text(|b| write_absolute(b, t, Absolute::Unix(Precision::Us))),
            "1795829920.665617 "
        );
        assert_eq!(
            text(|b| write_absolute(b, t, Absolute::Unix(Precision::Ns))),
            "1795829920.665617123 "
        );
        assert_eq!(
            text(|b| write_absolute(b, t, Absolute::Unix(Precision::S))),
            "1795829920 "
        );
        let d = Duration::new(0, 489_123);
        assert_eq!(
            text(|b| write_relative(b, d, Precision::Us)),
            "     0.000489 "
        );
        assert_eq!(text(|b| write_duration(b, d, Precision::Us)), " <0.000489>");
        assert_eq!(
            text(|b| write_duration(b, d, Precision::Ns)),
            " <0.000489123>"
        );
    }
}
