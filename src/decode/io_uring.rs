//! `io_uring_setup`'s `struct io_uring_params` (`<linux/io_uring.h>`), as strace 6.1's
//! io_uring.c shows it: what the kernel reads (the flags, the SQ thread's CPU and idle
//! time, the work queue to attach to, the reserved words when set), then after a success
//! what it wrote (the ring sizes, the features, the rings' offsets, `[structs.io_*_offsets]`).
//! And `io_uring_register`'s argument by its opcode (the shapes that are data are
//! `[structs.io_uring_*]`; here the arrays counted by the call or another member, and the
//! restriction's union by its opcode).

use super::array::{array, array_while};
use super::fields::{self, Shown};
use super::iov::{IovData, iovec_array};
use super::structs::{Raw, nonzero_tail, read_struct};
use super::{Call, Ctx, Group, Outcome, Sink, Values, fd};
use crate::mem::Memory;
use crate::table;

/// `sizeof(struct io_uring_params)`.
const PARAMS_SIZE: usize = 120;
// Its members' offsets.
const SQ_ENTRIES: usize = 0;
const CQ_ENTRIES: usize = 4;
const FLAGS: usize = 8;
const SQ_THREAD_CPU: usize = 12;
const SQ_THREAD_IDLE: usize = 16;
const FEATURES: usize = 20;
const WQ_FD: usize = 24;
const RESV: usize = 28;
const SQ_OFF: usize = 40;
const CQ_OFF: usize = 80;
/// `IORING_SETUP_ATTACH_WQ`: `wq_fd` is a descriptor.
const IORING_SETUP_ATTACH_WQ: u32 = 0x20;

/// The params at `addr`, shown once the call is done: its address when they cannot be read
/// or under `-e verbose=none`.
pub fn params<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, PARAMS_SIZE, |sink, ctx, raw| {
        sink.begin_struct();
        let flags = raw.u32(FLAGS);
        sink.field("flags");
        sink.flags(u64::from(flags), &table::FLAGS_URING_SETUP_FLAGS);
        sink.field("sq_thread_cpu");
        sink.hex(u64::from(raw.u32(SQ_THREAD_CPU)));
        sink.field("sq_thread_idle");
        sink.uint(u64::from(raw.u32(SQ_THREAD_IDLE)));
        if flags & IORING_SETUP_ATTACH_WQ != 0 {
            sink.field("wq_fd");
            fd(sink, ctx, raw.i32(WQ_FD));
        }
        let resv = [RESV, RESV + 4, RESV + 8].map(|off| raw.u32(off));
        if resv.iter().any(|&w| w != 0) {
            sink.field("resv");
            sink.begin_array();
            for w in resv {
                sink.hex(u64::from(w));
            }
            sink.end_array();
        }
        if matches!(outcome, Some(Outcome::Ok(_))) {
            written(sink, ctx, raw);
        }
        sink.end_struct(false);
    });
}

/// What a successful call wrote.
fn written<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.field("sq_entries");
    sink.uint(u64::from(raw.u32(SQ_ENTRIES)));
    sink.field("cq_entries");
    sink.uint(u64::from(raw.u32(CQ_ENTRIES)));
    sink.field("features");
    sink.flags(
        u64::from(raw.u32(FEATURES)),
        &table::FLAGS_URING_SETUP_FEATURES,
    );
    let offsets = [
        ("sq_off", SQ_OFF, &table::STRUCT_IO_SQRING_OFFSETS),
        ("cq_off", CQ_OFF, &table::STRUCT_IO_CQRING_OFFSETS),
    ];
    for (name, at, desc) in offsets {
        sink.field(name);
        let bytes = raw.0.get(at..at + usize::from(desc.size)).unwrap_or(&[]);
        fields::whole(sink, ctx, desc, Raw(bytes));
    }
}

