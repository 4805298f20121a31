//! `struct stat`, abbreviated as strace prints it by default:
//! `{st_mode=S_IFREG|0644, st_size=33699, ...}`, with `st_rdev` in place of `st_size` for
//! character and block devices (stat(2): only devices have a meaningful `st_rdev`); every
//! field, the times with their dates, under `-v`.

use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Sink, Values};
use crate::mem::Memory;
use crate::table;
use std::mem::{offset_of, size_of};

/// `S_IFMT` and the device types, from `<linux/stat.h>`.
use crate::table::S_IFMT;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;

pub fn stat<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let verbose = !ctx.opts.abbreviate;
    read_struct(sink, ctx, addr, size_of::<libc::stat>(), |sink, _, raw| {
        let u64_field = |f: usize| raw.u64(f);
        let mode = raw.u32(offset_of!(libc::stat, st_mode));
        let dev = |sink: &mut S, v: u64| sink.dev(libc::major(v), libc::minor(v));
        sink.begin_struct();
        if verbose {
            sink.field("st_dev");
            dev(sink, u64_field(offset_of!(libc::stat, st_dev)));
            sink.field("st_ino");
            sink.uint(u64_field(offset_of!(libc::stat, st_ino)));
        }
        sink.field("st_mode");
        sink.file_mode(mode);
        if verbose {
            sink.field("st_nlink");
            sink.uint(u64_field(offset_of!(libc::stat, st_nlink)));
            sink.field("st_uid");
            sink.uint(u64::from(raw.u32(offset_of!(libc::stat, st_uid))));
            sink.field("st_gid");
            sink.uint(u64::from(raw.u32(offset_of!(libc::stat, st_gid))));
            // strace holds these (and st_size) unsigned, whatever the kernel's types.
            sink.field("st_blksize");
            sink.uint(u64_field(offset_of!(libc::stat, st_blksize)));
            sink.field("st_blocks");
            sink.uint(u64_field(offset_of!(libc::stat, st_blocks)));
        }
        let file_type = mode & S_IFMT;
        if file_type == S_IFCHR || file_type == S_IFBLK {
            sink.field("st_rdev");
            dev(sink, u64_field(offset_of!(libc::stat, st_rdev)));
        } else {
            sink.field("st_size");
            sink.uint(u64_field(offset_of!(libc::stat, st_size)));
        }
        if verbose {
            // -v: the three times, each with its date, then its nanoseconds.
            let times = [
                (
                    "st_atime",
                    "st_atime_nsec",
                    offset_of!(libc::stat, st_atime),
                    offset_of!(libc::stat, st_atime_nsec),
                ),
                (
                    "st_mtime",
                    "st_mtime_nsec",
                    offset_of!(libc::stat, st_mtime),
                    offset_of!(libc::stat, st_mtime_nsec),
                ),
                (
                    "st_ctime",
                    "st_ctime_nsec",
                    offset_of!(libc::stat, st_ctime),
                    offset_of!(libc::stat, st_ctime_nsec),
                ),
            ];
            for (name, nsec_name, sec_off, nsec_off) in times {
                let (sec, nsec) = (raw.i64(sec_off), raw.u64(nsec_off));
                sink.field(name);
                sink.int(sec);
                sink.time_comment(sec, nsec, 9);
                sink.field(nsec_name);
                sink.uint(nsec);
            }
        }
        sink.end_struct(!verbose);
    });
}

/// `AT_STATX_SYNC_TYPE` (<linux/fcntl.h>): the bits of statx's flags that say how to sync.
const AT_STATX_SYNC_TYPE: u64 = 0x6000;

/// statx's flags: `AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW`; strace prints the sync type
/// and the other bits apart (so `-X raw` shows `|0x100` for a zero sync type).
pub fn statx_flags<S: Sink>(sink: &mut S, v: u64) {
    let v = v & 0xffff_ffff;
    sink.open(Group::Or);
    sink.flags(v & AT_STATX_SYNC_TYPE, &table::FLAGS_STATX_SYNC);
    if v & !AT_STATX_SYNC_TYPE != 0 {
        sink.flags(v & !AT_STATX_SYNC_TYPE, &table::FLAGS_STATX_AT);
    }
    sink.close();
}

