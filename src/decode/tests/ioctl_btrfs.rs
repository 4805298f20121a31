//! btrfs's `ioctl` requests (`[ioctl_args]`'s `<linux/btrfs.h>` block) and the member kinds
//! they brought: `uint_max` and `dev`.

use super::*;

/// `BTRFS_IOC_*` codes (`<linux/btrfs.h>`).
const BTRFS_IOC_SYNC: u64 = 0x9408;
const BTRFS_IOC_SNAP_CREATE: u64 = 0x5000_9401;
const BTRFS_IOC_DEFRAG_RANGE: u64 = 0x4030_9410;
const BTRFS_IOC_SCRUB: u64 = 0xc400_941b;
const BTRFS_IOC_BALANCE_CTL: u64 = 0x4004_9421;

/// `-v`: no abbreviation.
fn verbose() -> DecodeOpts {
    DecodeOpts {
        abbreviate: false,
        ..DecodeOpts::default()
    }
}

/// `-e verbose=none`.
fn terse() -> DecodeOpts {
    DecodeOpts {
        verbose: false,
        ..DecodeOpts::default()
    }
}

/// An ioctl's line under `opts`.
fn line_opts(args: [u64; 6], mem: &FakeMemory, opts: DecodeOpts, outcome: Outcome) -> String {
    render_call(NR_IOCTL, args, [mem, mem], opts, None, |_| {}, outcome)
}

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

const BTRFS_IOC_SNAP_CREATE_V2: u64 = 0x5000_9417;
const BTRFS_IOC_SUBVOL_GETFLAGS: u64 = 0x8008_9419;
const BTRFS_IOC_SUBVOL_SETFLAGS: u64 = 0x4008_941a;
const BTRFS_IOC_BALANCE_V2: u64 = 0xc400_9420;
const BTRFS_IOC_QUOTA_RESCAN_STATUS: u64 = 0x8040_942d;
const FS_IOC_GETFSLABEL: u64 = 0x8100_9431;

#[test]
fn btrfs_flags_label_and_object_ids() {
    let mut rescan = words(&[0, 256]);
    rescan.resize(64, 0);
    let mut other = words(&[0, 257]);
    other.resize(64, 0);
    // A label's whole buffer (FSLABEL_MAX bytes) is read.
    let mut label = b"label".to_vec();
    label.resize(256, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x1b]))
        .with(0x2000, &label)
        .with(0x3000, &rescan)
        .with(0x4000, &other);
    // A flags word behind a pointer, without brackets; at exit for the getter.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SUBVOL_SETFLAGS, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SUBVOL_SETFLAGS, BTRFS_SUBVOL_CREATE_ASYNC|BTRFS_SUBVOL_RDONLY|0x18) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SUBVOL_GETFLAGS, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_SUBVOL_GETFLAGS, NULL) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, FS_IOC_GETFSLABEL, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, FS_IOC_GETFSLABEL, \"label\")    = 0"
    );
    // Under -e verbose=none, the label's address.
    assert_eq!(
        line_opts(
            [3, FS_IOC_GETFSLABEL, 0x2000, 0, 0, 0],
            &mem,
            terse(),
            Outcome::Ok(0)
        ),
        "ioctl(3, FS_IOC_GETFSLABEL, 0x2000)     = 0"
    );
    // An object id by name, else in decimal with no comment.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_QUOTA_RESCAN_STATUS, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_QUOTA_RESCAN_STATUS, {flags=0, progress=BTRFS_FIRST_FREE_OBJECTID}) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_QUOTA_RESCAN_STATUS, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_QUOTA_RESCAN_STATUS, {flags=0, progress=257}) = 0"
    );
}

