//! The schema of `syscalls.toml` and its checks.
//!
//! Shared by `build.rs` (through `#[path]`) and the tests, so that the build and the tests reject the
//! same malformed entries with the same messages. Every error names the entry (`syscall "read"`,
//! `flags.open_flags`) and the field concerned.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Highest argument count of a Linux syscall (x86_64 passes six in registers).
pub const MAX_ARGS: usize = 6;

/// The highest syscall number taken. The generated table is an array indexed by number, so a
/// typo like 4294967295 would make the build allocate billions of rows; x86_64's numbers are
/// below 512 (x32's start there, with bit 30 set, and are not in this table).
pub const MAX_NR: u32 = 1023;

/// The values an `[[errno]]` may have: the kernel returns errors as -1 to -4095
/// (`MAX_ERRNO`, include/linux/err.h). The errno table is indexed by value.
pub const ERRNO_VALUES: std::ops::RangeInclusive<u32> = 1..=4095;

/// The values a `[[signal]]` may have: 1 to `_NSIG` (64, asm/signal.h). The signal table is
/// indexed by value.
pub const SIGNAL_VALUES: std::ops::RangeInclusive<u32> = 1..=64;

/// The whole file, validated.
#[derive(Debug)]
pub struct Spec {
    pub syscalls: Vec<Syscall>,
    pub errnos: Vec<Named>,
    pub signals: Vec<Named>,
    pub flags: BTreeMap<String, FlagTable>,
    pub enums: BTreeMap<String, EnumTable>,
}

/// One `[[syscall]]` entry. Either `args` (decoded) or `nargs` (printed raw, as strace prints calls
/// it does not decode) is given, never both.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Syscall {
    pub name: String,
    pub nr: u32,
    /// strace's trace classes (`-e trace=%file`).
    #[serde(default)]
    pub class: Vec<Class>,
    #[serde(default)]
    pub ret: RetKind,
    pub args: Option<Vec<Arg>>,
    pub nargs: Option<usize>,
}

/// strace's syscall classes (strace(1), `-e trace=%CLASS`). `stat_like` and `statfs_like` make
/// up `%%stat` and `%%statfs`.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Desc,
    File,
    Ipc,
    Network,
    Process,
    Signal,
    Memory,
    Creds,
    Clock,
    Stat,
    Lstat,
    Fstat,
    StatLike,
    Statfs,
    Fstatfs,
    StatfsLike,
    Pure,
}

impl Class {
    /// Every class, in the order of their bits in the generated tables.
    pub const ALL: [Class; 17] = [
        Class::Desc,
        Class::File,
        Class::Ipc,
        Class::Network,
        Class::Process,
        Class::Signal,
        Class::Memory,
        Class::Creds,
        Class::Clock,
        Class::Stat,
        Class::Lstat,
        Class::Fstat,
        Class::StatLike,
        Class::Statfs,
        Class::Fstatfs,
        Class::StatfsLike,
        Class::Pure,
    ];

