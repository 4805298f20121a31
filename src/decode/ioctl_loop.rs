//! The loop device's status requests (`<linux/loop.h>`), as strace 6.1's loop.c prints their
//! `struct loop_info`, `struct loop_info64` and `struct loop_config`: by default without the
//! device numbers and initial vectors (`...` in their place), the encryption members only when
//! an encryption is set; under `-v` all of them. The requests that take a value or nothing are
//! `[ioctl_args]` rows (syscalls.toml, `<linux/loop.h>`).

use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

const LOOP_SET_STATUS: u32 = 0x4c02;
const LOOP_GET_STATUS: u32 = 0x4c03;
const LOOP_SET_STATUS64: u32 = 0x4c04;
const LOOP_GET_STATUS64: u32 = 0x4c05;
const LOOP_CONFIGURE: u32 = 0x4c0a;

/// `LO_CRYPT_NONE`: no encryption, whose members the default leaves out.
const LO_CRYPT_NONE: u32 = 0;
/// `LO_KEY_SIZE`: the bytes of `lo_encrypt_key`.
const LO_KEY_SIZE: usize = 32;
/// `LO_NAME_SIZE`: the bytes of the names.
const LO_NAME_SIZE: usize = 64;
/// `sizeof(struct loop_info)` on x86_64 (`__kernel_old_dev_t` and `lo_inode` are longs).
const INFO_SIZE: usize = 168;
/// `sizeof(struct loop_info64)`.
const INFO64_SIZE: usize = 232;
/// `sizeof(struct loop_config)`: `fd`, `block_size`, a `loop_info64` at 8, `__reserved[8]`
/// at 240.
const CONFIG_SIZE: usize = 304;

/// Whether `request` is one this module prints.
pub fn decodes(request: u32) -> bool {
    matches!(
        request,
        LOOP_SET_STATUS | LOOP_GET_STATUS | LOOP_SET_STATUS64 | LOOP_GET_STATUS64 | LOOP_CONFIGURE
    )
}

/// The argument of loop request `request`, at entry (`outcome` is `None`) and at exit: what
/// the caller sets at entry, what the kernel got at exit (its address when that failed).
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    v: u64,
    outcome: Option<Outcome>,
) {
    match (request, outcome) {
        (LOOP_GET_STATUS | LOOP_GET_STATUS64, Some(Outcome::Err(_))) => sink.addr(v),
        (LOOP_SET_STATUS, None) | (LOOP_GET_STATUS, Some(_)) => {
            read_struct(sink, ctx, v, INFO_SIZE, |sink, ctx, raw| {
                info(sink, raw, !ctx.opts.abbreviate)
            })
        }
        (LOOP_SET_STATUS64, None) | (LOOP_GET_STATUS64, Some(_)) => {
            read_struct(sink, ctx, v, INFO64_SIZE, |sink, ctx, raw| {
                info64(sink, raw, !ctx.opts.abbreviate)
            })
        }
        (LOOP_CONFIGURE, None) => read_struct(sink, ctx, v, CONFIG_SIZE, config),
        _ => {}
    }
}

/// A `struct loop_info`; `all` is `-v` (else the default's abbreviation).
fn info<S: Sink>(sink: &mut S, raw: Raw<'_>, all: bool) {
    let crypt = raw.u32(36);
    sink.begin_struct();
    sink.field("lo_number");
    sink.int(i64::from(raw.i32(0)));
    if all {
        devices(sink, raw, 8);
    }
    sink.field("lo_offset");
    sink.hex(u64::from(raw.u32(32)));
    if all || crypt != LO_CRYPT_NONE {
        encryption(sink, crypt, raw.u32(40));
    }
    sink.field("lo_flags");
    sink.flags(u64::from(raw.u32(44)), &table::FLAGS_LOOP_FLAGS);
    sink.field("lo_name");
    sink.c_array(&raw.0[48..48 + LO_NAME_SIZE]);
    if all || crypt != LO_CRYPT_NONE {
        key(sink, raw, 112, raw.u32(40));
    }
    if all {
        hex_array(sink, "lo_init", raw, 144, 2, 8);
        hex_array(sink, "reserved", raw, 160, 4, 1);
    }
    sink.end_struct(!all);
}

