//! A seeded, deterministic fuzzer for the decoders (issue 9): every row of the generated
//! syscall table and numbers it does not know, with random registers, random fake memory
//! (short regions, unreadable pages, pointers back into the same buffer, strings without a
//! NUL, regions ending at the top of the address space, memory that changes between reads),
//! random options and random `-y` descriptions, through both renderers as the tracer drives
//! them (entry, then exit with a random outcome), with the `-e read=`/`-e write=` hex dump;
//! and `siginfo` on random bytes. It needs no other toolchain: it is a unit test.
//!
//! ```sh
//! cargo test decode::fuzz -- --nocapture                       # the default, a few seconds
//! FUZZ_SEED=7 FUZZ_ITERS=2000000 cargo test --release decode::fuzz -- --nocapture
//! FUZZ_SEED=7 FUZZ_FROM=1234 FUZZ_ITERS=1 FUZZ_VERBOSE=1 cargo test decode::fuzz -- --nocapture
//! ```
//!
//! Iteration `i` draws everything from a generator seeded by `(FUZZ_SEED, i)` alone, so the
//! last command replays iteration 1234 of seed 7 and prints its case and output. Besides not
//! panicking (nor reading memory without end), each case must keep three promises: every JSON
//! event is valid JSON; the text holds only printable ASCII (no byte of the tracee reaches the
//! terminal raw); and what a call shows does not depend on what an earlier call left in the
//! scratch buffer (every eighth case is rendered again over other leftovers).
//!
//! For a long campaign build with overflow checks, so that an overflow is a panic and not a
//! wrapped number: `CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true cargo test --release ...`.

use super::tests::Captured;
use super::*;
use crate::fdinfo::Detail;
use crate::json::{self, Json, Stamp};
use crate::output::{ConstStyle, Format, HexStrings, Output};
use crate::sockdiag::SocketInfo;
use crate::table::{SYSCALLS, SigName};
use crate::text::Text;
use nix::errno::Errno;
use std::cell::Cell;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use std::sync::OnceLock;
use std::time::Instant;

/// Iterations when `FUZZ_ITERS` is not set: a few seconds in a debug build.
const DEFAULT_ITERS: u64 = 6_000;
/// Mixed with `FUZZ_SEED` (0 when unset).
const BASE_SEED: u64 = 0x05ee_d0f5_7ace_u64;
/// Decoding one call may read memory this many times at most; more means a loop that does
/// not end on its own (fake regions are small).
const MAX_READS: u64 = 1_000_000;
/// The failures listed in full at the end of a run.
const MAX_REPORTED: usize = 20;
/// strace's largest `-s` (`(unsigned) -1 / 4`, strace 6.1's `-s` parser).
const HUGE_STRLEN: usize = crate::decode::MAX_STRLEN;

#[path = "../../tests/data/rng.rs"]
mod rng;
use rng::{Rng, env_u64, guarded};

/// One of the values listed, all of them evaluated first (they may draw from `rng` too).
macro_rules! choose {
    ($rng:ident, [$($e:expr),* $(,)?]) => {{
        let items = [$($e),*];
        $rng.pick(&items)
    }};
}

/// Numbers that often sit on a boundary.
const INTERESTING: &[u64] = &[
    0,
    1,
    2,
    3,
    4,
    7,
    8,
    15,
    16,
    17,
    24,
    28,
    31,
    32,
    33,
    63,
    64,
    110,
    127,
    128,
    255,
    256,
    1023,
    1024,
    1025,
    4095,
    4096,
    4097,
    0x7fff,
    0x8000,
    0xffff,
    0x1_0000,
    1 << 20,
    1 << 30,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_ffff,
    0x1_0000_0000,
    i64::MAX as u64,
    i64::MIN as u64,
    u64::MAX,
    u64::MAX - 1,
    u64::MAX - 7,
    u64::MAX - 4095,
    -100i64 as u64,
    -2i64 as u64,
    0xffff_ffff_ffff_ff9c,
    0xffff_ffff_8000_0000,
];

