//! `io_uring_register`'s argument by opcode (`decode/io_uring.rs`, `[structs.io_uring_*]`),
//! as strace 6.1 prints it (its tests io_uring_register.c and io_uring_register-success.c).

use super::*;
use crate::output::ConstStyle;

const NR_IO_URING_REGISTER: u64 = 427;

/// A call on ring descriptor 5 with `op`, `arg` and `nr_args`.
fn reg(op: u64, arg: u64, n: u64) -> [u64; 6] {
    [5, op, arg, n, 0, 0]
}

/// Native-endian bytes of 32-bit words.
fn u32s(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

const EOPNOTSUPP: Outcome = Outcome::Err(95);

#[test]
fn descriptor_and_buffer_arrays() {
    let mem = FakeMemory::new()
        .with(
            0x1000,
            &u32s(&[3, 0, u32::MAX, (-2i32) as u32, (-3i32) as u32]),
        )
        .with(0x2000, &words(&[0xfacefeed, 16, 0x3000, 10]));
    for (op, name) in [
        (2, "IORING_REGISTER_FILES"),
        (4, "IORING_REGISTER_EVENTFD"),
        (7, "IORING_REGISTER_EVENTFD_ASYNC"),
    ] {
        assert_eq!(
            line(NR_IO_URING_REGISTER, reg(op, 0x1000, 5), &mem, EOPNOTSUPP),
            format!(
                "io_uring_register(5, {name}, [3, 0, -1, -2, -3], 5) = -1 EOPNOTSUPP (Operation not supported)"
            )
        );
    }
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(0, 0x2000, 2),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_BUFFERS, [{iov_base=0xfacefeed, iov_len=16}, {iov_base=0x3000, iov_len=10}], 2) = 0"
    );
    // Opcodes without an argument, and unknown ones: the address.
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(1, 0x1000, 7),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_UNREGISTER_BUFFERS, 0x1000, 7) = 0"
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(24, 0x1000, 7), &mem, EOPNOTSUPP),
        "io_uring_register(5, 0x18 /* IORING_REGISTER_??? */, 0x1000, 7) = -1 EOPNOTSUPP (Operation not supported)"
    );
    // -e verbose=none: every pointer an address.
    assert_eq!(
        line_opts(
            NR_IO_URING_REGISTER,
            reg(2, 0x1000, 5),
            &mem,
            Outcome::Ok(0),
            opts(true, false, 32)
        ),
        "io_uring_register(5, IORING_REGISTER_FILES, 0x1000, 5) = 0"
    );
}

#[test]
fn files_update_names_the_skip() {
    let mut upd = u32s(&[0xdeadc0de, 0]);
    upd.extend(words(&[0x1000]));
    let mut bogus = u32s(&[1, 0x87868584]);
    bogus.extend(words(&[0x8f8e8d8c8b8a8988]));
    let mem = FakeMemory::new()
        .with(0x1000, &u32s(&[3, (-2i32) as u32, (-3i32) as u32]))
        .with(0x2000, &upd)
        .with(0x3000, &bogus);
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(6, 0x2000, 3),
            &mem,
            Outcome::Ok(3)
        ),
        "io_uring_register(5, IORING_REGISTER_FILES_UPDATE, {offset=3735929054, fds=[3, IORING_REGISTER_FILES_SKIP, -3]}, 3) = 3"
    );
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(6, 0x3000, 0),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_FILES_UPDATE, {offset=1, resv=0x87868584, fds=[]}, 0) = 0"
    );
    assert_eq!(
        line_styled(
            ConstStyle::Verbose,
            NR_IO_URING_REGISTER,
            reg(6, 0x2000, 3),
            &mem,
            Outcome::Ok(3)
        ),
        "io_uring_register(5, 0x6 /* IORING_REGISTER_FILES_UPDATE */, {offset=3735929054, fds=[3, -2 /* IORING_REGISTER_FILES_SKIP */, -3]}, 3) = 3"
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(6, 0, 3), &mem, Outcome::Ok(3)),
        "io_uring_register(5, IORING_REGISTER_FILES_UPDATE, NULL, 3) = 3"
    );
}

