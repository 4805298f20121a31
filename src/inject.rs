//! Tampering with syscalls: `-e inject=SET:...` and `-e fault=SET:...` (strace(1), "Tampering").
//! A rule makes chosen calls fail with an error or return a value without running (the tracer
//! turns the syscall number into -1, or another pure syscall, at entry and sets the return
//! register at exit), delivers a signal at entry, delays the call, or writes bytes into the
//! tracee's memory at the address an argument holds (`poke_enter=`, `poke_exit=`). `when=` picks
//! which calls of each syscall, counted per process as strace counts them.

use crate::filter::parse_trace;
use crate::mem::TraceeMemory;
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
    /// `poke_enter=` / `poke_exit=` given (strace takes `poke_enter=,`, which pokes nothing).
    pub poke_enter: bool,
    pub poke_exit: bool,
    /// The rule's pokes: their index in `Rules::pokes`.
    pokes: Option<usize>,
}

/// One `@argN=HEX` of `poke_enter=`/`poke_exit=`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Poke {
    /// The argument holding the address, from 1 (strace takes 1..7, and checks it against the
    /// call's argument count as it pokes).
    arg: u8,
    at_exit: bool,
    data: Vec<u8>,
}

/// The most bytes one poke writes (strace's limit: 2048 hex digits).
const POKE_MAX: usize = 1024;

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
    /// The pokes of each rule that has any, as `Action::pokes` indexes them.
    pokes: Vec<Vec<Poke>>,
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
        let mut pokes = Vec::new();
        for token in tokens {
            parse_token(token, fault, &mut counter, &mut action, &mut pokes).ok_or_else(invalid)?;
        }
        let set = parse_trace(set)?;
        if !pokes.is_empty() {
            action.pokes = Some(self.pokes.len());
            self.pokes.push(pokes);
        }
        // A fault fails the call, with ENOSYS (<asm-generic/errno.h>) unless `error=` says;
        // an injection must do something (`syscall=` and `when=` alone do nothing).
        if fault && action.ret.is_none() {
            action.ret = Some(Return::Error(38));
        }
        let does_nothing = Action {
            syscall: None,
            ..action
        } == Action::default();
        if does_nothing {
            return Err(invalid());
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

/// Reads one `KEY=VALUE` of a rule (its pokes into `pokes`); `None` when strace refuses it.
fn parse_token(
    token: &str,
    fault: bool,
    counter: &mut Counter,
    action: &mut Action,
    pokes: &mut Vec<Poke>,
) -> Option<()> {
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
        "poke_enter" if !fault && !action.poke_enter => {
            parse_pokes(value, false, pokes)?;
            action.poke_enter = true;
        }
        "poke_exit" if !fault && !action.poke_exit => {
            parse_pokes(value, true, pokes)?;
            action.poke_exit = true;
        }
        _ => return None,
    }
    Some(())
}

/// `poke_enter=`/`poke_exit=`: `@argN=HEX` items separated by commas (empty items skipped, as
/// strtok skips them), N one digit 1..7, HEX an even number of at most 2048 characters read two
/// at a time as strace reads them (`sscanf("%2hhx")`); one argument poked twice on the same side
/// of the call is refused.
fn parse_pokes(value: &str, at_exit: bool, pokes: &mut Vec<Poke>) -> Option<()> {
    (!value.is_empty()).then_some(())?;
    for item in value.split(',').filter(|i| !i.is_empty()) {
        let rest = item.strip_prefix("@arg")?.as_bytes();
        let arg = match rest.first()? {
            d @ b'1'..=b'7' => d - b'0',
            _ => return None,
        };
        let hex = rest.get(1..)?.strip_prefix(b"=")?;
        if hex.is_empty() || hex.len() % 2 != 0 || hex.len() > 2 * POKE_MAX {
            return None;
        }
        let data = (0..hex.len() / 2)
            .map(|i| scan_hex_byte(&hex[2 * i..]))
            .collect::<Option<Vec<u8>>>()?;
        if pokes.iter().any(|p| p.at_exit == at_exit && p.arg == arg) {
            return None;
        }
        pokes.push(Poke { arg, at_exit, data });
    }
    Some(())
}