#[test]
fn btrfs_balance_and_subvol_create() {
    // balance_args: only the metadata's args (BTRFS_BALANCE_METADATA); at exit the state too.
    let mut balance = words(&[4, 1]);
    balance.resize(1024, 0);
    balance[152..160].copy_from_slice(&8u64.to_ne_bytes());
    balance[152 + 32..152 + 40].copy_from_slice(&u64::MAX.to_ne_bytes());
    // vol_args_v2 with QGROUP_INHERIT: its qgroup_inherit (two qgroups), then the name.
    let mut v2 = words(&[4, 0, 0x4, 80, 0x5000]);
    v2.resize(4096, 0);
    v2[56..60].copy_from_slice(b"sub\0");
    let mut inherit = words(&[0, 2, 0, 0]);
    inherit.resize(72, 0);
    inherit.extend(words(&[257, 258]));
    let mut v2_after = v2.clone();
    v2_after[8..16].copy_from_slice(&42u64.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &balance)
        .with(0x4000, &v2)
        .with(0x5000, &inherit);
    let after = FakeMemory::new().with(0x4000, &v2_after);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_BALANCE_V2, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_BALANCE_V2, {flags=BTRFS_BALANCE_METADATA, meta={profiles=BTRFS_BLOCK_GROUP_RAID0, usage=0, devid=makedev(0, 0), pstart=0, pend=UINT64_MAX, vstart=0, vend=0, target=0, flags=0}} => {flags=BTRFS_BALANCE_METADATA, state=BTRFS_BALANCE_STATE_RUNNING, meta={profiles=BTRFS_BLOCK_GROUP_RAID0, usage=0, devid=makedev(0, 0), pstart=0, pend=UINT64_MAX, vstart=0, vend=0, target=0, flags=0}}) = 0"
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BTRFS_IOC_SNAP_CREATE_V2, 0x4000, 0, 0, 0],
            &mem,
            &after,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SNAP_CREATE_V2, {fd=4, flags=BTRFS_SUBVOL_QGROUP_INHERIT, size=80, qgroup_inherit={flags=0, num_qgroups=2, num_ref_copies=0, num_excl_copies=0, lim={flags=0, max_rfer=0, max_excl=0, rsv_rfer=0, rsv_excl=0}, ...}, name=\"sub\"} => {transid=42}) = 0"
    );
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_SNAP_CREATE_V2, 0x4000, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_SNAP_CREATE_V2, {fd=4, flags=BTRFS_SUBVOL_QGROUP_INHERIT, size=80, qgroup_inherit={flags=0, num_qgroups=2, num_ref_copies=0, num_excl_copies=0, lim={flags=0, max_rfer=0, max_excl=0, rsv_rfer=0, rsv_excl=0}, qgroups=[257, 258]}, name=\"sub\"}) = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn btrfs_send_clone_sources() {
    const BTRFS_IOC_SEND: u64 = 0x4048_9426;
    let mut send = words(&[4, 2, 0x2000, 5, 0x21]);
    send.resize(72, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &send)
        .with(0x2000, &words(&[256, 300]));
    // Their address unless -v; under -v the object ids, by name where they have one.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SEND, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SEND, {send_fd=4, clone_sources_count=2, clone_sources=0x2000, parent_root=BTRFS_FS_TREE_OBJECTID, flags=BTRFS_SEND_FLAG_NO_FILE_DATA|0x20}) = 0"
    );
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_SEND, 0x1000, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SEND, {send_fd=4, clone_sources_count=2, clone_sources=[BTRFS_FIRST_FREE_OBJECTID, 300], parent_root=BTRFS_FS_TREE_OBJECTID, flags=BTRFS_SEND_FLAG_NO_FILE_DATA|0x20}) = 0"
    );
}

const BTRFS_IOC_SUBVOL_CREATE_V2: u64 = 0x5000_9418;
const BTRFS_IOC_SCRUB_PROGRESS: u64 = 0xc400_941d;
const BTRFS_IOC_SPACE_INFO: u64 = 0xc010_9414;
const BTRFS_IOC_GET_DEV_STATS: u64 = 0xc408_9434;

/// strace's scrub progress with every counter `n`.
fn progress(n: u64) -> String {
    let names = [
        "data_extents_scrubbed",
        "tree_extents_scrubbed",
        "data_bytes_scrubbed",
        "tree_bytes_scrubbed",
        "read_errors",
        "csum_errors",
        "verify_errors",
        "no_csum",
        "csum_discards",
        "super_errors",
        "malloc_errors",
        "uncorrectable_errors",
        "corrected_errors",
        "last_physical",
        "unverified_errors",
    ];
    let members: Vec<String> = names.iter().map(|m| format!("{m}={n}")).collect();
    format!("{{progress={{{}}}}}", members.join(", "))
}

