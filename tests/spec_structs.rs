//! Tests of `[structs.NAME]` in the spec: malformed layouts are rejected with a message naming
//! the struct and the member, the struct kinds are checked where arguments use them, and the
//! real `syscalls.toml`'s layouts agree with the C compiler's `offsetof` and `sizeof` on the
//! machine's headers.

#[path = "../src/kinds.rs"]
#[allow(dead_code)]
mod kinds;
#[path = "../src/spec.rs"]
#[allow(dead_code)]
mod spec;

use std::process::Command;

/// A valid spec: two structs (one nested in the other), their tables, and calls using them.
const BASE: &str = r#"
[[syscall]]
name = "landlock_add_rule"
nr = 445
args = [
  { name = "ruleset_fd", kind = "fd" },
  { name = "rule_type", kind = "enum", table = "rule_types" },
  { name = "rule_attr", kind = "struct_by", by = "rule_type", structs = { RULE_A = "pair" } },
  { name = "flags", kind = "hex32" },
]

[[syscall]]
name = "mount_setattr"
nr = 442
ret = "fd"
ret_int_if = { arg = "flags", any_of = ["F_ONE"] }
args = [
  { name = "flags", kind = "flags", table = "f" },
  { name = "uattr", kind = "sized_struct", struct = "outer", len = "usize" },
  { name = "usize", kind = "size" },
]

[flags.f]
bits = [["F_ONE", 1], ["F_TWO", 2]]

[enums.rule_types]
unknown = "RULE_???"
values = [["RULE_A", 1]]

[structs.pair]
size = 12
fields = [
  { name = "a", offset = 0, width = 8, kind = "flags", table = "f" },
  { name = "b", offset = 8, width = 4, kind = "fd" },
]

[structs.outer]
size = 24
min_size = 16
past_end = "nonzero"
abbrev_after = 1
fields = [
  { name = "set", offset = 0, width = 4, kind = "flags", table = "f" },
  { name = "inner", offset = 4, kind = "struct", struct = "pair" },
  { name = "fd", offset = 16, width = 8, kind = "fd", otherwise = "uint", when = { fields = ["set"], any_of = ["F_TWO"] } },
]
"#;

fn error_of(text: &str) -> String {
    spec::parse(text).expect_err("the spec should be rejected")
}

/// `BASE` with `from` replaced by `to` (which must be there), rejected with that message.
fn rejected(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE has no {from:?}");
    error_of(&BASE.replacen(from, to, 1))
}

/// Each `(from, to, message)`: `BASE` with `from` replaced by `to` is rejected with `message`.
fn reject_all(cases: &[(&str, &str, &str)]) {
    for (from, to, message) in cases {
        assert_eq!(&rejected(from, to), message, "{from:?} -> {to:?}");
    }
}

#[test]
fn base_is_valid() {
    let spec = spec::parse(BASE).unwrap();
    assert_eq!(spec.structs.len(), 2);
    let outer = &spec.structs["outer"];
    assert_eq!((outer.size, outer.min_size), (24, 16));
    assert_eq!(outer.fields[1].width_in(&spec), 12);
    let (fields, mask, none) =
        spec::structs::when_mask(&spec, outer, outer.fields[2].when.as_ref().unwrap());
    assert_eq!((fields, mask, none), (vec![0], 2, false));
    // The min_size is the size when not given.
    assert_eq!(spec.structs["pair"].min_size, 12);
}

#[test]
fn members_must_fit_in_order() {
    reject_all(&[
        (
            r#"{ name = "b", offset = 8, width = 4"#,
            r#"{ name = "b", offset = 9, width = 4"#,
            "structs.pair: member `b`: field `offset`: the member ends at byte 13, past the \
             struct's size, 12",
        ),
        (
            r#"{ name = "b", offset = 8, width = 4"#,
            r#"{ name = "b", offset = 4, width = 4"#,
            "structs.pair: member `b`: field `offset`: 4 overlaps member `a` (bytes 0..8); members \
             go in order",
        ),
        (
            r#"{ name = "b", offset = 8"#,
            r#"{ name = "b", offset = 4294967295"#,
            "structs.pair: member `b`: field `offset`: the member ends at byte 4294967295, past \
             the struct's size, 12",
        ),
        (
            r#"{ name = "b", offset = 8"#,
            r#"{ name = "a", offset = 8"#,
            "structs.pair: member `a`: defined twice",
        ),
        (
            "size = 12\n",
            "size = 8192\n",
            "structs.pair: field `size`: 8192 is not in 1..=4096",
        ),
        (
            "min_size = 16",
            "min_size = 32",
            "structs.outer: field `min_size`: 32 is more than the size, 24",
        ),
        (
            "abbrev_after = 1",
            "abbrev_after = 3",
            "structs.outer: field `abbrev_after`: 3 is not between 1 and the 3 members",
        ),
        (
            r#"{ name = "b", offset = 8, width = 4"#,
            r#"{ name = "2b", offset = 8, width = 4"#,
            "structs.pair: member `2b`: a member name is letters, digits and `_`, not starting with \
             a digit",
        ),
        (
            "[structs.pair]",
            "[structs.type]",
            "structs.type: a struct name is lowercase letters, digits and `_`, starting with a \
             letter, and no Rust keyword",
        ),
    ]);
}

