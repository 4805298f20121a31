//! The perf event requests that are more than a layout (`<linux/perf_event.h>`, strace's
//! perf_ioctl.c): `PERF_EVENT_IOC_QUERY_BPF`, whose array of program ids runs to a count the
//! kernel writes, and `PERF_EVENT_IOC_MODIFY_ATTRIBUTES`, a `struct perf_event_attr` shown as
//! perf_event_open shows it. The other requests are `[ioctl_args]` entries.

use super::structs::read_struct;
use super::{Ctx, Outcome, Sink, Values, array, perf};
use crate::mem::Memory;

/// `PERF_EVENT_IOC_QUERY_BPF`, `_IOWR('$', 10, struct perf_event_query_bpf *)`.
pub const QUERY_BPF: u32 = 0xc008_240a;
/// `PERF_EVENT_IOC_MODIFY_ATTRIBUTES`, `_IOW('$', 11, struct perf_event_attr *)`.
pub const MODIFY_ATTRIBUTES: u32 = 0x4008_240b;
/// `struct perf_event_query_bpf`: `__u32 ids_len, prog_cnt, ids[]`.
const PROG_CNT: u64 = 4;
const IDS: u64 = 8;

/// At entry: what MODIFY_ATTRIBUTES's attr printer needs (its `size` as given).
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, addr: u64) -> Option<u32> {
    perf::save(ctx.mem, addr)
}

/// MODIFY_ATTRIBUTES's attr, at entry (strace shows it then, and nothing at exit).
pub fn modify_attributes<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    saved: Option<u32>,
    addr: u64,
) {
    perf::attr(sink, ctx, addr, saved, None);
}

/// QUERY_BPF's struct, at exit: `{ids_len=N, ...}` when the call failed or `prog_cnt` cannot
/// be read, else `{ids_len=N, prog_cnt=M, ids=[...]}`. The kernel leaves `ids_len` as the
/// caller gave it, so reading it at exit shows what strace's entry shows.
pub fn query_bpf<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Outcome,
) {
    read_struct(sink, ctx, addr, 4, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("ids_len");
        sink.uint(u64::from(raw.u32(0)));
        let mut cnt = [0u8; 4];
        let at = addr.wrapping_add(PROG_CNT);
        if matches!(outcome, Outcome::Err(_)) || ctx.mem.read(at, &mut cnt).is_err() {
            sink.more();
            return sink.end_struct(false);
        }
        let cnt = u32::from_ne_bytes(cnt);
        sink.field("prog_cnt");
        sink.uint(u64::from(cnt));
        sink.field("ids");
        let ids = addr.wrapping_add(IDS);
        array::array(sink, ctx, ids, u64::from(cnt), 4, |sink, _, raw| {
            sink.uint(u64::from(raw.u32(0)))
        });
        sink.end_struct(false);
    });
}
