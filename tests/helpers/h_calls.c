/* Calls strace decodes that are rarely seen, raw: `h_calls WORKDIR`. Keys
 * (add_key, request_key, keyctl), the clock (settimeofday, adjtimex,
 * clock_adjtime), protection keys, vmsplice, rt_sigpending's short sets,
 * clone3's larger struct and terminal settings in struct termios2.
 *
 * Nothing here changes the machine: the clock calls are made to fail (a bad
 * microsecond count, a mode the kernel refuses, a bad address) but for the
 * read-only adjtimex; keys are looked up under ids no key has, so every
 * keyctl fails but the query of the request-key default (which changes
 * nothing); clone3 is refused (bad sizes, flags, bytes past the struct);
 * the terminal is a pty of our own, set to what it already was. */
#include "helper.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/uio.h>
#include <asm/termbits.h>
#include <linux/keyctl.h>
#include <linux/sched.h>
#include <time.h>

/* A keyring id that is neither special nor a serial: every lookup fails
 * with EINVAL, whatever keys the machine has. */
#define NO_KEY (-100)

static void keys(void)
{
	struct iovec iov[2] = {
		{ .iov_base = "abcd", .iov_len = 4 },
		{ .iov_base = "xyz", .iov_len = 3 },
	};
	struct keyctl_pkey_params params = {
		.key_id = NO_KEY, .in_len = 3, .out_len = 5,
	};
	struct keyctl_pkey_query query;
	char buf[16] = "untouched";

	syscall(SYS_add_key, NULL, NULL, NULL, 0, 0);
	syscall(SYS_add_key, "user", "h_calls", "\16\17\20", 3, NO_KEY);
	syscall(SYS_add_key, "user", "h_calls", (void *)8, 10,
		KEY_SPEC_THREAD_KEYRING);
	syscall(SYS_request_key, "user", "h_calls: no such key", NULL, 0);
	syscall(SYS_request_key, "user", (void *)8, "info", NO_KEY);
	syscall(SYS_keyctl, 0xfacefeed, 1, 2, 3, 4);
	syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, NO_KEY, 0);
	syscall(SYS_keyctl, KEYCTL_UPDATE, NO_KEY, "shrt desc", 9);
	syscall(SYS_keyctl, KEYCTL_REVOKE, NO_KEY);
	syscall(SYS_keyctl, KEYCTL_CHOWN, NO_KEY, -1, 3141592653U);
	syscall(SYS_keyctl, KEYCTL_SETPERM, NO_KEY, 0x3f010000);
	syscall(SYS_keyctl, KEYCTL_SETPERM, NO_KEY, 0xc0c0c0c0);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, NO_KEY, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_LINK, NO_KEY, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_SEARCH, NO_KEY, "user", "h_calls",
		KEY_SPEC_USER_KEYRING);
	syscall(SYS_keyctl, KEYCTL_READ, NO_KEY, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_NEGATE, NO_KEY, 60, 0);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING,
		KEY_REQKEY_DEFL_NO_CHANGE);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, 99);
	syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, NO_KEY, 60);
	syscall(SYS_keyctl, KEYCTL_GET_SECURITY, NO_KEY, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_REJECT, NO_KEY, 60, ENODEV, 0);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, NO_KEY, iov, 2,
		KEY_SPEC_GROUP_KEYRING);
	syscall(SYS_keyctl, KEYCTL_INVALIDATE, NO_KEY);
	syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, NO_KEY, 0, "enc=raw", &query);
	syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, &params, "enc=raw", "abc",
		buf);
	syscall(SYS_keyctl, KEYCTL_PKEY_DECRYPT, (void *)8, "enc=raw", "abc",
		buf);
	syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, &params, "enc=raw", "abc",
		"12345");
	syscall(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, NO_KEY, "user", NULL);
	syscall(SYS_keyctl, KEYCTL_MOVE, NO_KEY, KEY_SPEC_THREAD_KEYRING,
		NO_KEY, 0xffffffff);
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, (void *)8, 2);
}