/// `struct statx` (`<linux/stat.h>`): the offsets of its fields.
mod stx {
    pub const MASK: usize = 0;
    pub const BLKSIZE: usize = 4;
    pub const ATTRIBUTES: usize = 8;
    pub const NLINK: usize = 16;
    pub const UID: usize = 20;
    pub const GID: usize = 24;
    pub const MODE: usize = 28;
    pub const INO: usize = 32;
    pub const SIZE: usize = 40;
    pub const BLOCKS: usize = 48;
    pub const ATTRIBUTES_MASK: usize = 56;
    /// `struct statx_timestamp`s (a 64-bit `tv_sec`, a 32-bit `tv_nsec`, padding).
    pub const ATIME: usize = 64;
    pub const BTIME: usize = 80;
    pub const CTIME: usize = 96;
    pub const MTIME: usize = 112;
    pub const RDEV_MAJOR: usize = 128;
    pub const MNT_ID: usize = 144;
    pub const DIO_MEM_ALIGN: usize = 152;
    pub const SIZE_OF: usize = 256;
}

/// `stx_mask` bits (`<linux/stat.h>`) that say which fields the kernel filled.
const STATX_TYPE: u32 = 0x1;
const STATX_MODE: u32 = 0x2;
const STATX_NLINK: u32 = 0x4;
const STATX_UID: u32 = 0x8;
const STATX_GID: u32 = 0x10;
const STATX_ATIME: u32 = 0x20;
const STATX_MTIME: u32 = 0x40;
const STATX_CTIME: u32 = 0x80;
const STATX_INO: u32 = 0x100;
const STATX_SIZE: u32 = 0x200;
const STATX_BLOCKS: u32 = 0x400;
const STATX_BTIME: u32 = 0x800;
const STATX_MNT_ID: u32 = 0x1000;
const STATX_DIOALIGN: u32 = 0x2000;

/// `struct statx`, in strace's order and by its mask: abbreviated by default
/// (`{stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=3,
/// ...}`, the mode and size only when the mask has them), every field the mask names under
/// `-v`, the times with their dates.
pub fn statx<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let full = !ctx.opts.abbreviate;
    read_struct(sink, ctx, addr, stx::SIZE_OF, |sink, _, raw| {
        let mask = raw.u32(stx::MASK);
        let has = |bits: u32| mask & bits != 0;
        let uint = |sink: &mut S, name, off| {
            sink.field(name);
            sink.uint(raw.u64(off));
        };
        let uint32 = |sink: &mut S, name, off| {
            sink.field(name);
            sink.uint(u64::from(raw.u32(off)));
        };
        sink.begin_struct();
        sink.field("stx_mask");
        sink.flags(u64::from(mask), &table::FLAGS_STATX_MASK);
        if full {
            uint32(sink, "stx_blksize", stx::BLKSIZE);
        }
        sink.field("stx_attributes");
        sink.flags(raw.u64(stx::ATTRIBUTES), &table::FLAGS_STATX_ATTRIBUTES);
        if full {
            if has(STATX_NLINK) {
                uint32(sink, "stx_nlink", stx::NLINK);
            }
            for (bit, name, off) in [
                (STATX_UID, "stx_uid", stx::UID),
                (STATX_GID, "stx_gid", stx::GID),
            ] {
                if has(bit) {
                    sink.field(name);
                    sink.id(raw.u32(off));
                }
            }
        }
        if has(STATX_TYPE | STATX_MODE) {
            sink.field("stx_mode");
            sink.file_mode(u32::from(raw.u16(stx::MODE)));
        }
        if full && has(STATX_INO) {
            uint(sink, "stx_ino", stx::INO);
        }
        if has(STATX_SIZE) {
            uint(sink, "stx_size", stx::SIZE);
        }
        if !full {
            return sink.end_struct(true);
        }
        if has(STATX_BLOCKS) {
            uint(sink, "stx_blocks", stx::BLOCKS);
        }
        sink.field("stx_attributes_mask");
        sink.flags(
            raw.u64(stx::ATTRIBUTES_MASK),
            &table::FLAGS_STATX_ATTRIBUTES,
        );
        let times = [
            (STATX_ATIME, "stx_atime", stx::ATIME),
            (STATX_BTIME, "stx_btime", stx::BTIME),
            (STATX_CTIME, "stx_ctime", stx::CTIME),
            (STATX_MTIME, "stx_mtime", stx::MTIME),
        ];
        for (bit, name, off) in times {
            if has(bit) {
                sink.field(name);
                statx_timestamp(sink, raw, off);
            }
        }
        let devs = [
            "stx_rdev_major",
            "stx_rdev_minor",
            "stx_dev_major",
            "stx_dev_minor",
        ];
        for (i, name) in devs.into_iter().enumerate() {
            uint32(sink, name, stx::RDEV_MAJOR + 4 * i);
        }
        if has(STATX_MNT_ID) {
            sink.field("stx_mnt_id");
            sink.hex(raw.u64(stx::MNT_ID));
        }
        if has(STATX_DIOALIGN) {
            uint32(sink, "stx_dio_mem_align", stx::DIO_MEM_ALIGN);
            uint32(sink, "stx_dio_offset_align", stx::DIO_MEM_ALIGN + 4);
        }
        sink.end_struct(false);
    });
}

