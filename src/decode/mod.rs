//! Decoding: turns a syscall's raw arguments (and the tracee memory they point to) into values
//! described to a [`Sink`]. Decoders never build strings; the text renderer (`crate::text`)
//! writes strace's format and other renderers can write the same values another way.
//!
//! One generic loop walks a syscall's argument list from the generated table and calls one
//! printer per argument kind; there is no per-syscall code here.

mod admin;
mod aio;
mod arch_prctl;
mod array;
mod bpf;
mod bpf_attr;
mod cmsg;
mod dirent;
mod fields;
mod fs;
pub(crate) mod fsconfig;
mod futex;
mod io_uring;
mod ioctl;
mod ioctl_block;
mod ioctl_btrfs;
mod ioctl_evdev;
mod ioctl_fiemap;
mod ioctl_gpio;
mod ioctl_hdio;
mod ioctl_kd;
mod ioctl_loop;
mod ioctl_mtd;
mod ioctl_nsfs;
mod ioctl_perf;
mod ioctl_ptp;
mod ioctl_random;
mod ioctl_rtc;
mod ioctl_scsi;
mod ioctl_seccomp;
mod ioctl_tee;
mod ioctl_ubi;
mod ioctl_uffdio;
mod ioctl_v4l2;
mod iov;
mod ipc;
mod keyctl;
mod ldt;
mod mm;
mod mq;
mod net;
mod netlink;
mod netlink_attr;
mod netlink_diag;
mod netlink_payload;
mod netlink_route;
mod perf;
mod poll;
mod prctl;
pub mod process;
mod ptrace_data;
mod ptrace_req;
mod quota;
mod sched;
mod seccomp;
mod signal;
mod sink;
mod sock_ioctl;
mod sockaddr;
mod sockopt;
mod stat;
mod string;
mod structs;
mod termios;
pub mod time;
mod values;
mod xattr;

pub use signal::{siginfo, siginfo_sender};
pub use sink::{Group, Number, Quote, Sink};
pub use values::Values;

use crate::fdinfo::{FdInfo, FdResolver};
use crate::mem::{CStr, Memory};
use crate::table::{self, ArgDesc, Dump, Kind, Len, RetKind, SyscallDesc};
use nix::errno::Errno;

/// `AT_FDCWD` from `<linux/fcntl.h>`: the `*at` calls' "current directory" descriptor.
const AT_FDCWD: i32 = -100;

/// Options that change how values decode.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOpts {
    /// `-s`: the most string bytes shown.
    pub max_strlen: usize,
    /// strace's default abbreviation of long arrays and environments (`-v`, `-e abbrev=`
    /// turn it off).
    pub abbreviate: bool,
    /// `-e verbose=`: dereference argument arrays and structs (else show their addresses).
    pub verbose: bool,
    /// `-Y`: pids show the name of their process (`1234<bash>`).
    pub pid_comm: bool,
    /// The most control-message bytes read (the system's `net.core.optmem_max`, as strace
    /// reads it).
    pub optmem_max: OptmemMax,
}

/// The most control-message bytes strace reads of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptmemMax {
    /// The system's `/proc/sys/net/core/optmem_max` rounded up to 8, or without it (or a value
    /// not above 0) `8 * (2 * IOV_MAX + 512)`. Read when a message first needs it, as strace
    /// reads it, not at every start of the tracer (a file of /proc costs five system calls).
    System,
    /// A given number (the decoder tests).
    #[cfg(test)]
    Bytes(usize),
}

impl OptmemMax {
    pub fn bytes(self) -> usize {
        static SYSTEM: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        match self {
            OptmemMax::System => *SYSTEM.get_or_init(|| {
                std::fs::read_to_string("/proc/sys/net/core/optmem_max")
                    .ok()
                    .and_then(|s| s.trim().parse::<i32>().ok())
                    .filter(|&v| v > 0)
                    .map_or(OPTMEM_MAX_DEFAULT, |v| (v as usize).next_multiple_of(8))
            }),
            #[cfg(test)]
            OptmemMax::Bytes(n) => n,
        }
    }
}

/// strace's `optmem_max` when the system does not say.
pub const OPTMEM_MAX_DEFAULT: usize = 8 * (2 * 1024 + 512);

impl DecodeOpts {
    /// The most elements of an array shown: `-s` of them while abbreviating (strace's
    /// `print_array`, `abbrev(tcp)`), all of them under `-v`.
    pub fn max_elements(&self) -> u64 {
        if self.abbreviate {
            self.max_strlen as u64
        } else {
            u64::MAX
        }
    }
}

pub use crate::table::PATH_MAX;

/// How deep arrays and structs nest inside one argument, for every renderer: a small fixed
/// stack keeps rendering allocation-free (strace's own decoders nest a few levels; deeper
/// levels still print, without their separators' bookkeeping).
pub const MAX_DEPTH: usize = 16;

/// The largest `-s` strace accepts (strace 6.1 parses it with `string_to_uint_upto(optarg,
/// (unsigned int) -1 / 4)`): a limit plus one, or four times it, still fits in 32 bits.
pub const MAX_STRLEN: usize = (u32::MAX / 4) as usize;

/// Reusable buffers, so decoding allocates nothing once warmed up.
pub struct Scratch {
    bytes: Vec<u8>,
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            bytes: vec![0; PATH_MAX + 1],
        }
    }

    /// `len` bytes to read into; what it held is kept ([`Scratch::fill`] grows it a piece
    /// at a time, as reads succeed).
    fn buf(&mut self, len: usize) -> &mut [u8] {
        if self.bytes.len() < len {
            self.bytes.resize(len, 0);
        }
        &mut self.bytes[..len]
    }

    /// Reads `len` bytes of tracee memory at `addr`, growing the buffer only as reads succeed:
    /// a huge length from the tracee or from `-s` costs memory only where the tracee really
    /// has readable memory. `Err` if any of it cannot be read, as [`Memory::read`].
    pub fn fill<M: Memory>(&mut self, mem: &M, addr: u64, len: usize) -> Result<&mut [u8], Errno> {
        let mut done = 0;
        while done < len {
            let n = (len - done).min(FILL_CHUNK);
            let at = addr.wrapping_add(done as u64);
            mem.read(at, &mut self.buf(done + n)[done..])?;
            done += n;
        }
        Ok(self.buf(len))
    }

    /// Reads a NUL-terminated string of at most `max` bytes at `addr` as
    /// [`Memory::read_cstr`] does (a short read reported as one read of `max` bytes), growing
    /// the buffer a piece at a time; the bytes are `self.bytes()[..result.len]`.
    pub fn fill_cstr<M: Memory>(&mut self, mem: &M, addr: u64, max: usize) -> Result<CStr, Errno> {
        let mut done = 0;
        loop {
            let n = (max - done).min(FILL_CHUNK);
            let at = addr.wrapping_add(done as u64);
            let got = mem.read_cstr_part(at, &mut self.buf(done + n)[done..]);
            match got {
                Ok(c) if c.found_nul || done + n >= max => {
                    return Ok(CStr {
                        len: done + c.len,
                        found_nul: c.found_nul,
                    });
                }
                Ok(_) => done += n,
                Err((e, nread)) => {
                    if done + nread > 0 {
                        mem.short_read(addr, done + nread, max, e);
                    }
                    return Err(e);
                }
            }
        }
    }

    /// The buffer's bytes after [`Scratch::fill_cstr`].
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// How much [`Scratch::fill`] reads and grows at a time.
const FILL_CHUNK: usize = 64 * 1024;

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

