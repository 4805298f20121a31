/*
 * The kernel's share of filtered tracing, for scripts/bench: runs a command under a seccomp
 * filter shaped like strace-rs's (the architecture and the syscall number checked, nothing
 * else read, so the kernel's allow cache applies) that allows every call, and no tracer. A
 * filtered trace cannot be cheaper than this: once a process has a filter, every syscall
 * takes the kernel's slower entry path.
 *
 * Usage: seccomp_allow COMMAND [ARGS...]
 */
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		/* No syscall has this number: the test only gives the filter strace-rs's shape. */
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 100000, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof insns / sizeof insns[0], insns };

	if (argc < 2) {
		fprintf(stderr, "usage: %s COMMAND [ARGS...]\n", argv[0]);
		return 2;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
		perror("seccomp_allow: seccomp");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror("seccomp_allow: exec");
	return 127;
}
