//! `ptrace`'s requests as strace 6.1 shows them (`decode/ptrace_req.rs`,
//! `decode/ptrace_data.rs`): `struct user` offsets, regsets, seccomp metadata,
//! `PTRACE_PEEKSIGINFO` and `PTRACE_GET_SYSCALL_INFO`.

use super::*;
use crate::output::ConstStyle::{Raw, Verbose};

const GETREGSET: u64 = 0x4204;
const SETREGSET: u64 = 0x4205;
const NT_PRSTATUS: u64 = 1;
const NT_FPREGSET: u64 = 2;

/// The whole request is the kernel's `long`: high bits make it another one.
#[test]
fn request_is_64_bits() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_PTRACE,
            [0xdead_beef_0000_0007, 42, 0, 0, 0, 0],
            &mem,
            Outcome::Err(3)
        ),
        "ptrace(0xdeadbeef00000007 /* PTRACE_??? */, 42, NULL, NULL) = -1 ESRCH (No such process)"
    );
}

/// PEEKUSER/POKEUSER name the `struct user` member the offset falls in; past the struct, an
/// address.
#[test]
fn user_offsets() {
    let mem = FakeMemory::new();
    let peek = |addr, style| {
        line_styled(
            style,
            NR_PTRACE,
            [6, 42, addr, 0, 0, 0],
            &mem,
            Outcome::Err(3),
        )
    };
    let abbrev = crate::output::ConstStyle::Abbrev;
    let cases = [
        (0x50, "8*RAX"),
        (0x54, "8*RAX+4"),
        (0x90, "8*EFL"),
        (0xa8, "8*SS+8"),
        (0x358, "offsetof(struct user, u_debugreg)+8"),
        (0x390, "sizeof(struct user)"),
        (0x391, "0x391"),
    ];
    for (addr, shown) in cases {
        assert_eq!(
            peek(addr, abbrev),
            format!("ptrace(PTRACE_POKEUSER, 42, {shown}, NULL) = -1 ESRCH (No such process)")
        );
    }
    assert_eq!(
        peek(0x54, Verbose),
        "ptrace(0x6 /* PTRACE_POKEUSER */, 42, 0x54 /* 8*RAX+4 */, NULL) = -1 ESRCH (No such process)"
    );
    assert_eq!(
        peek(0x54, Raw),
        "ptrace(0x6, 42, 0x54, NULL)             = -1 ESRCH (No such process)"
    );
}

/// A regset of `len` bytes at 0x3000 (registers 1, 2, 3, ...) in a `struct iovec` at 0x2000.
fn regset_mem(len: u64) -> FakeMemory {
    let regs: Vec<u64> = (1..=70).collect();
    FakeMemory::new()
        .with(0x2000, &words(&[0x3000, len]))
        .with(0x3000, &words(&regs))
}

/// GETREGSET shows the registers the call wrote, by the length it left, and a length it
/// changed as `old => new`; a failed call the address.
#[test]
fn getregset() {
    let args = [GETREGSET, 42, NT_PRSTATUS, 0x2000, 0, 0];
    assert_eq!(
        line_changed(
            NR_PTRACE,
            args,
            &regset_mem(24),
            &regset_mem(16),
            Outcome::Ok(0)
        ),
        "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0x1, r14=0x2}, \
         iov_len=24 => 16}) = 0"
    );
    assert_eq!(
        line(NR_PTRACE, args, &regset_mem(16), Outcome::Err(22)),
        "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base=0x3000, iov_len=16}) = \
         -1 EINVAL (Invalid argument)"
    );
    // No whole number of registers: the address.
    assert_eq!(
        line(NR_PTRACE, args, &regset_mem(12), Outcome::Ok(0)),
        "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base=0x3000, iov_len=12}) = 0"
    );
    // `-e verbose=none`: the iovec's address.
    assert_eq!(
        line_opts(
            NR_PTRACE,
            args,
            &regset_mem(16),
            Outcome::Ok(0),
            opts(true, false, 32)
        ),
        "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x2000) = 0"
    );
    // The iovec unreadable.
    assert_eq!(
        line(
            NR_PTRACE,
            [GETREGSET, 42, 3, UNREADABLE, 0, 0],
            &regset_mem(8),
            Outcome::Ok(0)
        ),
        "ptrace(PTRACE_GETREGSET, 42, NT_PRPSINFO, 0xdead0000) = 0"
    );
}

