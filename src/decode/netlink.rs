//! Netlink messages sent and received on netlink sockets, as strace 6.1 shows them
//! (`src/netlink.c`): a list of `struct nlmsghdr` (`<linux/netlink.h>`), each with its payload,
//! the header's type and flags named by the socket's protocol. What the protocols name is data
//! (`[netlink.*]` in `syscalls.toml`); here are the walk over the messages, their header, the
//! control messages every protocol shares and the choice of the payload's decoder.
//!
//! Every length comes from the tracee: the walk checks each step (a message's length may be
//! anything, its aligned length may wrap), and reads each header and payload on its own, so
//! memory that ends in the middle shows as strace shows it (an address).

use super::iov::{IovData, iovec_array, iovec_array_by};
use super::netlink_attr::{self, AttrCtx};
use super::string::buffer;
use super::structs::Raw;
use super::{Ctx, Group, Number, PidKind, Sink, Values};
use crate::fdinfo::NetlinkFd;
use crate::mem::Memory;
use crate::table::{self, NlMessageTypes, NlNaming};

/// `sizeof(struct nlmsghdr)`, `NLMSG_HDRLEN`.
const NLMSG_HDRLEN: u32 = 16;
/// Types below this are control messages (`<linux/netlink.h>`).
const NLMSG_MIN_TYPE: u16 = 0x10;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
/// An error message's echoed request is its header only (`<linux/netlink.h>`).
const NLM_F_CAPPED: u16 = 0x100;
/// `sizeof(struct nlmsgerr)`: the error and the header of the request.
const NLMSGERR_SIZE: u32 = 4 + NLMSG_HDRLEN;
/// `<linux/netlink.h>`: its messages are text, not `struct nlmsghdr` lists.
const NETLINK_KOBJECT_UEVENT: u32 = 15;
const AF_NETLINK: u16 = 16;

/// Where memory could not be read, as strace's `printaddr` shows it: `NULL` or the address.
pub(super) fn unread<S: Sink>(sink: &mut S, addr: u64) {
    if addr == 0 {
        sink.addr(0);
    } else {
        sink.unreadable(addr);
    }
}

/// `NLMSG_ALIGN` on an `unsigned int`, as strace computes it (wrapping past 2^32).
fn nlmsg_align(len: u32) -> u32 {
    len.wrapping_add(3) & !3
}

/// A `struct nlmsghdr` as read.
#[derive(Debug, Clone, Copy)]
struct Header {
    len: u32,
    ty: u16,
    flags: u16,
    seq: u32,
    pid: u32,
}

impl Header {
    fn parse(raw: Raw<'_>) -> Header {
        Header {
            len: raw.u32(0),
            ty: raw.u16(4),
            flags: raw.u16(6),
            seq: raw.u32(8),
            pid: raw.u32(12),
        }
    }
}

/// A buffer `send`/`sendto` sends or `recv`/`recvfrom` received on socket `fd`, `len`
/// bytes: netlink messages on a netlink socket (unless `-e verbose=` says not to decode),
/// a string otherwise (strace's `decode_sockbuf`).
pub fn sock_buffer<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    fd: i32,
    addr: u64,
    len: u64,
) {
    let socket = match ctx.fds.as_deref_mut() {
        Some(fds) if ctx.opts.verbose && fd >= 0 => fds.netlink(fd),
        _ => NetlinkFd::Other,
    };
    match socket {
        NetlinkFd::Netlink(protocol) => messages(sink, ctx, protocol, addr, len),
        NetlinkFd::Other => buffer(sink, ctx, addr, len, false),
    }
}

