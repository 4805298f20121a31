//! Socket details for `-yy` from the kernel's `NETLINK_SOCK_DIAG` (sock_diag(7)): the
//! addresses of an inet socket, a unix socket's peer and name, a netlink socket's protocol and
//! port, found by the socket's inode.
//!
//! The queries, the protocol names and the cache are strace 6.1's (`src/socketutils.c`), so
//! the output is the same. That includes its cache: details found once for an inode are
//! shown again for that inode, even after the socket changed (a UDP socket bound then
//! connected keeps showing its first address under strace); strace's output is the
//! reference, so this module keeps the same 1024-slot cache indexed by inode. Lookups that
//! find nothing are not cached.
//!
//! This module talks to the kernel with raw socket calls and `getxattr`, which need `unsafe`:
//! each block says why it is sound.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A socket as `-yy` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SocketInfo {
    /// `TCP:[127.0.0.1:80]`, `TCPv6:[[::1]:80->[::1]:4567]`.
    Inet {
        proto: &'static str,
        src: IpAddr,
        sport: u16,
        dst: Option<(IpAddr, u16)>,
    },
    /// `UNIX:[INODE->PEER,"path"]`: `peer` 0 when unconnected; `name` the bound address as
    /// the kernel gives it (a leading NUL for an abstract one).
    Unix {
        proto: &'static str,
        inode: u64,
        peer: u32,
        name: Option<Vec<u8>>,
    },
    /// `NETLINK:[ROUTE:1234]`, or the protocol number when it has no name: `NETLINK:[99]`.
    Netlink {
        proto: &'static str,
        family: Option<&'static str>,
        protocol: u8,
        portid: u32,
    },
    /// A socket of a known protocol the kernel gave no details for: `TCP:[INODE]`.
    Bare { proto: &'static str, inode: u64 },
}

/// How a protocol is queried.
#[derive(Clone, Copy)]
enum Query {
    Unix,
    Inet { family: u8, protocol: u8 },
    Netlink,
}

/// strace's protocols in its order (tried in this order when the protocol is unknown), by the
/// names the kernel gives in the `system.sockprotoname` attribute (`struct proto`'s `name`).
const PROTOCOLS: [(&str, Query); 19] = [
    ("UNIX", Query::Unix),
    ("UNIX-STREAM", Query::Unix),
    ("TCP", inet(AF_INET, 6)),
    ("UDP", inet(AF_INET, 17)),
    ("UDPLITE", inet(AF_INET, 136)),
    ("DCCP", inet(AF_INET, 33)),
    ("SCTP", inet(AF_INET, 132)),
    ("L2TP/IP", inet(AF_INET, 115)),
    ("PING", inet(AF_INET, 1)),
    ("RAW", inet(AF_INET, 255)),
    ("TCPv6", inet(AF_INET6, 6)),
    ("UDPv6", inet(AF_INET6, 17)),
    ("UDPLITEv6", inet(AF_INET6, 136)),
    ("DCCPv6", inet(AF_INET6, 33)),
    ("SCTPv6", inet(AF_INET6, 132)),
    ("L2TP/IPv6", inet(AF_INET6, 115)),
    ("PINGv6", inet(AF_INET6, 1)),
    ("RAWv6", inet(AF_INET6, 255)),
    ("NETLINK", Query::Netlink),
];

const fn inet(family: u8, protocol: u8) -> Query {
    Query::Inet { family, protocol }
}

/// Netlink protocol names by number (`<linux/netlink.h>`), without `NETLINK_`.
const NETLINK_FAMILIES: [Option<&str>; 23] = [
    Some("ROUTE"),
    Some("UNUSED"),
    Some("USERSOCK"),
    Some("FIREWALL"),
    Some("SOCK_DIAG"),
    Some("NFLOG"),
    Some("XFRM"),
    Some("SELINUX"),
    Some("ISCSI"),
    Some("AUDIT"),
    Some("FIB_LOOKUP"),
    Some("CONNECTOR"),
    Some("NETFILTER"),
    Some("IP6_FW"),
    Some("DNRTMSG"),
    Some("KOBJECT_UEVENT"),
    Some("GENERIC"),
    None,
    Some("SCSITRANSPORT"),
    Some("ECRYPTFS"),
    Some("RDMA"),
    Some("CRYPTO"),
    Some("SMC"),
];

