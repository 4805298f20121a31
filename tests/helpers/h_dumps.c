/* Data for -e read= / -e write= dumps: writev/readv per buffer (a read that fills
 * part of its buffers, an empty buffer that ends a dump), a failed write (dumped
 * all the same), a negative descriptor (not dumped), sendmsg/recvmsg and
 * sendmmsg/recvmmsg on a datagram socket pair, a write of more than 1 MiB (wider
 * offsets), and a write whose buffer ends in unmapped memory past the first
 * 64 KiB (strace's "Cannot fetch" line). Raw syscalls; /dev/null is fd 5. */
#include "helper.h"
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>

int main(int argc, char **argv)
{
	int p[2], sv[2];
	char a[8], b[15], big_page[4096];
	struct iovec out[4] = {
		{ "012", 3 }, { "34567", 5 }, { "", 0 }, { "89abcde", 7 } };
	struct iovec in[2] = { { a, sizeof a }, { b, sizeof b } };
	struct msghdr msg = { .msg_iov = out, .msg_iovlen = 2 };
	struct msghdr rmsg = { .msg_iov = in, .msg_iovlen = 2 };
	struct mmsghdr mm[2] = { { .msg_hdr = { .msg_iov = out, .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = out + 3, .msg_iovlen = 1 } } };
	struct mmsghdr rmm[2] = { { .msg_hdr = { .msg_iov = in, .msg_iovlen = 2 } },
				  { .msg_hdr = { .msg_iov = in, .msg_iovlen = 2 } } };
	size_t big = (1 << 20) + 20;
	char *m;

	setup(argc, argv);
	memset(big_page, 'q', sizeof big_page);
	begin_marker();
	syscall(SYS_pipe2, p, 0);                               /* 3, 4 */
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);    /* 5, 6 */
	syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);   /* 7 */
	syscall(SYS_writev, 4, out, 4);
	syscall(SYS_readv, 3, in, 2);
	syscall(SYS_write, 99, "lost", 4);
	syscall(SYS_write, -1, "never", 5);
	syscall(SYS_sendmsg, 5, &msg, 0);
	syscall(SYS_recvmsg, 6, &rmsg, 0);
	syscall(SYS_sendmmsg, 5, mm, 2, 0);
	syscall(SYS_recvmmsg, 6, rmm, 2, MSG_DONTWAIT, NULL);
	m = (char *)syscall(SYS_mmap, NULL, big + 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(m, 'x', big);
	syscall(SYS_write, 7, m, big);
	syscall(SYS_munmap, m + 65536, big + 4096 - 65536);
	syscall(SYS_write, 7, m + 65536 - 4096, 4096 + 16);
	syscall(SYS_write, 7, m, 65536 + 16);
	syscall(SYS_write, 7, big_page, 1);
	return 0;
}
