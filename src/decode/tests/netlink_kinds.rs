//! Netlink attributes whose form is an array of structs or code, or depends on another
//! attribute: packet_diag's multicast lists and filters, inet_diag's answers, and a link's
//! IFLA_LINKINFO by its kind. Expected lines are strace 6.1's (its tests
//! `nlattr_packet_diag_msg.c`, `nlattr_inet_diag_msg.c`, `nlattr_ifla_linkinfo.c`).

use super::netlink::{
    AT, DEFAULTS, MSG_DONTWAIT, NETLINK_ROUTE, NETLINK_SOCK_DIAG, NR_SENDTO, nl_line, nla, nlmsg,
    sent,
};
use super::*;

/// `SOCK_DIAG_BY_FAMILY`, `NLM_F_DUMP` (an answer: no `NLM_F_REQUEST`).
const SOCK_DIAG_BY_FAMILY: u16 = 20;
const NLM_F_DUMP: u16 = 0x300;
/// The end of a page of the fake memory: what is after it cannot be read.
const END: u64 = 0x3000;

/// The line of `sendto` of a message of `len` bytes of which only `bytes` are readable
/// (they end a page: the rest is past the end of the memory), under `-v` when `verbose`.
/// At `AT` when `len` bytes are there, else at `END - bytes.len()`.
fn sent_short(protocol: u32, bytes: &[u8], len: u64, verbose: bool) -> String {
    let at = match len as usize == bytes.len() {
        true => AT,
        false => END - bytes.len() as u64,
    };
    let mem = FakeMemory::new().with(at, bytes);
    let opts = DecodeOpts {
        abbreviate: !verbose,
        ..DEFAULTS.1
    };
    nl_line(
        Some(Some(protocol)),
        (DEFAULTS.0, opts),
        NR_SENDTO,
        [3, at, len, MSG_DONTWAIT, 0, 0],
        &mem,
        Outcome::Ok(len as i64),
    )
}

/// The line of `sendto` of all of `bytes` under `-v`.
fn sent_v(protocol: u32, bytes: &[u8]) -> String {
    sent_short(protocol, bytes, bytes.len() as u64, true)
}

/// A `struct packet_diag_msg` (AF_PACKET, SOCK_STREAM, ETH_P_ALL) and `attrs`.
fn packet_diag(attrs: &[u8]) -> Vec<u8> {
    let mut msg = vec![17, 1, 3, 0];
    msg.extend(words32(&[0, 0, 0]));
    msg.extend(attrs);
    nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_DUMP, &msg)
}

/// The attributes part of a shown packet_diag answer.
fn packet_attrs(line: &str) -> &str {
    let at = line
        .find("pdiag_cookie=[0, 0]}, ")
        .expect("a packet_diag_msg");
    &line[at + "pdiag_cookie=[0, 0]}, ".len()..]
}

/// A `struct packet_diag_mclist`: index, count, type, the address's length and bytes.
fn mclist(count: u32, alen: u16, addr: &[u8]) -> Vec<u8> {
    let mut m = words32(&[0, count]);
    m.extend(0x1234u16.to_ne_bytes());
    m.extend(alen.to_ne_bytes());
    let mut a = addr.to_vec();
    a.resize(32, 0);
    m.extend(a);
    m
}

#[test]
fn packet_diag_multicast_lists() {
    let diag = Some(NETLINK_SOCK_DIAG);
    // pdmc_addr shows pdmc_alen of its bytes, at most all 32; the bytes after the last whole
    // struct are not shown.
    let mut list = mclist(7, 4, b"1234");
    list.extend(mclist(8, 40, &[0xab; 32]));
    list.extend([0; 3]);
    let line = sent(diag, &packet_diag(&nla(1, &list)));
    assert_eq!(
        packet_attrs(&line),
        format!(
            "[{{nla_len=95, nla_type=PACKET_DIAG_MCLIST}}, [{{pdmc_index=0, pdmc_count=7, pdmc_type=4660, \
             pdmc_alen=4, pdmc_addr=\"\\x31\\x32\\x33\\x34\"}}, {{pdmc_index=0, pdmc_count=8, \
             pdmc_type=4660, pdmc_alen=40, pdmc_addr=\"{}\"}}]]]",
            "\\xab".repeat(32)
        )
    );
    // Fewer bytes than one struct: in hex.
    let line = sent(diag, &packet_diag(&nla(1, b"abc")));
    assert_eq!(
        packet_attrs(&line),
        "[{nla_len=7, nla_type=PACKET_DIAG_MCLIST}, \"\\x61\\x62\\x63\"]]"
    );
    // The second struct past the readable memory: its address.
    let mut one = nla(1, &mclist(2, 0, b""));
    one[0] += 44;
    let bytes = packet_diag(&one);
    let whole = bytes.len() as u64 + 44;
    let mut bytes = bytes;
    bytes[..4].copy_from_slice(&(whole as u32).to_ne_bytes());
    let line = sent_short(NETLINK_SOCK_DIAG, &bytes, whole, false);
    let second = END;
    assert!(
        line.contains(&format!(
            "[{{nla_len=92, nla_type=PACKET_DIAG_MCLIST}}, [{{pdmc_index=0, pdmc_count=2, pdmc_type=4660, \
             pdmc_alen=0, pdmc_addr=\"\"}}, ... /* {second:#x} */]]]"
        )),
        "{line}"
    );
}

