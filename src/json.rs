//! The JSON renderer: the same decoded values as `crate::text`, written as JSON Lines (one
//! object per event). The schema is documented in docs/json.md and docs/json-schema.json.
//!
//! Every `Sink` method has one JSON shape, told apart by its keys, so a reader (and the
//! round-trip test, tests/json.rs) can rebuild strace's text from it. Everything is written
//! straight into the output buffer: no allocation per syscall.

use crate::decode::{Call, Group, Number, PidNote, Quote, Sink, Values};
use crate::fdinfo::{Detail, FdInfo};
use crate::sockdiag::SocketInfo;
pub use crate::stamp::Stamp;
use crate::table::{self, EnumTable, FlagPart, FlagTable, SigName};
use std::io::Write;

use crate::decode::MAX_DEPTH;

/// Renders values into a JSON buffer: an event's `args` array and what follows it.
pub struct Json<'a> {
    buf: &'a mut Vec<u8>,
    /// Per level (0: the argument list or the return value; `n`: the `n`th open group): a
    /// member was written there.
    nonempty: [bool; MAX_DEPTH],
    /// Per level above 0: the group open there.
    groups: [Group; MAX_DEPTH],
    /// Per level: where the latest value starts, for `updated` and comments.
    start: [usize; MAX_DEPTH],
    /// Per level: an `{"value": .., "updated": ..}` wrapper (or a label's, or a named
    /// argument's) waits for its value to close it.
    wrap: [bool; MAX_DEPTH],
    /// Per level: the latest value closed such a wrapper (a comment on the value goes inside).
    wrapped: [bool; MAX_DEPTH],
    /// Per comment level: the comment went inside such a wrapper, which it closes.
    rewrap: [bool; MAX_DEPTH],
    depth: usize,
    /// Set by `field`: the next value belongs to it and needs no separator.
    after_field: bool,
    /// Set by `updated`: a member named now is the one just shown, again (text's
    /// `features=0 => features=0x3`): its value is the update, under the same key.
    after_updated: bool,
    /// Set by `ret`: the next value is the return value's decoded form.
    in_ret: bool,
    /// The groups open that add no level: symbolic groups, whose content JSON shows alone
    /// (the names carry their numbers), and the two forms of a value, whose raw form it
    /// leaves out. Innermost last.
    symbolic: [Transparent; MAX_DEPTH],
    symbolic_open: usize,
    /// Where the last argument key written starts and ends, so that a name given again
    /// before its value replaces it ([`Sink::arg_name`]).
    arg_key_at: Option<(usize, usize)>,
}

/// A group open without a level of its own ([`Json::symbolic`]).
#[derive(Clone, Copy, Default)]
struct Transparent {
    /// The depth it was opened at.
    depth: usize,
    /// For a [`Group::Forms`], what it needs to take its raw form back out.
    forms: Option<RawForm>,
}

/// A [`Group::Forms`]'s first member, the raw form, which JSON writes and then takes back
/// when the symbolic form starts: where it started, and the state of its level before it.
#[derive(Clone, Copy, Default)]
struct RawForm {
    /// Members started so far (the raw form is one value).
    members: u8,
    at: usize,
    nonempty: bool,
    start: usize,
    wrap: bool,
    wrapped: bool,
    after_field: bool,
    in_ret: bool,
}

impl<'a> Json<'a> {
    pub fn new(buf: &'a mut Vec<u8>) -> Self {
        Json {
            buf,
            nonempty: [false; MAX_DEPTH],
            groups: [Group::Array; MAX_DEPTH],
            start: [0; MAX_DEPTH],
            wrap: [false; MAX_DEPTH],
            wrapped: [false; MAX_DEPTH],
            rewrap: [false; MAX_DEPTH],
            depth: 0,
            after_field: false,
            after_updated: false,
            in_ret: false,
            symbolic: [Transparent::default(); MAX_DEPTH],
            symbolic_open: 0,
            arg_key_at: None,
        }
    }

    /// Writes `"name":`, an argument's key in `args`, replacing the one just written if no
    /// value followed it yet.
    fn arg_key(&mut self, name: &str) {
        if let Some((start, end)) = self.arg_key_at.take()
            && self.buf.len() == end
        {
            self.buf.truncate(start);
        }
        let start = self.buf.len();
        self.fmt(format_args!("\"{name}\":"));
        self.arg_key_at = Some((start, self.buf.len()));
        self.after_field = true;
    }

    /// Renders the exit half of a syscall into `buf`, which ends with the entry half's
    /// arguments; `last` is where the entry's last argument starts in `buf` (an exit value
    /// can update it: `[0] => [5]`).
    pub fn continuing(buf: &'a mut Vec<u8>, last: usize) -> Self {
        let mut json = Json::new(buf);
        json.start[0] = last;
        json
    }

    /// Where the last top-level value written starts (see `continuing`).
    pub fn last_start(&self) -> usize {
        self.start[0]
    }

    fn level(&self) -> usize {
        self.depth.min(MAX_DEPTH - 1)
    }

    /// The innermost open group.
    fn group(&self) -> Option<Group> {
        (self.depth > 0).then(|| self.groups[self.level()])
    }

    /// Whether members of the innermost group are named (an object's keys).
    fn keyed(&self) -> bool {
        matches!(
            self.group(),
            Some(Group::Struct | Group::Test | Group::BitSet)
        )
    }

    /// Writes the separator the next value needs and notes where it starts.
    fn element(&mut self) {
        self.after_updated = false;
        self.raw_form_ends();
        let l = self.level();
        self.wrapped[l] = false;
        if std::mem::take(&mut self.after_field) {
            self.start[l] = self.buf.len();
            return;
        }
        if self.depth > 0 {
            if std::mem::replace(&mut self.nonempty[l], true) {
                self.buf.push(b',');
            }
            if self.keyed() {
                // A value without a field name (no decoder does this): keep the JSON valid.
                self.buf.extend_from_slice(b"\"?\":");
            }
        } else if std::mem::take(&mut self.in_ret) {
            self.buf.extend_from_slice(b",\"ret_decoded\":");
        }
        self.start[l] = self.buf.len();
    }

    /// At a value's start: when it is the second member of the innermost [`Group::Forms`],
    /// the raw form before it is taken out and its level is as it was before it.
    fn raw_form_ends(&mut self) {
        let Some(top) = self.symbolic_open.checked_sub(1) else {
            return;
        };
        let Transparent {
            depth,
            forms: Some(mut raw),
        } = self.symbolic[top]
        else {
            return;
        };
        if depth != self.depth || raw.members > 1 {
            return;
        }
        raw.members += 1;
        self.symbolic[top].forms = Some(raw);
        if raw.members < 2 {
            return;
        }
        let l = self.level();
        self.buf.truncate(raw.at);
        self.nonempty[l] = raw.nonempty;
        self.start[l] = raw.start;
        self.wrap[l] = raw.wrap;
        self.wrapped[l] = raw.wrapped;
        self.after_field = raw.after_field;
        self.in_ret = raw.in_ret;
    }

