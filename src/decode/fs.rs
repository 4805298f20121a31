//! Printers for descriptor and file-system values: `mknod`'s mode and device, `fcntl`'s
//! command-dependent argument and result, `openat2`'s `struct open_how`, and fanotify's
//! flags and directory (directory entries are in `dirent.rs`).

use super::structs::read_struct;
use super::{Call, Ctx, Number, Outcome, PidKind, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// File type bits and the device types (`<linux/stat.h>`).
use crate::table::S_IFMT;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;

/// `mknod`'s mode, then the device (`by`) when the mode makes one
/// (mknod(2): `dev` is used only for character and block devices; strace prints it only then).
pub fn mknod_mode<S: Sink>(sink: &mut S, dev: u64, v: u64) {
    // umode_t is 16 bits wide.
    let mode = (v & 0o177777) as u32;
    sink.file_mode(mode);
    let file_type = mode & S_IFMT;
    if file_type != S_IFCHR && file_type != S_IFBLK {
        return;
    }
    // The kernel takes an `unsigned int` in the new_encode_dev() format, which the C library's
    // major()/minor() read the same way for 32-bit values.
    let dev = u64::from(dev as u32);
    super::next_arg(sink, "dev");
    sink.dev(libc::major(dev), libc::minor(dev));
}

// fcntl commands (<asm-generic/fcntl.h>, <linux/fcntl.h>).
const F_DUPFD: u32 = 0;
const F_GETFD: u32 = 1;
const F_SETFD: u32 = 2;
const F_GETFL: u32 = 3;
const F_SETFL: u32 = 4;
const F_GETLK: u32 = 5;
const F_SETLK: u32 = 6;
const F_SETLKW: u32 = 7;
const F_SETOWN: u32 = 8;
const F_GETOWN: u32 = 9;
const F_SETSIG: u32 = 10;
const F_GETSIG: u32 = 11;
const F_SETOWN_EX: u32 = 15;
const F_GETOWN_EX: u32 = 16;
const F_OFD_GETLK: u32 = 36;
const F_OFD_SETLK: u32 = 37;
const F_OFD_SETLKW: u32 = 38;
const F_SETLEASE: u32 = 1024;
const F_GETLEASE: u32 = 1025;
const F_NOTIFY: u32 = 1026;
const F_DUPFD_CLOEXEC: u32 = 1030;
const F_SETPIPE_SZ: u32 = 1031;
const F_GETPIPE_SZ: u32 = 1032;
const F_ADD_SEALS: u32 = 1033;
const F_GET_SEALS: u32 = 1034;

/// Whether `fcntl`'s third argument is shown: the commands that take none omit it.
pub fn fcntl_has_arg(cmd: u64) -> bool {
    !matches!(
        cmd as u32,
        F_GETFD | F_GETFL | F_GETOWN | F_GETSIG | F_GETLEASE | F_GETPIPE_SZ | F_GET_SEALS
    )
}

/// Whether `fcntl`'s third argument is printed at exit (with the separator before it): where
/// the kernel fills it in, as strace's decoder. Every other one is printed at entry.
pub fn fcntl_arg_at_exit(cmd: u64) -> bool {
    matches!(cmd as u32, F_GETLK | F_OFD_GETLK | F_GETOWN_EX)
}

/// `fcntl`'s third argument, by the command (`by`).
pub fn fcntl_arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    cmd: u64,
    v: u64,
    outcome: Option<Outcome>,
) {
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    match cmd as u32 {
        // The lowest number the new descriptor may have: a number, not a descriptor. strace
        // reads this one, the pipe size, the notify flags, the lease and the seals from the
        // whole 64-bit register; the others as an `int`.
        F_DUPFD | F_DUPFD_CLOEXEC | F_SETPIPE_SZ => sink.int(v as i64),
        F_SETFD => sink.flags(u64::from(v as u32), &table::FLAGS_FD_FLAGS),
        F_SETFL => sink.flags(u64::from(v as u32), &table::FLAGS_OPEN_FLAGS),
        F_SETLK | F_SETLKW | F_OFD_SETLK | F_OFD_SETLKW => flock(sink, ctx, v, false),
        F_GETLK | F_OFD_GETLK if failed => sink.addr(v),
        F_GETLK | F_OFD_GETLK => flock(sink, ctx, v, true),
        F_SETSIG => sink.signal(i64::from(v as i32)),
        F_SETLEASE => sink.enumeration(v, &table::ENUM_LOCK_TYPE),
        F_NOTIFY => sink.flags(v, &table::FLAGS_DNOTIFY_FLAGS),
        F_ADD_SEALS => sink.flags(v, &table::FLAGS_SEALS),
        F_GETOWN_EX if failed => sink.addr(v),
        F_SETOWN_EX | F_GETOWN_EX => owner_ex(sink, ctx, v),
        F_SETOWN => super::pid_or_pgid(sink, ctx, i64::from(v as i32)),
        _ => sink.hex(v),
    }
}

