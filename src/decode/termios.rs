//! Terminal settings (`ioctl`'s `TCGETS` family): `struct termios`, the older `struct
//! termio` and `struct termios2` (`<asm-generic/termbits.h>`, `<asm-generic/termios.h>`),
//! abbreviated to their flag words by default as strace shows them, in full under `-v`.

use super::structs::read_struct;
use super::{Ctx, Group, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// Which of the three structures a request takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `struct termio`: 16-bit flag words, `c_line`, 8 control characters (`TCGETA`).
    Termio,
    /// `struct termios`: 32-bit flag words, `c_line`, 19 control characters (`TCGETS`).
    Termios,
    /// `struct termios2`: a `struct termios` and the input and output speeds (`TCGETS2`).
    Termios2,
}

impl Layout {
    /// Its size, where `c_line` lies, and how many control characters follow it (`NCC`,
    /// `NCCS`).
    fn shape(self) -> (usize, usize, usize) {
        match self {
            Layout::Termio => (18, 8, 8),
            Layout::Termios => (36, 16, 19),
            Layout::Termios2 => (44, 16, 19),
        }
    }
}

/// Defines the baud rate names by CBAUD value (`<asm-generic/termbits.h>`: B0..B38400 in
/// the low four bits, BOTHER and the high rates with CBAUDEX), and the same names as the
/// input rate in CIBAUD prints them.
macro_rules! bauds {
    ($($b:literal),* $(,)?) => {
        const BAUD: [&str; 32] = [$($b),*];
        const IBAUD: [&str; 32] = [$(concat!($b, "<<IBSHIFT")),*];
    };
}
bauds!(
    "B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600", "B1200", "B1800", "B2400",
    "B4800", "B9600", "B19200", "B38400", "BOTHER", "B57600", "B115200", "B230400", "B460800",
    "B500000", "B576000", "B921600", "B1000000", "B1152000", "B1500000", "B2000000", "B2500000",
    "B3000000", "B3500000", "B4000000",
);

/// The index into [`BAUD`] of a CBAUD value.
fn baud_index(cbaud: u32) -> usize {
    ((cbaud & 0o17) | if cbaud & 0o10000 != 0 { 0o20 } else { 0 }) as usize
}

const CBAUD: u32 = 0o10017;
const IBSHIFT: u32 = 16;
const CSIZE: u32 = 0o60;
const CSIZES: [&str; 4] = ["CS5", "CS6", "CS7", "CS8"];
/// NLDLY, CRDLY, TABDLY, BSDLY, VTDLY and FFDLY together.
const OFLAG_FIELDS: u32 = 0o177400;
const NL: [&str; 2] = ["NL0", "NL1"];
const CR: [&str; 4] = ["CR0", "CR1", "CR2", "CR3"];
const TAB: [&str; 4] = ["TAB0", "TAB1", "TAB2", "XTABS"];
const BS: [&str; 2] = ["BS0", "BS1"];
const VT: [&str; 2] = ["VT0", "VT1"];
const FF: [&str; 2] = ["FF0", "FF1"];

/// A terminal structure of `layout` at `addr`: its flag words, then under `-v` its line
/// discipline, control characters and (`termios2`) speeds; by default `...` stands for them:
/// `{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR,
/// c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO, ...}`.
pub fn termios<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, layout: Layout) {
    let abbreviate = ctx.opts.abbreviate;
    let (size, line, ncc) = layout.shape();
    read_struct(sink, ctx, addr, size, |sink, _, raw| {
        let word = |i: usize| match layout {
            Layout::Termio => u32::from(raw.u16(i * 2)),
            Layout::Termios | Layout::Termios2 => raw.u32(i * 4),
        };
        sink.begin_struct();
        flag_words(sink, [word(0), word(1), word(2), word(3)]);
        if abbreviate {
            return sink.end_struct(true);
        }
        sink.field("c_line");
        sink.enumeration(u64::from(raw.0[line]), &table::ENUM_TTY_LINE_DISC);
        sink.field("c_cc");
        sink.begin_array();
        for (i, &c) in raw.0[line + 1..line + 1 + ncc].iter().enumerate() {
            // strace names the index whatever -X says.
            sink.open(Group::Index);
            // strace names the indices of `struct termio`'s eight too; a `struct termios`'
            // two last have no name.
            match table::ENUM_TERMIOS_CC.name(i as u64) {
                Some(name) => sink.word(name),
                None => sink.uint(i as u64),
            }
            sink.hex(u64::from(c));
            sink.close();
        }
        sink.end_array();
        if layout == Layout::Termios2 {
            sink.field("c_ispeed");
            sink.uint(u64::from(raw.u32(36)));
            sink.field("c_ospeed");
            sink.uint(u64::from(raw.u32(40)));
        }
        sink.end_struct(false);
    });
}

/// `c_iflag`, `c_oflag`, `c_cflag` and `c_lflag`, with the multi-bit fields of the output
/// and control words named (`NL0|CR0|...`, `B38400|CS8`) before their other bits.
fn flag_words<S: Sink>(sink: &mut S, [iflag, oflag, cflag, lflag]: [u32; 4]) {
    sink.field("c_iflag");
    sink.tty_flags(&[], u64::from(iflag), &table::FLAGS_TERMIOS_IFLAG);
    sink.field("c_oflag");
    let fields = [
        NL[((oflag >> 8) & 1) as usize],
        CR[((oflag >> 9) & 3) as usize],
        TAB[((oflag >> 11) & 3) as usize],
        BS[((oflag >> 13) & 1) as usize],
        VT[((oflag >> 14) & 1) as usize],
        FF[((oflag >> 15) & 1) as usize],
    ];
    sink.tty_flags(
        &fields,
        u64::from(oflag & !OFLAG_FIELDS),
        &table::FLAGS_TERMIOS_OFLAG,
    );
    sink.field("c_cflag");
    let ibaud = (cflag >> IBSHIFT) & CBAUD;
    let size = CSIZES[((cflag & CSIZE) >> 4) as usize];
    let rest = u64::from(cflag & !(CBAUD | (CBAUD << IBSHIFT) | CSIZE));
    let baud = BAUD[baud_index(cflag & CBAUD)];
    if ibaud != 0 {
        sink.tty_flags(
            &[baud, IBAUD[baud_index(ibaud)], size],
            rest,
            &table::FLAGS_TERMIOS_CFLAG,
        );
    } else {
        sink.tty_flags(&[baud, size], rest, &table::FLAGS_TERMIOS_CFLAG);
    }
    sink.field("c_lflag");
    sink.tty_flags(&[], u64::from(lflag), &table::FLAGS_TERMIOS_LFLAG);
}
