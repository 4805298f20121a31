//! Waiting for descriptors: `poll`/`ppoll`, `select`/`pselect6` and the `epoll` calls, with
//! the return details strace adds (`= 1 ([{fd=3, revents=POLLIN}])`, `= 1 (in [3], left
//! {...})`).

use super::array::array;
use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Sink, Values, fd, signal, time};
use crate::mem::Memory;
use crate::table::{self, FlagPart};

/// `struct pollfd` (`<asm-generic/poll.h>`): `int fd; short events; short revents;`.
const POLLFD_SIZE: u64 = 8;
const POLLFD_EVENTS: usize = 4;
const POLLFD_REVENTS: usize = 6;

/// `poll`'s array as the call gets it: `[{fd=3, events=POLLIN}, {fd=-1}]` (a negative
/// descriptor is ignored by the kernel, and strace leaves its events out).
pub fn pollfds<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    // nfds is an unsigned int (poll(2)).
    let n = u64::from(n as u32);
    array(
        sink,
        ctx,
        addr,
        n,
        POLLFD_SIZE as usize,
        |sink, ctx, raw| {
            let fd = raw.i32(0);
            sink.begin_struct();
            sink.field("fd");
            // -y describes the descriptors the call gets, not those of the return detail.
            if fd >= 0 {
                self::fd(sink, ctx, fd);
            } else {
                sink.fd(i64::from(fd), None);
            }
            if fd >= 0 {
                sink.field("events");
                sink.flags(u64::from(raw.u16(POLLFD_EVENTS)), &table::FLAGS_POLL_EVENTS);
            }
            sink.end_struct(false);
        },
    );
}

/// What one step of the walk over `poll`'s array at exit found.
enum Ready {
    /// A descriptor with events.
    Fd(i32, u16),
    /// Memory that could not be read, at this address; the walk stops.
    Unreadable(u64),
    /// More ready descriptors than `-s` allows (unless `-v`); the walk stops.
    More,
}

/// strace writes `poll`'s return detail into a buffer of 1024 bytes: it leaves out a
/// descriptor (`...`, and the walk ends) that might not leave room for the closing
/// `, ], ...` and an address (`2 + 2 * sizeof(long) + sizeof(", ], ...")` bytes), and the time
/// left when it does not fit (`, ...`). Under `-v` many ready descriptors reach it.
const DETAIL_BUF: usize = 1024;
const DETAIL_RESERVE: usize = 2 + 16 + 9;

