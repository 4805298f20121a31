//! `-e trace=SET`: which syscalls are printed, as strace parses the set (strace(1), "Filtering").

use crate::table::{self, CLASS_NAMES, SYSCALLS};

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
    CLASS_NAMES.iter().position(|c| *c == name).map(|i| 1 << i)
}

/// Class names strace also accepts without `%`.
const LEGACY_CLASSES: [&str; 7] = [
    "desc", "file", "memory", "process", "signal", "ipc", "network",
];

/// Parses the value of one `trace=`; as in strace, each one replaces the set before it.
pub fn parse_trace(expr: &str) -> Result<SyscallSet, String> {
    let mut set = SyscallSet::none();
    let mut rest = expr;
    let mut inverted = false;
    while let Some(r) = rest.strip_prefix('!') {
        inverted = !inverted;
        rest = r;
    }
    for token in rest.split(',') {
        let (optional, name) = match token.strip_prefix('?') {
            Some(name) => (true, name),
            None => (false, token),
        };
        let found = match name {
            "all" => {
                set = SyscallSet::all();
                true
            }
            "none" => true,
            _ if name.starts_with('/') => {
                let re = regex::Regex::new(&name[1..])
                    .map_err(|e| format!("invalid regular expression '{}': {e}", &name[1..]))?;
                set.insert_where(|d| re.is_match(d.name))
            }
            _ if name.starts_with('%') || LEGACY_CLASSES.contains(&name) => {
                // `%%stat` names the union class `%stat_like`, which `class_bit` knows as `%stat`.
                let class = name.strip_prefix('%').unwrap_or(name);
                let bit =
                    class_bit(class).ok_or_else(|| format!("invalid system call '{name}'"))?;
                set.insert_where(|d| d.classes & bit != 0);
                true
            }
            _ => set.insert_where(|d| d.name == name),
        };
        if !found && !optional {
            return Err(format!("invalid system call '{name}'"));
        }
    }
    if inverted {
        set.invert();
    }
    Ok(set)
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
    }
}
