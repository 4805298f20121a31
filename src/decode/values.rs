//! Values strace prints in a fixed shape (signal sets, wait statuses, file modes, return values
//! with a comment, ...), composed once from the [`Sink`] vocabulary. Every decoder reaches
//! them through [`Values`], which every sink has; renderers never see them.

use super::process::WaitStatus;
use super::sink::{Group, Number, Quote, Sink};
use crate::fdinfo::FdInfo;
use crate::table::{self, EnumTable, FlagTable};

/// The values every sink can show, made of its vocabulary.
pub trait Values: Sink {
    fn int(&mut self, v: i64) {
        self.number(Number::Int(v));
    }

    fn uint(&mut self, v: u64) {
        self.number(Number::Uint(v));
    }

    fn hex(&mut self, v: u64) {
        self.number(Number::Hex(v));
    }

    /// A user or group id: the all-ones "no id" (`-1` to `chown(2)`: leave unchanged) as
    /// `-1`, other ids unsigned, as strace prints ids.
    fn id(&mut self, v: u32) {
        if v == u32::MAX {
            self.int(-1);
        } else {
            self.uint(u64::from(v));
        }
    }

    /// A mode in octal, `0644`.
    fn octal(&mut self, v: u64) {
        self.number(Number::Octal(v));
    }

    /// A value in hex zero-padded to `width` characters, as C's `%#0*x` writes it (strace's
    /// `PRINT_VAL_0X`, `width` twice the size of the field): `0xfacefeed`, `0x000005`,
    /// `00000000` (no `0x` for zero).
    fn hex_padded(&mut self, v: u64, width: usize) {
        self.number(Number::Padded { v, width });
    }

    fn string(&mut self, bytes: &[u8], truncated: bool) {
        self.quoted(bytes, truncated, Quote::Plain);
    }

    /// A NUL-terminated string in a fixed array (strace's `print_quoted_cstring`): the bytes
    /// before the first NUL among all but the last, with `...` when the array has no NUL.
    fn c_array(&mut self, array: &[u8]) {
        let room = &array[..array.len().saturating_sub(1)];
        let end = room.iter().position(|&b| b == 0).unwrap_or(room.len());
        self.string(&room[..end], !array.contains(&0));
    }

    /// A string shown entirely in hex escapes (`"\x45\x25"`).
    fn hex_string(&mut self, bytes: &[u8], truncated: bool) {
        self.quoted(bytes, truncated, Quote::Hex);
    }

    /// An abstract AF_UNIX socket name (leading NUL): `@"name"`.
    fn abstract_name(&mut self, bytes: &[u8], truncated: bool) {
        self.quoted(bytes, truncated, Quote::Abstract);
    }

    fn begin_array(&mut self) {
        self.open(Group::Array);
    }

    fn end_array(&mut self) {
        self.close();
    }

    fn begin_struct(&mut self) {
        self.open(Group::Struct);
    }

    /// Closes a struct; `abbreviated` when fields were left out (`, ...}`).
    fn end_struct(&mut self, abbreviated: bool) {
        if abbreviated {
            self.more();
        }
        self.close();
    }

    /// Opens a value shown through a C function (`htons(`...`)`), closed by `end_wrap`.
    fn begin_wrap(&mut self, function: &'static str) {
        self.open(Group::Call(function));
    }

    fn end_wrap(&mut self) {
        self.close();
    }

    /// Opens a set of descriptors (`select(2)`'s `fd_set`): `[3 4]`.
    fn begin_fd_set(&mut self) {
        self.open(Group::Set);
    }

    fn end_fd_set(&mut self) {
        self.close();
    }

    /// A comment of words and numbers after the value before it: ` /* 35 vars */`.
    fn comment_word(&mut self, word: &str) {
        self.open(Group::Comment);
        self.word(word);
        self.close();
    }

