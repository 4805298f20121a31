//! Directory entries (`decode/dirent.rs`): `getdents` and `getdents64` buffers, counted by
//! default and shown entry by entry under `-v`, with strace's comments on records whose
//! lengths cannot be right.

use super::*;

/// A `struct linux_dirent64`: header, name and its NUL, padded to `reclen`.
fn dirent64(ino: u64, off: u64, reclen: u16, d_type: u8, name: &[u8]) -> Vec<u8> {
    let mut r = words(&[ino, off]);
    r.extend_from_slice(&reclen.to_ne_bytes());
    r.push(d_type);
    r.extend_from_slice(name);
    r.resize(usize::from(reclen).max(r.len() + 1), 0);
    r
}

/// A `struct linux_dirent`: header, name and its NUL, padding, and `d_type` in the last byte.
fn dirent(ino: u64, off: u64, reclen: u16, d_type: u8, name: &[u8]) -> Vec<u8> {
    let mut r = words(&[ino, off]);
    r.extend_from_slice(&reclen.to_ne_bytes());
    r.extend_from_slice(name);
    r.resize(usize::from(reclen) - 1, 0);
    r.push(d_type);
    r
}

const V: fn(bool) -> DecodeOpts = |abbreviate| opts(abbreviate, true, 32);

#[test]
fn entries_in_full_under_v() {
    let mut buf = dirent64(2, 1, 24, 4, b".");
    buf.extend(dirent64(3, 2, 24, 4, b".."));
    buf.extend(dirent64(12, 3, 32, 8, b"file\n"));
    let mem = FakeMemory::new().with(0x1000, &buf);
    let args = [3, 0x1000, 32768, 0, 0, 0];
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(80), V(true)),
        "getdents64(3, 0x1000 /* 3 entries */, 32768) = 80"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(80), V(false)),
        "getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, {d_ino=3, d_off=2, d_reclen=24, d_type=DT_DIR, d_name=\"..\"}, {d_ino=12, d_off=3, d_reclen=32, d_type=DT_REG, d_name=\"file\\n\"}], 32768) = 80"
    );
    // The end of the directory: nothing read, an empty array.
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(0), V(false)),
        "getdents64(3, [], 32768)                = 0"
    );
    // The old layout keeps d_type after the name; an unknown type has strace's comment.
    let mut old = dirent(2, 1, 24, 4, b".");
    old.extend(dirent(9, 0x7fff_ffff_ffff_ffff, 24, 0x33, b"a"));
    let mem = FakeMemory::new().with(0x2000, &old);
    let args = [3, 0x2000, 32768, 0, 0, 0];
    assert_eq!(
        line_opts(NR_GETDENTS, args, &mem, Outcome::Ok(48), V(false)),
        "getdents(3, [{d_ino=2, d_off=1, d_reclen=24, d_name=\".\", d_type=DT_DIR}, {d_ino=9, d_off=9223372036854775807, d_reclen=24, d_name=\"a\", d_type=0x33 /* DT_??? */}], 32768) = 48"
    );
    assert_eq!(
        line_opts(NR_GETDENTS, args, &mem, Outcome::Ok(48), V(true)),
        "getdents(3, 0x2000 /* 2 entries */, 32768) = 48"
    );
    // A name that fills its room shows cut: the last byte before d_type is its NUL's place.
    let full = dirent(2, 1, 24, 8, b"abcdef");
    let mem = FakeMemory::new().with(0x2000, &full);
    assert_eq!(
        line_opts(NR_GETDENTS, args, &mem, Outcome::Ok(24), V(false)),
        "getdents(3, [{d_ino=2, d_off=1, d_reclen=24, d_name=\"abcd\"..., d_type=DT_REG}], 32768) = 24"
    );
}

#[test]
fn addresses_where_strace_shows_no_entries() {
    let buf = dirent64(2, 1, 24, 4, b".");
    let mem = FakeMemory::new().with(0x1000, &buf);
    // More than the buffer holds, a failure, `-e verbose=none`: the address.
    assert_eq!(
        line_opts(
            NR_GETDENTS64,
            [3, 0x1000, 16, 0, 0, 0],
            &mem,
            Outcome::Ok(24),
            V(false)
        ),
        "getdents64(3, 0x1000, 16)               = 24"
    );
    assert_eq!(
        line_opts(
            NR_GETDENTS64,
            [3, 0x1000, 64, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF),
            V(false)
        ),
        "getdents64(3, 0x1000, 64)               = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line_opts(
            NR_GETDENTS64,
            [3, 0x1000, 64, 0, 0, 0],
            &mem,
            Outcome::Ok(24),
            opts(false, false, 32)
        ),
        "getdents64(3, 0x1000, 64)               = 24"
    );
    // The count is an unsigned int: high bits are not the buffer's size.
    assert_eq!(
        line_opts(
            NR_GETDENTS64,
            [3, 0x1000, 0x1_0000_0010, 0, 0, 0],
            &mem,
            Outcome::Ok(24),
            V(true)
        ),
        "getdents64(3, 0x1000, 16)               = 24"
    );
}

