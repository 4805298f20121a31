//! `quotactl` and `quotactl_fd` (`decode/quota.rs` and the quota structs of the spec), as
//! strace 6.1 prints them (its tests quotactl.c, quotactl-xfs.c, quotactl_fd.c).

use super::*;
use crate::output::ConstStyle;

const NR_QUOTACTL: u64 = 179;
const NR_QUOTACTL_FD: u64 = 443;
const ENODEV: u64 = 19;

/// `QCMD(cmd, type)`.
fn qcmd(cmd: u64, ty: u64) -> u64 {
    (cmd << 8) | ty
}
const Q_QUOTAON: u64 = 0x80_0002;
const Q_GETQUOTA: u64 = 0x80_0007;
const Q_SETQUOTA: u64 = 0x80_0008;
const Q_GETNEXTQUOTA: u64 = 0x80_0009;
const Q_GETFMT: u64 = 0x80_0004;
const Q_GETINFO: u64 = 0x80_0005;
const Q_SYNC: u64 = 0x80_0001;
const Q_XQUOTAON: u64 = 0x5801;
const Q_XGETQSTAT: u64 = 0x5805;

fn mem() -> FakeMemory {
    let dqblk: Vec<u64> = (1..=9).collect();
    let mut info = words(&[604_800, 3600]);
    info.extend_from_slice(&words32(&[0x1_0001, 0x4]));
    let mut qstat = vec![0u8; 80];
    qstat[0] = 1;
    put(&mut qstat, 2, 0x5u16.to_ne_bytes());
    put(&mut qstat, 8, 7u64.to_ne_bytes());
    FakeMemory::new()
        .with(0x1000, b"/dev/sda1\0")
        .with(0x5000, b"/quota.user\0")
        .with(0x2000, &words(&dqblk))
        .with(0x3000, &info)
        .with(0x6000, &words32(&[2]))
        .with(0x7000, &words32(&[0x43]))
        .with(0x4000, &qstat)
}

#[test]
fn commands_by_shape() {
    let m = mem();
    let q = |cmd, id, addr, outcome| {
        line(
            NR_QUOTACTL,
            [qcmd(cmd, 0), 0x1000, id, addr, 0, 0],
            &m,
            outcome,
        )
    };
    assert_eq!(
        q(Q_QUOTAON, 2, 0x5000, Outcome::Ok(0)),
        r#"quotactl(QCMD(Q_QUOTAON, USRQUOTA), "/dev/sda1", QFMT_VFS_V0, "/quota.user") = 0"#
    );
    assert_eq!(
        q(Q_SYNC, 5, 6, Outcome::Ok(0)),
        r#"quotactl(QCMD(Q_SYNC, USRQUOTA), "/dev/sda1") = 0"#
    );
    assert_eq!(
        q(Q_GETQUOTA, 1000, 0x2000, Outcome::Ok(0)),
        r#"quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda1", 1000, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, ...}) = 0"#
    );
    // What a failed call would have written is its address; the id shows at entry.
    assert_eq!(
        q(Q_GETQUOTA, 0xffff_ffff, 0x2000, Outcome::Err(ENODEV)),
        r#"quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda1", -1, 0x2000) = -1 ENODEV (No such device)"#
    );
    // A struct the call reads shows even when it fails.
    assert_eq!(
        q(Q_SETQUOTA, 7, 0x2000, Outcome::Err(ENODEV)),
        r#"quotactl(QCMD(Q_SETQUOTA, USRQUOTA), "/dev/sda1", 7, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, ...}) = -1 ENODEV (No such device)"#
    );
    assert_eq!(
        q(Q_GETINFO, 0, 0x3000, Outcome::Ok(0)),
        r#"quotactl(QCMD(Q_GETINFO, USRQUOTA), "/dev/sda1", {dqi_bgrace=604800, dqi_igrace=3600, dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE, dqi_valid=IIF_FLAGS}) = 0"#
    );
    assert_eq!(
        q(Q_GETFMT, 0, 0x6000, Outcome::Ok(0)),
        r#"quotactl(QCMD(Q_GETFMT, USRQUOTA), "/dev/sda1", [QFMT_VFS_V0]) = 0"#
    );
    assert_eq!(
        q(Q_XQUOTAON, 0, 0x7000, Outcome::Err(ENODEV)),
        r#"quotactl(QCMD(Q_XQUOTAON, USRQUOTA), "/dev/sda1", [FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD|0x40]) = -1 ENODEV (No such device)"#
    );
    assert_eq!(
        q(Q_XGETQSTAT, 0, 0x4000, Outcome::Ok(0)),
        r#"quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), "/dev/sda1", {qs_version=1, ...}) = 0"#
    );
    assert_eq!(
        line_verbose(
            NR_QUOTACTL,
            [qcmd(Q_XGETQSTAT, 1), 0, 0, 0x4000, 0, 0],
            &m,
            Outcome::Ok(0)
        ),
        "quotactl(QCMD(Q_XGETQSTAT, GRPQUOTA), NULL, {qs_version=1, qs_flags=FS_QUOTA_UDQ_ACCT|FS_QUOTA_GDQ_ACCT, qs_uquota={qfs_ino=7, qfs_nblks=0, qfs_nextents=0}, qs_gquota={qfs_ino=0, qfs_nblks=0, qfs_nextents=0}, qs_incoredqs=0, qs_btimelimit=0, qs_itimelimit=0, qs_rtbtimelimit=0, qs_bwarnlimit=0, qs_iwarnlimit=0}) = 0"
    );
    // An unknown command: the id and the address.
    assert_eq!(
        q(0xbadc0d, 3, BAD, Outcome::Err(EFAULT)),
        r#"quotactl(QCMD(0xbadc0d /* Q_??? */, USRQUOTA), "/dev/sda1", 3, 0x9000) = -1 EFAULT (Bad address)"#
    );
}

