//! Memory-management calls (`decode/mm.rs`): `mincore`'s vector, with `madvise`, `mremap` and
//! `membarrier`.

use super::*;

#[test]
fn memory_calls() {
    let mem = FakeMemory::new().with(0x1000, &[1, 0, 1]);
    assert_eq!(
        line(
            NR_MINCORE,
            [0x7000, 12288, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mincore(0x7000, 12288, [1, 0, 1])       = 0"
    );
    assert_eq!(
        line(
            NR_MINCORE,
            [0x7000, 4096, 0x9000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mincore(0x7000, 4096, 0x9000)           = 0"
    );
    assert_eq!(
        line(
            NR_MADVISE,
            [0x7000, 4096, 14, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "madvise(0x7000, 4096, MADV_HUGEPAGE)    = 0"
    );
    assert_eq!(
        line(
            NR_MREMAP,
            [0x7000, 4096, 8192, 3, 0x20000000, 0],
            &mem,
            Outcome::Ok(0x20000000)
        ),
        "mremap(0x7000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = 0x20000000"
    );
    assert_eq!(
        line(
            NR_MREMAP,
            [0x7000, 4096, 8192, 0x18, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mremap(0x7000, 4096, 8192, 0x18 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_MEMBARRIER, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0x9)),
        "membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x9 (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_PRIVATE_EXPEDITED)"
    );
    assert_eq!(
        line(NR_MEMBARRIER, [128, 1, 5, 0, 0, 0], &mem, Outcome::Ok(0)),
        "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 5) = 0"
    );
}

#[test]
fn mincore_vector_stops_at_the_string_limit_unless_v() {
    let mem = FakeMemory::new().with(0x1000, &[1, 0, 1, 1]);
    let args = [0x7000, 4 * 4096, 0x1000, 0, 0, 0];
    assert_eq!(
        line_with(NR_MINCORE, args, &mem, Outcome::Ok(0), 2),
        "mincore(0x7000, 16384, [1, 0, ...])     = 0"
    );
    assert_eq!(
        line_opts(NR_MINCORE, args, &mem, Outcome::Ok(0), opts(false, true, 2)),
        "mincore(0x7000, 16384, [1, 0, 1, 1])    = 0"
    );
    // A vector running into unmapped memory: where it stops, as strace reads it byte by byte.
    let mem = FakeMemory::new().with(0x1ffe, &[1, 1]);
    assert_eq!(
        line(
            NR_MINCORE,
            [0x7000, 3 * 4096, 0x1ffe, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mincore(0x7000, 12288, [1, 1, ... /* 0x2000 */]) = 0"
    );
    // A length whose vector would wrap around the address space: the address.
    assert_eq!(
        line(
            NR_MINCORE,
            [0x7000, u64::MAX - 4095, u64::MAX - 8, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mincore(0x7000, 18446744073709547520, 0xfffffffffffffff7) = 0"
    );
}
