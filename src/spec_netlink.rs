//! The `[netlink]` part of `syscalls.toml`: how the messages of each netlink protocol decode
//! (strace's `src/netlink.c` keeps the same facts in tables): the names of the message types,
//! which `NLM_F_*` set each type's flags are read with, and which decoder reads what follows
//! the header. Included by `spec.rs`; its checks run with the others.

use serde::Deserialize;
use std::collections::BTreeMap;

/// `[netlink]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Netlink {
    /// By protocol (a name of `[enums.netlink_protocol]`): its message types.
    #[serde(default)]
    pub protocols: BTreeMap<String, MessageTypes>,
    /// By netfilter subsystem (a name of `[enums.nl_netfilter_subsys_ids]`): the types of its
    /// messages (a netfilter message type is the subsystem in its high byte and one of these
    /// in its low byte).
    #[serde(default)]
    pub netfilter: BTreeMap<String, MessageTypes>,
    /// Attribute sets (`struct nlattr` lists): by name, the names of the attribute types and
    /// the value each type holds.
    #[serde(default)]
    pub attrs: BTreeMap<String, AttrSet>,
    /// Structs that attributes and messages hold, by name: their fields in order.
    #[serde(default)]
    pub structs: BTreeMap<String, Struct>,
    /// rtnetlink's messages, by name: the struct each type starts with (an address family
    /// first) and the attributes after it.
    #[serde(default)]
    pub route: BTreeMap<String, RouteMessage>,
    /// sock_diag's messages, by name: the struct a request or an answer about sockets of an
    /// address family starts with (the family first) and the attributes after it.
    #[serde(default)]
    pub sock_diag: BTreeMap<String, DiagMessage>,
}

/// `[netlink.sock_diag.NAME]`: a request (`NLM_F_REQUEST`) or an answer about sockets of
/// one address family (strace's `src/netlink_*_diag.c`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagMessage {
    /// The `[netlink.structs.*]` struct it starts with, whose first field is the family.
    #[serde(rename = "struct")]
    pub of: String,
    /// The `[netlink.attrs.*]` set of the attributes after the struct.
    pub attrs: Option<String>,
    /// The family, or families (names of `[enums.address_family]`).
    pub family: Families,
    /// A request (else an answer).
    pub request: bool,
    /// The message types (names of `[enums.nl_sock_diag_types]`) it is for, before a
    /// message of the same family without types (none: any type).
    #[serde(default)]
    pub types: Vec<String>,
    /// The family of the addresses its struct and attributes hold, when not the message's
    /// (`AF_SMC` sockets keep `AF_INET` addresses).
    pub addr_family: Option<String>,
}

/// One family or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Families {
    One(String),
    Many(Vec<String>),
}

impl Families {
    pub fn names(&self) -> &[String] {
        match self {
            Families::One(f) => std::slice::from_ref(f),
            Families::Many(fs) => fs,
        }
    }
}

/// `[netlink.route.NAME]`: a kind of rtnetlink message (strace's `src/rtnl_*.c`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteMessage {
    /// The `[netlink.structs.*]` struct it starts with, whose first field is the family.
    #[serde(rename = "struct")]
    pub of: String,
    /// The `[netlink.attrs.*]` set of the attributes after the struct (aligned to 4 bytes).
    pub attrs: Option<String>,
    /// The message types (names of `[enums.nl_route_types]`) that are this kind.
    pub types: Vec<String>,
    /// Families (names of the family field's table) whose messages of these types are
    /// another kind (`[netlink.route.*]`): `RTM_GETNEIGH` of `AF_BRIDGE` is a link's.
    #[serde(default)]
    pub family: BTreeMap<String, String>,
    /// The attribute set by the message's family (names of the family field's table), in
    /// place of `attrs`: another family's attributes show in hex (strace's
    /// `decode_nla_af_spec`).
    #[serde(default)]
    pub attrs_by_family: BTreeMap<String, String>,
}

/// `[netlink.attrs.NAME]`: the attributes of one kind of message or nested attribute.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttrSet {
    /// The `[enums.*]` table naming the types (none: the types in hex).
    pub names: Option<String>,
    /// By type name (of `names`): what the attribute holds. Other types show in hex.
    #[serde(default)]
    pub values: BTreeMap<String, Value>,
}

