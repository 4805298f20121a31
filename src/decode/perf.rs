//! perf_event_open's `struct perf_event_attr` (`<linux/perf_event.h>`), as strace 6.1's
//! perf.c shows it: the struct is extensible (its `size` member says how much of it the
//! caller wrote), its `config` reads by `type`, and a word of one-bit flags sits in the
//! middle. What the kernel reads, it reads of `size` bytes: members past them are left out,
//! a member they cut shows the bytes they hold.

use super::structs::Raw;
use super::{Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `sizeof(struct perf_event_attr)` as strace 6.1 knows it (`PERF_ATTR_SIZE_VER7`).
const ATTR_SIZE: usize = 128;
/// `PERF_ATTR_SIZE_VER0`: the smallest struct the kernel (and strace) takes.
const SIZE_VER0: usize = 64;
/// The bytes read under the default abbreviation: up to `wakeup_events`.
const ABBREV_SIZE: usize = 48;
/// The offset of `size`.
const SIZE: u64 = 4;

// Members' offsets.
const TYPE: usize = 0;
const CONFIG: usize = 8;
const SAMPLE_PERIOD: usize = 16;
const SAMPLE_TYPE: usize = 24;
const READ_FORMAT: usize = 32;
const BITS: usize = 40;
const WAKEUP: usize = 48;
const BP_TYPE: usize = 52;
const CONFIG1: usize = 56;
const CONFIG2: usize = 64;
const BRANCH_SAMPLE_TYPE: usize = 72;
const SAMPLE_REGS_USER: usize = 80;
const SAMPLE_STACK_USER: usize = 88;
const CLOCKID: usize = 92;
const SAMPLE_REGS_INTR: usize = 96;
const AUX_WATERMARK: usize = 104;
const SAMPLE_MAX_STACK: usize = 108;
const RESERVED_2: usize = 110;
const AUX_SAMPLE_SIZE: usize = 112;
const RESERVED_3: usize = 116;
const SIG_DATA: usize = 120;

const PERF_TYPE_HARDWARE: u32 = 0;
const PERF_TYPE_SOFTWARE: u32 = 1;
const PERF_TYPE_TRACEPOINT: u32 = 2;
const PERF_TYPE_HW_CACHE: u32 = 3;
const PERF_TYPE_BREAKPOINT: u32 = 5;
const PERF_SAMPLE_BRANCH_STACK: u64 = 1 << 11;
const PERF_SAMPLE_STACK_USER: u64 = 1 << 13;
/// `PERF_HW_EVENT_MASK`: the event in a hardware `config`, below the PMU type.
const HW_EVENT_MASK: u64 = 0xffff_ffff;
/// `HW_BREAKPOINT_X | HW_BREAKPOINT_RW`: an unnamed `bp_type` up to it is an invalid mix.
const BP_TYPE_MAX: u64 = 7;

/// The one-bit members of the flags word, bit by bit from bit 0; `precise_ip` (two bits,
/// 15 and 16) is shown apart, and bits 38 to 63 are `__reserved_1`.
const FLAG_BITS: [(&str, u32); 36] = [
    ("disabled", 0),
    ("inherit", 1),
    ("pinned", 2),
    ("exclusive", 3),
    ("exclude_user", 4),
    ("exclude_kernel", 5),
    ("exclude_hv", 6),
    ("exclude_idle", 7),
    ("mmap", 8),
    ("comm", 9),
    ("freq", 10),
    ("inherit_stat", 11),
    ("enable_on_exec", 12),
    ("task", 13),
    ("watermark", 14),
    ("mmap_data", 17),
    ("sample_id_all", 18),
    ("exclude_host", 19),
    ("exclude_guest", 20),
    ("exclude_callchain_kernel", 21),
    ("exclude_callchain_user", 22),
    ("mmap2", 23),
    ("comm_exec", 24),
    ("use_clockid", 25),
    ("context_switch", 26),
    ("write_backward", 27),
    ("namespaces", 28),
    ("ksymbol", 29),
    ("bpf_event", 30),
    ("aux_output", 31),
    ("cgroup", 32),
    ("text_poke", 33),
    ("build_id", 34),
    ("inherit_thread", 35),
    ("remove_on_exec", 36),
    ("sigtrap", 37),
];
const FREQ: u32 = 10;
const WATERMARK: u32 = 14;
const PRECISE_IP: u32 = 15;
const USE_CLOCKID: u32 = 25;
const RESERVED_1: u32 = 38;
/// What each `precise_ip` asks for (the perf_event_open(2) manual's words, as strace).
const PRECISE_IP_DESC: [&str; 4] = [
    "arbitrary skid",
    "constant skid",
    "requested to have 0 skid",
    "must have 0 skid",
];

/// The `size` member as the call got it, read at entry (the kernel writes its own size
/// there when it refuses a larger struct with `E2BIG`).
pub fn save<M: Memory>(mem: &M, addr: u64) -> Option<u32> {
    let mut b = [0u8; 4];
    mem.read(addr.wrapping_add(SIZE), &mut b).ok()?;
    Some(u32::from_le_bytes(b))
}

/// The attr at `addr`, whose `size` was `at_entry` (`None`: unreadable then).
pub fn attr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    at_entry: Option<u32>,
    outcome: Option<Outcome>,
) {
    let Some(given) = at_entry else {
        return sink.addr(addr);
    };
    let mut len = match given as usize {
        0 => SIZE_VER0,
        n => n.min(ATTR_SIZE),
    };
    if len < SIZE_VER0 || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    if ctx.opts.abbreviate {
        len = ABBREV_SIZE;
    }
    let mut buf = [0u8; ATTR_SIZE];
    if addr == 0 || ctx.mem.read(addr, &mut buf[..len]).is_err() {
        return sink.unreadable(addr);
    }
    // The struct as the kernel read it: the bytes past `len` as zeros.
    let raw = Raw(&buf);
    sink.begin_struct();
    sink.field("type");
    let kind = raw.u32(TYPE);
    sink.enumeration(u64::from(kind), &table::ENUM_PERF_TYPE_ID);
    sink.field("size");
    sink.enumeration(u64::from(given), &table::ENUM_PERF_ATTR_SIZE);
    if outcome == Some(Outcome::Err(libc::E2BIG as u64)) {
        sink.updated();
        match save(ctx.mem, addr) {
            Some(now) => sink.enumeration(u64::from(now), &table::ENUM_PERF_ATTR_SIZE),
            None => sink.word("???"),
        }
    }
    sink.field("config");
    config(sink, kind, raw.u64(CONFIG));
    let bits = raw.u64(BITS);
    let bit = |n: u32| bits >> n & 1 != 0;
    sink.field(if bit(FREQ) {
        "sample_freq"
    } else {
        "sample_period"
    });
    sink.uint(raw.u64(SAMPLE_PERIOD));
    let sample_type = raw.u64(SAMPLE_TYPE);
    sink.field("sample_type");
    sink.flags(sample_type, &table::FLAGS_PERF_EVENT_SAMPLE_FORMAT);
    sink.field("read_format");
    sink.flags(raw.u64(READ_FORMAT), &table::FLAGS_PERF_EVENT_READ_FORMAT);
    flags(sink, bits, ctx.opts.abbreviate);
    if !ctx.opts.abbreviate {
        rest(sink, raw, len, (kind, sample_type, bits));
    }
    // The caller wrote more than strace knows of, or (size 0) less than it read.
    if (given != 0 && given as usize > len) || (given == 0 && len < SIZE_VER0) {
        sink.more();
    }
    sink.end_struct(false);
}