    /// Opens a group that adds no level ([`Json::symbolic`]).
    fn open_transparent(&mut self, group: Group) {
        let l = self.level();
        let forms = (group == Group::Forms).then(|| RawForm {
            members: 0,
            at: self.buf.len(),
            nonempty: self.nonempty[l],
            start: self.start[l],
            wrap: self.wrap[l],
            wrapped: self.wrapped[l],
            after_field: self.after_field,
            in_ret: self.in_ret,
        });
        if let Some(slot) = self.symbolic.get_mut(self.symbolic_open) {
            *slot = Transparent {
                depth: self.depth,
                forms,
            };
            self.symbolic_open += 1;
        }
    }

    /// A value is complete: closes a wrapper waiting for it.
    fn done(&mut self) {
        let l = self.level();
        if std::mem::take(&mut self.wrap[l]) {
            self.buf.push(b'}');
            self.wrapped[l] = true;
        }
    }

    /// Enters a group whose members follow.
    fn push(&mut self, group: Group) {
        self.depth += 1;
        let l = self.level();
        self.groups[l] = group;
        self.nonempty[l] = false;
        self.wrap[l] = false;
        self.wrapped[l] = false;
    }

    fn fmt(&mut self, args: std::fmt::Arguments<'_>) {
        // Writing to a Vec cannot fail.
        let _ = self.buf.write_fmt(args);
    }

    /// A whole value written by `f`.
    fn value(&mut self, f: impl FnOnce(&mut Vec<u8>)) {
        self.element();
        f(self.buf);
        self.done();
    }

    /// Wraps the value just written at the current level as `{"value":V,` for a comment
    /// about it; returns whether it sat inside a wrapper that must close after the comment.
    fn wrap_last(&mut self) -> bool {
        let l = self.level();
        let rewrap = std::mem::take(&mut self.wrapped[l]);
        if rewrap {
            self.buf.pop();
        }
        let at = self.start[l].min(self.buf.len());
        self.buf
            .splice(at..at, b"{\"value\":".iter().copied())
            .for_each(drop);
        rewrap
    }
}

/// `"0x1f"`: a JSON string with the value in hex (lossless where JSON numbers are not).
fn hex_str(buf: &mut Vec<u8>, v: u64) {
    let _ = write!(buf, "\"{v:#x}\"");
}

/// `"0644"`: octal as C writes it with `%#03o`.
fn octal_str(buf: &mut Vec<u8>, v: u64) {
    let _ = match v {
        0 => write!(buf, "\"000\""),
        1..8 => write!(buf, "\"00{v:o}\""),
        _ => write!(buf, "\"0{v:o}\""),
    };
}

/// `"SIGUSR1"` as the text shows the signal.
fn sig_name(buf: &mut Vec<u8>, sig: i64) {
    let _ = write!(buf, "\"{}\"", SigName(sig));
}

/// `{"signo":10,"name":"SIGUSR1"}`.
pub fn signal_obj(buf: &mut Vec<u8>, sig: i64) {
    let _ = write!(buf, "{{\"signo\":{sig},\"name\":");
    sig_name(buf, sig);
    buf.push(b'}');
}

/// ASCII bytes written escaped: what JSON requires (controls, `"` and `\\`) and DEL, so that
/// no tracee byte reaches a terminal raw.
fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\' || c == 0x7f
}

/// Characters beyond ASCII written as `\uXXXX`: the C1 controls, and the invisible ones
/// that reorder or hide text on a terminal (bidirectional marks, embeddings, overrides and
/// isolates; the line and paragraph separators), which could make a line read other than it
/// is (CVE-2021-42574). A JSON reader turns the escape back into the same character.
fn hides_text(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// Writes `\uXXXX` for a character of the Basic Multilingual Plane.
fn unicode_escape(buf: &mut Vec<u8>, c: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        buf.push(HEX[((c >> shift) & 0xf) as usize]);
    }
}

/// Writes one byte that needs an escape.
fn escape_byte(buf: &mut Vec<u8>, c: u8) {
    match c {
        b'"' => buf.extend_from_slice(b"\\\""),
        b'\\' => buf.extend_from_slice(b"\\\\"),
        b'\n' => buf.extend_from_slice(b"\\n"),
        b'\t' => buf.extend_from_slice(b"\\t"),
        b'\r' => buf.extend_from_slice(b"\\r"),
        _ => unicode_escape(buf, u32::from(c)),
    }
}

/// Writes `bytes` as the body of a JSON string. Valid UTF-8 is written as text, escaping what
/// JSON requires and what could mislead a terminal ([`needs_escape`], [`hides_text`]);
/// otherwise every byte from 0x80 up is written as `\u00XX`, making each character stand for
/// one byte. Returns whether that byte-per-character form was used.
pub fn escape_into(buf: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        let mut run = 0;
        for (i, &c) in bytes.iter().enumerate() {
            if needs_escape(c) || c >= 0x80 {
                buf.extend_from_slice(&bytes[run..i]);
                run = i + 1;
                escape_byte(buf, c);
            }
        }
        buf.extend_from_slice(&bytes[run..]);
        return true;
    };
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let ascii_escape = c.is_ascii() && needs_escape(c as u8);
        if !ascii_escape && !hides_text(c) {
            continue;
        }
        buf.extend_from_slice(&bytes[run..i]);
        run = i + c.len_utf8();
        if ascii_escape {
            escape_byte(buf, c as u8);
        } else {
            unicode_escape(buf, u32::from(c));
        }
    }
    buf.extend_from_slice(&bytes[run..]);
    false
}

/// `{"str":"...","truncated":true,"latin1":true}` (the last two only when true).
fn string_obj(buf: &mut Vec<u8>, bytes: &[u8], truncated: bool, hex: bool) {
    buf.extend_from_slice(b"{\"str\":\"");
    let latin1 = escape_into(buf, bytes);
    buf.push(b'"');
    if latin1 {
        buf.extend_from_slice(b",\"latin1\":true");
    }
    if truncated {
        buf.extend_from_slice(b",\"truncated\":true");
    }
    if hex {
        buf.extend_from_slice(b",\"hex_escaped\":true");
    }
    buf.push(b'}');
}

/// The body of a flags object (no braces): `"raw":R,"names":[..],"unknown":U` and the shifted
/// field when it is set. `names` follow the text's order; `unknown` holds the bits no name
/// covers, and `unknown_field` an unnamed value of the table's exclusive field.
fn flags_body(buf: &mut Vec<u8>, v: u64, table: &FlagTable) {
    let _ = write!(buf, "\"raw\":{v},");
    flags_names(buf, v, table);
}