/// A probe: last_op, ops_len, resv, resv2, then its ops (op, resv, flags, resv2 each).
fn probe(last_op: u8, ops_len: u8, resv2: [u32; 3], ops: &[(u8, u8, u16, u32)]) -> Vec<u8> {
    let mut b = vec![last_op, ops_len, 0, 0];
    b.extend(u32s(&resv2));
    for &(op, resv, flags, resv2) in ops {
        b.extend([op, resv]);
        b.extend(flags.to_ne_bytes());
        b.extend(resv2.to_ne_bytes());
    }
    b
}

#[test]
fn probe_at_entry_and_exit() {
    let ops = [(0, 0xde, 0, 0xbeefface), (46, 0, 1, 0), (47, 0, 0xbeef, 0)];
    // Ending where the page does: a fourth op is unreadable.
    let given = FakeMemory::new().with(0x1fd8, &probe(29, 255, [0, 7, 0], &ops));
    // Filled by the caller: shown at entry, and after a success what the kernel left, as
    // many ops as it filled (at most nr_args, `...` when it had more).
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(8, 0x1fd8, 3),
            &given,
            Outcome::Ok(0)
        ),
        concat!(
            "io_uring_register(5, IORING_REGISTER_PROBE, {last_op=IORING_OP_EPOLL_CTL, ops_len=255, resv2=[0, 0x7, 0], ",
            "ops=[{op=IORING_OP_NOP, resv=0xde, flags=0, resv2=0xbeefface}, {op=IORING_OP_URING_CMD, flags=IO_URING_OP_SUPPORTED}, ",
            "{op=47 /* IORING_OP_??? */, flags=IO_URING_OP_SUPPORTED|0xbeee}]} => {last_op=IORING_OP_EPOLL_CTL, ops_len=255, resv2=[0, 0x7, 0], ",
            "ops=[{op=IORING_OP_NOP, resv=0xde, flags=0, resv2=0xbeefface}, {op=IORING_OP_URING_CMD, flags=IO_URING_OP_SUPPORTED}, ",
            "{op=47 /* IORING_OP_??? */, flags=IO_URING_OP_SUPPORTED|0xbeee}, ...]}, 3) = 0"
        )
    );
    // A failure shows only what the call was given.
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(8, 0x1fd8, 0), &given, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_PROBE, {last_op=IORING_OP_EPOLL_CTL, ops_len=255, resv2=[0, 0x7, 0], ops=[]}, 0) = -1 EOPNOTSUPP (Operation not supported)"
    );
    // All zeros (as the kernel wants it): shown only at exit, its address after a failure.
    let zero = FakeMemory::new().with(0x1000, &[0; 16 + 16]);
    let filled =
        FakeMemory::new().with(0x1000, &probe(1, 2, [0; 3], &[(0, 0, 1, 0), (1, 0, 1, 0)]));
    assert_eq!(
        line_changed(
            NR_IO_URING_REGISTER,
            reg(8, 0x1000, 2),
            &zero,
            &filled,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_PROBE, {last_op=IORING_OP_READV, ops_len=2, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}]}, 2) = 0"
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(8, 0x1000, 2), &zero, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_PROBE, 0x1000, 2) = -1 EOPNOTSUPP (Operation not supported)"
    );
    // More than 256 ops, or unreadable: the address, once.
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(8, 0x1fd8, 257),
            &given,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_PROBE, 0x1fd8, 257) = 0"
    );
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(8, 0x1fd8, 4),
            &given,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_PROBE, 0x1fd8, 4) = 0"
    );
    // Unsigned decimal under -X raw, both under -X verbose.
    assert_eq!(
        line_styled(
            ConstStyle::Raw,
            NR_IO_URING_REGISTER,
            reg(8, 0x1fd8, 1),
            &given,
            EOPNOTSUPP
        ),
        "io_uring_register(5, 0x8, {last_op=29, ops_len=255, resv2=[0, 0x7, 0], ops=[{op=0, resv=0xde, flags=0, resv2=0xbeefface}]}, 1) = -1 EOPNOTSUPP (Operation not supported)"
    );
    assert_eq!(
        line_styled(
            ConstStyle::Verbose,
            NR_IO_URING_REGISTER,
            reg(8, 0x1fd8, 3),
            &given,
            EOPNOTSUPP
        ),
        concat!(
            "io_uring_register(5, 0x8 /* IORING_REGISTER_PROBE */, {last_op=29 /* IORING_OP_EPOLL_CTL */, ops_len=255, resv2=[0, 0x7, 0], ",
            "ops=[{op=0 /* IORING_OP_NOP */, resv=0xde, flags=0, resv2=0xbeefface}, {op=46 /* IORING_OP_URING_CMD */, flags=0x1 /* IO_URING_OP_SUPPORTED */}, ",
            "{op=47 /* IORING_OP_??? */, flags=0xbeef /* IO_URING_OP_SUPPORTED|0xbeee */}]}, 3) = -1 EOPNOTSUPP (Operation not supported)"
        )
    );
}

