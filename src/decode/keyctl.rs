//! `keyctl(2)`: what its arguments mean depends on the command (`<linux/keyctl.h>`), so one
//! printer reads the command and shows the arguments as strace 6.1 does: those the kernel
//! reads, at entry; what it writes and their lengths, at exit; hex numbers for a command it
//! does not know. Each command's arguments are listed as data ([`entry_layout`],
//! [`exit_layout`]); only the public key operations, whose buffers' lengths come from a
//! struct the call reads, need code of their own.

use super::array::array;
use super::iov::{IovData, iovec_array};
use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Outcome, Sink, Values, string};
use crate::mem::Memory;
use crate::table;

// The commands (<linux/keyctl.h>).
const KEYCTL_GET_KEYRING_ID: u32 = 0;
const KEYCTL_JOIN_SESSION_KEYRING: u32 = 1;
const KEYCTL_UPDATE: u32 = 2;
const KEYCTL_REVOKE: u32 = 3;
const KEYCTL_CHOWN: u32 = 4;
const KEYCTL_SETPERM: u32 = 5;
const KEYCTL_DESCRIBE: u32 = 6;
const KEYCTL_CLEAR: u32 = 7;
const KEYCTL_LINK: u32 = 8;
const KEYCTL_UNLINK: u32 = 9;
const KEYCTL_SEARCH: u32 = 10;
const KEYCTL_READ: u32 = 11;
const KEYCTL_INSTANTIATE: u32 = 12;
const KEYCTL_NEGATE: u32 = 13;
const KEYCTL_SET_REQKEY_KEYRING: u32 = 14;
const KEYCTL_SET_TIMEOUT: u32 = 15;
const KEYCTL_ASSUME_AUTHORITY: u32 = 16;
const KEYCTL_GET_SECURITY: u32 = 17;
const KEYCTL_SESSION_TO_PARENT: u32 = 18;
const KEYCTL_REJECT: u32 = 19;
const KEYCTL_INSTANTIATE_IOV: u32 = 20;
const KEYCTL_INVALIDATE: u32 = 21;
const KEYCTL_GET_PERSISTENT: u32 = 22;
const KEYCTL_DH_COMPUTE: u32 = 23;
const KEYCTL_PKEY_QUERY: u32 = 24;
const KEYCTL_PKEY_ENCRYPT: u32 = 25;
const KEYCTL_PKEY_DECRYPT: u32 = 26;
const KEYCTL_PKEY_SIGN: u32 = 27;
const KEYCTL_PKEY_VERIFY: u32 = 28;
const KEYCTL_RESTRICT_KEYRING: u32 = 29;
const KEYCTL_MOVE: u32 = 30;
const KEYCTL_CAPABILITIES: u32 = 31;

/// `struct keyctl_pkey_params`: `key_id`, `in_len`, `out_len` (or `in2_len`), then seven
/// spare words.
const PKEY_PARAMS_SIZE: usize = 40;
const PKEY_PARAMS_OUT_LEN: usize = 8;
/// `struct keyctl_dh_params`: three key serials.
const DH_PARAMS_SIZE: usize = 12;
/// `struct keyctl_kdf_params`: two pointers, a length and eight spare words (56 bytes with
/// its padding).
const KDF_PARAMS_SIZE: usize = 56;
/// `struct keyctl_pkey_query`: two words, four halves and ten spare words.
const PKEY_QUERY_SIZE: usize = 56;

/// One argument as a command shows it; the numbers are registers (1 to 4: keyctl's second
/// to fifth argument).
#[derive(Clone, Copy)]
enum Arg {
    /// A key serial: `KEY_SPEC_THREAD_KEYRING` or a number.
    Key(usize),
    Int(usize),
    /// A C `unsigned int`.
    Uint(usize),
    /// A `size_t`.
    Size(usize),
    Hex(usize),
    /// A NUL-terminated string.
    Str(usize),
    /// A buffer and the register holding its length.
    Buf(usize, usize),
    Uid(usize),
    /// `KEYCTL_SETPERM`'s permissions.
    Perms(usize),
    /// `KEYCTL_MOVE`'s flags.
    MoveFlags(usize),
    /// `KEYCTL_REJECT`'s error number.
    Errno(usize),
    /// `KEYCTL_SET_REQKEY_KEYRING`'s default keyring.
    Reqkey(usize),
    /// An iovec array and the register holding its count.
    Iov(usize, usize),
    /// A `struct keyctl_dh_params`.
    DhParams(usize),
    /// At exit: the buffer and the length register of a command that writes a string the
    /// kernel ends with a NUL (which strace leaves out) or not.
    Written {
        buf: usize,
        len: usize,
        nul: bool,
    },
    /// At exit: `KEYCTL_DH_COMPUTE`'s result buffer and its length register.
    Computed(usize, usize),
    /// At exit: a `struct keyctl_kdf_params`, shown whatever the outcome.
    Kdf(usize),
    /// At exit: the `struct keyctl_pkey_query` the call filled.
    Query(usize),
    /// At exit: `KEYCTL_CAPABILITIES`'s bytes and the register holding their number.
    Caps(usize, usize),
}

