/* Dies in different ways, chosen by argv[2]:
 *   segv  - writes through a NULL pointer: SIGSEGV (SEGV_MAPERR, si_addr=NULL)
 *   kill  - kill(getpid(), SIGKILL)
 *   exit  - exit_group(atoi(argv[3]))
 *   abrt  - kill(getpid(), SIGABRT) with default action */
#include "helper.h"
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

int main(int argc, char **argv)
{
	long pid;

	setup(argc, argv);
	if (argc < 3)
		_exit(103);
	/* no "(core dumped)" whatever the test runner's core limit is */
	struct rlimit no_core = { 0, 0 };
	if (setrlimit(RLIMIT_CORE, &no_core) != 0)
		_exit(102);
	begin_marker();

	if (strcmp(argv[2], "segv") == 0) {
		*(volatile int *)0 = 1;
	} else if (strcmp(argv[2], "kill") == 0) {
		pid = syscall(SYS_getpid);
		syscall(SYS_kill, pid, SIGKILL);
	} else if (strcmp(argv[2], "abrt") == 0) {
		pid = syscall(SYS_getpid);
		syscall(SYS_kill, pid, SIGABRT);
	} else if (strcmp(argv[2], "exit") == 0 && argc > 3) {
		syscall(SYS_exit_group, atoi(argv[3]));
	}
	syscall(SYS_exit_group, 104);
	return 104;
}
