//! The V4L2 requests (`<linux/videodev2.h>`, strace 6.1's v4l2.c) whose argument is more than
//! a layout: formats, stream parameters and crop requests hold a union chosen by a buffer
//! type, control ids are named by class, arrays run to a count in another member, and strace
//! shows what the caller gave beside what the kernel wrote (`count=4 => 2`, `{...} =>
//! {fmt.pix=...}`). The plain ones (framebuffers, stream on/off, standards, inputs) are
//! `[ioctl_args]` rows.
//!
//! A request's struct shows once, at exit: the caller's half from the bytes its entry read
//! (kept in [`super::Saved::ioctl`]), the kernel's from what the exit reads. A struct the
//! entry could not read shows as its address; under `-e verbose=none` every argument is its
//! value in hex.

use super::structs::Raw;
use super::{Ctx, Group, Number, Outcome, Sink, Values, fields, string, time};
use crate::mem::Memory;
use crate::table::{self, EnumTable, FlagTable};

// The requests, by their codes (`_IOR`/`_IOW`/`_IOWR('V', nr, type)`).
const QUERYCAP: u32 = 0x8068_5600;
const ENUM_FMT: u32 = 0xc040_5602;
const G_FMT: u32 = 0xc0d0_5604;
const S_FMT: u32 = 0xc0d0_5605;
const TRY_FMT: u32 = 0xc0d0_5640;
const REQBUFS: u32 = 0xc014_5608;
const QUERYBUF: u32 = 0xc058_5609;
const QBUF: u32 = 0xc058_560f;
const DQBUF: u32 = 0xc058_5611;
const G_PARM: u32 = 0xc0cc_5615;
const S_PARM: u32 = 0xc0cc_5616;
const ENUMSTD: u32 = 0xc048_5619;
const ENUMINPUT: u32 = 0xc050_561a;
const G_CTRL: u32 = 0xc008_561b;
const S_CTRL: u32 = 0xc008_561c;
const G_TUNER: u32 = 0xc054_561d;
const S_TUNER: u32 = 0x4054_561e;
const QUERYCTRL: u32 = 0xc044_5624;
const QUERY_EXT_CTRL: u32 = 0xc0e8_5667;
const CROPCAP: u32 = 0xc02c_563a;
const G_CROP: u32 = 0xc014_563b;
const S_CROP: u32 = 0x4014_563c;
const G_EXT_CTRLS: u32 = 0xc020_5647;
const S_EXT_CTRLS: u32 = 0xc020_5648;
const TRY_EXT_CTRLS: u32 = 0xc020_5649;
const ENUM_FRAMESIZES: u32 = 0xc02c_564a;
const ENUM_FRAMEINTERVALS: u32 = 0xc034_564b;
const CREATE_BUFS: u32 = 0xc100_565c;
// The plain ones, `[ioctl_args]` rows.
const G_FBUF: u32 = 0x8030_560a;
const S_FBUF: u32 = 0x4030_560b;
const STREAMON: u32 = 0x4004_5612;
const STREAMOFF: u32 = 0x4004_5613;
const G_STD: u32 = 0x8008_5617;
const S_STD: u32 = 0x4008_5618;
const G_INPUT: u32 = 0x8004_5626;
const S_INPUT: u32 = 0xc004_5627;

/// The largest struct, `struct v4l2_create_buffers`.
const MAX: usize = 256;

// `enum v4l2_buf_type`, `enum v4l2_memory`, the frame size and interval types.
const BUF_TYPE_VIDEO_CAPTURE: u32 = 1;
const BUF_TYPE_VIDEO_OUTPUT: u32 = 2;
const MEMORY_MMAP: u32 = 1;
const MEMORY_USERPTR: u32 = 2;
const FRMSIZE_TYPE_DISCRETE: u32 = 1;
const FRMSIZE_TYPE_CONTINUOUS: u32 = 2;
const FRMSIZE_TYPE_STEPWISE: u32 = 3;
/// `V4L2_BUF_FLAG_TIMESTAMP_MASK` and `V4L2_BUF_FLAG_TSTAMP_SRC_MASK`: a buffer's flags
/// hold two small enums beside its bits.
const TIMESTAMP_MASK: u32 = 0xe000;
const TSTAMP_SRC_MASK: u32 = 0x7_0000;
/// `V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND`: bits a queried id may carry.
const NEXT_FLAGS: u32 = 0xc000_0000;

/// Whether `request` is one of the requests this module prints.
pub fn decodes(request: u32) -> bool {
    size(request).is_some()
}

/// Whether `request` is one of the plain V4L2 requests `[ioctl_args]` lays out, which strace
/// shows in hex under `-e verbose=none` (where other families' layouts show an address).
pub fn hex_when_terse(request: u32) -> bool {
    matches!(
        request,
        G_FBUF | S_FBUF | STREAMON | STREAMOFF | G_STD | S_STD | G_INPUT | S_INPUT
    )
}

