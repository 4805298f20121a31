//! `seccomp` (`<linux/seccomp.h>`): its flags and its third argument mean what the operation
//! (register 0) says; `SECCOMP_GET_NOTIF_SIZES` fills a struct shown at exit. Also the
//! `struct sock_fprog` a filter is given in, which `prctl(PR_SET_SECCOMP)` takes too.

use super::structs::read_struct;
use super::{Call, Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

const SET_MODE_FILTER: u32 = 1;
const GET_ACTION_AVAIL: u32 = 2;
const GET_NOTIF_SIZES: u32 = 3;

/// `struct seccomp_notif_sizes`: three `__u16`s.
const NOTIF_SIZES_SIZE: usize = 6;

fn operation(call: &Call) -> u32 {
    call.args[0] as u32
}

/// Whether the third argument shows at entry (all but `SECCOMP_GET_NOTIF_SIZES`, whose
/// struct the call fills).
pub fn has_args(call: &Call) -> bool {
    operation(call) != GET_NOTIF_SIZES
}

/// Whether the third argument shows at exit.
pub fn has_sizes(call: &Call) -> bool {
    operation(call) == GET_NOTIF_SIZES
}

/// The flags: named for `SECCOMP_SET_MODE_FILTER`, else a number in hex.
pub fn flags<S: Sink>(sink: &mut S, call: &Call) {
    let v = u64::from(call.args[1] as u32);
    match operation(call) {
        SET_MODE_FILTER => sink.flags(v, &table::FLAGS_SECCOMP_FILTER_FLAGS),
        _ => sink.hex(v),
    }
}

/// The third argument at entry: the filter program, the action asked about, an address.
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let addr = call.args[2];
    match operation(call) {
        SET_MODE_FILTER => super::bpf::seccomp_fprog(sink, ctx, addr),
        GET_ACTION_AVAIL => read_struct(sink, ctx, addr, 4, |sink, _, raw| {
            sink.begin_array();
            sink.enumeration(u64::from(raw.u32(0)), &table::ENUM_SECCOMP_RET_ACTION);
            sink.end_array();
        }),
        _ => sink.addr(addr),
    }
}

/// What `SECCOMP_GET_NOTIF_SIZES` wrote, at exit; the address if the call failed.
pub fn sizes<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let addr = call.args[2];
    // The spec's `sizes` is the register strace names `args` (at entry otherwise).
    sink.arg_name("args");
    if matches!(outcome, Some(Outcome::Err(_))) {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, NOTIF_SIZES_SIZE, |sink, _, raw| {
        sink.begin_struct();
        sink.field("seccomp_notif");
        sink.uint(u64::from(raw.u16(0)));
        sink.field("seccomp_notif_resp");
        sink.uint(u64::from(raw.u16(2)));
        sink.field("seccomp_data");
        sink.uint(u64::from(raw.u16(4)));
        sink.end_struct(false);
    });
}
