/* Netlink messages for tests/netlink.rs: what strace 6.1 decodes of the messages sent and
 * received on netlink sockets (headers, control messages, each protocol's types, flags and
 * payloads, attributes), compared line by line with the real strace.
 *
 * Nothing here changes the system: a message that a protocol could act on is sent with a
 * one-byte destination address, which the kernel rejects (EINVAL) before it reads the data
 * (net/netlink/af_netlink.c, netlink_sendmsg); what really reaches the kernel is a control
 * message, a GET request, or a request that fails (an interface that does not exist). The
 * data live at a fixed address, at the end of a page followed by an unreadable one, so that
 * a message running off the readable memory shows the same address in every run, and the
 * route socket is bound to a fixed port so the kernel's answers carry the same port. */
#include "helper.h"
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if.h>
#include <linux/neighbour.h>
#include <linux/pkt_sched.h>
#include <linux/gen_stats.h>
#include <linux/genetlink.h>
#include <linux/audit.h>
#include <linux/xfrm.h>
#include <linux/selinux_netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/inet_diag.h>
#include <linux/smc_diag.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>

#define AREA ((char *) 0x10000000)
#define PAGE 4096
/* The first byte that cannot be read: the end of the second page. */
#define END (AREA + 2 * PAGE)
#define PORT 0x4e4c

static struct sockaddr_nl *one_byte_addr;

/* `len` bytes of `src` placed to end where memory ends. */
static void *at_end(const void *src, size_t len)
{
	char *p = END - len;
	memcpy(p, src, len);
	return p;
}

/* Sends what the kernel must not act on: rejected for its one-byte address. */
static void rejected(int fd, const void *buf, size_t len)
{
	sendto(fd, buf, len, MSG_DONTWAIT, (struct sockaddr *) one_byte_addr, 1);
}

static struct nlmsghdr hdr(uint32_t len, uint16_t type, uint16_t flags, uint32_t seq)
{
	struct nlmsghdr h = { .nlmsg_len = len, .nlmsg_type = type,
			      .nlmsg_flags = flags, .nlmsg_seq = seq };
	return h;
}

/* A message of `type` and `flags` with `len` bytes of payload `data`. */
static void msg(int fd, uint16_t type, uint16_t flags, const void *data, size_t len)
{
	char buf[512];
	struct nlmsghdr h = hdr(NLMSG_HDRLEN + len, type, flags, 0);
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + NLMSG_HDRLEN, data, len);
	rejected(fd, at_end(buf, NLMSG_HDRLEN + len), NLMSG_HDRLEN + len);
}

/* A socket of `protocol`, bound (a port of the kernel's choice): sock_diag tells strace the
 * protocol of bound sockets only. */
