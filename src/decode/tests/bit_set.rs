//! Bit sets in their two forms ([`Group::BitSet`]): the named bits by default, the words
//! that hold them under `-X raw`, both under `-X verbose`, as strace 6.1's evdev.c prints
//! its bit sets (`decode_bitset`), in the renderer and through the evdev decoder.

use super::values::styled;
use super::*;
use crate::output::ConstStyle::{Abbrev, Raw, Verbose};

/// A bit set of `bits` (named by the evdev event types) held in `words`, `...` after the
/// bits when `cut`.
fn bit_set(t: &mut Text<'_>, bits: &[u64], words: &[u64], cut: bool) {
    t.open(Group::BitSet);
    t.implicit_field("set");
    t.open(Group::Set);
    for &b in bits {
        t.enumeration(b, &table::ENUM_EVDEV_EV);
    }
    if cut {
        t.more();
    }
    t.close();
    t.implicit_field("words");
    t.begin_array();
    for &w in words {
        t.hex(w);
    }
    t.end_array();
    t.close();
}

#[test]
fn each_style_shows_its_form() {
    let set = |t: &mut Text<'_>| bit_set(t, &[3, 4], &[0x18], false);
    assert_eq!(styled(Abbrev, set), "[EV_ABS EV_MSC]");
    assert_eq!(styled(Raw, set), "[0x18]");
    assert_eq!(
        styled(Verbose, set),
        "[0x3 /* EV_ABS */ 0x4 /* EV_MSC */] /* [0x18] */"
    );
    // No bit set, several words, an unknown bit, the set cut short.
    let empty = |t: &mut Text<'_>| bit_set(t, &[], &[0, 0], false);
    assert_eq!(styled(Abbrev, empty), "[]");
    assert_eq!(styled(Raw, empty), "[0, 0]");
    assert_eq!(styled(Verbose, empty), "[] /* [0, 0] */");
    let odd = |t: &mut Text<'_>| bit_set(t, &[0x1e], &[0x4000_0000], true);
    assert_eq!(styled(Abbrev, odd), "[0x1e /* EV_??? */ ...]");
    assert_eq!(styled(Raw, odd), "[0x40000000]");
    assert_eq!(
        styled(Verbose, odd),
        "[0x1e /* EV_??? */ ...] /* [0x40000000] */"
    );
}

#[test]
fn separators_around_it_stay() {
    let two = |t: &mut Text<'_>| {
        t.begin_struct();
        t.field("a");
        bit_set(t, &[1], &[0x2], false);
        t.field("b");
        t.begin_array();
        bit_set(t, &[0], &[0x1], false);
        bit_set(t, &[], &[0], false);
        t.end_array();
        t.end_struct(false);
    };
    assert_eq!(styled(Abbrev, two), "{a=[EV_KEY], b=[[EV_SYN], []]}");
    assert_eq!(styled(Raw, two), "{a=[0x2], b=[[0x1], [0]]}");
    assert_eq!(
        styled(Verbose, two),
        "{a=[0x1 /* EV_KEY */] /* [0x2] */, b=[[0 /* EV_SYN */] /* [0x1] */, [] /* [0] */]}"
    );
}

/// `EVIOCGBIT(0, 8)`, `EVIOCGBIT(EV_KEY, 16)`.
const EVIOCGBIT_EV: u64 = 0x8008_4520;
const EVIOCGBIT_KEY_16: u64 = 0x8010_4521;

#[test]
fn evdev_bit_sets_by_style() {
    let mem = FakeMemory::new()
        .with(0x4000, &words(&[0x46_0018]))
        .with(0x5000, &words(&[0x3e, 0x1]));
    let ioctl = |style, code, addr, ret| {
        line_styled(
            style,
            NR_IOCTL,
            [3, code, addr, 0, 0, 0],
            &mem,
            Outcome::Ok(ret),
        )
    };
    // One byte returned: the bits of the first 8, read in a whole long. (Short lines are
    // padded to the return value's column.)
    assert_eq!(
        ioctl(Abbrev, EVIOCGBIT_EV, 0x4000, 1),
        "ioctl(3, EVIOCGBIT(0, 8), [EV_ABS EV_MSC]) = 1"
    );
    assert_eq!(
        ioctl(Raw, EVIOCGBIT_EV, 0x4000, 1),
        "ioctl(3, 0x80084520, [0x460018])        = 1"
    );
    assert_eq!(
        ioctl(Verbose, EVIOCGBIT_EV, 0x4000, 1),
        "ioctl(3, 0x80084520 /* EVIOCGBIT(0, 8) */, [0x3 /* EV_ABS */ 0x4 /* EV_MSC */] /* [0x460018] */) = 1"
    );
    // Two longs, the set cut after four bits.
    assert_eq!(
        ioctl(Abbrev, EVIOCGBIT_KEY_16, 0x5000, 9),
        "ioctl(3, EVIOCGBIT(EV_KEY, 16), [KEY_ESC KEY_1 KEY_2 KEY_3 ...]) = 9"
    );
    assert_eq!(
        ioctl(Raw, EVIOCGBIT_KEY_16, 0x5000, 9),
        "ioctl(3, 0x80104521, [0x3e, 0x1])       = 9"
    );
    assert_eq!(
        ioctl(Verbose, EVIOCGBIT_KEY_16, 0x5000, 9),
        "ioctl(3, 0x80104521 /* EVIOCGBIT(EV_KEY, 16) */, [0x1 /* KEY_ESC */ 0x2 /* KEY_1 */ 0x3 /* KEY_2 */ 0x4 /* KEY_3 */ ...] /* [0x3e, 0x1] */) = 9"
    );
    // Nothing returned, or a failure: the address, whatever the style.
    assert_eq!(
        ioctl(Raw, EVIOCGBIT_EV, 0x4000, 0),
        "ioctl(3, 0x80084520, 0x4000)            = 0"
    );
}
