//! `--json`: the JSON and the text renderings of a trace agree, every line fits
//! docs/json-schema.json, and the schema covers every argument kind of the spec.
//!
//! Round-trip method: the hidden developer option `--json-and-text=FILE` makes the tracer
//! render every event twice from the same stop (the tracee is stopped, so both renderers see
//! the same registers and memory): the text to `-o`, the JSON to FILE. The test converts each
//! JSON event back to strace's text (`to_text` below, using nothing but the JSON) and compares
//! with the text, per process (JSON events come at syscall exit, text lines start at entry, so
//! only each process's own order is comparable). Text lines split by other processes
//! (`<unfinished ...>` / `<... NAME resumed>`) are joined first. Two things the text shows that
//! the JSON does not always carry are normalised: the padding before ` = ` (text side) and the
//! comment naming an unknown value's prefix, `0x100 /* PROT_??? */` -> `/* ??? */` (both sides:
//! an unknown enum or flag carries no prefix, while a comment's word such as
//! `"FUTEX_OP_???"` does). One value needs to know its kind: a `struct rlimit` field the text
//! shows in KiB (`rlim_text`).

mod common;
#[path = "../src/kinds.rs"]
#[allow(dead_code)]
mod kinds;

use common::*;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// JSON back to strace's text
// ---------------------------------------------------------------------------

/// `%#x` as C prints it.
fn c_hex(v: u64) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("{v:#x}")
    }
}

/// A `"0x..."` JSON string as C's `%#x`.
fn hex_field(v: &Value) -> String {
    let s = v.as_str().expect("hex string");
    c_hex(u64::from_str_radix(s.trim_start_matches("0x"), 16).expect("hex digits"))
}

/// The bytes a `{"str": ...}` stands for.
fn str_bytes(o: &Map<String, Value>) -> Vec<u8> {
    let s = o["str"].as_str().expect("str");
    if o.get("latin1") == Some(&Value::Bool(true)) {
        s.chars()
            .map(|c| u8::try_from(u32::from(c)).expect("latin1 char"))
            .collect()
    } else {
        s.as_bytes().to_vec()
    }
}

/// strace's C-style escaping (the text renderer's rule).
fn c_escape(bytes: &[u8]) -> String {
    c_escape_also(bytes, b"")
}

/// As `c_escape`, escaping the printable bytes of `also` too (`<>` in descriptor paths).
fn c_escape_also(bytes: &[u8], also: &[u8]) -> String {
    let mut out = String::new();
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            0x0b => out.push_str("\\v"),
            0x0c => out.push_str("\\f"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e if !also.contains(&c) => out.push(c as char),
            _ => {
                let next_octal = matches!(bytes.get(i + 1), Some(b'0'..=b'7'));
                if next_octal || c >= 0o100 {
                    out.push_str(&format!("\\{:03o}", c));
                } else if c >= 0o10 {
                    out.push_str(&format!("\\{:o}", c));
                } else {
                    out.push_str(&format!("\\{c}"));
                }
            }
        }
    }
    out
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|n| n.as_str().expect("name").to_string())
        .collect()
}

/// A flags object as the text's flag printer writes it.
fn flags_text(o: &Map<String, Value>) -> String {
    let mut parts = Vec::new();
    if let Some(f) = o.get("unknown_field") {
        parts.push(format!("{} /* ??? */", c_hex(f.as_u64().unwrap())));
    }
    parts.extend(names(&o["names"]));
    let unknown = o["unknown"].as_u64().expect("unknown");
    if unknown != 0 {
        if parts.is_empty() && o.contains_key("unknown_name") {
            parts.push(format!("{} /* ??? */", c_hex(unknown)));
        } else {
            parts.push(c_hex(unknown));
        }
    }
    if let Some(s) = o.get("shifted") {
        parts.push(format!("{}<<{}", s["value"], s["name"].as_str().unwrap()));
    }
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join("|")
    }
}

/// An enum object: its name, or the unknown value in hex.
fn enum_text(o: &Map<String, Value>) -> String {
    match o.get("name") {
        Some(n) => n.as_str().unwrap().to_string(),
        None => format!("{} /* ??? */", c_hex(o["raw"].as_u64().unwrap())),
    }
}

/// The bytes of a `"path"` key (with `"path_latin1"`).
fn path_bytes(o: &Map<String, Value>) -> Vec<u8> {
    let s = o["path"].as_str().expect("path");
    if o.get("path_latin1") == Some(&Value::Bool(true)) {
        s.chars()
            .map(|c| u8::try_from(u32::from(c)).expect("latin1 char"))
            .collect()
    } else {
        s.as_bytes().to_vec()
    }
}

/// What `-y`/`-yy` show after a descriptor: `</etc/passwd>`, `<TCP:[...]>`; empty without.
fn fd_info_text(o: &Map<String, Value>) -> String {
    if !o.contains_key("path") {
        return String::new();
    }
    let path = c_escape_also(&path_bytes(o), b"<>");
    if let Some(d) = o.get("device") {
        return format!(
            "<{path}<{} {}:{}>>",
            d["type"].as_str().unwrap(),
            d["major"],
            d["minor"]
        );
    }
    if let Some(pid) = o.get("pidfd") {
        return format!("<pid:{pid}>");
    }
    if let Some(set) = o.get("signalfd") {
        return format!("<signalfd:{}>", value(set));
    }
    if let Some(ev) = o.get("eventfd") {
        let count = ev["count"].as_u64().unwrap();
        let mut text = match count {
            0 => "<{eventfd-count=0".to_string(),
            n => format!("<{{eventfd-count={n:#x}"),
        };
        for key in ["id", "semaphore"] {
            if let Some(v) = ev.get(key) {
                text += &format!(", eventfd-{key}={v}");
            }
        }
        return text + "}>";
    }
    if let Some(sock) = o.get("socket") {
        let proto = sock["proto"].as_str().unwrap();
        let addr = |ip: &Value, port: &Value| {
            let ip = ip.as_str().unwrap();
            if ip.contains(':') {
                format!("[{ip}]:{port}")
            } else {
                format!("{ip}:{port}")
            }
        };
        let body = if let Some(src) = sock.get("src") {
            let mut b = addr(src, &sock["sport"]);
            if let Some(dst) = sock.get("dst") {
                b += &format!("->{}", addr(dst, &sock["dport"]));
            }
            b
        } else if sock.get("protocol").is_some() {
            match sock.get("family") {
                Some(f) => format!("{}:{}", f.as_str().unwrap(), sock["portid"]),
                None => sock["protocol"].to_string(),
            }
        } else {
            let mut b = sock["inode"].to_string();
            if let Some(peer) = sock.get("peer") {
                b += &format!("->{peer}");
            }
            if let Some(name) = sock.get("name") {
                let at = if name.get("abstract").is_some() {
                    "@"
                } else {
                    ""
                };
                b += &format!(
                    ",{at}\"{}\"",
                    c_escape(&str_bytes(name.as_object().unwrap()))
                );
            }
            b
        };
        return format!("<{proto}:[{body}]>");
    }
    let deleted = if o.contains_key("deleted") {
        "(deleted)"
    } else {
        ""
    };
    format!("<{path}>{deleted}")
}

