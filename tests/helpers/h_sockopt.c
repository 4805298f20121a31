/* Socket options, raw: `h_sockopt WORKDIR`. getsockopt on a connected
 * AF_UNIX pair (its type, error, peer's credentials, linger, a socket filter
 * attached and read back), each with lengths shorter than the value; then
 * setsockopt on fd -1 (EBADF: the kernel reads nothing, the values show as
 * given) with a value of each shape strace decodes: ints, struct linger, a
 * socket filter, SO_TXREHASH, ICMP filters, PACKET rings and memberships,
 * IP and IPv6 memberships, group requests, netlink options, and options
 * with the names only one of the calls knows; and the socket ioctls' ints,
 * bridge names and struct ifreqs. Values run up to the end of a page with
 * nothing mapped after it, so a read past them fails. */
#include "helper.h"
#include <linux/filter.h>
#include <net/if_arp.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#ifndef SO_TXREHASH
#define SO_TXREHASH 74
#endif

/* `n` bytes at the end of the page, holding `v`. */
static void *at_end(char *end, const void *v, size_t n)
{
	memcpy(end - n, v, n);
	return end - n;
}

static void sso(int level, int name, const void *v, int len)
{
	syscall(SYS_setsockopt, -1, level, name, v, len);
}

static void gso(int fd, int level, int name, void *v, socklen_t given)
{
	socklen_t len = given;
	syscall(SYS_getsockopt, fd, level, name, v, &len);
}

static void getters(char *end)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		_exit(103);
	char *v = end - 16;
	gso(sv[0], SOL_SOCKET, SO_TYPE, v, 4);
	gso(sv[0], SOL_SOCKET, SO_TYPE, v, 3);
	gso(sv[0], SOL_SOCKET, SO_ERROR, v, 4);
	gso(sv[0], SOL_SOCKET, SO_ERROR, v, 2);
	gso(sv[0], SOL_SOCKET, SO_PEERCRED, v, 12);
	gso(sv[0], SOL_SOCKET, SO_PEERCRED, v, 7);
	gso(sv[0], SOL_SOCKET, SO_LINGER, v, 8);
	gso(sv[0], SOL_SOCKET, SO_LINGER, v, 5);
	gso(sv[0], SOL_SOCKET, SO_KEEPALIVE, v, 4);
	gso(sv[0], SOL_SOCKET, SO_KEEPALIVE, v, 0);
	gso(sv[0], SOL_SOCKET, SO_KEEPALIVE, NULL, 4);

	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_NET_OFF + 2),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x11, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { 5, insns };
	syscall(SYS_setsockopt, sv[0], SOL_SOCKET, SO_ATTACH_FILTER, &prog,
		sizeof(prog));
	struct sock_filter back[8];
	gso(sv[0], SOL_SOCKET, SO_GET_FILTER, back, 8);
	gso(sv[0], SOL_SOCKET, SO_GET_FILTER, NULL, 0);
}