#[test]
fn records_that_cannot_be_right() {
    let args = [3, 0x1000, 4096, 0, 0, 0];
    // A record longer than the data: cut to it.
    let long = dirent64(2, 1, 100, 4, b".");
    let mem = FakeMemory::new().with(0x1000, &long);
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(24), V(true)),
        "getdents64(3, 0x1000 /* d_reclen 76 bytes overflow */ /* 1 entries */, 4096) = 24"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(24), V(false)),
        "getdents64(3, [{d_ino=2, d_off=1, d_reclen=100 /* 76 bytes overflow */, d_type=DT_DIR, d_name=\".\"}], 4096) = 24"
    );
    // A record shorter than its header: the walk stops there, data left over (`1+`).
    let short = dirent64(2, 1, 0, 4, b".");
    let mem = FakeMemory::new()
        .with(0x1000, &short)
        .with(0x1018, &[0; 24]);
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(48), V(true)),
        "getdents64(3, 0x1000 /* d_reclen 19 bytes underflow */ /* 1+ entries */, 4096) = 48"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(48), V(false)),
        "getdents64(3, [{d_ino=2, d_off=1, d_reclen=0 /* 19 bytes underflow */, d_type=DT_DIR}], 4096) = 48"
    );
    // A tail too short for a header shows as bytes.
    let mut tail = dirent64(2, 1, 24, 4, b".");
    tail.extend_from_slice(&[1, 2, 3]);
    let mem = FakeMemory::new().with(0x1000, &tail);
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(27), V(false)),
        "getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, \"\\x01\\x02\\x03\"], 4096) = 27"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(27), V(true)),
        "getdents64(3, 0x1000 /* 1+ entries */, 4096) = 27"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(3), V(true)),
        "getdents64(3, 0x1000 /* 0+ entries */, 4096) = 3"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args, &mem, Outcome::Ok(3), V(false)),
        "getdents64(3, \"\\x02\\x00\\x00\", 4096)     = 3"
    );
}

#[test]
fn memory_that_ends_inside_the_entries() {
    // Fake memory is mapped by pages: each buffer here ends where its page does (0x2000).
    let one = dirent64(2, 1, 24, 4, b".");
    let args = |addr| [3, addr, 4096, 0, 0, 0];
    // The second header cannot be read: where it stops.
    let mem = FakeMemory::new().with(0x1fe8, &one);
    assert_eq!(
        line_opts(NR_GETDENTS64, args(0x1fe8), &mem, Outcome::Ok(48), V(false)),
        "getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, ... /* 0x2000 */], 4096) = 48"
    );
    assert_eq!(
        line_opts(NR_GETDENTS64, args(0x1fe8), &mem, Outcome::Ok(48), V(true)),
        "getdents64(3, 0x1fe8 /* 1+ entries */, 4096) = 48"
    );
    // Not even the first: the address.
    assert_eq!(
        line_opts(NR_GETDENTS64, args(0x9000), &mem, Outcome::Ok(48), V(false)),
        "getdents64(3, 0x9000, 4096)             = 48"
    );
    // A name that cannot be read, with records after it: the walk stops.
    let mem = FakeMemory::new().with(0x1fed, &one[..19]);
    assert_eq!(
        line_opts(NR_GETDENTS64, args(0x1fed), &mem, Outcome::Ok(48), V(false)),
        "getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=0x2000}, ...], 4096) = 48"
    );
    // The old layout's d_type past readable memory.
    let old = dirent(2, 1, 24, 4, b".");
    let mem = FakeMemory::new().with(0x1fe9, &old[..23]);
    assert_eq!(
        line_opts(NR_GETDENTS, args(0x1fe9), &mem, Outcome::Ok(24), V(false)),
        "getdents(3, [{d_ino=2, d_off=1, d_reclen=24, d_name=\".\", d_type=0x2000}], 4096) = 24"
    );
}
