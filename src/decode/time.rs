//! Time values.

use super::structs::{Raw, read_struct};
use super::{Ctx, Sink};
use crate::mem::Memory;

/// A pointer to a `struct timespec` (`<linux/time_types.h>`: two 64-bit fields on x86_64):
/// `{tv_sec=1, tv_nsec=0}`.
pub fn timespec<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        timespec_fields(sink, raw, 0)
    });
}

/// The `struct timespec` at `off` in `raw`. strace shows `tv_nsec` unsigned
/// (`tv_nsec=18446744073709551615` for -1).
fn timespec_fields<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize) {
    sink.begin_struct();
    sink.field("tv_sec");
    sink.int(raw.i64(off));
    sink.field("tv_nsec");
    sink.uint(raw.u64(off + 8));
    sink.end_struct(false);
}

/// A pointer to a `struct timeval` (`<linux/time_types.h>` `__kernel_old_timeval`: two
/// 64-bit fields on x86_64): `{tv_sec=1, tv_usec=0}`.
pub fn timeval<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        timeval_fields(sink, raw, 0)
    });
}

/// The `struct timeval` at `off` in `raw`; `tv_usec` unsigned, as strace shows it.
fn timeval_fields<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize) {
    sink.begin_struct();
    sink.field("tv_sec");
    sink.int(raw.i64(off));
    sink.field("tv_usec");
    sink.uint(raw.u64(off + 8));
    sink.end_struct(false);
}

/// `UTIME_NOW` and `UTIME_OMIT` (`<linux/stat.h>`): `tv_nsec` values that stand for "now"
/// and "leave unchanged" in `utimensat(2)`.
const UTIME_NOW: u64 = (1 << 30) - 1;
const UTIME_OMIT: u64 = (1 << 30) - 2;

/// `utimensat`'s pointer to two `struct timespec`s: each with its date, or `UTIME_NOW` /
/// `UTIME_OMIT` by name: `[{tv_sec=0, tv_nsec=1} /* 1970-01-01T00:00:00.000000001+0000 */,
/// UTIME_NOW]`.
pub fn utimens<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 32, |sink, _, raw| {
        sink.begin_array();
        for off in [0, 16] {
            match raw.u64(off + 8) {
                UTIME_NOW => sink.constant("UTIME_NOW", UTIME_NOW as i64),
                UTIME_OMIT => sink.constant("UTIME_OMIT", UTIME_OMIT as i64),
                nsec => {
                    timespec_fields(sink, raw, off);
                    sink.time_comment(raw.i64(off), nsec, 9);
                }
            }
        }
        sink.end_array();
    });
}

/// `utimes`'s (and `futimesat`'s) pointer to two `struct timeval`s, each with its date:
/// `[{tv_sec=1600000000, tv_usec=5} /* 2020-09-13T12:26:40.000005+0000 */, ...]`.
pub fn utimes<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 32, |sink, _, raw| {
        sink.begin_array();
        for off in [0, 16] {
            timeval_fields(sink, raw, off);
            sink.time_comment(raw.i64(off), raw.u64(off + 8), 6);
        }
        sink.end_array();
    });
}

/// `utime`'s pointer to a `struct utimbuf` (`<linux/utime.h>`: two `time_t`s), with dates:
/// `{actime=1600000000 /* 2020-09-13T12:26:40+0000 */, modtime=0}`.
pub fn utimbuf<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        sink.begin_struct();
        for (name, off) in [("actime", 0), ("modtime", 8)] {
            sink.field(name);
            sink.int(raw.i64(off));
            sink.time_comment(raw.i64(off), 0, 0);
        }
        sink.end_struct(false);
    });
}
