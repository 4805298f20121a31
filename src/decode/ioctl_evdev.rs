//! The evdev requests (`<linux/input.h>`, type `'E'`), as strace 6.1's evdev.c prints their
//! arguments: reads print at exit (their bit sets sized by the return value), writes at
//! entry. The codes' names are the `evdev_*` tables of syscalls.toml.

use super::string::buffer;
use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

/// The request type of evdev (`'E'`).
pub const TYPE: u32 = b'E' as u32;
const READ: u32 = 2;
const WRITE: u32 = 1;
// Fixed requests: `_IOC(dir, 'E', nr, size)`.
const EVIOCGVERSION: u32 = 0x8004_4501;
const EVIOCGID: u32 = 0x8008_4502;
const EVIOCGREP: u32 = 0x8008_4503;
const EVIOCSREP: u32 = 0x4008_4503;
const EVIOCGKEYCODE: u32 = 0x8008_4504;
const EVIOCGKEYCODE_V2: u32 = 0x8028_4504;
const EVIOCSKEYCODE: u32 = 0x4008_4504;
const EVIOCSKEYCODE_V2: u32 = 0x4028_4504;
const EVIOCSFF: u32 = 0x4030_4580;
const EVIOCRMFF: u32 = 0x4004_4581;
const EVIOCGEFFECTS: u32 = 0x8004_4584;
const EVIOCGRAB: u32 = 0x4004_4590;
const EVIOCREVOKE: u32 = 0x4004_4591;
const EVIOCSCLOCKID: u32 = 0x4004_45a0;
// Numbers of the requests sized by their caller.
const NR_NAME: u32 = 0x06;
const NR_PHYS: u32 = 0x07;
const NR_UNIQ: u32 = 0x08;
const NR_PROP: u32 = 0x09;
const NR_MTSLOTS: u32 = 0x0a;
const NR_KEY: u32 = 0x18;
const NR_LED: u32 = 0x19;
const NR_SND: u32 = 0x1a;
const NR_SW: u32 = 0x1b;
/// `EVIOCGBIT(ev, len)` is `0x20 + ev`, `EVIOCGABS(abs)` `0x40 + abs`, `EVIOCSABS` `0xc0 + abs`.
const NR_BIT: u32 = 0x20;
const NR_GABS: u32 = 0x40;
const NR_SABS: u32 = 0xc0;
// The `*_MAX` of <linux/input-event-codes.h> that bound each bit set.
const EV_MAX: u32 = 0x1f;
const KEY_MAX: u32 = 0x2ff;
const REL_MAX: u32 = 0x0f;
const ABS_MAX: u32 = 0x3f;
const MSC_MAX: u32 = 0x07;
const SW_MAX: u32 = 0x10;
const LED_MAX: u32 = 0x0f;
const SND_MAX: u32 = 0x07;
const REP_MAX: u32 = 0x01;
const FF_MAX: u32 = 0x7f;
const FF_STATUS_MAX: u32 = 0x01;
const INPUT_PROP_MAX: u32 = 0x1f;
/// `EV_PWR`: its `EVIOCGBIT` is an int.
const EV_PWR: u32 = 0x16;
// <linux/input.h> FF_* effect types with a union member strace shows.
const FF_RUMBLE: u16 = 0x50;
const FF_PERIODIC: u16 = 0x51;
const FF_CONSTANT: u16 = 0x52;
const FF_RAMP: u16 = 0x57;

/// Whether `request` is an evdev request whose argument this module prints.
pub fn decodes(request: u32) -> bool {
    (request >> 8) & 0xff == TYPE && matches!(request >> 30, READ | WRITE)
}

/// The argument of evdev request `request`, at entry (`outcome` is `None`) and at exit.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    v: u64,
    outcome: Option<Outcome>,
) {
    match (request >> 30, outcome) {
        (READ, Some(Outcome::Err(_))) => sink.addr(v),
        (READ, Some(Outcome::Ok(rval))) => read(sink, ctx, request, v, rval as u64),
        (WRITE, None) => write(sink, ctx, request, v),
        _ => {}
    }
}

