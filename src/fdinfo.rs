//! What a tracee's descriptor stands for, as `-y` / `--decode-fds` shows it: its path, a
//! device's type and number, a pidfd's process, a socket's addresses, and (strace 6.6's
//! `signalfd` and `eventfd`, only when named) a signalfd's mask and an eventfd's counter.
//!
//! Decoders ask through the [`FdResolver`] trait (held by `decode::Ctx`), so they stay pure
//! functions of their inputs: the tracer passes [`ProcFds`], which reads `/proc`, tests pass
//! a fake. When `--decode-fds` selects nothing the tracer passes no resolver at all, so
//! decoding costs nothing more than before.
//!
//! The rules are strace 6.1's (`printfd_pid` in its `src/util.c`): the link
//! `/proc/PID/fd/N` is read when the value is printed (at syscall entry for arguments shown at
//! entry, at exit for return values and output arguments); then, in this order, a socket, a
//! device and a pidfd get their details when selected, and anything else its path. The later
//! kinds follow strace 7's order: socket, device, eventfd, pidfd, signalfd, path.

use crate::sockdiag::{self, SocketCache, SocketInfo};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt};

/// The kinds of detail `--decode-fds=SET` selects (`-y` is `path`, `-yy` is `all`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecodeFds {
    pub path: bool,
    pub socket: bool,
    pub dev: bool,
    pub pidfd: bool,
    pub signalfd: bool,
    pub eventfd: bool,
}

impl DecodeFds {
    pub const ALL: DecodeFds = DecodeFds {
        path: true,
        socket: true,
        dev: true,
        pidfd: true,
        signalfd: false,
        eventfd: false,
    };
    pub const PATH: DecodeFds = DecodeFds {
        path: true,
        socket: false,
        dev: false,
        pidfd: false,
        signalfd: false,
        eventfd: false,
    };

    /// Parses strace's set syntax ([`crate::filter::qualify_tokens`]): `[!]NAME[,NAME]...`
    /// with `all` and `none`, names in any case. `signalfd` and `eventfd` (strace 6.6) count
    /// only where named: `all` and a negated set mean strace 6.1's four kinds, so `-yy` and
    /// `--decode-fds=all` print what strace 6.1 prints.
    pub fn parse(spec: &str) -> Result<Self, String> {
        const NAMES: [(&str, u32); 6] = [
            ("path", 1),
            ("socket", 2),
            ("dev", 4),
            ("pidfd", 8),
            ("signalfd", 16),
            ("eventfd", 32),
        ];
        let bits = crate::filter::parse_names(spec, &NAMES, "decode-fds")?;
        // A bit no name has is set only by `all` or a negation.
        let named_only = !bits.contains(1 << 31);
        Ok(DecodeFds {
            path: bits.contains(1),
            socket: bits.contains(2),
            dev: bits.contains(4),
            pidfd: bits.contains(8),
            signalfd: named_only && bits.contains(16),
            eventfd: named_only && bits.contains(32),
        })
    }

    /// Whether anything is shown beside descriptors.
    pub fn any(&self) -> bool {
        self.path || self.socket || self.dev || self.pidfd || self.signalfd || self.eventfd
    }
}

/// A descriptor's description: the link target and what was made of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FdInfo {
    /// The target of `/proc/PID/fd/N`, without the kernel's ` (deleted)` when the file is
    /// really gone.
    pub path: Vec<u8>,
    /// The file was unlinked: strace prints `(deleted)` after the path.
    pub deleted: bool,
    pub detail: Detail,
}

