//! btrfs's `ioctl` arguments that are more than one layout (strace's btrfs.c and
//! fs_0x94_ioctl.c): a struct printed differently at exit than at entry, a flags word or a
//! label behind a pointer with no brackets, a struct pointing to another with an array
//! counted by one of its members, members shown by a command or by the caller's values
//! (the search key, the lookup's tree id), and the items a search or a container holds.
//! The layouts themselves are `syscalls.toml`'s (`[structs.btrfs_*]`); the plain requests are
//! `[ioctl_args]` entries.

use super::array::{array, array_while};
use super::fields::{self, Shown};
use super::structs::{Raw, read_struct};
use super::{Call, Ctx, Group, Number, Outcome, Sink, Values, fd};
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
const BTRFS_IOC_GET_SUPPORTED_FEATURES: u32 = 0x8048_9439;
const BTRFS_IOC_TREE_SEARCH: u32 = 0xd000_9411;
const BTRFS_IOC_TREE_SEARCH_V2: u32 = 0xc070_9411;
const BTRFS_IOC_INO_LOOKUP: u32 = 0xd000_9412;
const BTRFS_IOC_INO_PATHS: u32 = 0xc038_9423;
const BTRFS_IOC_LOGICAL_INO: u32 = 0xc038_9424;
const BTRFS_IOC_SET_RECEIVED_SUBVOL: u32 = 0xc0c8_9425;
const BTRFS_IOC_DEV_REPLACE: u32 = 0xca28_9435;
const FIDEDUPERANGE: u32 = 0xc018_9436;
/// `EOVERFLOW`: a `TREE_SEARCH_V2` buffer too small for an item, whose needed size the
/// kernel wrote back.
const EOVERFLOW: u64 = 75;

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
/// `struct btrfs_ioctl_search_key`'s size (where a search's `buf`, or `_v2`'s `buf_size`,
/// begins), and `struct btrfs_ioctl_search_args_v2`'s (where its `buf` begins); a
/// `TREE_SEARCH` buffer is the rest of 4 KiB (`BTRFS_SEARCH_ARGS_BUFSIZE`).
const SEARCH_KEY_SIZE: usize = 104;
const SEARCH_V2_SIZE: usize = 112;
const SEARCH_BUF_SIZE: u64 = 4096 - SEARCH_KEY_SIZE as u64;
/// Where the search key's object ids and `nr_items` lie, the object ids strace leaves out
/// under abbreviation when they are the defaults (`BTRFS_FIRST_FREE_OBJECTID`,
/// `BTRFS_LAST_FREE_OBJECTID`), and a found item's header size.
const KEY_MIN_OBJECTID: usize = 8;
const KEY_MAX_OBJECTID: usize = 16;
const KEY_NR_ITEMS: usize = 64;
const FIRST_FREE_OBJECTID: u64 = 256;
const LAST_FREE_OBJECTID: u64 = -256i64 as u64;
const SEARCH_HEADER_SIZE: u64 = 32;
const SEARCH_HEADER_LEN: usize = 28;
/// `saved` of an `INO_LOOKUP` whose caller gave tree id 0.
const SAVED_TREE_ID: u32 = 2;
/// `struct btrfs_ioctl_ino_lookup_args`, `btrfs_ioctl_ino_path_args` (and
/// `logical_ino_args`: where the container pointer lies), `received_subvol_args` (and where
/// its members past the head lie), `dev_replace_args` (where the union lies).
const INO_LOOKUP_SIZE: usize = 4096;
const INO_ARGS_SIZE: usize = 56;
const INO_ARGS_CONTAINER: usize = 48;
const RECEIVED_SUBVOL_SIZE: usize = 200;
const RECEIVED_RTRANSID: usize = 24;
const RECEIVED_STIME: usize = 32;
const RECEIVED_RTIME: usize = 48;
const RECEIVED_FLAGS: usize = 64;
const DEV_REPLACE_SIZE: usize = 2600;
const DEV_REPLACE_RESULT: usize = 8;
const DEV_REPLACE_PARAMS: usize = 16;
/// `BTRFS_IOCTL_DEV_REPLACE_CMD_START` and `_STATUS`.
const DEV_REPLACE_CMD_START: u64 = 0;
const DEV_REPLACE_CMD_STATUS: u64 = 1;
/// `struct file_dedupe_range` (where its `info` array begins) and an element's size; how
/// many elements strace shows under abbreviation before `...`.
const DEDUPE_RANGE_SIZE: usize = 24;
const DEDUPE_INFO_SIZE: usize = 32;
const DEDUPE_ABBREV: u64 = 2;
/// `struct btrfs_data_container`'s header (where `val` begins) and where `elem_cnt` lies.
const CONTAINER_SIZE: usize = 16;
const CONTAINER_ELEM_CNT: usize = 8;

