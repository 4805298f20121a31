//! Socket options (`decode/sockopt.rs`): names by level and call, values by the shape the
//! `[sockopt.*]` tables give them, with strace 6.1's rules for lengths that do not fit.

use super::*;
use crate::output::ConstStyle;

/// Where the value lies: its 4 bytes end a page (`VAL_END`), so a longer read fails.
const VAL: u64 = 0x1ffc;
/// A value as long as its struct, at a page's end.
const fn at_end(size: u64) -> u64 {
    0x3000 - size
}
/// Where `getsockopt`'s length lies.
const LEN: u64 = 0x5000;

fn set(level: u64, name: u64, addr: u64, len: i32, mem: &FakeMemory) -> String {
    line(
        NR_SETSOCKOPT,
        [3, level, name, addr, len as u32 as u64, 0],
        mem,
        Outcome::Ok(0),
    )
}

/// `getsockopt` with `*optlen` `given` at entry and `got` at exit.
fn get(level: u64, name: u64, addr: u64, given: i32, got: i32, mem: &FakeMemory) -> String {
    let before = mem.clone().with(LEN, &given.to_ne_bytes());
    let after = mem.clone().with(LEN, &got.to_ne_bytes());
    line_changed(
        NR_GETSOCKOPT,
        [3, level, name, addr, LEN, 0],
        &before,
        &after,
        Outcome::Ok(0),
    )
}

const SOL_SOCKET: u64 = 1;

#[test]
fn ints_and_their_lengths() {
    let mem = FakeMemory::new().with(VAL, &ints(&[0x34_0000]));
    // SO_SNDBUF: an int; short from getsockopt in hex, to setsockopt the address.
    assert_eq!(
        get(SOL_SOCKET, 7, VAL, 3, 3, &mem),
        r#"getsockopt(3, SOL_SOCKET, SO_SNDBUF, "\x00\x00\x34", [3]) = 0"#
    );
    assert_eq!(
        get(SOL_SOCKET, 7, VAL, 8, 4, &mem),
        "getsockopt(3, SOL_SOCKET, SO_SNDBUF, [3407872], [8 => 4]) = 0"
    );
    assert_eq!(
        set(SOL_SOCKET, 7, VAL, -1, &mem),
        "setsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x1ffc, -1) = 0"
    );
    assert_eq!(
        set(SOL_SOCKET, 7, VAL, 5, &mem),
        "setsockopt(3, SOL_SOCKET, SO_SNDBUF, [3407872], 5) = 0"
    );
    // A length not above zero from getsockopt: the address.
    assert_eq!(
        get(SOL_SOCKET, 7, VAL, 0, 4, &mem),
        "getsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x1ffc, [0 => 4]) = 0"
    );
    // SO_TYPE has no shape: an int of an int's size, else the bytes as a string (here
    // past the readable memory: the address).
    assert_eq!(
        get(SOL_SOCKET, 3, VAL, 4, 4, &mem),
        "getsockopt(3, SOL_SOCKET, SO_TYPE, [3407872], [4]) = 0"
    );
    assert_eq!(
        get(SOL_SOCKET, 3, VAL, 3, 3, &mem),
        r#"getsockopt(3, SOL_SOCKET, SO_TYPE, "\0\0004", [3]) = 0"#
    );
    assert_eq!(
        set(SOL_SOCKET, 3, VAL, 5, &mem),
        "setsockopt(3, SOL_SOCKET, SO_TYPE, 0x1ffc, 5) = 0"
    );
    // Under -e verbose=none, the address.
    assert_eq!(
        line_opts(
            NR_SETSOCKOPT,
            [3, SOL_SOCKET, 7, VAL, 4, 0],
            &mem,
            Outcome::Ok(0),
            opts(true, false, 32)
        ),
        "setsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x1ffc, 4) = 0"
    );
    // getsockopt then reads no length: both pointers show as addresses, failed or not.
    let with_len = mem.clone().with(LEN, &ints(&[4]));
    for outcome in [Outcome::Ok(0), Outcome::Err(EFAULT)] {
        let line = line_opts(
            NR_GETSOCKOPT,
            [3, SOL_SOCKET, 7, VAL, LEN, 0],
            &with_len,
            outcome,
            opts(true, false, 32),
        );
        assert!(
            line.starts_with("getsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x1ffc, 0x5000) = "),
            "{line}"
        );
    }
}