/// Every integer `syscalls.toml` holds (flag bits, enum values, ioctl numbers, prctl and
/// ptrace requests...): a dictionary that gets the random values past the first `match`.
fn dictionary() -> &'static [u64] {
    static DICT: OnceLock<Vec<u64>> = OnceLock::new();
    DICT.get_or_init(|| {
        fn walk(v: &toml::Value, out: &mut Vec<u64>) {
            match v {
                toml::Value::Integer(i) => out.push(*i as u64),
                toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                toml::Value::Table(t) => t.values().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let spec: toml::Table =
            toml::from_str(include_str!("../../syscalls.toml")).expect("syscalls.toml parses");
        let mut out = Vec::new();
        spec.values().for_each(|v| walk(v, &mut out));
        out.sort_unstable();
        out.dedup();
        out
    })
}

/// Fake tracee memory: a few byte regions, anywhere in the 64-bit space (one may end at its
/// very top). A read succeeds only inside one region, so reads crossing a region's end fail
/// as a read into an unmapped page does.
struct FuzzMemory {
    regions: Vec<(u64, Vec<u8>)>,
    reads: Cell<u64>,
    /// Every `fail_every`-th read fails (0: none): a page unmapped by another thread.
    fail_every: u64,
    /// Each read sees one byte changed: another thread writing while the call is decoded.
    mutate: bool,
}

impl Memory for FuzzMemory {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Errno> {
        let n = self.reads.get() + 1;
        self.reads.set(n);
        assert!(
            n <= MAX_READS,
            "runaway decoder: more than {MAX_READS} memory reads for one call"
        );
        if self.fail_every != 0 && n.is_multiple_of(self.fail_every) {
            return Err(Errno::EFAULT);
        }
        let start = u128::from(addr);
        let end = start + buf.len() as u128;
        for (base, bytes) in &self.regions {
            let rstart = u128::from(*base);
            if start >= rstart && end <= rstart + bytes.len() as u128 {
                let off = (start - rstart) as usize;
                buf.copy_from_slice(&bytes[off..off + buf.len()]);
                if self.mutate && !buf.is_empty() {
                    let at = (n as usize).wrapping_mul(7) % buf.len();
                    buf[at] ^= (n as u8) | 1;
                }
                return Ok(());
            }
        }
        Err(Errno::EFAULT)
    }
}

/// Descriptions for `-y`/`-yy`: a few random ones, for descriptors 0 and up.
struct FuzzFds {
    infos: Vec<FdInfo>,
    cwd: Option<Vec<u8>>,
}

impl FdResolver for FuzzFds {
    fn fd(&mut self, fd: i32) -> Option<&FdInfo> {
        if fd < 0 || self.infos.is_empty() {
            return None;
        }
        // Every other descriptor is described, by one of the infos.
        let fd = fd as usize;
        fd.is_multiple_of(2)
            .then(|| &self.infos[(fd / 2) % self.infos.len()])
    }
    fn cwd(&mut self) -> Option<&[u8]> {
        self.cwd.as_deref()
    }
}

/// One generated case: everything an iteration decodes.
struct Case {
    nr: u64,
    args: [u64; 6],
    sp: u64,
    raw: bool,
    outcome: Outcome,
    opts: DecodeOpts,
    hex: HexStrings,
    /// `-X`: the text renderer's one switch for names and raw forms.
    style: ConstStyle,
    column: usize,
    previous: u64,
    mem: FuzzMemory,
    fds: Option<FuzzFds>,
    signo: i32,
    siginfo: Vec<u8>,
}

impl Case {
    fn name(&self) -> String {
        match table::syscall(self.nr) {
            Some(d) => d.name.to_string(),
            None => format!("syscall_{:#x}", self.nr),
        }
    }

    /// What a failure report says about the case.
    fn describe(&self, full: bool) -> String {
        let mut s = String::new();
        let args: Vec<String> = self.args.iter().map(|a| format!("{a:#x}")).collect();
        let _ = write!(
            s,
            "{} (nr {}), args [{}], sp {:#x}, raw {}, outcome {:?}, {:?}, hex {:?}, -X {:?}, \
             column {}, previous {}, fds {}, memory regions [",
            self.name(),
            self.nr,
            args.join(", "),
            self.sp,
            self.raw,
            self.outcome,
            self.opts,
            self.hex,
            self.style,
            self.column,
            self.previous,
            self.fds.as_ref().map_or(0, |f| f.infos.len()),
        );
        for (i, (base, bytes)) in self.mem.regions.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let _ = write!(s, "{sep}{base:#x}+{:#x}", bytes.len());
        }
        let _ = write!(
            s,
            "], fail_every {}, mutate {}",
            self.mem.fail_every, self.mem.mutate
        );
        if full {
            for (base, bytes) in &self.mem.regions {
                let _ = write!(s, "\n  region {base:#x}:");
                for (i, chunk) in bytes.chunks(16).enumerate() {
                    let _ = write!(s, "\n    {:#x}:", base.wrapping_add(i as u64 * 16));
                    for b in chunk {
                        let _ = write!(s, " {b:02x}");
                    }
                }
            }
            if let Some(fds) = &self.fds {
                let _ = write!(s, "\n  fds {:?}, cwd {:?}", fds.infos, fds.cwd);
            }
            let _ = write!(
                s,
                "\n  signal {}, siginfo {:02x?}",
                self.signo, self.siginfo
            );
        }
        s
    }
}

