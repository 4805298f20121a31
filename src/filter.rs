//! `-e trace=SET`: which syscalls are printed, as strace parses the set (strace(1), "Filtering").

use crate::number::parse_uint;
use crate::table::{self, CLASS_NAMES, FOREIGN_NAMES, NOT_I386_NAMES, NOT_X32_NAMES, SYSCALLS};

/// Syscall numbers as bits; numbers past the table (which have no name) follow `others`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyscallSet {
    bits: Vec<u64>,
    /// Whether numbers the table does not know are in the set (they are in `all`).
    others: bool,
}

impl SyscallSet {
    pub fn all() -> Self {
        let mut set = SyscallSet::none();
        set.invert();
        set
    }

    pub fn none() -> Self {
        SyscallSet {
            bits: vec![0; SYSCALLS.len().div_ceil(64)],
            others: false,
        }
    }

    pub fn contains(&self, nr: u64) -> bool {
        match usize::try_from(nr).ok().filter(|n| *n < SYSCALLS.len()) {
            Some(n) => self.bits[n / 64] & (1 << (n % 64)) != 0,
            None => self.others,
        }
    }

    /// Whether the syscall named `name` is in the set.
    pub fn contains_name(&self, name: &str) -> bool {
        SYSCALLS
            .iter()
            .enumerate()
            .any(|(nr, d)| d.as_ref().is_some_and(|d| d.name == name) && self.contains(nr as u64))
    }

    fn insert(&mut self, nr: usize) {
        self.bits[nr / 64] |= 1 << (nr % 64);
    }

    fn invert(&mut self) {
        for word in &mut self.bits {
            *word = !*word;
        }
        self.others = !self.others;
    }

    /// Adds every syscall whose name satisfies `pred`; returns whether one did.
    fn insert_where(&mut self, pred: impl Fn(&table::SyscallDesc) -> bool) -> bool {
        let mut any = false;
        for (nr, desc) in SYSCALLS.iter().enumerate() {
            if desc.as_ref().is_some_and(&pred) {
                self.insert(nr);
                any = true;
            }
        }
        any
    }
}

/// The class bit for `%NAME` (or a legacy bare class name), with strace's aliases.
fn class_bit(name: &str) -> Option<u32> {
    let name = match name {
        "net" => "network",
        "%stat" => "stat_like",
        "%statfs" => "statfs_like",
        other => other,
    };
    table::class_bit(name)
}

/// Class names strace also accepts without `%`.
const LEGACY_CLASSES: [&str; 7] = [
    "desc", "file", "memory", "process", "signal", "ipc", "network",
];

/// strace's personalities on x86_64, as `NAME@64`, `NAME@32` and `NAME@x32` name them. Only
/// x86_64's calls are traced; a token of another one must be valid there and selects none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Personality {
    X86_64,
    I386,
    X32,
}

impl Personality {
    const ALL: [Personality; 3] = [Personality::X86_64, Personality::I386, Personality::X32];

    fn by_designator(designator: &str) -> Option<Self> {
        match designator {
            "64" => Some(Personality::X86_64),
            "32" => Some(Personality::I386),
            "x32" => Some(Personality::X32),
            _ => None,
        }
    }

    /// Whether the personality has a syscall numbered `nr`: i386 has 0..=469 but for the
    /// holes of `<asm/unistd_32.h>`, x32 has x86_64's numbers and its own 512..=547.
    fn has_number(self, nr: usize) -> bool {
        const I386_LAST: usize = 469;
        const I386_HOLES: [usize; 11] = [222, 223, 251, 285, 387, 388, 389, 390, 391, 392, 415];
        let x86_64 = SYSCALLS.get(nr).is_some_and(Option::is_some);
        match self {
            Personality::X86_64 => x86_64,
            Personality::I386 => nr <= I386_LAST && !I386_HOLES.contains(&nr),
            Personality::X32 => x86_64 || (512..=547).contains(&nr),
        }
    }