// <linux/socket.h>, <linux/netlink.h>, <linux/sock_diag.h>, <linux/unix_diag.h>,
// <linux/netlink_diag.h>.
const AF_UNIX: u8 = 1;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;
const AF_NETLINK: u8 = 16;
const NETLINK_SOCK_DIAG: i32 = 4;
const SOCK_DIAG_BY_FAMILY: u16 = 20;
const NLM_F_REQUEST: u16 = 0x1;
const NLM_F_DUMP: u16 = 0x300;
const NLMSG_HDRLEN: usize = 16;
const UDIAG_SHOW_NAME: u32 = 0x1;
const UDIAG_SHOW_PEER: u32 = 0x4;
const UNIX_DIAG_NAME: u16 = 0;
const UNIX_DIAG_PEER: u16 = 2;
const NDIAG_PROTO_ALL: u8 = 255;
/// `sizeof(((struct sockaddr_un *)0)->sun_path)`.
const UNIX_PATH_MAX: usize = 108;

const CACHE_SIZE: usize = 1024;

/// strace's cache of details by inode: one slot per `inode % 1024`, made at the first socket
/// described (64 KB every start would fault in for traces that show none).
pub struct SocketCache {
    slots: Vec<Option<(u64, SocketInfo)>>,
}

impl SocketCache {
    pub fn new() -> Self {
        SocketCache { slots: Vec::new() }
    }

    fn get(&self, inode: u64) -> Option<&SocketInfo> {
        match self.slots.get(inode as usize % CACHE_SIZE)? {
            Some((i, info)) if *i == inode => Some(info),
            _ => None,
        }
    }

    fn put(&mut self, inode: u64, info: SocketInfo) {
        if self.slots.is_empty() {
            self.slots.resize(CACHE_SIZE, None);
        }
        self.slots[inode as usize % CACHE_SIZE] = Some((inode, info));
    }
}

impl Default for SocketCache {
    fn default() -> Self {
        SocketCache::new()
    }
}

/// The details of socket `inode`, open as `fd` in process `pid`; `None` when neither the
/// kernel nor its protocol name tells anything (strace then shows the link, `socket:[N]`).
pub fn describe(cache: &mut SocketCache, pid: i32, fd: i32, inode: u64) -> Option<SocketInfo> {
    if let Some(info) = cache.get(inode) {
        return Some(info.clone());
    }
    let proto = protocol_name(pid, fd)
        .and_then(|name| PROTOCOLS.iter().position(|(n, _)| n.as_bytes() == name));
    let found = match proto {
        Some(i) => lookup(inode, PROTOCOLS[i]),
        None => PROTOCOLS.iter().find_map(|p| lookup(inode, *p)),
    };
    match found {
        Some(info) => {
            cache.put(inode, info.clone());
            Some(info)
        }
        None => proto.map(|i| SocketInfo::Bare {
            proto: PROTOCOLS[i].0,
            inode,
        }),
    }
}

/// The `system.sockprotoname` attribute of `/proc/PID/fd/FD` (net/socket.c).
pub fn protocol_name(pid: i32, fd: i32) -> Option<Vec<u8>> {
    let path = std::ffi::CString::new(format!("/proc/{pid}/fd/{fd}")).ok()?;
    let mut buf = [0u8; 256];
    // SAFETY: both names are NUL-terminated and `buf` is writable for the length passed.
    let n = unsafe {
        libc::getxattr(
            path.as_ptr(),
            c"system.sockprotoname".as_ptr(),
            buf.as_mut_ptr().cast(),
            buf.len() - 1,
        )
    };
    if n <= 0 {
        return None;
    }
    let name = &buf[..n as usize];
    // The kernel may count the terminating NUL.
    let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
    Some(name[..end].to_vec())
}

