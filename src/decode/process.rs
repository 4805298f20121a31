//! Process values: wait statuses and resource usage.

use super::array::array;
use super::structs::{self, Raw, read_struct};
use super::{Call, Ctx, Outcome, Sink, Values, time};
use crate::mem::Memory;
use crate::table::{self, FlagTable};
use std::mem::{offset_of, size_of};

/// A `wait` status (wait(2)) as the `<sys/wait.h>` macros read it, decided once for every
/// renderer; `raw` is the status itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitStatus {
    /// `WIFSTOPPED`: the stop signal's byte (0x80 set for a syscall stop under
    /// `PTRACE_O_TRACESYSGOOD`) and the ptrace event in the high bits.
    Stopped { raw: i32, sig: i32, event: u32 },
    /// `WIFCONTINUED`.
    Continued { raw: i32 },
    /// `WIFEXITED`, with `WEXITSTATUS`.
    Exited { raw: i32, code: i32 },
    /// `WIFSIGNALED`, with `WTERMSIG` and `WCOREDUMP`.
    Signaled { raw: i32, sig: i32, core: bool },
}

impl WaitStatus {
    pub fn of(s: i32) -> Self {
        if s & 0xff == 0x7f {
            WaitStatus::Stopped {
                raw: s,
                sig: (s >> 8) & 0xff,
                event: (s as u32) >> 16,
            }
        } else if s == 0xffff {
            WaitStatus::Continued { raw: s }
        } else if s & 0x7f == 0 {
            WaitStatus::Exited {
                raw: s,
                code: (s >> 8) & 0xff,
            }
        } else {
            WaitStatus::Signaled {
                raw: s,
                sig: s & 0x7f,
                core: s & 0x80 != 0,
            }
        }
    }
}

/// A pointer to an `int` wait status: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`.
pub fn wait_status<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        sink.wait_status(WaitStatus::of(raw.i32(0)));
        sink.end_array();
    });
}

/// The counters of a `struct rusage` after its two times (`<linux/resource.h>`: `long`s,
/// in this order from `ru_maxrss` on), which strace shows unsigned.
const RUSAGE_COUNTERS: [&str; 14] = [
    "ru_maxrss",
    "ru_ixrss",
    "ru_idrss",
    "ru_isrss",
    "ru_minflt",
    "ru_majflt",
    "ru_nswap",
    "ru_inblock",
    "ru_oublock",
    "ru_msgsnd",
    "ru_msgrcv",
    "ru_nsignals",
    "ru_nvcsw",
    "ru_nivcsw",
];

/// A pointer to a `struct rusage`: its two times, abbreviated as strace shows it by default
/// (`{ru_utime={...}, ru_stime={...}, ...}`), every counter under `-v`.
pub fn rusage<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let abbreviate = ctx.opts.abbreviate;
    read_struct(
        sink,
        ctx,
        addr,
        size_of::<libc::rusage>(),
        |sink, _, raw| {
            sink.begin_struct();
            sink.field("ru_utime");
            time::timeval_in(sink, raw, offset_of!(libc::rusage, ru_utime));
            sink.field("ru_stime");
            time::timeval_in(sink, raw, offset_of!(libc::rusage, ru_stime));
            if !abbreviate {
                let first = offset_of!(libc::rusage, ru_maxrss);
                for (i, name) in RUSAGE_COUNTERS.into_iter().enumerate() {
                    sink.field(name);
                    sink.uint(raw.u64(first + 8 * i));
                }
            }
            sink.end_struct(abbreviate);
        },
    );
}

/// `<linux/sched.h>` flags that decide which `clone` arguments mean something.
const CLONE_PIDFD: u64 = 0x1000;
const CLONE_SETTLS: u64 = 0x80000;
const CLONE_PARENT_SETTID: u64 = 0x100000;
const CLONE_CHILD_CLEARTID: u64 = 0x200000;
const CLONE_CHILD_SETTID: u64 = 0x1000000;
const CLONE_INTO_CGROUP: u64 = 0x2_0000_0000;
/// `CSIGNAL`: `clone`'s low byte is the signal sent to the parent when the child exits.
const CSIGNAL: u64 = 0xff;

