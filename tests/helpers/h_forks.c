/* Forks NCHILD children one after the other; child i exits at once with
 * _exit(i % 7 + 10) (raw exit_group), the parent waits for each with
 * wait4 before forking the next. argv[2] (optional) sets the number of
 * children. The parent exits with 3.
 *
 * With argv[2] = "killed", forks one child that kills itself with
 * SIGKILL; the parent reaps it and exits with 4.
 *
 * With argv[2] = "vfork", makes one child with a raw
 * clone(CLONE_VFORK|CLONE_CHILD_SETTID|SIGCHLD): the parent stays in its clone
 * until the child, which calls getpid and exits with 5, is gone, so a tracer
 * always cuts the parent's clone line with the child's; the parent reaps it,
 * then does the same with clone3({CLONE_VFORK|CLONE_PARENT_SETTID, ...}, 88),
 * and exits with 6. */
#include "helper.h"
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#define NCHILD 200

int main(int argc, char **argv)
{
	int i, n = NCHILD, st;
	pid_t pid;

	setup(argc, argv);
	begin_marker();
	if (argc > 2 && strcmp(argv[2], "killed") == 0) {
		pid = fork();
		if (pid < 0)
			_exit(102);
		if (pid == 0) {
			syscall(SYS_kill, syscall(SYS_getpid), SIGKILL);
			syscall(SYS_exit_group, 105);
		}
		if (waitpid(pid, &st, 0) != pid || !WIFSIGNALED(st))
			_exit(103);
		syscall(SYS_exit_group, 4);
	}
	if (argc > 2 && strcmp(argv[2], "vfork") == 0) {
		pid_t tid = 0;
		long r = syscall(SYS_clone, CLONE_VFORK | CLONE_CHILD_SETTID | SIGCHLD,
				 0, NULL, &tid, 0);

		if (r < 0)
			_exit(102);
		if (r == 0) {
			syscall(SYS_getpid);
			syscall(SYS_exit_group, 5);
		}
		if (waitpid(r, &st, 0) != r || !WIFEXITED(st) || WEXITSTATUS(st) != 5)
			_exit(103);
		struct clone_args ca;
		memset(&ca, 0, sizeof(ca));
		ca.flags = CLONE_VFORK | CLONE_PARENT_SETTID;
		ca.parent_tid = (unsigned long) &tid;
		ca.exit_signal = SIGCHLD;
		r = syscall(SYS_clone3, &ca, sizeof(ca));
		if (r < 0)
			_exit(104);
		if (r == 0) {
			syscall(SYS_getpid);
			syscall(SYS_exit_group, 5);
		}
		if (waitpid(r, &st, 0) != r || !WIFEXITED(st) || WEXITSTATUS(st) != 5)
			_exit(103);
		syscall(SYS_exit_group, 6);
	}
	if (argc > 2)
		n = atoi(argv[2]);
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0)
			_exit(102);
		if (pid == 0)
			syscall(SYS_exit_group, i % 7 + 10);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != i % 7 + 10)
			_exit(103);
	}
	syscall(SYS_exit_group, 3);
	return 3;
}
