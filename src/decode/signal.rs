//! `siginfo_t`, as strace prints it on a signal-delivery line:
//! `{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5631, si_uid=0, si_status=7, ...}`.
//!
//! Which union member is meaningful follows sigaction(2): signals sent by a process (`si_code`
//! <= 0) carry the sender; those the kernel raises carry fields that depend on the signal.

use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Number, PidKind, PidNote, Sink, Values};
use crate::fdinfo::FdInfo;
use crate::mem::Memory;
use crate::table::{self, EnumTable};

/// Where `uc_sigmask` lies in the signal frame `rt_sigreturn` unwinds: the `struct ucontext`
/// starts at the stack pointer (the handler's return popped the restorer address), and the mask
/// follows `uc_flags`, `uc_link`, `uc_stack` (24 bytes) and `uc_mcontext` (256 bytes)
/// (arch/x86/include/asm/sigframe.h, asm/ucontext.h).
pub const UC_SIGMASK_OFFSET: u64 = 8 + 8 + 24 + 256;

/// `rt_sigreturn`'s argument as strace shows it: the mask the frame restores, `{mask=[]}`.
pub fn sigreturn_frame<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, sp: u64) {
    let at = sp.wrapping_add(UC_SIGMASK_OFFSET);
    match ctx.mem.read_u64(at) {
        Ok(mask) => {
            sink.begin_struct();
            sink.field("mask");
            if ctx.opts.verbose {
                sink.sigset(mask);
            } else {
                sink.addr(at);
            }
            sink.end_struct(false);
        }
        Err(_) => sink.unreadable(at),
    }
}

/// Offsets inside the x86_64 `siginfo_t` (`<asm-generic/siginfo.h>`): three ints, then the
/// union, aligned to 8.
const SIGNO: usize = 0;
const ERRNO: usize = 4;
const CODE: usize = 8;
const UNION: usize = 16;

/// `si_code` values from `<asm-generic/siginfo.h>` that select a union member.
const SI_USER: i32 = 0;
const SI_TIMER: i32 = -2;
const SI_SIGIO: i32 = -5;
const SI_TKILL: i32 = -6;
const CLD_EXITED: i32 = 1;
const BUS_MCEERR_AR: i32 = 4;
const BUS_MCEERR_AO: i32 = 5;
const SEGV_BNDERR: i32 = 3;
const SEGV_PKUERR: i32 = 4;
const POLL_IN: i32 = 1;
const POLL_HUP: i32 = 6;
/// `AUDIT_ARCH_X86_64` (<linux/audit.h>): a SIGSYS for a syscall of this table.
const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;
/// `__X32_SYSCALL_BIT` (<asm/unistd.h>): an x32 syscall, whose names this table lacks.
const X32_SYSCALL_BIT: u32 = 0x4000_0000;

/// The signals whose kernel-raised siginfo carries a fault address or other fields.
const SIGILL: i32 = libc::SIGILL;
const SIGTRAP: i32 = libc::SIGTRAP;
const SIGBUS: i32 = libc::SIGBUS;
const SIGFPE: i32 = libc::SIGFPE;
const SIGSEGV: i32 = libc::SIGSEGV;
const SIGCHLD: i32 = libc::SIGCHLD;
const SIGPOLL: i32 = libc::SIGPOLL;
const SIGSYS: i32 = libc::SIGSYS;

/// The `si_code` names that apply to `signo`.
fn code_table(signo: i32) -> Option<&'static EnumTable> {
    Some(match signo {
        SIGILL => &table::ENUM_SI_CODE_SIGILL,
        SIGFPE => &table::ENUM_SI_CODE_SIGFPE,
        SIGSEGV => &table::ENUM_SI_CODE_SIGSEGV,
        SIGBUS => &table::ENUM_SI_CODE_SIGBUS,
        SIGTRAP => &table::ENUM_SI_CODE_SIGTRAP,
        SIGCHLD => &table::ENUM_SI_CODE_SIGCHLD,
        SIGPOLL => &table::ENUM_SI_CODE_SIGPOLL,
        SIGSYS => &table::ENUM_SI_CODE_SIGSYS,
        _ => return None,
    })
}

