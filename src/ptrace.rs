//! The only module that talks ptrace: spawning and attaching, typed stops, and the requests the
//! tracer loop makes. Everything `unsafe` about ptrace lives here.
//!
//! Tracees are always `PTRACE_SEIZE`d (ptrace(2)): that is what makes `PTRACE_INTERRUPT` (to
//! detach from a running tracee) and `PTRACE_LISTEN` (group stops) available.

use crate::seccomp::Insn;
use nix::errno::Errno;
use nix::sys::ptrace::{self as nix_ptrace, Options};
use nix::unistd::Pid;
use std::ffi::CString;

/// `status >> 8` of a syscall stop under `PTRACE_O_TRACESYSGOOD`.
const SYSCALL_STOP_SIG: i32 = libc::SIGTRAP | 0x80;

/// Options for every tracee: syscall stops told apart from SIGTRAP, the post-exec stop reported
/// as an event (not mistaken for a signal), and with `kill_on_exit` (`--kill-on-exit`) a
/// spawned child killed if the tracer dies; without it the kernel detaches it and it runs on.
/// With `follow` (`-f`), children are attached by the kernel as they are created. With
/// `seccomp`, a syscall the filter returns `SECCOMP_RET_TRACE` for stops with
/// `PTRACE_EVENT_SECCOMP` (without the option it would fail with ENOSYS, seccomp(2)).
pub fn options(kill_on_exit: bool, follow: bool, seccomp: bool) -> Options {
    // TRACEEXIT: a thread about to exit stops, so the call it is in ends (`= ?`) when it
    // exits, as strace shows it, not when (for a group leader: much later) it is reaped.
    let mut opts =
        Options::PTRACE_O_TRACESYSGOOD | Options::PTRACE_O_TRACEEXEC | Options::PTRACE_O_TRACEEXIT;
    if kill_on_exit {
        opts |= Options::PTRACE_O_EXITKILL;
    }
    if seccomp {
        opts |= Options::PTRACE_O_TRACESECCOMP;
    }
    if follow {
        opts |= Options::PTRACE_O_TRACECLONE
            | Options::PTRACE_O_TRACEFORK
            | Options::PTRACE_O_TRACEVFORK;
    }
    opts
}

/// What `waitpid` reported about a tracee.
#[derive(Debug)]
pub enum Stop {
    /// The process exited with `code`.
    Exited { pid: i32, code: i32 },
    /// The process was killed by `sig`.
    Killed { pid: i32, sig: i32, core: bool },
    /// Syscall entry or exit; [`Stopped::syscall_info`] tells which.
    Syscall(Stopped),
    /// A `PTRACE_EVENT_*` stop; `sig` is the stop signal (tells a group stop apart).
    Event {
        stopped: Stopped,
        event: i32,
        sig: i32,
    },
    /// Signal-delivery stop: a signal is about to be delivered.
    Signal(SignalStop),
}

/// How a stopped tracee goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// To its next syscall stop (`PTRACE_SYSCALL`).
    ToNextSyscall,
    /// Until its seccomp filter stops it at a traced syscall (`PTRACE_CONT`).
    ToFilteredSyscall,
}

impl Resume {
    fn request(self) -> libc::c_uint {
        match self {
            Resume::ToNextSyscall => libc::PTRACE_SYSCALL,
            Resume::ToFilteredSyscall => libc::PTRACE_CONT,
        }
    }
}

/// A tracee in a ptrace stop. It must be let go exactly once, by resuming, listening or
/// detaching, each of which consumes it; the compiler sees that none is let go twice. One
/// dropped without being let go (a path that forgot) is resumed, so that no tracee is ever
/// left stopped; debug builds (the tests) fail loudly there instead.
#[derive(Debug)]
#[must_use = "a stopped tracee must be resumed, listened or detached"]
pub struct Stopped {
    pid: i32,
    released: bool,
}

