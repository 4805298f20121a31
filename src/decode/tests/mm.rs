//! Memory-management calls (`decode/mm.rs`): `mincore`'s vector, with `madvise`, `mremap`,
//! `membarrier` and `remap_file_pages`.

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

/// Protection keys and `vmsplice`'s iovecs and flags.
#[test]
fn pkeys_and_vmsplice() {
    const NR_VMSPLICE: u64 = 278;
    const NR_PKEY_MPROTECT: u64 = 329;
    const NR_PKEY_ALLOC: u64 = 330;
    const NR_PKEY_FREE: u64 = 331;
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x2000, 3, 0x3000, 5]))
        .with(0x2000, b"012")
        .with(0x3000, b"34567");
    let cases: [([u64; 6], Outcome, &str); 7] = [
        (
            [0, 0xbadc_0ded_0000_0002, 0, 0, 0, 0],
            Outcome::Err(EINVAL),
            "pkey_alloc(0, PKEY_DISABLE_WRITE|0xbadc0ded00000000) = -1 EINVAL (Invalid argument)",
        ),
        (
            [0x1234, 0xbadc_0de8, 0, 0, 0, 0],
            Outcome::Err(EINVAL),
            "pkey_alloc(0x1234, 0xbadc0de8 /* PKEY_??? */) = -1 EINVAL (Invalid argument)",
        ),
        (
            [0, 0x5, 0, 0, 0, 0],
            Outcome::Ok(1),
            "pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_EXECUTE) = 1",
        ),
        (
            [0xffff_0000_1111_eeee, 0, 0, 0, 0, 0],
            Outcome::Err(EINVAL),
            "pkey_free(286387950)                    = -1 EINVAL (Invalid argument)",
        ),
        (
            [0, 0, 1, u64::MAX, 0, 0],
            Outcome::Ok(0),
            "pkey_mprotect(NULL, 0, PROT_READ, -1)   = 0",
        ),
        (
            [0x7000, 4096, 0xdead_feed_00ca_7500, 1, 0, 0],
            Outcome::Err(EINVAL),
            "pkey_mprotect(0x7000, 4096, 0xdeadfeed00ca7500 /* PROT_??? */, 1) = -1 EINVAL (Invalid argument)",
        ),
        (
            [1, 0x1000, 2, 2, 0, 0],
            Outcome::Ok(8),
            r#"vmsplice(1, [{iov_base="012", iov_len=3}, {iov_base="34567", iov_len=5}], 2, SPLICE_F_NONBLOCK) = 8"#,
        ),
    ];
    let nrs = [
        NR_PKEY_ALLOC,
        NR_PKEY_ALLOC,
        NR_PKEY_ALLOC,
        NR_PKEY_FREE,
        NR_PKEY_MPROTECT,
        NR_PKEY_MPROTECT,
        NR_VMSPLICE,
    ];
    for (nr, (args, outcome, want)) in nrs.into_iter().zip(cases) {
        assert_eq!(line(nr, args, &mem, outcome), want);
    }
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

