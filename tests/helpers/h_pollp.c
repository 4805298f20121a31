/* Descriptors inside structures for -P: poll and select calls of which only some
 * name /dev/zero (fd 3) in their pollfd array or fd sets. */
#include "helper.h"
#include <poll.h>
#include <sys/select.h>

int main(int argc, char **argv)
{
	struct pollfd both[2] = { { 0, POLLIN, 0 }, { 3, POLLIN, 0 } };
	struct pollfd only0[1] = { { 0, POLLIN, 0 } };
	struct timeval tv = { 0, 0 };
	fd_set with3, with0;

	setup(argc, argv);
	syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY); /* 3 */
	begin_marker();
	syscall(SYS_poll, both, 2, 0);
	syscall(SYS_poll, only0, 1, 0);
	FD_ZERO(&with3);
	FD_SET(3, &with3);
	FD_ZERO(&with0);
	FD_SET(0, &with0);
	syscall(SYS_select, 4, &with3, NULL, NULL, &tv);
	tv.tv_usec = 0;
	syscall(SYS_select, 1, &with0, NULL, NULL, &tv);
	return 0;
}
