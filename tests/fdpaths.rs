//! `-y`/`-yy` (`--decode-fds`), `-P` and `--trace-fds`: `tests/helpers/h_fdpaths.c` and real
//! programs traced by `strace-rs`, compared with lines taken from Debian's strace 6.1 and,
//! where it is installed, with the real strace on the same program.
//!
//! Inode numbers and ports change from run to run: numbers of four digits or more inside a
//! descriptor's details (and in `htons(..)`) are masked as `N` in both traces alike.

mod common;

use common::*;
use regex::Regex;
use std::collections::BTreeSet;

/// Calls not decoded yet: their lines differ from strace's for reasons other than
/// descriptors, so comparisons with the real strace skip them.
const UNDECODED: &[&str] = &["lgetxattr", "getxattr"];

/// Masks `trace` with `common::mask_with`, the temp dir as `@TMP@`, and inode numbers and
/// ports as `N`.
fn masked(trace: &str, dir: &str) -> Vec<String> {
    // A netlink socket's port id is the process's pid, which can have fewer than 4 digits:
    // masked by its place, not by its value.
    let route = Regex::new(r"NETLINK:\[ROUTE:\d+\]").unwrap();
    let trace = &*route.replace_all(trace, "NETLINK:[ROUTE:N]");
    let re = Regex::new(r"(?:\[|->|:|htons\()(\d{4,})").unwrap();
    let mut numbers: BTreeSet<(usize, String)> = BTreeSet::new();
    for c in re.captures_iter(trace) {
        let n = c[1].to_string();
        numbers.insert((usize::MAX - n.len(), n));
    }
    let mut subs: Vec<(&str, &str)> = vec![(dir, "@TMP@")];
    subs.extend(numbers.iter().map(|(_, n)| (n.as_str(), "N")));
    after_marker(&mask_with(trace, &subs))
}

/// A line with the padding before ` = ` reduced to one space: the masks change the width of
/// the left part, and alignment is checked against the real strace in the comparisons.
fn unpadded<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let re = Regex::new(r"\) +(= [^=]*)$").unwrap();
    lines
        .iter()
        .map(|l| re.replace(l.as_ref(), ") $1").into_owned())
        .collect()
}

fn decoded_only(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| !syscall_name(l).is_some_and(|n| UNDECODED.contains(&n)))
        .cloned()
        .collect()
}

/// The lines both tracers print for descriptors that are not sockets, with `-y`.
const PATH_LINES: &[&str] = &[
    r#"openat(AT_FDCWD<@TMP@>, "/etc/passwd", O_RDONLY) = 4</etc/passwd>"#,
    r#"read(4</etc/passwd>, "root:x:0:0:root:", 16) = 16"#,
    r#"lseek(4</etc/passwd>, 0, SEEK_SET)      = 0"#,
    r#"openat(AT_FDCWD<@TMP@>, "dir", O_RDONLY|O_DIRECTORY) = 5<@TMP@/dir>"#,
    r#"openat(5<@TMP@/dir>, "odd<name>\n\"q\\\1", O_RDONLY) = 6<@TMP@/dir/odd\74name\76\n\"q\\\1>"#,
    r#"fstat(6<@TMP@/dir/odd\74name\76\n\"q\\\1>, {st_mode=S_IFREG|0644, st_size=0, ...}) = 0"#,
    r#"write(3<@TMP@/dir/gone>(deleted), "x", 1) = 1"#,
];

