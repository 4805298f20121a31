//! Line assembly and the one buffered writer all trace output goes through.
//!
//! Like strace, a syscall line is written in two halves: the call and its input arguments at
//! entry, the output arguments and return value at exit. When another process prints between
//! the halves, the open line is closed with ` <unfinished ...>` and its exit later starts a new
//! line with `<... NAME resumed>`.

use crate::stamp::{self, Stamps};
use std::io::{self, Write};
use std::time::{Duration, Instant, SystemTime};

/// Flush once this much output is buffered (when not line-buffered).
const FLUSH_AT: usize = 64 * 1024;

/// When strings print in hex (`-x`, `-xx`, `--strings-in-hex=`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HexStrings {
    /// C escapes, octal for other bytes (the default).
    #[default]
    Never,
    /// `-x`: a string with a byte that needs escaping prints wholly in hex.
    NonAscii,
    /// `--strings-in-hex=non-ascii-chars`: only those bytes in hex.
    NonAsciiChars,
    /// `-xx`: every string wholly in hex.
    All,
}

/// What a line starts with besides its timestamps: the pid prefix, and with `-n` the syscall
/// number and with `-i` the instruction pointer (`None` inside: not known, `[????????????????]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub prefix: PidPrefix,
    pub nr: Option<u64>,
    pub ip: Option<Option<u64>>,
}

impl From<PidPrefix> for Head {
    fn from(prefix: PidPrefix) -> Self {
        Head {
            prefix,
            nr: None,
            ip: None,
        }
    }
}

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
    /// `-a`, timestamps, string escaping.
    format: Format,
    /// The process whose syscall line is open (entry written, exit not yet).
    open_line: Option<i32>,
    /// The first write error; later output is dropped and the error reported at exit.
    error: Option<io::Error>,
    /// When the previous line started, for `-r`.
    previous: Option<Instant>,
}

/// How lines look: the options that shape them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Format {
    /// `-a`: the column of the `=` before return values.
    pub column: usize,
    /// The timestamps each line starts with.
    pub stamps: Stamps,
    /// How strings are escaped.
    pub hex_strings: HexStrings,
}