/// Everything a printer may need.
pub struct Ctx<'a, M: Memory> {
    pub mem: &'a M,
    pub opts: DecodeOpts,
    pub scratch: &'a mut Scratch,
    /// The tracee's previous syscall, which a `restart_syscall` resumes.
    pub previous: u64,
    /// Describes descriptors for `-y`; `None` when no detail is shown (no lookups then).
    pub fds: Option<&'a mut dyn FdResolver>,
    /// Notes pids for `-Y` and `--decode-pids=pidns`; `None` when neither is asked for.
    pub pids: Option<&'a mut dyn PidResolver>,
    /// What a call's entry saved for its exit beyond [`Call::saved`], kept per tracee as
    /// strace keeps it. `None` where nothing keeps it (the exit then shows what the kernel
    /// left alone).
    pub saved: Option<&'a mut Saved>,
}

/// What `recvmmsg`'s entry saves for its exit (strace keeps the like in its per-tracee
/// data): what the kernel writes over.
#[derive(Debug, Default)]
pub struct Saved {
    /// The `msg_namelen` of each message, as the call was given them.
    pub namelens: Vec<u32>,
    /// The timeout as the call was given it, seconds and nanoseconds; `None` when it was not
    /// read (NULL, unreadable, or `-e verbose=` leaving the call out: its address shows).
    pub timeout: Option<(i64, u64)>,
    /// An ioctl argument's struct as the call was given it, for the requests that show what
    /// the caller gave beside what the kernel wrote (V4L2's); empty when it was not read.
    pub ioctl: Vec<u8>,
    /// What a `bpf` call's entry read of the attr the kernel answers in.
    pub bpf: bpf_attr::Kept,
    /// Members of an ioctl's argument as its entry read them, which the kernel may write
    /// over (UFFDIO_API's `api` and `features`: zeroed when the call fails).
    pub ioctl_words: [u64; 2],
}

/// What is shown beside a pid: its command name (`-Y`: `1234<bash>`), and its pid in the
/// tracer's namespace when the tracee's differs (`--decode-pids=pidns`:
/// `1 /* 4242 in strace's PID NS */`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PidNote {
    pub comm: Option<crate::comm::Comm>,
    pub tracer_pid: Option<i32>,
}

/// Finds the [`PidNote`] of a pid the process being decoded passed or got.
pub trait PidResolver {
    /// The note of `id` (positive), an id of `kind`; `tracer_pid` only when it differs.
    fn note(&mut self, id: i32, kind: PidKind) -> PidNote;
    /// The number `/proc` knows the task `id` of `kind` by (the tracee's namespace and
    /// `/proc`'s may differ); `None` when no task has it.
    fn proc_pid(&mut self, id: i32, kind: PidKind) -> Option<i32>;
}

/// Which id of a task a pid is (strace's `enum pid_type`): its thread id, its process
/// (thread group) id, its process group, its session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PidKind {
    Tid,
    Tgid,
    Pgid,
    Sid,
}

impl PidKind {
    /// The line of `/proc/T/status` listing this id in every namespace.
    pub fn status_key(self) -> &'static str {
        match self {
            PidKind::Tid => "NSpid:",
            PidKind::Tgid => "NStgid:",
            PidKind::Pgid => "NSpgid:",
            PidKind::Sid => "NSsid:",
        }
    }
}

impl<M: Memory> Ctx<'_, M> {
    /// What `fd` stands for, when descriptors are described at all.
    pub fn fd_info(&mut self, fd: i32) -> Option<&FdInfo> {
        self.fds.as_deref_mut()?.fd(fd)
    }
}

/// Prints a descriptor with its description.
pub fn fd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, fd: i32) {
    let info = ctx.fd_info(fd);
    sink.fd(i64::from(fd), info);
}

/// Prints a descriptor of process `pid` (as the tracee names it), described as that
/// process has it: `kcmp`'s indexes. No process (a pid of 0 or below, or gone) leaves the
/// number alone.
pub fn fd_of_pid<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, pid: i32, fd: i32) {
    let proc_pid = match ctx.pids.as_deref_mut() {
        Some(pids) => pids.proc_pid(pid, PidKind::Tgid),
        None => (pid > 0).then_some(pid),
    };
    match proc_pid {
        Some(p) => fd_in_proc(sink, ctx, p, fd),
        None => sink.int(i64::from(fd)),
    }
}

/// Prints a descriptor of the process `/proc` knows as `proc_pid`, described as it has it.
fn fd_in_proc<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, proc_pid: i32, fd: i32) {
    let info = ctx
        .fds
        .as_deref_mut()
        .and_then(|fds| fds.fd_in(proc_pid, fd));
    sink.fd(i64::from(fd), info);
}

/// Prints a directory descriptor of the `*at` calls: `AT_FDCWD` (with the current directory
/// under `-y`) or a descriptor.
pub fn dirfd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: i32) {
    if v == AT_FDCWD {
        let cwd = ctx.fds.as_deref_mut().and_then(|r| r.cwd());
        return sink.at_fdcwd(cwd);
    }
    fd(sink, ctx, v)
}

#[cfg(test)]
impl Default for DecodeOpts {
    /// strace's defaults: `-s 32`, abbreviated, verbose.
    fn default() -> Self {
        DecodeOpts {
            max_strlen: 32,
            abbreviate: true,
            verbose: true,
            pid_comm: false,
            optmem_max: OptmemMax::Bytes(OPTMEM_MAX_DEFAULT),
        }
    }
}

#[cfg(test)]
impl<'a, M: Memory> Ctx<'a, M> {
    /// strace's defaults (`-s 32`, abbreviated, verbose), no descriptor paths: what the decoder
    /// tests run with unless they say otherwise.
    pub fn for_test(mem: &'a M, scratch: &'a mut Scratch) -> Self {
        Ctx {
            mem,
            opts: DecodeOpts::default(),
            scratch,
            previous: 0,
            fds: None,
            pids: None,
            saved: None,
        }
    }
}

/// The outcome of a syscall, as the exit stop reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The return value of a call that succeeded.
    Ok(i64),
    /// The errno of a call that failed.
    Err(u64),
}

/// The 6-argument stand-in for a syscall number the table does not know: strace prints all six
/// registers then.
pub static UNKNOWN_ARGS: [ArgDesc; 6] = [
    ArgDesc::raw(0),
    ArgDesc::raw(1),
    ArgDesc::raw(2),
    ArgDesc::raw(3),
    ArgDesc::raw(4),
    ArgDesc::raw(5),
];

/// Prints the arguments of `call` in `range` (entry: those before `first_out`; exit: the
/// rest). Returns whether any was printed, for the separator.
fn args<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    range: std::ops::Range<usize>,
    outcome: Option<Outcome>,
) -> bool {
    let mut printed = false;
    for (i, desc) in call
        .arg_descs()
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        if !present(desc, call) {
            continue;
        }
        if printed {
            sink.arg_sep();
        }
        printed = true;
        // A decoder printing several registers names the ones after the first itself
        // ([`next_arg`]), and may rename the first (clone's `child_stack=`).
        if outcome.is_some()
            && i == range.start
            && desc.kind.def().updated_at_exit
            && !call.quiet_entry
        {
            // Printed at entry already, named there; its exit adds ` => ...`.
        } else if name_shown(call, i, desc) {
            sink.arg_name(desc.name);
        } else {
            sink.implicit_arg_name(desc.name);
        }
        if desc.out && !desc.kind.def().shows_failure && matches!(outcome, Some(Outcome::Err(_))) {
            // What the kernel would have filled is not there: strace shows the address. (An
            // argument printed at exit but not marked out, like recvmmsg's timeout, still
            // shows.)
            sink.addr(call.args[i]);
        } else {
            arg(sink, ctx, desc, call, i, outcome);
        }
    }
    printed
}

