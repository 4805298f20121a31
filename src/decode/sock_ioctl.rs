//! The argument of the socket ioctls (`<linux/sockios.h>`, `<asm/sockios.h>`): ints,
//! bridge names and `struct ifreq`s, as strace 6.1's `sock_ioctl` shows them (`src/sock.c`).
//! Printed at exit, like every ioctl argument here: a request that strace splits between
//! entry and exit shows what memory holds at exit, the interface's name or index first;
//! `SIOCGIFCONF`'s length as the call got it is saved at entry ([`save`]).

use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `IFNAMSIZ` (`<linux/if.h>`) and `sizeof(struct ifreq)` on x86_64: the name, then a
/// union of 24 bytes.
const IFNAMSIZ: usize = 16;
const IFREQ_SIZE: usize = 40;

/// What a request's argument is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arg {
    /// A pointer to an `int`: `[0]`.
    Int,
    /// A bridge's name, `IFNAMSIZ` bytes at most: `"br0"`.
    BridgeName,
    /// `{ifr_ifindex=if_nametoindex("eth0")}` (a bridge's port).
    BridgePort,
    /// `{ifr_name="lo", FIELD}`: the interface and one member of the union.
    Ifreq(Field),
    /// `{ifr_ifindex=1, ifr_name="lo"}`: the name the kernel gives an index.
    IfName,
    /// `struct ifconf`: `{ifc_len=40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{...}]}`.
    Ifconf,
    /// An address strace does not follow.
    Addr,
}

/// `SIOCGIFCONF`: the interfaces' addresses, into a buffer of `ifc_len` bytes.
const SIOCGIFCONF: u32 = 0x8912;

/// What `request`'s entry saves for its exit: `SIOCGIFCONF`'s `ifc_len`, if `struct ifconf`
/// at `v` can be read (strace reads it under `-e verbose=none` too).
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, request: u64, v: u64) -> Option<u32> {
    let mut b = [0u8; 4];
    let readable = request as u32 == SIOCGIFCONF && v != 0;
    (readable && ctx.mem.read(v, &mut b).is_ok()).then(|| u32::from_ne_bytes(b))
}

