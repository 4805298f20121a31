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
fn mmap_flags_above_32_bits_are_not_shown() {
    // strace clears the huge page field with an unsigned int mask, losing bits 32-63.
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_MMAP,
            [0, 4096, 3, 0xd55f_57f9_0000_0022, u64::MAX, 0],
            &mem,
            Outcome::Ok(0x7000)
        ),
        "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7000"
    );
}
