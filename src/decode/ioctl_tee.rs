//! The TEE requests that are more than a layout (`<linux/tee.h>`, strace's tee.c):
//! `TEE_IOC_VERSION`, whose implementation caps are named by the implementation;
//! `TEE_IOC_SHM_REGISTER_FD`, a driver's request no uapi header names; and the four requests
//! whose argument is a buffer (`struct tee_ioctl_buf_data`) holding a struct and the params
//! its `num_params` counts: OPEN_SESSION, INVOKE, SUPPL_RECV and SUPPL_SEND. The others are
//! `[ioctl_args]` layouts.
//!
//! strace shows a buffer request's struct at entry and, after a success, ` => ` what the
//! kernel wrote, inside the same braces. A struct split across entry and exit is no sink group
//! (each half has a sink of its own), so the whole argument is shown at exit, the entry's part
//! read then: a failed call (the kernel writes nothing) reads the same; a successful one shows
//! the params the kernel may have updated in the entry's part too.

use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Outcome, Sink, Values, array, fd};
use crate::mem::Memory;
use crate::table;

/// The requests printed here (`_IOR`/`_IOWR(0xa4, nr, type)`).
pub const VERSION: u32 = 0x800c_a400;
pub const OPEN_SESSION: u32 = 0x8010_a402;
pub const INVOKE: u32 = 0x8010_a403;
pub const SUPPL_RECV: u32 = 0x8010_a406;
pub const SUPPL_SEND: u32 = 0x8010_a407;
pub const SHM_REGISTER_FD: u32 = 0xc020_a408;
/// `TEE_MAX_ARG_SIZE`: a longer buffer shows as its address.
const MAX_ARG_SIZE: u64 = 1024;
/// `sizeof(struct tee_ioctl_param)`: `__u64 attr, a, b, c`.
const PARAM_SIZE: usize = 32;
const IMPL_ID_OPTEE: u32 = 1;
const ATTR_META: u64 = 0x100;
const LOGIN_GROUP: u32 = 2;
const LOGIN_GROUP_APPLICATION: u32 = 6;

/// Whether `request` is one of this module's.
pub fn decodes(request: u32) -> bool {
    matches!(
        request,
        VERSION | OPEN_SESSION | INVOKE | SUPPL_RECV | SUPPL_SEND | SHM_REGISTER_FD
    )
}

/// A request's argument at entry (`outcome` is `None`) and at exit; `saved` is whether
/// SHM_REGISTER_FD's entry showed its struct.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    saved: Option<u32>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    match (request, outcome) {
        (VERSION, Some(Outcome::Err(_))) => sink.addr(addr),
        (VERSION, Some(Outcome::Ok(_))) => read_struct(sink, ctx, addr, 12, version),
        (SHM_REGISTER_FD, None) => read_struct(sink, ctx, addr, 32, register_fd_in),
        (SHM_REGISTER_FD, Some(Outcome::Ok(_))) if saved == Some(1) => {
            sink.updated();
            read_struct(sink, ctx, addr, 32, register_fd_out);
        }
        (OPEN_SESSION | INVOKE | SUPPL_RECV | SUPPL_SEND, Some(outcome)) => {
            buf_request(sink, ctx, request, addr, outcome)
        }
        _ => {}
    }
}

/// SHM_REGISTER_FD's struct, the TEE driver's own (in no uapi header, so no `[structs]`
/// layout the C compiler could check): `__s64 fd; __u64 size; __u32 flags; __u8 _pad1[4];
/// __s32 id; __u8 _pad2[4]`. At entry the descriptor and flags.
fn register_fd_in<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("fd");
    fd(sink, ctx, raw.u64(0) as i32);
    sink.field("flags");
    sink.flags(u64::from(raw.u32(16)), &table::FLAGS_TEE_IOCTL_SHM_FLAGS);
    sink.end_struct(false);
}

/// At a successful exit, what the kernel wrote: the size and the id.
fn register_fd_out<S: Sink, M: Memory>(sink: &mut S, _: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("size");
    sink.hex(raw.u64(8));
    sink.field("id");
    sink.int(i64::from(raw.i32(24)));
    sink.end_struct(false);
}

