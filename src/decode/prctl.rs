//! `prctl(2)`: what its arguments and its return value mean depends on the option
//! (`<linux/prctl.h>`), so one printer reads the option and shows the arguments as strace 6.1
//! does: those read by the kernel at entry, what the kernel wrote at exit, the rest in hex.

use super::structs::read_struct;
use super::{Call, Ctx, Group, Number, Outcome, PidKind, Sink, Values, string};
use crate::mem::Memory;
use crate::table::{self, EnumTable, FlagTable};

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
const PR_SVE_SET_VL: u32 = 50;
const PR_SVE_GET_VL: u32 = 51;
const PR_PAC_RESET_KEYS: u32 = 54;
const PR_SET_TAGGED_ADDR_CTRL: u32 = 55;
const PR_GET_TAGGED_ADDR_CTRL: u32 = 56;
const PR_PAC_SET_ENABLED_KEYS: u32 = 60;
const PR_PAC_GET_ENABLED_KEYS: u32 = 61;
const PR_SCHED_CORE: u32 = 62;
const PR_SME_SET_VL: u32 = 63;
const PR_SME_GET_VL: u32 = 64;
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
/// `PR_SCHED_CORE_GET`: the cookie is written through the fifth argument.
const PR_SCHED_CORE_GET: u32 = 0;
/// `PR_SVE_VL_LEN_MASK` and `PR_SME_VL_LEN_MASK`: the vector length under the flags.
const VL_LEN_MASK: u64 = 0xffff;
/// The parts of the tagged address control word: `PR_TAGGED_ADDR_ENABLE`, `PR_MTE_TCF_MASK`,
/// `PR_MTE_TAG_MASK` (`0xffff << PR_MTE_TAG_SHIFT`).
const PR_TAGGED_ADDR_ENABLE: u64 = 1;
const PR_MTE_TCF_MASK: u64 = 0x6;
const PR_MTE_TAG_SHIFT: u32 = 3;
const PR_MTE_TAG_MASK: u64 = 0xffff << PR_MTE_TAG_SHIFT;
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
    /// Some at entry, the last at exit (`PR_SCHED_CORE_GET`'s cookie).
    EntryAndExit,
}

fn shape(call: &Call) -> Shape {
    match option(call) {
        PR_GET_KEEPCAPS
        | PR_GET_SECCOMP
        | PR_GET_TIMERSLACK
        | PR_GET_TIMING
        | PR_GET_DUMPABLE
        | PR_GET_SECUREBITS
        | PR_GET_FP_MODE
        | PR_SVE_GET_VL
        | PR_SME_GET_VL
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
        // strace picks the command by the register's low 32 bits.
        PR_SCHED_CORE if call.args[1] as u32 == PR_SCHED_CORE_GET => Shape::EntryAndExit,
        _ => Shape::Entry,
    }
}

/// Whether the option has arguments shown at entry.
pub fn has_args(call: &Call) -> bool {
    matches!(shape(call), Shape::Entry | Shape::EntryAndExit)
}

/// Whether the option has an argument the call writes.
pub fn has_result(call: &Call) -> bool {
    matches!(shape(call), Shape::Exit | Shape::EntryAndExit)
}

/// Registers `from..5` in hex, each after a separator.
fn hex_args<S: Sink>(sink: &mut S, call: &Call, from: usize) {
    for (i, &v) in call.args.iter().enumerate().take(5).skip(from) {
        super::next_register(sink, i);
        sink.hex(v);
    }
}

/// strace 6.16's name of the second register, by option (`-N`: `prctl(op=PR_SET_NAME,
/// name="x")`); `arg2` where it names none.
fn arg2_name(option: u32) -> &'static str {
    match option {
        PR_SET_PDEATHSIG | PR_GET_PDEATHSIG => "sig",
        PR_SET_DUMPABLE => "dumpable",
        PR_SET_UNALIGN | PR_GET_UNALIGN | PR_SET_SECUREBITS => "flags",
        PR_SET_NAME | PR_GET_NAME => "name",
        PR_SET_SECCOMP
        | PR_SET_FP_MODE
        | PR_SET_TAGGED_ADDR_CTRL
        | PR_SET_FPEXC
        | PR_SET_TIMING
        | PR_GET_FPEXC => "mode",
        PR_CAPBSET_READ | PR_CAPBSET_DROP => "cap",
        PR_SET_TSC | PR_GET_TSC | PR_SET_THP_DISABLE => "flag",
        PR_SET_TIMERSLACK => "slack",
        PR_MCE_KILL | PR_SET_MM | PR_CAP_AMBIENT | PR_SET_SYSCALL_USER_DISPATCH | PR_SCHED_CORE => {
            "operation"
        }
        PR_GET_TID_ADDRESS => "addr",
        PR_SVE_SET_VL => "value",
        PR_SME_SET_VL => "arg",
        PR_GET_SPECULATION_CTRL | PR_SET_SPECULATION_CTRL => "misfeature",
        PR_PAC_RESET_KEYS => "keys",
        PR_PAC_SET_ENABLED_KEYS => "bitmask_affected",
        PR_SET_VMA => "attr",
        PR_SET_PTRACER => "pid",
        PR_SET_KEEPCAPS | PR_SET_IO_FLUSHER => "state",
        PR_SET_FPEMU | PR_GET_FPEMU => "fpemu",
        PR_SET_ENDIAN | PR_GET_ENDIAN => "endianness",
        PR_SET_CHILD_SUBREAPER | PR_SET_NO_NEW_PRIVS => "set",
        PR_GET_CHILD_SUBREAPER => "isset",
        _ => "arg2",
    }
}

