//! A seeded, deterministic fuzzer for the spec loader (issue 9): the real `syscalls.toml`,
//! whole or a stretch of it, truncated, with lines deleted, duplicated, swapped, numbers
//! changed, names misspelt, strings swapped, fields removed or retyped, garbage inserted; and
//! plain garbage. `spec::parse` must answer `Ok` or `Err`, never panic; and what it accepts,
//! `build.rs` must turn into tables without panicking, with numbers small enough for its
//! dense tables and shifts the flag printer can make.
//!
//! ```sh
//! cargo test --test spec_fuzz -- --nocapture                    # the default, a few seconds
//! FUZZ_SEED=3 FUZZ_ITERS=100000 cargo test --release --test spec_fuzz -- --nocapture
//! FUZZ_SEED=3 FUZZ_FROM=77 FUZZ_ITERS=1 FUZZ_VERBOSE=1 cargo test --test spec_fuzz -- --nocapture
//! ```
//!
//! Iteration `i` draws everything from a generator seeded by `(FUZZ_SEED, i)` alone; the last
//! command replays iteration 77 of seed 3 and writes the text it made to a file. For a long
//! campaign, `CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true` makes an overflow a panic in release.
//! What a report says: the steps that made the text from the real file, and the failure.

#[path = "../build.rs"]
#[allow(dead_code)]
mod build;

use build::spec;
use std::time::Instant;

/// Iterations when `FUZZ_ITERS` is not set: a few seconds in a debug build.
const DEFAULT_ITERS: u64 = 300;
/// Mixed with `FUZZ_SEED` (0 when unset).
const BASE_SEED: u64 = 0x5eed_5bec_f022;
const MAX_REPORTED: usize = 20;

#[path = "data/rng.rs"]
mod rng;
use rng::{Rng, env_u64, guarded};

/// Numbers to put where a number was: boundaries of the integer types TOML and the schema
/// use, and TOML's other ways of writing numbers.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "6",
    "7",
    "63",
    "64",
    "65",
    "255",
    "256",
    "1023",
    "1024",
    "4095",
    "4096",
    "65536",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551615",
    "99999999999999999999999",
    "0x7fffffff",
    "0xffffffffffffffff",
    "0o777",
    "0b101",
    "1_000",
    "+1",
    "-0",
    "1e3",
    "0.5",
    "nan",
    "inf",
    "0x",
    "1__0",
];

/// Values of other types, for a value whose type changes.
const VALUES: &[&str] = &[
    "true",
    "[]",
    "{}",
    "\"\"",
    "\"x\"",
    "1",
    "[[1, 2]]",
    "[\"a\", 1]",
    "{ name = \"x\" }",
    "1979-05-27T07:32:00Z",
    "'''x'''",
];

/// Lines a hand might leave in the file.
const JUNK: &[&str] = &[
    "[[syscall]]",
    "[[errno]]",
    "[[signal]]",
    "[flags.x]",
    "[enums.x]",
    "[flags.\"a b\"]",
    "[flags.A-B]",
    "[enums.é]",
    "[flags.open_flags]",
    "[syscall]",
    "name = \"read\"",
    "nr = 0",
    "nr = 4294967295",
    "value = 4294967295",
    "value = 0",
    "nargs = 7",
    "args = [",
    "]",
    "}",
    "{",
    "=",
    "\"\"\"",
    "'''",
    "#",
    "args = [{ name = \"a\", kind = \"buffer\", len = \"a\" }]",
    "args = [{ name = \"a\", kind = \"flags\", table = \"a\", show_if = { arg = \"a\", any_of = [] } }]",
    "shifted = { name = \"X\", shift = 64, mask = 1 }",
    "shifted = { name = \"X\", shift = 4294967295, mask = 18446744073709551615 }",
    "field_mask = 3",
    "field = [[\"A\", 4]]",
    "bits = [[\"B\", 0]]",
    "values = [[\"V\", -1]]",
    "unknown = \"X_???\"",
    "zero = \"NONE\"",
    "class = [\"file\", \"nope\"]",
    "ret = \"nope\"",
    "dir = \"out\"",
    "\u{0}",
    "\u{feff}name = \"bom\"",
];