    /// How many elements an array has, shown after its address (`/* 35 vars */`,
    /// `/* 1 entries */`): `one` names a single element, `many` any other count.
    fn count(&mut self, n: u64, one: &'static str, many: &'static str) {
        self.open(Group::Comment);
        self.uint(n);
        self.word(if n == 1 { one } else { many });
        self.close();
    }

    /// Where an array stopped being readable, after `more()`: `... /* 0x7ffd1000 */`.
    fn addr_comment(&mut self, v: u64) {
        self.open(Group::Comment);
        self.hex(v);
        self.close();
    }

    /// A point in time after the value that holds it, `sec` seconds and `frac` units of
    /// `10^-digits` s since the epoch: ` /* 2020-09-13T12:26:40.000005+0000 */`. strace
    /// leaves it out for the epoch itself and for a fraction out of range.
    fn time_comment(&mut self, sec: i64, frac: u64, digits: u32) {
        let max = 10u64.pow(digits) - 1;
        if (sec == 0 && frac == 0) || frac > max || !crate::datetime::representable(sec) {
            return;
        }
        self.open(Group::Comment);
        self.date(sec, frac, digits);
        self.close();
    }

    /// Seconds since the epoch with their date (in the local zone): `1764290971 /* 2025-11-28T00:49:31+0000 */`.
    fn datetime(&mut self, secs: i64) {
        self.int(secs);
        if crate::datetime::representable(secs) {
            self.open(Group::Comment);
            self.date(secs, 0, 0);
            self.close();
        }
    }

    /// A `clock_t` count of clock ticks (USER_HZ, 100 a second on x86_64,
    /// <asm-generic/param.h>): `4 /* 0.04 s */`, `0`; strace leaves the seconds out under
    /// `-X raw` (`print_clock_t`). Signed or unsigned as the caller reads it (a
    /// netlink attribute's are unsigned 64-bit counts).
    fn clock_ticks(&mut self, v: i128) {
        match i64::try_from(v) {
            Ok(v) => self.int(v),
            Err(_) => self.uint(v as u64),
        }
        if v != 0 {
            self.open(Group::NameComment);
            // USER_HZ is 100, so ticks are hundredths of a second.
            self.number(Number::Centi(v));
            self.word("s");
            self.close();
        }
    }

    /// A resource limit value (`RLIM64_INFINITY`, `8192*1024`).
    fn rlim(&mut self, v: u64) {
        // RLIM64_INFINITY (<linux/resource.h>); round sizes above 1 KiB as strace shows them.
        if v != u64::MAX && (v <= 1024 || !v.is_multiple_of(1024)) {
            return self.uint(v);
        }
        self.open(Group::Symbolic(Number::Uint(v)));
        if v == u64::MAX {
            self.word("RLIM64_INFINITY");
        } else {
            self.number(Number::Kib(v / 1024));
        }
        self.close();
    }

    /// A C `int` named by `table` when it has a name there, else in decimal (strace's
    /// `printxval_d`): `KEY_SPEC_THREAD_KEYRING`, `1234`. Negative values are looked up as
    /// the table writes them (`-1`).
    fn named_int(&mut self, v: i32, table: &'static EnumTable) {
        let v = i64::from(v);
        match table.name(v as u64) {
            Some(name) => self.constant(name, Number::Int(v)),
            None => self.int(v),
        }
    }

    /// An error number as a value (`KEYCTL_REJECT`'s): its name (`ENODEV`), or the number
    /// when it has none.
    fn errno_value(&mut self, err: u64) {
        match table::errno(err) {
            Some(e) => self.constant(e.name, Number::Uint(err)),
            None => self.uint(err),
        }
    }

    /// A value shown as its number, with its name from `table` in a comment:
    /// `10 /* SYSLOG_ACTION_SIZE_BUFFER */`, `-1 /* SYSLOG_ACTION_??? */`.
    fn enumeration_number(&mut self, v: i64, table: &'static EnumTable) {
        self.int(v);
        self.open(Group::Comment);
        match table.name(v as u64) {
            Some(name) => self.constant(name, Number::Int(v)),
            None => self.word(table.unknown),
        }
        self.close();
    }

