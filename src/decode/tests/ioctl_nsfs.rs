//! The nbd requests (`[ioctl_args]` rows) and the namespace requests of <linux/nsfs.h>,
//! whose return values `decode/ioctl_nsfs.rs` shows.

use super::*;

const NBD_SET_SOCK: u64 = 0xab00;
const NBD_SET_SIZE: u64 = 0xab02;
const NBD_DO_IT: u64 = 0xab03;
const NBD_SET_FLAGS: u64 = 0xab0a;
const NS_GET_USERNS: u64 = 0xb701;
const NS_GET_NSTYPE: u64 = 0xb703;
const NS_GET_OWNER_UID: u64 = 0xb704;

fn ok(code: u64, arg: u64, mem: &FakeMemory, ret: i64) -> String {
    line(NR_IOCTL, [3, code, arg, 0, 0, 0], mem, Outcome::Ok(ret))
}

#[test]
fn nbd_arguments() {
    let mem = FakeMemory::new();
    assert_eq!(
        ok(NBD_SET_SOCK, 4, &mem, 0),
        "ioctl(3, NBD_SET_SOCK, 4)               = 0"
    );
    assert_eq!(
        ok(NBD_SET_SIZE, u64::MAX, &mem, 0),
        "ioctl(3, NBD_SET_SIZE, 18446744073709551615) = 0"
    );
    assert_eq!(
        ok(NBD_DO_IT, 7, &mem, 0),
        "ioctl(3, NBD_DO_IT)                     = 0"
    );
    assert_eq!(
        ok(NBD_SET_FLAGS, 0x8000_040b, &mem, 0),
        "ioctl(3, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS|NBD_FLAG_READ_ONLY|NBD_FLAG_SEND_FUA|NBD_FLAG_SEND_CACHE|0x80000000) = 0"
    );
    assert_eq!(
        ok(NBD_SET_FLAGS, 0, &mem, 0),
        "ioctl(3, NBD_SET_FLAGS, 0)              = 0"
    );
}

#[test]
fn namespace_requests_and_what_they_return() {
    let mem = FakeMemory::new().with(0x1000, &words32(&[1000]));
    assert_eq!(
        ok(NS_GET_USERNS, 0, &mem, 5),
        "ioctl(3, NS_GET_USERNS)                 = 5"
    );
    // A type is named when it is exactly one.
    assert_eq!(
        ok(NS_GET_NSTYPE, 0, &mem, 0x1000_0000),
        "ioctl(3, NS_GET_NSTYPE)                 = 268435456 (CLONE_NEWUSER)"
    );
    assert_eq!(
        ok(NS_GET_NSTYPE, 0, &mem, 0x3000_0000),
        "ioctl(3, NS_GET_NSTYPE)                 = 805306368"
    );
    assert_eq!(
        ok(NS_GET_OWNER_UID, 0x1000, &mem, 0),
        "ioctl(3, NS_GET_OWNER_UID, [1000])      = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, NS_GET_OWNER_UID, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, NS_GET_OWNER_UID, 0x1000)      = -1 EBADF (Bad file descriptor)"
    );
}
