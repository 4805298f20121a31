//! Sockets: types, protocols, option names and values, message headers (addresses are in
//! `sockaddr.rs`).
//!
//! Layouts from `<linux/socket.h>`; numbers from the `[enums.*]` tables of `syscalls.toml`.

use super::iov::IovData;
use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

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

/// Levels whose option names have a table (`<linux/socket.h>` SOL_*).
const SOL_IP: u64 = 0;
const SOL_SOCKET: u64 = 1;
const SOL_TCP: u64 = 6;
const SOL_UDP: u64 = 17;
const SOL_IPV6: u64 = 41;
const SOL_RAW: u64 = 255;
const SOL_PACKET: u64 = 263;
const SOL_NETLINK: u64 = 270;

/// The option names of a level, if known.
fn options_of(level: u64) -> Option<&'static EnumTable> {
    Some(match level {
        SOL_SOCKET => &table::ENUM_SOCKOPT_SOCKET,
        SOL_IP => &table::ENUM_SOCKOPT_IP,
        SOL_TCP => &table::ENUM_SOCKOPT_TCP,
        SOL_UDP => &table::ENUM_SOCKOPT_UDP,
        SOL_IPV6 => &table::ENUM_SOCKOPT_IPV6,
        SOL_RAW => &table::ENUM_SOCKOPT_RAW,
        SOL_PACKET => &table::ENUM_SOCKOPT_PACKET,
        SOL_NETLINK => &table::ENUM_SOCKOPT_NETLINK,
        _ => return None,
    })
}

/// A socket option name, by the names of its level; a level without names prints the number.
pub fn sockopt_name<S: Sink>(sink: &mut S, level: u64, v: u64) {
    let v = u64::from(v as u32);
    match options_of(u64::from(level as u32)) {
        Some(names) => sink.enumeration(v, names),
        None => sink.uint(v),
    }
}

/// Options of SOL_SOCKET whose value is a struct (`<asm-generic/socket.h>`).
const SO_LINGER: u64 = 13;
const SO_PEERCRED: u64 = 17;

/// An option value of `len` bytes for option `name` of `level`: `struct linger`
/// (`{l_onoff=1, l_linger=5}`), `struct ucred` (`{pid=1, uid=0, gid=0}`), else an `int`
/// (`[1]`) when it holds one, else the address.
pub fn sockopt_val<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
    level: u64,
    name: u64,
) {
    if len < 4 || addr == 0 {
        return sink.addr(addr);
    }
    let (level, name) = (u64::from(level as u32), u64::from(name as u32));
    match (level, name) {
        (SOL_SOCKET, SO_LINGER) if len >= 8 => read_struct(sink, ctx, addr, 8, |sink, _, raw| {
            sink.begin_struct();
            sink.field("l_onoff");
            sink.int(i64::from(raw.i32(0)));
            sink.field("l_linger");
            sink.int(i64::from(raw.i32(4)));
            sink.end_struct(false);
        }),
        (SOL_SOCKET, SO_PEERCRED) if len >= 12 => {
            read_struct(sink, ctx, addr, 12, |sink, _, raw| ucred(sink, raw))
        }
        _ => read_struct(sink, ctx, addr, 4, |sink, _, raw| {
            sink.begin_array();
            sink.int(i64::from(raw.i32(0)));
            sink.end_array();
        }),
    }
}

/// `struct ucred` (`<linux/socket.h>`): pid, uid, gid.
fn ucred<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("pid");
    sink.int(i64::from(raw.i32(0)));
    sink.field("uid");
    id(sink, raw.u32(4));
    sink.field("gid");
    id(sink, raw.u32(8));
    sink.end_struct(false);
}

/// A user or group id; the all-ones "no id" prints as `-1`, as strace prints ids.
fn id<S: Sink>(sink: &mut S, v: u32) {
    if v == u32::MAX {
        sink.int(-1);
    } else {
        sink.uint(u64::from(v));
    }
}

/// SOL_SOCKET control messages (`<linux/socket.h>` SCM_*) with a known payload.
const SCM_RIGHTS: i32 = 1;
const SCM_CREDENTIALS: i32 = 2;
/// `sizeof(struct cmsghdr)`: `cmsg_len` (a `size_t`), `cmsg_level`, `cmsg_type`.
const CMSGHDR_SIZE: u64 = 16;
/// The most control data read (strace also bounds it).
const MAX_CONTROL: usize = 4096;

