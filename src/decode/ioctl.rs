//! `ioctl`: the request's name, and the third argument by the request. Requests are named
//! as strace 6.1 names them: by `syscalls.toml`'s `[ioctls]` (the kernel headers' request
//! macros, written by scripts/gen-ioctls), and by the parametrised names of
//! [`PARAM_NAMES`]; others print as `_IOC(...)`. The arguments of the common terminal
//! requests and a few others are decoded; others print in hex.

use super::structs::read_struct;
use super::termios::{Layout, termios};
use super::{Call, Ctx, Group, Number, Outcome, Sink, Values, sock_ioctl};
use super::{ioctl_gpio, ioctl_hdio, ioctl_ptp, ioctl_random, ioctl_rtc, ioctl_seccomp};
use crate::mem::Memory;
use crate::table::{self, IoctlArgDesc, IoctlDir, Kind, Table};

// Requests from <asm-generic/ioctls.h>.
const TCGETS: u32 = 0x5401;
const TCSETS: u32 = 0x5402;
const TCSETSW: u32 = 0x5403;
const TCSETSF: u32 = 0x5404;
const TCGETA: u32 = 0x5405;
const TCSETA: u32 = 0x5406;
const TCSETAW: u32 = 0x5407;
const TCSETAF: u32 = 0x5408;
const TCSBRK: u32 = 0x5409;
const TCXONC: u32 = 0x540a;
const TCFLSH: u32 = 0x540b;
const TIOCEXCL: u32 = 0x540c;
const TIOCNXCL: u32 = 0x540d;
const TIOCSCTTY: u32 = 0x540e;
/// `FICLONE` (`<linux/fs.h>`, `_IOW(0x94, 9, int)`): its argument is the source descriptor.
const FICLONE: u32 = 0x4004_9409;
const TIOCGPGRP: u32 = 0x540f;
const TIOCSPGRP: u32 = 0x5410;
const TIOCOUTQ: u32 = 0x5411;
const TIOCSTI: u32 = 0x5412;
const TIOCGWINSZ: u32 = 0x5413;
const TIOCSWINSZ: u32 = 0x5414;
const TIOCGSOFTCAR: u32 = 0x5419;
const TIOCSSOFTCAR: u32 = 0x541a;
const FIONREAD: u32 = 0x541b;
const TIOCCONS: u32 = 0x541d;
const TIOCSSERIAL: u32 = 0x541f;
const TIOCPKT: u32 = 0x5420;
const FIONBIO: u32 = 0x5421;
const TIOCNOTTY: u32 = 0x5422;
const TIOCSETD: u32 = 0x5423;
const TIOCGETD: u32 = 0x5424;
const TCSBRKP: u32 = 0x5425;
const TIOCSBRK: u32 = 0x5427;
const TIOCCBRK: u32 = 0x5428;
const TIOCGSID: u32 = 0x5429;
const TIOCVHANGUP: u32 = 0x5437;
const FIONCLEX: u32 = 0x5450;
const FIOCLEX: u32 = 0x5451;
const FIOASYNC: u32 = 0x5452;
const TIOCGLCKTRMIOS: u32 = 0x5456;
const TIOCSLCKTRMIOS: u32 = 0x5457;
const TIOCGPTN: u32 = 0x8004_5430;
const TIOCSPTLCK: u32 = 0x4004_5431;
const TIOCGDEV: u32 = 0x8004_5432;
const TCGETS2: u32 = 0x802c_542a;
const TCSETS2: u32 = 0x402c_542b;
const TCSETSW2: u32 = 0x402c_542c;
const TCSETSF2: u32 = 0x402c_542d;
const TIOCGEXCL: u32 = 0x8004_5440;
/// `OTPSELECT` (`<mtd/mtd-abi.h>`, `_IOR('M', 13, int)`): the int it points to is an
/// `MTD_OTP_*` mode.
const OTPSELECT: u32 = 0x8004_4d0d;
/// `INOTIFY_IOC_SETNEXTWD` (`<linux/inotify.h>`, `_IOW('I', 0, __s32)`): the int itself.
const INOTIFY_IOC_SETNEXTWD: u32 = 0x4004_4900;
// <linux/watchdog.h>: getters of an int, setters of one, and a keepalive whose
// argument the driver ignores (strace shows none).
const WDIOC_GETSTATUS: u32 = 0x8004_5701;
const WDIOC_GETBOOTSTATUS: u32 = 0x8004_5702;
const WDIOC_GETTEMP: u32 = 0x8004_5703;
const WDIOC_KEEPALIVE: u32 = 0x8004_5705;
const WDIOC_SETTIMEOUT: u32 = 0xc004_5706;
const WDIOC_GETTIMEOUT: u32 = 0x8004_5707;
const WDIOC_SETPRETIMEOUT: u32 = 0xc004_5708;
const WDIOC_GETPRETIMEOUT: u32 = 0x8004_5709;
const WDIOC_GETTIMELEFT: u32 = 0x8004_570a;

