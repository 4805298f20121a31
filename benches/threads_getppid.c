/*
 * Benchmark workload for scripts/bench: THREADS threads (default 4) each issue
 * COUNT raw getppid(2) syscalls (default 50000).
 *
 * Usage: threads_getppid [COUNT] [THREADS]
 *
 * Traced with -f, every thread is a tracee: without a seccomp filter each of
 * its syscalls stops it twice, with one (-e trace=openat) none does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long count = 50000;

static void *worker(void *arg)
{
	(void) arg;
	for (long i = 0; i < count; i++)
		syscall(SYS_getppid);
	return NULL;
}

static long parse(const char *s, const char *prog)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0) {
		fprintf(stderr, "usage: %s [COUNT] [THREADS]\n", prog);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	long nthreads = 4;

	if (argc > 1)
		count = parse(argv[1], argv[0]);
	if (argc > 2)
		nthreads = parse(argv[2], argv[0]);

	pthread_t *tids = calloc(nthreads, sizeof(*tids));
	if (!tids)
		return 1;
	for (long i = 0; i < nthreads; i++) {
		int err = pthread_create(&tids[i], NULL, worker, NULL);
		if (err) {
			fprintf(stderr, "pthread_create: %s\n", strerror(err));
			return 1;
		}
	}
	for (long i = 0; i < nthreads; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	return 0;
}