#[test]
fn member_kinds_widths_and_tables() {
    reject_all(&[
        (
            r#"width = 4, kind = "fd""#,
            r#"width = 4, kind = "fdd""#,
            "structs.pair: member `b`: field `kind`: no member kind `fdd` (one of int, uint, hex, \
             octal, addr, fd, pid, flags, enum, signal, uid, struct, struct_ptr, string, uint_max, dev, \
             named_uint, enum_u, hex_array, uint_verbose, kernel_version, ifindex, string_ptr, \
             path_ptr, buffer_ptr, ebpf_prog, uuid)",
        ),
        (
            r#"width = 4, kind = "fd""#,
            r#"width = 3, kind = "hex_array""#,
            "structs.pair: member `b`: field `width`: 3 is no whole number of 4-byte elements",
        ),
        (
            r#"width = 4, kind = "fd""#,
            r#"width = 2, kind = "fd""#,
            "structs.pair: member `b`: field `width`: a member of kind `fd` is 4, 8 bytes wide, not 2",
        ),
        (
            r#"offset = 8, width = 4, kind = "fd""#,
            r#"offset = 8, kind = "fd""#,
            "structs.pair: member `b`: missing field `width`",
        ),
        (
            r#"{ name = "a", offset = 0, width = 8, kind = "flags", table = "f" }"#,
            r#"{ name = "a", offset = 0, width = 8, kind = "flags", table = "g" }"#,
            "structs.pair: member `a`: field `table`: no table [flags.g]",
        ),
        (
            r#"{ name = "a", offset = 0, width = 8, kind = "flags", table = "f" }"#,
            r#"{ name = "a", offset = 0, width = 8, kind = "enum", table = "f" }"#,
            "structs.pair: member `a`: field `table`: no table [enums.f]",
        ),
        (
            r#"width = 4, kind = "fd" },"#,
            r#"width = 4, kind = "fd", table = "f" },"#,
            "structs.pair: member `b`: field `table`: kind `fd` takes no table",
        ),
        (
            r#"struct = "pair" },"#,
            r#"struct = "pear" },"#,
            "structs.outer: member `inner`: field `struct`: no struct [structs.pear]",
        ),
        (
            r#"offset = 4, kind = "struct""#,
            r#"offset = 4, width = 8, kind = "struct""#,
            "structs.outer: member `inner`: field `width`: 8, but struct `pair` is 12 bytes",
        ),
        // A pointer to a struct is a pointer wide, and needs its struct.
        (
            r#"offset = 4, kind = "struct""#,
            r#"offset = 4, kind = "struct_ptr""#,
            "structs.outer: member `inner`: missing field `width`",
        ),
        (
            r#"offset = 4, kind = "struct""#,
            r#"offset = 4, width = 4, kind = "struct_ptr""#,
            "structs.outer: member `inner`: field `width`: a member of kind `struct_ptr` is 8 bytes wide, not 4",
        ),
        (
            r#"offset = 4, kind = "struct", struct = "pair""#,
            r#"offset = 4, width = 8, kind = "struct_ptr""#,
            "structs.outer: member `inner`: missing field `struct`",
        ),
    ]);
    assert!(
        rejected(
            r#"{ name = "b", offset = 8,"#,
            r#"{ name = "b", ofset = 8,"#
        )
        .starts_with("structs.pair: member #2 \"b\": unknown field `ofset`"),
    );
}

