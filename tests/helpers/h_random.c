/* Random calls for the random-call comparison (tests/random_calls.rs):
 * `h_random WORKDIR SEED COUNT` makes COUNT calls chosen by a PRNG seeded
 * with SEED, with random flag bits, bad pointers, odd lengths and random
 * struct contents, all harmless: descriptors are the helper's own, paths are
 * names in the work dir (or /dev/null, or bad), nothing sleeps for long,
 * nothing signals, no limit is lowered, no signal that can arrive gets a
 * handler.
 *
 * Address space randomisation is turned off (the helper re-executes itself
 * under personality(ADDR_NO_RANDOMIZE)) and the data lives in a mapping at a
 * fixed address, so the pointers in the trace are the same in every run. */
#include "helper.h"
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/socket.h>

/* The data: BUF_SIZE bytes at BUF, then a page nothing can read. */
#define BUF ((unsigned char *) 0x200000000UL)
#define BUF_SIZE 0x10000UL
#define BAD 0xdead0000UL

static uint64_t state;

/* splitmix64 */
static uint64_t rnd(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t below(uint64_t n)
{
	return rnd() % n;
}

#define PICK(...) pick((const uint64_t[]){ __VA_ARGS__ }, \
		       sizeof((const uint64_t[]){ __VA_ARGS__ }) / sizeof(uint64_t))
static uint64_t pick(const uint64_t *v, size_t n)
{
	return v[below(n)];
}

/* Random bits, now and then with junk in the upper half of the register. */
static uint64_t bits(void)
{
	uint64_t v = rnd();
	switch (below(4)) {
	case 0: return v & 0xff;
	case 1: return v & 0xffff;
	case 2: return (uint32_t) v;
	default: return below(2) ? v : (v & 0xffffffff00000000ULL) | (v & 0x7ff);
	}
}

/* A length: zero, small, odd, a page, large, or absurd. */
static uint64_t len(void)
{
	return PICK(0, 1, 2, 3, 4, 7, 8, 16, 24, 31, 64, 100, 4096, below(BUF_SIZE),
		    (uint64_t) -1, 0x7fffffff, rnd());
}

/* A pointer: NULL, unmapped, into the data (random bytes), or so close to
 * its end that what is read runs into the unreadable page. */
static uint64_t ptr(void)
{
	switch (below(5)) {
	case 0: return 0;
	case 1: return BAD + below(16);
	case 2: return (uint64_t) (BUF + BUF_SIZE - 1 - below(24));
	default: return (uint64_t) (BUF + below(BUF_SIZE / 2));
	}
}

/* A descriptor: the helper's own (3: /dev/null, 4: /dev/zero, 5: a file,
 * 6: the work dir, 7: a UDP socket, 8/9: a socket pair, both non-blocking),
 * closed ones, -1. */
static uint64_t fd(void)
{
	return PICK(3, 4, 5, 6, 7, 8, 9, 99, 1000, (uint64_t) -1, 0xffffffff00000005ULL);
}

/* A descriptor to read from or write to that cannot block whatever its
 * flags (fcntl may clear O_NONBLOCK on the sockets), nor fill up. */
static uint64_t io_fd(void)
{
	return PICK(3, 4, 5, 6, 99, (uint64_t) -1, 0xffffffff00000005ULL);
}

static uint64_t dirfd(void)
{
	return below(3) ? (uint64_t) -100 /* AT_FDCWD */ : fd();
}

/* Names in the work dir only: these may be created, renamed, removed,
 * chmod-ed at random. */
static const char *const names[] = {
	"f1", "f2", "d1", "d1/f3", "nonexistent", "", "f1/x", "link1",
};

/* A path: a name from the list (copied into the data, past its middle), an
 * unterminated one, or a bad pointer. */
static uint64_t path(void)
{
	unsigned char *at = BUF + BUF_SIZE / 2 + 64 * below(8);
	switch (below(8)) {
	case 0: return 0;
	case 1: return BAD;
	case 2: {
		unsigned char *end = BUF + BUF_SIZE - 4;
		memcpy(end, "f1f1", 4);
		return (uint64_t) end;
	}
	default:
		strcpy((char *) at, names[below(sizeof names / sizeof *names)]);
		return (uint64_t) at;
	}
}

/* A signal that never arrives (none is sent, and none of these is raised
 * by the kernel for what the helper does), or an invalid number. */
static uint64_t sig(void)
{
	return PICK(0, SIGUSR1, SIGUSR2, SIGRTMIN + 3, SIGKILL, SIGSTOP, 64, 65, (uint64_t) -1);
}

