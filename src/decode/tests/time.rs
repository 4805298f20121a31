//! Time values (`decode/time.rs`): sleeps, clocks, timers, `times` and the file time stamps.

use super::*;

/// <linux/errno.h>: what the tracer sees of a sleep a signal cut.
const ERESTART_RESTARTBLOCK: u64 = 516;

#[test]
fn nanosleep_and_clocks() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0, 100_000_000]))
        .with(0x2000, &words(&[1, 5]));
    assert_eq!(
        line(NR_NANOSLEEP, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "nanosleep({tv_sec=0, tv_nsec=100000000}, NULL) = 0"
    );
    // The time left shows only after an interruption; otherwise its address.
    assert_eq!(
        line(
            NR_NANOSLEEP,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "nanosleep({tv_sec=0, tv_nsec=100000000}, 0x2000) = 0"
    );
    assert_eq!(
        line(
            NR_NANOSLEEP,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ERESTART_RESTARTBLOCK)
        ),
        "nanosleep({tv_sec=0, tv_nsec=100000000}, {tv_sec=1, tv_nsec=5}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)"
    );
    // Only a restart error is an interrupted sleep (strace's is_erestart).
    assert_eq!(
        line(
            NR_NANOSLEEP,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINTR)
        ),
        "nanosleep({tv_sec=0, tv_nsec=100000000}, 0x2000) = -1 EINTR (Interrupted system call)"
    );
    // clock_settime: the clock by its low 32 bits, as the kernel reads an int.
    assert_eq!(
        line(
            NR_CLOCK_SETTIME,
            [0xdefaced00000001, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "clock_settime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=5}) = -1 EINVAL (Invalid argument)"
    );
    // clock_nanosleep's is shown only for a relative sleep (flags 0).
    for (flags, rem) in [(0, "{tv_sec=1, tv_nsec=5}"), (1, "0x2000")] {
        let abs = if flags == 0 { "0" } else { "TIMER_ABSTIME" };
        assert_eq!(
            line(
                NR_CLOCK_NANOSLEEP,
                [1, flags, 0x1000, 0x2000, 0, 0],
                &mem,
                Outcome::Err(ERESTART_RESTARTBLOCK)
            ),
            format!(
                "clock_nanosleep(CLOCK_MONOTONIC, {abs}, {{tv_sec=0, tv_nsec=100000000}}, {rem}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)"
            )
        );
    }
    assert_eq!(
        line(NR_NANOSLEEP, [0, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "nanosleep(NULL, NULL)                   = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_NANOSLEEP,
            [0x9000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "nanosleep(0x9000, NULL)                 = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_CLOCK_NANOSLEEP,
            [1, 1, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1, tv_nsec=5}, NULL) = 0"
    );
    assert_eq!(
        line(
            NR_CLOCK_GETTIME,
            [7, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "clock_gettime(CLOCK_BOOTTIME, {tv_sec=1, tv_nsec=5}) = 0"
    );
    // CPU clocks of other processes are not named by strace 6.1; a failed call shows the address.
    assert_eq!(
        line(
            NR_CLOCK_GETTIME,
            [-6i64 as u64, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "clock_gettime(0xfffffffa /* CLOCK_??? */, 0x2000) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn gettimeofday_time_times() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[1795829371, 362423]))
        .with(0x2000, &ints(&[-60, 1]))
        .with(0x3000, &words(&[1795829371]))
        .with(0x4000, &words(&[1, 2, 3, 4]))
        .with(0x5000, &words(&[0, 250, 0, 0]));
    assert_eq!(
        line(
            NR_GETTIMEOFDAY,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "gettimeofday({tv_sec=1795829371, tv_usec=362423}, {tz_minuteswest=-60, tz_dsttime=1}) = 0"
    );
    assert_eq!(
        line(NR_TIME, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(1795829371)),
        "time(NULL)                              = 1795829371 (2026-11-28T01:29:31+0000)"
    );
    assert_eq!(
        line(
            NR_TIME,
            [0x3000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(1795829371)
        ),
        "time([1795829371 /* 2026-11-28T01:29:31+0000 */]) = 1795829371 (2026-11-28T01:29:31+0000)"
    );
    assert_eq!(
        line(NR_TIME, [0x9000, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "time(0x9000)                            = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_TIMES,
            [0x4000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(1718112233)
        ),
        "times({tms_utime=1 /* 0.01 s */, tms_stime=2 /* 0.02 s */, tms_cutime=3 /* 0.03 s */, tms_cstime=4 /* 0.04 s */}) = 1718112233"
    );
    assert_eq!(
        line(NR_TIMES, [0x5000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(7)),
        "times({tms_utime=0, tms_stime=250 /* 2.50 s */, tms_cutime=0, tms_cstime=0}) = 7"
    );
}

#[test]
fn timers() {
    // sigevent: value, signo, notify, then the thread id.
    let mut sev = words(&[0x1234]);
    sev.extend(ints(&[10, 4, 77, 0]));
    let mut none = words(&[0]);
    none.extend(ints(&[10, 1, 0, 0]));
    let mut thread = words(&[0]);
    thread.extend(ints(&[0, 2]));
    thread.extend(words(&[0x5000, 0]));
    let mem = FakeMemory::new()
        .with(0x1000, &sev)
        .with(0x2000, &none)
        .with(0x3000, &thread)
        .with(0x4000, &ints(&[3]))
        .with(0x6000, &words(&[1, 0, 2, 500]));
    assert_eq!(
        line(
            NR_TIMER_CREATE,
            [0, 0x1000, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=77}, [3]) = 0"
    );
    assert_eq!(
        line(
            NR_TIMER_CREATE,
            [1, 0x2000, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "timer_create(CLOCK_MONOTONIC, {sigev_signo=10, sigev_notify=SIGEV_NONE}, [3]) = 0"
    );
    assert_eq!(
        line(
            NR_TIMER_CREATE,
            [1, 0x3000, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "timer_create(CLOCK_MONOTONIC, {sigev_signo=0, sigev_notify=SIGEV_THREAD, sigev_notify_function=0x5000, sigev_notify_attributes=NULL}, [3]) = 0"
    );
    assert_eq!(
        line(
            NR_TIMER_CREATE,
            [0, 0x9000, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "timer_create(CLOCK_REALTIME, 0x9000, 0x4000) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_TIMER_SETTIME,
            [0, 1, 0x6000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "timer_settime(0, TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=500}}, NULL) = 0"
    );
    assert_eq!(
        line(
            NR_SETITIMER,
            [0, 0x6000, 0x9000, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "setitimer(ITIMER_REAL, {it_interval={tv_sec=1, tv_usec=0}, it_value={tv_sec=2, tv_usec=500}}, 0x9000) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_GETITIMER,
            [5, 0x6000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "getitimer(0x5 /* ITIMER_??? */, 0x6000) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_TIMERFD_CREATE,
            [1, 0o2004000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3"
    );
}

#[test]
fn utimensat_times() {
    const NOW: u64 = (1 << 30) - 1;
    const OMIT: u64 = (1 << 30) - 2;
    let now = words(&[0, 0, 0, NOW]);
    let dated = words(&[1_600_000_000, 123, 1, OMIT]);
    let odd = words(&[0, 1, -1i64 as u64, 1_000_000_000]);
    let neg = words(&[1_600_000_000, 0, -1i64 as u64, -1i64 as u64]);
    let mem = FakeMemory::new()
        .with(0x1000, b"x\0")
        .with(0x2000, &now)
        .with(0x3000, &dated)
        .with(0x4000, &odd)
        .with(0x5000, &neg);
    assert_eq!(
        line(
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "utimensat(AT_FDCWD, \"x\", NULL, 0)       = 0"
    );
    assert_eq!(
        line(
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "utimensat(AT_FDCWD, \"x\", [{tv_sec=0, tv_nsec=0}, UTIME_NOW], 0) = 0"
    );
    // UTIME_NOW and UTIME_OMIT are names standing for a struct: `-X raw` shows the struct,
    // `-X verbose` both.
    assert_eq!(
        line_styled(
            crate::output::ConstStyle::Raw,
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "utimensat(-100, \"x\", [{tv_sec=0, tv_nsec=0}, {tv_sec=0, tv_nsec=1073741823}], 0) = 0"
    );
    assert_eq!(
        line_styled(
            crate::output::ConstStyle::Verbose,
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "utimensat(-100 /* AT_FDCWD */, \"x\", [{tv_sec=0, tv_nsec=0}, {tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */], 0) = 0"
    );
    assert_eq!(
        line(
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, 0x3000, 0x100, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "utimensat(AT_FDCWD, \"x\", [{tv_sec=1600000000, tv_nsec=123} /* 2020-09-13T12:26:40.000000123+0000 */, UTIME_OMIT], AT_SYMLINK_NOFOLLOW) = 0"
    );
    assert_eq!(
        line(
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, 0x4000, 0x1108, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "utimensat(AT_FDCWD, \"x\", [{tv_sec=0, tv_nsec=1} /* 1970-01-01T00:00:00.000000001+0000 */, {tv_sec=-1, tv_nsec=1000000000}], AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|0x8) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_UTIMENSAT,
            [3, 0, 0x5000, 8, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "utimensat(3, NULL, [{tv_sec=1600000000, tv_nsec=0} /* 2020-09-13T12:26:40+0000 */, {tv_sec=-1, tv_nsec=18446744073709551615}], 0x8 /* AT_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_UTIMENSAT,
            [AT_FDCWD, 0x1000, BAD, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "utimensat(AT_FDCWD, \"x\", 0x9000, 0)     = -1 EFAULT (Bad address)"
    );
}

#[test]
fn utimes_and_utime_dates() {
    let tv = words(&[1_600_000_000, 5, 0, 2_000_000]);
    let buf = words(&[-62_135_596_801i64 as u64, 253_402_300_800]);
    let huge = words(&[67_767_976_233_532_799, i64::MAX as u64]);
    let mem = FakeMemory::new()
        .with(0x1000, b"x\0")
        .with(0x2000, &tv)
        .with(0x3000, &buf)
        .with(0x4000, &huge);
    assert_eq!(
        line(
            NR_UTIMES,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "utimes(\"x\", [{tv_sec=1600000000, tv_usec=5} /* 2020-09-13T12:26:40.000005+0000 */, {tv_sec=0, tv_usec=2000000}]) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_UTIMES, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "utimes(\"x\", NULL)                       = 0"
    );
    assert_eq!(
        line(
            NR_UTIMES,
            [0x1000, BAD, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "utimes(\"x\", 0x9000)                     = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_UTIME, [0x1000, 0x3000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "utime(\"x\", {actime=-62135596801 /* 0-12-31T23:59:59+0000 */, modtime=253402300800 /* 10000-01-01T00:00:00+0000 */}) = 0"
    );
    assert_eq!(
        line(NR_UTIME, [0x1000, 0x4000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "utime(\"x\", {actime=67767976233532799 /* 2147483647-12-31T23:59:59+0000 */, modtime=9223372036854775807}) = 0"
    );
    assert_eq!(
        line(
            NR_UTIME,
            [0x1000, BAD, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "utime(\"x\", 0x9000)                      = -1 EFAULT (Bad address)"
    );
}

#[test]
fn timerfd_flags_one_table() {
    // timerfd_create names the settime bits too, as strace's one table does.
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_TIMERFD_CREATE,
            [0x5d5f, 0xa3, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "timerfd_create(0x5d5f /* CLOCK_??? */, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET|0xa0) = -1 EINVAL (Invalid argument)"
    );
}

/// `settimeofday`'s timeval and timezone, `adjtimex`'s and `clock_adjtime`'s `struct
/// timex` (at exit, its address when the call failed) and the clock state they return.
#[test]
fn settimeofday_and_adjtimex() {
    const NR_SETTIMEOFDAY: u64 = 164;
    const NR_ADJTIMEX: u64 = 159;
    const NR_CLOCK_ADJTIME: u64 = 305;
    let mut tx = vec![0u8; std::mem::size_of::<libc::timex>()];
    let at = |field: usize, v: i64, tx: &mut Vec<u8>| put(tx, field, v.to_ne_bytes());
    put(
        &mut tx,
        offset_of!(libc::timex, modes),
        0xa001u32.to_ne_bytes(),
    );
    at(offset_of!(libc::timex, maxerror), 16000000, &mut tx);
    put(
        &mut tx,
        offset_of!(libc::timex, status),
        0x40u32.to_ne_bytes(),
    );
    at(offset_of!(libc::timex, constant), 2, &mut tx);
    at(offset_of!(libc::timex, time), 1600000000, &mut tx);
    at(offset_of!(libc::timex, time) + 8, -1, &mut tx);
    at(offset_of!(libc::timex, tick), 10000, &mut tx);
    put(&mut tx, offset_of!(libc::timex, tai), (-3i32).to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &tx)
        .with(0x2000, &words(&[u64::MAX, 1000000]))
        .with(0x3000, &ints(&[-60, 0]));
    let timex = "{modes=ADJ_OFFSET_SS_READ, offset=0, freq=0, maxerror=16000000, esterror=0, status=STA_UNSYNC, constant=2, precision=0, tolerance=0, time={tv_sec=1600000000, tv_usec=18446744073709551615}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=-3}";
    assert_eq!(
        line(NR_ADJTIMEX, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(5)),
        format!("adjtimex({timex}) = 5 (TIME_ERROR)")
    );
    assert_eq!(
        line(NR_ADJTIMEX, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(7)),
        format!("adjtimex({timex}) = 7")
    );
    assert_eq!(
        line(
            NR_ADJTIMEX,
            [0x1000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "adjtimex(0x1000)                        = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_ADJTIMEX, [0, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "adjtimex(NULL)                          = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_CLOCK_ADJTIME,
            [0, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!("clock_adjtime(CLOCK_REALTIME, {timex}) = 0 (TIME_OK)")
    );
    assert_eq!(
        line(
            NR_CLOCK_ADJTIME,
            [1, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "clock_adjtime(CLOCK_MONOTONIC, NULL)    = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_SETTIMEOFDAY,
            [0x2000, 0x3000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "settimeofday({tv_sec=-1, tv_usec=1000000}, {tz_minuteswest=-60, tz_dsttime=0}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SETTIMEOFDAY,
            [0, BAD, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "settimeofday(NULL, 0x9000)              = -1 EFAULT (Bad address)"
    );
}
