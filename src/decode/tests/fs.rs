//! Descriptor and file-system values (`decode/fs.rs`): `fcntl` by command, `mknod`'s mode and
//! device (beside the other file calls of its test: `pipe2`, `getcwd`, `chown`), and the
//! offsets of the transfer calls, fanotify's flags and directory.

use super::*;
use crate::output::ConstStyle;

#[test]
fn fcntl_by_command() {
    // struct flock: l_type F_WRLCK, l_whence SEEK_SET, l_start 10, l_len 20, l_pid 42.
    let mut flock = vec![1, 0, 0, 0, 0, 0, 0, 0];
    flock.extend(10i64.to_ne_bytes());
    flock.extend(20i64.to_ne_bytes());
    flock.extend(42i32.to_ne_bytes());
    flock.extend([0; 4]);
    let mem = FakeMemory::new().with(0x1000, &flock);
    assert_eq!(
        line(NR_FCNTL, [3, 1, 0, 0, 0, 0], &mem, Outcome::Ok(1)),
        "fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 1, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_GETFD)                       = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 3, 0, 0, 0, 0], &mem, Outcome::Ok(0x8002)),
        "fcntl(3, F_GETFL)                       = 0x8002 (flags O_RDWR|O_LARGEFILE)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 4, 0o4000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK)  = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 6, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20}) = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 5, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20, l_pid=42}) = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 5, 0x8, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "fcntl(3, F_GETLK, 0x8)                  = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 6, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "fcntl(3, F_SETLK, NULL)                 = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 11, 0, 0, 0, 0], &mem, Outcome::Ok(10)),
        "fcntl(3, F_GETSIG)                      = 10 (SIGUSR1)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 1025, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "fcntl(3, F_GETLEASE)                    = 0x2 (F_UNLCK)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 1234, 5, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "fcntl(3, 0x4d2 /* F_??? */, 0x5)        = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn pipe2_getcwd_chown_mknodat() {
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[3, 4]))
        .with(0x2000, b"/tmp\0")
        .with(0x3000, b"dev\0");
    assert_eq!(
        line(
            NR_PIPE2,
            [0x1000, 0o2004000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "pipe2([3, 4], O_NONBLOCK|O_CLOEXEC)     = 0"
    );
    assert_eq!(
        line(NR_PIPE2, [0, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "pipe2(NULL, 0)                          = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_PIPE2, [0x8, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "pipe2(0x8, 0)                           = 0"
    );
    // Flags by the whole open-flags table, unknown bits in hex (the access mode has none).
    assert_eq!(
        line(
            NR_PIPE2,
            [0x8, 0o4276, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "pipe2(0x8, O_EXCL|O_NONBLOCK|0x3e)      = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_DUP3,
            [2, 9, 0o2001000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "dup3(2, 9, O_TRUNC|O_CLOEXEC)           = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_GETCWD, [0x2000, 4096, 0, 0, 0, 0], &mem, Outcome::Ok(5)),
        "getcwd(\"/tmp\", 4096)                    = 5"
    );
    // The path is shown up to the length returned, less its NUL (strace's printpathn with
    // `rval - 1`): bytes poked over it after the kernel wrote it show cut.
    assert_eq!(
        line(NR_GETCWD, [0x2000, 4096, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        "getcwd(\"/t\"..., 4096)                   = 3"
    );
    assert_eq!(
        line(NR_GETCWD, [0x2000, 4096, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "getcwd(\"/tmp\", 4096)                    = 0"
    );
    assert_eq!(
        line(NR_GETCWD, [0x2000, 2, 0, 0, 0, 0], &mem, Outcome::Err(34)),
        "getcwd(0x2000, 2)                       = -1 ERANGE (Numerical result out of range)"
    );
    assert_eq!(
        line(
            NR_CHOWN,
            [0x3000, 0xffff_ffff, 1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "chown(\"dev\", -1, 1000)                  = 0"
    );
    assert_eq!(
        line(
            NR_MKNODAT,
            [AT_FDCWD, 0x3000, 0o20600, 0x103, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mknodat(AT_FDCWD, \"dev\", S_IFCHR|0600, makedev(0x1, 0x3)) = 0"
    );
    assert_eq!(
        line(
            NR_MKNODAT,
            [AT_FDCWD, 0x3000, 0o600, 0x103, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mknodat(AT_FDCWD, \"dev\", 0600)          = 0"
    );
}

#[test]
fn sendfile_offset_update() {
    let off = words(&[7]);
    let mem = FakeMemory::new().with(0x1000, &off);
    assert_eq!(
        line(NR_SENDFILE, [4, 3, 0x1000, 5, 0, 0], &mem, Outcome::Ok(5)),
        "sendfile(4, 3, [7] => [7], 5)           = 5"
    );
    assert_eq!(
        line(NR_SENDFILE, [4, 3, 0x1000, 5, 0, 0], &mem, Outcome::Ok(0)),
        "sendfile(4, 3, [7], 5)                  = 0"
    );
    assert_eq!(
        line(
            NR_SENDFILE,
            [99, 3, 0x1000, 5, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "sendfile(99, 3, [7], 5)                 = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_SENDFILE, [1, 3, 0, 4096, 0, 0], &mem, Outcome::Ok(100)),
        "sendfile(1, 3, NULL, 4096)              = 100"
    );
    assert_eq!(
        line(
            NR_SENDFILE,
            [4, 3, BAD, 5, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "sendfile(4, 3, 0x9000, 5)               = -1 EFAULT (Bad address)"
    );
}

#[test]
fn transfer_calls() {
    let offs = words(&[3, -1i64 as u64]);
    let mem = FakeMemory::new().with(0x1000, &offs);
    assert_eq!(
        line(
            NR_COPY_FILE_RANGE,
            [3, 0x1000, 4, 0x1008, 4, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "copy_file_range(3, [3], 4, [-1], 4, 0)  = 4"
    );
    assert_eq!(
        line(
            NR_COPY_FILE_RANGE,
            [3, 0, 4, BAD, 4, 5],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "copy_file_range(3, NULL, 4, 0x9000, 4, 5) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_SPLICE, [3, 0x1000, 6, 0, 3, 5], &mem, Outcome::Ok(3)),
        "splice(3, [3], 6, NULL, 3, SPLICE_F_MOVE|SPLICE_F_MORE) = 3"
    );
    assert_eq!(
        line(NR_SPLICE, [5, 0, 4, 0, 3, 0x10], &mem, Outcome::Err(EINVAL)),
        "splice(5, NULL, 4, NULL, 3, 0x10 /* SPLICE_F_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_TEE, [5, 8, 10, 0x1a, 0, 0], &mem, Outcome::Err(EINVAL)),
        "tee(5, 8, 10, SPLICE_F_NONBLOCK|SPLICE_F_GIFT|0x10) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SYNC_FILE_RANGE,
            [3, -1i64 as u64, 100, 7, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "sync_file_range(3, -1, 100, SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE|SYNC_FILE_RANGE_WAIT_AFTER) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SYNC_FILE_RANGE,
            [3, 0, 0, 8, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "sync_file_range(3, 0, 0, 0x8 /* SYNC_FILE_RANGE_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_READAHEAD, [3, 0, 4096, 0, 0, 0], &mem, Outcome::Ok(0)),
        "readahead(3, 0, 4096)                   = 0"
    );
}

#[test]
fn flags_as_strace_tables_them() {
    let mem = FakeMemory::new().with(0x1000, b"f1\0");
    // Every *at call's AT_* flags with the whole table, known bits named.
    assert_eq!(
        line(
            263,
            [AT_FDCWD, 0x1000, 0x55e4_6162, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "unlinkat(AT_FDCWD, \"f1\", AT_SYMLINK_NOFOLLOW|0x55e46062) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            263,
            [AT_FDCWD, 0x1000, 0x3e3, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "unlinkat(AT_FDCWD, \"f1\", AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|0xe3) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            316,
            [AT_FDCWD, 0x1000, AT_FDCWD, 0x1000, 0x10, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "renameat2(AT_FDCWD, \"f1\", AT_FDCWD, \"f1\", 0x10 /* RENAME_?? */) = -1 EINVAL (Invalid argument)"
    );
    // LOCK_RW (LOCK_READ|LOCK_WRITE) by its own name.
    assert_eq!(
        line(73, [3, 0xd2, 0, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "flock(3, LOCK_EX|LOCK_RW|0x10)          = -1 EINVAL (Invalid argument)"
    );
    // fadvise64's length is unsigned, its offset signed.
    assert_eq!(
        line(221, [3, u64::MAX, u64::MAX, 4, 0, 0], &mem, Outcome::Ok(0)),
        "fadvise64(3, -1, 18446744073709551615, POSIX_FADV_DONTNEED) = 0"
    );
}

#[test]
fn fcntl_arguments_by_width() {
    let mem = FakeMemory::new();
    let hi = 0xabc0_0001_0000_0000u64;
    let fcntl = |cmd: u64, arg: u64| line(NR_FCNTL, [99, cmd, arg, 0, 0, 0], &mem, Outcome::Err(9));
    // Read as an int: the flags, the signal, the owner.
    assert_eq!(
        fcntl(2, hi | 1),
        "fcntl(99, F_SETFD, FD_CLOEXEC)          = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        fcntl(2, 8),
        "fcntl(99, F_SETFD, 0x8 /* FD_??? */)    = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        fcntl(10, hi | 10),
        "fcntl(99, F_SETSIG, SIGUSR1)            = -1 EBADF (Bad file descriptor)"
    );
    // Read whole: the lowest new descriptor, the pipe size, notify flags, lease, seals.
    assert_eq!(
        fcntl(0, hi | 8),
        "fcntl(99, F_DUPFD, -6070852293400461304) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        fcntl(1031, hi | 1),
        "fcntl(99, F_SETPIPE_SZ, -6070852293400461311) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        fcntl(1026, hi | 1),
        "fcntl(99, F_NOTIFY, DN_ACCESS|0xabc0000100000000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        fcntl(1024, hi | 1),
        "fcntl(99, F_SETLEASE, 0xabc0000100000001 /* F_??? */) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        fcntl(1033, hi | 1),
        "fcntl(99, F_ADD_SEALS, F_SEAL_SEAL|0xabc0000100000000) = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn openat2_open_how() {
    const NR_OPENAT2: u64 = 437;
    let how = |flags: u64, mode: u64, resolve: u64, extra: &[u8]| {
        let mut b = words(&[flags, mode, resolve]);
        b.extend_from_slice(extra);
        b
    };
    let mem = FakeMemory::new()
        .with(0x1000, b"f\0")
        .with(0x2000, &how(0o200, 0, 0, &[0; 8]))
        .with(
            0x3000,
            &how(0o101, 0o777, 1, &[0x80, 0x81, 0, 0, 0, 0, 0, 0x87]),
        )
        .with(
            0x4000,
            &how(0x3 | 0o20200000, 0, 0xdec0_dedb_eeff_ffc0, &[]),
        )
        .with(0x5fe8, &how(0xdead_face_8000_0000, 0o777, 0x3f, &[]));
    let open = |how: u64, size: u64, o: DecodeOpts| {
        line_opts(
            NR_OPENAT2,
            [-1i64 as u64, 0x1000, how, size, 0, 0],
            &mem,
            Outcome::Err(EBADF),
            o,
        )
    };
    let d = DecodeOpts::default();
    assert_eq!(
        open(0x2000, 24, d),
        "openat2(-1, \"f\", {flags=O_RDONLY|O_EXCL, resolve=0}, 24) = -1 EBADF (Bad file descriptor)"
    );
    // Zero bytes past the known fields show nothing; others show in hex, up to -s of them.
    assert_eq!(
        open(0x2000, 32, d),
        "openat2(-1, \"f\", {flags=O_RDONLY|O_EXCL, resolve=0}, 32) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        open(0x3000, 32, d),
        "openat2(-1, \"f\", {flags=O_WRONLY|O_CREAT, mode=0777, resolve=RESOLVE_NO_XDEV, /* bytes 24..31 */ \"\\x80\\x81\\x00\\x00\\x00\\x00\\x00\\x87\"}, 32) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        open(0x3000, 32, opts(false, true, 2)),
        "openat2(-1, \"f\", {flags=O_WRONLY|O_CREAT, mode=0777, resolve=RESOLVE_NO_XDEV, /* bytes 24..31 */ \"\\x80\\x81\"...}, 32) = -1 EBADF (Bad file descriptor)"
    );
    // O_TMPFILE wants a mode (shown though zero); unknown resolve bits.
    assert_eq!(
        open(0x4000, 24, d),
        "openat2(-1, \"f\", {flags=O_ACCMODE|O_TMPFILE, mode=000, resolve=0xdec0dedbeeffffc0 /* RESOLVE_??? */}, 24) = -1 EBADF (Bad file descriptor)"
    );
    // Bytes past the struct that cannot be read; a struct too small for the kernel.
    assert_eq!(
        open(0x5fe8, 32, d),
        "openat2(-1, \"f\", {flags=O_RDONLY|0xdeadface80000000, mode=0777, resolve=RESOLVE_NO_XDEV|RESOLVE_NO_MAGICLINKS|RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH|RESOLVE_IN_ROOT|RESOLVE_CACHED, ???}, 32) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        open(0x2000, 11, d),
        "openat2(-1, \"f\", 0x2000, 11)            = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        open(0x2000, 24, opts(true, false, 32)),
        "openat2(-1, \"f\", 0x2000, 24)            = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn fanotify_lines() {
    const NR_INOTIFY_INIT: u64 = 253;
    const NR_FANOTIFY_INIT: u64 = 300;
    const NR_FANOTIFY_MARK: u64 = 301;
    let mem = FakeMemory::new().with(0x1000, b"/tmp\0");
    let init = |flags: u64, f_flags: u64| {
        line(
            NR_FANOTIFY_INIT,
            [flags, f_flags, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL),
        )
    };
    let err = " = -1 EINVAL (Invalid argument)";
    assert_eq!(
        line(
            NR_FANOTIFY_INIT,
            [0xffff_ffff_0000_0000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) = 3"
    );
    assert_eq!(
        init(0xc, 0xdead_beef_8000_0001),
        format!("fanotify_init(0xc /* FAN_CLASS_??? */, O_WRONLY|0x80000000){err}")
    );
    assert_eq!(
        init(0xdec0_dedd_efac_e004, 0),
        format!("fanotify_init(FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_RDONLY){err}")
    );
    assert_eq!(
        init(u64::MAX, 0o2000000),
        format!(
            "fanotify_init(0xc /* FAN_CLASS_??? */|FAN_CLOEXEC|FAN_NONBLOCK|FAN_UNLIMITED_QUEUE|FAN_UNLIMITED_MARKS|FAN_ENABLE_AUDIT|FAN_REPORT_PIDFD|FAN_REPORT_TID|FAN_REPORT_FID|FAN_REPORT_DIR_FID|FAN_REPORT_NAME|FAN_REPORT_TARGET_FID|0xffffe000, O_RDONLY|O_CLOEXEC){err}"
        )
    );
    let mark = |style, dirfd: u64| {
        line_styled(
            style,
            NR_FANOTIFY_MARK,
            [3, 0x41, 0x4000_0002, dirfd, 0x1000, 0],
            &mem,
            Outcome::Err(EINVAL),
        )
    };
    let nofd = -1i64 as u64;
    assert_eq!(
        mark(ConstStyle::Abbrev, nofd),
        format!(
            "fanotify_mark(3, FAN_MARK_ADD|FAN_MARK_IGNORED_SURV_MODIFY, FAN_MODIFY|FAN_ONDIR, FAN_NOFD, \"/tmp\"){err}"
        )
    );
    assert_eq!(
        mark(ConstStyle::Verbose, nofd),
        format!(
            "fanotify_mark(3, 0x41 /* FAN_MARK_ADD|FAN_MARK_IGNORED_SURV_MODIFY */, 0x40000002 /* FAN_MODIFY|FAN_ONDIR */, -1 /* FAN_NOFD */, \"/tmp\"){err}"
        )
    );
    assert_eq!(
        mark(ConstStyle::Raw, AT_FDCWD),
        format!("fanotify_mark(3, 0x41, 0x40000002, -100, \"/tmp\"){err}")
    );
    assert_eq!(
        mark(ConstStyle::Verbose, AT_FDCWD),
        format!(
            "fanotify_mark(3, 0x41 /* FAN_MARK_ADD|FAN_MARK_IGNORED_SURV_MODIFY */, 0x40000002 /* FAN_MODIFY|FAN_ONDIR */, -100 /* AT_FDCWD */, \"/tmp\"){err}"
        )
    );
    // The 64-bit mask, the directory as an int (its upper half ignored).
    assert_eq!(
        line(
            NR_FANOTIFY_MARK,
            [
                0xdead_feed_1234_5678,
                0xeface800,
                0xffff_ffff_a7f0_2000,
                0xdeb0_d1ed_ffff_ff9c,
                BAD,
                0
            ],
            &mem,
            Outcome::Err(EINVAL)
        ),
        format!(
            "fanotify_mark(305419896, 0xeface800 /* FAN_MARK_??? */, 0xffffffffa7f02000 /* FAN_??? */, AT_FDCWD, 0x9000){err}"
        )
    );
    assert_eq!(
        line(NR_INOTIFY_INIT, [0; 6], &mem, Outcome::Ok(3)),
        "inotify_init()                          = 3"
    );
}

#[test]
fn descriptor_calls_with_plain_flags() {
    const NR_LOOKUP_DCOOKIE: u64 = 212;
    const NR_USERFAULTFD: u64 = 323;
    const NR_PIDFD_GETFD: u64 = 438;
    const NR_MEMFD_SECRET: u64 = 447;
    const NR_PROCESS_MRELEASE: u64 = 448;
    const ENOSYS: u64 = 38;
    let mem = FakeMemory::new().with(0x1000, b"/tmp/dcookie\0");
    assert_eq!(
        line(NR_USERFAULTFD, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        "userfaultfd(0)                          = 3"
    );
    assert_eq!(
        line(
            NR_USERFAULTFD,
            [u64::MAX, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "userfaultfd(UFFD_USER_MODE_ONLY|O_NONBLOCK|O_CLOEXEC|0xfff7f7fe) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_USERFAULTFD,
            [0x2, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "userfaultfd(0x2 /* UFFD_??? */)         = -1 EINVAL (Invalid argument)"
    );
    // memfd_secret's table names no unknown bits: they show bare.
    assert_eq!(
        line(
            NR_MEMFD_SECRET,
            [0xbeef_cafe_0008_0000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "memfd_secret(O_CLOEXEC)                 = 4"
    );
    assert_eq!(
        line(
            NR_MEMFD_SECRET,
            [0xde97_face, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "memfd_secret(0xde97face)                = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_PROCESS_MRELEASE,
            [0xbadc_0ded_ffff_ffff, 0xbadc_0ded_face_feed, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "process_mrelease(-1, 0xfacefeed)        = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_PIDFD_GETFD,
            [
                0xdefa_ced0_0000_0005,
                0xdefa_ced0_0000_0005,
                0xdefa_ced0_badc_0ded,
                0,
                0,
                0
            ],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "pidfd_getfd(5, 5, 0xbadc0ded)           = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_LOOKUP_DCOOKIE,
            [0xf157_feed_dead_face, 0x1000, 4096, 0, 0, 0],
            &mem,
            Outcome::Ok(12)
        ),
        "lookup_dcookie(17390648783711107790, \"/tmp/dcookie\", 4096) = 12"
    );
    assert_eq!(
        line(
            NR_LOOKUP_DCOOKIE,
            [0, 0x1000, 4096, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        "lookup_dcookie(0, 0x1000, 4096)         = -1 ENOSYS (Function not implemented)"
    );
}