/// `clone`'s registers on x86_64 (kernel/fork.c, no CLONE_BACKWARDS): flags, stack,
/// parent_tid, child_tid, tls.
const CLONE_STACK: usize = 1;
const CLONE_PARENT_TID: usize = 2;
const CLONE_CHILD_TID: usize = 3;
const CLONE_TLS: usize = 4;

/// `child_stack=NULL, flags=CLONE_VM|SIGCHLD`: strace shows the stack before the flags.
pub fn clone_flags<S: Sink>(sink: &mut S, call: &Call, table: &'static FlagTable) {
    let flags = call.args[0];
    sink.field("child_stack");
    sink.addr(call.args[CLONE_STACK]);
    sink.arg_sep();
    sink.field("flags");
    sink.flags_and_signal(flags & !CSIGNAL, table, (flags & CSIGNAL) as i64);
}

/// What the `int` the kernel wrote for `clone`/`clone3` is: a thread id or a descriptor.
#[derive(Clone, Copy)]
enum Written {
    Tid,
    Fd,
}

/// An `int` the kernel wrote, `[5631]` or `[3<anon_inode:[pidfd]>]`; its address when the
/// call failed or it is unreadable.
fn written_int<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    what: Written,
    outcome: Option<Outcome>,
) {
    if matches!(outcome, Some(Outcome::Err(_))) {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, 4, |sink, ctx, raw| {
        sink.begin_array();
        match what {
            Written::Tid => super::pid(sink, ctx, i64::from(raw.i32(0)), super::PidKind::Tid),
            Written::Fd => super::fd(sink, ctx, raw.i32(0)),
        }
        sink.end_array();
    });
}

/// The `clone` arguments the flags make meaningful, in strace's order: `parent_tid=[N]` (also
/// where `CLONE_PIDFD` puts the descriptor), `tls=`, `child_tidptr=`.
pub fn clone_tail<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let flags = call.args[0];
    let mut first = true;
    let mut next = |sink: &mut S, name: &'static str| {
        if !first {
            sink.arg_sep();
        }
        first = false;
        sink.field(name);
    };
    if flags & (CLONE_PARENT_SETTID | CLONE_PIDFD) != 0 {
        next(sink, "parent_tid");
        // The same register takes the pidfd when only CLONE_PIDFD asks for it.
        let what = if flags & CLONE_PARENT_SETTID != 0 {
            Written::Tid
        } else {
            Written::Fd
        };
        written_int(sink, ctx, call.args[CLONE_PARENT_TID], what, outcome);
    }
    if flags & CLONE_SETTLS != 0 {
        next(sink, "tls");
        sink.addr(call.args[CLONE_TLS]);
    }
    if flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID) != 0 {
        next(sink, "child_tidptr");
        sink.addr(call.args[CLONE_CHILD_TID]);
    }
}

/// `struct clone_args` (`<linux/sched.h>`): eleven 64-bit fields; the kernel accepts any size
/// from `CLONE_ARGS_SIZE_VER0` (64) on.
const CLONE_ARGS_SIZE_VER0: u64 = 64;
const CLONE_ARGS_SIZE: usize = 88;
const CA_FLAGS: usize = 0;
const CA_PIDFD: usize = 8;
const CA_CHILD_TID: usize = 16;
const CA_PARENT_TID: usize = 24;
const CA_EXIT_SIGNAL: usize = 32;
const CA_STACK: usize = 40;
const CA_STACK_SIZE: usize = 48;
const CA_TLS: usize = 56;
const CA_SET_TID: usize = 64;
const CA_SET_TID_SIZE: usize = 72;
const CA_CGROUP: usize = 80;
/// The most `set_tid` entries shown (`MAX_PID_NS_LEVEL`, kernel/pid_namespace.c).
const MAX_SET_TID: u64 = 32;

/// `get_pagesize()` on x86_64: how far past the struct strace looks for bytes set.
const PAGE_SIZE: u64 = 4096;

/// Saved at entry when clone3's exit adds to its struct (what [`clone_args`] prints there).
pub const CLONE_ARGS_WRITTEN: u32 = 1;