impl Stopped {
    fn new(pid: i32) -> Self {
        Stopped {
            pid,
            released: false,
        }
    }

    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Lets the tracee go with `req`; ESRCH (it is gone) is reported by its exit event.
    fn release(mut self, req: libc::c_uint, sig: i32) {
        self.released = true;
        let _ = request(req, self.pid, sig as usize);
    }

    /// Resumes it.
    pub fn resume(self, how: Resume) {
        self.release(how.request(), 0);
    }

    /// Lets a tracee in group stop stay stopped while still reporting events (ptrace(2),
    /// "Group-stop"). `Err` gives it back when the kernel refuses.
    pub fn listen(mut self) -> Result<(), Stopped> {
        match request(libc::PTRACE_LISTEN, self.pid, 0) {
            Ok(()) => {
                self.released = true;
                Ok(())
            }
            Err(_) => Err(self),
        }
    }

    /// Resumes it, delivering `sig` as it goes (at a syscall entry: `-e inject=...:signal=`).
    pub fn resume_with_signal(self, how: Resume, sig: i32) {
        self.release(how.request(), sig);
    }

    /// Detaches it.
    pub fn detach(self) {
        self.release(libc::PTRACE_DETACH, 0);
    }

    /// At a syscall entry (or seccomp stop): makes the kernel run syscall `nr` instead (-1:
    /// none, the call then fails with ENOSYS). Through `PTRACE_SET_SYSCALL_INFO` where the
    /// kernel has it, else through `orig_rax`.
    pub fn set_syscall_nr(&self, nr: i64) -> Result<(), Errno> {
        let set = set_syscall_info(self.pid, |info| {
            // `op` says which member of the union the kernel filled.
            match info.op {
                libc::PTRACE_SYSCALL_INFO_ENTRY => info.u.entry.nr = nr as u64,
                libc::PTRACE_SYSCALL_INFO_SECCOMP => info.u.seccomp.nr = nr as u64,
                _ => return false,
            }
            true
        });
        set.or_else(|_| change_regs(self.pid, |regs| regs.orig_rax = nr as u64))
    }

    /// At a syscall exit: sets what the call returns (`-errno` for an error), as
    /// `set_syscall_nr` does.
    pub fn set_return(&self, value: i64) -> Result<(), Errno> {
        let set = set_syscall_info(self.pid, |info| {
            if info.op != libc::PTRACE_SYSCALL_INFO_EXIT {
                return false;
            }
            // The kernel's errors are -4095..-1 (<linux/err.h>, MAX_ERRNO).
            info.u.exit = libc::__c_anonymous_ptrace_syscall_info_exit {
                sval: value,
                is_error: u8::from((-4095..0).contains(&value)),
            };
            true
        });
        set.or_else(|_| change_regs(self.pid, |regs| regs.rax = value as u64))
    }

    /// The message of an event stop: a new child's pid, or the former thread id of an execve.
    pub fn event_msg(&self) -> Result<u64, Errno> {
        nix_ptrace::getevent(Pid::from_raw(self.pid)).map(|v| v as u64)
    }

    /// The instruction pointer (for `-i` at signal stops).
    pub fn instruction_pointer(&self) -> Result<u64, Errno> {
        nix_ptrace::getregs(Pid::from_raw(self.pid)).map(|regs| regs.rip)
    }

    /// Which side of a syscall this syscall stop is, and the instruction pointer there.
    pub fn syscall_info(&self) -> Result<(SyscallInfo, u64), Errno> {
        syscall_info(self.pid)
    }
}

impl Drop for Stopped {
    fn drop(&mut self) {
        debug_assert!(self.released, "tracee {} left stopped", self.pid);
        if !self.released {
            let _ = request(libc::PTRACE_SYSCALL, self.pid, 0);
        }
    }
}

/// A signal-delivery stop: the only stop at which a signal can be delivered or suppressed.
#[derive(Debug)]
#[must_use = "a stopped tracee must be resumed or detached"]
pub struct SignalStop {
    stopped: Stopped,
    sig: i32,
}

impl SignalStop {
    pub fn pid(&self) -> i32 {
        self.stopped.pid
    }

