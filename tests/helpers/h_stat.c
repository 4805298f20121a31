/* fstat/newfstatat of a regular file, directory, char device, fifo, symlink
 * (AT_SYMLINK_NOFOLLOW), AT_EMPTY_PATH, failures; access/faccessat2. */
#include "helper.h"

#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif

int main(int argc, char **argv)
{
	struct stat st;

	setup(argc, argv);
	/* preparation through glibc, before the marker */
	if (mkdir("dir", 0750) != 0 || mkfifo("fifo", 0640) != 0 ||
	    symlink("target-of-link", "link") != 0)
		_exit(102);
	begin_marker();

	syscall(SYS_openat, AT_FDCWD, "file", O_WRONLY | O_CREAT | O_EXCL, 0755); /* 3 */
	syscall(SYS_write, 3, "0123456789", 10);
	syscall(SYS_fstat, 3, &st);
	syscall(SYS_newfstatat, AT_FDCWD, "file", &st, 0);
	syscall(SYS_newfstatat, 3, "", &st, AT_EMPTY_PATH);
	syscall(SYS_newfstatat, AT_FDCWD, "dir", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "fifo", &st, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, AT_FDCWD, "link", &st, 0);            /* ENOENT: dangling */
	syscall(SYS_newfstatat, AT_FDCWD, "missing", &st, 0);         /* ENOENT */
	syscall(SYS_newfstatat, AT_FDCWD, "file", (void *)8, 0);      /* EFAULT */
	syscall(SYS_newfstatat, AT_FDCWD, "file", &st, 0x4000);       /* unknown flag: EINVAL */
	syscall(SYS_newfstatat, AT_FDCWD, "file", &st, AT_NO_AUTOMOUNT | AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, 99, "file", &st, 0);                  /* relative, resolved via cwd? no */
	syscall(SYS_openat, AT_FDCWD, "dir", O_RDONLY | O_DIRECTORY);  /* 4 */
	syscall(SYS_fstat, 4, &st);
	syscall(SYS_newfstatat, 4, "..", &st, 0);
	syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);          /* 5 */
	syscall(SYS_fstat, 5, &st);
	syscall(SYS_fstat, 3, (void *)8);                              /* EFAULT */
	syscall(SYS_fstat, 3, NULL);                                   /* EFAULT */
	syscall(SYS_fstat, -1, &st);                                   /* EBADF, pointer */
	syscall(SYS_fstat, 99, &st);                                   /* EBADF */

	/* access / faccessat2 */
	syscall(SYS_access, "file", F_OK);
	syscall(SYS_access, "file", R_OK);
	syscall(SYS_access, "file", R_OK | W_OK | X_OK);
	syscall(SYS_access, "missing", F_OK);                          /* ENOENT */
	syscall(SYS_access, "file", 0x10);                             /* EINVAL, unknown bit */
	syscall(SYS_access, NULL, F_OK);                               /* EFAULT */
	syscall(SYS_faccessat2, AT_FDCWD, "file", W_OK, 0);
	syscall(SYS_faccessat2, AT_FDCWD, "file", R_OK | X_OK, AT_EACCESS);
	syscall(SYS_faccessat2, AT_FDCWD, "link", F_OK, AT_SYMLINK_NOFOLLOW | AT_EACCESS);
	syscall(SYS_faccessat2, 4, "..", X_OK, 0);
	syscall(SYS_faccessat2, 3, "", R_OK, AT_EMPTY_PATH);
	syscall(SYS_faccessat2, AT_FDCWD, "missing", F_OK, AT_EACCESS); /* ENOENT */
	syscall(SYS_faccessat2, AT_FDCWD, "file", F_OK, 0x1);          /* EINVAL, unknown flag */
	syscall(SYS_close, 5);
	syscall(SYS_close, 4);
	syscall(SYS_close, 3);
	syscall(SYS_exit_group, 0);
	return 0;
}