/// The size of the struct a request's argument points to.
fn size(request: u32) -> Option<usize> {
    Some(match request {
        QUERYCAP => 104,
        ENUM_FMT => 64,
        G_FMT | S_FMT | TRY_FMT => 208,
        REQBUFS => 20,
        QUERYBUF | QBUF | DQBUF => 88,
        G_PARM | S_PARM => 204,
        ENUMSTD => 72,
        ENUMINPUT => 80,
        G_CTRL | S_CTRL => 8,
        G_TUNER | S_TUNER => 84,
        QUERYCTRL => 68,
        QUERY_EXT_CTRL => 232,
        CROPCAP => 44,
        G_CROP | S_CROP => 20,
        G_EXT_CTRLS | S_EXT_CTRLS | TRY_EXT_CTRLS => 32,
        ENUM_FRAMESIZES => 44,
        ENUM_FRAMEINTERVALS => 52,
        CREATE_BUFS => MAX,
        _ => return None,
    })
}

/// At entry: whether the struct can be shown (`Some(1)`); the exit then shows it.
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, request: u32, addr: u64) -> Option<u32> {
    let size = size(request)?;
    // QUERYCAP's struct is all the kernel's: nothing of it is read at entry.
    if request == QUERYCAP {
        return None;
    }
    let mut buf = [0u8; MAX];
    let shown = addr != 0 && ctx.opts.verbose && ctx.mem.read(addr, &mut buf[..size]).is_ok();
    shown.then_some(1)
}

/// A V4L2 request's argument at entry (`outcome` is `None`: the struct's bytes are kept) and
/// at exit (it shows).
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    saved: Option<u32>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let Some(size) = size(request) else {
        return;
    };
    let Some(outcome) = outcome else {
        if !ctx.opts.verbose {
            return sink.hex(addr);
        }
        if let Some(kept) = ctx.saved.as_deref_mut() {
            kept.ioctl.clear();
            if saved.is_some() {
                kept.ioctl.resize(size, 0);
                if ctx.mem.read(addr, &mut kept.ioctl).is_err() {
                    kept.ioctl.clear();
                }
            }
        }
        return;
    };
    if !ctx.opts.verbose {
        return;
    }
    let failed = matches!(outcome, Outcome::Err(_));
    let mut xbuf = [0u8; MAX];
    if request == QUERYCAP {
        // All the kernel's: read at exit only, once (a short read is reported once).
        if failed || addr == 0 {
            return sink.addr(addr);
        }
        if ctx.mem.read(addr, &mut xbuf[..size]).is_err() {
            return sink.unreadable(addr);
        }
        return capability(sink, Raw(&xbuf[..size]));
    }
    if saved.is_none() {
        return if addr == 0 {
            sink.addr(addr)
        } else {
            sink.unreadable(addr)
        };
    }
    let mut ebuf = [0u8; MAX];
    match ctx.saved.as_deref() {
        Some(kept) if kept.ioctl.len() == size => ebuf[..size].copy_from_slice(&kept.ioctl),
        _ => {
            if ctx.mem.read(addr, &mut ebuf[..size]).is_err() {
                return sink.unreadable(addr);
            }
        }
    }
    let e = Raw(&ebuf[..size]);
    // What the kernel wrote; the extended controls show it even when the call failed.
    let ext = matches!(request, G_EXT_CTRLS | S_EXT_CTRLS | TRY_EXT_CTRLS);
    let exit_read = (!failed || ext) && ctx.mem.read(addr, &mut xbuf[..size]).is_ok();
    let x = exit_read.then_some(Raw(&xbuf[..size]));
    sink.begin_struct();
    let more = by_request(sink, ctx, request, e, x, failed);
    sink.end_struct(more);
}