/// A read request's argument after it succeeded with `rval`.
fn read<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, code: u32, v: u64, rval: u64) {
    let (nr, size) = (code & 0xff, (code >> 16) & 0x3fff);
    match code {
        EVIOCGVERSION => return int_ref(sink, ctx, v, true),
        EVIOCGEFFECTS => return int_ref(sink, ctx, v, false),
        EVIOCGID => return input_id(sink, ctx, v),
        EVIOCGREP => return pair(sink, ctx, v, None),
        EVIOCGKEYCODE => return pair(sink, ctx, v, Some(&table::ENUM_EVDEV_KEYCODE)),
        EVIOCGKEYCODE_V2 => return keymap_entry(sink, ctx, v),
        _ => {}
    }
    let bits: Option<(&'static EnumTable, u32)> = match nr {
        NR_MTSLOTS => return mtslots(sink, ctx, v, size),
        NR_NAME | NR_PHYS | NR_UNIQ => return buffer(sink, ctx, v, rval, false),
        NR_PROP => Some((&table::ENUM_EVDEV_PROP, INPUT_PROP_MAX)),
        NR_SND => Some((&table::ENUM_EVDEV_SND, SND_MAX)),
        NR_SW => Some((&table::ENUM_EVDEV_SWITCH, SW_MAX)),
        NR_KEY => Some((&table::ENUM_EVDEV_KEYCODE, KEY_MAX)),
        NR_LED => Some((&table::ENUM_EVDEV_LEDS, LED_MAX)),
        n if n & !ABS_MAX == NR_GABS => return absinfo(sink, ctx, v, size),
        n if n & !EV_MAX == NR_BIT => match n & EV_MAX {
            EV_PWR => return int_ref(sink, ctx, v, false),
            ev => event_bits(ev),
        },
        _ => None,
    };
    match bits {
        Some((t, max)) => bitset(sink, ctx, v, rval, t, max),
        None => sink.addr(v),
    }
}

/// The names and the bound of `EVIOCGBIT(ev, ...)`'s set.
fn event_bits(ev: u32) -> Option<(&'static EnumTable, u32)> {
    Some(match ev {
        0 => (&table::ENUM_EVDEV_EV, EV_MAX),
        1 => (&table::ENUM_EVDEV_KEYCODE, KEY_MAX),
        2 => (&table::ENUM_EVDEV_RELATIVE_AXES, REL_MAX),
        3 => (&table::ENUM_EVDEV_ABS, ABS_MAX),
        4 => (&table::ENUM_EVDEV_MISC, MSC_MAX),
        5 => (&table::ENUM_EVDEV_SWITCH, SW_MAX),
        0x11 => (&table::ENUM_EVDEV_LEDS, LED_MAX),
        0x12 => (&table::ENUM_EVDEV_SND, SND_MAX),
        0x14 => (&table::ENUM_EVDEV_AUTOREPEAT, REP_MAX),
        0x15 => (&table::ENUM_EVDEV_FF_TYPES, FF_MAX),
        0x17 => (&table::ENUM_EVDEV_FF_STATUS, FF_STATUS_MAX),
        _ => return None,
    })
}

/// A write request's argument at entry.
fn write<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, code: u32, v: u64) {
    match code {
        EVIOCSREP => pair(sink, ctx, v, None),
        EVIOCSKEYCODE => pair(sink, ctx, v, Some(&table::ENUM_EVDEV_KEYCODE)),
        EVIOCSKEYCODE_V2 => keymap_entry(sink, ctx, v),
        EVIOCRMFF => sink.int(i64::from(v as i32)),
        EVIOCGRAB | EVIOCREVOKE => sink.uint(v),
        EVIOCSCLOCKID => int_ref(sink, ctx, v, false),
        EVIOCSFF => ff_effect(sink, ctx, v),
        _ if (code & 0xff) & !ABS_MAX == NR_SABS => absinfo(sink, ctx, v, (code >> 16) & 0x3fff),
        _ => sink.addr(v),
    }
}

/// An `int` the argument points to: `[0x10001]` in hex, `[3]` unsigned.
fn int_ref<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64, hex: bool) {
    read_struct(sink, ctx, v, 4, |sink, _, raw| {
        sink.begin_array();
        match hex {
            true => sink.hex(u64::from(raw.u32(0))),
            false => sink.uint(u64::from(raw.u32(0))),
        }
        sink.end_array();
    });
}

/// Two `unsigned int`s: `[500, 33]`, the second a key code when `keys` names them.
fn pair<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    keys: Option<&'static EnumTable>,
) {
    read_struct(sink, ctx, v, 8, |sink, _, raw| {
        sink.begin_array();
        sink.uint(u64::from(raw.u32(0)));
        match keys {
            Some(t) => sink.enumeration(u64::from(raw.u32(4)), t),
            None => sink.uint(u64::from(raw.u32(4))),
        }
        sink.end_array();
    });
}

