//! Netlink attributes (`struct nlattr`, `<linux/netlink.h>`) as strace 6.1 shows them
//! (`src/nlattr.c`): a list of `{nla_len=8, nla_type=IFLA_MTU}` headers, each with its value
//! when it has one, and the values attributes and netlink structs hold. Which attribute
//! holds what is data (`[netlink.attrs.*]`, `[netlink.structs.*]` in `syscalls.toml`); here
//! are the walk and one printer per value kind.

use super::array::array;
use super::string::buffer;
use super::structs::{MAX_STRUCT, Raw};
use super::{Ctx, Group, Number, Quote, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, NlAttrSet, NlField, NlStruct, NlValue};

/// `sizeof(struct sock_filter)` (`<linux/filter.h>`).
const BPF_INSN_SIZE: u32 = 8;
/// `NLA_HDRLEN`: the header, aligned.
const NLA_HDRLEN: u32 = 4;
/// The flags an attribute type may carry (`<linux/netlink.h>`).
const NLA_F_NESTED: u16 = 0x8000;
const NLA_F_NET_BYTEORDER: u16 = 0x4000;
const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// What the values of a message's attributes may depend on.
#[derive(Debug, Default, Clone, Copy)]
pub struct AttrCtx {
    /// The message's address family (`AF_INET`...), for addresses in the family's form.
    pub family: Option<u8>,
}

/// The attributes of `set` in `len` bytes at `addr`: one as `{header}` or `[{header},
/// value]`, several in an array, at most `-s` of them, as strace walks them (the walk is
/// the messages', [`super::netlink::walk`]).
pub fn attrs<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    set: &NlAttrSet,
    addr: u64,
    len: u32,
    at: &AttrCtx,
) {
    let range = (addr, u64::from(len));
    let mut keys = Keys::default();
    super::netlink::walk(sink, ctx, range, NLA_HDRLEN, |sink, ctx, raw, addr, len| {
        let (nla_len, nla_type) = (raw.u16(0), raw.u16(2));
        let here = (addr, len as u32);
        one(sink, ctx, set, (nla_len, nla_type), here, (at, &keys));
        // A key's string, for the attributes after it (strace's `update_ctx_str`).
        let ty = nla_type & NLA_TYPE_MASK;
        let shown = u32::from(nla_len).min(len as u32);
        if shown > NLA_HDRLEN && set.keys.contains(&ty) {
            let value = addr.wrapping_add(u64::from(NLA_HDRLEN));
            keys.remember(ctx, ty, value, shown - NLA_HDRLEN);
        }
    });
}

/// The strings of a list's key attributes seen so far (`NlAttrSet::keys`).
#[derive(Default)]
struct Keys {
    seen: [Option<(u16, Key)>; MAX_KEYS],
}

/// `spec::netlink::MAX_KEYS` (a key past them is not remembered).
const MAX_KEYS: usize = 2;
/// The longest key string remembered, NUL included (strace's `ifla_linkinfo_ctx`).
const KEY_SIZE: usize = 64;

/// A key's string: its bytes up to a NUL, up to `KEY_SIZE - 1` of them.
struct Key {
    bytes: [u8; KEY_SIZE],
    len: usize,
}

impl Keys {
    /// Remembers the string of key `ty`, `len` bytes at `addr`: empty when it is longer
    /// than a key can be or cannot be read, else up to its first NUL.
    fn remember<M: Memory>(&mut self, ctx: &mut Ctx<'_, M>, ty: u16, addr: u64, len: u32) {
        let mut key = Key {
            bytes: [0; KEY_SIZE],
            len: 0,
        };
        let len = len as usize;
        if len < KEY_SIZE && ctx.mem.read(addr, &mut key.bytes[..len]).is_ok() {
            key.len = key.bytes[..len].iter().position(|&b| b == 0).unwrap_or(len);
        }
        let slot = self
            .seen
            .iter()
            .position(|k| k.as_ref().is_none_or(|(t, _)| *t == ty));
        if let Some(i) = slot {
            self.seen[i] = Some((ty, key));
        }
    }

    /// The value of a `ByKind` attribute by its key's string, if a case names it.
    fn case(&self, key: u16, cases: &[(&str, NlValue)]) -> Option<NlValue> {
        let (_, string) = self.seen.iter().flatten().find(|(t, _)| *t == key)?;
        let string = &string.bytes[..string.len];
        cases
            .iter()
            .find(|(name, _)| name.as_bytes() == string)
            .map(|(_, v)| *v)
    }
}