/// Keys to rename a key to.
const KEYS: &[&str] = &[
    "name",
    "nr",
    "kind",
    "table",
    "len",
    "dir",
    "show_if",
    "args",
    "nargs",
    "class",
    "ret",
    "value",
    "desc",
    "zero",
    "bits",
    "field",
    "field_mask",
    "unknown",
    "shifted",
    "values",
    "any_of",
    "all_of",
    "arg",
    "shift",
    "mask",
    "knd",
    "",
];

/// The text one iteration feeds the loader, and what was done to make it.
struct Input {
    text: String,
    steps: Vec<String>,
}

fn generate(rng: &mut Rng, real: &str) -> Input {
    let mut steps = Vec::new();
    let lines: Vec<&str> = real.lines().collect();
    let mut lines: Vec<String> = match rng.below(20) {
        0 => {
            steps.push("garbage".to_string());
            return Input {
                text: garbage(rng),
                steps,
            };
        }
        1..=6 => {
            steps.push("the whole file".to_string());
            lines.iter().map(|l| l.to_string()).collect()
        }
        _ => {
            // Whole entries and tables, from one header to another, so that the stretch is
            // TOML before the mutations.
            let headers: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].starts_with('['))
                .chain([lines.len()])
                .collect();
            let first = rng.index(headers.len() - 1);
            let last = (first + 1 + rng.index(40)).min(headers.len() - 1);
            let (start, end) = (headers[first], headers[last]);
            steps.push(format!("lines {}..{end}", start + 1));
            lines[start..end].iter().map(|l| l.to_string()).collect()
        }
    };
    let n = 1 + rng.index(5);
    for _ in 0..n {
        if lines.is_empty() {
            break;
        }
        let at = rng.index(lines.len());
        // Mostly changes that keep the TOML well-formed, for the checks after parsing.
        let op = if rng.one_in(3) {
            rng.below(12)
        } else {
            3 + rng.below(6)
        };
        match op {
            0 => {
                steps.push(format!("delete line {}", at + 1));
                lines.remove(at);
            }
            1 => {
                let to = rng.index(lines.len() + 1);
                steps.push(format!("copy line {} before {}", at + 1, to + 1));
                let line = lines[at].clone();
                lines.insert(to, line);
            }
            2 => {
                let other = rng.index(lines.len());
                steps.push(format!("swap lines {} and {}", at + 1, other + 1));
                lines.swap(at, other);
            }
            3 => {
                let with = rng.pick(NUMBERS);
                if let Some(line) = replace_number(rng, &lines[at], with) {
                    steps.push(format!("line {}: a number becomes {with}", at + 1));
                    lines[at] = line;
                }
            }
            4 => {
                if let Some(line) = misspell(rng, &lines[at]) {
                    steps.push(format!("line {}: a string misspelt", at + 1));
                    lines[at] = line;
                }
            }
            5 => {
                let other = rng.index(lines.len());
                let word = quoted(rng, &lines[other]).map(|(s, e)| lines[other][s..e].to_string());
                if let (Some(word), Some((s, e))) = (word, quoted(rng, &lines[at])) {
                    steps.push(format!("line {}: a string from line {}", at + 1, other + 1));
                    lines[at].replace_range(s..e, &word);
                }
            }
            6 => {
                if let Some(line) = remove_field(rng, &lines[at]) {
                    steps.push(format!("line {}: a field removed", at + 1));
                    lines[at] = line;
                }
            }
            7 => {
                let key = rng.pick(KEYS);
                if let Some(line) = rename_key(rng, &lines[at], key) {
                    steps.push(format!("line {}: a key becomes `{key}`", at + 1));
                    lines[at] = line;
                }
            }
            8 => {
                let value = rng.pick(VALUES);
                if let Some(line) = retype_value(rng, &lines[at], value) {
                    steps.push(format!("line {}: a value becomes {value}", at + 1));
                    lines[at] = line;
                }
            }
            9 => {
                let junk = rng.pick(JUNK);
                steps.push(format!("insert {junk:?} before line {}", at + 1));
                lines.insert(at, junk.to_string());
            }
            10 => {
                let line = &lines[at];
                let cut = char_boundary(line, rng.index(line.len() + 1));
                steps.push(format!("line {}: cut at byte {cut}", at + 1));
                lines[at].truncate(cut);
            }
            _ => {
                let junk = garbage(rng);
                steps.push(format!("insert garbage {junk:?} before line {}", at + 1));
                lines.insert(at, junk);
            }
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    if rng.one_in(8) {
        let cut = char_boundary(&text, rng.index(text.len() + 1));
        steps.push(format!("truncated at byte {cut}"));
        text.truncate(cut);
    }
    Input { text, steps }
}

/// The largest char boundary at or below `at`.
fn char_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Random characters, TOML's punctuation and a few non-ASCII ones among them.
fn garbage(rng: &mut Rng) -> String {
    const CHARS: &[char] = &[
        '[', ']', '{', '}', '"', '\'', '=', ',', '.', '#', '\\', '\n', ' ', '\t', 'a', 'z', '_',
        '-', '0', '9', 'x', 'é', '\u{0}', '\u{7f}', '\u{2028}', '😀',
    ];
    let len = rng.index(80);
    (0..len).map(|_| CHARS[rng.index(CHARS.len())]).collect()
}

/// The byte range of a random quoted string's contents (`"..."`) in `line`.
fn quoted(rng: &mut Rng, line: &str) -> Option<(usize, usize)> {
    let quotes: Vec<usize> = line.match_indices('"').map(|(i, _)| i).collect();
    if quotes.len() < 2 {
        return None;
    }
    let pair = rng.index(quotes.len() / 2);
    Some((quotes[2 * pair] + 1, quotes[2 * pair + 1]))
}

fn misspell(rng: &mut Rng, line: &str) -> Option<String> {
    let (s, e) = quoted(rng, line)?;
    let mut word: Vec<char> = line[s..e].chars().collect();
    const CHARS: &[char] = &['a', 'q', '_', '-', ' ', '.', 'A', 'é', '\\', '"', '0'];
    let c = CHARS[rng.index(CHARS.len())];
    match rng.below(3) {
        0 if !word.is_empty() => {
            word.remove(rng.index(word.len()));
        }
        1 if !word.is_empty() => {
            let i = rng.index(word.len());
            word[i] = c;
        }
        _ => word.insert(rng.index(word.len() + 1), c),
    }
    let word: String = word.into_iter().collect();
    Some(format!("{}{word}{}", &line[..s], &line[e..]))
}

/// Replaces a random run of digits (with its sign and `0x`) by `with`.
fn replace_number(rng: &mut Rng, line: &str, with: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let mut s = starts[rng.index(starts.len())];
    let mut e = s;
    while e < bytes.len() && (bytes[e].is_ascii_alphanumeric() || bytes[e] == b'_') {
        e += 1;
    }
    if s > 0 && bytes[s - 1] == b'-' {
        s -= 1;
    }
    Some(format!("{}{with}{}", &line[..s], &line[e..]))
}

/// The byte ranges of `key = value` pairs in `line` (the value up to `,`, `}` or the end).
fn fields(line: &str) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    for (eq, _) in line.match_indices(" = ") {
        let key_start = line[..eq]
            .char_indices()
            .rfind(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let value_start = eq + 3;
        let mut depth = 0i32;
        let mut in_str = false;
        let mut end = line.len();
        for (i, c) in line[value_start..].char_indices() {
            match c {
                '"' => in_str = !in_str,
                '[' | '{' if !in_str => depth += 1,
                ']' | '}' if !in_str && depth > 0 => depth -= 1,
                ',' | '}' if !in_str && depth == 0 => {
                    end = value_start + i;
                    break;
                }
                _ => {}
            }
        }
        found.push((key_start, value_start, end));
    }
    found
}

fn remove_field(rng: &mut Rng, line: &str) -> Option<String> {
    let f = fields(line);
    if f.is_empty() {
        return None;
    }
    let (k, _, e) = f[rng.index(f.len())];
    let e = if line[e..].starts_with(',') { e + 1 } else { e };
    Some(format!("{}{}", &line[..k], &line[e..]))
}

fn rename_key(rng: &mut Rng, line: &str, key: &str) -> Option<String> {
    let f = fields(line);
    if f.is_empty() {
        return None;
    }
    let (k, v, _) = f[rng.index(f.len())];
    Some(format!("{}{key} = {}", &line[..k], &line[v..]))
}

fn retype_value(rng: &mut Rng, line: &str, value: &str) -> Option<String> {
    let f = fields(line);
    if f.is_empty() {
        return None;
    }
    let (_, v, e) = f[rng.index(f.len())];
    Some(format!("{}{value}{}", &line[..v], &line[e..]))
}

/// What a spec the loader accepted must also be, for `build.rs` and the printers: its
/// numbers small enough for the dense tables `build.rs` makes (a larger one would make it
/// allocate billions of rows), its shifts possible.
fn accepted_problems(spec: &spec::Spec) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(sc) = spec.syscalls.iter().find(|s| s.nr > 1023) {
        problems.push(format!("accepted syscall {:?} numbered {}", sc.name, sc.nr));
    }
    if let Some(e) = spec.errnos.iter().find(|e| !(1..=4095).contains(&e.value)) {
        problems.push(format!("accepted errno {:?} = {}", e.name, e.value));
    }
    if let Some(s) = spec.signals.iter().find(|s| !(1..=64).contains(&s.value)) {
        problems.push(format!("accepted signal {:?} = {}", s.name, s.value));
    }
    for (name, table) in &spec.flags {
        if let Some(s) = table.shifted.as_ref().filter(|s| s.shift >= 64) {
            problems.push(format!("accepted flags.{name} shifted by {}", s.shift));
        }
    }
    problems
}

