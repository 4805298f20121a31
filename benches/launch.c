/*
 * The start-up baseline of scripts/bench: the least a program that runs a command can do,
 * fork, exec and wait. `strace-rs -- /bin/true` is compared with `launch /bin/true`.
 *
 * Usage: launch COMMAND [ARGS...]     exits with the command's status
 */
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	pid_t pid;
	int status;

	if (argc < 2)
		return 2;
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