/// `"names":[..],"unknown":U` (and `"shifted"`) of a flag set.
fn flags_names(buf: &mut Vec<u8>, v: u64, table: &FlagTable) {
    buf.extend_from_slice(b"\"names\":[");
    let (mut unknown, mut unknown_field, mut shifted) = (0, None, None);
    let mut first = true;
    for part in table.split(v) {
        match part {
            FlagPart::Zero(name) | FlagPart::Field(name) | FlagPart::Bit(name) => {
                if !std::mem::take(&mut first) {
                    buf.push(b',');
                }
                let _ = write!(buf, "\"{name}\"");
            }
            FlagPart::UnknownField(field) => unknown_field = Some(field),
            FlagPart::Unknown(rest) => unknown = rest,
            FlagPart::Shifted(name, count) => shifted = Some((name, count)),
        }
    }
    let _ = write!(buf, "],\"unknown\":{unknown}");
    if let Some(name) = table.unknown.filter(|_| first && unknown != 0) {
        // The text's comment on bits no name covers, when no name applies: `/* PROT_??? */`.
        let _ = write!(buf, ",\"unknown_name\":\"{name}\"");
    }
    if let Some(field) = unknown_field {
        let _ = write!(buf, ",\"unknown_field\":{field}");
    }
    if let Some((n, value)) = shifted {
        let _ = write!(buf, ",\"shifted\":{{\"name\":\"{n}\",\"value\":{value}}}");
    }
}

/// `{"raw":1,"name":"SEEK_CUR"}`, without `name` for a value the table does not know.
fn enum_obj(buf: &mut Vec<u8>, v: u64, table: &EnumTable) {
    let _ = write!(buf, "{{\"raw\":{v}");
    if let Some(name) = table.name(v) {
        let _ = write!(buf, ",\"name\":\"{name}\"");
    }
    buf.push(b'}');
}