    /// The signal about to be delivered.
    pub fn sig(&self) -> i32 {
        self.sig
    }

    /// The raw `siginfo_t` of the signal.
    pub fn siginfo(&self) -> Result<[u8; 128], Errno> {
        let info = nix_ptrace::getsiginfo(Pid::from_raw(self.stopped.pid))?;
        let mut raw = [0u8; 128];
        let size = std::mem::size_of::<libc::siginfo_t>().min(raw.len());
        // SAFETY: `siginfo_t` is plain data of `size` bytes; it is copied byte for byte.
        let bytes = unsafe {
            std::slice::from_raw_parts((&info as *const libc::siginfo_t).cast::<u8>(), size)
        };
        raw[..size].copy_from_slice(bytes);
        Ok(raw)
    }

    pub fn instruction_pointer(&self) -> Result<u64, Errno> {
        self.stopped.instruction_pointer()
    }

    /// Resumes the tracee, delivering the signal.
    pub fn deliver(self, how: Resume) {
        let sig = self.sig;
        self.stopped.release(how.request(), sig);
    }

    /// Detaches the tracee, delivering the signal.
    pub fn detach(self) {
        let sig = self.sig;
        self.stopped.release(libc::PTRACE_DETACH, sig);
    }

    /// Detaches the tracee, dropping the signal.
    pub fn detach_quietly(self) {
        self.stopped.release(libc::PTRACE_DETACH, 0);
    }
}

/// The next stop of any tracee if one comes within `budget`, with the system CPU time its
/// thread group has used when `stime` is asked for (`ru_stime` of `wait4`: for a stopped
/// child the kernel reports its own usage), which `-c` measures syscalls with, as strace does.
///
/// Polls without sleeping (`tracer::POLL_FOR` says when that pays); `Ok(None)` when nothing
/// came in time, and the caller writes out its output before it blocks in [`wait_any`].
pub fn poll_any(
    stime: bool,
    budget: std::time::Duration,
) -> Result<Option<(Stop, std::time::Duration)>, Errno> {
    let start = std::time::Instant::now();
    loop {
        if let Some(found) = wait4_any(libc::WNOHANG, stime)? {
            return Ok(Some(found));
        }
        if start.elapsed() >= budget {
            return Ok(None);
        }
        // SAFETY: sched_yield has no memory effects; on a shared CPU it lets the tracee run.
        unsafe { libc::sched_yield() };
    }
}

/// Waits for the next stop of any tracee until `deadline`: `Ok(None)` when it passed first
/// (tracees held for `-e inject=...:delay_*` are due). `Err(EINTR)` when a signal to the tracer
/// came first. A tracee's stop raises SIGCHLD, which is blocked here and waited for with a
/// timeout (a stop between the last poll and the wait leaves it pending).
pub fn wait_any_until(
    stime: bool,
    deadline: std::time::Instant,
) -> Result<Option<(Stop, std::time::Duration)>, Errno> {
    // SAFETY: sigset operations on a local set; sigprocmask only changes the tracer's mask.
    let chld = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGCHLD);
        libc::sigprocmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    };
    loop {
        if let Some(found) = wait4_any(libc::WNOHANG, stime)? {
            return Ok(Some(found));
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        let timeout = libc::timespec {
            tv_sec: left.as_secs() as libc::time_t,
            tv_nsec: libc::c_long::from(left.subsec_nanos() as i32),
        };
        // SAFETY: `chld` and `timeout` are valid locals; no siginfo is asked for.
        let r = unsafe { libc::sigtimedwait(&chld, std::ptr::null_mut(), &timeout) };
        if r < 0 && Errno::last() == Errno::EINTR {
            return Err(Errno::EINTR);
        }
    }
}

/// Blocks until the next stop of any tracee. `Err(EINTR)` when a signal to the tracer came
/// first.
pub fn wait_any(stime: bool) -> Result<(Stop, std::time::Duration), Errno> {
    loop {
        if let Some(found) = wait4_any(0, stime)? {
            return Ok(found);
        }
    }
}

