//! The schema of `syscalls.toml` and its checks.
//!
//! Shared by `build.rs` (through `#[path]`) and the tests, so that the build and the tests reject the
//! same malformed entries with the same messages. Every error names the entry (`syscall "read"`,
//! `flags.open_flags`) and the field concerned.

use super::kinds::{self, KINDS, KindDef, TableNeed};
use serde::Deserialize;

#[path = "spec_netlink.rs"]
pub mod netlink;
use std::collections::{BTreeMap, HashMap, HashSet};

#[path = "spec_sockopt.rs"]
pub mod sockopt;

#[path = "spec_structs.rs"]
pub mod structs;
pub use structs::StructDef;

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
    /// `[structs.NAME]`: struct layouts for the struct kinds.
    pub structs: BTreeMap<String, StructDef>,
    /// `[foreign] names`: syscall names of strace's other x86_64 personalities (i386, x32)
    /// that x86_64 lacks, valid in `-e trace=` sets.
    pub foreign_names: Vec<String>,
    /// `[foreign] not_i386`: x86_64 syscalls strace's i386 personality lacks.
    pub not_i386: Vec<String>,
    /// `[foreign] not_x32`: x86_64 syscalls strace's x32 personality lacks.
    pub not_x32: Vec<String>,
    /// `[ioctls]`'s request names, as written.
    pub ioctls: Vec<(String, u32)>,
    /// `[ioctl_args]`: the third argument of `ioctl` by request name.
    pub ioctl_args: BTreeMap<String, IoctlArg>,
    /// `[netlink]`: how netlink messages decode.
    pub netlink: netlink::Netlink,
    /// `[sockopt]`: by socket option level, its option names and value shapes.
    pub sockopt: BTreeMap<String, sockopt::Level>,
}

/// One `[[syscall]]` entry. Either `args` (decoded) or `nargs` (printed raw, as strace prints calls
/// it does not decode) is given; both only where the decoded arguments are not one register
/// each (a syscall-level decoder reading several registers as one value, a pseudo-argument),
/// and `nargs` then says how many registers the call takes (its `n_args` in strace's sysent,
/// the count `-e raw=` prints and `poke_enter=@argN` is checked against).
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
    /// The syscall-level decoder of a call whose argument layout hangs on one argument
    /// (`"prctl"`): its kinds and return kind read the call's registers by that layout.
    pub decoder: Option<String>,
    pub args: Option<Vec<Arg>>,
    pub nargs: Option<usize>,
    /// The data the call moves, dumped in hex by `-e read=`/`-e write=`.
    pub dump: Option<Dump>,
    /// The call cannot fail (strace's NF: `getpid`, `umask`...): a return value in the error
    /// range is a value (`-e inject=...:retval=`), not an error.
    #[serde(default)]
    pub never_fails: bool,
    /// When these flags of an argument are set, the return value is a plain number whatever
    /// `ret` says (`landlock_create_ruleset` returns a descriptor, or with
    /// `LANDLOCK_CREATE_RULESET_VERSION` the ABI version).
    pub ret_int_if: Option<ShowIf>,
}

/// What `-e write=FD` (the `write*`/`send*` kinds, dumped even when the call fails) and
/// `-e read=FD` (the `read*`/`recv*` kinds, dumped up to what a successful call returned) dump
/// of a call on descriptor FD (its first argument), as strace: a buffer (second argument)
/// of the length in the third, an iovec array (second) of the count in the third, the iovecs
/// of a `struct msghdr` (second), or of each `struct mmsghdr` of a vector.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Dump {
    Write,
    Read,
    Writev,
    Readv,
    Sendmsg,
    Recvmsg,
    Sendmmsg,
    Recvmmsg,
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
    /// The clock state `adjtimex` and `clock_adjtime` return, with its name:
    /// `= 5 (TIME_ERROR)`.
    Adjtimex,
    /// A process id, with its name under `-Y`: `= 1234<bash>` (`getpid`, `fork`), and its
    /// pid in the tracer's namespace under `--decode-pids=pidns`.
    Pid,
    /// A thread id, as `pid` (`gettid`).
    Tid,
    /// A process group id (`getpgrp`), noted under `--decode-pids=pidns` only.
    Pgid,
    /// A session id (`getsid`), likewise.
    Sid,
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
    /// What `ioctl` returns, by its request: a number, and after `KVM_RUN` under
    /// `-e kvm=vcpu` the reason the vcpu exited: `= 0 (KVM_EXIT_IO)`.
    Ioctl,
    /// An I/O priority with its class and data: `= 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))`.
    Ioprio,
    /// `arch_prctl`'s, by the code: for `ARCH_REQ_XCOMP_PERM` a feature mask in hex with its
    /// names when positive; a number otherwise.
    ArchPrctl,
    /// `recvmmsg`: `0 (Timeout)`, or the count and the time left (fifth argument, a `struct
    /// timespec` the kernel updates): `= 2 (left {tv_sec=0, tv_nsec=999})`.
    Recvmmsg,
    /// `modify_ldt`'s: an error comes back as a 32-bit negative number, shown with its name
    /// (`= 4294967258 ENOSYS (Function not implemented)`).
    ModifyLdt,
    /// `set_thread_area`'s: the entry number the kernel chose, read back from the struct:
    /// `= 0 (entry_number=12)`.
    SetThreadArea,
    /// `bpf`'s, by the command: a descriptor for those that make one (`BPF_MAP_CREATE`,
    /// `BPF_PROG_LOAD`, ...) when the attr could be read, a number otherwise.
    Bpf,
}

