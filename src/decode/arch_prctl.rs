//! `arch_prctl`'s second argument and return value, by the code (`<asm/prctl.h>`), as strace
//! shows them: an address in hex, none at all for `ARCH_GET_CPUID`, what `ARCH_GET_FS` and
//! `ARCH_GET_GS` store (`[0x7f...]`), the XSAVE feature masks the `ARCH_GET_XCOMP_*` codes
//! store and the feature number `ARCH_REQ_XCOMP_*` asks for, each with its names in a comment
//! (strace's verbose style, whatever `-X` says but `raw`).

use super::{Call, Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

const ARCH_GET_FS: u32 = 0x1003;
const ARCH_GET_GS: u32 = 0x1004;
const ARCH_GET_CPUID: u32 = 0x1011;
const ARCH_GET_XCOMP_SUPP: u32 = 0x1021;
const ARCH_GET_XCOMP_PERM: u32 = 0x1022;
const ARCH_REQ_XCOMP_PERM: u32 = 0x1023;
const ARCH_GET_XCOMP_GUEST_PERM: u32 = 0x1024;
const ARCH_REQ_XCOMP_GUEST_PERM: u32 = 0x1025;

/// The code, as strace reads it: an `unsigned int`.
fn code(call: &Call) -> u32 {
    call.args[0] as u32
}

/// Whether the code reads its argument at entry (`ARCH_GET_CPUID` has none; the GET codes
/// write theirs).
pub fn has_arg(call: &Call) -> bool {
    !has_result(call) && code(call) != ARCH_GET_CPUID
}

/// Whether the code stores a value at the address, shown at exit.
pub fn has_result(call: &Call) -> bool {
    matches!(
        code(call),
        ARCH_GET_FS
            | ARCH_GET_GS
            | ARCH_GET_XCOMP_SUPP
            | ARCH_GET_XCOMP_PERM
            | ARCH_GET_XCOMP_GUEST_PERM
    )
}

/// The argument the kernel reads: the feature number for the REQ codes, else the value in
/// hex.
pub fn arg<S: Sink>(sink: &mut S, call: &Call) {
    let v = call.args[1];
    match code(call) {
        ARCH_REQ_XCOMP_PERM | ARCH_REQ_XCOMP_GUEST_PERM => {
            sink.hex(v);
            let table = &table::ENUM_X86_XFEATURE;
            sink.open(Group::NameComment);
            sink.word(table.name(v).unwrap_or(table.unknown));
            sink.close();
        }
        _ => sink.hex(v),
    }
}

/// What the GET codes stored: `[0x7f...]` (`[NULL]`), a feature mask `[0xe7 /* ... */]`; the
/// address when the call failed or the memory cannot be read.
pub fn result<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let addr = call.args[1];
    // The spec calls it `result` beside the entry's `addr` (never both shown): the same
    // register, which strace names `addr`.
    sink.arg_name("addr");
    let value = match outcome {
        Some(Outcome::Err(_)) => None,
        _ => ctx.mem.read_u64(addr).ok(),
    };
    let Some(value) = value.filter(|_| addr != 0) else {
        return sink.addr(addr);
    };
    sink.begin_array();
    match code(call) {
        ARCH_GET_FS | ARCH_GET_GS => sink.addr(value),
        _ => xfeature_mask(sink, value),
    }
    sink.end_array();
}

/// A mask of XSAVE features: `0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|... */`, `0`.
fn xfeature_mask<S: Sink>(sink: &mut S, v: u64) {
    sink.hex(v);
    if v == 0 {
        return;
    }
    let table = &table::FLAGS_X86_XFEATURES;
    sink.open(Group::NameComment);
    if table.names_any(v) {
        sink.flags(v, table);
    } else {
        sink.word("XFEATURE_MASK_???");
    }
    sink.close();
}

/// The return value: for the REQ codes, a positive one is a feature mask in hex with its
/// names (if it has any); any other is a number.
pub fn ret<S: Sink>(sink: &mut S, call: &Call, v: i64) {
    match code(call) {
        ARCH_REQ_XCOMP_PERM | ARCH_REQ_XCOMP_GUEST_PERM if v > 0 => {
            sink.ret_flag_names(v as u64, &table::FLAGS_X86_XFEATURES)
        }
        _ => sink.ret_udecimal(v),
    }
}
