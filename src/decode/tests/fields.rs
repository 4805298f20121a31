//! Structs the spec describes (`decode/fields.rs`, `decode/sched.rs`): the generic printer on
//! structs of the tests' own (every member kind and width, conditions, nesting,
//! abbreviation, extensible sizes, bad pointers), and the calls whose structs
//! `syscalls.toml` lays out, as strace 6.1 prints them.

use super::*;
use crate::decode::fields;
use crate::table::{
    EnumTable, FieldDesc, FieldKind, FieldLen, FieldWhen, FlagTable, PastEnd, StructDesc, Table,
};

const NR_SCHED_SETATTR: u64 = 314;
const NR_SCHED_GETATTR: u64 = 315;
const NR_MOUNT_SETATTR: u64 = 442;
const NR_LANDLOCK_CREATE_RULESET: u64 = 444;
const NR_LANDLOCK_ADD_RULE: u64 = 445;
const NR_LANDLOCK_RESTRICT_SELF: u64 = 446;

static T_FLAGS: FlagTable = FlagTable {
    zero: None,
    field_mask: 0,
    field: &[],
    bits: &[("T_A", 1), ("T_B", 2)],
    unknown: Some("T_???"),
    shifted: None,
};

static T_ENUM: EnumTable = EnumTable {
    values: &[("E_ONE", 1)],
    unknown: "E_???",
};

/// A member with no table and no condition.
const fn plain(name: &'static str, offset: u16, width: u16, kind: FieldKind) -> FieldDesc {
    FieldDesc {
        name,
        offset,
        width,
        kind,
        table: Table::None,
        when: None,
        otherwise: None,
        if_nonzero: false,
        with_previous: false,
        len: FieldLen::None,
    }
}

static INNER: StructDesc = StructDesc {
    size: 4,
    min_size: 4,
    past_end: PastEnd::Ignored,
    abbrev_after: 0,
    array: false,
    array_max: 0,
    zero_fill: false,
    fields: &[
        plain("lo", 0, 2, FieldKind::Int),
        plain("hi", 2, 2, FieldKind::Uint),
    ],
};

/// Every member kind, at widths 1 to 8, a nested struct and two conditions on `flags`.
static ALL: StructDesc = StructDesc {
    size: 56,
    min_size: 56,
    past_end: PastEnd::Ignored,
    abbrev_after: 0,
    array: false,
    array_max: 0,
    zero_fill: false,
    fields: &[
        plain("b", 0, 1, FieldKind::Int),
        plain("h", 1, 1, FieldKind::Hex),
        plain("mode", 2, 2, FieldKind::Octal),
        FieldDesc {
            table: Table::Flags(&T_FLAGS),
            ..plain("flags", 4, 4, FieldKind::Flags)
        },
        FieldDesc {
            table: Table::Enum(&T_ENUM),
            ..plain("e", 8, 4, FieldKind::Enum)
        },
        plain("sig", 12, 4, FieldKind::Signal),
        plain("uid", 16, 4, FieldKind::Uid),
        plain("pid", 20, 4, FieldKind::Pid),
        plain("p", 24, 8, FieldKind::Addr),
        plain("fd", 32, 4, FieldKind::Fd),
        FieldDesc {
            table: Table::Struct(&INNER),
            ..plain("inner", 36, 4, FieldKind::Struct)
        },
        // A number with T_B set, else in hex.
        FieldDesc {
            when: Some(FieldWhen {
                fields: &[3],
                mask: 2,
                none: false,
            }),
            otherwise: Some(FieldKind::Hex),
            ..plain("cond", 40, 8, FieldKind::Uint)
        },
        // Left out when T_A is set.
        FieldDesc {
            when: Some(FieldWhen {
                fields: &[3],
                mask: 1,
                none: true,
            }),
            ..plain("gone", 48, 4, FieldKind::Int)
        },
    ],
};

