//! Netlink messages (`decode/netlink*.rs`): the walk over messages and attributes, the
//! control messages, each protocol's types, flags and payloads, and which sockets and calls
//! decode them. Expected lines are strace 6.1's (its tests `netlink_protocol.c`,
//! `netlink_*.c`, `nlattr.c`, and tests/netlink.rs against the real strace).

use super::*;
use crate::output::ConstStyle;

pub(super) const NR_SENDTO: u64 = 44;
const NR_RECVFROM: u64 = 45;
/// `<linux/netlink.h>`.
pub(super) const NETLINK_ROUTE: u32 = 0;
pub(super) const NETLINK_SOCK_DIAG: u32 = 4;
const NETLINK_XFRM: u32 = 6;
const NETLINK_SELINUX: u32 = 7;
const NETLINK_AUDIT: u32 = 9;
const NETLINK_NETFILTER: u32 = 12;
const NETLINK_KOBJECT_UEVENT: u32 = 15;
const NETLINK_GENERIC: u32 = 16;
const NETLINK_USERSOCK: u32 = 2;
pub(super) const MSG_DONTWAIT: u64 = 0x40;
/// Where the tests put a message: its first byte.
pub(super) const AT: u64 = 0x1000;

/// A `struct nlmsghdr`.
fn hdr(len: u32, ty: u16, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = len.to_ne_bytes().to_vec();
    b.extend_from_slice(&ty.to_ne_bytes());
    b.extend_from_slice(&flags.to_ne_bytes());
    b.extend_from_slice(&seq.to_ne_bytes());
    b.extend_from_slice(&pid.to_ne_bytes());
    b
}

/// A message: its header (the length of the whole) and `payload`.
pub(super) fn nlmsg(ty: u16, flags: u16, payload: &[u8]) -> Vec<u8> {
    let mut b = hdr(16 + payload.len() as u32, ty, flags, 0, 0);
    b.extend_from_slice(payload);
    b
}

/// A `struct nlattr` and its value.
pub(super) fn nla(ty: u16, value: &[u8]) -> Vec<u8> {
    let mut b = (4 + value.len() as u16).to_ne_bytes().to_vec();
    b.extend_from_slice(&ty.to_ne_bytes());
    b.extend_from_slice(value);
    b
}

/// The line of call `nr` on descriptor 3, a netlink socket of `protocol` (`Some(None)`: of
/// a protocol the kernel does not tell; `None`: no netlink socket), under `-X style` with
/// `opts`. The kernel's generic families are `nlctrl` (0x10) alone.
pub(super) fn nl_line(
    protocol: Option<Option<u32>>,
    (style, opts): (ConstStyle, DecodeOpts),
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    outcome: Outcome,
) -> String {
    let mut fds = FakeFds::default();
    if let Some(p) = protocol {
        fds.netlink.insert(3, p);
    }
    fds.genl.push((0x10, b"nlctrl".to_vec()));
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    rendered_styled(style, |out| {
        out.bytes(call.desc.map_or("?", |d| d.name).as_bytes());
        out.bytes(b"(");
        let mut ctx = Ctx {
            opts,
            fds: Some(&mut fds),
            ..Ctx::for_test(mem, &mut scratch)
        };
        entry(&mut Text::new(out), &mut ctx, &mut call);
        exit(&mut Text::new(out), &mut ctx, &call, outcome);
    })
}

pub(super) const DEFAULTS: (ConstStyle, DecodeOpts) = (
    ConstStyle::Abbrev,
    DecodeOpts {
        max_strlen: 32,
        abbreviate: true,
        verbose: true,
        pid_comm: false,
        optmem_max: crate::decode::OptmemMax::Bytes(crate::decode::OPTMEM_MAX_DEFAULT),
    },
);

/// What `sendto(3, AT, len, MSG_DONTWAIT, NULL, 0)` shows of the buffer on a socket of
/// `protocol`, `bytes` at `AT`, under `style`.
fn sent_as(protocol: Option<u32>, style: ConstStyle, bytes: &[u8], len: u64) -> String {
    let mem = FakeMemory::new().with(AT, bytes);
    let line = nl_line(
        Some(protocol),
        (style, DEFAULTS.1),
        NR_SENDTO,
        [3, AT, len, MSG_DONTWAIT, 0, 0],
        &mem,
        Outcome::Ok(len as i64),
    );
    let tail = format!(", {len}, MSG_DONTWAIT, NULL, 0) = {len}");
    let tail = match style {
        ConstStyle::Abbrev => tail,
        _ => tail.replace("MSG_DONTWAIT", "0x40"),
    };
    let tail = match style {
        ConstStyle::Verbose => tail.replace("0x40", "0x40 /* MSG_DONTWAIT */"),
        _ => tail,
    };
    line.strip_prefix("sendto(3, ")
        .and_then(|l| l.strip_suffix(&tail))
        .unwrap_or_else(|| panic!("unexpected line {line}"))
        .to_string()
}

/// The buffer `sendto` shows of `bytes` on a socket of `protocol`, all of them sent.
pub(super) fn sent(protocol: Option<u32>, bytes: &[u8]) -> String {
    sent_as(protocol, ConstStyle::Abbrev, bytes, bytes.len() as u64)
}

const NOOP_DUMP: &str =
    "nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0, nlmsg_pid=0}";

