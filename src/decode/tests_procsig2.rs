//! The process-control decoders against fake memory: exact lines as strace 6.1 prints
//! them, with NULL and unreadable pointers.

use super::Outcome;
use super::tests::line;
use crate::mem::FakeMemory;

const NR_SYSINFO: u64 = 99;
const NR_PTRACE: u64 = 101;
const NR_SYSLOG: u64 = 103;
const NR_CAPGET: u64 = 125;
const NR_CAPSET: u64 = 126;
const NR_PERSONALITY: u64 = 135;
const NR_SCHED_GETSCHEDULER: u64 = 145;
const NR_PRCTL: u64 = 157;
const NR_MOUNT: u64 = 165;
const NR_SETHOSTNAME: u64 = 170;
const NR_GETCPU: u64 = 309;
const NR_KCMP: u64 = 312;

const EFAULT: u64 = 14;
const EINVAL: u64 = 22;
/// Nothing is mapped here in the fake memory.
const UNREADABLE: u64 = 0xdead_0000;

fn words32(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

fn words64(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

#[test]
fn prctl_lines() {
    let mem = FakeMemory::new()
        .with(0x1000, b"h_procsig2\0")
        .with(0x2000, &words32(&[10]))
        .with(0x3000, &words64(&[0x7f00_1234]))
        .with(0x4000, b"a_name_longer_than_15\0");
    let l = |args: [u64; 6], outcome| line(NR_PRCTL, args, &mem, outcome);
    assert_eq!(
        l([15, 0x1000, 0, 0, 0, 0], Outcome::Ok(0)),
        r#"prctl(PR_SET_NAME, "h_procsig2")        = 0"#
    );
    assert_eq!(
        l([15, 0x4000, 0, 0, 0, 0], Outcome::Ok(0)),
        r#"prctl(PR_SET_NAME, "a_name_longer_t"...) = 0"#
    );
    assert_eq!(
        l([16, 0x1000, 0, 0, 0, 0], Outcome::Ok(0)),
        r#"prctl(PR_GET_NAME, "h_procsig2")        = 0"#
    );
    assert_eq!(
        l([16, 0x8, 0, 0, 0, 0], Outcome::Err(EFAULT)),
        "prctl(PR_GET_NAME, 0x8)                 = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        l([2, 0x2000, 0, 0, 0, 0], Outcome::Ok(0)),
        "prctl(PR_GET_PDEATHSIG, [SIGUSR1])      = 0"
    );
    assert_eq!(
        l([2, UNREADABLE, 0, 0, 0, 0], Outcome::Ok(0)),
        "prctl(PR_GET_PDEATHSIG, 0xdead0000)     = 0"
    );
    assert_eq!(
        l([2, 0, 0, 0, 0, 0], Outcome::Err(EFAULT)),
        "prctl(PR_GET_PDEATHSIG, NULL)           = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        l([40, 0x3000, 0, 0, 0, 0], Outcome::Ok(0)),
        "prctl(PR_GET_TID_ADDRESS, [0x7f001234]) = 0"
    );
    assert_eq!(
        l([3, 0, 0, 0, 0, 0], Outcome::Ok(1)),
        "prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)"
    );
    assert_eq!(
        l([27, 0, 0, 0, 0, 0], Outcome::Ok(0x10)),
        "prctl(PR_GET_SECUREBITS)                = 0x10 (SECBIT_KEEP_CAPS)"
    );
    assert_eq!(
        l([27, 0, 0, 0, 0, 0], Outcome::Ok(0)),
        "prctl(PR_GET_SECUREBITS)                = 0"
    );
    assert_eq!(
        l([52, 0, 0, 0, 0, 0], Outcome::Ok(2)),
        "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x2 (PR_SPEC_ENABLE)"
    );
    assert_eq!(
        l([22, 2, 0, 0, 0, 0], Outcome::Err(EFAULT)),
        "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        l([0x5961_6d61, u64::MAX, 0, 0, 0, 0], Outcome::Err(EINVAL)),
        "prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l([47, 2, 22, 0, 0, 0], Outcome::Ok(0)),
        "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_SYS_BOOT, 0, 0) = 0"
    );
    assert_eq!(
        l([0x12345, 1, 2, 3, 4, 0], Outcome::Err(EINVAL)),
        "prctl(0x12345 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn capability_lines() {
    let v3 = words32(&[0x2008_0522, 0]);
    let v1 = words32(&[0x1998_0330, 0]);
    let data = words32(&[0x5, 0x5, 0, 0xffff_ffff, 0x1ff, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &v3)
        .with(0x2000, &v1)
        .with(0x3000, &data);
    assert_eq!(
        line(
            NR_CAPGET,
            [0x1000, 0x3000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE|0xfffffe00, permitted=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE, inheritable=0}) = 0"
    );
    assert_eq!(
        line(
            NR_CAPSET,
            [0x2000, 0x3000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "capset({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH, permitted=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH, inheritable=0}) = 0"
    );
    assert_eq!(
        line(
            NR_CAPGET,
            [0, 0x3000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "capget(NULL, 0x3000)                    = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_CAPSET,
            [UNREADABLE, 0x3000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "capset(0xdead0000, 0x3000)              = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_CAPGET, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = 0"
    );
}

#[test]
fn sysinfo_personality_sched_lines() {
    let mut si = words64(&[2392, 45056, 180672, 174304, 1000, 500, 8, 9, 0, 0]);
    si.extend_from_slice(&words32(&[140, 0]));
    si.extend_from_slice(&words64(&[0, 0]));
    si.extend_from_slice(&words32(&[1, 0]));
    let mem = FakeMemory::new().with(0x1000, &si);
    assert_eq!(
        line(NR_SYSINFO, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "sysinfo({uptime=2392, loads=[45056, 180672, 174304], totalram=1000, freeram=500, sharedram=8, bufferram=9, totalswap=0, freeswap=0, procs=140, totalhigh=0, freehigh=0, mem_unit=1}) = 0"
    );
    assert_eq!(
        line(
            NR_SYSINFO,
            [UNREADABLE, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "sysinfo(0xdead0000)                     = 0"
    );
    assert_eq!(
        line(
            NR_PERSONALITY,
            [0xffff_ffff, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0x44_0008)
        ),
        "personality(0xffffffff)                 = 0x440008 (PER_LINUX32|ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC)"
    );
    assert_eq!(
        line(NR_PERSONALITY, [0x107, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "personality(0x7 /* PER_??? */|0x100)    = 0 (PER_LINUX)"
    );
    assert_eq!(
        line(NR_SCHED_GETSCHEDULER, [0; 6], &mem, Outcome::Ok(1)),
        "sched_getscheduler(0)                   = 1 (SCHED_FIFO)"
    );
    let cpu = words32(&[3]);
    let mem = FakeMemory::new().with(0x2000, &cpu);
    assert_eq!(
        line(
            NR_GETCPU,
            [0x2000, UNREADABLE, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getcpu([3], 0xdead0000, NULL)           = 0"
    );
}

#[test]
fn mount_syslog_hostname_kcmp_lines() {
    let mem = FakeMemory::new()
        .with(0x1000, b"/dev/sda1\0")
        .with(0x2000, b"/mnt\0")
        .with(0x3000, b"ext4\0")
        .with(0x4000, b"ro,noatime\0")
        .with(0x5000, b"<6>hello\0")
        .with(0x6000, &words32(&[3, 4, 0]));
    assert_eq!(
        line(
            NR_MOUNT,
            [0x1000, 0x2000, 0x3000, 0xc0ed_0001, 0x4000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"mount("/dev/sda1", "/mnt", "ext4", MS_MGC_VAL|MS_RDONLY, "ro,noatime") = 0"#
    );
    assert_eq!(
        line(
            NR_MOUNT,
            [0x1000, 0x2000, 0x3000, 0x1000, 0x4000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"mount("/dev/sda1", "/mnt", 0x3000, MS_BIND, 0x4000) = 0"#
    );
    assert_eq!(
        line(
            NR_MOUNT,
            [0x1000, 0x2000, 0x3000, 0x21, UNREADABLE, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"mount("/dev/sda1", "/mnt", 0x3000, MS_RDONLY|MS_REMOUNT, 0xdead0000) = -1 EINVAL (Invalid argument)"#
    );
    assert_eq!(
        line(NR_SYSLOG, [2, 0x5000, 16, 0, 0, 0], &mem, Outcome::Ok(8)),
        r#"syslog(2 /* SYSLOG_ACTION_READ */, "<6>hello", 16) = 8"#
    );
    assert_eq!(
        line(
            NR_SYSLOG,
            [4, UNREADABLE, 16, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "syslog(4 /* SYSLOG_ACTION_READ_CLEAR */, 0xdead0000, 16) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_SYSLOG, [8, 0, 3, 0, 0, 0], &mem, Outcome::Ok(0)),
        "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 3 /* LOGLEVEL_ERR */) = 0"
    );
    assert_eq!(
        line(
            NR_SETHOSTNAME,
            [0x2000, 4, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"sethostname("/mnt", 4)                  = 0"#
    );
    assert_eq!(
        line(
            NR_SETHOSTNAME,
            [UNREADABLE, 4, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "sethostname(0xdead0000, 4)              = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_KCMP, [5, 6, 7, 1, 0x6000, 0], &mem, Outcome::Ok(0)),
        "kcmp(5, 6, KCMP_EPOLL_TFD, 1, {efd=3, tfd=4, toff=0}) = 0"
    );
    assert_eq!(
        line(NR_KCMP, [5, 6, 0, 1, 2, 0], &mem, Outcome::Ok(1)),
        "kcmp(5, 6, KCMP_FILE, 1, 2)             = 1"
    );
}

#[test]
fn ptrace_lines() {
    let mem = FakeMemory::new().with(0x1000, &words64(&[0x1234]));
    let l = |args: [u64; 6], outcome| line(NR_PTRACE, args, &mem, outcome);
    assert_eq!(
        l([0; 6], Outcome::Ok(0)),
        "ptrace(PTRACE_TRACEME)                  = 0"
    );
    assert_eq!(
        l([2, 42, 0x7000, 0x1000, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_PEEKDATA, 42, 0x7000, [0x1234]) = 0"
    );
    assert_eq!(
        l([2, 42, 0x7000, UNREADABLE, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_PEEKDATA, 42, 0x7000, 0xdead0000) = 0"
    );
    assert_eq!(
        l([12, 42, 0, UNREADABLE, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_GETREGS, 42, 0xdead0000)  = 0"
    );
    assert_eq!(
        l([0x4206, 42, 0, 0x10_0001, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_SEIZE, 42, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = 0"
    );
    assert_eq!(
        l([0x11, 42, 0, 18, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_DETACH, 42, NULL, SIGCONT) = 0"
    );
    assert_eq!(
        l([0x4207, 42, 0, 0, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_INTERRUPT, 42)            = 0"
    );
}
