//! Sockets: types, protocols, option names and values, message headers (addresses are in
//! `sockaddr.rs`).
//!
//! Layouts from `<linux/socket.h>`; numbers from the `[enums.*]` tables of `syscalls.toml`.

use super::array::array_while;
use super::iov::IovData;
use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// Address families (`<linux/socket.h>`) whose protocols have names.
const AF_INET: u16 = 2;
const AF_INET6: u16 = 10;
const AF_NETLINK: u16 = 16;
const AF_PACKET: u16 = 17;

/// The bits of `socket`'s type that hold the type itself (`SOCK_TYPE_MASK`, `<linux/net.h>`).
const SOCK_TYPE_MASK: u64 = 0xf;

/// `socket`'s type: `SOCK_STREAM|SOCK_CLOEXEC`.
pub fn sock_type<S: Sink>(sink: &mut S, v: u64) {
    sink.kind_and_flags(
        u64::from(v as u32),
        SOCK_TYPE_MASK,
        &table::ENUM_SOCK_TYPE,
        &table::FLAGS_SOCK_FLAGS,
    );
}

/// `socket`'s protocol, named by the domain's list; other domains print the number.
pub fn protocol<S: Sink>(sink: &mut S, domain: u64, v: u64) {
    // strace picks the table by the whole register of the domain, looks the protocol up as an
    // `unsigned int`, and prints one of another family as the whole register, unsigned.
    let family = u16::try_from(domain).unwrap_or(u16::MAX);
    let low = u64::from(v as u32);
    match family {
        AF_INET | AF_INET6 => sink.enumeration(low, &table::ENUM_IP_PROTOCOL),
        AF_NETLINK => sink.enumeration(low, &table::ENUM_NETLINK_PROTOCOL),
        // An Ethernet protocol number in network byte order (packet(7)).
        AF_PACKET => {
            sink.begin_wrap("htons");
            let host = u16::from_be(v as u16);
            sink.enumeration(u64::from(host), &table::ENUM_ETHERNET_PROTOCOL);
            sink.end_wrap();
        }
        _ => sink.uint(v),
    }
}

/// A `socklen_t` the kernel updates, as strace's `int`: `[16]`, or `[128 => 16]` when the call
/// changed it; a failed call shows the value it was given (`at_entry`), whatever the kernel
/// left there.
pub fn sock_len_ptr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    at_entry: Option<u32>,
    failed: bool,
) {
    // Unread at entry (or NULL): the address, not read again.
    let Some(before) = at_entry else {
        return sink.addr(addr);
    };
    if failed {
        sink.begin_array();
        sink.int(i64::from(before as i32));
        return sink.end_array();
    }
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        let now = raw.i32(0);
        sink.begin_array();
        match before as i32 {
            before if before != now => {
                sink.int(i64::from(before));
                sink.updated();
                sink.int(i64::from(now));
            }
            _ => sink.int(i64::from(now)),
        }
        sink.end_array();
    });
}

/// `sizeof(struct msghdr)` and `struct mmsghdr` on x86_64.
const MSGHDR_SIZE: usize = 56;
const MMSGHDR_SIZE: usize = 64;
/// Where `msg_namelen` lies in a `struct msghdr`.
pub const MSG_NAMELEN: u64 = 8;

/// The fields of a `struct msghdr` (`<linux/socket.h>` `user_msghdr`): name (8), namelen (4,
/// padded), iov (8), iovlen (8), control (8), controllen (8), flags (4).
fn msghdr_fields<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    raw: Raw<'_>,
    data_len: Option<u64>,
    namelen_at_entry: Option<u32>,
    fd: i32,
) {
    let name = raw.u64(0);
    // An `int` to strace, shown signed; the address is read as far as the shorter of what
    // the call was given and what it left.
    let namelen = raw.i32(MSG_NAMELEN as usize);
    let controllen = raw.u64(40);
    let before = namelen_at_entry.map_or(namelen, |l| l as i32);
    sink.begin_struct();
    sink.field("msg_name");
    let family =
        super::sockaddr::sockaddr_family(sink, ctx, name, namelen.min(before) as u32 as u64);
    sink.field("msg_namelen");
    if before != namelen {
        sink.int(i64::from(before));
        sink.updated();
    }
    sink.int(i64::from(namelen));
    sink.field("msg_iov");
    let data = data_len.map_or(IovData::All, IovData::Upto);
    // To or from a netlink address, the data are netlink messages.
    super::netlink::msg_iov(sink, ctx, fd, family, (raw.u64(16), raw.u64(24)), data);
    sink.field("msg_iovlen");
    sink.uint(raw.u64(24));
    if controllen != 0 {
        sink.field("msg_control");
        super::cmsg::control(sink, ctx, raw.u64(32), controllen);
    }
    sink.field("msg_controllen");
    sink.uint(controllen);
    sink.field("msg_flags");
    sink.flags(u64::from(raw.u32(48)), &table::FLAGS_MSG_FLAGS);
    sink.end_struct(false);
}

