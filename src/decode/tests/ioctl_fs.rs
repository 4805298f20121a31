//! The file-system ioctls of strace's fs_f_ioctl.c and fs_x_ioctl.c: inode flags, the 'X'
//! requests (as `[ioctl_args]` rows) and `FS_IOC_FIEMAP` (`decode/ioctl_fiemap.rs`).

use super::*;

const FS_IOC_GETFLAGS: u64 = 0x8008_6601;
const FS_IOC32_SETFLAGS: u64 = 0x4004_6602;
const FITRIM: u64 = 0xc018_5879;
const FS_IOC_FSGETXATTR: u64 = 0x801c_581f;
const FS_IOC_FSSETXATTR: u64 = 0x401c_5820;
const FIFREEZE: u64 = 0xc004_5877;
const FS_IOC_FIEMAP: u64 = 0xc020_660b;

fn call(code: u64, arg: u64, mem: &FakeMemory, outcome: Outcome) -> String {
    line(NR_IOCTL, [3, code, arg, 0, 0, 0], mem, outcome)
}

#[test]
fn inode_flags_and_x_requests() {
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[0x8000_0011]))
        .with(0x2000, &words32(&[0x0d00_0000]))
        .with(
            0x3000,
            &[
                0xdead_beef_cafe_f00du64.to_ne_bytes(),
                7u64.to_ne_bytes(),
                8u64.to_ne_bytes(),
            ]
            .concat(),
        )
        .with(0x4000, &words32(&[0x8000_0009, 4096, 3, 0x2a, 0, 0, 0]));
    assert_eq!(
        call(FS_IOC_GETFLAGS, 0x1000, &mem, Outcome::Ok(0)),
        "ioctl(3, FS_IOC_GETFLAGS, [FS_SECRM_FL|FS_IMMUTABLE_FL|FS_RESERVED_FL]) = 0"
    );
    assert_eq!(
        call(FS_IOC_GETFLAGS, 0, &mem, Outcome::Err(EBADF)),
        "ioctl(3, FS_IOC_GETFLAGS, NULL)         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(FS_IOC32_SETFLAGS, 0x2000, &mem, Outcome::Err(EBADF)),
        "ioctl(3, FS_IOC32_SETFLAGS, [0xd000000 /* FS_???_FL */]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(FITRIM, 0x3000, &mem, Outcome::Ok(0)),
        "ioctl(3, FITRIM, {start=0xdeadbeefcafef00d, len=7, minlen=8}) = 0"
    );
    // The get shows fsx_nextents, which the set leaves out (the kernel ignores it).
    assert_eq!(
        call(FS_IOC_FSGETXATTR, 0x4000, &mem, Outcome::Ok(0)),
        "ioctl(3, FS_IOC_FSGETXATTR, {fsx_xflags=FS_XFLAG_REALTIME|FS_XFLAG_IMMUTABLE|FS_XFLAG_HASATTR, fsx_extsize=4096, fsx_nextents=3, fsx_projid=0x2a, fsx_cowextsize=0}) = 0"
    );
    assert_eq!(
        call(FS_IOC_FSSETXATTR, 0x4000, &mem, Outcome::Err(EBADF)),
        "ioctl(3, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_REALTIME|FS_XFLAG_IMMUTABLE|FS_XFLAG_HASATTR, fsx_extsize=4096, fsx_projid=0x2a, fsx_cowextsize=0}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(FIFREEZE, 0x4000, &mem, Outcome::Ok(0)),
        "ioctl(3, FIFREEZE)                      = 0"
    );
}

/// Native-endian bytes of `u64`s, laid end to end.
fn words64(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

/// A `struct fiemap` asking for `count` extents, then `mapped` extents as the kernel wrote.
fn fiemap(flags: u32, count: u32, mapped: u32, extents: &[(u64, u32)]) -> Vec<u8> {
    let mut b = [1u64.to_ne_bytes(), 2u64.to_ne_bytes()].concat();
    b.extend(words32(&[flags, mapped, count, 0]));
    for &(logical, fe_flags) in extents {
        b.extend(words64(&[logical, 10, 20, 0, 0]));
        b.extend(words32(&[fe_flags, 0, 0, 0]));
    }
    b
}

#[test]
fn fiemap_request_and_result() {
    let mem = FakeMemory::new().with(0x1000, &fiemap(0x9, 2, 2, &[(5, 1), (6, 0x8000)]));
    let request = "ioctl(3, FS_IOC_FIEMAP, {fm_start=1, fm_length=2, fm_flags=FIEMAP_FLAG_SYNC|0x8, fm_extent_count=2}";
    // A failed call shows the request alone.
    assert_eq!(
        call(FS_IOC_FIEMAP, 0x1000, &mem, Outcome::Err(EBADF)),
        format!("{request}) = -1 EBADF (Bad file descriptor)")
    );
    // The result: extents abbreviated by default, in full under -v.
    assert_eq!(
        call(FS_IOC_FIEMAP, 0x1000, &mem, Outcome::Ok(0)),
        format!("{request} => {{fm_flags=FIEMAP_FLAG_SYNC|0x8, fm_mapped_extents=2, ...}}) = 0")
    );
    assert_eq!(
        line_verbose(
            NR_IOCTL,
            [3, FS_IOC_FIEMAP, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "{request} => {{fm_flags=FIEMAP_FLAG_SYNC|0x8, fm_mapped_extents=2, fm_extents=[{{fe_logical=5, fe_physical=10, fe_length=20, fe_flags=FIEMAP_EXTENT_LAST}}, {{fe_logical=6, fe_physical=10, fe_length=20, fe_flags=0x8000 /* FIEMAP_EXTENT_??? */}}]}}) = 0"
        )
    );
    // A request that cannot be read is its address, at entry only.
    assert_eq!(
        call(FS_IOC_FIEMAP, 0, &mem, Outcome::Ok(0)),
        "ioctl(3, FS_IOC_FIEMAP, NULL)           = 0"
    );
    assert_eq!(
        call(FS_IOC_FIEMAP, 0x9000, &mem, Outcome::Ok(0)),
        "ioctl(3, FS_IOC_FIEMAP, 0x9000)         = 0"
    );
}