/// `[netlink.structs.NAME]`: a C struct, `size` bytes, its fields at their natural alignment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Struct {
    /// The bytes read: `sizeof`, or the end of the last field when strace reads no further.
    pub size: u32,
    /// The sizes of older, shorter forms of the struct: an attribute of exactly one of these
    /// lengths shows the fields that fit in it (strace's `rtnl_link_stats`, `ndt_stats`).
    #[serde(default)]
    pub shorter: Vec<u32>,
    /// Each field's value, with its `name`.
    pub fields: Vec<ValueSpec>,
}

/// What an attribute or a field holds: a kind (`"u32"`), or a kind with what it needs
/// (`{ kind = "enum", table = "routing_scopes", size = 1 }`).
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum Value {
    Kind(String),
    Full(Box<ValueSpec>),
}

/// See [`Value`].
#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct ValueSpec {
    /// A struct field's name (fields only).
    pub name: Option<String>,
    /// A struct field's offset, when strace shows the fields in another order than the
    /// struct has them (fields only; the others follow the one before them in the list).
    pub at: Option<u32>,
    /// A struct field shown only when one of its bytes is not zero (reserved padding).
    pub if_nonzero: Option<bool>,
    pub kind: String,
    /// The `[enums.*]` (`enum`) or `[flags.*]` (`flags`) table.
    pub table: Option<String>,
    /// How many bytes an `enum` or `flags` value takes (in an attribute: at least; without
    /// one, an attribute's value is as long as the attribute, up to 8 bytes); a `pad`'s size.
    pub size: Option<u32>,
    /// An `enum` value the table does not name has the table's comment (default), or none.
    pub unknown: Option<bool>,
    /// An `enum` or `flags` attribute longer than 8 bytes shows its first `size` (strace's
    /// own decoders of some, such as `RTA_TABLE`'s); by default it shows in hex (strace's
    /// `decode_nla_xval`, `decode_nla_flags`).
    pub longer: Option<bool>,
    /// The `[netlink.attrs.*]` set of an `attrs` value (nested attributes); of an
    /// `attrs_by_family` value, the set of the families `sets` does not name (none: those
    /// show in hex).
    pub set: Option<String>,
    /// An `attrs_by_family` value's sets by the message's address family (names of
    /// `[enums.address_family]`): strace's `decode_nla_af_spec`.
    pub sets: Option<BTreeMap<String, String>>,
    /// The `[netlink.structs.*]` struct of a `struct` value.
    #[serde(rename = "struct")]
    pub of: Option<String>,
    /// For a value of a fixed size in an attribute: the `[netlink.attrs.*]` set of the
    /// attributes after it (at its size aligned to 4 bytes), shown beside it.
    pub then: Option<String>,
    /// For a value of a fixed size in an attribute: the bytes after it (at its size) shown
    /// in hex beside it (strace's `decode_ifla_bridge_vlan_info`).
    pub then_hex: Option<bool>,
    /// A `hex_bytes` struct field shown up to the value of this earlier integer field of
    /// the struct, at most its own size (strace's `PRINT_FIELD_HEX_ARRAY_UPTO`, a
    /// `pdmc_addr` of `pdmc_alen` bytes).
    pub len: Option<String>,
    /// A `by_kind` attribute's key: the type (a name of its set's `names`) of the attribute
    /// before it in the same list whose string names its kind (strace's
    /// `ifla_linkinfo_ctx`: `IFLA_INFO_DATA` by `IFLA_INFO_KIND`).
    pub key: Option<String>,
    /// A `by_kind` attribute's value by the key's string; another string's shows in hex.
    pub cases: Option<BTreeMap<String, Value>>,
}

impl Value {
    pub fn spec(&self) -> ValueSpec {
        match self {
            Value::Kind(kind) => ValueSpec {
                kind: kind.clone(),
                ..ValueSpec::default()
            },
            Value::Full(spec) => (**spec).clone(),
        }
    }
}

/// What a value kind needs besides its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    EnumTable,
    FlagTable,
    Set,
    Struct,
    /// A `size` (a `pad`, a byte array).
    Size,
    /// `sets` (and maybe `set`).
    FamilySets,
    /// `key` and `cases` (an attribute's only).
    Cases,
}

