//! Unit tests of the decoders against fake tracee memory, with exact expected lines (strace
//! 6.1's for the same values). One file per decoder module: `net.rs` tests `decode/net.rs`,
//! `generic.rs` the argument loop and return values of `decode/mod.rs`. The helpers they
//! share live here: the line renderers, the fake descriptor table and the byte builders.

use super::*;
use crate::fdinfo::Detail;
use crate::mem::FakeMemory;
use crate::output::{Format, Output};
use crate::text::Text;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::mem::offset_of;
use std::rc::Rc;

mod admin;
mod aio;
mod arg_names;
mod bit_set;
mod bpf_attr;
mod dirent;
mod fields;
mod fs;
mod fsconfig;
mod futex;
mod generic;
mod io_uring;
mod ioctl;
mod ioctl_block;
mod ioctl_btrfs;
mod ioctl_evdev;
mod ioctl_fs;
mod ioctl_gpio;
mod ioctl_kd;
mod ioctl_loop;
mod ioctl_nsfs;
mod ioctl_ptp;
mod ioctl_scsi;
mod ioctl_v4l2;
mod iov;
mod ipc;
mod keyctl;
mod ldt;
mod mm;
mod mq;
mod net;
mod netlink;
mod netlink_kinds;
mod perf;
mod poll;
mod prctl;
mod process;
mod ptrace;
mod ptrace_req;
mod quota;
mod seccomp;
mod signal;
mod small_ioctls;
mod sock_ioctl;
mod sockaddr;
mod sockopt;
mod stat;
mod string;
mod time;
mod values;
mod xattr;