impl Arg {
    /// The register it is printed from (the first, for those of several).
    fn register(self) -> usize {
        match self {
            Arg::Key(r)
            | Arg::Int(r)
            | Arg::Uint(r)
            | Arg::Size(r)
            | Arg::Hex(r)
            | Arg::Str(r)
            | Arg::Buf(r, _)
            | Arg::Uid(r)
            | Arg::Perms(r)
            | Arg::MoveFlags(r)
            | Arg::Errno(r)
            | Arg::Reqkey(r)
            | Arg::Iov(r, _)
            | Arg::DhParams(r)
            | Arg::Written { buf: r, .. }
            | Arg::Computed(r, _)
            | Arg::Kdf(r)
            | Arg::Query(r)
            | Arg::Caps(r, _) => r,
        }
    }
}

/// The command in register 0: a C `int`.
fn command(call: &Call) -> u32 {
    call.args[0] as u32
}

/// The public key operations whose result buffer's length is in the params struct.
fn writes_pkey_result(cmd: u32) -> bool {
    matches!(
        cmd,
        KEYCTL_PKEY_ENCRYPT | KEYCTL_PKEY_DECRYPT | KEYCTL_PKEY_SIGN
    )
}

/// What a command shows at entry (`None`: a public key operation, printed by
/// [`pkey_op`]).
fn entry_layout(cmd: u32) -> Option<&'static [Arg]> {
    use Arg::*;
    Some(match cmd {
        KEYCTL_GET_KEYRING_ID => &[Key(1), Int(2)],
        KEYCTL_JOIN_SESSION_KEYRING => &[Str(1)],
        KEYCTL_UPDATE => &[Key(1), Buf(2, 3), Size(3)],
        KEYCTL_REVOKE | KEYCTL_CLEAR | KEYCTL_INVALIDATE | KEYCTL_ASSUME_AUTHORITY => &[Key(1)],
        KEYCTL_DESCRIBE | KEYCTL_READ | KEYCTL_GET_SECURITY => &[Key(1)],
        KEYCTL_CHOWN => &[Key(1), Uid(2), Uid(3)],
        KEYCTL_SETPERM => &[Key(1), Perms(2)],
        KEYCTL_LINK | KEYCTL_UNLINK => &[Key(1), Key(2)],
        KEYCTL_SEARCH => &[Key(1), Str(2), Str(3), Key(4)],
        KEYCTL_INSTANTIATE => &[Key(1), Buf(2, 3), Size(3), Key(4)],
        KEYCTL_NEGATE => &[Key(1), Uint(2), Key(3)],
        KEYCTL_SET_REQKEY_KEYRING => &[Reqkey(1)],
        KEYCTL_SET_TIMEOUT => &[Key(1), Uint(2)],
        KEYCTL_SESSION_TO_PARENT | KEYCTL_CAPABILITIES => &[],
        KEYCTL_REJECT => &[Key(1), Uint(2), Errno(3), Key(4)],
        KEYCTL_INSTANTIATE_IOV => &[Key(1), Iov(2, 3), Size(3), Key(4)],
        KEYCTL_GET_PERSISTENT => &[Uid(1), Key(2)],
        KEYCTL_DH_COMPUTE => &[DhParams(1)],
        KEYCTL_PKEY_QUERY => &[Key(1), Hex(2), Str(3)],
        KEYCTL_PKEY_ENCRYPT..=KEYCTL_PKEY_VERIFY => return None,
        KEYCTL_RESTRICT_KEYRING => &[Key(1), Str(2), Str(3)],
        KEYCTL_MOVE => &[Key(1), Key(2), Key(3), MoveFlags(4)],
        _ => &[Hex(1), Hex(2), Hex(3), Hex(4)],
    })
}

