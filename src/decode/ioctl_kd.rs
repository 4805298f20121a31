//! The console requests (`<linux/kd.h>`, type `'K'`) whose argument is more than a value or a
//! fixed struct, as strace 6.1's kd_ioctl.c and kd_mpers_ioctl.c print them: sounds with
//! their frequency, LEDs in the argument's low byte, keymap entries with their keysym named,
//! function key strings, accent tables, screen and unicode maps, fonts. The requests that are
//! a plain value or a fixed struct are `[ioctl_args]` rows (syscalls.toml, `<linux/kd.h>`).
//!
//! A request whose struct the kernel completes (a `KDG*` or `GIO_*` one) prints whole at exit,
//! reading again what the caller gave: the kernel leaves those members alone, and what it
//! changed shows as strace shows it (`keycode=0 => 0x1`, kept from the entry in `saved`).

use super::array::array;
use super::array::array_while;
use super::string::{buffer, cstring_in_field};
use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Outcome, Quote, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

const KIOCSOUND: u32 = 0x4b2f;
const KDMKTONE: u32 = 0x4b30;
const KDSETLED: u32 = 0x4b32;
const KDADDIO: u32 = 0x4b34;
const KDDELIO: u32 = 0x4b35;
const GIO_SCRNMAP: u32 = 0x4b40;
const PIO_SCRNMAP: u32 = 0x4b41;
const KDGKBMODE: u32 = 0x4b44;
const KDSKBMODE: u32 = 0x4b45;
const KDGKBENT: u32 = 0x4b46;
const KDSKBENT: u32 = 0x4b47;
const KDGKBSENT: u32 = 0x4b48;
const KDSKBSENT: u32 = 0x4b49;
const KDGKBDIACR: u32 = 0x4b4a;
const KDSKBDIACR: u32 = 0x4b4b;
const KDGETKEYCODE: u32 = 0x4b4c;
const KDSIGACCEPT: u32 = 0x4b4e;
const GIO_FONT: u32 = 0x4b60;
const PIO_FONT: u32 = 0x4b61;
const KDSKBLED: u32 = 0x4b65;
const GIO_UNIMAP: u32 = 0x4b66;
const PIO_UNIMAP: u32 = 0x4b67;
const GIO_UNISCRNMAP: u32 = 0x4b69;
const PIO_UNISCRNMAP: u32 = 0x4b6a;
const GIO_FONTX: u32 = 0x4b6b;
const PIO_FONTX: u32 = 0x4b6c;
const GIO_CMAP: u32 = 0x4b70;
const PIO_CMAP: u32 = 0x4b71;
const KDFONTOP: u32 = 0x4b72;
const KDGKBDIACRUC: u32 = 0x4bfa;
const KDSKBDIACRUC: u32 = 0x4bfb;

/// The PIT's input clock (the kernel's `PIT_TICK_RATE`), which a sound's count divides.
const PIT_TICK_RATE: u64 = 1_193_182;
/// `GPFIRST`..`GPLAST`: the video board's ports, which KDADDIO/KDDELIO name by offset.
const GPFIRST: u64 = 0x3b4;
const GPLAST: u64 = 0x3df;
/// `E_TABSZ`: the entries of a screen map.
const E_TABSZ: u64 = 256;
/// The most accents the kernel takes (`MAX_DIACR`).
const MAX_DIACR: u32 = 256;
/// `UNI_DIRECT_BASE`, `UNI_DIRECT_MASK`: the direct-to-font region of a unicode screen map.
const UNI_DIRECT_BASE: u16 = 0xf000;
const UNI_DIRECT_MASK: u16 = 0x01ff;
/// GIO_FONT/PIO_FONT's font: 256 characters of 32 rows of 8 pixels.
const FONT_SIZE: u64 = 8192;
/// GIO_CMAP/PIO_CMAP's palette: 16 colours of 3 bytes.
const CMAP_SIZE: u64 = 48;
/// `struct kbsentry`'s `kb_string` (`unsigned char kb_string[512]`).
const KB_STRING: usize = 512;
// <linux/keyboard.h> KT_*: the key types whose value is a character.
const KT_LATIN: u8 = 0;
const KT_META: u8 = 8;
const KT_LETTER: u8 = 11;
const KT_DEAD2: u8 = 13;
// <linux/kd.h> KD_FONT_OP_*.
const KD_FONT_OP_SET: u32 = 0;
const KD_FONT_OP_GET: u32 = 1;
const KD_FONT_OP_SET_DEFAULT: u32 = 2;
const KD_FONT_OP_COPY: u32 = 3;
/// `struct console_font_op`: op, flags, width, height, charcount (u32 each), data (a
/// pointer at 24).
const FONT_OP_SIZE: usize = 32;
/// `struct consolefontdesc`: charcount, charheight (u16 each), chardata (a pointer at 8).
const FONTDESC_SIZE: usize = 16;
/// `struct unimapdesc`: entry_ct (u16), entries (a pointer at 8).
const UNIMAPDESC_SIZE: usize = 16;