#[test]
fn decode_fds_path() {
    let (dir, run) = trace_helper(STRACE_RS, &["-y"], "h_fdpaths", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines = masked(&run.trace, dir.as_str());
    assert_lines(&lines[..PATH_LINES.len()], PATH_LINES);
    let rest = [
        r#"openat(AT_FDCWD<@TMP@>, "/dev/null", O_WRONLY) = 7</dev/null>"#,
        r#"write(7</dev/null>, "x", 1)             = 1"#,
        r#"dup(7</dev/null>)                       = 8</dev/null>"#,
        r#"dup2(4</etc/passwd>, 20)                = 20</etc/passwd>"#,
        r#"close(20</etc/passwd>)                  = 0"#,
        r#"close(20)                               = -1 EBADF (Bad file descriptor)"#,
        r#"pipe2([9<pipe:[N]>, 10<pipe:[N]>], 0) = 0"#,
        r#"write(10<pipe:[N]>, "x", 1)        = 1"#,
        r#"read(9<pipe:[N]>, "x", 1)          = 1"#,
        r#"eventfd2(0, 0)                          = 11<anon_inode:[eventfd]>"#,
        r#"close(11<anon_inode:[eventfd]>)         = 0"#,
    ];
    assert_lines(
        &unpadded(&lines[PATH_LINES.len()..][..rest.len()]),
        &unpadded(&rest),
    );
    let lines = unpadded(&lines);
    assert!(
        lines.contains(&r#"fcntl(7</dev/null>, F_DUPFD, 40) = 40</dev/null>"#.to_string()),
        "{lines:#?}"
    );
    assert!(lines.contains(&r#"fcntl(11<socket:[N]>, F_GETFD) = 0"#.to_string()));
    let fd_number = Regex::new(r"^fchmod\(\d+").unwrap();
    let fchmods: Vec<String> = lines
        .iter()
        .filter(|l| l.starts_with("fchmod("))
        .map(|l| fd_number.replace(l, "fchmod(FD").into_owned())
        .collect();
    assert_lines(
        &fchmods,
        &[
            r#"fchmod(FD<@TMP@/dir/kept (deleted)>, 0600) = 0"#,
            r#"fchmod(FD<@TMP@/dir/kept (deleted)>(deleted), 0644) = 0"#,
        ],
    );
}

/// Sockets of every family, devices, with `-yy`: lines as strace 6.1 prints them. The UDP
/// socket keeps the address it had when first looked up, as under strace (its cache).
#[test]
fn decode_fds_all() {
    let (dir, run) = trace_helper(STRACE_RS, &["-yy"], "h_fdpaths", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines = decoded_only(&masked(&run.trace, dir.as_str()));
    let expected = [
        r#"openat(AT_FDCWD<@TMP@>, "/dev/null", O_WRONLY) = 7</dev/null<char 1:3>>"#,
        r#"write(7</dev/null<char 1:3>>, "x", 1)   = 1"#,
        r#"dup(7</dev/null<char 1:3>>)             = 8</dev/null<char 1:3>>"#,
        r#"dup2(4</etc/passwd>, 20)                = 20</etc/passwd>"#,
        r#"close(20</etc/passwd>)                  = 0"#,
        r#"close(20)                               = -1 EBADF (Bad file descriptor)"#,
        r#"pipe2([9<pipe:[N]>, 10<pipe:[N]>], 0) = 0"#,
        r#"write(10<pipe:[N]>, "x", 1)        = 1"#,
        r#"read(9<pipe:[N]>, "x", 1)          = 1"#,
        r#"eventfd2(0, 0)                          = 11<anon_inode:[eventfd]>"#,
        r#"close(11<anon_inode:[eventfd]>)         = 0"#,
        r#"socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 11<TCP:[N]>"#,
        r#"fcntl(11<TCP:[N]>, F_GETFD)        = 0"#,
        r#"bind(11<TCP:[N]>, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
        r#"listen(11<TCP:[127.0.0.1:N]>, 1) = 0"#,
        r#"getsockname(11<TCP:[127.0.0.1:N]>, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0"#,
        r#"socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 12<TCP:[N]>"#,
        r#"connect(12<TCP:[N]>, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
        r#"accept(11<TCP:[127.0.0.1:N]>, NULL, NULL) = 13<TCP:[127.0.0.1:N->127.0.0.1:N]>"#,
        r#"write(12<TCP:[127.0.0.1:N->127.0.0.1:N]>, "x", 1) = 1"#,
        r#"read(13<TCP:[127.0.0.1:N->127.0.0.1:N]>, "x", 1) = 1"#,
        r#"fcntl(11<TCP:[127.0.0.1:N]>, F_GETFD) = 0"#,
    ];
    assert_lines(
        &unpadded(&lines[PATH_LINES.len()..][..expected.len()]),
        &unpadded(&expected),
    );
    let tail: Vec<String> = lines[PATH_LINES.len() + expected.len()..]
        .iter()
        .filter(|l| !l.contains("TCPv6"))
        .cloned()
        .collect();
    // The abstract name's length: sun_family, the leading NUL, the work dir's path.
    let abstract_bind = format!(
        r#"bind(20<UNIX-STREAM:[N]>, {{sa_family=AF_UNIX, sun_path=@"@TMP@"}}, {}) = 0"#,
        dir.as_str().len() + 3
    );
    assert_lines(
        &unpadded(&tail),
        &unpadded(&[
            r#"socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 14<UDP:[N]>"#,
            r#"write(14<UDP:[N]>, "x", 1)         = -1 EDESTADDRREQ (Destination address required)"#,
            r#"bind(14<UDP:[0.0.0.0:N]>, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINVAL (Invalid argument)"#,
            r#"fcntl(14<UDP:[0.0.0.0:N]>, F_GETFD) = 0"#,
            r#"connect(14<UDP:[0.0.0.0:N]>, {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
            r#"fcntl(14<UDP:[0.0.0.0:N]>, F_GETFD) = 0"#,
            r#"socketpair(AF_UNIX, SOCK_STREAM, 0, [15<UNIX-STREAM:[N->N]>, 16<UNIX-STREAM:[N->N]>]) = 0"#,
            r#"write(15<UNIX-STREAM:[N->N]>, "x", 1) = 1"#,
            r#"socketpair(AF_UNIX, SOCK_DGRAM, 0, [17<UNIX:[N->N]>, 18<UNIX:[N->N]>]) = 0"#,
            r#"write(17<UNIX:[N->N]>, "x", 1) = 1"#,
            r#"socket(AF_UNIX, SOCK_STREAM, 0) = 19<UNIX-STREAM:[N]>"#,
            r#"bind(19<UNIX-STREAM:[N]>, {sa_family=AF_UNIX, sun_path="sock"}, 110) = 0"#,
            r#"listen(19<UNIX-STREAM:[N,"sock"]>, 1) = 0"#,
            r#"fcntl(19<UNIX-STREAM:[N,"sock"]>, F_GETFD) = 0"#,
            r#"socket(AF_UNIX, SOCK_STREAM, 0) = 20<UNIX-STREAM:[N]>"#,
            &abstract_bind,
            r#"fcntl(20<UNIX-STREAM:[N,@"@TMP@"]>, F_GETFD) = 0"#,
            r#"socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 21<NETLINK:[N]>"#,
            r#"bind(21<NETLINK:[N]>, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0"#,
            r#"fcntl(21<NETLINK:[ROUTE:N]>, F_GETFD) = 0"#,
            r#"fcntl(7</dev/null<char 1:3>>, F_DUPFD, 40) = 40</dev/null<char 1:3>>"#,
            r#"close(99)                               = -1 EBADF (Bad file descriptor)"#,
            r#"close(8</dev/null<char 1:3>>)           = 0"#,
            r#"openat(AT_FDCWD<@TMP@>, "dir/kept", O_WRONLY|O_CREAT, 0644) = 8<@TMP@/dir/kept>"#,
            r#"close(8<@TMP@/dir/kept>) = 0"#,
            r#"openat(AT_FDCWD<@TMP@>, "dir/kept (deleted)", O_WRONLY|O_CREAT, 0644) = 8<@TMP@/dir/kept (deleted)>"#,
            r#"fchmod(8<@TMP@/dir/kept (deleted)>, 0600) = 0"#,
            r#"unlink("dir/kept (deleted)") = 0"#,
            r#"fchmod(8<@TMP@/dir/kept (deleted)>(deleted), 0644) = 0"#,
            "exit_group(0)                           = ?",
            "+++ exited with 0 +++",
        ]),
    );
}

/// The helper under the real strace and under strace-rs, with each `--decode-fds` set.
#[test]
fn helper_like_strace() {
    if !real_strace_available() {
        return;
    }
    for opt in ["-y", "-yy", "--decode-fds=socket", "--decode-fds=dev,pidfd"] {
        let (dir, ours) = trace_helper(STRACE_RS, &[opt], "h_fdpaths", &[]);
        let (rdir, theirs) = trace_helper(REAL_STRACE, &[opt], "h_fdpaths", &[]);
        let ours = decoded_only(&masked(&ours.trace, dir.as_str()));
        let theirs = decoded_only(&masked(&theirs.trace, rdir.as_str()));
        assert_lines(&ours, &theirs);
    }
}

/// Real programs, whole traces, under both tracers.
fn compare_program(opts: &[&str], cmd: &[&str]) {
    if !real_strace_available() {
        return;
    }
    let ours = trace(STRACE_RS, opts, cmd);
    let theirs = trace(REAL_STRACE, opts, cmd);
    assert_eq!(ours.status.code(), theirs.status.code());
    // The marker is absent: compare whole traces.
    let whole = |t: &str| -> Vec<String> {
        let m = masked(&format!("{MARKER}\n{t}"), "@none@");
        decoded_only(&m)
            .into_iter()
            .filter(|l| !l.starts_with("getrandom("))
            .collect()
    };
    assert_lines(&whole(&ours.trace), &whole(&theirs.trace));
}

#[test]
fn cat_with_paths() {
    compare_program(&["-y"], &["cat", "/etc/passwd", "/etc/hostname"]);
}

#[test]
fn ls_with_all_details() {
    compare_program(&["-yy"], &["ls", "-l", "/dev/null", "/etc/hostname"]);
}

#[test]
fn trace_path_cat() {
    let ours = trace(
        STRACE_RS,
        &["-P", "/etc/passwd"],
        &["cat", "/etc/passwd", "/etc/hostname"],
    );
    assert_status(&ours.status, "exited with 0", &ours.stderr);
    let lines: Vec<String> = mask(&ours.trace).lines().map(String::from).collect();
    assert_eq!(
        lines.first().map(String::as_str),
        Some(r#"openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3"#)
    );
    assert!(lines.iter().all(|l| !l.contains("hostname")), "{lines:#?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some("+++ exited with 0 +++")
    );
    assert!(lines.contains(&"close(3)                                = 0".to_string()));
    compare_program(
        &["-P", "/etc/passwd"],
        &["cat", "/etc/passwd", "/etc/hostname"],
    );
    compare_program(
        &["-y", "-P", "/etc/hostname"],
        &["cat", "/etc/passwd", "/etc/hostname"],
    );
}

#[test]
fn trace_path_resolution_note() {
    let run = trace(STRACE_RS, &["-P", "/etc/../etc/passwd"], &["true"]);
    assert_eq!(
        run.stderr,
        "strace-rs: Requested path \"/etc/../etc/passwd\" resolved into \"/etc/passwd\"\n"
    );
}

/// `--trace-fds` (not in strace 6.1): only calls with a descriptor argument in the set.
#[test]
fn trace_fds() {
    let (dir, run) = trace_helper(STRACE_RS, &["--trace-fds=4,20"], "h_fdpaths", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines = mask_with(&run.trace, &[(dir.as_str(), "@TMP@")]);
    let lines: Vec<String> = lines.lines().map(String::from).collect();
    assert_lines(
        &decoded_only(&lines),
        &[
            r#"read(4, "root:x:0:0:root:", 16)         = 16"#,
            "lseek(4, 0, SEEK_SET)                   = 0",
            "dup2(4, 20)                             = 20",
            "close(20)                               = 0",
            "close(20)                               = -1 EBADF (Bad file descriptor)",
            &format!(
                r#"bind(20, {{sa_family=AF_UNIX, sun_path=@"@TMP@"}}, {}) = 0"#,
                dir.as_str().len() + 3
            ),
            "fcntl(20, F_GETFD)                      = 0",
            "+++ exited with 0 +++",
        ],
    );
}

#[test]
fn decode_fds_usage_errors() {
    let run = run(STRACE_RS, &["-y", "--decode-fds=all", "true"]);
    assert_eq!(
        run.stderr,
        "strace-rs: -y and --decode-fds cannot be provided simultaneously\n"
    );
    let run = common::run(STRACE_RS, &["--decode-fds=foo", "true"]);
    assert_eq!(run.stderr, "strace-rs: invalid decode-fds 'foo'\n");
}

/// `-e decode-fds=signalfd,eventfd` (strace 6.6): a signalfd's mask and an eventfd's counter,
/// id and mode from `/proc/PID/fdinfo`, as strace 7 prints them; `-yy` (strace 6.1's `all`)
/// does not show them, as the real strace 6.1 does not.
#[test]
fn signalfd_and_eventfd_details() {
    let (_dir, run) = trace_helper(
        STRACE_RS,
        &["-e", "decode-fds=signalfd,eventfd"],
        "h_sigevfd",
        &[],
    );
    assert_status(&run.status, "exited with 0", &run.stderr);
    // The kernel picks the id; the helper tells it (a kernel before 5.2 has none).
    let id = run
        .stdout
        .strip_prefix("eventfd-id:")
        .map(|v| format!(", eventfd-id={}", v.trim()));
    let mode = if id.is_some() && has_eventfd_semaphore_line() {
        ", eventfd-semaphore=1"
    } else {
        ""
    };
    let id = id.unwrap_or_default();
    let ev = |count: &str| format!("3<{{eventfd-count={count}{id}{mode}}}>");
    assert_lines(
        &after_marker(&run.trace),
        &[
            "signalfd4(-1, [INT TERM], 8, 0)         = 4<signalfd:[INT TERM]>".to_string(),
            format!(r#"write({}, "\21\0\0\0\0\0\0\0", 8) = 8"#, ev("0x5")),
            "close(4<signalfd:[INT TERM]>)           = 0".to_string(),
            "signalfd4(-1, ~[], 8, 0)                = 4<signalfd:~[KILL STOP]>".to_string(),
            "close(4<signalfd:~[KILL STOP]>)         = 0".to_string(),
            format!("close({}) = 0", ev("0x16")),
            "exit_group(0)                           = ?".to_string(),
            "+++ exited with 0 +++".to_string(),
        ],
    );
    if real_strace_available() {
        for opt in ["-yy", "--decode-fds=all"] {
            let (_, ours) = trace_helper(STRACE_RS, &[opt], "h_sigevfd", &[]);
            let (_, theirs) = trace_helper(REAL_STRACE, &[opt], "h_sigevfd", &[]);
            assert_lines(&after_marker(&ours.trace), &after_marker(&theirs.trace));
        }
    }
}

/// Whether this kernel tells an eventfd's mode in fdinfo (Linux 6.5).
fn has_eventfd_semaphore_line() -> bool {
    let fd = unsafe { libc::eventfd(0, 0) };
    let text = std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}")).unwrap_or_default();
    unsafe { libc::close(fd) };
    text.contains("eventfd-semaphore:")
}

/// `-e kvm=vcpu`: KVM_RUN's return shows why the vcpu exited, read from the vcpu's mapped
/// `struct kvm_run`; the lines are the real strace's. Skipped (with a note) where the machine
/// has no usable /dev/kvm.
#[test]
fn kvm_run_exit_reasons() {
    let opts = ["-y", "-e", "trace=ioctl,write", "-e", "kvm=vcpu"];
    let (_dir, run) = trace_helper(STRACE_RS, &opts, "h_kvm", &[]);
    if run.status.code() == Some(77) {
        eprintln!("no usable /dev/kvm here: -e kvm=vcpu not checked");
        return;
    }
    assert_status(&run.status, "exited with 0", &run.stderr);
    let ours = after_marker(&run.trace);
    // The guest's `out` and `hlt`; a run may also end early for an interrupt, as the
    // helper allows (then the reason is KVM_EXIT_INTR, and the guest runs on).
    let run_line =
        |reason: &str| format!("ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 ({reason})");
    let wanted: Vec<String> = ours
        .iter()
        .filter(|l| *l != &run_line("KVM_EXIT_INTR"))
        .cloned()
        .collect();
    assert_lines(
        &wanted,
        &[
            run_line("KVM_EXIT_IO"),
            run_line("KVM_EXIT_HLT"),
            "+++ exited with 0 +++".to_string(),
        ],
    );
    if real_strace_available() {
        let (_, theirs) = trace_helper(REAL_STRACE, &opts, "h_kvm", &[]);
        let theirs: Vec<String> = after_marker(&theirs.trace)
            .into_iter()
            .filter(|l| *l != run_line("KVM_EXIT_INTR"))
            .collect();
        assert_lines(&wanted, &theirs);
    }
}

/// `h_otherfds`' lines with its own pid and its child's (`getpid`'s and `clone`'s results)
/// as `PID` and `CHILD`, and the padding before ` = ` reduced to one space.
fn other_fds_lines(run: &Run) -> Vec<String> {
    let lines = after_marker(&run.trace);
    let result_of = |name: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.rsplit("= ").next())
            .map(|r| r.trim().to_string())
    };
    let me = result_of("getpid(").expect("getpid line");
    let child = result_of("clone(").expect("clone line");
    let lines: Vec<String> = lines
        .iter()
        .map(|l| replace_number(&replace_number(l, &me, "PID"), &child, "CHILD"))
        .collect();
    unpadded(&lines)
}

/// Descriptors of another process than the caller (kcmp's, pidfd_getfd's target) are
/// described as that process has them, and `clone`'s CLONE_PIDFD descriptor as the caller's.
#[test]
fn other_process_descriptors() {
    let (_dir, run) = trace_helper(STRACE_RS, &["-y"], "h_otherfds", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines = other_fds_lines(&run);
    assert_lines(
        &lines,
        &[
            "getpid() = PID",
            "kcmp(PID, PID, KCMP_FILE, 4</dev/zero>, 4</dev/zero>) = 0",
            "kcmp(PID, -1, KCMP_EPOLL_TFD, 3</dev/null>, {efd=3, tfd=4, toff=0}) = -1 ESRCH (No such process)",
            "kcmp(-1, PID, KCMP_FILE, 3, 4</dev/zero>) = -1 ESRCH (No such process)",
            "pidfd_open(PID, 0) = 5<anon_inode:[pidfd]>",
            "pidfd_getfd(5<anon_inode:[pidfd]>, 4</dev/zero>, 0) = 6</dev/zero>",
            "pidfd_getfd(3</dev/null>, 4, 0) = -1 EBADF (Bad file descriptor)",
            "clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[7<anon_inode:[pidfd]>]) = CHILD",
            "wait4(CHILD, NULL, 0, NULL) = CHILD",
            "exit_group(0) = ?",
            "+++ exited with 0 +++",
        ],
    );
    if !real_strace_available() {
        return;
    }
    for opt in ["-y", "-yy"] {
        let (_, ours) = trace_helper(STRACE_RS, &[opt], "h_otherfds", &[]);
        let (_, theirs) = trace_helper(REAL_STRACE, &[opt], "h_otherfds", &[]);
        assert_lines(&other_fds_lines(&ours), &other_fds_lines(&theirs));
    }
}
