/* Netlink attributes for tests/netlink_kinds.rs: packet_diag's multicast lists and filters,
 * and a link's IFLA_LINKINFO data, statistics and port data by its kind, as strace 6.1
 * decodes them, compared line by line with the real strace.
 *
 * Nothing here changes the system: every message goes with a one-byte destination address,
 * which the kernel rejects (EINVAL) before it reads the data (net/netlink/af_netlink.c,
 * netlink_sendmsg). The data live at a fixed address, at the end of a page followed by an
 * unreadable one, so that a list running off the readable memory shows the same address
 * in every run. */
#include "helper.h"
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_bridge.h>
#include <linux/if_tun.h>
#include <linux/sock_diag.h>
#include <linux/packet_diag.h>
#include <linux/filter.h>
#include <linux/inet_diag.h>
#include <linux/tls.h>

#define AREA ((char *) 0x10000000)
#define PAGE 4096
/* The first byte that cannot be read: the end of the second page. */
#define END (AREA + 2 * PAGE)

static struct sockaddr_nl *one_byte_addr;

/* Sends `len` bytes of `buf`, placed to end where memory ends, as if `total` long. */
static void sent(int fd, const void *buf, size_t len, size_t total)
{
	char *p = END - len;
	memcpy(p, buf, len);
	sendto(fd, p, total, MSG_DONTWAIT, (struct sockaddr *) one_byte_addr, 1);
}

/* Appends attribute `type` with `len` bytes of `data` at `*at`, aligned after. */
static void put(char **at, uint16_t type, const void *data, size_t len)
{
	struct nlattr a = { .nla_len = NLA_HDRLEN + len, .nla_type = type };
	memcpy(*at, &a, sizeof(a));
	memcpy(*at + NLA_HDRLEN, data, len);
	*at += NLA_ALIGN(NLA_HDRLEN + len);
}

/* A zeroed message of `size` bytes at `buf` with header `type` and `flags`. */
static struct nlmsghdr *start(char *buf, size_t size, uint16_t type, uint16_t flags)
{
	memset(buf, 0, size);
	struct nlmsghdr *h = (struct nlmsghdr *) buf;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	return h;
}

/* Finishes a nested attribute started at `start` (its header's length). */
static void nest_end(char *start, char *end)
{
	((struct nlattr *) start)->nla_len = end - start;
}

static void packet_diag(int fd)
{
	char buf[512];
	struct nlmsghdr *h = start(buf, sizeof(buf), SOCK_DIAG_BY_FAMILY, NLM_F_DUMP);
	struct packet_diag_msg *m = NLMSG_DATA(h);
	m->pdiag_family = AF_PACKET;
	m->pdiag_type = SOCK_DGRAM;
	m->pdiag_num = 3;
	char *at = (char *) m + NLMSG_ALIGN(sizeof(*m));
	char *attrs = at;
	struct packet_diag_mclist ml[2] = {
		{ .pdmc_count = 7, .pdmc_type = 1, .pdmc_alen = 6,
		  .pdmc_addr = { 1, 0, 0x5e, 0, 0, 1 } },
		{ .pdmc_count = 8, .pdmc_type = 2, .pdmc_alen = 200 },
	};
	memset(ml[1].pdmc_addr, 0xab, sizeof(ml[1].pdmc_addr));
	/* Two whole structs and a short tail. */
	put(&at, PACKET_DIAG_MCLIST, ml, sizeof(ml));
	h->nlmsg_len = at - buf;
	sent(fd, buf, h->nlmsg_len, h->nlmsg_len);
	/* The second struct past the readable memory. */
	at = attrs;
	put(&at, PACKET_DIAG_MCLIST, ml, sizeof(ml));
	h->nlmsg_len = at - buf;
	sent(fd, buf, h->nlmsg_len - sizeof(ml[1]), h->nlmsg_len);
	/* A filter; less than an instruction. */
	struct sock_filter prog[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 4, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0x2a),
	};
	at = attrs;
	put(&at, PACKET_DIAG_FILTER, prog, sizeof(prog));
	put(&at, PACKET_DIAG_FILTER, prog, 7);
	h->nlmsg_len = at - buf;
	sent(fd, buf, h->nlmsg_len, h->nlmsg_len);
}

/* An RTM_NEWLINK request whose IFLA_LINKINFO holds `len` bytes of `info`. */
static void link_info(int fd, const void *info, size_t len)
{
	char buf[512];
	struct nlmsghdr *h = start(buf, sizeof(buf), RTM_NEWLINK, NLM_F_REQUEST);
	struct ifinfomsg *ifi = NLMSG_DATA(h);
	ifi->ifi_family = AF_UNSPEC;
	char *at = (char *) ifi + NLMSG_ALIGN(sizeof(*ifi));
	put(&at, IFLA_LINKINFO, info, len);
	h->nlmsg_len = at - buf;
	sent(fd, buf, h->nlmsg_len, h->nlmsg_len);
}

