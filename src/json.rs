//! The JSON renderer: the same decoded values as `crate::text`, written as JSON Lines (one
//! object per event). The schema is documented in docs/json.md and docs/json-schema.json.
//!
//! Every `Sink` method has one JSON shape, told apart by its keys, so a reader (and the
//! round-trip test, tests/json.rs) can rebuild strace's text from it. Everything is written
//! straight into the output buffer: no allocation per syscall.

use crate::decode::process::WaitStatus;
use crate::decode::{Call, Sink};
use crate::fdinfo::{Detail, FdInfo};
use crate::sockdiag::SocketInfo;
pub use crate::stamp::Stamp;
use crate::table::{self, EnumTable, FlagPart, FlagTable, SigName};
use std::io::Write;

use crate::decode::MAX_DEPTH;

/// Renders values into a JSON buffer: an event's `args` array and what follows it.
pub struct Json<'a> {
    buf: &'a mut Vec<u8>,
    /// Per nesting level (0: the argument list): an element was written there.
    nonempty: [bool; MAX_DEPTH],
    /// Per level: the container is a struct (its elements need keys).
    in_struct: [bool; MAX_DEPTH],
    /// Per level: where the latest value starts, for `updated` and `count`.
    start: [usize; MAX_DEPTH],
    /// Per level: an `{"value": .., "updated": ..}` wrapper (or a return detail's label)
    /// waits for its value to close it.
    wrap: [bool; MAX_DEPTH],
    /// Per level: where an open `begin_wrap` value starts.
    wrap_start: [usize; MAX_DEPTH],
    depth: usize,
    /// Set by `field`: the next value belongs to it and needs no separator.
    after_field: bool,
}