/// The arguments after the option that the kernel reads, at entry.
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let [_, arg2, arg3, arg4, arg5, _] = call.args;
    sink.arg_name(arg2_name(option(call)));
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
                super::next_arg(sink, "caps");
                enum64(sink, arg3, &table::ENUM_CAP);
                hex_args(sink, call, 3);
            } else {
                hex_args(sink, call, 2);
            }
        }
        PR_MCE_KILL => {
            enum64(sink, arg2, &table::ENUM_PR_MCE_KILL);
            if arg2 == PR_MCE_KILL_SET {
                super::next_arg(sink, "policy");
                enum64(sink, arg3, &table::ENUM_PR_MCE_KILL_POLICY);
            } else {
                super::next_register(sink, 2);
                sink.hex(arg3);
            }
            hex_args(sink, call, 3);
        }
        // strace reads at most TASK_COMM_LEN - 1 bytes: a name that fills them has `...`.
        PR_SET_NAME => string::cstring_within(sink, ctx, arg2, TASK_COMM_LEN - 1),
        PR_SET_VMA => {
            enum64(sink, arg2, &table::ENUM_PR_SET_VMA);
            if arg2 == PR_SET_VMA_ANON_NAME {
                super::next_arg(sink, "addr");
                sink.addr(arg3);
                super::next_arg(sink, "size");
                sink.uint(arg4);
                super::next_arg(sink, "name");
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
                    super::next_arg(sink, "filter");
                    super::bpf::seccomp_fprog(sink, ctx, arg3);
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
            super::next_arg(sink, "value");
            if arg2 <= PR_SPEC_LAST_KNOWN {
                enum64(sink, arg3, &table::ENUM_PR_SPEC_SET_FLAGS);
            } else {
                sink.hex(arg3);
            }
        }
        PR_SVE_SET_VL => vector_length(sink, arg2, &table::FLAGS_PR_SVE_VL_FLAGS),
        PR_SME_SET_VL => vector_length(sink, arg2, &table::FLAGS_PR_SME_VL_FLAGS),
        PR_SET_TAGGED_ADDR_CTRL => {
            sink.open(Group::Symbolic(Number::Hex(arg2)));
            tagged_addr(sink, arg2);
            sink.close();
            hex_args(sink, call, 2);
        }
        PR_PAC_RESET_KEYS => {
            sink.flags(arg2, &table::FLAGS_PR_PAC_KEYS);
            hex_args(sink, call, 2);
        }
        PR_PAC_SET_ENABLED_KEYS => {
            sink.flags(arg2, &table::FLAGS_PR_PAC_ENABLED_KEYS);
            super::next_arg(sink, "bitmask_set");
            sink.flags(arg3, &table::FLAGS_PR_PAC_ENABLED_KEYS);
            hex_args(sink, call, 3);
        }
        PR_SCHED_CORE => sched_core(sink, ctx, call),
        PR_SET_SYSCALL_USER_DISPATCH => {
            enum64(sink, arg2, &table::ENUM_PR_SUD_CMDS);
            super::next_arg(sink, "off");
            sink.hex(arg3);
            super::next_arg(sink, "size");
            sink.hex(arg4);
            super::next_arg(sink, "switch");
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
    // PR_SCHED_CORE_GET writes through its fifth argument, the others through the second.
    let (addr, name) = match option(call) {
        PR_SCHED_CORE => (call.args[4], "cookie"),
        option => (call.args[1], arg2_name(option)),
    };
    sink.arg_name(name);
    if matches!(outcome, Some(Outcome::Err(_))) {
        return sink.addr(addr);
    }
    match option(call) {
        PR_GET_NAME => string::cstring_within(sink, ctx, addr, TASK_COMM_LEN),
        PR_GET_TID_ADDRESS => read_struct(sink, ctx, addr, 8, |sink, _, raw| {
            sink.begin_array();
            sink.addr(raw.u64(0));
            sink.end_array();
        }),
        PR_SCHED_CORE => read_struct(sink, ctx, addr, 8, |sink, _, raw| {
            sink.begin_array();
            sink.hex(raw.u64(0));
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
        PR_SVE_SET_VL | PR_SVE_GET_VL => vector_length_ret(sink, v, &table::FLAGS_PR_SVE_VL_FLAGS),
        PR_SME_SET_VL | PR_SME_GET_VL => vector_length_ret(sink, v, &table::FLAGS_PR_SME_VL_FLAGS),
        PR_GET_TAGGED_ADDR_CTRL => {
            sink.ret_hex(v as u64);
            sink.open(Group::NameDetail);
            tagged_addr(sink, v as u64);
            sink.close();
        }
        PR_PAC_GET_ENABLED_KEYS => sink.ret_flag_names(v as u64, &table::FLAGS_PR_PAC_ENABLED_KEYS),
        _ => sink.ret_int(v),
    }
}

/// `PR_SCHED_CORE`'s command, the process it acts on (of the kind the scope names), the
/// scope (named in a comment whatever `-X` asks but `raw`) and, but for `PR_SCHED_CORE_GET`
/// which writes it, the cookie's address.
fn sched_core<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let [_, cmd, pid, scope, cookie, _] = call.args;
    // strace names the command by the register's low 32 bits.
    sink.enumeration(u64::from(cmd as u32), &table::ENUM_PR_SCHED_CORE_CMDS);
    super::next_arg(sink, "pid");
    let pid = i64::from(pid as i32);
    let scope = u64::from(scope as u32);
    // PIDTYPE_PID, _TGID, _PGID, _SID (the kernel's enum pid_type).
    match scope {
        0 => super::pid(sink, ctx, pid, PidKind::Tid),
        1 => super::pid(sink, ctx, pid, PidKind::Tgid),
        2 => super::pid(sink, ctx, pid, PidKind::Pgid),
        3 => super::pid(sink, ctx, pid, PidKind::Sid),
        _ => sink.int(pid),
    }
    super::next_arg(sink, "pid_type");
    sink.hex_named(scope, &table::ENUM_PR_SCHED_CORE_PIDTYPES, true);
    if cmd as u32 != PR_SCHED_CORE_GET {
        super::next_arg(sink, "cookie");
        sink.addr(cookie);
    }
}

/// A vector length with flags above `VL_LEN_MASK` (`PR_SVE_SET_VL`, `PR_SME_SET_VL`):
/// `PR_SVE_VL_INHERIT|0xea57` (`-X raw`: `0x2ea57`); without flags, the number alone.
fn vector_length<S: Sink>(sink: &mut S, v: u64, flags: &'static FlagTable) {
    if v & !VL_LEN_MASK == 0 {
        return sink.hex(v);
    }
    sink.open(Group::Symbolic(Number::Hex(v)));
    vector_length_parts(sink, v, flags);
    sink.close();
}

/// The flags of a vector length and the length: `PR_SVE_SET_VL_ONEXEC|0xff`, the flags no
/// name covers as a number (`0x10000|0`).
fn vector_length_parts<S: Sink>(sink: &mut S, v: u64, flags: &'static FlagTable) {
    sink.open(Group::Or);
    sink.flags(v & !VL_LEN_MASK, flags);
    sink.hex(v & VL_LEN_MASK);
    sink.close();
}

/// A vector length returned: in hex, with its flags and length as strace's auxiliary string
/// shows them when it has flags (`0x4ea57 (PR_SVE_SET_VL_ONEXEC|0xea57)`); zero in decimal.
fn vector_length_ret<S: Sink>(sink: &mut S, v: i64, flags: &'static FlagTable) {
    if v == 0 {
        return sink.ret_int(v);
    }
    sink.ret_hex(v as u64);
    if v as u64 & !VL_LEN_MASK != 0 {
        sink.open(Group::NameDetail);
        vector_length_parts(sink, v as u64, flags);
        sink.close();
    }
}

/// The tagged address control word in its parts: `PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|
/// 0x1<<PR_MTE_TAG_SHIFT|0x57a80000` (the enable bit's absence named `!PR_TAGGED_ADDR_ENABLE`,
/// the tag mask and the bits past it only when set).
fn tagged_addr<S: Sink>(sink: &mut S, v: u64) {
    sink.open(Group::Or);
    sink.flags(
        v & PR_TAGGED_ADDR_ENABLE,
        &table::FLAGS_PR_TAGGED_ADDR_ENABLE,
    );
    sink.enumeration(v & PR_MTE_TCF_MASK, &table::ENUM_PR_MTE_TCF);
    let tag = (v & PR_MTE_TAG_MASK) >> PR_MTE_TAG_SHIFT;
    if tag != 0 {
        sink.open(Group::NamedShift("PR_MTE_TAG_SHIFT", PR_MTE_TAG_SHIFT));
        sink.hex(tag);
        sink.close();
    }
    let rest = v & !(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
    if rest != 0 {
        sink.hex(rest);
    }
    sink.close();
}
