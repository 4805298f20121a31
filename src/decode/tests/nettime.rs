//! Time, socket and memory printers on fake memory. Expected lines are strace 6.1's.

use super::*;

const NR_NANOSLEEP: u64 = 35;
const NR_GETITIMER: u64 = 36;
const NR_SETITIMER: u64 = 38;
const NR_SOCKET: u64 = 41;
const NR_CONNECT: u64 = 42;
const NR_ACCEPT: u64 = 43;
const NR_SENDMSG: u64 = 46;
const NR_RECVMSG: u64 = 47;
const NR_SOCKETPAIR: u64 = 53;
const NR_SETSOCKOPT: u64 = 54;
const NR_GETSOCKOPT: u64 = 55;
const NR_MREMAP: u64 = 25;
const NR_MINCORE: u64 = 27;
const NR_MADVISE: u64 = 28;
const NR_GETTIMEOFDAY: u64 = 96;
const NR_TIMES: u64 = 100;
const NR_TIME: u64 = 201;
const NR_TIMER_CREATE: u64 = 222;
const NR_TIMER_SETTIME: u64 = 223;
const NR_CLOCK_GETTIME: u64 = 228;
const NR_CLOCK_NANOSLEEP: u64 = 230;
const NR_TIMERFD_CREATE: u64 = 283;
const NR_RECVMMSG: u64 = 299;
const NR_SENDMMSG: u64 = 307;
const NR_MEMBARRIER: u64 = 324;

const EINTR: u64 = 4;
const EAGAIN: u64 = 11;