/// Whether `request` is one this module prints.
pub fn decodes(request: u32) -> bool {
    matches!(
        request,
        KIOCSOUND
            | KDMKTONE
            | KDSETLED
            | KDSKBLED
            | KDADDIO
            | KDDELIO
            | GIO_SCRNMAP
            | PIO_SCRNMAP
            | GIO_UNISCRNMAP
            | PIO_UNISCRNMAP
            | KDGKBMODE
            | KDSKBMODE
            | KDGKBENT
            | KDSKBENT
            | KDGKBSENT
            | KDSKBSENT
            | KDGKBDIACR
            | KDSKBDIACR
            | KDGKBDIACRUC
            | KDSKBDIACRUC
            | KDGETKEYCODE
            | KDSIGACCEPT
            | GIO_FONT
            | PIO_FONT
            | GIO_CMAP
            | PIO_CMAP
            | GIO_UNIMAP
            | PIO_UNIMAP
            | GIO_FONTX
            | PIO_FONTX
            | KDFONTOP
    )
}

/// At entry, what the exit needs of what the caller gave, when it could be read (`None`
/// otherwise: the entry printed the address and the exit adds nothing): KDGETKEYCODE's
/// `keycode`, GIO_UNIMAP's `entry_ct`, and for GIO_FONTX and KDFONTOP that the struct shows
/// (which the entry reads itself: here only whether it can be, one byte a page, so a short
/// read is reported once).
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, request: u32, addr: u64) -> Option<u32> {
    let mut b = [0u8; UNIMAPDESC_SIZE];
    let size = match request {
        KDGETKEYCODE => 8,
        GIO_UNIMAP => UNIMAPDESC_SIZE,
        GIO_FONTX => FONTDESC_SIZE,
        KDFONTOP => FONT_OP_SIZE,
        _ => return None,
    };
    if addr == 0 || !ctx.opts.verbose {
        return None;
    }
    if matches!(request, GIO_FONTX | KDFONTOP) {
        return super::ioctl::readable(ctx.mem, addr, size).then_some(1);
    }
    ctx.mem.read(addr, &mut b[..size]).ok()?;
    let raw = Raw(&b);
    Some(match request {
        KDGETKEYCODE => raw.u32(4),
        _ => u32::from(raw.u16(0)),
    })
}

/// The argument of console request `request`, at entry (`outcome` is `None`) and at exit.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    saved: Option<u32>,
    v: u64,
    outcome: Option<Outcome>,
) {
    let Some(outcome) = outcome else {
        return entry(sink, ctx, request, v);
    };
    let failed = matches!(outcome, Outcome::Err(_));
    match request {
        GIO_SCRNMAP | GIO_FONT | GIO_CMAP | KDGKBMODE | GIO_UNISCRNMAP | KDGKBDIACR
        | KDGKBDIACRUC
            if failed =>
        {
            sink.addr(v)
        }
        GIO_SCRNMAP => buffer(sink, ctx, v, E_TABSZ, true),
        GIO_FONT => buffer(sink, ctx, v, FONT_SIZE, true),
        GIO_CMAP => buffer(sink, ctx, v, CMAP_SIZE, true),
        KDGKBMODE => read_struct(sink, ctx, v, 4, |sink, _, raw| {
            sink.begin_array();
            named_decimal(sink, raw.i32(0), &table::ENUM_KD_KBD_MODES);
            sink.end_array();
        }),
        GIO_UNISCRNMAP => uni_screen_map(sink, ctx, v),
        KDGKBDIACR => diacrs(sink, ctx, v, false),
        KDGKBDIACRUC => diacrs(sink, ctx, v, true),
        KDGKBENT => kb_entry(sink, ctx, v, Some(failed)),
        KDGKBSENT => kb_str_entry(sink, ctx, v, Some(failed)),
        KDGETKEYCODE => keycode_exit(sink, ctx, v, saved, failed),
        GIO_UNIMAP => unimap_exit(sink, ctx, v, saved, failed),
        GIO_FONTX | KDFONTOP if !failed && saved.is_some() => {
            let size = if request == KDFONTOP {
                FONT_OP_SIZE
            } else {
                FONTDESC_SIZE
            };
            let mut b = [0u8; FONT_OP_SIZE];
            if !ctx.opts.verbose || v == 0 || ctx.mem.read(v, &mut b[..size]).is_err() {
                return;
            }
            // Only what the entry showed whole is shown again.
            let raw = Raw(&b[..size]);
            if request == KDFONTOP && !matches!(raw.u32(0), KD_FONT_OP_SET | KD_FONT_OP_COPY) {
                sink.updated();
                font_op(sink, ctx, raw, false);
            } else if request == GIO_FONTX {
                sink.updated();
                fontdesc(sink, ctx, raw, false);
            }
        }
        _ => {}
    }
}

