//! bpf(2)'s `union bpf_attr` (`decode/bpf_attr.rs`, the `[structs.bpf_*]` layouts), as
//! strace 6.1 prints it (its tests bpf.c, bpf-obj_get_info_by_fd.c, kernel_version.c).

use super::*;

const NR_BPF: u64 = 321;
/// Where the tests put an attr.
const ATTR: u64 = 0x1000;

// Commands (<linux/bpf.h> `enum bpf_cmd`).
const BPF_MAP_CREATE: u64 = 0;
const BPF_PROG_LOAD: u64 = 5;
const BPF_OBJ_PIN: u64 = 6;
const BPF_PROG_GET_NEXT_ID: u64 = 11;
const BPF_OBJ_GET_INFO_BY_FD: u64 = 15;
const BPF_PROG_QUERY: u64 = 16;
const BPF_RAW_TRACEPOINT_OPEN: u64 = 17;
const BPF_BTF_LOAD: u64 = 18;
const BPF_TASK_FD_QUERY: u64 = 20;
const BPF_MAP_UPDATE_BATCH: u64 = 26;
const BPF_LINK_CREATE: u64 = 28;
const BPF_LINK_UPDATE: u64 = 29;

/// `n` bytes of zeros with `parts` laid at their offsets.
fn bytes(n: usize, parts: &[(usize, &[u8])]) -> Vec<u8> {
    let mut b = vec![0u8; n];
    for (at, part) in parts {
        b[*at..*at + part.len()].copy_from_slice(part);
    }
    b
}

/// The line of a command the kernel answers in its attr: the entry reads `before`, the
/// exit `after`.
fn answered(cmd: u64, size: u64, mem: [&FakeMemory; 2], outcome: Outcome) -> String {
    let args = [cmd, ATTR, size, 0, 0, 0];
    render_call(
        NR_BPF,
        args,
        mem,
        DecodeOpts::default(),
        None,
        |_| {},
        outcome,
    )
}

/// A `BPF_MAP_CREATE` attr: a user ring buffer with six flags and a name.
fn map_create() -> Vec<u8> {
    bytes(
        72,
        &[
            (0, &31u32.to_ne_bytes()),
            (4, &4u32.to_ne_bytes()),
            (8, &8u32.to_ne_bytes()),
            (12, &256u32.to_ne_bytes()),
            (16, &63u32.to_ne_bytes()),
            (20, &(-1i32).to_ne_bytes()),
            (24, &3141592653u32.to_ne_bytes()),
            (28, b"0123456789abcde"),
        ],
    )
}

const MAP_HEAD: &str = "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_USER_RINGBUF, key_size=4, value_size=8, max_entries=256";
const MAP_FLAGS: &str = "map_flags=BPF_F_NO_PREALLOC|BPF_F_NO_COMMON_LRU|BPF_F_NUMA_NODE|BPF_F_RDONLY|BPF_F_WRONLY|BPF_F_STACK_BUILD_ID";

/// A size shows the members starting within it, those of one kernel version together; a
/// char array the size cuts shows as far as it goes, with `...`.
#[test]
fn members_by_the_size() {
    let mem = FakeMemory::new().with(ATTR, &map_create());
    let call = |size| [BPF_MAP_CREATE, ATTR, size, 0, 0, 0];
    assert_eq!(
        line(NR_BPF, call(1), &mem, Outcome::Err(EINVAL)),
        "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_USER_RINGBUF, key_size=0, value_size=0, max_entries=0}, 1) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_BPF, call(36), &mem, Outcome::Err(EINVAL)),
        format!(
            "{MAP_HEAD}, {MAP_FLAGS}, inner_map_fd=-1, numa_node=3141592653, map_name=\"0123456\"...}}, 36) = -1 EINVAL (Invalid argument)"
        )
    );
    assert_eq!(
        line(NR_BPF, call(72), &mem, Outcome::Ok(3)),
        format!(
            "{MAP_HEAD}, {MAP_FLAGS}, inner_map_fd=-1, numa_node=3141592653, map_name=\"0123456789abcde\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}}, 72) = 3"
        )
    );
}