/// One attribute: its header, and its value (or its bytes in hex) when it has one; `len`
/// bytes at `addr` are left from its start.
fn one<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    set: &NlAttrSet,
    (nla_len, nla_type): (u16, u16),
    (addr, len): (u64, u32),
    (at, keys): (&AttrCtx, &Keys),
) {
    let shown = u32::from(nla_len).min(len);
    let has_value = shown > NLA_HDRLEN;
    if has_value {
        sink.begin_array();
    }
    sink.begin_struct();
    sink.field("nla_len");
    sink.uint(u64::from(nla_len));
    sink.field("nla_type");
    attr_type(sink, set, nla_type);
    sink.end_struct(false);
    if has_value {
        let (addr, len) = (addr.wrapping_add(u64::from(NLA_HDRLEN)), shown - NLA_HDRLEN);
        let v = match set.value(nla_type & NLA_TYPE_MASK) {
            Some(table::NlAttrValue {
                value: NlValue::ByKind { key, cases },
                ..
            }) => keys.case(key, cases).map(|value| table::NlAttrValue {
                value,
                then: None,
                then_hex: false,
            }),
            v => v,
        };
        let shown = match v {
            Some(v) => value_then(sink, ctx, v, addr, len, at),
            None => false,
        };
        if !shown {
            buffer(sink, ctx, addr, u64::from(len), true);
        }
        sink.end_array();
    }
}

/// `NLA_F_NESTED|IFLA_LINKINFO`.
fn attr_type<S: Sink>(sink: &mut S, set: &NlAttrSet, ty: u16) {
    let flags = ty & !NLA_TYPE_MASK;
    if flags != 0 {
        sink.open(Group::Or);
        for (bit, name) in [
            (NLA_F_NESTED, "NLA_F_NESTED"),
            (NLA_F_NET_BYTEORDER, "NLA_F_NET_BYTEORDER"),
        ] {
            if ty & bit != 0 {
                sink.constant(name, Number::Hex(u64::from(bit)));
            }
        }
    }
    let v = u64::from(ty & NLA_TYPE_MASK);
    match set.names {
        Some(names) => sink.enumeration(v, names),
        None => sink.hex(v),
    }
    if flags != 0 {
        sink.close();
    }
}

/// Prints the value `v` of an attribute, `len` bytes at `addr`. `false` when the value
/// does not fit its kind (the caller shows the bytes in hex then, as strace).
pub fn value<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: NlValue,
    addr: u64,
    len: u32,
    at: &AttrCtx,
) -> bool {
    let fixed = match fixed_size(v, len) {
        Ok(fixed) => fixed,
        Err(()) => return false,
    };
    if let Some(size) = fixed {
        if len < size {
            return false;
        }
        let mut raw = [0u8; MAX_STRUCT];
        let size = size as usize;
        if size > raw.len() || ctx.mem.read(addr, &mut raw[..size]).is_err() {
            super::netlink::unread(sink, addr);
            return true;
        }
        match v {
            NlValue::EtherProto => nla_ether_proto(sink, Raw(&raw[..size])),
            _ => fixed_value(sink, ctx, v, Raw(&raw[..size]), at),
        }
        return true;
    }
    variable_value(sink, ctx, v, addr, len, at)
}

/// An attribute's protocol in network order: strace's `decode_nla_ether_proto` calls an
/// unknown one `ETHER_P_???` (a struct field's is `ETH_P_???`, the table's).
fn nla_ether_proto<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let v = u64::from(raw.be16(0));
    let names = &table::ENUM_ETHERNET_PROTOCOL;
    sink.begin_wrap("htons");
    if names.name(v).is_some() {
        sink.enumeration(v, names);
    } else {
        sink.hex(v);
        sink.open(Group::NameComment);
        sink.word("ETHER_P_???");
        sink.close();
    }
    sink.end_wrap();
}