#[test]
fn btrfs_inout_shows_the_exit_only_after_a_read_entry() {
    let mut scrub = words(&[0x801]);
    scrub.resize(1024, 0);
    let mut scrub_after = scrub.clone();
    for i in 0..15 {
        put(&mut scrub_after, 32 + 8 * i, 7u64.to_ne_bytes());
    }
    let mem = FakeMemory::new()
        .with(0x1000, &scrub)
        .with(0x3e00, &scrub[..512]);
    let after = FakeMemory::new().with(0x1000, &scrub_after);
    // exit_struct: the device at entry, the progress the kernel wrote at exit.
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BTRFS_IOC_SCRUB_PROGRESS, 0x1000, 0, 0, 0],
            &mem,
            &after,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, BTRFS_IOC_SCRUB_PROGRESS, {{devid=makedev(0x8, 0x1)}} => {}) = 0",
            progress(7)
        )
    );
    // A failed call: the entry only.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SCRUB_PROGRESS, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_SCRUB_PROGRESS, {devid=makedev(0x8, 0x1)}) = -1 EBADF (Bad file descriptor)"
    );
    // NULL, a struct half out of reach, -e verbose=none: shown once, at entry.
    for (args, opts, shown) in [
        (
            [3, BTRFS_IOC_SCRUB_PROGRESS, 0, 0, 0, 0],
            DecodeOpts::default(),
            "NULL",
        ),
        (
            [3, BTRFS_IOC_SCRUB_PROGRESS, 0x3e00, 0, 0, 0],
            DecodeOpts::default(),
            "0x3e00",
        ),
        (
            [3, BTRFS_IOC_SCRUB_PROGRESS, 0x1000, 0, 0, 0],
            terse(),
            "0x1000",
        ),
        (
            [3, BTRFS_IOC_SUBVOL_CREATE_V2, 0, 0, 0, 0],
            DecodeOpts::default(),
            "NULL",
        ),
        (
            [3, BTRFS_IOC_GET_DEV_STATS, 0x3e00, 0, 0, 0],
            DecodeOpts::default(),
            "0x3e00",
        ),
    ] {
        let got = line_opts(args, &mem, opts, Outcome::Ok(0));
        assert!(got.ends_with(&format!(", {shown}) = 0")), "{got}");
        assert!(!got.contains(" => "), "{got}");
    }
    // BALANCE_V2 shows its exit whatever its entry read, as strace does.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_BALANCE_V2, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_BALANCE_V2, NULL => NULL) = 0"
    );
}

#[test]
fn btrfs_dev_stats_values() {
    let mut stats = words(&[1, 7, 1, 3, 0, 0, 0, 9]);
    stats.resize(1032, 0);
    let mut two = words(&[1, 2, 0, 3, 4]);
    two.resize(1032, 0);
    let mem = FakeMemory::new().with(0x1000, &stats).with(0x2000, &two);
    // Indexed by name; past the struct's five values, `...`.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_GET_DEV_STATS, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_GET_DEV_STATS, {devid=makedev(0, 0x1), nr_items=7, flags=BTRFS_DEV_STATS_RESET} => {nr_items=7, flags=BTRFS_DEV_STATS_RESET, [[BTRFS_DEV_STAT_WRITE_ERRS]=3, [BTRFS_DEV_STAT_READ_ERRS]=0, [BTRFS_DEV_STAT_FLUSH_ERRS]=0, [BTRFS_DEV_STAT_CORRUPTION_ERRS]=0, [BTRFS_DEV_STAT_GENERATION_ERRS]=9, ...]}) = 0"
    );
    assert_eq!(
        line_styled(
            crate::output::ConstStyle::Verbose,
            NR_IOCTL,
            [3, BTRFS_IOC_GET_DEV_STATS, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, 0xc4089434 /* BTRFS_IOC_GET_DEV_STATS */, {devid=0x1 /* makedev(0, 0x1) */, nr_items=2, flags=0} => {nr_items=2, flags=0, [[0 /* BTRFS_DEV_STAT_WRITE_ERRS */]=3, [1 /* BTRFS_DEV_STAT_READ_ERRS */]=4]}) = 0"
    );
}