/// The struct's members, the caller's then the kernel's; whether `...` ends it.
fn by_request<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    e: Raw<'_>,
    x: Option<Raw<'_>>,
    failed: bool,
) -> bool {
    match request {
        ENUM_FMT => {
            uint(sink, "index", e, 0);
            enumf(sink, "type", e, 4, &table::ENUM_V4L2_BUF_TYPES);
            if let Some(x) = x {
                flagsf(
                    sink,
                    "flags",
                    x,
                    8,
                    &table::FLAGS_V4L2_FORMAT_DESCRIPTION_FLAGS,
                );
                cstr(sink, "description", x, 12, 32);
                sink.field("pixelformat");
                fourcc(sink, x.u32(44), Some(&table::ENUM_V4L2_PIX_FMTS));
            }
        }
        G_FMT | S_FMT | TRY_FMT => format(sink, ctx, request == G_FMT, e, x),
        REQBUFS => {
            enumf(sink, "type", e, 4, &table::ENUM_V4L2_BUF_TYPES);
            enumf(sink, "memory", e, 8, &table::ENUM_V4L2_MEMORIES);
            uint(sink, "count", e, 0);
            if let Some(x) = x {
                sink.updated();
                sink.uint(u64::from(x.u32(0)));
            }
        }
        QUERYBUF | QBUF | DQBUF => return buffer(sink, request == DQBUF, e, x),
        G_PARM | S_PARM => streamparm(sink, request == G_PARM, e, x),
        ENUMSTD => {
            uint(sink, "index", e, 0);
            if let Some(x) = x {
                cstr(sink, "name", x, 16, 24);
                fract(sink, "frameperiod", x, 40);
                uint(sink, "framelines", x, 48);
            }
        }
        ENUMINPUT => {
            uint(sink, "index", e, 0);
            if let Some(x) = x {
                cstr(sink, "name", x, 4, 32);
                enumf(sink, "type", x, 36, &table::ENUM_V4L2_INPUT_TYPES);
            }
        }
        G_CTRL | S_CTRL => {
            sink.field("id");
            cid(sink, e.u32(0), false);
            if request == S_CTRL {
                int(sink, "value", e, 4);
            }
            match x {
                Some(x) if request == G_CTRL => int(sink, "value", x, 4),
                Some(x) => {
                    sink.updated();
                    sink.int(i64::from(x.i32(4)));
                }
                None => {}
            }
        }
        G_TUNER | S_TUNER => tuner(sink, request == G_TUNER, e, x),
        QUERYCTRL | QUERY_EXT_CTRL => return query_ctrl(sink, ctx, request, e, x),
        CROPCAP => {
            enumf(sink, "type", e, 0, &table::ENUM_V4L2_BUF_TYPES);
            if let Some(x) = x {
                rect(sink, ctx, "bounds", x, 4);
                rect(sink, ctx, "defrect", x, 20);
                fract(sink, "pixelaspect", x, 36);
            }
        }
        G_CROP | S_CROP => {
            enumf(sink, "type", e, 0, &table::ENUM_V4L2_BUF_TYPES);
            match (request, x) {
                (S_CROP, _) => rect(sink, ctx, "c", e, 4),
                (_, Some(x)) => rect(sink, ctx, "c", x, 4),
                _ => {}
            }
        }
        G_EXT_CTRLS | S_EXT_CTRLS | TRY_EXT_CTRLS => {
            ext_controls(sink, ctx, request == G_EXT_CTRLS, e, x, failed)
        }
        ENUM_FRAMESIZES => frame_sizes(sink, ctx, e, x),
        ENUM_FRAMEINTERVALS => frame_intervals(sink, e, x),
        CREATE_BUFS => {
            uint(sink, "count", e, 4);
            enumf(sink, "memory", e, 8, &table::ENUM_V4L2_MEMORIES);
            sink.field("format");
            sink.begin_struct();
            enumf(sink, "type", e, 16, &table::ENUM_V4L2_BUF_TYPES);
            if let Some(kind) = fmt_kind(e.u32(16)) {
                fmt(sink, ctx, kind, Raw(&e.0[24..]));
            }
            sink.end_struct(false);
        }
        _ => {}
    }
    false
}

/// `VIDIOC_CREATE_BUFS`'s return value, with the buffers the kernel made:
/// `= 0 ({index=0, count=2})`. `false` for the other requests.
pub fn ret<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    saved: Option<u32>,
    addr: u64,
    v: i64,
) -> bool {
    if request != CREATE_BUFS {
        return false;
    }
    sink.ret_udecimal(v);
    let mut buf = [0u8; 8];
    if saved.is_some() && ctx.opts.verbose && ctx.mem.read(addr, &mut buf).is_ok() {
        let raw = Raw(&buf);
        sink.open(Group::Detail);
        sink.begin_struct();
        uint(sink, "index", raw, 0);
        uint(sink, "count", raw, 4);
        sink.end_struct(false);
        sink.close();
    }
    true
}

/// `struct v4l2_capability`, all the kernel's.
fn capability<S: Sink>(sink: &mut S, x: Raw<'_>) {
    sink.begin_struct();
    cstr(sink, "driver", x, 0, 16);
    cstr(sink, "card", x, 16, 32);
    cstr(sink, "bus_info", x, 48, 32);
    sink.field("version");
    let v = x.u32(80);
    sink.open(Group::Symbolic(Number::Hex(u64::from(v))));
    sink.open(Group::Call("KERNEL_VERSION"));
    sink.uint(u64::from(v >> 16));
    sink.uint(u64::from((v >> 8) & 0xff));
    sink.uint(u64::from(v & 0xff));
    sink.close();
    sink.close();
    let caps = &table::FLAGS_V4L2_DEVICE_CAPABILITIES_FLAGS;
    flagsf(sink, "capabilities", x, 84, caps);
    if x.u32(88) != 0 {
        flagsf(sink, "device_caps", x, 88, caps);
    }
    sink.end_struct(false);
}

/// Which member of `struct v4l2_format`'s union a buffer type selects.
#[derive(Clone, Copy)]
enum FmtKind {
    Pix,
    PixMp,
    Win,
    Vbi,
    Sliced,
    Sdr,
    Meta,
}

