//! Keys (`decode/keyctl.rs` and the `named_int` kind): `add_key`, `request_key` and
//! `keyctl`'s commands, as strace 6.1 prints them (its tests keyctl*.c, add_key.c,
//! request_key.c).

use super::*;
use crate::output::ConstStyle;

const NR_ADD_KEY: u64 = 248;
const NR_REQUEST_KEY: u64 = 249;
const NR_KEYCTL: u64 = 250;
const ENOKEY: u64 = 126;
const EOPNOTSUPP: u64 = 95;
/// KEY_SPEC_THREAD_KEYRING and KEY_SPEC_GROUP_KEYRING as the registers hold them.
const THREAD: u64 = -1i64 as u64;
const GROUP: u64 = -6i64 as u64;

fn keyctl(args: [u64; 5], mem: &FakeMemory, outcome: Outcome) -> String {
    let [a, b, c, d, e] = args;
    line(NR_KEYCTL, [a, b, c, d, e, 0], mem, outcome)
}

#[test]
fn add_key_and_request_key() {
    let mem = FakeMemory::new()
        .with(0x1000, b"user\0")
        .with(0x2000, b"desc\0")
        .with(0x3000, b"\x0e\x0f\x10\x11\x12");
    assert_eq!(
        line(
            NR_ADD_KEY,
            [0x1000, 0x2000, 0x3000, 5, THREAD, 0],
            &mem,
            Outcome::Ok(42)
        ),
        r#"add_key("user", "desc", "\16\17\20\21\22", 5, KEY_SPEC_THREAD_KEYRING) = 42"#
    );
    // A keyring no name stands for is a signed number; a payload that cannot be read, its
    // address.
    assert_eq!(
        line(
            NR_ADD_KEY,
            [0, 0, BAD, 10, -1234567890i64 as u64, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "add_key(NULL, NULL, 0x9000, 10, -1234567890) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_REQUEST_KEY,
            [0x1000, 0x2000, 0, 0xffff_fff8, 0, 0],
            &mem,
            Outcome::Err(ENOKEY)
        ),
        r#"request_key("user", "desc", NULL, KEY_SPEC_REQUESTOR_KEYRING) = -1 ENOKEY (Required key not available)"#
    );
    // Under -X the keyring shows as strace's printxval_d does.
    let args = [0, 0, 0, 0, THREAD, 0];
    assert_eq!(
        line_styled(
            ConstStyle::Verbose,
            NR_ADD_KEY,
            args,
            &mem,
            Outcome::Err(EFAULT)
        ),
        "add_key(NULL, NULL, NULL, 0, -1 /* KEY_SPEC_THREAD_KEYRING */) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line_styled(
            ConstStyle::Raw,
            NR_ADD_KEY,
            args,
            &mem,
            Outcome::Err(EFAULT)
        ),
        "add_key(NULL, NULL, NULL, 0, -1)        = -1 EFAULT (Bad address)"
    );
}