/// The value kinds: name, what it needs, its size in a struct (`None`: it cannot be a
/// field, its size is the attribute's). The printers are in `src/decode/netlink_attr.rs`.
pub const VALUE_KINDS: &[(&str, Needs, Option<u32>)] = &[
    ("u8", Needs::Nothing, Some(1)),
    ("u16", Needs::Nothing, Some(2)),
    ("u32", Needs::Nothing, Some(4)),
    ("u64", Needs::Nothing, Some(8)),
    ("s8", Needs::Nothing, Some(1)),
    ("s16", Needs::Nothing, Some(2)),
    ("s32", Needs::Nothing, Some(4)),
    ("s64", Needs::Nothing, Some(8)),
    ("x8", Needs::Nothing, Some(1)),
    ("x16", Needs::Nothing, Some(2)),
    ("x32", Needs::Nothing, Some(4)),
    ("x64", Needs::Nothing, Some(8)),
    ("xint", Needs::Nothing, None),
    ("str", Needs::Nothing, None),
    ("strn", Needs::Nothing, None),
    ("be16", Needs::Nothing, Some(2)),
    ("net_port", Needs::Nothing, Some(2)),
    ("be64", Needs::Nothing, Some(8)),
    ("fd", Needs::Nothing, Some(4)),
    ("uid", Needs::Nothing, Some(4)),
    ("ifindex", Needs::Nothing, Some(4)),
    ("in_addr", Needs::Nothing, Some(4)),
    ("in6_addr", Needs::Nothing, Some(16)),
    ("clock_t", Needs::Nothing, None),
    ("hwaddr", Needs::Nothing, None),
    ("ether_proto", Needs::Nothing, Some(2)),
    ("ip_proto", Needs::Nothing, None),
    ("bytes", Needs::Nothing, None),
    ("indexed_s32", Needs::EnumTable, None),
    ("indexed_u32", Needs::EnumTable, None),
    ("indexed_u64", Needs::EnumTable, None),
    ("enum", Needs::EnumTable, None),
    ("flags", Needs::FlagTable, None),
    ("attrs", Needs::Set, None),
    ("inet_addr", Needs::Nothing, None),
    ("cookie", Needs::Nothing, Some(8)),
    ("u32s", Needs::Nothing, None),
    ("groups", Needs::Nothing, None),
    ("dev", Needs::Nothing, Some(4)),
    ("u16s", Needs::Nothing, None),
    ("x32_padded", Needs::Nothing, Some(4)),
    ("x8_padded", Needs::Nothing, Some(1)),
    ("cstr_field", Needs::Size, None),
    ("enum_verbose", Needs::EnumTable, None),
    ("br_mdb_entry", Needs::Nothing, Some(28)),
    ("rtvia", Needs::Nothing, None),
    ("inet_diag_bc_op", Needs::Nothing, None),
    ("hex_bytes", Needs::Size, None),
    ("cstr", Needs::Nothing, None),
    ("rta_multipath", Needs::Nothing, None),
    ("struct", Needs::Struct, None),
    ("structs", Needs::Struct, None),
    ("pad", Needs::Size, None),
    ("mac", Needs::Size, None),
    ("inet_addr_field", Needs::Size, None),
    ("u8_array", Needs::Size, None),
    ("attrs_by_family", Needs::FamilySets, None),
    ("sock_filter", Needs::Nothing, None),
    ("by_kind", Needs::Cases, None),
];

/// The most keys (`by_kind`) one attribute set remembers.
pub const MAX_KEYS: usize = 2;

/// The message types of one protocol (or netfilter subsystem), from `NLMSG_MIN_TYPE` up.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageTypes {
    /// The `[enums.*]` table naming them (its `unknown` names the rest).
    pub types: String,
    /// Where their names come from.
    #[serde(default)]
    pub names: Naming,
    /// `[flags.*]` tables and the types (names of `types`) whose flags they split.
    #[serde(default)]
    pub flags: BTreeMap<String, Vec<String>>,
    /// For the other types, the flag table by the type's two low bits (rtnetlink numbers its
    /// types NEW, DEL, GET, SET in turn); `""` for none.
    #[serde(default)]
    pub flags_by_low_bits: Vec<String>,
    /// For the types no rule above gives a table: this one.
    pub flags_other: Option<String>,
    /// What decodes the payload after the header (none: the bytes in hex).
    pub payload: Option<Payload>,
}

