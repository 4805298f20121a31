/* What -v (no abbreviation) and -e verbose= change (h_verbose): arrays longer than
 * -s (poll, iovecs, groups, mincore, mmsghdrs, descriptors in a control message),
 * the structs strace abbreviates (statx, rusage, utsname, termios, directory
 * entries) and those -e verbose=none leaves as addresses.
 *
 * `real`: calls whose results do not vary from run to run (a pty's settings, a
 * pipe's readiness, a datagram socket pair, anonymous memory). `inject`: calls the
 * test runs with `-e inject=...:retval=N`, so that the kernel is not asked and the
 * structs shown are the ones filled in here (machine- and time-independent):
 * getrusage, wait4, waitid (retval 0 or 48), statx, uname, fstat (0), getdents and
 * getdents64 (48). */
#include "helper.h"
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <termios.h>
#include <grp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

/* TCGETS2: _IOR('T', 0x2A, struct termios2), which glibc's headers leave incomplete. */
#define TCGETS2_REQUEST 0x802c542aU

#define N 40

static unsigned char control[1024];
static int control_len;

/* Appends a control message of `dlen` bytes of data, padded to 8 bytes. */
static void cmsg(uint64_t len, int level, int type, const void *data, int dlen)
{
	unsigned char *p = control + control_len;
	memcpy(p, &len, 8);
	memcpy(p + 8, &level, 4);
	memcpy(p + 12, &type, 4);
	memcpy(p + 16, data, dlen);
	control_len += (16 + dlen + 7) & ~7;
}

static void send_control(int extra)
{
	struct msghdr m = {0};
	m.msg_control = control;
	m.msg_controllen = control_len + extra;
	syscall(SYS_sendmsg, -1, &m, 0);
}

static void control_messages(void)
{
	int fds[N], cred[3] = {42, 0, -1}, ttl = 64;
	for (int i = 0; i < N; i++)
		fds[i] = i % 3;
	cmsg(16 + sizeof fds, SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds);
	send_control(0);
	control_len = 0;
	unsigned char tos[2] = {0x41, 0x42};
	int64_t ts[6] = {1, 2, 3, 4, 5, 6};
	unsigned char pktinfo[12] = {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
	unsigned char ee[32] = {111, 0, 0, 0, 2, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				2, 0, 0, 53, 1, 2, 3, 4};
	unsigned char sin[16] = {2, 0, 0, 80, 127, 0, 0, 1};
	cmsg(28, SOL_SOCKET, SCM_CREDENTIALS, cred, 12);
	cmsg(20, SOL_IP, 2 /* IP_TTL */, &ttl, 4);
	cmsg(18, SOL_IP, 1 /* IP_TOS */, tos, 2);
	cmsg(32, SOL_SOCKET, 29 /* SO_TIMESTAMP_OLD */, ts, 16);
	cmsg(48, SOL_SOCKET, 37 /* SO_TIMESTAMPING_OLD */, ts, 32);
	cmsg(64, SOL_SOCKET, 65 /* SO_TIMESTAMPING_NEW */, ts, 48);
	cmsg(28, SOL_IP, 8 /* IP_PKTINFO */, pktinfo, 12);
	cmsg(48, SOL_IP, 11 /* IP_RECVERR */, ee, 32);
	cmsg(32, SOL_IP, 20 /* IP_ORIGDSTADDR */, sin, 16);
	cmsg(19, SOL_SOCKET, 3 /* SCM_SECURITY */, "ab", 3);
	cmsg(16, 6 /* SOL_TCP */, 5, "", 0);
	send_control(0);
	send_control(3);
}

static void arrays(void)
{
	int p[2];
	if (pipe(p) != 0 || write(p[1], "x", 1) != 1) /* 3, 4 */
		_exit(110);
	struct pollfd fds[N];
	for (int i = 0; i < N; i++) {
		fds[i].fd = 3 + i % 2;
		fds[i].events = POLLIN | POLLOUT;
	}
	syscall(SYS_poll, fds, N, 0);

	static char data[N];
	struct iovec iov[N];
	for (int i = 0; i < N; i++) {
		data[i] = 'a' + i % 26;
		iov[i].iov_base = &data[i];
		iov[i].iov_len = 1;
	}
	syscall(SYS_writev, 4, iov, N);

	gid_t gids[N];
	for (int i = 0; i < N; i++)
		gids[i] = 1000 + i;
	syscall(SYS_setgroups, N, gids); /* EPERM unless privileged: shown alike */

	unsigned char *mem = mmap(NULL, N * 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char vec[N];
	for (int i = 0; i < N; i += 2)
		mem[i * 4096] = 1;
	syscall(SYS_mincore, mem, N * 4096, vec);

	int sv[2];
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0) /* 5, 6 */
		_exit(111);
	struct mmsghdr mm[N];
	memset(mm, 0, sizeof mm);
	for (int i = 0; i < N; i++) {
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
	}
	syscall(SYS_sendmmsg, 5, mm, N, 0);
	struct sockaddr_un names[3];
	for (int i = 0; i < 3; i++) {
		mm[i].msg_hdr.msg_name = &names[i];
		mm[i].msg_hdr.msg_namelen = 8 * i;
	}
	syscall(SYS_recvmmsg, 6, mm, 3, 0, NULL);
}

static void structs(void)
{
	/* A pty's settings (4: the pipe's ends are 3 and 4, closed first). */
	close(3);
	close(4);
	int pt = syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
	struct termios t;
	syscall(SYS_ioctl, pt, TCGETS, &t);
	syscall(SYS_ioctl, pt, TCSETS, &t);
	char t2[44];
	syscall(SYS_ioctl, pt, TCGETS2_REQUEST, t2);

	/* openat2: the bytes of a larger struct past the known fields. */
	struct { struct open_how how; uint64_t more; } h = {{O_RDONLY, 0, 0}, 0x8081};
	syscall(SYS_openat2, -1, "f", &h, sizeof h.how);
	syscall(SYS_openat2, -1, "f", &h, sizeof h);

	/* A seccomp filter the kernel refuses (EINVAL): its program shows under -v. */
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, 60, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 13),
		BPF_STMT(BPF_RET | BPF_K, 0x12345678),
		BPF_STMT(BPF_ST | 0x8, 1),
		BPF_STMT(BPF_LD | 0x18 | BPF_IMM, 2),
		BPF_STMT(BPF_MISC | BPF_TXA, 0),
		BPF_STMT(BPF_ALU | BPF_X | BPF_ADD, 0),
		BPF_STMT(BPF_RET | 0xe0 | BPF_A, 0),
		BPF_STMT(0xffff, 0xffffffff),
	};
	struct sock_fprog prog = {sizeof f / sizeof f[0], f};
	syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}

