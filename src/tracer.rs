//! The tracer loop: waits for stops, keeps the state of each tracee, and turns stops into lines.

use crate::decode::{self, Call, Ctx, DecodeOpts, Outcome, Scratch};
use crate::mem::TraceeMemory;
use crate::output::{Output, PidPrefix};
use crate::ptrace::{self, Stop, SyscallInfo};
use crate::table::SigName;
use crate::text::Text;
use nix::errno::Errno;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};

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
    /// `-o` was given: the pid prefix is written the file way.
    pub to_file: bool,
}

#[derive(Default)]
struct Tracee {
    /// The syscall whose entry was seen and whose exit was not.
    in_syscall: Option<Call>,
    /// A spawned child prints nothing until its first execve (the tracer's own fork/stop dance),
    /// and nothing but its end after that execve failed (the tracer's own error exit).
    hidden: bool,
    /// The spawned child's first execve is in progress.
    first_exec: bool,
    /// Something of this tracee was printed, so its end is printed too.
    shown: bool,
    /// Started by the tracer (not attached): killed, not detached, when the tracer is stopped.
    spawned: bool,
    /// The number of the last syscall entered, for `restart_syscall`'s note.
    previous_nr: u64,
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
    out: Output,
    tracees: HashMap<i32, Tracee>,
    mem: TraceeMemory,
    scratch: Scratch,
    /// The spawned command, whose end is the tracer's exit status.
    main_pid: Option<i32>,
    ending: Option<Ending>,
}

impl Tracer {
    pub fn new(cfg: Config, out: Output) -> Self {
        Tracer {
            cfg,
            out,
            tracees: HashMap::new(),
            mem: TraceeMemory::new(0),
            scratch: Scratch::new(),
            main_pid: None,
            ending: None,
        }
    }

    /// Registers a child made by `ptrace::spawn`.
    pub fn add_spawned(&mut self, pid: i32) {
        self.main_pid = Some(pid);
        self.tracees.insert(
            pid,
            Tracee {
                hidden: true,
                spawned: true,
                ..Tracee::default()
            },
        );
    }

    /// Registers an attached (seized and interrupted) thread.
    pub fn add_attached(&mut self, pid: i32) {
        self.tracees.insert(pid, Tracee::default());
    }

    pub fn output(&mut self) -> &mut Output {
        &mut self.out
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
        match (self.tracees.len() > 1, self.cfg.to_file) {
            (false, _) => PidPrefix::None,
            (true, false) => PidPrefix::Bracketed,
            (true, true) => PidPrefix::Plain,
        }
    }

