/* Small ioctl families strace 6.1 decodes, raw: `h_small_ioctls WORKDIR`.
 * Each family is a function of its own; the calls go to descriptor -1 or to
 * /dev/null (which refuses them with ENOTTY), so nothing on the machine
 * changes, with the argument NULL, unreadable, half-readable and readable.
 * Run under `-e inject=ioctl:retval=0` too, so that the shapes of a
 * successful call are compared as well. */
#include "helper.h"
#include <string.h>
#include <sys/ioctl.h>
#include <linux/userfaultfd.h>
#include <linux/perf_event.h>
#include <linux/tee.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>

/* A value in every bit pattern the tests look for. */
#define FILL 0xdeadbeefcafef00dULL

static void uffdio_calls(int null, char *page_end)
{
	struct uffdio_api api = { .api = UFFD_API, .features = 0 };
	struct uffdio_register reg = {
		.range = { .start = FILL, .len = 4096 },
		.mode = UFFDIO_REGISTER_MODE_MISSING | 0x30,
		.ioctls = FILL,
	};
	struct uffdio_copy copy = { FILL, 0x1000, 4096, 0xdeadbeef, 0x5 };
	struct uffdio_zeropage zero = { { 0x1000, 4096 }, 1, 7 };
	struct uffdio_range range = { 0x2000, 0 };
	static const unsigned long reqs[] = {
		UFFDIO_API, UFFDIO_REGISTER, UFFDIO_UNREGISTER, UFFDIO_WAKE,
		UFFDIO_COPY, UFFDIO_ZEROPAGE, UFFDIO_WRITEPROTECT,
		UFFDIO_CONTINUE,
	};
	int uffd = syscall(SYS_userfaultfd, O_NONBLOCK | O_CLOEXEC);

	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(-1, reqs[k], NULL);
		ioctl(-1, reqs[k], page_end - 8);
	}
	ioctl(-1, UFFDIO_API, &api);
	ioctl(null, UFFDIO_API, &api);
	api.api = 0xbad;
	api.features = FILL;
	ioctl(-1, UFFDIO_API, &api);
	ioctl(-1, UFFDIO_REGISTER, &reg);
	ioctl(null, UFFDIO_REGISTER, &reg);
	ioctl(-1, UFFDIO_UNREGISTER, &range);
	ioctl(-1, UFFDIO_WAKE, &range);
	ioctl(-1, UFFDIO_COPY, &copy);
	ioctl(null, UFFDIO_COPY, &copy);
	ioctl(-1, UFFDIO_ZEROPAGE, &zero);
	ioctl(-1, UFFDIO_WRITEPROTECT, &range);
	if (uffd >= 0) {
		/* The kernel fills in the features and requests it has. */
		api.api = UFFD_API;
		api.features = 0;
		ioctl(uffd, UFFDIO_API, &api);
		/* A failed call zeroes the struct: the entry's values show. */
		api.api = 0xbad;
		ioctl(uffd, UFFDIO_API, &api);
		close(uffd);
	}
}

static void perf_calls(int null, char *page_end)
{
	unsigned long long period = FILL;
	unsigned int query[4] = { 3, 2, 11, 12 };
	struct perf_event_attr attr;
	static const unsigned long flag_reqs[] = {
		PERF_EVENT_IOC_ENABLE, PERF_EVENT_IOC_DISABLE,
		PERF_EVENT_IOC_RESET,
	};
	static const unsigned long ptr_reqs[] = {
		PERF_EVENT_IOC_PERIOD, PERF_EVENT_IOC_SET_FILTER,
		PERF_EVENT_IOC_ID, PERF_EVENT_IOC_QUERY_BPF,
		PERF_EVENT_IOC_MODIFY_ATTRIBUTES,
	};

	for (size_t k = 0; k < sizeof(flag_reqs) / sizeof(flag_reqs[0]); k++) {
		ioctl(-1, flag_reqs[k], 0);
		ioctl(-1, flag_reqs[k], 1);
		ioctl(-1, flag_reqs[k], 2);
		syscall(SYS_ioctl, -1, flag_reqs[k], FILL);
	}
	for (size_t k = 0; k < sizeof(ptr_reqs) / sizeof(ptr_reqs[0]); k++) {
		ioctl(-1, ptr_reqs[k], NULL);
		ioctl(-1, ptr_reqs[k], page_end - 2);
	}
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_REFRESH, FILL);
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_SET_OUTPUT, FILL);
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_SET_BPF, 0);
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_PAUSE_OUTPUT, FILL);
	ioctl(-1, PERF_EVENT_IOC_PERIOD, &period);
	ioctl(null, PERF_EVENT_IOC_ID, &period);
	ioctl(-1, PERF_EVENT_IOC_SET_FILTER, "filter\n\1");
	/* A filter running to the end of readable memory. */
	memset(page_end - 40, 'x', 40);
	ioctl(-1, PERF_EVENT_IOC_SET_FILTER, page_end - 40);
	ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, query);
	ioctl(null, PERF_EVENT_IOC_QUERY_BPF, query);
	/* Five ids where two are readable. */
	memcpy(page_end - 16, (unsigned int[]){ 3, 5, 11, 12 }, 16);
	ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, page_end - 16);
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.size = sizeof(attr);
	attr.config = PERF_COUNT_SW_PAGE_FAULTS;
	attr.sample_period = 100;
	attr.disabled = 1;
	ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
	ioctl(null, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
}

