//! The text renderer: writes decoded values in strace's default format into the output buffer.

use crate::color::{Kind, Palette};
use crate::decode::{Group, Number, PidNote, Quote, Sink, Values};
pub use crate::escape::escape_with;
use crate::fdinfo::{Detail, FdInfo};
use crate::number::{push_decimal, push_hex, push_signed};
use crate::output::{ConstStyle, HexStrings, Output};
use crate::sockdiag::SocketInfo;
use crate::table::{self, EnumTable, FlagPart, FlagTable, SigName};
use std::io::Write;

use crate::decode::MAX_DEPTH;

/// Renders into an [`Output`]'s current line.
pub struct Text<'a> {
    out: &'a mut Output,
    /// Per open group: what it is (past MAX_DEPTH, groups print as arrays).
    groups: [Group; MAX_DEPTH],
    /// Per open group: whether a member was written (so the next needs a separator).
    nonempty: [bool; MAX_DEPTH],
    depth: usize,
    /// Set by `field`: the next value belongs to it and needs no separator.
    after_field: bool,
    /// Set by `updated`: a member named now is the one just shown, again (strace's
    /// `features=0 => features=0x3`), and follows ` => ` directly.
    after_updated: bool,
    /// Per open group: where its members start in the line (a symbolic group's members are
    /// dropped or moved into a comment when it closes).
    marks: [usize; MAX_DEPTH],
    /// How many symbolic groups are open: names inside one are part of its symbolic form,
    /// which `-X` treats as a whole.
    symbolic: usize,
    /// Per open [`Group::Forms`]: where its symbolic form starts, once it has.
    splits: [Option<usize>; MAX_DEPTH],
    /// How many open groups strace 7 writes as one uncoloured string (a signal set, a wait
    /// status, a comment, the detail after a return value): nothing inside them is coloured.
    plain: usize,
    /// In a coloured trace, where the last argument separator starts and ends in the line.
    last_sep: Option<(usize, usize)>,
    /// Per open group (a bit per depth): a [`Group::Set`] coloured after all, being no
    /// signal set.
    colored_sets: u16,
    /// Set by `signal` for the `element` of the signal it writes.
    signal_next: bool,
    /// Where the last argument name written starts and ends in the line, so that a name
    /// given again before its value replaces it ([`Sink::arg_name`]).
    arg_name_at: Option<(usize, usize)>,
}

impl<'a> Text<'a> {
    pub fn new(out: &'a mut Output) -> Self {
        Text {
            out,
            groups: [Group::Array; MAX_DEPTH],
            nonempty: [false; MAX_DEPTH],
            depth: 0,
            after_field: false,
            after_updated: false,
            marks: [0; MAX_DEPTH],
            symbolic: 0,
            splits: [None; MAX_DEPTH],
            plain: 0,
            last_sep: None,
            colored_sets: 0,
            signal_next: false,
            arg_name_at: None,
        }
    }

    /// Writes an argument's name before its value: `flags=` (`-N`, and clone's names, which
    /// strace always shows). The one place argument names are written, for styling them.
    fn write_arg_name(&mut self, name: &str) {
        let start = self.out.buf().len();
        self.out.name_eq(name);
        self.arg_name_at = Some((start, self.out.buf().len()));
    }

    /// Takes back the argument name just written when no value followed it yet.
    fn unwrite_arg_name(&mut self) {
        if let Some((start, end)) = self.arg_name_at.take()
            && self.out.buf().len() == end
        {
            self.out.buf().truncate(start);
        }
    }

    /// Ends a syscall's entry half: strace 7 resets the colour there, before the separator
    /// of the arguments the exit half shows (which it writes at exit).
    pub fn end_entry(&mut self) {
        let Some(palette) = self.out.palette() else {
            return;
        };
        let reset = palette.seq(Kind::Reset);
        let buf = self.out.buf();
        match self.last_sep {
            Some((start, end)) if end == buf.len() => {
                buf.splice(start..start, reset.iter().copied())
                    .for_each(drop);
            }
            _ => buf.extend_from_slice(reset),
        }
    }