/// The keys a descriptor object can have.
const FD_KEYS: [&str; 9] = [
    "fd",
    "path",
    "path_latin1",
    "deleted",
    "device",
    "pidfd",
    "socket",
    "signalfd",
    "eventfd",
];

fn is_fd_obj(o: &Map<String, Value>) -> bool {
    o.get("fd").is_some_and(Value::is_number) && o.keys().all(|k| FD_KEYS.contains(&k.as_str()))
}

fn sig(v: &Value) -> String {
    v["name"].as_str().expect("signal name").to_string()
}

/// `items`, each as `f` shows it, joined by `sep`.
fn join(items: &Value, sep: &str, f: fn(&Value) -> String) -> String {
    let items = items.as_array().expect("array");
    items.iter().map(f).collect::<Vec<_>>().join(sep)
}

/// One value as the text renderer shows it.
fn value(v: &Value) -> String {
    match v {
        // A centi number (`0.04` seconds in a comment) keeps its two decimals.
        Value::Number(n) if n.is_f64() => format!("{:.2}", n.as_f64().unwrap()),
        Value::Number(n) => n.to_string(),
        // A word or a date: the text itself.
        Value::String(s) => s.clone(),
        Value::Array(_) => format!("[{}]", join(v, ", ", value)),
        Value::Object(o) => object(o),
        other => panic!("no value kind is {other}"),
    }
}

/// A member of a set: signals lose their `SIG` there (`[INT TERM]`).
fn set_member(v: &Value) -> String {
    let s = value(v);
    match v.get("signo") {
        Some(_) => s.strip_prefix("SIG").unwrap_or(&s).to_string(),
        None => s,
    }
}

/// A test, `{WIFEXITED(s) && WEXITSTATUS(s) == 0}`: a member that is `true` is its key alone,
/// any other is `key == value`, where an `or` is spaced (`SIGTRAP | 0x80`).
fn test_text(members: &Map<String, Value>) -> String {
    let parts: Vec<String> = members
        .iter()
        .map(|(k, v)| match v {
            Value::Bool(true) => k.clone(),
            _ => match v.get("or") {
                Some(items) => format!("{k} == {}", join(items, " | ", value)),
                None => format!("{k} == {}", value(v)),
            },
        })
        .collect();
    format!("{{{}}}", parts.join(" && "))
}

/// A field of `struct rlimit`: the only values the text shows in KiB (`8192*1024`, any
/// non-zero multiple of 1024), where the JSON has the plain number. The JSON does not say a
/// number is a limit, so the field names do (src/decode/structs.rs writes these two only).
fn rlim_text(field: &str, v: &Value) -> Option<String> {
    let n = v
        .as_u64()
        .filter(|_| matches!(field, "rlim_cur" | "rlim_max"))?;
    (n > 0 && n % 1024 == 0).then(|| format!("{}*1024", n / 1024))
}