/// The control messages of `len` bytes at `addr`: `[{cmsg_len=20, cmsg_level=SOL_SOCKET,
/// cmsg_type=SCM_RIGHTS, cmsg_data=[5]}]`. SCM_RIGHTS shows descriptors, SCM_CREDENTIALS a
/// `struct ucred`; other payloads are not shown (strace decodes a few more, like IP_TOS).
fn cmsgs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    let size = usize::try_from(len).map_or(MAX_CONTROL, |l| l.min(MAX_CONTROL));
    let mut buf = [0u8; MAX_CONTROL];
    if ctx.mem.read(addr, &mut buf[..size]).is_err() {
        return sink.addr(addr);
    }
    let data = &buf[..size];
    sink.begin_array();
    // `off` stays below `size`: the lengths come from the tracee and can be anything, so every
    // step is checked rather than added.
    let mut off = 0usize;
    while size - off >= CMSGHDR_SIZE as usize {
        let raw = Raw(&data[off..]);
        let cmsg_len = raw.u64(0);
        let level = raw.i32(8);
        let kind = raw.i32(12);
        sink.begin_struct();
        sink.field("cmsg_len");
        sink.uint(cmsg_len);
        sink.field("cmsg_level");
        sink.enumeration(u64::from(level as u32), &table::ENUM_SOCK_LEVEL);
        sink.field("cmsg_type");
        let level = u64::from(level as u32);
        match (level, options_of(level)) {
            (SOL_SOCKET, _) => sink.enumeration(u64::from(kind as u32), &table::ENUM_SCM_TYPE),
            (_, Some(names)) => sink.enumeration(u64::from(kind as u32), names),
            _ => sink.hex(u64::from(kind as u32)),
        }
        if cmsg_len < CMSGHDR_SIZE {
            sink.end_struct(false);
            break;
        }
        let end = usize::try_from(cmsg_len)
            .ok()
            .and_then(|l| off.checked_add(l))
            .map_or(size, |end| end.min(size));
        let payload = &data[off + CMSGHDR_SIZE as usize..end];
        match (level, kind) {
            (SOL_SOCKET, SCM_RIGHTS) if !payload.is_empty() => {
                sink.field("cmsg_data");
                sink.begin_array();
                for fd in payload.chunks_exact(4) {
                    super::fd(sink, ctx, Raw(fd).i32(0));
                }
                sink.end_array();
            }
            (SOL_SOCKET, SCM_CREDENTIALS) if payload.len() >= 12 => {
                sink.field("cmsg_data");
                ucred(sink, Raw(payload));
            }
            // strace shows no data for a type it does not decode.
            _ => {}
        }
        sink.end_struct(false);
        // The next header starts at the 8-byte aligned end (CMSG_ALIGN); none when that is
        // past the buffer. (strace 6.1 adds the aligned length unchecked: for a `cmsg_len`
        // above 2^64 - 8 it wraps to 0 and prints the same header forever.)
        match usize::try_from(cmsg_len)
            .ok()
            .and_then(|l| l.checked_add(7))
            .map(|l| l & !7)
            .and_then(|next| off.checked_add(next))
        {
            Some(next) if next < size => off = next,
            _ => break,
        }
    }
    sink.end_array();
}

/// `sizeof(struct msghdr)` and `struct mmsghdr` on x86_64.
const MSGHDR_SIZE: usize = 56;
const MMSGHDR_SIZE: u64 = 64;
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
    let namelen = raw.u32(MSG_NAMELEN as usize);
    let controllen = raw.u64(40);
    let before = namelen_at_entry.unwrap_or(namelen);
    sink.begin_struct();
    sink.field("msg_name");
    let family = super::sockaddr::sockaddr_family(sink, ctx, name, u64::from(namelen.min(before)));
    sink.field("msg_namelen");
    if before != namelen {
        sink.changed(u64::from(before), u64::from(namelen));
    } else {
        sink.uint(u64::from(namelen));
    }
    sink.field("msg_iov");
    let data = data_len.map_or(IovData::All, IovData::Upto);
    // To or from a netlink address, the data are netlink messages.
    super::netlink::msg_iov(sink, ctx, fd, family, (raw.u64(16), raw.u64(24)), data);
    sink.field("msg_iovlen");
    sink.uint(raw.u64(24));
    if controllen != 0 {
        sink.field("msg_control");
        cmsgs(sink, ctx, raw.u64(32), controllen);
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

/// The `count` messages a `sendmmsg`/`recvmmsg` handled: `[{msg_hdr={...}, msg_len=5}, ...]`.
/// `recv`: `Some(true)` for received messages (contents up to each `msg_len`), `Some(false)`
/// for sent ones, `None` for messages a failed send was given (no `msg_len`).
pub fn mmsghdrs<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    recv: Option<bool>,
    fd: i32,
) {
    if addr == 0 {
        return sink.addr(0);
    }
    let mut probe = [0u8; 1];
    if ctx.mem.read(addr, &mut probe).is_err() {
        return sink.addr(addr);
    }
    sink.begin_array();
    for n in 0..count {
        if n >= ctx.opts.max_strlen as u64 {
            sink.more();
            break;
        }
        let at = addr.wrapping_add(n * MMSGHDR_SIZE);
        let mut buf = [0u8; MMSGHDR_SIZE as usize];
        if ctx.mem.read(at, &mut buf).is_err() {
            sink.more();
            sink.addr(at);
            break;
        }
        let raw = Raw(&buf);
        let msg_len = raw.u32(MSGHDR_SIZE);
        let data_len = (recv == Some(true)).then_some(u64::from(msg_len));
        sink.begin_struct();
        sink.field("msg_hdr");
        msghdr_fields(sink, ctx, raw, data_len, None, fd);
        if recv.is_some() {
            sink.field("msg_len");
            sink.uint(u64::from(msg_len));
        }
        sink.end_struct(false);
    }
    sink.end_array();
}
