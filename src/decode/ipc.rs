//! System V IPC (msgget ... shmctl) as strace 6.1 prints it (its `ipc_*.c`): the `*get`
//! calls' flags with their permission bits, the `*ctl` commands and the structs the commands
//! have the kernel read or write, messages and semaphore operations.
//!
//! The structs are described as data (a list of fields per struct, [`Field`]) in this one
//! file, so that they can move whole to a declarative struct layer. Their layouts are
//! x86_64's, the kernel's `*64_ds` ones strace reads on a 64-bit tracee: `<linux/ipc.h>`,
//! `<asm-generic/ipcbuf.h>`, `<asm-generic/msgbuf.h>`, `<asm/sembuf.h>`,
//! `<asm-generic/shmbuf.h>`, `<linux/msg.h>`, `<linux/sem.h>`, `<linux/shm.h>` (the unit tests
//! check sizes and offsets against `libc`'s types).

use super::array::array;
use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Number, Outcome, PidKind, Sink, Values, string};
use crate::mem::Memory;
use crate::table::{self, EnumTable, FlagTable};

/// Or'ed into a `*ctl` command by 32-bit callers for the `*64_ds` layouts (`<linux/ipc.h>`);
/// strace shows it apart and decodes the command without it.
const IPC_64: u32 = 0x100;

// The commands all three `*ctl` calls share (`<linux/ipc.h>`).
const IPC_SET: u32 = 1;
const IPC_STAT: u32 = 2;
const IPC_INFO: u32 = 3;
// msgctl's own (`<linux/msg.h>`).
const MSG_STAT: u32 = 11;
const MSG_INFO: u32 = 12;
const MSG_STAT_ANY: u32 = 13;
// semctl's own (`<linux/sem.h>`).
const SEM_STAT: u32 = 18;
const SEM_INFO: u32 = 19;
const SEM_STAT_ANY: u32 = 20;
// shmctl's own (`<linux/shm.h>`).
const SHM_STAT: u32 = 13;
const SHM_INFO: u32 = 14;
const SHM_STAT_ANY: u32 = 15;

/// The permission bits of a `*get` call's flags, shown in octal after the flags.
const PERMS: u64 = 0o777;

/// How one field is read and shown.
#[derive(Debug, Clone, Copy)]
enum Field {
    /// A C `int` at this offset, signed decimal.
    I32(usize),
    /// An `unsigned short`.
    U16(usize),
    /// An `unsigned int` (a key: strace shows `key_t` unsigned).
    U32(usize),
    /// A `long` or `unsigned long`, shown unsigned as strace shows them (times included).
    U64(usize),
    /// A user or group id: `-1`, else unsigned.
    Id(usize),
    /// A mode (`__kernel_mode_t`, 32 bits on x86_64), in octal.
    Mode(usize),
    /// A process id, noted as `-Y` asks.
    Tgid(usize),
    /// The `struct ipc64_perm` every `*64_ds` starts with.
    Perm,
}

/// One field: its name, how it is read, and whether IPC_SET's form shows it (strace shows
/// only the fields IPC_SET changes of the struct the call reads).
type Fields = &'static [(&'static str, Field, bool)];

/// `struct ipc64_perm` (48 bytes): key, uid, gid, cuid, cgid, mode, then padding, a
/// sequence number and spare words.
const IPC64_PERM: Fields = &[
    ("uid", Field::Id(4), true),
    ("gid", Field::Id(8), true),
    ("mode", Field::Mode(20), true),
    ("key", Field::U32(0), false),
    ("cuid", Field::Id(12), false),
    ("cgid", Field::Id(16), false),
];

/// `struct msqid64_ds` (120 bytes; `msg_cbytes`, at 72, is not shown).
const MSQID64_DS: (usize, Fields) = (
    120,
    &[
        ("msg_perm", Field::Perm, true),
        ("msg_stime", Field::U64(48), false),
        ("msg_rtime", Field::U64(56), false),
        ("msg_ctime", Field::U64(64), false),
        ("msg_qnum", Field::U64(80), false),
        ("msg_qbytes", Field::U64(88), true),
        ("msg_lspid", Field::I32(96), false),
        ("msg_lrpid", Field::I32(100), false),
    ],
);

/// `struct msginfo` (32 bytes): seven `int`s and an `unsigned short`.
const MSGINFO: (usize, Fields) = (
    32,
    &[
        ("msgpool", Field::I32(0), false),
        ("msgmap", Field::I32(4), false),
        ("msgmax", Field::I32(8), false),
        ("msgmnb", Field::I32(12), false),
        ("msgmni", Field::I32(16), false),
        ("msgssz", Field::I32(20), false),
        ("msgtql", Field::I32(24), false),
        ("msgseg", Field::U16(28), false),
    ],
);

/// x86_64's `struct semid64_ds` (104 bytes; a spare word after each time).
const SEMID64_DS: (usize, Fields) = (
    104,
    &[
        ("sem_perm", Field::Perm, true),
        ("sem_otime", Field::U64(48), false),
        ("sem_ctime", Field::U64(64), false),
        ("sem_nsems", Field::U64(80), false),
    ],
);