/// Where message types get their names.
#[derive(Debug, Default, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Naming {
    /// From the `types` table.
    #[default]
    Table,
    /// From the kernel's list of generic netlink families (numbered when registered), the
    /// `types` table only giving the name of an unknown one.
    GenericFamilies,
    /// A netfilter subsystem from the `types` table, shifted, or'ed with its own message
    /// type from `[netlink.netfilter]`: `NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET`.
    Netfilter,
}

/// The payload decoders (`src/decode/netlink*.rs`).
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Payload {
    Route,
    SockDiag,
    Netfilter,
    Selinux,
}

/// The bits of an attribute's type that are the type (`NLA_TYPE_MASK`, `<linux/netlink.h>`).
const NLA_TYPE_MASK: u16 = 0x3fff;
/// The largest struct decoded (`decode::structs::MAX_STRUCT`).
const MAX_STRUCT: u32 = 512;

/// The most rules of `flags_by_low_bits`: two bits.
const LOW_BITS: usize = 4;

/// Checks the netlink section against the tables it names.
pub fn check(spec: &super::Spec) -> Result<(), String> {
    let netlink = &spec.netlink;
    // Protocols are below MAX_LINKS (32, net/netlink/af_netlink.h), subsystems one byte.
    for (section, by, list, max) in [
        ("protocols", "netlink_protocol", &netlink.protocols, 31),
        (
            "netfilter",
            "nl_netfilter_subsys_ids",
            &netlink.netfilter,
            0xff,
        ),
    ] {
        for (name, types) in list {
            let label = format!("netlink.{section}.{name}");
            match enum_value(spec, by, name) {
                None => return Err(format!("{label}: no {name} in [enums.{by}]")),
                Some(v) if !(0..=max).contains(&v) => {
                    return Err(format!("{label}: {name} is {v}, not in 0..={max}"));
                }
                Some(_) => {}
            }
            check_types(spec, &label, types)?;
            if section == "netfilter" && (types.payload.is_some() || types.names != Naming::Table) {
                return Err(format!(
                    "{label}: a netfilter subsystem names its types from its table and has no payload of its own"
                ));
            }
        }
    }
    check_values(spec)?;
    check_no_cycles(spec)?;
    check_route(spec)
}

/// `[netlink.route]`: structs that start with a family byte, attribute sets and types that
/// exist, each type one kind's, other kinds that exist.
fn check_route(spec: &super::Spec) -> Result<(), String> {
    let netlink = &spec.netlink;
    let mut kinds_of = BTreeMap::new();
    for (name, msg) in &netlink.route {
        let label = format!("netlink.route.{name}");
        check_family_struct(spec, &label, &msg.of, msg.attrs.as_deref())?;
        for ty in &msg.types {
            match enum_value(spec, "nl_route_types", ty) {
                Some(v) if (0..=0xffff).contains(&v) => {}
                _ => {
                    return Err(format!(
                        "{label}: no {ty} of 16 bits in [enums.nl_route_types]"
                    ));
                }
            }
            if let Some(other) = kinds_of.insert(ty.clone(), name) {
                return Err(format!("{label}: {ty} is also a {other}"));
            }
        }
        for (family, set) in &msg.attrs_by_family {
            family_value(spec, &label, &msg.of, family)?;
            if !netlink.attrs.contains_key(set) {
                return Err(format!(
                    "{label}: family {family}: no [netlink.attrs.{set}]"
                ));
            }
        }
        if !msg.attrs_by_family.is_empty() && msg.attrs.is_some() {
            return Err(format!("{label}: `attrs` or `attrs_by_family`, not both"));
        }
        for (family, other) in &msg.family {
            family_value(spec, &label, &msg.of, family)?;
            if !netlink.route.contains_key(other) || !netlink.route[other].family.is_empty() {
                return Err(format!(
                    "{label}: family {family}: no [netlink.route.{other}] without families of its own"
                ));
            }
        }
    }
    let mut diag = BTreeMap::new();
    for (name, msg) in &netlink.sock_diag {
        let label = format!("netlink.sock_diag.{name}");
        check_family_struct(spec, &label, &msg.of, msg.attrs.as_deref())?;
        let mut types = Vec::new();
        for ty in &msg.types {
            match enum_value(spec, "nl_sock_diag_types", ty) {
                Some(v) if (0..=0xffff).contains(&v) => types.push(v),
                _ => {
                    return Err(format!(
                        "{label}: no {ty} of 16 bits in [enums.nl_sock_diag_types]"
                    ));
                }
            }
        }
        if let Some(f) = &msg.addr_family
            && family_of(spec, f).is_none()
        {
            return Err(format!(
                "{label}: no {f} of 8 bits in [enums.address_family]"
            ));
        }
        for f in msg.family.names() {
            let family = family_value(spec, &label, &msg.of, f)?;
            if let Some(other) = diag.insert((family, msg.request, types.clone()), name) {
                return Err(format!("{label}: {f} is also {other}'s"));
            }
        }
    }
    Ok(())
}

