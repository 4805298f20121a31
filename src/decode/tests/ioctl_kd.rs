//! The console requests (`decode/ioctl_kd.rs` and the `<linux/kd.h>` rows of
//! `[ioctl_args]`), with strace 6.1's lines for the same values (its tests/ioctl_kd.c).

use super::*;
use crate::output::ConstStyle;

const KIOCSOUND: u64 = 0x4b2f;
const KDMKTONE: u64 = 0x4b30;
const KDGETLED: u64 = 0x4b31;
const KDSETLED: u64 = 0x4b32;
const KDGKBTYPE: u64 = 0x4b33;
const KDADDIO: u64 = 0x4b34;
const KDENABIO: u64 = 0x4b36;
const KDSETMODE: u64 = 0x4b3a;
const KDGETMODE: u64 = 0x4b3b;
const GIO_SCRNMAP: u64 = 0x4b40;
const PIO_SCRNMAP: u64 = 0x4b41;
const KDGKBMODE: u64 = 0x4b44;
const KDSKBMODE: u64 = 0x4b45;
const KDGKBENT: u64 = 0x4b46;
const KDSKBENT: u64 = 0x4b47;
const KDGKBSENT: u64 = 0x4b48;
const KDSKBSENT: u64 = 0x4b49;
const KDSKBDIACR: u64 = 0x4b4b;
const KDGETKEYCODE: u64 = 0x4b4c;
const KDSETKEYCODE: u64 = 0x4b4d;
const KDSIGACCEPT: u64 = 0x4b4e;
const KDKBDREP: u64 = 0x4b52;
const KDSKBMETA: u64 = 0x4b63;
const KDSKBLED: u64 = 0x4b65;
const GIO_UNIMAP: u64 = 0x4b66;
const PIO_UNIMAP: u64 = 0x4b67;
const PIO_UNIMAPCLR: u64 = 0x4b68;
const PIO_UNISCRNMAP: u64 = 0x4b6a;
const GIO_FONTX: u64 = 0x4b6b;
const PIO_CMAP: u64 = 0x4b71;
const KDFONTOP: u64 = 0x4b72;
const KDSKBDIACRUC: u64 = 0x4bfb;

const BAD: Outcome = Outcome::Err(EBADF);
const OK: Outcome = Outcome::Ok(0);

/// The line of a call on descriptor -1, without the padding before ` = `.
fn call(code: u64, arg: u64, mem: &FakeMemory, outcome: Outcome) -> String {
    trim(line(
        NR_IOCTL,
        [-1i64 as u64, code, arg, 0, 0, 0],
        mem,
        outcome,
    ))
}

/// As [`call`] under `-X style`.
fn styled(style: ConstStyle, code: u64, arg: u64, mem: &FakeMemory) -> String {
    trim(line_styled(
        style,
        NR_IOCTL,
        [-1i64 as u64, code, arg, 0, 0, 0],
        mem,
        BAD,
    ))
}

/// As [`call`] for a call whose exit sees `after`.
fn changed(code: u64, arg: u64, before: &FakeMemory, after: &FakeMemory) -> String {
    let args = [-1i64 as u64, code, arg, 0, 0, 0];
    trim(line_changed(NR_IOCTL, args, before, after, OK))
}

fn trim(l: String) -> String {
    match l.rsplit_once(" = ") {
        Some((call, ret)) => format!("{} = {ret}", call.trim_end()),
        None => l,
    }
}

