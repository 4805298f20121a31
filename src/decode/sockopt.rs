//! Socket options: their names by level and their values by shape, as the `[sockopt.*]` tables
//! of `syscalls.toml` say (strace's `print_getsockopt`/`print_setsockopt`, `src/net.c`).
//! Layouts from `<linux/socket.h>`, `<linux/if_packet.h>`, `<linux/icmp.h>`, `<linux/in.h>`,
//! `<linux/in6.h>`.

use super::array::array;
use super::structs::{Raw, read_struct};
use super::{Ctx, Group, PidKind, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, SockoptShape};

/// Which call a value is of, with its lengths as C `int`s: `setsockopt`'s `optlen`, or
/// `getsockopt`'s `*optlen` as the call got it (`given`) and left it (`got`).
#[derive(Debug, Clone, Copy)]
pub enum Way {
    Set { len: i32 },
    Get { given: i32, got: i32 },
}

/// A socket option's name, by the tables of its level (the names only this call knows
/// after the others); a level without names prints the number.
pub fn name<S: Sink>(sink: &mut S, level: u64, v: u64, get: bool) {
    let v = u64::from(v as u32);
    let Some(level) = table::sockopt_level(level as u32) else {
        return sink.uint(v);
    };
    let own = if get {
        level.get_names
    } else {
        level.set_names
    };
    match own {
        Some(own) if level.names.name(v).is_none() && own.name(v).is_some() => {
            sink.enumeration(v, own)
        }
        _ => sink.enumeration(v, level.names),
    }
}

/// The value at `addr` of option `name` of `level`, by its shape. Without `-e verbose` (or at
/// NULL) the address; a `getsockopt` length not above zero shows the address too (the
/// kernel neither takes nor gives one).
pub fn value<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    way: Way,
    level: u64,
    name: u64,
) {
    let (get, len) = match way {
        Way::Get { given, got } if given <= 0 || got <= 0 => return sink.addr(addr),
        Way::Get { got, .. } => (true, got),
        Way::Set { len } => (false, len),
    };
    if addr == 0 || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let shape = table::sockopt_level(level as u32)
        .map_or(SockoptShape::IntOrString, |l| l.shape(name as u32, get));
    // What a length too short for the shape shows: the bytes there are in hex from
    // getsockopt (strace's `printstr_ex(..., QUOTE_FORCE_HEX)`), the address to setsockopt.
    let short = |sink: &mut S, ctx: &mut Ctx<'_, M>| {
        if get {
            super::string::buffer(sink, ctx, addr, len as u64, true);
        } else {
            sink.addr(addr);
        }
    };
    match shape {
        SockoptShape::Int | SockoptShape::Errno | SockoptShape::Txrehash if len < 4 => {
            short(sink, ctx)
        }
        SockoptShape::Int | SockoptShape::IntAny => int(sink, ctx, addr, |sink, v| sink.int(v)),
        SockoptShape::IntOrString if len == 4 => int(sink, ctx, addr, |sink, v| sink.int(v)),
        SockoptShape::IntOrString => {
            super::string::buffer(sink, ctx, addr, i64::from(len) as u64, false)
        }
        SockoptShape::Errno => int(sink, ctx, addr, |sink, v| sink.errno_value(v as u32 as u64)),
        SockoptShape::Txrehash => int(sink, ctx, addr, |sink, v| {
            sink.named_int(v as i32, &table::ENUM_SOCK_TXREHASH);
            // strace's `printxval_d`: an unknown value has the table's comment, but under
            // `-X raw`.
            if table::ENUM_SOCK_TXREHASH.name(v as u64).is_none() {
                sink.open(Group::NameComment);
                sink.word(table::ENUM_SOCK_TXREHASH.unknown);
                sink.close();
            }
        }),
        SockoptShape::Linger if get => words(sink, ctx, addr, len, LINGER),
        SockoptShape::Linger if len < 8 => sink.addr(addr),
        SockoptShape::Linger => words(sink, ctx, addr, 8, LINGER),
        SockoptShape::Ucred => words(sink, ctx, addr, len, UCRED),
        SockoptShape::TpacketStats => words(sink, ctx, addr, len, TPACKET_STATS),
        SockoptShape::SockFprog => sock_fprog(sink, ctx, addr, way),
        SockoptShape::IcmpFilter => icmp_filter(sink, ctx, addr, len),
        SockoptShape::U32Array => {
            let Way::Get { given, got } = way else {
                return sink.addr(addr);
            };
            let n = given.min(got) as u64 / 4;
            array(sink, ctx, addr, n, 4, |sink, _, raw| {
                sink.uint(u64::from(raw.u32(0)))
            });
        }
        SockoptShape::TpacketReq | SockoptShape::PacketMreq if len != 16 => sink.addr(addr),
        SockoptShape::TpacketReq => read_struct(sink, ctx, addr, 16, |sink, _, raw| {
            sink.begin_struct();
            for (i, f) in [
                "tp_block_size",
                "tp_block_nr",
                "tp_frame_size",
                "tp_frame_nr",
            ]
            .into_iter()
            .enumerate()
            {
                sink.field(f);
                sink.uint(u64::from(raw.u32(4 * i)));
            }
            sink.end_struct(false);
        }),
        SockoptShape::PacketMreq => {
            read_struct(sink, ctx, addr, 16, |sink, _, raw| packet_mreq(sink, raw))
        }
        SockoptShape::IpMreq | SockoptShape::Ipv6Mreq | SockoptShape::GroupReq => {
            membership(sink, ctx, addr, len, shape)
        }
    }
}

