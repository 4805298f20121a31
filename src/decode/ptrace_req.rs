//! `ptrace(2)` as its tracee-side caller makes it: the request decides which of `pid`,
//! `addr` and `data` show and how (`<linux/ptrace.h>`, arch/x86/include/uapi/asm/ptrace-abi.h),
//! as strace 6.1's `ptrace.c` shows them. The shapes that are data (the register sets,
//! `struct ptrace_peeksiginfo_args`, `struct ptrace_syscall_info`'s header) are
//! `[structs]` of `syscalls.toml`; what is printed when the call returns is in
//! [`super::ptrace_data`].

use super::ptrace_data::{self, Regset, user_offset};
use super::{Call, Ctx, Outcome, Sink, Values, fields, signal};
use crate::mem::Memory;
use crate::table;

const PTRACE_TRACEME: u64 = 0;
const PTRACE_PEEKTEXT: u64 = 1;
const PTRACE_PEEKDATA: u64 = 2;
const PTRACE_PEEKUSER: u64 = 3;
const PTRACE_POKEUSER: u64 = 6;
const PTRACE_CONT: u64 = 7;
const PTRACE_KILL: u64 = 8;
const PTRACE_SINGLESTEP: u64 = 9;
const PTRACE_GETREGS: u64 = 12;
const PTRACE_SETREGS: u64 = 13;
const PTRACE_GETFPREGS: u64 = 14;
const PTRACE_SETFPREGS: u64 = 15;
const PTRACE_ATTACH: u64 = 0x10;
const PTRACE_DETACH: u64 = 0x11;
const PTRACE_OLDSETOPTIONS: u64 = 0x15;
const PTRACE_SYSCALL: u64 = 0x18;
const PTRACE_SYSEMU: u64 = 0x1f;
const PTRACE_SYSEMU_SINGLESTEP: u64 = 0x20;
const PTRACE_SINGLEBLOCK: u64 = 0x21;
const PTRACE_SETOPTIONS: u64 = 0x4200;
const PTRACE_GETEVENTMSG: u64 = 0x4201;
const PTRACE_GETSIGINFO: u64 = 0x4202;
const PTRACE_SETSIGINFO: u64 = 0x4203;
const PTRACE_GETREGSET: u64 = 0x4204;
const PTRACE_SETREGSET: u64 = 0x4205;
const PTRACE_SEIZE: u64 = 0x4206;
const PTRACE_INTERRUPT: u64 = 0x4207;
const PTRACE_LISTEN: u64 = 0x4208;
const PTRACE_PEEKSIGINFO: u64 = 0x4209;
const PTRACE_GETSIGMASK: u64 = 0x420a;
const PTRACE_SETSIGMASK: u64 = 0x420b;
const PTRACE_SECCOMP_GET_FILTER: u64 = 0x420c;
const PTRACE_SECCOMP_GET_METADATA: u64 = 0x420d;
const PTRACE_GET_SYSCALL_INFO: u64 = 0x420e;

/// The request in register 0, all 64 bits of it (the kernel's `long request`).
fn request(call: &Call) -> u64 {
    call.args[0]
}

/// Whether anything follows the request (`PTRACE_TRACEME` ignores the rest).
pub fn has_args(call: &Call) -> bool {
    request(call) != PTRACE_TRACEME
}

/// Whether `data` (for `PTRACE_GETREGS` and `PTRACE_GETFPREGS`, the registers) shows when the
/// call returns: what the call writes, and the regsets and seccomp metadata, whose
/// lengths the call changes (strace shows `PTRACE_SETREGSET`'s registers at entry; they are
/// shown with the length it had then, the kernel not writing them).
pub fn has_data(call: &Call) -> bool {
    matches!(
        request(call),
        PTRACE_PEEKTEXT
            | PTRACE_PEEKDATA
            | PTRACE_PEEKUSER
            | PTRACE_GETEVENTMSG
            | PTRACE_GETSIGINFO
            | PTRACE_GETSIGMASK
            | PTRACE_PEEKSIGINFO
            | PTRACE_SECCOMP_GET_FILTER
            | PTRACE_SECCOMP_GET_METADATA
            | PTRACE_GET_SYSCALL_INFO
            | PTRACE_GETREGS
            | PTRACE_GETFPREGS
            | PTRACE_GETREGSET
            | PTRACE_SETREGSET
    )
}

