//! Every value kind of `syscalls.toml`, defined once: its name, what it needs besides its
//! register (a flag or enum `table`, a `len`, an argument it depends on, `by`), whether it
//! shows what a failed call left and whether it shows at exit what the call changed, and the
//! JSON shapes it renders as (docs/json-schema.json). build.rs (through `#[path]`) checks the
//! spec against this list and generates the tables from it; the tracer dispatches on
//! [`Kind`] to one printer per kind in `src/decode` (a kind without a printer does not build).
//!
//! Adding a kind: an entry here, its printer in `src/decode`, and its shapes in
//! docs/json-schema.json's `x-arg-kinds` if it is new (the tests check the schema).
//!
//! The kinds of struct members (`[structs.NAME]`'s `fields`) are a second, closed list at the
//! end ([`FIELD_KINDS`]), printed by `src/decode/fields.rs` with the argument kinds' printers.

/// What a kind takes from the spec entry besides its register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableNeed {
    None,
    /// A `[flags.NAME]` table.
    Flags,
    /// An `[enums.NAME]` table.
    Enum,
    /// A `[structs.NAME]` layout, named by `struct = "NAME"`.
    Struct,
    /// `[structs.NAME]` layouts by a value of the `by` argument's enum table, named by
    /// `structs = { TAG = "NAME" }`.
    StructMap,
}

/// One value kind. The tracer reads `shows_failure` and `updated_at_exit`; build.rs and the
/// tests read the rest.
#[allow(dead_code)]
#[derive(Debug)]
pub struct KindDef {
    /// Its name in `syscalls.toml` (`kind = "sockaddr"`).
    pub name: &'static str,
    /// The variant's name (for generated code).
    pub variant: &'static str,
    pub table: TableNeed,
    /// It takes a `len`: `"ret"` or another argument.
    pub len: bool,
    /// It depends on another argument, named by `by`.
    pub by: bool,
    /// It shows what a failed call left itself, rather than the bare address an output
    /// argument of a failed call gets.
    pub shows_failure: bool,
    /// Printed at entry, it adds at exit what the call changed (` => [100]`), or what it
    /// wrote where nothing was shown at entry (msgctl's buffer, read or written by the
    /// command): the first exit argument of this kind is also printed at entry, and the
    /// separator after it waits.
    pub updated_at_exit: bool,
    /// The syscall-level decoder it belongs to (`""`: none). A call whose argument layout
    /// hangs on one argument (prctl's option, futex's operation) names its decoder in the spec
    /// (`decoder = "prctl"`); that decoder's kinds read the call's other registers by that
    /// layout, the one place a printer reads a register at a fixed position, and may appear
    /// only in a syscall that names it.
    pub decoder: &'static str,
    /// The JSON shapes it renders as (`$defs` of docs/json-schema.json).
    pub json: &'static [&'static str],
}

impl Kind {
    /// Its definition.
    pub fn def(self) -> &'static KindDef {
        &KINDS[self as usize]
    }
}

/// The kind named `name` in the spec.
#[allow(dead_code)]
pub fn find(name: &str) -> Option<&'static KindDef> {
    KINDS.iter().find(|k| k.name == name)
}

macro_rules! kinds {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $name:literal {
            table: $table:ident, len: $len:literal, by: $by:literal,
            failure: $failure:literal, updated: $updated:literal, decoder: $decoder:literal,
            json: [$($json:literal),*]
        }
    )*) => {
        /// The value kinds; each has one printer in `src/decode`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $($(#[doc = $doc])* $variant,)*
        }

        /// Every kind, in the order of [`Kind`].
        pub static KINDS: &[KindDef] = &[$(KindDef {
            name: $name,
            variant: stringify!($variant),
            table: TableNeed::$table,
            len: $len,
            by: $by,
            shows_failure: $failure,
            updated_at_exit: $updated,
            decoder: $decoder,
            json: &[$($json),*],
        },)*];
    };
}