/// Whether the request's argument is this module's to print (or, for the `[ioctl_args]`
/// entries among them, partly: see [`arg`]).
pub fn decodes(request: u32) -> bool {
    matches!(
        request,
        BTRFS_IOC_SUBVOL_GETFLAGS
            | FS_IOC_GETFSLABEL
            | BTRFS_IOC_SUBVOL_SETFLAGS
            | FS_IOC_SETFSLABEL
            | BTRFS_IOC_SEND
            | BTRFS_IOC_BALANCE_V2
            | BTRFS_IOC_SNAP_CREATE_V2
            | BTRFS_IOC_SUBVOL_CREATE_V2
            | BTRFS_IOC_GET_DEV_STATS
            | BTRFS_IOC_SPACE_INFO
            | BTRFS_IOC_GET_SUPPORTED_FEATURES
            | BTRFS_IOC_TREE_SEARCH
            | BTRFS_IOC_TREE_SEARCH_V2
            | BTRFS_IOC_INO_LOOKUP
            | BTRFS_IOC_INO_PATHS
            | BTRFS_IOC_LOGICAL_INO
            | BTRFS_IOC_SET_RECEIVED_SUBVOL
            | BTRFS_IOC_DEV_REPLACE
            | FIDEDUPERANGE
    )
}

/// Prints the argument (at entry when `outcome` is `None`, else at exit) and returns `true`;
/// `false` leaves it to the request's `[ioctl_args]` entry.
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
    let entry = outcome.is_none();
    let request = call.args[1] as u32;
    match request {
        // Written by the kernel: shown at exit, the address when the call failed.
        BTRFS_IOC_SUBVOL_GETFLAGS | FS_IOC_GETFSLABEL | BTRFS_IOC_GET_SUPPORTED_FEATURES
            if failed =>
        {
            sink.addr(v)
        }
        BTRFS_IOC_SUBVOL_GETFLAGS if ok => subvol_flags(sink, ctx, v),
        FS_IOC_GETFSLABEL if ok => label(sink, ctx, v),
        BTRFS_IOC_GET_SUPPORTED_FEATURES if ok => supported_features(sink, ctx, v),
        // Given by the caller: shown at entry.
        BTRFS_IOC_SUBVOL_SETFLAGS if entry => subvol_flags(sink, ctx, v),
        FS_IOC_SETFSLABEL if entry => label(sink, ctx, v),
        BTRFS_IOC_SEND if entry => {
            let size = usize::from(table::STRUCT_BTRFS_IOCTL_SEND_ARGS_HEAD.size);
            read_struct(sink, ctx, v, size, send_args)
        }
        // Read and written: the caller's struct at entry, what the kernel wrote after ` => `.
        BTRFS_IOC_BALANCE_V2 if entry => {
            fields::at(sink, ctx, &table::STRUCT_BTRFS_IOCTL_BALANCE_ARGS_IN, v)
        }
        // strace shows it again at exit whatever its entry could read (`NULL => NULL`).
        BTRFS_IOC_BALANCE_V2 if ok => {
            updated(sink, ctx, &table::STRUCT_BTRFS_IOCTL_BALANCE_ARGS, v)
        }
        BTRFS_IOC_SNAP_CREATE_V2 | BTRFS_IOC_SUBVOL_CREATE_V2 if entry => {
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
        BTRFS_IOC_GET_DEV_STATS | BTRFS_IOC_SPACE_INFO => return false,
        _ => return more_arg(sink, ctx, call, i, outcome),
    }
    true
}

