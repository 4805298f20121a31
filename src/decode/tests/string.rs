//! Strings and buffers (`decode/string.rs`): paths, buffers shown at exit, the `-s` limit,
//! `execve`'s argument and environment arrays, and the address where memory cannot be read.

use super::*;

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
fn a_buffer_is_read_one_byte_past_the_limit() {
    // 32 readable bytes before an unmapped page: the 33rd cannot be read, so strace shows
    // the address; with 33 readable, the first 32 and "...".
    let x32 = [b'X'; 32];
    let mem = FakeMemory::new().with(0x1fe0, &x32);
    assert_eq!(
        line(
            NR_WRITE,
            [1, 0x1fe0, 100, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "write(1, 0x1fe0, 100)                   = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_WRITE, [1, 0x1fe0, 32, 0, 0, 0], &mem, Outcome::Ok(32)),
        r#"write(1, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", 32) = 32"#
    );
    let mem = FakeMemory::new().with(0x1fdf, &[b'X'; 33]);
    assert_eq!(
        line(NR_WRITE, [1, 0x1fdf, 100, 0, 0, 0], &mem, Outcome::Ok(100)),
        r#"write(1, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"..., 100) = 100"#
    );
}

#[test]
fn execve_unterminated_arrays_say_where_they_stop() {
    // Two pointers and then unreadable memory: the argv shows where it stopped, the
    // environment count says so.
    let mem = FakeMemory::new()
        .with(0x1000, b"/bin/echo\0")
        .with(0x10ff0, &words(&[0x1000, u64::MAX]))
        .with(0x20ff0, &words(&[0x1000, 0x1000]));
    assert_eq!(
        line(
            NR_EXECVE,
            [0x1000, 0x10ff0, 0x20ff0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        r#"execve("/bin/echo", ["/bin/echo", 0xffffffffffffffff, ... /* 0x11000 */], 0x20ff0 /* 2 vars, unterminated */) = -1 EFAULT (Bad address)"#
    );
    let one = FakeMemory::new()
        .with(0x1000, b"/bin/echo\0")
        .with(0x20ff8, &words(&[0x1000]));
    assert_eq!(
        line(
            NR_EXECVE,
            [0x1000, 0, 0x20ff8, 0, 0, 0],
            &one,
            Outcome::Err(EFAULT)
        ),
        r#"execve("/bin/echo", NULL, 0x20ff8 /* 1 var, unterminated */) = -1 EFAULT (Bad address)"#
    );
}

/// `memfd_create`'s name is read as strace reads it: at most 250 bytes (MFD_NAME_MAX_LEN + 1),
/// `...` when no NUL came in them, even one ending at an unreadable page.
#[test]
fn memfd_name_within_its_limit() {
    const NR_MEMFD_CREATE: u64 = 319;
    let name = [b'7'; 250];
    let mem = FakeMemory::new()
        .with(0x1000, b"shm\0")
        .with(0x3000 - 250, &name);
    assert_eq!(
        line(
            NR_MEMFD_CREATE,
            [0x1000, 1, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        r#"memfd_create("shm", MFD_CLOEXEC)        = 3"#
    );
    let long = line_with(
        NR_MEMFD_CREATE,
        [0x3000 - 250, 0, 0, 0, 0, 0],
        &mem,
        Outcome::Err(EINVAL),
        4096,
    );
    assert_eq!(
        long,
        format!(
            r#"memfd_create("{}"..., 0) = -1 EINVAL (Invalid argument)"#,
            "7".repeat(250)
        )
    );
}
