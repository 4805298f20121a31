/* Time, network and memory syscalls (h_nettime): nanosleep, clock_*, timers,
 * timerfd, itimers, sockets over loopback and a unix socket in the work dir,
 * socket options, msghdr/mmsghdr, madvise/mlock/msync/mremap/mincore,
 * membarrier. Raw syscalls. Values that vary between runs (times, ports,
 * pids) are masked by the test. */
#include "helper.h"
#include <time.h>
#include <signal.h>
#include <string.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <linux/membarrier.h>
#include <linux/mman.h>
#include <linux/netlink.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

static void time_calls(void)
{
	struct timespec ts = {0, 1000000}, rem;
	syscall(SYS_nanosleep, &ts, NULL);
	syscall(SYS_nanosleep, &ts, &rem);
	syscall(SYS_nanosleep, NULL, NULL);
	syscall(SYS_nanosleep, (void*)1, NULL);
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &ts, &rem);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	struct timespec abs; clock_gettime(CLOCK_MONOTONIC, &abs);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
	syscall(SYS_clock_nanosleep, 99, 0, &ts, NULL);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &ts);
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
	syscall(SYS_clock_gettime, 99, &ts);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, NULL);
	syscall(SYS_clock_gettime, -6, &ts); /* process cpu of pid 0? */
	syscall(SYS_clock_gettime, ((~1) << 3) | 2, &ts);
	syscall(SYS_clock_gettime, ((~3) << 3) | 3, &ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC_RAW, &ts);
	syscall(SYS_clock_getres, CLOCK_TAI, NULL);
	struct timeval tv; struct timezone tz;
	syscall(SYS_gettimeofday, &tv, NULL);
	syscall(SYS_gettimeofday, &tv, &tz);
	syscall(SYS_gettimeofday, NULL, NULL);
	time_t t;
	syscall(SYS_time, NULL);
	syscall(SYS_time, &t);
	struct tms tm;
	syscall(SYS_times, &tm);
	syscall(SYS_times, NULL);
	timer_t tid;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &tid);
	struct sigevent sev; memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL; sev.sigev_signo = SIGUSR1; sev.sigev_value.sival_ptr = (void*)0x1234;
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid);
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid);
	sev.sigev_notify = SIGEV_THREAD_ID; sev._sigev_un._tid = getpid();
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid);
	struct itimerspec its = {{1, 0}, {2, 500}}, oits;
	syscall(SYS_timer_settime, 0, 0, &its, NULL);
	its.it_value.tv_sec = 4000000000L;
	syscall(SYS_timer_settime, 0, TIMER_ABSTIME, &its, &oits);
	its.it_value.tv_sec = 2;
	syscall(SYS_timer_gettime, 0, &oits);
	syscall(SYS_timer_getoverrun, 0);
	syscall(SYS_timer_delete, 0);
	syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK);
	syscall(SYS_timerfd_settime, 3, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, &its, &oits);
	syscall(SYS_timerfd_settime, 3, 8, &its, &oits);
	syscall(SYS_timerfd_create, 77, 0x80);
	syscall(SYS_timerfd_settime, 3, 0, &its, NULL);
	syscall(SYS_timerfd_gettime, 3, &oits);
	syscall(SYS_close, 3);
	struct itimerval itv = {{0, 0}, {0, 0}}, oitv;
	syscall(SYS_setitimer, ITIMER_REAL, &itv, &oitv);
	syscall(SYS_setitimer, ITIMER_VIRTUAL, &itv, NULL);
	syscall(SYS_getitimer, ITIMER_PROF, &oitv);
	syscall(SYS_getitimer, 5, &oitv);
	syscall(SYS_alarm, 0);
	syscall(SYS_timer_gettime, 99, &oits);
	syscall(SYS_timer_settime, 0, 0, (void*)1, NULL);
	syscall(SYS_timer_create, CLOCK_REALTIME, (void*)1, &tid);
	syscall(SYS_getitimer, ITIMER_REAL, (void*)1);
}

