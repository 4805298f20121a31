//! POSIX message queues (`decode/mq.rs` and the table's entries): `mq_open`'s flags, mode and
//! `struct mq_attr` after `O_CREAT`, `mq_getsetattr`'s two structs, the send and receive
//! calls' messages and priorities, `mq_notify`'s `struct sigevent`.

use super::*;

const NR_MQ_OPEN: u64 = 240;
const NR_MQ_UNLINK: u64 = 241;
const NR_MQ_TIMEDSEND: u64 = 242;
const NR_MQ_TIMEDRECEIVE: u64 = 243;
const NR_MQ_NOTIFY: u64 = 244;
const NR_MQ_GETSETATTR: u64 = 245;

/// A `struct mq_attr`: the four fields and the four reserved `long`s.
fn mq_attr(flags: u64, maxmsg: u64, msgsize: u64, curmsgs: u64) -> Vec<u8> {
    words(&[flags, maxmsg, msgsize, curmsgs, 0, 0, 0, 0])
}

#[test]
fn mq_open_and_unlink() {
    let attr = mq_attr(0x800, 2, 64, 0);
    let mem = FakeMemory::new()
        .with(0x1000, b"/q\0")
        .with(0x2000, &attr)
        // A struct that ends 8 bytes early (at the end of the mapping) is not read.
        .with(0x3fc8, &attr[..56]);
    assert_eq!(
        line(
            NR_MQ_OPEN,
            [0x1000, 0o2 | 0o100 | 0o4000, 0o700, 0x2000, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "mq_open(\"/q\", O_RDWR|O_CREAT|O_NONBLOCK, 0700, {mq_flags=0x800, mq_maxmsg=2, mq_msgsize=64, mq_curmsgs=0}) = 3"
    );
    assert_eq!(
        line(
            NR_MQ_OPEN,
            [0x1000, 0, 0o700, 0x2000, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "mq_open(\"/q\", O_RDONLY)                 = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_MQ_OPEN,
            [BAD, 0xdefa_ced1_0000_0043, 0xdec0deadfacefeed, 0x3fc8, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "mq_open(0x9000, O_ACCMODE|O_CREAT, 0177355, 0x3fc8) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_MQ_UNLINK, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "mq_unlink(\"/q\")                         = 0"
    );
}

#[test]
fn mq_getsetattr_names_the_flags() {
    let mem = FakeMemory::new()
        .with(0x1000, &mq_attr(0x800, 10, 8192, 1))
        .with(0x2000, &mq_attr(0, 10, 8192, 0))
        .with(0x3000, &mq_attr(0x801, u64::MAX, 0, 0));
    assert_eq!(
        line_changed(
            NR_MQ_GETSETATTR,
            [3, 0x1000, 0x2000, 0, 0, 0],
            &mem,
            &FakeMemory::new()
                .with(0x1000, &mq_attr(0x800, 10, 8192, 1))
                .with(0x2000, &mq_attr(0, 10, 8192, 1)),
            Outcome::Ok(0)
        ),
        "mq_getsetattr(3, {mq_flags=O_NONBLOCK, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=1}, {mq_flags=0, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=1}) = 0"
    );
    assert_eq!(
        line(
            NR_MQ_GETSETATTR,
            [3, 0x3000, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "mq_getsetattr(3, {mq_flags=O_NONBLOCK|0x1, mq_maxmsg=-1, mq_msgsize=0, mq_curmsgs=0}, 0x2000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_MQ_GETSETATTR, [3, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "mq_getsetattr(3, NULL, NULL)            = 0"
    );
}

#[test]
fn send_receive_and_notify() {
    let mut sev = words(&[0]);
    sev.extend(ints(&[-5, 1, 0, 0]));
    let mem = FakeMemory::new()
        .with(0x1000, b"\x80\x81\x82\x83\x84\x85\x86\x87")
        .with(0x2000, &words(&[1, 999_999_999]))
        .with(0x3000, &words32(&[42]))
        .with(0x4000, &sev);
    assert_eq!(
        line(
            NR_MQ_TIMEDSEND,
            [3, 0x1000, 8, 0xdead_0000_002a, 0x2000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mq_timedsend(3, \"\\200\\201\\202\\203\\204\\205\\206\\207\", 8, 42, {tv_sec=1, tv_nsec=999999999}) = 0"
    );
    assert_eq!(
        line(
            NR_MQ_TIMEDRECEIVE,
            [3, 0x1000, 64, 0x3000, 0x2000, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "mq_timedreceive(3, \"\\200\\201\\202\\203\", 64, [42], {tv_sec=1, tv_nsec=999999999}) = 4"
    );
    // A failed receive shows the buffer and the priority as addresses, the time it was given.
    assert_eq!(
        line(
            NR_MQ_TIMEDRECEIVE,
            [3, 0x1000, 64, 0x3000, 0x2000, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mq_timedreceive(3, 0x1000, 64, 0x3000, {tv_sec=1, tv_nsec=999999999}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_MQ_NOTIFY,
            [3, 0x4000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "mq_notify(3, {sigev_signo=4294967291, sigev_notify=SIGEV_NONE}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_MQ_NOTIFY, [3, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "mq_notify(3, NULL)                      = 0"
    );
}
