//! `prctl` by option (`decode/prctl.rs`).

use super::*;

#[test]
fn prctl_lines() {
    let mem = FakeMemory::new()
        .with(0x1000, b"h_procsig2\0")
        .with(0x2000, &words32(&[10]))
        .with(0x3000, &words(&[0x7f00_1234]))
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

/// The arm64 options strace decodes on every architecture: vector lengths, pointer
/// authentication keys, the tagged address control word; and core scheduling.
#[test]
fn prctl_arm64_and_sched_core_lines() {
    use crate::output::ConstStyle::{Raw, Verbose};
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0xdead_c0de_badc_0ded]))
        .with(0x2000, b"0123456789abcdef")
        .with(0x5000 - 15, b"123456789abcdef");
    let l = |args: [u64; 6], outcome| line(NR_PRCTL, args, &mem, outcome);
    let raw = |args: [u64; 6], outcome| line_styled(Raw, NR_PRCTL, args, &mem, outcome);
    let verbose = |args: [u64; 6], outcome| line_styled(Verbose, NR_PRCTL, args, &mem, outcome);
    let sve = [50, 0xface_feed, 1, 2, 3, 0];
    assert_eq!(
        l(sve, Outcome::Err(EINVAL)),
        "prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xfac80000|0xfeed) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        raw(sve, Outcome::Ok(0)),
        "prctl(0x32, 0xfacefeed)                 = 0"
    );
    assert_eq!(
        verbose([63, 0x10000, 0, 0, 0, 0], Outcome::Ok(0)),
        "prctl(0x3f /* PR_SME_SET_VL */, 0x10000 /* 0x10000|0 */) = 0"
    );
    assert_eq!(
        l([50, 0xdead, 0, 0, 0, 0], Outcome::Ok(0x4ea57)),
        "prctl(PR_SVE_SET_VL, 0xdead)            = 0x4ea57 (PR_SVE_SET_VL_ONEXEC|0xea57)"
    );
    assert_eq!(
        raw([64, 0, 0, 0, 0, 0], Outcome::Ok(0x4ea57)),
        "prctl(0x40)                             = 0x4ea57"
    );
    assert_eq!(
        l([51, 1, 2, 3, 4, 0], Outcome::Ok(0xdead)),
        "prctl(PR_SVE_GET_VL)                    = 0xdead"
    );
    assert_eq!(
        l([54, 0xcafe, 1, 2, 3, 0], Outcome::Err(EINVAL)),
        "prctl(PR_PAC_RESET_KEYS, PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|PR_PAC_APGAKEY|0xcae0, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l([60, 0x7fff_fff0, 1, 0, 1, 0], Outcome::Err(EINVAL)),
        "prctl(PR_PAC_SET_ENABLED_KEYS, 0x7ffffff0 /* PR_PAC_??? */, PR_PAC_APIAKEY, 0, 0x1) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l([61, 0, 0, 0, 0, 0], Outcome::Ok(3)),
        "prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) = 0x3 (PR_PAC_APIAKEY|PR_PAC_APIBKEY)"
    );
    let tagged = [55, 0xcafe_57a8_0000 | 0xcafe << 3 | 4, 1, 2, 3, 0];
    assert_eq!(
        l(tagged, Outcome::Err(EINVAL)),
        "prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0xcafe<<PR_MTE_TAG_SHIFT|0xcafe57a80000, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        verbose([55, 3, 0, 0, 0, 0], Outcome::Err(EINVAL)),
        "prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0x3 /* PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC */, 0, 0, 0) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        l([56, 0, 0, 0, 0, 0], Outcome::Ok(0)),
        "prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = 0 (!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE)"
    );
    assert_eq!(
        raw([56, 0, 0, 0, 0, 0], Outcome::Ok(0xf)),
        "prctl(0x38, 0, 0, 0, 0)                 = 0xf"
    );
    assert_eq!(
        l([62, 0, 42, 1, 0x1000, 0], Outcome::Ok(0)),
        "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 42, 0x1 /* PIDTYPE_TGID */, [0xdeadc0debadc0ded]) = 0"
    );
    assert_eq!(
        l([62, 0, 42, 0, 0x1000, 0], Outcome::Err(EINVAL)),
        "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 42, 0 /* PIDTYPE_PID */, 0x1000) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        raw([62, 2, u64::MAX, 4, 0, 0], Outcome::Err(EINVAL)),
        "prctl(0x3e, 0x2, -1, 0x4, NULL)         = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_pids(NR_PRCTL, [62, 1, 5, 2, 0, 0], &mem, Outcome::Ok(0)),
        "prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 5 /* 1005 in strace's PID NS */, 0x2 /* PIDTYPE_PGID */, NULL) = 0"
    );
    // The name is read up to TASK_COMM_LEN - 1 bytes: one that fills them goes on.
    assert_eq!(
        l([15, 0x2001, 0, 0, 0, 0], Outcome::Ok(0)),
        r#"prctl(PR_SET_NAME, "123456789abcdef"...) = 0"#
    );
    assert_eq!(
        l([15, 0x5000 - 15, 0, 0, 0, 0], Outcome::Ok(0)),
        r#"prctl(PR_SET_NAME, "123456789abcdef"...) = 0"#
    );
}