/// The iovecs (`addr`, `count`) of a message to or from an address of family `family` (a
/// `msghdr`'s `msg_name`) on socket `fd`: netlink messages when the address is a netlink
/// one (their protocol the socket's), else strings (strace's `print_struct_msghdr`).
pub fn msg_iov<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    fd: i32,
    family: Option<u16>,
    (addr, count): (u64, u64),
    data: IovData,
) {
    if family != Some(AF_NETLINK) {
        return iovec_array(sink, ctx, addr, count, data);
    }
    let protocol = match ctx.fds.as_deref_mut() {
        Some(fds) if fd >= 0 => match fds.netlink(fd) {
            NetlinkFd::Netlink(p) => p,
            NetlinkFd::Other => None,
        },
        _ => None,
    };
    iovec_array_by(sink, ctx, addr, count, data, |sink, ctx, base, len| {
        messages(sink, ctx, protocol, base, len)
    });
}

/// The messages of `len` bytes at `addr` of netlink protocol `protocol` (`None`: unknown):
/// one message as `{header}` or `[{header}, payload]`, several in an array, at most `-s`
/// of them.
pub fn messages<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    protocol: Option<u32>,
    addr: u64,
    len: u64,
) {
    if protocol == Some(NETLINK_KOBJECT_UEVENT) {
        return super::netlink_payload::uevent(sink, ctx, addr, len);
    }
    walk(
        sink,
        ctx,
        (addr, len),
        NLMSG_HDRLEN,
        |sink, ctx, raw, addr, len| {
            with_payload(sink, ctx, protocol, &Header::parse(raw), addr, len);
        },
    );
}

/// strace's walk over a list of netlink messages or attributes (`len` bytes at `addr`),
/// each a header of `hdr_size` bytes starting with its length (a `u32`, or for attributes
/// a `u16`), the next one at that length aligned to 4 bytes: `one` shows an element from
/// its header's bytes and where it is, with what is left from there. One element shows
/// alone, several in an array, at most `-s` of them; bytes too few for a header show in
/// hex, a header that cannot be read as its address (after `...` within a list). Every
/// length comes from the tracee: a length below a header's ends the list, an aligned length
/// that wraps shows what is left.
pub(super) fn walk<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    (mut addr, mut len): (u64, u64),
    hdr_size: u32,
    mut one: impl FnMut(&mut S, &mut Ctx<'_, M>, Raw<'_>, u64, u64),
) {
    let mut in_array = false;
    let mut elt = 0usize;
    let mut raw = [0u8; NLMSG_HDRLEN as usize];
    let raw = &mut raw[..hdr_size as usize];
    loop {
        if len < u64::from(hdr_size) {
            buffer(sink, ctx, addr, len, true);
            break;
        }
        if ctx.mem.read(addr, raw).is_err() {
            if in_array {
                sink.more();
                sink.addr_comment(addr);
            } else {
                unread(sink, addr);
            }
            break;
        }
        if ctx.opts.abbreviate && elt == ctx.opts.max_strlen {
            sink.more();
            break;
        }
        // The length as the header has it (a `u16` for attributes).
        let own = match hdr_size {
            NLMSG_HDRLEN => Raw(raw).u32(0),
            _ => u32::from(Raw(raw).u16(0)),
        };
        let aligned = nlmsg_align(own);
        let mut next = None;
        if own >= hdr_size {
            let next_len = len.saturating_sub(u64::from(aligned));
            if next_len != 0
                && let Some(at) = addr.checked_add(u64::from(aligned)).filter(|&a| a > addr)
            {
                next = Some((at, next_len));
            }
        }
        if !in_array && next.is_some() {
            sink.begin_array();
            in_array = true;
        }
        one(sink, ctx, Raw(raw), addr, len);
        let Some((at, rest)) = next else { break };
        addr = at;
        len = rest;
        elt += 1;
    }
    if in_array {
        sink.end_array();
    }
}

/// One message: its header, and when it has more than a header, its payload after it in an
/// array. `len`: the bytes left from `addr` (the message shows at most that much).
fn with_payload<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    protocol: Option<u32>,
    hdr: &Header,
    addr: u64,
    len: u64,
) {
    let shown = u64::from(hdr.len).min(len) as u32;
    let has_payload = shown > NLMSG_HDRLEN;
    if has_payload {
        sink.begin_array();
    }
    header(sink, ctx, protocol, hdr);
    if has_payload {
        payload(
            sink,
            ctx,
            protocol,
            hdr,
            addr.wrapping_add(u64::from(NLMSG_HDRLEN)),
            shown - NLMSG_HDRLEN,
        );
        sink.end_array();
    }
}

