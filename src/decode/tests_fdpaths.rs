//! Descriptors with `-y`/`-yy` against a fake resolver: exact lines, and when each value is
//! resolved (arguments shown at entry before the call ran, return values after it).

use super::*;
use crate::fdinfo::Detail;
use crate::mem::FakeMemory;
use crate::output::{Format, Output};
use crate::sockdiag::SocketInfo;
use crate::text::Text;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::rc::Rc;

#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A process's descriptor table, as a test sets it up.
#[derive(Default)]
struct FakeFds {
    fds: HashMap<i32, FdInfo>,
    cwd: Option<Vec<u8>>,
}

impl FdResolver for FakeFds {
    fn fd(&mut self, fd: i32) -> Option<&FdInfo> {
        self.fds.get(&fd)
    }
    fn cwd(&mut self) -> Option<&[u8]> {
        self.cwd.as_deref()
    }
}

fn path(p: &[u8]) -> FdInfo {
    FdInfo {
        path: p.to_vec(),
        deleted: false,
        detail: Detail::Path,
    }
}

fn detail(p: &[u8], detail: Detail) -> FdInfo {
    FdInfo {
        path: p.to_vec(),
        deleted: false,
        detail,
    }
}

/// Renders a whole line; `between` changes the descriptor table as the call itself would.
fn line(
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    fds: &mut FakeFds,
    between: impl FnOnce(&mut FakeFds),
    outcome: Outcome,
) -> String {
    let shared = Shared::default();
    let format = Format {
        column: 40,
        ..Format::default()
    };
    let mut out = Output::new(Box::new(shared.clone()), None, false, format);
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    out.bytes(call.desc.map_or("?", |d| d.name).as_bytes());
    out.bytes(b"(");
    {
        let mut ctx = Ctx {
            fds: Some(&mut *fds),
            ..Ctx::for_test(mem, &mut scratch)
        };
        entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    }
    between(fds);
    let mut ctx = Ctx {
        fds: Some(&mut *fds),
        ..Ctx::for_test(mem, &mut scratch)
    };
    exit(&mut Text::new(&mut out), &mut ctx, &call, outcome);
    out.finish();
    String::from_utf8(shared.0.borrow().clone()).unwrap()
}

const NR_READ: u64 = 0;
const NR_WRITE: u64 = 1;
const NR_CLOSE: u64 = 3;
const NR_DUP: u64 = 32;
const NR_FCNTL: u64 = 72;
const NR_OPENAT: u64 = 257;
const NR_PIPE2: u64 = 293;
const AT_FDCWD: u64 = -100i64 as u64;
const EBADF: u64 = 9;
const ENOENT: u64 = 2;

