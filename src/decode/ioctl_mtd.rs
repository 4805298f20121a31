//! The MTD requests that are more than a layout (`<mtd/mtd-abi.h>`, strace's mtd.c):
//! MEMGETOOBSEL and ECCGETLAYOUT, whose members are arrays (shown up to `-s` elements, as
//! strace shows a member array), and MEMGETREGIONINFO, whose index (the last member) the
//! caller gives and shows first. The other requests are `[ioctl_args]` layouts.

use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `MEMGETOOBSEL`, `_IOR('M', 10, struct nand_oobinfo)`.
pub const MEMGETOOBSEL: u32 = 0x80c8_4d0a;
/// `ECCGETLAYOUT`, `_IOR('M', 17, struct nand_ecclayout_user)`.
pub const ECCGETLAYOUT: u32 = 0x8148_4d11;
/// `MEMGETREGIONINFO`, `_IOWR('M', 8, struct region_info_user)`.
pub const MEMGETREGIONINFO: u32 = 0xc010_4d08;

/// Whether `request` is one of this module's.
pub fn decodes(request: u32) -> bool {
    matches!(request, MEMGETOOBSEL | ECCGETLAYOUT | MEMGETREGIONINFO)
}

/// A request's argument, at exit (strace shows the region index at entry and the rest at
/// exit in the same braces: both are shown here at exit, the kernel leaving the index be).
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    addr: u64,
    outcome: Option<Outcome>,
) {
    match (request, outcome) {
        (_, None) => {}
        (MEMGETOOBSEL | ECCGETLAYOUT, Some(Outcome::Err(_))) => sink.addr(addr),
        (MEMGETOOBSEL, Some(_)) => read_struct(sink, ctx, addr, 200, oobinfo),
        (ECCGETLAYOUT, Some(_)) => read_struct(sink, ctx, addr, 328, ecclayout),
        (_, Some(outcome)) => read_struct(sink, ctx, addr, 16, |sink, _, raw| {
            sink.begin_struct();
            hex32(sink, "regionindex", raw, 12);
            if let Outcome::Ok(_) = outcome {
                hex32(sink, "offset", raw, 0);
                hex32(sink, "erasesize", raw, 4);
                hex32(sink, "numblocks", raw, 8);
            }
            sink.end_struct(false);
        }),
    }
}

fn hex32<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, at: usize) {
    sink.field(name);
    sink.hex(u64::from(raw.u32(at)));
}

/// `n` elements of `size` bytes from `at`, each by `print`, up to `-s` of them (strace's
/// `print_local_array`).
fn local_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    raw: Raw<'_>,
    (at, n, size): (usize, usize, usize),
    print: impl Fn(&mut S, Raw<'_>),
) {
    sink.begin_array();
    for i in 0..n {
        if i as u64 >= ctx.opts.max_elements() {
            sink.more();
            break;
        }
        let from = at + i * size;
        print(sink, Raw(raw.0.get(from..from + size).unwrap_or(&[])));
    }
    sink.end_array();
}

fn hex_u32<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.hex(u64::from(raw.u32(0)));
}

/// `struct nand_oobinfo`: `__u32 useecc, eccbytes, oobfree[8][2], eccpos[32]`.
fn oobinfo<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("useecc");
    sink.enumeration(u64::from(raw.u32(0)), &table::ENUM_MTD_NANDECC_OPTIONS);
    hex32(sink, "eccbytes", raw, 4);
    sink.field("oobfree");
    local_array(sink, ctx, raw, (8, 8, 8), |sink, pair| {
        sink.begin_array();
        hex_u32(sink, pair);
        hex_u32(sink, Raw(&pair.0[4..]));
        sink.end_array();
    });
    sink.field("eccpos");
    local_array(sink, ctx, raw, (72, 32, 4), hex_u32);
    sink.end_struct(false);
}

/// `struct nand_ecclayout_user`: `__u32 eccbytes, eccpos[64], oobavail; struct nand_oobfree
/// { __u32 offset, length; } oobfree[8]`.
fn ecclayout<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    hex32(sink, "eccbytes", raw, 0);
    sink.field("eccpos");
    local_array(sink, ctx, raw, (4, 64, 4), hex_u32);
    hex32(sink, "oobavail", raw, 260);
    sink.field("oobfree");
    local_array(sink, ctx, raw, (264, 8, 8), |sink, free| {
        sink.begin_struct();
        hex32(sink, "offset", free, 0);
        hex32(sink, "length", free, 4);
        sink.end_struct(false);
    });
    sink.end_struct(false);
}
