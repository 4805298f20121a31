//! Time values: `struct timespec`, `timeval`, `tms`, `sigevent`, `timex` and a `time_t` in
//! memory, as strace prints them. (`itimerspec`, `itimerval` and `timezone` are data:
//! `[structs.*]` in syscalls.toml, printed by `decode::fields`.)
//!
//! Layouts are x86_64's (`<linux/time_types.h>`, `<linux/time.h>`, `<linux/times.h>`,
//! `<asm-generic/siginfo.h>`): every field of the time structs is a 64-bit `long`.

use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Number, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// The two fields of a timespec or timeval at `raw[off..]`. strace shows the seconds signed
/// and `tv_nsec`/`tv_usec` unsigned (`tv_nsec=18446744073709551615` for -1).
fn pair<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, names: [&'static str; 2]) {
    sink.begin_struct();
    sink.field(names[0]);
    sink.int(raw.i64(off));
    sink.field(names[1]);
    sink.uint(raw.u64(off + 8));
    sink.end_struct(false);
}

const TIMESPEC: [&str; 2] = ["tv_sec", "tv_nsec"];
const TIMEVAL: [&str; 2] = ["tv_sec", "tv_usec"];

/// `struct timespec`: `{tv_sec=0, tv_nsec=100000000}`.
pub fn timespec<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        pair(sink, raw, 0, TIMESPEC)
    });
}

/// `struct timeval`: `{tv_sec=1, tv_usec=0}`.
pub fn timeval<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        pair(sink, raw, 0, TIMEVAL)
    });
}

/// A `struct timeval` inside a struct already read (`struct rusage`'s times).
pub fn timeval_in<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize) {
    pair(sink, raw, off, TIMEVAL);
}

/// The time left of an interrupted `nanosleep`/`clock_nanosleep`: the kernel writes it only
/// when a signal cut the sleep, so strace shows the address otherwise.
pub fn timespec_rem<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    // ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK
    // (include/linux/errno.h): strace's is_erestart.
    match outcome {
        Some(Outcome::Err(512..=514 | 516)) => timespec(sink, ctx, addr),
        _ => sink.addr(addr),
    }
}

/// `time`'s `time_t *`: `[1764290971 /* 2025-11-28T00:49:31+0000 */]`.
pub fn time_t<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 8, |sink, _, raw| {
        sink.begin_array();
        sink.datetime(raw.i64(0));
        sink.end_array();
    });
}

/// `struct tms`: four `clock_t`s, in ticks with their seconds: `{tms_utime=4 /* 0.04 s */, ...}`.
pub fn tms<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 32, |sink, _, raw| {
        sink.begin_struct();
        for (i, name) in ["tms_utime", "tms_stime", "tms_cutime", "tms_cstime"]
            .into_iter()
            .enumerate()
        {
            sink.field(name);
            sink.clock_ticks(i128::from(raw.i64(i * 8)));
        }
        sink.end_struct(false);
    });
}

/// `sigev_notify` values (`<asm-generic/siginfo.h>`) that decide which fields follow.
const SIGEV_SIGNAL: i32 = 0;
const SIGEV_THREAD: i32 = 2;
const SIGEV_THREAD_ID: i32 = 4;