/// An attribute's value and the attributes after it, when its set says so (`then`).
fn value_then<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: table::NlAttrValue,
    addr: u64,
    len: u32,
    at: &AttrCtx,
) -> bool {
    if !value(sink, ctx, v.value, addr, len, at) {
        return false;
    }
    if let (true, Ok(Some(size))) = (v.then_hex, fixed_size(v.value, len))
        && len > size
    {
        let rest = addr.wrapping_add(u64::from(size));
        buffer(sink, ctx, rest, u64::from(len - size), true);
    }
    if let (Some(set), Ok(Some(size))) = (v.then, fixed_size(v.value, len)) {
        // At the value's size aligned to NLA_ALIGNTO (the kernel's NLMSG_ALIGN).
        let offset = (size + 3) & !3;
        if len > offset {
            attrs(
                sink,
                ctx,
                set,
                addr.wrapping_add(u64::from(offset)),
                len - offset,
                at,
            );
        }
    }
    true
}

/// The size a value of a fixed size takes in an attribute of `len` bytes, read whole (the
/// rest of a longer attribute is not shown, as strace); `None` for a value of the
/// attribute's size, `Err` when the attribute cannot hold the value.
fn fixed_size(v: NlValue, len: u32) -> Result<Option<u32>, ()> {
    Ok(match v {
        NlValue::Int { size, .. } => Some(u32::from(size)),
        NlValue::Xint if matches!(len, 1 | 2 | 4 | 8) => Some(len),
        NlValue::Xint => return Err(()),
        NlValue::Be16 | NlValue::NetPort | NlValue::EtherProto => Some(2),
        NlValue::Be64 => Some(8),
        NlValue::Fd
        | NlValue::Uid
        | NlValue::Ifindex
        | NlValue::InAddr
        | NlValue::Dev
        | NlValue::X32Padded => Some(4),
        NlValue::Cookie => Some(8),
        NlValue::BrMdbEntry => Some(super::netlink_route::BR_MDB_ENTRY_SIZE),
        NlValue::In6Addr => Some(16),
        // strace's `decode_nla_xval` and `decode_nla_flags` take at most 8 bytes.
        NlValue::Enum { longer, .. } | NlValue::Flags { longer, .. } if !longer && len > 8 => {
            return Err(());
        }
        NlValue::Enum { size, .. } | NlValue::Flags { size, .. } if size != 0 => {
            Some(u32::from(size))
        }
        // As wide as the attribute, up to 8 bytes.
        NlValue::Enum { .. } | NlValue::Flags { .. } | NlValue::IpProto | NlValue::ClockT => {
            if len > 8 {
                return Err(());
            }
            Some(len)
        }
        // An older, shorter form is read when the attribute is exactly as long.
        NlValue::Struct(st) if len < st.size && st.shorter.contains(&len) => Some(len),
        NlValue::Struct(st) => Some(st.size),
        _ => None,
    })
}

/// A value as long as its attribute (`len` bytes at `addr`); `false` when the attribute
/// cannot hold it.
fn variable_value<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: NlValue,
    addr: u64,
    len: u32,
    at: &AttrCtx,
) -> bool {
    match v {
        NlValue::Str => nla_str(sink, ctx, addr, len),
        NlValue::Strn => buffer(sink, ctx, addr, u64::from(len), false),
        NlValue::Cstr => nla_cstr(sink, ctx, addr, len),
        NlValue::Hwaddr => return hwaddr(sink, ctx, addr, len),
        NlValue::Bytes => array(sink, ctx, addr, u64::from(len), 1, |sink, _, raw| {
            sink.uint(u64::from(raw.0[0]))
        }),
        NlValue::Attrs(set) => attrs(sink, ctx, set, addr, len, at),
        NlValue::Structs(st) if st.size != 0 && len >= st.size => {
            let size = st.size as usize;
            array(
                sink,
                ctx,
                addr,
                u64::from(len / st.size),
                size,
                |sink, ctx, raw| fields(sink, ctx, st, raw, at),
            )
        }
        NlValue::InetAddr => inet_addr(sink, ctx, (addr, len), at.family, None),
        NlValue::Rtvia => return super::netlink_route::rtvia(sink, ctx, addr, len),
        NlValue::U32s if len >= 4 => {
            array(sink, ctx, addr, u64::from(len / 4), 4, |sink, _, raw| {
                sink.uint(u64::from(raw.u32(0)))
            })
        }
        NlValue::Groups if len >= 8 => {
            array(sink, ctx, addr, u64::from(len / 8), 8, |sink, _, raw| {
                sink.hex_padded(raw.u64(0), 16)
            })
        }
        NlValue::Indexed {
            table,
            size,
            signed,
        } if len >= u32::from(size) => indexed(sink, ctx, (addr, len), table, size, signed),
        NlValue::AttrsByFamily { sets, other } => {
            let own = sets.iter().find(|(f, _)| Some(*f) == at.family);
            match own.map(|(_, set)| *set).or(other) {
                Some(set) => attrs(sink, ctx, set, addr, len, at),
                None => return false,
            }
        }
        NlValue::U16s if len >= 2 => {
            array(sink, ctx, addr, u64::from(len / 2), 2, |sink, _, raw| {
                sink.uint(u64::from(raw.u16(0)))
            })
        }
        NlValue::RtaMultipath => return super::netlink_route::multipath(sink, ctx, addr, len, at),
        NlValue::InetDiagBcOp => return super::netlink_diag::bc_op(sink, ctx, addr, len, at),
        // strace's `decode_packet_diag_filter`: as many instructions as the kernel's
        // `unsigned short` count can be.
        NlValue::SockFilter => match u16::try_from(len / BPF_INSN_SIZE) {
            Ok(n) if n != 0 => super::bpf::sock_program(sink, ctx, addr, u64::from(n)),
            _ => return false,
        },
        _ => return false,
    }
    true
}