/// Builds the case of one iteration.
fn generate(rng: &mut Rng, index: u64) -> Case {
    let rows = &SYSCALLS;
    let nr = if rng.one_in(12) {
        choose!(
            rng,
            [
                rng.next(),
                rows.len() as u64 + rng.below(200),
                335 + rng.below(89),
                u64::MAX,
                0x4000_0000 | rng.below(600),
                i64::MIN as u64,
                u64::from(u32::MAX),
            ]
        )
    } else {
        // Each row in turn, so that every decoder is driven evenly.
        index % rows.len() as u64
    };
    let mem = memory(rng);
    let layout: Vec<(u64, u64)> = mem
        .regions
        .iter()
        .map(|(b, v)| (*b, v.len() as u64))
        .collect();
    let mut args = [0u64; 6];
    for a in &mut args {
        *a = if rng.one_in(2) {
            pointer(rng, &layout, 0)
        } else {
            number(rng)
        };
    }
    let sp = if rng.one_in(3) {
        number(rng)
    } else {
        pointer(rng, &layout, 0)
    };
    let outcome = if rng.one_in(3) {
        Outcome::Err(choose!(
            rng,
            [
                1 + rng.below(133),
                0,
                512 + rng.below(20),
                4095,
                u64::MAX,
                rng.next(),
                number(rng),
            ]
        ))
    } else {
        Outcome::Ok(choose!(
            rng,
            [
                0,
                1 + rng.below(64) as i64,
                args[2] as i64,
                args[1] as i64,
                number(rng) as i64,
                -1,
                i64::MIN,
                i64::MAX,
                rng.below(70_000) as i64,
            ]
        ))
    };
    let max_strlen = choose!(
        rng,
        [
            0,
            1,
            2,
            3,
            4,
            5,
            8,
            16,
            31,
            32,
            32,
            32,
            33,
            64,
            100,
            4096,
            rng.index(300),
            rng.index(70_000),
            HUGE_STRLEN,
        ]
    );
    let opts = DecodeOpts {
        max_strlen,
        abbreviate: !rng.one_in(3),
        verbose: !rng.one_in(4),
        // Names come from /proc, not from the fuzzed memory.
        pid_comm: false,
        optmem_max: super::OptmemMax::Bytes(choose!(rng, [super::OPTMEM_MAX_DEFAULT, 64, 131_072])),
    };
    let hex = choose!(
        rng,
        [
            HexStrings::Never,
            HexStrings::Never,
            HexStrings::NonAscii,
            HexStrings::NonAsciiChars,
            HexStrings::All,
        ]
    );
    let fds = rng.one_in(3).then(|| fuzz_fds(rng));
    let mut siginfo =
        vec![0u8; choose!(rng, [128, 128, 128, 0, 4, 12, 16, 24, 40, rng.index(200)])];
    fill(rng, &mut siginfo, 0, &layout, false);
    // The fields that choose what is shown: usually a signal and a code that mean something.
    let signo = choose!(
        rng,
        [rng.below(70) as i32, number(rng) as i32, 17, 11, 31, 29]
    );
    let code = choose!(
        rng,
        [
            rng.below(8) as i32,
            -(rng.below(8) as i32),
            0x80,
            number(rng) as i32,
        ]
    );
    for (off, v) in [(0, signo), (8, code)] {
        if siginfo.len() >= off + 4 && !rng.one_in(8) {
            siginfo[off..off + 4].copy_from_slice(&v.to_ne_bytes());
        }
    }
    // Drawn last, so that the rest of a case is as it was before `-X` was fuzzed.
    let style = choose!(
        rng,
        [
            ConstStyle::Abbrev,
            ConstStyle::Abbrev,
            ConstStyle::Raw,
            ConstStyle::Verbose
        ]
    );
    Case {
        nr,
        args,
        sp,
        raw: rng.one_in(10),
        outcome,
        opts,
        hex,
        style,
        column: choose!(rng, [40, 40, 0, 1, 80]),
        previous: choose!(rng, [0, 0, rng.below(460), rng.next()]),
        mem,
        fds,
        signo,
        siginfo,
    }
}

