//! JSON Lines (docs/json.md): one object per event, a syscall as one event written at its
//! exit, whose entry arguments were rendered at entry and wait here meanwhile.

use super::{End, Exit, Origin, Render};
use crate::decode::{self, Call, Ctx, PidNote};
use crate::json::{self, Json, Stamp};
use crate::mem::TraceeMemory;
use crate::output::Outputs;
use crate::pidmap::PidMap;
use std::io::Write;

/// A syscall's entry half, rendered, waiting for its exit.
#[derive(Default)]
struct Pending {
    /// The entry arguments (a reused buffer).
    args: Vec<u8>,
    /// When the syscall was entered.
    stamp: Stamp,
    /// Where the last of `args` starts (`Json::continuing`).
    last: usize,
}

pub struct JsonRender {
    outs: Outputs,
    pending: PidMap<Pending>,
}

impl JsonRender {
    pub fn new(outs: Outputs) -> Self {
        JsonRender {
            outs,
            pending: PidMap::default(),
        }
    }

    /// Writes one event for `pid`: `write` gets the buffer and the event's stamp.
    fn event(&mut self, pid: i32, write: impl FnOnce(&mut Vec<u8>, Stamp)) {
        let out = self.outs.for_pid(pid);
        let stamp = out.json_stamp();
        write(out.buf(), stamp);
        out.end_line();
    }

    /// The `unfinished` event of `call`, if it is shown.
    fn unfinished_event(&mut self, pid: i32, call: Option<&Call>, detached: bool) {
        let Some(call) = call else {
            return;
        };
        let pending = self.pending.remove(&pid).unwrap_or_default();
        self.event(pid, |buf, _| {
            json::unfinished(buf, pid, pending.stamp, call, &pending.args, detached)
        });
    }
}

impl Render for JsonRender {
    fn entry(&mut self, at: Origin, call: &mut Call, ctx: &mut Ctx<'_, TraceeMemory>) {
        let stamp = self.outs.for_pid(at.pid).json_stamp();
        let pending = self.pending.entry(at.pid).or_default();
        pending.stamp = stamp;
        pending.args.clear();
        let mut json = Json::new(&mut pending.args);
        decode::entry(&mut json, ctx, call);
        pending.last = json.last_start();
    }

    fn exit(&mut self, at: Origin, call: &Call, exit: Exit, ctx: &mut Ctx<'_, TraceeMemory>) {
        let pending = self.pending.entry(at.pid).or_default();
        let out = self.outs.for_pid(at.pid);
        let buf = out.buf();
        json::begin_syscall(buf, at.pid, pending.stamp, call);
        let last = buf.len() + pending.last;
        json::append_entry_args(buf, &pending.args, false);
        decode::exit(&mut Json::continuing(buf, last), ctx, call, exit.outcome);
        if exit.marks.injected {
            buf.extend_from_slice(b",\"injected\":true");
        }
        if exit.marks.poked {
            buf.extend_from_slice(b",\"injected_args\":true");
        }
        if exit.marks.delayed {
            buf.extend_from_slice(b",\"delayed\":true");
        }
        if let Some((_, spent)) = exit.spent {
            let _ = write!(buf, ",\"duration\":{}", spent.as_nanos());
        }
        buf.push(b'}');
        out.end_line();
    }

    fn discard(&mut self, _pid: i32) {}

    fn unfinished(&mut self, at: Origin, call: Option<&Call>) {
        self.unfinished_event(at.pid, call, false);
    }

    fn gone(&mut self, at: Origin, end: End) {
        let pid = at.pid;
        self.event(pid, |buf, stamp| match end {
            End::Exited(code) => json::exited(buf, pid, stamp, code),
            End::Killed { sig, core } => json::killed(buf, pid, stamp, sig, core),
        });
    }

    fn signal(&mut self, at: Origin, sig: i32, siginfo: Option<&[u8; 128]>, si_pid: PidNote) {
        let pid = at.pid;
        self.event(pid, |buf, stamp| {
            json::signal(buf, pid, stamp, sig, siginfo.map(|r| &r[..]), si_pid)
        });
    }

    fn stopped(&mut self, at: Origin, sig: i32) {
        let pid = at.pid;
        self.event(pid, |buf, stamp| json::stopped(buf, pid, stamp, sig));
    }

    fn attached(&mut self, pid: i32, _threads: usize, ppid: i32) {
        self.event(pid, |buf, stamp| json::attached(buf, pid, stamp, ppid));
    }

    fn process(&mut self, pid: i32, ppid: i32) {
        self.event(pid, |buf, stamp| json::process(buf, pid, stamp, ppid));
    }

    fn exec(&mut self, pid: i32, argv: &crate::tree::Cmdline, exe: Option<&[u8]>) {
        self.event(pid, |buf, stamp| json::exec(buf, pid, stamp, argv, exe));
    }

    fn detached(&mut self, at: Origin, call: Option<&Call>, announce: bool) {
        let pid = at.pid;
        self.unfinished_event(pid, call, true);
        if announce {
            self.event(pid, |buf, stamp| json::plain(buf, "detached", pid, stamp));
        }
    }

    fn superseded(&mut self, at: Origin, former: i32, shown: bool) {
        let pid = at.pid;
        if shown {
            self.event(pid, |buf, stamp| json::superseded(buf, pid, former, stamp));
        }
        // The execve in progress is the former thread's, and ends under this pid.
        if let Some(pending) = self.pending.remove(&former) {
            self.pending.insert(pid, pending);
        }
    }

    fn open_for(&mut self, pid: i32) -> Result<(), String> {
        self.outs.open_for(pid)
    }

    /// The JSON stream stays JSON Lines: the table goes to stderr (docs/json.md), and no
    /// per-process table goes into the per-process JSON files.
    fn summary(&mut self, total: &str, _per_process: &[(i32, String)]) {
        crate::msg::raw(format_args!("{total}"));
    }

    fn flush(&mut self) {
        self.outs.flush();
    }

    fn buffered(&self) -> bool {
        self.outs.buffered()
    }

    fn close(&mut self, pid: i32) {
        self.pending.remove(&pid);
        self.outs.close(pid);
    }

    fn finish(&mut self) {
        self.outs.finish();
    }
}