/* A timespec that ends at once: zero, a few nanoseconds, or invalid. */
static uint64_t short_time(void)
{
	int64_t *t = (int64_t *) (BUF + BUF_SIZE / 2 - 64 - 16 * below(4));
	switch (below(5)) {
	case 0: return 0;
	case 1: return BAD;
	case 2: t[0] = -1; t[1] = 0; break;
	case 3: t[0] = 0; t[1] = 1000000000 + below(10); break;
	default: t[0] = 0; t[1] = below(1000); break;
	}
	return (uint64_t) t;
}

/* A timeout that ends at once: zero, or invalid, or a bad pointer. */
static uint64_t zero_time(void)
{
	int64_t *t = (int64_t *) (BUF + BUF_SIZE / 2 - 128);
	t[0] = below(4) ? 0 : -1;
	t[1] = 0;
	return below(8) ? (uint64_t) t : BAD;
}

/* Random bytes into the first half of the data. */
static void scramble(void)
{
	for (uint64_t *p = (uint64_t *) BUF; p < (uint64_t *) (BUF + BUF_SIZE / 2); p++)
		*p = rnd();
}

/* An iovec array in the data: entries pointing into it or bad, odd lengths. */
static uint64_t iovecs(void)
{
	uint64_t *iov = (uint64_t *) (BUF + 0x100);
	for (int i = 0; i < 8; i++) {
		iov[2 * i] = below(4) ? (uint64_t) (BUF + 0x1000 + 0x100 * i) : ptr();
		iov[2 * i + 1] = PICK(0, 1, 5, 16, 100, 300);
	}
	return below(6) ? (uint64_t) iov : ptr();
}

/* Descriptors a call made are closed at once: leaked ones would reach the
 * numbers the helper uses as closed ones (99), or the limit. */
static void drop_fd(long r)
{
	if (r > 9)
		syscall(SYS_close, r);
}

static void drop_pair(long r, uint64_t at)
{
	if (r == 0) {
		drop_fd(((int *) at)[0]);
		drop_fd(((int *) at)[1]);
	}
}

