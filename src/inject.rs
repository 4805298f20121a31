//! Tampering with syscalls: `-e inject=SET:...` and `-e fault=SET:...` (strace(1), "Tampering").
//! A rule makes chosen calls fail with an error or return a value without running (the tracer
//! turns the syscall number into -1, or another pure syscall, at entry and sets the return
//! register at exit), delivers a signal at entry, or delays the call. `when=` picks which calls
//! of each syscall, counted per process as strace counts them.

use crate::filter::parse_trace;
use crate::number::parse_uint;
use crate::ptrace::Stopped;
use crate::table::{self, SYSCALLS};
use std::time::Duration;

/// `when=`'s counter: the call numbered `first` (from 1) fires, then every `step`th up to
/// `last`; strace keeps these in 16 bits, `last` 0xffff meaning no end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    first: u16,
    last: u16,
    step: u16,
}

/// `last` of a counter without an end.
const LAST_INF: u16 = u16::MAX;

/// What a call returns instead of running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Return {
    /// `error=`: fails with this errno.
    Error(u64),
    /// `retval=`: succeeds with this value.
    Value(u64),
}

/// What a rule does to a call it fires on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Action {
    pub ret: Option<Return>,
    /// `syscall=`: the pure syscall run in place of the call (else none runs).
    pub syscall: Option<u64>,
    /// `signal=`: delivered as the call is entered.
    pub signal: Option<i32>,
    pub delay_enter: Option<Duration>,
    pub delay_exit: Option<Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rule {
    counter: Counter,
    action: Action,
}

/// Every rule, by syscall number: a later rule naming a syscall replaces an earlier one, as in
/// strace.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    by_nr: Vec<Option<Rule>>,
}

impl Rules {
    /// Adds `inject=EXPR` (`fault`: `fault=EXPR`, where only `when=`, `error=` and
    /// `syscall=` may follow and the error defaults to ENOSYS).
    pub fn add(&mut self, expr: &str, fault: bool) -> Result<(), String> {
        let what = if fault { "fault" } else { "inject" };
        let invalid = || format!("invalid {what} argument '{expr}'");
        // As strace: an expression that starts with no syscall set is an empty set (whatever
        // follows), which is an invalid system call; else the set is checked after the rest.
        if expr.is_empty() || expr.starts_with(':') {
            return parse_trace("").map(|_| ());
        }
        let mut tokens = expr.split(':').filter(|t| !t.is_empty());
        let set = tokens.next().unwrap_or_default();
        let mut counter = Counter {
            first: 1,
            last: LAST_INF,
            step: 1,
        };
        let mut action = Action::default();
        for token in tokens {
            parse_token(token, fault, &mut counter, &mut action).ok_or_else(invalid)?;
        }
        let set = parse_trace(set)?;
        if action == Action::default() {
            if !fault {
                return Err(invalid());
            }
            // ENOSYS (<asm-generic/errno.h>).
            action.ret = Some(Return::Error(38));
        }
        if self.by_nr.is_empty() {
            self.by_nr = vec![None; SYSCALLS.len()];
        }
        for (nr, rule) in self.by_nr.iter_mut().enumerate() {
            if set.contains(nr as u64) {
                *rule = Some(Rule { counter, action });
            }
        }
        Ok(())
    }
}

