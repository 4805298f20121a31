//! `bpf(2)`'s `union bpf_attr`, as strace 6.1's bpf.c shows it. The part each command reads
//! is data (`[structs.bpf_*_attr]`, by command in the syscall's `structs`); here is what is
//! no layout: the size rules (nothing for a size of 0 or over a page, the members the size
//! holds, the bytes past the part that are not zero), which commands the kernel answers in
//! the attr (shown at exit, with what changed), `BPF_LINK_CREATE`'s union by attach type,
//! and `BPF_OBJ_GET_INFO_BY_FD`'s info by the kind of object its descriptor is.

use super::fields::{self, Shown, member_value};
use super::structs::Raw;
use super::{Call, Ctx, Outcome, Sink, Values, array};
use crate::mem::Memory;
use crate::table::{self, ArgDesc, StructDesc, members};

/// strace reads at most a page of the attr (`get_pagesize()`), and of an object's info.
const PAGE: usize = 4096;

/// The attr argument's index, where the entry keeps what it decided (`call.saved`).
const ATTR: usize = 1;
/// `call.saved[ATTR]`: the attr was read at entry and shown then, or is shown at exit.
const AT_ENTRY: u32 = 0;
const AT_EXIT: u32 = 1;

// Commands (<linux/bpf.h> `enum bpf_cmd`) that need more than their layout.
const BPF_PROG_GET_NEXT_ID: u32 = 11;
const BPF_MAP_GET_NEXT_ID: u32 = 12;
const BPF_OBJ_GET_INFO_BY_FD: u32 = 15;
const BPF_PROG_QUERY: u32 = 16;
const BPF_TASK_FD_QUERY: u32 = 20;
const BPF_BTF_GET_NEXT_ID: u32 = 23;
const BPF_MAP_LOOKUP_BATCH: u32 = 24;
const BPF_MAP_DELETE_BATCH: u32 = 27;
const BPF_LINK_CREATE: u32 = 28;
const BPF_LINK_GET_NEXT_ID: u32 = 31;

/// The commands whose answer is a new descriptor (strace's `RVAL_FD`): map and program
/// creation, pinning, the `*_GET_FD_BY_ID` and BTF commands, link creation.
const FD_COMMANDS: [u32; 10] = [0, 5, 6, 7, 13, 14, 18, 19, 28, 30];

/// What a tracee's bpf entry keeps for its exit (in `decode::Saved`).
#[derive(Debug, Default)]
pub struct Kept {
    /// The attr as read at entry.
    attr: Vec<u8>,
    /// `BPF_OBJ_GET_INFO_BY_FD`: what the descriptor is, and its info as read at entry.
    object: Object,
    info: Vec<u8>,
}

/// The objects whose info strace shows, by their descriptor's link.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Object {
    #[default]
    Other,
    Map,
    Prog,
}

fn command(call: &Call) -> u32 {
    call.args[0] as u32
}

fn size(call: &Call) -> usize {
    call.args[2] as u32 as usize
}

/// Whether the kernel answers in the attr: the command is shown at exit.
fn answered(cmd: u32) -> bool {
    matches!(
        cmd,
        BPF_PROG_GET_NEXT_ID
            | BPF_MAP_GET_NEXT_ID
            | BPF_BTF_GET_NEXT_ID
            | BPF_LINK_GET_NEXT_ID
            | BPF_OBJ_GET_INFO_BY_FD
            | BPF_PROG_QUERY
            | BPF_TASK_FD_QUERY
            | BPF_MAP_LOOKUP_BATCH..=BPF_MAP_DELETE_BATCH
    )
}

/// The command's layout, when its attr is shown: a size from 1 to a page, a command with one.
fn layout(desc: &ArgDesc, call: &Call) -> Option<&'static StructDesc> {
    let size = size(call);
    if size == 0 || size > PAGE {
        return None;
    }
    desc.struct_for(u64::from(command(call)))
}

