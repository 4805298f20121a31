//! Which process each tracee belongs to and where each process came from, for `--tree`
//! (crate::tree) and JSON's `process` and `exec` events. Nothing here runs without them: the
//! `/proc` reads are per new process, new thread and execve, never per syscall.

use super::{Tracee, Tracer};
use crate::decode::PidKind;
use crate::tree::{self, Ending, Tree};

impl Tracer {
    /// Records the process tree (`--tree`).
    pub fn set_tree(&mut self) {
        self.tree = Some(Tree::default());
    }

    /// The process tree, with the syscalls of the tracees still traced counted in.
    pub fn take_tree(&mut self) -> Option<Tree> {
        let mut tree = self.tree.take()?;
        for t in self.tracees.values() {
            tree.count(t.tgid, t.calls, t.busy);
        }
        Some(tree)
    }

    /// Whether the renderer is told of processes and execves (JSON; nothing with `-c`).
    fn tells_processes(&self) -> bool {
        self.cfg.process_events && !self.cfg.summary_only
    }

    /// Whether processes and their parents are followed at all.
    fn lineage(&self) -> bool {
        self.tree.is_some() || self.tells_processes()
    }

    /// The number `/proc` knows tracee `pid` by (another one when the tracer's `/proc` is of
    /// another pid namespace, crate::pidns).
    fn proc_pid(&mut self, pid: i32) -> i32 {
        match &mut self.pidns {
            Some(ns) if !ns.proc_is_ours() => ns.proc_id(None, pid, PidKind::Tid).unwrap_or(pid),
            _ => pid,
        }
    }

    /// Process `pid`, child of `ppid`, entered the trace.
    fn new_process(&mut self, pid: i32, ppid: i32) {
        if let Some(tree) = &mut self.tree {
            tree.add(pid, ppid);
        }
        if self.tells_processes() {
            self.render.process(pid, ppid);
        }
    }

    /// The spawned command (`attached`: false) or a process attached with `-p`: its parent is
    /// the one `/proc` names; an attached one runs the command `/proc` shows.
    pub(super) fn root_process(&mut self, pid: i32, attached: bool) {
        if !self.lineage() {
            return;
        }
        let proc_pid = self.proc_pid(pid);
        let ppid = tree::ids(proc_pid).map_or(0, |(_, ppid)| ppid);
        if let Some(t) = self.tracees.get_mut(&pid) {
            t.ppid = ppid;
        }
        self.new_process(pid, ppid);
        if attached && let Some(tree) = &mut self.tree {
            tree.command(pid, tree::cmdline(proc_pid));
        }
    }

    /// A followed child `pid` appeared: made by tracee `creator` with ptrace event `event`
    /// when the creator's event came first, else (its own first stop came first) unknown.
    /// A fork or vfork makes a process; a clone a thread or a process, which `/proc` tells.
    pub(super) fn followed(&mut self, pid: i32, creator: Option<(i32, i32)>) {
        if !self.lineage() || self.tracees.get(&pid).is_none_or(|t| t.silent) {
            return;
        }
        // The creator's process and that one's parent.
        let creator = creator.map(|(c, event)| {
            let ids = self.tracees.get(&c).map_or((c, 0), |t| (t.tgid, t.ppid));
            (ids, event)
        });
        // A thread belongs to its creator's process and has that one's parent.
        let (tgid, ppid) = match creator {
            Some(((parent, _), event)) if event != libc::PTRACE_EVENT_CLONE => (pid, parent),
            _ => {
                let proc_pid = self.proc_pid(pid);
                let ids = tree::ids(proc_pid);
                let thread = ids.is_some_and(|(tgid, _)| tgid != proc_pid);
                match (creator, ids) {
                    (Some((ids, _)), _) if thread => ids,
                    (Some(((parent, _), _)), _) => (pid, parent),
                    (None, Some(ids)) => ids,
                    (None, None) => (pid, 0),
                }
            }
        };
        if let Some(t) = self.tracees.get_mut(&pid) {
            t.tgid = tgid;
            t.ppid = ppid;
        }
        if tgid == pid {
            self.new_process(pid, ppid);
        }
    }

    /// Process `pid` ran a new program (its execve succeeded): what it runs now, from
    /// `/proc` (the old memory, where execve's arguments were, is gone).
    pub(super) fn exec_done(&mut self, pid: i32) {
        if !self.lineage() {
            return;
        }
        match self.tracees.get_mut(&pid) {
            Some(t) if !t.hidden() => t.tgid = pid,
            _ => return,
        }
        let proc_pid = self.proc_pid(pid);
        let argv = tree::cmdline(proc_pid);
        if self.tells_processes() {
            let exe = tree::exe(proc_pid);
            self.render.exec(pid, &argv, exe.as_deref());
        }
        if let Some(tree) = &mut self.tree {
            tree.command(pid, argv);
        }
    }

    /// A tracee is let go: its syscalls count into its process's now.
    pub(super) fn tracee_left(&mut self, tracee: &Tracee) {
        if let Some(tree) = &mut self.tree {
            tree.count(tracee.tgid, tracee.calls, tracee.busy);
        }
    }

    /// Tracee `pid` of process `tgid` ended or was let go: the process's end if it leads it
    /// (the kernel reports a leader's end after its other threads').
    pub(super) fn tracee_ended(&mut self, pid: i32, tgid: i32, ending: Ending) {
        if let Some(tree) = &mut self.tree
            && tgid == pid
        {
            tree.end(pid, ending);
        }
    }
}
