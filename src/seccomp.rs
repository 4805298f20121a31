//! The seccomp-bpf filter that makes untraced syscalls free (`--seccomp-bpf`, seccomp(2)).
//!
//! A spawned command gets, before its execve, a classic-BPF program that returns
//! `SECCOMP_RET_TRACE` for the syscalls of the `-e trace=` set and `SECCOMP_RET_ALLOW` for the
//! others. With `PTRACE_O_TRACESECCOMP` a traced syscall then stops the tracee with
//! `PTRACE_EVENT_SECCOMP` before it runs, so the tracer can resume it with `PTRACE_CONT` between
//! syscalls and only see the ones it prints.
//!
//! The program decides exactly as [`SyscallSet::contains`]; the unit tests run it in a small
//! interpreter against every syscall number to prove that. Layout:
//!
//! ```text
//!   A = arch; if A != AUDIT_ARCH_X86_64: return TRACE   (a foreign call: stop, as without filter)
//!   A = nr;   if A >= table size: return TRACE or ALLOW (numbers the table does not name, x32)
//!   body: a balanced tree of `A >= k` tests over the ranges of equal decisions, or over 32-bit
//!         words of a bitmap (X = 1 << nr % 32, A = nr / 32, leaves test `X & word`)
//! ```
//! The shorter of the two bodies is used. Classic BPF jumps are forward only and a conditional
//! jump reaches at most 255 instructions; a longer one goes through a `JA` (32-bit offset).

use crate::filter::SyscallSet;
use crate::table::SYSCALLS;

/// linux/audit.h: `EM_X86_64 | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE`.
pub const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;
/// linux/seccomp.h.
pub const RET_TRACE: u32 = 0x7ff0_0000;
pub const RET_ALLOW: u32 = 0x7fff_0000;
/// linux/filter.h `BPF_MAXINSNS`: the kernel refuses longer programs.
pub const MAX_INSNS: usize = 4096;

// Instruction classes and fields, linux/bpf_common.h.
const LD: u16 = 0x00;
const ALU: u16 = 0x04;
const JMP: u16 = 0x05;
const RET: u16 = 0x06;
const MISC: u16 = 0x07;
const W: u16 = 0x00;
const ABS: u16 = 0x20;
const IMM: u16 = 0x00;
const K: u16 = 0x00;
const X: u16 = 0x08;
const JA: u16 = 0x00;
const JGE: u16 = 0x30;
const JEQ: u16 = 0x10;
const JSET: u16 = 0x40;
const AND: u16 = 0x50;
const LSH: u16 = 0x60;
const RSH: u16 = 0x70;
const TAX: u16 = 0x00;
const TXA: u16 = 0x80;

/// Offsets in `struct seccomp_data` (linux/seccomp.h): `int nr; __u32 arch; ...`.
const DATA_NR: u32 = 0;
const DATA_ARCH: u32 = 4;

/// One instruction, laid out as `struct sock_filter` (linux/filter.h).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insn {
    pub code: u16,
    pub jt: u8,
    pub jf: u8,
    pub k: u32,
}

const fn stmt(code: u16, k: u32) -> Insn {
    Insn {
        code,
        jt: 0,
        jf: 0,
        k,
    }
}

const fn jump(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
    Insn {
        code: JMP | code | K,
        jt,
        jf,
        k,
    }
}

fn ret(trace: bool) -> Insn {
    stmt(RET | K, if trace { RET_TRACE } else { RET_ALLOW })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The program would exceed the kernel's limit of [`MAX_INSNS`] instructions.
    TooLong(usize),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::TooLong(n) => write!(f, "seccomp filter too long ({n} > {MAX_INSNS})"),
        }
    }
}

/// The filter for `set`: the shorter of the range and bitmap forms.
pub fn program(set: &SyscallSet) -> Result<Vec<Insn>, Error> {
    let ranges = with_prologue(ranges_body(set));
    let bitmap = with_prologue(bitmap_body(set));
    let best = if bitmap.len() < ranges.len() {
        bitmap
    } else {
        ranges
    };
    match best.len() {
        n if n > MAX_INSNS => Err(Error::TooLong(n)),
        _ => Ok(best),
    }
}

/// The number of syscalls the table names: `SyscallSet` decides numbers past it as one.
fn table_len() -> u32 {
    SYSCALLS.len() as u32
}

/// The arch check and the test for numbers past the table, then `body` (which starts with
/// the number in A).
fn with_prologue(body: Vec<Insn>) -> Vec<Insn> {
    let mut prog = vec![
        stmt(LD | W | ABS, DATA_ARCH),
        jump(JEQ, AUDIT_ARCH_X86_64, 1, 0),
        ret(true),
        stmt(LD | W | ABS, DATA_NR),
        // Numbers past the table are always traced (see Tracer's shown): strace shows them.
        jump(JGE, table_len(), 0, 1),
        ret(true),
    ];
    prog.extend(body);
    prog
}

