//! rtnetlink's attributes whose form is code rather than a struct (strace's `src/rtnl_*.c`).

use super::netlink_attr::{self, AttrCtx};
use super::structs::Raw;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `sizeof(struct rtnexthop)` (`<linux/rtnetlink.h>`), already aligned (`RTNH_ALIGN`).
const RTNEXTHOP_SIZE: u32 = 8;

/// `RTA_MULTIPATH` (strace's `decode_rta_multipath`): `struct rtnexthop`s, each with the
/// route attributes that follow it up to its length: `[{rtnh_len=16, rtnh_flags=0,
/// rtnh_hops=0, rtnh_ifindex=1}, [{nla_len=8, nla_type=RTA_GATEWAY}, ...]]`, several in an
/// array. `false` when fewer bytes than one are there.
pub fn multipath<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u32,
    at: &AttrCtx,
) -> bool {
    if len < RTNEXTHOP_SIZE {
        return false;
    }
    let st = &table::NLS_RTNEXTHOP;
    let (mut cur, mut left) = (addr, len);
    let mut in_array = false;
    loop {
        let mut raw = [0u8; RTNEXTHOP_SIZE as usize];
        if ctx.mem.read(cur, &mut raw).is_err() {
            super::netlink::unread(sink, cur);
            break;
        }
        let own = Raw(&raw).u16(0);
        let shown = left.min(u32::from(own));
        if cur == addr && u32::from(own) < len {
            sink.begin_array();
            in_array = true;
        }
        let with_attrs = shown > RTNEXTHOP_SIZE;
        if with_attrs {
            sink.begin_array();
        }
        // The whole struct, whatever its length says.
        netlink_attr::fields(sink, ctx, st, Raw(&raw), at);
        if with_attrs {
            let set = &table::NLA_RTNL_ROUTE;
            let attrs_at = cur.wrapping_add(u64::from(RTNEXTHOP_SIZE));
            netlink_attr::attrs(sink, ctx, set, attrs_at, shown - RTNEXTHOP_SIZE, at);
            sink.end_array();
        }
        let step = (shown + 3) & !3;
        if step >= left {
            break;
        }
        cur = cur.wrapping_add(u64::from(step));
        left -= step;
    }
    if in_array {
        sink.end_array();
    }
    true
}

/// `sizeof(struct br_mdb_entry)` (`<linux/if_bridge.h>`): ifindex, state, flags, vid, then
/// the group's address (a 16-byte union) and its protocol (`__be16`), padded.
pub const BR_MDB_ENTRY_SIZE: u32 = 28;

/// `struct br_mdb_entry` (strace's `decode_mdba_mdb_entry_info`): `{ifindex=..., state=...,
/// flags=..., vid=..., addr={u=inet_addr("..."), proto=htons(AF_INET)}}`, the address in its
/// protocol's form (an Ethernet protocol number, which strace reads as an address family).
pub fn br_mdb_entry<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("ifindex");
    super::sockaddr::ifindex(sink, raw.u32(0));
    sink.field("state");
    sink.enumeration(
        u64::from(raw.0.get(4).copied().unwrap_or(0)),
        &table::ENUM_MDB_STATES,
    );
    sink.field("flags");
    sink.flags(
        u64::from(raw.0.get(5).copied().unwrap_or(0)),
        &table::FLAGS_MDB_FLAGS,
    );
    sink.field("vid");
    sink.uint(u64::from(raw.u16(6)));
    let proto = raw.be16(24);
    sink.field("addr");
    sink.begin_struct();
    // AF_INET, AF_INET6 (<linux/socket.h>).
    match proto {
        2 => {
            sink.field("u");
            sink.ipv4(raw.array(8));
        }
        10 => sink.ipv6_field("u", raw.array(8)),
        _ => {
            sink.field("u");
            sink.hex_string(&raw.array::<16>(8), false);
        }
    }
    sink.field("proto");
    sink.begin_wrap("htons");
    sink.enumeration(u64::from(proto), &table::ENUM_ADDRESS_FAMILY);
    sink.end_wrap();
    sink.end_struct(false);
    sink.end_struct(false);
}

/// `RTA_VIA` (strace's `decode_rtvia`): `struct rtvia`, a family (`__kernel_sa_family_t`)
/// and an address of that family: `{rtvia_family=AF_INET, rtvia_addr=inet_addr("1.2.3.4")}`.
pub fn rtvia<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u32) -> bool {
    if len < 2 {
        return false;
    }
    let mut raw = [0u8; 2];
    if ctx.mem.read(addr, &mut raw).is_err() {
        super::netlink::unread(sink, addr);
        return true;
    }
    let family = u16::from_ne_bytes(raw);
    sink.begin_struct();
    sink.field("rtvia_family");
    sink.enumeration(u64::from(family), &table::ENUM_ADDRESS_FAMILY);
    if len > 2 {
        let family = u8::try_from(family).ok();
        let rest = (addr.wrapping_add(2), len - 2);
        netlink_attr::inet_addr(sink, ctx, rest, family, Some("rtvia_addr"));
    }
    sink.end_struct(false);
    true
}