/// SETREGSET shows the registers it was given, by the length given, even when it fails;
/// past the struct, `...`; a note type strace does not decode, the address.
#[test]
fn setregset() {
    let args = [SETREGSET, 42, NT_PRSTATUS, 0x2000, 0, 0];
    assert_eq!(
        line(NR_PTRACE, args, &regset_mem(8), Outcome::Err(3)),
        "ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0x1}, iov_len=8}) = \
         -1 ESRCH (No such process)"
    );
    let got = line_changed(
        NR_PTRACE,
        args,
        &regset_mem(224),
        &regset_mem(216),
        Outcome::Ok(0),
    );
    assert!(
        got.ends_with("fs=0x1a, gs=0x1b, ...}, iov_len=224 => 216}) = 0"),
        "{got}"
    );
    assert_eq!(
        line(
            NR_PTRACE,
            [SETREGSET, 42, 0x202, 0x2000, 0, 0],
            &regset_mem(8),
            Outcome::Ok(0)
        ),
        "ptrace(PTRACE_SETREGSET, 42, NT_X86_XSTATE, {iov_base=0x3000, iov_len=8}) = 0"
    );
}

/// The FPU registers: arrays cut where the regset ends, and at `-s` elements.
#[test]
fn fpregset() {
    let mut fp = vec![0u8; 512];
    put(&mut fp, 0, 0x37fu16.to_ne_bytes());
    put(&mut fp, 24, 0x1f80u32.to_ne_bytes());
    put(&mut fp, 32, 7u32.to_ne_bytes());
    let mem = |len: u64| {
        FakeMemory::new()
            .with(0x2000, &words(&[0x3000, len]))
            .with(0x3000, &fp)
    };
    let args = [GETREGSET, 42, NT_FPREGSET, 0x2000, 0, 0];
    assert_eq!(
        line(NR_PTRACE, args, &mem(40), Outcome::Ok(0)),
        "ptrace(PTRACE_GETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0x37f, swd=0, ftw=0, fop=0, \
         rip=0, rdp=0, mxcsr=0x1f80, mxcr_mask=0, st_space=[0x7, 0]}, iov_len=40}) = 0"
    );
    let got = line_with(NR_PTRACE, args, &mem(168), Outcome::Ok(0), 2);
    assert!(
        got.ends_with("st_space=[0x7, 0, ...], xmm_space=[0, 0]}, iov_len=168}) = 0"),
        "{got}"
    );
    // PTRACE_GETFPREGS: the whole struct, where `data` points; its address on failure.
    let got = line_with(
        NR_PTRACE,
        [14, 42, 0, 0x3000, 0, 0],
        &mem(0),
        Outcome::Ok(0),
        1,
    );
    assert_eq!(
        got,
        "ptrace(PTRACE_GETFPREGS, 42, {cwd=0x37f, swd=0, ftw=0, fop=0, rip=0, rdp=0, \
         mxcsr=0x1f80, mxcr_mask=0, st_space=[0x7, ...], xmm_space=[0, ...], \
         padding=[0, ...]}) = 0"
    );
    assert_eq!(
        line(
            NR_PTRACE,
            [14, 42, 0, 0x3000, 0, 0],
            &mem(0),
            Outcome::Err(14)
        ),
        "ptrace(PTRACE_GETFPREGS, 42, 0x3000)    = -1 EFAULT (Bad address)"
    );
}