#[test]
fn errors_and_txrehash() {
    let mem = FakeMemory::new().with(VAL, &ints(&[111]));
    assert_eq!(
        get(SOL_SOCKET, 4, VAL, 4, 4, &mem),
        "getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0"
    );
    assert_eq!(
        get(SOL_SOCKET, 4, VAL, 1, 1, &mem),
        r#"getsockopt(3, SOL_SOCKET, SO_ERROR, "\x6f", [1]) = 0"#
    );
    let rehash = |v: i32, style| {
        let mem = FakeMemory::new().with(VAL, &ints(&[v]));
        line_styled(
            style,
            NR_SETSOCKOPT,
            [3, SOL_SOCKET, 74, VAL, 4, 0],
            &mem,
            Outcome::Ok(0),
        )
    };
    assert_eq!(
        rehash(1, ConstStyle::Abbrev),
        "setsockopt(3, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_ENABLED], 4) = 0"
    );
    assert_eq!(
        rehash(2, ConstStyle::Abbrev),
        "setsockopt(3, SOL_SOCKET, SO_TXREHASH, [2 /* SOCK_TXREHASH_??? */], 4) = 0"
    );
    assert_eq!(
        rehash(2, ConstStyle::Raw),
        "setsockopt(3, 0x1, 0x4a, [2], 4)        = 0"
    );
}

#[test]
fn structs_as_far_as_the_length_goes() {
    let linger = FakeMemory::new().with(at_end(8), &ints(&[1, 0x8d4fdf]));
    let at = at_end(8);
    assert_eq!(
        get(SOL_SOCKET, 13, at, 7, 7, &linger),
        r#"getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger="\xdf\x4f\x8d"}, [7]) = 0"#
    );
    assert_eq!(
        get(SOL_SOCKET, 13, at, 3, 3, &linger),
        r#"getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff="\x01\x00\x00"}, [3]) = 0"#
    );
    // To setsockopt, the whole struct or the address.
    assert_eq!(
        set(SOL_SOCKET, 13, at, 8, &linger),
        "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=9261023}, 8) = 0"
    );
    assert_eq!(
        set(SOL_SOCKET, 13, at, 4, &linger),
        "setsockopt(3, SOL_SOCKET, SO_LINGER, 0x2ff8, 4) = 0"
    );
    let ucred = FakeMemory::new().with(at_end(12), &ints(&[42, 0, -1]));
    let at = at_end(12);
    assert_eq!(
        get(SOL_SOCKET, 17, at, 12, 12, &ucred),
        "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=42, uid=0, gid=-1}, [12]) = 0"
    );
    assert_eq!(
        get(SOL_SOCKET, 17, at, 16, 7, &ucred),
        r#"getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=42, uid="\x00\x00\x00"}, [16 => 7]) = 0"#
    );
    let stats = FakeMemory::new().with(at, &ints(&[1, 2, 3]));
    assert_eq!(
        get(263, 6, at, 16, 11, &stats),
        r#"getsockopt(3, SOL_PACKET, PACKET_STATISTICS, {tp_packets=1, tp_drops=2, tp_freeze_q_cnt="\x03\x00\x00"}, [16 => 11]) = 0"#
    );
}