/// At entry, as strace's clone3 decides: whether the call will write into its struct
/// something to show at exit (a pidfd, the parent's tid, bytes past what this kernel knows),
/// [`CLONE_ARGS_WRITTEN`]; else 0, and the whole line but the result is written at entry.
pub fn clone_args_save<M: Memory>(ctx: &Ctx<'_, M>, addr: u64, size: u64) -> u32 {
    let mut flags = [0u8; 8];
    let shown = addr != 0 && size >= CLONE_ARGS_SIZE_VER0 && ctx.opts.verbose;
    if !shown || ctx.mem.read(addr, &mut flags).is_err() {
        return 0;
    }
    let flags = u64::from_ne_bytes(flags);
    let writes = flags & (CLONE_PIDFD | CLONE_PARENT_SETTID) != 0 || size > CLONE_ARGS_SIZE as u64;
    if writes { CLONE_ARGS_WRITTEN } else { 0 }
}

/// `clone3`'s arguments as strace shows them: at entry (`outcome` `None`) the struct as the
/// call got it, `{flags=..., ...}`; at exit, after a success, what the call wrote: ` =>
/// {pidfd=[3], parent_tid=[5632]}`. A size past the struct this kernel knows shows the bytes
/// set beyond it (up to a page), after the struct and again after what the call wrote.
pub fn clone_args<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    size: u64,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let len = (size as usize).min(CLONE_ARGS_SIZE);
    // Bytes past the struct, where the tracee asked for more than it.
    let tail = (len, size.min(PAGE_SIZE) as usize);
    let Some(outcome) = outcome else {
        if addr != 0 && size < CLONE_ARGS_SIZE_VER0 {
            return sink.addr(addr);
        }
        return read_struct(sink, ctx, addr, len, |sink, ctx, raw| {
            clone_args_fields(sink, ctx, raw);
            structs::nonzero_tail(sink, ctx, addr, tail, |_| {});
            sink.end_struct(false);
        });
    };
    if !matches!(outcome, Outcome::Ok(_)) {
        return;
    }
    let mut buf = [0u8; CLONE_ARGS_SIZE];
    if ctx.mem.read(addr, &mut buf[..len]).is_err() {
        sink.updated();
        return sink.addr(addr);
    }
    let raw = Raw(&buf[..len]);
    let flags = raw.u64(CA_FLAGS);
    // What the call wrote, `=> {...}`, opened by the first member there is.
    let mut opened = false;
    let mut open = |sink: &mut S| {
        if !std::mem::replace(&mut opened, true) {
            sink.updated();
            sink.begin_struct();
        }
    };
    let outcome = Some(outcome);
    if flags & CLONE_PIDFD != 0 {
        open(sink);
        sink.field("pidfd");
        written_int(sink, ctx, raw.u64(CA_PIDFD), Written::Fd, outcome);
    }
    if flags & CLONE_PARENT_SETTID != 0 {
        open(sink);
        sink.field("parent_tid");
        written_int(sink, ctx, raw.u64(CA_PARENT_TID), Written::Tid, outcome);
    }
    structs::nonzero_tail(sink, ctx, addr, tail, &mut open);
    if opened {
        sink.end_struct(false);
    }
}

/// Opens `struct clone_args` and shows its fields as the call got them (the caller closes
/// it after the bytes past it): those the flags make meaningful,
/// `set_tid` when it or its size is set, `cgroup` when it or `CLONE_INTO_CGROUP` is.
fn clone_args_fields<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let flags = raw.u64(CA_FLAGS);
    sink.begin_struct();
    sink.field("flags");
    sink.flags(flags, &table::FLAGS_CLONE_FLAGS);
    if flags & CLONE_PIDFD != 0 {
        sink.field("pidfd");
        sink.addr(raw.u64(CA_PIDFD));
    }
    if flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID) != 0 {
        sink.field("child_tid");
        sink.addr(raw.u64(CA_CHILD_TID));
    }
    if flags & CLONE_PARENT_SETTID != 0 {
        sink.field("parent_tid");
        sink.addr(raw.u64(CA_PARENT_TID));
    }
    // A 64-bit field: strace names a signal below INT_MAX and shows the rest unsigned.
    let exit_signal = raw.u64(CA_EXIT_SIGNAL);
    sink.field("exit_signal");
    if exit_signal < i32::MAX as u64 {
        sink.signal(exit_signal as i64);
    } else {
        sink.uint(exit_signal);
    }
    sink.field("stack");
    sink.addr(raw.u64(CA_STACK));
    sink.field("stack_size");
    sink.hex(raw.u64(CA_STACK_SIZE));
    if flags & CLONE_SETTLS != 0 {
        sink.field("tls");
        sink.addr(raw.u64(CA_TLS));
    }
    let (set_tid, set_tid_size) = (raw.u64(CA_SET_TID), raw.u64(CA_SET_TID_SIZE));
    if set_tid != 0 || set_tid_size != 0 {
        sink.field("set_tid");
        if set_tid_size == 0 {
            sink.addr(set_tid);
        } else {
            int_array(sink, ctx, set_tid, set_tid_size);
        }
        sink.field("set_tid_size");
        sink.uint(set_tid_size);
    }
    // The field exists only in a struct of 88 bytes or more.
    let cgroup = raw.u64(CA_CGROUP);
    if raw.0.len() > CA_CGROUP && (cgroup != 0 || flags & CLONE_INTO_CGROUP != 0) {
        sink.field("cgroup");
        sink.uint(cgroup);
    }
}

