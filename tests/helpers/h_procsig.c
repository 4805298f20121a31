/* Process and signal syscalls, raw: `h_procsig WORKDIR MODE` with MODE one of
 * signal, wait, futex, clone, ids. SIGCHLD is blocked before the marker so that
 * no signal line races with the calls. */
#include "helper.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/utsname.h>

/* The kernel's struct sigaction on x86_64. */
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask;
};

static void handler(int sig)
{
	(void)sig;
}

static unsigned long bit(int sig)
{
	return 1UL << (sig - 1);
}

static void signals(void)
{
	struct ksigaction act, old;
	unsigned long set, oldset;
	struct timespec ts = { 0, 1000 };
	siginfo_t si;
	stack_t ss, oss;
	static char stack[8192];
	long pid = syscall(SYS_getpid);
	int pfd;

	memset(&act, 0, sizeof(act));
	act.handler = handler;
	act.flags = 0x04000000 | 0x10000000; /* SA_RESTORER|SA_RESTART */
	act.restorer = (void *)0x1234;
	act.mask = bit(SIGUSR1);
	syscall(SYS_rt_sigaction, SIGUSR1, &act, &old, 8);
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
	act.handler = (void *)1;
	act.flags = 0xffffffff;
	act.mask = ~0UL;
	syscall(SYS_rt_sigaction, SIGUSR2, &act, NULL, 8);
	act.flags = 0x08000000 | 4;
	act.mask = bit(SIGINT) | bit(41);
	syscall(SYS_rt_sigaction, SIGKILL, &act, &old, 8);
	syscall(SYS_rt_sigaction, SIGUSR2, (void *)8, (void *)16, 8);
	syscall(SYS_rt_sigaction, 40, NULL, &old, 8);

	set = bit(SIGUSR1);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 8);
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, NULL, &oldset, 8);
	syscall(SYS_rt_sigprocmask, 5, &set, &oldset, 8);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, &oldset, 4);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, (void *)8, (void *)16, 8);
	syscall(SYS_rt_sigpending, &set, 8);
	set = bit(SIGUSR1);
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	syscall(SYS_kill, pid, SIGUSR1);
	syscall(SYS_rt_sigpending, &oldset, 8);
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	syscall(SYS_rt_sigtimedwait, &set, NULL, NULL, 4);

	ss.ss_sp = stack;
	ss.ss_flags = 0;
	ss.ss_size = sizeof(stack);
	syscall(SYS_sigaltstack, &ss, &oss);
	syscall(SYS_sigaltstack, NULL, &oss);
	syscall(SYS_sigaltstack, (void *)8, NULL);
	ss.ss_flags = SS_DISABLE;
	syscall(SYS_sigaltstack, &ss, NULL);

	syscall(SYS_signalfd4, -1, &set, 8, O_CLOEXEC | O_NONBLOCK);
	syscall(SYS_signalfd4, -1, &set, 8, 1);
	pfd = syscall(SYS_pidfd_open, pid, 0);
	syscall(SYS_pidfd_open, pid, O_NONBLOCK);
	syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0);
	syscall(SYS_pidfd_send_signal, pfd, SIGCONT, (void *)8, 5);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = pid;
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	si.si_int = 5;
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	/* An errno by name, or unsigned; an id of all ones as -1 (strace's
	 * printsiginfo); flags are an unsigned int. */
	si.si_errno = ENOENT;
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	si.si_errno = -1;
	si.si_uid = -1;
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	syscall(SYS_pidfd_send_signal, pfd, SIGCONT, (void *)8,
		0xdefaced00000005ULL);
}

static void waits(void)
{
	int st;
	siginfo_t si;
	struct rusage ru;
	long p;

	p = syscall(SYS_fork);
	if (p == 0)
		syscall(SYS_exit_group, 3);
	syscall(SYS_wait4, p, &st, 0, NULL);
	p = syscall(SYS_fork);
	if (p == 0)
		syscall(SYS_kill, syscall(SYS_getpid), SIGKILL);
	syscall(SYS_wait4, -1, &st, WUNTRACED | WCONTINUED | __WALL, NULL);
	p = syscall(SYS_fork);
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	syscall(SYS_wait4, -1, &st, WNOHANG | __WNOTHREAD | __WCLONE | 0x100, NULL);
	syscall(SYS_wait4, -1, (void *)8, WNOHANG, NULL);
	p = syscall(SYS_fork);
	if (p == 0)
		for (;;)
			syscall(SYS_pause);
	syscall(SYS_wait4, p, &st, WNOHANG, &ru);
	syscall(SYS_kill, p, SIGKILL);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	p = syscall(SYS_fork);
	if (p == 0)
		syscall(SYS_exit_group, 5);
	syscall(SYS_waitid, P_PID, p, &si, WEXITED | WNOWAIT, NULL);
	syscall(SYS_waitid, P_ALL, 0, NULL, WEXITED, NULL);
	syscall(SYS_waitid, P_PGID, 0, &si, WEXITED | WNOHANG | WSTOPPED, NULL);
	syscall(SYS_waitid, 7, 0, NULL, 0, NULL);
}

