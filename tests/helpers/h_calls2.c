/* More calls strace decodes that are rarely seen, raw: `h_calls2 WORKDIR`.
 * The mount API (fsopen, fsconfig, fsmount, fspick, move_mount, open_tree),
 * modules, kexec, fanotify, inotify_init, process_madvise, POSIX message
 * queues, seccomp's queries, and swapon, delete_module, iopl, ioperm,
 * unshare, setfsuid, remap_file_pages, userfaultfd, memfd_secret,
 * process_mrelease, pidfd_getfd and lookup_dcookie; the NUMA calls (mbind,
 * set_mempolicy, get_mempolicy, migrate_pages, move_pages,
 * set_mempolicy_home_node).
 *
 * Nothing here changes the machine: every call is refused (a bad descriptor,
 * a bad address, flags the kernel does not know, a file system type that
 * does not exist) but for those that only report or open: inotify_init,
 * open_tree without OPEN_TREE_CLONE (a path descriptor), seccomp's
 * SECCOMP_GET_ACTION_AVAIL and SECCOMP_GET_NOTIF_SIZES. kexec_load is always
 * given an unknown flag, as kexec_file_load, so that nothing is loaded or
 * unloaded; no module image is given; mq_open is asked for a queue that does
 * not exist, or to create one with attributes the kernel refuses; no filter
 * is installed; swapon and delete_module name nothing that exists, iopl,
 * ioperm, unshare, userfaultfd and memfd_secret get values the kernel
 * refuses, setfsuid and setfsgid -1 (a query), get_mempolicy and move_pages
 * without flags are queries. Which errno a refused call gets can depend on the kernel's
 * configuration and privileges; the tests compare with strace on the same
 * machine. */
#include "helper.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <time.h>
#include <asm/ldt.h>
#include <linux/fanotify.h>
#include <linux/kexec.h>
#include <linux/mempolicy.h>
#include <linux/mount.h>
#include <linux/seccomp.h>
#include <mqueue.h>
#include <signal.h>

/* The high half strace's tests put in 32-bit arguments, which the kernel
 * ignores. */
#define FILL 0xdefaced00000000ULL

static void mount_api(int full, char *tail)
{
	char key[] = "source";

	syscall(SYS_fsopen, "nosuchfs-h_calls2", FILL | FSOPEN_CLOEXEC);
	syscall(SYS_fsopen, NULL, FILL | 2);
	syscall(SYS_fsopen, tail - 3, FILL | 0xffffffffULL);
	syscall(SYS_fsconfig, full, FSCONFIG_SET_FLAG, key, NULL, 0);
	syscall(SYS_fsconfig, full, FSCONFIG_SET_STRING, key, "/dev/full", 0);
	syscall(SYS_fsconfig, full, FSCONFIG_SET_BINARY, key, "\1\2\3", 3);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH, key, "/dev/full", AT_FDCWD);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH_EMPTY, NULL, "", full);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_FD, key, NULL, full);
	syscall(SYS_fsconfig, full, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
	syscall(SYS_fsconfig, full, 8, key, tail, -1);
	syscall(SYS_fsmount, full, FILL | FSMOUNT_CLOEXEC,
		FILL | MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOATIME | 0x40);
	syscall(SYS_fsmount, -1, 0, 0);
	syscall(SYS_fspick, AT_FDCWD, NULL, FSPICK_CLOEXEC | 0x10);
	syscall(SYS_fspick, full, "", FSPICK_EMPTY_PATH | 0x10);
	syscall(SYS_move_mount, -1, "/dev/full", AT_FDCWD, "",
		FILL | 0xffffffffULL);
	syscall(SYS_move_mount, full, "", full, tail, MOVE_MOUNT_F_EMPTY_PATH);
	syscall(SYS_open_tree, -1, NULL, FILL | OPEN_TREE_CLONE);
	syscall(SYS_open_tree, -1, "", 0xffffffffULL);
}

static void modules_and_kexec(char *tail)
{
	unsigned long segs[8] = { 0, 1, 0x10000, 4096, 0x7000, 2, 0x20000, 8192 };

	syscall(SYS_init_module, NULL, 0, "");
	syscall(SYS_init_module, tail, 4, "param=1");
	syscall(SYS_finit_module, -1, "param=1", 0x80);
	syscall(SYS_finit_module, -1, NULL, 1);
	/* Unknown flags and too many segments: the kernel refuses before
	 * anything is loaded or unloaded. */
	syscall(SYS_kexec_load, 0, 17, segs, KEXEC_ARCH_X86_64 | 0x100);
	syscall(SYS_kexec_load, 0x1234, 2, segs,
		KEXEC_ARCH_SH | KEXEC_ON_CRASH | 0xdead00000000ULL);
	syscall(SYS_kexec_load, 0x1234, 2, tail - 32, 0xda7a0000ULL | 0x80);
	syscall(SYS_kexec_file_load, -1, -1, 7, "abcdef",
		KEXEC_FILE_NO_INITRAMFS | 0x80);
	syscall(SYS_kexec_file_load, -1, -1, 40, tail - 8, 0x80);
}