/// An `int` read at `addr` and shown in brackets by `show`: `[1]`.
pub(super) fn int<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    show: impl FnOnce(&mut S, i64),
) {
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        show(sink, i64::from(raw.i32(0)));
        sink.end_array();
    });
}

/// How a 32-bit field shows.
#[derive(Debug, Clone, Copy)]
enum Word {
    Int,
    Uint,
    Id,
    Pid,
}

/// `struct linger`, `struct ucred` (`<linux/socket.h>`), `struct tpacket_stats`
/// (`<linux/if_packet.h>`).
const LINGER: &[(&str, Word)] = &[("l_onoff", Word::Int), ("l_linger", Word::Int)];
const UCRED: &[(&str, Word)] = &[("pid", Word::Pid), ("uid", Word::Id), ("gid", Word::Id)];
const TPACKET_STATS: &[(&str, Word)] = &[
    ("tp_packets", Word::Uint),
    ("tp_drops", Word::Uint),
    ("tp_freeze_q_cnt", Word::Uint),
];

/// A struct of 32-bit fields (`struct linger`, `struct ucred`, `struct tpacket_stats`) as
/// far as `len` bytes go (strace's `MAYBE_PRINT_FIELD_LEN`): a field cut short shows its
/// bytes in hex, `{pid=1, uid="\x00\x00"}`.
fn words<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: i32,
    fields: &[(&'static str, Word)],
) {
    let len = (len.max(0) as usize).min(4 * fields.len());
    read_struct(sink, ctx, addr, len, |sink, ctx, raw| {
        sink.begin_struct();
        for (i, &(f, word)) in fields.iter().enumerate() {
            let start = 4 * i;
            if len <= start {
                break;
            }
            sink.field(f);
            if len < start + 4 {
                sink.hex_string(&raw.0[start..len], false);
                break;
            }
            match word {
                Word::Pid => super::pid(sink, ctx, i64::from(raw.i32(start)), PidKind::Tgid),
                Word::Id => sink.id(raw.u32(start)),
                Word::Int => sink.int(i64::from(raw.i32(start))),
                Word::Uint => sink.uint(u64::from(raw.u32(start))),
            }
        }
        sink.end_struct(false);
    });
}

/// A classic BPF program: to `setsockopt` a `struct sock_fprog` (of its size only), from
/// `getsockopt` the instructions, as many as the length says (a length the kernel's
/// `unsigned short` count cannot be shows the address).
fn sock_fprog<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, way: Way) {
    match way {
        Way::Set { len: 16 } => super::bpf::sock_fprog(sink, ctx, addr),
        Way::Get { got, .. } if u16::try_from(got).is_ok() => {
            super::bpf::sock_program(sink, ctx, addr, got as u64)
        }
        _ => sink.addr(addr),
    }
}

/// `struct icmp_filter` (`<linux/icmp.h>`): a bit per ICMP type, of which `len` bytes are
/// read (the others set); more than half of them set shows the ones not set, `~[...]`.
fn icmp_filter<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: i32) {
    if len <= 0 {
        return sink.addr(addr);
    }
    let len = (len as usize).min(4);
    read_struct(sink, ctx, addr, len, |sink, _, raw| {
        let mut b = [0xffu8; 4];
        b[..len].copy_from_slice(&raw.0[..len]);
        let mut data = u32::from_ne_bytes(b);
        if data.count_ones() > 16 {
            data = !data;
            sink.open(Group::ComplementSet);
        } else {
            sink.open(Group::Set);
        }
        for bit in (0..32u32).filter(|b| data & (1 << b) != 0) {
            sink.enumeration(u64::from(bit), &table::ENUM_ICMP_FILTER_TYPES);
        }
        sink.close();
    });
}

/// `struct packet_mreq` (`<linux/if_packet.h>`): interface (int), type (u16), address length
/// (u16), address (8 bytes, as many shown as the length says).
fn packet_mreq<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let alen = raw.u16(6);
    sink.begin_struct();
    sink.field("mr_ifindex");
    super::sockaddr::ifindex(sink, raw.u32(0));
    sink.field("mr_type");
    sink.enumeration(u64::from(raw.u16(4)), &table::ENUM_PACKET_MREQ_TYPE);
    sink.field("mr_alen");
    sink.uint(u64::from(alen));
    sink.field("mr_address");
    sink.mac_addr(&raw.0[8..8 + usize::from(alen).min(8)]);
    sink.end_struct(false);
}

/// A multicast membership request: `struct ip_mreq` (two IPv4 addresses), `struct ipv6_mreq`
/// (an IPv6 address, an interface), `struct group_req` (an interface, a `struct
/// sockaddr_storage` 8 bytes in); a shorter length shows the address.
fn membership<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: i32,
    shape: SockoptShape,
) {
    let size = match shape {
        SockoptShape::IpMreq => 8,
        SockoptShape::Ipv6Mreq => 20,
        _ => 8 + 128,
    };
    if len < size as i32 {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, size, |sink, ctx, raw| {
        sink.begin_struct();
        match shape {
            SockoptShape::IpMreq => {
                sink.field("imr_multiaddr");
                sink.ipv4(raw.array(0));
                sink.field("imr_interface");
                sink.ipv4(raw.array(4));
            }
            SockoptShape::Ipv6Mreq => {
                sink.ipv6_field("ipv6mr_multiaddr", raw.array(0));
                sink.field("ipv6mr_interface");
                super::sockaddr::ifindex(sink, raw.u32(16));
            }
            _ => {
                sink.field("gr_interface");
                super::sockaddr::ifindex(sink, raw.u32(0));
                sink.field("gr_group");
                super::sockaddr::sockaddr_bytes(sink, ctx, &raw.0[8..]);
            }
        }
        sink.end_struct(false);
    });
}
