//! Socket addresses: `struct sockaddr` and the form each address family gives it, as
//! `connect`, `bind`, `sendto`, `accept`, `getsockname` and message headers show them.
//!
//! Layouts from `<linux/socket.h>`, `<linux/un.h>`, `<linux/in.h>`, `<linux/in6.h>`,
//! `<linux/ipx.h>`, `<linux/x25.h>`, `<linux/netlink.h>` and `<linux/if_packet.h>` here;
//! AX.25 (`ax25.rs`), Bluetooth (`bluetooth.rs`) and the newer families (`other.rs`) apart.
//! Names come from the `[enums.*]` and `[flags.*]` tables of `syscalls.toml`.
//!
//! An address is read whole, at most `sizeof(struct sockaddr_storage)` bytes, into a zeroed
//! buffer: a field past the given length reads as zero, and nothing past the buffer is ever
//! looked at, whatever length the call passed. A family's form is shown when the length
//! covers its struct (a few need less); otherwise the bytes after the family, as `sa_data`.

mod ax25;
mod bluetooth;
mod other;

use super::structs::Raw;
use super::{Ctx, Group, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// Address families (`<linux/socket.h>`) with a form of their own.
const AF_UNIX: u16 = 1;
const AF_INET: u16 = 2;
const AF_AX25: u16 = 3;
const AF_IPX: u16 = 4;
const AF_X25: u16 = 9;
const AF_INET6: u16 = 10;
const AF_NETLINK: u16 = 16;
const AF_PACKET: u16 = 17;
const AF_BLUETOOTH: u16 = 31;
const AF_RXRPC: u16 = 33;
const AF_IEEE802154: u16 = 36;
const AF_ALG: u16 = 38;
const AF_NFC: u16 = 39;
const AF_VSOCK: u16 = 40;
const AF_QIPCRTR: u16 = 42;
const AF_XDP: u16 = 44;
const AF_MCTP: u16 = 45;

/// `sizeof(struct sockaddr_storage)`: the most of an address read.
const SOCKADDR_MAX: usize = 128;
/// `sizeof(sa_family_t)`: the family comes first in every address.
const FAMILY: usize = 2;

/// `sizeof(struct sockaddr_un)`: the family and a 108-byte path.
const SOCKADDR_UN: usize = 110;
/// `sizeof(struct sockaddr_in)`.
const SOCKADDR_IN: usize = 16;
/// `offsetof(struct sockaddr_in6, sin6_scope_id)`: the older form without the scope
/// (RFC 2133) is as long.
const SOCKADDR_IN6_MIN: usize = 24;
/// `sizeof(struct sockaddr_ax25)`: the family, a callsign, the number of digipeaters.
const SOCKADDR_AX25: usize = 16;
/// `sizeof(struct sockaddr_ipx)`.
const SOCKADDR_IPX: usize = 16;
/// `sizeof(struct sockaddr_x25)`: the family and a 16-byte X.121 address.
const SOCKADDR_X25: usize = 18;
/// `sizeof(struct sockaddr_nl)`.
const SOCKADDR_NL: usize = 12;
/// `sizeof(struct sockaddr_ll)`.
const SOCKADDR_LL: usize = 20;

/// An address as read: the bytes (zero past `len`) and the length that counts.
#[derive(Clone, Copy)]
struct Addr<'a> {
    raw: Raw<'a>,
    len: usize,
}

impl<'a> Addr<'a> {
    /// Bytes `from..to` of the buffer (both bounded by it).
    fn bytes(&self, from: usize, to: usize) -> &'a [u8] {
        let all: &'a [u8] = self.raw.0;
        let to = to.min(all.len());
        &all[from.min(to)..to]
    }

    fn u8(&self, off: usize) -> u8 {
        self.bytes(off, off + 1).first().copied().unwrap_or(0)
    }

    /// The address embedded from `off` on, `len` bytes long (RxRPC's transport).
    fn inner(&self, off: usize, len: usize) -> Addr<'a> {
        Addr {
            raw: Raw(self.bytes(off, SOCKADDR_MAX)),
            len,
        }
    }
}

/// A socket address of `len` bytes at `addr`: `{sa_family=AF_INET, sin_port=htons(80),
/// sin_addr=inet_addr("127.0.0.1")}`; only the family when `len` is 2, the address itself
/// when it is shorter or unreadable (or `-e verbose=` leaves the call out). Like strace, the
/// length is taken as a C `int`.
pub fn sockaddr<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    sockaddr_family(sink, ctx, addr, len);
}

/// As [`sockaddr`], telling the address's family when it was read (strace's
/// `decode_sockaddr`): the data of a message to or from a netlink address decode as netlink
/// messages.
pub fn sockaddr_family<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
) -> Option<u16> {
    let len = len as u32 as i32;
    if len < FAMILY as i32 || addr == 0 || !ctx.opts.verbose {
        sink.addr(addr);
        return None;
    }
    let len = (len as usize).min(SOCKADDR_MAX);
    let mut buf = [0u8; SOCKADDR_MAX];
    if ctx.mem.read(addr, &mut buf[..len]).is_err() {
        sink.unreadable(addr);
        return None;
    }
    sockaddr_bytes(sink, ctx, &buf[..len]);
    Some(u16::from_ne_bytes([buf[0], buf[1]]))
}

