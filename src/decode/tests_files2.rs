//! The waiting, time-stamp, xattr and transfer decoders against fake memory: exact lines,
//! NULL and unreadable pointers. Expected lines are what strace 6.1 prints for the same values.

use super::Outcome;
use super::tests::line;
use crate::mem::FakeMemory;

const NR_POLL: u64 = 7;
const NR_SELECT: u64 = 23;
const NR_SENDFILE: u64 = 40;
const NR_UTIME: u64 = 132;
const NR_READAHEAD: u64 = 187;
const NR_SETXATTR: u64 = 188;
const NR_GETXATTR: u64 = 191;
const NR_LISTXATTR: u64 = 194;
const NR_REMOVEXATTR: u64 = 197;
const NR_EPOLL_WAIT: u64 = 232;
const NR_EPOLL_CTL: u64 = 233;
const NR_UTIMES: u64 = 235;
const NR_PSELECT6: u64 = 270;
const NR_PPOLL: u64 = 271;
const NR_SPLICE: u64 = 275;
const NR_TEE: u64 = 276;
const NR_SYNC_FILE_RANGE: u64 = 277;
const NR_UTIMENSAT: u64 = 280;
const NR_EPOLL_PWAIT: u64 = 281;
const NR_COPY_FILE_RANGE: u64 = 326;
const NR_EPOLL_PWAIT2: u64 = 441;

const EBADF: u64 = 9;
const EFAULT: u64 = 14;
const EINVAL: u64 = 22;
const ERANGE: u64 = 34;
const ENODATA: u64 = 61;
const AT_FDCWD: u64 = -100i64 as u64;
/// An address nothing is mapped at.
const BAD: u64 = 0x9000;

