//! `[structs.NAME]` of `syscalls.toml`: struct layouts as the kernel headers give them (each
//! member's name, offset, width and kind), and their checks. Part of `spec` (shared by
//! `build.rs` and the tests); every error names the struct and the member.
//!
//! The layout is data and nothing else: a member is one of a closed set of kinds
//! (`kinds::FIELD_KINDS`) that reuse the argument kinds' printers; a member shown only when
//! some flags are set says so with `when`, resolved to a mask at build time. What does not
//! fit is a Rust wrapper kind around the generic printer (src/decode/fields.rs), never an
//! expression.

use super::kinds::{self, FIELD_KINDS, FieldKindDef, KindDef, TableNeed};
use super::{Arg, Spec, entry, is_table_name};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The largest struct: what src/decode/structs.rs reads (`MAX_BIG_STRUCT`; past its
/// `MAX_STRUCT` on the heap, as btrfs's 4 KiB argument structs need).
pub const MAX_STRUCT: u32 = 4096;

/// Rust's keywords, which no struct may be called (build.rs makes a module of each name).
const KEYWORDS: [&str; 51] = [
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// One struct, checked.
#[derive(Debug)]
pub struct StructDef {
    /// `sizeof`, in bytes.
    pub size: u32,
    /// The smallest size the kernel takes of an extensible struct (its first version,
    /// `MOUNT_ATTR_SIZE_VER0`): a `sized_struct` given less shows its address. The size when
    /// not given.
    pub min_size: u32,
    pub past_end: PastEnd,
    /// Under strace's default abbreviation, only this many members, then `...` (`-v` shows
    /// them all).
    pub abbrev_after: Option<u32>,
    /// Where C declares it: the header (`linux/hdreg.h`) and the type (`struct
    /// hd_geometry`), for tests/spec_structs.rs's check against the C compiler.
    pub header: Option<String>,
    pub c_type: Option<String>,
    /// A view of part of `c_type` as strace sizes it (`union bpf_attr` by command): the
    /// size is strace's, not C's; the members' offsets are C's (and the widths of those
    /// that are no nested struct).
    pub c_part: bool,
    /// Printed as an array, `[1, 2]`: its members unnamed (a C array, or values strace
    /// shows as one: `printpair_int64`'s pair).
    pub array: bool,
    /// In an array of them (`kind = "struct_array"`), at most this many elements, then
    /// `...` (futex_waitv's `FUTEX_WAITV_MAX`), whatever `-s` and `-v` say.
    pub array_max: Option<u32>,
    /// The call gives how many bytes of it there are, and the kernel takes any number
    /// (bpf's `union bpf_attr`): a member starting within them shows, the bytes missing read
    /// as zeros (a char array cut at them); a member `with_previous` shows when the one
    /// before it does (the members one kernel version added together).
    pub zero_fill: bool,
    pub fields: Vec<Member>,
}

/// What a `sized_struct` shows of the bytes between the struct's size and a larger size the
/// call was given.
#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PastEnd {
    /// Nothing.
    #[default]
    Ignored,
    /// `...` (strace's `tprint_more_data_follows`).
    More,
    /// Those that are not zero, in hex, up to a page: `/* bytes 32..39 */ "\x80..."`, `???`
    /// when unreadable (strace's `print_nonzero_bytes`).
    Nonzero,
}

/// One member of a struct, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    /// Its offset in bytes (`offsetof`).
    pub offset: u32,
    /// Its width in bytes: 1, 2, 4 or 8 as its kind allows; a nested struct's is that
    /// struct's size, and may be left out.
    pub width: Option<u32>,
    /// One of `kinds::FIELD_KINDS`.
    pub kind: String,
    /// The `[flags.X]` or `[enums.X]` table of `flags` and `enum`.
    pub table: Option<String>,
    /// The nested struct of kind `struct`.
    #[serde(rename = "struct")]
    pub strukt: Option<String>,
    /// Shown only when these flags are set in (or, with `none_of`, absent from) the other
    /// members named.
    pub when: Option<When>,
    /// The kind it shows as when `when` does not hold (else it is left out).
    pub otherwise: Option<String>,
    /// `if_nonzero = true`: shown only when it is not zero (strace's reserved members:
    /// `if (p->resv) PRINT_FIELD_X(*p, resv)`).
    #[serde(default)]
    pub if_nonzero: bool,
    /// In a `zero_fill` struct: shown whenever the member before it is.
    #[serde(default)]
    pub with_previous: bool,
    /// The member holding the length of what a pointer member points to (the kinds
    /// `kinds::field_len_need` lists).
    pub len: Option<String>,
    /// Instead of `len`: a fixed length, in bytes.
    pub max: Option<u32>,
}