#[test]
fn conditions_name_flags_members() {
    reject_all(&[
        (
            r#"fields = ["set"]"#,
            r#"fields = ["fd"]"#,
            "structs.outer: member `fd`: field `when`: `fd` is no flags member of this struct",
        ),
        (
            r#"any_of = ["F_TWO"]"#,
            r#"any_of = ["F_THREE"]"#,
            "structs.outer: member `fd`: field `when`: no flag F_THREE in that table",
        ),
        (
            r#"any_of = ["F_TWO"]"#,
            r#"any_of = ["F_TWO"], none_of = ["F_ONE"]"#,
            "structs.outer: member `fd`: field `when`: give one of `any_of` and `none_of`",
        ),
        (
            r#"otherwise = "uint""#,
            r#"otherwise = "flags""#,
            "structs.outer: member `fd`: field `otherwise`: kind `flags` needs a table or a struct",
        ),
        (
            r#"otherwise = "uint""#,
            r#"otherwise = "pid""#,
            "structs.outer: member `fd`: field `otherwise`: a member of kind `pid` is 4 bytes wide, \
             not 8",
        ),
        (
            r#"otherwise = "uint", when = { fields = ["set"], any_of = ["F_TWO"] }"#,
            r#"otherwise = "uint""#,
            "structs.outer: member `fd`: field `otherwise`: only with `when` (the kind when it does \
             not hold)",
        ),
    ]);
}

#[test]
fn a_struct_cannot_contain_itself() {
    let text = r#"
[structs.a]
size = 8
fields = [{ name = "b", offset = 0, kind = "struct", struct = "b" }]

[structs.b]
size = 8
fields = [{ name = "a", offset = 0, kind = "struct", struct = "a" }]
"#;
    assert_eq!(
        error_of(text),
        "structs.b: member `a`: struct `a` contains itself"
    );
}

#[test]
fn arguments_name_their_structs() {
    reject_all(&[
        (
            r#", struct = "outer""#,
            "",
            "syscall \"mount_setattr\": argument `uattr`: missing field `struct`",
        ),
        (
            r#"struct = "outer""#,
            r#"struct = "outr""#,
            "syscall \"mount_setattr\": argument `uattr`: field `struct`: no struct [structs.outr]",
        ),
        (
            r#"{ name = "usize", kind = "size" }"#,
            r#"{ name = "usize", kind = "size", struct = "pair" }"#,
            "syscall \"mount_setattr\": argument `usize`: field `struct`: kind `size` takes no struct",
        ),
        (
            r#"structs = { RULE_A = "pair" }"#,
            r#"structs = { RULE_B = "pair" }"#,
            "syscall \"landlock_add_rule\": argument `rule_attr`: field `structs`: no RULE_B in \
             `rule_type`'s table",
        ),
        (
            r#"structs = { RULE_A = "pair" }"#,
            r#"structs = { RULE_A = "par" }"#,
            "syscall \"landlock_add_rule\": argument `rule_attr`: field `structs`: no struct \
             [structs.par]",
        ),
        (
            r#", by = "rule_type", structs"#,
            r#", by = "ruleset_fd", structs"#,
            "syscall \"landlock_add_rule\": argument `rule_attr`: field `structs`: `ruleset_fd` is \
             not an enum argument",
        ),
        (
            r#"ret_int_if = { arg = "flags", any_of = ["F_ONE"] }"#,
            r#"ret_int_if = { arg = "flags", any_of = ["F_SIX"] }"#,
            "syscall \"mount_setattr\": field `ret_int_if`: no flag F_SIX in that table",
        ),
    ]);
}

