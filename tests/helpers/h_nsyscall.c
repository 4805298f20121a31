/* A syscall number past the table (1000: no kernel has it, strace 6.1 knows to 450),
 * then getpid: `-e trace=none` still shows the first, as strace does. */
#include "helper.h"

int main(int argc, char **argv)
{
	setup(argc, argv);
	begin_marker();
	syscall(1000, 0xface0fedbadc0dedUL, 1, 2, 3, 4, 5);
	syscall(SYS_getpid);
	return 0;
}
