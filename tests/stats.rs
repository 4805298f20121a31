//! The summary options `-c`, `-C`, `-S`, `-U`, `-w` compared with Debian's strace 6.1 on
//! `tests/helpers/h_stats.c`, and the per-process tables of `-c -ff -o NAME` (beyond strace).
//!
//! Times differ from run to run, so every digit in a time column (`% time`, `seconds`,
//! `usecs/call`, `shortest`, `longest`) is masked; everything else (the header, the dashed lines,
//! calls, errors, names, the order under `-S calls`/`-S name`/`-S nothing`, every column's width)
//! is compared exactly. Under the default `-S time` the order depends on the times, so the rows
//! are compared as a set and strace-rs's order is checked against its own seconds column.

mod common;

use common::*;
use std::ffi::OsString;

const TIME_HEADERS: &[&str] = &["% time", "seconds", "usecs/call", "shortest", "longest"];

/// The summary table in `text`: from the header (the line before the first dashed line) to the
/// total line (the line after the second dashed line).
fn table(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let is_dashes = |l: &str| l.starts_with('-') && l.chars().all(|c| c == '-' || c == ' ');
    let first = lines
        .iter()
        .position(|l| is_dashes(l))
        .unwrap_or_else(|| panic!("no summary table in:\n{text}"));
    let second = first
        + 1
        + lines[first + 1..]
            .iter()
            .position(|l| is_dashes(l))
            .unwrap_or_else(|| panic!("no closing dashes in:\n{text}"));
    assert!(
        first >= 1 && second + 1 < lines.len(),
        "cut table in:\n{text}"
    );
    lines[first - 1..=second + 1]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// The columns' byte ranges, from the dashed line under the header.
fn spans(table: &[String]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in table[1].char_indices().chain([(table[1].len(), ' ')]) {
        match (c, start) {
            ('-', None) => start = Some(i),
            (' ', Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Every cell of a time column (but the header) replaced by `#`s over the column's whole width:
/// the values differ, the layout does not.
fn mask_times(table: &[String]) -> Vec<String> {
    let spans = spans(table);
    let timed: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|(s, e)| {
            let head = table[0].get(*s..(*e).min(table[0].len())).unwrap_or("");
            TIME_HEADERS.contains(&head.trim())
        })
        .collect();
    let mut masked = table[..2].to_vec();
    for line in &table[2..] {
        let mut line = line.clone();
        if !line.starts_with('-') {
            for (s, e) in &timed {
                if *e <= line.len() {
                    line.replace_range(*s..*e, &"#".repeat(e - s));
                }
            }
        }
        masked.push(line);
    }
    masked
}

/// Runs `tracer -o FILE opts -- h_stats DIR mode`.
fn stats_run(tracer: &str, opts: &[&str], mode: &[&str]) -> Run {
    let (_dir, run) = trace_helper(tracer, opts, "h_stats", mode);
    assert!(
        run.status.success(),
        "{tracer} {opts:?}: {:?}\n{}",
        run.status,
        run.stderr
    );
    run
}

/// The tables of strace-rs and strace for the same options, times masked.
fn both_tables(opts: &[&str], mode: &[&str]) -> Option<(Vec<String>, Vec<String>)> {
    if !real_strace_available() {
        return None;
    }
    let ours = stats_run(STRACE_RS, opts, mode);
    let theirs = stats_run(REAL_STRACE, opts, mode);
    Some((
        mask_times(&table(&ours.trace)),
        mask_times(&table(&theirs.trace)),
    ))
}

#[test]
fn calls_errors_names_and_order_as_strace() {
    for sort in ["calls", "name", "nothing", "count", "syscall", "errors"] {
        let Some((ours, theirs)) = both_tables(&["-c", "-S", sort], &[]) else {
            return;
        };
        assert_lines(&ours, &theirs);
    }
}

#[test]
fn default_sort_by_time() {
    let Some((ours, theirs)) = both_tables(&["-c"], &[]) else {
        return;
    };
    let n = ours.len();
    assert_eq!(ours[..2], theirs[..2], "header and dashes");
    assert_eq!(ours[n - 2..], theirs[n - 2..], "dashes and total");
    let sorted = |t: &[String]| {
        let mut rows = t[2..t.len() - 2].to_vec();
        rows.sort();
        rows
    };
    assert_lines(&sorted(&ours), &sorted(&theirs));
    // strace-rs's own rows are in decreasing order of seconds.
    let run = stats_run(STRACE_RS, &["-c"], &[]);
    let t = table(&run.trace);
    let secs: Vec<f64> = t[2..t.len() - 2]
        .iter()
        .map(|l| l[7..18].trim().parse().expect("seconds"))
        .collect();
    assert!(secs.windows(2).all(|w| w[0] >= w[1]), "{t:#?}");
}

#[test]
fn columns_as_strace() {
    for columns in [
        "name,calls,errors,min-time,max-time",
        "time-percent,avg-time,count,syscall_name,errors",
        "errors",
        "shortest,longest,total-time,time",
        "calls,name,time_total,error",
    ] {
        let Some((ours, theirs)) = both_tables(&["-c", "-S", "calls", "-U", columns], &[]) else {
            return;
        };
        assert_lines(&ours, &theirs);
        let Some((ours, theirs)) =
            both_tables(&["-c", "-S", "name", "--summary-columns", columns], &[])
        else {
            return;
        };
        assert_lines(&ours, &theirs);
    }
}

#[test]
fn long_options_as_short_ones() {
    let Some((ours, theirs)) = both_tables(
        &[
            "--summary-only",
            "--summary-sort-by=calls",
            "--summary-columns=calls,errors,name",
        ],
        &[],
    ) else {
        return;
    };
    assert_lines(&ours, &theirs);
}

#[test]
fn summary_on_stderr_without_o() {
    if !real_strace_available() {
        return;
    }
    let dir = TempDir::new();
    let exe = helper("h_stats").into_os_string();
    let args: Vec<OsString> = vec![
        "-c".into(),
        "-S".into(),
        "calls".into(),
        exe,
        dir.path().into(),
    ];
    let ours = run(STRACE_RS, &args);
    let theirs = run(REAL_STRACE, &args);
    assert!(ours.status.success(), "{}", ours.stderr);
    assert_lines(
        &mask_times(&table(&ours.stderr)),
        &mask_times(&table(&theirs.stderr)),
    );
    // Nothing but the table: no trace line, no exit line.
    assert!(ours.stderr.starts_with("% time "), "{}", ours.stderr);
    assert_eq!(ours.stderr.lines().count(), table(&ours.stderr).len());
}

#[test]
fn summary_only_prints_no_trace() {
    let run = stats_run(STRACE_RS, &["-c"], &[]);
    assert!(
        run.trace
            .starts_with("% time     seconds  usecs/call     calls    errors syscall\n")
    );
    assert!(!run.trace.contains("+++"), "{}", run.trace);
    assert_eq!(run.trace.lines().count(), table(&run.trace).len());
}

#[test]
fn nothing_counted_prints_nothing() {
    let ours = stats_run(STRACE_RS, &["-c", "-e", "trace=none"], &[]);
    assert_eq!(ours.trace, "");
    if real_strace_available() {
        let theirs = stats_run(REAL_STRACE, &["-c", "-e", "trace=none"], &[]);
        assert_eq!(theirs.trace, "");
    }
}

#[test]
fn trace_filter_limits_the_count() {
    let Some((ours, theirs)) = both_tables(&["-c", "-S", "calls", "-e", "trace=getpid,close"], &[])
    else {
        return;
    };
    assert_lines(&ours, &theirs);
    assert_eq!(ours.len(), 6, "{ours:#?}");
}

#[test]
fn trace_and_summary_with_big_c() {
    if !real_strace_available() {
        return;
    }
    let ours = stats_run(STRACE_RS, &["-C", "-S", "calls"], &[]);
    let theirs = stats_run(REAL_STRACE, &["-C", "-S", "calls"], &[]);
    assert_lines(
        &mask_times(&table(&ours.trace)),
        &mask_times(&table(&theirs.trace)),
    );
    let trace_part = |text: &str| {
        let t = table(text);
        let cut = text.find(&format!("{}\n", t[0])).expect("table start");
        text[..cut].to_string()
    };
    let (ours_trace, theirs_trace) = (trace_part(&ours.trace), trace_part(&theirs.trace));
    assert!(
        ours_trace.ends_with("+++ exited with 0 +++\n"),
        "{ours_trace}"
    );
    assert_lines(
        &after_marker(&mask(&ours_trace)),
        &after_marker(&mask(&theirs_trace)),
    );
    // The table is the same as -c alone gives.
    let only = stats_run(STRACE_RS, &["-c", "-S", "calls"], &[]);
    assert_lines(
        &mask_times(&table(&only.trace)),
        &mask_times(&table(&ours.trace)),
    );
}

/// The `seconds` of syscall `name` in a default-layout table.
fn seconds_of(table: &[String], name: &str) -> f64 {
    let row = table
        .iter()
        .find(|l| l.split_whitespace().last() == Some(name))
        .unwrap_or_else(|| panic!("no {name} in {table:#?}"));
    row[7..18].trim().parse().expect("seconds")
}

#[test]
fn wall_clock() {
    let Some((ours, theirs)) = both_tables(&["-c", "-w", "-S", "calls"], &["sleep"]) else {
        return;
    };
    assert_lines(&ours, &theirs);
    let wall = stats_run(STRACE_RS, &["-c", "-w"], &["sleep"]);
    let wall = table(&wall.trace);
    assert!(seconds_of(&wall, "nanosleep") >= 0.019, "{wall:#?}");
    // Sorted by those times. (Not "the sleep sorts first": on a busy machine the wall time of
    // a dozen mmaps, each waiting for the tracer and the tracee to get a CPU back, can add up
    // to more than 20 ms.)
    let secs: Vec<f64> = wall[2..wall.len() - 2]
        .iter()
        .map(|l| l[7..18].trim().parse().expect("seconds"))
        .collect();
    assert!(secs.windows(2).all(|w| w[0] >= w[1]), "{wall:#?}");
    let long = stats_run(STRACE_RS, &["-c", "--summary-wall-clock"], &["sleep"]);
    assert!(seconds_of(&table(&long.trace), "nanosleep") >= 0.019);
    // System time: sleeping costs (next to) none.
    let system = stats_run(STRACE_RS, &["-c"], &["sleep"]);
    assert!(seconds_of(&table(&system.trace), "nanosleep") < 0.010);
}

#[test]
fn follow_forks_counts_every_process() {
    let Some((ours, theirs)) = both_tables(&["-f", "-c", "-S", "calls"], &["fork"]) else {
        return;
    };
    assert_lines(&ours, &theirs);
    assert!(ours.iter().any(|l| l.ends_with(" getppid")), "{ours:#?}");
}

/// `-c -ff -o NAME`: the table of all processes on stderr (as strace -f -c's), one table per
/// process appended to NAME.PID.
#[test]
fn per_process_tables_with_ff() {
    let dir = TempDir::new();
    let base = dir.join("out");
    let exe = helper("h_stats");
    let work = TempDir::new();
    let mut args: Vec<OsString> = ["-c", "-S", "calls", "-ff", "-o"]
        .iter()
        .map(OsString::from)
        .collect();
    args.push(base.clone().into_os_string());
    args.extend([exe.into_os_string(), work.path().into(), "fork".into()]);
    let ours = run(STRACE_RS, &args);
    assert!(ours.status.success(), "{}", ours.stderr);
    let total = table(&ours.stderr);
    let mut files: Vec<(i32, String)> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let pid = name.strip_prefix("out.")?.parse().ok()?;
            Some((pid, std::fs::read_to_string(e.path()).ok()?))
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:#?}");
    // Each file is one table and nothing else (-c: no trace).
    for (_, text) in &files {
        assert_eq!(text.lines().count(), table(text).len(), "{text}");
    }
    let rows = |t: &[String]| -> Vec<(String, u64)> {
        t[2..t.len() - 2]
            .iter()
            .map(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                (
                    words[words.len() - 1].to_string(),
                    words[3].parse().expect("calls"),
                )
            })
            .collect()
    };
    // The child: exactly what it did after the fork.
    let child = table(&files[1].1);
    assert_eq!(
        rows(&child),
        [("getppid".to_string(), 4), ("nanosleep".to_string(), 1)]
    );
    // The parent's and the child's calls add up to the total, syscall by syscall.
    let parent = table(&files[0].1);
    let mut sum: Vec<(String, u64)> = rows(&parent);
    for (name, calls) in rows(&child) {
        match sum.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 += calls,
            None => sum.push((name, calls)),
        }
    }
    let mut want = rows(&total);
    sum.sort();
    want.sort();
    assert_eq!(sum, want);
    if real_strace_available() {
        // The total is what strace -f -c prints.
        let theirs = stats_run(REAL_STRACE, &["-f", "-c", "-S", "calls"], &["fork"]);
        assert_lines(&mask_times(&total), &mask_times(&table(&theirs.trace)));
    }
}

/// `-C -ff -o NAME`: each NAME.PID holds the process's trace, then its table.
#[test]
fn per_process_trace_and_table_with_big_c_ff() {
    let dir = TempDir::new();
    let base = dir.join("out");
    let exe = helper("h_stats");
    let work = TempDir::new();
    let mut args: Vec<OsString> = ["-C", "-ff", "-o"].iter().map(OsString::from).collect();
    args.push(base.clone().into_os_string());
    args.extend([exe.into_os_string(), work.path().into(), "fork".into()]);
    let ours = run(STRACE_RS, &args);
    assert!(ours.status.success(), "{}", ours.stderr);
    assert!(ours.stderr.contains("% time"), "{}", ours.stderr);
    let mut n = 0;
    for entry in std::fs::read_dir(dir.path()).expect("read dir").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let t = table(&text);
        let before = &text[..text.find("% time").expect("table")];
        assert!(before.ends_with("+++ exited with 0 +++\n"), "{text}");
        assert!(text.ends_with(&format!("{}\n", t[t.len() - 1])));
        n += 1;
    }
    assert_eq!(n, 2);
}

/// strace's words for bad option combinations, with strace-rs's name.
#[test]
fn option_errors_as_strace() {
    let exe = helper("h_stats").into_os_string();
    let dir = TempDir::new();
    let cases: &[&[&str]] = &[
        &["-c", "-C"],
        &["-C", "-c"],
        &["-c", "-S", "foo"],
        &["-c", "-U", "foo"],
        &["-c", "-U", "none"],
        &["-c", "-U", "calls,calls,name"],
        &["-c", "-U", ""],
        &["-w"],
        &["-U", "calls"],
        // Without -o (no per-process files), strace's refusal.
        &["-c", "-ff"],
        &["-C", "--output-separately"],
    ];
    for opts in cases {
        let mut args: Vec<OsString> = opts.iter().map(OsString::from).collect();
        args.extend([exe.clone(), dir.path().into()]);
        let ours = run(STRACE_RS, &args);
        assert_eq!(ours.status.code(), Some(1), "{opts:?}: {}", ours.stderr);
        if real_strace_available() {
            let theirs = run(REAL_STRACE, &args);
            let want = theirs.stderr.replace(REAL_STRACE, "strace-rs");
            assert_eq!(ours.stderr, want, "{opts:?}");
        }
    }
    // Warnings: the trace goes on.
    for (opts, warning) in [
        (
            &["-S", "calls"][..],
            "strace-rs: -S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)",
        ),
        (
            &["-c", "-T"][..],
            "strace-rs: -T/--syscall-times has no effect with -c/--summary-only",
        ),
    ] {
        let mut args: Vec<OsString> = opts.iter().map(OsString::from).collect();
        args.extend([exe.clone(), dir.path().into()]);
        let ours = run(STRACE_RS, &args);
        assert!(ours.status.success(), "{opts:?}: {}", ours.stderr);
        assert_eq!(ours.stderr.lines().next(), Some(warning), "{opts:?}");
        if real_strace_available() {
            let theirs = run(REAL_STRACE, &args);
            assert_eq!(
                theirs
                    .stderr
                    .lines()
                    .next()
                    .map(|l| l.replace(REAL_STRACE, "strace-rs")),
                Some(warning.to_string())
            );
        }
    }
}
