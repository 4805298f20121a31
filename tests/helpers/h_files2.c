/* Waiting for descriptors (poll, ppoll, select, pselect6, epoll), time stamps
 * (utimensat, utimes, futimesat, utime), extended attributes, and the
 * transfer calls (sendfile, copy_file_range, splice, tee, sync_file_range,
 * readahead). Every timeout is zero so the time left is too: nothing here
 * depends on timing or on the machine. */
#include "helper.h"
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <utime.h>

#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif
#ifndef UTIME_NOW
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#endif

int main(int argc, char **argv)
{
	int p[2];
	char buf[256];

	setup(argc, argv);
	if (pipe(p) != 0) /* 3, 4 */
		_exit(102);
	if (write(p[1], "x", 1) != 1)
		_exit(103);
	begin_marker();

	/* poll and ppoll: 3 is readable, 4 writable */
	struct pollfd fds[3] = { { 3, POLLIN | POLLPRI, 0 }, { 4, POLLOUT, 0 }, { -1, POLLIN, 0 } };
	struct pollfd quiet = { 4, POLLIN, 0 };
	syscall(SYS_poll, fds, 3, -1);
	syscall(SYS_poll, &quiet, 1, 0);
	syscall(SYS_poll, NULL, 0, 0);
	syscall(SYS_poll, (void *) 8, 1, 0);
	struct pollfd bad = { 99, POLLIN | 0x4800, 0 };
	syscall(SYS_poll, &bad, 1, 0);
	struct timespec ts = { 0, 0 };
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	syscall(SYS_ppoll, fds, 2, &ts, &ss, 8);
	syscall(SYS_ppoll, &quiet, 1, &ts, NULL, 8);
	syscall(SYS_ppoll, fds, 1, NULL, NULL, 8);
	syscall(SYS_ppoll, &quiet, 1, &ts, &ss, 4);

	/* select and pselect6 */
	fd_set r, w;
	FD_ZERO(&r); FD_ZERO(&w);
	FD_SET(3, &r); FD_SET(4, &r); FD_SET(4, &w);
	struct timeval tv = { 0, 0 };
	syscall(SYS_select, 5, &r, &w, NULL, &tv);
	FD_ZERO(&r); FD_SET(4, &r);
	syscall(SYS_select, 5, &r, NULL, NULL, &tv);
	syscall(SYS_select, 0, NULL, NULL, NULL, &tv);
	FD_ZERO(&r); FD_SET(3, &r);
	syscall(SYS_select, 5, &r, NULL, NULL, NULL);
	syscall(SYS_select, -1, NULL, NULL, NULL, &tv);
	syscall(SYS_select, 5, (void *) 8, NULL, NULL, &tv);
	struct { void *ss; size_t len; } sm = { &ss, 8 };
	FD_ZERO(&r); FD_SET(3, &r);
	syscall(SYS_pselect6, 5, &r, NULL, NULL, &ts, &sm);
	FD_ZERO(&r); FD_SET(4, &r);
	syscall(SYS_pselect6, 5, &r, NULL, NULL, &ts, NULL);
	syscall(SYS_pselect6, 5, &r, NULL, NULL, NULL, (void *) 8);

	/* epoll */
	int ep = syscall(SYS_epoll_create1, 0); /* 5 */
	struct epoll_event ev = { EPOLLIN | EPOLLET, { .u64 = 0x100000003ULL } };
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, 3, &ev);
	ev.events = EPOLLOUT | EPOLLONESHOT | EPOLLRDHUP | EPOLLEXCLUSIVE | EPOLLWAKEUP | 0x1000;
	ev.data.u64 = 4;
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, 4, &ev);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, 4, NULL);
	syscall(SYS_epoll_ctl, ep, 9, 4, &ev);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, 4, (void *) 8);
	ev.events = EPOLLIN;
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, 3, &ev);
	struct epoll_event out[4];
	syscall(SYS_epoll_wait, ep, out, 4, 0);
	syscall(SYS_epoll_wait, ep, NULL, 4, 0);
	syscall(SYS_epoll_wait, -1, out, 4, 0);
	syscall(SYS_epoll_pwait, ep, out, 4, 0, &ss, 8);
	syscall(SYS_epoll_pwait2, ep, out, 4, &ts, NULL, 8);
	syscall(SYS_epoll_pwait, ep, out, 4, 0, &ss, 4);

	/* time stamps */
	int f = syscall(SYS_openat, AT_FDCWD, "f", O_RDWR | O_CREAT | O_EXCL, 0644); /* 6 */
	struct timespec tss[2] = { { 0, 0 }, { 0, UTIME_NOW } };
	syscall(SYS_utimensat, AT_FDCWD, "f", NULL, 0);
	syscall(SYS_utimensat, AT_FDCWD, "f", tss, 0);
	tss[0].tv_sec = 1600000000; tss[0].tv_nsec = 123;
	tss[1].tv_sec = 1; tss[1].tv_nsec = UTIME_OMIT;
	syscall(SYS_utimensat, AT_FDCWD, "f", tss, AT_SYMLINK_NOFOLLOW);
	tss[1].tv_sec = -1; tss[1].tv_nsec = -1;
	syscall(SYS_utimensat, f, NULL, tss, 0x8);
	syscall(SYS_utimensat, AT_FDCWD, "f", (void *) 8, 0);
	struct timeval tvs[2] = { { 1600000000, 5 }, { 0, 0 } };
	syscall(SYS_utimes, "f", tvs);
	syscall(SYS_utimes, "f", NULL);
	tvs[1].tv_usec = 2000000;
	syscall(SYS_futimesat, AT_FDCWD, "f", tvs);
	syscall(SYS_futimesat, 99, "f", NULL);
	struct utimbuf ub = { 1600000000, 0 };
	syscall(SYS_utime, "f", &ub);
	syscall(SYS_utime, "f", (void *) 8);

	/* extended attributes */
	syscall(SYS_setxattr, "f", "user.a", "bar\0baz", 7, 0);
	syscall(SYS_setxattr, "f", "user.a", "bar", 3, 1 /* XATTR_CREATE */);
	syscall(SYS_setxattr, "f", "user.b", "bar", 3, 7);
	syscall(SYS_lsetxattr, "f", "user.b", "0123456789012345678901234567890123456789", 40, 0);
	syscall(SYS_fsetxattr, f, "user.c", "v\0", 2, 0);
	syscall(SYS_getxattr, "f", "user.a", buf, sizeof buf);
	syscall(SYS_getxattr, "f", "user.a", buf, 2);
	syscall(SYS_getxattr, "f", "user.a", NULL, 0);
	syscall(SYS_lgetxattr, "f", "user.b", buf, sizeof buf);
	syscall(SYS_fgetxattr, f, "user.c", buf, sizeof buf);
	syscall(SYS_fgetxattr, f, "user.none", buf, sizeof buf);
	syscall(SYS_removexattr, "f", "user.b");
	syscall(SYS_lremovexattr, "f", "user.b");
	syscall(SYS_fremovexattr, f, "user.c");
	syscall(SYS_listxattr, "f", buf, sizeof buf);
	syscall(SYS_llistxattr, "f", NULL, 0);
	syscall(SYS_flistxattr, f, buf, 2);

	/* transfers */
	syscall(SYS_write, f, "0123456789abcdef", 16);
	int g = syscall(SYS_openat, AT_FDCWD, "g", O_RDWR | O_CREAT | O_EXCL, 0644); /* 7 */
	off_t off = 2;
	long long lo = 3, lo2 = 0;
	syscall(SYS_sendfile, g, f, &off, 5);
	syscall(SYS_sendfile, g, f, NULL, 4096);
	off = 100;
	syscall(SYS_sendfile, g, f, &off, 5);
	syscall(SYS_sendfile, g, f, (void *) 8, 5);
	syscall(SYS_copy_file_range, f, &lo, g, &lo2, 4, 0);
	syscall(SYS_copy_file_range, f, (void *) 8, g, NULL, 4, 5);
	lo = 1;
	syscall(SYS_splice, f, &lo, 4, NULL, 3, SPLICE_F_MOVE | SPLICE_F_MORE);
	syscall(SYS_splice, 3, NULL, g, NULL, 3, 0x10);
	int q[2];
	if (pipe(q) != 0) /* 8, 9 */
		_exit(104);
	syscall(SYS_tee, 3, 9, 10, SPLICE_F_NONBLOCK);
	syscall(SYS_sync_file_range, f, 0LL, 100LL, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
	syscall(SYS_sync_file_range, f, -1LL, -5LL, 8);
	syscall(SYS_readahead, f, 0LL, 4096LL);
	syscall(SYS_readahead, 99, -1LL, 1LL);
	return 0;
}