#[test]
fn message_lists_and_their_lengths() {
    let route = Some(NETLINK_ROUTE);
    let mut req = nlmsg(1, 0x301, b"abcd");
    assert_eq!(
        sent(route, &req),
        format!(r#"[{{nlmsg_len=20, {NOOP_DUMP}, "\x61\x62\x63\x64"]"#)
    );
    assert_eq!(
        sent(route, &req[..16]),
        format!("{{nlmsg_len=20, {NOOP_DUMP}")
    );
    // Fewer bytes than a header: in hex; a length past the data: what is there.
    assert_eq!(sent(route, b"abcd"), r#""\x61\x62\x63\x64""#);
    req[0] = 28;
    assert_eq!(
        sent(route, &req),
        format!(r#"[{{nlmsg_len=28, {NOOP_DUMP}, "\x61\x62\x63\x64"]"#)
    );
    // A length below a header's: the header alone, the rest not shown.
    req[0] = 8;
    assert_eq!(sent(route, &req), format!("{{nlmsg_len=8, {NOOP_DUMP}"));
    // Two messages, the second 4-byte aligned; one whose length is below a header's ends
    // the list; one whose aligned length wraps past 2^32 shows what is left.
    let one = nlmsg(1, 0x301, b"abcd");
    let two = [one.clone(), one.clone()].concat();
    let msg = format!(r#"[{{nlmsg_len=20, {NOOP_DUMP}, "\x61\x62\x63\x64"]"#);
    assert_eq!(sent(route, &two), format!("[{msg}, {msg}]"));
    let mut short = two.clone();
    short[20] = 4;
    assert_eq!(
        sent(route, &short),
        format!("[{msg}, {{nlmsg_len=4, {NOOP_DUMP}]")
    );
    let mut huge = two.clone();
    huge[20..24].copy_from_slice(&u32::MAX.to_ne_bytes());
    assert_eq!(
        sent(route, &huge),
        format!(r#"[{msg}, [{{nlmsg_len=4294967295, {NOOP_DUMP}, "\x61\x62\x63\x64"]]"#)
    );
    // Too few bytes left for the second header: in hex.
    assert_eq!(
        sent(route, &two[..24]),
        format!(r#"[{msg}, "\x14\x00\x00\x00"]"#)
    );
}

#[test]
fn unreadable_messages_show_their_address() {
    let route = Some(Some(NETLINK_ROUTE));
    let one = nlmsg(1, 0x301, b"abcd");
    // The first message ends where memory does; the second cannot be read.
    let at = 0x2000 - 20;
    let mem = FakeMemory::new().with(at, &one);
    let line = |addr: u64, len: u64| {
        nl_line(
            route,
            DEFAULTS,
            NR_SENDTO,
            [3, addr, len, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT),
        )
    };
    assert_eq!(
        line(at, 40),
        format!(
            r#"sendto(3, [[{{nlmsg_len=20, {NOOP_DUMP}, "\x61\x62\x63\x64"], ... /* 0x2000 */], 40, 0, NULL, 0) = -1 EFAULT (Bad address)"#
        )
    );
    assert_eq!(
        line(0x2000 - 15, 16),
        "sendto(3, 0x1ff1, 16, 0, NULL, 0)       = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(0, 20),
        "sendto(3, NULL, 20, 0, NULL, 0)         = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(at, 0),
        r#"sendto(3, "", 0, 0, NULL, 0)            = -1 EFAULT (Bad address)"#
    );
}

#[test]
fn at_most_s_messages_show() {
    let msgs: Vec<u8> = (0..3).flat_map(|i| hdr(16, 1, 1, i, 0)).collect();
    let mem = FakeMemory::new().with(AT, &msgs);
    let opts = DecodeOpts {
        max_strlen: 2,
        ..DEFAULTS.1
    };
    let each = |seq| {
        format!(
            "{{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq={seq}, nlmsg_pid=0}}"
        )
    };
    assert_eq!(
        nl_line(
            Some(Some(NETLINK_ROUTE)),
            (ConstStyle::Abbrev, opts),
            NR_SENDTO,
            [3, AT, 48, 0, 0, 0],
            &mem,
            Outcome::Ok(48)
        ),
        format!(
            "sendto(3, [{}, {}, ...], 48, 0, NULL, 0) = 48",
            each(0),
            each(1)
        )
    );
    // Unabbreviated (`-v`), all of them.
    let verbose = DecodeOpts {
        abbreviate: false,
        ..opts
    };
    assert_eq!(
        nl_line(
            Some(Some(NETLINK_ROUTE)),
            (ConstStyle::Abbrev, verbose),
            NR_SENDTO,
            [3, AT, 48, 0, 0, 0],
            &mem,
            Outcome::Ok(48)
        ),
        format!(
            "sendto(3, [{}, {}, {}], 48, 0, NULL, 0) = 48",
            each(0),
            each(1),
            each(2)
        )
    );
}

/// The error `-EACCES` answering a `RTM_GETLINK` dump of sequence 42 with `data` after its
/// header.
fn nlmsgerr(error: i32, request_len: u32, data: &[u8]) -> Vec<u8> {
    let mut b = error.to_ne_bytes().to_vec();
    b.extend(hdr(request_len, 18, 0x301, 42, 0));
    b.extend_from_slice(data);
    b
}

const GETLINK_42: &str =
    "nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=42, nlmsg_pid=0}";

#[test]
fn errors_show_the_request_they_answer() {
    let route = Some(NETLINK_ROUTE);
    let error = |flags: u16, payload: &[u8]| sent(route, &nlmsg(2, flags, payload));
    let head = |len, flags: &str| {
        format!(
            "{{nlmsg_len={len}, nlmsg_type=NLMSG_ERROR, nlmsg_flags={flags}, nlmsg_seq=0, nlmsg_pid=0}}"
        )
    };
    // Too short for the error and a header: in hex.
    assert_eq!(
        error(1, b"42"),
        format!(r#"[{}, "\x34\x32"]"#, head(18, "NLM_F_REQUEST"))
    );
    let full = nlmsgerr(-13, 20, b"abcd");
    assert_eq!(
        error(0, &full[..4]),
        format!(r#"[{}, "\xf3\xff\xff\xff"]"#, head(20, "0"))
    );
    assert_eq!(
        error(0, &full[..20]),
        format!(
            "[{}, {{error=-EACCES, msg={{nlmsg_len=20, {GETLINK_42}}}]",
            head(36, "0")
        )
    );
    // The request's payload, decoded by the protocol (a link's message, too short).
    let family = r#"{ifi_family=0x61 /* AF_??? */, ...}"#;
    assert_eq!(
        error(0, &full),
        format!(
            "[{}, {{error=-EACCES, msg=[{{nlmsg_len=20, {GETLINK_42}, {family}]}}]",
            head(40, "0")
        )
    );
    // Capped: the request's header alone, what follows it attributes.
    let attr = r#"{nla_len=25185, nla_type=NLA_F_NET_BYTEORDER|0x2463 /* NLMSGERR_ATTR_??? */}"#;
    assert_eq!(
        error(0x100, &full),
        format!(
            "[{}, [{{error=-EACCES, msg={{nlmsg_len=20, {GETLINK_42}}}, {attr}]]",
            head(40, "NLM_F_CAPPED")
        )
    );
    // A request's length below a header's counts as a header's.
    let short = nlmsgerr(0, 4, b"abcd");
    assert_eq!(
        error(0, &short),
        format!(
            "[{}, [{{error=0, msg={{nlmsg_len=4, {GETLINK_42}}}, {attr}]]",
            head(40, "0")
        )
    );
    // A positive error has no name.
    let odd = nlmsgerr(4242, 20, b"");
    assert_eq!(
        error(0, &odd),
        format!(
            "[{}, {{error=4242, msg={{nlmsg_len=20, {GETLINK_42}}}]",
            head(36, "0")
        )
    );
}

#[test]
fn acknowledgement_attributes() {
    let mut payload = (-22i32).to_ne_bytes().to_vec();
    payload.extend(hdr(16, 22, 1, 7, 0));
    payload.extend(nla(1, b"bad one\0"));
    payload.extend(nla(2, &20u32.to_ne_bytes()));
    payload.extend(nla(3, &[1, 2, 3]));
    assert_eq!(
        sent(Some(NETLINK_ROUTE), &nlmsg(2, 0x300, &payload)),
        "[{nlmsg_len=63, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED|NLM_F_ACK_TLVS, nlmsg_seq=0, nlmsg_pid=0}, \
         [{error=-EINVAL, msg={nlmsg_len=16, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}}, \
         [[{nla_len=12, nla_type=NLMSGERR_ATTR_MSG}, \"bad one\"], [{nla_len=8, nla_type=NLMSGERR_ATTR_OFFS}, 20], \
         [{nla_len=7, nla_type=NLMSGERR_ATTR_COOKIE}, [1, 2, 3]]]]]"
    );
    // A string without its NUL shows as cut; an integer too short for its kind, in hex.
    let mut payload = (-22i32).to_ne_bytes().to_vec();
    payload.extend(hdr(16, 22, 1, 7, 0));
    payload.extend(nla(1, b"bad"));
    payload.extend([0]);
    payload.extend(nla(2, &[1, 2]));
    assert_eq!(
        sent(Some(NETLINK_ROUTE), &nlmsg(2, 0x300, &payload)),
        "[{nlmsg_len=50, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED|NLM_F_ACK_TLVS, nlmsg_seq=0, nlmsg_pid=0}, \
         [{error=-EINVAL, msg={nlmsg_len=16, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}}, \
         [[{nla_len=7, nla_type=NLMSGERR_ATTR_MSG}, \"bad\"...], [{nla_len=6, nla_type=NLMSGERR_ATTR_OFFS}, \"\\x01\\x02\"]]]]"
    );
}

#[test]
fn done_and_other_control_messages() {
    let route = Some(NETLINK_ROUTE);
    let done = (-87097619i32).to_ne_bytes();
    assert_eq!(
        sent(route, &nlmsg(3, 2, &done)),
        "[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, -87097619]"
    );
    assert_eq!(
        sent(route, &nlmsg(3, 2, &done[..2])),
        r#"[{nlmsg_len=18, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, "\xed\xfe"]"#
    );
    assert_eq!(
        sent(route, &nlmsg(4, 0x40, &done)),
        r#"[{nlmsg_len=20, nlmsg_type=NLMSG_OVERRUN, nlmsg_flags=0x40 /* NLM_F_??? */, nlmsg_seq=0, nlmsg_pid=0}, "\xed\xfe\xce\xfa"]"#
    );
    assert_eq!(
        sent(route, &nlmsg(9, 0, b"")),
        "{nlmsg_len=16, nlmsg_type=0x9 /* NLMSG_??? */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}"
    );
    // A protocol's own decoder leaves NLMSG_DONE to the common one.
    assert_eq!(
        sent(route, &nlmsg(3, 2, b"\x02\x01\x02\x03\x04")),
        r#"[{nlmsg_len=21, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, "\x02\x01\x02\x03\x04"]"#
    );
}

/// The header of a message of `len` bytes shown with `ty` and `flags`.
fn shown_hdr(len: u32, ty: &str, flags: &str) -> String {
    format!("{{nlmsg_len={len}, nlmsg_type={ty}, nlmsg_flags={flags}, nlmsg_seq=0, nlmsg_pid=0}}")
}

#[test]
fn types_and_flags_by_protocol() {
    let cases: [(Option<u32>, u16, u16, &str, &str); 14] = [
        (
            Some(NETLINK_ROUTE),
            20,
            0xf00,
            "RTM_NEWADDR",
            "NLM_F_REPLACE|NLM_F_EXCL|NLM_F_CREATE|NLM_F_APPEND",
        ),
        (
            Some(NETLINK_ROUTE),
            25,
            0x308,
            "RTM_DELROUTE",
            "NLM_F_ECHO|NLM_F_NONREC|NLM_F_BULK",
        ),
        (
            Some(NETLINK_ROUTE),
            49,
            0x500,
            "RTM_DELACTION",
            "NLM_F_ROOT|NLM_F_ATOMIC",
        ),
        (
            Some(NETLINK_ROUTE),
            19,
            0x100,
            "RTM_SETLINK",
            "0x100 /* NLM_F_??? */",
        ),
        (
            Some(NETLINK_ROUTE),
            0x7f,
            0x8001,
            "0x7f /* RTM_??? */",
            "NLM_F_REQUEST|0x8000",
        ),
        (Some(NETLINK_AUDIT), 1000, 1, "AUDIT_GET", "NLM_F_REQUEST"),
        (
            Some(NETLINK_XFRM),
            0x12,
            0x300,
            "XFRM_MSG_GETSA",
            "NLM_F_DUMP",
        ),
        (
            Some(NETLINK_XFRM),
            0x16,
            0x108,
            "XFRM_MSG_ALLOCSPI",
            "NLM_F_ECHO|0x100",
        ),
        (
            Some(NETLINK_SOCK_DIAG),
            21,
            0x200,
            "SOCK_DESTROY",
            "NLM_F_MATCH",
        ),
        (
            Some(NETLINK_NETFILTER),
            0x101,
            0x301,
            "NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET",
            "NLM_F_REQUEST|NLM_F_DUMP",
        ),
        (
            Some(NETLINK_NETFILTER),
            0xff02,
            0,
            "0xff /* NFNL_SUBSYS_??? */<<8|0x2",
            "0",
        ),
        (
            Some(NETLINK_GENERIC),
            0x10,
            0x301,
            "nlctrl",
            "NLM_F_REQUEST|0x300",
        ),
        (
            Some(NETLINK_GENERIC),
            0x7ff0,
            1,
            "0x7ff0 /* GENERIC_FAMILY_??? */",
            "NLM_F_REQUEST",
        ),
        // A protocol with no types of its own, or one the kernel does not tell.
        (
            Some(NETLINK_USERSOCK),
            0x10,
            0x301,
            "0x10 /* NLMSG_??? */",
            "NLM_F_REQUEST|0x300",
        ),
    ];
    for (protocol, ty, flags, ty_s, flags_s) in cases {
        assert_eq!(
            sent(protocol, &hdr(16, ty, flags, 0, 0)),
            shown_hdr(16, ty_s, flags_s),
            "{protocol:?} {ty:#x}"
        );
    }
    assert_eq!(
        sent(None, &hdr(16, 0x12, 0x300, 0, 0)),
        shown_hdr(16, "0x12 /* NLMSG_??? */", "0x300 /* NLM_F_??? */")
    );
}

#[test]
fn named_values_follow_x() {
    let mut payload = (-13i32).to_ne_bytes().to_vec();
    payload.extend(hdr(16, 0x10, 1, 0, 0));
    let msg = nlmsg(2, 0, &payload);
    assert_eq!(
        sent_as(Some(NETLINK_GENERIC), ConstStyle::Raw, &msg, 36),
        "[{nlmsg_len=36, nlmsg_type=0x2, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, \
         {error=-13, msg={nlmsg_len=16, nlmsg_type=0x10, nlmsg_flags=0x1, nlmsg_seq=0, nlmsg_pid=0}}]"
    );
    assert_eq!(
        sent_as(Some(NETLINK_GENERIC), ConstStyle::Verbose, &msg, 36),
        "[{nlmsg_len=36, nlmsg_type=0x2 /* NLMSG_ERROR */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, \
         {error=-13 /* -EACCES */, msg={nlmsg_len=16, nlmsg_type=0x10 /* nlctrl */, \
         nlmsg_flags=0x1 /* NLM_F_REQUEST */, nlmsg_seq=0, nlmsg_pid=0}}]"
    );
}

#[test]
fn payloads_of_the_protocols() {
    // rtnetlink and sock_diag messages of a type without a decoder: the family and the rest.
    assert_eq!(
        sent(
            Some(NETLINK_ROUTE),
            &nlmsg(0x7f, 1, b"\x02\x01\x02\x03\x04")
        ),
        format!(
            r#"[{}, {{family=AF_INET, data="\x01\x02\x03\x04"}}]"#,
            shown_hdr(21, "0x7f /* RTM_??? */", "NLM_F_REQUEST")
        )
    );
    assert_eq!(
        sent(Some(NETLINK_SOCK_DIAG), &nlmsg(20, 1, b"\x63")),
        format!(
            "[{}, {{family=0x63 /* AF_??? */}}]",
            shown_hdr(17, "SOCK_DIAG_BY_FAMILY", "NLM_F_REQUEST")
        )
    );
    // SELinux's notifications.
    let val = (-2i32).to_ne_bytes();
    let selinux = |ty, payload: &[u8]| sent(Some(NETLINK_SELINUX), &nlmsg(ty, 1, payload));
    assert_eq!(
        selinux(0x10, &val),
        format!(
            "[{}, {{val=-2}}]",
            shown_hdr(20, "SELNL_MSG_SETENFORCE", "NLM_F_REQUEST")
        )
    );
    assert_eq!(
        selinux(0x11, &val),
        format!(
            "[{}, {{seqno=4294967294}}]",
            shown_hdr(20, "SELNL_MSG_POLICYLOAD", "NLM_F_REQUEST")
        )
    );
    assert_eq!(
        selinux(0x11, &val[..2]),
        format!(
            r#"[{}, "\xfe\xff"]"#,
            shown_hdr(18, "SELNL_MSG_POLICYLOAD", "NLM_F_REQUEST")
        )
    );
}

#[test]
fn netfilter_messages() {
    let nf = Some(NETLINK_NETFILTER);
    let mut payload = vec![2, 0, 0x12, 0x34];
    payload.extend(nla(7, &42u32.to_ne_bytes()));
    assert_eq!(
        sent(nf, &nlmsg(0x101, 0x301, &payload)),
        format!(
            r#"[{}, {{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(4660)}}, [{{nla_len=8, nla_type=0x7}}, "\x2a\x00\x00\x00"]]"#,
            shown_hdr(
                28,
                "NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET",
                "NLM_F_REQUEST|NLM_F_DUMP"
            )
        )
    );
    // A batch message's payload is no attribute list; a short payload is in hex.
    assert_eq!(
        sent(nf, &nlmsg(0x10, 1, &payload)),
        format!(
            r#"[{}, {{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(4660)}}, "\x08\x00\x07\x00\x2a\x00\x00\x00"]"#,
            shown_hdr(28, "NFNL_MSG_BATCH_BEGIN", "NLM_F_REQUEST")
        )
    );
    assert_eq!(
        sent(nf, &nlmsg(0x155, 0x400, &payload[..3])),
        format!(
            r#"[{}, "\x02\x00\x12"]"#,
            shown_hdr(
                19,
                "NFNL_SUBSYS_CTNETLINK<<8|0x55 /* IPCTNL_MSG_CT_??? */",
                "0x400 /* NLM_F_??? */"
            )
        )
    );
    // nftables' res_id, in network order or (before Linux 4.3) in host order.
    let res = |bytes: [u8; 2], ty| sent(nf, &nlmsg(ty, 0, &[2, 0, bytes[0], bytes[1]]));
    assert_eq!(
        res([0, 10], 0xa00),
        format!(
            "[{}, {{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(NFNL_SUBSYS_NFTABLES)}}]",
            shown_hdr(20, "NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_NEWTABLE", "0")
        )
    );
    assert_eq!(
        res([10, 0], 0xa01),
        format!(
            "[{}, {{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=NFNL_SUBSYS_NFTABLES}}]",
            shown_hdr(20, "NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_GETTABLE", "0")
        )
    );
    assert_eq!(
        res([10, 0], 0x20),
        format!(
            "[{}, {{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(2560)}}]",
            shown_hdr(20, "NFNL_SUBSYS_NONE<<8|0x20", "0")
        )
    );
}

#[test]
fn kobject_uevents() {
    let uevent = Some(NETLINK_KOBJECT_UEVENT);
    assert_eq!(
        sent(uevent, b"add@/devices\0ACTION=add"),
        r#""add@/devices\0ACTION=add""#
    );
    let mut udev = b"libudev\0".to_vec();
    for v in [
        0xfeedcafeu32.to_be(),
        40,
        40,
        8,
        1u32.to_be(),
        2u32.to_be(),
        0,
        3u32.to_be(),
    ] {
        udev.extend(v.to_ne_bytes());
    }
    let header = "{prefix=\"libudev\", magic=htonl(0xfeedcafe), header_size=40, properties_off=40, \
                  properties_len=8, filter_subsystem_hash=htonl(0x1), filter_devtype_hash=htonl(0x2), \
                  filter_tag_bloom_hi=htonl(0), filter_tag_bloom_lo=htonl(0x3)}";
    assert_eq!(sent(uevent, &udev), header);
    udev.extend(b"A=1\0B=2\0");
    assert_eq!(sent(uevent, &udev), format!(r#"[{header}, "A=1\0B=2\0"]"#));
}

#[test]
fn only_netlink_sockets_and_verbose_calls_decode() {
    let msg = hdr(16, 1, 0, 0, 0);
    let mem = FakeMemory::new().with(AT, &msg);
    let call = |protocol, opts| {
        nl_line(
            protocol,
            (ConstStyle::Abbrev, opts),
            NR_SENDTO,
            [3, AT, 16, 0, 0, 0],
            &mem,
            Outcome::Ok(16),
        )
    };
    let string = r#"sendto(3, "\20\0\0\0\1\0\0\0\0\0\0\0\0\0\0\0", 16, 0, NULL, 0) = 16"#;
    assert_eq!(call(None, DEFAULTS.1), string);
    let quiet = DecodeOpts {
        verbose: false,
        ..DEFAULTS.1
    };
    assert_eq!(call(Some(Some(NETLINK_ROUTE)), quiet), string);
    assert_eq!(
        call(Some(Some(NETLINK_ROUTE)), DEFAULTS.1),
        format!(
            "sendto(3, {}, 16, 0, NULL, 0) = 16",
            shown_hdr(16, "NLMSG_NOOP", "0")
        )
    );
}

#[test]
fn receives_show_what_they_received() {
    let mut reply = nlmsg(3, 2, &0i32.to_ne_bytes());
    reply.resize(64, 0xff);
    let mem = FakeMemory::new().with(AT, &reply);
    let recv = |len: u64, outcome| {
        nl_line(
            Some(Some(NETLINK_ROUTE)),
            DEFAULTS,
            NR_RECVFROM,
            [3, AT, len, 0x20, 0, 0],
            &mem,
            outcome,
        )
    };
    assert_eq!(
        recv(64, Outcome::Ok(20)),
        "recvfrom(3, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, 0], 64, MSG_TRUNC, NULL, NULL) = 20"
    );
    // MSG_TRUNC: the message was longer than the buffer, which shows whole.
    assert_eq!(
        recv(18, Outcome::Ok(20)),
        r#"recvfrom(3, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, "\x00\x00"], 18, MSG_TRUNC, NULL, NULL) = 20"#
    );
    assert_eq!(
        recv(64, Outcome::Err(EAGAIN)),
        "recvfrom(3, 0x1000, 64, MSG_TRUNC, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)"
    );
}

/// A `struct msghdr` at 0x3000 naming `name` (at 0x2000, or none), with one iovec (at
/// 0x4000) of `len` bytes at `AT`.
fn msghdr_mem(name: Option<&[u8]>, data: &[u8], len: u64) -> FakeMemory {
    let (name_at, namelen) = match name {
        Some(n) => (0x2000, n.len() as u64),
        None => (0, 0),
    };
    let iov = words(&[AT, len]);
    let msg = words(&[name_at, namelen, 0x4000, 1, 0, 0, 0]);
    FakeMemory::new()
        .with(AT, data)
        .with(0x2000, name.unwrap_or(&[]))
        .with(0x4000, &iov)
        .with(0x3000, &msg)
}

#[test]
fn messages_to_netlink_addresses_decode() {
    // struct sockaddr_nl: family, pad, pid, groups.
    let kernel = [16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let msg = hdr(16, 1, 1, 3, 0);
    let send = |name: Option<&[u8]>, protocol| {
        let mem = msghdr_mem(name, &msg, 16);
        nl_line(
            protocol,
            DEFAULTS,
            NR_SENDMSG,
            [3, 0x3000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(16),
        )
    };
    let noop = "{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=3, nlmsg_pid=0}";
    assert_eq!(
        send(Some(&kernel), Some(Some(NETLINK_ROUTE))),
        format!(
            "sendmsg(3, {{msg_name={{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}}, msg_namelen=12, \
             msg_iov=[{{iov_base={noop}, iov_len=16}}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}, 0) = 16"
        )
    );
    // The address decides: none, no netlink messages; a netlink one on another socket,
    // messages of no known protocol.
    assert_eq!(
        send(None, Some(Some(NETLINK_ROUTE))),
        r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="\20\0\0\0\1\0\1\0\3\0\0\0\0\0\0\0", iov_len=16}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 16"#
    );
    let to_usersock = send(Some(&kernel), None);
    assert!(
        to_usersock.contains(&format!("iov_base={noop}")),
        "{to_usersock}"
    );
}

/// A `struct ifaddrmsg` (`<linux/if_addr.h>`): family, prefix length, flags, scope, index.
fn ifaddrmsg(family: u8) -> Vec<u8> {
    let mut b = vec![family, 24, 0x80, 0];
    b.extend(0u32.to_ne_bytes());
    b
}

const GETADDR: &str =
    "nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}";

#[test]
fn route_messages_and_their_attributes() {
    let route = Some(NETLINK_ROUTE);
    let mut payload = ifaddrmsg(2);
    payload.extend(nla(1, &[127, 0, 0, 1]));
    payload.extend(nla(3, b"lo\0"));
    payload.push(0);
    payload.extend(nla(6, &words32(&[1, 2, 3, 4])));
    payload.extend(nla(8, &0x81u32.to_ne_bytes()));
    assert_eq!(
        sent(route, &nlmsg(22, 1, &payload)),
        format!(
            "[{{nlmsg_len=68, {GETADDR}, {{ifa_family=AF_INET, ifa_prefixlen=24, \
             ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}}, \
             [[{{nla_len=8, nla_type=IFA_ADDRESS}}, inet_addr(\"127.0.0.1\")], \
             [{{nla_len=7, nla_type=IFA_LABEL}}, \"lo\"], \
             [{{nla_len=20, nla_type=IFA_CACHEINFO}}, {{ifa_prefered=1, ifa_valid=2, cstamp=3, tstamp=4}}], \
             [{{nla_len=8, nla_type=IFA_FLAGS}}, IFA_F_SECONDARY|IFA_F_PERMANENT]]]"
        )
    );
    // An address of another family, or too short for its own: in hex.
    let mut unix = ifaddrmsg(1);
    unix.extend(nla(1, &[127, 0, 0, 1]));
    assert!(
        sent(route, &nlmsg(22, 1, &unix))
            .ends_with(r#"[{nla_len=8, nla_type=IFA_ADDRESS}, "\x7f\x00\x00\x01"]]"#)
    );
    // Shorter than its struct: the family and `...`, no attributes.
    assert_eq!(
        sent(route, &nlmsg(22, 1, &[2, 0, 0])),
        format!("[{{nlmsg_len=19, {GETADDR}, {{ifa_family=AF_INET, ...}}]")
    );
    // A bridge's neighbours are asked for with a link's message.
    let mut link = vec![7, 0, 4, 3];
    link.extend(words32(&[0, 1, 0]));
    assert_eq!(
        sent(route, &nlmsg(30, 1, &link)),
        "[{nlmsg_len=32, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, \
         {ifi_family=AF_BRIDGE, ifi_type=ARPHRD_LOOPBACK, ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}]"
    );
}

#[test]
fn route_attribute_values() {
    let route = Some(NETLINK_ROUTE);
    // struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags.
    let mut rtm = vec![2, 0, 0, 0, 254, 2, 0, 1];
    rtm.extend(0u32.to_ne_bytes());
    rtm.extend(nla(15, &300u32.to_ne_bytes()));
    rtm.extend(nla(8, &nla(2, &1500u32.to_ne_bytes())));
    let line = sent(route, &nlmsg(26, 1, &rtm));
    assert!(
        line.ends_with(
            "{rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, \
             rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=0}, \
             [[{nla_len=8, nla_type=RTA_TABLE}, 0x12c], \
             [{nla_len=12, nla_type=RTA_METRICS}, [{nla_len=8, nla_type=RTAX_MTU}, 1500]]]]"
        ),
        "{line}"
    );
    // strace's generic flags take at most 8 bytes; its own table decoder any length.
    let mut ndm = vec![2, 0, 0, 0];
    ndm.extend(words32(&[0, 0x80_0002]));
    ndm.extend(nla(16, &[2, 0, 0, 0, 0, 0, 0, 0, 0]));
    let line = sent(route, &nlmsg(30, 1, &ndm));
    assert!(
        line.ends_with(
            r#"[{nla_len=13, nla_type=NDA_NDM_STATE_MASK}, "\x02\x00\x00\x00\x00\x00\x00\x00\x00"]]"#
        ),
        "{line}"
    );
    assert!(
        line.contains("ndm_state=NUD_REACHABLE, ndm_flags=NTF_ROUTER, ndm_type=RTN_UNSPEC}"),
        "{line}"
    );
}

#[test]
fn sock_diag_requests_and_answers() {
    let diag = Some(NETLINK_SOCK_DIAG);
    // struct unix_diag_req: family, protocol, pad, states, ino, show, cookie.
    let mut req = vec![1, 0, 0, 0];
    req.extend(words32(&[1 << 10 | 1 << 1, 42, 1, 1, 2]));
    assert_eq!(
        sent(diag, &nlmsg(20, 1, &req)),
        format!(
            "[{}, {{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_ESTABLISHED|1<<TCP_LISTEN, \
             udiag_ino=42, udiag_show=UDIAG_SHOW_NAME, udiag_cookie=[1, 2]}}]",
            shown_hdr(40, "SOCK_DIAG_BY_FAMILY", "NLM_F_REQUEST")
        )
    );
    // An answer (no NLM_F_REQUEST): struct unix_diag_msg and its attributes; strace shows a
    // vfs's device before its inode, and the memory counters by index.
    let mut msg = vec![1, 1, 10, 0];
    msg.extend(words32(&[4242, 3, 0]));
    msg.extend(nla(1, &words32(&[77, 0x801])));
    msg.extend(nla(5, &words32(&[1, 2])));
    let answer = sent(diag, &nlmsg(20, 2, &msg));
    assert_eq!(
        answer,
        format!(
            "[{}, {{udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_LISTEN, udiag_ino=4242, \
             udiag_cookie=[3, 0]}}, [[{{nla_len=12, nla_type=UNIX_DIAG_VFS}}, \
             {{udiag_vfs_dev=makedev(0x8, 0x1), udiag_vfs_ino=77}}], \
             [{{nla_len=12, nla_type=UNIX_DIAG_MEMINFO}}, [[SK_MEMINFO_RMEM_ALLOC]=1, [SK_MEMINFO_RCVBUF]=2]]]]",
            shown_hdr(56, "SOCK_DIAG_BY_FAMILY", "NLM_F_MULTI")
        )
    );
    // struct netlink_diag_req: all protocols by name; its groups attribute in padded hex.
    let mut nreq = vec![16, 255, 0, 0];
    nreq.extend(words32(&[0, 1, 0, 0]));
    assert!(sent(diag, &nlmsg(20, 1, &nreq)).ends_with(
        "{sdiag_family=AF_NETLINK, sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, \
             ndiag_show=NDIAG_SHOW_MEMINFO, ndiag_cookie=[0, 0]}]"
    ));
    let mut nmsg = vec![16, 3, 0, 1];
    nmsg.extend(words32(&[100, 0, 0, 5, 0, 0]));
    nmsg.extend(nla(1, &0x11u64.to_ne_bytes()));
    assert!(
        sent(diag, &nlmsg(20, 0, &nmsg))
            .ends_with("[{nla_len=12, nla_type=NETLINK_DIAG_GROUPS}, [0x00000000000011]]]")
    );
}

#[test]
fn route_values_of_code_and_older_forms() {
    let route = Some(NETLINK_ROUTE);
    // RTA_MULTIPATH: next hops, each with the route attributes after it; RTA_VIA.
    let mut hop = vec![16, 0, 1, 0];
    hop.extend(0u32.to_ne_bytes());
    hop.extend(nla(5, &[10, 0, 0, 1]));
    let mut rtm = vec![2, 0, 0, 0, 254, 2, 0, 1];
    rtm.extend(0u32.to_ne_bytes());
    rtm.extend(nla(9, &hop));
    rtm.extend(nla(18, &[2, 0, 10, 0, 0, 2]));
    let line = sent(route, &nlmsg(26, 1, &rtm));
    assert!(
        line.ends_with(
            "[[{nla_len=20, nla_type=RTA_MULTIPATH}, [{rtnh_len=16, rtnh_flags=RTNH_F_DEAD, rtnh_hops=0, \
             rtnh_ifindex=0}, [{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"10.0.0.1\")]]], \
             [{nla_len=10, nla_type=RTA_VIA}, {rtvia_family=AF_INET, rtvia_addr=inet_addr(\"10.0.0.2\")}]]]"
        ),
        "{line}"
    );
    // struct ndtmsg is the family and padding: nothing more is read, however short.
    // NDTA_STATS of the older, shorter form shows the fields it has.
    let mut ndt = vec![2, 0, 0, 0];
    let stats: Vec<u64> = (1..=10).collect();
    ndt.extend(nla(
        7,
        &stats
            .iter()
            .flat_map(|v| v.to_ne_bytes())
            .collect::<Vec<u8>>(),
    ));
    let line = sent(route, &nlmsg(66, 1, &ndt));
    assert!(
        line.ends_with(
            "{ndtm_family=AF_INET}, [{nla_len=84, nla_type=NDTA_STATS}, {ndts_allocs=1, ndts_destroys=2, \
             ndts_hash_grows=3, ndts_res_failed=4, ndts_lookups=5, ndts_hits=6, ndts_rcv_probes_mcast=7, \
             ndts_rcv_probes_ucast=8, ndts_periodic_gc_runs=9, ndts_forced_gc_runs=10}]]"
        ),
        "{line}"
    );
    assert!(sent(route, &nlmsg(66, 1, &[2])).ends_with("{ndtm_family=AF_INET}]"));
    // A value, then attributes after it: MDBA_ROUTER_PORT's index and its attributes.
    let mut port = 0u32.to_ne_bytes().to_vec();
    port.extend(nla(2, &[1]));
    let mut mdb = vec![7, 0, 0, 0];
    mdb.extend(0u32.to_ne_bytes());
    mdb.extend(nla(2, &nla(1, &port)));
    let line = sent(route, &nlmsg(86, 1, &mdb));
    assert!(
        line.ends_with(
            "{family=AF_BRIDGE, ifindex=0}, [{nla_len=17, nla_type=MDBA_ROUTER}, \
             [{nla_len=13, nla_type=MDBA_ROUTER_PORT}, 0, [{nla_len=5, nla_type=MDBA_ROUTER_PATTR_TYPE}, \
             MDB_RTR_TYPE_TEMP_QUERY]]]]"
        ),
        "{line}"
    );
}

#[test]
fn link_attributes() {
    let route = Some(NETLINK_ROUTE);
    let link = |attrs: &[u8]| {
        let mut msg = vec![0, 0, 4, 3];
        msg.extend(words32(&[0, 1, 0]));
        msg.extend_from_slice(attrs);
        sent(route, &nlmsg(18, 1, &msg))
    };
    // IFLA_STATS64 of the form before Linux 6.0 (up to rx_nohandler): the fields it has.
    let stats: Vec<u8> = (1..=24u64).flat_map(|v| v.to_ne_bytes()).collect();
    let line = link(&nla(23, &stats));
    assert!(
        line.ends_with("tx_compressed=23, rx_nohandler=24}]]"),
        "{line}"
    );
    // Another length: in hex.
    let line = link(&nla(23, &stats[..100]));
    assert!(
        line.contains(r#"[{nla_len=104, nla_type=IFLA_STATS64}, "\x01\x00"#),
        "{line}"
    );
    // A vsi's type id in hex; its reserved bytes when not zero.
    let vsi = |pad: [u8; 3]| {
        let mut v = vec![171, 0x61, 0x62, 0x63, 239];
        v.extend(pad);
        link(&nla(25, &nla(3, &v)))
    };
    assert!(
        vsi([0; 3]).ends_with(
            r#"[{nla_len=12, nla_type=IFLA_PORT_VSI_TYPE}, {vsi_mgr_id=171, vsi_type_id="\x61\x62\x63", vsi_type_version=239}]]]"#
        ),
        "{}",
        vsi([0; 3])
    );
    assert!(
        vsi([0, 1, 2]).ends_with(r#"vsi_type_version=239, pad="\x00\x01\x02"}]]]"#),
        "{}",
        vsi([0, 1, 2])
    );
}

#[test]
fn next_hop_messages() {
    let route = Some(NETLINK_ROUTE);
    // struct nhmsg: family, scope, protocol, reserved (shown when set), flags.
    let mut nh = vec![2, 0, 4, 0];
    nh.extend(1u32.to_ne_bytes());
    // NHA_GROUP: nexthop_grp entries, their reserved fields shown when set.
    nh.extend(nla(2, &[1, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0, 1, 7, 0, 0]));
    nh.extend(nla(12, &nla(2, &100u64.to_ne_bytes())));
    let text = format!(
        "[{}, {{nh_family=AF_INET, nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=RTPROT_STATIC, \
         nh_flags=RTNH_F_DEAD}}, [[{{nla_len=20, nla_type=NHA_GROUP}}, [{{id=1, weight=5}}, \
         {{id=2, weight=1, resvd1=0x7}}]], [{{nla_len=16, nla_type=NHA_RES_GROUP}}, \
         [{{nla_len=12, nla_type=NHA_RES_GROUP_IDLE_TIMER}}, 100 /* 1.00 s */]]]]",
        shown_hdr(60, "RTM_GETNEXTHOP", "NLM_F_REQUEST")
    );
    assert_eq!(sent(route, &nlmsg(106, 1, &nh)), text);
    // Under -X raw, no seconds after clock ticks.
    let raw = sent_as(route, ConstStyle::Raw, &nlmsg(106, 1, &nh), 60);
    assert!(
        raw.ends_with("[{nla_len=12, nla_type=0x2}, 100]]]]"),
        "{raw}"
    );
}

#[test]
fn cache_reports_by_family() {
    let route = Some(NETLINK_ROUTE);
    // RTNL_FAMILY_IPMR's attributes; another family's in hex.
    let mut ipmr = vec![128, 0, 0, 0];
    ipmr.extend(nla(3, &[10, 0, 0, 1]));
    assert!(
        sent(route, &nlmsg(96, 1, &ipmr)).ends_with(
            "{rtgen_family=RTNL_FAMILY_IPMR}, [{nla_len=8, nla_type=IPMRA_CREPORT_SRC_ADDR}, inet_addr(\"10.0.0.1\")]]"
        )
    );
    let mut inet = ipmr.clone();
    inet[0] = 2;
    assert!(
        sent(route, &nlmsg(96, 1, &inet))
            .ends_with(r#"{rtgen_family=AF_INET}, "\x08\x00\x03\x00\x0a\x00\x00\x01"]"#)
    );
}

#[test]
fn link_kinds_and_statistics_messages() {
    let route = Some(NETLINK_ROUTE);
    // IFLA_LINKINFO's kinds: up to their NUL; without one, cut.
    let mut link = vec![0, 0, 4, 3];
    link.extend(words32(&[0, 1, 0]));
    let mut info = nla(1, b"veth\0x");
    info.extend([0, 0]);
    info.extend(nla(4, b"bond"));
    link.extend(nla(18, &info));
    let line = sent(route, &nlmsg(18, 1, &link));
    assert!(
        line.ends_with(
            r#"[{nla_len=24, nla_type=IFLA_LINKINFO}, [[{nla_len=10, nla_type=IFLA_INFO_KIND}, "veth"], [{nla_len=8, nla_type=IFLA_INFO_SLAVE_KIND}, "bond"...]]]]"#
        ),
        "{line}"
    );
    // struct if_stats_msg: its padding when set.
    let mut stats = vec![0, 0, 1, 0];
    stats.extend(words32(&[0, 0x22]));
    assert_eq!(
        sent(route, &nlmsg(94, 1, &stats)),
        format!(
            "[{}, {{family=AF_UNSPEC, pad2=0x1, ifindex=0, filter_mask=1<<IFLA_STATS_LINK_64|1<<IFLA_STATS_AF_SPEC}}]",
            shown_hdr(28, "RTM_GETSTATS", "NLM_F_REQUEST")
        )
    );
}

#[test]
fn link_attributes_by_family() {
    let route = Some(NETLINK_ROUTE);
    let link = |family: u8, style: ConstStyle, attrs: &[u8]| {
        let mut msg = vec![family, 0, 4, 3];
        msg.extend(words32(&[0, 1, 0]));
        msg.extend_from_slice(attrs);
        let msg = nlmsg(18, 1, &msg);
        sent_as(route, style, &msg, msg.len() as u64)
    };
    // IFLA_PROTINFO: a bridge port's attributes for AF_BRIDGE (a bridge id of two priority
    // bytes and an address), IPv6's for AF_INET6 (indexed counters, an unnamed index with
    // the table's comment but under -X raw), another family's in hex.
    let id = nla(12, &nla(14, &[1, 2, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]));
    let line = link(7, ConstStyle::Abbrev, &id);
    assert!(
        line.ends_with(
            "[{nla_len=16, nla_type=IFLA_PROTINFO}, [{nla_len=12, nla_type=IFLA_BRPORT_BRIDGE_ID}, \
             {prio=[1, 2], addr=aa:bb:cc:dd:ee:ff}]]]"
        ),
        "{line}"
    );
    let stats: Vec<u8> = [5u64, 6].iter().flat_map(|v| v.to_ne_bytes()).collect();
    let icmp = nla(12, &nla(6, &stats));
    let line = link(10, ConstStyle::Abbrev, &icmp);
    assert!(
        line.ends_with(
            "[{nla_len=20, nla_type=IFLA_INET6_ICMP6STATS}, [[ICMP6_MIB_NUM]=5, [ICMP6_MIB_INMSGS]=6]]]]"
        ),
        "{line}"
    );
    let many: Vec<u8> = (0..7u64).flat_map(|v| v.to_ne_bytes()).collect();
    let line = link(10, ConstStyle::Raw, &nla(12, &nla(6, &many)));
    assert!(line.ends_with("[5]=5, [6]=6]]]]"), "{line}");
    let line = link(10, ConstStyle::Abbrev, &nla(12, &nla(6, &many)));
    assert!(line.ends_with("[6 /* ICMP6_MIB_??? */]=6]]]]"), "{line}");
    let line = link(2, ConstStyle::Abbrev, &nla(12, &[1, 2, 3, 4]));
    assert!(
        line.ends_with(r#"[{nla_len=8, nla_type=IFLA_PROTINFO}, "\x01\x02\x03\x04"]]"#),
        "{line}"
    );
    // IFLA_AF_SPEC: AF_BRIDGE's own attributes (a VLAN's struct, the bytes after it in
    // hex); another family's, an attribute by address family.
    let vlan = nla(26, &nla(2, &[1, 0, 5, 0, 0xab, 0xcd]));
    let line = link(7, ConstStyle::Abbrev, &vlan);
    assert!(
        line.ends_with(
            r#"[{nla_len=10, nla_type=IFLA_BRIDGE_VLAN_INFO}, {flags=BRIDGE_VLAN_INFO_MASTER, vid=5}, "\xab\xcd"]]]"#
        ),
        "{line}"
    );
    let conf = nla(26, &nla(2, &nla(1, &(-1i32).to_ne_bytes())));
    let line = link(0, ConstStyle::Abbrev, &conf);
    assert!(
        line.ends_with(
            "[{nla_len=12, nla_type=AF_INET}, [{nla_len=8, nla_type=IFLA_INET_CONF}, \
             [[IPV4_DEVCONF_FORWARDING-1]=-1]]]]]"
        ),
        "{line}"
    );
}

#[test]
fn virtual_function_attributes() {
    let route = Some(NETLINK_ROUTE);
    let mut msg = vec![0, 0, 4, 3];
    msg.extend(words32(&[0, 1, 0]));
    // IFLA_VFINFO_LIST: IFLA_VF_INFO: a link state, a VLAN's protocol in network order.
    let mut info = nla(5, &words32(&[1, 2]));
    let mut vlan = words32(&[1, 2, 3]);
    vlan.extend([0x81, 0x00, 0, 0]);
    info.extend(nla(12, &nla(1, &vlan)));
    msg.extend(nla(22, &nla(1, &info)));
    let line = sent(route, &nlmsg(18, 1, &msg));
    assert!(
        line.ends_with(
            "[{nla_len=44, nla_type=IFLA_VFINFO_LIST}, [{nla_len=40, nla_type=IFLA_VF_INFO}, \
             [[{nla_len=12, nla_type=IFLA_VF_LINK_STATE}, {vf=1, link_state=IFLA_VF_LINK_STATE_DISABLE}], \
             [{nla_len=24, nla_type=IFLA_VF_VLAN_LIST}, [{nla_len=20, nla_type=IFLA_VF_VLAN_INFO}, \
             {vf=1, vlan=2, qos=3, vlan_proto=htons(ETH_P_8021Q)}]]]]]]"
        ),
        "{line}"
    );
}

#[test]
fn extended_link_statistics() {
    let route = Some(NETLINK_ROUTE);
    // struct if_stats_msg, then IFLA_STATS_LINK_XSTATS: LINK_XSTATS_TYPE_BRIDGE.
    let stats = |attrs: &[u8], style: ConstStyle| {
        let mut msg = vec![0, 0, 0, 0];
        msg.extend(words32(&[1, 0]));
        msg.extend(nla(2, &nla(1, attrs)));
        let msg = nlmsg(94, 1, &msg);
        sent_as(route, style, &msg, msg.len() as u64)
    };
    // The STP counters, the bytes after them in hex.
    let mut stp: Vec<u8> = (1..=6u64).flat_map(|v| v.to_ne_bytes()).collect();
    stp.extend([0xab, 0xcd]);
    let line = stats(&nla(4, &stp), ConstStyle::Abbrev);
    assert!(
        line.ends_with(
            r#"{transition_blk=1, transition_fwd=2, rx_bpdu=3, tx_bpdu=4, rx_tcn=5, tx_tcn=6}, "\xab\xcd"]]]]"#
        ),
        "{line}"
    );
    // Multicast counters by direction: a struct's arrays with their indexes named.
    let mcast: Vec<u8> = (0..30u64).flat_map(|v| v.to_ne_bytes()).collect();
    let line = stats(&nla(2, &mcast), ConstStyle::Abbrev);
    assert!(
        line.contains(
            "{igmp_v1queries=[[BR_MCAST_DIR_RX]=0, [BR_MCAST_DIR_TX]=1], igmp_v2queries=[[BR_MCAST_DIR_RX]=2, "
        ) && line.contains("igmp_parse_errors=14, mld_v1queries=[[BR_MCAST_DIR_RX]=15, ")
            && line.ends_with("mcast_packets=[[BR_MCAST_DIR_RX]=28, [BR_MCAST_DIR_TX]=29]}]]]]"),
        "{line}"
    );
    let line = stats(&nla(2, &mcast), ConstStyle::Raw);
    assert!(line.contains("{igmp_v1queries=[[0]=0, [1]=1], "), "{line}");
}

/// `struct inet_diag_sockid`: ports in network order, two addresses of 16 bytes (`addr`
/// in each), an interface, a cookie.
fn sockid(addr: &[u8]) -> Vec<u8> {
    let mut id = vec![0, 80, 0x1f, 0x90];
    for _ in 0..2 {
        let mut a = addr.to_vec();
        a.resize(16, 0);
        id.extend(a);
    }
    id.extend(words32(&[0, 1, 2]));
    id
}

#[test]
fn inet_and_smc_sock_diag() {
    let diag = Some(NETLINK_SOCK_DIAG);
    // TCPDIAG_GETSOCK: the old form of request, its attributes after it.
    let mut req = vec![2, 0, 0, 1 << 3];
    req.extend(sockid(&[127, 0, 0, 1]));
    req.extend(words32(&[1 << 10, 0]));
    req.extend(nla(3, &6u32.to_ne_bytes()));
    assert!(
        sent(diag, &nlmsg(18, 1, &req)).ends_with(
            "{idiag_family=AF_INET, idiag_src_len=0, idiag_dst_len=0, idiag_ext=1<<(INET_DIAG_CONG-1), \
             id={idiag_sport=htons(80), idiag_dport=htons(8080), idiag_src=inet_addr(\"127.0.0.1\"), \
             idiag_dst=inet_addr(\"127.0.0.1\"), idiag_if=0, idiag_cookie=[1, 2]}, \
             idiag_states=1<<TCP_LISTEN, idiag_dbs=0}, [{nla_len=8, nla_type=INET_DIAG_REQ_PROTOCOL}, IPPROTO_TCP]]"
        )
    );
    // SOCK_DIAG_BY_FAMILY: the new form; IPv6 addresses name their field inside.
    let mut v2 = vec![10, 6, 0, 0];
    v2.extend(words32(&[1 << 1]));
    v2.extend(sockid(&[0xfe, 0x80]));
    let line = sent(diag, &nlmsg(20, 1, &v2));
    assert!(
        line.ends_with(
            "{sdiag_family=AF_INET6, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, \
             idiag_states=1<<TCP_ESTABLISHED, id={idiag_sport=htons(80), idiag_dport=htons(8080), \
             inet_pton(AF_INET6, \"fe80::\", &idiag_src), inet_pton(AF_INET6, \"fe80::\", &idiag_dst), \
             idiag_if=0, idiag_cookie=[1, 2]}}]"
        ),
        "{line}"
    );
    // AF_SMC: IPv4 addresses whatever the family.
    let mut smc = vec![43, 0, 0, 1];
    smc.extend(sockid(&[10, 0, 0, 1]));
    let line = sent(diag, &nlmsg(20, 1, &smc));
    assert!(
        line.ends_with(
            "{diag_family=AF_SMC, diag_ext=1<<(SMC_DIAG_CONNINFO-1), id={idiag_sport=htons(80), \
             idiag_dport=htons(8080), idiag_src=inet_addr(\"10.0.0.1\"), idiag_dst=inet_addr(\"10.0.0.1\"), \
             idiag_if=0, idiag_cookie=[1, 2]}}]"
        ),
        "{line}"
    );
}

#[test]
fn inet_diag_bytecode() {
    let diag = Some(NETLINK_SOCK_DIAG);
    let v2 = |attr: &[u8]| {
        let mut req = vec![2, 6, 0, 0];
        req.extend(words32(&[0]));
        req.extend(sockid(&[127, 0, 0, 1]));
        req.extend(nla(1, attr));
        sent(diag, &nlmsg(20, 1, &req))
    };
    // A condition on the source: the host's family, prefix, port, then its address.
    let mut cond = vec![7, 4, 8, 0, 2, 8, 0, 0];
    cond.extend(80u32.to_ne_bytes()[..2].iter().chain(&[0, 0]));
    cond.extend([10, 0, 0, 0]);
    let line = v2(&cond);
    assert!(
        line.ends_with(
            "[{nla_len=20, nla_type=INET_DIAG_REQ_BYTECODE}, {code=INET_DIAG_BC_S_COND, yes=4, no=8}, \
             {family=AF_INET, prefix_len=8, port=80, addr=inet_addr(\"10.0.0.0\")}]]"
        ),
        "{line}"
    );
    // A comparison takes another operation; an interface, its index; other codes in hex.
    let line = v2(&[2, 0, 0, 0, 9, 1, 2, 0]);
    assert!(
        line.ends_with(
            "{code=INET_DIAG_BC_S_GE, yes=0, no=0}, {code=INET_DIAG_BC_DEV_COND, yes=1, no=2}]]"
        ),
        "{line}"
    );
    let line = v2(&[6, 0, 0, 0, 1, 2]);
    assert!(
        line.ends_with(r#"{code=INET_DIAG_BC_AUTO, yes=0, no=0}, "\x01\x02"]]"#),
        "{line}"
    );
}

#[test]
fn smc_diag_answers() {
    let diag = Some(NETLINK_SOCK_DIAG);
    let answer = |attr: &[u8]| {
        let mut msg = vec![43, 1, 0, 0];
        msg.extend(sockid(&[10, 0, 0, 1]));
        msg.extend(words32(&[0, 0, 0]));
        msg.extend_from_slice(attr);
        sent(diag, &nlmsg(20, 2, &msg))
    };
    // SMC_DIAG_LGRINFO: an array of one link whose names end at their NUL.
    let mut lgr = vec![1u8];
    let name = |s: &[u8], size: usize| {
        let mut v = s.to_vec();
        v.resize(size, 0);
        v
    };
    lgr.extend(name(b"mlx0", 64));
    lgr.push(2);
    lgr.extend(name(b"g1", 40));
    lgr.extend(name(b"g2", 40));
    lgr.push(1);
    let line = answer(&nla(2, &lgr));
    assert!(
        line.ends_with(
            "[{nla_len=151, nla_type=SMC_DIAG_LGRINFO}, {lnk=[{link_id=1, ibname=\"mlx0\", ibport=2, \
             gid=\"g1\", peer_gid=\"g2\"}], role=SMC_SERV}]]"
        ),
        "{line}"
    );
    // SMC_DIAG_FALLBACK: codes in hex, named in comments.
    let line = answer(&nla(5, &words32(&[0x0302_0000, 7])));
    assert!(
        line.ends_with(
            "{reason=0x3020000 /* SMC_CLC_DECL_IPSEC */, peer_diagnosis=0x7 /* SMC_CLC_DECL_??? */}]]"
        ),
        "{line}"
    );
}
