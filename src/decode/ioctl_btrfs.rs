//! btrfs's `ioctl` arguments that are more than one layout (strace's btrfs.c): a struct
//! printed differently at exit than at entry, a flags word or a label behind a pointer with
//! no brackets, and a struct pointing to another with an array counted by one of its members.
//! The layouts themselves are `syscalls.toml`'s (`[structs.btrfs_*]`); the plain requests are
//! `[ioctl_args]` entries.

use super::array::array;
use super::fields::{self, Shown};
use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Number, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, StructDesc};

// Requests (<linux/btrfs.h>, <linux/fs.h>).
const BTRFS_IOC_SNAP_CREATE_V2: u32 = 0x5000_9417;
const BTRFS_IOC_SUBVOL_CREATE_V2: u32 = 0x5000_9418;
const BTRFS_IOC_SUBVOL_GETFLAGS: u32 = 0x8008_9419;
const BTRFS_IOC_SUBVOL_SETFLAGS: u32 = 0x4008_941a;
const BTRFS_IOC_BALANCE_V2: u32 = 0xc400_9420;
const BTRFS_IOC_SEND: u32 = 0x4048_9426;
const BTRFS_IOC_SPACE_INFO: u32 = 0xc010_9414;
const BTRFS_IOC_GET_DEV_STATS: u32 = 0xc408_9434;
const FS_IOC_GETFSLABEL: u32 = 0x8100_9431;
const FS_IOC_SETFSLABEL: u32 = 0x4100_9432;

/// `FSLABEL_MAX` (<linux/fs.h>): a label's buffer.
const FSLABEL_MAX: usize = 256;
/// `BTRFS_SUBVOL_QGROUP_INHERIT`: `vol_args_v2` points to a `btrfs_qgroup_inherit`.
const BTRFS_SUBVOL_QGROUP_INHERIT: u64 = 1 << 2;
/// `struct btrfs_ioctl_vol_args_v2`: its size, and where `flags` and `qgroup_inherit` lie.
const VOL_ARGS_V2_SIZE: usize = 4096;
const VOL_ARGS_V2_FLAGS: usize = 16;
const VOL_ARGS_V2_QGROUP_INHERIT: usize = 32;
/// `struct btrfs_qgroup_inherit`: where `num_qgroups` lies (its size is where the `qgroups`
/// array of `__u64` begins).
const QGROUP_INHERIT_NUM: usize = 8;
/// `struct btrfs_ioctl_get_dev_stats`: where `nr_items` and `values` lie, and how many values
/// it holds (`BTRFS_DEV_STAT_VALUES_MAX`).
const DEV_STATS_NR_ITEMS: usize = 8;
const DEV_STATS_VALUES: usize = 24;
const DEV_STAT_VALUES_MAX: u64 = 5;
/// `struct btrfs_ioctl_space_args`: where `space_slots` and `total_spaces` lie; its size is
/// where the `spaces` array begins.
const SPACE_ARGS_SLOTS: usize = 0;
const SPACE_ARGS_TOTAL: usize = 8;
/// `struct btrfs_ioctl_send_args`: where `clone_sources_count` and `clone_sources` lie.
const SEND_CLONE_SOURCES_COUNT: usize = 8;
const SEND_CLONE_SOURCES: usize = 16;

