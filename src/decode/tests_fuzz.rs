//! Regressions found by the fuzzer (`fuzz.rs`): each case as a whole line on fake memory,
//! as strace 6.1 prints it where strace prints it at all.

use super::tests::line;
use super::*;
use crate::mem::FakeMemory;

const NR_SENDMSG: u64 = 46;
const EBADF: u64 = 9;

fn words(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

/// `sendmsg(-1, msg, 0)` failing with EBADF, `msg` sending "x" with 40 bytes of control data
/// made of `control`'s words.
fn sendmsg_with_control(control: &[u64]) -> String {
    let msghdr = words(&[0, 0, 0x2000, 1, 0x3000, 40, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &msghdr)
        .with(0x2000, &[words(&[0x2010, 1]), b"x".to_vec()].concat())
        .with(0x3000, &words(control));
    line(
        NR_SENDMSG,
        [-1i64 as u64, 0x1000, 0, 0, 0, 0],
        &mem,
        Outcome::Err(EBADF),
    )
}

/// `SOL_SOCKET` and `SCM_RIGHTS` as a control message header's level and type words.
const SOL_SOCKET_SCM_RIGHTS: u64 = 1 | 1 << 32;

/// A control message length near 2^64 ends the list where the buffer ends, whether it is the
/// first header or a later one (the sum of its offset and length once overflowed: a panic).
#[test]
fn control_message_lengths_near_the_top_of_u64() {
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

/// `-e read=`'s hex dump of data that ends at the top of the address space: the last page
/// is dumped and the dump stops (the next address, 2^64, once overflowed: a panic). The kernel
/// returns no such count, so strace cannot be asked; a tracee's memory ends lower.
#[test]
fn hex_dump_stops_at_the_top_of_the_address_space() {
    use crate::output::{Format, Output};
    let top_page = u64::MAX - 4095;
    let mut page = vec![0u8; 4096];
    page[..5].copy_from_slice(b"last\n");
    let mem = FakeMemory::new().with(top_page, &page);
    let mut out = Output::new(Box::new(std::io::sink()), false, Format::default());
    let transfer = Transfer {
        fd: 0,
        addr: top_page,
        len: 8192,
        read: true,
    };
    crate::tracer::dump(&mut out, &mem, transfer);
    let dump = String::from_utf8(out.buf().clone()).unwrap();
    let lines: Vec<&str> = dump.lines().collect();
    assert_eq!(lines.len(), 256);
    assert_eq!(
        lines[0],
        " | 00000  6c 61 73 74 0a 00 00 00  00 00 00 00 00 00 00 00  last............ |"
    );
    assert_eq!(
        lines[255],
        " | 00ff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................ |"
    );
}
