//! Classic BPF programs (`struct sock_fprog`, `<linux/filter.h>`), as a seccomp filter or a
//! socket filter (`SO_ATTACH_FILTER`) carries them: by default the program's address, under `-v` each instruction as the
//! kernel's macros would write it, `BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0)`,
//! `BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1)`.

use super::array::array_while;
use super::structs::{Raw, read_struct};
use super::{Ctx, Group, Number, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

/// `struct sock_filter`: `code` (16 bits), `jt`, `jf` (8 bits each), `k` (32 bits).
const SOCK_FILTER_SIZE: usize = 8;
/// `BPF_MAXINSNS`: the most instructions shown (then `...`).
const BPF_MAXINSNS: u64 = 4096;

// Instruction classes (`BPF_CLASS(code)`, <linux/bpf_common.h>).
const BPF_LD: u16 = 0x00;
const BPF_LDX: u16 = 0x01;
const BPF_ST: u16 = 0x02;
const BPF_STX: u16 = 0x03;
const BPF_ALU: u16 = 0x04;
const BPF_JMP: u16 = 0x05;
const BPF_RET: u16 = 0x06;
const BPF_MISC: u16 = 0x07;
/// `SECCOMP_RET_ACTION_FULL` (<linux/seccomp.h>): the action's bits of a return value.
const SECCOMP_RET_ACTION_FULL: u32 = 0xffff_0000;

/// What a program filters, which decides how an instruction's constant shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    /// Syscalls: a return's constant is a seccomp action.
    Seccomp,
    /// Packets: a load's absolute offset may be a special one (`SKF_AD_OFF+SKF_AD_PROTOCOL`).
    Socket,
}

/// The special offsets of a socket filter's absolute loads (`<linux/filter.h>` `SKF_*_OFF`,
/// as the `u32` they are): ancillary data, the network header, the link-layer header.
const SKF_AD_OFF: u32 = -0x1000i32 as u32;
const SKF_NET_OFF: u32 = -0x10_0000i32 as u32;
const SKF_LL_OFF: u32 = -0x20_0000i32 as u32;

/// A seccomp filter (`struct sock_fprog` at `addr`): `{len=3, filter=[...]}`, the program
/// only under `-v` (its address by default).
pub fn seccomp_fprog<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    fprog(sink, ctx, addr, Filter::Seccomp);
}

/// A socket filter (`struct sock_fprog` at `addr`), as [`seccomp_fprog`].
pub fn sock_fprog<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    fprog(sink, ctx, addr, Filter::Socket);
}

/// A socket filter's `len` instructions at `addr` (`SO_GET_FILTER`'s): under `-v` only,
/// else the address.
pub fn sock_program<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if ctx.opts.abbreviate {
        sink.addr(addr);
    } else {
        program(sink, ctx, addr, len, Filter::Socket);
    }
}

/// A seccomp filter's `len` instructions at `addr` (`PTRACE_SECCOMP_GET_FILTER`'s): under
/// `-v` only, else the address.
pub fn seccomp_program<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
) {
    if ctx.opts.abbreviate {
        sink.addr(addr);
    } else {
        program(sink, ctx, addr, len, Filter::Seccomp);
    }
}

fn fprog<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, filter: Filter) {
    read_struct(sink, ctx, addr, 16, |sink, ctx, raw| {
        let (len, program_at) = (raw.u16(0), raw.u64(8));
        sink.begin_struct();
        sink.field("len");
        sink.uint(u64::from(len));
        sink.field("filter");
        if ctx.opts.abbreviate {
            sink.addr(program_at);
        } else {
            program(sink, ctx, program_at, u64::from(len), filter);
        }
        sink.end_struct(false);
    });
}

/// The `len` instructions at `addr`, at most [`BPF_MAXINSNS`] of them (`-s` does not cut
/// them: they show only under `-v`).
fn program<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    len: u64,
    filter: Filter,
) {
    array_while(sink, ctx, addr, len, SOCK_FILTER_SIZE, |sink, _, raw, i| {
        if i >= BPF_MAXINSNS {
            sink.more();
            return false;
        }
        instruction(sink, raw, filter);
        true
    });
}

/// One instruction: a jump when it has a target, else a statement.
fn instruction<S: Sink>(sink: &mut S, raw: Raw<'_>, filter: Filter) {
    let (code, jt, jf, k) = (raw.u16(0), raw.0[2], raw.0[3], raw.u32(4));
    if jt != 0 || jf != 0 {
        sink.begin_wrap("BPF_JUMP");
        code_of(sink, code, false);
        sink.hex(u64::from(k));
        sink.hex(u64::from(jt));
        sink.hex(u64::from(jf));
    } else {
        sink.begin_wrap("BPF_STMT");
        code_of(sink, code, false);
        if filter == Filter::Socket {
            socket_k(sink, code, k);
        } else if code & 0x07 == BPF_RET {
            // A seccomp filter returns an action with its data.
            let action = k & SECCOMP_RET_ACTION_FULL;
            sink.open(Group::Or);
            sink.enumeration(u64::from(action), &table::ENUM_SECCOMP_RET_ACTION);
            if k & !action != 0 {
                sink.hex(u64::from(k & !action));
            }
            sink.close();
        } else {
            sink.hex(u64::from(k));
        }
    }
    sink.end_wrap();
}