#[test]
fn packet_diag_filters() {
    let diag = Some(NETLINK_SOCK_DIAG);
    // struct sock_filter: code, jt, jf, k.
    let mut prog = vec![0x30, 0, 0, 0];
    prog.extend(0xfffff004u32.to_ne_bytes());
    prog.extend([6, 0, 0, 0]);
    prog.extend(42u32.to_ne_bytes());
    let line = sent_v(NETLINK_SOCK_DIAG, &packet_diag(&nla(7, &prog)));
    assert!(
        line.contains(
            "[{nla_len=20, nla_type=PACKET_DIAG_FILTER}, [BPF_STMT(BPF_LD|BPF_B|BPF_ABS, \
             SKF_AD_OFF+SKF_AD_PKTTYPE), BPF_STMT(BPF_RET|BPF_K, 0x2a)]]]"
        ),
        "{line}"
    );
    // Without -v, the address (as SO_GET_FILTER's).
    let line = sent(diag, &packet_diag(&nla(7, &prog)));
    assert!(
        packet_attrs(&line).starts_with("[{nla_len=20, nla_type=PACKET_DIAG_FILTER}, 0x"),
        "{line}"
    );
    // Less than an instruction: in hex.
    let line = sent(diag, &packet_diag(&nla(7, &prog[..7])));
    assert_eq!(
        packet_attrs(&line),
        "[{nla_len=11, nla_type=PACKET_DIAG_FILTER}, \"\\x30\\x00\\x00\\x00\\x04\\xf0\\xff\"]]"
    );
}

/// An `RTM_GETLINK` request (`struct ifinfomsg` of `AF_UNSPEC`) with an `IFLA_LINKINFO` of
/// `info`: what its IFLA_LINKINFO shows.
fn linkinfo(info: &[u8]) -> String {
    let mut link = vec![0, 0, 4, 3];
    link.extend(words32(&[0, 1, 0]));
    link.extend(nla(18, info));
    let line = sent(Some(NETLINK_ROUTE), &nlmsg(18, 1, &link));
    let at = line.find("[{nla_len=").expect("an attribute");
    line[at..].to_string()
}

/// Attributes one after another, each aligned to 4 bytes.
fn nlas(attrs: &[Vec<u8>]) -> Vec<u8> {
    let mut all = Vec::new();
    for a in attrs {
        all.extend(a);
        all.resize(all.len().next_multiple_of(4), 0);
    }
    all
}

#[test]
fn link_data_by_kind() {
    // A bridge's data: its clock_t counts unsigned, its boolean options as bits.
    let data = nlas(&[
        nla(1, &0xdeadc0defacefeedu64.to_ne_bytes()),
        nla(46, &words32(&[1, 6])),
    ]);
    let info = nlas(&[nla(1, b"bridge\0"), nla(2, &data)]);
    assert_eq!(
        linkinfo(&info),
        "[{nla_len=44, nla_type=IFLA_LINKINFO}, [[{nla_len=11, nla_type=IFLA_INFO_KIND}, \"bridge\"], \
         [{nla_len=28, nla_type=IFLA_INFO_DATA}, [[{nla_len=12, nla_type=IFLA_BR_FORWARD_DELAY}, \
         16045693111314087661 /* 160456931113140876.61 s */], [{nla_len=12, nla_type=IFLA_BR_MULTI_BOOLOPT}, \
         {optval=1<<BR_BOOLOPT_NO_LL_LEARN, optmask=1<<BR_BOOLOPT_MCAST_VLAN_SNOOPING|1<<BR_BOOLOPT_MST_ENABLE}]]]]]]"
    );
    // A VLAN protocol in network order; strace names an unknown one ETHER_P_??? here.
    let data = nlas(&[nla(8, &[0x81, 0]), nla(8, &[0, 0x81])]);
    let info = nlas(&[nla(1, b"bridge\0"), nla(2, &data)]);
    assert!(
        linkinfo(&info).ends_with(
            "[[{nla_len=6, nla_type=IFLA_BR_VLAN_PROTOCOL}, htons(ETH_P_8021Q)], \
             [{nla_len=6, nla_type=IFLA_BR_VLAN_PROTOCOL}, htons(0x81 /* ETHER_P_??? */)]]]]]]"
        ),
        "{}",
        linkinfo(&info)
    );
    // A tun device's type; a kind without a NUL ends at the attribute's end.
    let info = nlas(&[nla(1, b"tun"), nla(2, &nla(3, &[2]))]);
    assert_eq!(
        linkinfo(&info),
        "[{nla_len=24, nla_type=IFLA_LINKINFO}, [[{nla_len=7, nla_type=IFLA_INFO_KIND}, \"tun\"...], \
         [{nla_len=9, nla_type=IFLA_INFO_DATA}, [{nla_len=5, nla_type=IFLA_TUN_TYPE}, IFF_TAP]]]]]"
    );
    // A CAN device's statistics; a bridge port's data by the slave kind.
    let info = nlas(&[
        nla(1, b"can\0"),
        nla(3, &words32(&[1, 2, 3, 4, 5, 6])),
        nla(4, b"bridge\0"),
        nla(5, &nla(3, &words32(&[7]))),
    ]);
    assert_eq!(
        linkinfo(&info),
        "[{nla_len=64, nla_type=IFLA_LINKINFO}, [[{nla_len=8, nla_type=IFLA_INFO_KIND}, \"can\"], \
         [{nla_len=28, nla_type=IFLA_INFO_XSTATS}, {bus_error=1, error_warning=2, error_passive=3, \
         bus_off=4, arbitration_lost=5, restarts=6}], [{nla_len=11, nla_type=IFLA_INFO_SLAVE_KIND}, \"bridge\"], \
         [{nla_len=12, nla_type=IFLA_INFO_SLAVE_DATA}, [{nla_len=8, nla_type=IFLA_BRPORT_COST}, 7]]]]]"
    );
    // Data before its kind, or of a kind strace does not know: in hex.
    let info = nlas(&[nla(2, b"ab"), nla(1, b"veth\0"), nla(2, b"cd")]);
    assert_eq!(
        linkinfo(&info),
        "[{nla_len=32, nla_type=IFLA_LINKINFO}, [[{nla_len=6, nla_type=IFLA_INFO_DATA}, \"\\x61\\x62\"], \
         [{nla_len=9, nla_type=IFLA_INFO_KIND}, \"veth\"], [{nla_len=6, nla_type=IFLA_INFO_DATA}, \"\\x63\\x64\"]]]]"
    );
}

