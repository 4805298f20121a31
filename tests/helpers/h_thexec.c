/* A thread other than the leader calls execve: the leader's pending pause() is cut and the
 * kernel gives the exec'ing thread the leader's pid (strace: "+++ superseded by execve").
 *
 * The thread waits until the leader is in pause() (/proc/self/task/LEADER/syscall starts with
 * its number), so the trace has the same lines however the two are scheduled.
 *
 * With argv[2] = "exit", the leader leaves with exit(42) (the thread's exit, not the
 * group's) instead, and the thread waits until it is a zombie before its execve (strace:
 * "<pid changed to LEADER ...>"). */
#include "helper.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int leader_in_pause(void)
{
	char path[64], text[32] = "";
	int fd, n;

	snprintf(path, sizeof path, "/proc/self/task/%ld/syscall", (long)syscall(SYS_getpid));
	fd = open(path, O_RDONLY);
	if (fd < 0)
		_exit(102);
	n = read(fd, text, sizeof text - 1);
	close(fd);
	return n > 0 && strncmp(text, "34 ", 3) == 0;
}

static int leader_exited(void)
{
	char path[64], text[256] = "";
	int fd, n;
	char *state;

	snprintf(path, sizeof path, "/proc/self/task/%ld/stat", (long)syscall(SYS_getpid));
	fd = open(path, O_RDONLY);
	if (fd < 0)
		_exit(102);
	n = read(fd, text, sizeof text - 1);
	close(fd);
	state = n > 0 ? strrchr(text, ')') : NULL;
	return state && state[1] == ' ' && state[2] == 'Z';
}

static int leader_exits;

static void *exec_true(void *unused)
{
	(void)unused;
	char *argv[] = { "/bin/true", NULL };
	syscall(SYS_getppid);
	while (!(leader_exits ? leader_exited() : leader_in_pause()))
		;
	syscall(SYS_execve, "/bin/true", argv, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	setup(argc, argv);
	leader_exits = argc > 2 && strcmp(argv[2], "exit") == 0;
	begin_marker();
	pthread_create(&t, NULL, exec_true, NULL);
	if (leader_exits)
		syscall(SYS_exit, 42);
	for (;;)
		pause();
}