static void socket_calls(void)
{
	int sv[2];
	syscall(SYS_socket, AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0); /*3*/
	struct sockaddr_in sin = {0}; sin.sin_family = AF_INET; sin.sin_port = htons(0); sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	syscall(SYS_bind, 3, &sin, sizeof sin);
	syscall(SYS_listen, 3, 5);
	syscall(SYS_accept4, 3, NULL, NULL, SOCK_NONBLOCK); /* EAGAIN */
	socklen_t len = sizeof sin;
	syscall(SYS_getsockname, 3, &sin, &len);
	syscall(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_TCP); /*4*/
	syscall(SYS_connect, 4, &sin, sizeof sin);
	struct sockaddr_storage ss; len = sizeof ss;
	syscall(SYS_accept, 3, &ss, &len); /*5*/
	len = sizeof ss;
	syscall(SYS_getpeername, 5, &ss, &len);
	syscall(SYS_accept4, 3, NULL, NULL, SOCK_NONBLOCK|SOCK_CLOEXEC);
	syscall(SYS_sendto, 4, "hello", 5, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0);
	char buf[64];
	syscall(SYS_recvfrom, 5, buf, sizeof buf, 0, NULL, NULL);
	int one = 1; len = sizeof one;
	syscall(SYS_setsockopt, 4, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	syscall(SYS_setsockopt, 4, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	syscall(SYS_getsockopt, 4, SOL_SOCKET, SO_TYPE, &one, &len);
	syscall(SYS_getsockopt, 4, SOL_SOCKET, SO_ERROR, &one, &len);
	syscall(SYS_setsockopt, 4, SOL_IP, IP_TOS, &one, sizeof one);
	syscall(SYS_setsockopt, 4, SOL_SOCKET, 999, &one, sizeof one);
	syscall(SYS_setsockopt, 4, 999, 1, &one, sizeof one);
	syscall(SYS_shutdown, 4, SHUT_WR);
	syscall(SYS_shutdown, 4, 7);
	syscall(SYS_close, 5);
	syscall(SYS_close, 4);
	syscall(SYS_close, 3);
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);
	struct iovec iov[2] = {{"hello", 5}, {"world!", 6}};
	struct msghdr mh = {0}; mh.msg_iov = iov; mh.msg_iovlen = 2;
	syscall(SYS_sendmsg, 3, &mh, MSG_DONTWAIT);
	char b1[4], b2[32]; struct iovec riov[2] = {{b1, 4}, {b2, 32}};
	struct msghdr rmh = {0}; rmh.msg_iov = riov; rmh.msg_iovlen = 2;
	syscall(SYS_recvmsg, 4, &rmh, 0);
	syscall(SYS_recvmsg, 4, &rmh, MSG_DONTWAIT);
	struct mmsghdr mm[2]; memset(mm, 0, sizeof mm);
	mm[0].msg_hdr.msg_iov = iov; mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = iov + 1; mm[1].msg_hdr.msg_iovlen = 1;
	syscall(SYS_sendmmsg, 3, mm, 2, 0);
	struct mmsghdr rm[2]; memset(rm, 0, sizeof rm);
	rm[0].msg_hdr.msg_iov = riov; rm[0].msg_hdr.msg_iovlen = 1;
	rm[1].msg_hdr.msg_iov = riov + 1; rm[1].msg_hdr.msg_iovlen = 1;
	syscall(SYS_recvmmsg, 4, rm, 2, MSG_DONTWAIT, NULL);
	syscall(SYS_close, 3); syscall(SYS_close, 4);
	/* unix */
	syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sun = {0}; sun.sun_family = AF_UNIX; strcpy(sun.sun_path, "sock");
	syscall(SYS_bind, 3, &sun, sizeof sun);
	syscall(SYS_bind, 3, &sun, offsetof(struct sockaddr_un, sun_path) + 5);
	memset(sun.sun_path, 0, sizeof sun.sun_path); strcpy(sun.sun_path + 1, "abs");
	syscall(SYS_connect, 3, &sun, offsetof(struct sockaddr_un, sun_path) + 4);
	syscall(SYS_close, 3);
	/* ipv6 */
	syscall(SYS_socket, AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, 0);
	struct sockaddr_in6 s6 = {0}; s6.sin6_family = AF_INET6; s6.sin6_port = htons(53); s6.sin6_addr = in6addr_loopback;
	syscall(SYS_connect, 3, &s6, sizeof s6);
	syscall(SYS_sendto, 3, "x", 1, 0, &s6, sizeof s6);
	len = sizeof s6;
	syscall(SYS_recvfrom, 3, buf, sizeof buf, 0, &s6, &len);
	syscall(SYS_setsockopt, 3, SOL_IPV6, IPV6_V6ONLY, &one, sizeof one);
	syscall(SYS_close, 3);
	/* netlink */
	syscall(SYS_socket, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl snl = {0}; snl.nl_family = AF_NETLINK;
	syscall(SYS_bind, 3, &snl, sizeof snl);
	len = sizeof snl;
	syscall(SYS_getsockname, 3, &snl, &len);
	syscall(SYS_close, 3);
	syscall(SYS_socket, AF_PACKET, SOCK_RAW, 0);
	syscall(SYS_socket, 99, SOCK_STREAM, 0);
	syscall(SYS_socket, AF_INET, 99, 0);
	syscall(SYS_socket, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	syscall(SYS_connect, 0, NULL, 0);
	syscall(SYS_connect, 99, (void*)1, 16);
	struct sockaddr odd = {0}; odd.sa_family = 200;
	syscall(SYS_connect, 99, &odd, sizeof odd);
	syscall(SYS_connect, 99, &sin, 2);
	syscall(SYS_connect, 99, &sin, 0);
	/* memory */
	char *p = (char*)syscall(SYS_mmap, NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
	unsigned char vec[2];
	syscall(SYS_mincore, p, 8192, vec);
	syscall(SYS_madvise, p, 8192, MADV_DONTNEED);
	syscall(SYS_madvise, p, 8192, MADV_HUGEPAGE);
	syscall(SYS_madvise, p, 8192, 999);
	syscall(SYS_mlock, p, 4096);
	syscall(SYS_munlock, p, 4096);
	syscall(SYS_mlock2, p, 4096, MLOCK_ONFAULT);
	syscall(SYS_mlock2, p, 4096, 0);
	syscall(SYS_mlockall, MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT);
	syscall(SYS_munlockall);
	syscall(SYS_msync, p, 4096, MS_SYNC|MS_INVALIDATE);
	syscall(SYS_msync, p, 4096, MS_ASYNC);
	p = (char*)syscall(SYS_mremap, p, 8192, 16384, MREMAP_MAYMOVE);
	syscall(SYS_mremap, p, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, (void*)0x20000000);
	syscall(SYS_mremap, p, 4096, 4096, 0x8|0x10, (void*)0x20000000);
	syscall(SYS_membarrier, 0, 0);
	syscall(SYS_membarrier, 1<<3, 0);
	syscall(SYS_close, 3);
	syscall(SYS_close, 4);
}

static void more_socket_calls(void)
{
	syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0); /* 3 */
	struct sockaddr_in sin = {0}; sin.sin_family = AF_INET; sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	syscall(SYS_bind, 3, &sin, sizeof sin);
	socklen_t len = sizeof sin;
	syscall(SYS_getsockname, 3, &sin, &len);
	syscall(SYS_sendto, 3, "0123456789012345678901234567890123456789", 40, 0, &sin, sizeof sin);
	char big[64]; struct sockaddr_storage from; char ctl[64];
	struct iovec iov = {big, sizeof big};
	struct msghdr mh = {0}; mh.msg_name = &from; mh.msg_namelen = sizeof from; mh.msg_iov = &iov; mh.msg_iovlen = 1; mh.msg_control = ctl; mh.msg_controllen = sizeof ctl;
	syscall(SYS_recvmsg, 3, &mh, 0);
	struct iovec many[40]; for (int i = 0; i < 40; i++) { many[i].iov_base = "ab"; many[i].iov_len = 2; }
	struct msghdr m2 = {0}; m2.msg_name = &sin; m2.msg_namelen = sizeof sin; m2.msg_iov = many; m2.msg_iovlen = 40;
	syscall(SYS_sendmsg, 3, &m2, 0);
	len = sizeof from;
	syscall(SYS_recvfrom, 3, big, sizeof big, 0, &from, &len);
	syscall(SYS_sendmsg, 3, NULL, 0);
	syscall(SYS_sendmsg, 3, (void*)1, 0);
	syscall(SYS_recvmsg, 3, (void*)1, MSG_DONTWAIT);
	struct timespec ts = {0, 1000};
	struct mmsghdr rm[1]; memset(rm, 0, sizeof rm); rm[0].msg_hdr.msg_iov = &iov; rm[0].msg_hdr.msg_iovlen = 1;
	syscall(SYS_recvmmsg, 3, rm, 1, MSG_DONTWAIT, &ts);
	syscall(SYS_sendmmsg, 99, rm, 1, 0);
	syscall(SYS_close, 3);
	struct sockaddr_un sun; memset(&sun, 'x', sizeof sun); sun.sun_family = AF_UNIX;
	syscall(SYS_connect, 99, &sun, sizeof sun);
	syscall(SYS_connect, 99, &sun, 2);
	syscall(SYS_connect, 99, &sun, 1);
	syscall(SYS_connect, 99, &sun, 200);
	int sv[2];
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, (void*)1);
	syscall(SYS_socketpair, AF_INET, SOCK_STREAM, 0, sv);
	syscall(SYS_accept, 99, NULL, NULL);
	len = 4;
	syscall(SYS_accept, 99, &from, &len);
	syscall(SYS_getsockname, 99, &from, (void*)1);
	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0);
	syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 0);
	syscall(SYS_membarrier, 3, 7, 2);
	syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, 1, 5);
	syscall(SYS_socket, AF_PACKET, SOCK_RAW, htons(3));
	syscall(SYS_socket, AF_PACKET, SOCK_DGRAM, htons(0x800));
	syscall(SYS_socket, AF_PACKET, SOCK_DGRAM, htons(0x86DD));
	syscall(SYS_socket, AF_PACKET, SOCK_DGRAM, htons(0x806));
	for (int fd = 3; fd <= 6; fd++)
		syscall(SYS_close, fd);
}