/// A value of a fixed size, its bytes read (`raw` as long as its kind says).
fn fixed_value<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: NlValue,
    raw: Raw<'_>,
    at: &AttrCtx,
) {
    let uint = || {
        let mut b = [0u8; 8];
        b[..raw.0.len().min(8)].copy_from_slice(&raw.0[..raw.0.len().min(8)]);
        u64::from_le_bytes(b)
    };
    match v {
        NlValue::Int { size, signed, hex } => {
            let u = uint();
            match (signed, hex) {
                (_, true) => sink.hex(u),
                (true, false) => {
                    let shift = 64 - 8 * u32::from(size);
                    sink.int(((u << shift) as i64) >> shift)
                }
                (false, false) => sink.uint(u),
            }
        }
        NlValue::Xint => sink.hex(uint()),
        NlValue::Be16 => {
            sink.begin_wrap("htons");
            sink.uint(u64::from(raw.be16(0)));
            sink.end_wrap();
        }
        NlValue::NetPort => sink.net_order(u64::from(raw.be16(0)), true),
        NlValue::Be64 => {
            sink.begin_wrap("htobe64");
            sink.uint(u64::from_be_bytes(raw.array(0)));
            sink.end_wrap();
        }
        NlValue::EtherProto => {
            sink.begin_wrap("htons");
            sink.enumeration(u64::from(raw.be16(0)), &table::ENUM_ETHERNET_PROTOCOL);
            sink.end_wrap();
        }
        NlValue::IpProto => sink.enumeration(uint(), &table::ENUM_IP_PROTOCOL),
        NlValue::Fd => super::fd(sink, ctx, raw.i32(0)),
        NlValue::Uid => sink.id(raw.u32(0)),
        NlValue::Ifindex => super::sockaddr::ifindex(sink, raw.u32(0)),
        NlValue::InAddr => sink.ipv4(raw.array(0)),
        NlValue::In6Addr => sink.ipv6(raw.array(0)),
        NlValue::ClockT => sink.clock_ticks(i128::from(uint())),
        NlValue::Enum { table, unknown, .. } if unknown => sink.enumeration(uint(), table),
        NlValue::Enum { table, .. } => sink.enumeration_or_hex(uint(), table),
        NlValue::Flags { table, .. } => sink.flags(uint(), table),
        NlValue::Struct(st) => fields(sink, ctx, st, raw, at),
        NlValue::X32Padded => sink.hex_padded(u64::from(raw.u32(0)), 8),
        NlValue::HexBytes => sink.hex_string(raw.0, false),
        NlValue::Mac => sink.mac_addr(raw.0),
        NlValue::X8Padded => sink.hex_padded(uint(), 2),
        NlValue::EnumVerbose(table) => sink.hex_named(uint(), table, true),
        NlValue::CstrField => match raw.0.iter().position(|&b| b == 0) {
            Some(end) => sink.string(&raw.0[..end], false),
            None => sink.string(raw.0, true),
        },
        // A struct's array of structs, as many as its bytes hold.
        NlValue::Structs(st) if st.size != 0 => {
            sink.begin_array();
            for one in raw.0.chunks_exact(st.size as usize) {
                fields(sink, ctx, st, Raw(one), at);
            }
            sink.end_array();
        }
        // A struct's array of counters, as many as its bytes hold.
        NlValue::Indexed {
            table,
            size,
            signed,
        } => {
            sink.begin_array();
            for (i, elem) in raw.0.chunks_exact(usize::from(size)).enumerate() {
                indexed_one(sink, table, i as u64, Raw(elem), signed);
            }
            sink.end_array();
        }
        NlValue::U8Array => {
            sink.begin_array();
            for &b in raw.0 {
                sink.uint(u64::from(b));
            }
            sink.end_array();
        }
        NlValue::BrMdbEntry => super::netlink_route::br_mdb_entry(sink, raw),
        NlValue::Cookie => {
            sink.begin_array();
            sink.uint(u64::from(raw.u32(0)));
            sink.uint(u64::from(raw.u32(4)));
            sink.end_array();
        }
        NlValue::Dev => {
            // glibc's major() and minor() of a 32-bit number.
            let dev = raw.u32(0);
            sink.dev((dev >> 8) & 0xfff, (dev & 0xff) | ((dev >> 12) & !0xff));
        }
        _ => {}
    }
}

