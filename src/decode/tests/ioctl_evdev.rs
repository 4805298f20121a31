//! The evdev requests (<linux/input.h>), as strace 6.1's evdev.c prints them.

use super::*;

const EVIOCGVERSION: u64 = 0x8004_4501;
const EVIOCGID: u64 = 0x8008_4502;
const EVIOCSKEYCODE: u64 = 0x4008_4504;
const EVIOCSKEYCODE_V2: u64 = 0x4028_4504;
const EVIOCSFF: u64 = 0x4030_4580;
const EVIOCRMFF: u64 = 0x4004_4581;
const EVIOCGRAB: u64 = 0x4004_4590;
/// `EVIOCGBIT(0, 8)`, `EVIOCGBIT(EV_KEY, 8)`, `EVIOCGBIT(EV_PWR, 4)`.
const EVIOCGBIT_EV: u64 = 0x8008_4520;
const EVIOCGBIT_KEY: u64 = 0x8008_4521;
const EVIOCGBIT_PWR: u64 = 0x8004_4536;
/// `EVIOCGABS(ABS_Y)` of 24 bytes, and of 20, 28 and 16.
const EVIOCGABS_Y: u64 = 0x8018_4541;
const EVIOCGABS_Y_20: u64 = 0x8014_4541;
const EVIOCGABS_Y_28: u64 = 0x801c_4541;
const EVIOCGABS_Y_16: u64 = 0x8010_4541;
const EVIOCGMTSLOTS_12: u64 = 0x800c_450a;
const EVIOCGNAME_8: u64 = 0x8008_4506;

fn call(code: u64, arg: u64, mem: &FakeMemory, outcome: Outcome, verbose: bool) -> String {
    let opts = DecodeOpts {
        max_strlen: 32,
        abbreviate: !verbose,
        ..DecodeOpts::default()
    };
    let mut s = render_call(
        NR_IOCTL,
        [3, code, arg, 0, 0, 0],
        [mem, mem],
        opts,
        None,
        |_| {},
        outcome,
    );
    // The padding before ` = ` is not what these tests check.
    while s.contains("  = ") {
        s = s.replacen("  = ", " = ", 1);
    }
    s
}

fn ok(code: u64, arg: u64, mem: &FakeMemory, ret: i64) -> String {
    call(code, arg, mem, Outcome::Ok(ret), false)
}

/// Reads print at exit: NULL or the address when they fail, by their shape when not.
#[test]
fn evdev_reads() {
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[0x10001]))
        .with(0x2000, &[1, 0, 2, 0, 3, 0, 4, 0])
        .with(0x3000, &words32(&[1, 2, 3, 4, 5, 6, 7]))
        .with(0x4000, &words(&[0x18, 0]))
        .with(0x5000, &words(&[0x3e, 0]))
        .with(0x6000, &words32(&[0x2f, 7, 0xffff_ffff]))
        .with(0x7000, b"mouse\0\0\0");
    assert_eq!(
        call(EVIOCGVERSION, 0, &mem, Outcome::Err(9), false),
        "ioctl(3, EVIOCGVERSION, NULL) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ok(EVIOCGVERSION, 0x1000, &mem, 0),
        "ioctl(3, EVIOCGVERSION, [0x10001]) = 0"
    );
    assert_eq!(
        ok(EVIOCGID, 0x2000, &mem, 0),
        "ioctl(3, EVIOCGID, {bustype=1, vendor=2, product=3, version=4}) = 0"
    );
    assert_eq!(
        ok(EVIOCGABS_Y, 0x3000, &mem, 0),
        "ioctl(3, EVIOCGABS(ABS_Y), {value=1, minimum=2, ...}) = 0"
    );
    assert_eq!(
        call(EVIOCGABS_Y, 0x3000, &mem, Outcome::Ok(0), true),
        "ioctl(3, EVIOCGABS(ABS_Y), {value=1, minimum=2, maximum=3, fuzz=4, flat=5, resolution=6}) = 0"
    );
    assert_eq!(
        call(EVIOCGABS_Y_20, 0x3000, &mem, Outcome::Ok(0), true),
        "ioctl(3, EVIOCGABS(ABS_Y), {value=1, minimum=2, maximum=3, fuzz=4, flat=5}) = 0"
    );
    assert_eq!(
        call(EVIOCGABS_Y_28, 0x3000, &mem, Outcome::Ok(0), true),
        "ioctl(3, EVIOCGABS(ABS_Y), {value=1, minimum=2, maximum=3, fuzz=4, flat=5, resolution=6, ...}) = 0"
    );
    assert_eq!(
        ok(EVIOCGABS_Y_16, 0x3000, &mem, 0),
        "ioctl(3, EVIOCGABS(ABS_Y), 0x3000) = 0"
    );
    // The bit sets: as many bytes as the call returned.
    assert_eq!(
        ok(EVIOCGBIT_EV, 0x4000, &mem, 1),
        "ioctl(3, EVIOCGBIT(0, 8), [EV_ABS EV_MSC]) = 1"
    );
    assert_eq!(
        ok(EVIOCGBIT_EV, 0x4000, &mem, 0),
        "ioctl(3, EVIOCGBIT(0, 8), 0x4000) = 0"
    );
    assert_eq!(
        ok(EVIOCGBIT_KEY, 0x5000, &mem, 1),
        "ioctl(3, EVIOCGBIT(EV_KEY, 8), [KEY_ESC KEY_1 KEY_2 KEY_3 ...]) = 1"
    );
    assert_eq!(
        call(EVIOCGBIT_KEY, 0x5000, &mem, Outcome::Ok(1), true),
        "ioctl(3, EVIOCGBIT(EV_KEY, 8), [KEY_ESC KEY_1 KEY_2 KEY_3 KEY_4]) = 1"
    );
    assert_eq!(
        ok(EVIOCGBIT_PWR, 0x1000, &mem, 0),
        "ioctl(3, EVIOCGBIT(EV_PWR, 4), [65537]) = 0"
    );
    assert_eq!(
        ok(EVIOCGMTSLOTS_12, 0x6000, &mem, 0),
        "ioctl(3, EVIOCGMTSLOTS(12), {code=ABS_MT_SLOT, values=[7, -1]}) = 0"
    );
    assert_eq!(
        ok(EVIOCGNAME_8, 0x7000, &mem, 5),
        "ioctl(3, EVIOCGNAME(8), \"mouse\") = 5"
    );
}