    /// A signal set, bit `n - 1` standing for signal `n`: `[INT TERM]`; strace shows the
    /// complement when two thirds of the bits or more are set: `~[RTMIN RT_1]`.
    fn sigset(&mut self, mask: u64) {
        self.sigset_words(mask, 2);
    }

    /// A signal set of `words` 32-bit words (1 or 2: strace counts a set read short, from
    /// fewer bytes than the kernel's 8, in whole words), whose complement is taken within
    /// those words.
    fn sigset_words(&mut self, mask: u64, words: u32) {
        let bits = 32 * words.clamp(1, 2);
        let all = u64::MAX >> (64 - bits);
        let mask = mask & all;
        let (mask, group) = if mask.count_ones() >= bits * 2 / 3 {
            (!mask & all, Group::ComplementSet)
        } else {
            (mask, Group::Set)
        };
        self.open(group);
        for bit in 0..bits {
            if mask & (1u64 << bit) != 0 {
                self.signal(i64::from(bit) + 1);
            }
        }
        self.close();
    }

    /// A set of CPUs as a bit mask, bit `n` of byte `n / 8` standing for CPU `n`: `[0 1]`.
    fn cpu_set(&mut self, mask: &[u8]) {
        self.open(Group::Set);
        for (i, byte) in mask.iter().enumerate() {
            for bit in 0..8 {
                if byte & (1 << bit) != 0 {
                    self.uint((i * 8 + bit) as u64);
                }
            }
        }
        self.close();
    }

    /// A capability set, bit `n` standing for capability `n` (`<linux/capability.h>`):
    /// `1<<CAP_CHOWN|1<<CAP_KILL`, `0` when empty. strace shows each 32-bit word of the set
    /// apart (struct __user_cap_data_struct), so unknown bits of the second word are
    /// relative to it.
    fn capabilities(&mut self, set: u64) {
        let (lo, hi) = (set & 0xffff_ffff, set >> 32);
        self.open(Group::Or);
        if lo != 0 || hi == 0 {
            self.flags(lo, &table::FLAGS_CAP_MASK0);
        }
        if hi != 0 {
            self.flags(hi, &table::FLAGS_CAP_MASK1);
        }
        self.close();
    }

