//! `-c` / `-C`: calls, errors and time per syscall, and the summary table strace prints at the end.
//!
//! What strace 6.1 measures (its `count.c`, `syscall.c` and `strace.c`, studied, not copied):
//! * By default the time of a syscall is the **system CPU time** the tracee used between the
//!   syscall's entry stop and its exit stop: `ru_stime` from the `wait4` that reported each stop
//!   (for a stopped child the kernel fills it with `getrusage(RUSAGE_BOTH)` of its thread group,
//!   kernel/exit.c `wait_task_stopped`), so it has microsecond resolution and is often 0.
//! * With `-w` it is the **wall-clock** time (CLOCK_MONOTONIC) from entry to exit.
//! * A syscall counts once its exit is seen (`exit_group` never returns and never counts) and
//!   only when `-e trace=` selects it; a failed one also counts as an error.
//! * Numbers past the end of the syscall table are not counted. A number inside the table that
//!   names no syscall makes strace 6.1 crash; here it shows as `syscall_0x190`, as in the trace.
//! * Nothing counted, nothing printed: strace prints no table at all then.
//!
//! Beyond strace: with `-ff -o NAME` (which strace 6.1 refuses with `-c`) each process's own
//! table is appended to its `NAME.PID` file, in the same layout, and the table of all processes
//! goes where strace puts it, stderr.

use crate::pidmap::PidMap;
use crate::table::{self, SYSCALLS};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

const NSEC_PER_SEC: u64 = 1_000_000_000;

/// A column of the table (`-U`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// `% time`: the share of the total time.
    TimePercent,
    /// `seconds`: the total time.
    TotalTime,
    /// `shortest`: the shortest call.
    MinTime,
    /// `longest`: the longest call.
    MaxTime,
    /// `usecs/call`: the average, in microseconds.
    AvgTime,
    Calls,
    Errors,
    /// `syscall`: always shown, last unless placed elsewhere.
    Name,
}

/// The spellings strace 6.1 accepts for columns (`-U`) and sort keys (`-S`); `None` is "no
/// column" (accepted by `-S` only: do not sort).
const ALIASES: &[(&str, Option<Column>)] = &[
    ("time", Some(Column::TimePercent)),
    ("time_percent", Some(Column::TimePercent)),
    ("time-percent", Some(Column::TimePercent)),
    ("time_total", Some(Column::TotalTime)),
    ("time-total", Some(Column::TotalTime)),
    ("total_time", Some(Column::TotalTime)),
    ("total-time", Some(Column::TotalTime)),
    ("min_time", Some(Column::MinTime)),
    ("min-time", Some(Column::MinTime)),
    ("shortest", Some(Column::MinTime)),
    ("time_min", Some(Column::MinTime)),
    ("time-min", Some(Column::MinTime)),
    ("longest", Some(Column::MaxTime)),
    ("max_time", Some(Column::MaxTime)),
    ("max-time", Some(Column::MaxTime)),
    ("time_max", Some(Column::MaxTime)),
    ("time-max", Some(Column::MaxTime)),
    ("avg_time", Some(Column::AvgTime)),
    ("avg-time", Some(Column::AvgTime)),
    ("time_avg", Some(Column::AvgTime)),
    ("time-avg", Some(Column::AvgTime)),
    ("calls", Some(Column::Calls)),
    ("count", Some(Column::Calls)),
    ("error", Some(Column::Errors)),
    ("errors", Some(Column::Errors)),
    ("name", Some(Column::Name)),
    ("syscall", Some(Column::Name)),
    ("syscall_name", Some(Column::Name)),
    ("syscall-name", Some(Column::Name)),
    ("none", None),
    ("nothing", None),
];

fn alias(word: &str) -> Option<Option<Column>> {
    ALIASES.iter().find(|(n, _)| *n == word).map(|(_, c)| *c)
}

/// The default columns: `% time`, `seconds`, `usecs/call`, `calls`, `errors`, `syscall`.
pub const DEFAULT_COLUMNS: &[Column] = &[
    Column::TimePercent,
    Column::TotalTime,
    Column::AvgTime,
    Column::Calls,
    Column::Errors,
    Column::Name,
];

