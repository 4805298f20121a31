/* Processes the tracer meets without tracing them on purpose (strace's
 * "Detached unknown pid" and "Exit of unknown pid" cases).
 *
 * argv[2] = "ptrace": clones a child with CLONE_PTRACE (traced by the
 * tracer because its parent is, even without -f), kills it with SIGUSR1 and
 * waits for it; prints "child PID" on stdout.
 *
 * argv[2] = "parent": clones a child with CLONE_PARENT (the tracer's child,
 * not this process's), which exits at once; waits until the tracer has
 * reaped it (kill(pid, 0) fails with ESRCH), then prints "child PID".
 *
 * argv[2] = "chdir": waits for a line on stdin, then makes one failing
 * chdir("strangers") and exits (a process for -p beside a command). */
#include "helper.h"
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

static char stack[65536] __attribute__((aligned(16)));

static int pause_forever(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return 0;
}

static int exit_now(void *arg)
{
	(void)arg;
	syscall(SYS_exit, 0);
	return 0;
}

int main(int argc, char **argv)
{
	pid_t pid;
	int st;

	setup(argc, argv);
	if (argc < 3)
		_exit(102);
	if (strcmp(argv[2], "chdir") == 0) {
		char line[16];
		if (read(0, line, sizeof line) < 0)
			_exit(103);
		syscall(SYS_chdir, "strangers");
		return 0;
	}
	if (strcmp(argv[2], "ptrace") == 0) {
		pid = clone(pause_forever, stack + sizeof stack, CLONE_PTRACE | SIGCHLD, NULL);
		if (pid < 0)
			_exit(104);
		kill(pid, SIGUSR1);
		while (waitpid(pid, &st, 0) != pid)
			if (errno != EINTR)
				_exit(105);
		if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGUSR1)
			_exit(106);
	} else {
		pid = clone(exit_now, stack + sizeof stack, CLONE_PARENT | SIGCHLD, NULL);
		if (pid < 0)
			_exit(104);
		while (kill(pid, 0) == 0)
			;
		if (errno != ESRCH)
			_exit(105);
	}
	printf("child %d\n", pid);
	return 0;
}