/// How a request's argument prints.
#[derive(Clone, Copy)]
enum ArgForm {
    /// No argument is shown (`ioctl(3, FIOCLEX)`).
    None,
    /// A `struct termios`, `struct termio` or `struct termios2`, read at exit when the
    /// kernel writes it (`get`).
    Termios { get: bool, layout: Layout },
    /// A `struct winsize`.
    Winsize { get: bool },
    /// A pointer to an `int`: `[0]`.
    IntPtr { get: bool },
    /// A pointer to an `int` named by an enum table: `[MTD_OTP_OFF]`.
    IntEnumPtr(&'static table::EnumTable),
    /// An address not followed.
    Addr,
    /// An `int` in decimal.
    Int,
    /// One value of an enum table.
    Enum(&'static table::EnumTable),
    /// Anything else: hex, at entry where strace 6.1 has a decoder for the request's type
    /// (each answers a request of its type that it does not know at entry), else at exit
    /// (with no decoder, strace's ioctl waits for the exit).
    Hex { at_entry: bool },
}

impl ArgForm {
    /// Whether the caller gives the argument (shown at entry): a value, or what a pointer
    /// points to when the kernel only reads it.
    fn given(self) -> bool {
        match self {
            ArgForm::Termios { get, .. } | ArgForm::Winsize { get } | ArgForm::IntPtr { get } => {
                !get
            }
            ArgForm::Int | ArgForm::Enum(_) => true,
            ArgForm::Hex { at_entry } => at_entry,
            ArgForm::None | ArgForm::IntEnumPtr(_) | ArgForm::Addr => false,
        }
    }
}

fn form(request: u64) -> ArgForm {
    match request as u32 {
        FIOCLEX | FIONCLEX | TIOCEXCL | TIOCNXCL | TIOCNOTTY | TIOCCONS | TIOCSBRK | TIOCCBRK
        | TIOCVHANGUP | TIOCSSERIAL | WDIOC_KEEPALIVE => ArgForm::None,
        TCGETS | TIOCGLCKTRMIOS => ArgForm::Termios {
            get: true,
            layout: Layout::Termios,
        },
        TCSETS | TCSETSW | TCSETSF | TIOCSLCKTRMIOS => ArgForm::Termios {
            get: false,
            layout: Layout::Termios,
        },
        TCGETA => ArgForm::Termios {
            get: true,
            layout: Layout::Termio,
        },
        TCSETA | TCSETAW | TCSETAF => ArgForm::Termios {
            get: false,
            layout: Layout::Termio,
        },
        TCGETS2 => ArgForm::Termios {
            get: true,
            layout: Layout::Termios2,
        },
        TCSETS2 | TCSETSW2 | TCSETSF2 => ArgForm::Termios {
            get: false,
            layout: Layout::Termios2,
        },
        TIOCGWINSZ => ArgForm::Winsize { get: true },
        TIOCSWINSZ => ArgForm::Winsize { get: false },
        TIOCGPGRP | FIONREAD | TIOCOUTQ | TIOCGPTN | TIOCGSID | TIOCGETD | TIOCGSOFTCAR
        | TIOCGEXCL | TIOCGDEV | WDIOC_GETSTATUS | WDIOC_GETBOOTSTATUS | WDIOC_GETTEMP
        | WDIOC_GETTIMEOUT | WDIOC_GETPRETIMEOUT | WDIOC_GETTIMELEFT => {
            ArgForm::IntPtr { get: true }
        }
        TIOCSPGRP | FIONBIO | FIOASYNC | TIOCSPTLCK | TIOCSETD | TIOCSSOFTCAR | TIOCPKT
        | WDIOC_SETTIMEOUT | WDIOC_SETPRETIMEOUT => ArgForm::IntPtr { get: false },
        TIOCSTI => ArgForm::Addr,
        OTPSELECT => ArgForm::IntEnumPtr(&table::ENUM_MTD_OTP),
        TCSBRK | TCSBRKP | TIOCSCTTY | FICLONE | INOTIFY_IOC_SETNEXTWD => ArgForm::Int,
        TCFLSH => ArgForm::Enum(&table::ENUM_TCFLSH_ARG),
        TCXONC => ArgForm::Enum(&table::ENUM_TCXONC_ARG),
        code => ArgForm::Hex {
            at_entry: DECODED_TYPES.contains(&((code >> 8) as u8)),
        },
    }
}

/// The request types (`_IOC_TYPE`) strace 6.1's `ioctl_decode` has a decoder for, on x86_64:
/// hdio, block, seccomp, scsi, perf, ptp, counter, evdev, inotify, kd, loop, mtd, ubi,
/// random, terminal, v4l2, watchdog, fs 'X', fs 'f', lirc, ubi 'o', rtc, socket, fs 0x94, tee,
/// userfaultfd, nbd, kvm, gpio, nsfs and device mapper.
const DECODED_TYPES: [u8; 31] = [
    0x03, 0x12, b'!', b'"', b'$', b'=', b'>', b'E', b'I', b'K', b'L', b'M', b'O', b'R', b'T', b'V',
    b'W', b'X', b'f', b'i', b'o', b'p', 0x89, 0x94, 0xa4, 0xaa, 0xab, 0xae, 0xb4, 0xb7, 0xfd,
];

/// `KVM_RUN` (`<linux/kvm.h>`, `_IO(KVMIO, 0x80)`).
const KVM_RUN: u32 = 0xae80;
/// Where `exit_reason` lies in `struct kvm_run` (after two flag bytes and six of padding),
/// and the struct's size on x86_64, which the vcpu's mapping must hold (`<linux/kvm.h>`).
const KVM_RUN_EXIT_REASON: u64 = 8;
const KVM_RUN_SIZE: u64 = 2352;

/// What `ioctl` returned, in decimal; after `KVM_RUN`, when `-e kvm=vcpu` asked and the
/// vcpu's `struct kvm_run` is mapped, the reason the vcpu stopped: `= 0 (KVM_EXIT_HLT)`.
/// strace shows the name as a plain string, whatever `-X` says.
pub fn ret<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, call: &Call, v: i64) {
    if super::ioctl_nsfs::ret(sink, ctx, call.args[1] as u32, v) {
        return;
    }
    let (request, saved) = (call.args[1] as u32, call.saved[2]);
    if super::ioctl_v4l2::ret(sink, ctx, request, saved, call.args[2], v) {
        return;
    }
    sink.ret_udecimal(v);
    if call.args[1] as u32 != KVM_RUN {
        return;
    }
    let Ok(fd) = i32::try_from(call.args[0] as i64) else {
        return;
    };
    let Some(area) = ctx
        .fds
        .as_deref_mut()
        .and_then(|r| r.vcpu_run_area(fd, KVM_RUN_SIZE))
    else {
        return;
    };
    let mut reason = [0u8; 4];
    if ctx
        .mem
        .read(area + KVM_RUN_EXIT_REASON, &mut reason)
        .is_ok()
    {
        let reason = u64::from(u32::from_ne_bytes(reason));
        let table = &table::ENUM_KVM_EXIT_REASON;
        sink.open(Group::Detail);
        sink.word(table.name(reason).unwrap_or(table.unknown));
        sink.close();
    }
}

/// Whether the request takes an argument strace shows.
pub fn has_arg(request: u64) -> bool {
    if family(request as u32).is_some() {
        return true;
    }
    match table::ioctl_arg(request as u32) {
        Some(entry) => entry.arg.kind != Kind::Unused,
        None => !matches!(form(request), ArgForm::None),
    }
}

/// `_IOC_WRITE` and `_IOC_READ`, the direction bits 30-31 of a request
/// (`<asm-generic/ioctl.h>`).
const IOC_WRITE: u32 = 1;
const IOC_READ: u32 = 2;

/// What the parentheses of a parametrised name hold.
#[derive(Clone, Copy)]
enum Param {
    /// No parentheses: a plain name for one exact request.
    None,
    /// The size bits, in decimal: `HIDIOCGPHYS(8)`.
    Size,
    /// The number bits: `MIXER_READ(13)`.
    Nr,
    /// An event type (the number less `base`; `0` for the first) and the size:
    /// `EVIOCGBIT(EV_KEY, 8)`.
    EventSize,
    /// An absolute axis (the number less `base`): `EVIOCGABS(ABS_X)`.
    Axis,
}

/// Requests strace 6.1 names by a macro with a parameter (`EVIOCGBIT(ev, len)`): a
/// type, a direction, a range of numbers (and for [`Param::None`] an exact size).
struct ParamName {
    kind: u8,
    dir: u32,
    nrs: (u32, u32),
    size: u32,
    name: &'static str,
    param: Param,
}

const fn by(kind: u8, dir: u32, nrs: (u32, u32), name: &'static str, param: Param) -> ParamName {
    ParamName {
        kind,
        dir,
        nrs,
        size: 0,
        name,
        param,
    }
}

/// The parametrised names, from the kernel headers that define them as macros of their
/// parameter: <linux/input.h> (evdev), <linux/hiddev.h> and <linux/hidraw.h>,
/// <linux/soundcard.h> (MIXER_READ/MIXER_WRITE), <linux/uinput.h>, <linux/joystick.h>,
/// <linux/spi/spidev.h>; where ranges overlap the first entry wins, as in strace's
/// decoding. SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR is the direction
/// <linux/seccomp.h> first gave SECCOMP_IOCTL_NOTIF_ID_VALID (_IOR), which strace names.
#[rustfmt::skip]
const PARAM_NAMES: &[ParamName] = &[
    ParamName { kind: b'!', dir: IOC_READ, nrs: (2, 2), size: 8,
        name: "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR", param: Param::None },
    by(b'E', IOC_WRITE, (0xc0, 0xff), "EVIOCSABS", Param::Axis),
    by(b'E', IOC_READ, (0x20, 0x3f), "EVIOCGBIT", Param::EventSize),
    by(b'E', IOC_READ, (0x40, 0x7f), "EVIOCGABS", Param::Axis),
    by(b'E', IOC_READ, (0x06, 0x06), "EVIOCGNAME", Param::Size),
    by(b'E', IOC_READ, (0x07, 0x07), "EVIOCGPHYS", Param::Size),
    by(b'E', IOC_READ, (0x08, 0x08), "EVIOCGUNIQ", Param::Size),
    by(b'E', IOC_READ, (0x09, 0x09), "EVIOCGPROP", Param::Size),
    by(b'E', IOC_READ, (0x0a, 0x0a), "EVIOCGMTSLOTS", Param::Size),
    by(b'E', IOC_READ, (0x18, 0x18), "EVIOCGKEY", Param::Size),
    by(b'E', IOC_READ, (0x19, 0x19), "EVIOCGLED", Param::Size),
    by(b'E', IOC_READ, (0x1a, 0x1a), "EVIOCGSND", Param::Size),
    by(b'E', IOC_READ, (0x1b, 0x1b), "EVIOCGSW", Param::Size),
    by(b'H', IOC_READ, (0x04, 0x04), "HIDIOCGRAWNAME", Param::Size),
    by(b'H', IOC_READ, (0x05, 0x05), "HIDIOCGRAWPHYS", Param::Size),
    // strace 6.1 names the read-only direction of number 6 HIDIOCSFEATURE too.
    by(b'H', IOC_READ, (0x06, 0x06), "HIDIOCSFEATURE", Param::Size),
    by(b'H', IOC_READ, (0x08, 0x08), "HIDIOCGRAWUNIQ", Param::Size),
    by(b'H', IOC_READ, (0x12, 0x12), "HIDIOCGPHYS", Param::Size),
    by(b'H', IOC_READ | IOC_WRITE, (0x06, 0x06), "HIDIOCSFEATURE", Param::Size),
    by(b'H', IOC_READ | IOC_WRITE, (0x07, 0x07), "HIDIOCGFEATURE", Param::Size),
    by(b'M', IOC_WRITE, (0, 0xff), "MIXER_WRITE", Param::Nr),
    by(b'M', IOC_READ, (0, 0xff), "MIXER_READ", Param::Nr),
    by(b'U', IOC_READ, (0x2c, 0x2c), "UI_GET_SYSNAME", Param::Size),
    by(b'j', IOC_READ, (0x13, 0x13), "JSIOCGNAME", Param::Size),
    by(b'k', IOC_WRITE, (0, 0), "SPI_IOC_MESSAGE", Param::Size),
];

/// The parametrised name of request `v`, if it has one.
fn param_name(v: u32) -> Option<&'static ParamName> {
    let (dir, kind, nr, size) = (v >> 30, (v >> 8) & 0xff, v & 0xff, (v >> 16) & 0x3fff);
    PARAM_NAMES.iter().find(|p| {
        u32::from(p.kind) == kind
            && p.dir == dir
            && (p.nrs.0..=p.nrs.1).contains(&nr)
            && (!matches!(p.param, Param::None) || p.size == size)
    })
}

