//! `-P PATH` (`--trace-path`): show only the syscalls that touch a path, and `--trace-fds=SET`
//! (not in strace 6.1): show only the syscalls whose descriptor arguments are in SET.
//!
//! Which arguments count comes from the syscall table, not from a list of syscalls: of a call
//! in the `file`, `desc` or `network` classes (strace's rule), every argument of kind `path`
//! is read and compared, every `fd`, `dirfd` or `fan_dirfd` is resolved through
//! `/proc/PID/fd/N` and compared, and `fsconfig`'s value and `aux` count when its command makes
//! them a path and a descriptor. The arguments the spec marks `pathtrace = false` never count:
//! those of the calls strace lists as having nothing to test (`accept`, `signalfd`,
//! `timerfd_*`, `fsmount`, the `mq_*` calls, `fsconfig`'s file system descriptor). A call the
//! table does not decode yet is judged by its first argument, a path for the `file` class and
//! a descriptor for the others, which is strace's own fallback. strace decides at syscall
//! entry, so a call that returns a descriptor to the path (`openat`) shows because of its path
//! argument, and later calls because their descriptor resolves to it.
//!
//! Known differences from strace 6.1, which lists some calls by name: it ignores `rename`'s
//! new path and the target of `symlink`/`symlinkat`; it matches a few calls that have
//! descriptors or paths past the first argument (`sendfile`, `splice`, `tee`,
//! `copy_file_range`, `epoll_ctl`, `poll`/`select` sets, `mount`, `pivot_root`, `quotactl`)
//! that the table does not decode yet; and it never matches the undecoded calls of its list
//! (`perf_event_open`, `bpf`, `io_uring_*`, `userfaultfd`), which are judged here by their
//! first argument.

use crate::decode::{Call, fsconfig};
use crate::fdinfo;
use crate::mem::Memory;
use crate::table::PATH_MAX;
use crate::table::{CLASS_NAMES, Kind, Len};

/// The `-P` paths: each as given, and its canonical form when that differs.
#[derive(Debug, Default, Clone)]
pub struct PathSet {
    paths: Vec<Vec<u8>>,
}

impl PathSet {
    /// Adds `path` and, when it resolves to another name, that name too; returns the
    /// resolved name in that case, for strace's `Requested path ... resolved into ...` note.
    pub fn add(&mut self, path: &[u8]) -> Option<Vec<u8>> {
        use std::os::unix::ffi::OsStrExt;
        self.insert(path.to_vec());
        let real = std::fs::canonicalize(std::ffi::OsStr::from_bytes(path)).ok()?;
        let real = real.as_os_str().as_bytes();
        if real == path {
            return None;
        }
        self.insert(real.to_vec());
        Some(real.to_vec())
    }

    fn insert(&mut self, path: Vec<u8>) {
        if !self.paths.contains(&path) {
            self.paths.push(path);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    fn contains(&self, path: &[u8]) -> bool {
        self.paths.iter().any(|p| p == path)
    }
}

/// `--trace-fds=SET`: descriptor numbers, comma separated, `!` before the list negating it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FdSet {
    fds: Vec<i32>,
    negated: bool,
}

impl FdSet {
    pub fn parse(spec: &str) -> Result<Self, String> {
        let (negated, list) = match spec.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, spec),
        };
        let fds = list
            .split(',')
            .map(|w| match w.parse::<i32>() {
                Ok(fd) if fd >= 0 => Ok(fd),
                _ => Err(format!("invalid descriptor '{w}' in --trace-fds '{spec}'")),
            })
            .collect::<Result<_, _>>()?;
        Ok(FdSet { fds, negated })
    }

    fn contains(&self, fd: i32) -> bool {
        self.fds.contains(&fd) != self.negated
    }
}

/// How an argument takes part in the match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Fd,
    Path,
}

/// The class bits of strace's `TRACE_FILE`, `TRACE_DESC`, `TRACE_NETWORK`.
fn class_bit(name: &str) -> u32 {
    CLASS_NAMES
        .iter()
        .position(|c| *c == name)
        .map_or(0, |i| 1 << i)
}

