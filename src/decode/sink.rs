//! The renderer seam for values: a small generic vocabulary of C expressions (numbers, names,
//! strings, groups such as arrays, structs, `a|b`, `f(x)`, comments) that the text and JSON
//! renderers implement. What a value means is decided in decoding, which describes it with
//! these words ([`super::Values`] composes the common ones); a renderer only formats them.

use crate::fdinfo::FdInfo;
use crate::table::{EnumTable, FlagTable};

/// A number and the base strace shows it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Int(i64),
    Uint(u64),
    /// `%#x`: `0` or `0x1f`.
    Hex(u64),
    /// `%#o`, at least three digits: `0644`, `000`.
    Octal(u64),
    /// `%#0*x`: hex zero-padded to `width` characters, `0x` included (`0x000005`); zero is
    /// `width` zeros (`00000000`).
    Padded {
        v: u64,
        width: usize,
    },
    /// A size in KiB, shown as `N*1024` (a resource limit that is a multiple of 1024).
    Kib(u64),
    /// Hundredths shown as a decimal with two places: `0.04` (clock ticks as seconds).
    Centi(i128),
}

/// How a quoted string is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// `"text\n"`, escaped as `-x`/`-xx` ask.
    Plain,
    /// Every byte as a hex escape: `"\x45\x25"`.
    Hex,
    /// An abstract AF_UNIX socket name (leading NUL): `@"name"`.
    Abstract,
    /// A string whose last byte is a NUL that strace leaves out (a netlink attribute's
    /// string): shown without it, unless the whole string goes to hex escapes (`-xx`, or `-x`
    /// for the NUL itself), which show it and count the string as cut (`"\x61\x00"...`).
    TrailingNul,
}