    /// Whether the personality has a syscall named `name`.
    fn has_name(self, name: &str) -> bool {
        let x86_64 = SYSCALLS.iter().flatten().any(|d| d.name == name);
        match self {
            Personality::X86_64 => x86_64,
            Personality::I386 => {
                (x86_64 && NOT_I386_NAMES.binary_search(&name).is_err())
                    || FOREIGN_NAMES.binary_search(&name).is_ok()
            }
            Personality::X32 => x86_64 && NOT_X32_NAMES.binary_search(&name).is_err(),
        }
    }

    /// Every syscall name of the personality (for `/REGEX`).
    fn names(self) -> impl Iterator<Item = &'static str> {
        let foreign: &'static [&'static str] = match self {
            Personality::I386 => FOREIGN_NAMES,
            _ => &[],
        };
        SYSCALLS
            .iter()
            .flatten()
            .map(|d| d.name)
            .filter(move |n| self.has_name(n))
            .chain(foreign.iter().copied())
    }
}

/// Parses the value of one `trace=`; as in strace, each one replaces the set before it.
/// Each leading `!` inverts; `all` and `none` stand alone; otherwise comma-separated tokens,
/// empty ones skipped (strace splits with strtok), each a name, a number, a class or a
/// `/regex`, `?` making a token that matches nothing harmless.
pub fn parse_trace(expr: &str) -> Result<SyscallSet, String> {
    let mut set = SyscallSet::none();
    let rest = expr.trim_start_matches('!');
    let inverted = (expr.len() - rest.len()) % 2 == 1;
    match rest {
        "none" => {}
        "all" => set = SyscallSet::all(),
        _ => add_tokens(&mut set, rest, expr)?,
    }
    if inverted {
        set.invert();
    }
    Ok(set)
}

/// Adds each syscall a `trace=` token list names to `set` (`whole`: the expression, for the
/// error when it has no token at all).
fn add_tokens(set: &mut SyscallSet, list: &str, whole: &str) -> Result<(), String> {
    let mut tokens = list.split(',').filter(|t| !t.is_empty()).peekable();
    if tokens.peek().is_none() {
        return Err(format!("invalid system call '{whole}'"));
    }
    for token in tokens {
        let name = token.trim_start_matches('?');
        let optional = name.len() < token.len();
        let found = match name.rsplit_once('@') {
            None => {
                let mut found = false;
                for pers in Personality::ALL {
                    found |= add_token(set, name, pers)?;
                }
                found
            }
            Some((bare, designator)) => match Personality::by_designator(designator) {
                Some(pers) => add_token(set, bare, pers)?,
                None => {
                    return Err(format!(
                        "incorrect personality designator '{designator}' in qualification \
                         '{name}'\nTry '{} -h' for more information.",
                        crate::msg::program()
                    ));
                }
            },
        };
        if !found && !optional {
            return Err(format!("invalid system call '{token}'"));
        }
    }
    Ok(())
}

/// Adds the x86_64 syscalls one token names in personality `pers` (none for the others);
/// returns whether the token is valid there.
fn add_token(set: &mut SyscallSet, token: &str, pers: Personality) -> Result<bool, String> {
    let native = pers == Personality::X86_64;
    let mut foreign = SyscallSet::none();
    let set: &mut SyscallSet = if native { set } else { &mut foreign };
    let found = match token {
        // A syscall number, as strace's string_to_uint reads it.
        _ if token.starts_with(|c: char| c.is_ascii_digit()) => {
            match parse_uint(token, i32::MAX as u64).map(|n| n as usize) {
                Some(nr) if pers.has_number(nr) => {
                    if native {
                        set.insert(nr);
                    }
                    true
                }
                _ => false,
            }
        }
        _ if token.starts_with('/') => {
            let re = PosixRegex::new(&token[1..])?;
            if native {
                set.insert_where(|d| re.is_match(d.name))
            } else {
                pers.names().any(|n| re.is_match(n))
            }
        }
        // strace's legacy class of every named syscall.
        "all" => set.insert_where(|_| true) || !native,
        _ if token.starts_with('%') || LEGACY_CLASSES.contains(&token) => {
            // `%%stat` names the union class `%stat_like`, which `class_bit` knows as `%stat`.
            let class = token.strip_prefix('%').unwrap_or(token);
            match class_bit(class) {
                Some(bit) => {
                    set.insert_where(|d| d.classes & bit != 0);
                    true
                }
                None => false,
            }
        }
        _ if native => set.insert_where(|d| d.name == token),
        _ => pers.has_name(token),
    };
    Ok(found)
}