/* SCM_RIGHTS over a unix socket pair, struct-valued options, mremap's
 * new address only with MREMAP_MAYMOVE|MREMAP_FIXED. */
static void control_and_options(void)
{
	int sv[2]; syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	char cbuf[CMSG_SPACE(sizeof(int))]; memset(cbuf,0,sizeof cbuf);
	struct iovec iov={"x",1}; struct msghdr mh={0}; mh.msg_iov=&iov; mh.msg_iovlen=1; mh.msg_control=cbuf; mh.msg_controllen=sizeof cbuf;
	struct cmsghdr *c=CMSG_FIRSTHDR(&mh); c->cmsg_level=SOL_SOCKET; c->cmsg_type=SCM_RIGHTS; c->cmsg_len=CMSG_LEN(sizeof(int)); *(int*)CMSG_DATA(c)=0;
	syscall(SYS_sendmsg, 3, &mh, 0);
	char rb[4]; struct iovec riov={rb,4}; char rc[64]; struct msghdr rm={0}; rm.msg_iov=&riov; rm.msg_iovlen=1; rm.msg_control=rc; rm.msg_controllen=sizeof rc;
	syscall(SYS_recvmsg, 4, &rm, 0);
	struct linger l={1,5}; socklen_t len=sizeof l;
	syscall(SYS_setsockopt, 3, SOL_SOCKET, SO_LINGER, &l, sizeof l);
	syscall(SYS_getsockopt, 3, SOL_SOCKET, SO_LINGER, &l, &len);
	struct ucred uc; len=sizeof uc;
	syscall(SYS_getsockopt, 3, SOL_SOCKET, SO_PEERCRED, &uc, &len);
	int v = 4096; len=8;
	syscall(SYS_setsockopt, 3, SOL_SOCKET, SO_SNDBUF, &v, sizeof v);
	syscall(SYS_getsockopt, 3, SOL_SOCKET, SO_SNDBUF, &v, &len);
	char big[64]; len=64;
	syscall(SYS_getsockopt, 3, SOL_SOCKET, SO_PEERSEC, big, &len);
	void *p=(void*)syscall(SYS_mmap,0,4096,3,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
	syscall(SYS_mremap, p, 4096, 4096, MREMAP_FIXED, (void*)0x20000000);
	syscall(SYS_mremap, p, 4096, 4096, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, (void*)0x20000000);
	syscall(SYS_close, 3); syscall(SYS_close, 4);
}

/* Socket addresses shorter than their family's struct, and unknown ones. */
static void address_edges(void)
{
	struct sockaddr_in6 s6 = {0};
	s6.sin6_family = AF_INET6;
	s6.sin6_port = htons(1);
	s6.sin6_flowinfo = htonl(5);
	s6.sin6_scope_id = 3;
	inet_pton(AF_INET6, "::ffff:1.2.3.4", &s6.sin6_addr);
	syscall(SYS_connect, 99, &s6, 24);
	syscall(SYS_connect, 99, &s6, 28);
	struct sockaddr_in sin = {0};
	sin.sin_family = AF_INET;
	sin.sin_port = htons(7);
	syscall(SYS_connect, 99, &sin, 8);
	syscall(SYS_connect, 99, &sin, 3);
	struct sockaddr_un sun = {0};
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, "a\nb");
	syscall(SYS_connect, 99, &sun, 2 + 5);
	syscall(SYS_connect, 99, &sun, 3);
	struct { unsigned short f; char d[30]; } big = {AF_NETLINK, {0}};
	syscall(SYS_connect, 99, &big, 8);
	big.f = AF_UNSPEC;
	syscall(SYS_connect, 99, &big, 16);
}

