/*
 * The floor of scripts/bench: the least a tracer that stops at every system call can do. It
 * runs a command and its descendants under ptrace, stopping at each syscall's entry and exit,
 * asking the kernel for the stop's syscall info (as any decoding tracer must) and resuming,
 * and prints nothing. What it costs over the untraced command is what the kernel charges for
 * the stops on this machine; a real tracer can only add to it.
 *
 * Usage: bare_tracer COMMAND [ARGS...]     exits with the command's status
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#define OPTIONS                                                                       \
	(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |           \
	 PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC)

int main(int argc, char **argv)
{
	struct __ptrace_syscall_info info;
	pid_t command, pid;
	int status, code = 1;

	if (argc < 2)
		return 2;
	command = fork();
	if (command < 0)
		return 1;
	if (command == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (waitpid(command, &status, 0) != command || !WIFSTOPPED(status) ||
	    ptrace(PTRACE_SETOPTIONS, command, 0, OPTIONS) < 0) {
		kill(command, SIGKILL);
		return 1;
	}
	ptrace(PTRACE_SYSCALL, command, 0, 0);
	for (;;) {
		pid = waitpid(-1, &status, __WALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: every tracee is gone */
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == command)
				code = WIFEXITED(status) ? WEXITSTATUS(status)
							 : 128 + WTERMSIG(status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		int sig = WSTOPSIG(status), deliver = 0;
		if (sig == (SIGTRAP | 0x80))
			ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info);
		else if (status >> 16 == 0 && sig != SIGSTOP)
			deliver = sig; /* a signal for the tracee */
		/* Else an event (fork, clone, exec) or a new child's first SIGSTOP (the benchmark's
		 * workloads send no SIGSTOP of their own): nothing to deliver. */
		ptrace(PTRACE_SYSCALL, pid, 0, deliver);
	}
	return code;
}