/// `struct seminfo` (40 bytes): ten `int`s.
const SEMINFO: (usize, Fields) = (
    40,
    &[
        ("semmap", Field::I32(0), false),
        ("semmni", Field::I32(4), false),
        ("semmns", Field::I32(8), false),
        ("semmnu", Field::I32(12), false),
        ("semmsl", Field::I32(16), false),
        ("semopm", Field::I32(20), false),
        ("semume", Field::I32(24), false),
        ("semusz", Field::I32(28), false),
        ("semvmx", Field::I32(32), false),
        ("semaem", Field::I32(36), false),
    ],
);

/// `struct shmid64_ds` (112 bytes), in strace's order: the pids before the times.
const SHMID64_DS: (usize, Fields) = (
    112,
    &[
        ("shm_perm", Field::Perm, true),
        ("shm_segsz", Field::U64(48), false),
        ("shm_cpid", Field::Tgid(80), false),
        ("shm_lpid", Field::Tgid(84), false),
        ("shm_nattch", Field::U64(88), false),
        ("shm_atime", Field::U64(56), false),
        ("shm_dtime", Field::U64(64), false),
        ("shm_ctime", Field::U64(72), false),
    ],
);

/// `struct shminfo64` (72 bytes; four spare words after the five shown).
const SHMINFO64: (usize, Fields) = (
    72,
    &[
        ("shmmax", Field::U64(0), false),
        ("shmmin", Field::U64(8), false),
        ("shmmni", Field::U64(16), false),
        ("shmseg", Field::U64(24), false),
        ("shmall", Field::U64(32), false),
    ],
);

/// `struct shm_info` (48 bytes): an `int`, then five `unsigned long`s.
const SHM_INFO_STRUCT: (usize, Fields) = (
    48,
    &[
        ("used_ids", Field::I32(0), false),
        ("shm_tot", Field::U64(8), false),
        ("shm_rss", Field::U64(16), false),
        ("shm_swp", Field::U64(24), false),
        ("swap_attempts", Field::U64(32), false),
        ("swap_successes", Field::U64(40), false),
    ],
);

/// `struct sembuf` (`<linux/sem.h>`): `sem_num`, `sem_op`, `sem_flg`, 16 bits each.
const SEMBUF_SIZE: usize = 6;

/// `struct msgbuf` as strace reads it: `long mtype` and the first byte of `mtext`, padded.
const MSGBUF_SIZE: usize = 16;
const MSGBUF_MTEXT: u64 = 8;

/// Prints `fields` of `raw`; `set_form`: only those IPC_SET's form shows.
fn fields<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    raw: Raw<'_>,
    list: Fields,
    set_form: bool,
) {
    sink.begin_struct();
    for &(name, field, in_set) in list {
        if set_form && !in_set {
            continue;
        }
        sink.field(name);
        match field {
            Field::I32(off) => sink.int(i64::from(raw.i32(off))),
            Field::U16(off) => sink.uint(u64::from(raw.u16(off))),
            Field::U32(off) => sink.uint(u64::from(raw.u32(off))),
            Field::U64(off) => sink.uint(raw.u64(off)),
            Field::Id(off) => sink.id(raw.u32(off)),
            Field::Mode(off) => sink.octal(u64::from(raw.u32(off))),
            Field::Tgid(off) => super::pid(sink, ctx, i64::from(raw.i32(off)), PidKind::Tgid),
            Field::Perm => fields(sink, ctx, raw, IPC64_PERM, set_form),
        }
    }
    sink.end_struct(false);
}

/// The struct `(size, fields)` at `addr`, as strace's `umove_or_printaddr` reads it: `NULL`,
/// the address under `-e verbose=` that leaves it out or when it cannot be read.
fn ipc_struct<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    (size, list): (usize, Fields),
    set_form: bool,
) {
    if !ctx.opts.verbose && addr != 0 {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, size, |sink, ctx, raw| {
        fields(sink, ctx, raw, list, set_form)
    });
}

/// A `*get` call's flags (a C `int`): the flags from `table`, then the permission bits in
/// octal: `IPC_CREAT|IPC_EXCL|0600`, `000`. A table with a shifted field is shmget's, whose
/// huge page size strace shows apart, between them: `SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600`.
///
/// strace 6.1 joins the parts two ways: shmget with `|` between any two; msgget and semget
/// by what printing the flags returned, which is nothing for flags no name covers but under
/// `-X raw` ([`Group::RawOr`]).
pub fn ipc_flags<S: Sink>(sink: &mut S, v: u64, table: &'static FlagTable) {
    let v = u64::from(v as u32);
    let mut flags = v & !PERMS;
    match &table.shifted {
        Some(huge) => {
            let mask = huge.mask << huge.shift;
            let size = (flags & mask) >> huge.shift;
            flags &= !mask;
            sink.open(Group::Or);
            if flags != 0 {
                sink.flags(flags, table);
            }
            if size != 0 {
                sink.open(Group::NamedShift(huge.name, huge.shift));
                sink.uint(size);
                sink.close();
            }
        }
        None => {
            let joined = flags != 0 && !table.names_any(flags);
            sink.open(if joined { Group::RawOr } else { Group::Or });
            if flags != 0 {
                sink.flags(flags, table);
            }
        }
    }
    sink.octal(v & PERMS);
    sink.close();
}