/// What the entry shows.
fn entry<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, request: u32, v: u64) {
    match request {
        KIOCSOUND => sound(sink, v),
        KDMKTONE => tone(sink, v as u32),
        KDSETLED => sink.flags(v & 0xff, &table::FLAGS_KD_LED_FLAGS),
        KDSKBLED => sink.flags(v & 0xff, &table::FLAGS_KD_DEFAULT_LED_FLAGS),
        KDADDIO | KDDELIO => {
            sink.hex(v);
            if (GPFIRST..=GPLAST).contains(&v) {
                sink.open(Group::NameComment);
                sink.word("GPFIRST");
                sink.word("+");
                sink.uint(v - GPFIRST);
                sink.close();
            }
        }
        KDSKBMODE => named_decimal(sink, v as i32, &table::ENUM_KD_KBD_MODES),
        KDSIGACCEPT if v < i32::MAX as u64 => sink.signal(v as i64),
        KDSIGACCEPT => sink.uint(v),
        PIO_SCRNMAP => buffer(sink, ctx, v, E_TABSZ, true),
        PIO_FONT => buffer(sink, ctx, v, FONT_SIZE, true),
        PIO_CMAP => buffer(sink, ctx, v, CMAP_SIZE, true),
        PIO_UNISCRNMAP => uni_screen_map(sink, ctx, v),
        KDSKBENT => kb_entry(sink, ctx, v, None),
        KDSKBSENT => kb_str_entry(sink, ctx, v, None),
        KDSKBDIACR => diacrs(sink, ctx, v, false),
        KDSKBDIACRUC => diacrs(sink, ctx, v, true),
        PIO_UNIMAP => read_struct(sink, ctx, v, UNIMAPDESC_SIZE, |sink, ctx, raw| {
            let count = raw.u16(0);
            sink.begin_struct();
            sink.field("entry_ct");
            sink.uint(u64::from(count));
            sink.field("entries");
            unipairs(sink, ctx, raw.u64(8), u64::from(count));
            sink.end_struct(false);
        }),
        GIO_FONTX | PIO_FONTX => read_struct(sink, ctx, v, FONTDESC_SIZE, |sink, ctx, raw| {
            fontdesc(sink, ctx, raw, request == GIO_FONTX)
        }),
        KDFONTOP => read_struct(sink, ctx, v, FONT_OP_SIZE, |sink, ctx, raw| {
            font_op(sink, ctx, raw, true)
        }),
        _ => {}
    }
}

/// KIOCSOUND's count of PIT ticks per period, with the frequency it makes:
/// `440 /* 2711 Hz */`, `0 /* off */`.
fn sound<S: Sink>(sink: &mut S, v: u64) {
    sink.uint(v);
    let freq = (PIT_TICK_RATE.checked_div(v).unwrap_or(0)) as u32;
    sink.open(Group::NameComment);
    if freq != 0 {
        sink.uint(u64::from(freq));
        sink.word("Hz");
    } else {
        sink.word("off");
    }
    sink.close();
}

/// KDMKTONE's duration in ms (high half) and count (low half):
/// `57005<<16|64206 /* 18 Hz, 57005 ms */`.
fn tone<S: Sink>(sink: &mut S, v: u32) {
    let (ticks, count) = (v >> 16, v & 0xffff);
    if ticks != 0 {
        sink.open(Group::Or);
        sink.open(Group::Shift(16));
        sink.uint(u64::from(ticks));
        sink.close();
        sink.uint(u64::from(count));
        sink.close();
    } else {
        sink.uint(u64::from(count));
    }
    let freq = match (ticks, count) {
        (0, _) | (_, 0) => 0,
        _ => (PIT_TICK_RATE / u64::from(count)) as u32,
    };
    sink.open(Group::NameComment);
    if freq != 0 {
        sink.uint(u64::from(freq));
        sink.word("Hz,");
        sink.uint(u64::from(ticks));
        sink.word("ms");
    } else {
        sink.word("off");
    }
    sink.close();
}

