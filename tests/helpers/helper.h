/* Shared by every helper in this directory: feature macro, the includes all
 * of them use, the setup prologue and the marker syscall.
 *
 * Each helper is run as `helper WORKDIR [args...]`: setup() chdirs into
 * WORKDIR with a fixed umask and closes any inherited fd above 2, so the
 * first fd a helper opens is 3. begin_marker() makes the raw
 * `write(-1, "BEGIN", 5)` that the tests cut the trace at. */
#ifndef STRACE_RS_TEST_HELPER_H
#define STRACE_RS_TEST_HELPER_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline void setup(int argc, char **argv)
{
	if (argc < 2)
		_exit(100);
	umask(022);
	if (chdir(argv[1]) != 0)
		_exit(101);
	close_range(3, ~0U, 0);
}

/* The end of a readable page that no memory follows (for reads that run off
 * it), or NULL if it cannot be made. */
static inline char *page_end_unmapped(void)
{
	char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (pages == MAP_FAILED || munmap(pages + 4096, 4096) != 0)
		return NULL;
	return pages + 4096;
}

static inline void begin_marker(void)
{
	syscall(SYS_write, -1, "BEGIN", 5);
}

#endif