/// Writes a parametrised name: `EVIOCGBIT(EV_KEY, 8)`.
fn write_param_name<S: Sink>(sink: &mut S, p: &ParamName, v: u32) {
    let (nr, size) = (v & 0xff, u64::from((v >> 16) & 0x3fff));
    if let Param::None = p.param {
        return sink.word(p.name);
    }
    sink.open(Group::Call(p.name));
    match p.param {
        Param::None => {}
        Param::Size => sink.uint(size),
        Param::Nr => sink.uint(u64::from(nr)),
        Param::EventSize => {
            match nr - p.nrs.0 {
                0 => sink.uint(0),
                ev => sink.enumeration(u64::from(ev), &table::ENUM_EVDEV_EV),
            }
            sink.uint(size);
        }
        Param::Axis => sink.enumeration(u64::from(nr - p.nrs.0), &table::ENUM_EVDEV_ABS),
    }
    sink.close();
}

/// The request as strace 6.1 names it: a parametrised name (`HIDIOCGPHYS(8)`), the names
/// `[ioctls]` gives its code (`HIDIOCGRDESCSIZE or HIDIOCGVERSION`), both joined by " or "
/// (`MIXER_READ(13) or OTPSELECT`), or else its parts (`<asm-generic/ioctl.h>`: nr in
/// bits 0-7, type in 8-15, size in 16-29, direction in 30-31).
pub fn request<S: Sink>(sink: &mut S, v: u64) {
    let v = v as u32;
    let raw = Number::Hex(u64::from(v));
    match (param_name(v), table::ioctl_name(v)) {
        (None, Some(names)) => sink.constant(names, raw),
        (Some(p), names) => {
            sink.open(Group::Symbolic(raw));
            if let Some(names) = names {
                sink.open(Group::Alternatives);
                write_param_name(sink, p, v);
                sink.constant(names, raw);
                sink.close();
            } else {
                write_param_name(sink, p, v);
            }
            sink.close();
        }
        (None, None) => sink.ioctl_code(v >> 30, (v >> 8) & 0xff, v & 0xff, (v >> 16) & 0x3fff),
    }
}

