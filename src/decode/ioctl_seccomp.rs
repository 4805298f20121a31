//! The seccomp user-notification requests (`<linux/seccomp.h>`, strace's seccomp_ioctl.c):
//! the notification the supervisor receives (a struct the caller must zero, so its contents
//! at entry are shown only when they are not all zero), the response it sends (an errno
//! negated), the id it checks, the descriptor it adds.

use super::netlink::negated_errno;
use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Number, Outcome, PidKind, Sink, Values, fd, fields, pid};
use crate::mem::Memory;
use crate::table;

/// `SECCOMP_IOCTL_NOTIF_RECV`, `_IOWR('!', 0, struct seccomp_notif)`.
pub const NOTIF_RECV: u32 = 0xc050_2100;
/// `SECCOMP_IOCTL_NOTIF_SEND`, `_IOWR('!', 1, struct seccomp_notif_resp)`.
pub const NOTIF_SEND: u32 = 0xc018_2101;
/// `SECCOMP_IOCTL_NOTIF_ID_VALID`, `_IOW('!', 2, __u64)`, and the `_IOR` direction the header
/// first gave it.
pub const NOTIF_ID_VALID: u32 = 0x4008_2102;
pub const NOTIF_ID_VALID_WRONG_DIR: u32 = 0x8008_2102;
/// `SECCOMP_IOCTL_NOTIF_ADDFD`, `_IOW('!', 3, struct seccomp_notif_addfd)`.
pub const NOTIF_ADDFD: u32 = 0x4018_2103;
/// `sizeof(struct seccomp_notif)`: id, pid, flags, then a `struct seccomp_data` at 16.
const NOTIF_SIZE: usize = 80;
/// `AUDIT_ARCH_X86_64` (`<linux/audit.h>`): the one architecture whose syscall names are
/// known here.
const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;

/// What `SECCOMP_IOCTL_NOTIF_RECV`'s entry found, kept for its exit (strace decides there
/// whether the exit shows anything).
const SHOWN_WHOLE: u32 = 1;
const ZERO: u32 = 2;
const NOT_ZERO: u32 = 3;

/// At entry: whether the notification at `addr` shows whole at entry (NULL, unreadable, left
/// out by `-e verbose=`), is all zero, or not.
pub fn save_recv<M: Memory>(ctx: &Ctx<'_, M>, addr: u64) -> Option<u32> {
    let mut raw = [0u8; NOTIF_SIZE];
    if addr == 0 || !ctx.opts.verbose || ctx.mem.read(addr, &mut raw).is_err() {
        return Some(SHOWN_WHOLE);
    }
    Some(if raw.iter().all(|&b| b == 0) {
        ZERO
    } else {
        NOT_ZERO
    })
}

/// `SECCOMP_IOCTL_NOTIF_RECV`: at entry the struct when it is not all zero (then ` => `
/// follows), at exit what the kernel wrote (the address when the call failed). A NULL or
/// unreadable pointer, or one `-e verbose=` leaves out, shows once, at entry. `saved` is
/// what [`save_recv`] found.
pub fn notif_recv<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    saved: Option<u32>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    match (outcome, saved) {
        (None, Some(ZERO)) => {}
        (None, Some(NOT_ZERO)) => {
            read_struct(sink, ctx, addr, NOTIF_SIZE, notif);
            sink.updated();
        }
        // Read by `save_recv` already.
        (None, _) if addr == 0 || !ctx.opts.verbose => sink.addr(addr),
        (None, _) => sink.unreadable(addr),
        (Some(_), Some(SHOWN_WHOLE)) => {}
        (Some(Outcome::Err(_)), _) => sink.addr(addr),
        (Some(Outcome::Ok(_)), _) => read_struct(sink, ctx, addr, NOTIF_SIZE, notif),
    }
}

/// `{id=0x1, pid=1234, flags=0, data={nr=__NR_gettid, arch=AUDIT_ARCH_X86_64, ...}}`.
fn notif<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.begin_struct();
    sink.field("id");
    sink.hex(raw.u64(0));
    sink.field("pid");
    pid(sink, ctx, i64::from(raw.u32(8)), PidKind::Tgid);
    sink.field("flags");
    sink.hex(u64::from(raw.u32(12)));
    sink.field("data");
    let (nr, arch) = (raw.u32(16), raw.u32(20));
    sink.begin_struct();
    sink.field("nr");
    match table::syscall(u64::from(nr)).filter(|_| arch == AUDIT_ARCH_X86_64) {
        Some(desc) => {
            sink.open(Group::Symbolic(Number::Uint(u64::from(nr))));
            sink.word(&format!("__NR_{}", desc.name));
            sink.close();
        }
        None => sink.uint(u64::from(nr)),
    }
    sink.field("arch");
    sink.enumeration(u64::from(arch), &table::ENUM_AUDIT_ARCH);
    sink.field("instruction_pointer");
    sink.addr(raw.u64(24));
    sink.field("args");
    sink.begin_array();
    for k in 0..6 {
        sink.hex(raw.u64(32 + 8 * k));
    }
    sink.end_array();
    sink.end_struct(false);
    sink.end_struct(false);
}

/// `SECCOMP_IOCTL_NOTIF_SEND`'s `struct seccomp_notif_resp`: `error` is an errno negated.
pub fn notif_send<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 24, |sink, _, raw| {
        sink.begin_struct();
        sink.field("id");
        sink.hex(raw.u64(0));
        sink.field("val");
        sink.int(raw.i64(8));
        sink.field("error");
        negated_errno(sink, raw.i32(16));
        sink.field("flags");
        sink.flags(u64::from(raw.u32(20)), &table::FLAGS_SECCOMP_USER_NOTIF);
        sink.end_struct(false);
    });
}

/// `SECCOMP_IOCTL_NOTIF_ID_VALID`'s id, in hex: `[0x1]`.
pub fn id_valid<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    fields::at(sink, ctx, &table::STRUCT_X64_REF, addr);
}

/// `SECCOMP_IOCTL_NOTIF_ADDFD`'s `struct seccomp_notif_addfd`.
pub fn notif_addfd<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 24, |sink, ctx, raw| {
        sink.begin_struct();
        sink.field("id");
        sink.hex(raw.u64(0));
        sink.field("flags");
        sink.flags(u64::from(raw.u32(8)), &table::FLAGS_SECCOMP_ADDFD);
        sink.field("srcfd");
        fd(sink, ctx, raw.i32(12));
        sink.field("newfd");
        sink.int(i64::from(raw.i32(16)));
        sink.field("newfd_flags");
        sink.flags(u64::from(raw.u32(20)), &table::FLAGS_OPEN_MODE_FLAGS);
        sink.end_struct(false);
    });
}