/// `struct flock` (`<asm-generic/fcntl.h>`, x86_64 layout): `l_pid` only when the kernel
/// filled it in (the GETLK commands).
fn flock<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, with_pid: bool) {
    read_struct(sink, ctx, addr, 32, |sink, _, raw| {
        sink.begin_struct();
        sink.field("l_type");
        sink.enumeration(raw.i16(0) as u16 as u64, &table::ENUM_LOCK_TYPE);
        sink.field("l_whence");
        sink.enumeration(raw.i16(2) as u16 as u64, &table::ENUM_SEEK_WHENCE);
        sink.field("l_start");
        sink.int(raw.i64(8));
        sink.field("l_len");
        sink.int(raw.i64(16));
        if with_pid {
            sink.field("l_pid");
            sink.int(i64::from(raw.i32(24)));
        }
        sink.end_struct(false);
    });
}

/// `struct f_owner_ex` (`<linux/fcntl.h>`): `{type=F_OWNER_PID, pid=0}`.
fn owner_ex<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    // F_OWNER_TID, F_OWNER_PID, F_OWNER_PGRP (<linux/fcntl.h>): what the pid is.
    read_struct(sink, ctx, addr, 8, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("type");
        sink.enumeration(u64::from(raw.u32(0)), &table::ENUM_F_OWNER_TYPE);
        sink.field("pid");
        let pid = i64::from(raw.i32(4));
        match raw.u32(0) {
            0 => super::pid(sink, ctx, pid, PidKind::Tid),
            1 => super::pid(sink, ctx, pid, PidKind::Tgid),
            2 => super::pid(sink, ctx, pid, PidKind::Pgid),
            _ => sink.int(pid),
        }
        sink.end_struct(false);
    });
}

/// What a successful `fcntl` returned, by its command.
pub fn fcntl_ret<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call, v: i64) {
    match call.args[1] as u32 {
        F_DUPFD | F_DUPFD_CLOEXEC => super::ret_fd(sink, ctx, v),
        F_GETFD if v != 0 => sink.ret_flags(v as u64, Some("flags"), &table::FLAGS_FD_FLAGS),
        F_GETFL => sink.ret_flags(v as u64, Some("flags"), &table::FLAGS_OPEN_FLAGS),
        F_GETSIG if v != 0 => sink.ret_signal(v),
        F_GETLEASE => sink.ret_enum(v as u64, &table::ENUM_LOCK_TYPE),
        // The owner: a process, or negated a process group.
        F_GETOWN => {
            sink.ret(v);
            let kind = if v < 0 { PidKind::Pgid } else { PidKind::Tgid };
            super::pid(sink, ctx, v, kind);
        }
        F_GET_SEALS if v != 0 => sink.ret_flags(v as u64, Some("seals"), &table::FLAGS_SEALS),
        _ => sink.ret_int(v),
    }
}