/// `struct tee_ioctl_version_data`: `__u32 impl_id, impl_caps, gen_caps`.
fn version<S: Sink, M: Memory>(sink: &mut S, _: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let impl_id = raw.u32(0);
    sink.begin_struct();
    sink.field("impl_id");
    sink.enumeration(u64::from(impl_id), &table::ENUM_TEE_IOCTL_IMPL_IDS);
    sink.field("gen_caps");
    sink.flags(u64::from(raw.u32(8)), &table::FLAGS_TEE_IOCTL_GEN_CAPS);
    sink.field("impl_caps");
    let caps = u64::from(raw.u32(4));
    match impl_id {
        IMPL_ID_OPTEE => sink.flags(caps, &table::FLAGS_TEE_IOCTL_OPTEE_CAPS),
        _ => sink.hex(caps),
    }
    sink.end_struct(false);
}

/// The size of a buffer request's struct, before its params.
fn arg_size(request: u32) -> usize {
    match request {
        OPEN_SESSION => 56,
        INVOKE => 24,
        _ => 8,
    }
}

/// Where `num_params` lies in a buffer request's struct.
fn num_params_at(request: u32) -> usize {
    match request {
        OPEN_SESSION => 52,
        INVOKE => 20,
        _ => 4,
    }
}

/// A buffer request's struct, read from the buffer `struct tee_ioctl_buf_data` (`__u64
/// buf_ptr, buf_len`) points to, if it can be shown: its bytes and where its params start
/// (`0` for none). `entering` also wants the buffer to hold exactly the params counted (the
/// kernel refuses others; at exit it may have changed the count).
fn fetch<M: Memory>(
    ctx: &Ctx<'_, M>,
    request: u32,
    buf: Raw<'_>,
    entering: bool,
    out: &mut [u8; 56],
) -> Option<u64> {
    let (ptr, len) = (buf.u64(0), buf.u64(8));
    let size = arg_size(request);
    if len > MAX_ARG_SIZE || len < size as u64 || ctx.mem.read(ptr, &mut out[..size]).is_err() {
        return None;
    }
    let n = u64::from(Raw(&out[..]).u32(num_params_at(request)));
    if entering && size as u64 + n * PARAM_SIZE as u64 != len {
        return None;
    }
    Some(if n == 0 { 0 } else { ptr + size as u64 })
}

/// `{buf_len=N, buf_ptr={...}}`, and after a success ` => {...}` inside the outer braces.
fn buf_request<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    addr: u64,
    outcome: Outcome,
) {
    read_struct(sink, ctx, addr, 16, |sink, ctx, buf| {
        let mut st = [0u8; 56];
        let Some(params) = fetch(ctx, request, buf, true, &mut st) else {
            return buf_data(sink, buf);
        };
        sink.begin_struct();
        sink.field("buf_len");
        sink.uint(buf.u64(8));
        sink.field("buf_ptr");
        entry_view(sink, ctx, request, Raw(&st), params);
        if let Outcome::Ok(_) = outcome {
            sink.updated();
            match fetch(ctx, request, buf, false, &mut st) {
                Some(params) => exit_view(sink, ctx, request, Raw(&st), params),
                None => buf_data(sink, buf),
            }
        }
        sink.end_struct(false);
    });
}

/// The buffer itself: `{buf_len=N, buf_ptr=0x...}`.
fn buf_data<S: Sink>(sink: &mut S, buf: Raw<'_>) {
    sink.begin_struct();
    sink.field("buf_len");
    sink.uint(buf.u64(8));
    sink.field("buf_ptr");
    sink.addr(buf.u64(0));
    sink.end_struct(false);
}