fn wait4_any(flags: i32, stime: bool) -> Result<Option<(Stop, std::time::Duration)>, Errno> {
    let mut status = 0;
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let usage_ptr: *mut libc::rusage = if stime {
        &mut usage
    } else {
        std::ptr::null_mut()
    };
    // SAFETY: wait4 writes only to `status`, a valid local, and `usage` (null or valid).
    let pid = unsafe { libc::wait4(-1, &mut status, libc::__WALL | flags, usage_ptr) };
    if Errno::result(pid)? == 0 {
        return Ok(None);
    }
    let spent = std::time::Duration::new(
        u64::try_from(usage.ru_stime.tv_sec).unwrap_or(0),
        u32::try_from(usage.ru_stime.tv_usec).unwrap_or(0) * 1000,
    );
    Ok(Some((decode_status(pid, status), spent)))
}

/// Reaps a child that is not a tracee (the `-o '|CMD'` reader), waiting for it to end.
pub fn wait_child(pid: i32) {
    let mut status = 0;
    // SAFETY: waitpid writes only `status`.
    while unsafe { libc::waitpid(pid, &mut status, 0) } < 0 && Errno::last() == Errno::EINTR {}
}

/// Kills a spawned child that has not run its program yet (its `-ff` file could not be
/// created) and reaps it.
pub fn kill_unstarted(pid: i32) {
    // SAFETY: kill has no memory effects; the child is ours and stopped before its exec.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    wait_child(pid);
}

/// Waits for a stop of one tracee.
pub fn wait_pid(pid: i32) -> Result<Stop, Errno> {
    let mut status = 0;
    // SAFETY: waitpid writes only `status`.
    let got = unsafe { libc::waitpid(pid, &mut status, libc::__WALL) };
    Errno::result(got)?;
    Ok(decode_status(got, status))
}

fn decode_status(pid: i32, status: i32) -> Stop {
    if libc::WIFEXITED(status) {
        return Stop::Exited {
            pid,
            code: libc::WEXITSTATUS(status),
        };
    }
    if libc::WIFSIGNALED(status) {
        return Stop::Killed {
            pid,
            sig: libc::WTERMSIG(status),
            core: libc::WCOREDUMP(status),
        };
    }
    let sig = libc::WSTOPSIG(status);
    let event = status >> 16;
    let stopped = Stopped::new(pid);
    if sig == SYSCALL_STOP_SIG {
        Stop::Syscall(stopped)
    } else if event != 0 {
        Stop::Event {
            stopped,
            event,
            sig,
        }
    } else {
        Stop::Signal(SignalStop { stopped, sig })
    }
}

/// A raw ptrace request; nix's wrappers take only the signals its `Signal` enum knows, and
/// real-time signals must be passed on too.
/// Changes the registers of stopped `pid` as `change` says (the route older kernels have).
fn change_regs(pid: i32, change: impl FnOnce(&mut libc::user_regs_struct)) -> Result<(), Errno> {
    let pid = Pid::from_raw(pid);
    let mut regs = nix_ptrace::getregs(pid)?;
    change(&mut regs);
    nix_ptrace::setregs(pid, regs)
}

/// `PTRACE_SET_SYSCALL_INFO` (<linux/ptrace.h>, Linux 6.16).
const PTRACE_SET_SYSCALL_INFO: libc::c_uint = 0x4212;

/// Changes the syscall stop of `pid` as `change` says (it returns false when the stop is not
/// of the kind it changes); `Err` where the kernel has no `PTRACE_SET_SYSCALL_INFO`.
fn set_syscall_info(
    pid: i32,
    change: impl FnOnce(&mut libc::ptrace_syscall_info) -> bool,
) -> Result<(), Errno> {
    let mut info = nix_ptrace::syscall_info(Pid::from_raw(pid))?;
    if !change(&mut info) {
        return Err(Errno::EINVAL);
    }
    let size = std::mem::size_of::<libc::ptrace_syscall_info>();
    // SAFETY: the kernel reads `size` bytes of `info`, a live ptrace_syscall_info.
    let r = unsafe {
        libc::ptrace(
            PTRACE_SET_SYSCALL_INFO,
            pid,
            size as *mut libc::c_void,
            &mut info as *mut libc::ptrace_syscall_info,
        )
    };
    Errno::result(r).map(drop)
}

