//! The mount API: `fsconfig` (`decode/fsconfig.rs`: its key, value and `aux` by command) and
//! the calls the table decodes with plain kinds (`fsopen`, `fsmount`, `fspick`, `move_mount`,
//! `open_tree`), as strace 6.1 prints them.

use super::*;

const NR_OPEN_TREE: u64 = 428;
const NR_MOVE_MOUNT: u64 = 429;
const NR_FSOPEN: u64 = 430;
const NR_FSCONFIG: u64 = 431;
const NR_FSMOUNT: u64 = 432;
const NR_FSPICK: u64 = 433;

/// The high bits strace's tests put above 32-bit arguments, which the kernel ignores.
const FILL: u64 = 0x0def_aced_0000_0000;

/// `/dev/full` open as descriptor 3, the current directory `/tmp`.
fn fds() -> FakeFds {
    let mut fds = FakeFds {
        cwd: Some(b"/tmp".to_vec()),
        ..FakeFds::default()
    };
    fds.fds.insert(3, fd_path(b"/dev/full"));
    fds
}

fn line_y(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    line_fds(nr, args, mem, &mut fds(), |_| {}, outcome)
}

#[test]
fn fsopen_fsmount_fspick() {
    let mem = FakeMemory::new()
        .with(0x1000, b"ext4\0")
        .with(0x2000, b"0123456789012345678901234567890123456789\0");
    assert_eq!(
        line(NR_FSOPEN, [0x1000, FILL, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        "fsopen(\"ext4\", 0)                       = 3"
    );
    assert_eq!(
        line(
            NR_FSOPEN,
            [0x2000, FILL | 1, 0, 0, 0, 0],
            &mem,
            Outcome::Err(19)
        ),
        "fsopen(\"01234567890123456789012345678901\"..., FSOPEN_CLOEXEC) = -1 ENODEV (No such device)"
    );
    assert_eq!(
        line(
            NR_FSOPEN,
            [0, FILL | 2, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "fsopen(NULL, 0x2 /* FSOPEN_??? */)      = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_FSOPEN,
            [BAD, u64::MAX, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "fsopen(0x9000, FSOPEN_CLOEXEC|0xfffffffe) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_y(
            NR_FSMOUNT,
            [3, 0, 0x30, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "fsmount(3</dev/full>, 0, MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_FSMOUNT,
            [-1i64 as u64, 1, 0x40, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "fsmount(-1, FSMOUNT_CLOEXEC, 0x40 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_FSMOUNT,
            [-1i64 as u64, 0, 0xffff_ffbf, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "fsmount(-1, 0, MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV|MOUNT_ATTR_NOEXEC|MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|MOUNT_ATTR_NODIRATIME|0xffffff00) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_y(
            NR_FSPICK,
            [AT_FDCWD, 0x1000, 0xf, 0, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "fspick(AT_FDCWD</tmp>, \"ext4\", FSPICK_CLOEXEC|FSPICK_SYMLINK_NOFOLLOW|FSPICK_NO_AUTOMOUNT|FSPICK_EMPTY_PATH) = 4"
    );
    assert_eq!(
        line(
            NR_FSPICK,
            [-1i64 as u64, 0, 0x10, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "fspick(-1, NULL, 0x10 /* FSPICK_??? */) = -1 EFAULT (Bad address)"
    );
}

#[test]
fn move_mount_and_open_tree() {
    let mem = FakeMemory::new()
        .with(0x1000, b"/dev/full\0")
        .with(0x2000, b"\0");
    assert_eq!(
        line_y(
            NR_MOVE_MOUNT,
            [-1i64 as u64, 0x1000, AT_FDCWD, 0x2000, FILL | 0x177, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "move_mount(-1, \"/dev/full\", AT_FDCWD</tmp>, \"\", MOVE_MOUNT_F_SYMLINKS|MOVE_MOUNT_F_AUTOMOUNTS|MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_T_SYMLINKS|MOVE_MOUNT_T_AUTOMOUNTS|MOVE_MOUNT_T_EMPTY_PATH|MOVE_MOUNT_SET_GROUP) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_y(
            NR_MOVE_MOUNT,
            [3, BAD, 3, 0, 0x200, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "move_mount(3</dev/full>, 0x9000, 3</dev/full>, NULL, 0x200 /* MOVE_MOUNT_??? */) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line_y(
            NR_OPEN_TREE,
            [3, 0x2000, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "open_tree(3</dev/full>, \"\", AT_EMPTY_PATH) = 4"
    );
    assert_eq!(
        line(
            NR_OPEN_TREE,
            [-1i64 as u64, 0x2000, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "open_tree(-1, \"\", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xfff760fe) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_OPEN_TREE,
            [AT_FDCWD, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(5)
        ),
        "open_tree(AT_FDCWD, \"/dev/full\", 0)     = 5"
    );
}

/// A 256-byte key (no NUL within what strace reads) and one of 255 bytes.
fn keys() -> (Vec<u8>, Vec<u8>) {
    let long: Vec<u8> = (0..256).map(|i| b'a' + (i % 26) as u8).chain([0]).collect();
    let short = long[1..].to_vec();
    (long, short)
}

#[test]
fn fsconfig_keys_and_values_by_command() {
    let (long, short) = keys();
    let mem = FakeMemory::new()
        .with(0x1000, b"source\0")
        .with(0x2000, b"/dev/full\0")
        .with(0x3000, &long)
        .with(0x4000, &short)
        .with(0x5000, b"\0\x01\x02\x03");
    let fsconfig = |cmd: u64, key: u64, value: u64, aux: u64, max_strlen| {
        let args = [FILL | 3, FILL | cmd, key, value, FILL | aux, 0];
        let opts = DecodeOpts {
            max_strlen,
            ..DecodeOpts::default()
        };
        render_call(
            NR_FSCONFIG,
            args,
            [&mem, &mem],
            opts,
            Some(&mut fds()),
            |_| {},
            Outcome::Err(EINVAL),
        )
    };
    let err = " = -1 EINVAL (Invalid argument)";
    assert_eq!(
        fsconfig(0, 0x1000, 0x2000, -100i32 as u32 as u64, 32),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_FLAG, \"source\", 0x2000, -100){err}")
    );
    assert_eq!(
        fsconfig(1, 0x1000, 0x2000, 0, 32),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_STRING, \"source\", \"/dev/full\", 0){err}")
    );
    // A key of 256 bytes is cut even with its NUL right after; 255 and a NUL are whole.
    let abc = String::from_utf8(long[..256].to_vec()).unwrap();
    assert_eq!(
        fsconfig(1, 0x3000, 0x4000, 0, 300),
        format!(
            "fsconfig(3</dev/full>, FSCONFIG_SET_STRING, \"{abc}\"..., \"{}\", 0){err}",
            &abc[1..]
        )
    );
    assert_eq!(
        fsconfig(1, 0x3000, 0x1000, 0, 32),
        format!(
            "fsconfig(3</dev/full>, FSCONFIG_SET_STRING, \"{}\"..., \"source\", 0){err}",
            &abc[..32]
        )
    );
    // A blob of aux bytes in hex; a length out of 0..=1 MiB shows the address.
    assert_eq!(
        fsconfig(2, 0x1000, 0x5000, 4, 32),
        format!(
            "fsconfig(3</dev/full>, FSCONFIG_SET_BINARY, \"source\", \"\\x00\\x01\\x02\\x03\", 4){err}"
        )
    );
    assert_eq!(
        fsconfig(2, 0x1000, 0x5000, 0, 32),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_BINARY, \"source\", \"\", 0){err}")
    );
    assert_eq!(
        fsconfig(2, 0x1000, 0x5000, (1 << 20) + 1, 32),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_BINARY, \"source\", 0x5000, 1048577){err}")
    );
    assert_eq!(
        fsconfig(2, 0x1000, 0x5000, -100i32 as u32 as u64, 32),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_BINARY, \"source\", 0x5000, -100){err}")
    );
}

#[test]
fn fsconfig_paths_descriptors_and_commands_without_values() {
    let mem = FakeMemory::new()
        .with(0x1000, b"source\0")
        .with(0x2000, b"/dev/full\0");
    let fsconfig = |cmd: u64, key: u64, value: u64, aux: u64| {
        let args = [FILL | 3, FILL | cmd, key, value, FILL | aux, 0];
        line_y(NR_FSCONFIG, args, &mem, Outcome::Err(EINVAL))
    };
    let err = " = -1 EINVAL (Invalid argument)";
    assert_eq!(
        fsconfig(3, 0x1000, 0x2000, -100i32 as u32 as u64),
        format!(
            "fsconfig(3</dev/full>, FSCONFIG_SET_PATH, \"source\", \"/dev/full\", AT_FDCWD</tmp>){err}"
        )
    );
    assert_eq!(
        fsconfig(4, 0, BAD, 3),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_PATH_EMPTY, NULL, 0x9000, 3</dev/full>){err}")
    );
    assert_eq!(
        fsconfig(5, 0x1000, 0x2000, 3),
        format!("fsconfig(3</dev/full>, FSCONFIG_SET_FD, \"source\", 0x2000, 3</dev/full>){err}")
    );
    assert_eq!(
        fsconfig(6, 0x1000, 0x2000, 3),
        format!("fsconfig(3</dev/full>, FSCONFIG_CMD_CREATE, 0x1000, 0x2000, 3){err}")
    );
    assert_eq!(
        fsconfig(7, 0, 0, 0),
        format!("fsconfig(3</dev/full>, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0){err}")
    );
    assert_eq!(
        fsconfig(0xffff_ffff, 0x1000, 0x2000, 3),
        format!("fsconfig(3</dev/full>, 0xffffffff /* FSCONFIG_??? */, 0x1000, 0x2000, 3){err}")
    );
}
