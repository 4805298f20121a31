//! Netlink messages end to end: `tests/helpers/h_netlink.c` sends and receives netlink
//! messages of every kind strace-rs decodes (odd lengths, lists, unreadable memory, control
//! messages, each protocol's types, flags and payloads, the kernel's answers), traced by the
//! real strace twice and by strace-rs, under a few option sets. Every line both strace runs
//! print alike must come out of strace-rs the same; the few that differ between runs (a
//! port the kernel chose) are left out by that. The tracers' messages (`umoven: short read`)
//! must match too.

mod common;

#[path = "../src/kinds.rs"]
#[allow(dead_code)]
mod kinds;
#[path = "data/libc_netlink.rs"]
mod libc_netlink;
#[path = "../src/spec.rs"]
#[allow(dead_code)]
mod spec;

use common::*;

/// The lines after the marker and the messages (the tracer's name taken off) of `tracer`
/// running the helper with `opts`.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (_dir, run) = trace_helper(tracer, opts, "h_netlink", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let messages = tracer_messages(&run.stderr);
    // Under -xx the marker's string is in hex escapes.
    let marker = if opts.contains(&"-xx") {
        format!(
            "{}= -1 EBADF (Bad file descriptor)",
            pad_to(r#"write(-1, "\x42\x45\x47\x49\x4e", 5)"#, DEFAULT_COLUMN)
        )
    } else {
        MARKER.to_string()
    };
    (after_marker_line(&run.trace, &marker), messages)
}