/// One argument of a decoded syscall.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Arg {
    pub name: String,
    /// One of the kinds of src/kinds.rs.
    pub kind: String,
    /// The flag or enum table, for the kinds that take one (`flags`, `enum`, ...).
    pub table: Option<String>,
    /// The length of a `buffer`: `"ret"` (the return value) or the name of another argument.
    pub len: Option<String>,
    /// The argument the value depends on, for the kinds that depend on one (`sockopt_name`
    /// on the level).
    pub by: Option<String>,
    #[serde(default)]
    pub dir: Dir,
    /// Print the argument only when another (flags) argument has one of these flags set.
    pub show_if: Option<ShowIf>,
    /// The `[structs.NAME]` of the struct kinds (`struct`, `sized_struct`).
    #[serde(rename = "struct")]
    pub strukt: Option<String>,
    /// `struct_by`'s structs by the value of the `by` argument: `{ TAG = "NAME" }`, each tag a
    /// name of that argument's enum table.
    pub structs: Option<BTreeMap<String, String>>,
    /// `false`: `-P` does not look at this descriptor or path. strace 6.1's pathtrace lists
    /// calls whose descriptors and paths it never compares (`fsmount`'s, the `mq_*` calls',
    /// `fsconfig`'s file system descriptor).
    #[serde(default = "traced")]
    pub pathtrace: bool,
}

/// An argument's default `pathtrace`: a descriptor or path counts for `-P`.
fn traced() -> bool {
    true
}

impl RetKind {
    /// The syscall-level decoder a return kind belongs to: those that read the call's
    /// arguments (`fcntl`'s command, `poll`'s array) need the syscall to name it.
    pub fn decoder(self) -> Option<&'static str> {
        match self {
            RetKind::Fcntl => Some("fcntl"),
            RetKind::Prctl => Some("prctl"),
            RetKind::Poll | RetKind::Ppoll => Some("poll"),
            RetKind::Select | RetKind::Pselect => Some("select"),
            RetKind::Membarrier => Some("membarrier"),
            RetKind::Ioctl => Some("ioctl"),
            RetKind::ArchPrctl => Some("arch_prctl"),
            RetKind::Recvmmsg => Some("recvmmsg"),
            RetKind::SetThreadArea => Some("set_thread_area"),
            RetKind::Bpf => Some("bpf"),
            _ => None,
        }
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
    /// A bit 63 is written as the negative number of the same bits, `-9223372036854775808`
    /// (TOML's integers are signed 64-bit: userfaultfd's `1<<_UFFDIO_API`).
    #[serde(default, deserialize_with = "signed_bits")]
    pub bits: Vec<(String, u64)>,
    /// The comment printed beside a value no name matched (`0x100 /* PROT_??? */`).
    pub unknown: Option<String>,
    /// A number kept in some bits of the value (mmap's huge page size).
    pub shifted: Option<Shifted>,
}

/// `bits` as TOML holds them, signed, taken as the 64 bits they are.
fn signed_bits<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<(String, u64)>, D::Error> {
    let bits: Vec<(String, i64)> = Deserialize::deserialize(d)?;
    Ok(bits.into_iter().map(|(n, v)| (n, v as u64)).collect())
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
        if self.zero.as_deref() == Some(name) {
            return Some(0);
        }
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

/// One `[ioctl_args]` entry: how `ioctl`'s third argument prints for one request, as an
/// argument of a `[[syscall]]` (its `kind`, `table`, `struct`), and when.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct IoctlArg {
    pub kind: String,
    pub table: Option<String>,
    #[serde(rename = "struct")]
    pub strukt: Option<String>,
    #[serde(default)]
    pub dir: IoctlDir,
    /// For `dir = "inout"` with kind `struct`: the struct shown after ` => ` when what the
    /// kernel writes is not what the caller gave (btrfs's scrub: a device at entry, its
    /// progress at exit). For `dir = "in_then_out"` (where it is required): the struct a
    /// successful call shows, the caller's members and then the kernel's.
    pub exit_struct: Option<String>,
}