/// What is shown of a descriptor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Detail {
    /// The path: `3</etc/passwd>`.
    #[default]
    Path,
    /// A block or character device with its number: `3</dev/null<char 1:3>>`.
    Device { block: bool, major: u32, minor: u32 },
    /// A pidfd and the process it refers to: `3<pid:1234>`.
    Pidfd(i32),
    /// A socket: `3<TCP:[127.0.0.1:80->127.0.0.1:4567]>`.
    Socket(SocketInfo),
    /// A signalfd and the signals it takes, bit `n - 1` for signal `n`: `3<signalfd:[INT]>`.
    Signalfd(u64),
    /// An eventfd's counter, and its id and mode where the kernel tells them (5.2, 6.5):
    /// `3<{eventfd-count=0x1, eventfd-id=4, eventfd-semaphore=0}>`.
    Eventfd(Eventfd),
    /// An eventfd whose counter the kernel does not tell: its link, whether or not paths
    /// are selected (`3<anon_inode:[eventfd]>`).
    EventfdPath,
}

/// What `/proc/PID/fdinfo/FD` tells of an eventfd (fs/eventfd.c, `eventfd_show_fdinfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Eventfd {
    pub count: u64,
    pub id: Option<u32>,
    /// Shown only with the id, as strace does.
    pub semaphore: Option<u32>,
}

/// What a descriptor is as a netlink socket (strace's `getfdproto` and `get_fd_nl_family`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetlinkFd {
    /// Not a netlink socket (or not open).
    Other,
    /// A netlink socket of this protocol (`NETLINK_ROUTE`...), `None` when the kernel does
    /// not tell which.
    Netlink(Option<u32>),
}

/// Describes descriptors of the tracee being decoded.
pub trait FdResolver {
    /// What `fd` stands for, or `None` when nothing is to be shown (not open, or no selected
    /// kind applies).
    fn fd(&mut self, fd: i32) -> Option<&FdInfo>;
    /// What `fd` of another process stands for, that process named by its number in
    /// `/proc` (strace's `printfd_pid`).
    fn fd_in(&mut self, _proc_pid: i32, _fd: i32) -> Option<&FdInfo> {
        None
    }
    /// The process a pidfd refers to, by its number in `/proc` (the `Pid:` line of its
    /// fdinfo); `None` when it is no pidfd or the process is gone.
    fn pidfd_pid(&mut self, _fd: i32) -> Option<i32> {
        None
    }
    /// The current directory, shown after `AT_FDCWD` when paths are selected.
    fn cwd(&mut self) -> Option<&[u8]>;
    /// Where the tracee mapped the `struct kvm_run` of vcpu descriptor `fd`, when `-e
    /// kvm=vcpu` asks and the mapping holds at least `size` bytes.
    fn vcpu_run_area(&mut self, _fd: i32, _size: u64) -> Option<u64> {
        None
    }
    /// Whether `fd` is a netlink socket and of which protocol: what its messages are decoded
    /// by. Asked whatever `-y` says, as strace does.
    fn netlink(&mut self, _fd: i32) -> NetlinkFd {
        NetlinkFd::Other
    }
    /// The name of the generic netlink family numbered `id` on this kernel.
    fn genl_family(&mut self, _id: u16) -> Option<&[u8]> {
        None
    }
    /// What `fd`'s link in `/proc/PID/fd` reads (`anon_inode:bpf-map`), into `out`, whatever
    /// `-y` says (strace's `getfdpath`, which bpf's decoder asks); `false` if it cannot be read.
    fn link(&mut self, _fd: i32, _out: &mut Vec<u8>) -> bool {
        false
    }
}

/// The resolver of the tracer: reads `/proc/PID/fd/N` of the process being decoded.
pub struct ProcFds {
    set: DecodeFds,
    /// `-e kvm=vcpu`: vcpu descriptors' `struct kvm_run` mappings are looked up.
    kvm_vcpu: bool,
    pid: i32,
    info: FdInfo,
    cwd: Vec<u8>,
    sockets: SocketCache,
    /// The netlink sockets (and other sockets) seen last, by inode: a socket keeps its
    /// protocol, so a message's decoding reads only the descriptor's link.
    netlink: Vec<(u64, NetlinkFd)>,
    /// The kernel's generic netlink families, asked once when first needed.
    genl: Option<Vec<(u16, Vec<u8>)>>,
}