fn fmt_kind(buf_type: u32) -> Option<FmtKind> {
    Some(match buf_type {
        1 | 2 => FmtKind::Pix,
        9 | 10 => FmtKind::PixMp,
        3 | 8 => FmtKind::Win,
        4 | 5 => FmtKind::Vbi,
        6 | 7 => FmtKind::Sliced,
        11 | 12 => FmtKind::Sdr,
        13 | 14 => FmtKind::Meta,
        _ => return None,
    })
}

/// `G_FMT`/`S_FMT`/`TRY_FMT`: the type, the caller's format (a setter's) and the kernel's.
/// A setter whose format could not show whole (an overlay's clips unread) stops at entry.
fn format<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    get: bool,
    e: Raw<'_>,
    x: Option<Raw<'_>>,
) {
    enumf(sink, "type", e, 0, &table::ENUM_V4L2_BUF_TYPES);
    if !get {
        let Some(kind) = fmt_kind(e.u32(0)) else {
            return;
        };
        if !fmt(sink, ctx, kind, Raw(&e.0[8..])) {
            return;
        }
    }
    let Some(x) = x else {
        return;
    };
    if let Some(kind) = fmt_kind(x.u32(0)) {
        if !get {
            reopen(sink);
        }
        fmt(sink, ctx, kind, Raw(&x.0[8..]));
    }
}

/// One member of the format union (`raw` starts at it), named `fmt.pix` and so on; whether
/// it showed whole (strace's `print_array` of an overlay's clips can fail).
fn fmt<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    kind: FmtKind,
    raw: Raw<'_>,
) -> bool {
    let mut ok = true;
    let pix = Some(&table::ENUM_V4L2_PIX_FMTS);
    match kind {
        FmtKind::Pix => {
            sink.field("fmt.pix");
            sink.begin_struct();
            uint(sink, "width", raw, 0);
            uint(sink, "height", raw, 4);
            sink.field("pixelformat");
            fourcc(sink, raw.u32(8), pix);
            enumf(sink, "field", raw, 12, &table::ENUM_V4L2_FIELDS);
            uint(sink, "bytesperline", raw, 16);
            uint(sink, "sizeimage", raw, 20);
            enumf(sink, "colorspace", raw, 24, &table::ENUM_V4L2_COLORSPACES);
        }
        FmtKind::PixMp => {
            sink.field("fmt.pix_mp");
            sink.begin_struct();
            uint(sink, "width", raw, 0);
            uint(sink, "height", raw, 4);
            sink.field("pixelformat");
            fourcc(sink, raw.u32(8), pix);
            enumf(sink, "field", raw, 12, &table::ENUM_V4L2_FIELDS);
            enumf(sink, "colorspace", raw, 16, &table::ENUM_V4L2_COLORSPACES);
            let planes = raw.0.get(180).copied().unwrap_or(0);
            sink.field("plane_fmt");
            local_array(sink, ctx, u64::from(planes.min(8)), |sink, ctx, i| {
                let at = 20 + 20 * i;
                let desc = &table::STRUCT_V4L2_PLANE_PIX_FORMAT;
                fields::whole(sink, ctx, desc, Raw(&raw.0[at..at + 20]));
            });
            sink.field("num_planes");
            sink.uint(u64::from(planes));
        }
        FmtKind::Win => {
            sink.field("fmt.win");
            sink.begin_struct();
            rect(sink, ctx, "w", raw, 0);
            enumf(sink, "field", raw, 16, &table::ENUM_V4L2_FIELDS);
            hex(sink, "chromakey", raw, 20);
            sink.field("clips");
            let desc = &table::STRUCT_V4L2_CLIP;
            ok = mem_array(
                sink,
                ctx,
                raw.u64(24),
                u64::from(raw.u32(32)),
                24,
                |sink, ctx, c| fields::whole(sink, ctx, desc, c),
            );
            uint(sink, "clipcount", raw, 32);
            sink.field("bitmap");
            sink.addr(raw.u64(40));
            let alpha = raw.0.get(48).copied().unwrap_or(0);
            if alpha != 0 {
                sink.field("global_alpha");
                sink.hex(u64::from(alpha));
            }
        }
        FmtKind::Vbi => {
            sink.field("fmt.vbi");
            sink.begin_struct();
            uint(sink, "sampling_rate", raw, 0);
            uint(sink, "offset", raw, 4);
            uint(sink, "samples_per_line", raw, 8);
            sink.field("sample_format");
            fourcc(sink, raw.u32(12), pix);
            sink.field("start");
            sink.begin_array();
            sink.int(i64::from(raw.i32(16)));
            sink.int(i64::from(raw.i32(20)));
            sink.end_array();
            sink.field("count");
            sink.begin_array();
            sink.uint(u64::from(raw.u32(24)));
            sink.uint(u64::from(raw.u32(28)));
            sink.end_array();
            flagsf(sink, "flags", raw, 32, &table::FLAGS_V4L2_VBI_FLAGS);
        }
        FmtKind::Sliced => {
            sink.field("fmt.sliced");
            sink.begin_struct();
            sink.field("service_set");
            sink.flags(u64::from(raw.u16(0)), &table::FLAGS_V4L2_SLICED_FLAGS);
            sink.field("service_lines");
            sink.begin_array();
            for row in 0..2 {
                sink.begin_array();
                for i in 0..24 {
                    sink.hex(u64::from(raw.u16(2 + 2 * (row * 24 + i))));
                }
                sink.end_array();
            }
            sink.end_array();
            uint(sink, "io_size", raw, 100);
        }
        FmtKind::Sdr => {
            sink.field("fmt.sdr");
            sink.begin_struct();
            sink.field("pixelformat");
            fourcc(sink, raw.u32(0), Some(&table::ENUM_V4L2_SDR_FMTS));
            if raw.u32(4) != 0 {
                uint(sink, "buffersize", raw, 4);
            }
        }
        FmtKind::Meta => {
            sink.field("fmt.meta");
            sink.begin_struct();
            sink.field("dataformat");
            fourcc(sink, raw.u32(0), Some(&table::ENUM_V4L2_META_FMTS));
            uint(sink, "buffersize", raw, 4);
        }
    }
    sink.end_struct(false);
    ok
}

