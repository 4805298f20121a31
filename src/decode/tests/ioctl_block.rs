//! strace's block.c requests with structs: `BLKPG` (a struct pointing to another, the
//! `struct_ptr` member kind) and `BLKTRACESETUP`'s request and
//! result (`decode/ioctl_block.rs`).

use super::*;

const BLKPG: u64 = 0x1269;
const BLKTRACESETUP: u64 = 0xc048_1273;

/// A `struct blkpg_ioctl_arg` of `op` whose data is at `data`.
fn blkpg(op: i32, data: u64) -> Vec<u8> {
    let mut b = ints(&[op, -1, 152, 0]);
    b.extend(data.to_ne_bytes());
    b
}

/// A `struct blkpg_partition`: names `dev` (NUL-terminated) and a volume name filling its
/// 64 bytes with no NUL.
fn partition(dev: &[u8]) -> Vec<u8> {
    let mut b = [(-1i64).to_ne_bytes(), 4096i64.to_ne_bytes()].concat();
    b.extend(ints(&[2]));
    let mut name = dev.to_vec();
    name.resize(64, 0);
    b.extend(name);
    b.extend([b'V'; 64]);
    b.resize(152, 0);
    b
}

#[test]
fn blkpg_and_its_partition() {
    let mem = FakeMemory::new()
        .with(0x1000, &blkpg(1, 0x2000))
        .with(0x2000, &partition(b"sda1"))
        .with(0x3000, &blkpg(3, 0x9000))
        .with(0x4000, &blkpg(7, 0));
    let v = "V".repeat(63);
    assert_eq!(
        line_with(
            NR_IOCTL,
            [3, BLKPG, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0),
            64
        ),
        format!(
            "ioctl(3, BLKPG, {{op=BLKPG_ADD_PARTITION, flags=-1, datalen=152, data={{start=-1, length=4096, pno=2, devname=\"sda1\", volname=\"{v}\"...}}}}) = 0"
        )
    );
    // The data pointer unreadable or NULL: its address; an op of no name.
    assert_eq!(
        line(NR_IOCTL, [3, BLKPG, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, BLKPG, {op=BLKPG_RESIZE_PARTITION, flags=-1, datalen=152, data=0x9000}) = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, BLKPG, 0x4000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, BLKPG, {op=0x7 /* BLKPG_??? */, flags=-1, datalen=152, data=NULL}) = 0"
    );
}

#[test]
fn blktrace_setup_request() {
    let mut setup = b"trace".to_vec();
    setup.resize(32, 0);
    setup.extend(ints(&[0xa0a0, 512, 4, 0]));
    setup.extend(ints(&[1, 0, -1, -1]));
    setup.extend(ints(&[42, 0]));
    let mem = FakeMemory::new().with(0x1000, &setup);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BLKTRACESETUP, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BLKTRACESETUP, {act_mask=41120, buf_size=512, buf_nr=4, start_lba=1, end_lba=18446744073709551615, pid=42}) = -1 EBADF (Bad file descriptor)"
    );
    // After a successful call, the name the kernel wrote, last.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BLKTRACESETUP, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BLKTRACESETUP, {act_mask=41120, buf_size=512, buf_nr=4, start_lba=1, end_lba=18446744073709551615, pid=42, name=\"trace\"}) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BLKTRACESETUP, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BLKTRACESETUP, NULL)           = 0"
    );
}
