//! Time values.

use super::structs::read_struct;
use super::{Ctx, Sink};
use crate::mem::Memory;

/// A pointer to a `struct timespec` (`<linux/time_types.h>`: two 64-bit fields on x86_64):
/// `{tv_sec=1, tv_nsec=0}`.
pub fn timespec<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        sink.begin_struct();
        sink.field("tv_sec");
        sink.int(raw.i64(0));
        sink.field("tv_nsec");
        sink.int(raw.i64(8));
        sink.end_struct(false);
    });
}