/// `QUERYBUF`/`QBUF`/`DQBUF`: the type and index the caller gave (`DQBUF`'s index is the
/// kernel's), then what the kernel filled in, abbreviated (`...`).
fn buffer<S: Sink>(sink: &mut S, dq: bool, e: Raw<'_>, x: Option<Raw<'_>>) -> bool {
    enumf(sink, "type", e, 4, &table::ENUM_V4L2_BUF_TYPES);
    if !dq {
        uint(sink, "index", e, 0);
    }
    let Some(x) = x else {
        return false;
    };
    if dq {
        uint(sink, "index", x, 0);
    }
    enumf(sink, "memory", x, 60, &table::ENUM_V4L2_MEMORIES);
    match x.u32(60) {
        MEMORY_MMAP => hex(sink, "m.offset", x, 64),
        MEMORY_USERPTR => {
            sink.field("m.userptr");
            sink.addr(x.u64(64));
        }
        _ => {}
    }
    uint(sink, "length", x, 72);
    uint(sink, "bytesused", x, 8);
    sink.field("flags");
    buffer_flags(sink, x.u32(12));
    if dq {
        sink.field("timestamp");
        time::timeval_in(sink, x, 24);
    }
    true
}

/// A buffer's flags: its bits, then the time stamp's type and source (enums in two fields).
fn buffer_flags<S: Sink>(sink: &mut S, v: u32) {
    let bits = v & !TIMESTAMP_MASK & !TSTAMP_SRC_MASK;
    sink.open(Group::Parts(Number::Hex(u64::from(v))));
    sink.open(Group::Or);
    if bits != 0 {
        sink.flags(u64::from(bits), &table::FLAGS_V4L2_BUF_FLAGS);
    }
    let ts_type = &table::ENUM_V4L2_BUF_FLAGS_TS_TYPE;
    sink.enumeration(u64::from(v & TIMESTAMP_MASK), ts_type);
    let ts_src = &table::ENUM_V4L2_BUF_FLAGS_TS_SRC;
    sink.enumeration(u64::from(v & TSTAMP_SRC_MASK), ts_src);
    sink.close();
    sink.close();
}

/// `G_PARM`/`S_PARM`: a capture's or an output's parameters; other types show alone.
fn streamparm<S: Sink>(sink: &mut S, get: bool, e: Raw<'_>, x: Option<Raw<'_>>) {
    enumf(sink, "type", e, 0, &table::ENUM_V4L2_BUF_TYPES);
    if !matches!(e.u32(0), BUF_TYPE_VIDEO_CAPTURE | BUF_TYPE_VIDEO_OUTPUT) {
        return;
    }
    given_and_got(sink, get, e, x, parm);
}

/// `parm.capture` or `parm.output` (the same layout), by the type.
fn parm<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let capture = raw.u32(0) == BUF_TYPE_VIDEO_CAPTURE;
    sink.field(if capture {
        "parm.capture"
    } else {
        "parm.output"
    });
    sink.begin_struct();
    flagsf(
        sink,
        "capability",
        raw,
        4,
        &table::FLAGS_V4L2_STREAMING_CAPABILITIES,
    );
    let mode = if capture { "capturemode" } else { "outputmode" };
    flagsf(sink, mode, raw, 8, &table::FLAGS_V4L2_CAPTURE_MODES);
    fract(sink, "timeperframe", raw, 12);
    hex(sink, "extendedmode", raw, 20);
    uint(
        sink,
        if capture {
            "readbuffers"
        } else {
            "writebuffers"
        },
        raw,
        24,
    );
    sink.end_struct(false);
}

