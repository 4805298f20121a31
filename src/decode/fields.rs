//! Structs `syscalls.toml` describes (`[structs.NAME]`), printed member by member: one printer
//! for every struct the spec lays out. Each member's kind reuses the value printer of the
//! argument kind of the same name; a member a condition leaves out, a struct shorter than its
//! members (an extensible struct's older version) and the bytes past a struct are handled
//! here, once. Rust wrapper kinds (`decode::sched`) call [`members`] with the members they
//! leave out, for the rules that are no layout.

use super::array::array_while;
use super::structs::{Raw, nonzero_tail, read_struct};
use super::{Ctx, Group, Number, PidKind, Sink, Values, fd, pid, string};
use crate::mem::Memory;
use crate::table::{ArgDesc, FieldDesc, FieldKind, FieldLen, FieldWhen, PastEnd, StructDesc};

/// How far past a struct strace looks for bytes that are not zero (`get_pagesize()`).
const PAGE: u64 = 4096;

/// Which members [`members`] shows.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    /// The bytes known: a member ending past them is left out.
    pub len: usize,
    /// Members a wrapper kind leaves out, by index (bit `i`: member `i`).
    pub hidden: u64,
}

impl Shown {
    /// Every member of a struct of `len` bytes.
    pub fn all(len: usize) -> Self {
        Shown { len, hidden: 0 }
    }
}

/// The members of `desc` in `raw` that `shown` lets through and whose `when` holds (or that
/// have an `otherwise`), each named; under the default abbreviation the first
/// `abbrev_after`, then `...`. The caller opens and closes the struct.
pub fn members<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    raw: Raw<'_>,
    shown: Shown,
) {
    let cut = ctx.opts.abbreviate && desc.abbrev_after != 0;
    // In a `zero_fill` struct, whether the member before was within the bytes known.
    let mut previous = true;
    for (i, f) in desc.fields.iter().enumerate() {
        if cut && i >= usize::from(desc.abbrev_after) {
            return sink.more();
        }
        // An array shows the elements a shorter struct holds (strace's `fetch_size >
        // offsetof(...)` before `PRINT_FIELD_ARRAY_UPTO`); any other member is there whole or not.
        let within = match (desc.zero_fill, f.with_previous, f.kind) {
            (true, true, _) => previous,
            (true, false, _) | (false, _, FieldKind::HexArray) => usize::from(f.offset) < shown.len,
            (false, _, _) => usize::from(f.offset) + usize::from(f.width) <= shown.len,
        };
        previous = within;
        if !within || (i < 64 && shown.hidden & (1 << i) != 0) || (f.if_nonzero && is_zero(raw, f))
        {
            continue;
        }
        let kind = match &f.when {
            Some(w) if !holds(w, desc, raw) => match f.otherwise {
                Some(k) => k,
                None => continue,
            },
            _ => f.kind,
        };
        if !desc.array {
            sink.field(f.name);
        }
        let known = match desc.zero_fill {
            true => shown.len,
            false => raw.0.len(),
        };
        match kind {
            FieldKind::HexArray => hex_array(sink, ctx, f, raw, shown.len),
            _ => value(sink, ctx, kind, (desc, f), raw, known),
        }
    }
}

/// Whether member `i` of a `zero_fill` struct shows when `len` bytes are known: it starts
/// within them, or (`with_previous`) the member before it shows.
pub fn within(desc: &StructDesc, i: usize, len: usize) -> bool {
    let start = desc.fields[..=i.min(desc.fields.len().saturating_sub(1))]
        .iter()
        .rposition(|f| !f.with_previous);
    match start {
        Some(s) => usize::from(desc.fields[s].offset) < len,
        None => true,
    }
}

/// A `hex_array` member: its `__u32`s within the `len` bytes known, `-s` of them while
/// abbreviating, then `...`.
fn hex_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    f: &FieldDesc,
    raw: Raw<'_>,
    len: usize,
) {
    let from = usize::from(f.offset);
    let to = (from + usize::from(f.width)).min(len).min(raw.0.len());
    let n = to.saturating_sub(from) / 4;
    let limit = ctx.opts.max_elements();
    sink.begin_array();
    for i in 0..n {
        if i as u64 >= limit {
            sink.more();
            break;
        }
        sink.hex(u64::from(raw.u32(from + 4 * i)));
    }
    sink.end_array();
}

/// Whether a member's condition holds: its flags members or'ed, tested against the mask.
fn holds(w: &FieldWhen, desc: &StructDesc, raw: Raw<'_>) -> bool {
    let set = w
        .fields
        .iter()
        .filter_map(|&i| desc.fields.get(usize::from(i)))
        .fold(0, |acc, f| acc | member_value(raw, f).0);
    (set & w.mask != 0) != w.none
}