/// `when = { fields = ["attr_set", "attr_clr"], any_of = ["MOUNT_ATTR_IDMAP"] }`: the members
/// (flags of one table) are or'ed together and tested.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub fields: Vec<String>,
    #[serde(default)]
    pub any_of: Vec<String>,
    #[serde(default)]
    pub none_of: Vec<String>,
}

/// `[structs.NAME]` as written, its members checked one by one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStruct {
    size: u32,
    min_size: Option<u32>,
    #[serde(default)]
    past_end: PastEnd,
    abbrev_after: Option<u32>,
    header: Option<String>,
    c_type: Option<String>,
    #[serde(default)]
    c_part: bool,
    #[serde(default)]
    array: bool,
    array_max: Option<u32>,
    #[serde(default)]
    zero_fill: bool,
    fields: Vec<toml::Value>,
}

/// Reads the `[structs]` section.
pub fn parse(values: BTreeMap<String, toml::Value>) -> Result<BTreeMap<String, StructDef>, String> {
    values
        .into_iter()
        .map(|(name, v)| {
            let label = format!("structs.{name}");
            let raw = RawStruct::deserialize(v)
                .map_err(|e| format!("{label}: {}", e.to_string().trim()))?;
            let fields = raw
                .fields
                .into_iter()
                .enumerate()
                .map(|(i, v)| entry::<Member>(v, || format!("{label}: member #{}", i + 1)))
                .collect::<Result<Vec<_>, _>>()?;
            let def = StructDef {
                size: raw.size,
                min_size: raw.min_size.unwrap_or(raw.size),
                past_end: raw.past_end,
                abbrev_after: raw.abbrev_after,
                header: raw.header,
                c_type: raw.c_type,
                c_part: raw.c_part,
                array: raw.array,
                array_max: raw.array_max,
                zero_fill: raw.zero_fill,
                fields,
            };
            Ok((name, def))
        })
        .collect()
}

impl Member {
    /// Its kind (the spec was checked: a kind that exists).
    pub fn kind_def(&self) -> Option<&'static FieldKindDef> {
        kinds::find_field_kind(&self.kind)
    }

    /// Its width in bytes: as written, or the nested struct's size.
    pub fn width_in(&self, spec: &Spec) -> u32 {
        match (self.width, &self.strukt) {
            (Some(w), _) => w,
            (None, Some(s)) => spec.structs.get(s).map_or(0, |d| d.size),
            (None, None) => 0,
        }
    }
}

/// The checks of every struct, and that no struct contains itself.
pub fn check(spec: &Spec) -> Result<(), String> {
    // Every struct's own size first: a member's width may be another struct's.
    for (name, def) in &spec.structs {
        check_header(name, def)?;
    }
    for (name, def) in &spec.structs {
        check_members(spec, name, def)?;
    }
    for name in spec.structs.keys() {
        let mut path = Vec::new();
        if let Some((outer, member)) = cycle(spec, name, &mut path) {
            return Err(format!(
                "structs.{outer}: member `{member}`: struct `{name}` contains itself"
            ));
        }
    }
    Ok(())
}

/// The struct and member through which `name` contains itself, if it does.
fn cycle<'a>(spec: &'a Spec, name: &'a str, path: &mut Vec<&'a str>) -> Option<(&'a str, &'a str)> {
    let def = spec.structs.get(name)?;
    path.push(name);
    for m in &def.fields {
        let Some(inner) = m.strukt.as_deref() else {
            continue;
        };
        if path.contains(&inner) {
            return Some((name, &m.name));
        }
        if let Some(found) = cycle(spec, inner, path) {
            return Some(found);
        }
    }
    path.pop();
    None
}