    /// A terminal flag word (`struct termios`'s `c_oflag`, `c_cflag`): the names of its
    /// multi-bit fields, each followed by `|`, then the bits of `rest` from `table` (nothing
    /// when `rest` is zero). strace 6.1 prints exactly that, a trailing `|` included: the
    /// empty word stands for the flags that are not there.
    fn tty_flags(&mut self, fields: &[&'static str], rest: u64, table: &'static FlagTable) {
        self.open(Group::Or);
        for f in fields {
            self.word(f);
        }
        if rest != 0 {
            self.flags(rest, table);
        } else {
            self.word("");
        }
        self.close();
    }

    /// A value made of one `kinds` entry under `mask` and flags in the other bits:
    /// `SOCK_STREAM|SOCK_CLOEXEC`. An unknown kind makes the whole value print as flags.
    fn kind_and_flags(
        &mut self,
        v: u64,
        mask: u64,
        kinds: &'static EnumTable,
        flags: &'static FlagTable,
    ) {
        if kinds.name(v & mask).is_none() {
            return self.flags(v, flags);
        }
        self.field_and_flags(v, mask, kinds, flags);
    }

    /// A value made of one `field` entry under `mask`, named or not, then flags in the other
    /// bits when there are any (strace's `printxval` and `printflags` joined by `|`):
    /// `FAN_CLASS_CONTENT|FAN_CLOEXEC`, `0xc /* FAN_CLASS_??? */|0xeface000 /* FAN_??? */`.
    fn field_and_flags(
        &mut self,
        v: u64,
        mask: u64,
        field: &'static EnumTable,
        flags: &'static FlagTable,
    ) {
        self.open(Group::Or);
        self.enumeration(v & mask, field);
        if v & !mask != 0 {
            self.flags(v & !mask, flags);
        }
        self.close();
    }

    /// A set of flags from `table` and a signal number in the low byte: `CLONE_VM|SIGCHLD`.
    fn flags_and_signal(&mut self, v: u64, table: &'static FlagTable, sig: i64) {
        self.open(Group::Or);
        if v != 0 {
            self.flags(v, table);
        }
        if sig != 0 || v == 0 {
            self.signal(sig);
        }
        self.close();
    }

    /// A `mode_t` with its file type: `S_IFREG|S_ISUID|0644`; without a type the kernel
    /// defines, strace prints the whole number.
    fn file_mode(&mut self, mode: u32) {
        let file_type = u64::from(mode & table::S_IFMT);
        if table::ENUM_FILE_TYPE.name(file_type).is_none() {
            return self.octal(u64::from(mode));
        }
        self.open(Group::Symbolic(Number::Octal(u64::from(mode))));
        self.open(Group::Or);
        self.enumeration(file_type, &table::ENUM_FILE_TYPE);
        // S_ISUID, S_ISGID, S_ISVTX.
        let special = u64::from(mode & 0o7000);
        if special != 0 {
            self.flags(special, &table::FLAGS_MODE_SPECIAL);
        }
        self.octal(u64::from(mode & 0o777));
        self.close();
        self.close();
    }

    /// A device number: `makedev(0x1, 0x3)`.
    fn dev(&mut self, major: u32, minor: u32) {
        let (major, minor) = (u64::from(major), u64::from(minor));
        // glibc's makedev() encoding, the number `-X raw` shows.
        let raw = (major & 0xffff_f000) << 32
            | (major & 0xfff) << 8
            | (minor & 0xffff_ff00) << 12
            | (minor & 0xff);
        self.open(Group::Symbolic(Number::Hex(raw)));
        self.open(Group::Call("makedev"));
        self.hex(major);
        self.hex(minor);
        self.close();
        self.close();
    }

    /// An `ioctl` request no table names, by its parts (`<asm-generic/ioctl.h>`):
    /// `_IOC(_IOC_READ, 0x54, 0x1, 0x4)`.
    fn ioctl_code(&mut self, dir: u32, kind: u32, nr: u32, size: u32) {
        // The request itself (_IOC()'s encoding), which `-X raw` shows.
        let request =
            u64::from(dir) << 30 | u64::from(size) << 16 | u64::from(kind) << 8 | u64::from(nr);
        self.open(Group::Symbolic(Number::Hex(request)));
        self.open(Group::Call("_IOC"));
        self.flags(u64::from(dir), &table::FLAGS_IOC_DIR);
        self.hex(u64::from(kind));
        self.hex(u64::from(nr));
        self.hex(u64::from(size));
        self.close();
        self.close();
    }

    /// A value in network byte order, as its host value: `htons(80)` (`short`) or `htonl(0)`;
    /// its bytes as they are under `-X raw` (`"\x00\x50"`).
    fn net_order(&mut self, v: u64, short: bool) {
        let bytes = (v as u32).to_be_bytes();
        self.open(Group::Forms);
        self.hex_string(if short { &bytes[2..] } else { &bytes }, false);
        self.open(Group::Call(if short { "htons" } else { "htonl" }));
        self.uint(v);
        self.close();
        self.close();
    }

    /// An IPv4 address: `inet_addr("127.0.0.1")`; its bytes under `-X raw`.
    fn ipv4(&mut self, a: [u8; 4]) {
        self.ipv4_within(a, &a);
    }

    /// An IPv4 address `a` at the start of a longer field whose bytes `-X raw` shows
    /// (`struct inet_diag_sockid`'s, of 16 bytes): `inet_addr("127.0.0.1")`.
    fn ipv4_within(&mut self, a: [u8; 4], raw: &[u8]) {
        let mut text = [0u8; 15];
        let len = dotted_quad(&mut text, a);
        self.open(Group::Forms);
        self.hex_string(raw, false);
        self.open(Group::Call("inet_addr"));
        // strace quotes the text as any string: `-xx` shows it in hex escapes.
        self.quoted(&text[..len], false, Quote::Plain);
        self.close();
        self.close();
    }

    /// A hardware address as `xx:xx:...` (`6c:62:6d:80:e0:01`); its bytes under `-X raw`.
    fn mac_addr(&mut self, addr: &[u8]) {
        self.hw_addr(addr, addr.len());
    }

    /// A hardware address of which the first `shown` bytes mean something (an
    /// `ifr_hwaddr`'s, by its device type): those as `xx:xx:...`; all the bytes under `-X raw`.
    fn hw_addr(&mut self, bytes: &[u8], shown: usize) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        // MAX_ADDR_LEN (<linux/netdevice.h>): strace shows no longer address as text.
        let addr = &bytes[..shown.min(bytes.len()).min(32)];
        let mut text = [0u8; 32 * 3];
        let mut len = 0;
        for (i, b) in addr.iter().enumerate() {
            if i > 0 {
                text[len] = b':';
                len += 1;
            }
            text[len] = HEX[usize::from(b >> 4)];
            text[len + 1] = HEX[usize::from(b & 0xf)];
            len += 2;
        }
        self.open(Group::Forms);
        self.hex_string(&bytes[..bytes.len().min(32)], false);
        self.word(std::str::from_utf8(&text[..len]).unwrap_or(""));
        self.close();
    }