fn request(req: libc::c_uint, pid: i32, data: usize) -> Result<(), Errno> {
    // SAFETY: the requests used here (SYSCALL, CONT, LISTEN, DETACH) pass `data` as a number and
    // read no local memory.
    let r = unsafe { libc::ptrace(req, pid, std::ptr::null_mut::<libc::c_void>(), data) };
    Errno::result(r).map(drop)
}

/// `PTRACE_PEEKDATA`: the word at `addr` (aligned or not) of stopped tracee `pid`.
pub fn peek_word(pid: i32, addr: u64) -> Result<u64, Errno> {
    nix_ptrace::read(Pid::from_raw(pid), addr as nix_ptrace::AddressType).map(|w| w as u64)
}

/// `PTRACE_POKEDATA`: writes the word at `addr` of stopped tracee `pid`. Unlike
/// `process_vm_writev`, it writes pages the tracee cannot write (ptrace(2): the kernel forces
/// the access, as for a debugger's breakpoint), so it is the fallback for those.
pub fn poke_word(pid: i32, addr: u64, word: u64) -> Result<(), Errno> {
    nix_ptrace::write(
        Pid::from_raw(pid),
        addr as nix_ptrace::AddressType,
        word as libc::c_long,
    )
}

/// Stops a running tracee so it can be detached.
pub fn interrupt(pid: i32) -> Result<(), Errno> {
    nix_ptrace::interrupt(Pid::from_raw(pid))
}

pub fn seize(pid: i32, opts: Options) -> Result<(), Errno> {
    nix_ptrace::seize(Pid::from_raw(pid), opts)
}

/// Which side of a syscall a syscall stop is, from `PTRACE_GET_SYSCALL_INFO`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyscallInfo {
    /// `sp` is the stack pointer, where `rt_sigreturn` finds the signal frame.
    Entry {
        nr: u64,
        args: [u64; 6],
        sp: u64,
    },
    Exit {
        rval: i64,
        is_error: bool,
    },
    /// Neither (a stop the kernel does not describe as a syscall stop).
    Other,
}

/// The syscall stop of `pid` and the instruction pointer there.
fn syscall_info(pid: i32) -> Result<(SyscallInfo, u64), Errno> {
    let info = nix_ptrace::syscall_info(Pid::from_raw(pid))?;
    // SAFETY: `op` says which member of the union the kernel filled (linux/ptrace.h).
    let ip = info.instruction_pointer;
    Ok(unsafe {
        match info.op {
            libc::PTRACE_SYSCALL_INFO_ENTRY => {
                let e = info.u.entry;
                SyscallInfo::Entry {
                    nr: e.nr,
                    args: e.args,
                    sp: info.stack_pointer,
                }
            }
            // A `PTRACE_EVENT_SECCOMP` stop is before the syscall runs: an entry for the tracer.
            libc::PTRACE_SYSCALL_INFO_SECCOMP => {
                let e = info.u.seccomp;
                SyscallInfo::Entry {
                    nr: e.nr,
                    args: e.args,
                    sp: info.stack_pointer,
                }
            }
            libc::PTRACE_SYSCALL_INFO_EXIT => {
                let e = info.u.exit;
                SyscallInfo::Exit {
                    rval: e.sval,
                    is_error: e.is_error != 0,
                }
            }
            _ => SyscallInfo::Other,
        }
    })
    .map(|stop| (stop, ip))
}

