//! `futex` by operation (`decode/futex.rs`).

use super::*;

#[test]
fn futex_by_operation() {
    let ts = words(&[1, 0]);
    let mem = FakeMemory::new().with(0x3000, &ts);
    let f = |op: u64, a: [u64; 4], outcome: Outcome| {
        line(
            NR_FUTEX,
            [0x7f74_991b_3a4c, op, a[0], a[1], a[2], a[3]],
            &mem,
            outcome,
        )
    };
    let cases = [
        (
            129,
            [i32::MAX as u64, 0, 0, 0],
            "FUTEX_WAKE_PRIVATE, 2147483647",
        ),
        (1, [u64::MAX, 0, 0, 0], "FUTEX_WAKE, 4294967295"),
        (0, [5, 0x3000, 0, 0], "FUTEX_WAIT, 5, {tv_sec=1, tv_nsec=0}"),
        (128, [5, 0, 0, 0], "FUTEX_WAIT_PRIVATE, 5, NULL"),
        (0, [5, 0x8, 0, 0], "FUTEX_WAIT, 5, 0x8"),
        (
            393,
            [0, 0, 0, 0xffff_ffff],
            "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY",
        ),
        (10, [1, 0, 0, 3], "FUTEX_WAKE_BITSET, 1, 0x3"),
        (
            131,
            [1, 2, 0x4000, 0],
            "FUTEX_REQUEUE_PRIVATE, 1, 2, 0x4000",
        ),
        (4, [1, 2, 0, 5], "FUTEX_CMP_REQUEUE, 1, 2, NULL, 5"),
        (
            133,
            [1, 2, 0x4000, 0x0400_1000],
            "FUTEX_WAKE_OP_PRIVATE, 1, 2, 0x4000, FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0",
        ),
        (
            5,
            [1, 2, 0x4000, 0xffff_ffff],
            "FUTEX_WAKE_OP, 1, 2, 0x4000, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */|0xfff<<12|0xf<<24 /* FUTEX_OP_CMP_??? */|0xfff",
        ),
        (134, [0, 0, 0, 0], "FUTEX_LOCK_PI_PRIVATE, NULL"),
        (7, [0, 0, 0, 0], "FUTEX_UNLOCK_PI"),
        (
            139,
            [5, 0x3000, 0x4000, 0],
            "FUTEX_WAIT_REQUEUE_PI_PRIVATE, 5, {tv_sec=1, tv_nsec=0}, 0x4000",
        ),
        (130, [1, 0, 0, 0], "FUTEX_FD|FUTEX_PRIVATE_FLAG, 1"),
        (14, [1, 2, 3, 4], "0xe /* FUTEX_??? */, 1, 0x2, 0x3, 0x4"),
        (14, [1, 0, 0, 0], "0xe /* FUTEX_??? */, 1, NULL, NULL, 0"),
        (0x101, [1, 2, 3, 4], "0x101 /* FUTEX_??? */, 1"),
    ];
    for (op, a, shown) in cases {
        let got = f(op, a, Outcome::Ok(0));
        let want = format!("futex(0x7f74991b3a4c, {shown})");
        assert_eq!(
            got,
            format!(
                "{}{}= 0",
                want,
                " ".repeat(40usize.saturating_sub(want.len()).max(1))
            )
        );
    }
}

const NR_FUTEX_WAITV: u64 = 449;
const NR_IO_URING_ENTER: u64 = 426;

/// One `struct futex_waitv`: val, uaddr, flags, __reserved.
fn waiter(val: u64, uaddr: u64, flags: u32, reserved: u32) -> Vec<u8> {
    let mut b = words(&[val, uaddr]);
    b.extend_from_slice(&words32(&[flags, reserved]));
    b
}

#[test]
fn futex_waitv_waiters() {
    let mut two = waiter(0, 0x1000, 0x82, 0);
    two.extend_from_slice(&waiter(1, 0x1004, 0xffff_ffff, 0xffff_ffff));
    let mem = FakeMemory::new()
        .with(0x2000, &two)
        .with(0x3000, &words(&[1, 2]))
        // One waiter, then memory that cannot be read.
        .with(0x5000 - 24, &waiter(5, 0, 0x2, 0));
    let fill = 0xdefa_ced0_0000_0000;
    assert_eq!(
        line(
            NR_FUTEX_WAITV,
            [0x2000, fill | 2, 0, 0x3000, 1, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "futex_waitv([{val=0, uaddr=0x1000, flags=FUTEX_32|FUTEX_PRIVATE_FLAG}, {val=0x1, uaddr=0x1004, flags=FUTEX_32|FUTEX_PRIVATE_FLAG|0xffffff7d, __reserved=0xffffffff}], 2, 0, {tv_sec=1, tv_nsec=2}, CLOCK_MONOTONIC) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(
            NR_FUTEX_WAITV,
            [0x5000 - 24, 2, 1, 0, 0xffff_ffff, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "futex_waitv([{val=0x5, uaddr=NULL, flags=FUTEX_32}, ... /* 0x5000 */], 2, 0x1, NULL, 0xffffffff /* CLOCK_??? */) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_FUTEX_WAITV,
            [0, 1, 0, 0, 1, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "futex_waitv(NULL, 1, 0, NULL, CLOCK_MONOTONIC) = -1 EINVAL (Invalid argument)"
    );
}

/// At most FUTEX_WAITV_MAX (128) waiters, however long `-s` lets arrays be.
#[test]
fn futex_waitv_shows_at_most_128_waiters() {
    let many: Vec<u8> = (0..129).flat_map(|i| waiter(i, 0, 0, 0)).collect();
    let mem = FakeMemory::new().with(0x10000, &many);
    let out = line_with(
        NR_FUTEX_WAITV,
        [0x10000, 129, 0, 0, 1, 0],
        &mem,
        Outcome::Err(EINVAL),
        256,
    );
    assert!(
        out.contains("{val=0x7f, uaddr=NULL, flags=0}, ...], 129,"),
        "{out}"
    );
    let out = line_with(
        NR_FUTEX_WAITV,
        [0x10000, 128, 0, 0, 1, 0],
        &mem,
        Outcome::Err(EINVAL),
        256,
    );
    assert!(
        out.contains("{val=0x7f, uaddr=NULL, flags=0}], 128,"),
        "{out}"
    );
}

#[test]
fn io_uring_enter_flags_and_sigset() {
    let mem = FakeMemory::new().with(0x3000, &words(&[sig(1) | sig(9)]));
    assert_eq!(
        line(
            NR_IO_URING_ENTER,
            [3, 0xdead_beef, 1, 0xff, 0x3000, 8],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_uring_enter(3, 3735928559, 1, IORING_ENTER_GETEVENTS|IORING_ENTER_SQ_WAKEUP|IORING_ENTER_SQ_WAIT|IORING_ENTER_EXT_ARG|IORING_ENTER_REGISTERED_RING|0xe0, [HUP KILL], 8) = -1 EINVAL (Invalid argument)"
    );
}
