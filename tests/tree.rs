//! `--tree` (beyond strace): the process tree printed at the end of a trace, and JSON's
//! `process` and `exec` events it can be rebuilt from (docs/json.md, README "The process
//! tree"). What varies from run to run (pids, times) is masked; nothing depends on the order
//! the scheduler runs the processes in: children are listed in the order their parent made
//! them, and each count is checked against the calls the trace itself shows.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};

/// A tree line split into its lead (the box drawing), pid, and the rest up to the counts;
/// the count and the time.
#[derive(Debug)]
struct TreeLine {
    lead: String,
    pid: u32,
    what: String,
    calls: u64,
}

fn parse_tree_line(line: &str) -> TreeLine {
    let digits = line.find(|c: char| c.is_ascii_digit()).expect(line);
    let (lead, rest) = line.split_at(digits);
    let (pid, rest) = rest.split_once(' ').expect(line);
    let (what, counts) = rest.rsplit_once("  ").expect(line);
    let (calls, time) = counts.split_once(' ').expect(line);
    let time = time
        .strip_prefix("syscalls ")
        .or_else(|| time.strip_prefix("syscall "))
        .expect(line);
    assert!(
        time.ends_with('s') && time[..time.len() - 1].parse::<f64>().is_ok(),
        "{line}"
    );
    TreeLine {
        lead: lead.to_string(),
        pid: pid.parse().expect(line),
        what: what.to_string(),
        calls: calls.parse().expect(line),
    }
}

/// The tree at the end of a `-f -o` trace (the lines after the last `+++` line) and the
/// trace before it.
fn split_tree(trace: &str) -> (&str, Vec<TreeLine>) {
    let end = trace.rfind("+++\n").expect("an end line") + 4;
    let tree = trace[end..].lines().map(parse_tree_line).collect();
    (&trace[..end], tree)
}

/// The lead, command and end of each line, pids replaced by `P0`, `P1`... in tree order.
fn shapes(tree: &[TreeLine]) -> Vec<String> {
    tree.iter()
        .enumerate()
        .map(|(i, l)| format!("{}P{i} {}", l.lead, l.what))
        .collect()
}

/// The calls a `-f` trace shows of `pid` that returned (what the tree counts).
fn returned_calls(per_pid: &PerPid, pid: u32) -> u64 {
    per_pid
        .of(pid)
        .iter()
        .filter(|l| syscall_name(l).is_some() && !l.ends_with("= ?"))
        .count() as u64
}

