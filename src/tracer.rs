//! The tracer loop: waits for stops, keeps the state of each tracee, and turns stops into
//! events for the renderer (crate::render).
//!
//! Every stop the kernel reports is a `ptrace::Stopped` value that must be let go exactly once
//! (resumed, listened or detached); each handler below consumes the one it is given.

use crate::comm::Comm;
use crate::decode::{self, Call, Ctx, DecodeOpts, Outcome, PidKind, PidNote, PidResolver, Scratch};
use crate::fdinfo::{DecodeFds, FdResolver, ProcFds};
use crate::filter::{NameSet, Qualifiers, quiet, status};
use crate::inject::{self, Marks};
use crate::mem::TraceeMemory;
use crate::pathtrace::{self, FdSet, PathSet};
use crate::pidmap::PidMap;
use crate::pidns::{PidNotes, PidNs};
use crate::ptrace::{self, Resume, SignalStop, Stop, Stopped, SyscallInfo};
use crate::render::{End, Exit, Origin, Render};
use crate::seccomp;
use crate::signals;
use crate::stamp::Precision;
use crate::summary::Summary;
use crate::tree::{self, Tree};
use nix::errno::Errno;
use std::time::{Duration, Instant};

mod lineage;

/// `__NR_execve` and `__NR_execveat` (asm/unistd_64.h): a spawned child is traced from its exec on.
const NR_EXECVE: u64 = 59;
const NR_EXECVEAT: u64 = 322;

/// How long the loop polls for the next stop before it sleeps in `wait4`. A resumed tracee
/// usually stops again within microseconds, sooner than a sleeping tracer is woken (two
/// context switches and, between CPUs, an interrupt; on a virtual machine an exit to the
/// host), so a short poll saves that latency on every stop. A tracee that runs longer (an
/// `execve`, a fork, a program faulting its pages in) would make a longer poll burn CPU the
/// tracees need: bounded by time, not by a count of polls, the waste is the same on a fast
/// machine and a slow one. Measured on a 2-CPU virtual machine (15 interleaved rounds):
/// 60 µs keeps the syscall-dense workloads where 200 polls had them (0.30-0.33 of strace's
/// wall time on getppid) and brings `make -j2`'s CPU time from 1.22 to 0.99 of strace's.
const POLL_FOR: Duration = Duration::from_micros(60);

/// How many stops after a process is forked or runs a new program the loop sleeps at once
/// instead of polling. A starting program's stops come slowly (the loader opens, maps and
/// relocates its libraries and faults their pages in: some 30 syscalls), so polling there
/// costs more CPU than it saves: 200 processes that each run /bin/true took 1.5 times strace's
/// CPU time with the poll and 0.9-1.0 without it (interleaved rounds on a 2-CPU virtual
/// machine), while the syscall-dense workloads that run one program keep their poll. A count
/// that covers only part of the start measured slower than either (16 or 32 stops: 1.2-1.3
/// times strace's wall time): the scheduler follows a steady pattern best.
const UNPOLLED_AFTER_START: u32 = 64;

/// How many tracees make a crowd: a parent waiting for its children and two of them running
/// (`make -j2`), or threads. While a program starts, one tracee alone is best slept for (above:
/// it and the tracer take turns on one CPU); in a crowd another tracee's stop is often pending
/// or comes within microseconds, so the loop polls briefly even then ([`CROWDED_POLL_FOR`]).
const CROWD: usize = 3;

/// How long the loop polls while a program starts in a crowd: long enough for the stops of
/// tracees running beside it, too short to burn CPU on a starting program's slow ones. 200
/// processes running /bin/true two at a time (15 interleaved rounds on a 2-CPU virtual
/// machine): 0.94 of strace's wall time sleeping, 0.78 polling 7 or 10 µs, CPU time the same
/// (1.03-1.05 of strace's either way); 20 µs cost more CPU (1.12). A shell loop running them one
/// at a time (two tracees) is unchanged: any poll there cost 1.2-1.6 times strace's wall time.
const CROWDED_POLL_FOR: Duration = Duration::from_micros(10);

/// How long the loop polls for the next stop before it sleeps, if at all: `starting` while a
/// program starts ([`UNPOLLED_AFTER_START`]), with `tracees` traced.
fn poll_for(starting: bool, tracees: usize) -> Option<Duration> {
    match (starting, tracees >= CROWD) {
        (false, _) => Some(POLL_FOR),
        (true, true) => Some(CROWDED_POLL_FOR),
        (true, false) => None,
    }
}

/// How long what the tracer printed may wait in its buffer while the tracer sleeps. Writing
/// it out before every sleep cost a system call per stop where programs start one after the
/// other (the loop sleeps at every stop there: 3460 writes for 3258 stops of 50 processes
/// running /bin/true, 64 with the alarm); 200 of them took 0.90 of strace's wall time with a
/// write per sleep and 0.87 with one per alarm (13 interleaved rounds on a 2-CPU virtual
/// machine). Lines to stderr or into a command (`-o |CMD`) are written as they end regardless.
const FLUSH_WITHIN: Duration = Duration::from_millis(10);

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
    /// `-b execve`: a process is let go when it runs a new program (the command's own first
    /// execve excepted).
    pub detach_on_execve: bool,
    /// `-f`: a stop of a process not known yet is a followed child's; without it, a stranger
    /// (a child a tracee cloned with CLONE_PTRACE) is let go.
    pub follow: bool,
    /// The spawned command runs under the seccomp filter without `-f`: its children and
    /// threads inherit the filter, and one not traced would see its traced syscalls fail
    /// with ENOSYS (seccomp(2), `SECCOMP_RET_TRACE` without a tracer). They are followed
    /// silently: resumed past their filter stops, never shown, never counted.
    pub silent_follow: bool,
    /// The tracer's own child reading the trace (`-o '|CMD'`): its exit is no tracee's.
    pub output_pid: Option<i32>,
    /// `--decode-pids=pidns`: pids are shown in the tracer's namespace too.
    pub pidns: bool,
    /// `-d`: debug messages (of the events strace's debug output has that a user can act on).
    pub debug: bool,
    /// `--syscall-limit=N`: every tracee is let go once N syscalls were shown.
    pub syscall_limit: Option<u64>,
    /// `-e kvm=vcpu`: KVM_RUN's return shows why the vcpu exited.
    pub kvm_vcpu: bool,
    /// `--json`: the renderer gets each new process with its parent and each execve
    /// (`Render::process`, `Render::exec`).
    pub process_events: bool,
}