/// `config` by the event's type: a hardware event or cache event with the PMU type above
/// it, a software event, a tracepoint's number, else hex.
fn config<S: Sink>(sink: &mut S, kind: u32, config: u64) {
    match kind {
        PERF_TYPE_HARDWARE | PERF_TYPE_HW_CACHE => {
            sink.open(Group::Or);
            if config >> 32 != 0 {
                sink.open(Group::Shift(32));
                sink.hex(config >> 32);
                sink.close();
            }
            if kind == PERF_TYPE_HARDWARE {
                sink.enumeration(config & HW_EVENT_MASK, &table::ENUM_PERF_HW_ID);
            } else {
                if (config & HW_EVENT_MASK) >> 24 != 0 {
                    sink.open(Group::Shift(24));
                    sink.hex((config & HW_EVENT_MASK) >> 24);
                    sink.close();
                }
                let parts = [
                    (16, &table::ENUM_PERF_HW_CACHE_OP_RESULT_ID),
                    (8, &table::ENUM_PERF_HW_CACHE_OP_ID),
                ];
                for (shift, names) in parts {
                    sink.open(Group::Shift(shift));
                    sink.enumeration(config >> shift & 0xff, names);
                    sink.close();
                }
                sink.enumeration(config & 0xff, &table::ENUM_PERF_HW_CACHE_ID);
            }
            sink.close();
        }
        PERF_TYPE_SOFTWARE => sink.enumeration(config, &table::ENUM_PERF_SW_IDS),
        PERF_TYPE_TRACEPOINT => sink.uint(config),
        _ => sink.hex(config),
    }
}

/// The flags word: each one-bit member (under the abbreviation only those set),
/// `precise_ip` with what it asks for, and `__reserved_1` when not zero.
fn flags<S: Sink>(sink: &mut S, bits: u64, abbreviate: bool) {
    for (name, n) in FLAG_BITS {
        let set = bits >> n & 1;
        if n == PRECISE_IP + 2 {
            let precise = (bits >> PRECISE_IP & 3) as usize;
            sink.field("precise_ip");
            sink.uint(precise as u64);
            sink.comment_word(PRECISE_IP_DESC[precise]);
        }
        if !abbreviate || set != 0 {
            sink.field(name);
            sink.uint(set);
        }
    }
    if bits >> RESERVED_1 != 0 {
        sink.field("__reserved_1");
        sink.hex(bits >> RESERVED_1);
        sink.comment_word("Bits 63..38");
    }
}