/* A buffer request's struct and its params, as TEE_IOC_INVOKE takes them. */
struct tee_invoke_buf {
	struct tee_ioctl_invoke_arg arg;
	struct tee_ioctl_param params[3];
};

struct tee_open_buf {
	struct tee_ioctl_open_session_arg arg;
	struct tee_ioctl_param params[1];
};

static void tee_calls(int null, char *page_end)
{
	static const unsigned long reqs[] = {
		TEE_IOC_VERSION, TEE_IOC_SHM_ALLOC, TEE_IOC_OPEN_SESSION,
		TEE_IOC_INVOKE, TEE_IOC_CANCEL, TEE_IOC_CLOSE_SESSION,
		TEE_IOC_SUPPL_RECV, TEE_IOC_SUPPL_SEND, TEE_IOC_SHM_REGISTER,
		_IOWR(0xa4, 8, char[32]),
	};
	struct tee_ioctl_version_data version = { 1, 1, 5 };
	struct tee_ioctl_shm_alloc_data alloc = { FILL, 0x83, -1 };
	struct tee_ioctl_shm_register_data reg = { FILL, 4096, 1, 0 };
	struct tee_ioctl_cancel_arg cancel = { 7, 0xbadc0ded };
	struct tee_ioctl_close_session_arg close_arg = { 0xeef0beef };
	long long register_fd[4] = { 0, 4096, 2, 0 };
	struct tee_invoke_buf invoke = {
		.arg = { 1, 0xbeef, 2, 0, 0, 3 },
		.params = {
			{ TEE_IOCTL_PARAM_ATTR_TYPE_NONE, 1, 2, 3 },
			{ TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT |
			  TEE_IOCTL_PARAM_ATTR_META, FILL, 2, 3 },
			{ TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT, 16, 32, 7 },
		},
	};
	struct tee_open_buf open_arg = {
		.arg = { .uuid = { 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6,
				   7, 8, 9, 10, 11, 12 },
			 .clnt_uuid = { 0xd, 0xf0, 0xfe, 0xca },
			 .clnt_login = TEE_IOCTL_LOGIN_GROUP, .cancel_id = 3,
			 .num_params = 1 },
		.params = { { 9, 1, 2, 3 } },
	};
	struct tee_ioctl_buf_data buf = { (unsigned long) &invoke,
					  sizeof(invoke) };

	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(-1, reqs[k], NULL);
		ioctl(-1, reqs[k], page_end - 4);
	}
	ioctl(-1, TEE_IOC_VERSION, &version);
	ioctl(null, TEE_IOC_VERSION, &version);
	ioctl(-1, TEE_IOC_SHM_ALLOC, &alloc);
	ioctl(null, TEE_IOC_SHM_ALLOC, &alloc);
	ioctl(-1, TEE_IOC_SHM_REGISTER, &reg);
	ioctl(-1, TEE_IOC_CANCEL, &cancel);
	ioctl(-1, TEE_IOC_CLOSE_SESSION, &close_arg);
	ioctl(-1, _IOWR(0xa4, 8, char[32]), register_fd);
	ioctl(-1, TEE_IOC_INVOKE, &buf);
	ioctl(null, TEE_IOC_INVOKE, &buf);
	/* Params the length does not hold; a length past TEE_MAX_ARG_SIZE. */
	invoke.arg.num_params = 2;
	ioctl(-1, TEE_IOC_INVOKE, &buf);
	ioctl(-1, TEE_IOC_SUPPL_RECV, &buf);
	buf.buf_len = 4096;
	ioctl(-1, TEE_IOC_SUPPL_SEND, &buf);
	buf.buf_ptr = (unsigned long) &open_arg;
	buf.buf_len = sizeof(open_arg);
	ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);
	open_arg.arg.clnt_login = 0xff;
	ioctl(null, TEE_IOC_OPEN_SESSION, &buf);
	open_arg.arg.clnt_login = TEE_IOCTL_LOGIN_USER;
	ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);
	buf.buf_ptr = (unsigned long) (page_end - 8);
	ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);
}

