//! Bluetooth addresses, told apart by their length as the kernel's protocols take them:
//! HCI (`struct sockaddr_hci`), SCO, RFCOMM and L2CAP (BlueZ's `<bluetooth/*.h>`; the
//! kernel's `include/net/bluetooth/`). Multi-byte fields are little-endian ("Bluetooth
//! order", `htobs`), which is the host order on x86_64.

use super::{Addr, FAMILY, raw_data};
use crate::decode::{Group, Number, Sink, Values};
use crate::table::{self, EnumTable};

/// `offsetofend(struct sockaddr_hci, hci_dev)` and `sizeof(struct sockaddr_hci)` (device at
/// 2, channel at 4).
const SOCKADDR_HCI_DEV: usize = 4;
const SOCKADDR_HCI: usize = 6;
/// `sizeof(struct sockaddr_sco)`: a 6-byte device address at 2.
const SOCKADDR_SCO: usize = 8;
/// `sizeof(struct sockaddr_rc)`: device address at 2, channel at 8 (padded to 10).
const SOCKADDR_RC: usize = 10;
/// `offsetof(struct sockaddr_l2, l2_bdaddr_type)` and `sizeof(struct sockaddr_l2)`: PSM at
/// 2, device address at 4, channel id at 10, address type at 12.
const SOCKADDR_L2_OLD: usize = 12;
const SOCKADDR_L2: usize = 14;
/// `sizeof(bdaddr_t)`.
const BDADDR: usize = 6;

/// `L2CAP_PSM_LE_DYN_START`..`L2CAP_PSM_LE_DYN_END`, from `L2CAP_PSM_DYN_START` up, and
/// from `L2CAP_CID_DYN_START` up: the dynamically allocated ranges, shown as offsets.
const PSM_LE_DYN: (u16, u16) = (0x80, 0xff);
const PSM_DYN_START: u16 = 0x1001;
const CID_DYN_START: u16 = 0x40;

/// A Bluetooth address by its length; a length no protocol uses shows the bytes.
pub(super) fn bluetooth<S: Sink>(sink: &mut S, sa: Addr) {
    match sa.len {
        SOCKADDR_HCI_DEV | SOCKADDR_HCI => {
            sink.field("hci_dev");
            sink.begin_wrap("htobs");
            sink.uint(u64::from(sa.raw.u16(2)));
            sink.end_wrap();
            if sa.len == SOCKADDR_HCI {
                sink.field("hci_channel");
                sink.enumeration(u64::from(sa.raw.u16(4)), &table::ENUM_HCI_CHANNEL);
            }
        }
        SOCKADDR_SCO => {
            sink.field("sco_bdaddr");
            sink.mac_addr(sa.bytes(FAMILY, FAMILY + BDADDR));
        }
        SOCKADDR_RC => {
            sink.field("rc_bdaddr");
            sink.mac_addr(sa.bytes(FAMILY, FAMILY + BDADDR));
            sink.field("rc_channel");
            sink.uint(u64::from(sa.u8(8)));
        }
        SOCKADDR_L2_OLD | SOCKADDR_L2 => {
            sink.field("l2_psm");
            let psm = sa.raw.u16(2);
            let (le_start, le_end) = PSM_LE_DYN;
            let base = match psm {
                _ if table::ENUM_L2CAP_PSM.name(u64::from(psm)).is_some() => None,
                p if (le_start..=le_end).contains(&p) => Some(le_start),
                p if p >= PSM_DYN_START => Some(PSM_DYN_START),
                _ => None,
            };
            dynamic(sink, psm, base, &table::ENUM_L2CAP_PSM);
            sink.field("l2_bdaddr");
            sink.mac_addr(sa.bytes(4, 4 + BDADDR));
            sink.field("l2_cid");
            let cid = sa.raw.u16(10);
            let base = match cid {
                _ if table::ENUM_L2CAP_CID.name(u64::from(cid)).is_some() => None,
                c if c >= CID_DYN_START => Some(CID_DYN_START),
                _ => None,
            };
            dynamic(sink, cid, base, &table::ENUM_L2CAP_CID);
            if sa.len == SOCKADDR_L2 {
                sink.field("l2_bdaddr_type");
                sink.enumeration(u64::from(sa.u8(12)), &table::ENUM_BDADDR_TYPE);
            }
        }
        _ => raw_data(sink, sa),
    }
}

/// An L2CAP PSM or channel id in Bluetooth order: `htobs(L2CAP_PSM_SDP)`, or, in a dynamic
/// range starting at `base`, its offset from the start: `htobs(L2CAP_PSM_DYN_START+4)`;
/// else `htobs(0x8 /* L2CAP_CID_??? */)`.
fn dynamic<S: Sink>(sink: &mut S, v: u16, base: Option<u16>, names: &'static EnumTable) {
    sink.begin_wrap("htobs");
    match (names.name(u64::from(v)), base) {
        (Some(name), _) => sink.constant(name, Number::Hex(u64::from(v))),
        (None, Some(base)) => {
            use std::io::Write;
            // The longest: `L2CAP_PSM_LE_DYN_START+127`.
            let mut text = [0u8; 40];
            let mut cursor = std::io::Cursor::new(&mut text[..]);
            let name = names.name(u64::from(base)).unwrap_or("");
            let _ = write!(cursor, "{name}+{}", v - base);
            let len = cursor.position() as usize;
            sink.open(Group::Symbolic(Number::Hex(u64::from(v))));
            sink.word(std::str::from_utf8(&text[..len]).unwrap_or(""));
            sink.close();
        }
        (None, None) => sink.hex_named(u64::from(v), names, true),
    }
    sink.end_wrap();
}
