/*
 * Benchmark workload for scripts/bench: issue N raw getppid(2) syscalls.
 *
 * Usage: getppid_loop [COUNT]     (default COUNT = 50000)
 *
 * syscall(SYS_getppid) is used instead of getppid() so that every iteration
 * really enters the kernel (no libc caching), which makes the run time
 * dominated by per-syscall tracer overhead when traced.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
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

	for (long i = 0; i < count; i++)
		syscall(SYS_getppid);

	return 0;
}