impl IoctlArg {
    /// The argument shown at a successful exit when it is not [`IoctlArg::as_arg`]'s struct.
    pub fn exit_arg(&self, request: &str) -> Option<Arg> {
        let mut arg = self.as_arg(request);
        arg.strukt = Some(self.exit_struct.clone()?);
        Some(arg)
    }

    /// The entry as a syscall argument named after its request, for the argument checks
    /// and the generated [`ArgDesc`](crate::table::ArgDesc).
    pub fn as_arg(&self, request: &str) -> Arg {
        Arg {
            name: request.to_string(),
            kind: self.kind.clone(),
            table: self.table.clone(),
            len: None,
            by: None,
            dir: Dir::In,
            show_if: None,
            strukt: self.strukt.clone(),
            structs: None,
            pathtrace: true,
        }
    }
}

/// When an ioctl argument prints: what the caller gave, at entry (`in`); what the kernel
/// wrote, at exit of a successful call (`out`; a failed one shows the address); or both,
/// the second after ` => ` (`inout`; a failed call shows only the first); or one struct
/// growing (`in_then_out`: the caller's members, and when the call succeeded the kernel's,
/// in one pair of braces: `struct` on failure, `exit_struct` on success).
#[derive(Debug, Deserialize, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum IoctlDir {
    #[default]
    In,
    Out,
    Inout,
    InThenOut,
}

/// `[ioctls]`: the names of ioctl requests (written by scripts/gen-ioctls), one row per
/// name: `["TCGETS", 0x5401]`. A code with several names has several rows.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ioctls {
    requests: Vec<(String, u32)>,
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
    #[serde(default)]
    structs: BTreeMap<String, toml::Value>,
    #[serde(default)]
    foreign: Foreign,
    ioctls: Option<toml::Value>,
    #[serde(default)]
    ioctl_args: BTreeMap<String, toml::Value>,
    netlink: Option<toml::Value>,
    sockopt: Option<toml::Value>,
}

/// `[foreign]`: see [`Spec::foreign_names`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Foreign {
    names: Vec<String>,
    #[serde(default)]
    not_i386: Vec<String>,
    #[serde(default)]
    not_x32: Vec<String>,
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
    let structs = structs::parse(raw.structs)?;
    let ioctls = match raw.ioctls {
        Some(v) => {
            Ioctls::deserialize(v)
                .map_err(|e| format!("ioctls: {}", e.to_string().trim()))?
                .requests
        }
        None => Vec::new(),
    };
    let ioctl_args = tables("ioctl_args", raw.ioctl_args)?;
    let netlink = match raw.netlink {
        Some(v) => netlink::Netlink::deserialize(v)
            .map_err(|e| format!("netlink: {}", e.to_string().trim()))?,
        None => netlink::Netlink::default(),
    };
    let sockopt = match raw.sockopt {
        Some(v) => {
            BTreeMap::deserialize(v).map_err(|e| format!("sockopt: {}", e.to_string().trim()))?
        }
        None => BTreeMap::new(),
    };
    let spec = Spec {
        syscalls,
        errnos,
        signals,
        flags,
        enums,
        structs,
        foreign_names: raw.foreign.names,
        not_i386: raw.foreign.not_i386,
        not_x32: raw.foreign.not_x32,
        ioctls,
        ioctl_args,
        netlink,
        sockopt,
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
    // The structs first: the arguments that use them name them.
    structs::check(spec)?;
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
            (Some(args), Some(n)) if n == args.len() => {
                return Err(format!(
                    "{label}: field `nargs`: {n} is the number of `args`: give it only when they differ"
                ));
            }
            (None, None) => {
                return Err(format!(
                    "{label}: missing field `args` (or `nargs` for a raw entry)"
                ));
            }
            (_, Some(n)) if n > MAX_ARGS => {
                return Err(format!(
                    "{label}: field `nargs`: {n} is more than {MAX_ARGS}"
                ));
            }
            (Some(args), _) => check_args(spec, &label, args)?,
            _ => {}
        }
        if let Some(ret_int_if) = &sc.ret_int_if {
            let args = sc.args.as_deref().unwrap_or_default();
            check_show_if(spec, &label, "ret_int_if", args, ret_int_if)?;
        }
        check_decoder(&label, sc)?;
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
    check_foreign(spec)?;
    check_ioctls(&spec.ioctls)?;
    check_ioctl_args(spec)?;
    sockopt::check(spec)?;
    netlink::check(spec)
}

