/* Forks NCHILD children one after the other; child i exits at once with
 * _exit(i % 7 + 10) (raw exit_group), the parent waits for each with
 * wait4 before forking the next. argv[2] (optional) sets the number of
 * children. The parent exits with 3.
 *
 * With argv[2] = "killed", forks one child that kills itself with
 * SIGKILL; the parent reaps it and exits with 4.
 *
 * With argv[2] = "vfork", makes one child with a raw
 * clone(CLONE_VFORK|CLONE_CHILD_SETTID|SIGCHLD): the parent stays in its clone
 * until the child, which calls getpid and exits with 5, is gone, so a tracer
 * always cuts the parent's clone line with the child's; the parent reaps it,
 * then does the same with clone3({CLONE_VFORK|CLONE_PARENT_SETTID, ...}, 88),
 * and exits with 6.
 *
 * With argv[2] = "lockwait", a child takes a write lock on a file and holds it
 * until the parent waits for the same lock in fcntl(F_SETLKW) (its
 * /proc/PID/stat shows it sleeping in syscall 72), then exits, so a tracer
 * always cuts the parent's fcntl line with the child's; the parent exits with 7. */
#include "helper.h"
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#define NCHILD 200

/* /proc/PID/NAME into buf, NUL-terminated; its length, or -1. */
static int read_proc(pid_t pid, const char *name, char *buf, int size)
{
	char path[64];
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	fd = open(path, O_RDONLY);
	n = fd < 0 ? -1 : read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

/* Whether process pid sleeps (state S: in the kernel, not stopped by a tracer)
 * in system call nr. */
static int waits_in(pid_t pid, long nr)
{
	char buf[512], *state;

	if (read_proc(pid, "stat", buf, sizeof(buf)) <= 0)
		return 0;
	state = strrchr(buf, ')');
	if (!state || state[1] != ' ' || state[2] != 'S')
		return 0;
	return read_proc(pid, "syscall", buf, sizeof(buf)) > 0 &&
	       strtol(buf, NULL, 10) == nr;
}

/* After a clone that returned r: the child calls getpid and exits with 5; the
 * parent reaps it (any failure exits 102 or 103). */
static void vfork_child(long r)
{
	int st;

	if (r < 0)
		_exit(102);
	if (r == 0) {
		syscall(SYS_getpid);
		syscall(SYS_exit_group, 5);
	}
	if (waitpid(r, &st, 0) != r || !WIFEXITED(st) || WEXITSTATUS(st) != 5)
		_exit(103);
}

int main(int argc, char **argv)
{
	int i, n = NCHILD, st;
	pid_t pid;

	setup(argc, argv);
	begin_marker();
	if (argc > 2 && strcmp(argv[2], "killed") == 0) {
		pid = fork();
		if (pid < 0)
			_exit(102);
		if (pid == 0) {
			syscall(SYS_kill, syscall(SYS_getpid), SIGKILL);
			syscall(SYS_exit_group, 105);
		}
		if (waitpid(pid, &st, 0) != pid || !WIFSIGNALED(st))
			_exit(103);
		syscall(SYS_exit_group, 4);
	}
	if (argc > 2 && strcmp(argv[2], "vfork") == 0) {
		pid_t tid = 0;
		long r = syscall(SYS_clone, CLONE_VFORK | CLONE_CHILD_SETTID | SIGCHLD,
				 0, NULL, &tid, 0);

		vfork_child(r);
		struct clone_args ca;
		memset(&ca, 0, sizeof(ca));
		ca.flags = CLONE_VFORK | CLONE_PARENT_SETTID;
		ca.parent_tid = (unsigned long) &tid;
		ca.exit_signal = SIGCHLD;
		r = syscall(SYS_clone3, &ca, sizeof(ca));
		vfork_child(r);
		syscall(SYS_exit_group, 6);
	}
	if (argc > 2 && strcmp(argv[2], "lockwait") == 0) {
		struct flock lock;
		int fd = open("lockfile", O_RDWR | O_CREAT, 0600), go[2];
		char b;

		memset(&lock, 0, sizeof(lock));
		lock.l_type = F_WRLCK;
		lock.l_whence = SEEK_SET;
		if (fd != 3 || pipe(go) < 0)
			_exit(102);
		pid = fork();
		if (pid < 0)
			_exit(102);
		if (pid == 0) {
			if (fcntl(fd, F_SETLK, &lock) < 0 || write(go[1], "x", 1) != 1)
				syscall(SYS_exit_group, 1);
			while (!waits_in(getppid(), 72))
				;
			syscall(SYS_exit_group, 0);
		}
		if (read(go[0], &b, 1) != 1 || fcntl(fd, F_SETLKW, &lock) < 0)
			_exit(103);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			_exit(103);
		syscall(SYS_exit_group, 7);
	}
	if (argc > 2)
		n = atoi(argv[2]);
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0)
			_exit(102);
		if (pid == 0)
			syscall(SYS_exit_group, i % 7 + 10);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != i % 7 + 10)
			_exit(103);
	}
	syscall(SYS_exit_group, 3);
	return 3;
}