/// A `struct inet_diag_msg` of AF_INET (all zero but the family) and `attrs`: what its
/// attributes show.
fn inet_diag(attrs: &[u8]) -> String {
    let mut msg = vec![2, 0, 0, 0];
    msg.extend([0; 68]);
    msg.extend(attrs);
    let line = sent(
        Some(NETLINK_SOCK_DIAG),
        &nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_DUMP, &msg),
    );
    let at = line.find("idiag_inode=0}, ").expect("an inet_diag_msg");
    line[at + "idiag_inode=0}, ".len()..].to_string()
}

#[test]
fn inet_diag_answer_attributes() {
    // INET_DIAG_BBRINFO: struct tcp_bbr_info, the bandwidth in hex.
    assert_eq!(
        inet_diag(&nla(16, &words32(&[0xff, 1, 2, 3, 4]))),
        "[{nla_len=24, nla_type=INET_DIAG_BBRINFO}, {bbr_bw_lo=0xff, bbr_bw_hi=0x1, bbr_min_rtt=2, \
         bbr_pacing_gain=3, bbr_cwnd_gain=4}]]"
    );
    // INET_DIAG_ULP_INFO: TLS's and MPTCP's attributes by their own types.
    let ulp = nlas(&[
        nla(1, b"tls\0"),
        nla(
            2,
            &nlas(&[nla(1, &0x304u16.to_ne_bytes()), nla(3, &[9, 0])]),
        ),
        nla(3, &nla(8, &words32(&[0x41]))),
    ]);
    assert_eq!(
        inet_diag(&nla(19, &ulp)),
        "[{nla_len=44, nla_type=INET_DIAG_ULP_INFO}, [[{nla_len=8, nla_type=INET_ULP_INFO_NAME}, \"tls\"], \
         [{nla_len=20, nla_type=INET_ULP_INFO_TLS}, [[{nla_len=6, nla_type=TLS_INFO_VERSION}, TLS_1_3_VERSION], \
         [{nla_len=6, nla_type=TLS_INFO_TXCONF}, 0x9 /* TLS_CONF_??? */]]], [{nla_len=12, \
         nla_type=INET_ULP_INFO_MPTCP}, [{nla_len=8, nla_type=MPTCP_SUBFLOW_ATTR_FLAGS}, \
         MPTCP_SUBFLOW_FLAG_MCAP_REM|MPTCP_SUBFLOW_FLAG_FULLY_ESTABLISHED]]]]]"
    );
    // INET_DIAG_SK_BPF_STORAGES: the maps' values in hex.
    let storage = nla(1, &nlas(&[nla(2, &words32(&[5])), nla(3, &[1, 2])]));
    assert_eq!(
        inet_diag(&nla(20, &storage)),
        "[{nla_len=24, nla_type=INET_DIAG_SK_BPF_STORAGES}, [{nla_len=20, nla_type=SK_DIAG_BPF_STORAGE}, \
         [[{nla_len=8, nla_type=SK_DIAG_BPF_STORAGE_MAP_ID}, 5], [{nla_len=6, \
         nla_type=SK_DIAG_BPF_STORAGE_MAP_VALUE}, 0x201]]]]]"
    );
}
