//! The newer families: RxRPC (`<linux/rxrpc.h>`), IEEE 802.15.4 (the kernel's
//! `include/net/af_ieee802154.h`), crypto API sockets (`<linux/if_alg.h>`), NFC
//! (`<linux/nfc.h>`), vsock (`<linux/vm_sockets.h>`), Qualcomm IPC router (`<linux/qrtr.h>`),
//! XDP (`<linux/if_xdp.h>`) and MCTP (`<linux/mctp.h>`).

use super::{Addr, FAMILY, SOCKADDR_IN, SOCKADDR_IN6_MIN, ifindex, inet, inet6};
use crate::decode::{Ctx, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `sizeof(struct sockaddr_rxrpc)`: service at 2, transport type at 4, transport length at
/// 6, then a `sockaddr_in` or `sockaddr_in6` from 8.
pub(super) const SOCKADDR_RXRPC: usize = 36;
/// `sizeof(struct sockaddr_ieee802154)`: an address (`struct ieee802154_addr_sa`: type at
/// 4, PAN id at 8, a short address or an 8-byte hardware address at 10).
pub(super) const SOCKADDR_IEEE802154: usize = 20;
/// `sizeof(struct sockaddr_alg_new) + 1`: type at 2, features at 16, mask at 20, and at
/// least a byte of the name from 24.
pub(super) const SOCKADDR_ALG_MIN: usize = 25;
/// `sizeof(struct sockaddr_nfc)`: device at 4, target at 8, protocol at 12.
pub(super) const SOCKADDR_NFC: usize = 16;
/// `sizeof(struct sockaddr_vm)`.
pub(super) const SOCKADDR_VM: usize = 16;
/// `sizeof(struct sockaddr_qrtr)`.
pub(super) const SOCKADDR_QRTR: usize = 12;
/// `sizeof(struct sockaddr_xdp)`.
pub(super) const SOCKADDR_XDP: usize = 16;
/// `sizeof(struct sockaddr_mctp)`.
pub(super) const SOCKADDR_MCTP: usize = 12;

/// `AF_INET` and `AF_INET6`, the transports RxRPC runs on.
const AF_INET: u16 = 2;
const AF_INET6: u16 = 10;
/// Where the transport address starts in a `struct sockaddr_rxrpc`.
const RXRPC_TRANSPORT: usize = 8;

/// `struct sockaddr_rxrpc`: the service, the transport's socket type and length, and the
/// transport address: `sin` or `sin6` in the form of its family when its length covers it,
/// else its family and the bytes the lengths allow.
pub(super) fn rxrpc<S: Sink>(sink: &mut S, sa: Addr) {
    let declared = usize::from(sa.raw.u16(6));
    sink.field("srx_service");
    sink.hex_named(u64::from(sa.raw.u16(2)), &table::ENUM_RXRPC_SERVICE, true);
    sink.field("transport_type");
    sink.enumeration(u64::from(sa.raw.u16(4)), &table::ENUM_SOCK_TYPE);
    sink.field("transport_len");
    sink.uint(declared as u64);
    sink.field("transport");
    sink.begin_struct();
    let len = declared.min(sa.len - RXRPC_TRANSPORT);
    let transport = sa.inner(RXRPC_TRANSPORT, len);
    let rest = transport.bytes(FAMILY, len.max(FAMILY));
    let family = transport.raw.u16(0);
    let (name, family_field, min) = match family {
        AF_INET => (Some("sin"), "sin_family", SOCKADDR_IN),
        AF_INET6 => (Some("sin6"), "sin6_family", SOCKADDR_IN6_MIN),
        _ => (None, "family", usize::MAX),
    };
    if let Some(name) = name {
        sink.field(name);
        sink.begin_struct();
    }
    sink.field(family_field);
    sink.enumeration(u64::from(family), &table::ENUM_ADDRESS_FAMILY);
    match family {
        AF_INET if declared >= min => inet(sink, transport),
        AF_INET6 if declared >= min => inet6(sink, transport),
        // The bytes have no name of their own.
        _ if !rest.is_empty() => {
            sink.implicit_field("data");
            sink.string(rest, false);
        }
        _ => {}
    }
    if name.is_some() {
        sink.end_struct(false);
    }
    sink.end_struct(false);
}

/// `ARPHRD_IEEE802154`'s hardware address length (`IEEE802154_ADDR_LEN`).
const IEEE802154_ADDR_LEN: usize = 8;

/// `struct sockaddr_ieee802154`: its address's type, PAN id, and by the type nothing, a short
/// address or a hardware address.
pub(super) fn ieee802154<S: Sink>(sink: &mut S, sa: Addr) {
    // IEEE802154_ADDR_NONE, IEEE802154_ADDR_SHORT.
    const NONE: u32 = 0;
    const SHORT: u32 = 2;
    let kind = sa.raw.u32(4);
    sink.field("addr");
    sink.begin_struct();
    sink.field("addr_type");
    sink.hex_named(u64::from(kind), &table::ENUM_IEEE802154_ADDR_TYPE, true);
    sink.field("pan_id");
    sink.hex_named(
        u64::from(sa.raw.u16(8)),
        &table::ENUM_IEEE802154_PAN_ID,
        false,
    );
    match kind {
        NONE => {}
        SHORT => {
            sink.field("short_addr");
            let short = u64::from(sa.raw.u16(10));
            sink.hex_named(short, &table::ENUM_IEEE802154_SHORT_ADDR, false);
        }
        _ => {
            sink.field("hwaddr");
            sink.mac_addr(sa.bytes(10, 10 + IEEE802154_ADDR_LEN));
        }
    }
    sink.end_struct(false);
}

/// `struct sockaddr_alg_new`: type and name as NUL-terminated strings (the name as long as
/// the address), feature and mask flags.
pub(super) fn alg<S: Sink>(sink: &mut S, sa: Addr) {
    const SALG_NAME: usize = 24;
    sink.field("salg_type");
    sink.c_array(sa.bytes(FAMILY, 16));
    sink.field("salg_feat");
    sink.flags_named(u64::from(sa.raw.u32(16)), &table::FLAGS_ALG_SOCKADDR_FLAGS);
    sink.field("salg_mask");
    sink.flags_named(u64::from(sa.raw.u32(20)), &table::FLAGS_ALG_SOCKADDR_FLAGS);
    sink.field("salg_name");
    sink.c_array(sa.bytes(SALG_NAME, sa.len));
}

/// `sizeof(struct sockaddr_nfc_llcp)` on x86_64: the `sockaddr_nfc`, access points at 16 and
/// 17, a 63-byte service name at 18, its length (a `size_t`) at 88.
const SOCKADDR_NFC_LLCP: usize = 96;
/// `NFC_LLCP_MAX_SERVICE_NAME`.
const NFC_LLCP_MAX_SERVICE_NAME: u64 = 63;

/// `struct sockaddr_nfc`, or with the length of one a `struct sockaddr_nfc_llcp`; `...`
/// stands for the bytes of a length between the two.
pub(super) fn nfc<S: Sink>(sink: &mut S, sa: Addr) {
    sink.field("dev_idx");
    ifindex(sink, sa.raw.u32(4));
    sink.field("target_idx");
    sink.hex(u64::from(sa.raw.u32(8)));
    sink.field("nfc_protocol");
    sink.enumeration(u64::from(sa.raw.u32(12)), &table::ENUM_NFC_PROTOCOL);
    if sa.len < SOCKADDR_NFC_LLCP {
        if sa.len > SOCKADDR_NFC {
            sink.more();
        }
        return;
    }
    let name_len = sa.raw.u64(88);
    sink.field("dsap");
    sink.hex_named(u64::from(sa.u8(16)), &table::ENUM_NFC_SAP, false);
    sink.field("ssap");
    sink.hex_named(u64::from(sa.u8(17)), &table::ENUM_NFC_SAP, false);
    sink.field("service_name");
    let shown = name_len.min(NFC_LLCP_MAX_SERVICE_NAME) as usize;
    sink.string(sa.bytes(18, 18 + shown), false);
    sink.field("service_name_len");
    sink.uint(name_len);
}

/// `struct sockaddr_vm`: a reserved field at 2 and the zero bytes at 13 shown only when
/// set, the context id at 8, the port at 4, the flags at 12.
pub(super) fn vsock<S: Sink>(sink: &mut S, sa: Addr) {
    let reserved = sa.raw.u16(2);
    if reserved != 0 {
        sink.field("svm_reserved1");
        sink.hex(u64::from(reserved));
    }
    sink.field("svm_cid");
    sink.enumeration_or_hex(u64::from(sa.raw.u32(8)), &table::ENUM_VSOCK_CID);
    sink.field("svm_port");
    sink.enumeration_or_hex(u64::from(sa.raw.u32(4)), &table::ENUM_VSOCK_PORT);
    sink.field("svm_flags");
    sink.flags(u64::from(sa.u8(12)), &table::FLAGS_VSOCK_FLAGS);
    let zero = sa.bytes(13, SOCKADDR_VM);
    if zero.iter().any(|&b| b != 0) {
        sink.field("svm_zero");
        sink.hex_string(zero, false);
    }
}

/// `struct sockaddr_qrtr`: node at 4, port at 8.
pub(super) fn qrtr<S: Sink>(sink: &mut S, sa: Addr) {
    sink.field("sq_node");
    sink.enumeration_or_hex(u64::from(sa.raw.u32(4)), &table::ENUM_QRTR_NODE);
    sink.field("sq_port");
    sink.enumeration_or_hex(u64::from(sa.raw.u32(8)), &table::ENUM_QRTR_PORT);
}

/// `struct sockaddr_xdp`: flags at 2, interface at 4, queue at 8, and at 12 the descriptor
/// of the socket whose memory it shares (`XDP_SHARED_UMEM`), else a number shown when set.
pub(super) fn xdp<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, sa: Addr) {
    // XDP_SHARED_UMEM (<linux/if_xdp.h>).
    const XDP_SHARED_UMEM: u16 = 1;
    let flags = sa.raw.u16(2);
    let fd = sa.raw.u32(12);
    sink.field("sxdp_flags");
    sink.flags(u64::from(flags), &table::FLAGS_XDP_SOCKADDR_FLAGS);
    sink.field("sxdp_ifindex");
    ifindex(sink, sa.raw.u32(4));
    sink.field("sxdp_queue_id");
    sink.uint(u64::from(sa.raw.u32(8)));
    if flags & XDP_SHARED_UMEM != 0 {
        sink.field("sxdp_shared_umem_fd");
        crate::decode::fd(sink, ctx, fd as i32);
    } else if fd != 0 {
        sink.field("sxdp_shared_umem_fd");
        sink.hex(u64::from(fd));
    }
}

/// `struct sockaddr_mctp`: pads at 2 and 11 shown only when set, network at 4, the endpoint
/// (`struct mctp_addr`) at 8, type at 9, tag at 10.
pub(super) fn mctp<S: Sink>(sink: &mut S, sa: Addr) {
    let pad0 = sa.raw.u16(2);
    if pad0 != 0 {
        sink.field("__smctp_pad0");
        sink.hex(u64::from(pad0));
    }
    sink.field("smctp_network");
    sink.enumeration_or_hex(u64::from(sa.raw.u32(4)), &table::ENUM_MCTP_NET);
    sink.field("smctp_addr");
    sink.begin_struct();
    sink.field("s_addr");
    sink.enumeration_or_hex(u64::from(sa.u8(8)), &table::ENUM_MCTP_ADDR);
    sink.end_struct(false);
    sink.field("smctp_type");
    sink.hex(u64::from(sa.u8(9)));
    sink.field("smctp_tag");
    sink.hex(u64::from(sa.u8(10)));
    let pad1 = sa.u8(11);
    if pad1 != 0 {
        sink.field("__smctp_pad1");
        sink.hex(u64::from(pad1));
    }
}