/// Whether `-N` shows the name of argument `i`: strace 6.16 names every register it prints
/// but a pseudo-argument's (past the call's `nargs`: rt_sigreturn's frame, restart_syscall's
/// `<... resuming ...>`) and `time`'s, which its decoder leaves unnamed.
fn name_shown(call: &Call, i: usize, desc: &ArgDesc) -> bool {
    let nargs = call
        .desc
        .map_or(UNKNOWN_ARGS.len(), |d| usize::from(d.nargs));
    i < nargs && desc.kind != Kind::TimeT
}

/// Starts the next top-level argument of a decoder that prints several registers (prctl's,
/// futex's): its separator and its name (strace 6.16's name for it, shown by `-N`).
pub(super) fn next_arg<S: Sink>(sink: &mut S, name: &'static str) {
    sink.arg_sep();
    sink.arg_name(name);
}

/// [`next_arg`] for register `i` (from 0) where strace 6.16 names it by its number (`arg3`).
pub(super) fn next_register<S: Sink>(sink: &mut S, i: usize) {
    next_arg(sink, table::REGISTER_NAMES[i]);
}

/// The value of the argument `desc` depends on (`by`).
fn by_value(desc: &ArgDesc, call: &Call) -> u64 {
    desc.by.map_or(0, |b| call.args[usize::from(b)])
}

/// A socket option value's level and name: its `by` is the option name, whose `by` is the
/// level.
fn sockopt_of(desc: &ArgDesc, call: &Call) -> (u64, u64) {
    let name_index = desc.by.map_or(0, usize::from);
    let level = call
        .arg_descs()
        .get(name_index)
        .map_or(0, |name| by_value(name, call));
    (level, call.args[name_index])
}

/// Whether an argument is printed: its `show_if`, and for the kinds whose presence depends
/// on another argument (`fcntl(3, F_GETFD)` has no third), their own rule.
fn present(desc: &ArgDesc, call: &Call) -> bool {
    if let Some(show_if) = desc.show_if
        && !show_if.shows(call.args[show_if.arg as usize])
    {
        return false;
    }
    match desc.kind {
        Kind::FcntlArg => fs::fcntl_has_arg(by_value(desc, call)),
        Kind::IoctlArg => ioctl::has_arg(by_value(desc, call)),
        Kind::PrctlArgs => prctl::has_args(call),
        Kind::ArchPrctlArg => arch_prctl::has_arg(call),
        Kind::ArchPrctlResult => arch_prctl::has_result(call),
        Kind::PrctlResult => prctl::has_result(call),
        Kind::SyslogArgs => admin::syslog_has_args(call),
        Kind::SyslogRead => admin::syslog_reads(call),
        Kind::SeccompArgs => seccomp::has_args(call),
        Kind::SeccompSizes => seccomp::has_sizes(call),
        Kind::KcmpIdx => admin::kcmp_has_idx(call),
        Kind::RebootArg => admin::reboot_has_arg(by_value(desc, call)),
        Kind::PtraceArgs => ptrace_req::has_args(call),
        Kind::PtraceData => ptrace_req::has_data(call),
        Kind::KeyctlArgs => keyctl::has_args(call),
        Kind::KeyctlResult => keyctl::has_result(call),
        Kind::QuotaArgs => quota::has_args(by_value(desc, call)),
        Kind::QuotaResult => quota::has_result(by_value(desc, call)),
        Kind::Unused => false,
        _ => true,
    }
}

