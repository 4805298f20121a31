//! Arrays of `struct iovec` (`decode/iov.rs`).

use super::*;

#[test]
fn iovec_arrays() {
    // Two iovecs (base, length): "hello" and "\n".
    let iov = words(&[0x3000, 5, 0x3005, 1]);
    let mem = FakeMemory::new()
        .with(0x2000, &iov)
        .with(0x3000, b"hello\n");
    assert_eq!(
        line(NR_WRITEV, [1, 0x2000, 2, 0, 0, 0], &mem, Outcome::Ok(6)),
        r#"writev(1, [{iov_base="hello", iov_len=5}, {iov_base="\n", iov_len=1}], 2) = 6"#
    );
    // A read shows what it read; a failed one the buffers' addresses.
    assert_eq!(
        line(NR_READV, [3, 0x2000, 2, 0, 0, 0], &mem, Outcome::Ok(3)),
        r#"readv(3, [{iov_base="hel", iov_len=5}, {iov_base="", iov_len=1}], 2) = 3"#
    );
    assert_eq!(
        line(
            NR_READV,
            [99, 0x2000, 2, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "readv(99, [{iov_base=0x3000, iov_len=5}, {iov_base=0x3005, iov_len=1}], 2) = -1 EBADF (Bad file descriptor)"
    );
    // A count whose array would wrap around the address space: the address.
    assert_eq!(
        line(
            NR_READV,
            [4, 0x2000, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "readv(4, 0x2000, 18446744073709551615)  = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_WRITEV, [1, 0, 1, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "writev(1, NULL, 1)                      = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_WRITEV, [1, 0x8, 1, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "writev(1, 0x8, 1)                       = -1 EFAULT (Bad address)"
    );
    // The second iovec is past readable memory: `...` and where it stopped.
    let short = FakeMemory::new()
        .with(0x2ff0, &words(&[0x5000, 5]))
        .with(0x5000, b"hello");
    assert_eq!(
        line(
            NR_WRITEV,
            [1, 0x2ff0, 2, 0, 0, 0],
            &short,
            Outcome::Err(EFAULT)
        ),
        r#"writev(1, [{iov_base="hello", iov_len=5}, ... /* 0x3000 */], 2) = -1 EFAULT (Bad address)"#
    );
}

#[test]
fn iovec_arrays_stop_at_the_string_limit_unless_v() {
    let iov = words(&[0x3000, 2, 0x3002, 2, 0x3004, 2]);
    let mem = FakeMemory::new().with(0x2000, &iov).with(0x3000, b"aabbcc");
    let args = [1, 0x2000, 3, 0, 0, 0];
    assert_eq!(
        line_with(NR_WRITEV, args, &mem, Outcome::Ok(6), 2),
        r#"writev(1, [{iov_base="aa", iov_len=2}, {iov_base="bb", iov_len=2}, ...], 3) = 6"#
    );
    // -v shows every element; each buffer is still cut at -s bytes.
    assert_eq!(
        line_opts(NR_WRITEV, args, &mem, Outcome::Ok(6), opts(false, true, 1)),
        r#"writev(1, [{iov_base="a"..., iov_len=2}, {iov_base="b"..., iov_len=2}, {iov_base="c"..., iov_len=2}], 3) = 6"#
    );
}

/// `process_madvise`'s ranges: the iovecs' addresses, never what they point to.
#[test]
fn process_madvise_ranges() {
    const NR_PROCESS_MADVISE: u64 = 440;
    let iov = words(&[0x3000, 4096, 0x5000, 8192]);
    let mem = FakeMemory::new()
        .with(0x2000, &iov)
        .with(0x3000, b"data")
        .with(0x4ff0, &iov[..16]);
    let madvise = |args: [u64; 5]| {
        let [a, b, c, d, e] = args;
        line(
            NR_PROCESS_MADVISE,
            [a, b, c, d, e, 0],
            &mem,
            Outcome::Err(EINVAL),
        )
    };
    let err = " = -1 EINVAL (Invalid argument)";
    assert_eq!(
        madvise([3, 0x2000, 2, 0x0def_aced_0000_0014, 0x0def_aced_ffff_ffff]),
        format!(
            "process_madvise(3, [{{iov_base=0x3000, iov_len=4096}}, {{iov_base=0x5000, iov_len=8192}}], 2, MADV_COLD, 0xffffffff){err}"
        )
    );
    assert_eq!(
        madvise([-1i64 as u64, 0, 0xdead_beef_dead_beef, 21, 0]),
        format!("process_madvise(-1, NULL, 16045690984833335023, MADV_PAGEOUT, 0){err}")
    );
    assert_eq!(
        madvise([3, 0x2000, 0, 0, 0xcafef00d]),
        format!("process_madvise(3, [], 0, MADV_NORMAL, 0xcafef00d){err}")
    );
    assert_eq!(
        madvise([3, 0x4ff0, 2, 0xdeadc0de, 0]),
        format!(
            "process_madvise(3, [{{iov_base=0x3000, iov_len=4096}}, ... /* 0x5000 */], 2, 0xdeadc0de /* MADV_??? */, 0){err}"
        )
    );
}

/// process_vm_readv shows its local buffers at exit, up to what it read (their addresses if
/// it failed), the remote ones as addresses; process_vm_writev its local data at entry.
#[test]
fn process_vm_iovecs() {
    const NR_PROCESS_VM_READV: u64 = 310;
    const NR_PROCESS_VM_WRITEV: u64 = 311;
    let mem = FakeMemory::new()
        .with(0x2000, &words(&[0x3000, 5, 0x3005, 1]))
        .with(0x3000, b"hello\n");
    let args = [42, 0x2000, 2, 0x2000, 1, 0];
    assert_eq!(
        line(NR_PROCESS_VM_READV, args, &mem, Outcome::Ok(3)),
        r#"process_vm_readv(42, [{iov_base="hel", iov_len=5}, {iov_base="", iov_len=1}], 2, [{iov_base=0x3000, iov_len=5}], 1, 0) = 3"#
    );
    assert_eq!(
        line(NR_PROCESS_VM_READV, args, &mem, Outcome::Err(EFAULT)),
        "process_vm_readv(42, [{iov_base=0x3000, iov_len=5}, {iov_base=0x3005, iov_len=1}], 2, [{iov_base=0x3000, iov_len=5}], 1, 0) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_PROCESS_VM_WRITEV, args, &mem, Outcome::Ok(6)),
        r#"process_vm_writev(42, [{iov_base="hello", iov_len=5}, {iov_base="\n", iov_len=1}], 2, [{iov_base=0x3000, iov_len=5}], 1, 0) = 6"#
    );
}