/// Asks the kernel about one protocol's sockets and picks out `inode`'s.
fn lookup(inode: u64, (name, query): (&'static str, Query)) -> Option<SocketInfo> {
    let sock = DiagSocket::open(NETLINK_SOCK_DIAG)?;
    let mut req = Vec::with_capacity(80);
    match query {
        Query::Inet { family, protocol } => {
            // struct inet_diag_req_v2: family, protocol, ext, pad, states, then a zero
            // struct inet_diag_sockid (48 bytes).
            header(&mut req, 16 + 56, NLM_F_REQUEST | NLM_F_DUMP);
            req.extend_from_slice(&[family, protocol, 0, 0]);
            req.extend_from_slice(&u32::MAX.to_ne_bytes());
            req.extend_from_slice(&[0; 48]);
        }
        Query::Unix => {
            // struct unix_diag_req: family, protocol, pad, states, ino, show, cookie[2]; one
            // socket by inode (no dump: kernels since 4.4.4 answer that).
            header(&mut req, 16 + 24, NLM_F_REQUEST);
            req.extend_from_slice(&[AF_UNIX, 0, 0, 0]);
            req.extend_from_slice(&u32::MAX.to_ne_bytes());
            req.extend_from_slice(&(inode as u32).to_ne_bytes());
            req.extend_from_slice(&(UDIAG_SHOW_NAME | UDIAG_SHOW_PEER).to_ne_bytes());
            req.extend_from_slice(&u32::MAX.to_ne_bytes());
            req.extend_from_slice(&u32::MAX.to_ne_bytes());
        }
        Query::Netlink => {
            // struct netlink_diag_req: family, protocol, pad, ino, show, cookie[2].
            header(&mut req, 16 + 20, NLM_F_REQUEST | NLM_F_DUMP);
            req.extend_from_slice(&[AF_NETLINK, NDIAG_PROTO_ALL, 0, 0]);
            req.extend_from_slice(&[0; 16]);
        }
    }
    if !sock.send(&req) {
        return None;
    }
    sock.receive(SOCK_DIAG_BY_FAMILY, |msg| match query {
        Query::Inet { .. } => parse_inet(msg, inode, name),
        Query::Unix => parse_unix(msg, inode, name),
        Query::Netlink => parse_netlink(msg, inode, name),
    })
}

/// A `struct nlmsghdr` asking `SOCK_DIAG_BY_FAMILY`.
fn header(req: &mut Vec<u8>, len: u32, flags: u16) {
    req.extend_from_slice(&len.to_ne_bytes());
    req.extend_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes());
    req.extend_from_slice(&flags.to_ne_bytes());
    req.extend_from_slice(&[0; 8]);
}