/// Reads the `size` bytes of the attr into `buf` (zeros after them); `false` if they cannot
/// be read, or `-e verbose=` leaves the call out (strace's `umove_or_printaddr`, which reads
/// after a failure too).
fn read_attr<M: Memory>(ctx: &Ctx<'_, M>, addr: u64, size: usize, buf: &mut [u8; PAGE]) -> bool {
    addr != 0 && ctx.opts.verbose && ctx.mem.read(addr, &mut buf[..size]).is_ok()
}

/// At entry: whether the attr can be shown and when (`call.saved[ATTR]`), and what the
/// exit needs of it.
pub fn save<M: Memory>(ctx: &mut Ctx<'_, M>, call: &mut Call, desc: &ArgDesc) {
    call.saved[ATTR] = None;
    if layout(desc, call).is_none() {
        return;
    }
    let mut buf = [0u8; PAGE];
    let size = size(call);
    if !read_attr(ctx, call.args[ATTR], size, &mut buf) {
        return;
    }
    let cmd = command(call);
    call.saved[ATTR] = Some(if answered(cmd) { AT_EXIT } else { AT_ENTRY });
    if !answered(cmd) {
        return;
    }
    let object = match cmd {
        BPF_OBJ_GET_INFO_BY_FD => object_of(ctx, Raw(&buf).u32(0) as i32),
        _ => Object::Other,
    };
    let Some(kept) = ctx.saved.as_deref_mut().map(|s| &mut s.bpf) else {
        return;
    };
    kept.attr.clear();
    kept.attr.extend_from_slice(&buf[..size]);
    kept.object = object;
    kept.info.clear();
    if object == Object::Prog {
        let raw = Raw(&buf);
        let (info, len) = (raw.u64(8), raw.u32(4) as usize);
        kept.info.resize(len.min(PAGE), 0);
        // Unread, it stays zeros, as strace's is.
        if len == 0 || len > PAGE || ctx.mem.read(info, &mut kept.info).is_err() {
            kept.info.fill(0);
        }
    }
}

/// What the object behind `fd` is, by its descriptor's link.
fn object_of<M: Memory>(ctx: &mut Ctx<'_, M>, fd: i32) -> Object {
    let mut link = Vec::new();
    let read = ctx
        .fds
        .as_deref_mut()
        .is_some_and(|fds| fds.link(fd, &mut link));
    match link.as_slice() {
        b"anon_inode:bpf-map" if read => Object::Map,
        b"anon_inode:bpf-prog" if read => Object::Prog,
        _ => Object::Other,
    }
}

/// Whether the attr (and the size after it) shows at exit: decided at entry.
pub fn at_exit(call: &Call) -> bool {
    call.saved[ATTR] == Some(AT_EXIT)
}

/// Whether the call returns a descriptor: a command that makes one, its attr read.
pub fn returns_fd(call: &Call) -> bool {
    call.saved[ATTR] == Some(AT_ENTRY) && FD_COMMANDS.contains(&command(call))
}

/// The attr: at entry (`outcome` `None`) a command the kernel does not answer, or the
/// address; at exit one it answers.
pub fn attr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    desc: &ArgDesc,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let addr = call.args[ATTR];
    let (Some(layout), Some(state)) = (layout(desc, call), call.saved[ATTR]) else {
        return sink.addr(addr);
    };
    let size = size(call);
    let mut now = [0u8; PAGE];
    let read = read_attr(ctx, addr, size, &mut now);
    match (outcome, state) {
        (None, AT_ENTRY) if read => entry_attr(sink, ctx, layout, command(call), &now, size),
        (None, _) => sink.addr(addr),
        (Some(outcome), _) => {
            // As read at entry where the entry kept it, else as now.
            let mut then = now;
            if let Some(kept) = ctx.saved.as_deref().map(|s| &s.bpf.attr) {
                then = [0u8; PAGE];
                then[..kept.len().min(PAGE)].copy_from_slice(&kept[..kept.len().min(PAGE)]);
            }
            if !read {
                now = then;
            }
            let failed = matches!(outcome, Outcome::Err(_));
            exit_attr(sink, ctx, layout, call, [&then, &now], failed);
        }
    }
}