/// Who prints a request's argument: the one dispatch [`arg`] and [`shows_at_entry`] share.
enum Route {
    Family(Family),
    /// strace's V4L2 decoder shows every argument in hex under `-e verbose=none`, at entry.
    TerseHex,
    Table(&'static IoctlArgDesc),
    /// A socket request, at exit with what its entry saved.
    Socket,
    Form(ArgForm),
}

fn route<M: Memory>(ctx: &Ctx<'_, M>, request: u64) -> Route {
    if let Some(f) = family(request as u32) {
        Route::Family(f)
    } else if !ctx.opts.verbose && super::ioctl_v4l2::hex_when_terse(request as u32) {
        Route::TerseHex
    } else if let Some(entry) = table::ioctl_arg(request as u32) {
        Route::Table(entry)
    } else if sock_ioctl::decodes(request) {
        Route::Socket
    } else {
        Route::Form(form(request))
    }
}

/// Whether the third argument shows anything at entry: else strace writes the separator
/// before it at exit (`ioctl(3, TCGETS <unfinished ...>`, then `<... ioctl resumed>, {...}`).
/// A family's printer is taken to show something at entry (the separator stays there).
pub fn shows_at_entry<M: Memory>(ctx: &Ctx<'_, M>, call: &Call) -> bool {
    match route(ctx, call.args[1]) {
        Route::Family(_) | Route::TerseHex => true,
        // (A struct that grows at exit starts at entry in strace, its separator with it.)
        Route::Table(entry) => entry.dir != IoctlDir::Out,
        Route::Socket => false,
        Route::Form(form) => form.given(),
    }
}

/// The third argument (`call.args[i]`), by the request in `call.args[1]`, at entry
/// (`outcome` is `None`) and at exit. A request of `[ioctl_args]` prints as its entry says:
/// what the caller gave at entry, what the kernel wrote at exit. The others print what the
/// caller gives at entry, what the kernel writes at exit (only when the call succeeded).
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let (request, v) = (call.args[1], call.args[i]);
    let form = match route(ctx, request) {
        Route::Family(f) => return family_arg(sink, ctx, f, call, i, outcome),
        Route::TerseHex if outcome.is_none() => return sink.hex(v),
        Route::TerseHex => return,
        Route::Table(entry) => return by_table(sink, ctx, entry, call, i, outcome),
        Route::Socket if outcome.is_some() => {
            return sock_ioctl::arg(sink, ctx, request, v, outcome, call.saved[i]);
        }
        Route::Socket => return,
        Route::Form(form) => form,
    };
    // What the caller gives shows at entry, what the kernel writes (and a value strace shows
    // in hex) at exit, as strace's terminal decoder.
    if form.given() != outcome.is_none() {
        return;
    }
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    match form {
        ArgForm::None => {}
        ArgForm::Termios { get: true, .. }
        | ArgForm::Winsize { get: true }
        | ArgForm::IntPtr { get: true }
            if failed =>
        {
            sink.addr(v)
        }
        ArgForm::Termios { layout, .. } => termios(sink, ctx, v, layout),
        ArgForm::Winsize { .. } => winsize(sink, ctx, v),
        ArgForm::IntPtr { .. } => read_struct(sink, ctx, v, 4, |sink, _, raw| {
            sink.begin_array();
            sink.int(i64::from(raw.i32(0)));
            sink.end_array();
        }),
        ArgForm::IntEnumPtr(t) => read_struct(sink, ctx, v, 4, |sink, _, raw| {
            sink.begin_array();
            sink.enumeration(u64::from(raw.u32(0)), t);
            sink.end_array();
        }),
        ArgForm::Addr => sink.addr(v),
        ArgForm::Int => sink.int(i64::from(v as i32)),
        ArgForm::Enum(t) => sink.enumeration(u64::from(v as u32), t),
        ArgForm::Hex { .. } => sink.hex(v),
    }
}