/// How the tracer stands to the command it starts (`-D`, `--daemonize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Daemonize {
    /// The tracer is the command's parent.
    No,
    /// The tracer is a detached grandchild of the command, which takes the tracer's place
    /// as its parent's child (`-D`).
    Grandchild,
    /// Also in a process group of its own, so `kill(0, ...)` misses it (`-DD`).
    NewProcessGroup,
    /// Also in a session of its own, so the session's end misses it (`-DDD`).
    NewSession,
}

/// Starts `command` traced and returns its pid; it is seized and about to run into its execve.
///
/// Without `daemonize` a child is forked that stops itself (SIGSTOP, not `PTRACE_TRACEME`,
/// so that the parent can `PTRACE_SEIZE` it); the parent seizes it, usually before the stop,
/// and lets it run. A child that cannot be seized is killed and reaped. With it,
/// the roles swap as in strace: this process becomes the command and waits for a child,
/// whose child (the tracer, which returns from here) seizes it and then kills that child,
/// so that the wait returns and the command runs; the command's parent is the one that
/// started the tracer, the tracer an orphan.
///
/// With `command.filter`, the command installs it as its seccomp filter once seized (so that
/// no call it makes before is refused for want of a tracer), before it changes user (`-u`,
/// so that a privileged tracer needs no `PR_SET_NO_NEW_PRIVS` and set-user-ID programs keep
/// working as they do without the filter) and before its execve. It tries without
/// `PR_SET_NO_NEW_PRIVS` first; an unprivileged tracer needs the flag (seccomp(2), EACCES). If
/// the filter cannot be installed the command runs without it; the tracer checks
/// (`seccomp::is_filtered`).
pub fn spawn(
    command: &Command,
    follow: bool,
    kill_on_exit: bool,
    daemonize: Daemonize,
) -> Result<i32, Errno> {
    let exec = Exec::new(command);
    let opts = options(kill_on_exit, follow, command.filter.is_some());
    if daemonize != Daemonize::No {
        return spawn_as_grandchild(&exec, opts, daemonize);
    }
    // SAFETY: the tracer is single-threaded here; the child only makes async-signal-safe calls
    // (see `Exec::run`).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(Errno::last());
    }
    if pid == 0 {
        exec.prepare();
        // SAFETY: kill has no memory effects.
        unsafe { libc::kill(libc::getpid(), libc::SIGSTOP) };
        exec.run();
    }
    // Seized at once, the child is usually still on its way to its SIGSTOP (a new process
    // takes longer to be scheduled than this call): its stop is then a signal-delivery-stop
    // that the tracer resumes with the signal dropped, so the child never stops as a job and
    // needs no SIGCONT (that saves three stops and a wakeup of the child). A child that
    // stopped first is seized in its group-stop, which SIGCONT ends; the loop then takes its
    // stops as they come.
    if let Err(e) = seize(pid, opts) {
        kill_unstarted(pid);
        return Err(e);
    }
    // SAFETY: siginfo is plain old data; waitid writes only `info`.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    // Looked at, not taken (WNOWAIT): a stop the loop has to see stays for it.
    // SAFETY: as above.
    let r = unsafe {
        libc::waitid(
            libc::P_PID,
            pid as libc::id_t,
            &mut info,
            libc::WSTOPPED | libc::WEXITED | libc::__WALL | libc::WNOWAIT,
        )
    };
    if let Err(e) = Errno::result(r) {
        kill_unstarted(pid);
        return Err(e);
    }
    // SAFETY: waitid filled `info` for a child (si_status is valid for CLD_* codes).
    let (code, status) = (info.si_code, unsafe { info.si_status() });
    if code == libc::CLD_TRAPPED && status == libc::SIGSTOP {
        // Its own SIGSTOP, about to be delivered: taken and dropped.
        let mut wstatus = 0;
        // SAFETY: waitpid writes only `wstatus`.
        unsafe { libc::waitpid(pid, &mut wstatus, libc::__WALL) };
        // SAFETY: ptrace with a null address and signal 0 has no memory effects.
        let r = unsafe { libc::ptrace(libc::PTRACE_SYSCALL, pid, 0, 0) };
        if let Err(e) = Errno::result(r) {
            kill_unstarted(pid);
            return Err(e);
        }
        return Ok(pid);
    }
    if code == libc::CLD_EXITED || code == libc::CLD_KILLED || code == libc::CLD_DUMPED {
        // It never got to its exec (killed from outside): reaped, reported as the exec's.
        wait_child(pid);
        return Err(Errno::ECHILD);
    }
    // SAFETY: kill has no memory effects.
    if let Err(e) = Errno::result(unsafe { libc::kill(pid, libc::SIGCONT) }) {
        kill_unstarted(pid);
        return Err(e);
    }
    Ok(pid)
}

