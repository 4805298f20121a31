//! `prctl(2)`: what its arguments and its return value mean depends on the option
//! (`<linux/prctl.h>`), so one printer reads the option and shows the arguments as strace 6.1
//! does: those read by the kernel at entry, what the kernel wrote at exit, the rest in hex.

use super::structs::read_struct;
use super::{Call, Ctx, Number, Outcome, PidKind, Sink, Values, string};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

/// The options, from `<linux/prctl.h>`.
const PR_SET_PDEATHSIG: u32 = 1;
const PR_GET_PDEATHSIG: u32 = 2;
const PR_GET_DUMPABLE: u32 = 3;
const PR_SET_DUMPABLE: u32 = 4;
const PR_GET_UNALIGN: u32 = 5;
const PR_SET_UNALIGN: u32 = 6;
const PR_GET_KEEPCAPS: u32 = 7;
const PR_SET_KEEPCAPS: u32 = 8;
const PR_GET_FPEMU: u32 = 9;
const PR_SET_FPEMU: u32 = 10;
const PR_GET_FPEXC: u32 = 11;
const PR_SET_FPEXC: u32 = 12;
const PR_GET_TIMING: u32 = 13;
const PR_SET_TIMING: u32 = 14;
const PR_SET_NAME: u32 = 15;
const PR_GET_NAME: u32 = 16;
const PR_GET_ENDIAN: u32 = 19;
const PR_SET_ENDIAN: u32 = 20;
const PR_GET_SECCOMP: u32 = 21;
const PR_SET_SECCOMP: u32 = 22;
const PR_CAPBSET_READ: u32 = 23;
const PR_CAPBSET_DROP: u32 = 24;
const PR_GET_TSC: u32 = 25;
const PR_SET_TSC: u32 = 26;
const PR_GET_SECUREBITS: u32 = 27;
const PR_SET_SECUREBITS: u32 = 28;
const PR_SET_TIMERSLACK: u32 = 29;
const PR_GET_TIMERSLACK: u32 = 30;
const PR_TASK_PERF_EVENTS_DISABLE: u32 = 31;
const PR_TASK_PERF_EVENTS_ENABLE: u32 = 32;
const PR_MCE_KILL: u32 = 33;
const PR_MCE_KILL_GET: u32 = 34;
const PR_SET_MM: u32 = 35;
const PR_SET_CHILD_SUBREAPER: u32 = 36;
const PR_GET_CHILD_SUBREAPER: u32 = 37;
const PR_SET_NO_NEW_PRIVS: u32 = 38;
const PR_GET_TID_ADDRESS: u32 = 40;
const PR_SET_THP_DISABLE: u32 = 41;
const PR_SET_FP_MODE: u32 = 45;
const PR_GET_FP_MODE: u32 = 46;
const PR_CAP_AMBIENT: u32 = 47;
const PR_GET_SPECULATION_CTRL: u32 = 52;
const PR_SET_SPECULATION_CTRL: u32 = 53;
const PR_SET_IO_FLUSHER: u32 = 57;
const PR_SET_SYSCALL_USER_DISPATCH: u32 = 59;
const PR_SET_VMA: u32 = 0x5356_4d41;
const PR_SET_PTRACER: u32 = 0x5961_6d61;

/// Sub-commands that take a capability (`PR_CAP_AMBIENT_RAISE`, `_LOWER`, `_IS_SET`).
const PR_CAP_AMBIENT_IS_SET: u64 = 1;
const PR_CAP_AMBIENT_LOWER: u64 = 3;
const PR_MCE_KILL_SET: u64 = 1;
const PR_SET_VMA_ANON_NAME: u64 = 0;
const SECCOMP_MODE_STRICT: u64 = 1;
const SECCOMP_MODE_FILTER: u64 = 2;
/// `PR_SPEC_STORE_BYPASS`, `_INDIRECT_BRANCH` and `_L1D_FLUSH`: the controls whose values
/// are `PR_SPEC_*` flags.
const PR_SPEC_LAST_KNOWN: u64 = 2;
/// `TASK_COMM_LEN` (include/linux/sched.h): a task name with its NUL.
const TASK_COMM_LEN: usize = 16;
/// The largest signal number strace names for `PR_SET_PDEATHSIG`.
const MAX_PDEATHSIG_NAMED: u64 = 128;

/// The option in register 0: a C `int`.
fn option(call: &Call) -> u32 {
    call.args[0] as u32
}

