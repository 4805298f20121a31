//! Administration values (`decode/admin.rs`): capabilities, `sysinfo`, `personality`, `mount`,
//! `syslog`, `sethostname`, `kcmp`.

use super::*;

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
    // Under -e verbose=none strace reads neither the header nor the sets (caps-abbrev).
    let quiet = DecodeOpts {
        verbose: false,
        ..DecodeOpts::default()
    };
    let args = [0x1000, 0x3000, 0, 0, 0, 0];
    assert_eq!(
        render_call(
            NR_CAPGET,
            args,
            [&mem, &mem],
            quiet,
            None,
            |_| {},
            Outcome::Ok(0)
        ),
        "capget(0x1000, 0x3000)                  = 0"
    );
}

#[test]
fn sysinfo_personality_sched_lines() {
    let mut si = words(&[2392, 45056, 180672, 174304, 1000, 500, 8, 9, 0, 0]);
    si.extend_from_slice(&words32(&[140, 0]));
    si.extend_from_slice(&words(&[0, 0]));
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
            Outcome::Ok(0x0044_0008)
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
fn ioprio_lines() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(251, [1, 0, 2 << 13 | 4, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = 0"
    );
    // The class is every bit above the data, unmasked.
    assert_eq!(
        line(251, [1, 0, u64::MAX, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 8191)) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(252, [3, 0, 0, 0, 0, 0], &mem, Outcome::Ok(8196)),
        "ioprio_get(IOPRIO_WHO_USER, 0)          = 8196 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 4))"
    );
    assert_eq!(
        line(252, [9, u64::MAX, 0, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "ioprio_get(0x9 /* IOPRIO_WHO_??? */, -1) = -1 EINVAL (Invalid argument)"
    );
}

/// An I/O priority under each `-X`: its names follow the style inside the comment, and the
/// return value's detail is left out under `-X raw`.
#[test]
fn ioprio_under_each_style() {
    use super::values::styled;
    use crate::output::ConstStyle::{Abbrev, Raw, Verbose};
    let set = |v: i64| move |t: &mut Text<'_>| crate::decode::admin::ioprio(t, v);
    assert_eq!(
        styled(Abbrev, set(8191)),
        "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 8191)"
    );
    assert_eq!(styled(Raw, set(8191)), "8191");
    assert_eq!(
        styled(Verbose, set(8191)),
        "8191 /* IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 8191) */"
    );
    let mem = FakeMemory::new();
    let get = |style| line_styled(style, 252, [1, 0, 0, 0, 0, 0], &mem, Outcome::Ok(24576));
    assert_eq!(
        get(Verbose),
        "ioprio_get(0x1 /* IOPRIO_WHO_PROCESS */, 0) = 24576 (IOPRIO_PRIO_VALUE(0x3 /* IOPRIO_CLASS_IDLE */, 0))"
    );
    assert_eq!(get(Raw), "ioprio_get(0x1, 0)                      = 24576");
}

#[test]
fn kexec_and_module_lines() {
    const NR_INIT_MODULE: u64 = 175;
    const NR_KEXEC_LOAD: u64 = 246;
    const NR_FINIT_MODULE: u64 = 313;
    const NR_KEXEC_FILE_LOAD: u64 = 320;
    const ENOSYS: u64 = 38;
    let err = " = -1 ENOSYS (Function not implemented)";
    let seg = words(&[0, 1, 0x10000, 4096, 0x7000, 2, 0x20000, 8192]);
    let mem = FakeMemory::new()
        .with(0x1000, &seg)
        // Two segments, the second cut by the end of the mapping.
        .with(0x2fe0, &seg[..32])
        .with(0x6000 - 8, b"abcdef\0\0")
        .with(0x4000, b"0123456789:;<=>?@ABCDEFGHIJKLMNOP\0");
    let kexec = |args: [u64; 4]| {
        let [a, b, c, d] = args;
        line(
            NR_KEXEC_LOAD,
            [a, b, c, d, 0, 0],
            &mem,
            Outcome::Err(ENOSYS),
        )
    };
    assert_eq!(
        kexec([0, 0, 0, 0xbadc_0ded_da7a_1054]),
        format!(
            "kexec_load(NULL, 0, NULL, 0xda7a0000 /* KEXEC_ARCH_??? */|0xbadc0ded00001054 /* KEXEC_??? */){err}"
        )
    );
    assert_eq!(
        kexec([0x1234, 2, 0x1000, 0x002a_0003]),
        format!(
            "kexec_load(0x1234, 2, [{{buf=NULL, bufsz=1, mem=0x10000, memsz=4096}}, {{buf=0x7000, bufsz=2, mem=0x20000, memsz=8192}}], KEXEC_ARCH_SH|KEXEC_ON_CRASH|KEXEC_PRESERVE_CONTEXT){err}"
        )
    );
    assert_eq!(
        kexec([0x1234, 2, 0x2fe0, 0x003e_0000]),
        format!(
            "kexec_load(0x1234, 2, [{{buf=NULL, bufsz=1, mem=0x10000, memsz=4096}}, ... /* 0x3000 */], KEXEC_ARCH_X86_64){err}"
        )
    );
    // More than KEXEC_SEGMENT_MAX (16) segments: the address.
    assert_eq!(
        kexec([0x1234, 17, 0x1000, 0x4]),
        format!("kexec_load(0x1234, 17, 0x1000, KEXEC_ARCH_DEFAULT|0x4 /* KEXEC_??? */){err}")
    );
    assert_eq!(
        line_with(
            NR_KEXEC_FILE_LOAD,
            [3, -1i64 as u64, 7, 0x6000 - 8, 0xdeadbee8 | 7, 0],
            &mem,
            Outcome::Err(ENOSYS),
            9
        ),
        format!(
            "kexec_file_load(3, -1, 7, \"abcdef\\0\", KEXEC_FILE_UNLOAD|KEXEC_FILE_ON_CRASH|KEXEC_FILE_NO_INITRAMFS|0xdeadbee8){err}"
        )
    );
    assert_eq!(
        line_with(
            NR_KEXEC_FILE_LOAD,
            [3, 4, 9, 0x6000 - 8, 0x8, 0],
            &mem,
            Outcome::Err(ENOSYS),
            9
        ),
        format!("kexec_file_load(3, 4, 9, 0x5ff8, 0x8 /* KEXEC_FILE_??? */){err}")
    );
    assert_eq!(
        line(
            NR_INIT_MODULE,
            [0, 0xffff_ffff_0000_0000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        format!("init_module(NULL, 18446744069414584320, NULL){err}")
    );
    assert_eq!(
        line(
            NR_INIT_MODULE,
            [0x1000, 4, 0x4000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        format!("init_module(0x1000, 4, \"0123456789:;<=>?@ABCDEFGHIJKLMNO\"...){err}")
    );
    assert_eq!(
        line(
            NR_FINIT_MODULE,
            [0xdeb0_d1ed_beef_f00d, 0, 2, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        format!("finit_module(-1091571699, NULL, MODULE_INIT_IGNORE_VERMAGIC){err}")
    );
    assert_eq!(
        line(
            NR_FINIT_MODULE,
            [3, BAD, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        format!(
            "finit_module(3, 0x9000, MODULE_INIT_IGNORE_MODVERSIONS|MODULE_INIT_IGNORE_VERMAGIC|MODULE_INIT_COMPRESSED_FILE|0xfffffff8){err}"
        )
    );
}

#[test]
fn swap_module_io_and_namespace_lines() {
    const NR_SWAPON: u64 = 167;
    const NR_SWAPOFF: u64 = 168;
    const NR_IOPL: u64 = 172;
    const NR_IOPERM: u64 = 173;
    const NR_DELETE_MODULE: u64 = 176;
    const NR_SETFSUID: u64 = 122;
    const NR_SETFSGID: u64 = 123;
    const NR_UNSHARE: u64 = 272;
    const ENOSYS: u64 = 38;
    let mem = FakeMemory::new()
        .with(0x1000, b"swap.sample\0")
        .with(0x2000, b"0123456789:;<=>?@ABCDEFGHIJKLMNOP\0");
    assert_eq!(
        line(
            NR_SWAPON,
            [0x1000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "swapon(\"swap.sample\", 0)                = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_SWAPON,
            [0x1000, 0x8000 | 42, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "swapon(\"swap.sample\", SWAP_FLAG_PREFER|42) = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_SWAPON,
            [0x1000, u64::MAX, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "swapon(\"swap.sample\", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_DISCARD_PAGES|0xfff80000|32767) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SWAPON,
            [0x1000, 0x8_0001, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "swapon(\"swap.sample\", 0x80000 /* SWAP_FLAG_??? */|1) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SWAPOFF,
            [0x1000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "swapoff(\"swap.sample\")                  = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_DELETE_MODULE,
            [0x2000, 0o4000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        "delete_module(\"0123456789:;<=>?@ABCDEFGHIJKLMNO\"..., O_NONBLOCK) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(
            NR_DELETE_MODULE,
            [0, 0xdead_e51c | 0o1000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        "delete_module(NULL, O_TRUNC|0xdeade51c) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(
            NR_DELETE_MODULE,
            [BAD, 0xface_f157, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        "delete_module(0x9000, 0xfacef157 /* O_??? */) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(NR_IOPL, [4, 0, 0, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "iopl(4)                                 = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_IOPERM,
            [0x10000, 8, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "ioperm(0x10000, 0x8, -1)                = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_UNSHARE,
            [0xbadc_0ded_0000_000f, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "unshare(0xbadc0ded0000000f /* CLONE_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_UNSHARE,
            [0x2_0000_0200, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "unshare(CLONE_FS|0x200000000)           = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SETFSUID,
            [0xffff_0000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setfsuid(4294901760)                    = 0"
    );
    assert_eq!(
        line(NR_SETFSGID, [u64::MAX, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "setfsgid(-1)                            = 0"
    );
}

/// reboot's magic numbers and command (its argument only for LINUX_REBOOT_CMD_RESTART2, at
/// most 255 bytes), ustat's device, get_robust_list's results, setgroups' -1, the console
/// level strace names past LOGLEVEL_DEBUG.
#[test]
fn reboot_ustat_robust_list_groups() {
    const NR_REBOOT: u64 = 169;
    const NR_USTAT: u64 = 136;
    const NR_GET_ROBUST_LIST: u64 = 274;
    const EPERM: u64 = 1;
    let mem = FakeMemory::new()
        .with(0x1000, b"firmware\0")
        .with(0x2000, &words(&[0x7f00_0000_1000, 24]))
        .with(0x3000, &words32(&[u32::MAX, 5]));
    let l = |nr, args: [u64; 6], outcome| line(nr, args, &mem, outcome);
    assert_eq!(
        l(
            NR_REBOOT,
            [0xfee1_dead, 85_072_278, 0xa1b2_c3d4, 0x1000, 0, 0],
            Outcome::Err(EPERM)
        ),
        r#"reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2A, LINUX_REBOOT_CMD_RESTART2, "firmware") = -1 EPERM (Operation not permitted)"#
    );
    assert_eq!(
        l(
            NR_REBOOT,
            [0, 0xfa57_beef, 0x0123_4568, 0x1000, 0, 0],
            Outcome::Err(EINVAL)
        ),
        "reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0xfa57beef /* LINUX_REBOOT_MAGIC_??? */, 0x1234568 /* LINUX_REBOOT_CMD_??? */) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l(
            NR_USTAT,
            [0xface_feed_0000_0801, 0x2000, 0, 0, 0, 0],
            Outcome::Err(EINVAL)
        ),
        "ustat(makedev(0x8, 0x1), 0x2000)        = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l(
            NR_GET_ROBUST_LIST,
            [0, 0x2000, 0x2008, 0, 0, 0],
            Outcome::Ok(0)
        ),
        "get_robust_list(0, [0x7f0000001000], [24]) = 0"
    );
    assert_eq!(
        l(
            NR_GET_ROBUST_LIST,
            [0, 0x2000, 0, 0, 0, 0],
            Outcome::Err(EFAULT)
        ),
        "get_robust_list(0, 0x2000, NULL)        = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        l(NR_SETGROUPS, [2, 0x3000, 0, 0, 0, 0], Outcome::Err(EINVAL)),
        "setgroups(2, [-1, 5])                   = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l(NR_SYSLOG, [8, 0, 8, 0, 0, 0], Outcome::Ok(0)),
        "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 8 /* LOGLEVEL_DEBUG+1 */) = 0"
    );
}

/// Under `-y`, `kcmp`'s indexes are each process's own descriptors, described as that
/// process has them; a pid no process has (-1) leaves the number alone.
#[test]
fn kcmp_describes_each_process_descriptors() {
    let mem = FakeMemory::new().with(0x6000, &ints(&[3, 4, 0]));
    let mut fds = FakeFds::default();
    fds.others.insert((5, 1), fd_path(b"/dev/null"));
    fds.others.insert((6, 2), fd_path(b"/dev/zero"));
    fds.others.insert((6, 3), fd_path(b"/dev/full"));
    assert_eq!(
        line_fds(
            NR_KCMP,
            [5, 6, 0, 1, 2, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Ok(1)
        ),
        "kcmp(5, 6, KCMP_FILE, 1</dev/null>, 2</dev/zero>) = 1"
    );
    assert_eq!(
        line_fds(
            NR_KCMP,
            [5, 6, 7, 1, 0x6000, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Ok(0)
        ),
        "kcmp(5, 6, KCMP_EPOLL_TFD, 1</dev/null>, {efd=3</dev/full>, tfd=4, toff=0}) = 0"
    );
    let minus_one = u64::MAX;
    assert_eq!(
        line_fds(
            NR_KCMP,
            [5, minus_one, 7, 1, 0x6000, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Ok(0)
        ),
        "kcmp(5, -1, KCMP_EPOLL_TFD, 1</dev/null>, {efd=3, tfd=4, toff=0}) = 0"
    );
}

/// `pidfd_getfd`'s target is a descriptor of the process behind the pidfd.
#[test]
fn pidfd_getfd_target_of_the_pidfd_process() {
    const NR_PIDFD_GETFD: u64 = 438;
    let mem = FakeMemory::new();
    let mut fds = FakeFds::default();
    fds.fds.insert(3, fd_path(b"anon_inode:[pidfd]"));
    fds.fds.insert(4, fd_path(b"/dev/full"));
    fds.pidfds.insert(3, 77);
    fds.others.insert((77, 5), fd_path(b"/dev/full"));
    assert_eq!(
        line_fds(
            NR_PIDFD_GETFD,
            [3, 5, 0, 0, 0, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Ok(4)
        ),
        "pidfd_getfd(3<anon_inode:[pidfd]>, 5</dev/full>, 0) = 4</dev/full>"
    );
    // Not a pidfd: the number alone.
    assert_eq!(
        line_fds(
            NR_PIDFD_GETFD,
            [4, 5, 0, 0, 0, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Err(EBADF)
        ),
        "pidfd_getfd(4</dev/full>, 5, 0)         = -1 EBADF (Bad file descriptor)"
    );
}