fn u16_at(b: &[u8], off: usize) -> u16 {
    u16::from_ne_bytes([b[off], b[off + 1]])
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    u32::from_ne_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

/// What a parser made of one answer.
enum Parsed<T = SocketInfo> {
    Found(T),
    /// Another socket's: read on.
    Other,
    /// A malformed or unexpected answer: give up.
    Fail,
}

/// `struct inet_diag_msg`: family, state, timer, retrans, the sockid (sport, dport in network
/// order at 4 and 6, src at 8, dst at 24), then expires, rqueue, wqueue, uid, inode (at 68).
fn parse_inet(msg: &[u8], inode: u64, proto: &'static str) -> Parsed {
    if msg.len() < 72 {
        return Parsed::Fail;
    }
    if u64::from(u32_at(msg, 68)) != inode {
        return Parsed::Other;
    }
    let addr = |off: usize| -> Option<IpAddr> {
        match msg[0] {
            AF_INET => Some(IpAddr::V4(Ipv4Addr::new(
                msg[off],
                msg[off + 1],
                msg[off + 2],
                msg[off + 3],
            ))),
            AF_INET6 => {
                let mut b = [0u8; 16];
                b.copy_from_slice(&msg[off..off + 16]);
                Some(IpAddr::V6(Ipv6Addr::from(b)))
            }
            _ => None,
        }
    };
    let (Some(src), Some(dst)) = (addr(8), addr(24)) else {
        return Parsed::Fail;
    };
    let sport = u16::from_be_bytes([msg[4], msg[5]]);
    let dport = u16::from_be_bytes([msg[6], msg[7]]);
    let dst = (dport != 0 || !dst.is_unspecified()).then_some((dst, dport));
    Parsed::Found(SocketInfo::Inet {
        proto,
        src,
        sport,
        dst,
    })
}

/// `struct unix_diag_msg` (family, type, state, pad, ino, cookie[2]) then attributes.
fn parse_unix(msg: &[u8], inode: u64, proto: &'static str) -> Parsed {
    if msg.len() < 16 {
        return Parsed::Fail;
    }
    if u64::from(u32_at(msg, 4)) != inode {
        return Parsed::Other;
    }
    if msg[0] != AF_UNIX {
        return Parsed::Fail;
    }
    let (mut peer, mut name) = (0, None);
    for (ty, payload) in rtattrs(&msg[16..]) {
        match ty {
            UNIX_DIAG_NAME if name.is_none() => {
                name = Some(payload[..payload.len().min(UNIX_PATH_MAX)].to_vec());
            }
            UNIX_DIAG_PEER if payload.len() >= 4 => peer = u32_at(payload, 0),
            _ => {}
        }
    }
    let name = name.filter(|n| !n.is_empty());
    if peer == 0 && name.is_none() {
        return Parsed::Fail;
    }
    Parsed::Found(SocketInfo::Unix {
        proto,
        inode,
        peer,
        name,
    })
}

/// `struct netlink_diag_msg`: family, type, protocol, state, portid, dst_portid, dst_group,
/// ino (at 16), cookie[2].
fn parse_netlink(msg: &[u8], inode: u64, proto: &'static str) -> Parsed {
    if msg.len() < 24 {
        return Parsed::Fail;
    }
    if u64::from(u32_at(msg, 16)) != inode {
        return Parsed::Other;
    }
    if msg[0] != AF_NETLINK {
        return Parsed::Fail;
    }
    let protocol = msg[2];
    Parsed::Found(SocketInfo::Netlink {
        proto,
        family: NETLINK_FAMILIES
            .get(usize::from(protocol))
            .copied()
            .flatten(),
        protocol,
        portid: u32_at(msg, 4),
    })
}

/// `<linux/genetlink.h>`: the controller family, its command and attributes.
const NETLINK_GENERIC: i32 = 16;
const GENL_ID_CTRL: u16 = 0x10;
const CTRL_CMD_GETFAMILY: u8 = 3;
const CTRL_CMD_NEWFAMILY: u8 = 1;
const CTRL_ATTR_FAMILY_ID: u16 = 1;
const CTRL_ATTR_FAMILY_NAME: u16 = 2;
/// `struct genlmsghdr`: cmd, version, reserved.
const GENL_HDRLEN: usize = 4;

/// The kernel's generic netlink families, by id (strace's `genl_families_xlat`: names
/// generic netlink message types, which are the ids of families registered at run time).
/// Empty when the kernel cannot be asked.
pub fn genl_families() -> Vec<(u16, Vec<u8>)> {
    let mut families = Vec::new();
    let Some(sock) = DiagSocket::open(NETLINK_GENERIC) else {
        return families;
    };
    let mut req = Vec::with_capacity(NLMSG_HDRLEN + GENL_HDRLEN);
    req.extend_from_slice(&((NLMSG_HDRLEN + GENL_HDRLEN) as u32).to_ne_bytes());
    req.extend_from_slice(&GENL_ID_CTRL.to_ne_bytes());
    req.extend_from_slice(&(NLM_F_REQUEST | NLM_F_DUMP).to_ne_bytes());
    req.extend_from_slice(&[0; 8]);
    req.extend_from_slice(&[CTRL_CMD_GETFAMILY, 0, 0, 0]);
    if sock.send(&req) {
        sock.receive::<()>(GENL_ID_CTRL, |msg| {
            parse_family(msg, &mut families);
            Parsed::Other
        });
    }
    families
}

/// One answer to `CTRL_CMD_GETFAMILY`: a `struct genlmsghdr` (version 2 of
/// `CTRL_CMD_NEWFAMILY`) and attributes, the family's name and id among them. As strace, a
/// name and an id seen (in any order) make a pair; the first of each counts.
fn parse_family(msg: &[u8], families: &mut Vec<(u16, Vec<u8>)>) {
    if msg.len() < GENL_HDRLEN || msg[0] != CTRL_CMD_NEWFAMILY || msg[1] != 2 {
        return;
    }
    let (mut name, mut id): (Option<&[u8]>, Option<u16>) = (None, None);
    for (ty, payload) in rtattrs(&msg[GENL_HDRLEN..]) {
        match ty {
            CTRL_ATTR_FAMILY_NAME if name.is_none() => name = Some(payload),
            CTRL_ATTR_FAMILY_ID if id.is_none() && payload.len() == 2 => {
                id = Some(u16_at(payload, 0))
            }
            _ => {}
        }
        if let (Some(n), Some(i)) = (name, id) {
            let end = n.iter().position(|&b| b == 0).unwrap_or(n.len());
            families.push((i, n[..end].to_vec()));
            (name, id) = (None, None);
        }
    }
}

/// The attributes of a kernel's answer (`struct rtattr`: length, type, then the payload,
/// each aligned to 4 bytes) as `(type, payload)`, up to one that does not fit.
fn rtattrs(mut rest: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        if rest.len() < 4 {
            return None;
        }
        let len = usize::from(u16_at(rest, 0));
        if len < 4 || len > rest.len() {
            return None;
        }
        let attr = (u16_at(rest, 2), &rest[4..len]);
        rest = &rest[((len + 3) & !3).min(rest.len())..];
        Some(attr)
    })
}

/// A netlink socket of the tracer (`NETLINK_SOCK_DIAG`, `NETLINK_GENERIC`), closed when
/// dropped.
struct DiagSocket(i32);

