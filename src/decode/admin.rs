//! System and process administration values: `sysinfo`, `personality`, capabilities
//! (`capget`/`capset`), `mount`, `syslog`, `sethostname`, `kcmp`.

use super::structs::read_struct;
use super::{Call, Ctx, Group, Number, Outcome, Sink, Values, string};
use crate::mem::Memory;
use crate::table;
use std::mem::{offset_of, size_of};

/// A pointer to one `unsigned int`: `[0]`.
pub fn uint_ptr<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        sink.uint(u64::from(raw.u32(0)));
        sink.end_array();
    });
}

/// A pointer to a `struct sysinfo` (sysinfo(2)), every field, as strace shows it.
pub fn sysinfo<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    type Si = libc::sysinfo;
    read_struct(sink, ctx, addr, size_of::<Si>(), |sink, _, raw| {
        sink.begin_struct();
        sink.field("uptime");
        sink.uint(raw.u64(offset_of!(Si, uptime)));
        sink.field("loads");
        sink.begin_array();
        for i in 0..3 {
            sink.uint(raw.u64(offset_of!(Si, loads) + 8 * i));
        }
        sink.end_array();
        for (name, off) in [
            ("totalram", offset_of!(Si, totalram)),
            ("freeram", offset_of!(Si, freeram)),
            ("sharedram", offset_of!(Si, sharedram)),
            ("bufferram", offset_of!(Si, bufferram)),
            ("totalswap", offset_of!(Si, totalswap)),
            ("freeswap", offset_of!(Si, freeswap)),
        ] {
            sink.field(name);
            sink.uint(raw.u64(off));
        }
        sink.field("procs");
        sink.uint(u64::from(raw.u16(offset_of!(Si, procs))));
        sink.field("totalhigh");
        sink.uint(raw.u64(offset_of!(Si, totalhigh)));
        sink.field("freehigh");
        sink.uint(raw.u64(offset_of!(Si, freehigh)));
        sink.field("mem_unit");
        sink.uint(u64::from(raw.u32(offset_of!(Si, mem_unit))));
        sink.end_struct(false);
    });
}

/// The persona personality(2) takes to only query the current one.
const PERSONALITY_QUERY: u32 = 0xffff_ffff;

/// `personality`'s argument: the execution domain and flags, or the query in hex.
pub fn personality<S: Sink>(sink: &mut S, v: u64) {
    let v = v as u32;
    if v == PERSONALITY_QUERY {
        sink.hex(u64::from(v));
    } else {
        persona(sink, u64::from(v));
    }
}

/// `PER_MASK` (<linux/personality.h>): the execution domain's bits.
const PER_MASK: u64 = 0xff;

/// A persona: the execution domain, or'ed with the flags if any (`PER_LINUX|ADDR_NO_RANDOMIZE`),
/// each shown as strace shows it apart.
pub fn persona<S: Sink>(sink: &mut S, v: u64) {
    sink.open(Group::Or);
    sink.enumeration(v & PER_MASK, &table::ENUM_PERSONALITY_DOMAIN);
    if v & !PER_MASK != 0 {
        sink.flags(v & !PER_MASK, &table::FLAGS_PERSONALITY);
    }
    sink.close();
}

/// Where an I/O priority's class starts (`IOPRIO_CLASS_SHIFT`, <linux/ioprio.h>); the bits
/// below are its data.
const IOPRIO_CLASS_SHIFT: u32 = 13;

/// An I/O priority: `IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)`, the number being what `-X raw`
/// shows. strace takes the class as every bit above the data (no mask) and the data in
/// decimal.
pub fn ioprio<S: Sink>(sink: &mut S, v: i64) {
    sink.open(Group::StyledSymbolic(Number::Int(v)));
    ioprio_value(sink, v as u32);
    sink.close();
}

/// `IOPRIO_PRIO_VALUE(class, data)` alone, as `ioprio_get`'s return value has it.
pub fn ioprio_value<S: Sink>(sink: &mut S, bits: u32) {
    sink.open(Group::Call("IOPRIO_PRIO_VALUE"));
    sink.enumeration(
        u64::from(bits >> IOPRIO_CLASS_SHIFT),
        &table::ENUM_IOPRIO_CLASS,
    );
    sink.int(i64::from(bits & ((1 << IOPRIO_CLASS_SHIFT) - 1)));
    sink.close();
}