/// Reads one `KEY=VALUE` of a rule; `None` when strace refuses it.
fn parse_token(token: &str, fault: bool, counter: &mut Counter, action: &mut Action) -> Option<()> {
    let (key, value) = token.split_once('=')?;
    match key {
        "when" => *counter = parse_when(value)?,
        "syscall" if action.syscall.is_none() => {
            // Only a pure syscall (no side effects) may stand in for another.
            let pure = table::class_bit("pure")?;
            let nr = SYSCALLS.iter().position(|d| {
                d.as_ref()
                    .is_some_and(|d| d.name == value && d.classes & pure != 0)
            })?;
            action.syscall = Some(nr as u64);
        }
        "error" if action.ret.is_none() => {
            let errno = match parse_uint(value, 4095) {
                Some(n) => n,
                None => table::errno_by_name(value)?,
            };
            (errno >= 1).then_some(())?;
            action.ret = Some(Return::Error(errno));
        }
        "retval" if !fault && action.ret.is_none() => {
            let value = parse_c_ulong(value)?;
            check_inadvertent_error(value);
            action.ret = Some(Return::Value(value));
        }
        "signal" if !fault && action.signal.is_none() => {
            let sig = match value.as_bytes().first()? {
                b'0'..=b'9' => i32::try_from(parse_uint(value, 255)?).ok()?,
                _ => table::signal_by_name(value)?,
            };
            // NSIG_BYTES * 8 on x86_64.
            (1..=64).contains(&sig).then_some(())?;
            action.signal = Some(sig);
        }
        "delay_enter" if !fault && action.delay_enter.is_none() => {
            action.delay_enter = Some(crate::stamp::parse_duration(value)?);
        }
        "delay_exit" if !fault && action.delay_exit.is_none() => {
            action.delay_exit = Some(crate::stamp::parse_duration(value)?);
        }
        _ => return None,
    }
    Some(())
}