/// The pid at the sender's place of a raw `siginfo_t` (the first int of its union; 0 when
/// the buffer is short), whose note [`siginfo`] is given.
pub fn siginfo_sender(raw: &[u8]) -> i32 {
    raw.get(UNION..UNION + 4)
        .map_or(0, |b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
}

/// Prints a raw `siginfo_t` (as `PTRACE_GETSIGINFO` fills it), as strace's `printsiginfo`
/// does. `si_pid` is the note of the pid at the sender's place (used where the code has one).
pub fn siginfo<S: Sink>(sink: &mut S, raw: &[u8], si_pid: PidNote) {
    siginfo_noted(sink, raw, si_pid, None);
}

/// As [`siginfo`], with what `si_fd` stands for when descriptors are described (`-y`).
fn siginfo_noted<S: Sink>(sink: &mut S, raw: &[u8], si_pid: PidNote, si_fd: Option<&FdInfo>) {
    let raw = Raw(raw);
    let signo = raw.i32(SIGNO);
    let code = raw.i32(CODE);
    let errno = raw.i32(ERRNO);
    sink.begin_struct();
    // A siginfo the kernel left empty (waitid with WNOHANG and no child ready): `{}`.
    if signo == 0 {
        return sink.end_struct(false);
    }
    sink.field("si_signo");
    sink.signal(i64::from(signo));
    sink.field("si_code");
    si_code(sink, signo, code);
    if errno != 0 {
        // Its name, else the number unsigned.
        sink.field("si_errno");
        match table::errno(u64::from(errno as u32)) {
            Some(e) => sink.constant(e.name, Number::Uint(u64::from(errno as u32))),
            None => sink.uint(u64::from(errno as u32)),
        }
    }
    // Signals sent by a process (`SI_FROMUSER`), then those the kernel raised.
    if code <= 0 {
        user_fields(sink, raw, code, &si_pid, si_fd);
    } else {
        kernel_fields(sink, raw, signo, code, &si_pid, si_fd);
    }
    sink.end_struct(false);
}

/// A `si_code`: the generic names first, then those of `signo`; without a name, the number
/// as an `unsigned int` in hex, with no comment.
fn si_code<S: Sink>(sink: &mut S, signo: i32, code: i32) {
    // The tables hold the codes sign-extended; strace shows them as the `unsigned int` they
    // are (`-X raw`: `0xfffffffa`).
    let v = code as i64 as u64;
    let raw = u64::from(code as u32);
    let name = table::ENUM_SI_CODE
        .name(v)
        .or_else(|| code_table(signo).and_then(|t| t.name(v)));
    match name {
        Some(name) => sink.constant(name, Number::Hex(raw)),
        None => sink.hex(raw),
    }
}

/// The sender: `si_pid`, `si_uid`.
fn source<S: Sink>(sink: &mut S, raw: Raw<'_>, si_pid: &PidNote) {
    sink.field("si_pid");
    sink.pid(raw.i32(UNION).into(), si_pid);
    sink.field("si_uid");
    sink.id(raw.u32(UNION + 4));
}

/// The value sent: `si_int`, `si_ptr`.
fn value<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.field("si_int");
    sink.int(i64::from(raw.i32(UNION + 8)));
    sink.field("si_ptr");
    sink.addr(raw.u64(UNION + 8));
}

/// The union member of a signal a process sent, by its code.
fn user_fields<S: Sink>(
    sink: &mut S,
    raw: Raw<'_>,
    code: i32,
    si_pid: &PidNote,
    si_fd: Option<&FdInfo>,
) {
    match code {
        SI_USER | SI_TKILL => source(sink, raw, si_pid),
        SI_TIMER => {
            sink.field("si_timerid");
            sink.hex(u64::from(raw.u32(UNION)));
            sink.field("si_overrun");
            sink.int(i64::from(raw.i32(UNION + 4)));
            value(sink, raw);
        }
        SI_SIGIO => poll_fields(sink, raw, si_fd),
        // SI_QUEUE, SI_MESGQ, ...: the value only when there is one.
        _ => {
            source(sink, raw, si_pid);
            if raw.u64(UNION + 8) != 0 {
                value(sink, raw);
            }
        }
    }
}