static int nl_socket(int protocol)
{
	struct sockaddr_nl any = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW, protocol);
	if (fd >= 0 && bind(fd, (struct sockaddr *) &any, sizeof(any))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The walk over messages: lengths short, long and odd, lists, unreadable memory. */
static void walk(int fd)
{
	struct req { struct nlmsghdr h; char magic[4]; } req = {
		hdr(sizeof(req), NLMSG_NOOP, NLM_F_REQUEST | NLM_F_DUMP, 0), "abcd" };
	struct req two[2] = { req, req };
	struct nlmsghdr many[33];
	rejected(fd, NULL, sizeof(req));
	rejected(fd, at_end(&req, sizeof(req)), 0);
	rejected(fd, END - 15, 16);
	rejected(fd, at_end("abcd", 4), 4);
	rejected(fd, at_end(&req, sizeof(req)), sizeof(req));
	req.h.nlmsg_len = NLMSG_HDRLEN;
	rejected(fd, at_end(&req.h, NLMSG_HDRLEN), NLMSG_HDRLEN);
	req.h.nlmsg_len = sizeof(req) + 8;
	rejected(fd, at_end(&req, sizeof(req)), sizeof(req));
	req.h.nlmsg_len = 8;
	rejected(fd, at_end(&req, sizeof(req)), sizeof(req));
	rejected(fd, at_end(two, sizeof(two)), sizeof(two));
	rejected(fd, at_end(two, sizeof(two[0])), sizeof(two));
	rejected(fd, at_end(two, sizeof(two) - 4), sizeof(two) - 4);
	two[1].h.nlmsg_len = 4;
	rejected(fd, at_end(two, sizeof(two)), sizeof(two));
	two[1].h.nlmsg_len = 0xffffffff;
	rejected(fd, at_end(two, sizeof(two)), sizeof(two));
	for (unsigned i = 0; i < 33; i++)
		many[i] = hdr(NLMSG_HDRLEN, NLMSG_NOOP, NLM_F_REQUEST, i);
	rejected(fd, at_end(many, sizeof(many)), sizeof(many));
}

/* NLMSG_ERROR with what it may hold, NLMSG_DONE, the acknowledgement flags. */
static void control(int fd)
{
	struct { int32_t error; struct nlmsghdr h; char data[4]; } err = {
		-EACCES, hdr(NLMSG_HDRLEN + 4, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 42), "abcd" };
	struct { int32_t error; struct nlmsghdr h; struct nlattr a; char text[8];
		 struct nlattr b; uint32_t offs; struct nlattr c; uint8_t cookie[3]; } acked = {
		-EINVAL, hdr(NLMSG_HDRLEN, RTM_GETADDR, NLM_F_REQUEST, 7),
		{ 4 + 8, NLMSGERR_ATTR_MSG }, "bad one", { 8, NLMSGERR_ATTR_OFFS }, 20,
		{ 4 + 3, NLMSGERR_ATTR_COOKIE }, { 1, 2, 3 } };
	int done = 0xfacefeed;
	msg(fd, NLMSG_ERROR, NLM_F_REQUEST, "42", 2);
	msg(fd, NLMSG_ERROR, 0, &err, 4);
	msg(fd, NLMSG_ERROR, 0, &err, 4 + NLMSG_HDRLEN);
	msg(fd, NLMSG_ERROR, 0, &err, sizeof(err));
	msg(fd, NLMSG_ERROR, NLM_F_CAPPED, &err, sizeof(err));
	err.h.nlmsg_len = 4;
	msg(fd, NLMSG_ERROR, 0, &err, sizeof(err));
	err.error = 0;
	msg(fd, NLMSG_ERROR, 0, &err, sizeof(err));
	err.error = 4242;
	msg(fd, NLMSG_ERROR, 0, &err, sizeof(err));
	msg(fd, NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, &acked, sizeof(acked));
	msg(fd, NLMSG_DONE, NLM_F_MULTI, &done, sizeof(done));
	msg(fd, NLMSG_DONE, NLM_F_MULTI, &done, 2);
	msg(fd, NLMSG_OVERRUN, 0x40, &done, sizeof(done));
	msg(fd, 9, 0, NULL, 0);
}

/* Message types and flags by protocol. */
static void route_types(int fd)
{
	char family[5] = { AF_INET, 1, 2, 3, 4 };
	msg(fd, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, family, 1);
	msg(fd, RTM_NEWLINK, NLM_F_REPLACE | NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND, NULL, 0);
	msg(fd, RTM_DELROUTE, NLM_F_NONREC | NLM_F_BULK | NLM_F_ECHO, NULL, 0);
	msg(fd, RTM_DELACTION, NLM_F_ROOT | NLM_F_ATOMIC, NULL, 0);
	msg(fd, RTM_SETLINK, NLM_F_ROOT, NULL, 0);
	msg(fd, 0x7f, NLM_F_REQUEST | 0x8000, family, 5);
	msg(fd, NLMSG_DONE, NLM_F_MULTI, family, 5);
}

static void other_protocols(void)
{
	int fd;
	struct nlmsghdr h = hdr(NLMSG_HDRLEN, AUDIT_GET, NLM_F_REQUEST, 0);
	if ((fd = nl_socket(NETLINK_AUDIT)) >= 0) {
		rejected(fd, at_end(&h, sizeof(h)), sizeof(h));
		close(fd);
	}
	if ((fd = nl_socket(NETLINK_XFRM)) >= 0) {
		msg(fd, XFRM_MSG_GETSA, NLM_F_DUMP, NULL, 0);
		msg(fd, XFRM_MSG_NEWSA, NLM_F_REPLACE, NULL, 0);
		msg(fd, XFRM_MSG_DELSA, NLM_F_ECHO | NLM_F_NONREC, NULL, 0);
		msg(fd, XFRM_MSG_ALLOCSPI, NLM_F_ECHO | NLM_F_REPLACE, NULL, 0);
		close(fd);
	}
	if ((fd = nl_socket(NETLINK_SELINUX)) >= 0) {
		int32_t val = -2;
		msg(fd, SELNL_MSG_SETENFORCE, NLM_F_REQUEST, &val, sizeof(val));
		msg(fd, SELNL_MSG_POLICYLOAD, NLM_F_REQUEST, &val, sizeof(val));
		msg(fd, SELNL_MSG_POLICYLOAD, NLM_F_REQUEST, &val, 2);
		msg(fd, 0xffff, NLM_F_REQUEST, "1234", 4);
		close(fd);
	}
	if ((fd = nl_socket(NETLINK_SOCK_DIAG)) >= 0) {
		char diag[5] = { 99, 1, 2, 3, 4 };
		struct unix_diag_req ureq = { AF_UNIX, 0, 0, 1 << 10 | 1 << 1, 42,
					      UDIAG_SHOW_NAME | UDIAG_SHOW_PEER, { 1, 2 } };
		struct { struct unix_diag_msg m; struct nlattr n; char name[8];
			 struct nlattr v; struct unix_diag_vfs vfs; struct nlattr i;
			 uint32_t icons[2]; struct nlattr mem; uint32_t meminfo[9]; } umsg = {
			{ AF_UNIX, 1, 10, 0, 4242, { 3, 0 } },
			{ 12, UNIX_DIAG_NAME }, "@socket", { 12, UNIX_DIAG_VFS }, { 77, 0x801 },
			{ 12, UNIX_DIAG_ICONS }, { 5, 6 }, { 40, UNIX_DIAG_MEMINFO },
			{ 1, 2, 3, 4, 5, 6, 7, 8, 9 } };
		struct netlink_diag_req nreq = { AF_NETLINK, NDIAG_PROTO_ALL, 0, 0,
						 NDIAG_SHOW_GROUPS, { 0, 0 } };
		struct { struct netlink_diag_msg m; struct nlattr g; uint64_t groups; } nmsg = {
			{ AF_NETLINK, 3, NETLINK_ROUTE, 1, 100, 0, 0, 5, { 0, 0 } },
			{ 12, NETLINK_DIAG_GROUPS }, 0x11 };
		struct packet_diag_req preq = { AF_PACKET, 0, 0, 9, PACKET_SHOW_INFO, { 0, 0 } };
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, diag, 5);
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, diag, 1);
		msg(fd, SOCK_DESTROY, NLM_F_MATCH, NULL, 0);
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ureq, sizeof(ureq));
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ureq, 5);
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &umsg, sizeof(umsg));
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &nreq, sizeof(nreq));
		msg(fd, SOCK_DIAG_BY_FAMILY, 0, &nmsg, sizeof(nmsg));
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &preq, sizeof(preq));
		/* inet sockets' requests, old and new, and answers; SMC's with IPv4 addresses. */
		struct inet_diag_sockid id = { htons(80), htons(8080), { htonl(0x7f000001) },
					       { htonl(0x7f000001) }, 1, { 1, 2 } };
		struct inet_diag_req ireq = { AF_INET, 0, 0, 1 << (INET_DIAG_TOS - 1), id,
					      1 << 10, 0 };
		struct inet_diag_req_v2 v2 = { AF_INET6, IPPROTO_TCP, 0, 0, 1 << 1, id };
		struct inet_diag_msg imsg = { AF_INET, 10, 1, 2, id, 3, 4, 5, 6, 7 };
		struct smc_diag_req sreq = { AF_SMC, { 0, 0 }, 1 << (SMC_DIAG_CONNINFO - 1), id };
		msg(fd, TCPDIAG_GETSOCK, NLM_F_REQUEST, &ireq, sizeof(ireq));
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &v2, sizeof(v2));
		struct { struct inet_diag_req_v2 r; struct nlattr a; struct inet_diag_bc_op op;
			 struct inet_diag_hostcond cond; uint8_t addr[4]; } bc = {
			{ AF_INET, IPPROTO_TCP, 0, 0, 1 << 1, id }, { 20, INET_DIAG_REQ_BYTECODE },
			{ INET_DIAG_BC_D_COND, 4, 8 }, { AF_INET, 8, 80 }, { 10, 0, 0, 0 } };
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &bc, sizeof(bc));
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_DUMP, &imsg, sizeof(imsg));
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &sreq, sizeof(sreq));
		struct { struct smc_diag_msg m; struct nlattr c; struct smc_diag_conninfo ci;
			 struct nlattr f; struct smc_diag_fallback fb; } smsg = {
			{ AF_SMC, 1, 0, 0, id, 5, 6 },
			{ 80, SMC_DIAG_CONNINFO }, { 1, 2, 3, 4, { 0, 1, 2 }, .rx_prod_flags = 1 },
			{ 12, SMC_DIAG_FALLBACK }, { 0x3020000, 9 } };
		msg(fd, SOCK_DIAG_BY_FAMILY, NLM_F_DUMP, &smsg, sizeof(smsg));
		close(fd);
	}
	if ((fd = nl_socket(NETLINK_USERSOCK)) >= 0) {
		msg(fd, 0x10, NLM_F_REQUEST | NLM_F_DUMP, "1234", 4);
		close(fd);
	}
}