/// A pointer to a 64-bit offset (`loff_t *`, `splice`, `copy_file_range`): `[4096]`;
/// `unsigned` as `sendfile` shows it.
pub fn loff_ptr<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, unsigned: bool) {
    read_struct(sink, ctx, addr, 8, |sink, _, raw| {
        sink.begin_array();
        if unsigned {
            sink.uint(raw.u64(0));
        } else {
            sink.int(raw.i64(0));
        }
        sink.end_array();
    });
}

/// `sendfile`'s offset: at entry as the call got it, `[0]`; at exit, when the call sent
/// something, the offset it left, ` => [100]`. Nothing is added when the offset is NULL,
/// `count` (`by`) is zero or the call failed, as strace 6.1 does.
pub fn sendfile_offset<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    count: u64,
    addr: u64,
    outcome: Option<Outcome>,
) {
    match outcome {
        None => loff_ptr(sink, ctx, addr, true),
        Some(Outcome::Ok(n)) if n != 0 && addr != 0 && count != 0 => {
            sink.updated();
            loff_ptr(sink, ctx, addr, true);
        }
        Some(_) => {}
    }
}

/// `struct open_how` (`<linux/openat2.h>`): flags, mode and resolve, 64-bit each; the
/// smallest size the kernel takes (`OPEN_HOW_SIZE_VER0`).
const OPEN_HOW_SIZE: u64 = 24;
/// The most of a larger struct strace looks at for bytes past the fields it knows (a page).
const EXTRA_MAX: u64 = 4096;

/// `openat2`'s `struct open_how` of `size` bytes: `{flags=O_RDONLY|O_EXCL, resolve=0}`, the
/// mode only when the flags create a file or it is set; bytes past the known fields when
/// any is not zero (`/* bytes 24..31 */ "\x80..."`, `???` when unreadable); the address of a
/// struct smaller than the kernel's first.
pub fn open_how<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, size: u64, addr: u64) {
    // O_CREAT and __O_TMPFILE (<asm-generic/fcntl.h>).
    const CREATES: u64 = 0o100 | 0o20000000;
    if size < OPEN_HOW_SIZE {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, OPEN_HOW_SIZE as usize, |sink, ctx, raw| {
        let (flags, mode) = (raw.u64(0), raw.u64(8));
        sink.begin_struct();
        sink.field("flags");
        sink.flags(flags, &table::FLAGS_OPEN_FLAGS);
        if flags & CREATES != 0 || mode != 0 {
            sink.field("mode");
            sink.octal(mode);
        }
        sink.field("resolve");
        sink.flags(raw.u64(16), &table::FLAGS_RESOLVE_FLAGS);
        let end = size.min(EXTRA_MAX);
        if OPEN_HOW_SIZE < end {
            super::structs::nonzero_tail(
                sink,
                ctx,
                addr,
                (OPEN_HOW_SIZE as usize, end as usize),
                |_| {},
            );
        }
        sink.end_struct(false);
    });
}

/// `FAN_ALL_CLASS_BITS` (`<linux/fanotify.h>`): the bits of `fanotify_init`'s flags naming
/// the notification class.
const FAN_ALL_CLASS_BITS: u64 = 0xc;

/// `FAN_NOFD`: `fanotify_mark`'s "no directory".
const FAN_NOFD: i32 = -1;

/// `fanotify_init`'s flags: `FAN_CLASS_CONTENT|FAN_CLOEXEC`, `0xc /* FAN_CLASS_??? */|...`.
pub fn fan_init_flags<S: Sink>(sink: &mut S, v: u64) {
    sink.field_and_flags(
        u64::from(v as u32),
        FAN_ALL_CLASS_BITS,
        &table::ENUM_FAN_CLASSES,
        &table::FLAGS_FAN_INIT_FLAGS,
    );
}

/// `fanotify_mark`'s directory: `FAN_NOFD`, `AT_FDCWD` or a descriptor.
pub fn fan_dirfd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: i32) {
    match v {
        FAN_NOFD => sink.constant("FAN_NOFD", Number::Int(i64::from(FAN_NOFD))),
        _ => super::dirfd(sink, ctx, v),
    }
}
