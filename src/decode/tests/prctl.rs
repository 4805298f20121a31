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