fn object(o: &Map<String, Value>) -> String {
    let has = |k: &str| o.contains_key(k);
    // The object has exactly the keys of `must` and maybe some of `may` (a struct could have
    // a field of the same name).
    let shape = |must: &[&str], may: &[&str]| {
        must.iter().all(|k| o.contains_key(*k))
            && o.keys()
                .all(|k| must.contains(&k.as_str()) || may.contains(&k.as_str()))
    };
    let word = |k: &str| o[k].as_str().expect("a word").to_string();
    // The groups.
    // A bit set's words show only under -X raw or verbose.
    if shape(&["set"], &["complement", "words"]) {
        let tilde = if has("complement") { "~" } else { "" };
        return format!("{tilde}[{}]", join(&o["set"], " ", set_member));
    }
    if shape(&["call", "args"], &[]) {
        return format!("{}({})", word("call"), join(&o["args"], ", ", value));
    }
    if shape(&["or"], &[]) {
        return join(&o["or"], "|", value);
    }
    if shape(&["alternatives"], &[]) {
        return join(&o["alternatives"], " or ", value);
    }
    if shape(&["sum"], &[]) {
        return join(&o["sum"], "+", value);
    }
    if shape(&["index"], &[]) {
        let pair = o["index"].as_array().expect("index and element");
        return format!("[{}]={}", value(&pair[0]), value(&pair[1]));
    }
    if shape(&["shift", "value"], &[]) {
        // A named shift is an enum object: `21<<SHM_HUGE_SHIFT`.
        return format!("{}<<{}", value(&o["value"]), value(&o["shift"]));
    }
    if shape(&["from", "to", "bytes"], &[]) {
        let bytes = value(&o["bytes"]);
        return format!("/* bytes {}..{} */ {bytes}", o["from"], o["to"]);
    }
    if shape(&["index", "value"], &[]) {
        return format!("[{}]={}", word("index"), value(&o["value"]));
    }
    // A test's keys are conditions, `WIFEXITED(s)`; a struct's member `test` has identifiers.
    let conditions = |m: &Map<String, Value>| m.keys().all(|k| k.contains('('));
    if shape(&["test"], &[]) && o["test"].as_object().is_some_and(conditions) {
        return test_text(o["test"].as_object().expect("test members"));
    }
    if shape(&["value", "comment"], &[]) {
        let comment = join(&o["comment"], " ", value);
        return format!("{} /* {comment} */", value(&o["value"]));
    }
    if shape(&["resuming"], &[]) {
        return format!("<... resuming interrupted {} ...>", word("resuming"));
    }
    // Values with a name or a second value.
    if shape(&["label", "value"], &[]) {
        return format!("{} {}", word("label"), value(&o["value"]));
    }
    if shape(&["value", "updated"], &[]) {
        return format!("{} => {}", value(&o["value"]), value(&o["updated"]));
    }
    // Scalars.
    if shape(&["addr"], &["unreadable"]) {
        return if o["addr"] == "0x0" && !has("unreadable") {
            "NULL".to_string()
        } else {
            hex_field(&o["addr"])
        };
    }
    if shape(&["pid"], &["comm", "tracer_pid"]) && (has("comm") || has("tracer_pid")) {
        let comm = match o.get("comm") {
            Some(c) => format!("<{}>", c_escape_also(c.as_str().unwrap().as_bytes(), b"<>")),
            None => String::new(),
        };
        let theirs = match o.get("tracer_pid") {
            Some(p) => format!(" /* {p} in strace's PID NS */"),
            None => String::new(),
        };
        return format!("{}{comm}{theirs}", o["pid"]);
    }
    if is_fd_obj(o) {
        return format!("{}{}", o["fd"], fd_info_text(o));
    }
    if shape(&["raw", "name"], &["path", "path_latin1"]) && o["name"] == "AT_FDCWD" {
        return format!("AT_FDCWD{}", fd_info_text(o));
    }
    if shape(&["hex", "width"], &[]) {
        // C's `%#0*x`: `0x` and zeros up to the width, or only zeros for zero.
        let v = u64::from_str_radix(o["hex"].as_str().unwrap().trim_start_matches("0x"), 16);
        let w = o["width"].as_u64().unwrap() as usize;
        return match v.unwrap() {
            0 => "0".repeat(w),
            v => format!("{v:#0w$x}"),
        };
    }
    if shape(&["hex"], &[]) {
        return hex_field(&o["hex"]);
    }
    if shape(&["octal"], &[]) {
        return word("octal");
    }
    if shape(
        &["str"],
        &["truncated", "latin1", "hex_escaped", "abstract", "bytes"],
    ) {
        let bytes = str_bytes(o);
        let body = if has("hex_escaped") {
            bytes.iter().map(|b| format!("\\x{b:02x}")).collect()
        } else {
            c_escape(&bytes)
        };
        let more = if has("truncated") { "..." } else { "" };
        let at = match o.get("bytes") {
            Some(range) => format!("/* bytes {}..{} */ ", range[0], range[1]),
            None if has("abstract") => "@".into(),
            None => String::new(),
        };
        return format!("{at}\"{body}\"{more}");
    }
    if shape(
        &["raw", "names", "unknown"],
        &["shifted", "unknown_field", "unknown_name"],
    ) {
        return flags_text(o);
    }
    if shape(&["raw"], &["name"]) {
        return enum_text(o);
    }
    if shape(&["signo", "name"], &[]) {
        return word("name");
    }
    if shape(&["more"], &[]) {
        return "...".into();
    }
    // A struct: named fields, `...` when abbreviated.
    let parts: Vec<String> = o
        .iter()
        .map(|(k, v)| {
            if k == "..." {
                return "...".to_string();
            }
            // An IPv6 address stands in place of its field: `inet_pton(AF_INET6, "::1",
            // &sin6_addr)`.
            if v.get("call").is_some_and(|f| f == "inet_pton") {
                return value(v);
            }
            // So do an RxRPC transport's bytes after its family: `{family=AF_UNIX, "ab"}`,
            // and the bytes past the fields a decoder knows: `/* bytes 24..31 */ "\x80"`
            // (a byte range, or `???`: a member may be named `tail` too, as the io_uring
            // rings' offsets have one).
            let bytes_past = k == "tail" && (v.get("from").is_some() || v == "???");
            if (k == "data" && o.contains_key("family")) || bytes_past {
                return value(v);
            }
            let v = rlim_text(k, v).unwrap_or_else(|| value(v));
            format!("{k}={v}")
        })
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// The return part of a finished syscall event, after `= `: the value (`ret_decoded` where
/// the text does not show it in decimal), then the `ret_detail` in parentheses.
fn ret_text(e: &Value) -> String {
    if let Some(err) = e.get("error") {
        let errno = err["errno"].as_u64().unwrap();
        let shown = match e["ret"].as_i64() {
            Some(-1) | None if (512..=516).contains(&errno) => "?".to_string(),
            Some(v) => v.to_string(),
            None => "-1".to_string(),
        };
        return match err.get("name") {
            Some(n) => format!(
                "{shown} {} ({})",
                n.as_str().unwrap(),
                err["desc"].as_str().unwrap()
            ),
            None => format!("{shown} (errno {errno})"),
        };
    }
    let mut s = match e.get("ret_decoded") {
        Some(d) => value(d),
        None => e["ret"].to_string(),
    };
    if let Some(detail) = e.get("ret_detail") {
        s += &format!(" ({})", join(detail, ", ", value));
    }
    if e.get("injected") == Some(&Value::Bool(true)) {
        s += " (INJECTED)";
    }
    s
}

/// The syscalls whose arguments the text shows with their names without `-N`.
const NAMED_IN_TEXT: &[&str] = &["clone"];

/// An event as the text line strace-rs writes for it (no pid prefix, no padding before ` = `),
/// or `None` for the events the text shows on stderr only.
fn to_text(e: &Value) -> Option<String> {
    let kind = e["event"].as_str().unwrap();
    Some(match kind {
        "syscall" => {
            // The text names the arguments of clone only (strace always does; -N names all).
            let named = NAMED_IN_TEXT.contains(&e["syscall"].as_str().unwrap());
            let args: Vec<String> = e["args"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(name, v)| match named {
                    true => format!("{name}={}", value(v)),
                    false => value(v),
                })
                .collect();
            let mut s = format!("{}({}", e["syscall"].as_str().unwrap(), args.join(", "));
            let incomplete = e.get("args_incomplete").is_some();
            if incomplete && !args.is_empty() {
                s += ", ";
            }
            if e.get("detached").is_some() {
                s += " <detached ...>";
            } else if e.get("unfinished").is_some() {
                if incomplete {
                    s += " <unfinished ...>";
                }
                s += ") = ?";
            } else {
                s += &format!(") = {}", ret_text(e));
            }
            s
        }
        "signal" => format!("--- {} {} ---", sig(&e["signal"]), value(&e["siginfo"])),
        "stopped" => format!("--- stopped by {} ---", sig(&e["signal"])),
        "exit" => format!("+++ exited with {} +++", e["code"]),
        "killed" => {
            let core = if e["core_dumped"] == Value::Bool(true) {
                " (core dumped)"
            } else {
                ""
            };
            format!("+++ killed by {}{core} +++", sig(&e["signal"]))
        }
        "superseded" => format!("+++ superseded by execve in pid {} +++", e["by"]),
        "attached" | "detached" => return None,
        // Beyond the text: no line stands for them (docs/json.md).
        "process" | "exec" => return None,
        other => panic!("unknown event {other}"),
    })
}

// ---------------------------------------------------------------------------
// The text side, normalised
// ---------------------------------------------------------------------------

/// Drops the padding before a line's last ` = ` and names no prefix in unknown-value comments.
fn normalise(line: &str) -> String {
    let line = match line.rfind(" = ") {
        Some(i) => format!("{} = {}", line[..i].trim_end(), &line[i + 3..]),
        None => line.to_string(),
    };
    regex_lite_unknown(&line)
}

/// `/* X_??? */` (or `/* ?_OK */`) -> `/* ??? */`: the label of an unknown value.
fn regex_lite_unknown(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("/* ") {
        out += &rest[..i + 3];
        rest = &rest[i + 3..];
        if let Some(end) = rest.find(" */") {
            let body = &rest[..end];
            if body.contains('?')
                && body
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '?')
            {
                out += "???";
                rest = &rest[end..];
            }
        }
    }
    out + rest
}

