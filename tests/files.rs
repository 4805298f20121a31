//! End-to-end tests of the file and descriptor decoders: `tests/helpers/h_files.c`
//! traced by `strace-rs`, every line after the marker asserted exactly.
//!
//! The expected lines were taken from Debian's strace 6.1 on x86_64 running the same
//! helper, masked with `common::mask`. The `statx` results name the file system's
//! `stx_mask` as the kernel reports it for a file under the temporary directory.

mod common;

use common::*;

#[test]
fn files_and_descriptors() {
    let (_dir, run) = trace_helper(STRACE_RS, &[], "h_files", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    assert_eq!(run.stderr, "", "strace-rs wrote to stderr with -o");
    assert_lines(
        &masked_after_marker(&run),
        &[
            r#"openat(AT_FDCWD, "/dev/ptmx", O_RDWR|O_NOCTTY) = 3"#,
            r#"ioctl(3, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(3, SNDCTL_TMR_START or TCSETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(3, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(-1, SNDCTL_TMR_CONTINUE or TCSETSF, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...}) = -1 EBADF (Bad file descriptor)"#,
            r#"ioctl(-1, SNDCTL_TMR_START or TCSETS, {c_iflag=IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|IGNCR|ICRNL|IUCLC|IXON|IXANY|IXOFF|IMAXBEL|IUTF8|0xffff8000, c_oflag=NL1|CR3|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR|OCRNL|ONOCR|ONLRET|OFILL|OFDEL|0xffff0000, c_cflag=B4000000|B4000000<<IBSHIFT|CS8|CSTOPB|CREAD|PARENB|PARODD|HUPCL|CLOCAL|CMSPAR|CRTSCTS|0x2ff0e000, c_lflag=ISIG|ICANON|XCASE|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|IEXTEN|ECHOCTL|ECHOPRT|ECHOKE|FLUSHO|PENDIN|TOSTOP|EXTPROC|0xfffe2000, ...}) = -1 EBADF (Bad file descriptor)"#,
            r#"ioctl(3, TIOCGWINSZ, {ws_row=0, ws_col=0, ws_xpixel=0, ws_ypixel=0}) = 0"#,
            r#"ioctl(3, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0"#,
            r#"ioctl(3, TIOCGPGRP, [0])                = 0"#,
            r#"ioctl(3, TIOCSPGRP, [0])                = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(3, FIONREAD, [0])                 = 0"#,
            r#"ioctl(3, FIONBIO, [1])                  = 0"#,
            r#"ioctl(3, FIOCLEX)                       = 0"#,
            r#"ioctl(3, FIONCLEX)                      = 0"#,
            r#"ioctl(3, TCFLSH, TCIFLUSH)              = 0"#,
            r#"ioctl(3, TCXONC, TCOON)                 = 0"#,
            r#"ioctl(3, TCSBRK, 1)                     = 0"#,
            r#"ioctl(3, TCGETS, NULL)                  = -1 EFAULT (Bad address)"#,
            r#"ioctl(3, TCGETS, 0x8)                   = -1 EFAULT (Bad address)"#,
            r#"ioctl(0, TCGETS, 0xADDR)                = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(0, TIOCGWINSZ, 0xADDR)            = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(0, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(0, _IOC(_IOC_READ, 0x54, 0x99, 0x4), 0) = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(0, HIDIOCGRDESCSIZE or HIDIOCGVERSION, 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(0, HIDIOCGPHYS(8), 0x1000)        = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"ioctl(0, MIXER_READ(13) or OTPSELECT, [MTD_OTP_USER]) = -1 ENOTTY (Inappropriate ioctl for device)"#,
            r#"openat(AT_FDCWD, "file", O_WRONLY|O_CREAT|O_EXCL, 0640) = 4"#,
            r#"write(4, "0123456789", 10)              = 10"#,
            r#"statx(AT_FDCWD, "file", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_MODE|STATX_SIZE, {stx_mask=STATX_TYPE|STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_ATIME|STATX_INO|STATX_SIZE|STATX_BLOCKS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0640, stx_size=10, ...}) = 0"#,
            r#"statx(4, "", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0640, stx_size=10, ...}) = 0"#,
            r#"statx(AT_FDCWD, "missing", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0xADDR) = -1 ENOENT (No such file or directory)"#,
            r#"statx(AT_FDCWD, "file", AT_STATX_SYNC_AS_STAT|0x10000, 0x80000000 /* STATX_??? */, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"statfs("missing", 0xADDR)               = -1 ENOENT (No such file or directory)"#,
            r#"fstatfs(4, NULL)                        = -1 EFAULT (Bad address)"#,
            r#"fstatfs(-1, 0xADDR)                     = -1 EBADF (Bad file descriptor)"#,
            r#"openat(AT_FDCWD, ".", O_RDONLY|O_DIRECTORY) = 5"#,
            r#"getdents64(5, 0xADDR /* 4 entries */, 4096) = 96"#,
            r#"getdents64(5, 0xADDR /* 0 entries */, 4096) = 0"#,
            r#"getdents64(99, 0xADDR, 4096)            = -1 EBADF (Bad file descriptor)"#,
            r#"getdents64(5, NULL /* 0 entries */, 10) = 0"#,
            r#"readlink("link", "target-of-link", 4096) = 14"#,
            r#"readlink("link", "target", 6)           = 6"#,
            r#"readlink("missing", 0xADDR, 4096)       = -1 ENOENT (No such file or directory)"#,
            r#"readlinkat(AT_FDCWD, "link", "target-of-link", 4096) = 14"#,
            r#"getcwd(0xADDR, 2)                       = -1 ERANGE (Numerical result out of range)"#,
            r#"getcwd(NULL, 100)                       = -1 EFAULT (Bad address)"#,
            r#"pipe([6, 7])                            = 0"#,
            r#"pipe2([8, 9], O_NONBLOCK|O_CLOEXEC)     = 0"#,
            r#"pipe2(NULL, 0)                          = -1 EFAULT (Bad address)"#,
            r#"pipe2(0xADDR, 0x1 /* O_??? */)          = -1 EINVAL (Invalid argument)"#,
            r#"dup3(6, 10, O_CLOEXEC)                  = 10"#,
            r#"dup3(6, 11, 0)                          = 11"#,
            r#"dup3(6, 11, 0x1 /* O_??? */)            = -1 EINVAL (Invalid argument)"#,
            r#"fcntl(6, F_GETFD)                       = 0"#,
            r#"fcntl(10, F_GETFD)                      = 0x1 (flags FD_CLOEXEC)"#,
            r#"fcntl(6, F_SETFD, FD_CLOEXEC)           = 0"#,
            r#"fcntl(6, F_SETFD, FD_CLOEXEC|0x2)       = 0"#,
            r#"fcntl(6, F_GETFL)                       = 0 (flags O_RDONLY)"#,
            r#"fcntl(4, F_GETFL)                       = 0x8001 (flags O_WRONLY|O_LARGEFILE)"#,
            r#"fcntl(6, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0"#,
            r#"fcntl(6, F_SETFL, O_RDONLY)             = 0"#,
            r#"fcntl(6, F_DUPFD, 20)                   = 20"#,
            r#"fcntl(6, F_DUPFD_CLOEXEC, 30)           = 30"#,
            r#"fcntl(4, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20}) = 0"#,
            r#"fcntl(4, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=10, l_len=20, l_pid=0}) = 0"#,
            r#"fcntl(4, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=10, l_len=20, l_pid=0}) = 0"#,
            r#"fcntl(4, F_OFD_SETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=10, l_len=20}) = 0"#,
            r#"fcntl(4, F_SETLK, NULL)                 = -1 EFAULT (Bad address)"#,
            r#"fcntl(4, F_GETLK, 0x8)                  = -1 EFAULT (Bad address)"#,
            r#"fcntl(4, F_SETSIG, SIGUSR1)             = 0"#,
            r#"fcntl(4, F_GETSIG)                      = 10 (SIGUSR1)"#,
            r#"fcntl(4, F_GETLEASE)                    = 0x2 (F_UNLCK)"#,
            r#"fcntl(6, F_GETPIPE_SZ)                  = 65536"#,
            r#"fcntl(4, 0x4d2 /* F_??? */, 0x5)        = -1 EINVAL (Invalid argument)"#,
            r#"fcntl(-1, F_GETFD)                      = -1 EBADF (Bad file descriptor)"#,
            r#"close_range(50, 4294967295, 0)          = 0"#,
            r#"close_range(50, 60, CLOSE_RANGE_CLOEXEC) = 0"#,
            r#"close_range(50, 60, 0x8 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"flock(4, LOCK_EX|LOCK_NB)               = 0"#,
            r#"flock(4, LOCK_UN)                       = 0"#,
            r#"flock(4, 0)                             = -1 EINVAL (Invalid argument)"#,
            r#"mkdirat(AT_FDCWD, "d", 0750)            = 0"#,
            r#"mkdirat(AT_FDCWD, "d", 0750)            = -1 EEXIST (File exists)"#,
            r#"unlinkat(AT_FDCWD, "d", AT_REMOVEDIR)   = 0"#,
            r#"unlinkat(AT_FDCWD, "missing", 0)        = -1 ENOENT (No such file or directory)"#,
            r#"unlinkat(AT_FDCWD, "missing", 0x1 /* AT_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"mknodat(AT_FDCWD, "fifo", S_IFIFO|0644) = 0"#,
            r#"mknod("fifo2", S_IFIFO|S_ISUID|0644)    = 0"#,
            r#"symlink("target", "sl")                 = 0"#,
            r#"symlinkat("target", AT_FDCWD, "sl2")    = 0"#,
            r#"link("file", "hl")                      = 0"#,
            r#"linkat(AT_FDCWD, "file", AT_FDCWD, "hl2", AT_SYMLINK_FOLLOW) = 0"#,
            r#"rename("hl", "hl3")                     = 0"#,
            r#"renameat(AT_FDCWD, "hl3", AT_FDCWD, "hl4") = 0"#,
            r#"renameat2(AT_FDCWD, "hl4", AT_FDCWD, "hl2", RENAME_NOREPLACE) = -1 EEXIST (File exists)"#,
            r#"renameat2(AT_FDCWD, "hl4", AT_FDCWD, "hl5", RENAME_WHITEOUT|0x8) = -1 EINVAL (Invalid argument)"#,
            r#"fchmodat(AT_FDCWD, "file", 0600)        = 0"#,
            r#"chown("file", -1, -1)                   = 0"#,
            r#"lchown("file", -1, -1)                  = 0"#,
            r#"fchown(4, -1, -1)                       = 0"#,
            r#"fchownat(AT_FDCWD, "file", -1, -1, AT_SYMLINK_NOFOLLOW) = 0"#,
            r#"truncate("file", 100)                   = 0"#,
            r#"ftruncate(4, 5)                         = 0"#,
            r#"truncate("missing", 18446744073709551615) = -1 EINVAL (Invalid argument)"#,
            r#"ftruncate(4, 18446744073709551615)      = -1 EINVAL (Invalid argument)"#,
            r#"epoll_create1(EPOLL_CLOEXEC)            = 12"#,
            r#"epoll_create1(0x1 /* EPOLL_??? */)      = -1 EINVAL (Invalid argument)"#,
            r#"epoll_create(10)                        = 13"#,
            r#"eventfd2(0, EFD_CLOEXEC|EFD_NONBLOCK)   = 14"#,
            r#"eventfd2(5, EFD_SEMAPHORE)              = 15"#,
            r#"eventfd2(5, 0x2 /* EFD_??? */)          = -1 EINVAL (Invalid argument)"#,
            r#"inotify_init1(IN_NONBLOCK|IN_CLOEXEC)   = 16"#,
            r#"inotify_init1(0x1 /* IN_??? */)         = -1 EINVAL (Invalid argument)"#,
            r#"inotify_add_watch(16, "missing", IN_MODIFY|IN_CREATE|IN_DELETE|IN_ONLYDIR) = -1 ENOENT (No such file or directory)"#,
            r#"inotify_add_watch(16, ".", IN_ACCESS|IN_MODIFY|IN_ATTRIB|IN_CLOSE_WRITE|IN_CLOSE_NOWRITE|IN_OPEN|IN_MOVED_FROM|IN_MOVED_TO|IN_CREATE|IN_DELETE|IN_DELETE_SELF|IN_MOVE_SELF) = 1"#,
            r#"inotify_add_watch(16, ".", 0)           = -1 EINVAL (Invalid argument)"#,
            r#"inotify_rm_watch(16, 99)                = -1 EINVAL (Invalid argument)"#,
            r#"memfd_create("name", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 17"#,
            r#"memfd_create("name", 0x100 /* MFD_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"fallocate(4, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 0, 4096) = 0"#,
            r#"fallocate(99, 0, 0, 4096)               = -1 EBADF (Bad file descriptor)"#,
            r#"syncfs(4)                               = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// The same helper under both tracers, when the real strace is installed.
#[test]
fn files_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let (_d1, want) = trace_helper(REAL_STRACE, &[], "h_files", &[]);
    let (_d2, got) = trace_helper(STRACE_RS, &[], "h_files", &[]);
    assert_lines(&masked_after_marker(&got), &masked_after_marker(&want));
}
