/* Descriptors of every kind for -y / -yy / -P: a regular file, a directory
 * used as dirfd, a file with odd bytes in its name, a deleted file, /dev/null,
 * a pipe, an eventfd, a TCP connection on loopback (IPv4, and IPv6 when the
 * host has ::1), a UDP socket, a unix socket pair and a bound unix socket, a
 * netlink socket. Every syscall that shows a descriptor is raw so glibc
 * cannot change it. */
#include "helper.h"
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>

static void rw(int fd)
{
	syscall(SYS_write, fd, "x", 1);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	mkdir("dir", 0755);
	int fd = open("dir/odd<name>\n\"q\\\x01", O_CREAT | O_WRONLY, 0644);
	close(fd);
	int del = open("dir/gone", O_CREAT | O_RDWR, 0644);
	unlink("dir/gone");
	/* fds below: 3 = deleted file */
	begin_marker();

	int pw = syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY);
	char buf[256];
	syscall(SYS_read, pw, buf, 16);
	syscall(SYS_lseek, pw, 0, SEEK_SET);
	int dir = syscall(SYS_openat, AT_FDCWD, "dir", O_RDONLY | O_DIRECTORY);
	int odd = syscall(SYS_openat, dir, "odd<name>\n\"q\\\x01", O_RDONLY);
	syscall(SYS_fstat, odd, buf);
	rw(del);
	int dn = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
	rw(dn);
	int d2 = syscall(SYS_dup, dn);
	syscall(SYS_dup2, pw, 20);
	syscall(SYS_close, 20);
	syscall(SYS_close, 20);
	int p[2];
	syscall(SYS_pipe2, p, 0);
	rw(p[1]);
	syscall(SYS_read, p[0], buf, 1);
	int ev = syscall(SYS_eventfd2, 0, 0);
	syscall(SYS_close, ev);

	/* TCP on loopback. */
	int srv = socket(AF_INET, SOCK_STREAM, 0);
	syscall(SYS_fcntl, srv, F_GETFD);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	bind(srv, (struct sockaddr *) &a, sizeof a);
	listen(srv, 1);
	getsockname(srv, (struct sockaddr *) &a, &al);
	int cli = socket(AF_INET, SOCK_STREAM, 0);
	connect(cli, (struct sockaddr *) &a, sizeof a);
	int acc = accept(srv, NULL, NULL);
	rw(cli);
	syscall(SYS_read, acc, buf, 1);
	syscall(SYS_fcntl, srv, F_GETFD);

	/* TCP over IPv6 loopback, if there is one. */
	int s6 = socket(AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	al = sizeof a6;
	if (bind(s6, (struct sockaddr *) &a6, sizeof a6) == 0) {
		listen(s6, 1);
		getsockname(s6, (struct sockaddr *) &a6, &al);
		int c6 = socket(AF_INET6, SOCK_STREAM, 0);
		connect(c6, (struct sockaddr *) &a6, sizeof a6);
		rw(c6);
		close(c6);
	}
	close(s6);

	/* UDP: bound, then connected. */
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	rw(u);
	struct sockaddr_in ua = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	bind(u, (struct sockaddr *) &ua, sizeof ua);
	syscall(SYS_fcntl, u, F_GETFD);
	connect(u, (struct sockaddr *) &a, sizeof a);
	syscall(SYS_fcntl, u, F_GETFD);

	/* Unix sockets. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	rw(sv[0]);
	int ds[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, ds);
	rw(ds[0]);
	int us = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "sock" };
	bind(us, (struct sockaddr *) &sun, sizeof sun);
	listen(us, 1);
	syscall(SYS_fcntl, us, F_GETFD);
	int ua2 = socket(AF_UNIX, SOCK_STREAM, 0);
	/* An abstract name is global: the work dir's path keeps it unique. */
	struct sockaddr_un abs = { .sun_family = AF_UNIX };
	size_t dl = strlen(argv[1]);
	if (dl > sizeof abs.sun_path - 1)
		dl = sizeof abs.sun_path - 1;
	memcpy(abs.sun_path + 1, argv[1], dl);
	bind(ua2, (struct sockaddr *) &abs, offsetof(struct sockaddr_un, sun_path) + 1 + dl);
	syscall(SYS_fcntl, ua2, F_GETFD);

	/* Netlink. */
	int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl nla = { .nl_family = AF_NETLINK };
	bind(nl, (struct sockaddr *) &nla, sizeof nla);
	syscall(SYS_fcntl, nl, F_GETFD);

	syscall(SYS_fcntl, dn, F_DUPFD, 40);
	syscall(SYS_close, 99);
	syscall(SYS_close, d2);

	/* A file really named "kept (deleted)" beside "kept": the suffix in the link is its
	 * name until it is unlinked, then the kernel's mark follows it. */
	close(open("dir/kept", O_CREAT | O_WRONLY, 0644));
	int kd = open("dir/kept (deleted)", O_CREAT | O_WRONLY, 0644);
	syscall(SYS_fchmod, kd, 0600);
	unlink("dir/kept (deleted)");
	syscall(SYS_fchmod, kd, 0644);
	return 0;
}