// Syscall numbers (x86_64, `<asm/unistd_64.h>`).
const NR_READ: u64 = 0;
const NR_WRITE: u64 = 1;
const NR_OPEN: u64 = 2;
const NR_CLOSE: u64 = 3;
const NR_FSTAT: u64 = 5;
const NR_POLL: u64 = 7;
const NR_LSEEK: u64 = 8;
const NR_MMAP: u64 = 9;
const NR_BRK: u64 = 12;
const NR_RT_SIGACTION: u64 = 13;
const NR_RT_SIGPROCMASK: u64 = 14;
const NR_IOCTL: u64 = 16;
const NR_READV: u64 = 19;
const NR_WRITEV: u64 = 20;
const NR_ACCESS: u64 = 21;
const NR_SELECT: u64 = 23;
const NR_MREMAP: u64 = 25;
const NR_MINCORE: u64 = 27;
const NR_MADVISE: u64 = 28;
const NR_DUP: u64 = 32;
const NR_NANOSLEEP: u64 = 35;
const NR_GETITIMER: u64 = 36;
const NR_SETITIMER: u64 = 38;
const NR_SENDFILE: u64 = 40;
const NR_SOCKET: u64 = 41;
const NR_CONNECT: u64 = 42;
const NR_ACCEPT: u64 = 43;
const NR_SENDMSG: u64 = 46;
const NR_RECVMSG: u64 = 47;
const NR_SOCKETPAIR: u64 = 53;
const NR_SETSOCKOPT: u64 = 54;
const NR_GETSOCKOPT: u64 = 55;
const NR_CLONE: u64 = 56;
const NR_EXECVE: u64 = 59;
const NR_WAIT4: u64 = 61;
const NR_UNAME: u64 = 63;
const NR_FCNTL: u64 = 72;
const NR_GETDENTS: u64 = 78;
const NR_GETCWD: u64 = 79;
const NR_CHOWN: u64 = 92;
const NR_GETTIMEOFDAY: u64 = 96;
const NR_GETRUSAGE: u64 = 98;
const NR_SYSINFO: u64 = 99;
const NR_TIMES: u64 = 100;
const NR_PTRACE: u64 = 101;
const NR_SYSLOG: u64 = 103;
const NR_GETGROUPS: u64 = 115;
const NR_SETGROUPS: u64 = 116;
const NR_GETRESUID: u64 = 118;
const NR_CAPGET: u64 = 125;
const NR_CAPSET: u64 = 126;
const NR_RT_SIGPENDING: u64 = 127;
const NR_RT_SIGTIMEDWAIT: u64 = 128;
const NR_RT_SIGQUEUEINFO: u64 = 129;
const NR_RT_SIGSUSPEND: u64 = 130;
const NR_SIGALTSTACK: u64 = 131;
const NR_UTIME: u64 = 132;
const NR_PERSONALITY: u64 = 135;
const NR_FSTATFS: u64 = 138;
const NR_SCHED_SETPARAM: u64 = 142;
const NR_SCHED_GETSCHEDULER: u64 = 145;
const NR_PRCTL: u64 = 157;
const NR_MOUNT: u64 = 165;
const NR_SETHOSTNAME: u64 = 170;
const NR_READAHEAD: u64 = 187;
const NR_SETXATTR: u64 = 188;
const NR_GETXATTR: u64 = 191;
const NR_LISTXATTR: u64 = 194;
const NR_REMOVEXATTR: u64 = 197;
const NR_TIME: u64 = 201;
const NR_FUTEX: u64 = 202;
const NR_SCHED_GETAFFINITY: u64 = 204;
const NR_GETDENTS64: u64 = 217;
const NR_TIMER_CREATE: u64 = 222;
const NR_TIMER_SETTIME: u64 = 223;
const NR_CLOCK_GETTIME: u64 = 228;
const NR_CLOCK_NANOSLEEP: u64 = 230;
const NR_EXIT_GROUP: u64 = 231;
const NR_EPOLL_WAIT: u64 = 232;
const NR_EPOLL_CTL: u64 = 233;
const NR_UTIMES: u64 = 235;
const NR_WAITID: u64 = 247;
const NR_OPENAT: u64 = 257;
const NR_MKNODAT: u64 = 259;
const NR_NEWFSTATAT: u64 = 262;
const NR_PSELECT6: u64 = 270;
const NR_PPOLL: u64 = 271;
const NR_SPLICE: u64 = 275;
const NR_TEE: u64 = 276;
const NR_SYNC_FILE_RANGE: u64 = 277;
const NR_UTIMENSAT: u64 = 280;
const NR_EPOLL_PWAIT: u64 = 281;
const NR_TIMERFD_CREATE: u64 = 283;
const NR_SIGNALFD4: u64 = 289;
const NR_PIPE2: u64 = 293;
const NR_DUP3: u64 = 292;
const NR_CLOCK_SETTIME: u64 = 227;
const NR_RECVMMSG: u64 = 299;
const NR_SENDMMSG: u64 = 307;
const NR_GETCPU: u64 = 309;
const NR_KCMP: u64 = 312;
const NR_MEMBARRIER: u64 = 324;
const NR_COPY_FILE_RANGE: u64 = 326;
const NR_STATX: u64 = 332;
const NR_PIDFD_SEND_SIGNAL: u64 = 424;
const NR_PIDFD_OPEN: u64 = 434;
const NR_CLONE3: u64 = 435;
const NR_FACCESSAT2: u64 = 439;
const NR_EPOLL_PWAIT2: u64 = 441;
const NR_KILL: u64 = 62;
const NR_GETPID: u64 = 39;
const NR_GETPGRP: u64 = 111;
const NR_GETPRIORITY: u64 = 140;

// Error numbers (`<asm-generic/errno-base.h>`, `<asm-generic/errno.h>`, and the kernel's own
// `<linux/errno.h>` for the restart codes).
const ENOENT: u64 = 2;
const EINTR: u64 = 4;
const E2BIG: u64 = 7;
const EBADF: u64 = 9;
const ESRCH: u64 = 3;
const ECHILD: u64 = 10;
const EAGAIN: u64 = 11;
const EFAULT: u64 = 14;
const EINVAL: u64 = 22;
const ENOTTY: u64 = 25;
const ERANGE: u64 = 34;
const ENODATA: u64 = 61;
const ERESTARTNOHAND: u64 = 514;

const AT_FDCWD: u64 = -100i64 as u64;
/// An address nothing is mapped at in the tests' fake memory.
const BAD: u64 = 0x9000;
/// Another unmapped address, one that stands out in a line.
const UNREADABLE: u64 = 0xdead_0000;

/// A writer whose bytes a test reads back after the output is finished (an `Output` writes
/// to it when it flushes). The fuzz driver and the hex dump tests capture dumps with it too.
#[derive(Clone, Default)]
pub(crate) struct Captured(pub(super) Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// Everything written so far.
    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.0.borrow().clone()).unwrap()
    }
}