kinds! {
    /// A C `int`, signed decimal.
    Int = "int" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int"]
    }
    /// A process id (an `int`); `-Y` adds the process's name: `1234<bash>`, and
    /// `--decode-pids=pidns` its pid in the tracer's namespace.
    Pid = "pid" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid"]
    }
    /// A thread id, noted as a `pid` is.
    Tid = "tid" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid"]
    }
    /// A process group id (no name under `-Y`, as strace).
    Pgid = "pgid" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid"]
    }
    /// `getpriority`'s and `setpriority`'s who, by which (`by`): a process for PRIO_PROCESS,
    /// a process group for PRIO_PGRP, a number (a user) otherwise.
    PrioWho = "prio_who" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid"]
    }
    /// `ioprio_get`'s and `ioprio_set`'s who, by which (`by`): a process for
    /// IOPRIO_WHO_PROCESS, a process group for IOPRIO_WHO_PGRP, a number (a user) otherwise.
    IoprioWho = "ioprio_who" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid"]
    }
    /// An I/O priority, its class and data: `IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)`
    /// (`-X raw`: the number, `-X verbose`: both).
    Ioprio = "ioprio" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["call"]
    }
    /// `kill`'s and `wait4`'s pid: a process when positive, a process group when below -1.
    PidOrPgid = "pid_or_pgid" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid"]
    }
    /// `waitid`'s id, read as its idtype (`by`) says: a pid for `P_PID` (named under `-Y`),
    /// a descriptor for `P_PIDFD`, a number otherwise (a process group, or nothing).
    WaitidId = "waitid_id" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["int", "pid", "fd"]
    }
    /// A descriptor of the process a pidfd (the argument `by` names) refers to, described as
    /// that process has it: `pidfd_getfd`'s targetfd.
    FdOfPidfd = "fd_of_pidfd" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["int", "fd"]
    }
    /// A `struct user_desc` (`<asm/ldt.h>`), read whole at entry (`set_thread_area`).
    UserDesc = "user_desc" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `modify_ldt`'s pointer: a `struct user_desc` when the byte count (`by`) is its size,
    /// else the address.
    ModifyLdtPtr = "modify_ldt_ptr" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `get_thread_area`'s `struct user_desc`: the entry number it was given (read at entry),
    /// then what the kernel wrote, `, ...` when the call failed.
    ThreadAreaOut = "thread_area_out" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// A C `unsigned int`, decimal.
    Uint = "uint" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int"]
    }
    /// A C `long` (`off_t`, `loff_t`), signed decimal.
    Long = "long" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int"]
    }
    /// A `size_t` or `unsigned long`, decimal.
    Size = "size" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int"]
    }
    /// statx's flags: the sync type bits (`AT_STATX_FORCE_SYNC`, as flags) or'ed with the
    /// `AT_*` bits, each part printed as strace prints it apart.
    StatxFlags = "statx_flags" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or", "flags"]
    }
    /// Hexadecimal `0x...` (zero prints `0`).
    Hex = "hex" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["hex"]
    }
    /// A pointer: `NULL` or `0x...`.
    Addr = "addr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["addr"]
    }
    /// A C `unsigned int` in hex (strace's `PRINT_VAL_X`): `0xcafef00d`, `0`.
    Hex32 = "hex32" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["hex"]
    }
    /// A file descriptor.
    Fd = "fd" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["fd"]
    }
    /// A directory descriptor of the `*at` calls: `AT_FDCWD` or a descriptor.
    Dirfd = "dirfd" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["fd", "enum"]
    }
    /// A file mode (`umode_t`, 16 bits) in octal, `0644`.
    Octal = "octal" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["octal"]
    }
    /// A set of flags from `table`, in a C `int` (the upper 32 bits of the register ignored).
    Flags = "flags" {
        table: Flags, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["flags"]
    }
    /// A set of flags from `table`, in a C `unsigned long`.
    Flags64 = "flags64" {
        table: Flags, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["flags"]
    }
    /// One value from `table`, in a C `int`.
    Enum = "enum" {
        table: Enum, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum"]
    }
    /// One value from `table`, in a C `unsigned long` (HDIO_SET_BUSSTATE's argument).
    Enum64 = "enum64" {
        table: Enum, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum"]
    }
    /// A C `int` named by the `table` value it equals (`KEY_SPEC_THREAD_KEYRING`), else in
    /// signed decimal with no comment (`1234`): strace's `printxval_d` without a default.
    NamedInt = "named_int" {
        table: Enum, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum", "int"]
    }
    /// A NUL-terminated path name (not cut at `-s`, as strace prints paths).
    Path = "path" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A NUL-terminated string, cut at `-s`.
    String = "string" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// `memfd_create`'s name: a NUL-terminated string read as strace reads it, at most
    /// `MFD_NAME_MAX_LEN` + 1 (250) bytes and `-s`, with `...` when no NUL came in them.
    MemfdName = "memfd_name" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A buffer sent or received on the socket `by` (`sendto`, `recvfrom`), `len` bytes (a
    /// receive: what it returned, at most that): netlink messages on a netlink socket, else a
    /// string.
    SockBuffer = "sock_buffer" {
        table: None, len: true, by: true,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr", "array", "struct"]
    }
    /// A byte buffer of length `len`, cut at `-s`.
    Buffer = "buffer" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A byte buffer every byte of which prints in hex (`getrandom`'s random bytes).
    HexBuffer = "hex_buffer" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A NULL-terminated array of strings (`execve`'s argv).
    Argv = "argv" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "string", "more", "addr"]
    }
    /// A NULL-terminated array of strings shown as its count (`execve`'s envp).
    Envp = "envp" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["comment", "word", "addr", "array", "string", "more"]
    }
    /// A `struct stat`.
    Stat = "stat" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "call", "or", "comment", "date", "addr"]
    }
    /// A `struct rlimit`: `{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}`.
    Rlimit = "rlimit" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "int", "enum", "addr"]
    }
    /// A signal number.
    Signo = "signo" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["signal"]
    }
    /// An array of `len` `struct iovec`s (`readv`, `writev`): `[{iov_base="hi", iov_len=2}]`;
    /// an output array shows what the call read, or the buffers' addresses if it failed.
    Iovec = "iovec" {
        table: None, len: true, by: false,
        failure: true, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// A register the call takes but strace does not show (`preadv2`'s high offset word).
    Unused = "unused" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: []
    }
    /// `restart_syscall`'s note naming the call it resumes (no register is read).
    InterruptedCall = "interrupted_call" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["resuming"]
    }
    /// `rt_sigreturn`'s signal frame, found at the stack pointer (no register is read).
    SigreturnFrame = "sigreturn_frame" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "set", "addr"]
    }
    /// A NUL-terminated path the call wrote (`getcwd`): printed at exit, its address if the
    /// call failed.
    OutPath = "out_path" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A user or group id: `-1` for "unchanged", else unsigned (`chown`).
    Uid = "uid" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["int"]
    }
    /// `mknod`'s mode with its file type (`S_IFCHR|0600`), followed by the device
    /// (`makedev(0x1, 0x3)`) from the next register for character and block devices only.
    MknodMode = "mknod_mode" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["or", "octal", "call"]
    }
    /// A buffer of `getdents`' directory entries (`struct linux_dirent`) of the size `by`
    /// names, shown as its address and the number of entries the call returned,
    /// `0x55e0a4f7a0d0 /* 29 entries */`, or under `-v` as the entries: `[{d_ino=2, d_off=1,
    /// d_reclen=24, d_name=".", d_type=DT_DIR}, ...]`.
    Dirents = "dirents" {
        table: None, len: false, by: true,
        failure: true, updated: false, decoder: "",
        json: ["comment", "word", "addr", "array", "struct", "int", "string", "enum", "more"]
    }
    /// `getdents64`'s entries (`struct linux_dirent64`), as `dirents`:
    /// `[{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name="."}, ...]` under `-v`.
    Dirents64 = "dirents64" {
        table: None, len: false, by: true,
        failure: true, updated: false, decoder: "",
        json: ["comment", "word", "addr", "array", "struct", "int", "string", "enum", "more"]
    }
    /// A `struct statx`, abbreviated (`{stx_mask=..., stx_attributes=0, stx_mode=...,
    /// stx_size=..., ...}`), every field under `-v`.
    Statx = "statx" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "or", "addr"]
    }
    /// `openat2`'s `struct open_how` of the size `by` names: `{flags=O_RDONLY|O_EXCL,
    /// resolve=0}`, `{flags=O_WRONLY|O_CREAT, mode=0777, resolve=RESOLVE_NO_XDEV, /* bytes
    /// 24..31 */ "\x80..."}`.
    OpenHow = "open_how" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["struct", "flags", "octal", "string", "word", "addr"]
    }
    /// A `struct statfs`, in full.
    Statfs = "statfs" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `fcntl`'s command: `F_SETFD`.
    FcntlCmd = "fcntl_cmd" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum"]
    }
    /// `fcntl`'s third argument, by the command (absent for `F_GETFD`): `FD_CLOEXEC`,
    /// `O_RDONLY|O_NONBLOCK`, a `struct flock`, a signal, a number.
    FcntlArg = "fcntl_arg" {
        table: None, len: false, by: true,
        failure: true, updated: false, decoder: "",
        json: ["int", "fd", "flags", "enum", "signal", "struct", "addr"]
    }
    /// `ioctl`'s request: `TCGETS`, `EVIOCGBIT(EV_KEY, 8)`, `MIXER_READ(13) or OTPSELECT`,
    /// or `_IOC(_IOC_READ, 0x54, 0x1, 0x4)` when unknown.
    IoctlRequest = "ioctl_request" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum", "call", "alternatives"]
    }
    /// `ioctl`'s third argument, by the request (absent for `FIOCLEX`): as the request's
    /// `[ioctl_args]` entry says (any kind that stands alone, ` => ` what the kernel wrote),
    /// or a `struct termios` (under `-v` with its control characters, `c_cc=[[VINTR]=0x3,
    /// ...]`), `[0]` for an int pointer, a number, an address.
    IoctlArg = "ioctl_arg" {
        table: None, len: false, by: true,
        failure: true, updated: true, decoder: "",
        json: ["struct", "array", "or", "index", "word", "int", "enum", "hex", "addr", "flags", "fd", "string", "signal", "call", "updated", "set"]
    }
    /// A pointer to a signal set of `len` bytes: `[INT TERM]`, `~[]`; shown as its address
    /// unless `len` is the kernel's 8 bytes, as strace does.
    Sigset = "sigset" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["set", "addr"]
    }
    /// `rt_sigpending`'s set of `len` bytes, which the kernel takes from 1 to its own 8: the
    /// signals of the bytes it wrote, `[HUP INT]`; its address for any other size.
    SigsetUpto = "sigset_upto" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["set", "addr"]
    }
    /// A pointer to the kernel's `struct sigaction`: `{sa_handler=SIG_DFL, sa_mask=[],
    /// sa_flags=SA_RESTORER, sa_restorer=0x7f...}`.
    Sigaction = "sigaction" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "flags", "set", "enum", "addr"]
    }
    /// A pointer to a `siginfo_t`: `{si_signo=SIGUSR1, si_code=SI_USER, si_pid=1, si_uid=0}`.
    Siginfo = "siginfo" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "comment", "centi", "word", "addr"]
    }
    /// A pointer to a `stack_t` (`sigaltstack`): `{ss_sp=NULL, ss_flags=SS_DISABLE,
    /// ss_size=0}`.
    SigaltStack = "sigalt_stack" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "flags", "addr"]
    }
    /// `wait4`'s pointer to a wait status: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`; an
    /// address when the call reaped nothing (`= 0`, WNOHANG), as strace shows it.
    WaitStatus = "wait_status" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "test", "or", "shift", "addr"]
    }
    /// A pointer to a `struct rusage`, abbreviated: `{ru_utime={tv_sec=0, tv_usec=101},
    /// ru_stime={tv_sec=0, tv_usec=0}, ...}`; every field under `-v`.
    Rusage = "rusage" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `wait4`'s `struct rusage` of the child it reaped: as `rusage`, an address when the call
    /// reaped nothing (`= 0`, WNOHANG).
    ChildRusage = "child_rusage" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `futex`'s operation and the arguments after it that the operation takes (the printer
    /// reads the other registers): `FUTEX_WAIT_PRIVATE, 0, NULL`.
    FutexOp = "futex_op" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "futex",
        json: ["flags", "enum", "int", "struct", "hex", "or", "shift", "comment", "word", "addr"]
    }
    /// `clone`'s flags (register 0, with a `table`) shown with the stack before them, as strace
    /// names them: `child_stack=NULL, flags=CLONE_VM|SIGCHLD`.
    CloneFlags = "clone_flags" {
        table: Flags, len: false, by: false,
        failure: false, updated: false, decoder: "clone",
        json: ["addr", "or", "flags"]
    }
    /// The `clone` arguments that depend on the flags, at exit: `parent_tid=[5631]`,
    /// `tls=0x...`, `child_tidptr=0x...` (the printer reads the registers itself).
    CloneTail = "clone_tail" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "clone",
        json: ["array", "addr", "int"]
    }
    /// A pointer to `struct clone_args` of the size in the next register, shown at entry, with
    /// what the call wrote at exit: `{flags=CLONE_PARENT_SETTID, parent_tid=0x...,
    /// exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=[5632]}`.
    CloneArgs = "clone_args" {
        table: None, len: false, by: true,
        failure: true, updated: true, decoder: "",
        json: ["struct", "updated", "array", "flags", "addr", "byte_range", "word"]
    }
    /// A pointer to `len` `gid_t`s: `[0, 5, 100]`.
    GidArray = "gid_array" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "addr"]
    }
    /// A pointer to a CPU mask of `len` bytes, shown as the CPUs in it: `[0 1]`.
    CpuSet = "cpu_set" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["set", "addr"]
    }
    /// A pointer to a `struct utsname`, abbreviated: `{sysname="Linux", nodename="vm", ...}`;
    /// every field under `-v`.
    Utsname = "utsname" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "string", "addr"]
    }
    /// A `struct timespec`: `{tv_sec=0, tv_nsec=100000000}`.
    Timespec = "timespec" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `nanosleep`'s remaining time: the struct only when the sleep was interrupted (the
    /// tracer sees a restart error, `ERESTART_RESTARTBLOCK`), else the address.
    TimespecRem = "timespec_rem" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `clock_nanosleep`'s remaining time: as `timespec_rem`, and only when its flags (`by`)
    /// are 0 (an absolute sleep leaves it alone).
    ClockRem = "clock_rem" {
        table: None, len: false, by: true,
        failure: true, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// A `struct timeval`: `{tv_sec=1, tv_usec=0}`.
    Timeval = "timeval" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// A `struct timex` (`adjtimex`, `clock_adjtime`), in full: `{modes=ADJ_OFFSET, offset=0,
    /// ..., time={tv_sec=1, tv_usec=2}, ..., tai=0}`.
    Timex = "timex" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "flags", "addr"]
    }
    /// A `time_t` in memory with its date: `[1764290971 /* 2025-11-28T00:49:31+0000 */]`.
    TimeT = "time_t" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "comment", "date", "int", "addr"]
    }
    /// A `struct tms`, clock ticks with their seconds when not zero: `{tms_utime=4 /* 0.04 s
    /// */, tms_stime=0, tms_cutime=0, tms_cstime=0}`.
    Tms = "tms" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "comment", "centi", "word", "addr"]
    }
    /// A `struct sigevent`: `{sigev_value={sival_int=0, sival_ptr=NULL}, sigev_signo=SIGALRM,
    /// sigev_notify=SIGEV_SIGNAL}`.
    Sigevent = "sigevent" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// An `int` in memory (or a struct of one, `struct sched_param`): `[3]`.
    IntPtr = "int_ptr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// Two descriptors the call wrote (`pipe2`, `socketpair`): `[3, 4]`.
    FdPair = "fd_pair" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "addr"]
    }
    /// `socket`'s type: `SOCK_STREAM|SOCK_CLOEXEC`.
    SockType = "sock_type" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or", "flags"]
    }
    /// `socket`'s protocol, named after the domain in the first argument: `IPPROTO_TCP`.
    SockProtocol = "sock_protocol" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["enum", "int", "call"]
    }
    /// A socket address of `len` bytes (an argument): `{sa_family=AF_INET, sin_port=htons(80),
    /// sin_addr=inet_addr("127.0.0.1")}`.
    Sockaddr = "sockaddr" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "call", "word", "addr"]
    }
    /// A socket address the kernel fills, its length at the pointer `len` (an argument).
    SockaddrOut = "sockaddr_out" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "call", "word", "addr"]
    }
    /// A `socklen_t` in memory the kernel updates: `[16]`, or `[128 => 16]` when it changed.
    SockLenPtr = "sock_len_ptr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "updated", "addr"]
    }
    /// A socket option level: `SOL_SOCKET`.
    SockLevel = "sock_level" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum"]
    }
    /// A socket option name, named after the level in the previous argument: `SO_REUSEADDR`.
    SockoptName = "sockopt_name" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["enum", "int"]
    }
    /// `setsockopt`'s value of `len` (an argument) bytes, shaped as `[sockopt.*]` says: `[1]`,
    /// `{l_onoff=1, l_linger=5}`.
    SockoptVal = "sockopt_val" {
        table: None, len: true, by: true,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "struct", "string", "flags", "set", "addr"]
    }
    /// `getsockopt`'s value, its length at the pointer `len` (an argument).
    SockoptValOut = "sockopt_val_out" {
        table: None, len: true, by: true,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "struct", "string", "flags", "set", "addr"]
    }
    /// A `struct msghdr` (`sendmsg`).
    Msghdr = "msghdr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "call", "word", "addr"]
    }
    /// A `struct msghdr` the kernel fills (`recvmsg`): iovec contents up to the return value.
    MsghdrOut = "msghdr_out" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "",
        json: ["struct", "call", "word", "addr"]
    }
    /// The `struct mmsghdr`s a send was given (`sendmmsg`: `by`, `vlen`, of them), with the
    /// `msg_len` of those it sent: `[{msg_hdr={...}, msg_len=5}, ...]`.
    Mmsghdrs = "mmsghdrs" {
        table: None, len: false, by: true,
        failure: true, updated: false, decoder: "",
        json: ["array", "struct", "call", "word", "addr", "more", "comment"]
    }
    /// Received `struct mmsghdr`s (`recvmmsg`): as many as the call returned, contents up to
    /// each `msg_len`, each `msg_namelen` beside what the entry found among the `by`
    /// (`vlen`) messages: `msg_namelen=16 => 8`.
    MmsghdrsOut = "mmsghdrs_out" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["array", "struct", "call", "word", "addr", "more", "comment", "updated"]
    }
    /// `recvmmsg`'s timeout as the call was given it (the entry saves it: the kernel writes
    /// the time left there, which the return value's detail shows): `{tv_sec=1, tv_nsec=0}`.
    MmsgTimeout = "mmsg_timeout" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `mincore`'s vector, one byte per page of the length in the previous argument: `[1, 0]`.
    MincoreVec = "mincore_vec" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["array", "more", "addr"]
    }
    /// A NUMA memory policy mode, an `int` (`set_mempolicy`): `MPOL_BIND`, with its mode flags
    /// `MPOL_BIND|MPOL_F_STATIC_NODES`; flags alone when the mode has no name.
    MpolMode = "mpol_mode" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum", "or", "flags", "hex"]
    }
    /// As `mpol_mode`, an `unsigned long` (`mbind`).
    MpolMode64 = "mpol_mode64" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum", "or", "flags", "hex"]
    }
    /// A NUMA node mask of `len` bits (the `maxnode` argument), as `unsigned long`s in padded
    /// hex: `[0000000000000003]`; its address when `maxnode` makes no whole word. At exit
    /// after a failure, its address but for `NULL` and `[]`, as strace's array printer.
    Nodemask = "nodemask" {
        table: None, len: true, by: false,
        failure: true, updated: false, decoder: "",
        json: ["array", "hex", "more", "addr"]
    }
    /// A pointer to an `int` named by an `[enums.X]` table: `[MPOL_BIND]`.
    EnumPtr = "enum_ptr" {
        table: Enum, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "enum", "addr"]
    }
    /// A pointer to `len` pointers: `[0x7f0000001000, NULL]` (`move_pages`'s pages).
    AddrArray = "addr_array" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr", "more"]
    }
    /// A pointer to `len` `int`s: `[0, -1]` (`move_pages`'s nodes).
    IntArray = "int_array" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "more", "addr"]
    }
    /// A pointer to `len` `int`s, each a node or a negated error number: `[0, -EFAULT]`
    /// (`move_pages`'s status). After a failure, its address but for `NULL` and `[]`.
    ErrnoArray = "errno_array" {
        table: None, len: true, by: false,
        failure: true, updated: false, decoder: "",
        json: ["array", "int", "word", "more", "addr"]
    }
    /// A pointer to a pointer: `[0x7f0000001000]` (`get_robust_list`'s head).
    AddrPtr = "addr_ptr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// A pointer to an `unsigned long`: `[24]` (`get_robust_list`'s length).
    UlongPtr = "ulong_ptr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "addr"]
    }
    /// A device number in an `unsigned int` (`ustat`): `makedev(0x8, 0x1)`.
    Dev = "dev" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["call"]
    }
    /// `reboot`'s argument, shown only for the command `by` names `LINUX_REBOOT_CMD_RESTART2`:
    /// a command string of at most 255 bytes.
    RebootArg = "reboot_arg" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A pointer to one `unsigned int`: `[0]` (`getcpu`).
    UintPtr = "uint_ptr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "addr"]
    }
    /// A pointer to a `struct sysinfo`, in full: `{uptime=2392, loads=[45056, 180672, 174304],
    /// totalram=..., mem_unit=1}`.
    Sysinfo = "sysinfo" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `personality`'s persona: `PER_LINUX32|ADDR_NO_RANDOMIZE`, or `0xffffffff` (the query).
    Personality = "personality" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or", "enum", "flags", "hex"]
    }
    /// A pointer to the capability sets, as many as the header's version says (the printer
    /// reads the header in register 0): `{effective=1<<CAP_CHOWN|..., permitted=...,
    /// inheritable=0}`.
    CapData = "cap_data" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["struct", "or", "flags", "array", "addr"]
    }
    /// The `prctl` arguments after the option that it reads (the printer reads the option in
    /// register 0 and the other registers): `"name"`, `SIGUSR1`, `0x1, 0x2, 0x3, 0x4`.
    PrctlArgs = "prctl_args" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "prctl",
        json: ["int", "enum", "flags", "string", "addr", "signal", "hex", "struct", "array", "or", "fd", "octal", "updated", "comment", "date", "more", "call"]
    }
    /// The `prctl` argument the call writes, at exit: `[SIGUSR1]`, `"name"`, `[0x7f...]`.
    PrctlResult = "prctl_result" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "prctl",
        json: ["int", "enum", "flags", "string", "addr", "signal", "hex", "struct", "array", "or", "fd", "octal", "updated", "comment", "date", "more"]
    }
    /// `arch_prctl`'s second argument as the kernel reads it, by the code (register 0): hex,
    /// a feature number for the REQ codes (`18 /* XFEATURE_XTILE_DATA */`), absent for
    /// `ARCH_GET_CPUID` and the GET codes.
    ArchPrctlArg = "arch_prctl_arg" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "arch_prctl",
        json: ["hex", "comment"]
    }
    /// What an `arch_prctl` GET code stored, at exit: `[0x7f...]`, `[0xe7 /* XFEATURE_MASK_... */]`.
    ArchPrctlResult = "arch_prctl_result" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "arch_prctl",
        json: ["array", "addr"]
    }
    /// `mount`'s file system type: a string, or its address when the flags (register 3) say the
    /// kernel ignores it.
    MountType = "mount_type" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// `mount`'s flags: `MS_RDONLY|MS_NOSUID`, `MS_MGC_VAL|MS_RDONLY`.
    MountFlags = "mount_flags" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["flags", "or"]
    }
    /// `mount`'s data: a string, or its address when the flags say the kernel ignores it.
    MountData = "mount_data" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// `syslog`'s action, number first: `10 /* SYSLOG_ACTION_SIZE_BUFFER */`.
    SyslogType = "syslog_type" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "syslog",
        json: ["comment", "enum", "word"]
    }
    /// `syslog`'s buffer and length for the actions that take them at entry: `NULL, 3 /*
    /// LOGLEVEL_ERR */`.
    SyslogArgs = "syslog_args" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "syslog",
        json: ["string", "int", "comment", "enum", "word", "addr"]
    }
    /// `syslog`'s buffer and length for the reading actions, at exit: `"<6>...", 10`.
    SyslogRead = "syslog_read" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "syslog",
        json: ["string", "addr"]
    }
    /// A `utsname` field given as `len` bytes (`sethostname`, `setdomainname`): a string, or
    /// its address when `len` is more than the kernel takes (`__NEW_UTS_LEN`, 64). (Not to be
    /// confused with `Utsname`, the whole struct.)
    UtsString = "uts_string" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// `kcmp`'s two indexes by the type in register 2: descriptors (`3, 4`), a `struct
    /// kcmp_epoll_slot`, nothing, or hex numbers.
    KcmpIdx = "kcmp_idx" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "kcmp",
        json: ["int", "fd", "addr", "struct"]
    }
    /// The `ptrace` arguments after the request that it reads at entry (the printer reads the
    /// registers): `1234, NULL, SIGCONT`, `1234, NULL, PTRACE_O_TRACESYSGOOD`.
    PtraceArgs = "ptrace_args" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "ptrace",
        json: ["int", "enum", "flags", "string", "addr", "signal", "hex", "struct", "array", "or", "fd", "octal", "updated", "comment", "date", "more", "set", "centi", "word"]
    }
    /// The `ptrace` data the call writes, at exit: `[0x...]`, `{r15=0x..., ...}`, a siginfo.
    PtraceData = "ptrace_data" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "ptrace",
        json: ["int", "enum", "flags", "string", "addr", "signal", "hex", "struct", "array", "or", "fd", "octal", "updated", "comment", "date", "more", "set", "centi", "word"]
    }
    /// The `keyctl` arguments after the command that it reads at entry (the printer reads the
    /// command in register 0 and the other registers): `KEY_SPEC_THREAD_KEYRING, 1`,
    /// `"name"`, `{private=1, prime=2, base=3}`, hex numbers for an unknown command.
    KeyctlArgs = "keyctl_args" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "keyctl",
        json: ["int", "enum", "flags", "string", "addr", "hex", "struct", "array", "comment", "more"]
    }
    /// The `keyctl` arguments the command shows at exit, what the call wrote among them:
    /// `"keyring;0;0;3f010000;_tid", 256`, `{supported_ops=..., key_size=..., ...}`.
    KeyctlResult = "keyctl_result" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "keyctl",
        json: ["int", "enum", "flags", "string", "addr", "hex", "struct", "array", "comment", "more"]
    }
    /// A quota command, `QCMD(cmd, type)`: `QCMD(Q_GETQUOTA, USRQUOTA)`; `-X raw` the
    /// number, `-X verbose` both (`2147485440 /* QCMD(Q_GETQUOTA, USRQUOTA) */`).
    QuotaCmd = "quota_cmd" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "quotactl",
        json: ["call", "enum", "int", "hex", "comment"]
    }
    /// What `quotactl`'s command (the `by` argument) shows at entry of the id (register 2)
    /// and the address (register 3): `QFMT_VFS_V0, "/quota.user"`, `1000`,
    /// `1000, {dqb_bhardlimit=...}`, `[FS_QUOTA_UDQ_ACCT]`.
    QuotaArgs = "quota_args" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "quotactl",
        json: ["int", "enum", "flags", "string", "addr", "struct", "array", "comment", "more"]
    }
    /// The struct or value a quota command (the `by` argument) fills, at exit:
    /// `{dqi_bgrace=604800, ...}`, `[QFMT_VFS_V1]`.
    QuotaResult = "quota_result" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "quotactl",
        json: ["int", "enum", "flags", "addr", "struct", "array", "comment", "more"]
    }
    /// `io_setup`'s context, written at exit: `[0x7f0e3a1f5000]`.
    AioContextOut = "aio_context_out" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// `io_submit`'s `len` (a C `long`) pointers to iocbs, each iocb shown as its opcode has
    /// it: `[{aio_data=0, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=0, aio_buf=0x..., ...}]`.
    Iocbs = "iocbs" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "struct", "int", "hex", "addr", "fd", "flags", "enum", "call", "string", "more", "comment"]
    }
    /// `io_cancel`'s iocb: its header members only.
    IocbHeader = "iocb_header" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "int", "hex", "addr", "fd", "flags", "enum", "call", "comment"]
    }
    /// `io_setup`'s `struct io_uring_params`, shown at exit: what the call read (flags, the
    /// SQ thread's CPU and idle time, the work queue to attach to), then after a success what
    /// it wrote (sizes, features, the rings' offsets).
    IoUringParams = "io_uring_params" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "",
        json: ["struct", "int", "hex", "addr", "fd", "flags", "array"]
    }
    /// `io_uring_register`'s argument by its opcode (register 1) and count (register 3),
    /// as strace 6.1 shows it: descriptor and iovec arrays, `{offset=0, fds=[3, -1]}`,
    /// restrictions, resource tables, a CPU set, ring descriptors; a probe shown at entry
    /// when the caller filled it and after a success (` => {last_op=..., ops=[...]}`), the
    /// worker limits both ways (` => [[IO_WQ_BOUND]=4, ...]`).
    IoUringRegisterArg = "io_uring_register_arg" {
        table: None, len: false, by: false,
        failure: true, updated: true, decoder: "io_uring_register",
        json: ["struct", "array", "int", "hex", "addr", "fd", "flags", "enum", "comment", "more", "updated", "set", "index", "byte_range", "word"]
    }
    /// perf_event_open's `struct perf_event_attr`, shown at exit as strace 6.1 shows it: the
    /// members its size (as read at entry) holds and its type and flags select; the size the
    /// kernel wrote back after `E2BIG` (` => 0x88 /* PERF_ATTR_SIZE_??? */`).
    PerfEventAttr = "perf_event_attr" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "",
        json: ["struct", "int", "hex", "enum", "flags", "or", "shift", "comment", "more", "addr", "updated", "word"]
    }
    /// A pointer to `len` `struct pollfd`s as the call gets them: `[{fd=3, events=POLLIN},
    /// {fd=-1}]`.
    Pollfds = "pollfds" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "struct", "more", "comment", "addr"]
    }
    /// One of `select`'s descriptor sets, `nfds` (first argument) bits long: `[3 4]`.
    FdSet = "fd_set" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["set", "addr"]
    }
    /// `pselect6`'s last argument, a pointer to a signal set pointer and its size:
    /// `{sigmask=[USR1], sigsetsize=8}`.
    PselectSigmask = "pselect_sigmask" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "set", "addr"]
    }
    /// `epoll_ctl`'s event (its address for `EPOLL_CTL_DEL`, which ignores it):
    /// `{events=EPOLLIN, data={u32=4, u64=4}}`.
    EpollEvent = "epoll_event" {
        table: None, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// A pointer to `len` `struct epoll_event`s: `[{events=EPOLLIN, data={u32=4, u64=4}}]`.
    EpollEvents = "epoll_events" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "struct", "more", "comment", "addr"]
    }
    /// `utimensat`'s two `struct timespec`s, with dates and `UTIME_NOW`/`UTIME_OMIT`:
    /// `[{tv_sec=1600000000, tv_nsec=0} /* 2020-09-13T12:26:40+0000 */, UTIME_NOW]`.
    Utimens = "utimens" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "struct", "comment", "date", "enum", "addr"]
    }
    /// `utimes`'s two `struct timeval`s, with dates: `[{tv_sec=1600000000, tv_usec=5} /*
    /// 2020-09-13T12:26:40.000005+0000 */, {tv_sec=0, tv_usec=0}]`.
    Utimes = "utimes" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "comment", "date", "struct", "addr"]
    }
    /// A pointer to a `struct utimbuf`: `{actime=1600000000 /* 2020-09-13T12:26:40+0000 */,
    /// modtime=0}`.
    Utimbuf = "utimbuf" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "comment", "date", "addr"]
    }
    /// An extended attribute's value of `len` bytes, cut at `-s`, a final NUL left out; its
    /// address when longer than `XATTR_SIZE_MAX`: `"bar\0baz"`.
    XattrValue = "xattr_value" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// `listxattr`'s list, as many bytes as the call returned; its address when the buffer size
    /// (`len`) is zero: `"user.a\0user.b\0"`.
    XattrList = "xattr_list" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["string", "addr"]
    }
    /// A pointer to a 64-bit offset (`loff_t *`), signed: `[4096]`.
    LoffPtr = "loff_ptr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "int", "addr"]
    }
    /// `sendfile`'s offset, unsigned, shown at entry and, when the call moved it, at exit after
    /// ` => `: `[0] => [100]`. Declare it `dir = "out"`: it prints at both ends.
    SendfileOffset = "sendfile_offset" {
        table: None, len: false, by: true,
        failure: true, updated: true, decoder: "",
        json: ["array", "int", "updated", "addr"]
    }
    /// A pointer to the struct `[structs.NAME]` describes (`struct = "NAME"`), read whole and
    /// shown field by field (src/decode/fields.rs): `{allowed_access=LANDLOCK_ACCESS_FS_EXECUTE,
    /// parent_fd=3}`; its address when it cannot be read, and under `-e verbose=none`.
    Struct = "struct" {
        table: Struct, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "int", "hex", "octal", "addr", "fd", "pid", "flags", "enum", "signal", "more", "byte_range", "word"]
    }
    /// An extensible struct (`struct = "NAME"`) whose size the call gets in `len`: its address
    /// below the struct's `min_size`; its fields as far as `len` reaches; what lies past the
    /// struct's size as its `past_end` says: `{handled_access_fs=..., ...}`.
    SizedStruct = "sized_struct" {
        table: Struct, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "int", "hex", "octal", "addr", "fd", "pid", "flags", "enum", "signal", "more", "byte_range", "word"]
    }
    /// A pointer to `len` structs `[structs.NAME]` describes (`struct = "NAME"`), each shown
    /// whole: `[{val=0, uaddr=0x7f..., flags=FUTEX_32}, ...]`; at most the struct's
    /// `array_max`.
    StructArray = "struct_array" {
        table: Struct, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "struct", "int", "hex", "octal", "addr", "fd", "pid", "flags", "enum", "signal", "more", "comment", "word"]
    }
    /// A pointer to the struct a value of the `by` argument names (`structs = { TAG = "NAME"
    /// }`, the tags from that argument's enum table); its address for any other value
    /// (`landlock_add_rule`'s rule by its type).
    StructBy = "struct_by" {
        table: StructMap, len: false, by: true,
        failure: false, updated: false, decoder: "",
        json: ["struct", "int", "hex", "octal", "addr", "fd", "pid", "flags", "enum", "signal", "more", "byte_range", "word"]
    }
    /// `sched_setattr`'s `struct sched_attr` ([structs.sched_attr]), its size read first as the
    /// kernel reads it, the fields the flags make the kernel ignore left out; after `E2BIG`
    /// under `-e verbose`, the size the kernel wrote back: `{size=1} => {size=56}`. Declare it
    /// `dir = "out"`: it prints at both ends.
    SchedAttr = "sched_attr" {
        table: None, len: false, by: false,
        failure: true, updated: true, decoder: "",
        json: ["struct", "int", "flags", "enum", "more", "updated", "addr"]
    }
    /// `sched_getattr`'s `struct sched_attr`, `len` (the buffer's size) bytes of it read, its
    /// fields as far as the size the kernel wrote: `{size=56, sched_policy=SCHED_OTHER, ...}`;
    /// its address for a size of 0.
    SchedAttrOut = "sched_attr_out" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "int", "flags", "enum", "addr"]
    }
    /// One value from `table`, in a C `int`, or in hex with no comment when the table has no
    /// name for it (strace's `printxval` without a default): a System V IPC key,
    /// `IPC_PRIVATE` or `0xfdb9f531`.
    EnumHex = "enum_hex" {
        table: Enum, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum", "hex"]
    }
    /// A System V IPC `*get` call's flags (a C `int`): the flags from `table`, then the
    /// permission bits in octal, `IPC_CREAT|IPC_EXCL|0600`; with the table's shifted field,
    /// shmget's huge page size between them, `SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600`.
    IpcFlags = "ipc_flags" {
        table: Flags, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or"]
    }
    /// A System V IPC `*ctl` command from `table`, with the `IPC_64` bit apart:
    /// `IPC_64|IPC_STAT`, `0x77 /* MSG_??? */`.
    IpcCmd = "ipc_cmd" {
        table: Enum, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["enum", "or"]
    }
    /// A `struct msgbuf` with `len` bytes of text (msgsnd, msgrcv): `{mtype=1,
    /// mtext="hello"}`.
    Msgbuf = "msgbuf" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// A pointer to `len` (a C `unsigned int`) `struct sembuf`s (semop, semtimedop):
    /// `[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}]`.
    Sembufs = "sembufs" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// `fanotify_mark`'s directory descriptor: `FAN_NOFD` for -1, else as `dirfd`.
    FanDirfd = "fan_dirfd" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["fd", "enum"]
    }
    /// `fanotify_init`'s flags: the notification class, then the other flags:
    /// `FAN_CLASS_CONTENT|FAN_CLOEXEC`, `0xc /* FAN_CLASS_??? */|0xeface000 /* FAN_??? */`.
    FanInitFlags = "fan_init_flags" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or", "enum", "flags"]
    }
    /// `kexec_load`'s flags: the architecture in the upper half of the low 32 bits, then the
    /// other flags: `KEXEC_ARCH_SH|KEXEC_ON_CRASH`, `KEXEC_ARCH_DEFAULT`.
    KexecFlags = "kexec_flags" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or", "enum", "flags"]
    }
    /// `kexec_load`'s `len` `struct kexec_segment`s: `[{buf=NULL, bufsz=0, mem=NULL,
    /// memsz=0}]`; the address when there are more than the kernel takes (16).
    KexecSegments = "kexec_segments" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// msgctl's buffer, by the command (`by`): a `struct msqid64_ds` the call reads
    /// (IPC_SET), at entry, or writes (the STAT commands) or a `struct msginfo` (the INFO
    /// commands), at exit; the address for the other commands. Declare it `dir = "out"`: it
    /// prints at both ends.
    MsgctlBuf = "msgctl_buf" {
        table: None, len: false, by: true,
        failure: true, updated: true, decoder: "",
        json: ["struct", "addr"]
    }
    /// semctl's fourth argument, by the command (`by`): a `struct semid64_ds` or a `struct
    /// seminfo`, as `msgctl_buf` shows msgctl's; the value as an address for the other
    /// commands (SETVAL's number too). Declare it `dir = "out"`.
    SemctlArg = "semctl_arg" {
        table: None, len: false, by: true,
        failure: true, updated: true, decoder: "",
        json: ["struct", "addr"]
    }
    /// shmctl's buffer, by the command (`by`): a `struct shmid64_ds`, a `struct shminfo64`
    /// (IPC_INFO) or a `struct shm_info` (SHM_INFO), as `msgctl_buf` shows msgctl's. Declare
    /// it `dir = "out"`.
    ShmctlBuf = "shmctl_buf" {
        table: None, len: false, by: true,
        failure: true, updated: true, decoder: "",
        json: ["struct", "addr"]
    }
    /// An array of `len` `struct iovec`s shown with their base addresses, not what they point
    /// to (`process_madvise`'s ranges): `[{iov_base=0x7f..., iov_len=4096}]`.
    IovecAddrs = "iovec_addrs" {
        table: None, len: true, by: false,
        failure: false, updated: false, decoder: "",
        json: ["array", "addr"]
    }
    /// A `struct mq_attr` with its flags named (`mq_getsetattr`): `{mq_flags=O_NONBLOCK,
    /// mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=0}`.
    MqAttr = "mq_attr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// A `struct mq_attr` with its flags in hex, as `mq_open` shows it: `{mq_flags=0x800, ...}`.
    MqOpenAttr = "mq_open_attr" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["struct", "addr"]
    }
    /// `fsconfig`'s key, by the command (register 1): a string for the `SET` commands, else
    /// an address.
    FsconfigKey = "fsconfig_key" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "fsconfig",
        json: ["string", "addr"]
    }
    /// `fsconfig`'s value, by the command (register 1) and `aux` (register 4): a string, a
    /// path, a blob of `aux` bytes in hex, or an address.
    FsconfigValue = "fsconfig_value" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "fsconfig",
        json: ["string", "addr"]
    }
    /// `fsconfig`'s `aux`, by the command (register 1): a directory descriptor, a
    /// descriptor, or a number.
    FsconfigAux = "fsconfig_aux" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "fsconfig",
        json: ["int", "fd", "enum"]
    }
    /// `seccomp`'s flags, by the operation (register 0): `SECCOMP_FILTER_FLAG_*` for
    /// `SECCOMP_SET_MODE_FILTER`, else in hex.
    SeccompFlags = "seccomp_flags" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "seccomp",
        json: ["flags", "hex"]
    }
    /// `seccomp`'s third argument at entry, by the operation (register 0): a `struct
    /// sock_fprog` (`{len=7, filter=0x...}`), an action (`[SECCOMP_RET_KILL_THREAD]`), an
    /// address; absent for `SECCOMP_GET_NOTIF_SIZES`, which shows it at exit.
    SeccompArgs = "seccomp_args" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "seccomp",
        json: ["struct", "array", "addr"]
    }
    /// The `struct seccomp_notif_sizes` `SECCOMP_GET_NOTIF_SIZES` wrote (register 2), at exit:
    /// `{seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}`; its address when the call
    /// failed.
    SeccompSizes = "seccomp_sizes" {
        table: None, len: false, by: false,
        failure: true, updated: false, decoder: "seccomp",
        json: ["struct", "addr"]
    }
    /// `swapon`'s flags: the named ones, then the priority in the low 15 bits:
    /// `SWAP_FLAG_PREFER|42`, `0`.
    SwapFlags = "swap_flags" {
        table: None, len: false, by: false,
        failure: false, updated: false, decoder: "",
        json: ["or", "int"]
    }
    /// `bpf`'s `union bpf_attr` by the command (the `by` argument, its struct by `structs =
    /// { TAG = "NAME" }`), of the size in register 2: the members that size holds, `...` or
    /// `extra_data="\x..." /* bytes 72..255 */` (`-v`) for bytes past them that are not zero,
    /// the address for a size of 0 or over a page. The commands whose attr the kernel
    /// writes (`BPF_PROG_QUERY`, `BPF_OBJ_GET_INFO_BY_FD`, ...) show at exit, with what
    /// changed (`next_id=0 => 5`). Declare it `dir = "out"`.
    BpfAttr = "bpf_attr" {
        table: StructMap, len: false, by: true,
        failure: true, updated: false, decoder: "bpf",
        json: ["struct", "int", "hex", "addr", "fd", "pid", "flags", "enum", "string", "array", "more", "comment", "call", "word", "updated"]
    }
}
/// One kind of struct member (`[structs.NAME]`'s `fields`, printed by src/decode/fields.rs):
/// its name in the spec, what it needs (a `table`, a nested `struct`) and the widths it may
/// have in bytes (none listed: a nested struct, as wide as that struct, or a `char` array of
/// any width).
#[allow(dead_code)]
#[derive(Debug)]
pub struct FieldKindDef {
    pub name: &'static str,
    /// The variant's name (for generated code).
    pub variant: &'static str,
    pub table: TableNeed,
    pub widths: &'static [u32],
}