/// The bytes of an [`ALL`] with `flags` as given.
fn all_bytes(flags: u32) -> Vec<u8> {
    let mut b = vec![0u8; 56];
    b[0] = 0xff;
    b[1] = 0x1f;
    put(&mut b, 2, 0o644u16.to_ne_bytes());
    put(&mut b, 4, flags.to_ne_bytes());
    put(&mut b, 8, 7u32.to_ne_bytes());
    put(&mut b, 12, 10i32.to_ne_bytes());
    put(&mut b, 16, u32::MAX.to_ne_bytes());
    put(&mut b, 20, 1i32.to_ne_bytes());
    put(&mut b, 24, 0x7fff_0000u64.to_ne_bytes());
    put(&mut b, 32, (-1i32).to_ne_bytes());
    put(&mut b, 36, (-2i16).to_ne_bytes());
    put(&mut b, 38, 0xfffeu16.to_ne_bytes());
    put(&mut b, 40, 200u64.to_ne_bytes());
    put(&mut b, 48, (-7i32).to_ne_bytes());
    b
}

/// strace's defaults but `-e verbose=none`.
fn quiet() -> DecodeOpts {
    DecodeOpts {
        verbose: false,
        ..DecodeOpts::default()
    }
}

/// What `print` shows of memory `mem` under `opts`.
fn shown_with(
    mem: &FakeMemory,
    opts: DecodeOpts,
    print: impl FnOnce(&mut Text<'_>, &mut Ctx<'_, FakeMemory>),
) -> String {
    let mut scratch = Scratch::new();
    rendered(|out| {
        let mut ctx = Ctx {
            opts,
            ..Ctx::for_test(mem, &mut scratch)
        };
        print(&mut Text::new(out), &mut ctx);
    })
}

/// The struct `desc` at `addr`, as `kind = "struct"` shows it.
fn at(mem: &FakeMemory, desc: &'static StructDesc, addr: u64) -> String {
    shown_with(mem, DecodeOpts::default(), |s, ctx| {
        fields::at(s, ctx, desc, addr)
    })
}

#[test]
fn every_member_kind_and_width() {
    let mem = FakeMemory::new()
        .with(0x1000, &all_bytes(2))
        .with(0x2000, &all_bytes(0x7));
    assert_eq!(
        at(&mem, &ALL, 0x1000),
        "{b=-1, h=0x1f, mode=0644, flags=T_B, e=0x7 /* E_??? */, sig=SIGUSR1, uid=-1, pid=1, \
         p=0x7fff0000, fd=-1, inner={lo=-2, hi=65534}, cond=200, gone=-7}"
    );
    // T_A set: `gone` is left out; `cond` still shows (T_B), or in hex without it.
    assert_eq!(
        at(&mem, &ALL, 0x2000),
        "{b=-1, h=0x1f, mode=0644, flags=T_A|T_B|0x4, e=0x7 /* E_??? */, sig=SIGUSR1, uid=-1, \
         pid=1, p=0x7fff0000, fd=-1, inner={lo=-2, hi=65534}, cond=200}"
    );
    let mem = FakeMemory::new().with(0x1000, &all_bytes(0));
    assert!(at(&mem, &ALL, 0x1000).contains(", flags=0, "));
    assert!(at(&mem, &ALL, 0x1000).contains(", cond=0xc8, gone=-7}"));
}

/// A descriptor member is described under `-y`; an 8-byte one above `INT_MAX` is a number.
#[test]
fn descriptors_and_wide_descriptors() {
    static FDS: StructDesc = StructDesc {
        size: 12,
        min_size: 12,
        past_end: PastEnd::Ignored,
        abbrev_after: 0,
        array: false,
        array_max: 0,
        zero_fill: false,
        fields: &[
            plain("fd", 0, 4, FieldKind::Fd),
            plain("wide", 4, 8, FieldKind::Fd),
        ],
    };
    let mut bytes = ints(&[3]);
    bytes.extend_from_slice(&0xdefaced00000003u64.to_ne_bytes());
    bytes.extend_from_slice(&ints(&[4]));
    bytes.extend_from_slice(&3u64.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &bytes);
    let mut fds = FakeFds::default();
    fds.fds.insert(3, fd_path(b"/dev/full"));
    let mut scratch = Scratch::new();
    let got = rendered(|out| {
        let mut ctx = Ctx {
            fds: Some(&mut fds),
            ..Ctx::for_test(&mem, &mut scratch)
        };
        fields::at(&mut Text::new(out), &mut ctx, &FDS, 0x1000);
        out.bytes(b" ");
        fields::at(&mut Text::new(out), &mut ctx, &FDS, 0x1000 + 12);
    });
    assert_eq!(
        got,
        "{fd=3</dev/full>, wide=1004211375834136579} {fd=4, wide=3</dev/full>}"
    );
}