/// Whether the request is one of this module's; if so, its argument is printed (at entry
/// when `outcome` is `None`, else at exit).
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) -> bool {
    let v = call.args[i];
    let ok = matches!(outcome, Some(Outcome::Ok(_)));
    // What the kernel wrote shows only when the entry could read the argument
    // (`ioctl::save` noted it).
    let updates = ok && call.saved[i].is_some();
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    match call.args[1] as u32 {
        // Written by the kernel: shown at exit, the address when the call failed.
        BTRFS_IOC_SUBVOL_GETFLAGS | FS_IOC_GETFSLABEL if failed => sink.addr(v),
        BTRFS_IOC_SUBVOL_GETFLAGS if ok => subvol_flags(sink, ctx, v),
        FS_IOC_GETFSLABEL if ok => label(sink, ctx, v),
        // Given by the caller: shown at entry.
        BTRFS_IOC_SUBVOL_SETFLAGS if outcome.is_none() => subvol_flags(sink, ctx, v),
        FS_IOC_SETFSLABEL if outcome.is_none() => label(sink, ctx, v),
        BTRFS_IOC_SEND if outcome.is_none() => {
            let size = usize::from(table::STRUCT_BTRFS_IOCTL_SEND_ARGS_HEAD.size);
            read_struct(sink, ctx, v, size, send_args)
        }
        // Read and written: the caller's struct at entry, what the kernel wrote after ` => `.
        BTRFS_IOC_BALANCE_V2 if outcome.is_none() => {
            fields::at(sink, ctx, &table::STRUCT_BTRFS_IOCTL_BALANCE_ARGS_IN, v)
        }
        // strace shows it again at exit whatever its entry could read (`NULL => NULL`).
        BTRFS_IOC_BALANCE_V2 if ok => {
            updated(sink, ctx, &table::STRUCT_BTRFS_IOCTL_BALANCE_ARGS, v)
        }
        BTRFS_IOC_SNAP_CREATE_V2 | BTRFS_IOC_SUBVOL_CREATE_V2 if outcome.is_none() => {
            read_struct(sink, ctx, v, VOL_ARGS_V2_SIZE, vol_args_v2)
        }
        BTRFS_IOC_SNAP_CREATE_V2 | BTRFS_IOC_SUBVOL_CREATE_V2 if updates => {
            updated(sink, ctx, &table::STRUCT_BTRFS_IOCTL_VOL_ARGS_V2_OUT, v)
        }
        // `[ioctl_args]` entries (`inout`) whose exit counts an array.
        BTRFS_IOC_GET_DEV_STATS if updates => {
            sink.updated();
            let size = usize::from(table::STRUCT_BTRFS_IOCTL_GET_DEV_STATS_OUT.size);
            read_struct(sink, ctx, v, size, dev_stats);
        }
        BTRFS_IOC_SPACE_INFO if updates => {
            sink.updated();
            let size = usize::from(table::STRUCT_BTRFS_IOCTL_SPACE_ARGS_OUT.size);
            read_struct(sink, ctx, v, size, |sink, ctx, raw| {
                space_args(sink, ctx, v, raw)
            });
        }
        // Nothing more at the other end of the call.
        BTRFS_IOC_SUBVOL_GETFLAGS
        | FS_IOC_GETFSLABEL
        | BTRFS_IOC_SUBVOL_SETFLAGS
        | FS_IOC_SETFSLABEL
        | BTRFS_IOC_SEND
        | BTRFS_IOC_BALANCE_V2
        | BTRFS_IOC_SNAP_CREATE_V2
        | BTRFS_IOC_SUBVOL_CREATE_V2 => {}
        _ => return false,
    }
    true
}

/// The size of the argument of this module's requests that show what the kernel wrote after
/// ` => `, which the entry must have read.
pub fn inout_size(request: u32) -> Option<usize> {
    match request {
        BTRFS_IOC_SNAP_CREATE_V2 | BTRFS_IOC_SUBVOL_CREATE_V2 => Some(VOL_ARGS_V2_SIZE),
        _ => None,
    }
}

/// `struct btrfs_ioctl_get_dev_stats` at exit: the count and flags, then the values, each
/// indexed by its name; past the struct's `BTRFS_DEV_STAT_VALUES_MAX`, `...`.
fn dev_stats<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let desc = &table::STRUCT_BTRFS_IOCTL_GET_DEV_STATS_OUT;
    sink.begin_struct();
    fields::members(sink, ctx, desc, raw, Shown::all(raw.0.len()));
    sink.implicit_field("values");
    sink.begin_array();
    for i in 0..raw.u64(DEV_STATS_NR_ITEMS) {
        if i >= DEV_STAT_VALUES_MAX {
            sink.more();
            break;
        }
        sink.open(Group::Index);
        match table::ENUM_BTRFS_DEV_STATS_VALUES.name(i) {
            Some(name) => sink.constant(name, Number::Uint(i)),
            None => sink.uint(i),
        }
        sink.uint(raw.u64(DEV_STATS_VALUES + 8 * i as usize));
        sink.close();
    }
    sink.end_array();
    sink.end_struct(false);
}

/// `struct btrfs_ioctl_space_args` at exit: the total, then (unless the caller asked for the
/// count only, or `-v` is off: `...`) the `total_spaces` spaces after the struct.
fn space_args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, raw: Raw<'_>) {
    let desc = &table::STRUCT_BTRFS_IOCTL_SPACE_ARGS_OUT;
    let total = raw.u64(SPACE_ARGS_TOTAL);
    sink.begin_struct();
    fields::members(sink, ctx, desc, raw, Shown::all(raw.0.len()));
    if raw.u64(SPACE_ARGS_SLOTS) == 0 && total != 0 {
        return sink.end_struct(false);
    }
    if ctx.opts.abbreviate {
        return sink.end_struct(true);
    }
    sink.field("spaces");
    let info = &table::STRUCT_BTRFS_IOCTL_SPACE_INFO;
    let start = addr.wrapping_add(u64::from(desc.size));
    array(
        sink,
        ctx,
        start,
        total,
        usize::from(info.size),
        |sink, ctx, raw| fields::whole(sink, ctx, info, raw),
    );
    sink.end_struct(false);
}

