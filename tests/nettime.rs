//! Time, network and memory syscalls, end to end: the helper
//! `tests/helpers/h_nettime.c` under strace-rs, every line after the marker
//! asserted exactly (the expected lines come from Debian's strace 6.1), and
//! the same helper under the real strace compared line for line.
//!
//! What varies between runs is masked on both sides: times (`tv_sec=`,
//! `tv_nsec=`, `tv_usec=`, `tms_*=`, what `time` and `times` return), the
//! ephemeral ports loopback sockets get, netlink port ids, addresses and pids.

mod common;

use common::*;

/// Calls whose time values vary, with the text after which they do (the
/// fixed values passed in come before it).
const VARYING_TIMES: &[(&str, &str)] = &[
    ("clock_gettime(", ""),
    ("gettimeofday(", ""),
    ("timer_gettime(", ""),
    ("timerfd_gettime(", ""),
    ("timer_settime(0, TIMER_ABSTIME", "}}, {"),
    ("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME", ""),
    ("times(", ""),
];

/// Time fields whose decimal value is masked in [`VARYING_TIMES`].
const TIME_FIELDS: &[&str] = &[
    "tv_sec=",
    "tv_nsec=",
    "tv_usec=",
    "tms_utime=",
    "tms_stime=",
    "tms_cutime=",
    "tms_cstime=",
];

/// Replaces the digits after each `prefix` with `N`, when there are at
/// least `min_digits` of them.
fn mask_digits_after(line: &str, prefix: &str, min_digits: usize) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(pos) = rest.find(prefix) {
        let start = pos + prefix.len();
        out.push_str(&rest[..start]);
        let digits = rest[start..]
            .bytes()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits >= min_digits && digits > 0 {
            out.push('N');
        } else {
            out.push_str(&rest[start..start + digits]);
        }
        rest = &rest[start + digits..];
    }
    out.push_str(rest);
    out
}

/// Replaces each `YYYY-MM-DDTHH:MM:SS+0000` with `DATE`.
fn mask_dates(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(end) = out.find("+0000") {
        let start = end.saturating_sub(19);
        out.replace_range(start..end + 5, "DATE");
    }
    out
}

/// Masks one line (already address- and pid-masked), keeping strace's
/// padding before `=` if the line had it right.
fn mask_line(line: &str) -> String {
    let mut m = line.to_string();
    for (call, after) in VARYING_TIMES {
        if !m.starts_with(call) {
            continue;
        }
        let from = m.find(after).unwrap_or(0);
        let mut tail = m[from..].to_string();
        for f in TIME_FIELDS {
            tail = mask_digits_after(&tail, f, 1);
        }
        m = format!("{}{tail}", &m[..from]);
    }
    m = mask_digits_after(&m, "nl_pid=", 1);
    // Ephemeral ports (htons(0) and htons(53) stay).
    m = mask_digits_after(&m, "_port=htons(", 4);
    // CPU times show their seconds when not zero: `tms_utime=4 /* 0.04 s */`.
    while m.starts_with("times(")
        && let Some(i) = m.find(" /* ")
        && let Some(j) = m[i..].find(" s */")
    {
        m.replace_range(i..i + j + 5, "");
    }
    if m.starts_with("time(") || m.starts_with("times(") {
        m = mask_digits_after(&mask_dates(&m), "[", 1);
        m = mask_digits_after(&m, "= ", 1);
    }
    match (split_result(line), split_result(&m)) {
        (Some((ol, spaces, _)), Some((ml, _, res))) if spaces == padding(ol, DEFAULT_COLUMN) => {
            format!("{}{res}", pad_to(ml, DEFAULT_COLUMN))
        }
        _ => m,
    }
}

fn masked_lines(run: &Run) -> Vec<String> {
    masked_after_marker(run)
        .iter()
        .map(|l| mask_line(l))
        .collect()
}

#[test]
fn nettime_lines() {
    let (_dir, run) = trace_helper(STRACE_RS, &[], "h_nettime", &[]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr, "");
    let lines = masked_lines(&run);
    assert_lines(&lines, EXPECTED);
}

/// The same helper under the real strace, masked the same way.
#[test]
fn nettime_against_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let (_d1, want) = trace_helper(REAL_STRACE, &[], "h_nettime", &[]);
    let (_d2, got) = trace_helper(STRACE_RS, &[], "h_nettime", &[]);
    assert_lines(&masked_lines(&got), &masked_lines(&want));
}

