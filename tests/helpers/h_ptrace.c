/* ptrace(2) requests as a debugger makes them: `h_ptrace WORKDIR`. First every
 * request on a pid that is no child (ESRCH: nothing changes), with its argument
 * NULL, unreadable, half-readable and readable; then the requests that read a
 * stopped tracee, on a child of our own that stops itself with two signals
 * pending, which is killed at the end. Raw syscalls throughout: glibc's wrapper
 * passes its own `data` to the PEEK requests. */
#include "helper.h"
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <linux/ptrace.h>
#include <elf.h>

/* No process has it. */
#define NOBODY 0x7ffffff0

static long pt(unsigned long long req, int pid, unsigned long addr, unsigned long data)
{
	return syscall(SYS_ptrace, req, pid, addr, data);
}

/* Requests on a pid that is not there. */
static void esrch_calls(char *page_end)
{
	static const unsigned long offsets[] = { 0, 0x50, 0x54, 0x90, 0xa8, 0xd8, 0x358, 0x390, 0x391 };
	unsigned long long regs[64];
	struct iovec iov = { regs, 8 };
	struct ptrace_peeksiginfo_args psi = { 0xdeadbeeffacefeedULL, 1, 42 };
	unsigned long long md[2] = { 7, 0 };
	siginfo_t si;
	int null_fd = open("/dev/null", O_RDONLY);

	for (int i = 0; i < 64; i++)
		regs[i] = i + 1;
	pt(0xdeadbeef00000007ULL, NOBODY, 0, 0);
	pt(0x4242, NOBODY, 1, 2);
	for (size_t k = 0; k < sizeof(offsets) / sizeof(offsets[0]); k++) {
		pt(PTRACE_PEEKUSER, NOBODY, offsets[k], (unsigned long)page_end);
		pt(PTRACE_POKEUSER, NOBODY, offsets[k], 0x1234);
	}
	pt(PTRACE_SETREGS, NOBODY, 0, (unsigned long)regs);
	pt(PTRACE_SETREGS, NOBODY, 0, (unsigned long)(page_end - 8));
	pt(PTRACE_SETFPREGS, NOBODY, 0, (unsigned long)regs);
	pt(PTRACE_GETREGS, NOBODY, 0, (unsigned long)regs);
	pt(PTRACE_GETFPREGS, NOBODY, 0, (unsigned long)regs);
	static const unsigned long lens[] = { 0, 7, 8, 24, 216, 224 };
	for (size_t k = 0; k < sizeof(lens) / sizeof(lens[0]); k++) {
		iov.iov_len = lens[k];
		pt(PTRACE_SETREGSET, NOBODY, NT_PRSTATUS, (unsigned long)&iov);
		pt(PTRACE_GETREGSET, NOBODY, NT_PRSTATUS, (unsigned long)&iov);
	}
	iov.iov_len = 168;
	pt(PTRACE_SETREGSET, NOBODY, NT_FPREGSET, (unsigned long)&iov);
	pt(PTRACE_SETREGSET, NOBODY, NT_PRPSINFO, (unsigned long)&iov);
	pt(PTRACE_SETREGSET, NOBODY, NT_X86_XSTATE, (unsigned long)&iov);
	pt(PTRACE_SETREGSET, NOBODY, 0x4242, (unsigned long)&iov);
	pt(PTRACE_SETREGSET, NOBODY, NT_PRSTATUS, (unsigned long)(page_end - 8));
	pt(PTRACE_SETREGSET, NOBODY, NT_PRSTATUS, 0);
	pt(PTRACE_PEEKSIGINFO, NOBODY, 0, 0);
	pt(PTRACE_PEEKSIGINFO, NOBODY, (unsigned long)&psi, (unsigned long)regs);
	psi.flags = 3;
	pt(PTRACE_PEEKSIGINFO, NOBODY, (unsigned long)&psi, (unsigned long)regs);
	pt(PTRACE_PEEKSIGINFO, NOBODY, (unsigned long)(page_end - 8), 0);
	pt(PTRACE_SECCOMP_GET_METADATA, NOBODY, 7, (unsigned long)md);
	pt(PTRACE_SECCOMP_GET_METADATA, NOBODY, 16, (unsigned long)md);
	pt(PTRACE_SECCOMP_GET_METADATA, NOBODY, 16, 0);
	pt(PTRACE_SECCOMP_GET_FILTER, NOBODY, 0, (unsigned long)regs);
	pt(PTRACE_GET_SYSCALL_INFO, NOBODY, 88, (unsigned long)regs);
	pt(PTRACE_GET_SYSCALL_INFO, NOBODY, 0, 0);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGIO;
	si.si_code = POLL_IN;
	si.si_fd = null_fd;
	si.si_band = -2;
	pt(PTRACE_SETSIGINFO, NOBODY, 0, (unsigned long)&si);
	si.si_signo = SIGUSR1;
	si.si_code = SI_TKILL;
	pt(PTRACE_SETSIGINFO, NOBODY, 0, (unsigned long)&si);
	pt(PTRACE_GETSIGINFO, NOBODY, 0, (unsigned long)&si);
	pt(PTRACE_SETSIGMASK, NOBODY, 8, (unsigned long)regs);
	pt(PTRACE_GETSIGMASK, NOBODY, 8, (unsigned long)regs);
	pt(PTRACE_GETEVENTMSG, NOBODY, 0, (unsigned long)regs);
	pt(PTRACE_CONT, NOBODY, 0, SIGUSR1);
	pt(PTRACE_SYSCALL, NOBODY, 0, 0);
	pt(PTRACE_SEIZE, NOBODY, 0, PTRACE_O_TRACESYSGOOD | 0x800000);
	pt(PTRACE_SETOPTIONS, NOBODY, 0, PTRACE_O_TRACEFORK | PTRACE_O_EXITKILL);
	pt(PTRACE_INTERRUPT, NOBODY, 1, 2);
	pt(PTRACE_LISTEN, NOBODY, 1, 2);
	close(null_fd);
}