    /// The palette, where what is written now is coloured.
    fn palette(&self) -> Option<&'static Palette> {
        self.out.palette().filter(|_| self.plain == 0)
    }

    /// Starts a stretch of `kind`, where colour is on.
    fn paint(&mut self, kind: Kind) {
        if self.plain == 0 {
            self.out.paint(kind);
        }
    }

    /// Punctuation, coloured as such where colour is on.
    fn punct(&mut self, text: &[u8]) {
        if self.plain == 0 {
            self.out.punct(text);
        } else {
            self.out.bytes(text);
        }
    }

    /// How constants show here (`-X`; names within a symbolic form always by name).
    fn style(&self) -> ConstStyle {
        if self.symbolic > 0 {
            ConstStyle::Abbrev
        } else {
            self.out.const_style()
        }
    }

    /// A value `raw` known by a name that `name` writes, as `-X` asks: the name, the
    /// number, or the number with the name in a comment.
    fn named(&mut self, raw: Number, name: impl FnOnce(&mut Vec<u8>)) {
        self.element();
        self.named_here(raw, name);
    }

    /// As [`Text::named`], for a name strace 7 writes in the value's colour rather than as a
    /// constant (a signal's).
    fn named_uncolored(&mut self, raw: Number, name: impl FnOnce(&mut Vec<u8>)) {
        self.element();
        self.plain += 1;
        self.named_here(raw, name);
        self.plain -= 1;
    }

    /// As [`Text::named`], with no separator before it.
    fn named_here(&mut self, raw: Number, name: impl FnOnce(&mut Vec<u8>)) {
        let style = self.style();
        let palette = self.palette();
        let buf = self.out.buf();
        if style != ConstStyle::Abbrev {
            write_number(buf, raw);
        }
        match style {
            ConstStyle::Abbrev => {
                paint(buf, palette, Kind::Const);
                name(buf);
                paint(buf, palette, Kind::ArgVal);
            }
            ConstStyle::Raw => {}
            ConstStyle::Verbose => {
                comment_start(buf, palette);
                name(buf);
                comment_end(buf, palette);
            }
        }
    }

    /// The innermost open group.
    fn group(&self) -> Option<Group> {
        let d = self.depth.checked_sub(1)?;
        Some(self.groups.get(d).copied().unwrap_or(Group::Array))
    }

    /// Writes the separator the next member of the innermost group needs.
    fn element(&mut self) {
        self.after_updated = false;
        let signal = std::mem::take(&mut self.signal_next);
        if self.after_field {
            self.after_field = false;
            return;
        }
        let Some(group) = self.group() else { return };
        // Past MAX_DEPTH nothing is tracked (and nothing indexed out of bounds).
        let Some(slot) = self.nonempty.get_mut(self.depth - 1) else {
            return;
        };
        let had_member = std::mem::replace(slot, true);
        if group == Group::Set && !had_member && !signal {
            self.color_set();
        }
        if group == Group::Forms && had_member && self.splits[self.depth - 1].is_none() {
            // The symbolic form starts: its names show as names, whatever `-X` says.
            self.splits[self.depth - 1] = Some(self.out.buf().len());
            self.symbolic += 1;
        }
        if group == Group::BitSet && had_member && self.splits[self.depth - 1].is_none() {
            // The words start.
            self.splits[self.depth - 1] = Some(self.out.buf().len());
        }
        if had_member {
            let sep: &'static [u8] = match group {
                Group::Set | Group::ComplementSet | Group::Comment | Group::NameComment => b" ",
                Group::Or => b"|",
                Group::RawOr if self.style() == ConstStyle::Raw => b"|",
                Group::SpacedOr => b" | ",
                Group::Alternatives => b" or ",
                Group::Sum => b"+",
                Group::Test => b" && ",
                Group::Index => b"]=",
                Group::Array
                | Group::Struct
                | Group::Call(_)
                | Group::Detail
                | Group::NameDetail
                | Group::StyledDetail
                | Group::AbbrevOnly => b", ",
                Group::Shift(_)
                | Group::NamedShift(..)
                | Group::RawOr
                | Group::ByteRange(..)
                | Group::Resuming
                | Group::Symbolic(_)
                | Group::StyledSymbolic(_)
                | Group::Parts(_)
                | Group::Forms
                | Group::BitSet => b"",
            };
            if !sep.is_empty() {
                self.punct(sep);
            }
        }
    }

    fn fmt(&mut self, args: std::fmt::Arguments<'_>) {
        // Writing to the in-memory line buffer cannot fail.
        let _ = self.out.buf().write_fmt(args);
    }
}

/// Whether strace 7 writes a group's members as one uncoloured string: a signal set
/// (`sprintsigmask`), a wait status, a comment, a return value's detail (its `auxstr`), a
/// file mode (`S_IFREG|0644`, `sprintmode`: the one symbolic form of an octal number), the
/// call a restart resumes.
fn is_plain(group: Group) -> bool {
    matches!(
        group,
        Group::Set
            | Group::ComplementSet
            | Group::Test
            | Group::Comment
            | Group::NameComment
            | Group::Detail
            | Group::NameDetail
            | Group::StyledDetail
            | Group::Symbolic(Number::Octal(_))
            | Group::Resuming
            | Group::ByteRange(..)
    )
}

/// `%#x` as C prints it: `0` for zero, `0x...` otherwise.
fn write_hex(out: &mut Vec<u8>, v: u64) {
    if v == 0 {
        out.push(b'0');
    } else {
        out.extend_from_slice(b"0x");
        push_hex(out, v);
    }
}

/// `%#03o` as C prints it: a leading zero and at least three digits (`000`, `0644`, `007`).
fn write_octal(out: &mut Vec<u8>, v: u64) {
    if v == 0 {
        out.extend_from_slice(b"000");
    } else if v < 0o10 {
        let _ = write!(out, "00{v:o}");
    } else {
        let _ = write!(out, "0{v:o}");
    }
}