/// `si_band` and `si_fd`.
fn poll_fields<S: Sink>(sink: &mut S, raw: Raw<'_>, si_fd: Option<&FdInfo>) {
    sink.field("si_band");
    sink.int(raw.u64(UNION) as i64);
    sink.field("si_fd");
    sink.fd(i64::from(raw.i32(UNION + 8)), si_fd);
}

/// The union member the kernel fills for `signo` and `code`.
fn kernel_fields<S: Sink>(
    sink: &mut S,
    raw: Raw<'_>,
    signo: i32,
    code: i32,
    si_pid: &PidNote,
    si_fd: Option<&FdInfo>,
) {
    let addr = |sink: &mut S, name: &'static str, at: usize| {
        sink.field(name);
        sink.addr(raw.u64(at));
    };
    match signo {
        SIGCHLD => {
            source(sink, raw, si_pid);
            sink.field("si_status");
            let status = raw.i32(UNION + 8);
            if code == CLD_EXITED {
                sink.int(i64::from(status));
            } else {
                sink.signal(i64::from(status));
            }
            sink.field("si_utime");
            sink.clock_ticks(i128::from(raw.u64(UNION + 16) as i64));
            sink.field("si_stime");
            sink.clock_ticks(i128::from(raw.u64(UNION + 24) as i64));
        }
        SIGILL | SIGFPE | SIGTRAP => addr(sink, "si_addr", UNION),
        SIGBUS => {
            addr(sink, "si_addr", UNION);
            if matches!(code, BUS_MCEERR_AR | BUS_MCEERR_AO) {
                sink.field("si_addr_lsb");
                sink.hex(u64::from(raw.u16(UNION + 8)));
            }
        }
        SIGSEGV => {
            addr(sink, "si_addr", UNION);
            match code {
                SEGV_BNDERR => {
                    addr(sink, "si_lower", UNION + 16);
                    addr(sink, "si_upper", UNION + 24);
                }
                SEGV_PKUERR => {
                    sink.field("si_pkey");
                    sink.uint(u64::from(raw.u32(UNION + 16)));
                }
                _ => {}
            }
        }
        SIGPOLL if (POLL_IN..=POLL_HUP).contains(&code) => poll_fields(sink, raw, si_fd),
        SIGPOLL => {}
        SIGSYS => {
            addr(sink, "si_call_addr", UNION);
            let nr = raw.u32(UNION + 8);
            let arch = raw.u32(UNION + 12);
            sink.field("si_syscall");
            syscall_nr(sink, u64::from(nr), arch);
            sink.field("si_arch");
            sink.enumeration(u64::from(arch), &table::ENUM_AUDIT_ARCH);
        }
        _ => {
            if raw.i32(UNION) != 0 || raw.u32(UNION + 4) != 0 {
                source(sink, raw, si_pid);
            }
            if raw.u64(UNION + 8) != 0 {
                value(sink, raw);
            }
        }
    }
}

/// A syscall number of the architecture `arch`: `__NR_read` for one of this table (`-X raw`:
/// `0`), else the number unsigned.
pub(super) fn syscall_nr<S: Sink>(sink: &mut S, nr: u64, arch: u32) {
    let name = (arch == AUDIT_ARCH_X86_64 && nr & u64::from(X32_SYSCALL_BIT) == 0)
        .then(|| table::syscall(nr))
        .flatten();
    let Some(desc) = name else {
        return sink.uint(nr);
    };
    sink.open(Group::Symbolic(Number::Uint(nr)));
    sink.word("__NR_");
    sink.word(desc.name);
    sink.close();
}

/// The size of the kernel's signal set on x86_64 (`_NSIG / 8`, `<asm/signal.h>`).
const SIGSET_SIZE: u64 = 8;

/// A pointer to a signal set of `len` bytes. The kernel accepts only its own size; strace shows
/// the address for any other (and under `-e verbose=` leaving the call out).
pub fn sigset<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if addr == 0 {
        return sink.addr(0);
    }
    if len != SIGSET_SIZE || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    match ctx.mem.read_u64(addr) {
        Ok(mask) => sink.sigset(mask),
        Err(_) => sink.unreadable(addr),
    }
}

