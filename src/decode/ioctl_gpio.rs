//! The GPIO character device's requests (`<linux/gpio.h>`, strace's gpio_ioctl.c): v1 and v2
//! line info, handle and event requests, line values and configs. Their arrays run to a count
//! given in another member, and a v2 line attribute's union is chosen by its `id`, so they are
//! decoded here rather than as `[structs.*]` layouts.

use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// The requests printed here, by their numbers (`GPIO_GET_CHIPINFO_IOCTL` and
/// `GPIO_V2_LINE_SET_VALUES_IOCTL` are plain layouts, `[ioctl_args]` entries) (`_IOR`/`_IOWR(0xB4, nr, type)` in `<linux/gpio.h>`).
pub const LINEINFO: u32 = 0xc048_b402;
pub const LINEHANDLE: u32 = 0xc16c_b403;
pub const LINEEVENT: u32 = 0xc030_b404;
pub const V2_LINEINFO: u32 = 0xc100_b405;
pub const V2_LINEINFO_WATCH: u32 = 0xc100_b406;
pub const V2_LINE: u32 = 0xc250_b407;
pub const HANDLE_GET_VALUES: u32 = 0xc040_b408;
pub const HANDLE_SET_VALUES: u32 = 0xc040_b409;
pub const HANDLE_SET_CONFIG: u32 = 0xc054_b40a;
pub const LINEINFO_WATCH: u32 = 0xc048_b40b;
pub const LINEINFO_UNWATCH: u32 = 0xc004_b40c;
pub const V2_SET_CONFIG: u32 = 0xc110_b40d;
pub const V2_GET_VALUES: u32 = 0xc010_b40e;

/// The largest struct, `struct gpio_v2_line_request`.
const MAX: usize = 592;
/// `GPIO_V2_LINE_ATTR_ID_*`.
const ATTR_FLAGS: u32 = 1;
const ATTR_OUTPUT_VALUES: u32 = 2;
const ATTR_DEBOUNCE: u32 = 3;

/// Whether `request` is a GPIO request this module prints.
pub fn is_gpio(request: u32) -> bool {
    size(request).is_some()
}

/// The size of the struct a request's argument points to.
fn size(request: u32) -> Option<usize> {
    Some(match request {
        LINEINFO | LINEINFO_WATCH => 72,
        LINEHANDLE => 364,
        LINEEVENT => 48,
        V2_LINEINFO | V2_LINEINFO_WATCH => 256,
        V2_LINE => MAX,
        HANDLE_GET_VALUES | HANDLE_SET_VALUES => 64,
        HANDLE_SET_CONFIG => 84,
        LINEINFO_UNWATCH => 4,
        V2_SET_CONFIG => 272,
        V2_GET_VALUES => 16,
        _ => return None,
    })
}

/// Whether the request shows its struct at entry and adds to it at exit (` => {...}`).
fn updates(request: u32) -> bool {
    matches!(
        request,
        LINEINFO
            | LINEINFO_WATCH
            | LINEHANDLE
            | LINEEVENT
            | V2_LINEINFO
            | V2_LINEINFO_WATCH
            | V2_LINE
            | V2_GET_VALUES
    )
}

/// Reads the request's struct: `None` (after printing the address) when it cannot be shown.
fn read<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    addr: u64,
    buf: &mut [u8],
    failed: bool,
) -> bool {
    if addr == 0 || !ctx.opts.verbose || failed {
        sink.addr(addr);
        return false;
    }
    if ctx.mem.read(addr, buf).is_err() {
        sink.unreadable(addr);
        return false;
    }
    true
}

/// At entry: whether the struct showed (strace leaves the exit out when it did not). It spans
/// at most two pages, so its first and last bytes tell; reading those alone keeps the entry's
/// own read the only one that reports a short read, as strace reports it once.
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, request: u32, addr: u64) -> Option<u32> {
    let len = size(request).unwrap_or(1) as u64;
    let readable = |at: u64| ctx.mem.read(at, &mut [0u8; 1]).is_ok();
    let shown = addr != 0
        && ctx.opts.verbose
        && readable(addr)
        && addr.checked_add(len - 1).is_some_and(readable);
    Some(u32::from(shown))
}