/// One line of strace's hex dump (`-e read=`, `-e write=`) of up to 16 bytes at `offset`,
/// printed with `width` hex digits:
/// ` | 00010  65 66 67 68 69 6a 01 ff  61 62 63 64 65 66 67 68  efghij..abcdefgh |`.
pub fn write_dump_line(out: &mut Vec<u8>, width: usize, offset: u64, bytes: &[u8]) {
    let _ = write!(out, " | {offset:0width$x}  ");
    for i in 0..16 {
        match bytes.get(i) {
            Some(b) => {
                let _ = write!(out, "{b:02x} ");
            }
            None => out.extend_from_slice(b"   "),
        }
        if i == 7 {
            out.push(b' ');
        }
    }
    out.push(b' ');
    for i in 0..16 {
        out.push(match bytes.get(i) {
            Some(&b) if (0x20..=0x7e).contains(&b) => b,
            Some(_) => b'.',
            None => b' ',
        });
    }
    out.extend_from_slice(b" |");
}

/// What a descriptor stands for, between angle brackets, as strace's `printfd` shows it; the
/// outer brackets coloured with a palette, as strace 7's `tprint_associated_info_begin`.
fn write_fd_info(out: &mut Vec<u8>, info: &FdInfo, hex: HexStrings, palette: Option<&Palette>) {
    let bracket = |out: &mut Vec<u8>, b: u8| {
        paint(out, palette, Kind::Punct);
        out.push(b);
        paint(out, palette, Kind::ArgVal);
    };
    bracket(out, b'<');
    match &info.detail {
        Detail::Path | Detail::EventfdPath | Detail::Signalfd(_) => {
            escape_with(out, &info.path, hex, b"<>");
            bracket(out, b'>');
            if info.deleted {
                out.extend_from_slice(b"(deleted)");
            }
            return;
        }
        Detail::Device {
            block,
            major,
            minor,
        } => {
            escape_with(out, &info.path, hex, b"<>");
            let kind = if *block { "block" } else { "char" };
            let _ = write!(out, "<{kind} {major}:{minor}>");
        }
        Detail::Pidfd(pid) => {
            let _ = write!(out, "pid:{pid}");
        }
        Detail::Socket(sock) => write_socket(out, sock, hex),
        Detail::Eventfd(state) => {
            let count = state.count;
            if count == 0 {
                out.extend_from_slice(b"{eventfd-count=0");
            } else {
                let _ = write!(out, "{{eventfd-count={count:#x}");
            }
            if let Some(id) = state.id {
                let _ = write!(out, ", eventfd-id={id}");
            }
            if let Some(semaphore) = state.semaphore {
                let _ = write!(out, ", eventfd-semaphore={semaphore}");
            }
            out.push(b'}');
        }
    }
    bracket(out, b'>');
}

/// A socket's details: `TCP:[127.0.0.1:80->127.0.0.1:4567]`, `UNIX:[12->13,"path"]`,
/// `NETLINK:[ROUTE:1234]` (strace's `src/socketutils.c`).
fn write_socket(out: &mut Vec<u8>, sock: &SocketInfo, hex: HexStrings) {
    let addr = |out: &mut Vec<u8>, ip: &std::net::IpAddr, port: u16| {
        let _ = match ip {
            std::net::IpAddr::V4(a) => write!(out, "{a}:{port}"),
            std::net::IpAddr::V6(a) => write!(out, "[{a}]:{port}"),
        };
    };
    match sock {
        SocketInfo::Inet {
            proto,
            src,
            sport,
            dst,
        } => {
            let _ = write!(out, "{proto}:[");
            addr(out, src, *sport);
            if let Some((ip, port)) = dst {
                out.extend_from_slice(b"->");
                addr(out, ip, *port);
            }
            out.push(b']');
        }
        SocketInfo::Unix {
            proto,
            inode,
            peer,
            name,
        } => {
            let _ = write!(out, "{proto}:[{inode}");
            if *peer != 0 {
                let _ = write!(out, "->{peer}");
            }
            if let Some(name) = name {
                out.push(b',');
                // An abstract name starts with a NUL (unix(7)); either ends at the next NUL.
                let name = match name.split_first() {
                    Some((0, rest)) => {
                        out.push(b'@');
                        rest
                    }
                    _ => name,
                };
                let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
                out.push(b'"');
                escape_with(out, &name[..end], hex, b"");
                out.push(b'"');
            }
            out.push(b']');
        }
        SocketInfo::Netlink {
            proto,
            family,
            protocol,
            portid,
        } => {
            let _ = match family {
                Some(f) => write!(out, "{proto}:[{f}:{portid}]"),
                None => write!(out, "{proto}:[{protocol}]"),
            };
        }
        SocketInfo::Bare { proto, inode } => {
            let _ = write!(out, "{proto}:[{inode}]");
        }
    }
}

/// Writes a flag set the way strace's flag printer does (see `spec::FlagTable`); with a
/// palette, coloured as strace 7's `printflags`: each name a constant, `|` punctuation.
pub fn write_flags(out: &mut Vec<u8>, v: u64, table: &FlagTable, palette: Option<&Palette>) {
    let mut printed = false;
    for part in table.split(v) {
        if printed {
            paint(out, palette, Kind::Punct);
            out.push(b'|');
            paint(out, palette, Kind::ArgVal);
        }
        match part {
            FlagPart::Zero(name) | FlagPart::Field(name) | FlagPart::Bit(name) => {
                paint(out, palette, Kind::Const);
                out.extend_from_slice(name.as_bytes());
                paint(out, palette, Kind::ArgVal);
            }
            FlagPart::UnknownField(field) => write_unknown(out, field, table.unknown, palette),
            // Leftover bits after names are plain hex; alone they get the table's comment.
            FlagPart::Unknown(rest) if printed => write_hex(out, rest),
            FlagPart::Unknown(rest) => write_unknown(out, rest, table.unknown, palette),
            FlagPart::Shifted(name, count) => {
                let _ = write!(out, "{count}<<{name}");
            }
        }
        printed = true;
    }
    if !printed {
        out.push(b'0');
    }
}

