//! `--decode-pids=pidns` (`--pidns-translation`): a pid as a tracee sees it, in its own pid
//! namespace, translated into the tracer's namespace, which strace shows beside it
//! (`1 /* 4242 in strace's PID NS */`).
//!
//! The kernel says for every task which namespace it is in (`/proc/T/ns/pid`, an inode), the
//! chain of namespaces above it (`ioctl(NS_GET_PARENT)`, up to the tracer's own: above it the
//! kernel answers EPERM), and its ids in each of them, from `/proc`'s namespace down to its
//! own (the `NSpid:`, `NStgid:`, `NSpgid:` and `NSsid:` lines of `/proc/T/status`). A pid `id`
//! of a tracee in namespace `ns` belongs to the task whose id at the level of `ns` is `id`;
//! its id at the level of the tracer's namespace is the translation. Only `/proc` can tell
//! which task that is, so it is searched, and what was found is remembered (and checked
//! again when used: pids are reused).
//!
//! `/proc` may belong to another namespace than the tracer's (strace's suite runs it under
//! `unshare --pid` with the outer `/proc`): then the tracer's own pids are not `/proc`'s
//! either, and a tracee's entry is found the same way, by its id in the tracer's namespace.

use crate::comm::Comm;
use crate::decode::{PidKind, PidNote, PidResolver};
use std::collections::HashMap;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

/// `NS_GET_PARENT` (<linux/nsfs.h>): `_IO(0xb7, 0x2)`.
const NS_GET_PARENT: libc::c_ulong = 0xb702;
/// strace looks no deeper (nor does the kernel nest pid namespaces deeper than 32).
const MAX_DEPTH: usize = 32;

/// What `/proc` says of one task: its namespaces, innermost (its own) first, up to the
/// tracer's; and its ids of one kind, outermost (`/proc`'s namespace) first.
struct Task {
    chain: Vec<u64>,
    ids: Vec<i32>,
}

impl Task {
    fn read(dir: &str, kind: PidKind) -> Option<Task> {
        let chain = ns_chain(&format!("{dir}/ns/pid"))?;
        let status = std::fs::read_to_string(format!("{dir}/status")).ok()?;
        let line = status
            .lines()
            .find_map(|l| l.strip_prefix(kind.status_key()))?;
        let ids: Vec<i32> = line
            .split_whitespace()
            .map(|w| w.parse().ok())
            .collect::<Option<_>>()?;
        (!chain.is_empty() && ids.len() >= chain.len()).then_some(Task { chain, ids })
    }

    /// Its id in namespace `ns`, if `ns` is one of its chain.
    fn id_in(&self, ns: u64) -> Option<i32> {
        let level = self.chain.iter().position(|n| *n == ns)?;
        self.ids.get(self.ids.len() - 1 - level).copied()
    }

    /// Its id in the tracer's namespace: the outermost of its chain.
    fn our_id(&self) -> i32 {
        self.ids[self.ids.len() - self.chain.len()]
    }
}

/// The namespace inodes from the one `path` names up to the tracer's.
fn ns_chain(path: &str) -> Option<Vec<u64>> {
    let file = std::fs::File::open(path).ok()?;
    let mut fd: OwnedFd = file.into();
    let mut chain = Vec::new();
    while chain.len() < MAX_DEPTH {
        // SAFETY: `st` is plain data that fstat fills; `fd` is open.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd.as_raw_fd(), &mut st) } != 0 {
            break;
        }
        chain.push(st.st_ino);
        // SAFETY: NS_GET_PARENT takes no argument and returns a new descriptor or -1.
        let parent = unsafe { libc::ioctl(fd.as_raw_fd(), NS_GET_PARENT) };
        if parent < 0 {
            break;
        }
        // SAFETY: the kernel just opened `parent` for us; nothing else owns it.
        fd = unsafe { OwnedFd::from_raw_fd(parent) };
    }
    Some(chain)
}

/// Whether `/proc` names processes as the tracer does: its `self` link is the tracer's own pid
/// (one readlink, where [`PidNs::new`] reads the namespace chain and the status file).
pub fn proc_is_ours() -> bool {
    std::fs::read_link("/proc/self")
        .ok()
        .and_then(|p| p.to_str()?.parse::<u32>().ok())
        == Some(std::process::id())
}

/// The tracer's side of the translation: its own namespace, and what was found before.
pub struct PidNs {
    ours: u64,
    /// `/proc` is of the tracer's namespace: a tracee's entry is `/proc/PID`.
    proc_ours: bool,
    /// Each tracee's namespace, by its pid in the tracer's namespace.
    tracee_ns: HashMap<i32, u64>,
    /// Where a (namespace, kind, id) was found: the `/proc` directory of its task.
    found: HashMap<(u64, PidKind, i32), String>,
}

impl PidNs {
    /// `None` when the kernel gives no namespace of the tracer's.
    pub fn new() -> Option<PidNs> {
        let ours = *ns_chain("/proc/self/ns/pid")?.first()?;
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let depth = status
            .lines()
            .find_map(|l| l.strip_prefix("NSpid:"))
            .map_or(1, |l| l.split_whitespace().count());
        Some(PidNs {
            ours,
            proc_ours: depth <= 1,
            tracee_ns: HashMap::new(),
            found: HashMap::new(),
        })
    }

    /// `id`, of `kind`, as process `tracee` (a pid of the tracer's namespace) sees it, in the
    /// tracer's namespace; `None` when no task has it.
    pub fn translate(&mut self, tracee: i32, id: i32, kind: PidKind) -> Option<i32> {
        if id <= 0 {
            return None;
        }
        let ns = self.ns_of(tracee)?;
        if ns == self.ours && self.proc_ours {
            return Some(id);
        }
        self.find(ns, kind, id).map(|(_, task)| task.our_id())
    }

