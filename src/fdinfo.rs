//! What a tracee's descriptor stands for, as `-y` / `--decode-fds` shows it: its path, a
//! device's type and number, a pidfd's process, a socket's addresses.
//!
//! Decoders ask through the [`FdResolver`] trait (held by `decode::Ctx`), so they stay pure
//! functions of their inputs: the tracer passes [`ProcFds`], which reads `/proc`, tests pass
//! a fake. When `--decode-fds` selects nothing the tracer passes no resolver at all, so
//! decoding costs nothing more than before.
//!
//! The rules are strace 6.1's (`printfd_pid` in its `src/util.c`): the link
//! `/proc/PID/fd/N` is read when the value is printed (at syscall entry for arguments shown at
//! entry, at exit for return values and output arguments); then, in this order, a socket, a
//! device and a pidfd get their details when selected, and anything else its path.

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
}

impl DecodeFds {
    pub const ALL: DecodeFds = DecodeFds {
        path: true,
        socket: true,
        dev: true,
        pidfd: true,
    };
    pub const PATH: DecodeFds = DecodeFds {
        path: true,
        socket: false,
        dev: false,
        pidfd: false,
    };

    /// Parses strace's set syntax ([`crate::filter::qualify_tokens`]): `[!]NAME[,NAME]...`
    /// with `all` and `none`, names in any case.
    pub fn parse(spec: &str) -> Result<Self, String> {
        const NAMES: [(&str, u32); 4] = [("path", 1), ("socket", 2), ("dev", 4), ("pidfd", 8)];
        let bits = crate::filter::parse_names(spec, &NAMES, "decode-fds")?;
        Ok(DecodeFds {
            path: bits.contains(1),
            socket: bits.contains(2),
            dev: bits.contains(4),
            pidfd: bits.contains(8),
        })
    }

    /// Whether anything is shown beside descriptors.
    pub fn any(&self) -> bool {
        self.path || self.socket || self.dev || self.pidfd
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
}

/// Describes descriptors of the tracee being decoded.
pub trait FdResolver {
    /// What `fd` stands for, or `None` when nothing is to be shown (not open, or no selected
    /// kind applies).
    fn fd(&mut self, fd: i32) -> Option<&FdInfo>;
    /// The current directory, shown after `AT_FDCWD` when paths are selected.
    fn cwd(&mut self) -> Option<&[u8]>;
}

/// The resolver of the tracer: reads `/proc/PID/fd/N` of the process being decoded.
pub struct ProcFds {
    set: DecodeFds,
    pid: i32,
    info: FdInfo,
    cwd: Vec<u8>,
    sockets: SocketCache,
}

impl ProcFds {
    pub fn new(set: DecodeFds) -> Self {
        ProcFds {
            set,
            pid: 0,
            info: FdInfo::default(),
            cwd: Vec::new(),
            sockets: SocketCache::new(),
        }
    }

    /// The process whose descriptors are described next.
    pub fn set_pid(&mut self, pid: i32) {
        self.pid = pid;
    }
}

/// The suffix readlink gives an unlinked file (fs/d_path.c).
const DELETED: &[u8] = b" (deleted)";

/// The target of `/proc/PID/fd/FD` into `out`, with a deleted file's suffix taken off (and
/// `true` returned) only when the file at the remaining path is not the open one: a file
/// really named `x (deleted)` keeps its name.
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
    let stem = &out[..out.len() - DELETED.len()];
    let same = std::fs::symlink_metadata(std::ffi::OsStr::from_bytes(stem))
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
    let text = std::fs::read_to_string(format!("/proc/{pid}/fdinfo/{fd}")).ok()?;
    let line = text.lines().find_map(|l| l.strip_prefix("Pid:\t"))?;
    line.trim_end().parse().ok().filter(|p| *p > 0)
}

impl FdResolver for ProcFds {
    fn fd(&mut self, fd: i32) -> Option<&FdInfo> {
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
        let detail = detail
            .or_else(|| self.set.dev.then(|| device(path)).flatten())
            .or_else(|| {
                (self.set.pidfd && path.as_slice() == b"anon_inode:[pidfd]")
                    .then(|| pidfd_pid(self.pid, fd).map_or(Detail::Path, Detail::Pidfd))
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
        assert_eq!(
            DecodeFds::parse("path,all"),
            Err("invalid decode-fds 'all'".to_string())
        );
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
        let mut fds = ProcFds::new(DecodeFds::ALL);
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
        let mut fds = ProcFds::new(DecodeFds::PATH);
        fds.set_pid(pid);
        assert_eq!(fds.fd(fd).unwrap().detail, Detail::Path);
        assert!(fds.fd(-1).is_none());
        assert!(fds.cwd().is_some());
    }
}