static void notify_calls(void)
{
	int fd = syscall(SYS_inotify_init);

	if (fd >= 0)
		syscall(SYS_close, fd);
	syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | 0x80000000U, O_RDONLY);
	syscall(SYS_fanotify_init, 0xc | FAN_CLOEXEC, O_WRONLY | O_CLOEXEC);
	syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD,
		FAN_MODIFY | FAN_ONDIR, FAN_NOFD, "/dev/full");
	syscall(SYS_fanotify_mark, -1, 0xeface800, 0xffffffffa7f02000ULL,
		AT_FDCWD, NULL);
	syscall(SYS_fanotify_mark, -1, FAN_MARK_REMOVE | FAN_MARK_MOUNT, 0, 5,
		"");
}

static void madvise_calls(char *tail)
{
	struct iovec iov[2] = {
		{ .iov_base = (void *)0x3000, .iov_len = 4096 },
		{ .iov_base = (void *)0x5000, .iov_len = 8192 },
	};

	syscall(SYS_process_madvise, -1, iov, 2, MADV_COLD, 0);
	syscall(SYS_process_madvise, -1, NULL, 0xdeadbeefdeadbeefULL,
		MADV_PAGEOUT, 0xcafef00d);
	syscall(SYS_process_madvise, -1, tail - 16, 2, 0xdeadc0de, 0);
}

static void mq_calls(int full, char *tail)
{
	struct mq_attr bad = { .mq_flags = O_NONBLOCK, .mq_maxmsg = 0 };
	struct mq_attr attr = { .mq_flags = O_NONBLOCK };
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 999999999 };
	struct sigevent sev;
	unsigned int prio;
	char buf[64] = "\200\201\202\203\204\205\206\207";

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_NONE;
	sev.sigev_signo = -5;
	syscall(SYS_mq_open, "/h_calls2-no-such-queue", O_RDONLY, 0600, &bad);
	syscall(SYS_mq_open, "/h_calls2-no-such-queue",
		O_RDWR | O_CREAT | O_EXCL | O_NONBLOCK, 0600, &bad);
	syscall(SYS_mq_open, tail, O_CREAT, 0600, tail - 56);
	syscall(SYS_mq_timedsend, full, buf, 8, 42, &ts);
	syscall(SYS_mq_timedsend, -1, buf, 64, 3, NULL);
	syscall(SYS_mq_timedreceive, -1, buf, 64, &prio, &ts);
	syscall(SYS_mq_notify, -1, &sev);
	syscall(SYS_mq_notify, -1, NULL);
	syscall(SYS_mq_getsetattr, -1, &attr, &attr);
	syscall(SYS_mq_getsetattr, full, NULL, tail);
	syscall(SYS_mq_unlink, "/h_calls2-no-such-queue");
}

static void seccomp_queries(char *tail)
{
	unsigned int action = SECCOMP_RET_KILL_PROCESS;
	unsigned int unknown = 0xffffffff;
	struct seccomp_notif_sizes sizes;
	unsigned short prog[8] = { 7 };

	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &unknown);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, tail);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0xdeadc0de, tail - 2);
	/* Refused for their flags: no filter is installed, strict mode is not
	 * entered. */
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0xffffffff, prog);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL);
	syscall(SYS_seccomp, 0xfacefeed, 0, NULL);
}

static void more_calls(char *tail)
{
	syscall(SYS_swapon, "h_calls2-no-such-swap", 0x8000 | 42);
	syscall(SYS_swapon, tail, 0xffffffff);
	syscall(SYS_swapoff, "h_calls2-no-such-swap");
	syscall(SYS_delete_module, "h_calls2_no_such_module", O_NONBLOCK);
	syscall(SYS_delete_module, tail - 7, 0xfacef157);
	syscall(SYS_iopl, 4);
	syscall(SYS_ioperm, 0x10000, 8, 1);
	syscall(SYS_unshare, 0xbadc0ded0000000fULL);
	syscall(SYS_setfsuid, -1);
	syscall(SYS_setfsgid, -1);
	syscall(SYS_remap_file_pages, tail, 4096, PROT_READ | PROT_WRITE, 0,
		MAP_PRIVATE | 0x40000000);
	syscall(SYS_userfaultfd, 0xffffffff);
	syscall(SYS_memfd_secret, 0xde97face | O_CLOEXEC);
	syscall(SYS_process_mrelease, -1, 0xcafef00d);
	syscall(SYS_pidfd_getfd, -1, 5, 0);
	syscall(SYS_lookup_dcookie, 0xf157feeddeadfaceULL, tail, 4096);
}