/// One byte as C's `sscanf(s, "%2hhx")` reads it from the start of `s`: white space skipped
/// (not counted), then at most two characters of an optional sign, an optional `0x` after a
/// `0`, and hex digits; trailing characters are left. A minus negates modulo 256.
fn scan_hex_byte(s: &[u8]) -> Option<u8> {
    let mut i = s.iter().position(|b| !b" \t\n\x0b\x0c\r".contains(b))?;
    let mut width = 2;
    let negative = s[i] == b'-';
    if matches!(s[i], b'+' | b'-') {
        width -= 1;
        i += 1;
    }
    let mut digits = false;
    if s.get(i) == Some(&b'0') {
        digits = true;
        width -= 1;
        i += 1;
        if width > 0 && matches!(s.get(i), Some(b'x' | b'X')) {
            width -= 1;
            i += 1;
        }
    }
    let mut value = 0u8;
    while width > 0 {
        let Some(d) = s.get(i).and_then(|&b| char::from(b).to_digit(16)) else {
            break;
        };
        value = value.wrapping_mul(16).wrapping_add(d as u8);
        digits = true;
        width -= 1;
        i += 1;
    }
    digits.then_some(if negative {
        value.wrapping_neg()
    } else {
        value
    })
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

/// The call a rule fired on: the tracee stopped in it, its memory (set to its pid), the
/// syscall and its arguments as they were at entry.
pub struct Target<'a> {
    pub stopped: &'a Stopped,
    pub mem: &'a TraceeMemory,
    pub nr: u64,
    pub args: [u64; 6],
}

/// What was done to a call at its entry, for its exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entered {
    /// Its syscall number was replaced (strace tampers with the return only then).
    pub replaced: bool,
    /// Some `poke_enter=` bytes were written.
    pub poked: bool,
}

/// Does at a call's entry what `action` says there, in strace's order: replaces the syscall
/// number when the call is to return something else (with `syscall=`'s call, else -1: none
/// runs), writes the `poke_enter=` bytes (before the call is decoded, so its line shows them),
/// The signal (and `delay_enter`: the tracee is held stopped that long, others go on) is the
/// caller's to deliver as the tracee goes on.
pub fn at_entry(target: &Target<'_>, rules: &Rules, action: &Action) -> Entered {
    let replaced = action.ret.is_some()
        && target
            .stopped
            .set_syscall_nr(action.syscall.map_or(-1, |nr| nr as i64))
            .is_ok();
    let poked = action.poke_enter && poke(target, rules, action, false);
    Entered { replaced, poked }
}

/// Does at a call's exit what `action` says there, given what the kernel returned: writes the
/// `poke_exit=` bytes (the exit half of the line shows them), sets the injected return value
/// (`delay_exit` is the caller's: it holds the tracee stopped that long). Returns the call's
/// outcome as the program sees it and the marks its line gets.
pub fn at_exit(
    target: &Target<'_>,
    rules: &Rules,
    action: &Action,
    entered: Entered,
    (rval, is_error): (i64, bool),
) -> (i64, bool, Marks) {
    let mut marks = Marks {
        injected: false,
        poked: entered.poked,
        delayed: action.delay_enter.is_some() || action.delay_exit.is_some(),
    };
    if action.poke_exit && poke(target, rules, action, true) {
        marks.poked = true;
    }
    let injected = match action.ret.filter(|_| entered.replaced) {
        Some(Return::Error(errno)) => (-(errno as i64), true),
        Some(Return::Value(v)) => (v as i64, false),
        None => return (rval, is_error, marks),
    };
    if target.stopped.set_return(injected.0).is_err() {
        return (rval, is_error, marks);
    }
    marks.injected = true;
    (injected.0, injected.1, marks)
}

/// Writes the rule's pokes of one side of the call (in the reverse of their order on the
/// command line, as strace keeps them); whether any was written. An argument past the call's
/// count, or memory that cannot be written, is reported as strace's poke_tcb reports it.
fn poke(target: &Target<'_>, rules: &Rules, action: &Action, at_exit: bool) -> bool {
    let Some(pokes) = action.pokes.and_then(|i| rules.pokes.get(i)) else {
        return false;
    };
    let pid = target.stopped.pid();
    let (name, nargs) = table::syscall(target.nr).map_or(("?", 0), |d| (d.name, d.nargs));
    let mut poked = false;
    for p in pokes.iter().rev().filter(|p| p.at_exit == at_exit) {
        let failed = "poke_tcb: Failed to tamper with process";
        if p.arg > nargs {
            crate::msg::error(format_args!(
                "{failed} {pid}: requested to tamper with argument #{}, but system call \
                 '{name}' has only {nargs} arguments",
                p.arg
            ));
            continue;
        }
        let Some(&addr) = target.args.get(usize::from(p.arg) - 1) else {
            continue;
        };
        if target.mem.write(addr, &p.data) == 0 {
            crate::msg::error(format_args!("{failed} {pid}: couldn't poke"));
        } else {
            poked = true;
        }
    }
    poked
}