/// `-U COLUMNS`: a comma-separated list; each column at most once; the name column is added at
/// the end when not listed. Errors in strace's words.
pub fn parse_columns(spec: &str) -> Result<Vec<Column>, String> {
    let mut columns = Vec::new();
    let mut rest = spec;
    loop {
        let (word, next) = match rest.split_once(',') {
            Some((word, next)) => (word, Some(next)),
            None => (rest, None),
        };
        match alias(word) {
            Some(Some(column)) if columns.contains(&column) => {
                return Err(format!(
                    "call summary column has been provided more than once: '{word}' \
                     (-U option residual: '{rest}')"
                ));
            }
            Some(Some(column)) => columns.push(column),
            _ => return Err(format!("unknown column name: '{word}'")),
        }
        match next {
            Some(next) => rest = next,
            None => break,
        }
    }
    if !columns.contains(&Column::Name) {
        columns.push(Column::Name);
    }
    Ok(columns)
}

/// `-S SORTBY`: the column rows are sorted by (`None`: syscall number order).
pub fn parse_sort(word: &str) -> Result<Option<Column>, String> {
    alias(word).ok_or_else(|| format!("invalid sortby: '{word}'"))
}

/// What "the time of a syscall" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system CPU time the tracee spent (strace's default).
    System,
    /// `-w`: the wall-clock time from entry to exit.
    Wall,
}

#[derive(Debug, Clone)]
pub struct SummaryOpts {
    /// `-O`: taken off each call's time (never below zero).
    pub overhead: Duration,
    pub columns: Vec<Column>,
    /// `None`: by syscall number (`-S nothing`).
    pub sort: Option<Column>,
    pub clock: Clock,
}

impl Default for SummaryOpts {
    fn default() -> Self {
        SummaryOpts {
            overhead: Duration::ZERO,
            columns: DEFAULT_COLUMNS.to_vec(),
            sort: Some(Column::TimePercent),
            clock: Clock::System,
        }
    }
}

/// The counters of one syscall. Times in nanoseconds.
#[derive(Debug, Clone, Copy)]
struct Row {
    calls: u64,
    errors: u64,
    time: u64,
    min: u64,
    max: u64,
}

impl Row {
    const EMPTY: Row = Row {
        calls: 0,
        errors: 0,
        time: 0,
        min: u64::MAX,
        max: 0,
    };

    /// The average rounded to the nearest nanosecond, as strace divides.
    fn avg(&self) -> u64 {
        (self.time + self.calls / 2) / self.calls.max(1)
    }
}

/// The counters of every syscall, indexed by number: allocated once, never per syscall.
#[derive(Debug, Clone)]
pub struct Counts {
    rows: Box<[Row]>,
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            rows: vec![Row::EMPTY; SYSCALLS.len()].into_boxed_slice(),
        }
    }
}

impl Counts {
    /// Counts one call of `nr`; a number past the table's end is not counted (as strace).
    pub fn record(&mut self, nr: u64, time: Duration, failed: bool) {
        let Some(row) = usize::try_from(nr).ok().and_then(|n| self.rows.get_mut(n)) else {
            return;
        };
        let ns = u64::try_from(time.as_nanos()).unwrap_or(u64::MAX);
        row.calls += 1;
        row.errors += u64::from(failed);
        row.time = row.time.saturating_add(ns);
        row.min = row.min.min(ns);
        row.max = row.max.max(ns);
    }

    /// Whether anything was counted (strace prints no table otherwise).
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.calls == 0)
    }

    /// The table as strace prints it: header, dashes, one row per syscall called, dashes, total.
    /// Empty when nothing was counted.
    pub fn render(&self, opts: &SummaryOpts) -> String {
        let mut text = String::new();
        if !self.is_empty() {
            Table::new(self, opts).write(&mut text);
        }
        text
    }
}