/// A `struct loop_info64`; `all` is `-v`.
fn info64<S: Sink>(sink: &mut S, raw: Raw<'_>, all: bool) {
    let (crypt, key_size) = (raw.u32(44), raw.u32(48));
    sink.begin_struct();
    if all {
        devices(sink, raw, 0);
    }
    sink.field("lo_offset");
    sink.hex(raw.u64(24));
    if all {
        sink.field("lo_sizelimit");
        sink.uint(raw.u64(32));
    }
    sink.field("lo_number");
    sink.uint(u64::from(raw.u32(40)));
    let encrypted = all || crypt != LO_CRYPT_NONE;
    if encrypted {
        encryption(sink, crypt, key_size);
    }
    sink.field("lo_flags");
    sink.flags(u64::from(raw.u32(52)), &table::FLAGS_LOOP_FLAGS);
    sink.field("lo_file_name");
    sink.c_array(&raw.0[56..56 + LO_NAME_SIZE]);
    if encrypted {
        sink.field("lo_crypt_name");
        sink.c_array(&raw.0[120..120 + LO_NAME_SIZE]);
        key(sink, raw, 184, key_size);
    }
    if all {
        hex_array(sink, "lo_init", raw, 216, 2, 8);
    }
    sink.end_struct(!all);
}

/// A `struct loop_config`: the backing file, the block size, the status to set, and the
/// reserved words when any is not zero.
fn config<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let all = !ctx.opts.abbreviate;
    sink.begin_struct();
    sink.field("fd");
    super::fd(sink, ctx, raw.i32(0));
    sink.field("block_size");
    sink.uint(u64::from(raw.u32(4)));
    sink.field("info");
    info64(sink, Raw(&raw.0[8..8 + INFO64_SIZE]), all);
    if raw.0[240..CONFIG_SIZE].iter().any(|&b| b != 0) {
        hex_array(sink, "__reserved", raw, 240, 8, 8);
    }
    sink.end_struct(false);
}

/// `lo_device`, `lo_inode` and `lo_rdevice`, three 64-bit members from `off`: the devices
/// as `makedev(0x8, 0x1)`.
fn devices<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize) {
    let (dev, rdev) = (raw.u64(off), raw.u64(off + 16));
    sink.field("lo_device");
    sink.dev(libc::major(dev), libc::minor(dev));
    sink.field("lo_inode");
    sink.uint(raw.u64(off + 8));
    sink.field("lo_rdevice");
    sink.dev(libc::major(rdev), libc::minor(rdev));
}

/// The encryption's type and key size.
fn encryption<S: Sink>(sink: &mut S, crypt: u32, key_size: u32) {
    sink.field("lo_encrypt_type");
    sink.enumeration(u64::from(crypt), &table::ENUM_LOOP_CRYPT_TYPE);
    sink.field("lo_encrypt_key_size");
    sink.uint(u64::from(key_size));
}

/// `lo_encrypt_key` at `off`: as many bytes as its size says, at most `LO_KEY_SIZE`, all of
/// them shown (NULs too).
fn key<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, size: u32) {
    let len = (size as usize).min(LO_KEY_SIZE);
    sink.field("lo_encrypt_key");
    sink.string(&raw.0[off..off + len], false);
}

/// `n` unsigned members of `width` bytes at `off`, in hex: `[0x1, 0x2]`.
fn hex_array<S: Sink>(
    sink: &mut S,
    name: &'static str,
    raw: Raw<'_>,
    off: usize,
    n: usize,
    width: usize,
) {
    sink.field(name);
    sink.begin_array();
    for i in 0..n {
        sink.hex(raw.int_of_width(off + i * width, width).0);
    }
    sink.end_array();
}
