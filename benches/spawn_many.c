/*
 * Benchmark workload for scripts/bench: run COUNT short processes (/bin/true),
 * JOBS at a time, as a shell loop (JOBS = 1) or `make -jJOBS` would.
 *
 * Usage: spawn_many [COUNT [JOBS]]     (defaults: 200, 1)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long count = argc > 1 ? strtol(argv[1], NULL, 10) : 200;
	long jobs = argc > 2 ? strtol(argv[2], NULL, 10) : 1;
	long started = 0, running = 0;
	int status;

	if (count < 0 || jobs < 1) {
		fprintf(stderr, "usage: %s [COUNT [JOBS]]\n", argv[0]);
		return 2;
	}
	while (started < count || running > 0) {
		while (started < count && running < jobs) {
			pid_t pid = fork();
			if (pid < 0)
				return 1;
			if (pid == 0) {
				execl("/bin/true", "true", (char *) NULL);
				_exit(127);
			}
			started++;
			running++;
		}
		if (wait(&status) < 0)
			return 1;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return 1;
		running--;
	}
	return 0;
}
