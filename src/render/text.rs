//! strace's text: each event as the lines strace writes for it.
//!
//! A syscall line is written in two halves, the call and its input arguments at entry, the
//! rest at exit (crate::output keeps the open line and cuts it with `<unfinished ...>` when
//! another process prints in between). With `-e status=` the entry half is drawn aside and
//! held until the tracer says whether the outcome is shown.

use super::{End, Exit, Origin, Render};
use crate::color::Kind;
use crate::decode::{self, Call, Ctx, PidNote};
use crate::mem::TraceeMemory;
use crate::output::{Head, Output, Outputs};
use crate::pidmap::PidMap;
use crate::stamp;
use crate::table::SigName;
use crate::text::Text;
use std::io::Write;

pub struct TextRender {
    outs: Outputs,
    /// `-e status=` filters outcomes: entry halves wait, drawn aside, for the outcome.
    holding: bool,
    /// Where held entry halves are drawn.
    aside: Output,
    /// The held entry half of each process's syscall in progress.
    held: PidMap<Vec<u8>>,
}

impl TextRender {
    pub fn new(outs: Outputs, holding: bool) -> Self {
        let aside = Output::new(Box::new(std::io::sink()), None, false, outs.format());
        TextRender {
            outs,
            holding,
            aside,
            held: PidMap::default(),
        }
    }

    fn head(&self, at: Origin) -> Head {
        Head {
            prefix: self.outs.prefix(at.nprocs),
            comm: at.comm,
            nr: at.nr,
            ip: at.ip,
        }
    }

    /// Starts the line that ends `call`: its held entry half first with `-e status=`, then
    /// either the open line goes on or a `<... NAME resumed>` line starts.
    fn continue_call(&mut self, at: Origin, call: &Call) -> &mut Output {
        let head = self.head(at);
        let out = self.outs.for_pid(at.pid);
        if self.holding {
            out.start_line(at.pid, head);
            if let Some(held) = self.held.get(&at.pid) {
                out.bytes(held);
            }
            out.set_open(Some(at.pid));
        }
        if !out.is_open(at.pid) {
            out.start_line(at.pid, head);
            out.bytes(b"<... ");
            write_name(out, call);
            out.bytes(b" resumed>");
        }
        out
    }
}

impl Render for TextRender {
    fn entry(&mut self, at: Origin, call: &mut Call, ctx: &mut Ctx<'_, TraceeMemory>) {
        let head = self.head(at);
        let target = if self.holding {
            self.aside.clear();
            &mut self.aside
        } else {
            let out = self.outs.for_pid(at.pid);
            out.start_line(at.pid, head);
            out
        };
        target.paint(Kind::Syscall);
        write_name(target, call);
        target.punct(b"(");
        let mut text = Text::new(target);
        decode::entry(&mut text, ctx, call);
        text.end_entry();
        if self.holding {
            let held = self.held.entry(at.pid).or_default();
            held.clear();
            held.extend_from_slice(self.aside.buf());
        } else {
            target.set_open(Some(at.pid));
        }
    }

    fn exit(&mut self, at: Origin, call: &Call, exit: Exit, ctx: &mut Ctx<'_, TraceeMemory>) {
        let out = self.continue_call(at, call);
        decode::exit(&mut Text::new(out), ctx, call, exit.outcome);
        let note: &[u8] = match (exit.marks.poked, exit.marks.injected) {
            (true, true) => b"(INJECTED: args, retval)",
            (true, false) => b"(INJECTED: args)",
            (false, true) => b"(INJECTED)",
            (false, false) => b"",
        };
        if !note.is_empty() {
            ret_next(out);
            out.bytes(note);
        }
        if exit.marks.delayed {
            ret_next(out);
            out.bytes(b"(DELAYED)");
        }
        if let Some((precision, spent)) = exit.spent {
            if out.colored() {
                spent_colored(out, spent, precision);
            } else {
                stamp::write_duration(out.buf(), spent, precision);
            }
        }
        // strace 7's `tprint_sysret_end` and `tprint_newline`.
        out.paint(Kind::Reset);
        out.paint(Kind::Reset);
        out.end_line();
        out.set_open(None);
        if let Some(t) = exit.dump {
            super::dump::dump(out, ctx.mem, at.pid, t);
        }
    }

    fn discard(&mut self, _pid: i32) {}

    fn unfinished(&mut self, at: Origin, call: Option<&Call>) {
        let Some(call) = call else {
            return;
        };
        let out = self.continue_call(at, call);
        // Arguments left for the exit will never be printed: strace marks the cut there.
        if call.has_exit_args() {
            out.bytes(b" <unfinished ...>");
        }
        out.paint(Kind::Punct);
        out.bytes(b")");
        out.paint(Kind::Reset);
        out.align_return();
        out.paint(Kind::RetVal);
        out.bytes(b"?");
        out.paint(Kind::Reset);
        out.paint(Kind::Reset);
        out.end_line();
        out.set_open(None);
    }

