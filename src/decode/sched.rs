//! `struct sched_attr` of `sched_setattr` and `sched_getattr`. Its layout is data
//! (`[structs.sched_attr]`); what is here is what is no layout, as strace 6.1's sched.c shows
//! it: the size handshake (the kernel reads the size member first, 0 standing for the first
//! version, and writes back its own size after `E2BIG`), the version a size stands for, and
//! the members `sched_setattr` ignores by its flags.

use super::fields::{self, Shown, member_value};
use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, StructDesc, members::sched_attr as m};

/// `<linux/sched.h>`: the current policy, or the current parameters too, are kept.
const SCHED_FLAG_KEEP_POLICY: u64 = 0x08;
const SCHED_FLAG_KEEP_PARAMS: u64 = 0x10;

/// `E2BIG` (`<asm-generic/errno-base.h>`): the size was not one the kernel takes; it wrote
/// its own back.
const E2BIG: u64 = 7;

fn desc() -> &'static StructDesc {
    &table::STRUCT_SCHED_ATTR
}

/// The bytes of the version a size stands for: the whole struct (`SCHED_ATTR_SIZE_VER1`),
/// the first version (`SCHED_ATTR_SIZE_VER0`, the struct's `min_size`), or below that the
/// size member alone.
fn version_len(size: u64) -> usize {
    let d = desc();
    let size_end = d.fields[m::SIZE].offset + d.fields[m::SIZE].width;
    if size >= u64::from(d.size) {
        usize::from(d.size)
    } else if size >= u64::from(d.min_size) {
        usize::from(d.min_size)
    } else {
        usize::from(size_end)
    }
}

/// `sched_setattr`'s struct: at entry as the kernel reads it; at exit after `E2BIG` (under
/// `-e verbose`) the size the kernel wrote back, ` => {size=56}`.
pub fn set<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    match outcome {
        None => set_entry(sink, ctx, addr),
        Some(Outcome::Err(E2BIG)) if ctx.opts.verbose => {
            let mut size = [0u8; 4];
            if addr == 0 || ctx.mem.read(addr, &mut size).is_err() {
                return;
            }
            sink.updated();
            sink.begin_struct();
            fields::members(sink, ctx, desc(), Raw(&size), Shown::all(version_len(0)));
            sink.end_struct(false);
        }
        Some(_) => {}
    }
}

fn set_entry<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let d = desc();
    read_struct(sink, ctx, addr, 4, |sink, ctx, size| {
        let given = u64::from(size.u32(0));
        // A size of 0 is the first version's (kernel/sched/syscalls.c, sched_copy_attr).
        let usize = if given == 0 {
            u64::from(d.min_size)
        } else {
            given
        };
        let len = version_len(usize);
        // `...` for a size past the struct's (what a newer kernel would read too).
        let more = usize > u64::from(d.size);
        if len < usize::from(d.min_size) {
            return shown(sink, ctx, size, Shown::all(len), more);
        }
        read_struct(sink, ctx, addr, len, |sink, ctx, raw| {
            let flags = member_value(raw, &d.fields[m::SCHED_FLAGS]).0;
            let (_, policy) = member_value(raw, &d.fields[m::SCHED_POLICY]);
            let mut hidden = 0u64;
            // The kernel keeps the policy (it checks a negative one first, so strace shows
            // that), or the policy and the parameters.
            if policy >= 0 && flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS) != 0 {
                hidden |= 1 << m::SCHED_POLICY;
            }
            if flags & SCHED_FLAG_KEEP_PARAMS != 0 {
                for i in m::SCHED_NICE..=m::SCHED_PERIOD {
                    hidden |= 1 << i;
                }
            }
            shown(sink, ctx, raw, Shown { len, hidden }, more);
        });
    });
}

/// The struct with the members `which` lets through, and `...` when the size given is
/// larger than what is shown.
fn shown<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    raw: Raw<'_>,
    which: Shown,
    more: bool,
) {
    sink.begin_struct();
    fields::members(sink, ctx, desc(), raw, which);
    sink.end_struct(more);
}

/// `sched_getattr`'s struct, `size` (the buffer's) bytes of it read: its members as far as
/// the size the kernel wrote; the address for a size of 0.
pub fn get<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, size: u64) {
    let size = u64::from(size as u32);
    if size == 0 || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let d = desc();
    let want = size.min(u64::from(d.size)) as usize;
    read_struct(sink, ctx, addr, want, |sink, ctx, raw| {
        let written = member_value(raw, &d.fields[m::SIZE]).0;
        shown(sink, ctx, raw, Shown::all(version_len(written)), false);
    });
}
