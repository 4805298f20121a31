//! Socket addresses (`decode/sockaddr.rs` and its family modules), family by family: the
//! expected lines are Debian's strace 6.1 on the same bytes (`connect(-1, addr, len)`, each
//! address followed by 0xff bytes so that a read past it would show).

use super::*;
use crate::output::ConstStyle;

/// Maps `bytes` at 0x1000, then 0xff bytes to the end of the page.
fn filled(bytes: &[u8]) -> FakeMemory {
    let mut buf = bytes.to_vec();
    buf.resize(0x1000, 0xff);
    FakeMemory::new().with(0x1000, &buf)
}

/// `connect(-1, addr, len)` failing with EBADF, decoded with `opts`.
fn connect_with(mem: &FakeMemory, addr: u64, len: u64, opts: DecodeOpts) -> String {
    let args = [u64::MAX, addr, len, 0, 0, 0];
    render_call(
        NR_CONNECT,
        args,
        [mem, mem],
        opts,
        None,
        |_| {},
        Outcome::Err(EBADF),
    )
}

fn connect(mem: &FakeMemory, addr: u64, len: u64) -> String {
    connect_with(mem, addr, len, DecodeOpts::default())
}

/// Each address (bytes, length) gives its line.
fn check(cases: &[(&[u8], u64, &str)]) {
    for (bytes, len, want) in cases {
        assert_eq!(connect(&filled(bytes), 0x1000, *len), *want);
    }
}

/// The same under `-X style`.
fn check_styled(style: ConstStyle, cases: &[(&[u8], u64, &str)]) {
    for (bytes, len, want) in cases {
        let mem = filled(bytes);
        let captured = Captured::default();
        let format = Format {
            column: 40,
            const_style: style,
            ..Format::default()
        };
        let mut out = Output::new(Box::new(captured.clone()), None, false, format);
        let mut call = Call::new(NR_CONNECT, [u64::MAX, 0x1000, *len, 0, 0, 0], 0);
        let mut scratch = Scratch::new();
        out.bytes(b"connect(");
        entry(
            &mut Text::new(&mut out),
            &mut Ctx::for_test(&mem, &mut scratch),
            &mut call,
        );
        let mut ctx = Ctx::for_test(&mem, &mut scratch);
        exit(
            &mut Text::new(&mut out),
            &mut ctx,
            &call,
            Outcome::Err(EBADF),
        );
        out.finish();
        assert_eq!(captured.text(), *want);
    }
}