impl Output {
    pub fn new(dest: Box<dyn Write>, line_buffered: bool, format: Format) -> Self {
        Output {
            dest,
            buf: Vec::with_capacity(FLUSH_AT * 2),
            line_start: 0,
            line_buffered,
            format,
            open_line: None,
            error: None,
            previous: None,
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

    /// Forgets everything buffered (for a scratch output whose bytes are taken elsewhere).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.line_start = 0;
        self.open_line = None;
    }

    /// How strings are escaped in this output.
    pub fn hex_strings(&self) -> HexStrings {
        self.format.hex_strings
    }

    /// Pads to the return column and writes ` = `.
    pub fn align_return(&mut self) {
        let target = self.format.column.saturating_sub(1);
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
    pub fn start_line(&mut self, pid: i32, head: Head) {
        if self.open_line.take().is_some() {
            self.bytes(b" <unfinished ...>");
            self.end_line();
        }
        match head.prefix {
            PidPrefix::None => {}
            PidPrefix::Bracketed => {
                let _ = write!(self.buf, "[pid {pid:>5}] ");
            }
            PidPrefix::Plain => {
                let _ = write!(self.buf, "{pid:<5} ");
            }
        }
        if let Some(absolute) = self.format.stamps.absolute {
            stamp::write_absolute(&mut self.buf, SystemTime::now(), absolute);
        }
        if let Some(precision) = self.format.stamps.relative {
            let now = Instant::now();
            let delta = self.previous.map_or(Duration::ZERO, |p| now - p);
            self.previous = Some(now);
            stamp::write_relative(&mut self.buf, delta, precision);
        }
        if let Some(nr) = head.nr {
            let _ = write!(self.buf, "[{nr:>4}] ");
        }
        match head.ip {
            Some(Some(ip)) => {
                let _ = write!(self.buf, "[{ip:016x}] ");
            }
            Some(None) => self.buf.extend_from_slice(b"[????????????????] "),
            None => {}
        }
    }

    /// The stamp of a JSON event happening now: nanoseconds since the epoch, and with `-r` since
    /// the previous stamp taken on this output (as the text's `-r` counts from line to line).
    pub fn json_stamp(&mut self) -> crate::json::Stamp {
        let since_epoch = SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let rel = self.format.stamps.relative.map(|_| {
            let now = Instant::now();
            let delta = self.previous.map_or(Duration::ZERO, |p| now - p);
            self.previous = Some(now);
            delta.as_nanos() as u64
        });
        crate::json::Stamp {
            ts: since_epoch.as_nanos() as u64,
            rel,
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

/// Creates (or with `append`, `-A`, opens for appending) a trace file.
pub fn create(path: &std::path::Path, append: bool) -> io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .append(append)
        .truncate(!append)
        .open(path)
}

/// Where trace lines go: one stream for every process, or one file per process (`-ff`).
pub enum Outputs {
    Shared {
        out: Output,
        /// `-o` was given (else the trace shares stderr with the tracer's messages).
        to_file: bool,
        /// `-f`: with `-o`, strace prefixes every line with the pid, even with one process.
        follow: bool,
    },
    /// `-ff -o NAME`: `NAME.PID` for each process, opened at its first line.
    PerProcess {
        base: std::path::PathBuf,
        format: Format,
        /// `-A`: append to existing files.
        append: bool,
        files: std::collections::HashMap<i32, Output>,
        /// The first file that could not be created; its lines are dropped.
        error: Option<(std::path::PathBuf, io::Error)>,
    },
}

impl Outputs {
    /// The output of process `pid`.
    pub fn for_pid(&mut self, pid: i32) -> &mut Output {
        match self {
            Outputs::Shared { out, .. } => out,
            Outputs::PerProcess {
                base,
                format,
                append,
                files,
                error,
            } => files.entry(pid).or_insert_with(|| {
                let path = process_file(base, pid);
                let dest: Box<dyn Write> = match create(std::path::Path::new(&path), *append) {
                    Ok(file) => Box::new(file),
                    Err(e) => {
                        error.get_or_insert((path, e));
                        Box::new(io::sink())
                    }
                };
                Output::new(dest, false, *format)
            }),
        }
    }

    /// How lines look.
    pub fn format(&self) -> Format {
        match self {
            Outputs::Shared { out, .. } => out.format,
            Outputs::PerProcess { format, .. } => *format,
        }
    }

    /// The pid prefix strace writes with `nprocs` processes traced.
    pub fn prefix(&self, nprocs: usize) -> PidPrefix {
        match self {
            Outputs::PerProcess { .. } => PidPrefix::None,
            Outputs::Shared {
                to_file: true,
                follow,
                ..
            } if *follow || nprocs > 1 => PidPrefix::Plain,
            Outputs::Shared { to_file: false, .. } if nprocs > 1 => PidPrefix::Bracketed,
            Outputs::Shared { .. } => PidPrefix::None,
        }
    }

    /// Whether the trace goes to stderr, where the tracer's own messages go too.
    pub fn is_stderr(&self) -> bool {
        matches!(self, Outputs::Shared { to_file: false, .. })
    }

    /// A message of the tracer's own (`strace-rs: Process N attached`): into the trace stream when
    /// that is stderr, so the two keep their order; to stderr directly otherwise.
    pub fn message(&mut self, text: std::fmt::Arguments<'_>) {
        match self {
            Outputs::Shared {
                out,
                to_file: false,
                ..
            } => {
                let _ = out.buf().write_fmt(format_args!("strace-rs: {text}"));
                out.end_line();
            }
            _ => eprintln!("strace-rs: {text}"),
        }
    }

    /// Closes the file of a process that ended (`-ff`).
    pub fn close(&mut self, pid: i32) -> io::Result<()> {
        match self {
            Outputs::PerProcess { files, .. } => {
                files.remove(&pid).map_or(Ok(()), |mut out| out.finish())
            }
            Outputs::Shared { .. } => Ok(()),
        }
    }

    /// The summary table of all processes (`-c`, `-C`): after the trace in the shared stream,
    /// on stderr with `-ff` (where strace's shared log is then).
    pub fn summary(&mut self, table: &str) {
        match self {
            Outputs::Shared { out, .. } => {
                for line in table.lines() {
                    out.bytes(line.as_bytes());
                    out.end_line();
                }
            }
            Outputs::PerProcess { .. } => eprint!("{table}"),
        }
    }

    /// Appends `text` to the file of process `pid` (`-ff -o NAME`: `NAME.PID`), creating it if
    /// the process printed nothing; nothing without `-ff`.
    pub fn append_to_process_file(&self, pid: i32, text: &str) -> Result<(), String> {
        let Outputs::PerProcess { base, .. } = self else {
            return Ok(());
        };
        let path = process_file(base, pid);
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .map_err(|e| format!("Can't fopen '{}': {e}", path.display()))
    }

    /// Writes out everything and reports the first error.
    pub fn finish(&mut self) -> Result<(), String> {
        match self {
            Outputs::Shared { out, .. } => out.finish().map_err(|e| format!("write error: {e}")),
            Outputs::PerProcess { files, error, .. } => {
                let mut first = error
                    .take()
                    .map(|(path, e)| format!("Can't fopen '{}': {e}", path.display()));
                for out in files.values_mut() {
                    if let Err(e) = out.finish() {
                        first.get_or_insert(format!("write error: {e}"));
                    }
                }
                first.map_or(Ok(()), Err)
            }
        }
    }
}

/// `NAME.PID`, the file of process `pid` with `-ff -o NAME`.
fn process_file(base: &std::path::Path, pid: i32) -> std::path::PathBuf {
    let mut path = base.as_os_str().to_owned();
    path.push(format!(".{pid}"));
    path.into()
}
