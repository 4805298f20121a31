//! `quotactl(2)` and `quotactl_fd(2)`: the command, `QCMD(cmd, type)`, decides what the id
//! (register 2) and the address (register 3) are, as strace 6.1's quota.c shows them. Each
//! command's shape is listed once ([`shape`]); the structs are layouts of the spec
//! (`[structs.if_dqblk]`, `[structs.fs_disk_quota]`, ...) printed by `decode::fields`.

use super::fields::{self, Shown};
use super::structs::read_struct;
use super::{Ctx, Group, Number, Sink, Values, string};
use crate::mem::Memory;
use crate::table::{self, EnumTable, FlagTable, StructDesc};

// The commands, `QCMD(cmd, type) >> 8` (<linux/quota.h>, <linux/dqblk_xfs.h>).
const Q_SYNC: u32 = 0x80_0001;
const Q_QUOTAON: u32 = 0x80_0002;
const Q_QUOTAOFF: u32 = 0x80_0003;
const Q_GETFMT: u32 = 0x80_0004;
const Q_GETINFO: u32 = 0x80_0005;
const Q_SETINFO: u32 = 0x80_0006;
const Q_GETQUOTA: u32 = 0x80_0007;
const Q_SETQUOTA: u32 = 0x80_0008;
const Q_GETNEXTQUOTA: u32 = 0x80_0009;
const Q_XQUOTAON: u32 = 0x5801;
const Q_XQUOTAOFF: u32 = 0x5802;
const Q_XGETQUOTA: u32 = 0x5803;
const Q_XSETQLIM: u32 = 0x5804;
const Q_XGETQSTAT: u32 = 0x5805;
const Q_XQUOTARM: u32 = 0x5806;
const Q_XQUOTASYNC: u32 = 0x5807;
const Q_XGETQSTATV: u32 = 0x5808;
const Q_XGETNEXTQUOTA: u32 = 0x5809;

/// `QCMD(cmd, type)`: the command above bit 8, the quota type below.
const SUBCMDSHIFT: u32 = 8;
const SUBCMDMASK: u32 = 0xff;

