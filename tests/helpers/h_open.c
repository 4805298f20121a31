/* open/openat flag decoding, dirfd, mode shown only with O_CREAT/O_TMPFILE,
 * close success/EBADF, bad path pointer. All syscalls are raw. */
#include "helper.h"

int main(int argc, char **argv)
{
	setup(argc, argv);
	begin_marker();

	/* open(2) */
	syscall(SYS_open, "f1", O_WRONLY | O_CREAT | O_EXCL, 0644);        /* 3 */
	syscall(SYS_open, "f1", O_WRONLY | O_CREAT | O_EXCL, 0644);        /* EEXIST */
	syscall(SYS_open, "f1", O_RDONLY);                                 /* 4 */
	syscall(SYS_open, "f1", O_RDWR | O_NOCTTY | O_TRUNC | O_APPEND);   /* 5 */
	syscall(SYS_open, "f1", O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0777);  /* 6, mode not shown */
	syscall(SYS_open, "missing", O_RDONLY);                            /* ENOENT */
	syscall(SYS_open, "f1", O_RDONLY | O_DIRECTORY);                   /* ENOTDIR */
	syscall(SYS_close, 3);
	syscall(SYS_close, 4);
	syscall(SYS_close, 5);
	syscall(SYS_close, 6);
	syscall(SYS_close, 6);                                             /* EBADF */
	syscall(SYS_close, -1);                                            /* EBADF */

	/* openat(2) with AT_FDCWD */
	syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC); /* 3 */
	syscall(SYS_openat, AT_FDCWD, "f2", O_RDWR | O_CREAT | O_TRUNC, 0600);   /* 4 */
	syscall(SYS_openat, AT_FDCWD, "f3", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 04755); /* 5 */
	syscall(SYS_openat, AT_FDCWD, "f3", O_CREAT, 0);                   /* 6 */
	/* a real dirfd */
	syscall(SYS_openat, 3, "f1", O_RDONLY);                           /* 7 */
	syscall(SYS_openat, 3, "nope", O_RDONLY);                         /* ENOENT */
	syscall(SYS_openat, 99, "f1", O_RDONLY);                          /* EBADF */
	syscall(SYS_openat, 99, "/etc/hostname", O_RDONLY | O_CLOEXEC);   /* 8: abs path ignores dirfd */
	/* the rest of the flags */
	syscall(SYS_openat, AT_FDCWD, "f1", O_WRONLY | O_SYNC);           /* 9 */
	syscall(SYS_openat, AT_FDCWD, "f1", O_WRONLY | O_DSYNC | O_ASYNC); /* 10 */
	syscall(SYS_openat, AT_FDCWD, "f1", O_RDONLY | O_NOATIME | O_NOFOLLOW | 0100000); /* 11; 0100000 is the kernel O_LARGEFILE */
	syscall(SYS_openat, AT_FDCWD, "f1", O_PATH);                      /* 12 */
	syscall(SYS_openat, AT_FDCWD, "f1", O_RDONLY | O_DIRECT);         /* 13 (ext4) */
	syscall(SYS_openat, AT_FDCWD, ".", O_RDWR | O_TMPFILE, 0640);      /* 14 */
	syscall(SYS_openat, AT_FDCWD, "f1", O_ACCMODE);                   /* EINVAL? */
	syscall(SYS_openat, AT_FDCWD, "f1", O_RDONLY | 0x80000000u);      /* unknown bit */
	syscall(SYS_openat, AT_FDCWD, "f1", O_RDONLY | 0x4000000);        /* unknown bit */
	syscall(SYS_openat, AT_FDCWD, "f1", O_RDWR | O_CREAT | 0x80000000u, 0644); /* unknown + mode */
	syscall(SYS_openat, AT_FDCWD, "", O_RDONLY);                      /* ENOENT, empty path */
	syscall(SYS_openat, AT_FDCWD, "sub/dir/\"q\"\\x\n", O_RDONLY);    /* escapes in path */
	/* paths are never truncated to the -s limit */
	syscall(SYS_openat, AT_FDCWD, "a/path/name/that/is/longer/than/thirty-two/bytes", O_RDONLY);
	syscall(SYS_openat, AT_FDCWD, (char *)8, O_RDONLY);               /* EFAULT, address */
	syscall(SYS_open, (char *)0, O_RDONLY);                           /* EFAULT, NULL */
	syscall(SYS_openat, -100, "f1", O_RDONLY);                        /* same as AT_FDCWD */
	syscall(SYS_openat, -5, "f1", O_RDONLY);                          /* EBADF */
	syscall(SYS_exit_group, 0);
	return 0;
}