/// [`arg`] for the requests of the search, lookup, container, received-subvolume, replace
/// and dedupe calls.
fn more_arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) -> bool {
    let v = call.args[i];
    let entry = outcome.is_none();
    let updates = matches!(outcome, Some(Outcome::Ok(_))) && call.saved[i].is_some();
    let request = call.args[1] as u32;
    match request {
        BTRFS_IOC_TREE_SEARCH | BTRFS_IOC_TREE_SEARCH_V2 if entry => {
            search(sink, ctx, request, v, true)
        }
        BTRFS_IOC_TREE_SEARCH | BTRFS_IOC_TREE_SEARCH_V2 if updates => {
            sink.updated();
            search(sink, ctx, request, v, false);
        }
        // Too small a buffer: the size an item needs.
        BTRFS_IOC_TREE_SEARCH_V2
            if outcome == Some(Outcome::Err(EOVERFLOW)) && call.saved[i].is_some() =>
        {
            sink.updated();
            read_struct(sink, ctx, v, SEARCH_V2_SIZE, |sink, _, raw| {
                sink.begin_struct();
                sink.field("buf_size");
                sink.uint(raw.u64(SEARCH_KEY_SIZE));
                sink.end_struct(false);
            });
        }
        // `[ioctl_args]` entries at entry; what the kernel wrote is this module's.
        BTRFS_IOC_INO_LOOKUP if updates => {
            sink.updated();
            let with_tree = call.saved[i] == Some(SAVED_TREE_ID);
            read_struct(sink, ctx, v, INO_LOOKUP_SIZE, |sink, ctx, raw| {
                ino_lookup_out(sink, ctx, raw, with_tree)
            });
        }
        BTRFS_IOC_INO_PATHS | BTRFS_IOC_LOGICAL_INO if updates => {
            sink.updated();
            read_struct(sink, ctx, v, INO_ARGS_SIZE, |sink, ctx, raw| {
                containers(sink, ctx, request, raw)
            });
        }
        BTRFS_IOC_INO_LOOKUP | BTRFS_IOC_INO_PATHS | BTRFS_IOC_LOGICAL_INO => return false,
        BTRFS_IOC_SET_RECEIVED_SUBVOL if entry => {
            read_struct(sink, ctx, v, RECEIVED_SUBVOL_SIZE, received_subvol_in)
        }
        BTRFS_IOC_SET_RECEIVED_SUBVOL if updates => {
            sink.updated();
            read_struct(sink, ctx, v, RECEIVED_SUBVOL_SIZE, received_subvol_out);
        }
        BTRFS_IOC_DEV_REPLACE if entry => {
            read_struct(sink, ctx, v, DEV_REPLACE_SIZE, dev_replace_in)
        }
        BTRFS_IOC_DEV_REPLACE if updates => {
            sink.updated();
            read_struct(sink, ctx, v, DEV_REPLACE_SIZE, dev_replace_out);
        }
        FIDEDUPERANGE if entry => dedupe_range(sink, ctx, v, true),
        FIDEDUPERANGE if updates => {
            sink.updated();
            dedupe_range(sink, ctx, v, false);
        }
        // Nothing more at the other end of the call.
        _ => {}
    }
    true
}

/// The size of the argument of this module's requests that show what the kernel wrote after
/// ` => `, which the entry must have read.
pub fn inout_size(request: u32) -> Option<usize> {
    match request {
        BTRFS_IOC_SNAP_CREATE_V2 | BTRFS_IOC_SUBVOL_CREATE_V2 => Some(VOL_ARGS_V2_SIZE),
        // strace reads only the key of a TREE_SEARCH.
        BTRFS_IOC_TREE_SEARCH => Some(SEARCH_KEY_SIZE),
        BTRFS_IOC_TREE_SEARCH_V2 => Some(SEARCH_V2_SIZE),
        BTRFS_IOC_SET_RECEIVED_SUBVOL => Some(RECEIVED_SUBVOL_SIZE),
        BTRFS_IOC_DEV_REPLACE => Some(DEV_REPLACE_SIZE),
        FIDEDUPERANGE => Some(DEDUPE_RANGE_SIZE),
        _ => None,
    }
}