/// An `int` named by `table`, in decimal with the table's unknown comment when it has no
/// name (strace's `printxval_d`): `K_RAW`, `-1 /* K_??? */`.
fn named_decimal<S: Sink>(sink: &mut S, v: i32, table: &'static EnumTable) {
    match table.name(v as u32 as u64) {
        Some(name) => sink.constant(name, super::Number::Int(i64::from(v))),
        None => {
            sink.int(i64::from(v));
            sink.open(Group::NameComment);
            sink.word(table.unknown);
            sink.close();
        }
    }
}

/// A unicode screen map: 256 `u16`s, those in the direct-to-font region shown as
/// `UNI_DIRECT_BASE+0x15`.
fn uni_screen_map<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64) {
    array(sink, ctx, v, E_TABSZ, 2, |sink, _, raw| {
        let c = raw.u16(0);
        if c & !UNI_DIRECT_MASK != UNI_DIRECT_BASE {
            return sink.hex(u64::from(c));
        }
        sink.open(Group::Symbolic(super::Number::Hex(u64::from(c))));
        sink.open(Group::Sum);
        sink.word("UNI_DIRECT_BASE");
        sink.hex(u64::from(c & UNI_DIRECT_MASK));
        sink.close();
        sink.close();
    });
}

/// A `struct kbentry` (`kb_table`, `kb_index`: bytes; `kb_value`: u16): the keymap named
/// (`K_NORMTAB`, else as modifier bits), the keysym in hex with its name in a comment. At
/// KDGKBENT's exit (`exit` is whether it failed) the value shows only after a success.
fn kb_entry<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64, exit: Option<bool>) {
    let mut head = [0u8; 2];
    if v == 0 || ctx.mem.read(v, &mut head).is_err() {
        return sink.addr(v);
    }
    sink.begin_struct();
    sink.field("kb_table");
    let keymap = u64::from(head[0]);
    match table::ENUM_KD_KEY_TABLES.name(keymap) {
        Some(_) => sink.enumeration(keymap, &table::ENUM_KD_KEY_TABLES),
        None => sink.flags(keymap, &table::FLAGS_KD_KEYMAP_FLAGS),
    }
    sink.field("kb_index");
    sink.uint(u64::from(head[1]));
    if exit != Some(true) {
        let mut value = [0u8; 2];
        sink.field("kb_value");
        match ctx.mem.read(v + 2, &mut value) {
            Ok(()) => keysym(sink, u16::from_ne_bytes(value)),
            Err(_) => sink.word("???"),
        }
    }
    sink.end_struct(false);
}

/// A keysym (`<linux/keyboard.h>`: type in the high byte, value in the low): in hex, named
/// in a comment as strace names it, `K_F1`, else `K(KT_SPEC, 0x14)`, a character's value as
/// a C character: `K(KT_LATIN, '~')`.
fn keysym<S: Sink>(sink: &mut S, v: u16) {
    sink.hex(u64::from(v));
    sink.open(Group::NameComment);
    let (kind, value) = ((v >> 8) as u8, v as u8);
    match table::ENUM_KD_KEYS.name(u64::from(v)) {
        Some(name) if !matches!(kind, KT_LATIN | KT_META | KT_LETTER | KT_DEAD2) => sink.word(name),
        _ => {
            sink.open(Group::Call("K"));
            match table::ENUM_KD_KEY_TYPES.name(u64::from(kind)) {
                Some(name) => sink.word(name),
                None => sink.hex(u64::from(kind)),
            }
            if matches!(kind, KT_LATIN | KT_META | KT_LETTER | KT_DEAD2) {
                let mut buf = [0u8; 6];
                sink.word(char_literal(value, &mut buf));
            } else {
                sink.hex(u64::from(value));
            }
            sink.close();
        }
    }
    sink.close();
}

/// The byte at `off` of a struct.
fn byte(raw: Raw<'_>, off: usize) -> u8 {
    raw.int_of_width(off, 1).0 as u8
}