/// The text trace of a `-f -o` run, by pid, split lines joined.
fn text_by_pid(trace: &str) -> BTreeMap<i32, Vec<String>> {
    let mut by_pid: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for line in trace.lines() {
        let (pid, rest) = line.split_once(' ').expect("pid prefix");
        let pid: i32 = pid.parse().expect("pid");
        let rest = rest.trim_start();
        let lines = by_pid.entry(pid).or_default();
        if let Some(resumed) = rest.strip_prefix("<... ") {
            let (_, tail) = resumed.split_once(" resumed>").expect("resumed line");
            let open = lines.last_mut().expect("a line to resume");
            let head = open
                .strip_suffix(" <unfinished ...>")
                .expect("an unfinished line")
                .to_string();
            *open = head + tail;
        } else {
            lines.push(rest.to_string());
        }
    }
    by_pid
        .into_iter()
        .map(|(pid, lines)| (pid, lines.iter().map(|l| normalise(l)).collect()))
        .collect()
}

fn json_by_pid(events: &[Value]) -> BTreeMap<i32, Vec<String>> {
    let mut by_pid: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for e in events {
        if let Some(line) = to_text(e) {
            let pid = e["pid"].as_i64().unwrap() as i32;
            by_pid
                .entry(pid)
                .or_default()
                .push(regex_lite_unknown(&line));
        }
    }
    by_pid
}

// ---------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------

/// One traced run: its name, the text trace and the JSON events.
struct Case {
    name: String,
    text: String,
    json: String,
}

/// Runs `cmd` under `strace-rs -f --json-and-text` in a fresh directory.
fn trace_both(name: &str, opts: &[&str], cmd: Vec<OsString>, setup: fn(&TempDir)) -> Case {
    let dir = TempDir::new();
    setup(&dir);
    let json_file = dir.join("trace.jsonl");
    let mut all: Vec<String> = vec!["-f".into(), "--json-and-text".into()];
    all.push(json_file.to_string_lossy().into_owned());
    all.extend(opts.iter().map(|s| s.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let run = trace_in(STRACE_RS, &all, &cmd, Some(dir.path()));
    let json = std::fs::read_to_string(&json_file).expect("JSON trace");
    Case {
        name: name.to_string(),
        text: run.trace,
        json,
    }
}

fn no_setup(_: &TempDir) {}

fn files_setup(dir: &TempDir) {
    std::fs::write(dir.join("a.txt"), "one\ntwo\nthree\n").unwrap();
    std::fs::create_dir_all(dir.join("tree/sub")).unwrap();
    std::fs::write(dir.join("tree/sub/f"), "x").unwrap();
}

/// The corpus: every helper (in its modes) and a few real programs, traced once per test
/// binary.
fn corpus() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let helpers: &[(&str, &[&str])] = &[
            ("h_open", &[]),
            ("h_rw", &[]),
            ("h_stat", &[]),
            ("h_mem", &[]),
            ("h_files", &[]),
            ("h_execve", &[]),
            ("h_signal", &[]),
            ("h_forks", &["3"]),
            ("h_forks", &["killed"]),
            ("h_threads", &[]),
            ("h_die", &["segv"]),
            ("h_die", &["kill"]),
            ("h_procsig", &["signal"]),
            ("h_procsig", &["wait"]),
            ("h_procsig", &["futex"]),
            ("h_procsig", &["clone"]),
            ("h_procsig", &["ids"]),
            ("h_nettime", &[]),
            ("h_files2", &[]),
            ("h_procsig2", &["prctl"]),
            ("h_procsig2", &["admin"]),
            ("h_calls", &[]),
            ("h_ipc", &[]),
            ("h_calls2", &[]),
            // (not `ptrace`: the helper traces its own child, which -f cannot follow)
        ];
        let with_opts: &[(&str, &[&str], &[&str])] = &[
            ("h_fdpaths", &[], &["-y"]),
            ("h_fdpaths", &[], &["-yy"]),
            ("h_nettime", &[], &["-yy"]),
            ("h_files2", &[], &["-y"]),
            ("h_sigevfd", &[], &["-e", "decode-fds=signalfd,eventfd"]),
            ("h_kvm", &[], &["-y", "-e", "kvm=vcpu"]),
            ("h_calls", &[], &["-v"]),
            // -v: arrays whole, structs in full (termios' indexed c_cc, directory entries,
            // control messages), with the injected structs of the helper's own.
            ("h_verbose", &["real"], &["-v"]),
            ("h_verbose", &["real"], &["-e", "verbose=none"]),
            (
                "h_verbose",
                &["inject"],
                &[
                    "-v",
                    "-e",
                    "inject=getrusage,waitid,statx,uname,fstat:retval=0",
                    "-e",
                    "inject=wait4,getdents,getdents64:retval=48",
                ],
            ),
            ("h_structs", &[], &["-y"]),
            ("h_calls2", &[], &["-y"]),
            // V4L2's requests, their kernel halves shown (fourcc codes, control ids).
            ("h_v4l2", &[], &["-e", "inject=ioctl:retval=42"]),
            // The console and loop ioctls, their injected successes showing what they got.
            ("h_kd_loop", &[], &["-e", "inject=ioctl:retval=0"]),
            ("h_io_uring_register", &[], &[]),
            (
                "h_io_uring_register",
                &[],
                &["-e", "inject=io_uring_register:retval=0"],
            ),
            // bpf's attrs, those the kernel answers with what changed (injected success).
            ("h_bpf", &[], &["-v", "-e", "inject=bpf:retval=0"]),
        ];
        let helpers = helpers
            .iter()
            .map(|(name, extra)| (*name, *extra, &[][..]))
            .chain(with_opts.iter().copied());
        let mut cases = Vec::new();
        for (name, extra, opts) in helpers {
            let exe = helper(name);
            let work = TempDir::new();
            let mut cmd: Vec<OsString> = vec![exe.into(), work.path().into()];
            cmd.extend(extra.iter().map(OsString::from));
            let label = format!("{name} {} {}", extra.join(" "), opts.join(" "));
            cases.push(trace_both(&label, opts, cmd, no_setup));
        }
        let programs: &[&[&str]] = &[
            &["/usr/bin/ls", "-la", "/usr"],
            &["/usr/bin/cat", "/etc/passwd"],
            &["/bin/sh", "-c", "echo hi > f; cat f"],
            &["/usr/bin/find", "tree"],
            &["/usr/bin/stat", "a.txt"],
            &["/usr/bin/date", "-d", "@1000000000"],
            &["/usr/bin/id"],
        ];
        for argv in programs {
            let cmd = argv.iter().map(OsString::from).collect();
            cases.push(trace_both(&argv.join(" "), &[], cmd, files_setup));
        }
        // -y: descriptors with their paths, AT_FDCWD with the directory.
        let cmd = ["/usr/bin/cat", "a.txt"].map(OsString::from).to_vec();
        cases.push(trace_both("cat -y", &["-y"], cmd, files_setup));
        // Options that change what events carry.
        let cmd = vec![
            OsString::from("/usr/bin/cat"),
            OsString::from("/etc/hostname"),
        ];
        cases.push(trace_both(
            "cat -s 4 -e trace=%file,read",
            &["-s", "4", "-e", "trace=%file,read"],
            cmd,
            no_setup,
        ));
        cases
    })
}