/// A syscall's name in the table: the table's, or `syscall_0x190` as the trace shows it.
fn name(nr: usize) -> String {
    match table::syscall(nr as u64) {
        Some(desc) => desc.name.to_string(),
        None => format!("syscall_{nr:#x}"),
    }
}

/// Nanoseconds as strace's floating seconds (whole seconds plus the fraction, in a double).
fn seconds(ns: u64) -> f64 {
    (ns / NSEC_PER_SEC) as f64 + (ns % NSEC_PER_SEC) as f64 / 1e9
}

/// Microseconds, truncated, as strace's `usecs/call`.
fn usecs(secs: f64) -> u64 {
    (secs * 1e6) as u64
}

/// `v` as C's `printf("%*.*f", width, precision, v)` writes it, as strace prints its table:
/// libc's formatter, already linked (Rust's float formatting would add 16 KB to the binary
/// for this table alone).
fn write_fixed(text: &mut String, v: f64, width: usize, precision: usize) {
    let format = c"%*.*f";
    let (width, precision) = (
        libc::c_int::try_from(width).unwrap_or(0),
        libc::c_int::try_from(precision).unwrap_or(6),
    );
    let mut buf = vec![0u8; 64];
    loop {
        // SAFETY: snprintf writes at most `buf.len()` bytes into `buf`; the format takes two
        // ints and a double, which are what is passed.
        let n = unsafe {
            libc::snprintf(
                buf.as_mut_ptr().cast(),
                buf.len(),
                format.as_ptr(),
                width,
                precision,
                v,
            )
        };
        let Ok(n) = usize::try_from(n) else { return };
        if n < buf.len() {
            // printf's %f writes only ASCII.
            text.extend(buf[..n].iter().map(|&b| char::from(b)));
            return;
        }
        buf.resize(n + 1, 0);
    }
}

/// One value of a cell.
enum Cell<'a> {
    Percent(f64),
    Secs(f64),
    Int(u64),
    /// Like `Int`, but 0 shows as blanks (strace prints errors with `%.0lu`).
    BlankZero(u64),
    Name(&'a str),
}

/// One line of cells, the name left-aligned (unpadded when last), every other right-aligned.
fn write_line<'c>(
    text: &mut String,
    columns: &[Column],
    widths: &[usize],
    cell: &dyn Fn(Column) -> Cell<'c>,
) {
    let last = columns.len().saturating_sub(1);
    for (i, (column, w)) in columns.iter().zip(widths).enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let _ = match cell(*column) {
            Cell::Percent(v) => {
                write_fixed(text, v, *w, 2);
                Ok(())
            }
            Cell::Secs(v) => {
                write_fixed(text, v, *w, 6);
                Ok(())
            }
            Cell::Int(v) => write!(text, "{v:>w$}"),
            Cell::BlankZero(0) => write!(text, "{:w$}", ""),
            Cell::BlankZero(v) => write!(text, "{v:>w$}"),
            Cell::Name(s) if i == last => write!(text, "{s}"),
            Cell::Name(s) => write!(text, "{s:<w$}"),
        };
    }
    text.push('\n');
}

struct Table<'a> {
    counts: &'a Counts,
    opts: &'a SummaryOpts,
    /// The syscalls called, in display order, with their names.
    order: Vec<(usize, String)>,
    total: u64,
    calls: u64,
    errors: u64,
    min: u64,
    max: u64,
}