#[test]
fn netlink_messages_like_strace() {
    if !real_strace_available() {
        return;
    }
    let sets: [&[&str]; 6] = [
        &[],
        &["-X", "raw"],
        &["-X", "verbose"],
        &["-s", "8"],
        &["-v"],
        &["-yy", "-xx"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}

/// The netlink part of syscalls.toml, between its markers.
fn netlink_region() -> String {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/syscalls.toml")).unwrap();
    let start = text
        .find("# ---- BEGIN netlink ----")
        .expect("begin marker");
    let end = text.find("# ---- END netlink ----").expect("end marker");
    text[start..end].to_string()
}

/// Every name of the netlink enum and flag tables with its value and whether its line says
/// it is newer than the headers: `(table, name, value, newer)`.
fn netlink_values() -> Vec<(String, String, i64, bool)> {
    let table = regex::Regex::new(r"^\[(enums|flags)\.(\w+)\]").unwrap();
    let row = regex::Regex::new(r#"^\s*\["([A-Z][A-Z0-9_]*)", (-?(?:0x[0-9a-f]+|\d+))\]"#).unwrap();
    let mut current = None;
    let mut values = Vec::new();
    for line in netlink_region().lines() {
        if let Some(c) = table.captures(line) {
            current = Some(c[2].to_string());
            continue;
        }
        if line.starts_with('[') {
            current = None;
        }
        if let (Some(t), Some(c)) = (&current, row.captures(line)) {
            let v = &c[2];
            let v = match v.strip_prefix("0x") {
                Some(hex) => i64::from_str_radix(hex, 16).unwrap(),
                None => v.parse().unwrap(),
            };
            values.push((
                t.clone(),
                c[1].to_string(),
                v,
                line.contains("not in this machine's headers"),
            ));
        }
    }
    values
}

/// The headers the netlink tables' names come from.
const HEADERS: &[&str] = &[
    "linux/netlink.h",
    "linux/rtnetlink.h",
    "linux/audit.h",
    "linux/xfrm.h",
    "linux/selinux_netlink.h",
    "linux/sock_diag.h",
    "linux/inet_diag.h",
    "linux/cryptouser.h",
    "linux/genetlink.h",
    "linux/netfilter/nfnetlink.h",
    "linux/netfilter/nfnetlink_acct.h",
    "linux/netfilter/nfnetlink_conntrack.h",
    "linux/netfilter/nfnetlink_cthelper.h",
    "linux/netfilter/nfnetlink_cttimeout.h",
    "linux/netfilter/nfnetlink_hook.h",
    "linux/netfilter/nfnetlink_log.h",
    "linux/netfilter/nfnetlink_queue.h",
    "linux/netfilter/nfnetlink_osf.h",
    "linux/netfilter/nf_tables.h",
    "linux/netfilter/nf_tables_compat.h",
    "linux/netfilter/ipset/ip_set.h",
    "linux/if.h",
    "linux/if_link.h",
    "linux/if_addr.h",
    "linux/if_addrlabel.h",
    "linux/if_arp.h",
    "linux/neighbour.h",
    "linux/fib_rules.h",
    "linux/dcbnl.h",
    "linux/lwtunnel.h",
    "linux/netconf.h",
    "linux/net_namespace.h",
    "linux/ip.h",
    "linux/unix_diag.h",
    "linux/netlink_diag.h",
    "linux/packet_diag.h",
    "linux/smc_diag.h",
    "linux/if_packet.h",
    "linux/nexthop.h",
    "linux/if_bridge.h",
    "linux/pkt_sched.h",
    "linux/pkt_cls.h",
    "linux/gen_stats.h",
    "linux/mroute.h",
    "linux/mroute6.h",
    "linux/ipv6.h",
    "linux/snmp.h",
    "linux/if_bonding.h",
    "linux/mpls.h",
    "linux/if_tun.h",
    "linux/tls.h",
];

/// The headers of the names the kernel's headers lack (TCP's states, which the kernel keeps
/// to itself), glibc's, apart: they clash with the kernel's; and `linux/mptcp.h`, which
/// includes glibc's `netinet/in.h`.
const LIBC_HEADERS: &[&str] = &["netinet/tcp.h", "linux/mptcp.h"];

/// The values of `names` in the machine's `headers` (a name they lack is left out).
fn header_values(headers: &[&str], names: &[&str]) -> std::collections::HashMap<String, i64> {
    let dir = TempDir::new();
    let mut missing = std::collections::HashSet::new();
    let undeclared = regex::Regex::new(r"[‘'](\w+)[’'] undeclared").unwrap();
    loop {
        let mut src = String::from("#include <stdio.h>\n#include <sys/socket.h>\n");
        for h in headers {
            src.push_str(&format!("#include <{h}>\n"));
        }
        src.push_str("int main(void) {\n");
        for n in names.iter().filter(|n| !missing.contains(**n)) {
            src.push_str(&format!("printf(\"{n} %lld\\n\", (long long) ({n}));\n"));
        }
        src.push_str("return 0; }\n");
        let c = dir.join("values.c");
        let exe = dir.join("values");
        std::fs::write(&c, src).unwrap();
        let args = [
            std::ffi::OsStr::new("-w"),
            "-o".as_ref(),
            exe.as_os_str(),
            c.as_os_str(),
        ];
        let out = run("cc", &args);
        if out.status.success() {
            let printed = run(exe.to_str().unwrap(), &[] as &[&str]);
            return printed
                .stdout
                .lines()
                .filter_map(|l| l.split_once(' '))
                .map(|(n, v)| (n.to_string(), v.parse().unwrap()))
                .collect();
        }
        let new: Vec<String> = undeclared
            .captures_iter(&out.stderr)
            .map(|c| c[1].to_string())
            .collect();
        assert!(!new.is_empty(), "cc failed:\n{}", out.stderr);
        missing.extend(new);
    }
}

/// Each value of the netlink tables is the machine's headers' (a name they lack must say
/// so), as the project takes every value from them.
#[test]
fn netlink_values_agree_with_the_headers() {
    let values = netlink_values();
    assert!(values.len() > 300, "{} values", values.len());
    let names: Vec<&str> = values.iter().map(|(_, n, ..)| n.as_str()).collect();
    let mut headers = header_values(HEADERS, &names);
    let rest: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !headers.contains_key(*n))
        .collect();
    headers.extend(header_values(LIBC_HEADERS, &rest));
    let mut problems = Vec::new();
    for (table, name, v, newer) in &values {
        match (headers.get(name), newer) {
            (Some(h), _) if h != v => problems.push(format!("{table}.{name}: {v} vs {h}")),
            (Some(_), true) => problems.push(format!("{table}.{name}: in the headers now")),
            (None, false) => problems.push(format!("{table}.{name}: not in the headers")),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The names libc knows have its values.
#[test]
fn netlink_values_agree_with_libc() {
    let spec = real_spec();
    for (section, table, name, want) in libc_netlink::LIBC_NETLINK {
        let ours = match *section {
            "flags" => spec.flags[*table].value_of(name).map(|v| v as i64),
            _ => spec.enums[*table]
                .values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| *v),
        };
        assert_eq!(ours, Some(*want), "{section}.{table}.{name}");
    }
}

fn real_spec() -> spec::Spec {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/syscalls.toml")).unwrap();
    spec::parse(&text).unwrap()
}

/// A small spec with a netlink section, for the checks below.
const NETLINK_SPEC: &str = r#"
[enums.netlink_protocol]
unknown = "NETLINK_???"
values = [["NETLINK_ROUTE", 0]]

[enums.nl_netfilter_subsys_ids]
unknown = "NFNL_SUBSYS_???"
values = [["NFNL_SUBSYS_NONE", 0]]

[enums.rtm]
unknown = "RTM_???"
values = [["RTM_NEWLINK", 16], ["RTM_GETLINK", 18]]

[enums.attr_names]
unknown = "IFLA_???"
values = [["IFLA_MTU", 4]]

[flags.get]
bits = [["NLM_F_DUMP", 0x300]]

[netlink.protocols.NETLINK_ROUTE]
types = "rtm"
flags.get = ["RTM_GETLINK"]
payload = "route"

[netlink.attrs.link]
names = "attr_names"
values = { IFLA_MTU = "u32" }

[netlink.structs.pair]
size = 8
fields = [{ name = "a", kind = "u8" }, { name = "b", kind = "u32" }]
"#;

fn netlink_error(text: &str) -> String {
    spec::parse(text).expect_err("the spec should be rejected")
}

#[test]
fn netlink_sections_are_checked() {
    assert!(spec::parse(NETLINK_SPEC).is_ok());
    let cases = [
        (
            "[netlink.protocols.NETLINK_ROUTE]",
            "[netlink.protocols.NETLINK_ROUT]",
            "netlink.protocols.NETLINK_ROUT: no NETLINK_ROUT in [enums.netlink_protocol]",
        ),
        (
            r#"types = "rtm""#,
            r#"types = "rtn""#,
            "netlink.protocols.NETLINK_ROUTE: no table [enums.rtn]",
        ),
        (
            r#"flags.get = ["RTM_GETLINK"]"#,
            r#"flags.get = ["RTM_GETLNK"]"#,
            "netlink.protocols.NETLINK_ROUTE: field `flags.get`: no RTM_GETLNK of 16 bits in [enums.rtm]",
        ),
        (
            r#"flags.get = ["RTM_GETLINK"]"#,
            r#"flags.got = ["RTM_GETLINK"]"#,
            "netlink.protocols.NETLINK_ROUTE: no table [flags.got]",
        ),
        (
            r#"payload = "route""#,
            r#"payload = "rout""#,
            "netlink: unknown variant `rout`, expected one of `route`, `sock_diag`, `netfilter`, \
             `selinux`\nin `protocols.NETLINK_ROUTE.payload`",
        ),
        (
            r#"IFLA_MTU = "u32""#,
            r#"IFLA_MTU = "u31""#,
            "netlink.attrs.link: field `values.IFLA_MTU`: no value kind `u31`",
        ),
        (
            r#"IFLA_MTU = "u32""#,
            r#"IFLA_MTV = "u32""#,
            "netlink.attrs.link: field `values.IFLA_MTV`: no IFLA_MTV in [enums.attr_names]",
        ),
        (
            r#"IFLA_MTU = "u32""#,
            r#"IFLA_MTU = { kind = "attrs", set = "lnk" }"#,
            "netlink.attrs.link: field `values.IFLA_MTU`: kind `attrs` needs Set (an existing one) and nothing else",
        ),
        (
            "size = 8",
            "size = 6",
            "netlink.structs.pair: its fields at their natural alignment make 8 bytes, not 6",
        ),
        (
            r#"{ name = "b", kind = "u32" }"#,
            r#"{ name = "b", kind = "str" }"#,
            "netlink.structs.pair: field `b`: kind `str` has no size of its own: it cannot be a struct field",
        ),
    ];
    for (from, to, want) in cases {
        assert_eq!(netlink_error(&NETLINK_SPEC.replace(from, to)), want, "{to}");
    }
    // Decoding follows what a set or struct holds: it may not hold itself.
    let cycle = NETLINK_SPEC.replace(
        r#"IFLA_MTU = "u32""#,
        r#"IFLA_MTU = { kind = "attrs", set = "link" }"#,
    );
    assert_eq!(netlink_error(&cycle), "netlink.attrs.link: holds itself");
}