/// A random number, often one that means something to some decoder.
fn number(rng: &mut Rng) -> u64 {
    let dict = dictionary();
    match rng.below(12) {
        0 => 0,
        1 => rng.below(8),
        2 => rng.below(300),
        3 | 4 => rng.pick(dict),
        5 => rng.pick(dict) | rng.pick(dict),
        6 => (rng.below(200) as i64).wrapping_neg() as u64,
        7 | 8 => rng.pick(INTERESTING),
        9 => rng.next(),
        10 => 1 << rng.below(64),
        _ => u64::from(rng.pick(dict) as u32 ^ (1 << rng.below(32))),
    }
}

/// A random pointer: mostly into a region (at its start, inside, or just before its end),
/// else NULL, unmapped, near the top of the address space, or anything. `at` is where the
/// pointer itself is stored (0 in a register), for pointers to themselves.
fn pointer(rng: &mut Rng, layout: &[(u64, u64)], at: u64) -> u64 {
    if layout.is_empty() || rng.one_in(6) {
        return choose!(
            rng,
            [
                0,
                8,
                0xfff,
                0xdead_0000,
                u64::MAX - rng.below(300),
                rng.next(),
                at,
            ]
        );
    }
    // The first region is the main one.
    let (base, len) = if rng.one_in(3) {
        rng.pick(layout)
    } else {
        layout[0]
    };
    let off = match rng.below(8) {
        0 => 0,
        1 => len,
        2 => len.saturating_sub(rng.below(64)),
        // Structs start on 8-byte boundaries.
        3..=5 => rng.below(len + 1) & !7,
        _ => rng.below(len + 1),
    };
    base.wrapping_add(off)
}

/// What the 8-byte slots of a region mostly hold: each region draws its own weights, so
/// that some are mostly pointers (arrays of strings, linked structs), some mostly small
/// numbers (lengths, counts, families), some mostly text.
struct Profile([u64; 8]);

impl Profile {
    /// Random weights; `deep` ones favour pointers and small numbers (lengths, counts), the
    /// stuff of structs that lead to more structs.
    fn new(rng: &mut Rng, deep: bool) -> Profile {
        let mut w = [0u64; 8];
        for x in &mut w {
            *x = rng.below(4);
        }
        w[rng.index(8)] += 6;
        if deep {
            w[0] += 6;
            w[3] += 6;
        }
        Profile(w)
    }

    fn slot_kind(&self, rng: &mut Rng) -> usize {
        let total: u64 = self.0.iter().sum();
        let mut r = rng.below(total.max(1));
        for (i, w) in self.0.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        0
    }
}

/// Fills `bytes` (at address `base`) with values decoders look at, by 8-byte slots as C
/// structs lay them out: pointers (into the regions, to themselves, unmapped), numbers as
/// one 64-bit, two 32-bit or four 16-bit values, strings with and without their NUL, zeros,
/// all ones, noise.
fn fill(rng: &mut Rng, bytes: &mut [u8], base: u64, layout: &[(u64, u64)], deep: bool) {
    let profile = Profile::new(rng, deep);
    let mut at = 0;
    while at < bytes.len() {
        let mut chunk = [0u8; 64];
        let n = match profile.slot_kind(rng) {
            0 => {
                let p = pointer(rng, layout, base.wrapping_add(at as u64));
                chunk[..8].copy_from_slice(&p.to_ne_bytes());
                8
            }
            1 => {
                chunk[..8].copy_from_slice(&number(rng).to_ne_bytes());
                8
            }
            2 => {
                for half in chunk[..8].chunks_exact_mut(4) {
                    half.copy_from_slice(&(number(rng) as u32).to_ne_bytes());
                }
                8
            }
            3 => {
                let small = choose!(
                    rng,
                    [
                        rng.below(8),
                        rng.below(64),
                        rng.below(300),
                        rng.below(bytes.len() as u64 + 1),
                    ]
                );
                chunk[..8].copy_from_slice(&small.to_ne_bytes());
                8
            }
            4 => {
                let len = choose!(rng, [1, 2, 5, 7, 8, 16, 31, 32, 33, 40, rng.index(63)]);
                for c in &mut chunk[..len] {
                    *c = string_byte(rng);
                }
                if rng.one_in(3) {
                    len
                } else {
                    chunk[len] = 0;
                    len + 1
                }
            }
            5 => {
                for quarter in chunk[..8].chunks_exact_mut(2) {
                    quarter.copy_from_slice(&(number(rng) as u16).to_ne_bytes());
                }
                8
            }
            6 => {
                let n = choose!(rng, [8, 8, 16, 64]);
                if rng.one_in(2) {
                    chunk[..n].fill(0xff);
                }
                n
            }
            _ => {
                for c in &mut chunk[..8] {
                    *c = rng.next() as u8;
                }
                8
            }
        };
        // Strings end anywhere; the next slot starts on the next 8-byte boundary.
        let n = n.next_multiple_of(8).min(bytes.len() - at);
        bytes[at..at + n].copy_from_slice(&chunk[..n]);
        at += n;
    }
}