/// `retval=`: read as C's strtoull with base 0 reads it (leading blanks, a sign, decimal,
/// `0x` hex or `0` octal; a minus negates modulo 2^64), all of it; `None` when nothing is read,
/// something follows, or it is out of range.
fn parse_c_ulong(s: &str) -> Option<u64> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let hex = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .filter(|h| h.starts_with(|c: char| c.is_ascii_hexdigit()));
    let (digits, radix) = match hex {
        Some(h) => (h, 16),
        None if t.len() > 1 && t.starts_with('0') => (&t[1..], 8),
        None => (t, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let value = u64::from_str_radix(digits, radix).ok()?;
    Some(if negative {
        value.wrapping_neg()
    } else {
        value
    })
}

/// strace's warnings for a `retval=` that a caller could take for an error: -1..-4095 as a
/// 64-bit value, or as a 32-bit one (i386's compat personality), or a value i386 would clip.
fn check_inadvertent_error(value: u64) {
    const MAX_ERRNO: i64 = 4095;
    let wide = value as i64;
    let narrow = value as u32 as i32;
    if (-MAX_ERRNO..0).contains(&wide) {
        crate::msg::error(format_args!(
            "Inadvertent injection of error {} is possible for retval={value}",
            -wide
        ));
    } else if (-(MAX_ERRNO as i32)..0).contains(&narrow) {
        crate::msg::error(format_args!(
            "Inadvertent injection of error {} is possible in compat personality for \
             retval={value}",
            -narrow
        ));
    } else if u64::from(value as u32) != value {
        crate::msg::error(format_args!(
            "Injected return value {value} will be clipped to {} in compat personality",
            value as u32
        ));
    }
}

/// `when=`: `F`, `F+`, `F+S`, `F..L`, `F..L+S` (strace's parse_inject_token).
fn parse_when(s: &str) -> Option<Counter> {
    let number_end = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let end = number_end(s);
    let first = u16::try_from(parse_uint(&s[..end], 0xffff)?).ok()?;
    (first >= 1).then_some(())?;
    let mut rest = &s[end..];
    let mut last = LAST_INF;
    if let Some(r) = rest.strip_prefix("..") {
        let end = number_end(r);
        let l = u16::try_from(parse_uint(&r[..end], 0xffff)?).ok()?;
        (l >= first && l != LAST_INF).then_some(())?;
        last = l;
        rest = &r[end..];
    }
    let step = match rest {
        "" if last == LAST_INF => 0,
        "" => 1,
        "+" => 1,
        _ => {
            let s = u16::try_from(parse_uint(rest.strip_prefix('+')?, 0xffff)?).ok()?;
            (s >= 1).then_some(s)?
        }
    };
    Some(Counter { first, last, step })
}

/// One process's rule counters (strace copies the rules for each process when it first
/// enters a call, and counts there).
#[derive(Debug, Clone, Default)]
pub struct Counters {
    by_nr: Vec<Option<Counter>>,
}

impl Counters {
    /// Counts an entry of syscall `nr` (one the trace shows); the action when its rule fires.
    pub fn enter(&mut self, rules: &Rules, nr: u64) -> Option<Action> {
        let nr = usize::try_from(nr).ok()?;
        let rule = rules.by_nr.get(nr).copied().flatten()?;
        if self.by_nr.is_empty() {
            self.by_nr = rules.by_nr.iter().map(|r| r.map(|r| r.counter)).collect();
        }
        let c = self.by_nr.get_mut(nr)?.as_mut()?;
        if c.first == 0 || c.last == 0 {
            return None;
        }
        if c.last != LAST_INF {
            c.last -= 1;
        }
        c.first -= 1;
        if c.first != 0 {
            return None;
        }
        c.first = c.step;
        Some(rule.action)
    }
}

/// Does at a call's entry what `action` says there: replaces the syscall number when the
/// call is to return something else (with `syscall=`'s call, else -1: none runs), and waits
/// `delay_enter`. Returns whether the number was replaced (strace tampers with the return
/// only then). The signal is the caller's to deliver as the tracee goes on.
pub fn at_entry(stopped: &Stopped, action: &Action) -> bool {
    let replaced = action.ret.is_some()
        && stopped
            .set_syscall_nr(action.syscall.map_or(-1, |nr| nr as i64))
            .is_ok();
    if let Some(delay) = action.delay_enter {
        // The tracee waits, stopped; so does the trace (strace lets other processes go on).
        std::thread::sleep(delay);
    }
    replaced
}

/// Does at a call's exit what `action` says there, given what the kernel returned: waits
/// `delay_exit`, sets the injected return value. Returns the call's outcome as the program
/// sees it and the marks its line gets.
pub fn at_exit(
    stopped: &Stopped,
    action: &Action,
    replaced: bool,
    rval: i64,
    is_error: bool,
) -> (i64, bool, Marks) {
    let mut marks = Marks {
        injected: false,
        delayed: action.delay_enter.is_some(),
    };
    if let Some(delay) = action.delay_exit {
        std::thread::sleep(delay);
        marks.delayed = true;
    }
    let injected = match action.ret.filter(|_| replaced) {
        Some(Return::Error(errno)) => (-(errno as i64), true),
        Some(Return::Value(v)) => (v as i64, false),
        None => return (rval, is_error, marks),
    };
    if stopped.set_return(injected.0).is_err() {
        return (rval, is_error, marks);
    }
    marks.injected = true;
    (injected.0, injected.1, marks)
}

/// What was done to a call, for the marks after its return value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// ` (INJECTED)`: its return value was set.
    pub injected: bool,
    /// ` (DELAYED)`.
    pub delayed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const GETPID: u64 = libc::SYS_getpid as u64;

    fn fired(expr: &str, calls: usize) -> Vec<bool> {
        let mut rules = Rules::default();
        rules.add(expr, false).unwrap();
        let mut counters = Counters::default();
        (0..calls)
            .map(|_| counters.enter(&rules, GETPID).is_some())
            .collect()
    }

    fn which(expr: &str) -> Vec<usize> {
        let f = fired(expr, 12);
        (1..=12).filter(|i| f[i - 1]).collect()
    }

    #[test]
    fn when_picks_calls_as_strace_counts_them() {
        assert_eq!(which("getpid:error=EPERM"), (1..=12).collect::<Vec<_>>());
        assert_eq!(which("getpid:error=EPERM:when=3"), [3]);
        assert_eq!(
            which("getpid:error=EPERM:when=3+"),
            (3..=12).collect::<Vec<_>>()
        );
        assert_eq!(which("getpid:error=EPERM:when=3+4"), [3, 7, 11]);
        assert_eq!(which("getpid:error=EPERM:when=2..5"), [2, 3, 4, 5]);
        assert_eq!(which("getpid:error=EPERM:when=2..9+3"), [2, 5, 8]);
    }

    #[test]
    fn actions() {
        let mut rules = Rules::default();
        rules.add("getpid:retval=0x10:signal=USR1", false).unwrap();
        let a = Counters::default().enter(&rules, GETPID).unwrap();
        assert_eq!(a.ret, Some(Return::Value(16)));
        assert_eq!(a.signal, Some(libc::SIGUSR1));
        rules.add("getpid", true).unwrap();
        let a = Counters::default().enter(&rules, GETPID).unwrap();
        assert_eq!(a.ret, Some(Return::Error(libc::ENOSYS as u64)));
        rules
            .add("getpid:error=2:syscall=getppid:delay_exit=1ms", false)
            .unwrap();
        let a = Counters::default().enter(&rules, GETPID).unwrap();
        assert_eq!(a.ret, Some(Return::Error(2)));
        assert_eq!(a.syscall, Some(libc::SYS_getppid as u64));
        assert_eq!(a.delay_exit, Some(Duration::from_millis(1)));
        assert_eq!(
            crate::stamp::parse_duration("1500"),
            Some(Duration::from_micros(1500))
        );
        assert_eq!(
            crate::stamp::parse_duration("0.5s"),
            Some(Duration::from_millis(500))
        );
    }

    /// `retval=` as strtoull reads it.
    #[test]
    fn retval_as_strtoull_reads_it() {
        for (text, want) in [
            ("0", Some(0)),
            ("0x10", Some(16)),
            ("010", Some(8)),
            (" +7", Some(7)),
            ("-1", Some(u64::MAX)),
            ("-0x2", Some(u64::MAX - 1)),
            ("18446744073709551615", Some(u64::MAX)),
            ("18446744073709551616", None),
            ("0x10000000000000000", None),
            ("", None),
            ("a", None),
            ("0b", None),
            ("0x", None),
            ("08", None),
            ("- 1", None),
            ("1 ", None),
        ] {
            assert_eq!(parse_c_ulong(text), want, "{text:?}");
        }
    }

    #[test]
    fn refused_as_strace_refuses() {
        for (expr, fault) in [
            ("getpid", false),
            ("getpid::", false),
            ("getpid:error=0", false),
            ("getpid:error=ENOPE", false),
            ("getpid:error=1:error=2", false),
            ("getpid:error=1:retval=2", false),
            ("getpid:retval=1", true),
            ("getpid:signal=1", true),
            ("getpid:when=0", false),
            ("getpid:when=3..2", false),
            ("getpid:when=1+0", false),
            ("getpid:syscall=write:error=1", false),
            ("getpid:signal=65", false),
            ("getpid:bogus=1", false),
        ] {
            let what = if fault { "fault" } else { "inject" };
            assert_eq!(
                Rules::default().add(expr, fault).unwrap_err(),
                format!("invalid {what} argument '{expr}'"),
                "{expr}"
            );
        }
        assert_eq!(
            Rules::default().add("nosuch:error=1", false).unwrap_err(),
            "invalid system call 'nosuch'"
        );
        // No set before the first colon: an empty set, whatever follows; a bad set is found
        // before a missing action, after a bad key.
        for (expr, fault) in [
            ("", false),
            (":error=1", false),
            ("::", true),
            (":bogus", false),
        ] {
            assert_eq!(
                Rules::default().add(expr, fault).unwrap_err(),
                "invalid system call ''",
                "{expr}"
            );
        }
        assert_eq!(
            Rules::default().add("415::", false).unwrap_err(),
            "invalid system call '415'"
        );
        assert_eq!(
            Rules::default().add("415:bogus", false).unwrap_err(),
            "invalid inject argument '415:bogus'"
        );
    }
}