/// A socket address already read (a control message's, strace's `print_sockaddr`), of its
/// bytes' length (at least the family's, at most a `struct sockaddr_storage`).
pub(super) fn sockaddr_bytes<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, bytes: &[u8]) {
    // The bytes past the length read as zero, as in a fresh buffer.
    let len = bytes.len().min(SOCKADDR_MAX);
    let mut buf = [0u8; SOCKADDR_MAX];
    buf[..len].copy_from_slice(&bytes[..len]);
    let sa = Addr {
        raw: Raw(&buf),
        len,
    };
    let family = sa.raw.u16(0);
    sink.begin_struct();
    sink.field("sa_family");
    sink.enumeration(u64::from(family), &table::ENUM_ADDRESS_FAMILY);
    if len > FAMILY {
        family_fields(sink, ctx, family, sa);
    }
    sink.end_struct(false);
}

/// The fields after `sa_family`: the family's form when the length covers it, else the
/// bytes as they are.
fn family_fields<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, family: u16, sa: Addr) {
    match (family, sa.len) {
        (AF_UNIX, 3..) => unix(sink, sa),
        (AF_INET, SOCKADDR_IN..) => inet(sink, sa),
        (AF_INET6, SOCKADDR_IN6_MIN..) => inet6(sink, sa),
        (AF_AX25, SOCKADDR_AX25..) => ax25::ax25(sink, ctx, sa),
        (AF_IPX, SOCKADDR_IPX..) => ipx(sink, sa),
        (AF_X25, SOCKADDR_X25..) => {
            // struct x25_address: one NUL-terminated string.
            sink.field("sx25_addr");
            sink.begin_struct();
            sink.field("x25_addr");
            sink.c_array(sa.bytes(FAMILY, SOCKADDR_X25));
            sink.end_struct(false);
        }
        (AF_NETLINK, SOCKADDR_NL..) => netlink(sink, ctx, sa),
        (AF_PACKET, SOCKADDR_LL..) => packet(sink, sa),
        (AF_BLUETOOTH, 3..) => bluetooth::bluetooth(sink, sa),
        (AF_RXRPC, other::SOCKADDR_RXRPC..) => other::rxrpc(sink, sa),
        (AF_IEEE802154, other::SOCKADDR_IEEE802154..) => other::ieee802154(sink, sa),
        (AF_ALG, other::SOCKADDR_ALG_MIN..) => other::alg(sink, sa),
        (AF_NFC, other::SOCKADDR_NFC..) => other::nfc(sink, sa),
        (AF_VSOCK, other::SOCKADDR_VM..) => other::vsock(sink, sa),
        (AF_QIPCRTR, other::SOCKADDR_QRTR..) => other::qrtr(sink, sa),
        (AF_XDP, other::SOCKADDR_XDP..) => other::xdp(sink, ctx, sa),
        (AF_MCTP, other::SOCKADDR_MCTP..) => other::mctp(sink, sa),
        _ => raw_data(sink, sa),
    }
}

/// The bytes after the family, all of them: `sa_data="\0\1"`.
fn raw_data<S: Sink>(sink: &mut S, sa: Addr) {
    sink.field("sa_data");
    sink.string(sa.bytes(FAMILY, sa.len), false);
}

/// `struct sockaddr_un`: a path up to its NUL, or, after a leading NUL, an abstract name of
/// every byte up to the length (unix(7)). Neither goes past the struct.
fn unix<S: Sink>(sink: &mut S, sa: Addr) {
    let path = sa.bytes(FAMILY, sa.len.min(SOCKADDR_UN));
    sink.field("sun_path");
    match path.split_first() {
        Some((0, name)) => sink.abstract_name(name, false),
        _ => {
            let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
            sink.string(&path[..end], false);
        }
    }
}

/// `struct sockaddr_in`: port (be16) at 2, address at 4.
fn inet<S: Sink>(sink: &mut S, sa: Addr) {
    sink.field("sin_port");
    sink.net_order(u64::from(sa.raw.be16(2)), true);
    sink.field("sin_addr");
    sink.ipv4(sa.raw.array(4));
}

/// `struct sockaddr_in6`: port at 2, flow info (be32) at 4, address at 8, scope at 24 when
/// the length goes past the address (the bytes past the length reading as zero).
fn inet6<S: Sink>(sink: &mut S, sa: Addr) {
    sink.field("sin6_port");
    sink.net_order(u64::from(sa.raw.be16(2)), true);
    sink.field("sin6_flowinfo");
    sink.net_order(u64::from(sa.raw.be32(4)), false);
    let addr: [u8; 16] = sa.raw.array(8);
    sink.ipv6_field("sin6_addr", addr);
    if sa.len > SOCKADDR_IN6_MIN {
        sink.field("sin6_scope_id");
        scope_id(sink, sa.raw.u32(24), &addr);
    }
}