/// `G_TUNER`/`S_TUNER`: the index, and the tuner as given (a setter's) and as got.
fn tuner<S: Sink>(sink: &mut S, get: bool, e: Raw<'_>, x: Option<Raw<'_>>) {
    uint(sink, "index", e, 0);
    given_and_got(sink, get, e, x, tuner_members);
}

/// Members a setter gave, then what the kernel left in them (`..., name="a"} => {name="b",
/// ...}`); a getter's only as got (`..., name="b", ...`), as strace's `prefix_fun` shows them.
fn given_and_got<S: Sink>(
    sink: &mut S,
    get: bool,
    e: Raw<'_>,
    x: Option<Raw<'_>>,
    members: impl Fn(&mut S, Raw<'_>),
) {
    if !get {
        members(sink, e);
    }
    let Some(x) = x else {
        return;
    };
    if !get {
        reopen(sink);
    }
    members(sink, x);
}

/// Closes the struct as the caller gave it and opens it as the kernel left it: `} => {`.
fn reopen<S: Sink>(sink: &mut S) {
    sink.end_struct(false);
    sink.updated();
    sink.begin_struct();
}

fn tuner_members<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    cstr(sink, "name", raw, 4, 32);
    enumf(sink, "type", raw, 36, &table::ENUM_V4L2_TUNER_TYPES);
    flagsf(
        sink,
        "capability",
        raw,
        40,
        &table::FLAGS_V4L2_TUNER_CAPABILITIES,
    );
    uint(sink, "rangelow", raw, 44);
    uint(sink, "rangehigh", raw, 48);
    flagsf(
        sink,
        "rxsubchans",
        raw,
        52,
        &table::FLAGS_V4L2_TUNER_RXSUBCHANSES,
    );
    enumf(sink, "audmode", raw, 56, &table::ENUM_V4L2_TUNER_AUDMODES);
    int(sink, "signal", raw, 60);
    int(sink, "afc", raw, 64);
}

/// `QUERYCTRL`/`QUERY_EXT_CTRL`: the id asked for (with its `NEXT` flags), the id found when
/// it differs, and the control; by default only its type and name (`...`).
fn query_ctrl<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    e: Raw<'_>,
    x: Option<Raw<'_>>,
) -> bool {
    sink.field("id");
    cid(sink, e.u32(0), true);
    let Some(x) = x else {
        return false;
    };
    if x.u32(0) != e.u32(0) {
        sink.updated();
        cid(sink, x.u32(0), false);
    }
    enumf(sink, "type", x, 4, &table::ENUM_V4L2_CONTROL_TYPES);
    cstr(sink, "name", x, 8, 32);
    if ctx.opts.abbreviate {
        return true;
    }
    let control_flags = &table::FLAGS_V4L2_CONTROL_FLAGS;
    let reserved = if request == QUERYCTRL {
        for (name, off) in [("minimum", 40), ("maximum", 44), ("step", 48)] {
            int(sink, name, x, off);
        }
        int(sink, "default_value", x, 52);
        flagsf(sink, "flags", x, 56, control_flags);
        (60, 2)
    } else {
        for (name, off) in [("minimum", 40), ("maximum", 48)] {
            sink.field(name);
            sink.int(x.i64(off));
        }
        sink.field("step");
        sink.uint(x.u64(56));
        sink.field("default_value");
        sink.int(x.i64(64));
        flagsf(sink, "flags", x, 72, control_flags);
        uint(sink, "elem_size", x, 76);
        uint(sink, "elems", x, 80);
        uint(sink, "nr_of_dims", x, 84);
        sink.field("dims");
        local_array(sink, ctx, u64::from(x.u32(84).min(4)), |sink, _, i| {
            sink.uint(u64::from(x.u32(88 + 4 * i)))
        });
        (104, 32)
    };
    let (at, n) = reserved;
    if (0..n).any(|i| x.u32(at + 4 * i) != 0) {
        sink.field("reserved");
        local_array(sink, ctx, n as u64, |sink, _, i| {
            sink.hex(u64::from(x.u32(at + 4 * i)))
        });
    }
    false
}

/// `S_EXT_CTRLS`/`TRY_EXT_CTRLS`/`G_EXT_CTRLS`: the class and count, the controls as given
/// (a setter's) and as the kernel left them, failed or not; a failure's `error_idx`. The
/// controls a setter gave that could not all be read end it at entry.
fn ext_controls<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    get: bool,
    e: Raw<'_>,
    x: Option<Raw<'_>>,
    failed: bool,
) {
    enumf(sink, "ctrl_class", e, 0, &table::ENUM_V4L2_CONTROL_CLASSES);
    uint(sink, "count", e, 4);
    if e.u32(4) == 0 || (!get && !controls(sink, ctx, e)) {
        return;
    }
    let Some(x) = x else {
        return;
    };
    if !get {
        reopen(sink);
    }
    controls(sink, ctx, x);
    if failed {
        uint(sink, "error_idx", x, 8);
    }
}

