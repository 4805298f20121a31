//! The text renderer: writes decoded values in strace's default format into the output buffer.

use crate::decode::Sink;
use crate::decode::process::WaitStatus;
use crate::fdinfo::{Detail, FdInfo};
use crate::output::{HexStrings, Output};
use crate::sockdiag::SocketInfo;
use crate::table::{self, EnumTable, FlagPart, FlagTable, SigName};
use std::io::Write;

use crate::decode::MAX_DEPTH;

/// Renders into an [`Output`]'s current line.
pub struct Text<'a> {
    out: &'a mut Output,
    /// Per open array or struct: whether an element was written (so the next needs `, `).
    nonempty: [bool; MAX_DEPTH],
    depth: usize,
    /// Set by `field`: the next value belongs to it and needs no separator.
    after_field: bool,
    /// The depth of an open descriptor set, whose members are separated by a space.
    fd_set_depth: Option<usize>,
}

impl<'a> Text<'a> {
    pub fn new(out: &'a mut Output) -> Self {
        Text {
            out,
            nonempty: [false; MAX_DEPTH],
            depth: 0,
            after_field: false,
            fd_set_depth: None,
        }
    }

    /// Writes the separator an element of the innermost array needs.
    fn element(&mut self) {
        if self.after_field {
            self.after_field = false;
            return;
        }
        // Past MAX_DEPTH nothing is tracked (and nothing indexed out of bounds).
        if let Some(slot) = self
            .depth
            .checked_sub(1)
            .and_then(|d| self.nonempty.get_mut(d))
        {
            if *slot {
                let sep: &[u8] = if self.fd_set_depth == Some(self.depth) {
                    b" "
                } else {
                    b", "
                };
                self.out.bytes(sep);
            }
            *slot = true;
        }
    }

    fn open(&mut self, bracket: u8) {
        self.element();
        self.out.bytes(&[bracket]);
        if self.depth < MAX_DEPTH {
            self.nonempty[self.depth] = false;
        }
        self.depth += 1;
    }

    fn close(&mut self, bracket: u8) {
        self.depth = self.depth.saturating_sub(1);
        self.out.bytes(&[bracket]);
    }

    fn fmt(&mut self, args: std::fmt::Arguments<'_>) {
        // Writing to the in-memory line buffer cannot fail.
        let _ = self.out.buf().write_fmt(args);
    }
}