static void netfilter(void)
{
	int fd = nl_socket(NETLINK_NETFILTER);
	if (fd < 0)
		return;
	struct { struct nfgenmsg nf; struct nlattr a; uint32_t v; } m = {
		{ AF_INET, NFNETLINK_V0, htobe16(0x1234) }, { 8, 7 }, 42 };
	msg(fd, NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP, &m, sizeof(m));
	msg(fd, NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW, NLM_F_CREATE, &m, 4);
	msg(fd, NFNL_SUBSYS_CTNETLINK << 8 | 0x55, NLM_F_CREATE, &m, 3);
	msg(fd, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, &m, sizeof(m));
	m.nf.res_id = htobe16(NFNL_SUBSYS_NFTABLES);
	msg(fd, NFNL_SUBSYS_NFTABLES << 8 | 0x0, 0, &m, 4);
	m.nf.res_id = NFNL_SUBSYS_NFTABLES;
	msg(fd, NFNL_SUBSYS_NFTABLES << 8 | 0x1, 0, &m, 4);
	msg(fd, 0xff << 8 | 0x2, 0, &m, 4);
	msg(fd, NFNL_SUBSYS_NONE << 8 | 0x20, 0, &m, 4);
	close(fd);
}

static void uevent(void)
{
	int fd = nl_socket(NETLINK_KOBJECT_UEVENT);
	if (fd < 0)
		return;
	struct { char prefix[8]; uint32_t magic, header_size, properties_off, properties_len,
		 subsystem, devtype, bloom_hi, bloom_lo; char text[8]; } udev = {
		"libudev", htobe32(0xfeedcafe), 40, 40, 8, htobe32(1), htobe32(2), 0, htobe32(3),
		"A=1\0B=2" };
	rejected(fd, at_end("add@/devices\0ACTION=add", 23), 23);
	rejected(fd, at_end(&udev, sizeof(udev)), sizeof(udev));
	rejected(fd, at_end(&udev, 40), 40);
	close(fd);
}

