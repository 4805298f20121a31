//! `futex(2)`: which arguments exist, and what they mean, depends on the operation, so one
//! printer shows the operation and the arguments it takes, as strace does:
//! `futex(0x7f.., FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY)`.

use super::{Call, Ctx, Number, Sink, Values, time};
use crate::mem::Memory;
use crate::table;

/// The operations of `<linux/futex.h>`, without `FUTEX_PRIVATE_FLAG` (128) and
/// `FUTEX_CLOCK_REALTIME` (256).
const FUTEX_CMD_MASK: u32 = 127;
const FUTEX_WAIT: u32 = 0;
const FUTEX_WAKE: u32 = 1;
const FUTEX_FD: u32 = 2;
const FUTEX_REQUEUE: u32 = 3;
const FUTEX_CMP_REQUEUE: u32 = 4;
const FUTEX_WAKE_OP: u32 = 5;
const FUTEX_LOCK_PI: u32 = 6;
const FUTEX_UNLOCK_PI: u32 = 7;
const FUTEX_TRYLOCK_PI: u32 = 8;
const FUTEX_WAIT_BITSET: u32 = 9;
const FUTEX_WAKE_BITSET: u32 = 10;
const FUTEX_WAIT_REQUEUE_PI: u32 = 11;
const FUTEX_CMP_REQUEUE_PI: u32 = 12;
const FUTEX_LOCK_PI2: u32 = 13;
/// `FUTEX_BITSET_MATCH_ANY`: every waiter matches.
const FUTEX_BITSET_MATCH_ANY: u32 = u32::MAX;

/// The operation (argument 2) and the arguments after it that the operation takes: `val` (3),
/// the timeout or `val2` (4), `uaddr2` (5), `val3` (6).
pub fn futex_op<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let op = call.args[1] as u32;
    let val = u64::from(call.args[2] as u32);
    let timeout = call.args[3];
    let val2 = u64::from(call.args[3] as u32);
    let uaddr2 = call.args[4];
    let val3 = call.args[5] as u32;
    sink.enumeration(u64::from(op), &table::ENUM_FUTEX_OP);
    // strace 6.16's names: `timeout` or `val2` share a register.
    let next = |sink: &mut S, name| super::next_arg(sink, name);
    match op & FUTEX_CMD_MASK {
        FUTEX_WAIT => {
            next(sink, "val");
            sink.uint(val);
            next(sink, "timeout");
            time::timespec(sink, ctx, timeout);
        }
        FUTEX_WAKE | FUTEX_FD => {
            next(sink, "val");
            sink.uint(val);
        }
        FUTEX_REQUEUE | FUTEX_CMP_REQUEUE | FUTEX_CMP_REQUEUE_PI | FUTEX_WAKE_OP => {
            next(sink, "val");
            sink.uint(val);
            next(sink, "val2");
            sink.uint(val2);
            next(sink, "uaddr2");
            sink.addr(uaddr2);
            match op & FUTEX_CMD_MASK {
                FUTEX_REQUEUE => {}
                FUTEX_WAKE_OP => {
                    next(sink, "val3");
                    sink.futex_wake_op(val3);
                }
                _ => {
                    next(sink, "val3");
                    sink.uint(u64::from(val3));
                }
            }
        }
        FUTEX_LOCK_PI | FUTEX_LOCK_PI2 => {
            next(sink, "timeout");
            time::timespec(sink, ctx, timeout);
        }
        FUTEX_UNLOCK_PI | FUTEX_TRYLOCK_PI => {}
        FUTEX_WAIT_BITSET | FUTEX_WAKE_BITSET => {
            next(sink, "val");
            sink.uint(val);
            if op & FUTEX_CMD_MASK == FUTEX_WAIT_BITSET {
                next(sink, "timeout");
                time::timespec(sink, ctx, timeout);
            }
            next(sink, "val3");
            if val3 == FUTEX_BITSET_MATCH_ANY {
                sink.constant("FUTEX_BITSET_MATCH_ANY", Number::Hex(u64::from(val3)));
            } else {
                sink.hex(u64::from(val3));
            }
        }
        FUTEX_WAIT_REQUEUE_PI => {
            next(sink, "val");
            sink.uint(val);
            next(sink, "timeout");
            time::timespec(sink, ctx, timeout);
            next(sink, "uaddr2");
            sink.addr(uaddr2);
        }
        // An unknown operation: the two pointers as addresses, `val3` in hex.
        _ => {
            next(sink, "val");
            sink.uint(val);
            next(sink, "timeout");
            sink.addr(timeout);
            next(sink, "uaddr2");
            sink.addr(uaddr2);
            next(sink, "val3");
            sink.hex(u64::from(val3));
        }
    }
}