/// Little-endian bytes of 64-bit words.
fn words(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

fn ints(is: &[i32]) -> Vec<u8> {
    is.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

/// A line whose exit sees memory `after` (the kernel wrote to it) and entry `before`.
fn line_changed(
    nr: u64,
    args: [u64; 6],
    before: &FakeMemory,
    after: &FakeMemory,
    r: Outcome,
) -> String {
    let shared = Shared::default();
    let mut out = test_output(&shared);
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    out.bytes(call.desc.map_or("?", |d| d.name).as_bytes());
    out.bytes(b"(");
    let mut ctx = Ctx::for_test(before, &mut scratch);
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    let mut ctx = Ctx::for_test(after, &mut scratch);
    exit(&mut Text::new(&mut out), &mut ctx, &call, r);
    out.finish();
    String::from_utf8(shared.0.borrow().clone()).unwrap()
}

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
            Outcome::Err(EINTR)
        ),
        "nanosleep({tv_sec=0, tv_nsec=100000000}, {tv_sec=1, tv_nsec=5}) = -1 EINTR (Interrupted system call)"
    );
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
        "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=0, sival_ptr=NULL}, sigev_signo=10, sigev_notify=SIGEV_NONE}, [3]) = 0"
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
fn sockets_types_and_protocols() {
    let mem = FakeMemory::new().with(0x1000, &ints(&[3, 4]));
    let cases: [([u64; 3], &str); 7] = [
        (
            [2, 0o2000001, 0],
            "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3",
        ),
        (
            [10, 2 | 0o4000, 17],
            "socket(AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP) = 3",
        ),
        (
            [16, 3, 0],
            "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
        ),
        (
            [17, 3, 0x0300],
            "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 3",
        ),
        (
            [2, 0x63, 0x1234],
            "socket(AF_INET, SOCK_RAW|0x60 /* SOCK_??? */, 0x1234 /* IPPROTO_??? */) = 3",
        ),
        (
            [2, 0x80007, 0],
            "socket(AF_INET, SOCK_CLOEXEC|0x7, IPPROTO_IP) = 3",
        ),
        ([99, 1, 5], "socket(0x63 /* AF_??? */, SOCK_STREAM, 5) = 3"),
    ];
    for (a, want) in cases {
        assert_eq!(
            line(NR_SOCKET, [a[0], a[1], a[2], 0, 0, 0], &mem, Outcome::Ok(3)),
            want
        );
    }
    assert_eq!(
        line(NR_SOCKETPAIR, [1, 2, 0, 0x1000, 0, 0], &mem, Outcome::Ok(0)),
        "socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4]) = 0"
    );
    assert_eq!(
        line(
            NR_SOCKETPAIR,
            [1, 2, 0, 0x9000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "socketpair(AF_UNIX, SOCK_DGRAM, 0, 0x9000) = -1 EFAULT (Bad address)"
    );
}

#[test]
fn socket_addresses() {
    let mut inet = vec![2, 0, 0, 80, 127, 0, 0, 1];
    inet.resize(16, 0);
    let mut inet6 = vec![10, 0, 0, 53, 0, 0, 0, 0];
    inet6.extend([0u8; 15]);
    inet6.push(1);
    inet6.extend([0u8; 4]);
    let mut unix = vec![1, 0];
    unix.extend(b"/tmp/x\0");
    let mut abs = vec![1, 0, 0];
    abs.extend(b"abs");
    let mut nl = vec![16, 0, 0, 0];
    nl.extend(ints(&[0, 5]));
    let mut odd = vec![200, 0];
    odd.extend([0u8; 14]);
    let mem = FakeMemory::new()
        .with(0x1000, &inet)
        .with(0x2000, &inet6)
        .with(0x3000, &unix)
        .with(0x4000, &abs)
        .with(0x5000, &nl)
        .with(0x6000, &odd);
    let cases: [(u64, u64, &str); 9] = [
        (
            0x1000,
            16,
            r#"connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
        ),
        (
            0x2000,
            28,
            r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#,
        ),
        (
            0x3000,
            110,
            r#"connect(3, {sa_family=AF_UNIX, sun_path="/tmp/x"}, 110) = 0"#,
        ),
        (
            0x4000,
            6,
            r#"connect(3, {sa_family=AF_UNIX, sun_path=@"abs"}, 6) = 0"#,
        ),
        (
            0x5000,
            12,
            r#"connect(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000005}, 12) = 0"#,
        ),
        (
            0x6000,
            16,
            r#"connect(3, {sa_family=0xc8 /* AF_??? */, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = 0"#,
        ),
        (0x1000, 2, r#"connect(3, {sa_family=AF_INET}, 2)      = 0"#),
        (0x1000, 1, r#"connect(3, 0x1000, 1)                   = 0"#),
        (0x9000, 16, r#"connect(3, 0x9000, 16)                  = 0"#),
    ];
    for (addr, len, want) in cases {
        assert_eq!(
            line(NR_CONNECT, [3, addr, len, 0, 0, 0], &mem, Outcome::Ok(0)),
            want
        );
    }
    assert_eq!(
        line(NR_CONNECT, [3, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "connect(3, NULL, 0)                     = 0"
    );
}

#[test]
fn accept_shows_the_length_in_and_out() {
    let mut inet = vec![2, 0, 0, 80, 127, 0, 0, 1];
    inet.resize(16, 0);
    let before = FakeMemory::new()
        .with(0x1000, &[0; 16])
        .with(0x2000, &ints(&[128]));
    let after = FakeMemory::new()
        .with(0x1000, &inet)
        .with(0x2000, &ints(&[16]));
    assert_eq!(
        line_changed(
            NR_ACCEPT,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(4)
        ),
        r#"accept(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 4"#
    );
    assert_eq!(
        line_changed(
            NR_ACCEPT,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &after,
            &after,
            Outcome::Ok(4)
        ),
        r#"accept(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, [16]) = 4"#
    );
    assert_eq!(
        line(
            NR_ACCEPT,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &after,
            Outcome::Err(EAGAIN)
        ),
        "accept(3, 0x1000, [16])                 = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(NR_ACCEPT, [3, 0, 0, 0, 0, 0], &after, Outcome::Err(EAGAIN)),
        "accept(3, NULL, NULL)                   = -1 EAGAIN (Resource temporarily unavailable)"
    );
}

#[test]
fn socket_options() {
    let mem = FakeMemory::new()
        .with(0x1000, &ints(&[1]))
        .with(0x2000, &ints(&[4]));
    let cases: [([u64; 5], &str); 6] = [
        (
            [4, 1, 2, 0x1000, 4],
            "setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
        ),
        (
            [4, 6, 1, 0x1000, 4],
            "setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0",
        ),
        (
            [4, 41, 26, 0x1000, 8],
            "setsockopt(4, SOL_IPV6, IPV6_V6ONLY, [1], 8) = 0",
        ),
        (
            [4, 1, 999, 0x1000, 3],
            "setsockopt(4, SOL_SOCKET, 0x3e7 /* SO_??? */, 0x1000, 3) = 0",
        ),
        (
            [4, 999, 1, 0x1000, 4],
            "setsockopt(4, 0x3e7 /* SOL_?? */, 1, [1], 4) = 0",
        ),
        (
            [4, 0, 1, 0x9000, 4],
            "setsockopt(4, SOL_IP, IP_TOS, 0x9000, 4) = 0",
        ),
    ];
    for (a, want) in cases {
        assert_eq!(
            line(
                NR_SETSOCKOPT,
                [a[0], a[1], a[2], a[3], a[4], 0],
                &mem,
                Outcome::Ok(0)
            ),
            want
        );
    }
    assert_eq!(
        line(
            NR_GETSOCKOPT,
            [4, 1, 3, 0x1000, 0x2000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getsockopt(4, SOL_SOCKET, SO_TYPE, [1], [4]) = 0"
    );
    assert_eq!(
        line(
            NR_GETSOCKOPT,
            [4, 1, 3, 0x1000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "getsockopt(4, SOL_SOCKET, SO_TYPE, 0x1000, NULL) = -1 EFAULT (Bad address)"
    );
}

/// A `struct msghdr` with no name and `iovlen` iovecs at `iov`.
fn msghdr(iov: u64, iovlen: u64, flags: u64) -> Vec<u8> {
    words(&[0, 0, iov, iovlen, 0, 0, flags])
}

#[test]
fn messages() {
    let mem = FakeMemory::new()
        .with(0x1000, &msghdr(0x2000, 2, 0))
        .with(0x2000, &words(&[0x3000, 5, 0x5000, 32]))
        .with(0x3000, b"hello")
        .with(0x5000, b"world!")
        .with(0x4000, &msghdr(0x2000, 1, 0x20))
        .with(0x6000, &{
            let mut v = msghdr(0x2000, 1, 0);
            v.extend(words(&[5]));
            v.extend(msghdr(0x2010, 1, 0x20));
            v.extend(words(&[6]));
            v
        });
    assert_eq!(
        line(
            NR_SENDMSG,
            [3, 0x1000, 0x40, 0, 0, 0],
            &mem,
            Outcome::Ok(11)
        ),
        r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}, {iov_base="world!\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", iov_len=32}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = 11"#
    );
    // Received contents stop at the return value.
    assert_eq!(
        line(NR_RECVMSG, [3, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(7)),
        r#"recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}, {iov_base="wo", iov_len=32}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 7"#
    );
    assert_eq!(
        line(NR_RECVMSG, [3, 0x4000, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        r#"recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hel", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 3"#
    );
    assert_eq!(
        line(
            NR_RECVMSG,
            [3, 0x1000, 0x40, 0, 0, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "recvmsg(3, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(
            NR_SENDMSG,
            [3, 0x9000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "sendmsg(3, 0x9000, 0)                   = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_SENDMSG, [3, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "sendmsg(3, NULL, 0)                     = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_RECVMMSG,
            [4, 0x6000, 2, 0x40, 0, 0],
            &mem,
            Outcome::Ok(2)
        ),
        r#"recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="world!", iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, msg_len=6}], 2, MSG_DONTWAIT, NULL) = 2"#
    );
    assert_eq!(
        line(
            NR_RECVMMSG,
            [4, 0x6000, 2, 0x40, 0, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "recvmmsg(4, 0x6000, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    // A failed send shows what it was given, without lengths.
    assert_eq!(
        line(
            NR_SENDMMSG,
            [99, 0x6000, 1, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        r#"sendmmsg(99, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 1, 0) = -1 EBADF (Bad file descriptor)"#
    );
}

#[test]
fn memory_calls() {
    let mem = FakeMemory::new().with(0x1000, &[1, 0, 1]);
    assert_eq!(
        line(
            NR_MINCORE,
            [0x7000, 12288, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mincore(0x7000, 12288, [1, 0, 1])       = 0"
    );
    assert_eq!(
        line(
            NR_MINCORE,
            [0x7000, 4096, 0x9000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mincore(0x7000, 4096, 0x9000)           = 0"
    );
    assert_eq!(
        line(
            NR_MADVISE,
            [0x7000, 4096, 14, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "madvise(0x7000, 4096, MADV_HUGEPAGE)    = 0"
    );
    assert_eq!(
        line(
            NR_MREMAP,
            [0x7000, 4096, 8192, 3, 0x20000000, 0],
            &mem,
            Outcome::Ok(0x20000000)
        ),
        "mremap(0x7000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = 0x20000000"
    );
    assert_eq!(
        line(
            NR_MREMAP,
            [0x7000, 4096, 8192, 0x18, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mremap(0x7000, 4096, 8192, 0x18 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_MEMBARRIER, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0x9)),
        "membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x9 (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_PRIVATE_EXPEDITED)"
    );
    assert_eq!(
        line(NR_MEMBARRIER, [128, 1, 5, 0, 0, 0], &mem, Outcome::Ok(0)),
        "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 5) = 0"
    );
}

#[test]
fn control_messages_and_struct_options() {
    // One SCM_RIGHTS message carrying fd 5, then an unknown SOL_IP one.
    let mut control = words(&[20]);
    control.extend(ints(&[1, 1, 5, 0]));
    control.extend(words(&[17]));
    control.extend(ints(&[0, 99]));
    control.push(0xab);
    let mut msg = words(&[0, 0, 0x2000, 0, 0x3000, control.len() as u64]);
    msg.extend(words(&[0]));
    let mem = FakeMemory::new()
        .with(0x1000, &msg)
        .with(0x3000, &control)
        .with(0x4000, &ints(&[1, 5]))
        .with(0x5000, &ints(&[42, -1, 0]))
        .with(0x6000, &ints(&[12]));
    assert_eq!(
        line(NR_SENDMSG, [3, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[], msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}, {cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=0x63 /* IP_??? */}], msg_controllen=41, msg_flags=0}, 0) = 0"#
    );
    assert_eq!(
        line(
            NR_SETSOCKOPT,
            [3, 1, 13, 0x4000, 8, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0"
    );
    assert_eq!(
        line(
            NR_GETSOCKOPT,
            [3, 1, 17, 0x5000, 0x6000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=42, uid=-1, gid=0}, [12]) = 0"
    );
    // mremap's new address shows only with both MREMAP_MAYMOVE and MREMAP_FIXED.
    assert_eq!(
        line(
            NR_MREMAP,
            [0x7000, 4096, 4096, 2, 0x20000000, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mremap(0x7000, 4096, 4096, MREMAP_FIXED) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn inet6_forms() {
    let mut a = vec![10, 0, 0, 1, 0, 0, 0, 5, 0xfe, 0x80];
    a.extend([0u8; 13]);
    a.push(2);
    a.extend(999_999u32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &a);
    // The 24-byte form has no scope; a link-local scope naming no interface stays a number.
    assert_eq!(
        line(NR_CONNECT, [3, 0x1000, 24, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, "fe80::2", &sin6_addr)}, 24) = 0"#
    );
    assert_eq!(
        line(NR_CONNECT, [3, 0x1000, 28, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, "fe80::2", &sin6_addr), sin6_scope_id=999999}, 28) = 0"#
    );
}