/// A command shown whole at entry: its members, and what follows them.
fn entry_attr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    layout: &'static StructDesc,
    cmd: u32,
    raw: &[u8; PAGE],
    size: usize,
) {
    sink.begin_struct();
    let mut attr_size = usize::from(layout.size);
    if cmd == BPF_LINK_CREATE {
        sink.field("link_create");
        sink.begin_struct();
        fields::members(sink, ctx, layout, Raw(raw), Shown::all(size));
        if size > link::UNION {
            attr_size = link::union(sink, ctx, Raw(raw));
        }
        sink.end_struct(false);
    } else {
        fields::members(sink, ctx, layout, Raw(raw), Shown::all(size));
    }
    extra_data(sink, ctx, raw, size, attr_size);
    sink.end_struct(false);
}

/// The bytes past the command's part (`attr_size`) when some are not zero (strace's
/// `decode_attr_extra_data`): `...`, or under `-v` all of them in hex,
/// `extra_data="\x30\x31" /* bytes 72..73 */`.
fn extra_data<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    raw: &[u8],
    size: usize,
    attr_size: usize,
) {
    let Some(past) = raw.get(attr_size..size) else {
        return;
    };
    if past.iter().all(|&b| b == 0) {
        return;
    }
    if ctx.opts.abbreviate {
        return sink.more();
    }
    sink.field("extra_data");
    sink.hex_string(past, false);
    sink.comment_word(&format!("bytes {}..{}", attr_size, size - 1));
}

/// A command the kernel answers, at exit: what it was given (`then`, as read at entry) and
/// what it answered (`now`).
fn exit_attr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    layout: &'static StructDesc,
    call: &Call,
    [then, now]: [&[u8; PAGE]; 2],
    failed: bool,
) {
    let size = size(call);
    let cmd = command(call);
    sink.begin_struct();
    match cmd {
        BPF_OBJ_GET_INFO_BY_FD => info::obj_get_info(sink, ctx, layout, [then, now], size, failed),
        BPF_PROG_QUERY => query(sink, ctx, [then, now], size, failed),
        BPF_TASK_FD_QUERY => task_fd_query(sink, ctx, [then, now], size),
        BPF_MAP_LOOKUP_BATCH..=BPF_MAP_DELETE_BATCH => {
            fields::members(sink, ctx, layout, Raw(then), Shown::all(size));
            extra_data(sink, ctx, then, size, usize::from(layout.size));
            sink.end_struct(false);
            return batch_count(sink, [then, now]);
        }
        // The GET_NEXT_ID commands.
        _ => next_id(sink, ctx, layout, [then, now], size),
    }
    extra_data(sink, ctx, now, size, usize::from(layout.size));
    sink.end_struct(false);
}

/// The members of `layout` but those in `hidden` (by index).
fn some_members<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    layout: &'static StructDesc,
    raw: &[u8],
    len: usize,
    hidden: u64,
) {
    fields::members(sink, ctx, layout, Raw(raw), Shown { len, hidden });
}

/// Every member but those of `shown` (by index).
fn all_but(layout: &StructDesc, shown: u64) -> u64 {
    ((1u64 << layout.fields.len()) - 1) & !shown
}

/// A member as the call gave it and as the kernel answered, each shown by `show`: `5`, or
/// `0 => 5` when they differ.
fn changed<S: Sink>(sink: &mut S, given: u64, answered: u64, show: fn(&mut S, u64)) {
    show(sink, given);
    if given != answered {
        sink.updated();
        show(sink, answered);
    }
}

