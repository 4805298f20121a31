//! The loop device requests (`decode/ioctl_loop.rs` and the `<linux/loop.h>` rows of
//! `[ioctl_args]`), with strace 6.1's lines for the same values (its tests/ioctl_loop.c).

use super::*;

const LOOP_SET_FD: u64 = 0x4c00;
const LOOP_CLR_FD: u64 = 0x4c01;
const LOOP_SET_STATUS: u64 = 0x4c02;
const LOOP_GET_STATUS: u64 = 0x4c03;
const LOOP_SET_STATUS64: u64 = 0x4c04;
const LOOP_GET_STATUS64: u64 = 0x4c05;
const LOOP_SET_BLOCK_SIZE: u64 = 0x4c09;
const LOOP_CONFIGURE: u64 = 0x4c0a;
const LOOP_CTL_ADD: u64 = 0x4c80;

const BAD: Outcome = Outcome::Err(EBADF);
const E: &str = " = -1 EBADF (Bad file descriptor)";

fn args(code: u64, arg: u64) -> [u64; 6] {
    [-1i64 as u64, code, arg, 0, 0, 0]
}

fn trim(l: String) -> String {
    match l.rsplit_once(" = ") {
        Some((call, ret)) => format!("{} = {ret}", call.trim_end()),
        None => l,
    }
}

/// A `struct loop_info` with an encryption type, key size and flags, its name `name`.
fn info(crypt: u32, key_size: u32, flags: u32, name: &[u8]) -> Vec<u8> {
    let mut v = vec![0u8; 168];
    v[0..4].copy_from_slice(&(-5i32).to_ne_bytes());
    v[8..16].copy_from_slice(&0x801u64.to_ne_bytes());
    v[16..24].copy_from_slice(&12u64.to_ne_bytes());
    v[32..48].copy_from_slice(&words32(&[0x200, crypt, key_size, flags]));
    v[48..48 + name.len()].copy_from_slice(name);
    v[112..116].copy_from_slice(b"key\0");
    v[144..160].copy_from_slice(&words(&[1, 2]));
    v[160..164].copy_from_slice(&[0xa0, 0, 0, 0]);
    v
}

/// A `struct loop_info64` with an encryption type, key size and flags.
fn info64(crypt: u32, key_size: u32, flags: u32) -> Vec<u8> {
    let mut v = words(&[0x801, 12, 0, 0x1000, 4096]);
    v.extend(words32(&[7, crypt, key_size, flags]));
    v.resize(232, 0);
    v[56..60].copy_from_slice(b"/img");
    v[120..123].copy_from_slice(b"aes");
    v[184..186].copy_from_slice(b"kk");
    v
}

#[test]
fn values_and_none() {
    let mem = FakeMemory::new();
    let l = |code, arg| trim(line(NR_IOCTL, args(code, arg), &mem, BAD));
    assert_eq!(
        l(LOOP_SET_FD, 0xdead_beef_badc_0ded),
        format!("ioctl(-1, LOOP_SET_FD, -1159983635){E}")
    );
    assert_eq!(l(LOOP_CLR_FD, 7), format!("ioctl(-1, LOOP_CLR_FD){E}"));
    assert_eq!(
        l(LOOP_CTL_ADD, 0xffff_ffff),
        format!("ioctl(-1, LOOP_CTL_ADD, -1){E}")
    );
    assert_eq!(
        l(LOOP_SET_BLOCK_SIZE, u64::MAX),
        format!("ioctl(-1, LOOP_SET_BLOCK_SIZE, 18446744073709551615){E}")
    );
}