#[test]
fn loader_survives_random_toml() {
    let real = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/syscalls.toml"))
        .expect("syscalls.toml");
    let seed = env_u64("FUZZ_SEED").unwrap_or(0);
    let from = env_u64("FUZZ_FROM").unwrap_or(0);
    let explicit = env_u64("FUZZ_ITERS");
    let iters = explicit.unwrap_or(DEFAULT_ITERS);
    let verbose = std::env::var_os("FUZZ_VERBOSE").is_some_and(|v| v != "0");
    let started = Instant::now();
    let (mut accepted, mut failed) = (0u64, 0u64);
    let mut reports = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for index in from..from + iters {
        let mut rng = Rng::for_iteration(seed ^ BASE_SEED, index);
        let input = generate(&mut rng, &real);
        let mut problems = Vec::new();
        let outcome = match guarded(|| spec::parse(&input.text)) {
            Err(panic) => {
                problems.push(format!("spec::parse {panic}"));
                "panicked".to_string()
            }
            Ok(Err(msg)) => format!("Err({msg})"),
            Ok(Ok(spec)) => {
                accepted += 1;
                problems = accepted_problems(&spec);
                // Only a spec of sane sizes is handed to the generator (else it would try
                // to allocate billions of rows).
                if problems.is_empty()
                    && let Err(panic) = guarded(|| build::generate(&spec))
                {
                    problems.push(format!("build.rs generate() {panic}"));
                }
                "Ok".to_string()
            }
        };
        if verbose {
            let path = std::env::temp_dir().join(format!("spec-fuzz-{seed:#x}-{index}.toml"));
            let _ = std::fs::write(&path, &input.text);
            println!(
                "#{index}: {} -> {outcome} (text in {})",
                input.steps.join("; "),
                path.display()
            );
        }
        if !problems.is_empty() {
            failed += 1;
            // One report per kind of failure: its first line without numbers and names.
            let kind: String = problems[0]
                .lines()
                .next()
                .unwrap_or("")
                .split('"')
                .step_by(2)
                .collect::<String>()
                .replace(|c: char| c.is_ascii_digit(), "");
            if seen.insert(kind) && reports.len() < MAX_REPORTED {
                reports.push(format!(
                    "FUZZ_SEED={seed:#x} FUZZ_FROM={index} FUZZ_ITERS=1 FUZZ_VERBOSE=1 replays it\n  \
                     made by: {}\n  failure: {}",
                    input.steps.join("; "),
                    problems.join("\n  failure: ")
                ));
            }
        }
        if explicit.is_some() && (index - from + 1).is_multiple_of(10_000) {
            println!(
                "spec fuzz: seed {seed:#x}: {} iterations in {:.1?}, {accepted} accepted, {failed} failed",
                index - from + 1,
                started.elapsed()
            );
        }
    }
    println!(
        "spec fuzz: seed {seed:#x}, iterations {from}..{}: {accepted} accepted, {failed} failed, in {:.2?}",
        from + iters,
        started.elapsed()
    );
    assert!(
        reports.is_empty(),
        "{failed} of {iters} spec fuzz iterations failed; the first of each kind:\n{}",
        reports.join("\n")
    );
}