#[test]
fn sounds_show_their_frequency_but_under_raw() {
    let mem = FakeMemory::new();
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        call(KIOCSOUND, 0, &mem, BAD),
        format!("ioctl(-1, KIOCSOUND, 0 /* off */){e}")
    );
    assert_eq!(
        call(KIOCSOUND, 440, &mem, BAD),
        format!("ioctl(-1, KIOCSOUND, 440 /* 2711 Hz */){e}")
    );
    assert_eq!(
        call(KIOCSOUND, 1_193_183, &mem, BAD),
        format!("ioctl(-1, KIOCSOUND, 1193183 /* off */){e}")
    );
    assert_eq!(
        call(KDMKTONE, 0xbadc_0ded_dead_face, &mem, BAD),
        format!("ioctl(-1, KDMKTONE, 57005<<16|64206 /* 18 Hz, 57005 ms */){e}")
    );
    assert_eq!(
        call(KDMKTONE, 0x1_0000, &mem, BAD),
        format!("ioctl(-1, KDMKTONE, 1<<16|0 /* off */){e}")
    );
    assert_eq!(
        call(KDMKTONE, 440, &mem, BAD),
        format!("ioctl(-1, KDMKTONE, 440 /* off */){e}")
    );
    assert_eq!(
        styled(ConstStyle::Raw, KDMKTONE, 0x1_0001, &mem),
        format!("ioctl(-1, 0x4b30, 1<<16|1){e}")
    );
    assert_eq!(
        styled(ConstStyle::Verbose, KIOCSOUND, 1, &mem),
        format!("ioctl(-1, 0x4b2f /* KIOCSOUND */, 1 /* 1193182 Hz */){e}")
    );
    assert_eq!(
        call(KDADDIO, 0x3c0, &mem, BAD),
        format!("ioctl(-1, KDADDIO, 0x3c0 /* GPFIRST + 12 */){e}")
    );
    assert_eq!(
        call(KDADDIO, 0x3e0, &mem, BAD),
        format!("ioctl(-1, KDADDIO, 0x3e0){e}")
    );
    assert_eq!(
        styled(ConstStyle::Raw, KDADDIO, 0x3b4, &mem),
        format!("ioctl(-1, 0x4b34, 0x3b4){e}")
    );
}

#[test]
fn values_by_the_request() {
    let mem = FakeMemory::new();
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        call(KDSETLED, 0xdead_c0de_feed_face, &mem, BAD),
        format!("ioctl(-1, KDSETLED, LED_NUM|LED_CAP|0xc8){e}")
    );
    assert_eq!(
        call(KDSETLED, 0xf0, &mem, BAD),
        format!("ioctl(-1, KDSETLED, 0xf0 /* LED_??? */){e}")
    );
    assert_eq!(
        call(KDSKBLED, 0x71, &mem, BAD),
        format!("ioctl(-1, KDSKBLED, LED_SCR|LED_SCR<<4|LED_NUM<<4|LED_CAP<<4){e}")
    );
    assert_eq!(
        call(KDSETMODE, 0xbadc_0ded_0000_0001, &mem, BAD),
        format!("ioctl(-1, KDSETMODE, KD_GRAPHICS){e}")
    );
    assert_eq!(
        call(KDSKBMODE, 0xffff_ffff, &mem, BAD),
        format!("ioctl(-1, KDSKBMODE, -1 /* K_??? */){e}")
    );
    assert_eq!(
        call(KDSKBMODE, 4, &mem, BAD),
        format!("ioctl(-1, KDSKBMODE, K_OFF){e}")
    );
    assert_eq!(
        styled(ConstStyle::Raw, KDSKBMODE, 5, &mem),
        format!("ioctl(-1, 0x4b45, 5){e}")
    );
    assert_eq!(
        styled(ConstStyle::Verbose, KDSKBMODE, 1, &mem),
        format!("ioctl(-1, 0x4b45 /* KDSKBMODE */, 1 /* K_XLATE */){e}")
    );
    assert_eq!(
        call(KDSKBMETA, 3, &mem, BAD),
        format!("ioctl(-1, KDSKBMETA, K_METABIT){e}")
    );
    assert_eq!(
        call(KDSIGACCEPT, 10, &mem, BAD),
        format!("ioctl(-1, KDSIGACCEPT, SIGUSR1){e}")
    );
    assert_eq!(
        call(KDSIGACCEPT, u64::MAX, &mem, BAD),
        format!("ioctl(-1, KDSIGACCEPT, 18446744073709551615){e}")
    );
    assert_eq!(
        call(KDENABIO, 7, &mem, BAD),
        format!("ioctl(-1, KDENABIO){e}")
    );
}

