//! The tracer loop: waits for stops, keeps the state of each tracee, and turns stops into lines.

use crate::decode::{self, Call, Ctx, DecodeOpts, Outcome, Scratch};
use crate::fdinfo::{DecodeFds, FdResolver, ProcFds};
use crate::filter::{NameSet, Qualifiers, quiet, status};
use crate::mem::TraceeMemory;
use crate::pathtrace::{self, FdSet, PathSet};
use crate::ptrace::{self, Stop, SyscallInfo};
use crate::render::{End, Exit, Origin, Render};
use crate::seccomp;
use crate::signals;
use crate::stamp::Precision;
use crate::summary::Summary;
use nix::errno::Errno;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// `__NR_execve` and `__NR_execveat` (asm/unistd_64.h): a spawned child is traced from its exec on.
const NR_EXECVE: u64 = 59;
const NR_EXECVEAT: u64 = 322;

/// The settings the loop needs.
pub struct Config {
    pub decode: DecodeOpts,
    /// `-e trace=`, `status=`, `signal=`, `quiet=`, `raw=`, `abbrev=`.
    pub q: Qualifiers,
    /// `-T`: show the time spent in each syscall, with this precision.
    pub syscall_times: Option<Precision>,
    /// `-n`: lines start with the syscall number.
    pub show_nr: bool,
    /// `-i`: lines start with the instruction pointer.
    pub show_ip: bool,
    /// `-c`: count syscalls (see `Tracer::set_summary`) and print no trace.
    pub summary_only: bool,
    /// `-y` / `--decode-fds`: what is shown beside descriptors.
    pub decode_fds: DecodeFds,
    /// `-P`: only syscalls touching these paths are shown (all when empty).
    pub paths: PathSet,
    /// `--trace-fds`: only syscalls with a descriptor argument in this set are shown.
    pub trace_fds: Option<FdSet>,
    /// The spawned command gets the seccomp filter of `trace` (`--seccomp-bpf`, crate::seccomp).
    pub seccomp: bool,
}

#[derive(Default)]
struct Tracee {
    /// The syscall whose entry was seen and whose exit was not.
    in_syscall: Option<Call>,
    /// That syscall is left out by `-e trace=`.
    filtered: bool,
    /// A spawned child prints nothing until its first execve (the tracer's own fork/stop dance),
    /// and nothing but its end after that execve failed (the tracer's own error exit).
    hidden: bool,
    /// The spawned child's first execve is in progress.
    first_exec: bool,
    /// Past the spawned child's first execve (or not spawned): its end is reported.
    exec_started: bool,
    /// Its first stop (the attach stop of a followed child) is still to come.
    fresh: bool,
    /// The number of the last syscall entered, for `restart_syscall`'s note.
    previous_nr: u64,
    /// When the syscall in progress was entered, for `-T`.
    entered: Option<Instant>,
    /// The instruction pointer at the last stop, for `-i`.
    ip: Option<u64>,
    /// When it was registered: tracees are detached in that order, as strace does.
    seq: u64,
    /// `-c`/`-C`: the summary's mark (`Summary::mark`) at the entry of the syscall in progress.
    mark: Duration,
    /// It runs under the seccomp filter: between syscalls it is resumed with `PTRACE_CONT`
    /// and stops only at the traced ones (`PTRACE_EVENT_SECCOMP`, then the exit stop).
    cont: bool,
}

/// How the traced command ended, for the tracer's own exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Exited(i32),
    Killed {
        sig: i32,
        core: bool,
    },
    /// The tracer was stopped by this signal and detached.
    Interrupted(i32),
}

