//! Dates as strace prints them beside times (`/* 2025-11-28T00:49:31+0000 */`) and the time
//! of day of `-t`: one place that turns seconds since the epoch into the local calendar, as
//! strace does with `localtime` (the `TZ` environment variable, else `/etc/localtime`).

use std::io::Write;

/// The local calendar time of `secs` seconds since the epoch; `None` where `localtime` fails
/// (a year that does not fit `struct tm`), where strace prints no date.
pub fn local_time(secs: i64) -> Option<libc::tm> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: localtime_r only reads `t` and writes the `tm` passed in; a zeroed `tm` is a
    // valid value of the plain C struct.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        (!libc::localtime_r(&t, &mut tm).is_null()).then_some(tm)
    }
}

/// Whether `write_datetime_frac` can show `secs`.
pub fn representable(secs: i64) -> bool {
    local_time(secs).is_some()
}

/// `2025-11-28T00:49:31+0000`: seconds since the epoch as an ISO 8601 date in the local time
/// zone, as strace's `strftime("%FT%T")` and `%z` write it. `frac` units of `10^-digits` s
/// follow the seconds when not zero: `2020-09-13T12:26:40.000005+0000`. Writes nothing and
/// returns false when the date cannot be had.
pub fn write_datetime_frac(out: &mut Vec<u8>, secs: i64, frac: u64, digits: u32) -> bool {
    match local_time(secs) {
        Some(tm) => {
            write_tm(out, &tm, frac, digits);
            true
        }
        None => false,
    }
}

/// Writes `tm` as [`write_datetime_frac`] does. The year is not padded (strftime's `%Y`:
/// `100-01-01T00:00:00+0000`); the zone is its offset from UTC in hours and minutes.
fn write_tm(out: &mut Vec<u8>, tm: &libc::tm, frac: u64, digits: u32) {
    let _ = write!(
        out,
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}",
        i64::from(tm.tm_year) + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    );
    if frac > 0 {
        let _ = write!(out, ".{frac:0width$}", width = digits as usize);
    }
    let offset = tm.tm_gmtoff;
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    let _ = write!(out, "{sign}{:02}{:02}", minutes / 60, minutes % 60);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tm(year: i32, mon: i32, mday: i32, hms: (i32, i32, i32), gmtoff: i64) -> libc::tm {
        // SAFETY: a zeroed `tm` is a valid value of the plain C struct.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        tm.tm_year = year - 1900;
        tm.tm_mon = mon - 1;
        tm.tm_mday = mday;
        (tm.tm_hour, tm.tm_min, tm.tm_sec) = hms;
        tm.tm_gmtoff = gmtoff;
        tm
    }

    fn written(tm: &libc::tm, frac: u64, digits: u32) -> String {
        let mut out = Vec::new();
        write_tm(&mut out, tm, frac, digits);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn dates_as_strftime_writes_them() {
        assert_eq!(
            written(&tm(2026, 11, 28, (1, 29, 31), 0), 0, 0),
            "2026-11-28T01:29:31+0000"
        );
        assert_eq!(
            written(&tm(2026, 12, 7, (2, 3, 4), 3600), 5, 9),
            "2026-12-07T02:03:04.000000005+0100"
        );
        assert_eq!(
            written(&tm(100, 1, 1, (0, 0, 0), -(3 * 3600 + 30 * 60)), 0, 0),
            "100-01-01T00:00:00-0330"
        );
        assert_eq!(
            written(&tm(0, 12, 31, (0, 0, 0), 0), 12, 6),
            "0-12-31T00:00:00.000012+0000"
        );
    }

    #[test]
    fn local_time_of_the_epoch() {
        // Whatever the zone, the epoch is 1970-01-01 or the day before, and the offset
        // agrees with the hour.
        let tm = local_time(0).unwrap();
        let minutes =
            i64::from(tm.tm_hour * 60 + tm.tm_min) + if tm.tm_year == 69 { -1440 } else { 0 };
        assert_eq!(minutes * 60, tm.tm_gmtoff);
        assert!(representable(0));
        assert!(!representable(i64::MAX));
    }
}
