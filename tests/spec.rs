//! Tests of the spec: the real `syscalls.toml` parses, its values agree with `libc`, and
//! malformed entries are rejected with a message naming the entry and the field.

#[path = "../src/kinds.rs"]
#[allow(dead_code)]
mod kinds;
#[path = "../src/spec.rs"]
#[allow(dead_code)]
mod spec;

#[path = "data/libc_lists.rs"]
mod libc_lists;

use libc_lists::{LIBC_SYSCALLS, LIBC_VALUES};

fn real_spec() -> spec::Spec {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/syscalls.toml")).unwrap();
    spec::parse(&text).unwrap()
}

#[test]
fn real_spec_has_the_whole_x86_64_table() {
    let spec = real_spec();
    // 0-335 and 424-469: the kernel's table as far as the kernel of these machines (6.18).
    assert_eq!(spec.syscalls.len(), 382);
    let mut numbers: Vec<u32> = spec.syscalls.iter().map(|s| s.nr).collect();
    numbers.sort_unstable();
    let expected: Vec<u32> = (0..=335).chain(424..=469).collect();
    assert_eq!(numbers, expected);
    // Where the machine's <asm/unistd_64.h> has a number, the names agree.
    if let Some(header) = header_numbers("unistd_64.h") {
        for s in &spec.syscalls {
            if let Some(name) = header.get(&s.nr) {
                assert_eq!(&s.name, name, "{}", s.nr);
            }
        }
    }
}

/// Syscalls newer than the machine's kernel headers (and so missing from its <asm/unistd_32.h>
/// and <asm/unistd_x32.h>): the kernel's table gives every one of them to i386 and x32 too,
/// but for uretprobe, x86_64's own.
const NEWER_THAN_HEADERS: [&str; 20] = [
    "cachestat",
    "fchmodat2",
    "map_shadow_stack",
    "futex_wake",
    "futex_wait",
    "futex_requeue",
    "statmount",
    "listmount",
    "lsm_get_self_attr",
    "lsm_set_self_attr",
    "lsm_list_modules",
    "mseal",
    "setxattrat",
    "getxattrat",
    "listxattrat",
    "removexattrat",
    "open_tree_attr",
    "file_getattr",
    "file_setattr",
    "uretprobe",
];

#[test]
fn syscall_numbers_agree_with_libc() {
    let spec = real_spec();
    // libc lacks four long-removed syscalls and the newer ones but fchmodat2 and mseal;
    // every other one is checked.
    let newer_in_libc = ["fchmodat2", "mseal"];
    let newer_not = NEWER_THAN_HEADERS
        .iter()
        .filter(|n| !newer_in_libc.contains(n))
        .count();
    assert_eq!(LIBC_SYSCALLS.len(), spec.syscalls.len() - 4 - newer_not);
    for (name, nr) in LIBC_SYSCALLS {
        let entry = spec.syscalls.iter().find(|s| s.name == *name).unwrap();
        assert_eq!(i64::from(entry.nr), *nr, "{name}");
    }
}

/// Every flag and enum value whose name `libc` also defines agrees with `libc`; where glibc's
/// value differs from the kernel's (the table follows the kernel), the name is listed.
#[test]
fn flag_and_enum_values_agree_with_libc() {
    let spec = real_spec();
    let mut differ = Vec::new();
    for (section, table, name, libc_value) in LIBC_VALUES {
        let ours = match *section {
            "flags" => spec.flags[*table].value_of(name).map(|v| v as i64),
            "ioctls" => spec
                .ioctls
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| i64::from(*v)),
            _ => spec.enums[*table]
                .values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| *v),
        };
        let ours = ours.unwrap_or_else(|| panic!("{section}.{table}.{name} not in the table"));
        // libc declares most of these as C ints: compare those in 32 bits.
        let as_int = i32::try_from(*libc_value).is_ok() && ours as u32 == *libc_value as u32;
        if ours != *libc_value && !as_int {
            differ.push(format!(
                "{section}.{table}.{name}: {ours:#x} vs libc {libc_value:#x}"
            ));
        }
    }
    assert_eq!(differ, KERNEL_NOT_GLIBC, "values that disagree with libc");
    assert!(LIBC_VALUES.len() > 1000);
}