fn events(case: &Case) -> Vec<Value> {
    case.json
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: not JSON ({e}): {l}", case.name))
        })
        .collect()
}

#[test]
fn json_and_text_agree_on_the_corpus() {
    for case in corpus() {
        let text = text_by_pid(&case.text);
        let json = json_by_pid(&events(case));
        assert_eq!(
            text.keys().collect::<Vec<_>>(),
            json.keys().collect::<Vec<_>>(),
            "{}: pids differ",
            case.name
        );
        for (pid, lines) in &text {
            let from_json = &json[pid];
            if lines != from_json {
                let d = diff(lines, from_json, 40).unwrap_or_default();
                panic!("{} pid {pid}: text (-) vs JSON (+):\n{d}", case.name);
            }
        }
    }
}

#[test]
fn json_events_are_one_object_per_line_with_stamps() {
    for case in corpus() {
        let events = events(case);
        assert!(!events.is_empty(), "{}: no events", case.name);
        for e in &events {
            assert!(e["ts"].as_u64().is_some_and(|t| t > 1 << 60), "{e}");
            assert!(e["pid"].as_i64().is_some(), "{e}");
        }
    }
}

#[test]
fn json_only_output_matches_the_copy() {
    // `--json` alone writes the same kinds of events as the copy (spot check on a helper whose
    // trace is deterministic apart from addresses and stamps).
    let exe = helper("h_open");
    let work = TempDir::new();
    let cmd = vec![OsString::from(&exe), work.path().into()];
    let run = trace(STRACE_RS, &["--json"], &cmd);
    for line in run.trace.lines() {
        let e: Value = serde_json::from_str(line).unwrap();
        validate_event(&e).unwrap_or_else(|err| panic!("{err}: {line}"));
    }
    assert!(run.trace.contains(r#""event":"exit""#), "{}", run.trace);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn json_to_stderr_has_no_other_lines() {
    let out = run(STRACE_RS, &["--json", "-f", "--", "/bin/sh", "-c", "true"]);
    assert!(!out.stderr.is_empty());
    for line in out.stderr.lines() {
        let e: Value =
            serde_json::from_str(line).unwrap_or_else(|err| panic!("not JSON ({err}): {line}"));
        validate_event(&e).unwrap_or_else(|err| panic!("{err}: {line}"));
    }
}

#[test]
fn json_with_timing_options() {
    let exe = helper("h_rw");
    let work = TempDir::new();
    let cmd = vec![OsString::from(&exe), work.path().into()];
    let run = trace(STRACE_RS, &["--json", "-T", "-r"], &cmd);
    let mut durations = 0;
    for line in run.trace.lines() {
        let e: Value = serde_json::from_str(line).unwrap();
        validate_event(&e).unwrap_or_else(|err| panic!("{err}: {line}"));
        assert!(e["rel"].as_u64().is_some(), "{line}");
        if e["event"] == "syscall" && e.get("unfinished").is_none() {
            assert!(e["duration"].as_u64().is_some(), "{line}");
            durations += 1;
        }
    }
    assert!(durations > 10);
}

/// The syscall events of a JSON trace, each checked against the schema.
fn valid_syscall_events(trace: &str) -> Vec<Value> {
    trace
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .inspect(|e| validate_event(e).unwrap_or_else(|err| panic!("{err}: {e}")))
        .filter(|e| e["event"] == "syscall")
        .collect()
}

/// `-e inject=`'s marks are keys of the syscall event, and the injected error is its error.
#[test]
fn json_marks_injected_calls() {
    let exe = helper("h_options");
    let work = TempDir::new();
    let cmd = vec![OsString::from(&exe), work.path().into(), "inject".into()];
    let opts = [
        "--json",
        "-e",
        "trace=getpid",
        "-e",
        "inject=getpid:error=EPERM:delay_exit=1:when=2",
    ];
    let run = trace(STRACE_RS, &opts, &cmd);
    let calls = valid_syscall_events(&run.trace);
    assert_eq!(calls.len(), 6, "{}", run.trace);
    for (i, e) in calls.iter().enumerate() {
        let tampered = i == 1;
        assert_eq!(e.get("injected").is_some(), tampered, "{e}");
        assert_eq!(e.get("delayed").is_some(), tampered, "{e}");
        assert_eq!(e["error"]["name"] == "EPERM", tampered, "{e}");
    }
}

/// `poke_enter=`'s mark is `injected_args`, beside `injected` when the return is set too; the
/// arguments show the poked bytes.
#[test]
fn json_marks_poked_calls() {
    let exe = helper("h_poke");
    let work = TempDir::new();
    let cmd = vec![OsString::from(&exe), work.path().into()];
    let opts = [
        "--json",
        "-e",
        "trace=rename,getcwd",
        "-e",
        "inject=rename:poke_enter=@arg1=5900:error=EXDEV",
        "-e",
        "inject=getcwd:poke_exit=@arg1=2f00:when=2",
    ];
    let run = trace(STRACE_RS, &opts, &cmd);
    let calls = valid_syscall_events(&run.trace);
    assert_eq!(calls.len(), 3, "{}", run.trace);
    let marks = |e: &Value| {
        (
            e.get("injected").is_some(),
            e.get("injected_args").is_some(),
        )
    };
    assert_eq!(calls[0]["args"]["oldpath"]["str"], "Y", "{}", calls[0]);
    assert_eq!(marks(&calls[0]), (true, true), "{}", calls[0]);
    assert_eq!(marks(&calls[1]), (false, false), "{}", calls[1]);
    assert_eq!(calls[2]["args"]["buf"]["str"], "/", "{}", calls[2]);
    assert_eq!(marks(&calls[2]), (false, true), "{}", calls[2]);
}

#[test]
fn json_per_process_files() {
    let exe = helper("h_forks");
    let work = TempDir::new();
    let out_dir = TempDir::new();
    let base = out_dir.join("t");
    let out = run(
        STRACE_RS,
        &[
            OsString::from("--json"),
            "-ff".into(),
            "-o".into(),
            base.clone().into(),
            "--".into(),
            exe.into(),
            work.path().into(),
            "3".into(),
        ],
    );
    assert!(
        out.status.success() || out.status.code() == Some(3),
        "{out:?}"
    );
    let files: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(files.len(), 4, "the parent and 3 children");
    for f in files {
        let pid: i64 = f
            .file_name()
            .to_str()
            .unwrap()
            .trim_start_matches("t.")
            .parse()
            .unwrap();
        for line in std::fs::read_to_string(f.path()).unwrap().lines() {
            let e: Value = serde_json::from_str(line).unwrap();
            assert_eq!(e["pid"].as_i64(), Some(pid), "{line}");
        }
    }
}

// ---------------------------------------------------------------------------
// The schema
// ---------------------------------------------------------------------------

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/json-schema.json"
        ))
        .unwrap();
        serde_json::from_str(&text).expect("docs/json-schema.json is JSON")
    })
}

