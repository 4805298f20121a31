//! The generic argument loop and return values of `decode/mod.rs`: flag and enum arguments,
//! `show_if`, raw and unknown calls, errors and restarts, the entry half alone, and descriptors
//! with `-y`/`-yy` (arguments resolved at entry, before the call ran; return values after it).

use super::*;
use crate::sockdiag::SocketInfo;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

#[test]
fn openat_with_flags_and_mode() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/ld.so.cache\0");
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0x1000, 0o2000000, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3"
    );
    assert_eq!(
        line(
            NR_OPENAT,
            [3, 0x1000, 0o1101, 0o644, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "openat(3, \"/etc/ld.so.cache\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4"
    );
    // Unknown bits, O_TMPFILE (which shows the mode), and an int-sized flags argument.
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0x1000, 0x1_c000_2002 | 0o20200000, 0o600, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDWR|O_TMPFILE|FASYNC|0xc0000000, 0600) = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_OPEN,
            [0x1000, 0o100, 0x12345, 0, 0, 0],
            &mem,
            Outcome::Ok(5)
        ),
        "open(\"/etc/ld.so.cache\", O_RDONLY|O_CREAT, 021505) = 5"
    );
}

#[test]
fn lseek_whence_known_and_unknown() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_LSEEK,
            [3, -5i64 as u64, 1, 0, 0, 0],
            &mem,
            Outcome::Ok(1216)
        ),
        "lseek(3, -5, SEEK_CUR)                  = 1216"
    );
    assert_eq!(
        line(NR_LSEEK, [3, 0, 4, 0, 0, 0], &mem, Outcome::Ok(1221)),
        "lseek(3, 0, SEEK_HOLE)                  = 1221"
    );
    assert_eq!(
        line(NR_LSEEK, [3, 100, 7, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "lseek(3, 100, 0x7 /* SEEK_??? */)       = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn mmap_flags_prot_and_hex_results() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_MMAP,
            [0, 8192, 3, 0x22, -1i64 as u64, 0],
            &mem,
            Outcome::Ok(0x7f74991ca000)
        ),
        "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f74991ca000"
    );
    assert_eq!(
        line(
            NR_MMAP,
            [0x7f7499005000, 1400832, 5, 0x812, 3, 0x26000],
            &mem,
            Outcome::Ok(0x7f7499005000)
        ),
        "mmap(0x7f7499005000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f7499005000"
    );
    assert_eq!(
        line(
            NR_MMAP,
            [
                0,
                4096,
                0,
                0x20 | (21 << 26) | 0x40000 | 0x2,
                -1i64 as u64,
                0
            ],
            &mem,
            Outcome::Err(12)
        ),
        "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)"
    );
    assert_eq!(
        line(
            NR_MMAP,
            [0, 4096, 0x100, 0xf | 0x20, -1i64 as u64, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mmap(NULL, 4096, 0x100 /* PROT_??? */, 0xf /* MAP_??? */|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_BRK,
            [0, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0x55c88f1f0000)
        ),
        "brk(NULL)                               = 0x55c88f1f0000"
    );
}

#[test]
fn access_modes() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/passwd\0");
    assert_eq!(
        line(NR_ACCESS, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"access("/etc/passwd", F_OK)             = 0"#
    );
    assert_eq!(
        line(NR_ACCESS, [0x1000, 7, 0, 0, 0, 0], &mem, Outcome::Err(13)),
        r#"access("/etc/passwd", R_OK|W_OK|X_OK)   = -1 EACCES (Permission denied)"#
    );
    assert_eq!(
        line(
            NR_ACCESS,
            [0x1000, 8, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"access("/etc/passwd", 0x8 /* ?_OK */)   = -1 EINVAL (Invalid argument)"#
    );
    assert_eq!(
        line(
            NR_FACCESSAT2,
            [AT_FDCWD, 0x1000, 4, 0x1300, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"faccessat2(AT_FDCWD, "/etc/passwd", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS|AT_EMPTY_PATH) = 0"#
    );
}

#[test]
fn raw_and_unknown_syscalls() {
    let mem = FakeMemory::new();
    // getppid (nr 110) has no decoder and no arguments; an unknown number prints six raw ones.
    assert_eq!(
        line(110, [0; 6], &mem, Outcome::Ok(1)),
        "getppid()                               = 1"
    );
    assert_eq!(
        line(500, [1, 2, 3, 0, 0xff, 0], &mem, Outcome::Err(38)),
        "syscall_0x1f4(0x1, 0x2, 0x3, 0, 0xff, 0) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(500, [0; 6], &mem, Outcome::Ok(4)),
        "syscall_0x1f4(0, 0, 0, 0, 0, 0)         = 0x4"
    );
}

#[test]
fn restart_errors_print_a_question_mark_and_unknown_errnos_a_number() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(34, [0; 6], &mem, Outcome::Err(514)),
        "pause()                                 = ? ERESTARTNOHAND (To be restarted if no handler)"
    );
    assert_eq!(
        line(110, [0; 6], &mem, Outcome::Err(519)),
        "getppid()                               = -1 (errno 519)"
    );
}

#[test]
fn exit_group_entry_half() {
    let mem = FakeMemory::new();
    let shared = Captured::default();
    let mut out = test_output(&shared);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx::for_test(&mem, &mut scratch);
    let mut call = Call::new(NR_EXIT_GROUP, [3, 0, 0, 0, 0, 0], 0);
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    out.finish();
    assert_eq!(shared.text(), "3");
    // read's entry half ends with the separator before the buffer, printed at exit.
    let mut call = Call::new(NR_READ, [0, 0x1000, 10, 0, 0, 0], 0);
    let mut out = test_output(&shared);
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    out.finish();
    assert_eq!(shared.text(), "30, ");
}

#[test]
fn openat_resolves_its_result_at_exit() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/passwd\0");
    let mut fds = FakeFds {
        cwd: Some(b"/home/u".to_vec()),
        ..FakeFds::default()
    };
    let got = line_fds(
        NR_OPENAT,
        [AT_FDCWD, 0x1000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.insert(3, fd_path(b"/etc/passwd"));
        },
        Outcome::Ok(3),
    );
    assert_eq!(
        got,
        "openat(AT_FDCWD</home/u>, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>"
    );
    // A failed open shows its error; a dirfd is described too.
    fds.fds.insert(5, fd_path(b"/tmp/d"));
    let got = line_fds(
        NR_OPENAT,
        [5, 0x1000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Err(ENOENT),
    );
    assert_eq!(
        got,
        "openat(5</tmp/d>, \"/etc/passwd\", O_RDONLY) = -1 ENOENT (No such file or directory)"
    );
}

#[test]
fn close_resolves_its_argument_at_entry() {
    let mem = FakeMemory::new();
    let mut fds = FakeFds::default();
    fds.fds.insert(3, fd_path(b"/etc/passwd"));
    let got = line_fds(
        NR_CLOSE,
        [3, 0, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.remove(&3);
        },
        Outcome::Ok(0),
    );
    assert_eq!(got, "close(3</etc/passwd>)                   = 0");
    let got = line_fds(
        NR_CLOSE,
        [3, 0, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Err(EBADF),
    );
    assert_eq!(
        got,
        "close(3)                                = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn odd_and_deleted_paths_are_escaped() {
    let mem = FakeMemory::new().with(0x1000, b"x");
    let mut fds = FakeFds::default();
    fds.fds.insert(4, fd_path(b"/t/a<b>\n\"q\\\x01"));
    fds.fds.insert(
        5,
        FdInfo {
            deleted: true,
            ..fd_path(b"/t/gone")
        },
    );
    let got = line_fds(
        NR_WRITE,
        [4, 0x1000, 1, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(1),
    );
    assert_eq!(got, "write(4</t/a\\74b\\76\\n\\\"q\\\\\\1>, \"x\", 1)  = 1");
    let got = line_fds(
        NR_WRITE,
        [5, 0x1000, 1, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(1),
    );
    assert_eq!(got, "write(5</t/gone>(deleted), \"x\", 1)      = 1");
}

#[test]
fn details_of_devices_pidfds_and_sockets() {
    let mem = FakeMemory::new().with(0x1000, b"x");
    let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let lo6 = IpAddr::V6(Ipv6Addr::LOCALHOST);
    let cases: Vec<(FdInfo, &str)> = vec![
        (
            fd_detail(
                b"/dev/null",
                Detail::Device {
                    block: false,
                    major: 1,
                    minor: 3,
                },
            ),
            "7</dev/null<char 1:3>>",
        ),
        (
            fd_detail(
                b"/dev/sda",
                Detail::Device {
                    block: true,
                    major: 8,
                    minor: 0,
                },
            ),
            "7</dev/sda<block 8:0>>",
        ),
        (
            fd_detail(b"anon_inode:[pidfd]", Detail::Pidfd(1234)),
            "7<pid:1234>",
        ),
        (
            fd_detail(
                b"socket:[1]",
                Detail::Socket(SocketInfo::Inet {
                    proto: "TCP",
                    src: lo,
                    sport: 45678,
                    dst: Some((lo, 80)),
                }),
            ),
            "7<TCP:[127.0.0.1:45678->127.0.0.1:80]>",
        ),
        (
            fd_detail(
                b"socket:[1]",
                Detail::Socket(SocketInfo::Inet {
                    proto: "TCPv6",
                    src: lo6,
                    sport: 80,
                    dst: Some((lo6, 4567)),
                }),
            ),
            "7<TCPv6:[[::1]:80->[::1]:4567]>",
        ),
        (
            fd_detail(
                b"socket:[1]",
                Detail::Socket(SocketInfo::Inet {
                    proto: "UDP",
                    src: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                    sport: 53,
                    dst: None,
                }),
            ),
            "7<UDP:[0.0.0.0:53]>",
        ),
        (
            fd_detail(
                b"socket:[10]",
                Detail::Socket(SocketInfo::Unix {
                    proto: "UNIX-STREAM",
                    inode: 10,
                    peer: 11,
                    name: Some(b"/run/x.sock\0\0".to_vec()),
                }),
            ),
            "7<UNIX-STREAM:[10->11,\"/run/x.sock\"]>",
        ),
        (
            fd_detail(
                b"socket:[10]",
                Detail::Socket(SocketInfo::Unix {
                    proto: "UNIX",
                    inode: 10,
                    peer: 0,
                    name: Some(b"\0ab\"c".to_vec()),
                }),
            ),
            "7<UNIX:[10,@\"ab\\\"c\"]>",
        ),
        (
            fd_detail(
                b"socket:[12]",
                Detail::Socket(SocketInfo::Netlink {
                    proto: "NETLINK",
                    family: Some("ROUTE"),
                    protocol: 0,
                    portid: 99,
                }),
            ),
            "7<NETLINK:[ROUTE:99]>",
        ),
        (
            fd_detail(
                b"socket:[12]",
                Detail::Socket(SocketInfo::Netlink {
                    proto: "NETLINK",
                    family: None,
                    protocol: 17,
                    portid: 99,
                }),
            ),
            "7<NETLINK:[17]>",
        ),
        (
            fd_detail(
                b"socket:[12]",
                Detail::Socket(SocketInfo::Bare {
                    proto: "TCP",
                    inode: 12,
                }),
            ),
            "7<TCP:[12]>",
        ),
        (fd_path(b"pipe:[5]"), "7<pipe:[5]>"),
        (fd_path(b"anon_inode:[eventfd]"), "7<anon_inode:[eventfd]>"),
    ];
    for (info, shown) in cases {
        let mut fds = FakeFds::default();
        fds.fds.insert(7, info);
        let got = line_fds(
            NR_READ,
            [7, 0x1000, 1, 0, 0, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Ok(1),
        );
        let want = format!("read({shown}, \"x\", 1)");
        assert_eq!(got, format!("{want:<39} = 1"));
    }
}

#[test]
fn pipe_pairs_dup_and_fcntl_dupfd() {
    let mem = FakeMemory::new().with(0x1000, &[5, 0, 0, 0, 6, 0, 0, 0]);
    let mut fds = FakeFds::default();
    let got = line_fds(
        NR_PIPE2,
        [0x1000, 0, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.insert(5, fd_path(b"pipe:[9]"));
            f.fds.insert(6, fd_path(b"pipe:[9]"));
        },
        Outcome::Ok(0),
    );
    assert_eq!(got, "pipe2([5<pipe:[9]>, 6<pipe:[9]>], 0)    = 0");
    let got = line_fds(
        NR_DUP,
        [5, 0, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.insert(7, fd_path(b"pipe:[9]"));
        },
        Outcome::Ok(7),
    );
    assert_eq!(got, "dup(5<pipe:[9]>)                        = 7<pipe:[9]>");
    // F_DUPFD's argument is a lower bound, not a descriptor.
    fds.fds.insert(40, fd_path(b"/nope"));
    let got = line_fds(
        NR_FCNTL,
        [5, 0, 40, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(40),
    );
    assert_eq!(got, "fcntl(5<pipe:[9]>, F_DUPFD, 40)         = 40</nope>");
}

#[test]
fn nothing_is_shown_without_a_resolver_answer() {
    let mem = FakeMemory::new().with(0x1000, b"/x\0");
    let mut fds = FakeFds::default();
    let got = line_fds(
        NR_OPENAT,
        [AT_FDCWD, 0x1000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(3),
    );
    assert_eq!(got, "openat(AT_FDCWD, \"/x\", O_RDONLY)        = 3");
}