impl Sink for Json<'_> {
    fn arg_sep(&mut self) {
        self.buf.push(b',');
    }

    fn end_args(&mut self) {
        self.buf.push(b'}');
    }

    fn arg_name(&mut self, name: &'static str) {
        self.arg_key(name);
    }

    fn implicit_arg_name(&mut self, name: &'static str) {
        self.arg_key(name);
    }

    fn ret(&mut self, raw: i64) {
        self.fmt(format_args!(",\"ret\":{raw}"));
        self.in_ret = true;
    }

    fn error(&mut self, errno: u64, shown: Option<u64>) {
        match shown {
            Some(v) => self.fmt(format_args!(",\"ret\":{v}")),
            None => self.buf.extend_from_slice(b",\"ret\":-1"),
        }
        self.fmt(format_args!(",\"error\":{{\"errno\":{errno}"));
        if let Some(e) = table::errno(errno) {
            self.fmt(format_args!(
                ",\"name\":\"{}\",\"desc\":\"{}\"",
                e.name, e.desc
            ));
        }
        self.buf.push(b'}');
    }

    fn number(&mut self, n: Number) {
        if self.in_ret && self.depth == 0 && matches!(n, Number::Int(_) | Number::Uint(_)) {
            // `"ret"` holds it already.
            self.in_ret = false;
            return;
        }
        self.value(|b| {
            let _ = match n {
                Number::Int(v) => write!(b, "{v}"),
                Number::Centi(v) => write!(b, "{}.{:02}", v / 100, (v % 100).abs()),
                Number::Uint(v) => write!(b, "{v}"),
                Number::Kib(v) => write!(b, "{}", u128::from(v) * 1024),
                Number::Hex(v) => write!(b, "{{\"hex\":\"{v:#x}\"}}"),
                Number::Padded { v, width } => {
                    write!(b, "{{\"hex\":\"{v:#x}\",\"width\":{width}}}")
                }
                Number::Octal(v) => {
                    b.extend_from_slice(b"{\"octal\":");
                    octal_str(b, v);
                    write!(b, "}}")
                }
            };
        });
    }

    fn addr(&mut self, v: u64) {
        self.value(|b| {
            b.extend_from_slice(b"{\"addr\":");
            hex_str(b, v);
            b.push(b'}');
        });
    }

    fn unreadable(&mut self, v: u64) {
        self.value(|b| {
            b.extend_from_slice(b"{\"addr\":");
            hex_str(b, v);
            b.extend_from_slice(b",\"unreadable\":true}");
        });
    }

    fn fd(&mut self, fd: i64, info: Option<&FdInfo>) {
        self.value(|b| fd_obj(b, fd, info));
    }

    fn pid(&mut self, pid: i64, note: &PidNote) {
        if note.comm.is_none() && note.tracer_pid.is_none() {
            return self.number(Number::Int(pid));
        }
        self.value(|b| {
            let _ = write!(b, "{{\"pid\":{pid}");
            if let Some(comm) = &note.comm {
                b.extend_from_slice(b",\"comm\":\"");
                escape_into(b, comm.as_bytes());
                b.push(b'"');
            }
            if let Some(theirs) = note.tracer_pid {
                let _ = write!(b, ",\"tracer_pid\":{theirs}");
            }
            b.push(b'}');
        });
    }

    fn at_fdcwd(&mut self, cwd: Option<&[u8]>) {
        self.value(|b| {
            b.extend_from_slice(b"{\"raw\":-100,\"name\":\"AT_FDCWD\"");
            if let Some(cwd) = cwd {
                path_field(b, cwd);
            }
            b.push(b'}');
        });
    }

    fn constant(&mut self, name: &'static str, raw: Number) {
        let raw = match raw {
            Number::Int(v) => i128::from(v),
            Number::Centi(v) => v,
            Number::Uint(v) | Number::Hex(v) | Number::Octal(v) | Number::Padded { v, .. } => {
                i128::from(v)
            }
            Number::Kib(v) => i128::from(v) * 1024,
        };
        self.value(|b| {
            let _ = write!(b, "{{\"raw\":{raw},\"name\":\"{name}\"}}");
        });
    }

    fn word(&mut self, word: &str) {
        if self.group() == Some(Group::Test) {
            // A condition of its own: `"WIFEXITED(s)":true`.
            self.field_key(word);
            self.buf.extend_from_slice(b"true");
            self.after_field = false;
            return;
        }
        self.value(|b| {
            b.push(b'"');
            escape_into(b, word.as_bytes());
            b.push(b'"');
        });
    }

    fn flags(&mut self, v: u64, table: &'static FlagTable) {
        self.value(|b| {
            b.push(b'{');
            flags_body(b, v, table);
            b.push(b'}');
        });
    }

    fn enumeration(&mut self, v: u64, table: &'static EnumTable) {
        self.value(|b| enum_obj(b, v, table));
    }

    fn signal(&mut self, sig: i64) {
        self.value(|b| signal_obj(b, sig));
    }

    fn quoted(&mut self, bytes: &[u8], truncated: bool, quote: Quote) {
        // A trailing NUL strace leaves out is no part of the string.
        let bytes = match (quote, bytes.split_last()) {
            (Quote::TrailingNul, Some((_, rest))) => rest,
            _ => bytes,
        };
        self.value(|b| {
            string_obj(b, bytes, truncated, quote == Quote::Hex);
            if quote == Quote::Abstract {
                b.pop();
                b.extend_from_slice(b",\"abstract\":true}");
            }
        });
    }

    fn date(&mut self, sec: i64, frac: u64, digits: u32) {
        self.value(|b| {
            b.push(b'"');
            crate::datetime::write_datetime_frac(b, sec, frac, digits);
            b.push(b'"');
        });
    }

    fn open(&mut self, group: Group) {
        match group {
            // A name comment is a comment like any other here (`-X` changes nothing).
            Group::Comment | Group::NameComment => {
                let rewrap = self.wrap_last();
                self.buf.extend_from_slice(b",\"comment\":[");
                self.push(Group::Comment);
                // Closing the comment closes the wrapper it went into.
                self.rewrap[self.level()] = rewrap;
                return;
            }
            // Names-only details are details like any other here (`-X` changes nothing).
            Group::Detail | Group::NameDetail | Group::StyledDetail => {
                self.in_ret = false;
                self.buf.extend_from_slice(b",\"ret_detail\":[");
                self.push(Group::Detail);
                return;
            }
            Group::Symbolic(_)
            | Group::StyledSymbolic(_)
            | Group::Parts(_)
            | Group::Forms
            | Group::AbbrevOnly => {
                return self.open_transparent(group);
            }
            _ => self.element(),
        }
        let _ = match group {
            Group::Array => write!(self.buf, "["),
            // A bit set is `{"set":[...],"words":[...]}`: the set's members go in its key.
            Group::Set if self.group() == Some(Group::BitSet) => write!(self.buf, "["),
            Group::Struct | Group::BitSet => write!(self.buf, "{{"),
            Group::Set | Group::ComplementSet => write!(self.buf, "{{\"set\":["),
            Group::Call(f) => write!(self.buf, "{{\"call\":\"{f}\",\"args\":["),
            Group::Or | Group::RawOr | Group::SpacedOr => write!(self.buf, "{{\"or\":["),
            Group::Alternatives => write!(self.buf, "{{\"alternatives\":["),
            Group::Sum => write!(self.buf, "{{\"sum\":["),
            Group::Index => write!(self.buf, "{{\"index\":["),
            Group::Shift(n) => write!(self.buf, "{{\"shift\":{n},\"value\":"),
            // The shift as a named value: `{"raw":26,"name":"SHM_HUGE_SHIFT"}`.
            Group::NamedShift(name, n) => write!(
                self.buf,
                "{{\"shift\":{{\"raw\":{n},\"name\":\"{name}\"}},\"value\":"
            ),
            Group::ByteRange(from, to) => {
                write!(self.buf, "{{\"from\":{from},\"to\":{to},\"bytes\":")
            }
            Group::Test => write!(self.buf, "{{\"test\":{{"),
            Group::Resuming => write!(self.buf, "{{\"resuming\":"),
            Group::Comment
            | Group::NameComment
            | Group::Detail
            | Group::NameDetail
            | Group::StyledDetail
            | Group::Symbolic(_)
            | Group::StyledSymbolic(_)
            | Group::Parts(_)
            | Group::Forms
            | Group::AbbrevOnly => Ok(()),
        };
        self.push(group);
        if matches!(
            group,
            Group::Shift(_) | Group::NamedShift(..) | Group::ByteRange(..) | Group::Resuming
        ) {
            // One member, the value of the key just written.
            self.after_field = true;
        }
    }

    fn close(&mut self) {
        if let Some(open) = self.symbolic_open.checked_sub(1)
            && self.symbolic[open].depth == self.depth
        {
            self.symbolic_open = open;
            return;
        }
        let group = self.group().unwrap_or(Group::Array);
        let rewrap = group == Group::Comment && self.rewrap[self.level()];
        self.depth = self.depth.saturating_sub(1);
        let in_bit_set = self.group() == Some(Group::BitSet);
        let closing: &[u8] = match group {
            Group::Array | Group::Detail => b"]",
            Group::Set if in_bit_set => b"]",
            Group::Struct
            | Group::BitSet
            | Group::Shift(_)
            | Group::NamedShift(..)
            | Group::ByteRange(..)
            | Group::Resuming => b"}",
            Group::Set
            | Group::Call(_)
            | Group::Or
            | Group::RawOr
            | Group::SpacedOr
            | Group::Alternatives
            | Group::Sum
            | Group::Index => b"]}",
            Group::ComplementSet => b"],\"complement\":true}",
            Group::Test => b"}}",
            Group::Comment if rewrap => b"]}}",
            Group::Comment => b"]}",
            // Never pushed (a name comment is pushed as a comment, a name detail as a detail).
            Group::NameComment
            | Group::NameDetail
            | Group::StyledDetail
            | Group::Symbolic(_)
            | Group::StyledSymbolic(_)
            | Group::Parts(_)
            | Group::Forms
            | Group::AbbrevOnly => b"",
        };
        self.buf.extend_from_slice(closing);
        if group == Group::Detail {
            self.after_field = false;
        } else if group != Group::Comment {
            self.done();
        }
    }

    fn field(&mut self, name: &'static str) {
        if std::mem::take(&mut self.after_updated) {
            return;
        }
        self.after_field = false;
        if self.depth == 0 {
            // An argument the text always names (clone's `child_stack=NULL`): its key.
            self.arg_key(name);
            return;
        }
        if self.group() == Some(Group::Detail) {
            // `{"label": NAME, "value": ...}`, closed when the value is complete.
            self.element();
            self.fmt(format_args!("{{\"label\":\"{name}\",\"value\":"));
            let l = self.level();
            self.wrap[l] = true;
            self.after_field = true;
            return;
        }
        self.field_key(name);
    }

    fn implicit_field(&mut self, name: &'static str) {
        self.field(name);
    }

    fn more(&mut self) {
        if self.keyed() {
            self.field_key("...");
            self.buf.extend_from_slice(b"true");
            self.after_field = false;
        } else {
            self.value(|b| b.extend_from_slice(b"{\"more\":true}"));
        }
    }

    fn updated(&mut self) {
        // `{"value": <as given>, "updated": <as left>}` around the value just written.
        let l = self.level();
        let at = self.start[l];
        self.buf
            .splice(at..at, b"{\"value\":".iter().copied())
            .for_each(drop);
        self.buf.extend_from_slice(b",\"updated\":");
        self.after_field = true;
        self.after_updated = true;
        self.wrap[l] = true;
    }
}