/// Calls every `visit(role, value)` for the arguments of `call` that name a file, until one
/// returns true; returns whether one did.
fn any_arg(call: &Call, mut visit: impl FnMut(Role, u64) -> bool) -> bool {
    let Some(desc) = call.desc else {
        return false;
    };
    let (file, others) = (class_bit("file"), class_bit("desc") | class_bit("network"));
    if desc.classes & (file | others) == 0 {
        return false;
    }
    let mut decoded = false;
    for (i, arg) in desc.args.iter().enumerate() {
        let role = match arg.kind {
            Kind::Hex => continue,
            // strace skips the descriptors and paths of the calls it lists as having none to
            // test (the spec's `pathtrace = false`).
            _ if !arg.pathtrace => None,
            Kind::Fd | Kind::Dirfd | Kind::FanDirfd => Some(Role::Fd),
            Kind::Path => Some(Role::Path),
            // fsconfig's value is a path, and its aux a descriptor, for some commands.
            Kind::FsconfigValue if fsconfig::value_is_path(call) => Some(Role::Path),
            Kind::FsconfigAux if fsconfig::aux_is_fd(call) => Some(Role::Fd),
            _ => None,
        };
        decoded = true;
        let Some(role) = role else {
            continue;
        };
        if visit(role, call.args[i]) {
            return true;
        }
    }
    if decoded || desc.args.is_empty() {
        return false;
    }
    // Not decoded yet: strace's fallback, the first argument.
    let role = if desc.classes & file != 0 {
        Role::Path
    } else {
        Role::Fd
    };
    visit(role, call.args[0])
}

/// Whether `call` (at entry) touches a path of `paths`: `mem` reads its path arguments,
/// `fd_path` resolves a descriptor of the tracee to its path.
pub fn matches_paths<M: Memory>(
    call: &Call,
    paths: &PathSet,
    mem: &M,
    mut fd_path: impl FnMut(i32) -> Option<Vec<u8>>,
) -> bool {
    let mut buf = vec![0u8; PATH_MAX + 1];
    let named = any_arg(call, |role, v| match role {
        Role::Fd => fd_path(v as i32).is_some_and(|p| paths.contains(&p)),
        Role::Path => match mem.read_cstr(v, &mut buf) {
            Ok(s) if s.found_nul => paths.contains(&buf[..s.len]),
            _ => false,
        },
    });
    named
        || inner_fds(call, mem, |fd| {
            fd_path(fd).is_some_and(|p| paths.contains(&p))
        })
}