impl FieldKind {
    /// Its definition.
    #[allow(dead_code)]
    pub fn def(self) -> &'static FieldKindDef {
        &FIELD_KINDS[self as usize]
    }
}

/// The member kind named `name` in the spec.
#[allow(dead_code)]
pub fn find_field_kind(name: &str) -> Option<&'static FieldKindDef> {
    FIELD_KINDS.iter().find(|k| k.name == name)
}

macro_rules! field_kinds {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $name:literal { table: $table:ident, widths: [$($w:literal),*] }
    )*) => {
        /// The kinds of struct members: a closed set reusing the value printers of the
        /// argument kinds of the same names (one no struct uses yet is still one to use).
        #[allow(dead_code)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum FieldKind {
            $($(#[doc = $doc])* $variant,)*
        }

        /// Every member kind, in the order of [`FieldKind`].
        pub static FIELD_KINDS: &[FieldKindDef] = &[$(FieldKindDef {
            name: $name,
            variant: stringify!($variant),
            table: TableNeed::$table,
            widths: &[$($w),*],
        },)*];
    };
}

field_kinds! {
    /// Signed decimal, sign-extended from its width.
    Int = "int" { table: None, widths: [1, 2, 4, 8] }
    /// Unsigned decimal.
    Uint = "uint" { table: None, widths: [1, 2, 4, 8] }
    /// `0x...` (zero prints `0`).
    Hex = "hex" { table: None, widths: [1, 2, 4, 8] }
    /// Octal, `0644`.
    Octal = "octal" { table: None, widths: [1, 2, 4, 8] }
    /// A pointer: `NULL` or `0x...`.
    Addr = "addr" { table: None, widths: [8] }
    /// A descriptor (with its path under `-y`). An 8-byte member holding more than `INT_MAX`
    /// is no descriptor: unsigned decimal, as strace prints a `__u64` descriptor then.
    Fd = "fd" { table: None, widths: [4, 8] }
    /// A process id, named under `-Y`.
    Pid = "pid" { table: None, widths: [4] }
    /// Flags from `table`.
    Flags = "flags" { table: Flags, widths: [1, 2, 4, 8] }
    /// One value from `table`.
    Enum = "enum" { table: Enum, widths: [1, 2, 4, 8] }
    /// A signal number.
    Signal = "signal" { table: None, widths: [4] }
    /// A user or group id: `-1`, else unsigned.
    Uid = "uid" { table: None, widths: [4] }
    /// A struct inside the struct, `struct = "NAME"`.
    Struct = "struct" { table: Struct, widths: [] }
    /// A pointer to a struct, `struct = "NAME"`, read and shown whole as a `struct` argument
    /// is: `NULL`, the address when unreadable, else `{...}` (strace's
    /// `umove_or_printaddr` on a pointer member). No struct may point to itself.
    StructPtr = "struct_ptr" { table: Struct, widths: [8] }
    /// A `char` array of any width holding a NUL-terminated string: quoted up to its NUL, or
    /// all but its last byte and `...` when none ends it there (strace's
    /// `print_quoted_cstring`).
    CString = "string" { table: None, widths: [] }
    /// Unsigned decimal, all ones of its width by name: `UINT64_MAX`, `UINT32_MAX` (strace's
    /// `PRINT_FIELD_U64`, btrfs's "no limit"); `-X raw` shows the number.
    UintMax = "uint_max" { table: None, widths: [4, 8] }
    /// A device number (glibc's `dev_t` encoding): `makedev(0x8, 0x1)`.
    Dev = "dev" { table: None, widths: [4, 8] }
    /// A number `table` may name: the name, else unsigned decimal with no comment (strace's
    /// `PRINT_FIELD_XVAL_U` with no default: btrfs's object ids).
    NamedUint = "named_uint" { table: Enum, widths: [1, 2, 4, 8] }
    /// One value from `table`, its number in unsigned decimal: `IORING_OP_READV`,
    /// `47 /* IORING_OP_??? */` (strace's `PRINT_FIELD_XVAL_U`).
    EnumU = "enum_u" { table: Enum, widths: [1, 2, 4, 8] }
    /// An array of `__u32`s in hex, of any width (a multiple of 4): `[0x37f, 0]`, cut at `-s`
    /// elements with `...` (strace's `PRINT_FIELD_ARRAY_UPTO` of `print_xint_array_member`).
    /// A struct shorter than the array's end shows the elements it holds (`st_space` of a
    /// short `NT_FPREGSET`).
    HexArray = "hex_array" { table: None, widths: [] }
    /// Unsigned decimal with the name `table` gives it in a comment, by default too (strace's
    /// `PRINT_FIELD_XVAL_U_VERBOSE`): `4294967295 /* NUMA_NO_NODE */`; `-X raw` leaves it out.
    UintVerbose = "uint_verbose" { table: Enum, widths: [4, 8] }
    /// A kernel version, `KERNEL_VERSION(5, 10, 0)` (`-X raw`: `0x50a00`; `-X verbose`
    /// both), strace's `print_kernel_version`.
    KernelVersion = "kernel_version" { table: None, widths: [4] }
    /// A network interface index, `if_nametoindex("lo")` when this machine has it, else a
    /// number (strace's `PRINT_FIELD_IFINDEX`).
    Ifindex = "ifindex" { table: None, widths: [4] }
    /// A pointer to a NUL-terminated string, cut at `-s` (strace's `printstr`), or with `len`
    /// (a member) or `max` (bytes) at most that many bytes (`printstr_ex`, 0-terminated).
    StringPtr = "string_ptr" { table: None, widths: [8] }
    /// A pointer to a path (strace's `printpath`).
    PathPtr = "path_ptr" { table: None, widths: [8] }
    /// A pointer to `len` (a member) bytes, cut at `-s` (strace's `printstrn`).
    BufferPtr = "buffer_ptr" { table: None, widths: [8] }
    /// A pointer to `len` (a member) eBPF instructions: the address, or under `-v` each
    /// instruction, `{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, ...}`.
    EbpfProg = "ebpf_prog" { table: None, widths: [8] }
    /// A 16-byte UUID as its canonical string, `01234567-89ab-cdef-fedc-ba9876543210`
    /// (strace's `print_uuid`).
    Uuid = "uuid" { table: None, widths: [16] }
}

/// Whether member kind `name` takes a `len` (another member, or with `max` a fixed
/// number of bytes): `None` if it takes none, `Some(true)` if it needs one.
#[allow(dead_code)]
pub fn field_len_need(name: &str) -> Option<bool> {
    match name {
        "string_ptr" => Some(false),
        "buffer_ptr" | "ebpf_prog" => Some(true),
        _ => None,
    }
}