/* rtnetlink's messages: their structs and attributes. */
static void route_bodies(int fd)
{
	struct { struct ifaddrmsg ifa; struct nlattr a; uint8_t addr[4]; struct nlattr l;
		 char label[4]; struct nlattr c; struct ifa_cacheinfo ci; struct nlattr f;
		 uint32_t flags; } addr = {
		{ AF_INET, 8, IFA_F_PERMANENT, RT_SCOPE_HOST, 1 },
		{ 8, IFA_ADDRESS }, { 127, 0, 0, 1 }, { 7, IFA_LABEL }, "lo",
		{ 20, IFA_CACHEINFO }, { 1, 2, 3, 4 }, { 8, IFA_FLAGS }, 0x81 };
	struct { struct rtmsg rtm; struct nlattr t; uint32_t table; struct nlattr m;
		 struct nlattr mtu; uint32_t v; struct nlattr d; uint8_t dst[16]; } rt = {
		{ AF_INET6, 128, 0, 0, RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_UNICAST,
		  RTM_F_CLONED },
		{ 8, RTA_TABLE }, 300, { 16, RTA_METRICS }, { 8, RTAX_MTU }, 1500,
		{ 20, RTA_DST }, { 0xfe, 0x80, [15] = 1 } };
	struct ifinfomsg bridge = { .ifi_family = AF_BRIDGE, .ifi_type = 772,
				    .ifi_flags = IFF_UP | IFF_LOOPBACK };
	msg(fd, RTM_GETADDR, NLM_F_REQUEST, &addr, sizeof(addr));
	msg(fd, RTM_GETADDR, NLM_F_REQUEST, &addr, 3);
	addr.ifa.ifa_family = AF_INET6;
	msg(fd, RTM_GETADDR, NLM_F_REQUEST, &addr, sizeof(addr));
	msg(fd, RTM_GETROUTE, NLM_F_REQUEST, &rt, sizeof(rt));
	msg(fd, RTM_GETNEIGH, NLM_F_REQUEST, &bridge, sizeof(bridge));
	rt.rtm.rtm_family = AF_INET;
	msg(fd, RTM_GETRULE, NLM_F_REQUEST, &rt, sizeof(rt));
	msg(fd, RTM_GETNSID, NLM_F_REQUEST, &rt, 12);
	/* Next hops, traffic control and its statistics, neighbour tables. */
	struct { struct rtmsg rtm; struct nlattr mp; struct rtnexthop nh; struct nlattr gw;
		 uint8_t addr[4]; struct nlattr via; uint16_t family; uint8_t v[4]; } hops = {
		{ AF_INET, 32 }, { 28, RTA_MULTIPATH }, { 16, RTNH_F_DEAD, 1, 1 },
		{ 8, RTA_GATEWAY }, { 10, 0, 0, 1 }, { 10, RTA_VIA }, AF_INET, { 10, 0, 0, 2 } };
	struct { struct tcmsg tcm; struct nlattr k; char kind[8]; struct nlattr s;
		 struct nlattr b; uint64_t bytes; uint32_t packets; } tc = {
		{ AF_UNSPEC, 0, 0, 1, 0x10000, 0xffffffff, 1 }, { 12, TCA_KIND }, "pfifo",
		{ 20, TCA_STATS2 }, { 16, TCA_STATS_BASIC }, 1000, 10 };
	struct { struct ndtmsg ndt; struct nlattr n; char name[8]; struct nlattr c;
		 struct ndt_config cfg; } tbl = {
		{ AF_INET }, { 12, NDTA_NAME }, "arp_cac", { 36, NDTA_CONFIG },
		{ 4, 48, 3, 1, 2, 3, 0xff, 4, 5 } };
	msg(fd, RTM_GETROUTE, NLM_F_REQUEST, &hops, sizeof(hops));
	msg(fd, RTM_GETQDISC, NLM_F_REQUEST | NLM_F_DUMP, &tc, sizeof(tc));
	msg(fd, RTM_GETACTION, NLM_F_REQUEST, &tc, 3);
	msg(fd, RTM_GETNEIGHTBL, NLM_F_REQUEST, &tbl, sizeof(tbl));
	/* A link's attributes by its family: IPv6's, a bridge's, another's in hex. */
	struct { struct ifinfomsg ifi; struct nlattr p; struct nlattr c; int32_t conf[2];
		 struct nlattr a; struct nlattr in; struct nlattr ic; int32_t iconf; } fam = {
		{ .ifi_family = AF_INET6, .ifi_type = 772 }, { 16, IFLA_PROTINFO },
		{ 12, IFLA_INET6_CONF }, { 1, -2 }, { 16, IFLA_AF_SPEC }, { 12, AF_INET },
		{ 8, IFLA_INET_CONF }, 1 };
	struct { struct ifinfomsg ifi; struct nlattr p; struct nlattr id; uint8_t prio[2];
		 uint8_t mac[6]; struct nlattr a; struct nlattr v; uint16_t flags, vid;
		 uint8_t rest[4]; } br = {
		{ .ifi_family = AF_BRIDGE }, { 16, IFLA_PROTINFO }, { 12, IFLA_BRPORT_ROOT_ID },
		{ 1, 2 }, { 0, 0x11, 0x22, 0x33, 0x44, 0x55 }, { 16, IFLA_AF_SPEC },
		{ 12, IFLA_BRIDGE_VLAN_INFO }, BRIDGE_VLAN_INFO_PVID, 7, { 1, 2, 3, 4 } };
	msg(fd, RTM_GETLINK, NLM_F_REQUEST, &fam, sizeof(fam));
	msg(fd, RTM_GETLINK, NLM_F_REQUEST, &br, sizeof(br));
	/* A virtual function's attributes. */
	struct { struct ifinfomsg ifi; struct nlattr l; struct nlattr i; struct nlattr s;
		 struct ifla_vf_link_state st; struct nlattr g; struct ifla_vf_guid guid; } vf = {
		{ .ifi_family = AF_UNSPEC }, { 40, IFLA_VFINFO_LIST }, { 36, IFLA_VF_INFO },
		{ 12, IFLA_VF_LINK_STATE }, { 1, IFLA_VF_LINK_STATE_ENABLE },
		{ 20, IFLA_VF_IB_NODE_GUID }, { 2, 0x1122334455667788ULL } };
	msg(fd, RTM_GETLINK, NLM_F_REQUEST, &vf, sizeof(vf));
	/* A link's extended statistics: a bridge's VLAN counters and the bytes after them. */
	struct { struct if_stats_msg ifs; struct nlattr x; struct nlattr b; struct nlattr v;
		 struct bridge_vlan_xstats st; uint8_t rest[4]; } xs = {
		{ .family = AF_UNSPEC, .ifindex = 1, .filter_mask = 1 << IFLA_STATS_LINK_XSTATS },
		{ 56, IFLA_STATS_LINK_XSTATS }, { 52, LINK_XSTATS_TYPE_BRIDGE },
		{ 48, BRIDGE_XSTATS_VLAN }, { 1, 2, 3, 4, 5, BRIDGE_VLAN_INFO_PVID, 7 },
		{ 9, 8, 7, 6 } };
	msg(fd, RTM_GETSTATS, NLM_F_REQUEST, &xs, sizeof(xs));
	fam.ifi.ifi_family = AF_INET;
	msg(fd, RTM_GETLINK, NLM_F_REQUEST, &fam, sizeof(fam));
}