/// A `struct statx_timestamp` at `off`: `{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T... */`.
fn statx_timestamp<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize) {
    let (sec, nsec) = (raw.i64(off), raw.u32(off + 8));
    sink.begin_struct();
    sink.field("tv_sec");
    sink.int(sec);
    sink.field("tv_nsec");
    sink.uint(u64::from(nsec));
    sink.end_struct(false);
    sink.time_comment(sec, u64::from(nsec), 9);
}

/// `struct statfs` (x86_64 `<asm-generic/statfs.h>` with 64-bit words), every field:
/// `{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_fsid={val=[0x1, 0x2]}, f_namelen=255,
/// f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}`.
pub fn statfs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(
        sink,
        ctx,
        addr,
        size_of::<libc::statfs>(),
        |sink, _, raw| {
            sink.begin_struct();
            sink.field("f_type");
            sink.enumeration(
                raw.u64(offset_of!(libc::statfs, f_type)),
                &table::ENUM_FS_MAGIC,
            );
            for (name, off) in [
                ("f_bsize", offset_of!(libc::statfs, f_bsize)),
                ("f_blocks", offset_of!(libc::statfs, f_blocks)),
                ("f_bfree", offset_of!(libc::statfs, f_bfree)),
                ("f_bavail", offset_of!(libc::statfs, f_bavail)),
                ("f_files", offset_of!(libc::statfs, f_files)),
                ("f_ffree", offset_of!(libc::statfs, f_ffree)),
            ] {
                sink.field(name);
                sink.uint(raw.u64(off));
            }
            let fsid = offset_of!(libc::statfs, f_fsid);
            sink.field("f_fsid");
            sink.begin_struct();
            sink.field("val");
            sink.begin_array();
            sink.hex(u64::from(raw.u32(fsid)));
            sink.hex(u64::from(raw.u32(fsid + 4)));
            sink.end_array();
            sink.end_struct(false);
            sink.field("f_namelen");
            sink.int(raw.i64(offset_of!(libc::statfs, f_namelen)));
            sink.field("f_frsize");
            sink.int(raw.i64(offset_of!(libc::statfs, f_frsize)));
            sink.field("f_flags");
            // f_flags follows f_frsize (<asm-generic/statfs.h>); the libc crate hides it.
            let flags = offset_of!(libc::statfs, f_frsize) + 8;
            sink.flags(raw.u64(flags), &table::FLAGS_STATFS_FLAGS);
            sink.end_struct(false);
        },
    );
}
