/* File and descriptor calls: ioctl on a pty and a non-tty, statx, statfs,
 * getdents64, readlink, getcwd, pipe/pipe2, dup3, fcntl, close_range, flock,
 * the *at path calls, chown, truncate, epoll_create1, eventfd2, inotify,
 * memfd_create, fallocate. Everything here is independent of the
 * machine: no pty numbers, no free-space counts, no absolute paths. */
#include "helper.h"
#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <sys/ioctl.h>
#include <linux/stat.h>
#include <string.h>
#include <sys/sysmacros.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#endif
#define RENAME_NOREPLACE 1
#define RENAME_WHITEOUT 4
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

struct flock64_raw { short l_type, l_whence; long l_start, l_len; int l_pid, pad; };

int main(int argc, char **argv)
{
	struct termios t;
	struct winsize ws;
	struct statx sx;
	char buf[4096];
	char sfs[120];
	int n = 0, p[2];
	struct flock64_raw fl = { 1, 0, 10, 20, 0, 0 };

	setup(argc, argv);
	if (symlink("target-of-link", "link") != 0)
		_exit(102);
	begin_marker();

	/* ioctl: a pty master (3), then stdin, which is /dev/null */
	syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY); /* 3 */
	syscall(SYS_ioctl, 3, TCGETS, &t);
	syscall(SYS_ioctl, 3, TCSETS, &t);
	syscall(SYS_ioctl, 3, TCSETSW, &t);
	memset(&t, 0, sizeof t);
	syscall(SYS_ioctl, -1, TCSETSF, &t);
	memset(&t, 0xff, sizeof t);
	syscall(SYS_ioctl, -1, TCSETS, &t);
	syscall(SYS_ioctl, 3, TIOCGWINSZ, &ws);
	ws.ws_row = 24; ws.ws_col = 80;
	syscall(SYS_ioctl, 3, TIOCSWINSZ, &ws);
	syscall(SYS_ioctl, 3, TIOCGPGRP, &n);
	syscall(SYS_ioctl, 3, TIOCSPGRP, &n);
	syscall(SYS_ioctl, 3, FIONREAD, &n);
	n = 1;
	syscall(SYS_ioctl, 3, FIONBIO, &n);
	syscall(SYS_ioctl, 3, FIOCLEX);
	syscall(SYS_ioctl, 3, FIONCLEX);
	syscall(SYS_ioctl, 3, TCFLSH, 0);
	syscall(SYS_ioctl, 3, TCXONC, 1);
	syscall(SYS_ioctl, 3, TCSBRK, 1);
	syscall(SYS_ioctl, 3, TCGETS, NULL);
	syscall(SYS_ioctl, 3, TCGETS, 8);
	syscall(SYS_ioctl, 0, TCGETS, &t);
	syscall(SYS_ioctl, 0, TIOCGWINSZ, &ws);
	syscall(SYS_ioctl, 0, 0x12345678, 0x1000);
	syscall(SYS_ioctl, 0, 0x80045499, 0);
	/* other families: HIDIOCGVERSION and HIDIOCGRDESCSIZE share a code, HIDIOCGPHYS(8)
	 * names its size, _IOR('M', 13, int) is MIXER_READ(13) and MTD's OTPSELECT */
	syscall(SYS_ioctl, 0, 0x80044801, 0x1000);
	syscall(SYS_ioctl, 0, 0x80084812, 0x1000);
	n = 2;
	syscall(SYS_ioctl, 0, 0x80044d0d, &n);

	/* statx, statfs, getdents64 */
	syscall(SYS_openat, AT_FDCWD, "file", O_WRONLY | O_CREAT | O_EXCL, 0640); /* 4 */
	syscall(SYS_write, 4, "0123456789", 10);
	syscall(SYS_statx, AT_FDCWD, "file", AT_STATX_SYNC_AS_STAT | AT_SYMLINK_NOFOLLOW, STATX_MODE | STATX_SIZE, &sx);
	syscall(SYS_statx, 4, "", AT_EMPTY_PATH | AT_STATX_DONT_SYNC, STATX_BASIC_STATS | STATX_BTIME, &sx);
	syscall(SYS_statx, AT_FDCWD, "missing", 0, STATX_ALL, &sx);
	syscall(SYS_statx, AT_FDCWD, "file", 0x10000, 0x80000000, NULL);
	syscall(SYS_statfs, "missing", sfs);
	syscall(SYS_fstatfs, 4, NULL);
	syscall(SYS_fstatfs, -1, sfs);
	syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY); /* 5 */
	syscall(SYS_getdents64, 5, buf, sizeof buf);
	syscall(SYS_getdents64, 5, buf, sizeof buf);
	syscall(SYS_getdents64, 99, buf, sizeof buf);
	syscall(SYS_getdents64, 5, NULL, 10);

	/* readlink, getcwd */
	syscall(SYS_readlink, "link", buf, sizeof buf);
	syscall(SYS_readlink, "link", buf, 6);
	syscall(SYS_readlink, "missing", buf, sizeof buf);
	syscall(SYS_readlinkat, AT_FDCWD, "link", buf, sizeof buf);
	syscall(SYS_getcwd, buf, 2);
	syscall(SYS_getcwd, NULL, 100);

	/* pipes, dup3, fcntl, close_range, flock */
	syscall(SYS_pipe, p);                        /* 6, 7 */
	syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK); /* 8, 9 */
	syscall(SYS_pipe2, NULL, 0);
	syscall(SYS_pipe2, p, 0x1);
	syscall(SYS_dup3, 6, 10, O_CLOEXEC);
	syscall(SYS_dup3, 6, 11, 0);
	syscall(SYS_dup3, 6, 11, 1);
	syscall(SYS_fcntl, 6, F_GETFD);
	syscall(SYS_fcntl, 10, F_GETFD);
	syscall(SYS_fcntl, 6, F_SETFD, FD_CLOEXEC);
	syscall(SYS_fcntl, 6, F_SETFD, 3);
	syscall(SYS_fcntl, 6, F_GETFL);
	syscall(SYS_fcntl, 4, F_GETFL);
	syscall(SYS_fcntl, 6, F_SETFL, O_NONBLOCK | O_APPEND);
	syscall(SYS_fcntl, 6, F_SETFL, 0);
	syscall(SYS_fcntl, 6, F_DUPFD, 20);
	syscall(SYS_fcntl, 6, F_DUPFD_CLOEXEC, 30);
	syscall(SYS_fcntl, 4, F_SETLK, &fl);
	syscall(SYS_fcntl, 4, F_GETLK, &fl);
	syscall(SYS_fcntl, 4, F_OFD_GETLK, &fl);
	syscall(SYS_fcntl, 4, F_OFD_SETLK, &fl);
	syscall(SYS_fcntl, 4, F_SETLK, NULL);
	syscall(SYS_fcntl, 4, F_GETLK, 8);
	syscall(SYS_fcntl, 4, F_SETSIG, 10);
	syscall(SYS_fcntl, 4, F_GETSIG);
	syscall(SYS_fcntl, 4, F_GETLEASE);
	syscall(SYS_fcntl, 6, F_GETPIPE_SZ);
	syscall(SYS_fcntl, 4, 1234, 5);
	syscall(SYS_fcntl, -1, F_GETFD);
	syscall(SYS_close_range, 50, ~0U, 0);
	syscall(SYS_close_range, 50, 60, 4);
	syscall(SYS_close_range, 50, 60, 8);
	syscall(SYS_flock, 4, LOCK_EX | LOCK_NB);
	syscall(SYS_flock, 4, LOCK_UN);
	syscall(SYS_flock, 4, 0);

	/* path calls */
	syscall(SYS_mkdirat, AT_FDCWD, "d", 0750);
	syscall(SYS_mkdirat, AT_FDCWD, "d", 0750);
	syscall(SYS_unlinkat, AT_FDCWD, "d", AT_REMOVEDIR);
	syscall(SYS_unlinkat, AT_FDCWD, "missing", 0);
	syscall(SYS_unlinkat, AT_FDCWD, "missing", 0x1);
	syscall(SYS_mknodat, AT_FDCWD, "fifo", S_IFIFO | 0644, 0);
	syscall(SYS_mknod, "fifo2", S_IFIFO | S_ISUID | 0644, 0);
	syscall(SYS_symlink, "target", "sl");
	syscall(SYS_symlinkat, "target", AT_FDCWD, "sl2");
	syscall(SYS_link, "file", "hl");
	syscall(SYS_linkat, AT_FDCWD, "file", AT_FDCWD, "hl2", AT_SYMLINK_FOLLOW);
	syscall(SYS_rename, "hl", "hl3");
	syscall(SYS_renameat, AT_FDCWD, "hl3", AT_FDCWD, "hl4");
	syscall(SYS_renameat2, AT_FDCWD, "hl4", AT_FDCWD, "hl2", RENAME_NOREPLACE);
	syscall(SYS_renameat2, AT_FDCWD, "hl4", AT_FDCWD, "hl5", RENAME_WHITEOUT | 8);
	syscall(SYS_fchmodat, AT_FDCWD, "file", 0600);
	syscall(SYS_chown, "file", -1, -1);
	syscall(SYS_lchown, "file", -1, -1);
	syscall(SYS_fchown, 4, -1, -1);
	syscall(SYS_fchownat, AT_FDCWD, "file", -1, -1, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_truncate, "file", 100L);
	syscall(SYS_ftruncate, 4, 5L);
	syscall(SYS_truncate, "missing", -1L);
	syscall(SYS_ftruncate, 4, -1L);

	/* event and notification descriptors, memfd, fallocate (fds from 12) */
	syscall(SYS_epoll_create1, 02000000);
	syscall(SYS_epoll_create1, 1);
	syscall(SYS_epoll_create, 10);
	syscall(SYS_eventfd2, 0, 02000000 | 04000);
	syscall(SYS_eventfd2, 5, 1);
	syscall(SYS_eventfd2, 5, 2);
	syscall(SYS_inotify_init1, 04000 | 02000000);
	syscall(SYS_inotify_init1, 1);
	syscall(SYS_inotify_add_watch, 16, "missing", 0x2 | 0x100 | 0x200 | 0x1000000);
	syscall(SYS_inotify_add_watch, 16, ".", 0xfff);
	syscall(SYS_inotify_add_watch, 16, ".", 0);
	syscall(SYS_inotify_rm_watch, 16, 99);
	syscall(SYS_memfd_create, "name", 1 | 2);
	syscall(SYS_memfd_create, "name", 0x100);
	syscall(SYS_fallocate, 4, 0x1 | 0x2, 0L, 4096L);
	syscall(SYS_fallocate, 99, 0, 0L, 4096L);
	syscall(SYS_syncfs, 4);
	syscall(SYS_exit_group, 0);
	return 0;
}
