/* Process-control syscalls, raw: `h_procsig2 WORKDIR MODE` with MODE one of
 * prctl, admin, ptrace. Nothing here changes the machine: the calls that
 * would (mount, chroot, sethostname, syslog's console level, acct) are made
 * to fail with bad paths, lengths or levels; the rest only affect the helper
 * (its name, dumpable flag, bounding set) or its own child. */
#include "helper.h"
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <linux/capability.h>
#include <linux/kcmp.h>
#include <linux/sched.h>
#include <time.h>

static void prctls(void)
{
	char name[32];
	int v;
	unsigned long tid;

	syscall(SYS_prctl, PR_SET_NAME, "h_procsig2", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_NAME, "a_name_longer_than_15", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_NAME, (void *)8, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, (void *)8, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_PDEATHSIG, &v, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_PDEATHSIG, &v, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_PDEATHSIG, NULL, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_PDEATHSIG, 200, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_DUMPABLE, 7, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_SECCOMP, 2, NULL, 0, 0);
	syscall(SYS_prctl, PR_SET_SECCOMP, 7, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0);
	syscall(SYS_prctl, PR_CAPBSET_READ, 100, 0, 0, 0);
	syscall(SYS_prctl, PR_CAPBSET_DROP, CAP_SYS_BOOT, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_CHILD_SUBREAPER, &v, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_TIMERSLACK, 50000, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_TIMERSLACK, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_TID_ADDRESS, &tid, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_THP_DISABLE, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_THP_DISABLE, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0);
	syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_SYS_BOOT, 0, 0);
	syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	syscall(SYS_prctl, PR_CAP_AMBIENT, 9, 1, 2, 3);
	syscall(SYS_prctl, PR_SET_MM, PR_SET_MM_START_CODE, 0x1000, 0, 0);
	syscall(SYS_prctl, PR_SET_VMA, 0, 0x1000, 0x1000, "x");
	syscall(SYS_prctl, 0x12345, 1, 2, 3, 4);
	syscall(SYS_prctl, PR_GET_KEEPCAPS, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_KEEPCAPS, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_PTRACER, -1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_SECUREBITS, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_SECUREBITS, 0x100, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_TSC, &v, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_FP_MODE, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0);
	syscall(SYS_prctl, PR_GET_TIMING, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_SPECULATION_CTRL, 9, 1, 0, 0);
	/* The arm64 options fail here (EINVAL), as do core scheduling's calls with a
	 * bad scope whether the kernel has it or not. */
	syscall(SYS_prctl, PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC | 0x10, 1, 2, 3);
	syscall(SYS_prctl, PR_SVE_GET_VL, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SME_SET_VL, 0x10020, 0, 0, 0);
	syscall(SYS_prctl, PR_SME_GET_VL, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_PAC_RESET_KEYS, 0x21, 0, 0, 0);
	syscall(SYS_prctl, PR_PAC_SET_ENABLED_KEYS, 3, 0x30, 0, 0);
	syscall(SYS_prctl, PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_TAGGED_ADDR_CTRL, 0x80000 | (5 << 3) | 5, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 4, 0);
	syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0, 7, 0);
}