/// A byte of a string: printable mostly, but also the bytes the escaping rules care about.
fn string_byte(rng: &mut Rng) -> u8 {
    match rng.below(8) {
        0..=3 => b' ' + rng.below(95) as u8,
        4 => rng.pick(b"\"\\\n\t\r\x0b\x0c\x07\x1b\x7f<>01789%{}"),
        5 => choose!(rng, [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x80, 0xff, 0x9b, 0xfe]),
        6 => b'0' + rng.below(10) as u8,
        _ => rng.next() as u8,
    }
}

/// Random fake memory: a main region, sometimes one ending at the top of the address
/// space, sometimes a small island, filled with pointers into each other. Half the time the
/// main region is large and `deep` (mostly pointers and small numbers), for decoders that
/// follow pointers several levels down (`msghdr` to its iovecs and control messages); else
/// anything, for the edges.
fn memory(rng: &mut Rng) -> FuzzMemory {
    let mut layout: Vec<(u64, u64)> = Vec::new();
    let deep = rng.one_in(2);
    let base = choose!(
        rng,
        [
            0x1000,
            0x10_0000,
            0x5555_5555_0000 + rng.below(0x1000),
            0x7ffd_1234_0000,
            0x7fff_ffff_f000,
            rng.next() & !0xfff,
            rng.next(),
            u64::MAX - rng.below(0x3000),
        ]
    );
    let len = if deep {
        choose!(rng, [4096, 4096, 8192, 16384, rng.below(32768)])
    } else {
        choose!(
            rng,
            [
                0,
                1,
                7,
                8,
                16,
                64,
                128,
                300,
                1024,
                4096,
                4096 * 3,
                rng.below(20_000),
                rng.below(600),
            ]
        )
    };
    layout.push(clip(base, len));
    if rng.one_in(3) {
        // A region whose last byte is the last byte of the address space.
        let len = 1 + rng.below(0x2000);
        layout.push((u64::MAX - len + 1, len));
    }
    if rng.one_in(2) {
        let base = choose!(rng, [0x2000, 0x6000_0000 + rng.below(0x10000), rng.next()]);
        layout.push(clip(base, rng.below(256)));
    }
    let mut regions = Vec::new();
    for (i, &(base, len)) in layout.iter().enumerate() {
        let mut bytes = vec![0u8; len as usize];
        fill(rng, &mut bytes, base, &layout, deep && i == 0);
        if rng.one_in(4) && len > 8 {
            // The same few slots over and over: whichever of them a pointer lands on, the
            // struct there points on to more of the same, so nested decoders go deep.
            let period = 8 * (1 + rng.index(8));
            for i in period..bytes.len() {
                bytes[i] = bytes[i - period];
            }
        }
        regions.push((base, bytes));
    }
    FuzzMemory {
        regions,
        reads: Cell::new(0),
        fail_every: if rng.one_in(8) { 1 + rng.below(6) } else { 0 },
        mutate: rng.one_in(10),
    }
}

/// A region shortened so that it does not run past the top of the address space.
fn clip(base: u64, len: u64) -> (u64, u64) {
    (base, len.min(u64::MAX - base).min(1 << 20))
}