/// Names whose userspace (glibc/libc crate) value is not the kernel's: the tracer must show the
/// kernel's view. Each entry says why.
const KERNEL_NOT_GLIBC: &[&str] = &[
    // x86_64 userspace defines O_LARGEFILE as 0 (every file is large); the kernel and strace use
    // the asm-generic bit 0o100000.
    "flags.open_flags.O_LARGEFILE: 0x8000 vs libc 0x0",
];

#[test]
fn errnos_agree_with_libc_and_strerror() {
    let spec = real_spec();
    let known = [
        ("EPERM", libc::EPERM),
        ("ENOENT", libc::ENOENT),
        ("EACCES", libc::EACCES),
        ("EFAULT", libc::EFAULT),
        ("EAGAIN", libc::EAGAIN),
        ("EDEADLK", libc::EDEADLK),
        ("EOPNOTSUPP", libc::EOPNOTSUPP),
        ("EHWPOISON", libc::EHWPOISON),
    ];
    for (name, value) in known {
        let e = spec.errnos.iter().find(|e| e.name == name).unwrap();
        assert_eq!(e.value as i32, value, "{name}");
    }
    for e in spec.errnos.iter().filter(|e| e.value < 512) {
        // SAFETY: strerror returns a pointer to a NUL-terminated static or thread-local string.
        let desc = unsafe { std::ffi::CStr::from_ptr(libc::strerror(e.value as i32)) };
        assert_eq!(e.desc, desc.to_str().unwrap(), "{}", e.name);
    }
}

#[test]
fn signals_agree_with_libc() {
    let spec = real_spec();
    let known = [
        ("SIGHUP", libc::SIGHUP),
        ("SIGKILL", libc::SIGKILL),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGSYS", libc::SIGSYS),
    ];
    for (name, value) in known {
        assert_eq!(
            spec.signals.iter().find(|s| s.name == name).unwrap().value as i32,
            value
        );
    }
    assert_eq!(spec.signals.len(), 31);
}

/// A minimal valid spec the malformed cases below break one field at a time.
const BASE: &str = r#"
[[syscall]]
name = "read"
nr = 0
args = [
  { name = "fd", kind = "fd" },
  { name = "buf", kind = "buffer", len = "ret", dir = "out" },
  { name = "count", kind = "size" },
]

[[syscall]]
name = "getpid"
nr = 39
nargs = 0

[flags.prot]
zero = "PROT_NONE"
bits = [["PROT_READ", 1]]
"#;

fn error_of(text: &str) -> String {
    spec::parse(text).expect_err("the spec should be rejected")
}

#[test]
fn base_is_valid() {
    let spec = spec::parse(BASE).unwrap();
    assert_eq!(spec.syscalls.len(), 2);
}

