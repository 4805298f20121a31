//! Directory entry buffers (`getdents(2)`, `getdents64(2)`), walked as strace walks them:
//! by default the buffer's address and how many entries it holds (`0x55e0a4f7a0d0 /* 29
//! entries */`), every entry under `-v` (`[{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR,
//! d_name="."}, ...]`).

use super::string::{bounded_cstring, buffer};
use super::structs::Raw;
use super::{Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// The two record layouts (`struct linux_dirent` of `getdents`, `struct linux_dirent64` of
/// `getdents64`, fs/readdir.c): both start with `d_ino`, `d_off` (64-bit) and `d_reclen`
/// (16-bit); the old one keeps `d_type` in the record's last byte, after the name's NUL,
/// the new one before the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Dirent,
    Dirent64,
}

impl Layout {
    /// The smallest record, the offset of `d_name` (strace's `header_size`).
    fn header(self) -> u64 {
        match self {
            Layout::Dirent => 18,
            Layout::Dirent64 => 19,
        }
    }
}

/// Where `d_reclen` lies, and the 64-bit layout's `d_type`.
const D_RECLEN: usize = 16;
const D_TYPE64: usize = 18;
/// The longest name shown (strace's `D_NAME_LEN_MAX`).
const D_NAME_LEN_MAX: u64 = 256;

/// `getdents`' buffer: its address when the call failed, `-e verbose=` leaves it out, or
/// the call claims more bytes than `count` (the buffer's size); else its entries.
pub fn dirents<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    outcome: Option<Outcome>,
    layout: Layout,
) {
    let count = u64::from(count as u32);
    match outcome {
        Some(Outcome::Ok(n)) if ctx.opts.verbose && (n as u64) <= count => {
            walk(sink, ctx, addr, n as u64, layout)
        }
        _ => sink.addr(addr),
    }
}

/// Why a record's `d_reclen` cannot be right: it runs past the data, or it is shorter than
/// a record's header (strace says so in a comment, and carries on from a fixed length).
fn bad_reclen<S: Sink>(sink: &mut S, abbreviated: bool, bytes: u64, what: &str) {
    sink.open(Group::Comment);
    if abbreviated {
        sink.word("d_reclen");
    }
    sink.uint(bytes);
    sink.word(what);
    sink.close();
}

/// The `len` bytes of records at `addr`: the address and the count when abbreviating, else
/// each record; where a record's header cannot be read the walk stops (`... /* 0x... */`),
/// and a tail too short for a header shows as bytes.
fn walk<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    mut addr: u64,
    mut len: u64,
    layout: Layout,
) {
    let abbreviated = ctx.opts.abbreviate;
    let header = layout.header();
    let mut n = 0u64;
    if abbreviated {
        sink.addr(addr);
    }
    loop {
        if len < header {
            if !abbreviated && len == 0 {
                sink.begin_array();
                n += 1;
            } else if !abbreviated {
                buffer(sink, ctx, addr, len, true);
            }
            break;
        }
        let mut head = [0u8; 19];
        let head = &mut head[..header as usize];
        if ctx.mem.read(addr, head).is_err() {
            if !abbreviated && n > 0 {
                sink.more();
                sink.addr_comment(addr);
            } else if !abbreviated {
                sink.unreadable(addr);
            }
            break;
        }
        let raw = Raw(head);
        if !abbreviated {
            if n == 0 {
                sink.begin_array();
            }
            sink.begin_struct();
            sink.field("d_ino");
            sink.uint(raw.u64(0));
            sink.field("d_off");
            sink.uint(raw.u64(8));
            sink.field("d_reclen");
            sink.uint(u64::from(raw.u16(D_RECLEN)));
        }
        n += 1;
        let mut reclen = u64::from(raw.u16(D_RECLEN));
        let mut next = None;
        if reclen > len {
            bad_reclen(sink, abbreviated, reclen - len, "bytes overflow");
            reclen = len;
            len = 0;
        } else if reclen < header {
            bad_reclen(sink, abbreviated, header - reclen, "bytes underflow");
            reclen = header;
            len -= header;
        } else {
            len -= reclen;
            if len != 0 {
                next = addr.checked_add(reclen);
                if next.is_none() {
                    sink.comment_word("address overflow");
                }
            }
        }
        if !abbreviated {
            let readable = tail(sink, ctx, addr, raw, reclen - header, layout);
            sink.end_struct(false);
            if next.is_some() && !readable {
                sink.more();
                break;
            }
        }
        let Some(next) = next else { break };
        addr = next;
    }
    if !abbreviated {
        if n > 0 {
            sink.end_array();
        }
    } else if len != 0 {
        // The walk stopped before the data's end: `/* 3+ entries */`.
        let mut text = [0u8; 24];
        let mut cursor = std::io::Cursor::new(&mut text[..]);
        let _ = std::io::Write::write_fmt(&mut cursor, format_args!("{n}+"));
        let end = cursor.position() as usize;
        sink.open(Group::Comment);
        sink.word(std::str::from_utf8(&text[..end]).unwrap_or("+"));
        sink.word("entries");
        sink.close();
    } else {
        sink.count(n, "entries", "entries");
    }
}

/// The fields of a record after its header, whose `rest` bytes follow the header at `addr +
/// header` (the name, NUL-terminated, and the old layout's `d_type`). `false` when memory
/// they lie in could not be read.
fn tail<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    raw: Raw<'_>,
    rest: u64,
    layout: Layout,
) -> bool {
    let name_at = addr.wrapping_add(layout.header());
    // The name shown is at most one byte shorter than its room, whose last byte is the NUL.
    let name = |sink: &mut S, ctx: &mut Ctx<'_, M>, room: u64| {
        sink.field("d_name");
        bounded_cstring(sink, ctx, name_at, (room.min(D_NAME_LEN_MAX) - 1) as usize)
    };
    match layout {
        Layout::Dirent64 => {
            sink.field("d_type");
            sink.enumeration(u64::from(raw.0[D_TYPE64]), &table::ENUM_DIRENT_TYPE);
            rest == 0 || name(sink, ctx, rest)
        }
        Layout::Dirent if rest == 0 => true,
        Layout::Dirent => {
            // The name's room is the record less its header and the `d_type` byte at its end.
            let readable = rest == 1 || name(sink, ctx, rest - 1);
            sink.field("d_type");
            let mut d_type = [0u8];
            let at = name_at.wrapping_add(rest - 1);
            match ctx.mem.read(at, &mut d_type) {
                Ok(()) => {
                    sink.enumeration(u64::from(d_type[0]), &table::ENUM_DIRENT_TYPE);
                    readable
                }
                Err(_) => {
                    sink.unreadable(at);
                    false
                }
            }
        }
    }
}
