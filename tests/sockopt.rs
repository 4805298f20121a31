//! Socket options and ioctls end to end: `tests/helpers/h_sockopt.c` (getsockopt on an
//! AF_UNIX pair, setsockopt on fd -1 with a value of every shape the `[sockopt.*]` tables
//! give, lengths too short for them, values that end where memory does; the socket ioctls'
//! ints, bridge names and `struct ifreq`s) traced by `strace-rs`, every line
//! after the marker asserted exactly, and compared per line with the real strace by
//! default, under `-v`, `-X raw`, `-X verbose` and `-e verbose=none`.
//!
//! The expected lines are Debian's strace 6.1's for the same helper, masked as every test
//! masks them (addresses, the pid); the helper's uid and gid are left out, as they are the
//! runner's.

mod common;

use common::*;

/// The masked lines after the marker of `h_sockopt` under `tracer` with `opts`, and the
/// tracer's messages with its name taken off.
fn lines(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (_dir, run) = trace_helper(tracer, opts, "h_sockopt", &[]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{tracer} {opts:?} tracing h_sockopt; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    let ids = regex::Regex::new(r#"uid=(\d+, gid=\d+|"[^"]*")"#).unwrap();
    let lines = masked_after_marker(&run)
        .into_iter()
        .map(|l| ids.replace(&l, "uid=U").into_owned())
        .collect();
    let messages = mask_addresses(&run.stderr)
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, rest)| rest).to_string())
        .collect();
    (lines, messages)
}

/// Prints what the real strace shows, masked as the tests mask it:
/// `cargo test --test sockopt -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_reference_lines() {
    for l in lines(REAL_STRACE, &[]).0 {
        println!("            r#\"{l}\"#,");
    }
}

#[test]
fn socket_options() {
    let (got, messages) = lines(STRACE_RS, &[]);
    assert_eq!(
        messages,
        [
            "umoven: short read (4 < 8) @0xADDR",
            "umoven: short read (39 < 40) @0xADDR"
        ]
    );
    assert_lines(&got, EXPECTED);
}

/// The same helper under both tracers, with the options that change how values print.
#[test]
fn socket_options_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let opts: [&[&str]; 5] = [
        &[],
        &["-v"],
        &["-X", "raw"],
        &["-X", "verbose"],
        &["-e", "verbose=none"],
    ];
    for opts in opts {
        let ours = lines(STRACE_RS, opts);
        let theirs = lines(REAL_STRACE, opts);
        assert_lines(&ours.0, &theirs.0);
        assert_eq!(ours.1, theirs.1, "messages under {opts:?}");
    }
}