/// A group of values, opened by [`Sink::open`] and closed by [`Sink::close`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// `[a, b]`.
    Array,
    /// `{a=1, b=2}`: members named by [`Sink::field`].
    Struct,
    /// A set of members: `[INT TERM]`, `[0 1]` (a signal inside drops its `SIG` prefix).
    Set,
    /// The complement of a set: `~[RTMIN RT_1]`.
    ComplementSet,
    /// A C function applied to the members: `makedev(0x1, 0x3)`, `htons(80)`.
    Call(&'static str),
    /// The members or'ed together: `SOCK_STREAM|SOCK_CLOEXEC`.
    Or,
    /// As [`Group::Or`] with spaces around `|` (a wait status's stop signal: `SIGTRAP | 0x80`).
    SpacedOr,
    /// Members added: `SKF_AD_OFF+SKF_AD_PROTOCOL` (a socket filter's special offsets).
    Sum,
    /// Names of one number, any of which it may stand for: `MIXER_READ(13) or OTPSELECT`
    /// (an ioctl request several headers define).
    Alternatives,
    /// The one member shifted left: `FUTEX_OP_SET<<28`.
    Shift(u32),
    /// The one member shifted left by a named constant, the name following `-X`:
    /// `21<<SHM_HUGE_SHIFT` (`-X raw`: `21<<26`, `-X verbose`: `21<<26 /* SHM_HUGE_SHIFT */`).
    NamedShift(&'static str, u32),
    /// As [`Group::Or`] under `-X raw`; otherwise the members are written with nothing
    /// between them, as strace 6.1 writes msgget's and semget's flags that no name covers
    /// right before the permission bits: `0x100000000600` (`-X raw`: `0x10000000|0600`).
    RawOr,
    /// The one member is the bytes at offsets `.0` to `.1` (inclusive) of a struct, past the
    /// fields known (strace's `print_nonzero_bytes`): `/* bytes 88..95 */ "\xde\xc0"`.
    ByteRange(u32, u32),
    /// Conditions that all hold: `{WIFEXITED(s) && WEXITSTATUS(s) == 0}`; a field is a
    /// comparison (`WEXITSTATUS(s) == 0`), a word a condition of its own.
    Test,
    /// A comment on the value before it: ` /* 35 vars */`.
    Comment,
    /// What follows a return value: ` (flags O_RDWR)`, ` (in [3], left {...})`; a field is a
    /// label (`in [3]`).
    Detail,
    /// The call `restart_syscall` resumes: `<... resuming interrupted read ...>`.
    Resuming,
    /// A symbolic form of the number `raw` (`S_IFREG|0644`, `8192*1024`): what `-X raw`
    /// shows in its place and `-X verbose` before it, as it does for a named constant.
    Symbolic(Number),
    /// A value in two forms: its first member is the raw form (the bytes of a port in
    /// network order, `"\x00\x50"`), the members after it the symbolic form (`htons(80)`).
    /// The default shows the symbolic form, `-X raw` the raw one, `-X verbose` the raw one
    /// with the symbolic one in a comment. Structured renderers show the symbolic form.
    Forms,
    /// A comment naming the value before it (` /* IEEE802154_ADDR_LONG */`, strace's
    /// verbose xlat style), which `-X raw` leaves out as it leaves out names.
    NameComment,
    /// A [`Group::Detail`] of names only, as strace's auxiliary strings (`SPFF_AUXSTR_MODE`)
    /// show them: ` (SECBIT_NOROOT)` by default and under `-X verbose` alike; `-X raw`
    /// leaves it out whole.
    NameDetail,
    /// A value strace shows as parts each styled on its own, and under `-X raw` as the number
    /// `raw` alone: a V4L2 control id with query flags, `V4L2_CTRL_FLAG_NEXT_CTRL|0x3fbebdbc
    /// /* V4L2_CID_??? */` (`-X verbose`: `0x80000000 /* V4L2_CTRL_FLAG_NEXT_CTRL */|...`), a
    /// fourcc code, `v4l2_fourcc('J', 'P', 'G', 'L') /* V4L2_PIX_FMT_JPGL */`.
    Parts(Number),
    /// As [`Group::Symbolic`], but the names inside follow `-X` too (strace's call-like forms
    /// built with the global style: `8191 /* IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 8191) */`).
    StyledSymbolic(Number),
    /// As [`Group::NameDetail`] (left out under `-X raw`), but the names inside follow `-X`.
    StyledDetail,
    /// An array element with its index: `[VINTR]=0x3`, `[17]=0`; the first member is the
    /// index, the second the element.
    Index,
    /// A bit set in two forms: its first member is the set of the bits (a [`Group::Set`] of
    /// named bits, which follow `-X`), its second the words that hold it (an array of hex
    /// numbers). The default shows the set (`[EV_ABS EV_MSC]`), `-X raw` the words
    /// (`[0x18]`), `-X verbose` the set and the words in a comment (`[0x3 /* EV_ABS */ 0x4
    /// /* EV_MSC */] /* [0x18] */`), as strace's evdev bit sets. Each member is named by
    /// [`Sink::implicit_field`] (`set`, `words`); structured renderers show both.
    BitSet,
    /// Members only the default `-X` shows (`&sin6_addr` in `inet_pton(AF_INET6, "::1",
    /// &sin6_addr)`, which `-X verbose` writes without it).
    AbbrevOnly,
}

/// Where decoded values go. The renderer owns all separators and punctuation.
pub trait Sink {
    /// Separates two top-level arguments.
    fn arg_sep(&mut self);
    /// Closes the argument list.
    fn end_args(&mut self);
    /// Names the top-level argument whose value follows (strace 6.16's name, `syscalls.toml`'s):
    /// the text shows `name=` under `-N`, JSON makes it the argument's key in `args`. Named
    /// again before its value, it takes the later name; a [`Sink::field`] at the top level
    /// (clone's `child_stack=`, which strace always shows) replaces it too.
    fn arg_name(&mut self, name: &'static str);
    /// As [`Sink::arg_name`], for an argument the text shows unnamed even under `-N` (as
    /// strace 6.16 does: rt_sigreturn's frame); JSON still needs its key.
    fn implicit_arg_name(&mut self, name: &'static str);
    /// Starts a return value, `raw` as the call returned it; the values that follow show it
    /// (its number first, then maybe a [`Group::Detail`]).
    fn ret(&mut self, raw: i64);
    /// A failed call's errno, in place of a return value; `shown` is what the call returned
    /// when that is not -1 (modify_ldt's 32-bit `4294967258 ENOSYS`).
    fn error(&mut self, errno: u64, shown: Option<u64>);
    fn number(&mut self, n: Number);
    /// A pointer: `NULL` or its address.
    fn addr(&mut self, v: u64);
    /// A pointer shown as its address because the memory it points to could not be read (strace
    /// prints the address then; structured renderers say why).
    fn unreadable(&mut self, v: u64);
    /// A descriptor, with what it stands for when `-y`/`--decode-fds` asked for it
    /// (`3</etc/passwd>`, `4<TCP:[127.0.0.1:80]>`).
    fn fd(&mut self, fd: i64, info: Option<&FdInfo>);
    /// A process or thread id, with its name when `-Y` asks (`1234<bash>`).
    fn pid(&mut self, pid: i64, note: &super::PidNote);
    /// `AT_FDCWD` as a directory descriptor, with the current directory when paths are shown
    /// (`AT_FDCWD</home/user>`).
    fn at_fdcwd(&mut self, cwd: Option<&[u8]>);
    /// A constant known by name standing for a number (`SIG_IGN`); `-X raw` shows the number.
    fn constant(&mut self, name: &'static str, raw: Number);
    /// A literal word of the output, standing for no number (`vars`, `WIFEXITED(s)`).
    fn word(&mut self, word: &str);
    /// A flag word split by `table` ([`FlagTable::split`]).
    fn flags(&mut self, v: u64, table: &'static FlagTable);
    /// A value named by `table`, or its number with the table's unknown comment.
    fn enumeration(&mut self, v: u64, table: &'static EnumTable);
    fn signal(&mut self, sig: i64);
    /// A string: `bytes` as read, `truncated` when more followed.
    fn quoted(&mut self, bytes: &[u8], truncated: bool, quote: Quote);
    /// A point in time, `sec` seconds and `frac` units of `10^-digits` s since the
    /// epoch: `2020-09-13T12:26:40.000005+0000`. Decoding checks it is representable
    /// ([`crate::datetime::representable`]).
    fn date(&mut self, sec: i64, frac: u64, digits: u32);
    fn open(&mut self, group: Group);
    fn close(&mut self);
    /// Names the next value of the current struct (a comparison in a test, a label in a
    /// detail, an index in an array: `[VINTR]=0x3`).
    fn field(&mut self, name: &'static str);
    /// Names the next value of the current struct for readers that need a name, where strace
    /// shows none (`inet_pton(AF_INET6, "::1", &sin6_addr)` stands for `sin6_addr`).
    fn implicit_field(&mut self, name: &'static str);
    /// More elements or fields exist than are shown (`...`).
    fn more(&mut self);
    /// Separates a value as the call got it from what the call left there: ` => `.
    fn updated(&mut self);
}