/// How many digits `v` has in decimal.
fn digits(v: u64) -> usize {
    v.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// The length of a number in decimal, its sign included.
fn decimal_len(v: i64) -> usize {
    usize::from(v < 0) + digits(v.unsigned_abs())
}

/// The length of `%#x` of a non-zero value: `0x` and its hex digits.
fn hex_len(v: u64) -> usize {
    2 + (64 - v.leading_zeros() as usize).div_ceil(4)
}

/// The length of `{fd=N, revents=FLAGS` as strace writes it into its buffer (its default
/// style: names joined by `|`, the bits no name covers in hex).
fn ready_len(fd: i32, revents: u16) -> usize {
    let parts = table::FLAGS_POLL_EVENTS.split(u64::from(revents));
    let flags: usize = parts
        .map(|p| match p {
            FlagPart::Bit(name) => name.len() + 1,
            FlagPart::Unknown(rest) => hex_len(rest) + 1,
            _ => 0,
        })
        .sum();
    // Each part counted its `|`, one too many.
    "{fd=, revents=".len() + decimal_len(i64::from(fd)) + flags.saturating_sub(1)
}

/// Walks the array of `n` `struct pollfd`s at `addr` at exit, handing each descriptor with
/// events to `visit` until it returns `false`. Returns how much of strace's buffer the
/// detail has used ([`DETAIL_BUF`]).
fn walk_ready<M: Memory>(
    ctx: &Ctx<'_, M>,
    addr: u64,
    n: u64,
    mut visit: impl FnMut(Ready) -> bool,
) -> usize {
    let limit = ctx.opts.max_elements();
    let (mut shown, mut used) = (0u64, 0usize);
    for i in 0..n {
        let at = addr + i * POLLFD_SIZE;
        let mut buf = [0u8; POLLFD_SIZE as usize];
        let readable = ctx.mem.read(at, &mut buf).is_ok();
        let revents = Raw(&buf).u16(POLLFD_REVENTS);
        if readable && revents == 0 {
            continue;
        }
        // `[` before the first, `, ` before the others.
        used += if used == 0 { 1 } else { 2 };
        if !readable {
            visit(Ready::Unreadable(at));
            used += hex_len(at);
            break;
        }
        let len = ready_len(Raw(&buf).i32(0), revents);
        if shown >= limit || used + len + 1 >= DETAIL_BUF - DETAIL_RESERVE {
            visit(Ready::More);
            used += 3;
            break;
        }
        shown += 1;
        used += len + 1;
        if !visit(Ready::Fd(Raw(&buf).i32(0), revents)) {
            break;
        }
    }
    // The closing `]`.
    used + usize::from(used != 0)
}

/// `poll`'s and `ppoll`'s return: `0 (Timeout)`, or the count followed by the descriptors
/// with events and, for `ppoll` (`left_ts`), the time left:
/// `2 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999})`; `-e verbose=` leaves out
/// the details but the timeout.
pub fn poll_ret<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    v: i64,
    left_ts: bool,
) {
    if v == 0 {
        return sink.ret_comment(0, "Timeout");
    }
    let addr = call.args[0];
    let n = u64::from(call.args[1] as u32);
    let ts = if left_ts { call.args[2] } else { 0 };
    let wraps = addr.checked_add(n * POLLFD_SIZE).is_none();
    sink.ret_int(v);
    if !ctx.opts.verbose || addr == 0 || n == 0 || wraps {
        return;
    }
    let mut any = false;
    walk_ready(ctx, addr, n, |_| {
        any = true;
        false
    });
    if !any && ts == 0 {
        return;
    }
    sink.open(Group::Detail);
    let mut used = 0;
    if any {
        sink.begin_array();
        used = walk_ready(ctx, addr, n, |ready| {
            match ready {
                Ready::Fd(fd, revents) => {
                    sink.begin_struct();
                    sink.field("fd");
                    // strace -y leaves the ready descriptors undescribed.
                    sink.fd(i64::from(fd), None);
                    sink.field("revents");
                    sink.flags(u64::from(revents), &table::FLAGS_POLL_EVENTS);
                    sink.end_struct(false);
                }
                Ready::Unreadable(at) => sink.addr(at),
                Ready::More => sink.more(),
            }
            true
        });
        sink.end_array();
    }
    if ts != 0 {
        // `, left ` (its size, NUL included) and the time as strace writes it must fit.
        if used + ", left ".len() + 1 + timespec_len(ctx, ts) < DETAIL_BUF {
            sink.field("left");
            time::timespec(sink, ctx, ts);
        } else {
            sink.more();
        }
    }
    sink.close();
}

/// The length of the `struct timespec` at `addr` as strace writes it in a detail:
/// `{tv_sec=S, tv_nsec=N}`, or its address when it cannot be read (or `-e verbose=` leaves
/// the call out).
fn timespec_len<M: Memory>(ctx: &Ctx<'_, M>, addr: u64) -> usize {
    let mut b = [0u8; 16];
    if !ctx.opts.verbose || ctx.mem.read(addr, &mut b).is_err() {
        return hex_len(addr);
    }
    let raw = Raw(&b);
    "{tv_sec=, tv_nsec=}".len() + decimal_len(raw.i64(0)) + digits(raw.u64(8))
}

/// `select`'s descriptor count as strace reads the sets by it: the kernel's `int`, negative
/// taken as none, at most 1024 * 1024.
fn select_nfds(call: &Call) -> usize {
    clamp_nfds(call.args[0])
}

/// `select`'s `nfds` as the kernel bounds it.
fn clamp_nfds(nfds: u64) -> usize {
    (nfds as i32).clamp(0, 1024 * 1024) as usize
}

/// The bytes of a descriptor set for `nfds` descriptors, in whole `long`s, as the kernel
/// reads them (fs/select.c `FDS_BYTES`).
fn fd_set_bytes(nfds: usize) -> usize {
    nfds.div_ceil(8).next_multiple_of(8)
}

/// One of `select`'s sets at entry: `[3 4]`; its address when `nfds` is zero or `-e
/// verbose=` leaves the call out.
pub fn fd_set<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, nfds: u64, addr: u64) {
    let nfds = clamp_nfds(nfds);
    let bytes = fd_set_bytes(nfds);
    if bytes == 0 || addr == 0 || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let buf = ctx.scratch.buf(bytes);
    if ctx.mem.read(addr, buf).is_err() {
        return sink.addr(addr);
    }
    // The set stays in the scratch buffer while each member is described (describing uses
    // `ctx`, so the buffer is borrowed anew for each bit).
    sink.begin_fd_set();
    for n in 0..nfds {
        if ctx.scratch.buf(bytes)[n / 8] & (1 << (n % 8)) != 0 {
            fd(sink, ctx, n as i32);
        }
    }
    sink.end_fd_set();
}