#[test]
fn unknown_kind_is_rejected() {
    let err = error_of(&BASE.replace(r#"kind = "size""#, r#"kind = "sise""#));
    assert_eq!(
        err,
        "syscall \"read\": argument `count`: field `kind`: no kind `sise` (the nearest is \
         `size`; src/kinds.rs lists them)"
    );
}

/// A kind that depends on another argument names it with `by`, checked like `len`.
#[test]
fn dependencies_are_named_and_checked() {
    let sock = r#"
[[syscall]]
name = "socket"
nr = 41
args = [
  { name = "domain", kind = "int" },
  { name = "type", kind = "int" },
  { name = "protocol", kind = "sock_protocol", by = "domain" },
]
"#;
    assert!(spec::parse(sock).is_ok());
    assert_eq!(
        error_of(&sock.replace(r#", by = "domain""#, "")),
        "syscall \"socket\": argument `protocol`: missing field `by` (the argument kind \
         `sock_protocol` depends on)"
    );
    assert_eq!(
        error_of(&sock.replace(r#"by = "domain""#, r#"by = "family""#)),
        "syscall \"socket\": argument `protocol`: field `by`: no argument named `family`"
    );
    assert_eq!(
        error_of(&sock.replace(
            r#"kind = "int" },
  { name = "type""#,
            r#"kind = "int", by = "type" },
  { name = "type""#
        )),
        "syscall \"socket\": argument `domain`: field `by`: kind `int` depends on no other \
         argument"
    );
}

/// `[sockopt.LEVEL]` names a level, its tables, options those tables name (the call's own
/// names only under `get`/`set`) and known shapes, each option once.
#[test]
fn socket_option_shapes_are_checked() {
    let base = r#"
[enums.sock_level]
unknown = "SOL_??"
values = [["SOL_SOCKET", 1]]

[enums.so]
unknown = "SO_???"
values = [["SO_DEBUG", 1], ["SO_LINGER", 13]]

[enums.so_get]
unknown = "SO_???"
values = [["SO_GET_FILTER", 26]]

[sockopt.SOL_SOCKET]
names = "so"
get_names = "so_get"
[sockopt.SOL_SOCKET.values]
int = ["SO_DEBUG"]
[sockopt.SOL_SOCKET.get]
linger = ["SO_LINGER"]
sock_fprog = ["SO_GET_FILTER"]
"#;
    let spec = spec::parse(base).unwrap();
    assert_eq!(spec.sockopt["SOL_SOCKET"].get["linger"], ["SO_LINGER"]);
    let cases = [
        (
            "sockopt.SOL_SOCKET",
            "sockopt.SOL_SOCK",
            "sockopt.SOL_SOCK: no SOL_SOCK in [enums.sock_level]",
        ),
        (
            r#"get_names = "so_get""#,
            r#"get_names = "so_got""#,
            "sockopt.SOL_SOCKET: field `get_names`: no table [enums.so_got]",
        ),
        (
            r#"int = ["SO_DEBUG"]"#,
            r#"int = ["SO_GET_FILTER"]"#,
            "sockopt.SOL_SOCKET: field `values`: SO_GET_FILTER is not named by the level's tables",
        ),
        (
            r#"int = ["SO_DEBUG"]"#,
            r#"integer = ["SO_DEBUG"]"#,
            "sockopt.SOL_SOCKET: field `values`: no shape \"integer\" (one of int, int_any, \
             int_or_string, errno, txrehash, linger, ucred, sock_fprog, tpacket_stats, \
             tpacket_req, packet_mreq, icmp_filter, ip_mreq, ipv6_mreq, group_req, u32_array)",
        ),
        (
            r#"sock_fprog = ["SO_GET_FILTER"]"#,
            r#"sock_fprog = ["SO_GET_FILTER", "SO_LINGER"]"#,
            "sockopt.SOL_SOCKET: field `get`: SO_LINGER is listed twice",
        ),
    ];
    for (from, to, want) in cases {
        assert_eq!(error_of(&base.replace(from, to)), want, "{to}");
    }
}

/// `pathtrace = false` takes a descriptor or a path out of `-P`; on any other kind it means
/// nothing and is refused.
#[test]
fn pathtrace_is_for_descriptors_and_paths() {
    let accept = r#"
[[syscall]]
name = "accept"
nr = 43
args = [
  { name = "sockfd", kind = "fd", pathtrace = false },
  { name = "addr", kind = "addr" },
]
"#;
    let spec = spec::parse(accept).unwrap();
    assert!(!spec.syscalls[0].args.as_ref().unwrap()[0].pathtrace);
    assert!(spec.syscalls[0].args.as_ref().unwrap()[1].pathtrace);
    assert_eq!(
        error_of(&accept.replace(
            r#"kind = "addr" }"#,
            r#"kind = "addr", pathtrace = false }"#
        )),
        "syscall \"accept\": argument `addr`: field `pathtrace`: only a descriptor or a path \
         is traced"
    );
}

/// A kind of a syscall-level decoder (prctl's arguments) or a return kind that reads the
/// call's arguments goes only where the syscall names that decoder.
#[test]
fn layout_kinds_need_their_decoder() {
    let prctl = r#"
[[syscall]]
name = "prctl"
nr = 157
decoder = "prctl"
ret = "prctl"
args = [
  { name = "option", kind = "int" },
  { name = "args", kind = "prctl_args" },
]
"#;
    assert!(spec::parse(prctl).is_ok());
    let elsewhere = prctl.replace("decoder = \"prctl\"\nret = \"prctl\"\n", "");
    assert_eq!(
        error_of(&elsewhere),
        "syscall \"prctl\": argument `args`: kind `prctl_args` reads the call's registers by \
         its layout: it needs `decoder = \"prctl\"`"
    );
    assert_eq!(
        error_of(&prctl.replace("decoder = \"prctl\"\n", "")),
        "syscall \"prctl\": field `ret`: Prctl reads the call's arguments: it needs \
         `decoder = \"prctl\"`"
    );
    assert_eq!(
        error_of(&prctl.replace("decoder = \"prctl\"", "decoder = \"prtcl\"")),
        "syscall \"prctl\": field `decoder`: no decoder `prtcl`"
    );
}

/// Every kind's name is unique, and each named in the spec exists.
#[test]
fn kinds_are_defined_once() {
    let mut names: Vec<&str> = kinds::KINDS.iter().map(|k| k.name).collect();
    let n = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), n, "a kind defined twice");
}

#[test]
fn unknown_flag_table_is_rejected() {
    let text = BASE.replace(
        r#"{ name = "count", kind = "size" }"#,
        r#"{ name = "count", kind = "flags", table = "nope" }"#,
    );
    assert_eq!(
        error_of(&text),
        r#"syscall "read": argument `count`: field `table`: no table [flags.nope]"#
    );
}

#[test]
fn duplicate_number_is_rejected() {
    let err = error_of(&BASE.replace("nr = 39", "nr = 0"));
    assert_eq!(
        err,
        r#"syscall "getpid": field `nr`: 0 is also the number of "read""#
    );
}

#[test]
fn missing_field_is_rejected() {
    let err = error_of(&BASE.replace("nr = 39\n", ""));
    assert_eq!(err, r#"syscall entry #2 "getpid": missing field `nr`"#);
}

#[test]
fn misspelled_key_is_rejected() {
    let err = error_of(&BASE.replace("nargs = 0", "nargz = 0"));
    assert!(
        err.starts_with(r#"syscall entry #2 "getpid": unknown field `nargz`"#),
        "{err}"
    );
}

#[test]
fn buffer_without_length_is_rejected() {
    let err = error_of(&BASE.replace(r#", len = "ret""#, ""));
    assert_eq!(
        err,
        r#"syscall "read": argument `buf`: missing field `len`"#
    );
}

#[test]
fn length_naming_no_argument_is_rejected() {
    let err = error_of(&BASE.replace(r#"len = "ret""#, r#"len = "size""#));
    assert_eq!(
        err,
        r#"syscall "read": argument `buf`: field `len`: no argument named `size`"#
    );
}

#[test]
fn nargs_repeating_the_args_is_rejected() {
    let err = error_of(&BASE.replace("nr = 0\n", "nr = 0\nnargs = 3\n"));
    assert_eq!(
        err,
        r#"syscall "read": field `nargs`: 3 is the number of `args`: give it only when they differ"#
    );
    let err = error_of(&BASE.replace("nr = 0\n", "nr = 0\nnargs = 7\n"));
    assert_eq!(err, r#"syscall "read": field `nargs`: 7 is more than 6"#);
}

#[test]
fn misspelled_flag_table_key_is_rejected() {
    let err = error_of(&BASE.replace("zero =", "zeros ="));
    assert!(
        err.starts_with("flags.prot: unknown field `zeros`"),
        "{err}"
    );
}

/// What the dense tables and the printers cannot hold (found by tests/spec_fuzz.rs): a number
/// that would make build.rs allocate a row per number up to it, a table name that makes no
/// identifier (build.rs panicked), a shift past 64 bits (the flag printer panicked).
#[test]
fn numbers_too_large_for_the_tables_are_rejected() {
    assert_eq!(
        error_of(&BASE.replace("nr = 39", "nr = 4294967295")),
        r#"syscall "getpid": field `nr`: 4294967295 is above 1023"#
    );
    let errno = "[[errno]]\nname = \"EX\"\nvalue = 4096\ndesc = \"x\"\n";
    assert_eq!(
        error_of(&format!("{BASE}{errno}")),
        r#"errno "EX": field `value`: 4096 is not in 1..=4095"#
    );
    assert_eq!(
        error_of(&format!("{BASE}{}", errno.replace("4096", "0"))),
        r#"errno "EX": field `value`: 0 is not in 1..=4095"#
    );
    assert_eq!(
        error_of(&format!("{BASE}[[signal]]\nname = \"SIGX\"\nvalue = 65\n")),
        r#"signal "SIGX": field `value`: 65 is not in 1..=64"#
    );
    assert_eq!(
        error_of(&format!(
            "{BASE}shifted = {{ name = \"X_SHIFT\", shift = 64, mask = 1 }}\n"
        )),
        "flags.prot: field `shifted`: a shift of 64 is past 64 bits"
    );
}

#[test]
fn table_name_that_makes_no_identifier_is_rejected() {
    for name in ["A-B", "\"a b\"", "Prot", "9x", "\"é\""] {
        let text = BASE.replace("[flags.prot]", &format!("[flags.{name}]"));
        let shown = name.trim_matches('"');
        assert_eq!(
            error_of(&text),
            format!(
                "flags.{shown}: a table name is lowercase letters, digits and `_`, starting with a letter"
            )
        );
    }
}

#[test]
fn the_build_fails_on_a_bad_entry_naming_it() {
    // The build script reports spec errors; this runs it on a broken copy of the crate.
    let dir = std::env::temp_dir().join(format!("strace-rs-badspec-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(format!("{root}/build.rs"), dir.join("build.rs")).unwrap();
    std::fs::copy(format!("{root}/src/spec.rs"), dir.join("src/spec.rs")).unwrap();
    for file in [
        "src/spec_structs.rs",
        "src/spec_netlink.rs",
        "src/spec_sockopt.rs",
    ] {
        std::fs::copy(format!("{root}/{file}"), dir.join(file)).unwrap();
    }
    std::fs::copy(format!("{root}/src/kinds.rs"), dir.join("src/kinds.rs")).unwrap();
    std::fs::write(dir.join("src/main.rs"), "fn main() {}\n").unwrap();
    // A misspelt kind: one short message naming the syscall, the argument and the nearest kind.
    std::fs::write(
        dir.join("syscalls.toml"),
        BASE.replace(r#"kind = "buffer""#, r#"kind = "bufer""#),
    )
    .unwrap();
    let manifest = std::fs::read_to_string(format!("{root}/Cargo.toml")).unwrap();
    let build_deps = manifest
        .split("[build-dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!("[package]\nname = \"badspec\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[build-dependencies]{build_deps}\n[workspace]\n"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!out.status.success());
    assert!(
        stderr.contains(
            "error: syscall \"read\": argument `buf`: field `kind`: no kind `bufer` (the \
             nearest is `buffer`; src/kinds.rs lists them)\n"
        ),
        "{stderr}"
    );
}

/// The numbers and names of the machine's <asm/unistd_64.h>-like header, if installed.
fn header_numbers(header: &str) -> Option<std::collections::BTreeMap<u32, String>> {
    let text =
        std::fs::read_to_string(format!("/usr/include/x86_64-linux-gnu/asm/{header}")).ok()?;
    Some(
        text.lines()
            .filter_map(|l| l.strip_prefix("#define __NR_"))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let name = parts.next()?.to_string();
                let nr = parts.next()?.parse().ok()?;
                Some((nr, name))
            })
            .collect(),
    )
}

/// The `__NR_` names of a header of the machine's kernel headers, if it is installed.
fn header_names(header: &str) -> Option<std::collections::BTreeSet<String>> {
    let text =
        std::fs::read_to_string(format!("/usr/include/x86_64-linux-gnu/asm/{header}")).ok()?;
    Some(
        text.lines()
            .filter_map(|l| l.strip_prefix("#define __NR_"))
            .filter_map(|l| l.split_whitespace().next())
            .map(str::to_string)
            .collect(),
    )
}

/// `[foreign]` agrees with the machine's <asm/unistd_32.h> and <asm/unistd_x32.h>: i386's
/// names x86_64 lacks (and the socketcall subcalls strace's i386 table adds), the x86_64
/// names i386 and x32 lack (strace's i386 table has accept, semop and semtimedop as subcalls).
#[test]
fn foreign_names_agree_with_the_headers() {
    let (Some(i386), Some(x32)) = (header_names("unistd_32.h"), header_names("unistd_x32.h"))
    else {
        eprintln!("no <asm/unistd_32.h> or <asm/unistd_x32.h>: not checked");
        return;
    };
    let spec = real_spec();
    let mut x86_64: std::collections::BTreeSet<String> =
        spec.syscalls.iter().map(|s| s.name.clone()).collect();
    // The headers cannot speak of calls newer than themselves.
    let newer: Vec<String> = NEWER_THAN_HEADERS
        .iter()
        .filter(|n| !i386.contains(**n))
        .map(|n| n.to_string())
        .collect();
    for n in &newer {
        x86_64.remove(n);
    }
    let set = |v: &[String]| v.iter().cloned().collect::<std::collections::BTreeSet<_>>();
    let mut foreign: std::collections::BTreeSet<String> =
        i386.difference(&x86_64).cloned().collect();
    foreign.extend(["send", "recv"].map(String::from));
    assert_eq!(set(&spec.foreign_names), foreign);
    let mut not_i386: std::collections::BTreeSet<String> =
        x86_64.difference(&i386).cloned().collect();
    for subcall in ["accept", "semop", "semtimedop"] {
        not_i386.remove(subcall);
    }
    let without_newer = |v: &[String]| {
        v.iter()
            .filter(|n| !newer.contains(n))
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(without_newer(&spec.not_i386), not_i386);
    // x32's header names its calls without the x32 bit, x86_64's that x32 keeps among them.
    let not_x32: std::collections::BTreeSet<String> = x86_64.difference(&x32).cloned().collect();
    assert_eq!(without_newer(&spec.not_x32), not_x32);
}

/// The `#define NAME VALUE` constants and `NAME = VALUE,` enumerators of some of the
/// machine's kernel headers, the values evaluated where they are numbers, shifts of numbers
/// or other such names: `(3 << 16)`, `(1UL << 2)`, `O_CLOEXEC`.
fn header_constants(headers: &[&str]) -> std::collections::BTreeMap<String, i64> {
    let mut exprs = std::collections::BTreeMap::new();
    for header in headers {
        let Ok(text) = std::fs::read_to_string(format!("/usr/include/{header}")) else {
            continue;
        };
        for line in text.lines() {
            let line = line.split("/*").next().unwrap_or("").trim();
            let (name, expr) = if let Some(rest) = line
                .strip_prefix("#define")
                .filter(|r| r.starts_with(char::is_whitespace))
            {
                let rest = rest.trim_start();
                let mut parts = rest.splitn(2, char::is_whitespace);
                (
                    parts.next().unwrap_or(""),
                    parts.next().unwrap_or("").trim(),
                )
            } else if let Some((name, value)) = line.split_once('=') {
                (name.trim(), value.trim().trim_end_matches(','))
            } else {
                continue;
            };
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                exprs.insert(name.to_string(), expr.to_string());
            }
        }
    }
    fn number(word: &str) -> Option<i64> {
        let w = word.trim_end_matches(['U', 'L']);
        if let Some(hex) = w.strip_prefix("0x") {
            i64::from_str_radix(hex, 16).ok()
        } else if w.len() > 1 && w.starts_with('0') {
            i64::from_str_radix(&w[1..], 8).ok()
        } else {
            w.parse().ok()
        }
    }
    fn eval(
        e: &str,
        exprs: &std::collections::BTreeMap<String, String>,
        depth: u32,
    ) -> Option<i64> {
        let e = e
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        if depth > 4 {
            return None;
        }
        if let Some((a, b)) = e.split_once("<<") {
            return Some(eval(a, exprs, depth + 1)? << eval(b, exprs, depth + 1)?);
        }
        number(e).or_else(|| eval(exprs.get(e)?, exprs, depth + 1))
    }
    exprs
        .keys()
        .filter_map(|n| Some((n.clone(), eval(&exprs[n], &exprs, 0)?)))
        .collect()
}

/// The tables of the mount API, fanotify, kexec, modules, seccomp, userfaultfd and swapon
/// agree with the machine's kernel headers (libc lacks some of them: the fsconfig commands, the kexec architectures).
#[test]
fn mount_fanotify_kexec_seccomp_swap_tables_agree_with_the_headers() {
    let headers = header_constants(&[
        "asm-generic/fcntl.h",
        "linux/fcntl.h",
        "linux/mount.h",
        "linux/fanotify.h",
        "linux/kexec.h",
        "linux/module.h",
        "linux/seccomp.h",
        "linux/userfaultfd.h",
        "x86_64-linux-gnu/sys/swap.h",
    ]);
    if !headers.contains_key("FSOPEN_CLOEXEC") {
        eprintln!("no <linux/mount.h> with the mount API: not checked");
        return;
    }
    let spec = real_spec();
    let flags = [
        "fsopen_flags",
        "fsmount_flags",
        "fsmount_attr_flags",
        "fspick_flags",
        "move_mount_flags",
        "open_tree_flags",
        "module_init_flags",
        "kexec_load_flags",
        "kexec_file_load_flags",
        "fan_init_flags",
        "fan_mark_flags",
        "fan_event_flags",
        "seccomp_filter_flags",
        "mq_attr_flags",
        "delete_module_flags",
        "memfd_secret_flags",
        "uffd_flags",
        "swap_flags",
    ];
    let enums = [
        "fsconfig_cmds",
        "kexec_arch",
        "fan_classes",
        "seccomp_ops",
        "seccomp_ret_action",
    ];
    let mut ours: Vec<(String, i64)> = Vec::new();
    for t in flags {
        let table = &spec.flags[t];
        ours.extend(table.bits.iter().map(|(n, v)| (n.clone(), *v as i64)));
    }
    for t in enums {
        ours.extend(spec.enums[t].values.iter().cloned());
    }
    let (mut checked, mut differ, mut absent) = (0, Vec::new(), Vec::new());
    for (name, value) in &ours {
        match headers.get(name) {
            Some(h) if *h == *value => checked += 1,
            Some(h) => differ.push(format!("{name}: {value:#x} vs the header's {h:#x}")),
            None => absent.push(name.as_str()),
        }
    }
    assert_eq!(
        differ,
        Vec::<String>::new(),
        "values that disagree with the headers"
    );
    // strace 6.1 still names FAN_DIR_MODIFY, which the kernel's header dropped; two swap
    // flags are the kernel's own (include/linux/swap.h), not exported.
    assert_eq!(
        absent,
        [
            "FAN_DIR_MODIFY",
            "SWAP_FLAG_DISCARD_ONCE",
            "SWAP_FLAG_DISCARD_PAGES"
        ],
        "names the headers do not define"
    );
    assert!(checked > 90, "only {checked} values checked");
}

/// `[ioctl_args]` names requests of `[ioctls]`, one entry a code, with kinds that need
/// nothing but the argument.
#[test]
fn ioctl_args_are_checked() {
    let base = format!(
        "{BASE}\n[ioctls]\nrequests = [[\"FIONREAD\", 0x541b], [\"TIOCINQ\", 0x541b], [\"FIOCLEX\", 0x5451]]\n"
    );
    let with = |entries: &str| format!("{base}\n[ioctl_args]\n{entries}\n");
    assert!(spec::parse(&with(r#"FIOCLEX = { kind = "unused" }"#)).is_ok());
    assert_eq!(
        error_of(&with(r#"FIONCLEX = { kind = "unused" }"#)),
        "ioctl_args.FIONCLEX: no request of that name in [ioctls]"
    );
    assert_eq!(
        error_of(&with(
            "FIONREAD = { kind = \"int\" }\nTIOCINQ = { kind = \"int\", dir = \"out\" }"
        )),
        "ioctl_args.TIOCINQ: request 0x541b is also FIONREAD's: one entry a code"
    );
    assert_eq!(
        error_of(&with(r#"FIOCLEX = { kind = "buffer" }"#)),
        "ioctl_args.FIOCLEX: kind `buffer` needs more than the argument itself: no ioctl argument"
    );
    assert_eq!(
        error_of(&with(r#"FIOCLEX = { kind = "flags", table = "nope" }"#)),
        "ioctl_args.FIOCLEX: argument `FIOCLEX`: field `table`: no table [flags.nope]"
    );
    assert!(
        error_of(&with(r#"FIOCLEX = { kind = "int", dir = "sideways" }"#))
            .starts_with("ioctl_args.FIOCLEX: unknown variant `sideways`")
    );
    // A struct of its own after ` => `: only for a struct both ways.
    assert_eq!(
        error_of(&with(r#"FIOCLEX = { kind = "int", exit_struct = "x" }"#)),
        "ioctl_args.FIOCLEX: `exit_struct` is for kind \"struct\" with dir \"inout\" or \"in_then_out\""
    );
    // A struct that grows at a successful exit names the struct it grows into.
    assert_eq!(
        error_of(&with(r#"FIOCLEX = { kind = "int", dir = "in_then_out" }"#)),
        "ioctl_args.FIOCLEX: dir \"in_then_out\" is for kind \"struct\" with an `exit_struct`"
    );
}