    /// The name in `syscalls.toml` and after `%` on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Class::Desc => "desc",
            Class::File => "file",
            Class::Ipc => "ipc",
            Class::Network => "network",
            Class::Process => "process",
            Class::Signal => "signal",
            Class::Memory => "memory",
            Class::Creds => "creds",
            Class::Clock => "clock",
            Class::Stat => "stat",
            Class::Lstat => "lstat",
            Class::Fstat => "fstat",
            Class::StatLike => "stat_like",
            Class::Statfs => "statfs",
            Class::Fstatfs => "fstatfs",
            Class::StatfsLike => "statfs_like",
            Class::Pure => "pure",
        }
    }

    /// This class's bit in `SyscallDesc::classes`.
    pub fn bit(self) -> u32 {
        1 << Class::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// How a return value prints.
#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RetKind {
    /// Signed decimal.
    #[default]
    Int,
    /// `0x...`, as strace prints addresses returned by `mmap` or `brk`.
    Hex,
    /// A file descriptor.
    Fd,
    /// A mode in octal (`umask`).
    Octal,
    /// The call does not return on success (`exit_group`): `= ?`.
    Noreturn,
    /// What `fcntl` returns, by its command: a descriptor, `0x1 (flags FD_CLOEXEC)` for
    /// `F_GETFD`, `0x8002 (flags O_RDWR|O_LARGEFILE)` for `F_GETFL`, `0x2 (F_UNLCK)` for
    /// `F_GETLEASE`, a number otherwise.
    Fcntl,
    /// A signal number, named after it: `= 10 (SIGUSR1)` (`rt_sigtimedwait`).
    Signal,
    /// Seconds since the epoch, with the date: `= 1764290971 (2025-11-28T00:49:31+0000)` (`time`).
    Time,
    /// `membarrier`: after `MEMBARRIER_CMD_QUERY` (command 0) the commands supported, in hex
    /// with their names: `= 0x3ff (MEMBARRIER_CMD_GLOBAL|...)`; otherwise decimal.
    Membarrier,
    /// What `prctl` returns, by its option: `= 1 (SUID_DUMP_USER)` for `PR_GET_DUMPABLE`,
    /// `= 0x10 (SECBIT_KEEP_CAPS)` for `PR_GET_SECUREBITS`, a number otherwise.
    Prctl,
    /// The previous persona, in hex with its name: `= 0x440008 (PER_LINUX32|READ_IMPLIES_EXEC)`.
    Personality,
    /// A scheduling policy with its name: `= 0 (SCHED_OTHER)`.
    SchedPolicy,
    /// `poll`: the descriptors that are ready, read from the array at exit:
    /// `= 1 ([{fd=3, revents=POLLIN}])`, `= 0 (Timeout)`.
    Poll,
    /// `ppoll`: as `poll`, and the time left (third argument, a `struct timespec`):
    /// `= 1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999}))`.
    Ppoll,
    /// `select`: the ready descriptors of each set and the time left (a `struct timeval`):
    /// `= 1 (in [3], left {tv_sec=0, tv_usec=999998})`, `= 0 (Timeout)`.
    Select,
    /// `pselect6`: as `select`, the time left being a `struct timespec`.
    Pselect,
}

/// One argument of a decoded syscall.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Arg {
    pub name: String,
    pub kind: ArgKind,
    /// The flag or enum table, for `kind = "flags"` and `kind = "enum"`.
    pub table: Option<String>,
    /// The length of a `buffer`: `"ret"` (the return value) or the name of another argument.
    pub len: Option<String>,
    #[serde(default)]
    pub dir: Dir,
    /// Print the argument only when another (flags) argument has one of these flags set.
    pub show_if: Option<ShowIf>,
}