/* Packet (sockaddr_ll) and netlink (sockaddr_nl) addresses: a netlink socket connected to
 * the kernel, the others given to descriptor 99. Interface 1 is the loopback. */
static void family_addresses(void)
{
	struct sockaddr_ll ll = {0};
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(ETH_P_IP);
	ll.sll_ifindex = 1;
	ll.sll_hatype = ARPHRD_LOOPBACK;
	ll.sll_pkttype = PACKET_OUTGOING;
	ll.sll_halen = 6;
	memcpy(ll.sll_addr, "\0\1\2\3\4\5", 6);
	syscall(SYS_connect, 99, &ll, sizeof ll);
	ll.sll_halen = 10;
	syscall(SYS_bind, 99, &ll, sizeof ll);
	ll.sll_protocol = htons(0x1234);
	ll.sll_ifindex = 0xfacefeed;
	ll.sll_hatype = 0xffff;
	ll.sll_pkttype = 9;
	syscall(SYS_connect, 99, &ll, sizeof ll);
	syscall(SYS_connect, 99, &ll, sizeof ll - 1);
	struct sockaddr_nl nl = {0};
	nl.nl_family = AF_NETLINK;
	syscall(SYS_socket, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	syscall(SYS_connect, 3, &nl, sizeof nl);
	syscall(SYS_close, 3);
	nl.nl_pad = 0xffff;
	nl.nl_pid = 1234567890;
	nl.nl_groups = 0xfacefeed;
	syscall(SYS_connect, 99, &nl, sizeof nl);
	nl.nl_pad = 0;
	nl.nl_groups = 5;
	syscall(SYS_connect, 99, &nl, sizeof nl);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	begin_marker();
	time_calls();
	socket_calls();
	more_socket_calls();
	control_and_options();
	address_edges();
	family_addresses();
	syscall(SYS_exit_group, 0);
	return 0;
}