static void mtd_calls(int null, char *page_end)
{
	static const unsigned long reqs[] = {
		MEMGETINFO, MEMERASE, MEMWRITEOOB, MEMREADOOB, MEMLOCK,
		MEMUNLOCK, MEMGETREGIONCOUNT, MEMGETREGIONINFO, MEMGETOOBSEL,
		MEMGETBADBLOCK, MEMSETBADBLOCK, OTPSELECT, OTPGETREGIONCOUNT,
		OTPGETREGIONINFO, OTPLOCK, ECCGETLAYOUT, ECCGETSTATS,
		MEMERASE64, MEMWRITEOOB64, MEMREADOOB64, MEMISLOCKED, MEMWRITE,
	};
	unsigned char big[512];
	unsigned long long bad = FILL;

	for (size_t k = 0; k < sizeof(big); k++)
		big[k] = k * 7 + 1;
	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(-1, reqs[k], NULL);
		ioctl(-1, reqs[k], page_end - 4);
		ioctl(-1, reqs[k], big);
		ioctl(null, reqs[k], big);
	}
	ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_RAW);
	syscall(SYS_ioctl, -1, MTDFILEMODE, FILL);
	ioctl(-1, MEMGETBADBLOCK, &bad);
}

static void ubi_calls(int null, char *page_end)
{
	static const unsigned long reqs[] = {
		UBI_IOCMKVOL, UBI_IOCRMVOL, UBI_IOCRSVOL, UBI_IOCRNVOL,
		UBI_IOCRPEB, UBI_IOCSPEB, UBI_IOCATT, UBI_IOCDET, UBI_IOCVOLUP,
		UBI_IOCEBER, UBI_IOCEBCH, UBI_IOCEBMAP, UBI_IOCEBUNMAP,
		UBI_IOCEBISMAP, UBI_IOCSETVOLPROP,
	};
	static struct ubi_rnvol_req rnvol;
	struct ubi_mkvol_req mkvol = {
		.vol_id = 1, .alignment = 2, .bytes = FILL,
		.vol_type = UBI_STATIC_VOLUME, .flags = 3, .name_len = 4,
	};
	int num = -559038737;

	memset(mkvol.name, 'v', sizeof(mkvol.name));
	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(-1, reqs[k], NULL);
		ioctl(-1, reqs[k], page_end - 4);
		ioctl(-1, reqs[k], &rnvol);
	}
	ioctl(-1, UBI_IOCVOLCRBLK, &num);
	ioctl(-1, UBI_IOCVOLRMBLK);
	ioctl(-1, UBI_IOCDET, &num);
	ioctl(-1, UBI_IOCMKVOL, &mkvol);
	ioctl(null, UBI_IOCMKVOL, &mkvol);
	mkvol.name_len = -1;
	ioctl(-1, UBI_IOCMKVOL, &mkvol);
	mkvol.name_len = 300;
	mkvol.name[50] = 0;
	ioctl(-1, UBI_IOCMKVOL, &mkvol);
	rnvol.count = 3;
	for (int k = 0; k < 3; k++) {
		rnvol.ents[k].vol_id = k;
		rnvol.ents[k].name_len = k * 2;
		memset(rnvol.ents[k].name, 'a' + k, 3);
	}
	ioctl(-1, UBI_IOCRNVOL, &rnvol);
	rnvol.count = 40;
	ioctl(null, UBI_IOCRNVOL, &rnvol);
}

int main(int argc, char **argv)
{
	char *page_end;
	int null;

	setup(argc, argv);
	page_end = page_end_unmapped();
	null = open("/dev/null", O_RDWR);
	if (!page_end || null < 0)
		return 1;
	begin_marker();
	uffdio_calls(null, page_end);
	perf_calls(null, page_end);
	tee_calls(null, page_end);
	mtd_calls(null, page_end);
	ubi_calls(null, page_end);
	return 0;
}