/// The member of `struct ifreq`'s union a request reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Sockaddr(&'static str),
    Hwaddr,
    Flags,
    Int(&'static str),
    Name(&'static str),
    Map,
}

/// The requests strace decodes (numbers from `<linux/sockios.h>` and `<asm/sockios.h>`).
fn arg_of(request: u32) -> Option<Arg> {
    Some(match request {
        0x8901..=0x8905 | 0x8925 | 0x8926 | 0x894b => Arg::Int,
        0x89a0 | 0x89a1 => Arg::BridgeName,
        0x89a2 | 0x89a3 => Arg::BridgePort,
        0x8915 | 0x8916 => Arg::Ifreq(Field::Sockaddr("ifr_addr")),
        0x8917 | 0x8918 => Arg::Ifreq(Field::Sockaddr("ifr_dstaddr")),
        0x8919 | 0x891a => Arg::Ifreq(Field::Sockaddr("ifr_broadaddr")),
        0x891b | 0x891c => Arg::Ifreq(Field::Sockaddr("ifr_netmask")),
        0x8924 | 0x8927 | 0x8931 | 0x8932 | 0x8937 => Arg::Ifreq(Field::Hwaddr),
        0x8913 | 0x8914 => Arg::Ifreq(Field::Flags),
        0x8933 => Arg::Ifreq(Field::Int("ifr_ifindex")),
        0x891d | 0x891e => Arg::Ifreq(Field::Int("ifr_metric")),
        0x8921 | 0x8922 => Arg::Ifreq(Field::Int("ifr_mtu")),
        0x8942 | 0x8943 => Arg::Ifreq(Field::Int("ifr_qlen")),
        0x8929 | 0x8930 => Arg::Ifreq(Field::Name("ifr_slave")),
        0x8923 => Arg::Ifreq(Field::Name("ifr_newname")),
        0x8970 | 0x8971 => Arg::Ifreq(Field::Map),
        0x8910 => Arg::IfName,
        SIOCGIFCONF => Arg::Ifconf,
        // The routing, ARP, DLCI, bonding, VLAN, MII, time stamp and other requests strace
        // leaves as addresses.
        0x8906
        | 0x8907
        | 0x890b..=0x890d
        | 0x8911
        | 0x891f
        | 0x8920
        | 0x8934..=0x8936
        | 0x8938
        | 0x8940
        | 0x8941
        | 0x8946..=0x894a
        | 0x894c
        | 0x8953..=0x8955
        | 0x8960..=0x8962
        | 0x8980..=0x8983
        | 0x8990..=0x8996
        | 0x89b0
        | 0x89b1
        | 0x8010_8906
        | 0x8010_8907 => Arg::Addr,
        _ => return None,
    })
}

/// Whether [`arg`] decodes the argument of `request`.
pub fn decodes(request: u64) -> bool {
    arg_of(request as u32).is_some()
}

/// Whether the kernel fills the argument (a getter): what it leaves shows only when the
/// call succeeded.
fn is_get(request: u32) -> bool {
    matches!(
        request,
        0x8910
            | 0x8913
            | 0x8915
            | 0x8917
            | 0x8919
            | 0x891b
            | 0x891d
            | 0x8921
            | 0x8927
            | 0x8929
            | 0x8933
            | 0x8942
            | 0x8970
    )
}

/// The argument `v` of socket ioctl `request`.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u64,
    v: u64,
    outcome: Option<Outcome>,
    saved: Option<u32>,
) {
    let request = request as u32;
    let Some(form) = arg_of(request) else {
        return sink.hex(v);
    };
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    let filled = is_get(request) && !failed;
    match form {
        Arg::Int => super::sockopt::int(sink, ctx, v, |sink, v| sink.int(v)),
        Arg::BridgeName => super::string::cstring_within(sink, ctx, v, IFNAMSIZ),
        Arg::BridgePort => read_struct(sink, ctx, v, IFREQ_SIZE, |sink, _, raw| {
            sink.begin_struct();
            sink.field("ifr_ifindex");
            super::sockaddr::ifindex(sink, raw.u32(IFNAMSIZ));
            sink.end_struct(false);
        }),
        Arg::IfName => read_struct(sink, ctx, v, IFREQ_SIZE, |sink, _, raw| {
            sink.begin_struct();
            sink.field("ifr_ifindex");
            sink.int(i64::from(raw.i32(IFNAMSIZ)));
            if filled {
                sink.field("ifr_name");
                sink.c_array(&raw.0[..IFNAMSIZ]);
            }
            sink.end_struct(false);
        }),
        Arg::Ifreq(field) => read_struct(sink, ctx, v, IFREQ_SIZE, |sink, ctx, raw| {
            sink.begin_struct();
            sink.field("ifr_name");
            sink.c_array(&raw.0[..IFNAMSIZ]);
            if filled || !is_get(request) {
                ifreq_field(sink, ctx, raw, field);
            }
            sink.end_struct(false);
        }),
        Arg::Ifconf => match saved {
            Some(given) => ifconf(sink, ctx, v, given as i32, failed),
            None => sink.addr(v),
        },
        Arg::Addr => sink.addr(v),
    }
}

/// `struct ifconf` (`<linux/if.h>`): `ifc_len` (an int) and `ifc_buf` at 8. Without a
/// buffer the kernel says how long one must be; with one, what it wrote, the `struct
/// ifreq`s shown after a success. Shown under `-e verbose=none` too, as strace shows it.
fn ifconf<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    given: i32,
    failed: bool,
) {
    let mut b = [0u8; 16];
    if ctx.mem.read(v, &mut b).is_err() {
        return sink.unreadable(v);
    }
    let raw = Raw(&b);
    let (len, buf) = (raw.i32(0), raw.u64(8));
    sink.begin_struct();
    sink.field("ifc_len");
    if buf != 0 {
        ifc_len(sink, given);
        if given != len {
            sink.updated();
        }
    }
    if buf == 0 || given != len {
        ifc_len(sink, len);
    }
    sink.field("ifc_buf");
    if buf == 0 || failed {
        sink.addr(buf);
    } else {
        let n = (len as u32 as usize / IFREQ_SIZE) as u64;
        super::array::array(sink, ctx, buf, n, IFREQ_SIZE, |sink, ctx, raw| {
            sink.begin_struct();
            sink.field("ifr_name");
            sink.c_array(&raw.0[..IFNAMSIZ]);
            sink.field("ifr_addr");
            super::sockaddr::sockaddr_bytes(sink, ctx, &raw.0[IFNAMSIZ..IFNAMSIZ + 16]);
            sink.end_struct(false);
        });
    }
    sink.end_struct(false);
}