pub struct Tracer {
    cfg: Config,
    render: Box<dyn Render>,
    tracees: HashMap<i32, Tracee>,
    mem: TraceeMemory,
    scratch: Scratch,
    /// The spawned command, whose end is the tracer's exit status.
    main_pid: Option<i32>,
    ending: Option<Ending>,
    /// The order tracees were registered in (`Tracee::seq`).
    next_seq: u64,
    /// `-e read=` or `-e write=` asks for hex dumps.
    dumping: bool,
    /// `-c`/`-C`: the syscall counters.
    summary: Option<Summary>,
    /// The system time the last stopped tracee has used (only waited for with a summary).
    stime: Duration,
    /// Describes descriptors when `-y` asks for it; `None` otherwise (no lookups at all).
    fds: Option<ProcFds>,
    /// Some tracee was attached with `-p` (and has no filter).
    attached_any: bool,
    /// Every tracee descends from the spawned command, which runs under the filter: a new one
    /// is filtered from its first moment, since children and threads inherit the filter.
    all_filtered: bool,
}

impl Tracer {
    pub fn new(cfg: Config, render: Box<dyn Render>) -> Self {
        let dumping = !cfg.q.read_dumps.is_empty() || !cfg.q.write_dumps.is_empty();
        let fds = cfg.decode_fds.any().then(|| ProcFds::new(cfg.decode_fds));
        Tracer {
            fds,
            cfg,
            render,
            tracees: HashMap::new(),
            mem: TraceeMemory::new(0),
            scratch: Scratch::new(),
            main_pid: None,
            ending: None,
            next_seq: 0,
            dumping,
            summary: None,
            stime: Duration::ZERO,
            attached_any: false,
            all_filtered: false,
        }
    }

    /// The renderer, for what is written before and after tracing (`-ff` files, summaries).
    pub fn render(&mut self) -> &mut dyn Render {
        self.render.as_mut()
    }

    /// Writes out everything.
    pub fn finish(&mut self) {
        self.render.finish();
    }

    /// Counts every traced syscall into `summary` (`-c`, `-C`).
    pub fn set_summary(&mut self, summary: Summary) {
        self.summary = Some(summary);
    }

    pub fn take_summary(&mut self) -> Option<Summary> {
        self.summary.take()
    }

