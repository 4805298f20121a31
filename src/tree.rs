//! `--tree` (beyond strace): the processes a trace saw, as a tree printed at its end. Each
//! process (a thread group: its threads count into it) with its parent, the commands it ran,
//! how it ended, and its traced syscalls with the wall-clock time spent in them.
//!
//! The tracer records into a [`Tree`] only when `--tree` is given; what it records per
//! syscall is counted in the tracee's own state and added here once per thread, when the
//! thread is let go (crate::tracer), so the hot path costs a clock read and two additions.

use crate::escape::{HexStrings, escape_with};
use crate::table::SigName;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Duration;

/// How much of a command line is kept (`/proc/PID/cmdline`); longer ones are cut there, the
/// last argument marked as cut.
pub const CMDLINE_MAX: usize = 64 * 1024;

/// How a process left the trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Exited(i32),
    Killed {
        sig: i32,
        core: bool,
    },
    /// The tracer let it go (Ctrl-C, `-b execve`, `--syscall-limit`).
    Detached,
}

/// A command line as `/proc/PID/cmdline` gives it: the arguments, each ended by a NUL, and
/// whether it was cut at [`CMDLINE_MAX`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cmdline {
    pub bytes: Vec<u8>,
    pub cut: bool,
}

impl Cmdline {
    /// The arguments (a trailing NUL ends the last one; a process may have rewritten its
    /// arguments without one).
    pub fn args(&self) -> impl Iterator<Item = &[u8]> {
        let body = self.bytes.strip_suffix(&[0]).unwrap_or(&self.bytes);
        body.split(|&b| b == 0)
            .filter(move |_| !self.bytes.is_empty())
    }
}

/// One process.
#[derive(Debug, Clone)]
pub struct Node {
    pub pid: i32,
    /// The node of its parent (the tracee whose fork, vfork or clone made it), when the
    /// parent is in the tree: the command and `-p` processes are roots.
    parent: Option<usize>,
    /// The command line it had when attached (`-p`), then each successful execve's.
    pub commands: Vec<Cmdline>,
    /// `None`: still running when the trace ended.
    pub end: Option<Ending>,
    /// Its traced syscalls that returned, and the wall-clock time in them.
    pub calls: u64,
    pub time: Duration,
}

/// The processes of a trace, in the order they appeared.
#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<Node>,
    /// The node of each process still running (a pid can be reused once it ended).
    live: HashMap<i32, usize>,
}

impl Tree {
    /// Process `pid`, child of `ppid`, appears (again: a second call changes nothing).
    pub fn add(&mut self, pid: i32, ppid: i32) {
        if self.live.contains_key(&pid) {
            return;
        }
        let parent = self.live.get(&ppid).copied();
        self.live.insert(pid, self.nodes.len());
        self.nodes.push(Node {
            pid,
            parent,
            commands: Vec::new(),
            end: None,
            calls: 0,
            time: Duration::ZERO,
        });
    }

    /// Process `pid` runs `command` now (an execve, or what it ran when attached).
    pub fn command(&mut self, pid: i32, command: Cmdline) {
        if let Some(&i) = self.live.get(&pid) {
            self.nodes[i].commands.push(command);
        }
    }

    /// Adds a thread's syscalls to its process `pid`.
    pub fn count(&mut self, pid: i32, calls: u64, time: Duration) {
        if let Some(&i) = self.live.get(&pid) {
            self.nodes[i].calls += calls;
            self.nodes[i].time += time;
        }
    }

