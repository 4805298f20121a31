//! Printers for strings and arrays of strings in tracee memory.
//!
//! Limits follow strace: paths are shown up to `PATH_MAX` whatever `-s` says, other strings and
//! buffers up to `-s` bytes, and arrays (execve's argv) up to `-s` elements.

use super::{Ctx, PATH_MAX, Sink, Values};
use crate::mem::Memory;

/// A NUL-terminated path.
pub fn path<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    bounded_cstring(sink, ctx, addr, PATH_MAX - 1);
}

/// The path a call wrote (`getcwd`), whose length with its NUL is what the call returned:
/// strace shows at most that many bytes less one (`(unsigned) rval - 1`, capped at `PATH_MAX -
/// 1`), so a path the tracee changed behind the kernel's back shows cut, with `...`.
pub fn out_path<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<super::Outcome>,
) {
    let limit = match outcome {
        Some(super::Outcome::Ok(n)) => n.wrapping_sub(1) as u32 as usize,
        _ => usize::MAX,
    };
    bounded_cstring(sink, ctx, addr, limit.min(PATH_MAX - 1));
}

/// A NUL-terminated string cut at `-s` bytes.
pub fn cstring<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    bounded_cstring(sink, ctx, addr, ctx.opts.max_strlen);
}

/// Shows at most `limit` bytes of the string at `addr`, with `...` when it is longer.
/// `false` when it was NULL or could not be read (strace's `printpathn` then returns -1).
pub fn bounded_cstring<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    limit: usize,
) -> bool {
    // One byte more than shown tells whether the string goes on.
    cstring_read(sink, ctx, addr, limit.saturating_add(1), limit)
}

/// A NUL-terminated string in a field of `len` bytes (strace's `printstr_ex` of a
/// 0-terminated string: `fsconfig`'s key): at most `len` bytes and `-s` are read and shown, and
/// `...` follows when no NUL came within what was read, even one right after it.
pub fn cstring_within<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: usize,
) {
    field_string(sink, ctx, addr, len, false);
}

/// As [`cstring_within`] for a field whose NUL is its end (strace's `QUOTE_EXPECT_TRAILING_0`:
/// KDFONTOP's font name): when the field fits in `-s`, at most `len - 1` bytes show, and `...`
/// follows when the byte after them is not the NUL.
pub fn cstring_in_field<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: usize,
) {
    field_string(sink, ctx, addr, len, true);
}

fn field_string<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: usize,
    ends_field: bool,
) {
    let limit = ctx.opts.max_strlen;
    let read = limit.saturating_add(1).min(len);
    let shown = match ends_field && len <= limit {
        true => len.saturating_sub(1),
        false => read.min(limit),
    };
    cstring_read(sink, ctx, addr, read, shown);
}

/// Reads a string of at most `read` bytes at `addr`: up to its NUL if one came, else its first
/// `shown` bytes and `...`. `false` when it was NULL or could not be read.
fn cstring_read<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    read: usize,
    shown: usize,
) -> bool {
    if addr == 0 {
        sink.addr(0);
        return false;
    }
    match ctx.scratch.fill_cstr(ctx.mem, addr, read) {
        Ok(s) if s.found_nul => sink.string(&ctx.scratch.bytes()[..s.len], false),
        Ok(_) => sink.string(&ctx.scratch.bytes()[..shown], true),
        Err(_) => {
            sink.unreadable(addr);
            return false;
        }
    }
    true
}

/// A buffer of `len` bytes (`read`, `write`), cut at `-s` bytes; `hex` shows every byte in hex.
pub fn buffer<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
    hex: bool,
) {
    if addr == 0 {
        return sink.addr(0);
    }
    let limit = ctx.opts.max_strlen;
    let shown = usize::try_from(len).map_or(limit, |len| len.min(limit));
    // As strace: one byte past the `-s` limit is read too, and if it cannot be, the buffer
    // shows as its address.
    let fetched = usize::try_from(len).map_or(limit.saturating_add(1), |len| {
        len.min(limit.saturating_add(1))
    });
    match ctx.scratch.fill(ctx.mem, addr, fetched) {
        Ok(buf) if hex => sink.hex_string(&buf[..shown], len > shown as u64),
        Ok(buf) => sink.string(&buf[..shown], len > shown as u64),
        Err(_) => sink.unreadable(addr),
    }
}

/// A buffer of `len` bytes that the kernel may end with a NUL, cut at `-s` bytes, the last
/// byte shown left out when it is a NUL (strace's `QUOTE_OMIT_TRAILING_0`): then the string
/// counts as ended, with no `...` (a key's description, an extended attribute's value).
pub fn buffer_omit_nul<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
) {
    if addr == 0 {
        return sink.addr(0);
    }
    let limit = ctx.opts.max_strlen as u64;
    let shown = len.min(limit) as usize;
    // strace reads one byte past what it shows when the buffer is longer.
    let Ok(buf) = ctx.scratch.fill(ctx.mem, addr, len.min(limit + 1) as usize) else {
        return sink.unreadable(addr);
    };
    match &buf[..shown] {
        [rest @ .., 0] => sink.string(rest, false),
        bytes => sink.string(bytes, len > limit),
    }
}

/// A NULL-terminated array of strings: `["ls", "-l"]`.
pub fn argv<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    if addr == 0 {
        return sink.addr(0);
    }
    let mut n = 0u64;
    loop {
        let elem = addr.wrapping_add(n * 8);
        let ptr = match ctx.mem.read_u64(elem) {
            Ok(ptr) => ptr,
            Err(_) if n == 0 => return sink.unreadable(addr),
            Err(_) => {
                // The array runs into memory that cannot be read: show where it stops.
                sink.more();
                sink.addr_comment(elem);
                break;
            }
        };
        if n == 0 {
            sink.begin_array();
        }
        if ptr == 0 {
            break;
        }
        if n >= ctx.opts.max_elements() {
            sink.more();
            break;
        }
        cstring(sink, ctx, ptr);
        n += 1;
    }
    sink.end_array();
}

/// A NULL-terminated array of strings shown as its address and length: `0x7ffd... /* 35 vars */`.
pub fn envp<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    if !ctx.opts.abbreviate {
        return argv(sink, ctx, addr);
    }
    sink.addr(addr);
    if addr == 0 {
        return;
    }
    // Counted up to the NULL, or to memory that cannot be read (or the end of the address
    // space): then the array is unterminated, unless not even its first pointer was there.
    let mut n = 0u64;
    let terminated = loop {
        let Some(at) = addr.checked_add(n * 8) else {
            break false;
        };
        match ctx.mem.read_u64(at) {
            Ok(0) => break true,
            Ok(_) => n += 1,
            Err(_) if n == 0 => return,
            Err(_) => break false,
        }
    };
    if terminated {
        sink.count(n, "var", "vars");
    } else {
        sink.count(n, "var, unterminated", "vars, unterminated");
    }
}
