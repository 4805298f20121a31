//! The only module that talks ptrace: spawning and attaching, typed stops, and the requests the
//! tracer loop makes. Everything `unsafe` about ptrace lives here.
//!
//! Tracees are always `PTRACE_SEIZE`d (ptrace(2)): that is what makes `PTRACE_INTERRUPT` (to
//! detach from a running tracee) and `PTRACE_LISTEN` (group stops) available.

use crate::seccomp::Insn;
use crate::signals::{self, Inherited};
use nix::errno::Errno;
use nix::sys::ptrace::{self as nix_ptrace, Options};
use nix::unistd::Pid;
use std::ffi::CString;

/// `status >> 8` of a syscall stop under `PTRACE_O_TRACESYSGOOD`.
const SYSCALL_STOP_SIG: i32 = libc::SIGTRAP | 0x80;

/// Options for every tracee: syscall stops told apart from SIGTRAP, the post-exec stop reported
/// as an event (not mistaken for a signal), and a spawned child killed if the tracer dies.
/// With `follow` (`-f`), children are attached by the kernel as they are created. With
/// `seccomp`, a syscall the filter returns `SECCOMP_RET_TRACE` for stops with
/// `PTRACE_EVENT_SECCOMP` (without the option it would fail with ENOSYS, seccomp(2)).
pub fn options(kill_on_exit: bool, follow: bool, seccomp: bool) -> Options {
    let mut opts = Options::PTRACE_O_TRACESYSGOOD | Options::PTRACE_O_TRACEEXEC;
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

/// The message of the last event stop: a new child's pid, or the former thread id of an execve.
pub fn event_msg(pid: i32) -> Result<u64, Errno> {
    nix_ptrace::getevent(Pid::from_raw(pid)).map(|v| v as u64)
}

/// What `waitpid` reported about a tracee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The process exited with `code`.
    Exited { pid: i32, code: i32 },
    /// The process was killed by `sig`.
    Killed { pid: i32, sig: i32, core: bool },
    /// Syscall entry or exit; `PTRACE_GET_SYSCALL_INFO` tells which.
    Syscall { pid: i32 },
    /// A `PTRACE_EVENT_*` stop; `sig` is the stop signal (tells a group stop apart).
    Event { pid: i32, event: i32, sig: i32 },
    /// Signal-delivery stop: `sig` is about to be delivered.
    Signal { pid: i32, sig: i32 },
}

/// How many times the loop polls for a stop before it sleeps until a signal comes.
const SPIN_POLLS: u32 = 200;

/// Waits for the next stop of any tracee. `Err(EINTR)` when the tracer was asked to stop
/// (crate::signals) first.
///
/// A traced syscall usually stops again within microseconds of being resumed, much sooner than
/// a sleeping tracer can be woken (on a virtual machine a wakeup of an idle CPU costs far more
/// than the syscall). So the loop polls briefly before it sleeps.
pub fn wait_any() -> Result<Stop, Errno> {
    wait_any_with(std::ptr::null_mut())
}

/// Like [`wait_any`], also returning the system CPU time the stopped tracee's thread group has
/// used (`ru_stime` of `wait4`: for a stopped child the kernel reports its own usage), which
/// `-c` measures syscalls with, as strace does.
pub fn wait_any_stime() -> Result<(Stop, std::time::Duration), Errno> {
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let stop = wait_any_with(&mut usage)?;
    let stime = std::time::Duration::new(
        u64::try_from(usage.ru_stime.tv_sec).unwrap_or(0),
        u32::try_from(usage.ru_stime.tv_usec).unwrap_or(0) * 1000,
    );
    Ok((stop, stime))
}

