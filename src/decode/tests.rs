//! Decoders against fake memory: exact lines, bad pointers and truncation.

use super::*;
use crate::mem::FakeMemory;
use crate::output::{Format, Output};
use crate::text::Text;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A writer the test can read back after the output is finished.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An output at strace's default column, without timestamps, writing into `shared`.
fn test_output(shared: &Shared) -> Output {
    let format = Format {
        column: 40,
        ..Format::default()
    };
    Output::new(Box::new(shared.clone()), None, false, format)
}

const NR_READ: u64 = 0;
const NR_WRITE: u64 = 1;
const NR_OPEN: u64 = 2;
const NR_FSTAT: u64 = 5;
const NR_LSEEK: u64 = 8;
const NR_MMAP: u64 = 9;
const NR_BRK: u64 = 12;
const NR_ACCESS: u64 = 21;
const NR_EXECVE: u64 = 59;
const NR_EXIT_GROUP: u64 = 231;
const NR_OPENAT: u64 = 257;
const NR_NEWFSTATAT: u64 = 262;
const NR_FACCESSAT2: u64 = 439;

/// Renders one whole syscall line as the tracer would, entry and exit together.
fn line_with(
    nr: u64,
    args: [u64; 6],
    mem: &FakeMemory,
    outcome: Outcome,
    max_strlen: usize,
) -> String {
    let shared = Shared::default();
    let mut out = test_output(&shared);
    let mut call = Call::new(nr, args, 0);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx {
        opts: DecodeOpts {
            max_strlen,
            ..DecodeOpts::default()
        },
        ..Ctx::for_test(mem, &mut scratch)
    };
    match call.desc {
        Some(d) => out.bytes(d.name.as_bytes()),
        None => out.bytes(format!("syscall_{nr:#x}").as_bytes()),
    }
    out.bytes(b"(");
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    exit(&mut Text::new(&mut out), &mut ctx, &call, outcome);
    out.finish();

    String::from_utf8(shared.0.borrow().clone()).unwrap()
}

pub(super) fn line(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    line_with(nr, args, mem, outcome, 32)
}

const ENOENT: u64 = 2;
const EBADF: u64 = 9;
const EFAULT: u64 = 14;
const EINVAL: u64 = 22;
const AT_FDCWD: u64 = -100i64 as u64;

#[test]
fn openat_with_flags_and_mode() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/ld.so.cache\0");
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0x1000, 0o2000000, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3"
    );
    assert_eq!(
        line(
            NR_OPENAT,
            [3, 0x1000, 0o1101, 0o644, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        "openat(3, \"/etc/ld.so.cache\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4"
    );
    // Unknown bits, O_TMPFILE (which shows the mode), and an int-sized flags argument.
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0x1000, 0x1_c000_2002 | 0o20200000, 0o600, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDWR|O_TMPFILE|FASYNC|0xc0000000, 0600) = -1 ENOENT (No such file or directory)"
    );
    assert_eq!(
        line(
            NR_OPEN,
            [0x1000, 0o100, 0x12345, 0, 0, 0],
            &mem,
            Outcome::Ok(5)
        ),
        "open(\"/etc/ld.so.cache\", O_RDONLY|O_CREAT, 021505) = 5"
    );
}

#[test]
fn bad_path_pointer_prints_the_address() {
    // A path whose NUL would lie on the next, unmapped, page.
    let mem = FakeMemory::new().with(0x1ffa, b"aaaaaa");
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0x1ffa, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "openat(AT_FDCWD, 0x1ffa, O_RDONLY)      = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0x8, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "openat(AT_FDCWD, 0x8, O_RDONLY)         = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_OPENAT,
            [AT_FDCWD, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "openat(AT_FDCWD, NULL, O_RDONLY)        = -1 EFAULT (Bad address)"
    );
}

