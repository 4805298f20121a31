//! Linux native AIO (`<linux/aio_abi.h>`): `struct iocb`, whose members after the header
//! depend on its opcode, as strace 6.1's aio.c shows them; the events are a layout of the
//! spec (`[structs.io_event]`).

use super::array::array;
use super::iov::{IovData, iovec_array};
use super::structs::{Raw, read_struct};
use super::{Ctx, Sink, Values, admin, fd, string};
use crate::mem::Memory;
use crate::table;

/// `sizeof(struct iocb)`.
const IOCB_SIZE: usize = 64;
// Its members' offsets (little-endian x86_64: `aio_key` before `aio_rw_flags`).
const AIO_DATA: usize = 0;
const AIO_KEY: usize = 8;
const AIO_RW_FLAGS: usize = 12;
const AIO_LIO_OPCODE: usize = 16;
const AIO_REQPRIO: usize = 18;
const AIO_FILDES: usize = 20;
const AIO_BUF: usize = 24;
const AIO_NBYTES: usize = 32;
const AIO_OFFSET: usize = 40;
const AIO_FLAGS: usize = 56;
const AIO_RESFD: usize = 60;

// The opcodes (`IOCB_CMD_*`) and flags (`IOCB_FLAG_*`) the layout depends on.
const IOCB_CMD_PREAD: u16 = 0;
const IOCB_CMD_PWRITE: u16 = 1;
const IOCB_CMD_POLL: u16 = 5;
const IOCB_CMD_PREADV: u16 = 7;
const IOCB_CMD_PWRITEV: u16 = 8;
const IOCB_FLAG_RESFD: u32 = 1;
const IOCB_FLAG_IOPRIO: u32 = 2;

/// `io_setup`'s context, written at exit: `[0x7f...]`.
pub fn context_out<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, 8, |sink, _, raw| {
        sink.begin_array();
        sink.addr(raw.u64(0));
        sink.end_array();
    });
}

/// `io_submit`'s `n` iocb pointers at `addr` (`n` a C `long`): each iocb, or the pointer
/// when it cannot be read; the address for a negative count.
pub fn iocbs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    if (n as i64) < 0 {
        return sink.addr(addr);
    }
    array(sink, ctx, addr, n, 8, |sink, ctx, raw| {
        iocb_at(sink, ctx, raw.u64(0), true)
    });
}

/// `io_cancel`'s iocb: its header only.
pub fn iocb_header<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    iocb_at(sink, ctx, addr, false)
}

/// The iocb at `addr`, whole or its header only; its address when it cannot be read or
/// under `-e verbose=none`.
fn iocb_at<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, whole: bool) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, IOCB_SIZE, |sink, ctx, raw| {
        sink.begin_struct();
        let op = header(sink, ctx, raw);
        if whole {
            body(sink, ctx, raw, op);
        }
        sink.end_struct(false);
    });
}

/// The members every iocb shows: data, key and read/write flags when set, the opcode, the
/// priority (an `ioprio` under `IOCB_FLAG_IOPRIO`, else a number when set), the descriptor.
fn header<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) -> u16 {
    sink.field("aio_data");
    sink.hex(raw.u64(AIO_DATA));
    let key = raw.u32(AIO_KEY);
    if key != 0 {
        sink.field("aio_key");
        sink.uint(u64::from(key));
    }
    let rw_flags = raw.u32(AIO_RW_FLAGS);
    if rw_flags != 0 {
        sink.field("aio_rw_flags");
        sink.flags(u64::from(rw_flags), &table::FLAGS_RWF_FLAGS);
    }
    let op = raw.u16(AIO_LIO_OPCODE);
    sink.field("aio_lio_opcode");
    // strace shows the opcode's number in decimal (XLAT_STYLE_FMT_U), an unknown one with
    // the table's comment.
    sink.enumeration_u(u64::from(op), &table::ENUM_AIO_CMDS);
    let prio = raw.i16(AIO_REQPRIO);
    if raw.u32(AIO_FLAGS) & IOCB_FLAG_IOPRIO != 0 {
        sink.field("aio_reqprio");
        admin::ioprio_value(sink, u32::from(prio as u16));
    } else if prio != 0 {
        sink.field("aio_reqprio");
        sink.int(i64::from(prio));
    }
    sink.field("aio_fildes");
    fd(sink, ctx, raw.i32(AIO_FILDES));
    op
}

/// The members after the header, as the opcode has them.
fn body<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>, op: u16) {
    let (buf, nbytes) = (raw.u64(AIO_BUF), raw.u64(AIO_NBYTES));
    // A length that does not fit a `ssize_t` makes strace show the numbers only.
    let valid = (nbytes as i64) >= 0;
    match op {
        IOCB_CMD_PREAD | IOCB_CMD_PWRITE => {
            sink.field("aio_buf");
            if op == IOCB_CMD_PWRITE && valid {
                string::buffer(sink, ctx, buf, nbytes, false);
            } else {
                sink.hex(buf);
            }
            sink.field("aio_nbytes");
            sink.uint(nbytes);
        }
        IOCB_CMD_PREADV | IOCB_CMD_PWRITEV => {
            sink.field("aio_buf");
            if valid {
                let data = if op == IOCB_CMD_PWRITEV {
                    IovData::All
                } else {
                    IovData::Addresses
                };
                iovec_array(sink, ctx, buf, nbytes, data);
            } else {
                sink.hex(buf);
                sink.field("aio_nbytes");
                sink.uint(nbytes);
            }
        }
        IOCB_CMD_POLL => {
            sink.field("aio_buf");
            sink.flags(buf, &table::FLAGS_POLL_EVENTS);
            return common_flags(sink, ctx, raw);
        }
        _ => return,
    }
    sink.field("aio_offset");
    sink.int(raw.i64(AIO_OFFSET));
    common_flags(sink, ctx, raw);
}

/// The flags when set, and the eventfd (a descriptor under `IOCB_FLAG_RESFD`, else hex when
/// set).
fn common_flags<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let flags = raw.u32(AIO_FLAGS);
    if flags != 0 {
        sink.field("aio_flags");
        sink.flags(u64::from(flags), &table::FLAGS_AIO_IOCB_FLAGS);
    }
    let resfd = raw.u32(AIO_RESFD);
    if flags & IOCB_FLAG_RESFD != 0 {
        sink.field("aio_resfd");
        fd(sink, ctx, resfd as i32);
    } else if resfd != 0 {
        sink.field("aio_resfd");
        sink.hex(u64::from(resfd));
    }
}