impl ProcFds {
    pub fn new(set: DecodeFds, kvm_vcpu: bool) -> Self {
        ProcFds {
            set,
            kvm_vcpu,
            pid: 0,
            info: FdInfo::default(),
            cwd: Vec::new(),
            sockets: SocketCache::new(),
            netlink: Vec::new(),
            genl: None,
        }
    }

    /// The process whose descriptors are described next, by its number in `/proc`.
    pub fn set_pid(&mut self, pid: i32) {
        self.pid = pid;
    }
}

/// The suffix readlink gives an unlinked file (fs/d_path.c).
const DELETED: &[u8] = b" (deleted)";

/// The target of `/proc/PID/fd/FD` into `out`, with a deleted file's suffix taken off (and
/// `true` returned) only when the whole text, suffix included, does not name the open file:
/// a file really named `x (deleted)` keeps its name.
pub fn fd_path(pid: i32, fd: i32, out: &mut Vec<u8>) -> Option<bool> {
    if fd < 0 {
        return None;
    }
    let link = format!("/proc/{pid}/fd/{fd}");
    let target = std::fs::read_link(&link).ok()?;
    out.clear();
    out.extend_from_slice(target.as_os_str().as_bytes());
    if out.len() <= DELETED.len() || !out.ends_with(DELETED) {
        return Some(false);
    }
    let Ok(open) = std::fs::metadata(&link) else {
        return Some(false);
    };
    let same = std::fs::symlink_metadata(std::ffi::OsStr::from_bytes(out))
        .is_ok_and(|m| m.ino() == open.ino() && m.dev() == open.dev());
    if same {
        return Some(false);
    }
    out.truncate(out.len() - DELETED.len());
    Some(true)
}

/// `socket:[INODE]`'s inode, as the kernel names a socket's link (net/socket.c).
fn socket_inode(path: &[u8]) -> Option<u64> {
    let digits = path.strip_prefix(b"socket:[")?.strip_suffix(b"]")?;
    let n: u64 = std::str::from_utf8(digits).ok()?.parse().ok()?;
    (n != 0).then_some(n)
}

/// A device's type and number, for an absolute path that names a block or character device.
fn device(path: &[u8]) -> Option<Detail> {
    if path.first() != Some(&b'/') {
        return None;
    }
    let meta = std::fs::metadata(std::ffi::OsStr::from_bytes(path)).ok()?;
    let ft = meta.file_type();
    if !ft.is_block_device() && !ft.is_char_device() {
        return None;
    }
    let rdev = meta.rdev();
    Some(Detail::Device {
        block: ft.is_block_device(),
        major: libc::major(rdev),
        minor: libc::minor(rdev),
    })
}

/// The process a pidfd refers to, from the `Pid:` line of `/proc/PID/fdinfo/FD`
/// (kernel/pid.c, `pidfd_show_fdinfo`); `None` when it is gone (`-1`) or unreadable.
fn pidfd_pid(pid: i32, fd: i32) -> Option<i32> {
    let text = fdinfo(pid, fd)?;
    let line = text.lines().find_map(|l| l.strip_prefix("Pid:\t"))?;
    line.trim_end().parse().ok().filter(|p| *p > 0)
}

/// The lines of `/proc/PID/fdinfo/FD`, read whole (a page at most).
fn fdinfo(pid: i32, fd: i32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/fdinfo/{fd}")).ok()
}

