//! The values of `ptrace(2)` requests that need more than a layout (strace 6.1's `ptrace.c`,
//! `ptrace_syscall_info.c` and x86_64's `arch_prstatus_regset.c`/`arch_fpregset.c`): register
//! sets cut by the length the call got, the regsets' `struct iovec` whose length the call
//! changes, seccomp metadata sized by the return value, the union of `struct
//! ptrace_syscall_info`, and `struct user` offsets.

use super::fields::{self, Shown};
use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Outcome, Sink, Values, array, netlink, signal};
use crate::mem::Memory;
use crate::table;
use std::io::Write;

/// `NT_PRSTATUS` and `NT_FPREGSET` (`<elf.h>`): the regsets strace decodes.
const NT_PRSTATUS: u32 = 1;
const NT_FPREGSET: u32 = 2;

/// `sizeof(struct iovec)`.
const IOVEC_SIZE: usize = 16;

/// The length of the `struct iovec` at `addr`, read whatever the outcome (strace's
/// `fetch_struct_iovec`); nothing under `-e verbose=` leaving the call out.
pub(super) fn iov_len<M: Memory>(ctx: &Ctx<'_, M>, addr: u64) -> Option<u64> {
    iovec(ctx, addr).map(|(_, len)| len)
}

fn iovec<M: Memory>(ctx: &Ctx<'_, M>, addr: u64) -> Option<(u64, u64)> {
    let mut b = [0u8; IOVEC_SIZE];
    if addr == 0 || !ctx.opts.verbose || ctx.mem.read(addr, &mut b).is_err() {
        return None;
    }
    let raw = Raw(&b);
    Some((raw.u64(0), raw.u64(8)))
}

/// Which regset request, and whether the call failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Regset {
    Get { failed: bool },
    Set,
}

/// `PTRACE_GETREGSET`/`PTRACE_SETREGSET`'s `struct iovec` at `data` at exit, of note type
/// `nt`, its length `given` at entry: `{iov_base={r15=...}, iov_len=216}`; a length the call
/// changed as `iov_len=224 => 216`. `GETREGSET` shows the registers the call wrote (the
/// address if it failed), `SETREGSET` those it was given, with the length it was given.
pub(super) fn regset<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    (nt, data): (u64, u64),
    given: Option<u64>,
    request: Regset,
) {
    // Unread at entry: strace showed the address then, and reads no more.
    let Some(given) = given else {
        return sink.addr(data);
    };
    let Some((base, now)) = iovec(ctx, data) else {
        return sink.addr(data);
    };
    let get = request != Regset::Set;
    let failed = request == Regset::Get { failed: true };
    sink.begin_struct();
    sink.field("iov_base");
    let len = if get { now } else { given };
    match nt as u32 {
        NT_PRSTATUS => regs_sized(
            sink,
            ctx,
            &table::STRUCT_USER_REGS_STRUCT,
            base,
            len,
            failed,
        ),
        NT_FPREGSET => regs_sized(
            sink,
            ctx,
            &table::STRUCT_USER_FPREGS_STRUCT,
            base,
            len,
            failed,
        ),
        _ => sink.addr(base),
    }
    sink.field("iov_len");
    sink.uint(given);
    if given != now {
        sink.updated();
        sink.uint(now);
    }
    sink.end_struct(false);
}

/// A register set of `len` bytes at `addr`: the address for no bytes, a length that is no
/// whole number of registers, or a `failed` call's; the registers it holds, `...` past
/// the struct.
fn regs_sized<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static table::StructDesc,
    addr: u64,
    len: u64,
    failed: bool,
) {
    if len == 0 || len & 7 != 0 || failed {
        return sink.addr(addr);
    }
    fields::sized(sink, ctx, desc, addr, len);
}

/// `PTRACE_GETREGS`/`PTRACE_SETREGS`'s `struct user_regs_struct`, whole.
pub(super) fn regs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let desc = &table::STRUCT_USER_REGS_STRUCT;
    regs_sized(sink, ctx, desc, addr, u64::from(desc.size), false);
}

/// `PTRACE_GETFPREGS`/`PTRACE_SETFPREGS`'s `struct user_fpregs_struct`, whole.
pub(super) fn fpregs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let desc = &table::STRUCT_USER_FPREGS_STRUCT;
    regs_sized(sink, ctx, desc, addr, u64::from(desc.size), false);
}

/// `PTRACE_PEEKSIGINFO`'s `siginfo_t`s, as many as the call returned.
pub(super) fn siginfos<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    array::array(
        sink,
        ctx,
        addr,
        n,
        signal::SIGINFO_SIZE,
        |sink, ctx, raw| signal::siginfo_in(sink, ctx, raw.0),
    );
}

