/* Process and signal syscalls, raw: `h_procsig WORKDIR MODE` with MODE one of
 * signal, wait (more to come). SIGCHLD is blocked before the marker so that
 * no signal line races with the calls. */
#include "helper.h"
#include <signal.h>
#include <string.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>

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
}

static void waits(void)
{
	int st;
	siginfo_t si;
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
		syscall(SYS_exit_group, 5);
	syscall(SYS_waitid, P_PID, p, &si, WEXITED | WNOWAIT, NULL);
	syscall(SYS_waitid, P_ALL, 0, NULL, WEXITED, NULL);
	syscall(SYS_waitid, P_PGID, 0, &si, WEXITED | WNOHANG | WSTOPPED, NULL);
	syscall(SYS_waitid, 7, 0, NULL, 0, NULL);
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
	syscall(SYS_exit_group, 0);
	return 0;
}
