//! `seccomp` (`decode/seccomp.rs`): its flags and third argument by operation, and the struct
//! `SECCOMP_GET_NOTIF_SIZES` fills, shown at exit.

use super::*;

const NR_SECCOMP: u64 = 317;
const EOPNOTSUPP: u64 = 95;

#[test]
fn operations_and_their_arguments() {
    let fprog = words(&[7, 0x5000]);
    let mem = FakeMemory::new()
        .with(0x1000, &fprog)
        .with(0x2000, &words32(&[0x7fc0_0000]))
        .with(0x3000, &words32(&[0xffff_ffff]))
        .with(0x4000, &[80, 0, 24, 0, 64, 0]);
    assert_eq!(
        line(NR_SECCOMP, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL) = 0"
    );
    assert_eq!(
        line(
            NR_SECCOMP,
            [u64::MAX, u64::MAX, 0xfacefeeddeadbeef, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "seccomp(0xffffffff /* SECCOMP_SET_MODE_??? */, 0xffffffff, 0xfacefeeddeadbeef) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SECCOMP,
            [1, u64::MAX, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG|SECCOMP_FILTER_FLAG_SPEC_ALLOW|SECCOMP_FILTER_FLAG_NEW_LISTENER|SECCOMP_FILTER_FLAG_TSYNC_ESRCH|SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV|0xffffffc0, {len=7, filter=0x5000}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SECCOMP,
            [1, 0x40, BAD, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "seccomp(SECCOMP_SET_MODE_FILTER, 0x40 /* SECCOMP_FILTER_FLAG_??? */, 0x9000) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_SECCOMP, [2, 0, 0x2000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_USER_NOTIF]) = 0"
    );
    // The action is read at entry: a failed call shows it too.
    assert_eq!(
        line(
            NR_SECCOMP,
            [2, 0, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Err(EOPNOTSUPP)
        ),
        "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [0xffffffff /* SECCOMP_RET_??? */]) = -1 EOPNOTSUPP (Operation not supported)"
    );
    assert_eq!(
        line(
            NR_SECCOMP,
            [2, 0xcafef00d, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "seccomp(SECCOMP_GET_ACTION_AVAIL, 0xcafef00d, NULL) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn notif_sizes_at_exit() {
    // The struct, and four bytes of one at the end of the mapping.
    let mem = FakeMemory::new()
        .with(0x4000, &[80, 0, 24, 0, 64, 0])
        .with(0x5ffc, &[1, 0, 2, 0]);
    assert_eq!(
        line(NR_SECCOMP, [3, 0, 0x4000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0"
    );
    // A failed call shows the address it was given (register 2), whatever is there.
    assert_eq!(
        line(
            NR_SECCOMP,
            [3, 0xdeadc0de, 0x4000, 7, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "seccomp(SECCOMP_GET_NOTIF_SIZES, 0xdeadc0de, 0x4000) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_SECCOMP, [3, 0, 0x5ffc, 0, 0, 0], &mem, Outcome::Ok(42)),
        "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, 0x5ffc) = 42"
    );
    assert_eq!(
        line(NR_SECCOMP, [3, 0, 0, 0, 0, 0], &mem, Outcome::Ok(42)),
        "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, NULL) = 42"
    );
}
