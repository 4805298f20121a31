//! Line assembly and the one buffered writer all trace output goes through.
//!
//! Like strace, a syscall line is written in two halves: the call and its input arguments at
//! entry, the output arguments and return value at exit. When another process prints between
//! the halves, the open line is closed with ` <unfinished ...>` and its exit later starts a new
//! line with `<... NAME resumed>`.

use crate::color::{Kind, Palette};
use crate::comm::Comm;
pub use crate::escape::HexStrings;
use crate::escape::escape_with;
use crate::stamp::{self, Stamps};
use std::io::{self, Write};
use std::time::{Duration, Instant, SystemTime};

/// Flush once this much output is buffered (when not line-buffered).
const FLUSH_AT: usize = 64 * 1024;

/// What a line starts with besides its timestamps: the pid prefix, and with `-n` the syscall
/// number and with `-i` the instruction pointer (`None` inside: not known, `[????????????????]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub prefix: PidPrefix,
    /// `-Y`: the process's name after the pid (`1234<bash> `).
    pub comm: Option<Comm>,
    pub nr: Option<u64>,
    pub ip: Option<Option<u64>>,
}

impl From<PidPrefix> for Head {
    fn from(prefix: PidPrefix) -> Self {
        Head {
            prefix,
            comm: None,
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
    /// The destination's name for the one message about a write error (`-o FILE`); `None` for
    /// stderr, where no message could be read.
    name: Option<String>,
    buf: Vec<u8>,
    /// Where the current line starts in `buf`, for the return-value column.
    line_start: usize,
    /// How many bytes of the current line were already written out (a partial line goes out
    /// before the tracer waits, and long padding goes out in pieces).
    line_written: usize,
    /// Flush at every line end (a terminal or pipe reader sees lines as they happen).
    line_buffered: bool,
    /// `-a`, timestamps, string escaping.
    format: Format,
    /// The process whose syscall line is open (entry written, exit not yet).
    open_line: Option<i32>,
    /// A write failed: the error was reported once and later output is dropped, so the
    /// traced command runs on (a reader of the trace that went away must not stop it).
    failed: bool,
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
    /// `-X`: how named constants show.
    pub const_style: ConstStyle,
    /// `--always-show-pid` (strace 6.2): every line starts with the pid, `PID  `.
    pub always_pid: bool,
    /// `--color` (strace 7): the colours of a coloured trace; `None`: no colour.
    pub palette: Option<&'static Palette>,
    /// `-N`/`--arg-names` (strace 6.16): arguments show their names, `flags=O_RDONLY`.
    pub arg_names: bool,
}

/// `-X`/`--const-print-style`: how a named constant, flag set or symbolic value shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConstStyle {
    /// Its name (`O_RDONLY|O_CLOEXEC`): strace's default.
    #[default]
    Abbrev,
    /// Its number only (`0x80000`).
    Raw,
    /// Its number with the name in a comment (`0x80000 /* O_RDONLY|O_CLOEXEC */`).
    Verbose,
}

/// Padding is written in pieces of this size, so `-a 2147483647` allocates nothing in
/// proportion.
const PAD_CHUNK: usize = 4096;

impl Output {
    /// `name`: what a write error names (`None` for stderr).
    pub fn new(
        dest: Box<dyn Write>,
        name: Option<String>,
        line_buffered: bool,
        format: Format,
    ) -> Self {
        Output {
            dest,
            name,
            buf: Vec::with_capacity(FLUSH_AT * 2),
            line_start: 0,
            line_written: 0,
            line_buffered,
            format,
            open_line: None,
            failed: false,
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
        if self.format.palette.is_some() {
            // Colour sequences take no column (strace 7 counts them in no `curcol`).
            let line = self.buf.get(self.line_start..).unwrap_or_default();
            return self.line_written + crate::color::visible_len(line);
        }
        self.line_written + self.buf.len() - self.line_start
    }

    /// Starts a stretch of `kind` in a coloured trace; nothing otherwise.
    #[inline]
    pub fn paint(&mut self, kind: Kind) {
        if let Some(palette) = self.format.palette {
            self.buf.extend_from_slice(palette.seq(kind));
        }
    }

    /// Whether this output is coloured.
    pub fn colored(&self) -> bool {
        self.format.palette.is_some()
    }

    /// The palette of a coloured output.
    pub fn palette(&self) -> Option<&'static Palette> {
        self.format.palette
    }

