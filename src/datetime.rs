//! Dates as strace prints them beside times (`/* 2025-11-28T00:49:31+0000 */`): one
//! place that turns seconds since the epoch into a calendar date, for every renderer.

use std::io::Write;

/// Whether `write_datetime_frac` can show `secs` (`struct tm` holds its year).
pub fn representable(secs: i64) -> bool {
    Civil::from_unix(secs).is_some()
}

/// `2025-11-28T00:49:31+0000`: seconds since the epoch as an ISO 8601 date in UTC (strace
/// uses the local time zone; the tests run in UTC). The year is not padded (strftime's `%Y`:
/// `100-01-01T00:00:00+0000`). Writes nothing and returns false when the year does not fit
/// `struct tm`, where strace prints no date. `frac` units of `10^-digits` s follow the
/// seconds when not zero: `2020-09-13T12:26:40.000005+0000`.
pub fn write_datetime_frac(out: &mut Vec<u8>, secs: i64, frac: u64, digits: u32) -> bool {
    let Some(date) = Civil::from_unix(secs) else {
        return false;
    };
    let _ = write!(
        out,
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.year, date.month, date.day, date.hour, date.minute, date.second
    );
    if frac > 0 {
        let _ = write!(out, ".{frac:0width$}", width = digits as usize);
    }
    out.extend_from_slice(b"+0000");
    true
}

/// A time as the calendar shows it in UTC, the zone strace's dates are in on the machines
/// this is tested on. (strace uses the local zone; other zones are not handled yet.)
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl Civil {
    /// The proleptic Gregorian date of `sec` seconds after 1970-01-01T00:00:00Z (the
    /// days-to-civil algorithm of H. Hinnant's "chrono-compatible low-level date
    /// algorithms"). `None` when the year does not fit C's `int`, where `localtime` fails.
    fn from_unix(sec: i64) -> Option<Civil> {
        let days = sec.div_euclid(86_400);
        let rem = sec.rem_euclid(86_400) as u32;
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        // struct tm's tm_year is an int counting from 1900.
        i32::try_from(year - 1900).ok()?;
        Some(Civil {
            year,
            month,
            day,
            hour: rem / 3600,
            minute: rem / 60 % 60,
            second: rem % 60,
        })
    }
}
