//! Decoding: turns a syscall's raw arguments (and the tracee memory they point to) into values
//! described to a [`Sink`]. Decoders never build strings; the text renderer (`crate::text`)
//! writes strace's format and other renderers can write the same values another way.
//!
//! One generic loop walks a syscall's argument list from the generated table and calls one
//! printer per argument kind; there is no per-syscall code here.

mod fs;
mod futex;
mod ioctl;
mod process;
mod signal;
mod stat;
mod string;
mod structs;
pub mod time;

pub use signal::siginfo;

use crate::mem::Memory;
use crate::table::{self, ArgDesc, ArgKind, EnumTable, FlagTable, Len, RetKind, SyscallDesc};

/// `AT_FDCWD` from `<linux/fcntl.h>`: the `*at` calls' "current directory" descriptor.
const AT_FDCWD: i32 = -100;

/// Where decoded values go. The methods mirror the value kinds strace prints; the renderer owns
/// all separators and punctuation inside arrays and structs.
pub trait Sink {
    /// Separates two top-level arguments.
    fn arg_sep(&mut self);
    /// Closes the argument list.
    fn end_args(&mut self);
    fn int(&mut self, v: i64);
    fn uint(&mut self, v: u64);
    fn hex(&mut self, v: u64);
    /// A pointer: `NULL` or its address.
    fn addr(&mut self, v: u64);
    /// A pointer shown as its address because the memory it points to could not be read (strace
    /// prints the address then; structured renderers say why).
    fn unreadable(&mut self, v: u64);
    /// A mode in octal, `0644`.
    fn octal(&mut self, v: u64);
    fn fd(&mut self, fd: i32);
    /// A constant known by name standing for a number (`AT_FDCWD`).
    fn constant(&mut self, name: &'static str, raw: i64);
    fn flags(&mut self, v: u64, table: &'static FlagTable);
    fn enumeration(&mut self, v: u64, table: &'static EnumTable);
    fn signal(&mut self, sig: i64);
    /// A quoted string: `bytes` as read, `truncated` when more followed.
    fn string(&mut self, bytes: &[u8], truncated: bool);
    /// A quoted string shown entirely in hex escapes (`"\x45\x25"`).
    fn hex_string(&mut self, bytes: &[u8], truncated: bool);
    /// A resource limit value (`RLIM64_INFINITY`, `8192*1024`).
    fn rlim(&mut self, v: u64);
    /// A signal set, bit `n - 1` standing for signal `n`: `[INT TERM]`.
    fn sigset(&mut self, mask: u64);
    fn begin_array(&mut self);
    fn end_array(&mut self);
    fn begin_struct(&mut self);
    /// Names the next value of the current struct.
    fn field(&mut self, name: &'static str);
    /// Closes a struct; `abbreviated` when fields were left out (`, ...}`).
    fn end_struct(&mut self, abbreviated: bool);
    /// More elements or fields exist than are shown (`...` in an array).
    fn more(&mut self);
    /// How many elements an array has, shown after its address (`/* 35 vars */`,
    /// `/* 1 entries */`): `one` names a single element, `many` any other count.
    fn count(&mut self, n: u64, one: &'static str, many: &'static str);
    /// An `ioctl` request no table names, by its parts (`<asm-generic/ioctl.h>`):
    /// `_IOC(_IOC_READ, 0x54, 0x1, 0x4)`.
    fn ioctl_code(&mut self, dir: u32, kind: u32, nr: u32, size: u32);
    /// A terminal flag word (`struct termios`'s `c_oflag`, `c_cflag`): the names of its
    /// multi-bit fields, each followed by `|`, then the bits of `rest` from `table` (nothing
    /// when `rest` is zero). strace 6.1 prints exactly that, a trailing `|` included.
    fn tty_flags(&mut self, fields: &[&'static str], rest: u64, table: &'static FlagTable);
    /// A return value with its flags (`fcntl(F_GETFL)`): `0x8002 (flags O_RDWR|O_LARGEFILE)`.
    /// `label` says what the flags are (`flags`, `seals`).
    fn ret_flags(&mut self, v: u64, label: &'static str, table: &'static FlagTable);
    /// A return value that is a signal number (`fcntl(F_GETSIG)`): `10 (SIGUSR1)`.
    fn ret_signal(&mut self, sig: i64);
    /// A return value with its name (`fcntl(F_GETLEASE)`): `0x2 (F_UNLCK)`.
    fn ret_enum(&mut self, v: u64, table: &'static EnumTable);
    /// A `mode_t` with its file type: `S_IFREG|0644`.
    fn file_mode(&mut self, mode: u32);
    /// A device number: `makedev(0x1, 0x3)`.
    fn dev(&mut self, major: u32, minor: u32);
    /// The syscall `restart_syscall` resumes: `<... resuming interrupted read ...>`.
    fn interrupted_call(&mut self, name: &str);
    /// A return value in decimal.
    fn ret_int(&mut self, v: i64);
    /// A return value in hex (an address).
    fn ret_hex(&mut self, v: u64);
    /// A return value in octal (a mode).
    fn ret_octal(&mut self, v: u64);
    /// A failed call's errno.
    fn ret_error(&mut self, errno: u64);
    /// `FUTEX_WAKE_OP`'s encoded operation (`<linux/futex.h>` `FUTEX_OP()`):
    /// `FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0`.
    fn futex_wake_op(&mut self, v: u32);
    /// A set of flags from `table` and a signal number in the low byte: `CLONE_VM|SIGCHLD`.
    fn flags_and_signal(&mut self, v: u64, table: &'static FlagTable, sig: i64);
    /// Separates a value as the call got it from what the call left there: ` => `.
    fn updated(&mut self);
    /// A set of CPUs as a bit mask, bit `n` of byte `n / 8` standing for CPU `n`: `[0 1]`.
    fn cpu_set(&mut self, mask: &[u8]);
    /// A `wait` status (wait(2)), described by the macros that decode it:
    /// `{WIFEXITED(s) && WEXITSTATUS(s) == 0}`.
    fn wait_status(&mut self, status: i32);
}

/// Options that change how values decode.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOpts {
    /// `-s`: the most string bytes shown.
    pub max_strlen: usize,
}

/// `PATH_MAX` from `<linux/limits.h>`: strace shows paths up to this length, ignoring `-s`.
pub const PATH_MAX: usize = 4096;

/// Reusable buffers, so decoding allocates nothing once warmed up.
pub struct Scratch {
    bytes: Vec<u8>,
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            bytes: vec![0; PATH_MAX + 1],
        }
    }

    fn buf(&mut self, len: usize) -> &mut [u8] {
        if self.bytes.len() < len {
            self.bytes.resize(len, 0);
        }
        &mut self.bytes[..len]
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

/// Everything a printer may need.
pub struct Ctx<'a, M: Memory> {
    pub mem: &'a M,
    pub opts: DecodeOpts,
    pub scratch: &'a mut Scratch,
    /// The tracee's previous syscall, which a `restart_syscall` resumes.
    pub previous: u64,
}

/// The outcome of a syscall, as the exit stop reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The return value of a call that succeeded.
    Ok(i64),
    /// The errno of a call that failed.
    Err(u64),
}

/// The 6-argument stand-in for a syscall number the table does not know: strace prints all six
/// registers then.
pub static UNKNOWN_ARGS: [ArgDesc; 6] = [ArgDesc::RAW; 6];

/// Prints the arguments of `call` in `range` (entry: those before `first_out`; exit: the
/// rest). Returns whether any was printed, for the separator.
fn args<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    range: std::ops::Range<usize>,
    outcome: Option<Outcome>,
) -> bool {
    let mut printed = false;
    for (i, desc) in call
        .arg_descs()
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        if !present(desc, call) {
            continue;
        }
        if printed {
            sink.arg_sep();
        }
        printed = true;
        if desc.out && !desc.kind.shows_failure() && matches!(outcome, Some(Outcome::Err(_))) {
            // What the kernel would have filled is not there: strace shows the address.
            sink.addr(call.args[i]);
        } else {
            arg(sink, ctx, desc.kind, call, call.args[i], outcome);
        }
    }
    printed
}

/// Whether an argument is printed: its `show_if`, and for the kinds whose presence depends
/// on another argument (`fcntl(3, F_GETFD)` has no third), their own rule.
fn present(desc: &ArgDesc, call: &Call) -> bool {
    if let Some(show_if) = desc.show_if
        && call.args[show_if.arg as usize] & show_if.mask == 0
    {
        return false;
    }
    match desc.kind {
        ArgKind::FcntlArg => fs::fcntl_has_arg(call.args[1]),
        ArgKind::IoctlArg => ioctl::has_arg(call.args[1]),
        _ => true,
    }
}

/// Prints one argument of kind `kind` with raw value `v`.
fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    kind: ArgKind,
    call: &Call,
    v: u64,
    outcome: Option<Outcome>,
) {
    match kind {
        ArgKind::Int => sink.int(i64::from(v as i32)),
        ArgKind::Uint => sink.uint(u64::from(v as u32)),
        ArgKind::Long => sink.int(v as i64),
        ArgKind::Size => sink.uint(v),
        ArgKind::Hex => sink.hex(v),
        ArgKind::Addr => sink.addr(v),
        ArgKind::Fd => sink.fd(v as i32),
        ArgKind::Dirfd if v as i32 == AT_FDCWD => sink.constant("AT_FDCWD", i64::from(AT_FDCWD)),
        ArgKind::Dirfd => sink.fd(v as i32),
        // umode_t is 16 bits wide (include/linux/types.h).
        ArgKind::Octal => sink.octal(v & 0o177777),
        ArgKind::Flags(table) => sink.flags(u64::from(v as u32), table),
        ArgKind::Flags64(table) => sink.flags(v, table),
        ArgKind::Enum(table) => sink.enumeration(u64::from(v as u32), table),
        ArgKind::Signo => sink.signal(i64::from(v as i32)),
        ArgKind::Path => string::path(sink, ctx, v),
        ArgKind::String => string::cstring(sink, ctx, v),
        ArgKind::Argv => string::argv(sink, ctx, v),
        ArgKind::Envp => string::envp(sink, ctx, v),
        // Output arguments of a failed call hold nothing: strace shows their address.
        ArgKind::Buffer(_)
        | ArgKind::HexBuffer(_)
        | ArgKind::Stat
        | ArgKind::Rlimit
        | ArgKind::OutPath
        | ArgKind::FdPair
        | ArgKind::Dirents
        | ArgKind::Statx
        | ArgKind::Statfs
            if matches!(outcome, Some(Outcome::Err(_))) =>
        {
            sink.addr(v)
        }
        ArgKind::Buffer(len) => {
            string::buffer(sink, ctx, v, buffer_len(len, &call.args, outcome), false)
        }
        ArgKind::HexBuffer(len) => {
            string::buffer(sink, ctx, v, buffer_len(len, &call.args, outcome), true)
        }
        ArgKind::Rlimit => structs::rlimit(sink, ctx, v),
        ArgKind::SigreturnFrame => signal::sigreturn_frame(sink, ctx, call.sp),
        ArgKind::Stat => stat::stat(sink, ctx, v),
        ArgKind::OutPath => string::path(sink, ctx, v),
        ArgKind::FdPair => fs::fd_pair(sink, ctx, v),
        // -1 means "leave unchanged" (chown(2)); other ids are unsigned.
        ArgKind::Uid if v as u32 == u32::MAX => sink.int(-1),
        ArgKind::Uid => sink.uint(u64::from(v as u32)),
        ArgKind::MknodMode => fs::mknod_mode(sink, call, v),
        ArgKind::Dirents => fs::dirents(sink, ctx, v, outcome),
        ArgKind::Statx => stat::statx(sink, ctx, v),
        ArgKind::Statfs => stat::statfs(sink, ctx, v),
        ArgKind::FcntlCmd => sink.enumeration(u64::from(v as u32), &table::ENUM_FCNTL_CMD),
        ArgKind::FcntlArg => fs::fcntl_arg(sink, ctx, call, v, outcome),
        ArgKind::IoctlRequest => ioctl::request(sink, v),
        ArgKind::IoctlArg => ioctl::arg(sink, ctx, call, v, outcome),
        ArgKind::Sigset(len) => signal::sigset(sink, ctx, v, buffer_len(len, &call.args, outcome)),
        ArgKind::Sigaction => signal::sigaction(sink, ctx, v),
        ArgKind::Siginfo => signal::siginfo_at(sink, ctx, v),
        ArgKind::SigaltStack => signal::sigaltstack(sink, ctx, v),
        ArgKind::Timespec => time::timespec(sink, ctx, v),
        ArgKind::WaitStatus => process::wait_status(sink, ctx, v),
        ArgKind::Rusage => process::rusage(sink, ctx, v),
        ArgKind::FutexOp => futex::futex_op(sink, ctx, call),
        ArgKind::CloneFlags(table) => process::clone_flags(sink, call, table),
        ArgKind::CloneTail => process::clone_tail(sink, ctx, call, outcome),
        ArgKind::CloneArgs => process::clone_args(sink, ctx, call, v, outcome),
        ArgKind::IntPtr => process::int_ptr(sink, ctx, v),
        ArgKind::GidArray(len) => {
            process::gid_array(sink, ctx, v, buffer_len(len, &call.args, outcome))
        }
        ArgKind::CpuSet(len) => {
            process::cpu_set(sink, ctx, v, buffer_len(len, &call.args, outcome))
        }
        ArgKind::Tms => process::tms(sink, ctx, v),
        ArgKind::Utsname => process::utsname(sink, ctx, v),
        // strace names syscall 0 when it never saw the interrupted call (after an attach).
        ArgKind::InterruptedCall => {
            sink.interrupted_call(table::syscall(ctx.previous).map_or("read", |d| d.name))
        }
    }
}

/// The length of a buffer argument: another argument, or what the call returned.
fn buffer_len(len: Len, values: &[u64; 6], outcome: Option<Outcome>) -> u64 {
    match (len, outcome) {
        (Len::Arg(i), _) => values[i as usize],
        (Len::Ret, Some(Outcome::Ok(n))) => n.max(0) as u64,
        (Len::Ret, _) => 0,
    }
}

/// A syscall as its entry stop reported it.
#[derive(Debug, Clone, Copy)]
pub struct Call {
    pub nr: u64,
    pub desc: Option<&'static SyscallDesc>,
    pub args: [u64; 6],
    /// The stack pointer at entry.
    pub sp: u64,
}

impl Call {
    pub fn new(nr: u64, args: [u64; 6], sp: u64) -> Self {
        Call {
            nr,
            desc: table::syscall(nr),
            args,
            sp,
        }
    }

