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