/// strace 6.16's names of registers 1 to 4 by command (`-N`: `keyctl(operation=KEYCTL_READ,
/// key=..., buffer=..., buflen=...)`), where register 0 is `operation`; by number for a
/// command it does not know. The public key operations' registers are named where printed.
fn register_names(cmd: u32) -> [&'static str; 4] {
    match cmd {
        KEYCTL_GET_KEYRING_ID => ["key", "create", "arg4", "arg5"],
        KEYCTL_JOIN_SESSION_KEYRING => ["name", "arg3", "arg4", "arg5"],
        KEYCTL_UPDATE => ["key", "payload", "plen", "arg5"],
        KEYCTL_REVOKE | KEYCTL_CLEAR | KEYCTL_INVALIDATE | KEYCTL_ASSUME_AUTHORITY => {
            ["key", "arg3", "arg4", "arg5"]
        }
        KEYCTL_LINK | KEYCTL_UNLINK => ["key", "keyring", "arg4", "arg5"],
        KEYCTL_DESCRIBE | KEYCTL_READ | KEYCTL_GET_SECURITY => ["key", "buffer", "buflen", "arg5"],
        KEYCTL_SEARCH => ["keyring", "type", "description", "dest_keyring"],
        KEYCTL_CHOWN => ["key", "uid", "gid", "arg5"],
        KEYCTL_SETPERM => ["key", "perms", "arg4", "arg5"],
        KEYCTL_INSTANTIATE | KEYCTL_INSTANTIATE_IOV => ["key", "payload", "plen", "keyring"],
        KEYCTL_NEGATE => ["key", "timeout", "keyring", "arg5"],
        KEYCTL_SET_REQKEY_KEYRING => ["reqkey_defl", "arg3", "arg4", "arg5"],
        KEYCTL_SET_TIMEOUT => ["key", "timeout", "arg4", "arg5"],
        KEYCTL_REJECT => ["key", "timeout", "error", "keyring"],
        KEYCTL_GET_PERSISTENT => ["uid", "keyring", "arg4", "arg5"],
        KEYCTL_DH_COMPUTE => ["dh_params", "buffer", "buflen", "kdf_params"],
        KEYCTL_PKEY_QUERY => ["key", "reserved", "params", "info"],
        KEYCTL_RESTRICT_KEYRING => ["keyring", "type", "restriction", "arg5"],
        KEYCTL_MOVE => ["key", "from_keyring", "to_keyring", "flags"],
        KEYCTL_CAPABILITIES => ["buffer", "buflen", "arg4", "arg5"],
        _ => ["arg2", "arg3", "arg4", "arg5"],
    }
}

/// What a command shows at exit (the public key operations aside).
fn exit_layout(cmd: u32) -> &'static [Arg] {
    use Arg::*;
    match cmd {
        KEYCTL_DESCRIBE | KEYCTL_GET_SECURITY => &[
            Written {
                buf: 2,
                len: 3,
                nul: true,
            },
            Size(3),
        ],
        KEYCTL_READ => &[
            Written {
                buf: 2,
                len: 3,
                nul: false,
            },
            Size(3),
        ],
        KEYCTL_DH_COMPUTE => &[Computed(2, 3), Size(3), Kdf(4)],
        KEYCTL_PKEY_QUERY => &[Query(4)],
        KEYCTL_CAPABILITIES => &[Caps(1, 2), Size(2)],
        _ => &[],
    }
}

/// Whether the command has arguments shown at entry.
pub fn has_args(call: &Call) -> bool {
    entry_layout(command(call)).is_none_or(|layout| !layout.is_empty())
}

/// Whether the command has arguments shown at exit: a public key operation that writes a
/// result has one when its params could be read at entry ([`save`]).
pub fn has_result(call: &Call) -> bool {
    let cmd = command(call);
    if writes_pkey_result(cmd) {
        return call.saved[1].is_some();
    }
    !exit_layout(cmd).is_empty()
}

/// At entry, for a public key operation that writes a result: the output length of its
/// params struct (register 1), kept in that register's `saved` slot, if the struct can be
/// read (as strace keeps it for the exit).
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, call: &mut Call) {
    let addr = call.args[1];
    call.saved[1] = None;
    if !writes_pkey_result(command(call)) || addr == 0 || !ctx.opts.verbose {
        return;
    }
    let mut raw = [0u8; PKEY_PARAMS_SIZE];
    if ctx.mem.read(addr, &mut raw).is_ok() {
        call.saved[1] = Some(Raw(&raw).u32(PKEY_PARAMS_OUT_LEN));
    }
}

/// The arguments after the command that the kernel reads, at entry.
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    match entry_layout(command(call)) {
        Some(layout) => print_all(sink, ctx, call, layout, None),
        None => pkey_op(sink, ctx, call),
    }
}