/// `0x100 /* PROT_??? */`, or plain hex when the table names no unknown.
fn write_unknown(out: &mut Vec<u8>, v: u64, unknown: Option<&str>, palette: Option<&Palette>) {
    write_hex(out, v);
    if let Some(unknown) = unknown {
        comment_start(out, palette);
        out.extend_from_slice(unknown.as_bytes());
        comment_end(out, palette);
    }
}

/// Starts a stretch of `kind` when there is a palette.
fn paint(out: &mut Vec<u8>, palette: Option<&Palette>, kind: Kind) {
    if let Some(palette) = palette {
        out.extend_from_slice(palette.seq(kind));
    }
}

/// ` /* `, coloured as strace 7's `tprint_comment_begin`.
fn comment_start(out: &mut Vec<u8>, palette: Option<&Palette>) {
    paint(out, palette, Kind::Comment);
    out.extend_from_slice(b" /* ");
}

/// ` */`, coloured as strace 7's `tprint_comment_end`: the value's colour follows.
fn comment_end(out: &mut Vec<u8>, palette: Option<&Palette>) {
    paint(out, palette, Kind::Comment);
    out.extend_from_slice(b" */");
    paint(out, palette, Kind::ArgVal);
}

impl Text<'_> {
    /// `<what>`: a path or name beside the number it belongs to, `<` and `>` in it escaped
    /// as strace escapes them.
    fn bracketed(&mut self, what: &[u8]) {
        let hex = self.out.hex_strings();
        self.punct(b"<");
        escape_with(self.out.buf(), what, hex, b"<>");
        self.punct(b">");
    }

    /// Writes a group's opening, coloured as strace 7 colours it, and notes a group whose
    /// members strace 7 writes uncoloured.
    fn write_opening(&mut self, group: Group, opening: &[u8]) {
        match group {
            Group::Comment | Group::NameComment => {
                let palette = self.palette();
                comment_start(self.out.buf(), palette);
            }
            // strace 7's `tprints_sysret_string`: a reset, the space, the return value's colour.
            Group::Detail | Group::NameDetail | Group::StyledDetail => {
                self.paint(Kind::Reset);
                self.out.bytes(b" ");
                self.paint(Kind::RetVal);
                self.out.bytes(b"(");
            }
            Group::Array | Group::Index | Group::Struct | Group::Call(_) => self.punct(opening),
            _ => self.out.bytes(opening),
        }
        if is_plain(group) && self.depth < MAX_DEPTH {
            self.plain += 1;
        }
    }

    /// A set whose first member is no signal is strace 7's bit set (`tprint_bitset_begin`:
    /// descriptors, CPUs, evdev bits), coloured as such, unlike a signal set
    /// (`sprintsigmask`): its bracket, written plain, becomes punctuation.
    fn color_set(&mut self) {
        let d = self.depth - 1;
        if self.plain != 1 || d >= MAX_DEPTH || self.out.palette().is_none() {
            return;
        }
        let mark = self.marks[d];
        let buf = self.out.buf();
        if mark != buf.len() || buf.last() != Some(&b'[') {
            return;
        }
        buf.truncate(mark - 1);
        self.plain = 0;
        self.punct(b"[");
        self.marks[d] = self.out.buf().len();
        self.colored_sets |= 1 << d;
    }

    /// An error's name and description as strace 7 colours them: each after a reset and a
    /// space, in the error's colour.
    fn error_colored(&mut self, errno: u64) {
        let mut part = |text: std::fmt::Arguments<'_>| {
            self.paint(Kind::Reset);
            self.out.bytes(b" ");
            self.paint(Kind::Error);
            self.fmt(text);
        };
        match table::errno(errno) {
            Some(e) => {
                part(format_args!("{}", e.name));
                part(format_args!("({})", e.desc));
            }
            None => part(format_args!("(errno {errno})")),
        }
    }

    /// Shows the two forms of a [`Group::Forms`] just closed (at `self.depth`) as `-X`
    /// asks: the symbolic one, the raw one, or the raw one and the symbolic one in a comment.
    fn forms_close(&mut self) {
        let d = self.depth;
        // Past MAX_DEPTH nothing was tracked: both forms stay.
        let Some(&mark) = self.marks.get(d) else {
            return;
        };
        let split = self.splits[d];
        if split.is_some() {
            self.symbolic = self.symbolic.saturating_sub(1);
        }
        let style = self.style();
        let buf = self.out.buf();
        let end = buf.len();
        let split = split.unwrap_or(end).clamp(mark.min(end), end);
        match style {
            ConstStyle::Abbrev => {
                buf.drain(mark.min(split)..split);
            }
            ConstStyle::Raw => buf.truncate(split),
            ConstStyle::Verbose if split < end => {
                buf.splice(split..split, *b" /* ").for_each(drop);
                buf.extend_from_slice(b" */");
            }
            ConstStyle::Verbose => {}
        }
    }

    /// Shows the two forms of a [`Group::BitSet`] just closed (at `self.depth`) as `-X`
    /// asks: the set, the words, or the set and the words in a comment.
    fn bit_set_close(&mut self) {
        let d = self.depth;
        // Past MAX_DEPTH nothing was tracked: both forms stay.
        let Some(&mark) = self.marks.get(d) else {
            return;
        };
        let style = self.style();
        let buf = self.out.buf();
        let end = buf.len();
        let split = self.splits[d].unwrap_or(end).clamp(mark.min(end), end);
        match style {
            ConstStyle::Abbrev => buf.truncate(split),
            ConstStyle::Raw => {
                buf.drain(mark.min(split)..split);
            }
            ConstStyle::Verbose if split < end => {
                buf.splice(split..split, *b" /* ").for_each(drop);
                buf.extend_from_slice(b" */");
            }
            ConstStyle::Verbose => {}
        }
    }

    /// Shows a symbolic form written from `mark` on as `-X` asks: as it is, replaced by
    /// the number `raw`, or after the number in a comment.
    fn symbolic_close(&mut self, raw: Number, mark: usize) {
        let style = self.style();
        let buf = self.out.buf();
        let mark = mark.min(buf.len());
        match style {
            ConstStyle::Abbrev => {}
            ConstStyle::Raw => {
                buf.truncate(mark);
                write_number(buf, raw);
            }
            ConstStyle::Verbose => {
                let mut number = Vec::with_capacity(24);
                write_number(&mut number, raw);
                number.extend_from_slice(b" /* ");
                buf.splice(mark..mark, number).for_each(drop);
                buf.extend_from_slice(b" */");
            }
        }
    }
}

