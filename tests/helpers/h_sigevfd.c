/* A signalfd and an eventfd for `-e decode-fds=signalfd,eventfd`: the signalfd
 * takes SIGINT and SIGTERM, then every signal; the eventfd starts at 5 in
 * semaphore mode and gets 17 added. The eventfd's id is the kernel's to pick:
 * the helper prints its `eventfd-id:` line on stdout for the test. */
#include "helper.h"
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>

static void print_eventfd_id(int fd)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
	FILE *f = fopen(path, "r");
	if (!f)
		_exit(102);
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "eventfd-id:", 11) == 0)
			fputs(line, stdout);
	fclose(f);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	uint64_t set = 1UL << (SIGINT - 1) | 1UL << (SIGTERM - 1);
	uint64_t add = 17;
	int ev = syscall(SYS_eventfd2, 5, EFD_SEMAPHORE);
	print_eventfd_id(ev);
	begin_marker();

	int sfd = syscall(SYS_signalfd4, -1, &set, 8, 0);
	syscall(SYS_write, ev, &add, 8);
	syscall(SYS_close, sfd);
	set = ~0UL;
	sfd = syscall(SYS_signalfd4, -1, &set, 8, 0);
	syscall(SYS_close, sfd);
	syscall(SYS_close, ev);
	return 0;
}
