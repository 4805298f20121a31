//! Netlink attributes of arrays of structs, code and kinds end to end:
//! `tests/helpers/h_netlink_kinds.c` sends packet_diag answers (multicast lists, filters)
//! and links' IFLA_LINKINFO (bridge, tun, CAN, bridge port data by their kinds), traced by
//! the real strace twice and by strace-rs, under a few option sets; and the checks of the
//! spec's `by_kind` values and `len` fields.

mod common;

#[path = "../src/kinds.rs"]
#[allow(dead_code)]
mod kinds;
#[path = "../src/spec.rs"]
#[allow(dead_code)]
mod spec;

use common::*;

/// The lines after the marker and the tracer's messages (its name taken off) of `tracer`
/// running the helper with `opts`.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (_dir, run) = trace_helper(tracer, opts, "h_netlink_kinds", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let messages = tracer_messages(&run.stderr);
    (after_marker_line(&run.trace, MARKER), messages)
}

#[test]
fn netlink_kinds_like_strace() {
    if !real_strace_available() {
        return;
    }
    let sets: [&[&str]; 4] = [&[], &["-v"], &["-X", "raw"], &["-s", "8"]];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}

/// A small spec with values by kind and a byte array up to a length, for the checks below.
const SPEC: &str = r#"
[enums.netlink_protocol]
unknown = "NETLINK_???"
values = [["NETLINK_ROUTE", 0]]

[enums.nl_netfilter_subsys_ids]
unknown = "NFNL_SUBSYS_???"
values = [["NFNL_SUBSYS_NONE", 0]]

[enums.info_names]
unknown = "IFLA_INFO_???"
values = [["IFLA_INFO_KIND", 1], ["IFLA_INFO_DATA", 2], ["IFLA_INFO_XSTATS", 3]]

[netlink.attrs.info]
names = "info_names"
values.IFLA_INFO_KIND = "cstr"
values.IFLA_INFO_DATA = { kind = "by_kind", key = "IFLA_INFO_KIND", cases.can = { kind = "struct", struct = "addr" } }

[netlink.structs.addr]
size = 8
fields = [{ name = "alen", kind = "u16" }, { name = "addr", kind = "hex_bytes", size = 6, len = "alen" }]
"#;

#[test]
fn kinds_and_lengths_are_checked() {
    assert_eq!(spec::parse(SPEC).err(), None);
    let cases = [
        (
            r#"key = "IFLA_INFO_KIND""#,
            r#"key = "IFLA_INFO_XSTATS""#,
            "netlink.attrs.info: field `values.IFLA_INFO_DATA`: field `key`: `IFLA_INFO_XSTATS` is no string attribute of the set",
        ),
        (
            r#"cases.can = { kind = "struct", struct = "addr" }"#,
            r#"cases.can = { kind = "struct", struct = "adr" }"#,
            "netlink.attrs.info: field `values.IFLA_INFO_DATA`: field `cases.can`: kind `struct` needs Struct (an existing one) and nothing else",
        ),
        (
            r#"len = "alen""#,
            r#"len = "addr""#,
            "netlink.structs.addr: field `addr`: field `len`: a `hex_bytes` field's, naming an earlier u8, u16 or u32 field",
        ),
        (
            r#"values.IFLA_INFO_KIND = "cstr""#,
            r#"values.IFLA_INFO_KIND = { kind = "cstr", key = "IFLA_INFO_KIND" }"#,
            "netlink.attrs.info: field `values.IFLA_INFO_KIND`: kind `cstr` needs Nothing (an existing one) and nothing else",
        ),
    ];
    for (from, to, want) in cases {
        let text = SPEC.replace(from, to);
        assert_ne!(text, SPEC, "{from}");
        assert_eq!(spec::parse(&text).err().as_deref(), Some(want), "{to}");
    }
}