/// An output at strace's default column, without timestamps, writing into `to`.
fn test_output(to: &Captured) -> Output {
    test_output_styled(to, crate::output::ConstStyle::Abbrev)
}

/// An output as [`test_output`], under `-X style`.
fn test_output_styled(to: &Captured, style: crate::output::ConstStyle) -> Output {
    let format = Format {
        column: 40,
        const_style: style,
        ..Format::default()
    };
    Output::new(Box::new(to.clone()), None, false, format)
}

/// What `render` writes to a fresh output: for printers tested on their own (a `siginfo_t`,
/// a sigset, a struct) rather than as part of a line.
fn rendered(render: impl FnOnce(&mut Output)) -> String {
    rendered_styled(crate::output::ConstStyle::Abbrev, render)
}

/// What `render` writes to a fresh output under `-X style`.
fn rendered_styled(style: crate::output::ConstStyle, render: impl FnOnce(&mut Output)) -> String {
    let captured = Captured::default();
    let mut out = test_output_styled(&captured, style);
    render(&mut out);
    out.finish();
    captured.text()
}

/// A process's descriptor table, as a test sets it up for `-y`.
#[derive(Default)]
struct FakeFds {
    fds: HashMap<i32, FdInfo>,
    cwd: Option<Vec<u8>>,
    /// Vcpu descriptors and where their `struct kvm_run` is mapped, with the mapping's size.
    vcpus: HashMap<i32, (u64, u64)>,
    /// Netlink sockets and their protocols (`None`: one the kernel does not tell).
    netlink: HashMap<i32, Option<u32>>,
    /// The kernel's generic netlink families.
    genl: Vec<(u16, Vec<u8>)>,
    /// Other processes' descriptors, by their pid and number.
    others: HashMap<(i32, i32), FdInfo>,
    /// Pidfds and the pid each refers to.
    pidfds: HashMap<i32, i32>,
}

impl FdResolver for FakeFds {
    fn fd(&mut self, fd: i32) -> Option<&FdInfo> {
        self.fds.get(&fd)
    }
    fn cwd(&mut self) -> Option<&[u8]> {
        self.cwd.as_deref()
    }
    fn vcpu_run_area(&mut self, fd: i32, size: u64) -> Option<u64> {
        let (addr, len) = *self.vcpus.get(&fd)?;
        (len >= size).then_some(addr)
    }
    fn netlink(&mut self, fd: i32) -> crate::fdinfo::NetlinkFd {
        match self.netlink.get(&fd) {
            Some(p) => crate::fdinfo::NetlinkFd::Netlink(*p),
            None => crate::fdinfo::NetlinkFd::Other,
        }
    }
    fn fd_in(&mut self, proc_pid: i32, fd: i32) -> Option<&FdInfo> {
        self.others.get(&(proc_pid, fd))
    }
    fn pidfd_pid(&mut self, fd: i32) -> Option<i32> {
        self.pidfds.get(&fd).copied()
    }
    fn genl_family(&mut self, id: u16) -> Option<&[u8]> {
        self.genl
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.as_slice())
    }
    fn link(&mut self, fd: i32, out: &mut Vec<u8>) -> bool {
        let Some(info) = self.fds.get(&fd) else {
            return false;
        };
        out.clear();
        out.extend_from_slice(&info.path);
        true
    }
}

/// A descriptor open on the path `p`.
fn fd_path(p: &[u8]) -> FdInfo {
    fd_detail(p, Detail::Path)
}

/// A descriptor open on `p`, with what `-yy` adds about it.
fn fd_detail(p: &[u8], detail: Detail) -> FdInfo {
    FdInfo {
        path: p.to_vec(),
        deleted: false,
        detail,
    }
}