/// A family message's struct starts with a one-byte family; its attribute set exists.
fn check_family_struct(
    spec: &super::Spec,
    label: &str,
    of: &str,
    attrs: Option<&str>,
) -> Result<(), String> {
    let netlink = &spec.netlink;
    let Some(st) = netlink.structs.get(of) else {
        return Err(format!("{label}: no struct [netlink.structs.{of}]"));
    };
    let first = st.fields.first().and_then(|f| value_size(spec, f));
    if first != Some(1) {
        return Err(format!(
            "{label}: struct {of} does not start with a one-byte family"
        ));
    }
    if let Some(set) = attrs
        && !netlink.attrs.contains_key(set)
    {
        return Err(format!("{label}: no attributes [netlink.attrs.{set}]"));
    }
    Ok(())
}

/// The value of an address family of 8 bits.
pub fn family_value(
    spec: &super::Spec,
    label: &str,
    of: &str,
    family: &str,
) -> Result<i64, String> {
    // The names of the struct's family field (its first), else the address families.
    let table = spec
        .netlink
        .structs
        .get(of)
        .and_then(|st| st.fields.first())
        .and_then(|f| f.table.clone())
        .unwrap_or_else(|| "address_family".to_string());
    match enum_value(spec, &table, family) {
        Some(v) if (0..=0xff).contains(&v) => Ok(v),
        _ => Err(format!("{label}: no {family} of 8 bits in [enums.{table}]")),
    }
}

/// No attribute set or struct holds itself, however deep: decoding follows what they hold.
fn check_no_cycles(spec: &super::Spec) -> Result<(), String> {
    let netlink = &spec.netlink;
    // What a value refers to: ("attrs" or "structs", name).
    let refers = |v: &ValueSpec| -> Vec<(&'static str, String)> {
        let own = match v.kind.as_str() {
            "attrs" | "attrs_by_family" => v.set.clone().map(|s| ("attrs", s)),
            "struct" | "structs" => v.of.clone().map(|s| ("structs", s)),
            _ => None,
        };
        let by_family = v
            .sets
            .iter()
            .flat_map(|m| m.values().map(|s| ("attrs", s.clone())));
        let cases = v.cases.iter().flat_map(|c| {
            c.values().flat_map(|case| {
                let case = case.spec();
                match case.kind.as_str() {
                    "attrs" => case.set.map(|s| ("attrs", s)),
                    "struct" | "structs" => case.of.map(|s| ("structs", s)),
                    _ => None,
                }
            })
        });
        own.into_iter()
            .chain(by_family)
            .chain(cases)
            .chain(v.then.clone().map(|t| ("attrs", t)))
            .collect()
    };
    let held = |(section, name): &(&str, String)| -> Vec<(&'static str, String)> {
        match *section {
            "attrs" => netlink.attrs.get(name).map_or(Vec::new(), |set| {
                set.values
                    .values()
                    .flat_map(|v| refers(&v.spec()))
                    .collect()
            }),
            _ => netlink
                .structs
                .get(name)
                .map_or(Vec::new(), |st| st.fields.iter().flat_map(refers).collect()),
        }
    };
    let starts = netlink
        .attrs
        .keys()
        .map(|n| ("attrs", n.clone()))
        .chain(netlink.structs.keys().map(|n| ("structs", n.clone())));
    for start in starts {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = held(&start);
        while let Some(next) = todo.pop() {
            if next == start {
                return Err(format!("netlink.{}.{}: holds itself", start.0, start.1));
            }
            if seen.insert(next.clone()) {
                todo.extend(held(&next));
            }
        }
    }
    Ok(())
}

