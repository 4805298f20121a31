/* Calls whose arguments a command or opcode shapes, and arrays of structs:
 * quotactl and quotactl_fd, epoll_pwait2, futex_waitv, io_uring_setup (a ring
 * of its own, closed at once) and io_uring_enter, native
 * AIO (a context of its own, reading /dev/zero, destroyed at the end),
 * perf_event_open (refused: bad flags, or a struct too large). Every call fails on a path that does
 * not exist, a bad descriptor or bad arguments, or reads memory only, so the
 * helper changes nothing on the machine. Descriptor 3 is /dev/full. */
#include "helper.h"
#include <linux/quota.h>
#include <linux/dqblk_xfs.h>
#include <linux/aio_abi.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <string.h>

/* perf_event_open with attrs the kernel refuses before it opens anything: flags
 * it does not know (EINVAL), and a struct larger than its own with bytes set past
 * it (E2BIG: the kernel writes its own size back). */
static void perf(void)
{
	static uint64_t attr[32];
	uint32_t *words = (uint32_t *) attr;
	words[0] = 3;		/* PERF_TYPE_HW_CACHE */
	words[1] = 80;		/* PERF_ATTR_SIZE_VER2 */
	attr[1] = 0x10102;
	attr[2] = 4000;
	attr[3] = 0x2800;	/* BRANCH_STACK|STACK_USER */
	attr[5] = 1 | 1 << 10 | 2 << 15 | 1ULL << 25 | 1ULL << 40;
	attr[9] = 3;
	syscall(SYS_perf_event_open, attr, 0, -1, -1, 0xf0UL);
	words[0] = 5;		/* PERF_TYPE_BREAKPOINT */
	words[1] = 0xa0;
	words[13] = 5;
	attr[8] = 8;
	attr[14] = 0x77;	/* aux_sample_size, __reserved_3 */
	attr[19] = 1;		/* past the kernel's struct */
	syscall(SYS_perf_event_open, attr, -1, 0, -1, 8UL);
	syscall(SYS_perf_event_open, NULL, 0, 0, 0, 0UL);
}

#define QCMD_(cmd, type) (((cmd) << 8) | ((type) & 0xff))

static void quotas(void)
{
	const char *dev = "/dev/no-such-h_multi";
	struct if_dqblk dq;
	struct if_dqinfo di;
	fs_disk_quota_t xq;
	uint32_t flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ENFD | 0x100;

	memset(&dq, 0, sizeof(dq));
	dq.dqb_bhardlimit = 100;
	dq.dqb_curinodes = 7;
	dq.dqb_valid = QIF_BLIMITS | QIF_ITIME | 0x1000;
	memset(&di, 0, sizeof(di));
	di.dqi_bgrace = 604800;
	di.dqi_flags = DQF_ROOT_SQUASH;
	di.dqi_valid = IIF_BGRACE | IIF_FLAGS;
	memset(&xq, 0xa5, sizeof(xq));
	xq.d_version = 1;
	xq.d_flags = FS_USER_QUOTA;

	syscall(SYS_quotactl, QCMD_(Q_QUOTAON, USRQUOTA), dev, QFMT_VFS_V1, "/no-such/aquota.user");
	syscall(SYS_quotactl, QCMD_(Q_QUOTAOFF, GRPQUOTA), dev, 5, 6);
	syscall(SYS_quotactl, QCMD_(Q_GETQUOTA, USRQUOTA), dev, 1000, &dq);
	syscall(SYS_quotactl, QCMD_(Q_SETQUOTA, PRJQUOTA), dev, -1, &dq);
	syscall(SYS_quotactl, QCMD_(Q_GETNEXTQUOTA, USRQUOTA), dev, 0, &dq);
	syscall(SYS_quotactl, QCMD_(Q_GETINFO, GRPQUOTA), dev, 0, &di);
	syscall(SYS_quotactl, QCMD_(Q_SETINFO, USRQUOTA), dev, 0, &di);
	syscall(SYS_quotactl, QCMD_(Q_GETFMT, USRQUOTA), dev, 0, &flags);
	syscall(SYS_quotactl, QCMD_(Q_SYNC, 7), dev, 0, 0);
	syscall(SYS_quotactl, QCMD_(Q_XQUOTAON, USRQUOTA), dev, 0, &flags);
	syscall(SYS_quotactl, QCMD_(Q_XQUOTARM, USRQUOTA), dev, 0, &flags);
	syscall(SYS_quotactl, QCMD_(Q_XSETQLIM, GRPQUOTA), dev, 42, &xq);
	syscall(SYS_quotactl, QCMD_(Q_XGETQSTAT, USRQUOTA), dev, 0, &xq);
	syscall(SYS_quotactl, QCMD_(Q_XGETQSTATV, USRQUOTA), dev, 0, &xq);
	syscall(SYS_quotactl, 0xbadc0dedUL, dev, 3, 0);
	syscall(SYS_quotactl_fd, -1, QCMD_(Q_GETINFO, USRQUOTA), 0, &di);
	syscall(SYS_quotactl_fd, 3, QCMD_(Q_SETQUOTA, USRQUOTA), 1, &dq);
}

