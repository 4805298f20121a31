/* Stops itself with SIGSTOP (raw kill on its own pid) and, once someone
 * sends SIGCONT, makes a marker write(-1, "CONT", 4) and exits with 0. */
#include "helper.h"
#include <signal.h>

int main(int argc, char **argv)
{
	long pid;

	setup(argc, argv);
	begin_marker();
	pid = syscall(SYS_getpid);
	syscall(SYS_kill, pid, SIGSTOP);
	syscall(SYS_write, -1, "CONT", 4);
	syscall(SYS_exit_group, 0);
	return 0;
}