/// The struct's name, size, `min_size` and `abbrev_after`.
fn check_header(name: &str, def: &StructDef) -> Result<(), String> {
    let label = format!("structs.{name}");
    // build.rs names a static and a module after it (`STRUCT_MOUNT_ATTR`, `members::mount_attr`).
    if !is_table_name(name) || KEYWORDS.contains(&name) {
        return Err(format!(
            "{label}: a struct name is lowercase letters, digits and `_`, starting with a letter, \
             and no Rust keyword"
        ));
    }
    if !(1..=MAX_STRUCT).contains(&def.size) {
        return Err(format!(
            "{label}: field `size`: {} is not in 1..={MAX_STRUCT}",
            def.size
        ));
    }
    if def.min_size > def.size {
        return Err(format!(
            "{label}: field `min_size`: {} is more than the size, {}",
            def.min_size, def.size
        ));
    }
    if def.fields.is_empty() {
        return Err(format!("{label}: field `fields`: no member"));
    }
    if def.c_part && def.c_type.is_none() {
        return Err(format!("{label}: field `c_part`: only with `c_type`"));
    }
    if let Some(n) = def.abbrev_after
        && (n == 0 || n as usize >= def.fields.len())
    {
        return Err(format!(
            "{label}: field `abbrev_after`: {n} is not between 1 and the {} members",
            def.fields.len()
        ));
    }
    Ok(())
}

/// Each member: its name, kind, width, place and condition.
fn check_members(spec: &Spec, name: &str, def: &StructDef) -> Result<(), String> {
    let label = format!("structs.{name}");
    let mut names = HashSet::new();
    let mut prev: Option<(&str, u32, u32)> = None;
    for m in &def.fields {
        let at = format!("{label}: member `{}`", m.name);
        // build.rs names a constant after it (`members::sched_attr::SCHED_FLAGS`).
        let ident_like = m
            .name
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && m.name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            && m.name.chars().any(|c| c.is_ascii_alphanumeric());
        if !ident_like {
            return Err(format!(
                "{at}: a member name is letters, digits and `_`, not starting with a digit"
            ));
        }
        if !names.insert(m.name.to_ascii_uppercase()) {
            return Err(format!("{at}: defined twice"));
        }
        let kind = check_kind(spec, &at, m)?;
        let width = check_width(spec, &at, m, kind)?;
        let end = m.offset.saturating_add(width);
        if end > def.size {
            return Err(format!(
                "{at}: field `offset`: the member ends at byte {end}, past the struct's size, {}",
                def.size
            ));
        }
        if let Some((other, from, to)) = prev
            && m.offset < to
        {
            return Err(format!(
                "{at}: field `offset`: {} overlaps member `{other}` (bytes {from}..{to}); members go in order",
                m.offset
            ));
        }
        // On the first member: shown however few the bytes known.
        if m.with_previous && !def.zero_fill {
            return Err(format!(
                "{at}: field `with_previous`: only in a `zero_fill` struct"
            ));
        }
        prev = Some((&m.name, m.offset, end));
        check_when(spec, &at, def, m, width)?;
        check_len(&at, def, m)?;
    }
    Ok(())
}

/// The member's kind exists and has the table or nested struct it needs, and no other.
fn check_kind(spec: &Spec, at: &str, m: &Member) -> Result<&'static FieldKindDef, String> {
    let Some(kind) = m.kind_def() else {
        let known: Vec<&str> = FIELD_KINDS.iter().map(|k| k.name).collect();
        return Err(format!(
            "{at}: field `kind`: no member kind `{}` (one of {})",
            m.kind,
            known.join(", ")
        ));
    };
    match (kind.table, &m.table, &m.strukt) {
        (TableNeed::Flags | TableNeed::Enum, None, _) => {
            return Err(format!("{at}: missing field `table`"));
        }
        (TableNeed::Flags | TableNeed::Enum, Some(t), _) => {
            let (section, known) = match kind.table {
                TableNeed::Flags => ("flags", spec.flags.contains_key(t)),
                _ => ("enums", spec.enums.contains_key(t)),
            };
            if !known {
                return Err(format!("{at}: field `table`: no table [{section}.{t}]"));
            }
        }
        (_, Some(_), _) => {
            return Err(format!(
                "{at}: field `table`: kind `{}` takes no table",
                kind.name
            ));
        }
        (TableNeed::Struct, None, None) => return Err(format!("{at}: missing field `struct`")),
        (TableNeed::Struct, None, Some(s)) if !spec.structs.contains_key(s) => {
            return Err(format!("{at}: field `struct`: no struct [structs.{s}]"));
        }
        (TableNeed::Struct, None, Some(_)) => {}
        (_, None, Some(_)) => {
            return Err(format!(
                "{at}: field `struct`: kind `{}` takes no struct",
                kind.name
            ));
        }
        (_, None, None) => {}
    }
    Ok(kind)
}