impl<'a> Table<'a> {
    fn new(counts: &'a Counts, opts: &'a SummaryOpts) -> Self {
        let mut order: Vec<(usize, String)> = counts
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.calls > 0)
            .map(|(nr, _)| (nr, name(nr)))
            .collect();
        let rows = &counts.rows;
        // A stable sort: equal keys keep syscall number order, as glibc's merge sort does.
        // One comparison for every column, so that the binary holds one instance of the sort.
        if let Some(column) = opts.sort {
            order.sort_by(|a, b| {
                let (x, y) = (&rows[a.0], &rows[b.0]);
                match column {
                    Column::Name => a.1.cmp(&b.1),
                    // The others from the largest down.
                    Column::Calls => y.calls.cmp(&x.calls),
                    Column::Errors => y.errors.cmp(&x.errors),
                    Column::MinTime => y.min.cmp(&x.min),
                    Column::MaxTime => y.max.cmp(&x.max),
                    Column::AvgTime => y.avg().cmp(&x.avg()),
                    Column::TimePercent | Column::TotalTime => y.time.cmp(&x.time),
                }
            });
        }
        let called = || order.iter().map(|(nr, _)| &rows[*nr]);
        Table {
            total: called().map(|r| r.time).fold(0, u64::saturating_add),
            calls: called().map(|r| r.calls).sum(),
            errors: called().map(|r| r.errors).sum(),
            min: called().map(|r| r.min).min().unwrap_or(u64::MAX),
            max: called().map(|r| r.max).max().unwrap_or(0),
            counts,
            opts,
            order,
        }
    }

    fn header(column: Column) -> &'static str {
        match column {
            Column::TimePercent => "% time",
            Column::TotalTime => "seconds",
            Column::MinTime => "shortest",
            Column::MaxTime => "longest",
            Column::AvgTime => "usecs/call",
            Column::Calls => "calls",
            Column::Errors => "errors",
            Column::Name => "syscall",
        }
    }

    /// A column's width: its historical minimum, or wider for the largest value it shows.
    fn width(&self, column: Column) -> usize {
        let rows = || self.order.iter().map(|(nr, _)| &self.counts.rows[*nr]);
        let (least, widest) = match column {
            Column::TimePercent => (6, "100.00".len()),
            Column::TotalTime => {
                let mut total = String::new();
                write_fixed(&mut total, seconds(self.total), 0, 6);
                (11, total.len())
            }
            Column::MinTime => {
                let longest_min = rows().map(|r| r.min).max().unwrap_or(0);
                (8, format!("{}.000000", longest_min / NSEC_PER_SEC).len())
            }
            Column::MaxTime => (7, format!("{}.000000", self.max / NSEC_PER_SEC).len()),
            Column::AvgTime => {
                let avg_max = rows().map(Row::avg).max().unwrap_or(0);
                (11, usecs(seconds(avg_max)).to_string().len())
            }
            Column::Calls => (9, self.calls.to_string().len()),
            Column::Errors => (9, self.errors.to_string().len()),
            Column::Name => {
                let longest = self.order.iter().map(|(_, n)| n.len()).max().unwrap_or(0);
                (16, longest + 1)
            }
        };
        least.max(widest)
    }

    fn write(&'a self, text: &mut String) {
        let columns = &self.opts.columns;
        let widths: Vec<usize> = columns.iter().map(|c| self.width(*c)).collect();
        let last = columns.len().saturating_sub(1);
        let dashes = |text: &mut String| {
            for (i, w) in widths.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                text.extend(std::iter::repeat_n('-', *w));
            }
            text.push('\n');
        };
        let line = |text: &mut String, cell: &dyn Fn(Column) -> Cell<'a>| {
            write_line(text, columns, &widths, cell)
        };
        for (i, (column, w)) in columns.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let h = Self::header(*column);
            let _ = match column {
                Column::Name if i == last => write!(text, "{h}"),
                Column::Name => write!(text, "{h:<w$}"),
                _ => write!(text, "{h:>w$}"),
            };
        }
        text.push('\n');
        dashes(text);
        let total_secs = seconds(self.total);
        for (nr, name) in &self.order {
            let row = &self.counts.rows[*nr];
            let secs = seconds(row.time);
            let mut percent = 100.0 * secs;
            // 0/0 would be NaN when every time is 0.
            if percent != 0.0 {
                percent /= total_secs;
            }
            line(text, &|c| match c {
                Column::TimePercent => Cell::Percent(percent),
                Column::TotalTime => Cell::Secs(secs),
                Column::MinTime => Cell::Secs(seconds(row.min)),
                Column::MaxTime => Cell::Secs(seconds(row.max)),
                Column::AvgTime => Cell::Int(usecs(seconds(row.avg()))),
                Column::Calls => Cell::Int(row.calls),
                Column::Errors => Cell::BlankZero(row.errors),
                Column::Name => Cell::Name(name),
            });
        }
        dashes(text);
        line(text, &|c| match c {
            Column::TimePercent => Cell::Percent(100.0),
            Column::TotalTime => Cell::Secs(total_secs),
            Column::MinTime => Cell::Secs(seconds(self.min)),
            Column::MaxTime => Cell::Secs(seconds(self.max)),
            Column::AvgTime => Cell::Int(usecs(total_secs / self.calls as f64)),
            Column::Calls => Cell::Int(self.calls),
            Column::Errors => Cell::BlankZero(self.errors),
            Column::Name => Cell::Name("total"),
        });
    }
}