    /// A value in hex with its name from `table` in a comment, as strace shows some fields
    /// whatever `-X` asks but `raw`: `0x3 /* IEEE802154_ADDR_LONG */`. An unknown value has
    /// the table's unknown comment when `unknown` (`0x7 /* IEEE802154_ADDR_??? */`), else
    /// none.
    fn hex_named(&mut self, v: u64, table: &'static EnumTable, unknown: bool) {
        self.hex(v);
        match table.name(v) {
            Some(name) => {
                self.open(Group::NameComment);
                self.constant(name, Number::Hex(v));
                self.close();
            }
            None if unknown => {
                self.open(Group::NameComment);
                self.word(table.unknown);
                self.close();
            }
            None => {}
        }
    }

    /// A value named by `table`, or, when it has no name, in hex with no comment.
    /// A value `table` may name, its number in unsigned decimal (strace's
    /// `XLAT_STYLE_FMT_U`): `IORING_OP_READV` (`1 /* IORING_OP_READV */` under `-X
    /// verbose`), `47 /* IORING_OP_??? */` (`-X raw`: `47`).
    fn enumeration_u(&mut self, v: u64, table: &'static EnumTable) {
        match table.name(v) {
            Some(name) => self.constant(name, Number::Uint(v)),
            None => {
                self.uint(v);
                self.open(Group::NameComment);
                self.word(table.unknown);
                self.close();
            }
        }
    }

    fn enumeration_or_hex(&mut self, v: u64, table: &'static EnumTable) {
        if table.name(v).is_some() {
            self.enumeration(v, table);
        } else {
            self.hex(v);
        }
    }

    /// Flags in hex with their names in a comment, as strace shows some fields whatever
    /// `-X` asks but `raw`: `0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */`,
    /// `0xdead0000 /* CRYPTO_ALG_??? */`, `0`.
    fn flags_named(&mut self, v: u64, table: &'static FlagTable) {
        self.hex(v);
        if v == 0 {
            return;
        }
        self.open(Group::NameComment);
        match table.unknown.filter(|_| !table.names_any(v)) {
            Some(unknown) => self.word(unknown),
            None => self.flags(v, table),
        }
        self.close();
    }

