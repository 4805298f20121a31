//! End-to-end tests of the `strace-rs` binary.
//!
//! Every expected line below was taken from Debian's strace 6.1 on x86_64
//! (`/usr/bin/strace`) running the same helper, then masked with
//! `common::mask` (addresses of 9+ hex digits -> `0xADDR`, the tracee's pid
//! -> `PID`). The helpers in `tests/helpers/*.c` make raw syscalls only, so
//! glibc cannot change them; each one starts with the marker
//! `write(-1, "BEGIN", 5)` and the tests assert every line after it.

mod common;

use common::*;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Traces helper `name` with strace-rs and options `opts`, asserting the
/// tracer's exit status.
fn trace_helper_status(
    opts: &[&str],
    name: &str,
    extra: &[&str],
    expect_status: &str,
) -> (TempDir, Run) {
    let (dir, run) = trace_helper(STRACE_RS, opts, name, extra);
    assert_eq!(
        describe_status(&run.status),
        expect_status,
        "exit status of strace-rs {opts:?} tracing {name} {extra:?}; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    (dir, run)
}

/// Traces helper `name` with strace-rs and returns its masked lines after
/// the marker, asserting the tracer's exit status first.
fn helper_lines(name: &str, extra: &[&str], expect_status: &str) -> (TempDir, Vec<String>) {
    let (dir, run) = trace_helper_status(&[], name, extra, expect_status);
    assert_eq!(
        run.stderr, "",
        "strace-rs wrote to stderr while tracing {name} with -o"
    );
    let lines = masked_after_marker(&run);
    (dir, lines)
}

// ---------------------------------------------------------------------------
// Decoders of the base set, one helper each
// ---------------------------------------------------------------------------

/// open/openat: every O_* flag, unknown bits, mode only with O_CREAT or
/// O_TMPFILE, a real dirfd, EEXIST/ENOENT/ENOTDIR/EBADF/EFAULT, escaped and
/// long paths (never truncated), close success and EBADF.
#[test]
fn open_openat_close() {
    let (_dir, lines) = helper_lines("h_open", &[], "exited with 0");
    assert_lines(
        &lines,
        &[
            r#"open("f1", O_WRONLY|O_CREAT|O_EXCL, 0644) = 3"#,
            r#"open("f1", O_WRONLY|O_CREAT|O_EXCL, 0644) = -1 EEXIST (File exists)"#,
            r#"open("f1", O_RDONLY)                    = 4"#,
            r#"open("f1", O_RDWR|O_NOCTTY|O_TRUNC|O_APPEND) = 5"#,
            r#"open("f1", O_RDONLY|O_NONBLOCK|O_CLOEXEC) = 6"#,
            r#"open("missing", O_RDONLY)               = -1 ENOENT (No such file or directory)"#,
            r#"open("f1", O_RDONLY|O_DIRECTORY)        = -1 ENOTDIR (Not a directory)"#,
            r#"close(3)                                = 0"#,
            r#"close(4)                                = 0"#,
            r#"close(5)                                = 0"#,
            r#"close(6)                                = 0"#,
            r#"close(6)                                = -1 EBADF (Bad file descriptor)"#,
            r#"close(-1)                               = -1 EBADF (Bad file descriptor)"#,
            r#"openat(AT_FDCWD, ".", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 3"#,
            r#"openat(AT_FDCWD, "f2", O_RDWR|O_CREAT|O_TRUNC, 0600) = 4"#,
            r#"openat(AT_FDCWD, "f3", O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC, 04755) = 5"#,
            r#"openat(AT_FDCWD, "f3", O_RDONLY|O_CREAT, 000) = 6"#,
            r#"openat(3, "f1", O_RDONLY)               = 7"#,
            r#"openat(3, "nope", O_RDONLY)             = -1 ENOENT (No such file or directory)"#,
            r#"openat(99, "f1", O_RDONLY)              = -1 EBADF (Bad file descriptor)"#,
            r#"openat(99, "/etc/hostname", O_RDONLY|O_CLOEXEC) = 8"#,
            r#"openat(AT_FDCWD, "f1", O_WRONLY|O_SYNC) = 9"#,
            r#"openat(AT_FDCWD, "f1", O_WRONLY|O_DSYNC|FASYNC) = 10"#,
            r#"openat(AT_FDCWD, "f1", O_RDONLY|O_LARGEFILE|O_NOFOLLOW|O_NOATIME) = 11"#,
            r#"openat(AT_FDCWD, "f1", O_RDONLY|O_PATH) = 12"#,
            r#"openat(AT_FDCWD, "f1", O_RDONLY|O_DIRECT) = 13"#,
            r#"openat(AT_FDCWD, ".", O_RDWR|O_TMPFILE, 0640) = 14"#,
            r#"openat(AT_FDCWD, "f1", O_ACCMODE)       = 15"#,
            r#"openat(AT_FDCWD, "f1", O_RDONLY|0x80000000) = 16"#,
            r#"openat(AT_FDCWD, "f1", O_RDONLY|0x4000000) = 17"#,
            r#"openat(AT_FDCWD, "f1", O_RDWR|O_CREAT|0x80000000, 0644) = 18"#,
            r#"openat(AT_FDCWD, "", O_RDONLY)          = -1 ENOENT (No such file or directory)"#,
            r#"openat(AT_FDCWD, "sub/dir/\"q\"\\x\n", O_RDONLY) = -1 ENOENT (No such file or directory)"#,
            r#"openat(AT_FDCWD, "a/path/name/that/is/longer/than/thirty-two/bytes", O_RDONLY) = -1 ENOENT (No such file or directory)"#,
            r#"openat(AT_FDCWD, 0x8, O_RDONLY)         = -1 EFAULT (Bad address)"#,
            r#"open(NULL, O_RDONLY)                    = -1 EFAULT (Bad address)"#,
            r#"openat(AT_FDCWD, "f1", O_RDONLY)        = 19"#,
            r#"openat(-5, "f1", O_RDONLY)              = -1 EBADF (Bad file descriptor)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// read/write: escapes (\n \r \t \\ \" \v \f, octal with and without a digit
/// following, \177, bytes >= 0x80), NUL bytes, truncation after 32 bytes
/// with `...` (and none at exactly 32), a read shows what it got (buffer
/// printed at exit, `""` for 0 bytes even with a bad pointer), EBADF shows
/// the buffer address, EFAULT, NULL.
#[test]
fn read_write() {
    let (_dir, lines) = helper_lines("h_rw", &[], "exited with 0");
    assert_lines(
        &lines,
        &[
            r#"openat(AT_FDCWD, "data", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3"#,
            r#"write(3, "hello\n", 6)                  = 6"#,
            r#"write(3, "a\nb\rc\td\\e\"f\v\f\7\10\33g\177", 18) = 18"#,
            r#"write(3, "x\0y\0\0z", 6)                = 6"#,
            r#"write(3, "\1\0012\0003\377\200\177~ 9", 11) = 11"#,
            r#"write(3, "0123456789abcdefghijklmnopqrstuv"..., 47) = 47"#,
            r#"write(3, "\0\1\2\3\4\5\6\7\10\t\n\v\f\r\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"..., 36) = 36"#,
            r#"write(3, "0123456789abcdef0123456789abcdef", 32) = 32"#,
            r#"write(3, "0123456789abcdef0123456789abcdef"..., 33) = 33"#,
            r#"write(3, "", 0)                         = 0"#,
            r#"write(3, 0x8, 5)                        = -1 EFAULT (Bad address)"#,
            r#"write(3, NULL, 5)                       = -1 EFAULT (Bad address)"#,
            r#"write(-1, "zz", 2)                      = -1 EBADF (Bad file descriptor)"#,
            r#"write(42, "zz", 2)                      = -1 EBADF (Bad file descriptor)"#,
            r#"lseek(3, 0, SEEK_SET)                   = 0"#,
            r#"read(3, "hello\n", 6)                   = 6"#,
            r#"read(3, "a\nb\rc\td\\e\"f\v\f\7\10\33g\177", 18) = 18"#,
            r#"read(3, "x\0y\0\0z\1\0012\0003\377\200\177~ 9", 17) = 17"#,
            r#"read(3, "0123456789abcdefghijklmnopqrstuv"..., 47) = 47"#,
            r#"read(3, "\0\1\2\3\4\5\6\7\10\t\n\v\f\r\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"..., 36) = 36"#,
            r#"read(3, "0123456789abcdef0123456789abcdef", 32) = 32"#,
            r#"read(3, "0123456789abcdef0123456789abcdef"..., 100) = 33"#,
            r#"read(3, "", 100)                        = 0"#,
            r#"read(3, "", 0)                          = 0"#,
            r#"read(-1, 0xADDR, 10)                    = -1 EBADF (Bad file descriptor)"#,
            r#"read(3, "", 10)                         = 0"#,
            r#"lseek(3, 0, SEEK_SET)                   = 0"#,
            r#"read(3, 0x8, 10)                        = -1 EFAULT (Bad address)"#,
            r#"openat(AT_FDCWD, "/dev/zero", O_RDONLY) = 4"#,
            r#"read(4, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"..., 40) = 40"#,
            r#"read(4, "\0\0\0", 3)                    = 3"#,
            r#"openat(AT_FDCWD, "/dev/null", O_WRONLY) = 5"#,
            r#"write(5, "0123456789abcdefghijklmnopqrstuv"..., 47) = 47"#,
            r#"close(5)                                = 0"#,
            r#"read(5, 0xADDR, 1)                      = -1 EBADF (Bad file descriptor)"#,
            r#"close(4)                                = 0"#,
            r#"close(3)                                = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// brk (NULL and addresses), lseek (SEEK_SET/CUR/END/DATA/HOLE, negative
/// offsets, unknown whence 7), mmap/mprotect/munmap (PROT_* incl. PROT_NONE
/// and unknown bits, MAP_* incl. MAP_HUGETLB with a huge page size, unknown
/// map type, MAP_SHARED_VALIDATE, hex offsets, failures).
#[test]
fn brk_lseek_mmap() {
    let (_dir, lines) = helper_lines("h_mem", &[], "exited with 0");
    assert_lines(
        &lines,
        &[
            r#"brk(NULL)                               = 0xADDR"#,
            r#"brk(0xADDR)                             = 0xADDR"#,
            r#"brk(0xADDR)                             = 0xADDR"#,
            r#"openat(AT_FDCWD, "sparse", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3"#,
            r#"lseek(3, 1048576, SEEK_SET)             = 1048576"#,
            r#"write(3, "end", 3)                      = 3"#,
            r#"lseek(3, 0, SEEK_SET)                   = 0"#,
            r#"lseek(3, 100, SEEK_CUR)                 = 100"#,
            r#"lseek(3, -10, SEEK_CUR)                 = 90"#,
            r#"lseek(3, -3, SEEK_END)                  = 1048576"#,
            r#"lseek(3, 0, SEEK_DATA)                  = 1048576"#,
            r#"lseek(3, 0, SEEK_HOLE)                  = 0"#,
            r#"lseek(3, 0, 0x7 /* SEEK_??? */)         = -1 EINVAL (Invalid argument)"#,
            r#"lseek(3, -1, SEEK_SET)                  = -1 EINVAL (Invalid argument)"#,
            r#"lseek(3, 9223372036854775807, SEEK_SET) = -1 EINVAL (Invalid argument)"#,
            r#"lseek(-1, 0, SEEK_SET)                  = -1 EBADF (Bad file descriptor)"#,
            r#"mmap(0x10000000, 16384, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = 0x10000000"#,
            r#"mprotect(0x10000000, 4096, PROT_NONE)   = 0"#,
            r#"mprotect(0x10000000, 4096, PROT_READ)   = 0"#,
            r#"mprotect(0x10000000, 8192, PROT_READ|PROT_WRITE|PROT_EXEC) = 0"#,
            r#"mprotect(0x10000000, 4096, PROT_READ|PROT_GROWSDOWN) = -1 EINVAL (Invalid argument)"#,
            r#"mprotect(0x10000000, 4096, PROT_READ|0x10) = -1 EINVAL (Invalid argument)"#,
            r#"mprotect(0x10000001, 4096, PROT_READ)   = -1 EINVAL (Invalid argument)"#,
            r#"munmap(0x10002000, 8192)                = 0"#,
            r#"mmap(0x10002000, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x10002000"#,
            r#"mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST (File exists)"#,
            r#"mmap(0x10000000, 4096, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = 0x10000000"#,
            r#"mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_NORESERVE|MAP_NONBLOCK, -1, 0) = 0x10000000"#,
            r#"mmap(0x10000000, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_GROWSDOWN|MAP_STACK, -1, 0) = 0x10000000"#,
            r#"mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = 0x10000000"#,
            r#"mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_32BIT|MAP_DENYWRITE|MAP_EXECUTABLE, -1, 0) = 0x10000000"#,
            r#"mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|MAP_FIXED, 3, 0x100000) = 0x10000000"#,
            r#"munmap(0x10000000, 16384)               = 0"#,
            r#"mmap(NULL, 2097152, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)"#,
            r#"mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE|MAP_SYNC, 3, 0) = -1 EOPNOTSUPP (Operation not supported)"#,
            r#"mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE|0x800000, 3, 0) = -1 EOPNOTSUPP (Operation not supported)"#,
            r#"mmap(NULL, 4096, PROT_READ, 0xf /* MAP_??? */, -1, 0) = -1 EBADF (Bad file descriptor)"#,
            r#"mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0) = -1 EBADF (Bad file descriptor)"#,
            r#"mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)"#,
            r#"mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x1) = -1 EINVAL (Invalid argument)"#,
            r#"munmap(0x1, 4096)                       = -1 EINVAL (Invalid argument)"#,
            r#"close(3)                                = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// fstat/newfstatat of a regular file, a directory, /dev/null (st_rdev), a
/// fifo, a symlink with AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, ENOENT/EFAULT/
/// EBADF (the stat buffer printed as an address), unknown AT_ flags;
/// access and faccessat2 (F_OK, R_OK|W_OK|X_OK, AT_EACCESS, unknown bits).
#[test]
fn stat_and_access() {
    let (dir, lines) = helper_lines("h_stat", &[], "exited with 0");
    // Directory sizes depend on the file system; take them from the disk.
    let dir_size = std::fs::metadata(dir.join("dir"))
        .unwrap()
        .size()
        .to_string();
    let tmp_size = std::fs::metadata(dir.path()).unwrap().size().to_string();
    let expected: Vec<String> = [
        r#"openat(AT_FDCWD, "file", O_WRONLY|O_CREAT|O_EXCL, 0755) = 3"#,
        r#"write(3, "0123456789", 10)              = 10"#,
        r#"fstat(3, {st_mode=S_IFREG|0755, st_size=10, ...}) = 0"#,
        r#"newfstatat(AT_FDCWD, "file", {st_mode=S_IFREG|0755, st_size=10, ...}, 0) = 0"#,
        r#"newfstatat(3, "", {st_mode=S_IFREG|0755, st_size=10, ...}, AT_EMPTY_PATH) = 0"#,
        r#"newfstatat(AT_FDCWD, "dir", {st_mode=S_IFDIR|0750, st_size=@DIR_SIZE@, ...}, 0) = 0"#,
        r#"newfstatat(AT_FDCWD, "/dev/null", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0"#,
        r#"newfstatat(AT_FDCWD, "fifo", {st_mode=S_IFIFO|0640, st_size=0, ...}, AT_SYMLINK_NOFOLLOW) = 0"#,
        r#"newfstatat(AT_FDCWD, "link", {st_mode=S_IFLNK|0777, st_size=14, ...}, AT_SYMLINK_NOFOLLOW) = 0"#,
        r#"newfstatat(AT_FDCWD, "link", 0xADDR, 0) = -1 ENOENT (No such file or directory)"#,
        r#"newfstatat(AT_FDCWD, "missing", 0xADDR, 0) = -1 ENOENT (No such file or directory)"#,
        r#"newfstatat(AT_FDCWD, "file", 0x8, 0)    = -1 EFAULT (Bad address)"#,
        r#"newfstatat(AT_FDCWD, "file", {st_mode=S_IFREG|0755, st_size=10, ...}, 0x4000 /* AT_??? */) = 0"#,
        r#"newfstatat(AT_FDCWD, "file", {st_mode=S_IFREG|0755, st_size=10, ...}, AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT) = 0"#,
        r#"newfstatat(99, "file", 0xADDR, 0)       = -1 EBADF (Bad file descriptor)"#,
        r#"openat(AT_FDCWD, "dir", O_RDONLY|O_DIRECTORY) = 4"#,
        r#"fstat(4, {st_mode=S_IFDIR|0750, st_size=@DIR_SIZE@, ...}) = 0"#,
        r#"newfstatat(4, "..", {st_mode=S_IFDIR|0755, st_size=@TMP_SIZE@, ...}, 0) = 0"#,
        r#"openat(AT_FDCWD, "/dev/null", O_RDONLY) = 5"#,
        r#"fstat(5, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0"#,
        r#"fstat(3, 0x8)                           = -1 EFAULT (Bad address)"#,
        r#"fstat(3, NULL)                          = -1 EFAULT (Bad address)"#,
        r#"fstat(-1, 0xADDR)                       = -1 EBADF (Bad file descriptor)"#,
        r#"fstat(99, 0xADDR)                       = -1 EBADF (Bad file descriptor)"#,
        r#"access("file", F_OK)                    = 0"#,
        r#"access("file", R_OK)                    = 0"#,
        r#"access("file", R_OK|W_OK|X_OK)          = 0"#,
        r#"access("missing", F_OK)                 = -1 ENOENT (No such file or directory)"#,
        r#"access("file", 0x10 /* ?_OK */)         = -1 EINVAL (Invalid argument)"#,
        r#"access(NULL, F_OK)                      = -1 EFAULT (Bad address)"#,
        r#"faccessat2(AT_FDCWD, "file", W_OK, 0)   = 0"#,
        r#"faccessat2(AT_FDCWD, "file", R_OK|X_OK, AT_EACCESS) = 0"#,
        r#"faccessat2(AT_FDCWD, "link", F_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS) = 0"#,
        r#"faccessat2(4, "..", X_OK, 0)            = 0"#,
        r#"faccessat2(3, "", R_OK, AT_EMPTY_PATH)  = 0"#,
        r#"faccessat2(AT_FDCWD, "missing", F_OK, AT_EACCESS) = -1 ENOENT (No such file or directory)"#,
        r#"faccessat2(AT_FDCWD, "file", F_OK, 0x1 /* AT_??? */) = -1 EINVAL (Invalid argument)"#,
        r#"close(5)                                = 0"#,
        r#"close(4)                                = 0"#,
        r#"close(3)                                = 0"#,
        r#"exit_group(0)                           = ?"#,
        r#"+++ exited with 0 +++"#,
    ]
    .iter()
    .map(|l| l.replace("@DIR_SIZE@", &dir_size).replace("@TMP_SIZE@", &tmp_size))
    .collect();
    assert_lines(&lines, &expected);
}

/// execve: argv with a long element (truncated to 32 bytes), escapes, an
/// empty string, more than 32 elements (`...`), exactly 32, NULL arrays, bad
/// pointers (array and element), envp shown as address + `/* N vars */`;
/// the successful execve is followed by the new program's trace.
#[test]
fn execve_decoding() {
    let (_dir, lines) = helper_lines("h_execve", &[], "exited with 0");
    let expected_head = [
        r#"execve("/nonexistent/prog", ["/bin/true", "short", "a string that is much longer tha"..., "tab\there \"quoted\" back\\slash\nnew"..., "", "\1\377"], 0xADDR /* 3 vars */) = -1 ENOENT (No such file or directory)"#,
        r#"execve("/nonexistent/prog", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", ...], 0xADDR /* 0 vars */) = -1 ENOENT (No such file or directory)"#,
        r#"execve("/nonexistent/prog", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31"], 0xADDR /* 0 vars */) = -1 ENOENT (No such file or directory)"#,
        r#"execve("/nonexistent/prog", NULL, NULL) = -1 ENOENT (No such file or directory)"#,
        r#"execve("/nonexistent/prog", 0x8, 0x8)   = -1 ENOENT (No such file or directory)"#,
        r#"execve("/nonexistent/prog", ["ok", 0x8], 0xADDR /* 0 vars */) = -1 ENOENT (No such file or directory)"#,
        r#"execve(0x8, ["/bin/true", "short", "a string that is much longer tha"..., "tab\there \"quoted\" back\\slash\nnew"..., "", "\1\377"], 0xADDR /* 0 vars */) = -1 EFAULT (Bad address)"#,
        r#"execve(".", ["/bin/true", "short", "a string that is much longer tha"..., "tab\there \"quoted\" back\\slash\nnew"..., "", "\1\377"], 0xADDR /* 0 vars */) = -1 EACCES (Permission denied)"#,
        r#"execve("/bin/true", ["/bin/true", "short", "a string that is much longer tha"..., "tab\there \"quoted\" back\\slash\nnew"..., "", "\1\377"], 0xADDR /* 3 vars */) = 0"#,
    ];
    let n = expected_head.len();
    assert!(
        lines.len() > n + 2,
        "trace too short:\n{}",
        lines.join("\n")
    );
    assert_lines(&lines[..n], &expected_head);
    assert_lines(
        &lines[lines.len() - 2..],
        &[
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// A signal sent to self, handled, then rt_sigreturn; exit code 7.
#[test]
fn signal_handled() {
    let (_dir, lines) = helper_lines("h_signal", &[], "exited with 7");
    assert_lines(
        &lines,
        &[
            r#"getpid()                                = PID"#,
            r#"kill(PID, SIGUSR1)                      = 0"#,
            r#"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=0} ---"#,
            r#"write(-1, "HANDLER", 7)                 = -1 EBADF (Bad file descriptor)"#,
            r#"rt_sigreturn({mask=[]})                 = 0"#,
            r#"write(-1, "AFTER", 5)                   = -1 EBADF (Bad file descriptor)"#,
            r#"exit_group(7)                           = ?"#,
            r#"+++ exited with 7 +++"#,
        ],
    );
}

/// A tracee dying of SIGSEGV: strace dies of the same signal itself (its
/// exit status is "killed by signal 11", as a shell shows 139).
#[test]
fn killed_by_sigsegv() {
    let (_dir, lines) = helper_lines("h_die", &["segv"], "killed by signal 11");
    assert_lines(
        &lines,
        &[
            r#"--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---"#,
            r#"+++ killed by SIGSEGV +++"#,
        ],
    );
}

/// SIGKILL: the interrupted syscall shows `= ?`; strace-rs dies of SIGKILL.
#[test]
fn killed_by_sigkill() {
    let (_dir, lines) = helper_lines("h_die", &["kill"], "killed by signal 9");
    assert_lines(
        &lines,
        &[
            r#"getpid()                                = PID"#,
            r#"kill(PID, SIGKILL)                      = ?"#,
            r#"+++ killed by SIGKILL +++"#,
        ],
    );
}

/// SIGABRT with its default action: the signal is shown, then the death.
#[test]
fn killed_by_sigabrt() {
    let (_dir, lines) = helper_lines("h_die", &["abrt"], "killed by signal 6");
    assert_lines(
        &lines,
        &[
            r#"getpid()                                = PID"#,
            r#"kill(PID, SIGABRT)                      = 0"#,
            r#"--- SIGABRT {si_signo=SIGABRT, si_code=SI_USER, si_pid=PID, si_uid=0} ---"#,
            r#"+++ killed by SIGABRT +++"#,
        ],
    );
}

/// exit_group shows `= ?`; strace-rs exits with the tracee's code.
#[test]
fn exit_code_3() {
    let (_dir, lines) = helper_lines("h_die", &["exit", "3"], "exited with 3");
    assert_lines(
        &lines,
        &[
            r#"exit_group(3)                           = ?"#,
            r#"+++ exited with 3 +++"#,
        ],
    );
}

/// exit_group(256): the argument as given, the status as the kernel keeps it.
#[test]
fn exit_code_256_is_0() {
    let (_dir, lines) = helper_lines("h_die", &["exit", "256"], "exited with 0");
    assert_lines(
        &lines,
        &[
            r#"exit_group(256)                         = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

/// `-s 5`: strings cut after 5 bytes; paths are not cut.
#[test]
fn option_s_5() {
    let (_dir, run) = trace_helper_status(&["-s", "5"], "h_rw", &[], "exited with 0");
    let lines = masked_after_marker(&run);
    assert_lines(
        &lines,
        &[
            r#"openat(AT_FDCWD, "data", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3"#,
            r#"write(3, "hello"..., 6)                 = 6"#,
            r#"write(3, "a\nb\rc"..., 18)              = 18"#,
            r#"write(3, "x\0y\0\0"..., 6)              = 6"#,
            r#"write(3, "\1\0012\0003"..., 11)         = 11"#,
            r#"write(3, "01234"..., 47)                = 47"#,
            r#"write(3, "\0\1\2\3\4"..., 36)           = 36"#,
            r#"write(3, "01234"..., 32)                = 32"#,
            r#"write(3, "01234"..., 33)                = 33"#,
            r#"write(3, "", 0)                         = 0"#,
            r#"write(3, 0x8, 5)                        = -1 EFAULT (Bad address)"#,
            r#"write(3, NULL, 5)                       = -1 EFAULT (Bad address)"#,
            r#"write(-1, "zz", 2)                      = -1 EBADF (Bad file descriptor)"#,
            r#"write(42, "zz", 2)                      = -1 EBADF (Bad file descriptor)"#,
            r#"lseek(3, 0, SEEK_SET)                   = 0"#,
            r#"read(3, "hello"..., 6)                  = 6"#,
            r#"read(3, "a\nb\rc"..., 18)               = 18"#,
            r#"read(3, "x\0y\0\0"..., 17)              = 17"#,
            r#"read(3, "01234"..., 47)                 = 47"#,
            r#"read(3, "\0\1\2\3\4"..., 36)            = 36"#,
            r#"read(3, "01234"..., 32)                 = 32"#,
            r#"read(3, "01234"..., 100)                = 33"#,
            r#"read(3, "", 100)                        = 0"#,
            r#"read(3, "", 0)                          = 0"#,
            r#"read(-1, 0xADDR, 10)                    = -1 EBADF (Bad file descriptor)"#,
            r#"read(3, "", 10)                         = 0"#,
            r#"lseek(3, 0, SEEK_SET)                   = 0"#,
            r#"read(3, 0x8, 10)                        = -1 EFAULT (Bad address)"#,
            r#"openat(AT_FDCWD, "/dev/zero", O_RDONLY) = 4"#,
            r#"read(4, "\0\0\0\0\0"..., 40)            = 40"#,
            r#"read(4, "\0\0\0", 3)                    = 3"#,
            r#"openat(AT_FDCWD, "/dev/null", O_WRONLY) = 5"#,
            r#"write(5, "01234"..., 47)                = 47"#,
            r#"close(5)                                = 0"#,
            r#"read(5, 0xADDR, 1)                      = -1 EBADF (Bad file descriptor)"#,
            r#"close(4)                                = 0"#,
            r#"close(3)                                = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// `-s 5` on execve: argv elements cut after 5 bytes and, as strace does,
/// arrays cut after 5 elements.
#[test]
fn option_s_5_execve() {
    let (_dir, run) = trace_helper_status(&["-s", "5"], "h_execve", &[], "exited with 0");
    let lines = masked_after_marker(&run);
    assert!(lines.len() > 3, "trace too short:\n{}", run.trace);
    assert_lines(
        &lines[..3],
        &[
            r#"execve("/nonexistent/prog", ["/bin/"..., "short", "a str"..., "tab\th"..., "", ...], 0xADDR /* 3 vars */) = -1 ENOENT (No such file or directory)"#,
            r#"execve("/nonexistent/prog", ["0", "1", "2", "3", "4", ...], 0xADDR /* 0 vars */) = -1 ENOENT (No such file or directory)"#,
            r#"execve("/nonexistent/prog", ["0", "1", "2", "3", "4", ...], 0xADDR /* 0 vars */) = -1 ENOENT (No such file or directory)"#,
        ],
    );
}

/// `-a 20`: results aligned to column 20, one space when the call is longer.
#[test]
fn option_a_20() {
    let (_dir, run) = trace_helper_status(&["-a", "20"], "h_rw", &[], "exited with 0");
    let lines = after_marker_line(&mask_full(&run.trace, &[], 20), &marker_for_column(20));
    assert_lines(
        &lines,
        &[
            r#"openat(AT_FDCWD, "data", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3"#,
            r#"write(3, "hello\n", 6) = 6"#,
            r#"write(3, "a\nb\rc\td\\e\"f\v\f\7\10\33g\177", 18) = 18"#,
            r#"write(3, "x\0y\0\0z", 6) = 6"#,
            r#"write(3, "\1\0012\0003\377\200\177~ 9", 11) = 11"#,
            r#"write(3, "0123456789abcdefghijklmnopqrstuv"..., 47) = 47"#,
            r#"write(3, "\0\1\2\3\4\5\6\7\10\t\n\v\f\r\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"..., 36) = 36"#,
            r#"write(3, "0123456789abcdef0123456789abcdef", 32) = 32"#,
            r#"write(3, "0123456789abcdef0123456789abcdef"..., 33) = 33"#,
            r#"write(3, "", 0)     = 0"#,
            r#"write(3, 0x8, 5)    = -1 EFAULT (Bad address)"#,
            r#"write(3, NULL, 5)   = -1 EFAULT (Bad address)"#,
            r#"write(-1, "zz", 2)  = -1 EBADF (Bad file descriptor)"#,
            r#"write(42, "zz", 2)  = -1 EBADF (Bad file descriptor)"#,
            r#"lseek(3, 0, SEEK_SET) = 0"#,
            r#"read(3, "hello\n", 6) = 6"#,
            r#"read(3, "a\nb\rc\td\\e\"f\v\f\7\10\33g\177", 18) = 18"#,
            r#"read(3, "x\0y\0\0z\1\0012\0003\377\200\177~ 9", 17) = 17"#,
            r#"read(3, "0123456789abcdefghijklmnopqrstuv"..., 47) = 47"#,
            r#"read(3, "\0\1\2\3\4\5\6\7\10\t\n\v\f\r\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"..., 36) = 36"#,
            r#"read(3, "0123456789abcdef0123456789abcdef", 32) = 32"#,
            r#"read(3, "0123456789abcdef0123456789abcdef"..., 100) = 33"#,
            r#"read(3, "", 100)    = 0"#,
            r#"read(3, "", 0)      = 0"#,
            r#"read(-1, 0xADDR, 10) = -1 EBADF (Bad file descriptor)"#,
            r#"read(3, "", 10)     = 0"#,
            r#"lseek(3, 0, SEEK_SET) = 0"#,
            r#"read(3, 0x8, 10)    = -1 EFAULT (Bad address)"#,
            r#"openat(AT_FDCWD, "/dev/zero", O_RDONLY) = 4"#,
            r#"read(4, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"..., 40) = 40"#,
            r#"read(4, "\0\0\0", 3) = 3"#,
            r#"openat(AT_FDCWD, "/dev/null", O_WRONLY) = 5"#,
            r#"write(5, "0123456789abcdefghijklmnopqrstuv"..., 47) = 47"#,
            r#"close(5)            = 0"#,
            r#"read(5, 0xADDR, 1)  = -1 EBADF (Bad file descriptor)"#,
            r#"close(4)            = 0"#,
            r#"close(3)            = 0"#,
            r#"exit_group(0)       = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

// ---------------------------------------------------------------------------
// Real programs
// ---------------------------------------------------------------------------

/// `strace-rs -- /bin/echo "hello world"` (trace on stderr, no -o).
#[test]
fn echo_hello_world() {
    let out = run(STRACE_RS, &["--", "/bin/echo", "hello world"]);
    assert_status(&out.status, "exited with 0", &out.stderr);
    assert_eq!(out.stdout, "hello world\n");
    let masked = mask(&out.stderr);
    let lines: Vec<&str> = masked.lines().collect();
    assert!(lines.len() > 10, "trace too short:\n{}", out.stderr);
    assert_eq!(
        lines[0],
        format!(
            r#"execve("/bin/echo", ["/bin/echo", "hello world"], 0xADDR /* {} vars */) = 0"#,
            env_var_count()
        )
    );
    assert_lines(
        &lines[lines.len() - 5..],
        &[
            r#"write(1, "hello world\n", 12)           = 12"#,
            r#"close(1)                                = 0"#,
            r#"close(2)                                = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// `strace-rs -o trace.txt -- cat /etc/hostname`, relative -o path.
#[test]
fn cat_etc_hostname_to_relative_file() {
    let dir = TempDir::new();
    let content = std::fs::read("/etc/hostname").expect("read /etc/hostname");
    let meta = std::fs::metadata("/etc/hostname").unwrap();
    let out = run_in(
        STRACE_RS,
        &["-o", "trace.txt", "--", "cat", "/etc/hostname"],
        Some(dir.path()),
    );
    assert_status(&out.status, "exited with 0", &out.stderr);
    assert_eq!(out.stdout.as_bytes(), &content[..]);
    assert_eq!(out.stderr, "");
    let trace = std::fs::read_to_string(dir.join("trace.txt")).expect("trace.txt in the cwd");
    let masked = mask(&trace);
    let lines: Vec<&str> = masked.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == r#"openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3"#)
        .unwrap_or_else(|| panic!("no openat of /etc/hostname in\n{trace}"));
    // Only the base set's lines (fadvise64 is not in it yet).
    let base = [
        "openat",
        "newfstatat",
        "read",
        "write",
        "close",
        "mmap",
        "munmap",
        "exit_group",
    ];
    let got: Vec<&str> = lines[start..]
        .iter()
        .copied()
        .filter(|l| syscall_name(l).is_none_or(|n| base.contains(&n)))
        .collect();
    let q = quote_simple(&content);
    let n = content.len();
    let pad = |left: String| pad_to(&left, DEFAULT_COLUMN);
    let expected = vec![
        r#"openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3"#.to_string(),
        format!(
            r#"newfstatat(3, "", {{st_mode=S_IFREG|0{:o}, st_size={n}, ...}}, AT_EMPTY_PATH) = 0"#,
            meta.mode() & 0o7777
        ),
        format!("{}= {n}", pad(format!("read(3, {q}, 131072)"))),
        format!("{}= {n}", pad(format!("write(1, {q}, {n})"))),
        format!("{}= 0", pad(r#"read(3, "", 131072)"#.to_string())),
        r#"munmap(0xADDR, 139264)                  = 0"#.to_string(),
        r#"close(3)                                = 0"#.to_string(),
        r#"close(1)                                = 0"#.to_string(),
        r#"close(2)                                = 0"#.to_string(),
        r#"exit_group(0)                           = ?"#.to_string(),
        r#"+++ exited with 0 +++"#.to_string(),
    ];
    // The 128 KiB buffer cat mmaps sits between fadvise64 and the first read.
    let got: Vec<&str> = got
        .into_iter()
        .filter(|l| !l.starts_with("mmap(NULL, 139264, "))
        .collect();
    assert_lines(&got, &expected);
}

/// `strace-rs -o FILE -- touch NEWFILE`: the file is created, the trace ends
/// with touch's openat/close/exit.
#[test]
fn touch_creates_file() {
    let dir = TempDir::new();
    let target = dir.join("newfile");
    let r = trace(
        STRACE_RS,
        &[],
        &[std::ffi::OsStr::new("touch"), target.as_os_str()],
    );
    assert_status(&r.status, "exited with 0", &r.stderr);
    assert!(
        target.exists(),
        "touch under strace-rs did not create the file"
    );
    let masked = mask_with(&r.trace, &[(dir.as_str(), "@TMP@")]);
    let lines: Vec<&str> = masked.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(r#"openat(AT_FDCWD, "@TMP@/newfile""#))
        .unwrap_or_else(|| panic!("no openat of the new file in\n{}", r.trace));
    let got: Vec<&str> = lines[start..]
        .iter()
        .copied()
        .filter(|l| !matches!(syscall_name(l), Some("dup2") | Some("utimensat")))
        .collect();
    assert_lines(
        &got,
        &[
            r#"openat(AT_FDCWD, "@TMP@/newfile", O_WRONLY|O_CREAT|O_NOCTTY|O_NONBLOCK, 0666) = 3"#,
            r#"close(3)                                = 0"#,
            r#"close(0)                                = 0"#,
            r#"close(1)                                = 0"#,
            r#"close(2)                                = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

// ---------------------------------------------------------------------------
// Exit status of strace-rs
// ---------------------------------------------------------------------------

#[test]
fn exit_status_follows_tracee() {
    for (args, want) in [
        (vec!["sh", "-c", "exit 3"], "exited with 3"),
        (vec!["true"], "exited with 0"),
        (vec!["false"], "exited with 1"),
        (vec!["sh", "-c", "exit 255"], "exited with 255"),
    ] {
        let r = trace(STRACE_RS, &[], &args);
        assert_eq!(
            describe_status(&r.status),
            want,
            "strace-rs -- {args:?}; stderr:\n{}",
            r.stderr
        );
        let last = r.trace.lines().last().unwrap_or("");
        assert_eq!(
            last,
            format!("+++ {want} +++"),
            "last trace line for {args:?}"
        );
    }
}

/// Like strace, strace-rs re-raises the tracee's fatal signal on itself.
#[test]
fn exit_status_killed_by_signal() {
    for (script, sig, last) in [
        (
            "ulimit -c 0; kill -SEGV $$",
            libc::SIGSEGV,
            "+++ killed by SIGSEGV +++",
        ),
        ("kill -TERM $$", libc::SIGTERM, "+++ killed by SIGTERM +++"),
    ] {
        let r = trace(STRACE_RS, &[], &["sh", "-c", script]);
        assert_eq!(r.status.signal(), Some(sig), "status {:?}", r.status);
        assert_eq!(r.trace.lines().last(), Some(last));
    }
}

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

/// Runs `strace-rs args...` and asserts that it exits with 1 and writes
/// exactly `stderr`.
#[track_caller]
fn assert_error_exit<S: AsRef<std::ffi::OsStr>>(args: &[S], stderr: &str) -> Output {
    let out = run(STRACE_RS, args);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{}", out.stderr);
    assert_eq!(out.stderr, stderr);
    out
}

#[test]
fn no_arguments_is_usage_error() {
    let out = assert_error_exit::<&str>(
        &[],
        "strace-rs: must have PROG [ARGS] or -p PID\nTry 'strace-rs -h' for more information.\n",
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn nonexistent_program() {
    assert_error_exit(
        &["/nonexistent/prog"],
        "strace-rs: Can't stat '/nonexistent/prog': No such file or directory\n",
    );
}

#[test]
fn program_not_in_path() {
    assert_error_exit(
        &["no-such-program-anywhere"],
        "strace-rs: Can't stat 'no-such-program-anywhere': No such file or directory\n",
    );
}

#[test]
fn attach_to_nonexistent_pid() {
    assert_error_exit(
        &["-p", "999999999"],
        "strace-rs: attach: ptrace(PTRACE_SEIZE, 999999999): No such process\n",
    );
}

#[test]
fn invalid_pid() {
    for (pid, msg) in [
        ("abc", "strace-rs: Invalid process id: 'abc'\n"),
        ("0", "strace-rs: Invalid process id: '0'\n"),
    ] {
        assert_error_exit(&["-p", pid], msg);
    }
}

#[test]
fn output_file_in_missing_dir() {
    let dir = TempDir::new();
    let witness = dir.join("created-by-touch");
    assert_error_exit(
        &[
            std::ffi::OsStr::new("-o"),
            std::ffi::OsStr::new("/nonexistent-dir/x"),
            std::ffi::OsStr::new("touch"),
            witness.as_os_str(),
        ],
        "strace-rs: Can't fopen '/nonexistent-dir/x': No such file or directory\n",
    );
    assert!(
        !witness.exists(),
        "the command ran although -o could not be opened"
    );
}

/// strace's largest `-s` is 2^30 - 1; a larger one was taken and overflowed the decoder's
/// string buffer size (a panic at the first string).
#[test]
fn string_limit_beyond_straces_is_usage_error() {
    for limit in ["1073741824", "18446744073709551615"] {
        assert_error_exit(
            &["-s", limit, "true"],
            &format!(
                "strace-rs: invalid -s argument: '{limit}'\nTry 'strace-rs -h' for more information.\n"
            ),
        );
    }
    let out = run(
        STRACE_RS,
        &["-s", "1073741823", "-e", "trace=execve", "true"],
    );
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("execve(\"/usr/bin/true\", [\"true\"], "),
        "{}",
        out.stderr
    );
}

#[test]
fn unknown_long_option() {
    assert_error_exit(
        &["--bogus", "true"],
        "strace-rs: unrecognized option '--bogus'\nTry 'strace-rs -h' for more information.\n",
    );
}

#[test]
fn unknown_short_option() {
    assert_error_exit(
        &["-Q", "true"],
        "strace-rs: invalid option -- 'Q'\nTry 'strace-rs -h' for more information.\n",
    );
}

// ---------------------------------------------------------------------------
// -p
// ---------------------------------------------------------------------------

/// Kills and reaps a child on drop, so a failing assert leaves no process.
struct Reap(std::process::Child);

impl Drop for Reap {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `done` every 10 ms until it holds or `timeout` has passed.
fn poll_until(timeout: Duration, mut done: impl FnMut() -> bool) {
    let t0 = Instant::now();
    while !done() && t0.elapsed() < timeout {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A `sleep 30` to attach to (reaped when dropped), once it sleeps in its nanosleep.
fn sleeping_target() -> (Reap, u32) {
    let target = Reap(
        std::process::Command::new("sleep")
            .arg("30")
            .stdin(Stdio::null())
            .spawn()
            .expect("spawn sleep"),
    );
    let pid = target.0.id();
    poll_until(Duration::from_secs(5), || proc_state(pid) == Some('S'));
    (target, pid)
}

/// Attach to a sleeping process, interrupt strace-rs with SIGINT: it
/// detaches, says so, exits, and the target keeps running, not stopped.
#[test]
fn attach_and_detach_with_sigint() {
    let (target, pid) = sleeping_target();
    assert_eq!(proc_state(pid), Some('S'), "sleep {pid} is not sleeping");

    let dir = TempDir::new();
    let file = dir.join("trace.txt");
    let mut c = command(STRACE_RS);
    c.arg("-p").arg(pid.to_string()).arg("-o").arg(&file);
    let tracer = c.spawn().expect("spawn strace-rs -p");
    let tracer_os_pid = tracer.id() as libc::pid_t;
    // Wait until it is attached (bounded), then let it trace for a while.
    poll_until(Duration::from_secs(10), || {
        tracer_pid(pid).unwrap_or(0) != 0
    });
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: plain kill(2) on the pid of our own child.
    assert_eq!(unsafe { libc::kill(tracer_os_pid, libc::SIGINT) }, 0);
    let out = wait_output(tracer, "strace-rs -p");

    assert_eq!(
        out.stderr,
        format!("strace-rs: Process {pid} attached\nstrace-rs: Process {pid} detached\n"),
        "stderr of strace-rs -p"
    );
    // strace detaches, then kills itself with the SIGINT it got (a shell
    // shows 130).
    assert_eq!(describe_status(&out.status), "killed by signal 2");
    let state = proc_state(pid);
    assert!(
        matches!(state, Some('S') | Some('R')),
        "target {pid} left in state {state:?} after detach"
    );
    // The trace shows the interrupted sleep, then the detach.
    let trace = std::fs::read_to_string(&file).expect("trace file");
    let last = trace.lines().last().unwrap_or("");
    assert!(
        last.starts_with("restart_syscall(<... resuming interrupted ")
            && last.ends_with(" ...> <detached ...>"),
        "last trace line: {last:?}\ntrace:\n{trace}"
    );
    // Still alive and not stopped: SIGTERM (which a stopped or traced
    // process would not act on) ends it at once.
    let mut target = target;
    // SAFETY: plain kill(2) on the pid of our own child.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) }, 0);
    let t0 = Instant::now();
    let st = loop {
        if let Some(st) = target.0.try_wait().expect("try_wait sleep") {
            break st;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(5),
            "sleep {pid} ignored SIGTERM after detach"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(st.signal(), Some(libc::SIGTERM));
}

/// SIGINT right after the attach, while the tracer is still busy with the attach stop or polls
/// for the next one: it detaches at once all the same, not when the sleeping target next
/// stops (it slept 30 s on: a signal that came before the tracer's blocking wait was only seen
/// after it, which on a busy machine was most of the time).
#[test]
fn sigint_right_after_attach_detaches_at_once() {
    for _ in 0..5 {
        let (_target, pid) = sleeping_target();
        let mut c = command(STRACE_RS);
        c.args(["-q", "-o", "/dev/null", "-p", &pid.to_string()]);
        let mut tracer = c.spawn().expect("spawn strace-rs -p");
        let tracer_pid_ = tracer.id();
        poll_until(Duration::from_secs(10), || {
            tracer_pid(pid) == Some(tracer_pid_)
        });
        // SAFETY: plain kill(2) on the pid of our own child.
        assert_eq!(
            unsafe { libc::kill(tracer_pid_ as libc::pid_t, libc::SIGINT) },
            0
        );
        let t0 = Instant::now();
        let st = loop {
            if let Some(st) = tracer.try_wait().expect("try_wait strace-rs") {
                break st;
            }
            if t0.elapsed() > Duration::from_secs(10) {
                let _ = tracer.kill();
                let _ = tracer.wait();
                panic!("strace-rs -p {pid} still runs 10 s after SIGINT");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(describe_status(&st), "killed by signal 2");
        let state = proc_state(pid);
        assert!(
            matches!(state, Some('S') | Some('R')) && tracer_pid(pid) == Some(0),
            "target {pid} after detach: state {state:?}, TracerPid {:?}",
            tracer_pid(pid)
        );
    }
}

/// Signals the tracer was started with ignored stay ignored in the command it runs (an exec
/// keeps SIG_IGN; `nohup`, and a shell's background jobs, which ignore SIGINT and SIGQUIT,
/// rely on it), and the command starts with no signal blocked, as under strace. (Not SIGPIPE:
/// Rust's runtime ignores it before `main`, so strace-rs cannot tell whether it was given so.)
#[test]
fn ignored_signals_stay_ignored_in_the_command() {
    use std::os::unix::process::CommandExt;
    let status_of = |tracer: &str| -> (String, String) {
        let mut c = command(tracer);
        c.args(["-o", "/dev/null", "--", "cat", "/proc/self/status"]);
        // SAFETY: signal(2) is async-signal-safe.
        unsafe {
            c.pre_exec(|| {
                for sig in [libc::SIGINT, libc::SIGQUIT, libc::SIGHUP, libc::SIGCHLD] {
                    libc::signal(sig, libc::SIG_IGN);
                }
                Ok(())
            });
        }
        let out = wait_output(c.spawn().expect("spawn tracer"), tracer);
        assert!(out.status.success(), "{tracer}: {}", out.stderr);
        let field = |name: &str| {
            out.stdout
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        (field("SigIgn:"), field("SigBlk:"))
    };
    // Bits 0, 1, 2 and 16 (signal N is bit N-1): SIGHUP, SIGINT, SIGQUIT, SIGCHLD.
    let (ignored, blocked) = status_of(STRACE_RS);
    let mask = u64::from_str_radix(&ignored, 16).expect("SigIgn");
    assert_eq!(mask & 0x10007, 0x10007, "SigIgn of the command: {ignored}");
    assert_eq!(blocked, "0000000000000000", "SigBlk of the command");
    if real_strace_available() {
        let (ignored, blocked) = status_of(REAL_STRACE);
        let mask = u64::from_str_radix(&ignored, 16).expect("SigIgn");
        assert_eq!(mask & 0x10007, 0x10007, "SigIgn under strace: {ignored}");
        assert_eq!(blocked, "0000000000000000", "SigBlk under strace");
    }
}