    /// Registers a child made by `ptrace::spawn`.
    pub fn add_spawned(&mut self, pid: i32) {
        self.main_pid = Some(pid);
        let tracee = Tracee {
            hidden: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
    }

    /// Registers an attached (seized and interrupted) thread.
    pub fn add_attached(&mut self, pid: i32) {
        self.attached_any = true;
        let tracee = Tracee {
            exec_started: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
    }

    /// Announces process `pid`, attached with `threads` threads (unless quiet).
    pub fn announce_attached(&mut self, pid: i32, threads: usize) {
        if !self.cfg.q.quiet.contains(quiet::ATTACH) {
            self.render.attached(pid, threads);
        }
    }

    fn register(&mut self, pid: i32, tracee: Tracee) {
        self.next_seq += 1;
        self.tracees.insert(
            pid,
            Tracee {
                seq: self.next_seq,
                ..tracee
            },
        );
    }

    /// Runs until no tracee is left, or until a fatal signal (`-I`, crate::signals) makes the
    /// tracer leave them all as strace does: the spawned command is sent the signal, and every
    /// tracee is detached at once (a command that ignores the signal runs on, untraced).
    pub fn run(&mut self) -> Ending {
        let stime = self.summary.is_some();
        while !self.tracees.is_empty() {
            let sig = signals::take_interrupt();
            if sig != 0 {
                self.leave_all(sig);
                return Ending::Interrupted(sig);
            }
            let waited = match ptrace::poll_any(stime) {
                Ok(Some(found)) => Ok(found),
                Ok(None) => {
                    // Nothing in hand: whoever reads the trace sees everything up to now.
                    self.render.flush();
                    if signals::interrupted() {
                        continue;
                    }
                    ptrace::wait_any(stime)
                }
                Err(e) => Err(e),
            };
            match waited {
                Ok((stop, spent)) => {
                    self.stime = spent;
                    self.handle(stop);
                }
                Err(Errno::EINTR) => continue,
                Err(_) => break,
            }
        }
        self.ending.unwrap_or(Ending::Exited(0))
    }

    /// Who an event of `pid` is about: its pid, how many processes are traced, and its last
    /// syscall number and instruction pointer when `-n`/`-i` show them.
    fn origin(&self, pid: i32) -> Origin {
        let tracee = (self.cfg.show_nr || self.cfg.show_ip)
            .then(|| self.tracees.get(&pid))
            .flatten();
        Origin {
            pid,
            nprocs: self.tracees.len(),
            nr: tracee.filter(|_| self.cfg.show_nr).map(|t| t.previous_nr),
            ip: self.cfg.show_ip.then(|| tracee.and_then(|t| t.ip)),
        }
    }

    fn handle(&mut self, stop: Stop) {
        match stop {
            Stop::Syscall { pid } => {
                self.adopt_if_new(pid);
                self.on_syscall(pid);
                self.resume(pid, 0);
            }
            Stop::Signal { pid, sig } => {
                self.adopt_if_new(pid);
                self.on_signal(pid, sig);
                self.resume(pid, sig);
            }
            Stop::Event { pid, event, sig } => {
                self.adopt_if_new(pid);
                self.on_event(pid, event, sig);
            }
            Stop::Exited { pid, code } => self.on_gone(pid, End::Exited(code)),
            Stop::Killed { pid, sig, core } => self.on_gone(pid, End::Killed { sig, core }),
        }
    }

    /// Resumes a tracee; ESRCH means it is gone, which its exit event will report. A filtered
    /// tracee between syscalls runs on until the filter stops it; inside a syscall it is
    /// resumed to its exit stop.
    fn resume(&mut self, pid: i32, sig: i32) {
        let free = self
            .tracees
            .get(&pid)
            .is_some_and(|t| t.cont && t.in_syscall.is_none());
        let _ = if free {
            ptrace::cont(pid, sig)
        } else {
            ptrace::resume(pid, sig)
        };
    }

    /// A stop of a process not known yet is a followed child whose attach stop arrived before
    /// its parent's fork event (the kernel does not order the two).
    fn adopt_if_new(&mut self, pid: i32) {
        if !self.tracees.contains_key(&pid) {
            self.adopt(pid, self.all_filtered);
        }
    }

    /// Starts tracing a child the kernel attached because its parent is traced with `-f`.
    fn adopt(&mut self, pid: i32, cont: bool) {
        let tracee = Tracee {
            fresh: true,
            cont,
            exec_started: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
        // Announced unless quiet: strace's default `-q` for `-o FILE PROG` leaves it out.
        self.announce_attached(pid, 1);
    }

    fn on_event(&mut self, pid: i32, event: i32, sig: i32) {
        match event {
            libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE => {
                if let Ok(child) = ptrace::event_msg(pid) {
                    let child = child as i32;
                    // The child has its parent's filter (or none), whichever stop came first.
                    let cont = self.tracees.get(&pid).is_some_and(|t| t.cont);
                    match self.tracees.get_mut(&child) {
                        Some(t) => t.cont = cont,
                        None => self.adopt(child, cont),
                    }
                }
                self.resume(pid, 0);
            }
            libc::PTRACE_EVENT_EXEC => {
                if let Ok(former) = ptrace::event_msg(pid) {
                    self.on_exec(pid, former as i32);
                }
                self.resume(pid, 0);
            }
            libc::PTRACE_EVENT_SECCOMP => {
                // Only a filtered tracee stops here. Resumed with PTRACE_SYSCALL, it already
                // reported this syscall's entry; else this stop is the entry. The spawned
                // child stops here before its first execve too (-u's setuid, a traced prctl):
                // it must still stop at every syscall until that execve is over.
                let entered = match self.tracees.get_mut(&pid) {
                    Some(t) => {
                        if t.exec_started && !t.first_exec && !t.hidden {
                            t.cont = true;
                        }
                        t.in_syscall.is_some()
                    }
                    None => true,
                };
                if !entered {
                    self.on_syscall(pid);
                }
                self.resume(pid, 0);
            }
            libc::PTRACE_EVENT_STOP => {
                let fresh = self
                    .tracees
                    .get_mut(&pid)
                    .map(|t| std::mem::take(&mut t.fresh));
                let group_stop = matches!(
                    sig,
                    libc::SIGSTOP | libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU
                );
                if group_stop && fresh == Some(false) {
                    self.on_group_stop(pid, sig);
                    if ptrace::listen(pid).is_ok() {
                        return;
                    }
                }
                self.resume(pid, 0);
            }
            _ => self.resume(pid, 0),
        }
    }

    /// A thread other than the leader called execve: the kernel gives it the leader's pid
    /// (execve(2)); the leader's old state ends as strace shows it.
    fn on_exec(&mut self, pid: i32, former: i32) {
        if former == pid {
            return;
        }
        let Some(execing) = self.tracees.remove(&former) else {
            return;
        };
        if let Some(leader) = self.tracees.remove(&pid).filter(|_| !self.cfg.summary_only) {
            // The leader's last lines count it among the traced processes still.
            let at = Origin {
                nprocs: self.tracees.len() + 1,
                ..self.origin(pid)
            };
            let call = shown_call(&leader, &self.cfg.q, status::UNFINISHED);
            self.render.unfinished(at, call.as_ref());
            let shown = !self.cfg.q.quiet.contains(quiet::THREAD_EXECVE);
            self.render.superseded(at, former, shown);
        }
        self.tracees.insert(pid, execing);
    }

    fn on_syscall(&mut self, pid: i32) {
        let Ok((info, ip)) = ptrace::syscall_info(pid) else {
            return;
        };
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        tracee.ip = Some(ip);
        tracee.fresh = false;
        match info {
            SyscallInfo::Entry { nr, args, sp } => self.on_entry(pid, Call::new(nr, args, sp)),
            SyscallInfo::Exit { rval, is_error } => self.on_exit(pid, rval, is_error),
            SyscallInfo::Other => {}
        }
    }

    /// A syscall entry: whether it is shown (`-e trace=`, `-P`, `--trace-fds`, the spawned
    /// child's own calls before its execve), and if so its entry half.
    fn on_entry(&mut self, pid: i32, call: Call) {
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        // The syscall entered becomes the tracee's last one (for `-n`); the one before it is
        // what a `restart_syscall` resumes.
        let previous = std::mem::replace(&mut tracee.previous_nr, call.nr);
        if tracee.hidden && !tracee.exec_started && (call.nr == NR_EXECVE || call.nr == NR_EXECVEAT)
        {
            tracee.exec_started = true;
            tracee.hidden = false;
            tracee.first_exec = true;
        }
        tracee.in_syscall = Some(call);
        tracee.filtered = !self.cfg.q.trace.contains(call.nr);
        if !tracee.filtered && !tracee.hidden {
            self.mem.set_pid(pid);
            tracee.filtered = !selected(&self.cfg, &call, &self.mem, pid);
        }
        if self.cfg.syscall_times.is_some() {
            tracee.entered = Some(Instant::now());
        }
        if tracee.hidden || tracee.filtered {
            return;
        }
        if self.cfg.summary_only {
            if let Some(summary) = &self.summary {
                tracee.mark = summary.mark(self.stime);
            }
            return;
        }
        // The tracee keeps the call: decoding the entry saves values into it (`saved`)
        // that the exit shows beside what the kernel left.
        let call = tracee.in_syscall.insert(Call {
            raw: self.cfg.q.raw.contains(call.nr),
            ..call
        });
        let mut call_copy = *call;
        let at = self.origin(pid);
        self.mem.set_pid(pid);
        let mut ctx = Ctx {
            mem: &self.mem,
            opts: decode_opts(&self.cfg, call_copy.nr),
            scratch: &mut self.scratch,
            previous,
            fds: resolver(&mut self.fds, pid),
        };
        self.render.entry(at, &mut call_copy, &mut ctx);
        if let Some(tracee) = self.tracees.get_mut(&pid) {
            tracee.in_syscall = Some(call_copy);
            if let Some(summary) = &self.summary {
                tracee.mark = summary.mark(self.stime);
            }
        }
    }

    /// A syscall exit: counted for `-c`, shown unless `-e status=` leaves out its outcome.
    fn on_exit(&mut self, pid: i32, rval: i64, is_error: bool) {
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        let Some(call) = tracee.in_syscall.take() else {
            return;
        };
        if tracee.hidden {
            return;
        }
        // After a failed first exec the child only reports the error and exits.
        let first_exec = std::mem::take(&mut tracee.first_exec);
        tracee.hidden = first_exec && is_error;
        // The spawned command runs the program now: with its filter (if the child could
        // install it) it need not stop at other syscalls.
        if first_exec && !is_error && self.cfg.seccomp && seccomp::is_filtered(pid) {
            tracee.cont = true;
            self.all_filtered = !self.attached_any;
        }
        if tracee.filtered {
            return;
        }
        if let Some(summary) = &mut self.summary {
            let time = summary.mark(self.stime).saturating_sub(tracee.mark);
            summary.record(pid, call.nr, time, is_error);
        }
        if self.cfg.summary_only {
            return;
        }
        let previous = tracee.previous_nr;
        let outcome = if is_error {
            Outcome::Err(rval.unsigned_abs())
        } else {
            Outcome::Ok(rval)
        };
        let class = if is_error {
            status::FAILED
        } else {
            status::SUCCESSFUL
        };
        if !self.cfg.q.status.contains(class) {
            self.render.discard(pid);
            return;
        }
        let spent = match (self.cfg.syscall_times, tracee.entered) {
            (Some(precision), Some(entered)) => Some((precision, entered.elapsed())),
            _ => None,
        };
        let dump = self
            .dumping
            .then(|| decode::transfer(&call, outcome))
            .flatten()
            .filter(|t| {
                let dumps = if t.read {
                    &self.cfg.q.read_dumps
                } else {
                    &self.cfg.q.write_dumps
                };
                dumps.contains(t.fd)
            });
        let exit = Exit {
            outcome,
            spent,
            dump,
        };
        let at = self.origin(pid);
        self.mem.set_pid(pid);
        let mut ctx = Ctx {
            mem: &self.mem,
            opts: decode_opts(&self.cfg, call.nr),
            scratch: &mut self.scratch,
            previous,
            fds: resolver(&mut self.fds, pid),
        };
        self.render.exit(at, &call, exit, &mut ctx);
    }

    fn on_signal(&mut self, pid: i32, sig: i32) {
        if self.cfg.show_ip
            && let Some(tracee) = self.tracees.get_mut(&pid)
        {
            tracee.ip = ptrace::instruction_pointer(pid).ok();
        }
        if self.cfg.summary_only
            || self.tracees.get(&pid).is_none_or(|t| t.hidden)
            || !self.cfg.q.signals.contains(sig)
        {
            return;
        }
        let info = ptrace::siginfo(pid).ok();
        self.render.signal(self.origin(pid), sig, info.as_ref());
    }

    fn on_group_stop(&mut self, pid: i32, sig: i32) {
        if self.cfg.summary_only || self.tracees.get(&pid).is_none_or(|t| t.hidden) {
            return;
        }
        self.render.stopped(self.origin(pid), sig);
    }

    /// A tracee exited or was killed: its syscall in progress ends with `= ?`, then its end is
    /// shown (unless `-qq`). The spawned command's end is the tracer's exit status.
    fn on_gone(&mut self, pid: i32, end: End) {
        if Some(pid) == self.main_pid {
            self.ending = Some(match end {
                End::Exited(code) => Ending::Exited(code),
                End::Killed { sig, core } => Ending::Killed { sig, core },
            });
        }
        let at = self.origin(pid);
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if tracee.exec_started && !self.cfg.summary_only {
            let call = shown_call(&tracee, &self.cfg.q, status::UNFINISHED);
            self.render.unfinished(at, call.as_ref());
            if !self.cfg.q.quiet.contains(quiet::EXIT) {
                self.render.gone(at, end);
            }
        }
        self.render.close(pid);
    }

    /// Leaves every tracee, in the order they came: the spawned command is sent `sig` first
    /// (with SIGCONT, so a stopped one can act on it), then each is detached, as strace's
    /// cleanup does.
    fn leave_all(&mut self, sig: i32) {
        let mut pids: Vec<(u64, i32)> = self.tracees.iter().map(|(pid, t)| (t.seq, *pid)).collect();
        pids.sort_unstable();
        for (_, pid) in pids {
            if Some(pid) == self.main_pid {
                // SAFETY: kill has no memory effects.
                unsafe {
                    libc::kill(pid, libc::SIGCONT);
                    libc::kill(pid, sig);
                }
            }
            self.detach_one(pid);
        }
    }

    /// Stops `pid` with `PTRACE_INTERRUPT` and detaches it at the next stop, whatever kind it
    /// is (ptrace(2): a tracee sleeping in a syscall reports the interrupt as a syscall-exit
    /// stop), passing on a signal that was about to be delivered. One that ended meanwhile is
    /// let go as strace lets it go: announced as detached, its end not reported.
    fn detach_one(&mut self, pid: i32) {
        if ptrace::interrupt(pid).is_err() {
            self.detached(pid, None);
            return;
        }
        loop {
            match ptrace::wait_pid(pid) {
                Err(Errno::EINTR) => continue,
                Err(_) | Ok(Stop::Exited { .. } | Stop::Killed { .. }) => self.detached(pid, None),
                Ok(Stop::Signal { sig, .. }) => self.detached(pid, Some(sig)),
                Ok(Stop::Syscall { .. } | Stop::Event { .. }) => self.detached(pid, Some(0)),
            }
            return;
        }
    }

    /// Detaches a stopped tracee (`Some(sig)`: delivering `sig`, 0 for none) or lets go of one
    /// that is gone (`None`). As strace does, its open syscall line ends with `<detached ...>`
    /// and `Process N detached` is announced (unless `-e quiet=attach`).
    fn detached(&mut self, pid: i32, sig: Option<i32>) {
        let at = self.origin(pid);
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if let Some(sig) = sig {
            let _ = ptrace::detach(pid, sig);
        }
        if !self.cfg.summary_only {
            let call = shown_call(&tracee, &self.cfg.q, status::DETACHED);
            let announce = !self.cfg.q.quiet.contains(quiet::ATTACH);
            self.render.detached(at, call.as_ref(), announce);
        }
        self.render.close(pid);
    }
}

/// The call `tracee` is in, if its line shows: not hidden or filtered out, and of a `class`
/// (unfinished, detached) that `-e status=` shows.
fn shown_call(tracee: &Tracee, q: &Qualifiers, class: u32) -> Option<Call> {
    let call = tracee
        .in_syscall
        .filter(|_| !tracee.hidden && !tracee.filtered)?;
    (q.status == NameSet::ALL || q.status.contains(class)).then_some(call)
}

/// The decoding options for syscall `nr`: `-e abbrev=`, `-e verbose=` and `-s`.
fn decode_opts(cfg: &Config, nr: u64) -> DecodeOpts {
    DecodeOpts {
        abbreviate: cfg.q.abbrev.contains(nr),
        verbose: cfg.q.verbose.contains(nr),
        ..cfg.decode
    }
}

/// Whether `-P` and `--trace-fds` let `call` (at entry) be shown.
fn selected(cfg: &Config, call: &Call, mem: &TraceeMemory, pid: i32) -> bool {
    if !cfg.paths.is_empty()
        && !pathtrace::matches_paths(call, &cfg.paths, mem, |fd| pathtrace::proc_fd_path(pid, fd))
    {
        return false;
    }
    cfg.trace_fds
        .as_ref()
        .is_none_or(|set| pathtrace::matches_fds(call, set))
}

/// The descriptor resolver for `pid`'s values, when descriptors are described.
fn resolver(fds: &mut Option<ProcFds>, pid: i32) -> Option<&mut dyn FdResolver> {
    let fds = fds.as_mut()?;
    fds.set_pid(pid);
    Some(fds)
}
