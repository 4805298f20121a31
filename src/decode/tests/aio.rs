//! Native AIO (`decode/aio.rs` and `[structs.io_event]`): `io_setup`, `io_submit`'s iocbs by
//! opcode, `io_cancel`, `io_getevents`, `io_pgetevents`, as strace 6.1 prints them (its
//! tests aio.c, aio_pgetevents.c); `io_uring_setup`'s params (`decode/io_uring.rs`).

use super::*;

const NR_IO_SETUP: u64 = 206;
const NR_IO_GETEVENTS: u64 = 208;
const NR_IO_SUBMIT: u64 = 209;
const NR_IO_CANCEL: u64 = 210;
const NR_IO_PGETEVENTS: u64 = 333;

/// A `struct iocb`: data, key, rw_flags, opcode, reqprio, fildes, buf, nbytes, offset,
/// flags, resfd.
#[allow(clippy::too_many_arguments)]
fn iocb(data: u64, key: u32, op: u16, prio: i16, fd: i32, buf: u64, n: u64, flags: u32) -> Vec<u8> {
    let mut b = vec![0u8; 64];
    put(&mut b, 0, data.to_ne_bytes());
    put(&mut b, 8, key.to_ne_bytes());
    put(&mut b, 16, op.to_ne_bytes());
    put(&mut b, 18, prio.to_ne_bytes());
    put(&mut b, 20, fd.to_ne_bytes());
    put(&mut b, 24, buf.to_ne_bytes());
    put(&mut b, 32, n.to_ne_bytes());
    put(&mut b, 40, 16i64.to_ne_bytes());
    put(&mut b, 56, flags.to_ne_bytes());
    put(&mut b, 60, 5u32.to_ne_bytes());
    b
}