#[test]
fn keyctl_commands_read_at_entry() {
    let mem = FakeMemory::new()
        .with(0x1000, b"bogus name\0")
        .with(0x2000, b"shrt desc");
    let cases: [([u64; 5], Outcome, &str); 12] = [
        (
            [0xfacefeed, 1, 2, 3, 4],
            Outcome::Err(EOPNOTSUPP),
            "keyctl(0xfacefeed /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EOPNOTSUPP (Operation not supported)",
        ),
        (
            [0, THREAD, 0xbb40_e64d, 0, 0],
            Outcome::Ok(106270338),
            "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_THREAD_KEYRING, -1153374643) = 106270338",
        ),
        (
            [1, 0x1000, 0, 0, 0],
            Outcome::Ok(5),
            r#"keyctl(KEYCTL_JOIN_SESSION_KEYRING, "bogus name") = 5"#,
        ),
        (
            [2, 0xdeaf_0bad, 0x2000, 9, 0],
            Outcome::Err(EINVAL),
            r#"keyctl(KEYCTL_UPDATE, -558953555, "shrt desc", 9) = -1 EINVAL (Invalid argument)"#,
        ),
        (
            [4, 0xffff_fff8, u64::from(u32::MAX), 3141592653, 0],
            Outcome::Ok(0),
            "keyctl(KEYCTL_CHOWN, KEY_SPEC_REQUESTOR_KEYRING, -1, 3141592653) = 0",
        ),
        (
            [5, THREAD, 0x3f01_0000, 0, 0],
            Outcome::Ok(0),
            "keyctl(KEYCTL_SETPERM, KEY_SPEC_THREAD_KEYRING, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = 0",
        ),
        (
            [5, 7, 0xc0c0_c0c0, 0, 0],
            Outcome::Err(EINVAL),
            "keyctl(KEYCTL_SETPERM, 7, 0xc0c0c0c0 /* KEY_??? */) = -1 EINVAL (Invalid argument)",
        ),
        (
            [10, GROUP, 0x1000, BAD, 12],
            Outcome::Err(EFAULT),
            r#"keyctl(KEYCTL_SEARCH, KEY_SPEC_GROUP_KEYRING, "bogus name", 0x9000, 12) = -1 EFAULT (Bad address)"#,
        ),
        (
            [14, 0xbb23_4d6d, 0, 0, 0],
            Outcome::Err(EINVAL),
            "keyctl(KEYCTL_SET_REQKEY_KEYRING, -1155314323 /* KEY_REQKEY_DEFL_??? */) = -1 EINVAL (Invalid argument)",
        ),
        (
            [18, 0, 0, 0, 0],
            Outcome::Ok(0),
            "keyctl(KEYCTL_SESSION_TO_PARENT)        = 0",
        ),
        (
            [19, 1, 60, 19, GROUP],
            Outcome::Err(EINVAL),
            "keyctl(KEYCTL_REJECT, 1, 60, ENODEV, KEY_SPEC_GROUP_KEYRING) = -1 EINVAL (Invalid argument)",
        ),
        (
            [30, THREAD, 5, THREAD, 0xffff_ffff],
            Outcome::Err(EINVAL),
            "keyctl(KEYCTL_MOVE, KEY_SPEC_THREAD_KEYRING, 5, KEY_SPEC_THREAD_KEYRING, KEYCTL_MOVE_EXCL|0xfffffffe) = -1 EINVAL (Invalid argument)",
        ),
    ];
    for (args, outcome, want) in cases {
        assert_eq!(keyctl(args, &mem, outcome), want);
    }
    // strace's -X styles: the command in hex, keys and errors in decimal.
    assert_eq!(
        line_styled(
            ConstStyle::Verbose,
            NR_KEYCTL,
            [19, 1, 60, 19, GROUP, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "keyctl(0x13 /* KEYCTL_REJECT */, 1, 60, 19 /* ENODEV */, -6 /* KEY_SPEC_GROUP_KEYRING */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_styled(
            ConstStyle::Raw,
            NR_KEYCTL,
            [14, 0xbb23_4d6d, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "keyctl(0xe, -1155314323)                = -1 EINVAL (Invalid argument)"
    );
}

/// The commands that write a buffer show it at exit, as long as the call returned (but no
/// longer than the buffer), a trailing NUL left out where the kernel ends a string with one.
#[test]
fn keyctl_read_describe_and_capabilities() {
    let mem = FakeMemory::new()
        .with(0x1000, b"keyring;0;0;3f010000;_tid\0")
        .with(0x2000, b"\xff\xff\xff")
        .with(0x3000, &[0xeb, 0x03, 0x7f]);
    let cases: [([u64; 5], Outcome, &str); 7] = [
        (
            [6, THREAD, 0x1000, 256, 0],
            Outcome::Ok(26),
            r#"keyctl(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, "keyring;0;0;3f010000;_tid", 256) = 26"#,
        ),
        (
            [6, THREAD, 0x2000, 3, 0],
            Outcome::Ok(26),
            r#"keyctl(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, "\377\377\377", 3) = 26"#,
        ),
        (
            [11, THREAD, 0x1000, 4, 0],
            Outcome::Ok(26),
            r#"keyctl(KEYCTL_READ, KEY_SPEC_THREAD_KEYRING, "keyr", 4) = 26"#,
        ),
        (
            [17, 5, 0x1000, 9, 0],
            Outcome::Err(EINVAL),
            "keyctl(KEYCTL_GET_SECURITY, 5, 0x1000, 9) = -1 EINVAL (Invalid argument)",
        ),
        (
            [31, 0x3000, 2, 0, 0],
            Outcome::Ok(2),
            "keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_PERSISTENT_KEYRINGS|KEYCTL_CAPS0_PUBLIC_KEY|KEYCTL_CAPS0_INVALIDATE|KEYCTL_CAPS0_RESTRICT_KEYRING|KEYCTL_CAPS0_MOVE, KEYCTL_CAPS1_NS_KEYRING_NAME|KEYCTL_CAPS1_NS_KEY_TAG], 2) = 2",
        ),
        (
            [31, 0x3000, 8, 0, 0],
            Outcome::Ok(3),
            "keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_PERSISTENT_KEYRINGS|KEYCTL_CAPS0_PUBLIC_KEY|KEYCTL_CAPS0_INVALIDATE|KEYCTL_CAPS0_RESTRICT_KEYRING|KEYCTL_CAPS0_MOVE, KEYCTL_CAPS1_NS_KEYRING_NAME|KEYCTL_CAPS1_NS_KEY_TAG, 0x7f], 8) = 3",
        ),
        (
            [31, BAD, 2, 0, 0],
            Outcome::Err(EFAULT),
            "keyctl(KEYCTL_CAPABILITIES, 0x9000, 2)  = -1 EFAULT (Bad address)",
        ),
    ];
    for (args, outcome, want) in cases {
        assert_eq!(keyctl(args, &mem, outcome), want);
    }
    assert_eq!(
        line_with(
            NR_KEYCTL,
            [11, 5, 0x1000, 256, 0, 0],
            &mem,
            Outcome::Ok(26),
            10
        ),
        r#"keyctl(KEYCTL_READ, 5, "keyring;0;"..., 256) = 26"#
    );
    // A string the call ended with a NUL at the `-s` limit is not cut (strace's
    // QUOTE_OMIT_TRAILING_0 ends the string there).
    let mem = FakeMemory::new().with(0x1000, b"abc\0efgh");
    assert_eq!(
        line_with(NR_KEYCTL, [6, 5, 0x1000, 8, 0, 0], &mem, Outcome::Ok(8), 4),
        r#"keyctl(KEYCTL_DESCRIBE, 5, "abc", 8)    = 8"#
    );
}

/// `KEYCTL_DH_COMPUTE`'s params at entry, its result and the KDF params at exit (which
/// strace reads whatever the outcome).
#[test]
fn keyctl_dh_compute() {
    let mut kdf = vec![0u8; 56];
    put(&mut kdf, 0, 0x2000u64.to_ne_bytes());
    put(&mut kdf, 8, 0x6000u64.to_ne_bytes());
    put(&mut kdf, 16, 3u32.to_ne_bytes());
    put(&mut kdf, 48, 0xdead_feedu32.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &ints(&[-6, 1234567890, -1153374643]))
        .with(0x2000, b"hmac(aes)\0")
        .with(0x6000, b"\x01\x02\x03")
        .with(0x3000, &kdf)
        .with(0x4000, b"secret");
    assert_eq!(
        keyctl(
            [23, 0x1000, 0x4000, 99, 0x3000],
            &mem,
            Outcome::Err(EOPNOTSUPP)
        ),
        r#"keyctl(KEYCTL_DH_COMPUTE, {private=KEY_SPEC_GROUP_KEYRING, prime=1234567890, base=-1153374643}, 0x4000, 99, {hashname="hmac(aes)", otherinfo="\1\2\3", otherinfolen=3, __spare=[0, 0, 0, 0, 0, 0, 0, 0xdeadfeed]}) = -1 EOPNOTSUPP (Operation not supported)"#
    );
    assert_eq!(
        keyctl([23, BAD, 0x4000, 99, 0], &mem, Outcome::Ok(6)),
        r#"keyctl(KEYCTL_DH_COMPUTE, 0x9000, "secret", 99, NULL) = 6"#
    );
}

/// The public key operations: the params' lengths say how much of each buffer to show; the
/// output buffer of encrypt, decrypt and sign shows at exit as long as the params said.
#[test]
fn keyctl_pkey_operations() {
    let mut params = ints(&[-2, 3, 5]);
    params.extend_from_slice(&ints(&[0, 0xface, 0, 0, 0, 0, 0]));
    let mut query = vec![0u8; 56];
    put(&mut query, 0, 5u32.to_ne_bytes());
    put(&mut query, 4, 2048u32.to_ne_bytes());
    put(&mut query, 8, 256u16.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &params)
        .with(0x2000, b"enc=pkcs1\0")
        .with(0x3000, b"abcdef")
        .with(0x4000, b"12345")
        .with(0x5000, &query);
    assert_eq!(
        keyctl([25, 0x1000, 0x2000, 0x3000, 0x4000], &mem, Outcome::Ok(5)),
        r#"keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=KEY_SPEC_PROCESS_KEYRING, in_len=3, out_len=5, __spare=[0, 0xface, 0, 0, 0, 0, 0]}, "enc=pkcs1", "abc", "12345") = 5"#
    );
    assert_eq!(
        keyctl(
            [27, 0x1000, 0x2000, 0x3000, 0x4000],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"keyctl(KEYCTL_PKEY_SIGN, {key_id=KEY_SPEC_PROCESS_KEYRING, in_len=3, out_len=5, __spare=[0, 0xface, 0, 0, 0, 0, 0]}, "enc=pkcs1", "abc", 0x4000) = -1 EINVAL (Invalid argument)"#
    );
    // Params that cannot be read: every buffer shows as its address, at entry.
    assert_eq!(
        keyctl(
            [26, BAD, 0x2000, 0x3000, 0x4000],
            &mem,
            Outcome::Err(EFAULT)
        ),
        r#"keyctl(KEYCTL_PKEY_DECRYPT, 0x9000, "enc=pkcs1", 0x3000, 0x4000) = -1 EFAULT (Bad address)"#
    );
    assert_eq!(
        keyctl(
            [28, 0x1000, 0x2000, 0x3000, 0x4000],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"keyctl(KEYCTL_PKEY_VERIFY, {key_id=KEY_SPEC_PROCESS_KEYRING, in_len=3, in2_len=5, __spare=[0, 0xface, 0, 0, 0, 0, 0]}, "enc=pkcs1", "abc", "12345") = -1 EINVAL (Invalid argument)"#
    );
    assert_eq!(
        keyctl([24, THREAD, 0, 0x2000, 0x5000], &mem, Outcome::Ok(0)),
        r#"keyctl(KEYCTL_PKEY_QUERY, KEY_SPEC_THREAD_KEYRING, 0, "enc=pkcs1", {supported_ops=KEYCTL_SUPPORTS_ENCRYPT|KEYCTL_SUPPORTS_SIGN, key_size=2048, max_data_size=256, max_sig_size=0, max_enc_size=0, max_dec_size=0}) = 0"#
    );
    // A query that failed shows the struct's address.
    assert_eq!(
        keyctl([24, THREAD, 0, 0x2000, 0x5000], &mem, Outcome::Err(EINVAL)),
        r#"keyctl(KEYCTL_PKEY_QUERY, KEY_SPEC_THREAD_KEYRING, 0, "enc=pkcs1", 0x5000) = -1 EINVAL (Invalid argument)"#
    );
}

#[test]
fn keyctl_instantiate_iov() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x2000, 4, 0x3000, 3]))
        .with(0x2000, b"abcd")
        .with(0x3000, b"xyz");
    assert_eq!(
        keyctl([20, 7, 0x1000, 2, GROUP], &mem, Outcome::Err(EINVAL)),
        r#"keyctl(KEYCTL_INSTANTIATE_IOV, 7, [{iov_base="abcd", iov_len=4}, {iov_base="xyz", iov_len=3}], 2, KEY_SPEC_GROUP_KEYRING) = -1 EINVAL (Invalid argument)"#
    );
}