/// The value kinds; each has one printer in `src/decode`.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ArgKind {
    /// A C `int`, signed decimal.
    Int,
    /// A C `unsigned int`, decimal.
    Uint,
    /// A C `long` (`off_t`, `loff_t`), signed decimal.
    Long,
    /// A `size_t` or `unsigned long`, decimal.
    Size,
    /// Hexadecimal `0x...` (zero prints `0`).
    Hex,
    /// A pointer: `NULL` or `0x...`.
    Addr,
    /// A file descriptor.
    Fd,
    /// A directory descriptor of the `*at` calls: `AT_FDCWD` or a descriptor.
    Dirfd,
    /// A file mode (`umode_t`, 16 bits) in octal, `0644`.
    Octal,
    /// A set of flags from `table`, in a C `int` (the upper 32 bits of the register ignored).
    Flags,
    /// A set of flags from `table`, in a C `unsigned long`.
    Flags64,
    /// One value from `table`, in a C `int`.
    Enum,
    /// A NUL-terminated path name (not cut at `-s`, as strace prints paths).
    Path,
    /// A NUL-terminated string, cut at `-s`.
    String,
    /// A byte buffer of length `len`, cut at `-s`.
    Buffer,
    /// A byte buffer every byte of which prints in hex (`getrandom`'s random bytes).
    HexBuffer,
    /// A NULL-terminated array of strings (`execve`'s argv).
    Argv,
    /// A NULL-terminated array of strings shown as its count (`execve`'s envp).
    Envp,
    /// A `struct stat`.
    Stat,
    /// A `struct rlimit`: `{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}`.
    Rlimit,
    /// A signal number.
    Signo,
    /// An array of `len` `struct iovec`s (`readv`, `writev`): `[{iov_base="hi", iov_len=2}]`;
    /// an output array shows what the call read, or the buffers' addresses if it failed.
    Iovec,
    /// A register the call takes but strace does not show (`preadv2`'s high offset word).
    Unused,
    /// `restart_syscall`'s note naming the call it resumes (no register is read).
    InterruptedCall,
    /// `rt_sigreturn`'s signal frame, found at the stack pointer (no register is read).
    SigreturnFrame,
    /// A NUL-terminated path the call wrote (`getcwd`): printed at exit, its address if the
    /// call failed.
    OutPath,
    /// A user or group id: `-1` for "unchanged", else unsigned (`chown`).
    Uid,
    /// `mknod`'s mode with its file type (`S_IFCHR|0600`), followed by the device
    /// (`makedev(0x1, 0x3)`) from the next register for character and block devices only.
    MknodMode,
    /// A buffer of directory entries (`getdents64`), shown as its address and the number of
    /// entries the call returned: `0x55e0a4f7a0d0 /* 29 entries */`.
    Dirents,
    /// A `struct statx`, abbreviated.
    Statx,
    /// A `struct statfs`, in full.
    Statfs,
    /// `fcntl`'s command: `F_SETFD`.
    FcntlCmd,
    /// `fcntl`'s third argument, by the command (absent for `F_GETFD`): `FD_CLOEXEC`,
    /// `O_RDONLY|O_NONBLOCK`, a `struct flock`, a signal, a number.
    FcntlArg,
    /// `ioctl`'s request: `TCGETS`, or `_IOC(_IOC_READ, 0x54, 0x1, 0x4)` when unknown.
    IoctlRequest,
    /// `ioctl`'s third argument, by the request (absent for `FIOCLEX`): a `struct termios`,
    /// `[0]` for an int pointer, a number, an address.
    IoctlArg,
    /// A pointer to a signal set of `len` bytes: `[INT TERM]`, `~[]`; shown as its address
    /// unless `len` is the kernel's 8 bytes, as strace does.
    Sigset,
    /// A pointer to the kernel's `struct sigaction`: `{sa_handler=SIG_DFL, sa_mask=[],
    /// sa_flags=SA_RESTORER, sa_restorer=0x7f...}`.
    Sigaction,
    /// A pointer to a `siginfo_t`: `{si_signo=SIGUSR1, si_code=SI_USER, si_pid=1, si_uid=0}`.
    Siginfo,
    /// A pointer to a `stack_t` (`sigaltstack`): `{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}`.
    SigaltStack,
    /// A pointer to a wait status: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`.
    WaitStatus,
    /// A pointer to a `struct rusage`, abbreviated: `{ru_utime={tv_sec=0, tv_usec=101},
    /// ru_stime={tv_sec=0, tv_usec=0}, ...}`.
    Rusage,
    /// `futex`'s operation and the arguments after it that the operation takes (the printer
    /// reads the other registers): `FUTEX_WAIT_PRIVATE, 0, NULL`.
    FutexOp,
    /// `clone`'s flags (register 0, with a `table`) shown with the stack before them, as
    /// strace names them: `child_stack=NULL, flags=CLONE_VM|SIGCHLD`.
    CloneFlags,
    /// The `clone` arguments that depend on the flags, at exit: `parent_tid=[5631]`,
    /// `tls=0x...`, `child_tidptr=0x...` (the printer reads the registers itself).
    CloneTail,
    /// A pointer to `struct clone_args` of the size in the next register, with what the call
    /// wrote: `{flags=CLONE_PARENT_SETTID, parent_tid=0x..., exit_signal=SIGCHLD, stack=NULL,
    /// stack_size=0} => {parent_tid=[5632]}`.
    CloneArgs,
    /// A pointer to `len` `gid_t`s: `[0, 5, 100]`.
    GidArray,
    /// A pointer to a CPU mask of `len` bytes, shown as the CPUs in it: `[0 1]`.
    CpuSet,
    /// A pointer to a `struct utsname`, abbreviated: `{sysname="Linux", nodename="vm", ...}`.
    Utsname,
    /// A `struct timespec`: `{tv_sec=0, tv_nsec=100000000}`.
    Timespec,
    /// `nanosleep`'s remaining time: the struct only when the sleep was interrupted (EINTR),
    /// else the address.
    TimespecRem,
    /// A `struct timeval`: `{tv_sec=1, tv_usec=0}`.
    Timeval,
    /// A `struct timezone`: `{tz_minuteswest=0, tz_dsttime=0}`.
    Timezone,
    /// A `struct itimerspec`: `{it_interval={tv_sec=1, tv_nsec=0}, it_value={...}}`.
    Itimerspec,
    /// A `struct itimerval`: `{it_interval={tv_sec=1, tv_usec=0}, it_value={...}}`.
    Itimerval,
    /// A `time_t` in memory with its date: `[1764290971 /* 2025-11-28T00:49:31+0000 */]`.
    TimeT,
    /// A `struct tms`, clock ticks with their seconds when not zero:
    /// `{tms_utime=4 /* 0.04 s */, tms_stime=0, tms_cutime=0, tms_cstime=0}`.
    Tms,
    /// A `struct sigevent`: `{sigev_value={sival_int=0, sival_ptr=NULL}, sigev_signo=SIGALRM,
    /// sigev_notify=SIGEV_SIGNAL}`.
    Sigevent,
    /// An `int` in memory (or a struct of one, `struct sched_param`): `[3]`.
    IntPtr,
    /// Two descriptors the call wrote (`pipe2`, `socketpair`): `[3, 4]`.
    FdPair,
    /// `socket`'s type: `SOCK_STREAM|SOCK_CLOEXEC`.
    SockType,
    /// `socket`'s protocol, named after the domain in the first argument: `IPPROTO_TCP`.
    SockProtocol,
    /// A socket address of `len` bytes (an argument): `{sa_family=AF_INET, sin_port=htons(80),
    /// sin_addr=inet_addr("127.0.0.1")}`.
    Sockaddr,
    /// A socket address the kernel fills, its length at the pointer `len` (an argument).
    SockaddrOut,
    /// A `socklen_t` in memory the kernel updates: `[16]`, or `[128 => 16]` when it changed.
    SockLenPtr,
    /// A socket option level: `SOL_SOCKET`.
    SockLevel,
    /// A socket option name, named after the level in the previous argument: `SO_REUSEADDR`.
    SockoptName,
    /// `setsockopt`'s value of `len` (an argument) bytes: `[1]`.
    SockoptVal,
    /// `getsockopt`'s value, its length at the pointer `len` (an argument).
    SockoptValOut,
    /// A `struct msghdr` (`sendmsg`).
    Msghdr,
    /// A `struct msghdr` the kernel fills (`recvmsg`): iovec contents up to the return value.
    MsghdrOut,
    /// An array of `struct mmsghdr`, as many as the call returned (`sendmmsg`).
    Mmsghdrs,
    /// Received `struct mmsghdr`s (`recvmmsg`): contents up to each `msg_len`.
    MmsghdrsOut,
    /// `mincore`'s vector, one byte per page of the length in the previous argument: `[1, 0]`.
    MincoreVec,
    /// A pointer to one `unsigned int`: `[0]` (`getcpu`).
    UintPtr,
    /// A pointer to a `struct sysinfo`, in full: `{uptime=2392, loads=[45056, 180672,
    /// 174304], totalram=..., mem_unit=1}`.
    Sysinfo,
    /// `personality`'s persona: `PER_LINUX32|ADDR_NO_RANDOMIZE`, or `0xffffffff` (the query).
    Personality,
    /// A pointer to a `struct __user_cap_header_struct`: `{version=_LINUX_CAPABILITY_VERSION_3,
    /// pid=0}`.
    CapHeader,
    /// A pointer to the capability sets, as many as the header's version says (the printer
    /// reads the header in register 0): `{effective=1<<CAP_CHOWN|..., permitted=...,
    /// inheritable=0}`.
    CapData,
    /// The `prctl` arguments after the option that it reads (the printer reads the option in
    /// register 0 and the other registers): `"name"`, `SIGUSR1`, `0x1, 0x2, 0x3, 0x4`.
    PrctlArgs,
    /// The `prctl` argument the call writes, at exit: `[SIGUSR1]`, `"name"`, `[0x7f...]`.
    PrctlResult,
    /// `mount`'s file system type: a string, or its address when the flags (register 3) say
    /// the kernel ignores it.
    MountType,
    /// `mount`'s flags: `MS_RDONLY|MS_NOSUID`, `MS_MGC_VAL|MS_RDONLY`.
    MountFlags,
    /// `mount`'s data: a string, or its address when the flags say the kernel ignores it.
    MountData,
    /// `syslog`'s action, number first: `10 /* SYSLOG_ACTION_SIZE_BUFFER */`.
    SyslogType,
    /// `syslog`'s buffer and length for the actions that take them at entry:
    /// `NULL, 3 /* LOGLEVEL_ERR */`.
    SyslogArgs,
    /// `syslog`'s buffer and length for the reading actions, at exit: `"<6>...", 10`.
    SyslogRead,
    /// A `utsname` field given as `len` bytes (`sethostname`, `setdomainname`): a string, or
    /// its address when `len` is more than the kernel takes (`__NEW_UTS_LEN`, 64). (Not to be
    /// confused with `Utsname`, the whole struct.)
    UtsString,
    /// `kcmp`'s two indexes by the type in register 2: descriptors (`3, 4`), a `struct
    /// kcmp_epoll_slot`, nothing, or hex numbers.
    KcmpIdx,
    /// The `ptrace` arguments after the request that it reads at entry (the printer reads
    /// the registers): `1234, NULL, SIGCONT`, `1234, NULL, PTRACE_O_TRACESYSGOOD`.
    PtraceArgs,
    /// The `ptrace` data the call writes, at exit: `[0x...]`, `{r15=0x..., ...}`, a siginfo.
    PtraceData,
    /// A pointer to `len` `struct pollfd`s as the call gets them:
    /// `[{fd=3, events=POLLIN}, {fd=-1}]`.
    Pollfds,
    /// One of `select`'s descriptor sets, `nfds` (first argument) bits long: `[3 4]`.
    FdSet,
    /// `pselect6`'s last argument, a pointer to a signal set pointer and its size:
    /// `{sigmask=[USR1], sigsetsize=8}`.
    PselectSigmask,
    /// `epoll_ctl`'s event (its address for `EPOLL_CTL_DEL`, which ignores it):
    /// `{events=EPOLLIN, data={u32=4, u64=4}}`.
    EpollEvent,
    /// A pointer to `len` `struct epoll_event`s: `[{events=EPOLLIN, data={u32=4, u64=4}}]`.
    EpollEvents,
    /// `utimensat`'s two `struct timespec`s, with dates and `UTIME_NOW`/`UTIME_OMIT`:
    /// `[{tv_sec=1600000000, tv_nsec=0} /* 2020-09-13T12:26:40+0000 */, UTIME_NOW]`.
    Utimens,
    /// `utimes`'s two `struct timeval`s, with dates:
    /// `[{tv_sec=1600000000, tv_usec=5} /* 2020-09-13T12:26:40.000005+0000 */, {tv_sec=0, tv_usec=0}]`.
    Utimes,
    /// A pointer to a `struct utimbuf`: `{actime=1600000000 /* 2020-09-13T12:26:40+0000 */, modtime=0}`.
    Utimbuf,
    /// An extended attribute's value of `len` bytes, cut at `-s`, a final NUL left out; its
    /// address when longer than `XATTR_SIZE_MAX`: `"bar\0baz"`.
    XattrValue,
    /// `listxattr`'s list, as many bytes as the call returned; its address when the buffer
    /// size (`len`) is zero: `"user.a\0user.b\0"`.
    XattrList,
    /// A pointer to a 64-bit offset (`loff_t *`), signed: `[4096]`.
    LoffPtr,
    /// `sendfile`'s offset, unsigned, shown at entry and, when the call moved it, at exit
    /// after ` => `: `[0] => [100]`. Declare it `dir = "out"`: it prints at both ends.
    SendfileOffset,
}