/// `struct __user_cap_data_struct`: `effective`, `permitted`, `inheritable`, 32 bits each.
const CAP_DATA_SIZE: usize = 12;
/// The versions whose sets are 64 bits wide (two data structs).
const LINUX_CAPABILITY_VERSION_2: u32 = 0x2007_1026;
const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;

/// The capability sets at `addr`, one or two words each as the header at `hdr` (`by`) says;
/// the address alone when the header cannot be read, and under `-e verbose=none`.
pub fn cap_data<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, hdr: u64, addr: u64) {
    let mut header = [0u8; 4];
    // strace reads no header under `-e verbose=none` (capability.c's get_cap_header), and
    // without one shows the sets' address.
    if hdr == 0 || addr == 0 || !ctx.opts.verbose || ctx.mem.read(hdr, &mut header).is_err() {
        return sink.addr(addr);
    }
    let version = u32::from_ne_bytes(header);
    let wide = matches!(
        version,
        LINUX_CAPABILITY_VERSION_2 | LINUX_CAPABILITY_VERSION_3
    );
    let words = if wide { 2 } else { 1 };
    read_struct(sink, ctx, addr, words * CAP_DATA_SIZE, |sink, _, raw| {
        sink.begin_struct();
        for (i, name) in ["effective", "permitted", "inheritable"]
            .into_iter()
            .enumerate()
        {
            let lo = u64::from(raw.u32(4 * i));
            let hi = if wide {
                u64::from(raw.u32(CAP_DATA_SIZE + 4 * i))
            } else {
                0
            };
            sink.field(name);
            sink.capabilities(hi << 32 | lo);
        }
        sink.end_struct(false);
    });
}

/// `<linux/mount.h>`: the old magic number in the upper half of the flags, and the flags
/// that make the kernel ignore the file system type and the data.
const MS_MGC_VAL: u64 = 0xc0ed_0000;
const MS_MGC_MSK: u64 = 0xffff_0000;
const MS_REMOUNT: u64 = 0x20;
const MS_BIND: u64 = 0x1000;
const MS_MOVE: u64 = 0x2000;
const MS_UNBINDABLE: u64 = 0x20000;
const MS_PRIVATE: u64 = 0x40000;
const MS_SLAVE: u64 = 0x80000;
const MS_SHARED: u64 = 0x100000;
/// `mount`'s flags without the magic number, and whether it was there.
fn mount_flags_of(flags: u64) -> (u64, bool) {
    if flags & MS_MGC_MSK == MS_MGC_VAL {
        (flags & !MS_MGC_MSK, true)
    } else {
        (flags, false)
    }
}

/// Whether the kernel ignores `mount`'s type (`ignore_data` false) or data (true), given
/// its flags.
fn mount_ignores(flags: u64, data: bool) -> bool {
    let (flags, _) = mount_flags_of(flags);
    let change_type = MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE;
    if flags & MS_REMOUNT != 0 {
        !data
    } else {
        flags & change_type != 0
    }
}

/// `mount`'s type or data: a string, or its address when the flags (`by`) say it is ignored.
pub fn mount_string<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    flags: u64,
    addr: u64,
    data: bool,
) {
    if mount_ignores(flags, data) {
        sink.addr(addr);
    } else {
        string::cstring(sink, ctx, addr);
    }
}

/// `mount`'s flags: `MS_MGC_VAL|MS_RDONLY` when the magic number is there.
/// `mount`'s flags: `MS_MGC_VAL` (the old magic in the high bits) or'ed with the `MS_*`
/// bits, each shown as strace shows it apart (`-X raw`: `0xc0ed0000|0xf`).
pub fn mount_flags<S: Sink>(sink: &mut S, flags: u64) {
    match mount_flags_of(flags) {
        (rest, true) => {
            sink.open(Group::Or);
            sink.flags(flags & MS_MGC_MSK, &table::FLAGS_MOUNT_FLAGS_MAGIC);
            if rest != 0 {
                sink.flags(rest, &table::FLAGS_MOUNT_FLAGS);
            }
            sink.close();
        }
        (flags, false) => sink.flags(flags, &table::FLAGS_MOUNT_FLAGS),
    }
}

