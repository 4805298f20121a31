//! The tracer loop: waits for stops, keeps the state of each tracee, and turns stops into lines.

use crate::decode::{self, Call, Ctx, DecodeOpts, Outcome, Scratch};
use crate::fdinfo::{DecodeFds, FdResolver, ProcFds};
use crate::filter::{NameSet, Qualifiers, quiet, status};
use crate::json::{self, Json, Stamp};
use crate::mem::Memory;
use crate::mem::TraceeMemory;
use crate::output::{Head, Output, Outputs};
use crate::pathtrace::{self, FdSet, PathSet};
use crate::ptrace::{self, Stop, SyscallInfo};
use crate::seccomp;
use crate::stamp::{self, Precision};
use crate::summary::Summary;
use crate::table::SigName;
use crate::text::{self, Text};
use nix::errno::Errno;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// `__NR_execve` and `__NR_execveat` (asm/unistd_64.h): a spawned child is traced from its exec on.
const NR_EXECVE: u64 = 59;
const NR_EXECVEAT: u64 = 322;

/// The signal that asked the tracer to stop (0: none). A signal handler can only talk to the
/// loop through an atomic; this is the one piece of global state.
static INTERRUPTED: AtomicI32 = AtomicI32::new(0);

extern "C" fn on_fatal_signal(sig: libc::c_int) {
    INTERRUPTED.store(sig, Ordering::SeqCst);
}

/// Makes SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE interrupt the loop's `waitpid` (no
/// SA_RESTART) so the tracer can detach before it goes.
pub fn catch_fatal_signals() {
    for sig in [
        libc::SIGINT,
        libc::SIGTERM,
        libc::SIGHUP,
        libc::SIGQUIT,
        libc::SIGPIPE,
    ] {
        // SAFETY: installs a handler that only stores to an atomic, which is async-signal-safe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fatal_signal as *const () as usize;
            libc::sigemptyset(&mut action.sa_mask);
            action.sa_flags = 0;
            libc::sigaction(sig, &action, std::ptr::null_mut());
        }
    }
}

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
    /// What the trace is written as.
    pub render: Render,
}

/// What the trace is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Render {
    /// strace's text.
    #[default]
    Text,
    /// `--json`: JSON Lines (docs/json.md).
    Json,
    /// `--json-and-text=FILE` (a developer option): the text as usual and, rendered from the
    /// same stops, the JSON into a second output.
    TextAndJson,
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
    /// Started by the tracer (not attached): killed, not detached, when the tracer is stopped.
    spawned: bool,
    /// Attached with `-p` (or followed from one): announced when detached.
    attached: bool,
    /// Its first stop (the attach stop of a followed child) is still to come.
    fresh: bool,
    /// The number of the last syscall entered, for `restart_syscall`'s note.
    previous_nr: u64,
    /// When the syscall in progress was entered, for `-T`.
    entered: Option<Instant>,
    /// With `-e status=`, the entry half of the line, held until the outcome is known.
    held: Vec<u8>,
    /// The instruction pointer at the last stop, for `-i`.
    ip: Option<u64>,
    /// When it was registered: tracees are detached in that order, as strace does.
    seq: u64,
    /// `-c`/`-C`: the summary's mark (`Summary::mark`) at the entry of the syscall in progress.
    mark: Duration,
    /// It runs under the seccomp filter: between syscalls it is resumed with `PTRACE_CONT`
    /// and stops only at the traced ones (`PTRACE_EVENT_SECCOMP`, then the exit stop).
    cont: bool,
    /// JSON: the syscall in progress's entry arguments, rendered at entry (reused buffer).
    json_args: Vec<u8>,
    /// JSON: when that syscall was entered.
    json_stamp: Stamp,
    /// JSON: where the last of `json_args` starts (`json::Json::continuing`).
    json_last: usize,
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
    outs: Outputs,
    tracees: HashMap<i32, Tracee>,
    mem: TraceeMemory,
    scratch: Scratch,
    /// The spawned command, whose end is the tracer's exit status.
    main_pid: Option<i32>,
    ending: Option<Ending>,
    /// The order tracees were registered in (`Tracee::seq`).
    next_seq: u64,
    /// Where entry halves are drawn when `-e status=` holds them back.
    aside: Output,
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
    /// `Render::TextAndJson`: where the JSON goes.
    json_copy: Option<Outputs>,
}