static void futexes(void)
{
	static uint32_t word = 5, other;
	struct timespec ts = { 0, 1000 };

	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 2147483647, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAKE, -1, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT, 5, &ts, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 4, NULL, NULL,
		FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &word, FUTEX_WAIT_BITSET, 5, &ts, NULL, 3);
	syscall(SYS_futex, &word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &word, FUTEX_REQUEUE_PRIVATE, 1, 2, &other, 0);
	syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &other, 5);
	syscall(SYS_futex, &word, FUTEX_WAKE_OP_PRIVATE, 1, 2, &other,
		FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_GT, 0));
	syscall(SYS_futex, &word, FUTEX_WAKE_OP, 1, 2, &other, 0xffffffff);
	syscall(SYS_futex, &other, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	syscall(SYS_futex, &other, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	syscall(SYS_futex, &other, FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_REQUEUE_PI_PRIVATE, 5, &ts, &other, 0);
	syscall(SYS_futex, &word, FUTEX_FD | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0);
	syscall(SYS_futex, &word, 14, 1, 2, 3, 4);
	syscall(SYS_futex, &word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 2, 3, 4);
	syscall(SYS_futex, &word, FUTEX_WAIT, 5, (void *)8, NULL, 0);
	syscall(SYS_futex, NULL, FUTEX_WAIT, 5, NULL, NULL, 0);
}

static void clones(void)
{
	static int ptid, ctid, pfd;
	struct clone_args ca;
	long p;

	p = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	p = syscall(SYS_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
		    0, &ptid, &ctid, 0);
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	p = syscall(SYS_clone, CLONE_SETTLS | SIGCHLD, 0, &ptid, &ctid, 0x1234);
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	p = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pfd, NULL, 0);
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	syscall(SYS_clone, CLONE_THREAD | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_SYSVSEM |
		CLONE_NEWNS | CLONE_PIDFD | CLONE_VFORK | CLONE_PARENT | CLONE_PTRACE | CLONE_UNTRACED |
		CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET |
		CLONE_IO | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_SETTLS |
		0x400000 | 0x1f, 0x1000, &ptid, &ctid, 0x1234);

	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_PIDFD;
	ca.exit_signal = SIGCHLD;
	ca.parent_tid = (uintptr_t)&ptid;
	ca.child_tid = (uintptr_t)&ctid;
	ca.pidfd = (uintptr_t)&pfd;
	p = syscall(SYS_clone3, &ca, sizeof(ca));
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	memset(&ca, 0, sizeof(ca));
	ca.exit_signal = SIGCHLD;
	p = syscall(SYS_clone3, &ca, 64);
	if (p == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, p, NULL, 0, NULL);
	ca.flags = 0x3ffffff80ULL;
	ca.stack = 0x1000;
	ca.stack_size = 0x2000;
	ca.tls = 0x3000;
	ca.cgroup = 7;
	ca.set_tid = (uintptr_t)&ptid;
	ca.set_tid_size = 1;
	syscall(SYS_clone3, &ca, sizeof(ca));
	syscall(SYS_clone3, &ca, 40);
	syscall(SYS_clone3, NULL, 88);
	syscall(SYS_clone3, (void *)8, 88);
}

static void ids(void)
{
	unsigned int r[3];
	gid_t groups[3] = { 0, 5, 100 };
	cpu_set_t cpus;
	struct sched_param sp;
	struct rusage ru;
	struct utsname u;

	syscall(SYS_getresuid, &r[0], &r[1], &r[2]);
	syscall(SYS_getresgid, &r[0], &r[1], (void *)8);
	syscall(SYS_setresuid, -1, 0, -1);
	syscall(SYS_setresgid, 0, -1, 0);
	syscall(SYS_setuid, 0);
	syscall(SYS_setgid, 0);
	syscall(SYS_setreuid, -1, 0);
	syscall(SYS_setregid, 0, -1);
	syscall(SYS_setfsuid, -1);
	syscall(SYS_setfsgid, -1);
	syscall(SYS_setgroups, 3, groups);
	syscall(SYS_getgroups, 3, groups);
	syscall(SYS_getgroups, 0, NULL);
	syscall(SYS_getgroups, 1, groups);
	syscall(SYS_setgroups, 1, (void *)8);
	syscall(SYS_setgroups, 0, NULL);
	syscall(SYS_getpgid, -1);
	syscall(SYS_getsid, -1);
	syscall(SYS_setpgid, -1, 0);
	syscall(SYS_sched_yield);
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	syscall(SYS_sched_setaffinity, 0, sizeof(cpus), &cpus);
	syscall(SYS_sched_getaffinity, 0, 8, &cpus);
	syscall(SYS_sched_getaffinity, 0, 4, &cpus);
	syscall(SYS_sched_setaffinity, 0, 8, (void *)8);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_setparam, 0, &sp);
	syscall(SYS_sched_getparam, 0, NULL);
	syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru);
	syscall(SYS_getrusage, RUSAGE_THREAD, (void *)8);
	syscall(SYS_getrusage, 7, NULL);
	syscall(SYS_uname, &u);
	syscall(SYS_uname, NULL);
}

int main(int argc, char **argv)
{
	sigset_t chld;

	setup(argc, argv);
	if (argc < 3)
		_exit(102);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	begin_marker();
	if (strcmp(argv[2], "signal") == 0)
		signals();
	else if (strcmp(argv[2], "wait") == 0)
		waits();
	else if (strcmp(argv[2], "futex") == 0)
		futexes();
	else if (strcmp(argv[2], "clone") == 0)
		clones();
	else if (strcmp(argv[2], "ids") == 0)
		ids();
	syscall(SYS_exit_group, 0);
	return 0;
}