/// `%#x` as C prints it: `0` for zero, `0x...` otherwise.
fn write_hex(out: &mut Vec<u8>, v: u64) {
    if v == 0 {
        out.push(b'0');
    } else {
        let _ = write!(out, "{v:#x}");
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

/// Whether a byte needs an escape other than its name: not printable ASCII and not one of the
/// whitespace characters `\t \n \v \f \r`.
fn is_odd(c: u8) -> bool {
    !(0x20..=0x7e).contains(&c) && !(b'\t'..=b'\r').contains(&c)
}

/// Escapes `bytes` into a C string literal body as strace does: `\t \n \v \f \r \" \\` by
/// name, other unprintable bytes in octal, three digits only when a digit 0-7 follows (so the
/// escape cannot swallow it); or in hex under `-x`, `-xx`, `--strings-in-hex`. The printable
/// bytes of `also` are escaped too (strace escapes `<` and `>` in a descriptor's path, which
/// it shows between them).
pub fn escape_with(out: &mut Vec<u8>, bytes: &[u8], hex: HexStrings, also: &[u8]) {
    let all_hex = match hex {
        HexStrings::All => true,
        HexStrings::NonAscii => bytes.iter().any(|&c| is_odd(c)),
        HexStrings::Never | HexStrings::NonAsciiChars => false,
    };
    if all_hex {
        for b in bytes {
            let _ = write!(out, "\\x{b:02x}");
        }
        return;
    }
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0b => out.extend_from_slice(b"\\v"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e if !also.contains(&c) => out.push(c),
            _ if hex == HexStrings::NonAsciiChars => {
                let _ = write!(out, "\\x{c:02x}");
            }
            _ => {
                out.push(b'\\');
                let next_is_octal_digit = matches!(bytes.get(i + 1), Some(b'0'..=b'7'));
                if next_is_octal_digit || c >= 0o100 {
                    out.push(b'0' + (c >> 6));
                }
                if next_is_octal_digit || c >= 0o10 {
                    out.push(b'0' + ((c >> 3) & 7));
                }
                out.push(b'0' + (c & 7));
            }
        }
    }
}

/// One line of strace's hex dump (`-e read=`, `-e write=`) of up to 16 bytes at `offset`:
/// ` | 00010  65 66 67 68 69 6a 01 ff  61 62 63 64 65 66 67 68  efghij..abcdefgh |`.
pub fn write_dump_line(out: &mut Vec<u8>, offset: usize, bytes: &[u8]) {
    let _ = write!(out, " | {offset:05x}  ");
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

/// What a descriptor stands for, between angle brackets, as strace's `printfd` shows it.
fn write_fd_info(out: &mut Vec<u8>, info: &FdInfo, hex: HexStrings) {
    out.push(b'<');
    match &info.detail {
        Detail::Path => {
            escape_with(out, &info.path, hex, b"<>");
            out.push(b'>');
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
    }
    out.push(b'>');
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

/// Writes a flag set the way strace's flag printer does (see `spec::FlagTable`).
pub fn write_flags(out: &mut Vec<u8>, v: u64, table: &FlagTable) {
    let mut printed = false;
    for part in table.split(v) {
        if printed {
            out.push(b'|');
        }
        match part {
            FlagPart::Zero(name) | FlagPart::Field(name) | FlagPart::Bit(name) => {
                out.extend_from_slice(name.as_bytes())
            }
            FlagPart::UnknownField(field) => write_unknown(out, field, table.unknown),
            // Leftover bits after names are plain hex; alone they get the table's comment.
            FlagPart::Unknown(rest) if printed => write_hex(out, rest),
            FlagPart::Unknown(rest) => write_unknown(out, rest, table.unknown),
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
fn write_unknown(out: &mut Vec<u8>, v: u64, unknown: Option<&str>) {
    write_hex(out, v);
    if let Some(unknown) = unknown {
        let _ = write!(out, " /* {unknown} */");
    }
}

impl Sink for Text<'_> {
    fn arg_sep(&mut self) {
        self.out.bytes(b", ");
    }

    fn end_args(&mut self) {
        self.out.bytes(b")");
    }

    fn int(&mut self, v: i64) {
        self.element();
        self.fmt(format_args!("{v}"));
    }

    fn uint(&mut self, v: u64) {
        self.element();
        self.fmt(format_args!("{v}"));
    }

    fn hex(&mut self, v: u64) {
        self.element();
        write_hex(self.out.buf(), v);
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

    fn octal(&mut self, v: u64) {
        self.element();
        write_octal(self.out.buf(), v);
    }

    fn fd(&mut self, fd: i32, info: Option<&FdInfo>) {
        self.element();
        self.fmt(format_args!("{fd}"));
        if let Some(info) = info {
            let hex = self.out.hex_strings();
            write_fd_info(self.out.buf(), info, hex);
        }
    }

    fn at_fdcwd(&mut self, cwd: Option<&[u8]>) {
        self.element();
        self.out.bytes(b"AT_FDCWD");
        if let Some(cwd) = cwd {
            let hex = self.out.hex_strings();
            let buf = self.out.buf();
            buf.push(b'<');
            escape_with(buf, cwd, hex, b"<>");
            buf.push(b'>');
        }
    }

    fn constant(&mut self, name: &'static str, _raw: i64) {
        self.element();
        self.out.bytes(name.as_bytes());
    }

    fn flags(&mut self, v: u64, table: &'static FlagTable) {
        self.element();
        write_flags(self.out.buf(), v, table);
    }

    fn enumeration(&mut self, v: u64, table: &'static EnumTable) {
        self.element();
        match table.name(v) {
            Some(name) => self.out.bytes(name.as_bytes()),
            None => write_unknown(self.out.buf(), v, Some(table.unknown)),
        }
    }

    fn signal(&mut self, sig: i64) {
        self.element();
        self.fmt(format_args!("{}", SigName(sig)));
    }

    fn string(&mut self, bytes: &[u8], truncated: bool) {
        self.element();
        let hex = self.out.hex_strings();
        let buf = self.out.buf();
        buf.push(b'"');
        escape_with(buf, bytes, hex, b"");
        buf.push(b'"');
        if truncated {
            buf.extend_from_slice(b"...");
        }
    }

    fn hex_string(&mut self, bytes: &[u8], truncated: bool) {
        self.element();
        let buf = self.out.buf();
        buf.push(b'"');
        for b in bytes {
            let _ = write!(buf, "\\x{b:02x}");
        }
        buf.push(b'"');
        if truncated {
            buf.extend_from_slice(b"...");
        }
    }

    fn rlim(&mut self, v: u64) {
        self.element();
        // RLIM64_INFINITY (<linux/resource.h>); round sizes as strace shows them.
        if v == u64::MAX {
            self.out.bytes(b"RLIM64_INFINITY");
        } else if v > 0 && v.is_multiple_of(1024) {
            self.fmt(format_args!("{}*1024", v / 1024));
        } else {
            self.fmt(format_args!("{v}"));
        }
    }

    fn sigset(&mut self, mask: u64) {
        self.element();
        // strace shows the complement when that is shorter: `~[RTMIN RT_1]`.
        let (mask, inverted) = if mask.count_ones() > 32 {
            (!mask, true)
        } else {
            (mask, false)
        };
        let buf = self.out.buf();
        if inverted {
            buf.push(b'~');
        }
        buf.push(b'[');
        let mut first = true;
        for bit in 0..64 {
            if mask & (1 << bit) != 0 {
                if !first {
                    buf.push(b' ');
                }
                first = false;
                let name = SigName(bit + 1).to_string();
                buf.extend_from_slice(name.strip_prefix("SIG").unwrap_or(&name).as_bytes());
            }
        }
        buf.push(b']');
    }

    fn begin_array(&mut self) {
        self.open(b'[');
    }

    fn end_array(&mut self) {
        self.close(b']');
    }

    fn begin_struct(&mut self) {
        self.open(b'{');
    }

    fn field(&mut self, name: &'static str) {
        self.after_field = false;
        self.element();
        self.out.bytes(name.as_bytes());
        self.out.bytes(b"=");
        self.after_field = true;
    }

    fn end_struct(&mut self, abbreviated: bool) {
        if abbreviated {
            self.out.bytes(b", ...");
        }
        self.close(b'}');
    }

    fn more(&mut self) {
        self.element();
        self.out.bytes(b"...");
    }

    fn count(&mut self, n: u64, one: &'static str, many: &'static str) {
        let what = if n == 1 { one } else { many };
        self.fmt(format_args!(" /* {n} {what} */"));
    }

    fn ioctl_code(&mut self, dir: u32, kind: u32, nr: u32, size: u32) {
        self.element();
        // _IOC_WRITE and _IOC_READ (<asm-generic/ioctl.h>).
        let dir = match dir {
            0 => "_IOC_NONE",
            1 => "_IOC_WRITE",
            2 => "_IOC_READ",
            _ => "_IOC_READ|_IOC_WRITE",
        };
        let buf = self.out.buf();
        let _ = write!(buf, "_IOC({dir}, ");
        write_hex(buf, u64::from(kind));
        buf.extend_from_slice(b", ");
        write_hex(buf, u64::from(nr));
        buf.extend_from_slice(b", ");
        write_hex(buf, u64::from(size));
        buf.push(b')');
    }

    fn tty_flags(&mut self, fields: &[&'static str], rest: u64, table: &'static FlagTable) {
        self.element();
        let buf = self.out.buf();
        for f in fields {
            buf.extend_from_slice(f.as_bytes());
            buf.push(b'|');
        }
        if rest != 0 {
            write_flags(buf, rest, table);
        }
    }

    fn ret_flags(&mut self, v: u64, label: Option<&'static str>, table: &'static FlagTable) {
        self.out.align_return();
        let buf = self.out.buf();
        write_hex(buf, v);
        buf.extend_from_slice(b" (");
        if let Some(label) = label {
            let _ = write!(buf, "{label} ");
        }
        write_flags(buf, v, table);
        buf.push(b')');
    }

    fn ret_signal(&mut self, sig: i64) {
        self.out.align_return();
        self.fmt(format_args!("{sig} ({})", SigName(sig)));
    }

    fn ret_enum(&mut self, v: u64, table: &'static EnumTable) {
        self.out.align_return();
        let buf = self.out.buf();
        write_hex(buf, v);
        if let Some(name) = table.name(v) {
            let _ = write!(buf, " ({name})");
        }
    }

    fn file_mode(&mut self, mode: u32) {
        self.element();
        write_file_mode(self.out.buf(), mode);
    }

    fn dev(&mut self, major: u32, minor: u32) {
        self.element();
        let buf = self.out.buf();
        buf.extend_from_slice(b"makedev(");
        write_hex(buf, u64::from(major));
        buf.extend_from_slice(b", ");
        write_hex(buf, u64::from(minor));
        buf.push(b')');
    }

    fn interrupted_call(&mut self, name: &str) {
        self.element();
        self.fmt(format_args!("<... resuming interrupted {name} ...>"));
    }

    fn datetime(&mut self, secs: i64) {
        self.element();
        self.fmt(format_args!("{secs}"));
        let mut date = Vec::new();
        if crate::datetime::write_datetime(&mut date, secs) {
            let out = self.out.buf();
            out.extend_from_slice(b" /* ");
            out.extend_from_slice(&date);
            out.extend_from_slice(b" */");
        }
    }

    fn hex_padded(&mut self, v: u64, width: usize) {
        self.element();
        self.fmt(format_args!("{v:0width$x}"));
    }

    fn net_order(&mut self, v: u64, short: bool) {
        self.element();
        let f = if short { "htons" } else { "htonl" };
        self.fmt(format_args!("{f}({v})"));
    }

    fn ipv4(&mut self, a: [u8; 4]) {
        self.element();
        self.fmt(format_args!(
            "inet_addr(\"{}.{}.{}.{}\")",
            a[0], a[1], a[2], a[3]
        ));
    }

    fn ipv6_field(&mut self, name: &'static str, addr: [u8; 16]) {
        self.element();
        let ip = std::net::Ipv6Addr::from(addr);
        self.fmt(format_args!("inet_pton(AF_INET6, \"{ip}\", &{name})"));
    }

    fn abstract_name(&mut self, bytes: &[u8], truncated: bool) {
        self.element();
        self.out.bytes(b"@");
        // The quoted name follows the `@` directly.
        self.after_field = true;
        self.string(bytes, truncated);
    }

    fn kind_and_flags(
        &mut self,
        v: u64,
        mask: u64,
        kinds: &'static EnumTable,
        flags: &'static FlagTable,
    ) {
        self.element();
        let buf = self.out.buf();
        match kinds.name(v & mask) {
            Some(name) => {
                buf.extend_from_slice(name.as_bytes());
                let rest = v & !mask;
                if rest != 0 {
                    buf.push(b'|');
                    write_flags(buf, rest, flags);
                }
            }
            None => write_flags(buf, v, flags),
        }
    }

    fn begin_wrap(&mut self, function: &'static str) {
        self.element();
        self.out.bytes(function.as_bytes());
        self.out.bytes(b"(");
        // The wrapped value needs no separator.
        self.after_field = true;
    }

    fn end_wrap(&mut self) {
        self.out.bytes(b")");
    }

    fn clock_ticks(&mut self, v: i64) {
        self.element();
        // USER_HZ is 100 on x86_64 (asm-generic/param.h).
        if v == 0 {
            self.out.bytes(b"0");
        } else {
            let (s, cs) = (v / 100, (v % 100).abs());
            self.fmt(format_args!("{v} /* {s}.{cs:02} s */"));
        }
    }

    fn changed(&mut self, before: u64, after: u64) {
        self.element();
        self.fmt(format_args!("{before} => {after}"));
    }

    fn ret_datetime(&mut self, v: i64) {
        self.out.align_return();
        self.fmt(format_args!("{v}"));
        let mut date = Vec::new();
        if crate::datetime::write_datetime(&mut date, v) {
            let out = self.out.buf();
            out.extend_from_slice(b" (");
            out.extend_from_slice(&date);
            out.push(b')');
        }
    }

    fn ret_int(&mut self, v: i64) {
        self.out.align_return();
        self.fmt(format_args!("{v}"));
    }

    fn ret_fd(&mut self, fd: i64, info: Option<&FdInfo>) {
        self.out.align_return();
        self.fmt(format_args!("{fd}"));
        if let Some(info) = info {
            let hex = self.out.hex_strings();
            write_fd_info(self.out.buf(), info, hex);
        }
    }

    fn ret_hex(&mut self, v: u64) {
        self.out.align_return();
        write_hex(self.out.buf(), v);
    }

    fn ret_octal(&mut self, v: u64) {
        self.out.align_return();
        write_octal(self.out.buf(), v);
    }

    fn futex_wake_op(&mut self, v: u32) {
        self.element();
        let out = self.out.buf();
        // FUTEX_OP_OPARG_SHIFT (8) sits in the operation's top bit.
        if v >> 28 & 8 != 0 {
            out.extend_from_slice(b"FUTEX_OP_OPARG_SHIFT<<28|");
        }
        write_shifted(out, u64::from(v >> 28 & 7), 28, &table::ENUM_FUTEX_WAKE_OP);
        out.push(b'|');
        write_hex(out, u64::from(v >> 12 & 0xfff));
        out.extend_from_slice(b"<<12|");
        write_shifted(
            out,
            u64::from(v >> 24 & 0xf),
            24,
            &table::ENUM_FUTEX_WAKE_OP_CMP,
        );
        out.push(b'|');
        write_hex(out, u64::from(v & 0xfff));
    }

    fn flags_and_signal(&mut self, v: u64, table: &'static FlagTable, sig: i64) {
        self.element();
        let out = self.out.buf();
        if v != 0 {
            write_flags(out, v, table);
            if sig != 0 {
                out.push(b'|');
            }
        }
        if sig != 0 || v == 0 {
            let _ = write!(out, "{}", SigName(sig));
        }
    }

    fn cpu_set(&mut self, mask: &[u8]) {
        self.element();
        let out = self.out.buf();
        out.push(b'[');
        let mut first = true;
        for (i, byte) in mask.iter().enumerate() {
            for bit in 0..8 {
                if byte & (1 << bit) != 0 {
                    if !first {
                        out.push(b' ');
                    }
                    first = false;
                    let _ = write!(out, "{}", i * 8 + bit);
                }
            }
        }
        out.push(b']');
    }

    fn updated(&mut self) {
        self.out.bytes(b" => ");
    }

    fn wait_status(&mut self, status: WaitStatus) {
        self.element();
        write_wait_status(self.out.buf(), status);
    }

    fn capabilities(&mut self, set: u64) {
        self.element();
        let out = self.out.buf();
        // strace shows each 32-bit word of the set apart (struct __user_cap_data_struct),
        // so unknown bits of the second word are relative to it.
        let (lo, hi) = (set & 0xffff_ffff, set >> 32);
        if lo != 0 || hi == 0 {
            write_flags(out, lo, &table::FLAGS_CAP_MASK0);
        }
        if hi != 0 {
            if lo != 0 {
                out.push(b'|');
            }
            write_flags(out, hi, &table::FLAGS_CAP_MASK1);
        }
    }

    fn enumeration_number(&mut self, v: i64, table: &'static EnumTable) {
        self.element();
        let name = table.name(v as u64).unwrap_or(table.unknown);
        self.fmt(format_args!("{v} /* {name} */"));
    }

    fn ret_int_enum(&mut self, v: i64, table: &'static EnumTable) {
        self.out.align_return();
        match table.name(v as u64) {
            Some(name) => self.fmt(format_args!("{v} ({name})")),
            None => self.fmt(format_args!("{v}")),
        }
    }

    fn addr_comment(&mut self, v: u64) {
        let buf = self.out.buf();
        buf.extend_from_slice(b" /* ");
        write_hex(buf, v);
        buf.extend_from_slice(b" */");
    }

    fn begin_fd_set(&mut self) {
        self.open(b'[');
        self.fd_set_depth = Some(self.depth);
    }

    fn end_fd_set(&mut self) {
        self.fd_set_depth = None;
        self.close(b']');
    }

    fn time_comment(&mut self, sec: i64, frac: u64, digits: u32) {
        let max = 10u64.pow(digits) - 1;
        if (sec == 0 && frac == 0) || frac > max {
            return;
        }
        let mut date = Vec::new();
        if crate::datetime::write_datetime_frac(&mut date, sec, frac, digits) {
            let buf = self.out.buf();
            buf.extend_from_slice(b" /* ");
            buf.extend_from_slice(&date);
            buf.extend_from_slice(b" */");
        }
    }

    fn ret_comment(&mut self, v: i64, text: &'static str) {
        self.out.align_return();
        self.fmt(format_args!("{v} ({text})"));
    }

    fn begin_ret_detail(&mut self) {
        self.out.bytes(b" ");
        self.open(b'(');
    }

    fn label(&mut self, name: &'static str) {
        self.after_field = false;
        self.element();
        self.out.bytes(name.as_bytes());
        self.out.bytes(b" ");
        self.after_field = true;
    }

    fn end_ret_detail(&mut self) {
        self.close(b')');
    }

    fn ret_error(&mut self, errno: u64) {
        self.out.align_return();
        // The kernel's restart codes (<linux/errno.h>) never reach the program: strace shows
        // them as `?` rather than -1.
        let shown = if (512..=516).contains(&errno) {
            "?"
        } else {
            "-1"
        };
        match table::errno(errno) {
            Some(e) => self.fmt(format_args!("{shown} {} ({})", e.name, e.desc)),
            None => self.fmt(format_args!("{shown} (errno {errno})")),
        }
    }
}

/// `NAME<<shift`, or `0x7<<shift /* UNKNOWN */` for a value the table does not name.
fn write_shifted(out: &mut Vec<u8>, v: u64, shift: u32, table: &EnumTable) {
    match table.name(v) {
        Some(name) => {
            let _ = write!(out, "{name}<<{shift}");
        }
        None => {
            write_hex(out, v);
            let _ = write!(out, "<<{shift} /* {} */", table.unknown);
        }
    }
}

/// A wait status as strace shows it, by the `<sys/wait.h>` macros that apply: stopped
/// (`(s & 0xff) == 0x7f`), continued (`0xffff`), exited (`(s & 0x7f) == 0`), else signalled
/// (with `WCOREDUMP`, bit 0x80). Bits above the low 16 of a stop are a ptrace event.
fn write_wait_status(out: &mut Vec<u8>, status: WaitStatus) {
    let _ = match status {
        WaitStatus::Stopped { sig, event, .. } => {
            let _ = write!(
                out,
                "{{WIFSTOPPED(s) && WSTOPSIG(s) == {}{}}}",
                SigName(i64::from(sig & 0x7f)),
                if sig & 0x80 != 0 { " | 0x80" } else { "" }
            );
            if event != 0 {
                out.push(b'|');
                match table::ENUM_PTRACE_EVENT.name(u64::from(event)) {
                    Some(name) => out.extend_from_slice(name.as_bytes()),
                    None => write_unknown(
                        out,
                        u64::from(event),
                        Some(table::ENUM_PTRACE_EVENT.unknown),
                    ),
                }
                out.extend_from_slice(b"<<16");
            }
            Ok(())
        }
        WaitStatus::Continued { .. } => write!(out, "{{WIFCONTINUED(s)}}"),
        WaitStatus::Exited { code, .. } => {
            write!(out, "{{WIFEXITED(s) && WEXITSTATUS(s) == {code}}}")
        }
        WaitStatus::Signaled { sig, core, .. } => write!(
            out,
            "{{WIFSIGNALED(s) && WTERMSIG(s) == {}{}}}",
            SigName(i64::from(sig)),
            if core { " && WCOREDUMP(s)" } else { "" }
        ),
    };
}

/// `S_IFREG|S_ISUID|0755`: the type, the set-id and sticky bits by name, the rest in octal.
fn write_file_mode(out: &mut Vec<u8>, mode: u32) {
    let file_type = mode & table::S_IFMT;
    let Some(type_name) = table::ENUM_FILE_TYPE.name(u64::from(file_type)) else {
        // No type, or one the kernel does not define: strace prints the whole number.
        return write_octal(out, u64::from(mode));
    };
    out.extend_from_slice(type_name.as_bytes());
    out.push(b'|');
    for (name, bit) in table::FLAGS_MODE_SPECIAL.bits {
        if u64::from(mode) & bit != 0 {
            out.extend_from_slice(name.as_bytes());
            out.push(b'|');
        }
    }
    write_octal(out, u64::from(mode & 0o777));
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
        write_dump_line(&mut out, 0x10, b"efghij\x01\xffabcdefgh");
        write_dump_line(&mut out, 0, b"vm\n");
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
    fn datetimes_in_utc() {
        for (secs, s) in [
            (0, "1970-01-01T00:00:00+0000"),
            (1795829371, "2026-11-28T01:29:31+0000"),
            (951782400, "2000-02-29T00:00:00+0000"),
            (-1, "1969-12-31T23:59:59+0000"),
            (-59011459200, "100-01-01T00:00:00+0000"),
            (-62135683200, "0-12-31T00:00:00+0000"),
        ] {
            let mut out = Vec::new();
            assert!(crate::datetime::write_datetime(&mut out, secs));
            assert_eq!(String::from_utf8(out).unwrap(), s);
        }
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
    fn file_modes() {
        for (m, s) in [
            (0o100644, "S_IFREG|0644"),
            (0o104755, "S_IFREG|S_ISUID|0755"),
            (0o041777, "S_IFDIR|S_ISVTX|0777"),
            (0o020000, "S_IFCHR|000"),
        ] {
            let mut out = Vec::new();
            write_file_mode(&mut out, m);
            assert_eq!(String::from_utf8(out).unwrap(), s);
        }
    }
}