const INPUT_ID: &[(&str, bool)] = &[
    ("bustype", false),
    ("vendor", false),
    ("product", false),
    ("version", false),
];

/// `struct input_id`: four `__u16`s.
fn input_id<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64) {
    read_struct(sink, ctx, v, 8, |sink, _, raw| {
        sink.begin_struct();
        u16_fields(sink, raw, 0, INPUT_ID);
        sink.end_struct(false);
    });
}

/// `struct input_keymap_entry`: `__u8 flags, len; __u16 index; __u32 keycode; __u8
/// scancode[32]`, abbreviated after `len`.
fn keymap_entry<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64) {
    let abbrev = ctx.opts.abbreviate;
    read_struct(sink, ctx, v, 40, |sink, _, raw| {
        let [flags, len] = raw.array::<2>(0);
        sink.begin_struct();
        sink.field("flags");
        sink.uint(u64::from(flags));
        sink.field("len");
        sink.uint(u64::from(len));
        if !abbrev {
            sink.field("index");
            sink.uint(u64::from(raw.u16(2)));
            sink.field("keycode");
            sink.enumeration(u64::from(raw.u32(4)), &table::ENUM_EVDEV_KEYCODE);
            sink.field("scancode");
            sink.begin_array();
            for b in raw.array::<32>(8) {
                sink.hex(u64::from(b));
            }
            sink.end_array();
        }
        sink.end_struct(abbrev);
    });
}

/// `struct input_absinfo` of a request of `size` bytes: six `__s32` from `value` to
/// `resolution` (strace prints them unsigned); a size short of `flat` shows the address.
fn absinfo<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64, size: u32) {
    const ORIG: u32 = 20;
    const RES: u32 = 24;
    if size < ORIG {
        return sink.addr(v);
    }
    let abbrev = ctx.opts.abbreviate;
    read_struct(sink, ctx, v, size.min(RES) as usize, |sink, _, raw| {
        sink.begin_struct();
        let names = ["value", "minimum", "maximum", "fuzz", "flat", "resolution"];
        let shown = match (abbrev, size >= RES) {
            (true, _) => 2,
            (false, true) => 6,
            (false, false) => 5,
        };
        for (i, name) in names.into_iter().take(shown).enumerate() {
            sink.field(name);
            sink.uint(u64::from(raw.u32(i * 4)));
        }
        sink.end_struct(abbrev || (size > ORIG && size != RES));
    });
}

/// `EVIOCGMTSLOTS(size)`: `{code=ABS_MT_..., values=[...]}`, `size / 4 - 1` values after
/// the code.
fn mtslots<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64, size: u32) {
    let count = u64::from(size / 4);
    if count == 0 {
        return sink.addr(v);
    }
    read_struct(sink, ctx, v, 4, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("code");
        sink.enumeration(u64::from(raw.u32(0)), &table::ENUM_EVDEV_MTSLOTS);
        sink.field("values");
        super::array::array(sink, ctx, v + 4, count - 1, 4, |sink, _, raw| {
            sink.int(i64::from(raw.i32(0)));
        });
        sink.end_struct(false);
    });
}

/// A bit set the kernel wrote, `rval` bytes of it (at most `max` bits): the names of the set
/// bits, `...` after four of them when abbreviating, and the longs strace reads it in (which
/// `-X raw` shows instead, `-X verbose` after it: [`Group::BitSet`]).
fn bitset<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    v: u64,
    rval: u64,
    names: &'static EnumTable,
    max: u32,
) {
    let bits = if rval > u64::from(max / 8) {
        max as usize
    } else {
        rval as usize * 8
    };
    let size = bits.div_ceil(8).next_multiple_of(8);
    if size == 0 {
        return sink.addr(v);
    }
    let abbrev = ctx.opts.abbreviate;
    let max_words = ctx.opts.max_elements();
    read_struct(sink, ctx, v, size, |sink, _, raw| {
        sink.open(Group::BitSet);
        sink.implicit_field("set");
        sink.open(Group::Set);
        let set = (0..bits).filter(|&b| raw.array::<1>(b / 8)[0] & (1 << (b % 8)) != 0);
        for (shown, bit) in set.enumerate() {
            // strace counts the bits after the first.
            if abbrev && shown > 3 {
                sink.more();
                break;
            }
            sink.enumeration(bit as u64, names);
        }
        sink.close();
        sink.implicit_field("words");
        sink.begin_array();
        for (i, word) in raw.0.chunks_exact(8).enumerate() {
            if i as u64 >= max_words {
                sink.more();
                break;
            }
            sink.hex(Raw(word).u64(0));
        }
        sink.end_array();
        sink.close();
    });
}