/// Whether all of a member's bytes are zero (a number, a UUID, or a nested struct: a reserved
/// array).
fn is_zero(raw: Raw<'_>, f: &FieldDesc) -> bool {
    let from = usize::from(f.offset);
    raw.0
        .get(from..from + usize::from(f.width))
        .is_none_or(|b| b.iter().all(|&x| x == 0))
}

/// A member's value, zero-extended and sign-extended from its width.
pub fn member_value(raw: Raw<'_>, f: &FieldDesc) -> (u64, i64) {
    raw.int_of_width(usize::from(f.offset), usize::from(f.width))
}

/// One member's value, shown as `kind`; `known` bytes of `raw` are the struct's (a char
/// array or a nested struct of a `zero_fill` struct stops there).
fn value<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    kind: FieldKind,
    (desc, f): (&StructDesc, &FieldDesc),
    raw: Raw<'_>,
    known: usize,
) {
    let (u, i) = member_value(raw, f);
    let from = usize::from(f.offset);
    // The bytes of a char array or a nested struct that are known.
    let width = usize::from(f.width).min(known.saturating_sub(from));
    match kind {
        FieldKind::Int => sink.int(i),
        FieldKind::Uint => sink.uint(u),
        FieldKind::Hex => sink.hex(u),
        FieldKind::Octal => sink.octal(u),
        FieldKind::Addr => sink.addr(u),
        // A `__u64` descriptor above INT_MAX is none (strace's mount_attr prints it so).
        FieldKind::Fd if f.width == 8 && u > i32::MAX as u64 => sink.uint(u),
        FieldKind::Fd => fd(sink, ctx, i as i32),
        FieldKind::Pid => pid(sink, ctx, i, PidKind::Tgid),
        FieldKind::Flags => sink.flags(u, f.table.flags()),
        FieldKind::Enum => sink.enumeration(u, f.table.enumeration()),
        FieldKind::EnumU => sink.enumeration_u(u, f.table.enumeration()),
        FieldKind::Signal => sink.signal(i),
        FieldKind::Uid => sink.id(u as u32),
        FieldKind::UintMax => match (f.width, u) {
            (8, u64::MAX) => sink.constant("UINT64_MAX", Number::Uint(u)),
            (4, 0xffff_ffff) => sink.constant("UINT32_MAX", Number::Uint(u)),
            _ => sink.uint(u),
        },
        FieldKind::Dev => sink.dev(libc::major(u), libc::minor(u)),
        FieldKind::NamedUint => match f.table.enumeration().name(u) {
            Some(name) => sink.constant(name, Number::Uint(u)),
            None => sink.uint(u),
        },
        FieldKind::CString => {
            let bytes = raw.0.get(from..from + width).unwrap_or(&[]);
            match bytes.iter().position(|&b| b == 0) {
                Some(end) => sink.string(&bytes[..end], false),
                None => sink.string(&bytes[..bytes.len().saturating_sub(1)], true),
            }
        }
        FieldKind::Uuid => {
            let from = usize::from(f.offset);
            match raw.0.get(from..from + 16) {
                Some(bytes) => uuid(sink, bytes),
                None => sink.hex(u),
            }
        }
        FieldKind::StructPtr => match f.table.strukt() {
            Some(inner) => at(sink, ctx, inner, u),
            None => sink.addr(u),
        },
        // Shown by `members`, which knows how many bytes there are.
        FieldKind::HexArray => hex_array(sink, ctx, f, raw, raw.0.len()),
        FieldKind::Struct => {
            let bytes = raw.0.get(from..from + usize::from(f.width)).unwrap_or(&[]);
            match f.table.strukt() {
                Some(inner) if desc.zero_fill => known_part(sink, ctx, inner, Raw(bytes), width),
                Some(inner) => whole(sink, ctx, inner, Raw(bytes)),
                None => sink.hex(u),
            }
        }
        FieldKind::UintVerbose => {
            sink.uint(u);
            if let Some(name) = f.table.enumeration().name(u) {
                sink.open(Group::NameComment);
                sink.word(name);
                sink.close();
            }
        }
        FieldKind::KernelVersion => kernel_version(sink, u as u32),
        FieldKind::Ifindex => super::sockaddr::ifindex(sink, u as u32),
        FieldKind::StringPtr => match length(desc, f, raw) {
            Some(len) => string::cstring_within(sink, ctx, u, len as usize),
            None => string::cstring(sink, ctx, u),
        },
        FieldKind::PathPtr => string::path(sink, ctx, u),
        FieldKind::BufferPtr => {
            let len = length(desc, f, raw).unwrap_or(0);
            string::buffer(sink, ctx, u, len, false)
        }
        FieldKind::EbpfProg => {
            let count = length(desc, f, raw).unwrap_or(0);
            super::bpf::ebpf_prog(sink, ctx, u, count)
        }
    }
}

