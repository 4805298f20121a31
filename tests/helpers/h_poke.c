/* Calls whose argument buffers -e inject=...:poke_enter= / poke_exit= write into
 * (tests/poke.rs). After each call the helper prints what the buffer holds, so
 * the test sees what the tracer wrote, not only what it printed.
 *
 *   h_poke WORKDIR
 *
 * Calls, after the marker:
 *   chdir(buf)           buf page-aligned, 64 '/' then NUL
 *   chdir(buf + 1)       the same, one byte in (an unaligned address)
 *   chdir(ro)            a read-only page: process_vm_writev cannot write it,
 *                        PTRACE_POKEDATA can
 *   chdir(gap)           an unmapped page
 *   chdir(gap - 1)       one byte, then the unmapped page
 *   chdir(gap - 8)       eight bytes, then the unmapped page
 *   rename(two, two)     one buffer in both arguments
 *   getcwd(cwd, 4096)    twice (the buffer is poked at exit)
 */
#include "helper.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE 4096

/* The buffer's first bytes (at most max), printable or as \ooo, up to its
 * NUL. */
static void show(const char *what, const char *p, int max)
{
	printf("%s: ", what);
	for (int i = 0; i < max && p[i]; i++) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x7f)
			putchar(c);
		else
			printf("\\%03o", c);
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	/* A read-only page, a writable one, then a hole (unmapped: ptrace
	 * writes even a PROT_NONE page). */
	char *map = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return 102;
	char *ro = map, *buf = map + PAGE, *gap = map + 2 * PAGE;
	memset(ro, '/', 64);
	ro[64] = '\0';
	if (mprotect(ro, PAGE, PROT_READ) || munmap(gap, PAGE))
		return 103;
	char *two = buf + 2048;
	static char cwd[PAGE];
	setvbuf(stdout, NULL, _IONBF, 0);
	begin_marker();

	memset(buf, '/', 64);
	buf[64] = '\0';
	syscall(SYS_chdir, buf);
	show("aligned", buf, 32);

	memset(buf, '/', 64);
	syscall(SYS_chdir, buf + 1);
	show("unaligned", buf, 32);

	syscall(SYS_chdir, ro);
	show("read-only", ro, 32);

	syscall(SYS_chdir, gap);
	syscall(SYS_chdir, gap + 1);

	memset(gap - 16, '/', 16);
	syscall(SYS_chdir, gap - 1);
	show("one byte", gap - 1, 1);
	syscall(SYS_chdir, gap - 8);
	show("eight bytes", gap - 8, 8);

	strcpy(two, "zz");
	syscall(SYS_rename, two, two);
	show("rename", two, 32);

	long n = syscall(SYS_getcwd, cwd, sizeof(cwd));
	printf("getcwd returned %ld\n", n);
	show("getcwd", cwd, 32);
	n = syscall(SYS_getcwd, cwd, sizeof(cwd));
	printf("getcwd returned %ld\n", n);
	show("getcwd", cwd, 32);
	return 0;
}