#[test]
fn btrfs_space_info() {
    let mut count_only = words(&[0, 2]);
    count_only.extend(words(&[0; 6]));
    let mut spaces = words(&[2, 2, 0x7, 100, 50, 0x2_0000_0000_0200, 0, 4096]);
    spaces.truncate(16 + 48);
    let mem = FakeMemory::new()
        .with(0x1000, &count_only)
        .with(0x2000, &spaces)
        .with(0x4000 - 40, &spaces[..40]);
    // The caller asked for the count only.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SPACE_INFO, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SPACE_INFO, {space_slots=0} => {total_spaces=2}) = 0"
    );
    // The spaces: `...` unless -v; an unknown bit is a BTRFS_SPACE_INFO_???.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_SPACE_INFO, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SPACE_INFO, {space_slots=2} => {total_spaces=2, ...}) = 0"
    );
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_SPACE_INFO, 0x2000, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SPACE_INFO, {space_slots=2} => {total_spaces=2, spaces=[{flags=BTRFS_BLOCK_GROUP_DATA|BTRFS_BLOCK_GROUP_SYSTEM|BTRFS_BLOCK_GROUP_METADATA, total_bytes=100, used_bytes=50}, {flags=BTRFS_SPACE_INFO_GLOBAL_RSV|0x200, total_bytes=0, used_bytes=4096}]}) = 0"
    );
    // The second space out of reach: strace's print_array stops at it.
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_SPACE_INFO, 0x4000 - 40, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_SPACE_INFO, {space_slots=2} => {total_spaces=2, spaces=[{flags=BTRFS_BLOCK_GROUP_DATA|BTRFS_BLOCK_GROUP_SYSTEM|BTRFS_BLOCK_GROUP_METADATA, total_bytes=100, used_bytes=50}, ... /* 0x4000 */]}) = 0"
    );
}

#[test]
fn btrfs_label_is_a_char_array() {
    let long = [b'f'; 256];
    let mem = FakeMemory::new()
        .with(0x1000, &long)
        .with(0x3000 - 6, b"short\0");
    // No NUL in FSLABEL_MAX bytes: all but the last, and `...`, whatever -s says.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, FS_IOC_GETFSLABEL, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, FS_IOC_GETFSLABEL, \"{}\"...) = 0",
            "f".repeat(255)
        )
    );
    // A buffer shorter than FSLABEL_MAX: its address.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, FS_IOC_GETFSLABEL, 0x3000 - 6, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, FS_IOC_GETFSLABEL, 0x2ffa)     = 0"
    );
}

const BTRFS_IOC_FS_INFO: u64 = 0x8400_941f;
const BTRFS_IOC_DEV_INFO: u64 = 0xd000_941e;
const BTRFS_IOC_GET_SUPPORTED_FEATURES: u64 = 0x8048_9439;
const BTRFS_IOC_TREE_SEARCH: u64 = 0xd000_9411;
const BTRFS_IOC_TREE_SEARCH_V2: u64 = 0xc070_9411;
const BTRFS_IOC_INO_LOOKUP: u64 = 0xd000_9412;
const BTRFS_IOC_INO_PATHS: u64 = 0xc038_9423;
const BTRFS_IOC_LOGICAL_INO: u64 = 0xc038_9424;
const BTRFS_IOC_SET_RECEIVED_SUBVOL: u64 = 0xc0c8_9425;
const BTRFS_IOC_DEV_REPLACE: u64 = 0xca28_9435;
const FIDEDUPERANGE: u64 = 0xc018_9436;
const EOVERFLOW: u64 = 75;

/// The UUID of strace's btrfs test, and how it prints.
const UUID: [u8; 16] = [
    0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
];
const UUID_TEXT: &str = "01234567-89ab-cdef-fedc-ba9876543210";