/// An IPv6 scope: for link-local addresses (fe80::/10, ff02::/16) an interface index,
/// else a number.
fn scope_id<S: Sink>(sink: &mut S, id: u32, addr: &[u8; 16]) {
    let link_local =
        (addr[0] == 0xfe && addr[1] & 0xc0 == 0x80) || (addr[0] == 0xff && addr[1] & 0x0f == 0x02);
    if link_local {
        ifindex(sink, id);
    } else {
        sink.uint(u64::from(id));
    }
}

/// A network interface index, by the name of the interface on this machine as strace shows
/// it (`if_nametoindex("eth0")`, the number under `-X raw`), else a number.
pub(super) fn ifindex<S: Sink>(sink: &mut S, index: u32) {
    match interface_name(index) {
        Some(name) => {
            sink.open(Group::Forms);
            sink.uint(u64::from(index));
            sink.begin_wrap("if_nametoindex");
            sink.string(name.as_bytes(), false);
            sink.end_wrap();
            sink.close();
        }
        None => sink.uint(u64::from(index)),
    }
}

/// The name of network interface `index`, from `/sys/class/net/NAME/ifindex`.
fn interface_name(index: u32) -> Option<String> {
    if index == 0 {
        return None;
    }
    std::fs::read_dir("/sys/class/net")
        .ok()?
        .flatten()
        .find_map(|e| {
            let text = std::fs::read_to_string(e.path().join("ifindex")).ok()?;
            (text.trim().parse::<u32>().ok()? == index)
                .then(|| e.file_name().to_string_lossy().into_owned())
        })
}

/// `struct sockaddr_ipx`: port (be16) at 2, network (be32) at 4, a 6-byte node at 8, type at
/// 14, and a pad byte at 15 shown only when set.
fn ipx<S: Sink>(sink: &mut S, sa: Addr) {
    sink.field("sipx_port");
    sink.net_order(u64::from(sa.raw.be16(2)), true);
    sink.field("sipx_network");
    sink.begin_wrap("htonl");
    sink.hex(u64::from(sa.raw.be32(4)));
    sink.end_wrap();
    sink.field("sipx_node");
    sink.begin_array();
    for &b in sa.bytes(8, 14) {
        sink.hex_padded(u64::from(b), 2);
    }
    sink.end_array();
    sink.field("sipx_type");
    sink.hex_padded(u64::from(sa.u8(14)), 2);
    let zero = sa.u8(15);
    if zero != 0 {
        sink.field("sipx_zero");
        sink.hex(u64::from(zero));
    }
}

/// `struct sockaddr_nl`: a pad at 2 (shown only when set), port id at 4 (a process id for
/// most sockets), multicast groups at 8.
fn netlink<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, sa: Addr) {
    let pad = sa.raw.u16(2);
    if pad != 0 {
        sink.field("nl_pad");
        sink.hex(u64::from(pad));
    }
    sink.field("nl_pid");
    super::pid(sink, ctx, i64::from(sa.raw.i32(4)), super::PidKind::Tgid);
    sink.field("nl_groups");
    sink.hex_padded(u64::from(sa.raw.u32(8)), 8);
}

/// `struct sockaddr_ll` (packet(7)): protocol (be16) at 2, interface at 4, hardware type at
/// 8, packet type at 10, address length at 11, address at 12. The address shows `sll_halen`
/// bytes, and `...` where they would go past the length.
fn packet<S: Sink>(sink: &mut S, sa: Addr) {
    const SLL_ADDR: usize = 12;
    sink.field("sll_protocol");
    sink.open(Group::Forms);
    sink.hex_string(sa.bytes(2, 4), false);
    sink.begin_wrap("htons");
    sink.enumeration(u64::from(sa.raw.be16(2)), &table::ENUM_ETHERNET_PROTOCOL);
    sink.end_wrap();
    sink.close();
    sink.field("sll_ifindex");
    ifindex(sink, sa.raw.u32(4));
    sink.field("sll_hatype");
    sink.enumeration(u64::from(sa.raw.u16(8)), &table::ENUM_ARP_HARDWARE_TYPE);
    sink.field("sll_pkttype");
    sink.enumeration(u64::from(sa.u8(10)), &table::ENUM_PACKET_TYPE);
    let halen = usize::from(sa.u8(11));
    sink.field("sll_halen");
    sink.uint(halen as u64);
    if halen != 0 {
        let shown = halen.min(sa.len - SLL_ADDR);
        sink.field("sll_addr");
        sink.begin_array();
        for &b in sa.bytes(SLL_ADDR, SLL_ADDR + shown) {
            sink.hex_padded(u64::from(b), 2);
        }
        if shown < halen {
            sink.more();
        }
        sink.end_array();
    }
}