/// What the entry of a request whose argument it could read keeps for the exit: 1, or
/// [`SAVED_TREE_ID`] for an `INO_LOOKUP` that asked for the tree of the descriptor (tree id
/// 0; strace shows the one found); `None` when strace shows nothing at exit: a dedupe whose
/// `info` array it could not show whole (no element, or one unreadable).
pub fn saved<M: Memory>(ctx: &Ctx<'_, M>, request: u32, v: u64) -> Option<u32> {
    let mut word = [0u8; 8];
    match request {
        BTRFS_IOC_INO_LOOKUP => {
            ctx.mem.read(v, &mut word).ok()?;
            Some(if u64::from_ne_bytes(word) == 0 {
                SAVED_TREE_ID
            } else {
                1
            })
        }
        FIDEDUPERANGE => {
            let mut count = [0u8; 2];
            ctx.mem.read(v.wrapping_add(16), &mut count).ok()?;
            let n = u64::from(u16::from_ne_bytes(count));
            // The elements strace's array printer reads: under abbreviation up to -s (and
            // one more that shows as `...`), and the third, which shows as `...`.
            let read = match ctx.opts.abbreviate {
                true => n.min(3).min(ctx.opts.max_strlen as u64 + 1),
                false => n,
            };
            let mut elem = [0u8; DEDUPE_INFO_SIZE];
            let start = v.checked_add(DEDUPE_RANGE_SIZE as u64)?;
            (n != 0
                && (0..read).all(|k| {
                    ctx.mem
                        .read(start.wrapping_add(k * DEDUPE_INFO_SIZE as u64), &mut elem)
                        .is_ok()
                }))
            .then_some(1)
        }
        _ => Some(1),
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

/// `BTRFS_IOC_GET_SUPPORTED_FEATURES`: three feature sets, each with a comment saying which.
fn supported_features<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    let desc = &table::STRUCT_BTRFS_IOCTL_FEATURE_FLAGS;
    let size = usize::from(desc.size);
    read_struct(sink, ctx, addr, 3 * size, |sink, ctx, raw| {
        sink.begin_array();
        for (k, what) in ["supported", "safe to set", "safe to clear"]
            .into_iter()
            .enumerate()
        {
            fields::whole(sink, ctx, desc, Raw(&raw.0[k * size..(k + 1) * size]));
            sink.comment_word(what);
        }
        sink.end_array();
    });
}

/// `BTRFS_IOC_TREE_SEARCH` and `_V2`: at entry the search key (the default object ids left
/// out under abbreviation) and `_V2`'s buffer size; at exit the count of items found, the
/// size, and the items' headers (`...` under abbreviation).
fn search<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    addr: u64,
    entry: bool,
) {
    let v2 = request == BTRFS_IOC_TREE_SEARCH_V2;
    let size = if v2 { SEARCH_V2_SIZE } else { SEARCH_KEY_SIZE };
    read_struct(sink, ctx, addr, size, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("key");
        sink.begin_struct();
        if entry {
            search_key(sink, ctx, raw);
        } else {
            sink.field("nr_items");
            sink.uint(u64::from(raw.u32(KEY_NR_ITEMS)));
        }
        sink.end_struct(false);
        let buf_size = match v2 {
            true => {
                sink.field("buf_size");
                sink.uint(raw.u64(SEARCH_KEY_SIZE));
                raw.u64(SEARCH_KEY_SIZE)
            }
            false => SEARCH_BUF_SIZE,
        };
        if !entry {
            let buf = addr.wrapping_add(size as u64);
            search_items(sink, ctx, buf, buf_size, raw.u32(KEY_NR_ITEMS));
        }
        sink.end_struct(false);
    });
}

/// The members of a search key at entry.
fn search_key<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.field("tree_id");
    object_id(sink, raw.u64(0));
    let all = !ctx.opts.abbreviate;
    let min = raw.u64(KEY_MIN_OBJECTID);
    if min != FIRST_FREE_OBJECTID || all {
        sink.field("min_objectid");
        object_id(sink, min);
    }
    let max = raw.u64(KEY_MAX_OBJECTID);
    if max != LAST_FREE_OBJECTID || all {
        sink.field("max_objectid");
        object_id(sink, max);
    }
    let tail = &table::STRUCT_BTRFS_IOCTL_SEARCH_KEY_TAIL;
    fields::members(sink, ctx, tail, raw, Shown::all(raw.0.len()));
}