#[test]
fn btrfs_fs_info_and_dev_info_uuids() {
    // fs_info: the checksum and metadata UUID only when flags ask for them.
    let mut fs = words(&[1, 2]);
    fs.extend_from_slice(&UUID);
    fs.extend(words32(&[16384, 4096, 4096]));
    fs.extend_from_slice(&[1, 0, 8, 0]);
    fs.extend(words(&[0x5, 77]));
    fs.extend_from_slice(&UUID);
    fs.resize(1024, 0);
    // dev_info: a zero UUID is left out; at exit the sizes and the path.
    let mut dev = words(&[0x801]);
    dev.resize(4096, 0);
    let mut dev_after = dev.clone();
    put(&mut dev_after, 8, UUID);
    put(&mut dev_after, 24, 4096u64.to_ne_bytes());
    put(&mut dev_after, 3072, *b"/dev/sda1\0");
    let mem = FakeMemory::new().with(0x1000, &fs).with(0x2000, &dev);
    let after = FakeMemory::new().with(0x1000, &fs).with(0x2000, &dev_after);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_FS_INFO, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, BTRFS_IOC_FS_INFO, {{max_id=1, num_devices=2, fsid={UUID_TEXT}, \
             nodesize=16384, sectorsize=4096, clone_alignment=4096, \
             csum_type=BTRFS_CSUM_TYPE_XXHASH, csum_size=8, \
             flags=BTRFS_FS_INFO_FLAG_CSUM_INFO|BTRFS_FS_INFO_FLAG_METADATA_UUID, \
             metadata_uuid={UUID_TEXT}}}) = 0"
        )
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_FS_INFO, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_FS_INFO, 0x1000)     = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BTRFS_IOC_DEV_INFO, 0x2000, 0, 0, 0],
            &mem,
            &after,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, BTRFS_IOC_DEV_INFO, {{devid=makedev(0x8, 0x1)}} => {{uuid={UUID_TEXT}, \
             bytes_used=4096, total_bytes=0, path=\"/dev/sda1\"}}) = 0"
        )
    );
}

#[test]
fn btrfs_supported_features_are_commented() {
    let mut sets = words(&[0, 1, 0x8]);
    sets.extend(words(&[0, 0, 0]));
    sets.extend(words(&[0, 0, 1 << 40]));
    let mem = FakeMemory::new().with(0x1000, &sets);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_GET_SUPPORTED_FEATURES, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_GET_SUPPORTED_FEATURES, [{compat_flags=0, \
         compat_ro_flags=BTRFS_FEATURE_COMPAT_RO_FREE_SPACE_TREE, \
         incompat_flags=BTRFS_FEATURE_INCOMPAT_COMPRESS_LZO} /* supported */, {compat_flags=0, \
         compat_ro_flags=0, incompat_flags=0} /* safe to set */, {compat_flags=0, \
         compat_ro_flags=0, incompat_flags=0x10000000000 /* BTRFS_FEATURE_INCOMPAT_??? */} \
         /* safe to clear */]) = 0"
    );
}

/// A search key: tree 5, the default object ids, everything else open, `n` items.
fn search_key(n: u32) -> Vec<u8> {
    let mut key = words(&[5, 256, -256i64 as u64, 0, u64::MAX, 0, u64::MAX]);
    key.extend(words32(&[0, u32::MAX, n, 0]));
    key.resize(104, 0);
    key
}

/// An item header: transid, object id, offset, key type and `len` bytes of item after it.
fn item(transid: u64, objectid: u64, kind: u32, len: u32) -> Vec<u8> {
    let mut h = words(&[transid, objectid, 0]);
    h.extend(words32(&[kind, len]));
    h.resize(32 + len as usize, 0xee);
    h
}