#[test]
fn remap_file_pages_flags() {
    const NR_REMAP_FILE_PAGES: u64 = 216;
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_REMAP_FILE_PAGES,
            [
                0xface_feed_dead_beef,
                0xdefa_ced1_bad2_f00d,
                7,
                0xcaf3_babe_bad4_deed,
                0x22,
                0
            ],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "remap_file_pages(0xfacefeeddeadbeef, 16067382020775538701, PROT_READ|PROT_WRITE|PROT_EXEC, 14624237743343197933, MAP_PRIVATE|MAP_ANONYMOUS) = -1 EINVAL (Invalid argument)"
    );
    // The whole register, prot included, as strace's printflags64.
    assert_eq!(
        line(
            NR_REMAP_FILE_PAGES,
            [0x1000, 4096, 0x0def_aced_0000_0000, 0, 0x5404_401f, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "remap_file_pages(0x1000, 4096, 0xdefaced00000000 /* PROT_??? */, 0, 0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT) = -1 EINVAL (Invalid argument)"
    );
}

/// The NUMA calls: policy modes with their flags, node masks of `maxnode` bits, `move_pages`'s
/// arrays and status, what a failure leaves.
#[test]
fn numa_calls() {
    use crate::output::ConstStyle::{Raw, Verbose};
    const NR_MBIND: u64 = 237;
    const NR_SET_MEMPOLICY: u64 = 238;
    const NR_GET_MEMPOLICY: u64 = 239;
    const NR_MIGRATE_PAGES: u64 = 256;
    const NR_MOVE_PAGES: u64 = 279;
    const EPERM: u64 = 1;
    const ENODEV: u64 = 19;
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[3, 0x10]))
        .with(0x2000, &ints(&[2]))
        .with(0x3000, &words(&[0x7000, 0]))
        .with(0x4000, &ints(&[1, -1]))
        .with(0x5000, &ints(&[0, -14]));
    let l = |nr, args: [u64; 6], outcome| line(nr, args, &mem, outcome);
    assert_eq!(
        l(
            NR_MBIND,
            [0x7000, 4096, 0x8002, 0x1000, 65, 3],
            Outcome::Ok(0)
        ),
        "mbind(0x7000, 4096, MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000003], 65, MPOL_MF_STRICT|MPOL_MF_MOVE) = 0"
    );
    assert_eq!(
        line_styled(
            Verbose,
            NR_MBIND,
            [0, 0, 0x8002, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mbind(NULL, 0, 0x8002 /* MPOL_BIND|MPOL_F_STATIC_NODES */, NULL, 0, 0) = 0"
    );
    assert_eq!(
        l(
            NR_MBIND,
            [0, 0, 0xffff_ffff_0000_e006, 0, 0, 0],
            Outcome::Err(EINVAL)
        ),
        "mbind(NULL, 0, MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|0xffffffff00000006, NULL, 0, 0) = -1 EINVAL (Invalid argument)"
    );
    // set_mempolicy's mode is an int; a mask of one bit has no whole word.
    assert_eq!(
        l(
            NR_SET_MEMPOLICY,
            [0x1_0000_0006, 0x1000, 1, 0, 0, 0],
            Outcome::Err(EINVAL)
        ),
        "set_mempolicy(0x6 /* MPOL_??? */, 0x1000, 1) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l(NR_SET_MEMPOLICY, [0, 0x1000, 130, 0, 0, 0], Outcome::Ok(0)),
        "set_mempolicy(MPOL_DEFAULT, [0x00000000000003, 0x00000000000010, 0000000000000000], 130) = 0"
    );
    assert_eq!(
        l(
            NR_GET_MEMPOLICY,
            [0x2000, 0x1000, 64, 0, 3, 0],
            Outcome::Ok(0)
        ),
        "get_mempolicy([MPOL_BIND], [0x00000000000003], 64, NULL, MPOL_F_NODE|MPOL_F_ADDR) = 0"
    );
    assert_eq!(
        l(
            NR_GET_MEMPOLICY,
            [0x2000, 0x1000, 0, 0, 8, 0],
            Outcome::Err(EINVAL)
        ),
        "get_mempolicy(0x2000, [], 0, NULL, 0x8 /* MPOL_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l(NR_MIGRATE_PAGES, [42, 64, 0x1000, 0, 0, 0], Outcome::Ok(0)),
        "migrate_pages(42, 64, [0x00000000000003], NULL) = 0"
    );
    let pages = [42, 2, 0x3000, 0x4000, 0x5000, 4];
    assert_eq!(
        l(NR_MOVE_PAGES, pages, Outcome::Ok(0)),
        "move_pages(42, 2, [0x7000, NULL], [1, -1], [0, -EFAULT], MPOL_MF_MOVE_ALL) = 0"
    );
    assert_eq!(
        line_styled(Raw, NR_MOVE_PAGES, pages, &mem, Outcome::Ok(0)),
        "move_pages(42, 2, [0x7000, NULL], [1, -1], [0, -14], 0x4) = 0"
    );
    assert_eq!(
        l(NR_MOVE_PAGES, pages, Outcome::Err(ENODEV)),
        "move_pages(42, 2, [0x7000, NULL], [1, -1], 0x5000, MPOL_MF_MOVE_ALL) = -1 ENODEV (No such device)"
    );
    assert_eq!(
        l(
            NR_MOVE_PAGES,
            [42, 0, 0x3000, 0x4000, 0x5000, 2],
            Outcome::Err(EPERM)
        ),
        "move_pages(42, 0, [], [], [], MPOL_MF_MOVE) = -1 EPERM (Operation not permitted)"
    );
}