/// The message types of `protocol` when a message of type `ty` is named by them (control
/// messages are named alike in every protocol).
fn types_of(protocol: Option<u32>, ty: u16) -> Option<&'static NlMessageTypes> {
    protocol
        .filter(|_| ty >= NLMSG_MIN_TYPE)
        .and_then(table::nl_protocol)
}

/// `{nlmsg_len=36, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP,
/// nlmsg_seq=1, nlmsg_pid=0}`.
fn header<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    protocol: Option<u32>,
    hdr: &Header,
) {
    sink.begin_struct();
    sink.field("nlmsg_len");
    sink.uint(u64::from(hdr.len));
    sink.field("nlmsg_type");
    msg_type(sink, ctx, protocol, hdr.ty);
    sink.field("nlmsg_flags");
    sink.flags(u64::from(hdr.flags), flag_table(protocol, hdr.ty));
    sink.field("nlmsg_seq");
    sink.uint(u64::from(hdr.seq));
    sink.field("nlmsg_pid");
    super::pid(sink, ctx, i64::from(hdr.pid as i32), PidKind::Tgid);
    sink.end_struct(false);
}

/// A message's type, by its protocol's names.
fn msg_type<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    protocol: Option<u32>,
    ty: u16,
) {
    let v = u64::from(ty);
    let Some(types) = types_of(protocol, ty) else {
        return sink.enumeration(v, &table::ENUM_NETLINK_TYPES);
    };
    match types.naming {
        NlNaming::Table => sink.enumeration(v, types.names),
        NlNaming::GenericFamilies => {
            let name = ctx
                .fds
                .as_deref_mut()
                .and_then(|fds| fds.genl_family(ty))
                .and_then(|n| std::str::from_utf8(n).ok());
            match name {
                // A name the kernel gives, shown as a named constant is.
                Some(name) => {
                    sink.open(Group::Symbolic(Number::Hex(v)));
                    sink.word(name);
                    sink.close();
                }
                None => sink.enumeration(v, types.names),
            }
        }
        NlNaming::Netfilter => netfilter_type(sink, types, ty),
    }
}

/// A netfilter message type: a batch message by name, else its subsystem (high byte) and
/// the subsystem's message type (low byte): `NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET`.
fn netfilter_type<S: Sink>(sink: &mut S, types: &NlMessageTypes, ty: u16) {
    let batch = &table::ENUM_NL_NETFILTER_MSG_TYPES;
    if batch.name(u64::from(ty)).is_some() {
        return sink.enumeration(u64::from(ty), batch);
    }
    let (subsys, msg) = (u64::from(ty >> 8), u64::from(ty & 0xff));
    sink.open(Group::Or);
    sink.open(Group::Shift(8));
    sink.enumeration(subsys, types.names);
    sink.close();
    match table::nf_subsystem(subsys as u32) {
        Some(sub) => sink.enumeration(msg, sub.names),
        None => sink.hex(msg),
    }
    sink.close();
}

/// The flags of a message of type `ty`: the common `NLM_F_*`, and those of the kind of
/// message (a get, new or delete request of the protocol, an error's acknowledgement).
fn flag_table(protocol: Option<u32>, ty: u16) -> &'static table::FlagTable {
    if ty < NLMSG_MIN_TYPE {
        return if ty == NLMSG_ERROR {
            &table::FLAGS_NLM_FLAGS_ACK
        } else {
            &table::FLAGS_NLM_FLAGS
        };
    }
    let kind = types_of(protocol, ty).and_then(|types| match types.naming {
        NlNaming::Netfilter => {
            table::nf_subsystem(u32::from(ty >> 8)).and_then(|sub| sub.flags_of(ty & 0xff))
        }
        _ => types.flags_of(ty),
    });
    kind.unwrap_or(&table::FLAGS_NLM_FLAGS)
}

