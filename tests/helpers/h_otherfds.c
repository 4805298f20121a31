/* Descriptors named for another process than the caller: kcmp's indexes (of pid1 and
 * pid2), pidfd_getfd's target (of the pidfd's process), and the pidfd clone writes
 * where CLONE_PIDFD asks. Traced with -y/-yy by tests/fdpaths.rs. */
#include "helper.h"
#include <linux/kcmp.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	setup(argc, argv);
	int null = open("/dev/null", O_RDONLY);
	int zero = open("/dev/zero", O_RDONLY);
	/* Blocked, the child's exit signal is never delivered: no line to race with wait4's. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	begin_marker();

	pid_t me = syscall(SYS_getpid);
	/* The same file both times: the order of two would be the kernel's secret. */
	syscall(SYS_kcmp, me, me, KCMP_FILE, zero, zero);
	struct kcmp_epoll_slot slot = { .efd = null, .tfd = zero, .toff = 0 };
	syscall(SYS_kcmp, me, -1, KCMP_EPOLL_TFD, null, &slot);
	syscall(SYS_kcmp, -1, me, KCMP_FILE, null, zero);

	int pidfd = syscall(SYS_pidfd_open, me, 0);
	syscall(SYS_pidfd_getfd, pidfd, zero, 0);
	syscall(SYS_pidfd_getfd, null, zero, 0);

	int child_pidfd = -1;
	pid_t child = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, NULL, &child_pidfd, NULL, 0);
	if (child == 0)
		_exit(0);
	syscall(SYS_wait4, child, NULL, 0, NULL);
	return 0;
}
