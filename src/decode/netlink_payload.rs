//! The payloads of netlink messages that each protocol decodes its own way (strace's
//! `src/netlink_*.c`): rtnetlink's and sock_diag's family-led messages, netfilter's
//! `struct nfgenmsg`, SELinux's notifications, and `NETLINK_KOBJECT_UEVENT`'s text.

use super::netlink_attr::{self, AttrCtx};
use super::string::buffer;
use super::structs::{MAX_STRUCT, Raw};
use super::{Ctx, Number, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, NlPayload};

/// A message whose payload is decoded: its header's type and flags, where its payload is
/// and how long.
#[derive(Debug, Clone, Copy)]
pub struct Message {
    pub ty: u16,
    pub flags: u16,
    pub addr: u64,
    pub len: u32,
}

/// `NLMSG_DONE` (`<linux/netlink.h>`), which most protocols leave to the common decoding.
const NLMSG_DONE: u16 = 3;
/// `NLMSG_MIN_TYPE`.
const NLMSG_MIN_TYPE: u16 = 0x10;
/// A request, not an answer (`<linux/netlink.h>`).
const NLM_F_REQUEST: u16 = 1;

/// Decodes `msg`'s payload with `decoder`; `false` when the decoder leaves it to the common
/// decoding (`NLMSG_DONE`, a type it does not know).
pub fn decode<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    decoder: NlPayload,
    msg: &Message,
) -> bool {
    match decoder {
        NlPayload::Route | NlPayload::SockDiag if msg.ty == NLMSG_DONE => false,
        NlPayload::Route | NlPayload::SockDiag => {
            family_message(sink, ctx, decoder, msg);
            true
        }
        NlPayload::Netfilter if msg.ty == NLMSG_DONE => false,
        NlPayload::Netfilter => {
            nfgenmsg(sink, ctx, msg);
            true
        }
        NlPayload::Selinux => selinux(sink, ctx, msg),
    }
}

/// A message whose payload starts with an address family (rtnetlink's and sock_diag's):
/// the family read first, as strace reads it (its address when it cannot be), then the
/// message's form, or `{family=AF_INET, data="..."}`.
fn family_message<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    decoder: NlPayload,
    msg: &Message,
) {
    let mut family = [0u8; 1];
    if ctx.mem.read(msg.addr, &mut family).is_err() {
        return super::netlink::unread(sink, msg.addr);
    }
    let family = family[0];
    let kind = match decoder {
        NlPayload::Route => table::nl_route(msg.ty, family),
        // A payload of the family alone is no request nor answer.
        _ if msg.len <= 1 => None,
        _ => table::nl_sock_diag(msg.ty, family, msg.flags & NLM_F_REQUEST != 0),
    };
    match kind {
        Some(kind) => family_struct(sink, ctx, kind, family, msg),
        None => family_data(sink, ctx, family, msg.addr, msg.len),
    }
}

/// An rtnetlink or sock_diag message of `kind` (strace's `src/rtnl_*.c`,
/// `src/netlink_*_diag.c`): its struct, the family (read already) first and the rest only
/// when the message holds the whole struct (else `...`), then, when it did, the attributes
/// after it.
fn family_struct<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    kind: &table::NlFamilyMessage,
    family: u8,
    msg: &Message,
) {
    let st = kind.st;
    let size = st.size.min(MAX_STRUCT as u32);
    let at = AttrCtx {
        family: Some(kind.addr_family.unwrap_or(family)),
    };
    let mut raw = [0u8; MAX_STRUCT];
    raw[0] = family;
    // strace reads the rest only when it has fields to show (not padding alone).
    let rest_shown = st
        .fields
        .iter()
        .skip(1)
        .any(|f| !matches!(f.value, table::NlValue::Pad(_)));
    let mut whole = !rest_shown;
    sink.begin_struct();
    if let Some(first) = st.fields.first() {
        netlink_attr::field(sink, ctx, first, Raw(&raw[..1]), &at);
    }
    if rest_shown {
        let rest = msg.addr.wrapping_add(1);
        if msg.len < size {
            sink.more();
        } else if ctx.mem.read(rest, &mut raw[1..size as usize]).is_err() {
            super::netlink::unread(sink, rest);
        } else {
            whole = true;
            for f in st.fields.iter().skip(1) {
                netlink_attr::field(sink, ctx, f, Raw(&raw[..size as usize]), &at);
            }
        }
    }
    sink.end_struct(false);
    // The attributes start at NLMSG_ALIGN(sizeof(struct)).
    let offset = (size + 3) & !3;
    if !whole || msg.len <= offset {
        return;
    }
    let (addr, len) = (msg.addr.wrapping_add(u64::from(offset)), msg.len - offset);
    let set = match kind.attrs_by_family {
        [] => kind.attrs,
        sets => sets.iter().find(|(f, _)| *f == family).map(|(_, s)| *s),
    };
    match set {
        Some(set) => netlink_attr::attrs(sink, ctx, set, addr, len, &at),
        None => buffer(sink, ctx, addr, u64::from(len), true),
    }
}

