/* A child held by the tracer (-e inject=getppid:delay_enter=60s) while its parent goes on:
 * the child calls getppid; the parent waits until the trace (argv[2], the -o file) shows
 * the child's getppid (the tracer has it in hand), then kills it and reaps it. Under a
 * tracer that sleeps through a delay instead of holding only the delayed tracee, the parent
 * could not go on for a minute. */
#include "helper.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

static int traced_getppid(const char *log)
{
	static char text[4096];
	int fd, n;

	fd = open(log, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, text, sizeof text - 1);
	close(fd);
	text[n > 0 ? n : 0] = 0;
	return strstr(text, "getppid(") != NULL;
}

int main(int argc, char **argv)
{
	pid_t pid;
	int st;

	setup(argc, argv);
	if (argc < 3)
		_exit(104);
	begin_marker();
	pid = fork();
	if (pid < 0)
		_exit(102);
	if (pid == 0) {
		syscall(SYS_getppid);
		_exit(0);
	}
	while (!traced_getppid(argv[2]))
		usleep(1000);
	syscall(SYS_kill, pid, SIGKILL);
	if (waitpid(pid, &st, 0) != pid || !WIFSIGNALED(st))
		_exit(103);
	return 0;
}