/// Random `-y`/`-yy` descriptions: odd paths, devices, pidfds, sockets.
fn fuzz_fds(rng: &mut Rng) -> FuzzFds {
    let n = choose!(rng, [0, 1, 2, 5]);
    let mut infos = Vec::new();
    for _ in 0..n {
        let path = random_bytes(rng);
        let detail = match rng.below(5) {
            0 => Detail::Path,
            1 => Detail::Device {
                block: rng.one_in(2),
                major: number(rng) as u32,
                minor: number(rng) as u32,
            },
            2 => Detail::Pidfd(number(rng) as i32),
            _ => Detail::Socket(socket(rng)),
        };
        infos.push(FdInfo {
            path,
            deleted: rng.one_in(4),
            detail,
        });
    }
    FuzzFds {
        infos,
        cwd: rng.one_in(2).then(|| random_bytes(rng)),
    }
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = choose!(rng, [0, 1, 5, 12, 40, rng.index(300)]);
    (0..len).map(|_| string_byte(rng)).collect()
}

fn socket(rng: &mut Rng) -> SocketInfo {
    let ip = |rng: &mut Rng| -> IpAddr {
        if rng.one_in(2) {
            IpAddr::V4(Ipv4Addr::from(rng.next() as u32))
        } else {
            IpAddr::V6(Ipv6Addr::from(
                u128::from(rng.next()) << 64 | u128::from(rng.next()),
            ))
        }
    };
    match rng.below(4) {
        0 => SocketInfo::Inet {
            proto: choose!(rng, ["TCP", "UDP", "TCPv6", "UDPLITEv6"]),
            src: ip(rng),
            sport: rng.next() as u16,
            dst: rng.one_in(2).then(|| (ip(rng), rng.next() as u16)),
        },
        1 => SocketInfo::Unix {
            proto: "UNIX-STREAM",
            inode: rng.next(),
            peer: rng.next() as u32,
            name: rng.one_in(2).then(|| {
                let mut name = random_bytes(rng);
                if rng.one_in(2) {
                    name.insert(0, 0);
                }
                name
            }),
        },
        2 => SocketInfo::Netlink {
            proto: "NETLINK",
            family: rng.one_in(2).then_some("ROUTE"),
            protocol: rng.next() as u8,
            portid: rng.next() as u32,
        },
        _ => SocketInfo::Bare {
            proto: "RAW",
            inode: rng.next(),
        },
    }
}

/// What one case rendered.
#[derive(Default)]
struct Rendered {
    text: Vec<u8>,
    /// The hex dump lines, each ending with a newline.
    dump: Vec<u8>,
    signal_text: Vec<u8>,
    json_unfinished: Vec<u8>,
    json_event: Vec<u8>,
    json_signal: Vec<u8>,
}