impl ArgKind {
    fn needs_table(self) -> bool {
        matches!(
            self,
            ArgKind::Flags | ArgKind::Flags64 | ArgKind::Enum | ArgKind::CloneFlags
        )
    }

    /// The kinds whose size comes from `len`.
    pub fn takes_len(self) -> bool {
        matches!(
            self,
            ArgKind::Buffer
                | ArgKind::HexBuffer
                | ArgKind::Sigset
                | ArgKind::GidArray
                | ArgKind::CpuSet
                | ArgKind::Sockaddr
                | ArgKind::SockaddrOut
                | ArgKind::SockoptVal
                | ArgKind::SockoptValOut
                | ArgKind::UtsString
                | ArgKind::Pollfds
                | ArgKind::EpollEvents
                | ArgKind::XattrValue
                | ArgKind::XattrList
                | ArgKind::Iovec
        )
    }
}

/// Whether an argument is read at syscall entry or exit.
#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Dir {
    #[default]
    In,
    Out,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    pub arg: String,
    /// Shown when any of these flags is set...
    #[serde(default)]
    pub any_of: Vec<String>,
    /// ...or, instead, only when all of these are (mremap's new address needs both
    /// MREMAP_MAYMOVE and MREMAP_FIXED).
    #[serde(default)]
    pub all_of: Vec<String>,
}

