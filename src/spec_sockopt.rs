//! The `[sockopt]` part of `syscalls.toml`: for each socket option level, the table naming its
//! options and the shape of each option's value, for `getsockopt` and `setsockopt` (strace's
//! `src/net.c` keeps the same facts in its `print_getsockopt`/`print_setsockopt` switches).
//! Included by `spec.rs`; its checks run with the others.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The shapes an option's value can have; each has one printer (`decode::net`), which also
/// knows what a length too short for it shows, as strace's differ by shape and direction.
pub const SHAPES: &[&str] = &[
    // An `int`: `[1]`.
    "int",
    // An `int`, read whatever the length says (strace's netlink options).
    "int_any",
    // `[1]` when the length is that of an `int`, else the bytes as a string (strace's
    // default for an option it does not know).
    "int_or_string",
    // An error number: `[ECONNREFUSED]`.
    "errno",
    // `SO_TXREHASH`'s value: `[SOCK_TXREHASH_ENABLED]`.
    "txrehash",
    // `struct linger`: `{l_onoff=1, l_linger=5}`.
    "linger",
    // `struct ucred`: `{pid=1, uid=0, gid=0}`.
    "ucred",
    // A classic BPF program: a `struct sock_fprog` given, its instructions returned.
    "sock_fprog",
    // `struct tpacket_stats`: `{tp_packets=1, tp_drops=0, tp_freeze_q_cnt=0}`.
    "tpacket_stats",
    // `struct tpacket_req`: `{tp_block_size=4096, tp_block_nr=1, ...}`.
    "tpacket_req",
    // `struct packet_mreq`: `{mr_ifindex=..., mr_type=PACKET_MR_PROMISC, ...}`.
    "packet_mreq",
    // `struct icmp_filter`: a set of ICMP types, `~[ICMP_ECHO]`.
    "icmp_filter",
    // `struct ip_mreq`: `{imr_multiaddr=inet_addr(...), imr_interface=inet_addr(...)}`.
    "ip_mreq",
    // `struct ipv6_mreq`: `{inet_pton(AF_INET6, ..., &ipv6mr_multiaddr), ipv6mr_interface=...}`.
    "ipv6_mreq",
    // `struct group_req`: `{gr_interface=..., gr_group={sa_family=...}}`.
    "group_req",
    // An array of `u32`: `[0, 1]`.
    "u32_array",
];

/// `[sockopt.LEVEL]`, LEVEL a name of `[enums.sock_level]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The `[enums.*]` table naming the level's options.
    pub names: String,
    /// Tables naming the options only `getsockopt` (`get_names`) or only `setsockopt`
    /// (`set_names`) knows, looked in after `names`: one number can be two options
    /// (`SO_GET_FILTER` is `SO_ATTACH_FILTER`).
    pub get_names: Option<String>,
    pub set_names: Option<String>,
    /// By shape: the options whose value has it both ways.
    #[serde(default)]
    pub values: BTreeMap<String, Vec<String>>,
    /// By shape: the options whose value has it for `getsockopt` (`get`) or `setsockopt`
    /// (`set`), where it differs from `values` or exists only one way.
    #[serde(default)]
    pub get: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub set: BTreeMap<String, Vec<String>>,
    /// The shape of the level's other options, each way (default `int_or_string`).
    pub get_other: Option<String>,
    pub set_other: Option<String>,
}

/// Every level names a sock_level, its tables exist, every option it lists is named by them,
/// and every shape is one of [`SHAPES`].
pub fn check(spec: &super::Spec) -> Result<(), String> {
    for (level, def) in &spec.sockopt {
        let label = format!("sockopt.{level}");
        if super::netlink::enum_value(spec, "sock_level", level).is_none() {
            return Err(format!("{label}: no {level} in [enums.sock_level]"));
        }
        for (field, table) in [
            ("names", Some(&def.names)),
            ("get_names", def.get_names.as_ref()),
            ("set_names", def.set_names.as_ref()),
        ] {
            if let Some(table) = table
                && !spec.enums.contains_key(table)
            {
                return Err(format!(
                    "{label}: field `{field}`: no table [enums.{table}]"
                ));
            }
        }
        for (field, list, extra) in [
            ("values", &def.values, None),
            ("get", &def.get, def.get_names.as_ref()),
            ("set", &def.set, def.set_names.as_ref()),
        ] {
            let mut seen = std::collections::HashSet::new();
            for (shape, names) in list {
                check_shape(&label, field, shape)?;
                for name in names {
                    if option_value(spec, def, name, extra).is_none() {
                        return Err(format!(
                            "{label}: field `{field}`: {name} is not named by the level's tables"
                        ));
                    }
                    if !seen.insert(name) {
                        return Err(format!("{label}: field `{field}`: {name} is listed twice"));
                    }
                }
            }
        }
        for (field, shape) in [("get_other", &def.get_other), ("set_other", &def.set_other)] {
            if let Some(shape) = shape {
                check_shape(&label, field, shape)?;
            }
        }
    }
    Ok(())
}

fn check_shape(label: &str, field: &str, shape: &str) -> Result<(), String> {
    if SHAPES.contains(&shape) {
        Ok(())
    } else {
        Err(format!(
            "{label}: field `{field}`: no shape {shape:?} (one of {})",
            SHAPES.join(", ")
        ))
    }
}

/// The number of option `name` of a level: in its `names`, else in `extra`.
pub fn option_value(
    spec: &super::Spec,
    level: &Level,
    name: &str,
    extra: Option<&String>,
) -> Option<i64> {
    super::netlink::enum_value(spec, &level.names, name)
        .or_else(|| super::netlink::enum_value(spec, extra?, name))
}