/// The member's width is one its kind may have (a nested struct's, that struct's size).
fn check_width(spec: &Spec, at: &str, m: &Member, kind: &FieldKindDef) -> Result<u32, String> {
    // A nested struct is as wide as it is; a pointer to one has widths of its own.
    if kind.table == TableNeed::Struct && kind.widths.is_empty() {
        let size = m.width_in(spec);
        let inner = spec.structs.get(m.strukt.as_deref().unwrap_or_default());
        return match (m.width, inner) {
            (Some(w), Some(d)) if w != d.size => Err(format!(
                "{at}: field `width`: {w}, but struct `{}` is {} bytes",
                m.strukt.as_deref().unwrap_or_default(),
                d.size
            )),
            _ => Ok(size),
        };
    }
    let Some(width) = m.width else {
        return Err(format!("{at}: missing field `width`"));
    };
    if kind.widths.is_empty() {
        // An array: any width, of whole elements (a `hex_array`'s are `__u32`s).
        return match width {
            0 => Err(format!("{at}: field `width`: an array of no bytes")),
            w if kind.name == "hex_array" && w % 4 != 0 => Err(format!(
                "{at}: field `width`: {w} is no whole number of 4-byte elements"
            )),
            w => Ok(w),
        };
    }
    width_of(at, "width", kind, width)?;
    Ok(width)
}

/// `width` is one `kind` may have.
fn width_of(at: &str, key: &str, kind: &FieldKindDef, width: u32) -> Result<(), String> {
    if kind.widths.contains(&width) {
        return Ok(());
    }
    let widths: Vec<String> = kind.widths.iter().map(u32::to_string).collect();
    Err(format!(
        "{at}: field `{key}`: a member of kind `{}` is {} bytes wide, not {width}",
        kind.name,
        widths.join(", ")
    ))
}

/// `len` names another member, a number, of a kind that takes one; `max` stands instead of
/// it where the kind may do without.
fn check_len(at: &str, def: &StructDef, m: &Member) -> Result<(), String> {
    let need = kinds::field_len_need(&m.kind);
    match (need, &m.len, m.max) {
        (None, None, None) => Ok(()),
        (None, _, _) => Err(format!("{at}: kind `{}` takes no `len` or `max`", m.kind)),
        (Some(_), Some(_), Some(_)) => Err(format!("{at}: give one of `len` and `max`")),
        (Some(true), None, _) => Err(format!("{at}: missing field `len`")),
        (Some(_), None, _) => Ok(()),
        (Some(_), Some(name), None) => {
            let numeric = def
                .fields
                .iter()
                .find(|f| &f.name == name)
                .is_some_and(|f| matches!(f.kind.as_str(), "uint" | "int"));
            match numeric {
                true => Ok(()),
                false => Err(format!(
                    "{at}: field `len`: `{name}` is no `uint` or `int` member of this struct"
                )),
            }
        }
    }
}

/// `when` names flags members of one table and flags of it; `otherwise` is a kind without a
/// table that fits the member, and only beside a `when`.
fn check_when(
    spec: &Spec,
    at: &str,
    def: &StructDef,
    m: &Member,
    width: u32,
) -> Result<(), String> {
    if let Some(other) = &m.otherwise {
        if m.when.is_none() {
            return Err(format!(
                "{at}: field `otherwise`: only with `when` (the kind when it does not hold)"
            ));
        }
        let Some(kind) = kinds::find_field_kind(other) else {
            return Err(format!("{at}: field `otherwise`: no member kind `{other}`"));
        };
        if kind.table != TableNeed::None {
            return Err(format!(
                "{at}: field `otherwise`: kind `{other}` needs a table or a struct"
            ));
        }
        width_of(at, "otherwise", kind, width)?;
    }
    let Some(when) = &m.when else {
        return Ok(());
    };
    if when.any_of.is_empty() == when.none_of.is_empty() {
        return Err(format!(
            "{at}: field `when`: give one of `any_of` and `none_of`"
        ));
    }
    if when.fields.is_empty() {
        return Err(format!("{at}: field `when`: no member named in `fields`"));
    }
    let mut table = None;
    for name in &when.fields {
        let flags = def
            .fields
            .iter()
            .find(|f| &f.name == name)
            .filter(|f| f.kind_def().map(|k| k.table) == Some(TableNeed::Flags));
        let Some(flags) = flags else {
            return Err(format!(
                "{at}: field `when`: `{name}` is no flags member of this struct"
            ));
        };
        if table.is_some_and(|t| Some(t) != flags.table.as_ref()) {
            return Err(format!(
                "{at}: field `when`: the members named have different tables"
            ));
        }
        table = flags.table.as_ref();
    }
    let table = table.and_then(|t| spec.flags.get(t));
    let mut names = when.any_of.iter().chain(&when.none_of);
    match names.find(|n| table.and_then(|t| t.value_of(n)).is_none()) {
        Some(bad) => Err(format!("{at}: field `when`: no flag {bad} in that table")),
        None => Ok(()),
    }
}