impl ShowIf {
    /// The flag names given, and whether all of them must be set.
    pub fn names(&self) -> (&[String], bool) {
        if self.all_of.is_empty() {
            (&self.any_of, false)
        } else {
            (&self.all_of, true)
        }
    }
}

/// A name-value pair of the `[[errno]]` and `[[signal]]` lists.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub name: String,
    pub value: u32,
    #[serde(default)]
    pub desc: String,
}

/// `[flags.NAME]`: an optional exclusive field (one value under `field_mask`, like
/// `O_RDONLY/O_WRONLY/O_RDWR`) and ordered bits, multi-bit values before their parts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagTable {
    /// The name printed when the whole value is zero (`PROT_NONE`, `F_OK`).
    pub zero: Option<String>,
    #[serde(default)]
    pub field_mask: u64,
    #[serde(default)]
    pub field: Vec<(String, u64)>,
    #[serde(default)]
    pub bits: Vec<(String, u64)>,
    /// The comment printed beside a value no name matched (`0x100 /* PROT_??? */`).
    pub unknown: Option<String>,
    /// A number kept in some bits of the value (mmap's huge page size).
    pub shifted: Option<Shifted>,
}

/// A number stored at `(value >> shift) & mask`, printed as `N<<NAME`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shifted {
    pub name: String,
    pub shift: u32,
    pub mask: u64,
}