/// What the caller gave: the struct's members, then its params.
fn entry_view<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    st: Raw<'_>,
    params: u64,
) {
    sink.begin_struct();
    match request {
        OPEN_SESSION => {
            sink.field("uuid");
            uuid(sink, st.array::<16>(0));
            let login = st.u32(32);
            sink.field("clnt_login");
            sink.enumeration(u64::from(login), &table::ENUM_TEE_IOCTL_LOGIN_TYPES);
            match login {
                LOGIN_GROUP | LOGIN_GROUP_APPLICATION => {
                    sink.field("clnt_uuid");
                    sink.id(st.u32(16));
                }
                0 | 1 | 4 | 5 => {}
                _ => {
                    sink.field("clnt_uuid");
                    sink.begin_array();
                    st.0[16..32].iter().for_each(|&b| sink.hex(u64::from(b)));
                    sink.end_array();
                }
            }
            uint(sink, "cancel_id", st.u32(36));
        }
        INVOKE => {
            uint(sink, "func", st.u32(0));
            sink.field("session");
            sink.hex(u64::from(st.u32(4)));
            uint(sink, "cancel_id", st.u32(8));
        }
        SUPPL_RECV => uint(sink, "func", st.u32(0)),
        _ => {}
    }
    uint(sink, "num_params", st.u32(num_params_at(request)));
    param_array(sink, ctx, request, st, params);
    sink.end_struct(false);
}

/// What the kernel wrote: the results, then the params.
fn exit_view<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    st: Raw<'_>,
    params: u64,
) {
    sink.begin_struct();
    let ret_at = match request {
        OPEN_SESSION => {
            sink.field("session");
            sink.hex(u64::from(st.u32(40)));
            Some(44)
        }
        INVOKE => Some(12),
        SUPPL_RECV => {
            uint(sink, "num_params", st.u32(4));
            None
        }
        _ => Some(0),
    };
    if let Some(at) = ret_at {
        uint(sink, "ret", st.u32(at));
        if request != SUPPL_SEND {
            sink.field("ret_origin");
            let origin = u64::from(st.u32(at + 4));
            sink.enumeration(origin, &table::ENUM_TEE_IOCTL_ORIGINS);
        }
    }
    param_array(sink, ctx, request, st, params);
    sink.end_struct(false);
}

fn uint<S: Sink>(sink: &mut S, name: &'static str, v: u32) {
    sink.field(name);
    sink.uint(u64::from(v));
}

/// `params=[...]`, as many as `num_params` says.
fn param_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    st: Raw<'_>,
    params: u64,
) {
    let n = u64::from(st.u32(num_params_at(request)));
    sink.field("params");
    array::array(sink, ctx, params, n, PARAM_SIZE, |sink, _, raw| {
        param(sink, raw)
    });
}

/// One `struct tee_ioctl_param`: its type (and META), then its values as the type reads them.
fn param<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let attr = raw.u64(0);
    sink.begin_struct();
    sink.field("attr");
    let types = &table::ENUM_TEE_IOCTL_PARAM_ATTR_TYPES;
    if attr & ATTR_META != 0 {
        sink.open(Group::Or);
        sink.enumeration(attr & !ATTR_META, types);
        sink.word("TEE_IOCTL_PARAM_ATTR_META");
        sink.close();
    } else {
        sink.enumeration(attr, types);
    }
    let (a, b, c) = (raw.u64(8), raw.u64(16), raw.u64(24));
    match attr {
        0 => {}
        5..=7 => {
            sink.field("shm_offs");
            sink.hex(a);
            sink.field("size");
            sink.hex(b);
            sink.field("shm_id");
            sink.uint(c);
        }
        _ => {
            for (name, v) in [("a", a), ("b", b), ("c", c)] {
                sink.field(name);
                sink.hex(v);
            }
        }
    }
    sink.end_struct(false);
}

/// A UUID's 16 bytes as strace prints them, in memory order: `deadbeef-cafe-c0de-...`.
fn uuid<S: Sink>(sink: &mut S, b: [u8; 16]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 36];
    let mut at = 0;
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out[at] = b'-';
            at += 1;
        }
        out[at] = HEX[usize::from(byte >> 4)];
        out[at + 1] = HEX[usize::from(byte & 0xf)];
        at += 2;
    }
    sink.word(std::str::from_utf8(&out).unwrap_or_default());
}

/// At entry: whether SHM_REGISTER_FD's struct shows (its exit adds to it only then), by a
/// byte of each page it spans, so the entry's own read is the only one that reports a short
/// read, as strace reports it.
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, request: u32, addr: u64) -> Option<u32> {
    if request != SHM_REGISTER_FD {
        return None;
    }
    let shown = addr != 0 && ctx.opts.verbose && super::ioctl::readable(ctx.mem, addr, 32);
    Some(u32::from(shown))
}