/// A balanced tree of `A >= start` tests over segments `(start, code)` sorted by start, the
/// first starting at the smallest value A can have. Each segment's code ends in a return.
fn tree(segments: &[(u32, Vec<Insn>)]) -> Vec<Insn> {
    if let [(_, code)] = segments {
        return code.clone();
    }
    let mid = segments.len() / 2;
    let left = tree(&segments[..mid]);
    let right = tree(&segments[mid..]);
    let start = segments[mid].0;
    let mut out = Vec::with_capacity(left.len() + right.len() + 2);
    match u8::try_from(left.len()) {
        Ok(skip) => out.push(jump(JGE, start, skip, 0)),
        Err(_) => {
            // Too far for a conditional jump: `A >= start` falls into a JA over the left part.
            out.push(jump(JGE, start, 0, 1));
            out.push(stmt(JMP | JA, left.len() as u32));
        }
    }
    out.extend(left);
    out.extend(right);
    out
}

/// Runs of equal decisions over the numbers the table names, each as (first number, traced).
fn runs(set: &SyscallSet) -> Vec<(u32, bool)> {
    let mut runs: Vec<(u32, bool)> = Vec::new();
    for nr in 0..table_len() {
        let traced = set.contains(nr.into());
        if runs.last().is_none_or(|r| r.1 != traced) {
            runs.push((nr, traced));
        }
    }
    runs
}

/// The body as a tree over the ranges of equal decisions: about two instructions a range,
/// a logarithmic number of them run.
fn ranges_body(set: &SyscallSet) -> Vec<Insn> {
    let segments: Vec<(u32, Vec<Insn>)> = runs(set)
        .into_iter()
        .map(|(start, traced)| (start, vec![ret(traced)]))
        .collect();
    if segments.is_empty() {
        return vec![ret(false)];
    }
    tree(&segments)
}

/// The body as a bitmap: X = 1 << (nr % 32), A = nr / 32, then a tree over the words; a word
/// all traced or all allowed returns at once, a mixed one tests its bits with `JSET`.
fn bitmap_body(set: &SyscallSet) -> Vec<Insn> {
    let mut prog = vec![
        stmt(ALU | AND | K, 31),
        stmt(MISC | TAX, 0),
        stmt(LD | IMM, 1),
        stmt(ALU | LSH | X, 0),
        stmt(MISC | TAX, 0),
        stmt(LD | W | ABS, DATA_NR),
        stmt(ALU | RSH | K, 5),
    ];
    let len = table_len();
    let mut segments: Vec<(u32, Vec<Insn>)> = Vec::new();
    for word in 0..len.div_ceil(32) {
        let mut bits = 0u32;
        let mut count = 0;
        for bit in 0..32 {
            let nr = word * 32 + bit;
            if nr < len {
                count += 1;
                if set.contains(nr.into()) {
                    bits |= 1 << bit;
                }
            }
        }
        let code = match bits.count_ones() {
            0 => vec![ret(false)],
            n if n == count => vec![ret(true)],
            _ => vec![
                stmt(MISC | TXA, 0),
                jump(JSET, bits, 0, 1),
                ret(true),
                ret(false),
            ],
        };
        if segments.last().is_none_or(|s| s.1 != code) {
            segments.push((word, code));
        }
    }
    if segments.is_empty() {
        return vec![ret(false)];
    }
    prog.extend(tree(&segments));
    prog
}

