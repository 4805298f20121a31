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
//! the JSON does not carry are normalised on the text side: the padding before ` = ` and the
//! comment naming an unknown value's prefix (`0x100 /* PROT_??? */` becomes `/* ??? */`).

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
        if parts.is_empty() {
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
fn enum_text(o: &Value) -> String {
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
const FD_KEYS: [&str; 7] = [
    "fd",
    "path",
    "path_latin1",
    "deleted",
    "device",
    "pidfd",
    "socket",
];

fn is_fd_obj(o: &Map<String, Value>) -> bool {
    o.get("fd").is_some_and(Value::is_number) && o.keys().all(|k| FD_KEYS.contains(&k.as_str()))
}

fn sig(v: &Value) -> String {
    v["name"].as_str().expect("signal name").to_string()
}

/// One value as the text renderer shows it.
fn value(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(value).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(o) => object(o),
        other => panic!("no value kind is {other}"),
    }
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
    if shape(&["function", "value"], &[]) {
        return format!(
            "{}({})",
            o["function"].as_str().unwrap(),
            value(&o["value"])
        );
    }
    if shape(&["label", "value"], &[]) {
        return format!("{} {}", o["label"].as_str().unwrap(), value(&o["value"]));
    }
    if shape(&["time"], &["iso"]) {
        let mut s = value(&o["time"]);
        if let Some(iso) = o.get("iso") {
            s += &format!(" /* {} */", iso.as_str().unwrap());
        }
        return s;
    }
    if shape(&["fd_set"], &[]) {
        let fds: Vec<String> = o["fd_set"].as_array().unwrap().iter().map(value).collect();
        return format!("[{}]", fds.join(" "));
    }
    if shape(&["more", "at"], &[]) {
        return format!("... /* {} */", hex_field(&o["at"]));
    }
    if has("arg") && has("value") {
        return format!("{}={}", o["arg"].as_str().unwrap(), value(&o["value"]));
    }
    if has("value") && has("updated") {
        return format!("{} => {}", value(&o["value"]), value(&o["updated"]));
    }
    if has("addr") {
        let a = o["addr"].as_str().unwrap();
        let mut s = if a == "0x0" && !has("unreadable") {
            "NULL".to_string()
        } else {
            hex_field(&o["addr"])
        };
        if let Some(n) = o.get("count") {
            s += &format!(" /* {n} {} */", o["unit"].as_str().unwrap());
        }
        return s;
    }
    if is_fd_obj(o) {
        return format!("{}{}", o["fd"], fd_info_text(o));
    }
    if shape(&["raw", "name"], &["path", "path_latin1"]) && o["name"] == "AT_FDCWD" {
        return format!("AT_FDCWD{}", fd_info_text(o));
    }
    if has("hex") && has("width") {
        let h = o["hex"].as_str().unwrap().trim_start_matches("0x");
        let w = o["width"].as_u64().unwrap() as usize;
        return format!("{h:0>w$}");
    }
    if has("hex") && o.len() == 1 {
        return hex_field(&o["hex"]);
    }
    for f in ["htons", "htonl"] {
        if let Some(v) = o.get(f).filter(|_| o.len() == 1) {
            return format!("{f}({v})");
        }
    }
    if shape(&["ipv4"], &[]) {
        return format!("inet_addr(\"{}\")", o["ipv4"].as_str().unwrap());
    }
    if shape(&["clock_ticks"], &[]) {
        let v = o["clock_ticks"].as_i64().unwrap();
        return if v == 0 {
            "0".into()
        } else {
            format!("{v} /* {}.{:02} s */", v / 100, (v % 100).abs())
        };
    }
    if shape(&["capabilities", "names", "unknown"], &[]) {
        // The text shows each 32-bit word apart, unknown bits relative to their word.
        const HIGH: [&str; 9] = [
            "CAP_MAC_OVERRIDE",
            "CAP_MAC_ADMIN",
            "CAP_SYSLOG",
            "CAP_WAKE_ALARM",
            "CAP_BLOCK_SUSPEND",
            "CAP_AUDIT_READ",
            "CAP_PERFMON",
            "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE",
        ];
        let all = names(&o["names"]);
        let unknown = o["unknown"].as_u64().unwrap();
        let word = |high: bool, unk: u64| {
            let mut parts: Vec<String> = all
                .iter()
                .filter(|n| HIGH.contains(&n.as_str()) == high)
                .map(|n| format!("1<<{n}"))
                .collect();
            if unk != 0 {
                parts.push(c_hex(unk));
            }
            parts.join("|")
        };
        let (lo, hi) = (
            word(false, unknown & 0xffff_ffff),
            word(true, unknown >> 32),
        );
        return match (lo.is_empty(), hi.is_empty()) {
            (true, true) => "0".into(),
            (false, true) => lo,
            (true, false) => hi,
            (false, false) => format!("{lo}|{hi}"),
        };
    }
    if shape(&["raw", "numeric"], &["name"]) {
        let name = o.get("name").map_or("???", |n| n.as_str().unwrap());
        return format!("{} /* {name} */", o["raw"]);
    }
    if shape(
        &["raw", "kind", "names", "unknown"],
        &["shifted", "unknown_field"],
    ) {
        let mut s = o["kind"].as_str().unwrap().to_string();
        if !names(&o["names"]).is_empty() || o["unknown"].as_u64() != Some(0) {
            s = s + "|" + &flags_text(o);
        }
        return s;
    }
    if has("octal") && o.len() == 1 {
        return o["octal"].as_str().unwrap().to_string();
    }
    if has("str") {
        let bytes = str_bytes(o);
        let body = if has("hex_escaped") {
            bytes.iter().map(|b| format!("\\x{b:02x}")).collect()
        } else {
            c_escape(&bytes)
        };
        let more = if has("truncated") { "..." } else { "" };
        let at = if has("abstract") { "@" } else { "" };
        return format!("{at}\"{body}\"{more}");
    }
    if has("fields") {
        let mut s: String = names(&o["fields"])
            .iter()
            .map(|f| f.clone() + "|")
            .collect();
        if o["raw"].as_u64() != Some(0) {
            s += &flags_text(o);
        }
        return s;
    }
    if has("names") && has("signal") {
        let raw = o["raw"].as_u64().unwrap();
        let signo = o["signal"]["signo"].as_i64().unwrap();
        let mut s = String::new();
        if raw != 0 {
            s += &flags_text(o);
            if signo != 0 {
                s.push('|');
            }
        }
        if signo != 0 || raw == 0 {
            s += &sig(&o["signal"]);
        }
        return s;
    }
    if has("names") {
        return flags_text(o);
    }
    if has("raw") {
        return enum_text(&Value::Object(o.clone()));
    }
    if has("signo") {
        return sig(&Value::Object(o.clone()));
    }
    if has("rlim") {
        return match &o["rlim"] {
            Value::String(s) => s.clone(),
            n => {
                let v = n.as_u64().unwrap();
                if v > 0 && v % 1024 == 0 {
                    format!("{}*1024", v / 1024)
                } else {
                    v.to_string()
                }
            }
        };
    }
    if has("sigset") {
        let tilde = if has("complement") { "~" } else { "" };
        return format!("{tilde}[{}]", names(&o["sigset"]).join(" "));
    }
    if has("more") {
        return "...".into();
    }
    if has("ioc_dir") {
        let dir = match o["ioc_dir"].as_u64().unwrap() {
            0 => "_IOC_NONE",
            1 => "_IOC_WRITE",
            2 => "_IOC_READ",
            _ => "_IOC_READ|_IOC_WRITE",
        };
        let h = |k: &str| c_hex(o[k].as_u64().unwrap());
        return format!(
            "_IOC({dir}, {}, {}, {})",
            h("ioc_type"),
            h("ioc_nr"),
            h("ioc_size")
        );
    }
    if has("file_mode") {
        let Some(t) = o.get("type") else {
            let mode = o["file_mode"].as_u64().unwrap();
            return match mode {
                0 => "000".into(),
                1..8 => format!("00{mode:o}"),
                _ => format!("0{mode:o}"),
            };
        };
        let mut s = t.as_str().unwrap().to_string() + "|";
        if let Some(sp) = o.get("special") {
            for n in names(sp) {
                s += &(n + "|");
            }
        }
        return s + o["perm"].as_str().unwrap();
    }
    if has("major") {
        let h = |k: &str| c_hex(o[k].as_u64().unwrap());
        return format!("makedev({}, {})", h("major"), h("minor"));
    }
    if has("resuming") {
        return format!(
            "<... resuming interrupted {} ...>",
            o["resuming"].as_str().unwrap()
        );
    }
    if has("futex_op") {
        let shifted = |e: &Value, shift: u32| match e.get("name") {
            Some(n) => format!("{}<<{shift}", n.as_str().unwrap()),
            None => format!("{}<<{shift} /* ??? */", c_hex(e["raw"].as_u64().unwrap())),
        };
        let shift = if o["oparg_shift"] == Value::Bool(true) {
            "FUTEX_OP_OPARG_SHIFT<<28|"
        } else {
            ""
        };
        return format!(
            "{shift}{}|{}<<12|{}|{}",
            shifted(&o["op"], 28),
            c_hex(o["oparg"].as_u64().unwrap()),
            shifted(&o["cmp"], 24),
            c_hex(o["cmparg"].as_u64().unwrap())
        );
    }
    if has("cpus") {
        let cpus: Vec<String> = o["cpus"].as_array().unwrap().iter().map(value).collect();
        return format!("[{}]", cpus.join(" "));
    }
    if has("wait_status") {
        let name = |k: &str| o[k].as_str().unwrap().to_string();
        return if has("stopped") {
            let event = o
                .get("event")
                .map_or(String::new(), |e| format!(" && s>>16 == {e}"));
            format!(
                "{{WIFSTOPPED(s) && WSTOPSIG(s) == {}{event}}}",
                name("stopped")
            )
        } else if has("continued") {
            "{WIFCONTINUED(s)}".into()
        } else if has("exited") {
            format!("{{WIFEXITED(s) && WEXITSTATUS(s) == {}}}", o["exited"])
        } else {
            let core = if has("core_dumped") {
                " && WCOREDUMP(s)"
            } else {
                ""
            };
            format!(
                "{{WIFSIGNALED(s) && WTERMSIG(s) == {}{core}}}",
                name("signaled")
            )
        };
    }
    // A struct: named fields, `...` when abbreviated.
    let mut parts = Vec::new();
    for (k, v) in o {
        if k == "..." {
            parts.push("...".to_string());
        } else if let Some(ip) = v.get("ipv6") {
            parts.push(format!(
                "inet_pton(AF_INET6, \"{}\", &{k})",
                ip.as_str().unwrap()
            ));
        } else {
            parts.push(format!("{k}={}", value(v)));
        }
    }
    format!("{{{}}}", parts.join(", "))
}

/// The return part of a finished syscall event, after `= `.
fn ret_text(e: &Value) -> String {
    if let Some(err) = e.get("error") {
        let errno = err["errno"].as_u64().unwrap();
        let shown = if (512..=516).contains(&errno) {
            "?"
        } else {
            "-1"
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
    let ret = &e["ret"];
    let mut s = ret_value(e, ret);
    if let Some(detail) = e.get("ret_detail") {
        let parts: Vec<String> = detail.as_array().unwrap().iter().map(value).collect();
        s += &format!(" ({})", parts.join(", "));
    }
    s
}

/// A successful return value with what `ret_decoded` says of it.
fn ret_value(e: &Value, ret: &Value) -> String {
    let Some(d) = e.get("ret_decoded") else {
        return ret.to_string();
    };
    let raw = || c_hex(ret.as_i64().unwrap() as u64);
    if let Some(h) = d.get("hex") {
        hex_field(h)
    } else if let Some(o) = d.get("octal") {
        o.as_str().unwrap().to_string()
    } else if d.get("signo").is_some() {
        format!("{ret} ({})", sig(d))
    } else if d.get("names").is_some() {
        let label = d
            .get("label")
            .map_or(String::new(), |l| format!("{} ", l.as_str().unwrap()));
        format!("{} ({label}{})", raw(), flags_text(d.as_object().unwrap()))
    } else if d.get("time").is_some() {
        match d.get("iso") {
            Some(iso) => format!("{ret} ({})", iso.as_str().unwrap()),
            None => ret.to_string(),
        }
    } else if d.get("fd").is_some() {
        format!("{ret}{}", fd_info_text(d.as_object().unwrap()))
    } else if let Some(c) = d.get("comment") {
        format!("{ret} ({})", c.as_str().unwrap())
    } else if d.get("numeric").is_some() {
        format!("{ret} ({})", d["name"].as_str().unwrap())
    } else {
        match d.get("name") {
            Some(n) => format!("{} ({})", raw(), n.as_str().unwrap()),
            None => raw(),
        }
    }
}

/// An event as the text line strace-rs writes for it (no pid prefix, no padding before ` = `),
/// or `None` for the events the text shows on stderr only.
fn to_text(e: &Value) -> Option<String> {
    let kind = e["event"].as_str().unwrap();
    Some(match kind {
        "syscall" => {
            let args: Vec<String> = e["args"].as_array().unwrap().iter().map(value).collect();
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
            by_pid.entry(pid).or_default().push(line);
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
            // (not `ptrace`: the helper traces its own child, which -f cannot follow)
        ];
        let with_opts: &[(&str, &[&str], &[&str])] = &[
            ("h_fdpaths", &[], &["-y"]),
            ("h_fdpaths", &[], &["-yy"]),
            ("h_nettime", &[], &["-yy"]),
            ("h_files2", &[], &["-y"]),
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
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":[true],"ret":0}"#,
        r#"{"event":"exit","pid":1,"ts":1}"#,
        r#"{"event":"nothing","pid":1,"ts":1}"#,
        r#"{"event":"syscall","pid":1,"ts":1,"syscall":"x","nr":0,"args":[{"str":"a","truncated":false}],"ret":0}"#,
    ] {
        let e: Value = serde_json::from_str(bad).unwrap();
        assert!(validate_event(&e).is_err(), "accepted {bad}");
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