/// Decodes the case as the tracer does with `--json-and-text`: the entry into JSON then
/// text, the exit into JSON then text (the same `Call`, which the entry updates); then the
/// signal line. The text goes through an `Output` as the tracer's does.
fn render(case: &mut Case, scratch: &mut Scratch) -> Rendered {
    let mut r = Rendered::default();
    let format = Format {
        column: case.column,
        hex_strings: case.hex,
        const_style: case.style,
        ..Format::default()
    };
    let mut out = Output::new(Box::new(std::io::sink()), None, false, format);
    let mut call = Call {
        raw: case.raw,
        ..Call::new(case.nr, case.args, case.sp)
    };
    let stamp = Stamp {
        ts: 1,
        rel: Some(2),
    };
    let pid = 4242;
    let mut fds = case.fds.take();
    // Pids noted (-Y, --decode-pids=pidns) in odd-numbered cases.
    let mut pids = (case.previous % 2 == 1).then_some(super::tests::FakePids);
    // What the entry saves for the exit, as the tracer keeps it per tracee.
    let mut saved = super::Saved::default();
    macro_rules! ctx {
        () => {
            Ctx {
                mem: &case.mem,
                opts: case.opts,
                scratch: &mut *scratch,
                previous: case.previous,
                fds: fds.as_mut().map(|f| f as &mut dyn FdResolver),
                pids: pids.as_mut().map(|p| p as &mut dyn PidResolver),
                saved: Some(&mut saved),
            }
        };
    }
    // Entry.
    let mut json_args = Vec::new();
    let mut json = Json::new(&mut json_args);
    entry(&mut json, &mut ctx!(), &mut call);
    let json_last = json.last_start();
    json::unfinished(&mut r.json_unfinished, pid, stamp, &call, &json_args, false);
    out.bytes(case.name().as_bytes());
    out.bytes(b"(");
    entry(&mut Text::new(&mut out), &mut ctx!(), &mut call);
    // Exit.
    let buf = &mut r.json_event;
    json::begin_syscall(buf, pid, stamp, &call);
    let last = buf.len() + json_last;
    json::append_entry_args(buf, &json_args, false);
    exit(
        &mut Json::continuing(buf, last),
        &mut ctx!(),
        &call,
        case.outcome,
    );
    buf.push(b'}');
    exit(&mut Text::new(&mut out), &mut ctx!(), &call, case.outcome);
    r.text = std::mem::take(out.buf());
    out.clear();
    // `-e read=`/`-e write=`: the hex dump of what the call moved.
    if let Some(t) = transfer(&call, case.outcome) {
        let captured = Captured::default();
        let mut dump_out = Output::new(Box::new(captured.clone()), None, false, format);
        crate::render::dump::dump(&mut dump_out, &case.mem, 1, t);
        dump_out.finish();
        r.dump = captured.0.take();
    }
    // A signal.
    out.bytes(format!("--- {} ", SigName(i64::from(case.signo))).as_bytes());
    let sender = super::siginfo_sender(&case.siginfo);
    let note = match &mut pids {
        Some(p) if sender > 0 => p.note(sender, PidKind::Tgid),
        _ => PidNote::default(),
    };
    siginfo(&mut Text::new(&mut out), &case.siginfo, note);
    out.bytes(b" ---");
    r.signal_text = std::mem::take(out.buf());
    out.clear();
    json::signal(
        &mut r.json_signal,
        pid,
        stamp,
        case.signo,
        Some(&case.siginfo),
        note,
    );
    case.fds = fds;
    r
}

/// The decoder calls one iteration makes: `entry` and `exit` into each renderer, and
/// `siginfo` into each.
const CALLS_PER_ITERATION: u64 = 6;

/// The promises a rendered case keeps besides not panicking.
fn check(r: &Rendered) -> Vec<String> {
    let mut problems = Vec::new();
    for (what, text, newline) in [
        ("text", &r.text, false),
        ("signal text", &r.signal_text, false),
        ("hex dump", &r.dump, true),
    ] {
        let shown = |b: u8| (0x20..0x7f).contains(&b) || (newline && b == b'\n');
        if let Some(at) = text.iter().position(|&b| !shown(b)) {
            problems.push(format!(
                "{what} holds byte {:#04x} at {at}: {}",
                text[at],
                text.escape_ascii()
            ));
        }
    }
    for (what, event) in [
        ("JSON event", &r.json_event),
        ("JSON unfinished event", &r.json_unfinished),
        ("JSON signal event", &r.json_signal),
    ] {
        match serde_json::from_slice::<serde_json::Value>(event) {
            Ok(v) if v.is_object() => {
                if let Some(dup) = duplicate_arg_key(event) {
                    problems.push(format!("{what} names `{dup}` twice in args"));
                }
            }
            Ok(_) => problems.push(format!("{what} is not an object: {}", event.escape_ascii())),
            Err(e) => problems.push(format!(
                "{what} is not JSON ({e}): {}",
                event.escape_ascii()
            )),
        }
    }
    problems
}

/// A scratch buffer full of `byte`, as an earlier call could have left it.
fn poisoned(byte: u8) -> Scratch {
    Scratch {
        bytes: vec![byte; PATH_MAX + 1],
    }
}