/// A filesystem's label: the whole buffer of `FSLABEL_MAX` bytes is read (its address when
/// it cannot be, or under `-e verbose=none`) and shown up to its NUL, whatever `-s` says, as
/// strace's `print_quoted_cstring` shows a char array.
fn label<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, FSLABEL_MAX, |sink, _, raw| {
        sink.c_array(raw.0)
    });
}

/// At a successful exit, what the kernel wrote: ` => {...}`.
fn updated<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &'static StructDesc,
    addr: u64,
) {
    sink.updated();
    fields::at(sink, ctx, desc, addr);
}

/// A subvolume's flags behind a pointer, with no brackets (strace's `printflags64` after
/// `umove_or_printaddr`).
fn subvol_flags<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 8, |sink, _, raw| {
        sink.flags(raw.u64(0), &table::FLAGS_BTRFS_SNAP_FLAGS_V2)
    });
}

/// `struct btrfs_ioctl_vol_args_v2` at entry: the descriptor and flags, the size and the
/// `btrfs_qgroup_inherit` it points to when `BTRFS_SUBVOL_QGROUP_INHERIT` says so, the name.
fn vol_args_v2<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let shown = Shown::all(raw.0.len());
    sink.begin_struct();
    fields::members(
        sink,
        ctx,
        &table::STRUCT_BTRFS_IOCTL_VOL_ARGS_V2_HEAD,
        raw,
        shown,
    );
    if raw.u64(VOL_ARGS_V2_FLAGS) & BTRFS_SUBVOL_QGROUP_INHERIT != 0 {
        sink.field("qgroup_inherit");
        qgroup_inherit(sink, ctx, raw.u64(VOL_ARGS_V2_QGROUP_INHERIT));
    }
    fields::members(
        sink,
        ctx,
        &table::STRUCT_BTRFS_IOCTL_VOL_ARGS_V2_NAME,
        raw,
        shown,
    );
    sink.end_struct(false);
}

/// `struct btrfs_qgroup_inherit`: its members, then its `qgroups` (`num_qgroups` of them;
/// `...` unless `-v`).
fn qgroup_inherit<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let desc = &table::STRUCT_BTRFS_QGROUP_INHERIT;
    let size = usize::from(desc.size);
    read_struct(sink, ctx, addr, size, |sink, ctx, raw| {
        sink.begin_struct();
        fields::members(sink, ctx, desc, raw, Shown::all(size));
        if ctx.opts.abbreviate {
            sink.more();
        } else {
            sink.field("qgroups");
            let n = raw.u64(QGROUP_INHERIT_NUM);
            array(sink, ctx, addr + size as u64, n, 8, |sink, _, raw| {
                sink.uint(raw.u64(0))
            });
        }
        sink.end_struct(false);
    });
}

/// `struct btrfs_ioctl_send_args`: the descriptor and count, the `clone_sources` it points to
/// (their address unless `-v`: object ids), the parent root and flags.
fn send_args<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let shown = Shown::all(raw.0.len());
    let sources = raw.u64(SEND_CLONE_SOURCES);
    sink.begin_struct();
    fields::members(
        sink,
        ctx,
        &table::STRUCT_BTRFS_IOCTL_SEND_ARGS_HEAD,
        raw,
        shown,
    );
    sink.field("clone_sources");
    if ctx.opts.abbreviate {
        sink.addr(sources);
    } else {
        let n = raw.u64(SEND_CLONE_SOURCES_COUNT);
        array(sink, ctx, sources, n, 8, |sink, _, raw| {
            object_id(sink, raw.u64(0))
        });
    }
    fields::members(
        sink,
        ctx,
        &table::STRUCT_BTRFS_IOCTL_SEND_ARGS_TAIL,
        raw,
        shown,
    );
    sink.end_struct(false);
}

/// An object id: its name, else the number (as the `named_uint` member kind shows one).
fn object_id<S: Sink>(sink: &mut S, v: u64) {
    match table::ENUM_BTRFS_TREE_OBJECTIDS.name(v) {
        Some(name) => sink.constant(name, Number::Uint(v)),
        None => sink.uint(v),
    }
}