#[test]
fn btrfs_tree_search_key_and_items() {
    let mut args = search_key(3);
    args.extend(item(10, 256, 1, 8));
    args.extend(item(11, 6, 84, 0));
    args.extend(item(12, 1000, 7, 0));
    args.resize(4096, 0);
    let mem = FakeMemory::new().with(0x1000, &args);
    let key = "tree_id=BTRFS_FS_TREE_OBJECTID, min_offset=0, max_offset=UINT64_MAX, \
               min_transid=0, max_transid=UINT64_MAX, min_type=0, max_type=UINT32_MAX, nr_items=3";
    // The default object ids are left out; at exit the count, and the items under -v.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_TREE_SEARCH, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, BTRFS_IOC_TREE_SEARCH, {{key={{{key}}}}} => {{key={{nr_items=3}}, ...}}) = 0"
        )
    );
    let verbose_key = key.replace(
        "tree_id=BTRFS_FS_TREE_OBJECTID, ",
        "tree_id=BTRFS_FS_TREE_OBJECTID, min_objectid=BTRFS_FIRST_FREE_OBJECTID, \
         max_objectid=BTRFS_LAST_FREE_OBJECTID, ",
    );
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_TREE_SEARCH, 0x1000, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, BTRFS_IOC_TREE_SEARCH, {{key={{{verbose_key}}}}} => {{key={{nr_items=3}}, \
             buf=[{{transid=10, objectid=BTRFS_FIRST_FREE_OBJECTID, offset=0, \
             type=BTRFS_INODE_ITEM_KEY, len=8}}, {{transid=11, objectid=BTRFS_ROOT_TREE_DIR_OBJECTID, \
             offset=0, type=BTRFS_DIR_ITEM_KEY, len=0}}, {{transid=12, objectid=1000, offset=0, \
             type=7, len=0}}]}}) = 0"
        )
    );
    // -s 1: the items after the second are `...`.
    let short = DecodeOpts {
        max_strlen: 1,
        ..verbose()
    };
    let got = line_opts(
        [3, BTRFS_IOC_TREE_SEARCH, 0x1000, 0, 0, 0],
        &mem,
        short,
        Outcome::Ok(0),
    );
    assert!(got.ends_with("len=0}, ...]}) = 0"), "{got}");
}

#[test]
fn btrfs_tree_search_v2_buffer() {
    // Two items announced in a buffer that holds one header: `...`; the second read fails.
    let mut v2 = search_key(2);
    v2.extend(words(&[40]));
    v2.extend(item(10, 256, 1, 0));
    let mut tight = search_key(2);
    tight.extend(words(&[4096]));
    tight.extend(item(10, 256, 1, 0));
    let at = 0x4000 - tight.len() as u64;
    let mem = FakeMemory::new().with(0x1000, &v2).with(at, &tight);
    let one = "{transid=10, objectid=BTRFS_FIRST_FREE_OBJECTID, offset=0, \
               type=BTRFS_INODE_ITEM_KEY, len=0}";
    let got = line_opts(
        [3, BTRFS_IOC_TREE_SEARCH_V2, 0x1000, 0, 0, 0],
        &mem,
        verbose(),
        Outcome::Ok(0),
    );
    assert!(
        got.ends_with(&format!(
            "buf_size=40}} => {{key={{nr_items=2}}, buf_size=40, buf=[{one}, ...]}}) = 0"
        )),
        "{got}"
    );
    let got = line_opts(
        [3, BTRFS_IOC_TREE_SEARCH_V2, at, 0, 0, 0],
        &mem,
        verbose(),
        Outcome::Ok(0),
    );
    assert!(
        got.ends_with(&format!("buf=[{one}, ... /* 0x4000 */]}}) = 0")),
        "{got}"
    );
    // EOVERFLOW: the size the kernel wants; another error shows nothing more.
    let mut wants = v2.clone();
    put(&mut wants, 104, 4096u64.to_ne_bytes());
    let after = FakeMemory::new().with(0x1000, &wants);
    let got = line_changed(
        NR_IOCTL,
        [3, BTRFS_IOC_TREE_SEARCH_V2, 0x1000, 0, 0, 0],
        &mem,
        &after,
        Outcome::Err(EOVERFLOW),
    );
    assert!(
        got.ends_with("buf_size=40} => {buf_size=4096}) = -1 EOVERFLOW (Value too large for defined data type)"),
        "{got}"
    );
    let got = line(
        NR_IOCTL,
        [3, BTRFS_IOC_TREE_SEARCH_V2, 0x1000, 0, 0, 0],
        &mem,
        Outcome::Err(EBADF),
    );
    assert!(
        got.ends_with("buf_size=40}) = -1 EBADF (Bad file descriptor)"),
        "{got}"
    );
}

