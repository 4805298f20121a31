//! `BPF_LINK_CREATE`'s union after `flags`, read by the attach type as strace 6.1 guesses it:
//! a BTF id, an iterator's info, a perf event's cookie, a multi-kprobe's symbols.

use super::super::fields;
use super::super::structs::Raw;
use super::super::{Ctx, Sink, Values, array, string};
use crate::mem::Memory;
use crate::table;

/// Where the union starts (`offsetof(target_btf_id)`): a smaller attr has none.
pub const UNION: usize = 16;

// Attach types (<linux/bpf.h> `enum bpf_attach_type`) with a part of the union of their own.
const BPF_CGROUP_INET_INGRESS: u32 = 0;
const BPF_TRACE_ITER: u32 = 28;
const BPF_PERF_EVENT: u32 = 41;
const BPF_TRACE_KPROBE_MULTI: u32 = 42;

/// The union's members for the attach type in `raw`; returns where the command's part of the
/// attr ends, past which bytes that are not zero show.
pub fn union<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) -> usize {
    match raw.u32(8) {
        // A program extending another (BPF_PROG_TYPE_EXT) gives the target's BTF id; the
        // kernel expects attach type 0 then.
        BPF_CGROUP_INET_INGRESS => {
            let id = raw.u32(16);
            if id != 0 {
                sink.field("target_btf_id");
                sink.uint(u64::from(id));
            }
            20
        }
        BPF_TRACE_ITER => {
            let (info, len) = (raw.u64(16), raw.u32(24));
            sink.field("iter_info");
            fields::array(
                sink,
                ctx,
                &table::STRUCT_BPF_ITER_LINK_INFO,
                info,
                u64::from(len),
            );
            sink.field("iter_info_len");
            sink.uint(u64::from(len));
            28
        }
        BPF_PERF_EVENT => {
            sink.field("perf_event");
            fields::whole(
                sink,
                ctx,
                &table::STRUCT_BPF_LINK_PERF_EVENT,
                Raw(raw.0.get(16..24).unwrap_or(&[])),
            );
            24
        }
        BPF_TRACE_KPROBE_MULTI => {
            kprobe_multi(sink, ctx, raw);
            48
        }
        _ => UNION,
    }
}

/// `kprobe_multi={flags=..., cnt=2, syms=["foo", NULL], addrs=[0, 0x1], cookies=[0, 0x1]}`.
fn kprobe_multi<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let desc = &table::STRUCT_BPF_LINK_KPROBE_MULTI;
    let cnt = u64::from(raw.u32(20));
    sink.field("kprobe_multi");
    sink.begin_struct();
    let part = Raw(raw.0.get(16..16 + usize::from(desc.size)).unwrap_or(&[]));
    fields::members(
        sink,
        ctx,
        desc,
        part,
        fields::Shown::all(usize::from(desc.size)),
    );
    sink.field("syms");
    array::array(sink, ctx, raw.u64(24), cnt, 8, |sink, ctx, p| {
        string::cstring(sink, ctx, p.u64(0))
    });
    for (name, at) in [("addrs", 32), ("cookies", 40)] {
        sink.field(name);
        array::array(sink, ctx, raw.u64(at), cnt, 8, |sink, _, v| {
            sink.hex(v.u64(0))
        });
    }
    sink.end_struct(false);
}