/// `clone_args.set_tid`, an array of `n` ints at `addr`: `[0, 1]`, as strace's array printer
/// shows it; its address when either is zero or the array is implausibly long.
fn int_array<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    if addr == 0 || n == 0 || n > MAX_SET_TID {
        return sink.addr(addr);
    }
    array(sink, ctx, addr, n, 4, |sink, _, raw| {
        sink.int(i64::from(raw.i32(0)))
    });
}

/// `NGROUPS_MAX` (`<linux/limits.h>`): the longest group list the kernel takes.
const NGROUPS_MAX: u64 = 65536;

/// A pointer to `n` `gid_t`s (an `unsigned int` count): `[0, 5, 100]`, at most `-s` of them
/// (all under `-v`), as strace's array printer shows them.
pub fn gid_array<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    let n = u64::from(n as u32);
    if n > NGROUPS_MAX {
        return sink.addr(addr);
    }
    // strace's print_gid: the all-ones id as -1.
    array(sink, ctx, addr, n, 4, |sink, _, raw| sink.id(raw.u32(0)));
}

/// The largest CPU mask read (`NR_CPUS` is at most 8192 on x86_64).
const MAX_CPU_SET: u64 = 8192 / 8;

/// A pointer to a CPU mask of `len` bytes: `[0 1]`.
pub fn cpu_set<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if addr == 0 {
        return sink.addr(0);
    }
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let buf = ctx.scratch.buf(len.min(MAX_CPU_SET) as usize);
    if ctx.mem.read(addr, buf).is_err() {
        return sink.unreadable(addr);
    }
    sink.cpu_set(buf);
}

/// A pointer to a `struct utsname` (`<linux/utsname.h>`: six 65-byte strings), abbreviated to
/// the first two as strace shows it by default.
pub fn utsname<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    const FIELD: usize = 65;
    let abbreviate = ctx.opts.abbreviate;
    read_struct(sink, ctx, addr, 6 * FIELD, |sink, _, raw| {
        // strace shows the first two fields, and all six under -v.
        const FIELDS: [&str; 6] = [
            "sysname",
            "nodename",
            "release",
            "version",
            "machine",
            "domainname",
        ];
        let shown = if abbreviate { 2 } else { FIELDS.len() };
        sink.begin_struct();
        for (i, name) in FIELDS.into_iter().take(shown).enumerate() {
            let field = raw.0.get(i * FIELD..(i + 1) * FIELD).unwrap_or_default();
            let len = field.iter().position(|&b| b == 0).unwrap_or(field.len());
            sink.field(name);
            sink.string(&field[..len], false);
        }
        sink.end_struct(abbreviate);
    });
}

/// `waitid`'s id, read as its idtype says: a pid (named under `-Y`), a pidfd, or a number (a
/// process group; nothing for `P_ALL`).
pub fn waitid_id<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, idtype: u64, v: u64) {
    // P_PID, P_PIDFD (<linux/wait.h>).
    const P_PID: u32 = 1;
    const P_PIDFD: u32 = 3;
    match idtype as u32 {
        P_PID => super::pid(sink, ctx, i64::from(v as i32), super::PidKind::Tgid),
        P_PIDFD => super::fd(sink, ctx, v as i32),
        _ => sink.int(i64::from(v as i32)),
    }
}