/// The requests whose argument is more than a layout (a length or a type in one member that
/// shapes another), printed by their family's module: the one place that sends a request to
/// one (the socket requests still decide for themselves, below).
#[derive(Clone, Copy)]
enum Family {
    RandomAddEntropy,
    HdioDriveCmd,
    SeccompRecv,
    /// `RTC_PARAM_GET` (`true`) or `RTC_PARAM_SET`.
    RtcParam(bool),
    SeccompSend,
    SeccompIdValid,
    SeccompAddfd,
    HdioHwifArgs,
    /// A block of that many bytes the kernel writes.
    HdioIdentity(u64),
    /// A `<linux/gpio.h>` request, by its number.
    Gpio(u32),
    /// A `<linux/ptp_clock.h>` request, by its number.
    Ptp(u32),
    /// An evdev (`'E'`) request, by its number.
    Evdev(u32),
    Fiemap,
    /// `SG_SCSI_RESET` or `SG_IO`, by its number.
    Scsi(u32),
    BlkTraceSetup,
    /// A `<linux/videodev2.h>` request, by its code.
    V4l2(u32),
    /// A `<linux/kd.h>` console request, by its code.
    Kd(u32),
    /// A `<linux/loop.h>` status request, by its code.
    Loop(u32),
    /// A btrfs (or `<linux/fs.h>` 0x94) request `decode::ioctl_btrfs` prints, at least at
    /// one end of the call (the others are its `[ioctl_args]` entry's).
    Btrfs(u32),
    UffdioApi,
    PerfQueryBpf,
    PerfModifyAttributes,
    /// A `<linux/tee.h>` request, by its number.
    Tee(u32),
    /// An MTD request of `decode::ioctl_mtd`, by its number.
    Mtd(u32),
    /// A UBI request of `decode::ioctl_ubi`, by its number.
    Ubi(u32),
}

