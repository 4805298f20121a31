/* bpf(2) commands as strace decodes them: `h_bpf WORKDIR`. Every command with
 * its attr NULL, of size 0, unreadable, running off the end of the memory,
 * and readable, at sizes that end inside and past the part it reads, with
 * bytes past that part that are not zero. The descriptors are -1 (or 0) and
 * the ids ones no object has, so the calls fail and nothing on the machine
 * changes; a small array map is made and asked for its info (it goes away
 * with the process). */
#include "helper.h"
#include <string.h>
#include <stdint.h>
#include <linux/bpf.h>

/* A value in every bit pattern the tests look for. */
#define FILL 0xdeadbeefcafef00dULL

static long sys_bpf(unsigned long cmd, void *attr, unsigned long size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

/* `size` bytes of `attr` copied to end at `page_end`, and the call made on
 * them; then the same one byte later, which runs off the page. */
static void at_end(unsigned long cmd, const void *attr, size_t size, char *page_end)
{
	memcpy(page_end - size, attr, size);
	sys_bpf(cmd, page_end - size, size);
	sys_bpf(cmd, page_end - size + 1, size);
}

/* Each command at the sizes that matter: none, each of `sizes`, the whole
 * page with bytes past the part that are not zero, more than a page. */
static void sizes_of(unsigned long cmd, const void *attr, size_t len,
		     const size_t *sizes, size_t n, char *page_end)
{
	static char page[4096] __attribute__((aligned(8)));

	sys_bpf(cmd, NULL, len);
	sys_bpf(cmd, page_end - len, 0);
	for (size_t i = 0; i < n; i++)
		at_end(cmd, attr, sizes[i], page_end);
	memset(page, 0, sizeof(page));
	memcpy(page, attr, len);
	sys_bpf(cmd, page, sizeof(page));
	page[len + 3] = '0';
	page[sizeof(page) - 1] = 'z';
	sys_bpf(cmd, page, len + 8);
	sys_bpf(cmd, page, sizeof(page));
	sys_bpf(cmd, page, sizeof(page) + 1);
}

#define SIZES(...) (const size_t[]){ __VA_ARGS__ }, \
	sizeof((const size_t[]){ __VA_ARGS__ }) / sizeof(size_t)

static void map_calls(char *page_end)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.map_type = 31;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 256;
	a.map_flags = 63;
	a.inner_map_fd = -1;
	a.numa_node = -1;
	strcpy(a.map_name, "0123456789abcde");
	a.map_ifindex = 1;
	a.btf_fd = 0xbadc0ded;
	a.map_extra = 4;
	sizes_of(BPF_MAP_CREATE, &a, 72, SIZES(1, 16, 20, 28, 36, 44, 48, 60, 72),
		 page_end);
	a.map_flags = 0xc0defead;
	a.map_type = 0xdeadf00d;
	at_end(BPF_MAP_CREATE, &a, 72, page_end);

	memset(&a, 0, sizeof(a));
	a.map_fd = -1;
	a.key = 0xdeadbeef;
	a.value = FILL;
	a.flags = 4;
	for (unsigned long cmd = BPF_MAP_LOOKUP_ELEM; cmd <= BPF_MAP_GET_NEXT_KEY; cmd++)
		sizes_of(cmd, &a, 32, SIZES(4, 16, 32), page_end);
	sizes_of(BPF_MAP_LOOKUP_AND_DELETE_ELEM, &a, 32, SIZES(24, 32), page_end);
	sizes_of(BPF_MAP_FREEZE, &a, 4, SIZES(4), page_end);
	a.flags = 7;
	at_end(BPF_MAP_UPDATE_ELEM, &a, 32, page_end);

	memset(&a, 0, sizeof(a));
	a.batch.in_batch = 0xfacefeed;
	a.batch.keys = FILL;
	a.batch.count = 3;
	a.batch.map_fd = -1;
	a.batch.elem_flags = 5;
	a.batch.flags = 4;
	for (unsigned long cmd = BPF_MAP_LOOKUP_BATCH; cmd <= BPF_MAP_DELETE_BATCH; cmd++)
		sizes_of(cmd, &a, 56, SIZES(40, 56), page_end);
}