/// `struct sigevent` (`<asm-generic/siginfo.h>`): `sigev_value` (8 bytes), `sigev_signo`,
/// `sigev_notify`, then a union: the thread id, or the function and attributes of
/// SIGEV_THREAD. The signal is named only for the notifications that send one, else shown
/// unsigned; the value is left out when its pointer is NULL (strace 6.1's print_sigevent).
pub fn sigevent<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 32, |sink, _, raw| {
        let signo = raw.i32(8);
        let notify = raw.i32(12);
        sink.begin_struct();
        // strace shows the value only when its pointer is set, whatever the notification.
        if raw.u64(0) != 0 {
            sink.field("sigev_value");
            sink.begin_struct();
            sink.field("sival_int");
            sink.int(i64::from(raw.i32(0)));
            sink.field("sival_ptr");
            sink.addr(raw.u64(0));
            sink.end_struct(false);
        }
        sink.field("sigev_signo");
        // A signal for the notifications that send one (SIGEV_THREAD's too, as strace),
        // else the number, unsigned.
        if matches!(notify, SIGEV_SIGNAL | SIGEV_THREAD | SIGEV_THREAD_ID) {
            sink.signal(i64::from(signo));
        } else {
            sink.uint(u64::from(signo as u32));
        }
        sink.field("sigev_notify");
        sink.enumeration(u64::from(notify as u32), &table::ENUM_SIGEV_NOTIFY);
        match notify {
            SIGEV_THREAD_ID => {
                sink.field("sigev_notify_thread_id");
                sink.int(i64::from(raw.i32(16)));
            }
            SIGEV_THREAD => {
                sink.field("sigev_notify_function");
                sink.addr(raw.u64(16));
                sink.field("sigev_notify_attributes");
                sink.addr(raw.u64(24));
            }
            _ => {}
        }
        sink.end_struct(false);
    });
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
                // The name; under `-X raw` the struct, under `-X verbose` both.
                nsec @ (UTIME_NOW | UTIME_OMIT) => {
                    sink.open(Group::Forms);
                    pair(sink, raw, off, TIMESPEC);
                    let name = if nsec == UTIME_NOW {
                        "UTIME_NOW"
                    } else {
                        "UTIME_OMIT"
                    };
                    sink.constant(name, Number::Hex(nsec));
                    sink.close();
                }
                nsec => {
                    pair(sink, raw, off, TIMESPEC);
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
            pair(sink, raw, off, TIMEVAL);
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

/// A `struct timex` field: its name, where it lies and how it prints.
enum TimexField {
    /// A `long long`, in signed decimal.
    Long(&'static str, usize),
    /// An `int`, in signed decimal.
    Int(&'static str, usize),
    /// Flags of an `unsigned int`/`int` word.
    Flags(&'static str, usize, &'static table::FlagTable),
    /// The `struct timeval`-like `time`: seconds signed, microseconds unsigned.
    Time(usize),
}

/// `struct timex` (`<linux/timex.h>`, the kernel's `__kernel_timex`: its fields are `long
/// long`s but for `modes`, `status`, `shift` and `tai`), the fields in their order.
const TIMEX: [TimexField; 20] = {
    use TimexField::*;
    use std::mem::offset_of;
    type T = libc::timex;
    [
        Flags("modes", offset_of!(T, modes), &table::FLAGS_ADJTIMEX_MODES),
        Long("offset", offset_of!(T, offset)),
        Long("freq", offset_of!(T, freq)),
        Long("maxerror", offset_of!(T, maxerror)),
        Long("esterror", offset_of!(T, esterror)),
        Flags(
            "status",
            offset_of!(T, status),
            &table::FLAGS_ADJTIMEX_STATUS,
        ),
        Long("constant", offset_of!(T, constant)),
        Long("precision", offset_of!(T, precision)),
        Long("tolerance", offset_of!(T, tolerance)),
        Time(offset_of!(T, time)),
        Long("tick", offset_of!(T, tick)),
        Long("ppsfreq", offset_of!(T, ppsfreq)),
        Long("jitter", offset_of!(T, jitter)),
        Int("shift", offset_of!(T, shift)),
        Long("stabil", offset_of!(T, stabil)),
        Long("jitcnt", offset_of!(T, jitcnt)),
        Long("calcnt", offset_of!(T, calcnt)),
        Long("errcnt", offset_of!(T, errcnt)),
        Long("stbcnt", offset_of!(T, stbcnt)),
        Int("tai", offset_of!(T, tai)),
    ]
};

/// `adjtimex`'s and `clock_adjtime`'s `struct timex`, every field, as the call left it (the
/// kernel reads it and writes it back).
pub fn timex<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let size = std::mem::size_of::<libc::timex>();
    read_struct(sink, ctx, addr, size, |sink, _, raw| {
        sink.begin_struct();
        for field in &TIMEX {
            match *field {
                TimexField::Long(name, off) => {
                    sink.field(name);
                    sink.int(raw.i64(off));
                }
                TimexField::Int(name, off) => {
                    sink.field(name);
                    sink.int(i64::from(raw.i32(off)));
                }
                TimexField::Flags(name, off, flags) => {
                    sink.field(name);
                    sink.flags(u64::from(raw.u32(off)), flags);
                }
                TimexField::Time(off) => {
                    sink.field("time");
                    pair(sink, raw, off, TIMEVAL);
                }
            }
        }
        sink.end_struct(false);
    });
}

/// Reads a `struct timespec` at `addr`: seconds and nanoseconds; `None` for NULL or memory
/// that cannot be read.
pub fn read_timespec<M: Memory>(mem: &M, addr: u64) -> Option<(i64, u64)> {
    let mut b = [0u8; 16];
    if addr == 0 || mem.read(addr, &mut b).is_err() {
        return None;
    }
    let raw = Raw(&b);
    Some((raw.i64(0), raw.u64(8)))
}

/// `recvmmsg`'s timeout, shown at exit as the call was given it (its entry saved it, as
/// strace does: the kernel writes the time left over it); NULL, or the address when it was
/// not read. Without a saved value, what the memory holds now.
pub fn mmsg_timeout<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let Some(saved) = ctx.saved.as_deref() else {
        return timespec(sink, ctx, addr);
    };
    match saved.timeout {
        Some((sec, nsec)) if addr != 0 => {
            sink.begin_struct();
            sink.field(TIMESPEC[0]);
            sink.int(sec);
            sink.field(TIMESPEC[1]);
            sink.uint(nsec);
            sink.end_struct(false);
        }
        _ => sink.addr(addr),
    }
}

/// What a successful `recvmmsg` returned: `0 (Timeout)`, or the count of messages and, for a
/// call with a timeout (fifth argument) unless `-e verbose=` leaves it out, the time left:
/// `2 (left {tv_sec=0, tv_nsec=999})`.
pub fn recvmmsg_ret<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call, v: i64) {
    const TIMEOUT: usize = 4;
    if v == 0 {
        return sink.ret_comment(0, "Timeout");
    }
    sink.ret_udecimal(v);
    let ts = call.args[TIMEOUT];
    if ctx.opts.verbose && ts != 0 {
        sink.open(super::Group::Detail);
        sink.field("left");
        timespec(sink, ctx, ts);
        sink.close();
    }
}