/// A GPIO request's argument at entry (`outcome` is `None`) and at exit.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    saved: Option<u32>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let Some(len) = size(request) else {
        return;
    };
    let entering = outcome.is_none();
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    let out_only = request == HANDLE_GET_VALUES;
    if !entering {
        if updates(request) {
            if failed || saved != Some(1) {
                return;
            }
            sink.updated();
        } else if !out_only {
            return;
        }
    } else if out_only {
        return;
    }
    let mut buf = [0u8; MAX];
    let buf = &mut buf[..len];
    if !read(sink, ctx, addr, buf, failed) {
        return;
    }
    let raw = Raw(buf);
    sink.begin_struct();
    match (request, entering) {
        (LINEINFO | LINEINFO_WATCH, true) => u32_field(sink, "line_offset", raw, 0),
        (LINEINFO | LINEINFO_WATCH, false) => {
            sink.field("flags");
            sink.flags(u64::from(raw.u32(4)), &table::FLAGS_GPIO_LINE_FLAGS);
            cstr(sink, "name", raw, 8);
            cstr(sink, "consumer", raw, 40);
        }
        (LINEINFO_UNWATCH, _) => u32_field(sink, "offset", raw, 0),
        (LINEHANDLE, true) => handle_request(sink, ctx, raw),
        (LINEHANDLE, false) => fd_field(sink, ctx, raw, 360),
        (LINEEVENT, true) => {
            u32_field(sink, "lineoffset", raw, 0);
            sink.field("handleflags");
            sink.flags(u64::from(raw.u32(4)), &table::FLAGS_GPIO_HANDLE_FLAGS);
            sink.field("eventflags");
            sink.flags(u64::from(raw.u32(8)), &table::FLAGS_GPIO_EVENT_FLAGS);
            cstr(sink, "consumer_label", raw, 12);
        }
        (LINEEVENT, false) => fd_field(sink, ctx, raw, 44),
        (HANDLE_GET_VALUES | HANDLE_SET_VALUES, _) => {
            sink.field("values");
            uint_array(sink, ctx, raw, 0, 1, 64);
        }
        (HANDLE_SET_CONFIG, _) => {
            sink.field("flags");
            sink.flags(u64::from(raw.u32(0)), &table::FLAGS_GPIO_HANDLE_FLAGS);
            sink.field("default_values");
            uint_array(sink, ctx, raw, 4, 1, 64);
        }
        (V2_LINEINFO | V2_LINEINFO_WATCH, true) => u32_field(sink, "offset", raw, 64),
        (V2_LINEINFO | V2_LINEINFO_WATCH, false) => v2_line_info(sink, ctx, raw),
        (V2_LINE, true) => v2_line_request(sink, ctx, raw),
        (V2_LINE, false) => fd_field(sink, ctx, raw, 588),
        (V2_SET_CONFIG, _) => v2_line_config(sink, ctx, raw),
        (V2_GET_VALUES, true) => hex_field(sink, "mask", raw, 8),
        (V2_GET_VALUES, false) => hex_field(sink, "bits", raw, 0),
        _ => {}
    }
    sink.end_struct(false);
}

use super::structs::Raw;

fn cstr<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    sink.field(name);
    sink.c_array(&raw.0[off..off + 32]);
}

fn u32_field<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    sink.field(name);
    sink.uint(u64::from(raw.u32(off)));
}

fn hex_field<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    sink.field(name);
    sink.hex(raw.u64(off));
}

fn fd_field<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>, off: usize) {
    sink.field("fd");
    super::fd(sink, ctx, raw.i32(off));
}

/// `n` unsigned elements of `width` bytes from `off`, cut at `-s` of them while abbreviating
/// (strace's `print_local_array`).
fn uint_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    raw: Raw<'_>,
    off: usize,
    width: usize,
    n: usize,
) {
    array(sink, ctx, n, |sink, i| {
        let at = off + i * width;
        let v = if width == 1 {
            u64::from(raw.0[at])
        } else {
            u64::from(raw.u32(at))
        };
        sink.uint(v);
    });
}

/// `n` hex `u32`s from `off` (strace's `PRINT_FIELD_X_ARRAY`).
fn hex_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    raw: Raw<'_>,
    off: usize,
    n: usize,
) {
    array(sink, ctx, n, |sink, i| {
        sink.hex(u64::from(raw.u32(off + i * 4)))
    });
}

fn array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    n: usize,
    mut each: impl FnMut(&mut S, usize),
) {
    sink.begin_array();
    let shown = (n as u64).min(ctx.opts.max_elements()) as usize;
    for i in 0..shown {
        each(sink, i);
    }
    if shown < n {
        sink.more();
    }
    sink.end_array();
}

/// `padding=[...]` when any of `n` `u32`s from `off` is not zero.
fn padding<S: Sink, M: Memory>(sink: &mut S, ctx: &Ctx<'_, M>, raw: Raw<'_>, off: usize, n: usize) {
    if raw.0[off..off + n * 4].iter().any(|&b| b != 0) {
        sink.field("padding");
        hex_array(sink, ctx, raw, off, n);
    }
}