/// A pointer member's length: the member `len` names, or its fixed `max`.
fn length(desc: &StructDesc, f: &FieldDesc, raw: Raw<'_>) -> Option<u64> {
    match f.len {
        FieldLen::Member(i) => desc
            .fields
            .get(usize::from(i))
            .map(|l| member_value(raw, l).0),
        FieldLen::Fixed(n) => Some(u64::from(n)),
        FieldLen::None => None,
    }
}

/// `KERNEL_VERSION(5, 10, 0)`: the major number above bit 16, then a byte each (strace's
/// `print_kernel_version`), standing for the number as `-X` says.
pub fn kernel_version<S: Sink>(sink: &mut S, v: u32) {
    sink.open(Group::StyledSymbolic(Number::Hex(u64::from(v))));
    sink.open(Group::Call("KERNEL_VERSION"));
    sink.uint(u64::from(v >> 16));
    sink.uint(u64::from((v >> 8) & 0xff));
    sink.uint(u64::from(v & 0xff));
    sink.close();
    sink.close();
}

/// A struct of which `known` bytes are the caller's, zeros past them (`zero_fill`).
pub fn known_part<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    raw: Raw<'_>,
    known: usize,
) {
    sink.begin_struct();
    members(sink, ctx, desc, raw, Shown::all(known));
    sink.end_struct(false);
}

/// A UUID's 16 bytes, as `01234567-89ab-cdef-fedc-ba9876543210`: hex digit pairs, with a
/// dash after the 4th, 6th, 8th and 10th byte.
pub fn uuid<S: Sink>(sink: &mut S, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 36];
    let mut n = 0;
    for (i, &b) in bytes.iter().take(16).enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out[n] = b'-';
            n += 1;
        }
        out[n] = HEX[usize::from(b >> 4)];
        out[n + 1] = HEX[usize::from(b & 0xf)];
        n += 2;
    }
    sink.word(std::str::from_utf8(&out[..n]).unwrap_or_default());
}

/// A struct already read, whole: `{tv_sec=1, tv_nsec=0}` (`[1, 0]` for an array).
pub fn whole<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    raw: Raw<'_>,
) {
    let shown = Shown::all(usize::from(desc.size));
    if desc.array {
        sink.begin_array();
        members(sink, ctx, desc, raw, shown);
        return sink.end_array();
    }
    sink.begin_struct();
    members(sink, ctx, desc, raw, shown);
    sink.end_struct(false);
}

/// `kind = "struct"`: the struct at `addr`, read whole; `NULL`, or its address when it
/// cannot be read or under `-e verbose=none` (strace's `umove_or_printaddr`).
pub fn at<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    addr: u64,
) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, usize::from(desc.size), |sink, ctx, raw| {
        whole(sink, ctx, desc, raw)
    });
}

/// `kind = "sized_struct"`: the extensible struct at `addr` the call got `len` bytes of: its
/// address below `min_size`; else the members within `len` bytes, and past the struct's
/// size what its `past_end` says (`...`, or the bytes that are not zero, up to a page).
pub fn sized<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    addr: u64,
    len: u64,
) {
    let size = u64::from(desc.size);
    if len < u64::from(desc.min_size) || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let want = len.min(size) as usize;
    read_struct(sink, ctx, addr, want, |sink, ctx, raw| {
        sink.begin_struct();
        members(sink, ctx, desc, raw, Shown::all(want));
        if len > size {
            match desc.past_end {
                PastEnd::More => sink.more(),
                PastEnd::Nonzero => {
                    let to = len.min(PAGE) as usize;
                    nonzero_tail(sink, ctx, addr, (want, to), |_| {});
                }
                PastEnd::Ignored => {}
            }
        }
        sink.end_struct(false);
    });
}

/// `kind = "struct_array"`: `n` structs at `addr`, each whole, as strace's `print_array`
/// shows them; at most the struct's `array_max`, then `...`.
pub fn array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    addr: u64,
    n: u64,
) {
    let max = u64::from(desc.array_max);
    array_while(
        sink,
        ctx,
        addr,
        n,
        usize::from(desc.size),
        |sink, ctx, raw, i| {
            if max != 0 && i >= max {
                sink.more();
                return false;
            }
            whole(sink, ctx, desc, raw);
            true
        },
    );
}

/// `kind = "struct_by"`: the struct the tag (the `by` argument, an `int` as its enum shows
/// it) names, or the address for a tag that names none.
pub fn by_tag<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &ArgDesc,
    tag: u64,
    addr: u64,
) {
    match desc.struct_for(u64::from(tag as u32)) {
        Some(s) => at(sink, ctx, s, addr),
        None => sink.addr(addr),
    }
}