/// `struct seccomp_metadata`: `filter_off` when the size given holds it; `flags` by the
/// return value (`???` when it holds only part of them, `...` past them).
#[test]
fn seccomp_metadata() {
    let mem = FakeMemory::new().with(0x2000, &words(&[5, 2]));
    let l = |size, outcome| line(NR_PTRACE, [0x420d, 42, size, 0x2000, 0, 0], &mem, outcome);
    assert_eq!(
        l(16, Outcome::Ok(16)),
        "ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=5, \
         flags=SECCOMP_FILTER_FLAG_LOG}) = 16"
    );
    assert_eq!(
        l(24, Outcome::Ok(24)),
        "ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 24, {filter_off=5, \
         flags=SECCOMP_FILTER_FLAG_LOG, ...}) = 24"
    );
    assert_eq!(
        l(16, Outcome::Ok(12)),
        "ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=5, ???}) = 12"
    );
    assert_eq!(
        l(16, Outcome::Err(3)),
        "ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=5}) = -1 ESRCH (No such process)"
    );
    assert_eq!(
        l(7, Outcome::Err(3)),
        "ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 7, 0x2000) = -1 ESRCH (No such process)"
    );
}

/// PEEKSIGINFO: its arguments' struct at entry, the signals it returned at exit.
#[test]
fn peeksiginfo() {
    let mut si = siginfo_bytes(libc::SIGUSR1, -6); // SI_TKILL
    put(&mut si, 16, 7i32.to_ne_bytes());
    let mut args = words(&[3]);
    args.extend_from_slice(&1u32.to_ne_bytes());
    args.extend_from_slice(&2u32.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &args)
        .with(0x2000, &[si, si].concat());
    let call = [0x4209, 42, 0x1000, 0x2000, 0, 0];
    assert_eq!(
        line(NR_PTRACE, call, &mem, Outcome::Ok(1)),
        "ptrace(PTRACE_PEEKSIGINFO, 42, {off=3, flags=PTRACE_PEEKSIGINFO_SHARED, nr=2}, \
         [{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=7, si_uid=0}]) = 1"
    );
    assert_eq!(
        line_styled(Raw, NR_PTRACE, call, &mem, Outcome::Ok(1)),
        "ptrace(0x4209, 42, {off=3, flags=0x1, nr=2}, [{si_signo=10, si_code=0xfffffffa, \
         si_pid=7, si_uid=0}]) = 1"
    );
    assert_eq!(
        line(NR_PTRACE, call, &mem, Outcome::Err(3)),
        "ptrace(PTRACE_PEEKSIGINFO, 42, {off=3, flags=PTRACE_PEEKSIGINFO_SHARED, nr=2}, \
         0x2000) = -1 ESRCH (No such process)"
    );
    // `-e verbose=none`: addresses, even for no signal.
    assert_eq!(
        line_opts(NR_PTRACE, call, &mem, Outcome::Ok(0), opts(true, false, 32)),
        "ptrace(PTRACE_PEEKSIGINFO, 42, 0x1000, 0x2000) = 0"
    );
}