/// A signalfd's mask from the `sigmask:` line (fs/signalfd.c, `signalfd_show_fdinfo`): the
/// set's bytes from the highest, in hex.
fn signalfd_mask(text: &str) -> Option<u64> {
    let hex = text.lines().find_map(|l| l.strip_prefix("sigmask:\t"))?;
    let hex = hex.trim_end();
    if hex.is_empty() || hex.len() > 16 || hex.len() % 2 != 0 {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

/// An eventfd's counter (`eventfd-count: %16llx`), id and mode, when the counter is there.
fn eventfd_state(text: &str) -> Option<Eventfd> {
    let value = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .map(str::trim)
    };
    let count = u64::from_str_radix(value("eventfd-count:")?, 16).ok()?;
    let id = value("eventfd-id:").and_then(|v| v.parse().ok());
    let semaphore = value("eventfd-semaphore:").and_then(|v| v.parse().ok());
    Some(Eventfd {
        count,
        id,
        semaphore: id.and(semaphore),
    })
}

/// The name the kernel gives a vcpu descriptor and its mapping (virt/kvm/kvm_main.c,
/// `create_vcpu_fd`): `anon_inode:kvm-vcpu:N`.
const VCPU_PREFIX: &[u8] = b"anon_inode:kvm-vcpu:";

/// The first mapping in `maps` (the text of `/proc/PID/maps`) of the anonymous inode file
/// `name`, at least `size` bytes long: its start. An anonymous inode's device major is 0.
fn anon_mapping(maps: &[u8], name: &[u8], size: u64) -> Option<u64> {
    maps.split(|&b| b == b'\n').find_map(|line| {
        let mut fields = line.splitn(6, |&b| b == b' ');
        let range = fields.next()?;
        let dev = fields.nth(2)?;
        let path = fields.nth(1)?.trim_ascii_start();
        if path != name || !dev.starts_with(b"00:") {
            return None;
        }
        let range = std::str::from_utf8(range).ok()?;
        let (start, end) = range.split_once('-')?;
        let start = u64::from_str_radix(start, 16).ok()?;
        let end = u64::from_str_radix(end, 16).ok()?;
        (end.saturating_sub(start) >= size).then_some(start)
    })
}

/// How many sockets [`ProcFds`] remembers the netlink protocol of.
const NETLINK_REMEMBERED: usize = 64;

impl ProcFds {
    /// [`FdResolver::netlink`], asking the kernel: the socket's protocol name, then for a
    /// netlink socket its protocol by sock_diag (strace's cache of socket details included).
    fn netlink_uncached(&mut self, fd: i32, inode: u64) -> NetlinkFd {
        if sockdiag::protocol_name(self.pid, fd).as_deref() != Some(b"NETLINK") {
            return NetlinkFd::Other;
        }
        match sockdiag::describe(&mut self.sockets, self.pid, fd, inode) {
            Some(SocketInfo::Netlink { protocol, .. }) => {
                NetlinkFd::Netlink(Some(u32::from(protocol)))
            }
            _ => NetlinkFd::Netlink(None),
        }
    }
}

impl FdResolver for ProcFds {
    fn fd_in(&mut self, proc_pid: i32, fd: i32) -> Option<&FdInfo> {
        let own = std::mem::replace(&mut self.pid, proc_pid);
        let found = self.fd(fd).is_some();
        self.pid = own;
        found.then_some(&self.info)
    }

    fn pidfd_pid(&mut self, fd: i32) -> Option<i32> {
        pidfd_pid(self.pid, fd)
    }

    fn link(&mut self, fd: i32, out: &mut Vec<u8>) -> bool {
        fd_path(self.pid, fd, out).is_some()
    }
    fn netlink(&mut self, fd: i32) -> NetlinkFd {
        let mut link = Vec::new();
        let Some(inode) = fd_path(self.pid, fd, &mut link).and_then(|_| socket_inode(&link)) else {
            return NetlinkFd::Other;
        };
        if let Some((_, known)) = self.netlink.iter().find(|(i, _)| *i == inode) {
            return *known;
        }
        let found = self.netlink_uncached(fd, inode);
        // Only an answer the kernel gave is kept: a lookup that failed is tried again.
        if found != NetlinkFd::Netlink(None) {
            if self.netlink.len() >= NETLINK_REMEMBERED {
                self.netlink.remove(0);
            }
            self.netlink.push((inode, found));
        }
        found
    }

    fn genl_family(&mut self, id: u16) -> Option<&[u8]> {
        let families = self.genl.get_or_insert_with(sockdiag::genl_families);
        families
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, name)| name.as_slice())
    }

    fn vcpu_run_area(&mut self, fd: i32, size: u64) -> Option<u64> {
        if !self.kvm_vcpu {
            return None;
        }
        // strace reads both each time: a vcpu's mapping can move (mremap) between runs.
        let mut path = Vec::new();
        fd_path(self.pid, fd, &mut path)?;
        let cpu = path.strip_prefix(VCPU_PREFIX)?;
        if cpu.is_empty() || !cpu.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let maps = std::fs::read(format!("/proc/{}/maps", self.pid)).ok()?;
        anon_mapping(&maps, &path, size)
    }

    fn fd(&mut self, fd: i32) -> Option<&FdInfo> {
        if !self.set.any() {
            return None;
        }
        let deleted = fd_path(self.pid, fd, &mut self.info.path)?;
        self.info.deleted = deleted;
        let path = &self.info.path;
        let detail = if let Some(inode) = socket_inode(path).filter(|_| self.set.socket) {
            // A socket whose details cannot be had shows its link, whatever else is selected.
            Some(
                sockdiag::describe(&mut self.sockets, self.pid, fd, inode)
                    .map_or(Detail::Path, Detail::Socket),
            )
        } else {
            None
        };
        let pid = self.pid;
        let detail = detail
            .or_else(|| self.set.dev.then(|| device(path)).flatten())
            .or_else(|| {
                (self.set.eventfd && path.as_slice() == b"anon_inode:[eventfd]").then(|| {
                    fdinfo(pid, fd)
                        .and_then(|t| eventfd_state(&t))
                        .map_or(Detail::EventfdPath, Detail::Eventfd)
                })
            })
            .or_else(|| {
                (self.set.pidfd && path.as_slice() == b"anon_inode:[pidfd]")
                    .then(|| pidfd_pid(pid, fd).map_or(Detail::Path, Detail::Pidfd))
            })
            .or_else(|| {
                (self.set.signalfd && path.as_slice() == b"anon_inode:[signalfd]")
                    .then(|| fdinfo(pid, fd).and_then(|t| signalfd_mask(&t)))
                    .flatten()
                    .map(Detail::Signalfd)
            })
            .or_else(|| self.set.path.then_some(Detail::Path))?;
        self.info.detail = detail;
        Some(&self.info)
    }

    fn cwd(&mut self) -> Option<&[u8]> {
        if !self.set.path {
            return None;
        }
        let target = std::fs::read_link(format!("/proc/{}/cwd", self.pid)).ok()?;
        let bytes = target.as_os_str().as_bytes();
        // strace reads the link into a PATH_MAX buffer and gives up on a longer one.
        if bytes.len() >= crate::table::PATH_MAX {
            return None;
        }
        self.cwd.clear();
        self.cwd.extend_from_slice(bytes);
        Some(&self.cwd)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sets_like_strace() {
        assert_eq!(DecodeFds::parse("all"), Ok(DecodeFds::ALL));
        assert_eq!(DecodeFds::parse("path"), Ok(DecodeFds::PATH));
        assert_eq!(DecodeFds::parse("none"), Ok(DecodeFds::default()));
        let s = DecodeFds::parse("socket,dev").unwrap();
        assert!(s.socket && s.dev && !s.path && !s.pidfd);
        let s = DecodeFds::parse("!path").unwrap();
        assert!(!s.path && s.socket && s.dev && s.pidfd);
        assert_eq!(
            DecodeFds::parse("foo"),
            Err("invalid decode-fds 'foo'".to_string())
        );
        // The bad word, not the whole set; empty words skipped, but one needed; any case.
        assert_eq!(
            DecodeFds::parse("path,name"),
            Err("invalid decode-fds 'name'".to_string())
        );
        assert_eq!(DecodeFds::parse(",PATH,"), Ok(DecodeFds::PATH));
        assert_eq!(
            DecodeFds::parse(","),
            Err("invalid decode-fds ','".to_string())
        );
        assert_eq!(DecodeFds::parse("!!path"), Ok(DecodeFds::PATH));
        // The later kinds only where named.
        let s = DecodeFds::parse("signalfd,EVENTFD").unwrap();
        assert!(s.signalfd && s.eventfd && !s.path && s.any());
        assert_eq!(DecodeFds::parse("all"), Ok(DecodeFds::ALL));
        let s = DecodeFds::parse("!path").unwrap();
        assert!(!s.signalfd && !s.eventfd);
        assert_eq!(
            DecodeFds::parse("path,all"),
            Err("invalid decode-fds 'all'".to_string())
        );
    }

    #[test]
    fn fdinfo_lines() {
        // fs/signalfd.c writes the mask's bytes from the highest; SIGINT is bit 1.
        let signalfd = "pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\nsigmask:\t0000000000004002\n";
        assert_eq!(signalfd_mask(signalfd), Some(1 << 1 | 1 << 14));
        assert_eq!(signalfd_mask("sigmask:\t\n"), None);
        assert_eq!(signalfd_mask("pos:\t0\n"), None);
        let eventfd = "pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\neventfd-count:               a\neventfd-id: 7\neventfd-semaphore: 1\n";
        assert_eq!(
            eventfd_state(eventfd),
            Some(Eventfd {
                count: 10,
                id: Some(7),
                semaphore: Some(1)
            })
        );
        // Before 5.2 only the counter; the mode alone is not shown.
        assert_eq!(
            eventfd_state("eventfd-count:                0\neventfd-semaphore: 1\n"),
            Some(Eventfd {
                count: 0,
                id: None,
                semaphore: None
            })
        );
        assert_eq!(eventfd_state("pos:\t0\n"), None);
    }

    #[test]
    fn vcpu_mappings() {
        let maps = b"55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1234    /usr/bin/x\n\
7f0000000000-7f0000003000 rw-s 00000000 00:10 77                         anon_inode:kvm-vcpu:1\n\
7f0000010000-7f0000013000 rw-s 00000000 00:10 76                         anon_inode:kvm-vcpu:0\n\
7f0000020000-7f0000023000 rw-s 00000000 08:01 99                         anon_inode:kvm-vcpu:2\n";
        let find = |name: &[u8], size| anon_mapping(maps, name, size);
        assert_eq!(find(b"anon_inode:kvm-vcpu:0", 2352), Some(0x7f00_0001_0000));
        assert_eq!(find(b"anon_inode:kvm-vcpu:1", 2352), Some(0x7f00_0000_0000));
        // Too short for the struct; a file of a real device is not an anonymous inode.
        assert_eq!(find(b"anon_inode:kvm-vcpu:0", 0x4000), None);
        assert_eq!(find(b"anon_inode:kvm-vcpu:2", 2352), None);
        assert_eq!(find(b"anon_inode:kvm-vcpu:3", 2352), None);
    }

    #[test]
    fn socket_inodes() {
        assert_eq!(socket_inode(b"socket:[1234]"), Some(1234));
        assert_eq!(socket_inode(b"socket:[]"), None);
        assert_eq!(socket_inode(b"socket:[0]"), None);
        assert_eq!(socket_inode(b"pipe:[1234]"), None);
    }

    #[test]
    fn own_descriptors() {
        let pid = std::process::id() as i32;
        let file = std::fs::File::open("/dev/null").unwrap();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
        let mut fds = ProcFds::new(DecodeFds::ALL, false);
        fds.set_pid(pid);
        let info = fds.fd(fd).unwrap();
        assert_eq!(info.path, b"/dev/null");
        assert_eq!(
            info.detail,
            Detail::Device {
                block: false,
                major: 1,
                minor: 3
            }
        );
        let mut fds = ProcFds::new(DecodeFds::PATH, false);
        fds.set_pid(pid);
        assert_eq!(fds.fd(fd).unwrap().detail, Detail::Path);
        assert!(fds.fd(-1).is_none());
        assert!(fds.cwd().is_some());
    }
}