#[test]
fn iocbs_by_opcode() {
    let mem = FakeMemory::new()
        .with(0x1000, &iocb(0xfeed, 0, 0, 11, 0, 0x4000, 4096, 0))
        .with(0x2000, &iocb(1, 7, 1, -2, 3, 0x5000, 5, 1))
        .with(0x3000, &iocb(2, 0, 0xf00d, 0, -1, 0, 0, 0))
        .with(0x4000, &iocb(3, 0, 7, 0, 0, 0x6000, 1, 2))
        .with(0x5000, b"hello")
        .with(0x6000, &words(&[0x7000, 64]))
        .with(0x8000, &words(&[0x1000, 0x2000, 0x3000, 0x4000, 0, BAD]));
    assert_eq!(
        line(
            NR_IO_SUBMIT,
            [0xc0ffee, 6, 0x8000, 0, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        concat!(
            r#"io_submit(0xc0ffee, 6, ["#,
            r#"{aio_data=0xfeed, aio_lio_opcode=IOCB_CMD_PREAD, aio_reqprio=11, aio_fildes=0, aio_buf=0x4000, aio_nbytes=4096, aio_offset=16, aio_resfd=0x5}, "#,
            r#"{aio_data=0x1, aio_key=7, aio_lio_opcode=IOCB_CMD_PWRITE, aio_reqprio=-2, aio_fildes=3, aio_buf="hello", aio_nbytes=5, aio_offset=16, aio_flags=IOCB_FLAG_RESFD, aio_resfd=5}, "#,
            r#"{aio_data=0x2, aio_lio_opcode=61453 /* IOCB_CMD_??? */, aio_fildes=-1}, "#,
            r#"{aio_data=0x3, aio_lio_opcode=IOCB_CMD_PREADV, aio_reqprio=IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0), aio_fildes=0, aio_buf=[{iov_base=0x7000, iov_len=64}], aio_offset=16, aio_flags=IOCB_FLAG_IOPRIO, aio_resfd=0x5}, "#,
            r#"NULL, 0x9000]) = 4"#
        )
    );
    // A negative count: the address.
    assert_eq!(
        line(
            NR_IO_SUBMIT,
            [1, u64::MAX, 0x8000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_submit(0x1, -1, 0x8000)              = -1 EINVAL (Invalid argument)"
    );
    // io_cancel: the header only; the event, at exit.
    assert_eq!(
        line(
            NR_IO_CANCEL,
            [1, 0x2000, 0x9000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_cancel(0x1, {aio_data=0x1, aio_key=7, aio_lio_opcode=IOCB_CMD_PWRITE, aio_reqprio=-2, aio_fildes=3}, 0x9000) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn contexts_and_events() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x7f00_0000_0000]))
        .with(
            0x2000,
            &words(&[0xaa, 0xbb, 4096, 0, 0xcc, 0xdd, u64::MAX, 1]),
        )
        .with(0x3000, &words(&[0, 5]))
        .with(0x4000, &words(&[0x5000, 8]))
        .with(0x5000, &words(&[0]));
    assert_eq!(
        line(
            NR_IO_SETUP,
            [0xdead_beef_0000_0002, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "io_setup(2, [0x7f0000000000])           = 0"
    );
    assert_eq!(
        line(
            NR_IO_SETUP,
            [2, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_setup(2, 0x1000)                     = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_IO_GETEVENTS,
            [1, 1, 2, 0x2000, 0x3000, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "io_getevents(0x1, 1, 2, [{data=0xaa, obj=0xbb, res=4096, res2=0}, {data=0xcc, obj=0xdd, res=-1, res2=1}], {tv_sec=0, tv_nsec=5}) = 2"
    );
    // The timeout and the signal mask show after a failure too: the kernel read them.
    assert_eq!(
        line(
            NR_IO_PGETEVENTS,
            [1, 0, 0, 0x2000, 0x3000, 0x4000],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_pgetevents(0x1, 0, 0, 0x2000, {tv_sec=0, tv_nsec=5}, {sigmask=[], sigsetsize=8}) = -1 EINVAL (Invalid argument)"
    );
}

const NR_IO_URING_SETUP: u64 = 425;

/// `struct io_uring_params`: what the call reads, and after a success what it wrote.
#[test]
fn io_uring_setup_params() {
    let mut p = vec![0u8; 120];
    put(&mut p, 0, 4u32.to_ne_bytes());
    put(&mut p, 4, 8u32.to_ne_bytes());
    put(&mut p, 8, 0x21u32.to_ne_bytes());
    put(&mut p, 20, 0x1001u32.to_ne_bytes());
    put(&mut p, 24, 3u32.to_ne_bytes());
    put(&mut p, 40, 64u32.to_ne_bytes());
    put(&mut p, 80 + 28, 9u32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &p);
    let head = "io_uring_setup(2, {flags=IORING_SETUP_IOPOLL|IORING_SETUP_ATTACH_WQ, sq_thread_cpu=0, sq_thread_idle=0, wq_fd=3";
    assert_eq!(
        line(
            NR_IO_URING_SETUP,
            [2, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        format!("{head}}}) = -1 EINVAL (Invalid argument)")
    );
    assert_eq!(
        line(
            NR_IO_URING_SETUP,
            [2, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(5)
        ),
        format!(
            "{head}, sq_entries=4, cq_entries=8, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_LINKED_FILE, sq_off={{head=64, tail=0, ring_mask=0, ring_entries=0, flags=0, dropped=0, array=0}}, cq_off={{head=0, tail=0, ring_mask=0, ring_entries=0, overflow=0, cqes=0, flags=0, resv1=0x9}}}}) = 5"
        )
    );
    let mut resv = vec![0u8; 120];
    put(&mut resv, 32, 0xffu32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &resv);
    assert_eq!(
        line(
            NR_IO_URING_SETUP,
            [1, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_uring_setup(1, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, resv=[0, 0xff, 0]}) = -1 EINVAL (Invalid argument)"
    );
}

const NR_IO_URING_REGISTER: u64 = 427;

/// io_uring_register's opcode; an opcode without an argument shape shows its address.
#[test]
fn io_uring_register_opcodes() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            [3, 12, 0x1000, 0xdeadbeef, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_uring_register(3, IORING_REGISTER_ENABLE_RINGS, 0x1000, 3735928559) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_IO_URING_REGISTER,
            [3, 24, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "io_uring_register(3, 0x18 /* IORING_REGISTER_??? */, NULL, 0) = -1 EINVAL (Invalid argument)"
    );
}