static void clock_calls(void)
{
	struct timeval tv = { .tv_sec = 0, .tv_usec = 1000001 };
	struct timezone tz = { .tz_minuteswest = -60 };
	struct timex tx;

	/* Refused before anything is set: the microseconds are out of
	 * range (the zone is not even read). */
	syscall(SYS_settimeofday, &tv, &tz);
	syscall(SYS_settimeofday, (void *)8, NULL);
	/* ADJ_ADJTIME without the rest of ADJ_OFFSET_SINGLESHOT: refused
	 * whoever asks. */
	memset(&tx, 0, sizeof(tx));
	tx.modes = 0x8000;
	syscall(SYS_adjtimex, &tx);
	syscall(SYS_adjtimex, NULL);
	/* Reads the clock's state, changes nothing. */
	memset(&tx, 0, sizeof(tx));
	syscall(SYS_adjtimex, &tx);
	syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, NULL);
	syscall(SYS_clock_adjtime, CLOCK_PROCESS_CPUTIME_ID, &tx);
}

static void memory_calls(void)
{
	struct iovec iov[2] = {
		{ .iov_base = "012", .iov_len = 3 },
		{ .iov_base = "34567", .iov_len = 5 },
	};
	int fds[2];

	syscall(SYS_pkey_alloc, 1, 0);
	syscall(SYS_pkey_alloc, 0, 0xdec0ded8UL);
	syscall(SYS_pkey_free, -1);
	/* An empty range: nothing to protect. */
	syscall(SYS_pkey_mprotect, NULL, 0, PROT_READ, -1);
	syscall(SYS_pkey_mprotect, NULL, 4096, 0xca7500, 1);
	syscall(SYS_pipe2, fds, 0);
	syscall(SYS_vmsplice, fds[1], iov, 2, SPLICE_F_NONBLOCK);
	syscall(SYS_vmsplice, fds[1], (void *)8, 1, 0x10);
}

static void signal_calls(void)
{
	unsigned long set = 0;
	sigset_t block;

	sigemptyset(&block);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGINT);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &block, NULL, 8);
	syscall(SYS_kill, getpid(), SIGHUP);
	syscall(SYS_kill, getpid(), SIGINT);
	syscall(SYS_rt_sigpending, &set, 8);
	syscall(SYS_rt_sigpending, &set, 4);
	syscall(SYS_rt_sigpending, &set, 2);
	syscall(SYS_rt_sigpending, &set, 1);
	syscall(SYS_rt_sigpending, &set, 0);
	syscall(SYS_rt_sigpending, &set, 16);
	/* The other calls take the kernel's size only. */
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &block, NULL, 4);
}

static void clone3_calls(char *page_end)
{
	struct clone_args *at_end = (void *)(page_end - sizeof(*at_end));
	struct {
		struct clone_args args;
		unsigned long long tail;
	} big;

	memset(&big, 0, sizeof(big));
	syscall(SYS_clone3, &big, 56);
	/* Bytes set past the struct: E2BIG. */
	big.tail = 0xfacefeeddeadc0deULL;
	syscall(SYS_clone3, &big, sizeof(big));
	/* Past the struct is unmapped: EFAULT, `???`. */
	memset(at_end, 0, sizeof(*at_end));
	syscall(SYS_clone3, at_end, sizeof(*at_end) + 8);
	memset(&big, 0, sizeof(big));
	big.args.flags = 0x40007f;
	big.args.exit_signal = 250;
	syscall(SYS_clone3, &big, 64);
	big.args.flags = 0;
	big.args.exit_signal = 0xdeadc0defacefeedULL;
	syscall(SYS_clone3, &big, 64);
	/* A set_tid without a size, a cgroup without CLONE_INTO_CGROUP: the
	 * bad exit signal keeps the call from cloning. */
	big.args.set_tid = (unsigned long)&big;
	big.args.cgroup = 0xfacefeed;
	syscall(SYS_clone3, &big, 88);
}

static void termios_calls(void)
{
	struct termios2 t2;
	struct termios t;
	int pty = open("/dev/ptmx", O_RDWR | O_NOCTTY);

	if (pty < 0)
		return;
	syscall(SYS_ioctl, pty, TCGETS2, &t2);
	syscall(SYS_ioctl, pty, TCSETS2, &t2);
	syscall(SYS_ioctl, pty, TCSETSW2, &t2);
	syscall(SYS_ioctl, pty, TCSETSF2, &t2);
	syscall(SYS_ioctl, pty, TCSETSF2, NULL);
	syscall(SYS_ioctl, pty, TIOCGLCKTRMIOS, &t);
	syscall(SYS_ioctl, pty, TCGETS, &t);
	syscall(SYS_close, pty);
}

int main(int argc, char **argv)
{
	char *page_end;

	setup(argc, argv);
	page_end = page_end_unmapped();
	if (!page_end)
		return 3;
	begin_marker();
	keys();
	clock_calls();
	memory_calls();
	signal_calls();
	clone3_calls(page_end);
	termios_calls();
	return 0;
}