/// Runs iterations `from..from + iters` of `seed`; returns the failure reports and the
/// number of iterations that failed.
fn run(seed: u64, from: u64, iters: u64, verbose: bool, progress: bool) -> (Vec<String>, u64) {
    let mut reports = Vec::new();
    let mut failed = 0u64;
    let mut seen = std::collections::HashSet::new();
    let started = Instant::now();
    for index in from..from + iters {
        let mut rng = Rng::for_iteration(seed ^ BASE_SEED, index);
        let mut case = generate(&mut rng, index);
        let result = guarded(|| {
            let first = render(&mut case, &mut poisoned(0xaa));
            // Every eighth case again over other leftovers in the scratch buffer: what
            // a call shows must not depend on what an earlier one left there.
            let again = index.is_multiple_of(8).then(|| {
                case.mem.reads.set(0);
                render(&mut case, &mut poisoned(0x55))
            });
            (first, again)
        });
        let problems = match &result {
            Ok((r, again)) => {
                let mut problems = check(r);
                if let Some(again) = again
                    && (again.text != r.text || again.json_event != r.json_event)
                {
                    problems.push(format!(
                        "the output depends on the scratch buffer's old contents: {} vs {}",
                        r.text.escape_ascii(),
                        again.text.escape_ascii()
                    ));
                }
                problems
            }
            Err(panic) => vec![panic.clone()],
        };
        if verbose {
            println!("#{index}: {}", case.describe(true));
            if let Ok((r, _)) = &result {
                for line in [
                    &r.text,
                    &r.json_event,
                    &r.json_unfinished,
                    &r.dump,
                    &r.signal_text,
                    &r.json_signal,
                ] {
                    println!("  {}", String::from_utf8_lossy(line));
                }
            }
        }
        if !problems.is_empty() {
            failed += 1;
            // One report per place (a panic's first line, an invariant's kind) and syscall.
            let key = (
                case.name(),
                problems[0].lines().next().unwrap_or("").to_string(),
            );
            if seen.insert(key) && reports.len() < MAX_REPORTED {
                reports.push(format!(
                    "FUZZ_SEED={seed:#x} FUZZ_FROM={index} FUZZ_ITERS=1 FUZZ_VERBOSE=1 replays it\n  \
                     case: {}\n  failure: {}",
                    case.describe(false),
                    problems.join("\n  failure: ")
                ));
            }
        }
        if progress && (index - from + 1).is_multiple_of(100_000) {
            println!(
                "fuzz: seed {seed:#x}: {} iterations ({} decoder calls) in {:.1?}, {failed} failed",
                index - from + 1,
                (index - from + 1) * CALLS_PER_ITERATION,
                started.elapsed()
            );
        }
    }
    (reports, failed)
}

/// The fuzz run the test suite makes, `FUZZ_ITERS` iterations of `FUZZ_SEED`.
#[test]
fn decoders_survive_random_input() {
    let seed = env_u64("FUZZ_SEED").unwrap_or(0);
    let from = env_u64("FUZZ_FROM").unwrap_or(0);
    let explicit = env_u64("FUZZ_ITERS");
    let iters = explicit.unwrap_or(DEFAULT_ITERS);
    let verbose = std::env::var_os("FUZZ_VERBOSE").is_some_and(|v| v != "0");
    let started = Instant::now();
    let (reports, failed) = run(seed, from, iters, verbose, explicit.is_some());
    println!(
        "fuzz: seed {seed:#x}, iterations {from}..{}: {} decoder calls in {:.2?}, {failed} iterations failed",
        from + iters,
        iters * CALLS_PER_ITERATION,
        started.elapsed()
    );
    assert!(
        reports.is_empty(),
        "{failed} of {iters} fuzz iterations failed; the first of each kind:\n{}",
        reports.join("\n")
    );
}

/// The generator is a function of (seed, iteration) alone: the report's replay command
/// replays the same case.
#[test]
fn iterations_replay() {
    let describe = |index| {
        let mut rng = Rng::for_iteration(BASE_SEED, index);
        generate(&mut rng, index).describe(true)
    };
    assert_eq!(describe(17), describe(17));
    assert_ne!(describe(17), describe(18));
}

/// An `args` key written twice in a syscall event (a JSON reader would keep one value).
fn duplicate_arg_key(event: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Event {
        #[serde(default)]
        args: Keys,
    }
    #[derive(Default)]
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut m: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((k, _)) = m.next_entry::<String, serde::de::IgnoredAny>()? {
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(Visit)
        }
    }
    let keys = serde_json::from_slice::<Event>(event).ok()?.args.0;
    keys.iter()
        .enumerate()
        .find(|(i, k)| keys[..*i].contains(k))
        .map(|(_, k)| k.clone())
}

#[test]
fn a_key_written_twice_is_found() {
    assert_eq!(
        duplicate_arg_key(br#"{"event":"syscall","args":{"a":1,"b":{"a":2},"a":3}}"#),
        Some("a".to_string())
    );
    assert_eq!(duplicate_arg_key(br#"{"args":{"a":1,"b":{"a":2}}}"#), None);
}
