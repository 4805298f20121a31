//! The tracer loop: waits for stops, keeps the state of each tracee, and turns stops into lines.

use crate::decode::{self, Call, Ctx, DecodeOpts, Outcome, Scratch};
use crate::filter::SyscallSet;
use crate::json::{self, Json, Stamp};
use crate::mem::TraceeMemory;
use crate::output::{Output, Outputs, PidPrefix};
use crate::ptrace::{self, Stop, SyscallInfo};
use crate::stamp::{self, Precision};
use crate::table::SigName;
use crate::text::Text;
use nix::errno::Errno;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Instant;

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

/// Which of strace's own messages `-q`, `-qq`, `-qqq` silence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quiet {
    /// `Process N attached` / `detached`.
    pub attach: bool,
    /// `+++ exited with N +++` and `+++ killed by ... +++`.
    pub exit: bool,
}

impl Quiet {
    /// From the number of `-q` given.
    pub fn from_count(n: u8) -> Self {
        Quiet {
            attach: n >= 1,
            exit: n >= 2,
        }
    }
}

/// The settings the loop needs.
pub struct Config {
    pub decode: DecodeOpts,
    /// `-e trace=`: the syscalls printed.
    pub trace: SyscallSet,
    /// `-T`: show the time spent in each syscall, with this precision.
    pub syscall_times: Option<Precision>,
    pub quiet: Quiet,
    /// What the trace is written as.
    pub format: Format,
}

/// What the trace is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
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
    /// When it was registered: tracees are detached in that order, as strace does.
    seq: u64,
    /// JSON: the syscall in progress's entry arguments, rendered at entry (reused buffer).
    json_args: Vec<u8>,
    /// JSON: when that syscall was entered.
    json_stamp: Stamp,
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
    /// `Format::TextAndJson`: where the JSON goes.
    json_copy: Option<Outputs>,
}

/// The outputs JSON events go to, if any: the main ones with `--json`, the copy with
/// `--json-and-text`.
fn json_outs<'a>(
    format: Format,
    outs: &'a mut Outputs,
    copy: &'a mut Option<Outputs>,
) -> Option<&'a mut Outputs> {
    match format {
        Format::Text => None,
        Format::Json => Some(outs),
        Format::TextAndJson => copy.as_mut(),
    }
}