/// A number in the base it asks for.
fn write_number(out: &mut Vec<u8>, n: Number) {
    let _ = match n {
        Number::Int(v) => {
            push_signed(out, v);
            Ok(())
        }
        Number::Uint(v) => {
            push_decimal(out, v);
            Ok(())
        }
        Number::Hex(v) => {
            write_hex(out, v);
            Ok(())
        }
        Number::Octal(v) => {
            write_octal(out, v);
            Ok(())
        }
        // C's `%#0*x` writes no `0x` for zero.
        Number::Padded { v: 0, width } => write!(out, "{:0>width$}", 0),
        Number::Padded { v, width } => write!(out, "{v:#0width$x}"),
        Number::Kib(v) => write!(out, "{v}*1024"),
        Number::Centi(v) => write!(out, "{}.{:02}", v / 100, (v % 100).abs()),
    };
}

impl Sink for Text<'_> {
    fn arg_sep(&mut self) {
        let start = self.out.buf().len();
        self.punct(b", ");
        if self.out.colored() {
            self.last_sep = Some((start, self.out.buf().len()));
        }
    }

    fn end_args(&mut self) {
        // strace 7 resets the colour after the closing parenthesis.
        self.paint(Kind::Punct);
        self.out.bytes(b")");
        self.paint(Kind::Reset);
    }

    fn implicit_arg_name(&mut self, _name: &'static str) {
        self.unwrite_arg_name();
    }

    fn arg_name(&mut self, name: &'static str) {
        self.unwrite_arg_name();
        if self.out.arg_names() {
            self.write_arg_name(name);
        }
    }

    fn ret(&mut self, _raw: i64) {
        self.out.align_return();
        self.paint(Kind::RetVal);
    }

    fn error(&mut self, errno: u64, shown: Option<u64>) {
        self.out.align_return();
        self.paint(Kind::RetVal);
        // The kernel's restart codes (<linux/errno.h>) never reach the program: strace shows
        // them as `?` rather than -1.
        match shown {
            Some(v) => push_decimal(self.out.buf(), v),
            None if (512..=516).contains(&errno) => self.out.bytes(b"?"),
            None => self.out.bytes(b"-1"),
        }
        if self.out.colored() {
            return self.error_colored(errno);
        }
        let buf = self.out.buf();
        match table::errno(errno) {
            Some(e) => {
                buf.push(b' ');
                buf.extend_from_slice(e.name.as_bytes());
                buf.extend_from_slice(b" (");
                buf.extend_from_slice(e.desc.as_bytes());
                buf.push(b')');
            }
            None => {
                buf.extend_from_slice(b" (errno ");
                push_decimal(buf, errno);
                buf.push(b')');
            }
        }
    }

    fn number(&mut self, n: Number) {
        self.element();
        write_number(self.out.buf(), n);
    }

    fn addr(&mut self, v: u64) {
        self.element();
        if v == 0 {
            self.out.bytes(b"NULL");
        } else {
            write_hex(self.out.buf(), v);
        }
    }

    fn unreadable(&mut self, v: u64) {
        self.element();
        write_hex(self.out.buf(), v);
    }

    fn fd(&mut self, fd: i64, info: Option<&FdInfo>) {
        self.element();
        push_signed(self.out.buf(), fd);
        match info {
            Some(FdInfo {
                detail: Detail::Signalfd(mask),
                ..
            }) => {
                // The mask as every signal set is written: a fresh renderer, as at a line's start.
                self.punct(b"<");
                self.out.bytes(b"signalfd:");
                Text::new(self.out).sigset(*mask);
                self.punct(b">");
            }
            Some(info) => {
                let hex = self.out.hex_strings();
                let palette = self.palette();
                write_fd_info(self.out.buf(), info, hex, palette);
            }
            None => {}
        }
    }

    fn pid(&mut self, pid: i64, note: &PidNote) {
        self.element();
        push_signed(self.out.buf(), pid);
        if let Some(comm) = &note.comm {
            self.bracketed(comm.as_bytes());
        }
        if let Some(theirs) = note.tracer_pid {
            let palette = self.palette();
            comment_start(self.out.buf(), palette);
            self.fmt(format_args!("{theirs} in strace's PID NS"));
            comment_end(self.out.buf(), palette);
        }
    }

    fn at_fdcwd(&mut self, cwd: Option<&[u8]>) {
        // AT_FDCWD (<linux/fcntl.h>).
        self.named(Number::Int(-100), |b| b.extend_from_slice(b"AT_FDCWD"));
        if let Some(cwd) = cwd {
            self.bracketed(cwd);
        }
    }

    fn constant(&mut self, name: &'static str, raw: Number) {
        self.named(raw, |b| b.extend_from_slice(name.as_bytes()));
    }

    fn word(&mut self, word: &str) {
        self.element();
        // strace's mark of a value it could not get (`tprint_unavailable`), in the error's
        // colour in strace 7.
        if word == "???" && self.palette().is_some() {
            self.paint(Kind::Error);
            self.out.bytes(b"???");
            return self.paint(Kind::ArgVal);
        }
        self.out.bytes(word.as_bytes());
    }

    fn flags(&mut self, v: u64, table: &'static FlagTable) {
        // Without a name for any part, strace shows the number (and the table's comment)
        // whatever `-X` says.
        let palette = self.palette();
        if !table.names_any(v) && self.style() != ConstStyle::Raw {
            self.element();
            return write_flags(self.out.buf(), v, table, palette);
        }
        if v == 0
            && table.zero.is_some()
            && table.unknown.is_none()
            && self.style() == ConstStyle::Raw
        {
            // strace's printflags, given no default, shows a zero by its name only.
            return self.element();
        }
        // strace 7 colours each name of a flag set (`printflags`), but an open mode as one
        // constant (its `sprint_open_modes` string).
        if palette.is_some()
            && self.style() == ConstStyle::Abbrev
            && !std::ptr::eq(table, &table::FLAGS_OPEN_FLAGS)
        {
            self.element();
            return write_flags(self.out.buf(), v, table, palette);
        }
        self.named(Number::Hex(v), |b| write_flags(b, v, table, None));
    }

    fn enumeration(&mut self, v: u64, table: &'static EnumTable) {
        match table.name(v) {
            Some(name) => self.named(Number::Hex(v), |b| b.extend_from_slice(name.as_bytes())),
            None if self.style() == ConstStyle::Raw => self.number(Number::Hex(v)),
            // Within a symbolic form `-X verbose` puts in a comment, strace leaves out
            // the unknown value's own comment: `0x80084526 /* EVIOCGBIT(0x6, 8) */`.
            None if self.symbolic > 0 && self.out.const_style() == ConstStyle::Verbose => {
                self.number(Number::Hex(v))
            }
            None => {
                self.element();
                let palette = self.palette();
                write_unknown(self.out.buf(), v, Some(table.unknown), palette);
            }
        }
    }

    fn signal(&mut self, sig: i64) {
        self.signal_next = true;
        // A set names its signals without the prefix: `[INT TERM]`.
        let in_set = matches!(self.group(), Some(Group::Set | Group::ComplementSet));
        if !SigName(sig).is_named() {
            return self.number(Number::Int(sig));
        }
        // strace 7 writes a signal's name uncoloured (`printsignal`).
        self.named_uncolored(Number::Int(sig), |b| {
            let at = b.len();
            let _ = write!(b, "{}", SigName(sig));
            if in_set && b[at..].starts_with(b"SIG") {
                b.drain(at..at + 3);
            }
        });
    }

    fn quoted(&mut self, bytes: &[u8], truncated: bool, quote: Quote) {
        self.element();
        let hex = match quote {
            Quote::Plain | Quote::Abstract | Quote::TrailingNul => self.out.hex_strings(),
            Quote::Hex => HexStrings::All,
        };
        let (bytes, truncated) = match (quote, bytes.split_last()) {
            (Quote::TrailingNul, Some((_, rest))) if !crate::escape::all_hex(bytes, hex) => {
                (rest, truncated)
            }
            (Quote::TrailingNul, _) => (bytes, true),
            _ => (bytes, truncated),
        };
        let buf = self.out.buf();
        if quote == Quote::Abstract {
            buf.push(b'@');
        }
        buf.push(b'"');
        escape_with(buf, bytes, hex, b"");
        buf.push(b'"');
        if truncated {
            self.punct(b"...");
        }
    }

    fn date(&mut self, sec: i64, frac: u64, digits: u32) {
        self.element();
        crate::datetime::write_datetime_frac(self.out.buf(), sec, frac, digits);
    }

    fn open(&mut self, group: Group) {
        // Where a group that can vanish starts, its separator included.
        let mut start = self.out.buf().len();
        let opening: &[u8] = match group {
            // Both follow the value they are about.
            Group::Comment | Group::NameComment => b" /* ",
            Group::Detail | Group::NameDetail | Group::StyledDetail => b" (",
            Group::Array | Group::Set | Group::Index => b"[",
            Group::ComplementSet => b"~[",
            Group::Struct | Group::Test => b"{",
            Group::Call(f) => {
                self.element();
                self.paint(Kind::Call);
                self.out.bytes(f.as_bytes());
                b"("
            }
            // The range comes before the bytes it is about.
            Group::ByteRange(from, to) => {
                self.element();
                self.fmt(format_args!("/* bytes {from}..{to} */ "));
                b""
            }
            Group::Or
            | Group::RawOr
            | Group::SpacedOr
            | Group::Alternatives
            | Group::Sum
            | Group::Shift(_)
            | Group::NamedShift(..)
            | Group::Symbolic(_)
            | Group::StyledSymbolic(_)
            | Group::Parts(_)
            | Group::Forms
            | Group::BitSet
            | Group::AbbrevOnly => b"",
            Group::Resuming => b"<... resuming interrupted ",
        };
        if !matches!(
            group,
            Group::Comment
                | Group::NameComment
                | Group::Detail
                | Group::NameDetail
                | Group::StyledDetail
                | Group::Call(_)
                | Group::ByteRange(..)
        ) {
            self.element();
        }
        if group != Group::AbbrevOnly {
            start = self.out.buf().len();
        }
        self.write_opening(group, opening);
        if let Some(d) = self.groups.get_mut(self.depth) {
            *d = group;
            self.nonempty[self.depth] = false;
            self.splits[self.depth] = None;
            // A name comment or an `-X`-only group may be taken out whole; other groups
            // mark where their members start.
            self.marks[self.depth] = match group {
                Group::NameComment
                | Group::NameDetail
                | Group::StyledDetail
                | Group::AbbrevOnly => start,
                _ => self.out.buf().len(),
            };
        }
        self.depth += 1;
        if matches!(
            group,
            Group::Symbolic(_) | Group::NameComment | Group::NameDetail
        ) {
            self.symbolic += 1;
        }
    }

    fn close(&mut self) {
        let group = self.group().unwrap_or(Group::Array);
        let bit = 1u16
            .checked_shl(self.depth.saturating_sub(1) as u32)
            .unwrap_or(0);
        let colored_set = group == Group::Set && self.colored_sets & bit != 0;
        self.colored_sets &= !bit;
        if is_plain(group) && !colored_set && self.depth <= MAX_DEPTH {
            self.plain = self.plain.saturating_sub(1);
        }
        self.depth = self.depth.saturating_sub(1);
        match group {
            Group::Array => self.punct(b"]"),
            Group::Struct => self.punct(b"}"),
            Group::Set if colored_set => self.punct(b"]"),
            Group::Set | Group::ComplementSet => self.out.bytes(b"]"),
            Group::Test => self.out.bytes(b"}"),
            Group::Call(_) => {
                self.paint(Kind::Punct);
                self.out.bytes(b")");
                self.paint(Kind::Reset);
            }
            Group::Detail => self.out.bytes(b")"),
            Group::Or
            | Group::RawOr
            | Group::SpacedOr
            | Group::Alternatives
            | Group::Sum
            | Group::Index => {}
            Group::Shift(n) => self.fmt(format_args!("<<{n}")),
            Group::NamedShift(name, n) => {
                self.out.bytes(b"<<");
                self.named_here(Number::Uint(u64::from(n)), |b| {
                    b.extend_from_slice(name.as_bytes())
                });
            }
            Group::ByteRange(..) => {}
            Group::Comment => {
                let palette = self.palette();
                comment_end(self.out.buf(), palette);
            }
            Group::Resuming => self.out.bytes(b" ...>"),
            Group::Symbolic(raw) => {
                self.symbolic = self.symbolic.saturating_sub(1);
                let mark = self.marks.get(self.depth).copied().unwrap_or(0);
                self.symbolic_close(raw, mark);
            }
            Group::StyledSymbolic(raw) => {
                let mark = self.marks.get(self.depth).copied().unwrap_or(0);
                self.symbolic_close(raw, mark);
            }
            Group::Parts(raw) => {
                let mark = self.marks.get(self.depth).copied().unwrap_or(0);
                if self.out.const_style() == ConstStyle::Raw {
                    let buf = self.out.buf();
                    buf.truncate(mark.min(buf.len()));
                    write_number(buf, raw);
                }
            }
            Group::Forms => self.forms_close(),
            Group::BitSet => self.bit_set_close(),
            Group::NameDetail | Group::StyledDetail => {
                if group == Group::NameDetail {
                    self.symbolic = self.symbolic.saturating_sub(1);
                }
                match self.marks.get(self.depth) {
                    Some(&mark) if self.out.const_style() == ConstStyle::Raw => {
                        self.out.buf().truncate(mark)
                    }
                    _ => self.out.bytes(b")"),
                }
            }
            Group::NameComment => {
                self.symbolic = self.symbolic.saturating_sub(1);
                match self.marks.get(self.depth) {
                    Some(&mark) if self.style() == ConstStyle::Raw => self.out.buf().truncate(mark),
                    _ => {
                        let palette = self.palette();
                        comment_end(self.out.buf(), palette);
                    }
                }
            }
            Group::AbbrevOnly => {
                if let Some(&mark) = self.marks.get(self.depth)
                    && self.out.const_style() != ConstStyle::Abbrev
                {
                    self.out.buf().truncate(mark);
                }
            }
        }
    }

    fn field(&mut self, name: &'static str) {
        if self.depth == 0 {
            // An argument strace always names (clone's): its name replaces `-N`'s.
            self.unwrite_arg_name();
            self.after_field = false;
            self.write_arg_name(name);
            self.after_field = true;
            return;
        }
        let again = std::mem::take(&mut self.after_updated);
        self.after_field = false;
        if !again {
            self.element();
        }
        let joint: &[u8] = match self.group() {
            Some(Group::Test) => b" == ",
            Some(Group::Detail) => b" ",
            _ if self.plain == 0 => {
                self.out.name_eq(name);
                b""
            }
            _ => b"=",
        };
        if !joint.is_empty() {
            self.out.bytes(name.as_bytes());
            self.out.bytes(joint);
        }
        self.after_field = true;
    }

    fn implicit_field(&mut self, _name: &'static str) {
        self.after_field = false;
        self.element();
        self.after_field = true;
    }

    fn more(&mut self) {
        self.element();
        self.punct(b"...");
    }

    fn updated(&mut self) {
        self.punct(b" => ");
        // What the call left follows directly.
        self.after_field = true;
        self.after_updated = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(bytes: &[u8]) -> String {
        let mut out = Vec::new();
        escape_with(&mut out, bytes, HexStrings::Never, b"");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_like_strace() {
        assert_eq!(
            escaped(b"\x001\0a\x018\x019\x01\x02x\x7f\x807"),
            r#"\0001\0a\18\19\1\2x\177\2007"#
        );
        assert_eq!(
            escaped(b"\x1b[0m\t\n\r\x0b\x0c\x07\x08\\\"'?\0"),
            r#"\33[0m\t\n\r\v\f\7\10\\\"'?\0"#
        );
    }

    #[test]
    fn dump_lines_like_strace() {
        let mut out = Vec::new();
        write_dump_line(&mut out, 5, 0x10, b"efghij\x01\xffabcdefgh");
        write_dump_line(&mut out, 5, 0, b"vm\n");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            " | 00010  65 66 67 68 69 6a 01 ff  61 62 63 64 65 66 67 68  efghij..abcdefgh |\
             \x20| 00000  76 6d 0a                                          vm.              |"
        );
    }

    #[test]
    fn hex_modes_like_strace() {
        let hexed = |bytes: &[u8], mode| {
            let mut out = Vec::new();
            escape_with(&mut out, bytes, mode, b"");
            String::from_utf8(out).unwrap()
        };
        // -x: only strings with an odd byte go wholly to hex; whitespace escapes do not count.
        assert_eq!(hexed(b"hello\n", HexStrings::NonAscii), r"hello\n");
        assert_eq!(hexed(b"tab\there", HexStrings::NonAscii), r"tab\there");
        assert_eq!(
            hexed(b"caf\xc3\xa9", HexStrings::NonAscii),
            r"\x63\x61\x66\xc3\xa9"
        );
        assert_eq!(
            hexed(b"hi\x01\xff\n", HexStrings::NonAsciiChars),
            r"hi\x01\xff\n"
        );
        assert_eq!(hexed(b"x\n", HexStrings::All), r"\x78\x0a");
    }

    #[test]
    fn octal_like_printf_hash_03o() {
        for (v, s) in [
            (0, "000"),
            (7, "007"),
            (0o644, "0644"),
            (0o177777, "0177777"),
        ] {
            let mut out = Vec::new();
            write_octal(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), s);
        }
    }

    #[test]
    fn numbers_as_printf_prints_them() {
        let mut edges: Vec<u64> = vec![0, 1, 9, 10, 15, 16, 99, 100, 255, 256, 4095, 4096];
        edges.extend([
            u32::MAX as u64,
            u32::MAX as u64 + 1,
            i64::MAX as u64,
            u64::MAX,
        ]);
        edges.extend((0..64).map(|b| 1u64 << b));
        edges.extend((0..64).map(|b| (1u64 << b) - 1));
        for v in edges {
            let mut out = Vec::new();
            write_number(&mut out, Number::Uint(v));
            assert_eq!(String::from_utf8(out).unwrap(), format!("{v}"));
            let mut out = Vec::new();
            write_number(&mut out, Number::Int(v as i64));
            assert_eq!(String::from_utf8(out).unwrap(), format!("{}", v as i64));
            let mut out = Vec::new();
            write_number(&mut out, Number::Hex(v));
            let hex = if v == 0 {
                "0".to_string()
            } else {
                format!("{v:#x}")
            };
            assert_eq!(String::from_utf8(out).unwrap(), hex);
        }
        let mut out = Vec::new();
        write_number(&mut out, Number::Int(i64::MIN));
        assert_eq!(String::from_utf8(out).unwrap(), "-9223372036854775808");
    }
}