/// `syslog`'s actions (include/linux/syslog.h) that decide which arguments show.
const SYSLOG_ACTION_READ: i32 = 2;
const SYSLOG_ACTION_READ_CLEAR: i32 = 4;
const SYSLOG_ACTION_CONSOLE_LEVEL: i32 = 8;

fn syslog_type(call: &Call) -> i32 {
    call.args[0] as i32
}

/// Whether the action reads the log into the buffer (its arguments print at exit).
pub fn syslog_reads(call: &Call) -> bool {
    (SYSLOG_ACTION_READ..=SYSLOG_ACTION_READ_CLEAR).contains(&syslog_type(call))
}

/// Whether the action has arguments shown at entry: all but the reading ones and those
/// for which the kernel ignores the buffer and length.
pub fn syslog_has_args(call: &Call) -> bool {
    !matches!(syslog_type(call), 0..=7 | 9..=10)
}

/// `syslog`'s action: `10 /* SYSLOG_ACTION_SIZE_BUFFER */`.
pub fn syslog_action<S: Sink>(sink: &mut S, call: &Call) {
    sink.enumeration_number(i64::from(syslog_type(call)), &table::ENUM_SYSLOG_ACTION);
}

/// `syslog`'s buffer and length at entry: `NULL, 3 /* LOGLEVEL_ERR */`, `0x8, 10`.
pub fn syslog_args<S: Sink>(sink: &mut S, call: &Call) {
    let len = call.args[2] as i32;
    sink.addr(call.args[1]);
    super::next_arg(sink, "len");
    if syslog_type(call) == SYSLOG_ACTION_CONSOLE_LEVEL {
        sink.enumeration_number(i64::from(len), &table::ENUM_SYSLOG_LEVEL);
    } else {
        sink.int(i64::from(len));
    }
}

/// `syslog`'s buffer and length after a read: the bytes read, or the address if it failed.
pub fn syslog_read<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    outcome: Option<Outcome>,
) {
    let buf = call.args[1];
    // The spec's name is `buf`, apart from `bufp` at entry; strace names both `bufp`.
    sink.arg_name("bufp");
    match outcome {
        Some(Outcome::Ok(n)) => string::buffer(sink, ctx, buf, n.max(0) as u64, false),
        _ => sink.addr(buf),
    }
    super::next_arg(sink, "len");
    sink.int(i64::from(call.args[2] as i32));
}

/// `__NEW_UTS_LEN` (`<linux/utsname.h>`): the longest host or domain name.
const NEW_UTS_LEN: u64 = 64;

/// `sethostname`'s name of `len` bytes, cut at `-s`; its address when too long to be taken.
pub fn uts_string<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    let len = u64::from(len as u32);
    if len > NEW_UTS_LEN {
        sink.addr(addr);
    } else {
        string::buffer(sink, ctx, addr, len, false);
    }
}

/// `kcmp` types (`<linux/kcmp.h>`) that compare descriptors or take no indexes.
const KCMP_FILE: i32 = 0;
const KCMP_VM: i32 = 1;
const KCMP_SYSVSEM: i32 = 6;
const KCMP_EPOLL_TFD: i32 = 7;

fn kcmp_type(call: &Call) -> i32 {
    call.args[2] as i32
}

/// Whether `kcmp`'s type takes the two indexes.
pub fn kcmp_has_idx(call: &Call) -> bool {
    !(KCMP_VM..=KCMP_SYSVSEM).contains(&kcmp_type(call))
}