/// `usage`: null, or where `wait4` stores the tracee's resource usage.
fn wait_any_with(usage: *mut libc::rusage) -> Result<Stop, Errno> {
    let mut status = 0;
    let mut poll = || -> Option<Result<Stop, Errno>> {
        // SAFETY: wait4 writes only to `status`, a valid local, and `usage` (null or valid).
        let pid = unsafe { libc::wait4(-1, &mut status, libc::__WALL | libc::WNOHANG, usage) };
        match Errno::result(pid) {
            Ok(0) => None,
            Ok(pid) => Some(Ok(decode_status(pid, status))),
            Err(e) => Some(Err(e)),
        }
    };
    for _ in 0..SPIN_POLLS {
        if let Some(waited) = poll() {
            return waited;
        }
        if signals::interrupted() {
            return Err(Errno::EINTR);
        }
        // SAFETY: sched_yield has no memory effects; on a shared CPU it lets the tracee run.
        unsafe { libc::sched_yield() };
    }
    signals::sleep(poll).unwrap_or(Err(Errno::EINTR))
}

/// Waits for a stop of one tracee.
pub fn wait_pid(pid: i32) -> Result<Stop, Errno> {
    let mut status = 0;
    // SAFETY: as in `wait_any`.
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
    if sig == SYSCALL_STOP_SIG {
        Stop::Syscall { pid }
    } else if event != 0 {
        Stop::Event { pid, event, sig }
    } else {
        Stop::Signal { pid, sig }
    }
}

/// A raw ptrace request; nix's wrappers take only the signals its `Signal` enum knows, and
/// real-time signals must be passed on too.
fn request(req: libc::c_uint, pid: i32, data: usize) -> Result<(), Errno> {
    // SAFETY: the requests used here (SYSCALL, CONT, LISTEN, DETACH) pass `data` as a number and
    // read no local memory.
    let r = unsafe { libc::ptrace(req, pid, std::ptr::null_mut::<libc::c_void>(), data) };
    Errno::result(r).map(drop)
}

/// Resumes until the next syscall stop, delivering `sig` (0 for none).
pub fn resume(pid: i32, sig: i32) -> Result<(), Errno> {
    request(libc::PTRACE_SYSCALL, pid, sig as usize)
}

/// Resumes without stopping at syscalls (a tracee under the seccomp filter stops only at the
/// syscalls it returns `SECCOMP_RET_TRACE` for), delivering `sig` (0 for none).
pub fn cont(pid: i32, sig: i32) -> Result<(), Errno> {
    request(libc::PTRACE_CONT, pid, sig as usize)
}

/// Lets a tracee in group stop stay stopped while still reporting events (ptrace(2), "Group-stop").
pub fn listen(pid: i32) -> Result<(), Errno> {
    request(libc::PTRACE_LISTEN, pid, 0)
}

/// Detaches, delivering `sig` (0 for none).
pub fn detach(pid: i32, sig: i32) -> Result<(), Errno> {
    request(libc::PTRACE_DETACH, pid, sig as usize)
}

/// Stops a running tracee so it can be detached.
pub fn interrupt(pid: i32) -> Result<(), Errno> {
    nix_ptrace::interrupt(Pid::from_raw(pid))
}

pub fn seize(pid: i32, opts: Options) -> Result<(), Errno> {
    nix_ptrace::seize(Pid::from_raw(pid), opts)
}

/// The raw `siginfo_t` of a signal-delivery stop.
pub fn siginfo(pid: i32) -> Result<[u8; 128], Errno> {
    let info = nix_ptrace::getsiginfo(Pid::from_raw(pid))?;
    let mut raw = [0u8; 128];
    let size = std::mem::size_of::<libc::siginfo_t>().min(raw.len());
    // SAFETY: `siginfo_t` is plain data of `size` bytes; it is copied byte for byte.
    let bytes =
        unsafe { std::slice::from_raw_parts((&info as *const libc::siginfo_t).cast::<u8>(), size) };
    raw[..size].copy_from_slice(bytes);
    Ok(raw)
}