/// `--list-classes`: each class with its syscalls, one line a class.
pub fn class_listing() -> String {
    let mut text = String::new();
    for (i, class) in CLASS_NAMES.iter().enumerate() {
        let names: Vec<&str> = SYSCALLS
            .iter()
            .flatten()
            .filter(|d| d.classes & (1 << i) != 0)
            .map(|d| d.name)
            .collect();
        text.push_str(&format!("%{class}: {}\n", names.join(" ")));
    }
    text
}

/// A POSIX extended regular expression, compiled by the C library as strace compiles its
/// `-e trace=/REGEX` (`regcomp(3)` with `REG_EXTENDED | REG_NOSUB`): the same syntax, and the
/// same error messages (`regcomp: [: ...`).
struct PosixRegex {
    re: libc::regex_t,
}

impl PosixRegex {
    fn new(pattern: &str) -> Result<Self, String> {
        let c_pattern = std::ffi::CString::new(pattern)
            .map_err(|_| format!("regcomp: {pattern}: Invalid regular expression"))?;
        // SAFETY: regex_t is plain data that regcomp initialises; all zeroes is a valid start.
        let mut re: libc::regex_t = unsafe { std::mem::zeroed() };
        // SAFETY: `re` is a valid regex_t and `c_pattern` a NUL-terminated string.
        let rc = unsafe {
            libc::regcomp(
                &mut re,
                c_pattern.as_ptr(),
                libc::REG_EXTENDED | libc::REG_NOSUB,
            )
        };
        if rc == 0 {
            return Ok(PosixRegex { re });
        }
        let mut text = [0u8; 256];
        // SAFETY: regerror writes at most `text.len()` bytes, NUL-terminated, into `text`.
        unsafe { libc::regerror(rc, &re, text.as_mut_ptr().cast(), text.len()) };
        let len = text.iter().position(|&b| b == 0).unwrap_or(text.len());
        Err(format!(
            "regcomp: {pattern}: {}",
            String::from_utf8_lossy(&text[..len])
        ))
    }

    fn is_match(&self, text: &str) -> bool {
        let Ok(c_text) = std::ffi::CString::new(text) else {
            return false;
        };
        // SAFETY: `re` was compiled by regcomp; REG_NOSUB needs no match array.
        unsafe { libc::regexec(&self.re, c_text.as_ptr(), 0, std::ptr::null_mut(), 0) == 0 }
    }
}

