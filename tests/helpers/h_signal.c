/* A signal sent to self and handled: kill(getpid(), SIGUSR1), the handler
 * makes a marker write, rt_sigreturn. Then exit with code 7. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void setup(int argc, char **argv)
{
	if (argc < 2)
		_exit(100);
	umask(022);
	if (chdir(argv[1]) != 0)
		_exit(101);
	close_range(3, ~0U, 0);
}

static void handler(int sig)
{
	(void)sig;
	syscall(SYS_write, -1, "HANDLER", 7);
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	long pid;

	setup(argc, argv);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		_exit(102);
	syscall(SYS_write, -1, "BEGIN", 5);

	pid = syscall(SYS_getpid);
	syscall(SYS_kill, pid, SIGUSR1);
	syscall(SYS_write, -1, "AFTER", 5);
	syscall(SYS_exit_group, 7);
	return 7;
}