#[test]
fn socket_filters() {
    // BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL), BPF_STMT(BPF_RET|BPF_K,
    // 0xffffffff), BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF + 8).
    let mut program = Vec::new();
    for (code, k) in [
        (0x30u16, 0xffff_f000u32),
        (0x06, 0xffff_ffff),
        (0x30, 0xfff0_0008),
    ] {
        program.extend(code.to_ne_bytes());
        program.extend([0, 0]);
        program.extend(k.to_ne_bytes());
    }
    let mem = FakeMemory::new()
        .with(0x1000, &[words(&[3]), words(&[0x4000])].concat())
        .with(0x4000, &program);
    let insns = "[BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL), BPF_STMT(BPF_RET|BPF_K, 0xffffffff), BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+8)]";
    assert_eq!(
        line_verbose(
            NR_SETSOCKOPT,
            [3, SOL_SOCKET, 26, 0x1000, 16, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!("setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {{len=3, filter={insns}}}, 16) = 0")
    );
    assert_eq!(
        set(SOL_SOCKET, 26, 0x1000, 16, &mem),
        "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=3, filter=0x4000}, 16) = 0"
    );
    assert_eq!(
        set(SOL_SOCKET, 51, 0x1000, 12, &mem),
        "setsockopt(3, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, 0x1000, 12) = 0"
    );
    // getsockopt names option 26 otherwise, and returns the instructions, as many as the
    // length says.
    let before = mem.clone().with(LEN, &ints(&[8]));
    let after = mem.clone().with(LEN, &ints(&[3]));
    let args = [3, SOL_SOCKET, 26, 0x4000, LEN, 0];
    assert_eq!(
        render_call(
            NR_GETSOCKOPT,
            args,
            [&before, &after],
            opts(false, true, 32),
            None,
            |_| {},
            Outcome::Ok(0)
        ),
        format!("getsockopt(3, SOL_SOCKET, SO_GET_FILTER, {insns}, [8 => 3]) = 0")
    );
    assert_eq!(
        get(SOL_SOCKET, 26, 0x4000, 8, 3, &mem),
        "getsockopt(3, SOL_SOCKET, SO_GET_FILTER, 0x4000, [8 => 3]) = 0"
    );
}

#[test]
fn icmp_filters() {
    let filter = |bits: u32, len: i32| {
        let mem = FakeMemory::new().with(VAL, &bits.to_ne_bytes());
        set(255, 1, VAL, len, &mem)
    };
    assert_eq!(
        filter(0b1001, 4),
        "setsockopt(3, SOL_RAW, ICMP_FILTER, [ICMP_ECHOREPLY ICMP_DEST_UNREACH], 4) = 0"
    );
    // More than half the bits set: the ones not set.
    assert_eq!(
        filter(!0b1_0000_0000, 8),
        "setsockopt(3, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHO], 8) = 0"
    );
    assert_eq!(
        filter(1 << 20, 4),
        "setsockopt(3, SOL_RAW, ICMP_FILTER, [0x14 /* ICMP_??? */], 4) = 0"
    );
    // The bytes not given count as set.
    assert_eq!(
        filter(0, 1),
        "setsockopt(3, SOL_RAW, ICMP_FILTER, ~[0 1 2 3 4 5 6 7], 1) = 0"
            .replace(
                "0 1 2 3 4 5 6 7",
                "ICMP_ECHOREPLY 0x1 /* ICMP_??? */ 0x2 /* ICMP_??? */ ICMP_DEST_UNREACH ICMP_SOURCE_QUENCH ICMP_REDIRECT 0x6 /* ICMP_??? */ 0x7 /* ICMP_??? */"
            )
    );
    assert_eq!(
        filter(0, -2),
        "setsockopt(3, SOL_RAW, ICMP_FILTER, 0x1ffc, -2) = 0"
    );
}

#[test]
fn packet_requests() {
    let at = at_end(16);
    let mreq = FakeMemory::new().with(at, &[&ints(&[0])[..], &[1, 0, 9, 0], &[0xff; 8]].concat());
    assert_eq!(
        set(263, 1, at, 16, &mreq),
        "setsockopt(3, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=0, mr_type=PACKET_MR_PROMISC, mr_alen=9, mr_address=ff:ff:ff:ff:ff:ff:ff:ff}, 16) = 0"
    );
    assert_eq!(
        set(263, 2, at, 17, &mreq),
        "setsockopt(3, SOL_PACKET, PACKET_DROP_MEMBERSHIP, 0x2ff0, 17) = 0"
    );
    let req = FakeMemory::new().with(at, &ints(&[4096, 1, 2048, -1]));
    assert_eq!(
        set(263, 5, at, 16, &req),
        "setsockopt(3, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4096, tp_block_nr=1, tp_frame_size=2048, tp_frame_nr=4294967295}, 16) = 0"
    );
}

#[test]
fn multicast_memberships() {
    let ip = FakeMemory::new().with(at_end(8), &[224, 0, 0, 3, 127, 0, 0, 1]);
    assert_eq!(
        set(0, 35, at_end(8), 8, &ip),
        r#"setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr("224.0.0.3"), imr_interface=inet_addr("127.0.0.1")}, 8) = 0"#
    );
    assert_eq!(
        set(0, 36, at_end(8), 7, &ip),
        "setsockopt(3, SOL_IP, IP_DROP_MEMBERSHIP, 0x2ff8, 7) = 0"
    );
    let mut v6 = vec![0xff, 1];
    v6.extend([0; 13]);
    v6.extend([0xc, 0, 0, 0, 0]);
    let ip6 = FakeMemory::new().with(at_end(20), &v6);
    assert_eq!(
        set(41, 27, at_end(20), 20, &ip6),
        r#"setsockopt(3, SOL_IPV6, IPV6_JOIN_ANYCAST, {inet_pton(AF_INET6, "ff01::c", &ipv6mr_multiaddr), ipv6mr_interface=0}, 20) = 0"#
    );
    let mut group = ints(&[0, 0]);
    group.extend([2, 0, 0xff, 0xff, 224, 0, 0, 3]);
    group.resize(136, 0);
    let greq = FakeMemory::new().with(at_end(136), &group);
    assert_eq!(
        set(0, 42, at_end(136), 136, &greq),
        r#"setsockopt(3, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=0, gr_group={sa_family=AF_INET, sin_port=htons(65535), sin_addr=inet_addr("224.0.0.3")}}, 136) = 0"#
    );
    assert_eq!(
        set(41, 45, at_end(136), 135, &greq),
        "setsockopt(3, SOL_IPV6, MCAST_LEAVE_GROUP, 0x2f78, 135) = 0"
    );
}

#[test]
fn netlink_options() {
    let mem = FakeMemory::new().with(at_end(8), &ints(&[1, 2]));
    let at = at_end(8);
    assert_eq!(
        get(270, 9, at, 8, 8, &mem),
        "getsockopt(3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [1, 2], [8]) = 0"
    );
    assert_eq!(
        get(270, 9, at, 3, 8, &mem),
        "getsockopt(3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [], [3 => 8]) = 0"
    );
    // The others are ints, from getsockopt whatever the length.
    assert_eq!(
        get(270, 3, at, 1, 1, &mem),
        "getsockopt(3, SOL_NETLINK, NETLINK_PKTINFO, [1], [1]) = 0"
    );
    assert_eq!(
        set(270, 3, at, 3, &mem),
        "setsockopt(3, SOL_NETLINK, NETLINK_PKTINFO, 0x2ff8, 3) = 0"
    );
}

#[test]
fn names_each_call_knows() {
    let mem = FakeMemory::new().with(VAL, &ints(&[0]));
    assert_eq!(
        set(0, 64, VAL, 4, &mem),
        "setsockopt(3, SOL_IP, IPT_SO_SET_REPLACE, [0], 4) = 0"
    );
    assert_eq!(
        get(0, 64, VAL, 4, 4, &mem),
        "getsockopt(3, SOL_IP, IPT_SO_GET_INFO, [0], [4]) = 0"
    );
    assert_eq!(
        get(41, 68, VAL, 4, 4, &mem),
        "getsockopt(3, SOL_IPV6, IP6T_SO_GET_REVISION_MATCH, [0], [4]) = 0"
    );
    assert_eq!(
        set(41, 68, VAL, 4, &mem),
        "setsockopt(3, SOL_IPV6, 0x44 /* IPV6_??? */, [0], 4) = 0"
    );
}