// io_uring_register's opcodes (`<linux/io_uring.h>`) whose argument is decoded.
const REGISTER_BUFFERS: u32 = 0;
const REGISTER_FILES: u32 = 2;
const REGISTER_EVENTFD: u32 = 4;
const REGISTER_FILES_UPDATE: u32 = 6;
const REGISTER_EVENTFD_ASYNC: u32 = 7;
const REGISTER_PROBE: u32 = 8;
const REGISTER_RESTRICTIONS: u32 = 11;
const REGISTER_FILES2: u32 = 13;
const REGISTER_FILES_UPDATE2: u32 = 14;
const REGISTER_BUFFERS2: u32 = 15;
const REGISTER_BUFFERS_UPDATE: u32 = 16;
const REGISTER_IOWQ_AFF: u32 = 17;
const REGISTER_IOWQ_MAX_WORKERS: u32 = 19;
const REGISTER_RING_FDS: u32 = 20;
const UNREGISTER_RING_FDS: u32 = 21;
const REGISTER_PBUF_RING: u32 = 22;
const UNREGISTER_PBUF_RING: u32 = 23;

/// `sizeof(struct io_uring_probe)` and of each of its `ops`.
const PROBE_SIZE: usize = 16;
const PROBE_OP_SIZE: usize = 8;
/// The most ops strace reads of a probe (the kernel's opcodes fit a byte); with more its
/// address shows.
const PROBE_MAX_OPS: u32 = 256;
/// `sizeof(struct io_uring_restriction)`, `sizeof(struct io_uring_rsrc_update)`.
const RESTRICTION_SIZE: usize = 16;
const RSRC_UPDATE_SIZE: usize = 16;
/// `sizeof(struct io_uring_rsrc_register)` and `sizeof(struct io_uring_rsrc_update2)`, the
/// smallest size the call takes.
const RSRC_SIZE: usize = 32;
/// `sizeof(struct io_uring_files_update)`.
const FILES_UPDATE_SIZE: usize = 16;
/// How far past a resource struct strace looks for bytes that are not zero (a page).
const PAGE: u64 = 4096;

/// What the entry of a call whose argument shows at exit too keeps in its saved slot (none:
/// the argument was shown whole at entry, its address or NULL).
const SHOWN_AT_ENTRY: u32 = 1;
/// A probe all zeros at entry: strace shows it only at exit.
const SHOWN_AT_EXIT: u32 = 2;

/// At entry, whether a probe or the worker limits show again at exit, as strace decides it:
/// a probe it could read (of at most 256 ops) shows at entry unless all zeros, and at exit
/// either way; the worker limits show at exit when every element shown at entry was read.
pub fn register_save<M: Memory>(ctx: &Ctx<'_, M>, call: &mut Call, i: usize) {
    let (op, addr, nargs) = (call.args[1] as u32, call.args[i], call.args[3] as u32);
    call.saved[i] = None;
    if addr == 0 || !ctx.opts.verbose {
        return;
    }
    match op {
        REGISTER_PROBE if nargs <= PROBE_MAX_OPS => {
            let mut buf = [0u8; PROBE_SIZE + PROBE_OP_SIZE * PROBE_MAX_OPS as usize];
            let buf = &mut buf[..PROBE_SIZE + PROBE_OP_SIZE * nargs as usize];
            if ctx.mem.read(addr, buf).is_ok() {
                let zero = buf.iter().all(|&b| b == 0);
                call.saved[i] = Some(if zero { SHOWN_AT_EXIT } else { SHOWN_AT_ENTRY });
            }
        }
        REGISTER_IOWQ_MAX_WORKERS if nargs != 0 => {
            // strace reads one element past those it shows before its `...`.
            let limit = ctx.opts.max_elements();
            let read = if u64::from(nargs) > limit {
                limit + 1
            } else {
                u64::from(nargs)
            };
            let whole = addr.checked_add(u64::from(nargs) * 4).is_some()
                && super::ioctl::readable(ctx.mem, addr, (read * 4) as usize);
            call.saved[i] = whole.then_some(SHOWN_AT_ENTRY);
        }
        _ => {}
    }
}