#[test]
fn btrfs_ino_lookup_tree_id_at_exit_when_asked() {
    let mut asked = words(&[0, 256]);
    asked.resize(4096, 0);
    let mut given = words(&[5, 1000]);
    given.resize(4096, 0);
    let mut asked_after = asked.clone();
    put(&mut asked_after, 0, 5u64.to_ne_bytes());
    put(&mut asked_after, 16, *b"dir/file\0");
    let mut given_after = given.clone();
    put(&mut given_after, 16, *b"x\0");
    let mem = FakeMemory::new().with(0x1000, &asked).with(0x3000, &given);
    let after = FakeMemory::new()
        .with(0x1000, &asked_after)
        .with(0x3000, &given_after);
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BTRFS_IOC_INO_LOOKUP, 0x1000, 0, 0, 0],
            &mem,
            &after,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_INO_LOOKUP, {treeid=0, objectid=BTRFS_FIRST_FREE_OBJECTID} => \
         {treeid=BTRFS_FS_TREE_OBJECTID, name=\"dir/file\"}) = 0"
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BTRFS_IOC_INO_LOOKUP, 0x3000, 0, 0, 0],
            &mem,
            &after,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_INO_LOOKUP, {treeid=BTRFS_FS_TREE_OBJECTID, objectid=1000} => \
         {name=\"x\"}) = 0"
    );
}

#[test]
fn btrfs_ino_paths_and_logical_ino_containers() {
    let mut paths = words(&[256, 4096, 0, 0, 0, 0, 0x2000]);
    let mut logical = words(&[1 << 20, 4096, 0, 7, 0, 1, 0x3000]);
    // Containers: two paths (offsets from `val`); seven values, two whole records.
    let mut fspath = words32(&[100, 0, 2, 0]);
    fspath.extend(words(&[16, 20]));
    fspath.extend_from_slice(b"a/b\0c\0");
    let mut inodes = words32(&[0, 0, 7, 1]);
    inodes.extend(words(&[256, 0, 5, 257, 4096, 5, 9]));
    let mem = FakeMemory::new()
        .with(0x1000, &paths)
        .with(0x4000, &logical)
        .with(0x2000, &fspath)
        .with(0x3000, &inodes);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_INO_PATHS, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_INO_PATHS, {inum=256, size=4096, fspath=0x2000} => \
         {fspath={bytes_left=100, bytes_missing=0, elem_cnt=2, elem_missed=0, ...}}) = 0"
    );
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_INO_PATHS, 0x1000, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_INO_PATHS, {inum=256, size=4096, fspath=0x2000} => \
         {fspath={bytes_left=100, bytes_missing=0, elem_cnt=2, elem_missed=0, \
         val=[\"a/b\", \"c\"]}}) = 0"
    );
    // A reserved word that is not zero shows them all, in hex.
    assert_eq!(
        line_opts(
            [3, BTRFS_IOC_LOGICAL_INO, 0x4000, 0, 0, 0],
            &mem,
            verbose(),
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_LOGICAL_INO, {logical=1048576, size=4096, reserved=[0, 0x7, 0], \
         flags=BTRFS_LOGICAL_INO_ARGS_IGNORE_OFFSET, inodes=0x3000} => {inodes={bytes_left=0, \
         bytes_missing=0, elem_cnt=7, elem_missed=1, val=[{inum=256, offset=0, root=5}, \
         {inum=257, offset=4096, root=5}]}}) = 0"
    );
    put(&mut logical, 24, 0u64.to_ne_bytes());
    put(&mut paths, 48, 0x1ff8u64.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &paths)
        .with(0x4000, &logical)
        .with(0x1ff8, &[0; 8]);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_INO_PATHS, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_INO_PATHS, {inum=256, size=4096, fspath=0x1ff8} => \
         {fspath=0x1ff8}) = 0"
    );
    let got = line(
        NR_IOCTL,
        [3, BTRFS_IOC_LOGICAL_INO, 0x4000, 0, 0, 0],
        &mem,
        Outcome::Err(EBADF),
    );
    assert!(got.contains("size=4096, flags=BTRFS_"), "{got}");
}