/// `-D`: see [`spawn`]. Returns in the tracer only; the command never returns.
fn spawn_as_grandchild(exec: &Exec, opts: Options, daemonize: Daemonize) -> Result<i32, Errno> {
    // SAFETY: getpid has no memory effects.
    let command_pid = unsafe { libc::getpid() };
    // SAFETY: single-threaded here; both children make only async-signal-safe calls until
    // one of them returns to be the tracer.
    let waiter = unsafe { libc::fork() };
    if waiter < 0 {
        return Err(Errno::last());
    }
    if waiter > 0 {
        exec.prepare();
        // The command: once the waiter is gone, the tracer holds it.
        let mut status = 0;
        // SAFETY: waitpid writes only `status`.
        while unsafe { libc::waitpid(waiter, &mut status, 0) } < 0 && Errno::last() == Errno::EINTR
        {
        }
        exec.run();
    }
    // SAFETY: as above.
    let tracer = unsafe { libc::fork() };
    if tracer != 0 {
        // The waiter: waits to be killed (or, if the fork failed, leaves the command to run
        // untraced rather than hang).
        // SAFETY: pause and _exit have no memory effects.
        unsafe {
            if tracer > 0 {
                libc::pause();
            }
            libc::_exit(0);
        }
    }
    // SAFETY: setpgid, setsid, kill have no memory effects.
    unsafe {
        match daemonize {
            Daemonize::NewProcessGroup => {
                libc::setpgid(0, 0);
            }
            Daemonize::NewSession => {
                libc::setsid();
            }
            Daemonize::No | Daemonize::Grandchild => {}
        }
    }
    let seized = seize(command_pid, opts).and_then(|()| interrupt(command_pid));
    // SAFETY: getppid and kill have no memory effects; the waiter is our parent.
    unsafe {
        libc::kill(libc::getppid(), libc::SIGKILL);
        if seized.is_err() {
            // It must not run untraced.
            libc::kill(command_pid, libc::SIGKILL);
        }
    }
    seized.map(|()| command_pid)
}

/// Everything the command's exec needs, prepared before any fork (a forked child may only
/// make async-signal-safe calls).
struct Exec<'a> {
    command: &'a Command,
    argv: Pointers,
    envp: Pointers,
    filter: Vec<libc::sock_filter>,
    /// The messages of a failed start, prefixed with the tracer's name as invoked, made
    /// before the fork (the child may only make async-signal-safe calls).
    exec_failed: Vec<u8>,
    creds_failed: Vec<u8>,
}