fn family(request: u32) -> Option<Family> {
    match request {
        ioctl_random::RNDADDENTROPY => Some(Family::RandomAddEntropy),
        ioctl_hdio::HDIO_DRIVE_CMD => Some(Family::HdioDriveCmd),
        ioctl_seccomp::NOTIF_RECV => Some(Family::SeccompRecv),
        ioctl_rtc::RTC_PARAM_GET => Some(Family::RtcParam(true)),
        ioctl_rtc::RTC_PARAM_SET => Some(Family::RtcParam(false)),
        ioctl_seccomp::NOTIF_SEND => Some(Family::SeccompSend),
        ioctl_seccomp::NOTIF_ID_VALID | ioctl_seccomp::NOTIF_ID_VALID_WRONG_DIR => {
            Some(Family::SeccompIdValid)
        }
        ioctl_seccomp::NOTIF_ADDFD => Some(Family::SeccompAddfd),
        ioctl_hdio::HDIO_DRIVE_RESET | ioctl_hdio::HDIO_SCAN_HWIF => Some(Family::HdioHwifArgs),
        ioctl_hdio::HDIO_GET_IDENTITY => Some(Family::HdioIdentity(512)),
        ioctl_hdio::HDIO_OBSOLETE_IDENTITY => Some(Family::HdioIdentity(142)),
        r if ioctl_gpio::is_gpio(r) => Some(Family::Gpio(r)),
        r if ioctl_ptp::is_ptp(r) => Some(Family::Ptp(r)),
        r if super::ioctl_evdev::decodes(r) => Some(Family::Evdev(r)),
        super::ioctl_fiemap::FS_IOC_FIEMAP => Some(Family::Fiemap),
        r @ (super::ioctl_scsi::SG_SCSI_RESET | super::ioctl_scsi::SG_IO) => Some(Family::Scsi(r)),
        super::ioctl_block::BLKTRACESETUP => Some(Family::BlkTraceSetup),
        r if super::ioctl_v4l2::decodes(r) => Some(Family::V4l2(r)),
        r if super::ioctl_kd::decodes(r) => Some(Family::Kd(r)),
        r if super::ioctl_loop::decodes(r) => Some(Family::Loop(r)),
        r if super::ioctl_btrfs::decodes(r) => Some(Family::Btrfs(r)),
        super::ioctl_uffdio::UFFDIO_API => Some(Family::UffdioApi),
        super::ioctl_perf::QUERY_BPF => Some(Family::PerfQueryBpf),
        super::ioctl_perf::MODIFY_ATTRIBUTES => Some(Family::PerfModifyAttributes),
        r if super::ioctl_tee::decodes(r) => Some(Family::Tee(r)),
        r if super::ioctl_mtd::decodes(r) => Some(Family::Mtd(r)),
        r if super::ioctl_ubi::decodes(r) => Some(Family::Ubi(r)),
        _ => None,
    }
}