/// Renders one whole syscall line as the tracer does: the name, the entry half, the exit
/// half. The entry reads `before` and the exit `after` (the same memory unless the call wrote
/// to it); with `fds`, descriptors are described (`-y`) and `between` changes the table as
/// the call itself would.
fn render_call(
    nr: u64,
    args: [u64; 6],
    [before, after]: [&FakeMemory; 2],
    opts: DecodeOpts,
    mut fds: Option<&mut FakeFds>,
    between: impl FnOnce(&mut FakeFds),
    outcome: Outcome,
) -> String {
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    // What the entry saves for the exit, kept as the tracer keeps it per tracee.
    let mut saved = Saved::default();
    rendered(|out| {
        match call.desc {
            Some(d) => out.bytes(d.name.as_bytes()),
            None => out.bytes(format!("syscall_{nr:#x}").as_bytes()),
        }
        out.bytes(b"(");
        let mut ctx = Ctx {
            opts,
            fds: fds.as_deref_mut().map(|f| f as &mut dyn FdResolver),
            saved: Some(&mut saved),
            ..Ctx::for_test(before, &mut scratch)
        };
        entry(&mut Text::new(out), &mut ctx, &mut call);
        if let Some(f) = fds.as_deref_mut() {
            between(f);
        }
        let mut ctx = Ctx {
            opts,
            fds: fds.map(|f| f as &mut dyn FdResolver),
            saved: Some(&mut saved),
            ..Ctx::for_test(after, &mut scratch)
        };
        exit(&mut Text::new(out), &mut ctx, &call, outcome);
    })
}

