//! btrfs's `ioctl` requests (`[ioctl_args]`'s `<linux/btrfs.h>` block) and the member kinds
//! they brought: `uint_max` and `dev`.

use super::*;

/// `BTRFS_IOC_*` codes (`<linux/btrfs.h>`).
const BTRFS_IOC_SYNC: u64 = 0x9408;
const BTRFS_IOC_SNAP_CREATE: u64 = 0x5000_9401;
const BTRFS_IOC_DEFRAG_RANGE: u64 = 0x4030_9410;
const BTRFS_IOC_SCRUB: u64 = 0xc400_941b;
const BTRFS_IOC_BALANCE_CTL: u64 = 0x4004_9421;

#[test]
fn btrfs_plain_requests() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SYNC, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SYNC)                = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_BALANCE_CTL, 3, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_BALANCE_CTL, 0x3 /* BTRFS_BALANCE_CTL_??? */) = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn btrfs_structs() {
    // vol_args: a 4 KiB struct (read past the stack buffer), its fd and name.
    let mut vol = words(&[5]);
    vol.extend_from_slice(b"snap\0");
    vol.resize(4096, 0);
    // defrag_range_args: len all ones is UINT64_MAX, an unknown compression is commented.
    let mut defrag = words(&[0, u64::MAX, 3]);
    defrag.extend(words32(&[65536, 4, 0, 0, 0, 0]));
    // scrub_args: devid as a dev_t, end one below all ones is a number.
    let mut scrub = words(&[(8 << 8) | 1, 0, u64::MAX - 1, 1]);
    scrub.resize(1024, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &vol)
        .with(0x3000, &defrag)
        .with(0x4000, &scrub);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SNAP_CREATE, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SNAP_CREATE, {fd=5, name=\"snap\"}) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_DEFRAG_RANGE, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_DEFRAG_RANGE, {start=0, len=UINT64_MAX, flags=BTRFS_DEFRAG_RANGE_COMPRESS|BTRFS_DEFRAG_RANGE_START_IO, extent_thresh=65536, compress_type=0x4 /* BTRFS_COMPRESS_??? */}) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SCRUB, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_SCRUB, {devid=makedev(0x8, 0x1), start=0, end=18446744073709551614, flags=BTRFS_SCRUB_READONLY}) = -1 EBADF (Bad file descriptor)"
    );
}
