//! Extended attribute values and lists (`decode/xattr.rs`).

use super::*;

#[test]
fn xattr_values_and_lists() {
    let mem = FakeMemory::new()
        .with(0x1000, b"x\0")
        .with(0x2000, b"user.foo\0")
        .with(0x3000, b"bar\0baz\0")
        .with(0x4000, b"0123456789012345678901234567890123456789")
        .with(0x5000, b"user.a\0user.b\0");
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x3000, 7, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setxattr(\"x\", \"user.foo\", \"bar\\0baz\", 7, 0) = 0"
    );
    // A final NUL is left out; more than -s bytes are cut.
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x3000, 8, 3, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "setxattr(\"x\", \"user.foo\", \"bar\\0baz\", 8, XATTR_CREATE|XATTR_REPLACE) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x4000, 40, 4, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setxattr(\"x\", \"user.foo\", \"01234567890123456789012345678901\"..., 40, 0x4 /* XATTR_??? */) = 0"
    );
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0x3000, 65537, 0, 0],
            &mem,
            Outcome::Err(ERANGE)
        ),
        "setxattr(\"x\", \"user.foo\", 0x3000, 65537, 0) = -1 ERANGE (Numerical result out of range)"
    );
    assert_eq!(
        line(
            NR_SETXATTR,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "setxattr(\"x\", \"user.foo\", NULL, 0, 0)   = 0"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, 0x2000, 0x3000, 255, 0, 0],
            &mem,
            Outcome::Ok(7)
        ),
        "getxattr(\"x\", \"user.foo\", \"bar\\0baz\", 255) = 7"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, 0x2000, 0x3000, 255, 0, 0],
            &mem,
            Outcome::Err(ENODATA)
        ),
        "getxattr(\"x\", \"user.foo\", 0x3000, 255)  = -1 ENODATA (No data available)"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(7)
        ),
        "getxattr(\"x\", \"user.foo\", NULL, 0)      = 7"
    );
    assert_eq!(
        line(
            NR_GETXATTR,
            [0x1000, BAD, BAD, 255, 0, 0],
            &mem,
            Outcome::Ok(7)
        ),
        "getxattr(\"x\", 0x9000, 0x9000, 255)      = 7"
    );
    assert_eq!(
        line(
            NR_LISTXATTR,
            [0x1000, 0x5000, 300, 0, 0, 0],
            &mem,
            Outcome::Ok(14)
        ),
        "listxattr(\"x\", \"user.a\\0user.b\\0\", 300) = 14"
    );
    // A zero size only measures the list: the buffer is not read.
    assert_eq!(
        line(
            NR_LISTXATTR,
            [0x1000, 0x5000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(14)
        ),
        "listxattr(\"x\", 0x5000, 0)               = 14"
    );
    assert_eq!(
        line(NR_LISTXATTR, [0x1000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(14)),
        "listxattr(\"x\", NULL, 0)                 = 14"
    );
    assert_eq!(
        line(
            NR_LISTXATTR,
            [0x1000, 0x5000, 2, 0, 0, 0],
            &mem,
            Outcome::Err(ERANGE)
        ),
        "listxattr(\"x\", 0x5000, 2)               = -1 ERANGE (Numerical result out of range)"
    );
    assert_eq!(
        line(
            NR_REMOVEXATTR,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENODATA)
        ),
        "removexattr(\"x\", \"user.foo\")            = -1 ENODATA (No data available)"
    );
}