static void setters(char *end)
{
	int one = 1;
	int *i = at_end(end, &one, 4);
	sso(SOL_SOCKET, SO_REUSEADDR, i, 4);
	sso(SOL_SOCKET, SO_REUSEADDR, i, 3);
	sso(SOL_SOCKET, SO_REUSEADDR, i, -1);
	sso(SOL_SOCKET, SO_TYPE, i, 4);
	sso(SOL_SOCKET, SO_TYPE, i, 3);
	sso(SOL_SOCKET, SO_TYPE, i, 8);
	sso(SOL_SOCKET, SO_TXREHASH, i, 4);
	int two = 2;
	sso(SOL_SOCKET, SO_TXREHASH, at_end(end, &two, 4), 4);

	struct linger lg = { 1, 30 };
	void *l = at_end(end, &lg, sizeof(lg));
	sso(SOL_SOCKET, SO_LINGER, l, sizeof(lg));
	sso(SOL_SOCKET, SO_LINGER, l, 4);

	struct icmp_filter f = { (1 << ICMP_ECHO) | (1 << ICMP_ECHOREPLY) | (1 << 20) };
	sso(SOL_RAW, ICMP_FILTER, at_end(end, &f, 4), 4);
	f.data = ~(1u << ICMP_ECHO);
	sso(SOL_RAW, ICMP_FILTER, at_end(end, &f, 4), 4);
	sso(SOL_RAW, ICMP_FILTER, at_end(end, &f, 4), 2);
	sso(SOL_RAW, ICMP_FILTER, at_end(end, &f, 4), 0);

	struct tpacket_req req = { 4096, 2, 2048, 4 };
	void *r = at_end(end, &req, sizeof(req));
	sso(SOL_PACKET, PACKET_RX_RING, r, sizeof(req));
	sso(SOL_PACKET, PACKET_TX_RING, r, sizeof(req) - 1);
	struct packet_mreq pm = { 1, PACKET_MR_PROMISC, 6,
				  { 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77 } };
	void *p = at_end(end, &pm, sizeof(pm));
	sso(SOL_PACKET, PACKET_ADD_MEMBERSHIP, p, sizeof(pm));
	pm.mr_type = 7;
	pm.mr_alen = 12;
	sso(SOL_PACKET, PACKET_DROP_MEMBERSHIP, at_end(end, &pm, sizeof(pm)),
	    sizeof(pm));

	struct ip_mreq mr = { { htonl(0xe0000003) }, { htonl(0x7f000001) } };
	void *m = at_end(end, &mr, sizeof(mr));
	sso(SOL_IP, IP_ADD_MEMBERSHIP, m, sizeof(mr));
	sso(SOL_IP, IP_DROP_MEMBERSHIP, m, sizeof(mr) - 1);
	struct ipv6_mreq m6 = { .ipv6mr_ifindex = 1 };
	m6.ipv6mr_multiaddr.s6_addr[0] = 0xff;
	m6.ipv6mr_multiaddr.s6_addr[1] = 0x02;
	m6.ipv6mr_multiaddr.s6_addr[15] = 0x0c;
	sso(SOL_IPV6, IPV6_JOIN_ANYCAST, at_end(end, &m6, sizeof(m6)),
	    sizeof(m6));
	struct group_req gr = { .gr_interface = 1 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&gr.gr_group;
	sin->sin_family = AF_INET;
	sin->sin_port = htons(4242);
	sin->sin_addr.s_addr = htonl(0xe0000003);
	void *g = at_end(end, &gr, sizeof(gr));
	sso(SOL_IP, MCAST_JOIN_GROUP, g, sizeof(gr));
	sso(SOL_IPV6, MCAST_LEAVE_GROUP, g, sizeof(gr) - 1);

	sso(SOL_NETLINK, NETLINK_PKTINFO, i, 4);
	sso(SOL_NETLINK, NETLINK_PKTINFO, i, 2);
	sso(SOL_IP, 64 /* IPT_SO_SET_REPLACE */, i, 4);
	gso(-1, SOL_IP, 64 /* IPT_SO_GET_INFO */, i, 4);
	sso(IPPROTO_TCP, 999, i, 4);
	sso(999, 1, i, 4);
}

static void ioctls(char *end)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		_exit(103);
	int *i = (int *)(end - 4);
	*i = 0;
	ioctl(sv[0], FIOGETOWN, i);
	ioctl(sv[0], SIOCATMARK, i);
	ioctl(sv[0], SIOCGIFINDEX, NULL);
	ioctl(-1, SIOCBRADDBR, at_end(end, "0123456789abcdef", 16));
	ioctl(-1, SIOCBRDELBR, at_end(end, "br0", 4));

	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	ioctl(sv[0], SIOCGIFINDEX, &ifr);
	ioctl(sv[0], SIOCGIFNAME, &ifr);
	/* (lo's flags and mtu are the machine's: not asked) */
	ioctl(sv[0], SIOCGIFHWADDR, &ifr);
	strcpy(ifr.ifr_name, "no-such-if");
	ioctl(sv[0], SIOCGIFMTU, &ifr);

	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, "0123456789abcdef", 16);
	ifr.ifr_flags = IFF_UP | IFF_LOOPBACK | 0x4000;
	ioctl(-1, SIOCSIFFLAGS, at_end(end, &ifr, sizeof(ifr)));
	strcpy(ifr.ifr_name, "eth9");
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, "\x02\x11\x22\x33\x44\x55\x66\x77", 8);
	ioctl(-1, SIOCSIFHWADDR, at_end(end, &ifr, sizeof(ifr)));
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
	sin->sin_family = AF_INET;
	sin->sin_port = htons(7);
	sin->sin_addr.s_addr = htonl(0x7f000001);
	ioctl(-1, SIOCSIFADDR, at_end(end, &ifr, sizeof(ifr)));
	ifr.ifr_mtu = -5;
	ioctl(-1, SIOCSIFMTU, at_end(end, &ifr, sizeof(ifr)));
	strcpy(ifr.ifr_newname, "newname");
	ioctl(-1, SIOCSIFNAME, at_end(end, &ifr, sizeof(ifr)));
	ifr.ifr_map.mem_start = 0x1000;
	ifr.ifr_map.mem_end = 0x2000;
	ifr.ifr_map.base_addr = 0x300;
	ifr.ifr_map.irq = 5;
	ifr.ifr_map.dma = 1;
	ifr.ifr_map.port = 2;
	ioctl(-1, SIOCSIFMAP, at_end(end, &ifr, sizeof(ifr)));
	ioctl(-1, SIOCSIFMAP, end - sizeof(ifr) + 1);
	ioctl(-1, SIOCADDRT, NULL);
	ioctl(-1, SIOCGIFCONF, NULL);
	/* Buffers too short for any interface: the same on every machine. */
	struct ifconf ifc = { .ifc_len = 0, .ifc_buf = (char *)&ifr };
	ioctl(sv[0], SIOCGIFCONF, &ifc);
	ifc.ifc_len = 1;
	ioctl(sv[0], SIOCGIFCONF, &ifc);
	ifc.ifc_len = 80;
	ifc.ifc_buf = (char *)8;
	ioctl(-1, SIOCGIFCONF, &ifc);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	char *end = page_end_unmapped();
	if (!end)
		_exit(102);
	begin_marker();
	getters(end);
	setters(end);
	ioctls(end);
	return 0;
}