/// A `*ctl` command (a C `int`) named by `table`, `IPC_64` apart: `IPC_64|IPC_STAT`.
pub fn ipc_cmd<S: Sink>(sink: &mut S, v: u64, table: &'static EnumTable) {
    let cmd = v as u32;
    if cmd & IPC_64 == 0 {
        return sink.enumeration(u64::from(cmd), table);
    }
    sink.open(Group::Or);
    sink.constant("IPC_64", Number::Hex(u64::from(IPC_64)));
    sink.enumeration(u64::from(cmd & !IPC_64), table);
    sink.close();
}

/// What a `*ctl` command does with the buffer.
enum Use {
    /// The kernel reads this struct (IPC_SET): shown at entry, in IPC_SET's form.
    Read((usize, Fields)),
    /// The kernel writes this struct: shown at exit, its address if the call failed.
    Written((usize, Fields)),
    /// The command ignores the buffer: its address (or number), at entry.
    Ignored,
}

/// Prints what `how` shows of the buffer at `addr` at this end of the call (`outcome`:
/// `None` at entry); nothing at the other end.
fn ctl_buffer<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    how: Use,
    outcome: Option<Outcome>,
) {
    match (how, outcome) {
        (Use::Read(layout), None) => ipc_struct(sink, ctx, addr, layout, true),
        (Use::Ignored, None) => sink.addr(addr),
        (Use::Written(layout), Some(Outcome::Ok(_))) => ipc_struct(sink, ctx, addr, layout, false),
        (Use::Written(_), Some(Outcome::Err(_))) => sink.addr(addr),
        _ => {}
    }
}

/// The command without `IPC_64`, as strace decodes it.
fn command(cmd: u64) -> u32 {
    cmd as u32 & !IPC_64
}

/// msgctl's buffer, by the command.
pub fn msgctl_buf<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    cmd: u64,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let how = match command(cmd) {
        IPC_SET => Use::Read(MSQID64_DS),
        IPC_STAT | MSG_STAT | MSG_STAT_ANY => Use::Written(MSQID64_DS),
        IPC_INFO | MSG_INFO => Use::Written(MSGINFO),
        _ => Use::Ignored,
    };
    ctl_buffer(sink, ctx, addr, how, outcome);
}

/// semctl's fourth argument (`union semun`, passed by value), by the command: a struct
/// pointer, else the value as an address (SETVAL's number, GETALL's array).
pub fn semctl_arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    cmd: u64,
    arg: u64,
    outcome: Option<Outcome>,
) {
    let how = match command(cmd) {
        IPC_SET => Use::Read(SEMID64_DS),
        IPC_STAT | SEM_STAT | SEM_STAT_ANY => Use::Written(SEMID64_DS),
        IPC_INFO | SEM_INFO => Use::Written(SEMINFO),
        _ => Use::Ignored,
    };
    ctl_buffer(sink, ctx, arg, how, outcome);
}

/// shmctl's buffer, by the command.
pub fn shmctl_buf<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    cmd: u64,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let how = match command(cmd) {
        IPC_SET => Use::Read(SHMID64_DS),
        IPC_STAT | SHM_STAT | SHM_STAT_ANY => Use::Written(SHMID64_DS),
        IPC_INFO => Use::Written(SHMINFO64),
        SHM_INFO => Use::Written(SHM_INFO_STRUCT),
        _ => Use::Ignored,
    };
    ctl_buffer(sink, ctx, addr, how, outcome);
}

/// A message with `len` bytes of text (msgsnd's, or what msgrcv received): `{mtype=1,
/// mtext="hello"}`. strace reads the type and the text's first byte (a whole `struct
/// msgbuf`) before the text, and shows the text as any buffer of `len` bytes.
pub fn msgbuf<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if !ctx.opts.verbose && addr != 0 {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, MSGBUF_SIZE, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("mtype");
        sink.int(raw.i64(0));
        sink.field("mtext");
        string::buffer(sink, ctx, addr.wrapping_add(MSGBUF_MTEXT), len, false);
        sink.end_struct(false);
    });
}

/// semop's and semtimedop's operations, `n` of them (a C `unsigned int`):
/// `[{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}]`.
pub fn sembufs<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    let n = u64::from(n as u32);
    // strace's array printer reads no element under `-e verbose=` that leaves it out.
    if !ctx.opts.verbose && n != 0 {
        return sink.addr(addr);
    }
    array(sink, ctx, addr, n, SEMBUF_SIZE, |sink, _, raw| {
        sink.begin_struct();
        sink.field("sem_num");
        sink.uint(u64::from(raw.u16(0)));
        sink.field("sem_op");
        sink.int(i64::from(raw.i16(2)));
        sink.field("sem_flg");
        sink.flags(u64::from(raw.u16(4)), &table::FLAGS_SEMOP_FLAGS);
        sink.end_struct(false);
    });
}
