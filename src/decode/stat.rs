//! `struct stat`, abbreviated as strace prints it by default:
//! `{st_mode=S_IFREG|0644, st_size=33699, ...}`, with `st_rdev` in place of `st_size` for
//! character and block devices (stat(2): only devices have a meaningful `st_rdev`).

use super::structs::read_struct;
use super::{Ctx, Sink};
use crate::mem::Memory;
use std::mem::{offset_of, size_of};

/// `S_IFMT` and the device types, from `<linux/stat.h>`.
const S_IFMT: u32 = 0o170000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;

pub fn stat<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, size_of::<libc::stat>(), |sink, _, raw| {
        let mode = raw.u32(offset_of!(libc::stat, st_mode));
        sink.begin_struct();
        sink.field("st_mode");
        sink.file_mode(mode);
        let file_type = mode & S_IFMT;
        if file_type == S_IFCHR || file_type == S_IFBLK {
            let rdev = raw.u64(offset_of!(libc::stat, st_rdev));
            sink.field("st_rdev");
            sink.dev(libc::major(rdev), libc::minor(rdev));
        } else {
            sink.field("st_size");
            sink.int(raw.i64(offset_of!(libc::stat, st_size)));
        }
        sink.end_struct(true);
    });
}