    /// An IPv6 address as a value: `inet_pton(AF_INET6, "::1")`; its bytes under `-X raw`.
    fn ipv6(&mut self, addr: [u8; 16]) {
        let mut text = [0u8; 46];
        let len = ipv6_text(&mut text, &addr);
        self.open(Group::Forms);
        self.hex_string(&addr, false);
        self.open(Group::Call("inet_pton"));
        // AF_INET6 (<sys/socket.h>).
        self.constant("AF_INET6", Number::Int(10));
        self.quoted(&text[..len], false, Quote::Plain);
        self.close();
        self.close();
    }

    /// An IPv6 address standing for the field `name`, in place of `name=value`:
    /// `inet_pton(AF_INET6, "::1", &sin6_addr)`; under `-X raw` the field with its bytes.
    fn ipv6_field(&mut self, name: &'static str, addr: [u8; 16]) {
        use std::io::Write;
        // The longest form, an IPv4-mapped address with every group written, is 45 bytes.
        let mut text = [0u8; 46];
        let len = ipv6_text(&mut text, &addr);
        // `&sin6_addr`: where inet_pton would store it.
        let mut reference = [0u8; 64];
        let mut cursor = std::io::Cursor::new(&mut reference[..]);
        let _ = write!(cursor, "&{name}");
        let end = cursor.position() as usize;
        self.implicit_field(name);
        self.open(Group::Forms);
        self.field(name);
        self.hex_string(&addr, false);
        self.open(Group::Call("inet_pton"));
        // AF_INET6 (<sys/socket.h>).
        self.constant("AF_INET6", Number::Int(10));
        // strace quotes the text as any string: `-xx` shows it in hex escapes.
        self.quoted(&text[..len], false, Quote::Plain);
        self.open(Group::AbbrevOnly);
        self.word(std::str::from_utf8(&reference[..end]).unwrap_or(name));
        self.close();
        self.close();
        self.close();
    }

    /// `FUTEX_WAKE_OP`'s encoded operation (`<linux/futex.h>` `FUTEX_OP()`):
    /// `FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0`.
    fn futex_wake_op(&mut self, v: u32) {
        self.open(Group::Or);
        // FUTEX_OP_OPARG_SHIFT (8) sits in the operation's top bit.
        if v >> 28 & 8 != 0 {
            self.open(Group::Shift(28));
            self.constant("FUTEX_OP_OPARG_SHIFT", Number::Int(8));
            self.close();
        }
        shifted(self, u64::from(v >> 28 & 7), 28, &table::ENUM_FUTEX_WAKE_OP);
        self.open(Group::Shift(12));
        self.hex(u64::from(v >> 12 & 0xfff));
        self.close();
        shifted(
            self,
            u64::from(v >> 24 & 0xf),
            24,
            &table::ENUM_FUTEX_WAKE_OP_CMP,
        );
        self.hex(u64::from(v & 0xfff));
        self.close();
    }

    /// A `wait` status (wait(2)), described by the `<sys/wait.h>` macros that decode it:
    /// `{WIFEXITED(s) && WEXITSTATUS(s) == 0}`; a stop's ptrace event follows
    /// (`|PTRACE_EVENT_EXEC<<16`).
    fn wait_status(&mut self, status: WaitStatus) {
        let event = match status {
            WaitStatus::Stopped { event, .. } if event != 0 => Some(event),
            _ => None,
        };
        if event.is_some() {
            self.open(Group::Or);
        }
        self.open(Group::Test);
        match status {
            WaitStatus::Stopped { sig, .. } => {
                self.word("WIFSTOPPED(s)");
                self.field("WSTOPSIG(s)");
                if sig & 0x80 != 0 {
                    self.open(Group::SpacedOr);
                    self.signal(i64::from(sig & 0x7f));
                    self.hex(0x80);
                    self.close();
                } else {
                    self.signal(i64::from(sig));
                }
            }
            WaitStatus::Continued { .. } => self.word("WIFCONTINUED(s)"),
            WaitStatus::Exited { code, .. } => {
                self.word("WIFEXITED(s)");
                self.field("WEXITSTATUS(s)");
                self.int(i64::from(code));
            }
            WaitStatus::Signaled { sig, core, .. } => {
                self.word("WIFSIGNALED(s)");
                self.field("WTERMSIG(s)");
                self.signal(i64::from(sig));
                if core {
                    self.word("WCOREDUMP(s)");
                }
            }
        }
        self.close();
        if let Some(event) = event {
            // Unlike FUTEX_OP's fields, an unknown event has its comment inside the shift.
            self.open(Group::Shift(16));
            self.enumeration(u64::from(event), &table::ENUM_PTRACE_EVENT);
            self.close();
            self.close();
        }
    }