/// At entry, what a [`Family`] request keeps for its exit in the argument's `saved` slot.
pub fn save<M: Memory>(ctx: &mut Ctx<'_, M>, call: &mut Call, i: usize) {
    match family(call.args[1] as u32) {
        Some(Family::SeccompRecv) => call.saved[i] = ioctl_seccomp::save_recv(ctx, call.args[i]),
        Some(Family::RtcParam(true)) => call.saved[i] = ioctl_rtc::save_param(ctx, call.args[i]),
        Some(Family::Gpio(r)) => call.saved[i] = ioctl_gpio::save(ctx, r, call.args[i]),
        Some(Family::V4l2(r)) => call.saved[i] = super::ioctl_v4l2::save(ctx, r, call.args[i]),
        Some(Family::Kd(r)) => call.saved[i] = super::ioctl_kd::save(ctx, r, call.args[i]),
        Some(Family::Btrfs(r)) => {
            let v = call.args[i];
            call.saved[i] = entry_read(ctx, r, v)
                .then(|| super::ioctl_btrfs::saved(ctx, r, v))
                .flatten();
        }
        Some(Family::UffdioApi) => call.saved[i] = super::ioctl_uffdio::save(ctx, call.args[i]),
        Some(Family::Tee(r)) => call.saved[i] = super::ioctl_tee::save(ctx, r, call.args[i]),
        Some(Family::Ubi(r)) => call.saved[i] = super::ioctl_ubi::save(ctx, r, call.args[i]),
        Some(Family::PerfModifyAttributes) => {
            call.saved[i] = super::ioctl_perf::save(ctx, call.args[i])
        }
        _ => {
            let (request, v) = (call.args[1], call.args[i]);
            call.saved[i] = sock_ioctl::save(ctx, request, v)
                .or_else(|| entry_read(ctx, request as u32, v).then_some(1));
        }
    }
}

/// Whether an `inout` request's argument could be read at entry: strace shows what the
/// kernel wrote only then (a NULL, unreadable or `-e verbose=`-hidden pointer prints once).
fn entry_read<M: Memory>(ctx: &Ctx<'_, M>, request: u32, v: u64) -> bool {
    let size = match table::ioctl_arg(request) {
        Some(entry) if entry.dir == IoctlDir::Inout => match entry.arg.table {
            Table::Struct(desc) => usize::from(desc.size),
            _ => return true,
        },
        _ => match super::ioctl_btrfs::inout_size(request) {
            Some(size) => size,
            None => return false,
        },
    };
    v != 0 && ctx.opts.verbose && readable(ctx.mem, v, size)
}

/// Whether `size` bytes at `addr` can be read, by reading one byte of each page they touch
/// and the last (memory is readable page by page), not the whole struct.
pub(super) fn readable<M: Memory>(mem: &M, addr: u64, size: usize) -> bool {
    const PAGE: u64 = 4096;
    let Some(last) = addr.checked_add(size.max(1) as u64 - 1) else {
        return false;
    };
    let mut b = [0u8; 1];
    let mut at = addr;
    while at < last {
        if mem.read(at, &mut b).is_err() {
            return false;
        }
        at = (at / PAGE + 1) * PAGE;
    }
    mem.read(last, &mut b).is_ok()
}