/// `kcmp`'s indexes (registers 3 and 4): descriptors, an epoll slot, or hex numbers.
pub fn kcmp_idx<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    let (idx1, idx2) = (call.args[3], call.args[4]);
    // Each index is a descriptor of its own process, as the tracee names it.
    let (pid1, pid2) = (call.args[0] as i32, call.args[1] as i32);
    match kcmp_type(call) {
        KCMP_FILE => {
            super::fd_of_pid(sink, ctx, pid1, idx1 as i32);
            super::next_arg(sink, "idx2");
            super::fd_of_pid(sink, ctx, pid2, idx2 as i32);
        }
        KCMP_EPOLL_TFD => {
            super::fd_of_pid(sink, ctx, pid1, idx1 as i32);
            super::next_arg(sink, "idx2");
            // struct kcmp_epoll_slot: efd, tfd, toff, 32 bits each; both of the second process.
            read_struct(sink, ctx, idx2, 12, |sink, ctx, raw| {
                sink.begin_struct();
                sink.field("efd");
                super::fd_of_pid(sink, ctx, pid2, raw.i32(0));
                sink.field("tfd");
                super::fd_of_pid(sink, ctx, pid2, raw.i32(4));
                sink.field("toff");
                sink.uint(u64::from(raw.u32(8)));
                sink.end_struct(false);
            });
        }
        _ => {
            sink.hex(idx1);
            super::next_arg(sink, "idx2");
            sink.hex(idx2);
        }
    }
}

/// `KEXEC_ARCH_MASK` (`<linux/kexec.h>`): the bits of `kexec_load`'s flags naming the
/// architecture.
const KEXEC_ARCH_MASK: u64 = 0xffff_0000;

/// `KEXEC_SEGMENT_MAX`: more segments than this the kernel refuses, and strace shows the
/// array's address.
const KEXEC_SEGMENT_MAX: u64 = 16;

/// `struct kexec_segment`: a buffer, its size, a physical address, its size.
const KEXEC_SEGMENT_SIZE: usize = 32;

/// `kexec_load`'s flags: `KEXEC_ARCH_SH|KEXEC_ON_CRASH`, `0xda7a0000 /* KEXEC_ARCH_??? */`.
pub fn kexec_flags<S: Sink>(sink: &mut S, v: u64) {
    sink.field_and_flags(
        v,
        KEXEC_ARCH_MASK,
        &table::ENUM_KEXEC_ARCH,
        &table::FLAGS_KEXEC_LOAD_FLAGS,
    );
}

/// `kexec_load`'s segments: `[{buf=NULL, bufsz=0, mem=NULL, memsz=0}, ...]`.
pub fn kexec_segments<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
) {
    if count > KEXEC_SEGMENT_MAX {
        return sink.addr(addr);
    }
    super::array::array(
        sink,
        ctx,
        addr,
        count,
        KEXEC_SEGMENT_SIZE,
        |sink, _, raw| {
            sink.begin_struct();
            sink.field("buf");
            sink.addr(raw.u64(0));
            sink.field("bufsz");
            sink.uint(raw.u64(8));
            sink.field("mem");
            sink.addr(raw.u64(16));
            sink.field("memsz");
            sink.uint(raw.u64(24));
            sink.end_struct(false);
        },
    );
}

/// `SWAP_FLAG_PRIO_MASK` (`<sys/swap.h>`): the bits of `swapon`'s flags holding the priority.
const SWAP_FLAG_PRIO_MASK: u32 = 0x7fff;

/// `swapon`'s flags: `SWAP_FLAG_PREFER|42`, or the priority alone: `0`.
pub fn swap_flags<S: Sink>(sink: &mut S, v: u64) {
    let v = v as u32;
    let (flags, prio) = (v & !SWAP_FLAG_PRIO_MASK, v & SWAP_FLAG_PRIO_MASK);
    if flags == 0 {
        return sink.uint(u64::from(prio));
    }
    sink.open(Group::Or);
    sink.flags(u64::from(flags), &table::FLAGS_SWAP_FLAGS);
    sink.uint(u64::from(prio));
    sink.close();
}

/// `LINUX_REBOOT_CMD_RESTART2` (<linux/reboot.h>): the one command with an argument.
const LINUX_REBOOT_CMD_RESTART2: u32 = 0xa1b2_c3d4;

/// Whether `reboot`'s command (an `unsigned int`) takes its argument.
pub fn reboot_has_arg(cmd: u64) -> bool {
    cmd as u32 == LINUX_REBOOT_CMD_RESTART2
}

/// A pointer to one 8-byte word the call wrote, shown by `show`: `[0x7f0000001000]` (a
/// pointer), `[24]` (an `unsigned long`).
pub fn word_ptr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    show: impl FnOnce(&mut S, u64),
) {
    read_struct(sink, ctx, addr, 8, |sink, _, raw| {
        sink.begin_array();
        show(sink, raw.u64(0));
        sink.end_array();
    });
}