static void one_call(void)
{
	switch (below(85)) {
	case 0: syscall(SYS_read, io_fd(), ptr(), len()); break;
	case 1: syscall(SYS_write, io_fd(), ptr(), len()); break;
	case 2: syscall(SYS_pread64, io_fd(), ptr(), len(), PICK(0, 1, 4096, (uint64_t) -1)); break;
	case 3: syscall(SYS_pwrite64, io_fd(), ptr(), below(64), PICK(0, 7, 4096, (uint64_t) -1));
		break;
	case 4: syscall(SYS_readv, io_fd(), iovecs(), PICK(0, 1, 3, 8, 1025, (uint64_t) -1)); break;
	case 5: syscall(SYS_writev, io_fd(), iovecs(), PICK(0, 1, 3, 8, 1025)); break;
	case 6: syscall(SYS_lseek, fd(), PICK(0, 1, (uint64_t) -1, 1ULL << 40), bits()); break;
	case 7: {
		drop_fd(syscall(SYS_openat, dirfd(), path(), bits() & ~0x400000UL /* no __O_TMPFILE */,
				bits() & 0777));
		break;
	}
	case 8: syscall(SYS_faccessat, dirfd(), path(), bits()); break;
	case 9: syscall(SYS_faccessat2, dirfd(), path(), bits(), bits()); break;
	case 10: syscall(SYS_newfstatat, dirfd(), path(), ptr(), bits()); break;
	case 11: syscall(SYS_statx, dirfd(), path(), bits(), bits(), ptr()); break;
	case 12: syscall(SYS_readlinkat, dirfd(), path(), ptr(), len()); break;
	case 13: syscall(SYS_mkdirat, dirfd(), path(), bits()); break;
	case 14: syscall(SYS_unlinkat, dirfd(), path(), bits()); break;
	case 15: syscall(SYS_renameat2, dirfd(), path(), dirfd(), path(), bits()); break;
	case 16: syscall(SYS_fchmodat, dirfd(), path(), bits() & 07777); break;
	/* Not F_SETLEASE: the helper's own later open would wait for the
	 * lease to break. */
	case 17: {
		uint64_t cmd = PICK(0, 1, 2, 3, 4, 8, 9, 1025, 1030, 1033, 1034, 99);
		long r = syscall(SYS_fcntl, fd(), cmd, bits());
		if (cmd == 0 || cmd == 1030)
			drop_fd(r);
		break;
	}
	case 18: {
		drop_fd(syscall(SYS_dup3, fd(), PICK(12, 13, 14, (uint64_t) -1), bits()));
		break;
	}
	case 19: syscall(SYS_flock, fd(), bits()); break;
	case 20: syscall(SYS_fadvise64, fd(), PICK(0, 4096, (uint64_t) -1), len(), bits()); break;
	case 21: syscall(SYS_getdents64, fd(), ptr(), len()); break;
	case 22: syscall(SYS_umask, bits()); break;
	case 23: syscall(SYS_getcwd, ptr(), len()); break;
	/* Ranges within the unmapped area only: madvise applies its advice to
	 * what is mapped in a range before it reports the hole. */
	case 24: syscall(SYS_madvise, BAD, below(BUF_SIZE), bits()); break;
	case 25: syscall(SYS_mprotect, BAD, below(BUF_SIZE), bits()); break;
	case 26: syscall(SYS_msync, BAD, below(BUF_SIZE), bits()); break;
	case 27: syscall(SYS_rt_sigprocmask, bits(), ptr(), ptr(), PICK(0, 4, 8, 16)); break;
	case 28: {
		/* A handler nothing can call: the default, ignore, or an address
		 * for a signal that never comes. */
		uint64_t *act = (uint64_t *) (BUF + 0x800);
		act[0] = PICK(0, 1, 0x401000);
		syscall(SYS_rt_sigaction, sig(), below(4) ? (uint64_t) act : ptr(), ptr(),
			PICK(8, 8, 8, 4, 16));
		break;
	}
	case 29: syscall(SYS_rt_sigpending, ptr(), PICK(0, 1, 4, 8, 16)); break;
	case 30: syscall(SYS_clock_getres, bits(), ptr()); break;
	case 31: syscall(SYS_clock_nanosleep, PICK(0, 1, 7, 99), bits() & 1, short_time(), ptr()); break;
	case 32: syscall(SYS_nanosleep, short_time(), ptr()); break;
	case 33: syscall(SYS_getrlimit, bits(), ptr()); break;
	case 34: syscall(SYS_prlimit64, 0, bits(), 0, ptr()); break;
	case 35: syscall(SYS_getsockopt, fd(), PICK(0, 1, 6, 17, 41, 263, bits()),
			 PICK(1, 2, 3, 4, 7, 8, 20, bits()), ptr(), ptr()); break;
	case 36: drop_fd(syscall(SYS_eventfd2, bits(), bits())); break;
	case 37: syscall(SYS_sched_getaffinity, 0, PICK(0, 1, 8, 128, 4096), ptr()); break;
	case 38: syscall(SYS_kill, getpid(), 0); break;
	case 39: {
		drop_fd(syscall(SYS_socket, PICK(1, 2, 10, 16, 17, 99, 0xdefaced00000002ULL), bits(),
				bits()));
		break;
	}
	case 40: {
		uint64_t sv = ptr();
		drop_pair(syscall(SYS_socketpair, PICK(1, 2, 16, 99), bits(), bits(), sv), sv);
		break;
	}
	case 41: {
		/* Never at a fixed address: the helper's own mappings stay. */
		uint64_t flags = bits() & ~0x100010ULL; /* MAP_FIXED, MAP_FIXED_NOREPLACE */
		uint64_t size = below(1 << 16);
		long r = syscall(SYS_mmap, 0, size, bits(), flags,
				 PICK(3, 4, 5, (uint64_t) -1, 99), PICK(0, 4096, 1, (uint64_t) -1));
		if (r > 0 && (uint64_t) r < (uint64_t) -4096)
			syscall(SYS_munmap, r, size);
		break;
	}
	case 42: syscall(SYS_sched_get_priority_max, bits()); break;
	case 43: syscall(SYS_sched_getparam, PICK(0, 1, (uint64_t) -1), ptr()); break;
	case 44: syscall(SYS_getgroups, PICK(0, 1, 64, (uint64_t) -1), ptr()); break;
	case 45: syscall(SYS_uname, ptr()); break;
	case 46: syscall(SYS_capget, ptr(), ptr()); break;
	case 47: syscall(SYS_getresuid, ptr(), ptr(), ptr()); break;
	case 48: syscall(SYS_ioprio_get, bits(), PICK(0, 1, (uint64_t) -1)); break;
	case 49: syscall(SYS_access, path(), bits()); break;
	case 50: {
		uint64_t fds = ptr();
		drop_pair(syscall(SYS_pipe2, fds, bits()), fds);
		break;
	}
	case 51: syscall(SYS_close_range, PICK(100, 200, (uint64_t) -1), PICK(100, 300, 0), bits()); break;
	case 52: drop_fd(syscall(SYS_epoll_create1, bits())); break;
	case 53: drop_fd(syscall(SYS_inotify_init1, bits())); break;
	case 54: drop_fd(syscall(SYS_timerfd_create, bits(), bits())); break;
	case 55: drop_fd(syscall(SYS_memfd_create, path(), bits())); break;
	case 56: drop_fd(syscall(SYS_signalfd4, PICK(-1, 3, 99), ptr(), PICK(0, 4, 8, 16), bits())); break;
	case 57: syscall(SYS_sigaltstack, 0, ptr()); break;
	case 58: syscall(SYS_clock_gettime, bits(), ptr()); break;
	case 59: syscall(SYS_getitimer, bits(), ptr()); break;
	case 60: syscall(SYS_sched_getscheduler, PICK(0, (uint64_t) -1, 99999)); break;
	case 61: syscall(SYS_sched_rr_get_interval, PICK(0, (uint64_t) -1), ptr()); break;
	case 62:
		/* Options that only read, and unknown ones. */
		syscall(SYS_prctl, PICK(2, 3, 7, 16, 21, 23, 25, 27, 30, 34, 37, 39, 40, 42, 46,
					52, 58, 0x1000 + below(100)),
			ptr(), bits(), bits(), bits());
		break;
	case 63: syscall(SYS_arch_prctl, PICK(0x1003, 0x1004, 0x1011, 0x3001 + below(16)), ptr()); break;
	case 64: syscall(SYS_getsid, PICK(0, (uint64_t) -1, 99999)); break;
	case 65: syscall(SYS_mlock2, (uint64_t) BUF + below(4096), below(BUF_SIZE), bits()); break;
	case 66: syscall(SYS_munlock, (uint64_t) BUF, len()); break;
	case 67: syscall(SYS_utimensat, dirfd(), path(), ptr(), bits()); break;
	case 68:
		/* Operations that never wait. */
		syscall(SYS_futex, ptr(), PICK(1, 129, 5, 133, 10, 13, 99, 0x101), bits(),
			ptr(), ptr(), bits());
		break;
	case 69: syscall(SYS_epoll_ctl, 10, bits() & 7, fd(), ptr()); break;
	case 70: syscall(SYS_epoll_wait, PICK(10, 3, 99), ptr(), PICK(0, 1, 8, (uint64_t) -1), 0); break;
	case 71: syscall(SYS_poll, ptr(), below(8), 0); break;
	case 72: syscall(SYS_ppoll, ptr(), below(8), zero_time(), ptr(), PICK(0, 8, 4)); break;
	case 73: syscall(SYS_select, below(12), ptr(), ptr(), ptr(), zero_time()); break;
	case 74: syscall(SYS_sendfile, io_fd(), io_fd(), ptr(), below(100)); break;
	case 75: syscall(SYS_copy_file_range, io_fd(), ptr(), io_fd(), ptr(), below(100), bits()); break;
	case 76: syscall(SYS_readahead, io_fd(), PICK(0, 4096, (uint64_t) -1), len()); break;
	case 77: syscall(PICK(SYS_fsync, SYS_fdatasync), fd()); break;
	case 78: syscall(SYS_ftruncate, PICK(5, 3, 99), below(BUF_SIZE)); break;
	case 79: syscall(SYS_fallocate, PICK(5, 3, 99), bits(), below(4096), below(4096)); break;
	case 80: syscall(SYS_getxattr, path(), ptr(), ptr(), len()); break;
	case 81: syscall(SYS_listxattr, path(), ptr(), len()); break;
	case 82: syscall(SYS_kcmp, getpid(), getpid(), below(10), below(12), below(12)); break;
	case 83: syscall(SYS_personality, 0xffffffff); break;
	default: syscall(SYS_getpriority, bits(), 0); break;
	}
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 100;
	/* Once, before anything else: the same addresses in every run. */
	int persona = personality(0xffffffff);
	if (!(persona & ADDR_NO_RANDOMIZE)) {
		personality(persona | ADDR_NO_RANDOMIZE);
		execv("/proc/self/exe", argv);
		return 102;
	}
	setup(argc, argv);
	state = strtoull(argv[2], NULL, 0);
	long count = strtol(argv[3], NULL, 0);
	if (mmap(BUF, BUF_SIZE + 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != BUF)
		return 103;
	mprotect(BUF + BUF_SIZE, 4096, PROT_NONE);
	if (open("/dev/null", O_RDWR) != 3 || open("/dev/zero", O_RDONLY) != 4
	    || open("f1", O_RDWR | O_CREAT, 0644) != 5 || open(".", O_RDONLY) != 6
	    || socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0) != 7)
		return 104;
	int sp[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sp) || sp[0] != 8)
		return 105;
	if (syscall(SYS_epoll_create1, 0) != 10)
		return 106;
	write(5, "some text in f1\n", 16);
	mkdir("d1", 0755);
	begin_marker();
	for (long i = 0; i < count; i++) {
		scramble();
		one_call();
	}
	return 0;
}