#[test]
fn a_pipeline_is_three_processes() {
    let run = trace(STRACE_RS, &["-f", "--tree"], &["sh", "-c", "ls / | wc -l"]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    // With -o the tree is in the file, and stderr has nothing of it.
    assert!(!run.stderr.contains("syscalls"), "{}", run.stderr);
    let (body, tree) = split_tree(&run.trace);
    assert_eq!(
        shapes(&tree),
        [
            "P0 sh -c \"ls / | wc -l\"  exited 0",
            "├─ P1 ls /  exited 0",
            "└─ P2 wc -l  exited 0",
        ],
        "{}",
        run.trace
    );
    let per_pid = split_by_pid(body);
    assert!(per_pid.errors.is_empty(), "{:?}", per_pid.errors);
    let root = tree[0].pid;
    assert_eq!(per_pid.root(), root);
    // The parent links are the trace's: the shell's forks returned the children's pids.
    for child in &tree[1..] {
        let made = per_pid.of(root).iter().any(|l| {
            matches!(syscall_name(l), Some("clone" | "clone3" | "fork" | "vfork"))
                && l.ends_with(&format!("= {}", child.pid))
        });
        assert!(made, "no fork of {} in {:?}", child.pid, per_pid.of(root));
    }
    // Each count is the number of that process's calls the trace shows returning.
    for l in &tree {
        assert_eq!(l.calls, returned_calls(&per_pid, l.pid), "pid {}", l.pid);
        assert!(l.calls > 10, "{l:?}");
    }
}

#[test]
fn killed_and_forked_children_in_order() {
    // A subshell that runs no program, one killed by a signal, one that exits with 3; the
    // shell waits for each before it makes the next, but the order would be creation order
    // anyway.
    let script = "(exit 3); sh -c 'kill -9 $$'; sh -c 'kill -15 $$'; exit 5";
    let run = trace(
        STRACE_RS,
        &["-f", "--tree", "-e", "trace=none"],
        &["sh", "-c", script],
    );
    assert_status(&run.status, "exited with 5", &run.stderr);
    let (_, tree) = split_tree(&run.trace);
    assert_eq!(
        shapes(&tree),
        [
            // The script cut at -s's 32 bytes, as the trace cuts strings.
            "P0 sh -c \"(exit 3); sh -c 'kill -9 $$'; sh\"...  exited 5",
            "├─ P1 (no execve)  exited 3",
            "├─ P2 sh -c \"kill -9 $$\"  killed by SIGKILL",
            "└─ P3 sh -c \"kill -15 $$\"  killed by SIGTERM",
        ],
        "{}",
        run.trace
    );
    // No syscall is traced: none is counted, and no time.
    for l in &tree {
        assert_eq!(l.calls, 0, "{l:?}");
    }
    assert!(
        run.trace.contains("0 syscalls 0.000000s\n"),
        "{}",
        run.trace
    );
}

#[test]
fn without_f_only_the_command_on_stderr() {
    let out = run(
        STRACE_RS,
        &["--tree", "-e", "trace=none", "sh", "-c", "ls / | wc -l"],
    );
    assert_status(&out.status, "exited with 0", &out.stderr);
    let last: Vec<&str> = out.stderr.lines().rev().take(2).collect();
    assert_eq!(last[1], "+++ exited with 0 +++", "{}", out.stderr);
    let line = parse_tree_line(last[0]);
    assert_eq!(
        (line.lead.as_str(), line.what.as_str(), line.calls),
        ("", "sh -c \"ls / | wc -l\"  exited 0", 0),
        "{}",
        out.stderr
    );
    assert!(last[0].ends_with("  0 syscalls 0.000000s"), "{}", last[0]);
}

#[test]
fn the_tree_goes_after_the_summary_and_counts_as_it_does() {
    // -c -w counts the same calls; with one process, the table's total is the tree's count.
    let run = trace(STRACE_RS, &["-c", "-w", "--tree"], &["sh", "-c", "exit 0"]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines: Vec<&str> = run.trace.lines().collect();
    let total = lines[lines.len() - 2];
    assert!(total.ends_with(" total"), "{}", run.trace);
    let tree = parse_tree_line(lines[lines.len() - 1]);
    assert_eq!(tree.what, "sh -c \"exit 0\"  exited 0");
    let calls: u64 = total.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert_eq!(tree.calls, calls, "{}", run.trace);
}

/// Attaches `strace-rs OPTS -p PID` to a `cat` reading a pipe, and closes the pipe once the
/// tracer said it attached (no timing): cat's pid and the tracer's whole stderr.
fn attach_to_cat(opts: &[&str]) -> (u32, String) {
    let mut cat = std::process::Command::new("cat")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = cat.id().to_string();
    // Attached once it waits in its read of the pipe (`/proc/PID/syscall`: number 0, fd 0),
    // past its start-up, so that what the trace shows of it is the same every time.
    let syscall = format!("/proc/{pid}/syscall");
    let since = std::time::Instant::now();
    while !std::fs::read_to_string(&syscall).is_ok_and(|s| s.starts_with("0 0x0 ")) {
        assert!(since.elapsed() < RUN_TIMEOUT, "cat never read its pipe");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let mut tracer = command(STRACE_RS);
    tracer.args(opts).args(["-p", &pid]);
    let mut child = tracer.spawn().unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("attached") {
        let mut line = String::new();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "{seen}");
        seen += &line;
    }
    drop(cat.stdin.take());
    std::io::Read::read_to_string(&mut stderr, &mut seen).unwrap();
    assert!(child.wait().unwrap().success(), "{seen}");
    cat.wait().unwrap();
    (cat.id(), seen)
}

#[test]
fn an_attached_process_shows_its_command_and_end() {
    let (pid, stderr) = attach_to_cat(&["--tree", "-e", "trace=read"]);
    let line = parse_tree_line(stderr.lines().last().unwrap());
    assert_eq!(line.pid, pid);
    assert_eq!(line.what, "cat -  exited 0", "{stderr}");
    // Its reads the trace shows: the one the attach interrupted, restarted, unless the
    // pipe's end came first and it returned before the tracer could stop it (then none).
    let reads = stderr.matches("read(").count() as u64;
    assert_eq!(line.calls, reads, "{stderr}");
}

#[test]
fn an_attached_process_in_json_has_its_parent() {
    let (pid, stderr) = attach_to_cat(&["--json", "-e", "trace=none"]);
    let me = std::process::id() as u64;
    let events: Vec<Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<(&str, u64, u64)> = events
        .iter()
        .map(|e| {
            let ppid = e.get("ppid").and_then(Value::as_u64).unwrap_or(0);
            (
                e["event"].as_str().unwrap(),
                e["pid"].as_u64().unwrap(),
                ppid,
            )
        })
        .collect();
    let pid = pid as u64;
    // No exec happened while traced: the process is known by its `process` event alone.
    assert_eq!(
        kinds,
        [
            ("process", pid, me),
            ("attached", pid, me),
            ("exit", pid, 0)
        ],
        "{stderr}"
    );
}

/// Each process's execs' arguments.
type Execs = BTreeMap<u32, Vec<Vec<String>>>;

/// The `process` and `exec` events of a JSON trace: each process with its parent, and
/// the argv of each exec, in order.
fn lineage(json: &str) -> (Vec<(u32, u32)>, Execs) {
    let mut procs = Vec::new();
    let mut execs = Execs::new();
    for line in json.lines() {
        let e: Value = serde_json::from_str(line).unwrap();
        let pid = e["pid"].as_u64().unwrap() as u32;
        match e["event"].as_str().unwrap() {
            "process" => procs.push((pid, e["ppid"].as_u64().unwrap() as u32)),
            "exec" => {
                let argv = e["argv"].as_array().unwrap();
                let argv = argv.iter().map(|a| a["str"].as_str().unwrap().into());
                execs.entry(pid).or_default().push(argv.collect());
                assert!(e["exe"]["str"].as_str().unwrap().starts_with('/'), "{e}");
            }
            _ => {}
        }
    }
    (procs, execs)
}

/// Runs `strace-rs -f --json --tree -o FILE OPTS sh -c 'ls / | wc -l'`: the tracer's pid, its
/// stderr and the JSON.
fn json_pipeline(opts: &[&str]) -> (u32, String, String) {
    let dir = TempDir::new();
    let file = dir.join("trace.jsonl");
    let mut tracer = command(STRACE_RS);
    tracer
        .args(["-f", "--json", "--tree", "-o"])
        .arg(&file)
        .args(opts)
        .args(["sh", "-c", "ls / | wc -l"]);
    let child = tracer.spawn().unwrap();
    let tracer_pid = child.id();
    let out = wait_output(child, "strace-rs --json --tree");
    assert_status(&out.status, "exited with 0", &out.stderr);
    let json = std::fs::read_to_string(&file).unwrap();
    (tracer_pid, out.stderr, json)
}

#[test]
fn json_process_and_exec_events_agree_with_the_tree() {
    // Not quiet (`-o FILE PROG` implies -q): the `attached` events are there too.
    let (tracer_pid, stderr, json) = json_pipeline(&["-e", "quiet=none"]);
    let (procs, execs) = lineage(&json);
    assert_eq!(procs.len(), 3, "{json}");
    let (root, child1, child2) = (procs[0].0, procs[1].0, procs[2].0);
    // The command's parent is the tracer; the children's the shell.
    assert_eq!(procs, [(root, tracer_pid), (child1, root), (child2, root)]);
    let argv = |pid| execs[&pid].clone();
    assert_eq!(argv(root), [["sh", "-c", "ls / | wc -l"]]);
    assert_eq!(argv(child1), [["ls", "/"]]);
    assert_eq!(argv(child2), [["wc", "-l"]]);
    // With --json the tree goes to stderr, and it is the same tree.
    let tree: Vec<TreeLine> = stderr.lines().map(parse_tree_line).collect();
    let pids: Vec<u32> = tree.iter().map(|l| l.pid).collect();
    assert_eq!(pids, [root, child1, child2], "{stderr}");
    assert_eq!(shapes(&tree)[1], "├─ P1 ls /  exited 0");
    // The `attached` events of the followed children name the shell as their parent.
    let attached: Vec<(u64, u64)> = json
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|e| e["event"] == "attached")
        .map(|e| (e["pid"].as_u64().unwrap(), e["ppid"].as_u64().unwrap()))
        .collect();
    let (c1, c2, sh) = (child1 as u64, child2 as u64, root as u64);
    assert_eq!(attached, [(c1, sh), (c2, sh)], "{json}");
    // Every event fits the schema's events.
    for line in json.lines() {
        let e: Value = serde_json::from_str(line).unwrap();
        let kind = e["event"].as_str().unwrap();
        assert!(
            ["syscall", "signal", "exit", "process", "exec", "attached"].contains(&kind),
            "{line}"
        );
    }
}

/// The jq program of docs/json.md's process tree example.
fn jq_example() -> String {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json.md")).unwrap();
    let at = doc.find("# The process tree").expect("the example");
    let start = at + doc[at..].find("jq -rs '").unwrap() + "jq -rs '".len();
    let end = start + doc[start..].find("' trace.jsonl").unwrap();
    doc[start..end].to_string()
}

/// What the jq example computes, computed here: each process, indented two spaces per level
/// under its parent, with its execs' arguments as JSON strings and its end.
fn tree_like_the_example(json: &str) -> String {
    let events: Vec<Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let procs: Vec<(u64, u64)> = events
        .iter()
        .filter(|e| e["event"] == "process")
        .map(|e| (e["pid"].as_u64().unwrap(), e["ppid"].as_u64().unwrap()))
        .collect();
    let mut cmds: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    let mut ends: BTreeMap<u64, String> = BTreeMap::new();
    for e in &events {
        let pid = e["pid"].as_u64().unwrap();
        match e["event"].as_str().unwrap() {
            "exec" => {
                let args: Vec<String> = e["argv"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a["str"].to_string())
                    .collect();
                cmds.entry(pid).or_default().push(args.join(" "));
            }
            "exit" => drop(ends.insert(pid, format!("exited {}", e["code"]))),
            "killed" => {
                let name = e["signal"]["name"].as_str().unwrap();
                ends.insert(pid, format!("killed by {name}"));
            }
            _ => {}
        }
    }
    fn show(
        out: &mut String,
        pid: u64,
        indent: &str,
        procs: &[(u64, u64)],
        cmds: &BTreeMap<u64, Vec<String>>,
        ends: &BTreeMap<u64, String>,
    ) {
        let cmd = cmds
            .get(&pid)
            .map_or("(no execve)".into(), |c| c.join(" -> "));
        let end = ends.get(&pid).map_or("still running", String::as_str);
        *out += &format!("{indent}{pid} {cmd}  {end}\n");
        for (child, _) in procs.iter().filter(|(_, ppid)| *ppid == pid) {
            show(out, *child, &format!("{indent}  "), procs, cmds, ends);
        }
    }
    let mut out = String::new();
    for (pid, ppid) in &procs {
        if procs.iter().all(|(p, _)| p != ppid) {
            show(&mut out, *pid, "", &procs, &cmds, &ends);
        }
    }
    out
}

#[test]
fn the_jq_example_draws_the_tree() {
    let (_, _, json) = json_pipeline(&[]);
    let (procs, _) = lineage(&json);
    let (root, a, b) = (procs[0].0, procs[1].0, procs[2].0);
    let want = format!(
        "{root} \"sh\" \"-c\" \"ls / | wc -l\"  exited 0\n  {a} \"ls\" \"/\"  exited 0\n  \
         {b} \"wc\" \"-l\"  exited 0\n"
    );
    assert_eq!(tree_like_the_example(&json), want);
    if !std::path::Path::new("/usr/bin/jq").exists() {
        eprintln!("jq is not installed: the example's logic was checked without it");
        return;
    }
    let dir = TempDir::new();
    let file = dir.join("trace.jsonl");
    std::fs::write(&file, &json).unwrap();
    let program = jq_example();
    let args: [&std::ffi::OsStr; 3] = ["-rs".as_ref(), program.as_ref(), file.as_os_str()];
    let out = run("/usr/bin/jq", &args);
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(out.stdout, want);
}

#[test]
fn threads_count_into_their_process() {
    // h_threads: 8 threads each make 50 writes; the tree has one process with every call.
    let (dir, run) = trace_helper(STRACE_RS, &["-f", "--tree", "-s", "200"], "h_threads", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let (body, tree) = split_tree(&run.trace);
    let exe = helper("h_threads");
    let want = format!("P0 {} {}  exited 0", exe.display(), dir.as_str());
    assert_eq!(shapes(&tree), [want], "{:?}", shapes(&tree));
    let per_pid = split_by_pid(body);
    assert!(per_pid.errors.is_empty(), "{:?}", per_pid.errors);
    assert_eq!(per_pid.order.len(), 9, "{body}");
    let all: u64 = per_pid
        .order
        .iter()
        .map(|p| returned_calls(&per_pid, *p))
        .sum();
    assert_eq!(tree[0].calls, all);
}

#[test]
fn a_thread_execve_is_its_process_exec() {
    // h_thexec: a thread other than the leader runs /bin/true, under the leader's pid.
    let (dir, run) = trace_helper(STRACE_RS, &["-f", "--tree", "-s", "200"], "h_thexec", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let (body, tree) = split_tree(&run.trace);
    let exe = helper("h_thexec");
    let want = format!(
        "P0 {} {} → /bin/true  exited 0",
        exe.display(),
        dir.as_str()
    );
    assert_eq!(shapes(&tree), [want], "{:?}", shapes(&tree));
    // Both threads' calls count, the execve once (it ends under the leader's pid).
    let per_pid = split_by_pid(body);
    assert_eq!(per_pid.order.len(), 2, "{body}");
    let all: u64 = per_pid
        .order
        .iter()
        .map(|p| returned_calls(&per_pid, *p))
        .sum();
    assert_eq!(tree[0].calls, all, "{body}");
}