#[test]
fn values_the_kernel_writes() {
    let mem = FakeMemory::new()
        .with(0x1000, &[0xfe])
        .with(0x2000, &words32(&[0xcaca_fefe]))
        .with(0x3000, &ints(&[-17_965_395]));
    let ok = " = 0";
    assert_eq!(
        call(KDGETLED, 0x1000, &mem, OK),
        format!("ioctl(-1, KDGETLED, [LED_NUM|LED_CAP|0xf8]){ok}")
    );
    assert_eq!(
        call(KDGKBTYPE, 0x1000, &mem, OK),
        format!("ioctl(-1, KDGKBTYPE, [0xfe /* KB_??? */]){ok}")
    );
    assert_eq!(
        call(KDGETMODE, 0x2000, &mem, OK),
        format!("ioctl(-1, KDGETMODE, [0xcacafefe /* KD_??? */]){ok}")
    );
    assert_eq!(
        call(KDGKBMODE, 0x3000, &mem, OK),
        format!("ioctl(-1, KDGKBMODE, [-17965395 /* K_??? */]){ok}")
    );
    assert_eq!(
        call(KDGKBMODE, 0x3000, &mem, BAD),
        "ioctl(-1, KDGKBMODE, 0x3000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(KDGKBMODE, 0, &mem, OK),
        format!("ioctl(-1, KDGKBMODE, NULL){ok}")
    );
}

#[test]
fn maps_and_fonts_in_hex() {
    let map: Vec<u8> = (0..=255).collect();
    let mem = FakeMemory::new()
        .with(0x1000, &map)
        .with(0x2fe0, &map[..32]);
    let hex32: String = (0..32).map(|b| format!("\\x{b:02x}")).collect();
    assert_eq!(
        call(PIO_SCRNMAP, 0x1000, &mem, BAD),
        format!("ioctl(-1, PIO_SCRNMAP, \"{hex32}\"...) = -1 EBADF (Bad file descriptor)")
    );
    assert_eq!(
        call(GIO_SCRNMAP, 0x1000, &mem, BAD),
        "ioctl(-1, GIO_SCRNMAP, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(GIO_SCRNMAP, 0x1000, &mem, OK),
        format!("ioctl(-1, GIO_SCRNMAP, \"{hex32}\"...) = 0")
    );
    // 32 bytes readable of the 48 of a palette: one more than -s cannot be read.
    assert_eq!(
        call(PIO_CMAP, 0x2fe0, &mem, BAD),
        "ioctl(-1, PIO_CMAP, 0x2fe0) = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn unicode_screen_maps_name_the_direct_region() {
    let map: Vec<u8> = [0xefd5u16, 0xf015, 0xf213]
        .iter()
        .flat_map(|c| c.to_ne_bytes())
        .collect();
    let mem = FakeMemory::new().with(0x1ffa, &map);
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        call(PIO_UNISCRNMAP, 0x1ffa, &mem, BAD),
        format!(
            "ioctl(-1, PIO_UNISCRNMAP, [0xefd5, UNI_DIRECT_BASE+0x15, 0xf213, ... /* 0x2000 */]){e}"
        )
    );
    assert_eq!(
        styled(ConstStyle::Verbose, PIO_UNISCRNMAP, 0x1ffa, &mem),
        format!(
            "ioctl(-1, 0x4b6a /* PIO_UNISCRNMAP */, [0xefd5, 0xf015 /* UNI_DIRECT_BASE+0x15 */, \
             0xf213, ... /* 0x2000 */]){e}"
        )
    );
    assert_eq!(
        styled(ConstStyle::Raw, PIO_UNISCRNMAP, 0x1ffa, &mem),
        format!("ioctl(-1, 0x4b6a, [0xefd5, 0xf015, 0xf213, ... /* 0x2000 */]){e}")
    );
}

