//! `ptrace(2)` as its tracee-side caller makes it: the request decides which of `pid`,
//! `addr` and `data` show and how (`<linux/ptrace.h>`, arch/x86/include/uapi/asm/ptrace-abi.h).

use super::structs::read_struct;
use super::{Call, Ctx, Outcome, Sink, Values, signal};
use crate::mem::Memory;
use crate::table;

const PTRACE_TRACEME: u32 = 0;
const PTRACE_PEEKTEXT: u32 = 1;
const PTRACE_PEEKDATA: u32 = 2;
const PTRACE_PEEKUSER: u32 = 3;
const PTRACE_CONT: u32 = 7;
const PTRACE_KILL: u32 = 8;
const PTRACE_SINGLESTEP: u32 = 9;
const PTRACE_GETREGS: u32 = 12;
const PTRACE_SETREGS: u32 = 13;
const PTRACE_ATTACH: u32 = 0x10;
const PTRACE_DETACH: u32 = 0x11;
const PTRACE_OLDSETOPTIONS: u32 = 0x15;
const PTRACE_SYSCALL: u32 = 0x18;
const PTRACE_SYSEMU: u32 = 0x1f;
const PTRACE_SYSEMU_SINGLESTEP: u32 = 0x20;
const PTRACE_SINGLEBLOCK: u32 = 0x21;
const PTRACE_SETOPTIONS: u32 = 0x4200;
const PTRACE_GETEVENTMSG: u32 = 0x4201;
const PTRACE_GETSIGINFO: u32 = 0x4202;
const PTRACE_SETSIGINFO: u32 = 0x4203;
const PTRACE_SEIZE: u32 = 0x4206;
const PTRACE_INTERRUPT: u32 = 0x4207;
const PTRACE_LISTEN: u32 = 0x4208;
const PTRACE_GETSIGMASK: u32 = 0x420a;
const PTRACE_SETSIGMASK: u32 = 0x420b;
const PTRACE_SECCOMP_GET_FILTER: u32 = 0x420c;
const PTRACE_SECCOMP_GET_METADATA: u32 = 0x420d;
const PTRACE_GET_SYSCALL_INFO: u32 = 0x420e;

/// The request in register 0.
fn request(call: &Call) -> u32 {
    call.args[0] as u32
}

/// Whether anything follows the request (`PTRACE_TRACEME` ignores the rest).
pub fn has_args(call: &Call) -> bool {
    request(call) != PTRACE_TRACEME
}

/// Whether the request's `data` (or for `PTRACE_GETREGS`, the registers) is what the call
/// writes, shown at exit.
pub fn has_data(call: &Call) -> bool {
    matches!(
        request(call),
        PTRACE_PEEKTEXT
            | PTRACE_PEEKDATA
            | PTRACE_PEEKUSER
            | PTRACE_GETEVENTMSG
            | PTRACE_GETSIGINFO
            | PTRACE_GETSIGMASK
            | PTRACE_GETREGS
    )
}

/// `pid`, `addr` and `data` as the kernel reads them, at entry (`data` only when the call
/// does not write it).
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let [_, pid, addr, data, _, _] = call.args;
    let req = request(call);
    sink.int(i64::from(pid as i32));
    if matches!(
        req,
        PTRACE_ATTACH | PTRACE_INTERRUPT | PTRACE_KILL | PTRACE_LISTEN
    ) {
        return;
    }
    // The registers take the place of addr and data; those PTRACE_GETREGS fills show at exit.
    if req == PTRACE_GETREGS {
        return;
    }
    sink.arg_sep();
    match req {
        PTRACE_SETREGS => return regs(sink, ctx, data),
        PTRACE_GETSIGMASK
        | PTRACE_SETSIGMASK
        | PTRACE_SECCOMP_GET_FILTER
        | PTRACE_SECCOMP_GET_METADATA
        | PTRACE_GET_SYSCALL_INFO => sink.uint(addr),
        _ => sink.addr(addr),
    }
    if has_data(call) {
        return;
    }
    sink.arg_sep();
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

/// What the call wrote, at exit; its address if the call failed.
pub fn data<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let [_, _, addr, data, _, _] = call.args;
    if matches!(outcome, Some(Outcome::Err(_))) {
        return sink.addr(data);
    }
    match request(call) {
        PTRACE_GETREGS => regs(sink, ctx, data),
        PTRACE_GETSIGINFO => signal::siginfo_at(sink, ctx, data),
        PTRACE_GETSIGMASK => signal::sigset(sink, ctx, data, addr),
        req => read_struct(sink, ctx, data, 8, |sink, _, raw| {
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

/// `struct user_regs_struct` (`<sys/user.h>`, x86_64): its 27 registers in order, in hex.
const USER_REGS: [&str; 27] = [
    "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi",
    "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs",
    "gs",
];

/// A pointer to the general registers: `{r15=0x..., r14=0x..., ...}`.
fn regs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 8 * USER_REGS.len(), |sink, _, raw| {
        sink.begin_struct();
        for (i, name) in USER_REGS.into_iter().enumerate() {
            sink.field(name);
            sink.hex(raw.u64(8 * i));
        }
        sink.end_struct(false);
    });
}