fn words(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

/// `struct pollfd`s from (fd, events, revents).
fn pollfds(fds: &[(i32, u16, u16)]) -> Vec<u8> {
    let mut v = Vec::new();
    for (fd, events, revents) in fds {
        v.extend_from_slice(&fd.to_ne_bytes());
        v.extend_from_slice(&events.to_ne_bytes());
        v.extend_from_slice(&revents.to_ne_bytes());
    }
    v
}

/// Packed `struct epoll_event`s from (events, data).
fn epoll_events(evs: &[(u32, u64)]) -> Vec<u8> {
    let mut v = Vec::new();
    for (events, data) in evs {
        v.extend_from_slice(&events.to_ne_bytes());
        v.extend_from_slice(&data.to_ne_bytes());
    }
    v
}

#[test]
fn poll_entry_and_ready_descriptors() {
    let fds = pollfds(&[(3, 0x3, 0x1), (4, 0x4, 0x4), (-1, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &fds);
    assert_eq!(
        line(
            NR_POLL,
            [0x1000, 3, -1i64 as u64, 0, 0, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, -1) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])"
    );
    let quiet = pollfds(&[(4, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &quiet);
    assert_eq!(
        line(NR_POLL, [0x1000, 1, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "poll([{fd=4, events=POLLIN}], 1, 0)     = 0 (Timeout)"
    );
    // Unknown event bits, none at all, and a descriptor the kernel found invalid.
    let odd = pollfds(&[(3, 0x7fff, 0x41), (5, 0, 0), (99, 0x8000, 0x20)]);
    let mem = FakeMemory::new().with(0x1000, &odd);
    assert_eq!(
        line(NR_POLL, [0x1000, 3, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "poll([{fd=3, events=POLLIN|POLLPRI|POLLOUT|POLLERR|POLLHUP|POLLNVAL|POLLRDNORM|POLLRDBAND|POLLWRNORM|POLLWRBAND|POLLMSG|POLLREMOVE|POLLRDHUP|0x4800}, {fd=5, events=0}, {fd=99, events=POLL_BUSY_LOOP}], 3, 0) = 2 ([{fd=3, revents=POLLIN|POLLRDNORM}, {fd=99, revents=POLLNVAL}])"
    );
}

#[test]
fn poll_bad_pointers() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(NR_POLL, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "poll(NULL, 0, 0)                        = 0 (Timeout)"
    );
    assert_eq!(
        line(NR_POLL, [BAD, 1, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "poll(0x9000, 1, 0)                      = -1 EFAULT (Bad address)"
    );
    // An array running into unmapped memory: where it stops, at entry and exit.
    let fds = pollfds(&[(6, 0x4, 0x4), (3, 0x1, 0x1)]);
    let mem = FakeMemory::new().with(0x1ff0, &fds);
    assert_eq!(
        line(NR_POLL, [0x1ff0, 3, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "poll([{fd=6, events=POLLOUT}, {fd=3, events=POLLIN}, ... /* 0x2000 */], 3, 0) = 2 ([{fd=6, revents=POLLOUT}, {fd=3, revents=POLLIN}, 0x2000])"
    );
}

#[test]
fn poll_arrays_stop_at_the_string_limit() {
    let fds = pollfds(&[(6, 0x4, 0x4); 33]);
    let mem = FakeMemory::new().with(0x1000, &fds);
    let got = line(NR_POLL, [0x1000, 33, 0, 0, 0, 0], &mem, Outcome::Ok(33));
    let entry = "{fd=6, events=POLLOUT}, ".repeat(32);
    let exit = "{fd=6, revents=POLLOUT}, ".repeat(32);
    assert_eq!(got, format!("poll([{entry}...], 33, 0) = 33 ([{exit}...])"));
}

#[test]
fn ppoll_time_left_and_mask() {
    let fds = pollfds(&[(3, 0x1, 0x1)]);
    let ts = words(&[0, 999_997_777]);
    let mask = words(&[1 << 9]);
    let mem = FakeMemory::new()
        .with(0x1000, &fds)
        .with(0x2000, &ts)
        .with(0x3000, &mask);
    assert_eq!(
        line(
            NR_PPOLL,
            [0x1000, 1, 0x2000, 0x3000, 8, 0],
            &mem,
            Outcome::Ok(1)
        ),
        "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=999997777}, [USR1], 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999997777})"
    );
    assert_eq!(
        line(NR_PPOLL, [0x1000, 1, 0, 0, 8, 0], &mem, Outcome::Ok(1)),
        "ppoll([{fd=3, events=POLLIN}], 1, NULL, NULL, 8) = 1 ([{fd=3, revents=POLLIN}])"
    );
    assert_eq!(
        line(
            NR_PPOLL,
            [0x1000, 1, 0x2000, 0x3000, 4, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=999997777}, 0x3000, 4) = -1 EINVAL (Invalid argument)"
    );
    // Nothing ready in memory (it changed under the call): only the time left; and an
    // unreadable time.
    let none = pollfds(&[(3, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &none).with(0x2000, &ts);
    assert_eq!(
        line(NR_PPOLL, [0x1000, 1, 0x2000, 0, 8, 0], &mem, Outcome::Ok(1)),
        "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=999997777}, NULL, 8) = 1 (left {tv_sec=0, tv_nsec=999997777})"
    );
    assert_eq!(
        line(NR_PPOLL, [0x1000, 1, BAD, 0, 8, 0], &mem, Outcome::Ok(1)),
        "ppoll([{fd=3, events=POLLIN}], 1, 0x9000, NULL, 8) = 1 (left 0x9000)"
    );
}

#[test]
fn select_sets_and_time_left() {
    let r = words(&[0b11000]);
    let w = words(&[0b10000]);
    let tv = words(&[1, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &r)
        .with(0x2000, &w)
        .with(0x3000, &tv);
    assert_eq!(
        line(
            NR_SELECT,
            [5, 0x1000, 0x2000, 0, 0x3000, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "select(5, [3 4], [4], NULL, {tv_sec=1, tv_usec=0}) = 2 (in [3 4], left {tv_sec=1, tv_usec=0})"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [5, 0x1000, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "select(5, [3 4], [4], NULL, NULL)       = 3 (in [3 4], out [4])"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [4, 0x1000, 0, 0, 0x3000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "select(4, [3], NULL, NULL, {tv_sec=1, tv_usec=0}) = 0 (Timeout)"
    );
    // No descriptors: the sets are not read; a negative count counts as none.
    assert_eq!(
        line(
            NR_SELECT,
            [0, 0x1000, 0, 0, 0x3000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "select(0, 0x1000, NULL, NULL, {tv_sec=1, tv_usec=0}) = 0 (Timeout)"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [-1i64 as u64, 0, 0, 0, 0x3000, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "select(-1, NULL, NULL, NULL, {tv_sec=1, tv_usec=0}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [5, BAD, 0, 0, BAD, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "select(5, 0x9000, NULL, NULL, 0x9000)   = -1 EFAULT (Bad address)"
    );
    // The sets were emptied under the call: the count alone, with empty details.
    let empty = words(&[0]);
    let mem = FakeMemory::new().with(0x1000, &empty);
    assert_eq!(
        line(NR_SELECT, [5, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "select(5, [], NULL, NULL, NULL)         = 2 ()"
    );
}

#[test]
fn pselect6_sigmask_pair() {
    let r = words(&[0b1000]);
    let ts = words(&[2, 5]);
    let mask = words(&[1 << 9]);
    let pair = words(&[0x4000, 8]);
    let null_pair = words(&[0, 8]);
    let mem = FakeMemory::new()
        .with(0x1000, &r)
        .with(0x2000, &ts)
        .with(0x3000, &pair)
        .with(0x4000, &mask)
        .with(0x5000, &null_pair);
    assert_eq!(
        line(
            NR_PSELECT6,
            [5, 0x1000, 0, 0, 0x2000, 0x3000],
            &mem,
            Outcome::Ok(1)
        ),
        "pselect6(5, [3], NULL, NULL, {tv_sec=2, tv_nsec=5}, {sigmask=[USR1], sigsetsize=8}) = 1 (in [3], left {tv_sec=2, tv_nsec=5})"
    );
    assert_eq!(
        line(
            NR_PSELECT6,
            [5, 0x1000, 0, 0, 0x2000, 0x5000],
            &mem,
            Outcome::Ok(0)
        ),
        "pselect6(5, [3], NULL, NULL, {tv_sec=2, tv_nsec=5}, {sigmask=NULL, sigsetsize=8}) = 0 (Timeout)"
    );
    assert_eq!(
        line(
            NR_PSELECT6,
            [5, 0x1000, 0, 0, 0, BAD],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "pselect6(5, [3], NULL, NULL, NULL, 0x9000) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_PSELECT6, [5, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(1)),
        "pselect6(5, [3], NULL, NULL, NULL, NULL) = 1 (in [3])"
    );
}

#[test]
fn epoll_ctl_event() {
    let ev = epoll_events(&[(0x8000_0001, 0x1_0000_0004)]);
    let odd = epoll_events(&[(0x7000_3405 | 0x1000, 4)]);
    let mem = FakeMemory::new().with(0x1000, &ev).with(0x2000, &odd);
    assert_eq!(
        line(NR_EPOLL_CTL, [5, 1, 3, 0x1000, 0, 0], &mem, Outcome::Ok(0)),
        "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=4, u64=4294967300}}) = 0"
    );
    assert_eq!(
        line(
            NR_EPOLL_CTL,
            [5, 3, 4, 0x2000, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "epoll_ctl(5, EPOLL_CTL_MOD, 4, {events=EPOLLIN|EPOLLOUT|EPOLLMSG|EPOLLRDHUP|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|0x1000, data={u32=4, u64=4}}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_EPOLL_CTL, [5, 2, 4, 0x1000, 0, 0], &mem, Outcome::Ok(0)),
        "epoll_ctl(5, EPOLL_CTL_DEL, 4, 0x1000)  = 0"
    );
    assert_eq!(
        line(NR_EPOLL_CTL, [5, 9, 4, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "epoll_ctl(5, 0x9 /* EPOLL_CTL_??? */, 4, NULL) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_EPOLL_CTL,
            [5, 1, 4, BAD, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "epoll_ctl(5, EPOLL_CTL_ADD, 4, 0x9000)  = -1 EFAULT (Bad address)"
    );
}

#[test]
fn epoll_wait_events() {
    let evs = epoll_events(&[(1, 4), (4, 7)]);
    let mask = words(&[1 << 9]);
    let ts = words(&[0, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &evs)
        .with(0x2000, &mask)
        .with(0x3000, &ts);
    assert_eq!(
        line(
            NR_EPOLL_WAIT,
            [5, 0x1000, 4, -1i64 as u64, 0, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "epoll_wait(5, [{events=EPOLLIN, data={u32=4, u64=4}}, {events=EPOLLOUT, data={u32=7, u64=7}}], 4, -1) = 2"
    );
    assert_eq!(
        line(NR_EPOLL_WAIT, [5, 0x1000, 4, 0, 0, 0], &mem, Outcome::Ok(0)),
        "epoll_wait(5, [], 4, 0)                 = 0"
    );
    assert_eq!(
        line(
            NR_EPOLL_WAIT,
            [5, 0, 4, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "epoll_wait(5, NULL, 4, 0)               = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_EPOLL_WAIT,
            [99, 0x1000, 4, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "epoll_wait(99, 0x1000, 4, 0)            = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_EPOLL_WAIT, [5, BAD, 4, 0, 0, 0], &mem, Outcome::Ok(1)),
        "epoll_wait(5, 0x9000, 4, 0)             = 1"
    );
    assert_eq!(
        line(
            NR_EPOLL_PWAIT,
            [5, 0x1000, 4, 0, 0x2000, 8],
            &mem,
            Outcome::Ok(1)
        ),
        "epoll_pwait(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, 0, [USR1], 8) = 1"
    );
    assert_eq!(
        line(
            NR_EPOLL_PWAIT2,
            [5, 0x1000, 4, 0x3000, 0, 8],
            &mem,
            Outcome::Ok(1)
        ),
        "epoll_pwait2(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, {tv_sec=0, tv_nsec=0}, NULL, 8) = 1"
    );
    // The array running into unmapped memory.
    let mem = FakeMemory::new().with(0x1ff4, &epoll_events(&[(1, 4)]));
    assert_eq!(
        line(NR_EPOLL_WAIT, [5, 0x1ff4, 4, 0, 0, 0], &mem, Outcome::Ok(2)),
        "epoll_wait(5, [{events=EPOLLIN, data={u32=4, u64=4}}, ... /* 0x2000 */], 4, 0) = 2"
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
fn xattr_values_and_lists() {
    let mem = FakeMemory::new()
        .with(0x1000, b"x\0")
        .with(0x2000, b"user.foo\0")
        .with(0x3000, b"bar\0baz\0")
        .with(0x4000, b"0123456789012345678901234567890123456789")
        .with(0x5000, b"user.a\0user.b\0");
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x3000, 7, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setxattr(\"x\", \"user.foo\", \"bar\\0baz\", 7, 0) = 0"
    );
    // A final NUL is left out; more than -s bytes are cut.
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x3000, 8, 3, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "setxattr(\"x\", \"user.foo\", \"bar\\0baz\", 8, XATTR_CREATE|XATTR_REPLACE) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x4000, 40, 4, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setxattr(\"x\", \"user.foo\", \"01234567890123456789012345678901\"..., 40, 0x4 /* XATTR_??? */) = 0"
    );
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x3000, 65537, 0, 0],
            &mem,
            Outcome::Err(ERANGE)
        ),
        "setxattr(\"x\", \"user.foo\", 0x3000, 65537, 0) = -1 ERANGE (Numerical result out of range)"
    );
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setxattr(\"x\", \"user.foo\", NULL, 0, 0)   = 0"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, 0x2000, 0x3000, 255, 0, 0],
            &mem,
            Outcome::Ok(7)
        ),
        "getxattr(\"x\", \"user.foo\", \"bar\\0baz\", 255) = 7"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, 0x2000, 0x3000, 255, 0, 0],
            &mem,
            Outcome::Err(ENODATA)
        ),
        "getxattr(\"x\", \"user.foo\", 0x3000, 255)  = -1 ENODATA (No data available)"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(7)
        ),
        "getxattr(\"x\", \"user.foo\", NULL, 0)      = 7"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, BAD, BAD, 255, 0, 0],
            &mem,
            Outcome::Ok(7)
        ),
        "getxattr(\"x\", 0x9000, 0x9000, 255)      = 7"
    );
    assert_eq!(
        line(
            NR_LISTXATTR,
            [0x1000, 0x5000, 300, 0, 0, 0],
            &mem,
            Outcome::Ok(14)
        ),
        "listxattr(\"x\", \"user.a\\0user.b\\0\", 300) = 14"
    );
    // A zero size only measures the list: the buffer is not read.
    assert_eq!(
        line(
            NR_LISTXATTR,
            [0x1000, 0x5000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(14)
        ),
        "listxattr(\"x\", 0x5000, 0)               = 14"
    );
    assert_eq!(
        line(NR_LISTXATTR, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(14)),
        "listxattr(\"x\", NULL, 0)                 = 14"
    );
    assert_eq!(
        line(
            NR_LISTXATTR,
            [0x1000, 0x5000, 2, 0, 0, 0],
            &mem,
            Outcome::Err(ERANGE)
        ),
        "listxattr(\"x\", 0x5000, 2)               = -1 ERANGE (Numerical result out of range)"
    );
    assert_eq!(
        line(
            NR_REMOVEXATTR,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENODATA)
        ),
        "removexattr(\"x\", \"user.foo\")            = -1 ENODATA (No data available)"
    );
}

#[test]
fn sendfile_offset_update() {
    let off = words(&[7]);
    let mem = FakeMemory::new().with(0x1000, &off);
    assert_eq!(
        line(NR_SENDFILE, [4, 3, 0x1000, 5, 0, 0], &mem, Outcome::Ok(5)),
        "sendfile(4, 3, [7] => [7], 5)           = 5"
    );
    assert_eq!(
        line(NR_SENDFILE, [4, 3, 0x1000, 5, 0, 0], &mem, Outcome::Ok(0)),
        "sendfile(4, 3, [7], 5)                  = 0"
    );
    assert_eq!(
        line(
            NR_SENDFILE,
            [99, 3, 0x1000, 5, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "sendfile(99, 3, [7], 5)                 = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_SENDFILE, [1, 3, 0, 4096, 0, 0], &mem, Outcome::Ok(100)),
        "sendfile(1, 3, NULL, 4096)              = 100"
    );
    assert_eq!(
        line(
            NR_SENDFILE,
            [4, 3, BAD, 5, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "sendfile(4, 3, 0x9000, 5)               = -1 EFAULT (Bad address)"
    );
}

#[test]
fn transfer_calls() {
    let offs = words(&[3, -1i64 as u64]);
    let mem = FakeMemory::new().with(0x1000, &offs);
    assert_eq!(
        line(
            NR_COPY_FILE_RANGE,
            [3, 0x1000, 4, 0x1008, 4, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "copy_file_range(3, [3], 4, [-1], 4, 0)  = 4"
    );
    assert_eq!(
        line(
            NR_COPY_FILE_RANGE,
            [3, 0, 4, BAD, 4, 5],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "copy_file_range(3, NULL, 4, 0x9000, 4, 5) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_SPLICE, [3, 0x1000, 6, 0, 3, 5], &mem, Outcome::Ok(3)),
        "splice(3, [3], 6, NULL, 3, SPLICE_F_MOVE|SPLICE_F_MORE) = 3"
    );
    assert_eq!(
        line(NR_SPLICE, [5, 0, 4, 0, 3, 0x10], &mem, Outcome::Err(EINVAL)),
        "splice(5, NULL, 4, NULL, 3, 0x10 /* SPLICE_F_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_TEE, [5, 8, 10, 0x1a, 0, 0], &mem, Outcome::Err(EINVAL)),
        "tee(5, 8, 10, SPLICE_F_NONBLOCK|SPLICE_F_GIFT|0x10) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SYNC_FILE_RANGE,
            [3, -1i64 as u64, 100, 7, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "sync_file_range(3, -1, 100, SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE|SYNC_FILE_RANGE_WAIT_AFTER) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SYNC_FILE_RANGE,
            [3, 0, 0, 8, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "sync_file_range(3, 0, 0, 0x8 /* SYNC_FILE_RANGE_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_READAHEAD, [3, 0, 4096, 0, 0, 0], &mem, Outcome::Ok(0)),
        "readahead(3, 0, 4096)                   = 0"
    );
}
