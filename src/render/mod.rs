//! The one seam between the tracer and what the trace is written as: every event the tracer
//! produces goes through [`Render`], which the text renderer (strace's format) and the JSON
//! renderer implement; `--json-and-text` is a [`Tee`] of the two.
//!
//! The tracer decides what happened and what is shown (filters, `-e status=`, quiet sets);
//! a renderer decides only how it looks, and keeps whatever state that needs (the open line,
//! held entry halves, the JSON of a syscall's entry waiting for its exit).

#[cfg(test)]
mod color_tests;
pub mod dump;
pub mod json;
pub mod text;

use crate::comm::Comm;
use crate::decode::{Call, Ctx, Outcome, PidNote, Transfer};
pub use crate::inject::Marks;
use crate::mem::TraceeMemory;
use crate::stamp::Precision;
use std::time::Duration;

/// Who an event is about, and what a text line starts with besides the pid (`-n`, `-i`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub pid: i32,
    /// How many processes are traced now (strace prefixes lines with the pid from two on).
    pub nprocs: usize,
    /// `-n`: the number of the process's last syscall.
    pub nr: Option<u64>,
    /// `-i`: the instruction pointer (`Some(None)`: not known, `[????????????????]`).
    pub ip: Option<Option<u64>>,
    /// `-Y`: the process's name, shown after its pid in the prefix.
    pub comm: Option<Comm>,
}

/// How a syscall ended, for [`Render::exit`].
#[derive(Debug, Clone, Copy)]
pub struct Exit {
    pub outcome: Outcome,
    /// `-T`: the time spent in it, and with which precision to show it.
    pub spent: Option<(Precision, Duration)>,
    /// `-e read=` / `-e write=`: the data it moved, to dump in hex.
    pub dump: Option<Transfer>,
    /// `-e inject=`: what was done to it (` (INJECTED)`, ` (DELAYED)`).
    pub marks: Marks,
}

/// How a process ended, for [`Render::gone`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Exited(i32),
    Killed { sig: i32, core: bool },
}