/// The instruction pointer of a stopped tracee (for `-i` at signal stops).
pub fn instruction_pointer(pid: i32) -> Result<u64, Errno> {
    nix_ptrace::getregs(Pid::from_raw(pid)).map(|regs| regs.rip)
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
pub fn syscall_info(pid: i32) -> Result<(SyscallInfo, u64), Errno> {
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

/// Forks a child that stops itself, then execs `path`. Returns once the child is stopped and
/// seized, before the exec; the caller resumes it. The child is stopped with SIGSTOP (not
/// `PTRACE_TRACEME`) so that the parent can `PTRACE_SEIZE` it.
///
/// With `command.filter`, the child installs it as its seccomp filter once seized (so that no
/// call it makes before is refused for want of a tracer), before it changes user (`-u`, so
/// that a privileged tracer needs no `PR_SET_NO_NEW_PRIVS` and set-user-ID programs keep
/// working as they do without the filter) and before its execve. It tries without
/// `PR_SET_NO_NEW_PRIVS` first; an unprivileged tracer needs the flag (seccomp(2), EACCES). If
/// the filter cannot be installed the child runs without it; the tracer checks
/// (`seccomp::is_filtered`).
pub fn spawn(command: &Command, follow: bool) -> Result<i32, Errno> {
    let nul_terminated = |strings: &[CString]| -> Vec<*const libc::c_char> {
        strings
            .iter()
            .map(|s| s.as_ptr())
            .chain(std::iter::once(std::ptr::null()))
            .collect()
    };
    let argv_ptrs = nul_terminated(&command.argv);
    let envp_ptrs = nul_terminated(&command.envp);
    let exec_failed: &[u8] = b"strace-rs: exec: ";
    let creds_failed: &[u8] = b"strace-rs: -u: cannot change user: ";
    let mut insns: Vec<libc::sock_filter> = command
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
    let prog = libc::sock_fprog {
        len: insns.len() as libc::c_ushort,
        filter: insns.as_mut_ptr(),
    };
    let install = command.filter.is_some();

    // SAFETY: the tracer is single-threaded here; the child only makes async-signal-safe calls
    // (sigaction, sigprocmask, kill, getpid, prctl, seccomp, setgroups, setgid, setuid, execve,
    // write, _exit) on memory prepared before the fork.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(Errno::last());
    }
    if pid == 0 {
        // SAFETY: see above; every pointer is valid and NUL-terminated, argv ends with NULL.
        unsafe {
            command.signals.restore();
            libc::kill(libc::getpid(), libc::SIGSTOP);
            if install {
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
            let creds_ok = command.user.as_ref().is_none_or(|u| {
                libc::setgroups(u.groups.len(), u.groups.as_ptr()) == 0
                    && libc::setgid(u.gid) == 0
                    && libc::setuid(u.uid) == 0
            });
            if creds_ok {
                libc::execve(
                    command.path.as_ptr(),
                    argv_ptrs.as_ptr(),
                    envp_ptrs.as_ptr(),
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
    // Wait for the child's self-stop, then seize it and let it run into its execve.
    let mut status = 0;
    // SAFETY: waitpid writes only `status`.
    let r = unsafe { libc::waitpid(pid, &mut status, libc::WSTOPPED) };
    Errno::result(r)?;
    if !libc::WIFSTOPPED(status) {
        return Err(Errno::ECHILD);
    }
    seize(pid, options(true, follow, install))?;
    // SAFETY: kill has no memory effects.
    Errno::result(unsafe { libc::kill(pid, libc::SIGCONT) })?;
    Ok(pid)
}

/// What to run: the program found on PATH, its arguments and environment (`-E`), and the user
/// to run it as (`-u`).
pub struct Command {
    pub path: CString,
    pub argv: Vec<CString>,
    pub envp: Vec<CString>,
    pub user: Option<Credentials>,
    /// The seccomp-bpf program to install before the exec (`--seccomp-bpf`, crate::seccomp).
    pub filter: Option<Vec<Insn>>,
    /// The signal mask and ignored signals the tracer started with, which the command gets.
    pub signals: Inherited,
}

/// A user's ids, to switch to before the exec.
pub struct Credentials {
    pub uid: libc::uid_t,
    pub gid: libc::gid_t,
    pub groups: Vec<libc::gid_t>,
}
