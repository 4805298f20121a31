//! Sockets (`decode/net.rs`): types, protocols, options, messages and their control data
//! (addresses are in `sockaddr.rs`).

use super::*;

#[test]
fn sockets_types_and_protocols() {
    let mem = FakeMemory::new().with(0x1000, &ints(&[3, 4]));
    let cases: [([u64; 3], &str); 7] = [
        (
            [2, 0o2000001, 0],
            "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3",
        ),
        (
            [10, 2 | 0o4000, 17],
            "socket(AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP) = 3",
        ),
        (
            [16, 3, 0],
            "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
        ),
        (
            [17, 3, 0x0300],
            "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 3",
        ),
        (
            [2, 0x63, 0x1234],
            "socket(AF_INET, SOCK_RAW|0x60 /* SOCK_??? */, 0x1234 /* IPPROTO_??? */) = 3",
        ),
        (
            [2, 0x80007, 0],
            "socket(AF_INET, SOCK_CLOEXEC|0x7, IPPROTO_IP) = 3",
        ),
        ([99, 1, 5], "socket(0x63 /* AF_??? */, SOCK_STREAM, 5) = 3"),
    ];
    for (a, want) in cases {
        assert_eq!(
            line(NR_SOCKET, [a[0], a[1], a[2], 0, 0, 0], &mem, Outcome::Ok(3)),
            want
        );
    }
    assert_eq!(
        line(NR_SOCKETPAIR, [1, 2, 0, 0x1000, 0, 0], &mem, Outcome::Ok(0)),
        "socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4]) = 0"
    );
    assert_eq!(
        line(
            NR_SOCKETPAIR,
            [1, 2, 0, 0x9000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "socketpair(AF_UNIX, SOCK_DGRAM, 0, 0x9000) = -1 EFAULT (Bad address)"
    );
}

#[test]
fn accept_shows_the_length_in_and_out() {
    let mut inet = vec![2, 0, 0, 80, 127, 0, 0, 1];
    inet.resize(16, 0);
    let before = FakeMemory::new()
        .with(0x1000, &[0; 16])
        .with(0x2000, &ints(&[128]));
    let after = FakeMemory::new()
        .with(0x1000, &inet)
        .with(0x2000, &ints(&[16]));
    assert_eq!(
        line_changed(
            NR_ACCEPT,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(4)
        ),
        r#"accept(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 4"#
    );
    assert_eq!(
        line_changed(
            NR_ACCEPT,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &after,
            &after,
            Outcome::Ok(4)
        ),
        r#"accept(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, [16]) = 4"#
    );
    assert_eq!(
        line(
            NR_ACCEPT,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &after,
            Outcome::Err(EAGAIN)
        ),
        "accept(3, 0x1000, [16])                 = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(NR_ACCEPT, [3, 0, 0, 0, 0, 0], &after, Outcome::Err(EAGAIN)),
        "accept(3, NULL, NULL)                   = -1 EAGAIN (Resource temporarily unavailable)"
    );
}

#[test]
fn socket_options() {
    let mem = FakeMemory::new()
        .with(0x1000, &ints(&[1]))
        .with(0x2000, &ints(&[4]));
    let cases: [([u64; 5], &str); 6] = [
        (
            [4, 1, 2, 0x1000, 4],
            "setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
        ),
        (
            [4, 6, 1, 0x1000, 4],
            "setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0",
        ),
        (
            [4, 41, 26, 0x1000, 8],
            // An option strace does not know: an `int` of its size, else the bytes.
            r#"setsockopt(4, SOL_IPV6, IPV6_V6ONLY, "\1\0\0\0\0\0\0\0", 8) = 0"#,
        ),
        (
            [4, 1, 999, 0x1000, 3],
            r#"setsockopt(4, SOL_SOCKET, 0x3e7 /* SO_??? */, "\1\0\0", 3) = 0"#,
        ),
        (
            [4, 999, 1, 0x1000, 4],
            "setsockopt(4, 0x3e7 /* SOL_?? */, 1, [1], 4) = 0",
        ),
        (
            [4, 0, 1, 0x9000, 4],
            "setsockopt(4, SOL_IP, IP_TOS, 0x9000, 4) = 0",
        ),
    ];
    for (a, want) in cases {
        assert_eq!(
            line(
                NR_SETSOCKOPT,
                [a[0], a[1], a[2], a[3], a[4], 0],
                &mem,
                Outcome::Ok(0)
            ),
            want
        );
    }
    assert_eq!(
        line(
            NR_GETSOCKOPT,
            [4, 1, 3, 0x1000, 0x2000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getsockopt(4, SOL_SOCKET, SO_TYPE, [1], [4]) = 0"
    );
    assert_eq!(
        line(
            NR_GETSOCKOPT,
            [4, 1, 3, 0x1000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "getsockopt(4, SOL_SOCKET, SO_TYPE, 0x1000, NULL) = -1 EFAULT (Bad address)"
    );
}

#[test]
fn getsockopt_lengths_as_strace_reads_them() {
    // The length is an `int`; a failed call shows the one it was given; one that could not
    // be read at entry leaves both pointers as addresses.
    let mem = FakeMemory::new()
        .with(0x1000, &7i32.to_ne_bytes())
        .with(0x2000, &(-5i32).to_ne_bytes());
    let getsockopt = |level, name, len, outcome| {
        line(
            NR_GETSOCKOPT,
            [4, level, name, 0x1000, len, 0],
            &mem,
            outcome,
        )
    };
    assert_eq!(
        getsockopt(263, 7, 0x2000, Outcome::Err(EFAULT)),
        "getsockopt(4, SOL_PACKET, PACKET_COPY_THRESH, 0x1000, [-5]) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        getsockopt(263, 4, 0x2000, Outcome::Err(EFAULT)),
        "getsockopt(4, SOL_PACKET, 0x4 /* PACKET_??? */, 0x1000, [-5]) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        getsockopt(270, 3, 0x3000, Outcome::Ok(0)),
        "getsockopt(4, SOL_NETLINK, NETLINK_PKTINFO, 0x1000, 0x3000) = 0"
    );
    assert_eq!(
        getsockopt(255, 1, 0x2000, Outcome::Err(EINVAL)),
        "getsockopt(4, SOL_RAW, ICMP_FILTER, 0x1000, [-5]) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn messages() {
    let mem = FakeMemory::new()
        .with(0x1000, &msghdr(0x2000, 2, 0, 0, 0))
        .with(0x2000, &words(&[0x3000, 5, 0x5000, 32]))
        .with(0x3000, b"hello")
        .with(0x5000, b"world!")
        .with(0x4000, &msghdr(0x2000, 1, 0, 0, 0x20))
        .with(0x6000, &{
            let mut v = msghdr(0x2000, 1, 0, 0, 0);
            v.extend(words(&[5]));
            v.extend(msghdr(0x2010, 1, 0, 0, 0x20));
            v.extend(words(&[6]));
            v
        });
    assert_eq!(
        line(
            NR_SENDMSG,
            [3, 0x1000, 0x40, 0, 0, 0],
            &mem,
            Outcome::Ok(11)
        ),
        r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}, {iov_base="world!\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", iov_len=32}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = 11"#
    );
    // Received contents stop at the return value.
    assert_eq!(
        line(NR_RECVMSG, [3, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(7)),
        r#"recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}, {iov_base="wo", iov_len=32}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 7"#
    );
    assert_eq!(
        line(NR_RECVMSG, [3, 0x4000, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        r#"recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hel", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 3"#
    );
    assert_eq!(
        line(
            NR_RECVMSG,
            [3, 0x1000, 0x40, 0, 0, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "recvmsg(3, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(
            NR_SENDMSG,
            [3, 0x9000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "sendmsg(3, 0x9000, 0)                   = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_SENDMSG, [3, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "sendmsg(3, NULL, 0)                     = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_RECVMMSG,
            [4, 0x6000, 2, 0x40, 0, 0],
            &mem,
            Outcome::Ok(2)
        ),
        r#"recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="world!", iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, msg_len=6}], 2, MSG_DONTWAIT, NULL) = 2"#
    );
    assert_eq!(
        line(
            NR_RECVMMSG,
            [4, 0x6000, 2, 0x40, 0, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "recvmmsg(4, 0x6000, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    // A failed send shows what it was given, without lengths.
    assert_eq!(
        line(
            NR_SENDMMSG,
            [99, 0x6000, 1, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        r#"sendmmsg(99, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 1, 0) = -1 EBADF (Bad file descriptor)"#
    );
}

#[test]
fn control_messages_and_struct_options() {
    // One SCM_RIGHTS message carrying fd 5, then an unknown SOL_IP one.
    let mut control = words(&[20]);
    control.extend(ints(&[1, 1, 5, 0]));
    control.extend(words(&[17]));
    control.extend(ints(&[0, 99]));
    control.push(0xab);
    let msg = msghdr(0x2000, 0, 0x3000, control.len() as u64, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &msg)
        .with(0x3000, &control)
        .with(0x4000, &ints(&[1, 5]))
        .with(0x5000, &ints(&[42, -1, 0]))
        .with(0x6000, &ints(&[12]));
    assert_eq!(
        line(NR_SENDMSG, [3, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[], msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}, {cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=0x63 /* IP_??? */}], msg_controllen=41, msg_flags=0}, 0) = 0"#
    );
    assert_eq!(
        line(
            NR_SETSOCKOPT,
            [3, 1, 13, 0x4000, 8, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0"
    );
    assert_eq!(
        line(
            NR_GETSOCKOPT,
            [3, 1, 17, 0x5000, 0x6000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=42, uid=-1, gid=0}, [12]) = 0"
    );
    // mremap's new address shows only with both MREMAP_MAYMOVE and MREMAP_FIXED.
    assert_eq!(
        line(
            NR_MREMAP,
            [0x7000, 4096, 4096, 2, 0x20000000, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mremap(0x7000, 4096, 4096, MREMAP_FIXED) = -1 EINVAL (Invalid argument)"
    );
}

/// A control message length near 2^64 ends the list where the buffer ends, whether it is the
/// first header or a later one (the sum of its offset and length once overflowed: a panic
/// the fuzzer, `decode/fuzz.rs`, found).
#[test]
fn control_message_lengths_near_the_top_of_u64() {
    // `sendmsg(-1, msg, 0)` failing with EBADF, `msg` sending "x" with 40 bytes of control
    // data made of `control`'s words.
    let sendmsg_with_control = |control: &[u64]| {
        let mem = FakeMemory::new()
            .with(0x1000, &msghdr(0x2000, 1, 0x3000, 40, 0))
            .with(0x2000, &[words(&[0x2010, 1]), b"x".to_vec()].concat())
            .with(0x3000, &words(control));
        line(
            NR_SENDMSG,
            [-1i64 as u64, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF),
        )
    };
    // `SOL_SOCKET` and `SCM_RIGHTS` as a control message header's level and type words.
    const SOL_SOCKET_SCM_RIGHTS: u64 = 1 | 1 << 32;
    let head = "sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], \
                msg_iovlen=1, msg_control=[";
    let tail = "], msg_controllen=40, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)";
    let data = 7 | 8 << 32;
    // Each expected line is strace 6.1's for the same bytes.
    assert_eq!(
        sendmsg_with_control(&[
            16,
            SOL_SOCKET_SCM_RIGHTS,
            0xffff_ffff_ffff_fff5,
            SOL_SOCKET_SCM_RIGHTS,
            data
        ]),
        format!(
            "{head}{{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}}, \
             {{cmsg_len=18446744073709551605, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, \
             cmsg_data=[7, 8]}}{tail}"
        )
    );
    assert_eq!(
        sendmsg_with_control(&[
            0xffff_ffff_ffff_fff0,
            SOL_SOCKET_SCM_RIGHTS,
            0,
            SOL_SOCKET_SCM_RIGHTS,
            data
        ]),
        format!(
            "{head}{{cmsg_len=18446744073709551600, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, \
             cmsg_data=[0, 0, 1, 1, 7, 8]}}{tail}"
        )
    );
    // A length from the next header's level and type words, past the buffer's end.
    assert_eq!(
        sendmsg_with_control(&[
            24,
            SOL_SOCKET_SCM_RIGHTS,
            0x7fff_ffff_ffff_ffff,
            1 | 1 << 32,
            1 | 2 << 32
        ]),
        format!(
            "{head}{{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, \
             cmsg_data=[-1, 2147483647]}}, {{cmsg_len=4294967297, cmsg_level=SOL_SOCKET, \
             cmsg_type=SCM_CREDENTIALS}}{tail}"
        )
    );
    // Where strace 6.1 loops forever (its aligned length wraps to 0), the header shows once.
    assert_eq!(
        sendmsg_with_control(&[
            16,
            SOL_SOCKET_SCM_RIGHTS,
            u64::MAX - 3,
            SOL_SOCKET_SCM_RIGHTS,
            data
        ]),
        format!(
            "{head}{{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}}, \
             {{cmsg_len=18446744073709551612, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, \
             cmsg_data=[7, 8]}}{tail}"
        )
    );
}

#[test]
fn socket_protocols_by_the_whole_domain() {
    let mem = FakeMemory::new();
    let hi = 0xdef_aced_0000_0000u64;
    // A known family looks the protocol up as an unsigned int; a domain with junk above its
    // 32 bits is no family, and its protocol is the whole register.
    assert_eq!(
        line(NR_SOCKET, [2, 1, hi | 6, 0, 0, 0], &mem, Outcome::Ok(3)),
        "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3"
    );
    assert_eq!(
        line(NR_SOCKET, [99, 3, hi | 5, 0, 0, 0], &mem, Outcome::Err(97)),
        "socket(0x63 /* AF_??? */, SOCK_RAW, 1004211375834136581) = -1 EAFNOSUPPORT (Address family not supported by protocol)"
    );
    assert_eq!(
        line(
            NR_SOCKETPAIR,
            [1, 1, u64::MAX, 0x1000, 0, 0],
            &mem,
            Outcome::Err(93)
        ),
        "socketpair(AF_UNIX, SOCK_STREAM, 18446744073709551615, 0x1000) = -1 EPROTONOSUPPORT (Protocol not supported)"
    );
}

/// A `struct mmsghdr`: a name of `namelen` bytes at `name`, one iovec at `iov`, `msg_len`.
fn mmsghdr(name: u64, namelen: u64, iov: u64, msg_len: u64) -> Vec<u8> {
    words(&[name, namelen, iov, 1, 0, 0, 0, msg_len])
}

#[test]
fn mmsg_vectors_as_strace_walks_them() {
    let iov = words(&[0x5000, 1]);
    let mut vec = mmsghdr(0, 0, 0x4000, 1);
    vec.extend(mmsghdr(0, 0, 0x4000, 1));
    vec.extend(mmsghdr(0, 0, 0x4000, 1));
    let mem = FakeMemory::new()
        .with(0x1000, &vec)
        .with(0x4000, &iov)
        .with(0x5000, b"x");
    let one = r#"{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}"#;
    let send = |o: DecodeOpts, sent| {
        line_opts(
            NR_SENDMMSG,
            [3, 0x1000, 3, 0, 0, 0],
            &mem,
            Outcome::Ok(sent),
            o,
        )
    };
    // Every message a send was given, the lengths of those it sent.
    assert_eq!(
        send(opts(true, true, 32), 2),
        format!("sendmmsg(3, [{one}, msg_len=1}}, {one}, msg_len=1}}, {one}}}], 3, 0) = 2")
    );
    // -s elements, all under -v; -e verbose=none: the address.
    assert_eq!(
        send(opts(true, true, 2), 3),
        format!("sendmmsg(3, [{one}, msg_len=1}}, {one}, msg_len=1}}, ...], 3, 0) = 3")
    );
    assert_eq!(
        send(opts(false, true, 2), 3),
        format!(
            "sendmmsg(3, [{one}, msg_len=1}}, {one}, msg_len=1}}, {one}, msg_len=1}}], 3, 0) = 3"
        )
    );
    assert_eq!(
        send(opts(true, false, 32), 3),
        "sendmmsg(3, 0x1000, 3, 0)               = 3"
    );
    // The vector runs into unmapped memory: where it stops.
    let mem = mem.with(0x2fc0, &mmsghdr(0, 0, 0x4000, 1));
    assert_eq!(
        line(
            NR_SENDMMSG,
            [-1i64 as u64, 0x2fc0, 2, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        format!("sendmmsg(-1, [{one}}}, ... /* 0x3000 */], 2, 0) = -1 EBADF (Bad file descriptor)")
    );
}

#[test]
fn recvmmsg_names_beside_what_the_call_was_given() {
    let iov = words(&[0x5000, 1]);
    // At entry: room for no name in the first message, 16 bytes in the second.
    let mut given = mmsghdr(0x6000, 0, 0x4000, 0);
    given.extend(mmsghdr(0x7000, 16, 0x4000, 0));
    // The kernel wrote 16 and 4 (an AF_UNIX address).
    let mut filled = mmsghdr(0x6000, 16, 0x4000, 1);
    filled.extend(mmsghdr(0x7000, 4, 0x4000, 1));
    let sun = [1, 0, b'a', b'b'];
    let before = FakeMemory::new()
        .with(0x1000, &given)
        .with(0x4000, &iov)
        .with(0x5000, b"x");
    let after = FakeMemory::new()
        .with(0x1000, &filled)
        .with(0x4000, &iov)
        .with(0x5000, b"x")
        .with(0x6000, &sun)
        .with(0x7000, &sun);
    let iov_shown = r#"msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}"#;
    assert_eq!(
        line_changed(
            NR_RECVMMSG,
            [3, 0x1000, 2, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(2)
        ),
        format!(
            "recvmmsg(3, [{{msg_hdr={{msg_name=0x6000, msg_namelen=0 => 16, {iov_shown}, {{msg_hdr={{msg_name={{sa_family=AF_UNIX, sun_path=\"ab\"}}, msg_namelen=16 => 4, {iov_shown}], 2, 0, NULL) = 2"
        )
    );
}

/// Control messages laid end to end, each padded to 8 bytes: (cmsg_len, level, type, data).
fn cmsgs(msgs: &[(u64, i32, i32, &[u8])]) -> Vec<u8> {
    let mut v = Vec::new();
    for (len, level, kind, data) in msgs {
        v.extend(words(&[*len]));
        v.extend(ints(&[*level, *kind]));
        v.extend_from_slice(data);
        v.resize(v.len().next_multiple_of(8), 0);
    }
    v
}

#[test]
fn control_message_data_as_strace_shows_it() {
    let send = |control: &[u8], controllen: u64, o: DecodeOpts| {
        let mem = FakeMemory::new()
            .with(0x1000, &msghdr(0, 0, 0x3000, controllen, 0))
            .with(0x3000, control);
        line_opts(
            NR_SENDMSG,
            [3, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF),
            o,
        )
    };
    let head =
        "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[";
    let tail = "msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)";
    // Descriptors: -s of them, all under -v.
    let rights = cmsgs(&[(28, 1, 1, &ints(&[0, 1, 2]))]);
    let shown = "{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1";
    assert_eq!(
        send(&rights, 32, opts(true, true, 2)),
        format!("{head}{shown}, ...]}}], msg_controllen=32, {tail}")
    );
    assert_eq!(
        send(&rights, 32, opts(false, true, 2)),
        format!("{head}{shown}, 2]}}], msg_controllen=32, {tail}")
    );
    // Credentials, IP_TTL, IP_TOS, time stamps (one too short), a packet's info, a security
    // label, and a level whose types strace does not name.
    let tv = words(&[1, 2]);
    let pktinfo = [0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8];
    let many = cmsgs(&[
        (28, 1, 2, &ints(&[42, 0, -1])),
        (20, 0, 2, &ints(&[64])),
        (18, 0, 1, &[0x41, 0x42]),
        (32, 1, 29, &tv),
        (32, 1, 37, &tv),
        (28, 0, 8, &pktinfo),
        (19, 1, 3, b"ab\0"),
        (16, 6, 5, &[]),
    ]);
    let len = many.len() as u64;
    assert_eq!(
        send(&many, len, DecodeOpts::default()),
        format!(
            "{head}{{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={{pid=42, uid=0, gid=-1}}}}, {{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}}, {{cmsg_len=18, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x41, 0x42]}}, {{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={{tv_sec=1, tv_usec=2}}}}, {{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPING_OLD, cmsg_data=???}}, {{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={{ipi_ifindex=0, ipi_spec_dst=inet_addr(\"1.2.3.4\"), ipi_addr=inet_addr(\"5.6.7.8\")}}}}, {{cmsg_len=19, cmsg_level=SOL_SOCKET, cmsg_type=SCM_SECURITY, cmsg_data=\"ab\\0\"}}, {{cmsg_len=16, cmsg_level=SOL_TCP, cmsg_type=0x5}}], msg_controllen={len}, {tail}"
        )
    );
    // Bytes too few for another header: where they start. Fewer than one header: the
    // address. More than optmem_max: `...` for what was not read.
    let one = cmsgs(&[(16, 1, 1, &[])]);
    let hdr = "{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}";
    assert_eq!(
        send(&one, 20, DecodeOpts::default()),
        format!("{head}{hdr}, ... /* 0x3010 */], msg_controllen=20, {tail}")
    );
    assert_eq!(
        send(&one, 15, DecodeOpts::default()),
        format!(
            "sendmsg(3, {{msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=0x3000, msg_controllen=15, {tail}"
        )
    );
    let small = DecodeOpts {
        optmem_max: crate::decode::OptmemMax::Bytes(16),
        ..DecodeOpts::default()
    };
    assert_eq!(
        send(&one, 64, small),
        format!("{head}{hdr}, ...], msg_controllen=64, {tail}")
    );
}

/// The system's limit, read when a message first needs it: the value /proc gives (this
/// machine's), rounded up to 8 as strace rounds it.
#[test]
fn system_optmem_max_is_read_and_rounded_up_to_8() {
    let proc = std::fs::read_to_string("/proc/sys/net/core/optmem_max")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|&v| v > 0);
    let limit = crate::decode::OptmemMax::System.bytes();
    match proc {
        Some(v) => assert_eq!(limit, v.div_ceil(8) * 8),
        None => assert_eq!(limit, crate::decode::OPTMEM_MAX_DEFAULT),
    }
    assert_eq!(crate::decode::OptmemMax::System.bytes(), limit);
}

#[test]
fn recvmmsg_timeout_as_given_and_time_left() {
    let iov = words(&[0x5000, 1]);
    let msg = mmsghdr(0, 0, 0x4000, 1);
    let common = |ts: [u64; 2]| {
        FakeMemory::new()
            .with(0x1000, &msg)
            .with(0x4000, &iov)
            .with(0x5000, b"x")
            .with(0x6000, &words(&ts))
    };
    // The kernel writes the time left over the timeout it was given.
    let (before, after) = (common([1, 0]), common([0, 999]));
    let msgs = r#"[{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}]"#;
    let args = [3, 0x1000, 1, 0, 0x6000, 0];
    assert_eq!(
        line_changed(NR_RECVMMSG, args, &before, &after, Outcome::Ok(1)),
        format!(
            "recvmmsg(3, {msgs}, 1, 0, {{tv_sec=1, tv_nsec=0}}) = 1 (left {{tv_sec=0, tv_nsec=999}})"
        )
    );
    assert_eq!(
        line_changed(NR_RECVMMSG, args, &before, &after, Outcome::Ok(0)),
        "recvmmsg(3, [], 1, 0, {tv_sec=1, tv_nsec=0}) = 0 (Timeout)"
    );
    // -e verbose=none: addresses, no time left.
    assert_eq!(
        line_opts(
            NR_RECVMMSG,
            args,
            &after,
            Outcome::Ok(1),
            opts(true, false, 32)
        ),
        "recvmmsg(3, 0x1000, 1, 0, 0x6000)       = 1"
    );
}
