/* A child in a new pid namespace (--decode-pids=pidns): the helper unshares
 * CLONE_NEWPID (with CLONE_NEWUSER when not root) and forks; the child is pid 1
 * there: getpid() = 1, kill(1, 0), getppid() = 0 (its parent is outside), and
 * a thread's gettid(). Prints "child PID" (the pid outside) and exits 0; exits
 * 77 when the kernel refuses the namespace. */
#include "helper.h"
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	int st;
	pid_t pid;

	setup(argc, argv);
	if (unshare(geteuid() == 0 ? CLONE_NEWPID : CLONE_NEWPID | CLONE_NEWUSER) != 0)
		return 77;
	begin_marker();
	pid = fork();
	if (pid < 0)
		_exit(102);
	if (pid == 0) {
		long me = syscall(SYS_getpid);
		syscall(SYS_kill, me, 0);
		syscall(SYS_getppid);
		syscall(SYS_gettid);
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		_exit(103);
	printf("child %d\n", pid);
	return 0;
}