    fn gone(&mut self, at: Origin, end: End) {
        // A process that is gone has no instruction pointer: `[????????????????]`.
        let head = Head {
            ip: at.ip.map(|_| None),
            ..self.head(at)
        };
        let out = self.outs.for_pid(at.pid);
        out.start_line(at.pid, head);
        let _ = match end {
            End::Exited(code) => write!(out.buf(), "+++ exited with {code} +++"),
            End::Killed { sig, core } => {
                let core_note = if core { " (core dumped)" } else { "" };
                write!(
                    out.buf(),
                    "+++ killed by {}{core_note} +++",
                    SigName(sig.into())
                )
            }
        };
        out.paint(Kind::Reset);
        out.end_line();
    }

    fn signal(&mut self, at: Origin, sig: i32, siginfo: Option<&[u8; 128]>, si_pid: PidNote) {
        let head = self.head(at);
        let out = self.outs.for_pid(at.pid);
        out.start_line(at.pid, head);
        let _ = write!(out.buf(), "--- {} ", SigName(sig.into()));
        match siginfo {
            Some(raw) => decode::siginfo(&mut Text::new(out), raw, si_pid),
            None => {
                out.punct(b"{");
                out.punct(b"}");
            }
        }
        out.bytes(b" ---");
        out.paint(Kind::Reset);
        out.end_line();
    }

    fn stopped(&mut self, at: Origin, sig: i32) {
        let head = self.head(at);
        let out = self.outs.for_pid(at.pid);
        out.start_line(at.pid, head);
        let _ = write!(out.buf(), "--- stopped by {} ---", SigName(sig.into()));
        out.paint(Kind::Reset);
        out.end_line();
    }

    fn attached(&mut self, pid: i32, threads: usize, _ppid: i32) {
        match threads {
            1 => self.outs.message(format_args!("Process {pid} attached")),
            n => self
                .outs
                .message(format_args!("Process {pid} attached with {n} threads")),
        }
    }

    /// Only a line still open gets `<detached ...>`; one another process cut already says
    /// `<unfinished ...>`, and strace resumes nothing after a detach. On stderr the message
    /// comes before the line's end, where strace's flush puts it.
    fn detached(&mut self, at: Origin, call: Option<&Call>, announce: bool) {
        let on_stderr = self.outs.is_stderr();
        let open = match call {
            Some(call) if self.holding => {
                self.continue_call(at, call);
                true
            }
            _ => self.outs.for_pid(at.pid).is_open(at.pid),
        };
        let out = self.outs.for_pid(at.pid);
        if announce && on_stderr {
            let text = format!("{}: Process {} detached\n", crate::msg::program(), at.pid);
            out.interject(text.as_bytes());
        } else if announce {
            out.flush();
            crate::msg::error(format_args!("Process {} detached", at.pid));
        }
        if open {
            out.bytes(b" <detached ...>");
            out.end_line();
            out.set_open(None);
        }
    }

    fn superseded(&mut self, at: Origin, former: i32, shown: bool) {
        // The execve in progress is the former thread's, and ends under this pid.
        if let Some(held) = self.held.remove(&former) {
            self.held.insert(at.pid, held);
        }
        // The execve line of the thread, still open, ends where strace ends it.
        let out = self.outs.for_pid(former);
        out.end_open_with(former, format_args!(" <pid changed to {} ...>", at.pid));
        if !shown {
            return;
        }
        let head = self.head(at);
        let out = self.outs.for_pid(at.pid);
        out.start_line(at.pid, head);
        let _ = write!(out.buf(), "+++ superseded by execve in pid {former} +++");
        out.paint(Kind::Reset);
        out.end_line();
    }

    fn open_for(&mut self, pid: i32) -> Result<(), String> {
        self.outs.open_for(pid)
    }

    fn summary(&mut self, total: &str, per_process: &[(i32, String)]) {
        self.outs.summary(total);
        // Each process's trace is in its file before its table is appended.
        self.outs.finish();
        for (pid, table) in per_process {
            if let Err(text) = self.outs.append_to_process_file(*pid, table) {
                crate::msg::error(format_args!("{text}"));
            }
        }
    }

    fn flush(&mut self) {
        self.outs.flush();
    }

    fn buffered(&self) -> bool {
        self.outs.buffered()
    }

    fn close(&mut self, pid: i32) {
        self.held.remove(&pid);
        self.outs.close(pid);
    }

    fn finish(&mut self) {
        self.outs.finish();
    }
}

/// A syscall's name, or `syscall_0x1c3` for a number the table does not know.
fn write_name(out: &mut Output, call: &Call) {
    match call.desc {
        Some(desc) => out.bytes(desc.name.as_bytes()),
        None => {
            let _ = write!(out.buf(), "syscall_{:#x}", call.nr);
        }
    }
}

/// What strace 7 writes before each part after a return value (`tprints_sysret_next`): a
/// reset, the space, the return value's colour.
fn ret_next(out: &mut Output) {
    out.paint(Kind::Reset);
    out.bytes(b" ");
    out.paint(Kind::RetVal);
}

/// `-T`'s ` <0.000012>` as strace 7 colours it: after the return value's colour, the angle
/// brackets as punctuation around the time.
fn spent_colored(out: &mut Output, spent: std::time::Duration, precision: stamp::Precision) {
    ret_next(out);
    out.punct(b"<");
    stamp::write_seconds(out.buf(), spent, precision);
    out.punct(b">");
}
