/*
 * Benchmark workload for scripts/bench: issue N raw getppid(2) syscalls.
 *
 * Usage: getppid_loop [COUNT [fork]]     (default COUNT = 50000)
 *
 * With "fork", it forks first and parent and child each make COUNT calls (the
 * parent then waits for the child): traced without -f only the parent is shown,
 * and under a seccomp filter the child, which inherits it, must be serviced.
 *
 * syscall(SYS_getppid) is used instead of getppid() so that every iteration
 * really enters the kernel (no libc caching), which makes the run time
 * dominated by per-syscall tracer overhead when traced.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long count = 50000;

	if (argc > 1) {
		char *end;

		errno = 0;
		count = strtol(argv[1], &end, 10);
		if (errno != 0 || end == argv[1] || *end != '\0' || count < 0) {
			fprintf(stderr, "usage: %s [COUNT]  (COUNT: non-negative integer)\n",
				argv[0]);
			return 2;
		}
	}

	pid_t child = -1;
	if (argc > 2 && strcmp(argv[2], "fork") == 0) {
		child = fork();
		if (child < 0)
			return 1;
	}
	for (long i = 0; i < count; i++)
		syscall(SYS_getppid);
	if (child == 0)
		_exit(0);
	if (child > 0) {
		int status;
		if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			return 1;
	}
	return 0;
}