#[test]
fn read_shows_the_buffer_at_exit_and_truncates() {
    let data: Vec<u8> = b"\x7fELF\x02\x01\x01\x03"
        .iter()
        .copied()
        .chain(std::iter::repeat_n(0, 40))
        .collect();
    let mem = FakeMemory::new().with(0x2000, &data);
    assert_eq!(
        line(NR_READ, [3, 0x2000, 832, 0, 0, 0], &mem, Outcome::Ok(40)),
        r#"read(3, "\177ELF\2\1\1\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"..., 832) = 40"#
    );
    assert_eq!(
        line(NR_READ, [3, 0x2000, 4096, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"read(3, "", 4096)                       = 0"#
    );
    // A failed read shows the buffer's address; so does an unreadable one.
    assert_eq!(
        line(
            NR_READ,
            [99, 0x2000, 40, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "read(99, 0x2000, 40)                    = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_READ, [4, 0x8, 10, 0, 0, 0], &mem, Outcome::Ok(10)),
        "read(4, 0x8, 10)                        = 10"
    );
}

#[test]
fn write_escapes_and_honours_the_string_limit() {
    let mem = FakeMemory::new()
        .with(0x3000, b"hello world\n\t\"\\\x1b[0m")
        .with(0x4000, b"abcdefghijklmnopqrstuvwxyz0123456789ABCD")
        .with(0x5ffa, b"bbbbbb");
    assert_eq!(
        line(NR_WRITE, [1, 0x3000, 12, 0, 0, 0], &mem, Outcome::Ok(12)),
        r#"write(1, "hello world\n", 12)           = 12"#
    );
    assert_eq!(
        line(NR_WRITE, [1, 0x3000, 19, 0, 0, 0], &mem, Outcome::Ok(19)),
        r#"write(1, "hello world\n\t\"\\\33[0m", 19) = 19"#
    );
    assert_eq!(
        line(NR_WRITE, [3, 0x4000, 40, 0, 0, 0], &mem, Outcome::Ok(40)),
        r#"write(3, "abcdefghijklmnopqrstuvwxyz012345"..., 40) = 40"#
    );
    assert_eq!(
        line(NR_WRITE, [3, 0x4000, 32, 0, 0, 0], &mem, Outcome::Ok(32)),
        r#"write(3, "abcdefghijklmnopqrstuvwxyz012345", 32) = 32"#
    );
    assert_eq!(
        line_with(NR_WRITE, [3, 0x4000, 40, 0, 0, 0], &mem, Outcome::Ok(40), 5),
        r#"write(3, "abcde"..., 40)                = 40"#
    );
    assert_eq!(
        line_with(NR_WRITE, [3, 0x4000, 40, 0, 0, 0], &mem, Outcome::Ok(40), 0),
        r#"write(3, ""..., 40)                     = 40"#
    );
    // Running into an unmapped page: the address, as strace prints it.
    assert_eq!(
        line(
            NR_WRITE,
            [3, 0x5ffa, 10, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "write(3, 0x5ffa, 10)                    = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_WRITE, [3, 0x5ffa, 6, 0, 0, 0], &mem, Outcome::Ok(6)),
        r#"write(3, "bbbbbb", 6)                   = 6"#
    );
    assert_eq!(
        line(NR_WRITE, [3, 0, 5, 0, 0, 0], &mem, Outcome::Ok(5)),
        "write(3, NULL, 5)                       = 5"
    );
}

#[test]
fn lseek_whence_known_and_unknown() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_LSEEK,
            [3, -5i64 as u64, 1, 0, 0, 0],
            &mem,
            Outcome::Ok(1216)
        ),
        "lseek(3, -5, SEEK_CUR)                  = 1216"
    );
    assert_eq!(
        line(NR_LSEEK, [3, 0, 4, 0, 0, 0], &mem, Outcome::Ok(1221)),
        "lseek(3, 0, SEEK_HOLE)                  = 1221"
    );
    assert_eq!(
        line(NR_LSEEK, [3, 100, 7, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "lseek(3, 100, 0x7 /* SEEK_??? */)       = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn mmap_flags_prot_and_hex_results() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(
            NR_MMAP,
            [0, 8192, 3, 0x22, -1i64 as u64, 0],
            &mem,
            Outcome::Ok(0x7f74991ca000)
        ),
        "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f74991ca000"
    );
    assert_eq!(
        line(
            NR_MMAP,
            [0x7f7499005000, 1400832, 5, 0x812, 3, 0x26000],
            &mem,
            Outcome::Ok(0x7f7499005000)
        ),
        "mmap(0x7f7499005000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f7499005000"
    );
    assert_eq!(
        line(
            NR_MMAP,
            [
                0,
                4096,
                0,
                0x20 | (21 << 26) | 0x40000 | 0x2,
                -1i64 as u64,
                0
            ],
            &mem,
            Outcome::Err(12)
        ),
        "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)"
    );
    assert_eq!(
        line(
            NR_MMAP,
            [0, 4096, 0x100, 0xf | 0x20, -1i64 as u64, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "mmap(NULL, 4096, 0x100 /* PROT_??? */, 0xf /* MAP_??? */|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_BRK,
            [0, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0x55c88f1f0000)
        ),
        "brk(NULL)                               = 0x55c88f1f0000"
    );
}

/// A `struct stat` with the given mode, size and rdev at their libc offsets.
fn stat_bytes(mode: u32, size: i64, rdev: u64) -> Vec<u8> {
    let mut st = vec![0u8; std::mem::size_of::<libc::stat>()];
    let off = std::mem::offset_of!(libc::stat, st_mode);
    st[off..off + 4].copy_from_slice(&mode.to_ne_bytes());
    let off = std::mem::offset_of!(libc::stat, st_size);
    st[off..off + 8].copy_from_slice(&size.to_ne_bytes());
    let off = std::mem::offset_of!(libc::stat, st_rdev);
    st[off..off + 8].copy_from_slice(&rdev.to_ne_bytes());
    st
}

#[test]
fn stat_structs() {
    let mem = FakeMemory::new()
        .with(0x5000, &stat_bytes(0o100644, 33699, 0))
        .with(0x6000, &stat_bytes(0o020666, 0, libc::makedev(1, 3)))
        .with(0x7000, &stat_bytes(0o104755, 0, 0))
        .with(0x8000, b"\0sd/reg\0");
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [3, 0x8000, 0x5000, 0x1000, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=33699, ...}, AT_EMPTY_PATH) = 0"#
    );
    assert_eq!(
        line(NR_FSTAT, [3, 0x6000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fstat(3, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0"
    );
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [AT_FDCWD, 0x8001, 0x7000, 0x900, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"newfstatat(AT_FDCWD, "sd/reg", {st_mode=S_IFREG|S_ISUID|0755, st_size=0, ...}, AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT) = 0"#
    );
    // Failed calls and unreadable buffers show the address.
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [AT_FDCWD, 0x8001, 0x5000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        r#"newfstatat(AT_FDCWD, "sd/reg", 0x5000, 0) = -1 ENOENT (No such file or directory)"#
    );
    assert_eq!(
        line(NR_FSTAT, [3, 0x8, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fstat(3, 0x8)                           = 0"
    );
    assert_eq!(
        line(
            NR_NEWFSTATAT,
            [AT_FDCWD, 0x8001, 0x5000, 0x40000000, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"newfstatat(AT_FDCWD, "sd/reg", 0x5000, 0x40000000 /* AT_??? */) = -1 EINVAL (Invalid argument)"#
    );
}

#[test]
fn access_modes() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/passwd\0");
    assert_eq!(
        line(NR_ACCESS, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"access("/etc/passwd", F_OK)             = 0"#
    );
    assert_eq!(
        line(NR_ACCESS, [0x1000, 7, 0, 0, 0, 0], &mem, Outcome::Err(13)),
        r#"access("/etc/passwd", R_OK|W_OK|X_OK)   = -1 EACCES (Permission denied)"#
    );
    assert_eq!(
        line(
            NR_ACCESS,
            [0x1000, 8, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        r#"access("/etc/passwd", 0x8 /* ?_OK */)   = -1 EINVAL (Invalid argument)"#
    );
    assert_eq!(
        line(
            NR_FACCESSAT2,
            [AT_FDCWD, 0x1000, 4, 0x1300, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"faccessat2(AT_FDCWD, "/etc/passwd", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS|AT_EMPTY_PATH) = 0"#
    );
}

/// Lays out a NULL-terminated pointer array at `at` whose strings follow it.
fn string_array(at: u64, strings: &[&[u8]]) -> Vec<u8> {
    let mut table = Vec::new();
    let mut blob = Vec::new();
    let strings_at = at + 8 * (strings.len() as u64 + 1);
    for s in strings {
        table.extend_from_slice(&(strings_at + blob.len() as u64).to_ne_bytes());
        blob.extend_from_slice(s);
        blob.push(0);
    }
    table.extend_from_slice(&0u64.to_ne_bytes());
    table.extend_from_slice(&blob);
    table
}

#[test]
fn execve_argv_and_env_count() {
    let argv = string_array(
        0x10000,
        &[
            b"/bin/echo",
            b"hello world",
            b"abcdefghijklmnopqrstuvwxyz0123456789",
        ],
    );
    let envp = string_array(0x20000, &[b"A=1", b"B=2"]);
    let mem = FakeMemory::new()
        .with(0x1000, b"/bin/echo\0")
        .with(0x10000, &argv)
        .with(0x20000, &envp);
    assert_eq!(
        line(
            NR_EXECVE,
            [0x1000, 0x10000, 0x20000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        r#"execve("/bin/echo", ["/bin/echo", "hello world", "abcdefghijklmnopqrstuvwxyz012345"...], 0x20000 /* 2 vars */) = 0"#
    );
    assert_eq!(
        line_with(
            NR_EXECVE,
            [0x1000, 0x10000, 0x20000, 0, 0, 0],
            &mem,
            Outcome::Ok(0),
            2
        ),
        r#"execve("/bin/echo", ["/b"..., "he"..., ...], 0x20000 /* 2 vars */) = 0"#
    );
    assert_eq!(
        line(
            NR_EXECVE,
            [0x1000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOENT)
        ),
        r#"execve("/bin/echo", NULL, NULL)         = -1 ENOENT (No such file or directory)"#
    );
    assert_eq!(
        line(
            NR_EXECVE,
            [0x1000, 0x8, 0x8, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        r#"execve("/bin/echo", 0x8, 0x8)           = -1 EFAULT (Bad address)"#
    );
}

#[test]
fn raw_and_unknown_syscalls() {
    let mem = FakeMemory::new();
    // getppid (nr 110) has no decoder and no arguments; an unknown number prints six raw ones.
    assert_eq!(
        line(110, [0; 6], &mem, Outcome::Ok(1)),
        "getppid()                               = 1"
    );
    assert_eq!(
        line(500, [1, 2, 3, 0, 0xff, 0], &mem, Outcome::Err(38)),
        "syscall_0x1f4(0x1, 0x2, 0x3, 0, 0xff, 0) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(500, [0; 6], &mem, Outcome::Ok(4)),
        "syscall_0x1f4(0, 0, 0, 0, 0, 0)         = 0x4"
    );
}

#[test]
fn restart_errors_print_a_question_mark_and_unknown_errnos_a_number() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(34, [0; 6], &mem, Outcome::Err(514)),
        "pause()                                 = ? ERESTARTNOHAND (To be restarted if no handler)"
    );
    assert_eq!(
        line(110, [0; 6], &mem, Outcome::Err(519)),
        "getppid()                               = -1 (errno 519)"
    );
}

#[test]
fn exit_group_entry_half() {
    let mem = FakeMemory::new();
    let shared = Shared::default();
    let mut out = test_output(&shared);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx::for_test(&mem, &mut scratch);
    let mut call = Call::new(NR_EXIT_GROUP, [3, 0, 0, 0, 0, 0], 0);
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    out.finish();
    assert_eq!(String::from_utf8(shared.0.borrow().clone()).unwrap(), "3");
    // read's entry half ends with the separator before the buffer, printed at exit.
    let mut call = Call::new(NR_READ, [0, 0x1000, 10, 0, 0, 0], 0);
    let mut out = test_output(&shared);
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    out.finish();
    assert_eq!(
        String::from_utf8(shared.0.borrow().clone()).unwrap(),
        "30, "
    );
}

#[test]
fn siginfo_lines() {
    let mut raw = [0u8; 128];
    let put = |raw: &mut [u8; 128], off: usize, v: i32| {
        raw[off..off + 4].copy_from_slice(&v.to_ne_bytes())
    };
    put(&mut raw, 0, libc::SIGCHLD);
    put(&mut raw, 8, 1); // CLD_EXITED
    put(&mut raw, 16, 5631);
    put(&mut raw, 20, 0);
    put(&mut raw, 24, 7);
    let shared = Shared::default();
    let mut out = test_output(&shared);
    siginfo(&mut Text::new(&mut out), &raw);
    out.bytes(b"\n");
    let mut segv = [0u8; 128];
    put(&mut segv, 0, libc::SIGSEGV);
    put(&mut segv, 8, 1); // SEGV_MAPERR
    segv[16..24].copy_from_slice(&0x10u64.to_ne_bytes());
    siginfo(&mut Text::new(&mut out), &segv);
    out.bytes(b"\n");
    let mut tkill = [0u8; 128];
    put(&mut tkill, 0, libc::SIGUSR1);
    put(&mut tkill, 8, -6); // SI_TKILL
    put(&mut tkill, 16, 5600);
    siginfo(&mut Text::new(&mut out), &tkill);
    out.finish();
    assert_eq!(
        String::from_utf8(shared.0.borrow().clone()).unwrap(),
        "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5631, si_uid=0, si_status=7, si_utime=0, si_stime=0}\n\
         {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}\n\
         {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=5600, si_uid=0}"
    );
}

#[test]
fn sigreturn_frame_mask_offset_agrees_with_libc() {
    assert_eq!(
        signal::UC_SIGMASK_OFFSET as usize,
        std::mem::offset_of!(libc::ucontext_t, uc_sigmask)
    );
}

#[test]
fn rt_sigreturn_and_sigsets() {
    let sp = 0x9000u64;
    let mut frame = vec![0u8; signal::UC_SIGMASK_OFFSET as usize + 8];
    let mask: u64 = (1 << (libc::SIGINT - 1)) | (1 << (libc::SIGTERM - 1)) | (1 << (34 - 1));
    frame[signal::UC_SIGMASK_OFFSET as usize..].copy_from_slice(&mask.to_ne_bytes());
    let mem = FakeMemory::new().with(sp, &frame);
    let mut call = Call::new(15, [0; 6], sp);
    let shared = Shared::default();
    let mut out = test_output(&shared);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx::for_test(&mem, &mut scratch);
    entry(&mut Text::new(&mut out), &mut ctx, &mut call);
    out.bytes(b" ");
    Text::new(&mut out).sigset(!(1 << (libc::SIGKILL - 1)));
    out.bytes(b" ");
    Text::new(&mut out).sigset(0);
    out.bytes(b" ");
    // An unreadable frame shows where the mask would have been.
    let mut bad = Call::new(15, [0; 6], 0x8);
    entry(&mut Text::new(&mut out), &mut ctx, &mut bad);
    out.finish();
    assert_eq!(
        String::from_utf8(shared.0.borrow().clone()).unwrap(),
        "{mask=[INT TERM RT_2]} ~[KILL] [] 0x130"
    );
}

const NR_IOCTL: u64 = 16;
const NR_PIPE2: u64 = 293;
const NR_FCNTL: u64 = 72;
const NR_GETDENTS64: u64 = 217;
const NR_STATX: u64 = 332;
const NR_FSTATFS: u64 = 138;
const NR_MKNODAT: u64 = 259;
const NR_GETCWD: u64 = 79;
const NR_CHOWN: u64 = 92;
const ENOTTY: u64 = 25;

fn words(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

#[test]
fn ioctl_termios_winsize_and_ints() {
    // struct termios as a pty starts (<asm-generic/termbits.h> values).
    let mut termios = words(&[0o2400, 0o5, 0o277, 0o105073]);
    termios.resize(36, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &termios)
        .with(0x2000, &[24, 0, 80, 0, 0, 0, 0, 0])
        .with(0x3000, &7i32.to_ne_bytes());
    assert_eq!(
        line(NR_IOCTL, [1, 0x5401, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(1, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"
    );
    // A failed get shows the address; a set shows its struct whatever the outcome.
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5401, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOTTY)
        ),
        "ioctl(1, TCGETS, 0x1000)                = -1 ENOTTY (Inappropriate ioctl for device)"
    );
    let zero = FakeMemory::new().with(0x1000, &[0; 36]);
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5404, 0x1000, 0, 0, 0],
            &zero,
            Outcome::Err(EBADF)
        ),
        "ioctl(1, SNDCTL_TMR_CONTINUE or TCSETSF, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5402, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "ioctl(1, SNDCTL_TMR_START or TCSETS, NULL) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5402, 0x8, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "ioctl(1, SNDCTL_TMR_START or TCSETS, 0x8) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x5414, 0x2000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x541b, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, FIONREAD, [7])                 = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x5451, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, FIOCLEX)                       = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x540b, 2, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, TCFLSH, TCIOFLUSH)             = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [0, 0xc0105599, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOTTY)
        ),
        "ioctl(0, _IOC(_IOC_READ|_IOC_WRITE, 0x55, 0x99, 0x10), 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)"
    );
}

#[test]
fn fcntl_by_command() {
    // struct flock: l_type F_WRLCK, l_whence SEEK_SET, l_start 10, l_len 20, l_pid 42.
    let mut flock = vec![1, 0, 0, 0, 0, 0, 0, 0];
    flock.extend(10i64.to_ne_bytes());
    flock.extend(20i64.to_ne_bytes());
    flock.extend(42i32.to_ne_bytes());
    flock.extend([0; 4]);
    let mem = FakeMemory::new().with(0x1000, &flock);
    assert_eq!(
        line(NR_FCNTL, [3, 1, 0, 0, 0, 0], &mem, Outcome::Ok(1)),
        "fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 1, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_GETFD)                       = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 3, 0, 0, 0, 0], &mem, Outcome::Ok(0x8002)),
        "fcntl(3, F_GETFL)                       = 0x8002 (flags O_RDWR|O_LARGEFILE)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 4, 0o4000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK)  = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 6, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20}) = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 5, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20, l_pid=42}) = 0"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 5, 0x8, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "fcntl(3, F_GETLK, 0x8)                  = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 6, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "fcntl(3, F_SETLK, NULL)                 = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 11, 0, 0, 0, 0], &mem, Outcome::Ok(10)),
        "fcntl(3, F_GETSIG)                      = 10 (SIGUSR1)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 1025, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "fcntl(3, F_GETLEASE)                    = 0x2 (F_UNLCK)"
    );
    assert_eq!(
        line(NR_FCNTL, [3, 1234, 5, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "fcntl(3, 0x4d2 /* F_??? */, 0x5)        = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn pipe2_getcwd_chown_mknodat() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[3, 4]))
        .with(0x2000, b"/tmp\0")
        .with(0x3000, b"dev\0");
    assert_eq!(
        line(
            NR_PIPE2,
            [0x1000, 0o2004000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "pipe2([3, 4], O_NONBLOCK|O_CLOEXEC)     = 0"
    );
    assert_eq!(
        line(NR_PIPE2, [0, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "pipe2(NULL, 0)                          = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_PIPE2, [0x8, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "pipe2(0x8, 0)                           = 0"
    );
    assert_eq!(
        line(NR_GETCWD, [0x2000, 4096, 0, 0, 0, 0], &mem, Outcome::Ok(5)),
        "getcwd(\"/tmp\", 4096)                    = 5"
    );
    assert_eq!(
        line(NR_GETCWD, [0x2000, 2, 0, 0, 0, 0], &mem, Outcome::Err(34)),
        "getcwd(0x2000, 2)                       = -1 ERANGE (Numerical result out of range)"
    );
    assert_eq!(
        line(
            NR_CHOWN,
            [0x3000, 0xffff_ffff, 1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "chown(\"dev\", -1, 1000)                  = 0"
    );
    assert_eq!(
        line(
            NR_MKNODAT,
            [AT_FDCWD, 0x3000, 0o20600, 0x103, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mknodat(AT_FDCWD, \"dev\", S_IFCHR|0600, makedev(0x1, 0x3)) = 0"
    );
    assert_eq!(
        line(
            NR_MKNODAT,
            [AT_FDCWD, 0x3000, 0o600, 0x103, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "mknodat(AT_FDCWD, \"dev\", 0600)          = 0"
    );
}

#[test]
fn getdents_statx_statfs() {
    // Two linux_dirent64 records of 24 bytes (d_reclen at offset 16).
    let mut dents = vec![0u8; 48];
    dents[16] = 24;
    dents[24 + 16] = 24;
    let mut statx = vec![0u8; 256];
    statx[0..4].copy_from_slice(&0x17ffu32.to_ne_bytes());
    statx[8..16].copy_from_slice(&0x2000u64.to_ne_bytes());
    statx[28..30].copy_from_slice(&0o40755u16.to_ne_bytes());
    statx[40..48].copy_from_slice(&4096u64.to_ne_bytes());
    let mut statfs = vec![0u8; 120];
    let put =
        |b: &mut Vec<u8>, off: usize, v: u64| b[off..off + 8].copy_from_slice(&v.to_ne_bytes());
    put(&mut statfs, 0, 0x01021994);
    put(&mut statfs, 8, 4096);
    put(&mut statfs, 56, 0x0000_0002_0000_0001);
    put(&mut statfs, 64, 255);
    put(&mut statfs, 72, 4096);
    put(&mut statfs, 80, 0x1020);
    let mem = FakeMemory::new()
        .with(0x1000, &dents)
        .with(0x2000, &statx)
        .with(0x3000, &statfs)
        .with(0x4000, b"/\0");
    assert_eq!(
        line(
            NR_GETDENTS64,
            [3, 0x1000, 32768, 0, 0, 0],
            &mem,
            Outcome::Ok(48)
        ),
        "getdents64(3, 0x1000 /* 2 entries */, 32768) = 48"
    );
    assert_eq!(
        line(NR_GETDENTS64, [3, 0, 10, 0, 0, 0], &mem, Outcome::Ok(0)),
        "getdents64(3, NULL /* 0 entries */, 10) = 0"
    );
    assert_eq!(
        line(
            NR_GETDENTS64,
            [3, 0x1000, 10, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "getdents64(3, 0x1000, 10)               = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_STATX,
            [AT_FDCWD, 0x4000, 0x800, 0x2, 0x2000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_NO_AUTOMOUNT, STATX_MODE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0"
    );
    assert_eq!(
        line(
            NR_STATX,
            [AT_FDCWD, 0x4000, 0, 0xfff, 0x8, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x8) = 0"
    );
    assert_eq!(
        line(
            NR_STATX,
            [AT_FDCWD, 0x4000, 0, 0x80000000, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, 0x80000000 /* STATX_??? */, NULL) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_FSTATFS, [3, 0x3000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "fstatfs(3, {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x1, 0x2]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0"
    );
    assert_eq!(
        line(NR_FSTATFS, [3, 0, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "fstatfs(3, NULL)                        = -1 EFAULT (Bad address)"
    );
}

#[test]
fn first_realtime_signal_is_rtmin() {
    let shared = Shared::default();
    let mut out = test_output(&shared);
    Text::new(&mut out).sigset((1 << 31) | (1 << 32) | (1 << 33));
    out.bytes(b" ");
    Text::new(&mut out).signal(32);
    out.finish();
    assert_eq!(
        String::from_utf8(shared.0.borrow().clone()).unwrap(),
        "[RTMIN RT_1 RT_2] SIGRTMIN"
    );
}

mod nettime;

#[test]
fn stat_in_full_under_v() {
    let mut st = stat_bytes(0o100644, 3, 0);
    let put =
        |st: &mut Vec<u8>, off: usize, v: u64| st[off..off + 8].copy_from_slice(&v.to_ne_bytes());
    put(
        &mut st,
        std::mem::offset_of!(libc::stat, st_dev),
        libc::makedev(0xfe, 0),
    );
    put(&mut st, std::mem::offset_of!(libc::stat, st_ino), 611);
    put(&mut st, std::mem::offset_of!(libc::stat, st_nlink), 1);
    put(&mut st, std::mem::offset_of!(libc::stat, st_blksize), 4096);
    put(&mut st, std::mem::offset_of!(libc::stat, st_blocks), 8);
    put(
        &mut st,
        std::mem::offset_of!(libc::stat, st_atime),
        1795828653,
    );
    put(
        &mut st,
        std::mem::offset_of!(libc::stat, st_atime_nsec),
        167005266,
    );
    put(
        &mut st,
        std::mem::offset_of!(libc::stat, st_mtime),
        1790052689,
    );
    put(
        &mut st,
        std::mem::offset_of!(libc::stat, st_ctime),
        1790052689,
    );
    let mem = FakeMemory::new().with(0x5000, &st);
    let shared = Shared::default();
    let mut out = test_output(&shared);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx {
        opts: DecodeOpts {
            abbreviate: false,
            ..DecodeOpts::default()
        },
        ..Ctx::for_test(&mem, &mut scratch)
    };
    stat::stat(&mut Text::new(&mut out), &mut ctx, 0x5000);
    out.finish();
    assert_eq!(
        String::from_utf8(shared.0.borrow().clone()).unwrap(),
        "{st_dev=makedev(0xfe, 0), st_ino=611, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, \
         st_blksize=4096, st_blocks=8, st_size=3, st_atime=1795828653 /* 2026-11-28T01:17:33.167005266+0000 */, \
         st_atime_nsec=167005266, st_mtime=1790052689 /* 2026-09-22T04:51:29+0000 */, st_mtime_nsec=0, \
         st_ctime=1790052689 /* 2026-09-22T04:51:29+0000 */, st_ctime_nsec=0}"
    );
}

#[test]
fn iovec_arrays() {
    const NR_READV: u64 = 19;
    const NR_WRITEV: u64 = 20;
    let mut iov = Vec::new();
    for (base, len) in [(0x3000u64, 5u64), (0x3005, 1)] {
        iov.extend_from_slice(&base.to_ne_bytes());
        iov.extend_from_slice(&len.to_ne_bytes());
    }
    let mem = FakeMemory::new()
        .with(0x2000, &iov)
        .with(0x3000, b"hello\n");
    assert_eq!(
        line(NR_WRITEV, [1, 0x2000, 2, 0, 0, 0], &mem, Outcome::Ok(6)),
        r#"writev(1, [{iov_base="hello", iov_len=5}, {iov_base="\n", iov_len=1}], 2) = 6"#
    );
    // A read shows what it read; a failed one the buffers' addresses.
    assert_eq!(
        line(NR_READV, [3, 0x2000, 2, 0, 0, 0], &mem, Outcome::Ok(3)),
        r#"readv(3, [{iov_base="hel", iov_len=5}, {iov_base="", iov_len=1}], 2) = 3"#
    );
    assert_eq!(
        line(
            NR_READV,
            [99, 0x2000, 2, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "readv(99, [{iov_base=0x3000, iov_len=5}, {iov_base=0x3005, iov_len=1}], 2) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_WRITEV, [1, 0, 1, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "writev(1, NULL, 1)                      = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_WRITEV, [1, 0x8, 1, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "writev(1, 0x8, 1)                       = -1 EFAULT (Bad address)"
    );
}

#[test]
fn sigchld_times_in_clock_ticks() {
    let mut raw = [0u8; 128];
    raw[0..4].copy_from_slice(&libc::SIGCHLD.to_ne_bytes());
    raw[8..12].copy_from_slice(&1i32.to_ne_bytes()); // CLD_EXITED
    raw[16..20].copy_from_slice(&42i32.to_ne_bytes());
    raw[32..40].copy_from_slice(&2u64.to_ne_bytes());
    raw[40..48].copy_from_slice(&150u64.to_ne_bytes());
    let shared = Shared::default();
    let mut out = test_output(&shared);
    siginfo(&mut Text::new(&mut out), &raw);
    out.finish();
    assert_eq!(
        String::from_utf8(shared.0.borrow().clone()).unwrap(),
        "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=0, \
         si_utime=2 /* 0.02 s */, si_stime=150 /* 1.50 s */}"
    );
}