impl<'a> Json<'a> {
    pub fn new(buf: &'a mut Vec<u8>) -> Self {
        Json {
            buf,
            nonempty: [false; MAX_DEPTH],
            in_struct: [false; MAX_DEPTH],
            start: [0; MAX_DEPTH],
            wrap: [false; MAX_DEPTH],
            wrap_start: [0; MAX_DEPTH],
            depth: 0,
            after_field: false,
        }
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

    /// Writes the separator the next value needs and notes where it starts.
    fn element(&mut self) {
        let l = self.level();
        if std::mem::take(&mut self.after_field) {
            self.start[l] = self.buf.len();
            return;
        }
        if self.depth > 0 {
            if self.nonempty[l] {
                self.buf.push(b',');
            }
            self.nonempty[l] = true;
            if self.in_struct[l] {
                // A value without a field name (no decoder does this): keep the JSON valid.
                self.buf.extend_from_slice(b"\"?\":");
            }
        }
        self.start[l] = self.buf.len();
    }

    /// A value is complete: closes an `updated` wrapper waiting for it.
    fn done(&mut self) {
        let l = self.level();
        if std::mem::take(&mut self.wrap[l]) {
            self.buf.push(b'}');
        }
    }

    fn open(&mut self, bracket: u8, is_struct: bool) {
        self.element();
        self.buf.push(bracket);
        self.depth += 1;
        let l = self.level();
        self.nonempty[l] = false;
        self.in_struct[l] = is_struct;
        self.wrap[l] = false;
    }

    fn close(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth = self.depth.saturating_sub(1);
        self.done();
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
        self.buf.push(b']');
    }

    fn int(&mut self, v: i64) {
        self.value(|b| {
            let _ = write!(b, "{v}");
        });
    }

    fn uint(&mut self, v: u64) {
        self.value(|b| {
            let _ = write!(b, "{v}");
        });
    }

    fn hex(&mut self, v: u64) {
        self.value(|b| {
            b.extend_from_slice(b"{\"hex\":");
            hex_str(b, v);
            b.push(b'}');
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

    fn octal(&mut self, v: u64) {
        self.value(|b| {
            b.extend_from_slice(b"{\"octal\":");
            octal_str(b, v);
            b.push(b'}');
        });
    }

    fn fd(&mut self, fd: i32, info: Option<&FdInfo>) {
        self.value(|b| fd_obj(b, i64::from(fd), info));
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

    fn constant(&mut self, name: &'static str, raw: i64) {
        self.value(|b| {
            let _ = write!(b, "{{\"raw\":{raw},\"name\":\"{name}\"}}");
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

    fn string(&mut self, bytes: &[u8], truncated: bool) {
        self.value(|b| string_obj(b, bytes, truncated, false));
    }

    fn hex_string(&mut self, bytes: &[u8], truncated: bool) {
        self.value(|b| string_obj(b, bytes, truncated, true));
    }

    fn rlim(&mut self, v: u64) {
        self.value(|b| {
            // RLIM64_INFINITY (<linux/resource.h>) by name: u64::MAX is no safe JSON number.
            let _ = if v == u64::MAX {
                write!(b, "{{\"rlim\":\"RLIM64_INFINITY\"}}")
            } else {
                write!(b, "{{\"rlim\":{v}}}")
            };
        });
    }

    fn sigset(&mut self, mask: u64) {
        self.value(|b| {
            // As the text: the complement when that is shorter, marked as such.
            let (mask, complement) = if mask.count_ones() > 32 {
                (!mask, true)
            } else {
                (mask, false)
            };
            b.extend_from_slice(b"{\"sigset\":[");
            let mut first = true;
            for bit in 0..64 {
                if mask & (1 << bit) != 0 {
                    if !std::mem::take(&mut first) {
                        b.push(b',');
                    }
                    let at = b.len() + 1;
                    sig_name(b, bit + 1);
                    if b[at..].starts_with(b"SIG") {
                        b.drain(at..at + 3);
                    }
                }
            }
            b.push(b']');
            if complement {
                b.extend_from_slice(b",\"complement\":true");
            }
            b.push(b'}');
        });
    }

    fn begin_array(&mut self) {
        self.open(b'[', false);
    }

    fn end_array(&mut self) {
        self.close(b']');
    }

    fn begin_struct(&mut self) {
        self.open(b'{', true);
    }

    fn field(&mut self, name: &'static str) {
        self.after_field = false;
        if self.depth == 0 {
            // A named argument (clone's `child_stack=NULL`): `{"arg":NAME,"value":..}`.
            self.buf.extend_from_slice(b"{\"arg\":\"");
            self.buf.extend_from_slice(name.as_bytes());
            self.buf.extend_from_slice(b"\",\"value\":");
            self.wrap[0] = true;
            self.after_field = true;
            return;
        }
        let l = self.level();
        if self.nonempty[l] {
            self.buf.push(b',');
        }
        self.nonempty[l] = true;
        self.buf.push(b'"');
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.extend_from_slice(b"\":");
        self.after_field = true;
    }

    fn end_struct(&mut self, abbreviated: bool) {
        if abbreviated {
            let l = self.level();
            if self.nonempty[l] {
                self.buf.push(b',');
            }
            self.buf.extend_from_slice(b"\"...\":true");
        }
        self.close(b'}');
    }

    fn more(&mut self) {
        let l = self.level();
        if self.depth > 0 && self.in_struct[l] {
            if self.nonempty[l] {
                self.buf.push(b',');
            }
            self.nonempty[l] = true;
            self.buf.extend_from_slice(b"\"...\":true");
        } else {
            self.value(|b| b.extend_from_slice(b"{\"more\":true}"));
        }
    }

    fn count(&mut self, n: u64, one: &'static str, many: &'static str) {
        // Belongs to the value just written (an address object): add it there.
        if self.buf.last() == Some(&b'}') {
            self.buf.pop();
            let what = if n == 1 { one } else { many };
            self.fmt(format_args!(",\"count\":{n},\"unit\":\"{what}\"}}"));
        }
    }

    fn ioctl_code(&mut self, dir: u32, kind: u32, nr: u32, size: u32) {
        self.value(|b| {
            let _ = write!(
                b,
                "{{\"ioc_dir\":{dir},\"ioc_type\":{kind},\"ioc_nr\":{nr},\"ioc_size\":{size}}}"
            );
        });
    }

    fn tty_flags(&mut self, fields: &[&'static str], rest: u64, table: &'static FlagTable) {
        self.value(|b| {
            b.extend_from_slice(b"{\"fields\":[");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    b.push(b',');
                }
                let _ = write!(b, "\"{f}\"");
            }
            b.extend_from_slice(b"],");
            flags_body(b, rest, table);
            b.push(b'}');
        });
    }

    fn ret_flags(&mut self, v: u64, label: Option<&'static str>, table: &'static FlagTable) {
        self.fmt(format_args!(",\"ret\":{v},\"ret_decoded\":{{"));
        if let Some(label) = label {
            self.fmt(format_args!("\"label\":\"{label}\","));
        }
        flags_body(self.buf, v, table);
        self.buf.push(b'}');
    }

    fn ret_signal(&mut self, sig: i64) {
        self.fmt(format_args!(",\"ret\":{sig},\"ret_decoded\":"));
        signal_obj(self.buf, sig);
    }

    fn ret_enum(&mut self, v: u64, table: &'static EnumTable) {
        self.fmt(format_args!(",\"ret\":{v},\"ret_decoded\":"));
        enum_obj(self.buf, v, table);
    }

    fn file_mode(&mut self, mode: u32) {
        self.value(|b| {
            let _ = write!(b, "{{\"file_mode\":{mode}");
            if let Some(name) = table::ENUM_FILE_TYPE.name(u64::from(mode & table::S_IFMT)) {
                let _ = write!(b, ",\"type\":\"{name}\"");
                let mut first = true;
                for (name, bit) in table::FLAGS_MODE_SPECIAL.bits {
                    if u64::from(mode) & bit != 0 {
                        b.extend_from_slice(if std::mem::take(&mut first) {
                            b",\"special\":[\""
                        } else {
                            b",\""
                        });
                        b.extend_from_slice(name.as_bytes());
                        b.push(b'"');
                    }
                }
                if !first {
                    b.push(b']');
                }
            }
            b.extend_from_slice(b",\"perm\":");
            octal_str(b, u64::from(mode & 0o777));
            b.push(b'}');
        });
    }

    fn dev(&mut self, major: u32, minor: u32) {
        self.value(|b| {
            let _ = write!(b, "{{\"major\":{major},\"minor\":{minor}}}");
        });
    }

    fn interrupted_call(&mut self, name: &str) {
        self.value(|b| {
            let _ = write!(b, "{{\"resuming\":\"{name}\"}}");
        });
    }

    fn datetime(&mut self, secs: i64) {
        self.value(|b| datetime_obj(b, secs));
    }

    fn hex_padded(&mut self, v: u64, width: usize) {
        self.value(|b| {
            b.extend_from_slice(b"{\"hex\":");
            hex_str(b, v);
            let _ = write!(b, ",\"width\":{width}}}");
        });
    }

    fn net_order(&mut self, v: u64, short: bool) {
        let f = if short { "htons" } else { "htonl" };
        self.value(|b| {
            let _ = write!(b, "{{\"{f}\":{v}}}");
        });
    }

    fn ipv4(&mut self, a: [u8; 4]) {
        self.value(|b| {
            let _ = write!(b, "{{\"ipv4\":\"{}\"}}", std::net::Ipv4Addr::from(a));
        });
    }

    fn ipv6_field(&mut self, name: &'static str, addr: [u8; 16]) {
        // The field itself: `"sin6_addr":{"ipv6":"::1"}`.
        self.field(name);
        self.value(|b| {
            let _ = write!(b, "{{\"ipv6\":\"{}\"}}", std::net::Ipv6Addr::from(addr));
        });
    }

    fn abstract_name(&mut self, bytes: &[u8], truncated: bool) {
        self.value(|b| {
            string_obj(b, bytes, truncated, false);
            b.pop();
            b.extend_from_slice(b",\"abstract\":true}");
        });
    }

    fn kind_and_flags(
        &mut self,
        v: u64,
        mask: u64,
        kinds: &'static EnumTable,
        flags: &'static FlagTable,
    ) {
        self.value(|b| {
            let _ = write!(b, "{{\"raw\":{v},");
            match kinds.name(v & mask) {
                Some(kind) => {
                    let _ = write!(b, "\"kind\":\"{kind}\",");
                    let rest = v & !mask;
                    if rest == 0 {
                        b.extend_from_slice(b"\"names\":[],\"unknown\":0");
                    } else {
                        flags_names(b, rest, flags);
                    }
                }
                None => flags_names(b, v, flags),
            }
            b.push(b'}');
        });
    }

    fn begin_wrap(&mut self, function: &'static str) {
        self.element();
        let l = self.level();
        self.wrap_start[l] = self.start[l];
        self.fmt(format_args!("{{\"function\":\"{function}\",\"value\":"));
        self.after_field = true;
    }

    fn end_wrap(&mut self) {
        self.buf.push(b'}');
        let l = self.level();
        self.start[l] = self.wrap_start[l];
        self.done();
    }

    fn clock_ticks(&mut self, v: i64) {
        self.value(|b| {
            let _ = write!(b, "{{\"clock_ticks\":{v}}}");
        });
    }

    fn changed(&mut self, before: u64, after: u64) {
        self.value(|b| {
            let _ = write!(b, "{{\"value\":{before},\"updated\":{after}}}");
        });
    }

    fn ret_datetime(&mut self, v: i64) {
        self.fmt(format_args!(",\"ret\":{v},\"ret_decoded\":"));
        datetime_obj(self.buf, v);
    }

    fn ret_fd(&mut self, fd: i64, info: Option<&FdInfo>) {
        self.fmt(format_args!(",\"ret\":{fd}"));
        if info.is_some() {
            self.buf.extend_from_slice(b",\"ret_decoded\":");
            fd_obj(self.buf, fd, info);
        }
    }

    fn capabilities(&mut self, set: u64) {
        self.value(|b| {
            let _ = write!(b, "{{\"capabilities\":{set},\"names\":[");
            // The tables name each 32-bit word's bits as `1<<CAP_X`; the JSON names the
            // capabilities.
            let mut unknown = 0;
            let mut first = true;
            for (word, table, shift) in [
                (set & 0xffff_ffff, &table::FLAGS_CAP_MASK0, 0),
                (set >> 32, &table::FLAGS_CAP_MASK1, 32),
            ] {
                for part in table.split(word) {
                    match part {
                        FlagPart::Bit(name) => {
                            if !std::mem::take(&mut first) {
                                b.push(b',');
                            }
                            let name = name.strip_prefix("1<<").unwrap_or(name);
                            let _ = write!(b, "\"{name}\"");
                        }
                        FlagPart::Unknown(rest) => unknown |= rest << shift,
                        _ => {}
                    }
                }
            }
            let _ = write!(b, "],\"unknown\":{unknown}}}");
        });
    }

    fn enumeration_number(&mut self, v: i64, table: &'static EnumTable) {
        self.value(|b| {
            let _ = write!(b, "{{\"raw\":{v}");
            if let Some(name) = table.name(v as u64) {
                let _ = write!(b, ",\"name\":\"{name}\"");
            }
            b.extend_from_slice(b",\"numeric\":true}");
        });
    }

    fn ret_int_enum(&mut self, v: i64, table: &'static EnumTable) {
        self.fmt(format_args!(",\"ret\":{v}"));
        if let Some(name) = table.name(v as u64) {
            self.fmt(format_args!(
                ",\"ret_decoded\":{{\"raw\":{v},\"name\":\"{name}\",\"numeric\":true}}"
            ));
        }
    }

    fn addr_comment(&mut self, v: u64) {
        // Belongs to the `{"more":true}` just written: where the array stopped being readable.
        if self.buf.last() == Some(&b'}') {
            self.buf.pop();
            self.buf.extend_from_slice(b",\"at\":");
            hex_str(self.buf, v);
            self.buf.push(b'}');
        }
    }

    fn begin_fd_set(&mut self) {
        self.element();
        let l = self.level();
        self.wrap_start[l] = self.start[l];
        self.buf.extend_from_slice(b"{\"fd_set\":");
        self.after_field = true;
        self.open(b'[', false);
    }

    fn end_fd_set(&mut self) {
        self.buf.push(b']');
        self.depth = self.depth.saturating_sub(1);
        self.buf.push(b'}');
        let l = self.level();
        self.start[l] = self.wrap_start[l];
        self.done();
    }

    fn time_comment(&mut self, sec: i64, frac: u64, digits: u32) {
        let max = 10u64.pow(digits) - 1;
        if (sec == 0 && frac == 0) || frac > max {
            return;
        }
        let mut date = Vec::new();
        if !crate::datetime::write_datetime_frac(&mut date, sec, frac, digits) {
            return;
        }
        // `{"time": <the value just written>, "iso": "..."}`, as `datetime` writes a number.
        let l = self.level();
        let at = self.start[l];
        self.buf
            .splice(at..at, b"{\"time\":".iter().copied())
            .for_each(drop);
        self.buf.extend_from_slice(b",\"iso\":\"");
        self.buf.extend_from_slice(&date);
        self.buf.extend_from_slice(b"\"}");
    }

    fn ret_comment(&mut self, v: i64, text: &'static str) {
        self.fmt(format_args!(
            ",\"ret\":{v},\"ret_decoded\":{{\"comment\":\"{text}\"}}"
        ));
    }

    fn begin_ret_detail(&mut self) {
        self.buf.extend_from_slice(b",\"ret_detail\":");
        self.after_field = true;
        self.open(b'[', false);
    }

    fn label(&mut self, name: &'static str) {
        // `{"label": NAME, "value": ...}`, closed when the value is complete.
        self.after_field = false;
        self.element();
        self.fmt(format_args!("{{\"label\":\"{name}\",\"value\":"));
        let l = self.level();
        self.wrap[l] = true;
        self.after_field = true;
    }

    fn end_ret_detail(&mut self) {
        self.buf.push(b']');
        self.depth = self.depth.saturating_sub(1);
        self.after_field = false;
    }

    fn ret_int(&mut self, v: i64) {
        self.fmt(format_args!(",\"ret\":{v}"));
    }

    fn ret_hex(&mut self, v: u64) {
        self.fmt(format_args!(",\"ret\":{v},\"ret_decoded\":{{\"hex\":"));
        hex_str(self.buf, v);
        self.buf.push(b'}');
    }

    fn ret_octal(&mut self, v: u64) {
        self.fmt(format_args!(",\"ret\":{v},\"ret_decoded\":{{\"octal\":"));
        octal_str(self.buf, v);
        self.buf.push(b'}');
    }

    fn ret_error(&mut self, errno: u64) {
        self.fmt(format_args!(",\"ret\":-1,\"error\":{{\"errno\":{errno}"));
        if let Some(e) = table::errno(errno) {
            self.fmt(format_args!(
                ",\"name\":\"{}\",\"desc\":\"{}\"",
                e.name, e.desc
            ));
        }
        self.buf.push(b'}');
    }

    fn futex_wake_op(&mut self, v: u32) {
        self.value(|b| {
            let _ = write!(b, "{{\"futex_op\":{v},\"op\":");
            enum_obj(b, u64::from(v >> 28 & 7), &table::ENUM_FUTEX_WAKE_OP);
            let _ = write!(
                b,
                ",\"oparg_shift\":{},\"oparg\":{},\"cmp\":",
                v >> 28 & 8 != 0,
                v >> 12 & 0xfff
            );
            enum_obj(b, u64::from(v >> 24 & 0xf), &table::ENUM_FUTEX_WAKE_OP_CMP);
            let _ = write!(b, ",\"cmparg\":{}}}", v & 0xfff);
        });
    }

    fn flags_and_signal(&mut self, v: u64, table: &'static FlagTable, sig: i64) {
        self.value(|b| {
            b.push(b'{');
            flags_body(b, v, table);
            b.extend_from_slice(b",\"signal\":");
            signal_obj(b, sig);
            b.push(b'}');
        });
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
        self.wrap[l] = true;
    }

    fn cpu_set(&mut self, mask: &[u8]) {
        self.value(|b| {
            b.extend_from_slice(b"{\"cpus\":[");
            let mut first = true;
            for (i, byte) in mask.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 {
                        if !std::mem::take(&mut first) {
                            b.push(b',');
                        }
                        let _ = write!(b, "{}", i * 8 + bit);
                    }
                }
            }
            b.extend_from_slice(b"]}");
        });
    }

    fn wait_status(&mut self, status: WaitStatus) {
        self.value(|b| match status {
            WaitStatus::Stopped { raw, sig, event } => {
                let _ = write!(b, "{{\"wait_status\":{raw},\"stopped\":");
                sig_name(b, i64::from(sig));
                if event != 0 {
                    let _ = write!(b, ",\"event\":{event}");
                }
                b.push(b'}');
            }
            WaitStatus::Continued { raw } => {
                let _ = write!(b, "{{\"wait_status\":{raw},\"continued\":true}}");
            }
            WaitStatus::Exited { raw, code } => {
                let _ = write!(b, "{{\"wait_status\":{raw},\"exited\":{code}}}");
            }
            WaitStatus::Signaled { raw, sig, core } => {
                let _ = write!(b, "{{\"wait_status\":{raw},\"signaled\":");
                sig_name(b, i64::from(sig));
                if core {
                    b.extend_from_slice(b",\"core_dumped\":true");
                }
                b.push(b'}');
            }
        });
    }
}

/// `{"time":1764290971,"iso":"2025-11-28T00:49:31+0000"}` (no `iso` for a date `struct tm`
/// cannot hold, where the text shows none).
fn datetime_obj(buf: &mut Vec<u8>, secs: i64) {
    let _ = write!(buf, "{{\"time\":{secs}");
    let mut date = Vec::new();
    if crate::datetime::write_datetime(&mut date, secs) {
        buf.extend_from_slice(b",\"iso\":\"");
        buf.extend_from_slice(&date);
        buf.push(b'"');
    }
    buf.push(b'}');
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
            Detail::Path => {}
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

/// Starts a syscall event up to its open `args` array.
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
    let _ = write!(buf, ",\"nr\":{},\"args\":[", call.nr);
}

/// Appends a syscall's entry arguments (rendered at entry) to an event whose `args` is open.
/// Returns whether the arguments the exit would have shown are missing (the entry ended with
/// the separator before them), having dropped that separator when `cut`.
pub fn append_entry_args(buf: &mut Vec<u8>, entry: &[u8], cut: bool) -> bool {
    match entry.split_last() {
        Some((b',', head)) if cut => {
            buf.extend_from_slice(head);
            true
        }
        _ => {
            buf.extend_from_slice(entry);
            false
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
    buf.push(b']');
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
pub fn signal(buf: &mut Vec<u8>, pid: i32, stamp: Stamp, sig: i32, siginfo: Option<&[u8]>) {
    begin_event(buf, "signal", pid, stamp);
    buf.extend_from_slice(b",\"signal\":");
    signal_obj(buf, i64::from(sig));
    buf.extend_from_slice(b",\"siginfo\":");
    match siginfo {
        Some(raw) => crate::decode::siginfo(&mut Json::new(buf), raw),
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

/// An event with nothing but its kind: `attached`, `detached`, `superseded`.
pub fn plain(buf: &mut Vec<u8>, event: &str, pid: i32, stamp: Stamp) {
    begin_event(buf, event, pid, stamp);
    buf.push(b'}');
}

/// `superseded`: the thread `former`, which called execve, took over `pid`.
pub fn superseded(buf: &mut Vec<u8>, pid: i32, former: i32, stamp: Stamp) {
    begin_event(buf, "superseded", pid, stamp);
    let _ = write!(buf, ",\"by\":{former}}}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{self, Ctx, Outcome, Scratch};

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
            r#"{"raw":-100,"name":"AT_FDCWD"},{"str":"/etc/passwd"},{"raw":524288,"names":["O_RDONLY","O_CLOEXEC"],"unknown":0}],"ret":3"#
        );
        // stat(NULL, unreadable) fails; newfstatat with an unreadable struct succeeds.
        assert_eq!(
            event(4, [0, 0x9000, 0, 0, 0, 0], &mem, Outcome::Err(14)),
            r#"{"addr":"0x0"},{"addr":"0x9000"}],"ret":-1,"error":{"errno":14,"name":"EFAULT","desc":"Bad address"}"#
        );
        assert_eq!(
            event(262, [3, 0x1000, 0x9000, 0, 0, 0], &mem, Outcome::Ok(0)),
            r#"{"fd":3},{"str":"/etc/passwd"},{"addr":"0x9000","unreadable":true},{"raw":0,"names":[],"unknown":0}],"ret":0"#
        );
        // read into memory that cannot be read back: the address, marked.
        assert_eq!(
            event(0, [3, 0x9000, 4, 0, 0, 0], &mem, Outcome::Ok(4)),
            r#"{"fd":3},{"addr":"0x9000","unreadable":true},4],"ret":4"#
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
            r#"1,{"value":{"a":2},"updated":{"a":[3,{"more":true}],"...":true}},{"addr":"0x10","count":1,"unit":"var"}"#
        );
    }
}