impl<'a> Exec<'a> {
    fn new(command: &'a Command) -> Self {
        let filter = command
            .filter
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|i| libc::sock_filter {
                code: i.code,
                jt: i.jt,
                jf: i.jf,
                k: i.k,
            })
            .collect();
        Exec {
            command,
            argv: command.argv.pointers(),
            envp: command.envp.pointers(),
            filter,
            exec_failed: format!("{}: exec: ", crate::msg::program()).into_bytes(),
            creds_failed: format!("{}: -u: cannot change user: ", crate::msg::program())
                .into_bytes(),
        }
    }

    /// In the command's process, before it is traced: the tracer ignores SIGPIPE, and the
    /// program gets the disposition the tracer was started with back (an ignored one survives
    /// execve). Done untraced, it costs the start no syscall stops.
    fn prepare(&self) {
        // SAFETY: signal is async-signal-safe and has no memory effects here.
        unsafe { libc::signal(libc::SIGPIPE, self.command.sigpipe) };
    }

    /// In the command's process, traced: installs the filter, changes user, execs; on
    /// failure says why and exits 1. Makes only async-signal-safe calls (prctl,
    /// seccomp, setgroups, setgid, setuid, execve, write, _exit).
    fn run(&self) -> ! {
        let exec_failed: &[u8] = &self.exec_failed;
        let creds_failed: &[u8] = &self.creds_failed;
        let prog = libc::sock_fprog {
            len: self.filter.len() as libc::c_ushort,
            filter: self.filter.as_ptr().cast_mut(),
        };
        // SAFETY: every pointer is valid and NUL-terminated, argv ends with NULL; the filter
        // is read, not written.
        unsafe {
            if self.command.filter.is_some() {
                let set_filter = || {
                    libc::syscall(
                        libc::SYS_seccomp,
                        libc::SECCOMP_SET_MODE_FILTER,
                        0,
                        &prog as *const libc::sock_fprog,
                    )
                };
                if set_filter() != 0 && libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 {
                    set_filter();
                }
            }
            let mut failed = exec_failed;
            let creds_ok = self.command.user.as_ref().is_none_or(|u| {
                libc::setgroups(u.groups.len(), u.groups.as_ptr()) == 0
                    && libc::setgid(u.gid) == 0
                    && libc::setuid(u.uid) == 0
            });
            if creds_ok {
                libc::execve(
                    self.command.path.as_ptr(),
                    self.argv.as_ptr(),
                    self.envp.as_ptr(),
                );
            } else {
                failed = creds_failed;
            }
            let err = libc::strerror(*libc::__errno_location());
            libc::write(2, failed.as_ptr().cast(), failed.len());
            libc::write(2, err.cast(), libc::strlen(err));
            libc::write(2, b"\n".as_ptr().cast(), 1);
            libc::_exit(1);
        }
    }
}

/// What to run: the program found on PATH, its arguments and environment (`-E`), and the user
/// to run it as (`-u`).
pub struct Command {
    pub path: CString,
    pub argv: CStrings,
    pub envp: CStrings,
    pub user: Option<Credentials>,
    /// The seccomp-bpf program to install before the exec (`--seccomp-bpf`, crate::seccomp).
    pub filter: Option<Vec<Insn>>,
    /// SIGPIPE's disposition for the command: the one the tracer was started with (the
    /// tracer ignores it for itself).
    pub sigpipe: libc::sighandler_t,
}

/// The strings of execve's argv or envp.
pub enum CStrings {
    /// The tracer's own NULL-terminated array, alive as long as the process and never
    /// changed: its argv's tail or its `environ`, handed on as strace does (no copy, and the
    /// pointers a raw execve line shows lie on the stack, as strace's).
    Own(*const *const libc::c_char),
    /// Made for the command (`-E`, `--argv0`).
    Made(Vec<CString>),
}

impl CStrings {
    fn pointers(&self) -> Pointers {
        match self {
            CStrings::Own(array) => Pointers::Own(*array),
            CStrings::Made(strings) => Pointers::Made(
                strings
                    .iter()
                    .map(|s| s.as_ptr())
                    .chain(std::iter::once(std::ptr::null()))
                    .collect(),
            ),
        }
    }
}

/// A NULL-terminated array of pointers as execve takes it.
enum Pointers {
    Own(*const *const libc::c_char),
    Made(Vec<*const libc::c_char>),
}

impl Pointers {
    fn as_ptr(&self) -> *const *const libc::c_char {
        match self {
            Pointers::Own(array) => *array,
            Pointers::Made(pointers) => pointers.as_ptr(),
        }
    }
}

/// A user's ids, to switch to before the exec.
pub struct Credentials {
    pub uid: libc::uid_t,
    pub gid: libc::gid_t,
    pub groups: Vec<libc::gid_t>,
}