#[test]
fn openat_resolves_its_result_at_exit() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/passwd\0");
    let mut fds = FakeFds {
        cwd: Some(b"/home/u".to_vec()),
        ..FakeFds::default()
    };
    let got = line(
        NR_OPENAT,
        [AT_FDCWD, 0x1000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.insert(3, path(b"/etc/passwd"));
        },
        Outcome::Ok(3),
    );
    assert_eq!(
        got,
        "openat(AT_FDCWD</home/u>, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>"
    );
    // A failed open shows its error; a dirfd is described too.
    fds.fds.insert(5, path(b"/tmp/d"));
    let got = line(
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
    fds.fds.insert(3, path(b"/etc/passwd"));
    let got = line(
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
    let got = line(
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
    fds.fds.insert(4, path(b"/t/a<b>\n\"q\\\x01"));
    fds.fds.insert(
        5,
        FdInfo {
            deleted: true,
            ..path(b"/t/gone")
        },
    );
    let got = line(
        NR_WRITE,
        [4, 0x1000, 1, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(1),
    );
    assert_eq!(got, "write(4</t/a\\74b\\76\\n\\\"q\\\\\\1>, \"x\", 1)  = 1");
    let got = line(
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
            detail(
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
            detail(
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
            detail(b"anon_inode:[pidfd]", Detail::Pidfd(1234)),
            "7<pid:1234>",
        ),
        (
            detail(
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
            detail(
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
            detail(
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
            detail(
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
            detail(
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
            detail(
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
            detail(
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
            detail(
                b"socket:[12]",
                Detail::Socket(SocketInfo::Bare {
                    proto: "TCP",
                    inode: 12,
                }),
            ),
            "7<TCP:[12]>",
        ),
        (path(b"pipe:[5]"), "7<pipe:[5]>"),
        (path(b"anon_inode:[eventfd]"), "7<anon_inode:[eventfd]>"),
    ];
    for (info, shown) in cases {
        let mut fds = FakeFds::default();
        fds.fds.insert(7, info);
        let got = line(
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
    let got = line(
        NR_PIPE2,
        [0x1000, 0, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.insert(5, path(b"pipe:[9]"));
            f.fds.insert(6, path(b"pipe:[9]"));
        },
        Outcome::Ok(0),
    );
    assert_eq!(got, "pipe2([5<pipe:[9]>, 6<pipe:[9]>], 0)    = 0");
    let got = line(
        NR_DUP,
        [5, 0, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |f| {
            f.fds.insert(7, path(b"pipe:[9]"));
        },
        Outcome::Ok(7),
    );
    assert_eq!(got, "dup(5<pipe:[9]>)                        = 7<pipe:[9]>");
    // F_DUPFD's argument is a lower bound, not a descriptor.
    fds.fds.insert(40, path(b"/nope"));
    let got = line(
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
    let got = line(
        NR_OPENAT,
        [AT_FDCWD, 0x1000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(3),
    );
    assert_eq!(got, "openat(AT_FDCWD, \"/x\", O_RDONLY)        = 3");
}

/// What strace 6.1 -y shows for the waiting calls (h_files2-like run): the descriptors the
/// call gets are described, the ready ones of the return detail and epoll's data are not.
#[test]
fn waiting_calls_describe_the_descriptors_they_get() {
    const NR_POLL: u64 = 7;
    const NR_SELECT: u64 = 23;
    const NR_EPOLL_CTL: u64 = 233;
    let mut fds = FakeFds::default();
    fds.fds.insert(3, path(b"/etc/hostname"));
    fds.fds.insert(4, detail(b"pipe:[99]", Detail::Path));
    fds.fds.insert(6, path(b"anon_inode:[eventpoll]"));
    // struct pollfd {int fd; short events; short revents;}: fd 3 and 4 ready, one ignored.
    let mut pollfds = Vec::new();
    for (fd, revents) in [(3i32, 1u16), (4, 1), (-1, 0)] {
        pollfds.extend_from_slice(&fd.to_ne_bytes());
        pollfds.extend_from_slice(&1u16.to_ne_bytes());
        pollfds.extend_from_slice(&revents.to_ne_bytes());
    }
    let mem = FakeMemory::new().with(0x1000, &pollfds);
    let got = line(
        NR_POLL,
        [0x1000, 3, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(2),
    );
    assert_eq!(
        got,
        "poll([{fd=3</etc/hostname>, events=POLLIN}, {fd=4<pipe:[99]>, events=POLLIN}, \
         {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLIN}])"
    );
    // An fd_set of 6 descriptors (one long) with 3 and 4 in it.
    let set = (0b11000u64).to_ne_bytes();
    let mem = FakeMemory::new().with(0x2000, &set);
    let got = line(
        NR_SELECT,
        [6, 0x2000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(2),
    );
    assert_eq!(
        got,
        "select(6, [3</etc/hostname> 4<pipe:[99]>], NULL, NULL, NULL) = 2 (in [3 4])"
    );
    // struct epoll_event (packed): events, then data.
    let mut ev = 1u32.to_ne_bytes().to_vec();
    ev.extend_from_slice(&4u64.to_ne_bytes());
    let mem = FakeMemory::new().with(0x3000, &ev);
    let got = line(
        NR_EPOLL_CTL,
        [6, 1, 4, 0x3000, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(0),
    );
    assert_eq!(
        got,
        "epoll_ctl(6<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 4<pipe:[99]>, \
         {events=EPOLLIN, data={u32=4, u64=4}}) = 0"
    );
}