/// The checks of `[netlink.attrs]` and `[netlink.structs]`.
fn check_values(spec: &super::Spec) -> Result<(), String> {
    let netlink = &spec.netlink;
    for (name, set) in &netlink.attrs {
        let label = format!("netlink.attrs.{name}");
        if let Some(names) = &set.names
            && !spec.enums.contains_key(names)
        {
            return Err(format!("{label}: field `names`: no table [enums.{names}]"));
        }
        for (ty, value) in &set.values {
            let at = format!("{label}: field `values.{ty}`");
            let number = match &set.names {
                Some(names) => enum_value(spec, names, ty)
                    .ok_or_else(|| format!("{at}: no {ty} in [enums.{names}]"))?,
                None => ty
                    .parse()
                    .map_err(|_| format!("{at}: a set without names gives types as numbers"))?,
            };
            if !(0..=i64::from(NLA_TYPE_MASK)).contains(&number) {
                return Err(format!(
                    "{at}: {number} is no attribute type (0..={NLA_TYPE_MASK:#x})"
                ));
            }
            let value = value.spec();
            if value.name.is_some()
                || value.at.is_some()
                || value.if_nonzero.is_some()
                || value.len.is_some()
            {
                return Err(format!("{at}: only a struct field has a name"));
            }
            check_value(spec, &at, &value, false)?;
            if value.kind == "by_kind" {
                check_key(set, &at, &value)?;
            }
        }
        let keys: std::collections::BTreeSet<_> =
            set.values.values().filter_map(|v| v.spec().key).collect();
        if keys.len() > MAX_KEYS {
            return Err(format!(
                "{label}: more than {MAX_KEYS} keys of `by_kind` values"
            ));
        }
    }
    for (name, st) in &netlink.structs {
        let label = format!("netlink.structs.{name}");
        for field in &st.fields {
            let Some(name) = &field.name else {
                return Err(format!("{label}: a field without a name"));
            };
            check_value(spec, &format!("{label}: field `{name}`"), field, true)?;
            if let Some(len) = &field.len {
                check_len_field(spec, st, &format!("{label}: field `{name}`"), field, len)?;
            }
        }
        if st.size > MAX_STRUCT {
            return Err(format!(
                "{label}: {} bytes, more than the {MAX_STRUCT} a struct is read in",
                st.size
            ));
        }
        // strace reads either `sizeof` or up to the last field's end (`offsetofend`).
        let layout = struct_layout(spec, st);
        if !layout
            .as_ref()
            .is_some_and(|(_, end, size)| [*end, *size].contains(&st.size))
        {
            return Err(format!(
                "{label}: its fields at their natural alignment make {} bytes, not {}",
                layout.map_or("no whole number of".to_string(), |(_, _, s)| s.to_string()),
                st.size
            ));
        }
        if let Some(short) = st.shorter.iter().find(|s| **s >= st.size) {
            return Err(format!(
                "{label}: field `shorter`: {short} bytes, no shorter than the struct"
            ));
        }
    }
    Ok(())
}

/// A `by_kind` value's key: a string attribute of the same set.
fn check_key(set: &AttrSet, at: &str, value: &ValueSpec) -> Result<(), String> {
    let key = value.key.as_deref().unwrap_or_default();
    let is_string = set
        .values
        .get(key)
        .is_some_and(|k| matches!(k.spec().kind.as_str(), "str" | "cstr" | "strn"));
    if set.names.is_none() || !is_string {
        return Err(format!(
            "{at}: field `key`: `{key}` is no string attribute of the set"
        ));
    }
    Ok(())
}