/* Calls whose results the test injects: the structs are filled in here. */
static void injected(void)
{
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	ru.ru_utime.tv_usec = 101;
	ru.ru_maxrss = 1000;
	ru.ru_minflt = 7;
	ru.ru_nivcsw = -1;
	syscall(SYS_getrusage, RUSAGE_SELF, &ru);
	int status = 42 << 8;
	syscall(SYS_wait4, -1, &status, 0, &ru);
	siginfo_t si;
	memset(&si, 0, sizeof si);
	syscall(SYS_waitid, P_ALL, 0, &si, WEXITED, &ru);

	static unsigned char stx[256];
	uint32_t mask = 0x3fff, blksize = 4096, nlink = 2, uid = 1000, gid = -1;
	uint16_t mode = 0100644;
	uint64_t attrs = 0x2000, ino = 1234, size = 3, blocks = 8, amask = 0x800004;
	memcpy(stx, &mask, 4);
	memcpy(stx + 4, &blksize, 4);
	memcpy(stx + 8, &attrs, 8);
	memcpy(stx + 16, &nlink, 4);
	memcpy(stx + 20, &uid, 4);
	memcpy(stx + 24, &gid, 4);
	memcpy(stx + 28, &mode, 2);
	memcpy(stx + 32, &ino, 8);
	memcpy(stx + 40, &size, 8);
	memcpy(stx + 48, &blocks, 8);
	memcpy(stx + 56, &amask, 8);
	int64_t sec = 1700000000;
	uint32_t nsec = 5;
	memcpy(stx + 64, &sec, 8);
	memcpy(stx + 72, &nsec, 4);
	syscall(SYS_statx, AT_FDCWD, "f", 0, 0xfff, stx);

	/* Every field all ones: strace shows the sizes unsigned, the times signed. */
	struct stat st;
	memset(&st, 0xff, sizeof st);
	st.st_mode = S_IFREG | 0644;
	syscall(SYS_fstat, 77, &st);

	struct utsname u;
	memset(&u, 0, sizeof u);
	strcpy(u.sysname, "Linux");
	strcpy(u.nodename, "vm");
	strcpy(u.release, "6.1.0");
	strcpy(u.version, "#1 SMP");
	strcpy(u.machine, "x86_64");
	strcpy(u.domainname, "(none)");
	syscall(SYS_uname, &u);

	/* Two 24-byte records each: "." and "..". */
	static unsigned char d64[48], d[48];
	uint64_t w[2] = {2, 1};
	uint16_t reclen = 24;
	for (int i = 0; i < 2; i++) {
		w[0] = 2 + i;
		memcpy(d64 + 24 * i, w, 16);
		memcpy(d64 + 24 * i + 16, &reclen, 2);
		d64[24 * i + 18] = 4; /* DT_DIR */
		memcpy(d64 + 24 * i + 19, "..", i + 1);
		memcpy(d + 24 * i, w, 16);
		memcpy(d + 24 * i + 16, &reclen, 2);
		memcpy(d + 24 * i + 18, "..", i + 1);
		d[24 * i + 23] = 4;
	}
	syscall(SYS_getdents64, 7, d64, sizeof d64);
	syscall(SYS_getdents, 7, d, sizeof d);
	reclen = 100; /* longer than the data */
	memcpy(d64 + 16, &reclen, 2);
	syscall(SYS_getdents64, 7, d64, sizeof d64);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	const char *mode = argc > 2 ? argv[2] : "real";
	begin_marker();
	if (strcmp(mode, "inject") == 0) {
		injected();
	} else {
		arrays();
		control_messages();
		structs();
	}
	return 0;
}