/// What the address points to.
#[derive(Clone, Copy)]
enum Data {
    /// A struct of the spec.
    Struct(&'static StructDesc),
    /// `struct if_nextdqblk`, whose abbreviated form strace orders its own way.
    NextDqblk,
    /// A `u32` in brackets, named by a table: `[QFMT_VFS_V1]`.
    Format,
    /// A `u32` of flags in brackets: `[FS_QUOTA_UDQ_ACCT]`.
    Flags(&'static FlagTable),
}

/// A command's arguments after the special file (or descriptor).
#[derive(Clone, Copy)]
enum Shape {
    /// None (`Q_SYNC`, `Q_QUOTAOFF`, `Q_XQUOTASYNC`).
    Nothing,
    /// `Q_QUOTAON`: the format (the id) and the quota file's path.
    On,
    /// The id, then what the address points to, read at entry.
    IdIn(Data),
    /// The id at entry, what the call wrote at exit.
    IdOut(Data),
    /// What the address points to, read at entry.
    In(Data),
    /// What the call wrote there, at exit.
    Out(Data),
    /// A command strace does not know: the id and the address.
    Unknown,
}

/// The command a `QCMD` value holds.
fn command(qcmd: u64) -> u32 {
    (qcmd as u32) >> SUBCMDSHIFT
}

/// A command's shape.
fn shape(cmd: u32) -> Shape {
    use Data::*;
    use Shape::*;
    let dqblk = Struct(&table::STRUCT_IF_DQBLK);
    let dqinfo = Struct(&table::STRUCT_IF_DQINFO);
    let disk = Struct(&table::STRUCT_FS_DISK_QUOTA);
    match cmd {
        Q_SYNC | Q_QUOTAOFF | Q_XQUOTASYNC => Nothing,
        Q_QUOTAON => On,
        Q_GETQUOTA => IdOut(dqblk),
        Q_SETQUOTA => IdIn(dqblk),
        Q_GETNEXTQUOTA => IdOut(NextDqblk),
        Q_XGETQUOTA | Q_XGETNEXTQUOTA => IdOut(disk),
        Q_XSETQLIM => IdIn(disk),
        Q_GETFMT => Out(Format),
        Q_GETINFO => Out(dqinfo),
        Q_SETINFO => In(dqinfo),
        Q_XGETQSTAT => Out(Struct(&table::STRUCT_FS_QUOTA_STAT)),
        Q_XGETQSTATV => Out(Struct(&table::STRUCT_FS_QUOTA_STATV)),
        Q_XQUOTAON | Q_XQUOTAOFF => In(Flags(&table::FLAGS_XFS_QUOTA_FLAGS)),
        Q_XQUOTARM => In(Flags(&table::FLAGS_XFS_DQBLK_FLAGS)),
        _ => Unknown,
    }
}

/// `QCMD(Q_GETQUOTA, USRQUOTA)`, the names inside always abbreviated; the number under `-X
/// raw`, both under `-X verbose` (strace's `print_qcmd`).
pub fn qcmd<S: Sink>(sink: &mut S, v: u64) {
    let qcmd = v as u32;
    sink.open(Group::Symbolic(Number::Uint(u64::from(qcmd))));
    sink.open(Group::Call("QCMD"));
    abbreviated(sink, qcmd >> SUBCMDSHIFT, &table::ENUM_QUOTACTL_CMD);
    abbreviated(sink, qcmd & SUBCMDMASK, &table::ENUM_QUOTA_TYPE);
    sink.close();
    sink.close();
}

/// A value named by `t` as the default `-X` shows it, whatever `-X` says: an unknown one
/// keeps its comment under `-X verbose` too (strace's `printxvals_ex(..., XLAT_STYLE_ABBREV)`).
fn abbreviated<S: Sink>(sink: &mut S, v: u32, t: &'static EnumTable) {
    let v = u64::from(v);
    if t.name(v).is_some() {
        return sink.enumeration(v, t);
    }
    sink.hex(v);
    sink.open(Group::Comment);
    sink.word(t.unknown);
    sink.close();
}

/// Whether the command `qcmd` shows arguments at entry.
pub fn has_args(qcmd: u64) -> bool {
    !matches!(shape(command(qcmd)), Shape::Nothing | Shape::Out(_))
}

/// Whether the command `qcmd` shows what the call wrote, at exit.
pub fn has_result(qcmd: u64) -> bool {
    matches!(shape(command(qcmd)), Shape::IdOut(_) | Shape::Out(_))
}

/// The arguments `qcmd` shows at entry of `id` and `addr`.
pub fn args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, qcmd: u64, id: u64, addr: u64) {
    let id = id as u32;
    match shape(command(qcmd)) {
        Shape::On => {
            sink.enumeration(u64::from(id), &table::ENUM_QUOTA_FORMAT);
            super::next_arg(sink, "addr");
            string::path(sink, ctx, addr);
        }
        Shape::IdIn(data) => {
            sink.id(id);
            super::next_arg(sink, "addr");
            pointed(sink, ctx, data, addr);
        }
        Shape::IdOut(_) => sink.id(id),
        Shape::In(data) => {
            // No id: the address is the first shown.
            sink.arg_name("addr");
            pointed(sink, ctx, data, addr)
        }
        Shape::Unknown => {
            sink.id(id);
            super::next_arg(sink, "addr");
            sink.addr(addr);
        }
        Shape::Nothing | Shape::Out(_) => {}
    }
}

/// What the call wrote at `addr`, at exit (a failed call's address is the caller's).
pub fn result<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, qcmd: u64, addr: u64) {
    match shape(command(qcmd)) {
        Shape::IdOut(data) | Shape::Out(data) => pointed(sink, ctx, data, addr),
        _ => sink.addr(addr),
    }
}

/// What `addr` points to, read whole; its address when it cannot be read or under `-e
/// verbose=none` (strace's `umove_or_printaddr`).
fn pointed<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, data: Data, addr: u64) {
    match data {
        Data::Struct(desc) => fields::at(sink, ctx, desc, addr),
        Data::NextDqblk => next_dqblk(sink, ctx, addr),
        Data::Format => word(sink, ctx, addr, |sink, v| {
            sink.enumeration(v, &table::ENUM_QUOTA_FORMAT)
        }),
        Data::Flags(t) => word(sink, ctx, addr, |sink, v| sink.flags(v, t)),
    }
}

/// A `u32` at `addr` in brackets, as `show` names it.
fn word<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    show: impl FnOnce(&mut S, u64),
) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        show(sink, u64::from(raw.u32(0)));
        sink.end_array();
    });
}

/// `struct if_nextdqblk`: by default the six limits and usages, then the id and `...`
/// (the order strace 6.1 shows it in); under `-v` every member in order.
fn next_dqblk<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let desc: &'static StructDesc = &table::STRUCT_IF_NEXTDQBLK;
    if !ctx.opts.abbreviate {
        return fields::at(sink, ctx, desc, addr);
    }
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    use table::members::if_nextdqblk as m;
    read_struct(sink, ctx, addr, usize::from(desc.size), |sink, ctx, raw| {
        sink.begin_struct();
        let hidden = (1 << m::DQB_BTIME) | (1 << m::DQB_ITIME) | (1 << m::DQB_VALID);
        let shown = Shown {
            len: usize::from(desc.size),
            hidden,
        };
        fields::members(sink, ctx, desc, raw, shown);
        sink.more();
        sink.end_struct(false);
    });
}