/// The counters of a trace: all processes together, and with `-ff -o` each process apart.
pub struct Summary {
    opts: SummaryOpts,
    total: Counts,
    per_pid: Option<PidMap<Counts>>,
    /// The origin of wall-clock marks.
    origin: Instant,
}

impl Summary {
    pub fn new(opts: SummaryOpts, per_process: bool) -> Self {
        Summary {
            opts,
            total: Counts::default(),
            per_pid: per_process.then(PidMap::default),
            origin: Instant::now(),
        }
    }

    /// A point in time as this summary measures it, for the entry and exit of a syscall:
    /// `stime` (the tracee's system time reported with the stop) or, with `-w`, the monotonic
    /// clock. The time of a syscall is the difference of two marks.
    pub fn mark(&self, stime: Duration) -> Duration {
        match self.opts.clock {
            Clock::System => stime,
            Clock::Wall => self.origin.elapsed(),
        }
    }

    /// Counts syscall `nr` of `pid`, which took `time` and failed or not.
    pub fn record(&mut self, pid: i32, nr: u64, time: Duration, failed: bool) {
        let time = time.saturating_sub(self.opts.overhead);
        self.total.record(nr, time, failed);
        if let Some(per_pid) = &mut self.per_pid {
            per_pid.entry(pid).or_default().record(nr, time, failed);
        }
    }

    /// The table of all processes (empty if nothing was counted).
    pub fn render_total(&self) -> String {
        self.total.render(&self.opts)
    }

