//! `BPF_OBJ_GET_INFO_BY_FD`: the object's info the kernel wrote, by what the descriptor is
//! (its link, read at entry): a map's `struct bpf_map_info` (`[structs.bpf_map_info]`), a
//! program's `struct bpf_prog_info` (`[structs.bpf_prog_info]`) beside what the call was
//! given of it; anything else, and everything under the default abbreviation, as its
//! address.

use super::super::fields::{self, Shown, member_value};
use super::super::structs::Raw;
use super::super::{Ctx, Group, Sink, Values, string};
use super::{Object, PAGE, all_but, changed, extra_data, some_members, u32_array};
use crate::mem::Memory;
use crate::table::{self, StructDesc, members};

/// `info={bpf_fd=3, info_len=88 => 80, info={type=BPF_MAP_TYPE_ARRAY, ...}}`.
pub fn obj_get_info<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    layout: &'static StructDesc,
    [then, now]: [&[u8; PAGE]; 2],
    size: usize,
    failed: bool,
) {
    use members::bpf_obj_get_info_by_fd_attr as m;
    sink.field("info");
    sink.begin_struct();
    let answer = 1 << m::INFO_LEN | 1 << m::INFO;
    some_members(sink, ctx, layout, then, size, answer);
    let len = &layout.fields[m::INFO_LEN];
    let info_len = member_value(Raw(now), len).0;
    sink.field("info_len");
    changed(sink, member_value(Raw(then), len).0, info_len, |s, v| {
        s.uint(v)
    });
    sink.field("info");
    let info = member_value(Raw(now), &layout.fields[m::INFO]).0;
    let object = ctx.saved.as_deref().map_or(Object::Other, |s| s.bpf.object);
    let mut buf = [0u8; PAGE];
    let len = info_len as usize;
    let read = len > 0 && len <= PAGE && ctx.mem.read(info, &mut buf[..len]).is_ok();
    match object {
        Object::Map if read && !ctx.opts.abbreviate => {
            let desc = &table::STRUCT_BPF_MAP_INFO;
            sink.begin_struct();
            fields::members(sink, ctx, desc, Raw(&buf), Shown::all(len));
            extra_data(sink, ctx, &buf, len, usize::from(desc.size));
            sink.end_struct(false);
        }
        Object::Prog if read && !ctx.opts.abbreviate => {
            let mut given = [0u8; PAGE];
            if let Some(kept) = ctx.saved.as_deref().map(|s| &s.bpf.info) {
                let n = kept.len().min(PAGE);
                given[..n].copy_from_slice(&kept[..n]);
            }
            prog_info(sink, ctx, [&given, &buf], len, failed);
        }
        _ => sink.addr(info),
    }
    sink.end_struct(false);
}

/// The members of a program's info the kernel fills in after the call gave their sizes or
/// addresses: shown as given, then ` => ` what the kernel wrote when it differs.
const ANSWERED: [usize; 15] = {
    use members::bpf_prog_info as p;
    [
        p::JITED_PROG_LEN,
        p::XLATED_PROG_LEN,
        p::NR_MAP_IDS,
        p::NR_JITED_KSYMS,
        p::NR_JITED_FUNC_LENS,
        p::JITED_KSYMS,
        p::JITED_FUNC_LENS,
        p::FUNC_INFO_REC_SIZE,
        p::NR_FUNC_INFO,
        p::NR_LINE_INFO,
        p::JITED_LINE_INFO,
        p::NR_JITED_LINE_INFO,
        p::LINE_INFO_REC_SIZE,
        p::JITED_LINE_INFO_REC_SIZE,
        p::NR_PROG_TAGS,
    ]
};

/// `{type=BPF_PROG_TYPE_SOCKET_FILTER, id=5, tag="\x...", jited_prog_len=0 => 120, ...}`:
/// the info as the kernel wrote it (`now`), the counts and addresses as the call gave them
/// (`given`, read at entry) beside it; the programs and the map ids as far as both say.
fn prog_info<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    [given, now]: [&[u8; PAGE]; 2],
    len: usize,
    failed: bool,
) {
    use members::bpf_prog_info as p;
    let desc = &table::STRUCT_BPF_PROG_INFO;
    let value = |raw: &[u8], i: usize| member_value(Raw(raw), &desc.fields[i]).0;
    // The smaller of what was given and what the kernel wrote.
    let least = |i: usize| value(given, i).min(value(now, i));
    sink.begin_struct();
    // In strace's order: each program after its length.
    let order = (0..desc.fields.len()).map(|i| match i {
        p::XLATED_PROG_LEN => p::JITED_PROG_INSNS,
        p::JITED_PROG_INSNS => p::XLATED_PROG_LEN,
        _ => i,
    });
    for i in order {
        let f = &desc.fields[i];
        if !fields::within(desc, i, len) {
            break;
        }
        if ANSWERED.contains(&i) {
            sink.field(f.name);
            let show: fn(&mut S, u64) = match f.kind {
                table::FieldKind::Addr => |s, v| s.addr(v),
                _ => |s, v| s.uint(v),
            };
            changed(sink, value(given, i), value(now, i), show);
            continue;
        }
        let at = usize::from(f.offset);
        match i {
            p::TAG => {
                sink.field(f.name);
                sink.hex_string(&now[at..at + usize::from(f.width)], false);
            }
            p::JITED_PROG_INSNS => {
                sink.field(f.name);
                let n = value(now, p::JITED_PROG_LEN);
                string::buffer(sink, ctx, value(now, i), n, true);
            }
            p::XLATED_PROG_INSNS => {
                sink.field(f.name);
                let (addr, n) = (value(now, i), least(p::XLATED_PROG_LEN) / 8);
                match failed && addr != 0 && n != 0 {
                    true => sink.addr(addr),
                    false => super::super::bpf::ebpf_prog(sink, ctx, addr, n),
                }
            }
            p::LOAD_TIME => {
                sink.field(f.name);
                let ns = value(now, i);
                sink.uint(ns);
                boot_time(sink, ns);
            }
            p::MAP_IDS => {
                sink.field(f.name);
                u32_array(sink, ctx, value(now, i), least(p::NR_MAP_IDS), failed);
            }
            p::IFINDEX => {
                some_members(sink, ctx, desc, now, len, all_but(desc, 1 << i));
                // `__u32 gpl_compatible:1` after it.
                sink.field("gpl_compatible");
                sink.uint(u64::from(Raw(now).u32(at + 4) & 1));
            }
            _ => some_members(sink, ctx, desc, now, len, all_but(desc, 1 << i)),
        }
    }
    if fields::within(desc, p::VERIFIED_INSNS, len) {
        extra_data(sink, ctx, now, len, usize::from(desc.size));
    }
    sink.end_struct(false);
}

/// The date a time since boot stands for, roughly (strace's `print_boottime`: the clocks'
/// difference now, to the second), in a comment `-X raw` leaves out.
fn boot_time<S: Sink>(sink: &mut S, boot_ns: u64) {
    let now = |clock| {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid timespec for the call to fill.
        let ok = unsafe { libc::clock_gettime(clock, &mut ts) } == 0;
        ok.then(|| i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec))
    };
    let (Some(boot), Some(real)) = (now(libc::CLOCK_BOOTTIME), now(libc::CLOCK_REALTIME)) else {
        return;
    };
    let secs = (real - boot + i128::from(boot_ns)).div_euclid(1_000_000_000);
    let Ok(secs) = i64::try_from(secs) else {
        return;
    };
    if !crate::datetime::representable(secs) {
        return;
    }
    sink.open(Group::NameComment);
    sink.date(secs, 0, 0);
    sink.close();
}