    /// `NAME=` before a value: a field's name, or with `-N` an argument's, coloured as
    /// strace 7's `tprints_field_name`/`tprints_arg_name`.
    pub fn name_eq(&mut self, name: &str) {
        self.paint(Kind::ArgName);
        self.buf.extend_from_slice(name.as_bytes());
        self.punct(b"=");
    }

    /// Forgets everything buffered (for a scratch output whose bytes are taken elsewhere).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.line_start = 0;
        self.line_written = 0;
        self.open_line = None;
    }

    /// How strings are escaped in this output.
    pub fn hex_strings(&self) -> HexStrings {
        self.format.hex_strings
    }

    pub fn const_style(&self) -> ConstStyle {
        self.format.const_style
    }

    /// Whether arguments show their names (`-N`).
    pub fn arg_names(&self) -> bool {
        self.format.arg_names
    }

    /// Pads to the return column and writes ` = ` (coloured, what strace 7 writes from the
    /// `=` on: the punctuation's colour, and two resets before the space).
    pub fn align_return(&mut self) {
        let target = self.format.column.saturating_sub(1);
        let mut col = self.col();
        while col < target {
            let n = (target - col).min(PAD_CHUNK);
            self.buf.resize(self.buf.len() + n, b' ');
            col += n;
            if self.buf.len() >= FLUSH_AT {
                self.write_out(self.buf.len());
            }
        }
        if self.colored() {
            self.buf.push(b' ');
            self.paint(Kind::Punct);
            self.buf.push(b'=');
            self.paint(Kind::Reset);
            self.paint(Kind::Reset);
            self.buf.push(b' ');
            return;
        }
        self.buf.extend_from_slice(b" = ");
    }

    /// Ends the current line.
    pub fn end_line(&mut self) {
        self.buf.push(b'\n');
        self.line_start = self.buf.len();
        self.line_written = 0;
        if self.line_buffered || self.buf.len() >= FLUSH_AT {
            self.write_out(self.line_start);
        }
    }

    /// Writes a message of the tracer's own where the stream is, even inside a line left
    /// open, as strace's messages land in its flushed stderr (`wait4(-1, strace: Process 12
    /// detached`). At a line's start it is a line of its own.
    pub fn interject(&mut self, text: &[u8]) {
        let at_line_start = self.col() == 0;
        self.buf.extend_from_slice(text);
        if at_line_start {
            self.line_start = self.buf.len();
        }
        if self.line_buffered {
            self.flush();
        }
    }

    /// `<bash>`: a process's name after its pid, escaped as strace escapes a path between
    /// angle brackets.
    fn comm(&mut self, comm: Option<Comm>) {
        if let Some(comm) = comm {
            let hex = self.hex_strings();
            self.punct(b"<");
            escape_with(&mut self.buf, comm.as_bytes(), hex, b"<>");
            self.punct(b">");
        }
    }