/// `rt_sigpending`'s set of `len` bytes: the kernel takes any size up to its own (the old
/// `sigpending` shares its code) and writes that many bytes, which strace shows as a set of
/// whole 32-bit words; the address for a size of 0 or over 8.
pub fn sigset_upto<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if addr == 0 || !(1..=SIGSET_SIZE).contains(&len) {
        return sink.addr(addr);
    }
    let mut bytes = [0u8; SIGSET_SIZE as usize];
    match ctx.mem.read(addr, &mut bytes[..len as usize]) {
        Ok(()) => sink.sigset_words(u64::from_ne_bytes(bytes), len.div_ceil(4) as u32),
        Err(_) => sink.unreadable(addr),
    }
}

/// The kernel's `struct sigaction` on x86_64 (`include/linux/signal_types.h` with
/// `__ARCH_HAS_SA_RESTORER`): handler, flags, restorer, then the mask.
const SA_HANDLER: usize = 0;
const SA_FLAGS: usize = 8;
const SA_RESTORER_OFF: usize = 16;
const SA_MASK: usize = 24;
/// How much strace reads of it: its own `struct new_sigaction` has room for a mask of 64
/// longs, so a pointer with fewer than 88 readable bytes shows as an address even though the
/// kernel's struct is 32 bytes.
const SIGACTION_READ_SIZE: usize = 88;
/// `SA_RESTORER` from `<asm/signal.h>`: only then is `sa_restorer` meaningful.
const SA_RESTORER: u64 = 0x0400_0000;

/// `SIG_DFL`, `SIG_IGN` and `SIG_ERR` from `<asm-generic/signal-defs.h>`.
fn handler<S: Sink>(sink: &mut S, h: u64) {
    match h {
        0 => sink.constant("SIG_DFL", Number::Hex(0)),
        1 => sink.constant("SIG_IGN", Number::Hex(1)),
        u64::MAX => sink.constant("SIG_ERR", Number::Hex(u64::MAX)),
        _ => sink.addr(h),
    }
}

/// A pointer to the kernel's `struct sigaction`.
pub fn sigaction<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, SIGACTION_READ_SIZE, |sink, _, raw| {
        let flags = raw.u64(SA_FLAGS);
        sink.begin_struct();
        sink.field("sa_handler");
        handler(sink, raw.u64(SA_HANDLER));
        sink.field("sa_mask");
        sink.sigset(raw.u64(SA_MASK));
        sink.field("sa_flags");
        sink.flags(flags, &table::FLAGS_SA_FLAGS);
        if flags & SA_RESTORER != 0 {
            sink.field("sa_restorer");
            sink.addr(raw.u64(SA_RESTORER_OFF));
        }
        sink.end_struct(false);
    });
}

/// `sizeof(siginfo_t)` (`<asm-generic/siginfo.h>`: `SI_MAX_SIZE`).
pub(super) const SIGINFO_SIZE: usize = 128;

/// A pointer to a `siginfo_t`.
pub fn siginfo_at<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, SIGINFO_SIZE, |sink, ctx, raw| {
        siginfo_in(sink, ctx, raw.0)
    });
}

/// A `siginfo_t` read from the tracee: its sender's pid noted, its `si_fd` described under
/// `-y` (strace's `printsiginfo` with its `tcp`).
pub(super) fn siginfo_in<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: &[u8]) {
    let r = Raw(raw);
    let note = super::pid_note(ctx, r.i32(UNION).into(), PidKind::Tgid);
    let (signo, code) = (r.i32(SIGNO), r.i32(CODE));
    let polled = code == SI_SIGIO || (signo == SIGPOLL && (POLL_IN..=POLL_HUP).contains(&code));
    let fd = if polled {
        ctx.fd_info(r.i32(UNION + 8))
    } else {
        None
    };
    siginfo_noted(sink, raw, note, fd)
}

/// A pointer to a `stack_t` (`<asm/signal.h>`): `ss_sp`, `ss_flags` (an int), `ss_size`.
pub fn sigaltstack<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 24, |sink, _, raw| {
        sink.begin_struct();
        sink.field("ss_sp");
        sink.addr(raw.u64(0));
        sink.field("ss_flags");
        sink.flags(u64::from(raw.u32(8)), &table::FLAGS_SS_FLAGS);
        sink.field("ss_size");
        sink.uint(raw.u64(16));
        sink.end_struct(false);
    });
}