#[test]
fn probe_ops_abbreviated() {
    let ops: Vec<_> = (0..3).map(|i| (i, 0, 1, 0)).collect();
    let mem = FakeMemory::new().with(0x1000, &probe(2, 3, [0; 3], &ops));
    assert_eq!(
        line_with(NR_IO_URING_REGISTER, reg(8, 0x1000, 3), &mem, EOPNOTSUPP, 2),
        "io_uring_register(5, IORING_REGISTER_PROBE, {last_op=IORING_OP_WRITEV, ops_len=3, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}, ...]}, 3) = -1 EOPNOTSUPP (Operation not supported)"
    );
}

/// A restriction: opcode, the union's byte, resv, resv2.
fn restriction(opcode: u16, op: u8, resv: u8, resv2: [u32; 3]) -> Vec<u8> {
    let mut b = opcode.to_ne_bytes().to_vec();
    b.extend([op, resv]);
    b.extend(u32s(&resv2));
    b
}

#[test]
fn restrictions_by_opcode() {
    let mut all = Vec::new();
    all.extend(restriction(0, 23, 0, [0; 3]));
    all.extend(restriction(1, 47, 0x77, [0; 3]));
    all.extend(restriction(2, 0xc1, 0, [0, 5, 0]));
    all.extend(restriction(3, 0x80, 0, [0; 3]));
    all.extend(restriction(0x89, 0xef, 0, [0; 3]));
    // Ending where the page does: a sixth is unreadable.
    let mem = FakeMemory::new().with(0x1fb0, &all);
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(11, 0x1fb0, 6), &mem, EOPNOTSUPP),
        concat!(
            "io_uring_register(5, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=IORING_UNREGISTER_PBUF_RING}, ",
            "{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=0x2f /* IORING_OP_??? */, resv=0x77}, ",
            "{opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, sqe_flags=IOSQE_FIXED_FILE|IOSQE_CQE_SKIP_SUCCESS|0x80, resv2=[0, 0x5, 0]}, ",
            "{opcode=IORING_RESTRICTION_SQE_FLAGS_REQUIRED, sqe_flags=0x80 /* IOSQE_??? */}, ",
            "{opcode=0x89 /* IORING_RESTRICTION_??? */ /* op: 0xef */}, ... /* 0x2000 */], 6) = -1 EOPNOTSUPP (Operation not supported)"
        )
    );
    assert_eq!(
        line_styled(
            ConstStyle::Raw,
            NR_IO_URING_REGISTER,
            reg(11, 0x1ff0, 1),
            &mem,
            EOPNOTSUPP
        ),
        "io_uring_register(5, 0xb, [{opcode=0x89 /* op: 0xef */}], 1) = -1 EOPNOTSUPP (Operation not supported)"
    );
}

