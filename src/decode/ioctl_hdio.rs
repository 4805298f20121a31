//! The `<linux/hdreg.h>` requests whose argument is more than a layout (strace's hdio.c and
//! its generated decoders): `HDIO_DRIVE_CMD`, a command header at entry that the drive
//! overwrites with its status and follows with the sectors it read, and the identity
//! requests' fixed-length blocks. The other `HDIO_*` requests are `[ioctl_args]` entries.

use super::array::array;
use super::fields;
use super::string::buffer;
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `HDIO_DRIVE_RESET` (0x031c) and `HDIO_SCAN_HWIF` (0x0328): three ints.
pub const HDIO_DRIVE_RESET: u32 = 0x031c;
pub const HDIO_SCAN_HWIF: u32 = 0x0328;
/// `HDIO_DRIVE_CMD` (0x031f).
pub const HDIO_DRIVE_CMD: u32 = 0x031f;
/// `HDIO_OBSOLETE_IDENTITY` (0x0307): 142 bytes of the drive's identity.
pub const HDIO_OBSOLETE_IDENTITY: u32 = 0x0307;
/// `HDIO_GET_IDENTITY` (0x030d): a 512-byte `struct hd_driveid`.
pub const HDIO_GET_IDENTITY: u32 = 0x030d;
/// A sector, the unit of the header's `sector_count` (the data follows the header).
const SECTOR_SIZE: u64 = 512;
/// `HDIO_DRIVE_CMD_HDR_SIZE`: where the sectors read begin.
const HDR_SIZE: u64 = 4;
/// The errno a drive's error status comes back with; the status is written then too.
const EIO: u64 = 5;

/// `HDIO_DRIVE_CMD`: at entry the command (`struct hd_drive_cmd_hdr`); at exit, when the call
/// succeeded or failed with `EIO` and the header is readable, ` => {status=0x50, error=0,
/// nsector=1, buf="..."}` (the sectors in hex, when the header counts any).
pub fn drive_cmd<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let Some(outcome) = outcome else {
        return fields::at(sink, ctx, &table::STRUCT_HD_DRIVE_CMD_HDR, addr);
    };
    if matches!(outcome, Outcome::Err(e) if e != EIO) {
        return;
    }
    // strace reads it whatever -e verbose says, and shows nothing when it cannot, with no
    // second report of a read that stops part way (one was made at entry): byte by byte.
    let mut hdr = [0u8; HDR_SIZE as usize];
    let unreadable = (0..HDR_SIZE).any(|i| {
        let byte = &mut hdr[i as usize..=i as usize];
        ctx.mem.read(addr.wrapping_add(i), byte).is_err()
    });
    if addr == 0 || unreadable {
        return;
    }
    let [status, error, nsector, count] = hdr;
    sink.updated();
    sink.begin_struct();
    sink.field("status");
    sink.hex(u64::from(status));
    sink.field("error");
    sink.uint(u64::from(error));
    sink.field("nsector");
    sink.uint(u64::from(nsector));
    if count != 0 {
        sink.field("buf");
        let len = u64::from(count) * SECTOR_SIZE;
        buffer(sink, ctx, addr.wrapping_add(HDR_SIZE), len, true);
    }
    sink.end_struct(false);
}

/// The identity requests: at the exit of a successful call the `len` bytes the kernel wrote,
/// as a string cut at `-s`; the address when the call failed.
pub fn identity<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
    outcome: Option<Outcome>,
) {
    match outcome {
        None => {}
        Some(Outcome::Err(_)) => sink.addr(addr),
        Some(Outcome::Ok(_)) => buffer(sink, ctx, addr, len, false),
    }
}

/// `HDIO_DRIVE_RESET`'s and `HDIO_SCAN_HWIF`'s three ints (the kernel's `args[3]`), in hex,
/// read one by one as strace's array printer reads them: `[0xdeadbeef, 0, 0x1]`.
pub fn hwif_args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    array(sink, ctx, addr, 3, 4, |sink, _, raw| {
        sink.hex(u64::from(raw.u32(0)))
    });
}