impl Tracer {
    pub fn new(cfg: Config, outs: Outputs) -> Self {
        Tracer {
            cfg,
            outs,
            tracees: HashMap::new(),
            mem: TraceeMemory::new(0),
            scratch: Scratch::new(),
            main_pid: None,
            ending: None,
            next_seq: 0,
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
        self.cfg.format != Format::Json
    }

    /// Writes one JSON event for `pid`, if JSON is written: `write` gets the buffer and the
    /// event's stamp.
    fn json_event(&mut self, pid: i32, write: impl FnOnce(&mut Vec<u8>, Stamp)) {
        if let Some(outs) = json_outs(self.cfg.format, &mut self.outs, &mut self.json_copy) {
            let out = outs.for_pid(pid);
            let stamp = out.json_stamp();
            write(out.buf(), stamp);
            out.end_line();
        }
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
        let tracee = Tracee {
            attached: true,
            exec_started: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
        if !self.cfg.quiet.attach {
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

    /// Writes out everything, the JSON copy too, and reports the first error.
    pub fn finish(&mut self) -> Result<(), String> {
        let copy = self.json_copy.as_mut().map_or(Ok(()), Outputs::finish);
        self.outs.finish().and(copy)
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
            match ptrace::wait_any() {
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

    fn prefix(&self) -> PidPrefix {
        self.outs.prefix(self.tracees.len())
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

    /// Resumes a tracee; ESRCH means it is gone, which its exit event will report.
    fn resume(&mut self, pid: i32, sig: i32) {
        let _ = ptrace::resume(pid, sig);
    }

    /// A stop of a process not known yet is a followed child whose attach stop arrived before
    /// its parent's fork event (the kernel does not order the two).
    fn adopt_if_new(&mut self, pid: i32) {
        if !self.tracees.contains_key(&pid) {
            self.adopt(pid);
        }
    }

    /// Starts tracing a child the kernel attached because its parent is traced with `-f`.
    fn adopt(&mut self, pid: i32) {
        let tracee = Tracee {
            fresh: true,
            attached: true,
            exec_started: true,
            ..Tracee::default()
        };
        self.register(pid, tracee);
        // strace announces followed children only where its messages share the trace stream.
        if !self.cfg.quiet.attach && self.outs.is_stderr() && self.text() {
            self.outs.message(format_args!("Process {pid} attached"));
        }
        if !self.cfg.quiet.attach {
            self.json_event(pid, |buf, stamp| json::plain(buf, "attached", pid, stamp));
        }
    }

    fn on_event(&mut self, pid: i32, event: i32, sig: i32) {
        match event {
            libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE => {
                if let Ok(child) = ptrace::event_msg(pid) {
                    let child = child as i32;
                    if !self.tracees.contains_key(&child) {
                        self.adopt(child);
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
        if let Some(leader) = self.tracees.remove(&pid) {
            if let (Some(call), false) = (leader.in_syscall, leader.hidden || leader.filtered) {
                let (stamp, args) = (leader.json_stamp, &leader.json_args);
                self.json_event(pid, |buf, _| {
                    json::unfinished(buf, pid, stamp, &call, args, false)
                });
            }
            self.json_event(pid, |buf, stamp| json::plain(buf, "superseded", pid, stamp));
            if !self.text() {
                self.tracees.insert(pid, execing);
                return;
            }
            let prefix = self.outs.prefix(self.tracees.len() + 1);
            let out = self.outs.for_pid(pid);
            if let (Some(call), false) = (leader.in_syscall, leader.hidden || leader.filtered) {
                continue_line(out, pid, prefix, &call);
                out.bytes(b" <unfinished ...>)");
                out.align_return();
                out.bytes(b"?");
                out.end_line();
                out.set_open(None);
            }
            out.start_line(pid, prefix);
            out.bytes(b"+++ superseded by execve +++");
            out.end_line();
        }
        self.tracees.insert(pid, execing);
    }

    fn on_syscall(&mut self, pid: i32) {
        let Ok(info) = ptrace::syscall_info(pid) else {
            return;
        };
        let prefix = self.prefix();
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
                let previous = std::mem::replace(&mut tracee.previous_nr, nr);
                tracee.in_syscall = Some(call);
                tracee.filtered = !self.cfg.trace.contains(nr);
                if self.cfg.syscall_times.is_some() {
                    tracee.entered = Some(Instant::now());
                }
                if tracee.hidden || tracee.filtered {
                    return;
                }
                self.mem.set_pid(pid);
                if let Some(outs) = json_outs(self.cfg.format, &mut self.outs, &mut self.json_copy)
                {
                    // The entry half waits, rendered, for the exit: one event per syscall.
                    tracee.json_stamp = outs.for_pid(pid).json_stamp();
                    tracee.json_args.clear();
                    let mut ctx = Ctx {
                        mem: &self.mem,
                        opts: self.cfg.decode,
                        scratch: &mut self.scratch,
                        previous,
                    };
                    decode::entry(&mut Json::new(&mut tracee.json_args), &mut ctx, &call);
                }
                if !text {
                    return;
                }
                let out = self.outs.for_pid(pid);
                out.start_line(pid, prefix);
                write_name(out, &call);
                out.bytes(b"(");
                let mut ctx = Ctx {
                    mem: &self.mem,
                    opts: self.cfg.decode,
                    scratch: &mut self.scratch,
                    previous,
                };
                decode::entry(&mut Text::new(out), &mut ctx, &call);
                out.set_open(Some(pid));
            }
            SyscallInfo::Exit { rval, is_error } => {
                let Some(call) = tracee.in_syscall.take() else {
                    return;
                };
                if tracee.hidden {
                    return;
                }
                // After a failed first exec the child only reports the error and exits.
                tracee.hidden = std::mem::take(&mut tracee.first_exec) && is_error;
                if tracee.filtered {
                    return;
                }
                let previous = tracee.previous_nr;
                let outcome = if is_error {
                    Outcome::Err(rval.unsigned_abs())
                } else {
                    Outcome::Ok(rval)
                };
                let spent = match (self.cfg.syscall_times, tracee.entered) {
                    (Some(precision), Some(entered)) => Some((precision, entered.elapsed())),
                    _ => None,
                };
                self.mem.set_pid(pid);
                if let Some(outs) = json_outs(self.cfg.format, &mut self.outs, &mut self.json_copy)
                {
                    let out = outs.for_pid(pid);
                    let buf = out.buf();
                    json::begin_syscall(buf, pid, tracee.json_stamp, &call);
                    json::append_entry_args(buf, &tracee.json_args, false);
                    let mut ctx = Ctx {
                        mem: &self.mem,
                        opts: self.cfg.decode,
                        scratch: &mut self.scratch,
                        previous,
                    };
                    decode::exit(&mut Json::new(buf), &mut ctx, &call, outcome);
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
                continue_line(out, pid, prefix, &call);
                let mut ctx = Ctx {
                    mem: &self.mem,
                    opts: self.cfg.decode,
                    scratch: &mut self.scratch,
                    previous,
                };
                decode::exit(&mut Text::new(out), &mut ctx, &call, outcome);
                if let Some((precision, spent)) = spent {
                    stamp::write_duration(out.buf(), spent, precision);
                }
                out.end_line();
                out.set_open(None);
            }
            SyscallInfo::Other => {}
        }
    }

    fn on_signal(&mut self, pid: i32, sig: i32) {
        let prefix = self.prefix();
        if self.tracees.get(&pid).is_none_or(|t| t.hidden) {
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
        let prefix = self.prefix();
        if self.tracees.get(&pid).is_none_or(|t| t.hidden) {
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
        let prefix = self.prefix();
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if tracee.exec_started {
            if let (Some(call), false) = (tracee.in_syscall, tracee.hidden || tracee.filtered) {
                let (stamp, args) = (tracee.json_stamp, &tracee.json_args);
                self.json_event(pid, |buf, _| {
                    json::unfinished(buf, pid, stamp, &call, args, false)
                });
            }
            if !self.cfg.quiet.exit {
                self.json_event(pid, |buf, stamp| match end {
                    Ending::Killed { sig, core } => json::killed(buf, pid, stamp, sig, core),
                    Ending::Exited(code) | Ending::Interrupted(code) => {
                        json::exited(buf, pid, stamp, code)
                    }
                });
            }
        }
        if tracee.exec_started && self.text() {
            let out = self.outs.for_pid(pid);
            if let (Some(call), false) = (tracee.in_syscall, tracee.hidden || tracee.filtered) {
                continue_line(out, pid, prefix, &call);
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
            if !self.cfg.quiet.exit {
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
        if let (Some(call), false) = (tracee.in_syscall, tracee.hidden || tracee.filtered) {
            let (stamp, args) = (tracee.json_stamp, &tracee.json_args);
            self.json_event(pid, |buf, _| {
                json::unfinished(buf, pid, stamp, &call, args, true)
            });
        }
        if tracee.attached && !self.cfg.quiet.attach {
            self.json_event(pid, |buf, stamp| json::plain(buf, "detached", pid, stamp));
        }
        if !self.text() {
            let _ = ptrace::detach(pid, sig);
            self.close_outputs(pid);
            return;
        }
        // Only a line still open gets the mark; one another process cut already says
        // `<unfinished ...>`, and strace resumes nothing after a detach.
        let out = self.outs.for_pid(pid);
        if out.is_open(pid) {
            out.bytes(b" <detached ...>");
            out.end_line();
            out.set_open(None);
        }
        let _ = ptrace::detach(pid, sig);
        if tracee.attached && !self.cfg.quiet.attach {
            if !self.outs.is_stderr() {
                let _ = self.outs.for_pid(pid).finish();
            }
            self.outs.message(format_args!("Process {pid} detached"));
        }
        self.close_outputs(pid);
    }
}

/// Continues `pid`'s open syscall line, or starts a `<... NAME resumed>` line if another
/// process printed in between.
fn continue_line(out: &mut Output, pid: i32, prefix: PidPrefix, call: &Call) {
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