#[test]
fn socket_addresses() {
    let mut inet = vec![2, 0, 0, 80, 127, 0, 0, 1];
    inet.resize(16, 0);
    let mut inet6 = vec![10, 0, 0, 53, 0, 0, 0, 0];
    inet6.extend([0u8; 15]);
    inet6.push(1);
    inet6.extend([0u8; 4]);
    let mut unix = vec![1, 0];
    unix.extend(b"/tmp/x\0");
    let mut abs = vec![1, 0, 0];
    abs.extend(b"abs");
    let mut nl = vec![16, 0, 0, 0];
    nl.extend(ints(&[0, 5]));
    let mut odd = vec![200, 0];
    odd.extend([0u8; 14]);
    let mem = FakeMemory::new()
        .with(0x1000, &inet)
        .with(0x2000, &inet6)
        .with(0x3000, &unix)
        .with(0x4000, &abs)
        .with(0x5000, &nl)
        .with(0x6000, &odd);
    let cases: [(u64, u64, &str); 9] = [
        (
            0x1000,
            16,
            r#"connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
        ),
        (
            0x2000,
            28,
            r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#,
        ),
        (
            0x3000,
            110,
            r#"connect(3, {sa_family=AF_UNIX, sun_path="/tmp/x"}, 110) = 0"#,
        ),
        (
            0x4000,
            6,
            r#"connect(3, {sa_family=AF_UNIX, sun_path=@"abs"}, 6) = 0"#,
        ),
        (
            0x5000,
            12,
            r#"connect(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=0x000005}, 12) = 0"#,
        ),
        (
            0x6000,
            16,
            r#"connect(3, {sa_family=0xc8 /* AF_??? */, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = 0"#,
        ),
        (0x1000, 2, r#"connect(3, {sa_family=AF_INET}, 2)      = 0"#),
        (0x1000, 1, r#"connect(3, 0x1000, 1)                   = 0"#),
        (0x9000, 16, r#"connect(3, 0x9000, 16)                  = 0"#),
    ];
    for (addr, len, want) in cases {
        assert_eq!(
            line(NR_CONNECT, [3, addr, len, 0, 0, 0], &mem, Outcome::Ok(0)),
            want
        );
    }
    assert_eq!(
        line(NR_CONNECT, [3, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "connect(3, NULL, 0)                     = 0"
    );
}

#[test]
fn inet6_forms() {
    let mut a = vec![10, 0, 0, 1, 0, 0, 0, 5, 0xfe, 0x80];
    a.extend([0u8; 13]);
    a.push(2);
    a.extend(999_999u32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &a);
    // The 24-byte form has no scope; a link-local scope naming no interface stays a number.
    assert_eq!(
        line(NR_CONNECT, [3, 0x1000, 24, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, "fe80::2", &sin6_addr)}, 24) = 0"#
    );
    assert_eq!(
        line(NR_CONNECT, [3, 0x1000, 28, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"connect(3, {sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, "fe80::2", &sin6_addr), sin6_scope_id=999999}, 28) = 0"#
    );
}

/// `AF_UNIX`: a path up to its NUL or an abstract name, never past `sun_path`.
#[test]
fn unix() {
    check(&[
        // path of 108 bytes with no NUL: the whole path
        (b"\x01\x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 110, r#"connect(-1, {sa_family=AF_UNIX, sun_path="000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, 110) = -1 EBADF (Bad file descriptor)"#),
        // length past the struct: still 108 bytes, nothing after it
        (b"\x01\x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 112, r#"connect(-1, {sa_family=AF_UNIX, sun_path="000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, 112) = -1 EBADF (Bad file descriptor)"#),
        // abstract name past the struct
        (b"\x01\x00\x0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 129, r#"connect(-1, {sa_family=AF_UNIX, sun_path=@"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, 129) = -1 EBADF (Bad file descriptor)"#),
        // a path up to its NUL
        (b"\x01\x00/tmp/x\x00junk", 17, r#"connect(-1, {sa_family=AF_UNIX, sun_path="/tmp/x"}, 17) = -1 EBADF (Bad file descriptor)"#),
        // abstract name with NULs, to the length
        (b"\x01\x00\x00ab\x00c", 7, r#"connect(-1, {sa_family=AF_UNIX, sun_path=@"ab\0c"}, 7) = -1 EBADF (Bad file descriptor)"#),
        // only the first path byte
        (b"\x01\x00a", 3, r#"connect(-1, {sa_family=AF_UNIX, sun_path="a"}, 3) = -1 EBADF (Bad file descriptor)"#),
    ]);
    // unreadable past the first bytes
    let mem = FakeMemory::new().with(0x1ffa, b"\x01\x00/tmp");
    assert_eq!(
        connect(&mem, 0x1ffa, 110),
        r"connect(-1, 0x1ffa, 110)                = -1 EBADF (Bad file descriptor)"
    );
}

/// `AF_INET6`: the scope from the bytes the length covers, the address as `inet_ntop` writes it.
#[test]
fn inet6() {
    check(&[
        // length 25: scope_id from one byte
        (b"\x0a\x00\x005\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x07\x00\x00\x00", 25, r#"connect(-1, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=7}, 25) = -1 EBADF (Bad file descriptor)"#),
        // length 23: the bytes
        (b"\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 23, r#"connect(-1, {sa_family=AF_INET6, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 23) = -1 EBADF (Bad file descriptor)"#),
        // IPv4-compatible address as inet_ntop writes it
        (b"\x0a\x00\x005\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x00\x00\x00\x00", 28, r#"connect(-1, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1.2.3.4", &sin6_addr), sin6_scope_id=0}, 28) = -1 EBADF (Bad file descriptor)"#),
        // link-local scope that names no interface
        (b"\x0a\x00\x005\x00\x00\x00\x00\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\xed\xfe\xce\xfa", 28, r#"connect(-1, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "fe80::1", &sin6_addr), sin6_scope_id=4207869677}, 28) = -1 EBADF (Bad file descriptor)"#),
    ]);
}

/// `AF_IPX`.
#[test]
fn ipx() {
    check(&[
        // zero pad not shown
        (
            b"\x04\x0009\xfa\xce\xfe\xedABCDEF\xff\x00",
            16,
            r"connect(-1, {sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // pad shown when set
        (
            b"\x04\x0009\xfa\xce\xfe\xedABCDEF\xffB",
            16,
            r"connect(-1, {sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff, sipx_zero=0x42}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // node bytes zero and small
        (
            b"\x04\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00",
            16,
            r"connect(-1, {sa_family=AF_IPX, sipx_port=htons(0), sipx_network=htonl(0), sipx_node=[00, 0x5, 00, 00, 00, 00], sipx_type=00}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // shorter than the struct
        (
            b"\x04\x0009\xfa\xce\xfe\xedABCDEF\xff",
            15,
            r#"connect(-1, {sa_family=AF_IPX, sa_data="09\372\316\376\355ABCDEF\377"}, 15) = -1 EBADF (Bad file descriptor)"#,
        ),
    ]);
}

/// `AF_X25`: the X.121 address as a NUL-terminated string of 16 bytes.
#[test]
fn x25() {
    check(&[
        // shorter than the struct
        (
            b"\x09\x000123456789abcde",
            17,
            r#"connect(-1, {sa_family=AF_X25, sa_data="0123456789abcde"}, 17) = -1 EBADF (Bad file descriptor)"#,
        ),
        // no NUL: 15 characters and ...
        (
            b"\x09\x000123456789abcdef",
            18,
            r#"connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr="0123456789abcde"...}}, 18) = -1 EBADF (Bad file descriptor)"#,
        ),
        // a NUL ends it
        (
            b"\x09\x000123456789\x00bcdef",
            18,
            r#"connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr="0123456789"}}, 18) = -1 EBADF (Bad file descriptor)"#,
        ),
        // NUL in the last byte
        (
            b"\x09\x000123456789abcde\x00",
            18,
            r#"connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr="0123456789abcde"}}, 18) = -1 EBADF (Bad file descriptor)"#,
        ),
    ]);
}

/// `AF_NETLINK`: the pad when set, the groups as `%#08x`.
#[test]
fn netlink() {
    check(&[
        // pad shown when set
        (
            b"\x10\x00\xff\xff\xd2\x02\x96I\xed\xfe\xce\xfa",
            12,
            r"connect(-1, {sa_family=AF_NETLINK, nl_pad=0xffff, nl_pid=1234567890, nl_groups=0xfacefeed}, 12) = -1 EBADF (Bad file descriptor)",
        ),
        // groups padded to eight characters
        (
            b"\x10\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00",
            12,
            r"connect(-1, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=0x000005}, 12) = -1 EBADF (Bad file descriptor)",
        ),
        // no groups
        (
            b"\x10\x00\x00\x00\xff\xff\xff\xff\x00\x00\x00\x00",
            12,
            r"connect(-1, {sa_family=AF_NETLINK, nl_pid=-1, nl_groups=00000000}, 12) = -1 EBADF (Bad file descriptor)",
        ),
        // shorter than the struct
        (
            b"\x10\x00\x00\x00\x07\x00\x00\x00\x01\x00\x00",
            11,
            r#"connect(-1, {sa_family=AF_NETLINK, sa_data="\0\0\7\0\0\0\1\0\0"}, 11) = -1 EBADF (Bad file descriptor)"#,
        ),
    ]);
}

/// `AF_PACKET` (`struct sockaddr_ll`).
#[test]
fn packet() {
    check(&[
        // an Ethernet address
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x08abcdefgh", 20, r"connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=8, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]}, 20) = -1 EBADF (Bad file descriptor)"),
        // halen past the address: ...
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x09abcdefgh", 20, r"connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=9, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, ...]}, 20) = -1 EBADF (Bad file descriptor)"),
        // halen 0: no address
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x00abcdefgh", 20, r"connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=0}, 20) = -1 EBADF (Bad file descriptor)"),
        // address bytes past the struct, to the length
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x0aabcdefgh\x00\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 22, r"connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=10, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 00, 0xa]}, 22) = -1 EBADF (Bad file descriptor)"),
        // unknown protocol, type and packet type
        (b"\x11\x00\x124\x00\x00\x00\x00\x99\x99\x09\x00\x00\x00\x00\x00\x00\x00\x00\x00", 20, r"connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(0x1234 /* ETH_P_??? */), sll_ifindex=0, sll_hatype=0x9999 /* ARPHRD_??? */, sll_pkttype=0x9 /* PACKET_??? */, sll_halen=0}, 20) = -1 EBADF (Bad file descriptor)"),
        // IPv6 over a loopback
        (b"\x11\x00\x86\xdd\x01\x00\x00\x00\x04\x03\x04\x06\x00\x01\x02\x03\x04\x05\x00\x00", 20, r#"connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IPV6), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_LOOPBACK, sll_pkttype=PACKET_OUTGOING, sll_halen=6, sll_addr=[00, 0x1, 0x2, 0x3, 0x4, 0x5]}, 20) = -1 EBADF (Bad file descriptor)"#),
        // shorter than the struct
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x08abcdefg", 19, r#"connect(-1, {sa_family=AF_PACKET, sa_data="\0\3\355\376\316\372\1\0\0\10abcdefg"}, 19) = -1 EBADF (Bad file descriptor)"#),
    ]);
}

/// `AF_AX25`: callsigns as text, bytes or both, the digipeaters the length holds.
#[test]
fn ax25() {
    check(&[
        // shorter than the struct
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x00\x00\x00", 15, r#"connect(-1, {sa_family=AF_AX25, sa_data="\254\202\230\222\210@\32\0\0\0\0\0\0"}, 15) = -1 EBADF (Bad file descriptor)"#),
        // no digipeaters
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x00\x00\x00\x00", 16, r"connect(-1, {sa_family=AF_AX25, sax25_call=VALID-13, sax25_ndigis=0}, 16) = -1 EBADF (Bad file descriptor)"),
        // digipeaters the length does not reach
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x08\x00\x00\x00", 16, r"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, fsa_digipeater=[...]}, 16) = -1 EBADF (Bad file descriptor)"),
        // three of eight, and a byte more
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x08\x00\x00\x00\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12", 38, r#"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, *, ...], ...}, 38) = -1 EBADF (Bad file descriptor)"#),
        // all eight
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x08\x00\x00\x00\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12", 72, r#"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, *, {ax25_call="\x9c\xaa\x98\x98\x00\x00\x06"}, {ax25_call="\x82\x5a\x84\x5a\x86\x40\x08"} /* A-B-C-4 */, {ax25_call="\x82\x84\x5e\x86\x88\x40\x0a"}, OK-15, N0CALL-9]}, 72) = -1 EBADF (Bad file descriptor)"#),
        // two of more than eight, and bytes past them
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x09\x00\x00\x00\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12\x00\x00\x00\x00\x00\x00\x00", 79, r#"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=9}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, *, {ax25_call="\x9c\xaa\x98\x98\x00\x00\x06"}, {ax25_call="\x82\x5a\x84\x5a\x86\x40\x08"} /* A-B-C-4 */, {ax25_call="\x82\x84\x5e\x86\x88\x40\x0a"}, OK-15, N0CALL-9], ...}, 79) = -1 EBADF (Bad file descriptor)"#),
        // a negative count
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\xff\xff\xff\xff\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12", 30, r"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=-1}}, 30) = -1 EBADF (Bad file descriptor)"),
        // a proper callsign with a lower bit set
        (b"\x03\x00\xad\x82\x98\x92\x88@\x1a\x00\x00\x00\x00\x00\x00\x00", 16, r#"connect(-1, {sa_family=AF_AX25, sax25_call={ax25_call="\xad\x82\x98\x92\x88\x40\x1a"} /* VALID-13 */, sax25_ndigis=0}, 16) = -1 EBADF (Bad file descriptor)"#),
        // an empty callsign
        (b"\x03\x00@@@@@@\x00\x00\x00\x00\x00\x00\x00\x00", 16, r"connect(-1, {sa_family=AF_AX25, sax25_call=*, sax25_ndigis=0}, 16) = -1 EBADF (Bad file descriptor)"),
    ]);
}

/// `AF_BLUETOOTH`: the protocol told by the length.
#[test]
fn bluetooth() {
    check(&[
        // hci device
        (
            b"\x1f\x0090",
            4,
            r"connect(-1, {sa_family=AF_BLUETOOTH, hci_dev=htobs(12345)}, 4) = -1 EBADF (Bad file descriptor)",
        ),
        // hci device and channel
        (
            b"\x1f\x0090\x00\x00",
            6,
            r"connect(-1, {sa_family=AF_BLUETOOTH, hci_dev=htobs(12345), hci_channel=HCI_CHANNEL_RAW}, 6) = -1 EBADF (Bad file descriptor)",
        ),
        // hci unknown channel
        (
            b"\x1f\x00\x01\x00\x09\x00",
            6,
            r"connect(-1, {sa_family=AF_BLUETOOTH, hci_dev=htobs(1), hci_channel=0x9 /* HCI_CHANNEL_??? */}, 6) = -1 EBADF (Bad file descriptor)",
        ),
        // sco
        (
            b"\x1f\x00abcdef",
            8,
            r"connect(-1, {sa_family=AF_BLUETOOTH, sco_bdaddr=61:62:63:64:65:66}, 8) = -1 EBADF (Bad file descriptor)",
        ),
        // rfcomm
        (
            b"\x1f\x00abcdef*\x00",
            10,
            r"connect(-1, {sa_family=AF_BLUETOOTH, rc_bdaddr=61:62:63:64:65:66, rc_channel=42}, 10) = -1 EBADF (Bad file descriptor)",
        ),
        // l2cap without the address type
        (
            b"\x1f\x0090abcdef\x0b5",
            12,
            r"connect(-1, {sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_DYN_START+8248), l2_bdaddr=61:62:63:64:65:66, l2_cid=htobs(L2CAP_CID_DYN_START+13515)}, 12) = -1 EBADF (Bad file descriptor)",
        ),
        // l2cap with names
        (
            b"\x1f\x00\x01\x00abcdef\x01\x00\x02\x00",
            14,
            r"connect(-1, {sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_SDP), l2_bdaddr=61:62:63:64:65:66, l2_cid=htobs(L2CAP_CID_SIGNALING), l2_bdaddr_type=BDADDR_LE_RANDOM}, 14) = -1 EBADF (Bad file descriptor)",
        ),
        // l2cap unknown values
        (
            b"\x1f\x00\xad\x0babcdef\x08\x00\x03\x00",
            14,
            r"connect(-1, {sa_family=AF_BLUETOOTH, l2_psm=htobs(0xbad /* L2CAP_PSM_??? */), l2_bdaddr=61:62:63:64:65:66, l2_cid=htobs(0x8 /* L2CAP_CID_??? */), l2_bdaddr_type=0x3 /* BDADDR_??? */}, 14) = -1 EBADF (Bad file descriptor)",
        ),
        // l2cap LE dynamic range
        (
            b"\x1f\x00\x85\x00abcdef\xff\x10\x00\x00",
            14,
            r"connect(-1, {sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_LE_DYN_START+5), l2_bdaddr=61:62:63:64:65:66, l2_cid=htobs(L2CAP_CID_DYN_START+4287), l2_bdaddr_type=BDADDR_BREDR}, 14) = -1 EBADF (Bad file descriptor)",
        ),
        // a length no protocol uses
        (
            b"\x1f\x000",
            3,
            r#"connect(-1, {sa_family=AF_BLUETOOTH, sa_data="0"}, 3) = -1 EBADF (Bad file descriptor)"#,
        ),
        // another
        (
            b"\x1f\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            11,
            r#"connect(-1, {sa_family=AF_BLUETOOTH, sa_data="\0\0\0\0\0\0\0\0\0"}, 11) = -1 EBADF (Bad file descriptor)"#,
        ),
    ]);
}

/// `AF_RXRPC`: the transport address in its own form when its length covers it.
#[test]
fn rxrpc() {
    check(&[
        // shorter than the struct
        (b"!\x00\x01\x00\x02\x00\x10\x00\x02\x00\xad\xde\x7f\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 35, r#"connect(-1, {sa_family=AF_RXRPC, sa_data="\1\0\2\0\20\0\2\0\255\336\177\0\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 35) = -1 EBADF (Bad file descriptor)"#),
        // inet transport
        (b"!\x00\x01\x00\x02\x00\x10\x00\x02\x00\xad\xde\x7f\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=AF_RXRPC, srx_service=0x1 /* CM_SERVICE */, transport_type=SOCK_DGRAM, transport_len=16, transport={sin={sin_family=AF_INET, sin_port=htons(44510), sin_addr=inet_addr("127.0.0.1")}}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // inet transport with a short length: the bytes
        (b"!\x00\xc4\x09\x03\x00\x07\x00\x02\x00\xad\xde\x7f\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=AF_RXRPC, srx_service=0x9c4 /* YFS_FS_SERVICE */, transport_type=SOCK_RAW, transport_len=7, transport={sin={sin_family=AF_INET, "\255\336\177\0\0"}}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // inet6 transport, scope by length
        (b"!\x00\xc5\x09\x05\x00\x1c\x00\x0a\x00\x005\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=AF_RXRPC, srx_service=0x9c5 /* YFS_CM_SERVICE */, transport_type=SOCK_SEQPACKET, transport_len=28, transport={sin6={sin6_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(7), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // inet6 transport with no scope
        (b"!\x00\xc7\x09\x07\x00\x18\x00\x0a\x00\x005\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=AF_RXRPC, srx_service=0x9c7 /* YFS_VL_SERVICE */, transport_type=0x7 /* SOCK_??? */, transport_len=24, transport={sin6={sin6_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(7), inet_pton(AF_INET6, "::1", &sin6_addr)}}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // other transport family
        (b"!\x00\xc6\x09\x99\x00\xff\xff\x01\x00abc\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=AF_RXRPC, srx_service=0x9c6 /* ???_SERVICE */, transport_type=0x99 /* SOCK_??? */, transport_len=65535, transport={family=AF_UNIX, "abc\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // transport family only
        (b"!\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 36, r"connect(-1, {sa_family=AF_RXRPC, srx_service=0 /* ???_SERVICE */, transport_type=0 /* SOCK_??? */, transport_len=2, transport={family=AF_UNSPEC}}, 36) = -1 EBADF (Bad file descriptor)"),
        // transport length 0
        (b"!\x00\x00\x00\x00\x00\x00\x00.\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 36, r"connect(-1, {sa_family=AF_RXRPC, srx_service=0 /* ???_SERVICE */, transport_type=0 /* SOCK_??? */, transport_len=0, transport={family=0x2e /* AF_??? */}}, 36) = -1 EBADF (Bad file descriptor)"),
    ]);
}

/// `AF_IEEE802154`.
#[test]
fn ieee802154() {
    check(&[
        // shorter than the struct
        (
            b"$\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            19,
            r#"connect(-1, {sa_family=AF_IEEE802154, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 19) = -1 EBADF (Bad file descriptor)"#,
        ),
        // no address
        (
            b"$\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            20,
            r"connect(-1, {sa_family=AF_IEEE802154, addr={addr_type=0 /* IEEE802154_ADDR_NONE */, pan_id=0xffff /* IEEE802154_PANID_BROADCAST */}}, 20) = -1 EBADF (Bad file descriptor)",
        ),
        // a short address
        (
            b"$\x00\x00\x00\x02\x00\x00\x00\xfe\xff\xfe\xff\x00\x00\x00\x00\x00\x00\x00\x00",
            20,
            r"connect(-1, {sa_family=AF_IEEE802154, addr={addr_type=0x2 /* IEEE802154_ADDR_SHORT */, pan_id=0xfffe, short_addr=0xfffe /* IEEE802154_ADDR_UNDEF */}}, 20) = -1 EBADF (Bad file descriptor)",
        ),
        // a short address without a name
        (
            b"$\x00\x00\x00\x02\x00\x00\x00\x00\x004\x12\x00\x00\x00\x00\x00\x00\x00\x00",
            20,
            r"connect(-1, {sa_family=AF_IEEE802154, addr={addr_type=0x2 /* IEEE802154_ADDR_SHORT */, pan_id=0, short_addr=0x1234}}, 20) = -1 EBADF (Bad file descriptor)",
        ),
        // a long address
        (
            b"$\x00\x00\x00\x03\x00\x00\x00\xce\xfa\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00",
            20,
            r"connect(-1, {sa_family=AF_IEEE802154, addr={addr_type=0x3 /* IEEE802154_ADDR_LONG */, pan_id=0xface, hwaddr=01:02:03:04:05:06:07:08}}, 20) = -1 EBADF (Bad file descriptor)",
        ),
        // an unknown type
        (
            b"$\x00\x00\x00\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x00\x00",
            20,
            r"connect(-1, {sa_family=AF_IEEE802154, addr={addr_type=0x87868584 /* IEEE802154_ADDR_??? */, pan_id=0x8988, hwaddr=8a:8b:8c:8d:8e:8f:90:91}}, 20) = -1 EBADF (Bad file descriptor)",
        ),
    ]);
}

/// `AF_ALG`.
#[test]
fn alg() {
    check(&[
        // shorter than the struct and a byte
        (b"&\x00hash\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 24, r#"connect(-1, {sa_family=AF_ALG, sa_data="hash\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 24) = -1 EBADF (Bad file descriptor)"#),
        // a name of one byte that is not a NUL
        (b"&\x00hash\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00x", 25, r#"connect(-1, {sa_family=AF_ALG, salg_type="hash", salg_feat=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0, salg_name=""...}, 25) = -1 EBADF (Bad file descriptor)"#),
        // type and name
        (b"&\x00hash\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x01\x10\x00\x00sha256\x00", 31, r#"connect(-1, {sa_family=AF_ALG, salg_type="hash", salg_feat=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0x1001 /* CRYPTO_ALG_KERN_DRIVER_ONLY|0x1 */, salg_name="sha256"}, 31) = -1 EBADF (Bad file descriptor)"#),
        // unknown flags, a type with no NUL
        (b"&\x000123456789abcd\x00\x00\xad\xde\x00\x00\x00\x00sha1\x00", 29, r#"connect(-1, {sa_family=AF_ALG, salg_type="0123456789abc"..., salg_feat=0xdead0000 /* CRYPTO_ALG_??? */, salg_mask=0, salg_name="sha1"}, 29) = -1 EBADF (Bad file descriptor)"#),
    ]);
}

/// `AF_NFC`: `struct sockaddr_nfc`, or `sockaddr_nfc_llcp` at its length.
#[test]
fn nfc() {
    check(&[
        // shorter than the struct
        (b"'\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00", 15, r#"connect(-1, {sa_family=AF_NFC, sa_data="\0\0\1\0\0\0\2\0\0\0\3\0\0"}, 15) = -1 EBADF (Bad file descriptor)"#),
        // the struct
        (b"'\x00\x00\x00\xfe\xca\x00\x00\xce\xfa\xad\xde\x01\x00\x00\x00", 16, r"connect(-1, {sa_family=AF_NFC, dev_idx=51966, target_idx=0xdeadface, nfc_protocol=NFC_PROTO_JEWEL}, 16) = -1 EBADF (Bad file descriptor)"),
        // more than the struct, less than llcp
        (b"'\x00\x00\x00\xfe\xca\x00\x00\x00\x00\x00\x00\x99\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 24, r"connect(-1, {sa_family=AF_NFC, dev_idx=51966, target_idx=0, nfc_protocol=0x99 /* NFC_PROTO_??? */, ...}, 24) = -1 EBADF (Bad file descriptor)"),
        // llcp
        (b"'\x00\x00\x00\xfe\xca\x00\x00B\x00\x00\x00\x07\x00\x00\x00\x01\x05OH HAI\x00EHLO\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0d\x00\x00\x00\x00\x00\x00\x00", 96, r#"connect(-1, {sa_family=AF_NFC, dev_idx=51966, target_idx=0x42, nfc_protocol=NFC_PROTO_ISO15693, dsap=0x1 /* LLCP_SAP_SDP */, ssap=0x5, service_name="OH HAI\0EHLO\n\0", service_name_len=13}, 96) = -1 EBADF (Bad file descriptor)"#),
        // llcp with a long name length
        (b"'\x00\x00\x00\xfe\xca\x00\x00B\x00\x00\x00\x07\x00\x00\x00\x01\x05OH HAI\x00EHLO\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xe8\x03\x00\x00\x00\x00\x00\x00", 96, r#"connect(-1, {sa_family=AF_NFC, dev_idx=51966, target_idx=0x42, nfc_protocol=NFC_PROTO_ISO15693, dsap=0x1 /* LLCP_SAP_SDP */, ssap=0x5, service_name="OH HAI\0EHLO\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", service_name_len=1000}, 96) = -1 EBADF (Bad file descriptor)"#),
    ]);
}

/// `AF_VSOCK`.
#[test]
fn vsock() {
    check(&[
        // shorter than the struct
        (
            b"(\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00",
            15,
            r#"connect(-1, {sa_family=AF_VSOCK, sa_data="\0\0\1\0\0\0\2\0\0\0\0\0\0"}, 15) = -1 EBADF (Bad file descriptor)"#,
        ),
        // names
        (
            b"(\x00\x00\x00\xff\xff\xff\xff\x02\x00\x00\x00\x01\x00\x00\x00",
            16,
            r"connect(-1, {sa_family=AF_VSOCK, svm_cid=VMADDR_CID_HOST, svm_port=VMADDR_PORT_ANY, svm_flags=VMADDR_FLAG_TO_HOST}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // numbers, reserved and zero bytes set
        (
            b"(\x00\xad\xde\xd2\x04\x00\x00\x03\x00\x00\x00\xefB\x00\x00",
            16,
            r#"connect(-1, {sa_family=AF_VSOCK, svm_reserved1=0xdead, svm_cid=0x3, svm_port=0x4d2, svm_flags=VMADDR_FLAG_TO_HOST|0xee, svm_zero="\x42\x00\x00"}, 16) = -1 EBADF (Bad file descriptor)"#,
        ),
        // unknown flags
        (
            b"(\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xfe\x00\x00\x00",
            16,
            r"connect(-1, {sa_family=AF_VSOCK, svm_cid=VMADDR_CID_ANY, svm_port=0, svm_flags=0xfe /* VMADDR_FLAG_??? */}, 16) = -1 EBADF (Bad file descriptor)",
        ),
    ]);
}

/// `AF_QIPCRTR`.
#[test]
fn qrtr() {
    check(&[
        // shorter than the struct
        (
            b"*\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00",
            11,
            r#"connect(-1, {sa_family=AF_QIPCRTR, sa_data="\0\0\1\0\0\0\2\0\0"}, 11) = -1 EBADF (Bad file descriptor)"#,
        ),
        // names
        (
            b"*\x00\x00\x00\xff\xff\xff\xff\xfe\xff\xff\xff",
            12,
            r"connect(-1, {sa_family=AF_QIPCRTR, sq_node=QRTR_NODE_BCAST, sq_port=QRTR_PORT_CTRL}, 12) = -1 EBADF (Bad file descriptor)",
        ),
        // numbers
        (
            b"*\x00\x00\x00\xce\xfa\xad\xde\x07\x00\x00\x00",
            12,
            r"connect(-1, {sa_family=AF_QIPCRTR, sq_node=0xdeadface, sq_port=0x7}, 12) = -1 EBADF (Bad file descriptor)",
        ),
    ]);
}

/// `AF_XDP`.
#[test]
fn xdp() {
    check(&[
        // shorter than the struct
        (
            b",\x00\x01\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00",
            15,
            r#"connect(-1, {sa_family=AF_XDP, sa_data="\1\0\2\0\0\0\3\0\0\0\4\0\0"}, 15) = -1 EBADF (Bad file descriptor)"#,
        ),
        // shared memory of a descriptor
        (
            b",\x00\x0d\x00\xd2\x04\x00\x00\x05\x00\x00\x00\x07\x00\x00\x00",
            16,
            r"connect(-1, {sa_family=AF_XDP, sxdp_flags=XDP_SHARED_UMEM|XDP_ZEROCOPY|XDP_USE_NEED_WAKEUP, sxdp_ifindex=1234, sxdp_queue_id=5, sxdp_shared_umem_fd=7}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // a descriptor field set without the flag
        (
            b",\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\xad\xbe\xed\xfe",
            16,
            r"connect(-1, {sa_family=AF_XDP, sxdp_flags=XDP_COPY, sxdp_ifindex=0, sxdp_queue_id=0, sxdp_shared_umem_fd=0xfeedbead}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // nothing set
        (
            b",\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            16,
            r"connect(-1, {sa_family=AF_XDP, sxdp_flags=0, sxdp_ifindex=0, sxdp_queue_id=0}, 16) = -1 EBADF (Bad file descriptor)",
        ),
        // unknown flags
        (
            b",\x00\xd0\xba\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            16,
            r"connect(-1, {sa_family=AF_XDP, sxdp_flags=0xbad0 /* XDP_??? */, sxdp_ifindex=0, sxdp_queue_id=0}, 16) = -1 EBADF (Bad file descriptor)",
        ),
    ]);
}

/// `AF_MCTP`.
#[test]
fn mctp() {
    check(&[
        // shorter than the struct
        (
            b"-\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            11,
            r#"connect(-1, {sa_family=AF_MCTP, sa_data="\0\0\0\0\0\0\0\0\0"}, 11) = -1 EBADF (Bad file descriptor)"#,
        ),
        // names
        (
            b"-\x00\x00\x00\x00\x00\x00\x00\xff\x01\x08\x00",
            12,
            r"connect(-1, {sa_family=AF_MCTP, smctp_network=MCTP_NET_ANY, smctp_addr={s_addr=MCTP_ADDR_ANY}, smctp_type=0x1, smctp_tag=0x8}, 12) = -1 EBADF (Bad file descriptor)",
        ),
        // numbers and pads
        (
            b"-\x00\xce\xfa\xd2\xeb:\x7fB#i\xda",
            12,
            r"connect(-1, {sa_family=AF_MCTP, __smctp_pad0=0xface, smctp_network=0x7f3aebd2, smctp_addr={s_addr=0x42}, smctp_type=0x23, smctp_tag=0x69, __smctp_pad1=0xda}, 12) = -1 EBADF (Bad file descriptor)",
        ),
    ]);
}

/// Unknown families: every byte after the family, whatever `-s` says.
#[test]
fn raw() {
    check(&[
        // an unknown family, every byte
        (b"\xff\x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 136, r#"connect(-1, {sa_family=0xff /* AF_??? */, sa_data="000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, 136) = -1 EBADF (Bad file descriptor)"#),
        // AF_UNSPEC
        (b"\x00\x000", 3, r#"connect(-1, {sa_family=AF_UNSPEC, sa_data="0"}, 3) = -1 EBADF (Bad file descriptor)"#),
    ]);
}

/// `-X raw`: raw forms (bytes for ports, addresses and callsigns, numbers for
/// names).
#[test]
fn styled_raw() {
    check_styled(ConstStyle::Raw, &[
        // packet: an Ethernet address
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x08abcdefgh", 20, r#"connect(-1, {sa_family=0x11, sll_protocol="\x00\x03", sll_ifindex=4207869677, sll_hatype=0x1, sll_pkttype=0, sll_halen=8, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]}, 20) = -1 EBADF (Bad file descriptor)"#),
        // packet: IPv6 over a loopback
        (b"\x11\x00\x86\xdd\x01\x00\x00\x00\x04\x03\x04\x06\x00\x01\x02\x03\x04\x05\x00\x00", 20, r#"connect(-1, {sa_family=0x11, sll_protocol="\x86\xdd", sll_ifindex=1, sll_hatype=0x304, sll_pkttype=0x4, sll_halen=6, sll_addr=[00, 0x1, 0x2, 0x3, 0x4, 0x5]}, 20) = -1 EBADF (Bad file descriptor)"#),
        // inet6: IPv4-compatible address as inet_ntop writes it
        (b"\x0a\x00\x005\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x00\x00\x00\x00", 28, r#"connect(-1, {sa_family=0xa, sin6_port="\x00\x35", sin6_flowinfo="\x00\x00\x00\x00", sin6_addr="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04", sin6_scope_id=0}, 28) = -1 EBADF (Bad file descriptor)"#),
        // ipx: pad shown when set
        (b"\x04\x0009\xfa\xce\xfe\xedABCDEF\xffB", 16, r#"connect(-1, {sa_family=0x4, sipx_port="\x30\x39", sipx_network=htonl(0xfacefeed), sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff, sipx_zero=0x42}, 16) = -1 EBADF (Bad file descriptor)"#),
        // ax25: all eight
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x08\x00\x00\x00\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12", 72, r#"connect(-1, {sa_family=0x3, fsa_ax25={sax25_call={ax25_call="\xac\x82\x98\x92\x88\x40\x1a"}, sax25_ndigis=8}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, {ax25_call="\x40\x40\x40\x40\x40\x40\x00"}, {ax25_call="\x9c\xaa\x98\x98\x00\x00\x06"}, {ax25_call="\x82\x5a\x84\x5a\x86\x40\x08"} /* A-B-C-4 */, {ax25_call="\x82\x84\x5e\x86\x88\x40\x0a"}, {ax25_call="\x9e\x96\x40\x40\x40\x40\x1e"}, {ax25_call="\x9c\x60\x86\x82\x98\x98\x12"}]}, 72) = -1 EBADF (Bad file descriptor)"#),
        // ax25: no digipeaters
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x00\x00\x00\x00", 16, r#"connect(-1, {sa_family=0x3, sax25_call={ax25_call="\xac\x82\x98\x92\x88\x40\x1a"}, sax25_ndigis=0}, 16) = -1 EBADF (Bad file descriptor)"#),
        // rxrpc: inet6 transport, scope by length
        (b"!\x00\xc5\x09\x05\x00\x1c\x00\x0a\x00\x005\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=0x21, srx_service=0x9c5, transport_type=0x5, transport_len=28, transport={sin6={sin6_family=0xa, sin6_port="\x00\x35", sin6_flowinfo="\x00\x00\x00\x07", sin6_addr="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", sin6_scope_id=0}}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // ieee802154: a long address
        (b"$\x00\x00\x00\x03\x00\x00\x00\xce\xfa\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00", 20, r#"connect(-1, {sa_family=0x24, addr={addr_type=0x3, pan_id=0xface, hwaddr="\x01\x02\x03\x04\x05\x06\x07\x08"}}, 20) = -1 EBADF (Bad file descriptor)"#),
        // ieee802154: a short address
        (b"$\x00\x00\x00\x02\x00\x00\x00\xfe\xff\xfe\xff\x00\x00\x00\x00\x00\x00\x00\x00", 20, r"connect(-1, {sa_family=0x24, addr={addr_type=0x2, pan_id=0xfffe, short_addr=0xfffe}}, 20) = -1 EBADF (Bad file descriptor)"),
        // alg: type and name
        (b"&\x00hash\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x01\x10\x00\x00sha256\x00", 31, r#"connect(-1, {sa_family=0x26, salg_type="hash", salg_feat=0x1000, salg_mask=0x1001, salg_name="sha256"}, 31) = -1 EBADF (Bad file descriptor)"#),
        // nfc: llcp
        (b"'\x00\x00\x00\xfe\xca\x00\x00B\x00\x00\x00\x07\x00\x00\x00\x01\x05OH HAI\x00EHLO\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0d\x00\x00\x00\x00\x00\x00\x00", 96, r#"connect(-1, {sa_family=0x27, dev_idx=51966, target_idx=0x42, nfc_protocol=0x7, dsap=0x1, ssap=0x5, service_name="OH HAI\0EHLO\n\0", service_name_len=13}, 96) = -1 EBADF (Bad file descriptor)"#),
        // vsock: names
        (b"(\x00\x00\x00\xff\xff\xff\xff\x02\x00\x00\x00\x01\x00\x00\x00", 16, r"connect(-1, {sa_family=0x28, svm_cid=0x2, svm_port=0xffffffff, svm_flags=0x1}, 16) = -1 EBADF (Bad file descriptor)"),
        // xdp: shared memory of a descriptor
        (b",\x00\x0d\x00\xd2\x04\x00\x00\x05\x00\x00\x00\x07\x00\x00\x00", 16, r"connect(-1, {sa_family=0x2c, sxdp_flags=0xd, sxdp_ifindex=1234, sxdp_queue_id=5, sxdp_shared_umem_fd=7}, 16) = -1 EBADF (Bad file descriptor)"),
        // bluetooth: l2cap with names
        (b"\x1f\x00\x01\x00abcdef\x01\x00\x02\x00", 14, r#"connect(-1, {sa_family=0x1f, l2_psm=htobs(0x1), l2_bdaddr="\x61\x62\x63\x64\x65\x66", l2_cid=htobs(0x1), l2_bdaddr_type=0x2}, 14) = -1 EBADF (Bad file descriptor)"#),
        // bluetooth: l2cap unknown values
        (b"\x1f\x00\xad\x0babcdef\x08\x00\x03\x00", 14, r#"connect(-1, {sa_family=0x1f, l2_psm=htobs(0xbad), l2_bdaddr="\x61\x62\x63\x64\x65\x66", l2_cid=htobs(0x8), l2_bdaddr_type=0x3}, 14) = -1 EBADF (Bad file descriptor)"#),
        // bluetooth: sco
        (b"\x1f\x00abcdef", 8, r#"connect(-1, {sa_family=0x1f, sco_bdaddr="\x61\x62\x63\x64\x65\x66"}, 8) = -1 EBADF (Bad file descriptor)"#),
        // mctp: names
        (b"-\x00\x00\x00\x00\x00\x00\x00\xff\x01\x08\x00", 12, r"connect(-1, {sa_family=0x2d, smctp_network=0, smctp_addr={s_addr=0xff}, smctp_type=0x1, smctp_tag=0x8}, 12) = -1 EBADF (Bad file descriptor)"),
        // qrtr: names
        (b"*\x00\x00\x00\xff\xff\xff\xff\xfe\xff\xff\xff", 12, r"connect(-1, {sa_family=0x2a, sq_node=0xffffffff, sq_port=0xfffffffe}, 12) = -1 EBADF (Bad file descriptor)"),
    ]);
}

/// `-X verbose`: raw forms (bytes for ports, addresses and callsigns, numbers for
/// names) and the symbolic ones in comments.
#[test]
fn styled_verbose() {
    check_styled(ConstStyle::Verbose, &[
        // packet: an Ethernet address
        (b"\x11\x00\x00\x03\xed\xfe\xce\xfa\x01\x00\x00\x08abcdefgh", 20, r#"connect(-1, {sa_family=0x11 /* AF_PACKET */, sll_protocol="\x00\x03" /* htons(ETH_P_ALL) */, sll_ifindex=4207869677, sll_hatype=0x1 /* ARPHRD_ETHER */, sll_pkttype=0 /* PACKET_HOST */, sll_halen=8, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]}, 20) = -1 EBADF (Bad file descriptor)"#),
        // packet: IPv6 over a loopback
        (b"\x11\x00\x86\xdd\x01\x00\x00\x00\x04\x03\x04\x06\x00\x01\x02\x03\x04\x05\x00\x00", 20, r#"connect(-1, {sa_family=0x11 /* AF_PACKET */, sll_protocol="\x86\xdd" /* htons(ETH_P_IPV6) */, sll_ifindex=1 /* if_nametoindex("lo") */, sll_hatype=0x304 /* ARPHRD_LOOPBACK */, sll_pkttype=0x4 /* PACKET_OUTGOING */, sll_halen=6, sll_addr=[00, 0x1, 0x2, 0x3, 0x4, 0x5]}, 20) = -1 EBADF (Bad file descriptor)"#),
        // inet6: IPv4-compatible address as inet_ntop writes it
        (b"\x0a\x00\x005\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x00\x00\x00\x00", 28, r#"connect(-1, {sa_family=0xa /* AF_INET6 */, sin6_port="\x00\x35" /* htons(53) */, sin6_flowinfo="\x00\x00\x00\x00" /* htonl(0) */, sin6_addr="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04" /* inet_pton(AF_INET6, "::1.2.3.4") */, sin6_scope_id=0}, 28) = -1 EBADF (Bad file descriptor)"#),
        // ipx: pad shown when set
        (b"\x04\x0009\xfa\xce\xfe\xedABCDEF\xffB", 16, r#"connect(-1, {sa_family=0x4 /* AF_IPX */, sipx_port="\x30\x39" /* htons(12345) */, sipx_network=htonl(0xfacefeed), sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff, sipx_zero=0x42}, 16) = -1 EBADF (Bad file descriptor)"#),
        // ax25: all eight
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x08\x00\x00\x00\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12", 72, r#"connect(-1, {sa_family=0x3 /* AF_AX25 */, fsa_ax25={sax25_call={ax25_call="\xac\x82\x98\x92\x88\x40\x1a"} /* VALID-13 */, sax25_ndigis=8}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, {ax25_call="\x40\x40\x40\x40\x40\x40\x00"} /* * */, {ax25_call="\x9c\xaa\x98\x98\x00\x00\x06"}, {ax25_call="\x82\x5a\x84\x5a\x86\x40\x08"} /* A-B-C-4 */, {ax25_call="\x82\x84\x5e\x86\x88\x40\x0a"}, {ax25_call="\x9e\x96\x40\x40\x40\x40\x1e"} /* OK-15 */, {ax25_call="\x9c\x60\x86\x82\x98\x98\x12"} /* N0CALL-9 */]}, 72) = -1 EBADF (Bad file descriptor)"#),
        // ax25: no digipeaters
        (b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x00\x00\x00\x00", 16, r#"connect(-1, {sa_family=0x3 /* AF_AX25 */, sax25_call={ax25_call="\xac\x82\x98\x92\x88\x40\x1a"} /* VALID-13 */, sax25_ndigis=0}, 16) = -1 EBADF (Bad file descriptor)"#),
        // rxrpc: inet6 transport, scope by length
        (b"!\x00\xc5\x09\x05\x00\x1c\x00\x0a\x00\x005\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00", 36, r#"connect(-1, {sa_family=0x21 /* AF_RXRPC */, srx_service=0x9c5 /* YFS_CM_SERVICE */, transport_type=0x5 /* SOCK_SEQPACKET */, transport_len=28, transport={sin6={sin6_family=0xa /* AF_INET6 */, sin6_port="\x00\x35" /* htons(53) */, sin6_flowinfo="\x00\x00\x00\x07" /* htonl(7) */, sin6_addr="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01" /* inet_pton(AF_INET6, "::1") */, sin6_scope_id=0}}}, 36) = -1 EBADF (Bad file descriptor)"#),
        // ieee802154: a long address
        (b"$\x00\x00\x00\x03\x00\x00\x00\xce\xfa\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00", 20, r#"connect(-1, {sa_family=0x24 /* AF_IEEE802154 */, addr={addr_type=0x3 /* IEEE802154_ADDR_LONG */, pan_id=0xface, hwaddr="\x01\x02\x03\x04\x05\x06\x07\x08" /* 01:02:03:04:05:06:07:08 */}}, 20) = -1 EBADF (Bad file descriptor)"#),
        // ieee802154: a short address
        (b"$\x00\x00\x00\x02\x00\x00\x00\xfe\xff\xfe\xff\x00\x00\x00\x00\x00\x00\x00\x00", 20, r"connect(-1, {sa_family=0x24 /* AF_IEEE802154 */, addr={addr_type=0x2 /* IEEE802154_ADDR_SHORT */, pan_id=0xfffe, short_addr=0xfffe /* IEEE802154_ADDR_UNDEF */}}, 20) = -1 EBADF (Bad file descriptor)"),
        // alg: type and name
        (b"&\x00hash\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x01\x10\x00\x00sha256\x00", 31, r#"connect(-1, {sa_family=0x26 /* AF_ALG */, salg_type="hash", salg_feat=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0x1001 /* CRYPTO_ALG_KERN_DRIVER_ONLY|0x1 */, salg_name="sha256"}, 31) = -1 EBADF (Bad file descriptor)"#),
        // nfc: llcp
        (b"'\x00\x00\x00\xfe\xca\x00\x00B\x00\x00\x00\x07\x00\x00\x00\x01\x05OH HAI\x00EHLO\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0d\x00\x00\x00\x00\x00\x00\x00", 96, r#"connect(-1, {sa_family=0x27 /* AF_NFC */, dev_idx=51966, target_idx=0x42, nfc_protocol=0x7 /* NFC_PROTO_ISO15693 */, dsap=0x1 /* LLCP_SAP_SDP */, ssap=0x5, service_name="OH HAI\0EHLO\n\0", service_name_len=13}, 96) = -1 EBADF (Bad file descriptor)"#),
        // vsock: names
        (b"(\x00\x00\x00\xff\xff\xff\xff\x02\x00\x00\x00\x01\x00\x00\x00", 16, r"connect(-1, {sa_family=0x28 /* AF_VSOCK */, svm_cid=0x2 /* VMADDR_CID_HOST */, svm_port=0xffffffff /* VMADDR_PORT_ANY */, svm_flags=0x1 /* VMADDR_FLAG_TO_HOST */}, 16) = -1 EBADF (Bad file descriptor)"),
        // xdp: shared memory of a descriptor
        (b",\x00\x0d\x00\xd2\x04\x00\x00\x05\x00\x00\x00\x07\x00\x00\x00", 16, r"connect(-1, {sa_family=0x2c /* AF_XDP */, sxdp_flags=0xd /* XDP_SHARED_UMEM|XDP_ZEROCOPY|XDP_USE_NEED_WAKEUP */, sxdp_ifindex=1234, sxdp_queue_id=5, sxdp_shared_umem_fd=7}, 16) = -1 EBADF (Bad file descriptor)"),
        // bluetooth: l2cap with names
        (b"\x1f\x00\x01\x00abcdef\x01\x00\x02\x00", 14, r#"connect(-1, {sa_family=0x1f /* AF_BLUETOOTH */, l2_psm=htobs(0x1 /* L2CAP_PSM_SDP */), l2_bdaddr="\x61\x62\x63\x64\x65\x66" /* 61:62:63:64:65:66 */, l2_cid=htobs(0x1 /* L2CAP_CID_SIGNALING */), l2_bdaddr_type=0x2 /* BDADDR_LE_RANDOM */}, 14) = -1 EBADF (Bad file descriptor)"#),
        // bluetooth: l2cap unknown values
        (b"\x1f\x00\xad\x0babcdef\x08\x00\x03\x00", 14, r#"connect(-1, {sa_family=0x1f /* AF_BLUETOOTH */, l2_psm=htobs(0xbad /* L2CAP_PSM_??? */), l2_bdaddr="\x61\x62\x63\x64\x65\x66" /* 61:62:63:64:65:66 */, l2_cid=htobs(0x8 /* L2CAP_CID_??? */), l2_bdaddr_type=0x3 /* BDADDR_??? */}, 14) = -1 EBADF (Bad file descriptor)"#),
        // bluetooth: sco
        (b"\x1f\x00abcdef", 8, r#"connect(-1, {sa_family=0x1f /* AF_BLUETOOTH */, sco_bdaddr="\x61\x62\x63\x64\x65\x66" /* 61:62:63:64:65:66 */}, 8) = -1 EBADF (Bad file descriptor)"#),
        // mctp: names
        (b"-\x00\x00\x00\x00\x00\x00\x00\xff\x01\x08\x00", 12, r"connect(-1, {sa_family=0x2d /* AF_MCTP */, smctp_network=0 /* MCTP_NET_ANY */, smctp_addr={s_addr=0xff /* MCTP_ADDR_ANY */}, smctp_type=0x1, smctp_tag=0x8}, 12) = -1 EBADF (Bad file descriptor)"),
        // qrtr: names
        (b"*\x00\x00\x00\xff\xff\xff\xff\xfe\xff\xff\xff", 12, r"connect(-1, {sa_family=0x2a /* AF_QIPCRTR */, sq_node=0xffffffff /* QRTR_NODE_BCAST */, sq_port=0xfffffffe /* QRTR_PORT_CTRL */}, 12) = -1 EBADF (Bad file descriptor)"),
    ]);
}

/// `-s` bounds the digipeaters shown (not with `-v`), not the bytes of an unknown family.
#[test]
fn string_limit() {
    let digipeaters = b"\x03\x00\xac\x82\x98\x92\x88@\x1a\x00\x00\x00\x08\x00\x00\x00\xa6\xa0\x82@\x86\x8a\x00\xa6\xa6\x92\x88@@ @@@@@@\x00\x9c\xaa\x98\x98\x00\x00\x06\x82Z\x84Z\x86@\x08\x82\x84^\x86\x88@\x0a\x9e\x96@@@@\x1e\x9c`\x86\x82\x98\x98\x12";
    let mem = filled(digipeaters);
    let opts = DecodeOpts {
        max_strlen: 2,
        ..DecodeOpts::default()
    };
    assert_eq!(
        connect_with(&mem, 0x1000, 72, opts),
        r#"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, ...]}, 72) = -1 EBADF (Bad file descriptor)"#
    );
    let opts = DecodeOpts {
        max_strlen: 2,
        abbreviate: false,
        ..DecodeOpts::default()
    };
    assert_eq!(
        connect_with(&mem, 0x1000, 72, opts),
        r#"connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */, {ax25_call="\xa6\xa6\x92\x88\x40\x40\x20"} /* SSID-0 */, *, {ax25_call="\x9c\xaa\x98\x98\x00\x00\x06"}, {ax25_call="\x82\x5a\x84\x5a\x86\x40\x08"} /* A-B-C-4 */, {ax25_call="\x82\x84\x5e\x86\x88\x40\x0a"}, OK-15, N0CALL-9]}, 72) = -1 EBADF (Bad file descriptor)"#
    );
    let mem = filled(b"\xff\x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
    let opts = DecodeOpts {
        max_strlen: 2,
        ..DecodeOpts::default()
    };
    assert_eq!(
        connect_with(&mem, 0x1000, 136, opts),
        r#"connect(-1, {sa_family=0xff /* AF_??? */, sa_data="000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, 136) = -1 EBADF (Bad file descriptor)"#
    );
}

/// Every family, every length up to past `sockaddr_storage` (and lengths that are not `int`s),
/// over bytes of several kinds: no panic, printable text under each `-X`, valid JSON.
#[test]
fn every_family_and_length_renders() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let lengths = (0..=140).chain([255, u64::from(u32::MAX), 1 << 32 | 16, u64::MAX]);
    for len in lengths {
        for family in (0..=50).chain([0xff, 0xffff]) {
            let mut bytes = vec![0u8; 256];
            let kind = next() % 4;
            for b in bytes.iter_mut() {
                let r = next();
                *b = match kind {
                    0 => r as u8,
                    1 if r % 3 == 0 => r as u8,
                    1 => 0,
                    2 => b"AZ09 @/*"[(r % 8) as usize] << (r >> 8 & 1),
                    _ => 0xff,
                };
            }
            bytes[..2].copy_from_slice(&(family as u16).to_ne_bytes());
            // Sometimes a digipeater count or a transport length that means something.
            if next() % 2 == 0 {
                bytes[6..8].copy_from_slice(&(next() % 40).to_ne_bytes()[..2]);
                bytes[12..16].copy_from_slice(&((next() % 12) as i32 - 2).to_ne_bytes());
            }
            // At the end of its page, so that long lengths reach unmapped memory.
            let at = 0x2000 - 136;
            let mem = FakeMemory::new().with(at, &bytes[..136]);
            for style in [ConstStyle::Abbrev, ConstStyle::Raw, ConstStyle::Verbose] {
                let captured = Captured::default();
                let format = Format {
                    column: 40,
                    const_style: style,
                    ..Format::default()
                };
                let mut out = Output::new(Box::new(captured.clone()), None, false, format);
                let mut scratch = Scratch::new();
                let mut ctx = Ctx::for_test(&mem, &mut scratch);
                super::super::sockaddr::sockaddr(&mut Text::new(&mut out), &mut ctx, at, len);
                out.finish();
                let text = captured.text();
                assert!(
                    text.bytes().all(|b| (0x20..0x7f).contains(&b)),
                    "{family} {len}: {text}"
                );
            }
            let mut buf = Vec::new();
            let mut scratch = Scratch::new();
            let mut ctx = Ctx::for_test(&mem, &mut scratch);
            let mut json = crate::json::Json::new(&mut buf);
            super::super::sockaddr::sockaddr(&mut json, &mut ctx, at, len);
            let text = String::from_utf8(buf).unwrap();
            let value: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(value.is_ok(), "{family} {len}: {text}");
        }
    }
}