impl Json<'_> {
    /// Writes `"key":` in the current object; the value follows.
    fn field_key(&mut self, key: &str) {
        self.after_field = false;
        let l = self.level();
        if std::mem::replace(&mut self.nonempty[l], true) {
            self.buf.push(b',');
        }
        self.buf.push(b'"');
        escape_into(self.buf, key.as_bytes());
        self.buf.extend_from_slice(b"\":");
        self.after_field = true;
    }
}

/// `,"path":"..."` (with `"path_latin1":true` when the bytes are not UTF-8).
fn path_field(buf: &mut Vec<u8>, path: &[u8]) {
    buf.extend_from_slice(b",\"path\":\"");
    let latin1 = escape_into(buf, path);
    buf.push(b'"');
    if latin1 {
        buf.extend_from_slice(b",\"path_latin1\":true");
    }
}

/// A descriptor: `{"fd":3}`, and with `-y` what it stands for: `"path"`, `"deleted"`,
/// `"device"`, `"pidfd"` or `"socket"` (docs/json.md).
fn fd_obj(buf: &mut Vec<u8>, fd: i64, info: Option<&FdInfo>) {
    let _ = write!(buf, "{{\"fd\":{fd}");
    if let Some(info) = info {
        path_field(buf, &info.path);
        if info.deleted {
            buf.extend_from_slice(b",\"deleted\":true");
        }
        match &info.detail {
            Detail::Path | Detail::EventfdPath => {}
            Detail::Signalfd(mask) => {
                // The same shape as every signal set: `{"set":[...]}`.
                buf.extend_from_slice(b",\"signalfd\":");
                Json::new(buf).sigset(*mask);
            }
            Detail::Eventfd(state) => {
                let _ = write!(buf, ",\"eventfd\":{{\"count\":{}", state.count);
                if let Some(id) = state.id {
                    let _ = write!(buf, ",\"id\":{id}");
                }
                if let Some(semaphore) = state.semaphore {
                    let _ = write!(buf, ",\"semaphore\":{semaphore}");
                }
                buf.push(b'}');
            }
            Detail::Device {
                block,
                major,
                minor,
            } => {
                let kind = if *block { "block" } else { "char" };
                let _ = write!(
                    buf,
                    ",\"device\":{{\"type\":\"{kind}\",\"major\":{major},\"minor\":{minor}}}"
                );
            }
            Detail::Pidfd(pid) => {
                let _ = write!(buf, ",\"pidfd\":{pid}");
            }
            Detail::Socket(sock) => {
                buf.extend_from_slice(b",\"socket\":");
                socket_obj(buf, sock);
            }
        }
    }
    buf.push(b'}');
}

/// A socket as `-yy` describes it: `{"proto":"TCP","src":"127.0.0.1","sport":80,...}`.
fn socket_obj(buf: &mut Vec<u8>, sock: &SocketInfo) {
    match sock {
        SocketInfo::Inet {
            proto,
            src,
            sport,
            dst,
        } => {
            let _ = write!(
                buf,
                "{{\"proto\":\"{proto}\",\"src\":\"{src}\",\"sport\":{sport}"
            );
            if let Some((ip, port)) = dst {
                let _ = write!(buf, ",\"dst\":\"{ip}\",\"dport\":{port}");
            }
        }
        SocketInfo::Unix {
            proto,
            inode,
            peer,
            name,
        } => {
            let _ = write!(buf, "{{\"proto\":\"{proto}\",\"inode\":{inode}");
            if *peer != 0 {
                let _ = write!(buf, ",\"peer\":{peer}");
            }
            if let Some(name) = name {
                // An abstract name starts with a NUL (unix(7)); either ends at the next NUL.
                let (name, abstract_name) = match name.split_first() {
                    Some((0, rest)) => (rest, true),
                    _ => (&name[..], false),
                };
                let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
                buf.extend_from_slice(b",\"name\":");
                string_obj(buf, &name[..end], false, false);
                if abstract_name {
                    buf.pop();
                    buf.extend_from_slice(b",\"abstract\":true}");
                }
            }
        }
        SocketInfo::Netlink {
            proto,
            family,
            protocol,
            portid,
        } => {
            let _ = write!(buf, "{{\"proto\":\"{proto}\",\"protocol\":{protocol}");
            if let Some(f) = family {
                let _ = write!(buf, ",\"family\":\"{f}\",\"portid\":{portid}");
            }
        }
        SocketInfo::Bare { proto, inode } => {
            let _ = write!(buf, "{{\"proto\":\"{proto}\",\"inode\":{inode}");
        }
    }
    buf.push(b'}');
}

/// Starts an event object: `{"event":"KIND","pid":P,"ts":T[,"rel":R]`.
pub fn begin_event(buf: &mut Vec<u8>, event: &str, pid: i32, stamp: Stamp) {
    let _ = write!(
        buf,
        "{{\"event\":\"{event}\",\"pid\":{pid},\"ts\":{}",
        stamp.ts
    );
    if let Some(rel) = stamp.rel {
        let _ = write!(buf, ",\"rel\":{rel}");
    }
}

/// Starts a syscall event up to its open `args` object.
pub fn begin_syscall(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, call: &Call) {
    begin_event(buf, "syscall", pid, stamp);
    match call.desc {
        Some(desc) => {
            let _ = write!(buf, ",\"syscall\":\"{}\"", desc.name);
        }
        None => {
            let _ = write!(buf, ",\"syscall\":\"syscall_{:#x}\"", call.nr);
        }
    }
    let _ = write!(buf, ",\"nr\":{},\"args\":{{", call.nr);
}

/// Appends a syscall's entry arguments (rendered at entry) to an event whose `args` is open.
/// Returns whether the arguments the exit would have shown are missing (the entry ended with
/// the separator before them), having dropped that separator when `cut`.
pub fn append_entry_args(buf: &mut Vec<u8>, entry: &[u8], cut: bool) -> bool {
    // An argument whose value shows only at exit has its key at entry (`,"argp":`): without
    // the exit, the key goes too.
    let (entry, keyed) = match entry.strip_suffix(b"\":") {
        Some(head) if cut => match head.iter().rposition(|&c| c == b'"') {
            Some(quote) => (&entry[..quote], true),
            None => (entry, false),
        },
        _ => (entry, false),
    };
    match entry.split_last() {
        Some((b',', head)) if cut => {
            buf.extend_from_slice(head);
            true
        }
        _ => {
            buf.extend_from_slice(entry);
            keyed
        }
    }
}