/// The outputs JSON events go to, if any: the main ones with `--json`, the copy with
/// `--json-and-text`.
fn json_outs<'a>(
    render: Render,
    outs: &'a mut Outputs,
    copy: &'a mut Option<Outputs>,
) -> Option<&'a mut Outputs> {
    match render {
        Render::Text => None,
        Render::Json => Some(outs),
        Render::TextAndJson => copy.as_mut(),
    }
}

impl Tracer {
    pub fn new(cfg: Config, outs: Outputs) -> Self {
        let aside = Output::new(Box::new(std::io::sink()), false, outs.format());
        let dumping = !cfg.q.read_dumps.is_empty() || !cfg.q.write_dumps.is_empty();
        let fds = cfg.decode_fds.any().then(|| ProcFds::new(cfg.decode_fds));
        Tracer {
            fds,
            cfg,
            outs,
            tracees: HashMap::new(),
            mem: TraceeMemory::new(0),
            scratch: Scratch::new(),
            main_pid: None,
            ending: None,
            next_seq: 0,
            aside,
            dumping,
            summary: None,
            stime: Duration::ZERO,
            attached_any: false,
            all_filtered: false,
            json_copy: None,
        }
    }

    /// `--json-and-text`: the outputs the JSON rendering goes to.
    pub fn set_json_copy(&mut self, outs: Outputs) {
        self.json_copy = Some(outs);
    }

    /// Closes the files of a process that ended (`-ff`).
    fn close_outputs(&mut self, pid: i32) {
        let _ = self.outs.close(pid);
        if let Some(copy) = &mut self.json_copy {
            let _ = copy.close(pid);
        }
    }

    /// Whether the text rendering is written.
    fn text(&self) -> bool {
        self.cfg.render != Render::Json
    }

    /// Writes one JSON event for `pid`, if JSON is written: `write` gets the buffer and the
    /// event's stamp.
    fn json_event(&mut self, pid: i32, write: impl FnOnce(&mut Vec<u8>, Stamp)) {
        if let Some(outs) = json_outs(self.cfg.render, &mut self.outs, &mut self.json_copy) {
            let out = outs.for_pid(pid);
            let stamp = out.json_stamp();
            write(out.buf(), stamp);
            out.end_line();
        }
    }

    /// Writes out everything, the JSON copy too, and reports the first error.
    pub fn finish(&mut self) -> Result<(), String> {
        let copy = self.json_copy.as_mut().map_or(Ok(()), Outputs::finish);
        self.outs.finish().and(copy)
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
            spawned: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
    }