    /// The syscall `restart_syscall` resumes: `<... resuming interrupted read ...>`.
    fn interrupted_call(&mut self, name: &str) {
        self.open(Group::Resuming);
        self.word(name);
        self.close();
    }

    /// A return value in decimal.
    fn ret_int(&mut self, v: i64) {
        self.ret(v);
        self.int(v);
    }

    /// A plain return value, unsigned as strace prints it.
    fn ret_udecimal(&mut self, v: i64) {
        self.ret(v);
        self.uint(v as u64);
    }

    /// A return value in hex (an address).
    fn ret_hex(&mut self, v: u64) {
        self.ret(v as i64);
        self.hex(v);
    }

    /// A return value in octal (a mode).
    fn ret_octal(&mut self, v: u64) {
        self.ret(v as i64);
        self.octal(v);
    }

    /// A returned descriptor, with what it stands for as in [`Sink::fd`]: `= 3</etc/passwd>`.
    fn ret_fd(&mut self, fd: i64, info: Option<&FdInfo>) {
        self.ret(fd);
        match info {
            Some(_) => self.fd(fd, info),
            None => self.int(fd),
        }
    }

    /// A return value that is a time in seconds since the epoch:
    /// `1764290971 (2025-11-28T00:49:31+0000)`.
    fn ret_datetime(&mut self, v: i64) {
        self.ret_int(v);
        if crate::datetime::representable(v) {
            self.open(Group::Detail);
            self.date(v, 0, 0);
            self.close();
        }
    }

    /// A return value with its flags: `0x8002 (flags O_RDWR|O_LARGEFILE)` (`fcntl(F_GETFL)`),
    /// where `label` says what the flags are (`flags`, `seals`), or without one
    /// `0x3ff (MEMBARRIER_CMD_GLOBAL|...)` (`membarrier`).
    fn ret_flags(&mut self, v: u64, label: Option<&'static str>, table: &'static FlagTable) {
        self.ret_hex(v);
        self.open(Group::Detail);
        if let Some(label) = label {
            self.field(label);
        }
        self.flags(v, table);
        self.close();
    }

    /// A return value in hex with the names of its flags, as strace's auxiliary strings show
    /// them ([`Group::NameDetail`]): `0x3 (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED)`; a value none
    /// of whose bits has a name has no detail.
    fn ret_flag_names(&mut self, v: u64, table: &'static FlagTable) {
        self.ret_hex(v);
        if !table.names_any(v) {
            return;
        }
        self.open(Group::NameDetail);
        self.flags(v, table);
        self.close();
    }

    /// A return value that is a signal number (`fcntl(F_GETSIG)`): `10 (SIGUSR1)`.
    fn ret_signal(&mut self, sig: i64) {
        self.ret_int(sig);
        self.open(Group::Detail);
        self.signal(sig);
        self.close();
    }

    /// A return value with its name (`fcntl(F_GETLEASE)`): `0x2 (F_UNLCK)`.
    fn ret_enum(&mut self, v: u64, table: &'static EnumTable) {
        self.ret_hex(v);
        if table.name(v).is_some() {
            self.open(Group::Detail);
            self.enumeration(v, table);
            self.close();
        }
    }