/// The members after the flags word, each only when the struct's first `len` bytes reach
/// its offset, as strace checks them; `seen` is the type, the sample type and the flags.
fn rest<S: Sink>(sink: &mut S, raw: Raw<'_>, len: usize, seen: (u32, u64, u64)) {
    let (kind, sample_type, bits) = seen;
    let bp = kind == PERF_TYPE_BREAKPOINT;
    let wakeup = u64::from(raw.u32(WAKEUP));
    if bits >> WATERMARK & 1 != 0 {
        sink.field("wakeup_watermark");
    } else {
        sink.field("wakeup_events");
    }
    sink.uint(wakeup);
    if bp {
        let bp_type = u64::from(raw.u32(BP_TYPE));
        sink.field("bp_type");
        if table::ENUM_HW_BREAKPOINT_TYPE.name(bp_type).is_some() || bp_type > BP_TYPE_MAX {
            sink.enumeration(bp_type, &table::ENUM_HW_BREAKPOINT_TYPE);
        } else {
            sink.hex(bp_type);
            sink.open(Group::NameComment);
            sink.word("HW_BREAKPOINT_INVALID");
            sink.close();
        }
    }
    sink.field(if bp { "bp_addr" } else { "config1" });
    sink.hex(raw.u64(CONFIG1));
    let has = |off: usize| off < len;
    if !has(CONFIG2) {
        return;
    }
    if bp {
        sink.field("bp_len");
        sink.uint(raw.u64(CONFIG2));
    } else {
        sink.field("config2");
        sink.hex(raw.u64(CONFIG2));
    }
    if !has(BRANCH_SAMPLE_TYPE) {
        return;
    }
    if sample_type & PERF_SAMPLE_BRANCH_STACK != 0 {
        sink.field("branch_sample_type");
        let v = raw.u64(BRANCH_SAMPLE_TYPE);
        sink.flags(v, &table::FLAGS_PERF_BRANCH_SAMPLE_TYPE);
    }
    if !has(SAMPLE_REGS_USER) {
        return;
    }
    sink.field("sample_regs_user");
    sink.hex(raw.u64(SAMPLE_REGS_USER));
    if !has(SAMPLE_STACK_USER) {
        return;
    }
    if sample_type & PERF_SAMPLE_STACK_USER != 0 {
        sink.field("sample_stack_user");
        sink.hex(u64::from(raw.u32(SAMPLE_STACK_USER)));
    }
    if bits >> USE_CLOCKID & 1 != 0 {
        if !has(CLOCKID) {
            return;
        }
        sink.field("clockid");
        sink.enumeration(u64::from(raw.u32(CLOCKID)), &table::ENUM_CLOCKID);
    }
    tail(sink, raw, len);
}

/// How a member after `clockid` shows.
#[derive(Clone, Copy)]
enum Tail {
    Hex,
    Uint,
    /// Reserved bytes: a comment on the member before them when not zero.
    Reserved(&'static str),
}

/// The members from `sample_regs_intr` on: offset, name, width, form.
const TAIL: [(usize, &str, usize, Tail); 7] = [
    (SAMPLE_REGS_INTR, "sample_regs_intr", 8, Tail::Hex),
    (AUX_WATERMARK, "aux_watermark", 4, Tail::Uint),
    (SAMPLE_MAX_STACK, "sample_max_stack", 2, Tail::Uint),
    (RESERVED_2, "", 2, Tail::Reserved("bytes 110..111:")),
    (AUX_SAMPLE_SIZE, "aux_sample_size", 4, Tail::Uint),
    (RESERVED_3, "", 4, Tail::Reserved("bytes 116..119:")),
    (SIG_DATA, "sig_data", 8, Tail::Hex),
];

/// The members from `sample_regs_intr` on, up to the first the `len` bytes do not reach.
fn tail<S: Sink>(sink: &mut S, raw: Raw<'_>, len: usize) {
    for (off, name, width, form) in TAIL.into_iter().take_while(|m| m.0 < len) {
        let (v, _) = raw.int_of_width(off, width);
        match form {
            Tail::Hex => {
                sink.field(name);
                sink.hex(v);
            }
            Tail::Uint => {
                sink.field(name);
                sink.uint(v);
            }
            Tail::Reserved(what) => reserved(sink, what, v),
        }
    }
}

/// Reserved bytes that are not zero, as a comment on the member before them.
fn reserved<S: Sink>(sink: &mut S, what: &str, v: u64) {
    if v != 0 {
        sink.open(Group::Comment);
        sink.word(what);
        sink.hex(v);
        sink.close();
    }
}