/// The headers of the `nr_items` items a search wrote in `size` bytes at `addr`, each
/// followed by its `len` bytes of item; at most -s + 1 of them, whatever -v says.
fn search_items<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    size: u64,
    nr_items: u32,
) {
    if ctx.opts.abbreviate {
        return sink.more();
    }
    sink.field("buf");
    sink.begin_array();
    let desc = &table::STRUCT_BTRFS_IOCTL_SEARCH_HEADER;
    let mut off = 0u64;
    let mut header = [0u8; SEARCH_HEADER_SIZE as usize];
    for k in 0..u64::from(nr_items) {
        let at = addr.wrapping_add(off);
        if at < addr
            || off.saturating_add(SEARCH_HEADER_SIZE) > size
            || k > ctx.opts.max_strlen as u64
        {
            sink.more();
            break;
        }
        if ctx.mem.read(at, &mut header).is_err() {
            sink.more();
            sink.addr_comment(at);
            break;
        }
        let raw = Raw(&header);
        fields::whole(sink, ctx, desc, raw);
        let len = u64::from(raw.u32(SEARCH_HEADER_LEN));
        off = off.saturating_add(SEARCH_HEADER_SIZE + len);
    }
    sink.end_array();
}

/// `BTRFS_IOC_INO_LOOKUP` at exit: the tree id when the caller asked for the descriptor's
/// (gave 0), and the path found.
fn ino_lookup_out<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    raw: Raw<'_>,
    with_tree: bool,
) {
    sink.begin_struct();
    if with_tree {
        sink.field("treeid");
        object_id(sink, raw.u64(0));
    }
    let desc = &table::STRUCT_BTRFS_IOCTL_INO_LOOKUP_OUT;
    fields::members(sink, ctx, desc, raw, Shown::all(raw.0.len()));
    sink.end_struct(false);
}

/// `BTRFS_IOC_INO_PATHS` and `LOGICAL_INO` at exit: the `btrfs_data_container` that
/// `fspath` or `inodes` points to: its counts, then (`...` under abbreviation) its values:
/// the paths (each an offset from `val`) or the `{inum, offset, root}` records.
fn containers<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, request: u32, raw: Raw<'_>) {
    let paths = request == BTRFS_IOC_INO_PATHS;
    let at = raw.u64(INO_ARGS_CONTAINER);
    sink.begin_struct();
    sink.field(if paths { "fspath" } else { "inodes" });
    read_struct(sink, ctx, at, CONTAINER_SIZE, |sink, ctx, head| {
        sink.begin_struct();
        let desc = &table::STRUCT_BTRFS_DATA_CONTAINER;
        fields::members(sink, ctx, desc, head, Shown::all(CONTAINER_SIZE));
        if ctx.opts.abbreviate {
            return sink.end_struct(true);
        }
        sink.field("val");
        let val = at.wrapping_add(CONTAINER_SIZE as u64);
        let count = u64::from(head.u32(CONTAINER_ELEM_CNT));
        if paths {
            array(sink, ctx, val, count, 8, |sink, ctx, raw| {
                super::string::path(sink, ctx, val.wrapping_add(raw.u64(0)))
            });
        } else {
            array(sink, ctx, val, count / 3, 24, |sink, _, raw| {
                sink.begin_struct();
                for (k, name) in ["inum", "offset", "root"].into_iter().enumerate() {
                    sink.field(name);
                    sink.uint(raw.u64(8 * k));
                }
                sink.end_struct(false);
            });
        }
        sink.end_struct(false);
    });
    sink.end_struct(false);
}

/// A `struct btrfs_ioctl_timespec` member, with its date in a comment.
fn timespec<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>, at: usize) {
    let desc = &table::STRUCT_BTRFS_IOCTL_TIMESPEC;
    let size = usize::from(desc.size);
    fields::whole(sink, ctx, desc, Raw(&raw.0[at..at + size]));
    sink.time_comment(raw.u64(at) as i64, u64::from(raw.u32(at + 8)), 9);
}

/// `BTRFS_IOC_SET_RECEIVED_SUBVOL` at entry: the UUID, the sent transaction and its time,
/// the flags.
fn received_subvol_in<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    let desc = &table::STRUCT_BTRFS_IOCTL_RECEIVED_SUBVOL_HEAD;
    fields::members(sink, ctx, desc, raw, Shown::all(raw.0.len()));
    sink.field("stime");
    timespec(sink, ctx, raw, RECEIVED_STIME);
    sink.field("flags");
    sink.uint(raw.u64(RECEIVED_FLAGS));
    sink.end_struct(false);
}