/// A field's `len`: a `hex_bytes` field's, naming an unsigned integer field before it.
fn check_len_field(
    spec: &super::Spec,
    st: &Struct,
    at: &str,
    field: &ValueSpec,
    len: &str,
) -> Result<(), String> {
    let before = st.fields.iter().take_while(|f| !std::ptr::eq(*f, field));
    let named = before.clone().find(|f| f.name.as_deref() == Some(len));
    let ok = field.kind == "hex_bytes"
        && named.is_some_and(|f| {
            matches!(f.kind.as_str(), "u8" | "u16" | "u32") && value_size(spec, f).is_some()
        });
    if !ok {
        return Err(format!(
            "{at}: field `len`: a `hex_bytes` field's, naming an earlier u8, u16 or u32 field"
        ));
    }
    Ok(())
}

/// Checks one value: its kind exists and has what it needs.
fn check_value(spec: &super::Spec, at: &str, v: &ValueSpec, in_struct: bool) -> Result<(), String> {
    let Some(&(_, needs, field_size)) = VALUE_KINDS.iter().find(|(k, ..)| *k == v.kind) else {
        return Err(format!("{at}: no value kind `{}`", v.kind));
    };
    let table = v.table.as_deref();
    let set_exists = |s: &String| spec.netlink.attrs.contains_key(s);
    let ok = match needs {
        Needs::Nothing => {
            table.is_none() && v.set.is_none() && v.of.is_none() && v.longer.is_none()
        }
        Needs::FamilySets => {
            v.sets.as_ref().is_some_and(|sets| {
                !sets.is_empty()
                    && sets
                        .iter()
                        .all(|(family, set)| family_of(spec, family).is_some() && set_exists(set))
            }) && v.set.as_ref().is_none_or(set_exists)
        }
        Needs::EnumTable => table.is_some_and(|t| spec.enums.contains_key(t)),
        Needs::FlagTable => table.is_some_and(|t| spec.flags.contains_key(t)),
        Needs::Set => v.set.as_ref().is_some_and(set_exists),
        Needs::Struct => {
            v.of.as_ref()
                .is_some_and(|s| spec.netlink.structs.contains_key(s))
        }
        Needs::Size => v.size.is_some(),
        Needs::Cases => !in_struct && v.cases.as_ref().is_some_and(|c| !c.is_empty()),
    };
    if !ok
        || (v.sets.is_some() && needs != Needs::FamilySets)
        || ((v.cases.is_some() || v.key.is_some()) && needs != Needs::Cases)
    {
        return Err(format!(
            "{at}: kind `{}` needs {:?} (an existing one) and nothing else",
            v.kind, needs
        ));
    }
    if let (Some(size), Some(elem)) = (v.size, indexed_elem_size(&v.kind)) {
        if size == 0 || size % elem != 0 {
            return Err(format!(
                "{at}: field `size`: {size} bytes are no whole number of {elem}-byte counters"
            ));
        }
    } else if let (Some(size), "structs") = (v.size, v.kind.as_str()) {
        let one =
            v.of.as_ref()
                .and_then(|s| spec.netlink.structs.get(s))
                .map_or(0, |s| s.size);
        if one == 0 || size % one != 0 {
            return Err(format!(
                "{at}: field `size`: {size} bytes are no whole number of its struct"
            ));
        }
    } else if let Some(size) = v.size
        && !matches!(size, 1 | 2 | 4 | 8)
        && needs != Needs::Size
    {
        return Err(format!("{at}: field `size`: {size} is no integer's size"));
    }
    if let Some(then) = &v.then
        && (in_struct || value_size(spec, v).is_none() || !spec.netlink.attrs.contains_key(then))
    {
        return Err(format!(
            "{at}: field `then`: an attribute's value of a fixed size, then a set that exists"
        ));
    }
    if v.then_hex.is_some() && (in_struct || value_size(spec, v).is_none() || v.then.is_some()) {
        return Err(format!(
            "{at}: field `then_hex`: an attribute's value of a fixed size, without `then`"
        ));
    }
    for (name, case) in v.cases.iter().flatten() {
        let case = case.spec();
        if case.kind == "by_kind" || case.then.is_some() || case.then_hex.is_some() {
            return Err(format!(
                "{at}: field `cases.{name}`: a value of its own, without `then`"
            ));
        }
        check_value(spec, &format!("{at}: field `cases.{name}`"), &case, false)?;
    }
    if in_struct && field_size.is_none() && value_size(spec, v).is_none() {
        return Err(format!(
            "{at}: kind `{}` has no size of its own: it cannot be a struct field",
            v.kind
        ));
    }
    Ok(())
}