/// numa_node shows only with BPF_F_NUMA_NODE, its -1 named in a comment.
#[test]
fn numa_node_by_the_flags() {
    let mut attr = map_create();
    attr[16..20].copy_from_slice(&0u32.to_ne_bytes());
    let mem = FakeMemory::new().with(ATTR, &attr);
    assert_eq!(
        line(NR_BPF, [0, ATTR, 28, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        format!("{MAP_HEAD}, map_flags=0, inner_map_fd=-1}}, 28) = -1 EINVAL (Invalid argument)")
    );
    attr[16..20].copy_from_slice(&4u32.to_ne_bytes());
    attr[24..28].copy_from_slice(&u32::MAX.to_ne_bytes());
    let mem = FakeMemory::new().with(ATTR, &attr);
    assert_eq!(
        line(NR_BPF, [0, ATTR, 28, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        format!(
            "{MAP_HEAD}, map_flags=BPF_F_NUMA_NODE, inner_map_fd=-1, numa_node=4294967295 /* NUMA_NO_NODE */}}, 28) = -1 EINVAL (Invalid argument)"
        )
    );
}

/// No size, more than a page, NULL, unreadable memory and an unknown command show the
/// address; such a call's descriptor is no descriptor.
#[test]
fn the_address_when_not_shown() {
    let mem = FakeMemory::new().with(ATTR, &map_create());
    let err = Outcome::Err(EFAULT);
    for (args, text) in [
        ([0, ATTR, 0], "bpf(BPF_MAP_CREATE, 0x1000, 0)"),
        ([0, ATTR, 4097], "bpf(BPF_MAP_CREATE, 0x1000, 4097)"),
        ([0, 0, 72], "bpf(BPF_MAP_CREATE, NULL, 72)"),
        ([0, BAD, 72], "bpf(BPF_MAP_CREATE, 0x9000, 72)"),
        ([32, ATTR, 8], "bpf(BPF_ENABLE_STATS, 0x1000, 8)"),
        (
            [0xfacefeed, ATTR, 8],
            "bpf(0xfacefeed /* BPF_??? */, 0x1000, 8)",
        ),
    ] {
        let call = [args[0], args[1], args[2] | 0xface_feed_0000_0000, 0, 0, 0];
        // Aligned at strace's column 40.
        let pad = " ".repeat(40usize.saturating_sub(text.len()).max(1));
        assert_eq!(
            line(NR_BPF, call, &mem, err),
            format!("{text}{pad}= -1 EFAULT (Bad address)")
        );
    }
}

/// The bytes past a command's part that are not zero: `...`, or under -v in hex.
#[test]
fn extra_data() {
    let mut attr = bytes(80, &[(0, &(-1i32).to_ne_bytes())]);
    attr[77] = b'0';
    let mem = FakeMemory::new().with(ATTR, &attr);
    let call = [22, ATTR, 80, 0, 0, 0];
    assert_eq!(
        line(NR_BPF, call, &mem, Outcome::Err(EBADF)),
        "bpf(BPF_MAP_FREEZE, {map_fd=-1, ...}, 80) = -1 EBADF (Bad file descriptor)"
    );
    let extra = format!("{}\\x30\\x00\\x00", "\\x00".repeat(73));
    assert_eq!(
        line_verbose(NR_BPF, call, &mem, Outcome::Err(EBADF)),
        format!(
            "bpf(BPF_MAP_FREEZE, {{map_fd=-1, extra_data=\"{extra}\" /* bytes 4..79 */}}, 80) = -1 EBADF (Bad file descriptor)"
        )
    );
}

/// A `BPF_PROG_LOAD` attr: its instructions (one), license, log and kernel version.
fn prog_load() -> FakeMemory {
    let insn = [0x95u8, 0xba, 0xad, 0xde, 0xed, 0x0d, 0xdc, 0xba];
    let attr = bytes(
        72,
        &[
            (0, &1u32.to_ne_bytes()),
            (4, &1u32.to_ne_bytes()),
            (8, &0x3000u64.to_ne_bytes()),
            (16, &0x5100u64.to_ne_bytes()),
            (24, &2u32.to_ne_bytes()),
            (28, &4u32.to_ne_bytes()),
            (32, &0x6200u64.to_ne_bytes()),
            (40, &0xcafef00du32.to_ne_bytes()),
            (44, &0x21u32.to_ne_bytes()),
            (48, b"prog"),
        ],
    );
    FakeMemory::new()
        .with(ATTR, &attr)
        .with(0x3000, &insn)
        .with(0x5100, b"GPL\0")
        .with(0x6200, b"log test\0")
}

/// Instructions under -v, strings by a member's length, a kernel version.
#[test]
fn prog_load_programs_and_strings() {
    let call = [BPF_PROG_LOAD, ATTR, 72, 0, 0, 0];
    let tail = "license=\"GPL\", log_level=2, log_size=4, log_buf=\"log \"..., kern_version=KERNEL_VERSION(51966, 240, 13), prog_flags=BPF_F_STRICT_ALIGNMENT|0x20, prog_name=\"prog\", prog_ifindex=0, expected_attach_type=BPF_CGROUP_INET_INGRESS}, 72) = -1 EINVAL (Invalid argument)";
    let head = "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=1";
    assert_eq!(
        line(NR_BPF, call, &prog_load(), Outcome::Err(EINVAL)),
        format!("{head}, insns=0x3000, {tail}")
    );
    assert_eq!(
        line_verbose(NR_BPF, call, &prog_load(), Outcome::Err(EINVAL)),
        format!(
            "{head}, insns=[{{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_10, src_reg=0xb /* BPF_REG_??? */, off=-8531, imm=0xbadc0ded}}], {tail}"
        )
    );
}

/// `KERNEL_VERSION(a, b, c)` follows -X: the number under raw, both under verbose.
#[test]
fn kernel_version_by_style() {
    use crate::output::ConstStyle::{Raw, Verbose};
    let call = [BPF_PROG_LOAD, ATTR, 48, 0, 0, 0];
    let raw = line_styled(Raw, NR_BPF, call, &prog_load(), Outcome::Err(EINVAL));
    assert!(
        raw.contains(", kern_version=0xcafef00d, prog_flags=0x21}, 48)"),
        "{raw}"
    );
    let verbose = line_styled(Verbose, NR_BPF, call, &prog_load(), Outcome::Err(EINVAL));
    assert!(
        verbose.contains(", kern_version=0xcafef00d /* KERNEL_VERSION(51966, 240, 13) */, "),
        "{verbose}"
    );
}

/// A path, a tracepoint name of at most 128 bytes, a buffer of `btf_size` bytes; a member
/// shown when a flag is set.
#[test]
fn pointers_and_conditions() {
    let pin = bytes(
        16,
        &[(0, &0x3000u64.to_ne_bytes()), (8, &(-1i32).to_ne_bytes())],
    );
    let tp = bytes(
        12,
        &[(0, &0x3000u64.to_ne_bytes()), (8, &5u32.to_ne_bytes())],
    );
    let btf = bytes(
        28,
        &[(0, &0x3000u64.to_ne_bytes()), (16, &9u32.to_ne_bytes())],
    );
    let update = bytes(16, &[(8, &4u32.to_ne_bytes()), (12, &7u32.to_ne_bytes())]);
    let cases: [(&[u8], &[u8], u64, &str); 4] = [
        (
            &pin,
            b"/sys/fs/bpf/foo\0",
            BPF_OBJ_PIN,
            "{pathname=\"/sys/fs/bpf/foo\", bpf_fd=-1, file_flags=0}, 16",
        ),
        (
            &tp,
            b"0123456789qwertyuiop0123456789qwe\0",
            BPF_RAW_TRACEPOINT_OPEN,
            "{raw_tracepoint={name=\"0123456789qwertyuiop0123456789qw\"..., prog_fd=5}}, 12",
        ),
        (
            &btf,
            b"bPf\0daTum",
            BPF_BTF_LOAD,
            "{btf=\"bPf\\0daTum\", btf_log_buf=NULL, btf_size=9, btf_log_size=0, btf_log_level=0}, 28",
        ),
        (
            &update,
            b"",
            BPF_LINK_UPDATE,
            "{link_update={link_fd=0, new_prog_fd=0, flags=BPF_F_REPLACE, old_prog_fd=7}}, 16",
        ),
    ];
    for (attr, data, cmd, text) in cases {
        let mem = FakeMemory::new().with(ATTR, attr).with(0x3000, data);
        let call = [cmd, ATTR, attr.len() as u64, 0, 0, 0];
        let name = table::ENUM_BPF_COMMANDS.name(cmd).unwrap();
        assert_eq!(
            line(NR_BPF, call, &mem, Outcome::Err(EINVAL)),
            format!("bpf({name}, {text}) = -1 EINVAL (Invalid argument)")
        );
    }
}

/// The id the kernel found shows after ` => `, at exit.
#[test]
fn next_id_at_exit() {
    let before = FakeMemory::new().with(ATTR, &bytes(12, &[(0, &7u32.to_ne_bytes())]));
    let after = FakeMemory::new().with(
        ATTR,
        &bytes(12, &[(0, &7u32.to_ne_bytes()), (4, &9u32.to_ne_bytes())]),
    );
    let out = answered(BPF_PROG_GET_NEXT_ID, 12, [&before, &after], Outcome::Ok(0));
    assert_eq!(
        out,
        "bpf(BPF_PROG_GET_NEXT_ID, {start_id=7, next_id=0 => 9, open_flags=0}, 12) = 0"
    );
}

/// The programs attached, read after a success (the address after a failure), and their
/// count as given and as answered.
#[test]
fn prog_query_at_exit() {
    let attr = |cnt: u32| {
        bytes(
            28,
            &[
                (0, &3u32.to_ne_bytes()),
                (8, &1u32.to_ne_bytes()),
                (16, &0x3000u64.to_ne_bytes()),
                (24, &cnt.to_ne_bytes()),
            ],
        )
    };
    let ids = [1u32, 2, 7].map(u32::to_ne_bytes).concat();
    let before = FakeMemory::new().with(ATTR, &attr(5)).with(0x3000, &ids);
    let after = FakeMemory::new().with(ATTR, &attr(3)).with(0x3000, &ids);
    let render = |outcome| answered(BPF_PROG_QUERY, 28, [&before, &after], outcome);
    let head = "bpf(BPF_PROG_QUERY, {query={target_fd=3, attach_type=BPF_CGROUP_INET_INGRESS, query_flags=BPF_F_QUERY_EFFECTIVE, attach_flags=0, prog_ids=";
    assert_eq!(
        render(Outcome::Ok(0)),
        format!("{head}[1, 2, 7], prog_cnt=5 => 3}}}}, 28) = 0")
    );
    assert_eq!(
        render(Outcome::Err(ENOSPC)),
        format!("{head}0x3000, prog_cnt=5 => 3}}}}, 28) = -1 ENOSPC (No space left on device)")
    );
}

const ENOSPC: u64 = 28;

/// What a task's descriptor is: the buffer as long as both lengths say.
#[test]
fn task_fd_query_at_exit() {
    let attr = |len: u32| {
        bytes(
            48,
            &[
                (0, &1u32.to_ne_bytes()),
                (4, &3u32.to_ne_bytes()),
                (12, &len.to_ne_bytes()),
                (16, &0x3000u64.to_ne_bytes()),
                (28, &2u32.to_ne_bytes()),
                (32, &0x10u64.to_ne_bytes()),
            ],
        )
    };
    let before = FakeMemory::new()
        .with(ATTR, &attr(16))
        .with(0x3000, b"do_sys_open\0");
    let after = FakeMemory::new()
        .with(ATTR, &attr(11))
        .with(0x3000, b"do_sys_open\0");
    let out = answered(BPF_TASK_FD_QUERY, 48, [&before, &after], Outcome::Ok(0));
    assert_eq!(
        out,
        "bpf(BPF_TASK_FD_QUERY, {task_fd_query={pid=1, fd=3, flags=0, buf_len=16 => 11, buf=\"do_sys_open\"..., prog_id=0, fd_type=BPF_FD_TYPE_KPROBE, probe_offset=0x10, probe_addr=0}}, 48) = 0"
    );
}

/// A batch's count as the kernel left it, when it changed.
#[test]
fn batch_count_at_exit() {
    let attr = |count: u32| {
        bytes(
            56,
            &[
                (16, &0x3000u64.to_ne_bytes()),
                (32, &count.to_ne_bytes()),
                (36, &(-1i32).to_ne_bytes()),
                (40, &4u64.to_ne_bytes()),
            ],
        )
    };
    let before = FakeMemory::new().with(ATTR, &attr(3));
    let after = FakeMemory::new().with(ATTR, &attr(2));
    let out = answered(
        BPF_MAP_UPDATE_BATCH,
        56,
        [&before, &after],
        Outcome::Err(EINVAL),
    );
    assert_eq!(
        out,
        "bpf(BPF_MAP_UPDATE_BATCH, {batch={keys=0x3000, values=NULL, count=3, map_fd=-1, elem_flags=BPF_F_LOCK, flags=0}} => {batch={count=2}}, 56) = -1 EINVAL (Invalid argument)"
    );
}

/// BPF_LINK_CREATE's union by the attach type: an iterator's maps, a perf event's cookie;
/// for another type, what follows flags is extra data.
#[test]
fn link_create_by_attach_type() {
    let attr = |kind: u32, union: &[u8]| bytes(48, &[(8, &kind.to_ne_bytes()), (16, union)]);
    let iter = [0x3000u64.to_ne_bytes(), 2u64.to_ne_bytes()].concat();
    let maps = [4i32, -1].map(i32::to_ne_bytes).concat();
    let head = "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, attach_type=";
    for (kind, union, text) in [
        (
            28,
            &iter[..],
            "BPF_TRACE_ITER, flags=0, iter_info=[{map={map_fd=4}}, {map={map_fd=-1}}], iter_info_len=2}",
        ),
        (
            41,
            &0xdeadc0defacecafeu64.to_ne_bytes()[..],
            "BPF_PERF_EVENT, flags=0, perf_event={bpf_cookie=0xdeadc0defacecafe}}",
        ),
        (5, &[1u8][..], "BPF_SK_SKB_STREAM_VERDICT, flags=0}, ..."),
    ] {
        let mem = FakeMemory::new()
            .with(ATTR, &attr(kind, union))
            .with(0x3000, &maps);
        assert_eq!(
            line(
                NR_BPF,
                [BPF_LINK_CREATE, ATTR, 48, 0, 0, 0],
                &mem,
                Outcome::Err(EINVAL)
            ),
            format!("{head}{text}}}, 48) = -1 EINVAL (Invalid argument)")
        );
    }
}

/// A map's info under -v, by its descriptor's link; the address under the default
/// abbreviation and for a descriptor of another kind.
#[test]
fn obj_get_info_of_a_map() {
    let attr = |len: u32| {
        bytes(
            16,
            &[
                (0, &5u32.to_ne_bytes()),
                (4, &len.to_ne_bytes()),
                (8, &0x3000u64.to_ne_bytes()),
            ],
        )
    };
    let info = bytes(
        88,
        &[
            (0, &2u32.to_ne_bytes()),
            (4, &42u32.to_ne_bytes()),
            (8, &4u32.to_ne_bytes()),
            (24, b"test_map"),
        ],
    );
    let before = FakeMemory::new().with(ATTR, &attr(100)).with(0x3000, &info);
    let after = FakeMemory::new().with(ATTR, &attr(88)).with(0x3000, &info);
    let render = |abbreviate, link: &[u8]| {
        let mut fds = FakeFds::default();
        fds.fds.insert(5, fd_path(link));
        render_call(
            NR_BPF,
            [BPF_OBJ_GET_INFO_BY_FD, ATTR, 16, 0, 0, 0],
            [&before, &after],
            DecodeOpts {
                abbreviate,
                ..DecodeOpts::default()
            },
            Some(&mut fds),
            |_| {},
            Outcome::Ok(0),
        )
    };
    let head = "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=5<anon_inode:bpf-map>, info_len=100 => 88, info=";
    assert_eq!(
        render(false, b"anon_inode:bpf-map"),
        format!(
            "{head}{{type=BPF_MAP_TYPE_ARRAY, id=42, key_size=4, value_size=0, max_entries=0, map_flags=0, name=\"test_map\", ifindex=0, btf_vmlinux_value_type_id=0, netns_dev=makedev(0, 0), netns_ino=0, btf_id=0, btf_key_type_id=0, btf_value_type_id=0}}}}}}, 16) = 0"
        )
    );
    assert_eq!(
        render(true, b"anon_inode:bpf-map"),
        format!("{head}0x3000}}}}, 16) = 0")
    );
    assert!(
        render(false, b"/dev/null").ends_with("info_len=100 => 88, info=0x3000}}, 16) = 0"),
        "{}",
        render(false, b"/dev/null")
    );
}

/// A program's info under -v: the counts the call gave beside what the kernel wrote, the
/// tag in hex, the instructions and map ids as far as both counts say, in strace's order.
#[test]
fn obj_get_info_of_a_program() {
    let attr = |len: u32| {
        bytes(
            16,
            &[
                (0, &6u32.to_ne_bytes()),
                (4, &len.to_ne_bytes()),
                (8, &0x3000u64.to_ne_bytes()),
            ],
        )
    };
    let info = |jited: u32, maps: u32| {
        bytes(
            232,
            &[
                (0, &1u32.to_ne_bytes()),
                (4, &7u32.to_ne_bytes()),
                (8, &[1, 2, 3, 4, 5, 6, 7, 0xff]),
                (16, &jited.to_ne_bytes()),
                (20, &16u32.to_ne_bytes()),
                (32, &0x7000u64.to_ne_bytes()),
                (52, &maps.to_ne_bytes()),
                (56, &0x8000u64.to_ne_bytes()),
                (64, b"p"),
                (84, &1u32.to_ne_bytes()),
                (216, &9u32.to_ne_bytes()),
            ],
        )
    };
    let insns = [
        [0xb7u8, 0x01, 0, 0, 0xff, 0xff, 0xff, 0xff],
        [0x95, 0, 0, 0, 0, 0, 0, 0],
    ]
    .concat();
    let maps = [5u32, 6].map(u32::to_ne_bytes).concat();
    let mem = |len, jited, nr| {
        FakeMemory::new()
            .with(ATTR, &attr(len))
            .with(0x3000, &info(jited, nr))
            .with(0x7000, &insns)
            .with(0x8000, &maps)
    };
    let render = |len| {
        let (before, after) = (mem(len, 0, 2), mem(len, 86, 1));
        let mut fds = FakeFds::default();
        fds.fds.insert(6, fd_path(b"anon_inode:bpf-prog"));
        render_call(
            NR_BPF,
            [BPF_OBJ_GET_INFO_BY_FD, ATTR, 16, 0, 0, 0],
            [&before, &after],
            DecodeOpts {
                abbreviate: false,
                ..DecodeOpts::default()
            },
            Some(&mut fds),
            |_| {},
            Outcome::Ok(0),
        )
    };
    let head = "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=6<anon_inode:bpf-prog>, info_len=";
    let first = "info={type=BPF_PROG_TYPE_SOCKET_FILTER, id=7, tag=\"\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\xff\", jited_prog_len=0 => 86, jited_prog_insns=NULL, xlated_prog_len=16, xlated_prog_insns=[{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_1, src_reg=BPF_REG_0, off=0, imm=0xffffffff}, {code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}]";
    assert_eq!(render(40), format!("{head}40, {first}}}}}}}, 16) = 0"));
    // The load time's date is the machine's boot time: left out of the comparison.
    let whole = render(232);
    let (before, after) = whole.split_once(" /* ").unwrap();
    assert_eq!(before, format!("{head}232, {first}, load_time=0"));
    assert!(
        after.ends_with(" */, created_by_uid=0, nr_map_ids=2 => 1, map_ids=[5], name=\"p\", ifindex=0, gpl_compatible=1, netns_dev=makedev(0, 0), netns_ino=0, nr_jited_ksyms=0, nr_jited_func_lens=0, jited_ksyms=NULL, jited_func_lens=NULL, btf_id=0, func_info_rec_size=0, func_info=NULL, nr_func_info=0, nr_line_info=0, line_info=NULL, jited_line_info=NULL, nr_jited_line_info=0, line_info_rec_size=0, jited_line_info_rec_size=0, nr_prog_tags=0, prog_tags=NULL, run_time_ns=0, run_cnt=0, recursion_misses=0, verified_insns=9}}}, 16) = 0"),
        "{after}"
    );
}