/* Requests that read a tracee stopped by SIGSTOP with SIGUSR1 and SIGUSR2
 * pending. */
static void tracee_calls(int pid)
{
	static unsigned long long regs[128];
	static unsigned char fp[1024];
	struct iovec iov = { regs, 0 };
	struct ptrace_peeksiginfo_args psi = { 0, 0, 4 };
	siginfo_t sigs[4];
	unsigned long long mask;

	pt(PTRACE_PEEKSIGINFO, pid, (unsigned long)&psi, (unsigned long)sigs);
	psi.flags = PTRACE_PEEKSIGINFO_SHARED;
	pt(PTRACE_PEEKSIGINFO, pid, (unsigned long)&psi, (unsigned long)sigs);
	pt(PTRACE_GETSIGINFO, pid, 0, (unsigned long)sigs);
	pt(PTRACE_GETSIGMASK, pid, 8, (unsigned long)&mask);
	pt(PTRACE_GETSIGMASK, pid, 4, (unsigned long)&mask);
	pt(PTRACE_SETSIGMASK, pid, 8, (unsigned long)&mask);
	pt(PTRACE_GETEVENTMSG, pid, 0, (unsigned long)&mask);
	static const unsigned long infos[] = { 0, 1, 7, 8, 16, 24, 31, 88 };
	for (size_t k = 0; k < sizeof(infos) / sizeof(infos[0]); k++)
		pt(PTRACE_GET_SYSCALL_INFO, pid, infos[k], (unsigned long)regs);
	static const unsigned long lens[] = { 0, 3, 8, 48, 216, 224 };
	for (size_t k = 0; k < sizeof(lens) / sizeof(lens[0]); k++) {
		iov.iov_len = lens[k];
		pt(PTRACE_GETREGSET, pid, NT_PRSTATUS, (unsigned long)&iov);
		iov.iov_len = lens[k];
		pt(PTRACE_SETREGSET, pid, NT_PRSTATUS, (unsigned long)&iov);
	}
	iov.iov_base = fp;
	static const unsigned long fplens[] = { 40, 168, 512, 520 };
	for (size_t k = 0; k < sizeof(fplens) / sizeof(fplens[0]); k++) {
		iov.iov_len = fplens[k];
		pt(PTRACE_GETREGSET, pid, NT_FPREGSET, (unsigned long)&iov);
	}
	pt(PTRACE_GETREGS, pid, 0, (unsigned long)regs);
	pt(PTRACE_SETREGS, pid, 0, (unsigned long)regs);
	pt(PTRACE_GETFPREGS, pid, 0, (unsigned long)fp);
	pt(PTRACE_PEEKUSER, pid, 8 * 15, (unsigned long)&mask);
	pt(PTRACE_SECCOMP_GET_FILTER, pid, 0, (unsigned long)regs);
	pt(PTRACE_SECCOMP_GET_METADATA, pid, 16, (unsigned long)regs);
	pt(PTRACE_KILL, pid, 0, 0);
}

int main(int argc, char **argv)
{
	char *page_end;
	int status;

	setup(argc, argv);
	page_end = page_end_unmapped();
	if (!page_end)
		return 1;
	begin_marker();
	esrch_calls(page_end);
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		sigset_t set;

		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		sigaddset(&set, SIGUSR2);
		sigprocmask(SIG_BLOCK, &set, NULL);
		raise(SIGUSR1);
		raise(SIGUSR2);
		if (pt(PTRACE_TRACEME, 0, 0, 0))
			_exit(3);
		raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		return 4;
	}
	tracee_calls(pid);
	waitpid(pid, &status, 0);
	return 0;
}
