/* brk, mmap, munmap, mprotect and lseek decoding. Raw syscalls. */
#include "helper.h"
#include <sys/mman.h>

#ifndef MAP_HUGE_2MB
#define MAP_HUGE_2MB (21 << 26)
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SYNC
#define MAP_SYNC 0x80000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif

#define FIXED ((void *)0x10000000)

int main(int argc, char **argv)
{
	long cur;

	setup(argc, argv);
	begin_marker();

	/* brk */
	cur = syscall(SYS_brk, 0);
	syscall(SYS_brk, cur + 8192);
	syscall(SYS_brk, cur);

	/* lseek on a sparse file: a 1 MiB hole, then "end" */
	syscall(SYS_openat, AT_FDCWD, "sparse", O_RDWR | O_CREAT | O_TRUNC, 0644); /* 3 */
	syscall(SYS_lseek, 3, 1L << 20, SEEK_SET);
	syscall(SYS_write, 3, "end", 3);
	syscall(SYS_lseek, 3, 0, SEEK_SET);
	syscall(SYS_lseek, 3, 100, SEEK_CUR);
	syscall(SYS_lseek, 3, -10L, SEEK_CUR);
	syscall(SYS_lseek, 3, -3L, SEEK_END);
	syscall(SYS_lseek, 3, 0, SEEK_DATA);
	syscall(SYS_lseek, 3, 0, SEEK_HOLE);
	syscall(SYS_lseek, 3, 0L, 7);                  /* unknown whence: EINVAL */
	syscall(SYS_lseek, 3, -1L, SEEK_SET);          /* EINVAL */
	syscall(SYS_lseek, 3, 0x7fffffffffffffffL, SEEK_SET);
	syscall(SYS_lseek, -1, 0, SEEK_SET);           /* EBADF */

	/* mmap / mprotect / munmap */
	syscall(SYS_mmap, FIXED, 16384, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	syscall(SYS_mprotect, FIXED, 4096, PROT_NONE);
	syscall(SYS_mprotect, FIXED, 4096, PROT_READ);
	syscall(SYS_mprotect, FIXED, 8192, PROT_READ | PROT_WRITE | PROT_EXEC);
	syscall(SYS_mprotect, FIXED, 4096, PROT_READ | PROT_GROWSDOWN);  /* EINVAL */
	syscall(SYS_mprotect, FIXED, 4096, PROT_READ | 0x10);           /* unknown bit: EINVAL */
	syscall(SYS_mprotect, (char *)FIXED + 1, 4096, PROT_READ);      /* EINVAL */
	syscall(SYS_munmap, (char *)FIXED + 8192, 8192);
	syscall(SYS_mmap, (char *)FIXED + 8192, 4096, PROT_READ,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	syscall(SYS_mmap, FIXED, 4096, PROT_READ,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);  /* EEXIST */
	syscall(SYS_mmap, FIXED, 4096, PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED | MAP_POPULATE, -1, 0);
	syscall(SYS_mmap, FIXED, 4096, PROT_READ,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NONBLOCK | MAP_NORESERVE, -1, 0);
	syscall(SYS_mmap, FIXED, 8192, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_STACK | MAP_GROWSDOWN, -1, 0);
	syscall(SYS_mmap, FIXED, 4096, PROT_READ,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_LOCKED, -1, 0);
	syscall(SYS_mmap, FIXED, 4096, PROT_READ,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_32BIT | MAP_DENYWRITE | MAP_EXECUTABLE, -1, 0);
	syscall(SYS_mmap, FIXED, 4096, PROT_READ,
		MAP_PRIVATE | MAP_FIXED | MAP_FILE, 3, 0x100000);        /* file mapping, offset */
	syscall(SYS_munmap, FIXED, 16384);
	syscall(SYS_mmap, NULL, 2 << 20, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | MAP_HUGE_2MB, -1, 0);
	syscall(SYS_mmap, NULL, 4096, PROT_READ,
		MAP_SHARED_VALIDATE | MAP_SYNC, 3, 0);                    /* EOPNOTSUPP */
	syscall(SYS_mmap, NULL, 4096, PROT_READ,
		MAP_SHARED_VALIDATE | 0x800000, 3, 0);                    /* unknown flag: EOPNOTSUPP */
	syscall(SYS_mmap, NULL, 4096, PROT_READ, 0xf, -1, 0);         /* bad map type: EINVAL */
	syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0);    /* EBADF */
	syscall(SYS_mmap, NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); /* EINVAL */
	syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 1);     /* EINVAL */
	syscall(SYS_munmap, (void *)1, 4096);                            /* EINVAL */
	syscall(SYS_close, 3);
	syscall(SYS_exit_group, 0);
	return 0;
}