/// Whether `pid` runs under a seccomp filter: the `Seccomp:` line of /proc/PID/status reads 2
/// (`SECCOMP_MODE_FILTER`, proc(5)).
pub fn is_filtered(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|s| {
        s.lines()
            .any(|l| l.strip_prefix("Seccomp:").is_some_and(|v| v.trim() == "2"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::parse_trace;

    /// Runs `prog` the way the kernel's classic-BPF checker and interpreter would, on a
    /// `seccomp_data` with `nr` and `arch`; panics on anything the kernel would reject.
    fn run(prog: &[Insn], nr: u32, arch: u32) -> u32 {
        assert!(
            !prog.is_empty() && prog.len() <= MAX_INSNS,
            "length {}",
            prog.len()
        );
        let (mut a, mut x, mut pc) = (0u32, 0u32, 0usize);
        loop {
            let i = prog[pc];
            pc += 1;
            let target = |off: u32| -> usize {
                let t = pc + off as usize;
                assert!(t < prog.len(), "jump past the end at {}", pc - 1);
                t
            };
            match i.code {
                c if c == LD | W | ABS => {
                    a = match i.k {
                        DATA_NR => nr,
                        DATA_ARCH => arch,
                        k => panic!("load of offset {k}"),
                    }
                }
                c if c == LD | IMM => a = i.k,
                c if c == ALU | AND | K => a &= i.k,
                c if c == ALU | RSH | K => a >>= i.k,
                c if c == ALU | LSH | X => a = a.checked_shl(x).expect("shift >= 32"),
                c if c == MISC | TAX => x = a,
                c if c == MISC | TXA => a = x,
                c if c == JMP | JA => pc = target(i.k),
                c if c & 0x07 == JMP => {
                    let taken = match c & 0xf0 {
                        JEQ => a == i.k,
                        JGE => a >= i.k,
                        JSET => a & i.k != 0,
                        op => panic!("jump op {op:#x}"),
                    };
                    pc = target(u32::from(if taken { i.jt } else { i.jf }));
                }
                c if c == RET | K => return i.k,
                c => panic!("instruction {c:#x}"),
            }
        }
    }

    /// Every number the table names, the ones around its end, x32 numbers and -1.
    fn numbers() -> Vec<u32> {
        let mut nrs: Vec<u32> = (0..table_len() + 40).collect();
        nrs.extend([0x4000_0000, 0x4000_0001, 0x4000_0200, 0x7fff_ffff, u32::MAX]);
        nrs
    }

    fn check(set: &SyscallSet, prog: &[Insn]) {
        for nr in numbers() {
            // Numbers past the table are always traced, as strace shows them.
            let want = if nr >= table_len() || set.contains(nr.into()) {
                RET_TRACE
            } else {
                RET_ALLOW
            };
            assert_eq!(run(prog, nr, AUDIT_ARCH_X86_64), want, "nr {nr}");
            // i386 (int 0x80) and any other arch: always stop, as without a filter.
            assert_eq!(run(prog, nr, 0x4000_0003), RET_TRACE, "i386 nr {nr}");
        }
    }

    fn check_all_forms(set: &SyscallSet) {
        check(set, &program(set).unwrap());
        check(set, &with_prologue(ranges_body(set)));
        check(set, &with_prologue(bitmap_body(set)));
    }

    #[test]
    fn agrees_with_the_set_for_named_sets() {
        for expr in [
            "openat",
            "none",
            "all",
            "!openat",
            "%file",
            "%process",
            "!%file",
            "%network,%signal",
            "read,write,execve,exit_group",
            "/^.*at$",
            "%pure",
            "!%memory",
        ] {
            check_all_forms(&parse_trace(expr).unwrap());
        }
    }

    /// Sets with many ranges: every other syscall, and pseudo-random ones (a fixed LCG).
    #[test]
    fn agrees_with_the_set_for_fragmented_sets() {
        let names: Vec<&str> = SYSCALLS.iter().flatten().map(|d| d.name).collect();
        let every_other: Vec<&str> = names.iter().copied().step_by(2).collect();
        check_all_forms(&parse_trace(&every_other.join(",")).unwrap());
        let mut seed = 12345u64;
        for _ in 0..20 {
            let picked: Vec<&str> = names
                .iter()
                .copied()
                .filter(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    seed >> 62 == 0
                })
                .collect();
            if !picked.is_empty() {
                check_all_forms(&parse_trace(&picked.join(",")).unwrap());
                check_all_forms(&parse_trace(&format!("!{}", picked.join(","))).unwrap());
            }
        }
    }

    /// The worst case for ranges (every other syscall) is still well within the limit, and the
    /// shorter form wins; a long left subtree goes through a JA.
    #[test]
    fn stays_short_and_uses_long_jumps() {
        let names: Vec<&str> = SYSCALLS.iter().flatten().map(|d| d.name).collect();
        let every_other: Vec<&str> = names.iter().copied().step_by(2).collect();
        let set = parse_trace(&every_other.join(",")).unwrap();
        let ranges = with_prologue(ranges_body(&set));
        let bitmap = with_prologue(bitmap_body(&set));
        assert!(ranges.len() > 255 && ranges.len() <= MAX_INSNS);
        assert!(ranges.iter().any(|i| i.code == JMP | JA));
        assert_eq!(program(&set).unwrap().len(), ranges.len().min(bitmap.len()));
        assert!(program(&set).unwrap().len() < 100);
        // One syscall: arch check, number check, and three tests.
        assert!(program(&parse_trace("openat").unwrap()).unwrap().len() <= 12);
    }

    #[test]
    fn long_jump_tree() {
        // 300 one-instruction segments: the root's left part needs a JA.
        let segments: Vec<(u32, Vec<Insn>)> =
            (0..300).map(|i| (i * 2, vec![ret(i % 3 == 0)])).collect();
        let mut prog = vec![stmt(LD | W | ABS, DATA_NR)];
        prog.extend(tree(&segments));
        for nr in 0..620 {
            let seg = (nr / 2).min(299);
            let want = if seg % 3 == 0 { RET_TRACE } else { RET_ALLOW };
            assert_eq!(run(&prog, nr, AUDIT_ARCH_X86_64), want, "nr {nr}");
        }
    }
}