/// A syscall the process never finished (it died, was detached, or another thread's execve
/// superseded it): its entry arguments, `"unfinished":true` and no return value.
pub fn unfinished(
    buf: &mut Vec<u8>,
    pid: i32,
    stamp: Stamp,
    call: &Call,
    entry: &[u8],
    detached: bool,
) {
    begin_syscall(buf, pid, stamp, call);
    let cut = append_entry_args(buf, entry, true);
    buf.push(b'}');
    if cut {
        buf.extend_from_slice(b",\"args_incomplete\":true");
    }
    buf.extend_from_slice(b",\"unfinished\":true");
    if detached {
        buf.extend_from_slice(b",\"detached\":true");
    }
    buf.push(b'}');
}

/// `{"event":"exit",...,"code":0}`.
pub fn exited(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, code: i32) {
    begin_event(buf, "exit", pid, stamp);
    let _ = write!(buf, ",\"code\":{code}}}");
}

/// `{"event":"killed",...,"signal":{..},"core_dumped":false}`.
pub fn killed(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, sig: i32, core: bool) {
    begin_event(buf, "killed", pid, stamp);
    buf.extend_from_slice(b",\"signal\":");
    signal_obj(buf, i64::from(sig));
    let _ = write!(buf, ",\"core_dumped\":{core}}}");
}

/// `{"event":"signal",...,"signal":{..},"siginfo":{..}}`: a signal delivered to the tracee.
pub fn signal(
    buf: &mut Vec<u8>,
    pid: i32,
    stamp: Stamp,
    sig: i32,
    siginfo: Option<&[u8]>,
    si_pid: PidNote,
) {
    begin_event(buf, "signal", pid, stamp);
    buf.extend_from_slice(b",\"signal\":");
    signal_obj(buf, i64::from(sig));
    buf.extend_from_slice(b",\"siginfo\":");
    match siginfo {
        Some(raw) => crate::decode::siginfo(&mut Json::new(buf), raw, si_pid),
        None => buf.extend_from_slice(b"{}"),
    }
    buf.push(b'}');
}

/// `{"event":"stopped",...,"signal":{..}}`: a group stop.
pub fn stopped(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, sig: i32) {
    begin_event(buf, "stopped", pid, stamp);
    buf.extend_from_slice(b",\"signal\":");
    signal_obj(buf, i64::from(sig));
    buf.push(b'}');
}

/// An event with nothing but its kind: `detached`.
pub fn plain(buf: &mut Vec<u8>, event: &str, pid: i32, stamp: Stamp) {
    begin_event(buf, event, pid, stamp);
    buf.push(b'}');
}

/// `superseded`: the thread `former`, which called execve, took over `pid`.
pub fn superseded(buf: &mut Vec<u8>, pid: i32, former: i32, stamp: Stamp) {
    begin_event(buf, "superseded", pid, stamp);
    let _ = write!(buf, ",\"by\":{former}}}");
}

/// `attached`: the tracer attached `pid`, child of `ppid`.
pub fn attached(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, ppid: i32) {
    begin_event(buf, "attached", pid, stamp);
    let _ = write!(buf, ",\"ppid\":{ppid}}}");
}

/// `process`: `pid` entered the trace, `ppid` its parent (no text line: docs/json.md).
pub fn process(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, ppid: i32) {
    begin_event(buf, "process", pid, stamp);
    let _ = write!(buf, ",\"ppid\":{ppid}}}");
}

