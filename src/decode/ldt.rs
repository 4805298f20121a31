//! x86 segment descriptors: `struct user_desc` (`<asm/ldt.h>`) of `modify_ldt`,
//! `set_thread_area` and `get_thread_area`, and the calls' return values.
//!
//! Code rather than a `[structs]` layout: the struct ends in eight bit fields of one word,
//! and `get_thread_area` shows its entry number at entry and the rest at exit.

use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use std::io::Write;

/// `sizeof(struct user_desc)`: entry_number, base_addr, limit, then the bit fields' word.
pub const USER_DESC_SIZE: u64 = 16;

/// The bit fields of the fourth word, low bit first, with their widths (x86_64's
/// `<asm/ldt.h>`; `lm` exists for 64-bit callers).
const BIT_FIELDS: [(&str, u32); 7] = [
    ("seg_32bit", 1),
    ("contents", 2),
    ("read_exec_only", 1),
    ("limit_in_pages", 1),
    ("seg_not_present", 1),
    ("useable", 1),
    ("lm", 1),
];

/// The members after the entry number, as strace prints them: the base and the limit in
/// hex padded to the width of a 32-bit word, then each bit field.
fn after_entry_number<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.field("base_addr");
    sink.hex_padded(u64::from(raw.u32(4)), 8);
    sink.field("limit");
    sink.hex_padded(u64::from(raw.u32(8)), 8);
    let mut word = raw.u32(12);
    for (name, width) in BIT_FIELDS {
        sink.field(name);
        sink.uint(u64::from(word & ((1 << width) - 1)));
        word >>= width;
    }
}

/// A `struct user_desc` read whole at entry: `{entry_number=12, base_addr=0x..., ...}`.
pub fn user_desc<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, USER_DESC_SIZE as usize, |sink, _, raw| {
        sink.begin_struct();
        sink.field("entry_number");
        sink.id(raw.u32(0));
        after_entry_number(sink, raw);
        sink.end_struct(false);
    });
}

/// `modify_ldt`'s pointer: a `struct user_desc` when the byte count is its size, else the
/// address (a read buffer, or one the kernel will refuse).
pub fn modify_ldt_ptr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    bytecount: u64,
) {
    if bytecount == USER_DESC_SIZE {
        user_desc(sink, ctx, addr);
    } else {
        sink.addr(addr);
    }
}

/// `get_thread_area`'s struct, printed at exit: the entry number the call was given
/// (`saved`, read at entry; `None` when it could not be: the address shows), what the kernel
/// changed it to (` => N`), and the rest of what it wrote; `, ...` when it wrote nothing
/// readable (a failure, or `-e verbose=` leaving the call out).
pub fn thread_area_out<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    saved: Option<u32>,
    outcome: Option<Outcome>,
) {
    let Some(entry_number) = saved else {
        return sink.addr(addr);
    };
    sink.begin_struct();
    sink.field("entry_number");
    sink.id(entry_number);
    let mut buf = [0u8; USER_DESC_SIZE as usize];
    let wrote = matches!(outcome, Some(Outcome::Ok(_)))
        && ctx.opts.verbose
        && ctx.mem.read(addr, &mut buf).is_ok();
    if !wrote {
        return sink.end_struct(true);
    }
    let raw = Raw(&buf);
    if raw.u32(0) != entry_number {
        sink.updated();
        sink.id(raw.u32(0));
    }
    after_entry_number(sink, raw);
    sink.end_struct(false);
}

/// `modify_ldt`'s return value: the kernel returns an `int` in a 64-bit register without
/// sign extension, so an error comes back as 4294967258; strace shows that number with the
/// error it stands for (`4294967258 ENOSYS (...)`).
pub fn modify_ldt_ret<S: Sink>(sink: &mut S, v: i64) {
    // The last page of 32-bit values holds the negated errnos (`MAX_ERRNO`, 4095).
    match u32::try_from(v) {
        Ok(low) if low >= 0xffff_f000 => sink.error(u64::from(low.wrapping_neg()), Some(v as u64)),
        _ => sink.ret_udecimal(v),
    }
}

/// `set_thread_area`'s return value: the entry number the kernel chose, read back from the
/// struct (`= 0 (entry_number=12)`) when the call shows structs.
pub fn set_thread_area_ret<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    v: i64,
) {
    sink.ret_udecimal(v);
    let mut word = [0u8; 4];
    if !ctx.opts.verbose || ctx.mem.read(call.args[0], &mut word).is_err() {
        return;
    }
    // strace's auxiliary string (64-bit callers get ENOSYS unless a success is injected).
    sink.open(Group::Detail);
    // One word, as strace prints it; formatted on the stack, not allocated.
    let mut text = [0u8; 32];
    let mut rest = &mut text[..];
    let _ = write!(rest, "entry_number={}", u32::from_ne_bytes(word));
    let len = 32 - rest.len();
    sink.word(std::str::from_utf8(&text[..len]).unwrap_or("entry_number=?"));
    sink.close();
}