/// Calls `visit` for the descriptors a call names inside what its arguments point to, as
/// strace's pathtrace reads them: `poll`'s and `ppoll`'s pollfd array (its length the argument
/// its `len` names), the descriptors set in `select`'s and `pselect6`'s fd sets below `nfds` (`by`). Stops
/// where memory cannot be read, or at the first `visit` that returns true (the result).
fn inner_fds<M: Memory>(call: &Call, mem: &M, mut visit: impl FnMut(i32) -> bool) -> bool {
    // strace reads at most this many pollfds; a larger count is the kernel's to refuse.
    const MAX_POLLFDS: u64 = 1 << 20;
    let Some(desc) = call.desc else {
        return false;
    };
    for (i, arg) in desc.args.iter().enumerate() {
        let addr = call.args[i];
        match arg.kind {
            // The array's length and the sets' nfds are the arguments the table names.
            Kind::Pollfds => {
                let Some(Len::Arg(len)) = arg.len else {
                    continue;
                };
                let count = u64::from(call.args[usize::from(len)] as u32).min(MAX_POLLFDS);
                for k in 0..count {
                    let mut fd = [0u8; 4];
                    let at = addr.checked_add(k * 8);
                    if at.is_none_or(|at| mem.read(at, &mut fd).is_err()) {
                        break;
                    }
                    if visit(i32::from_ne_bytes(fd)) {
                        return true;
                    }
                }
            }
            Kind::FdSet if addr != 0 => {
                let Some(by) = arg.by else {
                    continue;
                };
                // The set is read whole, as strace reads it: one that cannot be is skipped.
                let nfds = (call.args[usize::from(by)] as i32).clamp(0, 1 << 20) as u64;
                let words: Option<Vec<u64>> = (0..nfds.div_ceil(64))
                    .map(|w| addr.checked_add(w * 8).and_then(|at| mem.read_u64(at).ok()))
                    .collect();
                for (w, bits) in words.unwrap_or_default().into_iter().enumerate() {
                    let first = w as u64 * 64;
                    let set = (0..64).filter(|b| bits & (1 << b) != 0).map(|b| first + b);
                    for fd in set.take_while(|fd| *fd < nfds) {
                        if visit(fd as i32) {
                            return true;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether `call` has a descriptor argument in `fds`.
pub fn matches_fds(call: &Call, fds: &FdSet) -> bool {
    any_arg(call, |role, v| {
        role == Role::Fd && (v as i32) >= 0 && fds.contains(v as i32)
    })
}

/// The path of descriptor `fd` of process `pid`, as `-P` compares it.
pub fn proc_fd_path(pid: i32, fd: i32) -> Option<Vec<u8>> {
    let mut path = Vec::new();
    fdinfo::fd_path(pid, fd, &mut path)?;
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mem::FakeMemory;

    const NR_READ: u64 = 0;
    const NR_CLOSE: u64 = 3;
    const NR_OPENAT: u64 = 257;
    const NR_EXIT_GROUP: u64 = 231;
    const NR_SOCKET: u64 = 41;
    const NR_CONNECT: u64 = 42;
    const NR_RENAME: u64 = 82;
    const AT_FDCWD: u64 = -100i64 as u64;

    fn set(paths: &[&str]) -> PathSet {
        let mut s = PathSet::default();
        for p in paths {
            s.insert(p.as_bytes().to_vec());
        }
        s
    }

    fn fake_fds(fd: i32) -> Option<Vec<u8>> {
        match fd {
            3 => Some(b"/etc/passwd".to_vec()),
            4 => Some(b"/etc/hostname".to_vec()),
            _ => None,
        }
    }

    fn check(nr: u64, args: [u64; 6], mem: &FakeMemory) -> bool {
        matches_paths(
            &Call::new(nr, args, 0),
            &set(&["/etc/passwd"]),
            mem,
            fake_fds,
        )
    }

    /// `-P` looks into poll's pollfd array and select's fd sets, as strace's pathtrace.
    #[test]
    fn descriptors_inside_structures() {
        const POLL: u64 = 7;
        const SELECT: u64 = 23;
        // pollfds {4, ...}, {3, ...}: the second is /etc/passwd.
        let pollfds = [4i32, 1, 3, 1].map(i32::to_ne_bytes).concat();
        let mem = FakeMemory::new()
            .with(0x1000, &pollfds)
            .with(0x2000, &(1u64 << 4).to_ne_bytes())
            .with(0x3000, &(1u64 << 3).to_ne_bytes());
        assert!(check(POLL, [0x1000, 2, 0, 0, 0, 0], &mem));
        assert!(!check(POLL, [0x1000, 1, 0, 0, 0, 0], &mem));
        // select(nfds, readfds, writefds, exceptfds): fd 3 is in the write set, below nfds.
        assert!(check(SELECT, [5, 0x2000, 0x3000, 0, 0, 0], &mem));
        assert!(!check(SELECT, [3, 0x2000, 0x3000, 0, 0, 0], &mem));
        // A set that cannot be read whole is skipped.
        assert!(!check(SELECT, [5, 0x2000, 0x9000, 0, 0, 0], &mem));
    }

    #[test]
    fn paths_and_descriptors() {
        let mem = FakeMemory::new()
            .with(0x1000, b"/etc/passwd\0")
            .with(0x2000, b"/etc/hostname\0");
        assert!(check(NR_OPENAT, [AT_FDCWD, 0x1000, 0, 0, 0, 0], &mem));
        assert!(!check(NR_OPENAT, [AT_FDCWD, 0x2000, 0, 0, 0, 0], &mem));
        // Unreadable path, descriptor to the path as dirfd.
        assert!(!check(NR_OPENAT, [AT_FDCWD, 0x9000, 0, 0, 0, 0], &mem));
        assert!(check(NR_OPENAT, [3, 0x2000, 0, 0, 0, 0], &mem));
        assert!(check(NR_READ, [3, 0x2000, 10, 0, 0, 0], &mem));
        assert!(!check(NR_READ, [4, 0x1000, 10, 0, 0, 0], &mem));
        assert!(check(NR_CLOSE, [3, 0, 0, 0, 0, 0], &mem));
        assert!(!check(NR_CLOSE, [-1i64 as u64, 0, 0, 0, 0, 0], &mem));
        // Not a file, descriptor or network call.
        assert!(!check(NR_EXIT_GROUP, [3, 0, 0, 0, 0, 0], &mem));
        assert!(check(NR_RENAME, [0x1000, 0x2000, 0, 0, 0, 0], &mem));
    }

    #[test]
    fn undecoded_calls_by_first_argument() {
        let mem = FakeMemory::new();
        // Table entries without argument kinds are judged by their first argument.
        if crate::table::syscall(NR_CONNECT)
            .is_some_and(|d| d.args.iter().all(|a| matches!(a.kind, Kind::Hex)))
        {
            assert!(check(NR_CONNECT, [3, 0, 0, 0, 0, 0], &mem));
            assert!(!check(NR_CONNECT, [4, 0, 0, 0, 0, 0], &mem));
        }
        let _ = NR_SOCKET;
    }

    /// strace's pathtrace skips the descriptors and paths of some calls (the spec's `pathtrace
    /// = false`), follows fsconfig's value and aux by command, and fanotify_mark's directory.
    #[test]
    fn calls_strace_lists_apart() {
        const NR_ACCEPT: u64 = 43;
        const NR_MQ_OPEN: u64 = 240;
        const NR_MQ_TIMEDSEND: u64 = 242;
        const NR_FANOTIFY_MARK: u64 = 301;
        const NR_FSCONFIG: u64 = 431;
        const NR_FSMOUNT: u64 = 432;
        let mem = FakeMemory::new()
            .with(0x1000, b"/etc/passwd\0")
            .with(0x2000, b"key\0");
        assert!(!check(NR_ACCEPT, [3, 0, 0, 0, 0, 0], &mem));
        assert!(!check(NR_MQ_OPEN, [0x1000, 0, 0, 0, 0, 0], &mem));
        assert!(!check(NR_MQ_TIMEDSEND, [3, 0, 0, 0, 0, 0], &mem));
        assert!(!check(NR_FSMOUNT, [3, 0, 0, 0, 0, 0], &mem));
        // fsconfig(fs_fd, cmd, key, value, aux): never by fs_fd.
        let fsconfig = |cmd: u64, value: u64, aux: u64| {
            check(NR_FSCONFIG, [3, cmd, 0x2000, value, aux, 0], &mem)
        };
        assert!(!fsconfig(0, 0x1000, 3));
        assert!(!fsconfig(1, 0x1000, 3));
        assert!(!fsconfig(2, 0x1000, 3));
        assert!(fsconfig(3, 0x1000, AT_FDCWD));
        assert!(fsconfig(4, 0x2000, 3));
        assert!(!fsconfig(4, 0x2000, 4));
        assert!(fsconfig(5, 0x2000, 3));
        assert!(!fsconfig(5, 0x1000, 4));
        assert!(!fsconfig(6, 0x1000, 3));
        // fanotify_mark(fd, flags, mask, dirfd, path): the directory and the path.
        let mark = |fd: u64, dirfd: u64, path: u64| {
            check(NR_FANOTIFY_MARK, [fd, 0, 0, dirfd, path, 0], &mem)
        };
        assert!(mark(4, 3, 0x2000));
        assert!(mark(4, -1i64 as u64, 0x1000));
        assert!(mark(3, -1i64 as u64, 0x2000));
        assert!(!mark(4, AT_FDCWD, 0x2000));
    }

    #[test]
    fn descriptor_sets() {
        let fds = FdSet::parse("3,5").unwrap();
        assert!(matches_fds(
            &Call::new(NR_READ, [3, 0, 0, 0, 0, 0], 0),
            &fds
        ));
        assert!(!matches_fds(
            &Call::new(NR_READ, [4, 0, 0, 0, 0, 0], 0),
            &fds
        ));
        assert!(matches_fds(
            &Call::new(NR_OPENAT, [5, 0, 0, 0, 0, 0], 0),
            &fds
        ));
        assert!(!matches_fds(
            &Call::new(NR_OPENAT, [AT_FDCWD, 0, 0, 0, 0, 0], 0),
            &fds
        ));
        let not3 = FdSet::parse("!3").unwrap();
        assert!(!matches_fds(
            &Call::new(NR_READ, [3, 0, 0, 0, 0, 0], 0),
            &not3
        ));
        assert!(matches_fds(
            &Call::new(NR_READ, [4, 0, 0, 0, 0, 0], 0),
            &not3
        ));
        assert!(FdSet::parse("x").is_err());
        assert!(FdSet::parse("").is_err());
    }
}
