//! `fsconfig` (`<linux/mount.h>`): its key, value and `aux` mean what the command says. The
//! command is register 1 and `aux` register 4, whichever argument is being printed.

use super::string::{buffer, cstring_within, path};
use super::{Call, Ctx, Sink, Values, dirfd, fd};
use crate::mem::Memory;

// `enum fsconfig_command`.
const SET_FLAG: u32 = 0;
const SET_STRING: u32 = 1;
const SET_BINARY: u32 = 2;
const SET_PATH: u32 = 3;
const SET_PATH_EMPTY: u32 = 4;
const SET_FD: u32 = 5;

/// The longest key or string value strace reads (`fsconfig`'s strings are limited to 256
/// bytes by the kernel, `strndup_user(..., 256)`).
const MAX_STRING: usize = 256;

/// The largest blob strace shows (`FSCONFIG_SET_BINARY`'s `aux` is its length).
const MAX_BLOB: i32 = 1024 * 1024;

fn command(call: &Call) -> u32 {
    call.args[1] as u32
}

fn aux(call: &Call) -> i32 {
    call.args[4] as i32
}

/// Whether the value is a path (`-P` compares it).
pub fn value_is_path(call: &Call) -> bool {
    matches!(command(call), SET_PATH | SET_PATH_EMPTY)
}

/// Whether `aux` is a descriptor (`-P` compares it).
pub fn aux_is_fd(call: &Call) -> bool {
    matches!(command(call), SET_PATH | SET_PATH_EMPTY | SET_FD)
}

/// The key: a string for the commands that set a parameter, else its address.
pub fn key<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let addr = call.args[2];
    match command(call) {
        SET_FLAG..=SET_FD => cstring_within(sink, ctx, addr, MAX_STRING),
        _ => sink.addr(addr),
    }
}

/// The value: a string, a path, `aux` bytes in hex for a blob, else its address.
pub fn value<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let addr = call.args[3];
    match command(call) {
        SET_STRING => cstring_within(sink, ctx, addr, MAX_STRING),
        SET_PATH | SET_PATH_EMPTY => path(sink, ctx, addr),
        SET_BINARY if (0..=MAX_BLOB).contains(&aux(call)) => {
            buffer(sink, ctx, addr, aux(call) as u64, true)
        }
        _ => sink.addr(addr),
    }
}

/// `aux`: the directory of a path, the descriptor `FSCONFIG_SET_FD` sets, else a number.
pub fn aux_arg<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let v = aux(call);
    match command(call) {
        SET_PATH | SET_PATH_EMPTY => dirfd(sink, ctx, v),
        SET_FD => fd(sink, ctx, v),
        _ => sink.int(i64::from(v)),
    }
}