/// `{family=AF_INET, data="\x01\x02"}`: a family and the bytes after it.
fn family_data<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    family: u8,
    addr: u64,
    len: u32,
) {
    sink.begin_struct();
    sink.field("family");
    sink.enumeration(u64::from(family), &table::ENUM_ADDRESS_FAMILY);
    if len > 1 {
        sink.field("data");
        buffer(sink, ctx, addr.wrapping_add(1), u64::from(len - 1), true);
    }
    sink.end_struct(false);
}

/// `NFNL_SUBSYS_NFTABLES` (`<linux/netfilter/nfnetlink.h>`), whose messages carried their
/// `res_id` in host order before Linux 4.3.
const NFNL_SUBSYS_NFTABLES: u16 = 10;
/// The batch messages, whose payload is no list of attributes.
const NFNL_MSG_BATCH_BEGIN: u16 = NLMSG_MIN_TYPE;
const NFNL_MSG_BATCH_END: u16 = NLMSG_MIN_TYPE + 1;
/// `sizeof(struct nfgenmsg)`: family, version, res_id (network order).
const NFGENMSG_SIZE: u32 = 4;

/// `struct nfgenmsg` and the attributes after it:
/// `{nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons(0)}`.
fn nfgenmsg<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, msg: &Message) {
    if msg.len < NFGENMSG_SIZE {
        return buffer(sink, ctx, msg.addr, u64::from(msg.len), true);
    }
    let mut raw = [0u8; NFGENMSG_SIZE as usize];
    if ctx.mem.read(msg.addr, &mut raw).is_err() {
        return super::netlink::unread(sink, msg.addr);
    }
    let raw = Raw(&raw);
    let subsys = msg.ty >> 8;
    let (host, net) = (raw.u16(2), raw.be16(2));
    sink.begin_struct();
    sink.field("nfgen_family");
    sink.enumeration(u64::from(raw.0[0]), &table::ENUM_ADDRESS_FAMILY);
    sink.field("version");
    sink.enumeration(u64::from(raw.0[1]), &table::ENUM_NETFILTER_VERSIONS);
    sink.field("res_id");
    // nftables' subsystem id, in network order as it should be, or in host order as older
    // kernels had it (Linux commit v4.3-rc1~28^2~47^2~1).
    if subsys == NFNL_SUBSYS_NFTABLES && net == NFNL_SUBSYS_NFTABLES {
        sink.constant("htons(NFNL_SUBSYS_NFTABLES)", Number::Hex(u64::from(host)));
    } else if subsys == NFNL_SUBSYS_NFTABLES && host == NFNL_SUBSYS_NFTABLES {
        sink.constant("NFNL_SUBSYS_NFTABLES", Number::Hex(u64::from(host)));
    } else {
        sink.begin_wrap("htons");
        sink.uint(u64::from(net));
        sink.end_wrap();
    }
    sink.end_struct(false);
    let (addr, len) = (
        msg.addr.wrapping_add(u64::from(NFGENMSG_SIZE)),
        msg.len - NFGENMSG_SIZE,
    );
    if len == 0 {
        return;
    }
    if (NFNL_MSG_BATCH_BEGIN..=NFNL_MSG_BATCH_END).contains(&msg.ty) || msg.ty < NLMSG_MIN_TYPE {
        buffer(sink, ctx, addr, u64::from(len), true);
    } else {
        netlink_attr::attrs(
            sink,
            ctx,
            &table::NLA_NETFILTER,
            addr,
            len,
            &AttrCtx::default(),
        );
    }
}

