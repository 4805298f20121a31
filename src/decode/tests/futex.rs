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
