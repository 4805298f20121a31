//! Line assembly and the one buffered writer all trace output goes through.
//!
//! Like strace, a syscall line is written in two halves: the call and its input arguments at
//! entry, the output arguments and return value at exit. When another process prints between
//! the halves, the open line is closed with ` <unfinished ...>` and its exit later starts a new
//! line with `<... NAME resumed>`.

use std::io::{self, Write};

/// Flush once this much output is buffered (when not line-buffered).
const FLUSH_AT: usize = 64 * 1024;

/// How the pid prefix of a line looks, as strace writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PidPrefix {
    /// No prefix: a single process is traced.
    None,
    /// `[pid  1234] `: several processes, output to the terminal.
    Bracketed,
    /// `1234  `: several processes, output to a file.
    Plain,
}

pub struct Output {
    dest: Box<dyn Write>,
    buf: Vec<u8>,
    /// Where the current line starts in `buf`, for the return-value column.
    line_start: usize,
    /// Flush at every line end (a terminal or pipe reader sees lines as they happen).
    line_buffered: bool,
    /// `-a`: the column of the `=` before return values.
    column: usize,
    /// The process whose syscall line is open (entry written, exit not yet).
    open_line: Option<i32>,
    /// The first write error; later output is dropped and the error reported at exit.
    error: Option<io::Error>,
}

impl Output {
    pub fn new(dest: Box<dyn Write>, line_buffered: bool, column: usize) -> Self {
        Output {
            dest,
            buf: Vec::with_capacity(FLUSH_AT * 2),
            line_start: 0,
            line_buffered,
            column,
            open_line: None,
            error: None,
        }
    }

    /// The buffer the current line is written into.
    pub fn buf(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn col(&self) -> usize {
        self.buf.len() - self.line_start
    }

    /// Pads to the return column and writes ` = `.
    pub fn align_return(&mut self) {
        let target = self.column.saturating_sub(1);
        let col = self.col();
        if col < target {
            self.buf.resize(self.buf.len() + target - col, b' ');
        }
        self.buf.extend_from_slice(b" = ");
    }

    /// Ends the current line.
    pub fn end_line(&mut self) {
        self.buf.push(b'\n');
        self.line_start = self.buf.len();
        if self.line_buffered || self.buf.len() >= FLUSH_AT {
            self.flush_complete_lines();
        }
    }

    /// Starts a line for `pid`, first closing another process's open syscall line.
    pub fn start_line(&mut self, pid: i32, prefix: PidPrefix) {
        if self.open_line.take().is_some() {
            self.bytes(b" <unfinished ...>");
            self.end_line();
        }
        match prefix {
            PidPrefix::None => {}
            PidPrefix::Bracketed => {
                let _ = write!(self.buf, "[pid {pid:>5}] ");
            }
            PidPrefix::Plain => {
                let _ = write!(self.buf, "{pid:<5} ");
            }
        }
    }

    /// Marks `pid`'s syscall line as open (its entry is written) or closed.
    pub fn set_open(&mut self, pid: Option<i32>) {
        self.open_line = pid;
    }

    /// Whether `pid`'s syscall line is still open, so its exit continues it.
    pub fn is_open(&self, pid: i32) -> bool {
        self.open_line == Some(pid)
    }

    /// Writes out every complete line; a partial line stays until it is complete.
    fn flush_complete_lines(&mut self) {
        let complete = self.line_start;
        if complete == 0 {
            return;
        }
        if self.error.is_none()
            && let Err(e) = self
                .dest
                .write_all(&self.buf[..complete])
                .and_then(|_| self.dest.flush())
        {
            self.error = Some(e);
        }
        self.buf.drain(..complete);
        self.line_start = 0;
    }

    /// Writes out everything, a partial line too, and reports the first write error.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.error.is_none()
            && let Err(e) = self
                .dest
                .write_all(&self.buf)
                .and_then(|_| self.dest.flush())
        {
            self.error = Some(e);
        }
        self.buf.clear();
        self.line_start = 0;
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