impl FlagTable {
    /// The value of a named flag, for `show_if`.
    pub fn value_of(&self, name: &str) -> Option<u64> {
        self.field
            .iter()
            .chain(&self.bits)
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }
}

/// `[enums.NAME]`: one value from a list; an unknown one prints as `0x7 /* SEEK_??? */`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumTable {
    /// Values as TOML integers (signed, so `si_code`'s negative codes can be written as such).
    pub values: Vec<(String, i64)>,
    /// The comment printed beside an unknown value (`SEEK_???`).
    pub unknown: String,
}

/// The top level as written, before per-entry checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    #[serde(default)]
    syscall: Vec<toml::Value>,
    #[serde(default)]
    errno: Vec<toml::Value>,
    #[serde(default)]
    signal: Vec<toml::Value>,
    #[serde(default)]
    flags: BTreeMap<String, toml::Value>,
    #[serde(default)]
    enums: BTreeMap<String, toml::Value>,
}

/// Parses and validates the text of `syscalls.toml`.
pub fn parse(text: &str) -> Result<Spec, String> {
    let raw: RawSpec = toml::from_str(text).map_err(|e| format!("syscalls.toml: {e}"))?;
    let syscalls = raw
        .syscall
        .into_iter()
        .enumerate()
        .map(|(i, v)| entry::<Syscall>(v, || entry_label("syscall", i)))
        .collect::<Result<Vec<_>, _>>()?;
    let errnos = named_list("errno", raw.errno, ERRNO_VALUES)?;
    let signals = named_list("signal", raw.signal, SIGNAL_VALUES)?;
    let flags = tables("flags", raw.flags)?;
    let enums = tables("enums", raw.enums)?;
    let spec = Spec {
        syscalls,
        errnos,
        signals,
        flags,
        enums,
    };
    check(&spec)?;
    Ok(spec)
}