/// Writes print at entry: key codes, keymap entries, force-feedback effects by their type.
#[test]
fn evdev_writes() {
    let mut ike = vec![0x80, 0x81, 2, 0, 1, 0, 0, 0];
    ike.extend_from_slice(&[0xab; 32]);
    // A periodic effect: type, id, direction, trigger, replay, then the union at 16.
    let mut ff = [0u8; 48];
    let head: [u16; 8] = [0x51, 0xffff, 3, 4, 5, 6, 7, 0];
    for (i, v) in head.iter().enumerate() {
        ff[i * 2..i * 2 + 2].copy_from_slice(&v.to_ne_bytes());
    }
    let periodic: [u16; 9] = [1, 2, 0xfffe, 3, 4, 5, 6, 7, 0xbeef];
    for (i, v) in periodic.iter().enumerate() {
        ff[16 + i * 2..18 + i * 2].copy_from_slice(&v.to_ne_bytes());
    }
    ff[36..40].copy_from_slice(&9u32.to_ne_bytes());
    ff[40..48].copy_from_slice(&0xdead_0000u64.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[7, 1]))
        .with(0x2000, &ike)
        .with(0x3000, &ff);
    let err = Outcome::Err(9);
    assert_eq!(
        call(EVIOCSKEYCODE, 0x1000, &mem, err, false),
        "ioctl(3, EVIOCSKEYCODE, [7, KEY_ESC]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EVIOCSKEYCODE_V2, 0x2000, &mem, err, false),
        "ioctl(3, EVIOCSKEYCODE_V2, {flags=128, len=129, ...}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EVIOCSKEYCODE_V2, 0x2000, &mem, err, true),
        format!(
            "ioctl(3, EVIOCSKEYCODE_V2, {{flags=128, len=129, index=2, keycode=KEY_ESC, \
             scancode=[{}]}}) = -1 EBADF (Bad file descriptor)",
            ["0xab"; 32].join(", ")
        )
    );
    assert_eq!(
        call(EVIOCSFF, 0x3000, &mem, err, false),
        "ioctl(3, EVIOCSFF, {type=FF_PERIODIC, id=-1, direction=3, ...}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EVIOCSFF, 0x3000, &mem, err, true),
        "ioctl(3, EVIOCSFF, {type=FF_PERIODIC, id=-1, direction=3, trigger={button=4, \
         interval=5}, replay={length=6, delay=7}, periodic={waveform=1, period=2, \
         magnitude=-2, offset=3, phase=4, envelope={attack_length=5, attack_level=6, \
         fade_length=7, fade_level=0xbeef}, custom_len=9, custom_data=0xdead0000}}) \
         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EVIOCRMFF, 0xffff_ffff, &mem, err, false),
        "ioctl(3, EVIOCRMFF, -1) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EVIOCGRAB, 1, &mem, err, false),
        "ioctl(3, EVIOCGRAB, 1) = -1 EBADF (Bad file descriptor)"
    );
}