/// A `struct msghdr` of a call on socket `fd`. `data_len`: how many bytes a receive
/// returned (the iovec contents shown stop there). After a failed receive only
/// `msg_namelen` means anything: `{msg_namelen=0}`.
pub fn msghdr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    data_len: Option<u64>,
    outcome: Option<Outcome>,
    namelen_at_entry: Option<u32>,
    fd: i32,
) {
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    read_struct(sink, ctx, addr, MSGHDR_SIZE, |sink, ctx, raw| {
        if failed {
            sink.begin_struct();
            sink.field("msg_namelen");
            sink.uint(u64::from(raw.u32(8)));
            sink.end_struct(false);
        } else {
            msghdr_fields(sink, ctx, raw, data_len, namelen_at_entry, fd);
        }
    });
}

/// strace's `IOV_MAX`: the most messages of a vector it shows, `-v` or not.
const IOV_MAX: usize = 1024;

/// The messages of a `sendmmsg`/`recvmmsg` vector: `vlen` of them at `addr`, `[{msg_hdr={...},
/// msg_len=5}, ...]`, the first `with_len` with the `msg_len` the call set. `recv`: received
/// messages, whose contents show up to each `msg_len` and whose `msg_namelen` is shown beside
/// what the call was given, when the entry saved that (`ctx.saved`; strace then shows no more
/// messages than it saved).
pub fn mmsghdrs<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    vlen: u64,
    with_len: u64,
    recv: bool,
    fd: i32,
) {
    let vlen = u64::from(vlen as u32);
    let saved = ctx
        .saved
        .as_deref()
        .filter(|_| recv)
        .map(|s| s.namelens.len());
    let count = saved.unwrap_or(IOV_MAX).min(IOV_MAX) as u64;
    array_while(sink, ctx, addr, vlen, MMSGHDR_SIZE, |sink, ctx, raw, i| {
        if i >= count {
            sink.more();
            return false;
        }
        let msg_len = raw.u32(MSGHDR_SIZE);
        let namelen = saved.and_then(|_| ctx.saved.as_deref()?.namelens.get(i as usize).copied());
        sink.begin_struct();
        sink.field("msg_hdr");
        msghdr_fields(
            sink,
            ctx,
            raw,
            recv.then_some(u64::from(msg_len)),
            namelen,
            fd,
        );
        if i < with_len {
            sink.field("msg_len");
            sink.uint(u64::from(msg_len));
        }
        sink.end_struct(false);
        true
    });
}

/// Saves, at `recvmmsg`'s entry, the `msg_namelen` of each message of the vector at `addr`
/// (at most [`IOV_MAX`], up to the first that cannot be read) into `saved`, which it
/// replaces: what [`mmsghdrs`] shows them beside.
pub fn save_namelens<M: Memory>(mem: &M, addr: u64, vlen: u64, saved: &mut Vec<u32>) {
    saved.clear();
    for i in 0..u64::from(vlen as u32).min(IOV_MAX as u64) {
        // The whole message is read, as strace reads it.
        let at = addr.wrapping_add(i * MMSGHDR_SIZE as u64);
        let mut b = [0u8; MMSGHDR_SIZE];
        if addr == 0 || mem.read(at, &mut b).is_err() {
            break;
        }
        saved.push(Raw(&b).u32(MSG_NAMELEN as usize));
    }
}