#[test]
fn next_dqblk_shows_its_id_before_the_ellipsis() {
    let m = mem();
    let args = [qcmd(Q_GETNEXTQUOTA, 2), 0, 5, 0x2000, 0, 0];
    assert_eq!(
        line(NR_QUOTACTL, args, &m, Outcome::Ok(0)),
        "quotactl(QCMD(Q_GETNEXTQUOTA, PRJQUOTA), NULL, 5, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, dqb_id=0, ...}) = 0"
    );
    assert_eq!(
        line_verbose(NR_QUOTACTL, args, &m, Outcome::Ok(0)),
        "quotactl(QCMD(Q_GETNEXTQUOTA, PRJQUOTA), NULL, 5, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, dqb_btime=7, dqb_itime=8, dqb_valid=QIF_BLIMITS|QIF_INODES, dqb_id=0}) = 0"
    );
    // -e verbose=none: the address.
    assert_eq!(
        line_opts(NR_QUOTACTL, args, &m, Outcome::Ok(0), opts(true, false, 32)),
        "quotactl(QCMD(Q_GETNEXTQUOTA, PRJQUOTA), NULL, 5, 0x2000) = 0"
    );
}

#[test]
fn qcmd_follows_x_with_abbreviated_names() {
    let m = mem();
    let args = [3, 0x8000_02ed, 0xca7f_aced, BAD, 0, 0];
    let styled = |style| line_styled(style, NR_QUOTACTL_FD, args, &m, Outcome::Err(EFAULT));
    assert_eq!(
        styled(ConstStyle::Abbrev),
        "quotactl_fd(3, QCMD(Q_QUOTAON, 0xed /* ???QUOTA */), 0xca7faced /* QFMT_VFS_??? */, 0x9000) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        styled(ConstStyle::Raw),
        "quotactl_fd(3, 2147484397, 0xca7faced, 0x9000) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        styled(ConstStyle::Verbose),
        "quotactl_fd(3, 2147484397 /* QCMD(Q_QUOTAON, 0xed /* ???QUOTA */) */, 0xca7faced /* QFMT_VFS_??? */, 0x9000) = -1 EFAULT (Bad address)"
    );
}