    /// Starts a line for `pid`, first closing another process's open syscall line.
    pub fn start_line(&mut self, pid: i32, head: Head) {
        if self.open_line.take().is_some() {
            self.bytes(b" <unfinished ...>");
            self.paint(Kind::Reset);
            self.end_line();
        }
        // strace pads the pid to 5 columns unless a name follows it.
        let comm = head.comm.filter(|c| !c.as_bytes().is_empty());
        match (head.prefix, comm) {
            (PidPrefix::None, _) => {}
            (PidPrefix::Bracketed, _) => {
                self.punct(b"[");
                let _ = write!(self.buf, "pid {pid:>5}");
                self.comm(comm);
                self.punct(b"]");
                self.buf.push(b' ');
            }
            (PidPrefix::Plain, None) => {
                // `%-5d `, the line's most common start under -f.
                let start = self.buf.len();
                crate::number::push_signed(&mut self.buf, pid.into());
                let pad = 5usize.saturating_sub(self.buf.len() - start) + 1;
                self.buf.extend(std::iter::repeat_n(b' ', pad));
            }
            (PidPrefix::Plain, Some(_)) => {
                let _ = write!(self.buf, "{pid}");
                self.comm(comm);
                self.buf.push(b' ');
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
            self.punct(b"[");
            let _ = write!(self.buf, "{nr:>4}");
            self.punct(b"]");
            self.buf.push(b' ');
        }
        match head.ip {
            Some(Some(ip)) => {
                self.punct(b"[");
                let _ = write!(self.buf, "{ip:016x}");
                self.punct(b"]");
                self.buf.push(b' ');
            }
            Some(None) => {
                self.punct(b"[");
                self.buf.extend_from_slice(b"????????????????");
                self.punct(b"]");
                self.buf.push(b' ');
            }
            None => {}
        }
    }

    /// Punctuation, in a coloured trace between the punctuation's colour and the value's
    /// (strace 7's `tprint_*_begin`/`_end`/`_next`).
    pub fn punct(&mut self, text: &[u8]) {
        self.paint(Kind::Punct);
        self.buf.extend_from_slice(text);
        self.paint(Kind::ArgVal);
    }

    /// The stamp of a JSON event happening now: nanoseconds since the epoch, and with `-r` since
    /// the previous stamp taken on this output (as the text's `-r` counts from line to line).
    pub fn json_stamp(&mut self) -> stamp::Stamp {
        let since_epoch = SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let rel = self.format.stamps.relative.map(|_| {
            let now = Instant::now();
            let delta = self.previous.map_or(Duration::ZERO, |p| now - p);
            self.previous = Some(now);
            delta.as_nanos() as u64
        });
        stamp::Stamp {
            ts: since_epoch.as_nanos() as u64,
            rel,
        }
    }

    /// Marks `pid`'s syscall line as open (its entry is written) or closed.
    /// Ends `pid`'s open line, if it is open, with `note` (` <pid changed to N ...>`): its
    /// exit will be `<... NAME resumed>`.
    pub fn end_open_with(&mut self, pid: i32, note: std::fmt::Arguments<'_>) {
        if self.open_line == Some(pid) {
            self.open_line = None;
            let _ = self.buf.write_fmt(note);
            self.end_line();
        }
    }

    pub fn set_open(&mut self, pid: Option<i32>) {
        self.open_line = pid;
    }

    /// Whether `pid`'s syscall line is still open, so its exit continues it.
    pub fn is_open(&self, pid: i32) -> bool {
        self.open_line == Some(pid)
    }

    /// Writes out everything buffered, a partial line too: the tracer is about to wait, and
    /// whoever reads the trace (`tail -f`) should see what happened so far.
    pub fn flush(&mut self) {
        self.write_out(self.buf.len());
    }

    /// Whether anything waits for [`Output::flush`].
    pub fn buffered(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Writes out the first `upto` bytes of the buffer (complete lines, or everything). The
    /// first error is reported once, naming the destination as strace does
    /// (`strace-rs: FILE: Broken pipe`); after it nothing more is written.
    fn write_out(&mut self, upto: usize) {
        if upto == 0 {
            return;
        }
        if !self.failed
            && let Err(e) = self
                .dest
                .write_all(&self.buf[..upto])
                .and_then(|_| self.dest.flush())
        {
            self.failed = true;
            if let Some(name) = &self.name {
                crate::msg::error(format_args!("{name}: {}", crate::msg::os_error(&e)));
            }
        }
        if upto > self.line_start {
            // Part of the current line went out.
            self.line_written += match self.format.palette {
                Some(_) => crate::color::visible_len(&self.buf[self.line_start..upto]),
                None => upto - self.line_start,
            };
            self.line_start = 0;
        } else {
            self.line_start -= upto;
        }
        self.buf.drain(..upto);
    }

    /// Writes out everything at the end of the trace.
    pub fn finish(&mut self) {
        self.flush();
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

/// `-o '|CMD'` (or `'!CMD'`): runs `sh -c CMD` with the trace as its standard input, as
/// strace does. Returns the pipe's writing end and the command's pid, which the tracer waits
/// for before it exits.
pub fn popen(command: &std::ffi::OsStr) -> io::Result<(std::fs::File, i32)> {
    use std::os::fd::FromRawFd;
    use std::os::unix::ffi::OsStrExt;
    let c_command = std::ffi::CString::new(command.as_bytes())
        .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let sh = c"/bin/sh";
    let argv = [
        c"sh".as_ptr(),
        c"-c".as_ptr(),
        c_command.as_ptr(),
        std::ptr::null(),
    ];
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two descriptors into `fds`.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the child only makes async-signal-safe calls (dup2, signal, execv, _exit) on
    // memory prepared before the fork.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let e = io::Error::last_os_error();
        // SAFETY: both descriptors are ours.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
        return Err(e);
    }
    if pid == 0 {
        // SAFETY: see above.
        unsafe {
            libc::dup2(fds[0], 0);
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::execv(sh.as_ptr(), argv.as_ptr());
            libc::_exit(127);
        }
    }
    // SAFETY: the reading end belongs to the child now; the writing end is ours alone.
    unsafe { libc::close(fds[0]) };
    // SAFETY: fds[1] is an open descriptor that nothing else owns.
    Ok((unsafe { std::fs::File::from_raw_fd(fds[1]) }, pid))
}

/// Where trace lines go: one stream for every process, or one file per process (`-ff`).
pub enum Outputs {
    Shared {
        out: Output,
        /// `-o` was given (else the trace shares stderr with the tracer's messages).
        to_file: bool,
        /// `-f`, or several processes traced from the start: with `-o`, strace prefixes every
        /// line with the pid, even when one process is left.
        follow: bool,
    },
    /// `-ff -o NAME`: `NAME.PID` for each process, opened at its first line.
    PerProcess {
        base: std::path::PathBuf,
        format: Format,
        /// `-A`: append to existing files.
        append: bool,
        files: crate::pidmap::PidMap<Output>,
    },
}

impl Outputs {
    /// The output of process `pid`. A `NAME.PID` file that cannot be created is reported once
    /// (`Can't fopen`) and its lines are dropped.
    pub fn for_pid(&mut self, pid: i32) -> &mut Output {
        match self {
            Outputs::Shared { out, .. } => out,
            Outputs::PerProcess {
                base,
                format,
                append,
                files,
            } => files.entry(pid).or_insert_with(|| {
                open_process_file(base, pid, *append, *format).unwrap_or_else(|text| {
                    crate::msg::error(format_args!("{text}"));
                    Output::new(Box::new(io::sink()), None, false, *format)
                })
            }),
        }
    }

    /// With `-ff -o NAME`, creates `NAME.PID` now: strace opens the first process's file
    /// before the process runs, and refuses to trace (`Can't fopen`) if it cannot.
    pub fn open_for(&mut self, pid: i32) -> Result<(), String> {
        if let Outputs::PerProcess {
            base,
            format,
            append,
            files,
        } = self
            && !files.contains_key(&pid)
        {
            let out = open_process_file(base, pid, *append, *format)?;
            files.insert(pid, out);
        }
        Ok(())
    }

    /// Writes out whatever is buffered, partial lines too (the tracer is about to wait).
    pub fn flush(&mut self) {
        match self {
            Outputs::Shared { out, .. } => out.flush(),
            Outputs::PerProcess { files, .. } => files.values_mut().for_each(Output::flush),
        }
    }

    /// Whether any output has something waiting for [`Outputs::flush`].
    pub fn buffered(&self) -> bool {
        match self {
            Outputs::Shared { out, .. } => out.buffered(),
            Outputs::PerProcess { files, .. } => files.values().any(Output::buffered),
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
        if self.format().always_pid {
            return PidPrefix::Plain;
        }
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
                let _ = out
                    .buf()
                    .write_fmt(format_args!("{}: {text}", crate::msg::program()));
                out.end_line();
            }
            _ => crate::msg::error(text),
        }
    }

    /// Closes the file of a process that ended (`-ff`).
    pub fn close(&mut self, pid: i32) {
        if let Outputs::PerProcess { files, .. } = self
            && let Some(mut out) = files.remove(&pid)
        {
            out.finish();
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
            Outputs::PerProcess { .. } => crate::msg::raw(format_args!("{table}")),
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
            .map_err(|e| {
                format!(
                    "Can't fopen '{}': {}",
                    path.display(),
                    crate::msg::os_error(&e)
                )
            })
    }

    /// Writes out everything at the end of the trace (write errors were reported as they
    /// happened).
    pub fn finish(&mut self) {
        match self {
            Outputs::Shared { out, .. } => out.finish(),
            Outputs::PerProcess { files, .. } => files.values_mut().for_each(Output::finish),
        }
    }
}

/// Creates `NAME.PID` for process `pid` (`-ff -o NAME`).
fn open_process_file(
    base: &std::path::Path,
    pid: i32,
    append: bool,
    format: Format,
) -> Result<Output, String> {
    let path = process_file(base, pid);
    match create(&path, append) {
        Ok(file) => Ok(Output::new(
            Box::new(file),
            Some(path.display().to_string()),
            false,
            format,
        )),
        Err(e) => Err(format!(
            "Can't fopen '{}': {}",
            path.display(),
            crate::msg::os_error(&e)
        )),
    }
}

/// `NAME.PID`, the file of process `pid` with `-ff -o NAME`.
fn process_file(base: &std::path::Path, pid: i32) -> std::path::PathBuf {
    let mut path = base.as_os_str().to_owned();
    path.push(format!(".{pid}"));
    path.into()
}