/// A `struct io_uring_rsrc_register`: nr, flags, resv2, data, tags.
fn rsrc_register(nr: u32, flags: u32, resv2: u64, data: u64, tags: u64) -> Vec<u8> {
    let mut b = u32s(&[nr, flags]);
    b.extend(words(&[resv2, data, tags]));
    b
}

#[test]
fn resource_registration() {
    let mut big = rsrc_register(2, 0, 0, 0x1000, 0x2000);
    big.extend([0xa0, 0xa1, 0, 0, 0, 0, 0, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &u32s(&[3, (-2i32) as u32]))
        .with(0x2000, &words(&[1, 0xdead]))
        .with(0x3000, &words(&[0xfacefeed, 16]))
        .with(
            0x4fe0,
            &rsrc_register(2, 0xbadc0ded, 0xfeed, 0x1000, 0x2000),
        )
        .with(0x7000, &big)
        .with(0x6000, &rsrc_register(1, 1, 0, 0x3000, 0));
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(13, 0x4fe0, 32), &mem, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_FILES2, {nr=2, flags=IORING_RSRC_REGISTER_SPARSE|0xbadc0dec, resv2=0xfeed, data=[3, -2], tags=[0x1, 0xdead]}, 32) = -1 EOPNOTSUPP (Operation not supported)"
    );
    // Past 32 bytes: those not zero, `???` when unreadable; below 32 the address.
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(13, 0x7000, 40), &mem, EOPNOTSUPP),
        r#"io_uring_register(5, IORING_REGISTER_FILES2, {nr=2, flags=0, data=[3, -2], tags=[0x1, 0xdead], /* bytes 32..39 */ "\xa0\xa1\x00\x00\x00\x00\x00\x00"}, 40) = -1 EOPNOTSUPP (Operation not supported)"#
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(13, 0x4fe0, 48), &mem, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_FILES2, {nr=2, flags=IORING_RSRC_REGISTER_SPARSE|0xbadc0dec, resv2=0xfeed, data=[3, -2], tags=[0x1, 0xdead], ???}, 48) = -1 EOPNOTSUPP (Operation not supported)"
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(13, 0x4fe0, 24), &mem, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_FILES2, 0x4fe0, 24) = -1 EOPNOTSUPP (Operation not supported)"
    );
    // Buffers as addresses.
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(15, 0x6000, 32),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_BUFFERS2, {nr=1, flags=IORING_RSRC_REGISTER_SPARSE, data=[{iov_base=0xfacefeed, iov_len=16}], tags=NULL}, 32) = 0"
    );
}

#[test]
fn resource_update() {
    // offset, resv, data, tags, nr, resv2.
    let mut upd = u32s(&[7, 0xbadc0ded]);
    upd.extend(words(&[0x1000, 0x2000]));
    upd.extend(u32s(&[2, 0xfacecafe]));
    let mem = FakeMemory::new()
        .with(0x1000, &u32s(&[3, (-2i32) as u32]))
        .with(0x2000, &words(&[1, 0xdead]))
        .with(0x4000, &upd);
    // The same data as iovecs: the two descriptors make one base, the rest is zeros.
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(14, 0x4000, 32), &mem, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_FILES_UPDATE2, {offset=7, resv=0xbadc0ded, data=[3, IORING_REGISTER_FILES_SKIP], tags=[0x1, 0xdead], nr=2, resv2=0xfacecafe}, 32) = -1 EOPNOTSUPP (Operation not supported)"
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(16, 0x4000, 32), &mem, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_BUFFERS_UPDATE, {offset=7, resv=0xbadc0ded, data=[{iov_base=0xfffffffe00000003, iov_len=0}, {iov_base=NULL, iov_len=0}], tags=[0x1, 0xdead], nr=2, resv2=0xfacecafe}, 32) = -1 EOPNOTSUPP (Operation not supported)"
    );
}