static const struct bpf_insn insns[] = {
	{ .code = BPF_ALU64 | BPF_K | BPF_MOV, .dst_reg = 0, .imm = 0 },
	{ .code = BPF_STX | BPF_W | BPF_MEM, .dst_reg = 10, .src_reg = 1, .off = -4 },
	{ .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = 1, .src_reg = 1, .imm = -1 },
	{ .code = 0x06 | 0x50, .dst_reg = 11, .src_reg = 15, .off = 0x7fff },
	{ .code = BPF_JMP | BPF_K | BPF_EXIT },
};

static void prog_calls(char *page_end)
{
	static char log[64] = "log test";
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.prog_type = 1;
	a.insn_cnt = sizeof(insns) / sizeof(insns[0]);
	a.insns = (uintptr_t) insns;
	a.license = (uintptr_t) "GPL";
	a.log_level = 7;
	a.log_size = 4;
	a.log_buf = (uintptr_t) log;
	a.kern_version = 0xcafef00d;
	a.prog_flags = 0x3f;
	strcpy(a.prog_name, "0123456789abcdef");
	a.expected_attach_type = 9;
	a.prog_btf_fd = -1;
	a.func_info = FILL;
	a.attach_prog_fd = -1;
	/* Not a valid program: the kernel refuses it. */
	sizes_of(BPF_PROG_LOAD, &a, 128, SIZES(4, 24, 40, 44, 48, 56, 64, 72, 76, 108, 120, 128),
		 page_end);
	a.insns = (uintptr_t) (page_end - 2 * sizeof(insns[0]));
	memcpy(page_end - 2 * sizeof(insns[0]), insns, 2 * sizeof(insns[0]));
	a.insn_cnt = 3;
	a.license = (uintptr_t) (page_end - 2);
	memcpy(page_end - 2, "GP", 2);
	sys_bpf(BPF_PROG_LOAD, &a, 128);

	memset(&a, 0, sizeof(a));
	a.pathname = (uintptr_t) "/sys/fs/bpf/strace-rs-none/x";
	a.bpf_fd = -1;
	a.file_flags = 0x18;
	sizes_of(BPF_OBJ_PIN, &a, 16, SIZES(8, 12, 16), page_end);
	sizes_of(BPF_OBJ_GET, &a, 16, SIZES(8, 16), page_end);

	memset(&a, 0, sizeof(a));
	a.target_fd = -1;
	a.attach_bpf_fd = -2;
	a.attach_type = 2;
	a.attach_flags = 7;
	a.replace_bpf_fd = -3;
	sizes_of(BPF_PROG_ATTACH, &a, 20, SIZES(4, 16, 20), page_end);
	sizes_of(BPF_PROG_DETACH, &a, 12, SIZES(4, 12), page_end);

	memset(&a, 0, sizeof(a));
	a.test.prog_fd = -1;
	a.test.data_size_in = 4;
	a.test.data_in = FILL;
	a.test.ctx_size_out = 8;
	a.test.flags = 3;
	a.test.batch_size = 2;
	sizes_of(BPF_PROG_TEST_RUN, &a, 76, SIZES(4, 40, 44, 64, 72, 76), page_end);
}

static void id_calls(char *page_end)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.start_id = 0xfffffff0;
	a.open_flags = 0xffffff27;
	for (unsigned long cmd = BPF_PROG_GET_NEXT_ID; cmd <= BPF_MAP_GET_FD_BY_ID; cmd++)
		sizes_of(cmd, &a, 12, SIZES(1, 8, 12), page_end);
	sizes_of(BPF_BTF_GET_NEXT_ID, &a, 12, SIZES(8, 12), page_end);
	sizes_of(BPF_LINK_GET_NEXT_ID, &a, 12, SIZES(8, 12), page_end);
	sizes_of(BPF_BTF_GET_FD_BY_ID, &a, 4, SIZES(4), page_end);
	sizes_of(BPF_LINK_GET_FD_BY_ID, &a, 4, SIZES(4), page_end);
}

