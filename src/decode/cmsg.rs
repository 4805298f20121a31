//! Control messages (`struct msghdr`'s `msg_control`, `<linux/socket.h>` `struct cmsghdr`),
//! walked and shown as strace 6.1 shows them: each header, and the data of the types it
//! knows (descriptors, credentials, time stamps, IP packet information...).

use super::sockaddr::{ifindex, sockaddr_bytes};
use super::structs::Raw;
use super::{Ctx, PidKind, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

/// `sizeof(struct cmsghdr)`: `cmsg_len` (a `size_t`), `cmsg_level`, `cmsg_type`.
const CMSGHDR_SIZE: usize = 16;

/// The levels as strace names a control message's (its `SOL_???` differs from the one it
/// gives a socket option's level, `SOL_??`).
static CMSG_LEVELS: EnumTable = EnumTable {
    values: table::ENUM_SOCK_LEVEL.values,
    unknown: "SOL_???",
};

/// The levels whose message types strace names (`<linux/socket.h>`).
const SOL_IP: i32 = 0;
const SOL_SOCKET: i32 = 1;

/// How the data of a known message type shows, and the fewest bytes it needs (strace's
/// `cmsg_socket_printers` and `cmsg_ip_printers`).
#[derive(Clone, Copy)]
enum Data {
    /// `SCM_RIGHTS`: descriptors, `[3, 4]`.
    Fds,
    /// `SCM_CREDENTIALS`: a `struct ucred`.
    Creds,
    /// `SCM_SECURITY`: the whole payload as a string.
    Text,
    /// A `struct timeval` (`tv_usec`) or `struct timespec` (`tv_nsec`).
    Time(&'static str),
    /// `SO_TIMESTAMPING`: three `struct timespec`s.
    Times,
    /// `IP_PKTINFO`: a `struct in_pktinfo`.
    PktInfo,
    /// `unsigned int`s: `[64]`.
    Uints,
    /// Bytes in hex: `[0x41, 0x42]`.
    Bytes,
    /// `IP_RECVERR`: a `struct sock_extended_err` and the offender's address.
    RecvErr,
    /// `IP_ORIGDSTADDR`: a socket address.
    Addr,
}

/// The data printer of a message type at a level, with the fewest bytes it needs.
fn data_of(level: i32, kind: i32) -> Option<(Data, usize)> {
    Some(match (level, kind) {
        // SCM_RIGHTS, SCM_CREDENTIALS, SCM_SECURITY (<linux/socket.h>).
        (SOL_SOCKET, 1) => (Data::Fds, 4),
        (SOL_SOCKET, 2) => (Data::Creds, 12),
        (SOL_SOCKET, 3) => (Data::Text, 1),
        // SO_TIMESTAMP_OLD, SO_TIMESTAMPNS_OLD, SO_TIMESTAMPING_OLD and their _NEW forms
        // (<asm-generic/socket.h>), the same on x86_64; their size is checked when shown.
        (SOL_SOCKET, 29 | 63) => (Data::Time("tv_usec"), 1),
        (SOL_SOCKET, 35 | 64) => (Data::Time("tv_nsec"), 1),
        (SOL_SOCKET, 37 | 65) => (Data::Times, 1),
        // IP_TOS, IP_TTL, IP_RECVOPTS, IP_RETOPTS, IP_PKTINFO, IP_RECVERR, IP_ORIGDSTADDR,
        // IP_CHECKSUM (<linux/in.h>); strace decodes type 3 (IP_HDRINCL) as SCM_SECURITY.
        (SOL_IP, 1 | 6 | 7) => (Data::Bytes, 1),
        (SOL_IP, 2 | 23) => (Data::Uints, 4),
        (SOL_IP, 3) => (Data::Text, 1),
        (SOL_IP, 8) => (Data::PktInfo, 12),
        (SOL_IP, 11) => (Data::RecvErr, 32),
        (SOL_IP, 20) => (Data::Addr, 16),
        _ => return None,
    })
}

/// The control messages of `len` bytes at `addr` (at most `optmem_max` of them read):
/// `[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}]`; `... /*
/// 0x... */` where bytes too few for a header are left, `...` after what was not read; the
/// address when there is not even one header or it cannot be read.
pub fn control<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    let size = len.min(ctx.opts.optmem_max.bytes() as u64) as usize;
    if size < CMSGHDR_SIZE || ctx.scratch.fill(ctx.mem, addr, size).is_err() {
        return sink.addr(addr);
    }
    sink.begin_array();
    // What is left to walk, from `off`; the lengths come from the tracee and can be
    // anything, so every step is checked rather than added.
    let (mut off, mut left) = (0usize, size);
    while left >= CMSGHDR_SIZE {
        let mut head = [0u8; CMSGHDR_SIZE];
        head.copy_from_slice(&ctx.scratch.bytes()[off..off + CMSGHDR_SIZE]);
        let raw = Raw(&head);
        let cmsg_len = raw.u64(0);
        let shown = usize::try_from(cmsg_len).map_or(left, |l| l.min(left));
        message(
            sink,
            ctx,
            raw,
            off + CMSGHDR_SIZE,
            shown.saturating_sub(CMSGHDR_SIZE),
        );
        if shown < CMSGHDR_SIZE {
            left -= CMSGHDR_SIZE;
            break;
        }
        // The next header starts at the 8-byte aligned end (CMSG_ALIGN). (strace 6.1 adds
        // the aligned length unchecked: for a `cmsg_len` above 2^64 - 8 it wraps to 0 and
        // prints the same header forever; here the walk ends.)
        match usize::try_from(cmsg_len)
            .ok()
            .and_then(|l| l.checked_add(7))
            .map(|l| l & !7)
        {
            Some(next) if next != 0 && next < left => {
                off += next;
                left -= next;
            }
            _ => {
                left = 0;
                break;
            }
        }
    }
    if left != 0 {
        sink.more();
        sink.addr_comment(addr.wrapping_add((size - left) as u64));
    } else if (size as u64) < len {
        sink.more();
    }
    sink.end_array();
}

/// One message: its header (`raw`) and the `data_len` bytes of data at `data` in the
/// scratch buffer, shown when its type is known and they are enough.
fn message<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    raw: Raw<'_>,
    data: usize,
    data_len: usize,
) {
    let (level, kind) = (raw.i32(8), raw.i32(12));
    sink.begin_struct();
    sink.field("cmsg_len");
    sink.uint(raw.u64(0));
    sink.field("cmsg_level");
    sink.enumeration(u64::from(level as u32), &CMSG_LEVELS);
    sink.field("cmsg_type");
    let kind_u = u64::from(kind as u32);
    match level {
        SOL_SOCKET => sink.enumeration(kind_u, &table::ENUM_SCM_TYPE),
        SOL_IP => sink.enumeration(kind_u, &table::ENUM_IP_CMSG_TYPE),
        _ => sink.hex(kind_u),
    }
    if let Some((form, _)) = data_of(level, kind).filter(|&(_, min)| data_len >= min) {
        sink.field("cmsg_data");
        cmsg_data(sink, ctx, form, data, data_len);
    }
    sink.end_struct(false);
}