#[test]
fn arch_prctl_lines() {
    const NR_ARCH_PRCTL: u64 = 158;
    let mem = FakeMemory::new()
        .with(0x1000, &0x7fff_f7dd_2740u64.to_ne_bytes())
        .with(0x2000, &0xe7u64.to_ne_bytes())
        .with(0x3000, &0xffff_ffff_fff9_7800u64.to_ne_bytes())
        .with(0x4000, &0u64.to_ne_bytes());
    let arch = |code: u64, addr: u64, outcome| {
        line(NR_ARCH_PRCTL, [code, addr, 0, 0, 0, 0], &mem, outcome)
    };
    assert_eq!(
        arch(0x1003, 0x1000, Outcome::Ok(0)),
        "arch_prctl(ARCH_GET_FS, [0x7ffff7dd2740]) = 0"
    );
    assert_eq!(
        arch(0x1004, 0x4000, Outcome::Ok(0)),
        "arch_prctl(ARCH_GET_GS, [NULL])         = 0"
    );
    assert_eq!(
        arch(0x1004, 0x8, Outcome::Err(EFAULT)),
        "arch_prctl(ARCH_GET_GS, 0x8)            = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        arch(0x1011, 0x1000, Outcome::Ok(1)),
        "arch_prctl(ARCH_GET_CPUID)              = 1"
    );
    assert_eq!(
        arch(0x1002, 0, Outcome::Ok(0)),
        "arch_prctl(ARCH_SET_FS, 0)              = 0"
    );
    assert_eq!(
        arch(0x3003, 0, Outcome::Err(EINVAL)),
        "arch_prctl(0x3003 /* ARCH_??? */, 0)    = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        arch(0x1021, 0x2000, Outcome::Ok(0)),
        "arch_prctl(ARCH_GET_XCOMP_SUPP, [0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|XFEATURE_MASK_AVX512 */]) = 0"
    );
    assert_eq!(
        arch(0x1022, 0x3000, Outcome::Ok(0)),
        "arch_prctl(ARCH_GET_XCOMP_PERM, [0xfffffffffff97800 /* XFEATURE_MASK_??? */]) = 0"
    );
    assert_eq!(
        arch(0x1022, 0x4000, Outcome::Ok(0)),
        "arch_prctl(ARCH_GET_XCOMP_PERM, [0])    = 0"
    );
    assert_eq!(
        arch(0x1023, 18, Outcome::Ok(0x60003)),
        "arch_prctl(ARCH_REQ_XCOMP_PERM, 0x12 /* XFEATURE_XTILE_DATA */) = 0x60003 (XFEATURE_MASK_FPSSE|XFEATURE_MASK_XTILE)"
    );
    assert_eq!(
        arch(0x1025, 11, Outcome::Err(EINVAL)),
        "arch_prctl(ARCH_REQ_XCOMP_GUEST_PERM, 0xb /* XFEATURE_??? */) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn seccomp_filter_program_under_v() {
    // struct sock_filter: code, jt, jf, k.
    let insn = |code: u16, jt: u8, jf: u8, k: u32| {
        let mut b = code.to_ne_bytes().to_vec();
        b.extend([jt, jf]);
        b.extend(k.to_ne_bytes());
        b
    };
    let prog: Vec<u8> = [
        insn(0x20, 0, 0, 0),
        insn(0x15, 0, 1, 60),
        insn(0x06, 0, 0, 0x0005_000d),
        insn(0x02 | 0x8, 0, 0, 1),
        insn(0xffff, 0, 0, u32::MAX),
    ]
    .concat();
    let fprog = [5u64.to_ne_bytes(), 0x2000u64.to_ne_bytes()].concat();
    let mem = FakeMemory::new().with(0x1000, &fprog).with(0x2000, &prog);
    let args = [22, 2, 0x1000, 0, 0, 0];
    assert_eq!(
        line(NR_PRCTL, args, &mem, Outcome::Err(EINVAL)),
        "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=5, filter=0x2000}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_verbose(NR_PRCTL, args, &mem, Outcome::Err(EINVAL)),
        "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=5, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0xd), BPF_STMT(BPF_ST|0x8 /* BPF_??? */, 0x1), BPF_STMT(BPF_MISC|0xf8 /* BPF_??? */|0xff00 /* BPF_??? */, 0xffffffff)]}) = -1 EINVAL (Invalid argument)"
    );
}
