/*
 * The benchmark's stopwatch (scripts/bench): runs a command REPEAT times, one after the
 * other, and prints what the runs cost together:
 *
 *     WALL_NS CPU_US MAXRSS_KB
 *
 * wall time from fork to reaping (CLOCK_MONOTONIC), user+system CPU time of the command
 * and of every descendant it reaped (a tracer reaps its tracees, so a traced run counts
 * the tracer's and the command's CPU), and the largest maximum resident set size among
 * them (the tracer's own when it is larger than what it traces). Measuring in C instead
 * of with bash or time(1) keeps the measurement's own fork and exec out of the figures.
 *
 * The command's standard output goes to /dev/null (its standard error is kept, for errors).
 *
 * Usage: measure REPEAT COMMAND [ARGS...]     exits 1 if any run does not exit 0
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

int main(int argc, char **argv)
{
	long repeat = argc > 2 ? strtol(argv[1], NULL, 10) : 0;
	long long wall = 0, cpu = 0;
	long maxrss = 0;

	if (repeat < 1) {
		fprintf(stderr, "usage: %s REPEAT COMMAND [ARGS...]\n", argv[0]);
		return 2;
	}
	for (long i = 0; i < repeat; i++) {
		struct rusage ru;
		int status;
		long long t0 = now_ns();
		pid_t pid = fork();

		if (pid < 0) {
			perror("measure: fork");
			return 1;
		}
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);

			if (null < 0 || dup2(null, 1) < 0) {
				perror("measure: /dev/null");
				_exit(127);
			}
			execvp(argv[2], argv + 2);
			perror("measure: exec");
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) != pid) {
			perror("measure: wait4");
			return 1;
		}
		wall += now_ns() - t0;
		cpu += tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "measure: %s: status 0x%x\n", argv[2], status);
			return 1;
		}
	}
	printf("%lld %lld %ld\n", wall, cpu, maxrss);
	return 0;
}