#[test]
fn status_abbreviated_unless_encrypted() {
    let mem = FakeMemory::new()
        .with(0x1000, &info(0, 3, 0x1, b"/tmp/f"))
        .with(0x2000, &info(0xa7a6_a5a4, 1, 0xdefa_ce00, b""))
        .with(0x3000, &info64(0, 2, 0x14))
        .with(0x4000, &info64(18, 2, 0));
    let l = |code, arg| trim(line(NR_IOCTL, args(code, arg), &mem, BAD));
    assert_eq!(
        l(LOOP_SET_STATUS, 0x1000),
        format!(
            "ioctl(-1, LOOP_SET_STATUS, {{lo_number=-5, lo_offset=0x200, \
             lo_flags=LO_FLAGS_READ_ONLY, lo_name=\"/tmp/f\", ...}}){E}"
        )
    );
    assert_eq!(
        l(LOOP_SET_STATUS, 0x2000),
        format!(
            "ioctl(-1, LOOP_SET_STATUS, {{lo_number=-5, lo_offset=0x200, \
             lo_encrypt_type=0xa7a6a5a4 /* LO_CRYPT_??? */, lo_encrypt_key_size=1, \
             lo_flags=0xdeface00 /* LO_FLAGS_??? */, lo_name=\"\", lo_encrypt_key=\"k\", ...}}){E}"
        )
    );
    assert_eq!(
        l(LOOP_SET_STATUS64, 0x3000),
        format!(
            "ioctl(-1, LOOP_SET_STATUS64, {{lo_offset=0x1000, lo_number=7, \
             lo_flags=LO_FLAGS_AUTOCLEAR|LO_FLAGS_DIRECT_IO, lo_file_name=\"/img\", ...}}){E}"
        )
    );
    assert_eq!(
        l(LOOP_SET_STATUS64, 0x4000),
        format!(
            "ioctl(-1, LOOP_SET_STATUS64, {{lo_offset=0x1000, lo_number=7, \
             lo_encrypt_type=LO_CRYPT_CRYPTOAPI, lo_encrypt_key_size=2, lo_flags=0, \
             lo_file_name=\"/img\", lo_crypt_name=\"aes\", lo_encrypt_key=\"kk\", ...}}){E}"
        )
    );
    // A get shows what the kernel wrote, after a success only.
    assert_eq!(
        l(LOOP_GET_STATUS64, 0x3000),
        format!("ioctl(-1, LOOP_GET_STATUS64, 0x3000){E}")
    );
    let ok = trim(line(
        NR_IOCTL,
        args(LOOP_GET_STATUS, 0x1000),
        &mem,
        Outcome::Ok(0),
    ));
    assert!(
        ok.starts_with("ioctl(-1, LOOP_GET_STATUS, {lo_number=-5,"),
        "{ok}"
    );
    assert_eq!(
        l(LOOP_GET_STATUS, 0),
        format!("ioctl(-1, LOOP_GET_STATUS, NULL){E}")
    );
}

#[test]
fn status_whole_under_v() {
    let mem = FakeMemory::new()
        .with(0x1000, &info(0, 40, 0, b"f"))
        .with(0x3000, &info64(0, 2, 0));
    let v = |code, arg| trim(line_verbose(NR_IOCTL, args(code, arg), &mem, BAD));
    // The key's 32 bytes, its NULs too.
    let nuls = "\\0".repeat(29);
    assert_eq!(
        v(LOOP_SET_STATUS, 0x1000),
        format!(
            "ioctl(-1, LOOP_SET_STATUS, {{lo_number=-5, lo_device=makedev(0x8, 0x1), lo_inode=12, \
             lo_rdevice=makedev(0, 0), lo_offset=0x200, lo_encrypt_type=LO_CRYPT_NONE, \
             lo_encrypt_key_size=40, lo_flags=0, lo_name=\"f\", \
             lo_encrypt_key=\"key{nuls}\", \
             lo_init=[0x1, 0x2], reserved=[0xa0, 0, 0, 0]}}){E}"
        )
    );
    assert_eq!(
        v(LOOP_SET_STATUS64, 0x3000),
        format!(
            "ioctl(-1, LOOP_SET_STATUS64, {{lo_device=makedev(0x8, 0x1), lo_inode=12, \
             lo_rdevice=makedev(0, 0), lo_offset=0x1000, lo_sizelimit=4096, lo_number=7, \
             lo_encrypt_type=LO_CRYPT_NONE, lo_encrypt_key_size=2, lo_flags=0, \
             lo_file_name=\"/img\", lo_crypt_name=\"aes\", lo_encrypt_key=\"kk\", \
             lo_init=[0, 0]}}){E}"
        )
    );
}

#[test]
fn configure_shows_reserved_words_when_set() {
    let mut config = words32(&[3, 4096]);
    config.extend(info64(0, 0, 0x1));
    config.extend(words(&[0, 0, 0, 0, 0, 0, 0, 9]));
    let mut plain = config.clone();
    plain[240..].fill(0);
    let mem = FakeMemory::new().with(0x1000, &config).with(0x2000, &plain);
    let l = |arg| trim(line(NR_IOCTL, args(LOOP_CONFIGURE, arg), &mem, BAD));
    assert_eq!(
        l(0x1000),
        format!(
            "ioctl(-1, LOOP_CONFIGURE, {{fd=3, block_size=4096, info={{lo_offset=0x1000, \
             lo_number=7, lo_flags=LO_FLAGS_READ_ONLY, lo_file_name=\"/img\", ...}}, \
             __reserved=[0, 0, 0, 0, 0, 0, 0, 0x9]}}){E}"
        )
    );
    assert_eq!(
        l(0x2000),
        format!(
            "ioctl(-1, LOOP_CONFIGURE, {{fd=3, block_size=4096, info={{lo_offset=0x1000, \
             lo_number=7, lo_flags=LO_FLAGS_READ_ONLY, lo_file_name=\"/img\", ...}}}}){E}"
        )
    );
    let nv = opts(true, false, 32);
    let l = line_opts(NR_IOCTL, args(LOOP_CONFIGURE, 0x1000), &mem, BAD, nv);
    assert_eq!(trim(l), format!("ioctl(-1, LOOP_CONFIGURE, 0x1000){E}"));
}