/// Every struct of `syscalls.toml` has the size, and each member the offset and width, that
/// `sizeof` and `offsetof` give for the machine's headers (where `cc` is installed).
#[test]
fn real_layouts_agree_with_the_c_compiler() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/syscalls.toml")).unwrap();
    let spec = spec::parse(&text).unwrap();
    let mut headers = std::collections::BTreeSet::new();
    for (name, def) in &spec.structs {
        match (&def.header, &def.c_type) {
            (Some(h), Some(_)) => headers.insert(h.as_str()),
            _ => panic!("struct `{name}`: give its `header` and `c_type`"),
        };
    }
    let mut c = String::from("#include <stdio.h>\n#include <stddef.h>\n");
    for h in &headers {
        c.push_str(&format!("#include <{h}>\n"));
    }
    c.push_str(
        "#define M(T, m) printf(\" %s:%zu:%zu\", #m, offsetof(T, m), sizeof(((T *)0)->m))\n\
         #define O(T, m) printf(\" %s:%zu\", #m, offsetof(T, m))\n",
    );
    c.push_str("int main(void)\n{\n");
    let mut expected = String::new();
    for (name, def) in &spec.structs {
        let ctype = def.c_type.as_deref().unwrap_or_default();
        // A part of a C type (a union's member as strace sizes it) has no C size of its own.
        if def.c_part {
            c.push_str(&format!("\tprintf(\"{name}\");\n"));
            expected.push_str(name);
        } else {
            c.push_str(&format!("\tprintf(\"{name} %zu\", sizeof({ctype}));\n"));
            expected.push_str(&format!("{name} {}", def.size));
        }
        // An array's members have no C names: its size is what C knows.
        for m in def.fields.iter().filter(|_| !def.array) {
            if def.c_part && m.strukt.is_some() {
                c.push_str(&format!("\tO({ctype}, {});\n", m.name));
                expected.push_str(&format!(" {}:{}", m.name, m.offset));
                continue;
            }
            c.push_str(&format!("\tM({ctype}, {});\n", m.name));
            expected.push_str(&format!(" {}:{}:{}", m.name, m.offset, m.width_in(&spec)));
        }
        c.push_str("\tputs(\"\");\n");
        expected.push('\n');
    }
    c.push_str("\treturn 0;\n}\n");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("spec_structs");
    std::fs::create_dir_all(&dir).unwrap();
    let (src, bin) = (dir.join("layouts.c"), dir.join("layouts"));
    std::fs::write(&src, &c).unwrap();
    let built = match Command::new("cc").arg("-o").arg(&bin).arg(&src).output() {
        Ok(out) => out,
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "cc: {e}");
            eprintln!("note: no C compiler ({e}); skipping");
            return;
        }
    };
    assert!(
        built.status.success(),
        "{}\n{c}",
        String::from_utf8_lossy(&built.stderr)
    );
    let out = Command::new(&bin).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

/// `with_previous` only in a `zero_fill` struct; `len` and `max` only on the pointer kinds
/// that take them, `len` naming a number member; `c_part` only beside a `c_type`.
#[test]
fn zero_fill_and_pointer_members() {
    reject_all(&[
        (
            r#"{ name = "b", offset = 8, width = 4, kind = "fd" }"#,
            r#"{ name = "b", offset = 8, width = 4, kind = "fd", with_previous = true }"#,
            "structs.pair: member `b`: field `with_previous`: only in a `zero_fill` struct",
        ),
        (
            r#"{ name = "b", offset = 8, width = 4, kind = "fd" }"#,
            r#"{ name = "b", offset = 8, width = 4, kind = "fd", len = "a" }"#,
            "structs.pair: member `b`: kind `fd` takes no `len` or `max`",
        ),
        (
            r#"{ name = "a", offset = 0, width = 8, kind = "flags", table = "f" }"#,
            r#"{ name = "a", offset = 0, width = 8, kind = "buffer_ptr" }"#,
            "structs.pair: member `a`: missing field `len`",
        ),
        (
            r#"{ name = "a", offset = 0, width = 8, kind = "flags", table = "f" }"#,
            r#"{ name = "a", offset = 0, width = 8, kind = "ebpf_prog", len = "b" }"#,
            "structs.pair: member `a`: field `len`: `b` is no `uint` or `int` member of this struct",
        ),
        (
            r#"{ name = "a", offset = 0, width = 8, kind = "flags", table = "f" }"#,
            r#"{ name = "a", offset = 0, width = 8, kind = "string_ptr", len = "b", max = 4 }"#,
            "structs.pair: member `a`: give one of `len` and `max`",
        ),
        (
            "[structs.pair]\nsize = 12\n",
            "[structs.pair]\nsize = 12\nc_part = true\n",
            "structs.pair: field `c_part`: only with `c_type`",
        ),
    ]);
    let zero_fill = BASE.replacen(
        "[structs.pair]\nsize = 12\n",
        "[structs.pair]\nsize = 12\nzero_fill = true\n",
        1,
    );
    let text = zero_fill.replacen(
        r#"{ name = "b", offset = 8, width = 4, kind = "fd" }"#,
        r#"{ name = "b", offset = 8, width = 4, kind = "uint", with_previous = true }"#,
        1,
    );
    let spec = spec::parse(&text).unwrap();
    assert!(spec.structs["pair"].zero_fill && spec.structs["pair"].fields[1].with_previous);
}