    fn arg_descs(&self) -> &'static [ArgDesc] {
        self.desc.map_or(&UNKNOWN_ARGS[..], |d| d.args)
    }

    /// Whether some arguments are printed only when the call returns.
    pub fn has_exit_args(&self) -> bool {
        let descs = self.arg_descs();
        descs[self.first_out().min(descs.len())..]
            .iter()
            .any(|d| present(d, self))
    }

    fn first_out(&self) -> usize {
        self.desc
            .map_or(UNKNOWN_ARGS.len(), |d| d.first_out as usize)
    }
}

/// The entry half of a syscall line: the arguments known at entry, and the separator before
/// those printed at exit (strace writes `read(3, ` before the call blocks).
pub fn entry<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call) {
    if args(sink, ctx, call, 0..call.first_out(), None) && call.has_exit_args() {
        sink.arg_sep();
    }
}

/// The exit half: the remaining arguments, given the outcome, and the return value.
pub fn exit<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call, outcome: Outcome) {
    args(
        sink,
        ctx,
        call,
        call.first_out()..call.arg_descs().len(),
        Some(outcome),
    );
    sink.end_args();
    ret(sink, ctx, call, outcome);
}

/// The return kind of a call (strace prints what a syscall number it does not know returned in
/// hex).
pub fn ret_kind(call: &Call) -> RetKind {
    call.desc.map_or(RetKind::Hex, |d| d.ret)
}

/// Prints the return value of a call that returned, by its return kind.
fn ret<S: Sink, M: Memory>(sink: &mut S, _ctx: &mut Ctx<'_, M>, call: &Call, outcome: Outcome) {
    match outcome {
        Outcome::Err(errno) => sink.ret_error(errno),
        Outcome::Ok(v) => match ret_kind(call) {
            RetKind::Hex => sink.ret_hex(v as u64),
            RetKind::Octal => sink.ret_octal(v as u64),
            RetKind::Signal => sink.ret_signal(v),
            RetKind::Int | RetKind::Fd | RetKind::Noreturn => sink.ret_int(v),
            RetKind::Fcntl => fs::fcntl_ret(sink, call, v),
        },
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_procsig;