impl Drop for PosixRegex {
    fn drop(&mut self) {
        // SAFETY: `re` was compiled by regcomp and is freed once.
        unsafe { libc::regfree(&mut self.re) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GETPID: u64 = libc::SYS_getpid as u64;
    const GETPPID: u64 = libc::SYS_getppid as u64;
    const WRITE: u64 = libc::SYS_write as u64;
    const OPENAT: u64 = libc::SYS_openat as u64;

    #[test]
    fn names_classes_regex_and_negation() {
        let s = parse_trace("getpid,write").unwrap();
        assert!(s.contains(GETPID) && s.contains(WRITE) && !s.contains(GETPPID));
        let s = parse_trace("%pure").unwrap();
        assert!(s.contains(GETPID) && s.contains(GETPPID) && !s.contains(WRITE));
        let s = parse_trace("!%pure").unwrap();
        assert!(!s.contains(GETPID) && s.contains(WRITE) && s.contains(500));
        let s = parse_trace("/^get.*pid$").unwrap();
        assert!(s.contains(GETPID) && s.contains(GETPPID) && !s.contains(WRITE));
        let s = parse_trace("file").unwrap();
        assert!(s.contains(OPENAT) && !s.contains(WRITE));
        assert_eq!(
            parse_trace("%net").unwrap(),
            parse_trace("%network").unwrap()
        );
        assert_eq!(parse_trace("none").unwrap(), SyscallSet::none());
        assert_eq!(parse_trace("all").unwrap(), SyscallSet::all());
        assert_eq!(
            parse_trace("!!getpid").unwrap(),
            parse_trace("getpid").unwrap()
        );
    }

    /// strace splits the list with strtok (empty tokens vanish) and reads a token that starts
    /// with a digit as a syscall number.
    #[test]
    fn empty_tokens_and_numbers() {
        assert_eq!(
            parse_trace(",getpid,,write,").unwrap(),
            parse_trace("getpid,write").unwrap()
        );
        assert_eq!(
            parse_trace(&format!("{GETPID},write")).unwrap(),
            parse_trace("getpid,write").unwrap()
        );
        assert_eq!(parse_trace(",").unwrap_err(), "invalid system call ','");
        assert_eq!(parse_trace("").unwrap_err(), "invalid system call ''");
        assert_eq!(parse_trace("!,").unwrap_err(), "invalid system call '!,'");
        assert_eq!(parse_trace("39x").unwrap_err(), "invalid system call '39x'");
        // 336 is a hole in the x86_64 table, an i386 call; 470 is neither.
        assert_eq!(parse_trace("336").unwrap(), SyscallSet::none());
        assert_eq!(parse_trace("470").unwrap_err(), "invalid system call '470'");
        assert!(parse_trace("getpid,all").unwrap().contains(WRITE));
        assert_eq!(
            parse_trace("getpid,none").unwrap_err(),
            "invalid system call 'none'"
        );
    }

    #[test]
    fn personality_designators() {
        // x86_64's calls for @64, none (but checked) for the other two personalities.
        assert_eq!(
            parse_trace("getcwd@64").unwrap(),
            parse_trace("getcwd").unwrap()
        );
        assert_eq!(parse_trace("getcwd@32,79@x32").unwrap(), SyscallSet::none());
        assert_eq!(parse_trace("%statfs@x32").unwrap(), SyscallSet::none());
        assert_eq!(
            parse_trace("nosuch@32").unwrap_err(),
            "invalid system call 'nosuch@32'"
        );
        let err = parse_trace("getcwd@foo").unwrap_err();
        assert!(
            err.starts_with(
                "incorrect personality designator 'foo' in qualification 'getcwd@foo'\nTry '"
            ),
            "{err}"
        );
    }

    /// Numbers and names are valid if one of strace's three personalities has them (the one
    /// given with `@`); only x86_64's are selected.
    #[test]
    fn validity_by_personality() {
        let none = SyscallSet::none();
        for ok in [
            "336",
            "221@32",
            "222@x32",
            "450@32",
            "512",
            "547@x32",
            "100@x32",
            "mmap2@32",
            "readv@x32",
            "send",
            "recv@32",
            "accept@32",
            "tuxcall@x32",
            "/mmap2",
            "/^_llseek$@32",
            "/^readv$@x32",
        ] {
            assert_eq!(parse_trace(ok).as_ref(), Ok(&none), "{ok}");
        }
        for bad in [
            "415",
            "415@64",
            "415@32",
            "222@32",
            "387",
            "470@32",
            "511",
            "512@64",
            "548",
            "mmap2@64",
            "mmap2@x32",
            "tuxcall@32",
            "newfstatat@32",
            "uselib@x32",
            "/mmap2@64",
            "/^tuxcall$@32",
            "0x1",
            "-1",
        ] {
            assert_eq!(
                parse_trace(bad).unwrap_err(),
                format!("invalid system call '{bad}'"),
                "{bad}"
            );
        }
        assert_eq!(
            parse_trace("1,415@64").unwrap_err(),
            "invalid system call '415@64'"
        );
        assert!(parse_trace("222").unwrap().contains(222));
        assert!(parse_trace("getpid@64").unwrap().contains(GETPID));
        assert_eq!(parse_trace("%desc@32").unwrap(), none);
        assert_eq!(parse_trace("all@x32").unwrap(), none);
        assert!(parse_trace("!!!getpid@32").unwrap().contains(GETPID));
    }

    /// i386's numbers are those of the machine's <asm/unistd_32.h>; x32's own ones (the x32
    /// bit aside) those of <asm/unistd_x32.h> past x86_64's table.
    #[test]
    fn personality_numbers_agree_with_the_headers() {
        let numbers = |header: &str, strip: &str| -> Option<Vec<usize>> {
            let path = format!("/usr/include/x86_64-linux-gnu/asm/{header}");
            let text = std::fs::read_to_string(path).ok()?;
            Some(
                text.lines()
                    .filter(|l| l.starts_with("#define __NR_"))
                    .filter_map(|l| {
                        // `#define __NR_name VALUE`, VALUE `N` or `(__X32_SYSCALL_BIT + N)`.
                        let value = l.split_once(' ')?.1.split_once(' ')?.1;
                        let value = value.trim_start_matches(strip).trim_end_matches(')');
                        value.trim().parse().ok()
                    })
                    .collect(),
            )
        };
        let (Some(i386), Some(x32)) = (
            numbers("unistd_32.h", ""),
            numbers("unistd_x32.h", "(__X32_SYSCALL_BIT + "),
        ) else {
            return;
        };
        assert!(i386.len() > 400 && x32.len() > 300);
        // Numbers past the headers' last are the kernel's newer calls, checked in tests/spec.rs.
        let last = i386.iter().copied().max().unwrap_or(0);
        for nr in (0..600).filter(|nr| !(last + 1..=469).contains(nr)) {
            assert_eq!(
                Personality::I386.has_number(nr),
                i386.contains(&nr),
                "i386 {nr}"
            );
            if nr >= 512 {
                assert_eq!(
                    Personality::X32.has_number(nr),
                    x32.contains(&nr),
                    "x32 {nr}"
                );
            }
        }
    }

    #[test]
    fn descriptor_sets_as_strace_reads_them() {
        let set = parse_fds("3,,19998").unwrap();
        assert!(set.contains(3) && set.contains(19998) && !set.contains(4));
        let not = parse_fds("!!!3").unwrap();
        assert!(!not.contains(3) && not.contains(4) && not.contains(1 << 20));
        assert!(parse_fds("all").unwrap().contains(77777));
        assert!(parse_fds("!none").unwrap().contains(0));
        assert!(parse_fds("!all").unwrap().is_empty());
        assert!(parse_fds(" +5").unwrap().contains(5));
        assert_eq!(parse_fds(",").unwrap_err(), "invalid descriptor ','");
        assert_eq!(parse_fds("3,x").unwrap_err(), "invalid descriptor 'x'");
        assert_eq!(
            parse_fds("2147483648").unwrap_err(),
            "invalid descriptor '2147483648'"
        );
        assert_eq!(parse_fds("3,all").unwrap_err(), "invalid descriptor 'all'");
    }

    #[test]
    fn other_personalities_names_are_valid_and_select_nothing() {
        assert_eq!(
            parse_trace("mmap,mmap2").unwrap(),
            parse_trace("mmap").unwrap()
        );
        assert_eq!(parse_trace("_llseek").unwrap(), SyscallSet::none());
        assert_eq!(
            parse_trace("mmap3").unwrap_err(),
            "invalid system call 'mmap3'"
        );
        // The list is sorted for the binary search (build.rs sorts it).
        assert!(FOREIGN_NAMES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn unknown_names_are_errors_unless_marked() {
        assert_eq!(
            parse_trace("nosuch").unwrap_err(),
            "invalid system call 'nosuch'"
        );
        assert_eq!(
            parse_trace("%nosuch").unwrap_err(),
            "invalid system call '%nosuch'"
        );
        assert_eq!(
            parse_trace("?nosuch,getpid").unwrap(),
            parse_trace("getpid").unwrap()
        );
        assert_eq!(
            parse_trace("?%nosuch,getpid").unwrap(),
            parse_trace("getpid").unwrap()
        );
    }
}

/// A set of names from a fixed list, as bits: `-e status=`, `-e quiet=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameSet(u32);

impl NameSet {
    pub const ALL: NameSet = NameSet(u32::MAX);
    pub const NONE: NameSet = NameSet(0);

    pub fn contains(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    pub fn with(self, bit: u32) -> NameSet {
        NameSet(self.0 | bit)
    }
}

/// How strace's qualify_tokens reads a set: each leading `!` inverts it; `all` and `none`
/// stand alone; otherwise comma-separated tokens (empty ones skipped, one at least), each
/// passed to `add`, which refuses an invalid one. `what` names the set in the error: `invalid
/// WHAT 'TOKEN'`, or the whole expression when there is no token. Returns whether the set is
/// inverted and whether it is `all` (the tokens added otherwise).
pub fn qualify_tokens(
    expr: &str,
    what: &str,
    mut add: impl FnMut(&str) -> bool,
) -> Result<(bool, bool), String> {
    let rest = expr.trim_start_matches('!');
    let inverted = (expr.len() - rest.len()) % 2 == 1;
    match rest {
        "none" => return Ok((inverted, false)),
        "all" => return Ok((inverted, true)),
        _ => {}
    }
    let mut any = false;
    for token in rest.split(',').filter(|t| !t.is_empty()) {
        if !add(token) {
            return Err(format!("invalid {what} '{token}'"));
        }
        any = true;
    }
    if !any {
        return Err(format!("invalid {what} '{expr}'"));
    }
    Ok((inverted, false))
}

/// Parses a set of `names` (each with its bit; matched in any case, as strace's find_arg_val
/// does) as [`qualify_tokens`] reads it.
pub fn parse_names(expr: &str, names: &[(&str, u32)], what: &str) -> Result<NameSet, String> {
    let mut bits = 0u32;
    let (inverted, all) = qualify_tokens(expr, what, |token| {
        match names.iter().find(|(n, _)| n.eq_ignore_ascii_case(token)) {
            Some((_, bit)) => {
                bits |= bit;
                true
            }
            None => false,
        }
    })?;
    if all {
        bits = u32::MAX;
    }
    Ok(NameSet(if inverted { !bits } else { bits }))
}

/// `-e status=`: which outcomes of a syscall are printed (strace(1), `--status`).
pub mod status {
    pub const SUCCESSFUL: u32 = 1;
    pub const FAILED: u32 = 2;
    pub const UNFINISHED: u32 = 4;
    pub const UNAVAILABLE: u32 = 8;
    pub const DETACHED: u32 = 16;
    pub const NAMES: [(&str, u32); 5] = [
        ("successful", SUCCESSFUL),
        ("failed", FAILED),
        ("unfinished", UNFINISHED),
        ("unavailable", UNAVAILABLE),
        ("detached", DETACHED),
    ];
}

/// `-e quiet=`: which of the tracer's own messages are left out.
pub mod quiet {
    pub const ATTACH: u32 = 1;
    pub const EXIT: u32 = 2;
    pub const PATH_RESOLUTION: u32 = 4;
    pub const PERSONALITY: u32 = 8;
    pub const THREAD_EXECVE: u32 = 16;
    pub const NAMES: [(&str, u32); 7] = [
        ("attach", ATTACH),
        ("exit", EXIT),
        ("exits", EXIT),
        ("path-resolution", PATH_RESOLUTION),
        ("personality", PERSONALITY),
        ("thread-execve", THREAD_EXECVE),
        ("superseded", THREAD_EXECVE),
    ];
}

/// `-e signal=`: which signals get a `--- SIGxxx ---` line; bit `n - 1` for signal `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalSet(pub u64);

impl SignalSet {
    pub const ALL: SignalSet = SignalSet(u64::MAX);

    pub fn contains(self, sig: i32) -> bool {
        (1..=64).contains(&sig) && self.0 & (1 << (sig - 1)) != 0
    }
}

/// Parses `-e signal=` as strace does: [`qualify_tokens`] over signal names (`SIGINT`, `INT`,
/// `int`) and numbers up to 255 (only 1..=64 can ever be delivered).
pub fn parse_signals(expr: &str) -> Result<SignalSet, String> {
    let mut bits = 0u64;
    let (inverted, all) = qualify_tokens(expr, "signal", |token| {
        let sig = if token.starts_with(|c: char| c.is_ascii_digit()) {
            match parse_uint(token, 255) {
                Some(n) => n as i32,
                None => return false,
            }
        } else {
            match table::signal_by_name(token) {
                Some(n) => n,
                None => return false,
            }
        };
        if (1..=64).contains(&sig) {
            bits |= 1 << (sig - 1);
        }
        true
    })?;
    if all {
        bits = u64::MAX;
    }
    Ok(SignalSet(if inverted { !bits } else { bits }))
}

/// A set of file descriptors (`-e read=`, `-e write=`): the first 1024 as bits, the rest
/// listed, and whether the set is inverted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FdSet {
    bits: [u64; 16],
    more: Vec<i64>,
    inverted: bool,
}

impl FdSet {
    pub fn none() -> Self {
        FdSet {
            bits: [0; 16],
            more: Vec::new(),
            inverted: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.inverted && self.more.is_empty() && self.bits.iter().all(|w| *w == 0)
    }

    pub fn contains(&self, fd: i64) -> bool {
        let listed = match usize::try_from(fd) {
            Ok(fd) if fd < 1024 => self.bits[fd / 64] & (1 << (fd % 64)) != 0,
            Ok(_) => self.more.binary_search(&fd).is_ok(),
            Err(_) => return false,
        };
        listed != self.inverted
    }

    fn insert(&mut self, fd: i64) {
        match usize::try_from(fd) {
            Ok(n) if n < 1024 => self.bits[n / 64] |= 1 << (n % 64),
            _ => {
                if let Err(at) = self.more.binary_search(&fd) {
                    self.more.insert(at, fd);
                }
            }
        }
    }
}

/// Parses `-e read=`/`-e write=` as strace's qualify_tokens: each leading `!` inverts, `all`
/// and `none` stand alone, otherwise comma-separated descriptors (up to INT_MAX; empty
/// elements skipped, but one at least).
pub fn parse_fds(expr: &str) -> Result<FdSet, String> {
    let mut set = FdSet::none();
    let (inverted, all) = qualify_tokens(expr, "descriptor", |token| {
        match parse_uint(token, i32::MAX as u64) {
            Some(fd) => {
                set.insert(fd as i64);
                true
            }
            None => false,
        }
    })?;
    set.inverted = inverted != all;
    Ok(set)
}

/// Every `-e QUALIFIER=SET` (and its long option), as the tracer uses them.
#[derive(Debug, Clone)]
pub struct Qualifiers {
    pub trace: SyscallSet,
    /// Syscalls whose arguments print undecoded, in hex.
    pub raw: SyscallSet,
    /// Syscalls whose arrays and structs print abbreviated (`-v` empties it).
    pub abbrev: SyscallSet,
    /// Syscalls whose argument arrays and structs are dereferenced (`-e verbose=`).
    pub verbose: SyscallSet,
    pub signals: SignalSet,
    pub status: NameSet,
    pub quiet: NameSet,
    /// `-e read=`: descriptors whose data read is dumped in hex.
    pub read_dumps: FdSet,
    /// `-e write=`: descriptors whose data written is dumped in hex.
    pub write_dumps: FdSet,
    /// `-e inject=` and `-e fault=`: the tampering rules.
    pub inject: crate::inject::Rules,
}

impl Default for Qualifiers {
    fn default() -> Self {
        Qualifiers {
            trace: SyscallSet::all(),
            raw: SyscallSet::none(),
            abbrev: SyscallSet::all(),
            verbose: SyscallSet::all(),
            signals: SignalSet::ALL,
            status: NameSet::ALL,
            quiet: NameSet::NONE,
            read_dumps: FdSet::none(),
            write_dumps: FdSet::none(),
            inject: crate::inject::Rules::default(),
        }
    }
}

impl Qualifiers {
    /// Applies one `QUALIFIER=SET` (a bare SET is `trace=SET`), as strace reads `-e`: each
    /// qualifier given again replaces the earlier set.
    pub fn apply(&mut self, expr: &str) -> Result<(), String> {
        let (qualifier, value) = expr.split_once('=').unwrap_or(("trace", expr));
        match qualifier {
            "trace" | "t" => self.trace = parse_trace(value)?,
            "raw" | "x" => self.raw = parse_trace(value)?,
            "abbrev" | "a" => self.abbrev = parse_trace(value)?,
            "verbose" | "v" => self.verbose = parse_trace(value)?,
            "signal" | "signals" | "s" => self.signals = parse_signals(value)?,
            "status" => self.status = parse_names(value, &status::NAMES, "status")?,
            "read" | "reads" | "r" => self.read_dumps = parse_fds(value)?,
            "write" | "writes" | "w" => self.write_dumps = parse_fds(value)?,
            "quiet" | "silent" | "silence" | "q" => {
                self.quiet = parse_names(value, &quiet::NAMES, "quiet")?
            }
            "inject" => self.inject.add(value, false)?,
            "fault" => self.inject.add(value, true)?,
            // Read by `Cli::decode_fds`, with -y and --decode-fds.
            "decode-fds" | "decode-fd" => {}
            // strace reads an unknown `NAME=...` as a list of syscall names.
            _ => self.trace = parse_trace(expr)?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod qualifier_tests {
    use super::*;

    /// strace's qualify_tokens: each `!` inverts, empty words are skipped, `all` and `none`
    /// only stand alone, the bad word is named (the whole set when there is no word), names in
    /// any case.
    #[test]
    fn sets_read_as_qualify_tokens() {
        assert_eq!(
            parse_signals("!!int").unwrap(),
            parse_signals("int").unwrap()
        );
        assert_eq!(
            parse_signals("int,,term").unwrap(),
            parse_signals("SIGINT,TERM").unwrap()
        );
        assert!(!parse_signals("!all").unwrap().contains(libc::SIGINT));
        for (expr, bad) in [
            (",", ","),
            ("", ""),
            ("!", "!"),
            ("all,int", "all"),
            ("+5", "+5"),
        ] {
            assert_eq!(
                parse_signals(expr).unwrap_err(),
                format!("invalid signal '{bad}'"),
                "{expr}"
            );
        }
        let q = parse_names("ATTACH,,Exit", &quiet::NAMES, "quiet").unwrap();
        assert!(q.contains(quiet::ATTACH) && q.contains(quiet::EXIT));
        assert!(!q.contains(quiet::PERSONALITY));
        assert_eq!(
            parse_names("attach,none", &quiet::NAMES, "quiet").unwrap_err(),
            "invalid quiet 'none'"
        );
        assert_eq!(
            parse_names("!!!failed", &status::NAMES, "status").unwrap(),
            parse_names("!failed", &status::NAMES, "status").unwrap()
        );
        assert_eq!(
            parse_names(",,", &status::NAMES, "status").unwrap_err(),
            "invalid status ',,'"
        );
    }

    #[test]
    fn signal_and_status_sets() {
        let s = parse_signals("!SIGUSR1,int").unwrap();
        assert!(
            !s.contains(libc::SIGUSR1) && !s.contains(libc::SIGINT) && s.contains(libc::SIGTERM)
        );
        assert!(parse_signals("34").unwrap().contains(34));
        assert_eq!(
            parse_signals("SIGNOPE").unwrap_err(),
            "invalid signal 'SIGNOPE'"
        );
        let st = parse_names("failed", &status::NAMES, "status").unwrap();
        assert!(st.contains(status::FAILED) && !st.contains(status::SUCCESSFUL));
        let st = parse_names("!unfinished", &status::NAMES, "status").unwrap();
        assert!(st.contains(status::FAILED) && !st.contains(status::UNFINISHED));
        let mut q = Qualifiers::default();
        q.apply("quiet=attach,exit").unwrap();
        assert!(q.quiet.contains(quiet::EXIT) && !q.quiet.contains(quiet::THREAD_EXECVE));
        assert_eq!(
            q.apply("bogus=1").unwrap_err(),
            "invalid system call 'bogus=1'"
        );
    }
}