/// The arguments shown at exit: what the call wrote, and the lengths after it.
pub fn result<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let cmd = command(call);
    if !writes_pkey_result(cmd) {
        return print_all(sink, ctx, call, exit_layout(cmd), outcome);
    }
    let op2 = call.args[4];
    sink.arg_name("out");
    match (outcome, call.saved[1]) {
        (Some(Outcome::Ok(_)), Some(out_len)) => {
            string::buffer(sink, ctx, op2, u64::from(out_len), false)
        }
        _ => sink.addr(op2),
    }
}

/// Prints `layout`, each argument after a separator but the first.
fn print_all<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    layout: &[Arg],
    outcome: Option<Outcome>,
) {
    let names = register_names(command(call));
    for (i, &arg) in layout.iter().enumerate() {
        let name = names[arg.register().clamp(1, 4) - 1];
        if i > 0 {
            super::next_arg(sink, name);
        } else {
            sink.arg_name(name);
        }
        print_arg(sink, ctx, call, arg, outcome);
    }
}

/// A key serial: `KEY_SPEC_THREAD_KEYRING`, `1234`.
fn key<S: Sink>(sink: &mut S, v: u64) {
    sink.named_int(v as i32, &table::ENUM_KEY_SPEC);
}

/// What a successful call returned, capped at `len` (the buffer's size): how much of the
/// buffer the call wrote.
fn written(outcome: Option<Outcome>, len: u64) -> Option<u64> {
    match outcome {
        Some(Outcome::Ok(n)) => Some((n.max(0) as u64).min(len)),
        _ => None,
    }
}

/// Prints one argument.
fn print_arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    arg: Arg,
    outcome: Option<Outcome>,
) {
    let r = |i: usize| call.args[i];
    match arg {
        Arg::Key(i) => key(sink, r(i)),
        Arg::Int(i) => sink.int(i64::from(r(i) as i32)),
        Arg::Uint(i) => sink.uint(u64::from(r(i) as u32)),
        Arg::Size(i) => sink.uint(r(i)),
        Arg::Hex(i) => sink.hex(r(i)),
        Arg::Str(i) => string::cstring(sink, ctx, r(i)),
        Arg::Buf(i, len) => string::buffer(sink, ctx, r(i), r(len), false),
        Arg::Uid(i) => sink.id(r(i) as u32),
        Arg::Perms(i) => sink.flags(u64::from(r(i) as u32), &table::FLAGS_KEY_PERMS),
        Arg::MoveFlags(i) => sink.flags(u64::from(r(i) as u32), &table::FLAGS_KEYCTL_MOVE_FLAGS),
        Arg::Errno(i) => sink.errno_value(u64::from(r(i) as u32)),
        Arg::Reqkey(i) => {
            let v = r(i) as i32;
            let table = &table::ENUM_KEY_REQKEY;
            sink.named_int(v, table);
            // strace comments an unknown value with the table's default (the text leaves
            // the comment out under -X raw).
            if table.name(i64::from(v) as u64).is_none() {
                sink.open(Group::NameComment);
                sink.word(table.unknown);
                sink.close();
            }
        }
        Arg::Iov(i, count) => iovec_array(sink, ctx, r(i), r(count), IovData::All),
        Arg::DhParams(i) => dh_params(sink, ctx, r(i)),
        Arg::Written { buf, len, nul } => match written(outcome, r(len)) {
            Some(n) if nul => string::buffer_omit_nul(sink, ctx, r(buf), n),
            Some(n) => string::buffer(sink, ctx, r(buf), n, false),
            None => sink.addr(r(buf)),
        },
        Arg::Computed(buf, len) => match written(outcome, r(len)) {
            Some(n) => string::buffer(sink, ctx, r(buf), n, false),
            None => sink.addr(r(buf)),
        },
        Arg::Kdf(i) => kdf_params(sink, ctx, r(i)),
        Arg::Query(i) if matches!(outcome, Some(Outcome::Ok(_))) => pkey_query(sink, ctx, r(i)),
        Arg::Query(i) => sink.addr(r(i)),
        Arg::Caps(i, len) => match written(outcome, r(len)) {
            Some(n) => caps(sink, ctx, r(i), n),
            None => sink.addr(r(i)),
        },
    }
}

/// A struct strace reads with `umove_or_printaddr`: its address, not its fields, under `-e
/// verbose=none`.
fn verbose_struct<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    size: usize,
    print: impl FnOnce(&mut S, &mut Ctx<'_, M>, Raw<'_>),
) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, size, print);
}

/// A struct's spare words, in hex, when any is set: `, __spare=[0, 0x1]`.
fn spare<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, n: usize) {
    if (0..n).all(|i| raw.u32(off + 4 * i) == 0) {
        return;
    }
    sink.field("__spare");
    sink.begin_array();
    for i in 0..n {
        sink.hex(u64::from(raw.u32(off + 4 * i)));
    }
    sink.end_array();
}