/// A struct's fields from its bytes: `{ifa_prefered=1, ifa_valid=2, ...}`.
pub fn fields<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    st: &NlStruct,
    raw: Raw<'_>,
    at: &AttrCtx,
) {
    sink.begin_struct();
    for f in st.fields {
        field(sink, ctx, f, raw, at);
    }
    sink.end_struct(false);
}

/// One field of a struct whose bytes are `raw` (padding shows nothing).
pub fn field<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    f: &NlField,
    raw: Raw<'_>,
    at: &AttrCtx,
) {
    // Padding shows nothing; a field past the bytes (an older, shorter form) is not there.
    if matches!(f.value, NlValue::Pad(_)) || (f.offset + f.size) as usize > raw.0.len() {
        return;
    }
    let from = f.offset as usize;
    let to = from + f.size as usize;
    if f.if_nonzero && raw.0[from..to].iter().all(|&b| b == 0) {
        return;
    }
    if let NlValue::InetAddrField = f.value {
        return inet_addr_field(sink, &raw.0[from..to], at.family, f.name);
    }
    // A byte array as long as another field says, at most its own size.
    let to = match f.upto {
        Some((len_at, len_size)) => {
            let mut b = [0u8; 8];
            let len_bytes = raw.0.get(len_at as usize..(len_at + len_size) as usize);
            let n = len_bytes.map_or(0, |l| {
                b[..l.len().min(8)].copy_from_slice(&l[..l.len().min(8)]);
                u64::from_le_bytes(b)
            });
            from + (n as usize).min(to - from)
        }
        None => to,
    };
    sink.field(f.name);
    fixed_value(sink, ctx, f.value, Raw(&raw.0[from..to]), at);
}

/// An address of the message's `family`: `inet_addr("1.2.3.4")`, `inet_pton(AF_INET6,
/// "::1")`; of another family, or too short for its own, its bytes in hex (strace's
/// `decode_inet_addr`). With a `name`, the address stands for that field (`name=...`,
/// `inet_pton(AF_INET6, "::1", &name)`).
pub(super) fn inet_addr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    (addr, len): (u64, u32),
    family: Option<u8>,
    name: Option<&'static str>,
) {
    // AF_INET, AF_INET6 (<linux/socket.h>).
    let size = match family {
        Some(2) => 4,
        Some(10) => 16,
        _ => 0,
    };
    if size == 0 || len < size {
        if let Some(name) = name {
            sink.field(name);
        }
        return buffer(sink, ctx, addr, u64::from(len), true);
    }
    let mut raw = [0u8; 16];
    if ctx.mem.read(addr, &mut raw[..size as usize]).is_err() {
        if let Some(name) = name {
            sink.field(name);
        }
        return super::netlink::unread(sink, addr);
    }
    match (size, name) {
        (4, name) => {
            if let Some(name) = name {
                sink.field(name);
            }
            sink.ipv4(Raw(&raw).array(0));
        }
        (_, Some(name)) => sink.ipv6_field(name, raw),
        (_, None) => sink.ipv6(raw),
    }
}

