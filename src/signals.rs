//! The tracer's own signals: those that stop it (it detaches or kills its tracees first), and
//! SIGCHLD, which wakes it when a tracee stops; and what the command it spawns gets back.
//!
//! A handler that only sets a flag cannot interrupt a `wait4` it runs just before: the flag is
//! then set and the tracer sleeps on in `wait4` until some tracee stops, which for a tracee
//! asleep in `nanosleep` or `read` can be never (Ctrl-C on `strace-rs -p PID` went unheeded that
//! way on a busy machine). So the tracer does not sleep in `wait4`: SIGCHLD stays blocked, and
//! [`sleep`] checks the flag and polls `wait4` with the stop signals blocked, then waits in
//! `ppoll`, which unblocks them and SIGCHLD atomically (ppoll(2)): a signal that came at any
//! moment before ends the wait at once.

use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

/// The signals that stop the tracer.
const STOP_SIGNALS: [libc::c_int; 5] = [
    libc::SIGINT,
    libc::SIGTERM,
    libc::SIGHUP,
    libc::SIGQUIT,
    libc::SIGPIPE,
];

/// The signal that asked the tracer to stop (0: none). A signal handler can only talk to the
/// loop through an atomic; this is the one piece of global state.
static INTERRUPTED: AtomicI32 = AtomicI32::new(0);

extern "C" fn on_stop_signal(sig: libc::c_int) {
    INTERRUPTED.store(sig, Ordering::SeqCst);
}

/// Only there so that SIGCHLD ends a `ppoll` (an ignored signal would not, signal(7)).
extern "C" fn on_sigchld(_: libc::c_int) {}

/// The signal that asked the tracer to stop since the last call, if any.
pub fn take_interrupted() -> Option<i32> {
    Some(INTERRUPTED.swap(0, Ordering::SeqCst)).filter(|&sig| sig != 0)
}

/// Whether the tracer was asked to stop (the flag is left for [`take_interrupted`]).
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst) != 0
}

/// What the tracer changed that a command it spawns must not inherit.
pub struct Inherited {
    /// The signal mask the tracer started with.
    mask: libc::sigset_t,
    /// Those of the tracer's signals that it started with ignored. An exec resets a handler to
    /// SIG_DFL but keeps SIG_IGN, and `nohup` or a shell's background job rely on that; strace
    /// spawns its command before it installs its handlers for the same reason. (Not SIGPIPE:
    /// Rust's runtime ignores it before `main`, so what the tracer was given is unknown; the
    /// command gets the default, as `std::process::Command` gives it.)
    ignored: Vec<libc::c_int>,
}

impl Inherited {
    /// Gives the calling process the signal state the tracer started with. For a forked child
    /// before its exec: only async-signal-safe calls.
    pub fn restore(&self) {
        // SAFETY: sigaction and sigprocmask are async-signal-safe and read only the values
        // given; `self` was built before the fork.
        unsafe {
            let mut ignore: libc::sigaction = std::mem::zeroed();
            ignore.sa_sigaction = libc::SIG_IGN;
            for &sig in &self.ignored {
                libc::sigaction(sig, &ignore, std::ptr::null_mut());
            }
            libc::sigprocmask(libc::SIG_SETMASK, &self.mask, std::ptr::null_mut());
        }
    }
}

/// Makes SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE set the flag [`take_interrupted`] reads
/// (and interrupt a blocking call: no SA_RESTART), so the tracer can detach before it goes, and
/// blocks SIGCHLD for [`sleep`]. Returns what a spawned command must get back.
pub fn install() -> Inherited {
    let mut ignored = Vec::new();
    // SAFETY: the handlers only store to an atomic (or do nothing), which is async-signal-safe;
    // every pointer is to a local.
    unsafe {
        let handlers = STOP_SIGNALS
            .iter()
            .map(|&sig| (sig, on_stop_signal as *const () as usize))
            .chain([(libc::SIGCHLD, on_sigchld as *const () as usize)]);
        for (sig, handler) in handlers {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler;
            libc::sigemptyset(&mut action.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, &action, &mut old);
            if old.sa_sigaction == libc::SIG_IGN && sig != libc::SIGPIPE {
                ignored.push(sig);
            }
        }
        let mut mask: libc::sigset_t = std::mem::zeroed();
        let chld = set_of(&[libc::SIGCHLD]);
        libc::sigprocmask(libc::SIG_BLOCK, &chld, &mut mask);
        Inherited { mask, ignored }
    }
}

fn set_of(sigs: &[libc::c_int]) -> libc::sigset_t {
    // SAFETY: sigemptyset/sigaddset write only to the local set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for &sig in sigs {
            libc::sigaddset(&mut set, sig);
        }
        set
    }
}

/// The longest one wait lasts without a signal. A tracee's ptrace stop and its end send the
/// tracer SIGCHLD (kernel/signal.c do_notify_parent_cldstop, kernel/exit.c exit_notify); a
/// thread group leader whose end is reported late, when its last thread is released, is
/// reported with its own exit signal, which can be another one or none (release_task). Such an
/// end is seen after this long at worst.
const LONGEST_WAIT: Duration = Duration::from_millis(100);

/// Calls `poll` until it returns `Some`, sleeping between calls until a signal comes (a tracee
/// stopped, or the tracer is asked to stop: then `None`). No signal is missed between a call of
/// `poll` and the sleep: the stop signals are blocked from the flag check to the `ppoll` that
/// unblocks them, and SIGCHLD is blocked always.
pub fn sleep<T>(mut poll: impl FnMut() -> Option<T>) -> Option<T> {
    let stop = set_of(&STOP_SIGNALS);
    let timeout = libc::timespec {
        tv_sec: 0,
        tv_nsec: LONGEST_WAIT.as_nanos() as libc::c_long,
    };
    loop {
        // SAFETY: sigprocmask and ppoll read and write only the locals given; ppoll with no
        // descriptors only waits.
        unsafe {
            let mut before: libc::sigset_t = std::mem::zeroed();
            libc::sigprocmask(libc::SIG_BLOCK, &stop, &mut before);
            let done = if interrupted() {
                Some(None)
            } else {
                poll().map(Some)
            };
            if let Some(done) = done {
                libc::sigprocmask(libc::SIG_SETMASK, &before, std::ptr::null_mut());
                return done;
            }
            let mut during = before;
            libc::sigdelset(&mut during, libc::SIGCHLD);
            for &sig in &STOP_SIGNALS {
                libc::sigdelset(&mut during, sig);
            }
            libc::ppoll(std::ptr::null_mut(), 0, &timeout, &during);
            libc::sigprocmask(libc::SIG_SETMASK, &before, std::ptr::null_mut());
        }
    }
}