/// `struct keyctl_dh_params`: `{private=KEY_SPEC_GROUP_KEYRING, prime=1, base=2}`.
fn dh_params<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    verbose_struct(sink, ctx, addr, DH_PARAMS_SIZE, |sink, _, raw| {
        sink.begin_struct();
        for (i, name) in ["private", "prime", "base"].into_iter().enumerate() {
            sink.field(name);
            key(sink, u64::from(raw.u32(4 * i)));
        }
        sink.end_struct(false);
    });
}

/// `struct keyctl_kdf_params`: `{hashname="sha256", otherinfo="...", otherinfolen=3}`; the
/// kernel leaves `otherinfo` alone when its length is zero, so strace shows its address then.
/// Read with a plain read, as strace does: shown whatever the outcome.
fn kdf_params<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, KDF_PARAMS_SIZE, |sink, ctx, raw| {
        let (otherinfo, len) = (raw.u64(8), raw.u32(16));
        sink.begin_struct();
        sink.field("hashname");
        string::cstring(sink, ctx, raw.u64(0));
        sink.field("otherinfo");
        if len != 0 {
            string::buffer(sink, ctx, otherinfo, u64::from(len), false);
        } else {
            sink.addr(otherinfo);
        }
        sink.field("otherinfolen");
        sink.uint(u64::from(len));
        spare(sink, raw, 20, 8);
        sink.end_struct(false);
    });
}

/// `struct keyctl_pkey_query`: `{supported_ops=KEYCTL_SUPPORTS_ENCRYPT, key_size=2048, ...}`.
fn pkey_query<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    verbose_struct(sink, ctx, addr, PKEY_QUERY_SIZE, |sink, _, raw| {
        sink.begin_struct();
        sink.field("supported_ops");
        sink.flags(u64::from(raw.u32(0)), &table::FLAGS_KEYCTL_PKEY_OPS);
        sink.field("key_size");
        sink.uint(u64::from(raw.u32(4)));
        let halves = [
            "max_data_size",
            "max_sig_size",
            "max_enc_size",
            "max_dec_size",
        ];
        for (i, name) in halves.into_iter().enumerate() {
            sink.field(name);
            sink.uint(u64::from(raw.u16(8 + 2 * i)));
        }
        spare(sink, raw, 16, 10);
        sink.end_struct(false);
    });
}

/// `KEYCTL_CAPABILITIES`'s `n` bytes: the first two as their flags, the others in hex.
fn caps<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    let mut i = 0;
    array(sink, ctx, addr, n, 1, |sink, _, raw| {
        let v = u64::from(raw.0.first().copied().unwrap_or(0));
        match i {
            0 => sink.flags(v, &table::FLAGS_KEYCTL_CAPS0),
            1 => sink.flags(v, &table::FLAGS_KEYCTL_CAPS1),
            _ => sink.hex(v),
        }
        i += 1;
    });
}

/// A public key operation's arguments at entry: its `struct keyctl_pkey_params`, the info
/// string, and the input buffers as long as the params say (their addresses when the params
/// cannot be read). The output buffer of encrypt, decrypt and sign is shown at exit.
fn pkey_op<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let [_, params, info, op1, op2, _] = call.args;
    let out = writes_pkey_result(command(call));
    sink.arg_name("params");
    let mut lens = None;
    verbose_struct(sink, ctx, params, PKEY_PARAMS_SIZE, |sink, _, raw| {
        let (in_len, second) = (raw.u32(4), raw.u32(8));
        lens = Some((in_len, second));
        sink.begin_struct();
        sink.field("key_id");
        key(sink, u64::from(raw.u32(0)));
        sink.field("in_len");
        sink.uint(u64::from(in_len));
        sink.field(if out { "out_len" } else { "in2_len" });
        sink.uint(u64::from(second));
        spare(sink, raw, 12, 7);
        sink.end_struct(false);
    });
    super::next_arg(sink, "info");
    string::cstring(sink, ctx, info);
    super::next_arg(sink, "in");
    match lens {
        Some((in_len, _)) => string::buffer(sink, ctx, op1, u64::from(in_len), false),
        None => sink.addr(op1),
    }
    match lens {
        Some(_) if out => {}
        Some((_, in2_len)) => {
            super::next_arg(sink, "in2");
            string::buffer(sink, ctx, op2, u64::from(in2_len), false);
        }
        None => {
            super::next_arg(sink, "in2");
            sink.addr(op2);
        }
    }
}