/// `BTRFS_IOC_SET_RECEIVED_SUBVOL` at exit: the received transaction and its time.
fn received_subvol_out<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("rtransid");
    sink.uint(raw.u64(RECEIVED_RTRANSID));
    sink.field("rtime");
    timespec(sink, ctx, raw, RECEIVED_RTIME);
    sink.end_struct(false);
}

/// `BTRFS_IOC_DEV_REPLACE` at entry: the command, and a START's parameters.
fn dev_replace_in<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    let cmd = raw.u64(0);
    sink.begin_struct();
    sink.field("cmd");
    sink.enumeration(cmd, &table::ENUM_BTRFS_DEV_REPLACE_CMDS);
    if cmd == DEV_REPLACE_CMD_START {
        sink.field("start");
        let desc = &table::STRUCT_BTRFS_IOCTL_DEV_REPLACE_START_PARAMS;
        let size = usize::from(desc.size);
        let params = &raw.0[DEV_REPLACE_PARAMS..DEV_REPLACE_PARAMS + size];
        fields::whole(sink, ctx, desc, Raw(params));
    }
    sink.end_struct(false);
}

/// `BTRFS_IOC_DEV_REPLACE` at exit: the result, and a STATUS's status: the state, the
/// progress in thousandths (as a percentage when it is one), the start and stop times.
fn dev_replace_out<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("result");
    sink.enumeration(
        raw.u64(DEV_REPLACE_RESULT),
        &table::ENUM_BTRFS_DEV_REPLACE_RESULTS,
    );
    if raw.u64(0) == DEV_REPLACE_CMD_STATUS {
        let p = DEV_REPLACE_PARAMS;
        sink.field("status");
        sink.begin_struct();
        sink.field("replace_state");
        sink.enumeration(raw.u64(p), &table::ENUM_BTRFS_DEV_REPLACE_STATE);
        sink.field("progress_1000");
        let progress = raw.u64(p + 8);
        sink.uint(progress);
        if progress <= 1000 {
            let text = format!("{}.{}%", progress / 10, progress % 10);
            sink.comment_word(&text);
        }
        for (name, at) in [("time_started", p + 16), ("time_stopped", p + 24)] {
            sink.field(name);
            sink.uint(raw.u64(at));
            sink.time_comment(raw.u64(at) as i64, 0, 0);
        }
        let desc = &table::STRUCT_BTRFS_IOCTL_DEV_REPLACE_STATUS_TAIL;
        let params = Raw(&raw.0[p..p + usize::from(desc.size)]);
        fields::members(sink, ctx, desc, params, Shown::all(params.0.len()));
        sink.end_struct(false);
    }
    sink.end_struct(false);
}

/// `FIDEDUPERANGE`: at entry the range and its `info` array (each destination's descriptor
/// and offset), at exit the array again (each one's bytes deduped and status); under
/// abbreviation two elements, then `...`.
fn dedupe_range<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, entry: bool) {
    read_struct(sink, ctx, addr, DEDUPE_RANGE_SIZE, |sink, ctx, raw| {
        let desc = &table::STRUCT_FILE_DEDUPE_RANGE;
        sink.begin_struct();
        if entry {
            fields::members(sink, ctx, desc, raw, Shown::all(DEDUPE_RANGE_SIZE));
        }
        sink.field("info");
        let n = u64::from(raw.u16(16));
        let limit = match ctx.opts.abbreviate && n > DEDUPE_ABBREV {
            true => DEDUPE_ABBREV,
            false => u64::MAX,
        };
        let start = addr.wrapping_add(DEDUPE_RANGE_SIZE as u64);
        let out = &table::STRUCT_FILE_DEDUPE_RANGE_INFO_OUT;
        array_while(
            sink,
            ctx,
            start,
            n,
            DEDUPE_INFO_SIZE,
            |sink, ctx, raw, k| {
                if k >= limit {
                    sink.more();
                    return false;
                }
                match entry {
                    true => {
                        sink.begin_struct();
                        sink.field("dest_fd");
                        fd(sink, ctx, raw.u64(0) as i32);
                        sink.field("dest_offset");
                        sink.uint(raw.u64(8));
                        sink.end_struct(false);
                    }
                    false => fields::whole(sink, ctx, out, raw),
                }
                true
            },
        );
        sink.end_struct(false);
    });
}
