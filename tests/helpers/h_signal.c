/* A signal sent to self and handled: kill(getpid(), SIGUSR1), the handler
 * makes a marker write, rt_sigreturn. Then exit with code 7. */
#include "helper.h"
#include <signal.h>
#include <string.h>

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
	begin_marker();

	pid = syscall(SYS_getpid);
	syscall(SYS_kill, pid, SIGUSR1);
	syscall(SYS_write, -1, "AFTER", 5);
	syscall(SYS_exit_group, 7);
	return 7;
}