/// A tracee held stopped at a syscall stop until `until`, then resumed as `how` with `sig`.
struct Held {
    until: Instant,
    stopped: Stopped,
    how: Resume,
    sig: i32,
}

/// What a stop says of its process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arrival {
    /// A tracee seen before.
    Known,
    /// A followed child's first stop.
    First,
    /// Not a tracee, and not to be one (no `-f`).
    Stranger,
}

/// How a tracee came to be traced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// The command the tracer started.
    Spawned,
    /// A thread of a process given with `-p`.
    Attached,
    /// A child or thread of a tracee, attached by the kernel (`-f`).
    Followed,
}

/// Where a tracee is in its life, as far as what is shown of it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The spawned child before its first execve: the tracer's own fork and stop, not shown.
    Starting,
    /// The spawned child's first execve is in progress.
    FirstExec,
    /// That execve failed: nothing but its end is shown (the tracer's own error exit).
    ExecFailed,
    /// A followed child whose first stop (the kernel's attach stop) is still to come.
    Arriving,
    /// Running its program: everything is shown.
    Running,
}

impl Phase {
    /// Its syscalls and signals are not shown.
    fn hidden(self) -> bool {
        matches!(self, Phase::Starting | Phase::ExecFailed)
    }

    /// Past the spawned child's first execve (or not spawned): its end is shown.
    fn exec_started(self) -> bool {
        self != Phase::Starting
    }
}

/// The syscall a tracee is in (its entry seen, its exit not yet).
#[derive(Debug, Clone, Copy)]
struct InSyscall {
    call: Call,
    /// Its line is shown: not hidden, and selected by `-e trace=`, `-P` and `--trace-fds`.
    shown: bool,
    /// When it was entered, for `-T`.
    entered: Option<Instant>,
    /// `-c`/`-C`: the summary's mark (`Summary::mark`) at its entry.
    mark: Duration,
    /// `-e inject=`: the rule's action fired on it, and what was done at its entry.
    tamper: Option<(inject::Action, inject::Entered)>,
}

struct Tracee {
    how: How,
    phase: Phase,
    /// Followed only to be resumed past its filter stops ([`Config::silent_follow`]).
    silent: bool,
    /// How it is resumed between syscalls: to every syscall, or (under the seccomp filter)
    /// only to the traced ones (`PTRACE_EVENT_SECCOMP`, then the exit stop).
    between: Resume,
    in_syscall: Option<InSyscall>,
    /// The number of the last syscall entered, for `-n` and `restart_syscall`'s note.
    previous_nr: u64,
    /// The instruction pointer at the last stop, for `-i`.
    ip: Option<u64>,
    /// When it was registered: tracees are detached in that order, as strace does.
    seq: u64,
    /// `-e inject=`: its own counts of the calls each rule applies to.
    counters: inject::Counters,
    /// `-Y`: its name, as of its start, its last execve or `prctl(PR_SET_NAME)`.
    comm: Option<Comm>,
    /// What the entry of the call it is in saved for the exit beyond the call's own `saved`
    /// (`decode::Ctx::saved`); kept here so that it is reused from call to call.
    saved: decode::Saved,
    /// The process it belongs to (its thread group), and that process's parent, as far as
    /// the tracer knows (both followed only for `--tree` and JSON).
    tgid: i32,
    ppid: i32,
    /// `--tree`: its traced syscalls that returned and the time in them, not yet added to
    /// its process's node (that is done once, when the tracee is let go).
    calls: u64,
    busy: Duration,
}

impl Tracee {
    fn new(how: How, phase: Phase, between: Resume) -> Self {
        Tracee {
            how,
            phase,
            silent: false,
            between,
            in_syscall: None,
            previous_nr: 0,
            ip: None,
            seq: 0,
            counters: inject::Counters::default(),
            comm: None,
            saved: decode::Saved::default(),
            tgid: 0,
            ppid: 0,
            calls: 0,
            busy: Duration::ZERO,
        }
    }

    /// Its syscalls and signals are not shown.
    fn hidden(&self) -> bool {
        self.silent || self.phase.hidden()
    }

    /// Its end and the call it ends in are shown.
    fn end_shown(&self) -> bool {
        !self.silent && self.phase.exec_started()
    }

    /// How it goes on from a stop: to the exit of a syscall it is in, else as set.
    fn resume_mode(&self) -> Resume {
        match self.in_syscall {
            Some(_) => Resume::ToNextSyscall,
            None => self.between,
        }
    }

