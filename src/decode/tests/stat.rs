//! `struct stat`, `statx` and `statfs` (`decode/stat.rs`), abbreviated and in full (with
//! `getdents64`'s entry count, tested beside `statx`).

use super::*;

#[test]
fn stat_structs() {
    let mem = FakeMemory::new()
        .with(0x5000, &stat_bytes(0o100644, 33699, 0))
        .with(0x6000, &stat_bytes(0o020666, 0, libc::makedev(1, 3)))
        .with(0x7000, &stat_bytes(0o104755, 0, 0))
        .with(0x8000, b"\0sd/reg\0");
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [3, 0x8000, 0x5000, 0x1000, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=33699, ...}, AT_EMPTY_PATH) = 0"#
    );
    assert_eq!(
        line(NR_FSTAT, [3, 0x6000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fstat(3, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0"
    );
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [AT_FDCWD, 0x8001, 0x7000, 0x900, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"newfstatat(AT_FDCWD, "sd/reg", {st_mode=S_IFREG|S_ISUID|0755, st_size=0, ...}, AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT) = 0"#
    );
    // Failed calls and unreadable buffers show the address.
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [AT_FDCWD, 0x8001, 0x5000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        r#"newfstatat(AT_FDCWD, "sd/reg", 0x5000, 0) = -1 ENOENT (No such file or directory)"#
    );
    assert_eq!(
        line(NR_FSTAT, [3, 0x8, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fstat(3, 0x8)                           = 0"
    );
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [AT_FDCWD, 0x8001, 0x5000, 0x40000000, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"newfstatat(AT_FDCWD, "sd/reg", 0x5000, 0x40000000 /* AT_??? */) = -1 EINVAL (Invalid argument)"#
    );
}

#[test]
fn stat_in_full_under_v() {
    let mut st = stat_bytes(0o100644, 3, 0);
    for (off, v) in [
        (offset_of!(libc::stat, st_dev), libc::makedev(0xfe, 0)),
        (offset_of!(libc::stat, st_ino), 611),
        (offset_of!(libc::stat, st_nlink), 1),
        (offset_of!(libc::stat, st_blksize), 4096),
        (offset_of!(libc::stat, st_blocks), 8),
        (offset_of!(libc::stat, st_atime), 1795828653),
        (offset_of!(libc::stat, st_atime_nsec), 167005266),
        (offset_of!(libc::stat, st_mtime), 1790052689),
        (offset_of!(libc::stat, st_ctime), 1790052689),
    ] {
        put(&mut st, off, v.to_ne_bytes());
    }
    let mem = FakeMemory::new().with(0x5000, &st);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx {
        opts: DecodeOpts {
            abbreviate: false,
            ..DecodeOpts::default()
        },
        ..Ctx::for_test(&mem, &mut scratch)
    };
    assert_eq!(
        rendered(|out| crate::decode::stat::stat(&mut Text::new(out), &mut ctx, 0x5000)),
        "{st_dev=makedev(0xfe, 0), st_ino=611, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, \
         st_blksize=4096, st_blocks=8, st_size=3, st_atime=1795828653 /* 2026-11-28T01:17:33.167005266+0000 */, \
         st_atime_nsec=167005266, st_mtime=1790052689 /* 2026-09-22T04:51:29+0000 */, st_mtime_nsec=0, \
         st_ctime=1790052689 /* 2026-09-22T04:51:29+0000 */, st_ctime_nsec=0}"
    );
}

/// strace holds every size and count unsigned, and the times signed: all ones shows as
/// `18446744073709551615` and `-1`.
#[test]
fn stat_fields_all_ones() {
    let mut st = vec![0xffu8; std::mem::size_of::<libc::stat>()];
    put(
        &mut st,
        offset_of!(libc::stat, st_mode),
        0o100644u32.to_ne_bytes(),
    );
    let mem = FakeMemory::new().with(0x5000, &st);
    let max = u64::MAX;
    assert_eq!(
        line(NR_FSTAT, [77, 0x5000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!("fstat(77, {{st_mode=S_IFREG|0644, st_size={max}, ...}}) = 0")
    );
    assert_eq!(
        line_verbose(NR_FSTAT, [77, 0x5000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!(
            "fstat(77, {{st_dev=makedev(0xffffffff, 0xffffffff), st_ino={max}, st_mode=S_IFREG|0644, st_nlink={max}, st_uid=4294967295, st_gid=4294967295, st_blksize={max}, st_blocks={max}, st_size={max}, st_atime=-1, st_atime_nsec={max}, st_mtime=-1, st_mtime_nsec={max}, st_ctime=-1, st_ctime_nsec={max}}}) = 0"
        )
    );
}

#[test]
fn getdents_statx_statfs() {
    // Two linux_dirent64 records of 24 bytes (d_reclen at offset 16).
    let mut dents = vec![0u8; 48];
    dents[16] = 24;
    dents[24 + 16] = 24;
    let mut statx = vec![0u8; 256];
    statx[0..4].copy_from_slice(&0x17ffu32.to_ne_bytes());
    statx[8..16].copy_from_slice(&0x2000u64.to_ne_bytes());
    statx[28..30].copy_from_slice(&0o40755u16.to_ne_bytes());
    statx[40..48].copy_from_slice(&4096u64.to_ne_bytes());
    let mut statfs = vec![0u8; 120];
    for (off, v) in [
        (0, 0x01021994u64),
        (8, 4096),
        (56, 0x0000_0002_0000_0001),
        (64, 255),
        (72, 4096),
        (80, 0x1020),
    ] {
        put(&mut statfs, off, v.to_ne_bytes());
    }
    let mem = FakeMemory::new()
        .with(0x1000, &dents)
        .with(0x2000, &statx)
        .with(0x3000, &statfs)
        .with(0x4000, b"/\0");
    assert_eq!(
        line(
            NR_GETDENTS64,
            [3, 0x1000, 32768, 0, 0, 0],
            &mem,
            Outcome::Ok(48)
        ),
        "getdents64(3, 0x1000 /* 2 entries */, 32768) = 48"
    );
    assert_eq!(
        line(NR_GETDENTS64, [3, 0, 10, 0, 0, 0], &mem, Outcome::Ok(0)),
        "getdents64(3, NULL /* 0 entries */, 10) = 0"
    );
    assert_eq!(
        line(
            NR_GETDENTS64,
            [3, 0x1000, 10, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "getdents64(3, 0x1000, 10)               = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_STATX,
            [AT_FDCWD, 0x4000, 0x800, 0x2, 0x2000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_NO_AUTOMOUNT, STATX_MODE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0"
    );
    assert_eq!(
        line(
            NR_STATX,
            [AT_FDCWD, 0x4000, 0, 0xfff, 0x8, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x8) = 0"
    );
    assert_eq!(
        line(
            NR_STATX,
            [AT_FDCWD, 0x4000, 0, 0x80000000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, 0x80000000 /* STATX_??? */, NULL) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_FSTATFS, [3, 0x3000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fstatfs(3, {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x1, 0x2]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0"
    );
    assert_eq!(
        line(NR_FSTATFS, [3, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "fstatfs(3, NULL)                        = -1 EFAULT (Bad address)"
    );
}

/// A `struct statx` whose fields are set by their offsets in `<linux/stat.h>`.
fn statx_bytes(mask: u32) -> Vec<u8> {
    let mut stx = vec![0u8; 256];
    put(&mut stx, 0, mask.to_ne_bytes());
    put(&mut stx, 4, 4096u32.to_ne_bytes());
    put(&mut stx, 8, 0x2000u64.to_ne_bytes());
    put(&mut stx, 16, 2u32.to_ne_bytes());
    put(&mut stx, 20, 1000u32.to_ne_bytes());
    put(&mut stx, 24, u32::MAX.to_ne_bytes());
    put(&mut stx, 28, 0o100644u16.to_ne_bytes());
    put(&mut stx, 32, 1234u64.to_ne_bytes());
    put(&mut stx, 40, 3u64.to_ne_bytes());
    put(&mut stx, 48, 8u64.to_ne_bytes());
    put(&mut stx, 56, 0x80_0004u64.to_ne_bytes());
    // atime, btime, ctime, mtime: seconds and nanoseconds.
    for (i, (sec, nsec)) in [
        (1_700_000_000i64, 5u32),
        (0, 0),
        (1, 999_999_999),
        (2, 1_000_000_000),
    ]
    .into_iter()
    .enumerate()
    {
        put(&mut stx, 64 + 16 * i, sec.to_ne_bytes());
        put(&mut stx, 72 + 16 * i, nsec.to_ne_bytes());
    }
    for (i, v) in [0u32, 0, 8, 1].into_iter().enumerate() {
        put(&mut stx, 128 + 4 * i, v.to_ne_bytes());
    }
    put(&mut stx, 144, 0x1du64.to_ne_bytes());
    put(&mut stx, 152, 512u32.to_ne_bytes());
    put(&mut stx, 156, 4096u32.to_ne_bytes());
    stx
}

#[test]
fn statx_by_its_mask_and_in_full_under_v() {
    let args = [AT_FDCWD, 0x4000, 0, 0xfff, 0x2000, 0];
    // Every field the mask names: STATX_BASIC_STATS|STATX_BTIME|STATX_MNT_ID|STATX_DIOALIGN.
    let mem = FakeMemory::new()
        .with(0x2000, &statx_bytes(0x3fff))
        .with(0x4000, b"f\0");
    assert_eq!(
        line(NR_STATX, args, &mem, Outcome::Ok(0)),
        "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID|STATX_DIOALIGN, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFREG|0644, stx_size=3, ...}) = 0"
    );
    assert_eq!(
        line_verbose(NR_STATX, args, &mem, Outcome::Ok(0)),
        "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID|STATX_DIOALIGN, stx_blksize=4096, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_nlink=2, stx_uid=1000, stx_gid=-1, stx_mode=S_IFREG|0644, stx_ino=1234, stx_size=3, stx_blocks=8, stx_attributes_mask=STATX_ATTR_COMPRESSED|0x800000, stx_atime={tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, stx_btime={tv_sec=0, tv_nsec=0}, stx_ctime={tv_sec=1, tv_nsec=999999999} /* 1970-01-01T00:00:01.999999999+0000 */, stx_mtime={tv_sec=2, tv_nsec=1000000000}, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=8, stx_dev_minor=1, stx_mnt_id=0x1d, stx_dio_mem_align=512, stx_dio_offset_align=4096}) = 0"
    );
    // A mask without the type, mode, size and the rest: only what it names (the
    // attributes, the blocksize and the devices always).
    let mem = FakeMemory::new()
        .with(0x2000, &statx_bytes(0))
        .with(0x4000, b"f\0");
    assert_eq!(
        line(NR_STATX, args, &mem, Outcome::Ok(0)),
        "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=0, stx_attributes=STATX_ATTR_MOUNT_ROOT, ...}) = 0"
    );
    assert_eq!(
        line_verbose(NR_STATX, args, &mem, Outcome::Ok(0)),
        "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=0, stx_blksize=4096, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_attributes_mask=STATX_ATTR_COMPRESSED|0x800000, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=8, stx_dev_minor=1}) = 0"
    );
    // Attributes strace has no name for.
    let mut odd = statx_bytes(0);
    put(&mut odd, 8, 0x1u64.to_ne_bytes());
    let mem = FakeMemory::new().with(0x2000, &odd).with(0x4000, b"f\0");
    assert_eq!(
        line(NR_STATX, args, &mem, Outcome::Ok(0)),
        "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=0, stx_attributes=0x1 /* STATX_ATTR_??? */, ...}) = 0"
    );
}