#[test]
fn keymap_entries_name_their_keysym() {
    let entry = |table: u8, index: u8, value: u16| {
        let mut v = vec![table, index];
        v.extend(value.to_ne_bytes());
        v
    };
    let mem = FakeMemory::new()
        .with(0x1000, &entry(0, 0, 0x27e))
        .with(0x2000, &entry(0x4, 207, 0xd5c))
        .with(0x3000, &entry(3, 1, 0xf00d))
        .with(0x4000, &entry(1, 2, 0x841))
        .with(0x7ffe, &[0xa8, 168]);
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        call(KDSKBENT, 0x1000, &mem, BAD),
        format!(
            "ioctl(-1, KDSKBENT, {{kb_table=K_NORMTAB, kb_index=0, kb_value=0x27e /* K_ALLOCATED */}}){e}"
        )
    );
    assert_eq!(
        call(KDSKBENT, 0x2000, &mem, BAD),
        format!(
            "ioctl(-1, KDSKBENT, {{kb_table=1<<KG_CTRL, kb_index=207, kb_value=0xd5c \
             /* K(KT_DEAD2, '\\\\') */}}){e}"
        )
    );
    assert_eq!(
        call(KDSKBENT, 0x3000, &mem, BAD),
        format!(
            "ioctl(-1, KDSKBENT, {{kb_table=K_ALTSHIFTTAB, kb_index=1, kb_value=0xf00d /* K(0xf0, 0xd) */}}){e}"
        )
    );
    assert_eq!(
        call(KDSKBENT, 0x7ffe, &mem, BAD),
        format!(
            "ioctl(-1, KDSKBENT, {{kb_table=1<<KG_ALT|1<<KG_SHIFTR|1<<KG_CTRLR, kb_index=168, kb_value=???}}){e}"
        )
    );
    // A get shows the value only after a success.
    assert_eq!(
        call(KDGKBENT, 0x4000, &mem, BAD),
        format!("ioctl(-1, KDGKBENT, {{kb_table=K_SHIFTTAB, kb_index=2}}){e}")
    );
    assert_eq!(
        call(KDGKBENT, 0x4000, &mem, OK),
        "ioctl(-1, KDGKBENT, {kb_table=K_SHIFTTAB, kb_index=2, kb_value=0x841 /* K(KT_META, 'A') */}) = 0"
    );
    assert_eq!(
        styled(ConstStyle::Raw, KDSKBENT, 0x1000, &mem),
        format!("ioctl(-1, 0x4b47, {{kb_table=0, kb_index=0, kb_value=0x27e}}){e}")
    );
    assert_eq!(
        styled(ConstStyle::Verbose, KDSKBENT, 0x2000, &mem),
        format!(
            "ioctl(-1, 0x4b47 /* KDSKBENT */, {{kb_table=0x4 /* 1<<KG_CTRL */, kb_index=207, \
             kb_value=0xd5c /* K(KT_DEAD2, '\\\\') */}}){e}"
        )
    );
    assert_eq!(call(KDGKBENT, 0, &mem, OK), "ioctl(-1, KDGKBENT, NULL) = 0");
}

#[test]
fn function_key_strings_end_at_their_nul() {
    let mut ended = vec![0x19u8];
    ended.extend(b"\x1b[6~\0");
    let mut long = vec![0u8];
    long.extend([b'a'; 40]);
    long.push(0);
    let mem = FakeMemory::new()
        .with(0x1000, &ended)
        .with(0x2000, &long)
        .with(0x3ffe, &[0xfe, b'x']);
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        call(KDSKBSENT, 0x1000, &mem, BAD),
        format!("ioctl(-1, KDSKBSENT, {{kb_func=KVAL(K_PGDN), kb_string=\"\\33[6~\"}}){e}")
    );
    let a32 = "a".repeat(32);
    assert_eq!(
        call(KDSKBSENT, 0x2000, &mem, BAD),
        format!("ioctl(-1, KDSKBSENT, {{kb_func=KVAL(K_F1), kb_string=\"{a32}\"...}}){e}")
    );
    assert_eq!(
        call(KDSKBSENT, 0x3ffe, &mem, BAD),
        format!("ioctl(-1, KDSKBSENT, {{kb_func=KVAL(K_F245), kb_string=???}}){e}")
    );
    assert_eq!(
        call(KDGKBSENT, 0x1000, &mem, BAD),
        format!("ioctl(-1, KDGKBSENT, {{kb_func=KVAL(K_PGDN)}}){e}")
    );
    assert_eq!(
        call(KDGKBSENT, 0x1000, &mem, OK),
        "ioctl(-1, KDGKBSENT, {kb_func=KVAL(K_PGDN), kb_string=\"\\33[6~\"}) = 0"
    );
}