impl DiagSocket {
    fn open(protocol: i32) -> Option<Self> {
        // SAFETY: socket(2) takes no pointers.
        let fd = unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_RAW | libc::SOCK_CLOEXEC,
                protocol,
            )
        };
        (fd >= 0).then_some(DiagSocket(fd))
    }

    /// Sends one request to the kernel (the default destination of a netlink socket).
    fn send(&self, req: &[u8]) -> bool {
        loop {
            // SAFETY: `req` is readable for its length; no address is passed.
            let n = unsafe { libc::send(self.0, req.as_ptr().cast(), req.len(), 0) };
            if n >= 0 {
                return true;
            }
            if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
                return false;
            }
        }
    }

    /// Reads answers of type `ty` until `parse` finds what it looks for, fails, or the
    /// answers stop (a message of another type such as `NLMSG_DONE` or `NLMSG_ERROR` ends the
    /// search, as in strace).
    fn receive<T>(&self, ty: u16, mut parse: impl FnMut(&[u8]) -> Parsed<T>) -> Option<T> {
        let mut buf = vec![0u8; 8192];
        let mut flags = 0;
        loop {
            // SAFETY: `buf` is writable for its length.
            let n = unsafe { libc::recv(self.0, buf.as_mut_ptr().cast(), buf.len(), flags) };
            if n < 0 {
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return None;
            }
            let mut rest = &buf[..n as usize];
            let mut any = false;
            while rest.len() >= NLMSG_HDRLEN {
                let len = u32_at(rest, 0) as usize;
                if len < NLMSG_HDRLEN || len > rest.len() {
                    break;
                }
                any = true;
                if u16_at(rest, 4) != ty {
                    return None;
                }
                match parse(&rest[NLMSG_HDRLEN..len]) {
                    Parsed::Found(info) => return Some(info),
                    Parsed::Fail => return None,
                    Parsed::Other => {}
                }
                rest = &rest[((len + 3) & !3).min(rest.len())..];
            }
            if !any {
                return None;
            }
            flags = libc::MSG_DONTWAIT;
        }
    }
}

impl Drop for DiagSocket {
    fn drop(&mut self) {
        // SAFETY: the descriptor is this socket's own.
        unsafe {
            libc::close(self.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;

    fn inode_of(fd: i32) -> u64 {
        std::fs::metadata(format!("/proc/self/fd/{fd}"))
            .unwrap()
            .ino()
    }

    /// Empty until the first socket; then one slot per `inode % 1024`, the newest one kept.
    #[test]
    fn cache_keeps_the_last_socket_of_a_slot() {
        let unix = |path: &[u8]| SocketInfo::Unix {
            proto: "UNIX",
            inode: 7,
            peer: 0,
            name: Some(path.to_vec()),
        };
        let mut cache = SocketCache::new();
        assert_eq!(cache.get(7), None);
        assert!(cache.slots.is_empty());
        cache.put(7, unix(b"/a"));
        assert_eq!(cache.get(7), Some(&unix(b"/a")));
        assert_eq!(cache.get(7 + CACHE_SIZE as u64), None);
        assert_eq!(cache.get(8), None);
        cache.put(7 + CACHE_SIZE as u64, unix(b"/b"));
        assert_eq!(cache.get(7), None);
        assert_eq!(cache.get(7 + CACHE_SIZE as u64), Some(&unix(b"/b")));
    }

    #[test]
    fn tcp_on_loopback() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let client = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let cport = client.local_addr().unwrap().port();
        let pid = std::process::id() as i32;
        let mut cache = SocketCache::new();
        let fd = client.as_raw_fd();
        let info = describe(&mut cache, pid, fd, inode_of(fd)).unwrap();
        let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
        assert_eq!(
            info,
            SocketInfo::Inet {
                proto: "TCP",
                src: lo,
                sport: cport,
                dst: Some((lo, port))
            }
        );
        let fd = listener.as_raw_fd();
        let info = describe(&mut cache, pid, fd, inode_of(fd)).unwrap();
        assert_eq!(
            info,
            SocketInfo::Inet {
                proto: "TCP",
                src: lo,
                sport: port,
                dst: None
            }
        );
    }

    #[test]
    fn unix_pair() {
        let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        let (ia, ib) = (inode_of(a.as_raw_fd()), inode_of(b.as_raw_fd()));
        let pid = std::process::id() as i32;
        let info = describe(&mut SocketCache::new(), pid, a.as_raw_fd(), ia).unwrap();
        assert_eq!(
            info,
            SocketInfo::Unix {
                proto: "UNIX-STREAM",
                inode: ia,
                peer: ib as u32,
                name: None
            }
        );
    }
}
