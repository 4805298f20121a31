/* A thread other than the leader calls execve: the leader's pending pause() is cut and the
 * kernel gives the exec'ing thread the leader's pid (strace: "+++ superseded by execve"). */
#include "helper.h"
#include <pthread.h>

static void *exec_true(void *unused)
{
	(void)unused;
	char *argv[] = { "/bin/true", NULL };
	syscall(SYS_getppid);
	syscall(SYS_execve, "/bin/true", argv, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	setup(argc, argv);
	begin_marker();
	pthread_create(&t, NULL, exec_true, NULL);
	for (;;)
		pause();
}