/// Labels an entry by its name when it has one, else by its position.
fn entry_label(list: &str, index: usize) -> String {
    format!("{list} entry #{}", index + 1)
}

/// Deserializes one entry, prefixing any error with the entry's name.
fn entry<T: for<'de> Deserialize<'de>>(
    value: toml::Value,
    label: impl Fn() -> String,
) -> Result<T, String> {
    let name = value
        .get("name")
        .and_then(|n| n.as_str())
        .map(|n| format!(" \"{n}\""));
    T::deserialize(value).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.trim();
        match name {
            Some(n) => format!("{}{n}: {msg}", label()),
            None => format!("{}: {msg}", label()),
        }
    })
}

fn named_list(
    list: &str,
    values: Vec<toml::Value>,
    range: std::ops::RangeInclusive<u32>,
) -> Result<Vec<Named>, String> {
    let items: Vec<Named> = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| entry::<Named>(v, || entry_label(list, i)))
        .collect::<Result<_, _>>()?;
    let mut seen = HashMap::new();
    for item in &items {
        if !range.contains(&item.value) {
            return Err(format!(
                "{list} \"{}\": field `value`: {} is not in {}..={}",
                item.name,
                item.value,
                range.start(),
                range.end()
            ));
        }
        if let Some(other) = seen.insert(item.value, &item.name) {
            return Err(format!(
                "{list} \"{}\": field `value`: {} is also the value of \"{other}\"",
                item.name, item.value
            ));
        }
    }
    Ok(items)
}

fn tables<T: for<'de> Deserialize<'de>>(
    section: &str,
    values: BTreeMap<String, toml::Value>,
) -> Result<BTreeMap<String, T>, String> {
    values
        .into_iter()
        .map(|(name, v)| {
            let label = format!("{section}.{name}");
            T::deserialize(v)
                .map(|t| (name, t))
                .map_err(|e| format!("{label}: {}", e.to_string().trim()))
        })
        .collect()
}

/// The cross-entry checks serde cannot make.
fn check(spec: &Spec) -> Result<(), String> {
    let mut numbers = HashMap::new();
    let mut names = HashSet::new();
    for sc in &spec.syscalls {
        let label = format!("syscall \"{}\"", sc.name);
        if sc.nr > MAX_NR {
            return Err(format!("{label}: field `nr`: {} is above {MAX_NR}", sc.nr));
        }
        if let Some(other) = numbers.insert(sc.nr, &sc.name) {
            return Err(format!(
                "{label}: field `nr`: {} is also the number of \"{other}\"",
                sc.nr
            ));
        }
        if !names.insert(&sc.name) {
            return Err(format!("{label}: field `name`: defined twice"));
        }
        match (&sc.args, sc.nargs) {
            (Some(_), Some(_)) => {
                return Err(format!(
                    "{label}: fields `args` and `nargs`: give one, not both"
                ));
            }
            (None, None) => {
                return Err(format!(
                    "{label}: missing field `args` (or `nargs` for a raw entry)"
                ));
            }
            (None, Some(n)) if n > MAX_ARGS => {
                return Err(format!(
                    "{label}: field `nargs`: {n} is more than {MAX_ARGS}"
                ));
            }
            (Some(args), None) => check_args(spec, &label, args)?,
            _ => {}
        }
    }
    for (section, names) in [
        ("flags", spec.flags.keys().collect::<Vec<_>>()),
        ("enums", spec.enums.keys().collect()),
    ] {
        // build.rs names each table's static after it (`FLAGS_OPEN_FLAGS`): a name must make
        // an identifier, and one spelling only.
        if let Some(bad) = names.iter().find(|n| !is_table_name(n)) {
            return Err(format!(
                "{section}.{bad}: a table name is lowercase letters, digits and `_`, starting with a letter"
            ));
        }
    }
    for (name, table) in &spec.flags {
        if let Some(shifted) = &table.shifted
            && shifted.shift >= 64
        {
            return Err(format!(
                "flags.{name}: field `shifted`: a shift of {} is past 64 bits",
                shifted.shift
            ));
        }
        if table.field.is_empty() != (table.field_mask == 0) {
            return Err(format!(
                "flags.{name}: fields `field` and `field_mask` go together"
            ));
        }
        if let Some((n, v)) = table.field.iter().find(|(_, v)| v & !table.field_mask != 0) {
            return Err(format!(
                "flags.{name}: field `field`: {n} = {v:#x} is outside field_mask"
            ));
        }
        if let Some((n, _)) = table.bits.iter().find(|(_, v)| *v == 0) {
            return Err(format!(
                "flags.{name}: field `bits`: {n} is zero (use `zero`)"
            ));
        }
    }
    Ok(())
}

