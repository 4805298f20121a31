/* io_uring_register's arguments by opcode: `h_io_uring_register WORKDIR`.
 * Every opcode strace 6.1 decodes, first on descriptor -1 (EBADF, unless a
 * test injects a return value) with NULL, unreadable, half-readable and
 * readable arguments, then on a real ring, where the kernel refuses most of
 * them and fills what it answers (a probe, the worker limits). */
#include "helper.h"
#include <string.h>
#include <sys/uio.h>
#include <linux/io_uring.h>

static long reg(int fd, unsigned int op, const void *arg, unsigned int n)
{
	return syscall(__NR_io_uring_register, fd, op, arg, n);
}

/* `size` bytes of `src` copied to just before `page_end`. */
static void *at_end(char *page_end, const void *src, size_t size)
{
	return memcpy(page_end - size, src, size);
}

static void fd_arrays(int fd, char *page_end)
{
	static const unsigned int ops[] = {
		IORING_REGISTER_FILES, IORING_REGISTER_EVENTFD,
		IORING_REGISTER_EVENTFD_ASYNC,
	};
	int fds[] = { 0, 1, -1, -2, -3 };
	struct iovec iov[] = { { (void *) 0xfacefeedUL, 16 }, { fds, 4 } };
	struct io_uring_files_update upd = { .offset = 7, .fds = (unsigned long) fds };

	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
		reg(fd, ops[k], NULL, 1);
		reg(fd, ops[k], fds, 5);
		reg(fd, ops[k], at_end(page_end, fds, 8), 3);
	}
	reg(fd, IORING_REGISTER_BUFFERS, iov, 2);
	reg(fd, IORING_REGISTER_BUFFERS, page_end, 0);
	reg(fd, IORING_REGISTER_FILES_UPDATE, &upd, 5);
	upd.resv = 0xdead;
	reg(fd, IORING_REGISTER_FILES_UPDATE, &upd, 0);
	reg(fd, IORING_REGISTER_FILES_UPDATE, page_end - 8, 1);
}

static void probes_and_restrictions(int fd, char *page_end)
{
	unsigned char buf[sizeof(struct io_uring_probe)
			  + 4 * sizeof(struct io_uring_probe_op)];
	struct io_uring_probe *probe = (void *) buf;
	struct io_uring_restriction res[5];

	memset(buf, 0, sizeof(buf));
	reg(fd, IORING_REGISTER_PROBE, probe, 4);
	reg(fd, IORING_REGISTER_PROBE, probe, 300);
	probe->last_op = 47;
	probe->ops_len = 2;
	probe->resv2[1] = 9;
	probe->ops[0].op = 1;
	probe->ops[0].flags = IO_URING_OP_SUPPORTED | 0x100;
	probe->ops[1].op = 200;
	probe->ops[1].resv = 3;
	reg(fd, IORING_REGISTER_PROBE, probe, 2);
	reg(fd, IORING_REGISTER_PROBE, at_end(page_end, buf, 24), 2);

	memset(res, 0, sizeof(res));
	res[0].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[0].register_op = IORING_REGISTER_PROBE;
	res[1].opcode = IORING_RESTRICTION_SQE_OP;
	res[1].sqe_op = 99;
	res[1].resv = 1;
	res[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	res[2].sqe_flags = IOSQE_ASYNC | 0x80;
	res[2].resv2[2] = 5;
	res[3].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
	res[4].opcode = 9;
	res[4].sqe_flags = 0x42;
	reg(fd, IORING_REGISTER_RESTRICTIONS, res, 5);
	reg(fd, IORING_REGISTER_RESTRICTIONS, at_end(page_end, res, 32), 3);
	reg(fd, IORING_REGISTER_RESTRICTIONS, NULL, 0);
}

static void resources(int fd, char *page_end)
{
	static const unsigned int ops[] = {
		IORING_REGISTER_FILES2, IORING_REGISTER_BUFFERS2,
		IORING_REGISTER_FILES_UPDATE2, IORING_REGISTER_BUFFERS_UPDATE,
	};
	int fds[] = { 1, -2 };
	unsigned long long tags[] = { 0x1337, 0xbadc0deddadfacedULL };
	struct iovec iov[] = { { fds, 8 }, { tags, 16 } };
	unsigned long long big[5] = { 0 };
	struct io_uring_rsrc_register r = {
		.nr = 2, .flags = IORING_RSRC_REGISTER_SPARSE | 0x40,
		.tags = (unsigned long) tags,
	};
	struct io_uring_rsrc_update2 u = {
		.offset = 3, .nr = 2, .tags = (unsigned long) tags, .resv2 = 1,
	};

	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
		int buffers = ops[k] == IORING_REGISTER_BUFFERS2
			      || ops[k] == IORING_REGISTER_BUFFERS_UPDATE;
		void *arg = &r;

		r.data = buffers ? (unsigned long) iov : (unsigned long) fds;
		u.data = r.data;
		if (ops[k] == IORING_REGISTER_FILES_UPDATE2
		    || ops[k] == IORING_REGISTER_BUFFERS_UPDATE)
			arg = &u;
		reg(fd, ops[k], NULL, 32);
		reg(fd, ops[k], arg, 24);
		reg(fd, ops[k], arg, 32);
		memcpy(big, arg, 32);
		big[4] = 0xa1a0;
		reg(fd, ops[k], big, 40);
		big[4] = 0;
		reg(fd, ops[k], big, 40);
		reg(fd, ops[k], at_end(page_end, arg, 32), 40);
	}
}

static void workers_and_rings(int fd, char *page_end)
{
	unsigned long aff[] = { 0x5 };
	unsigned int limits[] = { 0, 0, 7 };
	struct io_uring_rsrc_update ring[] = {
		{ .offset = -1U, .data = 0xbadc0ded00000000ULL | (unsigned) fd },
		{ .offset = 2, .resv = 1, .data = 1 },
	};
	struct io_uring_buf_reg br = {
		.ring_addr = 0x1000, .ring_entries = 8, .bgid = 3, .pad = 1,
		.resv = { 0, 0x42, 0 },
	};

	reg(fd, IORING_REGISTER_IOWQ_AFF, NULL, 8);
	reg(fd, IORING_REGISTER_IOWQ_AFF, aff, 8);
	reg(fd, IORING_REGISTER_IOWQ_AFF, aff, 0);
	reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, limits, 3);
	reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, limits, 2);
	reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, at_end(page_end, limits, 4), 2);
	reg(fd, IORING_REGISTER_RING_FDS, ring, 2);
	reg(fd, IORING_REGISTER_RING_FDS, at_end(page_end, ring, 16), 2);
	reg(fd, IORING_UNREGISTER_RING_FDS, ring, 2);
	reg(fd, IORING_REGISTER_PBUF_RING, &br, 1);
	reg(fd, IORING_UNREGISTER_PBUF_RING, at_end(page_end, &br, 24), 1);
	reg(fd, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
	reg(fd, 99, page_end, 3);
}

static void all(int fd, char *page_end)
{
	fd_arrays(fd, page_end);
	probes_and_restrictions(fd, page_end);
	resources(fd, page_end);
	workers_and_rings(fd, page_end);
}

int main(int argc, char **argv)
{
	struct io_uring_params params;
	char *page_end;
	int ring;

	setup(argc, argv);
	page_end = page_end_unmapped();
	if (!page_end)
		return 1;
	memset(&params, 0, sizeof(params));
	ring = syscall(__NR_io_uring_setup, 4, &params);
	begin_marker();
	all(-1, page_end);
	/* A ring (or, where io_uring is off, -1 again). */
	all(ring, page_end);
	return 0;
}
