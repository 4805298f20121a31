/* read/write buffer decoding: escapes, truncation at 32 bytes, binary
 * bytes, read returning 0, EBADF and EFAULT failures; close. Raw syscalls. */
#include "helper.h"

static const char esc[] = "a\nb\rc\td\\e\"f\v\f\a\b\033g\177";
static const char nul[] = "x\0y\0\0z";
static const char oct[] = "\1\0012\0003\377\200\x7f~ 9";
static const char longtext[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\n";
static const char bin[] = "\0\1\2\3\4\5\6\7\10\11\12\13\14\15\16\17"
			  "\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"
			  "\200\201\376\377";
static const char exact32[] = "0123456789abcdef0123456789abcdef";

int main(int argc, char **argv)
{
	char buf[256];

	setup(argc, argv);
	begin_marker();

	syscall(SYS_openat, AT_FDCWD, "data", O_RDWR | O_CREAT | O_TRUNC, 0644); /* 3 */
	syscall(SYS_write, 3, "hello\n", 6);
	syscall(SYS_write, 3, esc, sizeof(esc) - 1);
	syscall(SYS_write, 3, nul, sizeof(nul) - 1);
	syscall(SYS_write, 3, oct, sizeof(oct) - 1);
	syscall(SYS_write, 3, longtext, sizeof(longtext) - 1);
	syscall(SYS_write, 3, bin, sizeof(bin) - 1);
	syscall(SYS_write, 3, exact32, 32);
	syscall(SYS_write, 3, exact32, 33 - 1 + 1);   /* 33 bytes: incl. NUL terminator */
	syscall(SYS_write, 3, "", 0);
	syscall(SYS_write, 3, (void *)8, 5);          /* EFAULT */
	syscall(SYS_write, 3, (void *)0, 5);          /* EFAULT, NULL */
	syscall(SYS_write, -1, "zz", 2);              /* EBADF */
	syscall(SYS_write, 42, "zz", 2);              /* EBADF */
	syscall(SYS_lseek, 3, 0, SEEK_SET);

	syscall(SYS_read, 3, buf, 6);                 /* short read */
	syscall(SYS_read, 3, buf, sizeof(esc) - 1);   /* escapes */
	syscall(SYS_read, 3, buf, sizeof(nul) - 1 + sizeof(oct) - 1);
	syscall(SYS_read, 3, buf, sizeof(longtext) - 1); /* > 32: truncated */
	syscall(SYS_read, 3, buf, sizeof(bin) - 1);   /* binary, > 32 */
	syscall(SYS_read, 3, buf, 32);                /* exactly 32 */
	syscall(SYS_read, 3, buf, 100);               /* asks 100, gets 33 */
	syscall(SYS_read, 3, buf, 100);               /* EOF: 0 */
	syscall(SYS_read, 3, buf, 0);                 /* count 0 */
	syscall(SYS_read, -1, buf, 10);               /* EBADF */
	syscall(SYS_read, 3, (void *)8, 10);          /* 0 at EOF, pointer */
	syscall(SYS_lseek, 3, 0, SEEK_SET);
	syscall(SYS_read, 3, (void *)8, 10);          /* EFAULT */
	syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY); /* 4 */
	syscall(SYS_read, 4, buf, 40);                /* NULs, truncated */
	syscall(SYS_read, 4, buf, 3);
	syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY); /* 5 */
	syscall(SYS_write, 5, longtext, sizeof(longtext) - 1);
	syscall(SYS_close, 5);
	syscall(SYS_read, 5, buf, 1);                 /* EBADF after close */
	syscall(SYS_close, 4);
	syscall(SYS_close, 3);
	syscall(SYS_exit_group, 0);
	return 0;
}