/// A foreign name is no x86_64 syscall's and is listed once; a name another personality lacks
/// is an x86_64 syscall's, listed once.
fn check_foreign(spec: &Spec) -> Result<(), String> {
    let is_x86_64 = |name: &String| spec.syscalls.iter().any(|sc| &sc.name == name);
    for (field, names, x86_64) in [
        ("names", &spec.foreign_names, false),
        ("not_i386", &spec.not_i386, true),
        ("not_x32", &spec.not_x32, true),
    ] {
        let mut seen = HashSet::new();
        for name in names {
            if is_x86_64(name) != x86_64 {
                let what = if x86_64 { "is no" } else { "is an" };
                return Err(format!(
                    "foreign: field `{field}`: \"{name}\" {what} x86_64 syscall"
                ));
            }
            if !seen.insert(name) {
                return Err(format!("foreign: field `{field}`: \"{name}\" listed twice"));
            }
        }
    }
    Ok(())
}

/// An ioctl request's name is a C macro name (`[A-Z][A-Z0-9_]*`), given once.
fn check_ioctls(ioctls: &[(String, u32)]) -> Result<(), String> {
    let mut names = HashSet::new();
    for (name, code) in ioctls {
        let macro_like = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if !macro_like {
            return Err(format!(
                "ioctls: request \"{name}\" ({code:#x}): a name is [A-Z][A-Z0-9_]*"
            ));
        }
        if !names.insert(name) {
            return Err(format!("ioctls: request \"{name}\": named twice"));
        }
    }
    Ok(())
}

/// An `[ioctl_args]` entry names a request of `[ioctls]`, one entry a code, and is an
/// argument of a kind that stands alone: no length, no other argument, no syscall decoder.
fn check_ioctl_args(spec: &Spec) -> Result<(), String> {
    let mut codes = HashMap::new();
    for (request, entry) in &spec.ioctl_args {
        let label = format!("ioctl_args.{request}");
        let Some(&(_, code)) = spec.ioctls.iter().find(|(n, _)| n == request) else {
            return Err(format!("{label}: no request of that name in [ioctls]"));
        };
        if let Some(other) = codes.insert(code, request) {
            return Err(format!(
                "{label}: request {code:#x} is also {other}'s: one entry a code"
            ));
        }
        let arg = entry.as_arg(request);
        let kind = kind_of(&label, &arg)?;
        if kind.len || kind.by || !kind.decoder.is_empty() || kind.updated_at_exit {
            return Err(format!(
                "{label}: kind `{}` needs more than the argument itself: no ioctl argument",
                kind.name
            ));
        }
        check_args(spec, &label, &[arg])?;
        let grows = entry.dir == IoctlDir::InThenOut;
        if grows && (entry.kind != "struct" || entry.exit_struct.is_none()) {
            return Err(format!(
                "{label}: dir \"in_then_out\" is for kind \"struct\" with an `exit_struct`"
            ));
        }
        if let Some(exit) = entry.exit_arg(request) {
            if !(entry.dir == IoctlDir::Inout || grows) || entry.kind != "struct" {
                return Err(format!(
                    "{label}: `exit_struct` is for kind \"struct\" with dir \"inout\" or \"in_then_out\""
                ));
            }
            check_args(spec, &label, &[exit])?;
        }
    }
    Ok(())
}