/// A socket filter's constant: an absolute load's special offset as its base and what is past
/// it (`SKF_AD_OFF+SKF_AD_PROTOCOL`, `SKF_NET_OFF+8`), else the number.
fn socket_k<S: Sink>(sink: &mut S, code: u16, k: u32) {
    // BPF_LD|BPF_ABS: class 0, mode 0x20.
    let abs_load = code & 0x07 == BPF_LD && code & 0xe0 == 0x20;
    let base = [
        ("SKF_AD_OFF", SKF_AD_OFF),
        ("SKF_NET_OFF", SKF_NET_OFF),
        ("SKF_LL_OFF", SKF_LL_OFF),
    ]
    .into_iter()
    .find(|&(_, off)| abs_load && k >= off);
    let Some((name, off)) = base else {
        return sink.hex(u64::from(k));
    };
    sink.open(Group::Sum);
    sink.constant(name, Number::Hex(u64::from(off)));
    if off == SKF_AD_OFF {
        sink.enumeration(u64::from(k - off), &table::ENUM_SKF_AD);
    } else {
        sink.uint(u64::from(k - off));
    }
    sink.close();
}

/// An instruction's code by its parts, as its class has them: `BPF_LD|BPF_W|BPF_ABS`; bits
/// a class does not use in hex with strace's comment (`BPF_ST|0x8 /* BPF_??? */`). An
/// `extended` (eBPF) code has the eBPF classes (`BPF_ALU64` for `BPF_MISC`, `BPF_JMP32` for
/// `BPF_RET`) and modes, and stores with a size and mode as loads.
fn code_of<S: Sink>(sink: &mut S, code: u16, extended: bool) {
    let part = |sink: &mut S, mask: u16, t: &'static EnumTable| {
        sink.enumeration(u64::from(code & mask), t);
    };
    let class = code & 0x07;
    let mut rest = code & !0x07;
    sink.open(Group::Or);
    let (classes, modes) = match extended {
        true => (&table::ENUM_EBPF_CLASS, &table::ENUM_EBPF_MODE),
        false => (&table::ENUM_BPF_CLASS, &table::ENUM_BPF_MODE),
    };
    sink.enumeration(u64::from(class), classes);
    match class {
        BPF_ST | BPF_STX if !extended => {}
        BPF_LD | BPF_LDX | BPF_ST | BPF_STX => {
            part(sink, 0x18, &table::ENUM_BPF_SIZE);
            part(sink, 0xe0, modes);
            rest = 0;
        }
        BPF_MISC if extended => {
            part(sink, 0x08, &table::ENUM_BPF_SRC);
            part(sink, 0xf0, &table::ENUM_BPF_OP_ALU);
            rest = 0;
        }
        BPF_RET if extended => {}
        BPF_MISC => {
            part(sink, 0xf8, &table::ENUM_BPF_MISCOP);
            rest &= !0xf8;
        }
        BPF_ALU | BPF_JMP => {
            part(sink, 0x08, &table::ENUM_BPF_SRC);
            let ops = if class == BPF_ALU {
                &table::ENUM_BPF_OP_ALU
            } else {
                &table::ENUM_BPF_OP_JMP
            };
            part(sink, 0xf0, ops);
            rest = 0;
        }
        BPF_RET => {
            part(sink, 0x18, &table::ENUM_BPF_RVAL);
            rest &= !0x18;
        }
        _ => {}
    }
    if rest != 0 {
        sink.hex(u64::from(rest));
        sink.comment_word("BPF_???");
    }
    sink.close();
}

/// `struct bpf_insn` (<linux/bpf.h>): `code`, the registers (4 bits each), `off`, `imm`.
const EBPF_INSN_SIZE: usize = 8;

/// An eBPF program, `count` instructions at `addr` (strace's `print_ebpf_prog`): its address
/// by default, under `-v` each instruction, `{code=BPF_JMP|BPF_K|BPF_EXIT,
/// dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}`, at most [`BPF_MAXINSNS`].
pub fn ebpf_prog<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, count: u64) {
    if ctx.opts.abbreviate {
        return sink.addr(addr);
    }
    array_while(sink, ctx, addr, count, EBPF_INSN_SIZE, |sink, _, raw, i| {
        if i >= BPF_MAXINSNS {
            sink.more();
            return false;
        }
        let regs = raw.0[1];
        sink.begin_struct();
        sink.field("code");
        code_of(sink, u16::from(raw.0[0]), true);
        sink.field("dst_reg");
        sink.enumeration(u64::from(regs & 0x0f), &table::ENUM_EBPF_REGS);
        sink.field("src_reg");
        sink.enumeration(u64::from(regs >> 4), &table::ENUM_EBPF_REGS);
        sink.field("off");
        sink.int(i64::from(raw.i16(2)));
        sink.field("imm");
        sink.hex(u64::from(raw.u32(4)));
        sink.end_struct(false);
        true
    });
}
