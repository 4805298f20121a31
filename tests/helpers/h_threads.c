/* Starts NTHREADS threads at once (they wait on a barrier so their syscalls
 * interleave). Thread i makes NSTEPS raw `write(-1, "t<i>-<k>", len)` for
 * k = 0..NSTEPS-1, each failing with EBADF, then returns. The main thread
 * joins them all and exits with 0.
 *
 * The line text names the thread and the step, so a test can check that
 * every call is reported, in order, under the right pid. */
#include "helper.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NTHREADS 8
#define NSTEPS 50

static pthread_barrier_t barrier;

static void *worker(void *arg)
{
	long i = (long)arg;
	char buf[32];
	int k, n;

	pthread_barrier_wait(&barrier);
	for (k = 0; k < NSTEPS; k++) {
		n = snprintf(buf, sizeof(buf), "t%ld-%d", i, k);
		syscall(SYS_write, -1, buf, n);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th[NTHREADS];
	long i;

	setup(argc, argv);
	if (pthread_barrier_init(&barrier, NULL, NTHREADS) != 0)
		_exit(102);
	begin_marker();
	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&th[i], NULL, worker, (void *)i) != 0)
			_exit(103);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	syscall(SYS_exit_group, 0);
	return 0;
}