/// Where the arguments after the option print.
#[derive(PartialEq, Eq)]
enum Shape {
    /// None at all: `prctl(PR_GET_DUMPABLE)`.
    Nothing,
    /// At entry only.
    Entry,
    /// Only the second argument, at exit (`PR_GET_NAME`).
    Exit,
}

fn shape(option: u32) -> Shape {
    match option {
        PR_GET_KEEPCAPS
        | PR_GET_SECCOMP
        | PR_GET_TIMERSLACK
        | PR_GET_TIMING
        | PR_GET_DUMPABLE
        | PR_GET_SECUREBITS
        | PR_GET_FP_MODE
        | PR_TASK_PERF_EVENTS_DISABLE
        | PR_TASK_PERF_EVENTS_ENABLE => Shape::Nothing,
        PR_GET_CHILD_SUBREAPER
        | PR_GET_ENDIAN
        | PR_GET_FPEMU
        | PR_GET_FPEXC
        | PR_GET_NAME
        | PR_GET_PDEATHSIG
        | PR_GET_TID_ADDRESS
        | PR_GET_TSC
        | PR_GET_UNALIGN => Shape::Exit,
        _ => Shape::Entry,
    }
}

/// Whether the option has arguments shown at entry.
pub fn has_args(call: &Call) -> bool {
    shape(option(call)) == Shape::Entry
}

/// Whether the option has an argument the call writes.
pub fn has_result(call: &Call) -> bool {
    shape(option(call)) == Shape::Exit
}

/// Registers `from..5` in hex, each after a separator.
fn hex_args<S: Sink>(sink: &mut S, call: &Call, from: usize) {
    for &v in &call.args[from..5] {
        sink.arg_sep();
        sink.hex(v);
    }
}

/// The arguments after the option that the kernel reads, at entry.
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let [_, arg2, arg3, arg4, arg5, _] = call.args;
    let enum64 = |sink: &mut S, v: u64, table: &'static EnumTable| sink.enumeration(v, table);
    match option(call) {
        PR_SET_CHILD_SUBREAPER
        | PR_SET_ENDIAN
        | PR_SET_FPEMU
        | PR_SET_FPEXC
        | PR_SET_KEEPCAPS
        | PR_SET_TIMING => sink.uint(arg2),
        PR_SET_DUMPABLE => enum64(sink, arg2, &table::ENUM_PR_DUMPABLE),
        PR_CAPBSET_DROP | PR_CAPBSET_READ => enum64(sink, arg2, &table::ENUM_CAP),
        PR_CAP_AMBIENT => {
            enum64(sink, arg2, &table::ENUM_PR_CAP_AMBIENT);
            if (PR_CAP_AMBIENT_IS_SET..=PR_CAP_AMBIENT_LOWER).contains(&arg2) {
                sink.arg_sep();
                enum64(sink, arg3, &table::ENUM_CAP);
                hex_args(sink, call, 3);
            } else {
                hex_args(sink, call, 2);
            }
        }
        PR_MCE_KILL => {
            enum64(sink, arg2, &table::ENUM_PR_MCE_KILL);
            sink.arg_sep();
            if arg2 == PR_MCE_KILL_SET {
                enum64(sink, arg3, &table::ENUM_PR_MCE_KILL_POLICY);
            } else {
                sink.hex(arg3);
            }
            hex_args(sink, call, 3);
        }
        PR_SET_NAME => {
            let limit = (TASK_COMM_LEN - 1).min(ctx.opts.max_strlen);
            string::bounded_cstring(sink, ctx, arg2, limit);
        }
        PR_SET_VMA => {
            enum64(sink, arg2, &table::ENUM_PR_SET_VMA);
            if arg2 == PR_SET_VMA_ANON_NAME {
                sink.arg_sep();
                sink.addr(arg3);
                sink.arg_sep();
                sink.uint(arg4);
                sink.arg_sep();
                string::cstring(sink, ctx, arg5);
            } else {
                hex_args(sink, call, 2);
            }
        }
        PR_SET_MM => {
            sink.enumeration(u64::from(arg2 as u32), &table::ENUM_PR_SET_MM);
            hex_args(sink, call, 2);
        }
        PR_SET_PDEATHSIG if arg2 > MAX_PDEATHSIG_NAMED => sink.uint(arg2),
        PR_SET_PDEATHSIG => sink.signal(arg2 as i64),
        PR_SET_PTRACER if arg2 as i32 == -1 => sink.constant("PR_SET_PTRACER_ANY", Number::Int(-1)),
        PR_SET_PTRACER => super::pid(sink, ctx, i64::from(arg2 as i32), PidKind::Tgid),
        PR_SET_SECCOMP => {
            enum64(sink, arg2, &table::ENUM_SECCOMP_MODE);
            match arg2 {
                SECCOMP_MODE_STRICT => {}
                SECCOMP_MODE_FILTER => {
                    sink.arg_sep();
                    super::seccomp::fprog(sink, ctx, arg3);
                }
                _ => hex_args(sink, call, 2),
            }
        }
        PR_SET_SECUREBITS => sink.flags(arg2, &table::FLAGS_SECBITS),
        PR_SET_TIMERSLACK => sink.int(arg2 as i64),
        PR_SET_TSC => sink.enumeration(u64::from(arg2 as u32), &table::ENUM_PR_TSC),
        PR_SET_UNALIGN => sink.flags(u64::from(arg2 as u32), &table::FLAGS_PR_UNALIGN_FLAGS),
        PR_SET_NO_NEW_PRIVS | PR_SET_THP_DISABLE | PR_SET_IO_FLUSHER => {
            sink.uint(arg2);
            hex_args(sink, call, 2);
        }
        PR_SET_FP_MODE => sink.flags(u64::from(arg2 as u32), &table::FLAGS_PR_FP_MODE),
        PR_GET_SPECULATION_CTRL => enum64(sink, arg2, &table::ENUM_PR_SPEC_CMDS),
        PR_SET_SPECULATION_CTRL => {
            enum64(sink, arg2, &table::ENUM_PR_SPEC_CMDS);
            sink.arg_sep();
            if arg2 <= PR_SPEC_LAST_KNOWN {
                enum64(sink, arg3, &table::ENUM_PR_SPEC_SET_FLAGS);
            } else {
                sink.hex(arg3);
            }
        }
        PR_SET_SYSCALL_USER_DISPATCH => {
            enum64(sink, arg2, &table::ENUM_PR_SUD_CMDS);
            sink.arg_sep();
            sink.hex(arg3);
            sink.arg_sep();
            sink.hex(arg4);
            sink.arg_sep();
            sink.addr(arg5);
        }
        // PR_GET_NO_NEW_PRIVS, PR_GET_THP_DISABLE, PR_MCE_KILL_GET, ... and unknown options:
        // every argument in hex. The first separator is the argument loop's.
        _ => {
            sink.hex(arg2);
            hex_args(sink, call, 2);
        }
    }
}