    /// Whether `/proc` is of the tracer's namespace: its entries are then the tracer's pids.
    pub fn proc_is_ours(&self) -> bool {
        self.proc_ours
    }

    /// The id in `/proc`'s namespace of the task with `id` of `kind`: as tracee `tracee` sees
    /// it, or with `None` as the tracer does. `None` when no task has it.
    pub fn proc_id(&mut self, tracee: Option<i32>, id: i32, kind: PidKind) -> Option<i32> {
        if id <= 0 {
            return None;
        }
        let ns = match tracee {
            Some(t) => self.ns_of(t)?,
            None => self.ours,
        };
        if ns == self.ours && self.proc_ours {
            return Some(id);
        }
        self.find(ns, kind, id)
            .and_then(|(_, task)| task.ids.first().copied())
    }

    /// The namespace of tracee `pid`.
    fn ns_of(&mut self, pid: i32) -> Option<u64> {
        if let Some(ns) = self.tracee_ns.get(&pid) {
            return Some(*ns);
        }
        let dir = if self.proc_ours {
            format!("/proc/{pid}")
        } else {
            self.find(self.ours, PidKind::Tid, pid)?.0
        };
        let ns = *ns_chain(&format!("{dir}/ns/pid"))?.first()?;
        self.tracee_ns.insert(pid, ns);
        Some(ns)
    }

    /// Forgets a tracee that is gone (its pid may come back as another process).
    pub fn forget(&mut self, pid: i32) {
        self.tracee_ns.remove(&pid);
    }

    /// The task whose id of `kind` in namespace `ns` is `id`: where it was found last time if
    /// that still holds, else a walk of `/proc` (thread directories for thread ids).
    fn find(&mut self, ns: u64, kind: PidKind, id: i32) -> Option<(String, Task)> {
        let key = (ns, kind, id);
        if let Some(dir) = self.found.get(&key)
            && let Some(task) = Task::read(dir, kind)
            && task.id_in(ns) == Some(id)
        {
            return Some((dir.clone(), task));
        }
        let hit = walk_proc(kind == PidKind::Tid, |dir| {
            let task = Task::read(dir, kind)?;
            (task.id_in(ns) == Some(id)).then_some(task)
        });
        match hit {
            Some((dir, task)) => {
                self.found.insert(key, dir.clone());
                Some((dir, task))
            }
            None => {
                self.found.remove(&key);
                None
            }
        }
    }
}

/// Calls `check` on every process directory of `/proc` (and with `threads` every thread's
/// under it) until it finds something.
fn walk_proc<T>(threads: bool, mut check: impl FnMut(&str) -> Option<T>) -> Option<(String, T)> {
    let numbered = |dir: &str| -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(String::from))
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            .collect()
    };
    for pid in numbered("/proc") {
        let dir = format!("/proc/{pid}");
        if threads {
            let tasks = format!("{dir}/task");
            for tid in numbered(&tasks) {
                let tdir = format!("{tasks}/{tid}");
                if let Some(t) = check(&tdir) {
                    return Some((tdir, t));
                }
            }
        } else if let Some(t) = check(&dir) {
            return Some((dir, t));
        }
    }
    None
}

/// The notes of the pids one tracee passes or gets: `-Y`'s names (of processes and threads,
/// not groups, as strace) and `--decode-pids=pidns`'s translations.
pub struct PidNotes<'a> {
    pub comm: bool,
    /// `--decode-pids=pidns`: pids of another namespace are noted in the tracer's.
    pub translate: bool,
    /// The namespaces, when translations are shown or `/proc` is not the tracer's.
    pub ns: Option<&'a mut PidNs>,
    pub tracee: i32,
}

impl PidResolver for PidNotes<'_> {
    fn note(&mut self, id: i32, kind: PidKind) -> PidNote {
        let translated = match self.ns.as_deref_mut() {
            Some(ns) if self.translate => ns.translate(self.tracee, id, kind),
            _ => None,
        };
        // Only a pid that differs is noted.
        let tracer_pid = translated.filter(|p| *p != id);
        let named = matches!(kind, PidKind::Tid | PidKind::Tgid);
        let comm = (self.comm && named)
            .then(|| Comm::of(translated.unwrap_or(id).into()))
            .flatten();
        PidNote { comm, tracer_pid }
    }

    fn proc_pid(&mut self, id: i32, kind: PidKind) -> Option<i32> {
        match self.ns.as_deref_mut() {
            Some(ns) => ns.proc_id(Some(self.tracee), id, kind),
            None => (id > 0).then_some(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In the tracer's own namespace a pid is itself, of whatever kind; a pid no task has
    /// is not translated.
    #[test]
    fn own_namespace_is_the_identity() {
        let mut ns = PidNs::new().expect("pid namespace");
        let me = std::process::id() as i32;
        if ns.proc_ours {
            assert_eq!(ns.translate(me, me, PidKind::Tgid), Some(me));
        }
        assert_eq!(ns.translate(me, 0, PidKind::Tgid), None);
        assert_eq!(ns.translate(me, -5, PidKind::Pgid), None);
    }

    /// The one-readlink check agrees with what the namespace chain and the status file say.
    #[test]
    fn proc_is_ours_agrees_with_the_namespaces() {
        let ns = PidNs::new().expect("pid namespace");
        assert_eq!(proc_is_ours(), ns.proc_is_ours());
    }

    #[test]
    fn a_task_reads_its_own_ids() {
        let me = std::process::id() as i32;
        let task = Task::read("/proc/self", PidKind::Tgid).expect("own status");
        let ours = *ns_chain("/proc/self/ns/pid").unwrap().first().unwrap();
        assert_eq!(task.id_in(ours), Some(me));
        assert_eq!(task.our_id(), me);
    }
}
