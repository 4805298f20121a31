/* Arguments by name (-N/--arg-names): a few calls of each kind of argument list
 * (paths and flags, buffers shown at exit, an ioctl, sockets, a futex and a
 * prctl whose registers the decoder names, an optional argument, a syscall
 * with no name at all). tests/arg_names.rs traces it with -N and compares each
 * line, names taken out, with strace 6.1's. Nothing here depends on timing. */
#include "helper.h"
#include <linux/futex.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	int p[2];
	char buf[64];
	int word = 0;
	int n = 0;

	setup(argc, argv);
	begin_marker();

	int fd = openat(AT_FDCWD, "f", O_WRONLY | O_CREAT | O_TRUNC, 0640); /* 3 */
	if (write(fd, "hello\n", 6) != 6)
		_exit(102);
	lseek(fd, 0, SEEK_SET);
	close(fd);
	fd = openat(AT_FDCWD, "f", O_RDONLY); /* 3 */
	if (read(fd, buf, sizeof(buf)) != 6)
		_exit(103);
	read(-1, buf, 4);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	close(fd);
	if (pipe2(p, O_CLOEXEC) != 0) /* 3, 4 */
		_exit(104);
	if (write(p[1], "ab", 2) != 2)
		_exit(105);
	ioctl(p[0], FIONREAD, &n);
	close(p[0]);
	close(p[1]);
	fd = socket(AF_UNIX, SOCK_STREAM, 0); /* 3 */
	shutdown(fd, SHUT_RDWR);
	close(fd);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, NULL, NULL, 0);
	prctl(PR_SET_NAME, "named", 0, 0, 0);
	prctl(PR_GET_NAME, buf, 0, 0, 0);
	kill(getpid(), 0);
	wait4(-1, NULL, WNOHANG, NULL);
	char *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(m, 4096);
	unlinkat(AT_FDCWD, "f", 0);
	syscall(500, 1, 2, 3, 4, 5, 6);
	return 0;
}