/// What follows a header (`len` bytes, more than none): an error with the request it
/// answers, the protocol's payload, a `NLMSG_DONE`'s `int`, else the bytes in hex.
fn payload<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    protocol: Option<u32>,
    hdr: &Header,
    addr: u64,
    len: u32,
) {
    if hdr.ty == NLMSG_ERROR {
        return error(
            sink,
            ctx,
            protocol,
            addr,
            len,
            hdr.flags & NLM_F_CAPPED != 0,
        );
    }
    // A protocol's decoder sees its own messages and `NLMSG_DONE` (a few protocols put more
    // than an `int` there).
    let decoder = protocol
        .filter(|_| hdr.ty >= NLMSG_MIN_TYPE || hdr.ty == NLMSG_DONE)
        .and_then(table::nl_protocol)
        .and_then(|t| t.payload);
    if let Some(decoder) = decoder {
        let msg = super::netlink_payload::Message {
            ty: hdr.ty,
            flags: hdr.flags,
            addr,
            len,
        };
        if super::netlink_payload::decode(sink, ctx, decoder, &msg) {
            return;
        }
    }
    if hdr.ty == NLMSG_DONE && len == 4 {
        let mut raw = [0u8; 4];
        return match ctx.mem.read(addr, &mut raw) {
            Ok(()) => sink.int(i64::from(i32::from_ne_bytes(raw))),
            Err(_) => unread(sink, addr),
        };
    }
    buffer(sink, ctx, addr, u64::from(len), true);
}

/// A `struct nlmsgerr`: `{error=-EACCES, msg={header of the request}}`, the request's
/// payload with it unless the error is `capped`; attributes after it (`NLM_F_ACK_TLVS`) in
/// an array with it.
fn error<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    protocol: Option<u32>,
    addr: u64,
    len: u32,
    capped: bool,
) {
    if len < NLMSGERR_SIZE {
        return buffer(sink, ctx, addr, u64::from(len), true);
    }
    let mut raw = [0u8; NLMSGERR_SIZE as usize];
    if ctx.mem.read(addr, &mut raw).is_err() {
        return unread(sink, addr);
    }
    let err = Raw(&raw).i32(0);
    let request = Header::parse(Raw(&raw[4..]));
    let addr = addr.wrapping_add(4);
    let len = len - 4;
    // A request's length below a header's counts as a header's; a length past what is
    // there shows what is there.
    let request_len = request.len.max(NLMSG_HDRLEN);
    let shown = len.min(if capped { NLMSG_HDRLEN } else { request_len });
    let with_attrs = len > shown;
    if with_attrs {
        sink.begin_array();
    }
    sink.begin_struct();
    sink.field("error");
    negated_errno(sink, err);
    sink.field("msg");
    with_payload(sink, ctx, protocol, &request, addr, u64::from(shown));
    sink.end_struct(false);
    if with_attrs {
        let set = &table::NLA_NLMSGERR;
        let at = AttrCtx::default();
        netlink_attr::attrs(
            sink,
            ctx,
            set,
            addr.wrapping_add(u64::from(shown)),
            len - shown,
            &at,
        );
        sink.end_array();
    }
}

/// An error number as the kernel reports it, negative: `-EACCES` (`-13` under `-X raw`); a
/// number without a name (or positive) as it is.
pub(super) fn negated_errno<S: Sink>(sink: &mut S, err: i32) {
    let name = u64::try_from(-i64::from(err))
        .ok()
        .and_then(table::errno)
        .map(|e| e.name);
    let Some(name) = name else {
        return sink.int(i64::from(err));
    };
    // `-` and the name, as one word (names are short).
    let mut text = [0u8; 32];
    let len = (name.len() + 1).min(text.len());
    text[0] = b'-';
    text[1..len].copy_from_slice(&name.as_bytes()[..len - 1]);
    sink.open(Group::Symbolic(Number::Int(i64::from(err))));
    sink.word(std::str::from_utf8(&text[..len]).unwrap_or(name));
    sink.close();
}