/// A validator for the part of JSON Schema (2020-12) docs/json-schema.json uses: `$ref` to
/// `#/$defs/NAME`, `type`, `const`, `enum`, `properties`, `required`,
/// `additionalProperties`, `items`, `anyOf`, `oneOf`, `minimum`. Anything else in a schema
/// object is an error, so the schema cannot silently use more than is checked.
fn validate(schema: &Value, v: &Value, root: &Value, at: &str) -> Result<(), String> {
    let s = match schema {
        Value::Bool(true) => return Ok(()),
        Value::Bool(false) => return Err(format!("{at}: nothing is allowed here")),
        Value::Object(s) => s,
        _ => return Err(format!("{at}: bad schema {schema}")),
    };
    for key in s.keys() {
        const KNOWN: &[&str] = &[
            "$ref",
            "type",
            "const",
            "enum",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "anyOf",
            "oneOf",
            "minimum",
            "description",
            "title",
            "examples",
            "$schema",
            "$id",
            "$defs",
            "x-arg-kinds",
        ];
        if !KNOWN.contains(&key.as_str()) {
            return Err(format!("schema keyword {key} is not supported by the test"));
        }
    }
    if let Some(r) = s.get("$ref") {
        let name = r
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .ok_or(format!("bad $ref {r}"))?;
        let target = root["$defs"].get(name).ok_or(format!("no $defs/{name}"))?;
        validate(target, v, root, at)?;
    }
    if let Some(t) = s.get("type") {
        let ok = match t.as_str().unwrap() {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            other => return Err(format!("unknown type {other}")),
        };
        if !ok {
            return Err(format!("{at}: {v} is not of type {t}"));
        }
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        return Err(format!("{at}: {v} is not {c}"));
    }
    if let Some(e) = s.get("enum")
        && !e.as_array().unwrap().contains(v)
    {
        return Err(format!("{at}: {v} is not one of {e}"));
    }
    if let Some(m) = s.get("minimum")
        && v.as_f64().is_some_and(|x| x < m.as_f64().unwrap())
    {
        return Err(format!("{at}: {v} < {m}"));
    }
    if let Value::Object(o) = v {
        let props = s.get("properties").and_then(Value::as_object);
        if let Some(req) = s.get("required") {
            for k in req.as_array().unwrap() {
                if !o.contains_key(k.as_str().unwrap()) {
                    return Err(format!("{at}: missing {k}"));
                }
            }
        }
        for (k, val) in o {
            let here = format!("{at}.{k}");
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(ps, val, root, &here)?,
                None => {
                    if let Some(ap) = s.get("additionalProperties") {
                        validate(ap, val, root, &here)?;
                    }
                }
            }
        }
    }
    if let (Value::Array(items), Some(is)) = (v, s.get("items")) {
        for (i, item) in items.iter().enumerate() {
            validate(is, item, root, &format!("{at}[{i}]"))?;
        }
    }
    if let Some(any) = s.get("anyOf") {
        let errs: Vec<String> = any
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|alt| validate(alt, v, root, at).err())
            .collect();
        if errs.len() == any.as_array().unwrap().len() {
            return Err(format!("{at}: {v} matches no alternative: {errs:?}"));
        }
    }
    if let Some(one) = s.get("oneOf") {
        let n = one
            .as_array()
            .unwrap()
            .iter()
            .filter(|alt| validate(alt, v, root, at).is_ok())
            .count();
        if n != 1 {
            return Err(format!(
                "{at}: {v} matches {n} alternatives of oneOf, not 1"
            ));
        }
    }
    Ok(())
}

fn validate_event(e: &Value) -> Result<(), String> {
    validate(schema(), e, schema(), "$")
}

#[test]
fn every_corpus_line_fits_the_schema() {
    for case in corpus() {
        for (i, e) in events(case).iter().enumerate() {
            validate_event(e).unwrap_or_else(|err| panic!("{} line {}: {err}", case.name, i + 1));
        }
    }
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    for bad in [
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":{"a":true},"ret":0}"#,
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":[1],"ret":0}"#,
        r#"{"event":"exit","pid":1,"ts":1}"#,
        r#"{"event":"nothing","pid":1,"ts":1}"#,
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":{"a":{"str":"a","truncated":false}},"ret":0}"#,
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":{"a":{"set":[1],"complement":false}},"ret":0}"#,
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":{"a":{"test":{"WIFEXITED(s)":false}}},"ret":0}"#,
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":{},"ret":0,"ret_decoded":"0"}"#,
    ] {
        let e: Value = serde_json::from_str(bad).unwrap();
        assert!(validate_event(&e).is_err(), "accepted {bad}");
    }
}