static void query_calls(char *page_end)
{
	static uint32_t ids[4] = { 0, 1, 0xffffffff, 2718281828u };
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.query.target_fd = -1;
	a.query.attach_type = 43;
	a.query.query_flags = 0xdeadf00d;
	a.query.attach_flags = 3;
	a.query.prog_ids = (uintptr_t) ids;
	a.query.prog_cnt = 4;
	sizes_of(BPF_PROG_QUERY, &a, 28, SIZES(4, 16, 28), page_end);

	memset(&a, 0, sizeof(a));
	a.raw_tracepoint.name = (uintptr_t) "0123456789qwertyuiop0123456789qwe";
	a.raw_tracepoint.prog_fd = -1;
	sizes_of(BPF_RAW_TRACEPOINT_OPEN, &a, 12, SIZES(8, 12), page_end);

	memset(&a, 0, sizeof(a));
	a.btf = (uintptr_t) "bPf\0daTum";
	a.btf_log_buf = FILL;
	a.btf_size = 9;
	a.btf_log_size = -1;
	a.btf_log_level = 42;
	sizes_of(BPF_BTF_LOAD, &a, 28, SIZES(8, 28), page_end);

	memset(&a, 0, sizeof(a));
	a.task_fd_query.pid = getpid();
	a.task_fd_query.fd = -1;
	a.task_fd_query.buf_len = 16;
	a.task_fd_query.buf = (uintptr_t) "do_sys_open";
	a.task_fd_query.fd_type = 5;
	a.task_fd_query.probe_offset = FILL;
	sizes_of(BPF_TASK_FD_QUERY, &a, 48, SIZES(4, 48), page_end);
}

static void link_calls(char *page_end)
{
	static const int maps[] = { 0, 42, -1 };
	static const char *syms[] = { "foo", NULL, "abcdefghijklmnopqrstuvwxyz0123456789" };
	static const uint64_t addrs[] = { 0, 1, FILL };
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.link_create.prog_fd = -1;
	a.link_create.target_fd = -1;
	a.link_create.flags = 4;
	sizes_of(BPF_LINK_CREATE, &a, 48, SIZES(4, 16, 20), page_end);
	a.link_create.target_btf_id = 0xfacefeed;
	at_end(BPF_LINK_CREATE, &a, 48, page_end);
	for (unsigned int type = 1; type < 46; type++) {
		memset(&a, 0, sizeof(a));
		a.link_create.prog_fd = -1;
		a.link_create.attach_type = type;
		switch (type) {
		case BPF_TRACE_ITER:
			a.link_create.iter_info = (uintptr_t) maps;
			a.link_create.iter_info_len = 3;
			break;
		case BPF_PERF_EVENT:
			a.link_create.perf_event.bpf_cookie = FILL;
			break;
		case BPF_TRACE_KPROBE_MULTI:
			a.link_create.kprobe_multi.flags = 0xfacebeef;
			a.link_create.kprobe_multi.cnt = 3;
			a.link_create.kprobe_multi.syms = (uintptr_t) syms;
			a.link_create.kprobe_multi.addrs = (uintptr_t) addrs;
			a.link_create.kprobe_multi.cookies = (uintptr_t) addrs;
			break;
		default:
			a.link_create.target_btf_id = type;
		}
		sys_bpf(BPF_LINK_CREATE, &a, 48);
	}

	memset(&a, 0, sizeof(a));
	a.link_update.link_fd = -1;
	a.link_update.new_prog_fd = -2;
	a.link_update.flags = 4;
	a.link_update.old_prog_fd = -3;
	sizes_of(BPF_LINK_UPDATE, &a, 16, SIZES(8, 16), page_end);
	a.link_update.flags = 3;
	at_end(BPF_LINK_UPDATE, &a, 16, page_end);
}

/* A small map of its own, asked for its info; a descriptor that is no map. */
static void info_calls(char *page_end)
{
	static char info[256];
	union bpf_attr a;
	long fd;

	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 1;
	strcpy(a.map_name, "h_bpf");
	fd = sys_bpf(BPF_MAP_CREATE, &a, 72);

	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = fd;
	a.info.info_len = 40;
	a.info.info = (uintptr_t) info;
	sizes_of(BPF_OBJ_GET_INFO_BY_FD, &a, 16, SIZES(4, 16), page_end);
	a.info.bpf_fd = 1;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, 16);
	if (fd >= 0)
		close(fd);
}

int main(int argc, char **argv)
{
	char *page_end;

	setup(argc, argv);
	page_end = page_end_unmapped();
	if (!page_end)
		return 1;
	begin_marker();
	sys_bpf(0xfacefeed, NULL, (unsigned long) FILL);
	sys_bpf(0xfacefeed, page_end, 40);
	/* Commands strace shows no attr of (BPF_ENABLE_STATS would enable them: NULL). */
	sys_bpf(32, NULL, 8);
	for (unsigned long cmd = 33; cmd < 37; cmd++)
		sys_bpf(cmd, page_end - 8, 8);
	map_calls(page_end);
	prog_calls(page_end);
	id_calls(page_end);
	query_calls(page_end);
	link_calls(page_end);
	info_calls(page_end);
	return 0;
}