    /// A return value in decimal with its name from `table` when it has one:
    /// `1 (SUID_DUMP_USER)` (`prctl(PR_GET_DUMPABLE)`), `0 (SCHED_OTHER)`.
    fn ret_int_enum(&mut self, v: i64, table: &'static EnumTable) {
        self.ret_int(v);
        if let Some(name) = table.name(v as u64) {
            self.open(Group::Detail);
            self.constant(name, Number::Int(v));
            self.close();
        }
    }

    /// A return value with a word about it: `0 (Timeout)`.
    fn ret_comment(&mut self, v: i64, text: &'static str) {
        self.ret_int(v);
        self.open(Group::Detail);
        self.word(text);
        self.close();
    }
}

impl<S: Sink + ?Sized> Values for S {}

/// `NAME<<shift`, or `0x7<<shift /* UNKNOWN */` for a value the table does not name.
fn shifted<S: Sink + ?Sized>(sink: &mut S, v: u64, shift: u32, table: &'static EnumTable) {
    sink.open(Group::Shift(shift));
    match table.name(v) {
        Some(name) => sink.constant(name, Number::Hex(v)),
        None => sink.hex(v),
    }
    sink.close();
    if table.name(v).is_none() {
        sink.comment_word(table.unknown);
    }
}

/// Writes an IPv6 address into `out` as the C library's `inet_ntop` does, returning its
/// length: groups in lowercase hex, the first longest run of two or more zero groups as
/// `::`, and the last 32 bits as a dotted quad after six zero groups (IPv4-compatible,
/// `::0.195.0.0`) or five and `ffff` (IPv4-mapped, `::ffff:1.2.3.4`).
fn ipv6_text(out: &mut [u8; 46], addr: &[u8; 16]) -> usize {
    use std::io::Write;
    let words: [u16; 8] =
        std::array::from_fn(|i| u16::from_be_bytes([addr[2 * i], addr[2 * i + 1]]));
    // The first longest run of zero groups, if two or more long.
    let (mut best, mut run) = ((0, 0), None::<usize>);
    for (i, &w) in words.iter().enumerate() {
        match (w, run) {
            (0, None) => run = Some(i),
            (0, Some(_)) => {}
            (_, Some(start)) => {
                if i - start > best.1 {
                    best = (start, i - start);
                }
                run = None;
            }
            (_, None) => {}
        }
    }
    if let Some(start) = run
        && 8 - start > best.1
    {
        best = (start, 8 - start);
    }
    let zeros = (best.1 >= 2).then_some(best);
    let mut cursor = std::io::Cursor::new(&mut out[..]);
    let mut i = 0;
    while i < 8 {
        if let Some((start, len)) = zeros
            && i == start
        {
            let _ = cursor.write_all(b"::");
            i += len;
            continue;
        }
        if i > 0 && zeros.is_none_or(|(start, len)| i != start + len) {
            let _ = cursor.write_all(b":");
        }
        let embedded = match zeros {
            Some((0, 6)) => i == 6,
            Some((0, 5)) => i == 6 && words[5] == 0xffff,
            _ => false,
        };
        if embedded {
            let _ = write!(
                cursor,
                "{}.{}.{}.{}",
                addr[12], addr[13], addr[14], addr[15]
            );
            break;
        }
        let _ = write!(cursor, "{:x}", words[i]);
        i += 1;
    }
    cursor.position() as usize
}

/// Writes `a.b.c.d` into `out`, returning its length.
fn dotted_quad(out: &mut [u8; 15], a: [u8; 4]) -> usize {
    use std::io::Write;
    let mut cursor = std::io::Cursor::new(&mut out[..]);
    let _ = write!(cursor, "{}.{}.{}.{}", a[0], a[1], a[2], a[3]);
    cursor.position() as usize
}