/// The data of a known type, `len` bytes at `at` in the scratch buffer.
fn cmsg_data<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    form: Data,
    at: usize,
    len: usize,
) {
    // The fixed-size forms are copied out, so that showing them may use `ctx`.
    let mut fixed = [0u8; 128];
    let n = len.min(fixed.len());
    fixed[..n].copy_from_slice(&ctx.scratch.bytes()[at..at + n]);
    let raw = Raw(&fixed);
    match form {
        Data::Fds | Data::Uints => ints(sink, ctx, form, at, len / 4),
        Data::Bytes => ints(sink, ctx, form, at, len),
        Data::Creds => {
            sink.begin_struct();
            sink.field("pid");
            super::pid(sink, ctx, i64::from(raw.i32(0)), PidKind::Tgid);
            sink.field("uid");
            sink.id(raw.u32(4));
            sink.field("gid");
            sink.id(raw.u32(8));
            sink.end_struct(false);
        }
        Data::Text => sink.string(&ctx.scratch.bytes()[at..at + len], false),
        Data::Time(_) | Data::Times if len < 16 => sink.word("???"),
        Data::Time(frac) => timestamp(sink, raw, 0, frac),
        Data::Times if len < 48 => sink.word("???"),
        Data::Times => {
            sink.begin_array();
            for i in 0..3 {
                timestamp(sink, raw, 16 * i, "tv_nsec");
            }
            sink.end_array();
        }
        Data::PktInfo => {
            sink.begin_struct();
            sink.field("ipi_ifindex");
            ifindex(sink, raw.u32(0));
            sink.field("ipi_spec_dst");
            sink.ipv4(raw.array(4));
            sink.field("ipi_addr");
            sink.ipv4(raw.array(8));
            sink.end_struct(false);
        }
        Data::RecvErr => {
            sink.begin_struct();
            let fields = [("ee_errno", 0, 4), ("ee_origin", 4, 1), ("ee_type", 5, 1)];
            let more = [("ee_code", 6, 1), ("ee_info", 8, 4), ("ee_data", 12, 4)];
            for (name, off, width) in fields.into_iter().chain(more) {
                sink.field(name);
                let v = if width == 4 {
                    raw.u32(off)
                } else {
                    u32::from(fixed[off])
                };
                sink.uint(u64::from(v));
            }
            sink.field("offender");
            sockaddr_bytes(sink, ctx, &fixed[16..32]);
            sink.end_struct(false);
        }
        // At most a `struct sockaddr_storage`.
        Data::Addr => sockaddr_bytes(sink, ctx, &fixed[..n]),
    }
}

/// `{tv_sec=1, tv_usec=2}` at `off` of `raw`: the seconds signed, the fraction (`frac`)
/// unsigned.
fn timestamp<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, frac: &'static str) {
    sink.begin_struct();
    sink.field("tv_sec");
    sink.int(raw.i64(off));
    sink.field(frac);
    sink.uint(raw.u64(off + 8));
    sink.end_struct(false);
}

/// `n` numbers at `at` in the scratch buffer as strace's array printer shows a local array:
/// descriptors (`Fds`), `unsigned int`s (`Uints`) or bytes in hex (`Bytes`), at most `-s`
/// of them (all under `-v`).
fn ints<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, form: Data, at: usize, n: usize) {
    sink.begin_array();
    for i in 0..n {
        if i as u64 >= ctx.opts.max_elements() {
            sink.more();
            break;
        }
        let bytes = ctx.scratch.bytes();
        match form {
            Data::Bytes => sink.hex(u64::from(bytes[at + i])),
            Data::Fds => {
                let fd = Raw(&bytes[at + 4 * i..at + 4 * i + 4]).i32(0);
                super::fd(sink, ctx, fd);
            }
            _ => sink.uint(u64::from(Raw(&bytes[at + 4 * i..at + 4 * i + 4]).u32(0))),
        }
    }
    sink.end_array();
}