/// Prints argument `i` of `call`, of the kind `desc` gives.
pub(super) fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &ArgDesc,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let v = call.args[i];
    // The argument the kind depends on (`by` in the spec), checked by build.rs.
    let by = by_value(desc, call);
    match desc.kind {
        Kind::Int => sink.int(i64::from(v as i32)),
        Kind::Pid => pid(sink, ctx, i64::from(v as i32), PidKind::Tgid),
        Kind::Tid => pid(sink, ctx, i64::from(v as i32), PidKind::Tid),
        Kind::Pgid => pid(sink, ctx, i64::from(v as i32), PidKind::Pgid),
        Kind::PidOrPgid => pid_or_pgid(sink, ctx, i64::from(v as i32)),
        // PRIO_PROCESS, PRIO_PGRP (<linux/resource.h>).
        Kind::PrioWho => match by as u32 {
            0 => pid(sink, ctx, i64::from(v as i32), PidKind::Tgid),
            1 => pid(sink, ctx, i64::from(v as i32), PidKind::Pgid),
            _ => sink.int(i64::from(v as i32)),
        },
        // IOPRIO_WHO_PROCESS and IOPRIO_WHO_PGRP (<linux/ioprio.h>).
        Kind::IoprioWho => match by as u32 {
            1 => pid(sink, ctx, i64::from(v as i32), PidKind::Tgid),
            2 => pid(sink, ctx, i64::from(v as i32), PidKind::Pgid),
            _ => sink.int(i64::from(v as i32)),
        },
        Kind::Ioprio => admin::ioprio(sink, i64::from(v as i32)),
        Kind::WaitidId => process::waitid_id(sink, ctx, by, v),
        Kind::UserDesc => ldt::user_desc(sink, ctx, v),
        Kind::ModifyLdtPtr => ldt::modify_ldt_ptr(sink, ctx, v, by),
        Kind::ThreadAreaOut => ldt::thread_area_out(sink, ctx, v, call.saved[i], outcome),
        Kind::FdOfPidfd => {
            let target = ctx.fds.as_deref_mut().and_then(|f| f.pidfd_pid(by as i32));
            match target {
                Some(pid) => fd_in_proc(sink, ctx, pid, v as i32),
                None => sink.int(i64::from(v as i32)),
            }
        }
        Kind::Uint => sink.uint(u64::from(v as u32)),
        Kind::Long => sink.int(v as i64),
        Kind::Size => sink.uint(v),
        Kind::Hex => sink.hex(v),
        Kind::Addr => sink.addr(v),
        Kind::Fd => fd(sink, ctx, v as i32),
        Kind::Dirfd => dirfd(sink, ctx, v as i32),
        Kind::Hex32 => sink.hex(u64::from(v as u32)),
        // umode_t is 16 bits wide (include/linux/types.h).
        Kind::Octal => sink.octal(v & 0o177777),
        Kind::Flags => sink.flags(u64::from(v as u32), desc.flags()),
        Kind::Flags64 => sink.flags(v, desc.flags()),
        Kind::Enum => sink.enumeration(u64::from(v as u32), desc.enumeration()),
        Kind::Enum64 => sink.enumeration(v, desc.enumeration()),
        Kind::Signo => sink.signal(i64::from(v as i32)),
        Kind::Path => string::path(sink, ctx, v),
        Kind::String => string::cstring(sink, ctx, v),
        // MFD_NAME_MAX_LEN + 1: 255 less the "memfd:" prefix, and the NUL.
        Kind::MemfdName => string::cstring_within(sink, ctx, v, 255 - 6 + 1),
        // `-e verbose=` leaves these as addresses, as strace's decoders do.
        Kind::Argv | Kind::Envp | Kind::Stat | Kind::Rlimit | Kind::Sigaction
            if !ctx.opts.verbose =>
        {
            sink.addr(v)
        }
        Kind::Argv => string::argv(sink, ctx, v),
        Kind::Envp => string::envp(sink, ctx, v),
        Kind::Buffer => string::buffer(
            sink,
            ctx,
            v,
            buffer_len(desc.len(), &call.args, outcome),
            false,
        ),
        Kind::HexBuffer => string::buffer(
            sink,
            ctx,
            v,
            buffer_len(desc.len(), &call.args, outcome),
            true,
        ),
        Kind::Iovec => {
            let count = buffer_len(desc.len(), &call.args, None);
            // Printed at entry, the buffers hold what is written; at exit, what was read (the
            // return value says how much), or nothing if the call failed.
            let data = match outcome {
                None => iov::IovData::All,
                Some(Outcome::Ok(n)) => iov::IovData::Upto(n.max(0) as u64),
                Some(Outcome::Err(_)) => iov::IovData::Addresses,
            };
            iov::iovec_array(sink, ctx, v, count, data)
        }
        Kind::Unused => {}
        Kind::Rlimit => structs::rlimit(sink, ctx, v),
        Kind::SigreturnFrame => signal::sigreturn_frame(sink, ctx, call.sp),
        Kind::Stat => stat::stat(sink, ctx, v),
        Kind::OutPath => string::out_path(sink, ctx, v, outcome),
        // -1 means "leave unchanged" (chown(2)); other ids are unsigned.
        Kind::Uid => sink.id(v as u32),
        Kind::MknodMode => fs::mknod_mode(sink, by, v),
        Kind::Dirents => dirent::dirents(sink, ctx, v, by, outcome, dirent::Layout::Dirent),
        Kind::Dirents64 => dirent::dirents(sink, ctx, v, by, outcome, dirent::Layout::Dirent64),
        Kind::Statx => stat::statx(sink, ctx, v),
        Kind::StatxFlags => stat::statx_flags(sink, v),
        Kind::Statfs => stat::statfs(sink, ctx, v),
        Kind::OpenHow => fs::open_how(sink, ctx, by, v),
        Kind::FcntlCmd => sink.enumeration(u64::from(v as u32), &table::ENUM_FCNTL_CMD),
        Kind::FcntlArg => fs::fcntl_arg(sink, ctx, by, v, outcome),
        Kind::IoctlRequest => ioctl::request(sink, v),
        Kind::IoctlArg => ioctl::arg(sink, ctx, call, i, outcome),
        Kind::Sigset => signal::sigset(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::Sigaction => signal::sigaction(sink, ctx, v),
        Kind::Siginfo => signal::siginfo_at(sink, ctx, v),
        Kind::SigaltStack => signal::sigaltstack(sink, ctx, v),
        Kind::WaitStatus | Kind::ChildRusage if outcome == Some(Outcome::Ok(0)) => sink.addr(v),
        Kind::WaitStatus => process::wait_status(sink, ctx, v),
        Kind::Rusage | Kind::ChildRusage => process::rusage(sink, ctx, v),
        Kind::FutexOp => futex::futex_op(sink, ctx, call),
        Kind::CloneFlags => process::clone_flags(sink, call, desc.flags()),
        Kind::CloneTail => process::clone_tail(sink, ctx, call, outcome),
        Kind::CloneArgs => process::clone_args(sink, ctx, by, v, outcome),
        Kind::GidArray => {
            process::gid_array(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::CpuSet => process::cpu_set(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::Utsname => process::utsname(sink, ctx, v),
        Kind::IpcFlags => ipc::ipc_flags(sink, v, desc.flags()),
        Kind::IpcCmd => ipc::ipc_cmd(sink, v, desc.enumeration()),
        Kind::Msgbuf => ipc::msgbuf(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::Sembufs => ipc::sembufs(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::MsgctlBuf => ipc::msgctl_buf(sink, ctx, by, v, outcome),
        Kind::SemctlArg => ipc::semctl_arg(sink, ctx, by, v, outcome),
        Kind::ShmctlBuf => ipc::shmctl_buf(sink, ctx, by, v, outcome),
        _ => arg_more(sink, ctx, desc, call, i, outcome),
    }
}

/// The rest of [`arg`]'s kinds: times, sockets, process and admin structures, polls and
/// extended attributes.
fn arg_more<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &ArgDesc,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let v = call.args[i];
    let by = by_value(desc, call);
    match desc.kind {
        Kind::NamedInt => sink.named_int(v as i32, desc.enumeration()),
        Kind::EnumHex => sink.enumeration_or_hex(u64::from(v as u32), desc.enumeration()),
        Kind::SigsetUpto => {
            signal::sigset_upto(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::Timex if !ctx.opts.verbose => sink.addr(v),
        Kind::Timex => time::timex(sink, ctx, v),
        Kind::KeyctlArgs => keyctl::args(sink, ctx, call),
        Kind::KeyctlResult => keyctl::result(sink, ctx, call, outcome),
        Kind::QuotaCmd => quota::qcmd(sink, v),
        Kind::AioContextOut => aio::context_out(sink, ctx, v),
        Kind::Iocbs => aio::iocbs(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::IocbHeader => aio::iocb_header(sink, ctx, v),
        Kind::IoUringParams => io_uring::params(sink, ctx, v, outcome),
        Kind::IoUringRegisterArg => io_uring::register_arg(sink, ctx, call, i, outcome),
        Kind::PerfEventAttr => perf::attr(sink, ctx, v, call.saved[i], outcome),
        Kind::QuotaArgs => quota::args(sink, ctx, by, call.args[2], call.args[3]),
        Kind::QuotaResult => quota::result(sink, ctx, by, call.args[3]),
        Kind::Timespec => time::timespec(sink, ctx, v),
        Kind::TimespecRem => time::timespec_rem(sink, ctx, v, outcome),
        Kind::ClockRem if by != 0 => sink.addr(v),
        Kind::ClockRem => time::timespec_rem(sink, ctx, v, outcome),
        Kind::Timeval => time::timeval(sink, ctx, v),
        Kind::TimeT => time::time_t(sink, ctx, v),
        Kind::Tms => time::tms(sink, ctx, v),
        Kind::Sigevent => time::sigevent(sink, ctx, v),
        Kind::IntPtr => structs::int_ptr(sink, ctx, v),
        Kind::FdPair => structs::fd_pair(sink, ctx, v),
        Kind::SockType => net::sock_type(sink, v),
        Kind::SockProtocol => net::protocol(sink, by, v),
        #[rustfmt::skip]
        Kind::Sockaddr | Kind::SockaddrOut | Kind::SockLenPtr | Kind::SockLevel
        | Kind::SockoptName | Kind::SockoptVal | Kind::SockoptValOut | Kind::SockBuffer
        | Kind::Msghdr | Kind::MsghdrOut | Kind::Mmsghdrs | Kind::MmsghdrsOut
            => arg_socket(sink, ctx, desc, call, i, outcome),
        Kind::MincoreVec => mm::mincore_vec(sink, ctx, v, by),
        Kind::MmsgTimeout => time::mmsg_timeout(sink, ctx, v),
        Kind::UintPtr => admin::uint_ptr(sink, ctx, v),
        Kind::Sysinfo => admin::sysinfo(sink, ctx, v),
        Kind::Personality => admin::personality(sink, v),
        Kind::CapData => admin::cap_data(sink, ctx, by, v),
        Kind::PrctlArgs => prctl::args(sink, ctx, call),
        Kind::ArchPrctlArg => arch_prctl::arg(sink, call),
        Kind::ArchPrctlResult => arch_prctl::result(sink, ctx, call, outcome),
        Kind::PrctlResult => prctl::result(sink, ctx, call, outcome),
        Kind::MountType => admin::mount_string(sink, ctx, by, v, false),
        Kind::MountFlags => admin::mount_flags(sink, v),
        Kind::MountData => admin::mount_string(sink, ctx, by, v, true),
        Kind::SyslogType => admin::syslog_action(sink, call),
        Kind::SyslogArgs => admin::syslog_args(sink, call),
        Kind::SyslogRead => admin::syslog_read(sink, ctx, call, outcome),
        Kind::UtsString => {
            admin::uts_string(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::KcmpIdx => admin::kcmp_idx(sink, ctx, call),
        Kind::PtraceArgs => ptrace_req::args(sink, ctx, call),
        Kind::PtraceData => ptrace_req::data(sink, ctx, call, outcome),
        Kind::Pollfds => poll::pollfds(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::FdSet => poll::fd_set(sink, ctx, by, v),
        Kind::PselectSigmask => poll::pselect_sigmask(sink, ctx, v),
        Kind::EpollEvent => poll::epoll_event(sink, ctx, by, v),
        Kind::EpollEvents => {
            poll::epoll_events(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::Utimens => time::utimens(sink, ctx, v),
        Kind::Utimes => time::utimes(sink, ctx, v),
        Kind::Utimbuf => time::utimbuf(sink, ctx, v),
        Kind::XattrValue => {
            xattr::xattr_value(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::XattrList => xattr::xattr_list(
            sink,
            ctx,
            v,
            buffer_len(desc.len(), &call.args, outcome),
            outcome,
        ),
        Kind::Hex32 => sink.hex(u64::from(v as u32)),
        Kind::LoffPtr => fs::loff_ptr(sink, ctx, v, false),
        #[rustfmt::skip]
        Kind::FanDirfd | Kind::FanInitFlags | Kind::KexecFlags | Kind::KexecSegments
        | Kind::IovecAddrs | Kind::MqAttr | Kind::MqOpenAttr | Kind::FsconfigKey
        | Kind::FsconfigValue | Kind::FsconfigAux | Kind::SeccompFlags | Kind::SeccompArgs
        | Kind::SeccompSizes | Kind::SwapFlags | Kind::Struct | Kind::SizedStruct
        | Kind::StructBy | Kind::StructArray | Kind::SchedAttr | Kind::SchedAttrOut
        | Kind::MpolMode | Kind::MpolMode64 | Kind::Nodemask | Kind::EnumPtr | Kind::AddrArray
        | Kind::IntArray | Kind::ErrnoArray | Kind::AddrPtr | Kind::UlongPtr | Kind::Dev
        | Kind::RebootArg
            => arg_admin(sink, ctx, desc, call, i, outcome),
        Kind::SendfileOffset => fs::sendfile_offset(sink, ctx, by, v, outcome),
        Kind::BpfAttr => bpf_attr::attr(sink, ctx, desc, call, outcome),
        // strace names syscall 0 when it never saw the interrupted call (after an attach).
        Kind::InterruptedCall => {
            sink.interrupted_call(table::syscall(ctx.previous).map_or("read", |d| d.name))
        }
        // Handled by `arg` (listed, so that a new kind has no printer until one is written;
        // kept dense by hand).
        #[rustfmt::skip]
        Kind::Addr | Kind::Argv | Kind::Buffer | Kind::CloneArgs | Kind::CloneFlags
        | Kind::CloneTail | Kind::CpuSet | Kind::Dirents | Kind::Dirents64 | Kind::Dirfd
        | Kind::Enum | Kind::Envp | Kind::FcntlArg | Kind::FcntlCmd | Kind::Fd | Kind::Flags
        | Kind::Flags64 | Kind::Enum64
        | Kind::FutexOp | Kind::GidArray | Kind::Hex | Kind::HexBuffer | Kind::Int
        | Kind::IoctlArg | Kind::IoctlRequest | Kind::Iovec | Kind::Long | Kind::MknodMode
        | Kind::Octal | Kind::OpenHow | Kind::OutPath | Kind::Path | Kind::Pid | Kind::Rlimit
        | Kind::Rusage | Kind::Tid | Kind::Pgid | Kind::PidOrPgid | Kind::PrioWho
        | Kind::IoprioWho | Kind::Ioprio | Kind::ChildRusage | Kind::Sigaction
        | Kind::SigaltStack | Kind::Siginfo | Kind::Signo
        | Kind::SigreturnFrame | Kind::Sigset | Kind::Size | Kind::Stat | Kind::Statfs
        | Kind::Statx | Kind::StatxFlags | Kind::String | Kind::MemfdName | Kind::Uid | Kind::Uint | Kind::Unused
        | Kind::Utsname | Kind::WaitStatus | Kind::WaitidId | Kind::FdOfPidfd | Kind::UserDesc
        | Kind::ModifyLdtPtr | Kind::ThreadAreaOut | Kind::IpcFlags | Kind::IpcCmd
        | Kind::Msgbuf | Kind::Sembufs | Kind::MsgctlBuf | Kind::SemctlArg | Kind::ShmctlBuf
            => sink.hex(v),
    }
}

/// [`arg_more`]'s kinds of the declarative structs (src/decode/fields.rs) and of the mount
/// API, fanotify, kexec, swap, message queues, scheduling attributes and seccomp.
fn arg_admin<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &ArgDesc,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let v = call.args[i];
    let by = by_value(desc, call);
    match desc.kind {
        Kind::Struct => match desc.strukt() {
            Some(s) => fields::at(sink, ctx, s, v),
            None => sink.addr(v),
        },
        Kind::SizedStruct => match desc.strukt() {
            Some(s) => fields::sized(sink, ctx, s, v, buffer_len(desc.len(), &call.args, outcome)),
            None => sink.addr(v),
        },
        Kind::StructBy => fields::by_tag(sink, ctx, desc, by, v),
        Kind::StructArray => match desc.strukt() {
            Some(s) => fields::array(sink, ctx, s, v, count_of(desc, call, outcome)),
            None => sink.addr(v),
        },
        Kind::SchedAttr => sched::set(sink, ctx, v, outcome),
        Kind::SchedAttrOut => sched::get(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::FanDirfd => fs::fan_dirfd(sink, ctx, v as i32),
        Kind::FanInitFlags => fs::fan_init_flags(sink, v),
        Kind::KexecFlags => admin::kexec_flags(sink, v),
        Kind::SwapFlags => admin::swap_flags(sink, v),
        Kind::KexecSegments => {
            admin::kexec_segments(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::IovecAddrs => {
            let count = buffer_len(desc.len(), &call.args, outcome);
            iov::iovec_array(sink, ctx, v, count, iov::IovData::Addresses)
        }
        Kind::MqAttr => mq::mq_attr(sink, ctx, v, true),
        Kind::MqOpenAttr => mq::mq_attr(sink, ctx, v, false),
        Kind::FsconfigKey => fsconfig::key(sink, ctx, call),
        Kind::FsconfigValue => fsconfig::value(sink, ctx, call),
        Kind::FsconfigAux => fsconfig::aux_arg(sink, ctx, call),
        Kind::SeccompFlags => seccomp::flags(sink, call),
        Kind::SeccompArgs => seccomp::args(sink, ctx, call),
        Kind::SeccompSizes => seccomp::sizes(sink, ctx, call, outcome),
        Kind::MpolMode => mm::mpol_mode(sink, u64::from(v as u32)),
        Kind::MpolMode64 => mm::mpol_mode(sink, v),
        Kind::Nodemask => {
            let failed = desc.out && matches!(outcome, Some(Outcome::Err(_)));
            mm::nodemask(
                sink,
                ctx,
                v,
                buffer_len(desc.len(), &call.args, outcome),
                failed,
            )
        }
        Kind::EnumPtr => mm::enum_ptr(sink, ctx, v, desc.enumeration()),
        Kind::AddrArray => {
            mm::addr_array(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::IntArray => mm::int_array(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome)),
        Kind::AddrPtr => admin::word_ptr(sink, ctx, v, |sink, w| sink.addr(w)),
        Kind::UlongPtr => admin::word_ptr(sink, ctx, v, |sink, w| sink.uint(w)),
        Kind::Dev => sink.dev(libc::major(v & 0xffff_ffff), libc::minor(v & 0xffff_ffff)),
        // The kernel copies at most 255 bytes of it (a buffer of 256 ending in NUL).
        Kind::RebootArg => string::cstring_within(sink, ctx, v, 255),
        Kind::ErrnoArray => {
            let failed = matches!(outcome, Some(Outcome::Err(_)));
            mm::errno_array(
                sink,
                ctx,
                v,
                buffer_len(desc.len(), &call.args, outcome),
                failed,
            )
        }
        // Not one of arg_more's list for this function.
        _ => sink.hex(v),
    }
}

/// The kinds of [`arg_more`] that belong to sockets: addresses, options, buffers and
/// message headers.
fn arg_socket<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &ArgDesc,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let v = call.args[i];
    let by = by_value(desc, call);
    match desc.kind {
        Kind::Sockaddr => {
            sockaddr::sockaddr(sink, ctx, v, buffer_len(desc.len(), &call.args, outcome))
        }
        Kind::SockaddrOut => match saved_len(ctx, call, desc.len()) {
            Some((entry_len, exit_len)) => {
                sockaddr::sockaddr(sink, ctx, v, u64::from(exit_len.min(entry_len)))
            }
            None => sink.addr(v),
        },
        Kind::SockLenPtr => {
            let failed = matches!(outcome, Some(Outcome::Err(_)));
            net::sock_len_ptr(sink, ctx, v, call.saved[i], failed)
        }
        Kind::SockLevel => sink.enumeration(u64::from(v as u32), &table::ENUM_SOCK_LEVEL),
        // getsockopt (whose value the kernel fills) knows some options by other names.
        Kind::SockoptName => {
            let get = call
                .arg_descs()
                .iter()
                .any(|d| d.kind == Kind::SockoptValOut);
            sockopt::name(sink, by, v, get)
        }
        Kind::SockoptVal => {
            let len = buffer_len(desc.len(), &call.args, outcome) as i32;
            let (level, name) = sockopt_of(desc, call);
            sockopt::value(sink, ctx, v, sockopt::Way::Set { len }, level, name)
        }
        Kind::SockoptValOut => match saved_len(ctx, call, desc.len()) {
            Some((given, got)) => {
                let (level, name) = sockopt_of(desc, call);
                let way = sockopt::Way::Get {
                    given: given as i32,
                    got: got as i32,
                };
                sockopt::value(sink, ctx, v, way, level, name)
            }
            None => sink.addr(v),
        },
        Kind::SockBuffer => {
            let len = buffer_len(desc.len(), &call.args, outcome);
            // A receive shows what it received (with MSG_TRUNC, what the kernel had may be
            // more than the buffer).
            let len = match outcome {
                Some(Outcome::Ok(n)) if desc.out => len.min(n.max(0) as u64),
                _ => len,
            };
            netlink::sock_buffer(sink, ctx, by as i32, v, len)
        }
        // The socket of a message's data is the call's first argument (strace assumes so
        // too): its netlink protocol decodes netlink messages.
        Kind::Msghdr => net::msghdr(sink, ctx, v, None, None, None, call.args[0] as i32),
        Kind::MsghdrOut => {
            let fd = call.args[0] as i32;
            net::msghdr(
                sink,
                ctx,
                v,
                Some(ret_len(outcome)),
                outcome,
                call.saved[i],
                fd,
            )
        }
        // strace shows every message a send was given, with the lengths of those it sent
        // (none when it failed), and the messages a receive filled; the socket (the first
        // argument) decides whether the data are netlink messages.
        Kind::Mmsghdrs => {
            let fd = call.args[0] as i32;
            net::mmsghdrs(sink, ctx, v, by, ret_len(outcome), false, fd)
        }
        Kind::MmsghdrsOut => {
            let n = ret_len(outcome);
            net::mmsghdrs(sink, ctx, v, n, n, true, call.args[0] as i32)
        }
        _ => sink.hex(v),
    }
}

/// What a successful call returned, as a length (0 at entry or after a failure).
fn ret_len(outcome: Option<Outcome>) -> u64 {
    match outcome {
        Some(Outcome::Ok(n)) => n.max(0) as u64,
        _ => 0,
    }
}

/// A length kept in memory at the pointer argument `len`: its value at entry (as saved) and
/// now (0 if it cannot be read now). `None` when it could not be read at entry: strace then
/// shows the buffer and the length as addresses, and reads neither again.
fn saved_len<M: Memory>(ctx: &Ctx<'_, M>, call: &Call, len: Len) -> Option<(u32, u32)> {
    let Len::Arg(i) = len else {
        return Some((0, 0));
    };
    let i = i as usize;
    let at_entry = call.saved[i]?;
    let now = read_u32(ctx.mem, call.args[i]).unwrap_or(0);
    Some((at_entry, now))
}

/// Reads a native-endian `u32`.
fn read_u32<M: Memory>(mem: &M, addr: u64) -> Option<u32> {
    if addr == 0 {
        return None;
    }
    let mut b = [0u8; 4];
    mem.read(addr, &mut b).ok()?;
    Some(u32::from_ne_bytes(b))
}

/// The length of a buffer argument: another argument, or what the call returned.
fn buffer_len(len: Len, values: &[u64; 6], outcome: Option<Outcome>) -> u64 {
    match (len, outcome) {
        (Len::Arg(i), _) => values[i as usize],
        (Len::Ret, Some(Outcome::Ok(n))) => n.max(0) as u64,
        (Len::Ret, _) => 0,
    }
}

/// An array's element count from its `len`: an argument of a 32-bit kind (`uint`, `int`)
/// counts in its low 32 bits, as the C prototype's `unsigned int` does.
fn count_of(desc: &ArgDesc, call: &Call, outcome: Option<Outcome>) -> u64 {
    let n = buffer_len(desc.len(), &call.args, outcome);
    match desc.len() {
        Len::Arg(i) => match call.arg_descs().get(usize::from(i)).map(|d| d.kind) {
            Some(Kind::Uint | Kind::Int) => u64::from(n as u32),
            _ => n,
        },
        Len::Ret => n,
    }
}

/// A syscall as its entry stop reported it.
#[derive(Debug, Clone, Copy)]
pub struct Call {
    pub nr: u64,
    pub desc: Option<&'static SyscallDesc>,
    pub args: [u64; 6],
    /// The stack pointer at entry.
    pub sp: u64,
    /// `-e raw=`: print the arguments undecoded, in hex.
    pub raw: bool,
    /// Values read at entry that the kernel may change, for arguments printed at exit that
    /// show both (`[128 => 16]`): the `u32` at each such pointer argument.
    pub saved: [Option<u32>; 6],
    /// ioctl's argument showed nothing at entry (the kernel fills it in, or its request is
    /// unknown): its separator and name wait for the exit, as strace writes `ioctl(3, TCGETS
    /// <unfinished ...>` and `<... ioctl resumed>, {c_iflag=...}`.
    pub quiet_entry: bool,
}

impl Call {
    pub fn new(nr: u64, args: [u64; 6], sp: u64) -> Self {
        Call {
            nr,
            desc: table::syscall(nr),
            args,
            sp,
            raw: false,
            saved: [None; 6],
            quiet_entry: false,
        }
    }

    fn arg_descs(&self) -> &'static [ArgDesc] {
        match self.desc {
            Some(d) if self.raw => &UNKNOWN_ARGS[..usize::from(d.nargs).min(UNKNOWN_ARGS.len())],
            Some(d) => d.args,
            None => &UNKNOWN_ARGS[..],
        }
    }

    /// Whether some arguments are printed only when the call returns.
    pub fn has_exit_args(&self) -> bool {
        let descs = self.arg_descs();
        descs[self.first_out().min(descs.len())..]
            .iter()
            .any(|d| present(d, self))
    }

    /// Whether the separator before the arguments printed at exit is written at exit, as
    /// strace's decoders that decide at exit whether to print more: clone's (its first exit
    /// argument shows only under a condition, `show_if`: `flags=...|SIGCHLD <unfinished
    /// ...>`, then `<... clone resumed>, child_tidptr=...`), fcntl's (`F_GETLK <unfinished
    /// ...>`, `<... fcntl resumed>, {l_type=...}`) and ioctl's when its argument shows
    /// nothing at entry ([`Call::quiet_entry`]); else at entry (`read(3,  <unfinished ...>`).
    fn separated_at_exit(&self) -> bool {
        self.quiet_entry
            || self
                .arg_descs()
                .get(self.first_out())
                .is_some_and(|d| d.show_if.is_some() || d.kind == Kind::FcntlArg)
    }

    /// The first argument printed at exit: the spec's `first_out`, or, where strace's decoder
    /// decides at entry that the call shows nothing more at exit, none (the arguments' length).
    fn first_out(&self) -> usize {
        let Some(d) = self.desc.filter(|_| !self.raw) else {
            return self.arg_descs().len();
        };
        let first = usize::from(d.first_out);
        let at_entry = match d.args.get(first).map(|a| a.kind) {
            // bpf's attr, unless the kernel answers in it.
            Some(Kind::BpfAttr) => !bpf_attr::at_exit(self),
            // clone3's struct and size, unless the call writes into the struct what its exit
            // adds.
            Some(Kind::CloneArgs) => self.saved[first] != Some(process::CLONE_ARGS_WRITTEN),
            // fcntl's argument, unless the kernel fills it in.
            Some(Kind::FcntlArg) => !fs::fcntl_arg_at_exit(self.args[1]),
            _ => false,
        };
        if at_entry { d.args.len() } else { first }
    }
}

/// The entry half of a syscall line: the arguments known at entry, and the separator before
/// those printed at exit (strace writes `read(3, ` before the call blocks).
pub fn entry<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &mut Call) {
    let descs = call.arg_descs();
    // Each length is read once, however many arguments it belongs to (strace reads it once).
    let mut read = 0u8;
    for (i, desc) in descs.iter().enumerate() {
        let len_arg = match (desc.kind, desc.len) {
            // getsockopt reads no length under `-e verbose=none`: both pointers show as
            // addresses (the length counts as read, unread).
            (Kind::SockoptValOut, Some(Len::Arg(l))) if !ctx.opts.verbose => {
                read |= 1 << l;
                None
            }
            (Kind::SockLenPtr, _) => Some(i),
            (Kind::SockaddrOut | Kind::SockoptValOut, Some(Len::Arg(l))) => Some(l as usize),
            _ => None,
        };
        if let Some(l) = len_arg.filter(|l| read & (1 << l) == 0) {
            read |= 1 << l;
            call.saved[l] = read_u32(ctx.mem, call.args[l]);
        }
        match desc.kind {
            Kind::MsghdrOut => {
                call.saved[i] = read_u32(ctx.mem, call.args[i].wrapping_add(net::MSG_NAMELEN));
            }
            Kind::KeyctlResult => keyctl::save(ctx, call),
            Kind::IoctlArg => ioctl::save(ctx, call, i),
            Kind::IoUringRegisterArg => io_uring::register_save(ctx, call, i),
            Kind::PerfEventAttr => call.saved[i] = perf::save(ctx.mem, call.args[i]),
            Kind::ThreadAreaOut if ctx.opts.verbose => {
                call.saved[i] = read_u32(ctx.mem, call.args[i]);
            }
            Kind::PtraceData => ptrace_req::save(ctx, call),
            Kind::BpfAttr => bpf_attr::save(ctx, call, desc),
            Kind::CloneArgs => {
                let size = by_value(desc, call);
                call.saved[i] = Some(process::clone_args_save(ctx, call.args[i], size));
            }
            _ => {}
        }
        if let (Kind::MmsghdrsOut, Some(saved)) = (desc.kind, ctx.saved.as_deref_mut()) {
            saved.namelens.clear();
            // strace reads them only for a call whose messages it shows.
            if ctx.opts.verbose {
                let namelens = &mut saved.namelens;
                net::save_namelens(ctx.mem, call.args[i], by_value(desc, call), namelens);
            }
        }
        if let (Kind::MmsgTimeout, Some(saved)) = (desc.kind, ctx.saved.as_deref_mut()) {
            saved.timeout = time::read_timespec(ctx.mem, call.args[i]).filter(|_| ctx.opts.verbose);
        }
    }
    // After the saves: what they read may decide it (bpf's attr).
    let first_out = call.first_out();
    // ioctl's separator goes with its argument: at exit when it shows nothing now.
    call.quiet_entry = descs
        .get(first_out)
        .is_some_and(|d| d.kind == Kind::IoctlArg && !ioctl::shows_at_entry(ctx, call));
    let call = &*call;
    // An argument updated at exit shows its value now and the rest of it (` => [100]`)
    // before the separator, at exit.
    let updated = descs
        .get(first_out)
        .is_some_and(|d| d.kind.def().updated_at_exit && !call.quiet_entry);
    let end = first_out + usize::from(updated);
    if args(sink, ctx, call, 0..end, None)
        && call.has_exit_args()
        && !updated
        && !call.separated_at_exit()
    {
        sink.arg_sep();
    }
}

/// The exit half: the remaining arguments, given the outcome, and the return value.
pub fn exit<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call, outcome: Outcome) {
    if call.separated_at_exit()
        && call.has_exit_args()
        && call.arg_descs()[..call.first_out()]
            .iter()
            .any(|d| present(d, call))
    {
        sink.arg_sep();
    }
    args(
        sink,
        ctx,
        call,
        call.first_out()..call.arg_descs().len(),
        Some(outcome),
    );
    sink.end_args();
    ret(sink, ctx, call, outcome);
}

/// What `-e read=`/`-e write=` would dump of `call` (its table's `dump`, as strace's
/// `dumpio`): writes whatever their outcome, reads only when they succeeded, nothing for a
/// negative descriptor. Which descriptors are dumped is the caller's to check.
pub fn transfer(call: &Call, outcome: Outcome) -> Option<Transfer> {
    let dump = call.desc.filter(|_| !call.raw)?.dump?;
    let fd = call.args[0] as i32;
    if fd < 0 {
        return None;
    }
    let [_, addr, third, ..] = call.args;
    let done = match outcome {
        Outcome::Ok(n) => Some(n as u64),
        Outcome::Err(_) => None,
    };
    let (read, data) = match dump {
        Dump::Write => (false, Moved::Buffer { addr, len: third }),
        Dump::Writev => (
            false,
            Moved::Iov {
                addr,
                count: third,
                limit: u64::MAX,
            },
        ),
        Dump::Sendmsg => (
            false,
            Moved::Msghdr {
                addr,
                limit: u64::MAX,
            },
        ),
        Dump::Sendmmsg => (false, Moved::Mmsghdr { addr, count: done? }),
        Dump::Read => (true, Moved::Buffer { addr, len: done? }),
        Dump::Readv => (
            true,
            Moved::Iov {
                addr,
                count: third,
                limit: done?,
            },
        ),
        Dump::Recvmsg => (true, Moved::Msghdr { addr, limit: done? }),
        Dump::Recvmmsg => (true, Moved::Mmsghdr { addr, count: done? }),
    };
    Some(Transfer { fd, read, data })
}

/// See [`transfer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transfer {
    pub fd: i32,
    /// Dumped by `-e read=` (else `-e write=`).
    pub read: bool,
    pub data: Moved,
}

/// Where the data of a [`Transfer`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// `len` bytes at `addr`.
    Buffer { addr: u64, len: u64 },
    /// The buffers of `count` iovecs at `addr`, `limit` bytes of them in all.
    Iov { addr: u64, count: u64, limit: u64 },
    /// The iovecs of the `struct msghdr` at `addr`, `limit` bytes of them in all.
    Msghdr { addr: u64, limit: u64 },
    /// The iovecs of each of the first `count` `struct mmsghdr` at `addr`, up to its `msg_len`.
    Mmsghdr { addr: u64, count: u64 },
}

/// The return kind of a call (strace prints what a syscall number it does not know returned in
/// hex).
pub fn ret_kind(call: &Call) -> RetKind {
    match call.desc {
        Some(d) if !call.raw => match d.ret_int_if {
            Some(c) if c.shows(call.args[usize::from(c.arg)]) => RetKind::Int,
            _ => d.ret,
        },
        _ => RetKind::Hex,
    }
}

/// Prints the return value of a call that returned, by its return kind.
fn ret<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call, outcome: Outcome) {
    match outcome {
        Outcome::Err(errno) => sink.error(errno, None),
        Outcome::Ok(v) => match ret_kind(call) {
            RetKind::Hex => sink.ret_hex(v as u64),
            RetKind::Octal => sink.ret_octal(v as u64),
            RetKind::Signal => sink.ret_signal(v),
            RetKind::Time => sink.ret_datetime(v),
            // MEMBARRIER_CMD_QUERY (<linux/membarrier.h>) is 0.
            RetKind::Membarrier if call.args[0] as u32 == 0 => {
                sink.ret_flags(v as u64, None, &table::FLAGS_MEMBARRIER_CMDS)
            }
            RetKind::Membarrier => sink.ret_int(v),
            RetKind::Fd => ret_fd(sink, ctx, v),
            // strace prints a plain return value unsigned (RVAL_UDECIMAL): one past 2^63 is
            // an injected `retval=` or a call that cannot fail.
            RetKind::Int | RetKind::Noreturn => sink.ret_udecimal(v),
            RetKind::Fcntl => fs::fcntl_ret(sink, ctx, call, v),
            RetKind::Prctl => prctl::ret(sink, call, v),
            RetKind::Personality => {
                sink.ret_hex(v as u64);
                sink.open(Group::Detail);
                admin::persona(sink, v as u64);
                sink.close();
            }
            RetKind::SchedPolicy => sink.ret_int_enum(v, &table::ENUM_SCHED_POLICY),
            // strace names the state after a `struct timex` it could read, which a call
            // that succeeded has (the kernel wrote it back).
            RetKind::Adjtimex => sink.ret_int_enum(v, &table::ENUM_ADJTIMEX_STATE),
            RetKind::Pid | RetKind::Tid | RetKind::Pgid | RetKind::Sid => {
                let kind = match ret_kind(call) {
                    RetKind::Tid => PidKind::Tid,
                    RetKind::Pgid => PidKind::Pgid,
                    RetKind::Sid => PidKind::Sid,
                    _ => PidKind::Tgid,
                };
                sink.ret(v);
                pid(sink, ctx, v, kind);
            }
            RetKind::Poll => poll::poll_ret(sink, ctx, call, v, false),
            RetKind::Ppoll => poll::poll_ret(sink, ctx, call, v, true),
            RetKind::Select => poll::select_ret(sink, ctx, call, v, false),
            RetKind::Pselect => poll::select_ret(sink, ctx, call, v, true),
            RetKind::Ioctl => ioctl::ret(sink, ctx, call, v),
            RetKind::ArchPrctl => arch_prctl::ret(sink, call, v),
            RetKind::Ioprio => {
                sink.ret_udecimal(v);
                sink.open(Group::StyledDetail);
                admin::ioprio_value(sink, v as u32);
                sink.close();
            }
            RetKind::Recvmmsg => time::recvmmsg_ret(sink, ctx, call, v),
            RetKind::ModifyLdt => ldt::modify_ldt_ret(sink, v),
            RetKind::SetThreadArea => ldt::set_thread_area_ret(sink, ctx, call, v),
            RetKind::Bpf if bpf_attr::returns_fd(call) => ret_fd(sink, ctx, v),
            RetKind::Bpf => sink.ret_udecimal(v),
        },
    }
}

/// A pid, named under `-Y` when it is one (a negative value is a process group or a flag).
pub(super) fn pid<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: i64, kind: PidKind) {
    let note = pid_note(ctx, v, kind);
    sink.pid(v, &note);
}

/// `kill`'s and `wait4`'s pid: a process, or below -1 a process group (noted by its id).
pub(super) fn pid_or_pgid<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: i64) {
    let note = match v {
        ..-1 => pid_note(ctx, -v, PidKind::Pgid),
        _ => pid_note(ctx, v, PidKind::Tgid),
    };
    sink.pid(v, &note);
}

/// The note of pid `v` of `kind`; none for what is no pid (0, negative, too wide).
pub fn pid_note<M: Memory>(ctx: &mut Ctx<'_, M>, v: i64, kind: PidKind) -> PidNote {
    match (ctx.pids.as_deref_mut(), i32::try_from(v)) {
        (Some(pids), Ok(id)) if id > 0 => pids.note(id, kind),
        _ => PidNote::default(),
    }
}

/// A returned descriptor; strace describes only values that fit an `int`.
fn ret_fd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: i64) {
    let info = match i32::try_from(v) {
        Ok(fd) => ctx.fd_info(fd),
        Err(_) => None,
    };
    sink.ret_fd(v, info);
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
pub(crate) mod tests;