/// Debian's strace 6.1 on the helper, masked as above.
const EXPECTED: &[&str] = &[
    r#"nanosleep({tv_sec=0, tv_nsec=1000000}, NULL) = 0"#,
    r#"nanosleep({tv_sec=0, tv_nsec=1000000}, 0xADDR) = 0"#,
    r#"nanosleep(NULL, NULL)                   = -1 EFAULT (Bad address)"#,
    r#"nanosleep(0x1, NULL)                    = -1 EFAULT (Bad address)"#,
    r#"clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000000}, 0xADDR) = 0"#,
    r#"clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = 0"#,
    r#"clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=N, tv_nsec=N}, NULL) = 0"#,
    r#"clock_nanosleep(0x63 /* CLOCK_??? */, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = -1 EINVAL (Invalid argument)"#,
    r#"clock_gettime(CLOCK_REALTIME, {tv_sec=N, tv_nsec=N}) = 0"#,
    r#"clock_gettime(CLOCK_MONOTONIC, {tv_sec=N, tv_nsec=N}) = 0"#,
    r#"clock_gettime(CLOCK_PROCESS_CPUTIME_ID, {tv_sec=N, tv_nsec=N}) = 0"#,
    r#"clock_gettime(CLOCK_BOOTTIME, {tv_sec=N, tv_nsec=N}) = 0"#,
    r#"clock_gettime(0x63 /* CLOCK_??? */, 0xADDR) = -1 EINVAL (Invalid argument)"#,
    r#"clock_gettime(CLOCK_REALTIME, NULL)     = -1 EFAULT (Bad address)"#,
    r#"clock_gettime(0xfffffffa /* CLOCK_??? */, {tv_sec=N, tv_nsec=N}) = 0"#,
    r#"clock_gettime(0xfffffff2 /* CLOCK_??? */, {tv_sec=N, tv_nsec=N}) = 0"#,
    r#"clock_gettime(0xffffffe3 /* CLOCK_??? */, 0xADDR) = -1 EINVAL (Invalid argument)"#,
    r#"clock_getres(CLOCK_MONOTONIC_RAW, {tv_sec=0, tv_nsec=1}) = 0"#,
    r#"clock_getres(CLOCK_TAI, NULL)           = 0"#,
    r#"gettimeofday({tv_sec=N, tv_usec=N}, NULL) = 0"#,
    r#"gettimeofday({tv_sec=N, tv_usec=N}, {tz_minuteswest=0, tz_dsttime=0}) = 0"#,
    r#"gettimeofday(NULL, NULL)                = 0"#,
    r#"time(NULL)                              = N (DATE)"#,
    r#"time([N /* DATE */])                    = N (DATE)"#,
    r#"times({tms_utime=N, tms_stime=N, tms_cutime=N, tms_cstime=N}) = N"#,
    r#"times(NULL)                             = N"#,
    r#"timer_create(CLOCK_MONOTONIC, NULL, [0]) = 0"#,
    r#"timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [1]) = 0"#,
    r#"timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=10, sigev_notify=SIGEV_NONE}, [2]) = 0"#,
    r#"getpid()                                = PID"#,
    r#"timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=PID}, [3]) = 0"#,
    r#"timer_settime(0, 0, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=500}}, NULL) = 0"#,
    r#"timer_settime(0, TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=4000000000, tv_nsec=500}}, {it_interval={tv_sec=N, tv_nsec=N}, it_value={tv_sec=N, tv_nsec=N}}) = 0"#,
    r#"timer_gettime(0, {it_interval={tv_sec=N, tv_nsec=N}, it_value={tv_sec=N, tv_nsec=N}}) = 0"#,
    r#"timer_getoverrun(0)                     = 0"#,
    r#"timer_delete(0)                         = 0"#,
    r#"timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3"#,
    r#"timerfd_settime(3, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=500}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"#,
    r#"timerfd_settime(3, 0x8 /* TFD_??? */, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=500}}, 0xADDR) = -1 EINVAL (Invalid argument)"#,
    r#"timerfd_create(0x4d /* CLOCK_??? */, 0x80 /* TFD_??? */) = -1 EINVAL (Invalid argument)"#,
    r#"timerfd_settime(3, 0, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=500}}, NULL) = 0"#,
    r#"timerfd_gettime(3, {it_interval={tv_sec=N, tv_nsec=N}, it_value={tv_sec=N, tv_nsec=N}}) = 0"#,
    r#"close(3)                                = 0"#,
    r#"setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0"#,
    r#"setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, NULL) = 0"#,
    r#"getitimer(ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0"#,
    r#"getitimer(0x5 /* ITIMER_??? */, 0xADDR) = -1 EINVAL (Invalid argument)"#,
    r#"alarm(0)                                = 0"#,
    r#"timer_gettime(99, 0xADDR)               = -1 EINVAL (Invalid argument)"#,
    r#"timer_settime(0, 0, 0x1, NULL)          = -1 EFAULT (Bad address)"#,
    r#"timer_create(CLOCK_REALTIME, 0x1, 0xADDR) = -1 EFAULT (Bad address)"#,
    r#"getitimer(ITIMER_REAL, 0x1)             = -1 EFAULT (Bad address)"#,
    r#"socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 3"#,
    r#"bind(3, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
    r#"listen(3, 5)                            = 0"#,
    r#"accept4(3, NULL, NULL, SOCK_NONBLOCK)   = -1 EAGAIN (Resource temporarily unavailable)"#,
    r#"getsockname(3, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0"#,
    r#"socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 4"#,
    r#"connect(4, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
    r#"accept(3, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 5"#,
    r#"getpeername(5, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 0"#,
    r#"accept4(3, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK) = -1 EAGAIN (Resource temporarily unavailable)"#,
    r#"sendto(4, "hello", 5, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0) = 5"#,
    r#"recvfrom(5, "hello", 64, 0, NULL, NULL) = 5"#,
    r#"setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0"#,
    r#"setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0"#,
    r#"getsockopt(4, SOL_SOCKET, SO_TYPE, [1], [4]) = 0"#,
    r#"getsockopt(4, SOL_SOCKET, SO_ERROR, [0], [4]) = 0"#,
    r#"setsockopt(4, SOL_IP, IP_TOS, [0], 4)   = 0"#,
    r#"setsockopt(4, SOL_SOCKET, 0x3e7 /* SO_??? */, [0], 4) = -1 ENOPROTOOPT (Protocol not available)"#,
    r#"setsockopt(4, 0x3e7 /* SOL_?? */, 1, [0], 4) = -1 ENOPROTOOPT (Protocol not available)"#,
    r#"shutdown(4, SHUT_WR)                    = 0"#,
    r#"shutdown(4, 0x7 /* SHUT_??? */)         = -1 EINVAL (Invalid argument)"#,
    r#"close(5)                                = 0"#,
    r#"close(4)                                = 0"#,
    r#"close(3)                                = 0"#,
    r#"socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4]) = 0"#,
    r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}, {iov_base="world!", iov_len=6}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = 11"#,
    r#"recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hell", iov_len=4}, {iov_base="oworld!", iov_len=32}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 11"#,
    r#"recvmsg(4, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)"#,
    r#"sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="world!", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}], 2, 0) = 2"#,
    r#"recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hell", iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, msg_len=4}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="world!", iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}], 2, MSG_DONTWAIT, NULL) = 2"#,
    r#"close(3)                                = 0"#,
    r#"close(4)                                = 0"#,
    r#"socket(AF_UNIX, SOCK_STREAM, 0)         = 3"#,
    r#"bind(3, {sa_family=AF_UNIX, sun_path="sock"}, 110) = 0"#,
    r#"bind(3, {sa_family=AF_UNIX, sun_path="sock"}, 7) = -1 EADDRINUSE (Address already in use)"#,
    r#"connect(3, {sa_family=AF_UNIX, sun_path=@"abs"}, 6) = -1 ECONNREFUSED (Connection refused)"#,
    r#"close(3)                                = 0"#,
    r#"socket(AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP) = 3"#,
    r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#,
    r#"sendto(3, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 1"#,
    r#"recvfrom(3, 0xADDR, 64, 0, 0xADDR, [28]) = -1 ECONNREFUSED (Connection refused)"#,
    r#"setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [0], 4) = -1 EINVAL (Invalid argument)"#,
    r#"close(3)                                = 0"#,
    r#"socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3"#,
    r#"bind(3, {sa_family=AF_NETLINK, nl_pid=N, nl_groups=00000000}, 12) = 0"#,
    r#"getsockname(3, {sa_family=AF_NETLINK, nl_pid=PID, nl_groups=00000000}, [12]) = 0"#,
    r#"close(3)                                = 0"#,
    r#"socket(AF_PACKET, SOCK_RAW, htons(0 /* ETH_P_??? */)) = 3"#,
    r#"socket(0x63 /* AF_??? */, SOCK_STREAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)"#,
    r#"socket(AF_INET, SOCK_RAW|0x60 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)"#,
    r#"socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = 4"#,
    r#"connect(0, NULL, 0)                     = -1 ENOTSOCK (Socket operation on non-socket)"#,
    r#"connect(99, 0x1, 16)                    = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=0xc8 /* AF_??? */, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_INET}, 2)     = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, 0xADDR, 0)                  = -1 EBADF (Bad file descriptor)"#,
    r#"mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xADDR"#,
    r#"mincore(0xADDR, 8192, [0, 0])           = 0"#,
    r#"madvise(0xADDR, 8192, MADV_DONTNEED)    = 0"#,
    r#"madvise(0xADDR, 8192, MADV_HUGEPAGE)    = 0"#,
    r#"madvise(0xADDR, 8192, 0x3e7 /* MADV_??? */) = -1 EINVAL (Invalid argument)"#,
    r#"mlock(0xADDR, 4096)                     = 0"#,
    r#"munlock(0xADDR, 4096)                   = 0"#,
    r#"mlock2(0xADDR, 4096, MLOCK_ONFAULT)     = 0"#,
    r#"mlock2(0xADDR, 4096, 0)                 = 0"#,
    r#"mlockall(MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT) = 0"#,
    r#"munlockall()                            = 0"#,
    r#"msync(0xADDR, 4096, MS_SYNC|MS_INVALIDATE) = 0"#,
    r#"msync(0xADDR, 4096, MS_ASYNC)           = 0"#,
    r#"mremap(0xADDR, 8192, 16384, MREMAP_MAYMOVE) = 0xADDR"#,
    r#"mremap(0xADDR, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = 0x20000000"#,
    r#"mremap(0xADDR, 4096, 4096, 0x18 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)"#,
    r#"membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)"#,
    r#"membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0) = -1 EPERM (Operation not permitted)"#,
    r#"close(3)                                = 0"#,
    r#"close(4)                                = 0"#,
    r#"socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3"#,
    r#"bind(3, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
    r#"getsockname(3, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0"#,
    r#"sendto(3, "01234567890123456789012345678901"..., 40, 0, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, 16) = 40"#,
    r#"recvmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=128 => 16, msg_iov=[{iov_base="01234567890123456789012345678901"..., iov_len=64}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 40"#,
    r#"sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, {iov_base="ab", iov_len=2}, ...], msg_iovlen=40, msg_controllen=0, msg_flags=0}, 0) = 80"#,
    r#"recvfrom(3, "abababababababababababababababab"..., 64, 0, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 64"#,
    r#"sendmsg(3, NULL, 0)                     = -1 EFAULT (Bad address)"#,
    r#"sendmsg(3, 0x1, 0)                      = -1 EFAULT (Bad address)"#,
    r#"recvmsg(3, 0x1, MSG_DONTWAIT)           = -1 EFAULT (Bad address)"#,
    r#"recvmmsg(3, 0xADDR, 1, MSG_DONTWAIT, {tv_sec=0, tv_nsec=1000}) = -1 EAGAIN (Resource temporarily unavailable)"#,
    r#"sendmmsg(99, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="abababababababababababababababab"..., iov_len=64}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 1, 0) = -1 EBADF (Bad file descriptor)"#,
    r#"close(3)                                = 0"#,
    r#"connect(99, {sa_family=AF_UNIX, sun_path="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, 110) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_UNIX}, 2)     = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, 0xADDR, 1)                  = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_UNIX, sun_path="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, 200) = -1 EBADF (Bad file descriptor)"#,
    r#"socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, 0x1) = -1 EFAULT (Bad address)"#,
    r#"socketpair(AF_INET, SOCK_STREAM, 0, 0xADDR) = -1 EOPNOTSUPP (Operation not supported)"#,
    r#"accept(99, NULL, NULL)                  = -1 EBADF (Bad file descriptor)"#,
    r#"accept(99, 0xADDR, [4])                 = -1 EBADF (Bad file descriptor)"#,
    r#"getsockname(99, 0xADDR, 0x1)            = -1 EBADF (Bad file descriptor)"#,
    r#"membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)"#,
    r#"membarrier(MEMBARRIER_CMD_GLOBAL, 0)    = 0"#,
    r#"membarrier(0x3 /* MEMBARRIER_CMD_??? */, MEMBARRIER_CMD_FLAG_CPU|0x6, 2) = -1 EINVAL (Invalid argument)"#,
    r#"membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 5) = -1 EPERM (Operation not permitted)"#,
    r#"socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 3"#,
    r#"socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP)) = 4"#,
    r#"socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IPV6)) = 5"#,
    r#"socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ARP)) = 6"#,
    r#"close(3)                                = 0"#,
    r#"close(4)                                = 0"#,
    r#"close(5)                                = 0"#,
    r#"close(6)                                = 0"#,
    r#"socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0"#,
    r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}], msg_controllen=24, msg_flags=0}, 0) = 1"#,
    r#"recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=4}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}], msg_controllen=24, msg_flags=0}, 0) = 1"#,
    r#"setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=PID, uid=0, gid=0}, [12]) = 0"#,
    r#"setsockopt(3, SOL_SOCKET, SO_SNDBUF, [4096], 4) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_SNDBUF, [8192], [8 => 4]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_PEERSEC, 0xADDR, [64]) = -1 ENOPROTOOPT (Protocol not available)"#,
    r#"mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xADDR"#,
    r#"mremap(0xADDR, 4096, 4096, MREMAP_FIXED) = -1 EINVAL (Invalid argument)"#,
    r#"mremap(0xADDR, 4096, 4096, MREMAP_MAYMOVE|MREMAP_DONTUNMAP) = 0xADDR"#,
    r#"close(3)                                = 0"#,
    r#"close(4)                                = 0"#,
    r#"connect(99, {sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, "::ffff:1.2.3.4", &sin6_addr)}, 24) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, "::ffff:1.2.3.4", &sin6_addr), sin6_scope_id=3}, 28) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_INET, sa_data="\0\7\0\0\0\0"}, 8) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_INET, sa_data="\0"}, 3) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_UNIX, sun_path="a\nb"}, 7) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_UNIX, sun_path="a"}, 3) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_NETLINK, sa_data="\0\0\0\0\0\0"}, 8) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_UNSPEC, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_LOOPBACK, sll_pkttype=PACKET_OUTGOING, sll_halen=6, sll_addr=[00, 0x1, 0x2, 0x3, 0x4, 0x5]}, 20) = -1 EBADF (Bad file descriptor)"#,
    r#"bind(99, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_LOOPBACK, sll_pkttype=PACKET_OUTGOING, sll_halen=10, sll_addr=[00, 0x1, 0x2, 0x3, 0x4, 0x5, 00, 00, ...]}, 20) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_PACKET, sll_protocol=htons(0x1234 /* ETH_P_??? */), sll_ifindex=4207869677, sll_hatype=ARPHRD_VOID, sll_pkttype=0x9 /* PACKET_??? */, sll_halen=10, sll_addr=[00, 0x1, 0x2, 0x3, 0x4, 0x5, 00, 00, ...]}, 20) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_PACKET, sa_data="\0224\355\376\316\372\377\377\t\n\0\1\2\3\4\5\0"}, 19) = -1 EBADF (Bad file descriptor)"#,
    r#"socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3"#,
    r#"connect(3, {sa_family=AF_NETLINK, nl_pid=N, nl_groups=00000000}, 12) = 0"#,
    r#"close(3)                                = 0"#,
    r#"connect(99, {sa_family=AF_NETLINK, nl_pad=0xffff, nl_pid=N, nl_groups=0xfacefeed}, 12) = -1 EBADF (Bad file descriptor)"#,
    r#"connect(99, {sa_family=AF_NETLINK, nl_pid=N, nl_groups=0x000005}, 12) = -1 EBADF (Bad file descriptor)"#,
    r#"exit_group(0)                           = ?"#,
    r#"+++ exited with 0 +++"#,
];