#[test]
fn accent_tables_as_characters_or_in_hex() {
    let mut table = words32(&[2]);
    table.extend(b"a\n\\'`\x7f");
    let mut uc = words32(&[257]);
    uc.extend(words32(&[0x300, 0x61, 0xe0]));
    let mem = FakeMemory::new().with(0x1000, &table).with(0x2ff0, &uc);
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        call(KDSKBDIACR, 0x1000, &mem, BAD),
        format!(
            "ioctl(-1, KDSKBDIACR, {{kb_cnt=2, kbdiacr=[{{diacr='a', base='\\n', result='\\\\'}}, \
             {{diacr='\\'', base='`', result='\\x7f'}}]}}){e}"
        )
    );
    assert_eq!(
        call(KDSKBDIACRUC, 0x2ff0, &mem, BAD),
        format!(
            "ioctl(-1, KDSKBDIACRUC, {{kb_cnt=257, kbdiacruc=[{{diacr=0x300, base=0x61, result=0xe0}}, \
             ... /* 0x3000 */]}}){e}"
        )
    );
    // More than the kernel's 256, all shown: `...` after them.
    let mut full = words32(&[300]);
    full.extend(vec![b'x'; 256 * 3]);
    let mem = FakeMemory::new().with(0x1000, &full);
    let opts = opts(false, true, 32);
    let l = line_opts(
        NR_IOCTL,
        [-1i64 as u64, KDSKBDIACR, 0x1000, 0, 0, 0],
        &mem,
        BAD,
        opts,
    );
    assert!(
        l.contains("{diacr='x', base='x', result='x'}, ...]}"),
        "{l}"
    );
    assert_eq!(l.matches("{diacr=").count(), 256);
}

#[test]
fn keycodes_and_repeat_rates_show_what_the_kernel_wrote() {
    let before = FakeMemory::new()
        .with(0x1000, &words32(&[0xfeed, 0]))
        .with(0x2000, &ints(&[-1, 250]));
    let after = FakeMemory::new()
        .with(0x1000, &words32(&[0xfeed, 0x1d]))
        .with(0x2000, &ints(&[500, 33]));
    assert_eq!(
        changed(KDGETKEYCODE, 0x1000, &before, &after),
        "ioctl(-1, KDGETKEYCODE, {scancode=0xfeed, keycode=0 => 0x1d}) = 0"
    );
    assert_eq!(
        call(KDGETKEYCODE, 0x1000, &before, BAD),
        "ioctl(-1, KDGETKEYCODE, {scancode=0xfeed, keycode=0}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(KDSETKEYCODE, 0x1000, &after, OK),
        "ioctl(-1, KDSETKEYCODE, {scancode=0xfeed, keycode=0x1d}) = 0"
    );
    assert_eq!(
        changed(KDKBDREP, 0x2000, &before, &after),
        "ioctl(-1, KDKBDREP, {delay=-1, period=250} => {delay=500, period=33}) = 0"
    );
    assert_eq!(
        call(KDGETKEYCODE, 0, &before, OK),
        "ioctl(-1, KDGETKEYCODE, NULL) = 0"
    );
}