/// What the call wrote through its second argument, at exit; its address if the call failed.
pub fn result<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let addr = call.args[1];
    if matches!(outcome, Some(Outcome::Err(_))) {
        return sink.addr(addr);
    }
    match option(call) {
        PR_GET_NAME => {
            let limit = TASK_COMM_LEN.min(ctx.opts.max_strlen);
            string::bounded_cstring(sink, ctx, addr, limit);
        }
        PR_GET_TID_ADDRESS => read_struct(sink, ctx, addr, 8, |sink, _, raw| {
            sink.begin_array();
            sink.addr(raw.u64(0));
            sink.end_array();
        }),
        option => read_struct(sink, ctx, addr, 4, |sink, _, raw| {
            let v = raw.u32(0);
            sink.begin_array();
            match option {
                PR_GET_PDEATHSIG => sink.signal(i64::from(v)),
                PR_GET_TSC => sink.enumeration(u64::from(v), &table::ENUM_PR_TSC),
                PR_GET_UNALIGN => sink.flags(u64::from(v), &table::FLAGS_PR_UNALIGN_FLAGS),
                _ => sink.uint(u64::from(v)),
            }
            sink.end_array();
        }),
    }
}

/// The return value of a call that succeeded.
pub fn ret<S: Sink>(sink: &mut S, call: &Call, v: i64) {
    match option(call) {
        PR_GET_DUMPABLE => sink.ret_int_enum(v, &table::ENUM_PR_DUMPABLE),
        PR_MCE_KILL_GET => sink.ret_int_enum(v, &table::ENUM_PR_MCE_KILL_POLICY),
        // strace's auxiliary names (names under every -X but raw).
        PR_GET_SECUREBITS if v != 0 => sink.ret_flag_names(v as u64, &table::FLAGS_SECBITS),
        PR_GET_FP_MODE if v != 0 => sink.ret_flag_names(v as u64, &table::FLAGS_PR_FP_MODE),
        PR_GET_SPECULATION_CTRL if call.args[1] <= PR_SPEC_LAST_KNOWN => {
            sink.ret_flag_names(v as u64, &table::FLAGS_PR_SPEC_GET_FLAGS)
        }
        _ => sink.ret_int(v),
    }
}