static void linkinfo(int fd)
{
	char info[256], *at, *data;
	uint64_t ticks = 0xdeadc0defacefeedULL;
	uint32_t u32 = 42;
	uint16_t u16 = 0x8100;
	uint8_t u8 = IFF_TAP;
	struct br_boolopt_multi bom = { .optval = 1, .optmask = 7 | 0x100 };
	uint32_t can[6] = { 1, 2, 3, 4, 5, 6 };

	/* A bridge. */
	at = info;
	put(&at, IFLA_INFO_KIND, "bridge", 7);
	data = at;
	put(&at, IFLA_INFO_DATA, "", 0);
	put(&at, IFLA_BR_FORWARD_DELAY, &ticks, sizeof(ticks));
	put(&at, IFLA_BR_HELLO_TIME, &u32, sizeof(u32));
	put(&at, IFLA_BR_STP_STATE, &u32, sizeof(u32));
	put(&at, IFLA_BR_VLAN_PROTOCOL, &u16, sizeof(u16));
	put(&at, IFLA_BR_GROUP_ADDR, "\x01\x80\xc2\x00\x00\x00", 6);
	put(&at, IFLA_BR_MULTI_BOOLOPT, &bom, sizeof(bom));
	put(&at, IFLA_BR_FDB_FLUSH, "", 0);
	nest_end(data, at);
	link_info(fd, info, at - info);
	/* A tun device, its kind without a NUL. */
	at = info;
	put(&at, IFLA_INFO_KIND, "tun", 3);
	data = at;
	put(&at, IFLA_INFO_DATA, "", 0);
	put(&at, IFLA_TUN_TYPE, &u8, 1);
	put(&at, IFLA_TUN_OWNER, &u32, sizeof(u32));
	put(&at, IFLA_TUN_NUM_QUEUES, &u32, 3);
	nest_end(data, at);
	link_info(fd, info, at - info);
	/* CAN statistics, a bridge port. */
	at = info;
	put(&at, IFLA_INFO_KIND, "can", 4);
	put(&at, IFLA_INFO_XSTATS, can, sizeof(can));
	put(&at, IFLA_INFO_SLAVE_KIND, "bridge", 7);
	data = at;
	put(&at, IFLA_INFO_SLAVE_DATA, "", 0);
	put(&at, IFLA_BRPORT_COST, &u32, sizeof(u32));
	nest_end(data, at);
	link_info(fd, info, at - info);
	/* Data before its kind, or of a kind strace does not know. */
	at = info;
	put(&at, IFLA_INFO_DATA, "ab", 2);
	put(&at, IFLA_INFO_KIND, "veth", 5);
	put(&at, IFLA_INFO_DATA, "cd", 2);
	link_info(fd, info, at - info);
}

/* An inet_diag answer: TCP's BBR state, TLS and MPTCP's ULP information. */
static void inet_diag(int fd)
{
	char buf[512], *at, *ulp, *tls;
	struct nlmsghdr *h = start(buf, sizeof(buf), SOCK_DIAG_BY_FAMILY, NLM_F_DUMP);
	struct inet_diag_msg *m = NLMSG_DATA(h);
	m->idiag_family = AF_INET;
	at = (char *) m + NLMSG_ALIGN(sizeof(*m));
	struct tcp_bbr_info bbr = { 0xff, 1, 2, 3, 4 };
	put(&at, INET_DIAG_BBRINFO, &bbr, sizeof(bbr));
	ulp = at;
	put(&at, INET_DIAG_ULP_INFO, "", 0);
	put(&at, INET_ULP_INFO_NAME, "tls", 4);
	tls = at;
	put(&at, INET_ULP_INFO_TLS, "", 0);
	uint16_t version = TLS_1_3_VERSION, conf = 9;
	put(&at, TLS_INFO_VERSION, &version, 2);
	put(&at, TLS_INFO_TXCONF, &conf, 2);
	nest_end(tls, at);
	nest_end(ulp, at);
	h->nlmsg_len = at - buf;
	sent(fd, buf, h->nlmsg_len, h->nlmsg_len);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	if (mmap(AREA, 3 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != AREA)
		return 1;
	if (mprotect(END, PAGE, PROT_NONE))
		return 2;
	one_byte_addr = (struct sockaddr_nl *) AREA;
	one_byte_addr->nl_family = AF_NETLINK;
	int diag = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	int route = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	/* Bound, so that the tracers learn their protocols (from sock_diag). */
	struct sockaddr_nl any = { .nl_family = AF_NETLINK };
	if (diag < 0 || route < 0 || bind(diag, (struct sockaddr *) &any, sizeof(any))
	    || bind(route, (struct sockaddr *) &any, sizeof(any)))
		return 3;
	begin_marker();
	packet_diag(diag);
	inet_diag(diag);
	linkinfo(route);
	return 0;
}