/// A byte as a C character literal (strace's `print_char` with quotes and escaped white
/// space): `'a'`, `'\''`, `'\n'`, `'\x7f'`.
fn char_literal(c: u8, buf: &mut [u8; 6]) -> &str {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf[0] = b'\'';
    let n = match c {
        b'\'' | b'\\' => {
            buf[1] = b'\\';
            buf[2] = c;
            3
        }
        b' '..=b'~' => {
            buf[1] = c;
            2
        }
        b'\t'..=b'\r' => {
            buf[1] = b'\\';
            buf[2] = b"tnvfr"[usize::from(c - b'\t')];
            3
        }
        _ => {
            buf[1] = b'\\';
            buf[2] = b'x';
            buf[3] = HEX[usize::from(c >> 4)];
            buf[4] = HEX[usize::from(c & 0xf)];
            5
        }
    };
    buf[n] = b'\'';
    // Only ASCII was written.
    std::str::from_utf8(&buf[..=n]).unwrap_or("'?'")
}

/// A `struct kbsentry`: the function key (`KVAL(K_F1)`) and its string, of at most 512
/// bytes, shown without the NUL that ends it. At KDGKBSENT's exit (`exit` is whether it
/// failed) the string shows only after a success.
fn kb_str_entry<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    exit: Option<bool>,
) {
    read_struct(sink, ctx, v, 1, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("kb_func");
        sink.enumeration(u64::from(byte(raw, 0)), &table::ENUM_KD_KEY_FN_KEY_VALS);
        if exit != Some(true) {
            sink.field("kb_string");
            kb_string(sink, ctx, v + 1);
        }
        sink.end_struct(false);
    });
}

/// `kb_string`: up to its NUL, cut at `-s`; `???` when it cannot be read up to a NUL or its
/// end.
fn kb_string<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let Ok(s) = ctx.scratch.fill_cstr(ctx.mem, addr, KB_STRING) else {
        return sink.word("???");
    };
    // With its NUL when one came within the array; all of it otherwise.
    let len = if s.found_nul { s.len + 1 } else { KB_STRING };
    let shown = len.min(ctx.opts.max_strlen);
    let bytes = &ctx.scratch.bytes()[..shown];
    match bytes.last() {
        Some(0) => sink.quoted(bytes, false, Quote::TrailingNul),
        _ => sink.string(bytes, true),
    }
}

/// A `struct kbdiacrs` (`kb_cnt`, then 256 `struct kbdiacr` of three characters) or, with
/// `uc`, a `struct kbdiacrsuc` (`kb_cnt`, then 256 of three `u32`s in hex).
fn diacrs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64, uc: bool) {
    read_struct(sink, ctx, v, 4, |sink, ctx, raw| {
        let count = raw.u32(0);
        sink.begin_struct();
        sink.field("kb_cnt");
        sink.uint(u64::from(count));
        sink.field(if uc { "kbdiacruc" } else { "kbdiacr" });
        let (n, size) = (u64::from(count.min(MAX_DIACR)), if uc { 12 } else { 3 });
        // More than the kernel takes: `...` after the last one.
        let cut = count > MAX_DIACR;
        array_while(sink, ctx, v + 4, n, size, |sink, _, raw, i| {
            sink.begin_struct();
            for (i, name) in ["diacr", "base", "result"].into_iter().enumerate() {
                sink.field(name);
                if uc {
                    sink.hex(u64::from(raw.u32(i * 4)));
                } else {
                    let mut buf = [0u8; 6];
                    sink.word(char_literal(byte(raw, i), &mut buf));
                }
            }
            sink.end_struct(false);
            if cut && i + 1 == n {
                sink.more();
            }
            true
        });
        sink.end_struct(false);
    });
}

/// KDGETKEYCODE's `struct kbkeycode` at exit: `{scancode=0x1, keycode=0 => 0x2}`, the keycode
/// the kernel wrote after the one given when it succeeded.
fn keycode_exit<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    saved: Option<u32>,
    failed: bool,
) {
    after_given(sink, ctx, v, saved, 8, |sink, _, given, got| {
        sink.field("scancode");
        sink.hex(u64::from(Raw(got.unwrap_or(&[])).u32(0)));
        sink.field("keycode");
        sink.hex(u64::from(given));
        if let Some(got) = got.filter(|_| !failed) {
            sink.updated();
            sink.hex(u64::from(Raw(got).u32(4)));
        }
    });
}

