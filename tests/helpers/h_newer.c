/* Syscalls newer than strace 6.1, which names none of them: strace-rs names them
 * all and decodes those whose argument kinds exist. Every call fails or changes
 * only the work dir; what each returns depends on the kernel, so the test looks
 * at the call, not the result. */
#include "helper.h"
#include <fcntl.h>

int main(int argc, char **argv)
{
	setup(argc, argv);
	int fd = open("f", O_CREAT | O_RDWR, 0600);
	begin_marker();
	syscall(451, fd, 0, 0, 0);
	syscall(452, AT_FDCWD, "f", 0644, 0);
	syscall(452, AT_FDCWD, "f", 0640, 0x100 | 0x1000 | 0x2);
	syscall(453, 0, 4096, 0x80);
	syscall(454, 0, 0xffffffffUL, 1, 0);
	syscall(462, 0xdead0000UL, 4096, 0);
	syscall(465, AT_FDCWD, "f", 0x100, 0, 0);
	syscall(466, AT_FDCWD, "f", 0, "user.none");
	syscall(469, -1L, 0L, 0L, 0L, 0L);
	return 0;
}