/// `abbrev_after`: the first members, then `...`; all of them under `-v`.
#[test]
fn abbreviated_struct() {
    static ABBREV: StructDesc = StructDesc {
        size: 16,
        min_size: 16,
        past_end: PastEnd::Ignored,
        abbrev_after: 2,
        array: false,
        array_max: 0,
        zero_fill: false,
        fields: &[
            plain("a", 0, 4, FieldKind::Int),
            plain("b", 4, 4, FieldKind::Int),
            plain("c", 8, 4, FieldKind::Int),
            plain("d", 12, 4, FieldKind::Int),
        ],
    };
    let mem = FakeMemory::new().with(0x1000, &ints(&[1, 2, 3, 4]));
    assert_eq!(at(&mem, &ABBREV, 0x1000), "{a=1, b=2, ...}");
    let verbose = DecodeOpts {
        abbreviate: false,
        ..DecodeOpts::default()
    };
    assert_eq!(
        shown_with(&mem, verbose, |s, ctx| fields::at(s, ctx, &ABBREV, 0x1000)),
        "{a=1, b=2, c=3, d=4}"
    );
}

/// NULL, an unreadable or partly readable struct, and `-e verbose=none`: the address, as
/// strace's `umove_or_printaddr`.
#[test]
fn bad_pointers_show_addresses() {
    let mem = FakeMemory::new().with(0x1000, &[0u8; 4096]);
    assert_eq!(at(&mem, &INNER, 0), "NULL");
    assert_eq!(at(&mem, &INNER, UNREADABLE), "0xdead0000");
    // The last two bytes of the page, then nothing.
    assert_eq!(at(&mem, &INNER, 0x1ffe), "0x1ffe");
    assert_eq!(at(&mem, &INNER, 0x1ffc), "{lo=0, hi=0}");
    let quiet = quiet();
    assert_eq!(
        shown_with(&mem, quiet, |s, ctx| fields::at(s, ctx, &INNER, 0x1000)),
        "0x1000"
    );
}

/// `sized_struct`: an address below `min_size`, the members the size reaches, and past the
/// struct `...` or the bytes that are not zero (`???` when unreadable).
#[test]
fn extensible_structs() {
    static EXT: StructDesc = StructDesc {
        size: 8,
        min_size: 4,
        past_end: PastEnd::Nonzero,
        abbrev_after: 0,
        array: false,
        array_max: 0,
        zero_fill: false,
        fields: &[
            plain("v0", 0, 4, FieldKind::Int),
            plain("v1", 4, 4, FieldKind::Int),
        ],
    };
    static MORE: StructDesc = StructDesc {
        past_end: PastEnd::More,
        ..EXT
    };
    let mut page = vec![0u8; 4096];
    put(&mut page, 0, 5i32.to_ne_bytes());
    put(&mut page, 4, 6i32.to_ne_bytes());
    put(&mut page, 4096 - 16, 5i32.to_ne_bytes());
    put(&mut page, 4096 - 16 + 9, [0xab]);
    let mem = FakeMemory::new().with(0x1000, &page);
    let sized = |desc: &'static StructDesc, addr: u64, len: u64| {
        shown_with(&mem, DecodeOpts::default(), |s, ctx| {
            fields::sized(s, ctx, desc, addr, len)
        })
    };
    assert_eq!(sized(&EXT, 0x1000, 3), "0x1000");
    assert_eq!(sized(&EXT, 0, 3), "NULL");
    assert_eq!(sized(&EXT, 0, 4), "NULL");
    assert_eq!(sized(&EXT, 0x1000, 4), "{v0=5}");
    assert_eq!(sized(&EXT, 0x1000, 8), "{v0=5, v1=6}");
    // Zeros past the struct show nothing; other bytes as strace's print_nonzero_bytes.
    assert_eq!(sized(&EXT, 0x1000, 16), "{v0=5, v1=6}");
    assert_eq!(
        sized(&EXT, 0x2000 - 16, 12),
        "{v0=5, v1=0, /* bytes 8..11 */ \"\\x00\\xab\\x00\\x00\"}"
    );
    assert_eq!(sized(&EXT, 0x2000 - 16, 24), "{v0=5, v1=0, ???}");
    assert_eq!(sized(&MORE, 0x1000, 9), "{v0=5, v1=6, ...}");
    assert_eq!(sized(&MORE, 0x1000, 8), "{v0=5, v1=6}");
    assert_eq!(sized(&MORE, UNREADABLE, 8), "0xdead0000");
}