/// `[a-z][a-z0-9_]*`: what a table may be called.
fn is_table_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn check_args(spec: &Spec, label: &str, args: &[Arg]) -> Result<(), String> {
    if args.len() > MAX_ARGS {
        return Err(format!(
            "{label}: field `args`: {} arguments, more than {MAX_ARGS}",
            args.len()
        ));
    }
    for arg in args {
        let at = format!("{label}: argument `{}`", arg.name);
        match (&arg.table, arg.kind.needs_table()) {
            (None, true) => return Err(format!("{at}: missing field `table`")),
            (Some(_), false) => {
                return Err(format!(
                    "{at}: field `table`: kind {:?} takes no table",
                    arg.kind
                ));
            }
            (Some(t), true) => {
                let is_flags = arg.kind != ArgKind::Enum;
                let known = if is_flags {
                    spec.flags.contains_key(t)
                } else {
                    spec.enums.contains_key(t)
                };
                if !known {
                    let section = if is_flags { "flags" } else { "enums" };
                    return Err(format!("{at}: field `table`: no table [{section}.{t}]"));
                }
            }
            (None, false) => {}
        }
        match (&arg.len, arg.kind.takes_len()) {
            (None, true) => return Err(format!("{at}: missing field `len`")),
            (Some(_), false) => {
                return Err(format!(
                    "{at}: field `len`: only a buffer, an array, a string or a socket address has a length"
                ));
            }
            (Some(len), true) if len != "ret" && !args.iter().any(|a| &a.name == len) => {
                return Err(format!("{at}: field `len`: no argument named `{len}`"));
            }
            _ => {}
        }
        if let Some(show_if) = &arg.show_if {
            let Some(flags_arg) = args.iter().find(|a| a.name == show_if.arg) else {
                return Err(format!(
                    "{at}: field `show_if`: no argument named `{}`",
                    show_if.arg
                ));
            };
            let Some(table) = flags_arg.table.as_ref().and_then(|t| spec.flags.get(t)) else {
                return Err(format!(
                    "{at}: field `show_if`: `{}` is not a flags argument",
                    show_if.arg
                ));
            };
            if show_if.any_of.is_empty() == show_if.all_of.is_empty() {
                return Err(format!(
                    "{at}: field `show_if`: give one of `any_of` and `all_of`"
                ));
            }
            let (names, _) = show_if.names();
            if let Some(bad) = names.iter().find(|n| table.value_of(n).is_none()) {
                return Err(format!(
                    "{at}: field `show_if`: no flag {bad} in that table"
                ));
            }
        }
    }
    Ok(())
}

/// The numeric mask a `show_if` stands for, resolved at build time, and whether all its bits
/// must be set.
pub fn show_if_mask(spec: &Spec, args: &[Arg], show_if: &ShowIf) -> (usize, u64, bool) {
    let index = args.iter().position(|a| a.name == show_if.arg).unwrap_or(0);
    let table = args[index].table.as_ref().and_then(|t| spec.flags.get(t));
    let (names, all) = show_if.names();
    let mask = names
        .iter()
        .filter_map(|n| table.and_then(|t| t.value_of(n)))
        .fold(0, |m, v| m | v);
    (index, mask, all)
}