    /// Each process's table, by pid (with `-ff -o` only).
    pub fn render_per_process(&self) -> Vec<(i32, String)> {
        let mut tables: Vec<(i32, String)> = self
            .per_pid
            .iter()
            .flatten()
            .map(|(pid, counts)| (*pid, counts.render(&self.opts)))
            .collect();
        tables.sort_unstable_by_key(|(pid, _)| *pid);
        tables
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NR_READ: u64 = 0;
    const NR_WRITE: u64 = 1;
    const NR_GETPID: u64 = 39;

    fn us(n: u64) -> Duration {
        Duration::from_micros(n)
    }

    /// As printf's `%*.*f`: padded, rounded to nearest with ties to even (0.125 is exact),
    /// and longer than the first buffer when it must be.
    #[test]
    fn fixed_point_as_printf_writes_it() {
        let fixed = |v: f64, width: usize, precision: usize| {
            let mut text = String::from(">");
            write_fixed(&mut text, v, width, precision);
            text
        };
        assert_eq!(fixed(0.0, 6, 2), ">  0.00");
        assert_eq!(fixed(100.0, 6, 2), ">100.00");
        assert_eq!(fixed(0.125, 6, 2), ">  0.12");
        assert_eq!(fixed(0.375, 6, 2), ">  0.38");
        assert_eq!(fixed(2.0 / 3.0, 0, 6), ">0.666667");
        assert_eq!(fixed(1.5, 11, 6), ">   1.500000");
        assert_eq!(fixed(12345.25, 3, 1), ">12345.2");
        // What the table showed when Rust formatted it, on values long and short.
        for v in [1e300, 123456.789, 0.0049999, 0.005, 99.995, 7e-7, 1.0 / 3.0] {
            for (width, precision) in [(6, 2), (11, 6), (0, 6)] {
                let rust = format!(">{v:>width$.precision$}");
                assert_eq!(fixed(v, width, precision), rust);
            }
        }
    }

    fn opts(columns: &str, sort: &str) -> SummaryOpts {
        SummaryOpts {
            columns: parse_columns(columns).expect("columns"),
            sort: parse_sort(sort).expect("sort"),
            clock: Clock::System,
            overhead: Duration::ZERO,
        }
    }

    /// read: 3 calls (1 failed) of 500us; write: 1 of 500us; getpid: 2 of 0.
    fn sample() -> Counts {
        let mut c = Counts::default();
        c.record(NR_GETPID, Duration::ZERO, false);
        c.record(NR_READ, us(500), false);
        c.record(NR_READ, us(400), true);
        c.record(NR_READ, us(600), false);
        c.record(NR_WRITE, us(500), false);
        c.record(NR_GETPID, Duration::ZERO, false);
        c
    }

    #[test]
    fn default_table() {
        let want = "\
% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 75.00    0.001500         500         3         1 read
 25.00    0.000500         500         1           write
  0.00    0.000000           0         2           getpid
------ ----------- ----------- --------- --------- ----------------
100.00    0.002000         333         6         1 total
";
        assert_eq!(sample().render(&SummaryOpts::default()), want);
    }

    #[test]
    fn sorted_by_calls_name_and_nothing() {
        let body = |sort: &str| -> Vec<String> {
            let text = sample().render(&opts("calls,name", sort));
            text.lines().skip(2).take(3).map(str::to_string).collect()
        };
        assert_eq!(
            body("calls"),
            ["        3 read", "        2 getpid", "        1 write"]
        );
        assert_eq!(
            body("name"),
            ["        2 getpid", "        3 read", "        1 write"]
        );
        assert_eq!(
            body("nothing"),
            ["        3 read", "        1 write", "        2 getpid"]
        );
        // Equal keys keep syscall number order.
        assert_eq!(
            body("errors"),
            ["        3 read", "        1 write", "        2 getpid"]
        );
        assert_eq!(
            body("max-time"),
            ["        3 read", "        1 write", "        2 getpid"]
        );
        assert_eq!(
            body("shortest"),
            ["        1 write", "        3 read", "        2 getpid"]
        );
    }

    #[test]
    fn every_column_name_not_last() {
        let want = "\
syscall              calls shortest  longest    errors     seconds  usecs/call % time
---------------- --------- -------- -------- --------- ----------- ----------- ------
read                     3 0.000400 0.000600         1    0.001500         500  75.00
write                    1 0.000500 0.000500              0.000500         500  25.00
getpid                   2 0.000000 0.000000              0.000000           0   0.00
---------------- --------- -------- -------- --------- ----------- ----------- ------
total                    6 0.000000 0.000600         1    0.002000         333 100.00
";
        let o = opts(
            "name,calls,min-time,max-time,errors,total-time,avg-time,time-percent",
            "time",
        );
        assert_eq!(sample().render(&o), want);
    }

    #[test]
    fn name_added_last_and_header_unpadded() {
        let text = sample().render(&opts("calls", "calls"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "    calls syscall");
        assert_eq!(lines[1], "--------- ----------------");
        assert_eq!(lines[6], "        6 total");
    }

    #[test]
    fn wide_values_widen_their_columns() {
        let mut c = Counts::default();
        // set_mempolicy_home_node (450): the name column grows to the longest name plus one.
        c.record(450, Duration::new(12345, 678_000_000), false);
        for _ in 0..3 {
            c.record(NR_WRITE, Duration::ZERO, true);
        }
        let want = "\
% time      seconds  usecs/call     calls    errors syscall
------ ------------ ----------- --------- --------- ------------------------
100.00 12345.678000 12345678000         1           set_mempolicy_home_node
  0.00     0.000000           0         3         3 write
------ ------------ ----------- --------- --------- ------------------------
100.00 12345.678000  3086419500         4         3 total
";
        assert_eq!(c.render(&SummaryOpts::default()), want);
    }

    #[test]
    fn min_and_max_widen_with_whole_seconds() {
        let mut c = Counts::default();
        c.record(NR_READ, Duration::new(100, 0), false);
        let text = c.render(&opts("min-time,max-time", "nothing"));
        // (No line continuation: it would eat the leading blanks.)
        let want = "  shortest    longest syscall
---------- ---------- ----------------
100.000000 100.000000 read
---------- ---------- ----------------
100.000000 100.000000 total
";
        assert_eq!(text, want);
    }

    #[test]
    fn unknown_numbers() {
        let mut c = Counts::default();
        // Past the table: not counted, so no table at all.
        c.record(1000, us(1), false);
        assert!(c.is_empty());
        assert_eq!(c.render(&SummaryOpts::default()), "");
        // A hole in the table: named as the trace names it.
        c.record(400, us(1), true);
        let text = c.render(&opts("errors,name", "time"));
        assert_eq!(text.lines().nth(2), Some("        1 syscall_0x190"));
    }

    #[test]
    fn average_rounds_to_the_nanosecond_then_truncates_to_microseconds() {
        let mut c = Counts::default();
        // 2999ns / 2 = 1499.5ns, rounded to 1500ns: 1 usec/call.
        c.record(NR_READ, Duration::from_nanos(1000), false);
        c.record(NR_READ, Duration::from_nanos(1999), false);
        let text = c.render(&opts("avg-time,total-time", "time"));
        assert_eq!(text.lines().nth(2), Some("          1    0.000003 read"));
    }

    #[test]
    fn column_and_sort_spellings() {
        assert_eq!(
            parse_columns("time,time_total,shortest,longest,time-avg,count,error,syscall_name"),
            Ok(vec![
                Column::TimePercent,
                Column::TotalTime,
                Column::MinTime,
                Column::MaxTime,
                Column::AvgTime,
                Column::Calls,
                Column::Errors,
                Column::Name,
            ])
        );
        assert_eq!(
            parse_columns("errors"),
            Ok(vec![Column::Errors, Column::Name])
        );
        assert_eq!(
            parse_columns("none"),
            Err("unknown column name: 'none'".to_string())
        );
        assert_eq!(
            parse_columns(""),
            Err("unknown column name: ''".to_string())
        );
        assert_eq!(
            parse_columns("calls,calls,name"),
            Err(
                "call summary column has been provided more than once: 'calls' \
                 (-U option residual: 'calls,name')"
                    .to_string()
            )
        );
        assert_eq!(parse_sort("nothing"), Ok(None));
        assert_eq!(parse_sort("none"), Ok(None));
        assert_eq!(parse_sort("count"), Ok(Some(Column::Calls)));
        assert_eq!(parse_sort("foo"), Err("invalid sortby: 'foo'".to_string()));
    }

    #[test]
    fn per_process_tables() {
        let mut s = Summary::new(SummaryOpts::default(), true);
        s.record(20, NR_READ, Duration::ZERO, false);
        s.record(10, NR_WRITE, Duration::ZERO, false);
        s.record(20, NR_READ, Duration::ZERO, false);
        let per: Vec<i32> = s.render_per_process().iter().map(|(p, _)| *p).collect();
        assert_eq!(per, [10, 20]);
        assert!(s.render_total().contains("         3           total"));
        let single = Summary::new(SummaryOpts::default(), false);
        assert!(single.render_per_process().is_empty());
    }

    /// `-O`: the overhead comes off each call, never below zero (strace's count_syscall).
    #[test]
    fn overhead_comes_off_each_call() {
        let opts = SummaryOpts {
            overhead: Duration::from_micros(100),
            ..SummaryOpts::default()
        };
        let mut s = Summary::new(opts, false);
        s.record(1, NR_READ, Duration::from_micros(350), false);
        s.record(1, NR_READ, Duration::from_micros(50), false);
        let row = &s.total.rows[NR_READ as usize];
        assert_eq!((row.time, row.min, row.max), (250_000, 0, 250_000));
    }
}