/// `{start_id=1, next_id=0 => 5, open_flags=0}`: the id the kernel found after the start.
fn next_id<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    layout: &'static StructDesc,
    [then, now]: [&[u8; PAGE]; 2],
    size: usize,
) {
    use members::bpf_get_next_id_attr as m;
    let start = 1 << m::START_ID;
    some_members(sink, ctx, layout, then, size, all_but(layout, start));
    sink.field("next_id");
    let f = &layout.fields[m::NEXT_ID];
    let (given, answered) = (member_value(Raw(then), f).0, member_value(Raw(now), f).0);
    changed(sink, given, answered, |s, v| s.uint(v));
    let rest = start | 1 << m::NEXT_ID;
    some_members(sink, ctx, layout, now, size, rest);
}

/// `{query={target_fd=3, ..., prog_ids=[1, 2], prog_cnt=4 => 2}}`: the programs attached.
fn query<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    [then, now]: [&[u8; PAGE]; 2],
    size: usize,
    failed: bool,
) {
    use members::bpf_prog_query_attr as m;
    let layout = &table::STRUCT_BPF_PROG_QUERY_ATTR;
    sink.field("query");
    sink.begin_struct();
    let answer = 1 << m::PROG_IDS | 1 << m::PROG_CNT;
    some_members(sink, ctx, layout, then, size, answer);
    let (ids, cnt) = (&layout.fields[m::PROG_IDS], &layout.fields[m::PROG_CNT]);
    let (addr, count) = (member_value(Raw(now), ids).0, member_value(Raw(now), cnt).0);
    sink.field("prog_ids");
    u32_array(sink, ctx, addr, count, failed);
    sink.field("prog_cnt");
    changed(sink, member_value(Raw(then), cnt).0, count, |s, v| {
        s.uint(v)
    });
    sink.end_struct(false);
}

/// `count` `u32`s at `addr`, read after a call that succeeded (else the address, as strace's
/// `tfetch_mem` has it).
fn u32_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    failed: bool,
) {
    if failed && addr != 0 && count != 0 {
        return sink.addr(addr);
    }
    array::array(sink, ctx, addr, count, 4, |sink, _, raw| {
        sink.uint(u64::from(raw.u32(0)))
    });
}

/// `{task_fd_query={pid=1, fd=3, flags=0, buf_len=16 => 5, buf="name", prog_id=...}}`.
fn task_fd_query<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    [then, now]: [&[u8; PAGE]; 2],
    size: usize,
) {
    use members::bpf_task_fd_query_attr as m;
    let layout = &table::STRUCT_BPF_TASK_FD_QUERY_ATTR;
    sink.field("task_fd_query");
    sink.begin_struct();
    let given = 1 << m::PID | 1 << m::FD | 1 << m::FLAGS;
    some_members(sink, ctx, layout, then, size, all_but(layout, given));
    let f = &layout.fields[m::BUF_LEN];
    let (len_then, len_now) = (
        member_value(Raw(then), f).0 as u32,
        member_value(Raw(now), f).0 as u32,
    );
    sink.field("buf_len");
    changed(sink, len_then.into(), len_now.into(), |s, v| s.uint(v));
    sink.field("buf");
    let buf = member_value(Raw(now), &layout.fields[m::BUF]).0;
    super::string::cstring_within(sink, ctx, buf, len_then.min(len_now) as usize);
    let answer = given | 1 << m::BUF_LEN | 1 << m::BUF;
    some_members(sink, ctx, layout, now, size, answer);
    sink.end_struct(false);
}

/// A batch command's count as the kernel left it, when it changed: ` => {batch={count=2}}`.
fn batch_count<S: Sink>(sink: &mut S, [then, now]: [&[u8; PAGE]; 2]) {
    use members::bpf_map_lookup_batch as m;
    // Where count is in each batch command's attr.
    let count = &table::STRUCT_BPF_MAP_LOOKUP_BATCH.fields[m::COUNT];
    let (given, answered) = (
        member_value(Raw(then), count).0,
        member_value(Raw(now), count).0,
    );
    if given == answered {
        return;
    }
    sink.updated();
    sink.begin_struct();
    sink.field("batch");
    sink.begin_struct();
    sink.field("count");
    sink.uint(answered);
    sink.end_struct(false);
    sink.end_struct(false);
}

mod info;
mod link;