/// `controls=[...]`, `count` of `struct v4l2_ext_control`; whether they all showed.
fn controls<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) -> bool {
    sink.field("controls");
    let (addr, n) = (raw.u64(24), u64::from(raw.u32(4)));
    mem_array(sink, ctx, addr, n, 20, |sink, ctx, c| {
        sink.begin_struct();
        enumf(sink, "id", c, 0, &table::ENUM_V4L2_CONTROL_IDS);
        uint(sink, "size", c, 4);
        let size = c.u32(4);
        if size > 0 {
            sink.field("string");
            string::buffer(sink, ctx, c.u64(12), u64::from(size), false);
        } else {
            int(sink, "value", c, 12);
            sink.field("value64");
            sink.int(c.i64(12));
        }
        sink.end_struct(false);
    })
}

/// `ENUM_FRAMESIZES`: the index and format asked for, the type and size found.
fn frame_sizes<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    e: Raw<'_>,
    x: Option<Raw<'_>>,
) {
    uint(sink, "index", e, 0);
    sink.field("pixel_format");
    fourcc(sink, e.u32(4), Some(&table::ENUM_V4L2_PIX_FMTS));
    let Some(x) = x else {
        return;
    };
    enumf(sink, "type", x, 8, &table::ENUM_V4L2_FRAMESIZE_TYPES);
    let (name, desc, len) = match x.u32(8) {
        FRMSIZE_TYPE_DISCRETE => ("discrete", &table::STRUCT_V4L2_FRMSIZE_DISCRETE, 8),
        FRMSIZE_TYPE_STEPWISE => ("stepwise", &table::STRUCT_V4L2_FRMSIZE_STEPWISE, 24),
        _ => return,
    };
    sink.field(name);
    fields::whole(sink, ctx, desc, Raw(&x.0[12..12 + len]));
}

/// `ENUM_FRAMEINTERVALS`: the index, format and size asked for, the interval found.
fn frame_intervals<S: Sink>(sink: &mut S, e: Raw<'_>, x: Option<Raw<'_>>) {
    uint(sink, "index", e, 0);
    sink.field("pixel_format");
    fourcc(sink, e.u32(4), Some(&table::ENUM_V4L2_PIX_FMTS));
    uint(sink, "width", e, 8);
    uint(sink, "height", e, 12);
    let Some(x) = x else {
        return;
    };
    enumf(sink, "type", x, 16, &table::ENUM_V4L2_FRAMEINTERVAL_TYPES);
    match x.u32(16) {
        FRMSIZE_TYPE_DISCRETE => fract(sink, "discrete", x, 20),
        // strace 6.1 takes the continuous frame size type's value for the interval's too.
        FRMSIZE_TYPE_STEPWISE | FRMSIZE_TYPE_CONTINUOUS => {
            sink.field("stepwise");
            sink.begin_struct();
            fract(sink, "min", x, 20);
            fract(sink, "max", x, 28);
            fract(sink, "step", x, 36);
            sink.end_struct(false);
        }
        _ => {}
    }
}

/// A control id: its name, else its class and the offset in it (`V4L2_CTRL_CLASS_USER+0x1`),
/// else unknown; a queried id's `NEXT` flags first. `-X raw` shows the number whole.
fn cid<S: Sink>(sink: &mut S, v: u32, next_flags: bool) {
    let flags = if next_flags { v & NEXT_FLAGS } else { 0 };
    let id = v & !flags;
    sink.open(Group::Parts(Number::Hex(u64::from(v))));
    if flags != 0 {
        sink.open(Group::Or);
        sink.flags(u64::from(flags), &table::FLAGS_V4L2_CONTROL_QUERY_FLAGS);
    }
    let ids = &table::ENUM_V4L2_CONTROL_IDS;
    let class = table::ENUM_V4L2_CONTROL_CLASSES
        .values
        .iter()
        .rev()
        .find(|(_, c)| *c <= u64::from(id));
    match class {
        Some(&(name, c)) if ids.name(u64::from(id)).is_none() && u64::from(id) - c < 0x1_0000 => {
            sink.open(Group::Symbolic(Number::Hex(u64::from(id))));
            sink.open(Group::Sum);
            sink.constant(name, Number::Hex(c));
            sink.hex(u64::from(id) - c);
            sink.close();
            sink.close();
        }
        _ => sink.enumeration(u64::from(id), ids),
    }
    if flags != 0 {
        sink.close();
    }
    sink.close();
}