/// `landlock_*`: the ruleset's extensible struct, the rule by its type, the flags in hex,
/// and a return value that is a descriptor unless the version was asked for.
#[test]
fn landlock_calls() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x2005]))
        .with(0x2000, &{
            let mut r = words(&[0xc001]);
            r.extend_from_slice(&ints(&[-1]));
            r
        })
        .with(0x3000 - 4, &ints(&[7]));
    assert_eq!(
        line(
            NR_LANDLOCK_CREATE_RULESET,
            [0, 0, 1, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 3"
    );
    for (size, shown) in [
        (7, "0x1000"),
        (
            8,
            "{handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE|LANDLOCK_ACCESS_FS_REFER}",
        ),
        (
            16,
            "{handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE|LANDLOCK_ACCESS_FS_REFER, ...}",
        ),
    ] {
        assert_eq!(
            line(
                NR_LANDLOCK_CREATE_RULESET,
                [0x1000, size, 0xd1efaced_badcaffe, 0, 0, 0],
                &mem,
                Outcome::Err(EINVAL)
            ),
            format!(
                "landlock_create_ruleset({shown}, {size}, 0xbadcaffe /* LANDLOCK_CREATE_RULESET_??? */) = -1 EINVAL (Invalid argument)"
            )
        );
    }
    assert_eq!(
        line(
            NR_LANDLOCK_ADD_RULE,
            [3, 0xd1efaced_00000001, 0x2000, 0xd1efaced_00000001, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE|0xc000, parent_fd=-1}, 0x1) = -1 EBADF (Bad file descriptor)"
    );
    // An unknown type's rule is an address; so is one that cannot be read whole.
    assert_eq!(
        line(
            NR_LANDLOCK_ADD_RULE,
            [3, 2, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "landlock_add_rule(3, 0x2 /* LANDLOCK_RULE_??? */, 0x2000, 0) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_LANDLOCK_ADD_RULE,
            [3, 1, 0x3000 - 4, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, 0x2ffc, 0) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_LANDLOCK_RESTRICT_SELF,
            [u64::MAX, 0xd1efacedffffffff, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "landlock_restrict_self(-1, 0xffffffff)  = -1 EBADF (Bad file descriptor)"
    );
}

/// Under `-y` the ruleset is a descriptor, the ABI version a number.
#[test]
fn landlock_ruleset_descriptor() {
    let mem = FakeMemory::new().with(0x1000, &words(&[1]));
    let mut fds = FakeFds::default();
    fds.fds.insert(3, fd_path(b"anon_inode:landlock-ruleset"));
    let got = line_fds(
        NR_LANDLOCK_CREATE_RULESET,
        [0x1000, 8, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(3),
    );
    assert_eq!(
        got,
        "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE}, 8, 0) = 3<anon_inode:landlock-ruleset>"
    );
    let got = line_fds(
        NR_LANDLOCK_CREATE_RULESET,
        [0, 0, 1, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(3),
    );
    assert_eq!(
        got,
        "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 3"
    );
}

/// A `struct mount_attr` (`words`: attr_set, attr_clr, propagation, userns_fd).
fn mount_attr(w: [u64; 4]) -> Vec<u8> {
    words(&w)
}

/// `mount_setattr`: userns_fd a descriptor only for an ID-mapped mount (and when it fits an
/// int), the bytes past the struct, sizes below the first version.
#[test]
fn mount_setattr_struct() {
    const IDMAP: u64 = 0x10_0000;
    let mut big = mount_attr([2, 4, 0x80000, 9]);
    big.extend_from_slice(&[0, 0x81, 0, 0, 0, 0, 0, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, b"/mnt\0")
        .with(
            0x2000,
            &mount_attr([IDMAP | 1, 0xffffffff00000000, 0x40000, 9]),
        )
        .with(0x3000, &mount_attr([2, IDMAP, 0x140000, 0xdefaced00000009]))
        .with(0x5000 - 40, &big);
    let mut fds = FakeFds::default();
    fds.fds.insert(9, fd_path(b"/proc/1/ns/user"));
    let call = |args: [u64; 6], fds: &mut FakeFds| {
        line_fds(
            NR_MOUNT_SETATTR,
            args,
            &mem,
            fds,
            |_| {},
            Outcome::Err(EINVAL),
        )
    };
    assert_eq!(
        call([u64::MAX, 0x1000, 0x8100, 0x2000, 32, 0], &mut fds),
        "mount_setattr(-1, \"/mnt\", AT_SYMLINK_NOFOLLOW|AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_IDMAP, attr_clr=0xffffffff00000000 /* MOUNT_ATTR_??? */, propagation=MS_PRIVATE, userns_fd=9</proc/1/ns/user>}, 32) = -1 EINVAL (Invalid argument)"
    );
    // Not a descriptor past INT_MAX, even for an ID-mapped mount; propagation unknown.
    assert_eq!(
        call([u64::MAX, 0x1000, 0, 0x3000, 32, 0], &mut fds),
        "mount_setattr(-1, \"/mnt\", 0, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_IDMAP, propagation=0x140000 /* MS_??? */, userns_fd=1004211375834136585}, 32) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        call([u64::MAX, 0x1000, 0x4000, 0x3000, 31, 0], &mut fds),
        "mount_setattr(-1, \"/mnt\", 0x4000 /* AT_??? */, 0x3000, 31) = -1 EINVAL (Invalid argument)"
    );
    // No ID mapping: the number; past the struct, the bytes that are not zero.
    assert_eq!(
        call([u64::MAX, 0x1000, 0, 0x5000 - 40, 40, 0], &mut fds),
        "mount_setattr(-1, \"/mnt\", 0, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, propagation=MS_SLAVE, userns_fd=9, /* bytes 32..39 */ \"\\x00\\x81\\x00\\x00\\x00\\x00\\x00\\x00\"}, 40) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        call([u64::MAX, 0x1000, 0, 0x5000 - 40, 48, 0], &mut fds),
        "mount_setattr(-1, \"/mnt\", 0, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, propagation=MS_SLAVE, userns_fd=9, ???}, 48) = -1 EINVAL (Invalid argument)"
    );
}

/// A `struct sched_attr` of `size` with policy, flags, nice, priority, runtime, deadline,
/// period, util_min, util_max.
fn sched_attr(size: u32, policy: u32, flags: u64, rest: [u64; 5], util: [u32; 2]) -> Vec<u8> {
    let mut b = words32(&[size, policy]);
    b.extend_from_slice(&words(&[flags]));
    b.extend_from_slice(&ints(&[rest[0] as i32]));
    b.extend_from_slice(&words32(&[rest[1] as u32]));
    b.extend_from_slice(&words(&rest[2..]));
    b.extend_from_slice(&words32(&util));
    b
}

#[test]
fn sched_getattr_struct() {
    let mem = FakeMemory::new()
        .with(
            0x1000,
            &sched_attr(56, 0, 1, [u64::MAX, 0, 1, 2, 3], [4, 5]),
        )
        .with(0x2000, &sched_attr(48, 6, 0, [0; 5], [4, 5]));
    let get = |args: [u64; 6], outcome| line(NR_SCHED_GETATTR, args, &mem, outcome);
    assert_eq!(
        get([0, 0x1000, 56, 0, 0, 0], Outcome::Ok(0)),
        "sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=-1, sched_priority=0, sched_runtime=1, sched_deadline=2, sched_period=3, sched_util_min=4, sched_util_max=5}, 56, 0) = 0"
    );
    // The kernel's size decides: the first version has no utilization clamps.
    assert_eq!(
        get([0, 0x2000, 0xdefaced00000038, 0, 0, 0], Outcome::Ok(0)),
        "sched_getattr(0, {size=48, sched_policy=SCHED_DEADLINE, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0}, 56, 0) = 0"
    );
    assert_eq!(
        get([0, 0x1000, 0, 0, 0, 0], Outcome::Err(EINVAL)),
        "sched_getattr(0, 0x1000, 0, 0)          = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        get([0, 0x1000, 56, 0, 0, 0], Outcome::Err(EINVAL)),
        "sched_getattr(0, 0x1000, 56, 0)         = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        get([0, UNREADABLE, 56, 0, 0, 0], Outcome::Ok(0)),
        "sched_getattr(0, 0xdead0000, 56, 0)     = 0"
    );
}

#[test]
fn sched_setattr_struct() {
    let keep_params = sched_attr(56, 0xdefaced, 0x90, [1, 2, 3, 4, 5], [6, 7]);
    let keep_policy = sched_attr(48, 0xdefaced, 0x8, [1, 2, 3, 4, 5], [6, 7]);
    let negative = sched_attr(0, 0xfffffffe, 0x18, [1, 2, 3, 4, 5], [6, 7]);
    let big = sched_attr(0x90807060, 1, 0, [0; 5], [0; 2]);
    let mem = FakeMemory::new()
        .with(0x1000, &keep_params)
        .with(0x2000, &keep_policy)
        .with(0x3000, &negative)
        .with(0x4000, &big)
        .with(0x5000, &words32(&[47]))
        .with(0x7000 - 4, &words32(&[56]));
    let set = |addr: u64, outcome| line(NR_SCHED_SETATTR, [0, addr, 0, 0, 0, 0], &mem, outcome);
    assert_eq!(
        set(0x1000, Outcome::Err(EINVAL)),
        "sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_PARAMS|0x80, sched_util_min=6, sched_util_max=7}, 0) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        set(0x2000, Outcome::Err(EINVAL)),
        "sched_setattr(0, {size=48, sched_flags=SCHED_FLAG_KEEP_POLICY, sched_nice=1, sched_priority=2, sched_runtime=3, sched_deadline=4, sched_period=5}, 0) = -1 EINVAL (Invalid argument)"
    );
    // A negative policy shows, kept or not; a size of 0 is the first version's.
    assert_eq!(
        set(0x3000, Outcome::Err(EINVAL)),
        "sched_setattr(0, {size=0, sched_policy=0xfffffffe /* SCHED_??? */, sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS}, 0) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        set(0x4000, Outcome::Err(E2BIG)),
        "sched_setattr(0, {size=2424336480, sched_policy=SCHED_FIFO, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0, ...} => {size=2424336480}, 0) = -1 E2BIG (Argument list too long)"
    );
    // Below the first version, the size alone; the size read, then the rest unreadable.
    assert_eq!(
        set(0x5000, Outcome::Err(EINVAL)),
        "sched_setattr(0, {size=47}, 0)          = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        set(0x7000 - 4, Outcome::Err(EFAULT)),
        "sched_setattr(0, 0x6ffc, 0)             = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        set(0, Outcome::Err(EINVAL)),
        "sched_setattr(0, NULL, 0)               = -1 EINVAL (Invalid argument)"
    );
}

/// After `E2BIG` the kernel wrote its size back: ` => {size=56}` under `-e verbose`, nothing
/// without it (where the struct itself is an address).
#[test]
fn sched_setattr_size_written_back() {
    let before = FakeMemory::new().with(0x1000, &words32(&[1]));
    let after = FakeMemory::new().with(0x1000, &words32(&[56]));
    assert_eq!(
        line_changed(
            NR_SCHED_SETATTR,
            [0, 0x1000, 0, 0, 0, 0],
            &before,
            &after,
            Outcome::Err(E2BIG)
        ),
        "sched_setattr(0, {size=1} => {size=56}, 0) = -1 E2BIG (Argument list too long)"
    );
    let quiet = quiet();
    let got = render_call(
        NR_SCHED_SETATTR,
        [0, 0x1000, 0, 0, 0, 0],
        [&before, &after],
        quiet,
        None,
        |_| {},
        Outcome::Err(E2BIG),
    );
    assert_eq!(
        got,
        "sched_setattr(0, 0x1000, 0)             = -1 E2BIG (Argument list too long)"
    );
}

/// strace's `printnum_int` reads through `umove_or_printaddr` too: an address under `-e
/// verbose=none`.
#[test]
fn int_pointer_under_verbose_none() {
    let mem = FakeMemory::new().with(0x1000, &ints(&[0]));
    let quiet = quiet();
    let args = [1, 0, 0x1000, 0, 0, 0];
    assert_eq!(
        line(NR_TIMER_CREATE, args, &mem, Outcome::Ok(0)),
        "timer_create(CLOCK_MONOTONIC, NULL, [0]) = 0"
    );
    assert_eq!(
        render_call(
            NR_TIMER_CREATE,
            args,
            [&mem, &mem],
            quiet,
            None,
            |_| {},
            Outcome::Ok(0)
        ),
        "timer_create(CLOCK_MONOTONIC, NULL, 0x1000) = 0"
    );
}

/// A `string` member: quoted up to its NUL; with none before its last byte, all but that
/// byte and `...`, as strace's `print_quoted_cstring` shows a char array. An `array` struct
/// shows its members unnamed.
#[test]
fn char_arrays_and_array_structs() {
    static NAMED: StructDesc = StructDesc {
        size: 8,
        min_size: 8,
        past_end: PastEnd::Ignored,
        abbrev_after: 0,
        array: false,
        array_max: 0,
        zero_fill: false,
        fields: &[
            plain("name", 0, 4, FieldKind::CString),
            plain("label", 4, 4, FieldKind::CString),
        ],
    };
    static PAIR: StructDesc = StructDesc {
        size: 8,
        min_size: 8,
        past_end: PastEnd::Ignored,
        abbrev_after: 0,
        array: true,
        array_max: 0,
        zero_fill: false,
        fields: &[
            plain("first", 0, 4, FieldKind::Int),
            plain("second", 4, 4, FieldKind::Hex),
        ],
    };
    let mem = FakeMemory::new()
        .with(0x1000, b"ab\0zabc\0")
        .with(0x2000, b"abcdabcd")
        .with(0x3000, &ints(&[-1, 255]));
    assert_eq!(at(&mem, &NAMED, 0x1000), r#"{name="ab", label="abc"}"#);
    assert_eq!(
        at(&mem, &NAMED, 0x2000),
        r#"{name="abc"..., label="abc"...}"#
    );
    assert_eq!(at(&mem, &PAIR, 0x3000), "[-1, 0xff]");
    assert_eq!(at(&mem, &PAIR, 0x9000), "0x9000");
}

/// `uuid`: 16 bytes as strace's `print_uuid` writes them; `if_nonzero` on it looks at all 16
/// bytes (one set byte past the first 8 keeps it).
#[test]
fn uuid_members() {
    static UUIDS: StructDesc = StructDesc {
        size: 32,
        min_size: 32,
        past_end: PastEnd::Ignored,
        abbrev_after: 0,
        array: false,
        array_max: 0,
        zero_fill: false,
        fields: &[
            plain("id", 0, 16, FieldKind::Uuid),
            FieldDesc {
                if_nonzero: true,
                ..plain("opt", 16, 16, FieldKind::Uuid)
            },
        ],
    };
    let mut bytes: Vec<u8> = (0..16u8).map(|b| b * 0x11).collect();
    bytes.extend_from_slice(&[0; 16]);
    let mut later = bytes.clone();
    later[31] = 0xab;
    let mem = FakeMemory::new().with(0x1000, &bytes).with(0x2000, &later);
    assert_eq!(
        at(&mem, &UUIDS, 0x1000),
        "{id=00112233-4455-6677-8899-aabbccddeeff}"
    );
    assert_eq!(
        at(&mem, &UUIDS, 0x2000),
        "{id=00112233-4455-6677-8899-aabbccddeeff, opt=00000000-0000-0000-0000-0000000000ab}"
    );
}