static void aio(void)
{
	aio_context_t actx = 0;
	static char buf[2][64];
	struct iocb cbs[3];
	struct iocb *cbp[4] = { &cbs[0], &cbs[1], &cbs[2], NULL };
	struct io_event ev[2];
	struct { int64_t sec, nsec; } ts = { 1, 0 };
	struct iovec iov = { buf[1], 16 };
	int zero = open("/dev/zero", O_RDONLY);

	if (syscall(SYS_io_setup, 2, &actx) != 0)
		return;
	memset(cbs, 0, sizeof(cbs));
	cbs[0].aio_data = 0xfeed;
	cbs[0].aio_lio_opcode = IOCB_CMD_PREAD;
	cbs[0].aio_fildes = zero;
	cbs[0].aio_buf = (uintptr_t) buf[0];
	cbs[0].aio_nbytes = 64;
	cbs[1] = cbs[0];
	cbs[1].aio_lio_opcode = IOCB_CMD_PREADV;
	cbs[1].aio_buf = (uintptr_t) &iov;
	cbs[1].aio_nbytes = 1;
	cbs[1].aio_reqprio = 3;
	cbs[2] = cbs[0];
	cbs[2].aio_lio_opcode = 0x77;
	syscall(SYS_io_submit, actx, 2, cbp);
	syscall(SYS_io_getevents, actx, 2, 2, ev, &ts);
	syscall(SYS_io_submit, actx, 4, cbp);
	syscall(SYS_io_submit, actx, -1L, cbp);
	syscall(SYS_io_cancel, actx, &cbs[2], ev);
	syscall(SYS_io_pgetevents, actx, 0, 1, ev, &ts, NULL);
	syscall(SYS_io_destroy, actx);
	close(zero);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	if (open("/dev/full", O_WRONLY) != 3)
		return 1;
	begin_marker();
	quotas();
	struct { int64_t sec, nsec; } ts = { 1, 2 };
	uint64_t mask = 1 << 9;
	char events[12];
	syscall(SYS_epoll_pwait2, 3, events, 1, &ts, &mask, 8);
	syscall(SYS_epoll_pwait2, -1, events, 0, NULL, NULL, 8);

	/* A futex whose value is not the one expected: EAGAIN at once. */
	static uint32_t word;
	struct { uint64_t val, uaddr; uint32_t flags, reserved; } w[2] = {
		{ 1, (uintptr_t) &word, 0x82, 0 },
		{ 2, (uintptr_t) &word, 0x2, 0x5 },
	};
	syscall(SYS_futex_waitv, w, 2, 0, &ts, 1);
	syscall(SYS_futex_waitv, w, 1, 0, NULL, 0);
	syscall(SYS_futex_waitv, NULL, 0, 0, NULL, 99);
	syscall(SYS_io_uring_enter, -1, 1, 2, 0x21, &mask, 8);
	syscall(SYS_io_uring_register, -1, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
	syscall(SYS_io_uring_register, 3, 0xbadc0ded, &mask, 7);
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_ATTACH_WQ | 0x80000000;
	p.wq_fd = 3;
	p.resv[1] = 7;
	syscall(SYS_io_uring_setup, 1, &p);
	syscall(SYS_io_uring_setup, 1, NULL);
	memset(&p, 0, sizeof(p));
	long ring = syscall(SYS_io_uring_setup, 2, &p);
	if (ring >= 0)
		close(ring);
	aio();
	perf();
	return 0;
}
