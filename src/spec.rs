//! The schema of `syscalls.toml` and its checks.
//!
//! Shared by `build.rs` (through `#[path]`) and the tests, so that the build and the tests reject the
//! same malformed entries with the same messages. Every error names the entry (`syscall "read"`,
//! `flags.open_flags`) and the field concerned.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Highest argument count of a Linux syscall (x86_64 passes six in registers).
pub const MAX_ARGS: usize = 6;

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
    #[serde(default)]
    pub ret: RetKind,
    pub args: Option<Vec<Arg>>,
    pub nargs: Option<usize>,
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
    /// Seconds since the epoch, with the date: `= 1764290971 (2025-11-28T00:49:31+0000)` (`time`).
    Time,
    /// `membarrier`: after `MEMBARRIER_CMD_QUERY` (command 0) the commands supported, in hex
    /// with their names: `= 0x3ff (MEMBARRIER_CMD_GLOBAL|...)`; otherwise decimal.
    Membarrier,
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
    /// `restart_syscall`'s note naming the call it resumes (no register is read).
    InterruptedCall,
    /// `rt_sigreturn`'s signal frame, found at the stack pointer (no register is read).
    SigreturnFrame,
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
    /// A `struct tms`: `{tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}`.
    Tms,
    /// A `struct sigevent`: `{sigev_value={sival_int=0, sival_ptr=NULL}, sigev_signo=SIGALRM,
    /// sigev_notify=SIGEV_SIGNAL}`.
    Sigevent,
    /// An `int` in memory: `[3]`.
    IntPtr,
    /// Two `int`s in memory, `socketpair`'s descriptors: `[3, 4]`.
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
}

impl ArgKind {
    /// Kinds whose size comes from another argument (`len`).
    pub fn takes_len(self) -> bool {
        matches!(
            self,
            ArgKind::Buffer
                | ArgKind::HexBuffer
                | ArgKind::Sockaddr
                | ArgKind::SockaddrOut
                | ArgKind::SockoptVal
                | ArgKind::SockoptValOut
        )
    }

    fn needs_table(self) -> bool {
        matches!(self, ArgKind::Flags | ArgKind::Flags64 | ArgKind::Enum)
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
    let errnos = named_list("errno", raw.errno)?;
    let signals = named_list("signal", raw.signal)?;
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

fn named_list(list: &str, values: Vec<toml::Value>) -> Result<Vec<Named>, String> {
    let items: Vec<Named> = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| entry::<Named>(v, || entry_label(list, i)))
        .collect::<Result<_, _>>()?;
    let mut seen = HashMap::new();
    for item in &items {
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
    for (name, table) in &spec.flags {
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
                    "{at}: field `len`: only a buffer or a socket address has a length"
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