/// `struct seccomp_metadata` (`<linux/ptrace.h>`): `filter_off` when the call got room for
/// it (`addr` is the size), then, for a call that succeeded returning more than it,
/// `flags` (`???` when short or unreadable) and `...` past the struct: strace sizes the
/// second part by the return value.
pub(super) fn seccomp_metadata<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let [_, _, size, data, _, _] = call.args;
    if size < 8 {
        return sink.addr(data);
    }
    read_struct(sink, ctx, data, 8, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("filter_off");
        sink.uint(raw.u64(0));
        if let Some(Outcome::Ok(ret)) = outcome
            && ret as u64 > 8
        {
            let flags = (ret as u64 >= 16)
                .then(|| ctx.mem.read_u64(data.wrapping_add(8)).ok())
                .flatten();
            match flags {
                Some(f) => {
                    sink.field("flags");
                    sink.flags(f, &table::FLAGS_SECCOMP_FILTER_FLAGS);
                    if ret as u64 > 16 {
                        sink.more();
                    }
                }
                None => {
                    sink.implicit_field("flags");
                    sink.word("???");
                }
            }
        }
        sink.end_struct(false);
    });
}

/// `struct ptrace_syscall_info` (`<linux/ptrace.h>`) as far as the call wrote it: the bytes
/// the caller gave room for (`user_len`) and the kernel had (the return value), at most up
/// to the seccomp member's end; the header's members that fit, then the union member `op`
/// names.
pub(super) fn syscall_info<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    user_len: u64,
    kernel_len: u64,
) {
    let len = user_len.min(kernel_len).min(SECCOMP_END as u64) as usize;
    if len == 0 {
        return sink.addr(addr);
    }
    let desc = &table::STRUCT_PTRACE_SYSCALL_INFO;
    read_struct(sink, ctx, addr, len, |sink, ctx, raw| {
        sink.begin_struct();
        fields::members(sink, ctx, desc, raw, Shown::all(len));
        if len >= UNION + 8 {
            let arch = raw.u32(4);
            match raw.0[0] {
                INFO_ENTRY => syscall_entry(sink, raw, len, arch, "entry", false),
                INFO_SECCOMP => syscall_entry(sink, raw, len, arch, "seccomp", true),
                INFO_EXIT => syscall_exit(sink, raw, len),
                _ => {}
            }
        }
        sink.end_struct(false);
    });
}

/// `PTRACE_SYSCALL_INFO_*` (`<linux/ptrace.h>`).
const INFO_ENTRY: u8 = 1;
const INFO_EXIT: u8 = 2;
const INFO_SECCOMP: u8 = 3;
/// Where the union starts; the `args` of `entry` and `seccomp`, after their `nr`; the end of
/// `exit` (after `is_error`) and of `seccomp` (after `ret_data`).
const UNION: usize = 24;
const ARGS: usize = UNION + 8;
const EXIT_END: usize = UNION + 9;
const RET_DATA: usize = ARGS + 6 * 8;
const SECCOMP_END: usize = RET_DATA + 4;

/// `entry={nr=__NR_chdir, args=[0x...]}` (or `seccomp=`, with `ret_data`): the arguments the
/// `len` bytes hold.
fn syscall_entry<S: Sink>(
    sink: &mut S,
    raw: Raw<'_>,
    len: usize,
    arch: u32,
    name: &'static str,
    seccomp: bool,
) {
    sink.field(name);
    sink.begin_struct();
    sink.field("nr");
    signal::syscall_nr(sink, raw.u64(UNION), arch);
    let nargs = ((len - ARGS) / 8).min(6);
    if nargs > 0 {
        sink.field("args");
        sink.begin_array();
        for i in 0..nargs {
            sink.hex(raw.u64(ARGS + 8 * i));
        }
        sink.end_array();
    }
    if seccomp && len >= SECCOMP_END {
        sink.field("ret_data");
        sink.uint(u64::from(raw.u32(RET_DATA)));
    }
    sink.end_struct(false);
}

/// `exit={rval=-ENOENT, is_error=1}`: the value as an errno only when `is_error` is there
/// and says so.
fn syscall_exit<S: Sink>(sink: &mut S, raw: Raw<'_>, len: usize) {
    sink.field("exit");
    sink.begin_struct();
    sink.field("rval");
    let rval = raw.i64(UNION);
    let whole = len >= EXIT_END;
    match i32::try_from(rval) {
        Ok(err) if whole && raw.0[UNION + 8] != 0 => netlink::negated_errno(sink, err),
        _ => sink.int(rval),
    }
    if whole {
        sink.field("is_error");
        sink.uint(u64::from(raw.0[UNION + 8]));
    }
    sink.end_struct(false);
}

/// `PTRACE_PEEKUSER`/`PTRACE_POKEUSER`'s offset into `struct user`: the member it falls in,
/// and how far into it (`8*RAX`, `offsetof(struct user, u_debugreg)+8`); past the struct,
/// an address (strace's `print_user_offset_addr`).
pub(super) fn user_offset<S: Sink>(sink: &mut S, addr: u64) {
    let values = table::ENUM_PTRACE_USER_OFFSETS.values;
    let last = values.last().map_or(0, |&(_, v)| v);
    let Some(&(name, base)) = values.iter().rev().find(|&&(_, v)| v <= addr) else {
        return sink.addr(addr);
    };
    if addr > base && base == last {
        return sink.addr(addr);
    }
    sink.open(Group::Forms);
    sink.addr(addr);
    if addr == base {
        sink.word(name);
    } else {
        let mut text = [0u8; 64];
        let mut w = &mut text[..];
        let _ = write!(w, "{name}+{}", addr - base);
        let n = 64 - w.len();
        sink.word(std::str::from_utf8(&text[..n]).unwrap_or(name));
    }
    sink.close();
}