/// GIO_UNIMAP's `struct unimapdesc` at exit: the count given and the one the kernel wrote,
/// then that many of the entries (as given) after a success, else their address.
fn unimap_exit<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    saved: Option<u32>,
    failed: bool,
) {
    after_given(
        sink,
        ctx,
        v,
        saved,
        UNIMAPDESC_SIZE,
        |sink, ctx, given, got| {
            sink.field("entry_ct");
            sink.uint(u64::from(given));
            let Some(got) = got.map(Raw) else {
                return;
            };
            sink.updated();
            sink.uint(u64::from(got.u16(0)));
            sink.field("entries");
            match failed {
                true => sink.addr(got.u64(8)),
                false => unipairs(sink, ctx, got.u64(8), u64::from(given)),
            }
        },
    );
}

/// A struct at exit after an entry that read it and kept a member (`saved`; else only the
/// address shows): `print` has the member and the `size` bytes read again, if they could be.
fn after_given<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    saved: Option<u32>,
    size: usize,
    print: impl FnOnce(&mut S, &mut Ctx<'_, M>, u32, Option<&[u8]>),
) {
    let Some(given) = saved else {
        return sink.addr(v);
    };
    let mut b = [0u8; UNIMAPDESC_SIZE];
    let got = ctx
        .mem
        .read(v, &mut b[..size])
        .is_ok()
        .then_some(&b[..size]);
    sink.begin_struct();
    print(sink, ctx, given, got);
    sink.end_struct(false);
}

/// `n` `struct unipair`s: `[{unicode=0x41, fontpos=0x1}]`.
fn unipairs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    array(sink, ctx, addr, n, 4, |sink, _, raw| {
        sink.begin_struct();
        sink.field("unicode");
        sink.hex(u64::from(raw.u16(0)));
        sink.field("fontpos");
        sink.hex(u64::from(raw.u16(2)));
        sink.end_struct(false);
    });
}

/// A `struct consolefontdesc`: the font's data as its address when the kernel is to fill it
/// (`get`), else as the bytes of `charcount` (at most 512) characters of 32 rows.
fn fontdesc<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>, get: bool) {
    let count = raw.u16(0);
    sink.begin_struct();
    sink.field("charcount");
    sink.uint(u64::from(count));
    sink.field("charheight");
    sink.uint(u64::from(raw.u16(2)));
    sink.field("chardata");
    match get {
        true => sink.addr(raw.u64(8)),
        false => buffer(sink, ctx, raw.u64(8), u64::from(count.min(512)) * 32, true),
    }
    sink.end_struct(false);
}

/// A `struct console_font_op`, the members its `op` uses: at entry (`entering`) with `op` and
/// `flags`; a font's data as bytes when it is given (SET) or got (GET, at exit), SET_DEFAULT's
/// as the font's name.
fn font_op<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>, entering: bool) {
    let op = raw.u32(0);
    let (width, count, data) = (raw.u32(8), raw.u32(16), raw.u64(24));
    sink.begin_struct();
    if entering {
        sink.field("op");
        sink.enumeration(u64::from(op), &table::ENUM_KD_FONT_OPS);
        if !matches!(op, KD_FONT_OP_SET_DEFAULT | KD_FONT_OP_COPY) {
            sink.field("flags");
            sink.flags(u64::from(raw.u32(4)), &table::FLAGS_KD_FONT_FLAGS);
        }
    }
    if op != KD_FONT_OP_COPY {
        sink.field("width");
        sink.uint(u64::from(width));
    }
    sink.field("height");
    sink.uint(u64::from(raw.u32(12)));
    if !matches!(op, KD_FONT_OP_SET_DEFAULT | KD_FONT_OP_COPY) {
        sink.field("charcount");
        sink.uint(u64::from(count));
    }
    match op {
        KD_FONT_OP_GET if entering => {
            sink.field("data");
            sink.addr(data);
        }
        KD_FONT_OP_SET | KD_FONT_OP_GET => {
            sink.field("data");
            // Rows of whole bytes of at most 32 pixels, 32 rows a character, at most 512.
            let len = u64::from(width.min(32).div_ceil(8)) * 32 * u64::from(count.min(512));
            buffer(sink, ctx, data, len, true);
        }
        KD_FONT_OP_SET_DEFAULT if entering => {
            sink.field("data");
            cstring_in_field(sink, ctx, data, 32);
        }
        KD_FONT_OP_SET_DEFAULT | KD_FONT_OP_COPY => {}
        _ => {
            sink.field("data");
            sink.addr(data);
        }
    }
    sink.end_struct(false);
}