/// A [`Family`] request's argument, at entry (`outcome` is `None`) and at exit.
fn family_arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    f: Family,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let v = call.args[i];
    match (f, outcome) {
        (Family::RandomAddEntropy, None) => ioctl_random::add_entropy(sink, ctx, v),
        (Family::RandomAddEntropy, Some(_)) => {}
        (Family::HdioHwifArgs, None) => ioctl_hdio::hwif_args(sink, ctx, v),
        (Family::HdioHwifArgs, Some(_)) => {}
        (Family::SeccompRecv, _) => ioctl_seccomp::notif_recv(sink, ctx, call.saved[i], v, outcome),
        (Family::RtcParam(get), _) => ioctl_rtc::param(sink, ctx, get, call.saved[i], v, outcome),
        (Family::SeccompSend, None) => ioctl_seccomp::notif_send(sink, ctx, v),
        (Family::SeccompIdValid, None) => ioctl_seccomp::id_valid(sink, ctx, v),
        (Family::SeccompAddfd, None) => ioctl_seccomp::notif_addfd(sink, ctx, v),
        (Family::SeccompSend | Family::SeccompIdValid | Family::SeccompAddfd, Some(_)) => {}
        (Family::HdioDriveCmd, _) => ioctl_hdio::drive_cmd(sink, ctx, v, outcome),
        (Family::HdioIdentity(len), _) => ioctl_hdio::identity(sink, ctx, v, len, outcome),
        (Family::Gpio(r), _) => ioctl_gpio::arg(sink, ctx, r, call.saved[i], v, outcome),
        (Family::Ptp(r), _) => ioctl_ptp::arg(sink, ctx, r, v, outcome),
        (Family::Evdev(r), _) => super::ioctl_evdev::arg(sink, ctx, r, v, outcome),
        (Family::Fiemap, _) => super::ioctl_fiemap::arg(sink, ctx, v, outcome),
        (Family::Scsi(r), _) => super::ioctl_scsi::arg(sink, ctx, r, v, outcome),
        (Family::BlkTraceSetup, _) => super::ioctl_block::trace_setup(sink, ctx, v, outcome),
        (Family::V4l2(r), _) => {
            super::ioctl_v4l2::arg(sink, ctx, r, call.saved[i], v, outcome);
        }
        (Family::Kd(r), _) => super::ioctl_kd::arg(sink, ctx, r, call.saved[i], v, outcome),
        (Family::Loop(r), _) => super::ioctl_loop::arg(sink, ctx, r, v, outcome),
        (Family::Btrfs(r), _) => {
            if !super::ioctl_btrfs::arg(sink, ctx, call, i, outcome)
                && let Some(entry) = table::ioctl_arg(r)
            {
                by_table(sink, ctx, entry, call, i, outcome);
            }
        }
        (Family::UffdioApi, Some(outcome)) => {
            super::ioctl_uffdio::api(sink, ctx, call.saved[i], v, outcome)
        }
        (Family::UffdioApi, None) => {}
        (Family::PerfQueryBpf, Some(outcome)) => {
            super::ioctl_perf::query_bpf(sink, ctx, v, outcome)
        }
        (Family::PerfModifyAttributes, None) => {
            super::ioctl_perf::modify_attributes(sink, ctx, call.saved[i], v)
        }
        (Family::PerfQueryBpf, None) | (Family::PerfModifyAttributes, Some(_)) => {}
        (Family::Tee(r), _) => super::ioctl_tee::arg(sink, ctx, r, call.saved[i], v, outcome),
        (Family::Mtd(r), _) => super::ioctl_mtd::arg(sink, ctx, r, v, outcome),
        (Family::Ubi(r), _) => super::ioctl_ubi::arg(sink, ctx, r, call.saved[i], v, outcome),
    }
}

/// An `[ioctl_args]` request's argument, by its `dir`.
fn by_table<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    entry: &'static IoctlArgDesc,
    call: &Call,
    i: usize,
    outcome: Option<Outcome>,
) {
    let desc = &entry.arg;
    match (entry.dir, outcome) {
        (IoctlDir::In | IoctlDir::Inout, None) => super::arg(sink, ctx, desc, call, i, None),
        (IoctlDir::Out, Some(Outcome::Err(_))) => sink.addr(call.args[i]),
        (IoctlDir::Out, Some(outcome)) => super::arg(sink, ctx, desc, call, i, Some(outcome)),
        (IoctlDir::Inout, Some(outcome @ Outcome::Ok(_))) if call.saved[i].is_some() => {
            sink.updated();
            let desc = entry.exit.as_ref().unwrap_or(desc);
            super::arg(sink, ctx, desc, call, i, Some(outcome));
        }
        // One struct, at exit: the caller's members, and the kernel's too after a success
        // (strace prints the first at entry and adds the others before the closing brace).
        (IoctlDir::InThenOut, Some(outcome)) => {
            let grown = entry
                .exit
                .as_ref()
                .filter(|_| matches!(outcome, Outcome::Ok(_)));
            super::arg(sink, ctx, grown.unwrap_or(desc), call, i, Some(outcome));
        }
        _ => {}
    }
}

/// `struct winsize` (`<asm-generic/termios.h>`): four `unsigned short`s.
fn winsize<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 8, |sink, _, raw| {
        sink.begin_struct();
        for (i, name) in ["ws_row", "ws_col", "ws_xpixel", "ws_ypixel"]
            .into_iter()
            .enumerate()
        {
            sink.field(name);
            sink.uint(u64::from(raw.u16(i * 2)));
        }
        sink.end_struct(false);
    });
}