/// What was done to a call, for the marks after its return value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// ` (INJECTED)`: its return value was set.
    pub injected: bool,
    /// ` (INJECTED: args)`: bytes were poked into its arguments (with a return value set:
    /// ` (INJECTED: args, retval)`).
    pub poked: bool,
    /// ` (DELAYED)`.
    pub delayed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const GETPID: u64 = libc::SYS_getpid as u64;

    #[test]
    fn a_fault_with_a_stand_in_still_fails_and_an_injection_must_do_something() {
        let mut rules = Rules::default();
        rules.add("getpid:syscall=gettid", true).unwrap();
        let rule = rules.by_nr[GETPID as usize].unwrap();
        assert_eq!(rule.action.ret, Some(Return::Error(38)));
        assert!(rule.action.syscall.is_some());
        for expr in ["getpid:syscall=gettid", "getpid:when=2"] {
            assert_eq!(
                Rules::default().add(expr, false).unwrap_err(),
                format!("invalid inject argument '{expr}'")
            );
        }
    }

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

    /// The pokes of the rule `expr` sets for getpid, as (argument, at exit, bytes).
    fn pokes_of(expr: &str) -> (Action, Vec<(u8, bool, Vec<u8>)>) {
        let mut rules = Rules::default();
        rules.add(expr, false).unwrap();
        let action = Counters::default().enter(&rules, GETPID).unwrap();
        let pokes = action
            .pokes
            .map(|i| rules.pokes[i].clone())
            .unwrap_or_default();
        let pokes = pokes.into_iter().map(|p| (p.arg, p.at_exit, p.data));
        (action, pokes.collect())
    }

    #[test]
    fn pokes_parse_as_strace_parses_them() {
        let (a, p) = pokes_of("getpid:poke_enter=@arg1=3f5354524143453f00");
        assert!(a.poke_enter && !a.poke_exit && a.ret.is_none());
        assert_eq!(p, [(1, false, b"?STRACE?\0".to_vec())]);
        let (a, p) = pokes_of(
            "getpid:poke_exit=@arg3=ffffffffffffffff:poke_enter=,@arg7=00,,@arg2=AbCd,:retval=5",
        );
        assert!(a.poke_enter && a.poke_exit);
        assert_eq!(a.ret, Some(Return::Value(5)));
        assert_eq!(
            p,
            [
                (3, true, vec![0xff; 8]),
                (7, false, vec![0]),
                (2, false, vec![0xab, 0xcd]),
            ]
        );
        // An argument may be poked on both sides of a call.
        let (_, p) = pokes_of("getpid:poke_enter=@arg1=01:poke_exit=@arg1=02");
        assert_eq!(p, [(1, false, vec![1]), (1, true, vec![2])]);
        // `poke_enter=,` is taken: an action with nothing to poke.
        let (a, p) = pokes_of("getpid:poke_enter=,");
        assert!(a.poke_enter && p.is_empty());
        // 1024 bytes at most.
        let (_, p) = pokes_of(&format!("getpid:poke_enter=@arg1={}", "7f".repeat(1024)));
        assert_eq!(p[0].2.len(), 1024);
    }

    /// Two hex digits as glibc's `sscanf("%2hhx")` reads them, checked against it (strace
    /// 6.1 takes `-1`, `0x`, `1g`, and white space before a pair reads into the next).
    #[test]
    fn poke_bytes_read_as_sscanf_reads_them() {
        let (_, p) = pokes_of("getpid:poke_enter=@arg1=-10x+f1g-f0X");
        assert_eq!(p[0].2, [0xff, 0x00, 0x0f, 0x01, 0xf1, 0x00]);
        let (_, p) = pokes_of("getpid:poke_enter=@arg1= 12\t\t0");
        assert_eq!(p[0].2, [0x12, 0x02, 0x00]);
        for bad in ["g1", "+x", "x0", "- ", "  ", "+ 1 ", "\u{e9}"] {
            let expr = format!("getpid:poke_enter=@arg1={bad}");
            assert!(Rules::default().add(&expr, false).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bad_pokes_refused_as_strace_refuses_them() {
        let long = format!("getpid:poke_enter=@arg1={}", "00".repeat(1025));
        for (expr, fault) in [
            ("getpid:poke_enter=", false),
            ("getpid:poke_exit=", false),
            ("getpid:poke_enter=invalid", false),
            ("getpid:poke_enter=@arg8=00", false),
            ("getpid:poke_enter=@arg0=00", false),
            ("getpid:poke_enter=@arg12=00", false),
            ("getpid:poke_enter=@ARG1=00", false),
            ("getpid:poke_enter=@arg1", false),
            ("getpid:poke_enter=@arg1=", false),
            ("getpid:poke_enter=@arg1=000", false),
            ("getpid:poke_enter=@arg1=nothex", false),
            ("getpid:poke_enter=@arg1=00@arg2=00", false),
            ("getpid:poke_enter=@arg1=00,@arg1=11", false),
            ("getpid:poke_enter=@arg1=00:poke_enter=@arg2=00", false),
            ("getpid:poke_exit=@arg1=00:poke_exit=@arg1=00", false),
            ("getpid:poke_enter=@arg1=00", true),
            ("getpid:poke_exit=@arg1=00", true),
            (long.as_str(), false),
        ] {
            let what = if fault { "fault" } else { "inject" };
            assert_eq!(
                Rules::default().add(expr, fault).unwrap_err(),
                format!("invalid {what} argument '{expr}'"),
                "{expr}"
            );
        }
    }
}
