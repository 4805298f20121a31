//! sock_diag's attributes whose form is code rather than a struct (strace's
//! `src/netlink_inet_diag.c`).

use super::netlink_attr::{self, AttrCtx};
use super::string::buffer;
use super::structs::Raw;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, NlValue};

/// `sizeof(struct inet_diag_bc_op)` (`<linux/inet_diag.h>`): code, yes, no.
const BC_OP_SIZE: u32 = 4;
/// `sizeof(struct inet_diag_hostcond)`: family, prefix length, port; the address follows.
const HOSTCOND_SIZE: u32 = 8;

/// The `INET_DIAG_BC_*` codes whose operation some data follows (`<linux/inet_diag.h>`).
const INET_DIAG_BC_S_GE: u8 = 2;
const INET_DIAG_BC_D_LE: u8 = 5;
const INET_DIAG_BC_S_COND: u8 = 7;
const INET_DIAG_BC_D_COND: u8 = 8;
const INET_DIAG_BC_DEV_COND: u8 = 9;
const INET_DIAG_BC_MARK_COND: u8 = 10;

/// `INET_DIAG_REQ_BYTECODE` (strace's `decode_inet_diag_bc_op`): an operation, then the data
/// its code takes: `{code=INET_DIAG_BC_S_COND, yes=4, no=8}, {family=AF_INET, prefix_len=8,
/// port=0, addr=inet_addr("10.0.0.0")}`. `false` when fewer bytes than an operation are there.
pub fn bc_op<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u32,
    at: &AttrCtx,
) -> bool {
    if len < BC_OP_SIZE {
        return false;
    }
    let mut raw = [0u8; BC_OP_SIZE as usize];
    if ctx.mem.read(addr, &mut raw).is_err() {
        super::netlink::unread(sink, addr);
        return true;
    }
    netlink_attr::fields(sink, ctx, &table::NLS_INET_DIAG_BC_OP, Raw(&raw), at);
    if len > BC_OP_SIZE {
        let (addr, len) = (addr.wrapping_add(u64::from(BC_OP_SIZE)), len - BC_OP_SIZE);
        let st = match raw[0] {
            INET_DIAG_BC_S_COND | INET_DIAG_BC_D_COND => {
                hostcond(sink, ctx, addr, len);
                return true;
            }
            INET_DIAG_BC_DEV_COND => NlValue::Ifindex,
            INET_DIAG_BC_S_GE..=INET_DIAG_BC_D_LE => NlValue::Struct(&table::NLS_INET_DIAG_BC_OP),
            INET_DIAG_BC_MARK_COND => NlValue::Struct(&table::NLS_INET_DIAG_MARKCOND),
            _ => {
                buffer(sink, ctx, addr, u64::from(len), true);
                return true;
            }
        };
        if !netlink_attr::value(sink, ctx, st, addr, len, at) {
            buffer(sink, ctx, addr, u64::from(len), true);
        }
    }
    true
}

/// `struct inet_diag_hostcond` and the address of its family after it (strace's
/// `decode_inet_diag_hostcond`); fewer bytes than the struct in hex.
fn hostcond<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u32) {
    if len < HOSTCOND_SIZE {
        return buffer(sink, ctx, addr, u64::from(len), true);
    }
    let mut raw = [0u8; HOSTCOND_SIZE as usize];
    if ctx.mem.read(addr, &mut raw).is_err() {
        return super::netlink::unread(sink, addr);
    }
    let family = raw[0];
    let at = AttrCtx {
        family: Some(family),
    };
    sink.begin_struct();
    for f in table::NLS_INET_DIAG_HOSTCOND.fields {
        netlink_attr::field(sink, ctx, f, Raw(&raw), &at);
    }
    if len > HOSTCOND_SIZE {
        let rest = (
            addr.wrapping_add(u64::from(HOSTCOND_SIZE)),
            len - HOSTCOND_SIZE,
        );
        netlink_attr::inet_addr(sink, ctx, rest, Some(family), Some("addr"));
    }
    sink.end_struct(false);
}