/// The members of a set among its first `nfds` descriptors, undescribed (strace -y does not
/// describe the ready descriptors of a return detail): `[3 4]`.
fn fd_set_plain<S: Sink>(sink: &mut S, mask: &[u8], nfds: usize) {
    sink.begin_fd_set();
    for n in 0..nfds {
        if mask[n / 8] & (1 << (n % 8)) != 0 {
            sink.fd(i64::from(n as i32), None);
        }
    }
    sink.end_fd_set();
}

/// `select`'s and `pselect6`'s return: `0 (Timeout)`, or the count followed by the ready
/// descriptors of each set, as many as the count, and the time left (a `struct timespec`
/// for `pselect6`, `timespec`): `1 (in [3], left {tv_sec=0, tv_usec=999998})`.
pub fn select_ret<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    v: i64,
    timespec: bool,
) {
    if v == 0 {
        return sink.ret_comment(0, "Timeout");
    }
    sink.ret_int(v);
    sink.open(Group::Detail);
    let nfds = select_nfds(call);
    let bytes = fd_set_bytes(nfds);
    let mut ready = v;
    for (i, name) in ["in", "out", "except"].into_iter().enumerate() {
        let addr = call.args[i + 1];
        if ready <= 0 {
            break;
        }
        let buf = ctx.scratch.buf(bytes);
        if addr == 0 || bytes == 0 || ctx.mem.read(addr, buf).is_err() {
            continue;
        }
        // Count the set's descriptors up to what is still unaccounted for.
        let mut end = 0;
        for fd in 0..nfds {
            if ready == 0 {
                break;
            }
            if buf[fd / 8] & (1 << (fd % 8)) != 0 {
                ready -= 1;
                end = fd + 1;
            }
        }
        if end > 0 {
            sink.field(name);
            fd_set_plain(sink, buf, end);
        }
    }
    let left = call.args[4];
    if left != 0 {
        sink.field("left");
        if timespec {
            time::timespec(sink, ctx, left);
        } else {
            time::timeval(sink, ctx, left);
        }
    }
    sink.close();
}

/// `pselect6`'s last argument: a pointer to a signal set's address and size (fs/select.c):
/// `{sigmask=[USR1], sigsetsize=8}`.
pub fn pselect_sigmask<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, ctx, raw| {
        let size = raw.u64(8);
        sink.begin_struct();
        sink.field("sigmask");
        signal::sigset(sink, ctx, raw.u64(0), size);
        sink.field("sigsetsize");
        sink.uint(size);
        sink.end_struct(false);
    });
}

/// `struct epoll_event` (`<linux/eventpoll.h>`): packed on x86_64, a 32-bit event mask then
/// 64 bits of data at offset 4.
const EPOLL_EVENT_SIZE: usize = 12;
/// `EPOLL_CTL_DEL` (`<linux/eventpoll.h>`): the event argument is ignored.
const EPOLL_CTL_DEL: u32 = 2;

/// One event: `{events=EPOLLIN, data={u32=4, u64=4}}` (strace cannot know which member of
/// the data union the program uses, so it shows two).
fn epoll_event_fields<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let data = raw.u64(4);
    sink.begin_struct();
    sink.field("events");
    sink.flags(u64::from(raw.u32(0)), &table::FLAGS_EPOLL_EVENTS);
    sink.field("data");
    sink.begin_struct();
    sink.field("u32");
    sink.uint(u64::from(data as u32));
    sink.field("u64");
    sink.uint(data);
    sink.end_struct(false);
    sink.end_struct(false);
}

/// `epoll_ctl`'s event; its address for `EPOLL_CTL_DEL`.
pub fn epoll_event<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, op: u64, addr: u64) {
    if op as u32 == EPOLL_CTL_DEL {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, EPOLL_EVENT_SIZE, |sink, _, raw| {
        epoll_event_fields(sink, raw);
    });
}

/// The `n` events `epoll_wait` returned.
pub fn epoll_events<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    array(sink, ctx, addr, n, EPOLL_EVENT_SIZE, |sink, _, raw| {
        epoll_event_fields(sink, raw);
    });
}
