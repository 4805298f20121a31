//! System V IPC (`decode/ipc.rs` and the `enum_hex` kind): the `*get` calls' keys and flags,
//! the `*ctl` commands and their structs, messages and semaphore operations, as strace 6.1
//! prints them (its tests ipc_msg.c, ipc_sem.c, ipc_shm.c, ipc_msgbuf.c, semop-common.c,
//! semtimedop-common.c, shmxt.c). The structs are laid out at `libc`'s offsets, which checks
//! the printer's against them.

use super::*;
use crate::output::ConstStyle;

const NR_SHMGET: u64 = 29;
const NR_SHMAT: u64 = 30;
const NR_SHMCTL: u64 = 31;
const NR_SEMGET: u64 = 64;
const NR_SEMOP: u64 = 65;
const NR_SEMCTL: u64 = 66;
const NR_SHMDT: u64 = 67;
const NR_MSGGET: u64 = 68;
const NR_MSGSND: u64 = 69;
const NR_MSGRCV: u64 = 70;
const NR_MSGCTL: u64 = 71;
const NR_SEMTIMEDOP: u64 = 220;
const ENOMSG: u64 = 42;

// The commands (`<linux/ipc.h>`, `<linux/msg.h>`, `<linux/sem.h>`, `<linux/shm.h>`), checked
// against libc's below.
const IPC_64: u64 = 0x100;
const IPC_RMID: u64 = 0;
const IPC_SET: u64 = 1;
const IPC_STAT: u64 = 2;
const IPC_INFO: u64 = 3;
const MSG_STAT: u64 = 11;
const MSG_INFO: u64 = 12;
const MSG_STAT_ANY: u64 = 13;
const GETVAL: u64 = 12;
const SETVAL: u64 = 16;
const SEM_STAT: u64 = 18;
const SEM_INFO: u64 = 19;
const SHM_LOCK: u64 = 11;
const SHM_STAT: u64 = 13;
const SHM_INFO: u64 = 14;

/// Every name the tests use agrees with libc's value.
#[test]
fn command_and_flag_values_agree_with_libc() {
    let pairs: &[(u64, i32)] = &[
        (IPC_RMID, libc::IPC_RMID),
        (IPC_SET, libc::IPC_SET),
        (IPC_STAT, libc::IPC_STAT),
        (IPC_INFO, libc::IPC_INFO),
        (MSG_STAT, libc::MSG_STAT),
        (MSG_INFO, libc::MSG_INFO),
        (GETVAL, libc::GETVAL),
        (SETVAL, libc::SETVAL),
        (SEM_STAT, libc::SEM_STAT),
        (SEM_INFO, libc::SEM_INFO),
        (SHM_LOCK, libc::SHM_LOCK),
        (0o1000, libc::IPC_CREAT),
        (0o4000, libc::SHM_HUGETLB),
        (0x1000, libc::SEM_UNDO),
        (0o10000, libc::MSG_NOERROR),
    ];
    for &(ours, theirs) in pairs {
        assert_eq!(ours, theirs as u64);
    }
}

/// The sizes the printer reads are those of libc's structs (the kernel's `*64_ds` layouts
/// on x86_64).
#[test]
fn struct_sizes_agree_with_libc() {
    use std::mem::size_of;
    assert_eq!(size_of::<libc::ipc_perm>(), 48);
    assert_eq!(size_of::<libc::msqid_ds>(), 120);
    assert_eq!(size_of::<libc::semid_ds>(), 104);
    assert_eq!(size_of::<libc::shmid_ds>(), 112);
    assert_eq!(size_of::<libc::msginfo>(), 32);
    assert_eq!(size_of::<libc::seminfo>(), 40);
    assert_eq!(size_of::<libc::sembuf>(), 6);
    assert_eq!(offset_of!(libc::msqid_ds, msg_qbytes), 88);
    assert_eq!(offset_of!(libc::shmid_ds, shm_cpid), 80);
}