    /// The call it is in, if its line shows and `-e status=` shows calls of `class`
    /// (unfinished, detached).
    fn shown_call(&self, q: &Qualifiers, class: u32) -> Option<Call> {
        let current = self.in_syscall.filter(|c| c.shown && !self.hidden())?;
        (q.status == NameSet::ALL || q.status.contains(class)).then_some(current.call)
    }
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
    /// Tracees held stopped by `-e inject=...:delay_enter=/delay_exit=` until their time.
    held: Vec<Held>,
    /// How many syscalls were shown (`--syscall-limit`).
    shown_calls: u64,
    /// The delay the syscall stop in hand asks for (set while handling it).
    hold: Option<Duration>,
    cfg: Config,
    render: Box<dyn Render>,
    tracees: PidMap<Tracee>,
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
    /// Describes descriptors when `-y` asks for it (no lookups otherwise), and tells
    /// netlink sockets for the decoding of their messages.
    fds: ProcFds,
    /// `--decode-pids=pidns`: the tracer's side of the translation.
    pidns: Option<PidNs>,
    /// How many of `tracees` are silent ([`Config::silent_follow`]): not counted among the
    /// processes shown.
    silent: usize,
    /// How a new tracee starts between syscalls: once the spawned command runs under the
    /// filter and nothing was attached with `-p`, every tracee descends from it and is
    /// filtered from its first moment (children and threads inherit the filter).
    new_between: Resume,
    /// `--tree`: the processes seen.
    tree: Option<Tree>,
    /// Stops still to be waited for without a poll ([`UNPOLLED_AFTER_START`]).
    unpolled: u32,
}