/// Every event of a trace. Methods that show a syscall decode it themselves through `ctx`,
/// with the value sink of their format.
pub trait Render {
    /// A syscall was entered: its name and the arguments known at entry.
    fn entry(&mut self, at: Origin, call: &mut Call, ctx: &mut Ctx<'_, TraceeMemory>);
    /// The syscall entered last returned.
    fn exit(&mut self, at: Origin, call: &Call, exit: Exit, ctx: &mut Ctx<'_, TraceeMemory>);
    /// The syscall entered last is not shown after all (`-e status=` left out its outcome).
    fn discard(&mut self, pid: i32);
    /// The syscall `call` will never return: the process ended or another thread's execve
    /// replaced it (`) = ?`). `None`: no line of it is shown.
    fn unfinished(&mut self, at: Origin, call: Option<&Call>);
    /// The process ended (`+++ exited with 0 +++`).
    fn gone(&mut self, at: Origin, end: End);
    /// A signal is delivered (`--- SIGCHLD {...} ---`); `siginfo` as the kernel gave it.
    fn signal(&mut self, at: Origin, sig: i32, siginfo: Option<&[u8; 128]>, si_pid: PidNote);
    /// A group stop (`--- stopped by SIGSTOP ---`).
    fn stopped(&mut self, at: Origin, sig: i32);
    /// Process `pid` was attached with `threads` threads, by `-p` or followed
    /// (`Process N attached`); `ppid`: its parent (a thread's: its process's), 0 when not
    /// known (known whenever JSON is written).
    fn attached(&mut self, pid: i32, threads: usize, ppid: i32);
    /// Process `pid` entered the trace (the command, a `-p` process, or a new process of a
    /// tracee's under `-f`); `ppid` its parent. No text line: JSON's `process` event.
    fn process(&mut self, _pid: i32, _ppid: i32) {}
    /// Process `pid` runs a new program: `argv` as `/proc/PID/cmdline` gives it (cut: its end
    /// is missing), `exe` the file. No text line: JSON's `exec` event.
    fn exec(&mut self, _pid: i32, _argv: &crate::tree::Cmdline, _exe: Option<&[u8]>) {}
    /// The tracer let go of the process: `call`, its syscall in progress if shown
    /// (`<detached ...>`), and `announce`: `Process N detached`.
    fn detached(&mut self, at: Origin, call: Option<&Call>, announce: bool);
    /// The thread `former` called execve and took over `at.pid`: what was kept for `former`
    /// is `at.pid`'s now; `shown`: `+++ superseded by execve in pid FORMER +++`.
    fn superseded(&mut self, at: Origin, former: i32, shown: bool);
    /// With `-ff -o NAME`, creates the output of `pid` now (strace refuses to run a command
    /// whose first file cannot be created).
    fn open_for(&mut self, pid: i32) -> Result<(), String>;
    /// The `-c`/`-C` summary: the table of all processes, and per process (`-ff -o NAME`) the
    /// tables to append to their files.
    fn summary(&mut self, total: &str, per_process: &[(i32, String)]);
    /// Writes out what is buffered: the tracer is about to wait.
    fn flush(&mut self);
    /// Whether lines wait in a buffer for the next flush.
    fn buffered(&self) -> bool;
    /// The process's output (`-ff`) is complete.
    fn close(&mut self, pid: i32);
    /// The trace is over: writes out everything.
    fn finish(&mut self);
}

/// `--json-and-text` (a developer option): the same events rendered twice, so that the
/// round-trip test can compare the two.
pub struct Tee<A: Render, B: Render> {
    pub first: A,
    pub second: B,
}

impl<A: Render, B: Render> Render for Tee<A, B> {
    fn entry(&mut self, at: Origin, call: &mut Call, ctx: &mut Ctx<'_, TraceeMemory>) {
        self.first.entry(at, call, ctx);
        self.second.entry(at, call, ctx);
    }
    fn exit(&mut self, at: Origin, call: &Call, exit: Exit, ctx: &mut Ctx<'_, TraceeMemory>) {
        self.first.exit(at, call, exit, ctx);
        self.second.exit(at, call, exit, ctx);
    }
    fn discard(&mut self, pid: i32) {
        self.first.discard(pid);
        self.second.discard(pid);
    }
    fn unfinished(&mut self, at: Origin, call: Option<&Call>) {
        self.first.unfinished(at, call);
        self.second.unfinished(at, call);
    }
    fn gone(&mut self, at: Origin, end: End) {
        self.first.gone(at, end);
        self.second.gone(at, end);
    }
    fn signal(&mut self, at: Origin, sig: i32, siginfo: Option<&[u8; 128]>, si_pid: PidNote) {
        self.first.signal(at, sig, siginfo, si_pid);
        self.second.signal(at, sig, siginfo, si_pid);
    }
    fn stopped(&mut self, at: Origin, sig: i32) {
        self.first.stopped(at, sig);
        self.second.stopped(at, sig);
    }
    fn attached(&mut self, pid: i32, threads: usize, ppid: i32) {
        self.first.attached(pid, threads, ppid);
        self.second.attached(pid, threads, ppid);
    }
    fn process(&mut self, pid: i32, ppid: i32) {
        self.first.process(pid, ppid);
        self.second.process(pid, ppid);
    }
    fn exec(&mut self, pid: i32, argv: &crate::tree::Cmdline, exe: Option<&[u8]>) {
        self.first.exec(pid, argv, exe);
        self.second.exec(pid, argv, exe);
    }
    fn detached(&mut self, at: Origin, call: Option<&Call>, announce: bool) {
        self.first.detached(at, call, announce);
        self.second.detached(at, call, announce);
    }
    fn superseded(&mut self, at: Origin, former: i32, shown: bool) {
        self.first.superseded(at, former, shown);
        self.second.superseded(at, former, shown);
    }
    fn open_for(&mut self, pid: i32) -> Result<(), String> {
        self.first.open_for(pid)?;
        self.second.open_for(pid)
    }
    /// The table goes with the text only: the copy is for comparing events.
    fn summary(&mut self, total: &str, per_process: &[(i32, String)]) {
        self.first.summary(total, per_process);
    }
    fn flush(&mut self) {
        self.first.flush();
        self.second.flush();
    }
    fn buffered(&self) -> bool {
        self.first.buffered() || self.second.buffered()
    }
    fn close(&mut self, pid: i32) {
        self.first.close(pid);
        self.second.close(pid);
    }
    fn finish(&mut self) {
        self.first.finish();
        self.second.finish();
    }
}