/// `exec`: `pid` runs a new program, `argv` its arguments (the last one `truncated` when the
/// command line was cut), `exe` the file when known (no text line: docs/json.md).
pub fn exec(
    buf: &mut Vec<u8>,
    pid: i32,
    stamp: Stamp,
    argv: &crate::tree::Cmdline,
    exe: Option<&[u8]>,
) {
    begin_event(buf, "exec", pid, stamp);
    if let Some(exe) = exe {
        buf.extend_from_slice(b",\"exe\":");
        string_obj(buf, exe, false, false);
    }
    buf.extend_from_slice(b",\"argv\":[");
    let count = argv.args().count();
    for (k, arg) in argv.args().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        string_obj(buf, arg, argv.cut && k + 1 == count, false);
    }
    buf.extend_from_slice(b"]}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::process::WaitStatus;
    use crate::decode::{self, Ctx, Outcome, Scratch, Values};

    fn escaped(bytes: &[u8]) -> (String, bool) {
        let mut out = Vec::new();
        let latin1 = escape_into(&mut out, bytes);
        (String::from_utf8(out).unwrap(), latin1)
    }

    #[test]
    fn escapes_valid_utf8_as_text() {
        assert_eq!(
            escaped("a\"b\\c\n\t\r\0\x07é".as_bytes()),
            (r#"a\"b\\c\n\t\r\u0000\u0007é"#.to_string(), false)
        );
    }

    /// DEL, C1 controls and the bidirectional controls that can make a line read backwards
    /// on a terminal are escaped; a JSON reader gets the same bytes back.
    #[test]
    fn escapes_what_could_mislead_a_terminal() {
        let bytes = "a\x7fb\u{85}c\u{202e}d\u{2066}e\u{200f}f\u{61c}g\u{2028}é".as_bytes();
        let (text, latin1) = escaped(bytes);
        assert_eq!(
            text,
            r#"a\u007fb\u0085c\u202ed\u2066e\u200ff\u061cg\u2028é"#
        );
        assert!(!latin1);
        let back: String = serde_json::from_str(&format!("\"{text}\"")).unwrap();
        assert_eq!(back.as_bytes(), bytes);
        assert_eq!(escaped(b"\x7f\xff"), (r#"\u007f\u00ff"#.to_string(), true));
    }

    #[test]
    fn escapes_other_bytes_one_character_each() {
        assert_eq!(
            escaped(b"a\xe9\x80\n"),
            (r#"a\u00e9\u0080\n"#.to_string(), true)
        );
    }

    /// Renders one syscall's arguments and return as the tracer does (entry, then exit).
    fn event(nr: u64, args: [u64; 6], mem: &crate::mem::FakeMemory, outcome: Outcome) -> String {
        let mut call = Call::new(nr, args, 0);
        let mut scratch = Scratch::new();
        let mut ctx = Ctx::for_test(mem, &mut scratch);
        let mut entry_half = Vec::new();
        let mut json = Json::new(&mut entry_half);
        decode::entry(&mut json, &mut ctx, &mut call);
        let last = json.last_start();
        let mut buf = Vec::new();
        append_entry_args(&mut buf, &entry_half, false);
        decode::exit(
            &mut Json::continuing(&mut buf, last),
            &mut ctx,
            &call,
            outcome,
        );
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn null_and_unreadable_pointers() {
        use crate::mem::FakeMemory;
        let mem = FakeMemory::new().with(0x1000, b"/etc/passwd\0");
        // openat(AT_FDCWD, path, O_RDONLY|O_CLOEXEC)
        assert_eq!(
            event(
                257,
                [-100i64 as u64, 0x1000, 0o2000000, 0, 0, 0],
                &mem,
                Outcome::Ok(3)
            ),
            r#""dirfd":{"raw":-100,"name":"AT_FDCWD"},"pathname":{"str":"/etc/passwd"},"flags":{"raw":524288,"names":["O_RDONLY","O_CLOEXEC"],"unknown":0}},"ret":3"#
        );
        // stat(NULL, unreadable) fails; newfstatat with an unreadable struct succeeds.
        assert_eq!(
            event(4, [0, 0x9000, 0, 0, 0, 0], &mem, Outcome::Err(14)),
            r#""pathname":{"addr":"0x0"},"statbuf":{"addr":"0x9000"}},"ret":-1,"error":{"errno":14,"name":"EFAULT","desc":"Bad address"}"#
        );
        assert_eq!(
            event(262, [3, 0x1000, 0x9000, 0, 0, 0], &mem, Outcome::Ok(0)),
            r#""dirfd":{"fd":3},"pathname":{"str":"/etc/passwd"},"statbuf":{"addr":"0x9000","unreadable":true},"flags":{"raw":0,"names":[],"unknown":0}},"ret":0"#
        );
        // read into memory that cannot be read back: the address, marked.
        assert_eq!(
            event(0, [3, 0x9000, 4, 0, 0, 0], &mem, Outcome::Ok(4)),
            r#""fd":{"fd":3},"buf":{"addr":"0x9000","unreadable":true},"count":4},"ret":4"#
        );
    }

    #[test]
    fn a_member_named_again_after_updated_is_its_update() {
        // Text's `{api=0xaa, features=0 => features=0x3, ioctls=0x1}`.
        let mut buf = Vec::new();
        let mut j = Json::new(&mut buf);
        j.begin_struct();
        j.field("api");
        j.int(1);
        j.field("features");
        j.int(0);
        j.updated();
        j.field("features");
        j.int(3);
        j.field("ioctls");
        j.int(1);
        j.end_struct(false);
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            r#"{"api":1,"features":{"value":0,"updated":3},"ioctls":1}"#
        );
    }

    #[test]
    fn updated_wraps_the_value_before() {
        let mut buf = Vec::new();
        let mut j = Json::new(&mut buf);
        j.int(1);
        j.arg_sep();
        j.begin_struct();
        j.field("a");
        j.int(2);
        j.end_struct(false);
        j.updated();
        j.begin_struct();
        j.field("a");
        j.begin_array();
        j.int(3);
        j.more();
        j.end_array();
        j.end_struct(true);
        j.arg_sep();
        j.addr(0x10);
        j.count(1, "var", "vars");
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            r#"1,{"value":{"a":2},"updated":{"a":[3,{"more":true}],"...":true}},{"value":{"addr":"0x10"},"comment":[1,"var"]}"#
        );
    }

    fn json(f: impl FnOnce(&mut Json<'_>)) -> String {
        let mut buf = Vec::new();
        f(&mut Json::new(&mut buf));
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn groups_have_one_key_each() {
        assert_eq!(
            json(|j| j.wait_status(WaitStatus::Stopped {
                raw: 0,
                sig: 0x85,
                event: 4
            })),
            r#"{"or":[{"test":{"WIFSTOPPED(s)":true,"WSTOPSIG(s)":{"or":[{"signo":5,"name":"SIGTRAP"},{"hex":"0x80"}]}}},{"shift":16,"value":{"raw":4,"name":"PTRACE_EVENT_EXEC"}}]}"#
        );
        assert_eq!(
            json(|j| j.sigset(!(1 << 31))),
            r#"{"set":[{"signo":32,"name":"SIGRTMIN"}],"complement":true}"#
        );
        assert_eq!(
            json(|j| j.dev(1, 3)),
            r#"{"call":"makedev","args":[{"hex":"0x1"},{"hex":"0x3"}]}"#
        );
        assert_eq!(
            json(|j| {
                j.begin_struct();
                j.ipv6_field("sin6_addr", [0; 16]);
                j.end_struct(false);
            }),
            r#"{"sin6_addr":{"call":"inet_pton","args":[{"raw":10,"name":"AF_INET6"},{"str":"::"},"&sin6_addr"]}}"#
        );
        assert_eq!(
            json(|j| j.clock_ticks(4)),
            r#"{"value":4,"comment":[0.04,"s"]}"#
        );
        assert_eq!(json(|j| j.rlim(2048)), "2048");
        assert_eq!(
            json(|j| j.interrupted_call("read")),
            r#"{"resuming":"read"}"#
        );
        // The bytes past a struct's fields, under a key the text does not show.
        assert_eq!(
            json(|j| {
                j.begin_struct();
                j.field("stack_size");
                j.hex(0);
                j.implicit_field("tail");
                j.open(Group::ByteRange(88, 95));
                j.hex_string(b"\x01", true);
                j.close();
                j.end_struct(false);
            }),
            r#"{"stack_size":{"hex":"0x0"},"tail":{"from":88,"to":95,"bytes":{"str":"\u0001","truncated":true,"hex_escaped":true}}}"#
        );
        // shmget's flags: a shift by a named constant, and an or the text may write without
        // its `|` (the same or here).
        assert_eq!(
            json(|j| {
                j.open(Group::RawOr);
                j.hex(0x1000_0000);
                j.open(Group::NamedShift("SHM_HUGE_SHIFT", 26));
                j.uint(21);
                j.close();
                j.octal(0o600);
                j.close();
            }),
            r#"{"or":[{"hex":"0x10000000"},{"shift":{"raw":26,"name":"SHM_HUGE_SHIFT"},"value":21},{"octal":"0600"}]}"#
        );
    }

    /// A bit set shows its bits and the words holding them, as a set with its words:
    /// `{"set":[...],"words":[...]}`, in a field, an array or an argument alike.
    #[test]
    fn bit_sets_keep_both_forms() {
        let bits = |j: &mut Json<'_>| {
            j.open(Group::BitSet);
            j.implicit_field("set");
            j.open(Group::Set);
            j.uint(3);
            j.more();
            j.close();
            j.implicit_field("words");
            j.begin_array();
            j.hex(0x18);
            j.end_array();
            j.close();
        };
        let set = r#"{"set":[3,{"more":true}],"words":[{"hex":"0x18"}]}"#;
        assert_eq!(
            json(|j| {
                bits(j);
                j.arg_sep();
                j.begin_struct();
                j.field("a");
                bits(j);
                j.field("b");
                j.begin_array();
                bits(j);
                bits(j);
                j.end_array();
                j.end_struct(false);
            }),
            format!(r#"{set},{{"a":{set},"b":[{set},{set}]}}"#)
        );
    }

    /// A value in two forms shows its symbolic form only, wherever it stands (a field, an
    /// array element, a top-level argument), and nothing of the raw form stays behind.
    #[test]
    fn two_forms_keep_the_symbolic_one() {
        let forms = |j: &mut Json<'_>| {
            j.open(Group::Forms);
            j.begin_struct();
            j.field("raw");
            j.hex_string(b"\x01", false);
            j.end_struct(false);
            j.word("NAME");
            j.close();
        };
        assert_eq!(
            json(|j| {
                j.begin_struct();
                j.field("a");
                j.int(1);
                j.field("b");
                forms(j);
                j.field("c");
                j.begin_array();
                forms(j);
                forms(j);
                j.end_array();
                j.end_struct(false);
                j.arg_sep();
                forms(j);
            }),
            r#"{"a":1,"b":"NAME","c":["NAME","NAME"]},"NAME""#
        );
        // A name comment is a comment; `-X` only words are there.
        assert_eq!(
            json(|j| {
                j.begin_struct();
                j.field("t");
                j.hex_named(3, &crate::table::ENUM_IEEE802154_ADDR_TYPE, true);
                j.field("p");
                j.net_order(80, true);
                j.end_struct(false);
            }),
            r#"{"t":{"value":{"hex":"0x3"},"comment":[{"raw":3,"name":"IEEE802154_ADDR_LONG"}]},"p":{"call":"htons","args":[80]}}"#
        );
    }

    /// Socket addresses of several families as whole events: valid JSON, one key per field.
    #[test]
    fn socket_addresses() {
        use crate::mem::FakeMemory;
        let cases: [(&[u8], u64, &str); 4] = [
            (
                b"\x11\x00\x86\xdd\x00\x00\x00\x00\x04\x03\x00\x02\x00\x01",
                20,
                r#"{"sa_family":{"raw":17,"name":"AF_PACKET"},"sll_protocol":{"call":"htons","args":[{"raw":34525,"name":"ETH_P_IPV6"}]},"sll_ifindex":0,"sll_hatype":{"raw":772,"name":"ARPHRD_LOOPBACK"},"sll_pkttype":{"raw":0,"name":"PACKET_HOST"},"sll_halen":2,"sll_addr":[{"hex":"0x0","width":2},{"hex":"0x1","width":2}]}"#,
            ),
            (
                b"\x10\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00",
                12,
                r#"{"sa_family":{"raw":16,"name":"AF_NETLINK"},"nl_pid":0,"nl_groups":{"hex":"0x5","width":8}}"#,
            ),
            (
                b"\x03\x00\xac\x82\x98\x92\x88\x40\x1a\x00\x00\x00\x01\x00\x00\x00\xa6\xa0\x82\x40\x86\x8a\x00",
                23,
                r#"{"sa_family":{"raw":3,"name":"AF_AX25"},"fsa_ax25":{"sax25_call":"VALID-13","sax25_ndigis":1},"fsa_digipeater":[{"value":{"ax25_call":{"str":"\u00a6\u00a0\u0082@\u0086\u008a\u0000","latin1":true,"hex_escaped":true}},"comment":["SPA CE-0"]}]}"#,
            ),
            (
                b"\x21\x00\x01\x00\x02\x00\xff\xff\x01\x00ab",
                36,
                r#"{"sa_family":{"raw":33,"name":"AF_RXRPC"},"srx_service":{"value":{"hex":"0x1"},"comment":[{"raw":1,"name":"CM_SERVICE"}]},"transport_type":{"raw":2,"name":"SOCK_DGRAM"},"transport_len":65535,"transport":{"family":{"raw":1,"name":"AF_UNIX"},"data":{"str":"ab\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"}}}"#,
            ),
        ];
        for (bytes, len, want) in cases {
            let mem = FakeMemory::new().with(0x1000, bytes);
            let got = event(42, [3, 0x1000, len, 0, 0, 0], &mem, Outcome::Err(9));
            let expected = format!(
                r#""sockfd":{{"fd":3}},"addr":{want},"addrlen":{len}}},"ret":-1,"error":{{"errno":9,"name":"EBADF","desc":"Bad file descriptor"}}"#
            );
            assert_eq!(got, expected);
            let whole: serde_json::Value = serde_json::from_str(&format!("[{want}]")).unwrap();
            assert!(whole[0].is_object());
        }
    }

    #[test]
    fn a_comment_on_an_updated_value_stays_inside_it() {
        assert_eq!(
            json(|j| {
                j.int(1);
                j.updated();
                j.datetime(0);
            }),
            r#"{"value":1,"updated":{"value":0,"comment":["1970-01-01T00:00:00+0000"]}}"#
        );
    }

    #[test]
    fn return_values() {
        assert_eq!(json(|j| j.ret_int(3)), r#","ret":3"#);
        assert_eq!(
            json(|j| j.ret_flags(0x8002, Some("flags"), &crate::table::FLAGS_OPEN_FLAGS)),
            r#","ret":32770,"ret_decoded":{"hex":"0x8002"},"ret_detail":[{"label":"flags","value":{"raw":32770,"names":["O_RDWR","O_LARGEFILE"],"unknown":0}}]"#
        );
        assert_eq!(
            json(|j| j.ret_comment(0, "Timeout")),
            r#","ret":0,"ret_detail":["Timeout"]"#
        );
    }
}

#[cfg(test)]
mod tree_event_tests {
    use super::*;
    use crate::tree::Cmdline;

    const AT: Stamp = Stamp { ts: 5, rel: None };

    #[test]
    fn process_and_exec_events() {
        let mut buf = Vec::new();
        process(&mut buf, 12, AT, 3);
        assert_eq!(buf, br#"{"event":"process","pid":12,"ts":5,"ppid":3}"#);
        buf.clear();
        attached(&mut buf, 12, AT, 3);
        assert_eq!(buf, br#"{"event":"attached","pid":12,"ts":5,"ppid":3}"#);
        buf.clear();
        let argv = Cmdline {
            bytes: b"sh\0-c\0\xff\"\0".to_vec(),
            cut: false,
        };
        exec(&mut buf, 12, AT, &argv, Some(b"/usr/bin/dash"));
        assert_eq!(
            String::from_utf8(buf.clone()).unwrap(),
            r#"{"event":"exec","pid":12,"ts":5,"exe":{"str":"/usr/bin/dash"},"argv":[{"str":"sh"},{"str":"-c"},{"str":"\u00ff\"","latin1":true}]}"#
        );
        buf.clear();
        let cut = Cmdline {
            bytes: b"x\0yy".to_vec(),
            cut: true,
        };
        exec(&mut buf, 1, AT, &cut, None);
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            r#"{"event":"exec","pid":1,"ts":5,"argv":[{"str":"x"},{"str":"yy","truncated":true}]}"#
        );
        buf = Vec::new();
        exec(&mut buf, 1, AT, &Cmdline::default(), None);
        assert_eq!(buf, br#"{"event":"exec","pid":1,"ts":5,"argv":[]}"#);
    }
}