static void admin(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	struct sysinfo si;
	struct sched_param sp = { 0 };
	struct timespec ts;
	unsigned cpu, node;
	char *av[] = { "/nonexistent/x", "a", NULL };
	char *ev[] = { "A=1", NULL };
	static char logbuf[16];
	long pid;

	syscall(SYS_capget, &h, d);
	h.version = 0x12345678;
	syscall(SYS_capget, &h, d);
	syscall(SYS_capget, &h, NULL);
	syscall(SYS_capget, NULL, d);
	syscall(SYS_capget, (void *)8, (void *)16);
	h.version = _LINUX_CAPABILITY_VERSION_3;
	h.pid = 0x7fffffff;
	syscall(SYS_capget, &h, d);
	h.pid = 0;
	d[0].effective = 0;
	d[0].permitted = 0x5;
	d[0].inheritable = 0xffffffff;
	d[1].effective = 0xffffffff;
	d[1].permitted = 0x1ff;
	d[1].inheritable = 0;
	syscall(SYS_capset, &h, d);
	h.version = _LINUX_CAPABILITY_VERSION_1;
	syscall(SYS_capset, &h, d);
	syscall(SYS_sysinfo, &si);
	syscall(SYS_sysinfo, NULL);
	syscall(SYS_sysinfo, (void *)8);
	syscall(SYS_personality, 0xffffffff);
	syscall(SYS_personality, 0x0400000 | 0x0040000 | 0x0008);
	syscall(SYS_personality, 0);
	syscall(SYS_personality, 0x7 | 0x100);
	syscall(SYS_personality, 0);
	syscall(SYS_execveat, AT_FDCWD, "/nonexistent/x", av, ev, 0);
	syscall(SYS_execveat, -1, "", av, ev, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
	syscall(SYS_execveat, 5, NULL, NULL, NULL, 0x1234);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_setscheduler, 0, SCHED_FIFO | SCHED_RESET_ON_FORK, NULL);
	syscall(SYS_sched_setscheduler, 0, 77, (void *)8);
	syscall(SYS_sched_getscheduler, -1);
	syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	syscall(SYS_sched_get_priority_min, SCHED_RR);
	syscall(SYS_sched_get_priority_min, 99);
	syscall(SYS_sched_rr_get_interval, 0, &ts);
	syscall(SYS_sched_rr_get_interval, -1, &ts);
	syscall(SYS_sched_rr_get_interval, 0, NULL);
	syscall(SYS_setpriority, PRIO_PROCESS, 0, 0);
	syscall(SYS_getpriority, PRIO_PROCESS, 0);
	syscall(SYS_setpriority, 9, 0, -5);
	syscall(SYS_getcpu, &cpu, &node, NULL);
	syscall(SYS_getcpu, NULL, NULL, (void *)8);
	syscall(SYS_getcpu, (void *)8, &node, NULL);
	syscall(SYS_unshare, 0);
	syscall(SYS_unshare, -1);
	syscall(SYS_setns, -1, CLONE_NEWNET);
	syscall(SYS_setns, -1, 0);
	syscall(SYS_setns, -1, 1);
	syscall(SYS_setns, -1, CLONE_NEWPID | CLONE_NEWUTS);
	pid = syscall(SYS_getpid);
	syscall(SYS_kcmp, pid, pid, KCMP_FILE, 1, 1);
	syscall(SYS_kcmp, pid, pid, KCMP_VM, 1, 2);
	syscall(SYS_kcmp, pid, pid, 99, 1, 2);
	syscall(SYS_kcmp, pid, pid, KCMP_EPOLL_TFD, 1, 0);
	syscall(SYS_chroot, "/nonexistent");
	syscall(SYS_pivot_root, "/nonexistent", "/nonexistent2");
	syscall(SYS_mount, "/nonexistent", "/nonexistent2", "bogusfs",
		MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_REMOUNT | MS_BIND, "a=b");
	syscall(SYS_mount, "none", "/nonexistent2", NULL, MS_PRIVATE | MS_REC, NULL);
	syscall(SYS_mount, "/a", "/nonexistent2", "ext4", 0xC0ED0000 | MS_RDONLY, "ro");
	syscall(SYS_mount, "/a", "/nonexistent2", "ext4", 0xC0ED0000, NULL);
	syscall(SYS_mount, "/a", "/nonexistent2", "ext4", 0, NULL);
	syscall(SYS_mount, NULL, NULL, NULL, MS_POSIXACL | MS_RELATIME | MS_LAZYTIME, (void *)8);
	syscall(SYS_umount2, "/nonexistent", MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW | 0x100);
	syscall(SYS_umount2, "/nonexistent", 0);
	syscall(SYS_syslog, 10, NULL, 0);
	syscall(SYS_syslog, -1, NULL, 0);
	syscall(SYS_syslog, 99, (void *)8, 10);
	syscall(SYS_syslog, 8, NULL, 99);
	syscall(SYS_syslog, 3, NULL, 16);
	syscall(SYS_syslog, 3, logbuf, 0);
	syscall(SYS_acct, "/nonexistent/x");
	syscall(SYS_sethostname, "example", 100);
	syscall(SYS_sethostname, (void *)8, 5);
	syscall(SYS_setdomainname, "exam\nple", -1);
}

static volatile unsigned long peeked = 0x1234;

static void ptraces(void)
{
	unsigned long regs[27], msg, mask;
	int status;
	pid_t child = fork();

	if (child == 0) {
		for (;;)
			pause();
	}
	syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
	syscall(SYS_ptrace, PTRACE_ATTACH, 0x7fffffff, 0, 0);
	syscall(SYS_ptrace, PTRACE_PEEKDATA, 0x7fffffff, 0x1000, &msg);
	syscall(SYS_ptrace, 0x9999, 0x7fffffff, 0x1000, 0x2000);
	syscall(SYS_ptrace, PTRACE_SEIZE, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
	syscall(SYS_ptrace, PTRACE_INTERRUPT, child, 0, 0);
	syscall(SYS_wait4, child, &status, __WALL, NULL);
	syscall(SYS_ptrace, PTRACE_GETREGS, child, 0, regs);
	syscall(SYS_ptrace, PTRACE_GETREGS, child, 0, NULL);
	syscall(SYS_ptrace, PTRACE_PEEKDATA, child, &peeked, &msg);
	syscall(SYS_ptrace, PTRACE_GETEVENTMSG, child, 0, &msg);
	syscall(SYS_ptrace, PTRACE_GETSIGMASK, child, 8, &mask);
	syscall(SYS_ptrace, PTRACE_SETOPTIONS, child, 0,
		PTRACE_O_TRACEFORK | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL | 0x4000000);
	syscall(SYS_ptrace, PTRACE_SYSCALL, child, 0, 0);
	syscall(SYS_ptrace, PTRACE_DETACH, 0x7fffffff, 0, SIGCONT);
	syscall(SYS_kill, child, SIGKILL);
	syscall(SYS_wait4, child, &status, __WALL, NULL);
}

int main(int argc, char **argv)
{
	cpu_set_t cs;
	sigset_t chld;

	setup(argc, argv);
	/* No SIGCHLD line may race with the calls. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	if (argc < 3)
		return 2;
	/* getcpu's answer is then known. */
	CPU_ZERO(&cs);
	CPU_SET(0, &cs);
	sched_setaffinity(0, sizeof(cs), &cs);
	begin_marker();
	if (!strcmp(argv[2], "prctl"))
		prctls();
	else if (!strcmp(argv[2], "admin"))
		admin();
	else if (!strcmp(argv[2], "ptrace"))
		ptraces();
	else
		return 2;
	return 0;
}