/// `struct gpiohandle_request` at entry.
fn handle_request<S: Sink, M: Memory>(sink: &mut S, ctx: &Ctx<'_, M>, raw: Raw<'_>) {
    let lines = (raw.u32(356) as usize).min(64);
    u32_field(sink, "lines", raw, 356);
    sink.field("lineoffsets");
    uint_array(sink, ctx, raw, 0, 4, lines);
    sink.field("flags");
    sink.flags(u64::from(raw.u32(256)), &table::FLAGS_GPIO_HANDLE_FLAGS);
    sink.field("default_values");
    uint_array(sink, ctx, raw, 260, 1, lines);
    cstr(sink, "consumer_label", raw, 324);
}

/// A `struct gpio_v2_line_attribute` (16 bytes at `off`): its union member by `id`, or raw
/// (`id`, `padding`, `data`) for an unknown id or a non-zero padding; `as_field` names the raw
/// form `attr={...}` inside a config attribute.
fn attribute<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, as_field: bool) {
    let (id, pad, v) = (raw.u32(off), raw.u32(off + 4), raw.u64(off + 8));
    match (id, pad) {
        (ATTR_FLAGS, 0) => {
            sink.field("flags");
            sink.flags(v, &table::FLAGS_GPIO_V2_LINE_FLAGS);
        }
        (ATTR_OUTPUT_VALUES, 0) => {
            sink.field("values");
            sink.hex(v);
        }
        (ATTR_DEBOUNCE, 0) => {
            sink.field("debounce_period_us");
            sink.uint(u64::from(v as u32));
        }
        _ => {
            if as_field {
                sink.field("attr");
                sink.begin_struct();
            }
            sink.field("id");
            sink.uint(u64::from(id));
            if pad != 0 {
                sink.field("padding");
                sink.hex(u64::from(pad));
            }
            sink.field("data");
            sink.hex(v);
            if as_field {
                sink.end_struct(false);
            }
        }
    }
}

/// `attrs=[{...}, ...]`, the first `n` (at most `GPIO_V2_LINE_NUM_ATTRS_MAX`) of them, when
/// `n` is not zero; `each` prints the members of one.
fn attrs<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    n: u32,
    mut each: impl FnMut(&mut S, usize),
) {
    if n == 0 {
        return;
    }
    sink.field("attrs");
    array(sink, ctx, (n as usize).min(10), |sink, i| {
        sink.begin_struct();
        each(sink, i);
        sink.end_struct(false);
    });
}

/// `struct gpio_v2_line_info` at exit.
fn v2_line_info<S: Sink, M: Memory>(sink: &mut S, ctx: &Ctx<'_, M>, raw: Raw<'_>) {
    cstr(sink, "name", raw, 0);
    cstr(sink, "consumer", raw, 32);
    sink.field("flags");
    sink.flags(raw.u64(72), &table::FLAGS_GPIO_V2_LINE_FLAGS);
    let n = raw.u32(68);
    u32_field(sink, "num_attrs", raw, 68);
    attrs(sink, ctx, n, |sink, i| {
        attribute(sink, raw, 80 + i * 16, false)
    });
    padding(sink, ctx, raw, 240, 4);
}

/// `struct gpio_v2_line_config` (272 bytes), from the start of `raw`.
fn v2_line_config<S: Sink, M: Memory>(sink: &mut S, ctx: &Ctx<'_, M>, raw: Raw<'_>) {
    sink.field("flags");
    sink.flags(raw.u64(0), &table::FLAGS_GPIO_V2_LINE_FLAGS);
    let n = raw.u32(8);
    u32_field(sink, "num_attrs", raw, 8);
    padding(sink, ctx, raw, 12, 5);
    attrs(sink, ctx, n, |sink, i| {
        attribute(sink, raw, 32 + i * 24, true);
        hex_field(sink, "mask", raw, 32 + i * 24 + 16);
    });
}

/// `struct gpio_v2_line_request` at entry.
fn v2_line_request<S: Sink, M: Memory>(sink: &mut S, ctx: &Ctx<'_, M>, raw: Raw<'_>) {
    let lines = (raw.u32(560) as usize).min(64);
    u32_field(sink, "num_lines", raw, 560);
    sink.field("offsets");
    uint_array(sink, ctx, raw, 0, 4, lines);
    cstr(sink, "consumer", raw, 256);
    sink.field("config");
    sink.begin_struct();
    v2_line_config(sink, ctx, Raw(&raw.0[288..560]));
    sink.end_struct(false);
    if raw.u32(564) != 0 {
        u32_field(sink, "event_buffer_size", raw, 564);
    }
    padding(sink, ctx, raw, 568, 5);
}