/// `<linux/selinux_netlink.h>`: the two notifications and their one-field structs.
const SELNL_MSG_SETENFORCE: u16 = 0x10;
const SELNL_MSG_POLICYLOAD: u16 = 0x11;

/// `{val=1}` (`struct selnl_msg_setenforce`), `{seqno=5}` (`struct selnl_msg_policyload`).
fn selinux<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, msg: &Message) -> bool {
    let st = match msg.ty {
        SELNL_MSG_SETENFORCE => &table::NLS_SELNL_MSG_SETENFORCE,
        SELNL_MSG_POLICYLOAD => &table::NLS_SELNL_MSG_POLICYLOAD,
        _ => return false,
    };
    struct_or_hex(sink, ctx, st, msg.addr, msg.len);
    true
}

/// A struct that fills the payload, or the payload's bytes in hex when it is shorter (its
/// address when it cannot be read).
fn struct_or_hex<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    st: &'static table::NlStruct,
    addr: u64,
    len: u32,
) {
    if len < st.size {
        return buffer(sink, ctx, addr, u64::from(len), true);
    }
    if !netlink_attr::value(
        sink,
        ctx,
        table::NlValue::Struct(st),
        addr,
        st.size,
        &AttrCtx::default(),
    ) {
        buffer(sink, ctx, addr, u64::from(len), true);
    }
}

/// `sizeof(struct udev_monitor_netlink_header)` (systemd's libudev): its prefix, a magic,
/// four sizes and offsets and four hashes.
const UDEV_HEADER_SIZE: u64 = 40;

/// A `NETLINK_KOBJECT_UEVENT` message (strace's `decode_netlink_kobject_uevent`): the
/// kernel's text as a string; one from libudev, its header and then the text.
pub fn uevent<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    let mut raw = [0u8; UDEV_HEADER_SIZE as usize];
    let udev = ctx.opts.verbose
        && addr != 0
        && len >= UDEV_HEADER_SIZE
        && ctx.mem.read(addr, &mut raw).is_ok()
        && raw.starts_with(b"libudev\0");
    if !udev {
        return buffer(sink, ctx, addr, len, false);
    }
    let raw = Raw(&raw);
    let more = len > UDEV_HEADER_SIZE;
    if more {
        sink.begin_array();
    }
    sink.begin_struct();
    sink.field("prefix");
    sink.string(b"libudev", false);
    let htonl = |sink: &mut S, name: &'static str, off: usize| {
        sink.field(name);
        sink.begin_wrap("htonl");
        sink.hex(u64::from(raw.be32(off)));
        sink.end_wrap();
    };
    htonl(sink, "magic", 8);
    for (name, off) in [
        ("header_size", 12),
        ("properties_off", 16),
        ("properties_len", 20),
    ] {
        sink.field(name);
        sink.uint(u64::from(raw.u32(off)));
    }
    htonl(sink, "filter_subsystem_hash", 24);
    htonl(sink, "filter_devtype_hash", 28);
    htonl(sink, "filter_tag_bloom_hi", 32);
    htonl(sink, "filter_tag_bloom_lo", 36);
    sink.end_struct(false);
    if more {
        buffer(
            sink,
            ctx,
            addr + UDEV_HEADER_SIZE,
            len - UDEV_HEADER_SIZE,
            false,
        );
        sink.end_array();
    }
}