/// The size of an indexed kind's counters (`indexed_u64`: 8); `None` for another kind. In a
/// struct, such a value's `size` is the field's bytes.
pub fn indexed_elem_size(kind: &str) -> Option<u32> {
    match kind {
        "indexed_s32" | "indexed_u32" => Some(4),
        "indexed_u64" => Some(8),
        _ => None,
    }
}

/// The bytes a value takes in a struct, and its alignment.
pub fn value_size(spec: &super::Spec, v: &ValueSpec) -> Option<u32> {
    if indexed_elem_size(&v.kind).is_some() {
        return v.size;
    }
    match v.kind.as_str() {
        "enum" | "flags" | "pad" | "hex_bytes" | "mac" | "u8_array" | "inet_addr_field"
        | "cstr_field" | "enum_verbose" => v.size,
        // In a struct, an array of `size` bytes of the struct.
        "structs" => v.size,
        "struct" => spec.netlink.structs.get(v.of.as_ref()?).map(|s| s.size),
        kind => VALUE_KINDS.iter().find(|(k, ..)| *k == kind)?.2,
    }
}

/// The offsets of a struct's fields (each at its natural alignment: its size, up to 8, a
/// struct's at 4; a pad at 1; or where its `at` says), and where its last byte ends and
/// that rounded to the largest alignment (`sizeof`).
pub fn struct_layout(spec: &super::Spec, st: &Struct) -> Option<(Vec<u32>, u32, u32)> {
    let mut offsets = Vec::with_capacity(st.fields.len());
    let (mut at, mut max_align, mut end) = (0u32, 1u32, 0u32);
    for v in &st.fields {
        let size = value_size(spec, v)?;
        let align = match v.kind.as_str() {
            kind if indexed_elem_size(kind).is_some() => indexed_elem_size(kind)?,
            "pad" | "hex_bytes" | "mac" | "u8_array" | "cstr_field" => 1,
            "structs" => 4,
            "inet_addr_field" => 4,
            "struct" | "in6_addr" | "cookie" => 4,
            _ => size.clamp(1, 8),
        };
        max_align = max_align.max(align);
        at = match v.at {
            Some(fixed) => fixed,
            None => at.div_ceil(align).checked_mul(align)?,
        };
        offsets.push(at);
        at = at.checked_add(size)?;
        end = end.max(at);
    }
    Some((
        offsets,
        end,
        end.div_ceil(max_align).checked_mul(max_align)?,
    ))
}

/// The value of address family `name` (`[enums.address_family]`), if it is one of 8 bits.
pub fn family_of(spec: &super::Spec, name: &str) -> Option<u8> {
    u8::try_from(enum_value(spec, "address_family", name)?).ok()
}

/// The value of `name` in `[enums.table]`.
pub fn enum_value(spec: &super::Spec, table: &str, name: &str) -> Option<i64> {
    let table = spec.enums.get(table)?;
    table
        .values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| *v)
}

fn check_types(spec: &super::Spec, label: &str, types: &MessageTypes) -> Result<(), String> {
    if !spec.enums.contains_key(&types.types) {
        return Err(format!("{label}: no table [enums.{}]", types.types));
    }
    let tables = types
        .flags
        .keys()
        .chain(types.flags_by_low_bits.iter().filter(|t| !t.is_empty()))
        .chain(types.flags_other.iter());
    for table in tables {
        if !spec.flags.contains_key(table) {
            return Err(format!("{label}: no table [flags.{table}]"));
        }
    }
    for (table, names) in &types.flags {
        let fits = |n: &&String| {
            enum_value(spec, &types.types, n).is_some_and(|v| (0..=0xffff).contains(&v))
        };
        if let Some(bad) = names.iter().find(|n| !fits(n)) {
            return Err(format!(
                "{label}: field `flags.{table}`: no {bad} of 16 bits in [enums.{}]",
                types.types
            ));
        }
    }
    if types.flags_by_low_bits.len() > LOW_BITS {
        return Err(format!(
            "{label}: field `flags_by_low_bits`: more than {LOW_BITS} rules for two bits"
        ));
    }
    Ok(())
}