    fn handle(&mut self, stop: Stop) {
        match stop {
            Stop::Syscall { pid } => {
                self.on_syscall(pid);
                self.resume(pid, 0);
            }
            Stop::Signal { pid, sig } => {
                self.on_signal(pid, sig);
                self.resume(pid, sig);
            }
            Stop::Event { pid, event, sig } => {
                let group_stop = event == libc::PTRACE_EVENT_STOP
                    && matches!(
                        sig,
                        libc::SIGSTOP | libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU
                    );
                if group_stop {
                    self.on_group_stop(pid, sig);
                    if ptrace::listen(pid).is_err() {
                        self.resume(pid, 0);
                    }
                } else {
                    self.resume(pid, 0);
                }
            }
            Stop::Exited { pid, code } => {
                self.on_gone(pid, format_args!("+++ exited with {code} +++"));
                if Some(pid) == self.main_pid {
                    self.ending = Some(Ending::Exited(code));
                }
            }
            Stop::Killed { pid, sig, core } => {
                let name = SigName(sig.into());
                let core_note = if core { " (core dumped)" } else { "" };
                self.on_gone(pid, format_args!("+++ killed by {name}{core_note} +++"));
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

    fn on_syscall(&mut self, pid: i32) {
        let Ok(info) = ptrace::syscall_info(pid) else {
            return;
        };
        let prefix = self.prefix();
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        match info {
            SyscallInfo::Entry { nr, args, sp } => {
                if tracee.hidden && !tracee.shown && (nr == NR_EXECVE || nr == NR_EXECVEAT) {
                    tracee.hidden = false;
                    tracee.first_exec = true;
                }
                let call = Call::new(nr, args, sp);
                let previous = std::mem::replace(&mut tracee.previous_nr, nr);
                tracee.in_syscall = Some(call);
                if tracee.hidden {
                    return;
                }
                tracee.shown = true;
                self.out.start_line(pid, prefix);
                write_name(&mut self.out, &call);
                self.out.bytes(b"(");
                self.mem.set_pid(pid);
                let mut ctx = Ctx {
                    mem: &self.mem,
                    opts: self.cfg.decode,
                    scratch: &mut self.scratch,
                    previous,
                };
                if let Some(call) = tracee.in_syscall.as_mut() {
                    decode::entry(&mut Text::new(&mut self.out), &mut ctx, call);
                }
                self.out.set_open(Some(pid));
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
                let previous = tracee.previous_nr;
                self.continue_line(pid, prefix, &call);
                let outcome = if is_error {
                    Outcome::Err(rval.unsigned_abs())
                } else {
                    Outcome::Ok(rval)
                };
                self.mem.set_pid(pid);
                let mut ctx = Ctx {
                    mem: &self.mem,
                    opts: self.cfg.decode,
                    scratch: &mut self.scratch,
                    previous,
                };
                decode::exit(&mut Text::new(&mut self.out), &mut ctx, &call, outcome);
                self.out.end_line();
                self.out.set_open(None);
            }
            SyscallInfo::Other => {}
        }
    }

    /// Continues `pid`'s open syscall line, or starts a `<... NAME resumed>` line if another
    /// process printed in between.
    fn continue_line(&mut self, pid: i32, prefix: PidPrefix, call: &Call) {
        if !self.out.is_open(pid) {
            self.out.start_line(pid, prefix);
            self.out.bytes(b"<... ");
            write_name(&mut self.out, call);
            self.out.bytes(b" resumed>");
        }
    }

    fn on_signal(&mut self, pid: i32, sig: i32) {
        let prefix = self.prefix();
        let Some(tracee) = self.tracees.get(&pid) else {
            return;
        };
        if tracee.hidden {
            return;
        }
        self.out.start_line(pid, prefix);
        let _ = write_fmt(&mut self.out, format_args!("--- {} ", SigName(sig.into())));
        match ptrace::siginfo(pid) {
            Ok(raw) => decode::siginfo(&mut Text::new(&mut self.out), &raw),
            Err(_) => self.out.bytes(b"{}"),
        }
        self.out.bytes(b" ---");
        self.out.end_line();
    }

    fn on_group_stop(&mut self, pid: i32, sig: i32) {
        let prefix = self.prefix();
        if self.tracees.get(&pid).is_none_or(|t| t.hidden) {
            return;
        }
        self.out.start_line(pid, prefix);
        let _ = write_fmt(
            &mut self.out,
            format_args!("--- stopped by {} ---", SigName(sig.into())),
        );
        self.out.end_line();
    }

    /// A tracee exited or was killed: finish its open syscall with `= ?`, then print `line`.
    fn on_gone(&mut self, pid: i32, line: std::fmt::Arguments<'_>) {
        let prefix = self.prefix();
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if !tracee.shown {
            return;
        }
        if let (Some(call), false) = (tracee.in_syscall, tracee.hidden) {
            self.continue_line(pid, prefix, &call);
            // Arguments left for the exit will never be printed: strace marks the cut there.
            if call.has_exit_args() {
                self.out.bytes(b" <unfinished ...>");
            }
            self.out.bytes(b")");
            self.out.align_return();
            self.out.bytes(b"?");
            self.out.end_line();
            self.out.set_open(None);
        }
        self.out.start_line(pid, prefix);
        let _ = write_fmt(&mut self.out, line);
        self.out.end_line();
    }

    /// Leaves every tracee: the spawned command is sent `sig` (and detached only when
    /// `spawned_too` is false, on a repeated signal), attached processes are detached.
    fn leave_all(&mut self, sig: i32, first: bool) {
        let pids: Vec<i32> = self.tracees.keys().copied().collect();
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
        let prefix = self.prefix();
        let Some(tracee) = self.tracees.remove(&pid) else {
            return;
        };
        if let (Some(call), false) = (tracee.in_syscall, tracee.hidden) {
            self.continue_line(pid, prefix, &call);
            self.out.bytes(b" <detached ...>");
            self.out.end_line();
            self.out.set_open(None);
        }
        let _ = ptrace::detach(pid, sig);
        if !tracee.spawned {
            let _ = self.out.finish();
            eprintln!("strace-rs: Process {pid} detached");
        }
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