#[test]
fn unicode_maps_count_what_was_given_and_got() {
    let mut desc = vec![0u8; 16];
    desc[..2].copy_from_slice(&2u16.to_ne_bytes());
    desc[8..].copy_from_slice(&0x2000u64.to_ne_bytes());
    let mut got = desc.clone();
    got[..2].copy_from_slice(&5u16.to_ne_bytes());
    let pairs: Vec<u8> = [0x41u16, 1, 0x42, 2]
        .iter()
        .flat_map(|c| c.to_ne_bytes())
        .collect();
    let before = FakeMemory::new().with(0x1000, &desc).with(0x2000, &pairs);
    let after = FakeMemory::new().with(0x1000, &got).with(0x2000, &pairs);
    assert_eq!(
        changed(GIO_UNIMAP, 0x1000, &before, &after),
        "ioctl(-1, GIO_UNIMAP, {entry_ct=2 => 5, entries=[{unicode=0x41, fontpos=0x1}, \
         {unicode=0x42, fontpos=0x2}]}) = 0"
    );
    assert_eq!(
        call(GIO_UNIMAP, 0x1000, &before, BAD),
        "ioctl(-1, GIO_UNIMAP, {entry_ct=2 => 2, entries=0x2000}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PIO_UNIMAP, 0x1000, &before, BAD),
        "ioctl(-1, PIO_UNIMAP, {entry_ct=2, entries=[{unicode=0x41, fontpos=0x1}, \
         {unicode=0x42, fontpos=0x2}]}) = -1 EBADF (Bad file descriptor)"
    );
    let clr: Vec<u8> = [1u16, 2, 3].iter().flat_map(|c| c.to_ne_bytes()).collect();
    let mem = FakeMemory::new().with(0x3000, &clr);
    assert_eq!(
        call(PIO_UNIMAPCLR, 0x3000, &mem, OK),
        "ioctl(-1, PIO_UNIMAPCLR, {advised_hashsize=1, advised_hashstep=2, advised_hashlevel=3}) = 0"
    );
}

#[test]
fn font_descriptions_and_operations() {
    let mut desc = vec![0u8; 16];
    desc[..4].copy_from_slice(&[1, 0, 16, 0]);
    desc[8..].copy_from_slice(&0x2000u64.to_ne_bytes());
    let mut op = words32(&[1, 0x1, 8, 16, 1, 0]);
    op.extend(0x2000u64.to_ne_bytes());
    let mut set_default = words32(&[2, 0, 8, 16, 0, 0]);
    set_default.extend(0x3000u64.to_ne_bytes());
    let mut copy = words32(&[3, 0, 8, 16, 0, 0]);
    copy.extend(0u64.to_ne_bytes());
    let font = vec![0xaa; 32];
    let mem = FakeMemory::new()
        .with(0x1000, &desc)
        .with(0x2000, &font)
        .with(0x3000, &[b'x'; 32])
        .with(0x4000, &op)
        .with(0x5000, &set_default)
        .with(0x6000, &copy);
    let aa = "\\xaa".repeat(32);
    assert_eq!(
        call(GIO_FONTX, 0x1000, &mem, OK),
        format!(
            "ioctl(-1, GIO_FONTX, {{charcount=1, charheight=16, chardata=0x2000}} => \
             {{charcount=1, charheight=16, chardata=\"{aa}\"}}) = 0"
        )
    );
    assert_eq!(
        call(GIO_FONTX, 0x1000, &mem, BAD),
        "ioctl(-1, GIO_FONTX, {charcount=1, charheight=16, chardata=0x2000}) \
         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(KDFONTOP, 0x4000, &mem, OK),
        format!(
            "ioctl(-1, KDFONTOP, {{op=KD_FONT_OP_GET, flags=KD_FONT_FLAG_DONT_RECALC, width=8, \
             height=16, charcount=1, data=0x2000}} => {{width=8, height=16, charcount=1, \
             data=\"{aa}\"}}) = 0"
        )
    );
    // The name fills its 32 bytes with no NUL: 31 shown.
    let x31 = "x".repeat(31);
    assert_eq!(
        call(KDFONTOP, 0x5000, &mem, OK),
        format!(
            "ioctl(-1, KDFONTOP, {{op=KD_FONT_OP_SET_DEFAULT, width=8, height=16, \
             data=\"{x31}\"...}} => {{width=8, height=16}}) = 0"
        )
    );
    assert_eq!(
        call(KDFONTOP, 0x6000, &mem, OK),
        "ioctl(-1, KDFONTOP, {op=KD_FONT_OP_COPY, height=16}) = 0"
    );
}