/// One example of each value shape and each return convention (docs/json.md), as an argument
/// or a return of a syscall event: it fits the schema and converts back to the text.
#[test]
fn each_shape_fits_the_schema_and_converts_back() {
    let args: &[(&str, &str)] = &[
        (
            r#"{"set":[{"signo":2,"name":"SIGINT"},{"signo":15,"name":"SIGTERM"}]}"#,
            "[INT TERM]",
        ),
        (
            r#"{"set":[{"signo":34,"name":"SIGRTMIN"},{"signo":35,"name":"SIGRT_1"}],"complement":true}"#,
            "~[RTMIN RT_1]",
        ),
        (r#"{"set":[0,1]}"#, "[0 1]"),
        (
            r#"{"set":[{"fd":3},{"fd":4,"path":"/etc/hostname"}]}"#,
            "[3 4</etc/hostname>]",
        ),
        (
            r#"{"or":[{"raw":33,"names":["1<<CAP_CHOWN","1<<CAP_KILL"],"unknown":0},{"raw":2,"names":["1<<CAP_MAC_ADMIN"],"unknown":0}]}"#,
            "1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_MAC_ADMIN",
        ),
        (
            r#"{"or":["B38400","CS8",{"raw":128,"names":["CREAD"],"unknown":0}]}"#,
            "B38400|CS8|CREAD",
        ),
        (r#"{"or":["B38400","CS8",""]}"#, "B38400|CS8|"),
        (
            r#"{"alternatives":[{"call":"MIXER_READ","args":[13]},{"raw":2147765517,"name":"OTPSELECT"}]}"#,
            "MIXER_READ(13) or OTPSELECT",
        ),
        (
            r#"{"sum":[{"raw":4294963200,"name":"SKF_AD_OFF"},{"raw":0,"name":"SKF_AD_PROTOCOL"}]}"#,
            "SKF_AD_OFF+SKF_AD_PROTOCOL",
        ),
        (
            r#"{"or":[{"raw":1,"name":"SOCK_STREAM"},{"raw":524288,"names":["SOCK_CLOEXEC"],"unknown":0}]}"#,
            "SOCK_STREAM|SOCK_CLOEXEC",
        ),
        (
            r#"{"or":[{"raw":256,"names":["CLONE_VM"],"unknown":0},{"signo":17,"name":"SIGCHLD"}]}"#,
            "CLONE_VM|SIGCHLD",
        ),
        (
            r#"{"or":[{"raw":32768,"name":"S_IFREG"},{"raw":2048,"names":["S_ISUID"],"unknown":0},{"octal":"0755"}]}"#,
            "S_IFREG|S_ISUID|0755",
        ),
        (
            r#"{"call":"makedev","args":[{"hex":"0x1"},{"hex":"0x3"}]}"#,
            "makedev(0x1, 0x3)",
        ),
        (
            r#"{"call":"_IOC","args":[{"raw":2,"names":["_IOC_READ"],"unknown":0},{"hex":"0x54"},{"hex":"0x1"},{"hex":"0x4"}]}"#,
            "_IOC(_IOC_READ, 0x54, 0x1, 0x4)",
        ),
        (
            r#"{"call":"inet_addr","args":[{"str":"127.0.0.1"}]}"#,
            r#"inet_addr("127.0.0.1")"#,
        ),
        (
            r#"{"sin6_port":{"call":"htons","args":[80]},"sin6_addr":{"call":"inet_pton","args":[{"raw":10,"name":"AF_INET6"},{"str":"::1"},"&sin6_addr"]}}"#,
            r#"{sin6_port=htons(80), inet_pton(AF_INET6, "::1", &sin6_addr)}"#,
        ),
        (
            r#"{"or":[{"shift":28,"value":{"raw":8,"name":"FUTEX_OP_OPARG_SHIFT"}},{"value":{"shift":28,"value":{"hex":"0x7"}},"comment":["FUTEX_OP_???"]},{"shift":12,"value":{"hex":"0x1"}},{"shift":24,"value":{"raw":4,"name":"FUTEX_OP_CMP_GT"}},{"hex":"0x0"}]}"#,
            "FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* ??? */|0x1<<12|FUTEX_OP_CMP_GT<<24|0",
        ),
        (
            r#"{"or":[{"raw":2048,"names":["SHM_HUGETLB"],"unknown":0},{"shift":{"raw":26,"name":"SHM_HUGE_SHIFT"},"value":21},{"octal":"0600"}]}"#,
            "SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600",
        ),
        (
            r#"[{"test":{"WIFEXITED(s)":true,"WEXITSTATUS(s)":0}}]"#,
            "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]",
        ),
        (
            r#"{"test":{"WIFSIGNALED(s)":true,"WTERMSIG(s)":{"signo":11,"name":"SIGSEGV"},"WCOREDUMP(s)":true}}"#,
            "{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}",
        ),
        (
            r#"{"or":[{"test":{"WIFSTOPPED(s)":true,"WSTOPSIG(s)":{"or":[{"signo":5,"name":"SIGTRAP"},{"hex":"0x80"}]}}},{"shift":16,"value":{"raw":4,"name":"PTRACE_EVENT_EXEC"}}]}"#,
            "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}|PTRACE_EVENT_EXEC<<16",
        ),
        (
            r#"{"value":1764290971,"comment":["2025-11-28T00:49:31+0000"]}"#,
            "1764290971 /* 2025-11-28T00:49:31+0000 */",
        ),
        (
            r#"{"value":{"tv_sec":1600000000,"tv_usec":5},"comment":["2020-09-13T12:26:40.000005+0000"]}"#,
            "{tv_sec=1600000000, tv_usec=5} /* 2020-09-13T12:26:40.000005+0000 */",
        ),
        (
            r#"{"tms_utime":{"value":4,"comment":[0.04,"s"]},"tms_stime":{"value":-150,"comment":[-1.50,"s"]},"tms_cutime":0}"#,
            "{tms_utime=4 /* 0.04 s */, tms_stime=-150 /* -1.50 s */, tms_cutime=0}",
        ),
        (
            r#"{"value":10,"comment":[{"raw":10,"name":"SYSLOG_ACTION_SIZE_BUFFER"}]}"#,
            "10 /* SYSLOG_ACTION_SIZE_BUFFER */",
        ),
        (
            r#"{"value":{"addr":"0x7ffd1000"},"comment":[35,"vars"]}"#,
            "0x7ffd1000 /* 35 vars */",
        ),
        (
            r#"[{"str":"a"},{"value":{"more":true},"comment":[{"hex":"0x7ffd1000"}]}]"#,
            r#"["a", ... /* 0x7ffd1000 */]"#,
        ),
        (
            r#"{"resuming":"read"}"#,
            "<... resuming interrupted read ...>",
        ),
        (r#"[{"value":128,"updated":16}]"#, "[128 => 16]"),
        (
            r#"{"rlim_cur":8388608,"rlim_max":{"raw":-1,"name":"RLIM64_INFINITY"}}"#,
            "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}",
        ),
        (
            r#"{"rlim_cur":0,"rlim_max":1000}"#,
            "{rlim_cur=0, rlim_max=1000}",
        ),
        (
            r#"{"nl_pid":0,"nl_groups":{"hex":"0x5","width":8},"a":[{"hex":"0x0","width":2},{"hex":"0x61","width":2}]}"#,
            "{nl_pid=0, nl_groups=0x000005, a=[00, 0x61]}",
        ),
        (
            r#"{"fsa_ax25":{"sax25_call":"VALID-13","sax25_ndigis":1},"fsa_digipeater":[{"value":{"ax25_call":{"str":"\u00a6\u00a0\u0082@\u0086\u008a\u0000","latin1":true,"hex_escaped":true}},"comment":["SPA CE-0"]}]}"#,
            r#"{fsa_ax25={sax25_call=VALID-13, sax25_ndigis=1}, fsa_digipeater=[{ax25_call="\xa6\xa0\x82\x40\x86\x8a\x00"} /* SPA CE-0 */]}"#,
        ),
        (
            r#"{"addr_type":{"value":{"hex":"0x3"},"comment":[{"raw":3,"name":"IEEE802154_ADDR_LONG"}]},"hwaddr":"01:02:03:04:05:06:07:08"}"#,
            "{addr_type=0x3 /* IEEE802154_ADDR_LONG */, hwaddr=01:02:03:04:05:06:07:08}",
        ),
        (
            r#"{"transport":{"family":{"raw":1,"name":"AF_UNIX"},"data":{"str":"ab"}}}"#,
            r#"{transport={family=AF_UNIX, "ab"}}"#,
        ),
        (
            r#"{"stack_size":{"hex":"0x0"},"tail":{"from":88,"to":95,"bytes":{"str":"\u00de\u00c0","latin1":true,"truncated":true,"hex_escaped":true}}}"#,
            r#"{stack_size=0, /* bytes 88..95 */ "\xde\xc0"...}"#,
        ),
        (
            r#"{"stack_size":{"hex":"0x0"},"tail":"???"}"#,
            "{stack_size=0, ???}",
        ),
        (
            r#"{"c_line":{"raw":0,"name":"N_TTY"},"c_cc":[{"index":["VINTR",{"hex":"0x3"}]},{"index":[17,{"hex":"0x0"}]}]}"#,
            "{c_line=N_TTY, c_cc=[[VINTR]=0x3, [17]=0]}",
        ),
    ];
    let rets: &[(&str, &str)] = &[
        (
            r#""ret":32770,"ret_decoded":{"hex":"0x8002"},"ret_detail":[{"label":"flags","value":{"raw":32770,"names":["O_RDWR","O_LARGEFILE"],"unknown":0}}]"#,
            "0x8002 (flags O_RDWR|O_LARGEFILE)",
        ),
        (
            r#""ret":16,"ret_decoded":{"hex":"0x10"},"ret_detail":[{"raw":16,"names":["SECBIT_KEEP_CAPS"],"unknown":0}]"#,
            "0x10 (SECBIT_KEEP_CAPS)",
        ),
        (
            r#""ret":10,"ret_detail":[{"signo":10,"name":"SIGUSR1"}]"#,
            "10 (SIGUSR1)",
        ),
        (
            r#""ret":2,"ret_decoded":{"hex":"0x2"},"ret_detail":[{"raw":2,"name":"F_UNLCK"}]"#,
            "0x2 (F_UNLCK)",
        ),
        (
            r#""ret":1,"ret_detail":[{"raw":1,"name":"SUID_DUMP_USER"}]"#,
            "1 (SUID_DUMP_USER)",
        ),
        (r#""ret":0,"ret_detail":["Timeout"]"#, "0 (Timeout)"),
        (
            r#""ret":1764290971,"ret_detail":["2025-11-28T00:49:31+0000"]"#,
            "1764290971 (2025-11-28T00:49:31+0000)",
        ),
        (r#""ret":18,"ret_decoded":{"octal":"022"}"#, "022"),
        (
            r#""ret":3,"ret_decoded":{"fd":3,"path":"/etc/passwd"}"#,
            "3</etc/passwd>",
        ),
        (
            r#""ret":1,"ret_detail":[{"label":"in","value":{"set":[{"fd":3}]}},{"label":"left","value":{"tv_sec":0,"tv_usec":5}}]"#,
            "1 (in [3], left {tv_sec=0, tv_usec=5})",
        ),
    ];
    let cases = args
        .iter()
        .map(|(v, text)| {
            (
                format!(r#""args":{{"a":{v}}},"ret":0"#),
                format!("f({text}) = 0"),
            )
        })
        .chain(
            rets.iter()
                .map(|(r, text)| (format!(r#""args":{{}},{r}"#), format!("f() = {text}"))),
        );
    for (tail, text) in cases {
        let line = format!(r#"{{"event":"syscall","pid":1,"ts":1,"syscall":"f","nr":0,{tail}}}"#);
        let e: Value = serde_json::from_str(&line).unwrap();
        validate_event(&e).unwrap_or_else(|err| panic!("{err}: {line}"));
        let back = regex_lite_unknown(&to_text(&e).unwrap());
        assert_eq!(back, text, "{line}");
    }
}

/// docs/json-schema.json's `x-arg-kinds` is src/kinds.rs's JSON shapes, kind for kind, and
/// every shape is a value the schema defines.
#[test]
fn the_schema_covers_every_arg_kind() {
    let map = schema()["x-arg-kinds"].as_object().expect("x-arg-kinds");
    let defs = schema()["$defs"].as_object().unwrap();
    for kind in kinds::KINDS {
        let shapes: Vec<&str> = map
            .get(kind.name)
            .unwrap_or_else(|| panic!("docs/json-schema.json x-arg-kinds lacks `{}`", kind.name))
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(shapes, kind.json, "x-arg-kinds `{}`", kind.name);
        for shape in shapes {
            assert!(defs.contains_key(shape), "{}: no $defs/{shape}", kind.name);
            assert!(
                schema()["$defs"]["value"]["anyOf"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|alt| alt["$ref"] == format!("#/$defs/{shape}")),
                "{}: $defs/{shape} is not a value alternative",
                kind.name
            );
        }
    }
    for name in map.keys() {
        assert!(
            kinds::find(name).is_some(),
            "x-arg-kinds names `{name}`, no kind in src/kinds.rs"
        );
    }
}