/// `struct ipc64_perm` at `base` of `buf`, at libc's offsets: the mode is 32 bits wide in the
/// kernel's struct (libc's field is its low half).
fn perm(buf: &mut [u8], base: usize, key: i32, ids: [u32; 4], mode: u32) {
    put(
        buf,
        base + offset_of!(libc::ipc_perm, __key),
        key.to_ne_bytes(),
    );
    put(
        buf,
        base + offset_of!(libc::ipc_perm, uid),
        ids[0].to_ne_bytes(),
    );
    put(
        buf,
        base + offset_of!(libc::ipc_perm, gid),
        ids[1].to_ne_bytes(),
    );
    put(
        buf,
        base + offset_of!(libc::ipc_perm, cuid),
        ids[2].to_ne_bytes(),
    );
    put(
        buf,
        base + offset_of!(libc::ipc_perm, cgid),
        ids[3].to_ne_bytes(),
    );
    put(
        buf,
        base + offset_of!(libc::ipc_perm, mode),
        mode.to_ne_bytes(),
    );
}

fn msqid_ds() -> Vec<u8> {
    let mut b = vec![0u8; std::mem::size_of::<libc::msqid_ds>()];
    perm(&mut b, 0, 0x1234, [0, u32::MAX, 1000, 2000], 0o600);
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_stime),
        5i64.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_rtime),
        6i64.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_ctime),
        7i64.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, __msg_cbytes),
        99u64.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_qnum),
        2u64.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_qbytes),
        16384u64.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_lspid),
        42i32.to_ne_bytes(),
    );
    put(
        &mut b,
        offset_of!(libc::msqid_ds, msg_lrpid),
        (-1i32).to_ne_bytes(),
    );
    b
}

fn styled(style: ConstStyle, nr: u64, args: [u64; 6], mem: &FakeMemory, o: Outcome) -> String {
    line_styled(style, nr, args, mem, o)
}

/// The line under `-e verbose=none`.
fn line_terse(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    let opts = DecodeOpts {
        verbose: false,
        ..DecodeOpts::default()
    };
    render_call(nr, args, [mem, mem], opts, None, |_| {}, outcome)
}

/// The entry half of a call's line (what precedes ` <unfinished ...>`).
fn entry_half(nr: u64, args: [u64; 6], mem: &FakeMemory) -> String {
    let name = table::syscall(nr).map_or("?", |d| d.name);
    format!("{name}({}", cut_halves(nr, args, mem, Outcome::Ok(0)).0)
}