    /// Registers an attached (seized and interrupted) thread.
    pub fn add_attached(&mut self, pid: i32) {
        self.attached_any = true;
        let tracee = Tracee {
            attached: true,
            exec_started: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
        if !self.cfg.q.quiet.contains(quiet::ATTACH) {
            self.json_event(pid, |buf, stamp| json::plain(buf, "attached", pid, stamp));
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

    pub fn outputs(&mut self) -> &mut Outputs {
        &mut self.outs
    }

    /// Runs until no tracee is left. A fatal signal to the tracer detaches attached processes
    /// and passes the signal to the spawned command, which is traced until it ends; a second one
    /// detaches everything at once.
    pub fn run(&mut self) -> Ending {
        let mut interrupted = 0;
        while !self.tracees.is_empty() {
            let sig = INTERRUPTED.swap(0, Ordering::SeqCst);
            if sig != 0 {
                let first = interrupted == 0;
                interrupted = sig;
                self.leave_all(sig, first);
                continue;
            }
            let waited = match self.summary {
                Some(_) => ptrace::wait_any_stime().map(|(stop, stime)| {
                    self.stime = stime;
                    stop
                }),
                None => ptrace::wait_any(),
            };
            match waited {
                Ok(stop) => self.handle(stop),
                Err(Errno::EINTR) => continue,
                Err(_) => break,
            }
        }
        match self.ending {
            Some(ending) => ending,
            None if interrupted != 0 => Ending::Interrupted(interrupted),
            None => Ending::Exited(0),
        }
    }

    /// How `pid`'s next line starts: pid prefix, and `-n`/`-i` tags from its last syscall.
    fn head(&self, pid: i32) -> Head {
        let tracee = (self.cfg.show_nr || self.cfg.show_ip)
            .then(|| self.tracees.get(&pid))
            .flatten();
        Head {
            prefix: self.outs.prefix(self.tracees.len()),
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
            Stop::Exited { pid, code } => {
                self.on_gone(
                    pid,
                    format_args!("+++ exited with {code} +++"),
                    Ending::Exited(code),
                );
                if Some(pid) == self.main_pid {
                    self.ending = Some(Ending::Exited(code));
                }
            }
            Stop::Killed { pid, sig, core } => {
                let name = SigName(sig.into());
                let core_note = if core { " (core dumped)" } else { "" };
                self.on_gone(
                    pid,
                    format_args!("+++ killed by {name}{core_note} +++"),
                    Ending::Killed { sig, core },
                );
                if Some(pid) == self.main_pid {
                    self.ending = Some(Ending::Killed { sig, core });
                }
            }
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
            attached: true,
            exec_started: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
        // strace announces followed children only where its messages share the trace stream.
        let quiet = self.cfg.q.quiet.contains(quiet::ATTACH);
        if !quiet && self.outs.is_stderr() && self.text() {
            self.outs.message(format_args!("Process {pid} attached"));
        }
        if !quiet {
            self.json_event(pid, |buf, stamp| json::plain(buf, "attached", pid, stamp));
        }
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
            if let Some(call) = json_call(&leader, &self.cfg.q, status::UNFINISHED) {
                let (stamp, args) = (leader.json_stamp, &leader.json_args);
                self.json_event(pid, |buf, _| {
                    json::unfinished(buf, pid, stamp, &call, args, false)
                });
            }
            if !self.cfg.q.quiet.contains(quiet::THREAD_EXECVE) {
                self.json_event(pid, |buf, stamp| json::superseded(buf, pid, former, stamp));
            }
            if !self.text() {
                self.tracees.insert(pid, execing);
                return;
            }
            let prefix = Head {
                prefix: self.outs.prefix(self.tracees.len() + 1),
                ..self.head(pid)
            };
            let out = self.outs.for_pid(pid);
            if let Some(call) =
                shown_call(&leader, &self.cfg.q, status::UNFINISHED, out, pid, prefix)
            {
                if call.has_exit_args() {
                    out.bytes(b" <unfinished ...>");
                }
                out.bytes(b")");
                out.align_return();
                out.bytes(b"?");
                out.end_line();
                out.set_open(None);
            }
            if !self.cfg.q.quiet.contains(quiet::THREAD_EXECVE) {
                out.start_line(pid, prefix);
                let _ = write_fmt(
                    out,
                    format_args!("+++ superseded by execve in pid {former} +++"),
                );
                out.end_line();
            }
        }
        self.tracees.insert(pid, execing);
    }

    fn on_syscall(&mut self, pid: i32) {
        let Ok((info, ip)) = ptrace::syscall_info(pid) else {
            return;
        };
        // The syscall entered becomes the tracee's last one (for `-n`); the one before it is what
        // a `restart_syscall` resumes.
        let mut previous = 0;
        if let Some(tracee) = self.tracees.get_mut(&pid) {
            tracee.ip = Some(ip);
            if let SyscallInfo::Entry { nr, .. } = info {
                previous = std::mem::replace(&mut tracee.previous_nr, nr);
            }
        }
        let prefix = self.head(pid);
        let text = self.text();
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        tracee.fresh = false;
        match info {
            SyscallInfo::Entry { nr, args, sp } => {
                if tracee.hidden && !tracee.exec_started && (nr == NR_EXECVE || nr == NR_EXECVEAT) {
                    tracee.exec_started = true;
                    tracee.hidden = false;
                    tracee.first_exec = true;
                }
                let call = Call::new(nr, args, sp);
                tracee.in_syscall = Some(call);
                tracee.filtered = !self.cfg.q.trace.contains(nr);
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
                    tracee.mark = self
                        .summary
                        .as_ref()
                        .map_or(Duration::ZERO, |s| s.mark(self.stime));
                    return;
                }
                // The tracee keeps the call: decoding the entry saves values into it (`saved`)
                // that the exit shows beside what the kernel left.
                let call = tracee.in_syscall.insert(Call {
                    raw: self.cfg.q.raw.contains(nr),
                    ..call
                });
                self.mem.set_pid(pid);
                let opts = DecodeOpts {
                    abbreviate: self.cfg.q.abbrev.contains(nr),
                    verbose: self.cfg.q.verbose.contains(nr),
                    ..self.cfg.decode
                };
                if let Some(outs) = json_outs(self.cfg.render, &mut self.outs, &mut self.json_copy)
                {
                    // The entry half waits, rendered, for the exit: one event per syscall.
                    tracee.json_stamp = outs.for_pid(pid).json_stamp();
                    tracee.json_args.clear();
                    let mut ctx = Ctx {
                        mem: &self.mem,
                        opts,
                        scratch: &mut self.scratch,
                        previous,
                        fds: resolver(&mut self.fds, pid),
                    };
                    let mut json = Json::new(&mut tracee.json_args);
                    decode::entry(&mut json, &mut ctx, call);
                    tracee.json_last = json.last_start();
                }
                if text {
                    // With a status filter the line waits for the outcome; it is drawn aside.
                    let holding = self.cfg.q.status != NameSet::ALL;
                    let target = if holding {
                        self.aside.clear();
                        &mut self.aside
                    } else {
                        let out = self.outs.for_pid(pid);
                        out.start_line(pid, prefix);
                        out
                    };
                    write_name(target, call);
                    target.bytes(b"(");
                    let mut ctx = Ctx {
                        mem: &self.mem,
                        opts,
                        scratch: &mut self.scratch,
                        previous,
                        fds: resolver(&mut self.fds, pid),
                    };
                    decode::entry(&mut Text::new(target), &mut ctx, call);
                    if holding {
                        tracee.held.clear();
                        tracee.held.extend_from_slice(self.aside.buf());
                    } else {
                        target.set_open(Some(pid));
                    }
                }
                if let Some(summary) = &self.summary {
                    tracee.mark = summary.mark(self.stime);
                }
            }
            SyscallInfo::Exit { rval, is_error } => {
                let Some(call) = tracee.in_syscall.take() else {
                    return;
                };
                if tracee.hidden {
                    return;
                }
                // After a failed first exec the child only reports the error and exits.
                let first_exec = std::mem::take(&mut tracee.first_exec);
                tracee.hidden = first_exec && is_error;
                // The spawned command runs the program now: with its filter (if the child
                // could install it) it need not stop at other syscalls.
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
                let holding = self.cfg.q.status != NameSet::ALL;
                if holding {
                    let class = if is_error {
                        status::FAILED
                    } else {
                        status::SUCCESSFUL
                    };
                    if !self.cfg.q.status.contains(class) {
                        return;
                    }
                }
                let spent = match (self.cfg.syscall_times, tracee.entered) {
                    (Some(precision), Some(entered)) => Some((precision, entered.elapsed())),
                    _ => None,
                };
                self.mem.set_pid(pid);
                let opts = DecodeOpts {
                    abbreviate: self.cfg.q.abbrev.contains(call.nr),
                    verbose: self.cfg.q.verbose.contains(call.nr),
                    ..self.cfg.decode
                };
                if let Some(outs) = json_outs(self.cfg.render, &mut self.outs, &mut self.json_copy)
                {
                    let out = outs.for_pid(pid);
                    let buf = out.buf();
                    json::begin_syscall(buf, pid, tracee.json_stamp, &call);
                    let last = buf.len() + tracee.json_last;
                    json::append_entry_args(buf, &tracee.json_args, false);
                    let mut ctx = Ctx {
                        mem: &self.mem,
                        opts,
                        scratch: &mut self.scratch,
                        previous,
                        fds: resolver(&mut self.fds, pid),
                    };
                    decode::exit(&mut Json::continuing(buf, last), &mut ctx, &call, outcome);
                    if let Some((_, spent)) = spent {
                        let _ = write_fmt(out, format_args!(",\"duration\":{}", spent.as_nanos()));
                    }
                    out.bytes(b"}");
                    out.end_line();
                }
                if !text {
                    return;
                }
                let out = self.outs.for_pid(pid);
                if holding {
                    out.start_line(pid, prefix);
                    out.bytes(&tracee.held);
                    out.set_open(Some(pid));
                }
                continue_line(out, pid, prefix, &call);
                let mut ctx = Ctx {
                    mem: &self.mem,
                    opts,
                    scratch: &mut self.scratch,
                    previous,
                    fds: resolver(&mut self.fds, pid),
                };
                decode::exit(&mut Text::new(out), &mut ctx, &call, outcome);
                if let Some((precision, spent)) = spent {
                    stamp::write_duration(out.buf(), spent, precision);
                }
                out.end_line();
                out.set_open(None);
                if let Some(t) = self
                    .dumping
                    .then(|| decode::transfer(&call, outcome))
                    .flatten()
                {
                    let dumps = if t.read {
                        &self.cfg.q.read_dumps
                    } else {
                        &self.cfg.q.write_dumps
                    };
                    if dumps.contains(t.fd) {
                        dump(out, &self.mem, t);
                    }
                }
            }
            SyscallInfo::Other => {}
        }
    }

    fn on_signal(&mut self, pid: i32, sig: i32) {
        if self.cfg.show_ip
            && let Some(tracee) = self.tracees.get_mut(&pid)
        {
            tracee.ip = ptrace::instruction_pointer(pid).ok();
        }
        let prefix = self.head(pid);
        if self.cfg.summary_only
            || self.tracees.get(&pid).is_none_or(|t| t.hidden)
            || !self.cfg.q.signals.contains(sig)
        {
            return;
        }
        let info = ptrace::siginfo(pid);
        self.json_event(pid, |buf, stamp| {
            json::signal(buf, pid, stamp, sig, info.as_ref().ok().map(|r| &r[..]))
        });
        if !self.text() {
            return;
        }
        let out = self.outs.for_pid(pid);
        out.start_line(pid, prefix);
        let _ = write_fmt(out, format_args!("--- {} ", SigName(sig.into())));
        match info {
            Ok(raw) => decode::siginfo(&mut Text::new(out), &raw),
            Err(_) => out.bytes(b"{}"),
        }
        out.bytes(b" ---");
        out.end_line();
    }

    fn on_group_stop(&mut self, pid: i32, sig: i32) {
        let prefix = self.head(pid);
        if self.cfg.summary_only || self.tracees.get(&pid).is_none_or(|t| t.hidden) {
            return;
        }
        self.json_event(pid, |buf, stamp| json::stopped(buf, pid, stamp, sig));
        if !self.text() {
            return;
        }
        let out = self.outs.for_pid(pid);
        out.start_line(pid, prefix);
        let _ = write_fmt(
            out,
            format_args!("--- stopped by {} ---", SigName(sig.into())),
        );
        out.end_line();
    }

    /// A tracee exited or was killed: finish its open syscall with `= ?`, then print `line`
    /// (unless `-qq`).
    fn on_gone(&mut self, pid: i32, line: std::fmt::Arguments<'_>, end: Ending) {
        let prefix = self.head(pid);
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if tracee.exec_started && !self.cfg.summary_only {
            if let Some(call) = json_call(&tracee, &self.cfg.q, status::UNFINISHED) {
                let (stamp, args) = (tracee.json_stamp, &tracee.json_args);
                self.json_event(pid, |buf, _| {
                    json::unfinished(buf, pid, stamp, &call, args, false)
                });
            }
            if !self.cfg.q.quiet.contains(quiet::EXIT) {
                self.json_event(pid, |buf, stamp| match end {
                    Ending::Killed { sig, core } => json::killed(buf, pid, stamp, sig, core),
                    Ending::Exited(code) | Ending::Interrupted(code) => {
                        json::exited(buf, pid, stamp, code)
                    }
                });
            }
        }
        if tracee.exec_started && !self.cfg.summary_only && self.text() {
            let out = self.outs.for_pid(pid);
            if let Some(call) =
                shown_call(&tracee, &self.cfg.q, status::UNFINISHED, out, pid, prefix)
            {
                // Arguments left for the exit will never be printed: strace marks the cut there.
                if call.has_exit_args() {
                    out.bytes(b" <unfinished ...>");
                }
                out.bytes(b")");
                out.align_return();
                out.bytes(b"?");
                out.end_line();
                out.set_open(None);
            }
            if !self.cfg.q.quiet.contains(quiet::EXIT) {
                // A process that is gone has no instruction pointer: `[????????????????]`.
                let prefix = Head {
                    ip: prefix.ip.map(|_| None),
                    ..prefix
                };
                out.start_line(pid, prefix);
                let _ = write_fmt(out, line);
                out.end_line();
            }
        }
        self.close_outputs(pid);
    }

    /// Leaves every tracee: the spawned command is sent `sig` (and detached only on a repeated
    /// signal, `first == false`), attached processes are detached.
    fn leave_all(&mut self, sig: i32, first: bool) {
        let mut pids: Vec<(u64, i32)> = self.tracees.iter().map(|(pid, t)| (t.seq, *pid)).collect();
        pids.sort_unstable();
        let pids: Vec<i32> = pids.into_iter().map(|(_, pid)| pid).collect();
        for pid in pids {
            let spawned = self.tracees.get(&pid).is_some_and(|t| t.spawned);
            if spawned && first {
                // SAFETY: kill has no memory effects; SIGCONT first so a stopped child can die.
                unsafe {
                    libc::kill(pid, libc::SIGCONT);
                    libc::kill(pid, sig);
                }
            } else {
                self.detach_one(pid);
            }
        }
    }

    /// Stops `pid` with `PTRACE_INTERRUPT` and detaches it at the next stop, whatever kind it
    /// is (ptrace(2): a tracee sleeping in a syscall reports the interrupt as a syscall-exit
    /// stop), passing on a signal that was about to be delivered.
    fn detach_one(&mut self, pid: i32) {
        if ptrace::interrupt(pid).is_err() {
            self.tracees.remove(&pid);
            return;
        }
        match ptrace::wait_pid(pid) {
            Err(_) => {
                self.tracees.remove(&pid);
            }
            Ok(stop @ (Stop::Exited { .. } | Stop::Killed { .. })) => self.handle(stop),
            Ok(Stop::Signal { sig, .. }) => self.detached(pid, sig),
            Ok(Stop::Syscall { .. } | Stop::Event { .. }) => self.detached(pid, 0),
        }
    }

    /// Detaches a stopped tracee, closing its open syscall line with `<detached ...>`.
    fn detached(&mut self, pid: i32, sig: i32) {
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if let Some(call) =
            json_call(&tracee, &self.cfg.q, status::DETACHED).filter(|_| !self.cfg.summary_only)
        {
            let (stamp, args) = (tracee.json_stamp, &tracee.json_args);
            self.json_event(pid, |buf, _| {
                json::unfinished(buf, pid, stamp, &call, args, true)
            });
        }
        let announce = tracee.attached && !self.cfg.q.quiet.contains(quiet::ATTACH);
        if announce {
            self.json_event(pid, |buf, stamp| json::plain(buf, "detached", pid, stamp));
        }
        if !self.text() {
            let _ = ptrace::detach(pid, sig);
            self.close_outputs(pid);
            return;
        }
        // Only a line still open gets the mark; one another process cut already says
        // `<unfinished ...>`, and strace resumes nothing after a detach.
        let prefix = self.head(pid);
        let out = self.outs.for_pid(pid);
        let held = self.cfg.q.status != NameSet::ALL;
        if (held && shown_call(&tracee, &self.cfg.q, status::DETACHED, out, pid, prefix).is_some())
            || out.is_open(pid)
        {
            out.bytes(b" <detached ...>");
            out.end_line();
            out.set_open(None);
        }
        let _ = ptrace::detach(pid, sig);
        if announce {
            if !self.outs.is_stderr() {
                let _ = self.outs.for_pid(pid).finish();
            }
            self.outs.message(format_args!("Process {pid} detached"));
        }
        self.close_outputs(pid);
    }
}

/// Writes the data a call moved as strace's hex dump lines, read from the tracee a page at a time.
/// The dump stops where the memory does, the top of the address space included.
pub fn dump<M: Memory>(out: &mut Output, mem: &M, t: decode::Transfer) {
    let mut chunk = [0u8; 4096];
    let mut done = 0u64;
    while done < t.len {
        let n = (t.len - done).min(chunk.len() as u64) as usize;
        let Some(at) = t.addr.checked_add(done) else {
            return;
        };
        if mem.read(at, &mut chunk[..n]).is_err() {
            return;
        }
        for (i, line) in chunk[..n].chunks(16).enumerate() {
            text::write_dump_line(out.buf(), done as usize + i * 16, line);
            out.end_line();
        }
        done += n as u64;
    }
}

/// The call `tracee` is in, if its line shows: not hidden or filtered out, and with `-e status=`
/// of a shown `class`, in which case its held entry half is written out first. The line is
/// then ready to be continued.
fn shown_call(
    tracee: &Tracee,
    q: &Qualifiers,
    class: u32,
    out: &mut Output,
    pid: i32,
    prefix: Head,
) -> Option<Call> {
    let call = tracee
        .in_syscall
        .filter(|_| !tracee.hidden && !tracee.filtered)?;
    if q.status != NameSet::ALL {
        if !q.status.contains(class) {
            return None;
        }
        out.start_line(pid, prefix);
        out.bytes(&tracee.held);
        out.set_open(Some(pid));
    }
    continue_line(out, pid, prefix, &call);
    Some(call)
}

/// The call `tracee` is in, if its JSON event is written: not hidden or filtered out, and of a
/// `class` that `-e status=` shows. (`shown_call` is the same for the text.)
fn json_call(tracee: &Tracee, q: &Qualifiers, class: u32) -> Option<Call> {
    let call = tracee
        .in_syscall
        .filter(|_| !tracee.hidden && !tracee.filtered)?;
    (q.status == NameSet::ALL || q.status.contains(class)).then_some(call)
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

/// Continues `pid`'s open syscall line, or starts a `<... NAME resumed>` line if another
/// process printed in between.
fn continue_line(out: &mut Output, pid: i32, prefix: Head, call: &Call) {
    if !out.is_open(pid) {
        out.start_line(pid, prefix);
        out.bytes(b"<... ");
        write_name(out, call);
        out.bytes(b" resumed>");
    }
}

/// A syscall's name, or `syscall_0x1c3` for a number the table does not know.
fn write_name(out: &mut Output, call: &Call) {
    match call.desc {
        Some(desc) => out.bytes(desc.name.as_bytes()),
        None => {
            let _ = write_fmt(out, format_args!("syscall_{:#x}", call.nr));
        }
    }
}

fn write_fmt(out: &mut Output, args: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    std::io::Write::write_fmt(out.buf(), args)
}