const EXPECTED: &[&str] = &[
    r#"socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_TYPE, [1], [4]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_TYPE, "\1\0\0", [3]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_ERROR, "\x00\x00", [2]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=PID, uid=U}, [12]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=PID, uid=U}, [7]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, [8]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger="\x00"}, [5]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_KEEPALIVE, [0], [4]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_KEEPALIVE, 0xADDR, [0]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_KEEPALIVE, NULL, [4]) = -1 EFAULT (Bad address)"#,
    r#"setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=5, filter=0xADDR}, 16) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_GET_FILTER, 0xADDR, [8 => 5]) = 0"#,
    r#"getsockopt(3, SOL_SOCKET, SO_GET_FILTER, NULL, [0 => 5]) = 0"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, [1], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, 0xADDR, 3) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, 0xADDR, -1) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_TYPE, [1], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_TYPE, "\1\0\0", 3) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_TYPE, 0xADDR, 8) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_ENABLED], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_TXREHASH, [2 /* SOCK_TXREHASH_??? */], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=30}, 8) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_SOCKET, SO_LINGER, 0xADDR, 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_RAW, ICMP_FILTER, [ICMP_ECHOREPLY ICMP_ECHO 0x14 /* ICMP_??? */], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHO], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHO], 2) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_RAW, ICMP_FILTER, 0xADDR, 0) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4096, tp_block_nr=2, tp_frame_size=2048, tp_frame_nr=4}, 16) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_PACKET, PACKET_TX_RING, 0xADDR, 15) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=if_nametoindex("lo"), mr_type=PACKET_MR_PROMISC, mr_alen=6, mr_address=00:11:22:33:44:55}, 16) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_PACKET, PACKET_DROP_MEMBERSHIP, {mr_ifindex=if_nametoindex("lo"), mr_type=0x7 /* PACKET_MR_??? */, mr_alen=12, mr_address=00:11:22:33:44:55:66:77}, 16) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr("224.0.0.3"), imr_interface=inet_addr("127.0.0.1")}, 8) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, 0xADDR, 7) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_IPV6, IPV6_JOIN_ANYCAST, {inet_pton(AF_INET6, "ff02::c", &ipv6mr_multiaddr), ipv6mr_interface=if_nametoindex("lo")}, 20) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=if_nametoindex("lo"), gr_group={sa_family=AF_INET, sin_port=htons(4242), sin_addr=inet_addr("224.0.0.3")}}, 136) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_IPV6, MCAST_LEAVE_GROUP, 0xADDR, 135) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_NETLINK, NETLINK_PKTINFO, [0], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_NETLINK, NETLINK_PKTINFO, 0xADDR, 2) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_IP, IPT_SO_SET_REPLACE, [0], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"getsockopt(-1, SOL_IP, IPT_SO_GET_INFO, 0xADDR, [4]) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, SOL_TCP, 0x3e7 /* TCP_??? */, [0], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"setsockopt(-1, 0x3e7 /* SOL_?? */, 1, [0], 4) = -1 EBADF (Bad file descriptor)"#,
    r#"socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6]) = 0"#,
    r#"ioctl(5, FIOGETOWN, [0])                = 0"#,
    r#"ioctl(5, SIOCATMARK, [0])               = 0"#,
    r#"ioctl(5, SIOCGIFINDEX, NULL)            = -1 EFAULT (Bad address)"#,
    r#"ioctl(-1, SIOCBRADDBR, "0123456789abcdef"...) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCBRDELBR, "br0")           = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(5, SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0"#,
    r#"ioctl(5, SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0"#,
    r#"ioctl(5, SIOCGIFHWADDR, {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}) = 0"#,
    r#"ioctl(5, SIOCGIFMTU, {ifr_name="no-such-if"}) = -1 ENODEV (No such device)"#,
    r#"ioctl(-1, SIOCSIFFLAGS, {ifr_name="0123456789abcde"..., ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_AUTOMEDIA}) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCSIFHWADDR, {ifr_name="eth9", ifr_hwaddr={sa_family=ARPHRD_ETHER, sa_data=02:11:22:33:44:55}}) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCSIFADDR, {ifr_name="eth9", ifr_addr={sa_family=AF_INET, sin_port=htons(7), sin_addr=inet_addr("127.0.0.1")}}) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCSIFMTU, {ifr_name="eth9", ifr_mtu=-5}) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCSIFNAME, {ifr_name="eth9", ifr_newname="newname"}) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCSIFMAP, {ifr_name="eth9", ifr_map={mem_start=0x1000, mem_end=0x2000, base_addr=0x300, irq=0x5, dma=0x1, port=0x2}}) = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCSIFMAP, 0xADDR)           = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCADDRT, NULL)              = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(-1, SIOCGIFCONF, NULL)            = -1 EBADF (Bad file descriptor)"#,
    r#"ioctl(5, SIOCGIFCONF, {ifc_len=0, ifc_buf=[]}) = 0"#,
    r#"ioctl(5, SIOCGIFCONF, {ifc_len=1 => 0, ifc_buf=[]}) = 0"#,
    r#"ioctl(-1, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=0x8}) = -1 EBADF (Bad file descriptor)"#,
    r#"exit_group(0)                           = ?"#,
    r#"+++ exited with 0 +++"#,
];