/// A fourcc code: `v4l2_fourcc('J', 'P', 'G', 'L')`, with its name in a comment when `names`
/// has it; `-X raw` shows the number.
fn fourcc<S: Sink>(sink: &mut S, v: u32, names: Option<&'static EnumTable>) {
    sink.open(Group::Parts(Number::Hex(u64::from(v))));
    sink.open(Group::Call("v4l2_fourcc"));
    for c in v.to_le_bytes() {
        let mut buf = [0u8; 8];
        let n = char_literal(c, &mut buf);
        sink.word(std::str::from_utf8(&buf[..n]).unwrap_or("?"));
    }
    sink.close();
    if let Some(name) = names.and_then(|t| t.name(u64::from(v))) {
        sink.open(Group::Comment);
        sink.word(name);
        sink.close();
    }
    sink.close();
}

/// A byte as a C character literal, as strace's `print_char` writes one: `'a'`, `'\''`,
/// `'\\'`, `'\x0d'`. Returns its length in `buf`.
fn char_literal(c: u8, buf: &mut [u8; 8]) -> usize {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf[0] = b'\'';
    let mut n = 1;
    if (b' '..=b'~').contains(&c) {
        if c == b'\'' || c == b'\\' {
            buf[n] = b'\\';
            n += 1;
        }
        buf[n] = c;
        n += 1;
    } else {
        buf[n..n + 4].copy_from_slice(&[
            b'\\',
            b'x',
            HEX[usize::from(c >> 4)],
            HEX[usize::from(c & 0xf)],
        ]);
        n += 4;
    }
    buf[n] = b'\'';
    n + 1
}

/// A `struct v4l2_fract` at `off`: `30/1`.
fn fract<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    use std::io::Write;
    let mut buf = [0u8; 24];
    let mut w = &mut buf[..];
    let _ = write!(w, "{}/{}", raw.u32(off), raw.u32(off + 4));
    let left = w.len();
    let n = buf.len() - left;
    sink.field(name);
    sink.word(std::str::from_utf8(&buf[..n]).unwrap_or("?"));
}

/// `n` elements of a struct's own array, cut at `-s` of them while abbreviating (strace's
/// `print_local_array`).
fn local_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    n: u64,
    mut print: impl FnMut(&mut S, &mut Ctx<'_, M>, usize),
) {
    let limit = ctx.opts.max_elements();
    sink.begin_array();
    for i in 0..n {
        if i >= limit {
            sink.more();
            break;
        }
        print(sink, ctx, i as usize);
    }
    sink.end_array();
}

/// `n` structs of `size` bytes at `addr` in the tracee, as strace's `print_array` shows them
/// (cut at `-s` while abbreviating; `... /* addr */` where one cannot be read); whether they
/// showed to the end or the cut, which strace's callers test.
fn mem_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    n: u64,
    size: usize,
    mut print: impl FnMut(&mut S, &mut Ctx<'_, M>, Raw<'_>),
) -> bool {
    if addr == 0 {
        sink.addr(0);
        return false;
    }
    if n == 0 {
        sink.begin_array();
        sink.end_array();
        return false;
    }
    let wraps = n
        .checked_mul(size as u64)
        .and_then(|bytes| addr.checked_add(bytes))
        .is_none();
    if wraps {
        sink.addr(addr);
        return false;
    }
    let limit = ctx.opts.max_elements();
    let mut buf = [0u8; 32];
    let buf = &mut buf[..size.min(32)];
    for i in 0..n {
        let at = addr + i * size as u64;
        if ctx.mem.read(at, buf).is_err() {
            if i == 0 {
                sink.addr(addr);
                return false;
            }
            sink.more();
            sink.addr_comment(at);
            sink.end_array();
            return false;
        }
        if i == 0 {
            sink.begin_array();
        }
        if i >= limit {
            sink.more();
            break;
        }
        print(sink, ctx, Raw(buf));
    }
    sink.end_array();
    true
}

fn rect<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    name: &'static str,
    raw: Raw<'_>,
    off: usize,
) {
    sink.field(name);
    let desc = &table::STRUCT_V4L2_RECT;
    fields::whole(sink, ctx, desc, Raw(&raw.0[off..off + 16]));
}

fn cstr<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize, len: usize) {
    sink.field(name);
    sink.c_array(&raw.0[off..off + len]);
}

fn uint<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    sink.field(name);
    sink.uint(u64::from(raw.u32(off)));
}

fn int<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    sink.field(name);
    sink.int(i64::from(raw.i32(off)));
}

fn hex<S: Sink>(sink: &mut S, name: &'static str, raw: Raw<'_>, off: usize) {
    sink.field(name);
    sink.hex(u64::from(raw.u32(off)));
}

fn enumf<S: Sink>(
    sink: &mut S,
    name: &'static str,
    raw: Raw<'_>,
    off: usize,
    t: &'static EnumTable,
) {
    sink.field(name);
    sink.enumeration(u64::from(raw.u32(off)), t);
}

fn flagsf<S: Sink>(
    sink: &mut S,
    name: &'static str,
    raw: Raw<'_>,
    off: usize,
    t: &'static FlagTable,
) {
    sink.field(name);
    sink.flags(u64::from(raw.u32(off)), t);
}