/// A struct's address field `name` of `family` from its bytes (strace's
/// `print_inet_addr`): `name=inet_addr("1.2.3.4")`, `inet_pton(AF_INET6, "::1", &name)`;
/// of another family, or too short for its own, `name="\x01..."`.
fn inet_addr_field<S: Sink>(sink: &mut S, raw: &[u8], family: Option<u8>, name: &'static str) {
    // AF_INET, AF_INET6 (<linux/socket.h>).
    match (family, raw.len()) {
        (Some(2), 4..) => {
            sink.field(name);
            sink.ipv4_within(Raw(raw).array(0), raw);
        }
        (Some(10), 16..) => sink.ipv6_field(name, Raw(raw).array(0)),
        _ => {
            sink.field(name);
            sink.hex_string(raw, false);
        }
    }
}

/// A string attribute's bytes as strace reads them: up to `-s` and one more (which tells
/// whether the string goes on), in `ctx.scratch`; their count and how many are shown. `None`
/// when they were not there (the address shown then).
fn read_str<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u32,
) -> Option<(usize, usize)> {
    if addr == 0 {
        sink.addr(0);
        return None;
    }
    let limit = ctx.opts.max_strlen;
    let size = (len as usize).min(limit.saturating_add(1));
    if ctx.scratch.fill(ctx.mem, addr, size).is_err() {
        super::netlink::unread(sink, addr);
        return None;
    }
    Some((size, size.min(limit)))
}

/// A NUL-terminated string attribute (strace's `decode_nla_str`): its bytes up to `-s`, a
/// final NUL left out; without one it shows as cut (`...`), as the kernel ends these
/// strings with a NUL.
fn nla_str<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u32) {
    let Some((_, shown)) = read_str(sink, ctx, addr, len) else {
        return;
    };
    match &ctx.scratch.bytes()[..shown] {
        bytes @ [.., 0] => sink.quoted(bytes, false, Quote::TrailingNul),
        bytes => sink.string(bytes, len != 0),
    }
}

/// A string attribute shown up to its NUL (strace's `printstr_ex` with
/// `QUOTE_0_TERMINATED`): at most `-s` bytes, cut (`...`) when no NUL ends it there.
fn nla_cstr<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u32) {
    let Some((size, shown)) = read_str(sink, ctx, addr, len) else {
        return;
    };
    let buf = &ctx.scratch.bytes()[..size];
    match buf[..shown].iter().position(|&b| b == 0) {
        Some(end) => sink.string(&buf[..end], false),
        // A NUL right after the bytes shown ends the string too.
        None => sink.string(&buf[..shown], len != 0 && buf.get(shown) != Some(&0)),
    }
}

/// A hardware address (`MAX_ADDR_LEN` bytes at most): `00:11:22:33:44:55`.
fn hwaddr<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u32) -> bool {
    const MAX_ADDR_LEN: u32 = 32;
    if len > MAX_ADDR_LEN {
        return false;
    }
    let mut raw = [0u8; MAX_ADDR_LEN as usize];
    let raw = &mut raw[..len as usize];
    if ctx.mem.read(addr, raw).is_err() {
        super::netlink::unread(sink, addr);
    } else {
        sink.mac_addr(raw);
    }
    true
}

/// Integers of `size` bytes (4 or 8) in `len` bytes at `addr`, each with its index named
/// by `names` (strace's `print_array_ex` with `PAF_PRINT_INDICES`): `[[SK_MEMINFO_RMEM_ALLOC]=0,
/// ...]`, an index the table does not name in decimal with the table's comment
/// (`[9 /* SK_MEMINFO_??? */]=0`).
fn indexed<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    (addr, len): (u64, u32),
    names: &'static table::EnumTable,
    size: u8,
    signed: bool,
) {
    let mut i = 0u64;
    let n = len / u32::from(size);
    array(
        sink,
        ctx,
        addr,
        u64::from(n),
        usize::from(size),
        |sink, _, raw| {
            indexed_one(sink, names, i, raw, signed);
            i += 1;
        },
    );
}

/// One of [`indexed`]'s counters, number `i`, its bytes `raw` (4 or 8 of them).
fn indexed_one<S: Sink>(
    sink: &mut S,
    names: &'static table::EnumTable,
    i: u64,
    raw: Raw<'_>,
    signed: bool,
) {
    sink.open(Group::Index);
    sink.enumeration_u(i, names);
    match (raw.0.len(), signed) {
        (4, true) => sink.int(i64::from(raw.i32(0))),
        (4, false) => sink.uint(u64::from(raw.u32(0))),
        _ => sink.uint(raw.u64(0)),
    }
    sink.close();
}