/// The two halves of a call's line as another process's line would cut them: what its entry
/// writes after `name(`, and what its exit writes (unpadded).
fn cut_halves(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> (String, String) {
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    let entry_half = rendered(|out| {
        let mut ctx = Ctx::for_test(mem, &mut scratch);
        entry(&mut Text::new(out), &mut ctx, &mut call);
    });
    let exit_half = rendered(|out| {
        let mut ctx = Ctx::for_test(mem, &mut scratch);
        exit(&mut Text::new(out), &mut ctx, &call, outcome);
    });
    (entry_half, unpadded(&exit_half))
}

/// `line` without the padding before its ` = `, which counts from where its output started.
fn unpadded(line: &str) -> String {
    match line.split_once(" = ") {
        Some((call, ret)) => format!("{} = {ret}", call.trim_end()),
        None => line.to_string(),
    }
}

/// One call's line with strace's default options, `-s 32`: what most tests check.
fn line(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    line_with(nr, args, mem, outcome, 32)
}

/// One call's line with `-s max_strlen`.
fn line_with(
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    outcome: Outcome,
    max_strlen: usize,
) -> String {
    let opts = DecodeOpts {
        max_strlen,
        ..DecodeOpts::default()
    };
    render_call(nr, args, [mem, mem], opts, None, |_| {}, outcome)
}

/// A pid namespace where pid N of the tracee is N + 1000 for the tracer, up to pid 99 (none
/// above); names only pid 1 (`init`).
pub(super) struct FakePids;

impl PidResolver for FakePids {
    fn note(&mut self, id: i32, kind: PidKind) -> PidNote {
        let named = matches!(kind, PidKind::Tid | PidKind::Tgid) && id == 1;
        PidNote {
            comm: named.then(|| crate::comm::Comm::from_bytes(b"init")),
            tracer_pid: (id < 100).then(|| id + 1000),
        }
    }
    /// `/proc` is the tracer's here.
    fn proc_pid(&mut self, id: i32, _kind: PidKind) -> Option<i32> {
        (id < 100).then_some(id + 1000)
    }
}

/// One call's line with [`FakePids`] noting its pids (`-Y --decode-pids=pidns`).
fn line_pids(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    let mut pids = FakePids;
    rendered(|out| {
        out.bytes(call.desc.map_or("?", |d| d.name).as_bytes());
        out.bytes(b"(");
        let mut ctx = Ctx {
            pids: Some(&mut pids),
            ..Ctx::for_test(mem, &mut scratch)
        };
        entry(&mut Text::new(out), &mut ctx, &mut call);
        exit(&mut Text::new(out), &mut ctx, &call, outcome);
    })
}

/// One call's line under `-X style` (strace's default options otherwise).
fn line_styled(
    style: crate::output::ConstStyle,
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    outcome: Outcome,
) -> String {
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    rendered_styled(style, |out| {
        out.bytes(call.desc.map_or("?", |d| d.name).as_bytes());
        out.bytes(b"(");
        let mut ctx = Ctx::for_test(mem, &mut scratch);
        entry(&mut Text::new(out), &mut ctx, &mut call);
        exit(&mut Text::new(out), &mut ctx, &call, outcome);
    })
}

/// One call's line under `-v` (no structure abbreviated).
fn line_verbose(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    let opts = DecodeOpts {
        abbreviate: false,
        ..DecodeOpts::default()
    };
    line_opts(nr, args, mem, outcome, opts)
}

/// One call's line with the options given (`-s`, `-v`, `-e verbose=`).
fn line_opts(
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    outcome: Outcome,
    opts: DecodeOpts,
) -> String {
    render_call(nr, args, [mem, mem], opts, None, |_| {}, outcome)
}

/// strace's options with `-v` (`abbreviate` false) or `-e verbose=none` (`verbose` false)
/// and `-s max_strlen`.
fn opts(abbreviate: bool, verbose: bool, max_strlen: usize) -> DecodeOpts {
    DecodeOpts {
        abbreviate,
        verbose,
        max_strlen,
        ..DecodeOpts::default()
    }
}

/// The line of a call that wrote to memory: its entry sees `before`, its exit `after`.
fn line_changed(
    nr: u64,
    args: [u64; 6],
    before: &FakeMemory,
    after: &FakeMemory,
    outcome: Outcome,
) -> String {
    let opts = DecodeOpts::default();
    render_call(nr, args, [before, after], opts, None, |_| {}, outcome)
}

/// The line under `-y`: `fds` is the tracee's descriptor table at entry, and `between`
/// changes it as the call itself would.
fn line_fds(
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    fds: &mut FakeFds,
    between: impl FnOnce(&mut FakeFds),
    outcome: Outcome,
) -> String {
    let opts = DecodeOpts::default();
    render_call(nr, args, [mem, mem], opts, Some(fds), between, outcome)
}

/// Native-endian bytes of 64-bit words (`long`s, pointers, `size_t`s), laid end to end.
fn words(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

/// Native-endian bytes of 32-bit unsigned words, laid end to end.
fn words32(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

/// Native-endian bytes of `int`s, laid end to end.
fn ints(is: &[i32]) -> Vec<u8> {
    is.iter().flat_map(|i| i.to_ne_bytes()).collect()
}

/// Writes `bytes` at offset `off` of a struct being laid out by hand.
fn put<const N: usize>(buf: &mut [u8], off: usize, bytes: [u8; N]) {
    buf[off..off + N].copy_from_slice(&bytes);
}

/// A `struct stat` with the given mode, size and rdev at their libc offsets.
fn stat_bytes(mode: u32, size: i64, rdev: u64) -> Vec<u8> {
    let mut st = vec![0u8; std::mem::size_of::<libc::stat>()];
    put(&mut st, offset_of!(libc::stat, st_mode), mode.to_ne_bytes());
    put(&mut st, offset_of!(libc::stat, st_size), size.to_ne_bytes());
    put(&mut st, offset_of!(libc::stat, st_rdev), rdev.to_ne_bytes());
    st
}

/// Lays out a NULL-terminated pointer array at `at` whose strings follow it.
fn string_array(at: u64, strings: &[&[u8]]) -> Vec<u8> {
    let mut table = Vec::new();
    let mut blob = Vec::new();
    let strings_at = at + 8 * (strings.len() as u64 + 1);
    for s in strings {
        table.extend_from_slice(&(strings_at + blob.len() as u64).to_ne_bytes());
        blob.extend_from_slice(s);
        blob.push(0);
    }
    table.extend_from_slice(&0u64.to_ne_bytes());
    table.extend_from_slice(&blob);
    table
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

/// A `struct msghdr` with no name: `iovlen` iovecs at `iov`, `controllen` bytes of control
/// messages at `control`.
fn msghdr(iov: u64, iovlen: u64, control: u64, controllen: u64, flags: u64) -> Vec<u8> {
    words(&[0, 0, iov, iovlen, control, controllen, flags])
}

/// A `siginfo_t` (128 bytes) for `signo` with `si_code` `code`; the union's fields are
/// written over it with [`put`].
fn siginfo_bytes(signo: i32, code: i32) -> [u8; 128] {
    let mut raw = [0u8; 128];
    put(&mut raw, 0, signo.to_ne_bytes());
    put(&mut raw, 8, code.to_ne_bytes());
    raw
}

/// Signal `n`'s bit in a sigset.
fn sig(n: u32) -> u64 {
    1 << (n - 1)
}