/// The code of the `[ioctls]` request `name` (the spec was checked: it is there).
pub fn ioctl_code(spec: &Spec, name: &str) -> u32 {
    spec.ioctls
        .iter()
        .find(|(n, _)| n == name)
        .map_or(0, |&(_, c)| c)
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
        let kind = kind_of(&at, arg)?;
        structs::check_arg(spec, &at, args, arg, kind)?;
        match (&arg.table, kind.table) {
            (None, TableNeed::None | TableNeed::Struct | TableNeed::StructMap) => {}
            (None, _) => return Err(format!("{at}: missing field `table`")),
            (Some(_), TableNeed::None | TableNeed::Struct | TableNeed::StructMap) => {
                return Err(format!(
                    "{at}: field `table`: kind `{}` takes no table",
                    kind.name
                ));
            }
            (Some(t), need) => {
                let is_flags = need == TableNeed::Flags;
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
        }
        match (&arg.len, kind.len) {
            (None, true) => return Err(format!("{at}: missing field `len`")),
            (Some(_), false) => {
                return Err(format!(
                    "{at}: field `len`: only a buffer, an array, a string, a socket address or an extensible struct has a length"
                ));
            }
            (Some(len), true) if len != "ret" && !args.iter().any(|a| &a.name == len) => {
                return Err(format!("{at}: field `len`: no argument named `{len}`"));
            }
            _ => {}
        }
        match (&arg.by, kind.by) {
            (None, true) => {
                return Err(format!(
                    "{at}: missing field `by` (the argument kind `{}` depends on)",
                    kind.name
                ));
            }
            (Some(_), false) => {
                return Err(format!(
                    "{at}: field `by`: kind `{}` depends on no other argument",
                    kind.name
                ));
            }
            (Some(by), true) if !args.iter().any(|a| &a.name == by) => {
                return Err(format!("{at}: field `by`: no argument named `{by}`"));
            }
            _ => {}
        }
        if !arg.pathtrace && !matches!(kind.name, "fd" | "dirfd" | "path") {
            return Err(format!(
                "{at}: field `pathtrace`: only a descriptor or a path is traced"
            ));
        }
        if let Some(show_if) = &arg.show_if {
            check_show_if(spec, &at, "show_if", args, show_if)?;
        }
    }
    Ok(())
}

/// A `show_if` (or `ret_int_if`, named by `key`) names a flags argument and flags of its table.
fn check_show_if(
    spec: &Spec,
    at: &str,
    key: &str,
    args: &[Arg],
    show_if: &ShowIf,
) -> Result<(), String> {
    let Some(flags_arg) = args.iter().find(|a| a.name == show_if.arg) else {
        return Err(format!(
            "{at}: field `{key}`: no argument named `{}`",
            show_if.arg
        ));
    };
    let Some(table) = flags_arg.table.as_ref().and_then(|t| spec.flags.get(t)) else {
        return Err(format!(
            "{at}: field `{key}`: `{}` is not a flags argument",
            show_if.arg
        ));
    };
    if show_if.any_of.is_empty() == show_if.all_of.is_empty() {
        return Err(format!(
            "{at}: field `{key}`: give one of `any_of` and `all_of`"
        ));
    }
    let (names, _) = show_if.names();
    if let Some(bad) = names.iter().find(|n| table.value_of(n).is_none()) {
        return Err(format!("{at}: field `{key}`: no flag {bad} in that table"));
    }
    Ok(())
}

/// A syscall-level decoder's kinds and return kind appear only where the syscall names it,
/// and a named decoder is one some kind or return kind belongs to.
fn check_decoder(label: &str, sc: &Syscall) -> Result<(), String> {
    let named = sc.decoder.as_deref();
    let known = |d: &str| {
        KINDS.iter().any(|k| k.decoder == d)
            || [
                RetKind::Fcntl,
                RetKind::Poll,
                RetKind::Select,
                RetKind::Membarrier,
                RetKind::Ioctl,
                RetKind::ArchPrctl,
                RetKind::Recvmmsg,
                RetKind::SetThreadArea,
            ]
            .iter()
            .any(|r| r.decoder() == Some(d))
    };
    if let Some(d) = named
        && !known(d)
    {
        return Err(format!("{label}: field `decoder`: no decoder `{d}`"));
    }
    if let Some(d) = sc.ret.decoder()
        && named != Some(d)
    {
        return Err(format!(
            "{label}: field `ret`: {:?} reads the call's arguments: it needs `decoder = \"{d}\"`",
            sc.ret
        ));
    }
    for arg in sc.args.iter().flatten() {
        let Some(kind) = kinds::find(&arg.kind) else {
            continue;
        };
        if !kind.decoder.is_empty() && named != Some(kind.decoder) {
            return Err(format!(
                "{label}: argument `{}`: kind `{}` reads the call's registers by its layout: \
                 it needs `decoder = \"{}\"`",
                arg.name, kind.name, kind.decoder
            ));
        }
    }
    Ok(())
}

/// The kind of `arg`; a name that is no kind fails with the nearest one.
pub fn kind_of(at: &str, arg: &Arg) -> Result<&'static KindDef, String> {
    kinds::find(&arg.kind).ok_or_else(|| {
        let nearest = KINDS
            .iter()
            .min_by_key(|k| edit_distance(k.name, &arg.kind))
            .map_or("", |k| k.name);
        format!(
            "{at}: field `kind`: no kind `{}` (the nearest is `{nearest}`; src/kinds.rs lists them)",
            arg.kind
        )
    })
}

/// The Levenshtein distance between two names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
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
