/* Deterministic syscalls for the summary tests (tests/stats.rs): a fixed number of calls and
 * failures per syscall, so `-c` tables of strace and strace-rs agree in calls, errors and order.
 *
 *   h_stats DIR          getpid x7, close(-1) x5 (EBADF), getuid x3, write(-1) x2 (EBADF),
 *                        syscall 1000 (ENOSYS, past the table: not counted), then exits.
 *   h_stats DIR fork     the same, plus a child that calls getppid x4 and sleeps 20ms;
 *                        the parent waits for it.
 *   h_stats DIR sleep    the same as without argument, plus a 20ms nanosleep. */
#include "helper.h"
#include <string.h>
#include <sys/wait.h>
#include <time.h>

static void sleep_20ms(void)
{
	struct timespec t = { 0, 20000000 };
	syscall(SYS_nanosleep, &t, NULL);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	begin_marker();
	int fork_mode = argc > 2 && strcmp(argv[2], "fork") == 0;
	int sleep_mode = argc > 2 && strcmp(argv[2], "sleep") == 0;
	pid_t child = -1;
	if (fork_mode) {
		child = syscall(SYS_fork);
		if (child == 0) {
			for (int i = 0; i < 4; i++)
				syscall(SYS_getppid);
			sleep_20ms();
			syscall(SYS_exit_group, 0);
		}
	}
	for (int i = 0; i < 7; i++)
		syscall(SYS_getpid);
	for (int i = 0; i < 5; i++)
		syscall(SYS_close, -1);
	for (int i = 0; i < 3; i++)
		syscall(SYS_getuid);
	for (int i = 0; i < 2; i++)
		syscall(SYS_write, -1, "x", 1);
	syscall(1000);
	if (sleep_mode)
		sleep_20ms();
	if (fork_mode)
		syscall(SYS_wait4, child, NULL, 0, NULL);
	return 0;
}