#[test]
fn keys_and_get_flags() {
    let mem = FakeMemory::new();
    // A key is unsigned 32 bits: IPC_PRIVATE or hex; the permissions follow the flags.
    let private = 0xffff_ffff_0000_0000;
    assert_eq!(
        line(
            NR_MSGGET,
            [private, 0o1600, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "msgget(IPC_PRIVATE, IPC_CREAT|0600)     = 3"
    );
    let bogus = 0xeca8_6420_fdb9_f531;
    assert_eq!(
        line(
            NR_MSGGET,
            [bogus, 0xface_1c55, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "msgget(0xfdb9f531, IPC_EXCL|IPC_NOWAIT|0xface1000|0125) = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_MSGGET,
            [0x1234, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "msgget(0x1234, 000)                     = -1 ENOENT (No such file or directory)"
    );
    // Flags no name covers stand right before the mode, but under -X raw.
    let unnamed = [0x1234, 0x1000_0180, 0, 0, 0, 0];
    assert_eq!(
        line(NR_MSGGET, unnamed, &mem, Outcome::Err(ENOENT)),
        "msgget(0x1234, 0x100000000600)          = -1 ENOENT (No such file or directory)"
    );
    for (style, want) in [
        (
            ConstStyle::Raw,
            "msgget(0x1234, 0x10000000|0600)         = -1 ENOENT (No such file or directory)",
        ),
        (
            ConstStyle::Verbose,
            "msgget(0x1234, 0x100000000600)          = -1 ENOENT (No such file or directory)",
        ),
    ] {
        assert_eq!(
            styled(style, NR_MSGGET, unnamed, &mem, Outcome::Err(ENOENT)),
            want
        );
    }
    let named = [0, 0x1000_0580, 0, 0, 0, 0];
    for (style, want) in [
        (
            ConstStyle::Raw,
            "msgget(0, 0x10000400|0600)              = 2",
        ),
        (
            ConstStyle::Verbose,
            "msgget(0 /* IPC_PRIVATE */, 0x10000400 /* IPC_EXCL|0x10000000 */|0600) = 2",
        ),
    ] {
        assert_eq!(styled(style, NR_MSGGET, named, &mem, Outcome::Ok(2)), want);
    }
    assert_eq!(
        line(
            NR_SEMGET,
            [bogus, 0xdec0_ded1, 0xface_1e55, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "semget(0xfdb9f531, -557785391, IPC_CREAT|IPC_EXCL|IPC_NOWAIT|0xface1000|0125) = -1 ENOENT (No such file or directory)"
    );
}

#[test]
fn shmget_shows_the_huge_page_size_apart() {
    let mem = FakeMemory::new();
    let key = 0xfdb9_7531;
    let size = 0xdec0_ded1_dec0_ded2;
    let huge = 21 << 26;
    let all = 0o1000 | 0o2000 | 0o4000 | 0o10000;
    let lines = [
        (0, "000"),
        (huge, "21<<SHM_HUGE_SHIFT|000"),
        (0x02ce_0055, "0x2ce0000|0125"),
        (
            0x02ce_0055 | all,
            "IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE|0x2ce0000|0125",
        ),
        (
            0x02ce_0055 | all | huge,
            "IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE|0x2ce0000|21<<SHM_HUGE_SHIFT|0125",
        ),
        (0x02ce_0055 | huge, "0x2ce0000|21<<SHM_HUGE_SHIFT|0125"),
    ];
    for (flags, text) in lines {
        assert_eq!(
            line(
                NR_SHMGET,
                [key, size, flags, 0, 0, 0],
                &mem,
                Outcome::Err(ENOENT)
            ),
            format!(
                "shmget(0xfdb97531, 16051074064915160786, {text}) = -1 ENOENT (No such file or directory)"
            )
        );
    }
    let args = [0, 1, 0o1000 | huge | 0o644, 0, 0, 0];
    for (style, want) in [
        (
            ConstStyle::Abbrev,
            "shmget(IPC_PRIVATE, 1, IPC_CREAT|21<<SHM_HUGE_SHIFT|0644) = 7",
        ),
        (
            ConstStyle::Raw,
            "shmget(0, 1, 0x200|21<<26|0644)         = 7",
        ),
        (
            ConstStyle::Verbose,
            "shmget(0 /* IPC_PRIVATE */, 1, 0x200 /* IPC_CREAT */|21<<26 /* SHM_HUGE_SHIFT */|0644) = 7",
        ),
    ] {
        assert_eq!(styled(style, NR_SHMGET, args, &mem, Outcome::Ok(7)), want);
    }
}

#[test]
fn ctl_commands_show_ipc_64_apart() {
    let mem = FakeMemory::new();
    let cases = [
        (
            IPC_64 | IPC_STAT,
            "IPC_64|IPC_STAT",
            "0x100|0x2",
            "0x100 /* IPC_64 */|0x2 /* IPC_STAT */",
        ),
        (
            IPC_64 | 0x77,
            "IPC_64|0x77 /* MSG_??? */",
            "0x100|0x77",
            "0x100 /* IPC_64 */|0x77 /* MSG_??? */",
        ),
        (
            0xdead_beef,
            "0xdeadbeef /* MSG_??? */",
            "0xdeadbeef",
            "0xdeadbeef /* MSG_??? */",
        ),
        (
            MSG_STAT_ANY,
            "MSG_STAT_ANY",
            "0xd",
            "0xd /* MSG_STAT_ANY */",
        ),
    ];
    for (cmd, abbrev, raw, verbose) in cases {
        let args = [1, cmd, 0, 0, 0, 0];
        for (style, text) in [
            (ConstStyle::Abbrev, abbrev),
            (ConstStyle::Raw, raw),
            (ConstStyle::Verbose, verbose),
        ] {
            let got = styled(style, NR_MSGCTL, args, &mem, Outcome::Err(EINVAL));
            assert_eq!(
                got,
                format!(
                    "{} = -1 EINVAL (Invalid argument)",
                    pad(&format!("msgctl(1, {text}, NULL)"))
                )
            );
        }
    }
    // semctl's and shmctl's unknown commands are theirs.
    assert_eq!(
        line(NR_SEMCTL, [1, 2, 0x77, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "semctl(1, 2, 0x77 /* SEM_??? */, NULL)  = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        styled(
            ConstStyle::Verbose,
            NR_SEMCTL,
            [1, 2, IPC_64 | SETVAL, 5, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "semctl(1, 2, 0x100 /* IPC_64 */|0x10 /* SETVAL */, 0x5) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SHMCTL,
            [1, 0xdefa_ced2, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "shmctl(1, 0xdefaced2 /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)"
    );
}

/// `text` padded to the `=` column, as a line shows it.
fn pad(text: &str) -> String {
    format!("{text:<39}")
}

#[test]
fn msgctl_structs() {
    let ds = msqid_ds();
    let mem = FakeMemory::new().with(0x1000, &ds);
    let full = "{msg_perm={uid=0, gid=-1, mode=0600, key=4660, cuid=1000, cgid=2000}, msg_stime=5, \
        msg_rtime=6, msg_ctime=7, msg_qnum=2, msg_qbytes=16384, msg_lspid=42, msg_lrpid=-1}";
    for cmd in [
        (IPC_STAT, "IPC_STAT"),
        (MSG_STAT, "MSG_STAT"),
        (MSG_STAT_ANY, "MSG_STAT_ANY"),
    ] {
        assert_eq!(
            line(NR_MSGCTL, [3, cmd.0, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
            format!("msgctl(3, {}, {full}) = 0", cmd.1)
        );
    }
    // IPC_SET's form: what the call changes.
    assert_eq!(
        line(
            NR_MSGCTL,
            [3, IPC_SET, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "msgctl(3, IPC_SET, {msg_perm={uid=0, gid=-1, mode=0600}, msg_qbytes=16384}) = 0"
    );
    let info = ints(&[512000, 16384, 8192, 16384, 32000, 16, 16384, 65535]);
    let mem = FakeMemory::new().with(0x2000, &info);
    let want = "{msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, msgmni=32000, msgssz=16, \
        msgtql=16384, msgseg=65535}";
    assert_eq!(
        line(
            NR_MSGCTL,
            [3, IPC_INFO, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(21)
        ),
        format!("msgctl(3, IPC_INFO, {want}) = 21")
    );
    assert_eq!(
        line(
            NR_MSGCTL,
            [3, MSG_INFO, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(21)
        ),
        format!("msgctl(3, MSG_INFO, {want}) = 21")
    );
    // A failed STAT shows the address; a buffer IPC_SET cannot read, its address; the other
    // commands, the pointer as it is.
    assert_eq!(
        line(
            NR_MSGCTL,
            [3, IPC_STAT, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "msgctl(3, IPC_STAT, 0x2000)             = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_MSGCTL,
            [3, IPC_SET, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "msgctl(3, IPC_SET, 0xffffffffffffffff)  = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_MSGCTL, [3, IPC_RMID, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "msgctl(3, IPC_RMID, NULL)               = 0"
    );
    assert_eq!(
        line(
            NR_MSGCTL,
            [3, IPC_INFO, BAD, 0, 0, 0],
            &mem,
            Outcome::Ok(21)
        ),
        "msgctl(3, IPC_INFO, 0x9000)             = 21"
    );
}

#[test]
fn ctl_buffers_print_at_the_end_that_has_them() {
    let ds = msqid_ds();
    let mem = FakeMemory::new().with(0x1000, &ds);
    // The STAT and INFO commands' buffers wait for the exit; IPC_SET's and the others' are
    // complete at entry.
    assert_eq!(
        entry_half(NR_MSGCTL, [3, IPC_STAT, 0x1000, 0, 0, 0], &mem),
        "msgctl(3, IPC_STAT, "
    );
    assert_eq!(
        entry_half(NR_MSGCTL, [3, IPC_SET, 0x1000, 0, 0, 0], &mem),
        "msgctl(3, IPC_SET, {msg_perm={uid=0, gid=-1, mode=0600}, msg_qbytes=16384}"
    );
    assert_eq!(
        entry_half(NR_SEMCTL, [3, 0, SETVAL, 1, 0, 0], &mem),
        "semctl(3, 0, SETVAL, 0x1"
    );
    assert_eq!(
        entry_half(NR_SHMCTL, [3, SHM_INFO, 0x1000, 0, 0, 0], &mem),
        "shmctl(3, SHM_INFO, "
    );
    // msgrcv shows all but the queue at exit.
    assert_eq!(
        entry_half(NR_MSGRCV, [3, 0x1000, 8, 0, 0, 0], &mem),
        "msgrcv(3, "
    );
    // What a STAT wrote is read at exit.
    let before = FakeMemory::new().with(0x1000, &[0u8; 120]);
    assert_eq!(
        line_changed(
            NR_MSGCTL,
            [3, IPC_STAT, 0x1000, 0, 0, 0],
            &before,
            &mem,
            Outcome::Ok(0)
        ),
        "msgctl(3, IPC_STAT, {msg_perm={uid=0, gid=-1, mode=0600, key=4660, cuid=1000, cgid=2000}, \
         msg_stime=5, msg_rtime=6, msg_ctime=7, msg_qnum=2, msg_qbytes=16384, msg_lspid=42, msg_lrpid=-1}) = 0"
    );
}

#[test]
fn semctl_structs_and_values() {
    let mut ds = vec![0u8; std::mem::size_of::<libc::semid_ds>()];
    perm(&mut ds, 0, 0, [0, 0, 0, 0], 0o600);
    put(
        &mut ds,
        offset_of!(libc::semid_ds, sem_otime),
        11i64.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::semid_ds, sem_ctime),
        12i64.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::semid_ds, sem_nsems),
        2u64.to_ne_bytes(),
    );
    let info = ints(&[
        32000, 32000, 1024000000, 32000, 32000, 500, 32000, 20, 32767, 0,
    ]);
    let mem = FakeMemory::new().with(0x1000, &ds).with(0x2000, &info);
    assert_eq!(
        line(
            NR_SEMCTL,
            [5, 0, IPC_STAT, 0x1000, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "semctl(5, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, \
         sem_otime=11, sem_ctime=12, sem_nsems=2}) = 0"
    );
    assert_eq!(
        line(
            NR_SEMCTL,
            [5, 0, SEM_STAT, 0x1000, 0, 0],
            &mem,
            Outcome::Ok(5)
        ),
        "semctl(5, 0, SEM_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, \
         sem_otime=11, sem_ctime=12, sem_nsems=2}) = 5"
    );
    assert_eq!(
        line(
            NR_SEMCTL,
            [5, 0, IPC_SET, 0x1000, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "semctl(5, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}) = 0"
    );
    let want = "{semmap=32000, semmni=32000, semmns=1024000000, semmnu=32000, semmsl=32000, \
        semopm=500, semume=32000, semusz=20, semvmx=32767, semaem=0}";
    for (cmd, name) in [(IPC_INFO, "IPC_INFO"), (SEM_INFO, "SEM_INFO")] {
        assert_eq!(
            line(NR_SEMCTL, [5, 0, cmd, 0x2000, 0, 0], &mem, Outcome::Ok(0)),
            format!("semctl(5, 0, {name}, {want}) = 0")
        );
    }
    // The other commands' argument is a number or an array's address, shown as an address.
    assert_eq!(
        line(NR_SEMCTL, [5, 0, GETVAL, 0, 0, 0], &mem, Outcome::Ok(1)),
        "semctl(5, 0, GETVAL, NULL)              = 1"
    );
    assert_eq!(
        line(
            NR_SEMCTL,
            [
                0xfdb9_7531,
                0xeca8_6420,
                SETVAL,
                0xbadc_0ded_ffff_face,
                0,
                0
            ],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "semctl(-38177487, -324508640, SETVAL, 0xbadc0dedffffface) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn shmctl_structs() {
    let mut ds = vec![0u8; std::mem::size_of::<libc::shmid_ds>()];
    perm(&mut ds, 0, 0, [0, 0, 0, 0], 0o1600);
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_segsz),
        4096u64.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_atime),
        21i64.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_dtime),
        22i64.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_ctime),
        23i64.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_cpid),
        1i32.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_lpid),
        77i32.to_ne_bytes(),
    );
    put(
        &mut ds,
        offset_of!(libc::shmid_ds, shm_nattch),
        1u64.to_ne_bytes(),
    );
    let shminfo = words(&[u64::MAX - 0xffffff, 1, 4096, 4096, 1 << 60, 0, 0, 0, 0]);
    let mut shm_info = ints(&[1, 0]);
    shm_info.extend(words(&[1, 1, 0, 0, 0]));
    let mem = FakeMemory::new()
        .with(0x1000, &ds)
        .with(0x2000, &shminfo)
        .with(0x3000, &shm_info);
    let full = "{shm_perm={uid=0, gid=0, mode=01600, key=0, cuid=0, cgid=0}, shm_segsz=4096, \
        shm_cpid=1, shm_lpid=77, shm_nattch=1, shm_atime=21, shm_dtime=22, shm_ctime=23}";
    assert_eq!(
        line(
            NR_SHMCTL,
            [9, IPC_STAT, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!("shmctl(9, IPC_STAT, {full}) = 0")
    );
    // The pids are noted as -Y and --decode-pids=pidns ask.
    assert_eq!(
        line_pids(
            NR_SHMCTL,
            [9, SHM_STAT, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(9)
        ),
        "shmctl(9, SHM_STAT, {shm_perm={uid=0, gid=0, mode=01600, key=0, cuid=0, cgid=0}, shm_segsz=4096, \
         shm_cpid=1<init> /* 1001 in strace's PID NS */, shm_lpid=77 /* 1077 in strace's PID NS */, \
         shm_nattch=1, shm_atime=21, shm_dtime=22, shm_ctime=23}) = 9"
    );
    assert_eq!(
        line(
            NR_SHMCTL,
            [9, IPC_SET, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "shmctl(9, IPC_SET, {shm_perm={uid=0, gid=0, mode=01600}}) = 0"
    );
    assert_eq!(
        line(
            NR_SHMCTL,
            [9, IPC_INFO, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "shmctl(9, IPC_INFO, {shmmax=18446744073692774400, shmmin=1, shmmni=4096, shmseg=4096, \
         shmall=1152921504606846976}) = 3"
    );
    assert_eq!(
        line(
            NR_SHMCTL,
            [9, SHM_INFO, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "shmctl(9, SHM_INFO, {used_ids=1, shm_tot=1, shm_rss=1, shm_swp=0, swap_attempts=0, \
         swap_successes=0}) = 3"
    );
    assert_eq!(
        line(
            NR_SHMCTL,
            [9, SHM_LOCK, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "shmctl(9, SHM_LOCK, NULL)               = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn messages() {
    let mut msg = 0x7fac_efed_5adc_0dedi64.to_ne_bytes().to_vec();
    msg.extend_from_slice(b"STRACE_STRING\0");
    let mut long = 1i64.to_ne_bytes().to_vec();
    long.extend_from_slice(&[b'x'; 40]);
    let mem = FakeMemory::new()
        .with(0x1000, &msg)
        .with(0x2000, &long)
        // A type, and the text's first bytes (so strace's 16-byte read succeeds), then the
        // end of the page.
        .with(0x3ff0, &words(&[3, 0]));
    assert_eq!(
        line(NR_MSGSND, [4, 0x1000, 14, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"msgsnd(4, {mtype=9199991941521739245, mtext="STRACE_STRING\0"}, 14, 0) = 0"#
    );
    assert_eq!(
        line(
            NR_MSGRCV,
            [
                4,
                0x1000,
                14,
                (-0x7fac_efed_5adc_0ded_i64) as u64,
                0o10000 | 0o4000,
                0
            ],
            &mem,
            Outcome::Ok(14)
        ),
        r#"msgrcv(4, {mtype=9199991941521739245, mtext="STRACE_STRING\0"}, 14, -9199991941521739245, MSG_NOERROR|IPC_NOWAIT) = 14"#
    );
    // The text is cut at -s; a text that cannot be read, its address.
    assert_eq!(
        line(
            NR_MSGSND,
            [4, 0x2000, 40, 0o4000, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"msgsnd(4, {mtype=1, mtext="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"...}, 40, IPC_NOWAIT) = 0"#
    );
    assert_eq!(
        line(
            NR_MSGSND,
            [4, 0x3ff0, 64, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "msgsnd(4, {mtype=3, mtext=0x3ff8}, 64, 0) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_MSGSND,
            [4, 0, 5, 0x700_0000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "msgsnd(4, NULL, 5, 0x7000000 /* MSG_??? */) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_MSGSND, [4, BAD, 5, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "msgsnd(4, 0x9000, 5, 0)                 = -1 EFAULT (Bad address)"
    );
    // A failed receive shows where the message would have gone.
    assert_eq!(
        line(
            NR_MSGRCV,
            [4, 0x1000, 14, 0, 0o4000, 0],
            &mem,
            Outcome::Err(ENOMSG)
        ),
        "msgrcv(4, 0x1000, 14, 0, IPC_NOWAIT)    = -1 ENOMSG (No message of desired type)"
    );
    assert_eq!(
        styled(
            ConstStyle::Raw,
            NR_MSGRCV,
            [4, 0, 5, 7, 0o10000, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "msgrcv(4, NULL, 5, 7, 0x1000)           = -1 EINVAL (Invalid argument)"
    );
}

/// `struct sembuf`s laid out at libc's offsets.
fn sembufs(ops: &[(u16, i16, u16)]) -> Vec<u8> {
    let size = std::mem::size_of::<libc::sembuf>();
    let mut b = vec![0u8; size * ops.len()];
    for (i, &(num, op, flg)) in ops.iter().enumerate() {
        put(
            &mut b,
            i * size + offset_of!(libc::sembuf, sem_num),
            num.to_ne_bytes(),
        );
        put(
            &mut b,
            i * size + offset_of!(libc::sembuf, sem_op),
            op.to_ne_bytes(),
        );
        put(
            &mut b,
            i * size + offset_of!(libc::sembuf, sem_flg),
            flg.to_ne_bytes(),
        );
    }
    b
}

#[test]
fn semaphore_operations() {
    let ops = sembufs(&[(0, 1, 0x1000), (1, -1, 0x1800)]);
    // The second of two operations sits past the end of readable memory at 0x2ffa.
    let bogus = sembufs(&[(0xface, 0xf00d_u16 as i16, 0xbeef)]);
    let ts = words(&[1, 123456789]);
    let mem = FakeMemory::new()
        .with(0x1000, &ops)
        .with(0x2ffa, &bogus)
        .with(0x4000, &ts);
    assert_eq!(
        line(NR_SEMOP, [7, 0x1000, 2, 0, 0, 0], &mem, Outcome::Ok(0)),
        "semop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}], 2) = 0"
    );
    assert_eq!(
        line(
            NR_SEMOP,
            [0xfdb9_7531, 0x2ffa, 2, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "semop(-38177487, [{sem_num=64206, sem_op=-4083, sem_flg=SEM_UNDO|IPC_NOWAIT|0xa6ef}, ... /* 0x3000 */], 2) = -1 EINVAL (Invalid argument)"
    );
    // The count is an unsigned int.
    assert_eq!(
        line(
            NR_SEMOP,
            [7, 0, 0x0def_aced_dead_beef, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "semop(7, NULL, 3735928559)              = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_SEMOP,
            [7, u64::MAX, 1, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "semop(7, 0xffffffffffffffff, 1)         = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_SEMOP,
            [7, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "semop(7, [], 0)                         = -1 EINVAL (Invalid argument)"
    );
    // -s limits how many are shown.
    assert_eq!(
        line_with(NR_SEMOP, [7, 0x1000, 2, 0, 0, 0], &mem, Outcome::Ok(0), 1),
        "semop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...], 2) = 0"
    );
    // -v shows them all, whatever -s says (strace's print_array).
    let opts = DecodeOpts {
        max_strlen: 1,
        abbreviate: false,
        ..DecodeOpts::default()
    };
    let args = [7, 0x1000, 2, 0, 0, 0];
    assert_eq!(
        render_call(
            NR_SEMOP,
            args,
            [&mem, &mem],
            opts,
            None,
            |_| {},
            Outcome::Ok(0)
        ),
        "semop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}], 2) = 0"
    );
    assert_eq!(
        line(
            NR_SEMTIMEDOP,
            [7, 0x1000, 1, 0x4000, 0, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "semtimedop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1, {tv_sec=1, tv_nsec=123456789}) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(
            NR_SEMTIMEDOP,
            [7, 0, 0xdead_beef, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "semtimedop(7, NULL, 3735928559, NULL)   = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        styled(
            ConstStyle::Verbose,
            NR_SEMOP,
            [7, 0x1000, 1, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "semop(7, [{sem_num=0, sem_op=1, sem_flg=0x1000 /* SEM_UNDO */}], 1) = 0"
    );
}

#[test]
fn shared_memory_attach_and_detach() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_SHMAT,
            [0xfdb9_7531, 0xdec0_ded1_dec0_ded2, 0xffff_face, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "shmat(-38177487, 0xdec0ded1dec0ded2, SHM_RDONLY|SHM_RND|SHM_REMAP|SHM_EXEC|0xffff0ace) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SHMAT,
            [3, 0, 0o10000, 0, 0, 0],
            &mem,
            Outcome::Ok(0x7f12_3456_7000)
        ),
        "shmat(3, NULL, SHM_RDONLY)              = 0x7f1234567000"
    );
    assert_eq!(
        line(
            NR_SHMDT,
            [0x7f12_3456_7000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "shmdt(0x7f1234567000)                   = 0"
    );
    assert_eq!(
        styled(
            ConstStyle::Raw,
            NR_SHMAT,
            [3, 0, 0o110000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "shmat(3, NULL, 0x9000)                  = -1 EINVAL (Invalid argument)"
    );
}

/// `-e verbose=none`: strace reads no struct, array or message, but an empty array shows.
#[test]
fn terse_shows_addresses() {
    let ds = msqid_ds();
    let ops = sembufs(&[(0, 1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &ds).with(0x2000, &ops);
    assert_eq!(
        line_terse(
            NR_MSGCTL,
            [3, IPC_STAT, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "msgctl(3, IPC_STAT, 0x1000)             = 0"
    );
    assert_eq!(
        line_terse(
            NR_MSGCTL,
            [3, IPC_SET, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "msgctl(3, IPC_SET, 0x1000)              = 0"
    );
    assert_eq!(
        line_terse(NR_MSGSND, [3, 0x1000, 4, 0, 0, 0], &mem, Outcome::Ok(0)),
        "msgsnd(3, 0x1000, 4, 0)                 = 0"
    );
    assert_eq!(
        line_terse(NR_SEMOP, [3, 0x2000, 1, 0, 0, 0], &mem, Outcome::Ok(0)),
        "semop(3, 0x2000, 1)                     = 0"
    );
    assert_eq!(
        line_terse(
            NR_SEMOP,
            [3, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "semop(3, [], 0)                         = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_terse(
            NR_SHMCTL,
            [3, IPC_INFO, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "shmctl(3, IPC_INFO, NULL)               = -1 EFAULT (Bad address)"
    );
}