    /// Process `pid` ended or was let go.
    pub fn end(&mut self, pid: i32, end: Ending) {
        if let Some(i) = self.live.remove(&pid) {
            self.nodes[i].end = Some(end);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The tree as text: a process per line, its children below it in the order they
    /// appeared, drawn with box-drawing characters. Arguments longer than `max_strlen` are
    /// cut as the trace cuts strings.
    pub fn render(&self, max_strlen: usize) -> String {
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut roots = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            match node.parent {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        let mut out = Vec::new();
        // Depth first without recursion (a chain of processes can be as deep as it likes):
        // each entry is a node, the lead of its line and the lead of its children's lines.
        let mut stack: Vec<(usize, String, String)> = roots
            .iter()
            .rev()
            .map(|&r| (r, String::new(), String::new()))
            .collect();
        while let Some((i, lead, below)) = stack.pop() {
            out.extend_from_slice(lead.as_bytes());
            write_node(&mut out, &self.nodes[i], max_strlen);
            out.push(b'\n');
            let kids = &children[i];
            for (k, &c) in kids.iter().enumerate().rev() {
                let last = k + 1 == kids.len();
                let (branch, through) = if last {
                    ("└─ ", "   ")
                } else {
                    ("├─ ", "│  ")
                };
                stack.push((c, format!("{below}{branch}"), format!("{below}{through}")));
            }
        }
        // Every byte of a tracee's was escaped: the rest is ours and UTF-8.
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// `PID COMMANDS  END  N syscalls T s`.
fn write_node(out: &mut Vec<u8>, node: &Node, max_strlen: usize) {
    let _ = write!(Utf8(out), "{} ", node.pid);
    if node.commands.is_empty() {
        out.extend_from_slice(b"(no execve)");
    }
    for (k, command) in node.commands.iter().enumerate() {
        if k > 0 {
            out.extend_from_slice(" → ".as_bytes());
        }
        write_command(out, command, max_strlen);
    }
    out.extend_from_slice(b"  ");
    let _ = match node.end {
        Some(Ending::Exited(code)) => write!(Utf8(out), "exited {code}"),
        Some(Ending::Killed { sig, core }) => {
            let core = if core { " (core dumped)" } else { "" };
            write!(Utf8(out), "killed by {}{core}", SigName(sig.into()))
        }
        Some(Ending::Detached) => write!(Utf8(out), "detached"),
        None => write!(Utf8(out), "still running"),
    };
    let plural = if node.calls == 1 { "" } else { "s" };
    let _ = write!(
        Utf8(out),
        "  {} syscall{plural} {}.{:06}s",
        node.calls,
        node.time.as_secs(),
        node.time.subsec_micros()
    );
}

/// A command's arguments, separated by spaces: one of plain characters as it is, any other
/// quoted and escaped as the trace writes strings (`"ls / | wc -l"`, `"\33[1m"`), one longer
/// than `max_strlen` cut with `...` after its quote.
fn write_command(out: &mut Vec<u8>, command: &Cmdline, max_strlen: usize) {
    let count = command.args().count();
    if count == 0 {
        out.extend_from_slice(b"(no arguments)");
    }
    for (k, arg) in command.args().enumerate() {
        if k > 0 {
            out.push(b' ');
        }
        let cut = arg.len() > max_strlen || (command.cut && k + 1 == count);
        let plain = |c: &u8| c.is_ascii_alphanumeric() || b"_-+=.,:/@%^".contains(c);
        if !cut && !arg.is_empty() && arg.iter().all(plain) {
            out.extend_from_slice(arg);
            continue;
        }
        out.push(b'"');
        escape_with(
            out,
            &arg[..arg.len().min(max_strlen)],
            HexStrings::Never,
            b"",
        );
        out.push(b'"');
        if cut {
            out.extend_from_slice(b"...");
        }
    }
}

/// `write!` into a byte buffer.
struct Utf8<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Utf8<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// The command line of process `pid` (as `/proc` knows it), up to [`CMDLINE_MAX`] bytes;
/// empty if it cannot be read.
pub fn cmdline(proc_pid: i32) -> Cmdline {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = std::fs::File::open(format!("/proc/{proc_pid}/cmdline"))
        .and_then(|f| f.take(CMDLINE_MAX as u64 + 1).read_to_end(&mut bytes));
    if read.is_err() {
        bytes.clear();
    }
    let cut = bytes.len() > CMDLINE_MAX;
    bytes.truncate(CMDLINE_MAX);
    Cmdline { bytes, cut }
}

/// The file process `pid` runs (`/proc/PID/exe`), if it can be read.
pub fn exe(proc_pid: i32) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    std::fs::read_link(format!("/proc/{proc_pid}/exe"))
        .ok()
        .map(|p| p.into_os_string().into_vec())
}

/// The thread group and parent of `pid` (`Tgid:` and `PPid:` of `/proc/PID/status`).
pub fn ids(proc_pid: i32) -> Option<(i32, i32)> {
    let status = std::fs::read_to_string(format!("/proc/{proc_pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
    };
    Some((field("Tgid:")?, field("PPid:")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(args: &[&[u8]]) -> Cmdline {
        let mut bytes = Vec::new();
        for a in args {
            bytes.extend_from_slice(a);
            bytes.push(0);
        }
        Cmdline { bytes, cut: false }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nesting_order_and_ends() {
        let mut t = Tree::default();
        t.add(100, 1);
        t.command(100, cmd(&[b"sh", b"-c", b"ls / | wc -l"]));
        t.add(101, 100);
        t.command(101, cmd(&[b"ls", b"/"]));
        t.add(102, 100);
        t.command(102, cmd(&[b"wc", b"-l"]));
        t.add(103, 101);
        t.count(100, 4, ms(1));
        t.count(100, 1, ms(2));
        t.count(101, 1, Duration::from_micros(7));
        t.end(
            103,
            Ending::Killed {
                sig: 11,
                core: true,
            },
        );
        t.end(
            101,
            Ending::Killed {
                sig: 9,
                core: false,
            },
        );
        t.end(102, Ending::Detached);
        t.end(100, Ending::Exited(3));
        t.add(200, 7);
        assert_eq!(
            t.render(32),
            "100 sh -c \"ls / | wc -l\"  exited 3  5 syscalls 0.003000s\n\
             ├─ 101 ls /  killed by SIGKILL  1 syscall 0.000007s\n\
             │  └─ 103 (no execve)  killed by SIGSEGV (core dumped)  0 syscalls 0.000000s\n\
             └─ 102 wc -l  detached  0 syscalls 0.000000s\n\
             200 (no execve)  still running  0 syscalls 0.000000s\n"
        );
    }

    #[test]
    fn deep_children_keep_their_bars() {
        let mut t = Tree::default();
        t.add(1, 0);
        t.add(2, 1);
        t.add(3, 2);
        t.add(4, 1);
        t.add(5, 3);
        assert_eq!(
            t.render(32),
            "1 (no execve)  still running  0 syscalls 0.000000s\n\
             ├─ 2 (no execve)  still running  0 syscalls 0.000000s\n\
             │  └─ 3 (no execve)  still running  0 syscalls 0.000000s\n\
             │     └─ 5 (no execve)  still running  0 syscalls 0.000000s\n\
             └─ 4 (no execve)  still running  0 syscalls 0.000000s\n"
        );
    }

    #[test]
    fn commands_are_escaped_cut_and_chained() {
        let mut t = Tree::default();
        t.add(1, 0);
        t.command(1, cmd(&[b"sh", b"", b"a\x1b[1mb\n", b"\xff\"q\\"]));
        t.command(1, cmd(&[b"/usr/bin/ls", b"-la", b"0123456789abcdef"]));
        t.command(1, cmd(&[]));
        t.command(
            1,
            Cmdline {
                bytes: b"x\0long-arg".to_vec(),
                cut: true,
            },
        );
        let line = t.render(12);
        assert_eq!(
            line,
            "1 sh \"\" \"a\\33[1mb\\n\" \"\\377\\\"q\\\\\" → /usr/bin/ls -la \"0123456789ab\"... \
             → (no arguments) → x \"long-arg\"...  still running  0 syscalls 0.000000s\n"
        );
    }

    #[test]
    fn a_reused_pid_is_a_new_process() {
        let mut t = Tree::default();
        t.add(10, 1);
        t.add(10, 1);
        t.end(10, Ending::Exited(0));
        t.add(10, 1);
        t.count(10, 2, ms(0));
        let text = t.render(32);
        assert_eq!(
            text,
            "10 (no execve)  exited 0  0 syscalls 0.000000s\n\
             10 (no execve)  still running  2 syscalls 0.000000s\n"
        );
    }

    #[test]
    fn proc_files_of_this_process() {
        let me = std::process::id() as i32;
        let (tgid, ppid) = ids(me).unwrap();
        assert_eq!(tgid, me);
        assert_eq!(ppid, std::os::unix::process::parent_id() as i32);
        assert!(cmdline(me).args().next().is_some());
        assert!(exe(me).is_some());
        assert_eq!(cmdline(-5), Cmdline::default());
        assert_eq!(ids(-5), None);
    }
}