/* Real exchanges with the kernel: answers and their errors. */
static void exchange(int fd)
{
	struct { struct nlmsghdr h; struct ifinfomsg ifi; } get = {
		hdr(sizeof(get), RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 1), { .ifi_index = 0x7fff } };
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	char reply[8192];
	struct iovec iov = { reply, sizeof(reply) };
	struct msghdr mh = { .msg_name = &kernel, .msg_namelen = sizeof(kernel),
			     .msg_iov = &iov, .msg_iovlen = 1 };
	sendto(fd, &get, sizeof(get), 0, NULL, 0);
	recvfrom(fd, reply, sizeof(reply), 0, NULL, NULL);
	get.h.nlmsg_seq = 2;
	iov.iov_base = &get;
	iov.iov_len = sizeof(get);
	sendmsg(fd, &mh, 0);
	iov.iov_base = reply;
	iov.iov_len = sizeof(reply);
	recvmsg(fd, &mh, 0);
	/* A control message reaches the kernel and is ignored; without an address, the data
	 * of a sendmsg are strings. */
	struct nlmsghdr noop = hdr(NLMSG_HDRLEN, NLMSG_NOOP, NLM_F_REQUEST, 3);
	iov.iov_base = &noop;
	iov.iov_len = sizeof(noop);
	sendmsg(fd, &mh, MSG_DONTWAIT);
	mh.msg_name = NULL;
	mh.msg_namelen = 0;
	sendmsg(fd, &mh, MSG_DONTWAIT);
	/* A short buffer: the answer cut (MSG_TRUNC tells its real length). */
	get.h.nlmsg_seq = 4;
	sendto(fd, &get, sizeof(get), 0, NULL, 0);
	recvfrom(fd, reply, 20, MSG_TRUNC, NULL, NULL);
	/* The addresses of the machine: the answers end with NLMSG_DONE. */
	struct { struct nlmsghdr h; struct ifaddrmsg ifa; } dump = {
		hdr(sizeof(dump), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 5), { AF_UNSPEC } };
	sendto(fd, &dump, sizeof(dump), 0, NULL, 0);
	for (int i = 0; i < 16; i++) {
		long n = recvfrom(fd, reply, sizeof(reply), 0, NULL, NULL);
		if (n <= 0 || ((struct nlmsghdr *) reply)->nlmsg_type == NLMSG_DONE)
			break;
	}
}

static void generic(void)
{
	int fd = nl_socket(NETLINK_GENERIC);
	if (fd < 0)
		return;
	struct { struct nlmsghdr h; struct genlmsghdr g; } req = {
		hdr(sizeof(req), GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, 0),
		{ .cmd = CTRL_CMD_GETFAMILY } };
	rejected(fd, at_end(&req, sizeof(req)), sizeof(req));
	req.h.nlmsg_type = 0x7ff0;
	rejected(fd, at_end(&req, sizeof(req)), sizeof(req));
	close(fd);
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
	int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl port = { .nl_family = AF_NETLINK, .nl_pid = PORT };
	if (fd < 0 || bind(fd, (struct sockaddr *) &port, sizeof(port)))
		return 3;
	begin_marker();
	walk(fd);
	control(fd);
	route_types(fd);
	route_bodies(fd);
	exchange(fd);
	other_protocols();
	netfilter();
	uevent();
	generic();
	/* Not a netlink socket: strings. */
	int pair[2];
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, pair) == 0) {
		struct nlmsghdr h = hdr(NLMSG_HDRLEN, NLMSG_NOOP, 0, 0);
		sendto(pair[0], &h, sizeof(h), MSG_DONTWAIT, NULL, 0);
	}
	return 0;
}
