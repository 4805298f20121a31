/* Stress for following threads and processes (tests/stress.rs): many calls
 * from many tracees at once, with numbers the test knows in advance.
 *
 *   h_stress WORKDIR threads   16 threads start together (a barrier); thread
 *                              T makes 5,000 raw lseek(-1, T*100000 + K,
 *                              SEEK_CUR) for K = 0..4999 (each fails with
 *                              EBADF) and returns; the main thread joins
 *                              them and exits with 0.
 *   h_stress WORKDIR forks     200 children forked (raw fork) without
 *                              waiting, so they run side by side; child C
 *                              makes 10 raw lseek(-1, C*100 + K, SEEK_END)
 *                              and exits with C. The parent then reaps
 *                              them with 200 wait4(-1, ...) and exits with
 *                              0. SIGCHLD is blocked for the whole run, so
 *                              no signal is delivered: where a SIGCHLD
 *                              would land is the scheduler's choice.
 *
 * Every lseek's EBADF, every thread and every child's exit status is
 * checked here; any surprise exits with 103..109 instead of 0. The line
 * text names the thread or child and the step, so a test can check that
 * every call is reported once, in order, under the right pid. */
#include "helper.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#define NTHREADS 16
#define NCALLS 5000
#define NCHILD 200
#define CHILD_CALLS 10

static pthread_barrier_t barrier;

static void *worker(void *arg)
{
	long t = (long)arg;
	long k, bad = 0;

	pthread_barrier_wait(&barrier);
	for (k = 0; k < NCALLS; k++)
		if (syscall(SYS_lseek, -1, t * 100000 + k, SEEK_CUR) != -1 || errno != EBADF)
			bad++;
	return (void *)bad;
}

static int threads(void)
{
	pthread_t th[NTHREADS];
	void *bad;
	long t;
	int status = 0;

	if (pthread_barrier_init(&barrier, NULL, NTHREADS) != 0)
		_exit(103);
	for (t = 0; t < NTHREADS; t++)
		if (pthread_create(&th[t], NULL, worker, (void *)t) != 0)
			_exit(104);
	for (t = 0; t < NTHREADS; t++) {
		if (pthread_join(th[t], &bad) != 0)
			_exit(105);
		if (bad != NULL)
			status = 106;
	}
	syscall(SYS_exit_group, status);
	return status;
}

static int forks(void)
{
	long kids[NCHILD], pid, k;
	int c, i, st, seen[NCHILD] = { 0 };
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &chld, NULL) != 0)
		_exit(103);
	for (c = 0; c < NCHILD; c++) {
		pid = syscall(SYS_fork);
		if (pid < 0)
			_exit(104);
		if (pid == 0) {
			for (k = 0; k < CHILD_CALLS; k++)
				syscall(SYS_lseek, -1, c * 100 + k, SEEK_END);
			syscall(SYS_exit_group, c);
		}
		kids[c] = pid;
	}
	for (i = 0; i < NCHILD; i++) {
		pid = syscall(SYS_wait4, -1, &st, 0, NULL);
		for (c = 0; c < NCHILD && kids[c] != pid; c++)
			;
		if (c == NCHILD || seen[c]++)
			_exit(105);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != c)
			_exit(106);
	}
	if (syscall(SYS_wait4, -1, &st, 0, NULL) != -1 || errno != ECHILD)
		_exit(107);
	syscall(SYS_exit_group, 0);
	return 0;
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	begin_marker();
	if (argc > 2 && strcmp(argv[2], "threads") == 0)
		return threads();
	if (argc > 2 && strcmp(argv[2], "forks") == 0)
		return forks();
	_exit(100);
}