/// An `ifc_len`, with how many `struct ifreq`s it holds when it is a multiple of them:
/// `80 /* 2 * sizeof(struct ifreq) */`.
fn ifc_len<S: Sink>(sink: &mut S, len: i32) {
    sink.int(i64::from(len));
    if len > 0 && (len as usize).is_multiple_of(IFREQ_SIZE) {
        sink.open(Group::Comment);
        sink.uint((len as usize / IFREQ_SIZE) as u64);
        sink.word("* sizeof(struct ifreq)");
        sink.close();
    }
}

/// The member of the union after the name (at 16).
fn ifreq_field<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>, f: Field) {
    let u = IFNAMSIZ;
    match f {
        Field::Sockaddr(name) => {
            sink.field(name);
            super::sockaddr::sockaddr_bytes(sink, ctx, &raw.0[u..u + 16]);
        }
        Field::Hwaddr => {
            let family = raw.u16(u);
            sink.field("ifr_hwaddr");
            sink.begin_struct();
            sink.field("sa_family");
            sink.enumeration(u64::from(family), &table::ENUM_ARP_HARDWARE_TYPE);
            sink.field("sa_data");
            let data = &raw.0[u + 2..u + 16];
            sink.hw_addr(data, hwaddr_len(family).min(data.len()));
            sink.end_struct(false);
        }
        Field::Flags => {
            sink.field("ifr_flags");
            sink.flags(u64::from(raw.u16(u)), &table::FLAGS_IFFFLAGS);
        }
        Field::Int(name) => {
            sink.field(name);
            sink.int(i64::from(raw.i32(u)));
        }
        Field::Name(name) => {
            sink.field(name);
            sink.c_array(&raw.0[u..u + IFNAMSIZ]);
        }
        Field::Map => {
            // struct ifmap: mem_start, mem_end (unsigned long), base_addr (u16), irq, dma,
            // port (u8).
            sink.field("ifr_map");
            sink.begin_struct();
            sink.field("mem_start");
            sink.hex(raw.u64(u));
            sink.field("mem_end");
            sink.hex(raw.u64(u + 8));
            sink.field("base_addr");
            sink.hex(u64::from(raw.u16(u + 16)));
            for (i, name) in ["irq", "dma", "port"].into_iter().enumerate() {
                sink.field(name);
                sink.hex(u64::from(raw.0[u + 18 + i]));
            }
            sink.end_struct(false);
        }
    }
}

/// How many bytes of a hardware address of device type `family` (`ARPHRD_*`,
/// `<linux/if_arp.h>`) mean something, as strace's `print_mac.c` knows them; others all.
fn hwaddr_len(family: u16) -> usize {
    const SIZES: &[(u16, usize)] = &[
        (0, 7),    // NETROM: AX25_ADDR_LEN
        (1, 6),    // ETHER: ETH_ALEN
        (3, 7),    // AX25
        (6, 6),    // IEEE802: FC_ALEN
        (7, 1),    // ARCNET
        (15, 2),   // DLCI: a short
        (24, 16),  // IEEE1394: FWNET_ALEN
        (27, 8),   // EUI64
        (32, 20),  // INFINIBAND
        (256, 0),  // SLIP
        (270, 5),  // ROSE
        (271, 0),  // X25
        (280, 0),  // CAN
        (290, 1),  // MCTP
        (512, 0),  // PPP
        (518, 0),  // RAWHDLC
        (519, 0),  // RAWIP
        (768, 4),  // TUNNEL: an IPv4 address
        (769, 16), // TUNNEL6: an IPv6 address
        (772, 6),  // LOOPBACK
        (773, 1),  // LOCALTLK
        (774, 6),  // FDDI
        (776, 4),  // SIT
        (777, 0),  // IPDDP
        (778, 4),  // IPGRE
        (779, 0),  // PIMREG
        (780, 6),  // HIPPI
        (783, 4),  // IRDA
        (801, 6),  // IEEE80211
        (802, 6),  // IEEE80211_PRISM
        (803, 6),  // IEEE80211_RADIOTAP
        (804, 8),  // IEEE802154
        (805, 8),  // IEEE802154_MONITOR
        (820, 1),  // PHONET
        (821, 1),  // PHONET_PIPE
        (822, 0),  // CAIF
        (823, 16), // IP6GRE
        (824, 0),  // NETLINK
        (825, 8),  // 6LOWPAN
        (826, 0),  // VSOCKMON
    ];
    SIZES
        .iter()
        .find(|(t, _)| *t == family)
        .map_or(usize::MAX, |(_, n)| *n)
}