/// `struct ptrace_syscall_info` as far as both the caller's size and the kernel's go.
#[test]
fn syscall_info() {
    let mut info = vec![0u8; 88];
    info[0] = 1; // PTRACE_SYSCALL_INFO_ENTRY
    put(&mut info, 4, 0xc000_003eu32.to_ne_bytes()); // AUDIT_ARCH_X86_64
    put(&mut info, 8, 0x1000u64.to_ne_bytes());
    put(&mut info, 16, 0x2000u64.to_ne_bytes());
    put(&mut info, 24, 80u64.to_ne_bytes()); // chdir
    put(&mut info, 32, 0xaau64.to_ne_bytes());
    let mem = |info: &[u8]| FakeMemory::new().with(0x5000, info);
    let l = |size, info: &[u8], ret| {
        line(
            NR_PTRACE,
            [0x420e, 42, size, 0x5000, 0, 0],
            &mem(info),
            Outcome::Ok(ret),
        )
    };
    assert_eq!(
        l(7, &info, 80),
        "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 7, {op=PTRACE_SYSCALL_INFO_ENTRY}) = 80"
    );
    assert_eq!(
        l(88, &info, 40),
        "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, \
         arch=AUDIT_ARCH_X86_64, instruction_pointer=0x1000, stack_pointer=0x2000, \
         entry={nr=__NR_chdir, args=[0xaa]}}) = 40"
    );
    assert_eq!(
        l(0, &info, 80),
        "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 0, 0x5000) = 80"
    );
    // The exit: an error only when `is_error` is there to say so.
    info[0] = 2;
    put(&mut info, 24, (-2i64).to_ne_bytes());
    info[32] = 1;
    assert_eq!(
        l(88, &info, 32),
        "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_EXIT, \
         arch=AUDIT_ARCH_X86_64, instruction_pointer=0x1000, stack_pointer=0x2000, \
         exit={rval=-2}}) = 32"
    );
    assert_eq!(
        l(88, &info, 33),
        "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_EXIT, \
         arch=AUDIT_ARCH_X86_64, instruction_pointer=0x1000, stack_pointer=0x2000, \
         exit={rval=-ENOENT, is_error=1}}) = 33"
    );
    // Seccomp: `ret_data` once the whole member is there (`is_error` above is now the low
    // byte of the first argument).
    info[0] = 3;
    put(&mut info, 24, 39u64.to_ne_bytes()); // getpid
    put(&mut info, 80, 7u32.to_ne_bytes());
    let got = l(88, &info, 84);
    assert!(
        got.ends_with("seccomp={nr=__NR_getpid, args=[0x1, 0, 0, 0, 0, 0], ret_data=7}}) = 84"),
        "{got}"
    );
    // A failed call: the address (strace's `tfetch_mem` reads nothing then).
    let got = line(
        NR_PTRACE,
        [0x420e, 42, 1, 0x5000, 0, 0],
        &mem(&info),
        Outcome::Err(14),
    );
    assert_eq!(
        got,
        "ptrace(PTRACE_GET_SYSCALL_INFO, 42, 1, 0x5000) = -1 EFAULT (Bad address)"
    );
}

/// SECCOMP_GET_FILTER's program shows only under `-v`; SETSIGINFO's `si_fd` under `-y`.
#[test]
fn filter_and_si_fd() {
    let mem = FakeMemory::new().with(0x2000, &[6, 0, 0, 0, 0, 0, 0xff, 0x7f]);
    let call = [0x420c, 42, 0, 0x2000, 0, 0];
    assert_eq!(
        line(NR_PTRACE, call, &mem, Outcome::Ok(1)),
        "ptrace(PTRACE_SECCOMP_GET_FILTER, 42, 0, 0x2000) = 1"
    );
    assert_eq!(
        line_verbose(NR_PTRACE, call, &mem, Outcome::Ok(1)),
        "ptrace(PTRACE_SECCOMP_GET_FILTER, 42, 0, [BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]) = 1"
    );
    assert_eq!(
        line_verbose(NR_PTRACE, call, &mem, Outcome::Err(22)),
        "ptrace(PTRACE_SECCOMP_GET_FILTER, 42, 0, 0x2000) = -1 EINVAL (Invalid argument)"
    );
    let mut si = siginfo_bytes(libc::SIGIO, 1); // POLL_IN
    put(&mut si, 24, 5i32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x3000, &si);
    let mut fds = FakeFds {
        fds: HashMap::from([(5, fd_path(b"/dev/null"))]),
        ..FakeFds::default()
    };
    let got = line_fds(
        NR_PTRACE,
        [0x4203, 42, 0, 0x3000, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(0),
    );
    assert_eq!(
        got,
        "ptrace(PTRACE_SETSIGINFO, 42, NULL, {si_signo=SIGIO, si_code=POLL_IN, si_band=0, \
         si_fd=5</dev/null>}) = 0"
    );
}