/// `io_uring_register`'s argument (`nr_args` is register 3), at entry (`outcome` is `None`)
/// and at exit, as strace 6.1's io_uring.c shows it.
pub fn register_arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let (op, addr, nargs) = (call.args[1] as u32, call.args[i], call.args[3] as u32);
    let n = u64::from(nargs);
    let Some(outcome) = outcome else {
        return register_entry(sink, ctx, op, addr, nargs, call.saved[i]);
    };
    let failed = matches!(outcome, Outcome::Err(_));
    match (op, call.saved[i]) {
        (REGISTER_PROBE, Some(SHOWN_AT_ENTRY)) if !failed => {
            sink.updated();
            probe(sink, ctx, addr, nargs, true);
        }
        (REGISTER_PROBE, Some(SHOWN_AT_EXIT)) if failed => sink.addr(addr),
        (REGISTER_PROBE, Some(SHOWN_AT_EXIT)) => probe(sink, ctx, addr, nargs, true),
        // strace writes the ` => ` at entry; here it goes with what follows it, as every
        // updated value's does (a renderer keeps no state between a call's two halves).
        (REGISTER_IOWQ_MAX_WORKERS, Some(_)) => {
            sink.updated();
            if failed {
                sink.addr(addr);
            } else {
                max_workers(sink, ctx, addr, n);
            }
        }
        _ => {}
    }
}

/// The argument at entry; `saved` is what [`register_save`] kept.
fn register_entry<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    op: u32,
    addr: u64,
    nargs: u32,
    saved: Option<u32>,
) {
    let n = u64::from(nargs);
    match op {
        REGISTER_BUFFERS => iovec_array(sink, ctx, addr, n, IovData::Addresses),
        REGISTER_FILES | REGISTER_EVENTFD | REGISTER_EVENTFD_ASYNC => {
            array(sink, ctx, addr, n, 4, |sink, ctx, raw| {
                fd(sink, ctx, raw.i32(0))
            })
        }
        REGISTER_FILES_UPDATE => files_update(sink, ctx, addr, n),
        REGISTER_PROBE => match saved {
            Some(SHOWN_AT_ENTRY) => probe(sink, ctx, addr, nargs, false),
            Some(_) => {}
            None => sink.addr(addr),
        },
        REGISTER_RESTRICTIONS => array(sink, ctx, addr, n, RESTRICTION_SIZE, |sink, _, raw| {
            restriction(sink, raw)
        }),
        REGISTER_FILES2 | REGISTER_BUFFERS2 => rsrc(sink, ctx, addr, nargs, op, false),
        REGISTER_FILES_UPDATE2 | REGISTER_BUFFERS_UPDATE => rsrc(sink, ctx, addr, nargs, op, true),
        REGISTER_IOWQ_AFF => super::process::cpu_set(sink, ctx, addr, n),
        REGISTER_IOWQ_MAX_WORKERS => max_workers(sink, ctx, addr, n),
        REGISTER_RING_FDS => array(sink, ctx, addr, n, RSRC_UPDATE_SIZE, |sink, ctx, raw| {
            ring_fd(sink, ctx, raw)
        }),
        UNREGISTER_RING_FDS => {
            fields::array(sink, ctx, &table::STRUCT_IO_URING_RSRC_UPDATE, addr, n)
        }
        REGISTER_PBUF_RING | UNREGISTER_PBUF_RING => {
            fields::at(sink, ctx, &table::STRUCT_IO_URING_BUF_REG, addr)
        }
        _ => sink.addr(addr),
    }
}