impl Tracer {
    pub fn new(cfg: Config, render: Box<dyn Render>) -> Self {
        let dumping = !cfg.q.read_dumps.is_empty() || !cfg.q.write_dumps.is_empty();
        let fds = ProcFds::new(cfg.decode_fds, cfg.kvm_vcpu);
        Tracer {
            held: Vec::new(),
            shown_calls: 0,
            hold: None,
            fds,
            // Also when `/proc` is not of the tracer's namespace: its entries must be found.
            pidns: (cfg.pidns || !crate::pidns::proc_is_ours())
                .then(PidNs::new)
                .flatten()
                .filter(|ns| cfg.pidns || !ns.proc_is_ours()),
            cfg,
            render,
            tracees: PidMap::default(),
            mem: TraceeMemory::new(0),
            scratch: Scratch::new(),
            main_pid: None,
            ending: None,
            next_seq: 0,
            unpolled: 0,
            dumping,
            summary: None,
            stime: Duration::ZERO,
            new_between: Resume::ToNextSyscall,
            silent: 0,
            tree: None,
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
        self.register(
            pid,
            Tracee::new(How::Spawned, Phase::Starting, Resume::ToNextSyscall),
        );
        self.root_process(pid, false);
    }

    /// Registers an attached (seized and interrupted) thread of process `tgid`.
    pub fn add_attached(&mut self, pid: i32, tgid: i32) {
        let mut tracee = Tracee::new(How::Attached, Phase::Running, Resume::ToNextSyscall);
        tracee.tgid = tgid;
        self.register(pid, tracee);
        if pid == tgid {
            self.root_process(pid, true);
        }
    }

    /// Announces process `pid`, attached with `threads` threads (unless quiet).
    pub fn announce_attached(&mut self, pid: i32, threads: usize) {
        if !self.cfg.q.quiet.contains(quiet::ATTACH) {
            let ppid = self.tracees.get(&pid).map_or(0, |t| t.ppid);
            self.render.attached(pid, threads, ppid);
        }
    }

    fn register(&mut self, pid: i32, mut tracee: Tracee) {
        if self.cfg.decode.pid_comm {
            tracee.comm = Comm::of(pid.into());
        }
        self.next_seq += 1;
        tracee.seq = self.next_seq;
        if tracee.tgid == 0 {
            tracee.tgid = pid;
        }
        self.silent += usize::from(tracee.silent);
        if let Some(old) = self.tracees.insert(pid, tracee) {
            self.silent -= usize::from(old.silent);
        }
    }

    /// Forgets tracee `pid`.
    fn unregister(&mut self, pid: i32) -> Option<Tracee> {
        let tracee = self.tracees.remove(&pid)?;
        self.silent -= usize::from(tracee.silent);
        self.tracee_left(&tracee);
        Some(tracee)
    }

    /// How many processes are traced, as shown: the silent ones are not.
    fn shown_procs(&self) -> usize {
        self.tracees.len() - self.silent
    }

    /// Runs until no tracee is left, or until a fatal signal (`-I`, crate::signals) makes the
    /// tracer leave them all as strace does: the spawned command is sent the signal, and every
    /// tracee is detached at once (a command that ignores the signal runs on, untraced).
    pub fn run(&mut self) -> Ending {
        let stime = self.summary.is_some();
        while !self.tracees.is_empty() {
            if self.cfg.syscall_limit == Some(self.shown_calls) {
                if !self.cfg.q.quiet.contains(quiet::ATTACH) {
                    crate::msg::error(format_args!(
                        "System call limit has been reached, detaching tracees"
                    ));
                }
                self.leave_all(0);
                // As strace: its exit status is no longer the command's.
                return Ending::Exited(0);
            }
            let sig = signals::take_interrupt();
            if sig != 0 {
                self.leave_all(sig);
                return Ending::Interrupted(sig);
            }
            // Tracees held by `delay_*` whose time came go on; until the next one's, the
            // wait has a deadline.
            self.release_held(false);
            let waited = match self.held.iter().map(|h| h.until).min() {
                Some(deadline) => {
                    self.render.flush();
                    match ptrace::wait_any_until(stime, deadline) {
                        Ok(Some(found)) => Ok(found),
                        Ok(None) => continue,
                        Err(e) => Err(e),
                    }
                }
                None => self.poll_then_wait(stime),
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

    /// The next stop: polled briefly (while a program starts only in a crowd), then waited for
    /// (`Err(EINTR)`: a signal came).
    fn poll_then_wait(&mut self, stime: bool) -> Result<(Stop, Duration), Errno> {
        let starting = self.unpolled > 0;
        self.unpolled = self.unpolled.saturating_sub(1);
        let polled = match poll_for(starting, self.tracees.len()) {
            Some(budget) => ptrace::poll_any(stime, budget),
            None => Ok(None),
        };
        match polled {
            Ok(Some(found)) => Ok(found),
            Ok(None) => {
                // Nothing in hand, so the tracer sleeps: whoever reads the trace sees
                // everything within FLUSH_WITHIN, written out when the alarm that says so rang.
                if signals::take_alarm() {
                    self.render.flush();
                } else if self.render.buffered() {
                    signals::alarm_within(FLUSH_WITHIN);
                }
                if signals::interrupted() {
                    return Err(Errno::EINTR);
                }
                ptrace::wait_any(stime)
            }
            Err(e) => Err(e),
        }
    }

    /// Lets go the held tracees whose time came (all of them with `all`).
    fn release_held(&mut self, all: bool) {
        if self.held.is_empty() {
            return;
        }
        let now = Instant::now();
        let (due, wait): (Vec<Held>, Vec<Held>) = std::mem::take(&mut self.held)
            .into_iter()
            .partition(|h| all || h.until <= now);
        self.held = wait;
        for h in due {
            h.stopped.resume_with_signal(h.how, h.sig);
        }
    }

    /// Resumes a tracee from a syscall stop, or holds it stopped while `-e inject=...:delay_*`
    /// says (other tracees go on meanwhile).
    fn go_on(&mut self, stopped: Stopped, sig: i32) {
        let how = self.resume_mode(stopped.pid());
        match self.hold.take() {
            Some(delay) => self.held.push(Held {
                until: Instant::now() + delay,
                stopped,
                how,
                sig,
            }),
            None => stopped.resume_with_signal(how, sig),
        }
    }

    /// Who an event of `pid` is about: its pid, how many processes are traced, and its last
    /// syscall number and instruction pointer when `-n`/`-i` show them.
    fn origin(&self, pid: i32) -> Origin {
        let nprocs = self.shown_procs();
        let tracee = (self.cfg.show_nr || self.cfg.show_ip || self.cfg.decode.pid_comm)
            .then(|| self.tracees.get(&pid))
            .flatten();
        match tracee {
            Some(t) => Self::origin_of(&self.cfg, nprocs, pid, t),
            // Not known (or nothing to show of it): no number, an unknown pointer.
            None => Origin {
                pid,
                nprocs,
                nr: None,
                ip: self.cfg.show_ip.then_some(None),
                comm: None,
            },
        }
    }

    fn handle(&mut self, stop: Stop) {
        match stop {
            Stop::Syscall(stopped) => {
                if self.arrived(stopped.pid()) == Arrival::Stranger {
                    return self.let_go_stranger(stopped.pid(), || stopped.detach());
                }
                let sig = self.on_syscall(&stopped);
                self.go_on(stopped, sig);
            }
            Stop::Signal(stopped) => {
                if self.arrived(stopped.pid()) == Arrival::Stranger {
                    // Its signal goes with it, but not the SIGSTOP the kernel queued for a
                    // CLONE_PTRACE child of a tracee that was not seized: that would stop it.
                    let pid = stopped.pid();
                    return match stopped.sig() {
                        libc::SIGSTOP => self.let_go_stranger(pid, || stopped.detach_quietly()),
                        _ => self.let_go_stranger(pid, || stopped.detach()),
                    };
                }
                self.on_signal(&stopped);
                let how = self.resume_mode(stopped.pid());
                stopped.deliver(how);
            }
            Stop::Event {
                stopped,
                event,
                sig,
            } => {
                let pid = stopped.pid();
                match self.arrived(pid) {
                    Arrival::Stranger => self.let_go_stranger(pid, || stopped.detach()),
                    arrival => self.on_event(stopped, event, sig, arrival == Arrival::First),
                }
            }
            Stop::Exited { pid, code } => self.on_gone(pid, End::Exited(code)),
            Stop::Killed { pid, sig, core } => self.on_gone(pid, End::Killed { sig, core }),
        }
    }

    /// How `pid` goes on from a stop.
    fn resume_mode(&self, pid: i32) -> Resume {
        self.tracees
            .get(&pid)
            .map_or(Resume::ToNextSyscall, Tracee::resume_mode)
    }

    /// Notes a stop of `pid`. With `-f`, a process not known yet is a followed child whose
    /// attach stop arrived before its parent's fork event (the kernel does not order the two);
    /// without it, a stranger.
    fn arrived(&mut self, pid: i32) -> Arrival {
        // One lookup for a known tracee: this runs at every stop.
        if let Some(t) = self.tracees.get_mut(&pid) {
            if t.phase == Phase::Arriving {
                t.phase = Phase::Running;
                return Arrival::First;
            }
            return Arrival::Known;
        }
        if !self.cfg.follow && !self.cfg.silent_follow {
            return Arrival::Stranger;
        }
        self.adopt(pid, self.new_between, !self.cfg.follow, None);
        if let Some(t) = self.tracees.get_mut(&pid) {
            t.phase = Phase::Running;
        }
        Arrival::First
    }

    /// Lets go a process traced without being asked for: a tracee cloned it with CLONE_PTRACE
    /// and `-f` is not given. As strace, it runs on untraced, and this is said.
    fn let_go_stranger(&mut self, pid: i32, detach: impl FnOnce()) {
        detach();
        if !self.cfg.q.quiet.contains(quiet::ATTACH) {
            crate::msg::error(format_args!("Detached unknown pid {pid}"));
        }
    }

    /// Starts tracing a child the kernel attached because its parent is traced with `-f`, or
    /// (`silent`) because it has the spawned command's filter and no `-f`; made by tracee
    /// `creator` with a ptrace event, when that event came before the child's first stop.
    fn adopt(&mut self, pid: i32, between: Resume, silent: bool, creator: Option<(i32, i32)>) {
        let mut tracee = Tracee::new(How::Followed, Phase::Arriving, between);
        if silent {
            // Stopped at its filtered syscalls only, and resumed past them at once.
            tracee.silent = true;
            tracee.between = Resume::ToFilteredSyscall;
            return self.register(pid, tracee);
        }
        self.register(pid, tracee);
        self.followed(pid, creator);
        // Announced unless quiet: strace's default `-q` for `-o FILE PROG` leaves it out.
        self.announce_attached(pid, 1);
    }

    fn on_event(&mut self, stopped: Stopped, event: i32, sig: i32, first_stop: bool) {
        let pid = stopped.pid();
        if matches!(
            event,
            libc::PTRACE_EVENT_EXEC | libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK
        ) {
            self.unpolled = UNPOLLED_AFTER_START;
        }
        match event {
            libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE => {
                if let Ok(child) = stopped.event_msg() {
                    let child = child as i32;
                    // The child has its parent's filter (or none), whichever stop came first.
                    let between = self
                        .tracees
                        .get(&pid)
                        .map_or(Resume::ToNextSyscall, |t| t.between);
                    match self.tracees.get_mut(&child) {
                        Some(t) if !t.silent => t.between = between,
                        Some(_) => {}
                        None => {
                            let creator = Some((pid, event));
                            self.adopt(child, between, !self.cfg.follow, creator);
                        }
                    }
                }
            }
            libc::PTRACE_EVENT_EXEC => {
                if let Ok(former) = stopped.event_msg() {
                    self.on_exec(pid, former as i32);
                }
                self.exec_done(pid);
                if self.cfg.decode.pid_comm
                    && let Some(t) = self.tracees.get_mut(&pid)
                {
                    t.comm = Comm::of(pid.into());
                }
                let first = self
                    .tracees
                    .get(&pid)
                    .is_some_and(|t| t.how == How::Spawned && t.phase == Phase::FirstExec);
                if self.cfg.detach_on_execve && !first {
                    stopped.detach();
                    return self.detached(pid);
                }
            }
            libc::PTRACE_EVENT_SECCOMP => {
                // Only a filtered tracee stops here. Resumed to every syscall, it already
                // reported this syscall's entry; else this stop is the entry. The spawned
                // child stops here before its first execve too (-u's setuid, a traced prctl):
                // it must still stop at every syscall until that execve is over.
                let entered = match self.tracees.get_mut(&pid) {
                    // Followed only for this: the call goes on, unseen.
                    Some(t) if t.silent => true,
                    Some(t) => {
                        if t.phase == Phase::Running {
                            t.between = Resume::ToFilteredSyscall;
                        }
                        t.in_syscall.is_some()
                    }
                    None => true,
                };
                if !entered {
                    let sig = self.on_syscall(&stopped);
                    return self.go_on(stopped, sig);
                }
            }
            libc::PTRACE_EVENT_EXIT => self.on_exiting(pid),
            libc::PTRACE_EVENT_STOP => {
                let group_stop = matches!(
                    sig,
                    libc::SIGSTOP | libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU
                );
                // A followed child's first stop is the kernel's attach stop, not a group stop.
                if group_stop && !first_stop && self.tracees.contains_key(&pid) {
                    self.on_group_stop(pid, sig);
                    match stopped.listen() {
                        Ok(()) => return,
                        Err(stopped) => {
                            let how = self.resume_mode(pid);
                            return stopped.resume(how);
                        }
                    }
                }
            }
            _ => {}
        }
        let how = self.resume_mode(pid);
        stopped.resume(how);
    }

    /// A thread other than the leader called execve: the kernel gives it the leader's pid
    /// (execve(2)); the leader's old state ends as strace shows it.
    fn on_exec(&mut self, pid: i32, former: i32) {
        if former == pid {
            return;
        }
        let Some(mut execing) = self.unregister(former) else {
            return;
        };
        let leader = self.unregister(pid);
        // The process goes on under the leader's pid: shown as the leader was.
        if let Some(l) = &leader {
            execing.silent = l.silent;
        }
        if let Some(leader) = leader.filter(|t| !self.cfg.summary_only && !t.silent) {
            // The leader's last lines count it among the traced processes still.
            let at = Origin {
                nprocs: self.shown_procs() + 1,
                ..self.origin(pid)
            };
            let call = leader.shown_call(&self.cfg.q, status::UNFINISHED);
            self.render.unfinished(at, call.as_ref());
            let shown = !self.cfg.q.quiet.contains(quiet::THREAD_EXECVE);
            self.render.superseded(at, former, shown);
        }
        self.silent += usize::from(execing.silent);
        // Its syscalls so far were counted as it was let go above.
        execing.calls = 0;
        execing.busy = Duration::ZERO;
        self.tracees.insert(pid, execing);
    }

    /// A syscall stop; the signal to deliver as the tracee goes on (`-e inject=...:signal=`),
    /// or 0.
    fn on_syscall(&mut self, stopped: &Stopped) -> i32 {
        // The exit of a call that is not shown needs nothing from the kernel (as strace, which
        // fetches no registers for it): one ptrace request fewer per filtered call.
        let needs_exit_info = self.cfg.show_ip || self.cfg.decode.pid_comm;
        if !needs_exit_info
            && let Some(t) = self.tracees.get_mut(&stopped.pid())
            && t.phase == Phase::Running
            && t.in_syscall.is_some_and(|c| !c.shown)
        {
            t.in_syscall = None;
            return 0;
        }
        let Ok((info, ip)) = stopped.syscall_info() else {
            return 0;
        };
        match info {
            SyscallInfo::Entry { nr, args, sp } => {
                return self.on_entry(stopped, ip, Call::new(nr, args, sp));
            }
            SyscallInfo::Exit { rval, is_error } => self.on_exit(stopped, ip, rval, is_error),
            SyscallInfo::Other => {}
        }
        0
    }

    /// Who an event of `tracee` (`pid`) is about, as [`Tracer::origin`] says, from the tracee
    /// in hand: the syscall path looks each tracee up once.
    fn origin_of(cfg: &Config, nprocs: usize, pid: i32, tracee: &Tracee) -> Origin {
        Origin {
            pid,
            nprocs,
            nr: cfg.show_nr.then_some(tracee.previous_nr),
            ip: cfg.show_ip.then_some(tracee.ip),
            comm: tracee.comm,
        }
    }

    /// A syscall entry: whether it is shown (`-e trace=`, `-P`, `--trace-fds`, the spawned
    /// child's own calls before its execve), and if so its entry half. Returns the signal an
    /// `-e inject=` rule delivers as it goes on, or 0.
    fn on_entry(&mut self, stopped: &Stopped, ip: u64, call: Call) -> i32 {
        let pid = stopped.pid();
        let nprocs = self.shown_procs();
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return 0;
        };
        tracee.ip = Some(ip);
        // The syscall entered becomes the tracee's last one (for `-n`); the one before it is
        // what a `restart_syscall` resumes.
        let previous = std::mem::replace(&mut tracee.previous_nr, call.nr);
        if tracee.phase == Phase::Starting && (call.nr == NR_EXECVE || call.nr == NR_EXECVEAT) {
            tracee.phase = Phase::FirstExec;
        }
        // A number past the table is shown whatever the trace set says, as strace shows it
        // (its trace set has no bit for it).
        let beyond = call.nr as usize >= crate::table::SYSCALLS.len();
        if beyond && self.cfg.debug {
            crate::msg::error(format_args!("pid {pid} invalid syscall {:#x}", call.nr));
        }
        let mut shown = (beyond || self.cfg.q.trace.contains(call.nr)) && !tracee.hidden();
        if shown {
            self.mem.set_pid(pid);
            shown = selected(&self.cfg, &call, &self.mem, pid);
        }
        // strace tampers only with the calls it shows.
        let rules = &self.cfg.q.inject;
        let tamper = shown
            .then(|| tracee.counters.enter(rules, call.nr))
            .flatten()
            .map(|action| {
                self.mem.set_pid(pid);
                let target = inject::Target {
                    stopped,
                    mem: &self.mem,
                    nr: call.nr,
                    args: call.args,
                };
                (action, inject::at_entry(&target, rules, &action))
            });
        self.hold = tamper.and_then(|(action, _)| action.delay_enter);
        let tracee_comm = tracee.comm;
        let current = tracee.in_syscall.insert(InSyscall {
            // The tracee keeps the call: decoding the entry saves values into it (`saved`)
            // that the exit shows beside what the kernel left.
            call: Call {
                raw: self.cfg.q.raw.contains(call.nr),
                ..call
            },
            shown,
            entered: (self.cfg.syscall_times.is_some() || self.tree.is_some()).then(Instant::now),
            mark: Duration::ZERO,
            tamper,
        });
        let sig = tamper.and_then(|(action, _)| action.signal).unwrap_or(0);
        if !shown {
            return sig;
        }
        if !self.cfg.summary_only {
            let at = Origin {
                pid,
                nprocs,
                nr: self.cfg.show_nr.then_some(call.nr),
                ip: self.cfg.show_ip.then_some(Some(ip)),
                comm: tracee_comm,
            };
            self.mem.set_pid(pid);
            let fds = resolver(&mut self.fds, &mut self.pidns, pid);
            let mut notes = pid_notes(&self.cfg, &mut self.pidns, pid);
            let mut ctx = Ctx {
                mem: &self.mem,
                opts: decode_opts(&self.cfg, call.nr),
                scratch: &mut self.scratch,
                previous,
                fds,
                pids: notes.as_mut().map(|n| n as &mut dyn PidResolver),
                saved: Some(&mut tracee.saved),
            };
            self.render.entry(at, &mut current.call, &mut ctx);
        }
        if let Some(summary) = &self.summary {
            current.mark = summary.mark(self.stime);
        }
        sig
    }

    /// A syscall exit: counted for `-c`, shown unless `-e status=` leaves out its outcome.
    fn on_exit(&mut self, stopped: &Stopped, ip: u64, rval: i64, is_error: bool) {
        let pid = stopped.pid();
        let nprocs = self.shown_procs();
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        tracee.ip = Some(ip);
        let at = Self::origin_of(&self.cfg, nprocs, pid, tracee);
        let previous = tracee.previous_nr;
        let Some(current) = tracee.in_syscall.take() else {
            return;
        };
        // `--tree`: the calls `-c` counts, timed as `-c -w` times them.
        if current.shown && self.tree.is_some() {
            tracee.calls += 1;
            tracee.busy += current.entered.map_or(Duration::ZERO, |e| e.elapsed());
        }
        if self.cfg.decode.pid_comm && !is_error && renames(&current.call) {
            tracee.comm = Comm::of(pid.into());
        }
        match tracee.phase {
            Phase::Starting | Phase::ExecFailed => return,
            // After a failed first exec the child only reports the error and exits.
            Phase::FirstExec if is_error => tracee.phase = Phase::ExecFailed,
            Phase::FirstExec => {
                tracee.phase = Phase::Running;
                // The spawned command runs the program now: with its filter (if the child
                // could install it) it need not stop at other syscalls.
                if self.cfg.seccomp && seccomp::is_filtered(pid) {
                    tracee.between = Resume::ToFilteredSyscall;
                    let attached_any = self.tracees.values().any(|t| t.how == How::Attached);
                    if !attached_any {
                        self.new_between = Resume::ToFilteredSyscall;
                    }
                }
            }
            Phase::Arriving | Phase::Running => {}
        }
        if !current.shown {
            return;
        }
        // A call that cannot fail returned a value, whatever it looks like (strace's NF).
        let is_error = is_error && !current.call.desc.is_some_and(|d| d.never_fails);
        let (rval, is_error, marks) = match current.tamper {
            Some((action, entered)) => {
                self.mem.set_pid(pid);
                let target = inject::Target {
                    stopped,
                    mem: &self.mem,
                    nr: current.call.nr,
                    args: current.call.args,
                };
                let rules = &self.cfg.q.inject;
                self.hold = action.delay_exit;
                inject::at_exit(&target, rules, &action, entered, (rval, is_error))
            }
            None => (rval, is_error, Marks::default()),
        };
        let call = current.call;
        if let Some(summary) = &mut self.summary {
            let time = summary.mark(self.stime).saturating_sub(current.mark);
            summary.record(pid, call.nr, time, is_error);
        }
        if self.cfg.summary_only {
            return;
        }
        let (outcome, class) = if is_error {
            (Outcome::Err(rval.unsigned_abs()), status::FAILED)
        } else {
            (Outcome::Ok(rval), status::SUCCESSFUL)
        };
        if !self.cfg.q.status.contains(class) {
            self.render.discard(pid);
            return;
        }
        self.shown_calls += 1;
        let exit = Exit {
            outcome,
            spent: self
                .cfg
                .syscall_times
                .zip(current.entered)
                .map(|(precision, entered)| (precision, entered.elapsed())),
            dump: self.dump_of(&call, outcome),
            marks,
        };
        self.mem.set_pid(pid);
        let fds = resolver(&mut self.fds, &mut self.pidns, pid);
        let mut notes = pid_notes(&self.cfg, &mut self.pidns, pid);
        let mut saved = self
            .tracees
            .get_mut(&pid)
            .map(|t| std::mem::take(&mut t.saved))
            .unwrap_or_default();
        let mut ctx = Ctx {
            mem: &self.mem,
            opts: decode_opts(&self.cfg, call.nr),
            scratch: &mut self.scratch,
            previous,
            fds,
            pids: notes.as_mut().map(|n| n as &mut dyn PidResolver),
            saved: Some(&mut saved),
        };
        self.render.exit(at, &call, exit, &mut ctx);
        // Given back, to be reused by the tracee's next call.
        if let Some(t) = self.tracees.get_mut(&pid) {
            t.saved = saved;
        }
    }

    /// The data `call` moved, if `-e read=` or `-e write=` asks for a dump of it.
    fn dump_of(&self, call: &Call, outcome: Outcome) -> Option<decode::Transfer> {
        if !self.dumping {
            return None;
        }
        decode::transfer(call, outcome).filter(|t| {
            let dumps = if t.read {
                &self.cfg.q.read_dumps
            } else {
                &self.cfg.q.write_dumps
            };
            dumps.contains(i64::from(t.fd))
        })
    }

    fn on_signal(&mut self, stopped: &SignalStop) {
        let pid = stopped.pid();
        let sig = stopped.sig();
        if self.cfg.show_ip
            && let Some(tracee) = self.tracees.get_mut(&pid)
        {
            tracee.ip = stopped.instruction_pointer().ok();
        }
        if self.cfg.summary_only
            || self.tracees.get(&pid).is_none_or(Tracee::hidden)
            || !self.cfg.q.signals.contains(sig)
        {
            return;
        }
        let info = stopped.siginfo().ok();
        let sender = info.map_or(0, |raw| decode::siginfo_sender(&raw));
        let note = match pid_notes(&self.cfg, &mut self.pidns, pid) {
            Some(mut notes) if sender > 0 => notes.note(sender, PidKind::Tgid),
            _ => PidNote::default(),
        };
        self.render
            .signal(self.origin(pid), sig, info.as_ref(), note);
    }

    fn on_group_stop(&mut self, pid: i32, sig: i32) {
        if self.cfg.summary_only || self.tracees.get(&pid).is_none_or(Tracee::hidden) {
            return;
        }
        self.render.stopped(self.origin(pid), sig);
    }

    /// A tracee exited or was killed: its syscall in progress ends with `= ?`, then its end is
    /// shown (unless `-qq`). The spawned command's end is the tracer's exit status.
    /// A thread about to exit (`PTRACE_EVENT_EXIT`): the call it is in ends now, `= ?`.
    fn on_exiting(&mut self, pid: i32) {
        let at = self.origin(pid);
        let Some(tracee) = self.tracees.get_mut(&pid) else {
            return;
        };
        if tracee.end_shown() && !self.cfg.summary_only {
            let call = tracee.shown_call(&self.cfg.q, status::UNFINISHED);
            if call.is_some() {
                tracee.in_syscall = None;
                self.render.unfinished(at, call.as_ref());
            }
        }
    }

    fn on_gone(&mut self, pid: i32, end: End) {
        if !self.tracees.contains_key(&pid) {
            // A child of the tracer's that is no tracee: a process a tracee made the tracer's
            // child (CLONE_PARENT), or one that ran on untraced.
            if Some(pid) != self.cfg.output_pid && !self.cfg.q.quiet.contains(quiet::EXIT) {
                crate::msg::error(format_args!("Exit of unknown pid {pid} ignored"));
            }
            return;
        }
        if Some(pid) == self.main_pid {
            self.ending = Some(match end {
                End::Exited(code) => Ending::Exited(code),
                End::Killed { sig, core } => Ending::Killed { sig, core },
            });
        }
        let at = self.origin(pid);
        let Some(tracee) = self.unregister(pid) else {
            return;
        };
        let ending = match end {
            End::Exited(code) => tree::Ending::Exited(code),
            End::Killed { sig, core } => tree::Ending::Killed { sig, core },
        };
        self.tracee_ended(pid, tracee.tgid, ending);
        if let Some(ns) = &mut self.pidns {
            ns.forget(pid);
        }
        if tracee.end_shown() && !self.cfg.summary_only {
            let call = tracee.shown_call(&self.cfg.q, status::UNFINISHED);
            self.render.unfinished(at, call.as_ref());
            if !self.cfg.q.quiet.contains(quiet::EXIT) {
                self.render.gone(at, end);
            }
        }
        self.render.close(pid);
    }

    /// Leaves every tracee, in the order they came: the spawned command is sent `sig` first
    /// (with SIGCONT, so a stopped one can act on it; none for 0), then each is detached, as
    /// strace's cleanup does.
    fn leave_all(&mut self, sig: i32) {
        self.release_held(true);
        let mut pids: Vec<(u64, i32)> = self.tracees.iter().map(|(pid, t)| (t.seq, *pid)).collect();
        pids.sort_unstable();
        for (_, pid) in pids {
            if sig != 0 && Some(pid) == self.main_pid {
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
            return self.detached(pid);
        }
        loop {
            match ptrace::wait_pid(pid) {
                Err(Errno::EINTR) => continue,
                Err(_) | Ok(Stop::Exited { .. } | Stop::Killed { .. }) => {}
                Ok(Stop::Signal(stopped)) => stopped.detach(),
                Ok(Stop::Syscall(stopped) | Stop::Event { stopped, .. }) => stopped.detach(),
            }
            return self.detached(pid);
        }
    }

    /// The tracer let go of `pid`. As strace does, its open syscall line ends with
    /// `<detached ...>` and `Process N detached` is announced (unless `-e quiet=attach`).
    fn detached(&mut self, pid: i32) {
        let at = self.origin(pid);
        let Some(tracee) = self.unregister(pid) else {
            return;
        };
        self.tracee_ended(pid, tracee.tgid, tree::Ending::Detached);
        if !self.cfg.summary_only && !tracee.silent {
            let call = tracee.shown_call(&self.cfg.q, status::DETACHED);
            let announce = !self.cfg.q.quiet.contains(quiet::ATTACH);
            self.render.detached(at, call.as_ref(), announce);
        }
        self.render.close(pid);
    }
}

/// Whether `call`, if it succeeds, changes the process's name (strace's COMM_CHANGE calls).
fn renames(call: &Call) -> bool {
    // PR_SET_NAME (<linux/prctl.h>).
    const PR_SET_NAME: u64 = 15;
    match call.nr {
        NR_EXECVE | NR_EXECVEAT => true,
        n => n == libc::SYS_prctl as u64 && call.args[0] as u32 as u64 == PR_SET_NAME,
    }
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

/// The pid notes of tracee `pid`'s values, when `-Y` or `--decode-pids=pidns` asks for any.
fn pid_notes<'a>(cfg: &Config, ns: &'a mut Option<PidNs>, pid: i32) -> Option<PidNotes<'a>> {
    let comm = cfg.decode.pid_comm;
    (comm || ns.is_some()).then_some(PidNotes {
        comm,
        translate: cfg.pidns,
        ns: ns.as_mut(),
        tracee: pid,
    })
}

/// The descriptor resolver for tracee `pid`, which `/proc` may know by another number
/// (strace's suite runs under `unshare --pid` with the outer `/proc`).
fn resolver<'a>(
    fds: &'a mut ProcFds,
    ns: &mut Option<PidNs>,
    pid: i32,
) -> Option<&'a mut dyn FdResolver> {
    let proc_pid = match ns {
        Some(ns) if !ns.proc_is_ours() => ns.proc_id(None, pid, PidKind::Tid).unwrap_or(pid),
        _ => pid,
    };
    fds.set_pid(proc_pid);
    Some(fds)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A starting program alone (or beside the parent that waits for it) is slept for; in a
    /// crowd it is polled briefly; past its start, always polled.
    #[test]
    fn where_the_loop_polls() {
        assert_eq!(poll_for(true, 1), None);
        assert_eq!(poll_for(true, 2), None);
        assert_eq!(poll_for(true, 3), Some(Duration::from_micros(10)));
        assert_eq!(poll_for(true, 64), Some(Duration::from_micros(10)));
        assert_eq!(poll_for(false, 1), Some(Duration::from_micros(60)));
        assert_eq!(poll_for(false, 3), Some(Duration::from_micros(60)));
    }
}
