//! The tracer's own signal dispositions: which signals stop it and when (`-I`, strace(1)).
//!
//! A signal handler can only talk to the loop through atomics: `INTERRUPTED` and the wake-up
//! alarm's two flags are that global state.

use crate::cli::Interruptible;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

/// The fatal signal that asked the tracer to stop (0: none).
static INTERRUPTED: AtomicI32 = AtomicI32::new(0);

/// The wake-up alarm (SIGALRM from `ITIMER_REAL`) is set and has not rung yet.
static ALARM_SET: AtomicBool = AtomicBool::new(false);

/// The wake-up alarm rang since [`take_alarm`] last looked.
static ALARM_RANG: AtomicBool = AtomicBool::new(false);

/// The signals that end tracing, as strace lists them (SIGPIPE is not one: a reader of the
/// trace that went away stops the output, not the traced command).
const FATAL: [i32; 4] = [libc::SIGHUP, libc::SIGINT, libc::SIGQUIT, libc::SIGTERM];

/// How long after a fatal signal a wake-up alarm interrupts `wait4`: the signal may have come
/// between the loop's check and its `wait4`, which would then sleep until the next stop.
const WAKE_UP_US: libc::suseconds_t = 20_000;

extern "C" fn on_fatal_signal(sig: libc::c_int) {
    INTERRUPTED.store(sig, Ordering::SeqCst);
    ALARM_SET.store(true, Ordering::SeqCst);
    set_alarm(WAKE_UP_US);
}

extern "C" fn on_wake_up(_: libc::c_int) {
    ALARM_SET.store(false, Ordering::SeqCst);
    ALARM_RANG.store(true, Ordering::SeqCst);
}

/// Has SIGALRM come in `us` microseconds (async-signal-safe).
fn set_alarm(us: libc::suseconds_t) {
    let wake = libc::itimerval {
        it_interval: libc::timeval {
            tv_sec: 0,
            tv_usec: 0,
        },
        it_value: libc::timeval {
            tv_sec: us / 1_000_000,
            tv_usec: us % 1_000_000,
        },
    };
    // SAFETY: setitimer is a plain system call (async-signal-safe); `wake` is a valid local.
    unsafe { libc::setitimer(libc::ITIMER_REAL, &wake, std::ptr::null_mut()) };
}

/// Has the wake-up alarm interrupt the tracer's wait within `within` (less than a second),
/// unless it is set already: one system call for any number of waits meanwhile.
pub fn alarm_within(within: Duration) {
    if !ALARM_SET.swap(true, Ordering::SeqCst) {
        set_alarm(within.subsec_micros() as libc::suseconds_t);
    }
}

/// Whether the wake-up alarm rang since the last call.
pub fn take_alarm() -> bool {
    ALARM_RANG.swap(false, Ordering::SeqCst)
}

/// Sets `sig`'s handler, without SA_RESTART so that it interrupts `wait4`.
fn set(sig: i32, handler: libc::sighandler_t) {
    // SAFETY: the handlers only store to an atomic and make a system call (async-signal-safe).
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = 0;
        libc::sigaction(sig, &action, std::ptr::null_mut());
    }
}

/// SIGPIPE was ignored when the tracer started: the command inherits that, not the tracer's
/// own ignoring of it.
static SIGPIPE_WAS_IGNORED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// SIGPIPE is ignored from the start: a closed trace pipe or stderr makes writes fail with
/// EPIPE, which the output reports once, and the tracer goes on.
pub fn ignore_sigpipe() {
    // SAFETY: sigaction with a null new action only reads the current one into `old`.
    let was_ignored = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGPIPE, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    };
    SIGPIPE_WAS_IGNORED.store(was_ignored, std::sync::atomic::Ordering::Relaxed);
    set(libc::SIGPIPE, libc::SIG_IGN);
}

/// The SIGPIPE disposition the command starts with: the one the tracer was started with.
pub fn command_sigpipe() -> libc::sighandler_t {
    if SIGPIPE_WAS_IGNORED.load(std::sync::atomic::Ordering::Relaxed) {
        libc::SIG_IGN
    } else {
        libc::SIG_DFL
    }
}

/// Installs the dispositions of `mode`, after the command was spawned (ignored signals would
/// be inherited through its execve), as strace does: SIGTTOU and SIGTTIN ignored (a tracer in
/// the background still writes to the terminal); fatal signals caught (`Waiting`), left
/// deadly (`Anywhere`) or ignored (`Never`, and SIGTSTP too with `NeverTstp`). SIGALRM is the
/// tracer's own wake-up alarm in every mode.
pub fn install(mode: Interruptible) {
    set(libc::SIGTTOU, libc::SIG_IGN);
    set(libc::SIGTTIN, libc::SIG_IGN);
    set(libc::SIGALRM, on_wake_up as *const () as libc::sighandler_t);
    match mode {
        Interruptible::Anywhere => {}
        Interruptible::Waiting => {
            for sig in FATAL {
                set(sig, on_fatal_signal as *const () as libc::sighandler_t);
            }
        }
        Interruptible::Never | Interruptible::NeverTstp => {
            for sig in FATAL {
                set(sig, libc::SIG_IGN);
            }
            if mode == Interruptible::NeverTstp {
                set(libc::SIGTSTP, libc::SIG_IGN);
            }
        }
    }
}

/// The fatal signal received since the last call, if any (0: none).
pub fn take_interrupt() -> i32 {
    INTERRUPTED.swap(0, Ordering::SeqCst)
}

/// Whether a fatal signal is waiting to be acted on.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst) != 0
}