static void numa_calls(char *tail)
{
	unsigned long mask[3] = { 1, 0, 0 };
	void *pages[2] = { tail, NULL };
	int mode = -1, nodes[2] = { 0, 0 }, status[2] = { 7, 7 };

	/* Mode 0x7e does not exist (6 does in newer kernels), nor does flag
	 * 0x10 of mbind or move_pages, nor pid -1; set_mempolicy_home_node
	 * takes no flags. */
	syscall(SYS_mbind, tail - 4096, 4096,
		0xffffffff00000000ULL | 0x7e | MPOL_F_STATIC_NODES, mask, 65,
		MPOL_MF_STRICT | 0x10);
	syscall(SYS_mbind, tail - 4096, 4096, MPOL_BIND | MPOL_F_RELATIVE_NODES,
		mask, 1, 0x10);
	syscall(SYS_set_mempolicy, FILL | 0x7e, mask, 130);
	syscall(SYS_get_mempolicy, &mode, mask, 128, NULL, 0);
	syscall(SYS_get_mempolicy, NULL, NULL, 0, tail, MPOL_F_ADDR);
	syscall(SYS_migrate_pages, -1, 64, mask, mask);
	syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE | 0x10);
	syscall(SYS_set_mempolicy_home_node, tail - 4096, 4096, 0, 1);
	/* memfd_create's name is read up to 250 bytes: too long a name, and
	 * one that runs into the unmapped page. */
	syscall(SYS_memfd_create, tail - 250, 0);
	syscall(SYS_memfd_create, tail - 10, 0);
}

/* reboot with a bad magic number (refused before anything happens), ustat of
 * a device that does not exist, get_robust_list (a query), setgroups with
 * an invalid gid (refused before anything changes). */
static void admin_calls(char *tail)
{
	void *head;
	size_t len;
	gid_t groups[2] = { (gid_t)-1, 5 };

	memcpy(tail - 7, "reboot", 7);
	syscall(SYS_reboot, 0xfee1dead, 0x13111992, 0xa1b2c3d4, tail - 7);
	syscall(SYS_reboot, 0, 0, 0x1234568, tail - 7);
	syscall(SYS_ustat, 0xfacefeedffffffffULL, NULL);
	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_get_robust_list, 0, NULL, &len);
	syscall(SYS_setgroups, 2, groups);
}

/* process_vm_readv and process_vm_writev on the helper's own memory. */
static void process_vm_calls(char *tail)
{
	char buf[8] = "";
	struct iovec local = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct iovec remote = { .iov_base = tail - 7, .iov_len = 7 };
	pid_t pid = getpid();

	syscall(SYS_process_vm_readv, pid, &local, 1, &remote, 1, 0);
	syscall(SYS_process_vm_writev, pid, &local, 1, &remote, 1, 0);
	syscall(SYS_process_vm_readv, pid, &local, 1, &remote, 1, 1);
}

/* utimensat's special times, on a path that does not exist: names that
 * stand for a struct (compared under -X raw and -X verbose too). */
static void utime_calls(void)
{
	struct timespec ts[2] = {
		{ .tv_sec = 1, .tv_nsec = UTIME_NOW },
		{ .tv_sec = 2, .tv_nsec = UTIME_OMIT },
	};

	syscall(SYS_utimensat, AT_FDCWD, "/nonexistent/x", ts, 0);
}

/* x86 segment descriptors: an LDT read of nothing, writes the kernel refuses (an entry
 * past the table, an unreadable struct, an unknown function: errors come back as 32-bit
 * numbers), and the thread-area calls 64-bit callers do not have. */
static void ldt_calls(char *tail)
{
	struct user_desc d = {
		.entry_number = 0xffffffff, .base_addr = 0x1000, .limit = 0xfff,
		.seg_32bit = 1, .contents = 2, .read_exec_only = 1, .limit_in_pages = 0,
		.seg_not_present = 1, .useable = 1, .lm = 0,
	};
	char buf[16];

	syscall(SYS_modify_ldt, 0, buf, 0);
	syscall(SYS_modify_ldt, 0x11, &d, sizeof(d));
	syscall(SYS_modify_ldt, 0x11, tail - 8, sizeof(d));
	syscall(SYS_modify_ldt, 5, NULL, 0);
	syscall(SYS_set_thread_area, &d);
	syscall(SYS_get_thread_area, &d);
	syscall(SYS_get_thread_area, NULL);
}

int main(int argc, char **argv)
{
	char *pages;
	int full;

	setup(argc, argv);
	/* A page whose end is followed by no memory. */
	pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED || munmap(pages + 4096, 4096) != 0)
		return 3;
	memset(pages, 'x', 4096);
	full = open("/dev/full", O_WRONLY);
	if (full != 3)
		return 4;
	begin_marker();
	mount_api(full, pages + 4096);
	modules_and_kexec(pages + 4096);
	notify_calls();
	madvise_calls(pages + 4096);
	mq_calls(full, pages + 4096);
	seccomp_queries(pages + 4096);
	more_calls(pages + 4096);
	numa_calls(pages + 4096);
	admin_calls(pages + 4096);
	process_vm_calls(pages + 4096);
	utime_calls();
	ldt_calls(pages + 4096);
	return 0;
}