/// A descriptor of a files update: `IORING_REGISTER_FILES_SKIP` (-2) and the other values
/// below -1 by name where they have one, else a descriptor.
fn update_fd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: i32) {
    if v < -1 {
        sink.named_int(v, &table::ENUM_URING_FILES_UPDATE_FDS);
    } else {
        fd(sink, ctx, v);
    }
}

/// `struct io_uring_files_update` with its `n` descriptors: `{offset=0, fds=[3, -1]}`.
fn files_update<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    read_struct(sink, ctx, addr, FILES_UPDATE_SIZE, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("offset");
        sink.uint(u64::from(raw.u32(0)));
        hex_if_set(sink, "resv", u64::from(raw.u32(4)));
        sink.field("fds");
        array(sink, ctx, raw.u64(8), n, 4, |sink, ctx, raw| {
            update_fd(sink, ctx, raw.i32(0))
        });
        sink.end_struct(false);
    });
}

/// A reserved member, shown only when set.
fn hex_if_set<S: Sink>(sink: &mut S, name: &'static str, v: u64) {
    if v != 0 {
        sink.field(name);
        sink.hex(v);
    }
}

/// `struct io_uring_probe` with its ops, read whole: at entry `nargs` of them, at exit
/// those the kernel filled (`ops_len`, at most `nargs`, then `...` for those left out).
fn probe<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    nargs: u32,
    exit: bool,
) {
    if nargs > PROBE_MAX_OPS {
        return sink.addr(addr);
    }
    let size = PROBE_SIZE + PROBE_OP_SIZE * nargs as usize;
    read_struct(sink, ctx, addr, size, |sink, ctx, raw| {
        sink.begin_struct();
        let desc = &table::STRUCT_IO_URING_PROBE;
        fields::members(sink, ctx, desc, raw, Shown::all(PROBE_SIZE));
        sink.field("ops");
        let ops_len = u32::from(raw.0[1]);
        let (count, cut) = match exit {
            true => (ops_len.min(nargs), nargs < ops_len),
            false => (nargs, false),
        };
        sink.begin_array();
        let limit = ctx.opts.max_elements();
        let mut abbreviated = false;
        for k in 0..count as usize {
            if k as u64 >= limit {
                abbreviated = true;
                sink.more();
                break;
            }
            let at = PROBE_SIZE + PROBE_OP_SIZE * k;
            let op = Raw(raw.0.get(at..at + PROBE_OP_SIZE).unwrap_or(&[]));
            fields::whole(sink, ctx, &table::STRUCT_IO_URING_PROBE_OP, op);
        }
        if cut && !abbreviated {
            sink.more();
        }
        sink.end_array();
        sink.end_struct(false);
    });
}

/// One `struct io_uring_restriction`: its opcode, and the member of the union it selects
/// (a comment with the byte's value for an opcode strace does not know).
fn restriction<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.begin_struct();
    let opcode = raw.u16(0);
    let v = u64::from(raw.0[2]);
    sink.field("opcode");
    sink.enumeration(u64::from(opcode), &table::ENUM_URING_RESTRICTION_OPCODES);
    match opcode {
        0 => {
            sink.field("register_op");
            sink.enumeration(v, &table::ENUM_URING_REGISTER_OPCODES);
        }
        1 => {
            sink.field("sqe_op");
            sink.enumeration(v, &table::ENUM_URING_OPS);
        }
        2 | 3 => {
            sink.field("sqe_flags");
            sink.flags(v, &table::FLAGS_URING_SQE_FLAGS);
        }
        _ => {
            sink.open(Group::Comment);
            sink.word("op:");
            sink.hex(v);
            sink.close();
        }
    }
    hex_if_set(sink, "resv", u64::from(raw.0[3]));
    reserved_words(sink, raw, 4);
}