/// `struct ff_effect` (`EVIOCSFF`): the type, id and direction; then (unless abbreviating)
/// the trigger, the replay and the union member of the type.
fn ff_effect<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, v: u64) {
    let abbrev = ctx.opts.abbreviate;
    read_struct(sink, ctx, v, 48, |sink, _, raw| {
        let kind = raw.u16(0);
        sink.begin_struct();
        sink.field("type");
        sink.enumeration(u64::from(kind), &table::ENUM_EVDEV_FF_TYPES);
        sink.field("id");
        sink.int(i64::from(raw.i16(2)));
        sink.field("direction");
        sink.uint(u64::from(raw.u16(4)));
        if abbrev {
            return sink.end_struct(true);
        }
        u16_struct(
            sink,
            raw,
            "trigger",
            6,
            &[("button", false), ("interval", false)],
        );
        u16_struct(
            sink,
            raw,
            "replay",
            10,
            &[("length", false), ("delay", false)],
        );
        match kind {
            FF_CONSTANT => effect(sink, raw, "constant", &[("level", true)], false),
            FF_RAMP => effect(sink, raw, "ramp", RAMP, false),
            FF_PERIODIC => effect(sink, raw, "periodic", PERIODIC, true),
            FF_RUMBLE => u16_struct(
                sink,
                raw,
                "rumble",
                UNION,
                &[("strong_magnitude", false), ("weak_magnitude", false)],
            ),
            _ => {}
        }
        sink.end_struct(false);
    });
}

/// `struct ff_periodic_effect`'s 16-bit members before its envelope (signed ones `true`).
const PERIODIC: &[(&str, bool)] = &[
    ("waveform", false),
    ("period", false),
    ("magnitude", true),
    ("offset", true),
    ("phase", false),
];
const RAMP: &[(&str, bool)] = &[("start_level", true), ("end_level", true)];
/// `struct ff_envelope`'s members before `fade_level`.
const ENVELOPE: &[(&str, bool)] = &[
    ("attack_length", false),
    ("attack_level", false),
    ("fade_length", false),
];
/// Where `struct ff_effect`'s union starts (its pointer member aligns it to 8).
const UNION: usize = 16;

/// A member struct of 16-bit members at `off`, signed ones marked `true`.
fn u16_struct<S: Sink>(
    sink: &mut S,
    raw: Raw<'_>,
    name: &'static str,
    off: usize,
    fields: &[(&'static str, bool)],
) {
    sink.field(name);
    sink.begin_struct();
    u16_fields(sink, raw, off, fields);
    sink.end_struct(false);
}

fn u16_fields<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, fields: &[(&'static str, bool)]) {
    for (i, &(f, signed)) in fields.iter().enumerate() {
        sink.field(f);
        match signed {
            true => sink.int(i64::from(raw.i16(off + i * 2))),
            false => sink.uint(u64::from(raw.u16(off + i * 2))),
        }
    }
}

/// The union member of an effect's type: its 16-bit members, its `struct ff_envelope`
/// (four `__u16`s, the fade level in hex), and for a periodic effect (`custom`) its custom
/// data's length and address.
fn effect<S: Sink>(
    sink: &mut S,
    raw: Raw<'_>,
    name: &'static str,
    fields: &[(&'static str, bool)],
    custom: bool,
) {
    sink.field(name);
    sink.begin_struct();
    u16_fields(sink, raw, UNION, fields);
    let env = UNION + fields.len() * 2;
    sink.field("envelope");
    sink.begin_struct();
    u16_fields(sink, raw, env, ENVELOPE);
    sink.field("fade_level");
    sink.hex(u64::from(raw.u16(env + 6)));
    sink.end_struct(false);
    if custom {
        sink.field("custom_len");
        sink.uint(u64::from(raw.u32(UNION + 20)));
        sink.field("custom_data");
        sink.addr(raw.u64(UNION + 24));
    }
    sink.end_struct(false);
}