/// A struct kind's `struct` or `structs` (a `struct_by`'s, by the tags of its `by`
/// argument's enum table) names structs that exist; other kinds have neither.
pub fn check_arg(
    spec: &Spec,
    at: &str,
    args: &[Arg],
    arg: &Arg,
    kind: &KindDef,
) -> Result<(), String> {
    match (kind.table, &arg.strukt, &arg.structs) {
        (TableNeed::Struct, None, _) => Err(format!("{at}: missing field `struct`")),
        (TableNeed::Struct, Some(s), _) if !spec.structs.contains_key(s) => {
            Err(format!("{at}: field `struct`: no struct [structs.{s}]"))
        }
        (TableNeed::StructMap, _, None) => Err(format!("{at}: missing field `structs`")),
        (TableNeed::StructMap, _, Some(map)) => {
            let by = args.iter().find(|a| Some(&a.name) == arg.by.as_ref());
            let Some(by) = by else {
                // The check of `by` says what is wrong.
                return Ok(());
            };
            let Some(tags) = by.table.as_ref().and_then(|t| spec.enums.get(t)) else {
                return Err(format!(
                    "{at}: field `structs`: `{}` is not an enum argument",
                    by.name
                ));
            };
            for (tag, s) in map {
                if !tags.values.iter().any(|(n, _)| n == tag) {
                    return Err(format!(
                        "{at}: field `structs`: no {tag} in `{}`'s table",
                        by.name
                    ));
                }
                if !spec.structs.contains_key(s) {
                    return Err(format!("{at}: field `structs`: no struct [structs.{s}]"));
                }
            }
            Ok(())
        }
        (TableNeed::Struct, Some(_), _) => Ok(()),
        (_, Some(_), _) => Err(format!(
            "{at}: field `struct`: kind `{}` takes no struct",
            kind.name
        )),
        (_, None, Some(_)) => Err(format!(
            "{at}: field `structs`: kind `{}` takes no structs",
            kind.name
        )),
        (_, None, None) => Ok(()),
    }
}

/// A `struct_by`'s structs by tag value, resolved at build time (the spec was checked).
pub fn struct_map<'a>(spec: &'a Spec, args: &[Arg], arg: &'a Arg) -> Vec<(u64, &'a str)> {
    let by = args.iter().find(|a| Some(&a.name) == arg.by.as_ref());
    let tags = by
        .and_then(|b| b.table.as_ref())
        .and_then(|t| spec.enums.get(t));
    let mut map: Vec<(u64, &str)> = arg
        .structs
        .iter()
        .flatten()
        .filter_map(|(tag, s)| {
            let (_, v) = tags?.values.iter().find(|(n, _)| n == tag)?;
            Some((*v as u64, s.as_str()))
        })
        .collect();
    map.sort_unstable();
    map
}

/// A member's `when`, resolved: the indexes of the members tested, the mask, and whether
/// the flags must be absent (`none_of`).
pub fn when_mask(spec: &Spec, def: &StructDef, when: &When) -> (Vec<usize>, u64, bool) {
    let indexes: Vec<usize> = when
        .fields
        .iter()
        .filter_map(|n| def.fields.iter().position(|f| &f.name == n))
        .collect();
    let table = indexes
        .first()
        .and_then(|&i| def.fields[i].table.as_ref())
        .and_then(|t| spec.flags.get(t));
    let none = when.any_of.is_empty();
    let names = if none { &when.none_of } else { &when.any_of };
    let mask = names
        .iter()
        .filter_map(|n| table.and_then(|t| t.value_of(n)))
        .fold(0, |m, v| m | v);
    (indexes, mask, none)
}