#[test]
fn btrfs_received_subvol_times() {
    let mut recv = UUID.to_vec();
    recv.extend(words(&[74565, 12, 1463193386, 12345, 0, 0, 2]));
    recv.resize(200, 0);
    let mut recv_after = recv.clone();
    put(&mut recv_after, 48, 1_700_000_000u64.to_ne_bytes());
    put(&mut recv_after, 56, 2_000_000_000u32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &recv);
    let after = FakeMemory::new().with(0x1000, &recv_after);
    // A time with a fraction out of range has no date, nor has 0.
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BTRFS_IOC_SET_RECEIVED_SUBVOL, 0x1000, 0, 0, 0],
            &mem,
            &after,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, BTRFS_IOC_SET_RECEIVED_SUBVOL, {{uuid={UUID_TEXT}, stransid=74565, \
             stime={{sec=1463193386, nsec=12345}} /* 2016-05-14T02:36:26.000012345+0000 */, \
             flags=2}} => {{rtransid=12, rtime={{sec=1700000000, nsec=2000000000}}}}) = 0"
        )
    );
}

#[test]
fn btrfs_dev_replace_by_command() {
    let mut start = words(&[0, 0, 1, 1]);
    start.extend_from_slice(b"/dev/sda1\0");
    start.resize(32 + 1025, 0);
    start.extend_from_slice(b"/dev/sdb1\0");
    start.resize(2600, 0);
    let mut status = words(&[1, 1, 1, 505, 1_700_000_000, 0, 3, 0]);
    status.resize(2600, 0);
    let mem = FakeMemory::new().with(0x1000, &start).with(0x2000, &status);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_DEV_REPLACE, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BTRFS_IOC_DEV_REPLACE, {cmd=BTRFS_IOCTL_DEV_REPLACE_CMD_START, \
         start={srcdevid=makedev(0, 0x1), \
         cont_reading_from_srcdev_mode=BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_AVOID, \
         srcdev_name=\"/dev/sda1\", tgtdev_name=\"/dev/sdb1\"}}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, BTRFS_IOC_DEV_REPLACE, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_DEV_REPLACE, {cmd=BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS} => \
         {result=BTRFS_IOCTL_DEV_REPLACE_RESULT_NOT_STARTED, \
         status={replace_state=BTRFS_IOCTL_DEV_REPLACE_STATE_STARTED, \
         progress_1000=505 /* 50.5% */, time_started=1700000000 /* 2023-11-14T22:13:20+0000 */, \
         time_stopped=0, num_write_errors=3, num_uncorrectable_read_errors=0}}) = 0"
    );
}

#[test]
fn btrfs_dedupe_range_info() {
    let mut range = words(&[1024, 10240]);
    range.extend(words32(&[3, 0]));
    for k in 0..3u64 {
        range.extend(words(&[k, 100 * k, 10 * k]));
        range.extend(words32(&[k as u32, 0]));
    }
    let mut none = range.clone();
    put(&mut none, 16, 0u16.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &range).with(0x2000, &none);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, FIDEDUPERANGE, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=1024, \
         src_length=10240, dest_count=3, info=[{dest_fd=0, dest_offset=0}, {dest_fd=1, \
         dest_offset=100}, ...]} => {info=[{bytes_deduped=0, status=0}, {bytes_deduped=10, \
         status=1}, ...]}) = 0"
    );
    let got = line_opts(
        [3, FIDEDUPERANGE, 0x1000, 0, 0, 0],
        &mem,
        verbose(),
        Outcome::Ok(0),
    );
    assert!(
        got.ends_with("{bytes_deduped=20, status=2}]}) = 0"),
        "{got}"
    );
    // No element: nothing at exit.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, FIDEDUPERANGE, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=1024, \
         src_length=10240, dest_count=0, info=[]}) = 0"
    );
}