/// The three reserved `__u32`s at `at`, shown when any is set, then the struct's end.
fn reserved_words<S: Sink>(sink: &mut S, raw: Raw<'_>, at: usize) {
    let words = Raw(raw.0.get(at..at + 12).unwrap_or(&[]));
    if words.0.iter().any(|&b| b != 0) {
        sink.field("resv2");
        sink.begin_array();
        for k in 0..3 {
            sink.hex(u64::from(words.u32(4 * k)));
        }
        sink.end_array();
    }
    sink.end_struct(false);
}

/// `struct io_uring_rsrc_register` (`update`: `struct io_uring_rsrc_update2`) of `size`
/// bytes: its address below 32; the resources by the opcode (descriptors, buffers as
/// addresses), their tags, and past 32 bytes those not zero (up to a page).
fn rsrc<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    size: u32,
    op: u32,
    update: bool,
) {
    if (size as usize) < RSRC_SIZE {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, RSRC_SIZE, |sink, ctx, raw| {
        sink.begin_struct();
        // register: nr, flags, resv2 (8), data, tags; update2: offset, resv, data, tags,
        // nr, resv2 (4).
        let (nr, data, tags) = match update {
            true => (raw.u32(24), raw.u64(8), raw.u64(16)),
            false => (raw.u32(0), raw.u64(16), raw.u64(24)),
        };
        if update {
            sink.field("offset");
            sink.uint(u64::from(raw.u32(0)));
            hex_if_set(sink, "resv", u64::from(raw.u32(4)));
        } else {
            sink.field("nr");
            sink.uint(u64::from(nr));
            sink.field("flags");
            sink.flags(
                u64::from(raw.u32(4)),
                &table::FLAGS_URING_REGISTER_RSRC_FLAGS,
            );
            hex_if_set(sink, "resv2", raw.u64(8));
        }
        rsrc_data(sink, ctx, data, u64::from(nr), op);
        sink.field("tags");
        array(sink, ctx, tags, u64::from(nr), 8, |sink, _, raw| {
            sink.hex(raw.u64(0))
        });
        if update {
            sink.field("nr");
            sink.uint(u64::from(nr));
            hex_if_set(sink, "resv2", u64::from(raw.u32(28)));
        }
        let to = u64::from(size).min(PAGE) as usize;
        nonzero_tail(sink, ctx, addr, (RSRC_SIZE, to), |_| {});
        sink.end_struct(false);
    });
}

/// A resource struct's `nr` resources at `data`: descriptors (an update's may skip a
/// slot), or buffers as addresses.
fn rsrc_data<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, data: u64, nr: u64, op: u32) {
    sink.field("data");
    match op {
        REGISTER_FILES2 => array(sink, ctx, data, nr, 4, |sink, ctx, raw| {
            fd(sink, ctx, raw.i32(0))
        }),
        REGISTER_FILES_UPDATE2 => array(sink, ctx, data, nr, 4, |sink, ctx, raw| {
            update_fd(sink, ctx, raw.i32(0))
        }),
        _ => iovec_array(sink, ctx, data, nr, IovData::Addresses),
    }
}

/// The worker limits: `n` `__u32`s by their index, `[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8]`.
fn max_workers<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    array_while(sink, ctx, addr, n, 4, |sink, _, raw, i| {
        sink.open(Group::Index);
        sink.enumeration_u(i, &table::ENUM_URING_IOWQ_ACCT);
        sink.uint(u64::from(raw.u32(0)));
        sink.close();
        true
    });
}

/// One `struct io_uring_rsrc_update` of `IORING_REGISTER_RING_FDS`: where to put the ring
/// (-1 for the first free slot) and its descriptor, the low half of `data` (strace's
/// `printfd` takes an `int`).
fn ring_fd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    let offset = raw.u32(0);
    sink.field("offset");
    if offset == u32::MAX {
        sink.int(-1);
    } else {
        sink.uint(u64::from(offset));
    }
    hex_if_set(sink, "resv", u64::from(raw.u32(4)));
    sink.field("data");
    fd(sink, ctx, raw.u64(8) as i32);
    sink.end_struct(false);
}