#[test]
fn worker_affinity_and_limits() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0xbeef]))
        .with(0x2ff4, &u32s(&[0, 1, 0xbedfaced]));
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(17, 0x1000, 2), &mem, EOPNOTSUPP),
        "io_uring_register(5, IORING_REGISTER_IOWQ_AFF, [0 1 2 3 5 6 7 9 10 11 12 13 15], 2) = -1 EOPNOTSUPP (Operation not supported)"
    );
    // Read whole at entry: shown again at exit (its address after a failure).
    let limits = "[[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=1, [2 /* IO_WQ_??? */]=3202329837]";
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(19, 0x2ff4, 3),
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "io_uring_register(5, IORING_REGISTER_IOWQ_MAX_WORKERS, {limits} => {limits}, 3) = 0"
        )
    );
    assert_eq!(
        line(NR_IO_URING_REGISTER, reg(19, 0x2ff4, 3), &mem, EOPNOTSUPP),
        format!(
            "io_uring_register(5, IORING_REGISTER_IOWQ_MAX_WORKERS, {limits} => 0x2ff4, 3) = -1 EOPNOTSUPP (Operation not supported)"
        )
    );
    // Cut short by unreadable memory, or empty: once.
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(19, 0x2ffc, 2),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=3202329837, ... /* 0x3000 */], 2) = 0"
    );
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(19, 0x2ff4, 0),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_IOWQ_MAX_WORKERS, [], 0) = 0"
    );
    assert_eq!(
        line_styled(
            ConstStyle::Raw,
            NR_IO_URING_REGISTER,
            reg(19, 0x2ff8, 1),
            &mem,
            EOPNOTSUPP
        ),
        "io_uring_register(5, 0x13, [[0]=1] => 0x2ff8, 1) = -1 EOPNOTSUPP (Operation not supported)"
    );
    assert_eq!(
        line_styled(
            ConstStyle::Verbose,
            NR_IO_URING_REGISTER,
            reg(19, 0x2ff8, 2),
            &mem,
            EOPNOTSUPP
        ),
        "io_uring_register(5, 0x13 /* IORING_REGISTER_IOWQ_MAX_WORKERS */, [[0 /* IO_WQ_BOUND */]=1, [1 /* IO_WQ_UNBOUND */]=3202329837] => 0x2ff8, 2) = -1 EOPNOTSUPP (Operation not supported)"
    );
}

#[test]
fn ring_descriptors_and_buffer_rings() {
    // offset, resv, data.
    let mut fds = u32s(&[u32::MAX, 0]);
    fds.extend(words(&[0xbadc_0ded_0000_0003]));
    fds.extend(u32s(&[u32::MAX - 1, 0x1010101]));
    fds.extend(words(&[0]));
    let mut ring = words(&[0x7000]);
    ring.extend(u32s(&[3141592653]));
    ring.extend(42069u16.to_ne_bytes());
    ring.extend(31337u16.to_ne_bytes());
    ring.extend(words(&[0, 0xdecaffed, 0]));
    let mem = FakeMemory::new().with(0x1000, &fds).with(0x2000, &ring);
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(20, 0x1000, 2),
            &mem,
            Outcome::Ok(2)
        ),
        "io_uring_register(5, IORING_REGISTER_RING_FDS, [{offset=-1, data=3}, {offset=4294967294, resv=0x1010101, data=0}], 2) = 2"
    );
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(21, 0x1000, 2),
            &mem,
            Outcome::Ok(2)
        ),
        "io_uring_register(5, IORING_UNREGISTER_RING_FDS, [{offset=4294967295, data=0xbadc0ded00000003}, {offset=4294967294, resv=0x1010101}], 2) = 2"
    );
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            reg(22, 0x2000, 0),
            &mem,
            Outcome::Ok(0)
        ),
        "io_uring_register(5, IORING_REGISTER_PBUF_RING, {ring_addr=0x7000, ring_entries=3141592653, bgid=42069, pad=0x7a69, resv=[0, 0xdecaffed, 0]}, 0) = 0"
    );
}