/// `pid`, `addr` and `data` as the kernel reads them, at entry (`data` only when it does not
/// show at exit).
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let [_, pid, addr, data, _, _] = call.args;
    let req = request(call);
    super::pid(sink, ctx, i64::from(pid as i32), super::PidKind::Tgid);
    match req {
        // Neither addr nor data is read.
        PTRACE_ATTACH | PTRACE_INTERRUPT | PTRACE_KILL | PTRACE_LISTEN => return,
        // The registers take the place of addr and data; those the call fills show at exit.
        PTRACE_GETREGS | PTRACE_GETFPREGS => return,
        PTRACE_SETREGS => {
            super::next_arg(sink, "data");
            return ptrace_data::regs(sink, ctx, data);
        }
        PTRACE_SETFPREGS => {
            super::next_arg(sink, "data");
            return ptrace_data::fpregs(sink, ctx, data);
        }
        _ => {}
    }
    super::next_arg(sink, "addr");
    match req {
        PTRACE_PEEKUSER | PTRACE_POKEUSER => user_offset(sink, addr),
        PTRACE_GETREGSET | PTRACE_SETREGSET => {
            sink.enumeration(u64::from(addr as u32), &table::ENUM_NT_DESCRIPTOR_TYPES)
        }
        PTRACE_GETSIGMASK
        | PTRACE_SETSIGMASK
        | PTRACE_SECCOMP_GET_FILTER
        | PTRACE_SECCOMP_GET_METADATA
        | PTRACE_GET_SYSCALL_INFO => sink.uint(addr),
        PTRACE_PEEKSIGINFO => fields::at(sink, ctx, &table::STRUCT_PTRACE_PEEKSIGINFO_ARGS, addr),
        _ => sink.addr(addr),
    }
    if has_data(call) {
        return;
    }
    super::next_arg(sink, "data");
    match req {
        PTRACE_CONT
        | PTRACE_DETACH
        | PTRACE_SYSCALL
        | PTRACE_SINGLESTEP
        | PTRACE_SINGLEBLOCK
        | PTRACE_SYSEMU
        | PTRACE_SYSEMU_SINGLESTEP => sink.signal(i64::from(data as i32)),
        PTRACE_SEIZE | PTRACE_SETOPTIONS | PTRACE_OLDSETOPTIONS => {
            sink.flags(data, &table::FLAGS_PTRACE_OPTIONS)
        }
        PTRACE_SETSIGINFO => signal::siginfo_at(sink, ctx, data),
        PTRACE_SETSIGMASK => signal::sigset(sink, ctx, data, addr),
        _ => sink.addr(data),
    }
}

/// What the entry keeps for the exit: the length of a regset's `struct iovec`, which the
/// call may change (strace's `set_tcb_priv_ulong`), in `saved[1]` (low half) and `saved[2]`
/// (high half); neither when it could not be read.
pub fn save<M: Memory>(ctx: &mut Ctx<'_, M>, call: &mut Call) {
    if !matches!(request(call), PTRACE_GETREGSET | PTRACE_SETREGSET) {
        return;
    }
    if let Some(len) = ptrace_data::iov_len(ctx, call.args[3]) {
        call.saved[1] = Some(len as u32);
        call.saved[2] = Some((len >> 32) as u32);
    }
}

/// The regset length [`save`] kept.
fn saved_len(call: &Call) -> Option<u64> {
    Some(u64::from(call.saved[1]?) | (u64::from(call.saved[2]?) << 32))
}

/// `data` when the call returns: what it wrote, or its address if it failed and wrote
/// nothing (strace's `tfetch_mem` reads nothing after a failure; the regsets' `struct
/// iovec` and the seccomp metadata's first member are read whatever the outcome).
pub fn data<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let [_, _, addr, data, _, _] = call.args;
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    let rval = match outcome {
        Some(Outcome::Ok(v)) => v as u64,
        _ => 0,
    };
    match request(call) {
        PTRACE_GETREGSET => {
            let get = Regset::Get { failed };
            ptrace_data::regset(sink, ctx, (addr, data), saved_len(call), get)
        }
        PTRACE_SETREGSET => {
            ptrace_data::regset(sink, ctx, (addr, data), saved_len(call), Regset::Set)
        }
        PTRACE_SECCOMP_GET_METADATA => ptrace_data::seccomp_metadata(sink, ctx, call, outcome),
        // Under `-e verbose=` leaving the call out strace shows the rest at entry, as an
        // address.
        _ if failed || !ctx.opts.verbose => sink.addr(data),
        PTRACE_GET_SYSCALL_INFO => ptrace_data::syscall_info(sink, ctx, data, addr, rval),
        // strace takes the count as an `unsigned short`.
        PTRACE_SECCOMP_GET_FILTER => {
            super::bpf::seccomp_program(sink, ctx, data, u64::from(rval as u16))
        }
        PTRACE_GETREGS => ptrace_data::regs(sink, ctx, data),
        PTRACE_GETFPREGS => ptrace_data::fpregs(sink, ctx, data),
        PTRACE_GETSIGINFO => signal::siginfo_at(sink, ctx, data),
        PTRACE_GETSIGMASK => signal::sigset(sink, ctx, data, addr),
        PTRACE_PEEKSIGINFO => ptrace_data::siginfos(sink, ctx, data, rval),
        req => super::structs::read_struct(sink, ctx, data, 8, |sink, _, raw| {
            sink.begin_array();
            if req == PTRACE_GETEVENTMSG {
                sink.uint(raw.u64(0));
            } else {
                sink.addr(raw.u64(0));
            }
            sink.end_array();
        }),
    }
}
