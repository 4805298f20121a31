//! `struct stat`, abbreviated as strace prints it by default:
//! `{st_mode=S_IFREG|0644, st_size=33699, ...}`, with `st_rdev` in place of `st_size` for
//! character and block devices (stat(2): only devices have a meaningful `st_rdev`); every
//! field, the times with their dates, under `-v`.

use super::structs::read_struct;
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
            sink.field("st_blksize");
            sink.int(raw.i64(offset_of!(libc::stat, st_blksize)));
            sink.field("st_blocks");
            sink.int(raw.i64(offset_of!(libc::stat, st_blocks)));
        }
        let file_type = mode & S_IFMT;
        if file_type == S_IFCHR || file_type == S_IFBLK {
            sink.field("st_rdev");
            dev(sink, u64_field(offset_of!(libc::stat, st_rdev)));
        } else {
            sink.field("st_size");
            sink.int(raw.i64(offset_of!(libc::stat, st_size)));
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

/// `struct statx` (`<linux/stat.h>`), abbreviated as strace prints it by default:
/// `{stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644,
/// stx_size=3, ...}`.
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

pub fn statx<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    // Offsets of stx_mask, stx_attributes, stx_mode and stx_size in <linux/stat.h>.
    read_struct(sink, ctx, addr, 256, |sink, _, raw| {
        sink.begin_struct();
        sink.field("stx_mask");
        sink.flags(u64::from(raw.u32(0)), &table::FLAGS_STATX_MASK);
        sink.field("stx_attributes");
        sink.flags(raw.u64(8), &table::FLAGS_STATX_ATTRIBUTES);
        sink.field("stx_mode");
        sink.file_mode(u32::from(raw.u16(28)));
        sink.field("stx_size");
        sink.uint(raw.u64(40));
        sink.end_struct(true);
    });
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
